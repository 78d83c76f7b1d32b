"""Schedules for the flows: ``python -m flows.deployments`` serves them until stopped.

``evidence_review`` runs weekly, on Saturday at 09:00 UTC (04:00 or 05:00 US Eastern: NCBI
asks for large jobs at weekends or at night, entrez-notes §2); ``pubmed_sync`` is served
without a schedule, to run on demand (``prefect deployment run 'pubmed_sync/pubmed-sync'``).
With no Prefect server configured (PREFECT_API_URL unset) Prefect uses its local ephemeral
API. Change the schedule here, or in the Prefect UI.
"""

from __future__ import annotations

from prefect import serve
from prefect.deployments.runner import RunnerDeployment

from flows.review import evidence_review
from flows.sync import pubmed_sync

__all__ = ["WEEKLY", "build_deployments"]

WEEKLY = "0 9 * * 6"


def build_deployments(cron: str = WEEKLY) -> list[RunnerDeployment]:
    """The weekly evidence review and the on-demand sync."""
    return [
        evidence_review.to_deployment(name="weekly", cron=cron, tags=["evidence"]),
        pubmed_sync.to_deployment(name="pubmed-sync", tags=["evidence"]),
    ]


if __name__ == "__main__":
    serve(*build_deployments())
