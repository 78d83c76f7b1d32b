"""matching fast paths: each finds exactly what the plain path finds.

The plain path (`compile_text_matcher(..., plain=True)`) resolves every synonym hit by
`_resolve`, tries the pattern leads after every one, reports every pattern lead to Python
and scans every text with the Unicode regex; the fast matcher skips each of those where
it cannot change the result.
"""

from __future__ import annotations

import dataclasses
import re

import pytest
from tagging_builders import REPO, vocab_documents

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import Vocabulary, build_vocabulary, load_vocabulary
from evidence.tagging.lookups import ascii_exact, ascii_twin, synonym_hits
from evidence.tagging.matching import TextMatcher, compile_text_matcher
from evidence.tagging.text import build_document

_ENTREZ = REPO.parent / "shared" / "reference" / "entrez-samples"


def _plain(vocab: Vocabulary) -> TextMatcher:
    return compile_text_matcher(vocab.terms, plain=True)


def _fast(vocab: Vocabulary) -> TextMatcher:
    assert vocab.text_matcher is not None
    return vocab.text_matcher


@pytest.mark.parametrize(
    "text",
    [
        pytest.param(
            "Dry-needling  reduced pain scores in chronic low back pain.", id="separators"
        ),
        pytest.param(
            "Pain was reduced in patients with active myofascial trigger points.", id="leads"
        ),
        pytest.param("Low back\npain improved; TENS and tens were compared.", id="newline-acronym"),
        pytest.param("Ultrasound-guided injection vs therapeutic ultrasound.", id="exclusion"),
        pytest.param("Café patients: neck pain\u00a0intensity and less pain.", id="non-ascii"),
        pytest.param("Neck pain\x1cintensity and pain\x1cscores fell.", id="unicode-only-space"),
        pytest.param("Meta-analyses of randomised controlled trials of acupuncture", id="plurals"),
        pytest.param("Pain relief with the pain of the measures", id="leads-without-pattern"),
    ],
)
def test_fast_find_equals_plain_find(vocab: Vocabulary, text: str) -> None:
    found = _fast(vocab).find(text.lower(), text)
    assert found == _plain(vocab).find(text.lower(), text)
    assert found  # every text names at least one term


def _records() -> list[Article]:
    paths = [*sorted((REPO / "data" / "sample").glob("*.xml")), REPO / "tests/eval/devset.xml"]
    paths += sorted(_ENTREZ.glob("biopython__Tests_Entrez__pubmed*.xml"))  # real, not ASCII
    return [r for path in paths for r in iter_records(path) if isinstance(r, Article)]


def test_fast_find_equals_plain_find_on_every_sample_record(vocab: Vocabulary) -> None:
    fast, plain = _fast(vocab), _plain(vocab)
    documents = [build_document(record) for record in _records()]
    assert len(documents) > 100
    for doc in documents:
        assert fast.find(doc.lower, doc.text) == plain.find(doc.lower, doc.text), doc.text[:80]


def test_a_pattern_at_a_unicode_only_space_is_not_scanned_as_ascii() -> None:
    # Unicode alone reads U+001C as \s: the ASCII scan would not see this pattern start
    vocab = build_vocabulary(
        vocab_documents(outcome=[{"id": "relief", "label": "R", "patterns": ["pain\\s+relief"]}])
    )
    text = "pain\x1crelief"
    found = _fast(vocab).find(text, text)
    assert found == _plain(vocab).find(text, text)
    assert [(m.term, m.start, m.end) for m in found["outcome"]] == [("relief", 0, 11)]


def test_a_pattern_lead_is_reported_only_where_one_of_its_patterns_matches() -> None:
    vocab = build_vocabulary(
        vocab_documents(outcome=[{"id": "pain", "label": "P", "patterns": ["pain (?:fell|rose)"]}])
    )
    fast, plain = _fast(vocab), _plain(vocab)
    text = "pain relief and pain fell"
    assert [m.end() for m in fast._starts(text)] == [16]
    assert [m.end() for m in plain._starts(text)] == [0, 16]
    assert fast.find(text, text) == plain.find(text, text)


