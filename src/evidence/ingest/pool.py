"""Ingest one big file on several cores (ingest stage, parallel path).

The main process cuts the file into self-contained pieces and hands them to worker
processes (a plain file as byte offsets, `evidence.pubmed.split.span_records`, which the
workers read themselves; a gzip file as bytes, `evidence.pubmed.split_records`), which
parse, tag and turn them into Arrow batches (`build_batch`); the main process merges
consecutive batches (`merged`) and loads them into DuckDB in file order, inside the file's
single transaction. Deletions and book records keep their place in the order. A worker
imports only what parsing needs (no pandas; the tagging stage and its vocabulary once the
first piece to tag arrives, or at start when the main process asks); the workers are forked
from a forkserver that imported the parse stack before and, when they start warm, loaded
the vocabulary too (`evidence.ingest.preload`), so that they share it. If a piece fails to
parse or the file cannot be cut, the caller rolls back and parses the file in one stream,
which reports the exact line. This is the process-pool side of the engine's parse step
(`evidence.ingest.engine.LocalExecutor`).
"""

from __future__ import annotations

import multiprocessing
import os
import select
import sys
import threading
import time
from collections import deque
from collections.abc import Callable, Iterable, Iterator, Sequence
from concurrent.futures import Future, ProcessPoolExecutor
from contextlib import contextmanager, nullcontext
from importlib.machinery import ModuleSpec
from pathlib import Path
from typing import BinaryIO

import pyarrow as pa

from evidence.errors import portable_errors
from evidence.ingest.ahead import forkserver_modules
from evidence.ingest.preload import VocabSource, preloading
from evidence.ingest.steps import Segment
from evidence.models import Article, BookArticle, Deletion
from evidence.pubmed import SplitError, iter_records, split_records
from evidence.pubmed.split import Span, read_span, span_records
from evidence.store.load import Batch, build_batch, gc_paused, merge_batches
from evidence.store.tags import Tagger, analyse_all

__all__ = [
    "FLUSH_RECORDS",
    "MERGE_RECORDS",
    "Segment",
    "WorkerPool",
    "merged",
    "parse_piece",
    "stream_segments",
]

# Records per upsert in the main process. The workers send a batch per piece (a 4 MB piece
# of real PubMed XML holds some 600 records), and each upsert pays DuckDB a fixed cost over
# its dozen statements (~40 ms), so the main process merges them. The load stage of the
# 10,000-record real-derived file (`bench/ingest_stages.py --no-tag --load-batch N`, with
# connect, commit and close): 72-90 CPU-µs a record in upserts of 1,000, 62-64 of 5,000,
# 57 of 10,000; the upsert statements alone, 33-60 and 13-16 µs for 1,000 and 5,000.
MERGE_RECORDS = 5000

# Once every piece is submitted, while the next piece is not back yet, the main process
# loads the batches it holds once they hold this many records instead of waiting for
# `MERGE_RECORDS`: it would wait idle anyway, and what it holds when the last piece comes
# back is loaded after the workers are done, alone before the commit. On the 10,000-record
# real-derived file that was ~5,000 records (0.12-0.13 s after the last piece); now the
# last piece or two (0.05-0.08 s), for two more upserts (0.27 CPU-s in all, was 0.19-0.21).
FLUSH_RECORDS = 1

TaggerFactory = Callable[[], Tagger]


# The tagger of this worker process, built once from the factory `_init_worker` keeps, when
# the first piece to tag arrives (process-wide values on purpose: loading the vocabulary per
# piece would cost more than tagging it; a run whose pieces are not tagged, a forced
# re-ingest, never loads it).
_worker_factory: list[TaggerFactory] = []
_worker_tagger: list[Tagger] = []


def _init_worker(factory: TaggerFactory | None, owner: int) -> None:
    _exit_with(owner)
    _arrow_without_pandas()
    if factory is not None:
        _worker_factory.append(factory)


def _own_tagger() -> Tagger | None:
    if not _worker_tagger and _worker_factory:
        _worker_tagger.append(_worker_factory[0]())
    return _worker_tagger[0] if _worker_tagger else None


class _NoPandas:
    """An import finder that reports pandas as not installed (see `_arrow_without_pandas`)."""

    @staticmethod
    def find_spec(name: str, path: object = None, target: object = None) -> ModuleSpec | None:
        if name == "pandas" or name.startswith("pandas."):
            raise ModuleNotFoundError(f"No module named {name!r}", name=name)
        return None


