"""Why the findings reader misses gold findings on one half of the topic set, by structure.

    python bench/findings_scope.py [--half dev] [--list]

Each gold finding key (kind, intervention, condition) of the half falls in one class:
``found`` (we give a finding with that key), ``tag missing`` (the intervention or the
condition is not among our tags, so no pair can be formed), ``other condition`` (we give a
finding of that kind for the intervention, but under another condition, or none, that the
labels also name), ``condition extra`` (the same, but every condition we put it under is
one the labels do not name: a condition tag the labels lack), ``no finding`` (none of that
kind for the intervention at all). Printed per batch (as in
`topic_subsets.py`); ``--list`` names each miss (dev half only).
"""

from __future__ import annotations

import argparse
from collections import Counter
from pathlib import Path

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import analyse_article, load_vocabulary
from evidence.tagging.evaluation import load_topic_set

ROOT = Path(__file__).resolve().parents[1]
TOPIC = ROOT / "tests" / "eval" / "topic"
BATCHES = (
    ("first", 0, 93000501),
    ("second", 93000501, 93000800),
    ("third", 93000800, 93001000),
    ("fourth", 93001000, 93001200),
    ("fifth", 93001200, 93001400),
    ("sixth", 93001400, 93001600),
    ("seventh", 93001600, 10**9),
)
CLASSES = ("found", "tag missing", "other condition", "condition extra", "no finding")


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--list", action="store_true", help="name each miss (dev only)")
    args = parser.parse_args()
    vocab = load_vocabulary(ROOT / "data" / "vocab")
    paths, gold = load_topic_set(TOPIC, args.half)
    counts: dict[str, Counter[str]] = {name: Counter() for name, _, _ in BATCHES}
    for path in paths:
        for record in iter_records(path):
            if not isinstance(record, Article) or record.pmid not in gold:
                continue
            tags, findings = analyse_article(record, vocab)
            tagged = {(t.dimension, t.value) for t in tags}
            ours = {(f.kind, f.intervention, f.condition) for f in findings}
            batch = next(n for n, lo, hi in BATCHES if lo <= record.pmid < hi)
            for kind, intervention, condition in gold[record.pmid].details:
                if (kind, intervention, condition) in ours:
                    label = "found"
                elif ("intervention", intervention) not in tagged or (
                    condition is not None and ("condition", condition) not in tagged
                ):
                    label = "tag missing"
                elif any(k == kind and i == intervention for k, i, _ in ours):
                    labelled = gold[record.pmid].labels["condition"]
                    under = {c for k, i, c in ours if k == kind and i == intervention}
                    extra = all(c is not None and c not in labelled for c in under)
                    label = "condition extra" if extra else "other condition"
                else:
                    label = "no finding"
                counts[batch][label] += 1
                if args.list and args.half == "dev" and label != "found":
                    mine = sorted({(i, c) for k, i, c in ours if k == kind}, key=str)
                    print(f"{record.pmid} {kind} {intervention}/{condition}: {label}; ours {mine}")
    print("batch    " + "  ".join(c.rjust(15) for c in CLASSES))
    total: Counter[str] = Counter()
    for name, counter in counts.items():
        total.update(counter)
        print(f"{name:8} " + "  ".join(f"{counter[c]:15d}" for c in CLASSES))
    print(f"{'all':8} " + "  ".join(f"{total[c]:15d}" for c in CLASSES))


if __name__ == "__main__":
    main()
