"""directions: one reading of a clause equals its rules run one by one; sample sizes."""

from __future__ import annotations

import re
import string
from re import _constants as C  # the regex parser's names, read by the walker
from re import _parser

import pytest

from evidence.tagging.directions import (
    _ANY_CUE,
    _CLAUSE_BREAK,
    _CUE_BODIES,
    _guard,
    classify_clause,
    clause_qualifiers,
    has_cue,
    has_modal,
    has_strong_hedge,
    has_weak_hedge,
    read_clause,
    sample_size,
    split_clauses,
)

CLAUSES = [
    pytest.param("dry needling reduced pain more than sham", id="benefit"),
    pytest.param("dry needling was not more effective than sham needling", id="no-benefit"),
    pytest.param("both groups improved similarly with placebo", id="both-placebo"),
    pytest.param("no significant differences between the groups", id="similar"),
    pytest.param("the evidence is insufficient to recommend it", id="strong-hedge"),
    pytest.param("it may help, but further trials are needed", id="weak-hedge-modal"),
    pytest.param("acupuncture caused a pneumothorax in one patient", id="harm"),
    pytest.param("no pneumothorax was caused by the needling", id="negated-harm"),
    pytest.param("pain relief was short-term only when combined with exercise", id="qualifiers"),
    pytest.param("to evaluate whether massage is effective", id="aim"),
    pytest.param("the patients in group a received six sessions", id="no-cue"),
    pytest.param("measured at six weeks, not sustained at follow-up", id="short-term-only"),
    pytest.param("", id="empty"),
    # U+001C is a space to Unicode only: read by the regexes, not their ASCII twins
    pytest.param("short\x1cterm relief, low\x1ccertainty", id="unicode-only-space"),
]


@pytest.mark.parametrize("clause", CLAUSES)
@pytest.mark.parametrize("controlled", [True, False], ids=["controlled", "head-to-head"])
def test_read_clause_equals_the_rules_one_by_one(clause: str, controlled: bool) -> None:
    reading = read_clause(clause, controlled=controlled)
    assert reading.direction == classify_clause(clause, controlled=controlled)
    assert reading.strong == has_strong_hedge(clause)
    assert reading.weak == has_weak_hedge(clause)
    assert reading.modal == has_modal(clause)
    assert list(reading.qualifiers) == clause_qualifiers(clause)


def test_read_clause_reads_cues_after_words_that_are_none() -> None:
    reading = read_clause("in the sixty patients treated, the pain was reduced; this may help")
    assert (reading.direction, reading.modal) == ("benefit", True)


def _first_chars(items: list[tuple[object, object]]) -> set[str] | None:
    """The characters a match of a parsed regex can start with; None when any (or unknown)."""
    op, av = items[0] if items else (None, None)
    if op is C.LITERAL:
        return {chr(av)}  # type: ignore[arg-type]
    if op is C.SUBPATTERN:
        return _first_chars(list(av[3]))  # type: ignore[index]
    if op is C.BRANCH:
        found: set[str] = set()
        for branch in av[1]:  # type: ignore[index]
            chars = _first_chars(list(branch))
            if chars is None:
                return None
            found |= chars
        return found
    if op is C.IN and all(kind is C.LITERAL for kind, _ in av):  # type: ignore[attr-defined]
        return {chr(value) for _, value in av}  # type: ignore[attr-defined]
    return None  # a class with ranges or categories, a repeat, an anchor: not read here


@pytest.mark.parametrize("body", _CUE_BODIES, ids=lambda body: body[:24])
def test_every_cue_starts_with_a_lowercase_letter(body: str) -> None:
    # `_ANY_CUE` skips words that do not start with a-z; a cue starting otherwise would be
    # missed, and with it every direction of a clause that names only that cue
    chars = _first_chars(list(_parser.parse(body)))
    assert chars is not None and chars <= set(string.ascii_lowercase)


_ONE_OF_EACH = (
    "insufficient",
    "low certainty",
    "further research",
    "both groups were effective",
    "similar effects",
    "ineffective",
    "harmful",
    "effective",
    "may",
    "plus",
    "pain increased",
    "did not, however, differ",
    "worked about as well as",
    "p = 0.41",
    "p < 0.001",
    "lower in the first group than",
    "significantly",
    "depends on the dose",
)


