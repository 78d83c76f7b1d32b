"""Ingest stage, records: build `Article`, `BookArticle` and `Deletion` from record elements.

Reads one complete record element at a time (`PubmedArticle`, a pre-2017 `MedlineCitation`,
`PubmedBookArticle` or `DeleteCitation`); writes nothing. Each container is walked once, child
by child, with a dispatch on the tag: that is several times faster than one `find` per field,
and it ignores elements and attributes that a newer DTD adds. Unknown values stay ``None``.
"""

from __future__ import annotations

from datetime import date
from typing import cast

from lxml import etree

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
from evidence.pmid import parse_pmid, valid_pmid
from evidence.pubmed.dates import read_pub_date, read_year, read_ymd
from evidence.pubmed.text import clean_text, inline_text

__all__ = ["read_article", "read_book_article", "read_deletion", "read_version"]

# One per reference of the cited paper, thousands in some files; not needed downstream.
_SKIPPED_REF_TYPES = frozenset({"Cites"})
# The largest `PMID Version` the warehouse's INTEGER column holds.
_MAX_VERSION = 2**31 - 1


class _Draft:
    """The fields of an `Article` while its elements are read."""

    __slots__ = (
        "abstract_sections",
        "article_year",
        "authors",
        "date_completed",
        "date_revised",
        "doi",
        "elocation_doi",
        "issn",
        "journal",
        "journal_iso",
        "keywords",
        "languages",
        "links",
        "mesh_headings",
        "other_pmcid",
        "pmcid",
        "pmid",
        "pub_date",
        "pub_date_raw",
        "pub_year",
        "publication_types",
        "title",
        "vernacular_title",
        "version",
    )

    def __init__(self) -> None:
        self.pmid: int | None = None
        self.version = 1
        self.date_revised: date | None = None
        self.date_completed: date | None = None
        self.pub_date: date | None = None
        self.title: str | None = None
        self.vernacular_title: str | None = None
        self.journal: str | None = None
        self.journal_iso: str | None = None
        self.issn: str | None = None
        self.pub_date_raw: str | None = None
        self.doi: str | None = None
        self.elocation_doi: str | None = None
        self.pmcid: str | None = None
        self.other_pmcid: str | None = None
        self.pub_year: int | None = None
        self.article_year: int | None = None
        self.abstract_sections: tuple[AbstractSection, ...] = ()
        self.authors: tuple[Author, ...] = ()
        self.publication_types: tuple[PublicationType, ...] = ()
        self.mesh_headings: tuple[MeshHeading, ...] = ()
        self.links: tuple[ArticleLink, ...] = ()
        self.languages: list[str] = []
        self.keywords: list[str] = []


def read_article(record: etree._Element, label: str) -> Article:
    """Build an `Article` from a `PubmedArticle` or a pre-2017 `MedlineCitation` element.

    Raises:
        XmlParseError: the record has no MedlineCitation, no PMID, or a PMID that is not a
            number from 1 to `MAX_PMID`.
    """
    line = _source_line(record)
    citation: etree._Element | None = None
    pubmed_data: etree._Element | None = None
    if record.tag == "MedlineCitation":
        citation = record
    else:
        for child in record:
            if child.tag == "MedlineCitation":
                citation = child
            elif child.tag == "PubmedData":
                pubmed_data = child
    if citation is None:
        raise XmlParseError(f"{label}:{line}: <{record.tag}> has no <MedlineCitation>")
    draft = _Draft()
    _read_citation(citation, draft, label)
    if draft.pmid is None:
        raise XmlParseError(f"{label}:{line}: <{record.tag}> has no PMID")
    if pubmed_data is not None:
        _read_pubmed_data(pubmed_data, draft)
    return Article(
        pmid=draft.pmid,
        version=draft.version,
        status=citation.get("Status") or None,
        date_revised=draft.date_revised,
        date_completed=draft.date_completed,
        title=draft.title,
        vernacular_title=draft.vernacular_title,
        abstract_sections=draft.abstract_sections,
        journal=draft.journal,
        journal_iso=draft.journal_iso,
        issn=draft.issn,
        pub_year=draft.pub_year if draft.pub_year is not None else draft.article_year,
        pub_date=draft.pub_date,
        pub_date_raw=draft.pub_date_raw,
        languages=tuple(draft.languages),
        doi=draft.doi or draft.elocation_doi,
        pmcid=draft.pmcid or draft.other_pmcid,
        authors=draft.authors,
        publication_types=draft.publication_types,
        mesh_headings=draft.mesh_headings,
        keywords=tuple(draft.keywords),
        links=draft.links,
        source_line=line,
    )


