"""Census of what `evidence draft` gets wrong on an article, by cause (counts).

Drafts ARTICLE, scores the draft against GOLD.yaml as `bench/draft_eval.py` does, then puts
each gold claim the draft misses under the step that lost it:

- (a) ``not a claim``: no claim was drafted from the gold claim's sentence at all (but see
  (b) and (e));
- (b) ``intervention``: a claim was drafted from it, right but for the intervention, or the
  sentence was left out as "not about an intervention", and the gold intervention is named
  in the sentence or in its context (headings above it, the lead-in of its list, the two
  blocks before it);
- (c) ``condition``: right but for the condition or adverse event, which the sentence or its
  context names;
- (d) ``kind``: right but for the kind;
- (e) ``synonym``: right but for an intervention, condition or adverse event that the
  vocabulary (and the drafter's own phrase lists) finds neither in the sentence nor in its
  context (or a sentence left out as "not about an intervention" whose gold intervention is
  named nowhere near): the words are not known (with ``--show`` the sentence is printed so the lay
  words can be written down);
- (f) ``other``: a claim that matches on every field was drafted but paired with another
  gold claim (one draft where the gold has two), or the drafts of the sentence differ from
  the gold claim in two fields or more.

Each drafted claim that matches no gold claim goes under the same letters: (a) its sentence
carries no gold claim, (b)/(c)/(d) a gold claim of its sentence differs from it in that
field only, (f) a duplicate of a matched gold claim or differing in two fields or more.
With several articles (``--dev`` for every dev folder of tests/eval/draft, addressed by
name), the counts are summed as well.

    .venv/bin/python bench/draft_misses.py tests/eval/draft/dry-needling-side-effects/article.md \
        tests/eval/draft/dry-needling-side-effects/gold.yaml
    .venv/bin/python bench/draft_misses.py --dev
"""

from __future__ import annotations

import argparse
import json
import re
from collections import Counter
from collections.abc import Sequence
from pathlib import Path
from typing import Any

from evidence.claims.claim import Claim
from evidence.claims.claims_file import load_claims
from evidence.drafting import Article, draft_claims, read_article
from evidence.drafting.drafter import Draft, DraftClaim, LeftOut
from evidence.drafting.evaluation import article_sets, score_draft
from evidence.tagging import Vocabulary, load_vocabulary

ROOT = Path(__file__).resolve().parents[1]
DRAFT = ROOT / "tests" / "eval" / "draft"
# the dev articles, by name, from the set's README table (the held-out test folders are
# never read here)
DEV = tuple(name for name, half in article_sets(DRAFT / "README.md").items() if half == "dev")
CAUSES = {
    "a": "not considered a claim",
    "b": "intervention not resolved",
    "c": "condition / adverse event not resolved",
    "d": "wrong kind",
    "e": "synonym missing",
    "f": "other",
}


def _norm(text: str) -> str:
    return " ".join(text.split()).strip().lower()


def _same_sentence(a: str, b: str) -> bool:
    """One sentence, allowing for the drafter's and the gold's different splits."""
    a, b = _norm(a), _norm(b)
    return a == b or (min(len(a), len(b)) >= 25 and (a in b or b in a))


def _ids(vocab: Vocabulary, text: str) -> dict[str, set[str]]:
    """The ids the drafter's matcher finds in a text, by dimension."""
    try:  # the drafter's own reading (vocabulary and its phrase lists)
        from evidence.drafting.drafter import _Found

        found = _Found(vocab, text)
        by = found.by
    except ImportError:  # pragma: no cover - an older drafter
        matcher = vocab.text_matcher
        by = matcher.find(text.lower(), text) if matcher is not None else {}
    return {dim: {m.term for m in matches} for dim, matches in by.items()}


def _contexts(article: Article) -> list[tuple[str, str]]:
    """Each block's text with the text of its context: the headings in force, the list's
    lead-in or label, and the two blocks before it."""
    out: list[tuple[str, str]] = []
    stack: list[tuple[int, str]] = []
    previous: list[str] = []
    lead = ""
    for block in article.blocks:
        if block.kind == "heading":
            level = block.level or 2
            while stack and stack[-1][0] >= level:
                stack.pop()
            stack.append((level, block.text))
        context = " | ".join(
            [article.title or "", *(t for _, t in stack), block.lead or lead, *previous[-2:]]
        )
        out.append((block.text, context))
        if block.kind in ("paragraph", "label"):
            lead = block.text if block.text.rstrip().endswith(":") else ""
        previous.append(block.text)
    return out


