"""Analysts and writers side by side: writers work on a private copy, then publish it.

DuckDB lets one process write a database file, and a reader holding the file open blocks a
writer in another process (and the other way round). So runs that write never touch the
warehouse analysts open (``data/evidence.duckdb``): inside a `publishing` scope every
`connect` to that path is sent to its working copy (``evidence.duckdb.work``), and when the
outermost scope ends without an error the working copy is checkpointed, copied beside the
warehouse and renamed over it in one atomic step. An analyst who has the warehouse open
keeps reading the version they opened; the next connection sees the new one; nobody ever
sees half a run. A run that fails publishes nothing; its committed work stays in the
working copy and the next run carries on from there, unless a failed write (a full disk)
left the copy unreadable: then it is discarded and the next run starts from the warehouse.
Copies of runs killed mid-copy are removed. A lock file keeps two writing runs apart, with a
clear message when one waits too long for the other. `write_atomically` gives output files
(reports, check results) the same whole-or-nothing replacement.
"""

from __future__ import annotations

import fcntl
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from functools import wraps
from pathlib import Path
from typing import BinaryIO, Concatenate, ParamSpec, Protocol, TypeVar

import duckdb

from evidence.errors import StorageError

__all__ = [
    "DEFAULT_WAIT_SECONDS",
    "publishing",
    "route",
    "work_path",
    "write_atomically",
    "writes_warehouse",
]

log = logging.getLogger(__name__)

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


def _replace_atomically(dst: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a file beside ``dst``, flush it to disk, then rename it over ``dst``.

    A write that fails (full disk, size limit, killed process) never leaves ``dst`` half
    written, and the rename replaces a symbolic link at ``dst`` rather than following it.
    """
    tmp = dst.with_name(f".{dst.name}.{os.getpid()}.tmp")
    tmp.unlink(missing_ok=True)  # left by a killed process with this pid, maybe a link
    try:
        with tmp.open("xb") as fout:
            write(fout)
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


def _copy_atomically(src: Path, dst: Path) -> None:
    with src.open("rb") as fin:
        _replace_atomically(dst, lambda fout: shutil.copyfileobj(fin, fout, 1 << 22))


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write an output file whole or not at all (text as UTF-8), creating its folder.

    Raises:
        StorageError: the folder or the file cannot be written (read-only, full disk).
    """
    raw = data.encode("utf-8") if isinstance(data, str) else data
    try:
        path.parent.mkdir(parents=True, exist_ok=True)
        _replace_atomically(path, lambda fout: fout.write(raw))
    except OSError as exc:
        raise StorageError(f"{path}: cannot write: {exc.strerror or exc}") from exc


def _remove_leftovers(db_path: Path) -> None:
    """Delete the temporary copies of runs killed while copying (the caller holds the lock,
    so no live run is writing one)."""
    for pattern in (f".{db_path.name}.*.tmp", f".{db_path.name}.work.*.tmp"):
        for leftover in db_path.parent.glob(pattern):
            leftover.unlink(missing_ok=True)


def _usable(path: Path) -> bool:
    """Whether DuckDB can open ``path`` and read its catalog (read-only: writes nothing)."""
    try:
        con = duckdb.connect(str(path), read_only=True)
        try:
            con.execute("SELECT count(*) FROM information_schema.tables").fetchall()
        finally:
            con.close()
    except duckdb.Error:
        return False
    return True


def _discard(work: Path, why: str) -> None:
    # A write that failed halfway (full disk) can leave DuckDB's file damaged; the working
    # copy only ever holds unpublished work, so the next run starts again from the warehouse.
    log.warning("%s: %s; discarding the working copy", work, why)
    for path in (work, work.with_name(work.name + ".wal")):
        path.unlink(missing_ok=True)


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
        try:
            _remove_leftovers(key)
            if work.exists() and not _usable(work):
                _discard(work, "cannot be opened (damaged by an earlier failed run)")
            if not work.exists() and key.exists():
                _copy_atomically(key, work)
        except OSError as exc:
            raise StorageError(
                f"{work}: cannot make the working copy: {exc.strerror or exc}"
            ) from exc
        with _guard:
            _scopes[key] = _Scope(work, 1, fd)
        try:
            yield work
        except StorageError:
            if work.exists() and not _usable(work):
                with suppress(OSError):
                    _discard(work, "damaged by the failed write")
            raise
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