def _arrow_without_pandas() -> None:
    """Let pyarrow find pandas missing in this worker process.

    The first ``pa.array`` of a process imports pandas (to ask whether the data is a pandas
    object), some 0.2-0.3 CPU-s per worker for a library the workers never use: their
    columns are Python lists. pyarrow tries that import once per process and remembers the
    answer, so one conversion made while pandas cannot be imported settles it; pyarrow still
    imports pandas later if a conversion *to* pandas asks for it.
    """
    if "pandas" in sys.modules:
        return
    sys.meta_path.insert(0, _NoPandas)
    try:
        pa.array([0], type=pa.int64())
    finally:
        sys.meta_path.remove(_NoPandas)


def _exit_with(owner: int) -> None:
    """End this worker process as soon as process ``owner`` (the ingest) has ended.

    A worker does not notice on its own: it waits on the task pipe, whose write end it
    holds itself, and after a kill -9 of the ingest the workers, the forkserver (which waits
    for them) and the resource tracker (whose pipe they hold) ran on for good, some 500 MB.
    The worker's parent is the forkserver, not the ingest, so neither a change of
    ``os.getppid()`` nor prctl(PR_SET_PDEATHSIG) (the death of the parent *thread*) tells.
    Instead a daemon thread waits on a pidfd of the ingest, which becomes readable when it
    exits, however it ends, and then exits this process at once (``os._exit``: nobody is
    left to take a result, and exit handlers could block on pipes nobody reads). Once the
    workers are gone the forkserver and the resource tracker see their pipes close and
    exit too. Without pidfds (Linux before 5.3) the thread checks every second that the
    ingest still exists.
    """
    try:
        pidfd = os.pidfd_open(owner)
    except ProcessLookupError:
        os._exit(1)  # the ingest ended before this worker started
    except (AttributeError, OSError):
        pidfd = None

    def watch() -> None:
        if pidfd is not None:
            select.select([pidfd], [], [])
        else:
            while _exists(owner):
                time.sleep(1.0)
        os._exit(1)

    threading.Thread(target=watch, name="exit-with-ingest", daemon=True).start()


def _exists(pid: int) -> bool:
    try:
        os.kill(pid, 0)
    except ProcessLookupError:
        return False
    except PermissionError:
        return True
    return True


def _ready() -> None:
    """A task that does nothing: submitting one per worker starts the workers at once."""


def _warm() -> str | None:
    """A task that loads the worker's tagger (when it has a factory) and returns its key:
    submitted one per worker at start, so the workers load their vocabulary at once."""
    tagger = _own_tagger()
    return tagger.key if tagger is not None else None


@portable_errors
def parse_piece(
    data: bytes | Span, label: str, tagger: Tagger | None = None, *, tag: bool = True
) -> list[Segment]:
    """Parse one piece (its bytes, or a span of the file that this process reads) into
    segments; tags every article when a tagger is given (or the worker has one), unless
    ``tag`` is false.

    Runs in a worker process: its errors go back pickled, so they are portable."""
    with gc_paused():
        piece = read_span(data) if isinstance(data, Span) else data
        return _parse_piece(piece, label, tagger, tag)


def _parse_piece(data: bytes, label: str, tagger: Tagger | None, tag: bool) -> list[Segment]:
    if not tag:
        tagger = None
    elif tagger is None:
        tagger = _own_tagger()
    segments: list[Segment] = []
    articles: list[Article] = []

    def flush() -> None:
        if articles:
            analyses = analyse_all(tagger, articles) if tagger is not None else None
            key = tagger.key if tagger is not None else None
            batch = build_batch(articles, analyses, tagger_key=key)
            segments.append(Segment(batch=batch, records=len(articles)))
            articles.clear()

    for record in iter_records(data, name=label):
        if isinstance(record, Article):
            articles.append(record)
        elif isinstance(record, Deletion):
            flush()
            segments.append(Segment(deletion=record.pmids))
        elif isinstance(record, BookArticle):
            flush()
            segments.append(Segment(books=1, records=1))
    flush()
    return segments


def _preload(
    context: multiprocessing.context.ForkServerContext, *, tagging: bool, vocab: bool = False
) -> None:
    """Have the forkserver import what a worker needs before it forks the first worker.

    Each worker is forked from the forkserver, so it starts with what the forkserver
    imported instead of importing it again: this module (the parse stack, pyarrow, DuckDB)
    and, when the workers start warm, the tagging stage. On the 10,000-record real-derived
    file: a worker's CPU up to its tagger loaded 0.56-0.60 s instead of 0.79-1.14, and the
    CLI's processes 7.1 CPU-s in all instead of 8.0 (one run each, load average 5-6). Takes
    effect when the forkserver starts (the first pool of a process). (A worker still runs
    the main script again to rebuild ``__main__``; for the CLI that costs ~0.05 CPU-s with
    these modules in place.) With ``vocab``, the forkserver also loads the vocabulary that
    the pool is started with (`evidence.ingest.preload`).
    """
    modules = forkserver_modules(tagging=tagging, vocab=vocab)
    context.set_forkserver_preload(modules)


