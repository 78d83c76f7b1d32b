"""Findings stage: `Article` + its `Tag`s -> what it concludes (`Finding`s). Pure.

Reads one `Article`, the tags `tag_article` gave it, and the vocabulary; writes nothing.
The conclusion is the CONCLUSIONS section (for a guideline, every recommendation), or the
closing sentences of an unstructured abstract, or the last results sentences. It is read
clause by clause ("X relieved pain but did not prevent Y" is two clauses). A clause is
about the interventions it names as subjects (not those after "than" or "versus"; but
when two studied arms are compared and the first did worse, about the one after "than",
which did better), or
about every studied one when it speaks of every arm ("both groups improved"), or else the
ones named before it; it speaks to the conditions it names, or to all of them.
A clause comparing arms is read for the studied arm, by which arm it favours and whether
higher is better for its outcome (`directions.read_comparison`): higher pain than sham is
harm, a higher pressure pain threshold a benefit, a difference whose side is not said or an
adverse event that was more frequent neither; nor is a comparative that compares no outcome
of the arms (a dose, a cost, a subgroup, the arms at baseline, one arm at two times).
For each studied (intervention, condition), the first decisive clause gives the
direction; a strong hedge about it ("insufficient", "cannot establish") stated before or
with it makes it ``inconclusive``, one stated only afterwards a hedged result. When the
conclusion states no result, the results do: a difference between the arms first, a
change within them last; a trial's null result between two active arms keeps the change
within each arm as a finding of its own. Each outcome named in a decisive clause gets a
finding of its own, after the overall one. The comparator is the record's design (sham,
variant, add-on, head to head), `none` for a change within the arms, `mixed` for a review unless the
finding's sentence sets two treatments against each other (or the review sets the treatment
against "other therapies"); one treatment set against another form of itself (named twice,
or at two energy, dose or frequency levels) is a `variant`; one the title or aim sets
against a treatment the vocabulary has no id for ("versus steroid injection") is `active`. A
record's safety finding is about each condition its title names, or none when it studies
several and names none there.
Protocols, narrative reviews, records without an abstract and conclusions that decide
nothing (a safety statement such as "appears safe") have no finding.

Scope: which intervention and which condition a stated result is about.

- Intervention (`_read_clauses`). The studied interventions a clause names (vocabulary
  matches) are its subjects, except one set after a reference word (`_COMPARATOR`:
  "than", "versus", "compared with"), a comparator, also when the clause opens on it and
  names its subject after it ("compared with US, DN relieved pain more"); when a harm
  between two named arms favours the one after "than", the two swap. A clause speaking of
  every arm (`_EVERY_ARM`, "both X and Y", "either X or Y": hand lists of words) is about
  all of them; "with or without X" (`_REGARDLESS`) takes X out. A clause naming none is about the
  last ones named; the first such clause is about the studied ones the title names, else
  every studied one. "The experimental group", "the control group", "superior to the
  control programme" are read by `directions.read_comparison` from a hand list of arm
  words (`_ARM_MENTION`, `_CONTROL_ARM_WORDS`). A clause naming no studied treatment may
  name an arm by the label the record gave it ("group A received DN", "DN (group II)",
  "the control group had ultrasound"; not "the control group had sham DN") or
  by "the" and the last word of one studied treatment's vocabulary names ("the needling",
  "the injection"; not after "after", "during"...): `_arm_aliases`, from the vocabulary
  and a short list of generic last words (`_GENERIC_HEADS`).
- Condition (`_effect_findings`, ``about``). A clause speaks to the conditions it names;
  one naming none speaks to every tagged condition; a condition named in no DECISIVE
  clause (one that states a result) shares every result, since the record states none for
  it alone ("MPS is a common source of low back pain. TPI relieved low back pain": MPS is
  the population's, not a second result). Which conditions a record has is the tagger's
  (its hand vocabulary); the reader never adds one.
- Results instead of the conclusion (`_result_units`): hangs on the record's shape, a
  RESULTS section, else the body before an unstructured abstract's closing sentences. A
  review whose conclusion says the evidence cannot tell does not read its results for the
  treatments that conclusion names (as subject or comparator); one it never names keeps
  the results that name it. A review whose conclusion never names a treatment, speaking of
  its treatments at large, gives it the first result that names it when that one says
  otherwise.
- Co-treatments (`_co_treatments`): a tagged treatment every mention of which stands after
  a cue that every arm had it ("both groups were also given exercise", "in addition,
  patients in each arm...", "as a co-intervention") is no studied treatment and has no
  finding; one named anywhere else keeps its findings. Two forms of one treatment set
  against each other in the title or aim ("interferential current or TENS") make a
  variant comparison (`_two_forms_titled`), whose change within each arm is kept too;
  "each of the two modalities proved effective" is a change within every arm.
- The safety finding's conditions: each the title names ("temporomandibular myofascial
  pain" is both, one population), else the only one, else none (record shape).

Harm: every path by which an effect finding gets ``harm``, against LABELLING.md (harm only
when the treatment did worse than its comparator; head to head, the favoured arm gets the
benefit, the other arm nothing from that comparison). Unit tests in
tests/unit/tagging/test_tagging_findings_harm.py.

1. A worsening worded in the clause (`directions._worded`: `_HARM` "increased pain",
   "caused a pneumothorax"; `_WORSE` "pain rose", "worse function than"). Follows the rules
   when the clause's subject is the studied arm; it did not when the subject was a control
   arm other than "control/sham/placebo group" ("symptoms worsened on the waiting list",
   "sham needling aggravated pain", "pain rose among the controls"): a control arm told as
   the clause's own subject (not after "than"/"compared with", also "than in the control
   group") now blocks both cues; so does a harm said to be rare ("the injections rarely
   lead to complications": the treatment's general safety, not a worsening here). Still
   open: a comparator arm told by its treatment's name when the vocabulary has no id for
   it ("pain rose in the medication group").
2. A comparison read for the studied arm by outcome polarity (`directions._compared` via
   `read_comparison`, verdict < 0): the studied arm did worse than the one it is set
   against. Follows the rules.
3. Two studied arms, the first did worse (`_read_clauses`, the swap): the one after "than"
   gets the benefit and the first one nothing from that clause. Follows the head-to-head
   paragraph.
4. A change within the arms from the results (`within`): a rise there is never harm (no
   comparator). Follows the rules.
5. A case report, case series or survey whose deciding clause is harm: no effect finding,
   its safety finding tells the event. Follows the rules (no comparator).

Classes of missed or extra findings read on every dev batch (seventh round), with unit
tests of our own sentences in tests/unit/tagging/test_tagging_findings_round7.py: a
co-treatment every arm had; two forms of one treatment named in the title; "each of the two
modalities"; a conclusion whose side hangs on the dose ("depends on the dosage"); a
treatment said to "treat" its condition; a control arm told by the drug it had; a harm
said to be rare ("rarely lead to complications"); an event word that is what the series
treats ("laser for burns"); "we did not find significant evidence that X works" in a study
with no arm set against it (inconclusive); results rated well ("found its results
satisfactory").

Record structures from whole abstracts of our own written in the manner of real ones
(tests/unit/tagging/test_tagging_findings_structures.py): a failed primary test ("the
primary hypothesis was not confirmed") is no benefit; two treatments "both superior to
sham" (or set against a waiting list) are each compared with that control, not a change
within the arms nor a head-to-head; a treatment or condition the title names and the
conclusion leaves open ("the value of massage is unclear") is the record's inconclusive
result, not an extension beyond it (`taggers.counted_matches`).

Safety statements by class (tests/unit/tagging/test_tagging_findings_safety_classes.py, our
own sentences): nothing went wrong said as "tolerated the sessions well", events that "did
not occur" or "were absent", "adverse effects: none", "zero" events, a rate of 0%, the
treatment that "did not produce" them, nobody leaving because of them, arms that "did not
differ" in them; minor events that occurred said as a count or a rate of events ("nine
adverse events were reported", "reported by 7 participants", "at least one adverse event",
"an incidence of 12.5%"), more of them in one arm, or some people with a mild complaint
the vocabulary has no id for. Events counted for an arm set against a treatment that had
none ("..., whereas dry needling caused no adverse events") are not the treatment's.

Classes of scope failure seen on the dev batches, each with unit tests of invented records
(tests/unit/tagging/test_tagging_findings_scope.py): a result told of "the treatment",
"the experimental group" or "the control programme", the treatment named only in the
title or aim; one studied condition whose result names a symptom or an outcome instead
("heel pain", "numbness"); a condition that is a population feature or a comorbidity
("shoulder pain in women with fibromyalgia"); a syndrome and its main symptom tagged
together, one population; a combined programme whose result belongs to each named
component ("DN combined with manual therapy and exercise"); a review of several treatments
whose conclusion names only some of them; an arm told by its label or by the last word
of its name ("group A did better than group B"). Still open: a component the vocabulary
does not name, arms told by their order ("the first group"), and a review's general
conclusion given to a treatment its results name only beside another ("TPI did not
differ from DN" is read for both).
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from dataclasses import dataclass, replace
from itertools import pairwise

from evidence.models import SERIOUS_EVENTS, Article, Direction, Finding, Tag
from evidence.tagging.directions import (
    ClauseReading,
    benefit_is_sought,
    has_cue,
    has_modal,
    is_controlled,
    is_sham_controlled,
    read_clause,
    read_comparison,
    sample_size,
    split_clauses,
    states_equivalence,
)
from evidence.tagging.matching import Match
from evidence.tagging.mentions import is_negated
from evidence.tagging.taggers import Matches, counted_matches, find_matches, tag_document
from evidence.tagging.text import Document, Unit, build_document
from evidence.tagging.vocabulary import Vocabulary

__all__ = [
    "NO_FINDING_DESIGNS",
    "analyse_article",
    "extract_findings",
    "findings_from_document",
    "read_statement",
    "states_within_arms",
]

NO_FINDING_DESIGNS = frozenset({"protocol", "narrative_review"})
_SIZE_ROLES = ("objective", "methods", "results", "body")
_GUIDELINE_ROLES = ("objective", "results", "body", "conclusions")
_COMPARATOR = re.compile(
    r"\b(?:than|versus|vs\.?|compared (?:with|to)|in comparison (?:with|to)|relative to|"
    r"over|superior to|inferior to|similar to)\s+(?:[\w-]+\s+){0,3}$"
)
# a control arm as the reference: "superior to sham", "compared with no treatment", "than
# the waiting list"; `_AGAINST_UNTREATED` an untreated one only
_AGAINST = (
    r"\b(?:than|versus|vs\.?|compared (?:with|to)|relative to|(?:superior|inferior) to|over)\s+"
    r"(?:(?:in|with|on)\s+)?(?:the\s+|a\s+|those\s+(?:on|in)\s+the\s+)?"
)
_UNTREATED = (
    r"no[\s-](?:treatment|intervention)|untreated|wait(?:ing)?[\s-]*list|usual[\s-]care|"
    r"standard[\s-]care"
)
_AGAINST_UNTREATED = re.compile(rf"{_AGAINST}(?:{_UNTREATED})\b")
_AGAINST_CONTROL = re.compile(rf"{_AGAINST}(?:{_UNTREATED}|sham|placebo|control)\b")
# two treatments each given on top of the same care, then set against each other
_EACH_ADDED = re.compile(
    r"\b(?:each|both|either)(?: of them| one)? (?:\w+ )?(?:added to|combined with|given with|"
    r"on top of)\b"
)
# the second of two arms after one reference: "more pain than the control (P = .035) and
# LLLT groups", "than sham or laser"
_COMPARATOR_LIST = re.compile(
    r"\b(?:than|versus|vs\.?|compared (?:with|to))\s+(?:the\s+)?(?:[\w-]+\s+){0,2}?[\w-]+"
    r"(?:\s+(?:group|arm))?(?:\s*\([^()]{0,30}\))?,?\s+(?:and|or)\s+(?:the\s+|with\s+)?$"
)
_PILOT = re.compile(r"\b(?:pilot|feasibility|preliminary)\b")
_REVIEW_DESIGNS = frozenset({"meta_analysis", "systematic_review", "guideline"})
_CASE_DESIGNS = frozenset({"case_report", "case_series"})
# every cue of `_COMPLICATION`, `_MINOR_OCCURRED` and `_NO_EVENTS` holds one of these
_SAFETY_WORDS = (
    "adverse",
    "complication",
    "safe",
    "tolerated",
    "side",
    "injur",
    "lesion",
    "necrosis",
    "thrombosis",
    "occlusion",
    "fasciitis",
    "abscess",
    "damage",
    "paralysis",
    "palsy",
    "rupture",
    "perforation",
    "arrest",
    "transient",
    "transitory",
    "mild",
    "minor",
    "slight",
    "harm",
    "undesir",
    "unwant",
    "untoward",
    "tamponade",
    "thorax",
    "effusion",
)
_UNCONTROLLED_DESIGNS = frozenset({"case_report", "case_series", "cross_sectional"})
# how an image guides a needle: "ultrasound-guided", "US-guided", "under sonographic
# guidance", "guided by fluoroscopy"
_GUIDED = (
    r"(?:(?:ultrasound|us|sonograph\w*|image|imaging|fluoroscop\w*|ct|echo\w*)[\s-]guided|"
    r"guided by (?:\w+ )?(?:ultrasound|us|sonograph\w*|imaging|fluoroscop\w*)|under (?:\w+ )?"
    r"(?:ultrasound|us|sonograph\w*|imaging|image|fluoroscop\w*|ct) (?:guidance|control))"
)
# two forms of one treatment compared: deep vs superficial needling, guided vs blind
# injection, continuous vs pulsed ultrasound, one session vs several, two settings
_VARIANT = re.compile(
    rf"\b(?:deep\b.{{0,80}}\bsuperficial|superficial\b.{{0,80}}\bdeep|{_GUIDED}\W.{{0,80}}"
    r"\b(?:blind|landmark|palpation)|(?:blind|landmark|palpation)\w*\b.{0,80}"
    rf"(?:\bguided|{_GUIDED})|"
    # "given at two different frequencies", "at two settings of energy", "three doses of"
    r"(?:at|of|with|using|in|compared|comparing) (?:two|three|four|different|various) "
    r"(?:different )?(?:settings|doses|dosages|frequencies|intensities|energy levels|energies|"
    r"pressures|energy flux densities|wavelengths|power levels|durations|concentrations|"
    r"solutions|session frequencies|schedules)\b|"
    # "once a week against twice a week", "four versus eight minutes"
    r"(?:once|one session) (?:a|per|each) week\b.{0,80}\b(?:twice|two sessions|three times) "
    r"(?:a|per|each) week|(?:twice|two sessions) (?:a|per|each) week\b.{0,80}\b(?:once|one "
    r"session) (?:a|per|each) week|\b\d+ (?:versus|vs\.?|or|against) \d+ (?:minutes|sessions|"
    r"weeks|treatments)\b|"
    # "one or three sessions", "two versus four treatments"
    r"\b(?:one|single|two|three|four|five|six|\d+) (?:or|versus|vs\.?|against) (?:two|three|four|"
    r"five|six|eight|ten|several|multiple|\d+) (?:sessions|treatments|applications|injections)\b|"
    # "needled at one dosage or at five dosages", "a single dose or three doses"
    r"\b(?:one|a single|single|two|three|\d+) (?:dosages?|doses?)\b.{0,40}\b(?:or|versus|vs\.?) "
    r"(?:at |with )?(?:two|three|four|five|six|ten|\d+|multiple|several|repeated) "
    r"(?:dosages|doses)\b|"
    r"continuous\b.{0,60}\bpulsed|pulsed\b.{0,60}\bcontinuous|(?:one|single) "
    r"sessions?\b.{0,60}\b(?:two|three|four|five|six|multiple|several|repeated) sessions|"
    r"(?:high|low)[\s-](?:intensity|energy|dose|frequency)\b.{0,60}\b(?:low|high)[\s-]"
    r"(?:intensity|energy|dose|frequency)|lidocaine\b.{0,80}"
    r"\b(?:botulinum|saline)|(?:botulinum|saline)\b.{0,80}\blidocaine)"
)
# a case that reports a complication, in its title or conclusion: "pneumothorax after dry
# needling", "a complication of trigger point injection"
_COMPLICATION = re.compile(
    r"\b(?:complications?|adverse (?:events?|effects?|reactions?)|injur(?:y|ies)|lesions?|"
    r"(?:osteo)?necrosis|thrombosis|occlusion|fasciitis|abscess|damage|paralysis|palsy|"
    r"rupture|perforation|arrest|tamponade|h(?:a)?emothorax|(?:pericardial|pleural) effusion)\b"
)
# a complication tied to what was done: "after", "following", "caused by" a procedure
_CAUSED = re.compile(
    r"\b(?:after|following|secondary to|caused|induced|due to|related to|associated with|"
    r"complicat\w*|iatrogenic|post[\s-]?(?:injection|needling|procedur\w*|treatment))\b"
)
# what makes an event serious beyond its kind: it needed treatment or left lasting harm
_SERIOUS_WORDS = re.compile(
    r"\b(?:serious|severe|life[\s-]threatening|hospitali[sz]\w*|admitted|emergency|intensive "
    r"care|(?:needed|needing|required|requiring|underwent|undergo) (?:an? |urgent |emergency )?"
    r"(?:surg\w*|operation)|(?:needed|needing|required|requiring) (?:[\w-]+ ){0,2}(?:treatment|"
    r"care|dressings?|antibiotics?|intervention)|surgical (?:drainage|decompression|evacuation|"
    r"repair|treatment)|"
    r"evacuat\w*|decompress\w*|chest (?:tube|drain)|drain(?:age|ed)|paraly\w*|"
    r"paresis|plegia|hemiplegia|permanent|death|died|fatal|epidural|spinal (?:cord|h[a]?ematoma)|"
    r"necrosis|osteonecrosis|occlusion|thrombosis|amputation|tamponade|h(?:a)?emothorax|"
    # a burn that needed care: "a second-degree burn", "healed after four weeks of dressings"
    r"(?:second|third)[\s-]degree|full[\s-]thickness|(?:weeks?|days?) of (?:dressings?|wound "
    r"care|antibiotics?))\b"
)
# "rare serious events", "serious adverse events were rare": a rate, not an event
_RARE_BEFORE = re.compile(
    r"\b(?:rare|rarely|seldom|few|uncommon|infrequent|infrequently)\W+(?:[\w-]+\W+){0,2}$"
)
_RARE_AFTER = re.compile(
    r"(?:\W+[\w-]+){0,3}?\W+(?:are|were|is|was|remain\w*|being) (?:very |extremely |)"
    r"(?:rare|uncommon|infrequent|unusual)"
)
# "no adverse events", "none serious", "well tolerated": a safety statement without events
_EVENT_WORDS = (
    r"(?:adverse (?:events?|effects?|reactions?)|complications?|(?:adverse )?side[\s-]effects?|"
    r"(?:serious |severe |major )harms?|(?:undesirable|unwanted|undesired|untoward) "
    r"(?:events?|effects?|reactions?)|adverse outcomes?|negative (?:side[\s-])?(?:effects?|events?|"
    r"reactions?)|harms? to (?:the )?(?:patients?|participants?|subjects?))"
)
# what sets one arm against another within a sentence
_CONTRAST = re.compile(r"\b(?:whereas|while|but|in contrast|however|unlike)\b")
# a count of people: "12", "twelve", "17 patients (28%)"
_COUNT = (
    r"(?:(?!0(?:\.0+)?%?(?!\.?\d))\d+(?:\.\d+)?%?|one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|"
    r"fifteen|twenty)"
)
_NO_EVENTS = re.compile(
    rf"\b(?:no (?!(?:\w+ )?differ)(?:[\w-]+ ){{0,3}}{_EVENT_WORDS}|without (?:any )?(?:serious )?"
    r"(?:adverse|complications?|side[\s-]effects?)|well[\s-]tolerated|(?:appears?|seems?|is|was|"
    r"are|were|proved|proven|shown|appeared|seemed)(?: to be)? (?:a )?(?:very |generally |"
    r"relatively |both )?"
    r"safe|"
    # "none of the patients had any side effect", "neither technique produced an adverse event"
    r"(?:none|neither)\b(?: of)?(?: the)?(?: [\w-]+){0,2} (?:had|has|have|experienced|reported|"
    r"developed|showed|suffered|produced|caused|led to|presented|described|found)(?: any| an?)?"
    r"(?: serious)? "
    rf"{_EVENT_WORDS}|"
    # "nobody experienced adverse effects", "no participant reported side effects"
    r"(?:nobody|no one|no (?:patients?|participants?|subjects?|volunteers?)) (?:had|has|have|"
    rf"experienced|reported|developed|suffered|showed)(?: any| an?)?(?: serious)? {_EVENT_WORDS}|"
    # "adverse events were not observed", "free of complications"
    rf"{_EVENT_WORDS} (?:were|was) (?:not|never) (?:observed|reported|seen|noted|recorded|found)|"
    # "adverse events did not occur", "... were absent", "adverse events: none", "zero
    # adverse events", "no harms were reported"
    rf"{_EVENT_WORDS} (?:did not|didn't|never) (?:occur|arise|happen|develop)|"
    rf"{_EVENT_WORDS} (?:were|was) (?:absent|nil|none)\b|{_EVENT_WORDS}: none\b|"
    rf"(?:incidence|rate|frequency|proportion) of (?:[\w-]+ )?{_EVENT_WORDS} (?:was|were) "
    r"0(?:\.0+)?\s*%|"
    rf"{_EVENT_WORDS} (?:occurred|(?:were|was) (?:observed|reported|seen|noted|recorded)) "
    r"(?:in|by) (?:0|zero|none)\b(?!\.\d)|"
    rf"zero (?:[\w-]+ ){{0,2}}{_EVENT_WORDS}|no (?:[\w-]+ ){{0,2}}harms? (?:were|was) "
    r"(?:reported|observed|found|noted|recorded|seen)|"
    # the treatment "did not cause any complications", "does not produce side effects"
    r"(?:did|does|do) not (?:cause|produce|lead to|result in|induce|provoke)(?: any)?"
    rf"(?: serious| major)? {_EVENT_WORDS}|"
    # "all patients tolerated the treatment well", "the procedure was tolerated well"
    r"tolerated (?:(?:the|this|each|every|all) (?:[\w-]+ ){0,2}|it |them )?well\b|"
    # "no participant withdrew because of adverse effects"
    r"(?:no|none of the) (?:patients?|participants?|subjects?|volunteers?) (?:withdrew|dropped "
    rf"out|discontinued)(?: [\w-]+){{0,3}} (?:because of|due to|owing to) {_EVENT_WORDS}|"
    rf"free (?:of|from) (?:any )?{_EVENT_WORDS}|"
    # no more events than the control arm: "adverse events occurred about as often as with
    # control", "the groups did not differ in adverse events"
    rf"{_EVENT_WORDS},?(?: [\w-]+,?){{0,2}} (?:occurred|were|was|happened) (?:about |roughly |"
    r"equally |similarly )?(?:as (?:often|frequent|frequently|common)|similar(?:ly)? "
    r"(?:frequent|common|often)|(?:no|not) more (?:often|frequent|common))|"
    rf"(?:did|do) not differ (?:[\w-]+ ){{0,3}}in (?:the )?(?:[\w-]+ ){{0,2}}{_EVENT_WORDS}|"
    # "the rate of adverse events did not differ significantly between the groups"
    rf"{_EVENT_WORDS} (?:did|do) not differ\b|"
    # "adverse effects were similar between the groups"
    rf"{_EVENT_WORDS} (?:were|was) (?:\w+ and )?(?:\w+ )?(?:similar|comparable) (?:between|across|"
    r"in|among) "
    r"(?:the )?(?:both |all |two |three |treatment |study )?(?:groups|arms)|"
    rf"no (?:significant )?differences? (?:[\w-]+ ){{0,3}}in (?:the )?(?:[\w-]+ ){{0,2}}"
    rf"{_EVENT_WORDS})"
)
# events that occurred, named only as minor ones: "minor, transitory adverse events happened
# more often", "its complication rate being low"
_MINOR_OCCURRED = re.compile(
    r"\b(?:(?:minor|minimal|mild|transient|transitory|few|low|rare|small)(?:,? [\w-]+){0,2} "
    rf"{_EVENT_WORDS}|complication rates?|"
    # "adverse events of a minor kind were frequent", "side effects were mild and transient"
    # "the side effects of laser were mild", "adverse events in either arm were minor"
    rf"{_EVENT_WORDS}(?: (?:of|with|in|from|after|during|among) (?:the |either |both |each )?"
    r"[\w-]+(?: [\w-]+)?)? (?:of an? |were |was |being |remained )(?:\w+ )?(?:minor|minimal|mild|"
    r"transient|transitory|self-limiting)|"
    # "serious adverse events are rare": the treatment is generally safe, some events occur
    rf"{_EVENT_WORDS} (?:are|were|is|was|remain\w*) (?:very |extremely )?(?:rare|uncommon|"
    r"infrequent)|"
    # the events that occurred, listed: "adverse events were limited to transient redness",
    # "soreness was the only side effect", "apart from mild discomfort, no side effects"
    rf"{_EVENT_WORDS} (?:were|was) (?:limited|confined|restricted) to|the only {_EVENT_WORDS}|"
    rf"(?:was|were) the only (?:[\w-]+ )?{_EVENT_WORDS}|(?:apart from|except for|other than|"
    r"aside from|besides) [^,.;]{3,60},? (?:there were )?no (?:other |further )?(?:[\w-]+ )?"
    rf"{_EVENT_WORDS}|"
    # "adverse events were poorly reported; where reported, they were mild"
    rf"{_EVENT_WORDS}\b[^.]{{0,60}}\b(?:they|these|which) (?:were|was) (?:\w+ )?(?:minor|minimal|"
    r"mild|transient|transitory|self-limiting)|"
    # events counted without a vocabulary id: "complications occurred in 3 patients",
    # "two participants reported adverse events"
    rf"{_EVENT_WORDS} (?:occurred|arose|developed|(?:were|was) (?:observed|reported|seen|noted|"
    rf"recorded)) in {_COUNT}|"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:[\w-]+ )?(?:patients?|"
    r"participants?|subjects?) (?:had|experienced|reported|developed) (?:an? )?(?:\w+ )?"
    rf"{_EVENT_WORDS}|"
    # a count of people with a mild event: "three participants reported transient dizziness"
    r"(?:\d+|one|two|three|four|five|six|seven|eight|nine|ten) (?:[\w-]+ )?(?:patients?|"
    r"participants?|subjects?|volunteers?) (?:in the (?:[\w-]+ ){1,2}(?:group|arm) )?(?:had|"
    r"experienced|reported|developed|felt|complained of) (?:an? )?(?:transient|transitory|mild|"
    r"minor|slight)|"
    # "some patients experienced transient numbness"
    r"(?:some|several|a few|many|most) (?:of the )?(?:patients|participants|subjects|volunteers) "
    r"(?:had|experienced|reported|developed|felt|complained of) (?:an? )?(?:transient|transitory|"
    r"mild|minor|slight)|"
    # events counted: "twelve adverse events were reported", "a total of 23 adverse events were
    # recorded", "adverse events, all minor, were reported by 9 participants", "17 patients
    # (28%) reported at least one adverse event", "the incidence of adverse events was 18.5%"
    rf"{_COUNT} (?:[\w-]+ )?{_EVENT_WORDS} (?:were|was) (?:reported|recorded|observed|noted)|"
    rf"{_EVENT_WORDS}(?:, [\w ]{{3,20}},)? (?:were|was) (?:reported|experienced|noted|observed|"
    rf"recorded) (?:by|in) {_COUNT}|"
    rf"{_COUNT} (?:[\w-]+ )?(?:patients?|participants?|subjects?)(?: \([^)]{{1,20}}\))? "
    rf"(?:had|experienced|reported|developed) (?:at least one |one or more )(?:\w+ )?"
    rf"{_EVENT_WORDS}|"
    rf"(?:incidence|rate|frequency|proportion) of (?:[\w-]+ )?{_EVENT_WORDS} (?:was|were) "
    r"(?!0(?:\.0+)?\s*%)\d+(?:\.\d+)?|"
    # "adverse events were more frequent with dry needling than with sham"
    rf"{_EVENT_WORDS} (?:were|was) (?:significantly )?more (?:frequent|common|often)|"
    # named events, mild ones, counted: "transient redness occurred in 10% of patients"
    r"(?:transient|transitory|mild|minor|slight) (?:[\w-]+,? (?:and |or )?){1,4}(?:occurred|"
    r"appeared|developed|(?:was|were) (?:observed|reported|noted|seen)) in (?:\d+|one|two|three|"
    r"four|five|six|seven|eight|nine|ten))\b"
)
# a result within one arm or in every arm, which says nothing of the difference between them
_WITHIN = re.compile(
    r"\b(?:both (?:(?:treatment|study|intervention|therapy|experimental) )?(?:groups|arms)|in "
    r"(?:all|each|every) (?:(?:\d|two|three|four|five) )?(?:(?:treatment|study|intervention|"
    r"therapy|experimental) )?(?:groups?|arms?)|within[\s-]group|"
    # "each of the two modalities proved effective" (not "... better than sham")
    r"(?:each|both|all) of the (?:two|three|four) (?:modalities|treatments|techniques|methods|"
    r"therapies|approaches|interventions|procedures)\b(?![^.;]*\b(?:than|compared|versus|"
    r"relative)\b)|"
    # "focused and radial shockwave can both lower pain", "were both followed by"
    r"(?:can|could|may|might|did|do|does|were|are|was|have|had|will) both\b"
    r"(?![^.;]*\b(?:than|compared|versus|relative)\b)|"
    # "shockwave, laser and exercise each lowered pain" (not "... more than sham")
    r"(?:each|all) (?:significantly |markedly |clearly )?(?:lowered|reduced|improved|relieved|"
    r"decreased|eased|increased)\b(?![^.;]*\b(?:than|compared|versus|relative)\b)|"
    # "superficial and deep needling both brought changes" (not "pain and disability both
    # fell more than with sham")
    r"and (?:[\w-]+ ){0,3}both (?!groups|arms)[a-z]+(?:ed|ght)\b"
    r"(?![^.;]*\b(?:than|compared|versus|relative)\b)|"
    r"from baseline|compared (?:with|to) baseline|over time|at baseline|before (?:the )?"
    r"(?:treatment|intervention|randomi[sz]ation|injections?|needling|procedure|therapy)|"
    r"baseline (?:characteristics|values|data|scores|measures)|pre-?treatment|demographic)\b"
)
# a comparison of the arms at baseline and at a later time too: "did not differ between the
# groups before treatment, at six weeks or at three months" (the later times are a result)
_BASELINE_AND_LATER = re.compile(
    r"\bbetween (?:the )?(?:two |three )?(?:groups|arms)\b.{0,40}?\b(?:at baseline|before (?:the )?"
    r"(?:treatment|intervention|therapy))\b.{0,60}?\b(?:after|later|last|end|follow-?up|post\w*|"
    r"\d+ (?:weeks?|months?|days?)|weeks?|months?)\b"
)
# a clause about every arm: "both groups improved", "all groups showed favourable results",
# "in each of the three arms"; and "both X and Y were effective" (an arm the vocabulary
# may name otherwise, so only when the record studies two treatments)
_EVERY_ARM = re.compile(
    r"\b(?:both|all|each|every)(?: of the)?(?: two| three| four| five| \d)?(?: treatment| study| "
    r"intervention| therapy| experimental)? (?:groups|arms|treatments|"
    r"interventions|techniques|methods|therapies|modalities|approaches|procedures)\b|"
    r"\b(?:each|every) (?:treatment |study |intervention )?(?:group|arm)\b"
)
# "either X or Y may relieve pain": each of the two (not "better than either X or Y")
_EITHER_OR = re.compile(
    r"(?<!than )(?<!versus )(?<!over )(?<!to )\beither\b(?! (?:group|arm)\b).{1,60}?\bor\b"
)
# a clause that denies the previous one's result of the treatments it names
_BUT_NOT = re.compile(r"\W*not\b(?! (?:at|in|on|after|for|during|beyond|until|by)\b)")
# "..., but not ultrasound, reduced pain": the clause after "but" is "not NAME, PREDICATE"
_APPOSITIVE_NOT = re.compile(r"\W*not (?:[\w-]+ ){0,5}?[\w()-]+, ")
# "..., but not for lateral epicondylitis": a condition the benefit did not reach
_NOT_FOR = re.compile(
    r"\W*not (?:for|in|among) (?:(?:those|people|patients|participants|subjects) with )?"
)


def _not_for_condition(text: str, start: int, conditions: list[Match]) -> bool:
    """Whether a clause opens on "not for" a condition the record names ("but not for
    lateral epicondylitis"), not on a time ("but not for long")."""
    found = _NOT_FOR.match(text)
    return found is not None and any(m.start == start + found.end() for m in conditions)


# "...; therapeutic ultrasound did not."
_ELLIPTIC_NOT = re.compile(r"\b(?:did|does|do|was|were|is|are|could|can) not\W*$")
# an add-on design named in the finding's sentence: "DN added to exercise", "TENS alone"
_ADD_ON = re.compile(
    r"\b(?:added to|adding|add-on|in addition to|(?:than|versus|vs\.?|with|to|or|and|over|"
    r"compared) (?:the )?(?:[\w-]+ ){1,3}(?:alone|only|by itself|on its own)|(?:therapy|"
    r"treatment|care|exercises?|physiotherapy|programme|program|stretching|medication|"
    r"rehabilitation) alone)\b"
)
_BOTH_AND = re.compile(r"\bboth\b.{1,60}?\band\b")
# "whether or not X was added, the co-treatment relieved pain": X made no difference
_REGARDLESS = re.compile(
    r"\b(?:whether or not|with or without|regardless of(?: whether)?|irrespective of(?: "
    r"whether)?)\s+(?:(?:the|an?|any)\s+)?(?:[\w-]+\s+){0,2}$"
)
_OR_NOT = re.compile(
    r"\b(?:whether or not|with or without|(?:did|does|do) no more than(?= (?!sham|placebo|"
    r"control|the|a|an|usual|no)[a-z]+\b))\b"
)
# a result set against a treatment the vocabulary has no id for: "more effectively than
# pulsed shortwave", not "than sham", "than the control group", "than at baseline"
_THAN_ANOTHER = re.compile(
    r"\b(?:more (?:effective(?:ly)?|efficacious)|better|superior|greater \w+) (?:[\w-]+ ){0,4}?"
    r"(?:than|to|over) (?:(?:those|that) of )?(?:the |a |an )?(?!(?:sham|placebo|control|"
    r"controls|no|usual|wait\w*|baseline|before|pre\w*|those|that|the|other|group|groups|arm|arms|in|at|after|with|"
    r"when|expected|previously|standard care)\b)[a-z]"
)
# a sentence that only registers the trial or names its funding: "Trial registration:
# NCT01234567", "Clinical trial registration number: ...", "Registered at ...", "Funded by"
_REGISTRATION = re.compile(
    r"\W*(?:(?:clinical )?trials? regist\w*|registration (?:number|no\.?|id)|regist(?:ered|ry) "
    r"(?:at|with|in|on|as|under|number)|(?:nct|isrctn|actrn|irct|chictr|drks)\s*\d|prospero\b|"
    r"crd\s*\d|(?:this (?:study|trial|work) was )?funded by|funding\b)"
)
# the title or aim sets the treatment against one the vocabulary has no id for: "dry
# needling versus corticosteroid injection", "X or local steroid infiltration", "to compare
# X with oral muscle relaxants" (a placebo, no treatment or a co-treatment alone is read
# before this, by `_Record.comparator`)
_TREATMENT_NOUNS = (
    r"(?:injections?|infiltrations?|blocks?|drugs?|medications?|medicines?|tablets|pills|"
    r"steroids?|corticosteroids?|cortisone|analgesics?|anti-?inflammator\w+|nsaids?|"
    r"relaxants?|surgery|surgical \w+|operations?|splints?|splinting|orthos[ie]s|insoles|"
    r"braces?|bracing|taping|physiotherapy|exercises?|stretching|massage|mobili[sz]ations?|"
    r"manipulations?|therap(?:y|ies)|treatments?)"
)
_VERSUS_UNLISTED = re.compile(
    r"\b(?:versus|vs\.?|compared (?:with|to)|in comparison (?:with|to)|against|or|"
    r"compar\w* (?:the )?(?:[\w()-]+ ){1,6}?(?:with|to|and)) (?:an? |the |local |oral )?"
    rf"(?:[\w-]+ ){{0,2}}?{_TREATMENT_NOUNS}\b"
)
# a control arm told by the treatment it had: "a control group treated with drugs", "the
# controls took two tablets", "control group (n = 20) received oral analgesics"; not a sham,
# placebo, usual care or nothing
_CONTROL_TREATED = re.compile(
    r"\b(?:control (?:group|arm)s?|controls)\b[^.;]{0,40}?\b(?:treated with|receiving|received|"
    r"given|took|taking|prescribed|had)\s+(?!(?:an? |the |their )?(?:sham|placebo|no|usual|"
    r"standard|conventional|routine|the same|only|nothing|none)\b)(?:an? |the |oral |local )?"
    rf"(?:[\w/-]+ ){{0,4}}?{_TREATMENT_NOUNS}\b"
)
# "... had stretching and orthoses only": the co-treatment alone, an add-on design
_ALONE_AFTER = re.compile(r"(?:[\s,]+(?:and |or )?[\w/-]+){0,4}?[\s,]+(?:only|alone)\b")


def _control_treated(context: str) -> bool:
    """Whether the control arm had a treatment of its own (`_CONTROL_TREATED`), not the
    co-treatment alone ("a control group that had stretching and orthoses only")."""
    return any(not _ALONE_AFTER.match(context, m.end()) for m in _CONTROL_TREATED.finditer(context))


# "compared with other therapies", "versus other conservative treatments"
_VERSUS_OTHERS = re.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?|against|than) (?:any |all )?other (?:[\w-]+ )?"
    r"(?:techniques|therapies|treatments|interventions|modalities|approaches)\b"
)
_AS_WELL_AS_OTHERS = re.compile(
    r"\bas well as (?:any |all |the )?other (?:[\w-]+ )?(?:techniques|therapies|treatments|"
    r"interventions|modalities|approaches)\b"
)
# one form of a treatment set against another in a clause: "X at A versus X at B", "X at
# A and X at B were alike"
_VERSUS_WORDS = re.compile(r"\b(?:than|versus|vs|compared|against)\b")
_AND_OR = re.compile(r"\b(?:and|or)\b")
_ALIKE_WORDS = re.compile(r"\b(?:similar\w*|alike|differ\w*|same|equal\w*|comparable|equivalent)\b")
# "could not be blinded", "we cannot exclude": an inability, not a hedge of the result
_CANNOT = re.compile(r"\b(?:could|can) ?not\b")


