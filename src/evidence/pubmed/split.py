"""Ingest stage, for big files: cut a PubMed XML source into self-contained documents.

Reads a path (plain or gzip); writes nothing. After the same safety gate as `iter_records`
(`read_prolog`), the decompressed bytes are cut right after a record's end tag
(``</PubmedArticle>``, ``</PubmedBookArticle>``, ``</DeleteCitation>``; ``</MedlineCitation>``
in pre-2017 files), and each piece is wrapped in the file's own prolog and root tags, so
that worker processes can parse the pieces in parallel with `iter_records` and the records
come back in file order. Cutting is byte search, no parsing: anything unusual (text after
the last record, no closing root tag, a record end tag inside a comment) makes `SplitError`
or a parse error in a piece, and the caller parses the file in one stream instead, which
reports the exact line.
"""

from __future__ import annotations

import os
import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evidence.pubmed.prolog import read_prolog
from evidence.pubmed.source import SourceStream, source_label

__all__ = [
    "MAX_UNCUT_BYTES",
    "Piece",
    "Span",
    "SplitError",
    "read_span",
    "span_records",
    "split_records",
]

_END_TAGS: dict[str, tuple[bytes, ...]] = {
    "PubmedArticleSet": (b"</PubmedArticle>", b"</PubmedBookArticle>", b"</DeleteCitation>"),
    "MedlineCitationSet": (b"</MedlineCitation>", b"</DeleteCitation>"),
}
_XML_DECL = re.compile(rb"^\s*(<\?xml[^>]*\?>)")
# A record longer than this (or 4 pieces) is not cut: the caller parses the file in one
# stream, where libxml2's limits refuse a hostile record (a 2 GB text node) in bounded memory.
MAX_UNCUT_BYTES = 32 << 20
_SEAM = max(len(tag) for tags in _END_TAGS.values() for tag in tags)
# What `span_records` reads at a time around a cut, looking for a record end tag.
_WINDOW = 256 << 10
_GZIP_MAGIC = b"\x1f\x8b"


class SplitError(Exception):
    """The source cannot be cut safely; parse it in one stream instead."""


@dataclass(frozen=True, slots=True)
class Piece:
    """A self-contained document holding a run of consecutive records of the source."""

    data: bytes
    ends: tuple[bytes, ...]

    @property
    def records(self) -> int:
        """How many records the piece holds (counted when asked: the ingest never asks)."""
        return sum(self.data.count(tag) for tag in self.ends)


@dataclass(frozen=True, slots=True)
class Span:
    """A run of consecutive records of a plain (not gzip) file, by byte offsets: the
    document that `read_span` makes of it holds what a `Piece` would (the records between
    ``start`` and ``end`` wrapped in the file's prolog and root tags), read by whoever
    parses it rather than by the process that cuts the file."""

    path: str
    start: int
    end: int
    opening: bytes
    closing: bytes


def read_span(span: Span) -> bytes:
    """The self-contained document of ``span``, read from its file.

    Raises:
        SplitError: the file is shorter than the span (it changed since it was cut).
        OSError: the file cannot be read.
    """
    with open(span.path, "rb") as fh:
        body = os.pread(fh.fileno(), span.end - span.start, span.start)
    if len(body) != span.end - span.start:
        raise SplitError(f"{span.path}: the file changed while it was read in pieces")
    return b"".join((span.opening, body, span.closing))


def _frame(head: bytes, root: str, label: str) -> tuple[tuple[bytes, ...], bytes, bytes, int]:
    """The end tags, opening and closing of the pieces of a file whose prolog is ``head``,
    and where its first record may start (just after the root start tag)."""
    ends = _END_TAGS.get(root)
    if ends is None:
        raise SplitError(f"{label}: root <{root}> is not a PubMed file")
    start = re.compile(rb"<" + root.encode() + rb"(\s[^>]*)?>").search(head)
    if start is None:
        raise SplitError(f"{label}: root start tag not found")
    declaration = _XML_DECL.match(head)
    opening = (declaration.group(1) + b"\n" if declaration else b"") + start.group()
    return ends, opening, b"</" + root.encode() + b">", start.end()


def span_records(
    path: Path, *, name: str | None = None, piece_bytes: int = 8 << 20
) -> Iterator[Span] | None:
    """The records of a plain file as spans of about ``piece_bytes`` each, in order, cut as
    `split_records` cuts (after the last record end tag within ``piece_bytes``, else after
    the first one beyond), reading only the bytes around each cut; None for a gzip file
    (cut it with `split_records`, which must decompress it).

    Raises:
        XmlParseError: the prolog is unsafe or not XML (as `iter_records` would say).
        SplitError: the file has a shape this cutter does not handle (or is damaged); the
            spans before it may have been yielded already.
    """
    label = source_label(path, name)
    stream = SourceStream(path, label)
    chunks = iter(stream)
    try:
        first = next(chunks, b"")
        with path.open("rb") as fh:
            if fh.read(2) == _GZIP_MAGIC:
                return None
        prolog = read_prolog(_prepend(first, chunks), label)
    finally:
        chunks.close()
    frame = _frame(prolog.head, prolog.root, label)
    return _spans(path, label, frame, piece_bytes)


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    yield first
    yield from rest


