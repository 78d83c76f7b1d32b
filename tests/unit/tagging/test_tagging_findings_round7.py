"""Classes of missed or extra findings read on the dev batches (the seventh first), each
with SYNTHETIC sentences and records of our own in varied styles; the classes are listed in
`evidence.tagging.findings`. A co-treatment every arm had gets no finding; two forms of one
treatment named in the title are a variant comparison; "each of the two modalities" is a
change within every arm; a harm said to be rare, or an event word that is what the record
treats, is no harm; a result that hangs on the dose is inconclusive; a control arm told by
the drug it had is an active comparator; "no significant evidence that X works" with no arm
set against it is inconclusive; results rated well are a benefit.
"""

from __future__ import annotations

import pytest
from tagging_builders import CASE_REPORTS, JOURNAL_ARTICLE, RCT, findings

from evidence.tagging import Vocabulary
from evidence.tagging.findings import read_statement, states_within_arms

# -- a co-treatment every arm had gets no finding ---------------------------------------------


@pytest.mark.parametrize(
    "methods",
    [
        "Sixty adults were randomised to dry needling or to sham needling. Both groups also "
        "followed a home exercise programme for six weeks.",
        "Patients were allocated at random to real or sham needling; in addition, all "
        "participants were given stretching exercises and advice.",
        "Sixty adults were randomised to dry needling or to sham needling. In addition, "
        "patients in each arm performed exercise and stretching at home.",
        "Participants were randomly assigned to needling or a sham procedure, and each of the "
        "two groups performed the same strengthening exercises as a co-intervention.",
    ],
)
def test_a_co_treatment_every_arm_had_has_no_finding(vocab: Vocabulary, methods: str) -> None:
    found = findings(
        vocab,
        title="Dry needling for chronic neck pain: a sham-controlled trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods=methods,
        results="Both groups improved from baseline, and pain fell more after dry needling "
        "than after sham needling (p = 0.01).",
        conclusions="Dry needling relieved neck pain more than sham needling.",
    )
    studied = {f.intervention for f in found}
    assert "dry_needling" in studied
    assert studied <= {"dry_needling"}


def test_a_treatment_named_outside_the_co_treatment_sentence_is_studied(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Dry needling or therapeutic ultrasound for chronic neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Patients were randomised to dry needling or to therapeutic ultrasound, and all "
        "participants also received a home stretching sheet.",
        conclusions="Dry needling and therapeutic ultrasound both reduced neck pain, with no "
        "difference between them.",
    )
    assert {f.intervention for f in found} >= {"dry_needling", "therapeutic_ultrasound"}


# -- two forms of one treatment named in the title ---------------------------------------------


def test_two_forms_of_one_treatment_compared_are_a_variant_comparison(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Interferential current or TENS for chronic low back pain: a randomised trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Fifty patients with chronic low back pain had interferential current or TENS.",
        results="Pain fell significantly from baseline in both groups (p < 0.001). Neither "
        "current was superior on pain (p = 0.41).",
        conclusions="Both currents can be used to control pain in chronic low back pain.",
    )
    effects = [f for f in found if f.kind == "effect"]
    assert effects
    assert all(f.comparator in ("variant", "none") for f in effects)
    assert "no_treatment" not in {f.comparator for f in effects}


# -- "each of the two modalities" is a change within every arm --------------------------------


@pytest.mark.parametrize(
    "clause",
    [
        "each of the two modalities proved effective",
        "both of the two treatments lowered pain scores",
        "all of the three techniques relieved tenderness over six weeks",
    ],
)
def test_each_of_the_modalities_is_within_every_arm(clause: str) -> None:
    assert states_within_arms(clause)


def test_each_of_the_modalities_better_than_a_control_is_a_comparison() -> None:
    assert not states_within_arms("each of the two modalities did better than the control")


# -- a safety word told of the treatment in general, or of what it treats ---------------------


