"""Checking a claims file (claims stage): judge it against a run's working copy, store it.

Reads the claims file, the vocabulary (``data/vocab``), the reference definitions
(``data/vocab/definitions.yaml``), the payer policy table (``data/coverage/``) and the
evidence rows of the warehouse; writes the verdicts behind ``claim_verdicts`` and
``claim_evidence`` and records the run in the verdict history (``check_runs``). The judging
itself is the pure `judge_claims`. `prepare_check` reads the inputs (bad input fails before
anything is written); `check_claims` judges and stores them in the working copy it is given;
the spine (`evidence.pipeline.check`) opens and publishes that copy and writes ``--out``.
`change_note` and `retraction_note` say which verdicts changed since the previous check of
the same file and which claims rested on a record that is now retracted.
"""

from __future__ import annotations

from collections import Counter
from dataclasses import dataclass, field
from datetime import datetime
from pathlib import Path

from evidence.claims.claim import VERDICTS, ClaimsFile, Verdict
from evidence.claims.claims_file import load_claims
from evidence.claims.engine import judge_claims
from evidence.claims.history import CheckVersions, FileHistory, VerdictChange, read_history
from evidence.claims.inputs import Scope
from evidence.claims.reference import ReferenceData, load_definitions, load_payer_policies
from evidence.claims.warehouse import (
    checked_files,
    forget_verdicts,
    read_evidence,
    write_verdicts,
)
from evidence.config import Settings
from evidence.errors import InputError, escaped
from evidence.models import is_synthetic
from evidence.store import WorkCopy, connect, no_such_warehouse
from evidence.tagging import Vocabulary, load_vocabulary

__all__ = [
    "CheckInputs",
    "CheckResult",
    "change_note",
    "check_claims",
    "forget_claims",
    "load_reference",
    "prepare_check",
    "retraction_note",
]

_NOTE_ITEMS = 6


@dataclass(frozen=True, slots=True)
class CheckResult:
    """What one `evidence check` did."""

    claims: ClaimsFile
    verdicts: tuple[Verdict, ...]
    n_records: int
    checked_at: datetime
    out: Path | None = None
    history: FileHistory = field(default_factory=FileHistory)
    synthetic: tuple[int, ...] = ()  # the cited evidence's records of the synthetic sample

    def counts(self) -> dict[str, int]:
        """Claims per verdict label, in the contract's order (zeros included)."""
        found = Counter(v.verdict for v in self.verdicts)
        return {label: found[label] for label in VERDICTS}


def load_reference(settings: Settings, vocab: Vocabulary) -> ReferenceData:
    """The reference data next to the vocabulary: definitions, payer policies, ``informs``.

    Raises:
        VocabularyError, InputError: a reference file is malformed.
    """
    interventions = vocab.ids("intervention")
    definitions_path = settings.vocab_dir / "definitions.yaml"
    definitions = (
        load_definitions(definitions_path, interventions) if definitions_path.exists() else {}
    )
    policies = load_payer_policies(
        settings.data_dir / "coverage" / "payer-policies.csv", interventions
    )
    scope = Scope(
        {
            dimension: {t.id: t.informs for t in terms if t.informs}
            for dimension, terms in vocab.terms.items()
        }
    )
    return ReferenceData(definitions=definitions, policies=policies, scope=scope)


@dataclass(frozen=True, slots=True)
class CheckInputs:
    """What a check reads before it touches the warehouse."""

    claims: ClaimsFile
    reference: ReferenceData
    versions: CheckVersions


def prepare_check(settings: Settings, claims_path: Path) -> CheckInputs:
    """Read the vocabulary, the claims file and the reference data.

    Raises:
        InputError: the claims file or a reference file is bad (exit 2).
        VocabularyError: the vocabulary is invalid.
    """
    vocab = load_vocabulary(settings.vocab_dir)
    claims = load_claims(claims_path, vocab)
    reference = load_reference(settings, vocab)
    return CheckInputs(claims, reference, CheckVersions(vocabulary=vocab.fingerprint))


