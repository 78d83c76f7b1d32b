"""Tagging stage, evaluation: compares tags and findings with hand-made gold labels.

`load_gold` reads the gold labels (``tests/eval/gold.yaml``: one entry per PMID with intervention,
condition, outcome, design, population, adverse_event and findings) ; `score_records`
is pure and compares them with the tags and findings of the same records. Nothing is
written. `bench/tagging_eval.py` prints the report
and `tests/eval/test_tagging_eval.py` holds it to its floors.

Scores: precision, recall and F1 per multi-valued dimension, micro-averaged over records;
design and population accuracy; and finding direction accuracy over the gold findings,
each matched to a predicted finding by (pmid, intervention, condition). A gold finding
with no predicted finding counts as wrong. Where a record has several predicted findings
for one key (one per outcome), the first one (the record's overall direction) is used.

The topic set may label several findings for one (kind, intervention, condition): "each
arm improved" (comparator none) beside "no difference between the arms". The default
scorer (``matched=False``) compares only the first gold finding of each key with the first
predicted one, so such a record passes or fails on the order its labeller wrote them in.
``matched=True`` scores every gold finding: the gold and predicted findings of one key are
paired one to one, first those with the same comparator (each in its list's order), then
the rest in order. Predicted findings of a key are taken as distinct statements, one per
(direction, comparator), so a row repeated per outcome cannot stand in for a second
labelled finding. A gold finding left unpaired is missing; a predicted one left unpaired
is counted apart (`EvalReport.unpaired`), never as correct.
"""

from __future__ import annotations

from collections.abc import Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import yaml

from evidence.errors import InputError
from evidence.models import Dimension, Finding, Tag

__all__ = [
    "LIST_DIMENSIONS",
    "EvalReport",
    "GoldRecord",
    "Score",
    "labels_as_prediction",
    "legacy_direction",
    "load_gold",
    "score_records",
    "topic_record",
]

LIST_DIMENSIONS: tuple[Dimension, ...] = ("intervention", "condition", "outcome", "adverse_event")
FindingKey = tuple[int, str, str | None]
_LEGACY_EVENTS = {"nausea": "nausea_vomiting", "vomiting": "nausea_vomiting"}


@dataclass(frozen=True, slots=True)
class GoldFinding:
    """One finding of the topic set's labels (tests/eval/topic/LABELLING.md)."""

    kind: str
    direction: str
    certainty: str | None
    comparator: str | None
    events: frozenset[str]
    seriousness: str | None


@dataclass(frozen=True, slots=True)
class GoldRecord:
    """The hand-made labels of one record."""

    pmid: int
    labels: Mapping[str, frozenset[str]]
    design: str
    population: str
    findings: Mapping[tuple[str, str | None], str]  # (intervention, condition) -> direction
    # labelled before hedging became certainty (tests/eval/README.md): a hedged benefit or
    # no-benefit counts as `inconclusive` there (see `legacy_direction`)
    legacy: bool = True
    # the topic set: (kind, intervention, condition) -> the finding's labels (the first)
    details: Mapping[tuple[str, str, str | None], GoldFinding] = field(default_factory=dict)
    # ... and every finding labelled for that key, in the labeller's order
    all_details: Mapping[tuple[str, str, str | None], tuple[GoldFinding, ...]] = field(
        default_factory=dict
    )


@dataclass(slots=True)
class Score:
    """True positives, false positives and false negatives of one dimension."""

    tp: int = 0
    fp: int = 0
    fn: int = 0

    @property
    def precision(self) -> float:
        return self.tp / (self.tp + self.fp) if self.tp + self.fp else 1.0

    @property
    def recall(self) -> float:
        return self.tp / (self.tp + self.fn) if self.tp + self.fn else 1.0

    @property
    def f1(self) -> float:
        p, r = self.precision, self.recall
        return 2 * p * r / (p + r) if p + r else 0.0


