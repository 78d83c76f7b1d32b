"""`evidence sync` and `evidence review`: PubMed through Entrez into the warehouse, and the
whole job (sync, ingest, check, report) in one run."""

from __future__ import annotations

from datetime import datetime
from pathlib import Path
from typing import TYPE_CHECKING, Annotated

import typer

from evidence.cli.console import exit_for, print_errors, record_progress, say, warn
from evidence.config import DEFAULT_QUERY_SET, Settings

if TYPE_CHECKING:
    from collections.abc import Callable

    from evidence.entrez import FetchSummary, SyncProgress

__all__ = ["review_command", "sync_command"]

QuerySetOption = Annotated[
    str, typer.Option("--query-set", help="Query set: a name in data/queries/ or a .yaml path")
]
SinceOption = Annotated[
    datetime | None,
    typer.Option(
        "--since",
        formats=["%Y-%m-%d"],
        help="Fetch records added or revised since this day (YYYY-MM-DD)"
        " [default: since the last complete sync, or everything]",
    ),
]
DemoDbOption = Annotated[
    Path | None,
    typer.Option(
        "--db",
        help="DuckDB warehouse (default: $EVIDENCE_DB, else"
        " data/evidence.duckdb; demo mode: data/demo.duckdb)",
    ),
]


def _moves(bar: Callable[[str, int | None, int], None]) -> Callable[[SyncProgress], None]:
    def progress(state: SyncProgress) -> None:
        bar(f"fetching {state.query_name or ''}".rstrip(), state.total_records, state.done_records)

    return progress


def _say_fetched(fetched: FetchSummary) -> None:
    say(fetched.describe())
    for name in fetched.not_pmids:
        warn(f"evidence: warning: query '{name}': {fetched.not_pmids_note(name)}")
    for row in fetched.queries:
        say(
            f"  {row.name}: {row.hits} hits, {row.to_fetch} new in this run,"
            f" {row.fetched} fetched in {row.batches} batches"
        )


def sync_command(
    query_set: QuerySetOption = DEFAULT_QUERY_SET,
    since: SinceOption = None,
    db: DemoDbOption = None,
) -> None:
    """Pull new PubMed records of a query set through Entrez (esearch with the history server,
    efetch in batches), keep the raw responses, then ingest them. Without NCBI_EMAIL it runs
    on the bundled synthetic sample (demo mode)."""
    from evidence import pipeline

    settings = Settings.from_env(db_path=db)
    with pipeline.acquiring(settings) as source:
        if source.demo:
            warn(source.note)
        with record_progress("searching") as bar:
            fetched = pipeline.fetch(
                source.settings,
                query_set,
                since=since.date() if since else None,
                raw_root=source.raw_root,
                progress=_moves(bar),
            )
        _say_fetched(fetched)
        ingested = pipeline.ingest_fetched(source.settings, query_set=fetched.query_set)
    say(ingested.describe() + f"; warehouse {source.settings.db_path}")
    print_errors(ingested.summary.errors)
    exit_for(ingested.summary.errors)


def review_command(
    query_set: QuerySetOption = DEFAULT_QUERY_SET,
    since: SinceOption = None,
    claims: Annotated[
        Path | None,
        typer.Option(
            "--claims",
            help="Claims file to check (default: data/claims/trigger-point-article.yaml)",
        ),
    ] = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Report folder (default: data/reports)")
    ] = None,
    db: DemoDbOption = None,
) -> None:
    """The whole job in one run: sync a query set, ingest and tag what is new, check the
    claims and write the report; the warehouse is published only if every step succeeds.
    Without NCBI_EMAIL it runs on the bundled synthetic sample (demo mode)."""
    from evidence import pipeline
    from evidence.claims.check import change_note, retraction_note

    settings = Settings.from_env(db_path=db)
    with record_progress("searching") as bar:
        result = pipeline.review(
            settings,
            query_set=query_set,
            since=since.date() if since else None,
            claims=claims if claims is not None else pipeline.DEFAULT_CLAIMS,
            out_dir=out,
            progress=_moves(bar),
            on_note=warn,
        )
    _say_fetched(result.fetched)
    say(result.ingested.describe() + f"; warehouse {result.db_path}")
    print_errors(result.ingested.summary.errors)
    checked = result.checked
    counts = ", ".join(f"{n} {label}" for label, n in checked.counts().items() if n)
    say(f"check: {len(checked.verdicts)} claims of {checked.claims.name}: {counts}")
    for note in (change_note(checked.history), retraction_note(checked.history)):
        if note is not None:
            say(note)
    say(f"report: wrote {result.index}")
    exit_for(result.ingested.summary.errors)
