"""Drafting stage, the drafter: an `Article` and the vocabulary to draft claims (pure).

Each paragraph is cut into sentences, and so is each list item, whose sentences are read
with the heading or lead-in line before it ("Conditions treated:" then "- migraine"); a bold
label opening an item ("**More blood flow.** ...") is left out like a heading, and a bare
line of a few words under a heading is an item. A sentence that sets two treatments side by
side (", while ...") is read in two parts. For each statement the vocabulary's own text
matcher (`Vocabulary.text_matcher`, the one tagging uses), helped by the lay terms of
`data/drafting/lay-terms.yaml` (`lay_terms`), finds the interventions, conditions, outcomes
and adverse events; `rules` decides the kinds and what they assert.

What a statement is about: the intervention it names first (with those joined to it by
"and"/"or"); else the topic, when it speaks of what the topic works on ("Trigger points
are ..." in an article on trigger point injections); else the intervention named last,
when it refers to one ("it", "the injection", "its side effects", "these studies"), names a
harm, is a list item, opens a section, or goes on in a paragraph about one. A heading or
label that names an intervention sets it for its section or item, one that names none goes
back to the topic; a "Yes, ..." or "No, ..." answer (or a hedged "Possibly.") asserts the
question before it. A page whose title names a condition and no treatment has no topic:
the uses, effects and coverage of the treatments it names are for that condition, and a
list of options ("It can be treated with A, B and C") is one indication per treatment.
Claims are numbered D01, D02, ... in article order.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Collection, Sequence
from dataclasses import dataclass, field, replace

from evidence.drafting import rules
from evidence.drafting import second as by_rule
from evidence.drafting.article import Article
from evidence.drafting.lay_terms import check_ids, load_lay_terms
from evidence.drafting.learned import ClaimModel, load_claim_model, sentence_features
from evidence.tagging.matching import Match
from evidence.tagging.vocabulary import Vocabulary

__all__ = [
    "Draft",
    "DraftClaim",
    "LeftOut",
    "Reading",
    "Statement",
    "draft_claims",
    "split_statements",
]

# outcomes that are not what an effectiveness claim measures
_NOT_EFFECT_OUTCOMES = frozenset({"adverse_events", "insurance_coverage", "cost"})
_ABBREVIATIONS = frozenset(
    {"e.g.", "i.e.", "etc.", "vs.", "dr.", "mr.", "mrs.", "ms.", "st.", "no.", "fig.",
     "approx.", "al.", "prof.", "inc.", "ltd.", "jr.", "sr."}
)  # fmt: skip
_BOUNDARY = re.compile(r"(?:(?<=[.!?])|(?<=[.!?][\"”’)]))\s+(?=[\"“(]?[A-Z0-9])")
_JOIN = re.compile(r"^(?:\s*(?:,|and|or|&|and/or|/)\s*)+$")
_LIST_SPLIT = re.compile(r"\s*(?:,|;|\band/or\b|\band\b|\bor\b|\bas well as\b)\s*")
_COVER_CONTRAINDICATION = (
    "who or where it must not be used: a contraindication, which the claim format has no kind for"
)
_WORD = re.compile(r"\b(?:covered|cover|insurance|reimburs)")
_CONTRAINDICATION = (
    "who or where it must not be used: a contraindication, which the claim format has no kind for"
)
_WORD = re.compile(r"[a-z][a-z'-]+")
# statements the golds leave out that the cues used to draft (round 10): how the treatment
# feels while it is given
_RATE = re.compile(r"\b\d+ (?:in|out of) (?:every )?\d+|\d+ ?(?:%|per ?cent)")
FELT_WHILE_GIVEN = "how the treatment feels while it is given: not a harm or a benefit"
# "tennis and golfer's elbow", "hip, knee and ankle pain": words sharing the last noun
_SHARED_HEAD = re.compile(
    r"\b(?P<items>[a-z][\w'-]*(?:,\s*[a-z][\w'-]*){0,4},?\s+(?:and|or|&|/)\s+[a-z][\w'-]*)"
    r"\s+(?P<head>pain|aches?|elbow|headaches?|injur(?:y|ies)|strains?|problems)\b"
)
_STOP = frozenset(
    {"the", "a", "an", "of", "in", "and", "or", "other", "many", "more", "some", "that",
     "which", "with", "for", "to", "such", "as", "like", "different", "various", "body",
     "conditions", "condition", "ailments", "problems", "pain", "pains", "etc", "lower",
     "left", "right", "upper", "chronic", "acute", "specific", "certain", "common"}
)  # fmt: skip


@dataclass(frozen=True, slots=True)
class Statement:
    """One sentence of a paragraph, or one list item with the line that introduces it."""

    sentence: str  # the article's own words
    lead: str | None = None  # the heading or lead-in line of a list item
    heading: bool = False  # the statement is a heading
    follows: bool = False  # a sentence after the first of its paragraph
    section: str | None = None  # the heading of the section the statement is in
    opens: bool = False  # a sentence of the first paragraph under a heading
    label: bool = False  # the bold label that opens a list item or paragraph
    clause: str | None = None  # the part of the sentence read, when it is read in parts
    labelled: str | None = None  # the bold label that opens the statement's item or paragraph
    # the headings above the statement's own section heading, outermost first ("## Dry
    # needling" above "### Who we see")
    outer: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class DraftClaim:
    """A drafted claim, in the fields of the claims file."""

    id: str
    text: str
    kind: str
    intervention: tuple[str, ...]
    asserts: str
    sentence: str
    condition: tuple[str, ...] = ()
    outcome: tuple[str, ...] = ()
    adverse_event: tuple[str, ...] = ()


@dataclass(frozen=True, slots=True)
class LeftOut:
    """A statement that is not drafted as a claim, and why."""

    sentence: str
    reason: str


@dataclass(slots=True)
class Reading:
    """What the drafter knew of one sentence it read (not a heading, label or answer), for
    the learned second reading (`evidence.drafting.learned`) and for training it."""

    sentence: str
    features: list[str]
    interventions: tuple[str, ...]  # named in the sentence, else the treatment in hand
    conditions: tuple[str, ...]  # named in the sentence
    events: tuple[str, ...]  # adverse events named in the sentence
    at: int  # how many claims were drafted before it (where its claims go)
    context: tuple[str, ...] = ()  # conditions its label, question, set-up or headings name
    reason: str | None = None  # why the rules left it out (None: they drafted a claim)
    follows: bool = False  # a sentence after the first of its paragraph
    named: tuple[str, ...] = ()  # every intervention the sentence names, in its order


# the reasons for leaving a sentence out that the learned reading may overrule: the rules
# found no cue in it, or no treatment (those they left out on a cue of their own, advice,
# marketing, an open matter, a comparison, a question, stay out)
READ_AGAIN = ("no checkable statement found", "not about an intervention in the vocabulary")


@dataclass(slots=True)
class Draft:
    """The claims drafted from one article, what was left out, and the unknown words."""

    title: str | None
    url: str | None
    claims: list[DraftClaim] = field(default_factory=list)
    left_out: list[LeftOut] = field(default_factory=list)
    unknown_terms: list[str] = field(default_factory=list)


def split_sentences(text: str) -> list[str]:
    """The sentences of a paragraph; common abbreviations do not end one."""
    out: list[str] = []
    start = 0
    for m in _BOUNDARY.finditer(text):
        before = text[start : m.start()].rsplit(None, 1)
        last = before[-1].lower() if before else ""
        # ("No. 5" is a number; "No. Like other ..." an answer and a new sentence)
        if last in _ABBREVIATIONS and not (last == "no." and not text[m.end() :][:1].isdigit()):
            continue
        out.append(text[start : m.start()].strip())
        start = m.end()
    rest = text[start:].strip()
    if rest:
        out.append(rest)
    return [s for s in out if s]


def split_statements(article: Article) -> list[Statement]:
    """The statements of an article in order: headings, sentences and list items."""
    out: list[Statement] = []
    lead: str | None = None
    section: str | None = None
    opening = False  # the next paragraph is the first under a heading
    label: str | None = None  # the label of the block that follows it
    stack: list[tuple[int, str]] = []  # the headings in force, with their levels
    outer: tuple[str, ...] = ()
    for block in article.blocks:
        labelled, label = label, None
        if block.kind == "heading":
            # a heading ends those of its level or deeper; the ones above it still hold
            level = block.level or 2
            while stack and stack[-1][0] >= level:
                stack.pop()
            outer = tuple(text for _, text in stack)
            stack.append((level, block.text))
            out.append(Statement(block.text, heading=True, outer=outer))
            lead = section = block.text
            opening = True
        elif block.kind == "label":
            out.append(Statement(block.text, label=True, section=section, outer=outer))
            label = block.text
        elif block.kind == "item":
            # an item of several sentences: each is a statement, read with the lead-in
            # (items with no lead-in after a paragraph go on with what it spoke of)
            after_text = lead is None and bool(out) and not out[-1].heading
            for i, sentence in enumerate(split_sentences(block.text)):
                out.append(
                    Statement(
                        sentence,
                        # (a table cell is read with its column's header)
                        lead=block.lead or lead,
                        section=section,
                        follows=i > 0 or after_text,
                        labelled=labelled,
                        outer=outer,
                    )
                )
            opening = False
        elif _bare_line(block.text) and out and (out[-1].heading or out[-1].lead is not None):
            # a line of a few words under a heading, not marked as a list ("<div>Tennis
            # elbow</div>"): an item of a list the heading introduces
            out.append(Statement(block.text, lead=lead, section=section, outer=outer))
            opening = False
        else:
            sentences = split_sentences(block.text)
            for i, sentence in enumerate(sentences):
                out.append(
                    Statement(
                        sentence,
                        follows=i > 0,
                        section=section,
                        opens=opening and section is not None,
                        labelled=labelled,
                        outer=outer,
                    )
                )
            opening = False
            # a paragraph that ends with ':' introduces the list after it
            lead = sentences[-1] if sentences and sentences[-1].endswith(":") else None
    return out


def _bare_line(text: str) -> bool:
    """A line of a few words with no sentence stop or colon: a list entry, not a sentence."""
    return len(text.split()) <= 5 and not re.search(r"[.!?:;]\s*$", text)


class _Found:
    """The vocabulary matches of one text, by dimension, with their spans."""

    def __init__(self, vocab: Vocabulary, text: str) -> None:
        matcher = vocab.text_matcher
        self.text = text
        self.lower = text.lower()
        self.by: dict[str, list[Match]] = (
            matcher.find(self.lower, text) if matcher is not None else {}
        )
        known = _known_ids(vocab)
        self.guessed: list[str] = []  # words read by a shortened-name guess
        lay = load_lay_terms()
        for reading in lay.phrases + lay.short_names:
            dimension, term, pattern = reading.dimension, reading.term, reading.pattern
            have = self.by.setdefault(dimension, [])
            for m in pattern.finditer(self.lower):
                if not any(x.start < m.end() and m.start() < x.end for x in have):
                    have.append(Match(dimension, term, m.start(), m.end()))
                    if reading in lay.short_names:
                        self.guessed.append(m.group())
            have.sort(key=lambda x: x.start)
        self._body_pain(known)
        self._shared_head(vocab, known)
        self._listed_pain(known)

    def _listed_pain(self, known: frozenset[tuple[str, str]]) -> None:
        """ "side effects such as bleeding, bruising and pain": plain pain listed among a
        treatment's harms is the soreness it leaves (post-needling soreness)."""
        term = "post_needling_soreness"
        if ("adverse_event", term) not in known:
            return
        have = self.by.setdefault("adverse_event", [])
        for cue in rules.HARM_LIST.finditer(self.lower):
            tail = re.split(r"[.;:!?]", self.lower[cue.end() :])[0]
            for m in re.finditer(r"\b(?:pain|soreness|aching|tenderness)\b", tail):
                start, end = cue.end() + m.start(), cue.end() + m.end()
                taken = self.by.get("condition", []) + have
                if not any(x.start < end and start < x.end for x in taken):
                    have.append(Match("adverse_event", term, start, end))
        have.sort(key=lambda x: x.start)

    def _body_pain(self, known: frozenset[tuple[str, str]]) -> None:
        """ "pain in the back, neck, arms or legs": a condition for each part that has one."""
        have = self.by.setdefault("condition", [])
        for series in rules.BODY_PAIN.finditer(self.lower):
            for part in re.finditer(r"(?:(?:lower|low|upper) )?[a-z]+", series.group(1)):
                term = load_lay_terms().body_parts.get(part.group())
                start, end = series.start(1) + part.start(), series.start(1) + part.end()
                if (
                    term is not None
                    and ("condition", term) in known
                    and not any(x.start < end and start < x.end for x in have)
                ):
                    have.append(Match("condition", term, start, end))
        have.sort(key=lambda x: x.start)

    def _shared_head(self, vocab: Vocabulary, known: frozenset[tuple[str, str]]) -> None:
        """ "tennis and golfer's elbow", "hip and knee pain", "neck and back pain": words
        joined by "and"/"or" that share the last noun; each is read with it ("tennis
        elbow", "hip pain", "back pain") and gives the condition that reading names, where
        the text does not name that condition there already."""
        matcher = vocab.text_matcher
        if matcher is None:
            return
        have = self.by.setdefault("condition", [])
        for m in _SHARED_HEAD.finditer(self.lower):
            head, base = m.group("head"), m.start("items")
            for w in re.finditer(r"[a-z][\w'-]*", m.group("items")):
                word = w.group()
                if word in ("and", "or"):
                    continue
                start, end = base + w.start(), base + w.end()
                phrase = f"{word} {head}"
                terms = [
                    x.term
                    for x in matcher.find(phrase, phrase).get("condition", [])
                    if x.start == 0 and x.end == len(phrase)
                ] + [
                    x.term
                    for x in load_lay_terms().phrases
                    if x.dimension == "condition" and x.pattern.fullmatch(phrase)
                ]
                for term in _unique(terms):
                    if not any(y.term == term and y.start < m.end() and m.start() < y.end
                               for y in have):  # fmt: skip
                        have.append(Match("condition", term, start, end))
        have.sort(key=lambda x: x.start)

    def get(self, dimension: str) -> list[Match]:
        return self.by.get(dimension, [])


