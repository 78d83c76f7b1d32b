"""The vocabulary's big regex, compiled once and kept for later runs (ingest stage).

Loading the vocabulary compiles the text matcher's regex of ~110 KB (`evidence.tagging.
matching.compile_text_matcher`): ~0.2 CPU-s of the load's ~0.4, nearly all of it Python's
own regex parser and code generator (``re._parser``, ``re._compiler``), which rebuild the
same program every run. On the parallel ingest that time is on the path every worker waits
for (their forkserver loads the vocabulary before it forks them); in one process, before
the first record is tagged.

`RegexCache` compiles as ``re.compile`` does, in its two steps: the pattern is parsed and
turned into the engine's program (a list of integers), and ``_sre.compile`` builds the
pattern object from that program. It keeps the program in a file named after a digest of
the pattern, its flags and the interpreter (its version, the engine's ``MAGIC`` and code
size), so that a later run builds the pattern from the file at once. What it keeps is
checked before it is written: the pattern built from it must equal (``==``: same pattern,
flags and program) the one ``re.compile`` gives. A file that cannot be read, or whose
digest does not match its contents, is ignored; one that cannot be written is not kept.
Any other interpreter than CPython 3.11-3.13 (whose ``_sre.compile`` this module knows)
compiles with ``re.compile``, as does a pattern of bytes.

The vocabulary's regexes are all compiled this way (its terms' patterns, their unions, the
big one): loading it takes ~0.13 CPU-s instead of ~0.4. A run that finds a program missing
compiles the pattern twice (once to check what it keeps), so the first load of a vocabulary
edited takes ~1 CPU-s more. The files live in ``$XDG_CACHE_HOME/evidence/regex``
(``~/.cache/evidence/regex``), some 2.7 MB for a vocabulary (~415 files, the big regex's
0.8 MB), kept under `MAX_BYTES` (oldest removed first). Removing them costs the next run
the compile, nothing else.
"""

from __future__ import annotations

import hashlib
import importlib
import json
import os
import re
import sys
import tempfile
from array import array
from collections.abc import Iterator
from contextlib import contextmanager
from pathlib import Path
from typing import Any

__all__ = ["RegexCache", "compiling_with", "default_folder"]

_FORMAT = b"evidence-sre-1\n"
_re_compile = re.compile  # ``re``'s own, even while `compiling_with` stands in for it


def default_folder() -> Path | None:
    """Where the programs are kept: ``$XDG_CACHE_HOME/evidence/regex``, by default
    ``~/.cache/evidence/regex``; None when there is no home folder to put them in."""
    base = os.environ.get("XDG_CACHE_HOME")
    if not base:
        try:
            base = str(Path.home() / ".cache")
        except (RuntimeError, KeyError, OSError):
            return None
    return Path(base) / "evidence" / "regex"


def _engine() -> Any:
    """The regex engine's internals this module uses, or None where they may differ."""
    if sys.implementation.name != "cpython" or not (3, 11) <= sys.version_info[:2] <= (3, 13):
        return None
    try:
        sre = importlib.import_module("_sre")
        compiler = importlib.import_module("re._compiler")
        parser = importlib.import_module("re._parser")
    except ImportError:
        return None
    if array("I").itemsize != sre.CODESIZE:
        return None
    return sre, compiler, parser


# The folder is kept under this size: a vocabulary edited leaves its former programs behind
# (the big regex's some 0.8 MB), so a run that compiles removes the oldest beyond it.
MAX_BYTES = 64 << 20


def _prune(folder: Path) -> None:
    """Remove the oldest programs of ``folder`` (by when they were written) until it holds
    at most half of `MAX_BYTES`, when it holds more."""
    limit = MAX_BYTES
    try:
        files = [(p.stat().st_mtime, p.stat().st_size, p) for p in folder.glob("*.sre")]
    except OSError:
        return
    total = sum(size for _, size, _ in files)
    if total <= limit:
        return
    for _, size, path in sorted(files, key=lambda f: f[0]):
        if total <= limit // 2:
            break
        path.unlink(missing_ok=True)
        total -= size


