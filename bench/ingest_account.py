"""Where the CPU of `evidence ingest` goes: each process's CPU seconds by activity.

Runs the real command (`evidence ingest FILE --db NEW`, default workers unless --workers)
with a ``sitecustomize`` module put first on its ``PYTHONPATH``, which every Python process
of the run imports at start (the command, the workers' forkserver, the resource tracker;
the workers are forked from the forkserver and keep what it installed). It wraps the
functions that mark an activity (parse, tag, pickling a piece's result, the DuckDB upsert,
the commit, a wait ...) with a timer of the calling thread's CPU, charging each moment to
the innermost activity running, and every process writes what it counted to a folder when
it ends. The processes' own CPU totals come from the kernel, as ``bench/ingest_bench.py
--cpu`` reads them, so the row ``unlabelled`` is what no wrapper saw (for the command:
its own start-up before the ingest begins is a row of its own, and ``exit`` is what it
spent after its counts were written).

    python bench/ingest_account.py FILE [--workers N] [--repeat N] [--json]

With ``--repeat N`` the runs are made one after the other and the table gives each cell's
lowest value and the highest (``lo-hi``). The wrappers cost a few µs a call (some 30,000
calls on the 10,000-record file), so the totals are ~0.05-0.1 CPU-s above a plain run.

A worker's ``wait`` is the time it blocks for a task (CPU only: waiting costs none), the
command's ``wait`` rows are wall seconds too (in the column ``wall``).
"""

from __future__ import annotations

import json
import os
import sys
import threading
import time
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

ENV = "INGEST_ACCOUNT_DIR"  # where each process writes its counts (set: hooks installed)
HERE = Path(__file__).resolve().parent

# -- the hooks (imported by every process of the measured run) ---------------------------

_lock = threading.Lock()
_cpu: dict[str, float] = {}  # activity -> CPU seconds (threads summed)
_wall: dict[str, float] = {}  # activity -> wall seconds (the command's waits)
_calls: dict[str, int] = {}
_stamps: dict[str, list[float]] = {}  # activity -> [first start, last end] (CLOCK_MONOTONIC)
_stacks: dict[int, list[list[Any]]] = {}  # thread -> [[activity, since (thread CPU)], ...]
_role = ["other"]
_base = ["start-up (interpreter)"]  # the main thread's activity outside every wrapper
_WALLED = "(wall)"  # activities whose wall time is kept too


def _charge(name: str, seconds: float) -> None:
    _cpu[name] = _cpu.get(name, 0.0) + seconds


def _push(name: str) -> tuple[float, int]:
    now = time.thread_time()
    stack = _stacks.setdefault(threading.get_ident(), [])
    with _lock:
        if stack:
            top = stack[-1]
            _charge(top[0], now - top[1])
        elif threading.current_thread() is threading.main_thread():
            _charge(_base[0], now - _base_since[0])
        stack.append([name, now])
        _calls[name] = _calls.get(name, 0) + 1
        _stamps.setdefault(name, [time.monotonic(), 0.0])
    return time.perf_counter(), len(stack)


def _pop(name: str, wall_start: float) -> None:
    now = time.thread_time()
    stack = _stacks[threading.get_ident()]
    with _lock:
        top = stack.pop()
        _charge(top[0], now - top[1])
        if stack:
            stack[-1][1] = now
        elif threading.current_thread() is threading.main_thread():
            _base_since[0] = now
        _stamps[name][1] = time.monotonic()
        if name.endswith(_WALLED):
            _wall[name] = _wall.get(name, 0.0) + time.perf_counter() - wall_start


_base_since = [0.0]
_born = [time.monotonic()]  # this process's hooks installed (a worker: its fork)


def _set_base(name: str) -> None:
    """From now on, the main thread's time outside every wrapper is ``name``."""
    now = time.thread_time()
    with _lock:
        if not _stacks.get(threading.get_ident()):
            _charge(_base[0], now - _base_since[0])
            _base_since[0] = now
        _base[0] = name


def _timed(fn: Callable[..., Any], name: str, *, base: str | None = None) -> Callable[..., Any]:
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        if base is not None:
            _set_base(base)
        wall, _ = _push(name)
        try:
            return fn(*args, **kwargs)
        finally:
            _pop(name, wall)

    return _named(wrapper, fn)


