"""The ``baseline_ingest`` Prefect flow on a real 2-worker Dask LocalCluster (worker processes),
under Prefect's test harness."""

from __future__ import annotations

import importlib
import os
from collections.abc import Iterator
from pathlib import Path
from types import ModuleType
from typing import Any

import pytest
from distributed import Client, LocalCluster
from prefect.task_runners import ThreadPoolTaskRunner
from prefect.testing.utilities import prefect_test_harness
from prefect_dask import DaskTaskRunner

from evidence.config import Settings
from evidence.errors import XmlParseError
from evidence.store import connect

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="module")
def flow_module() -> Iterator[ModuleType]:
    """flows/baseline.py, as `python -m flows.baseline` imports it."""
    yield importlib.import_module("flows.baseline")


@pytest.fixture(scope="module")
def harness() -> Iterator[None]:
    # the temporary Prefect server may start slowly on a busy machine (tests run in parallel)
    with prefect_test_harness(server_startup_timeout=120):
        yield


@pytest.fixture(scope="module")
def cluster() -> Iterator[Client]:
    """Two single-threaded worker processes, as `--workers 2` starts them."""
    with (
        LocalCluster(
            n_workers=2, threads_per_worker=1, processes=True, dashboard_address=None
        ) as local,
        Client(local) as client,
    ):
        yield client


@pytest.mark.slow
def test_the_flow_parses_on_the_dask_workers_and_loads_in_file_order(
    harness: None,
    flow_module: ModuleType,
    cluster: Client,
    release: tuple[Path, dict[str, Any]],
    settings: Settings,
    bench: ModuleType,
) -> None:
    folder, plan = release
    summary = flow_module.baseline_ingest(
        str(folder), dask_address=cluster.scheduler.address, db=str(settings.db_path)
    )
    assert summary.ok and len(summary.files) == len(plan["files"])
    assert [f.path.name for f in summary.files] == plan["files"]
    worker_pids = {str(pid) for pid in cluster.run(os.getpid).values()}
    parsed_in = {p.worker.rsplit(":", 1)[1] for p in summary.partitions}
    assert parsed_in <= worker_pids and str(os.getpid()) not in parsed_in
    assert bench.check_warehouse(settings.db_path, plan) == []


@pytest.mark.parametrize(
    ("workers", "address", "expected"),
    [
        (1, None, ThreadPoolTaskRunner),
        (2, None, DaskTaskRunner),
        (1, "tcp://x:8786", DaskTaskRunner),
    ],
    ids=["one-thread", "local-cluster", "address"],
)
def test_the_task_runner_follows_the_parameters(
    flow_module: ModuleType, workers: int, address: str | None, expected: type
) -> None:
    runner = flow_module.task_runner(workers, address)
    assert isinstance(runner, expected)
    if isinstance(runner, DaskTaskRunner) and address is None:
        assert runner.cluster_kwargs["n_workers"] == workers


@pytest.mark.slow
def test_a_bad_file_fails_the_flow_with_its_one_line_error(
    harness: None,
    flow_module: ModuleType,
    release: tuple[Path, dict[str, Any]],
    settings: Settings,
    tmp_path: Path,
) -> None:
    folder, plan = release
    bad = tmp_path / plan["files"][1]
    bad.write_text("not xml\n", encoding="utf-8")
    paths = [str(folder / plan["files"][0]), str(bad)]
    with pytest.raises(XmlParseError, match=rf"^{bad}:1: "):
        flow_module.baseline_ingest(paths, workers=1, db=str(settings.db_path))
    con = connect(settings.db_path, read_only=True)
    ledger = con.execute("SELECT file, status FROM ingest_runs ORDER BY run_id").fetchall()
    con.close()
    assert ledger == [(paths[0], "ok"), (str(bad), "failed")]
