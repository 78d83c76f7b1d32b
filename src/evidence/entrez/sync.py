"""Incremental, resumable PubMed acquisition (acquisition stage): query set → raw → warehouse.

`fetch_new` searches every query of a set, saves each search (its PMID list) in the run
before fetching anything, then fetches the batches no earlier attempt stored, several at a
time, keeping each answer under ``<data>/raw/`` and recording it in ``raw_responses``.
`ingest_fetched` hands the stored, not yet ingested files to the ingest engine
(`evidence.ingest.ingest_into`) and flags them. `sync_query_set` does both. Each writes
into the run's working copy (`evidence.store.WorkCopy`) it is given; the spine
(`evidence.pipeline.sync`, ``fetch``, ``ingest_fetched``) opens and publishes it.

Which records a run asks for:

- first run of a query set: everything (from the set's ``mindate`` if it has one);
- later runs: records added or revised since the last complete run started, less
  ``overlap_days`` (NCBI dates records with a lag), in one esearch per query;
- ``since``: records added or revised since that day.

A run that is killed or fails stays open; the next run of the same set resumes it, fetching
only its missing batches, by PMID list (a WebEnv is not trusted across runs). Reads the query
set files and the warehouse; writes raw files and the ledger tables.
"""

from __future__ import annotations

import logging
import secrets
from collections.abc import Callable
from concurrent.futures import Future, ThreadPoolExecutor, as_completed
from datetime import UTC, date, datetime, timedelta
from functools import partial
from pathlib import Path
from urllib.parse import urlsplit

import duckdb

from evidence.config import DEFAULT_ENTREZ_URL, Settings
from evidence.entrez.client import EntrezClient, EntrezOptions, FetchResponse
from evidence.entrez.queries import QuerySet, find_query_set, load_query_set, window_term
from evidence.entrez.rawstore import relative_to_data, save_raw
from evidence.entrez.slicing import OLDEST_EDAT, search_query
from evidence.entrez.summary import FetchSummary, IngestReport, QueryReport, SyncProgress
from evidence.errors import EntrezError
from evidence.ingest import ingest_into
from evidence.store import WorkCopy, connect
from evidence.store import sync_ledger as ledger

__all__ = ["fetch_new", "ingest_fetched", "resolve_query_set", "sync_query_set"]

log = logging.getLogger(__name__)
Clock = Callable[[], datetime]
ProgressFn = Callable[[SyncProgress], None]


def _utcnow() -> datetime:
    return datetime.now(UTC).replace(tzinfo=None)


def resolve_query_set(settings: Settings, query_set: str | Path | QuerySet) -> QuerySet:
    """A query set given by name (in ``settings.queries_dir``), by path, or as is."""
    if isinstance(query_set, QuerySet):
        return query_set
    if isinstance(query_set, Path) or query_set.endswith((".yaml", ".yml")):
        return load_query_set(Path(query_set))
    return load_query_set(find_query_set(settings.queries_dir, query_set))


def fetch_new(
    settings: Settings,
    work: WorkCopy,
    query_set: str | Path | QuerySet,
    *,
    since: date | None = None,
    options: EntrezOptions | None = None,
    raw_root: Path | None = None,
    client: EntrezClient | None = None,
    progress: ProgressFn | None = None,
    clock: Clock = _utcnow,
) -> FetchSummary:
    """Search and fetch what is new for a query set into the raw layer; resumes open runs.

    Raises:
        QuerySetError: the query set is missing or invalid.
        EntrezError: NCBI failed beyond the retries; the run stays open for resuming.
        StorageError: the warehouse or the raw folder cannot be written.
    """
    qs = resolve_query_set(settings, query_set)
    own_client = client is None
    client = client or EntrezClient(settings, options)
    con = connect(work.path)
    try:
        run, resumed = _open_run(con, qs, since, client.options, settings.entrez_url, clock)
        job = _Job(settings, qs, run, client, raw_root or settings.raw_dir, clock, progress)
        try:
            job.search_all(con)
            job.fetch_missing(con)
        except EntrezError as exc:
            ledger.finish_run(
                con, run.run_id, "failed", at=clock(), requests=client.requests_made, error=str(exc)
            )
            raise
        ledger.set_success(
            con, run, records=job.summary.records_fetched, requests=client.requests_made, at=clock()
        )
    finally:
        con.close()
        if own_client:
            client.close()
    job.summary.resumed = resumed
    job.summary.requests = client.requests_made
    return job.summary


