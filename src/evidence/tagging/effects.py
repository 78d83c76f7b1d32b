"""Findings stage, reading one result: did the outcome go up, down, or not differ?

Reads one result sentence (or a short passage) and, optionally, the prompt it is read for:
the intervention, the comparator and the outcome, as free text. Answers the direction of the
outcome's change for the intervention against the comparator: ``increased``, ``decreased`` or
``no_difference`` (``None`` when the text states no comparison). Whether that is a benefit
depends on the outcome (less pain is good; a higher pressure pain threshold is good): the
caller maps it with the outcome's polarity.

Two readers share one view of the text, `EffectText`: the words, with the prompt's
intervention, comparator and outcome words replaced by ``<int>``, ``<cmp>`` and ``<out>``, and
p-values and numbers by tokens that say whether they are significant.

- `read_effect_by_rules`: cue words and p-values, and which arm a comparison names first.
- `EffectModel`: a multinomial logistic regression over the n-grams of that view, trained
  offline on Evidence Inference 2.0 train (`scripts/train_effect_model.py`) and shipped as
  plain weights in `effect_model.json`; it loads without scikit-learn and never downloads.

`read_effect` uses the model when its weights are present, else the rules.
"""

from __future__ import annotations

import json
import math
import re
from collections.abc import Sequence
from dataclasses import dataclass
from functools import cache
from importlib import resources
from itertools import pairwise
from typing import Literal

__all__ = [
    "EFFECTS",
    "Effect",
    "EffectModel",
    "EffectText",
    "arm_words",
    "change_of",
    "effect_features",
    "load_effect_model",
    "read_effect",
    "read_effect_by_rules",
]

Effect = Literal["increased", "decreased", "no_difference"]
EFFECTS: tuple[Effect, ...] = ("increased", "decreased", "no_difference")

_TOKEN = re.compile(
    r"p\s*(?:[<>=≤≥]|&lt;|&gt;)+\s*0?\.\d+|n\.?s\.?(?=\W|$)|\d+(?:[.,]\d+)?%?|[a-z]+(?:-[a-z]+)*|[<>≤≥]"
)


def _words(text: str) -> frozenset[str]:
    return frozenset(text.split())


_P_VALUE = re.compile(r"p\s*((?:[<>=≤≥]|&lt;|&gt;)+)\s*(0?\.\d+)")
_STOP = _words(
    "a an the of in on at to for with and or vs versus group groups arm arms patients "
    "participants subjects treatment treated receiving received who was were is are"
)
# Words too general to tie a sentence word to the intervention or the comparator.
_WEAK = _STOP | _words("mg ml dose doses daily day days week weeks plus alone")


@dataclass(frozen=True, slots=True)
class EffectText:
    """A sentence as both readers see it: lower-cased tokens with the prompt's roles marked."""

    tokens: tuple[str, ...]

    @classmethod
    def of(
        cls,
        sentence: str,
        intervention: str | None = None,
        comparator: str | None = None,
        outcome: str | None = None,
    ) -> EffectText:
        lower = sentence.lower()
        arm_i = _content(intervention)
        arm_c = _content(comparator) - arm_i
        arm_i -= _content(comparator) if arm_c else frozenset()
        measure = _content(outcome) - arm_i - arm_c
        tokens: list[str] = []
        for raw in _TOKEN.findall(lower):
            token = _role(raw, arm_i, arm_c, measure)
            if tokens and token == tokens[-1] and token.startswith("<"):
                continue  # "<int> <int>" is one mention
            tokens.append(token)
        return cls(tuple(tokens))


def arm_words(text: str | None) -> frozenset[str]:
    """The words that name an arm or an outcome in a prompt (`_content`), for a reader that
    looks for the arms in a sentence itself."""
    return _content(text)


def _content(text: str | None) -> frozenset[str]:
    """The words that name an arm or an outcome in a prompt, with its acronyms: the
    upper-case ones it spells out ("(IE)") and the initials of its leading words
    ("accelerated fractionation" gives "af")."""
    if not text:
        return frozenset()
    words = re.findall(r"[a-z]+(?:-[a-z]+)*|\d+", text.lower())
    kept = {w for w in words if w not in _WEAK and len(w) > 2}
    kept.update(w.lower() for w in re.findall(r"\b[A-Z][A-Z0-9]{1,5}\b", text))
    lead = [w for w in re.split(r"[\s(,]+", text.split("(")[0].strip().lower()) if w.isalpha()]
    if 2 <= len(lead) <= 4:
        kept.add("".join(w[0] for w in lead))
    return frozenset(kept)


