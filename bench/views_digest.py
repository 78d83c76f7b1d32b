"""A digest of every view analysts read, for a change meant to keep them: run before, run
after, compare the two outputs (``cmp``); they must be identical.

Ingests the synthetic sample (``data/sample``) into a fresh warehouse, checks the seed claims
file against it, then prints, per view, its row count and an order-free hash of its rows
(columns that hold times, run ids or paths left out: they differ from run to run).

    python bench/views_digest.py > before.txt      # ... change ...
    python bench/views_digest.py > after.txt && cmp before.txt after.txt
"""

from __future__ import annotations

import tempfile
from pathlib import Path

import duckdb

from evidence import pipeline
from evidence.config import Settings

ROOT = Path(__file__).resolve().parents[1]
VOLATILE = ("run_id", "_at", "time", "seconds", "db_path", "path", "checked")


def main() -> None:
    with tempfile.TemporaryDirectory() as folder:
        db = Path(folder) / "digest.duckdb"
        settings = Settings(db_path=db)
        pipeline.ingest(settings, sorted((ROOT / "data" / "sample").glob("*.xml")), workers=0)
        pipeline.check(settings, ROOT / "data" / "claims" / "trigger-point-article.yaml")
        con = duckdb.connect(str(db), read_only=True)
        try:
            views = [
                name
                for (name,) in con.execute(
                    "SELECT view_name FROM duckdb_views() WHERE NOT internal ORDER BY 1"
                ).fetchall()
            ]
            for view in views:
                columns = [c[0] for c in con.execute(f"DESCRIBE {view}").fetchall()]
                kept = [c for c in columns if not any(v in c for v in VOLATILE)]
                listed = ", ".join(f'"{c}"' for c in kept)
                n, digest = con.execute(
                    f"SELECT count(*), sum(hash(({listed}))) FROM {view}"  # noqa: S608
                ).fetchone() or (0, 0)
                print(view, n, digest, ",".join(kept))
        finally:
            con.close()


if __name__ == "__main__":
    main()
