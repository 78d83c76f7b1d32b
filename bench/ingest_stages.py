"""Where the time of `evidence ingest` goes: each stage timed alone, in one process.

For a PubMed XML file (e.g. the one `ingest_bench.py` generates), prints the CPU seconds
and microseconds per record of:

  floor      lxml iterparse over the records, building nothing (libxml2's share)
  parse      `iter_records`: the file into typed `Article` records (the record builder that
             `iter_records` picks: the compiled one when built, or EVIDENCE_PARSER)
  parse-py   the same with the Python record builder (not added to the sum)
  batch      `build_batch`: records into Arrow tables, 1,000 at a time (after one
             conversion made beforehand: pyarrow's first one imports pandas, 0.2-0.3 s that
             the ingest's workers never pay, see `evidence.ingest.pool`)
  tag        the tagger over every record (tags and findings), as the ingest runs it
             (`analyse_all`: each step over a thousand records at a time); tag-1by1 the same
             one record at a time (not added to the sum), then its four steps alone:
             build_document, find_matches, tag_document, findings_from_document, and
             tag-arrow: the tags and findings into Arrow tables (`tag_tables`, part of the
             batch that a worker builds; not added to the sum)
  load       `upsert_batch` of every batch into a fresh DuckDB file, then the commit (the
             batches merged up to --load-batch records first, as the parallel path's main
             process merges the workers' batches; 0: as built, 1,000 each); under it, its
             parts: connect (open, schema), upserts, commit (and close), with the
             ingest's DuckDB checkpoint threshold (or --checkpoint-threshold)
  cut        `split_records`: the file cut into pieces for the worker processes

and the CPU budget that a target of N records/s on C cores allows, beside their sum.

    python bench/ingest_stages.py FILE [--target 10000] [--cores 2] [--no-tag]
                                       [--memory-limit 64MB] [--threads 1]
                                       [--load-batch 5000] [--checkpoint-threshold 16MB]
"""

from __future__ import annotations

import argparse
import gc
import os
import tempfile
import time
from collections.abc import Callable
from pathlib import Path
from typing import TypeVar

from lxml import etree

from evidence.config import Settings
from evidence.ingest import make_tagger
from evidence.ingest.files import INGEST_MEMORY_LIMIT
from evidence.models import Article
from evidence.pubmed import iter_records, split_records
from evidence.store import connect
from evidence.store.load import (
    Batch,
    build_batch,
    gc_paused,
    merge_batches,
    tag_tables,
    upsert_batch,
)
from evidence.store.tags import analyse_all
from evidence.tagging import Vocabulary
from evidence.tagging.findings import findings_from_document
from evidence.tagging.taggers import find_matches, tag_document
from evidence.tagging.text import build_document

T = TypeVar("T")
BATCH = 1000


def _timed(label: str, records: int, fn: Callable[[], T], rows: list[tuple[str, float]]) -> T:
    gc.collect()
    with gc_paused():  # as `evidence ingest` runs
        start = time.process_time()
        value = fn()
        seconds = time.process_time() - start
    rows.append((label, seconds))
    print(f"{label:<10} {seconds:8.2f} s CPU {seconds / max(records, 1) * 1e6:8.0f} µs/record")
    return value


def _has_path_choice() -> bool:
    """Whether this evidence has the compiled record builder's switch (parser_path)."""
    import evidence.pubmed

    return hasattr(evidence.pubmed, "parser_path")


def _floor(path: Path) -> int:
    count = 0
    for _, el in etree.iterparse(
        str(path), tag="PubmedArticle", load_dtd=False, no_network=True, resolve_entities=False
    ):
        count += 1
        el.clear()
        while el.getprevious() is not None:
            del el.getparent()[0]
    return count


def _merge(batches: list[Batch], records: int) -> list[Batch]:
    """Consecutive batches merged up to ``records`` each (the file's PMIDs are unique)."""
    if records <= 0:
        return batches
    out: list[Batch] = []
    held: list[Batch] = []
    for batch in batches:
        if held and sum(len(b) for b in held) + len(batch) > records:
            out.append(merge_batches(held))
            held = []
        held.append(batch)
    if held:
        out.append(merge_batches(held))
    return out


def _checkpoint_threshold() -> str | None:
    """The ingest's DuckDB checkpoint threshold (None for an evidence without one)."""
    import evidence.ingest.engine

    return getattr(evidence.ingest.engine, "INGEST_CHECKPOINT_THRESHOLD", None)


def _load(
    batches: list[Batch],
    db: Path,
    memory_limit: str,
    threads: int,
    parts: dict[str, float],
    checkpoint_threshold: str | None = None,
) -> None:
    """Load the batches in one transaction; ``parts`` gets the CPU seconds of its parts."""
    clock = time.process_time()
    extra = {"checkpoint_threshold": checkpoint_threshold} if checkpoint_threshold else {}
    con = connect(db, memory_limit=memory_limit, threads=threads, **extra)
    try:
        parts["connect"] = time.process_time() - clock
        clock = time.process_time()
        con.execute("BEGIN TRANSACTION")
        for batch in batches:
            upsert_batch(con, batch, source=str(db))
        parts["upserts"] = time.process_time() - clock
        clock = time.process_time()
        con.execute("COMMIT")
    finally:
        con.close()
        parts["commit"] = time.process_time() - clock


