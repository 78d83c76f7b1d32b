"""Verdict history: every `evidence check` run, and what changed since the previous one
(claim-checking stage, I/O edge).

Writes ``claim_run`` (one row per run: when, the version of the data read, the vocabulary
fingerprint, the tagger and verdict-rules versions) and ``claim_run_verdict`` (every run's
verdicts and cited PMIDs), the tables behind the ``check_runs`` and ``claim_verdict_history``
views; `record_run` is called by `evidence.claims.warehouse.write_verdicts` inside its
transaction. Reads back, per claims file, the ``claim_verdict_changes`` view (claims whose
verdict or grade changed between the last two runs, and why) and the retraction flags of
``claim_verdicts`` (`read_history`).
"""

from __future__ import annotations

import hashlib
import json
from collections import defaultdict
from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from evidence.claims.claim import Claim, ClaimsFile, Verdict
from evidence.claims.engine import RULES_VERSION
from evidence.errors import StorageError
from evidence.store import storage_errors
from evidence.store.queries import named_queries
from evidence.tagging import TAGGER_VERSION

__all__ = [
    "CheckVersions",
    "DataVersion",
    "FileHistory",
    "VerdictChange",
    "claim_digest",
    "read_data_version",
    "read_history",
    "record_run",
]

# The statements this module runs: store/sql/queries/claims.sql.
SQL = named_queries("claims")


@dataclass(frozen=True, slots=True)
class CheckVersions:
    """What, besides the data, a check run's verdicts depend on."""

    vocabulary: str | None = None  # `Vocabulary.fingerprint`; None when not known
    tagger: str | None = TAGGER_VERSION
    rules: str = RULES_VERSION


@dataclass(frozen=True, slots=True)
class DataVersion:
    """The state of the warehouse a check read: a digest, and the ledger rows behind it."""

    digest: str
    records: int
    last_ingest_run_id: int | None
    last_sync_run_id: str | None


@dataclass(frozen=True, slots=True)
class VerdictChange:
    """One row of ``claim_verdict_changes``: a claim whose verdict or grade changed."""

    claims_file: str
    claim_id: str
    ord: int
    previous_verdict: str
    verdict: str
    previous_grade: str | None
    grade: str | None
    previous_rule: str
    rule: str
    new_pmids: tuple[int, ...]
    dropped_pmids: tuple[int, ...]
    retracted_pmids: tuple[int, ...]
    deleted_pmids: tuple[int, ...]
    data_changed: bool
    vocabulary_changed: bool
    tagger_changed: bool
    rules_changed: bool
    claim_edited: bool
    why: str
    previous_checked_at: datetime
    checked_at: datetime


@dataclass(frozen=True, slots=True)
class FileHistory:
    """The latest run of a claims file, its previous run, and what changed in between.

    ``retracted`` maps a claim id to the PMIDs it rested on (cited by the latest or the
    previous run) that are now retracted.
    """

    run_id: int | None = None
    previous_run_id: int | None = None
    previous_checked_at: datetime | None = None
    changes: tuple[VerdictChange, ...] = ()
    retracted: Mapping[str, tuple[int, ...]] = field(default_factory=dict)

    @property
    def has_previous(self) -> bool:
        return self.previous_run_id is not None


# Everything a verdict is read from: records (their content hashes), deletions, tags (their
# count, and which tagger version and vocabulary wrote them), findings, and the ledgers.
_DATA_VERSION_SQL = SQL["data_version"]


def read_data_version(con: duckdb.DuckDBPyConnection) -> DataVersion:
    """The version of the data in the warehouse: equal digests mean the same evidence.

    Raises:
        StorageError: the tables cannot be read.
    """
    with storage_errors("reading the data version"):
        # fetchall, not fetchone: a result left unfinished would block the connection.
        rows = con.execute(_DATA_VERSION_SQL).fetchall()
    if not rows:  # never: an aggregate without GROUP BY returns one row
        raise StorageError("reading the data version: the warehouse returned no row")
    row = rows[0]
    digest = hashlib.sha256("|".join(str(v) for v in row).encode("utf-8")).hexdigest()[:16]
    last_ingest, last_sync = row[6], row[7]
    return DataVersion(
        digest=digest,
        records=int(row[0]),
        last_ingest_run_id=int(last_ingest) if last_ingest is not None else None,
        last_sync_run_id=str(last_sync) if last_sync is not None else None,
    )


