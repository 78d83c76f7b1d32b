"""After the demo, a missing warehouse points at the demo warehouse beside it (11g)."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidence.cli import app
from evidence.errors import StorageError
from evidence.store import connect

REPO = Path(__file__).resolve().parents[3]
CLAIMS = REPO / "data" / "claims" / "trigger-point-article.yaml"


@pytest.fixture
def data(tmp_path: Path) -> Path:
    """A data folder as the demo leaves it: demo.duckdb, no evidence.duckdb."""
    folder = tmp_path / "data"
    folder.mkdir()
    connect(folder / "demo.duckdb").close()
    return folder


def test_missing_warehouse_names_the_demo_beside_it(data: Path) -> None:
    missing, demo = data / "evidence.duckdb", data / "demo.duckdb"
    with pytest.raises(StorageError) as info:
        connect(missing, read_only=True)
    assert str(info.value) == (
        f"{missing}: no such warehouse; the demo wrote {demo}:"
        f" use --db {demo} (or EVIDENCE_DB={demo})"
    )


def test_without_a_demo_the_message_is_unchanged(tmp_path: Path) -> None:
    with pytest.raises(StorageError) as info:
        connect(tmp_path / "evidence.duckdb", read_only=True)
    assert str(info.value) == (
        f"{tmp_path / 'evidence.duckdb'}: no such warehouse"
        " (run `evidence ingest` or `evidence sync`)"
    )


@pytest.mark.parametrize(
    "args", [["stats"], ["report", "--out", "REPORT"], ["check", str(CLAIMS)]], ids=str
)
def test_commands_say_how_to_use_the_demo(data: Path, args: list[str]) -> None:
    missing, demo = data / "evidence.duckdb", data / "demo.duckdb"
    args = [str(data.parent / "r") if a == "REPORT" else a for a in args]
    result = CliRunner().invoke(app, [*args, "--db", str(missing)])
    assert result.exit_code == 1, result.output
    lines = result.output.strip().splitlines()
    assert lines == [
        f"evidence: error: {missing}: no such warehouse; the demo wrote {demo}:"
        f" use --db {demo} (or EVIDENCE_DB={demo})"
    ]
