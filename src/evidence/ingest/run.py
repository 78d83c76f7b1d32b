"""`evidence ingest`'s front door to the engine: files → parse → upsert → tag, with a ledger.

`ingest_into` loads files into a run's working copy (`evidence.store.WorkCopy`); the spine
(`evidence.pipeline.ingest`) opens and publishes that copy. It runs the engine
(`evidence.ingest.engine`) in this process, big files cut into pieces that worker processes
parse (`evidence.ingest.pool`), and lets a bad file be reported while the others load.
"""

from __future__ import annotations

import itertools
import os
from collections.abc import Callable, Sequence
from dataclasses import dataclass, field
from pathlib import Path

from evidence.config import Settings
from evidence.errors import EvidenceError, InputError
from evidence.ingest.ahead import start_ahead
from evidence.ingest.engine import (
    INGEST_CHECKPOINT_THRESHOLD,
    INGEST_MEMORY_LIMIT,
    PARALLEL_MIN_BYTES,
    FileJob,
    FileResult,
    LocalExecutor,
    plan_files,
    run_files,
)
from evidence.ingest.pool import WorkerPool
from evidence.ingest.preload import VocabSource
from evidence.ingest.tagger import VocabTagger, load_tagger
from evidence.models import Article, Finding, Tag
from evidence.pubmed import sniff_medline
from evidence.store import WorkCopy, connect, refresh_tags, transaction
from evidence.store.tags import Tagger

# The tagging stage is imported when a tagger is made or used, not with this module: a
# worker process that only parses and loads (``tag=False``) then never pays for importing
# it (its patterns compile on import, ~0.3-0.8 CPU-s).

__all__ = [
    "IngestSummary",
    "VocabTagger",
    "choose_workers",
    "default_workers",
    "files_to_ingest",
    "ingest_into",
    "load_tagger",
    "make_tagger",
]


@dataclass(slots=True)
class _LoadedOnUse:
    """The tagger of ``vocab_dir`` with its key known already (from the worker processes,
    which loaded the same vocabulary): the vocabulary is loaded in this process only if it
    tags a record itself (a file too small for the workers, records found stale at the
    end), so that a run whose records are all tagged by the workers never loads it twice."""

    vocab_dir: Path
    known_key: str
    loaded: VocabTagger | None = None

    @property
    def key(self) -> str:
        return self.loaded.key if self.loaded is not None else self.known_key

    def _tagger(self) -> VocabTagger:
        if self.loaded is None:
            self.loaded = load_tagger(self.vocab_dir)
        return self.loaded

    def tag(self, article: Article) -> tuple[list[Tag], list[Finding]]:
        return self._tagger().tag(article)

    def tag_many(self, articles: Sequence[Article]) -> list[tuple[list[Tag], list[Finding]]]:
        return self._tagger().tag_many(articles)


def make_tagger(settings: Settings) -> VocabTagger:
    """The tagger for the vocabulary in ``settings.vocab_dir``.

    Raises:
        VocabularyError: the vocabulary is invalid.
    """
    return load_tagger(settings.vocab_dir)


def default_workers() -> int:
    """Worker processes for big files: one per core, none on a single core."""
    cores = os.cpu_count() or 1
    return min(cores, 8) if cores > 1 else 0


def choose_workers(workers: int | None, paths: Sequence[Path]) -> tuple[int, str]:
    """The worker processes an ingest of ``paths`` starts, and why, in words for its
    summary: ``workers`` (None: `default_workers`) when a file has ``PARALLEL_MIN_BYTES`` or
    more (which is cut into pieces for them), else none (everything is read in this
    process). Two workers pay on two cores: the CLI's ingest of the 10,000-record
    real-derived file (67 MB) took 6.2-8.9 s with them against 11.1-14.3 s with ``--workers
    0`` (3 runs each, load average ~5), and 5.7-6.6 CPU-s in all its processes against
    7.0-8.6 in one."""
    count = default_workers() if workers is None else workers
    if count == 0:
        why = "--workers 0" if workers is not None else "one core"
        return 0, f"read in this process ({why})"
    size = PARALLEL_MIN_BYTES >> 20
    if not any(p.is_file() and p.stat().st_size >= PARALLEL_MIN_BYTES for p in paths):
        return 0, f"read in this process (no file of {size} MB or more)"
    given = f"--workers {count}" if workers is not None else "one per core"
    processes = "process" if count == 1 else "processes"
    return (
        count,
        f"files of {size} MB or more cut into pieces for {count} worker {processes} ({given})",
    )


