"""What a worker process of the parallel ingest imports: only what it uses."""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest


def _run(code: str) -> object:
    out = subprocess.run(
        [sys.executable, "-c", code], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])


@pytest.mark.parametrize("module", ["evidence.ingest.pool", "evidence.ingest"])
def test_the_worker_side_imports_no_tagging(module: str) -> None:
    """A worker that only parses and loads does not pay for compiling the tagger's patterns."""
    code = f"""
import json, sys
import {module}
print(json.dumps(sorted(m for m in sys.modules if m.startswith("evidence.tagging"))))
"""
    assert _run(code) == []


def test_a_worker_process_builds_arrow_columns_without_importing_pandas() -> None:
    code = """
import json, sys
import pyarrow as pa
from evidence.ingest.pool import _arrow_without_pandas
_arrow_without_pandas()
pa.array(["a", None], type=pa.string())
before = "pandas" in sys.modules
df = pa.table({"x": [1, 2]}).to_pandas()  # pandas is still there for whoever asks
print(json.dumps([before, type(df).__module__.split(".")[0]]))
"""
    assert _run(code) == [False, "pandas"]


def test_the_forkserver_side_imports_no_duckdb() -> None:
    """What the forkserver imports before it forks the workers (the pool module, the
    tagging stage, the vocabulary it holds for them) leaves DuckDB out: they never use it."""
    code = """
import json, sys
from pathlib import Path
import evidence.ingest.pool, evidence.tagging
from evidence.ingest.preload import hold
assert hold(Path("data/vocab")) is not None
print(json.dumps(sorted(m for m in sys.modules if m.split(".")[0] == "duckdb")))
"""
    assert _run(code) == []


MAIN = """
import json, os, sys
from pathlib import Path

# the main script's top level: each process that runs it leaves a mark
Path(sys.argv[1], f"ran-{os.getpid()}").write_text(__name__)

if __name__ == "__main__":
    from evidence.ingest.pool import WorkerPool
    from evidence.ingest.preload import VocabSource

    again = sys.argv[2] == "again"
    factory = VocabSource(Path("data/vocab")) if sys.argv[3] == "vocab" else None
    pool = WorkerPool(2, factory, main_again=again)
    pool.start()
    path = Path(sys.argv[4])
    pieces = [pool.submit(path.read_bytes(), str(path), tag=False) for _ in range(2)]
    records = [sum(s.records for s in f.result()) for f in pieces]
    pool.close()
    print(json.dumps({"records": records, "file": __file__ == sys.argv[0]}))
"""


@pytest.mark.parametrize(
    ("again", "factory", "workers_ran_it"),
    [("again", "none", True), ("once", "none", False), ("once", "vocab", False)],
)
def test_the_ingest_workers_do_not_run_the_main_script_again(
    tmp_path: Path, again: str, factory: str, workers_ran_it: bool
) -> None:
    """`WorkerPool(main_again=False)` (the ingest's pool): its workers parse as before
    without running the command's main script again; by default they run it, as
    multiprocessing does (a task may be defined there)."""
    script = tmp_path / "main.py"
    script.write_text(MAIN, encoding="utf-8")
    marks = tmp_path / "marks"
    marks.mkdir()
    sample = Path("data/sample/pubmed-sample-0001.xml")
    out = subprocess.run(
        [sys.executable, str(script), str(marks), again, factory, str(sample)],
        check=True,
        capture_output=True,
        text=True,
    ).stdout
    report = json.loads(out.strip().splitlines()[-1])
    assert report["file"] is True  # the main module's file is back once the workers started
    expected = sample.read_bytes().count(b"<PubmedArticle>")
    assert report["records"] == [expected, expected]
    names = sorted(p.read_text() for p in marks.iterdir())
    assert names == (["__main__", "__mp_main__", "__mp_main__"] if workers_ran_it else ["__main__"])


def test_the_forkserver_side_builds_and_sends_arrow_batches_without_numpy() -> None:
    """What the forkserver imports (pyarrow first, numpy hidden from it) leaves numpy out,
    and a worker's batch of a real piece is built, pickled and read back as with numpy."""
    code = """
import json, pickle, sys
from evidence.ingest.ahead import forkserver_modules
for name in forkserver_modules(tagging=True, vocab=False):
    __import__(name)
from evidence.ingest.pool import parse_piece
from evidence.ingest.tagger import load_tagger
from pathlib import Path
path = Path("data/sample/pubmed-sample-0001.xml")
segments = parse_piece(path.read_bytes(), str(path), load_tagger(Path("data/vocab")))
blob = pickle.dumps(segments)
without = "numpy" in sys.modules
import numpy  # still there for whoever asks
tables = {n: t.to_pylist() for s in pickle.loads(blob) for n, t in s.batch.tables.items()}
print(json.dumps([without, len(blob) > 0, tables], default=str))
"""
    with_numpy = """
import json, pickle
from evidence.ingest.pool import parse_piece
from evidence.ingest.tagger import load_tagger
from pathlib import Path
path = Path("data/sample/pubmed-sample-0001.xml")
segments = parse_piece(path.read_bytes(), str(path), load_tagger(Path("data/vocab")))
tables = {n: t.to_pylist() for s in segments for n, t in s.batch.tables.items()}
print(json.dumps(tables, default=str))
"""
    without, sent, tables = _run(code)  # type: ignore[misc]
    assert without is False and sent is True
    assert json.dumps(tables, default=str) == json.dumps(_run(with_numpy), default=str)