@dataclass(slots=True)
class EvalReport:
    """Every metric of one evaluation, and the disagreements behind them."""

    records: int = 0
    scores: dict[str, Score] = field(default_factory=lambda: {d: Score() for d in LIST_DIMENSIONS})
    design_correct: int = 0
    population_correct: int = 0
    findings_gold: int = 0
    findings_matched: int = 0
    findings_correct: int = 0
    findings_extra: int = 0
    # the topic set's finer labels, over matched findings: right / compared
    certainty: Score = field(default_factory=Score)
    comparator: Score = field(default_factory=Score)
    safety_gold: int = 0
    safety_correct: int = 0
    # the matched scorer: predicted findings (distinct statements) paired with none
    unpaired: int = 0
    predicted: int = 0
    errors: list[str] = field(default_factory=list)

    @property
    def design_accuracy(self) -> float:
        return self.design_correct / self.records if self.records else 1.0

    @property
    def population_accuracy(self) -> float:
        return self.population_correct / self.records if self.records else 1.0

    @property
    def direction_accuracy(self) -> float:
        """Correct directions over all gold findings (a missing finding is wrong)."""
        return self.findings_correct / self.findings_gold if self.findings_gold else 1.0

    @property
    def matched_direction_accuracy(self) -> float:
        """Correct directions over the gold findings that were found at all."""
        return self.findings_correct / self.findings_matched if self.findings_matched else 1.0

    def metrics(self) -> dict[str, float]:
        """Flat name -> value, the form the floor test and the bench print."""
        out: dict[str, float] = {}
        for dimension, score in self.scores.items():
            out[f"{dimension}.precision"] = score.precision
            out[f"{dimension}.recall"] = score.recall
            out[f"{dimension}.f1"] = score.f1
        out["design.accuracy"] = self.design_accuracy
        out["population.accuracy"] = self.population_accuracy
        out["finding.direction_accuracy"] = self.direction_accuracy
        out["finding.matched_direction_accuracy"] = self.matched_direction_accuracy
        out["finding.coverage"] = (
            self.findings_matched / self.findings_gold if self.findings_gold else 1.0
        )
        if self.certainty.tp + self.certainty.fp:
            out["finding.certainty_accuracy"] = self.certainty.precision
        if self.comparator.tp + self.comparator.fp:
            out["finding.comparator_accuracy"] = self.comparator.precision
        if self.safety_gold:
            out["finding.safety_accuracy"] = self.safety_correct / self.safety_gold
        if self.predicted:
            out["finding.paired_share"] = (self.predicted - self.unpaired) / self.predicted
        return out


def load_gold(path: Path) -> dict[int, GoldRecord]:
    """Read a gold file; raises InputError naming the file and record when malformed."""
    try:
        document: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
    except (OSError, yaml.YAMLError) as exc:
        raise InputError(f"{path}: cannot read gold labels ({exc})") from exc
    gold: dict[int, GoldRecord] = {}
    legacy = not (document or {}).get("certainty_is_not_direction", False)
    for index, entry in enumerate(document.get("records", []) if document else []):
        try:
            pmid = int(entry["pmid"])
            gold[pmid] = GoldRecord(
                pmid=pmid,
                labels={d: frozenset(entry.get(d) or ()) for d in LIST_DIMENSIONS},
                design=str(entry["design"]),
                population=str(entry["population"]),
                findings={
                    (f["intervention"], f.get("condition")): f["direction"]
                    for f in entry.get("findings") or ()
                },
                legacy=legacy,
            )
        except (KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}: record #{index + 1}: malformed entry ({exc})") from exc
    return gold


def load_topic_set(folder: Path, split: str) -> tuple[list[Path], dict[int, GoldRecord]]:
    """The record files and labels of one half (``dev``, ``test``, or ``all``) of the topic
    set: ``records/NNNNNNNN/{record.xml,gold.yaml}``, split by ``split.txt`` ("ID HALF" a
    line). Raises InputError naming the file when a label file is malformed."""
    halves: dict[str, str] = {}
    split_file = folder / "split.txt"
    if split_file.exists():
        for line in split_file.read_text(encoding="utf-8").splitlines():
            parts = line.split("#", 1)[0].split()
            if len(parts) == 2:
                halves[parts[0]] = parts[1]
    paths: list[Path] = []
    gold: dict[int, GoldRecord] = {}
    for record_dir in sorted((folder / "records").iterdir()):
        if not (record_dir / "gold.yaml").exists():
            continue
        if split != "all" and halves.get(record_dir.name) != split:
            continue
        path = record_dir / "gold.yaml"
        try:
            entry: Any = yaml.safe_load(path.read_text(encoding="utf-8"))
            record = topic_record(entry)
        except (OSError, yaml.YAMLError, KeyError, TypeError, ValueError) as exc:
            raise InputError(f"{path}: malformed labels ({exc})") from exc
        paths.append(record_dir / "record.xml")
        gold[record.pmid] = record
    return paths, gold


def topic_record(entry: Any) -> GoldRecord:
    """One topic-set label entry (a ``gold.yaml`` document) as a GoldRecord; raises KeyError,
    TypeError or ValueError when malformed (`load_topic_set` names the file)."""
    details: dict[tuple[str, str, str | None], GoldFinding] = {}
    every: dict[tuple[str, str, str | None], list[GoldFinding]] = {}
    for f in entry.get("findings") or ():
        kind = str(f.get("kind", "effect"))
        labels = GoldFinding(
            kind=kind,
            direction=str(f["direction"]),
            certainty=f.get("certainty"),
            comparator=f.get("comparator"),
            events=frozenset(f.get("events") or ()),
            seriousness=f.get("seriousness"),
        )
        key = (kind, f["intervention"], f.get("condition"))
        details.setdefault(key, labels)
        every.setdefault(key, []).append(labels)
    return GoldRecord(
        pmid=int(entry["pmid"]),
        labels={d: frozenset(entry.get(d) or ()) for d in LIST_DIMENSIONS},
        design=str(entry["design"]),
        population=str(entry["population"]),
        findings={(i, c): g.direction for (k, i, c), g in details.items() if k == "effect"},
        legacy=False,
        details=details,
        all_details={key: tuple(found) for key, found in every.items()},
    )


