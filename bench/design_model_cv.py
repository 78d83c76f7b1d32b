"""Experiment: a learned design classifier against the design rules, by dev batch.

    .venv/bin/python bench/design_model_cv.py [--c C]

Not used by the package: it does not beat the rules, even on batches the rules never saw.
For each batch of the topic set's dev half, a multinomial logistic regression (scikit-learn)
fitted on the other batches reads the batch's records: publication types, MeSH headings, and
the words and word pairs of each part of the abstract (marked by its part: title, objective,
methods, results, conclusions), numbers and p-values as the effect reader's tokens. Prints
its accuracy beside the rules' for each batch. The rules were tuned on every dev batch but
the last ones (see tests/eval/test_topic_eval.py for which each round saw), so only their
figures on those are a fair comparison; the model's are all honest. Dev half only.
"""

from __future__ import annotations

import argparse
from collections import Counter
from itertools import pairwise
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from topic_subsets import BATCHES

from evidence.models import Article
from evidence.pubmed import iter_records
from evidence.tagging import analyse_article, load_vocabulary
from evidence.tagging.effects import EffectText
from evidence.tagging.evaluation import load_topic_set
from evidence.tagging.text import Document, build_document

ROOT = Path(__file__).resolve().parents[1]
PARTS = {
    "title": "t:",
    "objective": "o:",
    "methods": "m:",
    "results": "r:",
    "conclusions": "c:",
    "body": "b:",
    "background": "g:",
}


def features(article: Article, doc: Document) -> set[str]:
    feats = {f"pt={p.name.lower()}" for p in article.publication_types}
    feats |= {f"mesh={m.descriptor.lower()}" for m in article.mesh_headings}
    for unit in doc.units:
        tokens = EffectText.of(doc.lower[unit.start : unit.end]).tokens
        grams = [*tokens, *(f"{a} {b}" for a, b in pairwise(tokens))]
        part = PARTS.get(unit.role, "x:")
        feats |= {part + g for g in grams} | {"w:" + g for g in grams}
    feats.add(f"structured={any(u.role == 'methods' for u in doc.units)}")
    return feats


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--c", type=float, default=10.0, help="inverse regularisation")
    args = parser.parse_args()
    vocab = load_vocabulary(ROOT / "data" / "vocab")
    paths, gold = load_topic_set(ROOT / "tests" / "eval" / "topic", "dev")
    rows: list[tuple[int, set[str], str, str | None]] = []
    for path in paths:
        for article in iter_records(path):
            if not isinstance(article, Article):
                continue
            tags, _ = analyse_article(article, vocab)
            rule = next((t.value for t in tags if t.dimension == "design"), None)
            feats = features(article, build_document(article))
            rows.append((article.pmid, feats, gold[article.pmid].design, rule))
    totals: Counter[str] = Counter()
    print("batch    records   model   rules")
    for name, keep in BATCHES:
        held = [r for r in rows if keep(r[0])]
        train = [r for r in rows if not keep(r[0])]
        if not held:
            continue
        seen = Counter(f for r in train for f in r[1])
        vectorizer = DictVectorizer()
        x = vectorizer.fit_transform([{f: 1 for f in r[1] if seen[f] >= 2} for r in train])
        model = LogisticRegression(C=args.c, max_iter=3000).fit(x, [r[2] for r in train])
        predicted = model.predict(vectorizer.transform([dict.fromkeys(r[1], 1) for r in held]))
        right = sum(p == r[2] for p, r in zip(predicted, held, strict=True))
        rules = sum(r[3] == r[2] for r in held)
        totals.update(model=right, rules=rules, n=len(held))
        print(f"{name:8} {len(held):7}  {right / len(held):6.3f}  {rules / len(held):6.3f}")
    n = totals["n"]
    print(f"{'all':8} {n:7}  {totals['model'] / n:6.3f}  {totals['rules'] / n:6.3f}")


if __name__ == "__main__":
    main()
