"""Analysts and writing runs side by side, with real processes: no run fails or hangs
because the warehouse is open, and no analyst ever sees half a run."""

from __future__ import annotations

import os
import shutil
import signal
import subprocess
import sys
import textwrap
import threading
import time
from pathlib import Path

import duckdb
import pytest
from xmlbuild import article, write

from evidence import pipeline
from evidence.config import Settings
from evidence.errors import StorageError
from evidence.ingest import ingest_into
from evidence.store import connect, publishing, work_path

ANALYST = textwrap.dedent(
    """
    import sys, duckdb
    con = duckdb.connect(sys.argv[1], read_only=True)
    count = lambda c: c.execute("SELECT count(*) FROM articles").fetchone()[0]
    print("before", count(con), flush=True)
    sys.stdin.readline()                      # the test lets a run happen meanwhile
    print("same-connection", count(con), flush=True)
    # DuckDB shares one instance per file and process: close it to see the newest run
    con.close()
    fresh = duckdb.connect(sys.argv[1], read_only=True)
    print("new-connection", count(fresh), flush=True)
    """
)

WRITER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from evidence.config import Settings
    from evidence.store import connect, publishing, upsert_records
    from evidence.pubmed import iter_records
    settings = Settings(db_path=Path(sys.argv[1]), data_dir=Path(sys.argv[3]))
    with publishing(settings.db_path) as work:
        con = connect(work.path)
        upsert_records(con, iter_records(Path(sys.argv[2])))
        con.close()
        print("written, not yet published", flush=True)
        sys.stdin.readline()                  # hold the run open while the analyst reads
    print("published", flush=True)
    """
)


def start_writer(settings: Settings, xml: Path) -> subprocess.Popen[str]:
    """A writing run in another process that has written ``xml`` into its working copy and
    holds its scope open until a line comes on its standard input."""
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(settings.db_path), str(xml), str(settings.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "written, not yet published"
    return writer


def count(db: Path) -> int:
    con = connect(db, read_only=True)
    try:
        return int(con.execute("SELECT count(*) FROM articles").fetchall()[0][0])
    finally:
        con.close()


@pytest.fixture
def settings(tmp_path: Path) -> Settings:
    data = tmp_path / "data"
    data.mkdir()
    (data / "vocab").symlink_to(Path(__file__).resolve().parents[2] / "data" / "vocab")
    return Settings(db_path=data / "evidence.duckdb", data_dir=data)


def test_an_analyst_holding_the_warehouse_open_does_not_stop_a_run(
    settings: Settings, tmp_path: Path
) -> None:
    pipeline.ingest(settings, [write(tmp_path / "a.xml", article(1))])
    analyst = subprocess.Popen(
        [sys.executable, "-c", ANALYST, str(settings.db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert analyst.stdout is not None and analyst.stdin is not None
    assert analyst.stdout.readline().split() == ["before", "1"]
    summary = pipeline.ingest(settings, [write(tmp_path / "b.xml", article(2) + article(3))])
    assert summary.ok and summary.totals()["inserted"] == 2
    out, _ = analyst.communicate("go\n", timeout=60)
    assert analyst.returncode == 0
    assert out.split() == ["same-connection", "1", "new-connection", "3"]


def test_an_analyst_never_sees_a_run_before_it_is_published(
    settings: Settings, tmp_path: Path
) -> None:
    pipeline.ingest(settings, [write(tmp_path / "a.xml", article(1))])
    more = write(tmp_path / "b.xml", article(2) + article(3))
    writer = start_writer(settings, more)
    assert count(settings.db_path) == 1  # opens fine, and shows the last published state
    out, _ = writer.communicate("go\n", timeout=60)
    assert writer.returncode == 0 and out.strip() == "published"
    assert count(settings.db_path) == 3


def test_a_failed_run_publishes_nothing_and_the_next_run_carries_on(
    settings: Settings, tmp_path: Path
) -> None:
    pipeline.ingest(settings, [write(tmp_path / "a.xml", article(1))])
    with pytest.raises(RuntimeError, match="crash"), publishing(settings.db_path) as work:
        ingest_into(settings, work, [write(tmp_path / "b.xml", article(2))])  # not published
        raise RuntimeError("crash before the run ended")
    assert count(settings.db_path) == 1
    assert count(work_path(settings.db_path)) == 2
    pipeline.ingest(settings, [write(tmp_path / "c.xml", article(3))])
    assert count(settings.db_path) == 3


def test_a_second_writing_run_waits_then_says_who_holds_the_warehouse(
    settings: Settings, tmp_path: Path
) -> None:
    more = write(tmp_path / "b.xml", article(2))
    writer = start_writer(settings, more)
    try:
        held = rf"another evidence run is writing it \(pid {writer.pid}"
        with pytest.raises(StorageError, match=held), publishing(settings.db_path, wait=0.5):
            pass
    finally:
        writer.communicate("go\n", timeout=60)
    assert count(settings.db_path) == 1


READ_ONLY_INGEST = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from evidence.config import Settings
    from evidence.errors import StorageError
    from evidence import pipeline
    print("started", flush=True)
    settings = Settings(db_path=Path(sys.argv[1]), data_dir=Path(sys.argv[2]))
    try:
        pipeline.ingest(settings, [Path(sys.argv[3])])
    except StorageError as exc:
        print("StorageError", exc)
    """
)
# Permissions do not stop root: for root, the folder is made a read-only bind mount in a
# mount namespace of the child's own (needs CAP_SYS_ADMIN, which root has in CI).
READ_ONLY_MOUNT = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


