"""Conditions and interventions as real abstracts word them, fourth round: trigger points
stated as an inclusion criterion, trigger points inside a named headache diagnosis, and the
distractors held out. Every sentence is SYNTHETIC, written for these tests."""

from __future__ import annotations

import pytest
from tagging_builders import article

from evidence.models import Tag
from evidence.tagging import Vocabulary, tag_article


def values(tags: list[Tag], dimension: str) -> set[str]:
    return {t.value for t in tags if t.dimension == dimension}


def conditions(vocab: Vocabulary, methods: str, title: str = "Needling in adults") -> set[str]:
    return values(tag_article(article(title, methods=methods), vocab), "condition")


@pytest.mark.parametrize(
    "methods",
    [
        "Thirty office workers who met the inclusion criteria and had a palpable myofascial "
        "trigger point in the upper trapezius were randomised.",
        "Eligible adults showed at least one myofascial trigger point in the levator scapulae.",
        "Inclusion required the presence of a myofascial trigger point in the infraspinatus.",
        "Runners were enrolled if they were over 18 and had a typical myofascial trigger "
        "point (MTrP) in the soleus.",
        "Patients diagnosed with a myofascial trigger point of the gluteus medius took part.",
    ],
)
def test_a_myofascial_trigger_point_as_inclusion_criterion(vocab: Vocabulary, methods: str) -> None:
    assert "myofascial_pain_syndrome" in conditions(vocab, methods)


@pytest.mark.parametrize(
    "methods",
    [
        "Healthy students who had latent myofascial trigger points in the trapezius took part.",
        "Women with fibromyalgia who also had myofascial trigger points were enrolled.",
        "Patients had more active trigger points than the matched controls.",
        "Volunteers were screened and had no myofascial trigger points in the neck.",
    ],
)
def test_trigger_points_that_are_not_the_population_criterion(
    vocab: Vocabulary, methods: str
) -> None:
    assert "myofascial_pain_syndrome" not in conditions(vocab, methods)


@pytest.mark.parametrize(
    "methods",
    [
        "Nineteen people whose cervicogenic headache arose from a trigger point in the "
        "sternocleidomastoid were randomised.",
        "Adults whose tension-type headache was attributed to trigger points in the "
        "suboccipital muscles received massage.",
        "We enrolled women with migraine headaches linked to active MTrPs of the temporalis.",
        "Cluster headache caused by myofascial trigger points is rare.",
        "Soldiers whose post-traumatic headache was linked to trapezius trigger points took part.",
    ],
)
def test_a_named_headache_from_trigger_points_is_that_headache(
    vocab: Vocabulary, methods: str
) -> None:
    assert "myofascial_pain_syndrome" not in conditions(vocab, methods)


def test_a_bare_headache_from_trigger_points_is_still_myofascial_pain(
    vocab: Vocabulary,
) -> None:
    methods = "Headaches that stemmed from trigger points of the upper trapezius were treated."
    assert "myofascial_pain_syndrome" in conditions(vocab, methods)


@pytest.mark.parametrize(
    ("methods", "kind"),
    [
        (
            "Twelve patients with chronic abdominal wall pain, each with trigger points in the "
            "rectus abdominis, were included and had myofascial trigger points needled.",
            "myofascial_pain_syndrome",
        ),
        (
            "Adults with fibromyalgia, a chronic widespread pain condition, were enrolled.",
            "fibromyalgia",
        ),
        (
            "We recruited people with persistent pain after lumbar surgery (failed back "
            "surgery syndrome).",
            "failed_back_surgery_syndrome",
        ),
        (
            "Chronic pelvic pain was the complaint of all 30 women, diagnosed as primary "
            "dysmenorrhea.",
            "dysmenorrhea",
        ),
    ],
)
def test_chronic_pain_named_beside_one_of_its_kinds_is_that_kind(
    vocab: Vocabulary, methods: str, kind: str
) -> None:
    assert conditions(vocab, methods) == {kind}


