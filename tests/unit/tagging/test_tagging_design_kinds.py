"""Designs as the whole range of abstracts states them when the publication type names none
or misleads: plans written in other tenses, pooling named by its statistics, reviews that
say they pooled nothing, narrative reviews, surveys, chart reviews, uncontrolled before-after
studies, Delphi and consensus work, letters and replies. Every sentence is SYNTHETIC,
written for these tests in the styles real abstracts use."""

from __future__ import annotations

import pytest
from tagging_builders import (
    JOURNAL_ARTICLE,
    META_ANALYSIS,
    RCT,
    REVIEW,
    SYSTEMATIC_REVIEW,
    article,
)

from evidence.models import PublicationType, Tag
from evidence.tagging import Vocabulary, tag_article

CLINICAL_TRIAL = PublicationType("D016430", "Clinical Trial")
LETTER = PublicationType("D016422", "Letter")

# around a sentence under test in an unstructured abstract: an opening and a closing line
OPENING = "Pain in the shoulder girdle is common and often lasts for months."
CLOSING = "The results are discussed with regard to clinical practice."


def design(tags: list[Tag]) -> str:
    (value,) = [t.value for t in tags if t.dimension == "design"]
    return value


def in_abstract(*sentences: str) -> str:
    return " ".join((OPENING, *sentences, "Most scores changed over the period.", CLOSING))


@pytest.mark.parametrize(
    "methods",
    [
        "Sixty adults shall receive lidocaine or saline injections into the trapezius.",
        "Eighty runners are to be allocated to active or sham shockwave.",
        "We intend to recruit 90 office workers from two clinics.",
        "Participants are currently being recruited and randomized 1:1 to cupping or rest.",
        "Recruitment is ongoing and is expected to finish in 2027.",
        "Pain and disability will be measured at 4 and 12 weeks.",
    ],
)
def test_a_plan_in_any_tense_is_a_protocol(vocab: Vocabulary, methods: str) -> None:
    record = article("Laser for jaw pain", methods=methods, types=[JOURNAL_ARTICLE])
    assert design(tag_article(record, vocab)) == "protocol"


@pytest.mark.parametrize(
    ("title", "types"),
    [
        ("The NECKNEEDLE trial: rationale and design", [CLINICAL_TRIAL]),
        ("Cupping for heel pain: design and rationale of a randomised trial", [RCT]),
        ("Statistical analysis plan for a trial of laser in tennis elbow", [JOURNAL_ARTICLE]),
    ],
)
def test_a_protocol_typed_as_a_trial_is_a_protocol(
    vocab: Vocabulary, title: str, types: list[PublicationType]
) -> None:
    record = article(title, methods="A two-arm trial in three centres.", types=types)
    assert design(tag_article(record, vocab)) == "protocol"


@pytest.mark.parametrize(
    "methods",
    [
        "Effect sizes from 14 trials were combined with a random-effects model.",
        "Trial results were combined quantitatively in RevMan 5.",
        "The summary odds ratio for a good outcome was 2.1.",
        "Heterogeneity was moderate (I2 = 48%), and forest plots are shown.",
    ],
)
def test_pooling_named_by_its_statistics_is_a_meta_analysis(
    vocab: Vocabulary, methods: str
) -> None:
    record = article(
        "Shockwave for heel pain: a review",
        methods=f"We searched five databases for randomised trials. {methods}",
        types=[REVIEW],
    )
    assert design(tag_article(record, vocab)) == "meta_analysis"


@pytest.mark.parametrize(
    "sentence",
    [
        "Outcomes were too heterogeneous, and too often reported without variances, for a"
        " meta-analysis.",
        "Differences between the included populations precluded pooling.",
        "The data were not amenable to meta-analysis, so a narrative synthesis is given.",
        "Clinical diversity of the trials did not allow a meta-analysis.",
    ],
)
def test_a_review_that_says_it_could_not_pool_is_a_systematic_review(
    vocab: Vocabulary, sentence: str
) -> None:
    record = article(
        "Dry needling in spasticity after stroke: a systematic review",
        methods=f"Four databases were searched up to June 2024. {sentence}",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW, REVIEW],
    )
    assert design(tag_article(record, vocab)) == "systematic_review"


