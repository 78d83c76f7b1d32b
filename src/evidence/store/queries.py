"""Read-only questions about the whole warehouse, for `evidence stats`."""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path

from evidence.store.db import connect

__all__ = ["WarehouseStats", "warehouse_stats"]

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
