"""The vocabulary's big regex built from the program an earlier run kept
(`evidence.ingest.regexes.RegexCache`): the very pattern `re.compile` gives, or
`re.compile`'s own when what was kept cannot be used."""

from __future__ import annotations

import json
import os
import re
import subprocess
import sys
from pathlib import Path

import pytest

from evidence.ingest import regexes
from evidence.ingest.regexes import RegexCache
from evidence.ingest.tagger import load_tagger

VOCAB = Path(__file__).resolve().parents[3] / "data" / "vocab"

PATTERNS = [
    (r"(?P<lead>\bdry needl(?:e|ing)s?\b)|(acupunct\w+)(?=\s)", re.MULTILINE),
    (r"(?i)^pain(?: relief)?$|(?P<x>a)(?P=x)b{2,5}?", 0),
    (r"\A\b(?=(?:foo|bar)[^\W\d]+)|\W(?=[éü]\w)", re.MULTILINE | re.IGNORECASE),
]
TEXT = "Dry needling vs acupuncture \nPAIN relief\naab aabbb foobar éte\nüber pain"


def _same(ours: re.Pattern[str], pattern: str, flags: int) -> None:
    reference = re.compile(pattern, flags)
    assert ours == reference  # same pattern, flags and program
    assert ours.groupindex == reference.groupindex
    assert ours.groups == reference.groups
    assert [m.span() for m in ours.finditer(TEXT)] == [m.span() for m in reference.finditer(TEXT)]
    assert [m.groups() for m in ours.finditer(TEXT)] == [
        m.groups() for m in reference.finditer(TEXT)
    ]


@pytest.mark.parametrize(("pattern", "flags"), PATTERNS)
def test_a_pattern_is_compiled_once_then_built_from_what_was_kept(
    tmp_path: Path, pattern: str, flags: int
) -> None:
    first = RegexCache(tmp_path)
    _same(first(pattern, flags), pattern, flags)
    assert (first.hits, first.misses) == (0, 1)
    assert len(list(tmp_path.glob("*.sre"))) == 1
    later = RegexCache(tmp_path)  # a later run
    built = later(pattern, flags)
    assert (later.hits, later.misses) == (1, 0)
    assert built is not re.compile(pattern, flags)  # built from the file, not re's own cache
    _same(built, pattern, flags)


def test_another_pattern_or_other_flags_are_kept_apart(tmp_path: Path) -> None:
    cache = RegexCache(tmp_path)
    pattern, flags = PATTERNS[0]
    cache(pattern, flags)
    _same(cache(pattern, 0), pattern, 0)
    _same(cache(pattern + "|x", flags), pattern + "|x", flags)
    assert (cache.hits, cache.misses) == (0, 3)


def test_a_damaged_file_is_ignored(tmp_path: Path) -> None:
    pattern, flags = PATTERNS[0]
    RegexCache(tmp_path)(pattern, flags)
    (kept,) = tmp_path.glob("*.sre")
    data = bytearray(kept.read_bytes())
    data[-8] ^= 0xFF  # a changed program no longer matches its digest
    kept.write_bytes(bytes(data))
    cache = RegexCache(tmp_path)
    _same(cache(pattern, flags), pattern, flags)
    assert (cache.hits, cache.misses) == (0, 1)
    kept.write_bytes(b"not a program")
    cache = RegexCache(tmp_path)
    _same(cache(pattern, flags), pattern, flags)
    assert cache.hits == 0


def test_a_folder_that_cannot_be_written_keeps_nothing(tmp_path: Path) -> None:
    blocked = tmp_path / "file"
    blocked.write_text("a file where the folder would be")
    cache = RegexCache(blocked / "regex")
    for pattern, flags in PATTERNS:
        _same(cache(pattern, flags), pattern, flags)
    assert cache.misses == len(PATTERNS)


def test_a_bad_pattern_raises_as_re_compile_does(tmp_path: Path) -> None:
    with pytest.raises(re.error):
        RegexCache(tmp_path)("(unclosed", 0)
    assert not list(tmp_path.glob("*.sre"))