def test_a_review_that_pooled_one_outcome_is_a_meta_analysis_even_if_another_was_not(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Laser for neck pain: a systematic review",
        methods=(
            "Pain scores from nine trials were pooled with a random-effects model. Function"
            " outcomes were too heterogeneous for meta-analysis."
        ),
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
    )
    assert design(tag_article(record, vocab)) == "meta_analysis"


def test_a_review_whose_search_opens_an_unstructured_abstract_is_a_review_not_a_trial(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Needling of the calf",
        abstract=in_abstract(
            "A systematic literature search was carried out in three databases.",
            "Seven trials in which patients were randomly assigned to needling or sham met"
            " the criteria.",
        ),
    )
    assert design(tag_article(record, vocab)) == "systematic_review"


@pytest.mark.parametrize(
    "sentence",
    [
        "This paper reviews what is known of laser therapy for neck pain.",
        "The present article provides an overview of how trigger points are diagnosed.",
        "In this review, we discuss the mechanisms proposed for shockwave therapy.",
        "Our review outlines the history of dry needling and its current uses.",
    ],
)
def test_a_review_that_describes_itself_so_is_a_narrative_review(
    vocab: Vocabulary, sentence: str
) -> None:
    record = article("Trigger points today", abstract=in_abstract(sentence))
    assert design(tag_article(record, vocab)) == "narrative_review"


@pytest.mark.parametrize(
    "methods",
    [
        "We surveyed 250 acupuncturists about the events they had seen.",
        "The questionnaire was completed by 412 physiotherapists (response rate 38%).",
        "Data were gathered with an online questionnaire from 180 nurses.",
        "A web-based survey was sent to every member of the association.",
    ],
)
def test_a_survey_is_cross_sectional(vocab: Vocabulary, methods: str) -> None:
    record = article("Needling in practice", methods=methods)
    assert design(tag_article(record, vocab)) == "cross_sectional"


@pytest.mark.parametrize(
    "methods",
    [
        "The medical charts of 210 adults seen between 2015 and 2019 were reviewed.",
        "Electronic health records of 3,400 patients with neck pain were analysed.",
        "Using an insurance claims database, we followed 5000 adults with back pain for a year"
        " and compared those who had injections with those who had not.",
    ],
)
def test_records_read_after_the_fact_are_a_cohort(vocab: Vocabulary, methods: str) -> None:
    record = article("Injections in a spine clinic", methods=methods)
    assert design(tag_article(record, vocab)) == "cohort"


@pytest.mark.parametrize(
    "methods",
    [
        "Pain was scored before and after six sessions of laser in 30 patients, with no"
        " control group.",
        "Twenty-two workers received cupping without a comparison group.",
        "All participants were treated; there was no control arm.",
    ],
)
def test_treated_and_measured_without_a_control_is_a_case_series(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("Laser for elbow pain", methods=methods)
    assert design(tag_article(record, vocab)) == "case_series"


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        ("Criteria for diagnosing trigger points: a Delphi study", "Experts rated 40 items."),
        ("Safety of needling", "A modified Delphi process with 40 clinicians was used."),
        ("Shockwave in tendinopathy", "An international expert panel met twice in 2023."),
        ("Managing heel pain", "A consensus conference of 12 societies was held."),
    ],
)
def test_agreement_sought_from_experts_is_a_guideline(
    vocab: Vocabulary, title: str, methods: str
) -> None:
    record = article(title, methods=methods)
    assert design(tag_article(record, vocab)) == "guideline"