@dataclass(frozen=True, slots=True)
class _Clause:
    text: str  # lower-cased
    sentence: str  # original case, for Finding.sentence
    subjects: frozenset[str]  # interventions it is about (not as comparator)
    comparators: frozenset[str]
    conditions: frozenset[str]
    outcomes: tuple[str, ...]
    direction: str | None
    strong: bool  # the evidence cannot tell ("insufficient", "cannot be drawn")
    weak: bool  # a call for more research
    modal: bool  # "may", "appears", "suggests"
    qualifiers: frozenset[str]  # short_term, low_certainty, combined_treatment, ...
    low: bool = False  # a stated result, qualified ("low-certainty evidence suggests")
    within: bool = False  # a change from baseline or in both arms: not a comparison
    repeated: frozenset[str] = frozenset()  # named twice: "DN of A and DN of B were alike"
    names: frozenset[str] = frozenset()  # the studied interventions it names itself


def extract_findings(article: Article, tags: Sequence[Tag], vocab: Vocabulary) -> list[Finding]:
    """What ``article`` concludes about each tagged intervention, condition and outcome."""
    doc = build_document(article)
    return findings_from_document(article, doc, tags, vocab, find_matches(doc, vocab))


def analyse_article(article: Article, vocab: Vocabulary) -> tuple[list[Tag], list[Finding]]:
    """Tags and findings of one record, laying out and matching its text once (for ingest)."""
    doc = build_document(article)
    matches = find_matches(doc, vocab)
    tags = tag_document(article, doc, vocab, matches)
    return tags, findings_from_document(article, doc, tags, vocab, matches)


