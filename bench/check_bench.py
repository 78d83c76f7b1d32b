"""Benchmark of `evidence check`: the seed claims against a large synthetic warehouse.

Generates N synthetic records (default 100,000) straight into the warehouse tables with SQL
(no XML, no tagger): articles, design/population/intervention/condition/outcome/adverse-event
tags and findings drawn from the vocabulary with a fixed hash, so every run builds the same
warehouse. Then times `check_claims` on data/claims/trigger-point-article.yaml (read the
evidence, judge every claim, write the verdicts) and its parts. Target: <= 5 s for 30 claims
over 100,000 records.

    .venv/bin/python bench/check_bench.py [--records 100000] [--repeat 3] [--db PATH]

Every record is synthetic (PMIDs from 90,100,000, journal "Synthetic Benchmark Journal").
"""

from __future__ import annotations

import argparse
import statistics
import tempfile
import time
from collections.abc import Callable
from dataclasses import replace
from datetime import UTC, datetime
from pathlib import Path
from typing import TypeVar

from evidence import pipeline
from evidence.claims.check import load_reference
from evidence.claims.claims_file import load_claims
from evidence.claims.engine import judge_claims
from evidence.claims.warehouse import read_evidence, write_verdicts
from evidence.config import PROJECT_ROOT, Settings
from evidence.store import connect
from evidence.tagging import load_vocabulary

CLAIMS = PROJECT_ROOT / "data" / "claims" / "trigger-point-article.yaml"
FIRST_PMID = 90_100_000
T = TypeVar("T")


def _list(values: list[str]) -> str:
    return "[" + ", ".join(f"'{v}'" for v in values) + "]"


def generate(db: Path, n: int, settings: Settings) -> None:
    """Fill a new warehouse with ``n`` synthetic records, their tags and findings."""
    vocab = load_vocabulary(settings.vocab_dir)
    ids = {
        dim: sorted(vocab.ids(dim))
        for dim in ("intervention", "condition", "outcome", "adverse_event", "design")
    }
    con = connect(db)
    pick = "{arr}[1 + (hash(pmid, {salt}) % len({arr}))::INTEGER]"
    con.execute(f"""
        CREATE TEMP TABLE bench_ids AS
        SELECT {FIRST_PMID} + i AS pmid FROM range({n}) t(i);
        INSERT INTO pm_article (pmid, version, title, journal, pub_year, languages,
                                is_retracted, content_hash)
        SELECT pmid, 1, 'Synthetic benchmark record ' || pmid, 'Synthetic Benchmark Journal',
               1990 + (hash(pmid, 'year') % 36)::INTEGER, ['eng'],
               hash(pmid, 'retracted') % 400 = 0, hash(pmid)
        FROM bench_ids;
    """)  # noqa: S608 - numbers only
    dims = [
        ("intervention", "iv", ids["intervention"], 2),
        ("condition", "cd", ids["condition"], 2),
        ("outcome", "oc", ids["outcome"], 2),
        ("design", "ds", ids["design"], 1),
    ]
    for dim, salt, values, per_record in dims:
        for k in range(per_record):
            expr = pick.format(arr=_list(values), salt=f"'{salt}{k}'")
            sql = f"INSERT INTO pm_tag SELECT pmid, '{dim}', {expr}, 'bench', 'b' FROM bench_ids"  # noqa: S608
            con.execute(sql)
    con.execute("""
        INSERT INTO pm_tag SELECT pmid, 'population',
            CASE WHEN hash(pmid, 'animal') % 50 = 0 THEN 'animal' ELSE 'human' END, 'bench', 'b'
        FROM bench_ids
    """)
    events = pick.format(arr=_list(ids["adverse_event"]), salt="'ae'")
    where = "WHERE hash(pmid, 'has_ae') % 10 = 0"
    sql = f"INSERT INTO pm_tag SELECT pmid, 'adverse_event', {events}, 'bench', 'w' FROM bench_ids {where}"  # noqa: S608, E501
    con.execute(sql)
    directions = _list(["benefit", "benefit", "no_benefit", "inconclusive", "harm"])
    qualifiers = _list(["short_term", "low_certainty", "combined_treatment", "vs_sham"])
    con.execute(f"""
        INSERT INTO pm_finding
        SELECT t.pmid, iv.value, cd.value,
               CASE WHEN hash(t.pmid, 'no_outcome') % 4 = 0 THEN NULL ELSE oc.value END,
               {pick.format(arr=directions, salt="'dir'").replace("pmid", "t.pmid")},
               NULL, 'Synthetic benchmark conclusion of record ' || t.pmid || '.',
               CASE WHEN hash(t.pmid, 'q') % 3 = 0
                    THEN [{pick.format(arr=qualifiers, salt="'q1'").replace("pmid", "t.pmid")}]
                    ELSE [] END,
               (10 + hash(t.pmid, 'n') % 2000)::INTEGER
        FROM bench_ids t
        JOIN (SELECT pmid, min(value) AS value FROM pm_tag WHERE dimension = 'intervention'
              GROUP BY pmid) iv ON iv.pmid = t.pmid
        JOIN (SELECT pmid, min(value) AS value FROM pm_tag WHERE dimension = 'condition'
              GROUP BY pmid) cd ON cd.pmid = t.pmid
        JOIN (SELECT pmid, min(value) AS value FROM pm_tag WHERE dimension = 'outcome'
              GROUP BY pmid) oc ON oc.pmid = t.pmid
    """)  # noqa: S608 - built from our own vocabulary
    con.execute("CHECKPOINT")
    con.close()


