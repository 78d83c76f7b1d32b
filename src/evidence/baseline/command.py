"""``evidence baseline`` (ingest stage at scale, terminal edge): the typer command function.

Registered in `evidence.cli` with one ``app.command("baseline")(...)`` line. Builds the
settings, the optional topic filter and the parse workers, runs `ingest_baseline`, prints a
line per file on stderr and the summary on stdout. Exit status 2 when a file is bad input.
"""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console

from evidence.baseline.run import ingest_baseline, open_submit
from evidence.baseline.topics import load_topic_filter
from evidence.config import Settings
from evidence.store import FileResult

__all__ = ["baseline_command", "file_line"]


def file_line(result: FileResult) -> str:
    """One line saying what loading a file did."""
    c = result.counts
    if result.status == "skipped":
        return f"{result.path}: already ingested (sha256 {result.sha256[:12]}), skipped"
    return (
        f"{result.path}: {result.records} records, {c.inserted} inserted, {c.updated} updated,"
        f" {c.deleted} deleted, {c.skipped} unchanged, {c.books} book records not stored;"
        f" loaded in {result.seconds:.1f}s"
    )


def baseline_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="Baseline and update files (pubmedYYnNNNN.xml.gz), or folders"),
    ],
    workers: Annotated[
        int,
        typer.Option(
            "--workers",
            min=1,
            help="Files parsed at once: processes of a local Dask cluster (1 = one thread)",
        ),
    ] = 2,
    dask_address: Annotated[
        str | None,
        typer.Option(
            "--dask-address",
            help="Parse on this Dask cluster (tcp://host:8786); its workers must see the files"
            " and the data folder at the same paths",
        ),
    ] = None,
    filter_query_set: Annotated[
        str | None,
        typer.Option(
            "--filter-query-set",
            help="Keep only the records that this query set matches locally (a name in"
            " data/queries/ or a .yaml path)",
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", help="DuckDB warehouse (default: $EVIDENCE_DB, else data/evidence.duckdb)"
        ),
    ] = None,
) -> None:
    """Load NLM baseline and update files at scale: parse them in parallel, load them in file
    order (DeleteCitations honoured). Running it twice on the same files changes nothing."""
    err = Console(stderr=True, highlight=False, soft_wrap=True)
    out = Console(highlight=False, soft_wrap=True)
    settings = Settings.from_env(db_path=db)
    topic = load_topic_filter(settings.queries_dir, filter_query_set) if filter_query_set else None
    with open_submit(workers, dask_address) as submit:
        summary = ingest_baseline(
            settings,
            paths,
            submit=submit,
            topic=topic,
            on_file=lambda r: err.print(file_line(r), markup=False),
        )
    for note in summary.notes:
        err.print(f"evidence: warning: {note}", markup=False)
    for exc in summary.errors:
        err.print(f"evidence: error: {exc}", markup=False)
    if summary.not_loaded:
        err.print(
            f"evidence: {len(summary.not_loaded)} later files not loaded, to keep the file"
            " order; fix the file above and run again (files already parsed are reused)",
            markup=False,
        )
    out.print(f"{summary.describe()}; warehouse {settings.db_path}", markup=False)
    if summary.errors:
        raise typer.Exit(max(e.exit_code for e in summary.errors))