def test_synonym_hits_give_the_ends_and_fall_backs_of_resolve() -> None:
    synonyms = {
        "pain": (("outcome", "pain", None, -1),),
        "pain score": (("outcome", "score", None, -1), ("outcome", "pain", None, 4)),
    }
    hits = synonym_hits(synonyms, ["pain ", "reduc"])
    assert hits["pain score"] == (
        (("outcome", "score", None, 10), ("outcome", "pain", None, 4)),
        True,
    )
    # a plural falls back to its singular; the whole hit ends after the plural ending
    assert hits["pain scores"][0] == (("outcome", "score", None, 11), ("outcome", "pain", None, 4))
    assert hits["pains"] == ((("outcome", "pain", None, 5),), False)
    assert hits["paines"] == ((("outcome", "pain", None, 6),), False)
    assert hits["pain"][1]  # the lead "pain " may continue it


def test_a_hit_that_no_lead_may_start_is_never_followed_by_a_lead(vocab: Vocabulary) -> None:
    matcher = _fast(vocab)
    assert matcher.prefix_regex is not None
    leads = [re.sub(r"[\s-]+", " ", lead) for lead in matcher.patterns]
    hits = synonym_hits(matcher.synonyms, leads)
    skipped = [literal for literal, (_, may_lead) in hits.items() if not may_lead]
    assert len(skipped) > len(hits) / 2  # most hits skip the lead regex
    for literal in skipped:
        for after in ("", " ", "-", "\n", ".", " pain", "-pain ", " with "):
            assert matcher.prefix_regex.match(literal + after) is None, literal + after


@pytest.mark.parametrize(
    ("text", "exact"),
    [
        pytest.param("pain  relief-x\n", True, id="ascii"),
        pytest.param("", True, id="empty"),
        pytest.param("café", False, id="non-ascii"),
        pytest.param("pain\x1frelief", False, id="unicode-only-space"),
    ],
)
def test_ascii_exact(text: str, exact: bool) -> None:
    assert ascii_exact(text) is exact


@pytest.mark.parametrize(
    ("regex", "twin"),
    [
        pytest.param(re.compile(r"\bpain\s+\w+"), True, id="classes"),
        pytest.param(re.compile("sjögren"), True, id="non-ascii-literal"),
        pytest.param(re.compile("k", re.IGNORECASE), False, id="ignorecase"),
        pytest.param(re.compile("(?i:k)m"), False, id="scoped-ignorecase"),
        pytest.param(re.compile("(?u)k"), False, id="unicode-flag"),
    ],
)
def test_ascii_twin_only_without_case_folding(regex: re.Pattern[str], twin: bool) -> None:
    result = ascii_twin(regex)
    assert (result is not None) is twin
    if result is not None:
        assert result.pattern == regex.pattern and result.flags & re.ASCII
        for text in ("pain  relief", "pain\tx_1 sj", "k K"):  # ASCII: the same matches
            assert [m.span() for m in result.finditer(text)] == [
                m.span() for m in regex.finditer(text)
            ]


def test_entrez_samples_include_non_ascii_records() -> None:
    if not _ENTREZ.is_dir():
        pytest.skip(f"{_ENTREZ} is absent: the reference samples live in the shared folder")
    texts = [build_document(r).lower for r in _records()]
    assert any(not ascii_exact(t) for t in texts)  # the Unicode scan is covered too
    assert sum(ascii_exact(t) for t in texts) > len(texts) / 2


def test_the_ascii_twin_is_compiled_on_the_first_ascii_text_only() -> None:
    matcher = compile_text_matcher(load_vocabulary(REPO / "data" / "vocab").terms)
    # the path without the compiled scan (with it, the twin is never compiled)
    matcher = dataclasses.replace(matcher, compiled=False)
    assert matcher.word_regex is not None  # scanned from word to word: the twin applies
    matcher.find("café sans douleur", "café sans douleur")
    assert matcher._ascii == []  # loading a vocabulary and non-ASCII texts never need it
    matcher.find("dry needling for pain", "dry needling for pain")
    assert len(matcher._ascii) == 1
    assert matcher._ascii[0] is not None and matcher._ascii[0].flags & re.ASCII
