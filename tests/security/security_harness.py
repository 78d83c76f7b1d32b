"""Shared tools of the security suite: run `evidence` in a child process (killed, size
limited, or with a read-only folder), watch what it has open, and checksum a warehouse.

Everything the suite feeds the program is SYNTHETIC: bench/generate.py records, the fake
E-utilities corpus, and hostile documents built by `hostile_inputs`.
"""

from __future__ import annotations

import hashlib
import os
import re
import resource
import shutil
import signal
import subprocess
import sys
import tempfile
import time
from collections.abc import Callable, Iterator, Mapping, Sequence
from contextlib import contextmanager
from dataclasses import dataclass
from pathlib import Path

import duckdb

from evidence import pipeline
from evidence.config import Settings

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
from generate import write_file  # noqa: E402  (bench/ is not a package)

__all__ = [
    "CLAIMS",
    "REPO",
    "SECRET_EMAIL",
    "SECRET_KEY",
    "Baseline",
    "Child",
    "Finished",
    "build_baseline",
    "data_folder",
    "evidence_command",
    "fresh_warehouse",
    "ingest_again",
    "kill_when",
    "open_files",
    "read_only",
    "run_evidence",
    "start_evidence",
    "warehouse_digest",
    "write_file",
]

SECRET_KEY = "sekrit-api-key-0xC0FFEE"
SECRET_EMAIL = "private.person@example.invalid"

# Columns that say when or in which run something happened, not what the data is: they
# differ between any two runs and are left out of the checksums. ``file``/``path`` hold the
# run id of raw files; ``requests`` and ``records_fetched`` count one process's requests.
VOLATILE = frozenset(
    {
        "run_id",
        "started_at",
        "finished_at",
        "seconds",
        "fetched_at",
        "ingested_at",
        "deleted_at",
        "searched_at",
        "checked_at",
        "last_run_id",
        "last_success_at",
        "requests",
        "records_fetched",
        "file",
        "path",
        "source_file",
    }
)
# The verdict history logs every check that committed, one killed before publishing too:
# the latest verdicts (claim_verdicts, claim_evidence, claim_verdict_changes) are compared.
HISTORY = frozenset({"check_runs", "claim_verdict_history"})
# The history-server session an efetch used (in raw_responses.params) is new every search.
_WEBENV = re.compile(r'"WebEnv": "[^"]*"')
LEDGERS = ("ingest_runs", "pm_deleted", "sync_runs", "sync_run_queries", "raw_responses")
LEDGERS += ("sync_state", "claim_check", "pm_tag_state")


def data_folder(root: Path) -> Path:
    """A data folder with the repository's vocabulary and payer table (read through links)."""
    data = root / "data"
    data.mkdir(parents=True, exist_ok=True)
    for name in ("vocab", "coverage"):
        (data / name).symlink_to(REPO / "data" / name, target_is_directory=True)
    return data


def warehouse_digest(db: Path) -> dict[str, str]:
    """sha256 of the sorted rows of every analyst view and ledger table, volatile columns
    left out; opened read-only, so a digest never changes what it measures."""
    con = duckdb.connect(str(db), read_only=True)
    try:
        names = [
            name
            for name, kind in con.execute(
                "SELECT table_name, table_type FROM information_schema.tables"
            ).fetchall()
            if (kind == "VIEW" or name in LEDGERS) and name not in HISTORY
        ]
        digest = {}
        for name in sorted(names):
            columns = [
                c
                for (c,) in con.execute(
                    "SELECT column_name FROM information_schema.columns WHERE table_name = ?"
                    " ORDER BY ordinal_position",
                    [name],
                ).fetchall()
                if c not in VOLATILE
            ]
            quoted = ", ".join(f'"{c}"' for c in columns)
            rows = con.execute(f'SELECT {quoted} FROM "{name}"').fetchall()  # noqa: S608
            text = "\n".join(sorted(_WEBENV.sub("WebEnv", repr(r)) for r in rows))
            digest[name] = f"{len(rows)}:{hashlib.sha256(text.encode()).hexdigest()[:16]}"
        return digest
    finally:
        con.close()


CLAIMS = REPO / "data" / "claims" / "trigger-point-article.yaml"


@dataclass(frozen=True, slots=True)
class Baseline:
    """Three synthetic input files and what uninterrupted runs made of them: copies of the
    published warehouse after ``ingest a`` and after ``ingest a b c``, and the digests after
    ``ingest a b c`` and after ``check`` on top of it."""

    files: tuple[Path, Path, Path]
    after_a: Path
    after_abc: Path
    ingested: dict[str, str]
    checked: dict[str, str]


