"""Drafting stage, evaluation: a draft against a hand-made (gold) claims file. Pure.

A gold claim is found when a drafted claim has its kind, shares an intervention with it,
and names the same condition and adverse event (overlapping when both name some; none when
the gold claim names none). Each drafted claim counts for one gold claim at most, a drafted
claim of the gold claim's own sentence before one of another sentence. A drafted
claim that matches a gold claim of the same sentence on intervention and condition but not
on kind is a wrong kind; one that matches on everything but ``asserts`` a wrong assertion.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

from evidence.claims.claim import Claim
from evidence.drafting.drafter import DraftClaim

__all__ = ["DraftScore", "score_draft"]


@dataclass(frozen=True, slots=True)
class DraftScore:
    """Recall and precision of a draft against gold claims, and the near misses."""

    gold: int
    drafted: int
    found: int  # gold claims matched
    correct: int  # drafted claims that match a gold claim
    wrong_kind: int
    wrong_assertion: int
    missed: tuple[str, ...]  # ids of the gold claims not found

    @property
    def recall(self) -> float:
        return self.found / self.gold if self.gold else 1.0

    @property
    def precision(self) -> float:
        return self.correct / self.drafted if self.drafted else 1.0


def _same(a: Sequence[str], b: Sequence[str]) -> bool:
    return bool(set(a) & set(b)) if a and b else not a and not b


def _matches(d: DraftClaim, g: Claim, *, kind: bool = True) -> bool:
    return (
        (not kind or d.kind == g.kind)
        and bool(set(d.intervention) & set(g.intervention))
        and _same(d.condition, g.condition)
        and _same(d.adverse_event, g.adverse_event)
    )


def score_draft(drafted: Sequence[DraftClaim], gold: Sequence[Claim]) -> DraftScore:
    """Score ``drafted`` against ``gold`` (greedy one-to-one matching in file order)."""
    used: set[int] = set()
    found = 0
    wrong_assertion = 0
    missed: list[str] = []
    sentences = [" ".join(d.sentence.split()) for d in drafted]
    for g in gold:
        # a drafted claim of the gold claim's own sentence first, then any other
        hits = [i for i, d in enumerate(drafted) if i not in used and _matches(d, g)]
        hit = next((i for i in hits if sentences[i] == g.sentence), hits[0] if hits else None)
        if hit is None:
            missed.append(g.id)
            continue
        used.add(hit)
        found += 1
        if drafted[hit].asserts != g.asserts:
            wrong_assertion += 1
    wrong_kind = 0
    for i, d in enumerate(drafted):
        if i in used:
            continue
        if any(
            g.sentence is not None
            and " ".join(d.sentence.split()) == g.sentence
            and _matches(d, g, kind=False)
            and d.kind != g.kind
            for g in gold
        ):
            wrong_kind += 1
    return DraftScore(
        gold=len(gold),
        drafted=len(drafted),
        found=found,
        correct=len(used),
        wrong_kind=wrong_kind,
        wrong_assertion=wrong_assertion,
        missed=tuple(missed),
    )
