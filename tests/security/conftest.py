"""Fixtures of the security suite: the uninterrupted runs every fault is compared with."""

from __future__ import annotations

import pytest
from security_harness import Baseline, build_baseline


@pytest.fixture(scope="session")
def baseline(tmp_path_factory: pytest.TempPathFactory) -> Baseline:
    """Synthetic inputs and the warehouses of their uninterrupted ingest and check."""
    return build_baseline(tmp_path_factory.mktemp("uninterrupted"))
