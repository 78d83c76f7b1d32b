"""A full disk or a read-only data folder: one clear line (exit 1) naming the path, and
nothing corrupted: the published warehouse, earlier reports and raw files stay as they were,
and running the command again once there is room gives the warehouse of an unbroken run.

A full disk is a file-size limit on the child (RLIMIT_FSIZE): writes past it fail with
EFBIG, which no root privilege lifts, through the same code paths as ENOSPC. A read-only
folder is, for root, a read-only bind mount in the child's own mount namespace.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from fakes.corpus import synthetic_corpus
from fakes.eutils import FakeEutils
from security_harness import (
    CLAIMS,
    SECRET_EMAIL,
    SECRET_KEY,
    Baseline,
    Finished,
    data_folder,
    fresh_warehouse,
    ingest_again,
    read_only,
    run_evidence,
    warehouse_digest,
)

from evidence.store import publishing, work_path

FULL = r"(File too large|No space left on device)"
READ_ONLY = r"(Read-only file system|Permission denied)"


def one_line_error(done: Finished, pattern: str) -> str:
    """The run failed (exit 1) with one error line matching pattern (beside the lines of
    the files loaded before the failure), and no traceback."""
    assert done.returncode == 1, done.stderr
    assert "Traceback" not in done.stderr
    assert len(done.error_lines) == 1, done.stderr
    (line,) = done.error_lines
    assert re.match(rf"^evidence: error: /\S+: .*{pattern}", line), line
    return line


def leftovers(folder: Path) -> list[str]:
    return sorted(p.name for p in folder.rglob(".*.tmp"))


def _limits(baseline: Baseline) -> dict[str, int]:
    before = baseline.after_a.stat().st_size
    after = baseline.after_abc.stat().st_size
    return {
        # too small to copy the warehouse into its working copy
        "copying-the-warehouse": before // 2,
        # room for the copy, not for a file's transaction
        "writing-a-file": before + 100_000,
        "into-the-kept-working-copy": 100_000,
        # room for every transaction, not for the final checkpoint and copy
        "publishing": after - 500_000,
    }


@pytest.mark.parametrize(
    ("phase", "says"),
    [
        pytest.param("copying-the-warehouse", "working copy", id="copying-the-warehouse"),
        pytest.param("writing-a-file", r"\.xml", id="writing-a-file"),
        # the working copy of the last run is there, bigger than the limit: DuckDB's
        # failed checkpoint leaves it damaged, and the next run must not trip over it
        pytest.param("into-the-kept-working-copy", r"\.xml", id="into-the-kept-working-copy"),
        pytest.param("publishing", "publish", id="publishing"),
    ],
)
def test_full_disk_during_ingest_is_one_line_and_the_rerun_completes(
    baseline: Baseline, tmp_path: Path, phase: str, says: str
) -> None:
    db, env = fresh_warehouse(tmp_path, baseline.after_a)
    published = db.read_bytes()
    limit = _limits(baseline)[phase]
    if phase == "into-the-kept-working-copy":  # what a failed run leaves, to carry on from
        with pytest.raises(RuntimeError, match="failed"), publishing(db):
            raise RuntimeError("the run failed")
        assert work_path(db).exists()

    failed = run_evidence("ingest", *baseline.files, "--db", db, env=env, max_file_bytes=limit)

    line = one_line_error(failed, FULL)
    assert re.search(says, line), line
    assert db.read_bytes() == published
    assert leftovers(db.parent) == []
    ingest_again(db, baseline.files)  # once there is room again
    assert warehouse_digest(db) == baseline.ingested


def test_full_disk_while_writing_the_report_keeps_the_earlier_pages(
    baseline: Baseline, tmp_path: Path
) -> None:
    db, env = fresh_warehouse(tmp_path, baseline.after_abc)
    out = tmp_path / "report"
    first = run_evidence("report", "--db", db, "--out", out, env=env)
    assert first.returncode == 0, first.stderr
    pages = {p.name: p.read_bytes() for p in out.iterdir()}
    assert set(pages) == {"index.html", "evidence.html", "verdict-rules.html"}
    assert all(len(page) > 4096 for page in pages.values())

    failed = run_evidence("report", "--db", db, "--out", out, env=env, max_file_bytes=4096)

    assert "index.html" in one_line_error(failed, FULL)
    assert {p.name: p.read_bytes() for p in out.iterdir()} == pages  # whole, not cut off


def test_read_only_data_folder_is_one_line_and_nothing_changes(
    baseline: Baseline, tmp_path: Path
) -> None:
    db, env = fresh_warehouse(tmp_path, baseline.after_a)
    published = db.read_bytes()
    try:
        with read_only(db.parent) as prefix:
            failed = run_evidence("ingest", *baseline.files, "--db", db, env=env, prefix=prefix)
    except LookupError as exc:
        pytest.skip(str(exc))

    assert str(db.parent) in one_line_error(failed, READ_ONLY)
    assert db.read_bytes() == published


def test_check_output_into_a_read_only_folder_publishes_nothing(
    baseline: Baseline, tmp_path: Path
) -> None:
    db, env = fresh_warehouse(tmp_path, baseline.after_abc)
    before = warehouse_digest(db)
    out = tmp_path / "out"
    out.mkdir()
    try:
        with read_only(out) as prefix:
            failed = run_evidence(
                "check", CLAIMS, "--db", db, "--out", out / "verdicts.md", env=env, prefix=prefix
            )
    except LookupError as exc:
        pytest.skip(str(exc))

    assert "verdicts.md" in one_line_error(failed, READ_ONLY)
    assert list(out.iterdir()) == []
    assert warehouse_digest(db) == before


QUERY_SET = "name: ro\nqueries:\n  - name: all\n    term: synthetic records\n"


def test_read_only_raw_folder_stops_the_sync_with_one_line(tmp_path: Path) -> None:
    db = data_folder(tmp_path) / "w.duckdb"
    env = {"EVIDENCE_DATA_DIR": str(db.parent)}
    (db.parent / "queries").mkdir()
    (db.parent / "queries" / "ro.yaml").write_text(QUERY_SET)
    raw = db.parent / "raw"
    raw.mkdir()
    with FakeEutils(synthetic_corpus(100)) as fake:
        env |= {"EVIDENCE_ENTREZ_URL": fake.url, "NCBI_EMAIL": SECRET_EMAIL}
        env |= {"NCBI_API_KEY": SECRET_KEY}
        try:
            with read_only(raw) as prefix:
                failed = run_evidence(
                    "sync", "--query-set", "ro", "--db", db, env=env, prefix=prefix
                )
        except LookupError as exc:
            pytest.skip(str(exc))

    assert str(raw) in one_line_error(failed, READ_ONLY)
    assert not db.exists()  # the failed run published nothing
    assert list(raw.rglob("*")) == []
