"""Small SYNTHETIC PubMed files for the baseline tests: article, deletion and book elements."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

HEAD = '<?xml version="1.0"?>\n<PubmedArticleSet>\n'


def article(pmid: int, title: str = "Dry needling for neck pain", revised: str = "2020") -> str:
    """A small synthetic PubmedArticle."""
    return f"""<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
<PMID Version="1">{pmid}</PMID>
<DateRevised><Year>{revised}</Year><Month>01</Month><Day>01</Day></DateRevised>
<Article><Journal><JournalIssue><PubDate><Year>2019</Year></PubDate></JournalIssue>
<Title>Synthetic Test Journal</Title></Journal><ArticleTitle>{title}</ArticleTitle>
<Abstract><AbstractText Label="CONCLUSIONS" NlmCategory="CONCLUSIONS">Dry needling reduced
neck pain compared with sham in the short term.</AbstractText></Abstract>
<AuthorList><Author><LastName>Doe</LastName><ForeName>Jane</ForeName></Author></AuthorList>
<Language>eng</Language>
<PublicationTypeList><PublicationType UI="D016449">Randomized Controlled Trial</PublicationType>
</PublicationTypeList></Article>
<MeshHeadingList><MeshHeading><DescriptorName UI="D019547" MajorTopicYN="Y">Neck Pain
</DescriptorName></MeshHeading></MeshHeadingList></MedlineCitation>
<PubmedData><ArticleIdList><ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList>
</PubmedData></PubmedArticle>
"""


def deletion(*pmids: int) -> str:
    return "<DeleteCitation>" + "".join(f"<PMID>{p}</PMID>" for p in pmids) + "</DeleteCitation>\n"


def book(pmid: int) -> str:
    return (
        f'<PubmedBookArticle><BookDocument><PMID Version="1">{pmid}</PMID>'
        "<ArticleTitle>A synthetic book chapter</ArticleTitle></BookDocument>"
        "</PubmedBookArticle>\n"
    )


def write_pubmed(path: Path, parts: Sequence[str]) -> Path:
    """Write ``parts`` (article / deletion / book elements) as one PubMed file."""
    path.write_text(HEAD + "".join(parts) + "</PubmedArticleSet>\n", encoding="utf-8")
    return path
