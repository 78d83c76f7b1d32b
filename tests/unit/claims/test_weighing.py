"""Weights, levels and grades of the verdict rules."""

from __future__ import annotations

import pytest

from evidence.claims.inputs import DESIGN_RANK, primary_design
from evidence.claims.weighing import (
    DESIGN_WEIGHT,
    describe_designs,
    grade_for,
    level_of,
    recency_factor,
    size_factor,
    weight_of,
    year_span,
)


@pytest.mark.parametrize(
    ("n", "factor"),
    [
        (None, 1.0),
        (0, 1.0),
        (1, 0.5),
        (10, 0.75),
        (100, 1.0),
        (1000, 1.25),
        (10**4, 1.5),
        (10**6, 1.5),
    ],
)
def test_size_factor(n: int | None, factor: float) -> None:
    assert size_factor(n) == pytest.approx(factor)


@pytest.mark.parametrize(
    ("year", "factor"),
    [
        (2026, 1.0),
        (2016, 1.0),
        (2006, 0.75),
        (1970, 0.5),
        (None, 0.75),
    ],
)
def test_recency_factor(year: int | None, factor: float) -> None:
    assert recency_factor(year, 2026) == pytest.approx(factor)


def test_weight_is_design_times_size_times_recency() -> None:
    assert weight_of("rct", 1000, 2006, 2026) == round(5 * 1.25 * 0.75, 3)
    assert weight_of("protocol", 1000, 2026, 2026) == 0


def test_design_weights_follow_the_strength_order() -> None:
    order = ["meta_analysis", "rct", "controlled_trial", "cohort", "case_series", "case_report"]
    weights = [DESIGN_WEIGHT[d] for d in order]
    ranks = [DESIGN_RANK[d] for d in order]
    assert weights == sorted(weights, reverse=True) and len(set(weights)) == len(weights)
    assert ranks == sorted(ranks, reverse=True)
    assert set(DESIGN_WEIGHT) == set(DESIGN_RANK)


@pytest.mark.parametrize(
    ("design", "level"),
    [
        ("meta_analysis", "strong"),
        ("rct", "strong"),
        ("controlled_trial", "moderate"),
        ("cohort", "moderate"),
        ("cross_sectional", "weak"),
        ("case_report", "weak"),
        ("unknown_design", "weak"),
    ],
)
def test_levels(design: str, level: str) -> None:
    assert level_of(design) == level


@pytest.mark.parametrize(
    ("level", "downs", "grade"),
    [
        ("strong", 0, "high"),
        ("strong", 1, "moderate"),
        ("strong", 3, "very low"),
        ("moderate", 0, "low"),
        ("moderate", 1, "very low"),
        ("weak", 0, "very low"),
    ],
)
def test_grade_starts_from_the_level_and_steps_down(level: str, downs: int, grade: str) -> None:
    flags = [i < downs for i in range(3)]
    got = grade_for(
        level,
        inconsistent=flags[0],
        limited=flags[1],  # type: ignore[arg-type]
        imprecise=flags[2],
    )
    assert got == grade


def test_describe_designs_strongest_first_with_plurals() -> None:
    assert (
        describe_designs(["rct", "meta_analysis", "rct"])
        == "1 meta-analysis and 2 randomised trials"
    )
    assert describe_designs(["cross_sectional"]) == "1 survey"
    assert describe_designs([]) == "no records"


def test_year_span() -> None:
    assert year_span([2019, None, 2015]) == "2015–2019"
    assert year_span([2020, 2020]) == "2020"
    assert year_span([None]) == "year unknown"


@pytest.mark.parametrize(
    ("designs", "primary"),
    [
        (["rct", "protocol"], "protocol"),
        (["cohort", "rct"], "rct"),
        ([], "other"),
        (["made_up"], "other"),
        (["case_report", "case_series"], "case_series"),
    ],
)
def test_primary_design(designs: list[str], primary: str) -> None:
    assert primary_design(designs) == primary
