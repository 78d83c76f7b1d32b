"""Nothing is written outside the folder the user chose: report pages and check output replace
a symbolic link planted in their place instead of writing through it; query-set names that
would climb out of the raw folder are refused (exit 2, one line); the Parquet work folders
of a baseline load stay inside the data folder and are removed once loaded.
"""

from __future__ import annotations

import re
from datetime import datetime
from pathlib import Path

import pytest
from security_harness import (
    CLAIMS,
    Baseline,
    data_folder,
    fresh_warehouse,
    run_evidence,
    write_file,
)

from evidence import pipeline
from evidence.baseline.run import work_dir_for
from evidence.config import Settings
from evidence.entrez.rawstore import save_raw
from evidence.errors import InputError

VICTIM = "not to be touched\n"


def _plant_links(folder: Path, names: list[str], victim: Path) -> None:
    folder.mkdir(parents=True, exist_ok=True)
    victim.write_text(VICTIM)
    for name in names:
        (folder / name).symlink_to(victim)


def test_report_pages_replace_links_instead_of_writing_through_them(
    baseline: Baseline, tmp_path: Path
) -> None:
    db, _ = fresh_warehouse(tmp_path, baseline.after_abc)
    out = tmp_path / "report"
    victim = tmp_path / "elsewhere" / "victim.txt"
    victim.parent.mkdir()
    pages = ["index.html", "evidence.html", "verdict-rules.html"]
    _plant_links(out, pages, victim)

    index = pipeline.report(Settings(db_path=db, data_dir=db.parent), out)

    assert victim.read_text() == VICTIM
    for page in (index, out / "evidence.html", out / "verdict-rules.html"):
        assert not page.is_symlink() and page.read_text().lower().startswith("<!doctype html>")
    assert sorted(p.name for p in out.iterdir()) == sorted(pages)


@pytest.mark.parametrize("suffix", [".md", ".html", ".json", ".csv"])
def test_check_output_replaces_a_link_instead_of_writing_through_it(
    baseline: Baseline, tmp_path: Path, suffix: str
) -> None:
    db, _ = fresh_warehouse(tmp_path, baseline.after_abc)
    out = tmp_path / "out"
    victim = tmp_path / "victim.txt"
    _plant_links(out, [f"verdicts{suffix}"], victim)

    pipeline.check(Settings(db_path=db, data_dir=db.parent), CLAIMS, out=out / f"verdicts{suffix}")

    assert victim.read_text() == VICTIM
    assert not (out / f"verdicts{suffix}").is_symlink()
    assert "C01" in (out / f"verdicts{suffix}").read_text()


@pytest.mark.parametrize(
    ("query_set", "file_says", "message"),
    [
        pytest.param("../../etc", None, r"'\.\./\.\./etc' is not a query set name", id="cli-name"),
        pytest.param(
            "evil.yaml",
            "../../etc",
            r"evil\.yaml:1: field 'name' String should match pattern",
            id="name-in-file",
        ),
    ],
)
def test_a_query_set_name_that_climbs_out_is_refused(
    tmp_path: Path, query_set: str, file_says: str | None, message: str
) -> None:
    data = data_folder(tmp_path / "root" / "a")
    if file_says is not None:
        (data / query_set).write_text(
            f"name: {file_says}\nqueries:\n  - name: q\n    term: synthetic\n"
        )
        query_set = str(data / query_set)
    env = {"EVIDENCE_DATA_DIR": str(data), "EVIDENCE_ENTREZ_URL": "http://127.0.0.1:9/"}
    before = sorted(p for p in tmp_path.rglob("*"))

    done = run_evidence("sync", "--query-set", query_set, "--db", data / "w.duckdb", env=env)

    assert done.returncode == 2, done.stderr
    assert len(done.error_lines) == 1 and "Traceback" not in done.stderr
    assert re.search(message, done.error_lines[0]), done.error_lines
    created = [p for p in tmp_path.rglob("*") if p not in before]
    assert all(p.is_relative_to(data) for p in created), created


@pytest.mark.parametrize(
    ("query_set", "run_id", "query"),
    [
        pytest.param("../../etc", "run1", "q", id="query-set-climbs"),
        pytest.param("tp", "../run", "q", id="run-climbs"),
        pytest.param("tp", "run1", "a/../../b", id="query-has-a-slash"),
        pytest.param("..", "run1", "q", id="dot-dot"),
        pytest.param(".hidden", "run1", "q", id="hidden"),
        pytest.param("", "run1", "q", id="empty"),
    ],
)
def test_the_raw_store_refuses_names_that_are_not_plain(
    tmp_path: Path, query_set: str, run_id: str, query: str
) -> None:
    root = tmp_path / "data" / "raw"
    with pytest.raises(InputError, match=r"name '.*' cannot name a file in the raw folder"):
        save_raw(root, query_set, run_id, query, 0, b"<x/>", fetched_at=datetime(2026, 1, 2))
    assert list(tmp_path.rglob("*")) == []


def test_baseline_parquet_work_folders_stay_in_the_data_folder(tmp_path: Path) -> None:
    inputs = tmp_path / "in"
    files = [
        write_file(inputs / "pubmed26n0001.xml.gz", 150, first_pmid=1),
        write_file(inputs / "pubmed26n0002.xml.gz", 150, first_pmid=151, seed=1, delete=[1]),
    ]
    data = data_folder(tmp_path / "data-root")
    settings = Settings(db_path=data / "w.duckdb", data_dir=data)
    before = set(tmp_path.rglob("*"))

    summary = pipeline.baseline(settings, files)

    assert summary.ok and summary.totals()["inserted"] == 300
    created = set(tmp_path.rglob("*")) - before
    assert created and all(p.is_relative_to(data) for p in created), created
    assert not work_dir_for(settings).exists()  # removed once loaded