@pytest.mark.parametrize(
    ("title", "abstract", "types"),
    [
        (
            "Dry needling for neck pain",
            "We read with great interest the randomised trial by Lee and colleagues. We have"
            " concerns about how allocation was concealed. Blinding of assessors is unclear.",
            [JOURNAL_ARTICLE],
        ),
        (
            "Reply to the letter on laser therapy",
            "We thank the authors for their comments on our randomised controlled trial. The"
            " sample size was calculated in advance. We agree that more trials are needed.",
            [JOURNAL_ARTICLE],
        ),
        (
            "Comment on: shockwave for heel pain, a meta-analysis",
            "The pooled estimate hides two very different trials. A subgroup analysis would"
            " help readers. The conclusion goes beyond the data.",
            [JOURNAL_ARTICLE],
        ),
        (
            "Cupping and sham cupping",
            "In reply to the letter about our double-blind trial, we add the following"
            " details. Allocation used sealed envelopes. Outcomes were scored blind.",
            [LETTER],
        ),
    ],
)
def test_a_letter_or_reply_about_a_study_is_other(
    vocab: Vocabulary, title: str, abstract: str, types: list[PublicationType]
) -> None:
    record = article(title, abstract=abstract, types=types)
    assert design(tag_article(record, vocab)) == "other"


def test_a_trial_that_thanks_nobody_for_comments_keeps_its_design(vocab: Vocabulary) -> None:
    record = article(
        "Cupping for neck pain: a randomised trial",
        abstract=in_abstract(
            "We thank the 60 volunteers who took part in this trial.",
            "They were randomly allocated to cupping or rest.",
        ),
        types=[JOURNAL_ARTICLE, RCT],
    )
    assert design(tag_article(record, vocab)) == "rct"


@pytest.mark.parametrize(
    "methods",
    [
        "This is a secondary analysis of a randomised trial of dry needling in 120 adults.",
        "A post hoc analysis of a randomized controlled trial of laser was carried out.",
        "A cost-utility analysis was conducted alongside a randomised trial of cupping.",
    ],
)
def test_analyses_of_a_randomised_trial_are_rct(vocab: Vocabulary, methods: str) -> None:
    record = article("Predictors of response to needling", methods=methods)
    assert design(tag_article(record, vocab)) == "rct"


@pytest.mark.parametrize(
    "methods",
    [
        "In a randomised crossover study, 16 volunteers had active and sham TENS.",
        "This pilot study allocated 24 patients by randomisation to laser or placebo laser.",
        "In this feasibility study, 30 participants were randomized to needling or stretching.",
    ],
)
def test_pilot_and_crossover_randomised_trials_are_rct(vocab: Vocabulary, methods: str) -> None:
    record = article("Needling for calf pain", methods=methods)
    assert design(tag_article(record, vocab)) == "rct"


def test_a_meta_analysis_typed_review_is_a_meta_analysis_not_a_narrative_review(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Dry needling for myofascial pain: a systematic review and meta-analysis",
        methods="PubMed and Embase were searched; 15 randomised trials were included.",
        types=[JOURNAL_ARTICLE, REVIEW],
    )
    assert design(tag_article(record, vocab)) == "meta_analysis"


def test_a_protocol_of_a_review_typed_systematic_review_is_a_protocol(vocab: Vocabulary) -> None:
    record = article(
        "Massage for low back pain: protocol for a systematic review and meta-analysis",
        methods="We will search MEDLINE and CINAHL; two reviewers will extract data.",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW, META_ANALYSIS],
    )
    assert design(tag_article(record, vocab)) == "protocol"


def test_a_case_report_typed_review_for_its_literature_review_is_a_case_report(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Pneumothorax after needling: a case report and review of the literature",
        abstract=in_abstract(
            "We report a 34-year-old teacher who developed a pneumothorax after needling.",
            "Earlier reports of this complication are reviewed.",
        ),
        types=[REVIEW],
    )
    assert design(tag_article(record, vocab)) == "case_report"


