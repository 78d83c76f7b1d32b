"""The findings reader on safety statements as real abstracts word them (failure kinds).

Every record and sentence here is SYNTHETIC, written for the failure kind it exercises:
"none of the patients had a side effect" and its kin are `no_harm`, events "of a minor kind"
or "mild and transient" are minor harm, and a case report's injury is a complication only
when it is tied to a treatment (not the injury the patient came with).
"""

from __future__ import annotations

import pytest
from tagging_builders import CASE_REPORTS, JOURNAL_ARTICLE, RCT, article

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.directions import classify_clause
from evidence.tagging.findings import analyse_article

TRIAL = {
    "title": "Therapeutic ultrasound for carpal tunnel syndrome: a randomized trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Eighty adults with carpal tunnel syndrome were randomized to therapeutic "
    "ultrasound or to placebo ultrasound.",
    "conclusions": "Therapeutic ultrasound reduced symptoms more than placebo ultrasound.",
}


def safety(record: dict[str, object], vocab: Vocabulary) -> list[Finding]:
    found = analyse_article(article(**record), vocab)[1]  # type: ignore[arg-type]
    return [f for f in found if f.kind == "safety"]


@pytest.mark.parametrize(
    "sentence",
    [
        "None of the participants had any side effect from the sessions.",
        "Neither technique produced an adverse event.",
        "Adverse events were not observed in either arm.",
        "Every session was free of complications.",
    ],
)
def test_a_statement_that_no_event_occurred_is_no_harm(vocab: Vocabulary, sentence: str) -> None:
    (finding,) = safety({**TRIAL, "results": f"Symptoms eased in both arms. {sentence}"}, vocab)
    assert (finding.direction, finding.seriousness, finding.sentence) == (
        "no_harm",
        "none",
        sentence,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Adverse events of a minor kind were common, at about a third of sessions.",
        "Side effects were mild and transient.",
    ],
)
def test_events_named_as_minor_after_their_noun_are_minor_harm(
    vocab: Vocabulary, sentence: str
) -> None:
    (finding,) = safety({**TRIAL, "results": f"{sentence} None needed treatment."}, vocab)
    assert (finding.direction, finding.seriousness) == ("harm", "minor")


def test_the_injury_a_patient_came_with_is_not_a_complication(vocab: Vocabulary) -> None:
    found = safety(
        {
            "title": "Dry needling for a rower with low back pain: a case report",
            "types": [JOURNAL_ARTICLE, CASE_REPORTS],
            "methods": "A 25-year-old rower had four sessions of dry needling for low back pain.",
            "conclusions": "He rowed again at his level before the injury, free of pain.",
        },
        vocab,
    )
    assert found == []


def test_a_complication_after_the_treatment_is_harm(vocab: Vocabulary) -> None:
    (finding,) = safety(
        {
            "title": "Dry needling for neck pain in a violinist: a case report",
            "types": [JOURNAL_ARTICLE, CASE_REPORTS],
            "methods": "A violinist had dry needling of the scalene muscles for neck pain.",
            "conclusions": "A nerve lesion of the arm followed the needling and had to be "
            "decompressed.",
        },
        vocab,
    )
    assert (finding.direction, finding.seriousness) == ("harm", "serious")


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        ("guidance adds time without any clinical advantage over palpation", "no_benefit"),
        ("splinting added nothing, without additional benefit", "no_benefit"),
    ],
)
def test_without_an_advantage_is_no_benefit(clause: str, direction: str) -> None:
    assert classify_clause(clause) == direction


def test_serious_events_said_to_be_rare_are_minor_harm(vocab: Vocabulary) -> None:
    sentence = "Serious adverse events were rare, at 2 in 10,000 sessions."
    (finding,) = safety(
        {
            "title": "Adverse events of dry needling: a survey of physiotherapists",
            "types": [JOURNAL_ARTICLE],
            "methods": "Physiotherapists who use dry needling answered an online survey.",
            "results": f"Respondents reported on 10,000 sessions. {sentence}",
            "conclusions": "Dry needling is generally safe in trained hands.",
        },
        vocab,
    )
    assert (finding.direction, finding.seriousness, finding.sentence) == (
        "harm",
        "minor",
        sentence,
    )


@pytest.mark.parametrize(
    "sentence",
    [
        "Complications occurred in 3 of 120 patients.",
        "Two participants in the ultrasound arm reported transient adverse events.",
    ],
)
def test_events_counted_without_a_vocabulary_id_are_harm(vocab: Vocabulary, sentence: str) -> None:
    (finding,) = safety({**TRIAL, "results": f"Symptoms eased. {sentence}"}, vocab)
    assert (finding.direction, finding.seriousness, finding.sentence) == (
        "harm",
        "minor",
        sentence,
    )
    assert finding.comparator == "sham"  # the trial's comparison, placebo ultrasound


def test_a_case_of_a_complication_has_no_effect_finding_from_its_recovery(
    vocab: Vocabulary,
) -> None:
    found = analyse_article(
        article(
            "Radial nerve injury during dry needling of the arm: a case report",
            types=[JOURNAL_ARTICLE, CASE_REPORTS],
            abstract="A 41-year-old man felt sudden weakness of the wrist while the triceps was "
            "dry needled. Nerve conduction studies showed a radial nerve lesion. Symptoms "
            "resolved over four months.",
        ),
        vocab,
    )[1]
    assert [(f.kind, f.direction, f.seriousness) for f in found] == [("safety", "harm", "serious")]


def test_an_event_that_needed_care_is_serious(vocab: Vocabulary) -> None:
    (finding,) = safety(
        {
            "title": "Skin burn after home ultrasound therapy: a case report",
            "types": [JOURNAL_ARTICLE, CASE_REPORTS],
            "abstract": "A woman treated her own knee with a therapeutic ultrasound device. A "
            "blistering burn formed under the probe and required dressing care for a month.",
        },
        vocab,
    )
    assert (finding.direction, finding.seriousness) == ("harm", "serious")
