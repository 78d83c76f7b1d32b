"""Designs read from how the methods are worded when the publication type names none (only
Journal Article), on SYNTHETIC sentences written for these tests."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, META_ANALYSIS, SYSTEMATIC_REVIEW, article, heading

from evidence.models import PublicationType, Tag
from evidence.tagging import Vocabulary, tag_article


def design(tags: list[Tag]) -> str:
    (value,) = [t.value for t in tags if t.dimension == "design"]
    return value


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        # allocation by chance, in the words trials use for it
        ("Forty adults were randomly split between cupping and massage.", "rct"),
        ("Participants were allocated at random to laser or sham laser.", "rct"),
        ("A computer-generated random list assigned each runner to an arm.", "rct"),
        ("Arms were assigned by coin toss before the first visit.", "rct"),
        ("Allocation was concealed in sealed opaque envelopes.", "rct"),
        ("This double-blind, sham-controlled study enrolled 52 office workers.", "rct"),
        ("A placebo-controlled trial of 30 patients with jaw pain.", "rct"),
        ("Each volunteer had both treatments, in random order, a week apart.", "rct"),
        ("Each patient was randomized to one of two needle depths.", "rct"),
        # not by chance
        (
            "In this prospective, comparative study 48 patients chose their own arm.",
            "controlled_trial",
        ),
        ("A crossover design compared taping with no taping in 18 dancers.", "controlled_trial"),
        # arms with no word of chance anywhere: not said to be randomised (the labelling
        # rules' non-randomized trial with a control group)
        (
            "Group 1 (22 patients) had injections and exercise, while group 2 (20 patients)"
            " had exercise only.",
            "controlled_trial",
        ),
        # reviews: how the search is reported
        ("Searches were run in MEDLINE, CINAHL and PEDro up to May 2019.", "systematic_review"),
        ("A literature search covered four databases from their start.", "systematic_review"),
        ("We searched three electronic databases for trials of cupping.", "systematic_review"),
        ("Two reviewers independently screened titles and abstracts.", "systematic_review"),
        ("Eleven trials met the inclusion criteria.", "systematic_review"),
        ("Effect sizes were pooled with a random-effects meta-analysis.", "meta_analysis"),
        ("The pooled standardized mean difference favoured laser.", "meta_analysis"),
        # protocols: what will be done
        ("Participants will be randomly assigned to two arms.", "protocol"),
        ("The primary outcome will be neck disability at six weeks.", "protocol"),
        # observational designs
        ("We retrospectively reviewed the clinic records of 310 adults.", "cohort"),
        ("This prospective multicentre study followed 120 workers.", "cohort"),
        (
            "We compared 80 patients who had had injections with 95 patients who had not.",
            "cohort",
        ),
        ("Logistic regression identified predictors of a poor response.", "cohort"),
        ("Respondents rated how often they used each technique.", "cross_sectional"),
        ("An online questionnaire was e-mailed to 900 physiotherapists.", "cross_sectional"),
        # uncontrolled series and single patients
        ("Fourteen patients took part and were treated weekly.", "case_series"),
        ("This single-arm pilot followed 12 cyclists over a season.", "case_series"),
        ("An uncontrolled pilot study measured pain before and after.", "case_series"),
        ("A pre-post design was used with 25 women.", "case_series"),
        ("A 61-year-old retired teacher developed a haematoma.", "case_report"),
        ("The patient presented with a swollen, painful calf.", "case_report"),
        ("We describe two patients in whom the calf bruised.", "case_report"),
        ("Sixty healthy adults underwent ultrasonography of the calf.", "cross_sectional"),
        ("Runners were compared in a prospective randomised comparison.", "rct"),
        # guidelines and consensus statements
        ("A panel of experts formulated recommendations by vote.", "guideline"),
        ("This consensus covers diagnosis and treatment.", "guideline"),
        # a study of a measurement, not of a treatment
        ("The inter-rater reliability of palpation was tested in 30 volunteers.", "other"),
    ],
)
def test_design_from_the_methods(vocab: Vocabulary, methods: str, expected: str) -> None:
    record = article("Cupping for calf pain", methods=methods, types=[JOURNAL_ARTICLE])
    assert design(tag_article(record, vocab)) == expected


def test_text_outranks_a_mesh_study_design_heading(vocab: Vocabulary) -> None:
    record = article(
        "Cupping for calf pain: a case series",
        methods="Nine patients were treated with cupping.",
        mesh=[heading("D012189", "Retrospective Studies")],
    )
    assert design(tag_article(record, vocab)) == "case_series"


def test_mesh_design_heading_is_read_when_the_text_names_none(vocab: Vocabulary) -> None:
    record = article(
        "Cupping for calf pain",
        methods="Pain was scored at each visit.",
        mesh=[heading("D012189", "Retrospective Studies")],
    )
    assert design(tag_article(record, vocab)) == "cohort"


@pytest.mark.parametrize(
    "sentence",
    [
        "The trials were too varied, so no statistical pooling was done.",
        "Data could not be pooled because outcomes differed.",
        "A meta-analysis was not possible.",
    ],
)
def test_a_review_that_pooled_nothing_is_a_systematic_review(
    vocab: Vocabulary, sentence: str
) -> None:
    record = article(
        "Cupping for calf pain: a systematic review",
        abstract=f"We searched PubMed for trials of cupping. {sentence}",
        types=[JOURNAL_ARTICLE, META_ANALYSIS, SYSTEMATIC_REVIEW],
    )
    assert design(tag_article(record, vocab)) == "systematic_review"


def test_a_review_that_pooled_one_comparison_stays_a_meta_analysis(vocab: Vocabulary) -> None:
    record = article(
        "Cupping for calf pain: a meta-analysis",
        abstract="Against sham or no treatment, the pooled data showed less pain.",
        types=[JOURNAL_ARTICLE, META_ANALYSIS],
    )
    assert design(tag_article(record, vocab)) == "meta_analysis"


OBSERVATIONAL = PublicationType("D064888", "Observational Study")


def test_an_observational_study_that_names_no_design_is_a_cohort(vocab: Vocabulary) -> None:
    record = article(
        "Cupping use in a sports clinic",
        methods="Pain was scored at each visit.",
        types=[JOURNAL_ARTICLE, OBSERVATIONAL],
    )
    assert design(tag_article(record, vocab)) == "cohort"


def test_an_observational_study_that_says_survey_is_cross_sectional(vocab: Vocabulary) -> None:
    record = article(
        "Cupping use in a sports clinic: a survey",
        methods="Physiotherapists answered 20 questions.",
        types=[JOURNAL_ARTICLE, OBSERVATIONAL],
    )
    assert design(tag_article(record, vocab)) == "cross_sectional"


CLINICAL_TRIAL = PublicationType("D016430", "Clinical Trial")


def test_a_clinical_trial_without_a_control_group_is_a_case_series(vocab: Vocabulary) -> None:
    record = article(
        "Cupping for calf pain: a single-arm pilot study",
        methods="Twenty runners had cupping weekly for a month.",
        types=[JOURNAL_ARTICLE, CLINICAL_TRIAL],
    )
    assert design(tag_article(record, vocab)) == "case_series"


def test_a_clinical_trial_that_randomised_stays_a_trial(vocab: Vocabulary) -> None:
    record = article(
        "Cupping for calf pain",
        methods="Runners were randomly allocated to cupping or rest; a pre-post design.",
        types=[JOURNAL_ARTICLE, CLINICAL_TRIAL],
    )
    assert design(tag_article(record, vocab)) == "rct"


def test_a_case_report_that_opens_with_its_patient(vocab: Vocabulary) -> None:
    record = article(
        "Calf bruising after cupping",
        abstract=(
            "A plumber aged 44 years came to the clinic with a bruised calf. It had begun"
            " after cupping. The bruise faded in a month."
        ),
    )
    assert design(tag_article(record, vocab)) == "case_report"


@pytest.mark.parametrize(
    "sentence",
    [
        "No clear guidelines for cupping exist in this country.",
        "Current guidelines recommend exercise first.",
    ],
)
def test_guidelines_a_case_report_cites_do_not_make_it_one(
    vocab: Vocabulary, sentence: str
) -> None:
    record = article(
        "Calf bruising after cupping",
        abstract=f"A 44-year-old man developed a bruised calf after cupping. {sentence}",
    )
    assert design(tag_article(record, vocab)) == "case_report"


def test_systematic_reviews_a_guideline_graded_are_not_its_design(vocab: Vocabulary) -> None:
    record = article(
        "Cupping for calf pain: recommendations of a national society",
        methods="The panel graded evidence from systematic reviews and trials.",
    )
    assert design(tag_article(record, vocab)) == "guideline"
