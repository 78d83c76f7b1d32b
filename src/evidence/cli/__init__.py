"""The front end: every typer and rich line of `evidence` lives in this package.

    entry      the console script's entry point `main` (starts an ingest's workers ahead)
    app        the typer app, its commands in help order
    console    the consoles, errors as one line and an exit status, progress bars
    ingest     ingest, baseline, stats
    sync       sync, review
    claims     check, forget, draft
    report     report

Commands parse options, call one function of `evidence.pipeline` and print what it returns;
the stage packages below return results and never print or exit. `app` and
`handle_errors` are imported when first asked for, so that `main` can act before typer and
rich are imported.
"""

from evidence.cli.entry import main
from evidence.lazy import lazy_names

__all__ = ["app", "handle_errors", "main"]

_WHERE = {"app": "evidence.cli.app", "handle_errors": "evidence.cli.console"}

__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__)
