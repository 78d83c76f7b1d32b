"""Streaming records out of whole documents: chunking, clearing, roots and error lines."""

from __future__ import annotations

import re
from itertools import islice

import pytest
from lxml import etree
from synthetic_pubmed import FIXTURES, citation, document, parse_all

import evidence.pubmed
from evidence.errors import XmlParseError
from evidence.models import Article, Deletion
from evidence.pubmed import iter_records
from evidence.pubmed.reader import RECORD_TAGS, _builders, _records
from evidence.pubmed.source import CHUNK_SIZE


def _article(pmid: int, title: str = "Synthetic title.") -> str:
    record = citation(str(pmid), article=f"<ArticleTitle>{title}</ArticleTitle>")
    return f"<PubmedArticle>{record}</PubmedArticle>"


def test_public_api() -> None:
    assert evidence.pubmed.__all__ == [
        "Piece",
        "SplitError",
        "iter_medline",
        "iter_records",
        "parser_path",
        "sniff_medline",
        "split_records",
    ]


def test_records_across_chunk_boundaries_come_out_complete_and_in_order() -> None:
    count = 3 * CHUNK_SIZE // 150  # about three chunks of ~150-byte records
    data = document(*(_article(90100000 + i) for i in range(count)))
    assert len(data) > 2 * CHUNK_SIZE
    records = parse_all(data)
    assert [r.pmid for r in records if isinstance(r, Article)] == [
        90100000 + i for i in range(count)
    ]
    assert all(isinstance(r, Article) and r.title == "Synthetic title." for r in records)


def test_tree_is_cleared_as_records_are_read() -> None:
    parser = etree.XMLPullParser(events=("end",), tag=RECORD_TAGS["PubmedArticleSet"])
    parser.feed(document(*(_article(90200000 + i) for i in range(50)), "<Unknown>x</Unknown>"))
    pmids = [r.pmid for r in _records(parser, "t.xml", _builders()) if isinstance(r, Article)]
    root = parser.close()
    assert len(pmids) == 50
    # Only the last record is left, emptied; every earlier record and sibling is gone.
    assert len(root) <= 2
    assert len(root[0]) == 0


def test_mixed_record_kinds_in_document_order() -> None:
    book = (
        "<PubmedBookArticle><BookDocument><PMID>90300002</PMID></BookDocument></PubmedBookArticle>"
    )
    deletion = "<DeleteCitation><PMID>90300003</PMID></DeleteCitation>"
    kinds = [type(r).__name__ for r in parse_all(document(_article(90300001), book, deletion))]
    assert kinds == ["Article", "BookArticle", "Deletion"]


def test_medline_citation_inside_pubmed_article_is_not_a_second_record() -> None:
    assert len(parse_all(document(_article(90300011)))) == 1


def test_legacy_root_reads_medline_citations_directly() -> None:
    data = document(
        citation("90300021"),
        "<DeleteCitation><PMID>1</PMID></DeleteCitation>",
        root="MedlineCitationSet",
    )
    records = parse_all(data)
    assert [type(r) for r in records] == [Article, Deletion]


def test_empty_set_gives_no_records() -> None:
    assert parse_all(document()) == []


@pytest.mark.parametrize("root", ["eSearchResult", "PubmedArticle", "html"])
def test_other_roots_are_refused(root: str) -> None:
    with pytest.raises(
        XmlParseError, match=rf"^synthetic\.xml:2: root element <{root}> is not a PubMed file"
    ):
        parse_all(document(root=root))


def test_truncated_document_names_the_line() -> None:
    path = FIXTURES / "truncated.xml"
    records = iter_records(path)
    assert isinstance(next(records), Article)
    with pytest.raises(XmlParseError) as info:
        next(records)
    assert re.fullmatch(
        rf"{re.escape(str(path))}:9: invalid XML: Premature end of data in tag \w+ line 8",
        str(info.value),
    )


def test_well_formedness_error_names_its_line() -> None:
    data = document(
        _article(90400001), "<PubmedArticle><MedlineCitation>\n<PMID>1</PMID>\n<Bad attr=x/>"
    )
    with pytest.raises(XmlParseError, match=r"^synthetic\.xml:6: invalid XML: AttValue"):
        parse_all(data)


def test_records_before_a_syntax_error_in_the_same_chunk_are_delivered_first() -> None:
    data = document(*(_article(90400010 + i) for i in range(3)), "<PubmedArticle x=y/>")
    records = iter_records(data, name="synthetic.xml")
    pmids = [record.pmid for record in islice(records, 3) if isinstance(record, Article)]
    assert pmids == [90400010, 90400011, 90400012]
    with pytest.raises(XmlParseError, match=r"^synthetic\.xml:6: invalid XML: AttValue"):
        next(records)


