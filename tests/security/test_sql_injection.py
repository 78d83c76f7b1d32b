"""No SQL is built from user input: a taint check over src/, and hostile text stored literally.

The check (`sql_taint`) follows every SQL string that reaches ``execute``/``sql``/``query``
(or a helper that passes its argument on) back to where it is made; only literals in the code
may go into it, values go in as ``?`` parameters. Then claims, claims file names, query-set
terms, file names and CLI filters carrying ``'; DROP TABLE articles; --`` are stored as text
or refused, and every table is still there.
"""

from __future__ import annotations

import ast
import json
import shutil
from pathlib import Path

import duckdb
import pytest
from fakes.corpus import synthetic_corpus
from fakes.entrez_setup import FAST
from fakes.eutils import FakeEutils
from security_harness import REPO, Baseline, data_folder, run_evidence, warehouse_digest
from sql_taint import SINK_METHODS, Site, package_sources, untrusted_sql

from evidence import pipeline
from evidence.config import Settings
from evidence.entrez import Query, QuerySet
from evidence.errors import ClaimsFileError
from evidence.store.sync_ledger import pending_raw

DROP = "'; DROP TABLE articles; --"

# Sinks a person has read: (module, function, the SQL expression as written).
REVIEWED = frozenset(
    {
        # `tag_tables` returns a dict keyed by the literals "pm_tag" and "pm_finding"; the
        # checker cannot see dict keys apart from the (data) values.
        ("evidence.store.tags", "write_tags", "f'INSERT INTO {name} SELECT * FROM _stage_{name}'"),
        # `staged` names temp tables after its mapping's keys: every caller builds them from
        # literal table names, and it refuses any key that is not an identifier.
        (
            "evidence.store.db",
            "staged",
            "f'CREATE TEMP TABLE IF NOT EXISTS {name} AS FROM arrow_rows LIMIT 0'",
        ),
        ("evidence.store.db", "staged", "f'DELETE FROM temp.{name}'"),
        ("evidence.store.db", "staged", "f'INSERT INTO temp.{name} FROM arrow_rows'"),
    }
)


def test_no_sql_in_src_is_built_from_anything_but_literals() -> None:
    found = untrusted_sql(package_sources(REPO / "src"), REVIEWED)
    assert [str(site) for site in found] == []


def test_every_reviewed_sink_is_still_in_the_code() -> None:
    calls = set()
    for module, text in package_sources(REPO / "src").items():
        tree = ast.parse(text)
        for fn in ast.walk(tree):
            if not isinstance(fn, ast.FunctionDef):
                continue
            for node in ast.walk(fn):
                if (
                    isinstance(node, ast.Call)
                    and isinstance(node.func, ast.Attribute)
                    and node.func.attr in SINK_METHODS
                    and node.args
                ):
                    calls.add((module, fn.name, ast.unparse(node.args[0])))
    assert sorted(REVIEWED - calls) == []


SAFE = """
TABLES = ("a", "b")
_SELECT = "SELECT x FROM t WHERE id = ?"

def parameters(con, claim_id):
    con.execute(_SELECT, [claim_id])

def constant_tables(con):
    for table in TABLES:
        con.execute(f"DELETE FROM {table}")
    sql = "SELECT 1"
    sql += " WHERE true"
    con.execute(sql + " ORDER BY 1")

def _rows(con, sql):
    return con.execute(sql).fetchall()

def through_a_helper(con):
    return _rows(con, "SELECT " + ", ".join(c for c in TABLES))
"""

HOSTILE = {
    "f-string": """
def f(con, claim_id):
    con.execute(f"SELECT * FROM v WHERE id = '{claim_id}'")
""",
    "percent": """
def f(con, name):
    con.execute("SELECT * FROM %s" % name)
""",
    "format": """
def f(con, name):
    con.sql("SELECT * FROM {}".format(name))
""",
    "concatenation": """
def f(con, term):
    con.execute("SELECT 1 WHERE t = '" + term + "'")
""",
    "through-a-variable": """
def f(con, q):
    sql = "SELECT 1"
    sql += q
    con.execute(sql)
""",
    "through-a-list": """
def f(con, q):
    parts = ["SELECT"]
    parts.append(q)
    con.execute(" ".join(parts))
""",
    "through-a-helper": """
def _rows(con, sql):
    return con.execute(sql)

def f(con, claim):
    _rows(con, f"SELECT '{claim}'")
""",
    "a-value-read-back": """
def f(con):
    for (name,) in con.execute("SELECT name FROM t").fetchall():
        con.execute(f"DROP TABLE {name}")
""",
    "loop-over-input": """
def f(con, names):
    for name in names:
        con.execute(f"DELETE FROM {name}")
""",
}


def test_the_checker_passes_sql_made_of_literals() -> None:
    assert untrusted_sql({"m": SAFE}) == []


@pytest.mark.parametrize("case", list(HOSTILE))
def test_the_checker_flags_sql_built_from_input(case: str) -> None:
    found = untrusted_sql({"m": HOSTILE[case]})
    assert len(found) == 1 and isinstance(found[0], Site), found


CLAIMS = f"""
source:
  title: "Synthetic {DROP}"
  url: "https://example.org/{DROP}"
claims:
  - id: C1
    text: "Dry needling is a synthetic claim {DROP}"
    kind: definition
    intervention: dry_needling
    asserts: "true"
"""


