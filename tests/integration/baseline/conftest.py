"""Fixtures for the baseline tests: a data folder, and a small SYNTHETIC release made by
bench/scale_bench.py (baseline files, then update files with revisions and deletions)."""

from __future__ import annotations

import importlib.util
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest

from evidence.config import Settings

REPO = Path(__file__).resolve().parents[3]


def _bench() -> ModuleType:
    spec = importlib.util.spec_from_file_location("scale_bench", REPO / "bench" / "scale_bench.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def bench() -> ModuleType:
    """bench/scale_bench.py: make_file_set writes a release, check_warehouse checks a load."""
    return _bench()


@pytest.fixture(scope="session")
def release(tmp_path_factory: pytest.TempPathFactory, bench: ModuleType) -> tuple[Path, Any]:
    """6 files of 60 records: 4 baseline files, then 2 update files."""
    folder = tmp_path_factory.mktemp("release")
    plan = bench.make_file_set(folder, 6, 60, seed=7)
    return folder, plan


@pytest.fixture
def settings(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Settings:
    """A data folder with the repository's vocabulary and query sets, and a fresh warehouse."""
    data = tmp_path / "data"
    data.mkdir()
    for name in ("vocab", "queries"):
        (data / name).symlink_to(REPO / "data" / name, target_is_directory=True)
    monkeypatch.setenv("EVIDENCE_DATA_DIR", str(data))
    return Settings.from_env(db_path=tmp_path / "w.duckdb")
