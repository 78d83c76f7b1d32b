"""The ingest engine: files → parse → one ordered writer, with the executor passed in.

Both front doors run it: ``evidence ingest`` (`evidence.ingest.ingest_into`) and
``evidence baseline`` (`evidence.baseline.ingest_baseline`).

    files     `plan_files`: a `FileJob` per file, in the order given (path, sha256, whether
              the ledger already holds it, or the sha256s it holds under that name for a
              parse step that hashes the file itself)
    parse     an `Executor` turns a job into a `Parsed` file: ordered `Segment`s (batches
              with tags and findings, deletions, books counted). `LocalExecutor` parses in
              this process, or big files in pieces on a `WorkerPool`, in memory; the
              baseline's executor has a Dask cluster write Parquet partitions and reads
              them back
    write     `write_file`: replays one file's steps in ONE transaction with its ledger
              row (`evidence.store.ingest_ledger`), tags what changed, returns a `FileResult`
    loop      `run_files`: the files in order through the executor and the writer; a bad
              file is reported and the others still load, or (``stop_at_error``) it stops
              the load, so that no later file lands before it

Every attempt is written to ``ingest_runs``; a file whose sha256 was already ingested is
skipped (unless forced), so ingesting twice is cheap and changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO, Protocol

import duckdb

from evidence.errors import EvidenceError, InputError
from evidence.ingest.ahead import PARALLEL_MIN_BYTES
from evidence.ingest.pool import WorkerPool, stream_segments
from evidence.ingest.steps import Parsed, Segment, Tally
from evidence.models import Article, BookArticle, Deletion, Record
from evidence.pubmed import SplitError, iter_medline, iter_records, sniff_medline
from evidence.store.db import storage_errors, transaction
from evidence.store.ingest_ledger import ingested_sha256s, is_ingested, record_attempt
from evidence.store.load import LoadCounts, apply_deletion, gc_paused, upsert_articles, upsert_batch
from evidence.store.tags import Tagger, tag_articles

__all__ = [
    "BATCH_SIZE",
    "INGEST_CHECKPOINT_THRESHOLD",
    "INGEST_MEMORY_LIMIT",
    "PARALLEL_MIN_BYTES",
    "EngineRun",
    "Executor",
    "FileJob",
    "FileResult",
    "LocalExecutor",
    "Pending",
    "Ready",
    "plan_files",
    "run_files",
    "sha256_file",
    "write_file",
    "write_ledger",
]

BATCH_SIZE = 1000
# DuckDB's share of an ingest (`connect(memory_limit=...)`): a file is one transaction, and
# without a cap DuckDB would hold the whole file's rows in memory until the commit.
INGEST_MEMORY_LIMIT = "64MB"
# DuckDB's checkpoint threshold for an ingest (`connect(checkpoint_threshold=...)`): a
# file's transaction bigger than this is written straight into the database file at its
# commit, instead of into the write-ahead log and again at the checkpoint when the
# connection closes. The 10,000-record real-derived file (its 46 MB of log never written):
# commit and close 0.36-0.45 CPU-s against 0.44-0.60 (DuckDB's default, 16MB, estimates
# this transaction below it and logs it). Small transactions (ledger rows) are still logged.
INGEST_CHECKPOINT_THRESHOLD = "1MB"
Progress = Callable[[Path, int, int], None]


@dataclass(slots=True)
class FileResult:
    """What ingesting one file did. ``status`` is ok, skipped (seen before) or failed."""

    path: Path
    sha256: str
    status: str
    records: int = 0
    counts: LoadCounts = field(default_factory=LoadCounts)
    tagged: int = 0
    seconds: float = 0.0
    error: str | None = None

    def describe(self, *, tagged: bool = True) -> str:
        """One line saying what loading the file did (``tagged``: with the records tagged,
        as `evidence ingest` says it; otherwise loaded, as `evidence baseline` does)."""
        c = self.counts
        if self.status == "skipped":
            return f"{self.path}: already ingested (sha256 {self.sha256[:12]}), skipped"
        head = (
            f"{self.path}: {self.records} records, {c.inserted} inserted, {c.updated} updated,"
            f" {c.deleted} deleted, {c.skipped} unchanged, {c.books} book records not stored"
        )
        if tagged:
            return f"{head}, {self.tagged} tagged in {self.seconds:.1f}s"
        return f"{head}; loaded in {self.seconds:.1f}s"


def sha256_file(path: Path) -> str:
    """The sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with storage_errors(str(path)), path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


