"""Tagging stage, vocabulary tables: what tagging asks of the vocabulary, answered once.

Reads a `Vocabulary` and the MeSH headings and publication types of records; writes
nothing. Every record asks the vocabulary the same questions: which ids does the heading
"Humans" name in each dimension, which phrases of a term are generic, where does a tag go
in the output order. The answers depend on the vocabulary (and the heading) alone, so they
are kept here: the tables of a vocabulary are built on its first record, a heading's ids
on its first sight. Each answer is the plain look-up's, stored: `DimensionMatcher.lookup`,
`Vocabulary.term`, `Vocabulary.order`; the tables are never changed once filled.
"""

from __future__ import annotations

from collections.abc import Mapping, Sequence
from dataclasses import dataclass, field

from evidence.models import DIMENSIONS, MeshHeading, PublicationType
from evidence.tagging.vocabulary import Term, Vocabulary

__all__ = [
    "SOURCES",
    "Ids",
    "VocabTables",
    "tables_for",
]

# Ids by dimension (every dimension of the vocabulary, in its order).
Ids = Mapping[str, tuple[str, ...]]

# Where a tag comes from, in output order.
SOURCES = (
    "mesh",
    "mesh_qualifier",
    "publication_type",
    "text_title",
    "text_abstract",
    "keyword",
    "derived",
    "default",
)
_SOURCE_PLACES = {source: place for place, source in enumerate(SOURCES)}
_KEPT_VOCABULARIES = 4  # the tables of this many vocabularies are kept (ingest uses one)
_KEPT_HEADINGS = 200_000  # MeSH has some 30,000 descriptors; a stream of junk names is cut off


@dataclass(slots=True)
class VocabTables:
    """The look-up tables of one vocabulary; get them with `tables_for`."""

    vocab: Vocabulary
    # (dimension, id, source) of every id and source -> its place in `rank` order
    places: Mapping[tuple[str, str, str], int] = field(init=False)
    # (dimension, id) -> the term's generic phrases, for the terms that have some
    generic: Mapping[tuple[str, str], tuple[str, ...]] = field(init=False)
    # the intervention terms that yield to others, in file order
    yielding: tuple[Term, ...] = field(init=False)
    # the condition terms that name a broad class (chronic pain) and yield to its kinds
    broad_conditions: tuple[Term, ...] = field(init=False)
    # (UI, name) of a heading -> its ids, None when it names no id in any dimension
    _headings: dict[tuple[str | None, str], Ids | None] = field(default_factory=dict)
    # (UI, name) of a publication type -> its design ids
    _types: dict[tuple[str | None, str], tuple[str, ...]] = field(default_factory=dict)

    def __post_init__(self) -> None:
        terms = self.vocab.terms
        keys = [
            (dimension, term.id, source)
            for dimension in DIMENSIONS
            for term in terms.get(dimension, ())
            for source in SOURCES
        ]
        self.places = {key: place for place, key in enumerate(sorted(keys, key=self.rank))}
        self.generic = {
            (dimension, term.id): term.generic
            for dimension, dimension_terms in terms.items()
            for term in dimension_terms
            if term.generic
        }
        self.yielding = tuple(t for t in terms.get("intervention", ()) if t.yields_to)
        self.broad_conditions = tuple(t for t in terms.get("condition", ()) if t.yields_to)

    def rank(self, key: tuple[str, str, str]) -> tuple[int, int, int]:
        """The output order of tags by (dimension, id, source): dimension, then the id's
        place in its file (after them an id that is not in it), then source."""
        dimension, value, source = key
        order = self.vocab.order(dimension)
        return (
            DIMENSIONS.index(dimension),
            order.get(value, len(order)),
            _SOURCE_PLACES.get(source, len(SOURCES)),
        )

    def mesh(self, headings: Sequence[MeshHeading]) -> list[tuple[MeshHeading, Ids]]:
        """The headings that name an id in some dimension, in order, with their ids."""
        known = self._headings
        named: list[tuple[MeshHeading, Ids]] = []
        for heading in headings:
            key = (heading.descriptor_ui, heading.descriptor)
            if key in known:
                ids = known[key]
            else:
                ids = self._heading_ids(heading)
                if len(known) >= _KEPT_HEADINGS:
                    known.clear()
                known[key] = ids
            if ids is not None:
                named.append((heading, ids))
        return named

    def publication_type(self, publication_type: PublicationType) -> tuple[str, ...]:
        """The design ids a publication type names."""
        key = (publication_type.ui, publication_type.name)
        ids = self._types.get(key)
        if ids is None:
            design = self.vocab.matchers["design"]
            ids = design.lookup(design.publication_types, *key)
            if len(self._types) >= _KEPT_HEADINGS:
                self._types.clear()
            self._types[key] = ids
        return ids

    def _heading_ids(self, heading: MeshHeading) -> Ids | None:
        """The plain look-ups of a heading, one per dimension (None when all are empty)."""
        ids = {
            dimension: matcher.lookup(matcher.mesh, heading.descriptor_ui, heading.descriptor)
            for dimension, matcher in self.vocab.matchers.items()
        }
        return ids if any(ids.values()) else None


_TABLES: dict[int, VocabTables] = {}


def tables_for(vocab: Vocabulary) -> VocabTables:
    """The tables of ``vocab``, built on first use (kept while it is among the last used)."""
    tables = _TABLES.get(id(vocab))
    if tables is None or tables.vocab is not vocab:
        if len(_TABLES) >= _KEPT_VOCABULARIES:
            _TABLES.clear()
        tables = _TABLES[id(vocab)] = VocabTables(vocab)
    return tables
