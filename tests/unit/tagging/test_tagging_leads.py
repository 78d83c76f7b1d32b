"""leads: the start guard, and the word-start scan it allows, find what the full scan finds."""

from __future__ import annotations

import dataclasses
import re

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, REPO, article, vocab_documents

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import Vocabulary, build_vocabulary, tag_article
from evidence.tagging.findings import analyse_article
from evidence.tagging.leads import lead_filter, pattern_prefixes, start_guard, trie_regex


@pytest.mark.parametrize(
    ("keys", "depth", "starts", "misses"),
    [
        pytest.param(["dry needling", "drip"], 3, ["dry", "dri"], ["dr ", "dzz"], id="three-chars"),
        pytest.param(["x ray", "xylitol"], 3, ["x r", "x-\nr", "xyl"], ["z", "xr"], id="space-run"),
        pytest.param(["ab", "abc", "abd"], 3, ["ab"], ["ac"], id="shorter-admits-longer"),
        pytest.param(
            ["dry needling", "drip"],
            None,
            ["dry-needling", "dripping"],
            ["dry", "dri", "dry needle"],
            id="whole-keys",
        ),
    ],
)
def test_start_guard_admits_every_key_start(
    keys: list[str], depth: int | None, starts: list[str], misses: list[str]
) -> None:
    guard = start_guard(keys, depth)
    assert guard is not None
    for text in (*keys, *starts):
        assert re.match(guard, text), text
    for text in misses:
        assert re.match(guard, text) is None, text


def test_start_guard_is_none_when_a_key_starts_with_a_non_word_character() -> None:
    assert start_guard(["dry needling", "(x)"]) is None


@pytest.mark.parametrize(
    ("text", "pos", "passes"),
    [
        pytest.param("pain was reduced", 0, True, id="pattern-matches"),
        pytest.param("pain relief", 0, False, id="lead-only"),
        pytest.param("with active trigger points", 0, True, id="other-first-word"),
        pytest.param("relief on pain", 10, True, id="lookbehind-sees-before"),
        pytest.param("relief in pain", 10, False, id="lookbehind-fails"),
        pytest.param("worse", 0, True, id="unembeddable-always-passes"),
        pytest.param("zinc", 0, False, id="no-lead"),
        pytest.param("painful with", 0, True, id="longer-word-own-pattern"),
        pytest.param("painful relief", 0, False, id="longer-word-no-pattern"),
        pytest.param("pains were reduced", 0, False, id="longer-word"),
        pytest.param("withdrawn", 0, False, id="lead-word-inside-a-word-fails-its-patterns"),
    ],
)
def test_lead_filter_passes_where_a_pattern_of_the_first_word_matches(
    text: str, pos: int, passes: bool
) -> None:
    check = lead_filter(
        {
            "pain": ["pain (?:was|were) reduced", "(?<=\\bon )pain"],
            "with ": ["with active trigger points?"],
            "worse": [None],  # has groups, say: cannot be embedded
            "painful ": ["painful (?:with|on)"],
        }
    )
    assert check is not None
    assert (re.compile(check).match(text, pos) is not None) is passes


def test_lead_filter_is_none_when_a_lead_starts_with_a_non_word_character() -> None:
    assert lead_filter({"(x": ["\\(x"]}) is None


@pytest.mark.parametrize(
    ("source", "expected"),
    [
        pytest.param("to (?:update|develop) x", ("to develop x", "to update x"), id="group"),
        pytest.param(
            "(?:was|been) randomi[sz]ed",
            ("been randomised", "been randomized", "was randomised", "was randomized"),
            id="class",
        ),
        pytest.param("(?<=\\bon )pain\\b", ("pain",), id="lookbehind-passed-over"),
        pytest.param("treat(?:ing|ment)? x", ("treat",), id="optional-group-ends"),
        pytest.param("reduc\\w* pain", ("reduc",), id="repeat-ends"),
        pytest.param("(a)b|cd", ("ab", "cd"), id="capturing-group"),
        pytest.param("(?i)pain", None, id="ignoring-case"),
        pytest.param("(?:x|-y)z", None, id="non-word-start"),
        pytest.param("\\w+ pain", None, id="no-text"),
        pytest.param("(?:a|b)(?:c|d)(?:e|f)(?:g|h)(?:i|j)(?:k|l)", None, id="too-many"),
    ],
)
def test_pattern_prefixes(source: str, expected: tuple[str, ...] | None) -> None:
    assert pattern_prefixes(source) == expected


def test_every_match_of_a_vocabulary_pattern_starts_with_one_of_its_prefixes(
    vocab: Vocabulary,
) -> None:
    matcher = vocab.text_matcher
    assert matcher is not None
    regexes = {p.regex for group in matcher.patterns.values() for p in group}
    texts = [
        (r.title + " " + " ".join(s.text for s in r.abstract_sections)).lower()
        for path in (
            REPO / "tests" / "eval" / "devset.xml",
            *(REPO / "data" / "sample").glob("*.xml"),
        )
        for r in iter_records(path)
        if isinstance(r, Article)
    ]
    read, matched = 0, 0
    for regex in regexes:
        prefixes = pattern_prefixes(regex.pattern)
        if prefixes is None:
            continue
        read += 1
        starts = re.compile(trie_regex(prefixes))  # a space matches a run of separators
        for text in texts:
            for match in regex.finditer(text):
                matched += 1
                assert starts.match(text, match.start()), (regex.pattern, match.group())
    assert read > 0.9 * len(regexes) and matched > 100


