"""kill -9 at chosen points of ingest, check and sync, then the same command again: every
analyst view and ledger table (timestamps and run ids left out) is checksum-equal to an
uninterrupted run, and until the re-run the published warehouse is the one from before.

A kill while fetching (the fake server holds a request) is tested in
tests/integration/entrez/test_entrez_kill_resume.py; here the kill points are read from
``/proc`` (which files the child has open), so no hook in the code is needed.
"""

from __future__ import annotations

import signal
import time
from collections.abc import Callable
from pathlib import Path

import duckdb
import psutil
import pytest
from fakes.corpus import synthetic_corpus
from fakes.eutils import FakeEutils
from security_harness import (
    CLAIMS,
    SECRET_EMAIL,
    SECRET_KEY,
    Baseline,
    Child,
    data_folder,
    fresh_warehouse,
    ingest_again,
    kill_when,
    open_files,
    run_evidence,
    start_evidence,
    warehouse_digest,
    write_file,
)

from evidence import pipeline
from evidence.config import Settings
from evidence.store import work_path

KILLED = -signal.SIGKILL


def _reading(path: Path, *, past: float = 0.0) -> Callable[[Child], bool]:
    """The child has ``path`` open and has read at least ``past`` of it."""
    size = path.stat().st_size

    def ready(child: Child) -> bool:
        pos = open_files(child.pid).get(path)
        return pos is not None and pos >= past * size

    return ready


def _ingested_files(db: Path) -> set[str]:
    # read-write, as the next run opens it: DuckDB replays what the killed run left in its WAL
    with duckdb.connect(str(db)) as con:
        rows = con.execute("SELECT file FROM ingest_runs WHERE status = 'ok'").fetchall()
    return {Path(f).name for (f,) in rows}


@pytest.mark.parametrize(
    ("killed_in", "past", "committed"),
    [
        pytest.param("b.xml", 0.25, {"a.xml.gz"}, id="mid-file"),
        pytest.param("c.xml", 0.0, {"a.xml.gz", "b.xml"}, id="in-the-file-that-deletes"),
    ],
)
def test_ingest_killed_mid_file_then_rerun_equals_an_unbroken_run(
    baseline: Baseline, tmp_path: Path, killed_in: str, past: float, committed: set[str]
) -> None:
    db, env = fresh_warehouse(tmp_path, baseline.after_a)
    published = db.read_bytes()
    target = next(p for p in baseline.files if p.name == killed_in)
    child = start_evidence("ingest", *baseline.files, "--db", db, env=env)
    killed = kill_when(child, _reading(target, past=past))

    assert killed.returncode == KILLED
    assert db.read_bytes() == published  # nothing of a killed run is published
    assert _ingested_files(work_path(db)) == committed  # whole files only, in order
    ingest_again(db, baseline.files)
    assert warehouse_digest(db) == baseline.ingested


def test_check_killed_while_judging_then_rerun_equals_an_unbroken_run(
    baseline: Baseline, tmp_path: Path
) -> None:
    db, env = fresh_warehouse(tmp_path, baseline.after_abc)
    before = warehouse_digest(db)
    child = start_evidence("check", CLAIMS, "--db", db, env=env)
    # the working copy is open: the run is past its start and has not published
    killed = kill_when(child, lambda c: work_path(db) in open_files(c.pid))

    assert killed.returncode == KILLED
    assert warehouse_digest(db) == before
    pipeline.check(Settings(db_path=db, data_dir=db.parent), CLAIMS)
    assert warehouse_digest(db) == baseline.checked


QUERY_SET = "name: killed\nqueries:\n  - name: all\n    term: synthetic records\n"


