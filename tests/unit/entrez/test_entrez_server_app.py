"""The loopback server's E-utilities semantics, without sockets (SYNTHETIC corpus)."""

from __future__ import annotations

from datetime import date

import pytest
from fakes.corpus import FIRST_PMID, make_record, synthetic_corpus

from evidence.entrez.queries import window_term
from evidence.entrez.responses import check_efetch, error_message, parse_esearch
from evidence.entrez.server import Corpus, EutilsApp


@pytest.fixture(scope="module")
def app() -> EutilsApp:
    return EutilsApp(synthetic_corpus(12_000))


def test_search_shows_at_most_the_window(app: EutilsApp) -> None:
    result = parse_esearch(app.handle("esearch", {"term": "x", "retmax": "20000"}).body)
    assert result.count == 12_000
    assert len(result.ids) == 9999
    assert any("Restrictions achieved" in w for w in result.warnings)


def test_retstart_past_the_window_is_an_error(app: EutilsApp) -> None:
    reply = app.handle("esearch", {"term": "x", "retstart": "9999"})
    assert "cannot be larger than 9998" in (error_message(reply.body) or "")


def test_history_paging_and_out_of_range(app: EutilsApp) -> None:
    result = parse_esearch(
        app.handle(
            "esearch",
            {
                "term": "x",
                "usehistory": "y",
                "datetype": "edat",
                "mindate": "2020",
                "maxdate": "2020",
            },
        ).body
    )
    assert result.webenv and result.query_key == "1"
    page = app.handle(
        "efetch", {"WebEnv": result.webenv, "query_key": "1", "retstart": "10", "retmax": "5"}
    )
    assert check_efetch(page.body).pmids == result.ids[10:15]
    past = app.handle(
        "efetch",
        {"WebEnv": result.webenv, "query_key": "1", "retstart": str(result.count), "retmax": "5"},
    )
    assert past.status == 400
    assert "OUT OF RANGE" in (error_message(past.body) or "")


def test_unknown_ids_are_left_out_and_no_valid_id_is_an_error(app: EutilsApp) -> None:
    reply = app.handle("efetch", {"id": f"{FIRST_PMID},99999999,{FIRST_PMID + 1}"})
    assert check_efetch(reply.body).pmids == (FIRST_PMID, FIRST_PMID + 1)
    bad = app.handle("efetch", {"id": "abc"})
    assert bad.status == 400
    assert "ID list is empty" in (error_message(bad.body) or "")


def test_window_clause_matches_added_or_revised() -> None:
    corpus = Corpus(
        [
            make_record(1, date(2020, 1, 1)),
            make_record(2, date(2020, 1, 1), mdat=date(2026, 11, 24)),
            make_record(3, date(2026, 11, 23)),
        ]
    )
    term = window_term("x", date(2026, 11, 22))
    result = parse_esearch(EutilsApp(corpus).handle("esearch", {"term": term}).body)
    assert sorted(result.ids) == [2, 3]
