"""Condition classes (the CONDITION CLASSES table in taggers.py): how authors name the
studied population's condition, on SYNTHETIC sentences written for these tests."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, article

from evidence.models import Tag
from evidence.tagging import Vocabulary, tag_article


def conditions(tags: list[Tag]) -> set[str]:
    return {t.value for t in tags if t.dimension == "condition"}


def tagged(vocab: Vocabulary, title: str, methods: str) -> set[str]:
    record = article(title, methods=methods, types=[JOURNAL_ARTICLE])
    return conditions(tag_article(record, vocab))


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        (
            "Pelvic floor physiotherapy in chronic pelvic pain syndrome",
            "We followed 90 men with chronic pelvic pain syndrome through six months of care.",
        ),
        (
            "Cupping for women with chronic pelvic pain",
            "Forty women whose chronic pelvic pain had lasted a year were treated weekly.",
        ),
        (
            "Nerve blocks for chronic abdominal wall pain",
            "Patients referred with chronic abdominal wall pain received two blocks.",
        ),
        (
            "Local heat for chronic chest wall pain after surgery",
            "Thirty adults with chronic chest wall pain were given heat packs.",
        ),
        (
            "A series of chronic facial pain treated with splints",
            "Twelve people had chronic facial pain and wore a splint at night.",
        ),
    ],
)
def test_chronic_pain_of_a_region_with_its_own_heading_is_no_condition(
    vocab: Vocabulary, title: str, methods: str
) -> None:
    assert "chronic_pain" not in tagged(vocab, title, methods)


@pytest.mark.parametrize(
    "methods",
    [
        "A 41-year-old nurse with chronic upper back pain was seen in clinic.",
        "We enrolled adults whose chronic thoracic pain had lasted over six months.",
        "Office workers with chronic mid-back pain took part.",
    ],
)
def test_chronic_pain_of_a_spinal_part_without_a_term_is_chronic_pain(
    vocab: Vocabulary, methods: str
) -> None:
    assert "chronic_pain" in tagged(vocab, "A clinical study of cupping", methods)


@pytest.mark.parametrize(
    "methods",
    [
        "Twenty women with pelvic pain and palpable levator ani trigger points were enrolled.",
        "We took in adults with shoulder pain together with identifiable trigger points in "
        "the infraspinatus.",
        "Cooks who had tender trigger points in the upper trapezius were recruited.",
        "Eligible runners presenting with palpable calf trigger points were included.",
        "We compared two massage routines in workers with upper trapezius trigger points.",
        "Forty patients with levator scapulae trigger points were allocated to two groups.",
        "Adults with gluteal TrPs were recruited from a running club.",
    ],
)
def test_trigger_points_found_on_entry_are_myofascial_pain(vocab: Vocabulary, methods: str) -> None:
    assert "myofascial_pain_syndrome" in tagged(vocab, "A clinical study of cupping", methods)


@pytest.mark.parametrize(
    "methods",
    [
        "Men with chronic pelvic pain syndrome were given release of myofascial trigger "
        "points in the pelvic floor.",
        "Palpable trigger points were injected with lidocaine in every patient.",
        "Volunteers with latent palpable trigger points and no pain were studied.",
        "Healthy volunteers with latent trigger points in the masseter took part.",
        "Participants with dry needling of trigger points were compared with controls.",
        "Patients who had trigger point injections last year were asked about costs.",
        "Patients with fibromyalgia and trigger points in the neck were treated.",
    ],
)
def test_trigger_points_only_treated_or_latent_are_not_myofascial_pain(
    vocab: Vocabulary, methods: str
) -> None:
    assert "myofascial_pain_syndrome" not in tagged(vocab, "A clinical study of cupping", methods)


@pytest.mark.parametrize(
    ("title", "methods", "pain"),
    [
        (
            "Dry needling for hip osteoarthritis: a randomised trial",
            "Hip pain while walking was rated on a visual analogue scale.",
            "hip_pain",
        ),
        (
            "Cupping in people with osteoarthritis of the hip",
            "Sixty adults whose hip pain had lasted a year took part.",
            "hip_pain",
        ),
        (
            "Laser therapy for glenohumeral osteoarthritis",
            "Shoulder pain at night and at rest was the main outcome.",
            "shoulder_pain",
        ),
        (
            "Shockwave therapy in coxarthrosis",
            "We measured hip pain and walking distance after four sessions.",
            "hip_pain",
        ),
    ],
)
def test_the_pain_of_a_named_joint_disease_is_its_symptom(
    vocab: Vocabulary, title: str, methods: str, pain: str
) -> None:
    assert pain not in tagged(vocab, title, methods)


@pytest.mark.parametrize(
    ("title", "methods", "pain"),
    [
        ("Cupping for hip pain in runners", "Runners with hip pain took part.", "hip_pain"),
        (
            "Laser for shoulder pain",
            "Adults with shoulder pain were enrolled; those with shoulder osteoarthritis were "
            "excluded.",
            "shoulder_pain",
        ),
    ],
)
def test_joint_pain_without_a_named_disease_stays(
    vocab: Vocabulary, title: str, methods: str, pain: str
) -> None:
    assert pain in tagged(vocab, title, methods)


@pytest.mark.parametrize(
    "conclusions",
    [
        "Future studies should test whether these findings hold in patients and athletes "
        "with myofascial pain syndromes.",
        "The method could make it possible to detect early changes in muscle activity in "
        "patients with low back pain.",
        "Such a scan might one day allow clinicians to follow the healing tendon in people "
        "with plantar fasciitis.",
        "Further research should examine whether the same gains are seen in older adults "
        "who have fibromyalgia.",
    ],
)
def test_a_population_of_future_studies_or_uses_is_not_studied(
    vocab: Vocabulary, conclusions: str
) -> None:
    record = article(
        "Pressure thresholds over latent trigger points in healthy students",
        methods="Forty healthy students with latent trigger points in the calf were measured.",
        conclusions=conclusions,
        types=[JOURNAL_ARTICLE],
    )
    assert conditions(tag_article(record, vocab)) == set()


@pytest.mark.parametrize(
    ("title", "methods", "site"),
    [
        (
            "Needling against a night guard for myofascial orofacial pain",
            "Twenty adults with jaw muscle pain were given one of the two treatments.",
            None,
        ),
        (
            "Manual pressure for myofascial shoulder pain in swimmers",
            "Thirty swimmers took part in a four-week programme.",
            "shoulder_pain",
        ),
        (
            "Injections or splints for myofascial temporomandibular disorders",
            "We compared two treatments in 44 people referred to a jaw clinic.",
            "temporomandibular_disorder",
        ),
        (
            "Laser for myofascial TMD in dental students",
            "Eighteen students with jaw pain on chewing were treated with laser.",
            "temporomandibular_disorder",
        ),
        (
            "Heat for myofascial low back pain in warehouse staff",
            "Staff who lifted loads each day were treated twice a week.",
            "low_back_pain",
        ),
    ],
)
def test_myofascial_pain_named_with_its_site_is_the_syndrome_at_that_site(
    vocab: Vocabulary, title: str, methods: str, site: str | None
) -> None:
    found = tagged(vocab, title, methods)
    assert "myofascial_pain_syndrome" in found
    if site is not None:
        assert site in found


@pytest.mark.parametrize(
    "title",
    [
        "Myofascial release techniques for runners with heel pain",
        "Myofascial release therapy and stretching for neck pain",
        "Myofascial tissue stiffness and low back pain in rowers",
    ],
)
def test_a_myofascial_technique_or_tissue_is_not_the_syndrome(
    vocab: Vocabulary, title: str
) -> None:
    assert "myofascial_pain_syndrome" not in tagged(vocab, title, "Adults took part.")
