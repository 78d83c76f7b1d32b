"""Reference data that PubMed records cannot give: definitions and payer policies.

Claim-checking stage, input edge. Reads ``data/vocab/definitions.yaml`` (what each
intervention is, in our own words with the source named, plus patterns of statements that
conflict with it) and ``data/coverage/payer-policies.csv`` (a curated, dated, sourced table
of insurance coverage policies). Writes nothing. Errors name the file and the line.
"""

from __future__ import annotations

import csv
import re
from collections.abc import Collection, Mapping
from dataclasses import dataclass, field
from datetime import date
from pathlib import Path
from typing import Literal

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from evidence.claims.inputs import Scope
from evidence.errors import InputError, VocabularyError

__all__ = [
    "COVERAGE_VALUES",
    "Conflict",
    "Definition",
    "PayerPolicy",
    "ReferenceData",
    "load_definitions",
    "load_payer_policies",
]

Coverage = Literal["covered", "not_covered", "conditional"]
COVERAGE_VALUES: tuple[Coverage, ...] = ("covered", "not_covered", "conditional")
_POLICY_COLUMNS = (
    "payer",
    "country",
    "intervention",
    "coverage",
    "conditions",
    "source_url",
    "policy_date",
    "as_of",
    "url_checked",
    "note",
)


@dataclass(frozen=True, slots=True)
class Conflict:
    """A statement pattern (regex, case-insensitive) that contradicts a definition."""

    pattern: re.Pattern[str]
    reason: str


@dataclass(frozen=True, slots=True)
class Definition:
    """The reference definition of one intervention."""

    intervention: str
    definition: str
    source: str
    conflicts: tuple[Conflict, ...] = ()


@dataclass(frozen=True, slots=True)
class PayerPolicy:
    """One row of the payer policy table: does this payer cover this intervention?"""

    payer: str
    country: str
    intervention: str
    coverage: Coverage
    conditions: str
    source_url: str
    policy_date: date
    as_of: date
    url_checked: bool
    note: str = ""


@dataclass(frozen=True, slots=True)
class ReferenceData:
    """Everything besides PubMed records that the verdict rules consult."""

    definitions: Mapping[str, Definition] = field(default_factory=dict)
    policies: tuple[PayerPolicy, ...] = ()
    scope: Scope = field(default_factory=Scope)


class _ConflictIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    pattern: str
    reason: str

    @field_validator("pattern")
    @classmethod
    def _compiles(cls, value: str) -> str:
        try:
            re.compile(value)
        except re.error as exc:
            raise ValueError(f"pattern {value!r} is not a valid regex: {exc}") from exc
        return value


class _DefinitionIn(BaseModel):
    model_config = ConfigDict(extra="forbid")
    intervention: str
    definition: str
    source: str
    conflicts: list[_ConflictIn] = []


def load_definitions(path: Path, interventions: Collection[str]) -> dict[str, Definition]:
    """Read the reference definitions; every intervention must be a vocabulary id.

    Raises:
        VocabularyError: the file is unreadable, malformed, or names an unknown id.
    """
    try:
        text = path.read_text(encoding="utf-8")
        root = yaml.compose(text, Loader=yaml.SafeLoader)
    except OSError as exc:
        raise VocabularyError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except yaml.YAMLError as exc:
        raise VocabularyError(f"{path}: not valid YAML: {exc}".splitlines()[0]) from exc
    items = None
    if isinstance(root, yaml.MappingNode):
        for key, value in root.value:
            if key.value == "definitions":
                items = value
    if not isinstance(items, yaml.SequenceNode):
        raise VocabularyError(f"{path}:1: expected 'definitions:' with a list of definitions")
    out: dict[str, Definition] = {}
    for node in items.value:
        line = node.start_mark.line + 1
        try:
            parsed = _DefinitionIn.model_validate(
                yaml.SafeLoader("").construct_object(node, deep=True)
            )
        except ValidationError as exc:
            first = exc.errors()[0]
            where = ".".join(str(p) for p in first["loc"])
            raise VocabularyError(f"{path}:{line}: {where}: {first['msg']}") from exc
        if parsed.intervention not in interventions:
            raise VocabularyError(f"{path}:{line}: unknown intervention '{parsed.intervention}'")
        if parsed.intervention in out:
            raise VocabularyError(f"{path}:{line}: duplicate definition of '{parsed.intervention}'")
        out[parsed.intervention] = Definition(
            intervention=parsed.intervention,
            definition=" ".join(parsed.definition.split()),
            source=" ".join(parsed.source.split()),
            conflicts=tuple(
                Conflict(re.compile(c.pattern, re.IGNORECASE), c.reason) for c in parsed.conflicts
            ),
        )
    return out


def load_payer_policies(path: Path, interventions: Collection[str]) -> tuple[PayerPolicy, ...]:
    """Read the payer policy table; a missing file is an empty table.

    Raises:
        InputError: a row is malformed (names the line and the column).
    """
    if not path.exists():
        return ()
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            rows = list(csv.DictReader(fh))
            header = tuple(rows[0].keys()) if rows else None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if header is not None and set(header) != set(_POLICY_COLUMNS):
        raise InputError(f"{path}:1: columns must be {', '.join(_POLICY_COLUMNS)}")
    out = []
    for line, row in enumerate(rows, start=2):
        out.append(_policy(row, f"{path}:{line}", interventions))
    return tuple(out)


def _policy(
    row: Mapping[str, str | None], where: str, interventions: Collection[str]
) -> PayerPolicy:
    def cell(name: str) -> str:
        return (row.get(name) or "").strip()

    if cell("intervention") not in interventions:
        raise InputError(f"{where}: unknown intervention '{cell('intervention')}'")
    coverage = cell("coverage")
    if coverage not in COVERAGE_VALUES:
        raise InputError(
            f"{where}: coverage {coverage!r} is not one of {', '.join(COVERAGE_VALUES)}"
        )
    if not cell("source_url").startswith("https://"):
        raise InputError(f"{where}: source_url must be an https:// address")
    dates = {}
    for name in ("policy_date", "as_of"):
        try:
            dates[name] = date.fromisoformat(cell(name))
        except ValueError as exc:
            raise InputError(f"{where}: {name} {cell(name)!r} is not a YYYY-MM-DD date") from exc
    if cell("url_checked") not in ("yes", "no"):
        raise InputError(f"{where}: url_checked must be yes or no")
    return PayerPolicy(
        payer=cell("payer"),
        country=cell("country"),
        intervention=cell("intervention"),
        coverage=coverage,
        conditions=cell("conditions"),
        source_url=cell("source_url"),
        policy_date=dates["policy_date"],
        as_of=dates["as_of"],
        url_checked=cell("url_checked") == "yes",
        note=cell("note"),
    )
