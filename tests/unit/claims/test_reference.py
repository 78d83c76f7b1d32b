"""Loading the reference data: definitions and the payer policy table, and their errors."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.claims.reference import load_definitions, load_payer_policies
from evidence.errors import InputError, VocabularyError

IDS = {"dry_needling", "acupuncture"}
HEADER = (
    "payer,country,intervention,coverage,conditions,source_url,policy_date,as_of,url_checked,note\n"
)
ROW = "Synthetic Payer,US,acupuncture,covered,,https://example.org/p,2020-01-21,2026-11-25,no,\n"


def test_project_payer_table_is_dated_sourced_and_marked_unchecked(
    settings: object,
    vocab: object,
) -> None:
    from evidence.config import Settings
    from evidence.tagging import Vocabulary

    assert isinstance(settings, Settings) and isinstance(vocab, Vocabulary)
    rows = load_payer_policies(
        settings.data_dir / "coverage" / "payer-policies.csv", vocab.ids("intervention")
    )
    for row in rows:
        assert row.source_url.startswith("https://") and row.as_of >= row.policy_date
        assert not row.url_checked


def test_payer_rows_load(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text(HEADER + ROW, encoding="utf-8")
    (row,) = load_payer_policies(path, IDS)
    assert (row.intervention, row.coverage, row.url_checked) == ("acupuncture", "covered", False)


def test_a_missing_payer_table_is_empty(tmp_path: Path) -> None:
    assert load_payer_policies(tmp_path / "none.csv", IDS) == ()


@pytest.mark.parametrize(
    ("row", "message"),
    [
        (ROW.replace("acupuncture", "cupping"), "unknown intervention 'cupping'"),
        (ROW.replace(",covered,", ",maybe,"), "coverage 'maybe' is not one of"),
        (ROW.replace("https://", "http://"), "source_url must be an https:// address"),
        (ROW.replace("2020-01-21", "21/01/2020"), "policy_date '21/01/2020' is not a YYYY-MM-DD"),
        (ROW.replace(",no,", ",perhaps,"), "url_checked must be yes or no"),
    ],
    ids=["intervention", "coverage", "url", "date", "url_checked"],
)
def test_bad_payer_rows_name_file_and_line(tmp_path: Path, row: str, message: str) -> None:
    path = tmp_path / "p.csv"
    path.write_text(HEADER + ROW + row, encoding="utf-8")
    with pytest.raises(InputError, match=rf"p\.csv:3: {message}"):
        load_payer_policies(path, IDS)


def test_payer_table_columns_are_checked(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("payer,intervention\nX,acupuncture\n", encoding="utf-8")
    with pytest.raises(InputError, match=r"p\.csv:1: columns must be"):
        load_payer_policies(path, IDS)


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
