"""`evidence forget`: a checked claims file (a draft) leaves the warehouse, its verdict
history with it, and the next report no longer shows it; an unknown file is one line, exit 2."""

from __future__ import annotations

import shutil
from dataclasses import replace
from pathlib import Path

import pytest
from typer.testing import CliRunner

from evidence import pipeline
from evidence.cli import app
from evidence.config import Settings
from evidence.errors import InputError
from evidence.store import connect

SEED_CLAIMS = Path(__file__).resolve().parents[3] / "data" / "claims" / "trigger-point-article.yaml"


def _rows(settings: Settings, name: str) -> dict[str, int]:
    con = connect(settings.db_path, read_only=True)
    try:
        return {
            view: con.execute(
                f"SELECT count(*) FROM {view} WHERE claims_file = ?",  # noqa: S608
                [name],
            ).fetchone()[0]  # type: ignore[index]
            for view in ("claim_verdicts", "claim_evidence", "check_runs", "claim_verdict_history")
        }
    finally:
        con.close()


@pytest.fixture
def two_files(sample_settings: Settings, tmp_path: Path) -> tuple[Settings, Path]:
    """The sample warehouse with the seed claims and a draft copy of them checked (twice)."""
    settings = replace(sample_settings, db_path=tmp_path / "e.duckdb")
    shutil.copy(sample_settings.db_path, settings.db_path)
    draft = tmp_path / "draft.yaml"
    shutil.copy(SEED_CLAIMS, draft)
    pipeline.check(settings, draft)
    pipeline.check(settings, draft)
    return settings, draft


def test_forget_removes_a_file_and_its_history_from_the_report(
    two_files: tuple[Settings, Path], tmp_path: Path
) -> None:
    settings, draft = two_files
    before = pipeline.report(settings, tmp_path / "before").read_text(encoding="utf-8")
    assert "Claims file draft.yaml" in before and f"Claims file {SEED_CLAIMS.name}" in before
    assert all(_rows(settings, "draft.yaml").values())
    seed = _rows(settings, SEED_CLAIMS.name)

    draft.unlink()  # the draft may be gone already: its file name is the key
    result = CliRunner().invoke(app, ["forget", str(draft), "--db", str(settings.db_path)])
    assert result.exit_code == 0, result.output
    assert result.output.startswith("forget: removed draft.yaml from ")
    assert "48 claims and 2 recorded checks" in result.output

    after = pipeline.report(settings, tmp_path / "after").read_text(encoding="utf-8")
    assert "draft.yaml" not in after and f"Claims file {SEED_CLAIMS.name}" in after
    assert after.count('class="claims-file"') == 1
    assert not any(_rows(settings, "draft.yaml").values())
    assert _rows(settings, SEED_CLAIMS.name) == seed  # the other file keeps everything


def test_a_forgotten_file_checked_again_starts_a_new_history(
    two_files: tuple[Settings, Path],
) -> None:
    settings, draft = two_files
    assert pipeline.forget(settings, draft) == ("draft.yaml", 48, 2)
    result = pipeline.check(settings, draft)
    assert result.history.previous_run_id is None  # nothing to compare with: a first check


def test_forgetting_an_unknown_file_is_one_line_exit_2(two_files: tuple[Settings, Path]) -> None:
    settings, _ = two_files
    with pytest.raises(InputError, match=r"no claims file named other\.yaml was checked"):
        pipeline.forget(settings, Path("data/claims/other.yaml"))
    result = CliRunner().invoke(
        app, ["forget", "data/claims/other.yaml", "--db", str(settings.db_path)]
    )
    assert result.exit_code == 2
    lines = result.output.strip().splitlines()
    assert len(lines) == 1, result.output
    assert lines[0].startswith("evidence: error: data/claims/other.yaml: no claims file named")
    assert "(checked: draft.yaml, trigger-point-article.yaml)" in lines[0]


def test_forgetting_in_a_missing_warehouse_is_a_storage_error(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["forget", "draft.yaml", "--db", str(tmp_path / "none.duckdb")]
    )
    assert result.exit_code == 1 and "no such warehouse" in result.output
    assert not (tmp_path / "none.duckdb").exists()