def _context_of(contexts: list[tuple[str, str]], sentence: str) -> str:
    key = _norm(sentence)
    for text, context in contexts:
        if key and (key in _norm(text) or _norm(text) in key):
            return context
    return ""


def _differences(d: DraftClaim, g: Claim) -> set[str]:
    def same(a: Sequence[str], b: Sequence[str]) -> bool:
        return bool(set(a) & set(b)) if a and b else not a and not b

    out: set[str] = set()
    if d.kind != g.kind:
        out.add("kind")
    if not set(d.intervention) & set(g.intervention):
        out.add("intervention")
    if not same(d.condition, g.condition) or not same(d.adverse_event, g.adverse_event):
        out.add("condition")
    return out


def _named(vocab: Vocabulary, g: Claim, field: str, text: str) -> bool:
    """Whether ``text`` names the gold claim's value of ``field`` (per the drafter's reading)."""
    ids = _ids(vocab, text)
    if field == "intervention":
        return bool(set(g.intervention) & ids.get("intervention", set()))
    wanted = set(g.condition) | set(g.adverse_event)
    have = ids.get("condition", set()) | ids.get("adverse_event", set())
    return bool(wanted & have) if wanted else True


def census(
    article: Article, gold: Sequence[Claim], vocab: Vocabulary, saved: Draft | None = None
) -> tuple[Counter[str], Counter[str], list[str], Counter[str]]:
    """Counts of the misses and of the wrong drafts by cause, the lines to show, and the
    left-out reasons of the (a) misses (of ``saved``, a draft made earlier, when given)."""
    draft = saved if saved is not None else draft_claims(article, vocab)
    drafted = draft.claims
    score = score_draft(drafted, gold)
    contexts = _contexts(article)
    missed_ids = set(score.missed)
    misses: Counter[str] = Counter()
    wrong: Counter[str] = Counter()
    reasons: Counter[str] = Counter()
    lines: list[str] = []
    for g in gold:
        if g.id not in missed_ids:
            continue
        sentence = g.sentence or ""
        here = [d for d in drafted if _same_sentence(d.sentence, sentence)]
        cause = "f"
        note = ""
        if not here:
            cause = "a"
            reason = _left_out_reason(draft.left_out, sentence)
            if reason.startswith("not about an intervention"):
                # (left out for want of a treatment: the intervention step lost it)
                context = _context_of(contexts, sentence)
                named = _named(vocab, g, "intervention", sentence + " | " + context)
                cause = "b" if named else "e"
            else:
                reasons[reason] += 1
            note = reason
        else:
            diffs = [_differences(d, g) for d in here]
            single = [x for x in diffs if len(x) == 1]
            if any(not x for x in diffs):
                cause, note = "f", "matching draft paired with another gold claim"
            elif single:
                order = ["kind", "intervention", "condition"]
                name = sorted((min(x) for x in single), key=order.index)[0]
                field = {name}
                if name == "kind":
                    cause = "d"
                    kinds = {d.kind for d, x in zip(here, diffs, strict=True) if x == field}
                    note = f"{g.kind} drafted as {'/'.join(sorted(kinds))}"
                else:
                    context = _context_of(contexts, sentence)
                    if _named(vocab, g, name, sentence) or _named(vocab, g, name, context):
                        cause = "b" if name == "intervention" else "c"
                    else:
                        cause = "e"
                    note = name
            else:
                note = "drafts differ in two fields or more"
        misses[cause] += 1
        lines.append(f"  MISS ({cause}) {g.id} {_fields(g)} [{note}]: {sentence[:140]}")
    used_unmatched = set(score.unmatched)
    for d in drafted:
        if d.id not in used_unmatched:
            continue
        same = [g for g in gold if _same_sentence(d.sentence, g.sentence or "")]
        cause = "f"
        if not same:
            cause = "a"
        else:
            diffs = [_differences(d, g) for g in same]
            if any(not x for x in diffs):
                cause = "f"  # a duplicate of a gold claim matched by another draft
            else:
                order = ["kind", "intervention", "condition"]
                one_off = sorted((min(x) for x in diffs if len(x) == 1), key=order.index)
                if one_off:
                    cause = {"kind": "d", "intervention": "b", "condition": "c"}[one_off[0]]
        wrong[cause] += 1
        lines.append(f"  WRONG ({cause}) {d.id} {_fields(d)}: {d.sentence[:140]}")
    return misses, wrong, lines, reasons


