"""The pipeline's steps over one run's working copy of the warehouse.

Each step writes into (or reads from) the `WorkCopy` it is given and never publishes: the
caller opened the copy with `evidence.store.publishing` and publishes it once, when the
whole run has succeeded. `evidence.pipeline` runs one step, or all of them in `review`; the
Prefect flow ``evidence_review`` makes a task of each.
"""

from __future__ import annotations

from datetime import UTC, date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from evidence.config import Settings
from evidence.store import WorkCopy

if TYPE_CHECKING:
    from collections.abc import Callable

    from evidence.claims.check import CheckResult
    from evidence.entrez import (
        EntrezClient,
        EntrezOptions,
        FetchSummary,
        IngestReport,
        QuerySet,
        SyncProgress,
    )

__all__ = ["check", "fetch", "ingest_fetched", "report", "utc"]


def fetch(
    settings: Settings,
    work: WorkCopy,
    query_set: str | Path | QuerySet,
    *,
    since: date | None = None,
    options: EntrezOptions | None = None,
    raw_root: Path | None = None,
    client: EntrezClient | None = None,
    progress: Callable[[SyncProgress], None] | None = None,
) -> FetchSummary:
    """Search and fetch what is new for a query set into the raw layer, with the run's
    ledger in the working copy (`evidence.entrez.sync.fetch_new`)."""
    from evidence.entrez import fetch_new

    return fetch_new(
        settings,
        work,
        query_set,
        since=since,
        options=options,
        raw_root=raw_root,
        client=client,
        progress=progress,
    )


def ingest_fetched(
    settings: Settings,
    work: WorkCopy,
    *,
    query_set: str | None = None,
    on_file: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest the stored answers not yet ingested into the working copy, then flag them
    (`evidence.entrez.sync.ingest_fetched`)."""
    from evidence.entrez import ingest_fetched as ingest_stored

    return ingest_stored(settings, work, query_set=query_set, on_file=on_file)


def check(
    settings: Settings, work: WorkCopy, claims_path: Path, *, now: datetime | None = None
) -> CheckResult:
    """Judge the claims file against the working copy and store the verdicts there.

    Raises:
        InputError: the claims file or a reference file is bad (exit 2).
        StorageError: the warehouse does not exist or cannot be read or written (exit 1).
    """
    from evidence.claims.check import check_claims, prepare_check

    inputs = prepare_check(settings, claims_path)
    return check_claims(work, inputs, when=utc(now))


def report(
    settings: Settings, work: WorkCopy, out_dir: Path | None = None, *, now: datetime | None = None
) -> Path:
    """Write the editors' report from the working copy; return its index.html."""
    from evidence.report import build_report

    return build_report(settings, out_dir, now=now, db=work.path)


def utc(now: datetime | None) -> datetime:
    """``now`` (default: this moment) as a naive UTC time, as the warehouse stores times."""
    return (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
