"""The guarantee of every kind: never `supported` on case reports, animal studies, protocols
or retracted records alone (synthetic evidence, every direction and kind)."""

from __future__ import annotations

import itertools

import pytest
from claim_builders import claim, finding, judge, record

from evidence.claims.claim import Claim
from evidence.claims.inputs import EvidenceRecord

EVENTS = {"pneumothorax": "pneumothorax", "bruising": "bruising"}


def _weak(pmid: int, kind: str) -> EvidenceRecord:
    strong_finding = finding("benefit", condition="low_back_pain", outcome="pain", n=5000)
    safe_finding = finding("benefit", outcome="adverse_events", n=5000)
    base = {
        "events": EVENTS,
        "outcomes": ["pain", "adverse_events"],
        "conditions": ["low_back_pain"],
    }
    if kind == "case_report":
        return record(pmid, strong_finding, safe_finding, design="case_report", **base)
    if kind == "animal":
        return record(
            pmid, strong_finding, safe_finding, design="meta_analysis", animal=True, **base
        )
    if kind == "protocol":
        return record(pmid, strong_finding, safe_finding, design="protocol", **base)
    return record(
        pmid, strong_finding, safe_finding, design="meta_analysis", retracted=True, **base
    )


CLAIMS: list[Claim] = [
    claim("effectiveness", condition=["low_back_pain"], outcome=["pain"]),
    claim("indication", condition=["low_back_pain"]),
    claim("mechanism", outcome=["pain"]),
    claim("safety"),
    claim("adverse_effect", adverse_event=["pneumothorax"]),
]
WEAK = ["case_report", "animal", "protocol", "retracted"]


@pytest.mark.parametrize("c", CLAIMS, ids=lambda c: c.kind)
@pytest.mark.parametrize(
    "kinds",
    [
        *([k] for k in WEAK),
        *itertools.combinations(WEAK, 2),
        WEAK,
    ],
    ids=lambda ks: "+".join(ks),
)
def test_weak_evidence_alone_never_supports(c: Claim, kinds: list[str]) -> None:
    records = [_weak(n, k) for n, k in enumerate(kinds, start=1)]
    v = judge(c, *records)
    assert v.verdict != "supported", (v.rule, v.summary)