def findings_from_document(
    article: Article, doc: Document, tags: Sequence[Tag], vocab: Vocabulary, matches: Matches
) -> list[Finding]:
    """`extract_findings` on a document already laid out and matched."""
    return _findings(article, doc, tags, vocab, matches, early_exit=True)


def _findings(
    article: Article,
    doc: Document,
    tags: Sequence[Tag],
    vocab: Vocabulary,
    matches: Matches,
    *,
    early_exit: bool,
) -> list[Finding]:
    """`findings_from_document`; ``early_exit=False`` is the plain path (for the tests)."""
    design = next((t.value for t in tags if t.dimension == "design"), None)
    if design in NO_FINDING_DESIGNS or not doc.has_abstract:
        return []
    order = vocab.order("intervention")
    interventions = sorted(
        {t.value for t in tags if t.dimension == "intervention"},
        key=lambda v: order.get(v, len(order)),
    )
    if not interventions:
        return []
    # a co-treatment every arm had ("both groups were also given exercise and hot packs"):
    # not a studied treatment, so no finding of its own (`_co_treatments`)
    shared = _co_treatments(doc, matches, interventions)
    if shared and len(shared) < len(interventions):
        interventions = [i for i in interventions if i not in shared]
    units = _conclusion_units(doc, guideline=design == "guideline")
    fallback = _result_units(doc, units)
    conditions: list[str | None] = list(
        dict.fromkeys(t.value for t in tags if t.dimension == "condition")
    ) or [None]
    record = _Record(pmid=article.pmid, design=design, doc=doc, context=None)
    record.forms = len(interventions) == 1 and _two_forms_titled(doc, matches, interventions[0])
    findings: list[Finding] = []
    # Most records name no cue where a result is read: no effect finding (`_names_a_cue`).
    # a case of a complication ("nerve injury after dry needling"): its recovery ("symptoms
    # resolved") is not the treatment's effect; its safety finding says what happened
    case_of_harm = design in _CASE_DESIGNS and _title_names_harm(doc, matches)
    if not case_of_harm and (not early_exit or _names_a_cue(doc, units + fallback)):
        findings = _effect_findings(
            record, units, fallback, matches, interventions, conditions, vocab
        )
    # the safety finding is about the record's population: each condition the title names
    # ("temporomandibular myofascial pain" is both, one population); of a record about
    # several conditions, none named in its title, about none of them
    safety_conditions = conditions[:1]
    if len(conditions) > 1:
        titled = _title_terms(doc, matches, "condition")
        safety_conditions = [c for c in conditions if c in titled] or [None]
    for condition in safety_conditions:
        findings.extend(_safety_findings(record, tags, matches, interventions, condition))
    return findings