def build_baseline(root: Path) -> Baseline:
    """Run the uninterrupted ingests and check under ``root``, in this process."""
    a = write_file(root / "in" / "a.xml.gz", 300, first_pmid=1)
    b = write_file(root / "in" / "b.xml", 500, first_pmid=1001, seed=1)
    # c deletes records of a and b: a deletion lands only with its own file
    c = write_file(root / "in" / "c.xml", 300, first_pmid=5001, seed=2, delete=[3, 4, 1002])
    data = data_folder(root)
    db = data / "w.duckdb"
    for files in ([a], [a, b, c]):
        ingest_again(db, files)
        shutil.copy(db, root / f"after_{len(files)}.duckdb")
    ingested = warehouse_digest(db)
    pipeline.check(Settings(db_path=db, data_dir=data), CLAIMS)
    return Baseline(
        (a, b, c),
        root / "after_1.duckdb",
        root / "after_3.duckdb",
        ingested,
        warehouse_digest(db),
    )


def ingest_again(db: Path, files: Sequence[Path]) -> None:
    """What ``evidence ingest FILES --db DB`` does, in this process (no CLI start-up)."""
    summary = pipeline.ingest(Settings(db_path=db, data_dir=db.parent), files, workers=0)
    assert summary.ok, summary.errors


def fresh_warehouse(root: Path, published: Path) -> tuple[Path, dict[str, str]]:
    """A new data folder under ``root`` whose published warehouse is a copy of
    ``published``; returns its path and the environment that points the CLI at it."""
    data = data_folder(root)
    db = data / "w.duckdb"
    shutil.copy(published, db)
    return db, {"EVIDENCE_DATA_DIR": str(data)}


# The CLI, run in a fresh interpreter that writes its own peak RSS (VmHWM: the peak of this
# address space only) to a file at exit. ru_maxrss would not do: a child forked from a big
# test process starts with the parent's high-water mark, even after exec. The file-backed
# pages mapped at exit (RssFile: the code of Python, pyarrow, DuckDB, ...) are taken off:
# how many of them count depends on the page cache, not on this program (the same code
# measured 644 MB in one virtualenv and 701 MB in a freshly installed one, all of the
# difference in RssFile), and they do not grow with any input.
_LAUNCH = """
import atexit, os, sys
def peak():
    with open("/proc/self/status") as status:
        fields = dict(line.split(":", 1) for line in status)
    kb = int(fields["VmHWM"].split()[0]) - int(fields["RssFile"].split()[0])
    with open(os.environ["SECURITY_SUITE_PEAK_FILE"], "w") as out:
        out.write(str(kb))
atexit.register(peak)
sys.argv[0] = "evidence"
from evidence.cli import main
main()
"""


def evidence_command(*args: str | Path) -> list[str]:
    """The command line of ``evidence ARGS`` with this interpreter."""
    return [sys.executable, "-c", _LAUNCH, *(str(a) for a in args)]


def _environment(env: Mapping[str, str] | None) -> dict[str, str]:
    base = {
        k: v
        for k, v in os.environ.items()
        if not k.startswith(("NCBI_", "EVIDENCE_")) and "proxy" not in k.lower()
    }
    return {**base, "PYTHONUNBUFFERED": "1", "COLUMNS": "200", **(env or {})}


def _limited(max_file_bytes: int | None) -> Callable[[], None] | None:
    if max_file_bytes is None:
        return None

    def limit() -> None:
        # A write past the limit then fails with EFBIG instead of killing the process: the
        # same path through the code as a full disk (ENOSPC), and no root can lift it.
        signal.signal(signal.SIGXFSZ, signal.SIG_IGN)
        resource.setrlimit(resource.RLIMIT_FSIZE, (max_file_bytes, max_file_bytes))

    return limit


@dataclass(frozen=True, slots=True)
class Finished:
    """How a child ended: exit status (negative: killed by that signal), output, and the
    peak RSS of the main process less its file-backed pages (None when it was killed)."""

    returncode: int
    stdout: str
    stderr: str
    peak_rss_mb: float | None

    @property
    def error_lines(self) -> list[str]:
        return [line for line in self.stderr.splitlines() if line.startswith("evidence: error:")]


def run_evidence(
    *args: str | Path,
    env: Mapping[str, str] | None = None,
    max_file_bytes: int | None = None,
    prefix: Sequence[str] = (),
    timeout: float = 120.0,
) -> Finished:
    """Run ``evidence ARGS`` to its end and measure its peak RSS."""
    return start_evidence(*args, env=env, max_file_bytes=max_file_bytes, prefix=prefix).finish(
        timeout
    )


