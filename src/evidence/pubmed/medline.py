"""Ingest stage: read MEDLINE text files (PubMed's "PubMed format" export, efetch
``rettype=medline``) into the same `Article` records as the XML parser.

Reads a text file or stream; writes nothing. The tagged-line format is parsed by
Biopython's `Bio.Medline`, which handles its continuation lines and repeated tags; this
module only maps its fields onto `Article`. The format carries no MeSH or publication type
UIs (headings are matched by name downstream), and a structured abstract is one paragraph
whose sections start with an upper-case label ("BACKGROUND: ..."), which is split back into
sections here.
"""

from __future__ import annotations

import gzip
import re
import zlib
from collections import deque
from collections.abc import Iterable, Iterator
from dataclasses import replace
from datetime import date
from pathlib import Path
from typing import Any, BinaryIO

from Bio import Medline

from evidence.errors import XmlParseError
from evidence.models import (
    AbstractSection,
    Article,
    ArticleLink,
    Author,
    MeshHeading,
    MeshQualifier,
    PublicationType,
)
from evidence.pmid import parse_pmid, valid_pmid
from evidence.pubmed.dates import read_date_text
from evidence.pubmed.source import SourceStream
from evidence.pubmed.text import clean_text

__all__ = [
    "MAX_LINE_BYTES",
    "MAX_RECORD_BYTES",
    "is_medline_text",
    "iter_medline",
    "sniff_medline",
]

# A section label: upper-case words (with spaces, & or /) followed by a colon, at the start
# of the abstract or after the end of a sentence.
_LABEL = re.compile(r"(?:^|(?<=[.?!)\]]\s))([A-Z][A-Z0-9 &/,-]{2,60}):\s")
_CATEGORIES = {
    "BACKGROUND": "BACKGROUND",
    "INTRODUCTION": "BACKGROUND",
    "CONTEXT": "BACKGROUND",
    "PURPOSE": "OBJECTIVE",
    "OBJECTIVE": "OBJECTIVE",
    "OBJECTIVES": "OBJECTIVE",
    "AIM": "OBJECTIVE",
    "AIMS": "OBJECTIVE",
    "METHODS": "METHODS",
    "DESIGN": "METHODS",
    "MATERIALS AND METHODS": "METHODS",
    "METHODS AND MATERIALS": "METHODS",
    "PATIENTS AND METHODS": "METHODS",
    "SETTING": "METHODS",
    "PARTICIPANTS": "METHODS",
    "INTERVENTIONS": "METHODS",
    "RESULTS": "RESULTS",
    "FINDINGS": "RESULTS",
    "CONCLUSION": "CONCLUSIONS",
    "CONCLUSIONS": "CONCLUSIONS",
    "INTERPRETATION": "CONCLUSIONS",
    "DISCUSSION": "CONCLUSIONS",
}
_LINKS = {
    "CIN": "CommentIn",
    "CON": "CommentOn",
    "EIN": "ErratumIn",
    "EFR": "ErratumFor",
    "RIN": "RetractionIn",
    "ROF": "RetractionOf",
    "UIN": "UpdateIn",
    "UOF": "UpdateOf",
}
_LINK_PMID = re.compile(r"PMID:\s*(\d+)")
_parse: Any = Medline.parse  # Biopython ships no type hints
# PubMed wraps MEDLINE lines at about 80 characters, and its largest records are a few MB.
MAX_LINE_BYTES = 1 << 20
MAX_RECORD_BYTES = 11 << 20


def sniff_medline(path: Path) -> bool:
    """Whether the file at ``path`` (plain or gzip) is MEDLINE text rather than XML.

    A file that cannot be read or unpacked is not MEDLINE: the XML reader names its problem.
    """
    try:
        with path.open("rb") as fh:
            head = fh.read(2)
        opener = gzip.open if head == b"\x1f\x8b" else open
        with opener(path, "rb") as fh:
            return is_medline_text(fh.read(512))
    except (OSError, EOFError, zlib.error):
        return False


def is_medline_text(head: bytes) -> bool:
    """Whether the first bytes of a (decompressed) file look like MEDLINE text."""
    return head.lstrip(b"\xef\xbb\xbf \t\r\n").startswith(b"PMID-")


