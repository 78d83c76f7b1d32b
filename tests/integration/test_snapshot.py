"""Analysts and writing runs side by side, with real processes: no run fails or hangs
because the warehouse is open, and no analyst ever sees half a run."""

from __future__ import annotations

import os
import subprocess
import sys
import textwrap
from pathlib import Path

import pytest
from xmlbuild import article, write

from evidence.config import Settings
from evidence.errors import StorageError
from evidence.pipeline import ingest_paths
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
    with publishing(settings.db_path):
        con = connect(settings.db_path)
        upsert_records(con, iter_records(Path(sys.argv[2])))
        con.close()
        print("written, not yet published", flush=True)
        sys.stdin.readline()                  # hold the run open while the analyst reads
    print("published", flush=True)
    """
)


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
    ingest_paths(settings, [write(tmp_path / "a.xml", article(1))])
    analyst = subprocess.Popen(
        [sys.executable, "-c", ANALYST, str(settings.db_path)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert analyst.stdout is not None and analyst.stdin is not None
    assert analyst.stdout.readline().split() == ["before", "1"]
    summary = ingest_paths(settings, [write(tmp_path / "b.xml", article(2) + article(3))])
    assert summary.ok and summary.totals()["inserted"] == 2
    out, _ = analyst.communicate("go\n", timeout=60)
    assert analyst.returncode == 0
    assert out.split() == ["same-connection", "1", "new-connection", "3"]


def test_an_analyst_never_sees_a_run_before_it_is_published(
    settings: Settings, tmp_path: Path
) -> None:
    ingest_paths(settings, [write(tmp_path / "a.xml", article(1))])
    more = write(tmp_path / "b.xml", article(2) + article(3))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(settings.db_path), str(more), str(settings.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "written, not yet published"
    assert count(settings.db_path) == 1  # opens fine, and shows the last published state
    out, _ = writer.communicate("go\n", timeout=60)
    assert writer.returncode == 0 and out.strip() == "published"
    assert count(settings.db_path) == 3


def test_a_failed_run_publishes_nothing_and_the_next_run_carries_on(
    settings: Settings, tmp_path: Path
) -> None:
    ingest_paths(settings, [write(tmp_path / "a.xml", article(1))])
    with pytest.raises(RuntimeError, match="crash"), publishing(settings.db_path):
        ingest_paths(settings, [write(tmp_path / "b.xml", article(2))])  # nested: no publish
        raise RuntimeError("crash before the run ended")
    assert count(settings.db_path) == 1
    assert count(work_path(settings.db_path)) == 2
    ingest_paths(settings, [write(tmp_path / "c.xml", article(3))])
    assert count(settings.db_path) == 3


def test_a_second_writing_run_waits_then_says_who_holds_the_warehouse(
    settings: Settings, tmp_path: Path
) -> None:
    more = write(tmp_path / "b.xml", article(2))
    writer = subprocess.Popen(
        [sys.executable, "-c", WRITER, str(settings.db_path), str(more), str(settings.data_dir)],
        stdin=subprocess.PIPE,
        stdout=subprocess.PIPE,
        text=True,
    )
    assert writer.stdout is not None
    assert writer.stdout.readline().strip() == "written, not yet published"
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
    from evidence.pipeline import ingest_paths
    print("started", flush=True)
    settings = Settings(db_path=Path(sys.argv[1]), data_dir=Path(sys.argv[2]))
    try:
        ingest_paths(settings, [Path(sys.argv[3])])
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
    ingest_paths(settings, [write(tmp_path / "a.xml", article(1))])
    before = settings.db_path.read_bytes()
    more = write(tmp_path / "b.xml", article(2))
    if os.geteuid() != 0:
        settings.data_dir.chmod(0o555)
        try:
            with pytest.raises(StorageError, match="Permission denied"):
                ingest_paths(settings, [more])
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
