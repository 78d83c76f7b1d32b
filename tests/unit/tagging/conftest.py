"""Fixtures of the tagging tests: the project's vocabulary, loaded once per session."""

from __future__ import annotations

import pytest
from tagging_builders import VOCAB_DIR

from evidence.tagging import Vocabulary, load_vocabulary


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    """The vocabulary in data/vocab, as ingest loads it."""
    return load_vocabulary(VOCAB_DIR)