@pytest.mark.parametrize(
    "methods",
    [
        "Sixty adults with chronic pain of any site were enrolled from a pain clinic.",
        # (not chronic abdominal wall pain: a pain condition of its own that the vocabulary
        # lacks; see test_tagging_condition_classes.py)
        "Chronic upper back pain was treated with injections in 40 patients.",
        "Veterans with chronic noncancer pain completed the programme.",
    ],
)
def test_chronic_pain_alone_stays(vocab: Vocabulary, methods: str) -> None:
    assert conditions(vocab, methods) == {"chronic_pain"}


def interventions(vocab: Vocabulary, methods: str, title: str) -> set[str]:
    return values(tag_article(article(title, methods=methods), vocab), "intervention")


@pytest.mark.parametrize(
    "methods",
    [
        "Participants were allocated to acupuncture needling (n=18) or to lidocaine injection; "
        "acupuncture needling of trigger points was repeated weekly.",
        "In the acupuncture needling group needles were inserted into each trigger point.",
        "Acupuncture needles were placed in the upper trapezius MTrPs for ten minutes.",
        "A needle was inserted at every active trigger point of the infraspinatus until a "
        "local twitch response appeared.",
    ],
)
def test_acupuncture_needles_put_into_trigger_points_are_dry_needling(
    vocab: Vocabulary, methods: str
) -> None:
    found = interventions(vocab, methods, "Needling of trigger points in older adults")
    assert "dry_needling" in found
    assert "acupuncture" not in found


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        # acupuncture at acupoints stays acupuncture
        ("Acupuncture needling at LI4 and ST36 was given twice a week.", {"acupuncture"}),
        # a needle that delivers an injectate into the trigger point is an injection
        (
            "A needle was inserted into the trigger point and 1 ml of lidocaine was injected.",
            set(),
        ),
    ],
)
def test_needles_that_are_not_dry_needling(
    vocab: Vocabulary, methods: str, expected: set[str]
) -> None:
    assert interventions(vocab, methods, "Needles for neck pain") == expected


@pytest.mark.parametrize(
    "methods",
    [
        "Every patient was advised to follow an exercise programme at home.",
        "Each participant was instructed to continue a home exercise programme.",
        "All patients were also taught to perform stretching exercises daily.",
        "Every subject was encouraged to keep up a home exercise routine.",
    ],
)
def test_exercise_every_arm_was_advised_to_do_is_a_co_intervention(
    vocab: Vocabulary, methods: str
) -> None:
    title = "Shock wave therapy or ultrasound for myofascial pain: a randomized trial"
    found = interventions(vocab, "Groups had shock wave therapy or ultrasound. " + methods, title)
    assert found == {"shockwave_therapy", "therapeutic_ultrasound"}


@pytest.mark.parametrize(
    "methods",
    [
        "Randomized trials of trigger point manual therapy (TPMT) were pooled.",
        "Manual treatment of the myofascial trigger points of the infraspinatus was given.",
        "The physiotherapist applied manual therapy to the active MTrPs of the levator scapulae.",
        "Myofascial trigger point (MTrP) manual therapy was compared with usual care.",
    ],
)
def test_manual_therapy_of_trigger_points_is_trigger_point_therapy(
    vocab: Vocabulary, methods: str
) -> None:
    found = interventions(vocab, methods, "Hands-on care for shoulder pain")
    assert found == {"trigger_point_therapy"}


@pytest.mark.parametrize(
    "methods",
    [
        "Trigger points were imaged with two-dimensional grayscale ultrasound.",
        "The taut band was seen on 2D ultrasound in 14 of 20 muscles.",
        "A grey-scale ultrasound of the gluteus medius preceded the palpation.",
    ],
)
def test_ultrasound_imaging_in_two_dimensions_or_grayscale_is_not_a_treatment(
    vocab: Vocabulary, methods: str
) -> None:
    assert "therapeutic_ultrasound" not in interventions(vocab, methods, "Seeing trigger points")


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (
            "Adults with tension-type or cervicogenic headache were enrolled.",
            {"tension_type_headache"},
        ),
        (
            "Women with tension-type and migraine headaches kept a diary.",
            {"tension_type_headache", "migraine"},
        ),
        ("Patients with low back or neck pain were referred.", {"low_back_pain", "neck_pain"}),
        ("Runners with lower back and pelvic pain took part.", {"low_back_pain"}),
        (
            "Office workers with shoulder or neck pain were screened.",
            {"shoulder_pain", "neck_pain"},
        ),
    ],
)
def test_conditions_that_share_a_head_noun(
    vocab: Vocabulary, methods: str, expected: set[str]
) -> None:
    assert conditions(vocab, methods) == expected


