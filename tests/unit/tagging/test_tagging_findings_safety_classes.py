"""Safety statements by class: the ways a trial says that nothing, or something minor, went
wrong, beyond the wordings `test_tagging_findings_safety.py` holds.

Every record and sentence here is SYNTHETIC, written for its class before the rule that
reads it. The labels follow tests/eval/topic/LABELLING.md: no events at all (or none
serious, none named) is `no_harm`; minor events that occurred are `harm`, `minor`.
"""

from __future__ import annotations

import pytest
from tagging_builders import CASE_REPORTS, JOURNAL_ARTICLE, RCT, article

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.findings import analyse_article

TRIAL = {
    "title": "Dry needling for chronic neck pain: a randomized trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Sixty adults with chronic neck pain were randomized to dry needling or to sham "
    "needling.",
    "conclusions": "Dry needling reduced pain more than sham needling.",
}


def safety(sentence: str, vocab: Vocabulary) -> list[Finding]:
    record = {**TRIAL, "results": f"Pain eased in both groups. {sentence}"}
    found = analyse_article(article(**record), vocab)[1]  # type: ignore[arg-type]
    return [f for f in found if f.kind == "safety"]


@pytest.mark.parametrize(
    "sentence",
    [
        # tolerated, with "well" after the verb
        "Every participant tolerated the sessions well.",
        "The injections were tolerated well by all but one patient.",
        # the events said not to have happened, or to be absent
        "Adverse reactions did not occur in either arm.",
        "Complications were absent throughout follow-up.",
        "Adverse effects: none.",
        "Zero treatment-related adverse events were logged.",
        "No harms were recorded in the needling arm.",
        # the treatment said not to cause them
        "The needling did not produce any side effects.",
        # no one left because of them
        "No participants dropped out because of adverse effects.",
        # the arms not differing in them, the verb after the events
        "The frequency of side effects did not differ significantly between arms.",
        "Adverse events were low and comparable between the groups.",
        # a rate of nought
        "The incidence of complications was 0% in both arms.",
        # other words for the events
        "No untoward reactions were seen.",
        "No adverse outcomes followed the sessions.",
        # harm to the patients, or negative effects, reported by none
        "None of the trials reported harm to patients or negative effects of the needling.",
        # a hedged statement of safety in the past tense
        "The procedure appeared to be safe.",
    ],
)
def test_a_statement_that_nothing_went_wrong_is_no_harm(vocab: Vocabulary, sentence: str) -> None:
    (finding,) = safety(sentence, vocab)
    assert (finding.direction, finding.seriousness, finding.sentence) == (
        "no_harm",
        "none",
        sentence,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        # the events counted, without a vocabulary id for them
        "Nine adverse events were reported, none of them serious.",
        "A total of 31 side effects were recorded over the trial.",
        "Adverse reactions, all of them mild, were reported by 7 participants.",
        "Adverse effects were noted in 14% of sessions.",
        "21 patients (35%) reported at least one adverse event.",
        "The incidence of adverse events was 12.5%.",
        # more events in one arm
        "Adverse effects were more common after dry needling than after sham needling.",
        # some people with a mild complaint the vocabulary has no id for
        "Several participants experienced mild tingling after the sessions.",
    ],
)
def test_minor_events_that_occurred_are_minor_harm(vocab: Vocabulary, sentence: str) -> None:
    (finding,) = safety(sentence, vocab)
    assert (finding.direction, finding.seriousness, finding.sentence) == (
        "harm",
        "minor",
        sentence,
    )


def test_events_of_the_comparator_set_against_none_with_the_treatment_are_no_harm(
    vocab: Vocabulary,
) -> None:
    sentence = (
        "Side effects were reported by 30% of those given the tablets, whereas dry needling "
        "caused no adverse events."
    )
    (finding,) = safety(sentence, vocab)
    assert finding.direction == "no_harm"


def test_minor_events_set_against_no_serious_ones_stay_minor_harm(vocab: Vocabulary) -> None:
    sentence = "Mild adverse events occurred in 4 patients, but no serious adverse events did."
    (finding,) = safety(sentence, vocab)
    assert (finding.direction, finding.seriousness) == ("harm", "minor")


@pytest.mark.parametrize(
    "sentence",
    [
        "The rate of adverse events was 0% in both groups.",
        "Zero complications were recorded.",
    ],
)
def test_a_rate_of_nought_is_never_read_as_events(vocab: Vocabulary, sentence: str) -> None:
    (finding,) = safety(sentence, vocab)
    assert finding.direction == "no_harm"


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("Adverse events were reported in 0 participants.", ["no_harm"]),
        ("Adverse events were reported in 0.5% of sessions.", ["harm"]),
    ],
)
def test_a_count_of_nought_is_no_count_of_events(
    vocab: Vocabulary, sentence: str, direction: list[str]
) -> None:
    assert [f.direction for f in safety(sentence, vocab)] == direction


def test_people_of_one_arm_with_a_mild_complaint_are_minor_harm(vocab: Vocabulary) -> None:
    sentence = "Two patients in the needling group reported transient tingling."
    (finding,) = safety(sentence, vocab)
    assert (finding.direction, finding.seriousness) == ("harm", "minor")


def case_report(text: str, vocab: Vocabulary) -> list[Finding]:
    record = article(
        "A complication of treatment: a case report", abstract=text, types=[CASE_REPORTS]
    )
    found = analyse_article(record, vocab)[1]
    return [f for f in found if f.kind == "safety"]


def test_a_burn_that_needed_weeks_of_care_is_serious(vocab: Vocabulary) -> None:
    (finding,) = case_report(
        "A 66-year-old man had a second-degree burn of the shin during therapeutic "
        "ultrasound. It healed after three weeks of dressings.",
        vocab,
    )
    assert (finding.direction, finding.seriousness) == ("harm", "serious")


def test_a_tamponade_after_needling_is_a_serious_complication(vocab: Vocabulary) -> None:
    (finding,) = case_report(
        "A 58-year-old woman became breathless after dry needling of the chest wall. "
        "Echocardiography showed a pericardial effusion with tamponade, which was drained.",
        vocab,
    )
    assert (finding.intervention, finding.direction, finding.seriousness) == (
        "dry_needling",
        "harm",
        "serious",
    )
