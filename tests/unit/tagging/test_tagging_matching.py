"""matching: the combined regex finds overlapping, shorter and pattern matches."""

from __future__ import annotations

import pytest
from tagging_builders import vocab_documents

from evidence.tagging import Vocabulary, build_vocabulary
from evidence.tagging.leads import literal_prefixes


@pytest.mark.parametrize(
    ("pattern", "expected"),
    [
        pytest.param("dry[\\s-]*needl(?:e|ing)", ("dry",), id="plain"),
        pytest.param("(?:reduc\\w*|lower) pain", ("reduc", "lower"), id="group"),
        pytest.param("random(?:ly)? alloc|randomi[sz]ation", ("random", "randomi"), id="top-or"),
        pytest.param("databases? were searched", ("database",), id="optional-letter"),
        pytest.param("(?<=\\bon |\\bin )pain", ("pain",), id="lookbehind"),
        pytest.param("^a case of", ("a case of",), id="anchor"),
        pytest.param("(?:x?y)z", None, id="unreadable"),
        pytest.param("\\d+ years old", None, id="escape-first"),
    ],
)
def test_literal_prefixes(pattern: str, expected: tuple[str, ...] | None) -> None:
    assert literal_prefixes(pattern) == expected


def _find(vocab: Vocabulary, text: str) -> set[tuple[str, str, str]]:
    assert vocab.text_matcher is not None
    found = vocab.text_matcher.find(text.lower(), text)
    return {(m.dimension, m.term, text[m.start : m.end]) for ms in found.values() for m in ms}


def test_overlapping_and_shorter_synonyms_are_all_found() -> None:
    vocab = build_vocabulary(
        vocab_documents(
            condition=[{"id": "low_back_pain", "label": "LBP", "synonyms": ["low back pain"]}],
            outcome=[{"id": "pain", "label": "Pain", "synonyms": ["pain intensity", "low back"]}],
        )
    )
    assert _find(vocab, "Low back pain intensity fell") == {
        ("condition", "low_back_pain", "Low back pain"),
        ("outcome", "pain", "pain intensity"),
        ("outcome", "pain", "Low back"),
    }


def test_plural_hyphen_pattern_and_exclusion() -> None:
    vocab = build_vocabulary(
        vocab_documents(
            intervention=[
                {"id": "tpi", "label": "TPI", "synonyms": ["trigger point injection"]},
                {
                    "id": "us",
                    "label": "US",
                    "synonyms": ["ultrasound"],
                    "exclude": ["ultrasound[\\s-]guided"],
                    "patterns": ["sono\\w+ therapy"],
                },
            ]
        )
    )
    assert _find(vocab, "Trigger-point injections and ultrasound-guided sonophoresis therapy") == {
        ("intervention", "tpi", "Trigger-point injections"),
        ("intervention", "us", "sonophoresis therapy"),
    }


def _pain_patterns(*patterns: str) -> Vocabulary:
    return build_vocabulary(
        vocab_documents(outcome=[{"id": "pain", "label": "Pain", "patterns": list(patterns)}])
    )


def test_patterns_sharing_a_lead_each_keep_their_own_end() -> None:
    vocab = _pain_patterns("pain (?:was|were) reduced", "pain (?:scores?|intensity)")
    assert vocab.text_matcher is not None
    assert "pain " in vocab.text_matcher.unions  # tried first: most starts match neither
    assert _find(vocab, "Pain was reduced; pain intensity fell; pain relief") == {
        ("outcome", "pain", "Pain was reduced"),
        ("outcome", "pain", "pain intensity"),
    }


def test_patterns_with_groups_are_not_united() -> None:
    vocab = _pain_patterns("pain (was|were) reduced", "pain (?P<what>scores?)")
    assert vocab.text_matcher is not None
    assert "pain " not in vocab.text_matcher.unions  # group numbers would change
    assert _find(vocab, "pain were reduced and pain scores") == {
        ("outcome", "pain", "pain were reduced"),
        ("outcome", "pain", "pain scores"),
    }


@pytest.mark.parametrize(
    ("text", "found"),
    [
        pytest.param("ultrasound-guided injection", False, id="overlapping"),
        pytest.param("guided by ultrasound", True, id="exclusion-before-only"),
        pytest.param("ultrasound was used; ultrasound guided", True, id="later-exclusion"),
    ],
)
def test_exclusion_drops_only_the_match_it_overlaps(text: str, found: bool) -> None:
    vocab = build_vocabulary(
        vocab_documents(
            intervention=[
                {
                    "id": "us",
                    "label": "US",
                    "synonyms": ["ultrasound"],
                    "exclude": ["ultrasound[\\s-]guided", "guided by"],
                }
            ]
        )
    )
    assert (("intervention", "us", "ultrasound") in _find(vocab, text)) is found


def test_a_synonym_starting_with_a_digit_is_found() -> None:
    # the scan skips words whose first character starts no synonym: digits must not be
    vocab = build_vocabulary(
        vocab_documents(outcome=[{"id": "sf36", "label": "SF-36", "synonyms": ["36-item survey"]}])
    )
    assert _find(vocab, "the 36-item survey") == {("outcome", "sf36", "36-item survey")}
