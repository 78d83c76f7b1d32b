"""Each rule of the drafter's first pass named below, alone and all together, judged on today's
drafts of the dev articles and the seed and on each dev article's first-look draft.

A rule is switched off by setting the cues it hangs on (named module attributes of
`evidence.drafting.rules` or `evidence.drafting.drafter`) to a pattern that never matches.
Today's drafts: each dev article and the seed drafted with every rule below off, with each
rule alone, and with all of them (recall / precision summed over the dev articles, the
seed apart; "own" counts the gold claims found by a claim of their own sentence, which no
chance pairing across sentences can make). First-look drafts (``--drafts FIRST.json``, as
for `bench/draft_misses.py`): the rule's change to today's draft, sentence by sentence (the
claims it takes away and the claims it adds, compared by kind, treatments, conditions,
harms and assertion), applied to the first-look draft, so that a rule is judged on pages
the rules were not tuned on without the other rounds' changes. The held-out test folders
are never read here.

    .venv/bin/python bench/draft_rules.py --drafts FIRST.json
"""

from __future__ import annotations

import argparse
import json
import re
import sys
from collections import Counter
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import replace
from pathlib import Path
from typing import Any

from evidence.claims.claim import Claim
from evidence.claims.claims_file import load_claims
from evidence.drafting import drafter, read_article, rules
from evidence.drafting.drafter import DraftClaim, draft_claims
from evidence.drafting.evaluation import DraftScore, score_draft
from evidence.tagging import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from draft_misses import DEV, DRAFT, _article, _saved  # noqa: E402

SEED = (
    ROOT.parent / "shared" / "seed" / "trigger-point-article.txt",
    ROOT / "data" / "claims" / "trigger-point-article.yaml",
)
# the rules of rounds 10 to 12, by the cues each hangs on (module, attribute)
RULES: dict[str, tuple[tuple[Any, str], ...]] = {
    "felt while given": ((rules, "SENSATION"),),
    "trigger point as it": ((rules, "TARGET_PRONOUN"),),
    "side-effect list": ((drafter, "_AFTER_LEAD"), (drafter, "_SAFETY_SECTION")),
    # round 11
    "given with its aim": ((rules, "GIVEN_AIM"),),
    "gain through how it works": ((rules, "RESULT_CLAUSE"),),
    # round 12
    "the usual advice or first choice": ((rules, "USUAL_CHOICE"),),
    "a condition to compare with": ((rules, "ASIDE_COMPARISON"),),
    "load taken off": ((rules, "LOAD_SHARED"),),
}
# the rules of the last round, judged also on top of the earlier rounds' rules
LAST_ROUND = (
    "the usual advice or first choice",
    "a condition to compare with",
    "load taken off",
)
# rules of the last round judged together as well (one needs the other)
LAST_ROUND_GROUPS = (("the usual advice or first choice", "a condition to compare with"),)
_NEVER = re.compile(r"(?!x)x")


@contextmanager
def _only(on: Sequence[str]) -> Iterator[None]:
    """The rules named in ``on`` as they are, every other rule of RULES switched off."""
    saved = {(id(m), a): (m, a, getattr(m, a)) for cues in RULES.values() for m, a in cues}
    try:
        for name, cues in RULES.items():
            if name not in on:
                for module, attribute in cues:
                    setattr(module, attribute, _NEVER)
        yield
    finally:
        for module, attribute, value in saved.values():
            setattr(module, attribute, value)


def _key(c: DraftClaim) -> tuple[str, ...]:
    return (
        c.sentence,
        c.kind,
        *c.intervention,
        "|",
        *c.condition,
        "|",
        *c.adverse_event,
        c.asserts,
    )


def _apply(
    first: list[DraftClaim], off: list[DraftClaim], on: list[DraftClaim]
) -> list[DraftClaim]:
    """The first-look claims with the rule's change to today's draft applied: the claims
    today's draft loses when the rule is on taken away (where the first-look draft has
    them), the claims it gains added."""
    lost = Counter(map(_key, off)) - Counter(map(_key, on))
    gained = Counter(map(_key, on)) - Counter(map(_key, off))
    kept = []
    for c in first:
        if lost[_key(c)] > 0:
            lost[_key(c)] -= 1
            continue
        kept.append(c)
    added, seen = [], Counter[tuple[str, ...]]()
    for c in on:
        if seen[_key(c)] < gained[_key(c)]:
            seen[_key(c)] += 1
            added.append(replace(c, id=f"R{len(added) + 1:02d}"))
    return [*kept, *added]


def _add(total: list[int], score: DraftScore) -> None:
    for i, v in enumerate(
        (score.found, score.gold, score.correct, score.drafted, score.found_in_sentence)
    ):
        total[i] += v


def _cell(found: int, gold: int, correct: int, drafted: int, own: int) -> str:
    return (
        f"{found / max(gold, 1):.3f} ({found}/{gold}) / {correct / max(drafted, 1):.3f} "
        f"({correct}/{drafted}), own {own}"
    )


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vocab", type=Path, default=ROOT / "data" / "vocab")
    parser.add_argument("--drafts", type=Path, help="first-look drafts (JSON), as draft_misses")
    args = parser.parse_args()
    vocab = load_vocabulary(args.vocab)
    pairs = [(name, _article(DRAFT / name), DRAFT / name / "gold.yaml") for name in DEV]
    if SEED[0].exists():
        pairs.append(("seed", *SEED))
    saved = json.loads(args.drafts.read_text("utf-8")) if args.drafts else {}
    texts = {name: (read_article(a), load_claims(g, vocab).claims) for name, a, g in pairs}
    with _only(()):
        base = {name: draft_claims(art, vocab).claims for name, (art, _) in texts.items()}
    settings = [("none", ()), *((name, (name,)) for name in RULES)]
    # each rule of the last round on top of the rounds before it, then all
    earlier = tuple(name for name in RULES if name not in LAST_ROUND)
    settings.append(("earlier rounds", earlier))
    settings.extend((f"earlier rounds + {name}", (*earlier, name)) for name in LAST_ROUND)
    settings.extend(
        (f"earlier rounds + {' + '.join(group)}", (*earlier, *group)) for group in LAST_ROUND_GROUPS
    )
    settings.append(("all", tuple(RULES)))
    before: dict[str, DraftScore] = {}
    for setting, on in settings:
        with _only(on):
            today = {name: draft_claims(art, vocab).claims for name, (art, _) in texts.items()}
        dev, first_look = [0] * 5, [0] * 5
        changed, seed = [], ""
        for name, (_, gold) in texts.items():
            score = score_draft(today[name], gold)
            if name == "seed":
                seed = f"{score.recall:.3f} / {score.precision:.3f}"
                continue
            _add(dev, score)
            old = before.setdefault(name, score)
            if (score.found, score.correct, score.drafted) != (old.found, old.correct, old.drafted):
                changed.append(
                    f"{name} {old.recall:.3f}/{old.precision:.3f} -> "
                    f"{score.recall:.3f}/{score.precision:.3f}"
                )
            if name in saved:
                first = _saved(saved[name]).claims
                gold_claims: list[Claim] = gold
                _add(first_look, score_draft(_apply(first, base[name], today[name]), gold_claims))
        print(f"{setting}")
        print(f"  today's dev drafts ({len(DEV)}): {_cell(*dev)}; seed {seed}")
        if saved:
            print(f"  first-look drafts ({len(saved)}): {_cell(*first_look)}")
        for line in changed:
            print(f"    {line}")


if __name__ == "__main__":
    main()
