"""Warehouse connection: opens DuckDB, applies the schema, checks its version.

Reads and writes the DuckDB file only. The DDL lives in ``sql/*.sql`` (run in name order,
each statement idempotent) so analysts can read it. This is the one module that turns
duckdb exceptions into `StorageError`.
"""

from __future__ import annotations

import shutil
from collections.abc import Iterator, Mapping
from contextlib import contextmanager, suppress
from importlib import resources
from pathlib import Path

import duckdb
import pyarrow as pa

from evidence.errors import SchemaVersionError, StorageError

__all__ = [
    "DEMO_WAREHOUSE",
    "SCHEMA_VERSION",
    "connect",
    "no_such_warehouse",
    "staged",
    "storage_errors",
    "transaction",
]

# Bump when a table changes shape in a way old files cannot be read with.
SCHEMA_VERSION = "1"
# The file name the demo writes beside the default warehouse (see evidence.entrez.replay).
DEMO_WAREHOUSE = "demo.duckdb"


def _sql_files() -> list[str]:
    folder = resources.files("evidence.store") / "sql"
    names = sorted(p.name for p in folder.iterdir() if p.name.endswith(".sql"))
    return [(folder / name).read_text(encoding="utf-8") for name in names]


# The spill folder of the warehouse opened last for writing (a run writes one at a time).
# DuckDB's errors do not name it, so connect() remembers it for storage_errors.
_spill_folder: list[Path] = []


@contextmanager
def storage_errors(what: str) -> Iterator[None]:
    """Translate duckdb and OS errors raised inside the block into one-line StorageErrors."""
    try:
        yield
    except duckdb.Error as exc:
        first = str(exc).strip().splitlines()[0] if str(exc).strip() else type(exc).__name__
        if isinstance(exc, duckdb.OutOfMemoryException) and "max_temp_directory_size" in str(exc):
            raise StorageError(f"{what}: {_no_room_to_spill()}") from exc
        raise StorageError(f"{what}: {first}") from exc
    except OSError as exc:
        raise StorageError(f"{what}: {exc.strerror or exc}") from exc


def no_such_warehouse(path: str | Path) -> StorageError:
    """The error for a warehouse that does not exist; when the demo (`scripts/run` without
    NCBI_EMAIL) left ``demo.duckdb`` beside it, the message says how to open that instead."""
    demo = Path(path).parent / DEMO_WAREHOUSE
    if Path(path).name != DEMO_WAREHOUSE and demo.is_file():
        return StorageError(
            f"{path}: no such warehouse; the demo wrote {demo}:"
            f" use --db {demo} (or EVIDENCE_DB={demo})"
        )
    return StorageError(f"{path}: no such warehouse (run `evidence ingest` or `evidence sync`)")


def _no_room_to_spill() -> str:
    """What a full spill folder means. DuckDB calls it "Out of Memory": past its memory limit
    it spills to a folder it caps at 90 % of the disk space free when it started."""
    if not _spill_folder:
        return "out of disk space to spill into the warehouse's .tmp folder; free disk space there"
    folder = _spill_folder[-1]
    existing = next((p for p in (folder, *folder.parents) if p.exists()), None)
    free = f"{_size(shutil.disk_usage(existing).free)} free" if existing else "gone"
    return (
        f"out of disk space to spill into {folder} ({free}; DuckDB stops at 90 % of the space"
        " free when the run started); free disk space there"
    )


def _size(n: float) -> str:
    for unit in ("B", "KiB", "MiB", "GiB"):
        if n < 1024:
            return f"{n:.1f} {unit}" if unit != "B" else f"{int(n)} B"
        n /= 1024
    return f"{n:.1f} TiB"


def _remember_spill_folder(con: duckdb.DuckDBPyConnection) -> None:
    row = con.execute("SELECT current_setting('temp_directory')").fetchone()
    if row and row[0]:
        _spill_folder[:] = [Path(row[0]).absolute()]


