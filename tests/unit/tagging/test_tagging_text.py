"""text: sentence boundaries, which the layout of every record rests on, and the fast
forms of its regexes, which must find exactly what the plain forms find.

The corpus tests read the repository's own records (tests/eval, data/sample), which are
synthetic or hand-written for the tests."""

from __future__ import annotations

import re
from functools import cache
from pathlib import Path

import pytest
from tagging_builders import REPO

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging.text import (
    _BOUNDARY,
    _CUE_WORDS,
    _FULL_STOP_BOUNDARY,
    _OBJECTIVE_CUE,
    _OBJECTIVE_GUARD,
    _first_objective_cue,
    split_sentences,
)

_CORPUS = (
    REPO / "tests" / "eval" / "devset.xml",
    REPO / "tests" / "eval" / "holdout" / "holdout.xml",
    *sorted((REPO / "data" / "sample").glob("*.xml")),
)


@cache
def _section_texts() -> tuple[str, ...]:
    """The title and every abstract section of the repository's records."""
    texts: list[str] = []
    for path in _CORPUS:
        for record in iter_records(Path(path)):
            if isinstance(record, Article):
                texts.append(record.title or "")
                texts.extend(section.text for section in record.abstract_sections)
    return tuple(texts)


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("Pain fell. Function rose.", ["Pain fell.", "Function rose."], id="full-stop"),
        pytest.param("Did it work? Yes! It did.", ["Did it work?", "Yes!", "It did."], id="marks"),
        pytest.param("Did it work? It did.", ["Did it work?", "It did."], id="question-mark"),
        pytest.param("It worked! It did.", ["It worked!", "It did."], id="exclamation-mark"),
        pytest.param(
            "Pain fell (p = 0.01). 12 improved.",
            ["Pain fell (p = 0.01).", "12 improved."],
            id="decimal",
        ),
        pytest.param("Pain (e.g. neck pain) fell.", ["Pain (e.g. neck pain) fell."], id="e.g."),
        pytest.param("Smith et al. Found it.", ["Smith et al. Found it."], id="et-al"),
        pytest.param("By J. Smith. Then.", ["By J. Smith.", "Then."], id="initial"),
        pytest.param(
            'He said "stop." Then left.', ['He said "stop.', "Then left."], id="quote-left-out"
        ),
        pytest.param(
            "It fell.  (See Fig. 2.) Done.",
            ["It fell.", "(See Fig. 2.", "Done."],
            id="bracket-left-out",
        ),
        pytest.param("it fell. then rose.", ["it fell. then rose."], id="lower-case-next"),
        pytest.param("Ends here.", ["Ends here."], id="one"),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


# every alternative of the objective cue, in title and lower case, and near misses
_OBJECTIVE_TEXT = (
    "Aims: to. The aim was set. We aimed high. Objectives and objective. Its Purpose. Goal. "
    "We sought. We hypothesized. We hypothesised. We report, we describe, We Present. "
    "we conducted we performed we compared we investigated we evaluated we assessed "
    "we examined we randomized we randomised we enrolled we recruited we searched. "
    "This study. this trial, this review, This report; this paper (this article). "
    "The present study, the present trial, the present review. Patients were randomised, "
    "was enrolled, were recruited, was included, were assigned, was allocated. "
    "To evaluate, to investigate, to compare, to assess, to determine, to examine, to "
    "explore, to test. A 45-year-old man, 45 years old, 3 year old. A case of pain. "
    "Aimless, objection, purposes, goals, we saw, this, the, were, was, to, a cat, 45 days."
)


def test_objective_guard_keeps_every_match() -> None:
    assert _OBJECTIVE_GUARD in _OBJECTIVE_CUE.pattern
    plain = re.compile(_OBJECTIVE_CUE.pattern.replace(_OBJECTIVE_GUARD, "", 1), re.IGNORECASE)
    expected = [m.span() for m in plain.finditer(_OBJECTIVE_TEXT)]
    assert len(expected) > 40
    assert [m.span() for m in _OBJECTIVE_CUE.finditer(_OBJECTIVE_TEXT)] == expected


# Texts without "!" and "?", where the full-stop form of the boundary is used.
_STOPS = (
    "Pain fell (p = 0.01). 12 improved. (See Fig. 2.) Figs. 3 and 4. Done.",
    "Pain (e.g. neck pain) fell, i.e. It fell vs. Sham. Smith et al. Found it. Dr. Who. No. 5.",
    "About approx. 12 cases, cf. Ref. 3, see ref. 4. St. Louis. J. Smith. A. Then B.",
    'He said "stop." Then left.\nIt fell.\tIt rose.  (It did.) [It did.] It did.) It ended.',
    "it fell. then rose. 3.5 mg. 2. 3. e.g., i.e., vs.. .. . A",
)


@pytest.mark.parametrize("text", [pytest.param(t, id=f"text-{i}") for i, t in enumerate(_STOPS)])
def test_full_stop_boundary_is_the_boundary_without_marks(text: str) -> None:
    expected = [m.span() for m in _BOUNDARY.finditer(text)]
    assert len(expected) >= 3
    assert [m.span() for m in _FULL_STOP_BOUNDARY.finditer(text)] == expected