def write_ledger(con: duckdb.DuckDBPyConnection, result: FileResult, started: datetime) -> None:
    """One row in ``ingest_runs`` for this attempt at a file (the caller owns the transaction)."""
    record_attempt(
        con,
        file=result.path,
        sha256=result.sha256,
        status=result.status,
        records=result.records,
        counts=result.counts,
        started=started,
        seconds=result.seconds,
        error=result.error,
    )


def _now() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


# -- files -------------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class FileJob:
    """One file to ingest, as the files step found it.

    ``sha256`` None: the parse step hashes the file (near the data, on a Dask worker) and
    skips it when its sha256 is in ``done`` (those the ledger holds under the file's name);
    the writer checks the ledger again. ``skip``: the ledger already holds ``sha256``.
    ``known``: it does, and the file is loaded again all the same (forced), so its records
    most likely load unchanged. ``started`` and ``clock`` are when the files step took the
    file (None: when the writer takes it).
    """

    path: Path
    sha256: str | None = None
    skip: bool = False
    known: bool = False
    done: frozenset[str] = frozenset()
    started: datetime | None = None
    clock: float | None = None


def plan_files(
    con: duckdb.DuckDBPyConnection,
    paths: Iterable[Path],
    *,
    force: bool = False,
    hash_here: bool = True,
) -> Iterator[FileJob | InputError]:
    """A job per path, in the order given, or the input error of a path that is no file.

    With ``hash_here`` each file is hashed as it is reached and checked against the ledger
    (so a file given twice is skipped the second time); otherwise the sha256s the ledger
    holds are read once, for the parse steps to check.

    Raises:
        StorageError: a file or the ledger cannot be read.
    """
    if not hash_here:
        with storage_errors("ingest_runs"):
            held = {} if force else ingested_sha256s(con)
        for path in paths:
            yield FileJob(path, done=frozenset(held.get(path.name, ())))
        return
    for path in paths:
        started, clock = _now(), time.perf_counter()
        if not path.is_file():
            yield InputError(f"{path}: no such file")
            continue
        sha = sha256_file(path)
        with storage_errors(str(path)):
            known = is_ingested(con, sha)
        skip = known and not force
        yield FileJob(path, sha, skip=skip, known=known, started=started, clock=clock)


# -- parse -------------------------------------------------------------------------------


class Pending(Protocol):
    """A parse in progress (or one that runs while the writer reads it)."""

    def result(self) -> Parsed: ...


class Executor(Protocol):
    """Where files are parsed. ``ahead``: how many files are submitted before the writer
    takes the first (0: one at a time, as the writer reaches it; None: every file)."""

    @property
    def ahead(self) -> int | None: ...

    def submit(self, job: FileJob) -> Pending: ...


@dataclass(frozen=True, slots=True)
class Ready:
    """A `Pending` whose file is parsed already, or parses while the writer reads it."""

    parsed: Parsed

    def result(self) -> Parsed:
        return self.parsed


class _CountingReader(io.RawIOBase):
    """A read-only raw stream over a file that reports how far reading has got."""

    def __init__(self, fh: BinaryIO, total: int, progress: Callable[[int, int], None]) -> None:
        super().__init__()
        self._fh = fh
        self._total = total
        self._progress = progress
        self._last = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: Any) -> int:
        data = self._fh.read(len(buffer))
        buffer[: len(data)] = data
        pos = self._fh.tell()
        if pos - self._last >= (1 << 22) or not data:
            self._last = pos
            self._progress(pos, self._total)
        return len(data)


