"""`evidence check` end to end on the synthetic sample: every seed claim gets a verdict, the
output formats, and the exit statuses of the command line."""

from __future__ import annotations

import csv
import json
import re
import shutil
import signal
import subprocess
import sys
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path

import pytest
from claim_builders import SEED_CLAIMS
from typer.testing import CliRunner
from warehouse_update import update_warehouse

from evidence import pipeline
from evidence.claims.check import change_note, retraction_note
from evidence.claims.claim import VERDICTS
from evidence.claims.claims_file import load_claims
from evidence.claims.history import FileHistory, VerdictChange
from evidence.claims.rules import RULES
from evidence.cli import app
from evidence.config import Settings
from evidence.errors import InputError, StorageError
from evidence.store import connect
from evidence.tagging import Vocabulary

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)


@pytest.fixture
def db(sample_db: Path, tmp_path: Path) -> Path:
    """A private copy of the sample warehouse, so that a test may write to it."""
    copy = tmp_path / "evidence.duckdb"
    shutil.copy(sample_db, copy)
    return copy


def test_every_seed_claim_gets_a_verdict_by_a_documented_rule(
    settings: Settings, db: Path, vocab: Vocabulary
) -> None:
    result = pipeline.check(replace(settings, db_path=db), SEED_CLAIMS, now=NOW)
    claims = load_claims(SEED_CLAIMS, vocab).claims
    assert [v.claim.id for v in result.verdicts] == [c.id for c in claims]
    for v in result.verdicts:
        assert v.verdict in VERDICTS and v.verdict in RULES[v.rule].verdicts, v.claim.id
        assert v.claim.kind in RULES[v.rule].kinds, v.claim.id
        assert v.summary.endswith(".") and "\n" not in v.summary
    assert sum(result.counts().values()) == len(claims)
    assert result.n_records > 30
    con = connect(db, read_only=True)
    try:
        stored = con.execute(
            "SELECT claim_id, verdict, rule FROM claim_verdicts WHERE claims_file = ? ORDER BY ord",
            [SEED_CLAIMS.name],
        ).fetchall()
    finally:
        con.close()
    assert stored == [(v.claim.id, v.verdict, v.rule) for v in result.verdicts]


def test_the_sample_exercises_the_rules_it_was_written_for(settings: Settings, db: Path) -> None:
    by_id = {
        v.claim.id: v
        for v in pipeline.check(replace(settings, db_path=db), SEED_CLAIMS, now=NOW).verdicts
    }
    # Dry needling with an electric current that heats: contradicted by the definition.
    assert (by_id["C08"].verdict, by_id["C08"].rule) == ("contradicted", "D1")
    # Ultrasound and blood flow: judged on the crossover trial that measured it (90000044).
    assert by_id["C09"].rule.startswith("E") and 90000044 in [
        c.pmid for c in by_id["C09"].citations
    ]
    # The retracted herniated-disc trial (90000009) is set aside, never cited.
    assert "retracted" in by_id["C02"].summary
    assert all(c.pmid != 90000009 for v in by_id.values() for c in v.citations)
    # Nothing reports asthma or an allergic reaction; the summary says how much was searched.
    for claim_id in ("C36", "C37"):
        assert by_id[claim_id].rule == "A3"
        assert re.search(r"none of the \d+ safety records", by_id[claim_id].summary)
    # Coverage is settled by the payer table: it depends on the payer and the treatment.
    c32 = by_id["C32"]
    assert (c32.verdict, c32.rule, c32.grade) == ("mixed", "V1", None)
    assert re.search(r"not covered by Medicare \(dry needling \[cov-\d+\]\)", c32.summary, re.I)
    assert (
        "covered only under conditions by medicare (trigger point injection" in c32.summary.lower()
    )
    # "Safe": minor events in the trials and the large survey, which support it, beside
    # pneumothorax case reports, which keep it mixed and are named.
    c34 = by_id["C34"]
    assert (c34.verdict, c34.rule) == ("mixed", "S3")
    assert "pneumothorax in" in c34.summary
    survey = next(c for c in c34.citations if c.pmid == 90000036)  # 7,629 treatments
    assert survey.stance == "supports"
    # "Usually used for tendinitis": one trial used it; no guideline or survey of use.
    c16 = by_id["C16"]
    assert (c16.verdict, c16.rule) == ("insufficient", "I1")
    assert "1 randomised trial (2020) tests it" in c16.summary
    assert {c.stance for c in c16.citations} == {"neutral"}


