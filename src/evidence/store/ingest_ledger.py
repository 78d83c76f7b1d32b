"""The ingest ledger: one ``ingest_runs`` row per attempt at a file, and what it tells.

Both ingest front doors (`evidence ingest`, `evidence baseline`) write and read it through
these functions, on a connection (and, for writes, a transaction) the caller owns.
"""

from __future__ import annotations

from collections import defaultdict
from datetime import UTC, datetime
from pathlib import Path

import duckdb

from evidence.store.load import LoadCounts

__all__ = ["ingested_files", "ingested_sha256s", "is_ingested", "record_attempt"]


def record_attempt(
    con: duckdb.DuckDBPyConnection,
    *,
    file: Path,
    sha256: str,
    status: str,
    records: int,
    counts: LoadCounts,
    started: datetime,
    seconds: float,
    error: str | None,
) -> None:
    """One row in ``ingest_runs`` for this attempt at a file (status ok, skipped or failed)."""
    con.execute(
        "INSERT INTO ingest_runs (file, sha256, status, records, inserted, updated, deleted,"
        " skipped, books, started_at, finished_at, seconds, error)"
        " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
        [
            str(file),
            sha256,
            status,
            records,
            counts.inserted,
            counts.updated,
            counts.deleted,
            counts.skipped,
            counts.books,
            started,
            datetime.now(UTC).replace(tzinfo=None),
            seconds,
            error,
        ],
    )


def is_ingested(con: duckdb.DuckDBPyConnection, sha256: str) -> bool:
    """Whether a file with this sha256 was ingested with status ok."""
    row = con.execute(
        "SELECT count(*) FROM ingest_runs WHERE sha256 = ? AND status = 'ok'", [sha256]
    ).fetchone()
    return bool(row and row[0])


def ingested_sha256s(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """The sha256 of every file ingested with status ok, by file name (not path)."""
    found: defaultdict[str, set[str]] = defaultdict(set)
    rows = con.execute("SELECT DISTINCT file, sha256 FROM ingest_runs WHERE status = 'ok'")
    for file, sha in rows.fetchall():
        found[Path(str(file)).name].add(str(sha))
    return found


def ingested_files(con: duckdb.DuckDBPyConnection) -> list[Path]:
    """Every file ingested with status ok, as recorded."""
    rows = con.execute("SELECT DISTINCT file FROM ingest_runs WHERE status = 'ok'").fetchall()
    return [Path(str(r[0])) for r in rows]
