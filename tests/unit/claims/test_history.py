"""The verdict history on a hand-built (synthetic) warehouse: every check is a run, the
changes between the last two runs and why, and the retracted-citation flag."""

from __future__ import annotations

from dataclasses import replace
from datetime import date, datetime

import duckdb
import pytest
from claim_builders import AS_OF, claim

from evidence.claims.claim import ClaimsFile, Verdict
from evidence.claims.engine import RULES_VERSION, judge_claims
from evidence.claims.history import (
    CheckVersions,
    claim_digest,
    read_data_version,
    read_history,
)
from evidence.claims.reference import ReferenceData
from evidence.claims.warehouse import read_evidence, read_verdicts, write_verdicts
from evidence.models import AbstractSection, Article, Deletion, Finding, PublicationType, Tag
from evidence.store import upsert_records, write_tags
from evidence.tagging import TAGGER_VERSION

RETRACTED = PublicationType("D016441", "Retracted Publication")
FIRST = datetime(2026, 3, 1, 9, 0)
SECOND = datetime(2026, 3, 8, 9, 0)
CLAIMS = ClaimsFile(
    "data/claims/history.yaml",
    (
        claim(condition=["low_back_pain"], outcome=["pain"], id="C01"),
        claim("adverse_effect", adverse_event=["pneumothorax"], id="C02"),
        claim(intervention=["acupuncture"], condition=["neck_pain"], outcome=["pain"], id="C03"),
    ),
)
V1 = CheckVersions(vocabulary="vocab-a", tagger="1.0.0", rules="1")


def _article(pmid: int, year: int, *, revised: date = date(2024, 1, 1), **kw: object) -> Article:
    return Article(
        pmid=pmid,
        title=f"Synthetic record {pmid}",
        pub_year=year,
        journal="Synthetic Demo Journal",
        date_revised=revised,
        abstract_sections=_ABSTRACT,
        **kw,  # type: ignore[arg-type]
    )


# Text tags name words of the abstract: the evidence cards quote the sentence that holds them.
_ABSTRACT = (AbstractSection(None, None, "Synthetic abstract. It reports words for pneumothorax."),)


def _tags(pmid: int, intervention: str, design: str, **dims: str) -> list[Tag]:
    pairs = [("intervention", intervention), ("design", design), ("population", "human")]
    pairs += list(dims.items())
    return [Tag(pmid, d, v, "text", f"words for {v}") for d, v in pairs]  # type: ignore[arg-type]


def _trial(pmid: int, direction: str, intervention: str = "dry_needling", **kw: str) -> Finding:
    return Finding(
        pmid=pmid,
        intervention=intervention,
        condition=kw.get("condition", "low_back_pain"),
        outcome="pain",
        direction=direction,  # type: ignore[arg-type]
        design=None,
        sentence=f"Synthetic record {pmid} concludes {direction}.",
    )


def _tag_trial(con: duckdb.DuckDBPyConnection, pmid: int, direction: str) -> None:
    write_tags(
        con,
        [pmid],
        _tags(pmid, "dry_needling", "rct", condition="low_back_pain", outcome="pain"),
        [_trial(pmid, direction)],
    )


@pytest.fixture
def warehouse(con: duckdb.DuckDBPyConnection) -> duckdb.DuckDBPyConnection:
    """Two trials of dry needling that agree, a survey reporting pneumothorax, a trial of
    acupuncture."""
    upsert_records(
        con,
        [_article(1, 2021), _article(2, 2020), _article(3, 2019), _article(4, 2022)],
        source="synthetic-baseline",
    )
    _tag_trial(con, 1, "benefit")
    _tag_trial(con, 2, "benefit")
    write_tags(
        con,
        [3],
        _tags(3, "dry_needling", "cross_sectional", adverse_event="pneumothorax"),
        [],
    )
    write_tags(
        con,
        [4],
        _tags(4, "acupuncture", "rct", condition="neck_pain", outcome="pain"),
        [_trial(4, "benefit", "acupuncture", condition="neck_pain")],
    )
    return con


def _check(
    con: duckdb.DuckDBPyConnection,
    when: datetime,
    versions: CheckVersions = V1,
    claims: ClaimsFile = CLAIMS,
) -> tuple[int, tuple[Verdict, ...]]:
    evidence = read_evidence(con, {"dry_needling", "acupuncture"})
    verdicts = judge_claims(claims.claims, evidence, ReferenceData(), as_of_year=AS_OF)
    run_id = write_verdicts(
        con, claims, verdicts, checked_at=when, n_records=len(evidence), versions=versions
    )
    return run_id, verdicts


