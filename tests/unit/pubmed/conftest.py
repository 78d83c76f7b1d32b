"""Every parser test here runs twice: with the compiled record builder and the Python one."""

from __future__ import annotations

import pytest


@pytest.fixture(autouse=True)
def _each_record_builder(record_builder: str) -> str:
    return record_builder
