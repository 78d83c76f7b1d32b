"""`evidence report`: the content editors' report."""

from __future__ import annotations

from pathlib import Path
from typing import Annotated

import typer

from evidence.cli.console import DbOption
from evidence.config import Settings

__all__ = ["report_command"]


def report_command(
    db: DbOption = None,
    out: Annotated[
        Path | None, typer.Option("--out", help="Output folder (default: data/reports)")
    ] = None,
) -> None:
    """The content editors' report: one static HTML page set with plots."""
    from evidence import pipeline

    settings = Settings.from_env(db_path=db)
    index = pipeline.report(settings, out)
    typer.echo(f"report: wrote {index} and {index.with_name('evidence.html')}")
