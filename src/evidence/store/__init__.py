"""The DuckDB warehouse: connection, schema, bulk upsert, tags, publishing.

Internal tables are ``pm_*``; analysts query the views named in the evidence contract.

The names are imported on first use (PEP 562), not with the package: a process that needs
only `evidence.store.load` (the parallel ingest's workers build Arrow batches with it) does
not import DuckDB.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING

from evidence.lazy import lazy_names

if TYPE_CHECKING:
    import duckdb

    from evidence.models import Record
    from evidence.store.db import (
        DEMO_WAREHOUSE,
        SCHEMA_VERSION,
        connect,
        no_such_warehouse,
        storage_errors,
        transaction,
    )
    from evidence.store.load import (
        Batch,
        LoadCounts,
        apply_deletion,
        build_batch,
        upsert_articles,
        upsert_batch,
    )
    from evidence.store.snapshot import (
        WorkCopy,
        publishing,
        replaced_on_success,
        work_path,
        write_atomically,
    )
    from evidence.store.tags import Tagger, load_articles, refresh_tags, tag_articles, write_tags

__all__ = [
    "DEMO_WAREHOUSE",
    "SCHEMA_VERSION",
    "Batch",
    "LoadCounts",
    "Tagger",
    "WorkCopy",
    "apply_deletion",
    "build_batch",
    "connect",
    "load_articles",
    "no_such_warehouse",
    "publishing",
    "refresh_tags",
    "replaced_on_success",
    "storage_errors",
    "tag_articles",
    "transaction",
    "upsert_articles",
    "upsert_batch",
    "upsert_records",
    "work_path",
    "write_atomically",
    "write_tags",
]

# name -> the module that defines it
_WHERE = {
    **dict.fromkeys(
        (
            "DEMO_WAREHOUSE",
            "SCHEMA_VERSION",
            "connect",
            "no_such_warehouse",
            "storage_errors",
            "transaction",
        ),
        "evidence.store.db",
    ),
    **dict.fromkeys(
        (
            "Batch",
            "LoadCounts",
            "apply_deletion",
            "build_batch",
            "upsert_articles",
            "upsert_batch",
        ),
        "evidence.store.load",
    ),
    **dict.fromkeys(
        ("WorkCopy", "publishing", "replaced_on_success", "work_path", "write_atomically"),
        "evidence.store.snapshot",
    ),
    **dict.fromkeys(
        ("Tagger", "load_articles", "refresh_tags", "tag_articles", "write_tags"),
        "evidence.store.tags",
    ),
}


def upsert_records(
    con: duckdb.DuckDBPyConnection,
    records: Iterable[Record],
    *,
    source: str = "<memory>",
    tagger: Tagger | None = None,
) -> LoadCounts:
    """Load records in order (deletions applied where they stand) in one transaction."""
    from evidence.models import Article, BookArticle, Deletion
    from evidence.store.db import storage_errors, transaction
    from evidence.store.load import LoadCounts, apply_deletion, upsert_articles
    from evidence.store.tags import tag_articles

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


__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__)
