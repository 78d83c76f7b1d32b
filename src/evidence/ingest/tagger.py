"""The tagging stage as the ingest sees it: a `VocabTagger` over one vocabulary.

A module of its own, light to import (the tagging stage is imported when a tagger is made
or used), so that the parallel ingest's forkserver, which loads the vocabulary for its
workers (`evidence.ingest.preload`), imports neither the engine nor DuckDB.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import TYPE_CHECKING

from evidence.models import Article, Finding, Tag

if TYPE_CHECKING:
    from evidence.tagging import Vocabulary

__all__ = ["VocabTagger", "load_tagger"]


@dataclass(frozen=True, slots=True)
class VocabTagger:
    """The tagging stage as the store sees it: tags + findings from one vocabulary."""

    vocab: Vocabulary

    @property
    def key(self) -> str:
        from evidence.tagging import TAGGER_VERSION

        return f"{TAGGER_VERSION}:{self.vocab.fingerprint}"

    def tag(self, article: Article) -> tuple[list[Tag], list[Finding]]:
        from evidence.tagging import analyse_article

        return analyse_article(article, self.vocab)

    def tag_many(self, articles: Sequence[Article]) -> list[tuple[list[Tag], list[Finding]]]:
        """`tag` of each article, in order, step by step over them all (faster; see
        `evidence.tagging.analyse_articles`)."""
        from evidence.tagging import analyse_articles

        return analyse_articles(articles, self.vocab)


def load_tagger(vocab_dir: Path) -> VocabTagger:
    """The tagger for the vocabulary in ``vocab_dir`` (worker processes get theirs through
    `evidence.ingest.preload.VocabSource`), its big regex built from what an earlier run
    kept (`evidence.ingest.regexes.RegexCache`: the same pattern, ~0.2 CPU-s less)."""
    from evidence.ingest.regexes import RegexCache
    from evidence.tagging import load_vocabulary

    return VocabTagger(load_vocabulary(vocab_dir, compile_regex=RegexCache()))
