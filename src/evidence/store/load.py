"""Bulk upsert of parsed records into the warehouse (ingest stage, write side).

Two steps, so that the first can run anywhere (a worker process, a Dask worker):

- `build_batch` (pure, pyarrow only): `Article` records → Arrow tables, one per ``pm_*``
  table, plus tags and findings when a tagger is given.
- `upsert_batch` (DuckDB): loads a batch in bulk, never row by row. A PMID is replaced
  completely (every child row, tag and finding) when the incoming copy differs and is at
  least as new (PMID Version, then DateRevised); an identical or older copy is skipped, so
  loading the same records twice changes nothing. The caller owns the transaction.

Whether a copy differs is decided by a content hash that DuckDB computes over the staged
rows of the record and all its children (vectorised, so it costs next to nothing).
"""

from __future__ import annotations

import gc
from collections.abc import Iterable, Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import UTC, datetime
from typing import TYPE_CHECKING

import pyarrow as pa

from evidence.models import Article, Finding, Tag

if TYPE_CHECKING:
    import duckdb  # annotations only: the workers that build batches never import DuckDB

__all__ = [
    "CHILD_TABLES",
    "Batch",
    "LoadCounts",
    "apply_deletion",
    "build_batch",
    "gc_paused",
    "merge_batches",
    "tag_tables",
    "upsert_articles",
    "upsert_batch",
]

CHILD_TABLES = ("pm_section", "pm_author", "pm_pubtype", "pm_mesh", "pm_link")
TAG_TABLES = ("pm_tag", "pm_finding")
# Tables keyed by pmid that a replaced or deleted record must vanish from, so that no
# orphan row outlives its record.
PMID_TABLES = ("pm_article", *CHILD_TABLES, *TAG_TABLES, "pm_tag_state")

_STR = pa.string()
_STRS = pa.list_(pa.string())
_SCHEMAS: dict[str, pa.Schema] = {
    "pm_article": pa.schema(
        [
            ("pmid", pa.int64()),
            ("version", pa.int32()),
            ("status", _STR),
            ("date_revised", pa.date32()),
            ("date_completed", pa.date32()),
            ("title", _STR),
            ("vernacular_title", _STR),
            ("abstract", _STR),
            ("journal", _STR),
            ("journal_iso", _STR),
            ("issn", _STR),
            ("pub_year", pa.int32()),
            ("pub_date", pa.date32()),
            ("pub_date_raw", _STR),
            ("languages", _STRS),
            ("doi", _STR),
            ("pmcid", _STR),
            ("keywords", _STRS),
            ("is_retracted", pa.bool_()),
        ]
    ),
    "pm_section": pa.schema(
        [
            ("pmid", pa.int64()),
            ("ord", pa.int32()),
            ("label", _STR),
            ("nlm_category", _STR),
            ("text", _STR),
        ]
    ),
    "pm_author": pa.schema(
        [
            ("pmid", pa.int64()),
            ("ord", pa.int32()),
            ("last_name", _STR),
            ("fore_name", _STR),
            ("initials", _STR),
            ("collective_name", _STR),
            ("affiliations", _STRS),
            ("orcid", _STR),
        ]
    ),
    "pm_pubtype": pa.schema(
        [("pmid", pa.int64()), ("ord", pa.int32()), ("ui", _STR), ("name", _STR)]
    ),
    "pm_mesh": pa.schema(
        [
            ("pmid", pa.int64()),
            ("ord", pa.int32()),
            ("descriptor_ui", _STR),
            ("descriptor", _STR),
            ("descriptor_major", pa.bool_()),
            ("qualifier_ui", _STR),
            ("qualifier", _STR),
            ("qualifier_major", pa.bool_()),
        ]
    ),
    "pm_link": pa.schema(
        [
            ("pmid", pa.int64()),
            ("ord", pa.int32()),
            ("ref_type", _STR),
            ("ref_pmid", pa.int64()),
            ("ref_source", _STR),
        ]
    ),
    "pm_tag": pa.schema(
        [
            ("pmid", pa.int64()),
            ("dimension", _STR),
            ("value", _STR),
            ("source", _STR),
            ("evidence", _STR),
        ]
    ),
    "pm_finding": pa.schema(
        [
            ("pmid", pa.int64()),
            ("intervention", _STR),
            ("condition", _STR),
            ("outcome", _STR),
            ("direction", _STR),
            ("design", _STR),
            ("sentence", _STR),
            ("qualifiers", _STRS),
            ("sample_size", pa.int32()),
            ("kind", _STR),
            ("comparator", _STR),
            ("events", _STRS),
            ("seriousness", _STR),
        ]
    ),
}


