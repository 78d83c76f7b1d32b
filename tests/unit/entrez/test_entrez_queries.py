"""Query sets: the shipped set validates; every malformed file is one clear QuerySetError."""

from __future__ import annotations

from datetime import date
from pathlib import Path

import pytest

from evidence.entrez.queries import find_query_set, load_query_set, window_term
from evidence.errors import QuerySetError

REPO = Path(__file__).resolve().parents[3]


def test_shipped_query_set_validates() -> None:
    qs = load_query_set(REPO / "data" / "queries" / "trigger_point.yaml")
    names = {q.name for q in qs.queries}
    assert qs.name == "trigger_point"
    assert {
        "dry_needling",
        "therapeutic_ultrasound",
        "adverse_effects",
        "insurance_coverage",
        "effectiveness",
    } <= names
    assert all("[Mesh]" in q.term or "[tiab]" in q.term for q in qs.queries)


@pytest.mark.parametrize(
    ("text", "expected"),
    [
        pytest.param(
            "queries:\n  - name: a\n    term: x\n    color: red\n",
            "x.yaml:4: query 'a': unknown field 'color'",
            id="unknown-query-field",
        ),
        pytest.param(
            "colour: red\nqueries:\n  - name: a\n    term: x\n",
            "x.yaml:1: unknown field 'colour'",
            id="unknown-top-field",
        ),
        pytest.param(
            "queries:\n  - name: a\n    term: x\n  - name: b\n    term: '  '\n",
            "x.yaml:5: query 'b': field 'term' must not be empty",
            id="empty-term",
        ),
        pytest.param(
            "queries:\n  - name: a\n",
            "x.yaml:2: query 'a': missing field 'term'",
            id="missing-term",
        ),
        pytest.param("queries: []\n", "x.yaml:1: field 'queries'", id="no-queries"),
        pytest.param(
            "queries:\n  - {name: a, term: x}\n  - {name: a, term: y}\n",
            "duplicate query name 'a'",
            id="duplicate-name",
        ),
        pytest.param("queries: [\n", "x.yaml:2:", id="not-yaml"),
        pytest.param("- a\n", "expected a mapping", id="not-a-mapping"),
    ],
)
def test_bad_query_set_is_one_clear_line(tmp_path: Path, text: str, expected: str) -> None:
    path = tmp_path / "x.yaml"
    path.write_text(text)
    with pytest.raises(QuerySetError) as info:
        load_query_set(path)
    message = str(info.value)
    assert expected in message
    assert "\n" not in message
    assert message.startswith(str(path))


def test_unknown_query_set_lists_known_ones(tmp_path: Path) -> None:
    (tmp_path / "alpha.yaml").write_text("queries: [{name: a, term: x}]\n")
    assert find_query_set(tmp_path, "alpha") == tmp_path / "alpha.yaml"
    with pytest.raises(QuerySetError, match=r"no such query set \(known: alpha\)"):
        find_query_set(tmp_path, "beta")


def test_window_term_covers_added_and_revised_records() -> None:
    term = window_term("a[tiab] OR b[tiab]", date(2026, 1, 2))
    assert term == (
        "(a[tiab] OR b[tiab]) AND (2026/01/02:3000/12/31[edat] OR 2026/01/02:3000/12/31[mdat])"
    )