def _role(raw: str, arm_i: frozenset[str], arm_c: frozenset[str], measure: frozenset[str]) -> str:
    if raw.startswith("p") and len(raw) > 1 and not raw[1].isalpha():
        return _p_token(raw)
    if raw[0].isdigit():
        return "<num>"
    if raw in ("ns", "n.s", "n.s.", "ns."):
        return "<p_ns>"
    if raw in arm_i:
        return "<int>"
    if raw in arm_c:
        return "<cmp>"
    if raw in measure:
        return "<out>"
    return raw


def _p_token(raw: str) -> str:
    match = _P_VALUE.search(raw.replace(" ", ""))
    if not match:
        return "<p>"
    op, value = match.group(1).replace("&lt;", "<").replace("&gt;", ">"), float(match.group(2))
    if "<" in op or "≤" in op:
        return "<p_sig>" if value <= 0.05 else "<p>"
    if ">" in op or "≥" in op:
        return "<p_ns>" if value >= 0.05 else "<p>"
    return "<p_sig>" if value < 0.05 else "<p_ns>"


def effect_features(text: EffectText) -> list[str]:
    """The model's features: unigrams, bigrams and trigrams of the marked tokens, plus which
    arm is named first and whether a significant or non-significant p-value is present."""
    toks = text.tokens
    feats = list(toks)
    feats += [f"{a} {b}" for a, b in pairwise(toks)]
    feats += [f"{a} {b} {c}" for a, b, c in zip(toks, toks[1:], toks[2:], strict=False)]
    first = next((t for t in toks if t in ("<int>", "<cmp>")), None)
    if first:
        feats.append(f"first={first}")
    # the rules' reading and its parts, so that the model weighs them against the words
    feats.append(f"rule={read_effect_by_rules(text)}")
    cue = _first_cue(toks)
    if cue is not None:
        index, up = cue
        side = "cmp" if _comparator_is_subject(toks, index) else "int"
        feats.append(f"cue={'up' if up else 'down'}:{side}")
    return feats


# --- the rules --------------------------------------------------------------------------

_NO_DIFF = re.compile(
    r"\b(?:no (?:statistically )?(?:significant |significantly )?(?:differences?|changes?|effects?"
    r"|improvements?|reductions?|increases?|decreases?)|not (?:statistically )?significant(?:ly)?"
    r"|did not (?:significantly )?(?:differ|change|improve|reduce|increase|decrease|affect|alter)"
    r"|(?:was|were) (?:similar|comparable|unchanged|equivalent)|similar (?:in|between|across)"
    r"|no between[- ]group|non[- ]?significant|failed to (?:reach|show|achieve)"
    r"|neither|nor|unaffected|did not reach)\b"
)
_UP = _words(
    "higher greater more increased increase increases increasing elevated raised larger longer "
    "improved improvement improvements better superior gain gains rose enhanced prolonged "
    "exceeded faster stronger"
)
_DOWN = _words(
    "lower less fewer decreased decrease decreases decreasing reduced reduction reductions "
    "reduce reduces declined decline shorter smaller diminished dropped drop fell lowered "
    "attenuated inferior worse slower weaker"
)
_THAN = _words("than versus vs compared relative over")
# a word of change that turns "greater", "more" or "larger" next to it into a decrease:
# "a greater reduction in weight", "greater weight loss", "lost more weight"
_FALL = _words("reduction reductions decrease decreases decline loss lost drop fall")


def read_effect_by_rules(text: EffectText) -> Effect | None:
    """Cue words and p-values: no difference first, then the direction of the first arm named."""
    toks = text.tokens
    sentence = " ".join(toks)
    significant = "<p_sig>" in toks
    if "<p_ns>" in toks and not significant:
        return "no_difference"
    if _NO_DIFF.search(sentence) and not significant:
        return "no_difference"
    change = change_of(text)
    if change is None:
        return "no_difference" if _NO_DIFF.search(sentence) else None
    return change


def change_of(text: EffectText) -> Literal["increased", "decreased"] | None:
    """Which way the first word of change moves the outcome for the intervention against the
    comparator ("<cmp> had lower X than <int>" is an increase), whatever its significance;
    None when no word says up or down."""
    toks = text.tokens
    cue = _first_cue(toks)
    if cue is None:
        return None
    first, up = cue
    if _comparator_is_subject(toks, first):
        up = not up
    return "increased" if up else "decreased"


