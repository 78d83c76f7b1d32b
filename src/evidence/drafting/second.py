"""A second reading, by rule, of the sentences the drafter's first pass leaves out for want of
a cue ("no checkable statement found") or of a treatment of its own.

Each rule is a class of sentence that carries a claim without the words the first pass keys
on, read with the treatment in hand (the one the sentence names, else the heading's or the
sentence before's) and the conditions the sentence or its context names:

- ``result``: a study's result told of its people or groups, with no treatment word ("A
  small study tested massage in office workers with low back pain. Their pain grew less
  intense over six weeks."): an effectiveness claim, ``no_benefit`` when the groups did not
  differ or nothing changed;
- ``part``: a description of the treatment by one of its parts, or of the one who gives it
  handling a part ("The device looks a bit like a dentist's drill.", "The needles stay in
  while you lie still.", "Your therapist then slides the cups along the muscle."): a
  definition of the
  treatment in hand (not how long a session takes: a session's logistics are no claim);
- ``use``: a use in other words, a condition the sentence names managed or treated with a
  treatment it names, a referral for it, its place in the condition's care ("Plantar
  fasciitis can be managed with stretching and shockwave therapy.", "Your doctor may refer
  you for acupuncture if your knee osteoarthritis keeps you awake."): an indication of each
  treatment named for each condition named;
- ``effect``: an effect in lay words, a treatment the sentence names making the condition
  come less often, shorter or milder, or doing little more than something else ("Cupping
  may make low back pain flare up less often.", "Taping probably does little more than a
  plain bandage for knee osteoarthritis."): an effectiveness claim per condition.

`draft_claims` applies the rules named in `KEPT`; `bench/draft_second.py` measures each rule
alone on today's dev drafts and on each dev article's first-look draft.
"""

from __future__ import annotations

import re
from collections.abc import Collection, Sequence
from typing import TYPE_CHECKING

if TYPE_CHECKING:  # pragma: no cover - types only
    from evidence.drafting.drafter import DraftClaim, Reading

RULES = ("result", "part", "use", "effect")
# the rules `draft_claims` applies (see tests/eval/draft/README.md, round 8, for why)
KEPT: tuple[str, ...] = ("result", "part", "use", "effect")

# the reasons for leaving a sentence out that a second reading may overrule
_OPEN_REASONS = ("no checkable statement found", "not about an intervention in the vocabulary")

# a sentence that sets up a study: what was tested, compared, reviewed
_STUDY = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|review(?:ed)?|researchers?|experiments?|tested|compared|"
    r"randomi[sz]ed|pilot|sham|placebo|dummy)\b"
)
_PEOPLE = (
    r"(?:groups?|patients|people|participants|volunteers|subjects|adults|women|men|runners|"
    r"athletes|workers|players|children|students|veterans|sufferers|those|ones)"
)
# who the result is told of: a pronoun for the study's people, or a group of them
_RESULT_SUBJECT = re.compile(
    rf"^(?:(?:in|at|after|by|over) [^,]{{1,60}}, )?"
    rf"(?:their|they|those|both|neither|each|all|most|the (?:\w+ ){{0,3}}"
    rf"{_PEOPLE}\b|{_PEOPLE}\b|(?:\w+ ){{0,2}}{_PEOPLE} (?:who|with|given|in|on)\b)"
)
# what changed, or did not
_OUTCOME = re.compile(
    r"\b(?:less|fewer|lower|better|worse|improved|eased|dropped|fell|faded|(?:much )?the same|"
    r"similar|no different|differ(?:ed)?|changed?|recovered|healed)\b"
)
_NO_EFFECT = re.compile(
    r"\b(?:no|not|nor|never|neither|(?:much )?the same|similar|no different|no better|"
    r"didn't|did not|wasn't|weren't)\b|n't\b"
)

# a part of a treatment as the subject of a sentence that describes it (after an opening
# phrase and its comma: "For deeper tendons, the applicator ...")
_PART = (
    r"(?:device|machine|unit|tip|applicator|probe|sound head|head|wand|handpiece|needles?|"
    r"filaments?|cups?|gel|pulses?|electrodes?|pads?)"
)
_OPENING = r"(?:[^,]{1,40}, )?"
_PART_SUBJECT = re.compile(
    rf"^{_OPENING}(?:the|a|an|each|its|these|this|every|one|small|thin|tiny)\s+"
    rf"(?:[\w-]+\s+){{0,2}}{_PART}\b"
)
# or the one who gives the treatment handling one of its parts ("Your therapist then slides
# the cups along the muscle.")
_GIVER_SUBJECT = re.compile(
    rf"^{_OPENING}(?:the|your|a|an)\s+(?:[\w-]+\s+)?(?:practitioner|therapist|physio|"
    rf"physiotherapist|clinician|doctor|provider|acupuncturist|chiropractor)\b"
    rf"(?:(?!\byou\b).){{0,60}}\b{_PART}\b"
)
# a part sentence that is about the page or its people, not the treatment
# (nor how long it takes or how its parts are kept clean, which the claims files leave out
# as a session's logistics, nor what a part does for its risks, nor a teaser that promises
# the reason in the next sentence)
_NOT_DESCRIPTION = re.compile(
    r"\b(?:we|our|us|book|call|cost|price|\$|insurance|covered|appointment|minutes?|hours?|"
    r"lasts?|takes?|sterile|sterili[sz]ed|disposable|single-use|used only once|thrown away|"
    r"risks?|riskier|safer|safety|dangers?|for a reason|here's why)\b|\?$"
)


