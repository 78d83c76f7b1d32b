-- The statements of the report stage (evidence.report.data, evidence.report.build), by name:
-- each runs from its '-- name:' line to the next. Loaded with
-- evidence.store.queries.named_queries("report"). Parameters: ? in order.

-- name: files_ingested
SELECT count(DISTINCT sha256), max(finished_at) FROM ingest_runs WHERE status = 'ok'

-- name: table_exists
SELECT count(*) FROM information_schema.tables WHERE table_name = ?

-- name: provenance
SELECT count(*), count(*) FILTER (WHERE is_retracted), min(pub_year), max(pub_year), count(*) FILTER (WHERE pmid >= ? OR starts_with(coalesce(journal, ''), 'Synthetic')) FROM articles

-- name: evidence_map_cells
SELECT i.value, c.value, count(DISTINCT i.pmid) FROM article_tags i JOIN article_tags c ON c.pmid = i.pmid AND c.dimension = 'condition' JOIN articles a ON a.pmid = i.pmid WHERE i.dimension = 'intervention' AND NOT a.is_retracted GROUP BY 1, 2 ORDER BY 1, 2

-- name: publications_by_year
SELECT intervention, pub_year, sum(n_articles - n_retracted)::INTEGER FROM publications_by_year WHERE pub_year IS NOT NULL GROUP BY 1, 2 ORDER BY 1, 2

-- name: adverse_events
SELECT adverse_event, intervention, serious, n_records, n_case_reports, n_case_series, n_surveys, n_studies, n_reviews, first_year, last_year FROM adverse_event_summary ORDER BY serious DESC, n_records DESC, adverse_event, intervention

-- name: sync_state
SELECT query_set, last_success_at, records_fetched FROM sync_state ORDER BY query_set

-- name: report_views_exist
SELECT count(*) FROM information_schema.tables WHERE table_name IN ('adverse_event_summary', 'claim_verdict_changes')
