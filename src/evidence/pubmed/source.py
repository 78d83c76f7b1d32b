"""Ingest stage, first step: turn a PubMed XML source into a stream of decompressed chunks.

Reads a path, an open binary stream or bytes; writes nothing. A gzip source is recognised by
its magic bytes (never by its file name) and decompressed incrementally with a bounded output
size per step, so a file of any size, or a gzip bomb, never sits in memory at once. Read and
decompression failures become one-line `XmlParseError`s that name the source and the line the
data had reached.
"""

from __future__ import annotations

import zlib
from collections.abc import Generator, Iterator
from pathlib import Path
from typing import BinaryIO

from evidence.errors import XmlParseError

__all__ = ["CHUNK_SIZE", "SourceStream", "source_label"]

# 256 KiB: large enough that the per-chunk Python overhead vanishes, small enough that the
# parse events queued per chunk stay a handful of records.
CHUNK_SIZE = 256 * 1024

_GZIP_MAGIC = b"\x1f\x8b"
_GZIP_WBITS = 16 + zlib.MAX_WBITS


def source_label(source: Path | BinaryIO | bytes, name: str | None) -> str:
    """The name that error messages use for `source`: `name`, the path, or a placeholder."""
    if name is not None:
        return name
    if isinstance(source, Path):
        return str(source)
    if isinstance(source, bytes | bytearray | memoryview):
        return "<bytes>"
    stream_name = getattr(source, "name", None)
    return stream_name if isinstance(stream_name, str) else "<stream>"


class SourceStream:
    """Decompressed chunks of one source, counting the lines handed out so far.

    Iterate over it once. ``lines_read`` is the number of newlines in the chunks yielded so
    far, so ``lines_read + 1`` is the line the data had reached when a read failed.
    """

    __slots__ = ("_label", "_source", "lines_read")

    def __init__(self, source: Path | BinaryIO | bytes, label: str) -> None:
        self._source = source
        self._label = label
        self.lines_read = 0

    def __iter__(self) -> Generator[bytes, None, None]:
        if isinstance(self._source, Path):
            try:
                stream: BinaryIO = self._source.open("rb")
            except OSError as exc:
                raise XmlParseError(f"{self._label}: cannot open: {_reason(exc)}") from exc
            with stream:
                yield from self._decoded(stream)
        elif isinstance(self._source, bytes | bytearray | memoryview):
            yield from self._decoded_bytes(bytes(self._source))
        else:
            yield from self._decoded(self._source)

    def _decoded(self, stream: BinaryIO) -> Iterator[bytes]:
        raw = self._raw_chunks(stream)
        first = next(raw, b"")
        # A one-byte file cannot show the two magic bytes; take one more chunk to decide.
        while len(first) < len(_GZIP_MAGIC):
            more = next(raw, b"")
            if not more:
                break
            first += more
        chunks = _prepend(first, raw)
        yield from self._counted(_gunzip(chunks) if first[:2] == _GZIP_MAGIC else chunks)

    def _decoded_bytes(self, data: bytes) -> Iterator[bytes]:
        chunks = (data[i : i + CHUNK_SIZE] for i in range(0, len(data), CHUNK_SIZE))
        yield from self._counted(_gunzip(chunks) if data[:2] == _GZIP_MAGIC else chunks)

    def _raw_chunks(self, stream: BinaryIO) -> Iterator[bytes]:
        while True:
            try:
                data = stream.read(CHUNK_SIZE)
            except OSError as exc:
                raise XmlParseError(
                    f"{self._label}:{self.lines_read + 1}: cannot read: {_reason(exc)}"
                ) from exc
            if not data:
                return
            yield data

    def _counted(self, chunks: Iterator[bytes]) -> Iterator[bytes]:
        line = self.lines_read + 1
        try:
            for chunk in chunks:
                yield chunk
                self.lines_read += chunk.count(b"\n")
                line = self.lines_read + 1
        except _TruncatedGzip as exc:
            raise XmlParseError(
                f"{self._label}:{line}: gzip data ends early (truncated file)"
            ) from exc
        except zlib.error as exc:
            raise XmlParseError(f"{self._label}:{line}: corrupt gzip data ({exc})") from exc


class _TruncatedGzip(Exception):
    """The compressed data stopped before the end-of-stream marker of its gzip member."""


def _prepend(first: bytes, rest: Iterator[bytes]) -> Iterator[bytes]:
    if first:
        yield first
    yield from rest


def _gunzip(chunks: Iterator[bytes]) -> Iterator[bytes]:
    """Decompress gzip data, at most CHUNK_SIZE output bytes per step.

    Several gzip members one after the other are valid gzip (e.g. files joined with `cat`).
    """
    inflater = zlib.decompressobj(_GZIP_WBITS)
    for chunk in chunks:
        pending = chunk
        while pending:
            if inflater.eof:
                inflater = zlib.decompressobj(_GZIP_WBITS)
            out = inflater.decompress(pending, CHUNK_SIZE)
            pending = inflater.unused_data if inflater.eof else inflater.unconsumed_tail
            if out:
                yield out
    tail = inflater.flush()
    if tail:
        yield tail
    if not inflater.eof:
        raise _TruncatedGzip


def _reason(exc: OSError) -> str:
    return exc.strerror or str(exc) or type(exc).__name__
