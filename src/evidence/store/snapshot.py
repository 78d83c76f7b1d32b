"""Analysts and writers side by side: writers work on a private copy, then publish it.

DuckDB lets one process write a database file, and a reader holding the file open blocks a
writer in another process (and the other way round). So runs that write never touch the
warehouse analysts open (``data/evidence.duckdb``): `publishing` yields a `WorkCopy` whose
``path`` (``evidence.duckdb.work``) is the file the run opens and writes, and when the scope
ends without an error that copy is checkpointed and renamed over the warehouse in one atomic
step. Nothing is routed behind the caller's back: a run passes the copy down to what it
calls, and `evidence.store.connect` opens exactly the path it is given. An analyst who has
the warehouse open keeps reading the version they opened; the next connection sees the new
one; nobody ever sees half a run.

The published warehouse is the only truth. A run starts from a fresh copy of it, and what
the copy was made from (the warehouse's inode, size, mtime and ctime, or "no warehouse") is
recorded beside it (``evidence.duckdb.work.origin``). A run that fails or is killed
publishes nothing and leaves its copy: the next run carries on from it only while the
warehouse is exactly the one it was copied from, and throws it away otherwise (the
warehouse was deleted, restored from a backup, or changed by an analyst), or when a failed
write (a full disk) left it unreadable, or when the run wrote something that must not be
carried on (`WorkCopy.publish_or_discard`). A run that made nothing worth keeping can
`WorkCopy.abandon` its copy. Copies of runs killed mid-copy are removed. A lock file keeps
two writing runs apart: a run that has to wait says so once, and gives up with a clear
message after ``wait`` seconds. `write_atomically` and `replaced_on_success` give output
files (reports, check results) the same whole-or-nothing replacement.
"""

from __future__ import annotations

import fcntl
import json
import logging
import os
import shutil
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager, suppress
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

import duckdb

from evidence.errors import StorageError

__all__ = [
    "DEFAULT_WAIT_SECONDS",
    "WorkCopy",
    "publishing",
    "replaced_on_success",
    "work_path",
    "write_atomically",
]

log = logging.getLogger(__name__)

DEFAULT_WAIT_SECONDS = 1800.0


@dataclass(slots=True)
class WorkCopy:
    """A writing run's private copy of the warehouse, as `publishing` yields it.

    ``path`` is the file the run opens and writes (pass it down; ``:memory:`` for an
    in-memory warehouse); ``warehouse`` is the published file analysts open, for messages.
    """

    warehouse: Path
    path: Path
    fresh: bool = False  # began with neither a published warehouse nor a copy to carry on from
    resumable: bool = True  # a later run may carry on from the copy if this one fails
    abandoned: bool = False  # publish nothing; throw the copy away

    @property
    def in_memory(self) -> bool:
        return str(self.path) == ":memory:"

    @property
    def creates_warehouse(self) -> bool:
        """Whether this run began from nothing: no published warehouse and no copy of an
        earlier run to carry on from."""
        return self.fresh

    def abandon(self) -> None:
        """Publish nothing when the run ends, and throw the working copy away."""
        if not self.in_memory:
            self.abandoned = True

    def publish_or_discard(self) -> None:
        """From here on, the working copy is published by this run or thrown away: a later
        run never carries on from it. For writes that must not be there twice or unseen: a
        check killed between its commit and the publish would otherwise leave its verdicts
        as "the previous check" for the next one. Does nothing for ``:memory:``.

        Raises:
            StorageError: the record beside the copy cannot be removed.
        """
        if self.in_memory or not self.resumable:
            return
        self.resumable = False
        origin = _origin_path(self.path)
        try:
            origin.unlink(missing_ok=True)
            _sync_dir(origin.parent)
        except OSError as exc:
            raise StorageError(f"{origin}: cannot remove: {exc.strerror or exc}") from exc


# The warehouses this process is writing. Only to refuse a second `publishing` of the same
# file (its lock would wait for ourselves); connections are never routed through it.
_held: set[Path] = set()
_guard = threading.Lock()


def work_path(db_path: Path) -> Path:
    """The private working copy that writing runs use for ``db_path``."""
    return db_path.with_name(db_path.name + ".work")


def _origin_path(work: Path) -> Path:
    return work.with_name(work.name + ".origin")


def _lock_path(db_path: Path) -> Path:
    return db_path.with_name(db_path.name + ".lock")


def _same_file(fd: int, path: Path) -> bool:
    try:
        here = os.stat(path)
    except FileNotFoundError:
        return False
    held = os.fstat(fd)
    return (held.st_dev, held.st_ino) == (here.st_dev, here.st_ino)


