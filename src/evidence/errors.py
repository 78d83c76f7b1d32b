"""The error tree of `evidence`.

Every failure a user can see is one of these, with a one-line message that names the
file and the line or record, and what is wrong::

    EvidenceError
    ├── InputError            bad input; the CLI exits 2
    │   ├── XmlParseError     "data/raw/x.xml.gz:120: not well-formed (invalid token)"
    │   ├── ClaimsFileError   "data/claims/a.yaml:14: claim C08: unknown intervention 'dry_needle'"
    │   ├── VocabularyError   "data/vocab/condition.yaml: duplicate id 'migraine'"
    │   └── QuerySetError     "data/queries/x.yaml: query 'tpt': empty term"
    ├── EntrezError           NCBI could not be reached or answered badly; exit 1
    └── StorageError          the warehouse could not be read or written; exit 1
        └── SchemaVersionError

Only edge modules (the ones that import lxml, requests or duckdb) translate foreign
exceptions into these, always chained with ``from``. A message that shows what a file
holds shows it through `quoted` or `escaped`, so a binary or hostile file never sends
control characters, terminal escapes or invalid UTF-8 to the user's terminal.

A function that runs in another process (a worker of a process pool, a Dask task) is
decorated with `portable_errors`: the error it raises is a fresh copy, without the chained
foreign exception, which may not survive pickling (lxml's error log cannot be pickled, and
Dask pickles the whole chain of causes).
"""

from __future__ import annotations

import functools
from collections.abc import Callable
from typing import ParamSpec, Self, TypeVar

__all__ = [
    "SHOWN_CHARS",
    "ClaimsFileError",
    "EntrezError",
    "EvidenceError",
    "InputError",
    "QuerySetError",
    "SchemaVersionError",
    "StorageError",
    "VocabularyError",
    "XmlParseError",
    "escaped",
    "portable_errors",
    "quoted",
]

P = ParamSpec("P")
R = TypeVar("R")

# How much of a file a message shows, in characters.
SHOWN_CHARS = 40


def escaped(content: bytes | str, limit: int = SHOWN_CHARS) -> str:
    """`content` made safe for a one-line message, cut after `limit` characters ("...").

    Bytes are read as UTF-8. Printable characters are kept as they are; every byte that is
    not UTF-8 and every other character (controls, escapes, line and bidi marks) is written
    the way Python writes it in a string literal: ``\\xff``, ``\\x1b``, ``\\n``,
    ``\\u202e``; a backslash is doubled.
    """
    text, cut = _cut(content, limit)
    return "".join(_escape(char) for char in text) + cut


def quoted(content: bytes | str, limit: int = SHOWN_CHARS) -> str:
    """`escaped` content between single quotes, a quote inside escaped: ``'a\\'b'...``."""
    text, cut = _cut(content, limit)
    return "'" + "".join(_escape(char, "'") for char in text) + "'" + cut


def _cut(content: bytes | str, limit: int) -> tuple[str, str]:
    text = content.decode("utf-8", "surrogateescape") if isinstance(content, bytes) else content
    return (text[:limit], "...") if len(text) > limit else (text, "")


def _escape(char: str, quote: str = "") -> str:
    if char == "\\" or char == quote:
        return "\\" + char
    if char.isprintable():
        return char
    if "\udc80" <= char <= "\udcff":  # a byte that is not UTF-8 (surrogateescape)
        return f"\\x{ord(char) - 0xDC00:02x}"
    return repr(char)[1:-1]


class EvidenceError(Exception):
    """Base class of every error this package raises on purpose."""

    exit_code = 1

    def portable(self) -> Self:
        """This error as a plain copy, safe to pickle across a process or Dask boundary.

        Same class, message and attributes; no ``__cause__``, ``__context__`` or traceback,
        so nothing foreign (an lxml error log, a DuckDB connection's error) travels with it.
        Built without calling ``__init__``, so subclasses with their own arguments copy too.
        """
        cls = type(self)
        copy = cls.__new__(cls, *self.args)
        copy.args = self.args
        copy.__dict__.update(self.__dict__)
        return copy


class InputError(EvidenceError):
    """The user's input is wrong: a file, a claim, a vocabulary id, an option."""

    exit_code = 2


class XmlParseError(InputError):
    """A PubMed XML file is not well-formed, truncated, hostile or of an unknown kind."""


class ClaimsFileError(InputError):
    """A claims file does not follow the claims format of the contract."""


class VocabularyError(InputError):
    """A vocabulary file is invalid, or an id is not in the vocabulary."""


class QuerySetError(InputError):
    """A query set file is invalid or does not exist."""


class EntrezError(EvidenceError):
    """NCBI E-utilities failed; ``transient`` says whether trying again later may help."""

    def __init__(self, message: str, *, transient: bool = False, retry_after: float | None = None):
        super().__init__(message)
        self.transient = transient
        self.retry_after = retry_after


class StorageError(EvidenceError):
    """The DuckDB warehouse or the data folder could not be read or written."""


class SchemaVersionError(StorageError):
    """The warehouse was written by an incompatible version of `evidence`."""


def portable_errors(fn: Callable[P, R]) -> Callable[P, R]:
    """Make ``fn`` raise only portable errors: an `EvidenceError` it raises is replaced by
    its `EvidenceError.portable` copy. For functions that worker processes run.

    The copy is raised outside the ``except`` block, or Python would chain the original
    under it as ``__context__`` and pickling the copy would fail just the same.
    """

    @functools.wraps(fn)
    def wrapper(*args: P.args, **kwargs: P.kwargs) -> R:
        try:
            return fn(*args, **kwargs)
        except EvidenceError as exc:
            error = exc.portable()
        raise error

    return wrapper
