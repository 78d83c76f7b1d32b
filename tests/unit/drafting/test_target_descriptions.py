"""What the treatment works on, described by a pronoun after the sentence that names it ("A
trigger point is a tight knot in a muscle. It can make turning your head painful."): on a
page about a treatment that works on trigger points, a definition claim of that treatment,
as the dev golds read a trigger point's descriptions; on a page about the condition, no
claim. Every text is written for these tests."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from drafting_helpers import claims_on

from evidence.drafting import Draft

Drafter = Callable[[str], Draft]


@pytest.mark.parametrize(
    ("text", "start", "intervention"),
    [
        (
            "Trigger point injections\n\nA trigger point is a tight knot in a muscle. When "
            "you press on it, it sends pain into the arm.",
            "When you press on it",
            "trigger_point_injection",
        ),
        (
            "Dry needling\n\nA trigger point is a small, irritable knot in a muscle. It can "
            "make turning your head painful.",
            "It can make",
            "dry_needling",
        ),
        (
            "Dry needling for neck pain\n\nTrigger points are tense spots in a muscle that "
            "hurt when pressed. That makes lifting the arm hard.",
            "That makes",
            "dry_needling",
        ),
        (
            "Trigger point injections\n\nA trigger point is a hard band in a muscle. "
            "Sometimes what it sends is a dull ache in the head rather than pain at the spot.",
            "Sometimes what it sends",
            "trigger_point_injection",
        ),
    ],
)
def test_a_described_trigger_point_defines_the_treatment(
    draft: Drafter, text: str, start: str, intervention: str
) -> None:
    assert ("definition", (intervention,)) in [
        (k, i) for k, i, _, _ in claims_on(draft(text), start)
    ]


@pytest.mark.parametrize(
    "text",
    [
        # (a page about the condition: its descriptions are about the condition)
        "Myofascial pain syndrome\n\nA trigger point is a tight knot in a muscle. It can make "
        "turning your head painful.",
        # (a sentence that names another treatment is about that one)
        "Dry needling\n\nA trigger point is a tight knot in a muscle. It can be eased with "
        "heat packs at home.",
    ],
)
def test_no_definition_off_a_treatment_page_or_of_another_treatment(
    draft: Drafter, text: str
) -> None:
    start = text.split(". ")[1][:10]
    assert ("definition",) not in [(k,) for k, _, _, _ in claims_on(draft(text), start)]