def _named(wrapper: Callable[..., Any], fn: Callable[..., Any]) -> Callable[..., Any]:
    """``wrapper`` under ``fn``'s names, so that pickle sends it by name (a worker's
    initializer, a task) and the other process finds the wrapper there too."""
    for attr in ("__module__", "__name__", "__qualname__", "__doc__"):
        setattr(wrapper, attr, getattr(fn, attr, None))
    wrapper.__wrapped__ = fn  # type: ignore[attr-defined]
    return wrapper


def _timed_iter(fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    """A generator function whose every step is charged to ``name``."""

    def wrapper(*args: Any, **kwargs: Any) -> Any:
        wall, _ = _push(name)
        try:
            inner = fn(*args, **kwargs)
        finally:
            _pop(name, wall)
        if inner is None:
            return None
        return _steps(iter(inner), name)

    return _named(wrapper, fn)


def _steps(inner: Iterator[Any], name: str) -> Iterator[Any]:
    while True:
        wall, _ = _push(name)
        try:
            item = next(inner)
        except StopIteration:
            return
        finally:
            _pop(name, wall)
        yield item


def _timed_exit(cm_fn: Callable[..., Any], name: str) -> Callable[..., Any]:
    """A context manager whose exit (a commit, a publish) is charged to ``name``."""

    @contextmanager
    def wrapper(*args: Any, **kwargs: Any) -> Iterator[Any]:
        cm = cm_fn(*args, **kwargs)
        value = cm.__enter__()
        try:
            yield value
        except BaseException:
            if not cm.__exit__(*sys.exc_info()):
                raise
            return
        wall, _ = _push(name)
        try:
            cm.__exit__(None, None, None)
        finally:
            _pop(name, wall)

    return wrapper


class _Connection:
    """A DuckDB connection whose close (the checkpoint) is charged to an activity."""

    def __init__(self, con: Any) -> None:
        self._con = con

    def __getattr__(self, name: str) -> Any:
        return getattr(self._con, name)

    def close(self) -> None:
        wall, _ = _push("close warehouse (checkpoint)")
        try:
            self._con.close()
        finally:
            _pop("close warehouse (checkpoint)", wall)


def _patch_pool(mod: Any) -> None:
    for attr, name in (
        ("read_span", "worker: read piece"),
        ("analyse_all", "worker: tag"),
        ("build_batch", "worker: build Arrow batch"),
        ("_init_worker", "worker: init"),
        ("_warm", "worker: take the vocabulary"),
        ("merge_batches", "main: merge batches"),
        ("_result", "main: wait for a piece (wall)"),
    ):
        setattr(mod, attr, _timed(getattr(mod, attr), name))
    mod.iter_records = _timed_iter(mod.iter_records, "worker: parse")
    mod.span_records = _timed_iter(mod.span_records, "main: cut file into pieces")
    pool_cls = mod.WorkerPool
    pool_cls.start = _timed(pool_cls.start, "main: start workers (wall)")
    pool_cls.tagger_key = _timed(pool_cls.tagger_key, "main: wait for workers' vocabulary (wall)")
    pool_cls.close = _timed(pool_cls.close, "main: shut workers down (wall)")


def _patch_engine(mod: Any) -> None:
    mod.sha256_file = _timed(mod.sha256_file, "main: hash file")
    mod.is_ingested = _timed(mod.is_ingested, "main: ledger look-up")
    mod.upsert_batch = _timed(mod.upsert_batch, "main: DuckDB upsert")
    mod.upsert_articles = _timed(mod.upsert_articles, "main: DuckDB upsert")
    mod.tag_articles = _timed(mod.tag_articles, "main: tag (in this process)")
    mod.write_ledger = _timed(mod.write_ledger, "main: ledger row")
    mod.transaction = _timed_exit(mod.transaction, "main: commit")
    mod.iter_records = _timed_iter(mod.iter_records, "main: parse (in this process)")


def _patch_run(mod: Any) -> None:
    def connect(*args: Any, **kwargs: Any) -> Any:
        return _Connection(opened(*args, **kwargs))

    opened = _timed(mod.connect, "main: open warehouse")
    mod.connect = connect
    mod.refresh_tags = _timed(mod.refresh_tags, "main: stale-tag check")
    mod.load_tagger = _timed(mod.load_tagger, "main: vocabulary (in this process)")
    mod.transaction = _timed_exit(mod.transaction, "main: commit")


def _patch_pipeline(mod: Any) -> None:
    mod.writing = _timed_exit(mod.writing, "main: publish warehouse")
    mod.ingest = _timed(mod.ingest, "main: ingest (unlabelled)", base="main: CLI (unlabelled)")


def _patch_ahead(mod: Any) -> None:
    def start_ahead(*args: Any, **kwargs: Any) -> Any:
        _set_base("main: imports after it (CLI, pipeline)")
        return started(*args, **kwargs)

    started = _timed(mod.start_ahead, "main: start forkserver")
    mod.start_ahead = start_ahead


def _patch_preload(mod: Any) -> None:
    mod.hold = _timed(mod.hold, "forkserver: load the vocabulary")


def _patch_forkserver(mod: Any) -> None:
    def main(*args: Any, **kwargs: Any) -> Any:
        _role[0] = "forkserver"
        _set_base("forkserver: imports (parse stack, tagging)")
        os.register_at_fork(before=_before_fork, after_in_child=_in_worker)
        try:
            return served(*args, **kwargs)
        finally:  # its last client gone: what it spends after this is its exit
            _set_base("forkserver: fork workers, reap")
            _dump()

    served = mod.main
    mod.main = main


def _before_fork() -> None:
    if _role[0] == "forkserver":
        if _base[0].startswith("forkserver: imports"):
            _dump()  # its preparation done (its later CPU: forking and reaping)
        _set_base("forkserver: fork workers, reap")


def _in_worker() -> None:
    _role[0] = "worker"
    _cpu.clear()
    _wall.clear()
    _calls.clear()
    _stamps.clear()
    _stacks.clear()
    _born[0] = time.monotonic()
    _base[0] = "worker: start (fork, __main__ again)"
    _base_since[0] = time.thread_time()


def _patch_spawn(mod: Any) -> None:
    run = mod._main

    def _main(*args: Any, **kwargs: Any) -> Any:
        try:
            return run(*args, **kwargs)
        finally:
            _dump()

    mod._main = _main
    mod.prepare = _timed(mod.prepare, "worker: start (fork, __main__ again)")


def _patch_futures(mod: Any) -> None:
    mod._sendback_result = _timed(mod._sendback_result, "worker: pickle and send a result")
    manager = mod._ExecutorManagerThread
    manager.wait_result_broken_or_wakeup = _timed(
        manager.wait_result_broken_or_wakeup, "main: receive and unpickle results (thread)"
    )

    def process_worker(*args: Any, **kwargs: Any) -> Any:
        _set_base("worker: unlabelled (task loop)")
        return worker_loop(*args, **kwargs)

    worker_loop = mod._process_worker
    mod._process_worker = _named(process_worker, worker_loop)


def _patch_queues(mod: Any) -> None:
    cls = mod.Queue
    cls.get = _timed(cls.get, "worker: wait for a task, unpickle it")


_PATCHES: dict[str, Callable[[Any], None]] = {
    "evidence.ingest.pool": _patch_pool,
    "evidence.ingest.engine": _patch_engine,
    "evidence.ingest.run": _patch_run,
    "evidence.ingest.ahead": _patch_ahead,
    "evidence.ingest.preload": _patch_preload,
    "evidence.pipeline": _patch_pipeline,
    "multiprocessing.forkserver": _patch_forkserver,
    "multiprocessing.spawn": _patch_spawn,
    "concurrent.futures.process": _patch_futures,
    "multiprocessing.queues": _patch_queues,
}


class _Finder:
    """Patches a module of `_PATCHES` right after it is first executed."""

    @staticmethod
    def find_spec(name: str, path: Any = None, target: Any = None) -> Any:
        if name not in _PATCHES:
            return None
        import importlib.machinery

        spec = importlib.machinery.PathFinder.find_spec(name, path)
        if spec is None or spec.loader is None:
            return spec
        loader = spec.loader
        run = loader.exec_module

        def exec_module(module: Any) -> None:
            run(module)
            _PATCHES[name](module)

        loader.exec_module = exec_module  # type: ignore[method-assign]
        return spec


def _dump() -> None:
    folder = os.environ.get(ENV)
    if not folder:
        return
    import resource

    usage = resource.getrusage(resource.RUSAGE_SELF)
    now = time.thread_time()
    with _lock:
        cpu = dict(_cpu)
        stack = _stacks.get(threading.get_ident())
        if not stack and threading.current_thread() is threading.main_thread():
            cpu[_base[0]] = cpu.get(_base[0], 0.0) + now - _base_since[0]
    data = {
        "pid": os.getpid(),
        "role": _role[0],
        "cpu": cpu,
        "wall": dict(_wall),
        "calls": dict(_calls),
        "stamps": dict(_stamps),
        "born": _born[0],
        "total": usage.ru_utime + usage.ru_stime,
    }
    Path(folder, f"{_role[0]}-{os.getpid()}.json").write_text(json.dumps(data))


def install() -> None:
    """Install the hooks in this process (the ``sitecustomize`` of a measured run)."""
    if any(m in sys.modules for m in _PATCHES if m.startswith("evidence")):
        raise RuntimeError("the hooks must be installed before evidence is imported")
    _base_since[0] = 0.0  # the interpreter's start counts as start-up
    _base[0] = "start-up (interpreter)"
    sys.meta_path.insert(0, _Finder)
    if os.environ.get("INGEST_ACCOUNT_MAIN") is None:
        _base[0] = "main: start-up (until the forkserver starts)"
        os.environ["INGEST_ACCOUNT_MAIN"] = str(os.getpid())
        _role[0] = "main"
        import atexit

        atexit.register(_dump)


# -- the run and the table ----------------------------------------------------------------

_SITE = f"""\
import os, sys
if os.environ.get({ENV!r}):
    sys.path.insert(0, {str(HERE)!r})
    import ingest_account
    sys.path.remove({str(HERE)!r})
    ingest_account.install()
"""


def measure(path: Path, workers: int | None) -> dict[str, Any]:
    """One measured run: {process label: {"cpu": {...}, "wall": {...}, "total": s}}."""
    import tempfile

    sys.path.insert(0, str(HERE))
    from ingest_bench import _cpu_by_process, _evidence

    with tempfile.TemporaryDirectory(prefix="ingest-account-") as tmp:
        site = Path(tmp, "site")
        site.mkdir()
        (site / "sitecustomize.py").write_text(_SITE)
        out = Path(tmp, "counts")
        out.mkdir()
        extra = [] if workers is None else ["--workers", str(workers)]
        argv = [_evidence(), "ingest", str(path), "--db", str(Path(tmp, "w.duckdb")), *extra]
        env = dict(os.environ)
        env[ENV] = str(out)
        env.pop("INGEST_ACCOUNT_MAIN", None)
        env["PYTHONPATH"] = os.pathsep.join(filter(None, [str(site), env.get("PYTHONPATH")]))
        import resource

        before = resource.getrusage(resource.RUSAGE_CHILDREN)
        saved = dict(os.environ)
        os.environ.clear()
        os.environ.update(env)
        try:
            totals = _cpu_by_process(argv)
        finally:
            os.environ.clear()
            os.environ.update(saved)
        totals["total"] -= before.ru_utime + before.ru_stime  # this run's processes alone
        counts = [json.loads(p.read_text()) for p in sorted(out.glob("*.json"))]
    return _by_process(counts, totals)


def _by_process(counts: list[dict[str, Any]], totals: dict[str, Any]) -> dict[str, Any]:
    procs: dict[str, Any] = {}
    workers = sorted((c for c in counts if c["role"] == "worker"), key=lambda c: c["pid"])
    for c in counts:
        if c["role"] == "main":
            procs["main"] = _with_rest(c, totals["main"], "main: exit (after its counts)")
        elif c["role"] == "forkserver":
            procs["forkserver"] = _with_rest(
                c, totals["forkserver"], "forkserver: exit (after its counts)"
            )
    for i, c in enumerate(workers):
        total = totals["workers"][i] if i < len(totals["workers"]) else c["total"]
        procs[f"worker {i + 1}"] = _with_rest(c, total, "worker: unlabelled")
    procs["other"] = {"cpu": {"other processes (resource tracker)": totals["other"]}, "wall": {}}
    procs["_"] = {"seconds": totals["seconds"], "all": totals["total"]}
    return procs


def _with_rest(c: dict[str, Any], total: float, rest: str) -> dict[str, Any]:
    cpu = dict(c["cpu"])
    seen = sum(cpu.values())
    # what the kernel counted beyond the activities: threads no wrapper covers, and CPU
    # after the counts were written
    cpu[rest] = cpu.get(rest, 0.0) + max(0.0, total - seen)
    return {
        "cpu": cpu,
        "wall": c["wall"],
        "calls": c["calls"],
        "total": total,
        "stamps": c["stamps"],
        "born": c["born"],
    }


def _timeline(run: dict[str, Any]) -> str:
    """When each activity of each process first started and last ended, in seconds from the
    command's hooks being installed (its interpreter's first ~0.02 s before that)."""
    zero = run["main"]["born"]
    rows = []
    for proc, data in run.items():
        if "stamps" not in data:
            continue
        rows.append((data["born"] - zero, data["born"] - zero, proc, "(process starts)"))
        for name, (first, last) in data["stamps"].items():
            if data["cpu"].get(name, 0.0) >= 0.005 or name in data["wall"]:
                rows.append((first - zero, last - zero, proc, name))
    rows.sort()
    lines = [f"{'from s':>7} {'to s':>7}  {'process':<11} activity"]
    lines += [f"{a:>7.2f} {b:>7.2f}  {p:<11} {n}" for a, b, p, n in rows]
    return "\n".join(lines)


def _table(runs: list[dict[str, Any]]) -> str:
    columns = ["main", "forkserver", "worker 1", "worker 2", "other"]
    columns += sorted({k for r in runs for k in r if k.startswith("worker ")} - set(columns))
    columns = [c for c in columns if any(c in r for r in runs)]
    names: list[str] = []
    for r in runs:
        for col in columns:
            for name in r.get(col, {}).get("cpu", {}):
                if name not in names:
                    names.append(name)
    order = ("main", "forkserver", "worker", "other")
    names.sort(key=lambda n: next((i for i, p in enumerate(order) if n.startswith(p)), 9))

    def cell(values: list[float]) -> str:
        lo, hi = min(values), max(values)
        return f"{lo:.2f}" if len(values) == 1 or hi - lo < 0.005 else f"{lo:.2f}-{hi:.2f}"

    width = max(len(n) for n in names) + 2
    head = f"{'CPU s by activity':<{width}}" + "".join(f"{c:>12}" for c in columns)
    head += f"{'all':>12}{'wall':>12}"
    lines = [head]
    for name in names:
        row = f"{name:<{width}}"
        everywhere: list[float] = []
        for col in columns:
            values = [r[col]["cpu"][name] for r in runs if name in r.get(col, {}).get("cpu", {})]
            row += f"{cell(values) if values else '':>12}"
        for r in runs:
            everywhere.append(sum(r[c]["cpu"].get(name, 0.0) for c in columns if c in r))
        walls = [r["main"]["wall"][name] for r in runs if name in r.get("main", {}).get("wall", {})]
        row += f"{cell(everywhere):>12}{cell(walls) if walls else '':>12}"
        lines.append(row)
    row = f"{'total':<{width}}"
    for col in columns:
        values = [r[col].get("total", sum(r[col]["cpu"].values())) for r in runs if col in r]
        row += f"{cell(values):>12}"
    row += f"{cell([r['_']['all'] for r in runs]):>12}{cell([r['_']['seconds'] for r in runs]):>12}"
    lines.append(row)
    return "\n".join(lines)


def main() -> None:
    import argparse

    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("file", type=Path)
    parser.add_argument("--workers", type=int, help="as evidence ingest --workers")
    parser.add_argument("--repeat", type=int, default=1)
    parser.add_argument("--json", action="store_true", help="print each run's counts too")
    args = parser.parse_args()
    runs = []
    for _ in range(max(1, args.repeat)):
        runs.append(measure(args.file, args.workers))
        if args.json:
            print(json.dumps(runs[-1]))
    print(f"file {args.file}, workers {args.workers if args.workers is not None else 'default'}")
    print(_table(runs))
    print(f"load average: {os.getloadavg()[0]:.2f} (1 min) after the runs")
    print("timeline of the last run:")
    print(_timeline(runs[-1]))


if __name__ == "__main__":
    main()
