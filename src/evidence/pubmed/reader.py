"""Ingest stage, parsing: a PubMed XML source in, one typed record at a time out.

Reads efetch answers and NLM annual baseline / daily update files (`PubmedArticleSet`, or the
pre-2017 `MedlineCitationSet`), plain or gzip; writes nothing. lxml's pull parser is fed
fixed-size chunks and reports only record elements; each record is turned into an `Article`,
`BookArticle` or `Deletion`, then cleared and detached from the root, so memory stays
constant whatever the file size. The parser never loads a DTD, never touches the network and
never expands entities; `read_prolog` has already refused any document that declares them.

Records are built by the compiled `evidence.pubmed._fast` when it was built at install, else
by `evidence.pubmed.fields`; both give the same records and the same errors. The environment
variable ``EVIDENCE_PARSER`` chooses: ``compiled`` (an error if it was not built), ``python``,
or ``auto`` (the default). `parser_path` says which one `iter_records` uses.
"""

from __future__ import annotations

import importlib
import os
import re
from collections.abc import Callable, Iterator
from itertools import chain
from pathlib import Path
from types import ModuleType
from typing import Any, BinaryIO, Literal, cast

from lxml import etree

from evidence.errors import XmlParseError, escaped
from evidence.models import Record
from evidence.pubmed.fields import read_article, read_book_article, read_deletion
from evidence.pubmed.prolog import read_prolog
from evidence.pubmed.source import SourceStream, source_label

__all__ = ["MAX_RECORD_BYTES", "PARSER_ENV", "RECORD_TAGS", "iter_records", "parser_path"]

# The record elements of each root. NCBI: PubmedArticle and PubmedBookArticle are the only
# record types of PubmedArticleSet; DeleteCitation closes update files.
RECORD_TAGS: dict[str, tuple[str, ...]] = {
    "PubmedArticleSet": ("PubmedArticle", "PubmedBookArticle", "DeleteCitation"),
    "MedlineCitationSet": ("MedlineCitation", "DeleteCitation"),
}

Builder = Callable[[etree._Element, str], Record]
_PYTHON_BUILDERS: dict[str, Builder] = {
    "PubmedArticle": read_article,
    "MedlineCitation": read_article,
    "PubmedBookArticle": read_book_article,
    "DeleteCitation": read_deletion,
}
PARSER_ENV = "EVIDENCE_PARSER"
_COMPILED_MODULE = "evidence.pubmed._fast"
_POSITION = re.compile(r",? line \d+, column \d+$")
_MESSAGE_CHARS = 200
_UNDECLARED_ENTITY = etree.ErrorTypes.ERR_UNDECLARED_ENTITY
_FATAL = etree.ErrorLevels.FATAL
# The tree of one record is held until its end tag: above this size (the largest PubMed
# records are a few MB; a hostile one holds millions of tiny elements) the file is refused.
# Larger than libxml2's 10 MB text-node limit, so a huge text node is reported as such.
MAX_RECORD_BYTES = 11 << 20


def parser_path() -> Literal["compiled", "python"]:
    """Which record builder `iter_records` uses now: the compiled one or the Python one.

    Raises:
        XmlParseError: ``EVIDENCE_PARSER`` asks for the compiled builder and it was not
            built, or holds something other than ``auto``, ``compiled`` or ``python``.
    """
    return "compiled" if _builders() is not _PYTHON_BUILDERS else "python"


def _builders() -> dict[str, Builder]:
    choice = os.environ.get(PARSER_ENV, "auto").strip().lower() or "auto"
    if choice not in ("auto", "compiled", "python"):
        raise XmlParseError(
            f"{PARSER_ENV}={escaped(choice, _MESSAGE_CHARS)}: expected auto, compiled or python"
        )
    if choice == "python":
        return _PYTHON_BUILDERS
    module = _compiled_module()
    if module is None:
        if choice == "compiled":
            raise XmlParseError(
                f"{PARSER_ENV}=compiled, but {_COMPILED_MODULE} was not built (it needs Cython"
                " and a C compiler when the package is installed)"
            )
        return _PYTHON_BUILDERS
    return cast("dict[str, Builder]", module.BUILDERS)


def _compiled_module() -> ModuleType | None:
    # import_module, not `from evidence.pubmed import _fast`: a test can then hide the
    # module by setting sys.modules[_COMPILED_MODULE] to None.
    try:
        return importlib.import_module(_COMPILED_MODULE)
    except ImportError:
        return None


