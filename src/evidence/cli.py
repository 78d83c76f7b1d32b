"""The `evidence` command line (typer): parses options, calls `evidence.pipeline`, prints.

Exit status: 0 success, 1 runtime failure, 2 bad input; every failure is one line on stderr
that names the file and the line or record.
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from pathlib import Path
from typing import Annotated, Any, ParamSpec, TypeVar

import typer
import typer.core
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from evidence.baseline.command import baseline_command
from evidence.claims.command import check_command, forget_command
from evidence.config import Settings
from evidence.drafting.command import draft_command
from evidence.entrez.command import sync_command
from evidence.errors import EvidenceError
from evidence.pipeline import ingest_paths
from evidence.report.command import report_command
from evidence.store import FileResult, connect

__all__ = ["app", "handle_errors", "main"]


def _no_type_for_flags() -> None:
    """Typer's rich help shows a flag's Python type as if it took a value (``--help
    <bool>``, ``--force <bool>``); its plain help does not. Show none for flags there too."""
    shown = typer.core.TyperOption.display_type_rich

    def display_type_rich(self: typer.core.TyperOption, ctx: Any) -> str | None:
        return None if self.is_flag or self.count else shown(self, ctx)

    typer.core.TyperOption.display_type_rich = display_type_rich  # type: ignore[method-assign]


_no_type_for_flags()

app = typer.Typer(
    add_completion=False,
    no_args_is_help=True,
    help="Check health claims against PubMed evidence.",
    pretty_exceptions_enable=False,
)
err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

P = ParamSpec("P")
R = TypeVar("R")

DbOption = Annotated[
    Path | None,
    typer.Option(
        "--db", help="DuckDB warehouse (default: $EVIDENCE_DB, else data/evidence.duckdb)"
    ),
]


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn an EvidenceError into one line on stderr and its exit status (1, or 2 for input)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except EvidenceError as exc:
            err.print(f"evidence: error: {exc}", markup=False, soft_wrap=True)
            raise typer.Exit(exc.exit_code) from exc

    return wrapper


def _file_line(result: FileResult) -> str:
    c = result.counts
    if result.status == "skipped":
        return f"{result.path}: already ingested (sha256 {result.sha256[:12]}), skipped"
    return (
        f"{result.path}: {result.records} records, {c.inserted} inserted, {c.updated} updated,"
        f" {c.deleted} deleted, {c.skipped} unchanged, {c.books} book records not stored,"
        f" {result.tagged} tagged in {result.seconds:.1f}s"
    )


@app.command("ingest")
@handle_errors
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
    settings = Settings.from_env(db_path=db)
    with Progress(
        TextColumn("{task.description}"),
        BarColumn(),
        DownloadColumn(),
        TimeRemainingColumn(),
        console=err,
        transient=True,
        disable=not err.is_terminal,
    ) as bar:
        tasks: dict[Path, TaskID] = {}

        def progress(path: Path, done: int, total: int) -> None:
            if path not in tasks:
                tasks[path] = bar.add_task(path.name, total=total)
            bar.update(tasks[path], completed=done)

        summary = ingest_paths(
            settings,
            paths,
            force=force,
            workers=workers,
            progress=progress,
            on_file=lambda r: err.print(_file_line(r), markup=False, soft_wrap=True),
        )
    for exc in summary.errors:
        err.print(f"evidence: error: {exc}", markup=False, soft_wrap=True)
    t = summary.totals()
    out.print(
        f"ingest: {t['files']} files loaded, {t['failed']} failed; {t['records']} records:"
        f" {t['inserted']} inserted, {t['updated']} updated, {t['deleted']} deleted,"
        f" {t['skipped']} unchanged; {summary.retagged} re-tagged; warehouse {settings.db_path}",
        markup=False,
        soft_wrap=True,
    )
    if summary.errors:
        raise typer.Exit(max(e.exit_code for e in summary.errors))


@app.command("stats")
@handle_errors
def stats_command(db: DbOption = None) -> None:
    """Print what is in the warehouse: records, years, designs, tags, files."""
    settings = Settings.from_env(db_path=db)
    con = connect(settings.db_path, read_only=True)
    try:
        n, with_abstract, retracted, y0, y1 = con.execute(
            "SELECT count(*), count(*) FILTER (WHERE has_abstract),"
            " count(*) FILTER (WHERE is_retracted), min(pub_year), max(pub_year) FROM articles"
        ).fetchall()[0]
        out.print(f"warehouse {settings.db_path}")
        out.print(
            f"  {n} records ({with_abstract} with abstract, {retracted} retracted),"
            f" published {y0}-{y1}"
        )
        for dim in ("intervention", "condition", "design"):
            rows = con.execute(
                "SELECT value, count(DISTINCT pmid) n FROM article_tags WHERE dimension = ?"
                " GROUP BY value ORDER BY n DESC, value LIMIT 8",
                [dim],
            ).fetchall()
            shown = ", ".join(f"{v} {c}" for v, c in rows) or "none"
            out.print(f"  {dim}: {shown}")
        rows = con.execute(
            "SELECT direction, count(*) FROM findings GROUP BY 1 ORDER BY 2 DESC"
        ).fetchall()
        out.print("  findings: " + (", ".join(f"{d} {c}" for d, c in rows) or "none"))
        files = con.execute(
            "SELECT count(*) FILTER (WHERE status = 'ok'), count(*) FILTER (WHERE status ="
            " 'failed') FROM ingest_runs"
        ).fetchone()
        if files:
            out.print(f"  files ingested: {files[0]} ok, {files[1]} failed")
    finally:
        con.close()


# Commands of the other stages register here, one line each.
app.command("sync")(handle_errors(sync_command))
app.command("check")(handle_errors(check_command))
app.command("forget")(handle_errors(forget_command))
app.command("report")(handle_errors(report_command))
app.command("baseline")(handle_errors(baseline_command))
app.command("draft")(handle_errors(draft_command))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="evidence")


if __name__ == "__main__":  # pragma: no cover
    main()
