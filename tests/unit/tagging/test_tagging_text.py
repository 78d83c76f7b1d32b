"""text: sentence boundaries, which the layout of every record rests on."""

from __future__ import annotations

import re

import pytest

from evidence.tagging.text import _OBJECTIVE_CUE, _OBJECTIVE_GUARD, split_sentences


@pytest.mark.parametrize(
    ("text", "sentences"),
    [
        pytest.param("Pain fell. Function rose.", ["Pain fell.", "Function rose."], id="full-stop"),
        pytest.param("Did it work? Yes! It did.", ["Did it work?", "Yes!", "It did."], id="marks"),
        pytest.param(
            "Pain fell (p = 0.01). 12 improved.",
            ["Pain fell (p = 0.01).", "12 improved."],
            id="decimal",
        ),
        pytest.param("Pain (e.g. neck pain) fell.", ["Pain (e.g. neck pain) fell."], id="e.g."),
        pytest.param("Smith et al. Found it.", ["Smith et al. Found it."], id="et-al"),
        pytest.param("By J. Smith. Then.", ["By J. Smith.", "Then."], id="initial"),
        pytest.param(
            'He said "stop." Then left.', ['He said "stop.', "Then left."], id="quote-left-out"
        ),
        pytest.param(
            "It fell.  (See Fig. 2.) Done.",
            ["It fell.", "(See Fig. 2.", "Done."],
            id="bracket-left-out",
        ),
        pytest.param("it fell. then rose.", ["it fell. then rose."], id="lower-case-next"),
        pytest.param("Ends here.", ["Ends here."], id="one"),
    ],
)
def test_split_sentences(text: str, sentences: list[str]) -> None:
    assert [text[a:b] for a, b in split_sentences(text)] == sentences


# every alternative of the objective cue, in title and lower case, and near misses
_OBJECTIVE_TEXT = (
    "Aims: to. The aim was set. We aimed high. Objectives and objective. Its Purpose. Goal. "
    "We sought. We hypothesized. We hypothesised. We report, we describe, We Present. "
    "we conducted we performed we compared we investigated we evaluated we assessed "
    "we examined we randomized we randomised we enrolled we recruited we searched. "
    "This study. this trial, this review, This report; this paper (this article). "
    "The present study, the present trial, the present review. Patients were randomised, "
    "was enrolled, were recruited, was included, were assigned, was allocated. "
    "To evaluate, to investigate, to compare, to assess, to determine, to examine, to "
    "explore, to test. A 45-year-old man, 45 years old, 3 year old. A case of pain. "
    "Aimless, objection, purposes, goals, we saw, this, the, were, was, to, a cat, 45 days."
)


def test_objective_guard_keeps_every_match() -> None:
    assert _OBJECTIVE_GUARD in _OBJECTIVE_CUE.pattern
    plain = re.compile(_OBJECTIVE_CUE.pattern.replace(_OBJECTIVE_GUARD, "", 1), re.IGNORECASE)
    expected = [m.span() for m in plain.finditer(_OBJECTIVE_TEXT)]
    assert len(expected) > 40
    assert [m.span() for m in _OBJECTIVE_CUE.finditer(_OBJECTIVE_TEXT)] == expected
