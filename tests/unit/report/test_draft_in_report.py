"""A drafted claims file goes through check into the report, its claims badged as drafts
until an editor removes `reviewed: false` (issue: draft the claims file from the article)."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

from typer.testing import CliRunner

from evidence import pipeline
from evidence.cli import app
from evidence.config import Settings
from evidence.store import connect

ARTICLE = """# Dry needling for neck pain (SYNTHETIC article for a test)

Dry needling reduces neck pain in many people.

It is also used for low back pain.

Dry needling may cause bruising.
"""


def _reviewed(settings: Settings, name: str) -> list[bool]:
    con = connect(settings.db_path, read_only=True)
    try:
        rows = con.execute(
            "SELECT reviewed FROM claim_verdicts WHERE claims_file = ? ORDER BY ord", [name]
        ).fetchall()
    finally:
        con.close()
    return [r[0] for r in rows]


def test_draft_check_report_marks_the_unreviewed_claims(
    sample_settings: Settings, tmp_path: Path
) -> None:
    settings = replace(sample_settings, db_path=tmp_path / "d.duckdb")
    shutil.copy(sample_settings.db_path, settings.db_path)
    article = tmp_path / "article.md"
    article.write_text(ARTICLE, encoding="utf-8")
    draft = tmp_path / "draft.yaml"
    result = CliRunner().invoke(app, ["draft", str(article), "--out", str(draft)])
    assert result.exit_code == 0, result.output
    assert "reviewed: false" in draft.read_text(encoding="utf-8")

    pipeline.check(settings, draft)
    flags = _reviewed(settings, "draft.yaml")
    assert flags and not any(flags)
    page = pipeline.report(settings, tmp_path / "report").read_text(encoding="utf-8")
    assert page.count("Draft, not reviewed") == len(flags)

    # the editor reviews the file: the badges go at the next check
    draft.write_text(
        draft.read_text(encoding="utf-8").replace("reviewed: false", "reviewed: true"),
        encoding="utf-8",
    )
    pipeline.check(settings, draft)
    assert all(_reviewed(settings, "draft.yaml"))
    page = pipeline.report(settings, tmp_path / "report2").read_text(encoding="utf-8")
    assert "Draft, not reviewed" not in page
