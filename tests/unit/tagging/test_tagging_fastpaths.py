"""Fast paths of the taggers find exactly what the plain paths find: the look-up tables of a
vocabulary (`evidence.tagging.vocab_tables`) and the substring tests before the mention rules.

The records here are SYNTHETIC (built in the test) or the repository's own test records
(tests/eval, data/sample), which are synthetic or hand-written for the tests.
"""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from tagging_builders import REPO, article, heading, vocab_documents

from evidence.models import DIMENSIONS, Article, MeshHeading, PublicationType, Tag
from evidence.pubmed import iter_records
from evidence.tagging import Vocabulary, build_vocabulary, tag_article, taggers
from evidence.tagging.mentions import (
    _NOT_STUDIED,
    _POST_EXCLUSION,
    _PRE_EXCLUSION,
    _cue_in_scope,
    is_not_studied_condition,
)
from evidence.tagging.text import build_document
from evidence.tagging.vocab_tables import SOURCES, tables_for


def _headings(vocab: Vocabulary) -> list[MeshHeading]:
    """Every heading the vocabulary names, by UI and by name, and near misses of each."""
    found: list[MeshHeading] = [heading("D999999", "Not A Heading"), heading(None, "Humans ")]
    for terms in vocab.terms.values():
        for term in terms:
            for ui, name in term.ui_names:
                found += [
                    heading(ui, name),
                    heading(ui, name.upper()),  # names are matched ignoring case
                    heading(ui, "Another Name"),  # a UI whose name disagrees is not trusted
                ]
            found += [heading(None, name) for name in term.mesh_names]
    return found


def test_heading_ids_are_the_matchers_look_ups(vocab: Vocabulary) -> None:
    tables = tables_for(vocab)
    headings = _headings(vocab)
    expected = []
    for h in headings:
        ids = {
            dimension: matcher.lookup(matcher.mesh, h.descriptor_ui, h.descriptor)
            for dimension, matcher in vocab.matchers.items()
        }
        if any(ids.values()):
            expected.append((h, ids))
    assert {d for _, ids in expected for d, found in ids.items() if found} == set(DIMENSIONS)
    assert len(expected) < len(headings)  # and some name nothing
    assert tables.mesh(headings) == expected
    assert tables.mesh(headings) == expected  # the second time from the table


def test_publication_type_ids_are_the_design_look_ups(vocab: Vocabulary) -> None:
    tables = tables_for(vocab)
    design = vocab.matchers["design"]
    types = [PublicationType("D016428", "Journal Article"), PublicationType(None, "Letter")]
    for term in vocab.terms["design"]:
        types += [PublicationType(ui, name) for ui, name in term.ui_names]
        types += [PublicationType(None, name.lower()) for name in term.publication_type_names]
    for _ in range(2):  # the second time from the table
        found = [tables.publication_type(p) for p in types]
        assert found == [design.lookup(design.publication_types, p.ui, p.name) for p in types]
    assert sum(bool(ids) for ids in found) > 5


def test_generic_phrases_and_yielding_terms(vocab: Vocabulary) -> None:
    tables = tables_for(vocab)
    generic = {
        (dimension, term.id): term.generic
        for dimension, terms in vocab.terms.items()
        for term in terms
        if term.generic
    }
    assert generic
    assert tables.generic == generic
    yielding = tuple(t for t in vocab.terms["intervention"] if t.yields_to)
    assert yielding
    assert tables.yielding == yielding


def _plain_order(tags: list[Tag], vocab: Vocabulary) -> list[Tag]:
    """Dimension, then the id's place in its file (unknown ids after), then source."""
    # the order taggers.py's docstring promises, written out here rather than imported
    sources = "mesh mesh_qualifier publication_type text_title text_abstract keyword derived"
    sources += " default"

    def key(tag: Tag) -> tuple[int, int, int]:
        order = vocab.order(tag.dimension)
        return (
            DIMENSIONS.index(tag.dimension),
            order.get(tag.value, len(order)),
            sources.split().index(tag.source),
        )

    return sorted(tags, key=key)


def test_places_are_the_rank_order(vocab: Vocabulary) -> None:
    tables = tables_for(vocab)
    keys = list(tables.places)
    assert len(keys) == sum(len(t) for t in vocab.terms.values()) * len(SOURCES)
    assert sorted(keys, key=tables.places.__getitem__) == sorted(keys, key=tables.rank)


def _records() -> list[Article]:
    path = Path(REPO / "tests" / "eval" / "devset.xml")
    return [r for r in iter_records(path) if isinstance(r, Article)]


def test_tags_come_in_output_order(vocab: Vocabulary) -> None:
    records = _records()
    assert len(records) > 50
    for record in records:
        tags = tag_article(record, vocab)
        assert tags == _plain_order(tags, vocab)


