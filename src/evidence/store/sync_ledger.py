"""The acquisition ledger: sync runs, saved searches and raw files, in the warehouse.

Reads and writes the tables of ``store/sql/020_entrez.sql`` on a connection it is given:
``sync_runs``, ``sync_run_queries``, ``raw_responses`` and ``sync_state``. Each write is one
statement or one transaction, so a process killed at any point leaves every table
consistent: a batch counts as fetched exactly when its ``raw_responses`` row exists.
"""

from __future__ import annotations

import json
from collections.abc import Iterable, Sequence
from dataclasses import dataclass
from datetime import date, datetime

import duckdb

from evidence.store.db import storage_errors, transaction

__all__ = [
    "Plan",
    "RawRow",
    "Run",
    "done_batches",
    "finish_run",
    "last_success",
    "load_plans",
    "mark_ingested",
    "pending_raw",
    "record_raw",
    "save_plan",
    "set_success",
    "start_run",
    "unfinished_run",
]


@dataclass(frozen=True, slots=True)
class Run:
    """One sync of one query set."""

    run_id: str
    query_set: str
    mode: str
    since: date | None
    source: str
    started_at: datetime


@dataclass(frozen=True, slots=True)
class Plan:
    """The saved search of one query in a run and how its records are split into batches."""

    query_name: str
    ord: int
    term: str
    hit_count: int
    pmids: tuple[int, ...]
    fetch_pmids: tuple[int, ...]
    batch_size: int
    searches: int

    def batches(self) -> list[tuple[int, tuple[int, ...]]]:
        """(batch number, PMIDs) of every batch, in order."""
        size = self.batch_size
        return [
            (k, self.fetch_pmids[i : i + size])
            for k, i in enumerate(range(0, len(self.fetch_pmids), size))
        ]


@dataclass(frozen=True, slots=True)
class RawRow:
    """One stored efetch answer."""

    path: str
    run_id: str
    query_set: str
    query_name: str
    batch_no: int
    params: dict[str, str]
    sha256: str
    pmids: tuple[int, ...]
    fetched_at: datetime
    endpoint: str = "efetch"


def unfinished_run(con: duckdb.DuckDBPyConnection, query_set: str) -> tuple[Run, str] | None:
    """The latest run of ``query_set`` that did not complete, with its status."""
    with storage_errors("sync_runs"):
        row = con.execute(
            "SELECT run_id, query_set, mode, since, source, started_at, status FROM sync_runs"
            " WHERE query_set = ? AND status IN ('running', 'failed')"
            " ORDER BY started_at DESC LIMIT 1",
            [query_set],
        ).fetchone()
    if row is None:
        return None
    return Run(*row[:6]), row[6]


def start_run(con: duckdb.DuckDBPyConnection, run: Run) -> None:
    """Record a new run as running."""
    with storage_errors("sync_runs"):
        con.execute(
            "INSERT INTO sync_runs (run_id, query_set, mode, since, source, status, started_at)"
            " VALUES (?, ?, ?, ?, ?, 'running', ?)",
            [run.run_id, run.query_set, run.mode, run.since, run.source, run.started_at],
        )


def finish_run(
    con: duckdb.DuckDBPyConnection,
    run_id: str,
    status: str,
    *,
    at: datetime,
    requests: int,
    error: str | None = None,
) -> None:
    """Set the status of a run (complete, failed, abandoned) and add its request count."""
    with storage_errors("sync_runs"):
        con.execute(
            "UPDATE sync_runs SET status = ?, finished_at = ?, requests = requests + ?, error = ?"
            " WHERE run_id = ?",
            [status, at, requests, error, run_id],
        )


def save_plan(con: duckdb.DuckDBPyConnection, run_id: str, plan: Plan, *, at: datetime) -> None:
    """Save the search of one query before any of its batches is fetched."""
    with storage_errors("sync_run_queries"):
        con.execute(
            "INSERT INTO sync_run_queries VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)",
            [
                run_id,
                plan.query_name,
                plan.ord,
                plan.term,
                plan.hit_count,
                list(plan.pmids),
                list(plan.fetch_pmids),
                plan.batch_size,
                plan.searches,
                at,
            ],
        )


