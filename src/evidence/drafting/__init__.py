"""Drafting stage: a health article to a draft claims file for an editor to review.

Reads an article file (``.txt``, ``.md``, a saved ``.html`` page) and the vocabulary in
``data/vocab/``; writes nothing itself (the command writes the draft). Pure between the
edges: `read_article` (input) -> `draft_claims` -> `render_draft` (text out).

    >>> article = read_article(Path("article.html"))          # doctest: +SKIP
    >>> draft = draft_claims(article, load_vocabulary(Path("data/vocab")))  # doctest: +SKIP
    >>> print(render_draft(draft))                            # doctest: +SKIP
"""

from __future__ import annotations

from evidence.drafting.article import Article, Block, parse_html, parse_text, read_article
from evidence.drafting.drafter import Draft, DraftClaim, LeftOut, draft_claims
from evidence.drafting.output import render_draft

__all__ = [
    "Article",
    "Block",
    "Draft",
    "DraftClaim",
    "LeftOut",
    "draft_claims",
    "parse_html",
    "parse_text",
    "read_article",
    "render_draft",
]
