"""evaluation, the matched scorer: every labelled finding of a pair, paired one to one."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.models import Finding
from evidence.tagging.evaluation import GoldRecord, load_topic_set, score_records

GOLD = """
pmid: {pmid}
intervention: [dry_needling, laser_therapy]
condition: [neck_pain]
outcome: []
design: rct
population: human
adverse_event: []
findings:
  - {{kind: effect, intervention: dry_needling, condition: neck_pain, direction: no_benefit,
     certainty: firm, comparator: active, sentence: s}}
  - {{kind: effect, intervention: dry_needling, condition: neck_pain, direction: benefit,
     certainty: firm, comparator: none, sentence: s}}
  - {{kind: effect, intervention: laser_therapy, condition: neck_pain, direction: benefit,
     certainty: firm, comparator: none, sentence: s}}
"""


def found(
    intervention: str, direction: str, comparator: str, outcome: str | None = None
) -> Finding:
    return Finding(
        7,
        intervention,
        "neck_pain",
        outcome,
        direction,
        "rct",
        "s",  # type: ignore[arg-type]
        comparator=comparator,
    )


@pytest.fixture
def gold(tmp_path: Path) -> dict[int, GoldRecord]:
    record = tmp_path / "records" / "7"
    record.mkdir(parents=True)
    (record / "gold.yaml").write_text(GOLD.format(pmid=7), encoding="utf-8")
    (tmp_path / "split.txt").write_text("7 dev\n", encoding="utf-8")
    return load_topic_set(tmp_path, "dev")[1]


def test_first_scorer_reads_only_the_first_labelled_finding_of_a_pair(
    gold: dict[int, GoldRecord],
) -> None:
    ours = [found("dry_needling", "benefit", "none"), found("dry_needling", "no_benefit", "active")]
    report = score_records(gold, [(7, [], ours)])
    # the first gold finding (no_benefit) against our first (benefit): wrong; laser missing
    assert (report.findings_gold, report.findings_correct, report.findings_matched) == (2, 0, 1)


def test_matched_scorer_pairs_on_comparator_whatever_the_order(gold: dict[int, GoldRecord]) -> None:
    ours = [found("dry_needling", "benefit", "none"), found("dry_needling", "no_benefit", "active")]
    report = score_records(gold, [(7, [], ours)], matched=True)
    assert (report.findings_gold, report.findings_correct, report.findings_matched) == (3, 2, 2)
    assert report.comparator.tp == 2 and report.comparator.fp == 0
    assert (report.predicted, report.unpaired) == (2, 0)


def test_a_row_repeated_per_outcome_does_not_fill_a_second_labelled_finding(
    gold: dict[int, GoldRecord],
) -> None:
    # the same statement (benefit against an active arm) once overall, once for pain
    ours = [
        found("dry_needling", "benefit", "active"),
        found("dry_needling", "benefit", "active", "pain"),
        found("laser_therapy", "benefit", "none"),
    ]
    report = score_records(gold, [(7, [], ours)], matched=True)
    # dry needling: one statement, paired on comparator with the no_benefit label (wrong);
    # its second label is missing; laser is right
    assert (report.findings_gold, report.findings_matched, report.findings_correct) == (3, 2, 1)


def test_an_unpaired_statement_of_ours_counts_for_nothing(gold: dict[int, GoldRecord]) -> None:
    ours = [
        found("laser_therapy", "benefit", "none"),
        found("laser_therapy", "harm", "active"),
        found("dry_needling", "no_benefit", "active"),
        found("dry_needling", "benefit", "none"),
    ]
    report = score_records(gold, [(7, [], ours)], matched=True)
    assert report.findings_correct == 3
    assert (report.predicted, report.unpaired) == (4, 1)
    assert report.metrics()["finding.paired_share"] == pytest.approx(0.75)
