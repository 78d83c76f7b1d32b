"""The parallel ingest's forkserver is started ahead of the ingest's own start-up only when
the first file will be cut into pieces for workers, into a warehouse the run creates."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

from evidence.ingest import ahead
from evidence.ingest.ahead import PARALLEL_MIN_BYTES, start_ahead, will_cut


def _sized(path: Path, size: int) -> Path:
    with path.open("wb") as fh:  # sparse: no 16 MB written
        fh.write(b"<?xml version='1.0'?>\n")
        fh.truncate(size)
    return path


def test_a_big_xml_file_first_will_be_cut(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(ahead.os, "cpu_count", lambda: 2)
    big = _sized(tmp_path / "a.xml", PARALLEL_MIN_BYTES)
    gz = _sized(tmp_path / "b.XML.gz", PARALLEL_MIN_BYTES)
    small = _sized(tmp_path / "c.xml", PARALLEL_MIN_BYTES - 1)
    text = _sized(tmp_path / "d.txt", PARALLEL_MIN_BYTES)
    assert will_cut([big], None) and will_cut([gz], 2) and will_cut([big, small], 1)
    assert not will_cut([big], 0)
    assert not will_cut([small, big], None)  # the first file decides
    assert not will_cut([text], None)  # MEDLINE text is read in one stream
    assert not will_cut([tmp_path], None) and not will_cut([tmp_path / "none.xml"], None)
    assert not will_cut([], None)
    monkeypatch.setattr(ahead.os, "cpu_count", lambda: 1)
    assert not will_cut([big], None) and will_cut([big], 2)


def test_nothing_starts_for_a_warehouse_that_exists_or_a_file_not_cut(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    started: list[Path | None] = []
    monkeypatch.setattr(ahead, "start_forkserver", started.append)
    big = _sized(tmp_path / "a.xml", PARALLEL_MIN_BYTES)
    assert not start_ahead([big], 2, tmp_path, fresh=False)
    assert not start_ahead([big], 0, tmp_path, fresh=True)
    assert start_ahead([big], 2, tmp_path, fresh=True)
    assert started == [tmp_path]


# Starts the forkserver ahead (without a vocabulary), then a pool, which forks its worker
# from that forkserver; prints what the worker and this process see.
MAIN = """
import json, os, sys
from pathlib import Path

def parent() -> int:
    return os.getppid()

if __name__ == "__main__":
    from multiprocessing import forkserver
    from evidence.ingest.ahead import start_ahead
    started = start_ahead([Path(sys.argv[1])], 1, None, fresh=True)
    server = forkserver._forkserver._forkserver_pid
    from evidence.ingest.pool import WorkerPool
    pool = WorkerPool(1, None)
    pool.start()
    out = [started, server is not None, pool._pool.submit(parent).result() == server]
    pool.close()
    print(json.dumps(out))
"""


def test_the_workers_are_forked_from_the_forkserver_started_ahead(tmp_path: Path) -> None:
    script = tmp_path / "main.py"
    script.write_text(MAIN, encoding="utf-8")
    big = _sized(tmp_path / "a.xml", PARALLEL_MIN_BYTES)
    out = subprocess.run(
        [sys.executable, str(script), str(big)], check=True, capture_output=True, text=True
    ).stdout
    assert json.loads(out.strip().splitlines()[-1]) == [True, True, True]