# a sentence telling what every arm had besides the compared treatments: "both groups were
# also given exercise", "all participants followed a stretching routine", "in addition,
# patients in each arm received heat", "as a co-intervention"
_CO_TREATMENT = re.compile(
    r"\b(?:(?:both|all|each of the (?:two|three|four)) (?:of the )?(?:groups|arms|patients|"
    r"participants|subjects)|(?:patients|participants|subjects) (?:in|of) (?:both|all|each|"
    r"every) (?:groups?|arms?))\b(?:,? \w+)?,? (?:also |additionally |likewise )?(?:were "
    r"(?:also )?(?:given|offered|prescribed|taught|instructed in|treated with)|received|"
    r"underwent|performed|did|followed|continued|got|had|took part in|attended)\b|"
    r"\b(?:in addition|additionally|besides|apart from|on top of|alongside)\b[^.;]{0,80}?\b"
    r"(?:both|all|each|every) (?:of the )?(?:groups?|arms?|patients?|participants?|subjects?)\b|"
    r"\bco-?(?:treatments?|interventions?)\b|\bcommon to (?:both|all|each)\b"
)


# what joins two forms of one treatment set against each other: "IFC or TENS", "IFC (a)
# versus TENS", "compared interferential current with TENS"
_FORMS_JOINED = re.compile(r"^\W*(?:\([^()]{1,12}\)\W*)?(?:or|versus|vs\.?|against|with|and)\W+$")


