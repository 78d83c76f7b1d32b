"""text: sentence boundaries, which the layout of every record rests on."""

from __future__ import annotations

import pytest

from evidence.tagging.text import split_sentences


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
