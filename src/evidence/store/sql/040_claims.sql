-- Claim checking (evidence.claims) and the report's summary views. Every statement is
-- idempotent: this file runs on every connect, after 010_core.sql and 030_tagging.sql.
-- `evidence check` replaces the rows of one claims file (keyed by its file name) at a time.

-- One row per `evidence check` of a claims file: when, on how many records, from what source.
CREATE TABLE IF NOT EXISTS claim_check (
    claims_file VARCHAR NOT NULL,
    source_title VARCHAR,
    source_url VARCHAR,
    checked_at TIMESTAMP NOT NULL,
    n_claims INTEGER NOT NULL,
    n_records INTEGER NOT NULL        -- records read as evidence (about the claims' interventions)
);

CREATE TABLE IF NOT EXISTS claim_verdict (
    claims_file VARCHAR NOT NULL,
    ord INTEGER NOT NULL,             -- position in the claims file
    claim_id VARCHAR NOT NULL,
    claim_text VARCHAR NOT NULL,
    kind VARCHAR NOT NULL,
    asserts VARCHAR NOT NULL,
    intervention VARCHAR[] NOT NULL,
    condition VARCHAR[] NOT NULL,
    outcome VARCHAR[] NOT NULL,
    adverse_event VARCHAR[] NOT NULL,
    verdict VARCHAR NOT NULL,         -- supported, mixed, insufficient, contradicted, not_assessable
    grade VARCHAR,                    -- high, moderate, low, very low; NULL when not graded
    rule VARCHAR NOT NULL,            -- the rule of docs/verdict-rules.md that decided
    n_articles INTEGER NOT NULL,
    n_supporting INTEGER NOT NULL,
    n_refuting INTEGER NOT NULL,
    summary VARCHAR NOT NULL,
    citations BIGINT[] NOT NULL,      -- PMIDs, heaviest first
    checked_at TIMESTAMP NOT NULL
);

CREATE TABLE IF NOT EXISTS claim_citation (
    claims_file VARCHAR NOT NULL,
    claim_id VARCHAR NOT NULL,
    ord INTEGER NOT NULL,             -- 1 = heaviest
    pmid BIGINT NOT NULL,
    pub_year INTEGER,
    design VARCHAR NOT NULL,
    stance VARCHAR NOT NULL,          -- supports, refutes, neutral
    weight DOUBLE NOT NULL,
    sentence VARCHAR
);

CREATE OR REPLACE VIEW claim_verdicts AS
SELECT claim_id, claim_text, kind, verdict, grade, n_articles, n_supporting, n_refuting,
       summary, citations, rule, asserts, intervention, condition, outcome, adverse_event,
       claims_file, ord, checked_at
FROM claim_verdict;

CREATE OR REPLACE VIEW claim_evidence AS
SELECT claim_id, pmid, design, stance, weight, sentence, pub_year, claims_file, ord
FROM claim_citation;

-- The one design of each record: a protocol first (it has no results), then the strongest
-- design, as evidence.claims.inputs.primary_design does (a test keeps them equal).
CREATE OR REPLACE VIEW article_design AS
SELECT pmid,
       arg_max(value, CASE value
           WHEN 'protocol' THEN 100
           WHEN 'meta_analysis' THEN 13 WHEN 'systematic_review' THEN 12 WHEN 'rct' THEN 11
           WHEN 'controlled_trial' THEN 10 WHEN 'guideline' THEN 9 WHEN 'cohort' THEN 8
           WHEN 'case_control' THEN 7 WHEN 'cross_sectional' THEN 6 WHEN 'case_series' THEN 5
           WHEN 'narrative_review' THEN 4 WHEN 'other' THEN 3 WHEN 'case_report' THEN 2
           ELSE 1 END) AS design
FROM article_tags
WHERE dimension = 'design'
GROUP BY pmid;

-- Adverse event x intervention over the records that report the event (retracted records
-- and animal-only studies left out). `serious` repeats evidence.claims.harms.SERIOUS_EVENTS.
CREATE OR REPLACE VIEW adverse_event_summary AS
WITH events AS (
    SELECT DISTINCT pmid, value AS adverse_event FROM article_tags
    WHERE dimension = 'adverse_event'
), treatments AS (
    SELECT DISTINCT pmid, value AS intervention FROM article_tags
    WHERE dimension = 'intervention'
), animal_only AS (
    SELECT pmid FROM article_tags WHERE dimension = 'population'
    GROUP BY pmid HAVING bool_or(value = 'animal') AND NOT bool_or(value = 'human')
), reports AS (
    SELECT e.adverse_event, t.intervention, a.pmid, a.pub_year,
           coalesce(d.design, 'other') AS design
    FROM events e
    JOIN treatments t ON t.pmid = e.pmid
    JOIN articles a ON a.pmid = e.pmid
    LEFT JOIN article_design d ON d.pmid = e.pmid
    WHERE NOT a.is_retracted AND e.pmid NOT IN (SELECT pmid FROM animal_only)
)
SELECT adverse_event, intervention,
       adverse_event IN ('pneumothorax', 'infection', 'nerve_injury', 'allergic_reaction',
                         'asthma') AS serious,
       count(DISTINCT pmid) AS n_records,
       count(DISTINCT pmid) FILTER (WHERE design = 'case_report') AS n_case_reports,
       count(DISTINCT pmid) FILTER (WHERE design = 'case_series') AS n_case_series,
       count(DISTINCT pmid) FILTER (WHERE design = 'cross_sectional') AS n_surveys,
       count(DISTINCT pmid) FILTER (WHERE design IN ('rct', 'controlled_trial', 'cohort',
                                                     'case_control')) AS n_studies,
       count(DISTINCT pmid) FILTER (WHERE design IN ('meta_analysis', 'systematic_review'))
           AS n_reviews,
       min(pub_year) AS first_year,
       max(pub_year) AS last_year
FROM reports
GROUP BY adverse_event, intervention;

-- Records per intervention, design and publication year (retracted ones counted apart).
CREATE OR REPLACE VIEW publications_by_year AS
SELECT t.value AS intervention, coalesce(d.design, 'other') AS design, a.pub_year,
       count(DISTINCT a.pmid) AS n_articles,
       count(DISTINCT a.pmid) FILTER (WHERE a.is_retracted) AS n_retracted
FROM article_tags t
JOIN articles a ON a.pmid = t.pmid
LEFT JOIN article_design d ON d.pmid = t.pmid
WHERE t.dimension = 'intervention'
GROUP BY t.value, coalesce(d.design, 'other'), a.pub_year;
