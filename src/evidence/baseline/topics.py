"""Baseline ingest, optional filter: a query set matched locally against parsed records.

Reads a query set (``data/queries/NAME.yaml``, the same files ``evidence sync`` sends to
esearch) and `Article` records; writes nothing. Each query's PubMed term is parsed once into
a small expression tree (`compile_query_set`); a record is kept when any query matches it.
This lets a user build a topic warehouse from baseline files instead of Entrez.

What is understood, and how it differs from PubMed (it is an approximation, not PubMed):

- ``AND``, ``OR``, ``NOT`` (upper case) evaluated left to right without precedence, as PubMed
  does; parentheses; two terms side by side are ANDed.
- ``"a phrase"[tag]`` or ``a phrase[tag]``: the words in this order; a trailing ``*`` truncates
  a word (``"trigger point*"``). Text is compared case-folded, split on anything that is not
  a letter or digit (so ``meta-analys*`` is the phrase ``meta analys*``).
- ``[mh]``/``[mesh]`` (and ``:noexp``): a MeSH descriptor of that exact name. PubMed also
  *explodes* a descriptor to every narrower one below it in the MeSH tree and maps entry terms
  (synonyms); neither is done here, as the tree is not available offline, so a record indexed
  only with a narrower heading is missed.
- ``[majr]``: a major-topic descriptor; ``[sh]``: a qualifier (subheading) name; ``[pt]``: a
  publication type name.
- ``[tiab]``, ``[ti]``, ``[ab]``: title and/or abstract; ``[ot]``: author keywords;
  ``[tw]``, ``[all]`` and untagged terms: title, abstract, keywords, MeSH and publication
  types (PubMed maps untagged terms through its translation tables instead).
- Anything else (dates ``[dp]``, authors ``[au]``, journals ``[ta]``, ...) is refused with a
  `QuerySetError`, never silently ignored.
"""

from __future__ import annotations

import hashlib
import json
import re
from dataclasses import dataclass, field
from pathlib import Path

from evidence.entrez.queries import QuerySet, find_query_set, load_query_set
from evidence.errors import QuerySetError
from evidence.models import Article

__all__ = ["Term", "TopicFilter", "compile_query_set", "load_topic_filter", "parse_term"]

# Field tag as written (lower case) → what it searches.
_FIELDS = {
    "mesh": "mesh", "mh": "mesh", "mesh terms": "mesh", "mh:noexp": "mesh",
    "mesh:noexp": "mesh", "mesh terms:noexp": "mesh",
    "majr": "majr", "mesh major topic": "majr", "majr:noexp": "majr",
    "sh": "sh", "subheading": "sh", "mesh subheading": "sh",
    "pt": "pt", "publication type": "pt",
    "tiab": "tiab", "title/abstract": "tiab",
    "ti": "ti", "title": "ti",
    "ab": "ab", "abstract": "ab",
    "ot": "ot", "other term": "ot",
    "tw": "tw", "text word": "tw", "all": "tw", "all fields": "tw",
}  # fmt: skip
_TEXT_FIELDS = {"tiab", "ti", "ab", "ot", "tw"}
_TOKEN = re.compile(
    r'\s*(?:(?P<lp>\()|(?P<rp>\))|"(?P<quoted>[^"]*)"|\[(?P<tag>[^\]]*)\]|(?P<word>[^\s()\[\]"]+))'
)
_WORDS = re.compile(r"[^\W_]+\*?")
_TEXT = re.compile(r"[^\W_]+")
_OPS = ("AND", "OR", "NOT")


@dataclass(frozen=True, slots=True)
class Term:
    """One searched thing: a name (MeSH, subheading, publication type) or a phrase of words."""

    field: str
    name: str  # case-folded exact name, for mesh, majr, sh and pt
    words: tuple[str, ...] = ()  # case-folded words of a text phrase; "x*" truncates


@dataclass(frozen=True, slots=True)
class _Op:
    op: str
    left: _Node
    right: _Node


_Node = Term | _Op