@contextmanager
def _main_not_run_again(skip: bool) -> Iterator[None]:
    """Inside this block (given ``skip``), the processes started do not run the main script
    of this process again.

    A process started by a forkserver runs the main module of the process that starts it
    again (as ``__mp_main__``), so that what was pickled by reference to ``__main__`` can
    be found there. For ``evidence ingest`` that is the console script, whose imports (the
    command line: typer, rich) cost each worker 0.05-0.06 CPU-s and held its first piece
    back by 0.15-0.2 s (`bench/ingest_account.py`). The main module's file is hidden from
    the start-up data `multiprocessing` sends (``__file__``, which
    ``spawn.get_preparation_data`` reads) while the workers start; a module run with ``-m``
    (``__spec__`` set) is not run again in any case.
    """
    main = sys.modules.get("__main__")
    path = getattr(main, "__file__", None)
    if not skip or main is None or path is None or getattr(main, "__spec__", None) is not None:
        yield
        return
    del main.__file__
    try:
        yield
    finally:
        main.__file__ = path


class WorkerPool:
    """Worker processes that parse and tag pieces; start once, use for many files.

    No process starts until the first file needs them (`start`), so a run whose files are
    all known costs nothing here.

    ``main_again`` false: the workers do not run this process's main script again (see
    `_main_not_run_again`); the pool is then sent nothing defined there, which holds when
    ``factory`` is none or a `VocabSource` and only `submit` gives it work (the ingest's
    own pool). Otherwise they run it, as `multiprocessing` does."""

    def __init__(
        self, workers: int, factory: TaggerFactory | None, *, main_again: bool = True
    ) -> None:
        self.workers = workers
        self._main_again = main_again or not (factory is None or isinstance(factory, VocabSource))
        context = multiprocessing.get_context("forkserver")
        self._context = context
        self._factory = factory
        self._tags = factory is not None
        _preload(context, tagging=False)
        self._pool = ProcessPoolExecutor(
            workers,
            mp_context=context,
            initializer=_init_worker,
            initargs=(factory, os.getpid()),
        )
        self._started = False
        self._warming: list[Future[str | None]] = []

    def start(self, *, warm: bool = False) -> None:
        """Start every worker now (each imports the parse stack; with ``warm``, loads its
        tagger too) without waiting for them, so that their start-up overlaps the caller's
        own work instead of delaying the first piece.

        With ``warm`` and a `VocabSource`, a forkserver started now (the first pool of this
        process) loads the vocabulary before it forks the workers, which then share it
        instead of each loading its own: the CLI's ingest of the 10,000-record real-derived
        file, 2 workers, took 1.40-1.71 CPU-s a worker instead of 2.01-2.14, the forkserver
        1.19-1.25 instead of 0.52-0.69, all its processes 5.40-5.90 instead of 6.03-6.34
        (3 runs each, interleaved, load average 0.7-1.3). The first process started waits
        for that (the caller waits for the workers' tagger key anyway). A forkserver that
        runs already (started ahead, `evidence.ingest.ahead`) keeps what it was started
        with: the workers take its vocabulary when its files are theirs (`VocabSource`)."""
        if not self._started:
            self._started = True
            folder = self._factory.folder if isinstance(self._factory, VocabSource) else None
            if warm and self._tags:
                _preload(self._context, tagging=True, vocab=folder is not None)
            with (
                preloading(folder) if warm and folder is not None else nullcontext(),
                _main_not_run_again(not self._main_again),
            ):
                for _ in range(self.workers):  # the executor starts a process per task
                    if warm:
                        self._warming.append(self._pool.submit(_warm))
                    else:
                        self._pool.submit(_ready)

    def tagger_key(self) -> str | None:
        """The key of the tagger the workers loaded when they started warm (waiting for
        the first of them to have loaded it); None when they did not, or could not."""
        for future in self._warming:
            try:
                key = future.result()
            except Exception:  # the caller loads the tagger itself, which says why
                continue
            if key is not None:
                return key
        return None

    def submit(self, data: bytes | Span, label: str, *, tag: bool = True) -> Future[list[Segment]]:
        return self._pool.submit(parse_piece, data, label, tag=tag)

    def close(self) -> None:
        self._pool.shutdown(wait=True, cancel_futures=True)


