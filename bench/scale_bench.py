"""Benchmark `evidence baseline` at scale: baseline-sized files, 1 and 2 Dask worker processes.

Generates (or reuses) a SYNTHETIC release with bench/generate.py: the first 70 % of the files
are "baseline" files of distinct PMID ranges; the later "update" files hold revised copies of
earlier records (a later DateRevised; some revised again in the next update), new records, and
a DeleteCitation (some of it for records revised in the previous update, some re-added by the
next one). Every record of an update file has its file name in front of its title, so the
check can tell which copy won. Then, for each worker count, in a child process:

  a local Dask cluster of N single-threaded worker processes → ingest_baseline into a fresh
  warehouse → the check: every PMID expected is there once, as the copy of the last file
  that holds it, the deleted ones are gone, and no child row, tag or state row is orphaned
  or duplicated.

It prints records/s, the speed-up, peak RSS per worker (and of the writer), and estimates
the wall time of the full baseline (~1,300 files) on this machine and on a 16-worker cluster.

    python bench/scale_bench.py [--files 10] [--records 30000] [--workers 1 2] [--via flow]
"""

from __future__ import annotations

import argparse
import functools
import json
import random
import re
import resource
import subprocess
import sys
import tempfile
import time
from datetime import date, timedelta
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
REPO = HERE.parent
sys.path.insert(0, str(HERE))

from generate import HEAD, record, write_file  # noqa: E402

_REVISED = re.compile(r"<DateRevised>.*?</DateRevised>")


def update_name(n: int) -> str:
    return f"pubmed26n{n:04d}.xml.gz"


