"""The raw layer (acquisition stage, disk edge): efetch answers kept as they came.

Writes ``<root>/query_set=NAME/date=YYYY-MM-DD/<run>-<query>-b<batch>.xml.gz``; reads
nothing. A file is written under a temporary name, flushed, then hard-linked to its final
name, which fails rather than replace an existing file: a raw file is never overwritten,
and a file only ever appears whole. A process killed between writing a file and recording it
in ``raw_responses`` leaves an unrecorded file behind; the batch is fetched again and saved
beside it under the next free name (``...-b0003.1.xml.gz``). gzip runs with mtime 0, so equal
bodies give equal files and equal sha256 values.
"""

from __future__ import annotations

import gzip
import hashlib
import os
import re
from dataclasses import dataclass
from datetime import datetime
from pathlib import Path

from evidence.errors import InputError, StorageError

__all__ = ["SavedRaw", "raw_dir_for", "relative_to_data", "save_raw"]

_SAFE_NAME = re.compile(r"[A-Za-z0-9_][A-Za-z0-9_.-]{0,127}")


@dataclass(frozen=True, slots=True)
class SavedRaw:
    """Where a body was saved and the sha256 of the stored (compressed) file."""

    path: Path
    sha256: str
    size: int


def raw_dir_for(root: Path, query_set: str, when: datetime) -> Path:
    """The partition folder of a query set on a day (UTC).

    Raises:
        InputError: ``query_set`` is not a plain name (it would lead outside ``root``).
    """
    return root / f"query_set={_name(query_set, 'query set')}" / f"date={when:%Y-%m-%d}"


def _name(value: str, what: str) -> str:
    # Query sets are validated where they are loaded; this keeps any other caller, too,
    # from writing outside the raw folder ("../../etc", "a/b", ".hidden").
    if not _SAFE_NAME.fullmatch(value):
        raise InputError(f"{what} name {value!r} cannot name a file in the raw folder")
    return value


def relative_to_data(path: Path, data_dir: Path) -> str:
    """``path`` relative to the data folder when it lies inside it, else absolute."""
    try:
        return path.resolve().relative_to(data_dir.resolve()).as_posix()
    except ValueError:
        return str(path.resolve())


def save_raw(
    root: Path,
    query_set: str,
    run_id: str,
    query_name: str,
    batch_no: int,
    body: bytes,
    *,
    fetched_at: datetime,
) -> SavedRaw:
    """Compress and save one efetch body; never replaces an existing file.

    Raises:
        InputError: a name would lead outside ``root``.
        StorageError: the folder or file cannot be written.
    """
    folder = raw_dir_for(root, query_set, fetched_at)
    stem = f"{_name(run_id, 'run')}-{_name(query_name, 'query')}-b{batch_no:04d}"
    data = gzip.compress(body, compresslevel=6, mtime=0)
    tmp = folder / f".{stem}.{os.getpid()}.tmp"
    try:
        folder.mkdir(parents=True, exist_ok=True)
        with tmp.open("wb") as fh:
            fh.write(data)
            fh.flush()
            os.fsync(fh.fileno())
        path = _link_free_name(tmp, folder, stem)
    except OSError as exc:
        raise StorageError(f"{folder / stem}.xml.gz: cannot save ({exc.strerror or exc})") from exc
    finally:
        tmp.unlink(missing_ok=True)
    return SavedRaw(path, hashlib.sha256(data).hexdigest(), len(data))


def _link_free_name(tmp: Path, folder: Path, stem: str) -> Path:
    for n in range(1000):
        path = folder / (f"{stem}.xml.gz" if n == 0 else f"{stem}.{n}.xml.gz")
        try:
            os.link(tmp, path)
        except FileExistsError:
            continue
        return path
    raise StorageError(f"{folder / stem}.xml.gz: 1000 earlier copies exist")