def test_a_read_only_data_folder_is_a_clear_error_and_nothing_changes(
    settings: Settings, tmp_path: Path
) -> None:
    pipeline.ingest(settings, [write(tmp_path / "a.xml", article(1))])
    before = settings.db_path.read_bytes()
    more = write(tmp_path / "b.xml", article(2))
    if os.geteuid() != 0:
        settings.data_dir.chmod(0o555)
        try:
            with pytest.raises(StorageError, match="Permission denied"):
                pipeline.ingest(settings, [more])
        finally:
            settings.data_dir.chmod(0o755)
    else:
        folder = str(settings.data_dir)
        mount = ["unshare", "--mount", "--propagation", "private", "sh", "-c", READ_ONLY_MOUNT]
        ingest = [sys.executable, "-c", READ_ONLY_INGEST, str(settings.db_path), folder]
        child = subprocess.run(
            [*mount, folder, *ingest, str(more)],
            capture_output=True,
            text=True,
            timeout=120,
        )
        if not child.stdout.startswith("started"):
            pytest.skip(f"root cannot make a read-only mount here: {child.stderr.strip()}")
        assert child.stdout.splitlines()[1].startswith(
            f"StorageError {settings.db_path}: cannot write its folder: Read-only file system"
        ), child.stdout + child.stderr
    assert settings.db_path.read_bytes() == before


def pmids(db: Path) -> list[int]:
    con = connect(db, read_only=True)
    try:
        return [p for (p,) in con.execute("SELECT pmid FROM articles ORDER BY pmid").fetchall()]
    finally:
        con.close()


def _change(how: str, db: Path, backup: Path | None = None) -> None:
    if how == "deleted":
        db.unlink()
    elif how == "restored" and backup is not None:
        shutil.copy2(backup, db)  # over the warehouse, with the backup's modification time
    else:
        with duckdb.connect(str(db)) as con:  # an analyst's own table in the warehouse
            con.execute("CREATE TABLE my_notes AS SELECT 42 AS answer")


@pytest.mark.parametrize("leftover", ["after-a-published-run", "after-a-failed-run"])
@pytest.mark.parametrize(
    ("how", "statuses", "expected"),
    [
        pytest.param("deleted", ["ok", "ok"], [1, 4], id="warehouse-deleted"),
        pytest.param("restored", ["skipped", "ok"], [1, 4], id="backup-restored"),
        pytest.param("analyst-table", ["skipped", "ok"], [1, 2, 4], id="analyst-table"),
    ],
)
def test_the_next_run_starts_from_the_warehouse_as_it_is_now(
    settings: Settings,
    tmp_path: Path,
    leftover: str,
    how: str,
    statuses: list[str],
    expected: list[int],
) -> None:
    a, b, c, d = (write(tmp_path / f"{n}.xml", article(p)) for p, n in enumerate("abcd", 1))
    db = settings.db_path
    pipeline.ingest(settings, [a])
    backup = shutil.copy2(db, tmp_path / "backup.duckdb")
    pipeline.ingest(settings, [b])
    if leftover == "after-a-failed-run":  # its copy holds c, never published
        with pytest.raises(RuntimeError, match="crash"), publishing(db) as work:
            ingest_into(settings, work, [c])
            raise RuntimeError("crash before the run ended")
        assert work_path(db).exists()

    _change(how, db, Path(backup))
    summary = pipeline.ingest(settings, [a, d])

    assert [f.status for f in summary.files] == statuses  # never "already ingested" wrongly
    assert pmids(db) == expected
    if how == "analyst-table":
        with duckdb.connect(str(db), read_only=True) as con:
            assert con.execute("SELECT answer FROM my_notes").fetchall() == [(42,)]
    assert not work_path(db).exists()  # a published run leaves no copy to be mistaken


