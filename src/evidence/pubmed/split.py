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

import re
from collections.abc import Iterator
from dataclasses import dataclass
from pathlib import Path
from typing import BinaryIO

from evidence.pubmed.prolog import read_prolog
from evidence.pubmed.source import SourceStream, source_label

__all__ = ["MAX_UNCUT_BYTES", "Piece", "SplitError", "split_records"]

_END_TAGS: dict[str, tuple[bytes, ...]] = {
    "PubmedArticleSet": (b"</PubmedArticle>", b"</PubmedBookArticle>", b"</DeleteCitation>"),
    "MedlineCitationSet": (b"</MedlineCitation>", b"</DeleteCitation>"),
}
_XML_DECL = re.compile(rb"^\s*(<\?xml[^>]*\?>)")
# A record longer than this (or 4 pieces) is not cut: the caller parses the file in one
# stream, where libxml2's limits refuse a hostile record (a 2 GB text node) in bounded memory.
MAX_UNCUT_BYTES = 32 << 20
_SEAM = max(len(tag) for tags in _END_TAGS.values() for tag in tags)


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
    ends = _END_TAGS.get(prolog.root)
    if ends is None:
        raise SplitError(f"{label}: root <{prolog.root}> is not a PubMed file")
    start = re.compile(rb"<" + prolog.root.encode() + rb"(\s[^>]*)?>").search(prolog.head)
    if start is None:
        raise SplitError(f"{label}: root start tag not found")
    declaration = _XML_DECL.match(prolog.head)
    opening = (declaration.group(1) + b"\n" if declaration else b"") + start.group()
    closing = b"</" + prolog.root.encode() + b">"
    parts = [prolog.head[start.end() :]]
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
