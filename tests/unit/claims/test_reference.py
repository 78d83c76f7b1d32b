"""Loading the reference data: definitions and the payer policy table, and their errors."""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path

import pytest

from evidence.claims.reference import load_definitions, load_payer_policies
from evidence.errors import InputError, VocabularyError

IDS = {"dry_needling", "acupuncture"}
HEADER = (
    "id,payer,policy,country,intervention,codes,coverage,conditions,source_url,"
    "policy_date,read_date,rests_on,note\n"
)
# a SYNTHETIC row (no such payer or policy)
ROW = (
    "cov-01,Synthetic Payer,Policy 1,US,acupuncture,97810;97811,conditional,"
    "back pain only,https://example.org/p,2020-01-21,2026-12-07,its section B,\n"
)


def test_project_payer_table_is_dated_sourced_and_read(
    settings: object,
    vocab: object,
) -> None:
    from evidence.config import Settings
    from evidence.tagging import Vocabulary

    assert isinstance(settings, Settings) and isinstance(vocab, Vocabulary)
    rows = load_payer_policies(
        settings.data_dir / "coverage" / "payer-policies.csv", vocab.ids("intervention")
    )
    assert len(rows) >= 10
    for row in rows:
        assert row.source_url.startswith(("https://", "http://"))
        assert row.policy_date <= row.read_date.isoformat() and row.rests_on
        assert "from memory" not in row.note
    # the seed's coverage claim has rows for both needling treatments
    assert {"dry_needling", "trigger_point_injection"} <= {r.intervention for r in rows}


def test_payer_rows_load(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(HEADER + ROW, encoding="utf-8")
    (row,) = load_payer_policies(path, IDS)
    assert (row.id, row.intervention, row.coverage) == ("cov-01", "acupuncture", "conditional")
    assert (row.codes, row.policy_date, row.read_date) == (
        ("97810", "97811"),
        "2020-01-21",
        date(2026, 12, 7),
    )


def test_a_policy_date_may_be_a_month_when_the_source_gives_only_that(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(HEADER + ROW.replace("2020-01-21", "2011-07"), encoding="utf-8")
    assert load_payer_policies(path, IDS)[0].policy_date == "2011-07"


def test_a_missing_payer_table_is_empty(tmp_path: Path) -> None:
    assert load_payer_policies(tmp_path / "none.csv", IDS) == ()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (ROW.replace("acupuncture", "cupping"), "intervention: unknown intervention 'cupping'"),
        (ROW.replace(",conditional,", ",maybe,"), "coverage: 'maybe' is not one of"),
        (ROW.replace("https://example.org/p", ""), "source_url: '' is not an http"),
        (ROW.replace("https://", "ftp://"), "source_url: 'ftp://example.org/p' is not an http"),
        (ROW.replace("2020-01-21", "21/01/2020"), "policy_date: '21/01/2020' is not a YYYY-MM-DD"),
        (ROW.replace("2020-01-21", "2020-13-01"), "policy_date: '2020-13-01' is not a YYYY-MM-DD"),
        (ROW.replace("2020-01-21", ""), "policy_date: '' is not a YYYY-MM-DD"),
        (ROW.replace("2026-12-07", "7 Dec 2026"), "read_date: '7 Dec 2026' is not a YYYY-MM-DD"),
        (ROW.replace("2020-01-21", "2027-01-01"), "policy_date: 2027-01-01 is after read_date"),
        (ROW.replace("its section B", ""), "rests_on: required, but empty"),
        (ROW.replace("Synthetic Payer", ""), "payer: required, but empty"),
        (ROW.replace("cov-01", "row one"), "id: 'row one' is not of the form cov-01"),
        (ROW, "id: duplicate row id 'cov-01'"),
        (ROW.replace("97810;97811", "9781"), "codes: '9781' is not a 5-character billing code"),
        (ROW.replace(",\n", ",,extra\n"), "more cells than the 13 columns"),
    ],
    ids=[
        "intervention",
        "coverage",
        "no-url",
        "not-http",
        "policy-date",
        "policy-date-month-13",
        "no-policy-date",
        "read-date",
        "policy-after-read",
        "rests-on",
        "payer",
        "id-form",
        "id-duplicate",
        "codes",
        "extra-cells",
    ],
)
def test_bad_payer_rows_name_file_line_and_field(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text(HEADER + ROW + row, encoding="utf-8")
    with pytest.raises(InputError, match=rf"p\.csv:3: {re.escape(message)}") as info:
        load_payer_policies(path, IDS)
    assert "\n" not in str(info.value)


def test_payer_table_columns_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("payer,intervention\nX,acupuncture\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"p\.csv:1: columns must be id,payer,policy"):
        load_payer_policies(path, IDS)


def test_a_bad_payer_table_stops_the_check_with_exit_2(tmp_path: Path) -> None:
    from evidence.errors import EvidenceError

    path = tmp_path / "p.csv"
    path.write_text(HEADER + ROW.replace("2026-12-07", "soon"), encoding="utf-8")
    with pytest.raises(EvidenceError) as info:
        load_payer_policies(path, IDS)
    assert info.value.exit_code == 2


DEFINITION = """\
definitions:
  - intervention: dry_needling
    definition: Thin needles, nothing injected.
    source: Synthetic source
    conflicts:
      - pattern: 'electric current'
        reason: no current
"""


def test_definitions_load_with_compiled_case_insensitive_patterns(tmp_path: Path) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(DEFINITION, encoding="utf-8")
    loaded = load_definitions(path, IDS)
    assert loaded["dry_needling"].conflicts[0].pattern.search("An ELECTRIC CURRENT heats")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (DEFINITION.replace("dry_needling", "dry_needle"), r"d\.yaml:2: unknown intervention"),
        (
            DEFINITION.replace("'electric current'", "'(unclosed'"),
            r"d\.yaml:2: .*not a valid regex",
        ),
        (
            DEFINITION.replace("    source: Synthetic source\n", ""),
            r"d\.yaml:2: source: Field required",
        ),
        (DEFINITION + DEFINITION.split("definitions:\n")[1], r"d\.yaml:8: duplicate definition"),
        ("definitions: 3\n", r"d\.yaml:1: expected 'definitions:'"),
    ],
    ids=["unknown-id", "bad-regex", "missing-source", "duplicate", "not-a-list"],
)
def test_bad_definitions_name_file_and_line(tmp_path: Path, text: str, message: str) -> None:
    path = tmp_path / "d.yaml"
    path.write_text(text, encoding="utf-8")
    with pytest.raises(VocabularyError, match=message):
        load_definitions(path, IDS)
