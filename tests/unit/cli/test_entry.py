"""The console script's entry starts a big ingest's forkserver before the command line
imports typer and rich, and reads only the plain forms of the ingest's options to decide."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from evidence.cli import entry
from evidence.cli.entry import IngestArgs, ingest_args, start_ingest_ahead
from evidence.ingest import ahead
from evidence.ingest.ahead import PARALLEL_MIN_BYTES


def _sized(path: Path, size: int) -> Path:
    with path.open("wb") as fh:  # sparse: no 16 MB written
        fh.write(b"<?xml version='1.0'?>\n")
        fh.truncate(size)
    return path


def test_the_ingest_commands_plain_options_are_read() -> None:
    assert ingest_args(["ingest", "a.xml"]) == IngestArgs([Path("a.xml")], None, None)
    assert ingest_args(
        ["ingest", "--workers", "2", "a.xml", "--db=w.duckdb", "--force", "b.xml"]
    ) == IngestArgs([Path("a.xml"), Path("b.xml")], Path("w.duckdb"), 2)
    assert ingest_args(["ingest", "--workers=0", "--db", "w.duckdb", "--", "--odd.xml"]) == (
        IngestArgs([Path("--odd.xml")], Path("w.duckdb"), 0)
    )


@pytest.mark.parametrize(
    "argv",
    [
        [],
        ["--help"],
        ["check", "a.xml"],
        ["ingest"],  # no file
        ["ingest", "a.xml", "--help"],
        ["ingest", "-h", "a.xml"],
        ["ingest", "a.xml", "--work", "2"],  # not an option of ours as written
        ["ingest", "a.xml", "--workers", "-1"],
        ["ingest", "a.xml", "--workers", "two"],
        ["ingest", "a.xml", "--workers"],
        ["ingest", "a.xml", "--db="],
        ["ingest", "a.xml", "--force=yes"],
    ],
)
def test_anything_else_is_no_ingest_to_start(argv: list[str]) -> None:
    assert ingest_args(argv) is None


def test_the_forkserver_starts_for_a_big_file_into_a_new_warehouse_only(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[Path | None] = []
    monkeypatch.setattr(ahead, "start_forkserver", started.append)
    monkeypatch.setattr(ahead.os, "cpu_count", lambda: 2)
    monkeypatch.setenv("EVIDENCE_DATA_DIR", str(tmp_path / "data"))
    big = str(_sized(tmp_path / "big.xml", PARALLEL_MIN_BYTES))
    small = str(_sized(tmp_path / "small.xml", 100))
    old = tmp_path / "old.duckdb"
    old.write_bytes(b"")
    new = str(tmp_path / "new.duckdb")
    assert not start_ingest_ahead(["ingest", small, "--db", new])
    assert not start_ingest_ahead(["ingest", big, "--db", str(old)])
    assert not start_ingest_ahead(["ingest", big, "--db", new, "--workers", "0"])
    assert not start_ingest_ahead(["ingest", big, "--db", new, "--help"])
    assert started == []
    assert start_ingest_ahead(["ingest", big, "--db", new])
    assert started == [tmp_path / "data" / "vocab"]


def test_main_runs_the_command_line_after_the_start(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[object] = []
    monkeypatch.setattr(entry, "start_ingest_ahead", calls.append)
    monkeypatch.setattr(sys, "argv", ["evidence", "--help"])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 0
    assert calls == [["--help"]]


def test_a_failed_start_is_left_to_the_command(monkeypatch: pytest.MonkeyPatch) -> None:
    def fail(argv: object) -> bool:
        raise OSError("no forkserver")

    monkeypatch.setattr(entry, "start_ingest_ahead", fail)
    monkeypatch.setattr(sys, "argv", ["evidence", "--help"])
    with pytest.raises(SystemExit) as done:
        entry.main()
    assert done.value.code == 0  # the command line ran


# `evidence ingest BIG --db NEW` through the console script's import: whether typer or rich
# were imported when the forkserver was asked to start (the start is stubbed, then stops).
PROBE = """
import json, sys
from evidence.ingest import ahead

def start(vocab):
    print(json.dumps(sorted(m for m in ("typer", "rich", "duckdb") if m in sys.modules)))
    raise SystemExit(0)

ahead.start_forkserver = start
from evidence.cli import main
sys.argv = ["evidence", *sys.argv[1:]]
main()
print("not started")
"""


def test_the_forkserver_is_asked_for_before_typer_and_rich_are_imported(tmp_path: Path) -> None:
    big = _sized(tmp_path / "big.xml", PARALLEL_MIN_BYTES)
    args = ["ingest", str(big), "--db", str(tmp_path / "new.duckdb"), "--workers", "2"]
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    assert json.loads(done.stdout.strip().splitlines()[-1]) == []