def test_the_vocabulary_loads_the_same_from_what_was_kept(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    monkeypatch.setenv("XDG_CACHE_HOME", str(tmp_path))
    first = load_tagger(VOCAB)
    kept = list((tmp_path / "evidence" / "regex").glob("*.sre"))
    assert len(kept) > 100  # the big regex, each term's patterns and their unions
    later = load_tagger(VOCAB)
    assert later.key == first.key
    ours, reference = later.vocab.text_matcher, first.vocab.text_matcher
    assert ours is not None and reference is not None
    assert ours.regex is not reference.regex and ours.regex == reference.regex
    text = "Dry needling and exercise therapy for chronic low back pain: a randomised trial."
    doc = text.lower()
    assert ours.find(doc, text) == reference.find(doc, text)
    assert ours.unions.keys() == reference.unions.keys()
    assert all(ours.unions[k] == reference.unions[k] for k in ours.unions)
    assert ours.exclusions == reference.exclusions


def test_the_oldest_programs_go_once_the_folder_is_over_its_size(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    cache = RegexCache(tmp_path)
    for i in range(6):
        cache(f"old{i}|x+y", 0)
    sizes = [p.stat().st_size for p in tmp_path.glob("*.sre")]
    old = sorted(tmp_path.glob("*.sre"), key=lambda p: p.stat().st_mtime)
    for i, path in enumerate(old):
        os.utime(path, (1000 + i, 1000 + i))
    limit = sum(sizes) - 1  # just over: the next run removes the oldest down to half
    monkeypatch.setattr(regexes, "MAX_BYTES", limit)
    _same(RegexCache(tmp_path)("new|x+y", 0), "new|x+y", 0)
    left = set(tmp_path.glob("*.sre"))
    assert old[0] not in left and old[-1] in left
    assert sum(p.stat().st_size for p in left) <= limit // 2 + max(sizes) * 2


STAGE = """
import json, re, sys
before = re.compile
import evidence.ingest.tagging_stage
assert re.compile is before  # re's own again after the import
seen = 0
for name, module in list(sys.modules.items()):
    if not name.startswith("evidence.tagging"):
        continue
    for value in vars(module).values():
        values = value if isinstance(value, (list, tuple, frozenset, set)) else (
            value.values() if isinstance(value, dict) else (value,))
        for p in values:
            if isinstance(p, re.Pattern) and isinstance(p.pattern, str):
                assert p == re.compile(p.pattern, p.flags), (name, p.pattern)
                seen += 1
from evidence.ingest.regexes import default_folder
print(json.dumps([seen, len(list(default_folder().glob("*.sre")))]))
"""


def test_the_forkserver_imports_the_tagging_stage_with_the_same_patterns(
    tmp_path: Path,
) -> None:
    """`evidence.ingest.tagging_stage`: every pattern the tagging stage's modules hold is
    the one `re.compile` gives, when they were compiled (a first run) and when they were
    built from what was kept (a later one)."""
    env = {**os.environ, "XDG_CACHE_HOME": str(tmp_path)}
    runs = [
        json.loads(
            subprocess.run(
                [sys.executable, "-c", STAGE], check=True, capture_output=True, text=True, env=env
            ).stdout.splitlines()[-1]
        )
        for _ in range(2)
    ]
    (seen, kept), (seen_later, kept_later) = runs
    assert seen > 100 and seen_later == seen
    assert kept > 100 and kept_later == kept  # the later run compiled nothing new


def test_without_a_home_folder_nothing_is_kept(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.delenv("XDG_CACHE_HOME", raising=False)

    def no_home() -> Path:
        raise RuntimeError("Could not determine home directory.")

    monkeypatch.setattr(Path, "home", staticmethod(no_home))
    cache = RegexCache()
    assert cache.folder is None
    for pattern, flags in PATTERNS:
        _same(cache(pattern, flags), pattern, flags)
    assert (cache.hits, cache.misses) == (0, 0)