def test_any_cue_finds_each_cue_regex() -> None:
    for body in _CUE_BODIES:
        regex = re.compile(rf"\b(?:{body})")
        sample = next(w for w in _ONE_OF_EACH if regex.search(w))
        assert _ANY_CUE.search(f"the {sample}") is not None


# every cue of the sample clauses, and near misses that share a cue's first letters
_NEAR_MISSES = (
    "the effects were similar to sham; not superior; were equally effective as massage",
    "suggestion, trending, plural, unsafely, moreover, is unclear, are comparable to it",
)
_CUE_TEXT = " ".join([*(str(p.values[0]) for p in CLAUSES), *_ONE_OF_EACH, *_NEAR_MISSES])


@pytest.mark.parametrize("body", _CUE_BODIES, ids=lambda body: body[:24])
def test_the_start_guard_keeps_every_match_of_a_cue(body: str) -> None:
    guard = _guard(body)
    assert guard.startswith("(?=")  # every cue's start is read: the fast path is taken
    plain = re.compile(rf"\b(?:{body})")
    guarded = re.compile(rf"\b{guard}(?:{body})")
    expected = [m.span() for m in plain.finditer(_CUE_TEXT)]
    assert [m.span() for m in guarded.finditer(_CUE_TEXT)] == expected


def test_any_cue_finds_what_the_unguarded_alternation_finds() -> None:
    plain = re.compile(r"\b(?=[a-z])(?:" + "|".join(f"(?:{b})" for b in _CUE_BODIES) + ")")
    expected = [m.span() for m in plain.finditer(_CUE_TEXT)]
    assert len(expected) > 10
    assert [m.span() for m in _ANY_CUE.finditer(_CUE_TEXT)] == expected


@pytest.mark.parametrize(
    "body", [pytest.param(r"\d+ trials", id="digit-first"), pytest.param("(?:x?y)z", id="group")]
)
def test_no_guard_for_a_cue_whose_start_cannot_be_read(body: str) -> None:
    assert _guard("effective", body) == ""


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        pytest.param("pain fell; function rose", ["pain fell", " function rose"], id="semicolon"),
        pytest.param(
            "pain fell but function did not", ["pain fell", " function did not"], id="but"
        ),
        pytest.param(
            "pain fell whereas sleep did not", ["pain fell", " sleep did not"], id="whereas"
        ),
        pytest.param("pain fell while sleep did not", ["pain fell", " sleep did not"], id="while"),
        pytest.param(
            "although pain fell, sleep did not",
            ["although pain fell, sleep did not"],
            id="although-first",
        ),
        pytest.param(
            "pain fell although sleep did not", ["pain fell", " sleep did not"], id="although"
        ),
        pytest.param(
            "pain fell though sleep did not", ["pain fell", " sleep did not"], id="though"
        ),
        pytest.param(
            "pain fell. however, sleep did not",
            ["pain fell", "however, sleep did not"],
            id="however",
        ),
        pytest.param("pain fell yet sleep did not", ["pain fell", " sleep did not"], id="yet"),
        pytest.param("pain fell, and may rise", ["pain fell", "may rise"], id="may"),
        pytest.param("pain fell, and can rise", ["pain fell", "can rise"], id="can"),
        pytest.param("pain fell, should rise", ["pain fell", "should rise"], id="should"),
        pytest.param("pain fell, must rise", ["pain fell", "must rise"], id="must"),
        pytest.param("pain fell after needling", ["pain fell after needling"], id="no-break"),
        pytest.param("", [], id="empty"),
    ],
)
def test_split_clauses(sentence: str, clauses: list[str]) -> None:
    assert [sentence[a:b] for a, b in split_clauses(sentence)] == clauses


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param("sixty-two adult patients were included", 62, id="words"),
        pytest.param("we enrolled 40 women and 35 men", 40, id="largest"),
        pytest.param("we gave 40 treatments", None, id="men-inside-a-word"),
        pytest.param("12 patients_x", None, id="underscore-is-a-word-char"),
        pytest.param("twelve patientsx", None, id="longer-word"),
        pytest.param("a total of n = 1,200 and 30 children", 1200, id="n-equals"),
        pytest.param("min = 5 patients", 5, id="n-inside-a-word"),
        pytest.param("no count here", None, id="none"),
    ],
)
def test_sample_size(text: str, expected: int | None) -> None:
    assert sample_size(text) == expected


