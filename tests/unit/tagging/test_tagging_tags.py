"""tag_article: MeSH, publication types and text; exclusions, negation, design, population.

Every record here is SYNTHETIC, written for the rule it exercises.
"""

from __future__ import annotations

import pytest
from tagging_builders import (
    CASE_REPORTS,
    JOURNAL_ARTICLE,
    META_ANALYSIS,
    PROTOCOL,
    RCT,
    REVIEW,
    SYSTEMATIC_REVIEW,
    article,
    heading,
)

from evidence.models import Article, Tag
from evidence.tagging import Vocabulary, tag_article


def values(tags: list[Tag], dimension: str) -> set[str]:
    return {t.value for t in tags if t.dimension == dimension}


def sources(tags: list[Tag], dimension: str, value: str) -> set[str]:
    return {t.source for t in tags if t.dimension == dimension and t.value == value}


def test_mesh_only_tags_come_from_mesh(vocab: Vocabulary) -> None:
    record = article(
        "A synthetic record without treatment words",
        mesh=[heading("D000069600", "Dry Needling"), heading("D019547", "Neck Pain")],
    )
    tags = tag_article(record, vocab)
    assert sources(tags, "intervention", "dry_needling") == {"mesh"}
    assert sources(tags, "condition", "neck_pain") == {"mesh"}


def test_mesh_heading_matches_on_name_when_the_ui_is_missing(vocab: Vocabulary) -> None:
    tags = tag_article(article(mesh=[heading(None, "Dry Needling")]), vocab)
    assert values(tags, "intervention") == {"dry_needling"}


def test_a_ui_whose_name_disagrees_is_not_trusted(vocab: Vocabulary) -> None:
    # the vocabulary's UI for Dry Needling, on a heading of another name
    record = article(mesh=[heading("D000069600", "Peripheral Nerve Injuries")])
    assert values(tag_article(record, vocab), "intervention") == set()


def test_text_only_tags_come_from_title_and_abstract(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling for chronic neck pain",
        methods="Forty adults with chronic neck pain received dry needling.",
    )
    tags = tag_article(record, vocab)
    assert sources(tags, "intervention", "dry_needling") == {"text_title", "text_abstract"}
    assert sources(tags, "condition", "neck_pain") == {"text_title", "text_abstract"}


def test_mesh_and_text_both_give_a_tag_each(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling for neck pain",
        mesh=[heading("D000069600", "Dry Needling")],
    )
    assert sources(tag_article(record, vocab), "intervention", "dry_needling") == {
        "mesh",
        "text_title",
    }


def test_adverse_effects_qualifier_on_an_intervention_gives_the_outcome(vocab: Vocabulary) -> None:
    record = article(
        mesh=[heading("D015670", "Acupuncture Therapy", ("Q000009", "adverse effects"))]
    )
    tags = tag_article(record, vocab)
    assert sources(tags, "outcome", "adverse_events") == {"mesh_qualifier"}
    evidence = next(t.evidence for t in tags if t.value == "adverse_events")
    assert evidence == "Acupuncture Therapy/adverse effects"


@pytest.mark.parametrize(
    "title",
    [
        pytest.param("Ultrasound-guided injection for shoulder pain", id="ultrasound-guided"),
        pytest.param("Ultrasound imaging (ultrasonography) of the plantar fascia", id="imaging"),
        pytest.param("Sonographic and ultrasound findings in tennis elbow", id="sonographic"),
        pytest.param("Shear-wave ultrasound elastography of the trapezius", id="elastography"),
        pytest.param("Thickness measured by ultrasound in neck pain", id="measurement"),
        pytest.param("Detuned ultrasound as placebo in neck pain", id="placebo-arm"),
    ],
)
def test_imaging_and_sham_ultrasound_is_not_therapeutic_ultrasound(
    vocab: Vocabulary, title: str
) -> None:
    assert "therapeutic_ultrasound" not in values(
        tag_article(article(title), vocab), "intervention"
    )


def test_therapeutic_ultrasound_given_as_treatment_is_tagged(vocab: Vocabulary) -> None:
    record = article("Pulsed ultrasound therapy for carpal tunnel syndrome")
    assert "therapeutic_ultrasound" in values(tag_article(record, vocab), "intervention")


def test_trigger_point_injection_is_not_dry_needling(vocab: Vocabulary) -> None:
    tags = tag_article(article("Trigger point injection for myofascial pain"), vocab)
    assert values(tags, "intervention") == {"trigger_point_injection"}


