"""Baseline ingest, worker side: one PubMed XML file → a folder of Parquet partitions.

Reads a baseline or update file (plain or gzip) and the vocabulary; writes one folder per
file under the work folder (``data/work/baseline/`` by default), never the warehouse:

    pubmed25n0001.xml.gz.<sha256[:16]>/
        pm_article.parquet … pm_link.parquet   the records, shaped like the warehouse tables
        pm_tag.parquet, pm_finding.parquet     their tags and findings (when a vocabulary is given)
        deletions.parquet                      the PMIDs of each DeleteCitation block
        partition.json                         the manifest (`PartitionInfo`), written last

Memory stays bounded whatever the file size: records are parsed one at a time, and every
``chunk_size`` records (1,000 by default; and before each DeleteCitation) the chunk is
tagged, turned into Arrow tables by `evidence.store.build_batch` and written as ONE row group
of every table file. Row group *i* of each table therefore holds chunk *i*, and the manifest
lists the chunks and deletion blocks in file order, so the writer can replay the file exactly
as ``evidence ingest`` would. A folder is built under a ``.partial`` name and renamed when
complete: a folder with a manifest is whole, and is reused by a retry after a failure.
"""

from __future__ import annotations

import gc
import json
import os
import resource
import shutil
import socket
import sys
import time
from collections.abc import Collection
from dataclasses import asdict, dataclass, replace
from pathlib import Path

import pyarrow as pa
import pyarrow.parquet as pq

from evidence.baseline.topics import TopicFilter
from evidence.errors import StorageError, portable_errors
from evidence.ingest import VocabTagger, sha256_file
from evidence.models import Article, BookArticle, Deletion, Finding, Tag
from evidence.pubmed import iter_records
from evidence.store import build_batch
from evidence.store.tags import analyse_all
from evidence.tagging import load_vocabulary

__all__ = [
    "CHUNK_SIZE",
    "DELETIONS",
    "MANIFEST",
    "TABLES",
    "PartitionInfo",
    "parse_to_parquet",
    "read_manifest",
]

# Records per chunk (row group). Peak RSS of a plain process parsing a 30,000-record synthetic
# file with tags: 205 MB with chunks of 500, 232 MB of 1,000, 243 MB of 2,000, 324 MB of 5,000
# (imports and vocabulary alone: 103 MB); a Dask worker process adds some 20 MB. The writer
# merges chunks into larger batches, so small chunks cost the load nothing.
CHUNK_SIZE = 1000
TABLES = (
    "pm_article", "pm_section", "pm_author", "pm_pubtype", "pm_mesh", "pm_link",
    "pm_tag", "pm_finding",
)  # fmt: skip
DELETIONS = "deletions.parquet"
MANIFEST = "partition.json"
_MANIFEST_VERSION = 1
_DELETION_SCHEMA = pa.schema([("block", pa.int32()), ("pmid", pa.int64())])


@dataclass(frozen=True, slots=True)
class PartitionInfo:
    """What parsing one file produced; plain data, so it travels back from any worker.

    ``status`` is ``parsed`` (``folder`` holds the partitions) or ``skipped`` (the file's
    sha256 was already ingested; nothing was written). ``steps`` replays the file in order:
    ``("rows", i)`` is row group *i* of every table, ``("delete", j)`` deletion block *j*.
    ``worker``, ``cpu_seconds`` and ``peak_rss_mb`` tell which process parsed it, the CPU
    time that process used meanwhile (``seconds`` well above it: the worker waited for a
    core), and its peak memory so far.
    """

    path: Path
    sha256: str
    status: str
    folder: Path | None = None
    steps: tuple[tuple[str, int], ...] = ()
    tables: tuple[str, ...] = ()
    records: int = 0
    kept: int = 0
    books: int = 0
    deleted: int = 0
    tagger_key: str | None = None
    filter_key: str | None = None
    seconds: float = 0.0
    cpu_seconds: float = 0.0
    worker: str = ""
    peak_rss_mb: float = 0.0
    reused: bool = False

    def to_json(self) -> str:
        data = asdict(self)
        data.update(version=_MANIFEST_VERSION, path=str(self.path), folder=None)
        return json.dumps(data, indent=1)


def read_manifest(folder: Path, path: Path) -> PartitionInfo | None:
    """The manifest of a complete partition folder (for source file ``path``), else None."""
    try:
        data = json.loads((folder / MANIFEST).read_text(encoding="utf-8"))
    except (OSError, ValueError):
        return None
    if not isinstance(data, dict) or data.pop("version", None) != _MANIFEST_VERSION:
        return None
    data.update(path=path, folder=folder, reused=True)
    data["steps"] = tuple((str(kind), int(n)) for kind, n in data.get("steps", ()))
    data["tables"] = tuple(data.get("tables", ()))
    try:
        return PartitionInfo(**data)
    except TypeError:
        return None


def _peak_rss_mb() -> float:
    # ru_maxrss is in KiB on Linux, in bytes on macOS.
    peak = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss
    return peak / (1 << 20 if sys.platform == "darwin" else 1 << 10)


