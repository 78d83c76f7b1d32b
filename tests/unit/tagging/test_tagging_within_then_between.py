"""A sentence that gives the change within each arm and then, after ", with no significant ...
difference", the null between them states two results (tests/eval/topic/LABELLING.md: a
head-to-head null and the change within each arm are two findings) — also when the figures of
the arms sit in brackets with ";" between them, which do not cut a clause."""

from __future__ import annotations

import pytest
from tagging_builders import article

from evidence.tagging import Vocabulary, analyse_article
from evidence.tagging.directions import split_clauses

SENTENCES = [
    "Both groups improved in pain (dry needling: from 6.2 to 3.1; laser: from 6.0 to 3.4; "
    "p < 0.01 within groups), with no significant between-group difference at 4 weeks.",
    "Pain fell in both arms (VAS 7.1 to 3.9 with dry needling; 6.8 to 4.2 with laser), with no "
    "statistically significant difference between the two treatments.",
    "Within-group pain scores dropped markedly after dry needling and after laser therapy "
    "(both p < 0.001), with no significant differences between groups at any follow-up.",
]


@pytest.mark.parametrize("sentence", SENTENCES)
def test_the_null_between_the_arms_is_its_own_clause(sentence: str) -> None:
    lowered = sentence.lower()
    clauses = [lowered[a:b] for a, b in split_clauses(lowered)]
    assert len(clauses) == 2, clauses
    assert clauses[1].startswith("with no")


@pytest.mark.parametrize("sentence", SENTENCES)
def test_each_arm_improved_beside_no_difference_gives_both_findings(
    sentence: str, vocab: Vocabulary
) -> None:
    record = article(
        "Dry needling versus low-level laser therapy for myofascial neck pain: a randomized trial",
        methods="Sixty adults with myofascial neck pain were randomized to dry needling or "
        "low-level laser therapy.",
        results=sentence,
    )
    _, findings = analyse_article(record, vocab)
    needling = {
        (f.direction, f.comparator)
        for f in findings
        if f.kind == "effect" and f.intervention == "dry_needling"
    }
    assert ("no_benefit", "active") in needling, needling
    assert ("benefit", "none") in needling, needling


def test_a_with_no_that_is_no_null_does_not_cut() -> None:
    lowered = "patients were treated with no anaesthetic, and pain fell in both groups."
    assert len(split_clauses(lowered)) == 1


# a result, then a measure that did not move: the result is not undone by it
UNMOVED = [
    "Shockwave therapy eased heel pain within a week, with no significant change in the "
    "thickness of the plantar fascia.",
    "Dry needling reduced neck pain, with no significant changes in cervical muscle tone.",
    "Ultrasound relieved shoulder pain, with no statistically significant change in serum "
    "markers of inflammation.",
]


@pytest.mark.parametrize("sentence", UNMOVED)
def test_a_measure_that_did_not_move_is_its_own_clause(sentence: str) -> None:
    lowered = sentence.lower()
    clauses = [lowered[a:b] for a, b in split_clauses(lowered)]
    assert len(clauses) == 2, clauses
    assert clauses[1].startswith("with no")


@pytest.mark.parametrize("sentence", UNMOVED)
def test_a_result_beside_a_measure_that_did_not_move_is_a_benefit(
    sentence: str, vocab: Vocabulary
) -> None:
    record = article(
        "A randomized sham-controlled trial in adults with pain",
        methods="Sixty adults were randomized to the treatment or a sham.",
        conclusions=sentence,
    )
    _, findings = analyse_article(record, vocab)
    effects = {f.direction for f in findings if f.kind == "effect"}
    assert effects == {"benefit"}, findings
