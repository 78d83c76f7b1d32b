"""What an evidence card shows besides its stance: the record's own sentence, read from its
title and abstract, and its weight in words (claim-checking stage, pure).

A card must let an editor check it: the sentence it quotes is one of the record's own
sentences (never a bare tag term), and it carries the card's stance. `sentence_naming`
finds the sentence of a record that names what it was tagged with (the words the tagger
matched, or the vocabulary term); `reads_as` tells a result ("reduced pain") from a
qualified one ("cannot be attributed to the treatment"), so that a card counted neither way
quotes the sentence that says why; `weight_words` says what made a record strong or weak.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from typing import Literal

from evidence.claims.inputs import EvidenceRecord
from evidence.claims.weighing import (
    DESIGN_NAMES,
    DESIGN_WEIGHT,
    level_of,
    recency_factor,
    size_factor,
)
from evidence.tagging.text import split_sentences

__all__ = [
    "HEDGE",
    "Reading",
    "names_any",
    "reads_as",
    "record_sentences",
    "sentence_naming",
    "weight_detail",
    "weight_words",
    "words_for",
]

Reading = Literal["qualified", "no_difference", "improvement"]

# A sentence in which the authors qualify their result: the design cannot attribute it to
# the treatment, the evidence is inconclusive, more research is needed.
HEDGE = re.compile(
    r"\b(?:cannot|can ?not|could not|can't) (?:be )?(?:attribut|exclud|establish|separat|"
    r"determin|conclud|rule)|\binconclusive\b|\buncertain\b|\binsufficient evidence\b|"
    r"\bare needed\b|\bis needed\b|\bwithout a control group\b|\bsingle case\b",
    re.IGNORECASE,
)
_NO_DIFFERENCE = re.compile(
    r"\bnot (?:superior|significant|different|more effective)|\bno (?:significant |"
    r"between-group )?differen|\bdid not (?:differ|significantly|improve|reduce)|"
    r"\bno more effective\b|\bno (?:evidence of )?(?:long-term )?benefit\b|\bsimilar\b|"
    r"\bnot associated\b",
    re.IGNORECASE,
)
_IMPROVEMENT = re.compile(
    r"\b(?:reduc|improv|decreas|relie|lower|fell|benefit|effective)",
    re.IGNORECASE,
)


def reads_as(sentence: str) -> Reading | None:
    """What a sentence says, by its wording: qualified (the authors hedge), no difference,
    an improvement, or nothing of these (None).

    >>> reads_as("Pain fell from 6.2 to 3.9."), reads_as("It was not superior to sham.")
    ('improvement', 'no_difference')
    >>> reads_as("Without a control group, these changes cannot be attributed to it.")
    'qualified'
    """
    if HEDGE.search(sentence):
        return "qualified"
    if _NO_DIFFERENCE.search(sentence):
        return "no_difference"
    if _IMPROVEMENT.search(sentence):
        return "improvement"
    return None


def record_sentences(record: EvidenceRecord) -> list[str]:
    """The sentences of the record's abstract, in order, then its title."""
    out = []
    for text in record.abstract:
        out += [" ".join(text[a:b].split()) for a, b in split_sentences(text)]
    if record.title:
        out.append(" ".join(record.title.split()))
    return [s for s in out if s]


def words_for(record: EvidenceRecord, dimension: str, ids: Iterable[str]) -> list[str]:
    """The words that name these ids in this record: what the tagger matched, and the
    vocabulary term itself (underscores as spaces)."""
    words: list[str] = []
    for value in ids:
        words += record.tag_words.get((dimension, value), ())
        if dimension == "adverse_event" and value in record.adverse_events:
            words.append(record.adverse_events[value])
        words.append(value.replace("_", " "))
        if value == "post_needling_soreness":
            words.append("post-needling soreness")
    return [w for w in dict.fromkeys(w.strip() for w in words) if len(w) > 2]


def names_any(sentence: str, words: Iterable[str]) -> bool:
    """Whether the sentence holds one of the words (case-insensitive, from a word start)."""
    return any(re.search(r"(?<!\w)" + re.escape(w), sentence, re.IGNORECASE) for w in words if w)


def sentence_naming(
    record: EvidenceRecord, words: Iterable[str], *also: Iterable[str]
) -> str | None:
    """The first sentence of the record (abstract, then title) that names one of ``words``
    and, for each of ``also``, one of its words; then the first that names one of
    ``words`` alone; None when no sentence names them."""
    wanted = list(words)
    if not wanted:
        return None
    sentences = [s for s in record_sentences(record) if names_any(s, wanted)]
    for s in sentences:
        if all(names_any(s, more) for more in also):
            return s
    return sentences[0] if sentences else None


def _size_text(design: str, sample_size: int | None) -> str:
    if not sample_size:
        return ""
    if design in ("meta_analysis", "systematic_review"):
        return f" of studies with {sample_size:,} people"
    if design == "narrative_review":
        return ""
    return f" of {sample_size:,} {'person' if sample_size == 1 else 'people'}"


def weight_words(
    design: str, sample_size: int | None, year: int | None, as_of_year: int | None
) -> str:
    """A record's weight in words: its level, what it is, and what lowered or raised it.

    >>> weight_words("rct", 120, 2021, 2026)
    'strong: randomised trial of 120 people, 2021'
    >>> weight_words("case_series", 12, 2005, 2026)
    'weak: case series of 12 people (small), 2005 (older: counts less)'
    """
    level = "set aside" if design == "protocol" else level_of(design)
    name = DESIGN_NAMES.get(design, (design.replace("_", " "), ""))[0]
    text = f"{level}: {name}{_size_text(design, sample_size)}"
    if sample_size and design not in ("narrative_review",):
        factor = size_factor(sample_size)
        if factor < 0.85:
            text += " (small)"
        elif factor >= 1.2:
            text += " (large)"
    if year is None:
        return text + ", year unknown"
    text += f", {year}"
    if as_of_year is not None and recency_factor(year, as_of_year) < 1.0:
        text += " (older: counts less)"
    return text


def weight_detail(
    design: str, sample_size: int | None, year: int | None, weight: float, as_of_year: int | None
) -> str:
    """The weight as analysts read it: 'weight 4.72 = design 5 × size 0.97 × recency 1'."""
    base = DESIGN_WEIGHT.get(design, DESIGN_WEIGHT["other"])
    recency = recency_factor(year, as_of_year) if as_of_year is not None else None
    parts = f"design {base:g} × size {size_factor(sample_size):.2f}"
    parts += f" × recency {recency:.3g}" if recency is not None else ""
    return f"weight {weight:.2f} = {parts}"
