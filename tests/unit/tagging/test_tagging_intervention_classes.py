"""Interventions named by technique, by trade name or inside a combined programme.

Every sentence is SYNTHETIC, written for these tests in the styles real abstracts use.
Percutaneous (needle) electrolysis passes a galvanic current through a needle; the
labelling rules (tests/eval/README.md) map it to `electrical_stimulation`, whatever name
the record gives the technique.
"""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, article

from evidence.models import Tag
from evidence.tagging import Vocabulary, tag_article


def interventions(tags: list[Tag]) -> set[str]:
    return {t.value for t in tags if t.dimension == "intervention"}


@pytest.mark.parametrize(
    ("title", "methods"),
    [
        (
            "Percutaneous needle electrolysis for jumper's knee",
            "Thirty athletes had three sessions of ultrasound-guided PNE at 3 mA.",
        ),
        (
            "Percutaneous electrolysis or eccentric loading for Achilles tendinopathy",
            "Runners were allocated to percutaneous electrolysis or to a loading programme.",
        ),
        (
            "Intratissue percutaneous electrolysis in chronic epicondylalgia",
            "Each patient had intratissue percutaneous electrolysis (EPI) once a week.",
        ),
        (
            "Two years of percutaneous microelectrolysis in sports clinics",
            "We followed 120 players treated with percutaneous microelectrolysis.",
        ),
        (
            "Needle electrolysis of the supraspinatus tendon",
            "A galvanic current was delivered through an acupuncture needle into the tendon.",
        ),
    ],
)
def test_needle_electrolysis_is_electrical_stimulation(
    vocab: Vocabulary, title: str, methods: str
) -> None:
    record = article(title, methods=methods, types=[JOURNAL_ARTICLE])
    assert "electrical_stimulation" in interventions(tag_article(record, vocab))


def test_electrolysis_that_removes_hair_is_not_a_needle_technique(vocab: Vocabulary) -> None:
    record = article(
        "Laser or electrolysis for facial hair",
        methods="Women with hirsutism were randomized to laser hair removal or electrolysis.",
        types=[RCT],
    )
    assert "electrical_stimulation" not in interventions(tag_article(record, vocab))