def _tag_steps(articles: list[Article], vocab: Vocabulary, records: int) -> None:
    """The tagger's four steps, each over every record (not added to the sum)."""
    steps: list[tuple[str, float]] = []
    docs = _timed("  layout", records, lambda: [build_document(a) for a in articles], steps)
    found = _timed("  find", records, lambda: [find_matches(d, vocab) for d in docs], steps)
    tags = _timed(
        "  tags",
        records,
        lambda: [
            tag_document(a, d, vocab, m) for a, d, m in zip(articles, docs, found, strict=True)
        ],
        steps,
    )
    _timed(
        "  findings",
        records,
        lambda: [
            findings_from_document(a, d, t, vocab, m)
            for a, d, t, m in zip(articles, docs, tags, found, strict=True)
        ],
        steps,
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--target", type=int, default=10_000, help="records/s to budget for")
    parser.add_argument("--cores", type=int, default=2)
    parser.add_argument("--no-tag", action="store_true", help="leave the tagger out")
    parser.add_argument("--memory-limit", default=INGEST_MEMORY_LIMIT, help="DuckDB's cap")
    parser.add_argument(
        "--threads", type=int, default=1, help="DuckDB's threads (1, as beside workers)"
    )
    parser.add_argument(
        "--load-batch", type=int, default=0, help="records per upsert (0: 1,000, as built)"
    )
    parser.add_argument(
        "--checkpoint-threshold",
        default=_checkpoint_threshold(),
        help="DuckDB's checkpoint_threshold for the load (default: the ingest's; 16MB is"
        " DuckDB's own)",
    )
    args = parser.parse_args()
    rows: list[tuple[str, float]] = []
    records = _floor(args.file)
    print(f"file {args.file}: {records:,} records")
    _timed("floor", records, lambda: _floor(args.file), rows)
    articles = _timed(
        "parse",
        records,
        lambda: [r for r in iter_records(args.file) if isinstance(r, Article)],
        rows,
    )
    if _has_path_choice():
        from evidence.pubmed import parser_path

        print(f"           (parse used the {parser_path()} record builder)")
        if parser_path() == "compiled":
            os.environ["EVIDENCE_PARSER"] = "python"
            _timed(
                "parse-py",
                records,
                lambda: sum(1 for r in iter_records(args.file) if isinstance(r, Article)),
                [],
            )
            del os.environ["EVIDENCE_PARSER"]
    build_batch(articles[:1])  # pyarrow's first conversion imports pandas: not the batch's cost
    batches = _timed(
        "batch",
        records,
        lambda: [build_batch(articles[i : i + BATCH]) for i in range(0, len(articles), BATCH)],
        rows,
    )
    if not args.no_tag:
        tagger = make_tagger(Settings.from_env())
        analyses = _timed("tag", records, lambda: analyse_all(tagger, articles), rows)
        _timed("tag-1by1", records, lambda: [tagger.tag(a) for a in articles], [])
        _tag_steps(articles, tagger.vocab, records)
        _timed(
            "tag-arrow",
            records,
            lambda: [
                tag_tables(
                    [t for tags, _ in analyses[i : i + BATCH] for t in tags],
                    [f for _, found in analyses[i : i + BATCH] for f in found],
                )
                for i in range(0, len(analyses), BATCH)
            ],
            [],
        )
        analyses.clear()
    articles.clear()
    with tempfile.TemporaryDirectory() as tmp:
        db = Path(tmp) / "stages.duckdb"
        merged = _merge(batches, args.load_batch)
        biggest = max(map(len, merged), default=0)
        print(f"           (load: {len(merged)} upserts of up to {biggest} records)")
        parts: dict[str, float] = {}
        _timed(
            "load",
            records,
            lambda: _load(
                merged, db, args.memory_limit, args.threads, parts, args.checkpoint_threshold
            ),
            rows,
        )
        for label, seconds in parts.items():
            each = seconds / max(records, 1) * 1e6
            print(f"  {label:<8} {seconds:8.2f} s CPU {each:8.0f} µs/record")
    _timed("cut", records, lambda: sum(p.records for p in split_records(args.file)), rows)
    # the floor is part of parse (parse includes libxml2's work), so it is not added again
    work = sum(s for label, s in rows if label not in ("floor", "tag"))
    budget = records / args.target * args.cores
    print(f"parse + batch + load + cut: {work:.2f} CPU-s;")
    print(f"a target of {args.target:,} records/s on {args.cores} cores allows {budget:.2f} CPU-s")


if __name__ == "__main__":
    main()
