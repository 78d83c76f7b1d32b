-- Tags and findings, written by the tagging stage of ingest. tag_state remembers which
-- tagger version and vocabulary tagged each record, so a change re-tags what it affects.

CREATE TABLE IF NOT EXISTS pm_tag (
    pmid BIGINT NOT NULL, dimension VARCHAR NOT NULL, value VARCHAR NOT NULL,
    source VARCHAR NOT NULL, evidence VARCHAR
);

CREATE TABLE IF NOT EXISTS pm_finding (
    pmid BIGINT NOT NULL, intervention VARCHAR NOT NULL, condition VARCHAR, outcome VARCHAR,
    direction VARCHAR NOT NULL, design VARCHAR, sentence VARCHAR NOT NULL,
    qualifiers VARCHAR[], sample_size INTEGER,
    kind VARCHAR NOT NULL DEFAULT 'effect', comparator VARCHAR, events VARCHAR[],
    seriousness VARCHAR
);
-- Added after the first release: a warehouse made before gains the columns (the tagger
-- version changed with them, so its findings are rewritten on the next ingest).
ALTER TABLE pm_finding ADD COLUMN IF NOT EXISTS kind VARCHAR DEFAULT 'effect';
ALTER TABLE pm_finding ADD COLUMN IF NOT EXISTS comparator VARCHAR;
ALTER TABLE pm_finding ADD COLUMN IF NOT EXISTS events VARCHAR[];
ALTER TABLE pm_finding ADD COLUMN IF NOT EXISTS seriousness VARCHAR;

CREATE TABLE IF NOT EXISTS pm_tag_state (pmid BIGINT NOT NULL, tagger_key VARCHAR NOT NULL);

CREATE OR REPLACE VIEW article_tags AS
SELECT pmid, dimension, value, source, evidence FROM pm_tag;

CREATE OR REPLACE VIEW findings AS
SELECT pmid, intervention, condition, outcome, direction, design, sentence, qualifiers,
       sample_size, kind, comparator, events, seriousness
FROM pm_finding;

-- intervention x condition: records by design and by direction of their findings.
CREATE OR REPLACE VIEW evidence_map AS
WITH pairs AS (
    SELECT DISTINCT i.pmid, i.value AS intervention, c.value AS condition
    FROM pm_tag i JOIN pm_tag c ON c.pmid = i.pmid AND c.dimension = 'condition'
    WHERE i.dimension = 'intervention'
), designs AS (
    SELECT pmid, min(value) AS design FROM pm_tag WHERE dimension = 'design' GROUP BY pmid
), directions AS (
    SELECT DISTINCT pmid, intervention, condition, direction FROM pm_finding
)
SELECT p.intervention, p.condition,
       count(DISTINCT p.pmid) AS n_records,
       count(DISTINCT p.pmid) FILTER (WHERE d.design IN ('meta_analysis', 'systematic_review'))
           AS n_reviews,
       count(DISTINCT p.pmid) FILTER (WHERE d.design = 'rct') AS n_rct,
       count(DISTINCT p.pmid) FILTER (WHERE d.design IN ('controlled_trial', 'cohort',
           'case_control', 'cross_sectional')) AS n_other_studies,
       count(DISTINCT p.pmid) FILTER (WHERE d.design IN ('case_series', 'case_report'))
           AS n_case_reports,
       count(DISTINCT p.pmid) FILTER (WHERE f.direction = 'benefit') AS n_benefit,
       count(DISTINCT p.pmid) FILTER (WHERE f.direction = 'no_benefit') AS n_no_benefit,
       count(DISTINCT p.pmid) FILTER (WHERE f.direction = 'harm') AS n_harm,
       count(DISTINCT p.pmid) FILTER (WHERE f.direction = 'inconclusive') AS n_inconclusive
FROM pairs p
LEFT JOIN designs d ON d.pmid = p.pmid
LEFT JOIN directions f ON f.pmid = p.pmid AND f.intervention = p.intervention
    AND f.condition IS NOT DISTINCT FROM p.condition
GROUP BY p.intervention, p.condition;