def test_full_stop_boundary_is_the_boundary_on_the_corpus() -> None:
    texts = [t for t in _section_texts() if "!" not in t and "?" not in t]
    assert len(texts) > 300
    for text in texts:
        expected = [m.span() for m in _BOUNDARY.finditer(text)]
        assert [m.span() for m in _FULL_STOP_BOUNDARY.finditer(text)] == expected, text


def _plain_first_cue(sentences: list[str]) -> int | None:
    return next((i for i, s in enumerate(sentences) if _OBJECTIVE_CUE.search(s)), None)


@pytest.mark.parametrize(
    ("sentences", "expected"),
    [
        pytest.param(["Pain is common.", "We aimed to test it.", "It worked."], 1, id="second"),
        pytest.param(["Pain is common.", "It worked."], None, id="none"),
        pytest.param(["To evaluate pain.", "We aimed."], 0, id="at-start"),
        pytest.param(["Pain (to evaluate it).", "x"], 0, id="after-bracket"),
        pytest.param(["Pain-to evaluate it.", "x"], 0, id="after-hyphen"),
        pytest.param(["Pain\tto evaluate it.", "x"], 0, id="after-tab"),
        pytest.param(["Pain\x00to evaluate it.", "x"], 0, id="after-nul"),
        pytest.param(["Put into evaluate.", "Claims were made."], None, id="inside-words"),
        pytest.param(["We wanted to testify.", "Pain."], None, id="cue-runs-on"),
        pytest.param(["We wanted to test", "Pain."], 0, id="cue-at-end"),
        pytest.param(["Pain.", "THE AIM WAS PAIN."], 1, id="capitals"),
        pytest.param(["Pain.", "Thi\u017f study of pain."], 1, id="long-s"),
        pytest.param(["Pain.", "TH\u0130S STUDY of pain."], 1, id="dotted-capital-i"),
        pytest.param(["Pain in \u0130zmir.", "We aimed."], 1, id="non-ascii-elsewhere"),
        pytest.param(["A 45-year-old man.", "x"], 0, id="age"),
        pytest.param(["He was 45", "years old."], None, id="no-cue-across-sentences"),
        pytest.param(["Aged 45\nyears old.", "x"], 0, id="newline-inside"),
        pytest.param(["", "We aimed."], 1, id="empty-sentence"),
        pytest.param([], None, id="no-sentences"),
    ],
)
def test_first_objective_cue(sentences: list[str], expected: int | None) -> None:
    assert _plain_first_cue(sentences) == expected
    assert _first_objective_cue(sentences) == expected


@pytest.mark.parametrize("code", range(128))
def test_first_objective_cue_around_every_ascii_character(code: int) -> None:
    c = chr(code)
    for sentences in (
        [f"{c}to evaluate{c}x"],
        [f"x{c}we aimed{c}"],
        [f"x{c}45 years old{c}"],
        ["x", f"pain{c}a case of{c}"],
    ):
        assert _first_objective_cue(sentences) == _plain_first_cue(sentences), sentences


_NON_ASCII = [
    "\u00a0",
    "\u2009",
    "\u2013",
    "\u00e9",
    "\u017f",
    "\u0130",
    "\u0131",
    "\u00b2",
    "\u0663",
]


@pytest.mark.parametrize("c", [chr(code) for code in range(128)] + _NON_ASCII)
def test_first_objective_cue_around_characters_in_a_non_ascii_text(c: str) -> None:
    for sentences in (
        [f"{c}to evaluate{c}x"],
        [f"x{c}we aimed{c}"],
        [f"x{c}45 years old{c}"],
        ["x", f"pain{c}a case of{c}"],
        [f"x{c}", "THE AIM", "x"],
        [f"Thi\u017f{c}study", "x"],
    ):
        sentences.append("Pain in \u00e9")  # the text is not ASCII: the other search
        assert _first_objective_cue(sentences) == _plain_first_cue(sentences), sentences


def test_first_objective_cue_finds_every_cue_of_the_plain_regex() -> None:
    sentences = [_OBJECTIVE_TEXT[a:b] for a, b in split_sentences(_OBJECTIVE_TEXT)]
    assert len(sentences) > 15
    for first in range(len(sentences)):  # each sentence in turn is the first that has one
        rest = sentences[first:]
        assert _first_objective_cue(rest) == _plain_first_cue(rest), rest[0]


def test_first_objective_cue_on_the_corpus() -> None:
    lists = [[t[a:b] for a, b in split_sentences(t)] for t in _section_texts()]
    assert sum(_plain_first_cue(s) is not None for s in lists) > 50
    for sentences in lists:
        for first in range(len(sentences)):
            rest = sentences[first:]
            assert _first_objective_cue(rest) == _plain_first_cue(rest), rest


def test_cue_words_are_lower_case() -> None:
    # the fast search lower-cases the text and matches case-sensitively
    assert not any(c.isupper() for c in _CUE_WORDS)
