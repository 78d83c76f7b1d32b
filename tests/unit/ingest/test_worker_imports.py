"""What a worker process of the parallel ingest imports: only what it uses."""

from __future__ import annotations

import json
import subprocess
import sys

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
