"""Study designs as classes: one test per row of the DESIGN CLASSES table in
`evidence.tagging.taggers`, each on several ways real methods sections state the design,
and the rows that say what wins when the publication type and the methods disagree.

Every sentence is SYNTHETIC, written for these tests in the styles real abstracts use (the
words CONSORT asks trials to report, the design words of the search filters, STROBE's names
for observational designs); none is taken from a record.
"""

from __future__ import annotations

import pytest
from tagging_builders import (
    CASE_REPORTS,
    JOURNAL_ARTICLE,
    PROTOCOL,
    RCT,
    REVIEW,
    article,
)

from evidence.models import PublicationType, Tag
from evidence.tagging import Vocabulary, tag_article

CLINICAL_TRIAL = PublicationType("D016430", "Clinical Trial")
EDITORIAL = PublicationType("D016421", "Editorial")


def design(tags: list[Tag]) -> str:
    (value,) = [t.value for t in tags if t.dimension == "design"]
    return value


def of_methods(methods: str, *, types: tuple[PublicationType, ...] = (JOURNAL_ARTICLE,)) -> str:
    record = article(
        "Treating a painful shoulder",
        objective="To evaluate a treatment for shoulder pain.",
        methods=methods,
        results="Pain scores fell over the study period.",
        types=types,
    )
    return design(tag_article(record, vocab_of_module))


@pytest.fixture(autouse=True)
def _vocab(vocab: Vocabulary) -> None:
    global vocab_of_module
    vocab_of_module = vocab


vocab_of_module: Vocabulary


@pytest.mark.parametrize(
    "methods",
    [
        "Thirty office workers will be randomised to cupping or to a waiting list.",
        "Outcomes will be measured at six and twelve weeks by a blinded assessor.",
        "We intend to recruit 120 runners from three sports clinics.",
        "Participants are being enrolled in four centres and allocated by a web service.",
    ],
)
def test_a_plan_in_the_future_is_a_protocol_whatever_its_type(methods: str) -> None:
    assert of_methods(methods) == "protocol"
    assert of_methods(methods, types=(RCT,)) == "protocol"


@pytest.mark.parametrize(
    "methods",
    [
        "Nine trials were combined in a random-effects meta-analysis.",
        "Standardised mean differences were pooled across eleven trials; I2 = 54%.",
        "We searched MEDLINE and Embase and pooled the eligible trials in forest plots.",
    ],
)
def test_pooled_results_are_a_meta_analysis(methods: str) -> None:
    assert of_methods(methods, types=(REVIEW,)) == "meta_analysis"


@pytest.mark.parametrize(
    "methods",
    [
        "We searched PubMed, PEDro and CINAHL up to March 2021 for trials of laser.",
        "Two reviewers independently screened records and rated bias with the Cochrane tool.",
        "The review followed PRISMA; nine studies met the inclusion criteria.",
        "Heterogeneity precluded pooling, so the 12 eligible studies were summarised in words.",
    ],
)
def test_a_searched_and_appraised_literature_is_a_systematic_review(methods: str) -> None:
    assert of_methods(methods, types=(REVIEW,)) == "systematic_review"


@pytest.mark.parametrize(
    "methods",
    [
        "A panel of 14 experts met over two days and formulated recommendations on needling.",
        "Consensus was sought in three Delphi rounds among 30 physiotherapists.",
        "This clinical practice guideline updates the 2015 recommendations on heel pain.",
    ],
)
def test_recommendations_issued_are_a_guideline(methods: str) -> None:
    assert of_methods(methods) == "guideline"


@pytest.mark.parametrize(
    "methods",
    [
        "Allocation to needling or sham followed a computer-generated list.",
        "A coin toss decided whether each runner had shockwave or stretching.",
        "Sealed opaque envelopes assigned the 48 patients to laser or to placebo laser.",
        "Forty women were randomly split into a cupping arm and a waiting-list arm.",
        "Eighty adults were divided at random into two groups of forty.",
    ],
)
def test_allocation_by_chance_in_any_wording_is_an_rct(methods: str) -> None:
    assert of_methods(methods) == "rct"
    # Clinical Trial is refined to its randomised kind by the same words
    assert of_methods(methods, types=(CLINICAL_TRIAL,)) == "rct"