@contextmanager
def gc_paused() -> Iterator[None]:
    """Pause Python's cycle collector for a bulk load.

    Parsed records form no reference cycles and are freed by reference counting, but the
    tens of thousands alive in a batch make every collection walk them all: pausing the
    collector makes parsing and loading a file about a third faster (bench/ingest_bench.py).
    """
    was_enabled = gc.isenabled()
    gc.disable()
    try:
        yield
    finally:
        if was_enabled:
            gc.enable()


@dataclass(slots=True)
class LoadCounts:
    """What one load did: new PMIDs, replaced PMIDs, deleted PMIDs, records left as they were."""

    inserted: int = 0
    updated: int = 0
    deleted: int = 0
    skipped: int = 0
    books: int = 0

    def add(self, other: LoadCounts) -> None:
        self.inserted += other.inserted
        self.updated += other.updated
        self.deleted += other.deleted
        self.skipped += other.skipped
        self.books += other.books


@dataclass(slots=True)
class Batch:
    """Arrow tables for a batch of records, keyed by warehouse table name.

    ``tagger_key`` is set when the batch carries the tags and findings of every record.
    """

    tables: dict[str, pa.Table]
    tagger_key: str | None = None
    pmids: list[int] = field(default_factory=list)

    def __len__(self) -> int:
        return len(self.pmids)


def _table(name: str, rows: list[tuple[object, ...]]) -> pa.Table:
    schema = _SCHEMAS[name]
    columns = list(zip(*rows, strict=True)) if rows else [() for _ in schema.names]
    arrays = [pa.array(col, type=f.type) for col, f in zip(columns, schema, strict=True)]
    return pa.Table.from_arrays(arrays, schema=schema)


def build_batch(
    articles: Sequence[Article],
    analyses: Sequence[tuple[list[Tag], list[Finding]]] | None = None,
    *,
    tagger_key: str | None = None,
) -> Batch:
    """Arrow tables for ``articles`` (a later copy of a PMID wins); pure.

    ``analyses``, when given, holds the tags and findings of each article, in order.
    """
    latest: dict[int, int] = {}
    for i, a in enumerate(articles):
        latest.pop(a.pmid, None)
        latest[a.pmid] = i
    keep = list(latest.values())
    arts = [articles[i] for i in keep]
    rows: dict[str, list[tuple[object, ...]]] = {
        "pm_article": [
            (
                a.pmid,
                a.version,
                a.status,
                a.date_revised,
                a.date_completed,
                a.title,
                a.vernacular_title,
                a.abstract,
                a.journal,
                a.journal_iso,
                a.issn,
                a.pub_year,
                a.pub_date,
                a.pub_date_raw,
                list(a.languages),
                a.doi,
                a.pmcid,
                list(a.keywords),
                a.is_retracted,
            )
            for a in arts
        ],
        "pm_section": [
            (a.pmid, n, s.label, s.nlm_category, s.text)
            for a in arts
            for n, s in enumerate(a.abstract_sections)
        ],
        "pm_author": [
            (
                a.pmid,
                n,
                u.last_name,
                u.fore_name,
                u.initials,
                u.collective_name,
                list(u.affiliations),
                u.orcid,
            )
            for a in arts
            for n, u in enumerate(a.authors)
        ],
        "pm_pubtype": [
            (a.pmid, n, p.ui, p.name) for a in arts for n, p in enumerate(a.publication_types)
        ],
        "pm_mesh": [
            (
                a.pmid,
                n,
                h.descriptor_ui,
                h.descriptor,
                h.major_topic,
                q.ui if q else None,
                q.name if q else None,
                q.major_topic if q else None,
            )
            for a in arts
            for n, h in enumerate(a.mesh_headings)
            for q in (h.qualifiers or (None,))
        ],
        "pm_link": [
            (a.pmid, n, ln.ref_type, ln.pmid, ln.ref_source)
            for a in arts
            for n, ln in enumerate(a.links)
        ],
    }
    tables = {name: _table(name, table_rows) for name, table_rows in rows.items()}
    if analyses is not None:
        tags = [t for i in keep for t in analyses[i][0]]
        findings = [f for i in keep for f in analyses[i][1]]
        tables.update(tag_tables(tags, findings))
    return Batch(
        tables, tagger_key if analyses is not None else None, [articles[i].pmid for i in keep]
    )


