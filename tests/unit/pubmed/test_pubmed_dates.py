"""PubDate in its three shapes, and the Year/Month/Day dates of a record."""

from __future__ import annotations

from datetime import date

import pytest
from lxml import etree

from evidence.pubmed.dates import PubDate, read_pub_date, read_year, read_ymd


def _element(xml: str) -> etree._Element:
    return etree.fromstring(xml.encode())


@pytest.mark.parametrize(
    ("children", "expected"),
    [
        pytest.param(
            "<Year>2019</Year><Month>Jun</Month><Day>05</Day>",
            PubDate(2019, date(2019, 6, 5), "2019 Jun 05"),
            id="year-month-name-day",
        ),
        pytest.param(
            "<Year>2018</Year><Month>06</Month><Day>1</Day>",
            PubDate(2018, date(2018, 6, 1), "2018 06 1"),
            id="numeric-month",
        ),
        pytest.param(
            "<Year>1976</Year><Month>Sep</Month>",
            PubDate(1976, date(1976, 9, 1), "1976 Sep"),
            id="year-month-is-first-of-month",
        ),
        pytest.param(
            "<Year>2001</Year><Month>September</Month>",
            PubDate(2001, date(2001, 9, 1), "2001 September"),
            id="full-month-name",
        ),
        pytest.param("<Year>2018</Year>", PubDate(2018, None, "2018"), id="year-only-no-date"),
        pytest.param(
            "<Year>2019</Year><Season>Spring</Season>",
            PubDate(2019, date(2019, 3, 1), "2019 Spring"),
            id="season-name",
        ),
        pytest.param(
            "<Year>2020</Year><Season>Winter</Season>",
            PubDate(2020, date(2020, 1, 1), "2020 Winter"),
            id="winter-is-january-of-the-year",
        ),
        pytest.param(
            "<Year>2020</Year><Season>Jan-Mar</Season>",
            PubDate(2020, date(2020, 1, 1), "2020 Jan-Mar"),
            id="season-month-range",
        ),
        pytest.param(
            "<MedlineDate>1998 Dec-1999 Jan</MedlineDate>",
            PubDate(1998, date(1998, 12, 1), "1998 Dec-1999 Jan"),
            id="medline-date-across-years",
        ),
        pytest.param(
            "<MedlineDate>2015 Oct-Dec</MedlineDate>",
            PubDate(2015, date(2015, 10, 1), "2015 Oct-Dec"),
            id="medline-date-month-range",
        ),
        pytest.param(
            "<MedlineDate>2000 Spring</MedlineDate>",
            PubDate(2000, date(2000, 3, 1), "2000 Spring"),
            id="medline-date-season",
        ),
        pytest.param(
            "<MedlineDate>2001 Dec 25-2002 Jan 5</MedlineDate>",
            PubDate(2001, date(2001, 12, 25), "2001 Dec 25-2002 Jan 5"),
            id="medline-date-day-range",
        ),
        pytest.param(
            "<MedlineDate>1999-2000</MedlineDate>",
            PubDate(1999, None, "1999-2000"),
            id="medline-date-year-range",
        ),
        pytest.param(
            "<MedlineDate>Undated</MedlineDate>",
            PubDate(None, None, "Undated"),
            id="medline-date-without-year",
        ),
        pytest.param(
            "<MedlineDate>  2015\n Oct-Dec </MedlineDate>",
            PubDate(2015, date(2015, 10, 1), "2015 Oct-Dec"),
            id="medline-date-spaces-regularised",
        ),
        pytest.param(
            "<Year>2019</Year><Month>Feb</Month><Day>30</Day>",
            PubDate(2019, date(2019, 2, 1), "2019 Feb 30"),
            id="impossible-day-keeps-month",
        ),
        pytest.param(
            "<Year>2019</Year><Month>13</Month>",
            PubDate(2019, None, "2019 13"),
            id="impossible-month",
        ),
        pytest.param("<Year>c2019</Year>", PubDate(2019, None, "c2019"), id="lenient-year"),
        pytest.param("", PubDate(None, None, None), id="empty"),
    ],
)
def test_read_pub_date(children: str, expected: PubDate) -> None:
    assert read_pub_date(_element(f"<PubDate>{children}</PubDate>")) == expected


@pytest.mark.parametrize(
    ("children", "expected"),
    [
        pytest.param(
            "<Year>2023</Year><Month>11</Month><Day>30</Day>", date(2023, 11, 30), id="full"
        ),
        pytest.param("<Year>2023</Year><Month>11</Month>", None, id="no-day"),
        pytest.param("<Year>2023</Year><Month>02</Month><Day>31</Day>", None, id="impossible"),
        pytest.param("<Year>20x3</Year><Month>1</Month><Day>1</Day>", None, id="not-a-number"),
    ],
)
def test_read_ymd(children: str, expected: date | None) -> None:
    assert read_ymd(_element(f"<DateRevised>{children}</DateRevised>")) == expected


def test_read_year() -> None:
    element = _element("<ArticleDate><Year> 2021 </Year><Month>08</Month></ArticleDate>")
    assert read_year(element) == 2021
    assert read_year(_element("<ArticleDate><Month>08</Month></ArticleDate>")) is None
