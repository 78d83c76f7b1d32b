"""Read an editors' claims file (YAML) into `ClaimsFile` (claim-checking stage, input edge).

Reads one YAML file of at most 1 MiB, nested at most 32 levels (`evidence.yamlfiles`);
writes nothing. The YAML is composed into nodes first so that every error can name the line
it is on; each claim is then validated by a pydantic model (shape: fields, types, kind) and
by the rules of the contract that pydantic cannot see (asserts per kind, vocabulary ids,
unique ids). Every failure is one `ClaimsFileError`::

    data/claims/a.yaml:14: claim C08: unknown intervention 'dry_needle' (did you mean ...)
"""

from __future__ import annotations

import difflib
import re
from collections.abc import Callable, Collection
from pathlib import Path
from typing import Any, Protocol

import yaml
from pydantic import BaseModel, ConfigDict, ValidationError, field_validator

from evidence.claims.claim import ASSERTS, KINDS, Claim, ClaimsFile, Kind
from evidence.errors import ClaimsFileError
from evidence.yamlfiles import CappedLoader, TooDeep, read_capped

__all__ = ["VocabularyIds", "load_claims", "parse_claims"]

_ID = re.compile(r"^[A-Za-z0-9][A-Za-z0-9_.-]*$")
_TOP_KEYS = ("source", "claims")
_SOURCE_KEYS = ("title", "url")
_ID_FIELDS = ("intervention", "condition", "outcome", "adverse_event")


class VocabularyIds(Protocol):
    """What the loader needs of `evidence.tagging.Vocabulary`: the ids of a dimension."""

    def ids(self, dimension: Any) -> Collection[str]: ...


class _ClaimIn(BaseModel):
    """The shape of one claim as written; semantic checks follow in `_check_claim`."""

    model_config = ConfigDict(extra="forbid", frozen=True)

    id: str
    text: str
    kind: Kind
    intervention: list[str] = []
    condition: list[str] = []
    outcome: list[str] = []
    adverse_event: list[str] = []
    asserts: str | None = None
    sentence: str | None = None
    reviewed: bool | None = None

    @field_validator("id", mode="before")
    @classmethod
    def _scalar_id(cls, value: object) -> object:
        # `id: 8` is a YAML int; an id is a name, so keep what the editor typed.
        return str(value) if isinstance(value, int) and not isinstance(value, bool) else value

    @field_validator("intervention", "condition", "outcome", "adverse_event", mode="before")
    @classmethod
    def _one_or_list(cls, value: object) -> object:
        if isinstance(value, str):
            return [value]
        if isinstance(value, list) and all(isinstance(v, str) for v in value):
            return value
        raise ValueError("must be an id or a list of ids")

    @field_validator("asserts", mode="before")
    @classmethod
    def _bool_asserts(cls, value: object) -> object:
        # The contract: a bare YAML `true` is read as "true".
        if isinstance(value, bool):
            return "true" if value else "false"
        return value


def load_claims(path: Path, vocab: VocabularyIds) -> ClaimsFile:
    """Read and validate the claims file at ``path`` against the vocabulary.

    Raises:
        ClaimsFileError: the file cannot be read or breaks the claims format.
    """
    try:
        text = read_capped(path, ClaimsFileError, what="a claims file").decode("utf-8")
    except OSError as exc:
        raise ClaimsFileError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    except UnicodeDecodeError as exc:
        raise ClaimsFileError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
    return parse_claims(text, vocab, path=str(path))


def parse_claims(text: str, vocab: VocabularyIds, *, path: str = "<claims>") -> ClaimsFile:
    """Validate claims YAML given as text; ``path`` is only used in messages."""
    loader = CappedLoader(text)
    try:
        root = loader.get_single_node()
    except TooDeep as exc:
        line = f":{exc.problem_mark.line + 1}" if exc.problem_mark else ""
        raise ClaimsFileError(f"{path}{line}: {exc.problem} (a claims file needs five)") from None
    except yaml.MarkedYAMLError as exc:
        mark = exc.problem_mark or exc.context_mark
        line = f":{mark.line + 1}" if mark else ""
        raise ClaimsFileError(f"{path}{line}: not valid YAML: {exc.problem}") from exc
    except yaml.YAMLError as exc:
        raise ClaimsFileError(f"{path}: not valid YAML: {exc}") from exc
    finally:
        loader.dispose()
    if root is None:
        raise ClaimsFileError(f"{path}:1: empty file (expected 'claims:' with a list of claims)")
    top = _mapping(root, path, what="the file", allowed=_TOP_KEYS)
    source: dict[str, str] = {}
    if "source" in top:
        fields = _mapping(top["source"][1], path, what="source", allowed=_SOURCE_KEYS)
        for key, (_, node) in fields.items():
            value = _construct(node)
            if not isinstance(value, str):
                raise ClaimsFileError(f"{path}:{_line(node)}: source {key} must be a string")
            source[key] = value
    if "claims" not in top:
        raise ClaimsFileError(f"{path}:{_line(root)}: missing 'claims:' (a list of claims)")
    items = top["claims"][1]
    if not isinstance(items, yaml.SequenceNode) or not items.value:
        raise ClaimsFileError(f"{path}:{_line(items)}: 'claims' must be a non-empty list")
    claims: list[Claim] = []
    first_line: dict[str, int] = {}
    for number, node in enumerate(items.value, start=1):
        claim = _read_claim(node, number, vocab, path)
        if claim.id in first_line:
            raise ClaimsFileError(
                f"{path}:{claim.line}: claim {claim.id}: duplicate id"
                f" (first used at line {first_line[claim.id]})"
            )
        first_line[claim.id] = claim.line or 0
        claims.append(claim)
    return ClaimsFile(
        path=path,
        claims=tuple(claims),
        source_title=source.get("title"),
        source_url=source.get("url"),
    )


