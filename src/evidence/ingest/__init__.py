"""Ingest stage: PubMed files into the warehouse, parsed, loaded and tagged.

`engine` is the one ingest engine: files (order, sha256, ledger) → parse (an executor
turns a file into ordered `Segment`s) → one ordered writer (a transaction per file with its
ledger row). `evidence ingest` (`ingest_into`, over a run's working copy) and
`evidence baseline` (`evidence.baseline`, with a Dask executor) are its two front doors;
`ingest_file` loads one file; `WorkerPool` parses the pieces of big files in worker
processes. The spine (`evidence.pipeline`) opens the working copy and publishes it.
"""

from __future__ import annotations

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
    VocabTagger,
    choose_workers,
    default_workers,
    files_to_ingest,
    ingest_into,
    load_tagger,
    make_tagger,
)
from evidence.ingest.steps import Parsed, Segment

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
