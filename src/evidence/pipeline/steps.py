"""The pipeline's steps over one run's working copy of the warehouse.

Each step writes into (or reads from) the `WorkCopy` it is given and never publishes: the
caller opened the copy with `evidence.store.publishing` and publishes it once, when the
whole run has succeeded. `evidence.pipeline` runs one step, or all of them in `review`; the
Prefect flow ``evidence_review`` makes a task of each.
"""

from __future__ import annotations

from datetime import UTC, datetime
from pathlib import Path

from evidence.claims.check import CheckResult, check_claims, prepare_check
from evidence.config import Settings
from evidence.entrez import fetch_new, ingest_fetched
from evidence.report import build_report
from evidence.store import WorkCopy

__all__ = ["check", "fetch", "ingest_fetched", "report", "utc"]

# Searching and fetching, then ingesting what was fetched, are the acquisition stage's.
fetch = fetch_new


def check(
    settings: Settings, work: WorkCopy, claims_path: Path, *, now: datetime | None = None
) -> CheckResult:
    """Judge the claims file against the working copy and store the verdicts there.

    Raises:
        InputError: the claims file or a reference file is bad (exit 2).
        StorageError: the warehouse does not exist or cannot be read or written (exit 1).
    """
    inputs = prepare_check(settings, claims_path)
    return check_claims(work, inputs, when=utc(now))


def report(
    settings: Settings, work: WorkCopy, out_dir: Path | None = None, *, now: datetime | None = None
) -> Path:
    """Write the editors' report from the working copy; return its index.html."""
    return build_report(settings, out_dir, now=now, db=work.path)


def utc(now: datetime | None) -> datetime:
    """``now`` (default: this moment) as a naive UTC time, as the warehouse stores times."""
    return (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