@pytest.mark.parametrize(
    "clause",
    [
        "the injections rarely lead to complications and are worth trying first",
        "needling seldom causes a pneumothorax when the depth is controlled",
        "trigger point injections infrequently result in bleeding",
    ],
)
def test_a_harm_said_to_be_rare_is_not_a_worsening(clause: str) -> None:
    assert read_statement(clause, controlled=True, arms=[]).direction != "harm"


@pytest.mark.parametrize(
    "abstract",
    [
        "Trigger points are an overlooked cause of back pain in teenagers. Injecting them is "
        "simple, and the injections rarely lead to complications.",
        "We describe a young swimmer with shoulder pain treated with trigger point injections. "
        "Complications of the technique are rare, and it should be tried before surgery.",
        "A runner with calf pain had trigger point injections. Serious complications seldom "
        "follow such injections in experienced hands.",
    ],
)
def test_a_case_that_calls_complications_rare_has_no_harm(vocab: Vocabulary, abstract: str) -> None:
    found = findings(
        vocab,
        title="Trigger point injection for pain in a young athlete",
        types=[JOURNAL_ARTICLE, CASE_REPORTS],
        abstract=abstract,
    )
    assert not [f for f in found if f.kind == "safety" and f.direction == "harm"]


@pytest.mark.parametrize(
    "title",
    [
        "Low level laser added to usual care for superficial second degree burns",
        "Laser therapy for partial thickness burns: a case series",
        "Low level laser therapy in burn patients: twenty cases",
    ],
)
def test_an_event_word_that_is_what_the_treatment_is_for_is_no_harm(
    vocab: Vocabulary, title: str
) -> None:
    found = findings(
        vocab,
        title=title,
        types=[JOURNAL_ARTICLE],
        methods="Twenty patients with burns received low level laser therapy as an adjunct.",
        results="The burns healed in a mean of 12 days.",
        conclusions="Low level laser therapy may speed healing; trials are needed.",
    )
    assert not [f for f in found if f.kind == "safety" and f.direction == "harm"]


def test_a_burn_caused_by_the_treatment_is_still_harm(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="A skin burn after therapeutic ultrasound of the knee: a case report",
        types=[JOURNAL_ARTICLE, CASE_REPORTS],
        abstract="A 60-year-old man had therapeutic ultrasound for knee pain and developed a "
        "burn over the joint that needed dressings for three weeks.",
    )
    assert [f for f in found if f.kind == "safety" and f.direction == "harm"]


# -- a conclusion whose direction hangs on the dose; a treatment said to treat ------------------


@pytest.mark.parametrize(
    "clause",
    [
        "how needling changes the inflammatory markers depends on the dosage",
        "whether the injections help appears to depend on the number of sessions",
        "the response of the muscle to ultrasound varied with the intensity applied",
        "its effect on the tissue was contingent upon the dose given",
    ],
)
def test_a_result_that_depends_on_the_dose_is_inconclusive(clause: str) -> None:
    assert read_statement(clause, controlled=True, arms=[]).direction == "inconclusive"


@pytest.mark.parametrize(
    "clause",
    [
        "dry needling reduced pain in a dose-dependent manner",
        "pain relief was greater with more sessions, so the benefit depends on the dose",
    ],
)
def test_a_benefit_that_grows_with_the_dose_is_still_a_benefit(clause: str) -> None:
    assert read_statement(clause, controlled=True, arms=[]).direction == "benefit"


@pytest.mark.parametrize(
    "clause",
    [
        "the injection is quick, and it both diagnoses and treats back pain of muscular origin",
        "needling of the trigger point effectively treats the syndrome in most patients",
        "in our hands ultrasound is therapeutic for this condition",
    ],
)
def test_a_treatment_said_to_treat_its_condition_is_a_benefit(clause: str) -> None:
    assert read_statement(clause, controlled=True, arms=[]).direction == "benefit"


