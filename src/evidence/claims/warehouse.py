"""Warehouse side of claim checking: read evidence rows in, write verdicts out (I/O edge).

Reads the analyst views ``articles``, ``article_tags``, ``article_design`` and ``findings``
into `EvidenceRecord` objects (only the records about the interventions asked for, so that
a 100,000-record warehouse is not read whole). Writes ``claim_check``, ``claim_verdict``
and ``claim_citation`` (the tables behind the ``claim_verdicts`` and ``claim_evidence``
views), replacing the rows of the same claims file, and appends the run to the verdict
history (`evidence.claims.history`), all in one transaction; reads them back as `Verdict`
objects, with each file's history, for the report.
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field
from datetime import datetime
from typing import Any

import duckdb
import pyarrow as pa

from evidence.claims.claim import Citation, Claim, ClaimsFile, Verdict
from evidence.claims.history import CheckVersions, FileHistory, read_history, record_run
from evidence.claims.inputs import EvidenceBase, EvidenceRecord
from evidence.models import Finding
from evidence.store import storage_errors, transaction
from evidence.store.queries import named_queries

__all__ = [
    "CheckedFile",
    "checked_files",
    "forget_verdicts",
    "read_evidence",
    "read_verdicts",
    "write_verdicts",
]

# The statements this module runs: store/sql/queries/claims.sql.
SQL = named_queries("claims")

# Every table that holds rows of a claims file, keyed by its file name: the latest verdicts
# and the verdict history.
_FILE_TABLES = ("claim_check", "claim_verdict", "claim_citation", "claim_run_verdict", "claim_run")

_RECORDS_SQL = SQL["evidence_records"]

_FINDINGS_SQL = SQL["evidence_findings"]


def _columns(
    con: duckdb.DuckDBPyConnection, sql: str, params: dict[str, Any]
) -> dict[str, list[Any]]:
    # A cursor of its own: a pending result of the caller's connection cannot block it.
    table = con.cursor().sql(sql, params=params or None).to_arrow_table()
    return {name: table.column(name).to_pylist() for name in table.column_names}


def read_evidence(con: duckdb.DuckDBPyConnection, interventions: Collection[str]) -> EvidenceBase:
    """The records tagged with, or concluding on, any of ``interventions``.

    Raises:
        StorageError: the views cannot be read.
    """
    params = {"ids": sorted(interventions)}
    with storage_errors("reading evidence from the warehouse"):
        rows = _columns(con, _RECORDS_SQL, params)
        found = _columns(con, _FINDINGS_SQL, params)
    by_pmid: defaultdict[int, list[Finding]] = defaultdict(list)
    for index, pmid in enumerate(found["pmid"]):
        quals, events = found["qualifiers"][index], found["events"][index]
        by_pmid[pmid].append(
            Finding(
                pmid,
                found["intervention"][index],
                found["condition"][index],
                found["outcome"][index],
                found["direction"][index],
                found["design"][index],
                found["sentence"][index],
                tuple(quals) if quals else (),
                found["sample_size"][index],
                found["kind"][index] or "effect",
                found["comparator"][index],
                tuple(events) if events else (),
                found["seriousness"][index],
            )
        )
    empty: frozenset[str] = frozenset()
    records = []
    for (
        pmid,
        title,
        year,
        journal,
        retracted,
        design,
        interventions,
        conditions,
        outcomes,
        populations,
        events,
        words,
        tag_words,
        abstract,
    ) in zip(
        rows["pmid"],
        rows["title"],
        rows["pub_year"],
        rows["journal"],
        rows["is_retracted"],
        rows["design"],
        rows["interventions"],
        rows["conditions"],
        rows["outcomes"],
        rows["populations"],
        rows["events"],
        rows["event_words"],
        rows["tag_words"],
        rows["abstract"],
        strict=True,
    ):
        matched: defaultdict[tuple[str, str], list[str]] = defaultdict(list)
        for dimension, value, evidence in tag_words or ():
            matched[(dimension, value)].append(evidence)
        records.append(
            EvidenceRecord(
                pmid=pmid,
                title=title,
                pub_year=year,
                journal=journal,
                is_retracted=bool(retracted),
                design=design or "other",
                is_animal=bool(populations)
                and "animal" in populations
                and "human" not in populations,
                interventions=frozenset(interventions) if interventions else empty,
                conditions=frozenset(conditions) if conditions else empty,
                outcomes=frozenset(outcomes) if outcomes else empty,
                adverse_events=dict(zip(events, words, strict=True)) if events else {},
                findings=tuple(by_pmid.get(pmid, ())),
                abstract=tuple(t for t in abstract or () if t),
                tag_words={k: tuple(v) for k, v in matched.items()},
            )
        )
    return EvidenceBase(records)


def write_verdicts(
    con: duckdb.DuckDBPyConnection,
    claims: ClaimsFile,
    verdicts: Sequence[Verdict],
    *,
    checked_at: datetime,
    n_records: int,
    versions: CheckVersions | None = None,
) -> int:
    """Replace the stored verdicts of this claims file with ``verdicts`` and record the run
    in the verdict history, in one transaction; return the run id."""
    key = claims.name
    verdict_rows = pa.table(
        {
            "claims_file": [key] * len(verdicts),
            "ord": pa.array(range(1, len(verdicts) + 1), pa.int32()),
            "claim_id": [v.claim.id for v in verdicts],
            "claim_text": [v.claim.text for v in verdicts],
            "kind": [v.claim.kind for v in verdicts],
            "asserts": [v.claim.asserts for v in verdicts],
            "intervention": [list(v.claim.intervention) for v in verdicts],
            "condition": pa.array(
                [list(v.claim.condition) for v in verdicts], pa.list_(pa.string())
            ),
            "outcome": pa.array([list(v.claim.outcome) for v in verdicts], pa.list_(pa.string())),
            "adverse_event": pa.array(
                [list(v.claim.adverse_event) for v in verdicts], pa.list_(pa.string())
            ),
            "verdict": [v.verdict for v in verdicts],
            "grade": pa.array([v.grade for v in verdicts], pa.string()),
            "rule": [v.rule for v in verdicts],
            "n_articles": pa.array([v.n_articles for v in verdicts], pa.int32()),
            "n_supporting": pa.array([v.n_supporting for v in verdicts], pa.int32()),
            "n_refuting": pa.array([v.n_refuting for v in verdicts], pa.int32()),
            "summary": [v.summary for v in verdicts],
            "citations": pa.array(
                [[c.pmid for c in v.citations] for v in verdicts], pa.list_(pa.int64())
            ),
            "checked_at": pa.array([checked_at] * len(verdicts), pa.timestamp("us")),
            "reviewed": pa.array([v.claim.reviewed for v in verdicts], pa.bool_()),
        }
    )
    columns: dict[str, list[Any]] = {
        name: []
        for name in (
            "claim_id",
            "ord",
            "pmid",
            "pub_year",
            "design",
            "stance",
            "weight",
            "sentence",
            "sample_size",
            "note",
        )
    }
    for v in verdicts:
        for n, c in enumerate(v.citations, start=1):
            for name, value in (
                ("claim_id", v.claim.id),
                ("ord", n),
                ("pmid", c.pmid),
                ("pub_year", c.year),
                ("design", c.design),
                ("stance", c.stance),
                ("weight", c.weight),
                ("sentence", c.sentence),
                ("sample_size", c.sample_size),
                ("note", c.note),
            ):
                columns[name].append(value)
    citation_rows = pa.table(
        {
            "claims_file": pa.array([key] * len(columns["pmid"]), pa.string()),
            "claim_id": pa.array(columns["claim_id"], pa.string()),
            "ord": pa.array(columns["ord"], pa.int32()),
            "pmid": pa.array(columns["pmid"], pa.int64()),
            "pub_year": pa.array(columns["pub_year"], pa.int32()),
            "design": pa.array(columns["design"], pa.string()),
            "stance": pa.array(columns["stance"], pa.string()),
            "weight": pa.array(columns["weight"], pa.float64()),
            "sentence": pa.array(columns["sentence"], pa.string()),
            "sample_size": pa.array(columns["sample_size"], pa.int64()),
            "note": pa.array(columns["note"], pa.string()),
        }
    )
    with transaction(con, f"writing verdicts of {key}"), storage_errors(f"writing {key}"):
        for table in ("claim_check", "claim_verdict", "claim_citation"):
            con.execute(SQL["delete_file_rows"].format(table=table), [key])
        con.execute(
            SQL["insert_check"],
            [key, claims.source_title, claims.source_url, checked_at, len(verdicts), n_records],
        )
        con.register("_claim_verdict_rows", verdict_rows)
        con.register("_claim_citation_rows", citation_rows)
        try:
            con.execute(SQL["insert_verdicts"])
            con.execute(SQL["insert_citations"])
        finally:
            con.unregister("_claim_verdict_rows")
            con.unregister("_claim_citation_rows")
        run_id = record_run(
            con,
            claims,
            verdicts,
            checked_at=checked_at,
            n_records=n_records,
            versions=versions or CheckVersions(),
        )
    return run_id


def checked_files(con: duckdb.DuckDBPyConnection) -> list[str]:
    """The names of the claims files with stored verdicts or history, sorted."""
    with storage_errors("reading claim verdicts"):
        rows = con.execute(SQL["checked_files"]).fetchall()
    return [name for (name,) in rows]


def forget_verdicts(con: duckdb.DuckDBPyConnection, name: str) -> tuple[int, int]:
    """Remove the claims file ``name`` (its file name) from the warehouse: its latest
    verdicts and citations and its whole verdict history, in one transaction. Return how
    many claims and how many recorded check runs were removed."""
    with storage_errors(f"reading {name}"):
        claims = con.execute(SQL["count_verdicts_of_file"], [name]).fetchone()
        runs = con.execute(SQL["count_runs_of_file"], [name]).fetchone()
    with transaction(con, f"forgetting {name}"), storage_errors(f"forgetting {name}"):
        for table in _FILE_TABLES:
            con.execute(SQL["delete_file_rows"].format(table=table), [name])
    return (claims[0] if claims else 0), (runs[0] if runs else 0)


@dataclass(frozen=True, slots=True)
class CheckedFile:
    """The stored verdicts of one claims file, as read back for the report, with what
    changed since its previous check and which claims rested on a retracted record."""

    name: str
    source_title: str | None
    source_url: str | None
    checked_at: datetime | None
    verdicts: tuple[Verdict, ...]
    history: FileHistory = field(default_factory=FileHistory)


def read_verdicts(con: duckdb.DuckDBPyConnection) -> list[CheckedFile]:
    """Every stored claims file with its verdicts, citations (titles from ``articles``) and
    history."""
    with storage_errors("reading claim verdicts"):
        heads = con.execute(SQL["checked_heads"]).fetchall()
        verdict_rows = _columns(con, SQL["stored_verdicts"], {})
        cite_rows = _columns(
            con,
            SQL["stored_citations"],
            {},
        )
    cites: defaultdict[tuple[str, str], list[Citation]] = defaultdict(list)
    # A warehouse opened read-only before its first check by this version has no such columns.
    for added in ("sample_size", "note"):
        cite_rows.setdefault(added, [None] * len(cite_rows["pmid"]))
    for i, pmid in enumerate(cite_rows["pmid"]):
        cites[(cite_rows["claims_file"][i], cite_rows["claim_id"][i])].append(
            Citation(
                pmid=pmid,
                year=cite_rows["pub_year"][i],
                design=cite_rows["design"][i],
                stance=cite_rows["stance"][i],
                weight=cite_rows["weight"][i],
                sentence=cite_rows["sentence"][i],
                title=cite_rows["title"][i],
                sample_size=cite_rows["sample_size"][i],
                note=cite_rows["note"][i],
            )
        )
    by_file: defaultdict[str, list[Verdict]] = defaultdict(list)
    v = verdict_rows
    # a warehouse opened read-only before its first check by this version has no such column
    reviewed = v.get("reviewed") or [True] * len(v["claims_file"])
    for i, key in enumerate(v["claims_file"]):
        claim = Claim(
            id=v["claim_id"][i],
            text=v["claim_text"][i],
            kind=v["kind"][i],
            asserts=v["asserts"][i],
            intervention=tuple(v["intervention"][i]),
            condition=tuple(v["condition"][i]),
            outcome=tuple(v["outcome"][i]),
            adverse_event=tuple(v["adverse_event"][i]),
            reviewed=reviewed[i] is not False,
        )
        by_file[key].append(
            Verdict(
                claim=claim,
                verdict=v["verdict"][i],
                grade=v["grade"][i],
                rule=v["rule"][i],
                summary=v["summary"][i],
                n_articles=v["n_articles"][i],
                n_supporting=v["n_supporting"][i],
                n_refuting=v["n_refuting"][i],
                citations=tuple(cites[(key, claim.id)]),
            )
        )
    history = read_history(con)
    return [
        CheckedFile(
            name, title, url, at, tuple(by_file.get(name, ())), history.get(name, FileHistory())
        )
        for name, title, url, at in heads
    ]
