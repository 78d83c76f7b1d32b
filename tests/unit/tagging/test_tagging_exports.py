"""The public surface the lead and the claims engine rely on."""

from __future__ import annotations

import re

import evidence.tagging as tagging


def test_public_names_are_exported() -> None:
    for name in (
        "Vocabulary",
        "Term",
        "load_vocabulary",
        "tag_article",
        "extract_findings",
        "TAGGER_VERSION",
    ):
        assert name in tagging.__all__
        assert hasattr(tagging, name)
    assert re.fullmatch(r"\d+\.\d+\.\d+", tagging.TAGGER_VERSION)
