"""`evidence draft`: draft the claims file of a health article (drafting stage, edges).

Reads the article and the vocabulary (``data/vocab``); writes the draft to ``--out`` or to
standard output. A missing, unreadable or empty article is bad input (exit 2, one line).
"""

from __future__ import annotations

import sys
from pathlib import Path
from typing import Annotated

import typer

from evidence.config import Settings
from evidence.drafting.article import read_article
from evidence.drafting.drafter import draft_claims
from evidence.drafting.output import render_draft
from evidence.errors import InputError
from evidence.tagging import load_vocabulary

__all__ = ["draft_command"]


def draft_command(
    article: Annotated[Path, typer.Argument(help="The article: .txt, .md, or a saved .html page")],
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Write the draft claims file here (default: standard output)"),
    ] = None,
) -> None:
    """Draft the claims file of a health article for an editor to review: one claim per
    checkable statement, each with the article's sentence and `reviewed: false`, and the
    statements left out with the reason."""
    settings = Settings.from_env()
    vocab = load_vocabulary(settings.vocab_dir)
    draft = draft_claims(read_article(article), vocab)
    text = render_draft(draft, article=article.name)
    if out is None:
        sys.stdout.write(text)
        return
    try:
        out.write_text(text, encoding="utf-8")
    except OSError as exc:
        raise InputError(f"{out}: cannot write: {exc.strerror or exc}") from exc
    print(
        f"draft: {len(draft.claims)} claims, {len(draft.left_out)} statements left out -> {out}",
        file=sys.stderr,
    )
