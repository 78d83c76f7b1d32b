"""Record fields: one test per PubMed oddity, on hand-written synthetic records."""

from __future__ import annotations

from datetime import date

import pytest
from synthetic_pubmed import FIXTURES, article_xml, document, only_article, parse_all

from evidence.errors import XmlParseError
from evidence.models import (
    AbstractSection,
    Article,
    ArticleLink,
    Author,
    BookArticle,
    Deletion,
    MeshHeading,
    MeshQualifier,
    PublicationType,
)
from evidence.pubmed import iter_records


@pytest.fixture(scope="module")
def full() -> Article:
    records = list(iter_records(FIXTURES / "full_record.xml"))
    assert len(records) == 1
    assert isinstance(records[0], Article)
    return records[0]


@pytest.fixture(scope="module")
def sparse() -> list[object]:
    return list(iter_records(FIXTURES / "sparse_records.xml"))


def test_identity_status_and_version(full: Article) -> None:
    assert (full.pmid, full.version, full.status) == (90000001, 2, "MEDLINE")
    assert full.source_line == 9


def test_structured_abstract_keeps_labels_categories_and_order(full: Article) -> None:
    assert full.abstract_sections == (
        AbstractSection("BACKGROUND", "BACKGROUND", "Neck pain is common."),
        AbstractSection(
            "METHODS", "METHODS", "We measured pain in m2 units, with V2 as the second outcome."
        ),
        AbstractSection("RESULTS AND DISCUSSION", "RESULTS", "Pain fell by half."),
        AbstractSection("CONCLUSIONS", "CONCLUSIONS", "Dry needling helps."),
    )
    assert full.abstract is not None
    assert "copyright" not in full.abstract.lower()


def test_unstructured_abstract_is_one_section_without_label(sparse: list[object]) -> None:
    record = sparse[1]
    assert isinstance(record, Article)
    assert record.abstract_sections == (AbstractSection(None, None, "One paragraph, no label."),)


def test_record_without_abstract_has_no_sections(sparse: list[object]) -> None:
    record = sparse[0]
    assert isinstance(record, Article)
    assert record.abstract_sections == ()
    assert record.abstract is None


def test_empty_abstract_text_is_no_section() -> None:
    article = "<Abstract><AbstractText Label='A'/><AbstractText> </AbstractText></Abstract>"
    assert only_article(article_xml(article=article)).abstract_sections == ()


def test_inline_markup_in_titles_and_keywords(full: Article) -> None:
    assert full.title == "[Dry needling of trigger points with CO2-laser: a trial]."
    assert full.vernacular_title == "Trockennadelung von Triggerpunkten: eine Studie."
    assert full.keywords == ("myofascial pain", "trigger point", "CO2 laser")


def test_journal_fields_take_the_first_issn(full: Article) -> None:
    assert (full.journal, full.journal_iso, full.issn) == (
        "Synthetic journal of manual therapy",
        "Synth J Man Ther",
        "5555-0001",
    )


def test_pub_date_and_revision_dates(full: Article) -> None:
    assert (full.pub_year, full.pub_date, full.pub_date_raw) == (
        2021,
        date(2021, 9, 7),
        "2021 Sep 07",
    )
    assert (full.date_revised, full.date_completed) == (date(2023, 11, 30), date(2021, 3, 4))


def test_medline_date_gives_year_month_and_raw_text(sparse: list[object]) -> None:
    record = sparse[1]
    assert isinstance(record, Article)
    assert (record.pub_year, record.pub_date, record.pub_date_raw) == (
        1998,
        date(1998, 12, 1),
        "1998 Dec-1999 Jan",
    )


def test_article_date_year_is_the_fallback_when_pub_date_has_none() -> None:
    article = (
        "<Journal><JournalIssue><PubDate><MedlineDate>Undated</MedlineDate></PubDate>"
        "</JournalIssue></Journal>"
        "<ArticleDate DateType='Electronic'><Year>2022</Year><Month>05</Month><Day>01</Day>"
        "</ArticleDate>"
    )
    record = only_article(article_xml(article=article))
    assert (record.pub_year, record.pub_date, record.pub_date_raw) == (2022, None, "Undated")


def test_no_date_at_all_leaves_year_none() -> None:
    record = only_article(article_xml(article="<ArticleTitle>t</ArticleTitle>"))
    assert (record.pub_year, record.pub_date, record.pub_date_raw) == (None, None, None)


def test_authors_with_affiliations_orcid_and_collective_name(full: Article) -> None:
    assert full.authors == (
        Author(
            last_name="Exampleson",
            fore_name="Ann B",
            initials="AB",
            affiliations=(
                "Synthetic Institute of Physiotherapy, Nowhere.",
                "Invented University, Department of Tests.",
            ),
            orcid="0000-0000-0000-0001",
        ),
        Author(collective_name="Synthetic Trigger Point Study Group"),
    )


