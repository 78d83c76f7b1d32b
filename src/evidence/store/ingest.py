"""Ingest one PubMed XML file into the warehouse (ingest stage, file side).

Reads a file from disk, streams its records through `evidence.pubmed`, upserts them in
batches and tags what changed, all inside ONE transaction: a file that fails halfway
leaves the warehouse exactly as it was. Every attempt is written to ``ingest_runs``; a file
whose sha256 was already ingested is skipped (unless forced), so ingesting twice is cheap
and changes nothing.
"""

from __future__ import annotations

import hashlib
import time
from collections.abc import Callable
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import BinaryIO

import duckdb

from evidence.errors import InputError, StorageError, XmlParseError
from evidence.models import Article, BookArticle, Deletion
from evidence.pubmed import iter_records
from evidence.store.db import storage_errors, transaction
from evidence.store.load import LoadCounts, apply_deletion, upsert_articles
from evidence.store.tags import Tagger, tag_articles

__all__ = ["BATCH_SIZE", "FileResult", "ingest_file", "sha256_file"]

BATCH_SIZE = 5000
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


def sha256_file(path: Path) -> str:
    """The sha256 of a file, read in 1 MiB blocks."""
    digest = hashlib.sha256()
    with storage_errors(str(path)), path.open("rb") as fh:
        while block := fh.read(1 << 20):
            digest.update(block)
    return digest.hexdigest()


class _CountingReader:
    """A read-only file wrapper that reports how far into the file reading has got."""

    def __init__(self, fh: BinaryIO, total: int, progress: Progress) -> None:
        self._fh = fh
        self._total = total
        self._progress = progress
        self._last = 0

    def read(self, size: int = -1) -> bytes:
        data = self._fh.read(size)
        pos = self._fh.tell()
        if pos - self._last >= (1 << 22) or not data:
            self._last = pos
            self._progress(pos, self._total)
        return data


def _already_ingested(con: duckdb.DuckDBPyConnection, sha: str) -> bool:
    row = con.execute(
        "SELECT count(*) FROM ingest_runs WHERE sha256 = ? AND status = 'ok'", [sha]
    ).fetchone()
    return bool(row and row[0])


def _ledger(con: duckdb.DuckDBPyConnection, result: FileResult, started: datetime) -> None:
    c = result.counts
    con.execute(
        "INSERT INTO ingest_runs (file, sha256, status, records, inserted, updated, deleted,"
        " skipped, books, started_at, finished_at, seconds, error)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            str(result.path),
            result.sha256,
            result.status,
            result.records,
            c.inserted,
            c.updated,
            c.deleted,
            c.skipped,
            c.books,
            started,
            datetime.now(UTC).replace(tzinfo=None),
            result.seconds,
            result.error,
        ],
    )


def ingest_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    *,
    tagger: Tagger | None = None,
    force: bool = False,
    progress: Progress | None = None,
    batch_size: int = BATCH_SIZE,
) -> FileResult:
    """Parse, upsert and tag one file in one transaction.

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
        if not force and _already_ingested(con, sha):
            result.status = "skipped"
            result.seconds = time.perf_counter() - clock
            return result
    try:
        with transaction(con, str(path)), storage_errors(str(path)):
            _load_stream(con, path, result, tagger, progress, batch_size)
            result.seconds = time.perf_counter() - clock
            _ledger(con, result, started)
    except XmlParseError as exc:
        result.status = "failed"
        result.error = str(exc)
        result.seconds = time.perf_counter() - clock
        result.counts = LoadCounts()
        with storage_errors(str(path)):
            _ledger(con, result, started)
        raise
    except StorageError:
        raise
    return result


def _load_stream(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    result: FileResult,
    tagger: Tagger | None,
    progress: Progress | None,
    batch_size: int,
) -> None:
    pending: list[Article] = []
    name = str(path)

    def flush() -> None:
        counts, changed = upsert_articles(con, pending, source=name)
        result.counts.add(counts)
        if tagger is not None and changed:
            result.tagged += tag_articles(con, changed, tagger)
        pending.clear()

    total = path.stat().st_size
    with path.open("rb") as raw:
        source: BinaryIO = raw
        if progress is not None:
            source = _CountingReader(raw, total, progress)  # type: ignore[assignment]
        for record in iter_records(source, name=name):
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
        if progress is not None:
            progress(total, total)
