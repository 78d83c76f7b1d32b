r"""leads: when the start guard's texts are read from a pattern, a class of a few characters
(``(?:2|²)``, ``[sz]``) is read as alternatives, an optional character (``s?``) as two ways,
and separators (``[\s-]``, ``[\s-]*``, `` ?``) as a space, which the guard reads as a run
of separators. So the I² statistic's ``i(?:2|²) ...`` gives the guard "i2..." and "i²..."
rather than "i", which every word that starts with an "i" passes, and ``pre[\s-]?post``
gives "pre post" and "prepost" rather than "pre"; the matcher finds the same with them, on
every path."""

from __future__ import annotations

import dataclasses
import random
import re

import pytest
from tagging_builders import needs_scan, vocab_documents

from evidence.tagging import build_vocabulary
from evidence.tagging.leads import pattern_prefixes, trie_regex
from evidence.tagging.matching import TextMatcher, compile_text_matcher

_I_SQUARED = "i(?:2|²) ?(?:=|<|>|of \\d)"


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("i(?:2|²)=", ("i2=", "i²="), id="group-of-characters"),
        pytest.param("[ab]c", ("ac", "bc"), id="class"),
        pytest.param("dis[ck] (?:a|bc)", ("disc a", "disc bc", "disk a", "disk bc"), id="then-on"),
        pytest.param("x[a-z]y", ("x",), id="range-ends"),
        pytest.param("x[^a]y", ("x",), id="negated-ends"),
        pytest.param("x\\dy", ("x",), id="category-ends"),
        pytest.param("x[abcde]y", ("x",), id="five-characters-end"),
        pytest.param("[ab][cd][ef][gh][ij][kl]", None, id="too-many"),
        pytest.param("[a-]b", None, id="non-word-start"),
        pytest.param("pre[\\s-]?post", ("pre post", "prepost"), id="optional-separator"),
        pytest.param("before[\\s-]and\\safter", ("before and after",), id="separators"),
        pytest.param(
            "years?[\\s-]*old", ("year old", "yearold", "years old", "yearsold"), id="runs"
        ),
        pytest.param("a ?[\\s-]*-? b", ("a b",), id="adjacent-runs-are-one"),
        pytest.param("a[\\s-]*-b", ("a -b", "a-b"), id="run-then-hyphen"),
        pytest.param("a[bc]?d", ("abd", "acd", "ad"), id="optional-class"),
        pytest.param("a[\\sx]*b", ("a",), id="not-only-separators-ends"),
        pytest.param("ab{1,3}c", ("a",), id="longer-repeat-ends"),
        pytest.param("\\s*pain", None, id="separator-first"),
    ],
)
def test_pattern_prefixes_read_a_class_of_few_characters(
    source: str, expected: tuple[str, ...] | None
) -> None:
    assert pattern_prefixes(source) == expected


_TERMS = vocab_documents(
    design=[
        {"id": "meta_analysis", "label": "Meta-analysis", "patterns": [_I_SQUARED]},
        {
            "id": "rct",
            "label": "RCT",
            "synonyms": ["randomised controlled trial"],
            "patterns": ["(?:was|were) randomi[sz]ed"],
        },
    ],
    outcome=[{"id": "pain", "label": "Pain", "synonyms": ["pain", "pain intensity"]}],
)

_TEXTS = [
    "Heterogeneity was high (I2 = 71%) in the pooled pain intensity.",
    "heterogeneity: i² of 4 studies; it is in its interest; i2<50 and I²=0",
    "In it, participants were randomized; in another, pain was randomised.",
    "i2 i 2 i²  = ii2=1 (i2>3) i-2 = x",
    "Individual ideas increase interest in immediate improvement of pain",
]


def _found(matcher: TextMatcher, text: str) -> list[tuple[str, str, int, int]]:
    found = matcher.find(text.lower(), text)
    return [(m.dimension, m.term, m.start, m.end) for ms in found.values() for m in ms]


