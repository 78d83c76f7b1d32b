"""`evidence baseline` end to end on a small SYNTHETIC release: order, deletions, retry, CLI."""

from __future__ import annotations

import fcntl
import os
import shutil
from pathlib import Path
from types import ModuleType
from typing import Any

import duckdb
import pytest
from typer.testing import CliRunner

from evidence import pipeline
from evidence.baseline import load_topic_filter, open_submit, work_dir_for
from evidence.cli import app
from evidence.config import Settings
from evidence.models import Article, Deletion
from evidence.pubmed import iter_records
from evidence.store import connect

Release = tuple[Path, dict[str, Any]]


def files_of(release: Release) -> list[Path]:
    folder, plan = release
    return [folder / name for name in plan["files"]]


def digest(db: Path) -> list[object]:
    """Counts and content hashes of every analyst view and the internal state tables."""
    con = connect(db, read_only=True)
    try:
        out: list[object] = [
            con.execute(f"SELECT count(*), sum(hash(t)) FROM {view} t").fetchone()  # noqa: S608
            for view in ("articles", "abstract_sections", "authors", "publication_types",
                         "mesh_headings", "article_tags", "findings", "pm_tag_state",
                         "(SELECT pmid FROM pm_deleted)")
        ]  # fmt: skip
        out.append(
            con.execute(
                "SELECT status, records, inserted, updated, deleted, skipped, books"
                " FROM ingest_runs ORDER BY run_id"
            ).fetchall()
        )
        return out
    finally:
        con.close()


def test_a_release_loads_as_ingesting_file_after_file_and_loses_nothing(
    release: Release, settings: Settings, bench: ModuleType, tmp_path: Path
) -> None:
    shuffled = list(reversed(files_of(release)))  # the order given does not matter
    with open_submit(1) as submit:
        summary = pipeline.baseline(settings, shuffled, submit=submit, chunk_size=16)
    assert summary.ok and summary.totals()["files"] == 6
    assert bench.check_warehouse(settings.db_path, release[1]) == []
    assert summary.totals()["deleted"] > 0 and summary.totals()["updated"] > 0
    reference = Settings.from_env(db_path=tmp_path / "reference.duckdb")
    pipeline.ingest(reference, files_of(release))
    assert digest(settings.db_path) == digest(reference.db_path)
    assert not work_dir_for(settings).exists()


@pytest.mark.slow
def test_two_local_worker_processes_parse_and_this_process_loads(
    release: Release, settings: Settings, bench: ModuleType
) -> None:
    with open_submit(workers=2) as submit:
        summary = pipeline.baseline(settings, files_of(release), submit=submit)
    assert summary.ok and bench.check_warehouse(settings.db_path, release[1]) == []
    pids = {p.worker.rsplit(":", 1)[1] for p in summary.partitions}
    assert pids and str(os.getpid()) not in pids


def test_the_check_sees_a_release_loaded_in_the_wrong_order(
    release: Release, settings: Settings, bench: ModuleType
) -> None:
    pipeline.ingest(settings, list(reversed(files_of(release))))
    problems = bench.check_warehouse(settings.db_path, release[1])
    assert any("not the copy of the last file" in p for p in problems), problems


def test_a_second_run_parses_nothing_and_changes_nothing(
    release: Release, settings: Settings
) -> None:
    pipeline.baseline(settings, files_of(release))
    before = digest(settings.db_path)
    again = pipeline.baseline(settings, files_of(release))
    assert [p.status for p in again.partitions] == ["skipped"] * 6
    assert again.totals()["skipped_files"] == 6
    assert digest(settings.db_path) == before