@dataclass(slots=True)
class LocalExecutor:
    """Parses on this machine, as the writer reads: in this process in one stream (records
    handed to the writer, which tags what changed), or, for a file of at least
    ``parallel_min_bytes`` with a ``pool``, in pieces on its worker processes (batches built
    and tagged there), a few pieces ahead of the writer. A file whose pieces cannot be cut
    or parsed is read again in one stream, which loads it or names the line that is wrong.

    A file the warehouse already holds (`FileJob.known`: a forced re-ingest) is parsed in
    pieces without tags, since its records most likely load unchanged and the writer tags
    only records that change; should one change, the writer loads the file again in one
    stream, which tags it (`Parsed.retag`).
    """

    pool: WorkerPool | None = None
    parallel_min_bytes: int = PARALLEL_MIN_BYTES
    batch_size: int = BATCH_SIZE
    progress: Progress | None = None
    ahead: int | None = 0

    def start_early(self, job: FileJob) -> None:
        """Start the pool's workers now if ``job`` will be parsed on them, loading their
        tagger too unless the file is loaded again (forced), so that their start-up overlaps
        what the caller does before it submits the job (it waits for their tagger's key
        rather than load the vocabulary itself; see `evidence.ingest.run`)."""
        if self.pool is not None and not job.skip and self._in_pieces(job.path):
            self.pool.start(warm=not job.known)

    def _in_pieces(self, path: Path) -> bool:
        return (
            self.pool is not None
            and path.stat().st_size >= self.parallel_min_bytes
            and not sniff_medline(path)
        )

    def submit(self, job: FileJob) -> Pending:
        sha = job.sha256 if job.sha256 is not None else sha256_file(job.path)
        medline = sniff_medline(job.path)
        pool = self.pool

        def stream() -> Parsed:
            tally = Tally()
            return Parsed(sha, self._read(job.path, medline, None, tally), tally=tally)

        if pool is None or medline or job.path.stat().st_size < self.parallel_min_bytes:
            return Ready(stream())
        pool.start(warm=not job.known)
        steps = self._read(job.path, medline, pool, None, tag=not job.known)
        return Ready(Parsed(sha, steps, retry=stream, retag=job.known))

    def _read(
        self,
        path: Path,
        medline: bool,
        pool: WorkerPool | None,
        tally: Tally | None,
        *,
        tag: bool = True,
    ) -> Iterator[Segment]:
        total = path.stat().st_size
        progress = self.progress
        with path.open("rb") as raw:
            source: BinaryIO = raw
            if progress is not None:

                def report(done: int, total: int) -> None:
                    progress(path, done, total)

                source = io.BufferedReader(_CountingReader(raw, total, report), 1 << 20)
            if pool is not None:

                def done(reached: int) -> None:
                    # a plain file cut by offsets, which the workers read: its position in
                    # this process still says how far the ingest has got (as `pv -d` or
                    # /proc/PID/fdinfo show it)
                    raw.seek(reached)
                    if progress is not None:
                        progress(path, reached, total)

                yield from stream_segments(pool, source, str(path), tag=tag, path=path, done=done)
            else:
                name = str(path)
                records = (
                    iter_medline(source, name=name) if medline else iter_records(source, name=name)
                )
                yield from stream_steps(records, self.batch_size, tally)
        if progress is not None:
            progress(path, total, total)


