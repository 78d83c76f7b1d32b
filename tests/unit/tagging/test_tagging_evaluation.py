"""evaluation: micro precision/recall/F1, accuracies and finding directions by hand."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.errors import InputError
from evidence.models import Finding, Tag
from evidence.tagging.evaluation import load_gold, score_records

GOLD = """
records:
  - pmid: 1
    intervention: [dry_needling, acupuncture]
    condition: [neck_pain]
    outcome: []
    design: rct
    population: human
    adverse_event: []
    findings:
      - {intervention: dry_needling, condition: neck_pain, direction: benefit}
      - {intervention: acupuncture, condition: neck_pain, direction: no_benefit}
  - pmid: 2
    intervention: [massage]
    condition: []
    outcome: [pain]
    design: case_report
    population: animal
    adverse_event: [burn]
    findings:
      - {intervention: massage, condition: null, direction: harm}
"""


def tag(pmid: int, dimension: str, value: str) -> Tag:
    return Tag(pmid, dimension, value, "text_title", value)  # type: ignore[arg-type]


def finding(pmid: int, intervention: str, condition: str | None, direction: str) -> Finding:
    return Finding(pmid, intervention, condition, None, direction, None, "s")  # type: ignore[arg-type]


def test_scores_by_hand(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text(GOLD, encoding="utf-8")
    predictions = [
        (
            1,
            [
                tag(1, "intervention", "dry_needling"),
                tag(1, "intervention", "massage"),
                tag(1, "condition", "neck_pain"),
                tag(1, "design", "rct"),
                tag(1, "population", "human"),
            ],
            [
                finding(1, "dry_needling", "neck_pain", "benefit"),
                finding(1, "dry_needling", "neck_pain", "harm"),  # later rows do not count
                finding(1, "massage", "neck_pain", "benefit"),
            ],
        ),
        (2, [tag(2, "design", "rct"), tag(2, "population", "animal")], []),
    ]
    report = score_records(load_gold(path), predictions)
    metrics = report.metrics()
    # intervention: tp dry_needling; fp massage; fn acupuncture, massage (record 2)
    assert (
        report.scores["intervention"].tp,
        report.scores["intervention"].fp,
        report.scores["intervention"].fn,
    ) == (1, 1, 2)
    assert metrics["intervention.precision"] == pytest.approx(0.5)
    assert metrics["intervention.recall"] == pytest.approx(1 / 3)
    assert metrics["intervention.f1"] == pytest.approx(0.4)
    assert metrics["condition.f1"] == pytest.approx(1.0)
    assert metrics["design.accuracy"] == pytest.approx(0.5)
    assert metrics["population.accuracy"] == pytest.approx(1.0)
    assert metrics["finding.direction_accuracy"] == pytest.approx(1 / 3)
    assert metrics["finding.matched_direction_accuracy"] == pytest.approx(1.0)
    assert metrics["finding.coverage"] == pytest.approx(1 / 3)
    assert report.findings_extra == 1
    assert any("2 design: rct instead of case_report" in e for e in report.errors)


def test_malformed_gold_names_file_and_record(tmp_path: Path) -> None:
    path = tmp_path / "gold.yaml"
    path.write_text("records:\n  - pmid: 1\n    design: rct\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"gold\.yaml: record #1: malformed entry"):
        load_gold(path)
