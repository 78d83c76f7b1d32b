"""Which treatments a record studies and which design it is, read from wording the tagger
had not been tuned on, on SYNTHETIC sentences written for these tests."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, REVIEW, article, heading

from evidence.models import Tag
from evidence.tagging import Vocabulary, tag_article


def values(tags: list[Tag], dimension: str) -> set[str]:
    return {t.value for t in tags if t.dimension == dimension}


def design(tags: list[Tag]) -> str:
    (found,) = values(tags, "design")
    return found


# --- interventions: what every arm had, and what excludes people --------------------------


def test_treatments_added_to_the_title_treatment_in_every_arm_are_not_studied(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Protocol of a trial of dry needling for shoulder pain",
        methods="Patients will be randomised to dry needling with manual therapy and exercise, "
        "or to sham dry needling.",
        types=(JOURNAL_ARTICLE,),
    )
    assert values(tag_article(record, vocab), "intervention") == {"dry_needling"}


def test_treatments_combined_in_a_comparator_arm_are_studied(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling for tennis elbow",
        methods="One group had dry needling; the other had therapeutic ultrasound together "
        "with deep friction massage.",
        types=(JOURNAL_ARTICLE, RCT),
    )
    assert values(tag_article(record, vocab), "intervention") == {
        "dry_needling",
        "therapeutic_ultrasound",
        "massage",
    }


def test_a_contraindication_names_no_studied_treatment(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling for heel pain",
        methods="People with a contraindication to dry needling or spinal manipulation were "
        "excluded. Sixty adults had dry needling or sham needling.",
        types=(JOURNAL_ARTICLE, RCT),
    )
    assert values(tag_article(record, vocab), "intervention") == {"dry_needling"}


def test_with_or_without_far_along_the_sentence_leaves_the_treatment_studied(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Injectates for trigger point injection: a review",
        results="Nine reports set saline in TPI against botulinum toxin or against lidocaine "
        "with or without a steroid.",
        types=(JOURNAL_ARTICLE, REVIEW),
    )
    assert "trigger_point_injection" in values(tag_article(record, vocab), "intervention")


def test_mesh_does_not_bring_back_a_co_intervention(vocab: Vocabulary) -> None:
    record = article(
        "Does dry needling add to an exercise programme for hip pain?",
        methods="Patients had dry needling or sham needling; both groups also received the "
        "same exercise programme.",
        types=(JOURNAL_ARTICLE, RCT),
        mesh=(heading("D005081", "Exercise Therapy"),),
    )
    assert values(tag_article(record, vocab), "intervention") == {"dry_needling"}


# --- designs when the publication type says nothing ----------------------------------------


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        # blinded arms or arms counted apart, without "random": a controlled trial
        (
            "Pain in the jaw muscles is common. We treated 80 patients double-blind with one "
            "of two injectates. Pain fell in both groups.",
            "controlled_trial",
        ),
        (
            "Patients were treated with dry needling in 20 subjects and with 1% lidocaine in "
            "the other 19. Pain fell more after needling.",
            "controlled_trial",
        ),
        (
            "We treated 60 patients double-blind after random allocation. Pain fell.",
            "rct",
        ),
        # treated patients looked back on, nothing compared: an uncontrolled series
        (
            "In this retrospective study we report the outcome of 52 needle aponeurotomies "
            "performed for finger contracture. Most patients were satisfied.",
            "case_series",
        ),
        # two treated groups looked back on: a cohort
        (
            "In a retrospective observational design we formed two groups of patients given "
            "radial or focused shockwave. Pain fell more with radial shockwave.",
            "cohort",
        ),
        # the record's own design stated in an unstructured opening
        (
            "We report a retrospective analysis of a cohort of 90 men given laser therapy. "
            "Older age went with success.",
            "cohort",
        ),
        # predictors found by survival regression
        (
            "One hundred men were followed after laser therapy. In multivariable Cox "
            "proportional hazards regression, age predicted relapse. Laser therapy suits "
            "older men.",
            "cohort",
        ),
    ],
)
def test_design_from_unstructured_text(vocab: Vocabulary, abstract: str, expected: str) -> None:
    record = article("Jaw and hand pain", abstract=abstract, types=(JOURNAL_ARTICLE,))
    assert design(tag_article(record, vocab)) == expected


def test_a_chart_review_without_a_treatment_stays_a_cohort(vocab: Vocabulary) -> None:
    record = article(
        "Neck pain in office workers",
        abstract="We did a retrospective study of 300 office workers. Neck pain was common.",
        types=(JOURNAL_ARTICLE,),
    )
    assert design(tag_article(record, vocab)) == "cohort"


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        ("Searching MEDLINE and Embase to 2020, we found 14 trials.", "systematic_review"),
        ("We searched for randomised trials of laser therapy.", "systematic_review"),
        ("We searched the literature systematically for trials.", "systematic_review"),
        ("We searched the literature broadly for reports on injectates.", "narrative_review"),
    ],
)
def test_a_review_is_systematic_when_its_search_is(
    vocab: Vocabulary, methods: str, expected: str
) -> None:
    record = article("Laser for neck pain", methods=methods, types=(JOURNAL_ARTICLE, REVIEW))
    assert design(tag_article(record, vocab)) == expected


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        # a sham arm makes a trial even when nothing says "random" or "trial"
        ("Thirty patients received laser therapy or sham laser.", "controlled_trial"),
        ("Thirty patients were randomly given laser therapy or sham laser.", "rct"),
        # a trial still to be run
        ("This feasibility study will randomise 40 adults to laser or sham.", "protocol"),
    ],
)
def test_trials_from_their_arms(vocab: Vocabulary, methods: str, expected: str) -> None:
    record = article("Laser for neck pain: a pilot", methods=methods, types=(JOURNAL_ARTICLE,))
    assert design(tag_article(record, vocab)) == expected


def test_an_unstructured_opening_that_treats_is_what_the_record_did(vocab: Vocabulary) -> None:
    record = article(
        "Jaw pain",
        abstract="We treated 50 patients with lidocaine injected into trigger points of the "
        "masseter. Pain fell in most. Injection seems useful.",
        types=(JOURNAL_ARTICLE,),
    )
    assert "trigger_point_injection" in values(tag_article(record, vocab), "intervention")


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        ("This was a three-arm parallel feasibility trial of 45 adults.", "controlled_trial"),
        ("A two-arm pilot trial allocated 30 adults by random numbers.", "rct"),
        ("This single-arm pilot trial treated 18 adults.", "case_series"),
        ("In a quasi-randomised study 50 adults were treated.", "controlled_trial"),
        ("Fifty adults were alternately allocated to two groups.", "controlled_trial"),
        ("We used data on 900 adults from a national registry.", "cohort"),
        ("We reviewed the current literature on laser for the neck.", "narrative_review"),
    ],
)
def test_trials_and_other_designs_as_worded(vocab: Vocabulary, methods: str, expected: str) -> None:
    record = article("Laser for neck pain", methods=methods, types=(JOURNAL_ARTICLE,))
    assert design(tag_article(record, vocab)) == expected


def test_a_treatment_named_only_as_an_example_is_not_studied(vocab: Vocabulary) -> None:
    record = article(
        "Injectates for trigger point injection: a review",
        objective="Needle treatments are common, for example acupuncture or trigger point "
        "injection. We compare the injectates used for trigger point injection.",
        types=(JOURNAL_ARTICLE, REVIEW),
    )
    assert values(tag_article(record, vocab), "intervention") == {"trigger_point_injection"}


def test_examples_the_record_itself_describes_are_studied(vocab: Vocabulary) -> None:
    record = article(
        "Trigger points: a narrative review",
        abstract="Trigger points are tender spots in muscle. We describe manual techniques such "
        "as ischaemic compression and pressure release. Standard criteria are needed.",
        types=(JOURNAL_ARTICLE, REVIEW),
    )
    assert values(tag_article(record, vocab), "intervention") == {"trigger_point_therapy"}


def test_a_general_kind_and_a_specific_one_both_in_the_title_are_both_studied(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Use of massage and of trigger point release by runners: a survey",
        methods="Members of running clubs completed an online survey.",
        types=(JOURNAL_ARTICLE,),
    )
    assert values(tag_article(record, vocab), "intervention") == {
        "massage",
        "trigger_point_therapy",
    }


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        # named once bare and once with the add-on in one sentence: in every arm
        ("Adults were randomised to exercise or exercise combined with laser.", {"laser_therapy"}),
        # given to all, named first
        ("Exercise was given to all participants; half also had laser.", {"laser_therapy"}),
        # an earlier failed course, however long its list
        (
            "Adults who had failed physiotherapy including massage and exercise had laser.",
            {"laser_therapy"},
        ),
    ],
)
def test_what_every_arm_or_an_earlier_course_had(
    vocab: Vocabulary, methods: str, expected: set[str]
) -> None:
    record = article("A trial for neck pain", methods=methods, types=(JOURNAL_ARTICLE, RCT))
    assert values(tag_article(record, vocab), "intervention") == expected


def test_one_phrase_of_two_ids_is_not_named_bare(vocab: Vocabulary) -> None:
    """ "electrical dry needling" is dry needling and electrical stimulation at once: neither
    mention is the other's bare repeat."""
    record = article(
        "Electrical dry needling combined with thrust manipulation for neck pain",
        conclusions="Electrical dry needling combined with manipulation did better than "
        "interferential current.",
        types=(JOURNAL_ARTICLE, RCT),
    )
    found = values(tag_article(record, vocab), "intervention")
    assert {"dry_needling", "electrical_stimulation", "manual_therapy"} <= found


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        ("Eligible trials were rated on the PEDro scale.", "systematic_review"),
        ("Certainty was judged with the GRADE approach.", "systematic_review"),
        ("We summarise what is known about laser for the neck.", "narrative_review"),
    ],
)
def test_a_review_is_systematic_when_it_appraises(
    vocab: Vocabulary, methods: str, expected: str
) -> None:
    record = article("Laser for neck pain", methods=methods, types=(JOURNAL_ARTICLE, REVIEW))
    assert design(tag_article(record, vocab)) == expected


