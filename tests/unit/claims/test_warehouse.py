"""The I/O edge of claim checking on a hand-built (synthetic) warehouse: evidence rows in,
verdict rows out, and the summary views of 040_claims.sql."""

from __future__ import annotations

from datetime import datetime

import duckdb
import pytest
from claim_builders import AS_OF, claim

from evidence.claims.claim import ClaimsFile
from evidence.claims.engine import judge_claims
from evidence.claims.harms import SERIOUS_EVENTS
from evidence.claims.inputs import primary_design
from evidence.claims.reference import ReferenceData
from evidence.claims.warehouse import read_evidence, read_verdicts, write_verdicts
from evidence.models import AbstractSection, Article, Deletion, Finding, PublicationType, Tag
from evidence.store import upsert_records, write_tags
from evidence.tagging import Vocabulary

RETRACTED = PublicationType("D016441", "Retracted Publication")


def _article(pmid: int, year: int = 2020, *, retracted: bool = False) -> Article:
    return Article(
        pmid=pmid,
        title=f"Synthetic record {pmid}",
        pub_year=year,
        journal="Synthetic Demo Journal",
        publication_types=(RETRACTED,) if retracted else (),
        abstract_sections=_ABSTRACT,
    )


# Text tags name words of the abstract: the evidence cards quote the sentence that holds them.
_ABSTRACT = (
    AbstractSection("RESULTS", "RESULTS", "Pain fell. It reports words for pneumothorax."),
    AbstractSection("CONCLUSIONS", "CONCLUSIONS", "Words for bruising were seen."),
)


def _tags(pmid: int, **dims: list[str]) -> list[Tag]:
    return [
        Tag(pmid, dim, value, "text", f"words for {value}")  # type: ignore[arg-type]
        for dim, values in dims.items()
        for value in values
    ]


def _finding(pmid: int, direction: str, **kw: object) -> Finding:
    base = {
        "intervention": "dry_needling",
        "condition": "low_back_pain",
        "outcome": "pain",
        "design": None,
        "sentence": f"Record {pmid} concludes {direction}.",
    }
    base.update(kw)
    return Finding(pmid=pmid, direction=direction, **base)  # type: ignore[arg-type]


