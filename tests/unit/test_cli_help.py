"""The `evidence` help text: flags show no value type (no ``--help <bool>``), and option
help in brackets is not eaten by rich markup (``[default: ...]`` vanished)."""

from __future__ import annotations

import re

import pytest
from typer.testing import CliRunner

from evidence.cli import app

COMMANDS = ["ingest", "stats", "sync", "check", "forget", "report", "review", "baseline", "draft"]


def _help(*args: str) -> str:
    result = CliRunner().invoke(app, [*args, "--help"], env={"COLUMNS": "200"})
    assert result.exit_code == 0, result.output
    return result.output


@pytest.mark.parametrize("command", ["", *COMMANDS])
def test_flags_show_no_value_type(command: str) -> None:
    text = _help(*filter(None, [command]))
    assert "<bool>" not in text
    assert re.search(r"--help\s+Show this message and exit", text)


def test_a_flag_of_a_command_and_options_with_values() -> None:
    text = _help("ingest")
    assert re.search(r"--force\s+Re-ingest files", text)
    assert re.search(r"--db\s+<path>\s+DuckDB warehouse", text)  # options with values keep theirs


@pytest.mark.parametrize("command", ["sync", "check", "forget", "report", "baseline", "stats"])
def test_the_default_warehouse_is_named(command: str) -> None:
    assert "$EVIDENCE_DB, else data/evidence.duckdb" in _help(command)
