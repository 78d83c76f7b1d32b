"""`evidence check`: judge a claims file against the warehouse (claims stage, edge).

Reads the claims file, the vocabulary (``data/vocab``), the reference definitions
(``data/vocab/definitions.yaml``), the payer policy table (``data/coverage/``) and the
evidence rows of the warehouse; writes the verdicts behind ``claim_verdicts`` and
``claim_evidence``, records the run in the verdict history (``check_runs``) and, when asked,
writes one output file. `check_claims` is what the CLI and the ``evidence_review`` flow
call; the judging itself is the pure `judge_claims`. The command says in one line which
verdicts changed since the previous check of the same file (`change_note`) and which claims
rested on a record that is now retracted (`retraction_note`).
"""

from __future__ import annotations

from collections import Counter
from contextlib import ExitStack
from dataclasses import dataclass, field
from datetime import UTC, datetime
from pathlib import Path
from typing import Annotated

import typer

from evidence.claims.engine import judge_claims
from evidence.claims.history import CheckVersions, FileHistory, VerdictChange, read_history
from evidence.claims.inputs import EvidenceBase, Scope
from evidence.claims.loader import load_claims
from evidence.claims.model import VERDICTS, ClaimsFile, Verdict
from evidence.claims.output import output_format, render_output
from evidence.claims.reference import ReferenceData, load_definitions, load_payer_policies
from evidence.claims.warehouse import (
    checked_files,
    forget_verdicts,
    read_evidence,
    write_verdicts,
)
from evidence.config import Settings
from evidence.errors import InputError, escaped
from evidence.report.data import is_synthetic, read_provenance
from evidence.report.render import data_line
from evidence.store import (
    connect,
    no_such_warehouse,
    publish_or_discard,
    publishing,
    replaced_on_success,
    storage_errors,
)
from evidence.store.snapshot import route
from evidence.tagging import Vocabulary, load_vocabulary

__all__ = [
    "CheckResult",
    "change_note",
    "check_claims",
    "check_command",
    "forget_claims",
    "forget_command",
    "load_reference",
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


def check_claims(
    settings: Settings,
    claims_path: Path,
    *,
    out: Path | None = None,
    now: datetime | None = None,
) -> CheckResult:
    """Judge every claim of ``claims_path``, store the verdicts, write ``out`` when given.

    The verdicts are published with the warehouse (see `evidence.store.snapshot`), and
    ``out`` is put in place once they are: a run that fails or is killed before its publish
    leaves neither, and the next check compares with the last published one. Inside a
    larger run (a flow's scope), ``out`` is put in place when this call ends.

    Raises:
        InputError: the claims file, a reference file or the output extension is bad (exit 2).
        StorageError: the warehouse does not exist or cannot be read or written (exit 1).
    """
    fmt = output_format(out) if out is not None else None
    vocab = load_vocabulary(settings.vocab_dir)
    claims = load_claims(claims_path, vocab)
    reference = load_reference(settings, vocab)
    when = (now or datetime.now(UTC)).astimezone(UTC).replace(tzinfo=None)
    db = settings.db_path
    with ExitStack() as after_publish:
        # ``out`` is written beside its place inside the scope (a read-only folder fails
        # before anything is published) and put in place once the verdicts are published.
        write_out = after_publish.enter_context(replaced_on_success(out)) if out else None
        with publishing(db):
            evidence, verdicts, history, line = _judge_and_store(
                db, claims, reference, when, CheckVersions(vocabulary=vocab.fingerprint)
            )
            if write_out is not None and fmt is not None:
                synthetic = [
                    r.pmid for r in evidence.records.values() if is_synthetic(r.pmid, r.journal)
                ]
                write_out(
                    render_output(
                        fmt,
                        claims,
                        verdicts,
                        checked_at=when,
                        data_line=line,
                        synthetic=synthetic,
                        n_records=len(evidence),
                        history=history,
                    )
                )
    return CheckResult(
        claims=claims,
        verdicts=verdicts,
        n_records=len(evidence),
        checked_at=when,
        out=out,
        history=history,
    )


def _judge_and_store(
    db: Path,
    claims: ClaimsFile,
    reference: ReferenceData,
    when: datetime,
    versions: CheckVersions,
) -> tuple[EvidenceBase, tuple[Verdict, ...], FileHistory, str]:
    """Judge the claims on the warehouse's evidence and store the verdicts (inside the
    caller's publishing scope): the evidence, verdicts, history and data line."""
    if str(db) != ":memory:" and not Path(route(db)).exists():
        raise no_such_warehouse(db)
    con = connect(db)
    try:
        wanted: set[str] = set()
        for claim in claims.claims:
            wanted |= reference.scope.expand("intervention", claim.intervention)
        evidence = read_evidence(con, wanted)
        verdicts = judge_claims(claims.claims, evidence, reference, as_of_year=when.year)
        # A check killed after this commit must not become "the previous check" of the next.
        publish_or_discard(db)
        write_verdicts(
            con, claims, verdicts, checked_at=when, n_records=len(evidence), versions=versions
        )
        history = read_history(con).get(claims.name, FileHistory())
        with storage_errors(str(db)):
            line = data_line(read_provenance(con))
    finally:
        con.close()
    return evidence, verdicts, history, line


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


def check_command(
    claims: Annotated[Path, typer.Argument(help="Claims file (YAML), see the evidence contract")],
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", help="DuckDB warehouse (default: $EVIDENCE_DB, else data/evidence.duckdb)"
        ),
    ] = None,
    out: Annotated[
        Path | None,
        typer.Option("--out", help="Also write the verdicts to FILE (.csv, .json, .md or .html)"),
    ] = None,
) -> None:
    """Judge every claim against the evidence in the warehouse; store and print the verdicts."""
    settings = Settings.from_env(db_path=db)
    result = check_claims(settings, claims, out=out)
    for v in result.verdicts:
        records = f"{v.n_articles} record{'' if v.n_articles == 1 else 's'}"
        typer.echo(f"{v.claim.id:<6} {v.verdict:<15} {v.grade or '-':<9} {v.rule:<3} {records:>11}")
    counts = ", ".join(f"{n} {label}" for label, n in result.counts().items() if n)
    written = f"; wrote {result.out}" if result.out else ""
    typer.echo(
        f"check: {len(result.verdicts)} claims of {result.claims.name} against"
        f" {result.n_records} records: {counts}{written}"
    )
    for note in (change_note(result.history), retraction_note(result.history)):
        if note is not None:
            typer.echo(note)


