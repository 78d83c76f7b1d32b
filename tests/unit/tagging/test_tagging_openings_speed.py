"""The cheap tests before some of the tagger's searches: a text without any of a pattern's
words is not searched, so every match of the pattern must hold one of them; and the opening
sentences that report what a record did are read once a record."""

from __future__ import annotations

import re

import pytest
from tagging_builders import article

from evidence.tagging import taggers
from evidence.tagging.vocabulary import Vocabulary

# each branch of each pattern, with its variants
_TRIGGER_POINT_PHRASES = [
    "trp",
    "trps",
    "mtrp",
    "mtrps",
    "latent trps in the neck",
    "trigger point",
    "trigger points",
    "trigger-point",
    "trigger\tpoints",
    "myofascial trigger points of the trapezius",
]
_WE_PHRASES = ["we", "our", "here we report", "in our clinic", "we, the authors", "(our)"]


@pytest.mark.parametrize(
    ("pattern", "words", "phrases"),
    [
        pytest.param(
            taggers._TRIGGER_POINTS, ("trigger", "trp"), _TRIGGER_POINT_PHRASES, id="trigger"
        ),
        pytest.param(taggers._WE, ("we", "our"), _WE_PHRASES, id="we"),
    ],
)
def test_every_match_holds_one_of_the_words_looked_for_first(
    pattern: re.Pattern[str], words: tuple[str, ...], phrases: list[str]
) -> None:
    for phrase in phrases:
        found = pattern.search(phrase)
        assert found is not None, phrase
        assert any(word in found.group() for word in words), phrase


def test_a_drug_arm_into_trigger_points_is_still_found() -> None:
    # the pre-check lets the record through: it names both the drug and trigger points
    record = article(
        "Dry needling versus lidocaine injection of myofascial trigger points",
        methods="Patients with neck pain were randomised to dry needling or the lidocaine group.",
        results="Pain fell in both groups.",
    )
    doc = taggers.build_document(record)
    out = taggers._Collector(record.pmid)
    taggers._drug_arm_into_trigger_points(record, doc, out)
    assert "trigger_point_injection" in out.values("intervention")


def test_the_openings_are_read_once_a_record(
    vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    # a design word in the opening (background) sentence, and no design named elsewhere:
    # the openings are read for the design words, then for the methods' cues
    record = article(
        abstract=(
            "Randomised trials of dry needling are few. "
            "Twelve patients with neck pain received three sessions of dry needling. "
            "Pain was measured at each visit. "
            "Needling may help."
        )
    )
    expected = taggers.tag_article(record, vocab)
    calls: list[int] = []
    read = taggers._reported_openings

    def counted(*args: object) -> frozenset[int]:
        calls.append(1)
        return read(*args)  # type: ignore[arg-type]

    monkeypatch.setattr(taggers, "_reported_openings", counted)
    assert taggers.tag_article(record, vocab) == expected
    assert len(calls) == 1
