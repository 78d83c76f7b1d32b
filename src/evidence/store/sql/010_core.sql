-- Core warehouse: one row per PubMed record and its children, the file ledger.
-- Internal tables start with pm_; analysts query the views at the end of this file.
-- Every statement is idempotent: this file runs on every connect.

CREATE TABLE IF NOT EXISTS schema_info (key VARCHAR, value VARCHAR);

CREATE TABLE IF NOT EXISTS pm_article (
    pmid BIGINT NOT NULL,
    version INTEGER NOT NULL,
    status VARCHAR,
    date_revised DATE,
    date_completed DATE,
    title VARCHAR,
    vernacular_title VARCHAR,
    abstract VARCHAR,
    journal VARCHAR,
    journal_iso VARCHAR,
    issn VARCHAR,
    pub_year INTEGER,
    pub_date DATE,
    pub_date_raw VARCHAR,
    languages VARCHAR[],
    doi VARCHAR,
    pmcid VARCHAR,
    keywords VARCHAR[],
    is_retracted BOOLEAN NOT NULL,
    content_hash UBIGINT NOT NULL,
    source_file VARCHAR
);

CREATE TABLE IF NOT EXISTS pm_section (
    pmid BIGINT NOT NULL, ord INTEGER NOT NULL, label VARCHAR, nlm_category VARCHAR,
    text VARCHAR NOT NULL
);

CREATE TABLE IF NOT EXISTS pm_author (
    pmid BIGINT NOT NULL, ord INTEGER NOT NULL, last_name VARCHAR, fore_name VARCHAR,
    initials VARCHAR, collective_name VARCHAR, affiliations VARCHAR[], orcid VARCHAR
);

CREATE TABLE IF NOT EXISTS pm_pubtype (
    pmid BIGINT NOT NULL, ord INTEGER NOT NULL, ui VARCHAR, name VARCHAR NOT NULL
);

-- One row per heading without qualifiers, else one row per (heading, qualifier).
CREATE TABLE IF NOT EXISTS pm_mesh (
    pmid BIGINT NOT NULL, ord INTEGER NOT NULL, descriptor_ui VARCHAR, descriptor VARCHAR NOT NULL,
    descriptor_major BOOLEAN NOT NULL, qualifier_ui VARCHAR, qualifier VARCHAR,
    qualifier_major BOOLEAN
);

CREATE TABLE IF NOT EXISTS pm_link (
    pmid BIGINT NOT NULL, ord INTEGER NOT NULL, ref_type VARCHAR NOT NULL, ref_pmid BIGINT,
    ref_source VARCHAR
);

-- PMIDs removed by a DeleteCitation, kept so that the claim checker can tell
-- "deleted" from "never seen".
CREATE TABLE IF NOT EXISTS pm_deleted (
    pmid BIGINT NOT NULL, source_file VARCHAR, deleted_at TIMESTAMP NOT NULL
);

CREATE SEQUENCE IF NOT EXISTS ingest_run_seq;
CREATE TABLE IF NOT EXISTS ingest_runs (
    run_id BIGINT NOT NULL DEFAULT nextval('ingest_run_seq'),
    file VARCHAR NOT NULL,
    sha256 VARCHAR NOT NULL,
    status VARCHAR NOT NULL,          -- ok, failed, skipped (already ingested)
    records INTEGER NOT NULL DEFAULT 0,
    inserted INTEGER NOT NULL DEFAULT 0,
    updated INTEGER NOT NULL DEFAULT 0,
    deleted INTEGER NOT NULL DEFAULT 0,
    skipped INTEGER NOT NULL DEFAULT 0,
    books INTEGER NOT NULL DEFAULT 0,
    started_at TIMESTAMP NOT NULL,
    finished_at TIMESTAMP,
    seconds DOUBLE,
    error VARCHAR
);

CREATE OR REPLACE VIEW articles AS
SELECT pmid, title, abstract, journal, pub_year, pub_date,
       languages[1] AS language, doi, pmcid,
       abstract IS NOT NULL AS has_abstract, is_retracted,
       version, status, vernacular_title, pub_date_raw, languages, keywords,
       journal_iso, issn, date_revised, date_completed
FROM pm_article;

CREATE OR REPLACE VIEW abstract_sections AS
SELECT pmid, ord, label, nlm_category, text FROM pm_section;

CREATE OR REPLACE VIEW authors AS
SELECT pmid, ord, last_name, fore_name, initials, collective_name,
       nullif(array_to_string(affiliations, '; '), '') AS affiliation, orcid, affiliations
FROM pm_author;

CREATE OR REPLACE VIEW publication_types AS
SELECT pmid, ui, name, ord FROM pm_pubtype;

CREATE OR REPLACE VIEW mesh_headings AS
SELECT pmid, descriptor_ui, descriptor, qualifier_ui, qualifier,
       descriptor_major OR coalesce(qualifier_major, false) AS major_topic,
       descriptor_major, ord
FROM pm_mesh;

CREATE OR REPLACE VIEW article_links AS
SELECT pmid, ref_type, ref_pmid, ref_source FROM pm_link;