class RegexCache:
    """Compile a pattern as ``re.compile`` does, keeping its program in ``folder`` for the
    next run (None: `default_folder`). Counts what it did: ``hits`` (built from a file),
    ``misses`` (compiled)."""

    def __init__(self, folder: Path | None = None) -> None:
        # None (no home folder): every pattern compiled by ``re.compile``, nothing kept
        self.folder = folder if folder is not None else default_folder()
        self.hits = 0
        self.misses = 0
        # what this cache gave, by pattern and flags: asked again, it gives the same object
        # (as `re.compile` does from its own cache: the vocabulary's patterns are compiled
        # when they are validated and again for the text matcher)
        self._given: dict[tuple[str, int], re.Pattern[str]] = {}

    def __call__(self, pattern: str, flags: int = 0) -> re.Pattern[str]:
        engine = _engine()
        if engine is None or self.folder is None or not isinstance(pattern, str):
            return _re_compile(pattern, flags)
        given = self._given.get((pattern, int(flags)))
        if given is not None:
            return given
        path = self.folder / f"{self._key(engine, pattern, flags)}.sre"
        compiled = self._read(engine, path, pattern)
        if compiled is not None:
            self.hits += 1
        else:
            self.misses += 1
            if self.misses == 1:
                _prune(self.folder)
            compiled = self._compile(engine, path, pattern, flags)
        self._given[(pattern, int(flags))] = compiled
        return compiled

    @staticmethod
    def _key(engine: Any, pattern: str, flags: int) -> str:
        sre = engine[0]
        digest = hashlib.sha256()
        digest.update(f"{sys.version}\0{sre.MAGIC}\0{sre.CODESIZE}\0{int(flags)}\0".encode())
        digest.update(pattern.encode("utf-8", "surrogatepass"))
        return digest.hexdigest()

    @staticmethod
    def _read(engine: Any, path: Path, pattern: str) -> re.Pattern[str] | None:
        sre = engine[0]
        try:
            data = path.read_bytes()
        except OSError:
            return None
        try:
            if not data.startswith(_FORMAT):
                return None
            head_end = data.index(b"\n", len(_FORMAT))
            head = json.loads(data[len(_FORMAT) : head_end])
            body = data[head_end + 1 :]
            if hashlib.sha256(body).hexdigest() != head["sha256"]:
                return None
            code = array("I")
            code.frombytes(body)
            indexgroup = tuple(head["indexgroup"])
            groupindex = {str(k): int(v) for k, v in head["groupindex"].items()}
            # the engine checks the program it is given (`_validate`): a damaged one raises
            compiled: re.Pattern[str] = sre.compile(
                pattern, int(head["flags"]), code.tolist(), int(head["groups"]) - 1,
                groupindex, indexgroup,
            )  # fmt: skip
        except (ValueError, KeyError, TypeError, RuntimeError, OverflowError):
            return None
        return compiled

    def _compile(self, engine: Any, path: Path, pattern: str, flags: int) -> re.Pattern[str]:
        sre, compiler, parser = engine
        reference = _re_compile(pattern, flags)  # raises re.error as re.compile does
        try:
            parsed = parser.parse(pattern, flags)
            code = compiler._code(parsed, flags)
            groupindex = dict(parsed.state.groupdict)
            indexgroup: list[str | None] = [None] * parsed.state.groups
            for name, index in groupindex.items():
                indexgroup[index] = name
            final_flags = flags | parsed.state.flags
            ours = sre.compile(
                pattern, final_flags, code, parsed.state.groups - 1, groupindex,
                tuple(indexgroup),
            )  # fmt: skip
        except Exception:  # an engine this module does not know after all: not kept
            return reference
        if ours != reference:
            return reference
        body = array("I", code).tobytes()
        head = {
            "flags": final_flags,
            "groups": parsed.state.groups,
            "groupindex": groupindex,
            "indexgroup": indexgroup,
            "sha256": hashlib.sha256(body).hexdigest(),
        }
        self._write(path, _FORMAT + json.dumps(head).encode() + b"\n" + body)
        return reference

    @staticmethod
    def _write(path: Path, data: bytes) -> None:
        """Write ``path`` whole or not at all (a run reading it meanwhile sees no file)."""
        try:
            path.parent.mkdir(parents=True, exist_ok=True)
            fd, tmp = tempfile.mkstemp(dir=path.parent, prefix=".tmp-", suffix=".sre")
            try:
                with os.fdopen(fd, "wb") as out:
                    out.write(data)
                os.replace(tmp, path)
            except BaseException:
                Path(tmp).unlink(missing_ok=True)
                raise
        except OSError:
            return


@contextmanager
def compiling_with(cache: RegexCache) -> Iterator[None]:
    """Inside this block ``re.compile`` goes through ``cache``: for modules imported inside
    it that compile their patterns when they are imported (the tagging stage: 237 patterns,
    ~0.13 CPU-s of its ~0.29). Only for a process with no other thread running Python code
    meanwhile (the workers' forkserver, as it starts), since ``re.compile`` is replaced for
    the whole process while the block runs; it is ``re``'s own again afterwards."""
    original = re.compile
    inside: list[bool] = []  # the cache's own work (reading, pruning) compiles with re's own

    def compile_through(pattern: Any, flags: int = 0) -> re.Pattern[Any]:
        if inside:
            return original(pattern, flags)
        inside.append(True)
        try:
            return cache(pattern, flags)
        finally:
            inside.pop()

    setattr(re, "compile", compile_through)  # noqa: B010
    try:
        yield
    finally:
        setattr(re, "compile", original)  # noqa: B010
