"""`build_report` / `evidence report` on a warehouse: the synthetic sample, and a small
hand-built one that is not synthetic and was synced."""

from __future__ import annotations

import re
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidence import pipeline
from evidence.cli import app
from evidence.config import Settings
from evidence.errors import StorageError
from evidence.models import Article, Tag
from evidence.report.render import MAX_CARDS
from evidence.store import connect, upsert_records, write_tags

NOW = datetime(2026, 11, 25, 10, 0, tzinfo=UTC)


def test_sample_report(sample_settings: Settings, tmp_path: Path) -> None:
    index = pipeline.report(sample_settings, tmp_path / "report", now=NOW)
    html = index.read_text(encoding="utf-8")
    evidence = (tmp_path / "report" / "evidence.html").read_text(encoding="utf-8")
    con = connect(sample_settings.db_path, read_only=True)
    try:
        claims = con.execute("SELECT claim_id, verdict FROM claim_verdicts ORDER BY ord").fetchall()
        cited = con.execute(
            "SELECT sum(least(n, ?)) FROM (SELECT count(*) AS n"
            " FROM claim_evidence GROUP BY claim_id)",
            [MAX_CARDS],
        ).fetchone()
    finally:
        con.close()
    for claim_id, verdict in claims:
        assert re.search(rf'class="claim v-{verdict}" id="claim-\d+-{claim_id}"', html)
    assert cited is not None and html.count('class="card ') == cited[0]
    assert 'id="synthetic-banner"' in html and 'id="synthetic-banner"' in evidence
    assert "Ingested from files" in html
    assert "first recorded check of this claims file" in html  # the sample was checked once
    assert "pneumothorax" in evidence and "data:image/svg+xml;base64," in evidence
    # The footer's link to the verdict rules works from the folder: the page is beside it.
    rules = (tmp_path / "report" / "verdict-rules.html").read_text(encoding="utf-8")
    assert 'href="verdict-rules.html" id="rules-link"' in html
    assert "How <code>evidence check</code> decides a verdict" in rules
    assert "Rules version:" in rules and 'id="synthetic-banner"' in rules


def test_report_of_a_synced_real_looking_warehouse(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    con = connect(db)
    upsert_records(
        con,
        [Article(pmid=12345, title="A record", pub_year=2020, journal="Journal of Tests")],
        source="test",
    )
    write_tags(
        con,
        [12345],
        [
            Tag(12345, "intervention", "dry_needling", "text", "dry needling"),
            Tag(12345, "condition", "neck_pain", "text", "neck pain"),
        ],
        [],
    )
    con.execute(
        "INSERT INTO sync_state VALUES ('trigger_point', 'run-1', ?, 812)",
        [datetime(2026, 11, 20, 6, 0)],
    )
    con.close()
    out = tmp_path / "out"
    index = pipeline.report(Settings.from_env({}, db_path=db), out, now=NOW)
    html = index.read_text(encoding="utf-8")
    assert "synthetic-banner" not in html
    assert "query set trigger_point on 2026-11-20 06:00 UTC" in html
    assert "No claims have been checked" in html
    assert "neck pain" in (out / "evidence.html").read_text(encoding="utf-8")


def test_missing_warehouse_is_a_storage_error(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no such warehouse"):
        pipeline.report(Settings.from_env({}, db_path=tmp_path / "none.duckdb"), tmp_path)


def test_default_folder_is_data_reports(sample_settings: Settings, tmp_path: Path) -> None:
    settings = replace(sample_settings, data_dir=tmp_path / "data")
    assert pipeline.report(settings, now=NOW) == tmp_path / "data" / "reports" / "index.html"


def test_cli_report(sample_settings: Settings, tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["report", "--db", str(sample_settings.db_path), "--out", str(tmp_path / "r")]
    )
    assert result.exit_code == 0, result.output
    assert (tmp_path / "r" / "index.html").exists() and "report: wrote" in result.output
    missing = CliRunner().invoke(app, ["report", "--db", str(tmp_path / "none.duckdb")])
    assert missing.exit_code == 1 and "no such warehouse" in missing.output


def test_report_after_a_second_check_shows_what_changed(
    rechecked_settings: Settings, tmp_path: Path
) -> None:
    html = pipeline.report(rechecked_settings, tmp_path / "r", now=NOW).read_text(encoding="utf-8")
    con = connect(rechecked_settings.db_path, read_only=True)
    try:
        changes = con.execute(
            "SELECT claim_id, previous_verdict, verdict, dropped_pmids FROM claim_verdict_changes"
            " ORDER BY ord"
        ).fetchall()
        flagged = con.execute(
            "SELECT claim_id, retracted_citations FROM claim_verdicts WHERE cites_retracted"
            " ORDER BY ord"
        ).fetchall()
    finally:
        con.close()
    assert changes and flagged
    rows = re.findall(
        r'<tr class="change" data-claim="(\w+)" data-before="(\w+)" data-now="(\w+)"', html
    )
    assert rows == [(c, before, now) for c, before, now, _ in changes]
    for _, _, _, dropped in changes:
        for pmid in dropped:
            assert f'No longer cited: <a href="https://pubmed.ncbi.nlm.nih.gov/{pmid}/"' in html
    marked = re.findall(r'id="claim-\d+-(\w+)" data-verdict="\w+" data-retracted="([\d ]+)"', html)
    assert marked == [(c, " ".join(map(str, pmids))) for c, pmids in flagged]