def _lock(lock_path: Path, db_path: Path, wait: float) -> int:
    deadline = time.monotonic() + wait
    said = False
    fd = -1
    try:
        while True:
            if fd < 0:
                fd = os.open(lock_path, os.O_RDWR | os.O_CREAT, 0o644)
            try:
                fcntl.flock(fd, fcntl.LOCK_EX | fcntl.LOCK_NB)
            except BlockingIOError:
                holder = os.pread(fd, 200, 0).decode(errors="replace").strip() or "pid unknown"
                if time.monotonic() >= deadline:
                    raise StorageError(
                        f"{db_path}: another evidence run is writing it"
                        f" ({holder}); waited {wait:.0f}s, try again when it has finished"
                    ) from None
                if not said:
                    log.warning(
                        "%s: another evidence run is writing %s (%s); waiting for it to"
                        " finish (at most %.0fs)",
                        lock_path,
                        db_path,
                        holder,
                        wait,
                    )
                    said = True
                time.sleep(0.2)
                continue
            if _same_file(fd, lock_path):
                break
            # The run we waited for removed the lock file as it ended (it left no
            # warehouse): the lock that counts is the one on the file at that path now.
            os.close(fd)
            fd = -1
        os.ftruncate(fd, 0)
        os.pwrite(fd, f"pid {os.getpid()} since {time.strftime('%Y-%m-%d %H:%M:%S')}".encode(), 0)
    except BaseException:
        if fd >= 0:
            os.close(fd)
        raise
    return fd


def _unlock(fd: int) -> None:
    fcntl.flock(fd, fcntl.LOCK_UN)
    os.close(fd)


def _sync_dir(folder: Path) -> None:
    dir_fd = os.open(folder, os.O_RDONLY)
    try:
        os.fsync(dir_fd)
    finally:
        os.close(dir_fd)


def _tmp_beside(dst: Path) -> Path:
    return dst.with_name(f".{dst.name}.{os.getpid()}.tmp")


def _stage(dst: Path, write: Callable[[BinaryIO], object]) -> Path:
    """Write a file beside ``dst`` and flush it to disk; return its path."""
    tmp = _tmp_beside(dst)
    tmp.unlink(missing_ok=True)  # left by a killed process with this pid, maybe a link
    try:
        with tmp.open("xb") as fout:
            write(fout)
            fout.flush()
            os.fsync(fout.fileno())
    except BaseException:
        tmp.unlink(missing_ok=True)
        raise
    return tmp


def _put_in_place(tmp: Path, dst: Path) -> None:
    # The rename replaces a symbolic link at ``dst`` rather than following it.
    os.replace(tmp, dst)
    _sync_dir(dst.parent)


def _replace_atomically(dst: Path, write: Callable[[BinaryIO], object]) -> None:
    """Write a file beside ``dst``, flush it to disk, then rename it over ``dst``.

    A write that fails (full disk, size limit, killed process) never leaves ``dst`` half
    written.
    """
    tmp = _stage(dst, write)
    try:
        _put_in_place(tmp, dst)
    finally:
        tmp.unlink(missing_ok=True)


def _copy_atomically(src: Path, dst: Path) -> None:
    with src.open("rb") as fin:
        _replace_atomically(dst, lambda fout: shutil.copyfileobj(fin, fout, 1 << 22))


def _as_bytes(data: str | bytes) -> bytes:
    return data.encode("utf-8") if isinstance(data, str) else data


@contextmanager
def replaced_on_success(path: Path) -> Iterator[Callable[[str | bytes], None]]:
    """Yield a function that writes ``path``'s new content (text as UTF-8) beside it; the
    file is put in place when the block ends without an error, and dropped otherwise.

    A folder that cannot be written fails when the content is written, inside the block:
    before whatever the block ends with (a publish) has happened.

    Raises:
        StorageError: the folder or the file cannot be written (read-only, full disk).
    """
    staged: list[Path] = []

    def write(data: str | bytes) -> None:
        raw = _as_bytes(data)
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            staged.append(_stage(path, lambda fout: fout.write(raw)))
        except OSError as exc:
            raise StorageError(f"{path}: cannot write: {exc.strerror or exc}") from exc

    try:
        yield write
        if staged:
            try:
                _put_in_place(staged[-1], path)
            except OSError as exc:
                raise StorageError(f"{path}: cannot write: {exc.strerror or exc}") from exc
    finally:
        for tmp in staged:
            with suppress(OSError):
                tmp.unlink(missing_ok=True)


def write_atomically(path: Path, data: str | bytes) -> None:
    """Write an output file whole or not at all (text as UTF-8), creating its folder.

    Raises:
        StorageError: the folder or the file cannot be written (read-only, full disk).
    """
    with replaced_on_success(path) as write:
        write(data)


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


def _identity(db_path: Path) -> dict[str, int] | None:
    """What tells this version of the published warehouse from any other, None when there
    is none. A rename, a restore or a write changes the inode, size, mtime or ctime, and
    ctime cannot be set back (a backup copied with its mtime still gets a new ctime)."""
    try:
        st = db_path.stat()
    except FileNotFoundError:
        return None
    return {
        "dev": st.st_dev,
        "ino": st.st_ino,
        "size": st.st_size,
        "mtime_ns": st.st_mtime_ns,
        "ctime_ns": st.st_ctime_ns,
    }