def _assertions(items: list[tuple[object, object]]) -> list[tuple[object, object]]:
    """Every assertion (``\\b``, ``^``, a lookahead or lookbehind) of a parsed regex."""
    found: list[tuple[object, object]] = []
    for op, av in items:
        if op is C.AT:
            found.append((op, av))
        elif op in (C.ASSERT, C.ASSERT_NOT):
            found.append((op, av[0]))  # type: ignore[index]
            found += _assertions(list(av[1]))  # type: ignore[index]
        elif op is C.SUBPATTERN:
            found += _assertions(list(av[3]))  # type: ignore[index]
        elif op is C.BRANCH:
            for branch in av[1]:  # type: ignore[index]
                found += _assertions(list(branch))
        elif op in (C.MAX_REPEAT, C.MIN_REPEAT):
            found += _assertions(list(av[2]))  # type: ignore[index]
    return found


# one sentence per form of clause break, the text after it starting at a letter
_CUTS = (";", "; ", ", but ", " but ", " but, ", "\nwhereas ", " while ", " although ")
_CUTS += (" though ", " however, ", " yet ", ". however ", ", can ", ", and should ", ", must ")
_BROKEN = [f"pain fell{cut}it improved" for cut in _CUTS]
_NEGATIVE_LOOKAHEAD = re.compile(r"\(\?!((?:[^()]|\([^()]*\))*)\)")


@pytest.mark.parametrize("body", _CUE_BODIES, ids=lambda body: body[:24])
def test_a_cue_reads_the_same_in_a_clause_and_in_its_sentence(body: str) -> None:
    # what `split_clauses` says of its clauses (and `_names_a_cue` relies on): a cue reads no
    # character before its match, and its lookaheads fail on whatever follows a clause
    kinds = _assertions(list(_parser.parse(body)))
    assert {kind for kind in kinds if kind[0] is C.AT} <= {(C.AT, C.AT_BOUNDARY)}
    lookaheads = [kind for kind in kinds if kind[0] is not C.AT]
    assert lookaheads == [(C.ASSERT_NOT, 1)] * len(lookaheads)  # no lookbehind, no (?=
    sources = _NEGATIVE_LOOKAHEAD.findall(body)
    assert len(sources) == len(lookaheads)
    for sentence in _BROKEN:
        cuts = list(_CLAUSE_BREAK.finditer(sentence))
        assert len(cuts) == 1
        after = sentence[cuts[0].start() :]  # what follows the first clause
        assert not _is_word(after[0])  # so `\b` at the clause end reads the same
        assert not any(re.match(source, after) for source in sources)
        # a cue starts at a letter after a non-word character, in the clause as in the sentence
        end = cuts[0].end()
        assert not _is_word(sentence[end - 1]) or not _is_word(sentence[end])


@pytest.mark.parametrize("sentence", _BROKEN, ids=lambda sentence: sentence[9:18])
@pytest.mark.parametrize(
    "cue", [*_ONE_OF_EACH, "no benefit", "increased pain", "adverse events after"]
)
def test_a_cue_in_a_clause_is_a_cue_in_its_sentence(sentence: str, cue: str) -> None:
    tails = (" on adverse events", " in safety", " threshold", " pressure threshold", "")
    for text in (
        *(sentence.replace("pain fell", cue + tail) for tail in tails),
        sentence.replace("it improved", cue),
    ):
        clauses = [text[a:b] for a, b in split_clauses(text)]
        assert any(_ANY_CUE.search(clause) for clause in clauses)
        assert has_cue(text)


@pytest.mark.parametrize(
    ("text", "cue"),
    [
        pytest.param("the pain was reduced", True, id="ascii"),
        pytest.param("the patients were seen twice", False, id="ascii-none"),
        pytest.param("the naïve group improved", True, id="unicode"),
        pytest.param("the naïve group was seen", False, id="unicode-none"),
        pytest.param("low\x1ccertainty evidence", True, id="unicode-only-space"),
        pytest.param("", False, id="empty"),
    ],
)
def test_has_cue_is_the_any_cue_search(text: str, cue: bool) -> None:
    assert has_cue(text) is cue
    assert (_ANY_CUE.search(text) is not None) is cue


def _is_word(char: str) -> bool:
    return re.match(r"\w", char) is not None
