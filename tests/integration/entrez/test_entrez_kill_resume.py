"""A sync killed mid-fetch (SIGKILL), then run again, gives the warehouse of an unbroken run."""

from __future__ import annotations

import os
import signal
import subprocess
import sys
from collections import Counter
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from fakes.corpus import synthetic_corpus
from fakes.entrez_setup import FAST
from fakes.eutils import FakeEutils, Fault

from evidence import pipeline
from evidence.config import Settings
from evidence.entrez import Query, QuerySet
from evidence.store import work_path

QUERY_SET = QuerySet(name="kill", queries=(Query(name="all", term="anything"),))
CHILD = """
import sys
from pathlib import Path
from evidence import pipeline
from evidence.config import Settings
from evidence.entrez import EntrezOptions, Query, QuerySet
data, url = Path(sys.argv[1]), sys.argv[2]
settings = Settings(db_path=data / "warehouse.duckdb", data_dir=data, entrez_url=url)
qs = QuerySet(name="kill", queries=(Query(name="all", term="anything"),))
pipeline.sync(settings, qs, options=EntrezOptions(rate=1000.0, workers=2, batch_size=500))
"""


def warehouse(settings: Settings) -> tuple[list[tuple[object, ...]], Counter[int]]:
    with duckdb.connect(str(settings.db_path), read_only=True) as con:
        articles = con.execute(
            "SELECT pmid, title, abstract, journal, pub_year FROM articles ORDER BY pmid"
        ).fetchall()
        raw = Counter(
            p for (p,) in con.execute("SELECT unnest(pmids) FROM raw_responses").fetchall()
        )
    return articles, raw


@pytest.mark.slow
def test_killed_sync_resumes_to_the_same_warehouse(
    make_settings: Callable[..., Settings], tmp_path: Path
) -> None:
    corpus = synthetic_corpus(3_000)
    with FakeEutils(corpus, faults=[Fault("hang", skip=3)]) as fake:
        settings = make_settings(fake.url)
        child = subprocess.Popen([sys.executable, "-c", CHILD, str(settings.data_dir), fake.url])
        try:
            assert fake.wait_hung(timeout=60), "the child never reached the held request"
        finally:
            os.kill(child.pid, signal.SIGKILL)
            child.wait(timeout=30)
            fake.release()
        assert child.returncode == -signal.SIGKILL
        # nothing of a killed run is published; its committed batches are in the working
        # copy. Read-write, as the next sync will: it replays what the killer left in the WAL
        assert not settings.db_path.exists()
        with duckdb.connect(str(work_path(settings.db_path))) as con:
            (kept,) = con.execute("SELECT count(*) FROM raw_responses").fetchone() or (0,)
        fetched, _ = pipeline.sync(settings, QUERY_SET, options=FAST)

        unbroken = Settings(
            db_path=tmp_path / "unbroken" / "w.duckdb",
            data_dir=tmp_path / "unbroken",
            entrez_url=fake.url,
        )
        (unbroken.data_dir).mkdir()
        (unbroken.data_dir / "vocab").symlink_to(settings.data_dir / "vocab")
        pipeline.sync(unbroken, QUERY_SET, options=FAST)

    assert kept < 6  # killed before the last batch was stored (often after a few)
    assert fetched.resumed and fetched.records_fetched == 3_000 - 500 * kept
    resumed_articles, resumed_raw = warehouse(settings)
    unbroken_articles, unbroken_raw = warehouse(unbroken)
    assert resumed_articles == unbroken_articles
    assert len(resumed_articles) == 3_000
    assert resumed_raw == unbroken_raw == Counter({p: 1 for p in unbroken_raw})