@pytest.mark.parametrize(
    "methods",
    [
        "Patients were allocated according to their own preference to needling or stretching.",
        "Allocation was not random: the first 20 patients had laser and the next 20 exercise.",
        "Subjects were not randomly assigned; each clinic delivered one of the two treatments.",
        "Twelve volunteers had active and placebo ultrasound in a crossover fashion.",
    ],
)
def test_arms_formed_other_than_by_chance_are_a_controlled_trial(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("Needling for calf pain", methods=methods)
    assert design(tag_article(record, vocab)) == "controlled_trial"


@pytest.mark.parametrize(
    "methods",
    [
        "In 120 workers we examined the prevalence of trigger points at a single visit.",
        "The prevalence of neck pain among 300 dentists was estimated.",
        "Our aim was to determine the prevalence of latent trigger points in 90 students.",
    ],
)
def test_how_common_something_is_at_one_time_is_cross_sectional(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("Trigger points at work", methods=methods)
    assert design(tag_article(record, vocab)) == "cross_sectional"


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        (
            "Dry needling: an umbrella review",
            "We searched for systematic reviews and meta-analyses of dry needling; 15 reviews"
            " were included.",
        ),
        (
            "Massage in back pain: an overview of Cochrane reviews",
            "Cochrane reviews were identified and their conclusions summarised.",
        ),
        (
            "Laser therapy: a review of systematic reviews",
            "Systematic reviews were included when they reported pain; quality was rated.",
        ),
    ],
)
def test_a_review_of_reviews_is_a_systematic_review(
    vocab: Vocabulary, title: str, methods: str
) -> None:
    record = article(title, methods=methods, types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW])
    assert design(tag_article(record, vocab)) == "systematic_review"


def test_guidelines_appraised_by_a_review_are_a_systematic_review(vocab: Vocabulary) -> None:
    record = article(
        "Clinical practice guidelines for neck pain: a critical appraisal of their quality",
        methods="We searched for guidelines on neck pain and appraised them with AGREE II.",
    )
    assert design(tag_article(record, vocab)) == "systematic_review"


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "A randomized, double-blind trial compared laser with placebo laser in 40 adults"
            " with jaw pain. Mouth opening improved in both groups. Laser was no better than"
            " placebo.",
            "rct",
        ),
        (
            "Twelve patients with calcific tendinitis of the shoulder were treated with"
            " shockwave. Ten improved. Calcifications shrank in eight. Shockwave may help.",
            "case_series",
        ),
        (
            "A survey was sent to 1200 physiotherapists about their use of needling. A third"
            " replied. Most needled every week. Training varied widely.",
            "cross_sectional",
        ),
        (
            "Forty women with fibromyalgia took part in a non-randomised controlled trial of"
            " cupping. Pain fell more with cupping than with usual care. Cupping may help.",
            "controlled_trial",
        ),
        (
            "We retrospectively reviewed the charts of 150 patients who received trigger point"
            " injections. Relief was reported by 70%. Injections seem useful.",
            "case_series",
        ),
    ],
)
def test_the_opening_sentence_of_an_unstructured_abstract_can_state_the_design(
    vocab: Vocabulary, abstract: str, expected: str
) -> None:
    record = article("Treating musculoskeletal pain", abstract=abstract)
    assert design(tag_article(record, vocab)) == expected


@pytest.mark.parametrize(
    "opening",
    [
        "A previous randomized trial of 60 patients found needling effective.",
        "Needling has been shown in a randomized trial of 40 adults to ease neck pain.",
        "A recent meta-analysis of 12 trials supported laser for jaw pain.",
    ],
)
def test_an_opening_sentence_about_another_study_does_not_state_the_design(
    vocab: Vocabulary, opening: str
) -> None:
    record = article(
        "Needling in general practice",
        abstract=(
            f"{opening} Its use in general practice is not known. Records of use were"
            " kept by the practices. Use rose over time."
        ),
    )
    assert design(tag_article(record, vocab)) not in {"rct", "meta_analysis"}


