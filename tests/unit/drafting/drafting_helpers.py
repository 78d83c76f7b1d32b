"""Helpers the drafting tests share: a draft's claims on one sentence, and a Markdown draft."""

from __future__ import annotations

from evidence.drafting import Draft, draft_claims, parse_text
from evidence.tagging import Vocabulary

Claim = tuple[str, tuple[str, ...], tuple[str, ...], str]


def claims_on(d: Draft, start: str) -> list[Claim]:
    """(kind, interventions, conditions + adverse events, asserts) of each claim drafted from a
    sentence that starts with ``start``."""
    return [
        (c.kind, c.intervention, c.condition + c.adverse_event, c.asserts)
        for c in d.claims
        if c.sentence.startswith(start)
    ]


def draft_markdown(vocab: Vocabulary, text: str) -> Draft:
    return draft_claims(parse_text(text, markdown=True), vocab)
