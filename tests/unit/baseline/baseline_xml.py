"""Small SYNTHETIC PubMed files for the baseline tests: article, deletion and book elements."""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

from xmlbuild import HEAD, TAIL, article

__all__ = ["article", "book", "deletion", "write_pubmed"]


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
    path.write_text(HEAD + "".join(parts) + TAIL, encoding="utf-8")
    return path
