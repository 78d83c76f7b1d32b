"""Prefect flow ``pubmed_sync``: a query set → raw PubMed answers → the warehouse.

The same steps as ``evidence sync``, as two tasks over plain functions of `evidence.entrez`:
fetch what is new into ``data/raw/`` (resumable, paced and retried inside the client), then
ingest the stored answers, into one working copy published when both have succeeded.
Without ``NCBI_EMAIL`` it runs on the bundled SYNTHETIC sample through a local replay (demo
mode) and says so. Run once with ``python -m flows.sync``; schedule with
``python -m flows.deployments``.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_markdown_artifact, create_table_artifact
from prefect.cache_policies import NO_CACHE

from evidence import pipeline
from evidence.config import DEFAULT_QUERY_SET, Settings
from evidence.entrez import (
    Acquisition,
    FetchSummary,
    IngestReport,
    progress_logger,
    render_markdown,
    retry_if_transient,
)
from evidence.store import WorkCopy

__all__ = ["publish_sync_artifacts", "pubmed_sync", "sync_steps"]


fetch_task = task(
    pipeline.steps.fetch,
    name="fetch new PubMed records",
    retries=2,
    retry_delay_seconds=[60, 300],
    retry_condition_fn=retry_if_transient,
    cache_policy=NO_CACHE,
)
ingest_task = task(pipeline.steps.ingest_fetched, name="ingest raw answers", cache_policy=NO_CACHE)


def sync_steps(
    source: Acquisition, work: WorkCopy, query_set: str, since: date | None
) -> tuple[FetchSummary, IngestReport]:
    """Fetch what is new into the raw layer, then ingest it into the run's working copy
    (the two sync tasks)."""
    logger = get_run_logger()
    (logger.warning if source.demo else logger.info)(source.note)
    fetched = fetch_task(
        source.settings,
        work,
        query_set,
        since=since,
        raw_root=source.raw_root,
        progress=progress_logger(logger.info),
    )
    logger.info(fetched.describe())
    ingested = ingest_task(source.settings, work, query_set=fetched.query_set)
    logger.info(ingested.describe())
    return fetched, ingested


def publish_sync_artifacts(
    key: str, source: Acquisition, fetched: FetchSummary, ingested: IngestReport
) -> None:
    """A table of what was fetched and a markdown summary, as Prefect artifacts."""
    create_table_artifact(fetched.rows(), key=key, description=fetched.describe())
    create_markdown_artifact(
        render_markdown(fetched, ingested, note=source.note if source.demo else ""),
        key=f"{key}-summary",
        description="PubMed sync summary",
    )


@flow(name="pubmed_sync")
def pubmed_sync(
    query_set: str = DEFAULT_QUERY_SET, since: date | None = None, db: str | None = None
) -> str:
    """Pull the PubMed records of a query set that are new or revised, keep the raw answers,
    ingest them. Live with NCBI_EMAIL set; otherwise the synthetic demo sample."""
    settings = Settings.from_env(db_path=Path(db) if db else None)
    with pipeline.acquiring(settings) as source, pipeline.writing(source.settings) as work:
        fetched, ingested = sync_steps(source, work, query_set, since)
    key = f"pubmed-sync-{fetched.query_set}".replace("_", "-")
    publish_sync_artifacts(key, source, fetched, ingested)
    return f"{fetched.describe()}\n{ingested.describe()}"


if __name__ == "__main__":
    print(pubmed_sync())
