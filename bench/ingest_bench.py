"""Benchmark `evidence ingest` on a PubMed file, beside other readers and a bare lxml pass.

Generates (or reuses) a file, then runs each contender in its own process, so that peak RSS
is measured per contender:

  floor      lxml.etree.iterparse over PubmedArticle elements, clearing each: builds nothing
  quick      a quick hand-written lxml extractor (findtext of a dozen fields into dicts)
  pubmed_parser  pubmed_parser.parse_medline_xml (only when pubmed_parser is importable;
             it reads gzip only, so its time includes gunzip of a copy)
  entrez     Bio.Entrez.read on the whole file (optional: --skip-entrez)
  parse-py   evidence.pubmed.iter_records with the Python record builder
  parse-c    evidence.pubmed.iter_records with the compiled builder (when it was built)
  load       evidence.pipeline.ingest into a fresh DuckDB, tagging off (parse + load)
  evidence   evidence.pipeline.ingest into a fresh DuckDB (parse + load + tag)
  again      the same file a second time (skipped by sha256)
  forced     the same file again with force=True (parse + compare, nothing changes)
  cli        `evidence ingest FILE` into a fresh DuckDB, as a user runs it: start-up, parse,
             load, tag, findings, publish (wall time; peak RSS of the largest process)
  startup    `evidence --help` (wall time: the CLI's start-up alone)

    python bench/ingest_bench.py [--records 30000] [--file PATH] [--skip-entrez]
                                 [--workers N] [--repeat N] [--cpu]

With ``--repeat N`` the floor, parse, load and evidence runs are repeated N times, interleaved
(each into a fresh warehouse), and the table shows the median with the range beside it: on
a shared 2-core machine one run can be a second off either way. The `load`, `evidence` and
`cli` rows use the record builder that `iter_records` picks (EVIDENCE_PARSER, default: the
compiled one when built); the line under the table says which. The `cli` row is repeated
too, and ``--cpu`` prints, under the table, each of its runs' CPU seconds by process: the
`evidence` process, the forkserver of the worker pool (its own work: importing what the
workers need before it forks them), each worker, and all of them together (see
`_cpu_by_process`).
"""

from __future__ import annotations

import argparse
import importlib.util
import json
import os
import resource
import shutil
import statistics
import subprocess
import sys
import tempfile
import time
from pathlib import Path
from typing import Any

HERE = Path(__file__).resolve().parent
sys.path.insert(0, str(HERE))

from generate import write_file  # noqa: E402

WORKERS: int | None = None
CPU = False  # --cpu: the cli row measures CPU by process


def _quick(path: str) -> int:
    """A quick hand-written extractor: the fields a reader needs, as dicts, no typing."""
    from lxml import etree

    records = []
    for _, el in etree.iterparse(
        path, tag="PubmedArticle", load_dtd=False, no_network=True, resolve_entities=False
    ):
        art = el.find("MedlineCitation/Article")
        records.append(
            {
                "pmid": el.findtext("MedlineCitation/PMID"),
                "title": art.findtext("ArticleTitle") if art is not None else None,
                "abstract": " ".join(
                    "".join(t.itertext()) for t in el.iterfind(".//Abstract/AbstractText")
                ),
                "journal": el.findtext(".//Journal/Title"),
                "year": el.findtext(".//JournalIssue/PubDate/Year"),
                "authors": [
                    (a.findtext("LastName"), a.findtext("ForeName"))
                    for a in el.iterfind(".//AuthorList/Author")
                ],
                "mesh": [m.text for m in el.iterfind(".//MeshHeading/DescriptorName")],
                "types": [t.text for t in el.iterfind(".//PublicationType")],
                "doi": el.findtext("PubmedData/ArticleIdList/ArticleId[@IdType='doi']"),
            }
        )
        el.clear()
        while el.getprevious() is not None:
            del el.getparent()[0]
    return len(records)