def test_one_dose_against_several_is_a_variant_comparison(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling of trigger spots in rabbit muscle at two dosages",
        types=[JOURNAL_ARTICLE],
        methods="The muscle was needled at a single dose or at five doses, and markers were "
        "measured.",
        results="Markers of inflammation rose after five doses and fell after one.",
        conclusions="How dry needling changes these markers depends on the dosage.",
    )
    effects = [f for f in found if f.kind == "effect"]
    assert [(f.direction, f.comparator) for f in effects][:1] == [("inconclusive", "variant")]


# -- a control arm told by a treatment the vocabulary has no id for ----------------------------


@pytest.mark.parametrize(
    "methods",
    [
        "Forty patients were randomised to dry needling or to a control group treated with "
        "muscle relaxant tablets for three weeks.",
        "Patients were randomly allocated to needling (n = 20) or to a control group (n = 20) "
        "that received oral analgesics.",
        "In a randomised design, the controls took an anti-inflammatory drug twice a day while "
        "the experimental group had dry needling.",
    ],
)
def test_a_control_arm_given_a_drug_is_an_active_comparator(
    vocab: Vocabulary, methods: str
) -> None:
    found = findings(
        vocab,
        title="Deep dry needling for myofascial jaw pain: a randomised trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods=methods,
        conclusions="Dry needling lowered pain more than the control treatment did (p < 0.05).",
    )
    effects = [f for f in found if f.kind == "effect" and f.intervention == "dry_needling"]
    assert effects and effects[0].comparator == "active"


@pytest.mark.parametrize(
    "methods",
    [
        "Sixty patients were randomised to dry needling or to a control group that had "
        "stretching and insoles only.",
        "Patients were randomised to dry needling or to a control group that received no "
        "treatment during the trial.",
        "Patients were randomised to dry needling or to a control group given placebo tablets.",
    ],
)
def test_a_control_arm_with_the_co_treatment_alone_or_nothing_is_not_active(
    vocab: Vocabulary, methods: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling for heel pain: a randomised trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods=methods,
        conclusions="Dry needling lowered pain more than the control condition (p < 0.05).",
    )
    effects = [f for f in found if f.kind == "effect" and f.intervention == "dry_needling"]
    assert effects and effects[0].comparator != "active"


# -- a study that found no evidence either way; results rated well by those treated ------------


@pytest.mark.parametrize(
    "clause",
    [
        "we did not find significant evidence that the laser speeds wound healing",
        "this series could not provide convincing evidence of a lasting effect",
        "the audit failed to show clear evidence for the injections",
    ],
)
def test_no_evidence_found_without_a_comparison_is_inconclusive(clause: str) -> None:
    assert read_statement(clause, controlled=True, arms=[]).direction == "inconclusive"


def test_no_evidence_of_a_difference_from_sham_is_not_a_hedge() -> None:
    reading = read_statement(
        "we did not find significant evidence that needling relieved pain more than sham",
        controlled=True,
        arms=[],
    )
    assert reading.direction != "inconclusive"


@pytest.mark.parametrize(
    "clause",
    [
        "most therapists and their patients find its results satisfactory or very satisfactory",
        "outcomes were rated good or excellent by 41 of the 50 respondents",
        "patients judged the results as very satisfactory at the last visit",
    ],
)
def test_results_rated_well_are_a_benefit(clause: str) -> None:
    assert read_statement(clause, controlled=True, arms=[]).direction == "benefit"


def test_a_series_of_burns_treated_is_read_for_its_effect(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Low level laser therapy for superficial second degree burns: a case series",
        types=[JOURNAL_ARTICLE],
        methods="We report a series of eighteen patients whose burns received low level laser "
        "therapy as an adjunct to dressings.",
        results="Healing took a mean of 12 days.",
        conclusions="We did not find significant evidence that low level laser therapy speeds "
        "healing, although it looks promising.",
    )
    assert [(f.kind, f.direction) for f in found] == [("effect", "inconclusive")]
