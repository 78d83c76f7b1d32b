"""Shared fixtures: paths to the repository, the shared reference folder, a fresh warehouse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest

from evidence.store import connect

REPO = Path(__file__).resolve().parents[1]
SHARED = REPO.parent / "shared"


@pytest.fixture(autouse=True)
def _no_proxies_no_ncbi(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never reach a proxy or NCBI: clear proxy and NCBI settings from the environment."""
    for name in (
        "HTTP_PROXY",
        "HTTPS_PROXY",
        "ALL_PROXY",
        "http_proxy",
        "https_proxy",
        "all_proxy",
        "NCBI_EMAIL",
        "NCBI_API_KEY",
        "EVIDENCE_ENTREZ_URL",
        "EVIDENCE_DB",
        "EVIDENCE_DATA_DIR",
    ):
        monkeypatch.delenv(name, raising=False)


@pytest.fixture
def con() -> Iterator[duckdb.DuckDBPyConnection]:
    """An empty in-memory warehouse with the full schema."""
    connection = connect(":memory:")
    yield connection
    connection.close()


@pytest.fixture
def shared() -> Path:
    """The shared reference folder beside the repository; skips when it is absent."""
    if not SHARED.is_dir():
        pytest.skip(f"{SHARED} is absent: the shared reference data lives beside the repo")
    return SHARED
