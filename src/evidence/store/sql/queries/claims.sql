-- The statements of the claims stage (evidence.claims.warehouse, evidence.claims.history),
-- by name: each runs from its '-- name:' line to the next. Loaded with
-- evidence.store.queries.named_queries("claims"). Parameters: ? in order, or $name.

-- name: evidence_records
WITH wanted AS (
    SELECT pmid FROM article_tags
    WHERE dimension = 'intervention' AND list_contains($ids, value)
    UNION
    SELECT pmid FROM findings WHERE list_contains($ids, intervention)
), tags AS (
    SELECT t.pmid,
        list(t.value) FILTER (WHERE t.dimension = 'intervention') AS interventions,
        list(t.value) FILTER (WHERE t.dimension = 'condition') AS conditions,
        list(t.value) FILTER (WHERE t.dimension = 'outcome') AS outcomes,
        list(t.value) FILTER (WHERE t.dimension = 'population') AS populations,
        list(t.value ORDER BY t.value) FILTER (WHERE t.dimension = 'adverse_event') AS events,
        list(coalesce(t.evidence, t.value) ORDER BY t.value)
            FILTER (WHERE t.dimension = 'adverse_event') AS event_words,
        list([t.dimension, t.value, t.evidence] ORDER BY t.dimension, t.value, t.evidence)
            FILTER (WHERE t.evidence IS NOT NULL) AS tag_words
    FROM article_tags t SEMI JOIN wanted w ON w.pmid = t.pmid
    GROUP BY t.pmid
), sections AS (
    SELECT s.pmid, list(s.text ORDER BY s.ord) AS texts
    FROM abstract_sections s SEMI JOIN wanted w ON w.pmid = s.pmid
    GROUP BY s.pmid
)
SELECT a.pmid, a.title, a.pub_year, a.journal, a.is_retracted, d.design,
       g.interventions, g.conditions, g.outcomes, g.populations, g.events, g.event_words,
       g.tag_words, s.texts AS abstract
FROM articles a
SEMI JOIN wanted w ON w.pmid = a.pmid
LEFT JOIN article_design d ON d.pmid = a.pmid
LEFT JOIN tags g ON g.pmid = a.pmid
LEFT JOIN sections s ON s.pmid = a.pmid

-- name: evidence_findings
SELECT f.pmid, f.intervention, f.condition, f.outcome, f.direction, f.design, f.sentence,
       f.qualifiers, f.sample_size, f.kind, f.comparator, f.events, f.seriousness
FROM findings f
WHERE list_contains($ids, f.intervention) AND f.pmid IN (SELECT pmid FROM articles)

-- name: insert_check
INSERT INTO claim_check VALUES (?, ?, ?, ?, ?, ?)

-- name: stored_verdicts
SELECT * FROM claim_verdicts ORDER BY claims_file, ord

-- name: stored_citations
SELECT e.*, a.title FROM claim_evidence e LEFT JOIN articles a USING (pmid) ORDER BY e.claims_file, e.claim_id, e.ord

-- name: insert_verdicts
INSERT INTO claim_verdict BY NAME SELECT * FROM _claim_verdict_rows

-- name: insert_citations
INSERT INTO claim_citation BY NAME SELECT * FROM _claim_citation_rows

-- name: checked_files
SELECT claims_file FROM claim_check UNION SELECT claims_file FROM claim_run ORDER BY 1

-- name: count_verdicts_of_file
SELECT count(*) FROM claim_verdict WHERE claims_file = ?

-- name: count_runs_of_file
SELECT count(*) FROM claim_run WHERE claims_file = ?

-- name: checked_heads
SELECT claims_file, source_title, source_url, checked_at FROM claim_check ORDER BY claims_file

-- name: data_version
SELECT
    (SELECT count(*) FROM pm_article),
    (SELECT coalesce(sum(content_hash), 0) FROM pm_article),
    (SELECT count(*) FROM pm_deleted),
    (SELECT count(*) FROM pm_tag),
    (SELECT coalesce(sum(hash(pmid, intervention, condition, outcome, direction, design,
                              qualifiers, sample_size)), 0) FROM pm_finding),
    (SELECT coalesce(string_agg(DISTINCT tagger_key, ',' ORDER BY tagger_key), '')
     FROM pm_tag_state),
    (SELECT max(run_id) FROM ingest_runs WHERE status = 'ok'),
    (SELECT run_id FROM sync_runs WHERE status = 'complete'
     ORDER BY coalesce(finished_at, started_at) DESC, run_id DESC LIMIT 1)

-- name: insert_run_verdicts
INSERT INTO claim_run_verdict BY NAME SELECT * FROM _claim_run_rows

-- name: insert_run
INSERT INTO claim_run (claims_file, checked_at, data_version, warehouse_records, last_ingest_run_id, last_sync_run_id, vocabulary_fingerprint, tagger_version, rules_version, n_claims, n_records) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?) RETURNING run_id

-- name: latest_runs
SELECT r.claims_file, r.run_id, r.previous_run_id, p.checked_at FROM check_runs r LEFT JOIN check_runs p ON p.run_id = r.previous_run_id WHERE r.is_latest

-- name: retracted_citations
SELECT claims_file, claim_id, retracted_citations FROM claim_verdicts WHERE cites_retracted ORDER BY claims_file, ord

-- name: delete_file_rows
-- {table}: one of the tables that hold a claims file's rows (a fixed list in the code)
DELETE FROM {table} WHERE claims_file = ?

-- name: verdict_changes
-- {columns}: VerdictChange's fields, so that a column added to the view never shifts them
SELECT {columns} FROM claim_verdict_changes ORDER BY claims_file, ord
