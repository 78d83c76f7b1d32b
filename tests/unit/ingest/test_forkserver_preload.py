"""The workers of the parallel ingest start from what the forkserver imported once."""

from __future__ import annotations

import subprocess
import sys
from pathlib import Path

import pytest

# Starts a pool, then prints the shared libraries mapped in the workers' parent (the
# forkserver): what it imported before forking them.
MAIN = """
import os, sys
from functools import partial
from pathlib import Path

def parent_maps():
    return Path(f"/proc/{os.getppid()}/maps").read_text()

if __name__ == "__main__":
    from evidence.ingest import load_tagger
    from evidence.ingest.pool import WorkerPool
    pool = WorkerPool(2, partial(load_tagger, Path(sys.argv[1])))
    pool.start(warm=sys.argv[2] == "warm")
    pool.tagger_key()
    print(pool._pool.submit(parent_maps).result())
    pool.close()
"""

VOCAB = Path(__file__).resolve().parents[3] / "data" / "vocab"


def _forkserver_maps(tmp_path: Path, warm: bool) -> str:
    script = tmp_path / "main.py"
    script.write_text(MAIN, encoding="utf-8")
    return subprocess.run(
        [sys.executable, str(script), str(VOCAB), "warm" if warm else "cold"],
        check=True,
        capture_output=True,
        text=True,
    ).stdout


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")
def test_the_forkserver_imports_the_parse_stack_before_it_forks_the_workers(
    tmp_path: Path,
) -> None:
    maps = _forkserver_maps(tmp_path, warm=False)
    assert "libarrow" in maps
    # not numpy, which pyarrow would import (`evidence.ingest.arrow`)
    assert "_multiarray_umath" not in maps
    # nor DuckDB: the workers parse, tag and build Arrow batches; this process loads them
    assert "duckdb" not in maps
    # a pool that does not tag leaves the tagging stage out (it brings pydantic's core)
    assert "_pydantic_core" not in maps


@pytest.mark.skipif(not Path("/proc/self/maps").exists(), reason="needs /proc")
def test_a_warm_pool_has_the_forkserver_import_the_tagging_stage_too(tmp_path: Path) -> None:
    maps = _forkserver_maps(tmp_path, warm=True)
    assert "_pydantic_core" in maps
    assert "duckdb" not in maps