def _child(kind: str, path: str, db: str) -> None:
    start = time.perf_counter()
    records = 0
    rss_children = False
    cpu: dict[str, Any] | None = None
    wall: float | None = None  # the CLI row: its run alone, not the record count after it
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
    elif kind in ("parse-py", "parse-c"):
        os.environ["EVIDENCE_PARSER"] = "python" if kind == "parse-py" else "compiled"
        from evidence.pubmed import iter_records

        for _ in iter_records(Path(path)):
            records += 1
    elif kind == "cli":
        extra = [] if WORKERS is None else ["--workers", str(WORKERS)]
        argv = [_evidence(), "ingest", path, "--db", db + ".cli", *extra]
        if CPU:
            cpu = _cpu_by_process(argv)
            wall = cpu.pop("seconds")
        else:
            subprocess.run(argv, check=True, stdout=subprocess.DEVNULL)
            wall = time.perf_counter() - start
        records = _count(path)
        rss_children = True
    elif kind == "startup":
        subprocess.run([_evidence(), "--help"], check=True, stdout=subprocess.DEVNULL)
        rss_children = True
    elif kind == "quick":
        records = _quick(path)
    elif kind == "pubmed_parser":
        import gzip

        import pubmed_parser

        if not path.endswith(".gz"):  # it reads gzip only: a copy, made before the clock starts
            with open(path, "rb") as src, gzip.open(db + ".gz", "wb", compresslevel=1) as out:
                shutil.copyfileobj(src, out)
            path = db + ".gz"
            start = time.perf_counter()
        records = sum(1 for _ in pubmed_parser.parse_medline_xml(path))  # list or generator
    elif kind == "entrez":
        from Bio import Entrez

        with open(path, "rb") as fh:
            # validate=False: real records carry elements the newest DTD dropped (DateCreated)
            data = Entrez.read(fh, validate=False)
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
    seconds = wall if wall is not None else time.perf_counter() - start
    who = resource.RUSAGE_CHILDREN if rss_children else resource.RUSAGE_SELF
    rss_mb = resource.getrusage(who).ru_maxrss / 1024
    result: dict[str, Any] = {"kind": kind, "records": records, "seconds": seconds}
    result["rss_mb"] = rss_mb
    if cpu is not None:
        result["cpu"] = cpu
    print(json.dumps(result))


def _cpu_by_process(argv: list[str]) -> dict[str, Any]:
    """Run ``argv`` and return the CPU seconds (user + system) of each of its processes,
    and its wall time (``seconds``).

    This process becomes a child subreaper (Linux), so that the processes the command
    leaves to end after it (the forkserver, the resource tracker) are reaped here, and
    waits for all of them: ``total`` is then exact (the rusage of every process reaped in
    this tree), and so is ``main`` (the command's own process). The others are sampled from
    /proc every 20 ms while they run, so each misses at most its last 20 ms: ``forkserver``
    (its own work only), ``workers`` (one value each, in start order) and ``other`` (the
    resource tracker and anything else).
    """
    import ctypes

    libc = ctypes.CDLL(None, use_errno=True)
    if libc.prctl(36, 1, 0, 0, 0) != 0:  # PR_SET_CHILD_SUBREAPER
        raise SystemExit("--cpu needs Linux (prctl PR_SET_CHILD_SUBREAPER)")
    tick = os.sysconf("SC_CLK_TCK")
    start = time.perf_counter()
    with open(os.devnull, "wb") as null:
        main = subprocess.Popen(argv, stdout=null).pid
    seen: dict[int, tuple[str, int, float]] = {}  # pid -> (role, parent, CPU seconds)
    born: dict[int, int] = {}  # pid -> its start, in clock ticks since boot
    cmdlines: dict[int, bytes] = {}  # pid -> its command line when its role was last read

    def sample(pid: int, parent: int) -> None:
        try:
            stat = Path(f"/proc/{pid}/stat").read_text()
            # read again until a role is settled: a process seen between its fork and its
            # exec still shows its parent's command line
            settled = pid in seen and seen[pid][0] != "other"
            if not settled:
                cmdlines[pid] = Path(f"/proc/{pid}/cmdline").read_bytes()
            children = [
                int(c)
                for task in Path(f"/proc/{pid}/task").iterdir()
                for c in (task / "children").read_text().split()
            ]
        except (FileNotFoundError, ProcessLookupError):
            return  # ended between two looks
        fields = stat[stat.rindex(")") + 2 :].split()
        if fields[0] == "Z":
            return  # its CPU is final, but a zombie's /proc figures may read as 0
        cpu = (int(fields[11]) + int(fields[12])) / tick
        born.setdefault(pid, int(fields[19]))
        role = seen[pid][0] if settled else _role(cmdlines[pid], cmdlines.get(parent, b""))
        seen[pid] = (role, parent, cpu)
        for child in children:
            sample(child, pid)

    status = None
    while status is None:
        sample(main, os.getpid())
        done, code, usage = os.wait4(main, os.WNOHANG)
        if done:
            status = code
            seconds = time.perf_counter() - start
            main_cpu = usage.ru_utime + usage.ru_stime
        else:
            time.sleep(0.02)
    if os.waitstatus_to_exitcode(status) != 0:
        raise SystemExit(f"{argv[0]} exited with {os.waitstatus_to_exitcode(status)}")
    while True:  # the forkserver, the resource tracker: reaped here once they end
        for pid, (_, parent, _) in list(seen.items()):
            if pid != main:
                sample(pid, parent)
        try:
            done, _ = os.waitpid(-1, os.WNOHANG)
        except ChildProcessError:
            break
        if not done:
            time.sleep(0.02)
    total = resource.getrusage(resource.RUSAGE_CHILDREN)
    by_role: dict[str, list[float]] = {}
    started: dict[str, float] = {}  # role -> when its first process started, after main's
    for pid, (role, _, cpu) in seen.items():  # in start order
        if pid != main:
            by_role.setdefault(role, []).append(cpu)
            if pid in born and main in born:
                started.setdefault(role, (born[pid] - born[main]) / tick)
    return {
        "seconds": seconds,  # the command's wall time, to its end
        "main": main_cpu,
        "forkserver": sum(by_role.get("forkserver", [])),
        "workers": by_role.get("worker", []),
        "other": sum(by_role.get("other", [])),
        "total": total.ru_utime + total.ru_stime,
        # seconds from the command's start to its forkserver's, and to its first worker's
        # (/proc start times: 10 ms steps): how long the start-up kept the workers waiting
        "forkserver_at": started.get("forkserver"),
        "worker_at": started.get("worker"),
    }


