"""How often two labellers agree on the topic set, beside how often the tagger agrees with them.

A sample of the topic set's records was labelled a second time, blind (the second labeller saw
only each record's XML and the written rules, never the first labels): the files in
``tests/eval/topic/second/<PMID>.yaml``. This bench scores the second labels against the first
with the scorer the tagger is measured by (`evidence.tagging.evaluation.score_records`), and
the tagger against each labeller on the same records, so a measure's target can be read
against what two people reach.

    python bench/topic_agreement.py [--scorer first|matched] [--disagreements]

One column per comparison and half (dev, test, all); ``--disagreements`` lists where the two
labellers differ (never the tagger's errors).
"""

from __future__ import annotations

import argparse
from collections.abc import Mapping, Sequence
from pathlib import Path
from typing import Any

import yaml

from evidence.models import Article, Finding, Tag
from evidence.pubmed import iter_records
from evidence.tagging import analyse_article, load_vocabulary
from evidence.tagging.evaluation import (
    GoldRecord,
    labels_as_prediction,
    load_topic_set,
    score_records,
    topic_record,
)

ROOT = Path(__file__).resolve().parents[1]
TOPIC = ROOT / "tests" / "eval" / "topic"
SHOWN = (
    "intervention.f1",
    "condition.f1",
    "outcome.f1",
    "adverse_event.f1",
    "design.accuracy",
    "population.accuracy",
    "finding.coverage",
    "finding.direction_accuracy",
    "finding.matched_direction_accuracy",
    "finding.certainty_accuracy",
    "finding.comparator_accuracy",
)
Prediction = tuple[int, Sequence[Tag], Sequence[Finding]]


def load_second(folder: Path) -> dict[int, Mapping[str, Any]]:
    """The second labels, PMID -> the label entry."""
    out: dict[int, Mapping[str, Any]] = {}
    for path in sorted(folder.glob("*.yaml")):
        entry = yaml.safe_load(path.read_text(encoding="utf-8"))
        out[int(entry["pmid"])] = entry
    return out


def halves() -> dict[int, str]:
    out: dict[int, str] = {}
    for line in (TOPIC / "split.txt").read_text(encoding="utf-8").splitlines():
        parts = line.split("#", 1)[0].split()
        if len(parts) == 2:
            out[int(parts[0])] = parts[1]
    return out


def score(
    gold: Mapping[int, GoldRecord], predictions: Sequence[Prediction], matched: bool
) -> dict[str, float]:
    return score_records(gold, predictions, matched=matched).metrics()


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--second", type=Path, default=TOPIC / "second")
    parser.add_argument("--scorer", choices=["first", "matched"], default="first")
    parser.add_argument("--disagreements", action="store_true")
    args = parser.parse_args()
    matched = args.scorer == "matched"
    second = load_second(args.second)
    paths, first_all = load_topic_set(TOPIC, "all")
    first = {p: g for p, g in first_all.items() if p in second}
    second_gold = {p: topic_record(e) for p, e in second.items()}
    as_second: list[Prediction] = [(p, *labels_as_prediction(e)) for p, e in second.items()]
    vocab = load_vocabulary(ROOT / "data" / "vocab")
    tagger: list[Prediction] = [
        (record.pmid, *analyse_article(record, vocab))
        for path in paths
        if int(path.parent.name) in second
        for record in iter_records(path)
        if isinstance(record, Article)
    ]
    half_of = halves()
    columns: list[tuple[str, dict[str, float]]] = []
    for half in ("dev", "test", "all"):
        keep = {p for p in second if half == "all" or half_of.get(p) == half}

        def only(gold: Mapping[int, GoldRecord], keep: set[int] = keep) -> dict[int, GoldRecord]:
            return {p: g for p, g in gold.items() if p in keep}

        def preds(rows: Sequence[Prediction], keep: set[int] = keep) -> list[Prediction]:
            return [r for r in rows if r[0] in keep]

        columns += [
            (f"2nd~1st {half}({len(keep)})", score(only(first), preds(as_second), matched)),
            (f"tag~1st {half}", score(only(first), preds(tagger), matched)),
            (f"tag~2nd {half}", score(only(second_gold), preds(tagger), matched)),
        ]
    width = max(len(name) for name, _ in columns) + 1
    print("measure".ljust(36) + "".join(name.rjust(width) for name, _ in columns))
    for measure in SHOWN:
        cells = "".join(
            f"{metrics.get(measure, float('nan')):{width}.3f}" for _, metrics in columns
        )
        print(measure.ljust(36) + cells)
    if args.disagreements:
        report = score_records(first, as_second, matched=matched)
        for line in report.errors:
            print(line)


if __name__ == "__main__":
    main()
