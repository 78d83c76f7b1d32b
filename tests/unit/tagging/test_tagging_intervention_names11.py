"""Intervention names real abstracts shorten: acupuncture-like TENS as "ACUTENS". Every
sentence is SYNTHETIC."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, article

from evidence.tagging import Vocabulary, tag_article


@pytest.mark.parametrize(
    "methods",
    [
        "Forty adults with neck pain were given ACUTENS at 2 Hz for 20 minutes.",
        "Patients received acu-TENS over four points of the lower leg.",
    ],
)
def test_acupuncture_like_tens_shortened_is_electrical_stimulation(
    vocab: Vocabulary, methods: str
) -> None:
    record = article("A trial in neck pain", methods=methods, types=[JOURNAL_ARTICLE, RCT])
    values = {t.value for t in tag_article(record, vocab) if t.dimension == "intervention"}
    assert "electrical_stimulation" in values