@pytest.mark.parametrize(
    "methods",
    [
        "Fifty patients were divided into two groups: 25 had dry needling and 25 stretching.",
        "Thirty women were split into a laser group and an exercise group.",
        "Patients chose between needling and massage, and were allocated by their preference.",
        "In this quasi-experimental study, one clinic gave TENS and the other gave heat.",
        "Patients were alternately allocated to shockwave or to ultrasound therapy.",
    ],
)
def test_arms_without_a_word_of_chance_are_a_controlled_trial(methods: str) -> None:
    assert of_methods(methods) == "controlled_trial"


def test_groups_are_randomised_when_the_record_says_so_elsewhere() -> None:
    record = article(
        "Needling against stretching for neck pain: a randomized comparison",
        methods="Sixty patients were split into two groups: needling and stretching.",
        results="Pain fell more in the needling group.",
    )
    assert design(tag_article(record, vocab_of_module)) == "rct"


@pytest.mark.parametrize(
    "methods",
    [
        "This pilot was a prospective clinical trial without a control group, in 19 women.",
        "In a single-arm open-label trial, 24 patients had four sessions of shockwave.",
        "Thirty patients were followed in a one-way repeated measures study of needling.",
        "An uncontrolled before-and-after study of 18 runners who had laser therapy.",
        "In this non-controlled prospective study, 20 patients received trigger point injections.",
    ],
)
def test_a_trial_with_no_control_is_a_case_series_even_typed_clinical_trial(methods: str) -> None:
    assert of_methods(methods) == "case_series"
    assert of_methods(methods, types=(CLINICAL_TRIAL,)) == "case_series"


@pytest.mark.parametrize(
    "methods",
    [
        "A clinical trial in which 40 patients had needling and 40 in a control group had rest.",
        "This clinical trial had no control group at baseline; a sham arm was added in week 2.",
        "A two-arm clinical trial, with no control group for the follow-up phase only.",
    ],
)
def test_a_clinical_trial_that_names_a_control_stays_a_trial(methods: str) -> None:
    assert of_methods(methods, types=(CLINICAL_TRIAL,)) == "controlled_trial"


@pytest.mark.parametrize(
    "methods",
    [
        "We treated 41 consecutive patients with shockwave and followed them for a year.",
        "One surgeon carried out 660 procedures in 609 consecutive volunteers.",
        "The study took 120 patients who had laser therapy at one hospital and who were "
        "followed for six months.",
        "Twenty-two consecutive cases of calcific tendinitis were needled under guidance.",
    ],
)
def test_consecutive_patients_treated_and_followed_are_a_case_series(methods: str) -> None:
    assert of_methods(methods) == "case_series"


@pytest.mark.parametrize(
    "methods",
    [
        "We retrospectively reviewed the charts of 310 patients seen between 2010 and 2019, "
        "comparing those given injections with those who were not.",
        "Data on 12,000 adults were drawn from a national claims database.",
        "A prospective cohort study followed 500 workers for two years.",
        "Logistic regression identified predictors of a poor outcome among 230 patients.",
    ],
)
def test_people_followed_and_compared_are_a_cohort(methods: str) -> None:
    assert of_methods(methods) == "cohort"


def test_a_look_back_at_one_treatment_that_compares_nothing_is_a_case_series() -> None:
    methods = (
        "In a retrospective study we describe 44 patients treated with shockwave for "
        "calcific tendinitis over five years."
    )
    assert of_methods(methods) == "case_series"


@pytest.mark.parametrize(
    "methods",
    [
        "A questionnaire was e-mailed to 900 members of the national society.",
        "We estimated the prevalence of trigger points among 300 office workers.",
        "In a cross-sectional study, 212 physical therapists answered a 15-item survey.",
    ],
)
def test_people_measured_once_are_cross_sectional(methods: str) -> None:
    assert of_methods(methods) == "cross_sectional"