def claim_digest(claim: Claim) -> str:
    """A digest of a claim as written (text, kind, asserts, ids): it changes when edited."""
    doc = [
        claim.text,
        claim.kind,
        claim.asserts,
        list(claim.intervention),
        list(claim.condition),
        list(claim.outcome),
        list(claim.adverse_event),
    ]
    return hashlib.sha256(json.dumps(doc).encode("utf-8")).hexdigest()[:16]


def record_run(
    con: duckdb.DuckDBPyConnection,
    claims: ClaimsFile,
    verdicts: Sequence[Verdict],
    *,
    checked_at: datetime,
    n_records: int,
    versions: CheckVersions,
) -> int:
    """Append one check run and its verdicts to the history; return its run id.

    Runs in the caller's transaction (`write_verdicts` replaces the latest verdicts in the
    same one), so the latest run of a file is always the one behind ``claim_verdicts``.
    """
    data = read_data_version(con)
    row = con.execute(
        SQL["insert_run"],
        [
            claims.name,
            checked_at,
            data.digest,
            data.records,
            data.last_ingest_run_id,
            data.last_sync_run_id,
            versions.vocabulary,
            versions.tagger,
            versions.rules,
            len(verdicts),
            n_records,
        ],
    ).fetchall()
    if not row:  # never: INSERT ... RETURNING returns the inserted row
        raise StorageError(f"recording the check run of {claims.name}: no run id returned")
    run_id = int(row[0][0])
    n = len(verdicts)
    rows = pa.table(
        {
            "run_id": pa.array([run_id] * n, pa.int64()),
            "claims_file": pa.array([claims.name] * n, pa.string()),
            "ord": pa.array(range(1, n + 1), pa.int32()),
            "claim_id": pa.array([v.claim.id for v in verdicts], pa.string()),
            "claim_digest": pa.array([claim_digest(v.claim) for v in verdicts], pa.string()),
            "verdict": pa.array([v.verdict for v in verdicts], pa.string()),
            "grade": pa.array([v.grade for v in verdicts], pa.string()),
            "rule": pa.array([v.rule for v in verdicts], pa.string()),
            "n_articles": pa.array([v.n_articles for v in verdicts], pa.int32()),
            "n_supporting": pa.array([v.n_supporting for v in verdicts], pa.int32()),
            "n_refuting": pa.array([v.n_refuting for v in verdicts], pa.int32()),
            "summary": pa.array([v.summary for v in verdicts], pa.string()),
            "citations": pa.array(
                [[c.pmid for c in v.citations] for v in verdicts], pa.list_(pa.int64())
            ),
        }
    )
    con.register("_claim_run_rows", rows)
    try:
        con.execute(SQL["insert_run_verdicts"])
    finally:
        con.unregister("_claim_run_rows")
    return run_id


_PMID_LISTS = ("new_pmids", "dropped_pmids", "retracted_pmids", "deleted_pmids")
# The view's columns by VerdictChange's field names, so that a column added to the view
# never shifts the fields.
_CHANGES_SQL = SQL["verdict_changes"].format(columns=", ".join(VerdictChange.__slots__))


def _change(row: tuple[Any, ...]) -> VerdictChange:
    values = dict(zip(VerdictChange.__slots__, row, strict=True))
    for name in _PMID_LISTS:
        values[name] = tuple(values[name] or ())
    return VerdictChange(**values)


def read_history(con: duckdb.DuckDBPyConnection) -> dict[str, FileHistory]:
    """The history of every checked claims file that has a recorded run, by file name.

    Raises:
        StorageError: the history views cannot be read.
    """
    with storage_errors("reading the verdict history"):
        runs = con.execute(SQL["latest_runs"]).fetchall()
        changes = [_change(row) for row in con.execute(_CHANGES_SQL).fetchall()]
        flags = con.execute(SQL["retracted_citations"]).fetchall()
    by_file: defaultdict[str, list[VerdictChange]] = defaultdict(list)
    for change in changes:
        by_file[change.claims_file].append(change)
    retracted: defaultdict[str, dict[str, tuple[int, ...]]] = defaultdict(dict)
    for name, claim_id, pmids in flags:
        retracted[name][claim_id] = tuple(pmids)
    history = {
        name: FileHistory(
            run_id=run_id,
            previous_run_id=previous,
            previous_checked_at=previous_at,
            changes=tuple(by_file[name]),
            retracted=retracted.pop(name, {}),
        )
        for name, run_id, previous, previous_at in runs
    }
    for name, flagged in retracted.items():  # verdicts written before runs were recorded
        history[name] = FileHistory(retracted=flagged)
    return history