def test_missing_author_list_and_empty_author(sparse: list[object]) -> None:
    no_list, with_empty_author = sparse[0], sparse[1]
    assert isinstance(no_list, Article)
    assert isinstance(with_empty_author, Article)
    assert no_list.authors == ()
    assert with_empty_author.authors == (Author(last_name="Nobody", initials="N"),)


def test_ids_come_from_the_record_not_from_its_references(full: Article) -> None:
    # The fixture's ReferenceList carries another doi and pmc id; ELocationID a third doi.
    assert (full.doi, full.pmcid) == ("10.5555/synthetic.0001", "PMC9000001")


def test_elocation_doi_is_the_fallback_and_must_be_valid(sparse: list[object]) -> None:
    record = sparse[1]
    assert isinstance(record, Article)
    assert (record.doi, record.pmcid) == ("10.5555/elocation.only", None)


def test_languages_in_order(full: Article) -> None:
    assert full.languages == ("eng", "ger")


def test_publication_types_keep_their_ui(full: Article) -> None:
    assert full.publication_types == (
        PublicationType("D016428", "Journal Article"),
        PublicationType("D016449", "Randomized Controlled Trial"),
    )


def test_mesh_headings_with_qualifiers_and_major_topics(full: Article) -> None:
    assert full.mesh_headings == (
        MeshHeading(
            "D019547",
            "Neck Pain",
            False,
            (
                MeshQualifier("Q000628", "therapy", True),
                MeshQualifier("Q000453", "epidemiology", False),
            ),
        ),
        MeshHeading("D000077585", "Dry Needling", True),
        MeshHeading("D006801", "Humans", False),
    )


def test_links_keep_every_ref_type_but_cites(full: Article) -> None:
    assert full.links == (
        ArticleLink("CommentIn", 90000002, "Synth J Man Ther. 2022;13(1):5."),
        ArticleLink("RetractionIn", 90000003, "Synth J Man Ther. 2023;14(2):9."),
        ArticleLink("ErratumIn", None, "Synth J Man Ther. 2021;12(4):2."),
    )
    assert full.is_retracted


def test_book_article_and_deletion(sparse: list[object]) -> None:
    assert sparse[2:] == [
        BookArticle(pmid=90000013, source_line=33),
        Deletion(pmids=(90000098, 90000099), source_line=39),
    ]


def test_legacy_medline_citation_set() -> None:
    records = list(iter_records(FIXTURES / "legacy_medline.xml"))
    assert [type(record) for record in records] == [Article, Article, Deletion]
    first, second, deletion = records
    assert isinstance(first, Article)
    assert isinstance(second, Article)
    # DateCreated is legacy and ignored; OtherID Source="NLM" gives the PMC id; Cites dropped.
    assert (first.pmid, first.date_revised, first.pmcid, first.links) == (
        90000021,
        None,
        "PMC9000021",
        (),
    )
    assert (first.pub_year, first.pub_date, first.pub_date_raw) == (
        2015,
        date(2015, 10, 1),
        "2015 Oct-Dec",
    )
    assert (second.pmid, second.status, second.pub_date_raw) == (
        90000022,
        "In-Process",
        "2016 Spring",
    )
    assert deletion == Deletion(pmids=(90000097,), source_line=51)


def test_unknown_elements_and_attributes_are_ignored() -> None:
    article = (
        "<FutureBlock Kind='new'><ArticleTitle>not the title</ArticleTitle></FutureBlock>"
        "<ArticleTitle NewAttr='1'>The title</ArticleTitle>"
    )
    extra = (
        "<FutureList><MeshHeading><DescriptorName>no</DescriptorName></MeshHeading></FutureList>"
    )
    record = only_article(article_xml(article=article, extra=extra))
    assert (record.title, record.mesh_headings) == ("The title", ())


