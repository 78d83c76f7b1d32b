"""Tagging stage, vocabulary: loads and validates ``data/vocab/*.yaml`` into a `Vocabulary`.

Reads one YAML file per dimension (intervention.yaml, condition.yaml, outcome.yaml,
adverse_event.yaml, design.yaml, population.yaml) and nothing else: other files in the
folder, such as the claims engine's ``definitions.yaml``, are ignored. Writes nothing.
Validation is pydantic; every failure is one `VocabularyError` line naming the file, the
line and the term id. The matchers (one combined regex for all synonyms and patterns) are
compiled here, once per load, so that tagging never compiles a pattern.
"""

from __future__ import annotations

import hashlib
import json
import re
from collections.abc import Mapping
from contextvars import ContextVar
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml
from pydantic import (
    BaseModel,
    ConfigDict,
    Field,
    ValidationError,
    field_validator,
    model_validator,
)

from evidence.errors import VocabularyError
from evidence.models import DIMENSIONS
from evidence.tagging.matching import (
    DimensionMatcher,
    RegexCompiler,
    TextMatcher,
    compile_matcher,
    compile_text_matcher,
)

__all__ = [
    "VOCAB_FILES",
    "Term",
    "Vocabulary",
    "build_vocabulary",
    "load_vocabulary",
]

VOCAB_FILES = {dimension: f"{dimension}.yaml" for dimension in DIMENSIONS}
_UI = re.compile(r"(?:D\d{6}|D\d{9}|Q\d{6})")
_ID = re.compile(r"[a-z][a-z0-9_]*")
# libyaml's loader when PyYAML was built with it (five times faster); the same safe subset
_LOADER: type[yaml.SafeLoader] = getattr(yaml, "CSafeLoader", yaml.SafeLoader)