_KNOWN: dict[int, tuple[Vocabulary, frozenset[tuple[str, str]]]] = {}


def _known_ids(vocab: Vocabulary) -> frozenset[tuple[str, str]]:
    """The (dimension, id) pairs of a vocabulary, worked out once per vocabulary (the cache
    holds the vocabulary itself, so its id cannot be reused by another)."""
    cached = _KNOWN.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        ids = frozenset((d, t.id) for d, terms in vocab.terms.items() for t in terms)
        # (every id of the lay terms must be one of the vocabulary's)
        check_ids(load_lay_terms(), ids)
        cached = _KNOWN[id(vocab)] = (vocab, ids)
    return cached[1]


def _unique(values: Sequence[str]) -> tuple[str, ...]:
    return tuple(dict.fromkeys(values))


def _subject(found: _Found, short_forms: dict[str, str]) -> list[tuple[str, int, int]]:
    """The intervention(s) a sentence is about: the first named, with those joined to it by
    'and'/'or'/','; a sentence that starts with a short form of the topic names the topic."""
    aside = rules.SET_ASIDE.match(found.lower)
    skip = aside.end() if aside else 0  # "Unlike acupuncture, ..." is not about acupuncture
    # "... if other treatments have not helped, including massage": earlier treatments
    earlier = rules.EARLIER_TREATMENTS.search(found.lower)
    stop = earlier.start() if earlier else len(found.lower)
    mentions = [
        (m.term, m.start, m.end)
        for m in found.get("intervention")
        if skip <= m.start < stop
        # "ultrasound-guided injections", "ultrasound imaging": a tool, not the treatment
        and not rules.GUIDANCE.match(found.lower[m.end :])
        # "a needle of the kind used in acupuncture": a likeness, not the subject
        and not rules.KIND_OF.search(found.lower[max(0, m.start - 40) : m.start])
        # "a massage therapist", "a massage ball", "24 massage modes": a person or a tool
        and not rules.PERSON_OR_TOOL_AFTER.match(found.lower[m.end :])
        # "so that you can stretch and exercise": a name used as a verb of what it allows
        and not rules.ALLOWED_ACT.search(found.lower[max(0, m.start - 50) : m.start])
        # "our chiropractic clinic", "a physiotherapy practice": a place, not the subject
        # (but "the massage group" of a trial is one of its arms)
        and not (
            rules.PLACE_AFTER.match(found.lower[m.end :])
            and not _TRIAL_ARM.match(found.lower[m.end :])
        )
    ]
    target = _target(found, short_forms)
    if target is not None and not any(s <= target[1] for _, s, _ in mentions):
        mentions.insert(0, target)
    if not mentions:
        return []
    chosen = [mentions[0]]
    for term, start, end in mentions[1:]:
        gap = found.lower[chosen[-1][2] : start]
        gap = re.sub(r"\b(?:points?|therapy|therapies|treatments?)\b", "", gap)
        if _JOIN.match(gap):
            chosen.append((term, start, end))
        else:
            break
    return chosen


def _target(found: _Found, short_forms: dict[str, str]) -> tuple[str, int, int] | None:
    """The topic, when the sentence's subject is a short form of its name: what the
    treatment works on ("Trigger points are ...", "A trigger point shows up as ...",
    "Left alone, these trigger points ...")."""
    lead = rules.SUBJECT_LEAD.match(found.lower)
    at = lead.end() if lead else 0
    for form, term in short_forms.items():
        if found.lower.startswith(form, at):
            rest = re.match(r"[\w-]*", found.lower[at + len(form) :])
            return (term, at, at + len(form) + (rest.end() if rest else 0))
    return None


_TREATMENT_WORD = re.compile(
    r"therapy|therapies|treatments?|injections?|infiltrations?|needling|massage|release|"
    r"compression|stimulation|taping|programm?e"
)


# "the massage group", "both dry needling groups": a trial's arm
_TRIAL_ARM = re.compile(r"\s+groups?\b(?!\s+(?:of|practice|clinic))")
# what a payer does, said of the sessions ("Up to 12 sessions are covered")
_PAID = re.compile(r"\b(?:covered|cover(?:s|ing)?|pa(?:y|ys|id) for|reimburs\w+)\b")
# "these problems", "such injuries": the conditions named just before
_CONDITION_ANAPHOR = re.compile(
    r"\b(?:these|those|such|both|all these|all of these) (?:\w+ )?(?:problems|conditions|"
    r"injuries|complaints|issues|disorders|ailments)\b"
)
# an answer that is only its answer word ("Yes.", "No!")
# a heading that tells the reader to do something ("6. Use heat", "Try a foam roller",
# "Book a massage"): one option of a list of things to try
_OTHER_OPTION = re.compile(
    r"^\s*(?:\d{1,2}[.):]\s*)?(?:try|use|book|get|take|apply|ask|stretch|move|roll|drink|rest|"
    r"sleep|switch|add|practi[cs]e|keep|avoid|consider|give|find|invest|grab|skip|warm|"
    r"cool|ice|heat|soak|breathe|walk|swim|lift|strengthen|sit|stand|change|eat|cut|massage)"
    r"\b",
    re.I,
)
# a knot in a muscle as a sentence's subject ("A knot in your neck can ...", "Muscle knots
# often ...", "Knots form when ...")
_KNOT_SUBJECT = re.compile(
    r"^(?:(?:a|the|one|your|muscle|tight|tender|stubborn) )*knots? (?:in (?:a |the |your )?"
    r"[\w-]+ )?(?:can|may|might|often|usually|tend|form|are|is|cause|send|make|feel|show)",
)
_AGAINST_ITSELF = re.compile(
    r"\b(?:recommends?|recommended|recommending|advises?|advised) against (?:it|its use|using it|"
    r"(?:the |this )?(?:treatment|therapy|procedure|device))\b(?! (?:if|for|in|during|when|"
    r"while|near|over|on|unless)\b)"
)
# an answer on harms whose subject is left out ("What side effects should I expect?" "Most
# are minor and short-lived.")
_ELIDED_HARM = re.compile(
    r"^(?:most|they|these|all|most of them|the majority|nearly all|almost all)\b[^.;]{0,30}?"
    r"\b(?:are|were|tend to be) (?:\w+ )?(?:minor|mild|rare|uncommon|short-lived|temporary|"
    r"brief)\b"
)
# who wrote a post or answers a question, on a line of its own ("Reply from PT_Jordan",
# "Posted by liftkid22", "Answered by Dr. Lee", "- Tom R.")
_BYLINE = re.compile(
    r"^\s*(?:(?:posted|written|answered|asked|replied|reviewed|updated)\s+(?:by|on)\b|"
    r"(?:reply|answer|response|comment|quote)\s+(?:from|by)\b|re:\s|"
    # ("elbowgrief wrote:", "DocMike (sports physician) wrote:")
    r"[\w.@-]+(?:\s+\([^)]{1,40}\))?\s+(?:wrote|writes|said|says|replied|replies|asked|"
    r"posted)\s*:?\s*$|[-—–]\s*[A-Z][\w.]*"
    r"(?:\s+[A-Z][\w.]*)?\s*$)[^!?]{0,40}$",
    re.I,
)
# a question that asks what a treatment is ("What is shockwave therapy?", "So what exactly
# are trigger point injections?"), and one that asks whom it suits ("Who is a good
# candidate?", "Is dry needling right for me?", "Who can benefit from it?")
_WHAT_IS = re.compile(r"^(?:so,? )?what (?:exactly )?(?:is|are)\b", re.I)
_WHO_FOR = re.compile(
    r"\b(?:(?:good|ideal|right|suitable) candidates?|who (?:is|are) (?:it|they|\w+(?: \w+)?) "
    r"for|who (?:can|could|may|might|should|would) (?:benefit|have|get|try|consider|use)|"
    r"(?:right|suitable|a good (?:fit|choice|option)) for me|who (?:is|are) (?:it|they) suitable|"
    # and what it is used for ("Do you needle shoulders as well?", "What conditions do you
    # treat with it?")
    r"^do you (?:also )?(?:treat|needle|use (?:it|\w+) (?:on|for)|see|offer (?:it|\w+) for|"
    r"work on)|"
    r"^what (?:conditions|problems|injuries|complaints) (?:do|can|does|is|are))",
    re.I,
)
_DISORDER_AFTER = re.compile(
    r"\s+(?:disorders?|diseases?|conditions?|tendenc(?:y|ies)|risk factors?)\b"
)
_COMPARATOR_BEFORE = re.compile(
    r"\b(?:than|compared (?:with|to)|instead of|rather than|versus|vs\.?|against|as well as)\s+"
    r"(?:[\w-]+,?\s+(?:or\s+|and\s+)?){0,3}$"
)
_SOME_USES = re.compile(
    r"\bfor (?:most|many|some|several|a lot of|other|certain) (?:\w+ )?(?:problems|conditions|"
    r"uses|complaints|things|injuries|ailments|disorders)\b"
)
_FELT_SENSATION = re.compile(
    r"\b(?:feel|feels|felt|feeling|notice|notices|noticed|sense|senses)\s+(?:a |an |the |some )?"
    r"(?:[\w-]+ ){0,2}?(?:twitch(?:es|ing)?|cramp|jump|flicker)"
)
_NAMED_AFTER = re.compile(
    r"^(?:this|that|it|doing (?:this|that)|the (?:technique|method|procedure|treatment|approach))"
    r" (?:is|'s|was) (?:also )?(?:called|known as|named|termed|referred to as)\b"
)
_CHAIN = re.compile(r"\b(?:which|that|and this|this|and that) (?:in turn|then|therefore)\b")
# a question on what a treatment is like or the same as ("Is dry needling just acupuncture
# under another name?", "Is cupping a kind of massage?")
_SAME_AS = re.compile(
    r"\b(?:just|simply|only|really|basically) (?:an?|the)?\s*\w|\bthe same (?:thing )?as\b|"
    r"\b(?:an?|one) (?:type|form|kind|sort|variety) of\b|\banother (?:name|word) for\b"
)
_BARE_ANSWER = re.compile(
    r"^\s*(?:(?:a|ans|answer)\s*[:.)-]\s*)?(?:yes|no|absolutely|definitely|certainly)\s*[.!]?\s*$",
    re.I,
)
# a payer's policy words, and the case a policy criterion attaches to them
_POLICY_WORD = re.compile(
    r"medically|covered (?:benefit|service)|benefit plan|prior|pre-?[- ]?(?:auth|appr)"
)
_CRITERION = re.compile(r"\b(?:if|unless|only when|only if|provided|as long as)\b")
# "the pain was lower", "my knee pain was almost gone": the pain of the condition named
# just before, said to be better
_PAIN_ANAPHOR = re.compile(
    r"(?:^|\b(?:the|my|your|their|his|her|our) )(?:[a-z]+ )?(?:pain|aches?|symptoms|attacks|"
    r"headaches|migraines)\b[^.;,]{0,40}?\b(?:down|gone|lower|better|reduced|improved|eased|"
    r"faded|dropped|less|milder|rarer)\b"
)
# an opening clause on what did not help ("When heel pain does not get better with rest, ...")
_FAILURE_FIRST = re.compile(
    r"(?:when|if|once|after|where)\b[^,]{0,80}\b(?:not|n't|fails?|failed)\b[^,]*,"
)
_BOTH = re.compile(
    r"\b(?:both|the two|these two|two|the pair of) (?:\w+ )?(?:treatments|therapies|techniques|"
    r"approaches|methods|modalities)\b"
)
_ELLIPSIS = re.compile(
    r"\b(?:does|do|did|will|is|are|would)(?: not|n't)?(?: \w+)?"
    # ("Most plans do not, so we offer package prices.")
    r"(?:\W*$|\s*[,;]\s*(?:so|but|and|though|although|which|for|in|with|if|when|as long as|"
    r"provided|under|after)\b)"
)
_OWN_RELIEF = re.compile(r"\b(?:body's own|its own|natural|built-in)\s+(?:pain\s+)?$")
_CONCESSION = re.compile(r"(?:,|;)\s*(?:although|though|but|yet|even though|however)\b")
_HEAD_WORD = re.compile(r"taping|tape|needling|cupping|lasers?|stimulation|stimulator")


def _head_words(terms: Sequence[str], vocab: Vocabulary) -> list[tuple[re.Pattern[str], str]]:
    """The head words of the names of the page's treatments (its topic, then those its title
    names) whose first words only qualify them ("taping" and "tape" of "kinesiology
    taping", "needling" of "dry needling"), as a sentence's subject: the treatment named
    short. A head word counts for the first treatment that has it."""
    out: list[tuple[re.Pattern[str], str]] = []
    taken: set[str] = set()
    for term in _unique(terms):
        heads = {
            words[-1]
            for synonym in vocab.term("intervention", term).synonyms
            if len(words := synonym.lower().split()) >= 2 and _HEAD_WORD.fullmatch(words[-1])
        } - taken
        if heads:
            taken |= heads
            alternatives = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
            out.append(
                (
                    re.compile(
                        rf"(?:the\s+)?(?:{alternatives})s?\b(?![\s-]+(?:gun|marks?))"
                        # ("Needling a tendon is ...": the gerund with its object)
                        r"(?:\s+(?:an?|the|each|your|their)\s+[\w-]+(?:\s+[\w-]+)?"
                        r"(?=\s+(?:is|are|was|were|can|may|might|could|will)\b))?"
                    ),
                    term,
                )
            )
    return out


