"""Train the effect reader's model on Evidence Inference 2.0 train; write its weights.

    .venv/bin/python bench/train_effect_model.py [--check]

Offline and reproducible: reads ../shared/reference/evidence-inference/ (train split only),
fits a multinomial logistic regression (scikit-learn, a dev dependency) over
`evidence.tagging.effects.effect_features`, keeps the features seen at least twice, and
writes src/evidence/tagging/effect_model.json: plain weights that `read_effect` loads without
scikit-learn. The same data and versions give the same file. Prints validation macro-F1;
`--check` writes nothing and exits 1 when the shipped file differs from a fresh fit.
"""

from __future__ import annotations

import argparse
import sys
from collections import Counter
from collections.abc import Sequence
from pathlib import Path

from ei_data import load_rows
from evidence_inference import run, scores
from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression

from evidence.tagging.effects import (
    EFFECTS,
    MODEL_FILE,
    EffectModel,
    EffectText,
    effect_features,
)

OUT = Path(__file__).resolve().parents[1] / "src" / "evidence" / "tagging" / MODEL_FILE
MIN_COUNT = 2
C = 0.25
ABSTAIN = 0.0
PRUNE = 0.01  # weights this small change no answer measurably; dropping them halves the file


def fit() -> EffectModel:
    rows = load_rows("train")
    texts = [EffectText.of(r.evidence, r.intervention, r.comparator, r.outcome) for r in rows]
    feats = [effect_features(t) for t in texts]
    counts = Counter(f for fs in feats for f in set(fs))
    kept = [{f: 1.0 for f in fs if counts[f] >= MIN_COUNT} for fs in feats]
    vectorizer = DictVectorizer(sort=True)
    x = vectorizer.fit_transform(kept)
    y = [EFFECTS.index(r.label) for r in rows]
    model = LogisticRegression(C=C, max_iter=2000, solver="lbfgs")
    model.fit(x, y)
    classes = tuple(EFFECTS[k] for k in model.classes_)
    names = vectorizer.get_feature_names_out()
    weights = {
        str(name): tuple(float(model.coef_[k][j]) for k in range(len(classes)))
        for j, name in enumerate(names)
    }
    weights = {f: w for f, w in weights.items() if any(abs(v) >= PRUNE for v in w)}
    return EffectModel(
        classes=classes,
        bias=tuple(float(b) for b in model.intercept_),
        weights=weights,
        abstain=ABSTAIN,
    )


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--check", action="store_true", help="compare with the shipped file")
    args = parser.parse_args(argv)
    model = fit()
    data = model.to_json()
    # round-trip through the shipped format, so the figure is that of the file
    shipped = EffectModel.from_json(data)
    valid = load_rows("validation")
    result = scores(valid, run(valid, shipped.read))
    print(f"{len(model.weights)} features; validation macro-F1 {result['macro_f1']:.3f}")
    if args.check:
        same = OUT.exists() and OUT.read_text(encoding="utf-8") == data
        print(f"{OUT.name}: {'matches a fresh fit' if same else 'differs from a fresh fit'}")
        return 0 if same else 1
    OUT.write_text(data, encoding="utf-8")
    print(f"wrote {OUT} ({len(data) // 1024} KiB)")
    return 0


if __name__ == "__main__":
    sys.exit(main())
