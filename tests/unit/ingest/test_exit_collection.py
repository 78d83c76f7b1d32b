"""`evidence.ingest.ahead.no_collection_at_exit`: what a process holds when it exits is
frozen out of the collector's last passes, once per process."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path


def _run(code: str) -> object:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


def test_the_objects_alive_at_exit_are_frozen_before_the_clean_up() -> None:
    code = """
import atexit, gc, json
def report():  # registered first: runs after the callbacks registered later
    print(json.dumps([gc.get_freeze_count() > 1000, atexit._ncallbacks()]))
atexit.register(report)
from evidence.ingest.ahead import no_collection_at_exit
before = atexit._ncallbacks()
no_collection_at_exit()
no_collection_at_exit()  # once per process
assert atexit._ncallbacks() == before + 1, atexit._ncallbacks()
assert gc.get_freeze_count() == 0  # nothing frozen before the exit
"""
    frozen, _ = _run(code)  # type: ignore[misc]
    assert frozen is True


def test_an_ingest_command_still_writes_its_summary(tmp_path: Path) -> None:
    """The command's last output is flushed as before (the freeze changes no flush)."""
    folder = tmp_path
    sample = Path("data/sample/pubmed-sample-0001.xml")
    evidence = Path(sys.executable).with_name("evidence")
    out = subprocess.run(
        [str(evidence), "ingest", str(sample), "--db", str(folder / "w.duckdb")],
        check=True,
        capture_output=True,
        text=True,
    )
    assert "ingest: 1 files loaded, 0 failed" in out.stdout + out.stderr
