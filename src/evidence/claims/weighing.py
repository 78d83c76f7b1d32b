"""How much a record counts, and how certain a body of evidence is (pure).

Claim-checking stage. Weight = design × size × recency; levels group designs into strong,
moderate and weak; the grade starts from the level of the deciding evidence and is lowered
for inconsistency, limitations and imprecision, like GRADE. docs/verdict-rules.md states
the same numbers; a test reads them from there.
"""

from __future__ import annotations

import math
from collections import Counter
from collections.abc import Iterable
from typing import Literal

from evidence.claims.claim import GRADES, Grade
from evidence.claims.inputs import DESIGN_RANK

__all__ = [
    "DESIGN_NAMES",
    "DESIGN_WEIGHT",
    "LEVEL_OF",
    "LIMITING_QUALIFIERS",
    "Level",
    "describe_designs",
    "grade_for",
    "level_of",
    "recency_factor",
    "size_factor",
    "weight_of",
    "year_span",
]

Level = Literal["strong", "moderate", "weak"]

DESIGN_WEIGHT: dict[str, float] = {
    "meta_analysis": 8.0,
    "systematic_review": 8.0,
    "rct": 5.0,
    "controlled_trial": 3.0,
    "guideline": 3.0,
    "cohort": 2.0,
    "case_control": 2.0,
    "cross_sectional": 1.5,
    "case_series": 1.0,
    "narrative_review": 0.5,
    "other": 0.5,
    "case_report": 0.25,
    "protocol": 0.0,
}

LEVEL_OF: dict[str, Level] = {
    "meta_analysis": "strong",
    "systematic_review": "strong",
    "rct": "strong",
    "controlled_trial": "moderate",
    "guideline": "moderate",
    "cohort": "moderate",
    "case_control": "moderate",
}

# Qualifiers (set by the findings extractor) under which agreement counts only in part.
LIMITING_QUALIFIERS: dict[str, str] = {
    "short_term": "in the short term",
    "low_certainty": "with low-certainty evidence",
    "low_quality": "with low-quality evidence",
    "high_risk_of_bias": "in studies at high risk of bias",
    "small_sample": "in small studies",
    "combined_treatment": "combined with other treatments",
}

DESIGN_NAMES: dict[str, tuple[str, str]] = {
    "meta_analysis": ("meta-analysis", "meta-analyses"),
    "systematic_review": ("systematic review", "systematic reviews"),
    "rct": ("randomised trial", "randomised trials"),
    "controlled_trial": ("controlled trial", "controlled trials"),
    "guideline": ("guideline", "guidelines"),
    "cohort": ("cohort study", "cohort studies"),
    "case_control": ("case-control study", "case-control studies"),
    "cross_sectional": ("survey", "surveys"),
    "case_series": ("case series", "case series"),
    "narrative_review": ("narrative review", "narrative reviews"),
    "other": ("other record", "other records"),
    "case_report": ("case report", "case reports"),
    "protocol": ("trial protocol", "trial protocols"),
}

_START: dict[Level, int] = {"strong": 0, "moderate": 2, "weak": 3}


def level_of(design: str) -> Level:
    """strong (reviews, randomised trials), moderate (other controlled and observational
    designs, guidelines) or weak (surveys, case series, case reports, narrative reviews)."""
    return LEVEL_OF.get(design, "weak")


def size_factor(sample_size: int | None) -> float:
    """1.0 at 100 participants, 0.25 more per tenfold, between 0.5 and 1.5; 1.0 if unknown."""
    if sample_size is None or sample_size <= 0:
        return 1.0
    return min(1.5, max(0.5, 0.5 + 0.25 * math.log10(sample_size)))


def recency_factor(year: int | None, as_of_year: int) -> float:
    """1.0 for the last 10 years, then 0.025 less a year, never below 0.5; 0.75 if unknown."""
    if year is None:
        return 0.75
    age = max(0, as_of_year - year)
    return max(0.5, 1.0 - 0.025 * max(0, age - 10))


def weight_of(design: str, sample_size: int | None, year: int | None, as_of_year: int) -> float:
    """The weight of one record: design × size × recency, rounded to 3 decimals."""
    raw = DESIGN_WEIGHT.get(design, DESIGN_WEIGHT["other"])
    return round(raw * size_factor(sample_size) * recency_factor(year, as_of_year), 3)


def grade_for(level: Level, *, inconsistent: bool, limited: bool, imprecise: bool) -> Grade:
    """Start at high (strong), low (moderate) or very low (weak); one step down for each of
    inconsistency, limitations and imprecision."""
    steps = _START[level] + int(inconsistent) + int(limited) + int(imprecise)
    return GRADES[min(steps, len(GRADES) - 1)]


def describe_designs(designs: Iterable[str]) -> str:
    """'2 systematic reviews and 1 randomised trial', strongest design first."""
    counts = Counter(designs)
    parts = []
    for design in sorted(counts, key=lambda d: (-DESIGN_RANK.get(d, 0), d)):
        one, many = DESIGN_NAMES.get(design, (design, design))
        n = counts[design]
        parts.append(f"{n} {one if n == 1 else many}")
    if not parts:
        return "no records"
    return parts[0] if len(parts) == 1 else ", ".join(parts[:-1]) + " and " + parts[-1]


def year_span(years: Iterable[int | None]) -> str:
    """'2015-2023', '2019', or 'year unknown'."""
    known = sorted(y for y in years if y is not None)
    if not known:
        return "year unknown"
    return str(known[0]) if known[0] == known[-1] else f"{known[0]}–{known[-1]}"