class Child:
    """A running ``evidence`` process whose output goes to files (read when it ends)."""

    def __init__(self, command: list[str], env: dict[str, str], limit: Callable[[], None] | None):
        # Files, not pipes: a chatty child never blocks, and `finish` reads and closes them.
        self._out = tempfile.TemporaryFile()  # noqa: SIM115
        self._err = tempfile.TemporaryFile()  # noqa: SIM115
        fd, peak = tempfile.mkstemp(prefix="peak-rss-")
        os.close(fd)
        self._peak = Path(peak)
        self.process = subprocess.Popen(
            command,
            stdout=self._out,
            stderr=self._err,
            env={**env, "SECURITY_SUITE_PEAK_FILE": peak},
            preexec_fn=limit,
        )
        self.pid = self.process.pid

    def finish(self, timeout: float = 120.0) -> Finished:
        try:
            code = self.process.wait(timeout)
        except subprocess.TimeoutExpired:
            self.process.kill()
            self.process.wait()
            raise
        outputs = []
        for fh in (self._out, self._err):
            fh.seek(0)
            outputs.append(fh.read().decode(errors="replace"))
            fh.close()
        kb = self._peak.read_text()
        self._peak.unlink()
        return Finished(code, outputs[0], outputs[1], int(kb) / 1024 if kb else None)


def start_evidence(
    *args: str | Path,
    env: Mapping[str, str] | None = None,
    max_file_bytes: int | None = None,
    prefix: Sequence[str] = (),
) -> Child:
    """Start ``evidence ARGS`` in a child process (optionally file-size limited)."""
    return Child([*prefix, *evidence_command(*args)], _environment(env), _limited(max_file_bytes))


def open_files(pid: int) -> dict[Path, int]:
    """The regular files process ``pid`` has open, with the read/write offset of each."""
    found: dict[Path, int] = {}
    fd_dir = Path(f"/proc/{pid}/fd")
    try:
        fds = list(fd_dir.iterdir())
    except (FileNotFoundError, ProcessLookupError):
        return found
    for fd in fds:
        try:
            target = Path(os.readlink(fd))
            info = Path(f"/proc/{pid}/fdinfo/{fd.name}").read_text()
        except OSError:
            continue
        if target.is_absolute():
            pos = next((int(v) for k, v in _fields(info) if k == "pos"), 0)
            found[target] = pos
    return found


def _fields(info: str) -> Iterator[tuple[str, str]]:
    for line in info.splitlines():
        key, _, value = line.partition(":")
        yield key.strip(), value.strip()


def kill_when(child: Child, ready: Callable[[Child], bool], *, timeout: float = 60.0) -> Finished:
    """SIGKILL the child as soon as ``ready(child)`` holds; fails if it ends before that."""
    deadline = time.monotonic() + timeout
    while time.monotonic() < deadline:
        if child.process.poll() is not None:
            done = child.finish()
            raise AssertionError(f"ended before the kill point ({done.returncode}): {done.stderr}")
        if ready(child):
            os.kill(child.pid, signal.SIGKILL)
            return child.finish()
        time.sleep(0.002)
    os.kill(child.pid, signal.SIGKILL)
    child.finish()
    raise AssertionError("the kill point never came")


_RO_SCRIPT = 'mount --bind "$0" "$0" && mount -o remount,bind,ro "$0" && exec "$@"'


def read_only_prefix(folder: Path) -> list[str] | None:
    """A command prefix under which ``folder`` is read-only even for root: a bind mount,
    read-only, in a mount namespace of the command's own (nothing outside sees it).

    None when this user cannot make one (no ``unshare`` or no CAP_SYS_ADMIN).
    """
    if shutil.which("unshare") is None or shutil.which("mount") is None:
        return None
    prefix = ["unshare", "--mount", "--propagation", "private", "sh", "-c", _RO_SCRIPT, str(folder)]
    probe = subprocess.run(
        [*prefix, "sh", "-c", f'! touch "{folder}/.probe" 2>/dev/null'],
        capture_output=True,
        check=False,
    )
    return prefix if probe.returncode == 0 else None


@contextmanager
def read_only(folder: Path) -> Iterator[list[str]]:
    """Make ``folder`` read-only for the commands run with the yielded prefix.

    Not root: plain permissions do it (prefix ``[]``). Root: a read-only bind mount in a
    private mount namespace. Raises LookupError when neither is possible.
    """
    if os.geteuid() != 0:
        mode = folder.stat().st_mode
        folder.chmod(0o555)
        try:
            yield []
        finally:
            folder.chmod(mode)
        return
    prefix = read_only_prefix(folder)
    if prefix is None:
        raise LookupError("root without CAP_SYS_ADMIN cannot make a folder read-only")
    yield prefix