def _two_forms_titled(doc: Document, matches: Matches, intervention: str) -> bool:
    """Whether the title or the aim names the record's one studied treatment twice, in two
    different words, set against each other ("interferential current or TENS for low back
    pain"): two forms of it compared (LABELLING: comparator variant), not a treatment
    against an unnamed control."""
    lower = doc.lower
    found = [
        m
        for m, role in counted_matches("intervention", doc, matches)
        if m.term == intervention and role in ("title", "objective")
    ]
    for a, b in pairwise(found):
        if (
            doc.unit_at(a.start) is doc.unit_at(b.start)
            and lower[a.start : a.end] != lower[b.start : b.end]
            and _FORMS_JOINED.match(lower[a.end : b.start])
        ):
            return True
    return False


def _co_treatments(doc: Document, matches: Matches, interventions: list[str]) -> set[str]:
    """The studied-looking treatments the record names only as what every arm had besides
    the compared ones: each of its mentions stands after a co-treatment cue
    (`_CO_TREATMENT`) in its sentence. One named anywhere else (title, aim, a result, the
    conclusion) is studied."""
    lower = doc.lower
    if not _CO_TREATMENT.search(lower):
        return set()
    seen: dict[str, bool] = {}
    for m, _ in counted_matches("intervention", doc, matches):
        if m.term not in interventions:
            continue
        unit = doc.unit_at(m.start)
        cue = _CO_TREATMENT.search(lower, unit.start, m.start)
        seen[m.term] = seen.get(m.term, True) and cue is not None
    return {term for term, shared in seen.items() if shared}


def _effect_findings(
    record: _Record,
    units: list[Unit],
    fallback: list[Unit],
    matches: Matches,
    interventions: list[str],
    conditions: list[str | None],
    vocab: Vocabulary | None = None,
) -> list[Finding]:
    """What the conclusion (or, where it states no result, the results) says of each
    studied (intervention, condition)."""
    doc = record.doc
    context = _context(doc) if len(interventions) > 1 else None
    record.context = context
    record.studied = len(interventions)
    controlled = context is None or is_controlled(context)
    aliases = (
        _arm_aliases(doc, matches, vocab, interventions)
        if vocab is not None and len(interventions) > 1
        else []
    )
    clauses = _read_clauses(doc, units, matches, set(interventions), controlled, aliases)
    # a change within the arms ("both groups improved from baseline") only when the results
    # state no difference between them (they are read last); "both groups improved, without
    # group differences" states that difference; a rise within the arms is no harm
    read = _read_clauses(doc, fallback, matches, set(interventions), controlled, aliases)
    # a result qualified in another clause of its sentence: "spasticity fell, although the
    # evidence was of low certainty", "(MD -1.5; low-certainty evidence)"
    qualified = {c.sentence for c in read if c.low and c.direction is None}
    results = [
        replace(c, low=True) if c.sentence in qualified else c
        for c in read
        if c.direction in ("benefit", "no_benefit", "similar", "harm")
        and (not c.within or c.direction != "harm")
    ]
    # the conditions a stated result is confined to: those named in a decisive clause (not
    # one named only where the conclusion states no result: "MPS is a common source of low
    # back pain. TPI relieved low back pain" speaks to MPS too)
    named = {c for clause in clauses if clause.direction is not None for c in clause.conditions}
    # a review that concludes the evidence cannot tell: its results section lists what the
    # trials found, which its authors have just said does not add up to a finding; but a
    # treatment the conclusion leaves out keeps the results that name it ("the evidence for
    # DN is insufficient" leaves "kinesio taping gave short-term relief" to speak for taping)
    undecided_review = record.design in _REVIEW_DESIGNS and any(
        c.strong and c.direction == "inconclusive" for c in clauses
    )
    concluded = {i for c in clauses for i in c.subjects | c.comparators}
    hedged_trial = (
        []
        if record.design in _REVIEW_DESIGNS
        else [
            replace(
                c,
                direction=None,
                subjects=frozenset(interventions),
                outcomes=(),
                strong=False,
                weak=False,
                qualifiers=frozenset(),
            )
            for c in clauses
            if c.direction is not None and _qualifies(c, c)
        ][:1]
    )
    findings: list[Finding] = []
    for intervention in interventions:
        for condition in conditions:

            def about(c: _Clause, i: str = intervention, k: str | None = condition) -> bool:
                return i in c.subjects and (
                    k is None or k in c.conditions or not c.conditions or k not in named
                )

            own = [c for c in clauses if about(c)]
            decided = [c for c in own if c.direction is not None]
            if (
                decided
                and record.design in _REVIEW_DESIGNS
                and len(interventions) > 1
                and not any(intervention in c.names for c in clauses)
            ):
                # a review whose conclusion never names this treatment, only its
                # treatments at large ("needle-based treatments may help"), where its
                # results state this one's own otherwise ("TPI did not differ from DN"):
                # the treatment's own result comes first
                named_result = next(
                    (c for c in results if about(c) and intervention in c.names and not c.within),
                    None,
                )
                if named_result is not None and _kind_of(named_result.direction) == _kind_of(
                    decided[0].direction
                ):
                    named_result = None
                if named_result is not None:
                    own = [named_result, *own]
                    decided = [named_result, *decided]
            if decided and all(c.within and c.direction == "benefit" for c in decided):
                # "both groups improved": the results say whether the arms differed
                own += [
                    c
                    for c in results
                    if about(c) and not c.within and c.direction in ("no_benefit", "similar")
                ][:1]
            left_out = undecided_review and intervention not in concluded
            if not decided and (not undecided_review or left_out):
                # a conclusion that states no result of its own: the results say it, those
                # about a vocabulary outcome first (not "muscle thickness did not change")
                said = sorted(
                    (c for c in results if about(c) and (not left_out or intervention in c.names)),
                    key=lambda c: (c.within, not c.outcomes),
                )
                own = said + own
                if said and hedged_trial:
                    # a single study whose conclusion hedges the result it states of its
                    # other arm name ("these results suggest TrP-EA relieved pain"): the
                    # hedge is the study's, so it qualifies what its results say here too
                    own.append(hedged_trial[0])
            if own:
                found = _findings_for(record, intervention, condition, own)
                findings.extend(found)
                if found and record.design not in _REVIEW_DESIGNS | _UNCONTROLLED_DESIGNS:
                    other = [c for c in clauses + results if about(c)]
                    findings.extend(_other_statement(record, found[0], other))
                    findings.extend(_within_statement(record, found[0], other))
                    findings.extend(_equivalence_statement(record, found[0], other))
    return findings


def _other_statement(record: _Record, first: Finding, clauses: list[_Clause]) -> list[Finding]:
    """A trial's between-arm statement about one pair whose first finding is a change
    within each arm ("both groups improved from baseline": benefit, comparator none) when
    the conclusion or the results also say the arms did not differ, or that this arm alone
    did better ("a significant advantage for the DN group") (LABELLING: the change within
    each arm is a finding in addition to the between-group one). Not the reverse: a
    within-arm change added to a null result against sham would read as evidence for the
    treatment downstream, where findings are counted, not weighed by comparator."""
    if first.comparator != "none" or first.direction != "benefit":
        return []
    head_to_head = any(len(c.subjects) > 1 or c.comparators for c in clauses)
    clause = next(
        (
            c
            for c in clauses
            if not c.within
            and (
                c.direction in ("no_benefit", "similar")
                # "a significant advantage for the DN group": this arm's alone, in a trial
                # of two named treatments (not a single-arm study's own conclusion)
                or (
                    c.direction == "benefit" and head_to_head and c.subjects == {first.intervention}
                )
            )
        ),
        None,
    )
    if clause is None:
        return []
    direction: Direction = "benefit" if clause.direction == "benefit" else "no_benefit"
    comparator = record.comparator(
        head_to_head,
        sentence=clause.sentence.lower(),
        studied=record.studied,
        twice=first.intervention in clause.repeated,
    )
    # its own certainty: the study's (a pilot) or its sentence's, not the hedge of the
    # within-arm statement ("either may relieve pain")
    qualifiers = {q for q in first.qualifiers if q not in ("vs_active", "low_certainty")}
    if _clause_is_hedged(record, clause):
        qualifiers.add("low_certainty")
    if record.sham:
        qualifiers.add("vs_sham")
    if head_to_head:
        qualifiers.add("vs_active")
    if comparator == "active" and direction == "no_benefit":
        qualifiers.add("similar_to_active")
    return [_second_finding(record, first, clause, direction, qualifiers, comparator)]


def _within_statement(record: _Record, first: Finding, clauses: list[_Clause]) -> list[Finding]:
    """The converse of `_other_statement` for a head-to-head trial: a pair whose first
    finding sets it against another active treatment (comparator active: "did not differ",
    "relieved pain more than laser") also gets the change within each arm when the
    conclusion or the results state it ("both groups improved"). Only against an active
    treatment: beside a null result against sham or no treatment, a change within the arm
    is no evidence for the treatment."""
    if first.comparator not in ("active", "variant") or first.direction not in (
        "no_benefit",
        "benefit",
    ):
        return []
    clause = next((c for c in clauses if c.within and c.direction == "benefit"), None)
    if clause is None:
        return []
    qualifiers = {q for q in clause.qualifiers if q != "low_certainty"}
    if _clause_is_hedged(record, clause):
        qualifiers.add("low_certainty")
    return [_second_finding(record, first, clause, "benefit", qualifiers, "none")]


def _equivalence_statement(
    record: _Record, first: Finding, clauses: list[_Clause]
) -> list[Finding]:
    """A trial of two treatments and a control whose first finding for a pair is a benefit
    over that control (sham or no treatment) also gets the equivalence of the two active
    arms when a clause about both states it ("ESWT worked as well as US, and both beat
    sham ESWT"): no benefit over the other active arm (comparator active)."""
    if first.direction != "benefit" or first.comparator not in ("sham", "no_treatment"):
        return []
    clause = next(
        (
            c
            for c in clauses
            if len(c.subjects | c.comparators) > 1 and not c.within and states_equivalence(c.text)
        ),
        None,
    )
    if clause is None:
        return []
    qualifiers = {"similar_to_active", "vs_active"}
    if _clause_is_hedged(record, clause):
        qualifiers.add("low_certainty")
    return [_second_finding(record, first, clause, "no_benefit", qualifiers, "active")]


def _clause_is_hedged(record: _Record, clause: _Clause) -> bool:
    """A second statement's own certainty: the study's (a pilot) or its sentence's."""
    return record.pilot or clause.low or _qualifies(clause, clause)


def _second_finding(
    record: _Record,
    first: Finding,
    clause: _Clause,
    direction: Direction,
    qualifiers: set[str],
    comparator: str,
) -> Finding:
    """A further finding for the pair of ``first``, stated by ``clause``."""
    return Finding(
        record.pmid,
        first.intervention,
        first.condition,
        None,
        direction,
        record.design,
        clause.sentence,
        tuple(sorted(qualifiers)),
        record.size,
        comparator=comparator,
    )