def _role(cmdline: bytes, parent_cmdline: bytes) -> str:
    """A process's role by its command line and its parent's: the forkserver runs
    multiprocessing's forkserver module, and a worker, forked from it, shows the same."""
    if b"multiprocessing.forkserver" not in cmdline:
        return "other"
    return "worker" if b"multiprocessing.forkserver" in parent_cmdline else "forkserver"


def _evidence() -> str:
    """The `evidence` command of this interpreter's environment."""
    here = Path(sys.executable).with_name("evidence")
    return str(here) if here.exists() else (shutil.which("evidence") or "evidence")


def _count(path: str) -> int:
    """Records in the file (for the CLI row, which prints no count the bench can read)."""
    with open(path, "rb") as fh:
        data = fh.read()
    return data.count(b"</PubmedArticle>")


def _run(kind: str, path: Path, db: Path, workers: int | None, cpu: bool = False) -> dict[str, Any]:
    extra = [] if workers is None else ["--workers", str(workers)]
    if cpu and kind == "cli":
        extra.append("--cpu")
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
    parser.add_argument(
        "--only", help="comma-separated contenders to run (e.g. floor,parse-c,load)"
    )
    parser.add_argument(
        "--cpu", action="store_true", help="the cli row's CPU seconds by process (Linux)"
    )
    parser.add_argument("--child", nargs=3, help=argparse.SUPPRESS)
    args = parser.parse_args()
    if args.child:
        global WORKERS, CPU
        WORKERS = args.workers
        CPU = args.cpu
        _child(*args.child)
        return
    compiled = importlib.util.find_spec("evidence.pubmed._fast") is not None
    repeated = ["floor", "parse-py", *(["parse-c"] if compiled else []), "load", "evidence"]
    repeated.append("cli")
    once = ["quick"]
    if importlib.util.find_spec("pubmed_parser") is not None:
        once.append("pubmed_parser")
    if not args.skip_entrez:
        once.append("entrez")
    order = ["floor", "quick", "pubmed_parser", "entrez", "parse-py", "parse-c"]
    order += ["load", "evidence", "again", "forced", "cli", "startup"]
    if args.only:
        wanted = set(args.only.split(","))
        repeated = [k for k in repeated if k in wanted]
        once = [k for k in once if k in wanted]
        singles = [k for k in ("again", "forced", "startup") if k in wanted]
    else:
        singles = ["again", "forced", "startup"]
    runs: dict[str, list[dict[str, Any]]] = {}
    with tempfile.TemporaryDirectory(prefix="evidence-bench-") as tmp:
        path = args.file or write_file(Path(tmp) / "bench.xml", args.records, first_pmid=1)
        size_mb = path.stat().st_size / 1e6
        print(f"file {path}: {size_mb:.0f} MB")
        for round_ in range(max(1, args.repeat)):
            db = Path(tmp) / f"bench{round_}.duckdb"  # a fresh warehouse each round
            for kind in repeated:
                runs.setdefault(kind, []).append(_run(kind, path, db, args.workers, args.cpu))
        # again and forced on the last round's warehouse
        for kind in [*[k for k in singles if k in ("again", "forced")], *once]:
            runs[kind] = [_run(kind, path, db, args.workers)]
        for kind in [k for k in singles if k == "startup"]:
            runs[kind] = [_run(kind, path, db, args.workers)]
    results = {kind: _median(runs[kind]) for kind in order if kind in runs}
    print(f"{'contender':<14} {'records':>8} {'seconds':>8} {'records/s':>10} {'peak RSS MB':>12}")
    for kind, r in results.items():
        rate = f"{r['records'] / r['seconds']:>10.0f}" if r["records"] else f"{'':>10}"
        spread = ""
        if len(runs[kind]) > 1:
            times = [x["seconds"] for x in runs[kind]]
            spread = f"   ({len(times)} runs, {min(times):.2f}-{max(times):.2f} s)"
        print(
            f"{kind:<14} {r['records']:>8.0f} {r['seconds']:>8.2f} {rate}"
            f" {r['rss_mb']:>12.0f}{spread}"
        )
    try:
        from evidence.pubmed import parser_path

        path_name = parser_path()
    except ImportError:  # an evidence from before the compiled builder
        path_name = "python (no compiled builder in this evidence)"
    workers = "default (one per core)" if args.workers is None else str(args.workers)
    print(f"record builder of load/evidence/cli: {path_name}; workers: {workers}")
    for i, run in enumerate(runs.get("cli", [])):
        if "cpu" in run:
            c = run["cpu"]
            each = ", ".join(f"{w:.2f}" for w in c["workers"])
            at = "".join(
                f", {name} at {c[key]:.2f} s"
                for name, key in (("forkserver", "forkserver_at"), ("first worker", "worker_at"))
                if c.get(key) is not None
            )
            print(
                f"cli run {i + 1}: {run['seconds']:.2f} s; CPU s: main {c['main']:.2f}, "
                f"forkserver {c['forkserver']:.2f}, workers [{each}], other {c['other']:.2f}, "
                f"all {c['total']:.2f}{at}"
            )
    if "parse-c" in results and "parse-py" in results:
        py, c = results["parse-py"]["seconds"], results["parse-c"]["seconds"]
        print(f"parse, compiled / python builder speed: {py / c:.2f}x")
    if "load" in results and "floor" in results:
        ev = results["load"]
        ev_rate = ev["records"] / ev["seconds"]
        floor_rate = results["floor"]["records"] / results["floor"]["seconds"]
        print(f"parse + load / floor speed: {ev_rate / floor_rate:.2f}")
        if "entrez" in results:
            entrez_rate = results["entrez"]["records"] / results["entrez"]["seconds"]
            print(f"parse + load / Bio.Entrez.read speed: {ev_rate / entrez_rate:.1f}x")
    if "load" in results and "evidence" in results:
        tag_cost = results["evidence"]["seconds"] - results["load"]["seconds"]
        print(f"tagging adds {tag_cost:.1f}s for {results['load']['records']:.0f} records", end="")
        if args.repeat > 1:
            pairs = [
                e["seconds"] - lo["seconds"]
                for e, lo in zip(runs["evidence"], runs["load"], strict=True)
            ]
            print(f" (median of each; round by round: {', '.join(f'{p:.1f}' for p in pairs)})")
        else:
            print()


def _median(runs: list[dict[str, float]]) -> dict[str, float]:
    """The run of median time (its own records and RSS; peak RSS is the highest seen)."""
    ordered = sorted(runs, key=lambda r: r["seconds"])
    middle = dict(ordered[(len(ordered) - 1) // 2])
    middle["seconds"] = statistics.median(r["seconds"] for r in runs)
    middle["rss_mb"] = max(r["rss_mb"] for r in runs)
    return middle


if __name__ == "__main__":
    main()
