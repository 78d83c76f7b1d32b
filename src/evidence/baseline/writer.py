"""Baseline ingest, writer side: Parquet partitions → the DuckDB warehouse, in file order.

Reads the partition folders written by `parse_to_parquet` back as the engine's steps
(`partition_steps`: `evidence.ingest.Segment`s); the engine's one writer
(`evidence.ingest.write_file`) loads them, the same code path as ``evidence ingest``. One
process writes (DuckDB allows one writer); each file is loaded in ONE transaction, with its
row in the ``ingest_runs`` ledger, by replaying its steps in order through
`evidence.store.upsert_batch` and `evidence.store.apply_deletion`. The outcome is
therefore the same as ingesting the files one after the other: a PMID is replaced only by a
copy at least as new, an identical copy changes nothing, a DeleteCitation of file *k* lands
after the records of files before *k* and before those of later files. A file whose sha256
was already ingested is skipped, as ``evidence ingest`` does.
"""

from __future__ import annotations

import shutil
from collections import defaultdict
from collections.abc import Callable, Iterable, Iterator, Sequence
from pathlib import Path

import duckdb
import pyarrow.parquet as pq

from evidence.baseline.files import FILE_PATTERN, file_order_key
from evidence.baseline.partition import DELETIONS, PartitionInfo
from evidence.errors import StorageError
from evidence.ingest import FileJob, FileResult, Parsed, Ready, Segment, write_file
from evidence.store import (
    Batch,
    ingest_ledger,
    storage_errors,
)

__all__ = [
    "BATCH_RECORDS",
    "ingested_sha256s",
    "load_partition",
    "load_partitions",
    "out_of_order",
    "partition_steps",
]

# Records per upsert in the writer. Measured on a 30,000-record synthetic file parsed in chunks
# of 2,000: 2.9 s chunk by chunk, 1.6 s in batches of 5,000, 1.45 s of 10,000, 1.55 s of 20,000.
BATCH_RECORDS = 10_000


def ingested_sha256s(con: duckdb.DuckDBPyConnection) -> dict[str, set[str]]:
    """The sha256 of every file ingested with status ok, by file name (not path)."""
    with storage_errors("ingest_runs"):
        return ingest_ledger.ingested_sha256s(con)


def out_of_order(con: duckdb.DuckDBPyConnection, paths: Iterable[Path]) -> list[str]:
    """One line for each file that sorts before a file the warehouse already holds.

    Loading it now cannot undo the later file: its older copies are skipped, but a
    DeleteCitation in it may remove a record that a later file has re-added.
    """
    with storage_errors("ingest_runs"):
        files = ingest_ledger.ingested_files(con)
    loaded = [p for p in files if FILE_PATTERN.match(p.name)]
    if not loaded:
        return []
    latest = max(loaded, key=file_order_key)
    done = {p.name for p in loaded}
    return [
        f"{p}: loaded after {latest.name}, a later file already in the warehouse"
        for p in paths
        if p.name not in done and file_order_key(p) < file_order_key(latest)
    ]


def _deletion_blocks(folder: Path) -> dict[int, list[int]]:
    table = pq.read_table(folder / DELETIONS)
    blocks: defaultdict[int, list[int]] = defaultdict(list)
    for block, pmid in zip(
        table.column("block").to_pylist(), table.column("pmid").to_pylist(), strict=True
    ):
        blocks[int(block)].append(int(pmid))
    return blocks


def partition_steps(
    info: PartitionInfo, *, batch_records: int = BATCH_RECORDS, remove: bool = False
) -> Parsed:
    """A parsed file read back from its partitions, as the engine's writer takes it.

    The first step counts the file's records and books; then consecutive chunks (up to
    ``batch_records`` records, never across a DeleteCitation) come as one batch when no
    PMID repeats among them: the outcome is the same as chunk by chunk, and the writer, the
    one serial part of the job, makes fewer, larger passes. With ``remove`` the partition
    folder is deleted once the file is committed (or skipped).
    """

    def finished() -> None:
        if info.folder is not None:
            shutil.rmtree(info.folder, ignore_errors=True)

    return Parsed(
        info.sha256,
        () if info.status == "skipped" else _read_steps(info, batch_records),
        skipped=info.status == "skipped",
        finished=finished if remove else None,
    )


def _read_steps(info: PartitionInfo, batch_records: int) -> Iterator[Segment]:
    folder = info.folder
    if folder is None:
        raise StorageError(f"{info.path}: parsed, but no partition folder was given")
    with storage_errors(str(folder)):
        files = {name: pq.ParquetFile(folder / f"{name}.parquet") for name in info.tables}
        blocks = _deletion_blocks(folder)
    chunks = sum(1 for kind, _ in info.steps if kind == "rows")
    for name, file in files.items():
        if file.num_row_groups != chunks:
            raise StorageError(
                f"{folder / name}.parquet: {file.num_row_groups} row groups, the manifest"
                f" lists {chunks} chunks; delete {folder} and run again"
            )
    article_rows = files["pm_article"].metadata

    def batches(row_groups: list[int]) -> Iterator[Segment]:
        tables = {name: file.read_row_groups(row_groups) for name, file in files.items()}
        pmids = [int(p) for p in tables["pm_article"].column("pmid").to_pylist()]
        if len(row_groups) > 1 and len(set(pmids)) < len(pmids):
            # A PMID twice in the file: replay chunk by chunk, so that its later copy wins.
            for one in row_groups:
                yield from batches([one])
            return
        yield Segment(batch=Batch(tables, info.tagger_key, pmids))

    yield Segment(records=info.records, books=info.books)
    group: list[int] = []
    for kind, n in info.steps:
        if kind == "rows":
            group.append(n)
            if sum(article_rows.row_group(g).num_rows for g in group) < batch_records:
                continue
        if group:
            yield from batches(group)
            group = []
        if kind == "delete":
            yield Segment(deletion=tuple(blocks.get(n, ())))
    if group:
        yield from batches(group)


def load_partition(
    con: duckdb.DuckDBPyConnection,
    info: PartitionInfo,
    *,
    force: bool = False,
    batch_records: int = BATCH_RECORDS,
) -> FileResult:
    """Load one parsed file into the warehouse in one transaction, with its ledger row
    (the engine's writer, `evidence.ingest.write_file`, over `partition_steps`).

    Raises:
        StorageError: the partitions are missing or damaged, or the warehouse cannot be
            written; nothing of the file is kept.
    """
    parsed = partition_steps(info, batch_records=batch_records)
    return write_file(con, FileJob(info.path), Ready(parsed), force=force)


def load_partitions(
    con: duckdb.DuckDBPyConnection,
    infos: Sequence[PartitionInfo],
    *,
    force: bool = False,
    remove: bool = True,
    on_file: Callable[[FileResult], None] | None = None,
) -> list[FileResult]:
    """Load parsed files in file order, each in its own transaction.

    With ``remove``, a file's partition folder is deleted once its transaction is committed
    (a failed load keeps it, for a retry).

    Raises:
        StorageError: as `load_partition`; the files before it stay loaded.
    """
    results = []
    for info in sorted(infos, key=lambda i: file_order_key(i.path)):
        parsed = partition_steps(info, remove=remove)
        result = write_file(con, FileJob(info.path), Ready(parsed), force=force)
        results.append(result)
        if on_file is not None:
            on_file(result)
    return results