@pytest.mark.parametrize(
    ("title", "expected"),
    [
        pytest.param("Acupuncture for chronic low back pain", {"acupuncture"}, id="acupuncture"),
        pytest.param(
            "Dry needling with acupuncture needles for low back pain",
            {"dry_needling"},
            id="needles-are-equipment",
        ),
        pytest.param(
            "Dry needling versus acupuncture for neck pain",
            {"dry_needling", "acupuncture"},
            id="both-studied",
        ),
        pytest.param(
            "Electroacupuncture for fibromyalgia",
            {"acupuncture", "electrical_stimulation"},
            id="one-phrase-two-ids",
        ),
    ],
)
def test_acupuncture_is_its_own_intervention(
    vocab: Vocabulary, title: str, expected: set[str]
) -> None:
    assert values(tag_article(article(title), vocab), "intervention") == expected


def test_acupuncture_mesh_yields_to_dry_needling_in_the_text(vocab: Vocabulary) -> None:
    record = article("Dry needling for neck pain", mesh=[heading("D015670", "Acupuncture Therapy")])
    assert values(tag_article(record, vocab), "intervention") == {"dry_needling"}


def test_condition_named_only_in_the_background_is_not_studied(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling for neck pain",
        background="Low back pain and neck pain are common.",
        methods="Sixty adults with neck pain were randomised.",
    )
    assert values(tag_article(record, vocab), "condition") == {"neck_pain"}


def test_unstructured_abstract_first_sentence_is_background(vocab: Vocabulary) -> None:
    record = article(
        "A synthetic trial",
        abstract=(
            "Fibromyalgia is common in women. "
            "We randomized 50 adults with neck pain to dry needling or sham. "
            "Pain fell more after dry needling. "
            "Dry needling reduced pain."
        ),
    )
    assert values(tag_article(record, vocab), "condition") == {"neck_pain"}


@pytest.mark.parametrize(
    "sentence",
    [
        pytest.param("Patients with radiculopathy were excluded.", id="were-excluded"),
        pytest.param("Adults without radiculopathy were included.", id="without"),
    ],
)
def test_excluded_condition_is_not_studied(vocab: Vocabulary, sentence: str) -> None:
    record = article("Dry needling for low back pain", methods=sentence)
    assert "radiculopathy" not in values(tag_article(record, vocab), "condition")


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        pytest.param("No serious adverse events occurred.", set(), id="no-serious-adverse-events"),
        pytest.param("No pneumothorax occurred.", set(), id="no-pneumothorax-occurred"),
        pytest.param("None reported pneumothorax.", set(), id="none-reported"),
        pytest.param("Pneumothorax did not occur in any patient.", set(), id="did-not-occur"),
        pytest.param(
            "No serious adverse events, such as pneumothorax, nerve injury or infection, were "
            "observed.",
            set(),
            id="negated-list",
        ),
        pytest.param("Needling could cause pneumothorax in slim people.", set(), id="hypothetical"),
        pytest.param(
            "A suspected pneumothorax was not confirmed on radiography.", set(), id="unconfirmed"
        ),
        pytest.param("One patient developed a pneumothorax.", {"pneumothorax"}, id="occurred"),
        pytest.param(
            "Bruising occurred in 3 patients; no pneumothorax occurred.",
            {"bruising"},
            id="one-of-two",
        ),
        pytest.param("Two patients fainted during treatment.", {"syncope"}, id="fainted"),
    ],
)
def test_adverse_events_are_tagged_only_when_reported(
    vocab: Vocabulary, results: str, expected: set[str]
) -> None:
    record = article("Dry needling for shoulder pain", results=results)
    assert values(tag_article(record, vocab), "adverse_event") == expected


def test_a_reported_adverse_event_also_gives_the_outcome(vocab: Vocabulary) -> None:
    tags = tag_article(article("Pneumothorax after dry needling: a case report"), vocab)
    assert values(tags, "adverse_event") == {"pneumothorax"}
    assert sources(tags, "outcome", "adverse_events") == {"derived"}


def test_acronyms_match_only_in_capitals(vocab: Vocabulary) -> None:
    tens = tag_article(article("TENS for knee pain"), vocab)
    tens_of = tag_article(article("Tens of patients were treated"), vocab)
    assert "electrical_stimulation" in values(tens, "intervention")
    assert "electrical_stimulation" not in values(tens_of, "intervention")


def test_co_intervention_given_to_every_arm_is_not_tagged(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling plus exercise versus exercise alone for shoulder pain",
        methods="Adults were randomised to dry needling plus exercise or to exercise alone.",
    )
    assert values(tag_article(record, vocab), "intervention") == {"dry_needling"}