def stream_steps(
    records: Iterable[Record], batch_size: int = BATCH_SIZE, tally: Tally | None = None
) -> Iterator[Segment]:
    """The in-process parse step: records → segments of up to ``batch_size`` articles (left
    for the writer to build and tag), each DeleteCitation in its place, books counted (and
    every record read counted in ``tally`` as it is read)."""
    pending: list[Article] = []
    books = 0
    count = tally if tally is not None else Tally()
    for record in records:
        if isinstance(record, Article):
            count.records += 1
            pending.append(record)
            if len(pending) >= batch_size:
                yield Segment(articles=pending, records=len(pending) + books, books=books)
                pending, books = [], 0
        elif isinstance(record, Deletion):
            if pending or books:
                yield Segment(articles=pending, records=len(pending) + books, books=books)
                pending, books = [], 0
            yield Segment(deletion=record.pmids)
        elif isinstance(record, BookArticle):
            count.records += 1
            books += 1
    if pending or books:
        yield Segment(articles=pending, records=len(pending) + books, books=books)


# -- write -------------------------------------------------------------------------------


def write_file(
    con: duckdb.DuckDBPyConnection,
    job: FileJob,
    pending: Pending,
    *,
    force: bool = False,
    tagger: Tagger | None = None,
) -> FileResult:
    """Load one parsed file in one transaction with its ledger row; tag what changed.

    ``tagger`` tags the records of `Segment.articles` after their upsert (only those that
    changed); batches carry their own tags.

    Raises:
        InputError: the file did not parse (`XmlParseError`), or its parse step failed; the
            warehouse is unchanged and a ``failed`` row is written to ``ingest_runs``.
        StorageError: the warehouse (or a spilled step) could not be written or read;
            nothing of the file is kept.
    """
    started = job.started if job.started is not None else _now()
    try:
        parsed = pending.result()
    except InputError as exc:
        sha = job.sha256 if job.sha256 is not None else sha256_file(job.path)
        failed = FileResult(path=job.path, sha256=sha, status="failed", error=str(exc))
        with storage_errors(str(job.path)):
            write_ledger(con, failed, started)
        raise
    if job.clock is None:
        started = _now()
    clock = job.clock if job.clock is not None else time.perf_counter()
    result = FileResult(path=job.path, sha256=parsed.sha256, status="ok")
    if parsed.skipped or (job.sha256 is None and not force and _is_ingested(con, parsed.sha256)):
        result.status = "skipped"
        result.seconds = time.perf_counter() - clock
    else:
        try:
            try:
                _attempt(con, parsed, result, tagger, started, clock)
            except SplitError:
                if parsed.retry is None:
                    raise
                parsed = parsed.retry()
                result = FileResult(path=job.path, sha256=parsed.sha256, status="ok")
                _attempt(con, parsed, result, tagger, started, clock)
        except InputError as exc:
            if parsed.tally is not None:  # the whole records read before the fault
                result.records = parsed.tally.records
            result.status = "failed"
            result.error = str(exc)
            result.seconds = time.perf_counter() - clock
            result.counts = LoadCounts()
            with storage_errors(str(job.path)):
                write_ledger(con, result, started)
            raise
    if parsed.finished is not None:
        parsed.finished()
    return result


def _is_ingested(con: duckdb.DuckDBPyConnection, sha256: str) -> bool:
    with storage_errors("ingest_runs"):
        return is_ingested(con, sha256)


def _attempt(
    con: duckdb.DuckDBPyConnection,
    parsed: Parsed,
    result: FileResult,
    tagger: Tagger | None,
    started: datetime,
    clock: float,
) -> None:
    name = str(result.path)
    steps = iter(parsed.steps)
    try:
        with transaction(con, name), storage_errors(name), gc_paused():
            for segment in steps:
                _apply(con, segment, result, tagger, name, parsed.retag)
                del segment  # not held while the next one is parsed: one batch in memory
            result.seconds = time.perf_counter() - clock
            write_ledger(con, result, started)
    finally:
        close = getattr(steps, "close", None)
        if close is not None:  # a generator left halfway: close its file, cancel its pieces
            close()


