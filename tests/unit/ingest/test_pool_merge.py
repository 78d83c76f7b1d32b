"""The parallel path: worker batches merged before the upsert; a worker's tagger."""

from __future__ import annotations

import duckdb
import pytest
from xmlbuild import HEAD, TAIL, article

from evidence.ingest import pool
from evidence.ingest.pool import merged, parse_piece
from evidence.ingest.steps import Segment
from evidence.models import Article, Finding, Tag
from evidence.pubmed import iter_records
from evidence.store import connect
from evidence.store.load import Batch, build_batch, merge_batches, upsert_batch


def articles(*specs: tuple[int, str]) -> list[Article]:
    """Parsed synthetic articles, one per (pmid, DateRevised year)."""
    text = HEAD + "".join(article(p, title=f"T{p} {y}", revised=y) for p, y in specs) + TAIL
    return [r for r in iter_records(text.encode()) if isinstance(r, Article)]


def seg(*specs: tuple[int, str], key: str | None = None) -> Segment:
    arts = articles(*specs)
    analyses = [([], []) for _ in arts] if key is not None else None
    return Segment(batch=build_batch(arts, analyses, tagger_key=key), records=len(arts))


def shape(segments: list[Segment]) -> list[object]:
    """Each segment as the PMIDs of its batch, or ("del", pmids) / ("count", records)."""
    out: list[object] = []
    for s in segments:
        if s.batch is not None:
            out.append(s.batch.pmids)
        elif s.deletion:
            out.append(("del", s.deletion))
        else:
            out.append(("count", s.records))
    return out


def test_consecutive_batches_merge_up_to_the_limit() -> None:
    parts = [seg((1, "2020"), (2, "2020")), seg((3, "2020")), seg((4, "2020"), (5, "2020"))]
    out = list(merged(parts, limit=3))
    assert shape(out) == [[1, 2, 3], [4, 5]]
    assert [s.records for s in out] == [3, 2]
    assert out[0].batch is not None
    assert out[0].batch.tables["pm_article"].num_rows == 3
    assert out[0].batch.tables["pm_author"].num_rows == 3


def test_a_repeated_pmid_a_deletion_or_another_tagger_key_ends_the_merge() -> None:
    parts = [
        seg((1, "2020")),
        seg((2, "2020")),
        seg((2, "2021")),  # PMID 2 again: its own batch, so the version rule decides
        Segment(books=1, records=1),  # counted only: passes through without a break
        seg((3, "2020")),
        Segment(deletion=(1,)),
        seg((4, "2020")),
        seg((5, "2020"), key="k"),
    ]
    out = list(merged(parts, limit=100))
    assert shape(out) == [[1, 2], ("count", 1), [2, 3], ("del", (1,)), [4], [5]]
    assert out[-1].batch is not None and out[-1].batch.tagger_key == "k"


def test_a_merged_batch_loads_like_its_parts_one_by_one(con: duckdb.DuckDBPyConnection) -> None:
    alone = connect(":memory:")
    for c in (con, alone):  # both hold PMID 2 (older) and 3 (newer than the incoming copy)
        upsert_batch(c, build_batch(articles((2, "2019"), (3, "2022"))), source="before")
    parts = [seg((1, "2020"), (2, "2020")), seg((3, "2021"), (4, "2020")), seg((5, "2020"))]
    one = merge_batches([p.batch for p in parts if p.batch is not None])
    counts_each = [upsert_batch(alone, p.batch, source="f") for p in parts if p.batch]
    counts_one = upsert_batch(con, one, source="f")
    assert (
        (counts_one.inserted, counts_one.updated, counts_one.skipped)
        == (
            sum(c.inserted for c in counts_each),
            sum(c.updated for c in counts_each),
            sum(c.skipped for c in counts_each),
        )
        == (3, 1, 1)
    )
    query = "SELECT pmid, title, date_revised, content_hash FROM pm_article ORDER BY pmid"
    assert con.execute(query).fetchall() == alone.execute(query).fetchall()


def test_merge_batches_keeps_one_batch_as_it_is() -> None:
    only = seg((1, "2020"))
    assert only.batch is not None
    assert merge_batches([only.batch]) is only.batch
    assert isinstance(merge_batches([only.batch, only.batch]), Batch)


def test_a_worker_loads_its_tagger_for_the_first_piece_it_tags(
    monkeypatch: pytest.MonkeyPatch,
) -> None:
    class Counting:
        key = "counting"

        def tag(self, article: Article) -> tuple[list[Tag], list[Finding]]:
            return [], []

    made: list[Counting] = []

    def factory() -> Counting:
        made.append(Counting())
        return made[-1]

    monkeypatch.setattr(pool, "_worker_factory", [factory])
    monkeypatch.setattr(pool, "_worker_tagger", [])
    data = (HEAD + article(1) + article(2) + TAIL).encode()
    untagged = parse_piece(data, "a.xml", tag=False)
    assert made == []  # a run that tags nothing never loads the vocabulary
    assert [s.batch.tagger_key for s in untagged if s.batch] == [None]
    tagged = parse_piece(data, "a.xml") + parse_piece(data, "a.xml")
    assert len(made) == 1
    assert [s.batch.tagger_key for s in tagged if s.batch] == ["counting", "counting"]


def test_a_wait_sends_what_is_held_once_it_holds_enough() -> None:
    parts = [
        seg((1, "2020")),
        None,  # the next piece is not back yet: 1 record held, fewer than 2
        seg((2, "2020")),
        None,  # 2 held: they go out
        seg((3, "2020")),
        seg((4, "2020")),
        seg((5, "2020")),
        None,  # 3 held: they go out
        seg((6, "2020")),
    ]
    assert shape(list(merged(parts, limit=3, flush=2))) == [[1, 2], [3, 4, 5], [6]]
    assert shape(list(merged(parts, limit=3))) == [[1, 2, 3], [4, 5, 6]]  # waits ignored
