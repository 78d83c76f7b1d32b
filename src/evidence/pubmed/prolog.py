"""Ingest stage, safety gate: check the prolog of a PubMed XML file before lxml sees it.

Reads the first decompressed bytes of a source; writes nothing. It finds the root element's
name and refuses, in bounded time and memory, what a PubMed file never contains and an
attacker needs: a DOCTYPE with an internal subset (where ``<!ENTITY`` declarations live, so
no billion-laughs expansion and no external entity such as ``file:///etc/passwd``), an
encoding that is not ASCII-compatible, or anything that is not XML at all. Real PubMed files
carry only a PUBLIC external DOCTYPE, which is accepted (the parser never fetches it).
"""

from __future__ import annotations

import re
from collections.abc import Iterator
from dataclasses import dataclass

from evidence.errors import SHOWN_CHARS, XmlParseError, quoted

__all__ = ["MAX_PROLOG_BYTES", "Prolog", "read_prolog"]

# Real prologs are about 250 bytes; a longer one is refused rather than buffered.
MAX_PROLOG_BYTES = 64 * 1024

_BOM = b"\xef\xbb\xbf"
_XML_SPACE = b" \t\r\n"
# Openings of prolog items, to tell a chunk that ends inside one from one that is not XML.
_MARKERS = (b"<!--", b"<!DOCTYPE")
_NAME = re.compile(rb"[A-Za-z_:][-A-Za-z0-9._:]*")
_ENCODING = re.compile(rb"""encoding\s*=\s*["']([A-Za-z0-9._-]+)["']""")
# Encodings in which the bytes scanned here mean what they look like.
_SAFE_ENCODINGS = frozenset({"utf-8", "utf8", "us-ascii", "ascii", "iso-8859-1", "latin-1"})


@dataclass(frozen=True, slots=True)
class Prolog:
    """What the prolog says: the root element's name and line, and the bytes read so far."""

    root: str
    line: int
    head: bytes


class _NeedMore(Exception):
    """The bytes read so far end inside the prolog."""


def read_prolog(chunks: Iterator[bytes], label: str) -> Prolog:
    """Read chunks until the root start tag is seen; refuse unsafe or non-XML input.

    Raises:
        XmlParseError: empty input, not XML, a DOCTYPE with an internal subset, an unsupported
            encoding, or a prolog longer than MAX_PROLOG_BYTES.
    """
    head = b""
    for chunk in chunks:
        head += chunk
        try:
            root, line = _scan(head, label)
            return Prolog(root, line, head)
        except _NeedMore:
            if len(head) > MAX_PROLOG_BYTES:
                raise XmlParseError(
                    f"{label}:{_line(head, len(head))}: no root element in the first "
                    f"{MAX_PROLOG_BYTES} bytes"
                ) from None
    if not head.strip(_BOM + _XML_SPACE):
        raise XmlParseError(f"{label}:1: empty file, not XML")
    raise XmlParseError(f"{label}:{_line(head, len(head))}: file ends before its root element")


def _scan(head: bytes, label: str) -> tuple[str, int]:
    """The root element's name and line, after checking every prolog item before it."""
    pos = len(_BOM) if head.startswith(_BOM) else 0
    if head.startswith(b"<?xml", pos):
        end = _find(head, b"?>", pos)
        _check_encoding(head[pos:end], label)
        pos = end + 2
    while True:
        while pos < len(head) and head[pos] in _XML_SPACE:
            pos += 1
        if pos >= len(head):
            raise _NeedMore
        if head.startswith(b"<!--", pos):
            pos = _find(head, b"-->", pos + 4) + 3
        elif head.startswith(b"<?", pos):
            pos = _find(head, b"?>", pos + 2) + 2
        elif head.startswith(b"<!DOCTYPE", pos):
            pos = _skip_doctype(head, pos, label)
        elif head.startswith(b"<", pos) and not head.startswith(b"<!", pos):
            match = _NAME.match(head, pos + 1)
            if match is None and pos + 1 < len(head):
                raise XmlParseError(f"{label}:{_line(head, pos)}: not XML ({_shown(head, pos)})")
            if match is None or match.end() == len(head):
                raise _NeedMore
            return match.group().decode("ascii"), _line(head, pos)
        elif any(marker.startswith(head[pos:]) for marker in _MARKERS):
            raise _NeedMore
        else:
            raise XmlParseError(f"{label}:{_line(head, pos)}: not XML ({_shown(head, pos)})")


def _skip_doctype(head: bytes, pos: int, label: str) -> int:
    """The position after a DOCTYPE declaration that has no internal subset."""
    quote = 0
    for i in range(pos + len(b"<!DOCTYPE"), len(head)):
        byte = head[i]
        if quote:
            if byte == quote:
                quote = 0
        elif byte in b"\"'":
            quote = byte
        elif byte == ord("["):
            raise XmlParseError(
                f"{label}:{_line(head, i)}: refused: DOCTYPE with an internal subset "
                "(entity declarations are never expanded)"
            )
        elif byte == ord(">"):
            return i + 1
    raise _NeedMore


def _check_encoding(declaration: bytes, label: str) -> None:
    match = _ENCODING.search(declaration)
    if match is None:
        return
    encoding = match.group(1).decode("ascii").lower()
    if encoding not in _SAFE_ENCODINGS:
        raise XmlParseError(f"{label}:1: refused: unsupported encoding {encoding!r}")


def _find(head: bytes, marker: bytes, start: int) -> int:
    found = head.find(marker, start)
    if found < 0:
        raise _NeedMore
    return found


def _line(head: bytes, pos: int) -> int:
    return head.count(b"\n", 0, pos) + 1


def _shown(head: bytes, pos: int) -> str:
    # Enough bytes for SHOWN_CHARS characters of any kind; `quoted` escapes binary bytes.
    return "starts with " + quoted(head[pos : pos + 4 * SHOWN_CHARS])
