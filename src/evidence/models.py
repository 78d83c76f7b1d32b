"""The typed records that flow between stages.

`Article` is the one model of a parsed PubMed record: only `evidence.pubmed` builds it from
XML, everything downstream reads it. Lists stay tuples, a missing value is ``None`` (never
``""``), and ``pmid`` is an ``int``. Records are frozen so that stages cannot change each
other's data.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from datetime import date
from typing import Literal

__all__ = [
    "DIMENSIONS",
    "DIRECTIONS",
    "SYNTHETIC_PMID_FLOOR",
    "AbstractSection",
    "Article",
    "ArticleLink",
    "Author",
    "BookArticle",
    "Deletion",
    "Finding",
    "MeshHeading",
    "MeshQualifier",
    "PublicationType",
    "Record",
    "Tag",
    "is_synthetic",
]

# PublicationType UIs that mark a retraction (MeSH D016441 Retracted Publication).
RETRACTED_PUBLICATION_UI = "D016441"
# The synthetic sample's PMIDs start here (real PMIDs are far below it for years to come).
SYNTHETIC_PMID_FLOOR = 90_000_000


def is_synthetic(pmid: int, journal: str | None) -> bool:
    """A record of the synthetic sample: a PMID from 90000000 up, or a 'Synthetic' journal."""
    return pmid >= SYNTHETIC_PMID_FLOOR or (journal or "").startswith("Synthetic")


@dataclass(frozen=True, slots=True)
class AbstractSection:
    """One `AbstractText` element: a section of a structured abstract, or the whole of an
    unstructured one (label and category ``None``)."""

    label: str | None
    nlm_category: str | None
    text: str


@dataclass(frozen=True, slots=True)
class Author:
    last_name: str | None = None
    fore_name: str | None = None
    initials: str | None = None
    collective_name: str | None = None
    affiliations: tuple[str, ...] = ()
    orcid: str | None = None


@dataclass(frozen=True, slots=True)
class PublicationType:
    ui: str | None
    name: str


@dataclass(frozen=True, slots=True)
class MeshQualifier:
    ui: str | None
    name: str
    major_topic: bool


@dataclass(frozen=True, slots=True)
class MeshHeading:
    descriptor_ui: str | None
    descriptor: str
    major_topic: bool
    qualifiers: tuple[MeshQualifier, ...] = ()


@dataclass(frozen=True, slots=True)
class ArticleLink:
    """A `CommentsCorrections` entry: RetractionIn, RetractionOf, ErratumIn, CommentIn, ..."""

    ref_type: str
    pmid: int | None
    ref_source: str | None


@dataclass(frozen=True, slots=True)
class Article:
    """One PubMed citation (`PubmedArticle`, or `MedlineCitation` of a pre-2017 file)."""

    pmid: int
    version: int = 1
    status: str | None = None
    date_revised: date | None = None
    date_completed: date | None = None
    title: str | None = None
    vernacular_title: str | None = None
    abstract_sections: tuple[AbstractSection, ...] = ()
    journal: str | None = None
    journal_iso: str | None = None
    issn: str | None = None
    pub_year: int | None = None
    pub_date: date | None = None
    pub_date_raw: str | None = None
    languages: tuple[str, ...] = ()
    doi: str | None = None
    pmcid: str | None = None
    authors: tuple[Author, ...] = ()
    publication_types: tuple[PublicationType, ...] = ()
    mesh_headings: tuple[MeshHeading, ...] = ()
    keywords: tuple[str, ...] = ()
    links: tuple[ArticleLink, ...] = ()
    source_line: int | None = field(default=None, compare=False, repr=False)

    @property
    def abstract(self) -> str | None:
        """The abstract as one text; structured sections are joined as ``LABEL: text``."""
        if not self.abstract_sections:
            return None
        parts = [f"{s.label}: {s.text}" if s.label else s.text for s in self.abstract_sections]
        return " ".join(parts)

    @property
    def is_retracted(self) -> bool:
        """A retracted paper carries the type 'Retracted Publication' or a RetractionIn link."""
        return any(
            p.ui == RETRACTED_PUBLICATION_UI or p.name == "Retracted Publication"
            for p in self.publication_types
        ) or any(link.ref_type == "RetractionIn" for link in self.links)


@dataclass(frozen=True, slots=True)
class BookArticle:
    """A `PubmedBookArticle` (a book chapter). Counted, not stored."""

    pmid: int
    source_line: int | None = field(default=None, compare=False, repr=False)


@dataclass(frozen=True, slots=True)
class Deletion:
    """A `DeleteCitation` block: these PMIDs are to be removed from the warehouse."""

    pmids: tuple[int, ...]
    source_line: int | None = field(default=None, compare=False, repr=False)


Record = Article | BookArticle | Deletion

DIMENSIONS = ("intervention", "condition", "outcome", "design", "population", "adverse_event")
Dimension = Literal["intervention", "condition", "outcome", "design", "population", "adverse_event"]
# `no_harm` only on safety findings: the record reports that no adverse event occurred
DIRECTIONS = ("benefit", "no_benefit", "harm", "inconclusive", "no_harm")
Direction = Literal["benefit", "no_benefit", "harm", "inconclusive", "no_harm"]
FindingKind = Literal["effect", "safety"]
# Events that threaten life or lasting function, or need medical treatment; the others in
# the vocabulary (bruising, bleeding, hematoma, soreness, syncope, burn, nausea, vomiting)
# count as minor. 040_claims.sql repeats this list for adverse_event_summary (tested).
SERIOUS_EVENTS = frozenset(
    {"pneumothorax", "infection", "nerve_injury", "allergic_reaction", "asthma"}
)
# what a finding's intervention was compared with
COMPARATORS = ("sham", "no_treatment", "active", "variant", "none", "mixed")


@dataclass(frozen=True, slots=True)
class Tag:
    """A vocabulary id attached to a record, with where it came from and why."""

    pmid: int
    dimension: Dimension
    value: str
    source: str  # mesh, mesh_qualifier, publication_type, text, ...
    evidence: str  # the heading or the matched words


@dataclass(frozen=True, slots=True)
class Finding:
    """What one record concludes about an intervention for a condition and outcome."""

    pmid: int
    intervention: str
    condition: str | None
    outcome: str | None
    direction: Direction
    design: str | None
    sentence: str
    # what limits the finding: "short_term", "low_certainty", "combined_treatment", ...
    qualifiers: tuple[str, ...] = ()
    sample_size: int | None = None
    # effect (does it work) or safety (what adverse events occurred)
    kind: FindingKind = "effect"
    comparator: str | None = None  # one of COMPARATORS, when the record says
    events: tuple[str, ...] = ()  # safety findings: the adverse events that occurred
    seriousness: str | None = None  # safety findings: serious, minor or none