def labels_as_prediction(entry: Mapping[str, Any]) -> tuple[list[Tag], list[Finding]]:
    """One topic-set label entry (a ``gold.yaml``) as the tags and findings a tagger would
    give, so that a second labeller's labels can be scored against the first's with the same
    scorer (`bench/topic_agreement.py`). Raises InputError when the entry is malformed."""
    try:
        pmid = int(entry["pmid"])
        tags = [
            Tag(pmid, dimension, str(value), "label", "")
            for dimension in LIST_DIMENSIONS
            for value in entry.get(dimension) or ()
        ]
        tags += [
            Tag(pmid, "design", str(entry["design"]), "label", ""),
            Tag(pmid, "population", str(entry["population"]), "label", ""),
        ]
        findings = [
            Finding(
                pmid=pmid,
                intervention=str(f["intervention"]),
                condition=f.get("condition"),
                outcome=None,
                direction=f["direction"],
                design=str(entry["design"]),
                sentence=str(f.get("sentence") or ""),
                qualifiers=("low_certainty",) if f.get("certainty") == "hedged" else (),
                kind=f.get("kind", "effect"),
                comparator=f.get("comparator"),
                events=tuple(f.get("events") or ()),
                seriousness=f.get("seriousness"),
            )
            for f in entry.get("findings") or ()
        ]
    except (KeyError, TypeError, ValueError) as exc:
        raise InputError(f"labels of record {entry.get('pmid')!r}: malformed ({exc})") from exc
    return tags, findings


def legacy_direction(finding: Finding) -> str:
    """A finding's direction under the first labelling rules, where a hedged result (low
    certainty, "may", a pilot study) and a similar effect of two active treatments were
    `inconclusive` rather than a qualified direction or no benefit over the comparator."""
    if finding.direction in ("benefit", "no_benefit") and "low_certainty" in finding.qualifiers:
        return "inconclusive"
    if finding.direction == "no_benefit" and "similar_to_active" in finding.qualifiers:
        return "inconclusive"  # "similar but attributed to neither" was inconclusive there
    return finding.direction


def score_records(
    gold: Mapping[int, GoldRecord],
    predictions: Iterable[tuple[int, Sequence[Tag], Sequence[Finding]]],
    *,
    matched: bool = False,
) -> EvalReport:
    """Score predicted tags and findings (by PMID) against the gold labels.

    Records without a gold entry are skipped; gold records never predicted count as
    records with no tags at all. ``matched``: score every labelled finding of the topic
    set, paired one to one with the predicted ones (the module's docstring)."""
    report = EvalReport()
    seen: set[int] = set()
    for pmid, tags, findings in predictions:
        if pmid in gold and pmid not in seen:
            seen.add(pmid)
            _score_one(report, gold[pmid], tags, findings, matched=matched)
    for pmid in sorted(gold.keys() - seen):
        _score_one(report, gold[pmid], (), (), matched=matched)
    return report


def _score_one(
    report: EvalReport,
    gold: GoldRecord,
    tags: Sequence[Tag],
    findings: Sequence[Finding],
    *,
    matched: bool = False,
) -> None:
    report.records += 1
    for dimension in LIST_DIMENSIONS:
        predicted = {t.value for t in tags if t.dimension == dimension}
        if gold.legacy and dimension == "adverse_event":
            # labelled when nausea and vomiting were one event, nausea_vomiting
            predicted = {_LEGACY_EVENTS.get(v, v) for v in predicted}
        expected = gold.labels[dimension]
        score = report.scores[dimension]
        score.tp += len(predicted & expected)
        score.fp += len(predicted - expected)
        score.fn += len(expected - predicted)
        for value in sorted(predicted - expected):
            report.errors.append(f"{gold.pmid} {dimension}: extra {value}")
        for value in sorted(expected - predicted):
            report.errors.append(f"{gold.pmid} {dimension}: missing {value}")
    for dimension, expected_value in (("design", gold.design), ("population", gold.population)):
        found = next((t.value for t in tags if t.dimension == dimension), None)
        if found == expected_value:
            if dimension == "design":
                report.design_correct += 1
            else:
                report.population_correct += 1
        else:
            report.errors.append(f"{gold.pmid} {dimension}: {found} instead of {expected_value}")
    if not gold.legacy:
        if matched:
            _score_findings_matched(report, gold, findings)
        else:
            _score_findings(report, gold, findings)
        return
    first: dict[tuple[str, str | None], Finding] = {}
    for finding in findings:
        first.setdefault((finding.intervention, finding.condition), finding)
    for key, direction in gold.findings.items():
        report.findings_gold += 1
        predicted_finding = first.get(key)
        if predicted_finding is None:
            report.errors.append(f"{gold.pmid} finding {key}: missing ({direction})")
            continue
        report.findings_matched += 1
        found = legacy_direction(predicted_finding) if gold.legacy else predicted_finding.direction
        if found == direction:
            report.findings_correct += 1
        else:
            report.errors.append(
                f"{gold.pmid} finding {key}: {predicted_finding.direction} instead of "
                f"{direction}: {predicted_finding.sentence}"
            )
    for key in first.keys() - gold.findings.keys():
        report.findings_extra += 1
        report.errors.append(f"{gold.pmid} finding {key}: extra ({first[key].direction})")


