"""Every path by which the findings reader gives an effect finding the direction ``harm``,
checked against the topic set's rules (tests/eval/topic/LABELLING.md): harm only when the
studied treatment made the outcome worse than its comparator; in a head-to-head trial the
favoured arm gets the benefit and the other arm no finding from that comparison. The paths
are listed in `evidence.tagging.findings` ("Harm"). Every sentence and record here is
SYNTHETIC.
"""

from __future__ import annotations

import pytest
from tagging_builders import CASE_REPORTS, JOURNAL_ARTICLE, RCT, findings

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.findings import read_statement


def effects(found: list[Finding]) -> dict[str, str]:
    """intervention -> the first effect finding's direction."""
    first: dict[str, str] = {}
    for f in found:
        if f.kind == "effect":
            first.setdefault(f.intervention, f.direction)
    return first


# -- path 1 and 2: a worsening worded in the clause (`_HARM`, `_WORSE`) ----------------------


@pytest.mark.parametrize(
    "clause",
    [
        "symptoms worsened on the waiting list but eased after needling",
        "pain increased in the usual care group over the twelve weeks",
        "disability got worse in the no-treatment arm",
        "sham needling aggravated neck pain in four participants",
        "among the controls, pain scores rose by a mean of 8 mm",
        "the untreated group reported increased pain at follow-up",
    ],
)
def test_a_worsening_in_the_control_arm_is_not_the_treatments_harm(clause: str) -> None:
    assert read_statement(clause, controlled=True, arms=[]).direction != "harm"


@pytest.mark.parametrize(
    "clause",
    [
        "dry needling increased pain compared with sham needling",
        "after injection, symptoms worsened more than in the control group",
        "pain was higher in the needling group than in the sham group at one week",
        "the laser arm had worse function than the usual care group",
    ],
)
def test_a_treatment_that_did_worse_than_its_comparator_is_harm(clause: str) -> None:
    assert read_statement(clause, controlled=True, arms=[]).direction == "harm"


@pytest.mark.parametrize(
    "clause",
    [
        "dry needling did not worsen pain",
        "needling could theoretically aggravate symptoms",
        "no participant had increased pain after the injections",
    ],
)
def test_a_denied_or_possible_worsening_is_no_harm(clause: str) -> None:
    assert read_statement(clause, controlled=True, arms=[]).direction != "harm"


# -- path 3 and 4: a comparison of two studied arms (`read_comparison`, the swap) -------------


@pytest.mark.parametrize(
    "results",
    [
        "Pain was higher after ultrasound than after dry needling at four weeks (p = 0.01).",
        "NDI scores stayed higher in the ultrasound group than in the dry needling group "
        "(p < 0.01).",
        "Disability at one month was worse with ultrasound than with dry needling (p = 0.02).",
    ],
)
def test_head_to_head_the_favoured_arm_gets_benefit_and_the_other_none(
    vocab: Vocabulary, results: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling versus therapeutic ultrasound for myofascial neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults were randomised to dry needling or therapeutic ultrasound.",
        results=results,
    )
    got = effects(found)
    assert got.get("dry_needling") == "benefit"
    assert got.get("therapeutic_ultrasound") != "harm"


def test_head_to_head_with_each_arms_own_change_gives_each_a_benefit(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling versus therapeutic ultrasound for myofascial neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults were randomised to dry needling or therapeutic ultrasound.",
        results="Both groups improved significantly from baseline on pain and disability "
        "(p < 0.001), and pain was lower after dry needling than after ultrasound (p = 0.03).",
    )
    got = effects(found)
    assert got.get("dry_needling") == "benefit"
    assert got.get("therapeutic_ultrasound") in (None, "benefit")


def test_a_treatment_worse_than_sham_is_harm(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling or sham needling for chronic neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty patients were randomised to dry needling or to sham needling.",
        conclusions="Pain at one week was higher after dry needling than after sham (p = 0.02).",
    )
    assert effects(found).get("dry_needling") == "harm"


# -- path 5: a case whose treatment was followed by a worsening has no effect finding --------


def test_a_case_with_a_worsening_has_no_effect_finding(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Worsening neck pain after dry needling: a case report",
        types=[JOURNAL_ARTICLE, CASE_REPORTS],
        abstract="A 40-year-old woman had dry needling of the upper trapezius. The next day her "
        "neck pain had worsened, and it settled over a week with rest. Dry needling increased "
        "pain in this patient.",
    )
    assert "harm" not in {f.direction for f in found if f.kind == "effect"}