def test_one_person_named_by_what_they_do_is_a_case_report(vocab: Vocabulary) -> None:
    record = article(
        "Calf pain after needling",
        methods="A cyclist developed calf swelling a day after needling of the soleus.",
        types=(JOURNAL_ARTICLE,),
    )
    assert design(tag_article(record, vocab)) == "case_report"


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "Elbow pain is common. Thirty adults were treated with laser or with shockwave. "
            "Both helped.",
            "controlled_trial",
        ),
        (
            "Elbow pain is common. Thirty adults received either laser or shockwave. Both helped.",
            "controlled_trial",
        ),
        (
            "Elbow pain is common. Thirty adults had laser treatment or shockwave. Pain fell "
            "more in the laser group than in the shockwave group. Laser may be preferred.",
            "controlled_trial",
        ),
        # people compared by what they happened to have: a cohort, even with groups
        (
            "Elbow pain is common. We compared 40 patients who had laser with 80 patients who "
            "had none. The groups did not differ at one year. Laser adds little.",
            "cohort",
        ),
        (
            "Elbow pain is common. In 18 tennis players the tender points were treated with "
            "laser. Pain fell. Laser may help.",
            "case_series",
        ),
    ],
)
def test_arms_and_series_in_unstructured_text(
    vocab: Vocabulary, abstract: str, expected: str
) -> None:
    record = article("Elbow pain", abstract=abstract, types=(JOURNAL_ARTICLE,))
    assert design(tag_article(record, vocab)) == expected