@pytest.mark.parametrize(
    ("background", "expected"),
    [
        (
            "A retrospective review of 480 patients was conducted to identify predictors of"
            " lasting neck pain.",
            "cohort",
        ),
        (
            "A cross-sectional survey was carried out to estimate how often therapists use"
            " dry needling.",
            "cross_sectional",
        ),
        (
            "A randomised trial was designed to compare laser with sham laser in jaw pain.",
            "rct",
        ),
    ],
)
def test_a_background_sentence_saying_what_was_done_and_why_states_the_design(
    vocab: Vocabulary, background: str, expected: str
) -> None:
    record = article(
        "Pain care in a clinic",
        background=f"Musculoskeletal pain is common. {background}",
        methods="Scores were recorded at each visit.",
        results="Pain fell over time.",
    )
    assert design(tag_article(record, vocab)) == expected


def test_a_background_sentence_about_an_earlier_trial_does_not_state_the_design(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Pain care in a clinic",
        background=(
            "A previous randomised trial was conducted to compare laser with sham laser."
            " Its results were mixed."
        ),
        methods="Scores were recorded at each visit.",
        results="Pain fell over time.",
    )
    assert design(tag_article(record, vocab)) != "rct"


@pytest.mark.parametrize(
    ("title", "methods", "expected"),
    [
        (
            "Neck pain after injury",
            "One hundred and eleven records were retrospectively"
            " reviewed and compared by injury type.",
            "cohort",
        ),
        (
            "Laser use in a clinic",
            "We retrospectively studied 401 patients who started one of"
            " two treatments and compared how long they kept to them.",
            "cohort",
        ),
        (
            "Shockwave in a sports clinic: a single-centre observational study",
            "Athletes were followed for a year.",
            "cohort",
        ),
        (
            "Needling habits: an observational cross-sectional study",
            "Therapists answered once.",
            "cross_sectional",
        ),
    ],
)
def test_retrospective_and_observational_wording(
    vocab: Vocabulary, title: str, methods: str, expected: str
) -> None:
    record = article(title, methods=methods)
    assert design(tag_article(record, vocab)) == expected


@pytest.mark.parametrize(
    ("abstract", "expected"),
    [
        (
            "Shockwave is rarely given to children. Its effects in them are unknown. We present"
            " a case of a 12-year-old gymnast with heel pain treated with shockwave.",
            "case_report",
        ),
        (
            "Needling near the chest carries risks. Two patients with neck pain developed"
            " breathlessness after needling. Both recovered.",
            "case_report",
        ),
        (
            "Needling near the chest carries risks. Four patients admitted with chest pain"
            " after needling were examined. All had a small pneumothorax.",
            "case_series",
        ),
    ],
)
def test_cases_as_reports_present_them(vocab: Vocabulary, abstract: str, expected: str) -> None:
    record = article("Needling and the chest", abstract=abstract)
    assert design(tag_article(record, vocab)) == expected


def test_a_retrospective_study_with_words_between_is_a_cohort(vocab: Vocabulary) -> None:
    record = article(
        "Risk of a second injury",
        methods="A retrospective, population-based study of 5000 runners compared shoe types.",
    )
    assert design(tag_article(record, vocab)) == "cohort"


@pytest.mark.parametrize(
    ("methods", "types", "expected"),
    [
        (
            "The review protocol was registered in PROSPERO. We searched five databases, and"
            " twelve trials were pooled in a meta-analysis.",
            [SYSTEMATIC_REVIEW],
            "meta_analysis",
        ),
        (
            "The trial protocol was approved by the ethics board. Sixty patients were randomly"
            " assigned to needling or sham.",
            [RCT],
            "rct",
        ),
        (
            "Patients were randomised to two groups, following the published protocol.",
            [JOURNAL_ARTICLE],
            "rct",
        ),
    ],
)
def test_a_finished_study_that_names_its_protocol_is_not_a_protocol(
    vocab: Vocabulary, methods: str, types: list[PublicationType], expected: str
) -> None:
    record = article("Needling for neck pain", methods=methods, types=types)
    assert design(tag_article(record, vocab)) == expected