def _timed(fn: Callable[[], T]) -> tuple[float, T]:
    start = time.perf_counter()
    value = fn()
    return time.perf_counter() - start, value


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=100_000)
    parser.add_argument("--repeat", type=int, default=3)
    parser.add_argument("--db", type=Path, default=None, help="reuse or create this warehouse")
    args = parser.parse_args()
    folder = Path(tempfile.mkdtemp(prefix="check-bench-"))
    db = args.db or folder / "bench.duckdb"
    settings = Settings.from_env({}, db_path=db)
    if not db.exists():
        seconds, _ = _timed(lambda: generate(db, args.records, settings))
        print(f"generated {args.records:,} synthetic records in {seconds:.1f} s ({db})")
    con = connect(db, read_only=True)
    counts = con.execute(
        "SELECT (SELECT count(*) FROM articles), (SELECT count(*) FROM"
        " article_tags), (SELECT count(*) FROM findings)"
    ).fetchone()
    con.close()
    assert counts is not None
    print(f"warehouse: {counts[0]:,} records, {counts[1]:,} tags, {counts[2]:,} findings")

    totals = []
    for _ in range(args.repeat):
        seconds, result = _timed(lambda: pipeline.check(settings, CLAIMS))
        totals.append(seconds)
    print(
        f"evidence check: {len(result.verdicts)} claims, {result.n_records:,} records read;"
        f" wall time over {args.repeat} runs: min {min(totals):.2f} s,"
        f" median {statistics.median(totals):.2f} s, max {max(totals):.2f} s"
    )
    print("verdicts: " + ", ".join(f"{k} {v}" for k, v in result.counts().items()))

    # The parts, once: load inputs, read evidence, judge (pure), write the verdict tables.
    vocab = load_vocabulary(settings.vocab_dir)
    t_load, claims = _timed(lambda: load_claims(CLAIMS, vocab))
    reference = load_reference(settings, vocab)
    wanted = set().union(
        *(reference.scope.expand("intervention", c.intervention) for c in claims.claims)
    )
    con = connect(db)
    t_read, evidence = _timed(lambda: read_evidence(con, wanted))
    t_judge, verdicts = _timed(
        lambda: judge_claims(claims.claims, evidence, reference, as_of_year=datetime.now(UTC).year)
    )
    t_write, _ = _timed(
        lambda: write_verdicts(
            con,
            replace(claims, path="bench.yaml"),
            verdicts,
            checked_at=datetime.now(UTC).replace(tzinfo=None),
            n_records=len(evidence),
        )
    )
    con.close()
    print(
        f"parts: load claims {t_load:.3f} s, read evidence {t_read:.2f} s,"
        f" judge {t_judge:.2f} s, write {t_write:.3f} s"
    )


if __name__ == "__main__":
    main()
