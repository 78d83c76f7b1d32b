"""Start the parallel ingest's forkserver ahead of the ingest's own start-up (ingest stage,
parallel path).

The workers that parse and tag the pieces of a big file are forked from a forkserver that
first imports the parse stack and the tagging stage and loads the vocabulary once for them
(`evidence.ingest.preload`), some 1.2-1.5 CPU-s on one core. Started when the first file's
pieces are submitted, that came after the ingest's own imports, the warehouse opened and
the file hashed, and this process then waited for it with the second core idle. Started
here, as soon as it is known that the workers will most likely be needed, both run at once.

This module is light to import (no engine, DuckDB or parse stack): ``evidence ingest``
calls `start_ahead` before it imports the pipeline. Starting ahead is a guess; a wrong
guess (a file that turns out to be ingested already) costs the forkserver's CPU on the
other core and changes nothing else: the workers are started as before, from the
forkserver already running, and take the held vocabulary only when its files are those
they would load (`evidence.ingest.preload.VocabSource`).
"""

from __future__ import annotations

import atexit
import gc
import multiprocessing
import os
from collections.abc import Sequence
from contextlib import nullcontext
from pathlib import Path
from typing import TYPE_CHECKING

from evidence.ingest.preload import preloading

if TYPE_CHECKING:
    from evidence.config import Settings

__all__ = [
    "PARALLEL_MIN_BYTES",
    "forkserver_modules",
    "no_collection_at_exit",
    "start_ahead",
    "start_ahead_into",
    "start_forkserver",
]

# Below this size, starting the pieces costs more than parsing in one stream.
PARALLEL_MIN_BYTES = 16 << 20

# The names of files read as PubMed XML, which a big one is cut into pieces for the workers
_XML_SUFFIXES = (".xml", ".xml.gz")


def forkserver_modules(*, tagging: bool, vocab: bool) -> list[str]:
    """What the forkserver imports before it forks the workers: pyarrow without numpy
    (`evidence.ingest.arrow`), the pool module (the parse stack), with ``tagging`` the
    tagging stage (`evidence.ingest.tagging_stage`: its patterns from what was kept), with
    ``vocab`` the module that loads the vocabulary named by
    `evidence.ingest.preload.preloading` (it comes last, so that the others are whole when
    the vocabulary loads)."""
    modules = ["evidence.ingest.arrow", "evidence.ingest.pool"]
    if tagging:
        modules.append("evidence.ingest.tagging_stage")
    if vocab:
        modules.append("evidence.ingest.forkserver")
    return modules


def start_forkserver(vocab: Path | None) -> None:
    """Start this process's forkserver now, without waiting for it: it imports what a
    worker needs and, given ``vocab``, loads that vocabulary for the workers it forks. Does
    nothing when the forkserver runs already (its imports are settled when it starts)."""
    from multiprocessing import forkserver

    multiprocessing.get_context("forkserver")  # the start method exists here
    forkserver.set_forkserver_preload(
        forkserver_modules(tagging=vocab is not None, vocab=vocab is not None)
    )
    with preloading(vocab) if vocab is not None else nullcontext():
        forkserver.ensure_running()


_at_exit: list[bool] = []  # whether `no_collection_at_exit` registered its callback


def no_collection_at_exit() -> None:
    """Have this process skip the cycle collector's passes over what it holds when it exits.

    The interpreter's clean-up at exit runs the collector over every object still alive
    (all the modules of the command, the vocabulary in the forkserver), which frees nothing
    the exit would not free; an exit callback that freezes them (`gc.freeze`, run before
    that clean-up) leaves them out. `evidence ingest`'s process ended 0.05-0.08 CPU-s
    sooner on the 10,000-record real-derived file. Objects still alive then are freed as
    before, by reference counting as the modules are cleared; only objects in reference
    cycles at exit are left to the operating system (Python does not promise to finalize
    those at exit either). Registered once per process.
    """
    if not _at_exit:
        _at_exit.append(True)
        atexit.register(gc.freeze)


def will_cut(paths: Sequence[Path], workers: int | None) -> bool:
    """Whether an ingest of ``paths`` will most likely start worker processes at its first
    file: a worker count other than 0 (None: one per core, so none on one core) and a first
    path that is a PubMed XML file (by its name) of `PARALLEL_MIN_BYTES` or more."""
    if workers == 0 or (workers is None and (os.cpu_count() or 1) < 2) or not paths:
        return False
    first = paths[0]
    try:
        big = first.is_file() and first.stat().st_size >= PARALLEL_MIN_BYTES
    except OSError:
        return False
    return big and first.name.lower().endswith(_XML_SUFFIXES)


def start_ahead(
    paths: Sequence[Path], workers: int | None, vocab: Path | None, *, fresh: bool
) -> bool:
    """Start the forkserver now (`start_forkserver`, loading ``vocab`` when the ingest tags)
    when the ingest of ``paths`` into a warehouse that is ``fresh`` (created by this run, so
    holding no file yet) will cut its first file into pieces for worker processes
    (`will_cut`); return whether it started one."""
    if not fresh or not will_cut(paths, workers):
        return False
    start_forkserver(vocab)
    return True


def start_ahead_into(paths: Sequence[Path], workers: int | None, settings: Settings) -> bool:
    """`start_ahead` for ``evidence ingest`` of ``paths`` into the warehouse ``settings``
    name: fresh when its file does not exist yet, the vocabulary its own."""
    return start_ahead(paths, workers, settings.vocab_dir, fresh=not settings.db_path.exists())
