"""Experiment: the Evidence Inference reader (`evidence.tagging.effects`) inside findings,
where the rules give no direction or only ``inconclusive`` for a studied pair.

    python bench/effect_model_findings.py [--abstain 0.6]

For each dev-half record of the topic set: the rules' findings as they are; then, for each
studied (intervention, condition) of the record's tags (never the gold labels) whose rules
findings are none or only ``inconclusive``, the model reads the results sentences that name
the intervention and an outcome and state a comparison between arms (not a change within
them); the first confident reading becomes the pair's effect finding (decreased pain or
disability, or increased range of motion, threshold, quality of life or blood flow: benefit;
the opposite: harm; no difference: no benefit). Prints both scorers' measures per batch for
rules only and rules + model, and lists the pairs the model decided. Dev half only.
"""

from __future__ import annotations

import argparse
import re
from pathlib import Path

from evidence.models import Article, Finding
from evidence.pubmed import iter_records
from evidence.tagging import analyse_article, load_vocabulary
from evidence.tagging.effects import EffectText, load_effect_model
from evidence.tagging.evaluation import load_topic_set, score_records
from evidence.tagging.taggers import find_matches
from evidence.tagging.text import build_document

ROOT = Path(__file__).resolve().parents[1]
TOPIC = ROOT / "tests" / "eval" / "topic"
THIRD_BATCH = 93000800
LOWER_BETTER = {"pain", "disability", "cost"}
HIGHER_BETTER = {"range_of_motion", "pressure_pain_threshold", "quality_of_life", "blood_flow"}
WITHIN = re.compile(
    r"\b(?:from baseline|both groups|each group|all groups|within[\s-]group|over time|"
    r"before and after|pre- and post)\b"
)
COMPARED = re.compile(
    r"\b(?:than|versus|vs|compared|between|differ\w*|group|groups|control|sham|placebo)\b"
)


def model_findings(article: Article, tags: list, findings: list[Finding], vocab, model, abstain):  # type: ignore[no-untyped-def]
    doc = build_document(article)
    matches = find_matches(doc, vocab)
    interventions = [t.value for t in tags if t.dimension == "intervention"]
    conditions = list(dict.fromkeys(t.value for t in tags if t.dimension == "condition")) or [None]
    design = next((t.value for t in tags if t.dimension == "design"), None)
    if design in ("protocol", "narrative_review") or not interventions:
        return []
    added: list[Finding] = []
    results = doc.units_with("results") or doc.units_with("body")
    for intervention in dict.fromkeys(interventions):
        for condition in conditions:
            own = [
                f
                for f in findings
                if f.kind == "effect"
                and f.intervention == intervention
                and f.condition == condition
            ]
            if own and any(f.direction != "inconclusive" for f in own):
                continue
            for unit in results:
                text = doc.lower[unit.start : unit.end]
                if WITHIN.search(text) or not COMPARED.search(text):
                    continue
                named = [m for m in matches.get("intervention") if unit.start <= m.start < unit.end]
                if not any(m.term == intervention for m in named) and len(set(interventions)) > 1:
                    continue
                outcomes = [
                    m.term
                    for m in matches.get("outcome")
                    if unit.start <= m.start < unit.end and m.term in LOWER_BETTER | HIGHER_BETTER
                ]
                if not outcomes:
                    continue
                arm = next(
                    (doc.lower[m.start : m.end] for m in named if m.term == intervention), None
                )
                outcome = outcomes[0]
                probs = model.probabilities(
                    EffectText.of(
                        doc.text[unit.start : unit.end], arm, None, outcome.replace("_", " ")
                    )
                )
                best = max(probs, key=probs.__getitem__)
                if probs[best] < abstain:
                    continue
                if best == "no_difference":
                    direction = "no_benefit"
                elif (best == "decreased") == (outcome in LOWER_BETTER):
                    direction = "benefit"
                else:
                    direction = "harm"
                base = own[0] if own else None
                added.append(
                    Finding(
                        article.pmid,
                        intervention,
                        condition,
                        None,
                        direction,  # type: ignore[arg-type]
                        design,
                        doc.text[unit.start : unit.end],
                        base.qualifiers if base else (),
                        base.sample_size if base else None,
                        comparator=base.comparator if base else None,
                    )
                )
                break
    return added


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--abstain", type=float, default=0.6)
    args = parser.parse_args()
    vocab = load_vocabulary(ROOT / "data" / "vocab")
    model = load_effect_model()
    assert model is not None
    paths, gold = load_topic_set(TOPIC, "dev")
    rules, both = [], []
    for path in paths:
        for record in iter_records(path):
            if not isinstance(record, Article):
                continue
            tags, findings = analyse_article(record, vocab)
            rules.append((record.pmid, tags, findings))
            added = model_findings(record, tags, findings, vocab, model, args.abstain)
            # the model's finding replaces an `inconclusive` one of the same pair
            keys = {(f.intervention, f.condition) for f in added}
            kept = [
                f
                for f in findings
                if f.kind != "effect" or (f.intervention, f.condition) not in keys
            ]
            both.append((record.pmid, tags, added + kept))
            for f in added:
                print(
                    f"  {record.pmid} {f.intervention} {f.condition}: {f.direction}"
                    f" | {f.sentence[:80]}"
                )
    for name, keep in (
        ("batches 1-2", lambda p: p < THIRD_BATCH),
        ("validation", lambda p: p >= THIRD_BATCH),
    ):
        part = {p: g for p, g in gold.items() if keep(p)}
        for scorer in (False, True):
            for label, preds in (("rules", rules), ("rules+model", both)):
                m = score_records(part, [x for x in preds if keep(x[0])], matched=scorer).metrics()
                print(
                    f"{name:12} {'matched' if scorer else 'first':8} {label:12} coverage "
                    f"{m['finding.coverage']:.3f} direction {m['finding.direction_accuracy']:.3f} "
                    f"certainty {m.get('finding.certainty_accuracy', float('nan')):.3f} "
                    f"comparator {m.get('finding.comparator_accuracy', float('nan')):.3f}"
                )


if __name__ == "__main__":
    main()
