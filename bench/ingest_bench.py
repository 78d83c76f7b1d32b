"""Benchmark `evidence ingest` on a baseline-sized file, beside Bio.Entrez and a bare lxml pass.

Generates (or reuses) a synthetic 30,000-record file, then runs each contender in its own
process so that peak RSS is measured per contender:

  load       evidence.pipeline.ingest into a fresh DuckDB, tagging off (parse + load)
  evidence   evidence.pipeline.ingest into a fresh DuckDB (parse + load + tag)
  again      the same file a second time (skipped by sha256)
  forced     the same file again with force=True (parse + compare, nothing changes)
  entrez     Bio.Entrez.read on the whole file (optional: --skip-entrez)
  floor      lxml.etree.iterparse over PubmedArticle elements, clearing each: builds nothing

    python bench/ingest_bench.py [--records 30000] [--file PATH] [--skip-entrez]
                                 [--workers N] [--repeat N]

With ``--repeat N`` the floor, load and evidence runs are repeated N times, interleaved
(each into a fresh warehouse), and the table shows the median with the range beside it: on
a shared 2-core machine one run can be a second off either way.
"""

from __future__ import annotations

import argparse
import json
import resource
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_file  # noqa: E402

WORKERS: int | None = None


def _child(kind: str, path: str, db: str) -> None:
    start = time.perf_counter()
    records = 0
    if kind in ("load", "evidence", "again", "forced"):
        from evidence import pipeline
        from evidence.config import Settings

        if kind == "load":
            db = db + ".load"
        settings = Settings.from_env(db_path=Path(db))
        summary = pipeline.ingest(
            settings,
            [Path(path)],
            force=(kind == "forced"),
            tag=(kind != "load"),
            workers=WORKERS,
        )
        if summary.errors:
            raise SystemExit(str(summary.errors[0]))
        records = sum(f.records for f in summary.files) or summary.totals()["skipped"]
    elif kind == "entrez":
        from Bio import Entrez

        with open(path, "rb") as fh:
            data = Entrez.read(fh)
        records = len(data["PubmedArticle"])
    elif kind == "floor":
        from lxml import etree

        for _, el in etree.iterparse(
            path, tag="PubmedArticle", load_dtd=False, no_network=True, resolve_entities=False
        ):
            records += 1
            el.clear()
            while el.getprevious() is not None:
                del el.getparent()[0]
    seconds = time.perf_counter() - start
    rss_mb = resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024
    print(json.dumps({"kind": kind, "records": records, "seconds": seconds, "rss_mb": rss_mb}))


def _run(kind: str, path: Path, db: Path, workers: int | None) -> dict[str, float]:
    extra = [] if workers is None else ["--workers", str(workers)]
    proc = subprocess.run(
        [sys.executable, __file__, "--child", kind, str(path), str(db), *extra],
        check=True,
        capture_output=True,
        text=True,
    )
    return json.loads(proc.stdout.strip().splitlines()[-1])  # type: ignore[no-any-return]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--records", type=int, default=30000)
    parser.add_argument("--file", type=Path, help="an existing PubMed XML file to use instead")
    parser.add_argument("--skip-entrez", action="store_true")
    parser.add_argument("--workers", type=int, help="worker processes (default: one per core)")
    parser.add_argument("--repeat", type=int, default=1, help="runs of floor, load, evidence")
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        global WORKERS
        WORKERS = args.workers
        _child(*args.child)
        return
    repeated = ("floor", "load", "evidence")
    runs: dict[str, list[dict[str, float]]] = {}
    with tempfile.TemporaryDirectory(prefix="evidence-bench-") as tmp:
        path = args.file or write_file(Path(tmp) / "bench.xml", args.records, first_pmid=1)
        size_mb = path.stat().st_size / 1e6
        print(f"file {path}: {size_mb:.0f} MB")
        for round_ in range(max(1, args.repeat)):
            db = Path(tmp) / f"bench{round_}.duckdb"  # a fresh warehouse each round
            for kind in repeated:
                runs.setdefault(kind, []).append(_run(kind, path, db, args.workers))
        kinds = ["again", "forced"] + ([] if args.skip_entrez else ["entrez"])
        for kind in kinds:  # on the last round's warehouse
            runs[kind] = [_run(kind, path, db, args.workers)]
    results = {kind: _median(rs) for kind, rs in runs.items()}
    print(f"{'contender':<10} {'records':>8} {'seconds':>8} {'records/s':>10} {'peak RSS MB':>12}")
    for kind, r in results.items():
        rate = r["records"] / r["seconds"] if r["seconds"] else float("inf")
        spread = ""
        if len(runs[kind]) > 1:
            times = [x["seconds"] for x in runs[kind]]
            spread = f"   ({len(times)} runs, {min(times):.2f}-{max(times):.2f} s)"
        print(
            f"{kind:<10} {r['records']:>8.0f} {r['seconds']:>8.2f} {rate:>10.0f}"
            f" {r['rss_mb']:>12.0f}{spread}"
        )
    ev = results["load"]
    ev_rate = ev["records"] / ev["seconds"]
    floor_rate = results["floor"]["records"] / results["floor"]["seconds"]
    print(f"parse + load / floor speed: {ev_rate / floor_rate:.2f}")
    tag_cost = results["evidence"]["seconds"] - results["load"]["seconds"]
    print(f"tagging adds {tag_cost:.1f}s for {ev['records']:.0f} records", end="")
    if args.repeat > 1:
        pairs = [
            e["seconds"] - lo["seconds"]
            for e, lo in zip(runs["evidence"], runs["load"], strict=True)
        ]
        print(f" (median of each; round by round: {', '.join(f'{p:.1f}' for p in pairs)})")
    else:
        print()
    if "entrez" in results:
        entrez_rate = results["entrez"]["records"] / results["entrez"]["seconds"]
        print(f"parse + load / Bio.Entrez.read speed: {ev_rate / entrez_rate:.1f}x")


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median time (its own records and RSS; peak RSS is the highest seen)."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    middle = dict(ordered[(len(ordered) - 1) // 2])
    middle["seconds"] = statistics.median(r["seconds"] for r in runs)
    middle["rss_mb"] = max(r["rss_mb"] for r in runs)
    return middle


if __name__ == "__main__":
    main()