def _specific(
    term: str,
    start: int,
    end: int,
    lower: str,
    last: tuple[str, ...],
    topic: str | None,
    vocab: Vocabulary,
) -> str:
    """A generic name with a definite article ("the massage", "the massage group") stands
    for the specific treatment named before whose name ends in it ("trigger point massage")
    and to which the generic one yields in the vocabulary."""
    if not re.search(r"\b(?:the|this|that|these|those)\s+$", lower[max(0, start - 8) : start]):
        return term
    word = lower[start:end]
    yields = vocab.term("intervention", term).yields_to
    for other in (*last, *([topic] if topic else [])):
        if other != term and other in yields:
            names = vocab.term("intervention", other).synonyms
            if any(n.lower().endswith(" " + word) for n in names):
                return other
    return term


def _topic(article: Article, vocab: Vocabulary) -> tuple[str | None, dict[str, str]]:
    """The article's topic intervention (named in the title, else named most) and its short
    forms: each of its synonyms less its last word ("trigger point" of "trigger point
    therapy"), when two words or more remain."""
    counts: Counter[str] = Counter()
    generic: Counter[str] = Counter()  # matches on a generic phrase ("massage")
    title_terms: list[str] = []
    for i, block in enumerate(article.blocks):
        found = _Found(vocab, block.text)
        terms = [m.term for m in found.get("intervention")]
        if i == 0 and block.kind == "heading":
            title_terms = terms
        for m in found.get("intervention"):
            # ("a massage therapist", "a massage ball": a person and a tool)
            if rules.PERSON_OR_TOOL_AFTER.match(found.lower[m.end :]):
                continue
            counts[m.term] += 1
            if found.lower[m.start : m.end] in vocab.term("intervention", m.term).generic:
                generic[m.term] += 1
    # a generic phrase on a page that names a term it yields to names that term (a bare
    # "massage" on a page about trigger point massage), as the vocabulary has it
    for term, n in generic.items():
        to = [t for t in vocab.term("intervention", term).yields_to if counts[t] > generic[t]]
        if to:
            counts[term] -= n
            counts[to[0]] += n
    if article.title and not title_terms:
        title_terms = [m.term for m in _Found(vocab, article.title).get("intervention")]
    if not title_terms and _page_condition(article, vocab) is not None:
        return None, {}  # a page on a condition: the treatments it names are no topic
    topic = title_terms[0] if title_terms else (counts.most_common(1)[0][0] if counts else None)
    forms: dict[str, str] = {}
    if topic is not None:
        for synonym in vocab.term("intervention", topic).synonyms:
            words = synonym.lower().split()
            # (only a treatment word dropped: "trigger point" of "trigger point therapy", not
            # "radial shock" of "radial shock wave")
            if len(words) >= 3 and _TREATMENT_WORD.fullmatch(words[-1]):
                forms[" ".join(words[:-1])] = topic
    return topic, forms


def _other_subject(lower: str) -> bool:
    """The sentence's subject, before its first verb, is some other treatment the
    vocabulary lacks ("Pain medicines and relaxation methods may help as well")."""
    verb = rules.FIRST_VERB.search(lower)
    head = lower[: verb.start()] if verb else ""
    return bool(rules.OTHER_TREATMENT.search(head))


# a sentence whose subject is a pronoun or "this treatment", up to its first verb
_PRONOUN_SUBJECT = re.compile(
    r"(?:it|they|(?:this|these|the|such|each) (?:treatment|therapy|technique|procedure|method|"
    r"injection|shot|session)s?)\s+(?:\w+ly\s+)?"
    r"(?:is|are|was|were|isn't|aren't|does|do|doesn't|don't|works?|can|may|differs?|"
    r"resembles?|has|have|aims?|helps?|targets?)\b"
)
# a comparison with nothing: its "no" negates no effect
_NO_TREATMENT = re.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?|than|with|against|over) (?:no|nothing)"
    r"(?: (?:treatment|therapy|intervention|care|massage|needling|injection))?\b"
)
_CONTRAST = re.compile(r"[,;]\s+(?:while|whereas)\s+")


def _contrasts(statements: list[Statement], vocab: Vocabulary) -> list[Statement]:
    """Statements with a sentence that sets two treatments side by side ("Acupuncture rests on
    meridian theory, while dry needling is guided by anatomy") read as two parts, each with
    its own subject; the claims of both quote the whole sentence."""
    out: list[Statement] = []
    for statement in statements:
        cut = None if statement.heading or statement.label else _CONTRAST.search(statement.sentence)
        if cut is not None:
            first = statement.sentence[: cut.start()]
            second = statement.sentence[cut.end() :]
            named = [_Found(vocab, part).get("intervention") for part in (first, second)]
            if all(named) and named[0][0].term != named[1][0].term:
                out.append(replace(statement, clause=first))
                out.append(replace(statement, clause=second, follows=True))
                continue
        out.append(statement)
    return out


def _listed_treatments(found: _Found, interventions: tuple[str, ...]) -> tuple[str, ...]:
    """The interventions of a list of treatment options ("It can be treated with exercise,
    massage and injections", "Treatments include ..."), each to be claimed on its own; ()
    when the sentence lists none."""
    cue = rules.TREATMENT_LIST.search(found.lower)
    if cue is None:
        return ()
    named = _unique(
        [
            m.term
            for m in found.get("intervention")
            if not rules.GUIDANCE.match(found.lower[m.end :])
        ]
    )
    return named if len(named) > 1 else ()


def _page_condition(article: Article, vocab: Vocabulary) -> str | None:
    """The condition a page is about, when its title names one and no intervention
    ("Myofascial Pain Syndrome", "Living with Plantar Fasciitis")."""
    title = article.title or next((b.text for b in article.blocks if b.kind == "heading"), None)
    if not title:
        return None
    found = _Found(vocab, title)
    if found.get("intervention"):
        return None
    conditions = [m.term for m in found.get("condition")]
    return conditions[0] if conditions else None


# a report of a trial and the people in it ("In one trial, 200 adults with chronic neck
# pain were assigned to ...")
_TRIAL = re.compile(
    r"\b(?:trials?|stud(?:y|ies)|randomi[sz]ed|assigned|enrolled|recruited|participants|"
    r"volunteers)\b"
)
_POPULATION = re.compile(
    r"\b(?:people|adults|patients|participants|women|men|children|athletes|volunteers|"
    r"subjects|runners|workers)\s+(?:[\w-]+\s+){0,3}?(?:with|who (?:have|had|suffer from)|"
    r"suffering from)\s+(?:[\w-]+\s+){0,3}?$"
)


def _population(found: _Found) -> str | None:
    """The one condition of the people a trial enrolled, named in a sentence that reports
    the trial."""
    if not _TRIAL.search(found.lower):
        return None
    named = _unique(
        [
            m.term
            for m in found.get("condition")
            if _POPULATION.search(found.lower[max(0, m.start - 60) : m.start])
        ]
    )
    return named[0] if len(named) == 1 else None


def _aside_defined(found: _Found) -> str | None:
    """The treatment a sentence sets aside and glosses ("Unlike acupuncture, which rests on
    meridian theory, ..."): its gloss says what it is."""
    aside = re.match(
        r"(?:unlike|like|compared (?:with|to)|as opposed to)\s+[\w-]+(?:\s+[\w-]+){0,3}?\s*,"
        r"\s*which\s+",
        found.lower,
    )
    if aside is None:
        # ("We also offer Western medical acupuncture, which keeps the classic points but
        # explains their effects with modern anatomy": a gloss of the treatment just named)
        which = re.search(r",\s*which\s+(?:\w+ly\s+)?(?:keeps|uses|combines|rests|relies|draws|"
                          r"explains|involves|means|borrows|blends|applies|targets|follows|"
                          r"comes|grew|has its roots)\b", found.lower)  # fmt: skip
        if which is None:
            return None
        named = [m for m in found.get("intervention") if m.end <= which.start()]
        gloss = found.lower[which.end() :]
        if (
            not named
            or found.lower[named[-1].end : which.start()].strip(" ,")
            or rules.EFFECT.search(gloss)
            or rules.AE_CUE.search(gloss)
            or rules.SAFETY.search(gloss)
        ):
            return None
        return named[-1].term
    gloss = found.lower[aside.end() :]
    named = [m for m in found.get("intervention") if m.end <= aside.end()]
    if len(named) != 1 or not rules.DEFINITION_VERB.match(gloss.split(",")[0]):
        return None
    return named[0].term


_ABBREVIATION = re.compile(r"\s*\(([A-Z][A-Za-z]{1,5})\)")


def _abbreviations(article: Article, vocab: Vocabulary) -> dict[str, str]:
    """Abbreviations the article gives a treatment the vocabulary names ("Interferential
    current therapy (IFC)"), when the vocabulary does not know them, each with the name."""
    out: dict[str, str] = {}
    for block in article.blocks:
        if "(" not in block.text:
            continue
        for m in _Found(vocab, block.text).get("intervention"):
            short = _ABBREVIATION.match(block.text, m.end)
            if short is None:
                continue
            abbreviation = short.group(1)
            if not _Found(vocab, abbreviation).get("intervention"):
                out.setdefault(abbreviation, block.text[m.start : m.end])
    return out


def _expand(text: str, short_names: dict[str, str]) -> str:
    """The text with each abbreviation the article gave a treatment read as its name."""
    for abbreviation, name in short_names.items():
        if abbreviation in text:
            text = re.sub(rf"(?<!\()\b{re.escape(abbreviation)}\b(?!\))", name, text)
    return text


def _section_condition(
    section: str | None, vocab: Vocabulary, cache: dict[str, str | None]
) -> str | None:
    """The one condition a section's heading names, if it names exactly one and is not the
    article's title block on harms or on whom it is not for."""
    if section is None:
        return None
    if section not in cache:
        found = _Found(vocab, section)
        named = _unique([m.term for m in found.get("condition")])
        harmful = _HARM_CONTEXT.search(found.lower) or rules.NOT_FOR.search(found.lower)
        cache[section] = named[0] if len(named) == 1 and not harmful else None
    return cache[section]


def _outer_condition(
    statement: Statement, title: str | None, vocab: Vocabulary, cache: dict[str, str | None]
) -> str | None:
    """The one condition a heading above the statement's section names ("## Knee
    osteoarthritis" above "### What laser therapy offers"), unless the section or a heading
    between is on harms or on whom it is not for; the title is the page's, not a section's."""
    if statement.section is None or not statement.outer:
        return None
    for heading in (statement.section, *reversed(statement.outer)):
        lower = heading.lower()
        if _HARM_CONTEXT.search(lower) or rules.NOT_FOR.search(lower) or heading == title:
            return None
        found = _section_condition(heading, vocab, cache)
        if found is not None:
            return found
    return None


def _fallback_condition(
    page_condition: str | None,
    statement: Statement,
    title: str | None,
    vocab: Vocabulary,
    cache: dict[str, str | None],
    population: str | None,
) -> tuple[str, ...]:
    """The condition a statement that names none is about: the page's one condition, else
    its section's (`_section_condition`), else a heading's above it (`_outer_condition`),
    else the population a sentence before set up; none when nothing names one."""
    found = (
        page_condition
        or _section_condition(statement.section, vocab, cache)
        or _outer_condition(statement, title, vocab, cache)
        or population
    )
    return (found,) if found else ()


def _conditions(found: _Found) -> list[str]:
    kept: list[str] = []
    # (a pronoun for the treatment counts as its name: "it did not help low back pain")
    named = [x.end for x in found.get("intervention")] + [
        m.end() for m in re.finditer(r"\b(?:it|they)\b", found.lower)
    ]
    for m in found.get("condition"):
        window_start = max(0, m.start - 60)
        prior = rules.PRIOR.search(found.lower[window_start : m.start])
        # (a failed back surgery is the prior failure itself; "kinesio taping did not reduce
        # X" is what the treatment did not do, not an earlier failure)
        if (
            prior
            and m.term != "failed_back_surgery_syndrome"
            and not any(0 <= window_start + prior.start() - end <= 25 for end in named)
        ):
            continue
        # "A eases B; this is a chronic pain condition": the second names what B is
        if kept and rules.GLOSS_OF_CONDITION.search(found.lower[max(0, m.start - 40) : m.start]):
            continue
        kept.append(m.term)
    return list(_unique(kept))


def _unknown_words(
    found: _Found, claimed: bool, short_forms: dict[str, str] | None = None
) -> list[str]:
    """Items of a listed series ("conditions like A, B and C") that the vocabulary does not
    match: words that may name a condition the vocabulary lacks."""
    if not claimed:
        return []
    spans = [(m.start, m.end) for ms in found.by.values() for m in ms]
    out: list[str] = []
    for cue in rules.CONDITION_LIST.finditer(found.lower):
        tail = found.lower[cue.end() :]
        tail = re.split(
            r"[.;:!?]|\b(?:that|which|who|because|when|but|by|to|do|does|did|is|are|was|were|"
            r"can|may|will|such)\b",
            tail,
        )[0]
        offset = cue.end()
        for piece in _LIST_SPLIT.split(tail):
            piece = piece.strip(" ()\"'")
            if not piece:
                continue
            at = found.lower.find(piece, offset)
            offset = at + len(piece) if at >= 0 else offset
            covered = at >= 0 and any(s < at + len(piece) and at < e for s, e in spans)
            words = [w for w in _WORD.findall(piece) if w not in _STOP]
            # (what the topic works on, "trigger points", is no missing term)
            if short_forms and any(form in piece for form in short_forms):
                continue
            if not covered and words and len(piece.split()) <= 4:
                out.append(piece)
    return out


