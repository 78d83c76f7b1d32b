"""Typed records of the claim-checking stage: claims in, verdicts and citations out.

Pure data, no I/O. A `Claim` is what `evidence.claims.claims_file` reads from an editors' YAML
file; a `Verdict` (with its `Citation` rows) is what the verdict rules return and what
`evidence.claims.warehouse` writes behind the ``claim_verdicts`` and ``claim_evidence``
views. Labels and kinds are spelled exactly as in the evidence contract.
"""

from __future__ import annotations

from dataclasses import dataclass
from typing import Literal

__all__ = [
    "ASSERTS",
    "GRADES",
    "KINDS",
    "STANCES",
    "VERDICTS",
    "Citation",
    "Claim",
    "ClaimsFile",
    "Grade",
    "Kind",
    "Stance",
    "Verdict",
    "VerdictLabel",
]

Kind = Literal[
    "effectiveness", "indication", "safety", "adverse_effect", "coverage", "mechanism", "definition"
]
KINDS: tuple[Kind, ...] = (
    "effectiveness",
    "indication",
    "safety",
    "adverse_effect",
    "coverage",
    "mechanism",
    "definition",
)

# What a claim of each kind may assert; the first value is the default when `asserts` is absent.
ASSERTS: dict[Kind, tuple[str, ...]] = {
    "effectiveness": ("benefit", "no_benefit"),
    "indication": ("benefit",),
    "safety": ("safe",),
    "adverse_effect": ("occurs", "does_not_occur"),
    "coverage": ("covered", "not_covered"),
    "mechanism": ("true",),
    "definition": ("true",),
}

VerdictLabel = Literal["supported", "mixed", "insufficient", "contradicted", "not_assessable"]
VERDICTS: tuple[VerdictLabel, ...] = (
    "supported",
    "mixed",
    "insufficient",
    "contradicted",
    "not_assessable",
)

Grade = Literal["high", "moderate", "low", "very low"]
GRADES: tuple[Grade, ...] = ("high", "moderate", "low", "very low")

Stance = Literal["supports", "refutes", "neutral"]
STANCES: tuple[Stance, ...] = ("supports", "refutes", "neutral")


@dataclass(frozen=True, slots=True)
class Claim:
    """One checkable statement of an article, as an editor wrote it in a claims file.

    An empty ``condition`` or ``outcome`` means "any"; ``line`` is where the claim starts in
    its file (1-based), kept for messages; ``sentence`` is the article's own sentence that
    makes the claim, when the editor gave it (whitespace collapsed).
    """

    id: str
    text: str
    kind: Kind
    asserts: str
    intervention: tuple[str, ...]
    condition: tuple[str, ...] = ()
    outcome: tuple[str, ...] = ()
    adverse_event: tuple[str, ...] = ()
    line: int | None = None
    sentence: str | None = None
    reviewed: bool = True  # False: drafted by `evidence draft`, not yet reviewed by an editor


@dataclass(frozen=True, slots=True)
class ClaimsFile:
    """A whole claims file: where the claims come from, and the claims in file order."""

    path: str
    claims: tuple[Claim, ...]
    source_title: str | None = None
    source_url: str | None = None

    @property
    def name(self) -> str:
        """The key under which this file's verdicts are stored: the file name."""
        return self.path.replace("\\", "/").rsplit("/", 1)[-1]


@dataclass(frozen=True, slots=True)
class Citation:
    """One record that bears on a claim, and how it bears on it: ``sentence`` is the
    record's own sentence that carries the stance, ``note`` a plain word on the stance when
    the sentence alone does not show it (a qualified result, an event no sentence names),
    ``sample_size`` what the weight counted."""

    pmid: int
    year: int | None
    design: str
    stance: Stance
    weight: float
    sentence: str | None
    title: str | None = None
    sample_size: int | None = None
    note: str | None = None


@dataclass(frozen=True, slots=True)
class Verdict:
    """The judgement of one claim: label, certainty, counts, a pasteable summary, citations.

    ``rule`` is the id of the rule in docs/verdict-rules.md that decided the label;
    ``grade`` is ``None`` when no body of evidence was graded (definitions, coverage,
    claims that are not assessable).
    """

    claim: Claim
    verdict: VerdictLabel
    grade: Grade | None
    rule: str
    summary: str
    n_articles: int
    n_supporting: int
    n_refuting: int
    citations: tuple[Citation, ...] = ()

    @property
    def claim_id(self) -> str:
        return self.claim.id
