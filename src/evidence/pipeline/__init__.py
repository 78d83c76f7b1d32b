"""The spine: the whole job of `evidence`, stage by stage, as plain functions over `Settings`.

    sync     query set → esearch/efetch → data/raw/ → ingest      (`fetch` + `ingest_fetched`)
    ingest   PubMed files → parse → upsert → tag + findings        (`baseline`: at scale, Dask)
    check    claims file + warehouse → verdicts, grades, citations (`forget` removes a file)
    report   warehouse → the editors' static HTML report
    review   all of it in one run: sync, ingest, check, report
    draft    an article → a draft claims file for an editor to review (reads no warehouse)

Every function that writes enters publishing once, explicitly: it opens the warehouse's
working copy (`evidence.store.publishing`), passes that `WorkCopy` down to the stage
functions (`evidence.pipeline.steps` and the stage packages), and publishes it when the
whole call has succeeded; a failed call publishes nothing. The command line
(`evidence.cli`) and the Prefect flows (``flows/``) call these functions and nothing else
of the stages' internals, so every step runs and tests without Prefect or typer.
"""

from __future__ import annotations

from collections.abc import Callable, Iterator, Sequence
from contextlib import ExitStack, contextmanager
from dataclasses import dataclass, replace
from datetime import date, datetime
from pathlib import Path
from typing import TYPE_CHECKING

from evidence.config import DEFAULT_QUERY_SET, PROJECT_ROOT, Settings
from evidence.pipeline import steps
from evidence.store import WorkCopy, publishing, replaced_on_success

if TYPE_CHECKING:
    from evidence.baseline import BaselineSummary, Submit, TopicFilter
    from evidence.claims.check import CheckResult
    from evidence.drafting import Draft
    from evidence.entrez import (
        Acquisition,
        EntrezClient,
        EntrezOptions,
        FetchSummary,
        IngestReport,
        QuerySet,
        SyncProgress,
    )
    from evidence.ingest import FileResult, IngestSummary

# Each function imports the stages it runs when it runs: `evidence ingest` starts without
# the HTTP client, the report's templates, Dask or the article reader.

__all__ = [
    "DEFAULT_CLAIMS",
    "ReviewResult",
    "acquiring",
    "baseline",
    "check",
    "draft",
    "fetch",
    "forget",
    "ingest",
    "ingest_fetched",
    "report",
    "review",
    "steps",
    "sync",
    "writing",
]

# The claims file the main job checks: the seed article's.
DEFAULT_CLAIMS = PROJECT_ROOT / "data" / "claims" / "trigger-point-article.yaml"

ProgressFn = Callable[["SyncProgress"], None]


@contextmanager
def writing(settings: Settings) -> Iterator[WorkCopy]:
    """One run's working copy of ``settings.db_path``, published when the block succeeds."""
    with publishing(settings.db_path) as work:
        yield work


@contextmanager
def acquiring(settings: Settings) -> Iterator[Acquisition]:
    """Live PubMed when NCBI_EMAIL is set; otherwise the synthetic sample, served by a local
    replay of the E-utilities, with settings that point at ``data/demo.duckdb``."""
    from evidence.entrez import acquisition

    with acquisition(settings) as source:
        yield source


# -- sync ---------------------------------------------------------------------------------


def fetch(
    settings: Settings,
    query_set: str | Path | QuerySet = DEFAULT_QUERY_SET,
    *,
    since: date | None = None,
    options: EntrezOptions | None = None,
    raw_root: Path | None = None,
    client: EntrezClient | None = None,
    progress: ProgressFn | None = None,
) -> FetchSummary:
    """Search and fetch what is new for a query set into the raw layer (resumes open runs).

    Raises:
        QuerySetError: the query set is missing or invalid.
        EntrezError: NCBI failed beyond the retries; the run stays open for resuming.
        StorageError: the warehouse or the raw folder cannot be written.
    """
    with writing(settings) as work:
        return steps.fetch(
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
    *,
    query_set: str | None = None,
    on_file: Callable[[str], None] | None = None,
) -> IngestReport:
    """Ingest every stored answer not yet ingested (of one query set, or all), then flag it."""
    with writing(settings) as work:
        return steps.ingest_fetched(settings, work, query_set=query_set, on_file=on_file)


def sync(
    settings: Settings,
    query_set: str | Path | QuerySet = DEFAULT_QUERY_SET,
    *,
    since: date | None = None,
    options: EntrezOptions | None = None,
    raw_root: Path | None = None,
    progress: ProgressFn | None = None,
) -> tuple[FetchSummary, IngestReport]:
    """`fetch` then `ingest_fetched`, published together: what ``evidence sync`` does."""
    from evidence.entrez import sync_query_set

    with writing(settings) as work:
        return sync_query_set(
            settings,
            work,
            query_set,
            since=since,
            options=options,
            raw_root=raw_root,
            progress=progress,
        )


# -- ingest -------------------------------------------------------------------------------


def ingest(
    settings: Settings,
    paths: Sequence[Path],
    *,
    force: bool = False,
    progress: Callable[[Path, int, int], None] | None = None,
    on_file: Callable[[FileResult], None] | None = None,
    workers: int | None = None,
    tag: bool = True,
) -> IngestSummary:
    """Ingest files (or folders of them) in the order given; a bad file is reported and the
    others still load. The warehouse analysts read is replaced only when the whole call
    succeeds; a call that would create it and loads no file leaves no file behind. See
    `evidence.ingest.ingest_into`."""
    from evidence.ingest import ingest_into

    with writing(settings) as work:
        return ingest_into(
            settings,
            work,
            paths,
            force=force,
            progress=progress,
            on_file=on_file,
            workers=workers,
            tag=tag,
        )


