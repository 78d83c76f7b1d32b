"""Baseline ingest, the whole job: parse files in parallel, load them in file order.

Reads baseline / update files, the vocabulary and optionally a query set; writes Parquet
partitions under ``data/work/baseline/`` (removed once loaded) and the warehouse. The parse of
each file is handed to a *submit* function — a thread, a Dask cluster, or a Prefect task
runner (``flows.baseline``) — and this process is the one writer: it waits for the files
in order and loads file *k* as soon as files 1…*k* are parsed, while later files are still
being parsed. The first file that cannot be parsed stops the load (later files would
otherwise land before it); its error is recorded and the partitions already written are kept,
so a re-run reuses them and parses only what is missing. This is `evidence baseline`'s front
door to the ingest engine (`evidence.ingest.engine`): the files step, the writer and the file
loop are the engine's; `PartitionExecutor` is its Dask side.
"""

from __future__ import annotations

import contextlib
import functools
import time
from collections.abc import Callable, Iterator, Sequence
from concurrent.futures import Future, ThreadPoolExecutor
from contextlib import contextmanager
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any, Protocol

from evidence.baseline.files import collect_files
from evidence.baseline.partition import CHUNK_SIZE, PartitionInfo, parse_to_parquet
from evidence.baseline.topics import TopicFilter
from evidence.baseline.writer import out_of_order, partition_steps
from evidence.config import Settings
from evidence.errors import EvidenceError, StorageError
from evidence.ingest import (
    INGEST_CHECKPOINT_THRESHOLD,
    INGEST_MEMORY_LIMIT,
    FileJob,
    FileResult,
    Parsed,
    make_tagger,
    plan_files,
    run_files,
)
from evidence.store import WorkCopy, connect, refresh_tags, transaction

__all__ = [
    "WORKER_CONFIG",
    "BaselineSummary",
    "PartitionExecutor",
    "Pending",
    "Submit",
    "ingest_baseline",
    "open_submit",
    "work_dir_for",
]


# Dask configuration of the worker processes we start. The statistical profiler samples the
# running task every 10 ms and keeps what it saw: over a 30,000-record file a worker's peak
# RSS crept from 257 to 268 MB over 4 files with it, and stayed at 248 MB without it. Set
# the same on the workers of a cluster you run yourself
# (DASK_DISTRIBUTED__WORKER__PROFILE__ENABLED=False).
WORKER_CONFIG = {"distributed.worker.profile.enabled": False}


class Pending(Protocol):
    """A parse in progress: a concurrent, Dask or Prefect future."""

    def result(self) -> Any: ...


# Called as submit(path, out_dir, vocab_dir=..., filter=..., done=..., chunk_size=...): runs
# `parse_to_parquet` somewhere and returns its future.
Submit = Callable[..., Pending]


@dataclass(slots=True)
class BaselineSummary:
    """What a baseline ingest did: a result and a partition per file loaded, errors, notes."""

    files: list[FileResult] = field(default_factory=list)
    partitions: list[PartitionInfo] = field(default_factory=list)
    errors: list[EvidenceError] = field(default_factory=list)
    not_loaded: list[Path] = field(default_factory=list)
    notes: list[str] = field(default_factory=list)
    retagged: int = 0
    seconds: float = 0.0

    @property
    def ok(self) -> bool:
        return not self.errors

    def totals(self) -> dict[str, int]:
        out = dict.fromkeys(
            ("files", "skipped_files", "records", "kept", "inserted", "updated", "deleted",
             "unchanged", "books"), 0,
        )  # fmt: skip
        out["files"] = len(self.files)
        for f in self.files:
            out["skipped_files"] += f.status == "skipped"
            out["records"] += f.records
            out["inserted"] += f.counts.inserted
            out["updated"] += f.counts.updated
            out["deleted"] += f.counts.deleted
            out["unchanged"] += f.counts.skipped
            out["books"] += f.counts.books
        out["kept"] = sum(p.kept for p in self.partitions if p.status == "parsed")
        return out

    def describe(self) -> str:
        t = self.totals()
        rate = t["records"] / self.seconds if self.seconds else 0.0
        return (
            f"baseline: {t['files']} files ({t['skipped_files']} already ingested),"
            f" {len(self.errors)} failed, {len(self.not_loaded)} not loaded;"
            f" {t['records']} records read, {t['kept']} kept: {t['inserted']} inserted,"
            f" {t['updated']} updated, {t['deleted']} deleted, {t['unchanged']} unchanged;"
            f" {self.retagged} re-tagged; {self.seconds:.1f}s ({rate:.0f} records/s)"
        )


def work_dir_for(settings: Settings) -> Path:
    """Where partitions wait to be loaded: ``data/work/baseline``."""
    return settings.data_dir / "work" / "baseline"


def _now(fn: Callable[..., PartitionInfo], *args: Any, **kwargs: Any) -> Future[PartitionInfo]:
    future: Future[PartitionInfo] = Future()
    try:
        future.set_result(fn(*args, **kwargs))
    except Exception as exc:  # handed to the caller by result(), like any future
        future.set_exception(exc)
    return future