# a use told in other words than "used for" or "treats"
_USE = re.compile(
    r"\b(?:(?:can|may|might|could|is|are|often|usually|sometimes|commonly|be|been)\s+)+"
    r"(?:managed|treated|helped|eased|handled|tackled|addressed|relieved|settled)\s+"
    r"(?:\w+\s+)?(?:with|by|using|through)\b"
    r"|\brefers?\b.{0,20}\b(?:for|to)\b|\breferred\s+(?:for|to)\b"
    r"|\bha(?:s|ve) (?:a|an|its|their) (?:\w+ )?(?:place|role|part) in\b"
    r"|\bplays? (?:a|an) (?:\w+ )?(?:part|role) in\b"
)


# the treatment makes the condition (or its attacks) come less often, shorter or milder
_MAKES_LESS = re.compile(
    r"\b(?:make|makes|made|making)\b.{0,50}\b(?:less (?:often|frequent|intense|severe|bad)|"
    r"fewer|shorter|milder|weaker)\b"
)
# or does little more than something else
_LITTLE_MORE = re.compile(
    r"\b(?:does|do|did|doing|is|are|was|were)\s+(?:\w+\s+)?(?:little|no|nothing) more than\b"
)


def _is_open(reading: Reading) -> bool:
    reason = reading.reason
    return reason is not None and reason.startswith(_OPEN_REASONS)


def _result(reading: Reading, before: Sequence[Reading]) -> list[DraftClaim]:
    from evidence.drafting.drafter import DraftClaim

    lower = reading.sentence.lower()
    if not _RESULT_SUBJECT.match(lower) or not _OUTCOME.search(lower):
        return []
    # (a study set up in this sentence or in one of the two before it, in its paragraph)
    chain = [reading]
    for earlier in reversed(before[-2:]):
        if not chain[-1].follows:
            break
        chain.append(earlier)
    if not any(_STUDY.search(r.sentence.lower()) for r in chain):
        return []
    asserts = "no_benefit" if _NO_EFFECT.search(lower) else "benefit"
    base = DraftClaim(
        id="",
        text=reading.sentence,
        kind="effectiveness",
        intervention=reading.interventions,
        asserts=asserts,
        sentence=reading.sentence,
    )
    conditions = reading.conditions or reading.context
    if not conditions:
        return [base]
    return [
        DraftClaim(
            id="",
            text=reading.sentence,
            kind="effectiveness",
            intervention=reading.interventions,
            condition=(c,),
            asserts=asserts,
            sentence=reading.sentence,
        )
        for c in conditions
    ]


def _part(reading: Reading) -> list[DraftClaim]:
    from evidence.drafting.drafter import DraftClaim

    lower = reading.sentence.lower().strip()
    if not (_PART_SUBJECT.match(lower) or _GIVER_SUBJECT.match(lower)):
        return []
    if _NOT_DESCRIPTION.search(lower):
        return []
    if reading.conditions or reading.events:
        return []  # (what it is for or what it causes: not a description)
    return [
        DraftClaim(
            id="",
            text=reading.sentence,
            kind="definition",
            intervention=reading.interventions,
            asserts="true",
            sentence=reading.sentence,
        )
    ]


def _use(reading: Reading) -> list[DraftClaim]:
    from evidence.drafting.drafter import DraftClaim

    lower = reading.sentence.lower()
    conditions = reading.conditions
    if not conditions and re.match(r"(?:it|this|this condition|this problem)\b", lower):
        # ("It can be treated with massage and injections." under a heading on the condition)
        conditions = reading.context
    if not reading.named or not conditions or not _USE.search(lower):
        return []
    if _NO_EFFECT.search(lower) or "?" in lower:
        return []  # (not managed with it, or asked about)
    return [
        DraftClaim(
            id="",
            text=reading.sentence,
            kind="indication",
            intervention=(treatment,),
            condition=(condition,),
            asserts="benefit",
            sentence=reading.sentence,
        )
        for treatment in reading.named
        for condition in conditions
    ]


def _effect(reading: Reading) -> list[DraftClaim]:
    from evidence.drafting.drafter import DraftClaim

    lower = reading.sentence.lower()
    if "?" in lower:
        return []
    if _LITTLE_MORE.search(lower):
        asserts = "no_benefit"
    elif _MAKES_LESS.search(lower) and not _NO_EFFECT.search(lower):
        asserts = "benefit"
    else:
        return []
    conditions = reading.conditions or reading.context
    if not conditions:
        return []  # (less of what: the condition must be named here or in the heading)
    return [
        DraftClaim(
            id="",
            text=reading.sentence,
            kind="effectiveness",
            intervention=reading.named[:1] or reading.interventions,
            condition=(condition,),
            asserts=asserts,
            sentence=reading.sentence,
        )
        for condition in conditions
    ]


def reread(
    readings: Sequence[Reading], rules: Collection[str] = KEPT
) -> list[tuple[int, DraftClaim]]:
    """The claims the named rules draft from the sentences of ``readings`` (in article order)
    that the first pass left out for want of a cue or a treatment, each with the number of
    claims drafted before its sentence (where it goes)."""
    added: list[tuple[int, DraftClaim]] = []
    for i, reading in enumerate(readings):
        if not _is_open(reading) or not reading.interventions:
            continue
        made: list[DraftClaim] = []
        if "result" in rules:
            made = _result(reading, readings[max(0, i - 2) : i])
        if not made and "effect" in rules:
            made = _effect(reading)
        if not made and "use" in rules:
            made = _use(reading)
        if not made and "part" in rules:
            made = _part(reading)
        added.extend((reading.at, c) for c in made)
    return added
