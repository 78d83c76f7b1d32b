"""Benchmark of the effect reader on Evidence Inference 2.0 (real trial result sentences).

    .venv/bin/python bench/evidence_inference.py [--split validation|test|train] [--errors N]

For each doctor's annotation: the evidence text they marked and the prompt (intervention,
comparator, outcome) go to `evidence.tagging.effects`; its answer is compared with their label
(significantly increased / decreased / no significant difference). Prints precision, recall
and F1 per class and their macro average for the rules alone and for the shipped model (when
its weights are present); an abstention counts as wrong. The last line is `macro_f1=0.xx` for
what `read_effect` uses. Tune on train and validation; report test, never tune on it.
"""

from __future__ import annotations

import argparse
import sys
from collections.abc import Callable, Sequence

from ei_data import EI_DIR, SPLITS, EiRow, load_rows

from evidence.tagging.effects import (
    EFFECTS,
    Effect,
    EffectText,
    load_effect_model,
    read_effect_by_rules,
)

Reader = Callable[[EffectText], Effect | None]


def scores(rows: Sequence[EiRow], answers: Sequence[Effect | None]) -> dict[str, float]:
    """Precision, recall and F1 per class, and macro F1 (abstentions count against recall)."""
    out: dict[str, float] = {}
    f1s = []
    for label in EFFECTS:
        tp = sum(1 for r, a in zip(rows, answers, strict=True) if a == label and r.label == label)
        said = sum(1 for a in answers if a == label)
        gold = sum(1 for r in rows if r.label == label)
        p = tp / said if said else 0.0
        r_ = tp / gold if gold else 0.0
        f1 = 2 * p * r_ / (p + r_) if p + r_ else 0.0
        out[f"{label}_p"], out[f"{label}_r"], out[f"{label}_f1"] = p, r_, f1
        f1s.append(f1)
    out["macro_f1"] = sum(f1s) / len(f1s)
    out["abstained"] = sum(1 for a in answers if a is None) / len(answers)
    out["accuracy"] = sum(1 for r, a in zip(rows, answers, strict=True) if a == r.label) / len(rows)
    return out


def run(rows: Sequence[EiRow], reader: Reader) -> list[Effect | None]:
    return [
        reader(EffectText.of(r.evidence, r.intervention, r.comparator, r.outcome)) for r in rows
    ]


def show(name: str, result: dict[str, float]) -> None:
    print(
        f"{name}: macro-F1 {result['macro_f1']:.3f}  accuracy {result['accuracy']:.3f}"
        f"  abstained {result['abstained']:.3f}"
    )
    for label in EFFECTS:
        print(
            f"  {label:<14} P {result[f'{label}_p']:.3f}  R {result[f'{label}_r']:.3f}"
            f"  F1 {result[f'{label}_f1']:.3f}"
        )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=SPLITS, default="validation")
    parser.add_argument("--errors", type=int, default=0, help="print N disagreements")
    args = parser.parse_args(argv)
    if not EI_DIR.is_dir():
        print(
            f"{EI_DIR}: absent (the shared reference data lives beside the repo)", file=sys.stderr
        )
        return 2
    rows = load_rows(args.split)
    print(f"Evidence Inference 2.0, {args.split}: {len(rows)} annotations")
    rules = run(rows, read_effect_by_rules)
    show("rules", scores(rows, rules))
    final = rules
    model = load_effect_model()
    if model is not None:
        final = run(rows, model.read)
        show("model", scores(rows, final))
    for row, answer in [(r, a) for r, a in zip(rows, final, strict=True) if a != r.label][
        : args.errors
    ]:
        print(
            f"- gold {row.label}, read {answer}: [{row.intervention} | {row.comparator} | "
            f"{row.outcome}] {row.evidence[:300]!r}"
        )
    print(f"macro_f1={scores(rows, final)['macro_f1']:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