@pytest.mark.parametrize(
    ("types", "title", "expected"),
    [
        pytest.param([JOURNAL_ARTICLE, RCT], "Dry needling for neck pain", "rct", id="pt-rct"),
        pytest.param(
            [JOURNAL_ARTICLE, SYSTEMATIC_REVIEW, META_ANALYSIS],
            "Dry needling: a review",
            "meta_analysis",
            id="meta-analysis-outranks-review",
        ),
        pytest.param(
            [JOURNAL_ARTICLE, REVIEW],
            "Dry needling: a systematic review",
            "systematic_review",
            id="review-refined-by-text",
        ),
        pytest.param(
            [JOURNAL_ARTICLE, REVIEW], "Dry needling revisited", "narrative_review", id="review"
        ),
        pytest.param(
            [JOURNAL_ARTICLE, RCT, PROTOCOL],
            "Dry needling for neck pain: protocol for a randomised trial",
            "protocol",
            id="protocol-first",
        ),
        pytest.param([CASE_REPORTS], "Pneumothorax after needling", "case_report", id="case"),
        pytest.param(
            [JOURNAL_ARTICLE],
            "Dry needling for neck pain: a randomized controlled trial",
            "rct",
            id="text-rct",
        ),
        pytest.param(
            [JOURNAL_ARTICLE],
            "Dry needling for neck pain: a systematic review and meta-analysis",
            "meta_analysis",
            id="text-meta-analysis",
        ),
        pytest.param(
            [JOURNAL_ARTICLE],
            "Needling in practice: a narrative review",
            "narrative_review",
            id="text-narrative-review",
        ),
        pytest.param([JOURNAL_ARTICLE], "Needling in practice", "other", id="no-design"),
    ],
)
def test_one_design_per_record(
    vocab: Vocabulary,
    types: list,
    title: str,
    expected: str,  # type: ignore[type-arg]
) -> None:
    designs = [
        t for t in tag_article(article(title, types=types), vocab) if t.dimension == "design"
    ]
    assert [d.value for d in designs] == [expected]


def test_background_design_words_do_not_count(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling for neck pain",
        background="A previous meta-analysis found small effects.",
        methods="Sixty adults were randomly assigned to dry needling or sham.",
    )
    assert values(tag_article(record, vocab), "design") == {"rct"}


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        pytest.param(
            article(mesh=[heading("D000818", "Animals"), heading("D051381", "Rats")]),
            "animal",
            id="mesh-animals",
        ),
        pytest.param(
            article(mesh=[heading("D000818", "Animals"), heading("D006801", "Humans")]),
            "human",
            id="mesh-humans-win",
        ),
        pytest.param(
            article(methods="Twenty rabbits received needling of the gastrocnemius."),
            "animal",
            id="text-methods",
        ),
        pytest.param(
            article(background="Studies in rats suggest a mechanism.", methods="Adults."),
            "human",
            id="rats-in-background",
        ),
        pytest.param(article(), "human", id="default"),
    ],
)
def test_population(vocab: Vocabulary, record: Article, expected: str) -> None:
    assert values(tag_article(record, vocab), "population") == {expected}


def test_animal_experiment_design_is_other(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling in a rat model",
        methods="Rats were randomly assigned to dry needling or no treatment.",
    )
    assert values(tag_article(record, vocab), "design") == {"other"}


def test_tags_are_deterministic(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling versus trigger point injection for neck pain: a randomized trial",
        methods="Sixty adults with neck pain and shoulder pain were randomized.",
        results="Bruising occurred in two patients. Pain intensity fell.",
        mesh=[heading("D006801", "Humans"), heading("D000069600", "Dry Needling")],
    )
    first = tag_article(record, vocab)
    assert first == tag_article(record, vocab)
    dimensions = ["intervention", "condition", "outcome", "design", "population", "adverse_event"]
    order = [dimensions.index(t.dimension) for t in first]
    assert order == sorted(order)


@pytest.mark.parametrize(
    ("results", "expected"),
    [
        pytest.param("Adverse events were mild and rare.", {"text_abstract"}, id="reported"),
        pytest.param("Needles were placed so as to avoid adverse events.", set(), id="avoided"),
        pytest.param("The risk of adverse events is low.", set(), id="risk-of"),
    ],
)
def test_hypothetical_adverse_events_are_not_an_outcome(
    vocab: Vocabulary, results: str, expected: set[str]
) -> None:
    record = article("Dry needling for neck pain", results=results)
    assert sources(tag_article(record, vocab), "outcome", "adverse_events") == expected
