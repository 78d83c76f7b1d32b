"""text, fast forms of the layout: each gives exactly what its plain form gives.

`_sentences` cuts a section into sentences with one `re.split`; the plain form slices the
spans of `split_sentences`. The corpus is the repository's own records (synthetic or
hand-written for the tests) and the real NCBI samples in the shared folder, when present.
"""

from __future__ import annotations

import random
from pathlib import Path

import pytest
from tagging_builders import REPO

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging.text import _sentences, split_sentences

_ENTREZ = REPO.parent / "shared" / "reference" / "entrez-samples"


def _plain(text: str) -> list[str]:
    return [text[a:b] for a, b in split_sentences(text)]


def _section_texts() -> list[str]:
    paths = [REPO / "tests/eval/devset.xml", REPO / "tests/eval/holdout/holdout.xml"]
    paths += sorted((REPO / "data" / "sample").glob("*.xml"))
    paths += sorted((REPO / "tests/eval/topic/records").glob("*/record.xml"))
    paths += sorted(_ENTREZ.glob("biopython__Tests_Entrez__pubmed*.xml"))
    texts: list[str] = []
    for path in paths:
        for record in iter_records(Path(path)):
            if isinstance(record, Article):
                texts.append(record.title or "")
                texts.extend(section.text for section in record.abstract_sections)
    return texts


@pytest.mark.parametrize(
    "text",
    [
        pytest.param("", id="empty"),
        pytest.param("   ", id="blank"),
        pytest.param("Pain fell. Function rose.", id="full-stop"),
        pytest.param("Did it work? Yes! It did.", id="marks"),
        pytest.param('He said "stop." Then left.', id="quote-left-out"),
        pytest.param("It fell.  (See Fig. 2.) Done.", id="bracket-left-out"),
        pytest.param("It fell. ", id="trailing-space"),
        pytest.param("It fell. A", id="short-last"),
        pytest.param(". A. B", id="starts-with-a-stop"),
        pytest.param("e.g. A. vs. B. et al. C. J. Smith. 2. 3.", id="abbreviations"),
    ],
)
def test_sentences_are_the_spans_of_split_sentences(text: str) -> None:
    assert _sentences(text) == _plain(text)


def test_sentences_on_the_corpus() -> None:
    texts = _section_texts()
    assert len(texts) > 1000
    assert sum(len(_plain(t)) > 3 for t in texts) > 300
    for text in texts:
        assert _sentences(text) == _plain(text), text


def test_sentences_on_made_up_texts() -> None:
    pieces = [".", "!", "?", " ", "  ", "\n", '"', "'", ")", "]", "(", "[", "A", "a", "1", "e.g.",
              "vs.", "al.", "Fig.", "J.", "x", "\u00a0", "é"]  # fmt: skip
    rng = random.Random(12)
    for _ in range(5000):
        text = "".join(rng.choice(pieces) for _ in range(rng.randint(0, 25)))
        assert _sentences(text) == _plain(text), repr(text)
