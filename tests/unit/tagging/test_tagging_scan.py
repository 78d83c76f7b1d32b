"""The compiled word-start scan (`evidence.tagging._scan`): the text matcher finds with it
exactly what it finds without it (the regex scan of every word start) and on the plain path.

The compiled module is optional: without it these cases skip, unless
EVIDENCE_REQUIRE_COMPILED is set (CI), where a missing build fails them.
"""

from __future__ import annotations

import dataclasses
import pickle
import random
import re
import sys
from pathlib import Path

import pytest
from tagging_builders import REPO, needs_scan, vocab_documents

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import Vocabulary, build_vocabulary
from evidence.tagging.leads import required_texts, trie_regex
from evidence.tagging.matching import (
    TextMatcher,
    compile_text_matcher,
    compiled_scan,
    scan_path,
)
from evidence.tagging.text import build_document

_ENTREZ = REPO.parent / "shared" / "reference" / "entrez-samples"


def _without_scan(matcher: TextMatcher) -> TextMatcher:
    return dataclasses.replace(matcher, compiled=False)


def _paths() -> list[Path]:
    paths = [*sorted((REPO / "data" / "sample").glob("*.xml")), REPO / "tests/eval/devset.xml"]
    paths += sorted((REPO / "tests/eval/topic/records").glob("*/record.xml"))
    paths += sorted(_ENTREZ.glob("biopython__Tests_Entrez__pubmed*.xml"))  # real, not ASCII
    return [p for p in paths if p.exists()]


def _documents() -> list[tuple[str, str]]:
    docs = []
    for path in _paths():
        for record in iter_records(path):
            if isinstance(record, Article):
                doc = build_document(record)
                docs.append((doc.lower, doc.text))
    return docs


@needs_scan
def test_the_compiled_scan_finds_what_the_regex_scan_finds(vocab: Vocabulary) -> None:
    fast = vocab.text_matcher
    assert fast is not None and fast._start_scan() is not None
    slow = _without_scan(fast)
    assert slow._start_scan() is None
    plain = compile_text_matcher(vocab.terms, plain=True)
    docs = _documents()
    assert len(docs) > 400  # the samples, the eval set and every topic record
    for lower, text in docs:
        found = fast.find(lower, text)
        assert found == slow.find(lower, text), text[:80]
        assert found == plain.find(lower, text), text[:80]


@needs_scan
def test_the_regex_runs_at_few_word_starts(vocab: Vocabulary) -> None:
    # the point of it: the regex runs at the starts the scan gives, a few of the word
    # starts, and what it reports there is what the regex scan reports (less the starts
    # of patterns that cannot match the record, where it would find nothing)
    fast = vocab.text_matcher
    assert fast is not None
    scan = fast._start_scan()
    assert scan is not None
    slow = _without_scan(fast)
    tried = words = 0
    for lower, _ in _documents()[:200]:
        assert {m.end() for m in fast._starts(lower)} <= {m.end() for m in slow._starts(lower)}
        tried += len(scan.starts(lower))
        words += len(re.findall(r"\b\w", lower))
    assert tried < words / 3


def _fuzz_texts(vocab: Vocabulary, count: int) -> list[str]:
    """Texts made of pieces of synonyms and pattern leads, joined by odd separators, in
    odd case and with non-ASCII characters: where a start may be found or just missed."""
    matcher = vocab.text_matcher
    assert matcher is not None
    keys = list(matcher.guard_keys)
    words = [w for key in keys for w in key.split(" ")]
    joins = [" ", "  ", "-", " - ", "\n", ", ", "(", "\u00a0", "\x1c", "_", "é", "/", ""]
    rng = random.Random(16)
    texts = []
    for _ in range(count):
        parts = []
        for _ in range(rng.randint(1, 12)):
            piece = rng.choice(keys) if rng.random() < 0.5 else rng.choice(words)
            if piece and rng.random() < 0.2:
                piece = piece[: rng.randint(1, len(piece))]
            if rng.random() < 0.1:
                piece = piece.upper()
            parts.append(piece.replace(" ", rng.choice(joins[:6])))
            parts.append(rng.choice(joins))
        texts.append("".join(parts))
    return texts


@needs_scan
def test_the_compiled_scan_on_made_up_texts(vocab: Vocabulary) -> None:
    fast = vocab.text_matcher
    assert fast is not None
    slow = _without_scan(fast)
    for text in _fuzz_texts(vocab, 3000):
        lower = text.lower()
        if len(lower) != len(text):
            continue
        assert fast.find(lower, text) == slow.find(lower, text), text


