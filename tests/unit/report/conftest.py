"""Fixtures of the report tests: a warehouse of the synthetic sample with the seed claims
checked (the lead may hoist this into tests/conftest.py; browser and notebook tests build the
same one)."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.claims.command import check_claims
from evidence.config import Settings
from evidence.pipeline import ingest_paths

REPO = Path(__file__).resolve().parents[3]
SEED_CLAIMS = REPO / "data" / "claims" / "trigger-point-article.yaml"


@pytest.fixture(scope="session")
def sample_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    files = sorted((REPO / "data" / "sample").glob("pubmed-sample-*.xml"))
    if not files:
        pytest.skip("data/sample has no pubmed-sample-*.xml files")
    settings = Settings.from_env({}, db_path=tmp_path_factory.mktemp("sample") / "e.duckdb")
    summary = ingest_paths(settings, files)
    assert summary.ok, summary.errors
    check_claims(settings, SEED_CLAIMS)
    return settings
