"""Tagging many records at once (`VocabTagger.tag_many`, `analyse_all`) gives exactly what
tagging them one by one gives."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.ingest import load_tagger
from evidence.models import Article, Finding, Tag
from evidence.pubmed import iter_records
from evidence.store import tags as store_tags
from evidence.store.tags import analyse_all

ROOT = Path(__file__).resolve().parents[3]
FILES = [ROOT / "tests" / "eval" / "devset.xml", *sorted((ROOT / "data" / "sample").glob("*.xml"))]


@pytest.fixture(scope="module")
def articles() -> list[Article]:
    return [r for f in FILES for r in iter_records(f) if isinstance(r, Article)]


def test_tag_many_equals_tag_one_by_one(articles: list[Article]) -> None:
    tagger = load_tagger(ROOT / "data" / "vocab")
    one_by_one = [tagger.tag(a) for a in articles]
    assert len(articles) > 100
    assert sum(len(t) for t, _ in one_by_one) > 0
    assert sum(len(f) for _, f in one_by_one) > 0
    assert tagger.tag_many(articles) == one_by_one
    assert analyse_all(tagger, articles) == one_by_one


class _Counting:
    """A tagger that records how `analyse_all` calls it."""

    key = "counting"

    def __init__(self) -> None:
        self.calls: list[int] = []

    def tag(self, article: Article) -> tuple[list[Tag], list[Finding]]:
        return [Tag(article.pmid, "design", str(article.pmid), "test", "")], []

    def tag_many(self, articles: list[Article]) -> list[tuple[list[Tag], list[Finding]]]:
        self.calls.append(len(articles))
        return [self.tag(a) for a in articles]


def test_analyse_all_chunks_in_order(
    articles: list[Article], monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(store_tags, "TAG_CHUNK", 100)
    tagger = _Counting()
    out = analyse_all(tagger, articles)
    assert [t[0].pmid for t, _ in out] == [a.pmid for a in articles]
    assert tagger.calls == [100] * (len(articles) // 100) + (
        [len(articles) % 100] if len(articles) % 100 else []
    )


def test_analyse_all_without_tag_many(articles: list[Article]) -> None:
    class OneByOne:
        key = "one"

        def tag(self, article: Article) -> tuple[list[Tag], list[Finding]]:
            return [], []

    assert analyse_all(OneByOne(), articles[:5]) == [([], [])] * 5