def _safety_findings(
    record: _Record,
    tags: Sequence[Tag],
    matches: Matches,
    interventions: list[str],
    condition: str | None,
) -> list[Finding]:
    """One safety finding per studied intervention when the record reports adverse events
    that occurred (`harm`, serious or minor, with the events), or that none did
    (`no_harm`). The events are the record's adverse_event tags: occurred, not negated."""
    doc = record.doc
    events = tuple(dict.fromkeys(t.value for t in tags if t.dimension == "adverse_event"))
    if events:
        # what the treatment is for ("laser for second degree burns"): not an event of it
        treated = _treated_events(doc, matches)
        events = tuple(e for e in events if e not in treated)
    direction: Direction = "harm"
    unit: Unit | None = None
    if events:
        mentions = counted_matches("adverse_event", doc, matches)
        first = next((m for m, role in mentions if role not in ("background", "other")), None)
        unit = doc.unit_at(first.start) if first is not None else None
    elif record.design in _CASE_DESIGNS:
        # a case of a complication the vocabulary has no id for (a bone lesion, a stroke),
        # tied to a treatment: not the injury the patient came with
        unit = next(
            (
                u
                for u in _units_with(doc, ("title", "conclusions", "body"), _COMPLICATION)
                if _names_complication(doc, matches, u.start, u.end)
                and (
                    _CAUSED.search(doc.lower, u.start, u.end)
                    or any(u.start <= m.start < u.end for m in matches.get("intervention"))
                )
            ),
            None,
        )
    if unit is None and not events and record.design != "case_report":
        # minor events the vocabulary has no id for; else a statement that none occurred
        # (a series of treated patients says so as a trial does: "no complications occurred")
        unit = next(
            (
                u
                for u in _units_with(
                    doc, ("results", "conclusions", "body"), _MINOR_OCCURRED, affirmed=True
                )
                if not _events_of_the_other_arm(doc.lower[u.start : u.end])
            ),
            None,
        )
        if unit is None:
            direction = "no_harm"
            unit = _first_unit(doc, ("methods", "results", "conclusions", "body"), _NO_EVENTS)
    if unit is None:
        return []
    sentence = doc.unit_text(unit)
    if direction == "no_harm":
        seriousness = "none"
    elif set(events) & SERIOUS_EVENTS or _serious_words(doc, record.design, unit):
        seriousness = "serious"
    else:
        seriousness = "minor"
    # the interventions the sentence names, when it names any of the studied ones
    named = [
        m.term
        for m, _ in counted_matches("intervention", doc, matches)
        if unit.start <= m.start < unit.end and m.term in interventions
    ]
    if named:
        interventions = [i for i in interventions if i in named]
    # what the events were compared with: the record's comparison (a safety statement is
    # about the arms as designed, not about one sentence's head-to-head)
    comparator = record.comparator(len(interventions) > 1, studied=len(interventions))
    return [
        Finding(
            record.pmid,
            intervention,
            condition,
            "adverse_events",
            direction,
            record.design,
            sentence,
            (),
            record.size,
            kind="safety",
            comparator=comparator,
            events=events,
            seriousness=seriousness,
        )
        for intervention in interventions
    ]


@dataclass(slots=True)
class _Record:
    """What every finding of one record shares. Whether it is a pilot, sham-controlled,
    and its sample size are read on first use: most records conclude nothing."""

    pmid: int
    design: str | None
    doc: Document
    context: str | None  # `_context`, when already read
    studied: int = 1  # how many treatments the record studies
    forms: bool = False  # its title or aim sets two forms of one treatment against each other
    _pilot: bool | None = None
    _sham: bool | None = None
    _size: tuple[int | None] | None = None

    @property
    def pilot(self) -> bool:
        if self._pilot is None:
            lower = self.doc.lower
            self._pilot = any(
                _PILOT.search(lower, u.start, u.end)
                for u in self.doc.units_with("title", "objective")
                if any(w in lower[u.start : u.end] for w in ("pilot", "feasib", "preliminary"))
            )
        return self._pilot

    @property
    def sham(self) -> bool:
        if self._sham is None:
            context = self.context if self.context is not None else _context(self.doc)
            self._sham = is_sham_controlled(context)
        return self._sham

    def comparator(
        self,
        head_to_head: bool,
        *,
        within: bool = False,
        sentence: str = "",
        studied: int = 1,
        twice: bool = False,
    ) -> str:
        """What the studied arm was compared with: `sham`, `no_treatment`, `active`,
        `variant`, `none` (no comparison, or a result ``within`` each arm: "both groups
        improved") or `mixed` (a review whose trials pool several comparators).

        ``sentence``: the finding's own (lower-cased); ``studied``: how many treatments the
        record studies (a randomized trial of one compares it with no treatment);
        ``twice``: the finding's clause names the intervention twice, one form of it set
        against another ("DN of the trapezius and DN of the scalenes were alike")."""
        if self.design in _UNCONTROLLED_DESIGNS:
            # two forms of the treatment set against each other in the finding's sentence
            # ("low-energy outperformed high-energy"): the series compares variants
            return "variant" if _VARIANT.search(sentence) else "none"
        if self.design in _REVIEW_DESIGNS:
            # a review speaks of a head-to-head comparison only in the finding's sentence
            if twice or _VARIANT.search(sentence):
                return "variant"
            if head_to_head and not within and not is_sham_controlled(sentence):
                return "active"
            # a review of the treatment against other active ones ("dry needling compared
            # with other techniques"), with no sham or placebo arm pooled
            context = self.context if self.context is not None else _context(self.doc)
            if _VERSUS_OTHERS.search(context) and not self.sham and not within:
                return "active"
            # the finding's own sentence: "works about as well as other passive treatments"
            # (not "beats sham, and works as well as other treatments": several comparators)
            if (
                _AS_WELL_AS_OTHERS.search(sentence)
                and not within
                and not is_sham_controlled(sentence)
                and not is_controlled(sentence)
            ):
                return "active"
            return "mixed"
        if within:
            return "none"
        if is_sham_controlled(sentence):  # the finding's own comparison: "... than placebo"
            return "sham"
        context = self.context if self.context is not None else _context(self.doc)
        if _VARIANT.search(context):
            return "variant"
        if self.sham:
            return "sham"
        if twice or (studied == 1 and self.forms):
            return "variant"
        if head_to_head and _AGAINST_UNTREATED.search(sentence):
            # two studied arms and a third left untreated: "X and Y both reduced pain
            # compared with no treatment" sets each against that arm, not against the other
            return "no_treatment"
        if head_to_head and _EACH_ADDED.search(sentence):
            return "active"  # "with each added to usual care, X did better than Y"
        if _ADD_ON.search(sentence):
            return "no_treatment"  # X added to a co-treatment, against that one alone
        if head_to_head or _THAN_ANOTHER.search(sentence):
            return "active"
        if studied == 1 and _control_treated(context):
            return "active"  # a control arm that had a treatment the vocabulary has no id for
        if is_controlled(context):
            return "no_treatment"
        if studied == 1 and self.versus_unlisted:
            return "active"  # against a treatment the vocabulary has no id for
        if self.design == "rct":  # randomized against another arm: a studied treatment, or
            return "active" if studied > 1 else "no_treatment"  # else none the record names
        return "none"  # a study that names no comparison

    @property
    def versus_unlisted(self) -> bool:
        """Whether the title or the aim sets the treatment against another one by a word
        for a treatment ("versus steroid injection", "or oral analgesics")."""
        lower = self.doc.lower
        return any(
            _VERSUS_UNLISTED.search(lower, u.start, u.end)
            for u in self.doc.units_with("title", "objective")
        )

    @property
    def size(self) -> int | None:
        if self._size is None:
            lower = self.doc.lower
            units = self.doc.units_with(*_SIZE_ROLES)
            self._size = (sample_size("\n".join(lower[u.start : u.end] for u in units)),)
        return self._size[0]


def _context(doc: Document) -> str:
    """The lower-cased text of every unit but the background."""
    return " ".join(doc.lower[u.start : u.end] for u in doc.units if u.role != "background")


def _findings_for(
    record: _Record, intervention: str, condition: str | None, own: list[_Clause]
) -> list[Finding]:
    decisive = [c for c in own if c.direction is not None]
    if record.sham and len(decisive) > 1 and _alike_arms(decisive[0]):
        # "US was as effective as ESWT; each reduced pain more than sham": the result over
        # sham in the same sentence comes first, the arms' equivalence after it
        # (`_equivalence_statement`)
        ahead = next(
            (
                c
                for c in decisive[1:]
                if c.direction == "benefit" and c.sentence == decisive[0].sentence
            ),
            None,
        )
        if ahead is not None:
            decisive = [ahead] + [c for c in decisive if c is not ahead]
    undecided = _hedged(own, decisive[0] if decisive else None)
    # Hedging is certainty, not direction: "may reduce pain" is a benefit, of low certainty.
    # A modal clause anywhere in the conclusion ("may be worth considering") qualifies a
    # direction read from the results too; not one that states another result ("no
    # difference on any outcome. DN may be the more efficient technique") nor a "could not"
    # of what was done ("the therapist could not be blinded").
    low = (
        record.pilot
        or any(c.low for c in own)
        or any(_qualifies(c, decisive[0] if decisive else None) for c in own)
    )
    if decisive:
        overall = decisive[0].direction or "inconclusive"
        if overall == "harm" and record.design in _UNCONTROLLED_DESIGNS:
            return []  # a complication in a case or a survey: its safety finding says it
        # "no better than sham, ... with no proven benefit" is still no benefit; only a hedge
        # in the same sentence ("no difference was found, but the trials were too small to
        # tell") makes it inconclusive
        in_its_sentence = any(c.strong and c.sentence == decisive[0].sentence for c in own)
        # a benefit stated and then doubted in a later sentence ("DN relieved pain more than
        # sham. The evidence is not strong enough for a firm conclusion") is a hedged benefit
        later = own.index(decisive[0])
        doubted_first = any(
            c.strong and (i <= later or c.sentence == decisive[0].sentence)
            for i, c in enumerate(own)
        )
        if (overall == "benefit" and undecided and doubted_first) or (
            overall in ("no_benefit", "similar") and in_its_sentence
        ):
            overall = "inconclusive"
        if (
            overall == "benefit"
            and decisive[0].within
            and record.sham
            and any(c.direction in ("no_benefit", "similar") for c in decisive)
        ):
            # every arm improved, the sham one too, and no arm more: no benefit over sham
            overall = "no_benefit"
    elif undecided or any(c.low or c.weak for c in own):
        overall = "inconclusive"  # a hedge or a call for research, and no result
    else:
        return []
    qualifiers = {q for c in own for q in c.qualifiers}
    if overall == "similar":  # as effective as an active comparator: no benefit over it
        overall = "no_benefit"
        qualifiers.add("similar_to_active")
    if undecided or low:
        qualifiers.add("low_certainty")
    if record.sham:
        qualifiers.add("vs_sham")
    head_to_head = any(c.comparators - {intervention} or len(c.subjects) > 1 for c in own)
    if head_to_head:
        qualifiers.add("vs_active")
    # "both groups improved", "both treatments were effective": each arm's own change
    within = bool(decisive) and overall == "benefit" and decisive[0].within
    anchor = decisive[0] if decisive else own[0]
    # a review's own head-to-head: one treatment set against another ("DN was better than
    # laser"), not two named side by side ("DN and laser relieved pain")
    # "X and Y were similarly effective", "no difference between X and Y" (a head-to-head
    # null, which a review would not pool from trials against other comparators) count too
    versus = any(
        c.comparators - {intervention}
        or (len(c.subjects) > 1 and c.direction in ("similar", "no_benefit") and not c.within)
        for c in own
    )
    comparator = record.comparator(
        versus if record.design in _REVIEW_DESIGNS else head_to_head,
        within=within,
        sentence=anchor.sentence.lower(),
        studied=record.studied,
        twice=intervention in anchor.repeated,
    )
    rows: list[tuple[str | None, str, str]] = []
    if not decisive or not decisive[0].outcomes:
        rows.append((None, overall, anchor.sentence))
    for clause in decisive:
        direction = clause.direction or overall
        if direction == "similar":
            direction = "no_benefit"
        if overall == "inconclusive" and direction in ("benefit", "no_benefit"):
            direction = "inconclusive"
        for outcome in clause.outcomes:
            if all(row[0] != outcome for row in rows):
                rows.append((outcome, direction if rows else overall, clause.sentence))
    return [
        Finding(
            record.pmid,
            intervention,
            condition,
            outcome,
            _direction(direction),
            record.design,
            sentence,
            tuple(sorted(qualifiers)),
            record.size,
            comparator=comparator,
        )
        for outcome, direction, sentence in rows
    ]


