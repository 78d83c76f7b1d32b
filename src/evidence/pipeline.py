"""Plain functions that wire the stages together; the CLI and the Prefect flows call these.

``ingest_paths``: files → parse → upsert → tag, one transaction per file, with a ledger.
Nothing here needs Prefect, so every step runs and tests without it.
"""

from __future__ import annotations

import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from functools import partial
from pathlib import Path

from evidence.config import Settings
from evidence.errors import EvidenceError, InputError
from evidence.models import Article, Finding, Tag
from evidence.store import (
    FileResult,
    connect,
    ingest_file,
    publishing,
    refresh_tags,
    transaction,
)
from evidence.store.ingest import INGEST_MEMORY_LIMIT, PARALLEL_MIN_BYTES
from evidence.store.parallel import WorkerPool
from evidence.tagging import TAGGER_VERSION, Vocabulary, analyse_article, load_vocabulary

__all__ = [
    "IngestSummary",
    "VocabTagger",
    "default_workers",
    "ingest_paths",
    "load_tagger",
    "make_tagger",
]


@dataclass(frozen=True, slots=True)
class VocabTagger:
    """The tagging stage as the store sees it: tags + findings from one vocabulary."""

    vocab: Vocabulary

    @property
    def key(self) -> str:
        return f"{TAGGER_VERSION}:{self.vocab.fingerprint}"

    def tag(self, article: Article) -> tuple[list[Tag], list[Finding]]:
        return analyse_article(article, self.vocab)


def make_tagger(settings: Settings) -> VocabTagger:
    """The tagger for the vocabulary in ``settings.vocab_dir``.

    Raises:
        VocabularyError: the vocabulary is invalid.
    """
    return load_tagger(settings.vocab_dir)


def load_tagger(vocab_dir: Path) -> VocabTagger:
    """The tagger for the vocabulary in ``vocab_dir`` (picklable as a partial, for workers)."""
    return VocabTagger(load_vocabulary(vocab_dir))


def default_workers() -> int:
    """Worker processes for big files: one per core, none on a single core."""
    cores = os.cpu_count() or 1
    return min(cores, 8) if cores > 1 else 0


@dataclass(slots=True)
class IngestSummary:
    """The outcome of one ingest call: a result per file, the errors, re-tagged records."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[EvidenceError] = field(default_factory=list)
    retagged: int = 0

    @property
    def ok(self) -> bool:
        return not self.errors

    def totals(self) -> dict[str, int]:
        out = {
            "files": len(self.files),
            "records": 0,
            "inserted": 0,
            "updated": 0,
            "deleted": 0,
            "skipped": 0,
            "books": 0,
            "failed": len(self.errors),
        }
        for f in self.files:
            out["records"] += f.records
            out["inserted"] += f.counts.inserted
            out["updated"] += f.counts.updated
            out["deleted"] += f.counts.deleted
            out["skipped"] += f.counts.skipped
            out["books"] += f.counts.books
        return out


def ingest_paths(
    settings: Settings,
    paths: Sequence[Path],
    *,
    force: bool = False,
    progress: Callable[[Path, int, int], None] | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    workers: int | None = None,
    tag: bool = True,
) -> IngestSummary:
    """Ingest files in the order given; a bad file is reported and the others still load.

    Input errors (a bad file) are collected in the summary; storage errors are raised. The
    warehouse analysts read is replaced only when the whole call succeeds. Files of
    ``PARALLEL_MIN_BYTES`` or more are parsed by ``workers`` processes (default: one per
    core; 0 parses everything in this process). ``tag=False`` loads without tagging; the
    next ingest that tags finds those records stale and tags them.
    """
    summary = IngestSummary()
    tagger = make_tagger(settings) if tag else None
    count = default_workers() if workers is None else workers
    big = count > 0 and any(p.is_file() and p.stat().st_size >= PARALLEL_MIN_BYTES for p in paths)
    factory = partial(load_tagger, settings.vocab_dir) if tag else None
    pool = WorkerPool(count, factory) if big else None
    try:
        with publishing(settings.db_path):
            _ingest_into(settings, paths, tagger, summary, force, progress, on_file, pool)
    finally:
        if pool is not None:
            pool.close()
    return summary


def _ingest_into(
    settings: Settings,
    paths: Sequence[Path],
    tagger: VocabTagger | None,
    summary: IngestSummary,
    force: bool,
    progress: Callable[[Path, int, int], None] | None,
    on_file: Callable[[FileResult], None] | None,
    pool: WorkerPool | None,
) -> None:
    # With worker processes on every core, DuckDB's own threads only contend with them: one
    # thread loads the 30,000-record benchmark's batches in 2.8 CPU-s instead of 3.6.
    threads = 1 if pool is not None else None
    con = connect(settings.db_path, memory_limit=INGEST_MEMORY_LIMIT, threads=threads)
    try:
        for path in paths:

            def report(done: int, total: int, path: Path = path) -> None:
                if progress is not None:
                    progress(path, done, total)

            try:
                result = ingest_file(
                    con,
                    path,
                    tagger=tagger,
                    force=force,
                    progress=report if progress else None,
                    pool=pool,
                )
            except InputError as exc:
                summary.errors.append(exc)
                continue
            summary.files.append(result)
            if on_file is not None:
                on_file(result)
        if tagger is not None:
            with transaction(con, str(settings.db_path)):
                summary.retagged = refresh_tags(con, tagger)
    finally:
        con.close()
