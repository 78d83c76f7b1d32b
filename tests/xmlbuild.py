"""Builders of small synthetic PubMed XML files for tests (importable from any test)."""

from __future__ import annotations

from pathlib import Path

HEAD = '<?xml version="1.0"?>\n<PubmedArticleSet>\n'
TAIL = "</PubmedArticleSet>\n"


def article(
    pmid: int, title: str = "Dry needling for neck pain", version: int = 1, revised: str = "2020"
) -> str:
    """A small synthetic PubmedArticle."""
    return f"""<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">
<PMID Version="{version}">{pmid}</PMID>
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


def write(path: Path, body: str) -> Path:
    path.write_text(HEAD + body + TAIL, encoding="utf-8")
    return path
