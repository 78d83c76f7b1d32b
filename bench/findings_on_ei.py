"""The findings reader's sentence rules measured on Evidence Inference 2.0 (real trial results).

    .venv/bin/python bench/findings_on_ei.py [--split train|validation|test] [--errors N]
        [--kind undecided|wrong|all]

For each doctor's annotation, the evidence text they marked is read as the findings reader
reads a sentence of a conclusion or of the results: cut into clauses
(`directions.split_clauses`), each clause read by `findings.read_statement` (the reading
`findings.py` gives every clause before placing its interventions). The clause that decides
is chosen among those with a direction as findings.py orders the results it reads: one that
compares the arms before one about a change within them or the arms at baseline
(`findings.states_within_arms`), and then one naming a word of the prompt's outcome; else
the first.

How a reading maps to Evidence Inference's labels. The reader answers benefit / harm /
no_benefit / similar / inconclusive; the doctors' label is the direction of the outcome's
change (significantly increased, significantly decreased, no significant difference), and
whether a rise is a benefit depends on the outcome (less mortality is a benefit, a higher
response rate too). So only the statistical content is compared:
- ``no_benefit`` and ``similar`` (no difference, or not better): ``no_difference``;
- ``benefit`` and ``harm`` (a stated effect, either way): a significant change, whose way
  up or down is read from the clause's first word of change for the intervention against
  the comparator by `effects.change_of` (the effect reader's cue words; "<cmp> had lower X
  than <int>" is an increase), else by the findings reader's arm order
  (`directions.read_comparison`: the comparative is said of the arm named first, not of
  one after "than" or "compared with"; the arms found by the prompt's words; it agrees with
  gold less often than change_of where both map, so it only fills in, and its own accuracy
  is printed apart); when no word says up or down the sentence counts as decided
  but its label as unknown (wrong in the three-label scores);
- ``inconclusive`` or no direction: not decided (an abstention, wrong in the scores).
Benefit versus harm is not used. Two figures separate the reader's own decision from that
mapping: the significance table (effect vs no difference, over the decided sentences) and
the accuracy of the up/down mapping where both say there is an effect.

Prints coverage (share of sentences decided), per-class precision/recall/F1 with abstentions
counted against recall, macro-F1 and accuracy; the last line is ``macro_f1=0.xx``. Train and
validation to tune on; `--split test` only reports (the figure for the issue's table, measured
after tuning, never tuned on): it prints no disagreements.
"""

from __future__ import annotations

import argparse
import re
import sys
from collections import Counter
from collections.abc import Sequence
from dataclasses import dataclass

from ei_data import EI_DIR, EiRow, load_rows
from evidence_inference import scores

from evidence.tagging.directions import is_controlled, read_comparison, split_clauses
from evidence.tagging.effects import EFFECTS, Effect, EffectText, arm_words, change_of
from evidence.tagging.findings import read_statement, states_within_arms

_EFFECT = ("benefit", "harm")
_NULL = ("no_benefit", "similar")


@dataclass(frozen=True, slots=True)
class Reading:
    direction: str | None  # the findings reader's, of the deciding clause
    clause: str  # the deciding clause (lower-cased), or the whole text
    label: Effect | None  # mapped to Evidence Inference's labels
    arm: Effect | None = None  # up or down by the arm-order reading alone (`arm_order`)


def read_row(row: EiRow) -> Reading:
    """The findings reader's reading of one annotation, mapped to an EI label."""
    lower = " ".join(row.evidence.split()).lower()
    controlled = is_controlled(row.comparator.lower())
    decisive: list[tuple[str, str]] = []
    for a, b in split_clauses(lower):
        text = lower[a:b]
        direction = read_statement(text, controlled=controlled).direction
        if direction is not None:
            decisive.append((direction, text))
    if not decisive:
        return Reading(None, lower, None)

    def names_outcome(text: str) -> bool:
        marked = EffectText.of(text, row.intervention, row.comparator, row.outcome)
        return "<out>" in marked.tokens

    # as findings.py orders the results it reads: a comparison of the arms before a change
    # within them (or the arms at baseline), then a clause naming the outcome first
    direction, clause = min(
        decisive, key=lambda dt: (states_within_arms(dt[1]), not names_outcome(dt[1]))
    )
    if direction in _NULL:
        return Reading(direction, clause, "no_difference")
    if direction in _EFFECT:
        arm = arm_order(clause, row)
        change = change_of(EffectText.of(clause, row.intervention, row.comparator, row.outcome))
        if change is None:
            change = arm
        if change is None and clause != lower:
            change = change_of(EffectText.of(lower, row.intervention, row.comparator, row.outcome))
        return Reading(direction, clause, change, arm)
    return Reading(direction, clause, None)  # inconclusive


_WORD = re.compile(r"[a-z]+(?:-[a-z]+)*|\d+")


def arm_order(clause: str, row: EiRow) -> Effect | None:
    """Up or down for the intervention against the comparator, by the findings reader's own
    reading of which arm a comparison is said of (`directions.read_comparison`), the arms
    found by the prompt's words; None when it reads no comparison of named arms or no side."""
    studied, control = arm_words(row.intervention), arm_words(row.comparator)
    studied, control = studied - control, control - studied
    measure = arm_words(row.outcome) - studied - control
    arms: list[tuple[int, int]] = []
    controls: list[tuple[int, int]] = []
    outcome: tuple[int, int] | None = None
    for m in _WORD.finditer(clause):
        word = m.group()
        if word in studied:
            arms.append(m.span())
        elif word in control:
            controls.append(m.span())
        elif word in measure and outcome is None:
            outcome = m.span()
    comparison = read_comparison(
        clause, _joined(arms, clause), _joined(controls, clause), outcome=outcome
    )
    if comparison is None or comparison.higher is None or comparison.subject == "unnamed":
        return None
    return "increased" if comparison.higher else "decreased"