def read_book_article(record: etree._Element, label: str) -> BookArticle:
    """Build a `BookArticle` from a `PubmedBookArticle` element (its `BookDocument/PMID`).

    Raises:
        XmlParseError: the record has no PMID, or one that is not a number from 1 to
            `MAX_PMID`.
    """
    for child in record:
        if child.tag == "BookDocument":
            for field in child:
                if field.tag == "PMID":
                    pmid = _read_pmid(field, label)
                    return BookArticle(pmid=pmid, source_line=_source_line(record))
    raise XmlParseError(f"{label}:{_source_line(record)}: <{record.tag}> has no PMID")


def read_deletion(record: etree._Element, label: str) -> Deletion:
    """Build a `Deletion` with every PMID of a `DeleteCitation` element.

    Raises:
        XmlParseError: the element lists no PMID, or one that is not a number from 1 to
            `MAX_PMID`.
    """
    pmids = tuple(_read_pmid(child, label) for child in record if child.tag == "PMID")
    line = _source_line(record)
    if not pmids:
        raise XmlParseError(f"{label}:{line}: <{record.tag}> has no PMID")
    return Deletion(pmids=pmids, source_line=line)


def _source_line(element: etree._Element) -> int | None:
    """The line of `element`'s start tag (lxml-stubs leave `sourceline` untyped)."""
    return cast("int | None", element.sourceline)


def _read_pmid(element: etree._Element, label: str) -> int:
    text = (element.text or "").strip()
    if not text:
        raise XmlParseError(f"{label}:{_source_line(element)}: <PMID> is empty")
    try:
        return parse_pmid(text)
    except ValueError as exc:
        raise XmlParseError(f"{label}:{_source_line(element)}: {exc}") from None


def read_version(text: str) -> int:
    """A `PMID Version`; one that is not a number the warehouse can hold counts as 1."""
    if text.isascii() and text.isdigit() and len(text) <= 10 and int(text) <= _MAX_VERSION:
        return int(text)
    return 1


def _read_citation(citation: etree._Element, draft: _Draft, label: str) -> None:
    for child in citation:
        tag = child.tag
        if tag == "Article":
            _read_article_element(child, draft)
        elif tag == "PMID":
            draft.pmid = _read_pmid(child, label)
            draft.version = read_version(child.get("Version", "1"))
        elif tag == "MeshHeadingList":
            draft.mesh_headings = _read_mesh_headings(child)
        elif tag == "KeywordList":
            draft.keywords.extend(_read_keywords(child))
        elif tag == "CommentsCorrectionsList":
            draft.links = _read_links(child)
        elif tag == "DateRevised":
            draft.date_revised = read_ymd(child)
        elif tag == "DateCompleted":
            draft.date_completed = read_ymd(child)
        elif tag == "OtherID" and draft.other_pmcid is None:
            # Pre-2017 files have no ArticleIdList; their PMC id sits in OtherID Source="NLM",
            # as in "PMC4688250 [Available on 12/22/16]".
            text = child.text or ""
            if child.get("Source") == "NLM" and text.startswith("PMC"):
                draft.other_pmcid = text.split(None, 1)[0]


def _read_article_element(article: etree._Element, draft: _Draft) -> None:
    languages = draft.languages
    for child in article:
        tag = child.tag
        if tag == "Journal":
            _read_journal(child, draft)
        elif tag == "ArticleTitle":
            draft.title = inline_text(child)
        elif tag == "Abstract":
            draft.abstract_sections = _read_abstract(child)
        elif tag == "AuthorList":
            draft.authors = _read_authors(child)
        elif tag == "Language":
            language = clean_text(child.text)
            if language is not None:
                languages.append(language)
        elif tag == "PublicationTypeList":
            draft.publication_types = _read_publication_types(child)
        elif tag == "ELocationID":
            if (
                draft.elocation_doi is None
                and child.get("EIdType") == "doi"
                and child.get("ValidYN", "Y") == "Y"
            ):
                draft.elocation_doi = clean_text(child.text)
        elif tag == "VernacularTitle":
            draft.vernacular_title = inline_text(child)
        elif tag == "ArticleDate" and draft.article_year is None:
            draft.article_year = read_year(child)


def _read_journal(journal: etree._Element, draft: _Draft) -> None:
    for child in journal:
        tag = child.tag
        if tag == "Title":
            draft.journal = clean_text(child.text)
        elif tag == "ISOAbbreviation":
            draft.journal_iso = clean_text(child.text)
        elif tag == "ISSN" and draft.issn is None:
            draft.issn = clean_text(child.text)
        elif tag == "JournalIssue":
            for field in child:
                if field.tag == "PubDate":
                    pub_date = read_pub_date(field)
                    draft.pub_year = pub_date.year
                    draft.pub_date = pub_date.date
                    draft.pub_date_raw = pub_date.raw