@needs_scan
def test_start_scan_reads_a_space_of_a_key_as_a_run_of_separators() -> None:
    module = compiled_scan()
    assert module is not None
    scan = module.StartScan(["low back pain", "tens", "x -y"])
    text = "chronic low - back\tpain; tens-unit, xtens (tens) x --y"
    found = scan.starts(text)
    guard = re.compile(r"(?:^|(?<=\W))(?=" + trie_regex(["low back pain", "tens", "x -y"]) + ")")
    assert set(found) >= {m.start() for m in guard.finditer(text)}
    assert text[found[0] :].startswith("low")
    assert text.index("xtens") + 1 not in found  # not a word start
    # "x -y" is cut to "x" (the regex may end the separator run before the hyphen)
    assert text.index("x --y") in found


@needs_scan
def test_start_scan_counts_a_pattern_key_only_where_its_texts_are() -> None:
    module = compiled_scan()
    assert module is not None
    requirements = [(("trigger point", "mtrp"), ("active",))]
    scan = module.StartScan(["with", "within"], [(0,), ()], requirements)
    assert scan.starts("with pain within days") == [10]  # "with" needs the texts
    assert scan.starts("with active mtrps") == [0]
    assert scan.starts("with active trigger points") == [0]
    assert scan.starts("with trigger points") == []  # no "active"


@needs_scan
def test_the_texts_found_in_one_pass_are_those_in_the_text() -> None:
    module = compiled_scan()
    assert module is not None
    texts = ["he", "she", "his", "hers", "trp", "mtrp", "é x", "pain ", " from"]
    present = module._Present(texts)
    rng = random.Random(7)
    alphabet = "hersitmp é xafon"
    for _ in range(2000):
        text = "".join(rng.choice(alphabet) for _ in range(rng.randint(0, 30)))
        assert present.found(text) == [i for i, t in enumerate(texts) if t in text], text


def test_required_texts_are_in_every_match(vocab: Vocabulary) -> None:
    # every match of a pattern holds a text of each of its choices (on real text)
    matcher = vocab.text_matcher
    assert matcher is not None
    patterns = {p.regex.pattern: p.regex for group in matcher.patterns.values() for p in group}
    docs = [lower for lower, _ in _documents()]
    checked = 0
    for source, regex in patterns.items():
        choices = required_texts(source)
        for lower in docs:
            for match in regex.finditer(lower):
                checked += 1
                for choice in choices:
                    assert any(t in match.group() for t in choice), (source, match.group())
    assert checked > 100


@pytest.mark.parametrize(
    ("source", "choices"),
    [
        pytest.param(
            "pain (?:fell|rose) (?:sharply|a lot)",
            (("a lot", "sharply"), ("pain ",), ("fell", "rose")),
            id="groups",
        ),
        pytest.param(
            "(?:alpha.beta|gamma.delta)",
            (("alpha", "gamma"), ("alpha", "delta"), ("beta", "gamma"), ("beta", "delta")),
            id="each-pick-of-the-alternatives",
        ),
        pytest.param("(?:abc)*def", (("def",),), id="optional-repeat"),
        pytest.param("x{2,}abc(?:xyz)+", (("abc",), ("xyz",)), id="repeats"),
        pytest.param("(?:abc|d)xyz", (("xyz",),), id="short-alternative"),
        pytest.param("(?i)trigger point", (), id="ignorecase"),
        pytest.param("(?i:trigger) point", ((" point",),), id="scoped-ignorecase"),
        pytest.param("(?<=with )pain", (("pain",),), id="lookbehind"),
        pytest.param("pain(?", (), id="invalid"),
    ],
)
def test_required_texts(source: str, choices: tuple[tuple[str, ...], ...]) -> None:
    assert set(required_texts(source)) == set(choices)  # in an order of their own


@needs_scan
def test_a_matcher_that_has_scanned_still_pickles(vocab: Vocabulary) -> None:
    matcher = compile_text_matcher(vocab.terms)
    text = "Dry needling of active myofascial trigger points reduced neck pain."
    found = matcher.find(text.lower(), text)
    assert matcher._start_scan() is not None and found
    back = pickle.loads(pickle.dumps(matcher))
    assert back.find(text.lower(), text) == found
    scan = matcher._start_scan()
    assert scan is not None
    assert pickle.loads(pickle.dumps(scan)).starts(text.lower()) == scan.starts(text.lower())


def test_without_the_compiled_module_the_regex_scans(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setitem(sys.modules, "evidence.tagging._scan", None)
    assert compiled_scan() is None and scan_path() == "python"
    vocab = build_vocabulary(
        vocab_documents(
            outcome=[{"id": "pain", "label": "P", "synonyms": ["pain"], "patterns": ["pain fell"]}]
        )
    )
    matcher = vocab.text_matcher
    assert matcher is not None and matcher._start_scan() is None
    text = "pain fell, then pain"
    found = matcher.find(text, text)
    # the synonym inside the pattern match of the same term counts once
    assert [(m.start, m.end) for m in found["outcome"]] == [(0, 9), (16, 20)]