def make_file_set(folder: Path, files: int, records: int, *, seed: int = 0) -> dict[str, Any]:
    """Write a synthetic release of ``files`` files into ``folder``; return its plan.

    The plan is what the warehouse must hold at the end: ``alive`` maps each PMID (as a str)
    to the name of the last file holding it ("" for a baseline file), ``deleted`` lists the
    PMIDs deleted and never re-added.
    """
    rng = random.Random(seed)
    n_upd = files // 3 if files >= 2 else 0
    n_base = files - n_upd
    alive: dict[int, str] = {}
    deleted: set[int] = set()
    folder.mkdir(parents=True, exist_ok=True)
    for i in range(n_base):
        first = 1 + i * records
        write_file(folder / update_name(i + 1), records, first_pmid=first, seed=seed + i)
        alive.update(dict.fromkeys(range(first, first + records), ""))
    next_new = 1 + n_base * records
    last_revised: list[int] = []
    last_deleted: list[int] = []
    for u in range(n_upd):
        name = update_name(n_base + u + 1)
        back = last_deleted[:5]
        again = [p for p in last_revised[: max(1, records // 10)] if p in alive]
        pool = sorted(set(alive) - set(again))
        revised = sorted(set(again) | set(back) | set(rng.sample(pool, records // 2 - len(again))))
        new = list(range(next_new, next_new + records - len(revised)))
        next_new += len(new)
        keep = set(revised) | set(new)
        gone = [p for p in last_revised if p in alive and p not in keep][:5]
        candidates = sorted(set(alive) - keep - set(gone))
        gone += rng.sample(candidates, max(0, max(1, records // 50) - len(gone)))
        day = date(2026, 2, 1) + timedelta(days=10 * u)
        stamp = (
            f"<DateRevised><Year>{day.year}</Year><Month>{day.month:02d}</Month>"
            f"<Day>{day.day:02d}</Day></DateRevised>"
        )
        _write_update(folder / name, rng, [*revised, *new], gone, name, stamp)
        for pmid in keep:
            alive[pmid] = name
            deleted.discard(pmid)
        for pmid in gone:
            alive.pop(pmid, None)
            deleted.add(pmid)
        last_revised, last_deleted = revised, gone
    plan = {
        "files": [update_name(n + 1) for n in range(files)],
        "records": records,
        "alive": {str(k): v for k, v in alive.items()},
        "deleted": sorted(deleted),
    }
    (folder / "plan.json").write_text(json.dumps(plan), encoding="utf-8")
    return plan


def _write_update(
    path: Path, rng: random.Random, pmids: list[int], gone: list[int], name: str, stamp: str
) -> None:
    import gzip

    with gzip.open(path, "wt", encoding="utf-8") as fh:
        fh.write(HEAD)
        for pmid in pmids:
            text = _REVISED.sub(stamp, record(rng, pmid), count=1)
            fh.write(text.replace("<ArticleTitle>", f"<ArticleTitle>[{name}] ", 1))
        fh.write(
            "<DeleteCitation>"
            + "".join(f'<PMID Version="1">{p}</PMID>' for p in gone)
            + "</DeleteCitation>\n</PubmedArticleSet>\n"
        )


def check_warehouse(db: Path, plan: dict[str, Any]) -> list[str]:
    """What is wrong in the warehouse at ``db`` against the plan; empty when all is well."""
    import pyarrow as pa

    from evidence.store import connect

    expected = pa.table(
        {
            "pmid": pa.array([int(p) for p in plan["alive"]], pa.int64()),
            "marker": pa.array(list(plan["alive"].values()), pa.string()),
        }
    )
    con = connect(db, read_only=True)
    problems: list[str] = []
    try:
        con.register("expected", expected)
        con.register("gone", pa.table({"pmid": pa.array(plan["deleted"], pa.int64())}))

        def count(sql: str) -> int:
            row = con.execute(sql).fetchone()
            return int(row[0]) if row else -1

        checks = {
            "PMIDs lost": "SELECT count(*) FROM expected WHERE pmid NOT IN"
            " (SELECT pmid FROM pm_article)",
            "PMIDs that should not be there": "SELECT count(*) FROM pm_article WHERE pmid NOT IN"
            " (SELECT pmid FROM expected)",
            "duplicated PMIDs": "SELECT count(*) - count(DISTINCT pmid) FROM pm_article",
            "records not the copy of the last file holding them": "SELECT count(*) FROM"
            " pm_article a JOIN expected e USING (pmid) WHERE coalesce(regexp_extract(a.title,"
            " '^\\[(pubmed\\w+\\.xml\\.gz)\\]', 1), '') <> e.marker",
            "deleted PMIDs missing from pm_deleted": "SELECT count(*) FROM gone WHERE pmid NOT IN"
            " (SELECT pmid FROM pm_deleted)",
            "records without a tag state": "SELECT count(*) FROM pm_article WHERE pmid NOT IN"
            " (SELECT pmid FROM pm_tag_state)",
            "duplicated tag states": "SELECT count(*) - count(DISTINCT pmid) FROM pm_tag_state",
        }
        for table in ("pm_section", "pm_author", "pm_pubtype", "pm_mesh", "pm_link", "pm_tag",
                      "pm_finding", "pm_tag_state"):  # fmt: skip
            checks[f"orphan rows in {table}"] = (
                f"SELECT count(*) FROM {table} WHERE pmid NOT IN (SELECT pmid FROM pm_article)"  # noqa: S608
            )
        for table in ("pm_section", "pm_author", "pm_pubtype"):
            checks[f"duplicated rows in {table}"] = (
                f"SELECT count(*) FROM (SELECT pmid, ord FROM {table} GROUP BY ALL"  # noqa: S608
                " HAVING count(*) > 1)"
            )
        for what, sql in checks.items():
            n = count(sql)
            if n:
                problems.append(f"{n} {what}")
    finally:
        con.close()
    return problems


def _child(workers: int, folder: Path, db: Path, chunk_size: int, via: str) -> None:
    import os

    import dask
    from distributed import Client, LocalCluster

    from evidence import pipeline
    from evidence.baseline import CHUNK_SIZE, WORKER_CONFIG, BaselineSummary, parse_to_parquet
    from evidence.config import Settings

    plan = json.loads((folder / "plan.json").read_text(encoding="utf-8"))
    files = [folder / name for name in plan["files"]]
    data = db.parent / "data"  # vocabulary of the repository, work folder beside the db
    data.mkdir()
    (data / "vocab").symlink_to(REPO / "data" / "vocab", target_is_directory=True)
    os.environ["EVIDENCE_DATA_DIR"] = str(data)
    start = time.perf_counter()
    with dask.config.set(WORKER_CONFIG):  # as `evidence baseline --workers N` starts them
        cluster = LocalCluster(
            n_workers=workers, threads_per_worker=1, processes=True, dashboard_address=None
        )
    client = Client(cluster)
    started = time.perf_counter() - start
    clock = time.perf_counter()
    summary: BaselineSummary
    if via == "flow":
        sys.path.insert(0, str(REPO))  # a script in bench/: the repository root is not on its path
        from flows.baseline import baseline_ingest

        summary = baseline_ingest(
            [str(p) for p in files], dask_address=cluster.scheduler_address, db=str(db)
        )
    else:
        summary = pipeline.baseline(
            Settings.from_env(db_path=db),
            files,
            submit=functools.partial(client.submit, parse_to_parquet, pure=False),
            chunk_size=chunk_size or CHUNK_SIZE,
        )
    seconds = time.perf_counter() - clock
    worker_peaks = client.run(lambda: resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024)
    client.close()
    cluster.close()
    if summary.errors:
        raise SystemExit(str(summary.errors[0]))
    records = summary.totals()["records"]
    print(
        json.dumps(
            {
                "workers": workers,
                "files": len(summary.files),
                "records": records,
                "seconds": seconds,
                "cluster_start": started,
                "parse_seconds": sum(p.seconds for p in summary.partitions),
                "parse_cpu_seconds": sum(p.cpu_seconds for p in summary.partitions),
                "file_load_seconds": [round(f.seconds, 2) for f in summary.files],
                "load_seconds": sum(f.seconds for f in summary.files),
                "worker_rss_mb": sorted(worker_peaks.values()),
                "writer_rss_mb": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024,
                "problems": check_warehouse(db, plan),
                "totals": summary.totals(),
            }
        )
    )


def _run(workers: int, folder: Path, chunk_size: int, via: str) -> dict[str, Any]:
    with tempfile.TemporaryDirectory(prefix="evidence-scale-") as tmp:
        proc = subprocess.run(
            [sys.executable, __file__, "--child", str(workers), str(folder),
             str(Path(tmp) / "w.duckdb"), str(chunk_size), via],
            check=False, capture_output=True, text=True,
        )  # fmt: skip
    if proc.returncode:
        raise SystemExit(f"{workers} workers: failed\n{proc.stderr[-3000:]}")
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--files", type=int, default=10)
    parser.add_argument("--records", type=int, default=30000)
    parser.add_argument("--workers", type=int, nargs="+", default=[1, 2])
    parser.add_argument(
        "--chunk-size", type=int, default=0, help="records per chunk (default: 1000)"
    )
    parser.add_argument(
        "--via",
        choices=["cli", "flow"],
        default="cli",
        help="cli: ingest_baseline on the cluster, as `evidence baseline`; flow: the Prefect"
        " flow flows.baseline with --dask-address (its chunk size is the default)",
    )
    parser.add_argument("--full-files", type=int, default=1300, help="files in a full baseline")
    parser.add_argument("--out", type=Path, default=HERE / "out" / "scale")
    parser.add_argument("--child", nargs=5, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        w, folder, db, chunk, via = args.child
        _child(int(w), Path(folder), Path(db), int(chunk), via)
        return
    folder = args.out / f"{args.files}x{args.records}"
    if not (folder / "plan.json").is_file():
        clock = time.perf_counter()
        make_file_set(folder, args.files, args.records)
        print(f"generated {folder} in {time.perf_counter() - clock:.0f}s")
    size = sum(p.stat().st_size for p in folder.glob("*.xml.gz")) / 1e6
    print(f"{args.files} files x {args.records} records (SYNTHETIC), {size:.0f} MB gzip")
    print(f"via {args.via}, chunks of {args.chunk_size or 'the default number of'} records")
    results = {w: _run(w, folder, args.chunk_size, args.via) for w in args.workers}
    print(f"{'workers':>7} {'records':>8} {'seconds':>8} {'records/s':>9} {'speed-up':>8}"
          f" {'worker peak RSS MB':>18} {'writer RSS MB':>13} {'parse s':>7} {'parse CPU s':>11}"
          f" {'load s':>6}  check")  # fmt: skip
    base = results[min(results)]
    base_rate = base["records"] / base["seconds"]
    for w, r in sorted(results.items()):
        rate = r["records"] / r["seconds"]
        rss = "/".join(f"{x:.0f}" for x in r["worker_rss_mb"])
        print(
            f"{w:>7} {r['records']:>8} {r['seconds']:>8.1f} {rate:>9.0f} {rate / base_rate:>7.2f}x"
            f" {rss:>18} {r['writer_rss_mb']:>13.0f} {r['parse_seconds']:>7.0f}"
            f" {r['parse_cpu_seconds']:>11.0f} {r['load_seconds']:>6.1f}"
            f"  {'; '.join(r['problems']) or 'ok'}"
        )
    for w, r in sorted(results.items()):
        print(f"writer seconds per file, {w} workers: {r['file_load_seconds']}")
    _estimate(results, args.full_files, args.records)


def _estimate(results: dict[int, dict[str, Any]], full_files: int, records: int) -> None:
    best_w = max(results)
    best = results[best_w]
    total = full_files * records
    here = total / (best["records"] / best["seconds"])
    one = results[min(results)]
    parse_per_record = one["parse_cpu_seconds"] / one["records"]
    load_per_record = best["load_seconds"] / best["records"]
    parse_bound = total * parse_per_record / 16
    load_bound = total * load_per_record
    print(
        f"full baseline ({full_files} files x {records} records = {total / 1e6:.0f} M):"
        f" this machine with {best_w} workers ~{here / 3600:.1f} h;"
        f" 16-worker cluster ~{max(parse_bound, load_bound) / 3600:.1f} h"
        f" (parsing {parse_bound / 3600:.1f} h over 16 workers at the CPU time measured"
        f" with 1 worker, the one writer {load_bound / 3600:.1f} h at its speed here, on a"
        f" warehouse of {best['records'] / 1e6:.1f} M records)"
    )


if __name__ == "__main__":
    main()