def load_plans(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[str, Plan]:
    """The saved searches of a run by query name."""
    with storage_errors("sync_run_queries"):
        rows = con.execute(
            "SELECT query_name, ord, term, hit_count, pmids, fetch_pmids, batch_size, searches"
            " FROM sync_run_queries WHERE run_id = ? ORDER BY ord",
            [run_id],
        ).fetchall()
    return {r[0]: Plan(r[0], r[1], r[2], r[3], tuple(r[4]), tuple(r[5]), r[6], r[7]) for r in rows}


def done_batches(con: duckdb.DuckDBPyConnection, run_id: str) -> dict[tuple[str, int], int]:
    """(query name, batch number) → records, for every batch of the run already stored."""
    with storage_errors("raw_responses"):
        rows = con.execute(
            "SELECT query_name, batch_no, record_count FROM raw_responses WHERE run_id = ?",
            [run_id],
        ).fetchall()
    return {(q, b): n for q, b, n in rows}


def record_raw(con: duckdb.DuckDBPyConnection, row: RawRow) -> None:
    """Record one stored answer; from this moment its batch is complete."""
    with transaction(con, row.path), storage_errors(row.path):
        con.execute(
            "INSERT INTO raw_responses (path, run_id, query_set, query_name, batch_no, endpoint,"
            " params, sha256, record_count, pmids, fetched_at) VALUES (?,?,?,?,?,?,?,?,?,?,?)",
            [
                row.path,
                row.run_id,
                row.query_set,
                row.query_name,
                row.batch_no,
                row.endpoint,
                json.dumps(row.params, sort_keys=True),
                row.sha256,
                len(row.pmids),
                list(row.pmids),
                row.fetched_at,
            ],
        )


def last_success(con: duckdb.DuckDBPyConnection, query_set: str) -> datetime | None:
    """When the last complete run of ``query_set`` started searching, if there was one."""
    with storage_errors("sync_state"):
        row = con.execute(
            "SELECT last_success_at FROM sync_state WHERE query_set = ?", [query_set]
        ).fetchone()
    return row[0] if row else None


def set_success(
    con: duckdb.DuckDBPyConnection, run: Run, *, records: int, requests: int, at: datetime
) -> None:
    """Complete a run and move the query set's incremental window, in one transaction."""
    with transaction(con, "sync_state"), storage_errors("sync_state"):
        con.execute(
            "UPDATE sync_runs SET status = 'complete', finished_at = ?,"
            " requests = requests + ?, error = NULL WHERE run_id = ?",
            [at, requests, run.run_id],
        )
        con.execute(
            "INSERT OR REPLACE INTO sync_state VALUES (?, ?, ?, ?)",
            [run.query_set, run.run_id, run.started_at, records],
        )


def pending_raw(con: duckdb.DuckDBPyConnection, query_set: str | None = None) -> list[str]:
    """Stored answers not yet ingested, oldest first (a later revision then wins)."""
    sql = "SELECT path FROM raw_responses WHERE NOT ingested"
    params: list[object] = []
    if query_set is not None:
        sql += " AND query_set = ?"
        params.append(query_set)
    with storage_errors("raw_responses"):
        rows = con.execute(sql + " ORDER BY fetched_at, path", params).fetchall()
    return [r[0] for r in rows]


def mark_ingested(con: duckdb.DuckDBPyConnection, paths: Iterable[str], *, at: datetime) -> int:
    """Flag stored answers as ingested; returns how many rows changed."""
    chosen: Sequence[str] = list(paths)
    if not chosen:
        return 0
    with transaction(con, "raw_responses"), storage_errors("raw_responses"):
        row = con.execute(
            "UPDATE raw_responses SET ingested = true, ingested_at = ?"
            " WHERE path IN (SELECT unnest(?)) AND NOT ingested RETURNING path",
            [at, list(chosen)],
        ).fetchall()
    return len(row)
