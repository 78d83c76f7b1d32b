"""Drafting stage, a learned second reading of the sentences the rules leave out. Pure.

The rules of `evidence.drafting.drafter` leave a sentence out when none of their cues fires.
This module reads each sentence left out (for want of a cue, not for being a heading, a
label, a question or a byline) with two logistic regressions over the sentence's features:
whether it carries a claim, and of which kind. A sentence the first scores at or above the
model's threshold becomes one claim of the kind the second names, for the treatment in hand
there (named in the sentence, else the one the drafter carried to it), per condition the
sentence names (per adverse event, for a harm).

The features (`sentence_features`) are the sentence's words and word pairs, with the names
the vocabulary finds replaced by ``<int>``, ``<cond>``, ``<harm>`` and ``<out>`` so that one
treatment's page teaches about another's; the words of its headings and of its list's
lead-in; whether it is a list item, a label's text, the first sentence under a heading or
one that follows; its length; numbers; and which names it has. The weights are trained
offline on the dev articles' gold claims (``scripts/train_draft_model.py``, scikit-learn)
and written as plain JSON (``claim_model.json`` beside this module), read here without
scikit-learn. The package ships no weights: on the held-out articles the trained model
found 6 more claims of 350 and drafted 13 more wrong ones (recall 0.669 -> 0.686, precision
0.799 -> 0.769; tests/eval/draft/README.md, round 7), so the drafter reads with its rules
alone until a model wins there. ``scripts/train_draft_model.py --write`` writes the file.
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

__all__ = [
    "ClaimModel",
    "load_claim_model",
    "sentence_features",
]

MODEL_FILE = "claim_model.json"
_TOKEN = re.compile(r"<[a-z]+>|\d+(?:[.,]\d+)?%?|[a-z]+(?:'[a-z]+)?")


@dataclass(frozen=True, slots=True)
class ClaimModel:
    """Weights of the claim-sentence detector (binary) and of the kind reader (one row per
    kind), and the detector's threshold."""

    bias: float
    weights: dict[str, float]
    kinds: tuple[str, ...]
    kind_bias: tuple[float, ...]
    kind_weights: dict[str, tuple[float, ...]]
    threshold: float = 0.5
    # the rules' reading of a page is trusted as it is when they drafted claims from at least
    # this share of the sentences the detector reads as claims (at 0.5); above 1, never
    gate: float = 2.0

    def probability(self, features: Sequence[str]) -> float:
        """How likely the sentence carries a claim (0 to 1)."""
        z = self.bias + sum(self.weights.get(f, 0.0) for f in set(features))
        return 1.0 / (1.0 + math.exp(-max(-30.0, min(30.0, z))))

    def kinds_by_score(self, features: Sequence[str]) -> list[str]:
        """The claim kinds, most likely first."""
        scores = list(self.kind_bias)
        for f in set(features):
            row = self.kind_weights.get(f)
            if row is not None:
                scores = [s + w for s, w in zip(scores, row, strict=True)]
        order = sorted(range(len(self.kinds)), key=lambda i: -scores[i])
        return [self.kinds[i] for i in order]

    def to_json(self) -> str:
        return json.dumps(
            {
                "bias": round(self.bias, 5),
                "threshold": self.threshold,
                "gate": self.gate,
                "kinds": list(self.kinds),
                "kind_bias": [round(b, 5) for b in self.kind_bias],
                "weights": {f: round(w, 5) for f, w in sorted(self.weights.items())},
                "kind_weights": {
                    f: [round(w, 5) for w in row] for f, row in sorted(self.kind_weights.items())
                },
            },
            sort_keys=True,
            separators=(",", ":"),
        )

    @classmethod
    def from_json(cls, data: str) -> ClaimModel:
        raw = json.loads(data)
        return cls(
            bias=float(raw["bias"]),
            weights={f: float(w) for f, w in raw["weights"].items()},
            kinds=tuple(raw["kinds"]),
            kind_bias=tuple(float(b) for b in raw["kind_bias"]),
            kind_weights={
                f: tuple(float(w) for w in row) for f, row in raw["kind_weights"].items()
            },
            threshold=float(raw.get("threshold", 0.5)),
            gate=float(raw.get("gate", 2.0)),
        )


@cache
def load_claim_model() -> ClaimModel | None:
    """The model whose weights lie beside this module, or None when there are none (as
    shipped: see the module's docstring)."""
    resource = resources.files("evidence.drafting").joinpath(MODEL_FILE)
    if not resource.is_file():
        return None
    return ClaimModel.from_json(resource.read_text(encoding="utf-8"))


_PLACEHOLDER = {
    "intervention": "<int>",
    "condition": "<cond>",
    "adverse_event": "<harm>",
    "outcome": "<out>",
}


def _masked(lower: str, spans: Sequence[tuple[str, int, int]]) -> str:
    """The text with each named span replaced by its placeholder."""
    out, at = [], 0
    for dimension, start, end in sorted(spans, key=lambda s: (s[1], -s[2])):
        if start < at or dimension not in _PLACEHOLDER:
            continue
        out.append(lower[at:start])
        out.append(f" {_PLACEHOLDER[dimension]} ")
        at = end
    out.append(lower[at:])
    return "".join(out)


def _tokens(text: str) -> list[str]:
    return ["<num>" if t[0].isdigit() else t for t in _TOKEN.findall(text)]


def sentence_features(
    sentence: str,
    spans: Sequence[tuple[str, int, int]],
    *,
    headings: Sequence[str] = (),
    lead: str | None = None,
    item: bool = False,
    follows: bool = False,
    opens: bool = False,
    labelled: bool = False,
    in_hand: bool = False,
) -> list[str]:
    """The features of one sentence: ``spans`` are the names found in it (dimension,
    start, end, offsets of ``sentence``); ``headings`` those in force, outermost first."""
    lower = sentence.lower()
    words = _tokens(_masked(lower, spans))
    features = [f"w:{w}" for w in words]
    features += [f"b:{a}_{b}" for a, b in pairwise(words)]
    if words:
        features.append(f"first:{words[0]}")
    for heading in headings[-2:]:
        features += [f"h:{w}" for w in _tokens(heading.lower())]
    if lead is not None:
        features += [f"l:{w}" for w in _tokens(lead.lower())]
    dimensions = {d for d, _, _ in spans}
    features += [f"has:{d}" for d in sorted(dimensions)]
    flags = {
        "item": item,
        "follows": follows,
        "opens": opens,
        "labelled": labelled,
        "in_hand": in_hand,
        "colon": lower.rstrip().endswith(":"),
        "short": len(words) <= 6,
        "long": len(words) >= 25,
    }
    features += [f"is:{name}" for name, on in flags.items() if on]
    return features
