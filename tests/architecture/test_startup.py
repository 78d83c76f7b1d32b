"""`evidence --help` and `evidence <command> --help` load the front end only: none of the
heavy libraries the stages need (plots, Dask, Arrow, DuckDB, the HTTP client)."""

from __future__ import annotations

import json
import subprocess
import sys

import pytest

HEAVY = ("matplotlib", "dask", "distributed", "pyarrow", "duckdb", "requests", "lxml", "jinja2")
PROBE = """
import json, sys
from evidence.cli import main
sys.argv = ["evidence", *sys.argv[1:]]
try:
    main()
except SystemExit:
    pass
print(json.dumps(sorted({name.split(".")[0] for name in sys.modules})))
"""


@pytest.mark.parametrize(
    "args",
    [["--help"], ["ingest", "--help"], ["check", "--help"], ["review", "--help"]],
    ids=["evidence", "ingest", "check", "review"],
)
def test_help_imports_none_of_the_stages_libraries(args: list[str]) -> None:
    done = subprocess.run(
        [sys.executable, "-c", PROBE, *args], capture_output=True, text=True, timeout=60
    )
    assert done.returncode == 0, done.stderr
    loaded = set(json.loads(done.stdout.strip().splitlines()[-1]))
    assert "typer" in loaded  # the probe ran the command line
    assert not loaded & set(HEAVY), sorted(loaded & set(HEAVY))
