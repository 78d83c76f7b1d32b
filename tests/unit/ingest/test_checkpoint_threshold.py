"""A bulk writer's big commit goes straight into the database file, not through the log."""

from __future__ import annotations

from pathlib import Path

import duckdb

from evidence.ingest.engine import INGEST_CHECKPOINT_THRESHOLD
from evidence.store import connect

ROWS = 100_000  # some 4 MB of text: past the ingest's threshold, below DuckDB's default
STEP = 5_000  # rows per statement, as an ingest upserts a batch at a time


def _commit_big(db: Path, threshold: str | None) -> int:
    """Commit one big transaction; the size of the log right after it (0: none)."""
    con = connect(db, checkpoint_threshold=threshold)
    try:
        con.execute("CREATE TABLE t (i BIGINT, s VARCHAR)")
        con.execute("BEGIN TRANSACTION")
        for start in range(0, ROWS, STEP):
            con.execute(
                "INSERT INTO t SELECT i, 'row ' || i FROM range(?, ?) r(i)", [start, start + STEP]
            )
        con.execute("COMMIT")
        wal = db.with_name(db.name + ".wal")
        return wal.stat().st_size if wal.exists() else 0
    finally:
        con.close()


def test_a_big_commit_under_the_ingest_threshold_writes_no_log(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    assert _commit_big(db, INGEST_CHECKPOINT_THRESHOLD) == 0
    con = duckdb.connect(str(db), read_only=True)
    try:
        assert con.execute("SELECT count(*), max(i) FROM t").fetchone() == (ROWS, ROWS - 1)
    finally:
        con.close()


def test_by_default_the_same_commit_is_logged_first(tmp_path: Path) -> None:
    assert _commit_big(tmp_path / "w.duckdb", None) > 0