def connect(
    path: str | Path = ":memory:",
    *,
    read_only: bool = False,
    memory_limit: str | None = None,
    threads: int | None = None,
    checkpoint_threshold: str | None = None,
) -> duckdb.DuckDBPyConnection:
    """Open (and create) the warehouse at ``path`` with its schema and analyst views.

    ``memory_limit`` (DuckDB's setting, e.g. "64MB") caps what DuckDB holds in memory; past
    it, DuckDB spills to a temporary folder beside the file. Writers set it so that a big
    file's open transaction does not grow the process. ``threads`` caps DuckDB's own
    threads (default: one per core); a writer fed by worker processes sets 1.
    ``checkpoint_threshold`` (DuckDB's setting, default 16MB) is the size of a transaction
    past which its commit writes the rows straight into the file (a checkpoint) instead of
    into the write-ahead log first; a bulk writer sets a small one, so that a big commit
    writes its rows once, not twice (log, then the checkpoint at close). Either way the
    commit is whole or nothing.

    Opens exactly ``path``: a writing run passes its working copy
    (`evidence.store.snapshot.WorkCopy.path`), so it never touches the file analysts have open.

    Raises:
        SchemaVersionError: the file was written by an incompatible schema version.
        StorageError: the file cannot be opened (locked by another writer, unreadable, ...).
    """
    where = str(path)
    if where != ":memory:":
        p = Path(where)
        if read_only and not p.exists():
            raise no_such_warehouse(p)
        if not read_only:
            with storage_errors(f"{p.parent}"):
                p.parent.mkdir(parents=True, exist_ok=True)
    config: dict[str, str | bool | int | float | list[str]] = {}
    if memory_limit:
        config["memory_limit"] = memory_limit
    if threads:
        config["threads"] = threads
    if checkpoint_threshold:
        config["checkpoint_threshold"] = checkpoint_threshold
    with storage_errors(where):
        con = duckdb.connect(where, read_only=read_only, config=config)
    try:
        if not read_only and where != ":memory:":
            with storage_errors(where):
                _remember_spill_folder(con)
        _check_or_create_schema(con, where, read_only=read_only)
    except BaseException:
        con.close()
        raise
    return con


def _check_or_create_schema(con: duckdb.DuckDBPyConnection, where: str, *, read_only: bool) -> None:
    with storage_errors(where):
        has_info = con.execute(
            "SELECT count(*) FROM information_schema.tables WHERE table_name = 'schema_info'"
        ).fetchall()
        found = None
        if has_info[0][0]:
            rows = con.execute(
                "SELECT value FROM schema_info WHERE key = 'schema_version'"
            ).fetchall()
            found = rows[0][0] if rows else None
    if found is not None and found != SCHEMA_VERSION:
        raise SchemaVersionError(
            f"{where}: schema version {found}, this evidence reads version {SCHEMA_VERSION};"
            " rebuild the warehouse from data/raw with `evidence ingest`"
        )
    if read_only:
        if found is None:
            raise StorageError(f"{where}: not an evidence warehouse (no schema_info table)")
        return
    with storage_errors(where):
        con.execute("BEGIN TRANSACTION")
        try:
            for script in _sql_files():
                con.execute(script)
            if found is None:
                con.execute(
                    "INSERT INTO schema_info VALUES ('schema_version', ?)", [SCHEMA_VERSION]
                )
            con.execute("COMMIT")
        except BaseException:
            _rollback(con)
            raise


@contextmanager
def transaction(con: duckdb.DuckDBPyConnection, what: str) -> Iterator[None]:
    """Run the block in one transaction: all of it is committed, or none of it."""
    with storage_errors(what):
        con.execute("BEGIN TRANSACTION")
    try:
        yield
    except BaseException:
        _rollback(con)
        raise
    with storage_errors(what):
        con.execute("COMMIT")


def _rollback(con: duckdb.DuckDBPyConnection) -> None:
    """Roll back, keeping the error that caused it: after a failed COMMIT (a full disk)
    DuckDB has already ended the transaction, and its "no transaction is active" would
    hide the real reason."""
    with suppress(duckdb.Error):
        con.execute("ROLLBACK")


@contextmanager
def staged(con: duckdb.DuckDBPyConnection, tables: Mapping[str, pa.Table]) -> Iterator[None]:
    """Make Arrow tables readable by SQL under these names for the block.

    The rows are copied into temp tables rather than registered as views: DuckDB keeps a
    registered object alive until the open transaction ends, so a file's every batch would
    stay in memory until its commit. Copied rows are DuckDB's to spill under its memory
    limit, and each Arrow table is freed as soon as its caller lets go of it. The temp
    tables are kept (emptied) for the next batch, since every table made and dropped inside
    a transaction costs memory until it ends; a name must always carry the same columns.
    """
    try:
        for name, table in tables.items():
            if not name.isidentifier():
                raise ValueError(f"not a table name: {name!r}")
            arrow_rows = table  # noqa: F841 -- read by DuckDB's replacement scan, by this name
            con.execute(f"CREATE TEMP TABLE IF NOT EXISTS {name} AS FROM arrow_rows LIMIT 0")
            con.execute(f"DELETE FROM temp.{name}")  # noqa: S608
            con.execute(f"INSERT INTO temp.{name} FROM arrow_rows")
        yield
    finally:
        for name in tables:
            with suppress(duckdb.Error):
                con.execute(f"DELETE FROM temp.{name}")  # noqa: S608
