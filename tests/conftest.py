"""Shared fixtures: paths to the repository, the shared reference folder, a fresh warehouse."""

from __future__ import annotations

from collections.abc import Iterator
from pathlib import Path

import duckdb
import pytest
from parser_paths import NOT_BUILT, compiled_parser_built

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
        "EVIDENCE_PARSER",
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


@pytest.fixture(params=["python", "compiled"])
def record_builder(request: pytest.FixtureRequest, monkeypatch: pytest.MonkeyPatch) -> str:
    """Runs a test once with each record builder of `iter_records` (EVIDENCE_PARSER); the
    compiled run is skipped, with the reason, where the extension was not built."""
    path = str(request.param)
    if path == "compiled" and not compiled_parser_built():
        pytest.skip(NOT_BUILT)
    monkeypatch.setenv("EVIDENCE_PARSER", path)
    return path
