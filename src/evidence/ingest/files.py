"""Ingest one PubMed XML file into the warehouse (ingest stage, file side).

Reads a file from disk, streams its records through `evidence.pubmed`, upserts them in
batches and tags what changed, all inside ONE transaction: a file that fails halfway
leaves the warehouse exactly as it was. Every attempt is written to ``ingest_runs``; a file
whose sha256 was already ingested is skipped (unless forced), so ingesting twice is cheap
and changes nothing.
"""

from __future__ import annotations

import hashlib
import io
import time
from collections.abc import Callable, Iterable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Any, BinaryIO

import duckdb

from evidence.errors import InputError, XmlParseError
from evidence.ingest.pool import WorkerPool, stream_segments
from evidence.models import Article, BookArticle, Deletion, Record
from evidence.pubmed import SplitError, iter_medline, iter_records, sniff_medline
from evidence.store.db import storage_errors, transaction
from evidence.store.ingest_ledger import is_ingested, record_attempt
from evidence.store.load import (
    LoadCounts,
    apply_deletion,
    gc_paused,
    upsert_articles,
    upsert_batch,
)
from evidence.store.tags import Tagger, tag_articles

__all__ = [
    "BATCH_SIZE",
    "INGEST_MEMORY_LIMIT",
    "PARALLEL_MIN_BYTES",
    "FileResult",
    "ingest_file",
    "sha256_file",
    "write_ledger",
]

BATCH_SIZE = 1000
# Below this size, starting the pieces costs more than parsing in one stream.
PARALLEL_MIN_BYTES = 16 << 20
# DuckDB's share of an ingest (`connect(memory_limit=...)`): a file is one transaction, and
# without a cap DuckDB would hold the whole file's rows in memory until the commit.
INGEST_MEMORY_LIMIT = "64MB"
Progress = Callable[[int, int], None]


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


class _CountingReader(io.RawIOBase):
    """A read-only raw stream over a file that reports how far reading has got."""

    def __init__(self, fh: BinaryIO, total: int, progress: Progress) -> None:
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


def ingest_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    *,
    tagger: Tagger | None = None,
    force: bool = False,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
    pool: WorkerPool | None = None,
    parallel_min_bytes: int = PARALLEL_MIN_BYTES,
) -> FileResult:
    """Parse, upsert and tag one file in one transaction.

    With a worker ``pool`` and a file of at least ``parallel_min_bytes``, pieces of the file
    are parsed and tagged on several cores; otherwise in this process, in one stream.

    Raises:
        XmlParseError: the file is not PubMed XML, is truncated or hostile. The warehouse is
            unchanged and a ``failed`` row is written to ``ingest_runs``.
        StorageError: the warehouse could not be written; nothing of the file is kept.
    """
    started = datetime.now(UTC).replace(tzinfo=None)
    clock = time.perf_counter()
    if not path.is_file():
        raise InputError(f"{path}: no such file")
    sha = sha256_file(path)
    result = FileResult(path=path, sha256=sha, status="ok")
    with storage_errors(str(path)):
        if not force and is_ingested(con, sha):
            result.status = "skipped"
            result.seconds = time.perf_counter() - clock
            return result
    medline = sniff_medline(path)
    parallel = pool is not None and not medline and path.stat().st_size >= parallel_min_bytes
    first = pool if parallel else None
    if first is not None:
        first.start()

    def load(workers: WorkerPool | None) -> Callable[[], None]:
        return lambda: _load(con, path, result, tagger, progress, batch_size, workers, medline)

    try:
        try:
            _attempt(con, path, result, started, clock, load(first))
        except SplitError:
            # The pieces could not be cut or parsed: read the file in one stream, which
            # either loads it or reports the exact line that is wrong.
            result = FileResult(path=path, sha256=sha, status="ok")
            _attempt(con, path, result, started, clock, load(None))
    except XmlParseError as exc:
        result.status = "failed"
        result.error = str(exc)
        result.seconds = time.perf_counter() - clock
        result.counts = LoadCounts()
        with storage_errors(str(path)):
            write_ledger(con, result, started)
        raise
    return result


def _attempt(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    result: FileResult,
    started: datetime,
    clock: float,
    load: Callable[[], None],
) -> None:
    with transaction(con, str(path)), storage_errors(str(path)), gc_paused():
        load()
        result.seconds = time.perf_counter() - clock
        write_ledger(con, result, started)


def _load(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    result: FileResult,
    tagger: Tagger | None,
    progress: Progress | None,
    batch_size: int,
    pool: WorkerPool | None,
    medline: bool = False,
) -> None:
    total = path.stat().st_size
    with path.open("rb") as raw:
        source: BinaryIO = raw
        if progress is not None:
            source = io.BufferedReader(_CountingReader(raw, total, progress), 1 << 20)
        if pool is not None:
            _load_pieces(con, source, str(path), result, pool)
        else:
            records = (
                iter_medline(source, name=str(path))
                if medline
                else iter_records(source, name=str(path))
            )
            _load_stream(con, records, str(path), result, tagger, batch_size)
    if progress is not None:
        progress(total, total)


def _load_pieces(
    con: duckdb.DuckDBPyConnection,
    source: BinaryIO,
    name: str,
    result: FileResult,
    pool: WorkerPool,
) -> None:
    for segment in stream_segments(pool, source, name):
        result.records += segment.records
        if segment.batch is not None:
            counts = upsert_batch(con, segment.batch, source=name)
            result.counts.add(counts)
            if segment.batch.tagger_key is not None:
                result.tagged += counts.inserted + counts.updated
        elif segment.deletion:
            result.counts.deleted += apply_deletion(con, segment.deletion, source=name)
        result.counts.books += segment.books


def _load_stream(
    con: duckdb.DuckDBPyConnection,
    records: Iterable[Record],
    name: str,
    result: FileResult,
    tagger: Tagger | None,
    batch_size: int,
) -> None:
    pending: list[Article] = []

    def flush() -> None:
        counts, changed = upsert_articles(con, pending, source=name)
        result.counts.add(counts)
        if tagger is not None and changed:
            result.tagged += tag_articles(con, changed, tagger)
        pending.clear()

    for record in records:
        if isinstance(record, Article):
            result.records += 1
            pending.append(record)
            if len(pending) >= batch_size:
                flush()
        elif isinstance(record, Deletion):
            flush()
            result.counts.deleted += apply_deletion(con, record.pmids, source=name)
        elif isinstance(record, BookArticle):
            result.records += 1
            result.counts.books += 1
    flush()
