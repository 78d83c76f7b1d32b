"""Prefect flow ``evidence_review``, the main job: sync → ingest (with tagging) → check → report.

``python -m flows.review`` runs it once. With ``NCBI_EMAIL`` set it pulls live PubMed;
without it, it runs the same flow on the bundled SYNTHETIC sample (data/sample) served by a
local replay of the E-utilities, writes to data/demo.duckdb, and says so plainly. The steps
are tasks over `evidence.pipeline.steps`, all writing one working copy that is published
when the flow's work has succeeded (what `evidence.pipeline.review` and ``evidence review``
do without Prefect); this file adds names, logging and artifacts only.
"""

from __future__ import annotations

from datetime import date
from pathlib import Path

from prefect import flow, get_run_logger, task
from prefect.artifacts import create_table_artifact
from prefect.cache_policies import NO_CACHE

from evidence import pipeline
from evidence.claims.check import change_note, retraction_note
from evidence.config import DEFAULT_QUERY_SET, Settings
from flows.sync import publish_sync_artifacts, sync_steps

__all__ = ["evidence_review"]


check_task = task(pipeline.steps.check, name="check the claims", cache_policy=NO_CACHE)
report_task = task(pipeline.steps.report, name="write the editors' report", cache_policy=NO_CACHE)
DEFAULT_CLAIMS = pipeline.DEFAULT_CLAIMS


@flow(name="evidence_review")
def evidence_review(
    query_set: str = DEFAULT_QUERY_SET,
    since: date | None = None,
    db: str | None = None,
    claims: str = str(DEFAULT_CLAIMS),
) -> str:
    """Review the evidence: pull new PubMed records, ingest and tag them, then check the
    claims and write the report. Live with NCBI_EMAIL set; otherwise the synthetic demo."""
    logger = get_run_logger()
    settings = Settings.from_env(db_path=Path(db) if db else None)
    with pipeline.acquiring(settings) as source, pipeline.writing(source.settings) as work:
        # 1. sync: search and fetch what is new into the raw layer, 2. ingest and tag it
        fetched, ingested = sync_steps(source, work, query_set, since)
        # 3. check the claims against the evidence
        checked = check_task(source.settings, work, Path(claims))
        counts = ", ".join(f"{n} {label}" for label, n in checked.counts().items() if n)
        logger.info(f"{len(checked.verdicts)} claims checked: {counts}")
        for note in (change_note(checked.history), retraction_note(checked.history)):
            if note:
                logger.warning(note)
        # 4. the editors' report
        index = report_task(source.settings, work)
        logger.info(f"report: {index}")
    key = f"evidence-review-{fetched.query_set}".replace("_", "-")
    publish_sync_artifacts(key, source, fetched, ingested)
    create_table_artifact(
        [
            {
                "claim": v.claim_id,
                "verdict": v.verdict,
                "grade": v.grade or "",
                "summary": v.summary,
            }
            for v in checked.verdicts
        ],
        key=f"{key}-verdicts",
        description=("SYNTHETIC DEMO DATA. " if source.demo else "") + f"Verdicts: {counts}",
    )
    summary = (
        f"{fetched.describe()}\n{ingested.describe()}\n"
        f"{len(checked.verdicts)} claims checked ({counts}); report: {index}"
    )
    return f"{source.note}\n{summary}" if source.demo else summary


if __name__ == "__main__":
    print(evidence_review())