def test_claim_text_source_and_file_name_are_stored_literally(
    baseline: Baseline, tmp_path: Path
) -> None:
    data = data_folder(tmp_path)
    db = Path(shutil.copy(baseline.after_abc, data / "w.duckdb"))
    before = warehouse_digest(db)["articles"]
    claims = tmp_path / f"x{DROP}.yaml"
    claims.write_text(CLAIMS)

    pipeline.check(Settings(db_path=db, data_dir=data), claims)

    with duckdb.connect(str(db), read_only=True) as con:
        stored = con.execute(
            "SELECT v.claims_file, v.claim_text, c.source_title, c.source_url"
            " FROM claim_verdicts v JOIN claim_check c USING (claims_file)"
        ).fetchall()
    assert stored == [
        (
            claims.name,
            f"Dry needling is a synthetic claim {DROP}",
            f"Synthetic {DROP}",
            f"https://example.org/{DROP}",
        )
    ]
    assert warehouse_digest(db)["articles"] == before


def test_a_claim_id_carrying_sql_is_refused(tmp_path: Path) -> None:
    claims = tmp_path / "claims.yaml"
    claims.write_text(CLAIMS.replace("id: C1", f'id: "{DROP}"'))
    data = data_folder(tmp_path)
    with pytest.raises(ClaimsFileError, match=r"claims\.yaml:6: claim .*: id .* must be letters"):
        pipeline.check(Settings(db_path=data / "w.duckdb", data_dir=data), claims)


def test_query_terms_and_file_names_are_stored_literally(tmp_path: Path) -> None:
    data = data_folder(tmp_path)
    settings = Settings(db_path=data / "w.duckdb", data_dir=data)
    qs = QuerySet(name="hostile", queries=(Query(name="q", term=f"needling {DROP}"),))
    with FakeEutils(synthetic_corpus(20)) as fake:
        summary = pipeline.fetch(
            Settings(**{**_fields(settings), "entrez_url": fake.url}), qs, options=FAST
        )
        sent = {r.params.get("term") for r in fake.log if r.tool == "esearch"}
    assert summary.records_fetched == 20
    assert sent == {f"needling {DROP}"}
    named = tmp_path / f"b{DROP}.xml"
    shutil.copy(REPO / "tests" / "fixtures" / "pubmed" / "full_record.xml", named)
    assert pipeline.ingest(settings, [named], workers=0).ok

    with duckdb.connect(str(settings.db_path)) as con:
        assert con.execute("SELECT term FROM sync_run_queries").fetchall() == [
            (f"needling {DROP}",)
        ]
        assert con.execute("SELECT file FROM ingest_runs").fetchall() == [(str(named),)]
        assert pending_raw(con, DROP) == []
        params = json.loads(con.execute("SELECT params FROM raw_responses LIMIT 1").fetchone()[0])
        assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)
    assert params["db"] == "pubmed"


def _fields(settings: Settings) -> dict[str, object]:
    return {f: getattr(settings, f) for f in settings.__dataclass_fields__}


@pytest.mark.parametrize(
    "args",
    [
        pytest.param(("sync", "--query-set", DROP), id="sync-query-set"),
        pytest.param(("baseline", "--filter-query-set", DROP), id="baseline-filter"),
    ],
)
def test_a_cli_filter_carrying_sql_is_one_line_exit_2(
    baseline: Baseline, tmp_path: Path, args: tuple[str, ...]
) -> None:
    data = data_folder(tmp_path)
    db = Path(shutil.copy(baseline.after_abc, data / "w.duckdb"))
    before = warehouse_digest(db)
    extra = (baseline.files[0],) if args[0] == "baseline" else ()
    # a URL of its own: without one (and without NCBI_EMAIL) sync runs the demo sample
    env = {"EVIDENCE_DATA_DIR": str(data), "EVIDENCE_ENTREZ_URL": "http://127.0.0.1:9/"}
    done = run_evidence(*args, *extra, "--db", db, env=env)
    assert done.returncode == 2, done.stderr
    assert len(done.error_lines) == 1 and "Traceback" not in done.stderr
    assert f"'{DROP}' is not a query set name" in done.error_lines[0]
    assert warehouse_digest(db) == before


# The package's own SQL files, read by name (evidence.store.queries.named_queries).
SQL_FILES = {
    "evidence.store.queries": """
def named_queries(stage):
    return parse(open(stage).read())
""",
}
NAMED_SAFE = """
from evidence.store.queries import named_queries
SQL = named_queries("claims")
TABLES = ("a", "b")

def f(con, claim_id):
    con.execute(SQL["read"], [claim_id])
    for table in TABLES:
        con.execute(SQL["delete"].format(table=table), [claim_id])
"""
NAMED_HOSTILE = {
    "a-stage-from-input": """
from evidence.store.queries import named_queries

def f(con, stage):
    con.execute(named_queries(stage)["read"])
""",
    "a-name-from-input": """
from evidence.store.queries import named_queries
SQL = named_queries("claims")

def f(con, name):
    con.execute(SQL[name])
""",
    "a-table-from-input": """
from evidence.store.queries import named_queries
SQL = named_queries("claims")

def f(con, table):
    con.execute(SQL["delete"].format(table=table))
""",
}


def test_the_checker_passes_statements_of_the_packages_sql_files() -> None:
    assert untrusted_sql({**SQL_FILES, "m": NAMED_SAFE}) == []


@pytest.mark.parametrize("case", list(NAMED_HOSTILE))
def test_the_checker_flags_sql_files_chosen_or_filled_by_input(case: str) -> None:
    found = untrusted_sql({**SQL_FILES, "m": NAMED_HOSTILE[case]})
    assert len(found) == 1 and found[0].module == "m", found