def design(vocab: Vocabulary, methods: str) -> set[str]:
    record = article("Needling for abdominal wall pain", methods=methods)
    return values(tag_article(record, vocab), "design")


@pytest.mark.parametrize(
    "methods",
    [
        "We included twelve patients with a diagnosis of chronic abdominal wall pain. Each "
        "had dry needling of the trigger points found.",
        "We treated 23 consecutive patients with lateral elbow pain by needling.",
        "Over two years we prospectively enrolled 31 patients, who all had needling weekly.",
    ],
)
def test_patients_counted_after_the_verb_are_a_case_series(vocab: Vocabulary, methods: str) -> None:
    assert design(vocab, methods) == {"case_series"}


def test_patients_counted_after_the_verb_and_split_into_groups_are_a_trial(
    vocab: Vocabulary,
) -> None:
    methods = "We included 40 patients, who were split into two groups by random numbers."
    assert design(vocab, methods) == {"rct"}


@pytest.mark.parametrize(
    "methods",
    [
        "Patients were allocated to trigger point therapy (TriT) or acupoint therapy; the two "
        "therapy groups received 810-nm low-level laser. Pain fell at once in the TriT group.",
        "Trigger point therapy (TPT) consisted of 2000 pulses of radial shockwave to each "
        "point; the TPT group improved.",
        "In the trigger point treatment (TPTx) arm, a high-intensity laser was aimed at the "
        "trapezius points, and the TPTx arm did better.",
    ],
)
def test_trigger_point_therapy_named_by_the_agent_given(vocab: Vocabulary, methods: str) -> None:
    found = interventions(vocab, methods, "Points in the neck: a randomized comparison")
    assert "trigger_point_therapy" not in found
    assert found & {"laser_therapy", "shockwave_therapy"}


def test_manual_trigger_point_therapy_beside_a_laser_arm_stays(vocab: Vocabulary) -> None:
    methods = (
        "Ischemic compression of the trigger points (trigger point therapy, TPT) was compared "
        "with low-level laser; the TPT group improved more."
    )
    found = interventions(vocab, methods, "Pressure or light for neck points")
    assert found == {"trigger_point_therapy", "laser_therapy"}


@pytest.mark.parametrize(
    "methods",
    [
        "Exclusion criteria included previous neck surgery, a history of whiplash injury, "
        "cervical radiculopathy, fibromyalgia or any fear of needles.",
        "People with fibromyalgia, radiculopathy or spinal stenosis were not eligible.",
        "Fibromyalgia, radiculopathy and spinal stenosis were reasons for exclusion.",
        "We excluded patients with migraine or radiculopathy.",
        "Participants with a diagnosis of fibromyalgia were ineligible.",
    ],
)
def test_conditions_in_an_exclusion_list_are_not_the_population(
    vocab: Vocabulary, methods: str
) -> None:
    found = conditions(vocab, methods, "Dry needling for neck pain: a randomized trial")
    assert found == {"neck_pain"}


def test_the_population_after_an_exclusion_list_clause_stays(vocab: Vocabulary) -> None:
    methods = "Exclusion criteria were fibromyalgia and migraine; 60 adults with chronic "
    methods += "low back pain were randomized."
    found = conditions(vocab, methods, "Needling in adults: a randomized trial")
    assert found == {"low_back_pain"}


@pytest.mark.parametrize(
    "methods",
    [
        "Outcomes were the Northwick Park Neck Pain Questionnaire and pain intensity.",
        "Disability was rated on the Oswestry Low Back Pain Disability Questionnaire.",
        "The low back pain subscale of the questionnaire was used.",
        "The neck pain domain of the health profile improved.",
        "Function was measured with the Fibromyalgia Impact Questionnaire (FIQ).",
    ],
)
def test_a_condition_that_names_an_instrument_beside_the_population(
    vocab: Vocabulary, methods: str
) -> None:
    title = "Dry needling for myofascial pain syndrome of the upper trapezius"
    assert conditions(vocab, methods, title) == {"myofascial_pain_syndrome"}


