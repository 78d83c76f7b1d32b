"""Drafting stage, lay terms: the everyday words for vocabulary terms, read from a data file.

`data/drafting/lay-terms.yaml` lists, per vocabulary id, the lay phrases and patterns the
drafter reads as that term where the vocabulary itself matches nothing ("chronic muscle
pain", "a collapsed lung"), the shortened names it reads as a guess ("TMJ", "stenosis"),
and the body parts of "pain in the back, neck or legs". Editors extend the file; the code
only loads it (once per path) and checks it: a malformed entry raises `VocabularyError`
with a one-line message naming the file and the entry, and `check_ids` does the same for an
id the vocabulary in use does not have.

    >>> terms = load_lay_terms()  # doctest: +SKIP
    >>> terms.body_parts["neck"]  # doctest: +SKIP
    'neck_pain'
"""

from __future__ import annotations

import re
from collections.abc import Mapping
from dataclasses import dataclass
from pathlib import Path
from typing import Any

import yaml

from evidence.config import PROJECT_ROOT
from evidence.errors import VocabularyError, quoted
from evidence.yamlfiles import CappedLoader, read_capped

__all__ = ["DEFAULT_PATH", "DIMENSIONS", "LayTerm", "LayTerms", "check_ids", "load_lay_terms"]

DEFAULT_PATH = PROJECT_ROOT / "data" / "drafting" / "lay-terms.yaml"
DIMENSIONS = ("intervention", "condition", "adverse_event")
_SECTIONS = ("lay_terms", "short_names", "body_parts")
_ENTRY_KEYS = frozenset({"id", "dimension", "phrases", "patterns"})
_ID = re.compile(r"^[a-z][a-z0-9_]*$")


@dataclass(frozen=True, slots=True)
class LayTerm:
    """One reading: text matching `pattern` is the vocabulary term `term` of `dimension`;
    `entry` names the entry of the file it comes from, for messages."""

    dimension: str
    term: str
    pattern: re.Pattern[str]
    entry: str


@dataclass(frozen=True, slots=True)
class LayTerms:
    """The lay terms of one file, in file order."""

    path: Path
    phrases: tuple[LayTerm, ...]
    short_names: tuple[LayTerm, ...]
    body_parts: Mapping[str, str]

    def ids(self) -> list[tuple[str, str, str]]:
        """(dimension, id, entry) of every entry and body part."""
        out = [(t.dimension, t.term, t.entry) for t in self.phrases + self.short_names]
        parts = self.body_parts.items()
        out += [("condition", term, f"body_parts: {part}") for part, term in parts]
        return out


_CACHE: dict[Path, LayTerms] = {}


def load_lay_terms(path: Path | None = None) -> LayTerms:
    """The lay terms of `path` (default `data/drafting/lay-terms.yaml`), read and checked
    once per path; raises `VocabularyError` on a malformed file or entry."""
    path = (path or DEFAULT_PATH).resolve()
    cached = _CACHE.get(path)
    if cached is None:
        cached = _CACHE[path] = _read(path)
    return cached


def check_ids(terms: LayTerms, known: frozenset[tuple[str, str]]) -> None:
    """Raise `VocabularyError` for the first entry whose (dimension, id) is not `known`."""
    for dimension, term, entry in terms.ids():
        if (dimension, term) not in known:
            raise VocabularyError(
                f"{_shown(terms.path)}: {entry}: unknown {dimension} id {quoted(term)}"
            )


def _shown(path: Path) -> str:
    try:
        return str(path.relative_to(PROJECT_ROOT))
    except ValueError:
        return str(path)


def _read(path: Path) -> LayTerms:
    name = _shown(path)
    try:
        # a file editors write, read as claims files and query sets are (`yamlfiles`)
        raw = read_capped(path, VocabularyError, what="a lay-terms file")
        data = yaml.load(raw.decode("utf-8"), Loader=CappedLoader)
    except OSError as exc:
        raise VocabularyError(f"{name}: cannot read: {exc.strerror}") from exc
    except (yaml.YAMLError, UnicodeDecodeError) as exc:
        raise VocabularyError(f"{name}: not valid YAML: {_first_line(exc)}") from exc
    if not isinstance(data, dict):
        raise VocabularyError(f"{name}: expected a mapping with {', '.join(_SECTIONS)}")
    extra = sorted(str(k) for k in data if k not in _SECTIONS)
    if extra:
        raise VocabularyError(f"{name}: unknown section {quoted(extra[0])}")
    phrases = _entries(name, "lay_terms", data.get("lay_terms"))
    short = _entries(name, "short_names", data.get("short_names"))
    parts = data.get("body_parts") or {}
    if not isinstance(parts, dict):
        raise VocabularyError(f"{name}: body_parts: expected a mapping of part to condition id")
    body: dict[str, str] = {}
    for part, term in parts.items():
        if not isinstance(part, str) or not isinstance(term, str) or not _ID.match(term):
            raise VocabularyError(
                f"{name}: body_parts: {quoted(str(part))}: expected a condition id"
            )
        body[part.lower()] = term
    return LayTerms(path, phrases, short, body)


def _first_line(exc: Exception) -> str:
    return " ".join(str(exc).split())[:200]


def _entries(name: str, section: str, items: Any) -> tuple[LayTerm, ...]:
    if items is None:
        return ()
    if not isinstance(items, list):
        raise VocabularyError(f"{name}: {section}: expected a list of entries")
    out: list[LayTerm] = []
    for n, item in enumerate(items, 1):
        where = f"{section} entry {n}"
        if not isinstance(item, dict):
            raise VocabularyError(f"{name}: {where}: expected a mapping with id and dimension")
        term = item.get("id")
        if not isinstance(term, str) or not _ID.match(term):
            raise VocabularyError(f"{name}: {where}: missing or malformed id")
        where = f"{where} ({term})"
        extra = sorted(str(k) for k in item if k not in _ENTRY_KEYS)
        if extra:
            raise VocabularyError(f"{name}: {where}: unknown key {quoted(extra[0])}")
        dimension = item.get("dimension")
        if dimension not in DIMENSIONS:
            raise VocabularyError(
                f"{name}: {where}: dimension must be one of {', '.join(DIMENSIONS)}"
            )
        patterns = _strings(name, where, item, "patterns")
        phrases = _strings(name, where, item, "phrases")
        if not patterns and not phrases:
            raise VocabularyError(f"{name}: {where}: no phrases and no patterns")
        for body in patterns:
            try:
                compiled = re.compile(body)
            except re.error as exc:
                raise VocabularyError(f"{name}: {where}: bad pattern: {exc}") from exc
            out.append(LayTerm(dimension, term, compiled, where))
        for phrase in phrases:
            words = phrase.lower().split()
            body = r"\b" + r"\s+".join(re.escape(w) for w in words) + r"\b"
            out.append(LayTerm(dimension, term, re.compile(body), where))
    return tuple(out)


def _strings(name: str, where: str, item: dict[str, Any], key: str) -> list[str]:
    value = item.get(key) or []
    if not isinstance(value, list) or not all(isinstance(v, str) and v.strip() for v in value):
        raise VocabularyError(f"{name}: {where}: {key}: expected a list of non-empty strings")
    return value
