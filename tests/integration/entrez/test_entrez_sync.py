"""Sync against the fake server: paging, slicing, incremental runs, resuming, ingest, CLI."""

from __future__ import annotations

from collections import Counter
from collections.abc import Callable
from dataclasses import replace
from datetime import date, timedelta
from pathlib import Path

import duckdb
import pytest
from fakes.corpus import FIRST_PMID, make_record, synthetic_corpus
from fakes.entrez_setup import FAST, query_set
from fakes.eutils import FakeEutils, Fault
from typer.testing import CliRunner

from evidence import pipeline
from evidence.cli import app
from evidence.config import Settings
from evidence.errors import EntrezError
from evidence.store import work_path


def ledger(settings: Settings, sql: str) -> list[tuple[object, ...]]:
    """Query the run's state: the working copy a failed run leaves unpublished, else the
    warehouse a successful run published."""
    work = work_path(settings.db_path)
    with duckdb.connect(str(work if work.exists() else settings.db_path), read_only=True) as con:
        return con.execute(sql).fetchall()


def stored(settings: Settings) -> Counter[int]:
    return Counter(p for (p,) in ledger(settings, "SELECT unnest(pmids) FROM raw_responses"))


def test_paging_through_the_history_server(make_settings: Callable[..., Settings]) -> None:
    with FakeEutils(synthetic_corpus(1200)) as fake:
        settings = make_settings(fake.url)
        summary = pipeline.fetch(settings, query_set("x"), options=FAST)
        log = fake.log
    search, *fetches = log
    assert (search.tool, search.params["usehistory"], search.params["retmax"]) == (
        "esearch",
        "y",
        "9999",
    )
    assert sorted(int(r.params["retstart"]) for r in fetches) == [0, 500, 1000]
    assert {(r.params["WebEnv"], r.params["query_key"]) for r in fetches} == {
        (fetches[0].params["WebEnv"], "1")
    }
    assert all(r.params["retmode"] == "xml" and r.params["rettype"] == "abstract" for r in fetches)
    assert stored(settings) == Counter(range(FIRST_PMID, FIRST_PMID + 1200))
    assert summary.records_fetched == 1200
    files = sorted((settings.data_dir / "raw" / "query_set=test").rglob("*.xml.gz"))
    assert [f.name.split("-")[-1] for f in files] == [
        "b0000.xml.gz",
        "b0001.xml.gz",
        "b0002.xml.gz",
    ]


def test_overlapping_queries_fetch_each_record_once(make_settings: Callable[..., Settings]) -> None:
    corpus = synthetic_corpus(900, topics={"a": range(0, 600), "b": range(300, 900)})
    with FakeEutils(corpus) as fake:
        settings = make_settings(fake.url)
        pipeline.fetch(settings, query_set("a", "b"), options=FAST)
        by_id = [r for r in fake.log if r.tool == "efetch" and "id" in r.params]
    assert stored(settings) == Counter(range(FIRST_PMID, FIRST_PMID + 900))
    assert len(by_id) == 1  # the 300 records only "b" found, by PMID list
    assert len(by_id[0].params["id"].split(",")) == 300


def test_search_past_the_window_is_sliced_by_date(make_settings: Callable[..., Settings]) -> None:
    corpus = synthetic_corpus(12_000, topics={"big": range(2_000, 12_000)})
    with FakeEutils(corpus) as fake:
        settings = make_settings(fake.url)
        pipeline.fetch(settings, query_set("big"), options=FAST)
        counts = Counter(fake.tools())
        slices = [r.params for r in fake.log if r.tool == "esearch"]
    assert stored(settings) == Counter(range(FIRST_PMID + 2_000, FIRST_PMID + 12_000))
    assert counts["efetch"] == 20
    assert counts["esearch"] + counts["efetch"] <= 25
    assert all(p["datetype"] == "edat" and p["mindate"] and p["maxdate"] for p in slices)


def test_incremental_rerun_costs_one_search_per_query(
    make_settings: Callable[..., Settings],
) -> None:
    corpus = synthetic_corpus(700, end=date.today() - timedelta(days=30))
    with FakeEutils(corpus) as fake:
        settings = make_settings(fake.url)
        pipeline.fetch(settings, query_set("x", "y", "z"), options=FAST)
        first = len(fake.log)
        summary = pipeline.fetch(settings, query_set("x", "y", "z"), options=FAST)
        second = fake.log[first:]
        # a new record and a revision of an old one appear
        corpus.put(make_record(80_000_001, date.today()))
        corpus.put(
            make_record(
                FIRST_PMID, date(2000, 1, 1), mdat=date.today(), title="Revised synthetic record."
            )
        )
        third_summary = pipeline.fetch(settings, query_set("x", "y", "z"), options=FAST)
        third = fake.log[first + len(second) :]
    assert [r.tool for r in second] == ["esearch"] * 3
    assert all("[edat] OR " in r.params["term"] and "[mdat]" in r.params["term"] for r in second)
    assert summary.mode == "incremental" and summary.records_fetched == 0
    assert Counter(r.tool for r in third) == {"esearch": 3, "efetch": 1}
    assert third_summary.records_fetched == 2
    assert stored(settings)[FIRST_PMID] == 2


