"""The topic set's two scripts: asking for help never draws the halves, a missing source
folder is named, and a shared run of words is caught."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

TOPIC = Path(__file__).resolve().parent / "topic"


def run(script: str, *args: str) -> subprocess.CompletedProcess[str]:
    return subprocess.run(
        [sys.executable, str(TOPIC / script), *args], capture_output=True, text=True, check=False
    )


def test_make_split_help_prints_usage_and_writes_nothing() -> None:
    before = (TOPIC / "split.txt").read_bytes()
    done = run("make_split.py", "--help")
    assert done.returncode == 0 and "make_split.py" in done.stderr
    assert run("make_split.py", "--draw").returncode == 2
    assert (TOPIC / "split.txt").read_bytes() == before


def test_check_overlap_names_a_missing_source_folder(tmp_path: Path) -> None:
    done = run("check_overlap.py", str(tmp_path / "nowhere"))
    assert done.returncode == 2 and "nowhere: no such folder" in done.stderr
    assert run("check_overlap.py", "--help").returncode == 0


def test_check_overlap_catches_a_shared_run(tmp_path: Path) -> None:
    record = sorted(p for p in (TOPIC / "records").iterdir() if p.is_dir())[0]
    sys.path.insert(0, str(TOPIC))
    try:
        from check_overlap import record_text, words
    finally:
        sys.path.pop(0)
    copied = " ".join(words(record_text(record / "record.xml"))[:12])
    (tmp_path / f"{record.name}.txt").write_text(f"Something else. {copied} and more.")
    done = run("check_overlap.py", str(tmp_path), record.name)
    assert done.returncode == 1 and f"{record.name}: shares" in done.stdout
    (tmp_path / f"{record.name}.txt").write_text("Nothing the record says at all, in any order.")
    assert run("check_overlap.py", str(tmp_path), record.name).returncode == 0