def merge_batches(batches: Sequence[Batch]) -> Batch:
    """One batch holding the rows of ``batches``, which share their tables and tagger key
    and hold no PMID twice (so upserting it is the same as upserting them one by one:
    each PMID's outcome depends only on the warehouse). Pure; the tables are not copied.
    """
    if len(batches) == 1:
        return batches[0]
    first = batches[0]
    tables = {name: pa.concat_tables([b.tables[name] for b in batches]) for name in first.tables}
    return Batch(tables, first.tagger_key, [p for b in batches for p in b.pmids])


def tag_tables(tags: Iterable[Tag], findings: Iterable[Finding]) -> dict[str, pa.Table]:
    """Arrow tables for tags and findings, shaped like ``pm_tag`` and ``pm_finding``."""
    tag_rows: list[tuple[object, ...]] = [
        (t.pmid, t.dimension, t.value, t.source, t.evidence) for t in tags
    ]
    finding_rows: list[tuple[object, ...]] = [
        (
            f.pmid,
            f.intervention,
            f.condition,
            f.outcome,
            f.direction,
            f.design,
            f.sentence,
            list(f.qualifiers),
            f.sample_size,
            f.kind,
            f.comparator,
            list(f.events),
            f.seriousness,
        )
        for f in findings
    ]
    return {"pm_tag": _table("pm_tag", tag_rows), "pm_finding": _table("pm_finding", finding_rows)}


# Content hash of each staged record: its own row, xor the hash of every child row (the
# child rows carry their position, so order counts). Stored in pm_article.content_hash.
_HASH_SQL = """
INSERT INTO _stage_hash
SELECT a.pmid, {combined} AS h
FROM _s_pm_article a {joins}
"""


def _stage_hash_sql() -> str:
    combined = "hash(a)"
    for t in CHILD_TABLES:
        combined = f"xor({combined}, coalesce({t}.h, 0::UBIGINT))"
    joins = " ".join(
        f"LEFT JOIN (SELECT pmid, bit_xor(hash(c)) AS h FROM _s_{t} c GROUP BY pmid) {t}"  # noqa: S608
        " USING (pmid)"
        for t in CHILD_TABLES
    )
    return _HASH_SQL.format(combined=combined, joins=joins)


_SCRATCH = {
    "_stage_hash": "pmid BIGINT, h UBIGINT",
    "_stage_action": "pmid BIGINT, h UBIGINT, action VARCHAR",
    "_stage_changed": "pmid BIGINT",
}

_DECIDE_SQL = """
INSERT INTO _stage_action
SELECT s.pmid, s.h,
       CASE WHEN a.pmid IS NULL THEN 'insert'
            WHEN s.h = a.content_hash THEN 'same'
            WHEN n.version > a.version THEN 'update'
            WHEN n.version < a.version THEN 'older'
            WHEN coalesce(n.date_revised, DATE '0001-01-01')
                 >= coalesce(a.date_revised, DATE '0001-01-01') THEN 'update'
            ELSE 'older' END AS action
FROM _stage_hash s
JOIN _s_pm_article n USING (pmid)
LEFT JOIN pm_article a USING (pmid)
"""


def upsert_batch(con: duckdb.DuckDBPyConnection, batch: Batch, *, source: str) -> LoadCounts:
    """Insert new PMIDs of ``batch`` and replace changed ones; return the counts.

    When the batch carries tags (``batch.tagger_key``), the changed records' tags and
    findings are written too. Changed PMIDs are left in the temp table ``_stage_changed``
    for the caller (e.g. to tag them).
    """
    counts = LoadCounts()
    # Scratch tables made once per connection and emptied per batch: a table made per batch
    # would leave one catalog entry per batch in memory until the file's commit.
    for name, columns in _SCRATCH.items():
        con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} ({columns})")
        con.execute(f"DELETE FROM {name}")  # noqa: S608
    if not len(batch):
        return counts
    return _upsert_staged(con, batch, counts, source)


