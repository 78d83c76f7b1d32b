"""docs/views.md documents every analyst view, with its columns, and its queries run."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest

from evidence.store import connect

DOC = Path(__file__).resolve().parents[3] / "docs" / "views.md"
CONTRACT_COLUMNS = {
    "claim_verdicts": [
        "claim_id",
        "claim_text",
        "kind",
        "verdict",
        "grade",
        "n_articles",
        "n_supporting",
        "n_refuting",
        "summary",
        "citations",
    ],
    "claim_evidence": ["claim_id", "pmid", "design", "stance", "weight", "sentence"],
}


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


@pytest.fixture(scope="module")
def sample(sample_db: Path) -> duckdb.DuckDBPyConnection:
    con = connect(sample_db, read_only=True)
    yield con  # type: ignore[misc]
    con.close()


def _views(con: duckdb.DuckDBPyConnection) -> dict[str, list[str]]:
    names = [
        r[0]
        for r in con.execute("SELECT view_name FROM duckdb_views() WHERE NOT internal").fetchall()
    ]
    return {n: [c[0] for c in con.execute(f'DESCRIBE "{n}"').fetchall()] for n in names}


def test_every_view_and_column_is_documented(doc: str, sample: duckdb.DuckDBPyConnection) -> None:
    sections = dict(re.findall(r"^### `(\w+)`\n(.*?)(?=^##|\Z)", doc, re.M | re.S))
    for view, columns in _views(sample).items():
        assert view in sections, f"view {view} is not documented in docs/views.md"
        for column in columns:
            assert f"`{column}`" in sections[view], f"{view}.{column} is not documented"


def test_claim_views_have_the_contract_columns_in_order(sample: duckdb.DuckDBPyConnection) -> None:
    views = _views(sample)
    for view, columns in CONTRACT_COLUMNS.items():
        assert views[view][: len(columns)] == columns


def test_every_example_query_runs_on_the_sample(
    doc: str, sample: duckdb.DuckDBPyConnection
) -> None:
    queries = re.findall(r"```sql\n(.*?)```", doc, re.S)
    assert len(queries) >= 18
    for query in queries:
        sample.execute(query).fetchall()
    (trace,) = [q for q in queries if "claim_id = 'C10'" in q]
    assert sample.execute(trace).fetchall(), "the traced claim C10 has evidence rows"
    (history,) = [q for q in queries if "FROM claim_verdict_history" in q]
    assert sample.execute(history).fetchall(), "the sample's check is in the history"
