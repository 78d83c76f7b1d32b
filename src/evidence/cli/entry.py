"""The console script's entry point (`evidence`), light to import: no typer, no rich.

`evidence ingest` of a big PubMed file into a new warehouse cuts the file into pieces for
worker processes, forked from a forkserver that imports the parse stack and loads the
vocabulary before it forks them (`evidence.ingest.ahead`). The command line's own imports
(typer, rich and the command modules, ~0.1 s) come before any command runs, so `main`
starts that forkserver first, when the arguments name such an ingest, and the two run at
once on the two cores; `evidence.cli.ingest.ingest_command` still makes the same call
(it does nothing when the forkserver runs already), for an ingest run in any other way.

Reading the arguments here is a guess made before typer reads them: only the plain forms
of the ingest command's own options are understood (``--db``, ``--workers``, ``--force``,
``--``), and anything else (``--help``, an unknown option, a bad number) starts nothing
here. A wrong guess changes no output: a forkserver started for nothing costs CPU on the
other core, and the workers take the vocabulary it holds only when its files are those
they would load (`evidence.ingest.preload.VocabSource`).
"""

from __future__ import annotations

import sys
from collections.abc import Sequence
from contextlib import suppress
from pathlib import Path
from typing import NamedTuple

__all__ = ["IngestArgs", "ingest_args", "main", "start_ingest_ahead"]


class IngestArgs(NamedTuple):
    """What `ingest_args` read: the paths, ``--db`` (None: not given) and ``--workers``
    (None: not given)."""

    paths: list[Path]
    db: Path | None
    workers: int | None


def _workers(value: str) -> int | None:
    try:
        workers = int(value)
    except ValueError:
        return None
    return workers if workers >= 0 else None


def ingest_args(argv: Sequence[str]) -> IngestArgs | None:
    """The arguments of ``evidence ingest`` in ``argv`` (the words after the program's
    name), or None when ``argv`` is not such a command or holds anything beyond its plain
    options (see the module's docstring)."""
    if not argv or argv[0] != "ingest":
        return None
    paths: list[Path] = []
    db: Path | None = None
    workers: int | None = None
    words = iter(argv[1:])
    for word in words:
        if word == "--":
            paths.extend(Path(rest) for rest in words)
            break
        if not word.startswith("-") or word == "-":
            paths.append(Path(word))
            continue
        name, eq, value = word.partition("=")
        if name == "--force" and not eq:
            continue
        if name not in ("--db", "--workers"):
            return None  # --help, another option, an abbreviation typer may refuse ...
        if not eq:
            following = next(words, None)
            if following is None:
                return None
            value = following
        if not value:
            return None
        if name == "--db":
            db = Path(value)
        else:
            workers = _workers(value)
            if workers is None:
                return None
    return IngestArgs(paths, db, workers) if paths else None


def start_ingest_ahead(argv: Sequence[str]) -> bool:
    """Start the ingest's forkserver now when ``argv`` (the words after the program's name)
    is an ``evidence ingest`` that will cut its first file into pieces for workers, into a
    warehouse it creates (`evidence.ingest.ahead.start_ahead`); return whether it did."""
    args = ingest_args(argv)
    if args is None:
        return False
    from evidence.config import Settings
    from evidence.ingest.ahead import start_ahead_into

    return start_ahead_into(args.paths, args.workers, Settings.from_env(db_path=args.db))


def main() -> None:
    """Console-script entry point: the command line (`evidence.cli.app`), after starting
    an ingest's forkserver when the arguments call for one (`start_ingest_ahead`)."""
    # A failure here is left to the command, which makes the same call (`ingest_command`)
    # and reports it as every failure of a command is reported.
    with suppress(Exception):
        start_ingest_ahead(sys.argv[1:])
    from evidence.cli.app import main as run

    run()
