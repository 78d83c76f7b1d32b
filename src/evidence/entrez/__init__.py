"""Acquisition stage: PubMed through NCBI Entrez E-utilities into the raw layer.

Query sets (`queries`) → esearch with date slicing (`slicing`) → efetch in batches through
one paced, retrying client (`client`, `ratelimit`, `responses`) → gzip files under
``data/raw/`` (`rawstore`) recorded in the warehouse ledger (`evidence.store.sync_ledger`)
→ ingest (`sync`).
`summary` says what a run did. `replay` and `server` serve the synthetic sample locally
for demo mode.
"""

from evidence.entrez.client import EntrezClient, EntrezOptions, FetchResponse, redact_params
from evidence.entrez.queries import (
    DEFAULT_QUERY_SET,
    Query,
    QuerySet,
    find_query_set,
    load_query_set,
    window_term,
)
from evidence.entrez.ratelimit import RateLimiter, ncbi_rate
from evidence.entrez.replay import DEMO_NOTE, Acquisition, acquisition, is_live
from evidence.entrez.summary import (
    FetchSummary,
    IngestReport,
    QueryReport,
    SyncProgress,
    progress_logger,
    render_markdown,
    retry_if_transient,
)
from evidence.entrez.sync import fetch_new, ingest_fetched, resolve_query_set, sync_query_set

__all__ = [
    "DEFAULT_QUERY_SET",
    "DEMO_NOTE",
    "Acquisition",
    "EntrezClient",
    "EntrezOptions",
    "FetchResponse",
    "FetchSummary",
    "IngestReport",
    "Query",
    "QueryReport",
    "QuerySet",
    "RateLimiter",
    "SyncProgress",
    "acquisition",
    "fetch_new",
    "find_query_set",
    "ingest_fetched",
    "is_live",
    "load_query_set",
    "ncbi_rate",
    "progress_logger",
    "redact_params",
    "render_markdown",
    "resolve_query_set",
    "retry_if_transient",
    "sync_query_set",
    "window_term",
]
