"""Prefect flow ``baseline_ingest``: NLM baseline and update files → the warehouse, at scale.

The same job as ``evidence baseline``: one task per file parses it into Parquet partitions on
the flow's task runner, and the flow itself is the one writer that loads them in file order
(`evidence.pipeline.baseline`). The task runner is chosen from the parameters:

- ``dask_address="tcp://host:8786"``: a running Dask cluster (``DaskTaskRunner(address=...)``);
  its workers must see the files and ``data/work/`` at the same paths and have ``evidence``
  installed;
- ``workers`` > 1: a local Dask cluster of that many single-threaded worker processes;
- ``workers=1``: one thread beside the writer.

Run once with ``python -m flows.baseline FOLDER [WORKERS]``. With a Dask cluster you run
yourself (here a local one, the same shape as a remote cluster)::

    import dask
    from distributed import LocalCluster
    from evidence.baseline import WORKER_CONFIG

    with dask.config.set(WORKER_CONFIG):  # no statistical profiler: flat worker memory
        cluster = LocalCluster(n_workers=4, threads_per_worker=1)
    baseline_ingest("data/baseline", dask_address=cluster.scheduler_address)
"""

from __future__ import annotations

import sys
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path

import dask
from prefect import flow, get_client, get_run_logger, task
from prefect.cache_policies import NO_CACHE
from prefect.settings import PREFECT_API_URL, temporary_settings
from prefect.task_runners import TaskRunner, ThreadPoolTaskRunner
from prefect_dask import DaskTaskRunner

from evidence import pipeline
from evidence.baseline import (
    WORKER_CONFIG,
    BaselineSummary,
    load_topic_filter,
    parse_to_parquet,
)
from evidence.config import Settings

__all__ = ["baseline_ingest", "task_runner"]

parse_task = task(
    parse_to_parquet, name="parse baseline file", task_run_name="parse {path.name}",
    cache_policy=NO_CACHE,
)  # fmt: skip


def task_runner(workers: int = 2, dask_address: str | None = None) -> TaskRunner:  # type: ignore[type-arg]
    """Where the parse tasks run: a Dask cluster at an address, a local one, or a thread."""
    if dask_address:
        return DaskTaskRunner(address=dask_address)
    if workers <= 1:
        return ThreadPoolTaskRunner(max_workers=1)
    return DaskTaskRunner(
        cluster_class="distributed.LocalCluster",
        cluster_kwargs={
            "n_workers": workers, "threads_per_worker": 1, "processes": True,
            "dashboard_address": None,
        },
    )  # fmt: skip


@contextmanager
def _one_prefect_api() -> Iterator[None]:
    """Without PREFECT_API_URL, Prefect runs a temporary API server in this process, and each
    Dask worker process would start one of its own; hand them this one instead."""
    if PREFECT_API_URL.value():
        yield
        return
    with get_client(sync_client=True) as client:
        url = str(client.api_url)
    with temporary_settings({PREFECT_API_URL: url}):
        yield


@flow(name="baseline_parse_and_load")
def parse_and_load(
    paths: list[str], filter_query_set: str | None = None, db: str | None = None
) -> BaselineSummary:
    """Parse every file on the task runner and load them in file order."""
    logger = get_run_logger()
    settings = Settings.from_env(db_path=Path(db) if db else None)
    topic = load_topic_filter(settings.queries_dir, filter_query_set) if filter_query_set else None
    summary = pipeline.baseline(
        settings,
        [Path(p) for p in paths],
        submit=parse_task.submit,
        topic=topic,
        on_file=lambda r: logger.info(r.describe(tagged=False)),
    )
    for note in summary.notes:
        logger.warning(note)
    if summary.errors:
        logger.error(f"{len(summary.not_loaded)} later files not loaded, to keep the file order")
        raise summary.errors[0]
    logger.info(summary.describe())
    return summary


@flow(name="baseline_ingest")
def baseline_ingest(
    folder_or_paths: str | list[str],
    workers: int = 2,
    dask_address: str | None = None,
    filter_query_set: str | None = None,
    db: str | None = None,
) -> BaselineSummary:
    """Load NLM baseline and update files: parse them in parallel (threads, a local Dask
    cluster or the one at dask_address), load them in file order, DeleteCitations honoured."""
    paths = [folder_or_paths] if isinstance(folder_or_paths, str) else list(folder_or_paths)
    runner = task_runner(workers, dask_address)
    # The local cluster is started inside, so its workers take WORKER_CONFIG.
    with _one_prefect_api(), dask.config.set(WORKER_CONFIG):
        return parse_and_load.with_options(task_runner=runner)(paths, filter_query_set, db)


if __name__ == "__main__":
    done = baseline_ingest(sys.argv[1], workers=int(sys.argv[2]) if len(sys.argv) > 2 else 2)
    print(done.describe())