@dataclass(slots=True)
class _State:
    last: tuple[str, ...] = ()  # the interventions named last
    events: set[str] = field(default_factory=set)  # harms claimed since the last heading
    resolved: bool = False  # the statement before was about an intervention
    outside: bool = False  # the statement before spoke of something outside the vocabulary
    target: str | None = None  # the topic, when the statement before described its target
    knots: str | None = None  # the topic, when the statement before named what it works on
    coverage: bool = False  # the statement before made a coverage claim
    named: tuple[str, ...] = ()  # the conditions the statement named
    listed: tuple[str, ...] = ()  # the conditions named by the items of the last list
    lead: str | None = None  # the lead-in line of those items
    population: str | None = None  # the condition of the trial reported in this section
    # what the last question asked of (its treatments, its conditions), for its answer,
    # until the next question, heading or label
    asked: tuple[tuple[str, ...], tuple[str, ...]] = ((), ())
    # the conditions a sentence of this paragraph set up without naming a treatment ("Many
    # patients ask us about migraines."), for the claims after it
    setup: tuple[str, ...] = ()
    mentions: bool = False  # the statement named an intervention
    # the last question asked what the treatment is (the first sentence of its answer says),
    # or whom it suits (its answer's conditions are uses)
    defining: bool = False
    suits: bool = False
    pays: bool = False  # the last question asked who pays ("Does insurance cover it?")
    harms: bool = False  # the last question asked about side effects or risks
    claims: list[DraftClaim] = field(default_factory=list)


def _claims_of(
    statement: Statement,
    interventions: tuple[str, ...],
    found: _Found,
    reading: str,
    labels: dict[str, str],
    seen_events: set[str] | None = None,
    on_target: bool = False,
    page_condition: tuple[str, ...] = (),
) -> list[DraftClaim]:
    """The claims one statement makes (ids left blank); ``reading`` is the lower-cased text
    the cues are read in (the sentence, or a list item's lead-in line and the item)."""
    out: list[DraftClaim] = []
    sentence = statement.sentence

    def add(kind: str, asserts: str, text: str = sentence, **ids: tuple[str, ...]) -> None:
        out.append(
            DraftClaim(
                id="",
                text=text,
                kind=kind,
                intervention=interventions,
                asserts=asserts,
                sentence=sentence,
                **ids,
            )
        )

    conditions = _conditions(found)
    # a condition named only inside the words of how it works ("they calm irritated
    # nerves") is what it works on, not what the statement says it is for
    working = [(m.start(), m.end()) for m in rules.MECHANISM.finditer(found.lower)]
    conditions = [
        c
        for c in conditions
        if not all(
            any(a <= m.start < b for a, b in working) for m in found.get("condition") if m.term == c
        )
    ]
    outcomes = [m.term for m in found.get("outcome") if m.term not in _NOT_EFFECT_OUTCOMES]
    # (a harm's word in a patient's disorder, "a bleeding disorder", is no harm of it)
    events = list(
        _unique(
            [
                m.term
                for m in found.get("adverse_event")
                if not _DISORDER_AFTER.match(found.lower[m.end :])
            ]
        )
    )
    # (a clause before ", but" when the treatment is named only after it, "No evidence shows
    # one of them works better than the others, but exercise is a key part of any plan",
    # says nothing of it: the claim is read in the clause after)
    but = re.search(r"[,;]\s*but\s", reading)
    if (
        but is not None
        and found.get("intervention")
        and statement.lead is None
        and reading == found.lower
        and all(m.start >= but.end() for m in found.get("intervention"))
    ):
        reading = reading[but.end() :]
    negated = bool(rules.NEGATION.search(reading))
    many = len(conditions) > 1

    def per_condition(text: str, condition: str) -> str:
        return f"{text} [{labels.get(condition, condition)}]" if many else text

    # adverse effects: one claim per event the statement says the treatment brings (not one
    # it says something eases: "to ease the soreness", "help the bruise fade")
    cued = bool(rules.AE_CUE.search(reading))
    if events and (cued or not conditions):
        for event in events:
            # a harm named again without a word of harm describes the one claimed before it
            if not cued and seen_events is not None and event in seen_events:
                continue
            m = next(x for x in found.get("adverse_event") if x.term == event)
            before = found.lower[max(0, m.start - 80) : m.start]
            window = max(0, m.start - 30)
            eased = rules.EASED.search(found.lower[window : m.start])
            at = window + eased.start() if eased else 0
            if eased and not rules.WITH_CARE.search(found.lower[max(0, at - 30) : at]):
                continue
            no = bool(rules.NEGATED_HARM.search(before))
            add(
                "adverse_effect",
                "does_not_occur" if no else "occurs",
                sentence if len(events) == 1 else f"{sentence} [{found.text[m.start : m.end]}]",
                adverse_event=(event,),
            )
    # a list item's lead-in gives it its harm, use or effect words, but the item itself must
    # say it is safe, covered or how it works ("Side effects are rare but include:" does
    # not make each listed harm a safety claim)
    own = found.lower
    named_conditions = bool(conditions)
    if not conditions and page_condition:
        # on a page about a condition, a treatment's use, effect or coverage is for it
        conditions = list(page_condition)
    # (a payer of the class is a coverage word too: "most carriers pay for it")
    payers = [m.group(0) for m in rules.PAYER.finditer(own)]
    # (a policy's words with no payer named and a case attached, "not medically necessary if
    # they have not eased your symptoms", are a criterion of the policy, not a claim)
    if payers and all(_POLICY_WORD.match(p) for p in payers) and _CRITERION.search(own):
        payers = []
    if payers and rules.COVERAGE_ACT.search(own):
        # what a payer covers, for each condition named ("plans cover it for X but not Y"
        # is read per sentence); the conditions are then the coverage's, not a use
        covers = "not_covered" if rules.NOT_COVERED.search(own) else "covered"
        if not conditions:
            add("coverage", covers)
        for condition in conditions:
            add("coverage", covers, per_condition(sentence, condition), condition=(condition,))
        return out
    safe_for = rules.SAFE_FOR.search(own)
    if safe_for and conditions and not rules.UNSAFE.search(own):
        # "a safe way of treating A, B and C": the treatment is safe for each; the sentence
        # says no more about what it does for them
        for condition in conditions:
            add("safety", "safe", per_condition(sentence, condition), condition=(condition,))
        conditions = []
    elif (
        rules.SAFETY.search(own)
        and not rules.UNSAFE.search(own)
        and not rules.TRAINED_SAFELY.search(own)
        and not _harm_is_subject(found, own)
    ):
        add("safety", "safe")
    against = rules.EVIDENCE_AGAINST.search(reading)
    # (a comparison that found nothing in its favour, "it did not relieve pain any better than
    # they did", says it did not work better: no benefit)
    # (not one option among several: "no evidence that one of them works better")
    comparison = bool(rules.COMPARISON.search(reading)) and (
        against is None or bool(re.search(r"\bone of (?:them|these|those|the)\b", reading))
    )
    # an effect word in a clause on earlier treatments ("who have not found relief from
    # pills") is not what the sentence says of this one: take the next effect word
    failure = _FAILURE_FIRST.match(reading)
    after_failure = failure.end() if failure else 0
    effects = [
        m for m in rules.EFFECT.finditer(reading)
        # ("When neck pain does not get better with rest, ...": a failure, then the claim)
        if m.start() >= after_failure
        and not rules.PRIOR_FAILURE.search(reading[max(0, m.start() - 90) : m.start()])
        # "recommended for easing pain": what it is for, not what it does
        and not rules.PURPOSE.search(reading[max(0, m.start() - 20) : m.start()])
        # "sets off the body's own pain relief": how it works
        and not _OWN_RELIEF.search(reading[max(0, m.start() - 25) : m.start()])
    ]  # fmt: skip
    effect = (
        (effects[0] if effects else None)
        or against
        or rules.HEALING.search(reading)
        or _strong(reading)
    )
    gain = _listed_gain(statement, found, bool(conditions or outcomes))
    effect = effect or gain
    # ("this calms inflammation and swelling, which in turn eases pain": the relief comes
    # through how it works, a mechanism)
    chain = _CHAIN.search(reading)
    if (
        effect is not None
        and chain is not None
        and effect.start() > chain.start()
        and rules.MECHANISM.search(reading[: chain.start()])
    ):
        effect = None
    # ("The heat loosens tight tissue and improves the circulation, which helps it heal":
    # with no condition named, a gain that comes only after how it works is a mechanism)
    result = rules.RESULT_CLAUSE.search(reading)
    if (
        effect is not None
        and result is not None
        and not named_conditions
        and against is None
        and reading == found.lower
        and _only_after(reading, result.start())
    ):
        effect = None
    if rules.USED_TO.search(reading) and conditions and not against:
        effect = None  # "is used to ease X": an indication, below
    # ("sometimes they fail to relieve it", "it does not work for everyone": a failure now
    # and then says nothing against it working)
    # ("This twitch is linked with less pain": the tissue's response, how it works)
    linked = rules.LINKED_RESPONSE.match(own)
    if linked:
        effect = against = None
    now_and_then = rules.SOMETIMES_FAILS.search(reading)
    if (
        effect
        and now_and_then
        and (against is None or now_and_then.start() <= against.start() < now_and_then.end())
    ):
        effect = against = None
    if effect and not comparison:
        asserts = (
            "no_benefit"
            if against or (negated and _negated_near(reading, effect.start()))
            else "benefit"
        )
        # "it may help, although a dummy treatment may do much the same": both ways
        verdicts = [asserts]
        if (
            against is not None
            and effects
            and effects[0].start() < against.start()
            and _CONCESSION.search(reading[effects[0].end() : against.start()])
            and not _negated_near(reading, effects[0].start())
        ):
            verdicts = ["benefit", "no_benefit"]
        # one claim per condition and per thing it improves ("pain relief and a better
        # range of motion", "relieve pain and speed healing")
        # (blood flow is how it works, not what it is for: a mechanism claim below)
        aims: list[tuple[str, ...]] = [(o,) for o in _unique(outcomes) if o != "blood_flow"]
        if rules.HEALING.search(reading) or (
            rules.FUNCTION.search(reading) and "range_of_motion" not in outcomes
        ):
            aims.append(())  # healing, moving or getting about: no outcome id
        if not aims:
            aims = [()]
        if conditions:
            # (a finding of no difference is one claim, whatever it measured: "no better off
            # for pain or disability"; gains are one claim each)
            if verdicts == ["no_benefit"]:
                aims = [_unique([o for aim in aims for o in aim])]
            for condition in conditions:
                for aim in aims:
                    for verdict in verdicts:
                        add("effectiveness", verdict, per_condition(sentence, condition),
                            condition=(condition,), outcome=aim)  # fmt: skip
        elif (
            # (a list item says for itself that it works: "- Hip bursitis" under "You may
            # benefit if you have:" names a use it lacks a word for, not a result)
            (_strong(own) if statement.lead is not None else _strong(reading))
            or against
            or rules.HEALING.search(own if statement.lead is not None else reading)
            # a list item that opens with what it does ("- Improves range of motion") or
            # names a gain under a heading on benefits ("- Less pain"), not under one on
            # how it works ("- Reduces substance P" under "How does it work?")
            or (
                statement.lead is not None
                and rules.EFFECT.match(own)
                and not rules.MECHANISM_CONTEXT.search(
                    f"{statement.section or ''} {statement.lead}".lower()
                )
            )
            or gain is not None
        ) and not (
            # ("for most problems the proof that it helps is thin": a verdict on some uses it
            # does not name, not on every use)
            asserts == "no_benefit" and _SOME_USES.search(reading)
        ):
            for aim in aims:
                add("effectiveness", asserts, outcome=aim)
    elif (
        (rules.INDICATION.search(reading) or rules.USUAL_CHOICE.search(reading))
        and conditions
        and not comparison
    ):
        for condition in conditions:
            add("indication", "benefit", per_condition(sentence, condition),
                condition=(condition,))  # fmt: skip
    mech_outcomes = _unique([o for o in outcomes if o != "pain"])
    # what the treatment works on drives each condition named after the opening phrase
    # ("In myofascial pain, trigger points set off pain ..." sets the scene, drives nothing)
    lead = rules.SUBJECT_LEAD.match(found.lower)
    opening = lead.end() if lead else 0
    driven = [m.term for m in found.get("condition") if m.start >= opening and m.term in conditions]
    if on_target and driven and rules.CAUSAL.search(reading) and not effect:
        for condition in _unique(driven):
            add("mechanism", "true", per_condition(sentence, condition),
                condition=(condition,), outcome=mech_outcomes)  # fmt: skip
        return out
    # (a twitch or cramp someone feels, "Most athletes feel a short twitch", is what it is
    # like, not how it works)
    felt = _FELT_SENSATION.search(own)
    working_words = [
        m
        for m in rules.MECHANISM.finditer(own)
        if not (felt and felt.start() <= m.start() < felt.end())
    ] + list(rules.LOAD_SHARED.finditer(own))
    if (
        linked
        or working_words
        or (
            # an item under "How does it work?" that says something (not "That lasts.")
            not out
            and statement.lead is not None
            and rules.MECHANISM_CONTEXT.search(
                f"{statement.section or ''} {statement.lead}".lower()
            )
            and len(own.split()) >= 3
        )
    ):
        # (a condition named inside the mechanism's own words, "calm irritated nerves", is
        # part of how it works, not what it is for)
        spans = [(m.start(), m.end()) for m in rules.MECHANISM.finditer(own)]
        inside = {m.term for m in found.get("condition") if any(a <= m.start < b for a, b in spans)}
        add(
            "mechanism",
            "true",
            condition=(
                tuple(c for c in conditions if c not in inside)
                if not effect and named_conditions
                else ()
            ),
            outcome=mech_outcomes,
        )
    return out


