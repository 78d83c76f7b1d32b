"""``evidence sync`` (acquisition stage, terminal edge): the typer command function.

Registered in `evidence.cli` with one ``app.command("sync")(...)`` line. Builds the settings,
chooses live PubMed or the demo replay, shows a progress bar of records fetched out of the
total on stderr, and prints a summary: what was searched and fetched, then what was ingested.
"""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import Annotated

import typer
from rich.console import Console
from rich.progress import BarColumn, MofNCompleteColumn, Progress, TextColumn, TimeRemainingColumn

from evidence.config import Settings
from evidence.entrez.queries import DEFAULT_QUERY_SET
from evidence.entrez.replay import acquisition
from evidence.entrez.report import SyncProgress
from evidence.entrez.sync import fetch_new, ingest_fetched

__all__ = ["sync_command"]


def sync_command(
    query_set: Annotated[
        str, typer.Option("--query-set", help="Query set: a name in data/queries/ or a .yaml path")
    ] = DEFAULT_QUERY_SET,
    since: Annotated[
        datetime | None,
        typer.Option(
            "--since",
            formats=["%Y-%m-%d"],
            help="Fetch records added or revised since this day (YYYY-MM-DD)"
            " [default: since the last complete sync, or everything]",
        ),
    ] = None,
    db: Annotated[
        Path | None,
        typer.Option(
            "--db",
            help="DuckDB warehouse (default: $EVIDENCE_DB, else"
            " data/evidence.duckdb; demo mode: data/demo.duckdb)",
        ),
    ] = None,
) -> None:
    """Pull new PubMed records of a query set through Entrez (esearch with the history server,
    efetch in batches), keep the raw responses, then ingest them. Without NCBI_EMAIL it runs
    on the bundled synthetic sample (demo mode)."""
    err = Console(stderr=True, highlight=False)
    out = Console(highlight=False)
    settings = Settings.from_env(db_path=db)
    with acquisition(settings) as source:
        if source.demo:
            err.print(source.note, markup=False, soft_wrap=True)
        with Progress(
            TextColumn("{task.description}"),
            BarColumn(),
            MofNCompleteColumn(),
            TextColumn("records"),
            TimeRemainingColumn(),
            console=err,
            transient=True,
            disable=not err.is_terminal,
        ) as bar:
            task = bar.add_task("searching", total=None)

            def progress(state: SyncProgress) -> None:
                bar.update(
                    task,
                    total=state.total_records,
                    completed=state.done_records,
                    description=f"fetching {state.query_name or ''}".rstrip(),
                )

            fetched = fetch_new(
                source.settings,
                query_set,
                since=since.date() if since else None,
                raw_root=source.raw_root,
                progress=progress,
            )
        out.print(fetched.describe(), markup=False, soft_wrap=True)
        for name in fetched.not_pmids:
            err.print(
                f"evidence: warning: query '{name}': {fetched.not_pmids_note(name)}",
                markup=False,
                soft_wrap=True,
            )
        for row in fetched.queries:
            out.print(
                f"  {row.name}: {row.hits} hits, {row.to_fetch} new in this run,"
                f" {row.fetched} fetched in {row.batches} batches",
                markup=False,
            )
        ingested = ingest_fetched(source.settings, query_set=fetched.query_set)
    out.print(
        ingested.describe() + f"; warehouse {source.settings.db_path}", markup=False, soft_wrap=True
    )
    for exc in ingested.summary.errors:
        err.print(f"evidence: error: {exc}", markup=False, soft_wrap=True)
    if ingested.summary.errors:
        raise typer.Exit(max(e.exit_code for e in ingested.summary.errors))
