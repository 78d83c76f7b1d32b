"""The verdict rules by id, and the shared pieces every rule module uses (pure).

Claim-checking stage. `RULES` is the registry that docs/verdict-rules.md documents, one
section per id (a test checks that both list the same ids and labels). `Weighed` is one
record as a rule sees it (design, stance, weight, sentence); `build_verdict` turns the
rule's decision and its records into a `Verdict` with counts and citations.
"""

from __future__ import annotations

from collections.abc import Iterable, Sequence
from dataclasses import dataclass, field, replace
from typing import Literal

from evidence.claims.claim import (
    Citation,
    Claim,
    Grade,
    Kind,
    Stance,
    Verdict,
    VerdictLabel,
)
from evidence.claims.inputs import EvidenceRecord

__all__ = [
    "RULES",
    "Exclusions",
    "Rule",
    "SetAside",
    "Weighed",
    "any_of",
    "build_verdict",
    "label",
    "set_aside",
    "subject_of",
]


@dataclass(frozen=True, slots=True)
class Rule:
    """One rule: the kinds it applies to and the labels it can give (none: it routes)."""

    id: str
    kinds: tuple[Kind, ...]
    verdicts: tuple[VerdictLabel, ...]
    text: str


_EFFECT: tuple[Kind, ...] = ("effectiveness", "mechanism")
_USE: tuple[Kind, ...] = ("indication",)
_ALL: tuple[Kind, ...] = (
    "effectiveness",
    "indication",
    "mechanism",
    "safety",
    "adverse_effect",
    "coverage",
)

RULES: dict[str, Rule] = {
    r.id: r
    for r in (
        Rule("X1", _ALL, (), "retracted records, animal studies and protocols are set aside"),
        Rule("E1", _EFFECT, ("insufficient",), "no record states a result on the claim"),
        Rule("E2", _EFFECT, ("insufficient",), "only weak designs state a result"),
        Rule(
            "E3", _EFFECT, ("insufficient",), "every one of the strongest records is inconclusive"
        ),
        Rule("E4", _EFFECT, ("contradicted",), "the strongest records disagree with the claim"),
        Rule(
            "E5",
            _EFFECT,
            ("mixed",),
            "the strongest records point both ways, or most are inconclusive",
        ),
        Rule("E6", _EFFECT, ("mixed",), "the strongest records agree only in part"),
        Rule("E7", _EFFECT, ("supported",), "the strongest records agree with the claim"),
        Rule(
            "I1",
            _USE,
            ("insufficient",),
            "no guideline, practice survey or review of its use; trials do not decide",
        ),
        Rule("I2", _USE, ("contradicted",), "guidelines recommend against it, nothing for it"),
        Rule("I3", _USE, ("mixed",), "guidelines or surveys of use point both ways"),
        Rule("I4", _USE, ("mixed",), "only reviews describe its use"),
        Rule("I5", _USE, ("supported",), "a guideline recommends it or a survey reports its use"),
        Rule(
            "A1",
            ("adverse_effect",),
            ("supported", "contradicted"),
            "a survey, trial, cohort, case series or review reports the event",
        ),
        Rule("A2", ("adverse_effect",), ("mixed",), "only case reports report the event"),
        Rule("A3", ("adverse_effect",), ("insufficient",), "no record reports the event"),
        Rule(
            "S1",
            ("safety",),
            ("insufficient",),
            "no survey, trial or review counts harms; case reports only",
        ),
        Rule(
            "S2",
            ("safety",),
            ("contradicted",),
            "serious events or harm in most of the strongest records",
        ),
        Rule(
            "S3",
            ("safety",),
            ("mixed",),
            "serious events reported (a case report included) beside minor ones",
        ),
        Rule(
            "S4",
            ("safety",),
            ("supported",),
            "only minor events (or none) are reported, and no serious one",
        ),
        Rule(
            "V1",
            ("coverage",),
            ("supported", "mixed", "contradicted"),
            "the payer policy table has rows for the intervention",
        ),
        Rule("V2", ("coverage",), ("insufficient",), "only literature on coverage, no policy"),
        Rule("V3", ("coverage",), ("insufficient",), "neither a policy row nor literature"),
        Rule(
            "D1",
            ("definition", "mechanism"),
            ("contradicted",),
            "the claim conflicts with the reference definition",
        ),
        Rule(
            "D2",
            ("mechanism",),
            (),
            "a mechanism naming an outcome with findings is judged by E1-E7",
        ),
        Rule(
            "D3",
            ("definition", "mechanism"),
            ("not_assessable",),
            "no conflict with the reference definition; PubMed cannot check it",
        ),
    )
}