def _lead_names_use(lead: str) -> bool:
    """A lead-in line that names a use, not a result ("Athletes commonly use dry needling
    for:", "Conditions we treat with ultrasound")."""
    lower = lead.lower()
    return bool(
        re.search(r"\b(?:use|uses|used|treat|treats|treated|treating|prescribed?)\b", lower)
        and not rules.EFFECT.search(lower)
        and not _HARM_CONTEXT.search(lower)
    )


def _listed_gain(statement: Statement, found: _Found, named: bool) -> re.Match[str] | None:
    """A list item that names a gain ("- Less pain", "- Better range of motion") under a
    heading or lead-in line on what the treatment brings ("Benefits of dry needling",
    "Patients often notice:"), not on its harms."""
    if statement.lead is None:
        return None
    context = f"{statement.section or ''} {statement.lead}".lower()
    if (
        not (rules.BENEFIT_CONTEXT.search(context) or _lead_names_use(statement.lead))
        or re.search(
            r"\b(?:side[ -]effects?|adverse|risks?|complications?|harms?|dangers?|"
            r"reactions?|contraindicat\w+|cautions?|warnings?)\b",
            context,
        )
        or rules.NEGATION.search(context)
    ):
        return None
    gain = rules.BENEFIT_ITEM.match(found.lower)
    if gain is None or not (named or rules.BENEFIT_OBJECT.search(found.lower)):
        return None
    return gain


def _strong(reading: str) -> re.Match[str] | None:
    """The first word that says outright that it works, outside a clause on earlier
    treatments or a purpose ("recommended for easing pain")."""
    failure = _FAILURE_FIRST.match(reading)
    for m in rules.EFFECT_STRONG.finditer(reading):
        before = reading[max(0, m.start() - 90) : m.start()]
        if failure is not None and m.start() < failure.end():
            continue
        if (
            not rules.PRIOR_FAILURE.search(before)
            and not rules.PURPOSE.search(before)
            and not _OWN_RELIEF.search(before)
        ):
            return m
    return None


def _harm_is_subject(found: _Found, reading: str) -> bool:
    """'Bruising is usually harmless': the safety cue speaks of a named harm, not of the
    treatment, when the harm comes first and no intervention comes before it."""
    events = found.get("adverse_event")
    cue = rules.SAFETY.search(reading)
    if not events or cue is None:
        return False
    first = min(m.start for m in events)
    named = [m.start for m in found.get("intervention")]
    return first < cue.start() and not any(start < first for start in named)


def _negated_near(reading: str, cue: int) -> bool:
    """The effect word at ``cue`` is negated: a negation in the words just before it, or the
    word itself ("ineffective"); not a negation after it ("with no need for pills")."""
    before = reading[max(0, cue - 40) : cue]
    # ("Compared with no treatment, it reduced pain": the "no" is the comparison's)
    before = _NO_TREATMENT.sub("", before)
    word = re.match(r"[\w' ]{0,20}", reading[cue:])
    return bool(rules.NEGATION.search(before + (word.group() if word else "")))


def _is_definition(found: _Found, subject_end: int, subject_start: int) -> bool:
    if rules.COMPARISON.search(found.lower):
        return False
    after = found.lower[subject_end:]
    # "Trigger point injections (TPIs) are ...", "Shockwave therapy, or ESWT, is ...", in
    # either order ("extracorporeal shockwave" named, then "therapy (ESWT) is ...")
    for _ in range(2):
        after = re.sub(
            r"^\s*(?:\([^)]*\)|,\s*(?:or|aka|short for|which stands for|(?:\w+ )?(?:called|"
            r"known as|named|termed|referred to as))\s+[^,]{1,60},|"
            # a gloss between commas ("Cupping, an ancient practice from China, is ...")
            r",\s*(?:an?|the|one of the)\s+[^,]{1,60},(?=\s*(?:is|are|was|were)\b))",
            "",
            after,
        )
        after = re.sub(
            r"^\s*(?:points?|therapy|treatments?|remedies|units?|devices?|machines?|sessions?|"
            r"procedures?|techniques?|methods?)\b",
            "",
            after,
        )
    if rules.DEFINITION_VERB.search(after) or rules.DEFINITION_ORIGIN.match(after):
        return True
    return bool(rules.DEFINITION_START.match(found.lower[:subject_start]))


_SHIPPED = "shipped"


