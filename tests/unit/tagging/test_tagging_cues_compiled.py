"""The compiled finder of the design cues' words (`evidence.tagging._scan.TextFinder`):
every occurrence of every word, overlapping ones included, as the pure-Python path (the
pyahocorasick automaton) finds them, so the design read from the methods is the same on
both paths.

The compiled module is optional: without it these cases skip, unless
EVIDENCE_REQUIRE_COMPILED is set (CI), where a missing build fails them.
"""

from __future__ import annotations

import pickle
import random
from pathlib import Path

import pytest
from tagging_builders import REPO, needs_scan

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import Vocabulary, taggers
from evidence.tagging.text import Document, build_document

_ENTREZ = REPO.parent / "shared" / "reference" / "entrez-samples"


pytestmark = needs_scan


def _naive_hits(texts: list[str], text: str) -> list[tuple[int, int]]:
    found = []
    for number, word in enumerate(texts):
        at = text.find(word)
        while at >= 0:
            found.append((at, number))
            at = text.find(word, at + 1)
    return found


def _end_order(texts: list[str], hits: list[tuple[int, int]]) -> list[tuple[int, int]]:
    return sorted(hits, key=lambda hit: (hit[0] + len(texts[hit[1]]), -len(texts[hit[1]])))


def test_text_finder_finds_every_occurrence_in_the_order_of_their_ends() -> None:
    from evidence.tagging._scan import TextFinder

    texts = ["man", "woman", "an", "patient", "patients", "or with", "é"]
    finder = TextFinder(texts)
    text = "A woman, many patients or with é; patientpatients\nmanan"
    hits = finder.hits(text)
    assert hits == _end_order(texts, _naive_hits(texts, text))
    assert (2, 1) in hits and (4, 0) in hits and (5, 2) in hits  # "woman" holds "man", "an"
    assert finder.hits("") == [] and finder.hits("nothing here") == []


def test_text_finder_on_made_up_texts() -> None:
    from evidence.tagging._scan import TextFinder

    rng = random.Random(7)
    texts = ["ab", "abab", "ba", "b", "aab", "ç", "a b", "xyz"]
    finder = TextFinder(texts)
    for _ in range(2000):
        text = "".join(rng.choice("ab ç\u00a0x\U0001f600yz") for _ in range(rng.randint(0, 40)))
        assert sorted(finder.hits(text)) == sorted(_naive_hits(texts, text)), text


def test_text_finder_pickles() -> None:
    from evidence.tagging._scan import TextFinder

    finder = pickle.loads(pickle.dumps(TextFinder(["man", "an"])))
    assert finder.hits("woman") == [(2, 0), (3, 1)]


def test_text_finder_refuses_an_empty_text() -> None:
    from evidence.tagging._scan import TextFinder

    with pytest.raises(ValueError):
        TextFinder(["man", ""])


def _documents() -> list[tuple[Article, Document]]:
    paths = [*sorted((REPO / "data" / "sample").glob("*.xml")), REPO / "tests/eval/devset.xml"]
    paths += sorted((REPO / "tests/eval/topic/records").glob("*/record.xml"))
    paths += sorted(_ENTREZ.glob("biopython__Tests_Entrez__pubmed*.xml"))  # real, not ASCII
    docs = []
    for path in (p for p in paths if p.exists()):
        for record in iter_records(Path(path)):
            if isinstance(record, Article):
                docs.append((record, build_document(record)))
    return docs


def test_the_cue_units_are_those_of_the_automaton(monkeypatch: pytest.MonkeyPatch) -> None:
    assert taggers._CUE_FINDER is not None and taggers._CUE_AUTOMATON is not None
    docs = [doc for _, doc in _documents()]
    assert len(docs) > 400
    fast = [taggers._cue_units(doc) for doc in docs]
    monkeypatch.setattr(taggers, "_CUE_FINDER", None)
    slow = [taggers._cue_units(doc) for doc in docs]
    assert fast == slow
    assert sum(1 for held in fast if held) > 300  # most records hold some cue word


def test_the_tags_are_the_same_without_the_compiled_finder(
    vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    docs = _documents()
    fast = [taggers.tag_document(a, d, vocab) for a, d in docs]
    monkeypatch.setattr(taggers, "_CUE_FINDER", None)
    assert [taggers.tag_document(a, d, vocab) for a, d in docs] == fast