def _matches(vocab: Vocabulary, text: str, *, word_scan: bool) -> list[tuple[str, str, int, int]]:
    matcher = vocab.text_matcher
    assert matcher is not None
    if not word_scan:
        matcher = dataclasses.replace(matcher, word_regex=None)
    found = matcher.find(text.lower(), text)
    return [(m.dimension, m.term, m.start, m.end) for ms in found.values() for m in ms]


_TERMS = vocab_documents(
    intervention=[
        {"id": "dry_needling", "label": "DN", "synonyms": ["dry needling", "dry-needling"]},
        {"id": "tens", "label": "TENS", "synonyms": ["TENS"], "patterns": ["reduc\\w* pain"]},
    ],
    outcome=[{"id": "pain", "label": "Pain", "synonyms": ["pain", "pain intensity"]}],
)


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("Dry needling reduced pain.", id="at-text-start"),
        pytest.param("(dry-needling) vs TENS: pain intensity", id="after-punctuation"),
        pytest.param("undry needling and tens; painful pain", id="inside-words"),
        pytest.param("reducing pain\nTENS", id="pattern-and-newline"),
    ],
)
def test_word_scan_finds_what_the_full_scan_finds(text: str) -> None:
    vocab = build_vocabulary(_TERMS)
    assert vocab.text_matcher is not None and vocab.text_matcher.word_regex is not None
    found = _matches(vocab, text, word_scan=True)
    assert found == _matches(vocab, text, word_scan=False)
    assert found  # every text names at least one term


def test_an_unreadable_pattern_keeps_the_full_scan() -> None:
    terms = vocab_documents(outcome=[{"id": "o", "label": "O", "patterns": ["(?:x?y)z"]}])
    vocab = build_vocabulary(terms)
    assert vocab.text_matcher is not None and vocab.text_matcher.word_regex is None
    assert _matches(vocab, "a yz b", word_scan=False) == [("outcome", "o", 2, 4)]


@pytest.mark.parametrize(
    ("title", "pilot"),
    [
        pytest.param("Dry needling for chronic neck pain: a pilot trial", True, id="pilot"),
        pytest.param("Dry needling for chronic neck pain", False, id="not-pilot"),
    ],
)
def test_a_pilot_benefit_is_of_low_certainty(vocab: Vocabulary, title: str, pilot: bool) -> None:
    record = article(
        title,
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty adults with chronic neck pain were randomized to dry needling or sham.",
        results="Pain intensity was recorded at 4 weeks.",
        conclusions="Dry needling reduced neck pain more than sham needling.",
    )
    tags, findings = analyse_article(record, vocab)
    assert tags == tag_article(record, vocab)
    (finding,) = findings
    # hedging is certainty, not direction: a pilot's benefit is a benefit, of low certainty
    assert finding.direction == "benefit"
    assert ("low_certainty" in finding.qualifiers) == pilot
    assert finding.sample_size == 60
    assert "vs_sham" in finding.qualifiers


def test_without_the_regex_parser_the_matcher_finds_the_same(
    vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """`pattern_prefixes` reads CPython's private regex parser; where it is missing the guard
    falls back to the literal leads and must find exactly the same matches."""
    from evidence.tagging import leads, load_vocabulary

    monkeypatch.setattr(leads, "_parser", None)
    assert pattern_prefixes(r"to (?:update|develop)\b") is None
    plain = load_vocabulary(REPO / "data" / "vocab")
    records = [
        r
        for path in (REPO / "tests" / "eval" / "devset.xml", *REPO.glob("data/sample/*.xml"))
        for r in iter_records(path)
        if isinstance(r, Article)
    ]
    assert vocab.text_matcher is not None and plain.text_matcher is not None
    for record in records:
        text = record.title + " " + " ".join(s.text for s in record.abstract_sections)
        assert plain.text_matcher.find(text.lower(), text) == vocab.text_matcher.find(
            text.lower(), text
        )


def test_an_unchecked_lead_filter_is_the_checked_one() -> None:
    sources: dict[str, list[str | None]] = {
        "pain": ["pain (?:was|were) reduced"],
        "with ": ["with active trigger points?"],
    }
    assert lead_filter(sources, checked=False) == lead_filter(sources)


def test_a_lead_filter_that_does_not_compile_in_the_matcher_is_left_out(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    """The matcher compiles the filter only as part of its regex; if it fails there, the
    matcher is the one it would be without a filter (as a filter `lead_filter` rejects)."""
    from evidence.tagging import matching
    from evidence.tagging.vocabulary import load_vocabulary

    terms = load_vocabulary(REPO / "data" / "vocab").terms
    monkeypatch.setattr(matching, "lead_filter", lambda *a, **k: None)
    without = matching.compile_text_matcher(terms)
    monkeypatch.setattr(matching, "lead_filter", lambda *a, **k: "(?<=a+)")  # not fixed width
    broken = matching.compile_text_matcher(terms)
    assert broken.regex is not None and without.regex is not None
    assert broken.regex.pattern == without.regex.pattern
    assert broken.word_regex is not None and without.word_regex is not None
    assert broken.word_regex.pattern == without.word_regex.pattern
