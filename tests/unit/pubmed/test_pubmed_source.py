"""Reading sources: paths, streams and bytes; gzip found by its magic bytes; bounded chunks."""

from __future__ import annotations

import gzip
import io
import re
import zlib
from pathlib import Path

import pytest
from synthetic_pubmed import article_xml, document

from evidence.errors import XmlParseError
from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.pubmed.source import CHUNK_SIZE, SourceStream, source_label

XML = article_xml("90000201", article="<ArticleTitle>Synthetic title.</ArticleTitle>")


def _pmids(source: Path | io.BytesIO | bytes) -> list[int]:
    return [record.pmid for record in iter_records(source) if isinstance(record, Article)]


@pytest.mark.parametrize(
    ("file_name", "compress"),
    [
        pytest.param("plain.xml", False, id="plain-xml"),
        pytest.param("packed.xml.gz", True, id="gzip-xml-gz"),
        pytest.param("packed-but-named.xml", True, id="gzip-named-xml"),
        pytest.param("plain-but-named.xml.gz", False, id="plain-named-gz"),
        pytest.param("no-suffix", True, id="gzip-no-suffix"),
    ],
)
def test_gzip_is_detected_by_magic_bytes_not_by_name(
    tmp_path: Path, file_name: str, compress: bool
) -> None:
    path = tmp_path / file_name
    path.write_bytes(gzip.compress(XML) if compress else XML)
    assert _pmids(path) == [90000201]


@pytest.mark.parametrize("compress", [False, True], ids=["plain", "gzip"])
def test_path_stream_and_bytes_give_the_same_records(tmp_path: Path, compress: bool) -> None:
    data = gzip.compress(XML) if compress else XML
    path = tmp_path / "x.xml"
    path.write_bytes(data)
    assert _pmids(path) == _pmids(io.BytesIO(data)) == _pmids(data) == [90000201]


def test_concatenated_gzip_members_are_one_stream() -> None:
    # `cat a.gz b.gz` is valid gzip; split a document in two members at an arbitrary byte.
    middle = len(XML) // 2
    data = gzip.compress(XML[:middle]) + gzip.compress(XML[middle:])
    assert _pmids(data) == [90000201]


def test_truncated_gzip_names_the_line_reached(tmp_path: Path) -> None:
    records = [
        f"<PubmedArticle><MedlineCitation><PMID>{90000300 + i}</PMID>\n"
        "<Article><ArticleTitle>Synthetic.</ArticleTitle></Article>\n"
        "</MedlineCitation></PubmedArticle>"
        for i in range(2000)
    ]
    packed = gzip.compress(document(*records), compresslevel=1)
    path = tmp_path / "cut.xml.gz"
    path.write_bytes(packed[: len(packed) // 2])
    seen: list[int] = []
    with pytest.raises(XmlParseError, match=r"cut\.xml\.gz:(\d+): gzip data ends early") as info:
        for record in iter_records(path):
            assert isinstance(record, Article)
            seen.append(record.pmid)
    match = re.search(r":(\d+): ", str(info.value))
    assert match is not None
    assert seen, "the records before the cut are still yielded"
    assert int(match.group(1)) > 3 * len(seen)  # each record spans three lines


def test_corrupt_gzip_is_an_input_error() -> None:
    packed = bytearray(gzip.compress(XML * 4))
    packed[20:40] = b"\xff" * 20
    with pytest.raises(XmlParseError, match=r"^<bytes>:\d+: corrupt gzip data"):
        list(iter_records(bytes(packed)))


def test_gzip_output_comes_in_bounded_chunks() -> None:
    # A gzip bomb: 64 MiB of zeros packs into about 64 KiB; it must never be inflated at once.
    bomb = gzip.compress(b"\0" * (64 * 1024 * 1024), compresslevel=9)
    sizes = [len(chunk) for chunk in SourceStream(bomb, "bomb")]
    assert sum(sizes) == 64 * 1024 * 1024
    assert max(sizes) <= CHUNK_SIZE


def test_plain_stream_is_read_in_chunks_and_lines_are_counted() -> None:
    data = b"x\n" * CHUNK_SIZE
    stream = SourceStream(io.BytesIO(data), "lines")
    chunks = list(stream)
    assert b"".join(chunks) == data
    assert len(chunks) == 2
    assert stream.lines_read == CHUNK_SIZE


def test_one_byte_stream_is_not_mistaken_for_gzip() -> None:
    assert b"".join(SourceStream(io.BytesIO(b"\x1f"), "tiny")) == b"\x1f"


def test_missing_file_is_an_input_error(tmp_path: Path) -> None:
    missing = tmp_path / "absent.xml"
    with pytest.raises(XmlParseError, match=r"absent\.xml: cannot open: No such file"):
        list(iter_records(missing))


def test_unreadable_stream_is_an_input_error() -> None:
    class _Broken(io.RawIOBase):
        def readable(self) -> bool:
            return True

        def readinto(self, buffer: object) -> int:
            raise OSError(5, "Input/output error")

    with pytest.raises(XmlParseError, match=r"^<stream>:1: cannot read: Input/output error$"):
        list(iter_records(_Broken()))  # type: ignore[arg-type]


@pytest.mark.parametrize(
    ("source", "name", "expected"),
    [
        pytest.param(Path("data/raw/a.xml"), None, "data/raw/a.xml", id="path"),
        pytest.param(Path("data/raw/a.xml"), "efetch batch 3", "efetch batch 3", id="name-wins"),
        pytest.param(b"<x/>", None, "<bytes>", id="bytes"),
        pytest.param(io.BytesIO(b"<x/>"), None, "<stream>", id="unnamed-stream"),
    ],
)
def test_source_label(source: Path | io.BytesIO | bytes, name: str | None, expected: str) -> None:
    assert source_label(source, name) == expected


def test_source_label_of_an_open_file_is_its_path(tmp_path: Path) -> None:
    path = tmp_path / "named.xml"
    path.write_bytes(XML)
    with path.open("rb") as stream:
        assert source_label(stream, None) == str(path)


def test_zlib_errors_do_not_escape_untranslated() -> None:
    # Valid gzip header, then garbage: zlib raises, the caller must only ever see XmlParseError.
    data = gzip.compress(b"<a/>")[:10] + b"\x00garbage" * 10
    with pytest.raises(XmlParseError) as info:
        list(iter_records(data))
    assert isinstance(info.value.__cause__, zlib.error)