def stream_segments(
    pool: WorkerPool,
    source: BinaryIO,
    label: str,
    *,
    piece_bytes: int = 4 << 20,
    merge_records: int = MERGE_RECORDS,
    flush_records: int | None = FLUSH_RECORDS,
    tag: bool = True,
    path: Path | None = None,
    done: Callable[[int], None] | None = None,
) -> Iterator[Segment]:
    """The segments of ``source`` in file order, parsed by ``pool`` a few pieces ahead,
    the pieces' batches merged up to ``merge_records`` records, or ``flush_records`` when
    the next piece is not back yet (see `merged`); tagged by the workers' tagger unless
    ``tag`` is false.

    Given the ``path`` of ``source``, a plain file is cut by byte offsets
    (`span_records`): the workers read their pieces themselves and this process reads only
    the bytes around each cut, and ``done`` is told how far into the file the pieces
    parsed so far reach; a gzip file is cut from ``source``.

    Raises:
        SplitError: the file cannot be cut, or a piece did not parse (parse it whole).
        XmlParseError: the prolog is unsafe or not XML.
    """
    spans = span_records(path, name=label, piece_bytes=piece_bytes) if path else None
    pieces: Iterable[bytes | Span]
    if spans is not None:
        pieces = spans
    else:
        pieces = (p.data for p in split_records(source, name=label, piece_bytes=piece_bytes))
    yield from merged(_pieces(pool, pieces, label, tag, done), merge_records, flush_records)


def _pieces(
    pool: WorkerPool,
    pieces: Iterable[bytes | Span],
    label: str,
    tag: bool,
    done: Callable[[int], None] | None,
) -> Iterator[Segment | None]:
    """The pieces' segments in order; once every piece is submitted, None before a wait
    for a piece not back yet."""
    ahead: deque[tuple[Future[list[Segment]], int | None]] = deque()

    def take(last: bool = False) -> Iterator[Segment | None]:
        future, end = ahead[0]
        if last and not future.done():
            yield None
        ahead.popleft()
        segments = _result(future)
        if done is not None and end is not None:
            done(end)
        yield from segments

    try:
        for piece in pieces:
            end = piece.end if isinstance(piece, Span) else None
            ahead.append((pool.submit(piece, label, tag=tag), end))
            while len(ahead) > 2 * pool.workers:
                yield from take()
        while ahead:
            yield from take(last=True)
    finally:
        for future, _ in ahead:
            future.cancel()


def merged(
    segments: Iterable[Segment | None], limit: int = MERGE_RECORDS, flush: int | None = None
) -> Iterator[Segment]:
    """The segments with consecutive batches merged into batches of up to ``limit`` records.

    Batches are merged only while no PMID repeats among them and they carry the same
    tagger key, and never across a deletion, so the warehouse ends up as it would batch by
    batch (each PMID's outcome depends only on what the warehouse held before); segments
    that only count records pass through at once. A None among ``segments`` says that the
    next one will take a while: what is held goes out then if it holds ``flush`` records
    or more (never with ``flush`` None).
    """
    held: list[tuple[Segment, Batch]] = []
    pmids: set[int] = set()
    size = 0
    for segment in segments:
        if segment is None:
            if held and flush is not None and size >= flush:
                yield _merge(held)
                held, pmids, size = [], set(), 0
            continue
        batch = segment.batch
        if batch is None:
            if segment.deletion and held:
                yield _merge(held)
                held, pmids, size = [], set(), 0
            yield segment
            continue
        if held and (
            size + len(batch) > limit
            or batch.tagger_key != held[0][1].tagger_key
            or not pmids.isdisjoint(batch.pmids)
        ):
            yield _merge(held)
            held, pmids, size = [], set(), 0
        held.append((segment, batch))
        pmids.update(batch.pmids)
        size += len(batch)
    if held:
        yield _merge(held)


def _merge(held: Sequence[tuple[Segment, Batch]]) -> Segment:
    if len(held) == 1:
        return held[0][0]
    return Segment(
        batch=merge_batches([batch for _, batch in held]),
        records=sum(segment.records for segment, _ in held),
        books=sum(segment.books for segment, _ in held),
    )


def _result(future: Future[list[Segment]]) -> list[Segment]:
    try:
        return future.result()
    except Exception as exc:  # a piece that does not parse: the caller re-reads the file
        raise SplitError(str(exc)) from exc
