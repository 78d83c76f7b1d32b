"""What the editors' report shows, read from the warehouse (report stage, I/O edge).

Reads the views ``claim_verdicts``/``claim_evidence`` and the verdict history
(``check_runs``, ``claim_verdict_changes``; through `evidence.claims.warehouse.read_verdicts`),
``article_tags``, ``articles``, ``publications_by_year`` and ``adverse_event_summary``, and,
when they exist, the ledgers ``sync_state`` (Entrez syncs) and ``ingest_runs`` (files
ingested). Returns one `ReportData`; writes nothing.
"""

from __future__ import annotations

from dataclasses import dataclass
from datetime import datetime
from typing import Any

import duckdb

from evidence.claims.warehouse import CheckedFile, read_verdicts
from evidence.models import SYNTHETIC_PMID_FLOOR, is_synthetic
from evidence.store import storage_errors
from evidence.store.queries import named_queries

__all__ = [
    "SYNTHETIC_PMID_FLOOR",
    "AdverseRow",
    "Provenance",
    "ReportData",
    "is_synthetic",
    "read_provenance",
    "read_report_data",
]

# The statements this module runs: store/sql/queries/report.sql.
SQL = named_queries("report")


@dataclass(frozen=True, slots=True)
class AdverseRow:
    """One row of ``adverse_event_summary``."""

    adverse_event: str
    intervention: str
    serious: bool
    n_records: int
    n_case_reports: int
    n_case_series: int
    n_surveys: int
    n_studies: int
    n_reviews: int
    first_year: int | None
    last_year: int | None


@dataclass(frozen=True, slots=True)
class Provenance:
    """Where the records came from and when, and whether they are synthetic."""

    n_records: int
    n_retracted: int
    first_year: int | None
    last_year: int | None
    synced: tuple[tuple[str, datetime, int], ...]  # query set, last success, records fetched
    ingested_files: int
    last_ingest: datetime | None
    n_synthetic: int

    @property
    def synthetic(self) -> bool:
        return self.n_synthetic > 0

    @property
    def all_synthetic(self) -> bool:
        return self.n_records > 0 and self.n_synthetic == self.n_records


@dataclass(frozen=True, slots=True)
class ReportData:
    """Everything one report shows."""

    files: tuple[CheckedFile, ...]
    evidence_map: tuple[tuple[str, str, int], ...]
    publications: tuple[tuple[str, int, int], ...]
    adverse_events: tuple[AdverseRow, ...]
    provenance: Provenance
    generated_at: datetime


def _exists(con: duckdb.DuckDBPyConnection, name: str) -> bool:
    row = con.execute(SQL["table_exists"], [name]).fetchone()
    return bool(row and row[0])


def _one(con: duckdb.DuckDBPyConnection, sql: str) -> tuple[Any, ...]:
    row = con.execute(sql).fetchone()
    return tuple(row) if row else ()


def read_provenance(con: duckdb.DuckDBPyConnection) -> Provenance:
    """How many records, from when, synced or ingested, and how many are synthetic."""
    row = con.execute(
        SQL["provenance"],
        [SYNTHETIC_PMID_FLOOR],
    ).fetchone()
    n, retracted, first, last, synthetic = row or (0, 0, None, None, 0)
    synced: tuple[tuple[str, datetime, int], ...] = ()
    if _exists(con, "sync_state"):
        synced = tuple(
            (str(q), at, int(k)) for q, at, k in con.execute(SQL["sync_state"]).fetchall()
        )
    files, last_ingest = 0, None
    if _exists(con, "ingest_runs"):
        files, last_ingest = _one(
            con,
            SQL["files_ingested"],
        )
    return Provenance(
        n_records=int(n),
        n_retracted=int(retracted),
        first_year=first,
        last_year=last,
        synced=synced,
        ingested_files=int(files or 0),
        last_ingest=last_ingest,
        n_synthetic=int(synthetic),
    )


def read_report_data(con: duckdb.DuckDBPyConnection, *, now: datetime) -> ReportData:
    """Read everything the report shows.

    Raises:
        StorageError: a view cannot be read.
    """
    with storage_errors("reading the report data"):
        cells = con.execute(SQL["evidence_map_cells"]).fetchall()
        years = con.execute(SQL["publications_by_year"]).fetchall()
        adverse = con.execute(SQL["adverse_events"]).fetchall()
        provenance = read_provenance(con)
    files = read_verdicts(con)
    return ReportData(
        files=tuple(files),
        evidence_map=tuple((str(i), str(c), int(n)) for i, c, n in cells),
        publications=tuple((str(i), int(y), int(n)) for i, y, n in years),
        adverse_events=tuple(AdverseRow(*row) for row in adverse),
        provenance=provenance,
        generated_at=now,
    )