def parse_term(term: str, *, where: str = "<term>") -> _Node:
    """Parse a PubMed search term into an expression tree.

    Raises:
        QuerySetError: the term is malformed or uses a field tag this matcher cannot evaluate;
            the message starts with ``where``.
    """
    tokens = _tokenize(term, where)
    node, pos = _parse_expr(tokens, 0, where)
    if pos < len(tokens):
        raise QuerySetError(f"{where}: unexpected ')' at character {tokens[pos][2] + 1}")
    return node


def _tokenize(term: str, where: str) -> list[tuple[str, str, int]]:
    out: list[tuple[str, str, int]] = []
    pos = 0
    while pos < len(term):
        if not term[pos:].strip():
            break
        m = _TOKEN.match(term, pos)
        if m is None or m.end() == pos:
            start = pos + len(term[pos:]) - len(term[pos:].lstrip())
            what = "unterminated quote" if term[start] == '"' else f"unexpected {term[start]!r}"
            raise QuerySetError(f"{where}: {what} at character {start + 1}")
        kind = m.lastgroup or ""
        value = m.group(kind)
        at = m.start(kind) - (1 if kind in ("quoted", "tag") else 0)
        if kind == "word" and value in _OPS:
            kind = "op"
        out.append((kind, value, at))
        pos = m.end()
    if not out:
        raise QuerySetError(f"{where}: empty term")
    return out


def _parse_expr(tokens: list[tuple[str, str, int]], pos: int, where: str) -> tuple[_Node, int]:
    node, pos = _parse_operand(tokens, pos, where)
    while pos < len(tokens) and tokens[pos][0] != "rp":
        op = "AND"
        if tokens[pos][0] == "op":
            op = tokens[pos][1]
            pos += 1
        right, pos = _parse_operand(tokens, pos, where)
        node = _Op(op, node, right)
    return node, pos


def _parse_operand(tokens: list[tuple[str, str, int]], pos: int, where: str) -> tuple[_Node, int]:
    if pos >= len(tokens):
        raise QuerySetError(f"{where}: the term ends where a search term was expected")
    kind, value, at = tokens[pos]
    if kind == "lp":
        node, pos = _parse_expr(tokens, pos + 1, where)
        if pos >= len(tokens):
            raise QuerySetError(f"{where}: '(' at character {at + 1} is never closed")
        return node, pos + 1
    if kind not in ("word", "quoted"):
        shown = {"op": value, "rp": ")", "tag": f"[{value}]"}[kind]
        raise QuerySetError(f"{where}: expected a search term at character {at + 1}, got {shown}")
    words = [value]
    pos += 1
    while kind == "word" and pos < len(tokens) and tokens[pos][0] == "word":
        words.append(tokens[pos][1])
        pos += 1
    tag = "all"
    if pos < len(tokens) and tokens[pos][0] == "tag":
        tag = tokens[pos][1].strip().casefold()
        pos += 1
    return _make_term(" ".join(words), tag, where, at), pos


def _make_term(text: str, tag: str, where: str, at: int) -> Term:
    fld = _FIELDS.get(tag)
    if fld is None:
        raise QuerySetError(
            f"{where}: field tag [{tag}] at character {at + 1} cannot be evaluated locally"
            " (supported: mh, mesh, majr, sh, pt, tiab, ti, ab, ot, tw, all)"
        )
    if fld in _TEXT_FIELDS:
        words = tuple(_WORDS.findall(text.casefold()))
        if not words:
            raise QuerySetError(f"{where}: search term at character {at + 1} has no words")
        return Term(fld, "", words)
    return Term(fld, " ".join(text.casefold().split()))


