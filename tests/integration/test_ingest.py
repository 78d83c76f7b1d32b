"""`evidence ingest` end to end on small synthetic files: ledger, idempotence, rollback, CLI."""

from __future__ import annotations

import gzip
from pathlib import Path

import duckdb
import pytest
from digests import view_digest
from typer.testing import CliRunner
from xmlbuild import HEAD, TAIL, article, write

from evidence import pipeline
from evidence.cli import app
from evidence.config import Settings
from evidence.errors import XmlParseError
from evidence.ingest import ingest_file
from evidence.store import connect


def settings_for(tmp_path: Path) -> Settings:
    return Settings.from_env(db_path=tmp_path / "w.duckdb")


def test_ingest_twice_changes_nothing_and_skips_by_sha(tmp_path: Path) -> None:
    f = write(tmp_path / "a.xml", article(1) + article(2))
    s = settings_for(tmp_path)
    first = pipeline.ingest(s, [f])
    assert first.totals()["inserted"] == 2
    before = view_digest(s.db_path)
    again = pipeline.ingest(s, [f])
    assert [r.status for r in again.files] == ["skipped"]
    forced = pipeline.ingest(s, [f], force=True)
    assert forced.totals()["skipped"] == 2 and forced.totals()["inserted"] == 0
    assert view_digest(s.db_path) == before


def test_gzip_file_is_read_by_its_content(tmp_path: Path) -> None:
    f = tmp_path / "update.xml.gz"
    f.write_bytes(gzip.compress((HEAD + article(7) + TAIL).encode()))
    summary = pipeline.ingest(settings_for(tmp_path), [f])
    assert summary.ok and summary.totals()["inserted"] == 1


def test_update_file_revises_and_deletes(tmp_path: Path) -> None:
    s = settings_for(tmp_path)
    base = write(tmp_path / "base.xml", article(1) + article(2) + article(3))
    upd = write(
        tmp_path / "upd.xml",
        article(2, title="Revised", revised="2022")
        + '<DeleteCitation><PMID Version="1">3</PMID></DeleteCitation>',
    )
    pipeline.ingest(s, [base, upd])
    con = duckdb.connect(str(s.db_path), read_only=True)
    rows = con.execute("SELECT pmid, title FROM articles ORDER BY pmid").fetchall()
    runs = con.execute(
        "SELECT inserted, updated, deleted FROM ingest_runs ORDER BY run_id"
    ).fetchall()
    con.close()
    assert rows == [(1, "Dry needling for neck pain"), (2, "Revised")]
    assert runs == [(3, 0, 0), (0, 1, 1)]


def test_file_broken_in_the_middle_leaves_the_warehouse_as_it_was(tmp_path: Path) -> None:
    s = settings_for(tmp_path)
    pipeline.ingest(s, [write(tmp_path / "good.xml", article(1))])
    before = view_digest(s.db_path)
    # Enough records that several batches are written before the break is reached.
    body = "".join(article(p, revised="2023") for p in range(1, 12)) + "<PubmedArticle><Medline"
    broken = tmp_path / "broken.xml"
    broken.write_text(HEAD + body, encoding="utf-8")
    con = connect(s.db_path)
    with pytest.raises(XmlParseError, match=r"broken\.xml:\d+"):
        ingest_file(con, broken, batch_size=3)
    failed = con.execute("SELECT status, error FROM ingest_runs WHERE file = ?", [str(broken)])
    status, error = failed.fetchone() or (None, None)
    con.close()
    assert status == "failed" and "broken.xml" in error
    assert view_digest(s.db_path) == before


def test_cli_reports_a_bad_file_and_still_loads_the_others(tmp_path: Path) -> None:
    good = write(tmp_path / "good.xml", article(1))
    bad = tmp_path / "bad.xml"
    bad.write_text("this is not xml\n", encoding="utf-8")
    later = write(tmp_path / "later.xml", article(2))
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(good), str(bad), str(later), "--db", str(db)])
    assert result.exit_code == 2
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("evidence: error:")]
    assert len(errors) == 1 and "bad.xml:1" in errors[0]
    assert "2 files loaded, 1 failed" in result.stdout
    con = connect(db, read_only=True)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (2,)
    con.close()


@pytest.mark.parametrize(
    "bad_record",
    [
        article(2**63),
        article(0),
        f'<DeleteCitation><PMID Version="1">{"9" * 40}</PMID></DeleteCitation>\n',
    ],
    ids=["pmid-2**63", "pmid-0", "deleted-pmid-huge"],
)
def test_cli_a_pmid_out_of_range_fails_its_file_and_the_others_publish(
    tmp_path: Path, bad_record: str
) -> None:
    good = write(tmp_path / "good-a.xml", article(1))
    bad = write(tmp_path / "bad.xml", article(5) + bad_record)
    later = write(tmp_path / "good-c.xml", article(3))
    db = tmp_path / "w.duckdb"
    result = CliRunner().invoke(app, ["ingest", str(good), str(bad), str(later), "--db", str(db)])
    assert result.exit_code == 2, result.output
    assert result.exception is None or isinstance(result.exception, SystemExit)
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("evidence: error:")]
    assert len(errors) == 1 and f"{bad}:" in errors[0] and "PMID '" in errors[0]
    assert "Traceback" not in result.stderr
    con = connect(db, read_only=True)
    assert con.execute("SELECT pmid FROM articles ORDER BY pmid").fetchall() == [(1,), (3,)]
    con.close()


