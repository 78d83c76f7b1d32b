"""Date slicing past the 9,999 window, over an in-memory search function."""

from __future__ import annotations

from datetime import date, timedelta

import pytest

from evidence.entrez.responses import SearchResult
from evidence.entrez.slicing import ESEARCH_WINDOW, search_query, split_point
from evidence.errors import EntrezError

NEWEST = date(2026, 11, 27)


class DatedSearch:
    """Answers like esearch over (pmid, edat) pairs; counts its calls."""

    def __init__(self, records: list[tuple[int, date]]) -> None:
        self.records = records
        self.calls: list[tuple[str, str]] = []

    def __call__(
        self,
        term: str,
        *,
        usehistory: bool,
        datetype: str,
        mindate: str,
        maxdate: str,
        retstart: int,
    ) -> SearchResult:
        assert datetype == "edat"
        self.calls.append((mindate, maxdate))
        lo, hi = (date(*map(int, d.split("/"))) for d in (mindate, maxdate))
        hits = [p for p, d in self.records if lo <= d <= hi]
        ids = tuple(hits[retstart : min(retstart + 9999, ESEARCH_WINDOW)])
        return SearchResult(
            len(hits), retstart, ids, "MCID_x" if usehistory else None, "1" if usehistory else None
        )


def spread(n: int, start: date, days: int) -> list[tuple[int, date]]:
    return [(1000 + i, start + timedelta(days=(i * days) // n)) for i in range(n)]


@pytest.mark.parametrize(
    ("n", "start", "days"),
    [
        (500, date(2010, 1, 1), 3000),
        (10_000, date(2000, 1, 1), 9000),
        (25_000, date(1990, 1, 1), 13000),
        (12_000, date(2026, 10, 1), 50),
    ],
    ids=["small", "just-over", "large", "recent-burst"],
)
def test_every_record_exactly_once(n: int, start: date, days: int) -> None:
    records = spread(n, start, days)
    search = DatedSearch(records)
    hits = search_query(search, "t", label="q", upper=NEWEST)
    assert sorted(hits.ids) == [p for p, _ in records]
    assert hits.count == n
    assert hits.searches == len(search.calls)
    assert (hits.history is not None) is (n <= ESEARCH_WINDOW)


def test_ten_thousand_recent_records_cost_few_searches() -> None:
    search = DatedSearch(spread(10_000, date(2000, 1, 1), 9000))
    hits = search_query(search, "t", label="q", upper=NEWEST)
    assert hits.searches <= 4  # with 20 efetch batches of 500: at most 24 requests


def test_a_single_day_over_the_window_is_a_clear_error() -> None:
    search = DatedSearch([(i, date(2020, 5, 5)) for i in range(10_000)])
    with pytest.raises(EntrezError, match="10000 records have the Entrez date 2020-05-05") as info:
        search_query(search, "t", label="q", upper=NEWEST)
    assert not info.value.transient


def test_split_point_stays_inside_the_range() -> None:
    for lo, hi in [
        (date(2020, 1, 1), date(2020, 1, 2)),
        (date(1781, 1, 1), NEWEST),
        (date(2026, 11, 20), NEWEST),
    ]:
        mid = split_point(lo, hi, NEWEST)
        assert lo <= mid < hi


def test_ids_that_are_not_pmids_are_skipped_and_keep_their_place_in_the_paging() -> None:
    listed = ["5", "0", "6", "9223372036854775808", "7", "x"]

    def search(term: str, *, usehistory: bool, retstart: int, **_: str) -> SearchResult:
        page = listed[retstart : retstart + 2]  # a server that lists two ids a page
        ids = tuple(int(i) for i in page if i.isdigit() and 0 < int(i) < 2**63)
        bad = tuple(i for i in page if not (i.isdigit() and 0 < int(i) < 2**63))
        return SearchResult(len(listed), retstart, ids, "MCID_x", "1", not_pmids=bad)

    hits = search_query(search, "t", label="q", upper=NEWEST)  # type: ignore[arg-type]
    assert hits.ids == (5, 6, 7)
    assert hits.not_pmids == ("0", "9223372036854775808", "x")