def test_tags_of_ids_outside_the_vocabulary_come_in_output_order() -> None:
    # this vocabulary has no "human": the default population tag is not one of its ids
    vocab = build_vocabulary(
        vocab_documents(
            intervention=[{"id": "dn", "label": "DN", "synonyms": ["dry needling"]}],
            condition=[{"id": "neck", "label": "Neck", "synonyms": ["neck pain"]}],
        )
    )
    record = article("Dry needling for neck pain", methods="Dry needling eased neck pain.")
    tags = tag_article(record, vocab)
    assert ("population", "human") in {(t.dimension, t.value) for t in tags}
    assert [t.dimension for t in tags] == ["intervention"] * 2 + ["condition"] * 2 + [
        "design",
        "population",
    ]
    assert tags == _plain_order(tags, vocab)


def test_tables_are_kept_per_vocabulary(vocab: Vocabulary) -> None:
    other = build_vocabulary(vocab_documents())
    assert tables_for(vocab) is tables_for(vocab)
    assert tables_for(other).vocab is other
    assert tables_for(vocab).vocab is vocab


@pytest.mark.parametrize(
    ("mesh", "expected"),
    [
        pytest.param([heading("D006801", "Humans")], ("human", "mesh"), id="humans"),
        pytest.param(
            [heading("D006801", "Pain Measurement")], ("human", "default"), id="ui-of-another-name"
        ),
        pytest.param(
            [heading(None, "Animals"), heading(None, "Rats")], ("animal", "mesh"), id="names"
        ),
    ],
)
def test_heading_table_serves_population(
    vocab: Vocabulary, mesh: list[MeshHeading], expected: tuple[str, str]
) -> None:
    for _ in range(2):  # the second record is tagged from the table
        tags = tag_article(article(mesh=mesh), vocab)
        assert [(t.value, t.source) for t in tags if t.dimension == "population"] == [expected]


def _plain_not_studied_condition(sentence: str, start: int, end: int) -> bool:
    """`is_not_studied_condition` without its substring tests: the rule's regexes alone."""
    before = sentence[max(0, start - 80) : start]
    return (
        _cue_in_scope(_PRE_EXCLUSION, before, 8)
        or _NOT_STUDIED.search(before) is not None
        or _POST_EXCLUSION.search(sentence[end : end + 80]) is not None
    )


# every alternative of the exclusion and covered-indication cues
_CONDITION_CUES = (
    "without",
    "absence of",
    "free of",
    "free from",
    "rule out",
    "ruled out",
    "rules out",
    "ruling out",
    "exclusion criteria",
    "excluded if",
    "excluding",
    "other than",
    "no history of",
    "no sign of",
    "no signs of",
    "no evidence of",
    "no symptom of",
    "no symptoms of",
    "covered",
    "reimbursed",
    "indication",
    "indications",
)


@pytest.mark.parametrize("cue", _CONDITION_CUES)
def test_every_condition_cue_passes_the_substring_tests(cue: str) -> None:
    sentence = f"adults {cue} chronic neck pain were enrolled"
    start = sentence.index("chronic")
    end = start + len("chronic neck pain")
    assert _plain_not_studied_condition(sentence, start, end)
    assert is_not_studied_condition(sentence, start, end)


def test_not_studied_condition_is_the_plain_rule_at_every_word() -> None:
    sentences = [
        f"adults {cue} chronic neck pain, but not {cue}; or {cue}" for cue in _CONDITION_CUES
    ]
    for path in (REPO / "tests" / "eval" / "devset.xml", *(REPO / "data" / "sample").glob("*.xml")):
        for record in iter_records(Path(path)):
            if isinstance(record, Article):
                sentences += [s.text.lower() for s in record.abstract_sections]
    results = []
    for sentence in sentences:
        for word in re.finditer(r"\w+(?: \w+)?", sentence):
            start, end = word.span()
            plain = _plain_not_studied_condition(sentence, start, end)
            assert is_not_studied_condition(sentence, start, end) == plain, (sentence, start)
            results.append(plain)
    assert 100 < sum(results) < len(results) / 2


def test_design_from_the_methods_is_the_same_without_the_cue_automaton(
    vocab: Vocabulary, monkeypatch: pytest.MonkeyPatch
) -> None:
    """The automaton finds the sentences that hold a cue word; the plain path tests each."""
    assert taggers._CUE_AUTOMATON is not None  # pyahocorasick is a dependency
    order = vocab.order("design")
    docs = [build_document(r) for r in _records()]
    for path in (REPO / "data" / "sample").glob("*.xml"):
        docs += [build_document(r) for r in iter_records(path) if isinstance(r, Article)]
    # cue words across sentence and unit ends, overlapping ("woman", "man"), a word in
    # another word ("many"), and in the background, where only some cues are read
    cues = article(
        title="A man of 40 and his many visits",
        background="Patients were treated. A woman who presented with pain.",
        methods="Twelve patients underwent needling; the other 10 had sham.",
    )
    docs.append(build_document(cues))
    fast = [taggers._design_from_methods(doc, order) for doc in docs]
    monkeypatch.setattr(taggers, "_CUE_AUTOMATON", None)
    assert [taggers._design_from_methods(doc, order) for doc in docs] == fast
    assert len({found[0] for found in fast if found is not None}) >= 3