def test_the_guard_has_no_one_letter_key_for_the_i_squared_pattern() -> None:
    matcher = build_vocabulary(_TERMS).text_matcher
    assert matcher is not None and matcher.word_regex is not None
    keys = set(matcher.guard_keys)
    assert "i" not in keys and {"i2=", "i² of ", "i2 <"} <= keys
    assert {"was randomised", "were randomized"} <= keys


@pytest.mark.parametrize("text", _TEXTS)
def test_the_matcher_finds_the_same_on_every_path(text: str) -> None:
    vocab = build_vocabulary(_TERMS)
    fast = vocab.text_matcher
    assert fast is not None
    plain = compile_text_matcher(vocab.terms, plain=True)
    found = _found(fast, text)
    assert found == _found(plain, text)
    assert found == _found(dataclasses.replace(fast, compiled=False), text)
    assert found == _found(dataclasses.replace(fast, word_regex=None), text)
    assert found  # each text names a term


@needs_scan
def test_the_compiled_scan_skips_words_that_only_start_with_i() -> None:
    matcher = build_vocabulary(_TERMS).text_matcher
    assert matcher is not None
    scan = matcher._start_scan()
    assert scan is not None
    text = "it is in its interest, if ideal (i2 = 40%)"
    assert scan.starts(text) == [text.index("i2")]


_SOURCES = [
    "pre[\\s-]?post(?:[\\s-]?test)?",
    "a ?[\\s-]*-? ?b[sz]?c",
    "years?[\\s-]*old",
    "i(?:2|²) ?(?:=|<|of \\d)",
    "x[\\s-]+y\\s?z",
]


@pytest.mark.parametrize("source", _SOURCES)
def test_every_match_starts_as_the_guard_reads_a_prefix(source: str) -> None:
    # on made-up texts of the patterns' characters and separators: wherever the pattern
    # matches, one of its prefixes matches there as the guard reads it
    prefixes = pattern_prefixes(source)
    assert prefixes is not None
    regex = re.compile(source)
    starts = re.compile(trie_regex(prefixes))
    rng = random.Random(source)
    # the pieces of the patterns and separators, each likelier than a letter of noise
    pieces = ["pre", "post", "test", "year", "years", "old", "i2", "i²", "of 3", "=", "<"]
    pieces += ["a", "ab", "bc", "bsc", "bzc", "x", "y", "yz", "z", "s", "c", "-", "\n"]
    pieces += [" ", " ", " ", "  ", " - "]
    matched = 0
    for _ in range(4000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(2, 16)))
        for match in regex.finditer(text):
            matched += 1
            assert starts.match(text, match.start()), (text, match.group(), prefixes)
    assert matched > 5


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("pre[\\s-]?post", ("pre",), id="optional-separator-ends"),
        pytest.param("before[\\s-]and", ("before",), id="separator-ends"),
        pytest.param("years?[\\s-]*old", ("year",), id="optional-character-ends"),
        pytest.param("i(?:2|²)=", ("i2=", "i²="), id="class-read-on"),
    ],
)
def test_pattern_prefixes_without_runs_stop_at_separators_and_repeats(
    source: str, expected: tuple[str, ...]
) -> None:
    assert pattern_prefixes(source, runs=False) == expected


def test_the_regex_guard_is_read_less_far_than_the_compiled_scans_keys() -> None:
    terms = vocab_documents(
        design=[{"id": "case_series", "label": "Case series", "patterns": ["pre[\\s-]?post"]}],
        outcome=[{"id": "pain", "label": "Pain", "synonyms": ["pain"]}],
    )
    matcher = build_vocabulary(terms).text_matcher
    assert matcher is not None and matcher.word_regex is not None
    assert {"pre post", "prepost"} <= set(matcher.guard_keys)
    # the regex's guard stops at the separator: "pre", not "pre post" as a trie writes it
    assert "pre[\\s-]+post" not in matcher.word_regex.pattern
    for text in ["A pre-post study of pain", "prepost pain", "pre  post", "pre pain"]:
        found = _found(matcher, text)
        assert found == _found(dataclasses.replace(matcher, compiled=False), text)
        assert found == _found(
            compile_text_matcher(build_vocabulary(terms).terms, plain=True), text
        )