@pytest.mark.parametrize(
    ("record", "message"),
    [
        pytest.param(
            "<PubmedArticle>\n<MedlineCitation><Article/></MedlineCitation></PubmedArticle>",
            r"^synthetic\.xml:3: <PubmedArticle> has no PMID$",
            id="article-without-pmid",
        ),
        pytest.param(
            "<PubmedArticle><PubmedData/></PubmedArticle>",
            r"^synthetic\.xml:3: <PubmedArticle> has no <MedlineCitation>$",
            id="article-without-citation",
        ),
        pytest.param(
            "<PubmedArticle><MedlineCitation><PMID>12a</PMID></MedlineCitation></PubmedArticle>",
            r"^synthetic\.xml:3: PMID '12a' is not a number$",
            id="pmid-not-a-number",
        ),
        pytest.param(
            "<PubmedArticle><MedlineCitation><PMID>1\u202e2&#x85;[2J"
            + "9" * 5000
            + "</PMID></MedlineCitation></PubmedArticle>",
            r"^synthetic\.xml:3: PMID '1\\u202e2\\x85\[2J9{33}'\.\.\. is not a number$",
            id="pmid-with-controls-and-overlong",
        ),
        pytest.param(
            "<PubmedArticle><MedlineCitation><PMID> </PMID></MedlineCitation></PubmedArticle>",
            r"^synthetic\.xml:3: <PMID> is empty$",
            id="empty-pmid",
        ),
        pytest.param(
            "<PubmedBookArticle><BookDocument/></PubmedBookArticle>",
            r"^synthetic\.xml:3: <PubmedBookArticle> has no PMID$",
            id="book-without-pmid",
        ),
        pytest.param(
            "<DeleteCitation></DeleteCitation>",
            r"^synthetic\.xml:3: <DeleteCitation> has no PMID$",
            id="deletion-without-pmid",
        ),
    ],
)
def test_record_without_a_usable_pmid_is_an_error(record: str, message: str) -> None:
    with pytest.raises(XmlParseError, match=message):
        parse_all(document(record))


def test_records_before_a_bad_one_are_yielded() -> None:
    records = iter_records(FIXTURES / "missing_pmid.xml")
    first = next(records)
    assert isinstance(first, Article)
    assert first.pmid == 90000041
    with pytest.raises(XmlParseError, match=r"missing_pmid\.xml:6: <PubmedArticle> has no PMID"):
        next(records)


def test_pmid_version_that_is_not_a_number_defaults_to_one() -> None:
    data = document(
        "<PubmedArticle><MedlineCitation><PMID Version='x'>90000401</PMID></MedlineCitation>"
        "</PubmedArticle>"
    )
    assert only_article(data).version == 1


@pytest.mark.parametrize(
    ("pmid", "message"),
    [
        pytest.param("0", r"PMID '0' is not a positive number", id="zero"),
        pytest.param("000", r"PMID '000' is not a positive number", id="zeros"),
        pytest.param("-5", r"PMID '-5' is not a number", id="negative"),
        pytest.param(str(2**63), rf"PMID '{2**63}' is out of range", id="2**63"),
        pytest.param("9" * 5000, r"PMID '9{40}'\.\.\. is out of range", id="huge"),
        pytest.param("1e9", r"PMID '1e9' is not a number", id="not-digits"),
        pytest.param("\u0663", r"PMID '\u0663' is not a number", id="non-ascii-digit"),
    ],
)
@pytest.mark.parametrize(
    "template",
    [
        "<PubmedArticle><MedlineCitation><PMID>{}</PMID></MedlineCitation></PubmedArticle>",
        "<PubmedBookArticle><BookDocument><PMID>{}</PMID></BookDocument></PubmedBookArticle>",
        "<DeleteCitation><PMID>1</PMID><PMID>{}</PMID></DeleteCitation>",
    ],
    ids=["article", "book", "deletion"],
)
def test_a_pmid_that_is_not_a_positive_bigint_is_an_error(
    template: str, pmid: str, message: str
) -> None:
    with pytest.raises(XmlParseError, match=rf"^synthetic\.xml:3: {message}") as caught:
        parse_all(document(template.format(pmid)))
    assert "\n" not in str(caught.value) and len(str(caught.value)) < 200


def test_the_largest_bigint_is_still_a_pmid() -> None:
    data = document(
        f"<PubmedArticle><MedlineCitation><PMID>{2**63 - 1}</PMID></MedlineCitation>"
        "</PubmedArticle>"
    )
    assert only_article(data).pmid == 2**63 - 1


def test_a_link_to_an_impossible_pmid_keeps_the_link_without_it() -> None:
    data = document(
        "<PubmedArticle><MedlineCitation><PMID>90000402</PMID><CommentsCorrectionsList>"
        '<CommentsCorrections RefType="ErratumIn"><RefSource>J 1</RefSource>'
        f"<PMID>{2**64}</PMID></CommentsCorrections></CommentsCorrectionsList>"
        "</MedlineCitation></PubmedArticle>"
    )
    assert only_article(data).links == (ArticleLink("ErratumIn", None, "J 1"),)


def test_pmid_version_too_large_for_the_warehouse_defaults_to_one() -> None:
    data = document(
        f"<PubmedArticle><MedlineCitation><PMID Version='{2**31}'>90000403</PMID>"
        "</MedlineCitation></PubmedArticle>"
    )
    assert only_article(data).version == 1