def test_undefined_entity_names_its_line_and_entity() -> None:
    data = document(_article(90400002, "a &undefined; b"))
    with pytest.raises(
        XmlParseError, match=r"^synthetic\.xml:3: invalid XML: Entity 'undefined' not defined$"
    ):
        parse_all(data)


@pytest.mark.parametrize("chunks_after", [0, 2], ids=["last-chunk", "chunks-follow"])
def test_undefined_entity_after_the_first_chunk_names_its_own_line(chunks_after: int) -> None:
    # With resolve_entities=False lxml lets "Entity 'x' not defined" pass on a feed that
    # is not the first, but libxml2 has stopped a document without a DOCTYPE there: the
    # next feed restarts at "line 1" and close() fails at line 0.
    filler = [_article(90400100 + i) for i in range(CHUNK_SIZE // 150 + 10)]
    after = [_article(90400900 + i) for i in range(chunks_after * CHUNK_SIZE // 150)]
    data = document(*filler, _article(90400002, "a &undefined; b"), *after)
    line = len(filler) + 3
    assert data.split(b"\n")[line - 1].count(b"&undefined;") == 1
    with pytest.raises(
        XmlParseError,
        match=rf"^synthetic\.xml:{line}: invalid XML: Entity 'undefined' not defined$",
    ):
        parse_all(data)


def test_undefined_entity_under_a_public_doctype_is_kept_as_a_reference() -> None:
    # With a DOCTYPE the entity may be declared in the DTD that is never read: libxml2
    # only warns and the parse goes on, also after the first chunk.
    doctype = '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "x.dtd">\n'
    filler = [_article(90400100 + i) for i in range(CHUNK_SIZE // 150 + 10)]
    data = document(*filler, _article(90400002, "a &undefined; b"), prolog=doctype)
    records = parse_all(data)
    assert len(records) == len(filler) + 1
    assert isinstance(records[-1], Article) and records[-1].title == "a b"


def test_names_that_libxml2_quotes_are_escaped_and_cut() -> None:
    # libxml2 puts element names in its messages; a name may hold invisible format
    # characters (U+200D is a name character) and be thousands of characters long.
    name = "a\u200d\u200c" + "n" * 5000
    data = document(f"<{name}>x</b>")
    with pytest.raises(XmlParseError) as info:
        parse_all(data)
    message = str(info.value)
    assert message.isprintable() and len(message) < 300
    assert message.startswith(
        r"synthetic.xml:3: invalid XML: Opening and ending tag mismatch: a\u200d\u200cnnn"
    )


def test_undeclared_namespace_prefix_is_an_error() -> None:
    data = document(_article(90400003, "<mml:math><mml:mi>x</mml:mi></mml:math>"))
    with pytest.raises(
        XmlParseError, match=r"^synthetic\.xml:3: invalid XML: Namespace prefix mml"
    ):
        parse_all(data)


def test_deep_nesting_is_refused_by_libxml2_limits() -> None:
    deep = "<i>" * 5000 + "x" + "</i>" * 5000
    with pytest.raises(XmlParseError, match=r"^synthetic\.xml:3: invalid XML: Excessive depth"):
        parse_all(document(_article(90400004, deep)))


def test_huge_text_node_is_refused_by_libxml2_limits() -> None:
    # libxml2 caps a text node at 10 MB unless huge_tree is on, which it never is here.
    huge = "x" * 12_000_000
    # libxml2 2.12 says "huge text node", 2.13 and later name the XML_PARSE_HUGE option.
    pattern = r"^synthetic\.xml:3: invalid XML: .*(XML_PARSE_HUGE|huge text node)"
    with pytest.raises(XmlParseError, match=pattern):
        parse_all(document(_article(90400005, huge)))


def test_source_line_is_exact_beyond_65535_lines() -> None:
    data = (
        b"<PubmedArticleSet>"
        + b"\n" * 70_000
        + _article(90400006).encode()
        + b"</PubmedArticleSet>"
    )
    records = list(iter_records(data))
    assert [r.source_line for r in records] == [70_001]


@pytest.mark.parametrize(
    "data",
    [
        pytest.param(
            document(_article(90400007)).replace(b"</PubmedArticleSet>", b""), id="unclosed"
        ),
        pytest.param(b"<PubmedArticleSet>\n<PubmedArticle>\n\x00\n", id="nul-byte"),
    ],
)
def test_error_messages_are_one_line(data: bytes) -> None:
    with pytest.raises(XmlParseError) as info:
        parse_all(data)
    message = str(info.value)
    assert "\n" not in message
    assert re.match(r"^synthetic\.xml:\d+: ", message)


def test_iteration_is_lazy_and_stops_cleanly() -> None:
    data = document(*(_article(90500000 + i) for i in range(10)))
    records = iter_records(data)
    first = next(records)
    assert isinstance(first, Article)
    assert first.pmid == 90500000
    records.close()  # type: ignore[attr-defined]
