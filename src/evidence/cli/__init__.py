"""The front end: every typer and rich line of `evidence` lives in this package.

    app        the typer app, its commands in help order, the entry point `main`
    console    the consoles, errors as one line and an exit status, progress bars
    ingest     ingest, baseline, stats
    sync       sync, review
    claims     check, forget, draft
    report     report

Commands parse options, call one function of `evidence.pipeline` and print what it returns;
the stage packages below return results and never print or exit.
"""

from evidence.cli.app import app, main
from evidence.cli.console import handle_errors

__all__ = ["app", "handle_errors", "main"]
