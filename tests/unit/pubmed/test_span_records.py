"""Cutting a plain file by byte offsets (`span_records`) gives the pieces `split_records`
gives, reading only around each cut; whatever `split_records` refuses, it refuses too."""

from __future__ import annotations

import gzip
from pathlib import Path

import pytest
from xmlbuild import HEAD, TAIL, article

from evidence.pubmed import SplitError, iter_records, split_records
from evidence.pubmed import split as split_module
from evidence.pubmed.source import CHUNK_SIZE
from evidence.pubmed.split import Span, read_span, span_records

BOOK = (
    '<PubmedBookArticle><BookDocument><PMID Version="1">555</PMID></BookDocument>'
    "</PubmedBookArticle>\n"
)


def _file(tmp_path: Path, n: int = 120, tail: str = TAIL) -> Path:
    parts = [article(p, revised="2021") for p in range(1, n // 2)]
    parts += [BOOK, '<DeleteCitation><PMID Version="1">1</PMID></DeleteCitation>\n']
    parts += [article(p, revised="2021") for p in range(n // 2, n)]
    path = tmp_path / "f.xml"
    path.write_text(HEAD + "".join(parts) + tail, encoding="utf-8")
    return path


def _spans(path: Path, piece_bytes: int) -> list[Span]:
    spans = span_records(path, piece_bytes=piece_bytes)
    assert spans is not None
    return list(spans)


def _check(path: Path, spans: list[Span], piece_bytes: int) -> None:
    """Each span but the last ends where `split_records` cuts a buffer starting at it (the
    last record end tag within ``piece_bytes``, else the first beyond); the spans follow each
    other; their documents hold every record of the file, in order."""
    data = path.read_bytes()
    ends = (b"</PubmedArticle>", b"</PubmedBookArticle>", b"</DeleteCitation>")
    assert data[: spans[0].start].endswith(b"<PubmedArticleSet>")
    for span in spans[:-1]:
        assert split_module._cut(data[span.start :], ends, piece_bytes) == span.end - span.start
    assert [s.start for s in spans[1:]] == [s.end for s in spans[:-1]]
    assert data[spans[-1].end :].strip() == b"</PubmedArticleSet>"
    records = [r for s in spans for r in iter_records(read_span(s))]
    assert records == list(iter_records(path))


@pytest.mark.parametrize("window", [64, 1000, 256 << 10])
@pytest.mark.parametrize("piece_bytes", [100, 3_000, 20_000, 10_000_000])
def test_spans_cut_where_split_records_cuts(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch, window: int, piece_bytes: int
) -> None:
    monkeypatch.setattr(split_module, "_WINDOW", window)  # windows smaller than a record
    path = _file(tmp_path)
    spans = _spans(path, piece_bytes)
    assert len(spans) > 3 or piece_bytes > path.stat().st_size
    _check(path, spans, piece_bytes)


def test_spans_are_the_pieces_of_split_records_when_a_piece_spans_many_reads(
    tmp_path: Path,
) -> None:
    # split_records cuts when a read brings a piece's worth; with pieces several reads
    # long its documents and the spans' are the same bytes
    path = _file(tmp_path, n=20_000)
    piece_bytes = 12 * CHUNK_SIZE
    spans = _spans(path, piece_bytes)
    assert len(spans) > 2
    pieces = [p.data for p in split_records(path, piece_bytes=piece_bytes)]
    assert [read_span(s) for s in spans] == pieces


def test_sample_files(tmp_path: Path) -> None:
    root = Path(__file__).resolve().parents[3] / "data" / "sample"
    for path in sorted(root.glob("*.xml")):
        for piece_bytes in (5_000, 50_000):
            _check(path, _spans(path, piece_bytes), piece_bytes)


def test_a_gzip_file_is_left_to_split_records(tmp_path: Path) -> None:
    path = _file(tmp_path)
    packed = tmp_path / "f.xml.gz"
    packed.write_bytes(gzip.compress(path.read_bytes()))
    assert span_records(packed) is None


@pytest.mark.parametrize(
    "tail", ["<!-- a comment after the last record -->" + TAIL, "", "<x/>" + TAIL]
)
def test_unusual_endings_are_refused_as_split_records_refuses_them(
    tmp_path: Path, tail: str
) -> None:
    path = _file(tmp_path, n=8, tail=tail)
    with pytest.raises(SplitError, match="unexpected content after the last record"):
        list(split_records(path, piece_bytes=100))
    with pytest.raises(SplitError, match="unexpected content after the last record"):
        _spans(path, 100)


def test_a_record_longer_than_the_limit_is_refused(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setattr(split_module, "MAX_UNCUT_BYTES", 1_000)
    monkeypatch.setattr(split_module, "_WINDOW", 64)
    long_title = article(7, revised="2021").replace(
        "<ArticleTitle>", "<ArticleTitle>" + "x" * 5_000
    )
    assert len(long_title) > 5_000
    path = tmp_path / "long.xml"
    path.write_text(HEAD + article(1) + long_title + TAIL, encoding="utf-8")
    with pytest.raises(SplitError, match="a record longer than 1000 bytes"):
        _spans(path, 100)


def test_a_span_of_a_file_that_shrank_is_refused(tmp_path: Path) -> None:
    path = _file(tmp_path)
    spans = _spans(path, 3_000)
    path.write_bytes(path.read_bytes()[: spans[-1].start + 10])
    with pytest.raises(SplitError, match="changed while it was read"):
        read_span(spans[-1])
