"""The DuckDB warehouse: schema, bulk upsert, tags, file ingest.

Internal tables are ``pm_*``; analysts query the views named in the evidence contract.
"""

from __future__ import annotations

from collections.abc import Iterable

import duckdb

from evidence.models import Article, BookArticle, Deletion, Record
from evidence.store.db import (
    DEMO_WAREHOUSE,
    SCHEMA_VERSION,
    connect,
    no_such_warehouse,
    storage_errors,
    transaction,
)
from evidence.store.ingest import FileResult, ingest_file, sha256_file, write_ledger
from evidence.store.load import (
    Batch,
    LoadCounts,
    apply_deletion,
    build_batch,
    upsert_articles,
    upsert_batch,
)
from evidence.store.snapshot import (
    abandon,
    creates_warehouse,
    publish_or_discard,
    publishing,
    replaced_on_success,
    work_path,
    write_atomically,
    writes_warehouse,
)
from evidence.store.tags import Tagger, load_articles, refresh_tags, tag_articles, write_tags

__all__ = [
    "DEMO_WAREHOUSE",
    "SCHEMA_VERSION",
    "Batch",
    "FileResult",
    "LoadCounts",
    "Tagger",
    "abandon",
    "apply_deletion",
    "build_batch",
    "connect",
    "creates_warehouse",
    "ingest_file",
    "load_articles",
    "no_such_warehouse",
    "publish_or_discard",
    "publishing",
    "refresh_tags",
    "replaced_on_success",
    "sha256_file",
    "storage_errors",
    "tag_articles",
    "transaction",
    "upsert_articles",
    "upsert_batch",
    "upsert_records",
    "work_path",
    "write_atomically",
    "write_ledger",
    "write_tags",
    "writes_warehouse",
]


def upsert_records(
    con: duckdb.DuckDBPyConnection,
    records: Iterable[Record],
    *,
    source: str = "<memory>",
    tagger: Tagger | None = None,
) -> LoadCounts:
    """Load records in order (deletions applied where they stand) in one transaction."""
    counts = LoadCounts()
    pending: list[Article] = []

    def flush() -> None:
        got, changed = upsert_articles(con, pending, source=source)
        counts.add(got)
        if tagger is not None and changed:
            tag_articles(con, changed, tagger)
        pending.clear()

    with transaction(con, source), storage_errors(source):
        for record in records:
            if isinstance(record, Article):
                pending.append(record)
            elif isinstance(record, Deletion):
                flush()
                counts.deleted += apply_deletion(con, record.pmids, source=source)
            elif isinstance(record, BookArticle):
                counts.books += 1
        flush()
    return counts