@pytest.mark.parametrize("suffix", [".csv", ".json", ".md", ".html"])
def test_output_formats(settings: Settings, db: Path, tmp_path: Path, suffix: str) -> None:
    out = tmp_path / "out" / f"verdicts{suffix}"
    result = pipeline.check(replace(settings, db_path=db), SEED_CLAIMS, out=out, now=NOW)
    text = out.read_text(encoding="utf-8")
    ids = [v.claim.id for v in result.verdicts]
    if suffix == ".csv":
        rows = list(csv.DictReader(text.splitlines()))
        assert [r["claim_id"] for r in rows] == ids
        assert rows[0]["verdict"] == result.verdicts[0].verdict
    elif suffix == ".json":
        doc = json.loads(text)
        assert [v["claim_id"] for v in doc["verdicts"]] == ids
        cited = [c for v in doc["verdicts"] for c in v["citations"]]
        assert cited and all(
            c["url"] == f"https://pubmed.ncbi.nlm.nih.gov/{c['pmid']}/" for c in cited
        )
    elif suffix == ".md":
        assert all(f"| {i} |" in text for i in ids)
    else:
        assert text.startswith("<!doctype html>") and "SYNTHETIC" in text
        assert all(f'id="claim-{n}-{i}"' in text for n, i in enumerate(ids, start=1))


def test_unknown_output_extension_fails_before_any_work(settings: Settings, tmp_path: Path) -> None:
    missing_db = tmp_path / "none.duckdb"
    with pytest.raises(InputError, match=r"out\.txt: unknown output format '\.txt'"):
        pipeline.check(replace(settings, db_path=missing_db), SEED_CLAIMS, out=tmp_path / "out.txt")
    assert not missing_db.exists()


def test_a_missing_warehouse_is_a_storage_error(settings: Settings, tmp_path: Path) -> None:
    with pytest.raises(StorageError, match="no such warehouse"):
        pipeline.check(replace(settings, db_path=tmp_path / "none.duckdb"), SEED_CLAIMS)


def test_cli_check_prints_verdicts_and_exits_0(db: Path) -> None:
    result = CliRunner().invoke(app, ["check", str(SEED_CLAIMS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert re.search(r"^C08\s+contradicted\s+-\s+D1", result.output, re.M)
    assert "check: " in result.output and SEED_CLAIMS.name in result.output


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--out", "verdicts.xlsx"], "unknown output format '.xlsx'"),
    ],
    ids=["bad-extension"],
)
def test_cli_bad_output_exits_2(db: Path, args: list[str], message: str) -> None:
    result = CliRunner().invoke(app, ["check", str(SEED_CLAIMS), "--db", str(db), *args])
    assert result.exit_code == 2
    assert message in result.output


def test_cli_malformed_claims_exit_2_with_one_line(db: Path, tmp_path: Path) -> None:
    bad = tmp_path / "bad.yaml"
    bad.write_text(
        "claims:\n  - id: C1\n    text: x\n    kind: magic\n    intervention: dry_needling\n",
        encoding="utf-8",
    )
    result = CliRunner().invoke(app, ["check", str(bad), "--db", str(db)])
    assert result.exit_code == 2
    lines = [line for line in result.output.splitlines() if line.strip()]
    assert lines == [
        f"evidence: error: {bad}:4: claim C1: unknown kind 'magic'"
        " (expected one of effectiveness, indication, safety, adverse_effect,"
        " coverage, mechanism, definition)"
    ]


# In the synthetic sample, trial 90000017 tips C11 to supported, and C16 and C26 cite it
# (as a trial that used the treatment, which does not decide those indication claims);
# trial 90000030 alone supports C31.
RETRACT, DELETE = 90000017, 90000030


def test_cli_check_says_what_changed_since_the_previous_check(settings: Settings, db: Path) -> None:
    again = CliRunner().invoke(app, ["check", str(SEED_CLAIMS), "--db", str(db)])
    assert again.exit_code == 0, again.output
    assert "changed since" not in again.output and "retracted:" not in again.output
    update_warehouse(replace(settings, db_path=db), retract=[RETRACT], delete=[DELETE])
    result = CliRunner().invoke(app, ["check", str(SEED_CLAIMS), "--db", str(db)])
    assert result.exit_code == 0, result.output
    con = connect(db, read_only=True)
    try:
        changed = con.execute(
            "SELECT claim_id, previous_verdict, verdict FROM claim_verdict_changes ORDER BY ord"
        ).fetchall()
        flagged = con.execute(
            "SELECT list(claim_id ORDER BY claim_id) FROM claim_verdicts WHERE cites_retracted"
        ).fetchone()
        rested = con.execute(  # claims that cited the retracted trial in the last two runs
            "SELECT list(DISTINCT claim_id ORDER BY claim_id) FROM claim_verdict_history"
            " WHERE list_contains(citations, ?)"
            " AND run_id >= (SELECT previous_run_id FROM check_runs WHERE is_latest)",
            [RETRACT],
        ).fetchone()
        runs = con.execute("SELECT count(*) FROM check_runs").fetchone()
    finally:
        con.close()
    assert runs == (3,)  # the fixture's check, then two here
    assert {"C11", "C31"} <= {c for c, _, _ in changed}
    (note,) = [line for line in result.output.splitlines() if line.startswith("changed since")]
    assert f"{len(changed)} verdicts, " in note
    for claim_id, before, now in changed[:6]:
        # a change of grade alone is told as "C34 grade moderate → high"
        told = f"{claim_id} {before} → {now}" if before != now else f"{claim_id} grade "
        assert told in note
    (retracted,) = [line for line in result.output.splitlines() if line.startswith("retracted:")]
    assert f"PMID {RETRACT}" in retracted and f"PMID {DELETE}" not in retracted
    assert flagged == rested and flagged is not None and {"C16", "C26"} <= set(flagged[0])
    assert all(claim_id in retracted for claim_id in flagged[0][:6])


def test_check_result_carries_the_history(settings: Settings, db: Path) -> None:
    update_warehouse(replace(settings, db_path=db), delete=[DELETE])
    result = pipeline.check(replace(settings, db_path=db), SEED_CLAIMS, now=NOW)
    assert result.history.has_previous and result.history.retracted == {}
    (c31,) = [c for c in result.history.changes if c.claim_id == "C31"]
    assert (c31.dropped_pmids, c31.deleted_pmids) == ((DELETE,), (DELETE,))
    assert "deleted from PubMed: PMID 90000030" in c31.why


# `evidence check` in a child process that dies (SIGKILL) once its verdicts are committed
# in the working copy, as the publish step begins.
KILLED_AT_PUBLISH = """
import os, signal, sys
from evidence.store import snapshot
snapshot._checkpoint = lambda path: os.kill(os.getpid(), signal.SIGKILL)
sys.argv[0] = "evidence"
from evidence.cli import main
main()
"""


def test_a_check_killed_before_publishing_hides_no_change_from_the_next(
    settings: Settings, db: Path, tmp_path: Path
) -> None:
    update_warehouse(replace(settings, db_path=db), retract=[RETRACT], delete=[DELETE])
    out = tmp_path / "verdicts.json"
    args = ["check", str(SEED_CLAIMS), "--db", str(db), "--out", str(out)]
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_AT_PUBLISH, *args], capture_output=True, timeout=300
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert not out.exists()  # written only once the verdicts behind it are published

    result = CliRunner().invoke(app, args)

    assert result.exit_code == 0, result.output
    con = connect(db, read_only=True)
    try:
        rows = con.execute("SELECT claim_id FROM claim_verdict_changes").fetchall()
        runs = con.execute("SELECT count(*) FROM check_runs").fetchone()
        published = con.execute(
            "SELECT claim_id, verdict FROM claim_verdicts WHERE claims_file = ? ORDER BY ord",
            [SEED_CLAIMS.name],
        ).fetchall()
        (checked_at,) = con.execute("SELECT max(checked_at) FROM check_runs").fetchone() or (None,)
    finally:
        con.close()
    assert {"C11", "C31"} <= {claim_id for (claim_id,) in rows}
    assert runs == (2,)  # the fixture's check and this one; the killed one never counted
    assert any(line.startswith("changed since") for line in result.output.splitlines())
    doc = json.loads(out.read_text(encoding="utf-8"))  # the verdicts that were published
    assert [(v["claim_id"], v["verdict"]) for v in doc["verdicts"]] == published
    assert doc["checked_at"] == checked_at.isoformat()


