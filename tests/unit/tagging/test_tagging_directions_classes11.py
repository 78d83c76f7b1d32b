"""directions: three ways of stating a result, found by reading sentences of our own
written in the manner of trial abstracts (not taken from any labelled record).

Every clause here is SYNTHETIC, written for the kind it names.
"""

from __future__ import annotations

import pytest

from evidence.tagging.directions import classify_clause


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        # an advantage over the comparator, named as such
        ("laser therapy seems to give a small advantage over placebo laser", "benefit"),
        ("the needling offered an advantage over sham in disability", "benefit"),
        ("taping had no advantage over sham taping", "no_benefit"),
        # a difference judged too small to matter
        ("the differences between the arms were not clinically relevant", "no_benefit"),
        ("group differences were small and not clinically important", "no_benefit"),
        # a difference whose 95% confidence interval spans nought
        ("the mean difference in pain was 0.4 points (95% ci -0.3 to 1.2)", "no_benefit"),
        ("the difference in ndi was 1.1 (95% confidence interval, -0.8 to 3.0)", "no_benefit"),
    ],
)
def test_a_clause_reads_as(clause: str, direction: str) -> None:
    assert classify_clause(clause) == direction


@pytest.mark.parametrize(
    "clause",
    [
        # an interval on one side of nought says nothing of a null
        "the mean difference in pain was -1.4 points (95% ci -2.1 to -0.7)",
        # a ratio's interval has no nought to span
        "the risk ratio was 1.3 (95% ci 0.8 to 2.1)",
    ],
)
def test_an_interval_that_does_not_span_nought_is_no_null(clause: str) -> None:
    assert classify_clause(clause) != "no_benefit"


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        # the authors say they cannot conclude it works
        ("at present it cannot be concluded that taping is effective", "inconclusive"),
        ("it could not be concluded that the laser helped", "inconclusive"),
        ("whether cupping works remains to be shown", "inconclusive"),
        # no further benefit "given", by one treatment or by neither of two
        ("adding taping did not give any further benefit", "no_benefit"),
        (
            "neither laser nor taping, added to exercise, gave any further clinical benefit",
            "no_benefit",
        ),
        ("neither technique offered additional improvement over stretching alone", "no_benefit"),
        # no effect of the group, or of group by time, in a results sentence
        (
            "pain fell over time in both arms (p < 0.001) with no group effect (p = 0.58)",
            "no_benefit",
        ),
        ("there was no significant group-by-time interaction for disability", "no_benefit"),
        # one arm preferred to the other
        ("most patients preferred the active laser to the inactive one", "benefit"),
        # sameness said of the gains
        ("taping and stretching produced similar gains in ankle range", "no_benefit"),
    ],
)
def test_a_clause_of_the_tenth_round_reads_as(clause: str, direction: str) -> None:
    assert classify_clause(clause) == direction
