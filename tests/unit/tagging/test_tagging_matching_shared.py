"""The fast matcher compiles its vocabulary's body once: one regex matches at the text's
start (as ``\\b(?=...)``) and after every non-word character (as ``\\W(?=...)``); it finds
exactly what the plain matcher, which compiles the two, finds, on every path."""

from __future__ import annotations

import dataclasses
import pickle

import pytest
from tagging_builders import REPO

from evidence.tagging import Vocabulary, load_vocabulary
from evidence.tagging.matching import TextMatcher, compile_text_matcher

TEXTS = [
    "",
    " ",
    "acupuncture",
    "Acupuncture reduced low back pain versus sham.",
    "(acupuncture) reduced pain",
    "-dry needling of trigger points",
    "\nVAS pain scores after TENS",
    " low back pain: acupuncture vs. sham; naïve patients, café",
    "trigger point injection",
    "x acupuncture",
    "9 patients had dry needling",
]


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary(REPO / "data" / "vocab")


def _paths(fast: TextMatcher) -> list[TextMatcher]:
    # as built (the compiled scan where it was built), without the scan (regex from word
    # start to word start, the ASCII twin on ASCII texts), and by the regex alone
    return [
        fast,
        dataclasses.replace(fast, compiled=False),
        dataclasses.replace(fast, word_regex=None),
    ]


def test_one_regex_serves_both_and_finds_what_the_plain_matcher_finds(vocab: Vocabulary) -> None:
    fast = vocab.text_matcher
    assert fast is not None and fast.word_regex is not None
    assert fast.regex is fast.word_regex  # compiled once
    plain = compile_text_matcher(vocab.terms, plain=True)
    assert plain.regex is not plain.word_regex
    for matcher in _paths(fast):
        for text in TEXTS:
            assert matcher.find(text.lower(), text) == plain.find(text.lower(), text), text


def test_the_shared_matcher_pickles_and_still_finds_the_same(vocab: Vocabulary) -> None:
    fast = vocab.text_matcher
    assert fast is not None
    copy = pickle.loads(pickle.dumps(fast))
    for text in TEXTS:
        assert copy.find(text.lower(), text) == fast.find(text.lower(), text)