def _apply(
    con: duckdb.DuckDBPyConnection,
    segment: Segment,
    result: FileResult,
    tagger: Tagger | None,
    source: str,
    retag: bool = False,
) -> None:
    result.records += segment.records
    if segment.batch is not None:
        counts = upsert_batch(con, segment.batch, source=source)
        moved = counts.inserted + counts.updated
        if retag and moved and tagger is not None and segment.batch.tagger_key is None:
            # records to tag, parsed without tags: load the file again in one stream
            raise SplitError(f"{source}: {moved} records changed; tagging them in one stream")
        result.counts.add(counts)
        if segment.batch.tagger_key is not None:
            result.tagged += moved
    elif segment.articles:
        counts, changed = upsert_articles(con, segment.articles, source=source)
        result.counts.add(counts)
        if tagger is not None and changed:
            result.tagged += tag_articles(con, changed, tagger)
    elif segment.deletion:
        result.counts.deleted += apply_deletion(con, segment.deletion, source=source)
    result.counts.books += segment.books


# -- the loop ----------------------------------------------------------------------------


@dataclass(slots=True)
class EngineRun:
    """What `run_files` did: a result per file written or skipped, the input errors, and
    the files left unloaded after the error that stopped the load."""

    files: list[FileResult] = field(default_factory=list)
    errors: list[EvidenceError] = field(default_factory=list)
    not_loaded: list[Path] = field(default_factory=list)


def ingest_job(
    con: duckdb.DuckDBPyConnection,
    job: FileJob,
    executor: Executor,
    *,
    force: bool = False,
    tagger: Tagger | None = None,
) -> FileResult:
    """One job through the executor and the writer (a skipped job costs nothing more)."""
    return _write(con, job, None if job.skip else executor.submit(job), force, tagger)


def _write(
    con: duckdb.DuckDBPyConnection,
    job: FileJob,
    pending: Pending | None,
    force: bool,
    tagger: Tagger | None,
) -> FileResult:
    if pending is None:
        seconds = time.perf_counter() - job.clock if job.clock is not None else 0.0
        sha = job.sha256 or ""
        return FileResult(path=job.path, sha256=sha, status="skipped", seconds=seconds)
    return write_file(con, job, pending, force=force, tagger=tagger)


def run_files(
    con: duckdb.DuckDBPyConnection,
    jobs: Iterable[FileJob | InputError],
    executor: Executor,
    *,
    force: bool = False,
    tagger: Tagger | None = None,
    stop_at_error: bool = False,
    on_file: Callable[[FileResult], None] | None = None,
) -> EngineRun:
    """Ingest the jobs in order: parsed by ``executor`` (``executor.ahead`` files ahead of
    the writer), each written by `write_file` in its own transaction.

    A file with an input error (a path that is no file, a file that does not parse) is
    reported in the result; the others still load, or with ``stop_at_error`` the load stops
    there and the later files are listed as not loaded (they must not land before it).

    Raises:
        StorageError: the warehouse could not be written; the files before stay loaded.
    """
    run = EngineRun()
    source = iter(jobs)
    window: deque[tuple[FileJob, Pending | None] | InputError] = deque()

    def fill() -> None:
        while executor.ahead is None or len(window) <= executor.ahead:
            item = next(source, None)
            if item is None:
                return
            if isinstance(item, InputError) or item.skip:
                window.append(item if isinstance(item, InputError) else (item, None))
                continue
            try:
                window.append((item, executor.submit(item)))
            except InputError as exc:
                window.append(exc)

    fill()
    while window:
        item = window.popleft()
        try:
            if isinstance(item, InputError):
                raise item
            result = _write(con, item[0], item[1], force, tagger)
        except InputError as exc:
            run.errors.append(exc)
            if stop_at_error:
                rest: Sequence[tuple[FileJob, Pending | None] | InputError | FileJob] = [
                    *window,
                    *(j for j in source if isinstance(j, FileJob)),
                ]
                run.not_loaded = [
                    r[0].path if isinstance(r, tuple) else r.path
                    for r in rest
                    if not isinstance(r, InputError)
                ]
                break
            fill()
            continue
        run.files.append(result)
        if on_file is not None:
            on_file(result)
        fill()
    return run