@pytest.mark.parametrize(
    ("content", "expected"),
    [
        ("<html><body>rate limited</body></html>", "not a PubMed"),
        ('<?xml version="1.0"?>\n<PubmedArticleSet><PubmedArticle>', ""),
    ],
    ids=["wrong-root", "truncated"],
)
def test_cli_bad_input_exits_2_with_one_line_naming_the_file(
    tmp_path: Path, content: str, expected: str
) -> None:
    bad = tmp_path / "x.xml"
    bad.write_text(content, encoding="utf-8")
    result = CliRunner().invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2
    line = next(ln for ln in result.stderr.splitlines() if ln.startswith("evidence: error:"))
    assert f"{bad}:" in line and expected.lower() in line.lower()


def test_cli_shows_the_bytes_of_a_binary_file_escaped(tmp_path: Path) -> None:
    bad = tmp_path / "x.xml"
    bad.write_bytes(b"\x1b[2J\x1b]0;owned\x07\xff\xfe\x00" * 100)
    result = CliRunner().invoke(app, ["ingest", str(bad), "--db", str(tmp_path / "w.duckdb")])
    assert result.exit_code == 2
    (line,) = [ln for ln in result.stderr.splitlines() if ln.startswith("evidence: error:")]
    assert line.isprintable() and "\ufffd" not in line and len(line) < 200 + len(str(bad))
    assert line.endswith(
        r"x.xml:1: not XML (starts with '\x1b[2J\x1b]0;owned\x07\xff\xfe\x00"
        r"\x1b[2J\x1b]0;owned\x07\xff\xfe\x00\x1b[2J\x1b]'...)"
    )


def test_cli_missing_file_exits_2(tmp_path: Path) -> None:
    result = CliRunner().invoke(
        app, ["ingest", str(tmp_path / "nope.xml"), "--db", str(tmp_path / "w.duckdb")]
    )
    assert result.exit_code == 2
    assert "nope.xml: no such file" in result.stderr


MEDLINE = "PMID- {pmid}\nTI  - Synthetic MEDLINE record.\nDP  - 2019\n"


def test_cli_ingests_the_pubmed_files_of_a_directory_in_name_order(tmp_path: Path) -> None:
    folder = tmp_path / "in"
    (folder / "sub").mkdir(parents=True)
    write(folder / "b.xml", article(2))
    (folder / "a.xml.gz").write_bytes(gzip.compress((HEAD + article(1) + TAIL).encode()))
    (folder / "c.txt").write_text(MEDLINE.format(pmid=3), encoding="utf-8")
    (folder / "README.txt").write_text("Files of the 2024 pull.\n", encoding="utf-8")
    (folder / "b.xml.md5").write_text("0" * 32, encoding="utf-8")
    (folder / ".b.xml.swp").write_bytes(b"\x00")
    write(folder / "sub" / "d.xml", article(4))  # not recursive
    db = tmp_path / "w.duckdb"

    result = CliRunner().invoke(app, ["ingest", str(folder), "--db", str(db)])

    assert result.exit_code == 0, result.stderr
    lines = [ln.split(":")[0] for ln in result.stderr.splitlines() if ln.startswith(str(folder))]
    assert lines == [str(folder / name) for name in ("a.xml.gz", "b.xml", "c.txt")]
    assert "3 files loaded, 0 failed" in result.stdout
    con = connect(db, read_only=True)
    assert con.execute("SELECT list(pmid ORDER BY pmid) FROM articles").fetchone() == ([1, 2, 3],)
    con.close()


def test_cli_directory_without_pubmed_files_exits_2_and_the_others_load(tmp_path: Path) -> None:
    empty = tmp_path / "empty"
    empty.mkdir()
    (empty / "notes.md").write_text("nothing here\n", encoding="utf-8")
    good = write(tmp_path / "good.xml", article(1))

    result = CliRunner().invoke(
        app, ["ingest", str(empty), str(good), "--db", str(tmp_path / "w.duckdb")]
    )

    assert result.exit_code == 2
    errors = [ln for ln in result.stderr.splitlines() if ln.startswith("evidence: error:")]
    assert errors == [
        f"evidence: error: {empty}: no PubMed files (.xml, .xml.gz, .txt) in this directory"
    ]
    assert "1 files loaded, 1 failed" in result.stdout


def test_stats_prints_what_is_in_the_warehouse(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    CliRunner().invoke(app, ["ingest", str(write(tmp_path / "a.xml", article(1))), "--db", str(db)])
    result = CliRunner().invoke(app, ["stats", "--db", str(db)])
    assert result.exit_code == 0, result.output
    assert "1 records (1 with abstract, 0 retracted), published 2019-2019" in result.stdout


@pytest.mark.parametrize(
    "names", [["bad.xml"], ["bad.xml", "nope.xml"]], ids=["bad-file", "bad-and-missing"]
)
def test_cli_only_bad_input_leaves_no_warehouse_files_behind(
    tmp_path: Path, names: list[str]
) -> None:
    (tmp_path / "bad.xml").write_text("this is not xml\n", encoding="utf-8")
    db = tmp_path / "new.duckdb"
    result = CliRunner().invoke(
        app, ["ingest", *(str(tmp_path / n) for n in names), "--db", str(db)]
    )
    assert result.exit_code == 2
    assert "0 files loaded" in result.stdout
    assert sorted(p.name for p in tmp_path.iterdir()) == ["bad.xml"]  # no .work, .lock, .tmp
