"""Each rule of the drafter's second reading (`evidence.drafting.second`), alone and all
together, on today's drafts of the dev articles and the seed and on each dev article's
first-look draft.

Today's drafts: the dev article drafted with no rule of the second reading, with each rule
alone, and with all of them (recall / precision per article and summed). First-look drafts
(``--drafts FIRST.json``, as for `bench/draft_misses.py`: drafts of an older drafter keyed
by folder name): each rule is applied to the sentences the first-look draft left out with
"no checkable statement found" or "not about an intervention in the vocabulary", read as
today's drafter reads them (the treatment in hand, the conditions named), and the claims it
drafts are added to the first-look draft. Last, each first-look draft with those same
sentences drafted as today's whole drafter drafts them (first pass, lay terms of
data/drafting/lay-terms.yaml and second reading), to judge a change of the first pass or of
the lay terms on pages the rules were not tuned on. The held-out test folders are never read
here.

    .venv/bin/python bench/draft_second.py --drafts FIRST.json
"""

from __future__ import annotations

import argparse
import json
import sys
from dataclasses import replace
from pathlib import Path
from typing import Any

from evidence.claims.claims_file import load_claims
from evidence.drafting import draft_claims, read_article
from evidence.drafting.drafter import READ_AGAIN, Reading
from evidence.drafting.evaluation import score_draft
from evidence.drafting.second import RULES, reread
from evidence.tagging import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "bench"))
from draft_misses import DEV, DRAFT, _article, _saved  # noqa: E402

SEED = (
    ROOT.parent / "shared" / "seed" / "trigger-point-article.txt",
    ROOT / "data" / "claims" / "trigger-point-article.yaml",
)
SETTINGS: list[tuple[str, tuple[str, ...]]] = [
    ("none", ()),
    *((name, (name,)) for name in RULES),
    ("all", RULES),
]


def _cell(found: int, gold: int, correct: int, drafted: int) -> str:
    return f"{found / max(gold, 1):.3f} ({found}/{gold}) / {correct / max(drafted, 1):.3f}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--vocab", type=Path, default=ROOT / "data" / "vocab")
    parser.add_argument("--drafts", type=Path, help="first-look drafts (JSON), as draft_misses")
    args = parser.parse_args()
    vocab = load_vocabulary(args.vocab)
    pairs = [(name, _article(DRAFT / name), DRAFT / name / "gold.yaml") for name in DEV]
    if SEED[0].exists():
        pairs.append(("seed", *SEED))
    print("today's drafts: " + " | ".join(s for s, _ in SETTINGS))
    totals = {s: [0, 0, 0, 0] for s, _ in SETTINGS}
    for name, article_path, gold_path in pairs:
        article = read_article(article_path)
        gold = load_claims(gold_path, vocab).claims
        cells = []
        for setting, rules in SETTINGS:
            score = score_draft(draft_claims(article, vocab, reread=rules).claims, gold)
            if name != "seed":
                for i, v in enumerate((score.found, score.gold, score.correct, score.drafted)):
                    totals[setting][i] += v
            cells.append(_cell(score.found, score.gold, score.correct, score.drafted))
        print(f"{name:<44} " + " | ".join(cells))
    print(f"{'all dev':<44} " + " | ".join(_cell(*totals[s]) for s, _ in SETTINGS))
    if args.drafts is None:
        return
    saved = json.loads(args.drafts.read_text("utf-8"))
    print("\nfirst-look drafts: " + " | ".join(s for s, _ in SETTINGS))
    totals = {s: [0, 0, 0, 0] for s, _ in SETTINGS}
    for name, article_path, gold_path in pairs:
        if name not in saved:
            continue
        article = read_article(article_path)
        gold = load_claims(gold_path, vocab).claims
        first = _saved(saved[name])
        readings: list[Reading] = []
        draft_claims(article, vocab, reread=(), readings=readings)
        quoted = {c.sentence for c in first.claims}
        reasons = {item.sentence: item.reason for item in first.left_out}
        # today's reading of each sentence the first-look draft drafted nothing from, with
        # the first-look draft's reason for leaving it out
        open_ = [
            replace(r, reason=reasons.get(r.sentence))
            for r in readings
            if r.sentence not in quoted and r.sentence in reasons
        ]
        cells = []
        for setting, rules in SETTINGS:
            added = [replace(c, id=f"R{i:02d}") for i, (_, c) in enumerate(reread(open_, rules), 1)]
            score = score_draft([*first.claims, *added], gold)
            for i, v in enumerate((score.found, score.gold, score.correct, score.drafted)):
                totals[setting][i] += v
            cells.append(_cell(score.found, score.gold, score.correct, score.drafted))
        print(f"{name:<44} " + " | ".join(cells))
    print(f"{'all first-look':<44} " + " | ".join(_cell(*totals[s]) for s, _ in SETTINGS))
    _refilled(pairs, saved, vocab)


def _refilled(
    pairs: list[tuple[str, Path, Path]], saved: dict[str, Any], vocab: Vocabulary
) -> None:
    """Each first-look draft with the sentences it left out for want of a cue or a treatment
    drafted as today's whole drafter drafts them (first pass, lay terms and second reading):
    what today's cues and lay words would add to a page the rules were not tuned on."""
    total = [0, 0, 0, 0]
    print("\nfirst-look drafts, their open sentences drafted by today's drafter:")
    for name, article_path, gold_path in pairs:
        if name not in saved:
            continue
        gold = load_claims(gold_path, vocab).claims
        first = _saved(saved[name])
        quoted = {c.sentence for c in first.claims}
        open_ = {
            item.sentence
            for item in first.left_out
            if item.sentence not in quoted and item.reason.startswith(READ_AGAIN)
        }
        today = draft_claims(read_article(article_path), vocab).claims
        added = [
            replace(c, id=f"T{i:02d}")
            for i, c in enumerate((c for c in today if c.sentence in open_), 1)
        ]
        score = score_draft([*first.claims, *added], gold)
        for i, v in enumerate((score.found, score.gold, score.correct, score.drafted)):
            total[i] += v
        print(f"{name:<44} {_cell(score.found, score.gold, score.correct, score.drafted)}")
    print(f"{'all first-look':<44} {_cell(*total)}")


if __name__ == "__main__":
    main()