def test_a_study_with_results_that_promises_a_later_report_is_not_a_protocol(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Needling for neck pain",
        methods="Patients were randomised; long-term outcomes will be reported separately.",
        results="Pain fell more after needling than after sham (p = 0.01).",
        types=[RCT],
    )
    assert design(tag_article(record, vocab)) == "rct"


def test_a_protocol_without_results_stays_a_protocol(vocab: Vocabulary) -> None:
    record = article(
        "Needling for neck pain: a randomised trial",
        methods="Patients will be randomised to needling or sham; pain will be measured.",
        results="Recruitment began in 2025.",
        types=[RCT],
    )
    assert design(tag_article(record, vocab)) == "protocol"


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (
            "Sixty patients were assigned by sealed envelopes to laser or sham; pain was analysed"
            " with a linear random-effects model.",
            "rct",
        ),
        (
            "Fibromyalgia was diagnosed by the international consensus criteria; 40 women were"
            " randomly allocated to cupping or rest.",
            "rct",
        ),
        (
            "Diagnosis was confirmed by an expert panel, and patients were followed for a year"
            " in this prospective cohort study.",
            "cohort",
        ),
        (
            "Thirty patients were treated with laser, with no control group; the response rate"
            " was 60% and the prevalence of side effects 5%.",
            "case_series",
        ),
    ],
)
def test_words_of_higher_designs_used_in_passing_do_not_outrank_the_study(
    vocab: Vocabulary, methods: str, expected: str
) -> None:
    record = article("Treating chronic pain", methods=methods)
    assert design(tag_article(record, vocab)) == expected


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (
            "We surveyed the literature on needling, and this review summarises it.",
            "narrative_review",
        ),
        (
            "Twenty patients received shockwave with no control group; pain questionnaires were"
            " completed at each visit.",
            "case_series",
        ),
        ("Dry needling shall be performed only by trained clinicians.", "other"),
    ],
)
def test_survey_and_plan_words_in_other_senses(
    vocab: Vocabulary, methods: str, expected: str
) -> None:
    record = article("Needling", abstract=in_abstract(methods))
    assert design(tag_article(record, vocab)) == expected


@pytest.mark.parametrize(
    "instrument",
    [
        "the Short Form-36 Health Survey",
        "the SF-36 health survey",
        "the Medical Outcomes Study 12-item Short-Form Survey",
    ],
)
def test_a_quality_of_life_survey_instrument_is_not_a_survey_design(
    vocab: Vocabulary, instrument: str
) -> None:
    record = article(
        "Laser for chronic neck pain",
        methods=f"Twenty patients had laser with no control group; {instrument} was scored.",
    )
    assert design(tag_article(record, vocab)) == "case_series"


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (
            "Sixty patients were randomly assigned to needling or sham; the trial is reported"
            " in accordance with the CONSORT guidelines.",
            "rct",
        ),
        (
            "Reporting follows the STROBE guideline. We retrospectively reviewed the charts of"
            " 200 patients and compared outcomes by treatment.",
            "cohort",
        ),
        (
            "Patients were randomised to TENS or sham; dosage adhered to the manufacturer"
            " guidelines.",
            "rct",
        ),
        (
            "We evaluated adherence to guidelines in 300 physiotherapists with an online"
            " questionnaire.",
            "cross_sectional",
        ),
    ],
)
def test_another_bodys_guideline_named_in_the_methods_is_not_the_design(
    vocab: Vocabulary, methods: str, expected: str
) -> None:
    record = article("Care of neck pain", methods=methods)
    assert design(tag_article(record, vocab)) == expected


@pytest.mark.parametrize(
    "methods",
    [
        "This guideline gives recommendations on dry needling for neck pain.",
        "Our aim was to develop evidence-based guidelines for shockwave therapy.",
        "The guideline panel graded the evidence for each treatment.",
    ],
)
def test_a_guideline_that_names_itself_is_a_guideline(vocab: Vocabulary, methods: str) -> None:
    record = article("Care of neck pain", methods=methods)
    assert design(tag_article(record, vocab)) == "guideline"


