"""SYNTHETIC hostile inputs for the parsers, made lazily: a 2 GiB document is a stream that
builds its bytes as they are read, or a small file of repeated gzip members, never 2 GiB in
memory or on disk.

Run as a script (``python hostile_inputs.py CASE``), it feeds one case to the parser in this
fresh process and prints a JSON line: the error message, the seconds taken and the peak
RSS of the process, so that a test can bound the memory a hostile input costs.
"""

from __future__ import annotations

import io
import json
import sys
import time
import zlib
from collections.abc import Callable
from pathlib import Path

__all__ = ["CASES", "GIB", "LazyDocument", "gzip_members", "write_gzip_bomb"]

GIB = 1 << 30
_XML_HEAD = b'<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><MedlineCitation>'
_RECORD = b'<PMID Version="1">90000777</PMID><Article><ArticleTitle>'
_MEDLINE_HEAD = b"PMID- 90000778\nTI  - Synthetic hostile record.\nAB  - "


class LazyDocument(io.RawIOBase):
    """``head``, then ``filler`` repeated to ``size`` bytes in all, then ``tail``; each
    byte is made when it is read."""

    def __init__(self, head: bytes, filler: bytes, size: int, tail: bytes = b"") -> None:
        super().__init__()
        self._parts = (head, filler, tail)
        self._body = size - len(head) - len(tail)
        self._block = filler * max(1, (1 << 16) // len(filler))
        self._pos = 0

    def readable(self) -> bool:
        return True

    def readinto(self, buffer: memoryview) -> int:  # type: ignore[override]
        head, _, tail = self._parts
        n = len(buffer)
        pos = self._pos
        if pos < len(head):
            data = head[pos : pos + n]
        elif pos < len(head) + self._body:
            offset = (pos - len(head)) % len(self._block)
            left = len(head) + self._body - pos
            data = (self._block[offset:] + self._block)[: min(n, left)]
        else:
            start = pos - len(head) - self._body
            data = tail[start : start + n]
        buffer[: len(data)] = data
        self._pos += len(data)
        return len(data)


def gzip_members(head: bytes, filler: bytes, size: int, tail: bytes) -> list[bytes]:
    """Gzip members whose concatenation unpacks to head + filler… + tail (``size`` bytes).

    One 16 MiB member of filler is compressed once and repeated: valid gzip (members may
    follow each other), about 1,000 times smaller than what it unpacks to."""
    block = filler * ((16 << 20) // len(filler))
    packed = _gzip(block)
    members = [_gzip(head)] + [packed] * ((size - len(head) - len(tail)) // len(block))
    return [*members, _gzip(tail)]


def write_gzip_bomb(path: Path, head: bytes, filler: bytes, size: int, tail: bytes) -> Path:
    """Write the members of `gzip_members` to ``path``."""
    with path.open("wb") as fh:
        for member in gzip_members(head, filler, size, tail):
            fh.write(member)
    return path


def _gzip(data: bytes) -> bytes:
    packer = zlib.compressobj(9, zlib.DEFLATED, 16 + zlib.MAX_WBITS)
    return packer.compress(data) + packer.flush()


def _records(stream: io.RawIOBase) -> None:
    from evidence.pubmed import iter_records

    for _ in iter_records(io.BufferedReader(stream), name="hostile.xml"):
        pass


def _pieces(stream: io.RawIOBase) -> None:
    from evidence.pubmed import split_records

    for _ in split_records(io.BufferedReader(stream), name="hostile.xml"):
        pass


def _medline(stream: io.RawIOBase) -> None:
    from evidence.pubmed import iter_medline

    for _ in iter_medline(io.BufferedReader(stream), name="hostile.txt"):
        pass


# case: (what reads it, the 2 GiB document)
CASES: dict[str, tuple[Callable[[io.RawIOBase], None], Callable[[], io.RawIOBase]]] = {
    "text-node": (_records, lambda: LazyDocument(_XML_HEAD + _RECORD, b"x", 2 * GIB)),
    "text-node-cut-in-pieces": (_pieces, lambda: LazyDocument(_XML_HEAD + _RECORD, b"x", 2 * GIB)),
    "wide-record": (_records, lambda: LazyDocument(_XML_HEAD + _RECORD, b"<i/>", 2 * GIB)),
    "deep-nesting": (_records, lambda: LazyDocument(_XML_HEAD + _RECORD, b"<i>", 2 * GIB)),
    "elements-between-records": (
        _records,
        lambda: LazyDocument(b'<?xml version="1.0"?>\n<PubmedArticleSet>', b"<x/>\n", 2 * GIB),
    ),
    "medline-line": (_medline, lambda: LazyDocument(_MEDLINE_HEAD, b"x", 2 * GIB)),
    "medline-record": (_medline, lambda: LazyDocument(_MEDLINE_HEAD, b"x\n      ", 2 * GIB)),
}


def main(case: str) -> None:
    read, document = CASES[case]
    started = time.perf_counter()
    try:
        read(document())
        error = None
    except Exception as exc:  # report any failure, the test decides what is right
        error = f"{type(exc).__name__}: {exc}"
    seconds = time.perf_counter() - started
    # VmHWM, the peak of this address space: ru_maxrss would include the high-water mark of
    # the (big) test process this one was forked from.
    status = Path("/proc/self/status").read_text()
    kb = next(int(line.split()[1]) for line in status.splitlines() if line.startswith("VmHWM:"))
    print(json.dumps({"error": error, "seconds": seconds, "rss_mb": kb / 1024}))


if __name__ == "__main__":
    main(sys.argv[1])