def draft_claims(
    article: Article,
    vocab: Vocabulary,
    *,
    model: ClaimModel | str | None = _SHIPPED,
    readings: list[Reading] | None = None,
    reread: Collection[str] = by_rule.KEPT,
) -> Draft:
    """Draft the claims of an article: one claim per checkable statement (and per condition
    of a listed series), the statements left out with their reason, and words of listed
    series that the vocabulary does not know.

    ``model`` reads again the sentences the rules left out (`evidence.drafting.learned`):
    the weights beside `evidence.drafting.learned` by default (the package ships none, so
    the rules alone), None for the rules alone. ``readings``, when given, is filled with
    what was known of each sentence read. ``reread`` names the rules of the second reading
    by rule (`evidence.drafting.second`) to apply to the sentences still left out."""
    if model == _SHIPPED:
        model = load_claim_model()
    draft = Draft(title=article.title, url=article.url)
    read: list[Reading] = [] if readings is None else readings
    topic, short_forms = _topic(article, vocab)
    title = article.title or next((b.text for b in article.blocks if b.kind == "heading"), "")
    short_names = _abbreviations(article, vocab)
    in_title = _unique([m.term for m in _Found(vocab, title).get("intervention")])
    heads = _head_words(([topic] if topic else []) + list(in_title), vocab)
    sections: dict[str, str | None] = {}
    page_condition = _page_condition(article, vocab) if topic is None else None
    labels = {t.id: t.label for t in vocab.terms.get("condition", ())}
    state = _State(last=(topic,) if topic else ())
    unknown: list[str] = []
    question: str | None = None  # the question just asked, for a "Yes, ..." answer
    statements = _contrasts(split_statements(article), vocab)
    parted = {s.sentence for s in statements if s.clause is not None}
    # a bare "Yes." answer's claims (where they start in state.claims, and the sentence),
    # until the next statement: when that sentence says the same, the answer is left out
    answer: tuple[int, str] | None = None
    previous: str | None = None  # the sentence of the statement before
    for statement in statements:
        sentence = statement.sentence
        before_this, previous = previous, sentence
        bare, answer = answer, None
        resolved, state.resolved = state.resolved, False
        outside, state.outside = state.outside, False
        prev_target, state.target = state.target, None
        prev_knots, state.knots = state.knots, None
        prev_coverage, state.coverage = state.coverage, False
        if short_forms and rules.TARGET_WORDS.search(sentence.lower()):
            state.knots = topic  # "... pressure on knots in the muscle. These knots ..."
        carried = False  # the intervention is only carried over from the sentence before
        if question is not None and _BYLINE.match(sentence):
            # ("Is it safe?" "Reply from PT_Jordan" "In trained hands, yes.": who answers
            # stands between a question and its answer)
            draft.left_out.append(LeftOut(sentence, "who wrote or answers: not a claim"))
            continue
        asked, question = question, (sentence if sentence.rstrip().endswith("?") else None)
        if asked is not None and rules.ANSWER.match(sentence.lower()):
            answered = _answer_claims(asked, sentence, vocab, short_forms, state, labels)
            if answered:
                if _BARE_ANSWER.match(sentence):
                    answer = (len(state.claims), sentence)
                state.claims.extend(answered)
                state.resolved = True  # (the answer's paragraph goes on about it)
                # (and of the conditions the answer names: "For plantar fasciitis, yes.
                # Several trials found it beat a sham.")
                named_here = _unique([c for a in answered for c in a.condition])
                if named_here:
                    state.asked = (state.asked[0], named_here)
                continue
        if not statement.follows:
            state.setup = ()  # (a set-up holds for the rest of its paragraph)
        if statement.label or statement.heading:
            state.asked = ((), ())
            state.defining = _asks_what(sentence, vocab, short_forms)
            state.suits = bool(_WHO_FOR.search(sentence))
            state.pays = _asks_pay(sentence)
            state.harms = bool(_HARM_CONTEXT.search(sentence.lower()))
            if sentence.rstrip().endswith("?") and (statement.heading or statement.label):
                # a question as a heading or label: its answer's conditions too ("## Can dry
                # needling help neck and back pain?")
                asked_found = _Found(vocab, sentence)
                state.asked = (
                    _unique([t for t, _, _ in _subject(asked_found, short_forms)]),
                    tuple(_conditions(asked_found)),
                )
        if statement.label:
            draft.left_out.append(LeftOut(sentence, "the label of a list item or paragraph"))
            # a label that names an intervention ("**Massage.** Your therapist may ...") is
            # what its item speaks of
            named = _subject(_Found(vocab, sentence), short_forms)
            # (and one that names none, "**Heat.**", is about something else)
            state.last = _unique([t for t, _, _ in named]) if named else ((topic,) if topic else ())
            # (the text it opens speaks of the treatment the label names, or of the treatment
            # in hand for the condition the label names: a table row "Plantar fasciitis |
            # Supports the arch and eases heel pain")
            state.resolved = bool(named) or bool(
                state.last and _Found(vocab, sentence).get("condition")
            )
            continue
        if statement.heading:
            draft.left_out.append(
                LeftOut(sentence, "the title" if sentence == article.title else "a heading")
            )
            # a heading that names an intervention is what the section under it speaks of
            named = _subject(_Found(vocab, sentence), short_forms)
            # (one that names none speaks of the treatment a heading above it names, "###
            # Who we see" under "## Dry needling"; else of the page's topic again, or of no
            # treatment)
            if not named and _OTHER_OPTION.match(sentence) and not sentence.rstrip().endswith("?"):
                # ("## 6. Use heat" in a list of things to try: about something else)
                state.last = ()
                state.events.clear()
                state.population = None
                continue
            if not named:
                named = next(
                    (
                        found_above
                        for above in reversed(statement.outer)
                        if above != article.title
                        and (found_above := _subject(_Found(vocab, above), short_forms))
                    ),
                    [],
                )
            state.last = _unique([t for t, _, _ in named]) if named else ((topic,) if topic else ())
            state.events.clear()
            state.population = None
            continue
        found = _Found(vocab, _expand(statement.clause or sentence, short_names))
        lower = found.lower
        read.append(_reading(statement, found, short_forms, state, sentence))
        if read[-1].interventions:
            # (the conditions its context names, for a sentence that names none)
            context = _unique(
                [m.term for m in _Found(vocab, statement.labelled or "").get("condition")]
            ) or (state.setup or state.asked[1])
            context = context or _fallback_condition(
                page_condition, statement, article.title, vocab, sections, state.population
            )
            read[-1].context = context
        defining, state.defining = state.defining, False  # (the answer's first sentence)
        pays, state.pays = state.pays, False
        prev_named, state.named = (
            state.named,
            _unique(
                [
                    m.term
                    for m in found.get("condition")
                    # (not one named only to compare with: "much as a tendon does in X")
                    if not rules.ASIDE_COMPARISON.search(found.lower[: m.start])
                ]
            ),
        )
        # ("Many patients ask us about migraines. Dry needling can help.": a sentence of the
        # paragraph that named conditions and no treatment sets up the claims after it; one
        # that names a treatment and conditions makes its own)
        if prev_named and statement.follows:
            state.setup = () if state.mentions else prev_named
        # (one that names what the treatment works on, "Headaches can be fed by trigger
        # points", says what those cause: no set-up)
        state.mentions = bool(found.get("intervention")) or (
            bool(short_forms) and _target_anywhere(found, short_forms) is not None
        )
        if statement.lead is not None:
            # (the conditions a list names, for "these conditions" after it)
            if statement.lead != state.lead:
                state.lead, state.listed = statement.lead, ()
            state.listed = _unique([*state.listed, *state.named])
        # "In one trial, adults with chronic neck pain were ...": the trial's condition
        population = _population(found)
        if population is not None:
            state.population = population
        if sentence.rstrip().endswith("?"):
            draft.left_out.append(LeftOut(sentence, "a question"))
            # what it asks of is what its answer speaks of ("Can shockwave therapy help with
            # tennis elbow?" then "Most of our patients notice less pain ..."; "Struggling
            # with a sore jaw? Massage ...")
            asked_of = _unique([t for t, _, _ in _subject(found, short_forms)])
            asked_about = tuple(_conditions(found))
            if asked_of or asked_about or not re.search(r"\b(?:it|they|them|this)\b", lower):
                # (one that names nothing, "Has anyone here had it?", asks of what the
                # question before it named)
                state.asked = (asked_of, asked_about)
            state.defining = _asks_what(sentence, vocab, short_forms)
            state.suits = bool(_WHO_FOR.search(sentence))
            state.pays = _asks_pay(sentence)
            state.harms = bool(_HARM_CONTEXT.search(sentence.lower()))
            if asked_of:
                state.last = asked_of
            continue
        if (
            rules.MARKETING.search(lower)
            and not (pays and rules.PAYER.search(lower))
            and (
                # ("At our clinic, ultrasound helps healing along": a claim in a clinic's voice)
                rules.CALL_TO_ACTION.search(lower)
                # (nor one that speaks of it as "this", "it": "Patients often get substantial
                # relief, and in our practice we find this most helpful")
                or not (
                    found.get("intervention")
                    or re.search(r"\b(?:it|this|they|these)\b", lower)
                    or rules.REFERENCE.search(lower)
                )
                or not (rules.EFFECT_STRONG.search(lower) or rules.SAFETY.search(lower))
            )
        ):
            draft.left_out.append(LeftOut(sentence, "marketing"))
            continue
        if rules.ADVICE_START.search(lower) or rules.ADVICE_START.search(_after_opening(lower)):
            # an instruction may still name harms as examples ("Call your doctor if you have
            # side effects such as bleeding"): those are adverse-effect claims
            harms = _harm_examples(found, sentence, state.last)
            if harms:
                state.claims.extend(harms)
            else:
                draft.left_out.append(LeftOut(sentence, "advice"))
            continue
        if rules.SELF_CARE.search(lower) and not found.get("intervention"):
            draft.left_out.append(LeftOut(sentence, "self-care advice, not about the treatment"))
            continue
        if rules.CARE_PROCESS.search(lower):
            draft.left_out.append(LeftOut(sentence, "what the care team will do: not a claim"))
            continue
        left_out_as = _not_about_it(found, lower, listed=statement.lead is not None)
        if left_out_as is not None:
            draft.left_out.append(LeftOut(sentence, left_out_as))
            continue
        if statement.lead is not None and rules.WARNING_LEAD.match(statement.lead.lower()):
            # ("Call the clinic if:" "- a bruise keeps growing": a sign to act on)
            draft.left_out.append(LeftOut(sentence, "a warning sign to act on, not a claim"))
            continue
        if (
            rules.CONTRAINDICATION.search(lower)
            # (a guideline against the treatment itself is evidence against it)
            and not _AGAINST_ITSELF.search(lower)
        ) or (
            # an item under "We will not use it:" names whom or where it is not for
            statement.lead is not None
            and (
                rules.NOT_FOR.search(statement.lead.lower())
                # (or under a heading that asks or says who may not have it)
                or rules.NOT_FOR.search((statement.section or "").lower())
            )
            # (a harm it names is still claimed: "... since bruising is then more likely")
            and not (found.get("adverse_event") and rules.AE_CUE.search(lower))
        ):
            draft.left_out.append(LeftOut(sentence, _CONTRAINDICATION))
            continue
        if rules.UNDECIDED.search(lower):
            draft.left_out.append(
                LeftOut(sentence, "an indirect question or an open matter: asserts nothing")
            )
            # (a question told as asked still names what the next sentence speaks of:
            # "Visitors ask whether dry needling and acupuncture differ. In both, ...")
            if rules.ASKED.search(lower):
                named = _subject(found, short_forms)
                if named:
                    state.last = _unique([t for t, _, _ in named])
                    state.resolved = True
            continue
        subject = _subject(found, short_forms)
        if not subject and heads:
            # "Taping is often used for ..." on a page about kinesiology taping
            # (after an opening phrase too: "According to current research, needling ...")
            opening = rules.SUBJECT_LEAD.match(lower)
            phrase = re.match(r"[^,]{0,40},\s*", lower)
            starts = _unique(
                [str(opening.end() if opening else 0), str(phrase.end() if phrase else 0)]
            )
            for pattern, term in heads:
                head = next(
                    (h for at in starts if (h := pattern.match(lower, int(at))) is not None),
                    None,
                )
                if head is not None:
                    subject = [(term, head.start(), head.end())]
                    break
        elif subject and heads:
            # ("We use taping for knee pain, alongside exercises": the topic named short
            # before another treatment is named is what the sentence is about)
            set_aside = rules.SET_ASIDE.match(lower)
            for pattern, term in heads:
                head = next(
                    (
                        h
                        for h in re.finditer(rf"\b{pattern.pattern}", lower[: subject[0][1]])
                        if not (set_aside and h.start() < set_aside.end())
                        # (the bare word: "the stimulation is stronger than in acupuncture"
                        # sets the two side by side)
                        and not h.group().startswith("the")
                    ),
                    None,
                )
                if head is not None and term not in [t for t, _, _ in subject]:
                    subject = [(term, head.start(), head.end())]
                    break
        # "the massage" after "trigger point massage": the treatment named in full before
        subject = [
            (_specific(t, a, b, lower, state.last, topic, vocab), a, b) for t, a, b in subject
        ]
        if (
            subject
            and state.last
            and _COMPARATOR_BEFORE.search(lower[: subject[0][1]])
            and re.search(r"\b(?:it|they|this)\b", lower[: subject[0][1]])
        ):
            # ("They found no proof that it works better than splints, exercises or pills": a
            # treatment named as what "it" is set against is not the subject)
            subject = []
        pronoun = _PRONOUN_SUBJECT.match(lower)
        if pronoun and subject and subject[0][1] >= pronoun.end() and state.last:
            # "It is not acupuncture.", "It works well with massage": the pronoun is the
            # subject, and the treatment named after its verb is what it is set against
            subject = []
        reading = lower
        if statement.lead is not None:
            reading = f"{statement.lead.lower()} {lower}"
            lead_found = _Found(vocab, statement.lead)
            # an item that opens with what it does ("- Reduces soreness after exercise") has
            # the lead-in's subject, not a treatment it names further on
            if not subject or rules.EFFECT.match(lower) or rules.MECHANISM.match(lower):
                subject = _subject(lead_found, short_forms)
        interventions = _unique([t for t, _, _ in subject])
        interventions_named = bool(interventions)
        referred = bool(
            rules.PRONOUN.search(lower)
            or rules.REFERENCE.search(lower)
            or _head_reference(vocab).search(lower)
        )
        anywhere = (
            _target_anywhere(found, short_forms) if not interventions and not referred else None
        )
        if (
            anywhere is None
            and topic is not None
            and any(rules.TARGET_WORDS.search(form) for form in short_forms)
            and not interventions
            and _KNOT_SUBJECT.match(lower)
        ):
            # ("A knot in your neck can show up as a headache behind your eye": a knot, the
            # lay word for what the topic works on, as the subject describes it)
            anywhere = topic
        if (
            anywhere is None
            and not interventions
            and statement.follows
            and (prev_target or prev_knots) is not None
            and (
                rules.TARGET_ANAPHOR.match(lower)
                # "They can send pain elsewhere" after a sentence describing trigger points
                or (prev_target is not None and re.match(r"(?:they|these)\b", lower))
                # ("It can make turning your head painful": what the one described does)
                or (prev_target is not None and rules.TARGET_PRONOUN.match(lower))
            )
        ):
            # "Such a band ...", "These knots ..." after trigger points or knots
            anywhere = prev_target or prev_knots
        if anywhere is not None:
            # what the treatment works on, named anywhere: the sentence is about the topic
            interventions = (anywhere,)
        if not interventions and (
            referred
            or found.get("adverse_event")
            or statement.lead is not None
            # a paragraph goes on about the treatment its sentence before was about
            or (statement.follows and resolved)
            # (and the text a label opens, when the label names the treatment or a condition)
            or (statement.labelled is not None and resolved)
            # the first paragraph under a heading speaks of the section's treatment
            or (statement.opens and not statement.follows)
            # (and the answer to a question that named it, unless the sentence names another
            # treatment: "... you may need physical therapy to reduce pain")
            or (bool(state.asked[0]) and not rules.OTHER_TREATMENT.search(lower))
            or (state.harms and _ELIDED_HARM.match(lower) is not None)
        ):
            carried = not (referred or found.get("adverse_event") or statement.lead is not None)
            interventions = _referent(lower, state.last, topic, vocab)
            # (the medicine it puts in is no other treatment: "The medicine is a ...")
            if carried and _other_subject(lower) and not rules.DEFINITION_CONTENT.match(lower):
                interventions = ()  # "Pain medicines and rest may help as well."
        if (
            not interventions_named
            and anywhere is None
            and statement.follows
            and outside
            and rules.BARE_PRONOUN.match(lower)
            and not rules.REFERENCE_NOUN.search(lower)
        ):
            interventions = ()  # "they": what the sentence before spoke of
        # "Up to 12 sessions are covered in 90 days" after a sentence on what a payer covers
        continued = bool(
            # (or the answer to a question on who pays: "Does insurance cover it?" "Most
            # plans do not.")
            ((prev_coverage and statement.follows) or pays)
            and (
                _PAID.search(lower)
                # "Medicare generally does not."
                or (rules.PAYER.search(lower) and _ELLIPSIS.search(lower))
            )
        )
        if continued and not interventions:
            interventions = state.last
        if not interventions and len(in_title) >= 2 and _BOTH.search(lower):
            # "the two treatments", "both therapies" on a page whose title names two
            interventions = in_title
        if not interventions:
            reason = (
                "advice" if rules.ADVICE.search(lower)
                else "not about an intervention in the vocabulary"
            )  # fmt: skip
            draft.left_out.append(LeftOut(sentence, reason))
            state.outside = True
            continue
        naming = _NAMED_AFTER.match(lower)
        named_here = (
            _unique([m.term for m in found.get("intervention") if m.start >= naming.end()])
            if naming is not None
            else ()
        )
        if before_this is not None and statement.follows and named_here:
            # ("For some people, simply putting a needle into the trigger point is enough.
            # This is called dry needling.": the sentence before spoke of what this one names)
            interventions = named_here
            state.claims = [
                replace(c, intervention=named_here) if c.sentence == before_this else c
                for c in state.claims
            ]
        state.last = interventions
        state.resolved = True
        target = _target(found, short_forms)
        on_target = (
            target is not None
            and ((bool(subject) and subject[0] == target) or not interventions_named)
        ) or anywhere is not None
        if on_target:
            state.target = interventions[0]
        listed = _listed_treatments(found, interventions)
        # a section headed by one condition ("Dry needling for plantar fasciitis", "Does
        # ultrasound help heel pain?") speaks of it where a sentence names none
        # ("... for these problems": the conditions of the sentence before)
        before = (prev_named or state.listed) if _CONDITION_ANAPHOR.search(lower) else ()
        # ("I went for it for neck pain. By the third visit the pain was much lower": the
        # one condition of the sentence before)
        if not before and len(prev_named) == 1 and _PAIN_ANAPHOR.search(lower):
            before = prev_named
        # ("**Tennis elbow:** shockwave can reduce pain ...": the label's condition)
        if not before and statement.labelled:
            before = _unique([m.term for m in _Found(vocab, statement.labelled).get("condition")])
        # (the conditions a question or a set-up sentence before named)
        if not before:
            before = (state.setup if interventions_named else ()) or state.asked[1]
        about = before or _fallback_condition(
            page_condition, statement, article.title, vocab, sections, state.population
        )
        claims = [
            claim
            for group in ([(t,) for t in listed] if listed else [interventions])
            for claim in _claims_of(
                statement, group, found, reading, labels, state.events, on_target, about
            )
        ]
        if (
            statement.lead is not None
            and _lead_names_use(statement.lead)
            and not sentence.rstrip().endswith((".", "!"))
            and len(sentence.split()) <= 10
        ):
            # short items under "Athletes use dry needling for:" are uses, whatever they name
            # (a full sentence in an item says for itself what it claims)
            claims = [
                replace(c, kind="indication") if c.kind == "effectiveness" else c for c in claims
            ]
        if listed:
            # options listed for a condition name their uses, not what each achieves
            claims = [
                replace(c, kind="indication") if c.kind == "effectiveness" else c for c in claims
            ]
        if continued and not any(c.kind == "coverage" for c in claims):
            claims = [
                DraftClaim(
                    id="",
                    text=sentence,
                    kind="coverage",
                    intervention=interventions,
                    asserts=(
                        "not_covered"
                        if rules.NOT_COVERED.search(lower)
                        # ("Medicare generally does not.")
                        or (_ELLIPSIS.search(lower) and re.search(r"\b(?:not|never)\b|n't", lower))
                        else "covered"
                    ),
                    sentence=sentence,
                )
            ]
        state.coverage = any(c.kind == "coverage" for c in claims)
        state.events.update(e for c in claims for e in c.adverse_event)
        if (
            (
                subject
                and (
                    _is_definition(found, subject[-1][2], subject[0][1])
                    # what the treatment works on, where it sits, what it causes: the seed's
                    # convention reads these as definitions of the treatment
                    # (not a sentence that opens on a condition, "When a steroid is
                    # used, the skin ...": what may follow the treatment, not what it is)
                    or (on_target and not claims and not re.match(r"(?:when|if|unless)\b", lower))
                )
            )
            or _defines_unnamed(found, short_forms, interventions_named)
            or (
                anywhere is not None
                and not claims
                and (
                    _target_in_subject(found, short_forms)
                    or rules.TARGET_ANAPHOR.match(lower)
                    or _KNOT_SUBJECT.match(lower)
                    or (prev_target is not None and re.match(r"(?:they|these)\b", lower))
                    or (prev_target is not None and rules.TARGET_PRONOUN.match(lower))
                )
            )
        ):
            claims.insert(
                0,
                _definition(sentence, interventions),
            )
        act_aim = (
            rules.GIVEN_AIM.search(lower) if any(c.kind == "definition" for c in claims) else None
        )
        if act_aim is not None:
            # ("a treatment in which a needle is passed through the skin to stimulate the
            # nerves": what the act is for belongs to the definition of how it is given)
            at = act_aim.start("aim")
            claims = [c for c in claims if not _aim_of_act(c, lower, at, act_aim.end("aim"))]
        aside = _aside_defined(found)
        if aside and (
            aside not in interventions or not any(c.kind == "definition" for c in claims)
        ):
            # "Unlike acupuncture, which rests on meridians, dry needling ...": the treatment
            # set aside is defined too
            claims.append(_definition(sentence, (aside,)))
        if not claims and statement.lead is not None:
            claims = _listed_conditions(statement, interventions, found, labels)
        if (
            not claims
            and statement.lead is not None
            and interventions_named
            and about
            and _OPTIONS_LEAD.search(statement.lead.lower())
            and len(sentence.split()) <= 8
        ):
            # "- Shockwave therapy" under "### Treatment options" in a section on plantar
            # fasciitis: the treatment is one used for it
            claims = _indications(sentence, interventions, about, labels)
        if (
            not claims
            and statement.lead is not None
            and not sentence.rstrip().endswith(":")
            and rules.DEFINITION_CONTEXT.search(
                f"{statement.section or ''} {statement.lead}".lower()
            )
        ):
            # an item under "What is injected?" or "The mixture contains:" says what it is
            claims = [_definition(sentence, interventions)]
        if (
            statement.lead is not None
            and _lists_conditions(statement.lead)
            # (not a gain or a "no ...": "- Improved mobility", "- No downtime")
            and not re.match(r"no\b", lower)
            and not rules.BENEFIT_ITEM.match(lower)
            and not rules.EFFECT.match(lower)
        ):
            unknown.extend(_unknown_items(found))
        if (
            defining
            and not claims
            and not sentence.rstrip().endswith(":")
            and (interventions_named or referred or not statement.follows)
        ):
            # ("What is shockwave therapy?" "It sends sound waves carrying high energy into
            # sore tendons.": the answer says what it is)
            claims = [_definition(sentence, interventions)]
        if (
            state.harms
            and _ELIDED_HARM.match(lower)
            and not rules.UNSAFE.search(lower)
            and not any(c.kind == "safety" for c in claims)
        ):
            # ("What side effects should I expect?" "Most are minor and short-lived.")
            claims.append(
                DraftClaim(
                    id="",
                    text=sentence,
                    kind="safety",
                    intervention=interventions,
                    asserts="safe",
                    sentence=sentence,
                )
            )
        if state.suits and not any(c.kind in ("effectiveness", "indication") for c in claims):
            # ("Who is a good candidate?" "People with myofascial pain or fibromyalgia whose
            # pain has not settled ...": the conditions it suits are its uses)
            suited = [] if _HARM_CONTEXT.search(lower) else _conditions(found)
            claims.extend(_indications(sentence, interventions, suited, labels))
        lead_in = sentence.rstrip().endswith(":")
        if lead_in:
            # "Benefits of massage include:" defines nothing, and "You may benefit if you
            # have:" names nothing it is for; its list makes the claims
            claims = [
                c
                for c in claims
                if c.kind != "definition"
                and not (
                    c.kind in ("effectiveness", "indication")
                    and not (c.condition or c.outcome or c.adverse_event)
                )
            ]
        if not claims:
            reason = "not about an intervention in the vocabulary" if carried else _reason(lower)
            if lead_in and not carried:
                reason = "introduces the list after it"
            draft.left_out.append(LeftOut(sentence, reason))
            # a paragraph still speaks of its treatment after a sentence that claims nothing
            # (and a section's opening sentence carried over speaks of its treatment too)
            state.resolved = not carried or statement.follows or statement.opens
            continue
        unknown.extend(found.guessed)
        unknown.extend(_unknown_words(found, True, short_forms))
        if bare is not None:
            # ("Is it safe?" "Yes. It has very few side effects.": one safety claim, the
            # sentence that says it)
            said = {(c.kind, c.intervention, c.condition, c.asserts) for c in claims}
            given = state.claims[bare[0] :]
            if given and all(
                (c.kind, c.intervention, c.condition, c.asserts) in said for c in given
            ):
                del state.claims[bare[0] :]
                draft.left_out.append(LeftOut(bare[1], "an answer the next sentence states"))
        state.claims.extend(claims)
    reasons = {item.sentence: item.reason for item in draft.left_out}
    claimed_before = {c.sentence for c in state.claims}
    for one in read:
        if one.sentence not in claimed_before:
            one.reason = reasons.get(one.sentence)
    if isinstance(model, ClaimModel):
        _read_again(model, read, state.claims, draft.left_out)
    if reread:
        _read_by_rule(read, state.claims, draft.left_out, reread)
    draft.claims = [
        replace(c, id=f"D{i:02d}")  # numbered in article order, once all are known
        for i, c in enumerate(state.claims, start=1)
    ]
    # a sentence read in parts is left out once, and only when no part made a claim
    claimed = {c.sentence for c in draft.claims}
    seen: set[str] = set()
    kept: list[LeftOut] = []
    for item in draft.left_out:
        if item.sentence in parted and (item.sentence in claimed or item.sentence in seen):
            continue
        seen.add(item.sentence)
        kept.append(item)
    draft.left_out = kept
    draft.unknown_terms = list(_unique(unknown))
    return draft