@pytest.mark.parametrize(
    "methods",
    [
        "Forty volunteers were placed in a symptomatic group or a pain-free group, and the "
        "stiffness of each muscle was recorded once with elastography.",
        "Sixty adults were divided into two groups by the presence of neck pain, and the "
        "thickness of the trapezius was scanned.",
        "Participants were assigned to an active trigger point group and a latent trigger "
        "point group according to palpation, then pressure thresholds were recorded.",
    ],
)
def test_groups_formed_by_a_condition_and_measured_are_cross_sectional(methods: str) -> None:
    record = article(
        "Stiffness of the upper trapezius on elastography",
        objective="To compare muscle stiffness between people with and without neck pain.",
        methods=methods,
        results="Stiffness differed between the groups (p = 0.01).",
    )
    assert design(tag_article(record, vocab_of_module)) == "cross_sectional"


def test_groups_given_treatments_stay_a_trial() -> None:
    record = article(
        "Stiffness of the upper trapezius after needling",
        methods="Forty volunteers were placed in a needling group or a stretching group.",
        results="Stiffness fell more in the needling group (p = 0.01).",
    )
    assert design(tag_article(record, vocab_of_module)) == "controlled_trial"


def test_a_consensus_drawn_from_a_cross_sectional_survey_is_the_survey() -> None:
    record = article(
        "Needling in tendon disorders: an expert consensus and a cross-sectional survey",
        methods="Attendees of a congress answered 12 questions on when they use the technique.",
        results="Of 180 respondents, 70% used it weekly.",
    )
    assert design(tag_article(record, vocab_of_module)) == "cross_sectional"


@pytest.mark.parametrize(
    "methods",
    [
        "Patients with chronic neck pain were matched to pain-free controls in a case-control "
        "design.",
        "This case-control study compared 80 cases of heel pain with 160 controls.",
        "We conducted a nested case control analysis of trigger points in 60 musicians.",
    ],
)
def test_cases_matched_to_controls_are_a_case_control_study(methods: str) -> None:
    assert of_methods(methods) == "case_control"


@pytest.mark.parametrize(
    "methods",
    [
        "We report a 34-year-old runner who developed a pneumothorax after dry needling.",
        "A 58-year-old woman presented with heel pain of two years' standing.",
        "We describe a case of nerve injury after an injection into the gluteal muscles.",
    ],
)
def test_one_patient_is_a_case_report(methods: str) -> None:
    assert of_methods(methods) == "case_report"


def test_case_reports_typed_over_three_patients_are_a_series() -> None:
    methods = "We describe five patients who developed a hematoma after needling of the neck."
    assert of_methods(methods, types=(CASE_REPORTS,)) == "case_series"


@pytest.mark.parametrize(
    "methods",
    [
        "This article reviews what is known of how trigger points arise.",
        "In this paper we discuss the literature on needling in sport.",
        "We summarise the evidence on heat and cold for back pain.",
    ],
)
def test_a_review_with_no_search_is_narrative(methods: str) -> None:
    assert of_methods(methods, types=(REVIEW,)) == "narrative_review"


@pytest.mark.parametrize(
    ("methods", "types"),
    [
        ("Twenty rats were randomly assigned to laser or to no treatment.", (JOURNAL_ARTICLE,)),
        ("In a randomized design, rabbits had their tendons needled.", (RCT,)),
        ("Dry needling is popular, and the evidence for it is thin.", (EDITORIAL,)),
        (
            "The inter-rater reliability of palpating trigger points was assessed.",
            (JOURNAL_ARTICLE,),
        ),
    ],
)
def test_animals_letters_and_measurement_studies_are_other(
    methods: str, types: tuple[PublicationType, ...]
) -> None:
    assert of_methods(methods, types=types) == "other"


def test_a_protocol_typed_as_a_protocol_stays_one() -> None:
    assert of_methods("Sixty patients take part in a two-arm trial.", types=(PROTOCOL,)) == (
        "protocol"
    )


