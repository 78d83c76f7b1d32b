"""What every command shares: the two consoles, errors as one line and an exit status,
and progress bars.

Exit status: 0 success, 1 runtime failure, 2 bad input; every failure is one line on stderr
that names the file and the line or record.
"""

from __future__ import annotations

import functools
from collections.abc import Callable, Iterator, Sequence
from contextlib import contextmanager
from pathlib import Path
from typing import Annotated, ParamSpec, TypeVar

import typer
from rich.console import Console
from rich.progress import (
    BarColumn,
    DownloadColumn,
    MofNCompleteColumn,
    Progress,
    TaskID,
    TextColumn,
    TimeRemainingColumn,
)

from evidence.errors import EvidenceError

__all__ = [
    "DbOption",
    "err",
    "exit_for",
    "file_progress",
    "handle_errors",
    "out",
    "print_errors",
    "record_progress",
    "say",
    "warn",
]

err = Console(stderr=True, highlight=False, soft_wrap=True)
out = Console(highlight=False, soft_wrap=True)

P = ParamSpec("P")
R = TypeVar("R")

DB_HELP = "DuckDB warehouse (default: $EVIDENCE_DB, else data/evidence.duckdb)"
DbOption = Annotated[Path | None, typer.Option("--db", help=DB_HELP)]


def say(line: str) -> None:
    """A result line on standard output, printed as is."""
    out.print(line, markup=False, soft_wrap=True)


def warn(line: str) -> None:
    """A line on standard error, printed as is."""
    err.print(line, markup=False, soft_wrap=True)


def handle_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Turn an EvidenceError into one line on stderr and its exit status (1, or 2 for input)."""

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except EvidenceError as exc:
            warn(f"evidence: error: {exc}")
            raise typer.Exit(exc.exit_code) from exc

    return wrapper


def print_errors(errors: Sequence[EvidenceError]) -> None:
    """The errors a stage collected and carried on after (a bad file each), a line each."""
    for exc in errors:
        warn(f"evidence: error: {exc}")


def exit_for(errors: Sequence[EvidenceError]) -> None:
    """Exit with the worst status of the collected errors; return when there are none."""
    if errors:
        raise typer.Exit(max(e.exit_code for e in errors))


@contextmanager
def file_progress() -> Iterator[Callable[[Path, int, int], None]]:
    """A bar per file of bytes read, on stderr when it is a terminal; yields the callback
    ``(path, done, total)`` that moves it."""
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

        yield progress


@contextmanager
def record_progress(first: str) -> Iterator[Callable[[str, int | None, int], None]]:
    """A bar of records done out of the total, on stderr when it is a terminal; yields the
    callback ``(description, total, done)`` that moves it."""
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
        task = bar.add_task(first, total=None)

        def progress(description: str, total: int | None, done: int) -> None:
            bar.update(task, total=total, completed=done, description=description)

        yield progress