def _read_abstract(abstract: etree._Element) -> tuple[AbstractSection, ...]:
    sections = []
    for child in abstract:
        if child.tag == "AbstractText":
            text = inline_text(child)
            if text is not None:
                label = child.get("Label")
                category = child.get("NlmCategory")
                sections.append(
                    AbstractSection(clean_text(label) if label else None, category or None, text)
                )
    return tuple(sections)


def _read_authors(author_list: etree._Element) -> tuple[Author, ...]:
    authors = []
    for author in author_list:
        if author.tag != "Author":
            continue
        last = fore = initials = collective = orcid = None
        affiliations: tuple[str, ...] = ()
        for child in author:
            tag = child.tag
            if tag == "LastName":
                last = clean_text(child.text)
            elif tag == "ForeName":
                fore = clean_text(child.text)
            elif tag == "Initials":
                initials = clean_text(child.text)
            elif tag == "AffiliationInfo":
                for info in child:
                    if info.tag == "Affiliation":
                        affiliation = inline_text(info)
                        if affiliation is not None:
                            affiliations += (affiliation,)
            elif tag == "CollectiveName":
                collective = inline_text(child)
            elif tag == "Identifier" and child.get("Source") == "ORCID" and orcid is None:
                orcid = clean_text(child.text)
        if last or fore or initials or collective:
            authors.append(Author(last, fore, initials, collective, affiliations, orcid))
    return tuple(authors)


def _read_publication_types(type_list: etree._Element) -> tuple[PublicationType, ...]:
    types = []
    for child in type_list:
        if child.tag == "PublicationType":
            name = clean_text(child.text)
            if name is not None:
                types.append(PublicationType(child.get("UI") or None, name))
    return tuple(types)


def _read_mesh_headings(heading_list: etree._Element) -> tuple[MeshHeading, ...]:
    headings = []
    for heading in heading_list:
        if heading.tag != "MeshHeading":
            continue
        descriptor: etree._Element | None = None
        qualifiers: tuple[MeshQualifier, ...] = ()
        for child in heading:
            tag = child.tag
            if tag == "DescriptorName":
                descriptor = child
            elif tag == "QualifierName":
                name = clean_text(child.text)
                if name is not None:
                    major = child.get("MajorTopicYN") == "Y"
                    qualifiers += (MeshQualifier(child.get("UI") or None, name, major),)
        if descriptor is None:
            continue
        descriptor_name = clean_text(descriptor.text)
        if descriptor_name is not None:
            headings.append(
                MeshHeading(
                    descriptor.get("UI") or None,
                    descriptor_name,
                    descriptor.get("MajorTopicYN") == "Y",
                    qualifiers,
                )
            )
    return tuple(headings)


def _read_keywords(keyword_list: etree._Element) -> list[str]:
    keywords = []
    for child in keyword_list:
        if child.tag == "Keyword":
            keyword = inline_text(child)
            if keyword is not None:
                keywords.append(keyword)
    return keywords


def _read_links(link_list: etree._Element) -> tuple[ArticleLink, ...]:
    links = []
    for entry in link_list:
        ref_type = entry.get("RefType")
        if entry.tag != "CommentsCorrections" or not ref_type or ref_type in _SKIPPED_REF_TYPES:
            continue
        ref_source = pmid = None
        for child in entry:
            if child.tag == "RefSource":
                ref_source = clean_text(child.text)
            elif child.tag == "PMID":
                # The PMID of another record: one that cannot be a PMID is dropped, and
                # the link kept, rather than refusing this record for it.
                text = (child.text or "").strip()
                number = int(text) if text.isascii() and text.isdigit() and len(text) < 20 else 0
                pmid = number if valid_pmid(number) else None
        links.append(ArticleLink(ref_type, pmid, ref_source))
    return tuple(links)


def _read_pubmed_data(pubmed_data: etree._Element, draft: _Draft) -> None:
    # Only PubmedData/ArticleIdList: the ArticleIdLists inside ReferenceList are the cited
    # papers' ids, not this record's.
    for child in pubmed_data:
        if child.tag != "ArticleIdList":
            continue
        for article_id in child:
            id_type = article_id.get("IdType")
            if id_type == "doi" and draft.doi is None:
                draft.doi = clean_text(article_id.text)
            elif id_type == "pmc" and draft.pmcid is None:
                draft.pmcid = clean_text(article_id.text)