@dataclass(slots=True)
class _Doc:
    """What a record offers to the matcher, prepared once per record."""

    title: list[list[str]]
    abstract: list[list[str]]
    keywords: list[list[str]]
    names: dict[str, set[str]]
    seen: dict[Term, bool] = field(default_factory=dict)

    @classmethod
    def of(cls, a: Article) -> _Doc:
        mesh = {h.descriptor.casefold() for h in a.mesh_headings}
        major = {
            h.descriptor.casefold()
            for h in a.mesh_headings
            if h.major_topic or any(q.major_topic for q in h.qualifiers)
        }
        quals = {q.name.casefold() for h in a.mesh_headings for q in h.qualifiers}
        types = {p.name.casefold() for p in a.publication_types}
        return cls(
            title=[_TEXT.findall(a.title.casefold())] if a.title else [],
            abstract=[_TEXT.findall(s.text.casefold()) for s in a.abstract_sections],
            keywords=[_TEXT.findall(k.casefold()) for k in a.keywords],
            names={"mesh": mesh, "majr": major, "sh": quals, "pt": types},
        )

    def segments(self, fld: str) -> list[list[str]]:
        if fld == "ti":
            return self.title
        if fld == "ab":
            return self.abstract
        if fld == "tiab":
            return self.title + self.abstract
        if fld == "ot":
            return self.keywords
        names = [_TEXT.findall(n) for v in self.names.values() for n in v]
        return self.title + self.abstract + self.keywords + names

    def has(self, term: Term) -> bool:
        found = self.seen.get(term)
        if found is None:
            if term.field in _TEXT_FIELDS:
                found = any(_has_phrase(seg, term.words) for seg in self.segments(term.field))
            else:
                found = term.name in self.names[term.field]
            self.seen[term] = found
        return found


def _word_matches(token: str, word: str) -> bool:
    return token.startswith(word[:-1]) if word.endswith("*") else token == word


def _has_phrase(tokens: list[str], words: tuple[str, ...]) -> bool:
    n = len(words)
    first = words[0]
    for i in range(len(tokens) - n + 1):
        if _word_matches(tokens[i], first) and all(
            _word_matches(tokens[i + j], words[j]) for j in range(1, n)
        ):
            return True
    return False


def _evaluate(node: _Node, doc: _Doc) -> bool:
    if isinstance(node, Term):
        return doc.has(node)
    left = _evaluate(node.left, doc)
    if node.op == "AND":
        return left and _evaluate(node.right, doc)
    if node.op == "OR":
        return left or _evaluate(node.right, doc)
    return left and not _evaluate(node.right, doc)


@dataclass(frozen=True, slots=True)
class TopicFilter:
    """A compiled query set: ``matches(article)`` is true when any of its queries matches.

    Plain frozen data, so it pickles to process and Dask workers. ``key`` changes whenever a
    query term does (parsed partitions made with another filter are not reused).
    """

    name: str
    queries: tuple[tuple[str, _Node], ...]
    key: str

    def matching(self, article: Article) -> list[str]:
        """Names of the queries that match ``article``."""
        doc = _Doc.of(article)
        return [name for name, node in self.queries if _evaluate(node, doc)]

    def matches(self, article: Article) -> bool:
        doc = _Doc.of(article)
        return any(_evaluate(node, doc) for _, node in self.queries)


def compile_query_set(query_set: QuerySet, *, where: str = "<query set>") -> TopicFilter:
    """Parse every query of ``query_set``; ``where`` (its file) prefixes error messages.

    Raises:
        QuerySetError: a term is malformed or uses a field tag that cannot be evaluated locally.
    """
    queries = tuple(
        (q.name, parse_term(q.term, where=f"{where}: query '{q.name}'")) for q in query_set.queries
    )
    canonical = json.dumps([[q.name, q.term] for q in query_set.queries])
    key = hashlib.sha256(canonical.encode("utf-8")).hexdigest()[:16]
    return TopicFilter(query_set.name, queries, key)


def load_topic_filter(queries_dir: Path, name: str) -> TopicFilter:
    """The filter of query set ``name`` in ``queries_dir`` (or of a ``.yaml`` path).

    Raises:
        QuerySetError: no such query set, or it is invalid, or cannot be evaluated locally.
    """
    is_file = name.endswith((".yaml", ".yml"))
    path = Path(name) if is_file else find_query_set(queries_dir, name)
    return compile_query_set(load_query_set(path), where=str(path))
