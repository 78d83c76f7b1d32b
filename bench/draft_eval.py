"""Benchmark of `evidence draft`: a drafted claims file against a hand-made (gold) one.

Drafts ARTICLE (``.txt``, ``.md`` or ``.html``) and scores the draft against GOLD.yaml with
`evidence.drafting.evaluation.score_draft` (kind + an intervention in common + the same
condition and adverse event). Prints recall, precision, the claims of wrong kind or
assertion, the gold claims missed, and the time to draft (best of --repeat runs, article
read and vocabulary loaded once; target < 2 s for 2,000 words).

    .venv/bin/python bench/draft_eval.py shared/seed/trigger-point-article.txt \
        data/claims/trigger-point-article.yaml
"""

from __future__ import annotations

import argparse
import time
from pathlib import Path

from evidence.claims.claim import Claim
from evidence.claims.claims_file import load_claims
from evidence.drafting import draft_claims, read_article
from evidence.drafting.drafter import DraftClaim
from evidence.drafting.evaluation import score_draft
from evidence.tagging import load_vocabulary

ROOT = Path(__file__).resolve().parents[1]


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("article", type=Path)
    parser.add_argument("gold", type=Path)
    parser.add_argument("--vocab", type=Path, default=ROOT / "data" / "vocab")
    parser.add_argument("--repeat", type=int, default=5)
    parser.add_argument(
        "--show", action="store_true", help="list the missed gold claims and unmatched drafts"
    )
    args = parser.parse_args()
    vocab = load_vocabulary(args.vocab)
    gold = load_claims(args.gold, vocab)
    article = read_article(args.article)
    words = sum(len(b.text.split()) for b in article.blocks)
    times = []
    for _ in range(max(1, args.repeat)):
        start = time.perf_counter()
        draft = draft_claims(article, vocab)
        times.append(time.perf_counter() - start)
    score = score_draft(draft.claims, gold.claims)
    print(f"article: {args.article} ({words} words); gold: {args.gold} ({score.gold} claims)")
    print(f"drafted {score.drafted} claims, {len(draft.left_out)} statements left out")
    print(f"recall    {score.recall:.3f} ({score.found}/{score.gold})")
    print(f"precision {score.precision:.3f} ({score.correct}/{score.drafted})")
    print(
        f"recall, own sentence only {score.found_in_sentence / max(score.gold, 1):.3f}"
        f" ({score.found_in_sentence}/{score.gold})"
    )
    print(f"wrong kind {score.wrong_kind}; wrong assertion {score.wrong_assertion}")
    print("missed: " + (", ".join(score.missed) or "none"))
    if args.show:
        _show(draft.claims, gold.claims, score.missed_in_sentence, score.unmatched)
    print(
        f"draft time {min(times) * 1000:.1f} ms ({2000 / max(words, 1) * min(times):.3f} s"
        " per 2,000 words)"
    )


def _fields(c: DraftClaim | Claim) -> str:
    named = "/".join([*c.condition, *c.adverse_event]) or "-"
    return f"{c.kind} {'/'.join(c.intervention)} {named} {c.asserts}"


def _show(
    drafted: list[DraftClaim],
    gold: list[Claim],
    missed: tuple[str, ...],
    unmatched: tuple[str, ...],
) -> None:
    """Print each gold claim missed in its own sentence with the claims drafted from that
    sentence, then the drafted claims that match no gold claim."""
    for g in gold:
        if g.id not in missed:
            continue
        sentence = g.sentence or ""
        print(f"  MISS {g.id} {_fields(g)}: {sentence[:110]}")
        for d in drafted:
            if " ".join(d.sentence.split()) == sentence:
                print(f"      drafted {d.id} {_fields(d)}")
    for d in drafted:
        if d.id in unmatched:
            print(f"  EXTRA {d.id} {_fields(d)}: {d.sentence[:110]}")


if __name__ == "__main__":
    main()
