"""Building the editors' report from the warehouse (report stage, edge).

Reads a warehouse file (read-only once the report views exist: the published one, or a
run's working copy inside `evidence.pipeline.review`) and writes ``index.html``,
``evidence.html`` and ``verdict-rules.html`` (docs/verdict-rules.md, which the pages'
footer links to) into the output folder (default ``data/reports/``). `data_line_of` is the
provenance sentence that `evidence check --out` pages carry.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

import duckdb

from evidence.config import PROJECT_ROOT, Settings
from evidence.report.data import read_provenance, read_report_data
from evidence.report.render import data_line, render_report
from evidence.store import connect, storage_errors, write_atomically
from evidence.store.queries import named_queries

__all__ = ["RULES_DOC", "build_report", "data_line_of"]

# The statements this module runs: store/sql/queries/report.sql.
SQL = named_queries("report")

# The rule book the report's footer links to, rendered beside index.html.
RULES_DOC = PROJECT_ROOT / "docs" / "verdict-rules.md"


def _open(db_path: Path) -> duckdb.DuckDBPyConnection:
    con = connect(db_path, read_only=True)  # StorageError when there is no warehouse
    with storage_errors(str(db_path)):
        row = con.execute(SQL["report_views_exist"]).fetchone()
    if row and row[0] == 2:
        return con
    # A warehouse written before the report views (or the verdict history) existed: one
    # read-write open adds them.
    con.close()
    connect(db_path).close()
    return connect(db_path, read_only=True)


def build_report(
    settings: Settings,
    out_dir: Path | None = None,
    *,
    now: datetime | None = None,
    db: Path | None = None,
) -> Path:
    """Write the report pages into ``out_dir`` (default ``data/reports``); return index.html.

    Reads ``db`` (default: the published warehouse, ``settings.db_path``).

    Raises:
        StorageError: the warehouse or the output folder cannot be read or written.
    """
    folder = out_dir if out_dir is not None else settings.data_dir / "reports"
    con = _open(db if db is not None else settings.db_path)
    try:
        data = read_report_data(con, now=now or datetime.now(UTC))
    finally:
        con.close()
    with storage_errors(str(RULES_DOC)):
        rules = RULES_DOC.read_text(encoding="utf-8") if RULES_DOC.is_file() else None
    pages = render_report(data, rules)
    for name, html in pages.items():
        write_atomically(folder / name, html)  # whole pages only; links replaced, not followed
    return folder / "index.html"


def data_line_of(db: Path, *, what: str) -> str:
    """The report's sentence on what data there is, read from the warehouse file ``db``
    (errors name ``what``, the warehouse as the user knows it)."""
    con = connect(db)
    try:
        with storage_errors(what):
            return data_line(read_provenance(con))
    finally:
        con.close()