SetAside = Literal["retracted", "animal", "protocol"]


def set_aside(record: EvidenceRecord, design: str | None = None) -> SetAside | None:
    """Why rule X1 sets a record aside (retracted, an animal study, a protocol), or None
    when it counts; ``design`` is the one it is weighed with, by default the record's."""
    if record.is_retracted:
        return "retracted"
    if record.is_animal:
        return "animal"
    if (design or record.design) == "protocol":
        return "protocol"
    return None


@dataclass(frozen=True, slots=True)
class Exclusions:
    """Records that bore on the claim but were set aside (rule X1), by reason."""

    retracted: int = 0
    animal: int = 0
    protocol: int = 0

    def counted(self, reason: SetAside) -> Exclusions:
        """These exclusions and one more record set aside for ``reason``."""
        if reason == "retracted":
            return replace(self, retracted=self.retracted + 1)
        if reason == "animal":
            return replace(self, animal=self.animal + 1)
        return replace(self, protocol=self.protocol + 1)

    def note(self) -> str:
        """' (set aside: 1 retracted record, 2 animal studies)' or ''."""
        parts = []
        for n, one, many in (
            (self.retracted, "retracted record", "retracted records"),
            (self.animal, "animal study", "animal studies"),
            (self.protocol, "trial protocol", "trial protocols"),
        ):
            if n:
                parts.append(f"{n} {one if n == 1 else many}")
        return f" (set aside: {', '.join(parts)})" if parts else ""


@dataclass(frozen=True, slots=True)
class Weighed:
    """One record as a rule sees it for one claim. ``sentence`` is the record's own
    sentence that carries ``stance``; ``note`` says in plain words why the stance is what it
    is when the sentence alone does not show it."""

    record: EvidenceRecord
    design: str
    stance: Stance
    weight: float
    sentence: str | None
    qualifiers: frozenset[str] = frozenset()
    sample_size: int | None = None
    has_finding: bool = True
    events: frozenset[str] = field(default_factory=frozenset)
    note: str | None = None

    @property
    def year(self) -> int | None:
        return self.record.pub_year


# Ids whose words read badly once the underscores go.
_WORDS = {
    "nausea_vomiting": "nausea or vomiting",
    "post_needling_soreness": "post-needling soreness",
}


def label(value: str) -> str:
    """A vocabulary id as words: 'low_back_pain' -> 'low back pain'."""
    return _WORDS.get(value, value.replace("_", " "))


def _words(values: Sequence[str], joiner: str) -> str:
    names = [label(v) for v in values]
    if len(names) <= 1:
        return "".join(names)
    return ", ".join(names[:-1]) + f" {joiner} " + names[-1]


def any_of(values: Sequence[str], joiner: str = "or") -> str:
    """'trigger point therapy, dry needling or trigger point injection'."""
    return _words(values, joiner)


def subject_of(claim: Claim) -> str:
    """'trigger point therapy or dry needling for low back pain (outcome: pain)'."""
    text = _words(claim.intervention, "or")
    if claim.condition:
        text += " for " + _words(claim.condition, "or")
    if claim.outcome:
        text += f" (outcome: {_words(claim.outcome, 'or')})"
    return text


def build_verdict(
    claim: Claim,
    verdict: VerdictLabel,
    rule: str,
    summary: str,
    weighed: Iterable[Weighed],
    *,
    grade: Grade | None,
) -> Verdict:
    """The verdict with its counts and citations (heaviest first)."""
    if rule not in RULES or verdict not in RULES[rule].verdicts:
        raise ValueError(f"rule {rule} cannot give {verdict}")  # a bug, not an input error
    rows = sorted(weighed, key=lambda w: (-w.weight, w.record.pmid))
    citations = tuple(
        Citation(
            pmid=w.record.pmid,
            year=w.year,
            design=w.design,
            stance=w.stance,
            weight=w.weight,
            sentence=w.sentence,
            title=w.record.title,
            sample_size=w.sample_size,
            note=w.note,
        )
        for w in rows
    )
    return Verdict(
        claim=claim,
        verdict=verdict,
        grade=grade,
        rule=rule,
        summary=summary,
        n_articles=len(rows),
        n_supporting=sum(1 for w in rows if w.stance == "supports"),
        n_refuting=sum(1 for w in rows if w.stance == "refutes"),
        citations=citations,
    )