def _only_after(reading: str, at: int) -> bool:
    """Whether every gain word of ``reading`` before ``at`` is part of the words of how the
    treatment works ("improves the circulation"), and how it works is told before ``at``."""
    spans = [(m.start(), m.end()) for m in rules.MECHANISM.finditer(reading) if m.start() < at]
    if not spans:
        return False
    cues = [m.start() for m in rules.EFFECT.finditer(reading)]
    cues += [m.start() for m in rules.HEALING.finditer(reading)]
    return all(c >= at or any(a <= c < b for a, b in spans) for c in cues)


def _aim_of_act(claim: DraftClaim, lower: str, start: int, end: int) -> bool:
    """Whether a claim of a sentence that tells how the treatment is given is drawn only from
    the clause saying what the act is for (``lower[start:end]``): a mechanism, or an effect
    with no condition, whose cue words all lie in that clause."""
    if claim.condition or claim.adverse_event:
        return False
    if claim.kind == "mechanism":
        cues = [m.start() for m in rules.MECHANISM.finditer(lower)]
        if not cues:
            return False
    elif claim.kind == "effectiveness":
        cues = [m.start() for m in rules.EFFECT.finditer(lower)]
        cues += [m.start() for m in rules.HEALING.finditer(lower)]
        if not cues:
            return False
    else:
        return False
    return all(start <= at < end for at in cues)


def _definition(sentence: str, interventions: tuple[str, ...]) -> DraftClaim:
    """The sentence as a claim of what the treatments are (asserted true)."""
    return DraftClaim(
        id="",
        text=sentence,
        kind="definition",
        intervention=interventions,
        asserts="true",
        sentence=sentence,
    )


def _indications(
    sentence: str,
    interventions: tuple[str, ...],
    conditions: Sequence[str],
    labels: dict[str, str],
) -> list[DraftClaim]:
    """One claim per condition that the treatments are used for it; when there are several,
    each claim's text names its condition."""
    return [
        DraftClaim(
            id="",
            text=f"{sentence} [{labels.get(c, c)}]" if len(conditions) > 1 else sentence,
            kind="indication",
            intervention=interventions,
            asserts="benefit",
            sentence=sentence,
            condition=(c,),
        )
        for c in conditions
    ]


def _answer_claims(
    asked: str,
    sentence: str,
    vocab: Vocabulary,
    short_forms: dict[str, str],
    state: _State,
    labels: dict[str, str],
) -> list[DraftClaim]:
    """The claims of a "Yes, ..." or "No, ..." answer to the question before it ("Can dry
    needling help with sciatica?" then "Yes. Many patients ..."): the question read as a
    statement with the answer, at the answer's sentence; "No" turns what it asserts round."""
    answer = rules.ANSWER.match(sentence.lower())
    if answer is None:
        return []
    core = rules.QUESTION_START.sub("", asked.strip().rstrip("?"))
    rest = sentence[answer.end() :]
    # (an opening before the answer word names what it is said of: "For plantar fasciitis,
    # yes.", "Studies say yes.")
    opening = sentence[: answer.start(1)].strip(" ,:")
    opening = re.sub(r"^(?:a|ans|answer|reply)\s*[:.)-]\s*", "", opening, flags=re.I)
    found = _Found(vocab, f"{core} {opening}. {rest}" if opening else f"{core}. {rest}")
    subject = _subject(found, short_forms)
    interventions = _unique([t for t, _, _ in subject]) or state.last
    if not interventions:
        return []
    claims = _claims_of(Statement(sentence), interventions, found, found.lower, labels)
    if not claims and _SAME_AS.search(core.lower()):
        # "Is dry needling just acupuncture under another name?" "No.": what it is (or not)
        claims = [_definition(sentence, interventions)]
    if answer.group(1) in ("no", "nope", "nah") and not rules.NEGATION.search(rest.lower()):
        flipped = {"benefit": "no_benefit", "occurs": "does_not_occur", "covered": "not_covered"}
        # (what it is stays what it is: "Is it just acupuncture?" "No." defines it too)
        claims = [
            replace(c, asserts=flipped[c.asserts]) if c.asserts in flipped else c
            for c in claims
            if c.asserts in flipped or c.kind == "definition"
        ]
    state.last = interventions
    # the claim reads with its question: "Can X help with Y? Yes."
    return [replace(c, text=f"{asked.strip()} {c.text}") for c in claims]


def _listed_conditions(
    statement: Statement,
    interventions: tuple[str, ...],
    found: _Found,
    labels: dict[str, str],
) -> list[DraftClaim]:
    """A list item that only names conditions ("- Migraines" under "Patients come to us
    for:"): what the treatment is used for, unless the lead-in speaks of harm or of whom
    it does not suit, or the list stands under a heading on its safety or side effects
    ("## Side effects" "Some people get:" "- migraines"), or the lead-in tells what you may
    have after it ("Afterwards you might have:")."""
    lead = (statement.lead or "").lower()
    conditions = _conditions(found)
    if (
        not conditions
        or len(statement.sentence.split()) > 8
        or _AFTER_LEAD.search(lead)
        or _SAFETY_SECTION.search((statement.section or "").lower())
        or rules.AE_CUE.search(lead)
        or rules.NEGATION.search(lead)
        or rules.CONTRAINDICATION.search(lead)
        or re.search(r"\b(?:avoid|should|risk|caution|warning|not)\b", lead)
    ):
        return []
    return _indications(statement.sentence, interventions, conditions, labels)


# a lead-in line on what may follow the treatment ("After treatment you may have:")
_AFTER_LEAD = re.compile(
    r"\bafter(?:wards?)?\b[^:]{0,40}\b(?:have|get|notice|feel|experience)\b|"
    r"\b(?:have|get|notice|feel|experience)\b[^:]{0,40}\bafter(?:wards?)?\b"
)
_HARM_CONTEXT = re.compile(
    r"\b(?:side[ -]effects?|adverse|risks?|complications?|harms?|dangers?|reactions?|"
    r"contraindicat\w+|cautions?|warnings?|should not|avoid)\b"
)
# a heading on the treatment's safety or harms ("Is shockwave therapy safe?", "Side effects")
_SAFETY_SECTION = re.compile(rf"{_HARM_CONTEXT.pattern}|\bsafe(?:ty|ly)?\b")


# a heading or lead-in line that introduces treatments for a condition ("Treatment options",
# "How it is treated", "What can help:", "Therapies we offer for it")
_OPTIONS_LEAD = re.compile(
    r"\b(?:treatments?|therap(?:y|ies)|options?|remedies|approaches|(?:is|are|can be|gets?) "
    r"treated|what (?:can|may|might) help|what helps|managing|management|care)\b"
)


def _asks_pay(question: str) -> bool:
    """The question asks whether a payer covers the treatment ("Does insurance cover it?",
    "Will my plan pay for shockwave?", "Is it covered by Medicare?")."""
    lower = question.lower()
    return bool(
        question.rstrip().endswith("?")
        and (_PAID.search(lower) or re.search(r"\b(?:insurance|medicare|plan) pay\b", lower))
    )


def _asks_what(question: str, vocab: Vocabulary, short_forms: dict[str, str]) -> bool:
    """The question asks what a treatment is ("What is shockwave therapy?", "What are
    they?"), not what something else is ("What is a trigger point?")."""
    if not _WHAT_IS.match(question):
        return False
    rest = _WHAT_IS.sub("", question).strip(" ?").lower()
    return bool(
        _subject(_Found(vocab, question), short_forms)
        or re.fullmatch(r"(?:it|they|this|this (?:treatment|therapy|procedure|technique))", rest)
    )


def _lists_conditions(lead: str) -> bool:
    """The heading or lead-in line introduces conditions the treatment is for ("Conditions
    we treat", "Shockwave therapy can help with:"), not harms or whom it does not suit."""
    lower = lead.lower()
    return bool(
        (
            rules.INDICATION.search(lower)
            or rules.EFFECT.search(lower)
            or re.search(r"\b(?:conditions?|disorders|injuries|problems|ailments)\b", lower)
        )
        and not _HARM_CONTEXT.search(lower)
        and not rules.NEGATION.search(lower)
        # (the benefits it brings, not "you may benefit from it if you have:")
        and not re.search(r"\b(?:benefits|advantages?)\b|\b(?:the|a|main|key) benefit\b", lower)
    )