def test_sync_killed_while_ingesting_then_rerun_equals_an_unbroken_run(tmp_path: Path) -> None:
    with FakeEutils(synthetic_corpus(600)) as fake:

        def world(name: str) -> tuple[Path, dict[str, str]]:
            data = data_folder(tmp_path / name)
            (data / "queries").mkdir()
            (data / "queries" / "killed.yaml").write_text(QUERY_SET)
            env = {
                "EVIDENCE_DATA_DIR": str(data),
                "EVIDENCE_ENTREZ_URL": fake.url,
                "NCBI_EMAIL": SECRET_EMAIL,
                "NCBI_API_KEY": SECRET_KEY,  # 10 requests/s
            }
            return data / "w.duckdb", env

        unbroken, env = world("unbroken")
        for _ in range(2):  # the run, then the same command again
            done = run_evidence("sync", "--query-set", "killed", "--db", unbroken, env=env)
            assert done.returncode == 0, done.stderr

        db, env = world("killed")
        raw = db.parent / "raw"

        def ingesting(child: Child) -> bool:
            return any(
                p.is_relative_to(raw) and p.name.endswith(".xml.gz") for p in open_files(child.pid)
            )

        child = start_evidence("sync", "--query-set", "killed", "--db", db, env=env)
        killed = kill_when(child, ingesting)
        assert killed.returncode == KILLED
        # the fetch was published on its own; none of the ingest is
        with duckdb.connect(str(db), read_only=True) as con:
            state = con.execute(
                "SELECT (SELECT count(*) FROM raw_responses WHERE NOT ingested),"
                " (SELECT count(*) FROM articles)"
            ).fetchone()
        assert state == (2, 0)
        rerun = run_evidence("sync", "--query-set", "killed", "--db", db, env=env)
        assert rerun.returncode == 0, rerun.stderr

    assert warehouse_digest(db) == warehouse_digest(unbroken)
    assert warehouse_digest(db)["articles"].startswith("600:")


def test_copies_left_by_a_run_killed_while_publishing_are_cleaned_up(
    baseline: Baseline, tmp_path: Path
) -> None:
    db, _ = fresh_warehouse(tmp_path, baseline.after_a)
    whole = db.read_bytes()
    # what SIGKILL leaves mid-copy: half a copy of the warehouse, half a working copy
    leftovers = [db.with_name(".w.duckdb.4242.tmp"), db.with_name(".w.duckdb.work.4243.tmp")]
    for leftover in leftovers:
        leftover.write_bytes(whole[: len(whole) // 2])
    settings = Settings(db_path=db, data_dir=db.parent)

    summary = pipeline.ingest(settings, list(baseline.files), workers=0)

    assert summary.ok
    assert not any(p.exists() for p in leftovers)
    assert warehouse_digest(db) == baseline.ingested


def test_a_damaged_working_copy_is_discarded_and_the_run_starts_from_the_warehouse(
    baseline: Baseline, tmp_path: Path
) -> None:
    # what a write that failed halfway (full disk) can leave: DuckDB refuses to open it
    db, _ = fresh_warehouse(tmp_path, baseline.after_a)
    damaged = bytearray(db.read_bytes())
    damaged[12_288:16_384] = b"\xff" * 4_096
    work_path(db).write_bytes(bytes(damaged))
    settings = Settings(db_path=db, data_dir=db.parent)

    summary = pipeline.ingest(settings, list(baseline.files), workers=0)

    assert summary.ok
    assert warehouse_digest(db) == baseline.ingested


def _alive(processes: list[psutil.Process]) -> list[psutil.Process]:
    alive = []
    for process in processes:
        try:
            if process.status() != psutil.STATUS_ZOMBIE:
                alive.append(process)
        except psutil.NoSuchProcess:
            continue
    return alive


@pytest.mark.slow
def test_worker_processes_die_with_a_killed_ingest(tmp_path: Path) -> None:
    """kill -9 of an ingest parsing a big file in pieces takes its forkserver, workers and
    resource tracker with it (they held some 500 MB and ran on for good)."""
    big = write_file(tmp_path / "big.xml", 3000, first_pmid=1)
    assert big.stat().st_size >= 16 << 20  # parsed by worker processes
    data = data_folder(tmp_path)
    child = start_evidence(
        "ingest", big, "--workers", "2", "--db", data / "w.duckdb",
        env={"EVIDENCE_DATA_DIR": str(data)},
    )  # fmt: skip
    parent = psutil.Process(child.pid)
    family: list[psutil.Process] = []

    def workers_busy(_: Child) -> bool:
        # forkserver, its 2 workers and the resource tracker; one worker has the tagger
        family[:] = parent.children(recursive=True)
        return len(family) >= 4 and _reading(big, past=0.2)(child)

    assert kill_when(child, workers_busy).returncode == KILLED
    deadline = time.monotonic() + 10.0  # a liveness bound, not a timing claim
    while _alive(family) and time.monotonic() < deadline:
        time.sleep(0.1)
    left = [(p, " ".join(p.cmdline())[-100:]) for p in _alive(family)]
    for process, _ in left:  # do not leave them to the rest of the suite
        process.kill()
    assert not left, [(p.pid, command) for p, command in left]
