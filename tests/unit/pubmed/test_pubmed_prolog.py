"""The safety gate: root name found, hostile or non-XML prologs refused before lxml runs."""

from __future__ import annotations

from pathlib import Path

import pytest
from synthetic_pubmed import FIXTURES, article_xml, only_article

from evidence.errors import XmlParseError
from evidence.pubmed import iter_records
from evidence.pubmed.prolog import MAX_PROLOG_BYTES, read_prolog

PUBLIC_DOCTYPE = (
    '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January 2025//EN" '
    '"https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">'
)


def _root(data: bytes) -> tuple[str, int]:
    prolog = read_prolog(iter([data]), "t.xml")
    return prolog.root, prolog.line


@pytest.mark.parametrize(
    ("data", "root", "line"),
    [
        pytest.param(b"<PubmedArticleSet>", "PubmedArticleSet", 1, id="bare-root"),
        pytest.param(
            b'<?xml version="1.0" encoding="UTF-8"?>\n'
            + PUBLIC_DOCTYPE.encode()
            + b"\n<PubmedArticleSet>\n",
            "PubmedArticleSet",
            3,
            id="pubmed-public-doctype",
        ),
        pytest.param(
            b"\xef\xbb\xbf<?xml version='1.0' encoding='us-ascii'?><MedlineCitationSet>",
            "MedlineCitationSet",
            1,
            id="bom-and-ascii",
        ),
        pytest.param(
            b"<!-- a > comment -->\n<?pi x?>\n<!DOCTYPE r SYSTEM 'a[1].dtd'>\n<r/>",
            "r",
            4,
            id="comment-pi-and-bracket-inside-quotes",
        ),
        pytest.param(b"\n\n  <eInfoResult>", "eInfoResult", 3, id="other-root-is-reported"),
    ],
)
def test_read_prolog_finds_the_root(data: bytes, root: str, line: int) -> None:
    assert _root(data) == (root, line)


def test_prolog_split_across_many_chunks_is_reassembled() -> None:
    data = b'<?xml version="1.0"?>\n' + PUBLIC_DOCTYPE.encode() + b"\n<PubmedArticleSet>"
    prolog = read_prolog(iter(data[i : i + 1] for i in range(len(data))), "t.xml")
    assert (prolog.root, prolog.line, prolog.head) == ("PubmedArticleSet", 3, data)


@pytest.mark.parametrize(
    ("data", "message"),
    [
        pytest.param(b"", r"^t\.xml:1: empty file, not XML$", id="empty"),
        pytest.param(b" \n\t", r"^t\.xml:1: empty file, not XML$", id="blank"),
        pytest.param(
            b"PMID- 12230038\nOWN - NLM",
            r"^t\.xml:1: not XML \(starts with 'PMID- ",
            id="medline-text",
        ),
        pytest.param(b'\n{"json": 1}', r"^t\.xml:2: not XML", id="json"),
        pytest.param(b"\xff\xfe<\x00?\x00x\x00", r"^t\.xml:1: not XML", id="utf16-bom"),
        pytest.param(b"<\x00?\x00x\x00m\x00", r"^t\.xml:1: not XML", id="utf16-no-bom"),
        pytest.param(b"< PubmedArticleSet>", r"^t\.xml:1: not XML", id="space-after-angle"),
        pytest.param(
            b"<!ENTITY x 'y'><r/>", r"^t\.xml:1: not XML \(starts with .<!ENTITY", id="bare-entity"
        ),
        pytest.param(
            b'<!DOCTYPE r [\n<!ENTITY x "y">\n]>\n<r>&x;</r>',
            r"^t\.xml:1: refused: DOCTYPE with an internal subset",
            id="internal-subset",
        ),
        pytest.param(
            b"<!DOCTYPE r PUBLIC 'p' 's' []><r/>",
            r"^t\.xml:1: refused: DOCTYPE with an internal subset",
            id="empty-internal-subset",
        ),
        pytest.param(
            b'<?xml version="1.0" encoding="UTF-7"?><r/>',
            r"^t\.xml:1: refused: unsupported encoding 'utf-7'$",
            id="utf7",
        ),
        pytest.param(b"<PubmedArticleSet", r"^t\.xml:1: file ends before its root", id="cut-root"),
        pytest.param(
            b"<!-- never closed", r"^t\.xml:1: file ends before its root", id="cut-comment"
        ),
    ],
)
def test_read_prolog_refuses(data: bytes, message: str) -> None:
    with pytest.raises(XmlParseError, match=message):
        read_prolog(iter([data]), "t.xml")


def test_binary_garbage_is_shown_escaped_and_cut() -> None:
    garbage = b"\x00\x1b[2J\x1b]0;owned\x07\xff\xfe\xe2\x80\xae\\" + bytes(range(0x80, 0x100))
    with pytest.raises(XmlParseError) as info:
        read_prolog(iter([garbage]), "t.xml")
    message = str(info.value)
    assert message.isprintable() and "\ufffd" not in message
    assert message == (
        r"t.xml:1: not XML (starts with '\x00\x1b[2J\x1b]0;owned\x07\xff\xfe\u202e\\"
        r"\x80\x81\x82\x83\x84\x85\x86\x87\x88\x89\x8a\x8b\x8c\x8d\x8e\x8f\x90\x91\x92\x93\x94'...)"
    )


def test_overlong_prolog_is_refused_without_reading_further() -> None:
    comment = b"<!--" + b"x" * MAX_PROLOG_BYTES
    chunks = iter([comment, comment, b"-->", b"<r/>"])
    with pytest.raises(XmlParseError, match=r"no root element in the first 65536 bytes"):
        read_prolog(chunks, "t.xml")
    assert next(chunks) == comment, "only the first chunk was read"


@pytest.mark.parametrize(
    "fixture",
    ["billion_laughs.xml", "external_entity_file.xml", "external_entity_http.xml"],
)
def test_entity_attacks_are_refused(fixture: str) -> None:
    path = FIXTURES / fixture
    with pytest.raises(XmlParseError, match=r":4: refused: DOCTYPE with an internal subset"):
        list(iter_records(path))


def test_external_dtd_is_never_loaded(tmp_path: Path) -> None:
    # A SYSTEM DTD that defines &secret; and then breaks off: reading it would fail the parse
    # (the broken declaration), expanding it would show LEAKED. Neither may happen.
    dtd = tmp_path / "evil.dtd"
    dtd.write_text('<!ENTITY secret "LEAKED">\n<!ELEMENT broken')
    prolog = f'<!DOCTYPE PubmedArticleSet SYSTEM "{dtd.as_uri()}">\n'
    data = article_xml(article="<ArticleTitle>a &secret; b</ArticleTitle>")
    data = data.replace(b"<PubmedArticleSet>", prolog.encode() + b"<PubmedArticleSet>", 1)
    assert only_article(data).title == "a b"


def test_pubmed_public_doctype_is_accepted_offline() -> None:
    data = article_xml(article="<ArticleTitle>Fine.</ArticleTitle>")
    data = data.replace(b"<PubmedArticleSet>", PUBLIC_DOCTYPE.encode() + b"<PubmedArticleSet>")
    assert only_article(data).title == "Fine."