def iter_records(source: Path | BinaryIO | bytes, *, name: str | None = None) -> Iterator[Record]:
    """Yield the records of a PubMed XML file, plain or gzip, one at a time.

    `name` is what error messages call the source; by default its path, or the stream's name.
    Errors surface while iterating, so a caller that loads one file per transaction rolls the
    whole file back.

    Raises:
        XmlParseError: the source is unreadable, not XML, truncated (also as gzip), not a
            PubMed file, refused as unsafe, or holds a record without a PMID. The message is
            one line, "NAME:LINE: what is wrong".
    """
    builders = _builders()
    label = source_label(source, name)
    stream = SourceStream(source, label)
    chunks = iter(stream)
    try:
        prolog = read_prolog(chunks, label)
        tags = RECORD_TAGS.get(prolog.root)
        if tags is None:
            raise XmlParseError(
                f"{label}:{prolog.line}: root element <{prolog.root}> is not a PubMed file "
                "(expected PubmedArticleSet or MedlineCitationSet)"
            )
        parser = etree.XMLPullParser(
            events=("end",),
            tag=tags,
            load_dtd=False,
            no_network=True,
            resolve_entities=False,
            huge_tree=False,
            remove_comments=True,
            remove_pis=True,
            # Never collect_ids=False: with lxml 6.1 / libxml2 2.14 it makes the parser read
            # the external DTD (test_external_dtd_is_never_loaded catches it).
        )
        error: etree.XMLSyntaxError | None = None
        pending = 0  # bytes fed since a record last came out: what the tree holds
        for chunk in chain((prolog.head,), chunks):
            error = _feed(parser, chunk)
            pending += len(chunk)
            # The records completed before an error are still delivered, then the error.
            for record in _records(parser, label, builders):
                pending = 0
                yield record
            if error is not None:
                break
            if pending > MAX_RECORD_BYTES:
                raise XmlParseError(
                    f"{label}:{stream.lines_read + 1}: refused: a record longer than"
                    f" {MAX_RECORD_BYTES} bytes (the limit keeps memory bounded)"
                )
        else:
            error = _feed(parser, None)
            if error is None:
                yield from _records(parser, label, builders)
            # else: the input ended inside a record, or at a fault that libxml2 reports only
            # at the end. libxml2 2.14 then closes the open elements itself, so the pull
            # parser reports a record whose end tag was never read: a partial record, with
            # some of its authors or MeSH headings missing. Every record whose end tag was
            # really read came out of an earlier feed, so nothing from this close counts.
        if error is not None:
            raise XmlParseError(_syntax_message(error, label, stream)) from error
    finally:
        chunks.close()


def _feed(parser: etree.XMLPullParser, data: bytes | None) -> etree.XMLSyntaxError | None:
    """Feed `data` to the parser, or close it when `data` is None; return a syntax error
    instead of raising it, so that the records completed before it can be delivered first."""
    try:
        if data is None:
            parser.close()
        else:
            parser.feed(data)
    except etree.XMLSyntaxError as exc:
        return exc
    return _ignored_fatal_error(parser)


def _ignored_fatal_error(parser: etree.XMLPullParser) -> etree.XMLSyntaxError | None:
    """The undeclared entity that stopped the document, which lxml did not raise.

    With resolve_entities=False lxml ignores "Entity 'x' not defined" on any feed but the
    first, to keep an entity reference where a DTD might declare it. In a document without
    a DOCTYPE libxml2 has stopped parsing there (a fatal error): the next feed would restart
    at "line 1" and close() fail at line 0, so the entity's own line is taken now. With a
    DOCTYPE it is only a warning and the parse goes on.
    """
    log: Any = parser.feed_error_log  # lxml-stubs do not describe the error log
    last = log.last_error
    if last is None or last.type != _UNDECLARED_ENTITY or last.level != _FATAL:
        return None
    error: Any = etree.XMLSyntaxError  # lxml-stubs leave out the position arguments
    return cast("etree.XMLSyntaxError", error(last.message, last.type, last.line, last.column))


def _records(
    parser: etree.XMLPullParser, label: str, builders: dict[str, Builder]
) -> Iterator[Record]:
    events = cast("Iterator[tuple[str, etree._Element]]", parser.read_events())
    for _event, element in events:
        record = builders[element.tag](element, label)
        # Free the record's subtree and every sibling before it (whitespace, unknown
        # elements), so the tree never grows beyond one record.
        element.clear()
        parent = element.getparent()
        if parent is not None:
            while element.getprevious() is not None:
                del parent[0]
        yield record


def _syntax_message(exc: etree.XMLSyntaxError, label: str, stream: SourceStream) -> str:
    """One line: where libxml2 failed, and its message without the position suffix."""
    line, message = exc.lineno, exc.msg
    if not line:
        # With resolve_entities=False, lxml can raise a bare "no element found" at line 0;
        # libxml2's real error is then the latest one in the (thread-wide) log.
        log: Any = exc.error_log  # lxml-stubs do not describe the error log
        errors = log.filter_from_errors()
        if errors:
            line, message = errors[-1].line, errors[-1].message
    # libxml2 quotes names from the file (any length, invisible characters allowed).
    message = escaped(_POSITION.sub("", " ".join(str(message).split())), _MESSAGE_CHARS)
    return f"{label}:{line or stream.lines_read + 1}: invalid XML: {message}"