class _Heading(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    ui: str | None = None  # None: a heading whose UI is not known, matched by name
    name: str = Field(min_length=1)

    @field_validator("ui")
    @classmethod
    def _ui_format(cls, value: str | None) -> str | None:
        if value is not None and not _UI.fullmatch(value):
            raise ValueError(f"unknown MeSH UI format {value!r} (D + 6 or 9 digits, Q + 6)")
        return value


# What compiles the patterns while a vocabulary is validated: the compiler its build was
# given (`build_vocabulary`), which then gives the text matcher the same pattern at once
_validating_with: ContextVar[RegexCompiler] = ContextVar("_validating_with", default=re.compile)


def _check_texts(values: list[str], *, regex: bool) -> list[str]:
    for value in values:
        if not value.strip():
            raise ValueError("empty pattern")
        if regex:
            try:
                # with the flag the text matcher compiles a pattern with: that compile then
                # finds it in the compiler's cache (the flag changes no pattern's validity)
                _validating_with.get()(value, re.MULTILINE)
            except re.error as exc:
                raise ValueError(f"invalid regex {value!r}: {exc}") from None
    return values


class _TermModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    id: str
    label: str = Field(min_length=1)
    mesh: list[_Heading] = []
    publication_types: list[_Heading] = []
    qualifiers: list[_Heading] = []
    synonyms: list[str] = []
    patterns: list[str] = []
    exclude: list[str] = []
    informs: list[str] = []
    yields_to: list[str] = []
    generic: list[str] = []

    @field_validator("id")
    @classmethod
    def _id_format(cls, value: str) -> str:
        if not _ID.fullmatch(value):
            raise ValueError(f"id {value!r} is not snake_case")
        return value

    @field_validator("synonyms", "generic")
    @classmethod
    def _synonyms(cls, values: list[str]) -> list[str]:
        return _check_texts(values, regex=False)

    @model_validator(mode="after")
    def _generic_are_synonyms(self) -> _TermModel:
        unknown = set(self.generic) - set(self.synonyms)
        if unknown:
            raise ValueError(f"generic phrases {sorted(unknown)} are not synonyms of the term")
        return self

    @field_validator("patterns", "exclude")
    @classmethod
    def _regexes(cls, values: list[str]) -> list[str]:
        return _check_texts(values, regex=True)


class _FileModel(BaseModel):
    model_config = ConfigDict(extra="forbid", frozen=True)
    dimension: str
    mesh_requires_qualifier: list[_Heading] = []
    terms: list[_TermModel] = Field(min_length=1)


@dataclass(frozen=True, slots=True)
class Term:
    """One vocabulary id of one dimension and what it is matched on."""

    id: str
    label: str
    dimension: str
    mesh: tuple[str, ...] = ()  # descriptor UIs
    mesh_names: tuple[str, ...] = ()
    publication_types: tuple[str, ...] = ()  # UIs
    publication_type_names: tuple[str, ...] = ()
    qualifiers: tuple[str, ...] = ()  # qualifier UIs
    qualifier_names: tuple[str, ...] = ()
    synonyms: tuple[str, ...] = ()
    patterns: tuple[str, ...] = ()
    exclude: tuple[str, ...] = ()
    informs: tuple[str, ...] = ()
    yields_to: tuple[str, ...] = ()
    generic: tuple[str, ...] = ()  # synonyms that yield to the ids of yields_to
    ui_names: tuple[tuple[str, str], ...] = ()  # (UI, name) of every heading with a UI


@dataclass(frozen=True, slots=True)
class Vocabulary:
    """The controlled vocabulary of every dimension, with its compiled matchers.

    >>> vocab = load_vocabulary(Path("data/vocab"))  # doctest: +SKIP
    >>> "dry_needling" in vocab.ids("intervention")  # doctest: +SKIP
    True
    """

    terms: Mapping[str, tuple[Term, ...]]
    fingerprint: str
    mesh_requires_qualifier: Mapping[str, frozenset[str]] = field(default_factory=dict)
    matchers: Mapping[str, DimensionMatcher] = field(default_factory=dict, repr=False)
    text_matcher: TextMatcher | None = field(default=None, repr=False)
    _index: Mapping[tuple[str, str], Term] = field(default_factory=dict, repr=False)
    _orders: Mapping[str, Mapping[str, int]] = field(default_factory=dict, repr=False)

    def ids(self, dimension: str) -> frozenset[str]:
        """The ids of one dimension; raises VocabularyError for an unknown dimension."""
        if dimension not in self.terms:
            raise VocabularyError(f"unknown vocabulary dimension {dimension!r}")
        return frozenset(t.id for t in self.terms[dimension])

    def term(self, dimension: str, id: str) -> Term:
        """The term ``id`` of ``dimension``; raises VocabularyError when there is none."""
        try:
            return self._index[(dimension, id)]
        except KeyError:
            raise VocabularyError(f"unknown {dimension} id {id!r}") from None

    def order(self, dimension: str) -> Mapping[str, int]:
        """Position of each id in its file (the design precedence, the output order)."""
        return self._orders.get(dimension, {})


def load_vocabulary(folder: Path, *, compile_regex: RegexCompiler = re.compile) -> Vocabulary:
    """Read and validate the six dimension files of ``folder`` (``compile_regex``: see
    `compile_text_matcher`).

    Raises:
        VocabularyError: a file is missing, not YAML, or fails validation.
    """
    documents: dict[str, Any] = {}
    texts: dict[str, str] = {}
    for dimension, name in VOCAB_FILES.items():
        path = folder / name
        try:
            texts[dimension] = path.read_text(encoding="utf-8")
        except OSError as exc:
            raise VocabularyError(f"{path}: cannot read ({exc.strerror or exc})") from exc
        try:
            documents[dimension] = yaml.load(texts[dimension], Loader=_LOADER)
        except yaml.YAMLError as exc:
            mark = getattr(exc, "problem_mark", None)
            where = f"{path}:{mark.line + 1}" if mark is not None else str(path)
            problem = getattr(exc, "problem", None) or "not valid YAML"
            raise VocabularyError(f"{where}: {problem}") from exc
    return build_vocabulary(documents, folder=folder, texts=texts, compile_regex=compile_regex)


def build_vocabulary(
    documents: Mapping[str, Any],
    *,
    folder: Path = Path("data/vocab"),
    texts: Mapping[str, str] | None = None,
    compile_regex: RegexCompiler = re.compile,
) -> Vocabulary:
    """Validate parsed YAML documents (one per dimension) and compile their matchers.

    Raises:
        VocabularyError: naming the file (and the line and id) of the first problem.
    """
    term_lines = _Lines(texts or {})
    files: dict[str, _FileModel] = {}
    for dimension in DIMENSIONS:
        path = folder / VOCAB_FILES[dimension]
        if dimension not in documents:
            raise VocabularyError(f"{path}: missing vocabulary file")
        raw = documents[dimension]
        validating = _validating_with.set(compile_regex)
        try:
            model = _FileModel.model_validate(raw)
        except ValidationError as exc:
            raise VocabularyError(
                _describe(path, exc, raw, term_lines.get(dimension, {}))
            ) from None
        finally:
            _validating_with.reset(validating)
        if model.dimension != dimension:
            raise VocabularyError(f"{path}: dimension is {model.dimension!r}, not {dimension!r}")
        files[dimension] = model
    _check_ids(files, folder, term_lines)
    terms = {dim: tuple(_to_term(dim, t) for t in model.terms) for dim, model in files.items()}
    canonical = json.dumps(
        {dim: model.model_dump(mode="json") for dim, model in files.items()}, sort_keys=True
    )
    try:
        text_matcher = compile_text_matcher(terms, compile_regex=compile_regex)
    except re.error as exc:  # a pattern that compiles alone but not combined (group names)
        raise VocabularyError(f"{folder}: patterns do not combine: {exc}") from None
    matchers = {dim: compile_matcher(dim, terms[dim]) for dim in DIMENSIONS}
    return Vocabulary(
        terms=terms,
        fingerprint=hashlib.sha256(canonical.encode("utf-8")).hexdigest(),
        mesh_requires_qualifier={
            dim: frozenset(h.ui for h in m.mesh_requires_qualifier if h.ui)
            | frozenset(h.name.lower() for h in m.mesh_requires_qualifier)
            for dim, m in files.items()
        },
        matchers=matchers,
        text_matcher=text_matcher,
        _index={(dim, t.id): t for dim, ts in terms.items() for t in ts},
        _orders={dim: {t.id: i for i, t in enumerate(ts)} for dim, ts in terms.items()},
    )


def _to_term(dimension: str, model: _TermModel) -> Term:
    return Term(
        id=model.id,
        label=model.label,
        dimension=dimension,
        mesh=tuple(h.ui for h in model.mesh if h.ui),
        mesh_names=tuple(h.name for h in model.mesh),
        publication_types=tuple(h.ui for h in model.publication_types if h.ui),
        publication_type_names=tuple(h.name for h in model.publication_types),
        qualifiers=tuple(h.ui for h in model.qualifiers if h.ui),
        qualifier_names=tuple(h.name for h in model.qualifiers),
        synonyms=tuple(model.synonyms),
        patterns=tuple(model.patterns),
        exclude=tuple(model.exclude),
        informs=tuple(model.informs),
        yields_to=tuple(model.yields_to),
        generic=tuple(model.generic),
        ui_names=tuple(
            (h.ui, h.name)
            for h in (*model.mesh, *model.publication_types, *model.qualifiers)
            if h.ui
        ),
    )


def _check_ids(files: Mapping[str, _FileModel], folder: Path, term_lines: _Lines) -> None:
    for dimension, model in files.items():
        path = folder / VOCAB_FILES[dimension]
        seen: set[str] = set()
        own = {t.id for t in model.terms}
        for index, term in enumerate(model.terms):
            problem = None
            if term.id in seen:
                problem = f"duplicate id {term.id!r}"
            elif term.informs and dimension not in ("condition", "adverse_event"):
                problem = f"term {term.id!r}: informs is for conditions and adverse events"
            else:
                unknown = [
                    o for o in (*term.informs, *term.yields_to) if o not in own or o == term.id
                ]
                if unknown:
                    problem = f"term {term.id!r}: unknown or self reference {unknown[0]!r}"
            if problem:
                where = _where(path, term_lines.get(dimension, {}), index)
                raise VocabularyError(f"{where}: {problem}")
            seen.add(term.id)


def _describe(path: Path, exc: ValidationError, raw: Any, lines: Mapping[int, int]) -> str:
    error = exc.errors()[0]
    loc = error["loc"]
    where = str(path)
    subject = ""
    if len(loc) >= 2 and loc[0] == "terms" and isinstance(loc[1], int):
        where = _where(path, lines, loc[1])
        term_id = _raw_id(raw, loc[1])
        subject = f"term {term_id!r}: " if term_id else f"term #{loc[1] + 1}: "
        loc = loc[2:]
    field_name = ".".join(str(part) for part in loc) or "file"
    message = str(error["msg"]).removeprefix("Value error, ")
    if error["type"] == "extra_forbidden":
        message = "unknown field"
    return f"{where}: {subject}{field_name}: {message}"


def _raw_id(raw: Any, index: int) -> str | None:
    try:
        value = raw["terms"][index]["id"]
    except (KeyError, IndexError, TypeError):
        return None
    return str(value)


def _where(path: Path, lines: Mapping[int, int], index: int) -> str:
    line = lines.get(index)
    return f"{path}:{line}" if line else str(path)


class _Lines:
    """Line numbers of the terms of each file, parsed only when an error needs them."""

    def __init__(self, texts: Mapping[str, str]) -> None:
        self._texts = texts

    def get(self, dimension: str, default: Mapping[int, int]) -> Mapping[int, int]:
        text = self._texts.get(dimension)
        return _term_lines(text) if text is not None else default


def _term_lines(text: str) -> dict[int, int]:
    """Line (1-based) of each item of the ``terms`` list, for error messages."""
    node = yaml.compose(text, Loader=yaml.SafeLoader)
    if not isinstance(node, yaml.MappingNode):
        return {}
    for key, value in node.value:
        if key.value == "terms" and isinstance(value, yaml.SequenceNode):
            return {i: item.start_mark.line + 1 for i, item in enumerate(value.value)}
    return {}
