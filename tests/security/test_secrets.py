"""NCBI_API_KEY and NCBI_EMAIL are sent to E-utilities and nowhere else: not in logs, the
terminal, exception text, the warehouse (raw_responses params included), raw files, check
outputs, report pages, the Prefect artifact payloads, or ``repr(Settings)``.

The fetch stage alone (its ledger, logs and error text) is covered in
tests/integration/entrez/test_entrez_faults.py; this follows the secrets through a whole
run. The Prefect artifacts are checked as the payloads flows/sync.py and flows/review.py
hand to Prefect (``rows``, ``describe``, ``render_markdown``): running the flows under a
Prefect server would cost more than this suite's whole time budget.
"""

from __future__ import annotations

import gzip
import logging
from dataclasses import replace
from pathlib import Path

import duckdb
import pytest
from fakes.corpus import synthetic_corpus
from fakes.entrez_setup import FAST
from fakes.eutils import FakeEutils, Fault
from security_harness import CLAIMS, SECRET_EMAIL, SECRET_KEY, data_folder, run_evidence

from evidence import pipeline
from evidence.config import Settings
from evidence.entrez import acquisition, render_markdown

SECRETS = (SECRET_KEY, SECRET_EMAIL)
QUERY_SET = "name: secret\nqueries:\n  - name: all\n    term: synthetic records\n"


def leaks(texts: dict[str, str | bytes]) -> list[str]:
    """Where (by label) a secret shows up."""
    return [
        label
        for label, text in texts.items()
        for secret in SECRETS
        if (secret.encode() if isinstance(text, bytes) else secret) in text
    ]


def test_settings_never_show_the_secrets() -> None:
    settings = Settings.from_env({"NCBI_EMAIL": SECRET_EMAIL, "NCBI_API_KEY": SECRET_KEY})
    assert (settings.ncbi_email, settings.ncbi_api_key) == (SECRET_EMAIL, SECRET_KEY)
    assert (
        leaks({"repr": repr(settings), "str": str(settings), "in a list": repr([settings])}) == []
    )


def _stored(data: Path) -> dict[str, str | bytes]:
    """Every file under the data folder (gzip unpacked, DuckDB files raw) and every row."""
    found: dict[str, str | bytes] = {}
    for path in sorted(p for p in data.rglob("*") if p.is_file()):
        raw = path.read_bytes()
        found[str(path)] = gzip.decompress(raw) if path.suffix == ".gz" else raw
    with duckdb.connect(str(data / "w.duckdb"), read_only=True) as con:
        for (table,) in con.execute("SELECT table_name FROM information_schema.tables").fetchall():
            rows = con.execute(f'SELECT * FROM "{table}"').fetchall()  # noqa: S608
            found[f"table {table}"] = "\n".join(map(repr, rows))
    return found


def test_a_whole_run_leaves_the_secrets_nowhere(
    tmp_path: Path, caplog: pytest.LogCaptureFixture
) -> None:
    caplog.set_level(logging.DEBUG)
    data = data_folder(tmp_path)
    (data / "queries").mkdir()
    (data / "queries" / "secret.yaml").write_text(QUERY_SET)
    db = data / "w.duckdb"
    # one retried failure of each tool, so that the retry paths log and raise too
    faults = [Fault("503"), Fault("429", tool="esearch")]
    with FakeEutils(synthetic_corpus(300), faults=faults) as fake:
        env = {
            "EVIDENCE_DATA_DIR": str(data),
            "EVIDENCE_ENTREZ_URL": fake.url,
            "NCBI_EMAIL": SECRET_EMAIL,
            "NCBI_API_KEY": SECRET_KEY,
        }
        synced = run_evidence("sync", "--query-set", "secret", "--db", db, env=env)
        fake.add_fault(Fault("bad", tool="esearch"))
        failed = run_evidence("sync", "--query-set", "secret", "--db", db, env=env)
        settings = Settings.from_env(env, db_path=db)
        with acquisition(settings) as source:
            fetched, ingested = pipeline.sync(settings, "secret", options=FAST)
        sent = fake.log

    assert synced.returncode == 0, synced.stderr
    assert failed.returncode == 1 and "Invalid db name" in failed.stderr
    # the secrets were in play: every request carried them
    assert {(r.params.get("api_key"), r.params.get("email")) for r in sent} == {SECRETS}
    outputs = {}
    for suffix in (".json", ".html"):
        out = tmp_path / "out" / f"verdicts{suffix}"
        pipeline.check(settings, CLAIMS, out=out)
        outputs[str(out)] = out.read_text()
    index = pipeline.report(settings, tmp_path / "report")
    pages = {str(p): p.read_text() for p in index.parent.iterdir()}
    artifacts = {
        "fetched rows": repr(fetched.rows()),
        "fetched": fetched.describe(),
        "ingested": ingested.describe(),
        "markdown": render_markdown(fetched, ingested, note=source.note),
        "note": source.note,
        "settings in the acquisition": repr(replace(source.settings)),
    }
    terminal = {"sync out": synced.stdout, "sync err": synced.stderr}
    terminal |= {"failed sync out": failed.stdout, "failed sync err": failed.stderr}

    assert leaks(terminal) == []
    assert leaks({"log": caplog.text}) == []
    assert leaks(_stored(data)) == []
    assert leaks(outputs | pages) == []
    assert leaks(artifacts) == []