def _alike_arms(clause: _Clause) -> bool:
    """Whether ``clause`` says two studied treatments worked alike ("X was as effective as
    Y"), not a change within the arms."""
    return (
        clause.direction in ("no_benefit", "similar")
        and not clause.within
        and len(clause.subjects | clause.comparators) > 1
        and states_equivalence(clause.text)
    )


def _qualifies(clause: _Clause, decisive: _Clause | None) -> bool:
    """Whether a modal ``clause`` hedges the finding whose first decisive clause is
    ``decisive``: the decisive clause itself, a clause without a direction of its own, or
    one stating the same direction; never a modal only in "could not", "cannot"."""
    if not clause.modal or not has_modal(_CANNOT.sub(" ", clause.text)):
        return False
    return (
        decisive is None
        or clause is decisive
        or clause.direction is None
        or clause.direction == decisive.direction
    )


def _kind_of(direction: str | None) -> str | None:
    """A clause direction as a finding's: "similar" is no benefit over the other arm."""
    return "no_benefit" if direction == "similar" else direction


def _direction(value: str) -> Direction:
    if value == "benefit":
        return "benefit"
    if value == "no_benefit":
        return "no_benefit"
    if value == "harm":
        return "harm"
    return "inconclusive"


def _hedged(own: list[_Clause], decisive: _Clause | None) -> bool:
    """A strong hedge about this intervention, in general or about the decisive clause's
    outcomes (not one confined to another outcome: "evidence on disability was weak")."""
    for clause in own:
        if not clause.strong:
            continue
        if clause is decisive or decisive is None or not clause.outcomes:
            return True
        if set(clause.outcomes) & set(decisive.outcomes):
            return True
    return False


def _names_a_cue(doc: Document, units: list[Unit]) -> bool:
    """Whether a clause of ``units`` may name a cue. Without one, `read_clause` gives no
    clause a direction nor a hedge, and then `_findings_for` finds nothing unless the record
    is a case of harm. A cue in a clause is a cue in its unit's text (see `split_clauses`),
    so a conclusion whose units name none has no finding (exact, for one scan per unit)."""
    return any(has_cue(doc.lower[u.start : u.end]) for u in units)


def _result_units(doc: Document, conclusion: list[Unit]) -> list[Unit]:
    """The results read when the conclusion states no result: the RESULTS section (before
    the sentences read as the conclusion), or the body of an unstructured abstract before
    its conclusion."""
    if not conclusion or conclusion[0].role not in ("conclusions", "body", "results"):
        return []
    first = conclusion[0].start
    results = doc.units_with("results")
    if results:  # also when the abstract ends in its results (their last two are read first)
        return [u for u in results if u.start < first]
    return [u for u in doc.units if u.role == "body" and u.end <= first]


def _conclusion_units(doc: Document, *, guideline: bool) -> list[Unit]:
    if guideline:
        units = doc.units_with(*_GUIDELINE_ROLES)
        if units:
            return units
    units = doc.units_with("conclusions")
    if units:
        # a registration or funding line closing the abstract is no conclusion; when it is
        # all an unstructured abstract's closing sentences hold, the sentence before it is
        kept = [u for u in units if not _REGISTRATION.match(doc.lower, u.start, u.end)]
        if kept:
            return kept
        before = [u for u in doc.units if u.role == "body" and u.end <= units[0].start]
        return before[-1:] or units
    results = doc.units_with("results")
    if results:
        return results[-2:]
    return [u for u in doc.units if u.section >= 0][-2:]


def _read_clauses(
    doc: Document,
    units: list[Unit],
    matches: Matches,
    studied: set[str],
    controlled: bool,
    aliases: Sequence[Match] = (),
) -> list[_Clause]:
    """Split the conclusion into clauses and say what each is about and concludes.

    A clause that names no studied intervention is about the last ones named before it
    (or, at the start, about the studied interventions the title names, else every one:
    "the experimental group improved more" is about the title's treatment, not about the
    control arm's)."""
    if not units:
        return []
    lo, hi = units[0].start, units[-1].end
    mentions = {
        dim: [m for m, _ in counted_matches(dim, doc, matches) if lo <= m.start < hi]
        for dim in ("intervention", "condition", "outcome")
    }
    clauses: list[_Clause] = []
    titled = frozenset(
        m.term
        for m, _ in counted_matches("intervention", doc, matches)
        if m.term in studied and doc.unit_at(m.start).role == "title"
    )
    carried = titled or frozenset(studied)
    for unit in units:
        sentence = doc.text[unit.start : unit.end]
        for a, b in split_clauses(doc.lower[unit.start : unit.end]):
            start, end = unit.start + a, unit.start + b

            def inside(m: Match, start: int = start, end: int = end) -> bool:
                return start <= m.start < end

            found = [m for m in mentions["intervention"] if inside(m) and m.term in studied]
            if not found and aliases:
                # "group A did better than group B", "the needling ... than the compression":
                # the arms the methods named (`_arm_aliases`)
                found = [m for m in aliases if inside(m)]
            subjects, comparators = _roles(doc.lower, start, found)
            text = doc.lower[start:end]
            every_arm = len(studied) > 1 and bool(
                _EVERY_ARM.search(text)
                or (len(studied) == 2 and (_BOTH_AND.search(text) or _EITHER_OR.search(text)))
            )
            if every_arm:
                subjects, comparators = frozenset(studied), frozenset()
            if subjects:
                carried = subjects
            elif not comparators:
                subjects = carried
            arms = [(m.start - start, m.end - start) for m in found]
            reading = read_statement(text, controlled=controlled, arms=arms)
            if reading.direction == "harm" and comparators and subjects:
                # "pain was higher after X than after Y", two studied arms: the favoured
                # arm is the one set after "than", and the other gets no finding from it
                comparison = read_comparison(text, arms)
                if comparison is not None and comparison.verdict < 0:
                    subjects, comparators = comparators, subjects
                    reading = reading._replace(direction="benefit")
            appositive = _APPOSITIVE_NOT.match(text) if found else None
            if (
                appositive is not None
                and reading.direction is None
                and clauses
                and clauses[-1].direction is None
                and clauses[-1].sentence == sentence
            ):
                # "laser, but not ultrasound, reduced pain": the predicate after the second
                # name is the first one's result, and the second one's is its denial
                predicate = read_clause(text[appositive.end() :], controlled=controlled)
                if predicate.direction == "benefit":
                    outcomes = tuple(m.term for m in mentions["outcome"] if inside(m))
                    clauses[-1] = replace(
                        clauses[-1],
                        direction="benefit",
                        outcomes=tuple(dict.fromkeys(clauses[-1].outcomes + outcomes)),
                        modal=clauses[-1].modal or predicate.modal,
                        low=clauses[-1].low or predicate.low,
                    )
                    reading = predicate._replace(direction="no_benefit")
            if (
                reading.direction is None
                and found
                and subjects
                and clauses
                and clauses[-1].direction == "benefit"
                and (_BUT_NOT.match(text) or _ELLIPTIC_NOT.search(text))
            ):
                # "DN and laser relieved pain, but not ultrasound": the named one did not
                reading = reading._replace(direction="no_benefit")
            elif (
                reading.direction is None
                and not found
                and clauses
                and clauses[-1].direction == "benefit"
                and clauses[-1].sentence == sentence
                and (
                    (_BUT_NOT.match(text) and any(inside(m) for m in mentions["condition"]))
                    or _not_for_condition(text, start, mentions["condition"])
                )
            ):
                # "DN improved neck pain but not headache in tension-type headache",
                # "reduced neck pain but not low back pain": the condition named after
                # "not" had no benefit
                reading = reading._replace(direction="no_benefit")
            regardless = (
                frozenset(
                    m.term
                    for m in found
                    if m.term in subjects
                    and _REGARDLESS.search(doc.lower, max(start, m.start - 48), m.start)
                )
                if reading.direction == "benefit" and found
                else frozenset()
            )
            clause = _Clause(
                text=text,
                sentence=sentence,
                subjects=subjects - regardless,
                comparators=comparators,
                conditions=frozenset(m.term for m in mentions["condition"] if inside(m)),
                outcomes=tuple(dict.fromkeys(m.term for m in mentions["outcome"] if inside(m))),
                direction=reading.direction,
                strong=reading.strong,
                weak=reading.weak,
                modal=reading.modal,
                qualifiers=frozenset(reading.qualifiers),
                low=reading.low,
                # "X and Y were both superior to sham": every arm against the control, a
                # difference between the arms, not a change within each
                within=(every_arm or states_within_arms(text))
                and not _AGAINST_CONTROL.search(text),
                repeated=_repeated(found, text, start),
                names=frozenset(m.term for m in found),
            )
            if regardless:
                # "with or without X, the programme eased pain": the benefit is the rest's,
                # X made no difference
                clauses.append(replace(clause, subjects=regardless, direction="no_benefit"))
            if clause.subjects or not regardless:
                clauses.append(clause)
    return clauses


# an arm told by a label: "group A", "group 2", "arm II" (a letter or numeral in capitals),
# or by its role: "the experimental group", "the control arm"
_ARM_LABEL = re.compile(
    r"\b(?:(?:groups?|arms?) (?P<mark>[a-d]|[1-4]|i{1,3}|iv)\b(?![\w-])|"
    r"(?P<role>experimental|intervention|treatment|study|control|comparison) (?:group|arm)s?\b)"
)
_SHAM_JUST_BEFORE = re.compile(r"\b(?:sham|placebo|simulated|fake|minimal)\s+$")
# "after the injection", "during the needling": the procedure as a time, not as an arm
_WHEN_BEFORE = re.compile(
    r"\b(?:after|before|during|following|post|until|since|within|of|at|from)\s+$"
)
# the words a treatment's name ends in that say nothing of which treatment it is
_GENERIC_HEADS = frozenset(
    {"therapy", "therapies", "treatment", "technique", "program", "programme", "training"}
)