def _record_origin(work: Path, published: dict[str, int] | None) -> None:
    doc = json.dumps({"copy_of": published}).encode()
    _replace_atomically(_origin_path(work), lambda fout: fout.write(doc))


def _stale(db_path: Path, work: Path) -> str | None:
    """Why the working copy left by an earlier run cannot be carried on; None if it can."""
    try:
        recorded = json.loads(_origin_path(work).read_text(encoding="utf-8"))["copy_of"]
    except (OSError, ValueError, KeyError, TypeError):
        return "no record of the warehouse it was copied from"
    if recorded != _identity(db_path):
        return f"{db_path} is not the warehouse it was copied from"
    if not _usable(work):
        return "cannot be opened (damaged by an earlier failed run)"
    return None


def _remove_copy(work: Path) -> None:
    for path in (work, work.with_name(work.name + ".wal"), _origin_path(work)):
        path.unlink(missing_ok=True)


def _discard(work: Path, why: str) -> None:
    log.warning("%s: %s; discarding the working copy", work, why)
    _remove_copy(work)


def _prepare(db_path: Path, work: Path) -> bool:
    """Make the working copy: the one an earlier run left, if it can be carried on, or a
    fresh copy of the warehouse. True when there is neither (the run starts empty)."""
    _remove_leftovers(db_path)
    if work.exists():
        why = _stale(db_path, work)
        if why is None:
            return False
        _discard(work, why)
    _remove_copy(work)  # a log or a record without a copy
    published = _identity(db_path)
    if published is not None:
        _copy_atomically(db_path, work)
    _record_origin(work, published)
    return published is None


def _checkpoint(path: Path) -> None:
    if not path.with_name(path.name + ".wal").exists():
        return  # nothing logged: the file holds every commit already (no need to open it)
    con = duckdb.connect(str(path))
    try:
        con.execute("CHECKPOINT")
    finally:
        con.close()


def _publish(work: Path, db_path: Path) -> None:
    """Fold the log into the working copy and rename it over the warehouse."""
    try:
        _checkpoint(work)
        _put_in_place(work, db_path)
        _origin_path(work).unlink(missing_ok=True)
    except (OSError, duckdb.Error) as exc:
        raise StorageError(f"{db_path}: could not publish the new warehouse: {exc}") from exc


def _after_failure(copy: WorkCopy, failure: BaseException) -> None:
    """Keep the copy of a failed run for the next one to carry on from, unless it cannot:
    the run said so, or a failed write (a full disk) left DuckDB's file damaged."""
    work = copy.path
    with suppress(OSError):
        if not copy.resumable or copy.abandoned or not work.exists():
            _remove_copy(work)
        elif isinstance(failure, StorageError) and not _usable(work):
            _discard(work, "damaged by the failed write")


@contextmanager
def publishing(db_path: Path, *, wait: float = DEFAULT_WAIT_SECONDS) -> Iterator[WorkCopy]:
    """Yield the working copy of ``db_path`` for a run to write; publish it when the scope
    succeeds. A run enters it once (a second scope for the same warehouse in one process is
    a programming error) and passes the `WorkCopy` down. ``:memory:`` is passed through. A
    scope that leaves no warehouse behind removes its lock file too.

    Raises:
        StorageError: another run holds the lock for longer than ``wait`` seconds, or the
            data folder cannot be written (read-only, full).
        RuntimeError: this process is already writing ``db_path``.
    """
    if str(db_path) == ":memory:":
        yield WorkCopy(db_path, db_path)
        return
    key = db_path.resolve()
    with _guard:
        if key in _held:
            raise RuntimeError(f"{db_path}: this process is already writing it")
        _held.add(key)
    try:
        with _publishing(key, wait) as copy:
            yield copy
    finally:
        with _guard:
            _held.discard(key)


@contextmanager
def _publishing(key: Path, wait: float) -> Iterator[WorkCopy]:
    work = work_path(key)
    lock = _lock_path(key)
    try:
        key.parent.mkdir(parents=True, exist_ok=True)
        fd = _lock(lock, key, wait)
    except OSError as exc:
        raise StorageError(f"{key}: cannot write its folder: {exc.strerror or exc}") from exc
    try:
        try:
            fresh = _prepare(key, work)
        except OSError as exc:
            raise StorageError(
                f"{work}: cannot make the working copy: {exc.strerror or exc}"
            ) from exc
        copy = WorkCopy(key, work, fresh)
        try:
            yield copy
        except BaseException as exc:
            _after_failure(copy, exc)
            raise
        if copy.abandoned:
            _remove_copy(work)
        elif work.exists():
            _publish(work, key)
        else:
            _remove_copy(work)  # the run wrote nothing: no warehouse, no record
    finally:
        with suppress(OSError):
            if not key.exists():
                lock.unlink(missing_ok=True)  # nothing to guard; waiters check the path
        _unlock(fd)
