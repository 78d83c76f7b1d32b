"""The `evidence` command line (typer): parses options, calls `evidence.pipeline`, prints.

Exit status: 0 success, 1 runtime failure, 2 bad input; every failure is one line on stderr
that names the file and the line or record. Each command module imports the stages it
runs when it runs, so ``evidence --help`` loads typer and rich only.
"""

from __future__ import annotations

from typing import Any

import typer
import typer.core

from evidence.cli.claims import check_command, draft_command, forget_command
from evidence.cli.console import handle_errors
from evidence.cli.ingest import baseline_command, ingest_command, stats_command
from evidence.cli.report import report_command
from evidence.cli.sync import review_command, sync_command

__all__ = ["app", "main"]


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

# The commands, in the order of the help: the stages, then the whole job, then drafting.
for name, command in (
    ("ingest", ingest_command),
    ("stats", stats_command),
    ("sync", sync_command),
    ("check", check_command),
    ("forget", forget_command),
    ("report", report_command),
    ("review", review_command),
    ("baseline", baseline_command),
    ("draft", draft_command),
):
    app.command(name)(handle_errors(command))


def main() -> None:
    """Console-script entry point."""
    app(prog_name="evidence")


if __name__ == "__main__":  # pragma: no cover
    main()
