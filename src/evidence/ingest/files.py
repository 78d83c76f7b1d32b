"""Ingest one PubMed file into the warehouse: the engine (`evidence.ingest.engine`) for one file.

Reads a file from disk, streams its records through `evidence.pubmed` (or parses pieces of
a big one on a `WorkerPool`), upserts them in batches and tags what changed, all inside ONE
transaction: a file that fails halfway leaves the warehouse exactly as it was. Every attempt
is written to ``ingest_runs``; a file whose sha256 was already ingested is skipped (unless
forced), so ingesting twice is cheap and changes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import duckdb

from evidence.errors import InputError
from evidence.ingest.engine import (
    BATCH_SIZE,
    INGEST_MEMORY_LIMIT,
    PARALLEL_MIN_BYTES,
    FileResult,
    LocalExecutor,
    ingest_job,
    plan_files,
    sha256_file,
    write_ledger,
)
from evidence.ingest.pool import WorkerPool
from evidence.store.tags import Tagger

__all__ = [
    "BATCH_SIZE",
    "INGEST_MEMORY_LIMIT",
    "PARALLEL_MIN_BYTES",
    "FileResult",
    "ingest_file",
    "sha256_file",
    "write_ledger",
]


def ingest_file(
    con: duckdb.DuckDBPyConnection,
    path: Path,
    *,
    tagger: Tagger | None = None,
    force: bool = False,
    progress: Callable[[int, int], None] | None = None,
    batch_size: int = BATCH_SIZE,
    pool: WorkerPool | None = None,
    parallel_min_bytes: int = PARALLEL_MIN_BYTES,
) -> FileResult:
    """Parse, upsert and tag one file in one transaction.

    With a worker ``pool`` and a file of at least ``parallel_min_bytes``, pieces of the file
    are parsed and tagged on several cores; otherwise in this process, in one stream.

    Raises:
        InputError: there is no such file.
        XmlParseError: the file is not PubMed XML, is truncated or hostile. The warehouse is
            unchanged and a ``failed`` row is written to ``ingest_runs``.
        StorageError: the warehouse could not be written; nothing of the file is kept.
    """
    report = None
    if progress is not None:
        on_bytes = progress

        def report(_: Path, done: int, total: int) -> None:
            on_bytes(done, total)

    executor = LocalExecutor(pool, parallel_min_bytes, batch_size, report)
    job = next(plan_files(con, [path], force=force))
    if isinstance(job, InputError):
        raise job
    return ingest_job(con, job, executor, force=force, tagger=tagger)