def _left_out_reason(left_out: Sequence[LeftOut], sentence: str) -> str:
    for item in left_out:
        if _same_sentence(item.sentence, sentence):
            return re.sub(r"\s+", " ", item.reason)[:60]
    return "not a statement of the draft (split or skipped)"


def _fields(c: DraftClaim | Claim) -> str:
    named = "/".join([*c.condition, *c.adverse_event]) or "-"
    return f"{c.kind} {'/'.join(c.intervention)} {named} {c.asserts}"


def _row(name: str, counts: Counter[str]) -> str:
    total = sum(counts.values())
    return f"{name:<46} " + " ".join(f"{counts[k]:>3}" for k in CAUSES) + f" | {total:>3}"


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("article", type=Path, nargs="?")
    parser.add_argument("gold", type=Path, nargs="?")
    parser.add_argument("--dev", action="store_true", help="every dev article, summed")
    parser.add_argument("--vocab", type=Path, default=ROOT / "data" / "vocab")
    parser.add_argument("--show", action="store_true", help="list each miss and wrong draft")
    parser.add_argument(
        "--drafts",
        type=Path,
        help="JSON of drafts made earlier (e.g. by the drafter of an older commit), keyed by"
        " article folder name: {claims: [DraftClaim fields], left_out: [[sentence, reason]]};"
        " only the articles it holds are counted",
    )
    args = parser.parse_args()
    vocab = load_vocabulary(args.vocab)
    if args.dev:
        pairs = [(_article(DRAFT / name), DRAFT / name / "gold.yaml") for name in DEV]
    elif args.article is not None and args.gold is not None:
        pairs = [(args.article, args.gold)]
    else:
        parser.error("give ARTICLE GOLD or --dev")
    header = f"{'article':<46} " + " ".join(f"{k:>3}" for k in CAUSES) + " | all"
    all_misses: Counter[str] = Counter()
    all_wrong: Counter[str] = Counter()
    all_reasons: Counter[str] = Counter()
    miss_rows, wrong_rows = [], []
    saved = json.loads(args.drafts.read_text("utf-8")) if args.drafts else None
    for article_path, gold_path in pairs:
        name = article_path.parent.name
        if saved is not None and name not in saved:
            continue
        gold = load_claims(gold_path, vocab).claims
        misses, wrong, lines, reasons = census(
            read_article(article_path), gold, vocab, _saved(saved[name]) if saved else None
        )
        miss_rows.append(_row(name, misses))
        wrong_rows.append(_row(name, wrong))
        all_misses.update(misses)
        all_wrong.update(wrong)
        all_reasons.update(reasons)
        if args.show:
            print(name)
            print("\n".join(lines))
    print("gold claims missed, by cause: " + "; ".join(f"({k}) {v}" for k, v in CAUSES.items()))
    print(header)
    print("\n".join(miss_rows))
    print(_row("all", all_misses))
    print("\nwrong drafted claims, by cause")
    print(header)
    print("\n".join(wrong_rows))
    print(_row("all", all_wrong))
    print("\n(a) misses: the reason the draft gives for leaving the sentence out")
    for reason, n in all_reasons.most_common():
        print(f"  {n:>3}  {reason}")


def _saved(data: dict[str, list[Any]]) -> Draft:
    """A draft saved as JSON (see ``--drafts``)."""
    draft = Draft(title=None, url=None)
    for c in data["claims"]:
        fields: dict[str, Any] = {k: tuple(v) if isinstance(v, list) else v for k, v in c.items()}
        draft.claims.append(DraftClaim(**fields))
    draft.left_out.extend(LeftOut(sentence, reason) for sentence, reason in data["left_out"])
    return draft


def _article(folder: Path) -> Path:
    found = sorted(folder.glob("article.*"))
    if len(found) != 1:
        raise SystemExit(f"{folder}: expected one article.md or article.html")
    return found[0]


if __name__ == "__main__":
    main()