def _change(
    claim_id: str, before: str, now: str, grades: tuple[str | None, str | None]
) -> VerdictChange:
    return VerdictChange(
        "x.yaml", claim_id, 1, before, now, grades[0], grades[1], "E7", "E5",
        (), (), (), (), True, False, False, False, False, "why",
        datetime(2026, 1, 2, 3, 4), datetime(2026, 2, 1),
    )  # fmt: skip


@pytest.mark.parametrize(
    ("changes", "expected"),
    [
        ([], None),
        (
            [_change("C01", "supported", "mixed", ("high", "low"))],
            "changed since the previous check (2026-01-02 03:04 UTC): 1 verdict, C01 supported"
            " → mixed (why: the claim_verdict_changes view, or `evidence report`)",
        ),
        (
            [_change("C02", "mixed", "mixed", ("low", None))],
            "1 verdict, C02 grade low → not graded (why",
        ),
        (
            [_change(f"C{n:02}", "mixed", "supported", ("low", "low")) for n in range(1, 9)],
            "8 verdicts, C01 mixed → supported, C02 mixed → supported, C03 mixed → supported,"
            " C04 mixed → supported, C05 mixed → supported, C06 mixed → supported and 2 more",
        ),
    ],
    ids=["none", "verdict", "grade-only", "many"],
)
def test_change_note(changes: list[VerdictChange], expected: str | None) -> None:
    history = FileHistory(2, 1, datetime(2026, 1, 2, 3, 4), tuple(changes))
    note = change_note(history)
    assert (note is None) if expected is None else (expected in (note or ""))


def test_no_note_on_a_first_check() -> None:
    assert change_note(FileHistory(run_id=1)) is None
    assert retraction_note(FileHistory(run_id=1)) is None


def test_retraction_note() -> None:
    note = retraction_note(FileHistory(1, retracted={"C01": (7, 5), "C04": (5,)}))
    assert note == (
        "retracted: C01, C04 rested on retracted records PMID 5, PMID 7"
        " (claim_verdicts.retracted_citations)"
    )