@pytest.mark.parametrize(
    "methods",
    [
        "Sample size was based on a previous meta-analysis. Sixty patients were randomly"
        " assigned to needling or sham.",
        "The laser dose was chosen according to a recent systematic review. Forty patients"
        " were randomly allocated to laser or sham.",
        "As recommended by a Cochrane review, 50 patients were randomly assigned to TENS or sham.",
        "Forty patients were randomly allocated to two groups. This protocol was applied three"
        " times a week for four weeks.",
    ],
)
def test_another_studys_review_or_a_treatment_protocol_does_not_outrank_a_trial(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("Care of neck pain", methods=methods)
    assert design(tag_article(record, vocab)) == "rct"


def test_a_treatment_protocol_for_a_period_is_not_a_study_protocol(vocab: Vocabulary) -> None:
    record = article(
        "Care of neck pain",
        methods="Twenty patients received the treatment protocol for a period of six weeks;"
        " no control group was used.",
    )
    assert design(tag_article(record, vocab)) == "case_series"


@pytest.mark.parametrize(
    "methods",
    [
        "This is the protocol for a randomised trial of cupping in neck pain.",
        "We describe the protocol of a multicentre pilot study.",
        "This study protocol sets out the planned analyses.",
    ],
)
def test_the_protocol_of_a_study_is_a_protocol(vocab: Vocabulary, methods: str) -> None:
    record = article("Care of neck pain", methods=methods)
    assert design(tag_article(record, vocab)) == "protocol"


@pytest.mark.parametrize(
    ("last", "expected"),
    [
        ("This randomized trial shows that dry needling eases neck pain.", "rct"),
        ("Our meta-analysis supports shockwave for heel pain.", "meta_analysis"),
        ("A larger randomized trial is needed to confirm this.", "other"),
        ("This protocol may help clinicians plan care.", "other"),
    ],
)
def test_a_conclusion_that_names_the_records_own_design(
    vocab: Vocabulary, last: str, expected: str
) -> None:
    record = article(
        "Needling and pain",
        abstract="Neck pain is common in office work. Needling was compared with sham in office"
        f" workers. Pain fell more after needling. {last}",
    )
    assert design(tag_article(record, vocab)) == expected


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        (
            "A quasi-experimental one-group pretest-posttest design was used with 25 nurses who"
            " received massage.",
            "case_series",
        ),
        (
            "This quasi-experimental study used a single-group pre-post design; 30 workers"
            " received cupping.",
            "case_series",
        ),
        ("In this single-arm clinical trial, 20 patients received laser.", "case_series"),
        (
            "A quasi-experimental design with an intervention group and a comparison group was"
            " used.",
            "controlled_trial",
        ),
        (
            "A non-randomized controlled trial compared 30 patients given laser with 30 given"
            " exercise.",
            "controlled_trial",
        ),
    ],
)
def test_a_quasi_experiment_of_one_group_is_a_case_series(
    vocab: Vocabulary, methods: str, expected: str
) -> None:
    record = article("Massage at work", methods=methods)
    assert design(tag_article(record, vocab)) == expected


def population(tags: list[Tag]) -> str:
    (value,) = [t.value for t in tags if t.dimension == "population"]
    return value


@pytest.mark.parametrize(
    ("methods", "expected_population", "expected_design"),
    [
        (
            "Sixty patients were randomly assigned to laser or sham; the laser dose had been"
            " tested in rats before.",
            "human",
            "rct",
        ),
        (
            "Trigger spots were induced in 24 Sprague-Dawley rats, which were randomly"
            " allocated to needling or no treatment.",
            "animal",
            "other",
        ),
        (
            "Dogs with osteoarthritis received laser therapy in a randomized, blinded trial.",
            "animal",
            "other",
        ),
    ],
)
def test_animals_named_beside_counted_patients_do_not_make_an_animal_study(
    vocab: Vocabulary, methods: str, expected_population: str, expected_design: str
) -> None:
    tags = tag_article(article("Laser and pain", methods=methods), vocab)
    assert population(tags) == expected_population
    assert design(tags) == expected_design
