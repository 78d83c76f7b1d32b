"""Builders of SYNTHETIC `Article` records for the tagging tests: no real abstract is used.

Each helper returns a plain `Article`, so that a test reads as the record it tags.
"""

from __future__ import annotations

from collections.abc import Sequence
from pathlib import Path

import pytest

from evidence.models import (
    AbstractSection,
    Article,
    Finding,
    MeshHeading,
    MeshQualifier,
    PublicationType,
)
from evidence.tagging import Vocabulary
from evidence.tagging.findings import analyse_article

REPO = Path(__file__).resolve().parents[3]
VOCAB_DIR = REPO / "data" / "vocab"

JOURNAL_ARTICLE = PublicationType("D016428", "Journal Article")
RCT = PublicationType("D016449", "Randomized Controlled Trial")
REVIEW = PublicationType("D016454", "Review")
SYSTEMATIC_REVIEW = PublicationType("D000078182", "Systematic Review")
META_ANALYSIS = PublicationType("D017418", "Meta-Analysis")
CASE_REPORTS = PublicationType("D002363", "Case Reports")
PROTOCOL = PublicationType("D000078325", "Clinical Trial Protocol")


def heading(ui: str | None, name: str, *qualifiers: tuple[str, str]) -> MeshHeading:
    """A MeSH heading with (UI, name) qualifiers."""
    return MeshHeading(ui, name, False, tuple(MeshQualifier(q, n, False) for q, n in qualifiers))


def article(
    title: str = "A synthetic record",
    *,
    background: str | None = None,
    objective: str | None = None,
    methods: str | None = None,
    results: str | None = None,
    conclusions: str | None = None,
    abstract: str | None = None,
    types: Sequence[PublicationType] = (JOURNAL_ARTICLE,),
    mesh: Sequence[MeshHeading] = (),
    pmid: int = 99000001,
) -> Article:
    """A record with a structured abstract (the named sections) or an unstructured one."""
    sections: list[AbstractSection] = []
    if abstract is not None:
        sections.append(AbstractSection(None, None, abstract))
    for label, text in (
        ("BACKGROUND", background),
        ("OBJECTIVE", objective),
        ("METHODS", methods),
        ("RESULTS", results),
        ("CONCLUSIONS", conclusions),
    ):
        if text is not None:
            sections.append(AbstractSection(label, label, text))
    return Article(
        pmid=pmid,
        title=title,
        abstract_sections=tuple(sections),
        publication_types=tuple(types),
        mesh_headings=tuple(mesh),
    )


def findings(vocab: Vocabulary, **record: object) -> list[Finding]:
    """The findings of the record `article(**record)` builds."""
    return analyse_article(article(**record), vocab)[1]  # type: ignore[arg-type]


def vocab_documents(**extra_terms: list[dict]) -> dict:  # type: ignore[type-arg]
    """Vocabulary documents for every dimension: a filler term each, plus ``extra_terms``."""
    base = {
        d: [{"id": f"{d}_x", "label": "x"}]
        for d in ("intervention", "condition", "outcome", "design", "population", "adverse_event")
    }
    base.update(extra_terms)
    return {d: {"dimension": d, "terms": terms} for d, terms in base.items()}


def _scan_built() -> bool:
    """Whether the compiled word-start scan (`evidence.tagging._scan`) was built; a missing
    build fails instead when EVIDENCE_REQUIRE_COMPILED is set (CI)."""
    import os

    from evidence.tagging.matching import compiled_scan

    if compiled_scan() is not None:
        return True
    if os.environ.get("EVIDENCE_REQUIRE_COMPILED"):
        raise AssertionError("evidence.tagging._scan was not built (EVIDENCE_REQUIRE_COMPILED)")
    return False


# the cases that need the compiled scan skip without it, with this reason
needs_scan = pytest.mark.skipif(
    not _scan_built(), reason="evidence.tagging._scan was not built (Cython and a C compiler)"
)