def _update(con: duckdb.DuckDBPyConnection) -> None:
    """The update file: trial 2 is retracted, a new null trial (5) appears, the survey (3)
    is deleted by PubMed."""
    upsert_records(
        con,
        [
            _article(2, 2020, revised=date(2026, 3, 5), publication_types=(RETRACTED,)),
            _article(5, 2023),
            Deletion((3,)),
        ],
        source="synthetic-update",
    )
    _tag_trial(con, 2, "benefit")
    _tag_trial(con, 5, "no_benefit")


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, object]]:
    cursor = con.execute(sql)
    names = [d[0] for d in cursor.description]
    return [dict(zip(names, row, strict=True)) for row in cursor.fetchall()]


def test_two_runs_around_an_update_list_the_changes_and_why(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    first, before = _check(warehouse, FIRST)
    assert [(v.claim.id, v.verdict) for v in before] == [
        ("C01", "supported"),
        ("C02", "supported"),
        ("C03", "supported"),
    ]
    assert warehouse.execute("SELECT count(*) FROM claim_verdict_changes").fetchone() == (0,)
    _update(warehouse)
    second, after = _check(warehouse, SECOND)
    assert second > first
    rows = _rows(warehouse, "SELECT * FROM claim_verdict_changes ORDER BY ord")
    # C03 (acupuncture) did not change; the retracted trial and the new null trial make C01
    # mixed; without the deleted survey nothing reports pneumothorax any more.
    assert [(r["claim_id"], r["previous_verdict"], r["verdict"]) for r in rows] == [
        ("C01", "supported", "mixed"),
        ("C02", "supported", "insufficient"),
    ]
    assert [v.verdict for v in after] == ["mixed", "insufficient", "supported"]
    c01, c02 = rows
    assert (c01["new_pmids"], c01["dropped_pmids"]) == ([5], [2])
    assert (c01["retracted_pmids"], c01["deleted_pmids"]) == ([2], [])
    assert (c02["new_pmids"], c02["dropped_pmids"]) == ([], [3])
    assert (c02["retracted_pmids"], c02["deleted_pmids"]) == ([], [3])
    assert (c02["previous_rule"], c02["rule"]) == ("A1", "A3")
    for row in rows:
        assert row["data_changed"] is True
        assert not any(
            row[k]
            for k in ("vocabulary_changed", "tagger_changed", "rules_changed", "claim_edited")
        )
        assert (row["previous_run_id"], row["run_id"]) == (first, second)
        assert (row["previous_checked_at"], row["checked_at"]) == (FIRST, SECOND)
    assert c01["why"] == "newly cited: PMID 5; no longer cited: PMID 2; retracted: PMID 2"
    assert c02["why"] == "no longer cited: PMID 3; deleted from PubMed: PMID 3"


def test_a_claim_that_rested_on_a_retracted_record_is_flagged(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    _check(warehouse, FIRST)
    _update(warehouse)
    # Before the next check the latest citations still hold the retracted trial: flagged.
    flags = "SELECT claim_id, cites_retracted, retracted_citations FROM claim_verdicts ORDER BY ord"
    expected = [("C01", True, [2]), ("C02", False, []), ("C03", False, [])]
    assert warehouse.execute(flags).fetchall() == expected
    _check(warehouse, SECOND)
    # The engine set it aside, but the previous run cited it: still flagged.
    assert (
        2
        not in warehouse.execute(
            "SELECT citations FROM claim_verdicts WHERE claim_id = 'C01'"
        ).fetchone()[0]
    )  # type: ignore[index]
    assert warehouse.execute(flags).fetchall() == expected
    # A third check: neither of the last two runs cited it any more.
    _check(warehouse, datetime(2026, 3, 9))
    assert warehouse.execute(flags).fetchall() == [
        ("C01", False, []),
        ("C02", False, []),
        ("C03", False, []),
    ]


def test_check_runs_and_the_history_keep_every_run(warehouse: duckdb.DuckDBPyConnection) -> None:
    first, _ = _check(warehouse, FIRST)
    data_before = read_data_version(warehouse)
    _update(warehouse)
    second, _ = _check(warehouse, SECOND, replace(V1, rules="2"))
    runs = _rows(warehouse, "SELECT * FROM check_runs ORDER BY run_id")
    assert [(r["run_id"], r["previous_run_id"], r["is_latest"]) for r in runs] == [
        (first, None, False),
        (second, first, True),
    ]
    assert runs[0]["data_version"] == data_before.digest != runs[1]["data_version"]
    assert [r["rules_version"] for r in runs] == ["1", "2"]
    assert {(r["claims_file"], r["n_claims"], r["vocabulary_fingerprint"]) for r in runs} == {
        ("history.yaml", 3, "vocab-a")
    }
    assert [r["warehouse_records"] for r in runs] == [4, 4]  # one deleted, one added
    history = warehouse.execute(
        "SELECT run_id, claim_id, verdict, citations FROM claim_verdict_history"
        " ORDER BY run_id, ord"
    ).fetchall()
    assert [(r, c) for r, c, _, _ in history] == [
        (run, cid) for run in (first, second) for cid in ("C01", "C02", "C03")
    ]
    assert sorted(history[0][3]) == [1, 2] and sorted(history[3][3]) == [1, 5]
    assert warehouse.execute("SELECT list(run_id) FROM claim_verdicts").fetchone() == (
        [second] * 3,
    )


def _force(verdicts: tuple[Verdict, ...]) -> tuple[Verdict, ...]:
    """The same verdicts with C03's turned to mixed, as if something had moved it."""
    return tuple(replace(v, verdict="mixed") if v.claim.id == "C03" else v for v in verdicts)


_SAME = "the same records are cited; their findings, tags or design changed"
_NO_CAUSE = "no recorded cause (same data, vocabulary, tagger and rules)"


@pytest.mark.parametrize(
    ("versions", "when", "edit", "retag", "flag", "why"),
    [
        pytest.param(
            replace(V1, rules="2"), SECOND, False, False, "rules_changed",
            "verdict rules version 1 → 2", id="rules",
        ),
        pytest.param(
            replace(V1, tagger="1.1.0"), SECOND, False, False, "tagger_changed",
            "tagger version 1.0.0 → 1.1.0", id="tagger",
        ),
        pytest.param(
            replace(V1, vocabulary="vocab-b"), SECOND, False, False, "vocabulary_changed",
            "the vocabulary changed", id="vocabulary",
        ),
        pytest.param(
            V1, SECOND, True, False, "claim_edited", "the claim was edited", id="claim-edited"
        ),
        pytest.param(
            V1, datetime(2027, 1, 5), False, False, None, "checked in 2027 (recency weights)",
            id="new-year",
        ),
        pytest.param(V1, SECOND, False, True, "data_changed", _SAME, id="same-records-retagged"),
        pytest.param(V1, SECOND, False, False, None, _NO_CAUSE, id="no-cause"),
    ],
)  # fmt: skip
def test_why_names_what_else_changed(
    warehouse: duckdb.DuckDBPyConnection,
    versions: CheckVersions,
    when: datetime,
    edit: bool,
    retag: bool,
    flag: str | None,
    why: str,
) -> None:
    _check(warehouse, FIRST)
    claims = CLAIMS
    if edit:
        c03 = replace(CLAIMS.claims[2], text="Acupuncture relieves neck pain, edited.")
        claims = replace(CLAIMS, claims=(*CLAIMS.claims[:2], c03))
    if retag:  # the acupuncture trial's conclusion is re-read: same record, same citations
        write_tags(
            warehouse,
            [4],
            _tags(4, "acupuncture", "rct", condition="neck_pain", outcome="pain"),
            [_trial(4, "inconclusive", "acupuncture", condition="neck_pain")],
        )
    evidence = read_evidence(warehouse, {"acupuncture", "dry_needling"})
    changed = _force(judge_claims(claims.claims, evidence, ReferenceData(), as_of_year=AS_OF))
    write_verdicts(warehouse, claims, changed, checked_at=when, n_records=4, versions=versions)
    (row,) = _rows(warehouse, "SELECT * FROM claim_verdict_changes")
    assert (row["claim_id"], row["previous_verdict"], row["verdict"]) == (
        "C03",
        "supported",
        "mixed",
    )
    assert row["new_pmids"] == row["dropped_pmids"] == row["retracted_pmids"] == []
    flags = (
        "data_changed",
        "vocabulary_changed",
        "tagger_changed",
        "rules_changed",
        "claim_edited",
    )
    assert {k for k in flags if row[k]} == ({flag} if flag else set())
    assert row["why"] == why


def test_a_grade_change_alone_is_a_change(warehouse: duckdb.DuckDBPyConnection) -> None:
    _, verdicts = _check(warehouse, FIRST)
    lowered = tuple(replace(v, grade="very low") if v.claim.id == "C01" else v for v in verdicts)
    write_verdicts(warehouse, CLAIMS, lowered, checked_at=SECOND, n_records=4, versions=V1)
    assert warehouse.execute(
        "SELECT claim_id, previous_verdict, verdict, grade FROM claim_verdict_changes"
    ).fetchall() == [("C01", "supported", "supported", "very low")]


def test_claims_files_are_compared_with_their_own_runs(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    _check(warehouse, FIRST)
    other = replace(CLAIMS, path="other.yaml")
    _check(warehouse, SECOND, claims=other)  # the first run of another file
    assert warehouse.execute("SELECT count(*) FROM claim_verdict_changes").fetchone() == (0,)
    assert warehouse.execute(
        "SELECT claims_file, previous_run_id IS NULL FROM check_runs ORDER BY run_id"
    ).fetchall() == [("history.yaml", True), ("other.yaml", True)]


def test_read_history_and_read_verdicts(warehouse: duckdb.DuckDBPyConnection) -> None:
    first, _ = _check(warehouse, FIRST)
    assert read_history(warehouse)["history.yaml"].has_previous is False
    _update(warehouse)
    second, _ = _check(warehouse, SECOND)
    (checked,) = read_verdicts(warehouse)
    h = checked.history
    assert (h.run_id, h.previous_run_id, h.previous_checked_at) == (second, first, FIRST)
    assert [(c.claim_id, c.new_pmids, c.deleted_pmids) for c in h.changes] == [
        ("C01", (5,), ()),
        ("C02", (), (3,)),
    ]
    assert dict(h.retracted) == {"C01": (2,)}


def test_verdicts_from_before_the_history_are_still_flagged(
    warehouse: duckdb.DuckDBPyConnection,
) -> None:
    _check(warehouse, FIRST)
    for table in ("claim_run", "claim_run_verdict"):  # a warehouse checked before the history
        warehouse.execute(f"DELETE FROM {table}")  # noqa: S608
    _update(warehouse)
    assert warehouse.execute(
        "SELECT claim_id, run_id, retracted_citations FROM claim_verdicts WHERE cites_retracted"
    ).fetchall() == [("C01", None, [2])]
    h = read_history(warehouse)["history.yaml"]
    assert (h.run_id, h.has_previous, h.changes, dict(h.retracted)) == (
        None,
        False,
        (),
        {"C01": (2,)},
    )


@pytest.mark.parametrize(
    "mutate",
    [
        lambda con: upsert_records(con, [_article(9, 2024)], source="synthetic"),
        lambda con: upsert_records(con, [Deletion((4,))], source="synthetic"),
        lambda con: _tag_trial(con, 1, "no_benefit"),
        lambda con: con.execute(
            "INSERT INTO ingest_runs (file, sha256, status, started_at) VALUES ('f', 'x', 'ok', ?)",
            [FIRST],
        ),
        lambda con: con.execute(
            "INSERT INTO sync_runs (run_id, query_set, mode, source, status, started_at)"
            " VALUES ('run-9', 'q', 'full', 'fake', 'complete', ?)",
            [FIRST],
        ),
    ],
    ids=["new-record", "deletion", "finding-changed", "ingest-run", "sync-run"],
)
def test_the_data_version_moves_with_the_data(
    warehouse: duckdb.DuckDBPyConnection, mutate: object
) -> None:
    before = read_data_version(warehouse)
    assert read_data_version(warehouse) == before
    mutate(warehouse)  # type: ignore[operator]
    assert read_data_version(warehouse).digest != before.digest


def test_the_data_version_names_the_ledger_rows(warehouse: duckdb.DuckDBPyConnection) -> None:
    assert read_data_version(warehouse).last_sync_run_id is None
    warehouse.execute(
        "INSERT INTO sync_runs (run_id, query_set, mode, source, status, started_at, finished_at)"
        " VALUES ('run-1', 'q', 'full', 'fake', 'complete', ?, ?),"
        " ('run-2', 'q', 'full', 'fake', 'failed', ?, ?)",
        [FIRST, FIRST, SECOND, SECOND],
    )
    version = read_data_version(warehouse)
    assert (version.records, version.last_sync_run_id) == (4, "run-1")


@pytest.mark.parametrize(
    "edit",
    [
        {"text": "Edited."},
        {"kind": "safety", "asserts": "safe"},
        {"asserts": "no_benefit"},
        {"intervention": ("acupuncture",)},
        {"condition": ("neck_pain",)},
        {"outcome": ("disability",)},
        {"adverse_event": ("bruising",)},
    ],
    ids=["text", "kind", "asserts", "intervention", "condition", "outcome", "adverse_event"],
)
def test_the_claim_digest_changes_with_any_edit(edit: dict[str, object]) -> None:
    base = claim(condition=["low_back_pain"])
    assert claim_digest(base) == claim_digest(replace(base, line=99))  # the line is no edit
    assert claim_digest(replace(base, **edit)) != claim_digest(base)  # type: ignore[arg-type]


def test_default_versions_are_the_codes() -> None:
    assert (CheckVersions().tagger, CheckVersions().rules) == (TAGGER_VERSION, RULES_VERSION)
