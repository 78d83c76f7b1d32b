"""Experiment: a record-level reader learned from the topic set's dev half, for the studied
treatments the findings rules leave without a finding. Not used by the package: it did not
beat the rules (see the closing figures this prints).

    .venv/bin/python bench/record_reader_cv.py [--c C] [--abstain-effect P] [--abstain-safety P]

One case per (dev record, tagged treatment, finding kind): features are the words of the
conclusion (``c:``), the last results sentences (``r:``) and the title (``t:``), with the
treatment as ``qint``, another treatment ``qoth``, a condition ``qcond``, an adverse event
``qae``, numbers and p-values as the effect reader's tokens; the design; where the treatment
is named; how many treatments; whether the rules found that kind for another treatment; for
safety, the words of every sentence naming an adverse event or a safety word. The label is
the direction the gold labels give that treatment for that kind, else ``none``. A
multinomial logistic regression (scikit-learn) per kind.

Cross-validation by batch: for each dev batch, a model fitted on the other batches reads
that batch's silent cases (the rules gave the treatment no finding of that kind), and the
batch is scored with the rules alone and with what the model adds; then the model alone on
every case of the left-out batches, as a confusion table. The rules were tuned on these
batches, so their figures are flattering and the silent cases hold few labelled findings;
the model's own figures are honest. Dev half only: the test half is never read.
"""

from __future__ import annotations

import argparse
import math
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass
from itertools import pairwise
from pathlib import Path

from sklearn.feature_extraction import DictVectorizer
from sklearn.linear_model import LogisticRegression
from topic_subsets import BATCHES

from evidence.models import Article, Finding, Tag
from evidence.pubmed import iter_records
from evidence.tagging import load_vocabulary
from evidence.tagging.effects import EffectText
from evidence.tagging.evaluation import GoldRecord, load_topic_set, score_records
from evidence.tagging.findings import findings_from_document
from evidence.tagging.taggers import Matches, counted_matches, find_matches, tag_document
from evidence.tagging.text import Document, Unit, build_document

ROOT = Path(__file__).resolve().parents[1]
TOPIC = ROOT / "tests" / "eval" / "topic"
KINDS = ("effect", "safety")
NONE = "none"
MIN_COUNT = 2
PRUNE = 0.005
_ROLE_TOKENS = {"intervention": "qint", "condition": "qcond", "adverse_event": "qae"}


@dataclass(frozen=True, slots=True)
class Case:
    pmid: int
    kind: str
    intervention: str
    features: tuple[str, ...]
    conditions: tuple[str | None, ...]
    silent: bool
    label: str


@dataclass(frozen=True, slots=True)
class Model:
    classes: dict[str, tuple[str, ...]]
    bias: dict[str, tuple[float, ...]]
    weights: dict[str, dict[str, tuple[float, ...]]]
    abstain: dict[str, float]

    def read(self, kind: str, features: Sequence[str]) -> str | None:
        scores = list(self.bias[kind])
        for feature in set(features):
            row = self.weights[kind].get(feature)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w
        best = max(range(len(scores)), key=scores.__getitem__)
        top = scores[best]
        prob = 1 / sum(math.exp(s - top) for s in scores)
        label = self.classes[kind][best]
        return None if label == NONE or prob < self.abstain[kind] else label


def _unit_tokens(
    doc: Document, unit: Unit, spans: Sequence[tuple[int, int, str]]
) -> tuple[str, ...]:
    """The unit's words as the model sees them: each matched span (``spans``, sorted by
    start) replaced by its role token; numbers and p-values by the effect reader's tokens."""
    pieces: list[str] = []
    at = unit.start
    for start, end, token in spans:
        if end <= unit.start or start >= unit.end or start < at:
            continue
        pieces.append(doc.lower[at:start])
        pieces.append(f" {token} ")
        at = end
    pieces.append(doc.lower[at : unit.end])
    return EffectText.of("".join(pieces)).tokens


def _grams(prefix: str, tokens: Sequence[str], *, bigrams: bool = True) -> list[str]:
    feats = [f"{prefix}{t}" for t in tokens]
    if bigrams:
        feats += [f"{prefix}{a} {b}" for a, b in pairwise(tokens)]
    return feats


