"""Query sets (acquisition stage, input side): named PubMed searches in ``data/queries/*.yaml``.

Reads one YAML file and returns a validated `QuerySet`; writes nothing. A query set is what
``evidence sync --query-set NAME`` pulls. Every problem is one `QuerySetError` line naming the
file, the line and the query::

    data/queries/x.yaml:12: query 'dry_needling': field 'term' must not be empty

Also builds the esearch terms for an incremental window (`window_term`), so the date syntax
the client sends and the syntax the loopback server understands are written in one place.
"""

from __future__ import annotations

import re
from datetime import date
from pathlib import Path
from typing import Any

import yaml
from pydantic import BaseModel, ConfigDict, Field, ValidationError, field_validator

from evidence.config import DEFAULT_QUERY_SET
from evidence.errors import QuerySetError
from evidence.yamlfiles import CappedLoader, read_capped

__all__ = [
    "DEFAULT_QUERY_SET",
    "WINDOW_FIELDS",
    "Query",
    "QuerySet",
    "find_query_set",
    "load_query_set",
    "window_term",
]

# The window catches records added (Entrez date) or revised (modification date) since a day.
WINDOW_FIELDS = ("edat", "mdat")
_NAME = r"^[a-z][a-z0-9_]*$"


class Query(BaseModel):
    """One named PubMed search."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=_NAME, max_length=64)
    term: str
    description: str | None = None

    @field_validator("term")
    @classmethod
    def _term_not_empty(cls, value: str) -> str:
        text = " ".join(value.split())
        if not text:
            raise ValueError("must not be empty")
        return text


class QuerySet(BaseModel):
    """A named list of queries pulled together; records found by several are fetched once."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    name: str = Field(pattern=_NAME, max_length=64)
    description: str | None = None
    # Lower bound (Entrez date) of the first, full pull and of date slicing; None = all.
    mindate: date | None = None
    queries: tuple[Query, ...] = Field(min_length=1)

    @field_validator("queries")
    @classmethod
    def _unique_names(cls, value: tuple[Query, ...]) -> tuple[Query, ...]:
        seen: set[str] = set()
        for query in value:
            if query.name in seen:
                raise ValueError(f"duplicate query name '{query.name}'")
            seen.add(query.name)
        return value


def window_term(term: str, since: date) -> str:
    """The term restricted to records added or revised on or after ``since``.

    One esearch covers both dates, so a re-run with nothing new costs one request::

    >>> window_term('"Dry Needling"[Mesh]', date(2026, 11, 20))
    '("Dry Needling"[Mesh]) AND (2026/11/20:3000/12/31[edat] OR 2026/11/20:3000/12/31[mdat])'
    """
    start = since.strftime("%Y/%m/%d")
    clauses = " OR ".join(f"{start}:3000/12/31[{f}]" for f in WINDOW_FIELDS)
    return f"({term}) AND ({clauses})"


def find_query_set(queries_dir: Path, name: str) -> Path:
    """The file of query set ``name`` in ``queries_dir``.

    Raises:
        QuerySetError: there is no such file; the message lists the sets that exist.
    """
    if not re.match(_NAME, name):
        raise QuerySetError(f"{queries_dir}: '{name}' is not a query set name (a-z, 0-9, _)")
    for suffix in (".yaml", ".yml"):
        path = queries_dir / f"{name}{suffix}"
        if path.is_file():
            return path
    known = sorted(p.stem for p in queries_dir.glob("*.y*ml")) if queries_dir.is_dir() else []
    raise QuerySetError(
        f"{queries_dir / (name + '.yaml')}: no such query set (known: {', '.join(known) or 'none'})"
    )


def load_query_set(path: Path) -> QuerySet:
    """Read and validate one query set file; its ``name`` defaults to the file stem.

    Raises:
        QuerySetError: the file is unreadable, not YAML, or does not validate.
    """
    try:
        data = read_capped(path, QuerySetError, what="a query set")
    except OSError as exc:
        raise QuerySetError(f"{path}: cannot read ({exc.strerror or exc})") from exc
    try:
        text = data.decode("utf-8")
    except UnicodeDecodeError as exc:
        line = data.count(b"\n", 0, exc.start) + 1
        raise QuerySetError(f"{path}:{line}: not UTF-8 text ({exc.reason})") from exc
    try:
        node = yaml.compose(text, Loader=CappedLoader)
        data = yaml.load(text, Loader=CappedLoader)
    except yaml.YAMLError as exc:
        mark = getattr(exc, "problem_mark", None)
        where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
        problem = getattr(exc, "problem", None) or "not valid YAML"
        raise QuerySetError(f"{where}: {problem}") from exc
    if not isinstance(data, dict):
        raise QuerySetError(f"{path}: expected a mapping with 'queries', got {type(data).__name__}")
    data.setdefault("name", path.stem)
    try:
        return QuerySet.model_validate(data)
    except ValidationError as exc:
        raise _error_from(path, node, data, exc) from exc


def _error_from(path: Path, node: Any, data: dict[str, Any], exc: ValidationError) -> QuerySetError:
    first = exc.errors()[0]
    loc = tuple(first["loc"])
    line = _line_of(node, loc)
    where = f"{path}:{line}" if line else str(path)
    query = ""
    if len(loc) >= 2 and loc[0] == "queries" and isinstance(loc[1], int):
        items = data.get("queries") or []
        item = items[loc[1]] if loc[1] < len(items) else None
        name = item.get("name") if isinstance(item, dict) else None
        query = f"query '{name}': " if name else f"query #{loc[1] + 1}: "
    rest = loc[2:] if query else loc
    field = ".".join(str(part) for part in rest if not isinstance(part, int))
    if first["type"] == "extra_forbidden":
        problem = f"unknown field '{loc[-1]}'"
    elif first["type"] == "missing":
        problem = f"missing field '{field}'"
    else:
        message = first["msg"].removeprefix("Value error, ")
        problem = f"field '{field}' {message}" if field else message
    return QuerySetError(f"{where}: {query}{problem}")


def _line_of(node: Any, loc: tuple[Any, ...]) -> int | None:
    """The 1-based line of the YAML node at ``loc`` (or of its nearest existing parent)."""
    line = node.start_mark.line + 1 if node is not None else None
    for part in loc:
        child = None
        if isinstance(node, yaml.MappingNode) and isinstance(part, str):
            for key, value in node.value:
                if key.value == part:
                    child = value if loc[-1] != part else key
                    break
        elif isinstance(node, yaml.SequenceNode) and isinstance(part, int):
            child = node.value[part] if part < len(node.value) else None
        if child is None:
            break
        node = child
        line = node.start_mark.line + 1
    return line