def _line(node: yaml.Node) -> int:
    return int(node.start_mark.line) + 1


def _construct(node: yaml.Node) -> Any:
    return yaml.SafeLoader("").construct_object(node, deep=True)


def _mapping(
    node: yaml.Node,
    path: str,
    *,
    what: str,
    allowed: Collection[str] | None = None,
    label: str = "",
) -> dict[str, tuple[yaml.Node, yaml.Node]]:
    """The keys of a mapping node, each with its key node and value node; no duplicates."""
    if not isinstance(node, yaml.MappingNode):
        raise ClaimsFileError(f"{path}:{_line(node)}: {label}{what} must be a mapping")
    out: dict[str, tuple[yaml.Node, yaml.Node]] = {}
    for key_node, value_node in node.value:
        key = str(_construct(key_node))
        if key in out:
            raise ClaimsFileError(
                f"{path}:{_line(key_node)}: {label}duplicate field '{key}'"
                f" (first at line {_line(out[key][0])})"
            )
        if allowed is not None and key not in allowed:
            raise ClaimsFileError(
                f"{path}:{_line(key_node)}: {label}unknown field '{key}' in {what}"
                f" (expected {', '.join(allowed)})"
            )
        out[key] = (key_node, value_node)
    return out


def _read_claim(node: yaml.Node, number: int, vocab: VocabularyIds, path: str) -> Claim:
    start = _line(node)
    fields = _mapping(node, path, what="a claim", label=f"claim #{number}: ")
    raw = {key: _construct(value) for key, (_, value) in fields.items()}
    raw_id = raw.get("id")
    name = str(raw_id) if isinstance(raw_id, str | int) and not isinstance(raw_id, bool) else None
    label = f"claim {name}" if name else f"claim #{number}"

    def fail(field: str | None, message: str) -> ClaimsFileError:
        line = _line(fields[field][0]) if field in fields else start
        return ClaimsFileError(f"{path}:{line}: {label}: {message}")

    try:
        parsed = _ClaimIn.model_validate(raw)
    except ValidationError as exc:
        # The first problem in the file; at equal lines a field's own error before "missing".
        errors = sorted(
            exc.errors(),
            key=lambda e: (
                _line(fields[str(e["loc"][0])][0])
                if e["loc"] and str(e["loc"][0]) in fields
                else start,
                e["type"] == "missing",
            ),
        )
        first = errors[0]
        field = str(first["loc"][0]) if first["loc"] else None
        raise fail(field, _describe(first, field)) from exc
    return _check_claim(parsed, vocab, fail, start)


def _describe(error: Any, field: str | None) -> str:
    kind = error["type"]
    if kind == "missing":
        return f"missing {field}"
    if kind == "extra_forbidden":
        return (
            f"unknown field '{field}' (expected id, text, kind, intervention, condition,"
            " outcome, adverse_event, asserts, sentence, reviewed)"
        )
    if field == "kind":
        return f"unknown kind {error['input']!r} (expected one of {', '.join(KINDS)})"
    if kind == "bool_type" or kind == "bool_parsing":
        return f"{field} must be true or false"
    if kind == "string_type":
        return f"{field} must be a string, not {type(error['input']).__name__}"
    message = str(error["msg"]).removeprefix("Value error, ")
    return f"{field} {message}" if field else message


def _check_claim(
    parsed: _ClaimIn,
    vocab: VocabularyIds,
    fail: Callable[[str | None, str], ClaimsFileError],
    start: int,
) -> Claim:
    if not _ID.match(parsed.id):
        raise fail("id", f"id {parsed.id!r} must be letters, digits, '_', '.' or '-'")
    if not parsed.text.strip():
        raise fail("text", "missing text")
    if parsed.sentence is not None and not parsed.sentence.strip():
        raise fail("sentence", "sentence is blank (leave it out, or quote the article)")
    if not parsed.intervention:
        raise fail("intervention", "missing intervention")
    allowed = ASSERTS[parsed.kind]
    asserts = parsed.asserts if parsed.asserts is not None else allowed[0]
    if asserts not in allowed:
        raise fail(
            "asserts",
            f"asserts {asserts!r} is not valid for kind {parsed.kind}"
            f" (use {' or '.join(repr(a) for a in allowed)})",
        )
    if parsed.kind == "adverse_effect" and not parsed.adverse_event:
        raise fail("kind", "missing adverse_event (required for kind adverse_effect)")
    if parsed.kind != "adverse_effect" and parsed.adverse_event:
        raise fail(
            "adverse_event", f"adverse_event is only for kind adverse_effect, not {parsed.kind}"
        )
    for dimension in _ID_FIELDS:
        known = vocab.ids(dimension)
        for value in getattr(parsed, dimension):
            if value not in known:
                close = difflib.get_close_matches(value, sorted(known), n=1)
                hint = f" (did you mean '{close[0]}'?)" if close else ""
                raise fail(dimension, f"unknown {dimension} '{value}'{hint}")
    return Claim(
        id=parsed.id,
        text=" ".join(parsed.text.split()),
        kind=parsed.kind,
        asserts=asserts,
        intervention=tuple(parsed.intervention),
        condition=tuple(parsed.condition),
        outcome=tuple(parsed.outcome),
        adverse_event=tuple(parsed.adverse_event),
        line=start,
        sentence=" ".join(parsed.sentence.split()) if parsed.sentence is not None else None,
        reviewed=parsed.reviewed is not False,
    )