def ingest_baseline(
    settings: Settings,
    work: WorkCopy,
    paths: Sequence[Path],
    *,
    submit: Submit | None = None,
    topic: TopicFilter | None = None,
    work_dir: Path | None = None,
    force: bool = False,
    chunk_size: int = CHUNK_SIZE,
    on_file: Callable[[FileResult], None] | None = None,
) -> BaselineSummary:
    """Parse ``paths`` (files or folders) through ``submit`` and load them in file order
    into the run's working copy ``work`` (`evidence.pipeline.baseline` publishes it).

    ``submit`` None parses each file in this thread; ``topic`` keeps only matching records.
    Input errors (a bad file) end the load and are returned in the summary; storage errors
    are raised.

    Raises:
        InputError: a path is missing or its name carries no file number; the vocabulary is
            invalid. Nothing is parsed.
        StorageError: the warehouse or the work folder cannot be written.
    """
    clock = time.perf_counter()
    files = collect_files(paths)
    tagger = make_tagger(settings)
    parts = work_dir if work_dir is not None else work_dir_for(settings)
    executor = PartitionExecutor(
        submit if submit is not None else functools.partial(_now, parse_to_parquet),
        parts,
        vocab_dir=settings.vocab_dir,
        topic=topic,
        chunk_size=chunk_size,
    )
    summary = BaselineSummary()
    # as `evidence ingest`: a file's rows are written once into the database at its commit,
    # not into the write-ahead log and again at the close
    con = connect(
        work.path,
        memory_limit=INGEST_MEMORY_LIMIT,
        checkpoint_threshold=INGEST_CHECKPOINT_THRESHOLD,
    )
    try:
        # Each parse is told the sha256s already loaded under its file name, so a re-run does
        # not parse again what is loaded (the writer checks every sha256 again anyway).
        jobs = list(plan_files(con, files, force=force, hash_here=False))
        summary.notes.extend(out_of_order(con, files))
        run = run_files(con, jobs, executor, force=force, stop_at_error=True, on_file=on_file)
        summary.files = run.files
        summary.errors = run.errors
        summary.not_loaded = run.not_loaded
        summary.partitions = executor.partitions
        if summary.ok:
            with transaction(con, str(settings.db_path)):
                summary.retagged = refresh_tags(con, tagger)
            _remove_if_empty(parts)
    finally:
        con.close()
    summary.seconds = time.perf_counter() - clock
    return summary


class PartitionExecutor:
    """The engine's executor for `evidence baseline`: every file is submitted at once to
    ``submit`` (a thread, a Dask cluster, a Prefect task runner), which runs
    `parse_to_parquet` there and spills the file's steps to Parquet partitions under
    ``parts`` (results that cross to another machine); the writer reads them back in file
    order (`partition_steps`) and removes each folder once its file is loaded.
    ``partitions`` lists what each parse returned, in file order."""

    ahead: int | None = None

    def __init__(
        self,
        submit: Submit,
        parts: Path,
        *,
        vocab_dir: Path | None,
        topic: TopicFilter | None,
        chunk_size: int,
    ) -> None:
        self._submit = submit
        self._parts = parts
        self._vocab_dir = vocab_dir
        self._topic = topic
        self._chunk_size = chunk_size
        self.partitions: list[PartitionInfo] = []

    def submit(self, job: FileJob) -> _PartitionPending:
        future = self._submit(
            job.path, self._parts, vocab_dir=self._vocab_dir, filter=self._topic,
            done=job.done, chunk_size=self._chunk_size,
        )  # fmt: skip
        return _PartitionPending(self, job.path, future)


@dataclass(frozen=True, slots=True)
class _PartitionPending:
    owner: PartitionExecutor
    path: Path
    future: Pending

    def result(self) -> Parsed:
        info = self.future.result()
        if not isinstance(info, PartitionInfo):
            raise StorageError(f"{self.path}: the parse task returned {type(info).__name__}")
        self.owner.partitions.append(info)
        return partition_steps(info, remove=True)


def _remove_if_empty(folder: Path) -> None:
    # Not empty (partitions of another run) or already gone: leave it.
    with contextlib.suppress(OSError):
        folder.rmdir()


@contextmanager
def open_submit(workers: int = 1, dask_address: str | None = None) -> Iterator[Submit]:
    """A submit function for `ingest_baseline`, and the workers behind it while open.

    ``dask_address`` (``tcp://host:8786``) uses that Dask cluster: every worker must see the
    files and the work folder at the same paths. Otherwise ``workers`` > 1 starts a local Dask
    cluster of that many single-threaded worker processes, and 1 parses in one thread beside
    the writer.

    Raises:
        EvidenceError: the Dask scheduler cannot be reached (exit status 1).
    """
    if dask_address is None and workers <= 1:
        pool = ThreadPoolExecutor(max_workers=1, thread_name_prefix="baseline-parse")

        def in_thread(*args: Any, **kwargs: Any) -> Pending:
            return pool.submit(parse_to_parquet, *args, **kwargs)

        try:
            yield in_thread
        finally:
            pool.shutdown(wait=True, cancel_futures=True)
        return
    import dask
    from distributed import Client, LocalCluster

    try:
        if dask_address is not None:
            client = Client(dask_address, timeout="20s")  # type: ignore[no-untyped-call]
            cluster = None
        else:
            with dask.config.set(WORKER_CONFIG):
                cluster = LocalCluster(  # type: ignore[no-untyped-call]
                    n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
                )
            client = Client(cluster)  # type: ignore[no-untyped-call]
    except (OSError, TimeoutError) as exc:
        where = dask_address or "local Dask cluster"
        raise EvidenceError(f"{where}: cannot reach the Dask scheduler ({exc})") from exc
    try:
        yield functools.partial(client.submit, parse_to_parquet, pure=False)
    finally:
        client.close()  # type: ignore[no-untyped-call]
        if cluster is not None:
            cluster.close()
