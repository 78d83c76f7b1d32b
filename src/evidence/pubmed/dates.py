"""Ingest stage, dates: read the date elements of a PubMed record into Python values.

Reads lxml elements (`PubDate`, `DateRevised`, `DateCompleted`, `ArticleDate`); writes
nothing. PubDate comes in three shapes (NLM element descriptions, section "PubDate"):
Year/Month/Day with Month as "Sep" or "06"; Year plus a `Season` such as "Spring" or
"Jan-Mar"; or free-text `MedlineDate` such as "1998 Dec-1999 Jan". The year is read leniently
and the raw text is kept. A date is only as precise as the source: the first day of the month
when the day is unknown, no date at all when only the year is known.
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from datetime import date

from lxml import etree

__all__ = [
    "PubDate",
    "pub_date_of",
    "read_date_text",
    "read_pub_date",
    "read_year",
    "read_ymd",
    "year_of",
    "ymd_of",
]

_MONTHS = {
    name: number
    for number, name in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"),
        start=1,
    )
}
# Named seasons start in their first calendar month. Winter is read as January: a journal's
# "Winter 2019" issue is normally the first issue of 2019, not December.
_SEASONS = {"spring": 3, "summer": 6, "fall": 9, "autumn": 9, "winter": 1}
_TOKEN = re.compile(r"[A-Za-z]+|[0-9]+")
_YEAR = re.compile(r"(?<![0-9])[12][0-9]{3}(?![0-9])")


@dataclass(frozen=True, slots=True)
class PubDate:
    """A `PubDate` as read: year, the most precise date it allows, and its raw text."""

    year: int | None
    date: date | None
    raw: str | None


def read_pub_date(element: etree._Element) -> PubDate:
    """Read a `PubDate` element in any of its three shapes."""
    year_text = month_text = day_text = None
    raw_parts: list[str] = []
    for child in element:
        tag = child.tag
        text = (child.text or "").strip()
        if not text:
            continue
        if tag == "MedlineDate":
            return _read_medline_date(" ".join(text.split()))
        if tag == "Year":
            year_text = text
        elif tag in ("Month", "Season"):
            month_text = text
        elif tag == "Day":
            day_text = text
        else:
            continue
        raw_parts.append(text)
    return pub_date_of(year_text, month_text, day_text, " ".join(raw_parts) or None)


def pub_date_of(
    year_text: str | None, month_text: str | None, day_text: str | None, raw: str | None
) -> PubDate:
    """A `PubDate` from the stripped text of its Year, Month (or Season) and Day."""
    year = _year(year_text)
    month = _month(month_text) if year is not None and month_text else None
    day = _number(day_text) if month is not None else None
    return PubDate(year, _date(year, month, day), raw)


def read_ymd(element: etree._Element) -> date | None:
    """Read a `Year`/`Month`/`Day` element such as `DateRevised`; None when it is incomplete."""
    year_text = month_text = day_text = None
    for child in element:
        tag = child.tag
        if tag == "Year":
            year_text = child.text
        elif tag == "Month":
            month_text = child.text
        elif tag == "Day":
            day_text = child.text
    return ymd_of(year_text, month_text, day_text)


def ymd_of(year_text: str | None, month_text: str | None, day_text: str | None) -> date | None:
    """A date from the text of its last Year, Month and Day; None when it is incomplete."""
    year = _number(year_text)
    month = _month(month_text.strip()) if month_text else None
    day = _number(day_text)
    if year is None or month is None or day is None:
        return None
    try:
        return date(year, month, day)
    except ValueError:
        return None


def read_year(element: etree._Element) -> int | None:
    """The `Year` child of a date element such as `ArticleDate`, read leniently."""
    for child in element:
        if child.tag == "Year":
            return year_of(child.text)
    return None


def year_of(text: str | None) -> int | None:
    """The year in `text` ("2019", "c2019"), read leniently; None when there is none."""
    return _year(text)


def read_date_text(raw: str) -> PubDate:
    """A publication date written as text ("2015 Oct-Dec", "2012 Oct 5", "2000 Spring"), as a
    `MedlineDate` is read."""
    return _read_medline_date(raw)


def _read_medline_date(raw: str) -> PubDate:
    """Read free text such as "2015 Oct-Dec", "1998 Dec-1999 Jan" or "2000 Spring"."""
    tokens = _TOKEN.findall(raw)
    for index, token in enumerate(tokens):
        year = _year(token)
        if year is None:
            continue
        month = _month(tokens[index + 1]) if index + 1 < len(tokens) else None
        day = None
        if month is not None and index + 2 < len(tokens) and len(tokens[index + 2]) <= 2:
            day = _number(tokens[index + 2])
        return PubDate(year, _date(year, month, day), raw)
    return PubDate(None, None, raw)


def _year(text: str | None) -> int | None:
    if not text:
        return None
    match = _YEAR.search(text)
    return int(match.group()) if match else None


def _month(text: str) -> int | None:
    """A month number from "Sep", "September", "06", or the first month of "Jan-Mar"/"Spring"."""
    if text[:1].isdigit():
        number = _number(text[:2] if text[1:2].isdigit() else text[:1])
        return number if number is not None and 1 <= number <= 12 else None
    first = text.split("-", 1)[0].split("/", 1)[0].strip().lower()
    return _MONTHS.get(first[:3]) or _SEASONS.get(first)


def _number(text: str | None) -> int | None:
    if text is None:
        return None
    text = text.strip()
    return int(text) if text.isascii() and text.isdigit() else None


def _date(year: int | None, month: int | None, day: int | None) -> date | None:
    if year is None or month is None:
        return None
    try:
        return date(year, month, day or 1)
    except ValueError:
        # An impossible day (e.g. "Feb 30") still tells the month.
        return date(year, month, 1)