@pytest.fixture
def warehouse(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Six synthetic records on dry needling (and one on acupuncture), one of them deleted."""
    upsert_records(
        con,
        [
            _article(1, 2021),
            _article(2, 2019),
            _article(3, 2018, retracted=True),
            _article(4, 2016),
            _article(5, 2015),
            _article(6, 2022),
            _article(7, 2022),
        ],
        source="synthetic",
    )
    tags = [
        *_tags(
            1,
            intervention=["dry_needling"],
            condition=["low_back_pain"],
            outcome=["pain"],
            design=["meta_analysis"],
            population=["human"],
        ),
        *_tags(
            2,
            intervention=["dry_needling"],
            condition=["low_back_pain"],
            design=["rct", "protocol"],
            population=["human"],
        ),
        *_tags(3, intervention=["dry_needling"], design=["rct"], adverse_event=["pneumothorax"]),
        *_tags(
            4,
            intervention=["dry_needling"],
            design=["cross_sectional"],
            outcome=["adverse_events"],
            adverse_event=["pneumothorax", "bruising"],
            population=["human"],
        ),
        *_tags(
            5,
            intervention=["dry_needling"],
            design=["rct"],
            population=["animal"],
            adverse_event=["bruising"],
        ),
        *_tags(
            6, intervention=["dry_needling"], design=["case_report"], adverse_event=["pneumothorax"]
        ),
        *_tags(7, intervention=["acupuncture"], design=["rct"]),
    ]
    findings = [
        _finding(1, "benefit", qualifiers=("short_term",), sample_size=900),
        _finding(3, "benefit"),
        _finding(6, "harm", outcome="adverse_events", condition=None),
    ]
    write_tags(con, range(1, 8), tags, findings)
    upsert_records(con, [Deletion((6,))], source="synthetic-update")
    return con


def test_read_evidence_builds_typed_records(warehouse: duckdb.DuckDBPyConnection) -> None:
    evidence = read_evidence(warehouse, {"dry_needling"})
    assert sorted(evidence.records) == [1, 2, 3, 4, 5]  # 6 deleted, 7 about acupuncture
    r1, r2, r3, r4, r5 = (evidence.records[p] for p in range(1, 6))
    assert (r1.design, r1.pub_year, r1.conditions, r1.outcomes) == (
        "meta_analysis",
        2021,
        {"low_back_pain"},
        {"pain"},
    )
    (f,) = r1.findings
    assert (f.direction, f.qualifiers, f.sample_size) == ("benefit", ("short_term",), 900)
    assert r2.design == "protocol"
    assert r3.is_retracted and not r1.is_retracted
    assert r4.adverse_events == {
        "bruising": "words for bruising",
        "pneumothorax": "words for pneumothorax",
    }
    assert r5.is_animal and not r4.is_animal


def test_verdicts_from_the_warehouse_and_back(
    warehouse: duckdb.DuckDBPyConnection, vocab: Vocabulary
) -> None:
    evidence = read_evidence(warehouse, {"dry_needling"})
    claims = ClaimsFile(
        "data/claims/synthetic.yaml",
        (
            claim(condition=["low_back_pain"], outcome=["pain"], id="C01"),
            claim("adverse_effect", adverse_event=["pneumothorax"], id="C02"),
        ),
        source_title="Synthetic <b>article</b>",
    )
    verdicts = judge_claims(claims.claims, evidence, ReferenceData(), as_of_year=AS_OF)
    # The retracted trial (3) and the protocol (2) are set aside; the review agrees short-term.
    assert [(v.verdict, v.rule) for v in verdicts] == [("mixed", "E6"), ("supported", "A1")]
    when = datetime(2026, 1, 2, 3, 4)
    for _ in range(2):  # checking twice replaces, never duplicates
        write_verdicts(warehouse, claims, verdicts, checked_at=when, n_records=len(evidence))
    rows = warehouse.execute(
        "SELECT claim_id, verdict, rule, citations, claims_file FROM claim_verdicts ORDER BY ord"
    ).fetchall()
    assert rows == [
        ("C01", "mixed", "E6", [1], "synthetic.yaml"),
        ("C02", "supported", "A1", [4], "synthetic.yaml"),
    ]
    assert warehouse.execute("SELECT count(*) FROM claim_evidence").fetchone() == (2,)
    (stored,) = read_verdicts(warehouse)
    assert stored.name == "synthetic.yaml" and stored.checked_at == when
    assert stored.source_title == "Synthetic <b>article</b>"
    assert [v.summary for v in stored.verdicts] == [v.summary for v in verdicts]
    assert stored.verdicts[0].citations[0].title == "Synthetic record 1"
    assert stored.verdicts[0].claim == verdicts[0].claim.__class__(
        **{**{s: getattr(verdicts[0].claim, s) for s in verdicts[0].claim.__slots__}, "line": None}
    )


def test_other_claims_files_are_kept(warehouse: duckdb.DuckDBPyConnection) -> None:
    evidence = read_evidence(warehouse, {"dry_needling"})
    one = (claim(id="C01"),)
    verdicts = judge_claims(one, evidence, ReferenceData(), as_of_year=AS_OF)
    for name in ("a.yaml", "b.yaml"):
        write_verdicts(
            warehouse, ClaimsFile(name, one), verdicts, checked_at=datetime(2026, 1, 1), n_records=1
        )
    assert warehouse.execute(
        "SELECT list(DISTINCT claims_file ORDER BY claims_file) FROM claim_verdicts"
    ).fetchone() == (["a.yaml", "b.yaml"],)


def test_adverse_event_summary(warehouse: duckdb.DuckDBPyConnection) -> None:
    rows = {
        (r[0], r[1]): r[2:]
        for r in warehouse.execute(
            "SELECT adverse_event, intervention, serious, n_records, n_case_reports, n_surveys"
            " FROM adverse_event_summary"
        ).fetchall()
    }
    # 3 is retracted, 5 is an animal study, 6 was deleted: only the survey (4) remains.
    assert rows == {
        ("pneumothorax", "dry_needling"): (True, 1, 0, 1),
        ("bruising", "dry_needling"): (False, 1, 0, 1),
    }


def test_the_views_serious_flag_is_the_engines(
    con: duckdb.DuckDBPyConnection, vocab: Vocabulary
) -> None:
    events = sorted(vocab.ids("adverse_event"))
    upsert_records(con, [_article(n) for n in range(1, len(events) + 1)], source="synthetic")
    write_tags(
        con,
        range(1, len(events) + 1),
        [
            t
            for n, event in enumerate(events, start=1)
            for t in _tags(n, intervention=["dry_needling"], adverse_event=[event])
        ],
        [],
    )
    flags = dict(con.execute("SELECT adverse_event, serious FROM adverse_event_summary").fetchall())
    assert flags == {e: e in SERIOUS_EVENTS for e in events}


def test_article_design_is_the_engines_primary_design(
    con: duckdb.DuckDBPyConnection, vocab: Vocabulary
) -> None:
    designs = sorted(vocab.ids("design"))
    pairs = [(a, b) for a in designs for b in designs if a < b]
    upsert_records(con, [_article(n) for n in range(1, len(pairs) + 1)], source="synthetic")
    write_tags(
        con,
        range(1, len(pairs) + 1),
        [t for n, pair in enumerate(pairs, start=1) for t in _tags(n, design=list(pair))],
        [],
    )
    got = dict(con.execute("SELECT pmid, design FROM article_design").fetchall())
    assert got == {n: primary_design(pair) for n, pair in enumerate(pairs, start=1)}


def test_publications_by_year(warehouse: duckdb.DuckDBPyConnection) -> None:
    rows = warehouse.execute(
        "SELECT pub_year, design, n_articles, n_retracted FROM publications_by_year"
        " WHERE intervention = 'dry_needling' ORDER BY pub_year"
    ).fetchall()
    assert rows == [
        (2015, "rct", 1, 0),
        (2016, "cross_sectional", 1, 0),
        (2018, "rct", 1, 1),
        (2019, "protocol", 1, 0),
        (2021, "meta_analysis", 1, 0),
    ]
