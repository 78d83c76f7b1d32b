"""Findings fast path: a record whose conclusion names no cue is left before its clauses are
read, and gets exactly the findings of the plain path (`_findings(..., early_exit=False)`).

The records here are SYNTHETIC (built in the test) or the repository's own test records
(tests/eval, data/sample), which are synthetic or hand-written for the tests.
"""

from __future__ import annotations

from pathlib import Path

import pytest
from tagging_builders import CASE_REPORTS, JOURNAL_ARTICLE, RCT, REPO, article

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import Vocabulary
from evidence.tagging.findings import _conclusion_units, _findings, _names_a_cue
from evidence.tagging.taggers import find_matches, tag_document
from evidence.tagging.text import build_document

_FILES = (
    REPO / "tests" / "eval" / "devset.xml",
    REPO / "tests" / "eval" / "holdout" / "holdout.xml",
    *sorted((REPO / "data" / "sample").glob("*.xml")),
)


def _trial(conclusions: str, *, results: str = "Pain was recorded at 4 weeks.") -> Article:
    return article(
        "Dry needling for chronic neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty adults with chronic neck pain were randomized to dry needling or sham.",
        results=results,
        conclusions=conclusions,
    )


_SYNTHETIC = [
    _trial("Dry needling was given twice a week to adults with neck pain."),
    _trial("Dry needling was given twice.", results="Dry needling reduced pain."),
    _trial("Dry needling reduced pain; no benefit on adverse events was seen."),
    _trial("Pain fell, but dry needling was not superior to sham."),
    _trial("Dry needling was given twice. however, evidence is insufficient."),
    _trial("Dry needling was given to adults with neck pain, and should be studied further."),
    _trial("Dry needling was given twice, whereas sham needling was given once."),
    _trial("Dry needling was given twice to adults with neck pain (effects were short-term)."),
    article(
        "Pneumothorax after dry needling for shoulder pain: a case report",
        types=[JOURNAL_ARTICLE, CASE_REPORTS],
        abstract="A woman with shoulder pain received dry needling. She had a pneumothorax.",
    ),
]


def _records() -> list[Article]:
    found = list(_SYNTHETIC)
    for path in _FILES:
        found += [r for r in iter_records(Path(path)) if isinstance(r, Article)]
    return found


def test_the_early_exit_gives_the_plain_findings(vocab: Vocabulary) -> None:
    exits = with_findings = 0
    for record in _records():
        doc = build_document(record)
        matches = find_matches(doc, vocab)
        tags = tag_document(record, doc, vocab, matches)
        fast = _findings(record, doc, tags, vocab, matches, early_exit=True)
        plain = _findings(record, doc, tags, vocab, matches, early_exit=False)
        assert fast == plain, record.pmid
        units = _conclusion_units(doc, guideline=False)
        studied = any(t.dimension == "intervention" for t in tags)
        exits += studied and doc.has_abstract and not _names_a_cue(doc, units)
        with_findings += bool(plain)
    # both paths are exercised: records left early, and records that conclude something
    assert exits >= 3
    assert with_findings >= 50


@pytest.mark.parametrize(
    ("record", "expected"),
    [
        pytest.param(_SYNTHETIC[0], [], id="no-cue"),
        # a conclusion that states no result: the results are read
        pytest.param(_SYNTHETIC[1], ["benefit"], id="cue-in-the-results-only"),
        pytest.param(_SYNTHETIC[2], ["benefit"], id="cue-before-a-break"),
        pytest.param(_SYNTHETIC[-1], ["harm"], id="harm-without-a-cue"),
    ],
)
def test_findings_of_records_with_and_without_a_cue(
    vocab: Vocabulary, record: Article, expected: list[str]
) -> None:
    doc = build_document(record)
    matches = find_matches(doc, vocab)
    tags = tag_document(record, doc, vocab, matches)
    found = _findings(record, doc, tags, vocab, matches, early_exit=True)
    assert [f.direction for f in found][:1] == expected
