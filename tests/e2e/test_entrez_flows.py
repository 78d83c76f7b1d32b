"""The Prefect flows for real, on Prefect's test harness: deployments and the demo review."""

from __future__ import annotations

import asyncio
import importlib
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType

import duckdb
import pytest
from prefect.client.orchestration import get_client
from prefect.testing.utilities import prefect_test_harness

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture(scope="session")
def harness() -> Iterator[None]:
    # the temporary Prefect server may start slowly on a busy machine (tests run in parallel)
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="session")
def flows() -> Iterator[dict[str, ModuleType]]:
    """The modules of the flows package, as `python -m flows.x` imports them."""
    names = ("sync", "review", "deployments")
    yield {name: importlib.import_module(f"flows.{name}") for name in names}


@pytest.fixture
def demo_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with the repository's vocabulary, query sets and synthetic sample."""
    sample = REPO / "data" / "sample"
    if not list(sample.glob("*.xml")):
        pytest.skip(f"{sample} has no sample files yet")
    for name in ("vocab", "queries", "sample"):
        (tmp_path / name).symlink_to(REPO / "data" / name, target_is_directory=True)
    monkeypatch.setenv("EVIDENCE_DATA_DIR", str(tmp_path))
    return tmp_path


@pytest.mark.slow
def test_weekly_deployment_is_created_with_its_cron(
    harness: None, flows: dict[str, ModuleType]
) -> None:
    deployments = flows["deployments"].build_deployments()
    ids = [d.apply() for d in deployments]

    async def read() -> list[tuple[str, list[str]]]:
        async with get_client() as client:
            found = [await client.read_deployment(i) for i in ids]
            return [(d.name, [s.schedule.cron for s in d.schedules]) for d in found]

    assert asyncio.run(read()) == [("weekly", [flows["deployments"].WEEKLY]), ("pubmed-sync", [])]
    assert flows["deployments"].WEEKLY == "0 9 * * 6"


@pytest.mark.slow
def test_evidence_review_runs_end_to_end_on_the_sample(
    harness: None, flows: dict[str, ModuleType], demo_data: Path
) -> None:
    db = demo_data / "review.duckdb"
    out = flows["review"].evidence_review(db=str(db))
    again = flows["review"].evidence_review(db=str(db))
    assert out.startswith("DEMO MODE: NCBI_EMAIL is not set")
    assert "SYNTHETIC" in out
    with duckdb.connect(str(db), read_only=True) as con:
        (n, low) = con.execute("SELECT count(*), min(pmid) FROM articles").fetchone() or (0, 0)
        raw = con.execute("SELECT count(*), bool_and(ingested) FROM raw_responses").fetchone()
    assert n > 0 and low >= 90_000_001  # the synthetic sample, nothing else
    assert raw == (1, True)
    assert (demo_data / "raw" / "demo" / "query_set=trigger_point").is_dir()
    assert "(incremental" in again and "0 records in 0 raw files" in again
