"""The topic set's measures on each half, split by batch: the first 228 records, the second
batch (IDs 93000501-93000799), the third (93000800-93000999), the fourth (93001000-93001199),
the fifth (93001200-93001399), the sixth (93001400-93001599), the seventh (93001600-93001799),
the eighth (93001800-93001999), the ninth (93002000-93002199), the tenth (93002200-93002399),
the eleventh (93002400-93002599), the twelfth (93002600-93002799) and the thirteenth (93002800
up), so that a batch nobody has tuned on can be reported apart.

    python bench/topic_subsets.py [--half dev|test|all] [--scorer first|matched]

Prints one line per (half, batch) with the measures of `bench/tagging_eval.py`; never the
errors (the test half is measured only).
"""

from __future__ import annotations

import argparse
from collections.abc import Callable
from pathlib import Path

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import analyse_article, load_vocabulary
from evidence.tagging.evaluation import load_topic_set, score_records

ROOT = Path(__file__).resolve().parents[1]
TOPIC = ROOT / "tests" / "eval" / "topic"
SECOND_BATCH = 93000501
THIRD_BATCH = 93000800
FOURTH_BATCH = 93001000
FIFTH_BATCH = 93001200
SIXTH_BATCH = 93001400
SEVENTH_BATCH = 93001600
EIGHTH_BATCH = 93001800
NINTH_BATCH = 93002000
TENTH_BATCH = 93002200
ELEVENTH_BATCH = 93002400
TWELFTH_BATCH = 93002600
THIRTEENTH_BATCH = 93002800
# each batch by name, and which IDs it holds
BATCHES: tuple[tuple[str, Callable[[int], bool]], ...] = (
    ("first", lambda p: p < SECOND_BATCH),
    ("second", lambda p: SECOND_BATCH <= p < THIRD_BATCH),
    ("third", lambda p: THIRD_BATCH <= p < FOURTH_BATCH),
    ("fourth", lambda p: FOURTH_BATCH <= p < FIFTH_BATCH),
    ("fifth", lambda p: FIFTH_BATCH <= p < SIXTH_BATCH),
    ("sixth", lambda p: SIXTH_BATCH <= p < SEVENTH_BATCH),
    ("seventh", lambda p: SEVENTH_BATCH <= p < EIGHTH_BATCH),
    ("eighth", lambda p: EIGHTH_BATCH <= p < NINTH_BATCH),
    ("ninth", lambda p: NINTH_BATCH <= p < TENTH_BATCH),
    ("tenth", lambda p: TENTH_BATCH <= p < ELEVENTH_BATCH),
    ("eleventh", lambda p: ELEVENTH_BATCH <= p < TWELFTH_BATCH),
    ("twelfth", lambda p: TWELFTH_BATCH <= p < THIRTEENTH_BATCH),
    ("thirteenth", lambda p: p >= THIRTEENTH_BATCH),
)
SHOWN = (
    "intervention.f1",
    "condition.f1",
    "design.accuracy",
    "finding.coverage",
    "finding.direction_accuracy",
    "finding.certainty_accuracy",
    "finding.comparator_accuracy",
    "finding.safety_accuracy",
)


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--half", choices=["dev", "test", "all"], default="dev")
    parser.add_argument("--scorer", choices=["first", "matched"], default="first")
    args = parser.parse_args()
    vocab = load_vocabulary(ROOT / "data" / "vocab")
    paths, gold = load_topic_set(TOPIC, args.half)
    predictions = [
        (record.pmid, *analyse_article(record, vocab))
        for path in paths
        for record in iter_records(path)
        if isinstance(record, Article)
    ]
    print("half  batch   records  " + "  ".join(m.split(".")[-1][:12].rjust(12) for m in SHOWN))
    for batch, keep in (*BATCHES, ("all", lambda p: True)):
        part = {p: g for p, g in gold.items() if keep(p)}
        metrics = score_records(
            part, [x for x in predictions if keep(x[0])], matched=args.scorer == "matched"
        ).metrics()
        cells = "  ".join(f"{metrics.get(m, float('nan')):12.3f}" for m in SHOWN)
        print(f"{args.half:5} {batch:7} {len(part):7}  {cells}")


if __name__ == "__main__":
    main()
