-- Claim checking (evidence.claims) and the report's summary views. Every statement is
-- idempotent: this file runs on every connect, after 010_core.sql and 030_tagging.sql.
-- `evidence check` replaces the rows of one claims file (keyed by its file name) at a time,
-- and appends its run to the verdict history (claim_run, claim_run_verdict).

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
    sentence VARCHAR                  -- the record's own sentence that carries the stance
);
-- Added later (warehouses made before have them added here): what the weight counted, and
-- a plain note on the stance when the sentence alone does not show it.
ALTER TABLE claim_citation ADD COLUMN IF NOT EXISTS sample_size BIGINT;
-- Whether an editor has reviewed the claim: false for claims `evidence draft` wrote and
-- nobody has checked yet (the claims file's `reviewed: false`).
ALTER TABLE claim_verdict ADD COLUMN IF NOT EXISTS reviewed BOOLEAN DEFAULT true;
ALTER TABLE claim_citation ADD COLUMN IF NOT EXISTS note VARCHAR;

-- Verdict history. `evidence check` appends one claim_run row per run and one
-- claim_run_verdict row per claim of that run (deleted only by `evidence forget`, which
-- removes a claims file and its history), in the same transaction that
-- replaces the latest verdicts above: the latest run of a claims file is the one whose
-- verdicts are in claim_verdict.
CREATE SEQUENCE IF NOT EXISTS claim_run_seq;
CREATE TABLE IF NOT EXISTS claim_run (
    run_id BIGINT NOT NULL DEFAULT nextval('claim_run_seq'),
    claims_file VARCHAR NOT NULL,
    checked_at TIMESTAMP NOT NULL,
    data_version VARCHAR NOT NULL,    -- digest of the records, tags, deletions and ledgers read
    warehouse_records BIGINT NOT NULL,  -- records in the warehouse (pm_article)
    last_ingest_run_id BIGINT,        -- the latest ok ingest_runs row
    last_sync_run_id VARCHAR,         -- the latest complete sync_runs row
    vocabulary_fingerprint VARCHAR,   -- evidence.tagging.Vocabulary.fingerprint of data/vocab
    tagger_version VARCHAR,           -- evidence.tagging.TAGGER_VERSION
    rules_version VARCHAR NOT NULL,   -- evidence.claims.RULES_VERSION
    n_claims INTEGER NOT NULL,
    n_records INTEGER NOT NULL        -- records read as evidence
);

CREATE TABLE IF NOT EXISTS claim_run_verdict (
    run_id BIGINT NOT NULL,
    claims_file VARCHAR NOT NULL,
    ord INTEGER NOT NULL,
    claim_id VARCHAR NOT NULL,
    claim_digest VARCHAR NOT NULL,    -- of the claim as written: text, kind, asserts, ids
    verdict VARCHAR NOT NULL,
    grade VARCHAR,
    rule VARCHAR NOT NULL,
    n_articles INTEGER NOT NULL,
    n_supporting INTEGER NOT NULL,
    n_refuting INTEGER NOT NULL,
    summary VARCHAR NOT NULL,
    citations BIGINT[] NOT NULL       -- PMIDs, heaviest first
);

-- "PMID 1, 2, 3 and 4 more": the PMID lists of claim_verdict_changes.why.
CREATE OR REPLACE MACRO pmid_list_text(pmids) AS
    'PMID ' || array_to_string(list_slice(pmids, 1, 10), ', ')
    || CASE WHEN len(pmids) > 10 THEN ' and ' || (len(pmids) - 10) || ' more' ELSE '' END;

CREATE OR REPLACE VIEW check_runs AS
SELECT run_id, claims_file, checked_at, data_version, vocabulary_fingerprint, tagger_version,
       rules_version, n_claims, n_records, warehouse_records, last_ingest_run_id,
       last_sync_run_id,
       lag(run_id) OVER (PARTITION BY claims_file ORDER BY run_id) AS previous_run_id,
       run_id = max(run_id) OVER (PARTITION BY claims_file) AS is_latest
FROM claim_run;

CREATE OR REPLACE VIEW claim_verdict_history AS
SELECT h.run_id, h.claims_file, r.checked_at, h.claim_id, h.ord, h.verdict, h.grade, h.rule,
       h.n_articles, h.n_supporting, h.n_refuting, h.summary, h.citations, h.claim_digest
FROM claim_run_verdict h
JOIN claim_run r ON r.run_id = h.run_id;

-- The latest verdicts, flagged when a record the claim rested on (cited now, or by the
-- previous run of its file) is now retracted: the engine sets retracted records aside, so
-- a flag means "this verdict lost, or is about to lose, a record it stood on".
CREATE OR REPLACE VIEW claim_verdicts AS
WITH latest AS (
    SELECT claims_file, run_id, previous_run_id FROM check_runs WHERE is_latest
), rested AS (
    SELECT claims_file, claim_id, pmid FROM claim_citation
    UNION
    SELECT h.claims_file, h.claim_id, unnest(h.citations) AS pmid
    FROM claim_run_verdict h JOIN latest l ON l.previous_run_id = h.run_id
), flagged AS (
    SELECT r.claims_file, r.claim_id, list(DISTINCT r.pmid ORDER BY r.pmid) AS pmids
    FROM rested r JOIN articles a ON a.pmid = r.pmid
    WHERE a.is_retracted
    GROUP BY r.claims_file, r.claim_id
)
SELECT v.claim_id, v.claim_text, v.kind, v.verdict, v.grade, v.n_articles, v.n_supporting,
       v.n_refuting, v.summary, v.citations, v.rule, v.asserts, v.intervention, v.condition,
       v.outcome, v.adverse_event, v.claims_file, v.ord, v.checked_at, l.run_id,
       f.pmids IS NOT NULL AS cites_retracted,
       coalesce(f.pmids, []::BIGINT[]) AS retracted_citations,
       coalesce(v.reviewed, true) AS reviewed
FROM claim_verdict v
LEFT JOIN latest l ON l.claims_file = v.claims_file
LEFT JOIN flagged f ON f.claims_file = v.claims_file AND f.claim_id = v.claim_id;

CREATE OR REPLACE VIEW claim_evidence AS
SELECT claim_id, pmid, design, stance, weight, sentence, pub_year, claims_file, ord,
       sample_size, note
FROM claim_citation;

-- Claims whose verdict or grade differs between the last two runs of their claims file, and
-- why: which cited records are new, gone, retracted or deleted, and what else changed.
CREATE OR REPLACE VIEW claim_verdict_changes AS
WITH pairs AS (
    SELECT cur.claims_file, cur.run_id, cur.checked_at, prev.run_id AS previous_run_id,
           prev.checked_at AS previous_checked_at,
           cur.data_version <> prev.data_version AS data_changed,
           cur.vocabulary_fingerprint IS DISTINCT FROM prev.vocabulary_fingerprint
               AS vocabulary_changed,
           prev.tagger_version AS previous_tagger_version, cur.tagger_version,
           prev.rules_version AS previous_rules_version, cur.rules_version,
           year(prev.checked_at) AS previous_year, year(cur.checked_at) AS year
    FROM check_runs cur JOIN check_runs prev ON prev.run_id = cur.previous_run_id
    WHERE cur.is_latest
), changed AS (
    SELECT p.*, c.claim_id, c.ord,
           o.verdict AS previous_verdict, c.verdict, o.grade AS previous_grade, c.grade,
           o.rule AS previous_rule, c.rule,
           list_filter(c.citations, lambda x: NOT list_contains(o.citations, x)) AS new_pmids,
           list_filter(o.citations, lambda x: NOT list_contains(c.citations, x))
               AS dropped_pmids,
           list_distinct(list_concat(o.citations, c.citations)) AS cited,
           c.claim_digest <> o.claim_digest AS claim_edited
    FROM pairs p
    JOIN claim_run_verdict c ON c.run_id = p.run_id
    JOIN claim_run_verdict o ON o.run_id = p.previous_run_id AND o.claim_id = c.claim_id
    WHERE c.verdict <> o.verdict OR c.grade IS DISTINCT FROM o.grade
), cited AS (
    SELECT DISTINCT claims_file, claim_id, unnest(cited) AS pmid FROM changed
), status AS (
    SELECT c.claims_file, c.claim_id,
           list(c.pmid ORDER BY c.pmid) FILTER (WHERE a.is_retracted) AS retracted_pmids,
           list(c.pmid ORDER BY c.pmid) FILTER (
               WHERE a.pmid IS NULL
               AND EXISTS (SELECT 1 FROM pm_deleted d WHERE d.pmid = c.pmid)
           ) AS deleted_pmids
    FROM cited c LEFT JOIN articles a ON a.pmid = c.pmid
    GROUP BY c.claims_file, c.claim_id
), explained AS (
    SELECT ch.*,
           coalesce(s.retracted_pmids, []::BIGINT[]) AS retracted_pmids,
           coalesce(s.deleted_pmids, []::BIGINT[]) AS deleted_pmids,
           ch.tagger_version IS DISTINCT FROM ch.previous_tagger_version AS tagger_changed,
           ch.rules_version IS DISTINCT FROM ch.previous_rules_version AS rules_changed
    FROM changed ch
    LEFT JOIN status s ON s.claims_file = ch.claims_file AND s.claim_id = ch.claim_id
)
SELECT claims_file, claim_id, ord, previous_verdict, verdict, previous_grade, grade,
       previous_rule, rule, new_pmids, dropped_pmids, retracted_pmids, deleted_pmids,
       data_changed, vocabulary_changed, tagger_changed, rules_changed, claim_edited,
       coalesce(nullif(concat_ws('; ',
           CASE WHEN len(new_pmids) > 0 THEN 'newly cited: ' || pmid_list_text(new_pmids) END,
           CASE WHEN len(dropped_pmids) > 0
               THEN 'no longer cited: ' || pmid_list_text(dropped_pmids) END,
           CASE WHEN len(retracted_pmids) > 0
               THEN 'retracted: ' || pmid_list_text(retracted_pmids) END,
           CASE WHEN len(deleted_pmids) > 0
               THEN 'deleted from PubMed: ' || pmid_list_text(deleted_pmids) END,
           CASE WHEN claim_edited THEN 'the claim was edited' END,
           CASE WHEN vocabulary_changed THEN 'the vocabulary changed' END,
           CASE WHEN tagger_changed THEN 'tagger version '
               || coalesce(previous_tagger_version, '?') || ' → '
               || coalesce(tagger_version, '?') END,
           CASE WHEN rules_changed THEN 'verdict rules version '
               || previous_rules_version || ' → ' || rules_version END,
           CASE WHEN year <> previous_year THEN 'checked in ' || year
               || ' (recency weights)' END
       ), ''), CASE WHEN data_changed
           THEN 'the same records are cited; their findings, tags or design changed'
           ELSE 'no recorded cause (same data, vocabulary, tagger and rules)' END) AS why,
       previous_run_id, run_id, previous_checked_at, checked_at
FROM explained;

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
