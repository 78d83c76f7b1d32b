"""Fixtures of the report tests: a warehouse of the synthetic sample with the seed claims
checked (the lead may hoist this into tests/conftest.py; browser and notebook tests build the
same one)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from warehouse_update import update_warehouse

from evidence import pipeline
from evidence.config import Settings

REPO = Path(__file__).resolve().parents[3]
SEED_CLAIMS = REPO / "data" / "claims" / "trigger-point-article.yaml"
# In the synthetic sample, trial 90000017 alone supports two claims and 90000030 one.
RETRACT, DELETE = 90000017, 90000030


@pytest.fixture(scope="session")
def sample_settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    files = sorted((REPO / "data" / "sample").glob("pubmed-sample-*.xml"))
    if not files:
        pytest.skip("data/sample has no pubmed-sample-*.xml files")
    settings = Settings.from_env({}, db_path=tmp_path_factory.mktemp("sample") / "e.duckdb")
    summary = pipeline.ingest(settings, files)
    assert summary.ok, summary.errors
    pipeline.check(settings, SEED_CLAIMS)
    return settings


@pytest.fixture(scope="session")
def rechecked_settings(
    sample_settings: Settings, tmp_path_factory: pytest.TempPathFactory
) -> Settings:
    """A copy of the sample warehouse checked again after a synthetic update that retracts
    one cited trial and deletes another (the way `evidence ingest` loads an update file)."""
    settings = replace(sample_settings, db_path=tmp_path_factory.mktemp("rechecked") / "e.duckdb")
    shutil.copy(sample_settings.db_path, settings.db_path)
    update_warehouse(settings, retract=[RETRACT], delete=[DELETE])
    pipeline.check(settings, SEED_CLAIMS)
    return settings
