"""The SQL other stages run, and read-only questions about the whole warehouse.

Every statement lives under ``store/sql/``: the schema and views (``NNN_*.sql``, run by
`connect`) and each stage's queries (``queries/<stage>.sql``, by name, `named_queries`), so
that a newcomer finds all the SQL in one tree. `warehouse_stats` answers `evidence stats`.
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field
from functools import cache
from importlib import resources
from pathlib import Path

from evidence.store.db import connect

__all__ = ["WarehouseStats", "named_queries", "warehouse_stats"]

_NAME = re.compile(r"^-- name: ([a-z_][a-z0-9_]*)\s*$", re.M)


@cache
def named_queries(stage: str) -> dict[str, str]:
    """The statements of ``sql/queries/<stage>.sql`` by name: each runs from its line
    ``-- name: NAME`` to the next such line (comments and blank lines included, which
    DuckDB ignores).

    Raises:
        ValueError: the file names a statement twice, or holds none.
    """
    text = (resources.files("evidence.store") / "sql" / "queries" / f"{stage}.sql").read_text(
        encoding="utf-8"
    )
    marks = list(_NAME.finditer(text))
    if not marks:
        raise ValueError(f"sql/queries/{stage}.sql: no '-- name:' statements")
    found: dict[str, str] = {}
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        body = text[mark.end() : after.start() if after else len(text)].strip()
        if mark.group(1) in found:
            raise ValueError(f"sql/queries/{stage}.sql: {mark.group(1)} is named twice")
        found[mark.group(1)] = body
    return found


_TOP_DIMENSIONS = ("intervention", "condition", "design")


@dataclass(frozen=True, slots=True)
class WarehouseStats:
    """Counts of records, tags, findings and ingested files."""

    records: int
    with_abstract: int
    retracted: int
    first_year: int | None
    last_year: int | None
    top_tags: dict[str, list[tuple[str, int]]] = field(default_factory=dict)
    findings: list[tuple[str, int]] = field(default_factory=list)
    files: tuple[int, int] | None = None  # ok, failed


def warehouse_stats(db_path: Path) -> WarehouseStats:
    """What the warehouse at ``db_path`` holds: records, the eight most frequent tags of
    each main dimension, findings by direction, files ingested.

    Raises:
        StorageError: there is no warehouse, or it cannot be read.
    """
    con = connect(db_path, read_only=True)
    try:
        n, with_abstract, retracted, y0, y1 = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE has_abstract),"
            " count(*) FILTER (WHERE is_retracted), min(pub_year), max(pub_year) FROM articles"
        ).fetchall()[0]
        top = {
            dim: [
                (str(v), int(c))
                for v, c in con.execute(
                    "SELECT value, count(DISTINCT pmid) n FROM article_tags WHERE dimension = ?"
                    " GROUP BY value ORDER BY n DESC, value LIMIT 8",
                    [dim],
                ).fetchall()
            ]
            for dim in _TOP_DIMENSIONS
        }
        findings = [
            (str(d), int(c))
            for d, c in con.execute(
                "SELECT direction, count(*) FROM findings GROUP BY 1 ORDER BY 2 DESC"
            ).fetchall()
        ]
        files = con.execute(
            "SELECT count(*) FILTER (WHERE status = 'ok'), count(*) FILTER (WHERE status ="
            " 'failed') FROM ingest_runs"
        ).fetchone()
    finally:
        con.close()
    return WarehouseStats(
        n, with_abstract, retracted, y0, y1, top, findings, (files[0], files[1]) if files else None
    )