def iter_medline(stream: BinaryIO, *, name: str) -> Iterator[Article]:
    """Yield the records of a MEDLINE text stream (plain or gzip) as `Article` records.

    The bytes come through `SourceStream` (bounded gunzip, read errors named), and lines
    longer than `MAX_LINE_BYTES` or records longer than `MAX_RECORD_BYTES` are refused, so a
    hostile file (a gzip bomb of one endless line) never sits in memory.

    Raises:
        XmlParseError: a record has no PMID or one that is not a number from 1 to
            `MAX_PMID`, the file is not UTF-8 text, is truncated or
            corrupt gzip, or holds an overlong line or record; the message names the line.
    """
    places = _AffiliationPlaces()
    lines = places.read(_lines(SourceStream(stream, name), name))
    for index, record in enumerate(_parse(lines), start=1):
        yield _article(record, name, index, places.take(_one(record, "PMID")))


class _AffiliationPlaces:
    """Which author each ``AD`` line follows. Biopython collects a record's AD lines into one
    list, but the format gives each author (``FAU``, or ``AU`` where a record has no FAU)
    the AD lines after it; AD lines before the first author (older records) are the first
    author's. This reads the lines on their way to the parser and keeps, per record, one
    list of affiliations per author, the first for the lines before any author."""

    def __init__(self) -> None:
        self._records: dict[str, deque[list[list[str]]]] = {}

    def read(self, lines: Iterable[str]) -> Iterator[str]:
        groups: list[list[str]] = []
        starts_author = ""  # "FAU " or "AU  ", whichever the record names authors with
        in_ad = False
        for line in lines:
            tag = line[:4]
            if line.startswith("PMID-"):
                groups, starts_author = [[]], ""
                self._records.setdefault(line[5:].strip(), deque()).append(groups)
            elif tag in ("FAU ", "AU  ") and groups:
                starts_author = starts_author or tag
                if tag == starts_author:
                    groups.append([])
            elif tag == "AD  " and groups:
                groups[-1].append(line[6:].strip())
            elif in_ad and line.startswith("      ") and groups and groups[-1]:
                groups[-1][-1] += " " + line.strip()
            in_ad = tag == "AD  " or (in_ad and line.startswith("      "))
            yield line

    def take(self, pmid: str | None) -> list[list[str]]:
        """The affiliation groups of the next record with this PMID (read in file order)."""
        queue = self._records.get(pmid or "")
        return queue.popleft() if queue else []


def _lines(chunks: Iterable[bytes], name: str) -> Iterator[str]:
    """The decoded lines of the chunks (each ending in a newline), within the limits."""
    number = 0
    record = 0
    tail = b""
    for chunk in chunks:
        lines = (tail + chunk).split(b"\n")
        tail = lines.pop()
        for raw in lines:
            number += 1
            record = 0 if not raw.strip() else record + len(raw)
            if record > MAX_RECORD_BYTES:
                raise XmlParseError(
                    f"{name}:{number}: refused: a record longer than {MAX_RECORD_BYTES} bytes"
                )
            yield _decoded(raw, name, number) + "\n"
        if len(tail) > MAX_LINE_BYTES:
            raise XmlParseError(
                f"{name}:{number + 1}: refused: a line longer than {MAX_LINE_BYTES} bytes"
            )
    if tail:
        yield _decoded(tail, name, number + 1) + "\n"


def _decoded(raw: bytes, name: str, number: int) -> str:
    try:
        text = raw.decode("utf-8")
    except UnicodeDecodeError as exc:
        raise XmlParseError(
            f"{name}:{number}: not UTF-8 text ({exc.reason} at byte {exc.start + 1} of the line)"
        ) from exc
    return text.removeprefix("\ufeff") if number == 1 else text


def _one(record: dict[str, Any], key: str) -> str | None:
    value = record.get(key)
    if isinstance(value, list):
        value = value[0] if value else None
    return clean_text(value) if value else None


def _many(record: dict[str, Any], key: str) -> list[str]:
    value = record.get(key)
    if value is None:
        return []
    return [v for v in (value if isinstance(value, list) else [value]) if v]


def _ymd(value: str | None) -> date | None:
    if not value or len(value) < 8 or not value[:8].isdigit():
        return None
    try:
        return date(int(value[:4]), int(value[4:6]), int(value[6:8]))
    except ValueError:
        return None


