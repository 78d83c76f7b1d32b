"""`evidence check`, `evidence forget` and `evidence draft`: claims files in and out."""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from evidence.cli.console import DbOption, warn
from evidence.config import Settings
from evidence.errors import InputError

__all__ = ["check_command", "draft_command", "forget_command"]


def check_command(
    claims: Annotated[Path, typer.Argument(help="Claims file (YAML), see the evidence contract")],
    db: DbOption = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Also write the verdicts to FILE (.csv, .json, .md or .html)"),
    ] = None,
) -> None:
    """Judge every claim against the evidence in the warehouse; store and print the verdicts."""
    from evidence import pipeline
    from evidence.claims.check import change_note, retraction_note

    settings = Settings.from_env(db_path=db)
    result = pipeline.check(settings, claims, out=out)
    for v in result.verdicts:
        records = f"{v.n_articles} record{'' if v.n_articles == 1 else 's'}"
        typer.echo(f"{v.claim.id:<6} {v.verdict:<15} {v.grade or '-':<9} {v.rule:<3} {records:>11}")
    counts = ", ".join(f"{n} {label}" for label, n in result.counts().items() if n)
    written = f"; wrote {result.out}" if result.out else ""
    typer.echo(
        f"check: {len(result.verdicts)} claims of {result.claims.name} against"
        f" {result.n_records} records: {counts}{written}"
    )
    for note in (change_note(result.history), retraction_note(result.history)):
        if note is not None:
            typer.echo(note)


def forget_command(
    claims: Annotated[
        Path,
        typer.Argument(
            help="Claims file to remove from the report (its file name is enough: the file"
            " itself may be gone)"
        ),
    ],
    db: DbOption = None,
) -> None:
    """Remove a checked claims file (a draft, say) and its verdict history from the
    warehouse: the next `evidence report` no longer shows it."""
    from evidence import pipeline

    settings = Settings.from_env(db_path=db)
    name, n_claims, n_runs = pipeline.forget(settings, claims)
    typer.echo(
        f"forget: removed {name} from {settings.db_path}: {n_claims} claim"
        f"{'' if n_claims == 1 else 's'} and {n_runs} recorded check{'' if n_runs == 1 else 's'}"
        " (run `evidence report` to update the report)"
    )


def draft_command(
    article: Annotated[Path, typer.Argument(help="The article: .txt, .md, or a saved .html page")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the draft claims file here (default: standard output)"),
    ] = None,
) -> None:
    """Draft the claims file of a health article for an editor to review: one claim per
    checkable statement, each with the article's sentence and `reviewed: false`, and the
    statements left out with the reason."""
    from evidence import pipeline

    settings = Settings.from_env()
    draft, text = pipeline.draft(settings, article)
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{out}: cannot write: {exc.strerror or exc}") from exc
    warn(f"draft: {len(draft.claims)} claims, {len(draft.left_out)} statements left out -> {out}")