def record_features(
    kind: str,
    doc: Document,
    matches: Matches,
    intervention: str,
    design: str | None,
    conclusion: Sequence[Unit],
    results: Sequence[Unit],
    *,
    studied: int,
    rules_found_other: bool,
) -> list[str]:
    """The features of one (record, treatment) for ``kind``: the words of the conclusion
    (``c:``), the results (``r:``) and the title (``t:``) with the treatment as ``qint``,
    another treatment as ``qoth``, a condition as ``qcond``, an adverse event as ``qae``;
    the design; where the treatment is named; how many treatments the record studied;
    whether the rules found this kind for another treatment of the record."""
    spans: list[tuple[int, int, str]] = []
    named_in: set[str] = set()
    for dimension, role_token in _ROLE_TOKENS.items():
        for match, role in counted_matches(dimension, doc, matches):
            token = role_token
            if dimension == "intervention":
                if match.term == intervention:
                    named_in.add(role)
                else:
                    token = "qoth"
            spans.append((match.start, match.end, token))
    spans.sort()
    feats = [f"design={design}", f"studied={min(studied, 3)}"]
    feats += [f"named_in={role}" for role in sorted(named_in)]
    if rules_found_other:
        feats.append("rules_other")
    title = [u for u in doc.units if u.role == "title"]
    for prefix, units, bigrams in (
        ("c:", conclusion, True),
        ("r:", results[-3:], kind == "safety"),
        ("t:", title, False),
    ):
        for unit in units:
            feats += _grams(prefix, _unit_tokens(doc, unit, spans), bigrams=bigrams)
    if kind == "safety":
        # what the whole abstract says of harm: the words around an adverse-event mention
        # or a safety word, wherever they stand
        for unit in doc.units:
            if unit.section < 0 and unit.role != "title":
                continue
            tokens = _unit_tokens(doc, unit, spans)
            if "qae" in tokens or any(t.startswith(_SAFETY_STEMS) for t in tokens):
                feats += _grams("s:", tokens)
    return feats


_SAFETY_STEMS = (
    "adverse",
    "complication",
    "safe",
    "tolerat",
    "side",
    "injur",
    "harm",
    "pneumothorax",
    "bleed",
    "bruis",
    "sore",
    "event",
)


def fit(train: Sequence[Case], c: float, abstain: dict[str, float]) -> Model:
    classes: dict[str, tuple[str, ...]] = {}
    bias: dict[str, tuple[float, ...]] = {}
    weights: dict[str, dict[str, tuple[float, ...]]] = {}
    for kind in KINDS:
        rows = [e for e in train if e.kind == kind]
        # a feature counts once per record, however many treatments share it
        seen: dict[str, set[int]] = {}
        for e in rows:
            for f in e.features:
                seen.setdefault(f, set()).add(e.pmid)
        kept = [{f: 1.0 for f in e.features if len(seen[f]) >= MIN_COUNT} for e in rows]
        vectorizer = DictVectorizer(sort=True)
        x = vectorizer.fit_transform(kept)
        y = [e.label for e in rows]
        model = LogisticRegression(C=c, max_iter=3000, solver="lbfgs")
        model.fit(x, y)
        names = vectorizer.get_feature_names_out()
        kind_classes = tuple(str(k) for k in model.classes_)
        if len(kind_classes) == 2:  # scikit-learn fits one row for two classes
            coef = [[-w for w in model.coef_[0]], list(model.coef_[0])]
            intercept = [-model.intercept_[0], model.intercept_[0]]
        else:
            coef = [list(row) for row in model.coef_]
            intercept = list(model.intercept_)
        classes[kind] = kind_classes
        bias[kind] = tuple(float(b) for b in intercept)
        rows_w = {
            str(name): tuple(float(coef[k][j]) for k in range(len(kind_classes)))
            for j, name in enumerate(names)
        }
        weights[kind] = {f: w for f, w in rows_w.items() if any(abs(v) >= PRUNE for v in w)}
    return Model(classes=classes, bias=bias, weights=weights, abstain=dict(abstain))


def units_of(doc: Document) -> tuple[list[Unit], list[Unit]]:
    """The conclusion (its section, else the last two results or body sentences) and the
    results sentences before it."""
    conclusion = doc.units_with("conclusions")
    results = doc.units_with("results")
    if not conclusion:
        conclusion = (results or [u for u in doc.units if u.section >= 0])[-2:]
    first = conclusion[0].start if conclusion else len(doc.text)
    return conclusion, [u for u in results if u.start < first]