def test_failed_run_resumes_with_the_missing_batches_only(
    make_settings: Callable[..., Settings],
) -> None:
    options = replace(FAST, workers=1, max_tries=2)
    with FakeEutils(synthetic_corpus(2_000), faults=[Fault("503", times=2, skip=2)]) as fake:
        settings = make_settings(fake.url)
        with pytest.raises(EntrezError):
            pipeline.fetch(settings, query_set("x", "y"), options=options)
        (done_before,) = ledger(settings, "SELECT count(*) FROM raw_responses")[0]
        first = len(fake.log)
        summary = pipeline.fetch(settings, query_set("x", "y"), options=options)
        resumed = fake.log[first:]
    assert summary.resumed
    assert {r.tool for r in resumed} == {"efetch"}  # the searches were saved with the run
    assert all("id" in r.params and "WebEnv" not in r.params for r in resumed)
    assert done_before >= 2  # the batches before the failure were kept
    assert len(resumed) == 4 - done_before
    assert stored(settings) == Counter(range(FIRST_PMID, FIRST_PMID + 2_000))
    runs = ledger(settings, "SELECT status FROM sync_runs")
    assert runs == [("complete",)]


def test_ingest_reads_the_raw_layer_and_flags_it(make_settings: Callable[..., Settings]) -> None:
    with FakeEutils(synthetic_corpus(50)) as fake:
        settings = make_settings(fake.url)
        pipeline.fetch(settings, query_set("x"), options=FAST)
    report = pipeline.ingest_fetched(settings)
    again = pipeline.ingest_fetched(settings)
    assert (report.pending, report.marked) == (1, 1)
    assert (again.pending, again.marked) == (0, 0)
    assert ledger(settings, "SELECT count(*) FROM articles") == [(50,)]
    assert ledger(settings, "SELECT bool_and(ingested) FROM raw_responses") == [(True,)]


def test_evidence_sync_command(make_settings: Callable[..., Settings], tmp_path: Path) -> None:
    qs = tmp_path / "mini.yaml"
    qs.write_text("queries:\n  - name: everything\n    term: anything[tiab]\n")
    with FakeEutils(synthetic_corpus(30)) as fake:
        env = {"EVIDENCE_ENTREZ_URL": fake.url, "EVIDENCE_DATA_DIR": str(tmp_path)}
        result = CliRunner().invoke(
            app, ["sync", "--query-set", str(qs), "--db", str(tmp_path / "w.duckdb")], env=env
        )
        bad = CliRunner().invoke(app, ["sync", "--query-set", "nope"], env=env)
    assert result.exit_code == 0, result.output
    assert "sync mini: run" in result.output and "30 records in 1 raw files" in result.output
    assert "ingest: 1 raw files pending, 1 ingested; 30 records: 30 inserted" in result.output
    assert bad.exit_code == 2
    assert "no such query set" in bad.output


def test_sync_skips_and_reports_esearch_ids_that_are_not_pmids(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    qs = tmp_path / "mini.yaml"
    qs.write_text("queries:\n  - name: everything\n    term: anything[tiab]\n")
    corpus = synthetic_corpus(30)
    for odd in (0, 2**63):  # listed by esearch like any hit
        corpus.put(make_record(odd, date(2010, 5, 5)))
    with FakeEutils(corpus) as fake:
        env = {"EVIDENCE_ENTREZ_URL": fake.url, "EVIDENCE_DATA_DIR": str(tmp_path)}
        db = tmp_path / "w.duckdb"
        first = CliRunner().invoke(app, ["sync", "--query-set", str(qs), "--db", str(db)], env=env)
        again = CliRunner().invoke(app, ["sync", "--query-set", str(qs), "--db", str(db)], env=env)
        fetched = [r.params["id"] for r in fake.log if r.tool == "efetch"]
    assert first.exit_code == 0, first.output
    assert "2 esearch ids that are not PMIDs skipped" in first.stdout
    warnings = [ln for ln in first.stderr.splitlines() if ln.startswith("evidence: warning:")]
    assert len(warnings) == 1 and "query 'everything'" in warnings[0]
    assert "'0'" in warnings[0] and f"'{2**63}'" in warnings[0]
    assert "30 records in 1 raw files" in first.stdout
    assert "30 records: 30 inserted" in first.stdout
    assert again.exit_code == 0, again.output  # the next run does not fail on them either
    assert fetched and all({"0", str(2**63)}.isdisjoint(ids.split(",")) for ids in fetched)
    with duckdb.connect(str(db), read_only=True) as con:
        assert con.execute("SELECT count(*), min(pmid) FROM articles").fetchall() == [
            (30, FIRST_PMID)
        ]


def test_rate_limit_holds_for_threads_sharing_one_limiter(
    make_settings: Callable[..., Settings],
) -> None:
    """Eight workers, 20 requests/s: no 1-second window of the server log holds more."""
    rate = 20.0
    options = replace(FAST, rate=rate, workers=8, batch_size=25)
    with FakeEutils(synthetic_corpus(1_000)) as fake:
        pipeline.fetch(make_settings(fake.url), query_set("x"), options=options)
        times = sorted(r.t for r in fake.log)
    assert len(times) == 41
    busiest = max(sum(1 for t in times if start <= t < start + 1.0) for start in times)
    assert busiest <= rate + 1  # +1: arrival jitter on a loaded machine, not the limiter