def _first_cue(toks: Sequence[str]) -> tuple[int, bool] | None:
    """The first word that says up or down, and which; "one or more", "more than 3" and
    "less than 5" are quantities, not comparisons of the arms."""
    for i, t in enumerate(toks):
        if t not in _UP and t not in _DOWN:
            continue
        if t in ("more", "less", "fewer") and (
            (i and toks[i - 1] == "or") or (i + 2 < len(toks) and toks[i + 2] == "<num>")
        ):
            continue
        if t in _UP and any(w in _FALL for w in toks[max(0, i - 2) : i + 3]):
            return i, False
        return i, t in _UP
    return None


def _comparator_is_subject(toks: Sequence[str], cue: int) -> bool:
    """Whether the comparison is stated from the comparator's side: "<cmp> had lower X than
    <int>", or "<int> ... than" absent while only <cmp> precedes the cue."""
    before = toks[:cue]
    after = toks[cue:]
    cmp_before = "<cmp>" in before
    int_before = "<int>" in before
    if cmp_before and not int_before:
        return True
    if cmp_before and int_before:
        # the arm named last before the cue is the subject in "in <int> and <cmp>, ... lower"
        last_c = max(i for i, t in enumerate(before) if t == "<cmp>")
        last_i = max(i for i, t in enumerate(before) if t == "<int>")
        than_after = any(t in _THAN for t in after[:8])
        return last_c > last_i and not than_after
    if not int_before and "<int>" in after:
        # "X was lower in <cmp> than <int>" vs "lower with <int> than <cmp>"
        ci = after.index("<cmp>") if "<cmp>" in after else len(after)
        return ci < after.index("<int>")
    return False


# --- the model --------------------------------------------------------------------------


@dataclass(frozen=True, slots=True)
class EffectModel:
    """A multinomial logistic regression: a weight per (feature, class) and a bias per class."""

    classes: tuple[Effect, ...]
    bias: tuple[float, ...]
    weights: dict[str, tuple[float, ...]]
    abstain: float  # below this probability of its best class, the model says nothing

    def probabilities(self, text: EffectText) -> dict[Effect, float]:
        scores = list(self.bias)
        for feature in set(effect_features(text)):
            row = self.weights.get(feature)
            if row is not None:
                for k, w in enumerate(row):
                    scores[k] += w
        top = max(scores)
        exps = [math.exp(s - top) for s in scores]
        total = sum(exps)
        return {c: e / total for c, e in zip(self.classes, exps, strict=True)}

    def read(self, text: EffectText) -> Effect | None:
        probs = self.probabilities(text)
        best = max(probs, key=probs.__getitem__)
        return best if probs[best] >= self.abstain else None

    def to_json(self) -> str:
        return json.dumps(
            {
                "classes": list(self.classes),
                "bias": [round(b, 5) for b in self.bias],
                "abstain": self.abstain,
                "weights": {
                    f: [round(w, 5) for w in row] for f, row in sorted(self.weights.items())
                },
            },
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, data: str) -> EffectModel:
        raw = json.loads(data)
        classes = tuple(_effect(c) for c in raw["classes"])
        return cls(
            classes=classes,
            bias=tuple(float(b) for b in raw["bias"]),
            weights={f: tuple(float(w) for w in row) for f, row in raw["weights"].items()},
            abstain=float(raw["abstain"]),
        )


def _effect(value: str) -> Effect:
    for effect in EFFECTS:
        if value == effect:
            return effect
    raise ValueError(f"unknown effect class {value!r}")


MODEL_FILE = "effect_model.json"


@cache
def load_effect_model() -> EffectModel | None:
    """The shipped model, or None when the package carries no weights."""
    resource = resources.files("evidence.tagging").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    return EffectModel.from_json(resource.read_text(encoding="utf-8"))


def read_effect(
    sentence: str,
    intervention: str | None = None,
    comparator: str | None = None,
    outcome: str | None = None,
    *,
    use_model: bool = True,
) -> Effect | None:
    """The direction of ``outcome`` for ``intervention`` against ``comparator`` in ``sentence``."""
    text = EffectText.of(sentence, intervention, comparator, outcome)
    model = load_effect_model() if use_model else None
    return model.read(text) if model is not None else read_effect_by_rules(text)