def read_dev() -> tuple[
    list[tuple[int, list[Tag], list[Finding]]], list[Case], dict[int, GoldRecord]
]:
    vocab = load_vocabulary(ROOT / "data" / "vocab")
    paths, gold = load_topic_set(TOPIC, "dev")
    reads: list[tuple[int, list[Tag], list[Finding]]] = []
    cases: list[Case] = []
    for path in paths:
        for article in iter_records(path):
            if not isinstance(article, Article):
                continue
            doc = build_document(article)
            matches = find_matches(doc, vocab)
            tags = tag_document(article, doc, vocab, matches)
            findings = findings_from_document(article, doc, tags, vocab, matches)
            reads.append((article.pmid, tags, findings))
            design = next((t.value for t in tags if t.dimension == "design"), None)
            interventions = sorted({t.value for t in tags if t.dimension == "intervention"})
            conditions: list[str | None] = [
                t.value for t in tags if t.dimension == "condition"
            ] or [None]
            conclusion, results = units_of(doc)
            if design in ("protocol", "narrative_review") or not (conclusion or results):
                continue
            g = gold[article.pmid]
            for kind in KINDS:
                have = {f.intervention for f in findings if f.kind == kind}
                for intervention in interventions:
                    feats = record_features(
                        kind,
                        doc,
                        matches,
                        intervention,
                        design,
                        conclusion,
                        results,
                        studied=len(interventions),
                        rules_found_other=bool(have - {intervention}),
                    )
                    label = next(
                        (
                            want.direction
                            for (k, i, _), want in g.details.items()
                            if k == kind and i == intervention
                        ),
                        NONE,
                    )
                    cases.append(
                        Case(
                            article.pmid,
                            kind,
                            intervention,
                            tuple(feats),
                            tuple(conditions if kind == "effect" else conditions[:1]),
                            intervention not in have,
                            label,
                        )
                    )
    return reads, cases, gold


def added(pmid: int, cases: Sequence[Case], model: Model) -> list[Finding]:
    out: list[Finding] = []
    for case in cases:
        if case.pmid != pmid or not case.silent:
            continue
        direction = model.read(case.kind, case.features)
        if direction is None:
            continue
        for condition in case.conditions:
            out.append(
                Finding(
                    pmid=pmid,
                    intervention=case.intervention,
                    condition=condition,
                    outcome=None,
                    direction=direction,  # type: ignore[arg-type]
                    design=None,
                    sentence="",
                    kind=case.kind,  # type: ignore[arg-type]
                )
            )
    return out


def batch_of(pmid: int) -> str:
    return next(name for name, keep in BATCHES if keep(pmid))


def main() -> None:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--c", type=float, default=1.0, help="inverse regularisation")
    parser.add_argument("--abstain-effect", type=float, default=0.0)
    parser.add_argument("--abstain-safety", type=float, default=0.0)
    args = parser.parse_args()
    abstain = {"effect": args.abstain_effect, "safety": args.abstain_safety}
    reads, cases, gold = read_dev()
    silent = Counter((c.kind, c.label) for c in cases if c.silent)
    print(f"C={args.c} abstain={abstain}; {len(cases)} cases; silent: {dict(silent)}")
    print("batch    records  cov rules  cov +model  dir rules  dir +model  extra rules  +model")
    confusion: Counter[tuple[str, str, str]] = Counter()
    all_rules: list[tuple[int, list[Tag], list[Finding]]] = []
    all_plus: list[tuple[int, list[Tag], list[Finding]]] = []
    for name, _ in BATCHES:
        held = [r for r in reads if batch_of(r[0]) == name]
        if not held:
            continue
        model = fit([c for c in cases if batch_of(c.pmid) != name], args.c, abstain)
        plus = [(p, t, f + added(p, cases, model)) for p, t, f in held]
        all_rules += held
        all_plus += plus
        line(name, {p: gold[p] for p, _, _ in held}, held, plus)
        for c in cases:
            if batch_of(c.pmid) == name:
                confusion[c.kind, c.label, model.read(c.kind, c.features) or NONE] += 1
    line("all", {p: gold[p] for p, _, _ in reads}, all_rules, all_plus)
    print("model alone on every case of the left-out batches (kind, label -> read: count):")
    for (kind, want, got), n in sorted(confusion.items()):
        print(f"  {kind:6} {want:12} -> {got:12} {n:4}")


def line(
    name: str,
    gold: dict[int, GoldRecord],
    rules: list[tuple[int, list[Tag], list[Finding]]],
    plus: list[tuple[int, list[Tag], list[Finding]]],
) -> None:
    a, b = score_records(gold, rules), score_records(gold, plus)
    ma, mb = a.metrics(), b.metrics()
    print(
        f"{name:8} {len(gold):7}  {ma['finding.coverage']:9.3f}  {mb['finding.coverage']:10.3f}"
        f"  {ma['finding.direction_accuracy']:9.3f}  {mb['finding.direction_accuracy']:10.3f}"
        f"  {a.findings_extra:11}  {b.findings_extra:6}"
    )


if __name__ == "__main__":
    main()
