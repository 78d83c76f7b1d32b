"""Claim-checking stage: claims files in, verdicts with graded, cited evidence out.

Reads an editors' claims file (`load_claims`), the evidence rows of the warehouse
(`read_evidence`) and reference data (`load_definitions`, `load_payer_policies`); the pure
engine (`judge_claims`) applies the rules of docs/verdict-rules.md (version
`RULES_VERSION`). `evidence.claims.check` wires it all over a run's working copy: it writes
the tables behind the ``claim_verdicts`` and ``claim_evidence`` views and records the run in
the verdict history (`read_history`: what changed since the previous check). The spine
opens and publishes the copy:

    >>> from evidence import pipeline                                              # doctest: +SKIP
    >>> pipeline.check(Settings.from_env(), Path("data/claims/x.yaml")).counts()  # doctest: +SKIP
    {'supported': 3, 'mixed': 5, 'insufficient': 12, 'contradicted': 6, 'not_assessable': 4}
"""

from __future__ import annotations

from evidence.claims.claim import Citation, Claim, ClaimsFile, Verdict
from evidence.claims.claims_file import load_claims, parse_claims
from evidence.claims.engine import RULES_VERSION, judge_claim, judge_claims
from evidence.claims.history import (
    CheckVersions,
    DataVersion,
    FileHistory,
    VerdictChange,
    read_data_version,
    read_history,
)
from evidence.claims.inputs import EvidenceBase, EvidenceRecord, Scope
from evidence.claims.reference import ReferenceData, load_definitions, load_payer_policies
from evidence.claims.rules import RULES
from evidence.claims.warehouse import read_evidence, read_verdicts, write_verdicts

__all__ = [
    "RULES",
    "RULES_VERSION",
    "CheckVersions",
    "Citation",
    "Claim",
    "ClaimsFile",
    "DataVersion",
    "EvidenceBase",
    "EvidenceRecord",
    "FileHistory",
    "ReferenceData",
    "Scope",
    "Verdict",
    "VerdictChange",
    "judge_claim",
    "judge_claims",
    "load_claims",
    "load_definitions",
    "load_payer_policies",
    "parse_claims",
    "read_data_version",
    "read_evidence",
    "read_history",
    "read_verdicts",
    "write_verdicts",
]
