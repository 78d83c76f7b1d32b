"""Fixtures of the claim-checking tests: the project's vocabulary and reference data."""

from __future__ import annotations

from pathlib import Path

import pytest
from claim_builders import REPO, SEED_CLAIMS

from evidence.claims.check import load_reference
from evidence.claims.reference import ReferenceData
from evidence.config import Settings
from evidence.tagging import Vocabulary, load_vocabulary


@pytest.fixture(scope="session")
def settings() -> Settings:
    """Settings on the repository's data folder (vocabulary, definitions, payer table)."""
    return Settings.from_env({}, db_path=Path(":memory:"))


@pytest.fixture(scope="session")
def vocab(settings: Settings) -> Vocabulary:
    return load_vocabulary(settings.vocab_dir)


@pytest.fixture(scope="session")
def reference(settings: Settings, vocab: Vocabulary) -> ReferenceData:
    return load_reference(settings, vocab)


@pytest.fixture(scope="session")
def sample_db(tmp_path_factory: pytest.TempPathFactory, settings: Settings) -> Path:
    """A warehouse of the synthetic sample (data/sample) with the seed claims checked."""
    from dataclasses import replace

    from evidence import pipeline

    files = sorted((REPO / "data" / "sample").glob("pubmed-sample-*.xml"))
    if not files:
        pytest.skip("data/sample has no pubmed-sample-*.xml files")
    db = tmp_path_factory.mktemp("sample") / "evidence.duckdb"
    summary = pipeline.ingest(replace(settings, db_path=db), files)
    assert summary.ok, summary.errors
    pipeline.check(replace(settings, db_path=db), SEED_CLAIMS)
    return db
