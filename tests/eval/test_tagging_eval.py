"""The tagging stage holds its quality floors on the labelled dev set (SYNTHETIC records).

Runs the whole dev set (112 records, well under a second) through the tagger and the
conclusion reader and compares with tests/eval/gold.yaml, as bench/tagging_eval.py does.
The floors are the issue's targets; `bench/tagging_eval.py --errors` lists what disagrees.
"""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import load_vocabulary
from evidence.tagging.evaluation import EvalReport, load_gold, score_records
from evidence.tagging.findings import analyse_article

REPO = Path(__file__).resolve().parents[2]
DEVSET = REPO / "tests" / "eval" / "devset.xml"
GOLD = REPO / "tests" / "eval" / "gold.yaml"

FLOORS = {
    "intervention.f1": 0.95,
    "condition.f1": 0.95,
    "design.accuracy": 0.95,
    "adverse_event.f1": 0.90,
    "finding.direction_accuracy": 0.90,
}


@pytest.fixture(scope="module")
def report() -> EvalReport:
    if not DEVSET.exists() or not GOLD.exists():
        pytest.skip("the labelled dev set (tests/eval/devset.xml, gold.yaml) is absent")
    vocab = load_vocabulary(REPO / "data" / "vocab")
    predictions = []
    for record in iter_records(DEVSET):
        if isinstance(record, Article):
            tags, findings = analyse_article(record, vocab)
            predictions.append((record.pmid, tags, findings))
    return score_records(load_gold(GOLD), predictions)


def test_every_gold_record_was_tagged(report: EvalReport) -> None:
    assert report.records == len(load_gold(GOLD))
    assert report.findings_gold > 0


@pytest.mark.parametrize("metric", sorted(FLOORS))
def test_metric_holds_its_floor(report: EvalReport, metric: str) -> None:
    value = report.metrics()[metric]
    disagreements = "\n".join(report.errors[:40])
    assert value >= FLOORS[metric], f"{metric} = {value:.3f} < {FLOORS[metric]}\n{disagreements}"
