"""A digest of what analysts see in a warehouse, to compare two warehouses or two moments."""

from __future__ import annotations

from pathlib import Path

from evidence.store import connect

VIEWS = (
    "articles",
    "abstract_sections",
    "authors",
    "publication_types",
    "mesh_headings",
    "article_tags",
    "findings",
)


def view_digest(db: Path) -> list[object]:
    """Row count and order-free hash of each analyst view, then the deleted PMIDs."""
    con = connect(db, read_only=True)
    try:
        return [
            con.execute(f"SELECT count(*), sum(hash(t)) FROM {view} t").fetchone()  # noqa: S608
            for view in VIEWS
        ] + [con.execute("SELECT pmid FROM pm_deleted ORDER BY pmid").fetchall()]
    finally:
        con.close()
