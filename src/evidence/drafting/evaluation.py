"""Drafting stage, evaluation: a draft against a hand-made (gold) claims file. Pure.

A gold claim is found when a drafted claim has its kind, shares an intervention with it,
and names the same condition and adverse event (overlapping when both name some; none when
the gold claim names none). Each drafted claim counts for one gold claim at most: the
pairs are a largest one-to-one matching, a drafted claim of the gold claim's own sentence
tried before one of another sentence. The stricter count pairs a gold claim only with
claims drafted from its own sentence. A drafted
claim that matches a gold claim of the same sentence on intervention and condition but not
on kind is a wrong kind; one that matches on everything but ``asserts`` a wrong assertion.
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path

from evidence.claims.claim import Claim
from evidence.drafting.drafter import DraftClaim

__all__ = ["DraftScore", "article_sets", "score_draft"]

# a row of the measuring set's table: "| `folder/` | dev | ..." (tests/eval/draft/README.md)
_SET_ROW = re.compile(r"^\| `(?P<folder>[^`/]+)/` \| (?P<set>dev|test) \|", re.MULTILINE)


def article_sets(readme: Path) -> dict[str, str]:
    """Each article folder of a drafting measuring set and its half (``dev`` or ``test``),
    in the order of the table of the set's README (tests/eval/draft/README.md)."""
    return {m["folder"]: m["set"] for m in _SET_ROW.finditer(readme.read_text("utf-8"))}


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
    unmatched: tuple[str, ...] = ()  # ids of the drafted claims that match no gold claim
    # stricter: gold claims found by a drafted claim of their own sentence, and the others
    found_in_sentence: int = 0
    missed_in_sentence: tuple[str, ...] = ()

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


def _pairs(
    drafted: Sequence[DraftClaim], gold: Sequence[Claim], *, same_sentence: bool = False
) -> dict[int, int]:
    """A largest one-to-one matching of gold claims (key) to drafted claims (value), found
    by augmenting paths; each gold claim tries the drafts of its own sentence first (and
    only those with ``same_sentence``)."""
    sentences = [" ".join(d.sentence.split()) for d in drafted]
    options = []
    for g in gold:
        hits = [i for i, d in enumerate(drafted) if _matches(d, g)]
        own = [i for i in hits if sentences[i] == g.sentence]
        others = [] if same_sentence else [i for i in hits if sentences[i] != g.sentence]
        # within each, a draft that asserts what the gold claim asserts first
        own.sort(key=lambda i: drafted[i].asserts != g.asserts)
        others.sort(key=lambda i: drafted[i].asserts != g.asserts)
        options.append(own + others)
    owner: dict[int, int] = {}  # drafted index -> gold index

    def assign(gi: int, seen: set[int]) -> bool:
        for di in options[gi]:
            if di in seen:
                continue
            seen.add(di)
            if di not in owner or assign(owner[di], seen):
                owner[di] = gi
                return True
        return False

    for gi in range(len(gold)):
        assign(gi, set())
    return {gi: di for di, gi in owner.items()}


def score_draft(drafted: Sequence[DraftClaim], gold: Sequence[Claim]) -> DraftScore:
    """Score ``drafted`` against ``gold`` (a largest one-to-one matching)."""
    pairs = _pairs(drafted, gold)
    strict = _pairs(drafted, gold, same_sentence=True)
    used = set(pairs.values())
    found = len(pairs)
    missed = [g.id for gi, g in enumerate(gold) if gi not in pairs]
    wrong_assertion = sum(1 for gi, di in pairs.items() if drafted[di].asserts != gold[gi].asserts)
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
        unmatched=tuple(d.id for i, d in enumerate(drafted) if i not in used),
        found_in_sentence=len(strict),
        missed_in_sentence=tuple(g.id for gi, g in enumerate(gold) if gi not in strict),
    )
