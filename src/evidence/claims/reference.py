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
    "id",
    "payer",
    "policy",
    "country",
    "intervention",
    "codes",
    "coverage",
    "conditions",
    "source_url",
    "policy_date",
    "read_date",
    "rests_on",
    "note",
)
_REQUIRED = ("id", "payer", "policy", "country", "conditions", "rests_on")
# the policy's date as its source states it: a day, or only a month ("Effective 7/11")
_POLICY_DATE = re.compile(r"\d{4}-\d{2}(?:-\d{2})?")
_ROW_ID = re.compile(r"[a-z]+-\d+")
_CODE = re.compile(r"[0-9A-Z]{5}")


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

    id: str
    payer: str
    policy: str
    country: str
    intervention: str
    codes: tuple[str, ...]
    coverage: Coverage
    conditions: str
    source_url: str
    policy_date: str  # ISO: YYYY-MM-DD, or YYYY-MM when the source gives only a month
    read_date: date
    rests_on: str
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
    """Read and validate the payer policy table; a missing file is an empty table.

    Every row must name its payer, policy, conditions and what it rests on, a source address
    (http or https), the policy's date and the date it was read (ISO), a vocabulary
    intervention and a coverage position; row ids are unique.

    Raises:
        InputError: a row is malformed, in one line naming the file, the line and the field.
    """
    if not path.exists():
        return ()
    try:
        with path.open(encoding="utf-8", newline="") as fh:
            reader = csv.DictReader(fh)
            header = tuple(reader.fieldnames or ())
            rows = [(reader.line_num, row) for row in reader]
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except csv.Error as exc:
        raise InputError(f"{path}: not valid CSV: {exc}") from exc
    if header and header != _POLICY_COLUMNS:
        raise InputError(f"{path}:1: columns must be {','.join(_POLICY_COLUMNS)}")
    out: list[PayerPolicy] = []
    seen: set[str] = set()
    for line, row in rows:
        policy = _policy(row, f"{path}:{line}", interventions)
        if policy.id in seen:
            raise InputError(f"{path}:{line}: id: duplicate row id '{policy.id}'")
        seen.add(policy.id)
        out.append(policy)
    return tuple(out)


def _policy(
    row: Mapping[str | None, str | list[str] | None], where: str, interventions: Collection[str]
) -> PayerPolicy:
    if row.get(None):
        raise InputError(f"{where}: more cells than the {len(_POLICY_COLUMNS)} columns")

    def cell(name: str) -> str:
        value = row.get(name)
        return " ".join(value.split()) if isinstance(value, str) else ""

    for name in _REQUIRED:
        if not cell(name):
            raise InputError(f"{where}: {name}: required, but empty")
    if not _ROW_ID.fullmatch(cell("id")):
        raise InputError(f"{where}: id: {cell('id')!r} is not of the form cov-01")
    if cell("intervention") not in interventions:
        raise InputError(f"{where}: intervention: unknown intervention '{cell('intervention')}'")
    coverage = cell("coverage")
    if coverage not in COVERAGE_VALUES:
        raise InputError(
            f"{where}: coverage: {coverage!r} is not one of {', '.join(COVERAGE_VALUES)}"
        )
    url = cell("source_url")
    if not re.fullmatch(r"https?://\S+\.\S+", url):
        raise InputError(f"{where}: source_url: {url!r} is not an http:// or https:// address")
    codes = tuple(c.strip() for c in cell("codes").split(";") if c.strip())
    for code in codes:
        if not _CODE.fullmatch(code):
            raise InputError(f"{where}: codes: {code!r} is not a 5-character billing code")
    policy_date = cell("policy_date")
    if not _POLICY_DATE.fullmatch(policy_date) or not _valid_date(policy_date):
        raise InputError(
            f"{where}: policy_date: {policy_date!r} is not a YYYY-MM-DD (or YYYY-MM) date"
        )
    try:
        read_date = date.fromisoformat(cell("read_date"))
    except ValueError as exc:
        raise InputError(
            f"{where}: read_date: {cell('read_date')!r} is not a YYYY-MM-DD date"
        ) from exc
    if policy_date[: len("YYYY-MM")] > read_date.isoformat()[: len("YYYY-MM")]:
        raise InputError(f"{where}: policy_date: {policy_date} is after read_date {read_date}")
    return PayerPolicy(
        id=cell("id"),
        payer=cell("payer"),
        policy=cell("policy"),
        country=cell("country"),
        intervention=cell("intervention"),
        codes=codes,
        coverage=coverage,
        conditions=cell("conditions"),
        source_url=url,
        policy_date=policy_date,
        read_date=read_date,
        rests_on=cell("rests_on"),
        note=cell("note"),
    )


def _valid_date(text: str) -> bool:
    try:
        date.fromisoformat(text if len(text) == len("YYYY-MM-DD") else f"{text}-01")
    except ValueError:
        return False
    return True
