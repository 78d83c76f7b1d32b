"""The design tagger's cheap tests before its searches: a record (or sentence) without any
of a pattern's words is not searched, so every match of the pattern must hold one of them;
and the change within one group is looked for before the arms, which gives the same answer
as the other order."""

from __future__ import annotations

import re

import pytest
from tagging_builders import article

from evidence.tagging import taggers
from evidence.tagging.text import Document, build_document

# one phrase for each branch of each pattern (and its variants of spelling)
_CONFOUNDING_PHRASES = [
    "matched on a propensity score",
    "propensity-scores were used",
    "inverse probability of treatment weighting",
    "inverse probability weights",
    "weighted by iptw",
    "adjusted for potential confounders",
    "controlled for confounding",
    "corrected for all confounders",
    "age and sex were treated as confounders",
    "handled as confounders",
]
_WITHIN_PHRASES = [
    "pain compared with baseline",
    "compared to the baseline",
    "improved from baseline",
    "changes since baseline",
    "over baseline",
    "before and after treatment",
    "pre- vs. post-intervention",
    "before versus after the programme",
    "pre to post",
    "pretreatment scores were lower than posttreatment",
    "pre-intervention and at post intervention",
]


@pytest.mark.parametrize(
    ("pattern", "words", "phrases"),
    [
        pytest.param(
            taggers._CONFOUNDING,
            taggers._CONFOUNDING_WORDS,
            _CONFOUNDING_PHRASES,
            id="confounding",
        ),
        pytest.param(taggers._WITHIN, taggers._WITHIN_WORDS, _WITHIN_PHRASES, id="within"),
    ],
)
def test_every_match_holds_one_of_the_words_looked_for_first(
    pattern: re.Pattern[str], words: tuple[str, ...], phrases: list[str]
) -> None:
    for phrase in phrases:
        found = pattern.search(phrase)
        assert found is not None, phrase
        assert any(word in found.group() for word in words), phrase


def _reference(doc: Document) -> str | None:
    """`_within_group_only` as first written: the arms looked for first, then the change."""
    units = [u for u in doc.units if u.role in taggers._DESIGN_ROLES]
    if any(taggers._ARMS.search(doc.lower, u.start, u.end) is not None for u in units):
        return None
    for unit in units:
        found = taggers._WITHIN.search(doc.lower, unit.start, unit.end)
        if found is not None:
            return doc.text[found.start() : found.end()]
    return None


@pytest.mark.parametrize(
    ("methods", "results", "expected"),
    [
        pytest.param(
            "Twelve patients received three sessions of needling.",
            "Pain fell from baseline to week 4.",
            "from baseline",
            id="one-group",
        ),
        pytest.param(
            "Patients were allocated to needling or a sham group.",
            "Pain fell from baseline to week 4.",
            None,
            id="arms-after-the-change",
        ),
        pytest.param(
            "Pain was measured before and after treatment.",
            "The control group did not change.",
            None,
            id="arms-after-the-change-in-a-later-sentence",
        ),
        pytest.param(
            "Twelve patients received three sessions of needling.",
            "Pain fell after treatment.",
            None,
            id="no-change-within-a-group",
        ),
        pytest.param(
            "Twelve patients received needling.",
            "Pain was measured.",
            None,
            id="none-of-the-words",
        ),
    ],
)
def test_the_change_before_the_arms_gives_the_same_answer(
    methods: str, results: str, expected: str | None
) -> None:
    doc = build_document(article("Needling for neck pain", methods=methods, results=results))
    assert taggers._within_group_only(doc) == _reference(doc) == expected
