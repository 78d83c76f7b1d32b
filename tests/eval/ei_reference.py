"""Evidence Inference 2.0 for the eval tests: where it lives, and the bench scripts that read it.

`use_evidence_inference()` at the top of a test module skips the module, with the reason,
when the shared reference data is absent, and otherwise puts `bench/` on the import path so
that the module can import `ei_data`, `evidence_inference` and `findings_on_ei`.
"""

from __future__ import annotations

import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[2]
EI_DIR = REPO.parent / "shared" / "reference" / "evidence-inference"


def use_evidence_inference() -> None:
    if not EI_DIR.is_dir():
        pytest.skip(
            f"{EI_DIR} is absent: the shared reference data lives beside the repo",
            allow_module_level=True,
        )
    if str(REPO / "bench") not in sys.path:
        sys.path.insert(0, str(REPO / "bench"))
