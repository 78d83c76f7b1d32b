"""Searching past PubMed's 9,999-record window (acquisition stage, pure over a search function).

esearch shows at most the first 9,999 PMIDs of a search (entrez-notes §4). `search_query`
runs one esearch; when the count is larger, it slices the search by Entrez date (``edat``,
one date per record, so slices never overlap) and splits each slice that is still too big in
two, down to single days. A slice's count is known from its parent minus its left sibling,
so a right part that is empty, or still too big, costs no request.

The split point halves a slice in *log age* (the geometric mean of the ages of its ends,
counted back from the newest date), not in calendar time: PubMed grows roughly
exponentially, so most records of a search are recent, and a calendar midpoint between 1781
and today would spend several searches on empty centuries. Reads and writes nothing itself:
every request goes through the ``search`` function it is given.
"""

from __future__ import annotations

import math
from dataclasses import dataclass
from datetime import date, timedelta
from typing import Protocol

from evidence.entrez.responses import SearchResult
from evidence.errors import EntrezError

__all__ = [
    "ESEARCH_WINDOW",
    "OLDEST_EDAT",
    "QueryHits",
    "Search",
    "search_query",
    "split_point",
]

ESEARCH_WINDOW = 9999
OLDEST_EDAT = date(1781, 1, 1)  # PubMed's oldest citations are from 1781
SLICE_DATETYPE = "edat"


class Search(Protocol):
    """One esearch: `EntrezClient.esearch` with its label bound."""

    def __call__(
        self,
        term: str,
        *,
        usehistory: bool,
        datetype: str,
        mindate: str,
        maxdate: str,
        retstart: int,
    ) -> SearchResult: ...


@dataclass(frozen=True, slots=True)
class QueryHits:
    """Every PMID a query matches, and how it was found.

    ``history`` is the (WebEnv, query_key) of a single unsliced search of this run, usable
    for efetch paging; it is None when the search had to be sliced. ``not_pmids`` are the
    ids esearch listed that are not PMIDs, left out of ``ids``.
    """

    count: int
    ids: tuple[int, ...]
    history: tuple[str, str] | None
    searches: int
    slices: int
    not_pmids: tuple[str, ...] = ()


def search_query(
    search: Search,
    term: str,
    *,
    label: str,
    lower: date = OLDEST_EDAT,
    upper: date | None = None,
) -> QueryHits:
    """All PMIDs of ``term`` with an Entrez date in [lower, upper] (upper: two days ahead).

    Raises:
        EntrezError: a single day holds more than 9,999 records, which no date slice can
            split (not transient: the query must be narrowed).
    """
    upper = upper or date.today() + timedelta(days=2)
    state = _State(search, term, label, upper)
    first = state.run(lower, upper, usehistory=True)
    if first.count <= ESEARCH_WINDOW:
        ids = state.all_ids(first, lower, upper)
        history = (first.webenv, first.query_key) if first.webenv and first.query_key else None
        return QueryHits(first.count, ids, history, state.searches, 1, tuple(state.not_pmids))
    state.split(lower, upper, first.count)
    unique = tuple(dict.fromkeys(state.ids))
    return QueryHits(
        first.count, unique, None, state.searches, state.slices, tuple(state.not_pmids)
    )


def split_point(lo: date, hi: date, newest: date) -> date:
    """The last day of the left part when [lo, hi] (lo < hi) is split at its log-age middle.

    >>> split_point(date(1781, 1, 1), date(2026, 11, 27), date(2026, 11, 27))
    datetime.date(2026, 2, 1)
    """
    old, young = (newest - lo).days + 1, (newest - hi).days + 1
    middle = newest - timedelta(days=round(math.sqrt(old * young)) - 1)
    return min(max(middle, lo), hi - timedelta(days=1))


class _State:
    def __init__(self, search: Search, term: str, label: str, newest: date) -> None:
        self.newest = newest
        self.search = search
        self.term = term
        self.label = label
        self.searches = 0
        self.slices = 0
        self.ids: list[int] = []
        self.not_pmids: list[str] = []

    def run(
        self, lo: date, hi: date, *, usehistory: bool = False, retstart: int = 0
    ) -> SearchResult:
        self.searches += 1
        return self.search(
            self.term,
            usehistory=usehistory,
            datetype=SLICE_DATETYPE,
            mindate=lo.strftime("%Y/%m/%d"),
            maxdate=hi.strftime("%Y/%m/%d"),
            retstart=retstart,
        )

    def all_ids(self, result: SearchResult, lo: date, hi: date) -> tuple[int, ...]:
        """The ids of a search within the window, paging if the server gave fewer at once."""
        ids = list(result.ids)
        self.not_pmids.extend(result.not_pmids)
        listed = result.listed  # ids that are not PMIDs hold a place in the paging too
        while listed < result.count:
            more = self.run(lo, hi, retstart=listed)
            if not more.listed:
                raise EntrezError(
                    f"{self.label}: esearch listed {listed} of {result.count} PMIDs",
                    transient=True,
                )
            ids.extend(more.ids)
            self.not_pmids.extend(more.not_pmids)
            listed += more.listed
        return tuple(ids)

    def split(self, lo: date, hi: date, count: int) -> None:
        """Collect the ids of [lo, hi], whose count (> window) is already known."""
        if lo >= hi:
            raise EntrezError(
                f"{self.label}: {count} records have the Entrez date {lo:%Y-%m-%d}, more than"
                f" the {ESEARCH_WINDOW} one search can list; narrow the query",
                transient=False,
            )
        mid = split_point(lo, hi, self.newest)
        left = self.run(lo, mid)
        self.take(lo, mid, left)
        right_count = count - left.count
        if right_count > ESEARCH_WINDOW:
            self.split(mid + timedelta(days=1), hi, right_count)
        elif right_count > 0:
            right_lo = mid + timedelta(days=1)
            self.take(right_lo, hi, self.run(right_lo, hi))

    def take(self, lo: date, hi: date, result: SearchResult) -> None:
        if result.count > ESEARCH_WINDOW:
            self.split(lo, hi, result.count)
            return
        self.slices += 1
        self.ids.extend(self.all_ids(result, lo, hi))
