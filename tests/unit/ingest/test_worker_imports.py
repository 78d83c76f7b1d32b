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