@dataclass(slots=True)
class IngestSummary:
    """The outcome of one ingest call: a result per file, the errors, re-tagged records."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[EvidenceError] = field(default_factory=list)
    retagged: int = 0
    workers: int = 0  # the worker processes started for big files (`choose_workers`)
    workers_why: str = ""  # who read the files, and why, in words

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


# What `evidence ingest DIR` reads of a folder; a .txt file only when it is MEDLINE text.
_XML_SUFFIXES = (".xml", ".xml.gz")
_MEDLINE_SUFFIX = ".txt"


def files_to_ingest(paths: Sequence[Path]) -> tuple[list[Path], list[InputError]]:
    """The paths with each folder replaced by its PubMed files, and a folder without any.

    A folder gives its ``.xml`` and ``.xml.gz`` files and its ``.txt`` files that are
    MEDLINE text (so a README.txt is left alone), sorted by name; not its subfolders, hidden
    files or anything else (NLM's ``.md5`` files). Other paths are kept as given, for
    `ingest_file` to read or to report.
    """
    files: list[Path] = []
    errors: list[InputError] = []
    for path in paths:
        if not path.is_dir():
            files.append(path)
            continue
        found = sorted(p for p in path.iterdir() if _is_pubmed_file(p))
        if not found:
            errors.append(
                InputError(f"{path}: no PubMed files (.xml, .xml.gz, .txt) in this directory")
            )
        files.extend(found)
    return files, errors


def _is_pubmed_file(path: Path) -> bool:
    name = path.name.lower()
    if name.startswith(".") or not path.is_file():
        return False
    return name.endswith(_XML_SUFFIXES) or (name.endswith(_MEDLINE_SUFFIX) and sniff_medline(path))


def ingest_into(
    settings: Settings,
    work: WorkCopy,
    paths: Sequence[Path],
    *,
    force: bool = False,
    progress: Callable[[Path, int, int], None] | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    workers: int | None = None,
    tag: bool = True,
) -> IngestSummary:
    """Ingest files in the order given into the run's working copy; a bad file is reported
    and the others still load.

    A folder stands for its PubMed files (see `files_to_ingest`); one without any is an
    input error like a bad file. Input errors (a bad file) are collected in the summary;
    storage errors are raised. A run that would create the warehouse and loads no file is
    abandoned (it would leave a warehouse of failed-file ledger rows). Files of
    ``PARALLEL_MIN_BYTES`` or more are parsed by ``workers`` processes (default: one per
    core; 0 parses everything in this process). ``tag=False`` loads without tagging; the
    next ingest that tags finds those records stale and tags them.
    """
    summary = IngestSummary()
    paths, empty_folders = files_to_ingest(paths)
    summary.errors.extend(empty_folders)
    summary.workers, summary.workers_why = choose_workers(workers, paths)
    factory = VocabSource(settings.vocab_dir) if tag else None
    if summary.workers:
        # the forkserver imports and loads the vocabulary while this process opens the
        # warehouse and hashes the first file (`evidence ingest` may have started it already)
        start_ahead(
            paths,
            summary.workers,
            settings.vocab_dir if tag else None,
            fresh=work.creates_warehouse,
        )
    # the pool is sent this package's functions and a VocabSource only: its workers need not
    # run the command's main script again
    pool = WorkerPool(summary.workers, factory, main_again=False) if summary.workers else None
    try:
        _ingest_into(settings, work, paths, tag, summary, force, progress, on_file, pool)
        if summary.errors and not summary.files and work.creates_warehouse:
            work.abandon()
    finally:
        if pool is not None:
            pool.close()
    return summary


def _ingest_into(
    settings: Settings,
    work: WorkCopy,
    paths: Sequence[Path],
    tag: bool,
    summary: IngestSummary,
    force: bool,
    progress: Callable[[Path, int, int], None] | None,
    on_file: Callable[[FileResult], None] | None,
    pool: WorkerPool | None,
) -> None:
    # With worker processes on every core, DuckDB's own threads only contend with them: one
    # thread loads the 30,000-record benchmark's batches in 2.8 CPU-s instead of 3.6.
    threads = 1 if pool is not None else None
    con = connect(
        work.path,
        memory_limit=INGEST_MEMORY_LIMIT,
        threads=threads,
        checkpoint_threshold=INGEST_CHECKPOINT_THRESHOLD,
    )
    try:
        executor = LocalExecutor(pool=pool, progress=progress)
        jobs = plan_files(con, paths, force=force)
        first = next(jobs, None) if pool is not None else None
        if isinstance(first, FileJob):
            # the first file is hashed and checked against the ledger: when it will be
            # parsed in pieces, the workers start (and load their vocabulary) while this
            # process loads its own
            executor.start_early(first)
        tagger: Tagger | None = None
        if tag:
            # once a worker has loaded the vocabulary (or failed to: then this process
            # loads it and says why), this process need not load it unless it tags itself
            key = pool.tagger_key() if pool is not None else None
            tagger = make_tagger(settings) if key is None else _LoadedOnUse(settings.vocab_dir, key)
        if first is not None:
            jobs = itertools.chain([first], jobs)
        run = run_files(con, jobs, executor, force=force, tagger=tagger, on_file=on_file)
        summary.files.extend(run.files)
        summary.errors.extend(run.errors)
        if tagger is not None:
            with transaction(con, str(work.warehouse)):
                summary.retagged = refresh_tags(con, tagger)
    finally:
        con.close()
