"""Ingest stage: PubMed files into the warehouse, parsed, loaded and tagged.

`engine` is the one ingest engine: files (order, sha256, ledger) → parse (an executor
turns a file into ordered `Segment`s) → one ordered writer (a transaction per file with its
ledger row). `evidence ingest` (`ingest_into`, over a run's working copy) and
`evidence baseline` (`evidence.baseline`, with a Dask executor) are its two front doors;
`ingest_file` loads one file; `WorkerPool` parses the pieces of big files in worker
processes. The spine (`evidence.pipeline`) opens the working copy and publishes it.

The names are imported on first use (PEP 562), not with the package: a process that needs
one module of it (the worker pool's forkserver imports `evidence.ingest.pool`, the workers
`evidence.ingest.preload`) does not import the engine and DuckDB with it.
"""

from __future__ import annotations

from typing import TYPE_CHECKING

from evidence.lazy import lazy_names

if TYPE_CHECKING:
    from evidence.ingest.engine import (
        BATCH_SIZE,
        INGEST_CHECKPOINT_THRESHOLD,
        INGEST_MEMORY_LIMIT,
        PARALLEL_MIN_BYTES,
        EngineRun,
        Executor,
        FileJob,
        FileResult,
        LocalExecutor,
        Pending,
        Ready,
        plan_files,
        run_files,
        sha256_file,
        write_file,
        write_ledger,
    )
    from evidence.ingest.files import ingest_file
    from evidence.ingest.run import (
        IngestSummary,
        choose_workers,
        default_workers,
        files_to_ingest,
        ingest_into,
        make_tagger,
    )
    from evidence.ingest.steps import Parsed, Segment
    from evidence.ingest.tagger import VocabTagger, load_tagger

# name -> the module that defines it
_WHERE = {
    "BATCH_SIZE": "evidence.ingest.engine",
    "INGEST_CHECKPOINT_THRESHOLD": "evidence.ingest.engine",
    "INGEST_MEMORY_LIMIT": "evidence.ingest.engine",
    "PARALLEL_MIN_BYTES": "evidence.ingest.engine",
    "EngineRun": "evidence.ingest.engine",
    "Executor": "evidence.ingest.engine",
    "FileJob": "evidence.ingest.engine",
    "FileResult": "evidence.ingest.engine",
    "LocalExecutor": "evidence.ingest.engine",
    "Pending": "evidence.ingest.engine",
    "Ready": "evidence.ingest.engine",
    "plan_files": "evidence.ingest.engine",
    "run_files": "evidence.ingest.engine",
    "sha256_file": "evidence.ingest.engine",
    "write_file": "evidence.ingest.engine",
    "write_ledger": "evidence.ingest.engine",
    "ingest_file": "evidence.ingest.files",
    "IngestSummary": "evidence.ingest.run",
    "VocabTagger": "evidence.ingest.tagger",
    "choose_workers": "evidence.ingest.run",
    "default_workers": "evidence.ingest.run",
    "files_to_ingest": "evidence.ingest.run",
    "ingest_into": "evidence.ingest.run",
    "load_tagger": "evidence.ingest.tagger",
    "make_tagger": "evidence.ingest.run",
    "Parsed": "evidence.ingest.steps",
    "Segment": "evidence.ingest.steps",
}


__all__ = [
    "BATCH_SIZE",
    "INGEST_CHECKPOINT_THRESHOLD",
    "INGEST_MEMORY_LIMIT",
    "PARALLEL_MIN_BYTES",
    "EngineRun",
    "Executor",
    "FileJob",
    "FileResult",
    "IngestSummary",
    "LocalExecutor",
    "Parsed",
    "Pending",
    "Ready",
    "Segment",
    "VocabTagger",
    "choose_workers",
    "default_workers",
    "files_to_ingest",
    "ingest_file",
    "ingest_into",
    "load_tagger",
    "make_tagger",
    "plan_files",
    "run_files",
    "sha256_file",
    "write_file",
    "write_ledger",
]

__getattr__, __dir__ = lazy_names(__name__, _WHERE, __all__)