def test_a_bad_file_stops_the_load_and_a_rerun_finishes_it(
    release: Release, settings: Settings, tmp_path: Path, bench: ModuleType
) -> None:
    files = [shutil.copy(p, tmp_path / p.name) for p in files_of(release)]
    good = Path(files[2]).read_bytes()
    Path(files[2]).write_bytes(good[: len(good) // 2])
    with open_submit(1) as submit:
        failed = pipeline.baseline(settings, [Path(f) for f in files], submit=submit)
    assert [type(e).__name__ for e in failed.errors] == ["XmlParseError"]
    assert str(failed.errors[0]).startswith(str(files[2]))
    assert [f.path.name for f in failed.files] == [Path(f).name for f in files[:2]]
    assert failed.not_loaded == [Path(f) for f in files[3:]]
    con = duckdb.connect(str(settings.db_path), read_only=True)
    ledger = con.execute("SELECT status FROM ingest_runs ORDER BY run_id").fetchall()
    con.close()
    assert ledger == [("ok",), ("ok",), ("failed",)]
    Path(files[2]).write_bytes(good)
    finished = pipeline.baseline(settings, [Path(f) for f in files])
    assert finished.ok
    assert [p.status for p in finished.partitions] == ["skipped"] * 2 + ["parsed"] * 4
    assert bench.check_warehouse(settings.db_path, release[1]) == []


def test_a_filter_query_set_keeps_the_records_it_matches(
    release: Release, settings: Settings, tmp_path: Path
) -> None:
    query = tmp_path / "needling.yaml"
    query.write_text(
        'queries:\n  - name: dn\n    term: \'"Dry Needling"[Mesh] OR "dry needl*"[tiab]\'\n',
        encoding="utf-8",
    )
    topic = load_topic_filter(settings.queries_dir, str(query))
    summary = pipeline.baseline(settings, files_of(release), topic=topic)
    # bench/generate.py names a record's intervention in its title (and its MeSH headings).
    # A kept record stays as its last matching copy, even if a later copy no longer matches.
    expected: dict[int, str | None] = {}
    for path in files_of(release):
        for record in iter_records(path):
            if isinstance(record, Article) and "dry needling" in (record.title or "").lower():
                expected[record.pmid] = record.title
            elif isinstance(record, Deletion):
                for pmid in record.pmids:
                    expected.pop(pmid, None)
    con = connect(settings.db_path, read_only=True)
    kept = dict(con.execute("SELECT pmid, title FROM articles").fetchall())
    con.close()
    assert kept == expected and 0 < len(kept) < summary.totals()["records"]


def test_cli_loads_a_folder_and_reports_each_file(release: Release, settings: Settings) -> None:
    result = CliRunner().invoke(
        app, ["baseline", str(release[0]), "--workers", "1", "--db", str(settings.db_path)]
    )
    assert result.exit_code == 0, result.output
    assert "baseline: 6 files (0 already ingested), 0 failed" in result.stdout
    assert sum("records," in line for line in result.stderr.splitlines()) == 6


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (["--filter-query-set", "nope"], "nope.yaml: no such query set"),
        (["efetch.xml"], "efetch.xml: not a baseline or update file name"),
        (["missing.xml.gz"], "missing.xml.gz: no such file or folder"),
    ],
    ids=["unknown-query-set", "file-without-number", "missing-file"],
)
def test_cli_bad_input_exits_2_with_one_line(
    release: Release, settings: Settings, tmp_path: Path, args: list[str], message: str
) -> None:
    (tmp_path / "efetch.xml").write_text("<PubmedArticleSet/>", encoding="utf-8")
    paths = [str(tmp_path / a) for a in args if ".xml" in a] or [str(release[0])]
    options = [a for a in args if ".xml" not in a]
    result = CliRunner().invoke(
        app, ["baseline", *paths, *options, "--workers", "1", "--db", str(settings.db_path)]
    )
    assert result.exit_code == 2
    lines = [ln for ln in result.stderr.splitlines() if ln.startswith("evidence: error:")]
    assert len(lines) == 1 and message in lines[0]


def test_cli_names_a_bad_file_and_the_files_left_unloaded(
    release: Release, settings: Settings, tmp_path: Path
) -> None:
    files = [shutil.copy(p, tmp_path / p.name) for p in files_of(release)]
    Path(files[4]).write_text("not xml\n", encoding="utf-8")
    result = CliRunner().invoke(
        app, ["baseline", *map(str, files), "--workers", "1", "--db", str(settings.db_path)]
    )
    assert result.exit_code == 2
    assert f"evidence: error: {files[4]}:1:" in result.stderr
    assert "1 later files not loaded" in result.stderr


@pytest.mark.slow
def test_cli_on_dask_a_file_lxml_rejects_exits_2_and_publishes_the_good_one(
    release: Release, settings: Settings, tmp_path: Path
) -> None:
    good = Path(shutil.copy(files_of(release)[0], tmp_path / files_of(release)[0].name))
    bad = tmp_path / "pubmed26n0099.xml"  # well-formed up to a mismatched end tag
    bad.write_text(
        '<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><x></y></PubmedArticle>\n',
        encoding="utf-8",
    )
    db = settings.db_path
    result = CliRunner().invoke(
        app, ["baseline", str(good), str(bad), "--workers", "2", "--db", str(db)]
    )
    assert result.exit_code == 2, result.output
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("evidence: error:")]
    assert errors == [f"evidence: error: {bad}:3: invalid XML: Opening and ending tag mismatch:"
                      " x line 3 and y"]  # fmt: skip
    assert "Traceback" not in result.output
    con = duckdb.connect(str(db), read_only=True)  # the published warehouse
    try:
        assert con.execute("SELECT status FROM ingest_runs ORDER BY run_id").fetchall() == [
            ("ok",),
            ("failed",),
        ]
        loaded = con.execute("SELECT count(*) FROM articles").fetchone()
    finally:
        con.close()
    assert loaded is not None and loaded[0] > 0
    # The run ended cleanly: no copy half made, and its lock is free for the next run.
    assert not list(db.parent.glob(".*.tmp"))
    with (db.parent / f"{db.name}.lock").open("rb") as lock:
        fcntl.flock(lock, fcntl.LOCK_EX | fcntl.LOCK_NB)


def test_the_baseline_writes_each_files_rows_once(
    release: Release, settings: Settings, bench: ModuleType, monkeypatch: pytest.MonkeyPatch
) -> None:
    """Like `evidence ingest`, a baseline load's commits go straight into the database file
    (the ingest's checkpoint threshold), and the load is still whole."""
    import evidence.baseline.run as baseline_run
    from evidence.ingest import INGEST_CHECKPOINT_THRESHOLD

    seen: list[object] = []

    def spy(*args: Any, **kwargs: Any) -> duckdb.DuckDBPyConnection:
        seen.append(kwargs.get("checkpoint_threshold"))
        return connect(*args, **kwargs)

    monkeypatch.setattr(baseline_run, "connect", spy)
    with open_submit(1) as submit:
        summary = pipeline.baseline(settings, files_of(release), submit=submit, chunk_size=16)
    assert summary.ok
    assert seen == [INGEST_CHECKPOINT_THRESHOLD]
    assert bench.check_warehouse(settings.db_path, release[1]) == []
