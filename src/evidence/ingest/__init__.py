"""Ingest stage: PubMed files into the warehouse, parsed, loaded and tagged.

`ingest_into` is the engine over a run's working copy (files in order, each file's sha256
and ledger row, parse, upsert, tag, one transaction per file); `ingest_file` loads one
file; `WorkerPool` parses the pieces of big files in worker processes. The spine
(`evidence.pipeline.ingest`) opens the working copy and publishes it.
"""

from __future__ import annotations

from evidence.ingest.files import (
    BATCH_SIZE,
    INGEST_MEMORY_LIMIT,
    PARALLEL_MIN_BYTES,
    FileResult,
    ingest_file,
    sha256_file,
    write_ledger,
)
from evidence.ingest.run import (
    IngestSummary,
    VocabTagger,
    default_workers,
    files_to_ingest,
    ingest_into,
    load_tagger,
    make_tagger,
)

__all__ = [
    "BATCH_SIZE",
    "INGEST_MEMORY_LIMIT",
    "PARALLEL_MIN_BYTES",
    "FileResult",
    "IngestSummary",
    "VocabTagger",
    "default_workers",
    "files_to_ingest",
    "ingest_file",
    "ingest_into",
    "load_tagger",
    "make_tagger",
    "sha256_file",
    "write_ledger",
]
