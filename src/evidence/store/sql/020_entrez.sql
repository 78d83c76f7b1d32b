-- Entrez acquisition (evidence.entrez): sync runs, their saved searches, the raw-response
-- ledger and the incremental state per query set. Every statement is idempotent.

-- One row per `evidence sync` of a query set. A run that is not 'complete' is resumed by the
-- next sync of the same query set.
CREATE TABLE IF NOT EXISTS sync_runs (
    run_id VARCHAR PRIMARY KEY,
    query_set VARCHAR NOT NULL,
    mode VARCHAR NOT NULL,            -- full, incremental (window from sync_state), since
    since DATE,                       -- start of the added-or-revised window; NULL when full
    source VARCHAR NOT NULL,          -- ncbi, or the replay / fake host it talked to
    status VARCHAR NOT NULL,          -- running, complete, failed, abandoned
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    requests INTEGER NOT NULL DEFAULT 0,
    error VARCHAR
);

-- The search of each query of a run, saved before any efetch, so that a resumed run fetches
-- exactly the missing batches by PMID list (a WebEnv is never trusted across runs).
CREATE TABLE IF NOT EXISTS sync_run_queries (
    run_id VARCHAR NOT NULL,
    query_name VARCHAR NOT NULL,
    ord INTEGER NOT NULL,
    term VARCHAR NOT NULL,            -- as sent, window clause included
    hit_count INTEGER NOT NULL,
    pmids BIGINT[] NOT NULL,          -- every PMID the search found
    fetch_pmids BIGINT[] NOT NULL,    -- minus those an earlier query of the run fetches
    batch_size INTEGER NOT NULL,      -- batch k is fetch_pmids[k*batch_size : (k+1)*batch_size]
    searches INTEGER NOT NULL,        -- esearch requests, date slices included
    searched_at TIMESTAMP NOT NULL,
    PRIMARY KEY (run_id, query_name)
);

-- Every efetch answer kept under <data>/raw/, gzip-compressed, never overwritten. A batch is
-- complete when its row exists; ingestion reads the files listed here.
CREATE TABLE IF NOT EXISTS raw_responses (
    path VARCHAR PRIMARY KEY,         -- relative to the data folder when inside it
    run_id VARCHAR NOT NULL,
    query_set VARCHAR NOT NULL,
    query_name VARCHAR NOT NULL,
    batch_no INTEGER NOT NULL,
    endpoint VARCHAR NOT NULL,
    params JSON NOT NULL,             -- request parameters, api_key and email REDACTED
    sha256 VARCHAR NOT NULL,          -- of the stored .xml.gz file, as in ingest_runs
    record_count INTEGER NOT NULL,
    pmids BIGINT[] NOT NULL,
    fetched_at TIMESTAMP NOT NULL,
    ingested BOOLEAN NOT NULL DEFAULT false,
    ingested_at TIMESTAMP
);

-- Where the next incremental sync of a query set starts.
CREATE TABLE IF NOT EXISTS sync_state (
    query_set VARCHAR PRIMARY KEY,
    last_run_id VARCHAR NOT NULL,
    last_success_at TIMESTAMP NOT NULL,  -- when the last complete run started searching
    records_fetched INTEGER NOT NULL
);
