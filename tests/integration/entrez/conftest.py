"""Fixtures for the Entrez integration tests: a fake server, settings and a query set."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from evidence.config import Settings

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture
def make_settings(tmp_path: Path) -> Callable[..., Settings]:
    """Settings for a fresh data folder (with the repository's vocabulary) and a fake URL."""
    (tmp_path / "vocab").symlink_to(REPO / "data" / "vocab", target_is_directory=True)

    def build(url: str, **overrides: object) -> Settings:
        base = Settings(db_path=tmp_path / "warehouse.duckdb", data_dir=tmp_path, entrez_url=url)
        return Settings(**{**{f: getattr(base, f) for f in base.__dataclass_fields__}, **overrides})  # type: ignore[arg-type]

    return build
