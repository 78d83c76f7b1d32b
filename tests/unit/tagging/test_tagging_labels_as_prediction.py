"""labels_as_prediction: a label entry read back as tags and findings scores perfectly against
itself (every record of the topic set, both scorers), and a second labeller's differences
show up as the scorer's errors."""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evidence.errors import InputError
from evidence.tagging.evaluation import (
    labels_as_prediction,
    load_topic_set,
    score_records,
    topic_record,
)

TOPIC = Path(__file__).resolve().parents[2] / "eval" / "topic"
ENTRY = {
    "pmid": 7,
    "intervention": ["dry_needling", "acupuncture"],
    "condition": ["neck_pain"],
    "outcome": ["pain"],
    "design": "rct",
    "population": "human",
    "adverse_event": [],
    "findings": [
        {
            "kind": "effect",
            "intervention": "dry_needling",
            "condition": "neck_pain",
            "direction": "benefit",
            "certainty": "hedged",
            "comparator": "active",
        },
        {
            "kind": "safety",
            "intervention": "dry_needling",
            "condition": "neck_pain",
            "direction": "harm",
            "events": ["bruising"],
            "seriousness": "minor",
        },
    ],
}


def test_an_entry_agrees_with_itself() -> None:
    tags, findings = labels_as_prediction(ENTRY)
    assert {(t.dimension, t.value) for t in tags} >= {("design", "rct"), ("condition", "neck_pain")}
    assert findings[0].qualifiers == ("low_certainty",)
    assert findings[1].kind == "safety" and findings[1].events == ("bruising",)
    metrics = score_records({7: topic_record(ENTRY)}, [(7, tags, findings)]).metrics()
    assert metrics["finding.coverage"] == 1.0
    assert metrics["finding.certainty_accuracy"] == 1.0
    assert metrics["condition.f1"] == 1.0


def test_a_second_labellers_difference_is_an_error() -> None:
    other = dict(ENTRY, design="controlled_trial", condition=["myofascial_pain_syndrome"])
    other["findings"] = [dict(ENTRY["findings"][0], condition="myofascial_pain_syndrome")]
    report = score_records({7: topic_record(ENTRY)}, [(7, *labels_as_prediction(other))])
    assert report.metrics()["design.accuracy"] == 0.0
    assert report.metrics()["finding.coverage"] == 0.0
    assert "7 design: controlled_trial instead of rct" in report.errors


def test_a_malformed_entry_names_the_record() -> None:
    with pytest.raises(InputError, match="record 9"):
        labels_as_prediction({"pmid": 9, "findings": [{"direction": "benefit"}]})


@pytest.mark.parametrize("matched", [False, True])
def test_every_topic_record_agrees_with_itself(matched: bool) -> None:
    paths, gold = load_topic_set(TOPIC, "all")
    assert len(gold) >= 400
    entries = [yaml.safe_load((p.parent / "gold.yaml").read_text(encoding="utf-8")) for p in paths]
    report = score_records(
        gold, [(e["pmid"], *labels_as_prediction(e)) for e in entries], matched=matched
    )
    assert report.errors == []
    assert report.findings_correct == report.findings_gold > 0
