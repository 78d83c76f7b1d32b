"""Builders of SYNTHETIC PubMed XML for the parser tests: every value they produce is invented.

Kept out of conftest.py so that test modules can import them by name.
"""

from __future__ import annotations

from pathlib import Path

from evidence.models import Article, Record
from evidence.pubmed import iter_records

FIXTURES = Path(__file__).resolve().parents[2] / "fixtures" / "pubmed"


def citation(pmid: str = "90000100", *, article: str = "", extra: str = "") -> str:
    """A synthetic MedlineCitation: PMID, the given Article children, then `extra` children."""
    pmid_element = f'<PMID Version="1">{pmid}</PMID>' if pmid else ""
    return (
        f'<MedlineCitation Status="MEDLINE" Owner="NLM">{pmid_element}'
        f"<Article>{article}</Article>{extra}</MedlineCitation>"
    )


def document(*records: str, root: str = "PubmedArticleSet", prolog: str = "") -> bytes:
    """A synthetic PubMed XML document holding `records` as given."""
    body = "\n".join(records)
    return f'<?xml version="1.0"?>\n{prolog}<{root}>\n{body}\n</{root}>\n'.encode()


def article_xml(
    pmid: str = "90000100", *, article: str = "", extra: str = "", pubmed_data: str = ""
) -> bytes:
    """A document with one synthetic PubmedArticle; `pubmed_data` adds PubmedData children."""
    data = f"<PubmedData>{pubmed_data}</PubmedData>" if pubmed_data else ""
    record = citation(pmid, article=article, extra=extra)
    return document(f"<PubmedArticle>{record}{data}</PubmedArticle>")


def parse_all(data: bytes) -> list[Record]:
    """Every record of `data`, parsed under the name "synthetic.xml"."""
    return list(iter_records(data, name="synthetic.xml"))


def only_article(data: bytes) -> Article:
    """Parse `data` and return its single record, checking that it is an Article."""
    records = parse_all(data)
    assert len(records) == 1
    record = records[0]
    assert isinstance(record, Article)
    return record
