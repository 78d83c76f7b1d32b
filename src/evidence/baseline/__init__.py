"""Ingest stage at scale: NLM baseline and update files, parsed in parallel, loaded in order.

    files        order_files / collect_files: which files, in (year, file number) order
    topics       compile_query_set / load_topic_filter: a query set matched locally (optional)
    partition    parse_to_parquet: one file → Parquet partitions (any worker, bounded memory)
    writer       partition_steps: partitions → the engine's steps; load_partitions
    run          ingest_baseline: the job, the ingest engine (`evidence.ingest.engine`) with
                 `PartitionExecutor` (threads, a Dask cluster or a Prefect runner)

``evidence baseline`` (`evidence.cli.ingest`) and `evidence.pipeline.baseline` run it.

Reads PubMed XML files, the vocabulary and query sets; writes ``data/work/baseline/`` (only
while a run is going on, or after a failure, for the retry) and the warehouse.
"""

from evidence.baseline.files import collect_files, file_order_key, order_files
from evidence.baseline.partition import CHUNK_SIZE, PartitionInfo, parse_to_parquet
from evidence.baseline.run import (
    WORKER_CONFIG,
    BaselineSummary,
    PartitionExecutor,
    Submit,
    ingest_baseline,
    open_submit,
    work_dir_for,
)
from evidence.baseline.topics import TopicFilter, compile_query_set, load_topic_filter
from evidence.baseline.writer import (
    ingested_sha256s,
    load_partition,
    load_partitions,
    partition_steps,
)

__all__ = [
    "CHUNK_SIZE",
    "WORKER_CONFIG",
    "BaselineSummary",
    "PartitionExecutor",
    "PartitionInfo",
    "Submit",
    "TopicFilter",
    "collect_files",
    "compile_query_set",
    "file_order_key",
    "ingest_baseline",
    "ingested_sha256s",
    "load_partition",
    "load_partitions",
    "load_topic_filter",
    "open_submit",
    "order_files",
    "parse_to_parquet",
    "partition_steps",
    "work_dir_for",
]
