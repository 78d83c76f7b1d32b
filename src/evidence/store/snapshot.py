"""Analysts and writers side by side: writers work on a private copy, then publish it.

DuckDB lets one process write a database file, and a reader holding the file open blocks a
writer in another process (and the other way round). So runs that write never touch the
warehouse analysts open (``data/evidence.duckdb``): inside a `publishing` scope every
`connect` to that path is sent to its working copy (``evidence.duckdb.work``), and when the
outermost scope ends without an error the working copy is checkpointed, copied beside the
warehouse and renamed over it in one atomic step. An analyst who has the warehouse open
keeps reading the version they opened; the next connection sees the new one; nobody ever
sees half a run. A run that fails publishes nothing; its committed work stays in the
working copy and the next run carries on from there. A lock file keeps two writing runs
apart, with a clear message when one waits too long for the other.
"""

from __future__ import annotations

import fcntl
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import Concatenate, ParamSpec, Protocol, TypeVar

import duckdb

from evidence.errors import StorageError

__all__ = ["DEFAULT_WAIT_SECONDS", "publishing", "route", "work_path", "writes_warehouse"]

DEFAULT_WAIT_SECONDS = 1800.0


@dataclass(slots=True)
class _Scope:
    work: Path
    depth: int
    lock_fd: int


# The scopes open in this process, by warehouse path. Process-wide on purpose: Prefect runs
# tasks in worker threads, and they must all write to the same working copy.
_scopes: dict[Path, _Scope] = {}
_guard = threading.Lock()


def work_path(db_path: Path) -> Path:
    """The private working copy that writing runs use for ``db_path``."""
    return db_path.with_name(db_path.name + ".work")


def route(path: str | Path) -> str:
    """The file a connection to ``path`` should open: the working copy inside a scope."""
    if str(path) == ":memory:":
        return ":memory:"
    with _guard:
        scope = _scopes.get(Path(path).resolve())
    return str(scope.work) if scope else str(path)


def _lock(lock_path: Path, wait: float) -> int:
    fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
    deadline = time.monotonic() + wait
    while True:
        try:
            fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
        except BlockingIOError:
            if time.monotonic() >= deadline:
                holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "unknown"
                os.close(fd)
                raise StorageError(
                    f"{lock_path.with_suffix('')}: another evidence run is writing it"
                    f" ({holder}); waited {wait:.0f}s, try again when it has finished"
                ) from None
            time.sleep(0.2)
            continue
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
        return fd


def _unlock(fd: int) -> None:
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def _copy_atomically(src: Path, dst: Path) -> None:
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    try:
        with src.open("rb") as fin, tmp.open("wb") as fout:
            shutil.copyfileobj(fin, fout, 1 << 22)
            fout.flush()
            os.fsync(fout.fileno())
        os.replace(tmp, dst)
        dir_fd = os.open(dst.parent, os.O_RDONLY)
        try:
            os.fsync(dir_fd)
        finally:
            os.close(dir_fd)
    finally:
        tmp.unlink(missing_ok=True)


def _checkpoint(path: Path) -> None:
    con = duckdb.connect(str(path))
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


@contextmanager
def publishing(db_path: Path, *, wait: float = DEFAULT_WAIT_SECONDS) -> Iterator[Path]:
    """Route writes to ``db_path`` to its working copy; publish it when the scope succeeds.

    Scopes nest: only the outermost one takes the lock and publishes. ``:memory:`` needs no
    scope and is passed through. Yields the working copy's path.

    Raises:
        StorageError: another run holds the lock for longer than ``wait`` seconds, or the
            data folder cannot be written (read-only, full).
    """
    if str(db_path) == ":memory:":
        yield db_path
        return
    key = db_path.resolve()
    with _guard:
        scope = _scopes.get(key)
        if scope is not None:
            scope.depth += 1
    if scope is not None:
        try:
            yield scope.work
        finally:
            with _guard:
                scope.depth -= 1
        return
    work = work_path(key)
    try:
        key.parent.mkdir(parents=True, exist_ok=True)
        fd = _lock(key.with_name(key.name + ".lock"), wait)
    except OSError as exc:
        raise StorageError(f"{key}: cannot write its folder: {exc.strerror or exc}") from exc
    try:
        if not work.exists() and key.exists():
            try:
                _copy_atomically(key, work)
            except OSError as exc:
                raise StorageError(f"{work}: cannot make the working copy: {exc}") from exc
        with _guard:
            _scopes[key] = _Scope(work, 1, fd)
        try:
            yield work
        finally:
            with _guard:
                del _scopes[key]
        if work.exists():
            try:
                _checkpoint(work)
                _copy_atomically(work, key)
            except (OSError, duckdb.Error) as exc:
                raise StorageError(f"{key}: could not publish the new warehouse: {exc}") from exc
    finally:
        _unlock(fd)


class _HasDb(Protocol):
    @property
    def db_path(self) -> Path: ...


S = TypeVar("S", bound=_HasDb)
P = ParamSpec("P")
R = TypeVar("R")


def writes_warehouse(fn: Callable[Concatenate[S, P], R]) -> Callable[Concatenate[S, P], R]:
    """Run ``fn(settings, ...)`` inside a `publishing` scope for ``settings.db_path``."""

    @wraps(fn)
    def wrapper(settings: S, /, *args: P.args, **kwargs: P.kwargs) -> R:
        with publishing(settings.db_path):
            return fn(settings, *args, **kwargs)

    return wrapper