def ingest_fetched(
    settings: Settings,
    work: WorkCopy,
    *,
    query_set: str | None = None,
    on_file: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest every stored answer not yet ingested (of one query set, or all), then flag it.

    Files the parser rejects stay pending and are listed in the report's errors.
    """
    con = connect(work.path)
    try:
        pending = ledger.pending_raw(con, query_set)
    finally:
        con.close()
    by_path = {_absolute(settings, p): p for p in pending}
    summary = ingest_into(
        settings,
        work,
        list(by_path),
        on_file=(lambda r: on_file(f"{r.path}: {r.status}, {r.records} records"))
        if on_file
        else None,
    )
    done = [by_path[f.path] for f in summary.files if f.status in ("ok", "skipped")]
    con = connect(work.path)
    try:
        marked = ledger.mark_ingested(con, done, at=_utcnow())
    finally:
        con.close()
    return IngestReport(summary=summary, pending=len(pending), marked=marked)


def sync_query_set(
    settings: Settings,
    work: WorkCopy,
    query_set: str | Path | QuerySet,
    *,
    since: date | None = None,
    options: EntrezOptions | None = None,
    raw_root: Path | None = None,
    progress: ProgressFn | None = None,
) -> tuple[FetchSummary, IngestReport]:
    """`fetch_new` then `ingest_fetched`: what ``evidence sync`` does."""
    fetched = fetch_new(
        settings,
        work,
        query_set,
        since=since,
        options=options,
        raw_root=raw_root,
        progress=progress,
    )
    return fetched, ingest_fetched(settings, work, query_set=fetched.query_set)


# -- one run ------------------------------------------------------------------------------


def _open_run(
    con: duckdb.DuckDBPyConnection,
    qs: QuerySet,
    since: date | None,
    options: EntrezOptions,
    url: str,
    clock: Clock,
) -> tuple[ledger.Run, bool]:
    open_run = ledger.unfinished_run(con, qs.name)
    if open_run is not None:
        run, _status = open_run
        if since is None or since == run.since:
            log.info(
                "query set %s: resuming run %s (started %s)",
                qs.name,
                run.run_id,
                f"{run.started_at:%Y-%m-%d %H:%M}",
            )
            return run, True
        ledger.finish_run(
            con,
            run.run_id,
            "abandoned",
            at=clock(),
            requests=0,
            error=f"superseded by a sync since {since}",
        )
    now = clock()
    if since is not None:
        mode, window = "since", since
    elif (last := ledger.last_success(con, qs.name)) is not None:
        mode, window = "incremental", last.date() - timedelta(days=options.overlap_days)
    else:
        mode, window = "full", None
    run_id = f"{now:%Y%m%dT%H%M%S}-{secrets.token_hex(3)}"
    host = urlsplit(url).netloc
    source = "ncbi" if url == DEFAULT_ENTREZ_URL else host
    run = ledger.Run(run_id, qs.name, mode, window, source, now)
    ledger.start_run(con, run)
    log.info(
        "query set %s: run %s, %s%s",
        qs.name,
        run_id,
        mode,
        f" (added or revised since {window})" if window else "",
    )
    return run, False


def _absolute(settings: Settings, stored: str) -> Path:
    path = Path(stored)
    return path if path.is_absolute() else settings.data_dir / path


class _Job:
    """The search and fetch phases of one run."""

    def __init__(
        self,
        settings: Settings,
        qs: QuerySet,
        run: ledger.Run,
        client: EntrezClient,
        raw_root: Path,
        clock: Clock,
        progress: ProgressFn | None,
    ) -> None:
        self.settings = settings
        self.qs = qs
        self.run = run
        self.client = client
        self.raw_root = raw_root
        self.clock = clock
        self.progress = progress
        self.plans: dict[str, ledger.Plan] = {}
        self.history: dict[str, tuple[str, str]] = {}
        self.summary = FetchSummary(run.run_id, qs.name, run.mode, run.since, run.source)

    def label(self, query: str, batch: str = "") -> str:
        return f"query set '{self.qs.name}' query '{query}'{batch}"

    def search_all(self, con: duckdb.DuckDBPyConnection) -> None:
        """Search each query not searched yet in this run and save its plan."""
        self.plans = ledger.load_plans(con, self.run.run_id)
        planned: set[int] = set()
        for plan in self.plans.values():
            planned.update(plan.fetch_pmids)
        for ord_, query in enumerate(self.qs.queries):
            if query.name in self.plans:
                continue
            term = window_term(query.term, self.run.since) if self.run.since else query.term
            label = self.label(query.name)
            hits = search_query(
                partial(self.client.esearch, label=label),
                term,
                label=label,
                lower=self.qs.mindate or OLDEST_EDAT,
            )
            fetch = tuple(p for p in hits.ids if p not in planned)
            plan = ledger.Plan(
                query.name,
                ord_,
                term,
                hits.count,
                hits.ids,
                fetch,
                self.client.options.batch_size,
                hits.searches,
            )
            ledger.save_plan(con, self.run.run_id, plan, at=self.clock())
            planned.update(fetch)
            self.plans[query.name] = plan
            if hits.not_pmids:
                self.summary.not_pmids[query.name] = hits.not_pmids
                log.warning("%s: %s", label, self.summary.not_pmids_note(query.name))
            # Paging the history server would fetch the skipped ids' records as well: with
            # any skipped, batches are fetched by PMID list.
            if hits.history is not None and fetch == hits.ids and not hits.not_pmids:
                self.history[query.name] = hits.history
            log.info(
                "%s: %d hits, %d new to this run, %d batches, %d searches",
                label,
                hits.count,
                len(fetch),
                len(plan.batches()),
                hits.searches,
            )

    def fetch_missing(self, con: duckdb.DuckDBPyConnection) -> None:
        """Fetch every batch without a raw_responses row; store each one as it arrives."""
        done = ledger.done_batches(con, self.run.run_id)
        plans = sorted(self.plans.values(), key=lambda p: p.ord)
        todo = [
            (p, k, ids) for p in plans for k, ids in p.batches() if (p.query_name, k) not in done
        ]
        total = sum(len(p.fetch_pmids) for p in plans)
        state = SyncProgress(
            query_name="",
            done_records=sum(done.values()),
            total_records=total,
            done_batches=len(done),
            total_batches=len(done) + len(todo),
        )
        self.summary.queries = [
            QueryReport(p.query_name, p.hit_count, len(p.fetch_pmids), len(p.batches()), p.searches)
            for p in plans
        ]
        self._report(state)
        first_error: EntrezError | None = None
        with ThreadPoolExecutor(self.client.options.workers, "efetch") as pool:
            futures: dict[Future[FetchResponse], tuple[ledger.Plan, int, tuple[int, ...]]] = {
                pool.submit(self._fetch, p, k, ids): (p, k, ids) for p, k, ids in todo
            }
            for future in as_completed(futures):
                plan, k, ids = futures[future]
                try:
                    response = future.result()
                except EntrezError as exc:
                    first_error = first_error or exc
                    for other in futures:
                        other.cancel()
                    continue
                self._store(con, plan, k, ids, response)
                state = state.advanced(plan.query_name, response.batch.records)
                self._report(state)
        if first_error is not None:
            raise first_error

    def _fetch(self, plan: ledger.Plan, k: int, ids: tuple[int, ...]) -> FetchResponse:
        label = self.label(plan.query_name, f" batch {k + 1}/{len(plan.batches())}")
        history = self.history.get(plan.query_name)
        if history is not None:
            return self.client.efetch_history(
                history[0], history[1], k * plan.batch_size, plan.batch_size, label=label
            )
        return self.client.efetch_ids(ids, label=label)

    def _store(
        self,
        con: duckdb.DuckDBPyConnection,
        plan: ledger.Plan,
        k: int,
        ids: tuple[int, ...],
        response: FetchResponse,
    ) -> None:
        fetched_at = self.clock()
        saved = save_raw(
            self.raw_root,
            self.qs.name,
            self.run.run_id,
            plan.query_name,
            k,
            response.body,
            fetched_at=fetched_at,
        )
        got = response.batch.pmids
        row = ledger.RawRow(
            path=relative_to_data(saved.path, self.settings.data_dir),
            run_id=self.run.run_id,
            query_set=self.qs.name,
            query_name=plan.query_name,
            batch_no=k,
            params=response.params,
            sha256=saved.sha256,
            pmids=got,
            fetched_at=fetched_at,
        )
        ledger.record_raw(con, row)
        missing = len(set(ids) - set(got))
        if missing:
            # NCBI leaves out PMIDs it no longer has, without an error (entrez-notes §6).
            log.warning(
                "%s batch %d: %d of %d PMIDs not returned",
                plan.query_name,
                k + 1,
                missing,
                len(ids),
            )
        self.summary.add_batch(plan.query_name, len(got), missing, row.path)

    def _report(self, state: SyncProgress) -> None:
        if self.progress is not None:
            self.progress(state)