# Runs on Dask workers (and Prefect tasks): errors go back to the writer pickled, so they
# must be portable (see `portable_errors`).
@portable_errors
def parse_to_parquet(
    path: Path,
    out_dir: Path,
    *,
    vocab_dir: Path | None,
    filter: TopicFilter | None = None,
    done: Collection[str] = (),
    chunk_size: int = CHUNK_SIZE,
) -> PartitionInfo:
    """Parse, filter and tag one file into Parquet partitions under ``out_dir``.

    ``vocab_dir`` None writes no tags (the warehouse tags the records later). A file whose
    sha256 is in ``done`` is not parsed. A complete folder left by an earlier attempt with
    the same file, vocabulary and filter is reused as it is.

    Raises:
        XmlParseError: the file is not PubMed XML or is broken; no folder is left behind.
        VocabularyError: the vocabulary is invalid.
        StorageError: the work folder cannot be written.
    """
    clock, cpu = time.perf_counter(), time.process_time()
    sha = sha256_file(path)
    if sha in done:
        return PartitionInfo(path=path, sha256=sha, status="skipped")
    tagger = VocabTagger(load_vocabulary(vocab_dir)) if vocab_dir is not None else None
    tagger_key = tagger.key if tagger is not None else None
    filter_key = filter.key if filter is not None else None
    folder = out_dir / f"{path.name}.{sha[:16]}"
    old = read_manifest(folder, path)
    if old is not None and (old.sha256, old.tagger_key, old.filter_key) == (
        sha,
        tagger_key,
        filter_key,
    ):
        return old
    partial = folder.with_name(folder.name + ".partial")
    try:
        shutil.rmtree(partial, ignore_errors=True)
        partial.mkdir(parents=True)
        out = _ChunkWriter(partial, tagger, chunk_size)
        try:
            for record in iter_records(path):
                if isinstance(record, Article):
                    out.records += 1
                    if filter is None or filter.matches(record):
                        out.add(record)
                elif isinstance(record, Deletion):
                    out.delete(record.pmids)
                elif isinstance(record, BookArticle):
                    out.records += 1
                    out.books += 1
            out.close()
        except BaseException:
            out.abort()
            raise
        info = PartitionInfo(
            path=path, sha256=sha, status="parsed", steps=tuple(out.steps), tables=out.tables,
            records=out.records, kept=out.kept, books=out.books, deleted=out.deleted,
            tagger_key=tagger_key, filter_key=filter_key, seconds=time.perf_counter() - clock,
            cpu_seconds=time.process_time() - cpu, worker=f"{socket.gethostname()}:{os.getpid()}",
            peak_rss_mb=round(_peak_rss_mb(), 1),
        )  # fmt: skip
        (partial / MANIFEST).write_text(info.to_json(), encoding="utf-8")
        shutil.rmtree(folder, ignore_errors=True)
        partial.rename(folder)
    except OSError as exc:
        shutil.rmtree(partial, ignore_errors=True)
        raise StorageError(f"{partial}: cannot write partitions ({exc.strerror or exc})") from exc
    except BaseException:
        shutil.rmtree(partial, ignore_errors=True)
        raise
    finally:
        # A worker parses file after file: hand the freed Arrow buffers back to the system.
        gc.collect()
        pa.default_memory_pool().release_unused()
    return replace(info, folder=folder)


class _ChunkWriter:
    """Buffers kept articles; every chunk becomes one row group of every table file."""

    def __init__(self, folder: Path, tagger: VocabTagger | None, chunk_size: int) -> None:
        self.key = tagger.key if tagger is not None else None
        self.tagger = tagger
        self.chunk_size = chunk_size
        self.folder = folder
        empty = build_batch([], [] if tagger is not None else None, tagger_key=self.key).tables
        self.tables = tuple(name for name in TABLES if name in empty)
        self.writers = {
            name: pq.ParquetWriter(folder / f"{name}.parquet", empty[name].schema)
            for name in self.tables
        }
        self.steps: list[tuple[str, int]] = []
        self.deletions: list[tuple[int, int]] = []
        self.pending: list[Article] = []
        self.records = self.kept = self.books = self.deleted = 0
        self.chunks = self.blocks = 0

    def add(self, article: Article) -> None:
        self.pending.append(article)
        if len(self.pending) >= self.chunk_size:
            self.flush()

    def delete(self, pmids: tuple[int, ...]) -> None:
        """A DeleteCitation block, applied after the records before it."""
        self.flush()
        self.deletions.extend((self.blocks, pmid) for pmid in pmids)
        self.deleted += len(pmids)
        self.steps.append(("delete", self.blocks))
        self.blocks += 1

    def flush(self) -> None:
        if not self.pending:
            return
        analyses: list[tuple[list[Tag], list[Finding]]] | None = None
        if self.tagger is not None:
            analyses = analyse_all(self.tagger, self.pending)
        batch = build_batch(self.pending, analyses, tagger_key=self.key)
        for name in self.tables:
            table = batch.tables[name]
            # One row group per chunk and table, even an empty one, keeps the files aligned.
            self.writers[name].write_table(table, row_group_size=max(1, table.num_rows))
        self.steps.append(("rows", self.chunks))
        self.chunks += 1
        self.kept += len(batch)
        self.pending.clear()

    def abort(self) -> None:
        """Close the table files without writing what is pending (the folder is dropped)."""
        for writer in self.writers.values():
            writer.close()

    def close(self) -> None:
        """Flush the last chunk, close the table files and write the deletions."""
        self.flush()
        self.abort()
        blocks, pmids = zip(*self.deletions, strict=True) if self.deletions else ((), ())
        table = pa.table(
            [pa.array(blocks, pa.int32()), pa.array(pmids, pa.int64())], schema=_DELETION_SCHEMA
        )
        pq.write_table(table, self.folder / DELETIONS)