def _joined(spans: list[tuple[int, int]], text: str) -> list[tuple[int, int]]:
    """Adjacent word spans of one arm as one mention ("dry needling", not two)."""
    joined: list[tuple[int, int]] = []
    for start, end in spans:
        if joined and not text[joined[-1][1] : start].strip():
            joined[-1] = (joined[-1][0], end)
        else:
            joined.append((start, end))
    return joined


def decided(reading: Reading) -> bool:
    return reading.direction in _EFFECT + _NULL


def report(rows: Sequence[EiRow], readings: Sequence[Reading]) -> float:
    labels = [r.label for r in readings]
    result = scores(rows, labels)
    n = len(rows)
    covered = sum(1 for r in readings if decided(r))
    print(f"coverage {covered / n:.3f} ({covered} of {n} decided)")
    print(
        f"three labels: macro-F1 {result['macro_f1']:.3f}  accuracy {result['accuracy']:.3f}"
        f"  no label {result['abstained']:.3f}"
    )
    for label in EFFECTS:
        print(
            f"  {label:<14} P {result[f'{label}_p']:.3f}  R {result[f'{label}_r']:.3f}"
            f"  F1 {result[f'{label}_f1']:.3f}"
        )
    # the reader's own decision: a stated effect or none, over the sentences it decides
    pairs = [
        (row.label != "no_difference", r.direction in _EFFECT)
        for row, r in zip(rows, readings, strict=True)
        if decided(r)
    ]
    if pairs:
        right = sum(1 for gold, said in pairs if gold == said)
        eff_said = sum(1 for _, s in pairs if s)
        eff_right = sum(1 for g, s in pairs if g and s)
        null_said = sum(1 for _, s in pairs if not s)
        null_right = sum(1 for g, s in pairs if not g and not s)
        print(
            f"significance (decided only): accuracy {right / len(pairs):.3f}; effect precision "
            f"{eff_right / max(eff_said, 1):.3f} ({eff_said}), no-difference precision "
            f"{null_right / max(null_said, 1):.3f} ({null_said})"
        )
    both = [
        (row.label, r.label)
        for row, r in zip(rows, readings, strict=True)
        if row.label != "no_difference" and r.direction in _EFFECT
    ]
    if both:
        mapped = [(g, s) for g, s in both if s is not None]
        print(
            f"up/down mapping where both say effect: {len(mapped)} of {len(both)} mapped, "
            f"accuracy {sum(1 for g, s in mapped if g == s) / max(len(mapped), 1):.3f}"
        )
    # the findings reader's own arm-order reading against the effect reader's cue words,
    # on the sentences where both give up or down
    paired = [
        (
            row.label,
            r.arm,
            change_of(EffectText.of(r.clause, row.intervention, row.comparator, row.outcome)),
        )
        for row, r in zip(rows, readings, strict=True)
        if row.label != "no_difference" and r.direction in _EFFECT and r.arm is not None
    ]
    if paired:
        both_said = [(g, a, c) for g, a, c in paired if c is not None]
        print(
            f"arm-order reading: {len(paired)} mapped, accuracy "
            f"{sum(1 for g, a, _ in paired if g == a) / len(paired):.3f}; where change_of "
            f"maps too ({len(both_said)}): arm order {sum(1 for g, a, _ in both_said if g == a)}"
            f" right, change_of {sum(1 for g, _, c in both_said if g == c)}"
        )
    print("reader directions: " + ", ".join(f"{k}={v}" for k, v in _counts(readings)))
    return result["macro_f1"]


def _counts(readings: Sequence[Reading]) -> list[tuple[str, int]]:
    return sorted(Counter(str(r.direction) for r in readings).items())


def main(argv: Sequence[str] | None = None) -> int:
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--split", choices=("train", "validation", "test"), default="validation")
    parser.add_argument("--errors", type=int, default=0, help="print N disagreements")
    parser.add_argument(
        "--kind",
        choices=("undecided", "wrong", "all"),
        default="all",
        help="which disagreements --errors prints: not decided, decided wrongly, or both",
    )
    args = parser.parse_args(argv)
    if not EI_DIR.is_dir():
        print(
            f"{EI_DIR}: absent (the shared reference data lives beside the repo)", file=sys.stderr
        )
        return 2
    if args.split == "test" and args.errors:
        print("--split test reports figures only: no --errors on it", file=sys.stderr)
        return 2
    rows = load_rows(args.split)
    print(f"Evidence Inference 2.0, {args.split}: {len(rows)} annotations, findings reader")
    readings = [read_row(r) for r in rows]
    macro = report(rows, readings)
    shown = 0
    for row, reading in zip(rows, readings, strict=True):
        if shown >= args.errors or reading.label == row.label:
            continue
        undecided = not decided(reading)
        if (args.kind == "undecided" and not undecided) or (args.kind == "wrong" and undecided):
            continue
        shown += 1
        print(
            f"- gold {row.label}, read {reading.direction}->{reading.label}: "
            f"[{row.intervention} | {row.comparator} | {row.outcome}] {row.evidence[:300]!r}"
        )
    print(f"macro_f1={macro:.2f}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
