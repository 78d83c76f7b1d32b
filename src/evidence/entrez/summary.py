"""What a sync did (acquisition stage, pure): progress events and run summaries.

`fetch_new` emits `SyncProgress` as batches arrive and returns a `FetchSummary`;
`ingest_fetched` returns an `IngestReport`. Both render as table rows and short markdown
for the CLI and for Prefect artifacts. Reads and writes nothing.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field, replace
from datetime import date
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from evidence.ingest import IngestSummary

__all__ = [
    "FetchSummary",
    "IngestReport",
    "QueryReport",
    "SyncProgress",
    "progress_logger",
    "render_markdown",
    "retry_if_transient",
]


@dataclass(frozen=True, slots=True)
class SyncProgress:
    """Records and batches stored so far in a run, out of its total."""

    query_name: str
    done_records: int
    total_records: int
    done_batches: int
    total_batches: int

    def advanced(self, query_name: str, records: int) -> SyncProgress:
        """The progress after one more batch of ``records`` records."""
        return replace(
            self,
            query_name=query_name,
            done_records=self.done_records + records,
            done_batches=self.done_batches + 1,
        )


@dataclass(slots=True)
class QueryReport:
    """One query of a run: hits, PMIDs to fetch (after de-duplication), batches."""

    name: str
    hits: int
    to_fetch: int
    batches: int
    searches: int
    fetched: int = 0
    missing: int = 0


@dataclass(slots=True)
class FetchSummary:
    """The outcome of `fetch_new` for one query set."""

    run_id: str
    query_set: str
    mode: str
    since: date | None
    source: str
    queries: list[QueryReport] = field(default_factory=list)
    raw_files: list[str] = field(default_factory=list)
    requests: int = 0
    resumed: bool = False
    # Per query, the ids its esearch listed that are not PMIDs (skipped, not fetched).
    not_pmids: dict[str, tuple[str, ...]] = field(default_factory=dict)

    @property
    def records_fetched(self) -> int:
        """Records stored by this process (a resumed run counts only its own batches)."""
        return sum(q.fetched for q in self.queries)

    def add_batch(self, query_name: str, records: int, missing: int, path: str) -> None:
        for query in self.queries:
            if query.name == query_name:
                query.fetched += records
                query.missing += missing
        self.raw_files.append(path)

    def rows(self) -> list[dict[str, Any]]:
        """One row per query, for a table artifact."""
        return [
            {
                "query": q.name,
                "hits": q.hits,
                "new_in_run": q.to_fetch,
                "fetched": q.fetched,
                "not_returned": q.missing,
                "batches": q.batches,
                "esearch_requests": q.searches,
            }
            for q in self.queries
        ]

    def not_pmids_note(self, query_name: str) -> str:
        """What was skipped of one query's esearch answer, in one line (a few ids shown)."""
        ids = self.not_pmids.get(query_name, ())
        shown = ", ".join(repr(i) for i in ids[:5]) + (", ..." if len(ids) > 5 else "")
        return f"esearch listed {len(ids)} ids that are not PMIDs, skipped: {shown}"

    def describe(self) -> str:
        """One line for a log or the terminal."""
        window = f" since {self.since}" if self.since else ""
        resumed = ", resumed" if self.resumed else ""
        skipped = sum(len(ids) for ids in self.not_pmids.values())
        not_pmids = f", {skipped} esearch ids that are not PMIDs skipped" if skipped else ""
        return (
            f"sync {self.query_set}: run {self.run_id} ({self.mode}{window}{resumed}) from"
            f" {self.source}: {self.records_fetched} records in {len(self.raw_files)} raw files,"
            f" {self.requests} requests{not_pmids}"
        )


@dataclass(slots=True)
class IngestReport:
    """The outcome of `ingest_fetched`: the pipeline's summary, files pending and flagged."""

    summary: IngestSummary
    pending: int
    marked: int

    def describe(self) -> str:
        t = self.summary.totals()
        return (
            f"ingest: {self.pending} raw files pending, {self.marked} ingested;"
            f" {t['records']} records: {t['inserted']} inserted, {t['updated']} updated,"
            f" {t['skipped']} unchanged; {t['failed']} files failed"
        )


def render_markdown(fetched: FetchSummary, ingested: IngestReport | None, *, note: str = "") -> str:
    """A short markdown report of a sync, for a Prefect artifact."""
    lines = [f"# PubMed sync: {fetched.query_set}", ""]
    if note:
        lines += [f"> {note}", ""]
    lines += [fetched.describe(), ""]
    if ingested is not None:
        lines += [ingested.describe(), ""]
    lines += [
        "| query | hits | new in run | fetched | batches | esearch |",
        "| --- | ---: | ---: | ---: | ---: | ---: |",
    ]
    lines += [
        f"| {q.name} | {q.hits} | {q.to_fetch} | {q.fetched} | {q.batches} | {q.searches} |"
        for q in fetched.queries
    ]
    return "\n".join(lines) + "\n"


def progress_logger(
    log: Callable[[str], None], *, every: int = 10
) -> Callable[[SyncProgress], None]:
    """A progress callback that logs every ``every``-th batch and the last one."""

    def report(state: SyncProgress) -> None:
        if state.done_batches % every == 0 or state.done_batches == state.total_batches:
            log(
                f"fetched {state.done_records}/{state.total_records} records"
                f" ({state.done_batches}/{state.total_batches} batches)"
            )

    return report


def retry_if_transient(task: object, task_run: object, state: Any) -> bool:
    """A Prefect ``retry_condition_fn``: retry only an ``EntrezError`` with ``transient`` set
    (a retried fetch resumes its run, so nothing is fetched twice)."""
    return bool(getattr(state.result(raise_on_failure=False), "transient", False))