@pytest.mark.parametrize(
    ("methods", "results"),
    [
        (
            "Twenty patients had three sessions of dry needling of the trapezius.",
            "Pain fell from baseline to week 4 (p < 0.01).",
        ),
        (
            "Fourteen women with heel pain were given radial shockwave once a week.",
            "Scores before and after treatment differed significantly.",
        ),
        (
            "Thirty runners each had laser therapy twice a week for a month.",
            "Compared with baseline, pressure pain thresholds rose by 20%.",
        ),
        (
            "Nineteen adults received trigger point injections into the gluteal muscles.",
            "Pre-treatment and post-treatment disability scores were compared (p = 0.02).",
        ),
    ],
)
def test_a_clinical_trial_of_one_group_measured_before_and_after_is_a_series(
    methods: str, results: str
) -> None:
    record = article(
        "Treating myofascial pain",
        methods=methods,
        results=results,
        types=[JOURNAL_ARTICLE, CLINICAL_TRIAL],
    )
    assert design(tag_article(record, vocab_of_module)) == "case_series"


@pytest.mark.parametrize(
    "results",
    [
        "Pain fell from baseline in both groups, more with needling (p = 0.01).",
        "Compared with stretching, needling lowered pain from baseline to week 4.",
        "Pain fell from baseline with needling but not with sham (p = 0.03).",
    ],
)
def test_a_clinical_trial_that_compares_arms_is_not_a_series(results: str) -> None:
    record = article(
        "Treating myofascial pain",
        methods="Forty patients had needling or stretching of the trapezius.",
        results=results,
        types=[JOURNAL_ARTICLE, CLINICAL_TRIAL],
    )
    assert design(tag_article(record, vocab_of_module)) == "controlled_trial"


@pytest.mark.parametrize(
    "title",
    [
        "Pneumothorax after dry needling: report of three cases and review of the literature",
        "Nerve injury after trigger point injection: four cases",
        "Five cases with a review of the literature on needling in the neck",
    ],
)
def test_three_or_more_cases_in_the_title_are_a_series_even_typed_case_reports(
    title: str,
) -> None:
    record = article(title, abstract="We describe what happened to each.", types=[CASE_REPORTS])
    assert design(tag_article(record, vocab_of_module)) == "case_series"


@pytest.mark.parametrize(
    "methods",
    [
        "Sixty patients were assigned to dry needling or injection by their order of arrival.",
        "Patients were allocated to laser or exercise according to their date of birth.",
        "Participants were grouped by the day of the week on which they attended.",
        "Participants in the intervention group had dry needling; those in the control "
        "group had stretching.",
    ],
)
def test_allocation_by_a_rule_that_is_not_chance_is_a_controlled_trial(methods: str) -> None:
    assert of_methods(methods) == "controlled_trial"


@pytest.mark.parametrize(
    "methods",
    [
        "Each of 20 patients had needling and sham, in random order, a week apart.",
        "This randomised pilot study tested whether 40 patients could be recruited in a year.",
        "Costs were collected alongside a randomised trial of laser against exercise.",
    ],
)
def test_randomised_crossover_pilot_and_economic_studies_are_rcts(methods: str) -> None:
    assert of_methods(methods) == "rct"


@pytest.mark.parametrize(
    "sentence",
    [
        "Sixty nurses were examined for trigger points of the forearm.",
        "A total of 150 office workers were screened for latent trigger points by palpation.",
        "Eighty-two runners were assessed with algometry at the start of the season.",
    ],
)
def test_people_examined_once_with_nothing_given_are_cross_sectional(sentence: str) -> None:
    record = article(
        "Trigger points in the neck",
        abstract=f"Neck pain is common. {sentence} Trigger points were frequent. They matter.",
    )
    assert design(tag_article(record, vocab_of_module)) == "cross_sectional"


@pytest.mark.parametrize(
    "sentence",
    [
        "Forty patients were assessed with algometry before and after three sessions of "
        "dry needling.",
        "Disability was scored before and after treatment in 25 women given kinesio taping.",
        "Pain in 30 adults fell from baseline after four weeks of cupping therapy.",
    ],
)
def test_one_treated_group_measured_before_and_after_is_a_series(sentence: str) -> None:
    record = article(
        "Needling for neck pain",
        abstract=f"Neck pain is common. {sentence} Scores changed. The treatment may help.",
    )
    assert design(tag_article(record, vocab_of_module)) == "case_series"
