"""Benchmark of PubMed acquisition against the fake E-utilities server (run by hand).

    .venv/bin/python bench/sync_bench.py

Three runs over a SYNTHETIC corpus of 12,000 records, of which the query matches 10,000
(more than the 9,999 one search can list, so the search is sliced by date):

1. requests needed for 10,000 records (target: at most 25);
2. the request rate seen by the server, with and without an API key (target: at least 90 %
   of the permitted rate, and never above it in any one-second window);
3. 20 % of requests failing transiently (429, 5xx, cut-off bodies, <ERROR>, dropped
   connections): every record must still arrive exactly once.

Figures are printed; they go in the issue notes. Nothing here is a timed test.
"""

from __future__ import annotations

import sys
import tempfile
import time
from collections import Counter
from dataclasses import dataclass
from pathlib import Path

import duckdb

sys.path.insert(0, str(Path(__file__).resolve().parents[1] / "tests"))
from fakes.corpus import FIRST_PMID, synthetic_corpus
from fakes.eutils import FakeEutils

from evidence import pipeline
from evidence.config import Settings
from evidence.entrez import EntrezOptions, Query, QuerySet

QUERY_SET = QuerySet(name="bench", queries=(Query(name="bench", term="bench"),))
WANTED = range(FIRST_PMID + 2_000, FIRST_PMID + 12_000)


@dataclass
class Outcome:
    label: str
    requests: Counter[str]
    seconds: float
    rate: float
    busiest: int
    exactly_once: bool
    faults: int


def run(
    label: str,
    *,
    api_key: str | None,
    failure_rate: float = 0.0,
    options: EntrezOptions | None = None,
) -> Outcome:
    corpus = synthetic_corpus(12_000, topics={"bench": range(2_000, 12_000)})
    with (
        tempfile.TemporaryDirectory() as tmp,
        FakeEutils(corpus, failure_rate=failure_rate, seed=7) as fake,
    ):
        settings = Settings(
            db_path=Path(tmp) / "w.duckdb",
            data_dir=Path(tmp),
            entrez_url=fake.url,
            ncbi_api_key=api_key,
        )
        start = time.monotonic()
        pipeline.fetch(settings, QUERY_SET, options=options)
        seconds = time.monotonic() - start
        log = fake.log
        with duckdb.connect(str(settings.db_path), read_only=True) as con:
            got = Counter(
                p for (p,) in con.execute("SELECT unnest(pmids) FROM raw_responses").fetchall()
            )
        faults = len(fake.applied)
    times = sorted(r.t for r in log)
    rate = (len(times) - 1) / (times[-1] - times[0])
    busiest = max(sum(1 for t in times if s <= t < s + 1.0) for s in times)
    once = got == Counter(WANTED)
    return Outcome(label, Counter(r.tool for r in log), seconds, rate, busiest, once, faults)


def main() -> None:
    outcomes = [
        run("10,000 records, API key (10/s)", api_key="bench-key"),
        run("10,000 records, no key (3/s)", api_key=None),
        run(
            "20 % transient failures, API key",
            api_key="bench-key",
            failure_rate=0.2,
            options=EntrezOptions(backoff=0.05, backoff_max=0.5, max_tries=8),
        ),
    ]
    print(
        f"{'run':36} {'esearch':>7} {'efetch':>6} {'total':>5} {'secs':>6} {'req/s':>6}"
        f" {'max/1s':>6} {'faults':>6}  exactly once"
    )
    for o in outcomes:
        print(
            f"{o.label:36} {o.requests['esearch']:>7} {o.requests['efetch']:>6}"
            f" {sum(o.requests.values()):>5} {o.seconds:>6.1f} {o.rate:>6.2f} {o.busiest:>6}"
            f" {o.faults:>6}  {o.exactly_once}"
        )


if __name__ == "__main__":
    main()
