"""How many worker processes an ingest starts, and the words its summary gives for it."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.ingest import PARALLEL_MIN_BYTES, choose_workers
from evidence.ingest import run as ingest_run


def _file(path: Path, size: int) -> Path:
    with path.open("wb") as out:
        out.truncate(size)  # sparse: no disk written
    return path


def test_a_big_file_gets_one_worker_per_core_by_default(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(ingest_run.os, "cpu_count", lambda: 2)
    big = _file(tmp_path / "big.xml", PARALLEL_MIN_BYTES)
    count, why = choose_workers(None, [_file(tmp_path / "small.xml", 10), big])
    assert count == 2
    assert why == "files of 16 MB or more cut into pieces for 2 worker processes (one per core)"


def test_workers_given_are_named_as_given(tmp_path: Path) -> None:
    big = _file(tmp_path / "big.xml", PARALLEL_MIN_BYTES)
    assert choose_workers(1, [big]) == (
        1,
        "files of 16 MB or more cut into pieces for 1 worker process (--workers 1)",
    )
    assert choose_workers(0, [big]) == (0, "read in this process (--workers 0)")


def test_small_files_and_one_core_are_read_in_this_process(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    small = _file(tmp_path / "small.xml", PARALLEL_MIN_BYTES - 1)
    assert choose_workers(None, [small, tmp_path / "missing.xml"]) == (
        0,
        "read in this process (no file of 16 MB or more)",
    )
    monkeypatch.setattr(ingest_run.os, "cpu_count", lambda: 1)
    big = _file(tmp_path / "big.xml", PARALLEL_MIN_BYTES)
    assert choose_workers(None, [big]) == (0, "read in this process (one core)")