KILLED_RUN = textwrap.dedent(
    """
    import os, signal, sys
    from pathlib import Path
    from evidence.config import Settings
    from evidence.ingest import ingest_into
    from evidence.store import publishing
    settings = Settings(db_path=Path(sys.argv[1]), data_dir=Path(sys.argv[2]))
    with publishing(settings.db_path) as work:
        ingest_into(settings, work, [Path(sys.argv[3])], workers=0)
        os.kill(os.getpid(), signal.SIGKILL)  # after the file's commit, before the publish
    """
)


@pytest.mark.parametrize("warehouse_changed", [False, True], ids=["unchanged", "changed"])
def test_a_killed_run_is_carried_on_only_while_the_warehouse_is_unchanged(
    settings: Settings, tmp_path: Path, warehouse_changed: bool
) -> None:
    a, b, c = (write(tmp_path / f"{n}.xml", article(p)) for p, n in enumerate("abc", 1))
    pipeline.ingest(settings, [a])
    killed = subprocess.run(
        [sys.executable, "-c", KILLED_RUN, str(settings.db_path), str(settings.data_dir), str(b)],
        capture_output=True,
        text=True,
        timeout=120,
    )
    assert killed.returncode == -signal.SIGKILL, killed.stderr
    assert pmids(settings.db_path) == [1]  # nothing of the killed run is published
    if warehouse_changed:
        _change("analyst-table", settings.db_path)

    summary = pipeline.ingest(settings, [b, c])

    # unchanged: b is in the killed run's copy, which the run carries on from
    assert [f.status for f in summary.files] == [
        "ok" if warehouse_changed else "skipped",
        "ok",
    ]
    assert pmids(settings.db_path) == [1, 2, 3]


HOLDER = textwrap.dedent(
    """
    import sys
    from pathlib import Path
    from evidence.store import publishing
    with publishing(Path(sys.argv[1])):       # writes nothing: leaves no warehouse
        print("holding", flush=True)
        sys.stdin.readline()
    """
)


def _has_open(path: Path) -> bool:
    fds = Path("/proc/self/fd")
    return any(os.readlink(fd) == str(path) for fd in fds.iterdir() if fd.is_symlink())


def test_a_lock_file_removed_while_a_run_waits_for_it_is_taken_anew(tmp_path: Path) -> None:
    db = tmp_path / "new.duckdb"
    lock = db.with_name(db.name + ".lock")
    holder = subprocess.Popen(
        [sys.executable, "-c", HOLDER, str(db)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert holder.stdout is not None
    assert holder.stdout.readline().strip() == "holding"
    seen: list[bool] = []

    def second_run() -> None:
        with publishing(db, wait=60):
            seen.append(lock.exists())  # the lock it holds is the one others will find

    waiting = threading.Thread(target=second_run)
    waiting.start()
    deadline = time.monotonic() + 30
    while not _has_open(lock) and time.monotonic() < deadline:
        time.sleep(0.01)
    holder.communicate("go\n", timeout=60)  # it ends, leaves no warehouse: removes the lock
    waiting.join(timeout=60)

    assert seen == [True]
    assert sorted(p.name for p in tmp_path.iterdir()) == []  # nothing left behind


CLI = "import sys; sys.argv[0] = 'evidence'; from evidence.cli import main; main()"


def test_a_run_that_waits_for_the_lock_says_so_once_then_carries_on(
    settings: Settings, tmp_path: Path
) -> None:
    pipeline.ingest(settings, [write(tmp_path / "a.xml", article(1))])
    first = write(tmp_path / "b.xml", article(2))
    writer = start_writer(settings, first)
    stderr = tmp_path / "second.stderr"
    more = write(tmp_path / "c.xml", article(3))
    with stderr.open("w") as err:
        second = subprocess.Popen(
            [sys.executable, "-c", CLI, "ingest", str(more), "--db", str(settings.db_path)],
            stdout=subprocess.DEVNULL,
            stderr=err,
            env={**os.environ, "EVIDENCE_DATA_DIR": str(settings.data_dir)},
        )
    try:
        deadline = time.monotonic() + 60
        while "waiting" not in stderr.read_text() and time.monotonic() < deadline:
            assert second.poll() is None, stderr.read_text()
            time.sleep(0.1)
        said = stderr.read_text()
    finally:
        writer.communicate("go\n", timeout=60)
        second.wait(timeout=120)
    lock = settings.db_path.with_name(settings.db_path.name + ".lock")
    assert said.startswith(
        f"{lock}: another evidence run is writing {settings.db_path} (pid {writer.pid} since "
    ), said
    assert second.returncode == 0, stderr.read_text()
    assert sum("waiting" in line for line in stderr.read_text().splitlines()) == 1
    assert pmids(settings.db_path) == [1, 2, 3]