def forget_claims(settings: Settings, claims_path: Path) -> tuple[str, int, int]:
    """Remove a claims file from the warehouse, so that the next report no longer shows it:
    its verdicts, citations and verdict history (stored under its file name, so the file
    itself need not exist any more). Published like every write (see `check_claims`).
    Return the stored name and how many claims and check runs were removed.

    Raises:
        InputError: no claims file of that name was checked in this warehouse (exit 2).
        StorageError: the warehouse does not exist or cannot be written (exit 1).
    """
    name = ClaimsFile(str(claims_path), ()).name
    db = settings.db_path
    with publishing(db):
        if str(db) != ":memory:" and not Path(route(db)).exists():
            raise no_such_warehouse(db)
        con = connect(db)
        try:
            known = checked_files(con)
            if name not in known:
                listed = _listed(known) if known else "none"
                raise InputError(
                    f"{escaped(str(claims_path), 200)}: no claims file named"
                    f" {escaped(name, 200)} was checked in {db} (checked: {escaped(listed, 200)})"
                )
            publish_or_discard(db)
            n_claims, n_runs = forget_verdicts(con, name)
        finally:
            con.close()
    return name, n_claims, n_runs


def forget_command(
    claims: Annotated[
        Path,
        typer.Argument(
            help="Claims file to remove from the report (its file name is enough: the file"
            " itself may be gone)"
        ),
    ],
    db: Annotated[
        Path | None,
        typer.Option(
            "--db", help="DuckDB warehouse (default: $EVIDENCE_DB, else data/evidence.duckdb)"
        ),
    ] = None,
) -> None:
    """Remove a checked claims file (a draft, say) and its verdict history from the
    warehouse: the next `evidence report` no longer shows it."""
    settings = Settings.from_env(db_path=db)
    name, n_claims, n_runs = forget_claims(settings, claims)
    typer.echo(
        f"forget: removed {name} from {settings.db_path}: {n_claims} claim"
        f"{'' if n_claims == 1 else 's'} and {n_runs} recorded check{'' if n_runs == 1 else 's'}"
        " (run `evidence report` to update the report)"
    )
