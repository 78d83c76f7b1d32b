"""`evidence ingest` and `evidence stats` say which PubMed record builder read the XML."""

from __future__ import annotations

from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidence.cli import app
from evidence.pubmed import parser_path

REPO = Path(__file__).resolve().parents[2]
SAMPLE = REPO / "data" / "sample" / "pubmed-sample-0001.xml"


@pytest.mark.parametrize("builder", ["python", "compiled"])
def test_the_ingest_summary_and_stats_name_the_builder(
    builder: str, tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("EVIDENCE_PARSER", builder)
    if builder == "compiled":
        monkeypatch.setenv("EVIDENCE_PARSER", "auto")
        if parser_path() != "compiled":
            pytest.skip("the compiled record builder is not built in this install")
    db = tmp_path / "w.duckdb"
    runner = CliRunner()
    ingested = runner.invoke(app, ["ingest", str(SAMPLE), "--db", str(db)])
    assert ingested.exit_code == 0, ingested.output
    said = f"XML read by the {builder} record builder".replace("python", "Python")
    assert said in ingested.stdout
    stats = runner.invoke(app, ["stats", "--db", str(db)])
    assert stats.exit_code == 0, stats.output
    assert f"this install: {said}" in stats.stdout
