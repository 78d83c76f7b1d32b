"""Fixtures of the drafting tests: the project's vocabulary and a drafting helper."""

from __future__ import annotations

from collections.abc import Callable
from pathlib import Path

import pytest

from evidence.drafting import Draft, draft_claims, parse_text
from evidence.tagging import Vocabulary, load_vocabulary

REPO = Path(__file__).resolve().parents[3]


@pytest.fixture(scope="session")
def vocab() -> Vocabulary:
    return load_vocabulary(REPO / "data" / "vocab")


@pytest.fixture(scope="session")
def draft(vocab: Vocabulary) -> Callable[[str], Draft]:
    """Draft a plain-text article given as a string."""

    def run(text: str) -> Draft:
        return draft_claims(parse_text(text), vocab)

    return run
