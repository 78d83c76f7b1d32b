"""`evidence review`: the whole job from the command line, published once at its end.

Demo mode (no NCBI_EMAIL): the synthetic sample served by the local replay, so the test
never touches NCBI.
"""

from __future__ import annotations

from pathlib import Path

import duckdb
import pytest
from typer.testing import CliRunner

from evidence.cli import app

REPO = Path(__file__).resolve().parents[2]


@pytest.fixture
def demo_data(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> Path:
    """A data folder with the repository's vocabulary, query sets, payer table and sample."""
    if not list((REPO / "data" / "sample").glob("*.xml")):
        pytest.skip("data/sample has no sample files")
    for name in ("vocab", "queries", "sample", "coverage"):
        (tmp_path / name).symlink_to(REPO / "data" / name, target_is_directory=True)
    monkeypatch.setenv("EVIDENCE_DATA_DIR", str(tmp_path))
    monkeypatch.delenv("NCBI_EMAIL", raising=False)
    monkeypatch.delenv("EVIDENCE_DB", raising=False)
    return tmp_path


def test_review_syncs_ingests_checks_and_reports_in_one_run(demo_data: Path) -> None:
    db = demo_data / "review.duckdb"
    result = CliRunner().invoke(app, ["review", "--db", str(db), "--out", str(demo_data / "r")])

    assert result.exit_code == 0, result.output
    assert "DEMO MODE" in result.stderr and "SYNTHETIC" in result.stderr
    assert "check: 48 claims of trigger-point-article.yaml" in result.stdout
    assert (demo_data / "r" / "index.html").is_file()
    assert not db.with_name(db.name + ".work").exists()  # published, no copy left
    with duckdb.connect(str(db), read_only=True) as con:
        records = con.execute("SELECT count(*) FROM articles").fetchone()
        verdicts = con.execute("SELECT count(*) FROM claim_verdicts").fetchone()
        raw = con.execute("SELECT count(*), bool_and(ingested) FROM raw_responses").fetchone()
    assert records is not None and records[0] > 0
    assert verdicts == (48,)
    assert raw == (1, True)


def test_a_bad_claims_file_stops_review_before_anything_is_fetched(demo_data: Path) -> None:
    db = demo_data / "review.duckdb"
    bad = demo_data / "claims.yaml"
    bad.write_text("claims: [{id: C1}]\n", encoding="utf-8")

    result = CliRunner().invoke(app, ["review", "--db", str(db), "--claims", str(bad)])

    assert result.exit_code == 2, result.output
    assert result.stderr.startswith(f"evidence: error: {bad}")
    assert len(result.stderr.strip().splitlines()) == 1
    assert not db.exists() and not (demo_data / "raw").exists()  # nothing fetched or written
