"""`evidence ingest`, `evidence baseline` and `evidence stats`: files into the warehouse, and
what the warehouse holds. The stage code is imported when a command runs, not for --help."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from evidence.cli.console import (
    DbOption,
    exit_for,
    file_progress,
    print_errors,
    say,
    warn,
)
from evidence.config import Settings

__all__ = ["baseline_command", "ingest_command", "stats_command"]

# How the ingest summary and `evidence stats` name the PubMed record builder that runs.
_BUILDERS = {
    "compiled": "XML read by the compiled record builder",
    "python": "XML read by the Python record builder",
}


def ingest_command(
    paths: Annotated[
        list[Path],
        typer.Argument(help="PubMed XML (.xml, .xml.gz) or MEDLINE text files, or folders of them"),
    ],
    db: DbOption = None,
    force: Annotated[
        bool, typer.Option("--force", help="Re-ingest files whose sha256 was seen before")
    ] = False,
    workers: Annotated[
        int | None,
        typer.Option(
            "--workers",
            min=0,
            help="Processes that parse big files in pieces (default: one per core; 0: none)",
        ),
    ] = None,
) -> None:
    """Load PubMed files (XML, plain or .gz; or MEDLINE text): parse, upsert, tag, extract
    findings. Running it twice on the same files changes nothing."""
    from evidence.ingest.ahead import no_collection_at_exit, start_ahead_into

    no_collection_at_exit()
    settings = Settings.from_env(db_path=db)
    # Before the pipeline is imported: a first file that the workers will parse has their
    # forkserver import and load the vocabulary at once, on the other core.
    start_ahead_into(paths, workers, settings)

    from evidence import pipeline
    from evidence.pubmed import parser_path

    with file_progress() as progress:
        summary = pipeline.ingest(
            settings,
            paths,
            force=force,
            workers=workers,
            progress=progress,
            on_file=lambda r: warn(r.describe()),
        )
    print_errors(summary.errors)
    t = summary.totals()
    say(
        f"ingest: {t['files']} files loaded, {t['failed']} failed; {t['records']} records:"
        f" {t['inserted']} inserted, {t['updated']} updated, {t['deleted']} deleted,"
        f" {t['skipped']} unchanged; {summary.retagged} re-tagged; warehouse {settings.db_path};"
        f" {_BUILDERS[parser_path()]}; {summary.workers_why}"
    )
    exit_for(summary.errors)


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
    db: DbOption = None,
) -> None:
    """Load NLM baseline and update files at scale: parse them in parallel, load them in file
    order (DeleteCitations honoured). Running it twice on the same files changes nothing."""
    from evidence import pipeline
    from evidence.baseline import load_topic_filter, open_submit

    settings = Settings.from_env(db_path=db)
    topic = load_topic_filter(settings.queries_dir, filter_query_set) if filter_query_set else None
    with open_submit(workers, dask_address) as submit:
        summary = pipeline.baseline(
            settings,
            paths,
            submit=submit,
            topic=topic,
            on_file=lambda r: warn(r.describe(tagged=False)),
        )
    for note in summary.notes:
        warn(f"evidence: warning: {note}")
    print_errors(summary.errors)
    if summary.not_loaded:
        warn(
            f"evidence: {len(summary.not_loaded)} later files not loaded, to keep the file"
            " order; fix the file above and run again (files already parsed are reused)"
        )
    say(f"{summary.describe()}; warehouse {settings.db_path}")
    exit_for(summary.errors)


def stats_command(db: DbOption = None) -> None:
    """Print what is in the warehouse: records, years, designs, tags, files."""
    from evidence.pubmed import parser_path
    from evidence.store.queries import warehouse_stats

    settings = Settings.from_env(db_path=db)
    stats = warehouse_stats(settings.db_path)
    say(f"warehouse {settings.db_path}")
    say(
        f"  {stats.records} records ({stats.with_abstract} with abstract,"
        f" {stats.retracted} retracted), published {stats.first_year}-{stats.last_year}"
    )
    for dim, rows in stats.top_tags.items():
        shown = ", ".join(f"{v} {c}" for v, c in rows) or "none"
        say(f"  {dim}: {shown}")
    say("  findings: " + (", ".join(f"{d} {c}" for d, c in stats.findings) or "none"))
    if stats.files is not None:
        say(f"  files ingested: {stats.files[0]} ok, {stats.files[1]} failed")
    say(f"  this install: {_BUILDERS[parser_path()]}")
