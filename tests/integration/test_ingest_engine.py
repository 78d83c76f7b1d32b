"""The one ingest engine (evidence.ingest.engine): files → parse → one ordered writer."""

from __future__ import annotations

from pathlib import Path

import pytest
from xmlbuild import HEAD, article, write

from evidence.errors import XmlParseError
from evidence.ingest import (
    FileJob,
    LocalExecutor,
    load_tagger,
    plan_files,
    run_files,
    write_file,
)
from evidence.store import connect

REPO = Path(__file__).resolve().parents[2]


@pytest.mark.parametrize("stop_at_error", [False, True], ids=["carry-on", "stop"])
def test_the_error_policy_is_a_parameter_of_the_engine(tmp_path: Path, stop_at_error: bool) -> None:
    first = write(tmp_path / "1.xml", article(1) + article(2))
    broken = tmp_path / "2.xml"
    broken.write_text(HEAD + article(3) + "<PubmedArticle><Medline", encoding="utf-8")
    last = write(tmp_path / "3.xml", article(4))
    con = connect(tmp_path / "w.duckdb")
    files = [first, broken, last]
    run = run_files(con, plan_files(con, files), LocalExecutor(), stop_at_error=stop_at_error)
    ledger = con.execute("SELECT file, status FROM ingest_runs ORDER BY started_at").fetchall()
    pmids = con.execute("SELECT pmid FROM articles ORDER BY pmid").fetchall()
    con.close()
    assert [type(e) for e in run.errors] == [XmlParseError]
    assert str(run.errors[0]).startswith(str(broken))
    if stop_at_error:
        assert [f.path for f in run.files] == [first]
        assert run.not_loaded == [last]
        assert ledger == [(str(first), "ok"), (str(broken), "failed")]
        assert pmids == [(1,), (2,)]
    else:
        assert [f.path for f in run.files] == [first, last]
        assert run.not_loaded == []
        assert ledger == [(str(first), "ok"), (str(broken), "failed"), (str(last), "ok")]
        assert pmids == [(1,), (2,), (4,)]


def test_a_file_the_parse_step_hashes_is_skipped_by_the_writer(tmp_path: Path) -> None:
    path = write(tmp_path / "a.xml", article(1) + article(2))
    con = connect(tmp_path / "w.duckdb")
    executor = LocalExecutor()
    first = write_file(con, FileJob(path), executor.submit(FileJob(path)))
    again = write_file(con, FileJob(path), executor.submit(FileJob(path)))
    forced = write_file(con, FileJob(path), executor.submit(FileJob(path)), force=True)
    con.close()
    assert (first.status, first.counts.inserted) == ("ok", 2)
    assert again.status == "skipped" and again.sha256 == first.sha256
    assert (forced.status, forced.counts.inserted, forced.counts.skipped) == ("ok", 0, 2)


def test_the_in_process_stream_tags_only_what_changed(tmp_path: Path) -> None:
    path = write(tmp_path / "a.xml", article(1) + article(2))
    tagger = load_tagger(REPO / "data" / "vocab")
    con = connect(tmp_path / "w.duckdb")
    executor = LocalExecutor()
    loaded = run_files(con, plan_files(con, [path]), executor, tagger=tagger)
    forced = run_files(
        con, plan_files(con, [path], force=True), executor, force=True, tagger=tagger
    )
    con.close()
    assert [f.tagged for f in loaded.files] == [2]
    assert [(f.status, f.tagged, f.counts.skipped) for f in forced.files] == [("ok", 0, 2)]