def abstract_conditions(vocab: Vocabulary, abstract: str) -> set[str]:
    record = article("Dry needling for trapezius trigger points", abstract=abstract)
    return values(tag_article(record, vocab), "condition")


@pytest.mark.parametrize(
    "opening",
    [
        "Chronic pain conditions such as fibromyalgia and migraine often coexist with trigger "
        "points.",
        "Trigger points are reported in disorders like tension-type headache, low back pain "
        "and carpal tunnel syndrome.",
        "Painful syndromes, for example fibromyalgia or radiculopathy, can mimic them.",
    ],
)
def test_conditions_given_as_examples_in_an_unstructured_opening(
    vocab: Vocabulary, opening: str
) -> None:
    abstract = opening + " In this trial, 40 adults with myofascial pain syndrome had dry needling."
    assert abstract_conditions(vocab, abstract) == {"myofascial_pain_syndrome"}


def test_examples_that_name_the_participants_stay(vocab: Vocabulary) -> None:
    abstract = (
        "Musculoskeletal disorders such as neck pain and low back pain were the diagnoses of "
        "the 80 patients enrolled. Dry needling reduced pain."
    )
    assert abstract_conditions(vocab, abstract) == {"neck_pain", "low_back_pain"}


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (
            "The needle was moved in and out of the trigger point until no twitch was seen.",
            {"dry_needling"},
        ),
        ("A filiform needle was advanced rapidly into the active MTrP.", {"dry_needling"}),
        ("Lidocaine was drawn up and the needle inserted into the trigger point.", set()),
        ("Saline was ready before a needle was placed in each trigger point.", set()),
    ],
)
def test_a_needle_worked_in_a_trigger_point_without_injectate(
    vocab: Vocabulary, methods: str, expected: set[str]
) -> None:
    assert interventions(vocab, methods, "Care of trigger points in the neck") == expected


def concluded_conditions(vocab: Vocabulary, conclusions: str) -> set[str]:
    record = article(
        "Dry needling for myofascial pain syndrome: a randomized trial",
        methods="Sixty adults with myofascial pain syndrome were randomized to needling or sham.",
        conclusions=conclusions,
    )
    return values(tag_article(record, vocab), "condition")


@pytest.mark.parametrize(
    "conclusions",
    [
        "Needling reduced pain. Larger trials should test it in fibromyalgia and low back pain.",
        "Dry needling may also prove useful for patients with tension-type headache.",
        "Whether the results can be extended to neck pain remains open.",
        "Needling beat sham; it could be tried in people with migraine.",
        "Its value in radiculopathy remains to be studied.",
    ],
)
def test_conditions_a_conclusion_names_beyond_its_population(
    vocab: Vocabulary, conclusions: str
) -> None:
    assert concluded_conditions(vocab, conclusions) == {"myofascial_pain_syndrome"}


def test_a_conclusion_about_the_population_itself_counts(vocab: Vocabulary) -> None:
    found = concluded_conditions(vocab, "Needling also reduced neck pain in these adults.")
    assert found == {"myofascial_pain_syndrome", "neck_pain"}


@pytest.mark.parametrize(
    "conclusions",
    [
        "Dry needling reduced pain. Future trials should compare it with laser therapy and "
        "shockwave.",
        "Dry needling beat sham; adding exercise may further help.",
        "Whether it is better than acupuncture remains to be studied.",
        "Its effect against trigger point injection remains unknown.",
    ],
)
def test_treatments_a_conclusion_names_only_for_future_work(
    vocab: Vocabulary, conclusions: str
) -> None:
    record = article(
        "Dry needling for myofascial pain syndrome: a randomized trial",
        methods="Sixty adults with myofascial pain syndrome were randomized to needling or sham.",
        conclusions=conclusions,
    )
    assert values(tag_article(record, vocab), "intervention") == {"dry_needling"}


def test_a_concluded_comparison_with_another_treatment_counts(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling for myofascial pain syndrome: a randomized trial",
        methods="Sixty adults were randomized to dry needling or laser therapy.",
        conclusions="Dry needling reduced pain more than laser therapy did.",
    )
    found = values(tag_article(record, vocab), "intervention")
    assert found == {"dry_needling", "laser_therapy"}
