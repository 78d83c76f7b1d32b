"""The worker pool starts before the caller loads its vocabulary, only for a file that
will be parsed in pieces; its workers load their tagger then unless the file is forced."""

from __future__ import annotations

from pathlib import Path
from typing import Any, cast

from evidence.ingest.engine import FileJob, LocalExecutor
from evidence.ingest.pool import WorkerPool


class _Pool:
    def __init__(self) -> None:
        self.starts: list[bool] = []

    def start(self, *, warm: bool = False) -> None:
        self.starts.append(warm)


def _executor(pool: _Pool, min_bytes: int = 100) -> LocalExecutor:
    return LocalExecutor(pool=cast(WorkerPool, cast(Any, pool)), parallel_min_bytes=min_bytes)


def _xml(path: Path, size: int) -> Path:
    path.write_bytes(b"<?xml version='1.0'?>\n<PubmedArticleSet>" + b" " * size)
    return path


def test_a_big_new_file_starts_warm_workers(tmp_path: Path) -> None:
    pool = _Pool()
    _executor(pool).start_early(FileJob(_xml(tmp_path / "a.xml", 200), "x"))
    assert pool.starts == [True]


def test_a_forced_file_starts_workers_without_their_tagger(tmp_path: Path) -> None:
    pool = _Pool()
    _executor(pool).start_early(FileJob(_xml(tmp_path / "a.xml", 200), "x", known=True))
    assert pool.starts == [False]


def test_no_start_for_a_skipped_small_or_medline_file(tmp_path: Path) -> None:
    pool = _Pool()
    executor = _executor(pool)
    executor.start_early(FileJob(_xml(tmp_path / "a.xml", 200), "x", skip=True, known=True))
    executor.start_early(FileJob(_xml(tmp_path / "b.xml", 10), "x"))
    medline = tmp_path / "c.txt"
    medline.write_text("PMID- 1\nOWN - NLM\nTI  - A title\n" + " " * 200)
    executor.start_early(FileJob(medline, "x"))
    assert pool.starts == []
    LocalExecutor().start_early(FileJob(_xml(tmp_path / "d.xml", 200), "x"))  # no pool