def baseline(
    settings: Settings,
    paths: Sequence[Path],
    *,
    submit: Submit | None = None,
    topic: TopicFilter | None = None,
    work_dir: Path | None = None,
    force: bool = False,
    chunk_size: int | None = None,
    on_file: Callable[[FileResult], None] | None = None,
) -> BaselineSummary:
    """Parse baseline and update files through ``submit`` (a thread, a Dask cluster) and load
    them in file order (``chunk_size`` records per Parquet chunk, default `CHUNK_SIZE`); see
    `evidence.baseline.ingest_baseline`."""
    from evidence.baseline import CHUNK_SIZE, ingest_baseline

    with writing(settings) as work:
        return ingest_baseline(
            settings,
            work,
            paths,
            submit=submit,
            topic=topic,
            work_dir=work_dir,
            force=force,
            chunk_size=CHUNK_SIZE if chunk_size is None else chunk_size,
            on_file=on_file,
        )


# -- check and report ---------------------------------------------------------------------


def check(
    settings: Settings,
    claims_path: Path,
    *,
    out: Path | None = None,
    now: datetime | None = None,
) -> CheckResult:
    """Judge every claim of ``claims_path``, store the verdicts, write ``out`` when given.

    The verdicts are published with the warehouse, and ``out`` is put in place once they
    are: a run that fails or is killed before its publish leaves neither, and the next
    check compares with the last published one.

    Raises:
        InputError: the claims file, a reference file or the output extension is bad (exit 2).
        StorageError: the warehouse does not exist or cannot be read or written (exit 1).
    """
    from evidence.claims.check import check_claims, prepare_check
    from evidence.report import data_line_of
    from evidence.report.check_output import output_format, render_output

    fmt = output_format(out) if out is not None else None
    inputs = prepare_check(settings, claims_path)
    when = steps.utc(now)
    with ExitStack() as after_publish:
        # ``out`` is written beside its place inside the scope (a read-only folder fails
        # before anything is published) and put in place once the verdicts are published.
        write_out = after_publish.enter_context(replaced_on_success(out)) if out else None
        with writing(settings) as work:
            result = check_claims(work, inputs, when=when)
            if write_out is not None and fmt is not None:
                line = data_line_of(work.path, what=str(settings.db_path))
                write_out(
                    render_output(
                        fmt,
                        result.claims,
                        result.verdicts,
                        checked_at=when,
                        data_line=line,
                        synthetic=result.synthetic,
                        n_records=result.n_records,
                        history=result.history,
                    )
                )
    return replace(result, out=out)


def forget(settings: Settings, claims_path: Path) -> tuple[str, int, int]:
    """Remove a checked claims file (its verdicts, citations and history) from the
    warehouse; return its stored name and how many claims and check runs were removed.

    Raises:
        InputError: no claims file of that name was checked in this warehouse (exit 2).
        StorageError: the warehouse does not exist or cannot be written (exit 1).
    """
    from evidence.claims.check import forget_claims

    with writing(settings) as work:
        return forget_claims(work, claims_path)


def report(settings: Settings, out_dir: Path | None = None, *, now: datetime | None = None) -> Path:
    """Write the editors' report from the published warehouse; return its index.html.

    Raises:
        StorageError: the warehouse or the output folder cannot be read or written.
    """
    from evidence.report import build_report

    return build_report(settings, out_dir, now=now)


def draft(settings: Settings, article: Path) -> tuple[Draft, str]:
    """Draft the claims file of an article (.txt, .md, a saved .html page) with the
    vocabulary of ``settings``: the draft, and its text in the claims file format.

    Raises:
        InputError: the article is missing, unreadable or empty (exit 2).
        VocabularyError: the vocabulary is invalid.
    """
    from evidence.drafting import draft_claims, read_article, render_draft
    from evidence.tagging import load_vocabulary

    vocab = load_vocabulary(settings.vocab_dir)
    drafted = draft_claims(read_article(article), vocab)
    return drafted, render_draft(drafted, article=article.name)


# -- the whole job ------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class ReviewResult:
    """What one `review` did, stage by stage."""

    demo: bool
    note: str
    db_path: Path
    fetched: FetchSummary
    ingested: IngestReport
    checked: CheckResult
    index: Path


def review(
    settings: Settings,
    *,
    query_set: str | Path | QuerySet = DEFAULT_QUERY_SET,
    since: date | None = None,
    claims: Path = DEFAULT_CLAIMS,
    out_dir: Path | None = None,
    progress: ProgressFn | None = None,
    on_note: Callable[[str], None] | None = None,
) -> ReviewResult:
    """The whole job in one run: sync a query set, ingest and tag it, check the claims and
    write the report, all into one working copy published at the end (nothing if a stage
    fails). Live with NCBI_EMAIL set; otherwise the synthetic demo, and ``on_note`` hears the
    line that says so before anything runs.

    Raises:
        InputError: the claims file or a reference file is bad: nothing is fetched.
        QuerySetError, EntrezError, StorageError: as `sync`, `check` and `report` raise them.
    """
    from evidence.claims.check import check_claims, prepare_check
    from evidence.entrez import sync_query_set

    inputs = prepare_check(settings, claims)  # bad input fails before anything starts
    with acquiring(settings) as source:
        if on_note is not None and source.demo:
            on_note(source.note)
        with writing(source.settings) as work:
            fetched, ingested = sync_query_set(
                source.settings,
                work,
                query_set,
                since=since,
                raw_root=source.raw_root,
                progress=progress,
            )
            checked = check_claims(work, inputs, when=steps.utc(None))
            index = steps.report(source.settings, work, out_dir)
        return ReviewResult(
            demo=source.demo,
            note=source.note,
            db_path=source.settings.db_path,
            fetched=fetched,
            ingested=ingested,
            checked=checked,
            index=index,
        )