def _pair(want: Sequence[GoldFinding], got: Sequence[Finding]) -> list[Finding | None]:
    """The predicted finding paired with each gold one (None: unpaired): first on the same
    comparator, in order, then the rest in order; each used once."""
    paired: list[Finding | None] = [None] * len(want)
    free = list(range(len(got)))
    for i, gold in enumerate(want):
        j = next((j for j in free if got[j].comparator == gold.comparator), None)
        if j is not None and gold.comparator is not None:
            paired[i] = got[j]
            free.remove(j)
    for i in range(len(want)):
        if paired[i] is None and free:
            paired[i] = got[free.pop(0)]
    return paired


def _score_findings_matched(
    report: EvalReport, gold: GoldRecord, findings: Sequence[Finding]
) -> None:
    """`_score_findings` over every labelled finding, paired one to one (`_pair`)."""
    ours: dict[tuple[str, str, str | None], list[Finding]] = {}
    for finding in findings:
        statements = ours.setdefault((finding.kind, finding.intervention, finding.condition), [])
        if all(
            (f.direction, f.comparator) != (finding.direction, finding.comparator)
            for f in statements
        ):
            statements.append(finding)
    for key, wanted in gold.all_details.items():
        got = ours.get(key, [])
        report.predicted += len(got)
        pairs = _pair(wanted, got)
        report.unpaired += len(got) - sum(p is not None for p in pairs)
        for want, found in zip(wanted, pairs, strict=True):
            _score_pair(report, gold.pmid, key, want, found)
    for key in ours.keys() - gold.all_details.keys():
        report.findings_extra += 1
        report.predicted += len(ours[key])
        report.unpaired += len(ours[key])
        report.errors.append(f"{gold.pmid} finding {key}: extra ({ours[key][0].direction})")


def _score_pair(
    report: EvalReport,
    pmid: int,
    key: tuple[str, str, str | None],
    want: GoldFinding,
    got: Finding | None,
) -> None:
    """Count one gold finding against the predicted finding paired with it (None: none)."""
    report.findings_gold += 1
    report.safety_gold += want.kind == "safety"
    if got is None:
        report.errors.append(f"{pmid} finding {key}: missing ({want.direction})")
        return
    report.findings_matched += 1
    if got.direction == want.direction:
        report.findings_correct += 1
        report.safety_correct += want.kind == "safety"
    else:
        report.errors.append(
            f"{pmid} finding {key}: {got.direction} instead of {want.direction}: {got.sentence}"
        )
    if want.kind == "effect" and want.certainty is not None:
        hedged = "low_certainty" in got.qualifiers
        right = hedged == (want.certainty == "hedged")
        report.certainty.tp += right
        report.certainty.fp += not right
    if want.kind == "effect" and want.comparator is not None:
        right = got.comparator == want.comparator
        report.comparator.tp += right
        report.comparator.fp += not right
        if not right:
            report.errors.append(
                f"{pmid} finding {key}: comparator {got.comparator} instead of "
                f"{want.comparator}: {got.sentence}"
            )


def _score_findings(report: EvalReport, gold: GoldRecord, findings: Sequence[Finding]) -> None:
    """The topic set's findings: matched by (kind, intervention, condition); direction over
    every gold finding, certainty and comparator over the matched effect findings."""
    first: dict[tuple[str, str, str | None], Finding] = {}
    for finding in findings:
        first.setdefault((finding.kind, finding.intervention, finding.condition), finding)
    for key, want in gold.details.items():
        _score_pair(report, gold.pmid, key, want, first.get(key))
    for key in first.keys() - gold.details.keys():
        report.findings_extra += 1
        report.errors.append(f"{gold.pmid} finding {key}: extra ({first[key].direction})")