def check_claims(work: WorkCopy, inputs: CheckInputs, *, when: datetime) -> CheckResult:
    """Judge the claims on the evidence in the run's working copy and store the verdicts.

    From the moment the verdicts are written, the copy is published by this run or thrown
    away (`WorkCopy.publish_or_discard`): a check killed after its commit must not become
    "the previous check" of the next one.

    Raises:
        StorageError: the warehouse does not exist or cannot be read or written (exit 1).
    """
    if not work.in_memory and not work.path.exists():
        raise no_such_warehouse(work.warehouse)
    claims, reference = inputs.claims, inputs.reference
    con = connect(work.path)
    try:
        wanted: set[str] = set()
        for claim in claims.claims:
            wanted |= reference.scope.expand("intervention", claim.intervention)
        evidence = read_evidence(con, wanted)
        verdicts = judge_claims(claims.claims, evidence, reference, as_of_year=when.year)
        work.publish_or_discard()
        write_verdicts(
            con,
            claims,
            verdicts,
            checked_at=when,
            n_records=len(evidence),
            versions=inputs.versions,
        )
        history = read_history(con).get(claims.name, FileHistory())
    finally:
        con.close()
    synthetic = tuple(r.pmid for r in evidence.records.values() if is_synthetic(r.pmid, r.journal))
    return CheckResult(
        claims=claims,
        verdicts=verdicts,
        n_records=len(evidence),
        checked_at=when,
        history=history,
        synthetic=synthetic,
    )


def _listed(items: list[str]) -> str:
    more = len(items) - _NOTE_ITEMS
    return ", ".join(items[:_NOTE_ITEMS]) + (f" and {more} more" if more > 0 else "")


def _grade(value: str | None) -> str:
    return value or "not graded"


def _what_changed(c: VerdictChange) -> str:
    if c.verdict != c.previous_verdict:
        return f"{c.claim_id} {c.previous_verdict} → {c.verdict}"
    return f"{c.claim_id} grade {_grade(c.previous_grade)} → {_grade(c.grade)}"


def change_note(history: FileHistory) -> str | None:
    """One line naming the verdicts that changed since the previous check; None if none."""
    if not history.changes or history.previous_checked_at is None:
        return None
    n = len(history.changes)
    changed = _listed([_what_changed(c) for c in history.changes])
    return (
        f"changed since the previous check ({history.previous_checked_at:%Y-%m-%d %H:%M} UTC):"
        f" {n} verdict{'' if n == 1 else 's'}, {changed}"
        " (why: the claim_verdict_changes view, or `evidence report`)"
    )


def retraction_note(history: FileHistory) -> str | None:
    """One line naming the claims that rested on a now-retracted record; None if none."""
    if not history.retracted:
        return None
    pmids = sorted({p for flagged in history.retracted.values() for p in flagged})
    claims = list(history.retracted)
    return (
        f"retracted: {_listed(claims)} rested on retracted"
        f" {'record' if len(pmids) == 1 else 'records'} {_listed([f'PMID {p}' for p in pmids])}"
        " (claim_verdicts.retracted_citations)"
    )


def forget_claims(work: WorkCopy, claims_path: Path) -> tuple[str, int, int]:
    """Remove a claims file from the run's working copy, so that the next report no longer
    shows it: its verdicts, citations and verdict history (stored under its file name, so
    the file itself need not exist any more). Return the stored name and how many claims
    and check runs were removed.

    Raises:
        InputError: no claims file of that name was checked in this warehouse (exit 2).
        StorageError: the warehouse does not exist or cannot be written (exit 1).
    """
    name = ClaimsFile(str(claims_path), ()).name
    db = work.warehouse
    if not work.in_memory and not work.path.exists():
        raise no_such_warehouse(db)
    con = connect(work.path)
    try:
        known = checked_files(con)
        if name not in known:
            listed = _listed(known) if known else "none"
            raise InputError(
                f"{escaped(str(claims_path), 200)}: no claims file named"
                f" {escaped(name, 200)} was checked in {db} (checked: {escaped(listed, 200)})"
            )
        work.publish_or_discard()
        n_claims, n_runs = forget_verdicts(con, name)
    finally:
        con.close()
    return name, n_claims, n_runs