def _arm_aliases(
    doc: Document, matches: Matches, vocab: Vocabulary, studied: Sequence[str]
) -> list[Match]:
    """Where the text names a studied arm without its vocabulary name, as matches of that
    intervention: a label the record gave the arm ("group A received dry needling", "dry
    needling (group 1)", "the control group received ultrasound"; a label given to two
    treatments is dropped, a sham form of one is not it), and "the" with the
    last word of the names of exactly one studied treatment ("the needling", "the
    injection"; not a generic "the therapy")."""
    lower, text = doc.lower, doc.text
    real = [
        m
        for m in matches.get("intervention")
        if m.term in studied and not _SHAM_JUST_BEFORE.search(lower, max(0, m.start - 16), m.start)
    ]
    labels: dict[str, str | None] = {}
    spans: list[tuple[int, int, str]] = []
    for unit in doc.units:
        found = [
            h
            for h in _ARM_LABEL.finditer(lower, unit.start, unit.end)
            if h.group("role")
            or text[h.start("mark") : h.end("mark")].isupper()
            or h.group("mark").isdigit()
        ]
        for k, hit in enumerate(found):
            label = hit.group("mark") or hit.group("role")
            spans.append((hit.start(), hit.end(), label))
            if unit.role in ("conclusions", "title"):
                continue
            until = found[k + 1].start() if k + 1 < len(found) else unit.end
            since = found[k - 1].end() if k else unit.start
            after = [m for m in real if hit.end() <= m.start < min(until, hit.end() + 80)]
            before = [m for m in real if max(since, hit.start() - 30) <= m.start < hit.start()]
            if lower[hit.start() - 1 : hit.start()] == "(":
                after = []  # "dry needling (group II)": the label of the name before it
            arm = after[0].term if after else before[-1].term if before else None
            if arm is not None:
                known = labels.setdefault(label, arm)
                if known != arm:
                    labels[label] = None
    aliases = [
        Match("intervention", arm, start, end)
        for start, end, label in spans
        if (arm := labels.get(label)) is not None
    ]
    heads: dict[str, set[str]] = {}
    for intervention in studied:
        for synonym in vocab.term("intervention", intervention).synonyms:
            words = synonym.lower().split()
            if len(words) > 1 and len(words[-1]) > 4 and words[-1] not in _GENERIC_HEADS:
                heads.setdefault(words[-1], set()).add(intervention)
    unique = {head: next(iter(ids)) for head, ids in heads.items() if len(ids) == 1}
    if unique:
        pattern = re.compile(r"\b(?:the|this|that) (" + "|".join(map(re.escape, unique)) + r")\b")
        for hit in pattern.finditer(lower):
            if _WHEN_BEFORE.search(lower, max(0, hit.start() - 12), hit.start()):
                continue  # "pain after the injection": a time, not an arm
            if not any(m.start <= hit.start(1) < m.end for m in matches.get("intervention")):
                aliases.append(Match("intervention", unique[hit.group(1)], *hit.span(1)))
    return sorted(aliases, key=lambda m: m.start)


def read_statement(
    text: str, *, controlled: bool = True, arms: Sequence[tuple[int, int]] | None = None
) -> ClauseReading:
    """What one lower-cased clause of a conclusion or a result states, as every clause is
    read here before its interventions are placed (`read_clause`, with two exceptions).
    ``arms``: where the clause names a studied treatment (spans of ``text``, maybe none),
    so that a comparison is read for the arm it favours and by its outcome's polarity;
    None for the statistical reading alone (an effect either way reads ``benefit``)."""
    if "or not" in text or "or without" in text or "no more than" in text:
        # "whether or not X was given, ... relieved pain" negates nothing; "it did
        # no more than raise the threshold" is "it only raised the threshold"
        reading = read_clause(_OR_NOT.sub(_blank, text), controlled=controlled, arms=arms)
    else:
        reading = read_clause(text, controlled=controlled, arms=arms)
    if reading.weak and reading.direction == "benefit" and benefit_is_sought(text):
        # "trials are needed before it can be recommended": the benefit is the
        # call's aim, not a result ("it appears effective; more trials are
        # warranted" keeps its benefit)
        reading = reading._replace(direction=None)
    return reading


def states_within_arms(text: str) -> bool:
    """Whether a lower-cased clause speaks of a change within one arm or in every arm
    ("from baseline", "in both groups") or of the arms at baseline, which says nothing of
    the difference the treatment made (a clause naming every studied arm is one too, which
    only the caller, who knows the arms, can tell)."""
    return _WITHIN.search(text) is not None and not _BASELINE_AND_LATER.search(text)


def _repeated(found: list[Match], text: str, start: int) -> frozenset[str]:
    """The one intervention a clause names twice and sets against itself: "DN of the
    trapezius versus DN of the scalenes", "DN at A and DN at B had similar effects"; none
    when it names another."""
    if len(found) < 2 or len({m.term for m in found}) > 1:
        return frozenset()
    first, second = found[0].start - start, found[1].start - start
    between, after = text[first:second], text[second:]
    if _VERSUS_WORDS.search(between) or (_AND_OR.search(between) and _ALIKE_WORDS.search(after)):
        return frozenset({found[0].term})
    # a later mention set against the first, past a second name of the same arm ("dry
    # needling an active MTrP ... compared with dry needling at other sites")
    if any(_VERSUS_WORDS.search(text, first, m.start - start) for m in found[2:]):
        return frozenset({found[0].term})
    return frozenset()


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def _roles(
    lower: str, clause_start: int, found: list[Match]
) -> tuple[frozenset[str], frozenset[str]]:
    """Which interventions of a clause are its subjects and which only comparators."""
    subjects: set[str] = set()
    comparators: set[str] = set()
    referred = [
        _COMPARATOR.search(lower, max(clause_start, m.start - 40), m.start) is not None
        or _COMPARATOR_LIST.search(lower, max(clause_start, m.start - 80), m.start) is not None
        for m in found
    ]
    for index, match in enumerate(found):
        # the first one named is the subject, unless the clause opens on its reference and
        # names the subject after it ("compared with ultrasound, DN relieved pain more")
        is_comparator = referred[index] and (
            index > 0
            or (
                _FRONTED.match(lower, clause_start, match.start) is not None
                and not all(referred[1:])
            )
        )
        (comparators if is_comparator else subjects).add(match.term)
    return frozenset(subjects), frozenset(comparators - subjects)


# a clause that opens on its reference: "compared with X, ...", "in comparison to the X group"
_FRONTED = re.compile(
    r"\W*(?:[\w-]+\W+){0,2}?(?:compared (?:with|to)|in comparison (?:with|to)|relative to|"
    r"versus|vs\.?|as against)\s+(?:[\w-]+\s+){0,3}$"
)


def _title_terms(doc: Document, matches: Matches, dimension: str) -> frozenset[str]:
    """The terms of ``dimension`` the title names."""
    titles = doc.units_with("title")
    if not titles:
        return frozenset()
    title = titles[0]
    return frozenset(m.term for m in matches.get(dimension) if title.start <= m.start < title.end)


def _title_names_harm(doc: Document, matches: Matches) -> bool:
    """Whether the title names an adverse event or a complication."""
    titles = doc.units_with("title")
    if not titles:
        return False
    title = titles[0]
    events = [m for m in matches.get("adverse_event") if title.start <= m.start < title.end]
    # not what the treatment is for ("laser for superficial burns": a series of burns treated)
    if events and {m.term for m in events} - _treated_events(doc, matches):
        return True
    return _names_complication(doc, matches, title.start, title.end)


# "complications seldom follow", "injuries rarely occur"
_SELDOM_AFTER = re.compile(r"\W+(?:[\w-]+\W+)?(?:rarely|seldom|infrequently|hardly ever)\b")
# an event word told as what the record treats: "laser for superficial burns", "TENS in burn
# patients", "healing of the burn wounds"
_TREATED_BEFORE = re.compile(
    r"\b(?:for|healing of|treatment of|treating|patients with|people with|cases of)\s+"
    r"(?:[\w-]+\s+){0,4}$"
)
_TREATED_AFTER = re.compile(r"\s+(?:patients|victims|wounds?|areas?|units?|centres?|centers?)\b")


def _treated_events(doc: Document, matches: Matches) -> set[str]:
    """The adverse events the title, aim or methods name as what the treatment is for ("laser
    for second degree burns", "patients with burns"), in a sentence that ties no event to
    a treatment ("after", "caused by"...): the condition in the vocabulary's words."""
    lower = doc.lower
    treated: set[str] = set()
    for m in matches.get("adverse_event"):
        unit = doc.unit_at(m.start)
        if unit.role not in ("title", "objective", "methods") or m.term in treated:
            continue
        if _CAUSED.search(lower, unit.start, unit.end):
            continue
        if _TREATED_BEFORE.search(lower, max(unit.start, m.start - 60), m.start) or (
            _TREATED_AFTER.match(lower, m.end, unit.end)
        ):
            treated.add(m.term)
    return treated


def _names_complication(doc: Document, matches: Matches, start: int, end: int) -> bool:
    """Whether ``doc.lower[start:end]`` names a complication (`_COMPLICATION`) that is not
    part of a condition's name: "plantar fasciitis" or "rotator cuff lesion" is the
    condition treated, not what the treatment did."""
    conditions = [(m.start, m.end) for m in matches.get("condition") if start <= m.start < end]
    lower = doc.lower
    return any(
        not any(a <= hit.start() < b for a, b in conditions)
        # "the injections rarely lead to complications": the treatment's general safety
        and not _RARE_BEFORE.search(lower, max(start, hit.start() - 32), hit.start())
        and not _RARE_AFTER.match(lower, hit.end(), end)
        and not _SELDOM_AFTER.match(lower, hit.end(), end)
        for hit in _COMPLICATION.finditer(lower, start, end)
    )


def _serious_words(doc: Document, design: str | None, unit: Unit) -> bool:
    """Whether the record says its event needed treatment or did lasting harm: in the
    sentence that reports it, or anywhere in a case report or series (where the whole
    abstract is about the event)."""
    units = doc.units if design in _CASE_DESIGNS else [unit]
    for u in units:
        sentence = doc.lower[u.start : u.end]
        for m in _SERIOUS_WORDS.finditer(sentence):
            if is_negated(sentence, m.start(), m.end()):  # "no serious adverse events"
                continue
            if _RARE_BEFORE.search(sentence, max(0, m.start() - 24), m.start()) or (
                _RARE_AFTER.match(sentence, m.end())
            ):
                continue  # "serious events are rare": said of the treatment in general
            return True
    return False


def _events_of_the_other_arm(text: str) -> bool:
    """Events counted, then set against a treatment that had none: "side effects were
    reported by 41% of those on the drug, whereas needling produced no adverse events"."""
    found = _MINOR_OCCURRED.search(text)
    if found is None:
        return False
    none = _NO_EVENTS.search(text, found.end())
    if none is None or re.search(r"\b(?:serious|severe|major)\b", none.group()):
        return False  # "mild events in 5, but no serious ones": the minor events stand
    return _CONTRAST.search(text, found.end(), none.start()) is not None


def _first_unit(
    doc: Document, roles: tuple[str, ...], regex: re.Pattern[str], *, affirmed: bool = False
) -> Unit | None:
    """The first unit of ``roles`` where ``regex`` matches (``affirmed``: a match not
    negated, not "no serious or minor adverse events")."""
    return next(_units_with(doc, roles, regex, affirmed=affirmed), None)


def _units_with(
    doc: Document, roles: tuple[str, ...], regex: re.Pattern[str], *, affirmed: bool = False
) -> Iterator[Unit]:
    """The units of ``roles`` where ``regex`` matches (a substring check first: the safety
    cues all name one of `_SAFETY_WORDS`)."""
    for unit in doc.units_with(*roles):
        text = doc.lower[unit.start : unit.end]
        if not any(w in text for w in _SAFETY_WORDS):
            continue
        if affirmed:
            if any(not is_negated(text, m.start(), m.end()) for m in regex.finditer(text)):
                yield unit
        elif regex.search(text):
            yield unit