def _spans(
    path: Path,
    label: str,
    frame: tuple[tuple[bytes, ...], bytes, bytes, int],
    piece_bytes: int,
) -> Iterator[Span]:
    ends, opening, closing, pos = frame
    name = os.path.abspath(path)  # read by worker processes, whatever their folder
    longest = max(4 * piece_bytes, MAX_UNCUT_BYTES)
    with path.open("rb") as fh:
        fd = fh.fileno()
        size = os.fstat(fd).st_size
        while size - pos > piece_bytes:
            cut = _last_end_in(fd, ends, pos, pos + piece_bytes)
            if not cut:
                cut = _first_end_from(fd, ends, pos + piece_bytes, min(size, pos + longest))
            if not cut:
                raise SplitError(f"{label}: a record longer than {longest} bytes")
            yield Span(name, pos, cut, opening, closing)
            pos = cut
        cut = _last_end_in(fd, ends, pos, size)
        tail = os.pread(fd, size - max(cut, pos), max(cut, pos))
        if tail.strip() != closing:
            raise SplitError(f"{label}: unexpected content after the last record")
        if cut:
            yield Span(name, pos, cut, opening, closing)


def _last_end_in(fd: int, ends: tuple[bytes, ...], low: int, high: int) -> int:
    """The file position just after the last end tag lying wholly in [low, high); 0: none.
    Reads windows downwards from ``high``, each overlapping the one above by a tag's length,
    so that a tag across two windows is found in the lower one."""
    top = high
    while top > low:
        bottom = max(low, top - _WINDOW)
        data = os.pread(fd, min(high, top + _SEAM) - bottom, bottom)
        at = _last_end(data, ends)
        if at:
            return bottom + at
        top = bottom
    return 0


def _first_end_from(fd: int, ends: tuple[bytes, ...], low: int, high: int) -> int:
    """The file position just after the first end tag that starts at or after ``low`` and
    lies wholly before ``high``; 0: none."""
    bottom = low
    while bottom < high:
        data = os.pread(fd, min(high, bottom + _WINDOW + _SEAM) - bottom, bottom)
        found = [at + len(tag) for tag in ends if (at := data.find(tag)) >= 0]
        if found:
            return bottom + min(found)
        bottom += _WINDOW
    return 0


def split_records(
    source: Path | BinaryIO, *, name: str | None = None, piece_bytes: int = 8 << 20
) -> Iterator[Piece]:
    """Yield the records of ``source`` as documents of about ``piece_bytes`` each, in order.

    Raises:
        XmlParseError: the prolog is unsafe or not XML (as `iter_records` would say).
        SplitError: the file has a shape this cutter does not handle (or is damaged).
    """
    label = source_label(source, name)
    chunks = iter(SourceStream(source, label))
    prolog = read_prolog(chunks, label)
    ends, opening, closing, first = _frame(prolog.head, prolog.root, label)
    parts = [prolog.head[first:]]
    size = len(parts[0])
    longest = max(4 * piece_bytes, MAX_UNCUT_BYTES)
    for chunk in chunks:
        # Once the buffer holds no end tag, only a chunk that brings one (maybe across the
        # seam) can make a cut: joining the buffer for every chunk would be quadratic.
        seam = parts[-1][-_SEAM:] + chunk[:_SEAM]
        parts.append(chunk)
        size += len(chunk)
        if size > longest:
            raise SplitError(f"{label}: a record longer than {longest} bytes")
        if size < piece_bytes or (
            size - len(chunk) >= piece_bytes and not _has_end(seam, chunk, ends)
        ):
            continue
        buffer = b"".join(parts)
        while (cut := _cut(buffer, ends, piece_bytes)) > 0:
            yield Piece(b"".join((opening, memoryview(buffer)[:cut], closing)), ends)
            buffer = buffer[cut:]
        parts, size = [buffer], len(buffer)
    buffer = b"".join(parts)
    cut = _last_end(buffer, ends)
    body, tail = buffer[:cut], buffer[cut:]
    if tail.strip() != closing:
        raise SplitError(f"{label}: unexpected content after the last record")
    if body.strip():
        yield Piece(opening + body + closing, ends)


def _has_end(seam: bytes, chunk: bytes, ends: tuple[bytes, ...]) -> bool:
    return any(tag in chunk or tag in seam for tag in ends)


def _cut(buffer: bytes, ends: tuple[bytes, ...], limit: int) -> int:
    """Where to end a piece: after the last record end tag within ``limit`` bytes, else
    after the first one beyond it; 0 when ``buffer`` is shorter than ``limit`` or has none."""
    if len(buffer) < limit:
        return 0
    best = 0
    for tag in ends:
        # Only a later end can win, so each tag is looked for after the best one so far: a
        # tag the file lacks (book records, deletions) no longer costs a scan of the piece.
        # No end tag starts inside another (each begins with its only "<"), so none is missed.
        at = buffer.rfind(tag, best, limit)
        if at >= 0:
            best = at + len(tag)
    if best:
        return best
    later = [at + len(tag) for tag in ends if (at := buffer.find(tag, limit)) >= 0]
    return min(later, default=0)


def _last_end(buffer: bytes, ends: tuple[bytes, ...]) -> int:
    """The position just after the last record end tag in ``buffer`` (0 when none)."""
    best = 0
    for tag in ends:
        at = buffer.rfind(tag)
        if at >= 0:
            best = max(best, at + len(tag))
    return best
