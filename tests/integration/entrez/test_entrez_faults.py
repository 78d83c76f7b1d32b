"""Every fault NCBI produces is recovered from, or reported in one clear line (fake server)."""

from __future__ import annotations

import json
import logging
from collections import Counter
from collections.abc import Callable
from dataclasses import replace

import duckdb
import pytest
from fakes.corpus import synthetic_corpus
from fakes.entrez_setup import FAST, query_set
from fakes.eutils import FakeEutils, Fault

from evidence import pipeline
from evidence.config import Settings
from evidence.entrez import EntrezOptions
from evidence.errors import EntrezError
from evidence.store import work_path

KINDS = ["429", "500", "502", "503", "slow", "cut", "short", "error", "error400", "drop"]


def stored_pmids(settings: Settings) -> list[int]:
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        return [
            p
            for (p,) in con.execute("SELECT unnest(pmids) FROM raw_responses ORDER BY 1").fetchall()
        ]


@pytest.mark.parametrize("tool", ["efetch", "esearch"])
@pytest.mark.parametrize("kind", KINDS)
def test_transient_fault_is_retried(
    make_settings: Callable[..., Settings], kind: str, tool: str
) -> None:
    fake = FakeEutils(synthetic_corpus(600), faults=[Fault(kind, tool=tool)], slow_seconds=1.0)
    with fake:
        settings = make_settings(fake.url)
        summary = pipeline.fetch(settings, query_set("x"), options=FAST)
        counts = Counter(fake.tools())
    assert fake.applied == [(tool, kind)]
    assert summary.records_fetched == 600
    assert stored_pmids(settings) == sorted(set(stored_pmids(settings)))
    assert len(stored_pmids(settings)) == 600
    # one search, two batches, and exactly one repeated request
    assert counts == {"esearch": 1 + (tool == "esearch"), "efetch": 2 + (tool == "efetch")}


def test_permanent_error_is_not_retried(make_settings: Callable[..., Settings]) -> None:
    with FakeEutils(synthetic_corpus(600), faults=[Fault("bad")]) as fake:
        settings = make_settings(fake.url)
        with pytest.raises(EntrezError) as info:
            pipeline.fetch(settings, query_set("x"), options=replace(FAST, workers=1))
        first_batch = [
            r for r in fake.log if r.tool == "efetch" and r.params.get("retstart") == "0"
        ]
    assert not info.value.transient
    assert "query set 'test' query 'q0' batch 1/2: efetch: HTTP 400: Invalid db name" in str(
        info.value
    )
    assert len(first_batch) == 1


def test_exhausted_retries_name_query_and_batch(make_settings: Callable[..., Settings]) -> None:
    options = EntrezOptions(rate=1000.0, backoff=0.001, max_tries=3, workers=1)
    with FakeEutils(synthetic_corpus(100), faults=[Fault("503", times=10)]) as fake:
        with pytest.raises(EntrezError) as info:
            pipeline.fetch(make_settings(fake.url), query_set("x"), options=options)
        efetches = fake.tools().count("efetch")
    assert info.value.transient
    assert str(info.value) == (
        "query set 'test' query 'q0' batch 1/1: efetch failed after 3 tries; last: HTTP 503"
    )
    assert efetches == 3


SECRET_KEY = "sekrit-api-key-4711"
SECRET_EMAIL = "someone.private@example.org"


def test_secrets_are_sent_but_never_stored_or_logged(
    make_settings: Callable[..., Settings], caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    faults = [Fault("503", times=10, skip=1)]  # the second batch fails for good
    with FakeEutils(synthetic_corpus(600), faults=faults) as fake:
        settings = make_settings(fake.url, ncbi_api_key=SECRET_KEY, ncbi_email=SECRET_EMAIL)
        options = EntrezOptions(rate=1000.0, backoff=0.001, max_tries=2, workers=1)
        with pytest.raises(EntrezError) as info:
            pipeline.fetch(settings, query_set("x"), options=options)
        log = fake.log
    # sent to the server on every request, in a POST body
    assert all(r.params.get("api_key") == SECRET_KEY for r in log)
    assert all(r.params.get("email") == SECRET_EMAIL for r in log)
    assert {r.method for r in log} == {"POST"}
    # never in what we store, log or raise (a failed run's state is in the working copy)
    with duckdb.connect(str(work_path(settings.db_path)), read_only=True) as con:
        params = [
            json.loads(p) for (p,) in con.execute("SELECT params FROM raw_responses").fetchall()
        ]
        dump = "\n".join(
            str(row)
            for table in ("raw_responses", "sync_runs", "sync_run_queries", "sync_state")
            for row in con.execute(f"SELECT * FROM {table}").fetchall()  # noqa: S608
        )
    assert params and all(p["api_key"] == "REDACTED" and p["email"] == "REDACTED" for p in params)
    for text in (dump, caplog.text, str(info.value)):
        assert SECRET_KEY not in text
        assert SECRET_EMAIL not in text