def _article(
    record: dict[str, Any], name: str, index: int, places: list[list[str]] | None = None
) -> Article:
    pmid_text = _one(record, "PMID")
    if not pmid_text:
        raise XmlParseError(f"{name}: record {index}: no PMID")
    try:
        pmid = parse_pmid(pmid_text)
    except ValueError as exc:
        raise XmlParseError(f"{name}: record {index}: {exc}") from None
    pub = read_date_text(_one(record, "DP") or "")
    ids = _many(record, "AID") + _many(record, "LID")
    doi = next((i.split(" [doi]")[0].strip() for i in ids if i.endswith("[doi]")), None)
    issn = _one(record, "IS")
    return Article(
        pmid=pmid,
        status=_one(record, "STAT"),
        date_revised=_ymd(_one(record, "LR")),
        date_completed=_ymd(_one(record, "DCOM")),
        title=_one(record, "TI"),
        vernacular_title=_one(record, "TT"),
        abstract_sections=_sections(_one(record, "AB")),
        journal=_one(record, "JT"),
        journal_iso=_one(record, "TA"),
        issn=issn.split(" ")[0] if issn else None,
        pub_year=pub.year,
        pub_date=pub.date,
        pub_date_raw=pub.raw or None,
        languages=tuple(_many(record, "LA")),
        doi=doi,
        pmcid=_one(record, "PMC"),
        authors=_authors(record, places or []),
        publication_types=tuple(PublicationType(None, p) for p in _many(record, "PT")),
        mesh_headings=tuple(_heading(h) for h in _many(record, "MH")),
        keywords=tuple(k for k in (clean_text(o) for o in _many(record, "OT")) if k),
        links=tuple(
            ArticleLink(
                ref_type,
                _link_pmid(v),
                clean_text(_LINK_PMID.sub("", v).strip(" .")),
            )
            for tag, ref_type in _LINKS.items()
            for v in _many(record, tag)
        ),
    )


def _link_pmid(value: str) -> int | None:
    """The PMID a link line names ("... PMID: 123"); None when there is none or it cannot
    be a PMID (the link is kept without it rather than refusing the record)."""
    match = _LINK_PMID.search(value)
    digits = match.group(1) if match else ""
    pmid = int(digits) if 0 < len(digits) < 20 else 0
    return pmid if valid_pmid(pmid) else None


def _sections(abstract: str | None) -> tuple[AbstractSection, ...]:
    if not abstract:
        return ()
    marks = list(_LABEL.finditer(abstract))
    if not marks or marks[0].start() != 0:
        return (AbstractSection(None, None, abstract),)
    sections = []
    for mark, after in zip(marks, [*marks[1:], None], strict=True):
        body = abstract[mark.end() : after.start() if after else None].strip()
        label = mark.group(1).strip()
        if body:
            sections.append(AbstractSection(label, _CATEGORIES.get(label, "UNASSIGNED"), body))
    return tuple(sections)


def _authors(record: dict[str, Any], places: list[list[str]]) -> tuple[Author, ...]:
    full, short = _many(record, "FAU"), _many(record, "AU")
    authors: list[Author] = []
    if full:
        # FAU and AU come in pairs, one per author; AU alone carries the initials.
        initials = [_split_au(au)[1] for au in short] if len(short) == len(full) else []
        for i, entry in enumerate(full):
            last, _, first = entry.partition(", ")
            authors.append(
                Author(
                    last_name=last or None,
                    fore_name=first or None,
                    initials=initials[i] if initials else None,
                )
            )
    else:
        for entry in short:
            surname, initials_ = _split_au(entry)
            authors.append(Author(last_name=surname, initials=initials_))
    if len(places) == len(authors) + 1:
        # the AD lines before the first author (older records) are the first author's
        places = [places[0] + places[1], *places[2:]] if authors else places[1:]
        authors = [
            replace(a, affiliations=tuple(t for t in map(clean_text, own) if t))
            for a, own in zip(authors, places, strict=True)
        ]
    authors += [Author(collective_name=c) for c in _many(record, "CN")]
    return tuple(authors)


def _split_au(au: str) -> tuple[str | None, str | None]:
    """ "Qiao S" -> ("Qiao", "S"): the AU field is the last name, then the initials (upper-case
    letters) when the author has any."""
    last, _, tail = au.rpartition(" ")
    if last and tail.isalpha() and tail.isupper():
        return last, tail
    return au or None, None


def _heading(text: str) -> MeshHeading:
    descriptor, *qualifiers = text.split("/")
    return MeshHeading(
        None,
        descriptor.lstrip("*"),
        descriptor.startswith("*"),
        tuple(MeshQualifier(None, q.lstrip("*"), q.startswith("*")) for q in qualifiers),
    )