def _unknown_items(found: _Found) -> list[str]:
    """The parts of a listed condition ("Shin splints", "Plantar fasciitis and heel spurs")
    that the vocabulary does not match: words that may name a condition it lacks."""
    spans = [(m.start, m.end) for ms in found.by.values() for m in ms]
    out: list[str] = []
    offset = 0
    for piece in _LIST_SPLIT.split(found.lower):
        piece = re.sub(r"\([^)]*\)?", "", piece).strip(" ()\"'.:")
        if not piece:
            continue
        at = found.lower.find(piece, offset)
        offset = at + len(piece) if at >= 0 else offset
        covered = at >= 0 and any(s < at + len(piece) and at < e for s, e in spans)
        words = [w for w in _WORD.findall(piece) if w not in _STOP]
        if not covered and words and len(piece.split()) <= 4:
            out.append(piece)
    return out


def _referent(
    lower: str, last: tuple[str, ...], topic: str | None, vocab: Vocabulary
) -> tuple[str, ...]:
    """What "the injection", "this needling" stands for: the interventions named last,
    unless their names lack the noun and the topic's name has it ("For an injection, ..."
    after a sentence on dry needling, in an article on trigger point injections)."""
    refs = " ".join(m.group() for m in rules.REFERENCE.finditer(lower))
    refs += " " + " ".join(m.group() for m in _head_reference(vocab).finditer(lower))
    # the head word of a name in the vocabulary ("the injection", "this needling", "the
    # laser"); ("the needles" name no one treatment: acupuncture and dry needling both use
    # them)
    noun = _head_reference(vocab).search(refs)
    if noun is None or (topic is not None and topic in last):
        return last

    def names(term: str) -> str:
        return " ".join(vocab.term("intervention", term).synonyms).lower()

    word = noun.group(1)
    if any(word in names(t) for t in last):
        return last
    if topic is not None and word in names(topic):
        return (topic,)
    # the one intervention of the vocabulary the noun names ("an injection": the trigger
    # point injection), when the page's topic is not one
    if topic is None:
        named = [t.id for t in vocab.terms.get("intervention", ()) if word in names(t.id)]
        if len(named) == 1:
            return (named[0],)
    return last


_HEAD_REFERENCES: dict[int, tuple[Vocabulary, re.Pattern[str]]] = {}
# words that end many names and so stand for no one treatment
_GENERIC_HEADS = frozenset(
    [
        "therapy",
        "therapies",
        "treatment",
        "treatments",
        "technique",
        "techniques",
        "method",
        "methods",
        "procedure",
        "procedures",
        "session",
        "sessions",
        "release",
        "compression",
        "pressure",
        "program",
        "programme",
        "training",
        "exercise",
        "exercises",
        "stimulation",
        "stimulator",
        "us",
        "point",
        "points",
        "chiropractic",
    ]
)


def _head_reference(vocab: Vocabulary) -> re.Pattern[str]:
    """'the injection', 'this needling', 'the laser': a definite noun that is the last word
    of an intervention's name in the vocabulary, for the treatment in hand."""
    cached = _HEAD_REFERENCES.get(id(vocab))
    if cached is None or cached[0] is not vocab:
        heads = {
            words[-1]
            for term in vocab.terms.get("intervention", ())
            for synonym in term.synonyms
            if (words := synonym.lower().split()) and words[-1].isalpha()
        } - _GENERIC_HEADS
        alternatives = "|".join(sorted(map(re.escape, heads), key=len, reverse=True))
        pattern = re.compile(
            rf"\b(?:the|this|these|that|those|each|such|your|an?)\s+(?:[\w-]+\s+)?"
            rf"({alternatives})s?\b"
        )
        cached = _HEAD_REFERENCES[id(vocab)] = (vocab, pattern)
    return cached[1]


def _target_in_subject(found: _Found, short_forms: dict[str, str]) -> bool:
    """What the treatment works on is named before the sentence's first verb ("the pain from
    a trigger point can spread ...", "People with trigger point pain may have ..."), so the
    sentence describes it."""
    lead = rules.SUBJECT_LEAD.match(found.lower)
    rest = found.lower[lead.end() if lead else 0 :]
    verb = rules.FIRST_VERB.search(rest)
    head = rest[: verb.start()] if verb else rest
    return any(re.search(rf"\b{re.escape(form)}", head) for form in short_forms)


def _target_anywhere(found: _Found, short_forms: dict[str, str]) -> str | None:
    """The topic, when a short form of its name (what it works on) appears anywhere in a
    sentence that names no intervention: "The pain of trigger points is thought to ..."."""
    for form, term in short_forms.items():
        if re.search(rf"\b{re.escape(form)}", found.lower):
            return term
    return None


def _defines_unnamed(found: _Found, short_forms: dict[str, str], named: bool) -> bool:
    """A definition of the treatment in hand: what is done in it ("In the procedure, a needle
    is placed ...", "needles are put through the skin"), what a pronoun or "the procedure"
    is ("It is not the same as ..."), or a gloss of what it works on ("trigger points,
    which are ...")."""
    lower = found.lower
    for act in (rules.DEFINITION_ACT.search(lower), rules.DEFINITION_AGENT.search(lower)):
        if (
            act
            and not re.search(
                r"\b(?:if|when|unless|whenever)\s+(?:(?:a|an|the|some|your)\s+)?(?:[\w-]+\s+)?$",
                lower[: act.start()],
            )
            # (not what you feel: "you may or may not feel the needle go through your skin")
            and not rules.FELT.search(lower[max(0, act.start() - 30) : act.start()])
        ):
            return True  # (not "if needles are put into the chest", "when a steroid is used")
    if not named and (
        rules.DEFINITION_REFERENCE.match(lower) or rules.DEFINITION_CONTENT.match(lower)
    ):
        return True
    # (after an opening that sets another treatment aside: "Unlike surgical lasers, it ...")
    aside = rules.SET_ASIDE.match(lower)
    subject = lower[aside.end() :].lstrip() if aside else lower
    ref = rules.REFERENCE_SUBJECT.match(subject)
    # (not a comparison: "It is not a substitute for exercise")
    if (
        ref
        and rules.DEFINITION_VERB.search(subject[ref.end() :])
        and not rules.COMPARISON.search(lower)
    ):
        return True
    if not named and rules.AGENT_DESCRIPTION.match(lower):
        return True
    for form in short_forms:
        for m in re.finditer(rf"\b{re.escape(form)}s?\b", lower):
            # (not the comma that closes an opening clause: "When a steroid is injected into
            # the trigger point, the fat ...")
            opening = re.match(r"(?:when|if|unless|once|after|before|because|while)\b[^,]*$",
                               lower[: m.start()])  # fmt: skip
            if rules.TARGET_GLOSS.match(lower[m.end() :]) and not opening:
                return True
    return False


def _harm_examples(
    found: _Found, sentence: str, interventions: tuple[str, ...]
) -> list[DraftClaim]:
    """The harms an instruction names as examples of side effects, as claims."""
    cue = rules.AE_EXAMPLES.search(found.lower)
    if cue is None or not interventions:
        return []
    events = _unique([m.term for m in found.get("adverse_event") if m.start >= cue.end()])
    return [
        DraftClaim(
            id="",
            text=sentence if len(events) == 1 else f"{sentence} [{event}]",
            kind="adverse_effect",
            intervention=interventions,
            asserts="occurs",
            sentence=sentence,
            adverse_event=(event,),
        )
        for event in events
    ]


def _not_about_it(found: _Found, lower: str, *, listed: bool = False) -> str | None:
    """The reason to leave a statement out when it tells how the treatment feels while it is
    given (a statement the golds leave out), or None. A harm other than soreness, soreness
    after the treatment, a list item or a rate (pain during it listed as a side effect,
    "Aching while the needles are in: 20 in 100") keep it in."""
    harms = {m.term for m in found.get("adverse_event")} - {"post_needling_soreness"}
    if (
        rules.SENSATION.search(lower)
        and rules.WHILE_GIVEN.search(lower)
        and not rules.AFTER_GIVEN.search(lower)
        and not harms
        and not listed
        and not _RATE.search(lower)
    ):
        return FELT_WHILE_GIVEN
    return None


def _after_opening(lower: str) -> str:
    """The sentence after a short opening phrase and its comma ("With an infection, wait
    ..."), or "" when there is none."""
    head, comma, rest = lower.partition(",")
    return rest.lstrip() if comma and len(head.split()) <= 6 else ""


def _reason(lower: str) -> str:
    if rules.ADVICE.search(lower):
        return "advice"
    if rules.WHO_WHERE.search(lower):
        return "who or where gives the treatment, not checkable against PubMed"
    if rules.COMPARISON.search(lower):
        return "a comparison or combination of treatments, which the claim format cannot express"
    if rules.UNSAFE.search(lower):
        return "says the treatment is unsafe; a safety claim can only assert 'safe'"
    return "no checkable statement found (no effect, use, harm, coverage or definition cue)"


def _reading(
    statement: Statement, found: _Found, short_forms: dict[str, str], state: _State, sentence: str
) -> Reading:
    named = _unique([t for t, _, _ in _subject(found, short_forms)])
    interventions = named or state.last
    spans = [(m.dimension, m.start, m.end) for ms in found.by.values() for m in ms]
    headings = [*statement.outer, *([statement.section] if statement.section else [])]
    features = sentence_features(
        found.text,
        spans,
        headings=headings,
        lead=statement.lead,
        item=statement.lead is not None,
        follows=statement.follows,
        opens=statement.opens,
        labelled=statement.labelled is not None,
        in_hand=bool(interventions),
    )
    return Reading(
        sentence=sentence,
        features=features,
        interventions=interventions,
        conditions=tuple(_conditions(found)),
        events=_unique([m.term for m in found.get("adverse_event")]),
        at=len(state.claims),
        follows=statement.follows,
        named=_unique([m.term for m in sorted(found.get("intervention"), key=lambda m: m.start)]),
    )


_NEGATED = re.compile(
    r"\b(?:not|no|nor|never|neither|nothing|little more than|no better|did not|didn't|"
    r"doesn't|does not|failed|fail)\b"
)


def _read_again(
    model: ClaimModel, read: list[Reading], claims: list[DraftClaim], left_out: list[LeftOut]
) -> None:
    """Draft claims from the sentences the rules left out that the model reads as claims,
    each where its sentence stands among the claims (``claims`` and ``left_out`` are
    changed in place)."""
    added: list[tuple[int, DraftClaim]] = []
    taken: set[str] = set()
    # (a page whose claim sentences, as the detector reads them, the rules mostly drafted
    # is in a voice the rules know: its draft stands)
    likely = [r for r in read if model.probability(r.features) >= 0.5]
    if likely and sum(r.reason is None for r in likely) >= model.gate * len(likely):
        return
    for reading in read:
        reason = reading.reason
        if (
            reason is None
            or reading.sentence in taken
            or not reading.interventions
            or not reason.startswith(READ_AGAIN)
            or model.probability(reading.features) < model.threshold
        ):
            continue
        made = _learned_claims(model, reading)
        if made:
            taken.add(reading.sentence)
            added.extend((reading.at, c) for c in made)
    if not added:
        return
    for offset, (at, claim) in enumerate(added):
        claims.insert(at + offset, claim)
    left_out[:] = [item for item in left_out if item.sentence not in taken]


def _read_by_rule(
    read: list[Reading], claims: list[DraftClaim], left_out: list[LeftOut], names: Collection[str]
) -> None:
    """Draft claims from the sentences still left out that a rule of the second reading
    reads as claims (`evidence.drafting.second`; ``claims`` and ``left_out`` are changed in
    place). A sentence the learned reading drafted has its reason cleared and is skipped."""
    drafted = {c.sentence for c in claims}
    open_ = [r for r in read if r.sentence not in drafted]
    added = by_rule.reread(open_, names)
    if not added:
        return
    # (each claim goes where its sentence stands: after the claims drafted before it,
    # counting those the second reading adds ahead of it)
    taken = {c.sentence for _, c in added}
    for offset, (at, claim) in enumerate(added):
        claims.insert(at + offset, claim)
    left_out[:] = [item for item in left_out if item.sentence not in taken]


def _learned_claims(model: ClaimModel, reading: Reading) -> list[DraftClaim]:
    """The claims of one sentence the model reads as a claim: of the likeliest kind the
    sentence can carry, one per condition (per adverse event for a harm)."""
    text = reading.sentence
    negated = bool(_NEGATED.search(text.lower()))
    for kind in model.kinds_by_score(reading.features):
        base = DraftClaim(
            id="",
            text=text,
            kind=kind,
            intervention=reading.interventions,
            asserts="",
            sentence=text,
        )
        if kind == "adverse_effect":
            if not reading.events:
                continue
            return [replace(base, adverse_event=(e,), asserts="occurs") for e in reading.events]
        if kind == "effectiveness":
            asserts = "no_benefit" if negated else "benefit"
        elif kind == "coverage":
            asserts = "not_covered" if negated else "covered"
        else:
            asserts = {"indication": "benefit", "safety": "safe"}.get(kind, "true")
        conditions = reading.conditions or (
            reading.context if kind in ("effectiveness", "indication") else ()
        )
        if kind in ("effectiveness", "indication", "coverage") and conditions:
            return [replace(base, condition=(c,), asserts=asserts) for c in conditions]
        return [replace(base, asserts=asserts)]
    return []