def _run(
    con: duckdb.DuckDBPyConnection,
    sql: str,
    tables: dict[str, pa.Table],
    params: Sequence[object] = (),
) -> None:
    """Run ``sql`` with the batch's Arrow tables readable as ``_s_<table name>``.

    DuckDB resolves a table name it does not know to the Arrow table held by a variable of
    that name in the calling frame (its replacement scan), so each table is bound to a
    local here. Unlike a registered view, this leaves nothing in the catalog: DuckDB keeps
    no reference to the batch after the statement, and the batch is freed long before the
    file's transaction ends. Copying into temp tables would do the same at twice the cost.
    """
    # each read by its name in ``sql``
    _s_pm_article = tables.get("pm_article")
    _s_pm_section = tables.get("pm_section")
    _s_pm_author = tables.get("pm_author")
    _s_pm_pubtype = tables.get("pm_pubtype")
    _s_pm_mesh = tables.get("pm_mesh")
    _s_pm_link = tables.get("pm_link")
    _s_pm_tag = tables.get("pm_tag")
    _s_pm_finding = tables.get("pm_finding")
    con.execute(sql, params)


def _upsert_staged(
    con: duckdb.DuckDBPyConnection, batch: Batch, counts: LoadCounts, source: str
) -> LoadCounts:
    tables = batch.tables
    _run(con, _stage_hash_sql(), tables)
    _run(con, _DECIDE_SQL, tables)
    rows = con.execute("SELECT action, count(*) FROM _stage_action GROUP BY action")
    by_action = dict(rows.fetchall())
    counts.inserted = int(by_action.get("insert", 0))
    counts.updated = int(by_action.get("update", 0))
    counts.skipped = len(batch) - counts.inserted - counts.updated
    if not counts.inserted + counts.updated:
        return counts
    con.execute(
        "INSERT INTO _stage_changed SELECT pmid FROM _stage_action"
        " WHERE action IN ('insert', 'update')"
    )
    if counts.updated:
        _delete_pmids(con, "_stage_changed")
    con.execute("DELETE FROM pm_deleted WHERE pmid IN (SELECT pmid FROM _stage_changed)")
    art_cols = ", ".join(_SCHEMAS["pm_article"].names)
    _run(
        con,
        f"INSERT INTO pm_article ({art_cols}, content_hash, source_file)"  # noqa: S608
        f" SELECT {', '.join('n.' + c for c in _SCHEMAS['pm_article'].names)}, x.h, ?"
        " FROM _s_pm_article n JOIN _stage_action x USING (pmid)"
        " WHERE x.action IN ('insert', 'update')",
        tables,
        [source],
    )
    for name in (*CHILD_TABLES, *TAG_TABLES):
        if name not in batch.tables:
            continue
        cols = ", ".join(_SCHEMAS[name].names)
        _run(
            con,
            f"INSERT INTO {name} ({cols}) SELECT {cols} FROM _s_{name}"  # noqa: S608
            " WHERE pmid IN (SELECT pmid FROM _stage_changed)",
            tables,
        )
    if batch.tagger_key is not None:
        con.execute(
            "INSERT INTO pm_tag_state SELECT pmid, ? FROM _stage_changed", [batch.tagger_key]
        )
    return counts


def upsert_articles(
    con: duckdb.DuckDBPyConnection, articles: Sequence[Article], *, source: str
) -> tuple[LoadCounts, list[Article]]:
    """`upsert_batch` for records in memory; also returns the articles that changed."""
    counts = upsert_batch(con, build_batch(articles), source=source)
    changed = {int(r[0]) for r in con.execute("SELECT pmid FROM _stage_changed").fetchall()}
    latest = {a.pmid: a for a in articles}
    return counts, [a for pmid, a in latest.items() if pmid in changed]


def _delete_pmids(con: duckdb.DuckDBPyConnection, relation: str) -> None:
    for name in PMID_TABLES:
        con.execute(f"DELETE FROM {name} WHERE pmid IN (SELECT pmid FROM {relation})")  # noqa: S608


def apply_deletion(con: duckdb.DuckDBPyConnection, pmids: Sequence[int], *, source: str) -> int:
    """Remove these PMIDs (and every row hanging off them); return how many were present."""
    if not pmids:
        return 0
    con.register("_stage_del", pa.table({"pmid": pa.array(sorted(set(pmids)), pa.int64())}))
    try:
        row = con.execute(
            "SELECT count(*) FROM pm_article WHERE pmid IN (SELECT pmid FROM _stage_del)"
        ).fetchone()
        present = int(row[0]) if row else 0
        _delete_pmids(con, "_stage_del")
        con.execute(
            "INSERT INTO pm_deleted SELECT d.pmid, ?, ? FROM _stage_del d"
            " WHERE d.pmid NOT IN (SELECT pmid FROM pm_deleted)",
            [source, datetime.now(UTC).replace(tzinfo=None)],
        )
        return present
    finally:
        con.unregister("_stage_del")
