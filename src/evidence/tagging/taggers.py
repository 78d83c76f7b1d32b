"""Tagging stage, taggers: `Article` + `Vocabulary` -> `Tag`s of every dimension. Pure.

Reads one `Article` (MeSH headings and qualifiers, publication types, title, abstract,
keywords) and the vocabulary; writes nothing. Each tag says where it came from (``mesh``,
``mesh_qualifier``, ``publication_type``, ``text_title``, ``text_abstract``, ``keyword``,
``derived``, ``default``) and why (the heading or the matched words). Output order is
fixed: dimension, then the id's position in its vocabulary file, then source.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any

from evidence.models import Article, Dimension, MeshHeading, Tag
from evidence.tagging.matching import Match, compiled_scan
from evidence.tagging.mentions import (
    is_co_intervention,
    is_comparator,
    is_condition_example,
    is_condition_outcome,
    is_example,
    is_extension,
    is_hypothetical,
    is_instrument,
    is_negated,
    is_not_studied_condition,
    is_not_studied_intervention,
)
from evidence.tagging.text import ROLE_WEIGHTS, Document, Unit, _section_role, build_document
from evidence.tagging.vocab_tables import Ids, VocabTables, tables_for
from evidence.tagging.vocabulary import Vocabulary

__all__ = [
    "ADVERSE_EFFECTS_QUALIFIER",
    "Matches",
    "counted_matches",
    "find_matches",
    "tag_article",
    "tag_document",
]


@dataclass(slots=True)
class Matches:
    """The text matches of one document by dimension, and (filled on first use) those that
    count, so that tagging and findings read each record's mentions once."""

    raw: dict[str, list[Match]]
    counted: dict[str, list[tuple[Match, str]]] = field(default_factory=dict)

    def get(self, dimension: str) -> list[Match]:
        return self.raw.get(dimension, [])


ADVERSE_EFFECTS_QUALIFIER = "Q000009"
_TEXT_DIMENSIONS: tuple[Dimension, ...] = ("intervention", "condition", "outcome", "adverse_event")
_CONTEXTUAL = frozenset({"intervention", "condition", "adverse_event", "outcome"})
_SEP = re.compile(r"[\s-]+")
_ABBREVIATED: tuple[Dimension, ...] = ("intervention", "condition", "outcome")
# "(DN)", "(TrP-DN;", "(US," right after a term: the abbreviation the record gives it
_DEFINED = re.compile(r"\s*\(\s*([A-Za-z][A-Za-z0-9-]{0,9}[A-Za-z0-9])\s*[),;]")
_DESIGN_ROLES = frozenset({"title", "objective", "methods", "results", "body"})
_ANIMAL_ROLES = frozenset({"title", "objective", "methods", "results", "body"})
_PLURAL_STUDIES = re.compile(r"(?:trials|studies|reviews|rcts)$")
_SELF = re.compile(
    r"\b(?:this|the present|our|the current)\s+(?:[\w-]+\s+)?$|"
    # "this analysis of a case series indicates", "our report of a prospective cohort"
    r"\b(?:this|the present|our|the current)\s+(?:analysis|report|review|evaluation)\s+of\s+"
    r"(?:a|an|the|our|this)\s+(?:[\w-]+\s+)?$|"
    # "we report a retrospective analysis of a cohort": the record's own design
    r"\bwe (?:report|present|describe|conducted|performed|undertook|carried out) (?:a|an)\s+"
    r"(?:[\w-]+\s+)?$"
)
# CONDITION CLASSES: how authors name the studied population's condition, and the words that
# look like a condition without being one the record studies. Each class is unit-tested in
# tests/unit/tagging/test_tagging_condition_classes.py and follows the labelling rules
# (tests/eval/README.md "condition", tests/eval/topic/LABELLING.md "unlisted"):
# | class                       | tagged as                                                  |
# | --------------------------- | ---------------------------------------------------------- |
# | chronic pain of a region    | chronic_pain only for a part of the spine with no term     |
# | with no term                | ("chronic upper back / thoracic pain"); pelvic, abdominal  |
# |                             | (wall), chest (wall), facial and flank pain are conditions |
# |                             | of their own in MeSH that the vocabulary lacks: nothing    |
# |                             | (the curators list them as unlisted) -- condition.yaml     |
# | trigger points as entry     | myofascial_pain_syndrome when the people are enrolled for  |
# | criterion                   | trigger points however they were found ("active",          |
# |                             | "palpable", "identifiable", "tender", or just "people with |
# |                             | upper trapezius trigger points"); not latent ones, nor     |
# |                             | "low back pain and gluteal trigger points" (the synthetic  |
# |                             | set's label: a feature of the back pain); not a treatment  |
# |                             | of them ("with dry needling of trigger points"), not a     |
# |                             | feature of fibromyalgia or a headache, and not points that |
# |                             | are only treated inside another diagnosis                  |
# |                             | ("trigger point release for chronic pelvic pain syndrome") |
# | the pain of a named joint     | a symptom, not labelled: hip or shoulder pain where the    |
# | disease without an id         | title or objective names that joint's osteoarthritis       |
# |                             | (`_JOINT_DISEASES`)                                        |
# | a population of future        | not labelled: "future studies should test whether this     |
# | studies or uses               | holds in patients with MPS", "the method could make it     |
# |                             | possible to detect ... in patients with low back pain"     |
# |                             | (mentions.is_extension, in conclusions)                    |
#
# INTERVENTION CLASSES of this round (unit-tested in
# tests/unit/tagging/test_tagging_intervention_classes7.py; the labelling rules' "Do not
# label ... co-interventions given to every arm"):
# | class                          | tagged as                                               |
# | ------------------------------ | ------------------------------------------------------- |
# | stretching done as a treatment | exercise_therapy ("static stretching (SS)", "sustained  |
# |                                | stretching", "self-stretching"); a therapist's passive  |
# |                                | stretch ending another technique is part of it          |
# | exercise that goes with the    | not studied: every arm's list of extras ("both groups   |
# | studied treatment              | were given hot packs, advice and exercise"), the parts  |
# |                                | of the base programme a treatment is added to ("added   |
# |                                | to a programme of exercise and manual therapy"),        |
# |                                | exercises taught after it or given as a home programme  |
# |                                | beside it -- mentions.is_co_intervention                |
# | energy and percussion devices  | not therapeutic ultrasound or massage: microfocused     |
# |                                | ultrasound that tightens skin, massage guns and         |
# |                                | percussive therapy (intervention.yaml exclusions)       |
# | soft-tissue techniques         | not manual_therapy (which is mobilisation and           |
# |                                | manipulation): muscle energy technique, myofascial and  |
# |                                | positional release, strain-counterstrain                |
# | what a review excluded         | not studied: "we excluded studies of traditional        |
# |                                | Chinese medicine acupuncture" (mentions)                |
#
# DESIGN CLASSES: how methods sections state each design (the words CONSORT asks a trial
# to report, the design words the Cochrane and other search filters key on, the design names
# STROBE gives observational studies), and what wins when the publication type and the text
# disagree. Ids as in design.yaml, whose order is the precedence; every row is unit-tested in
# tests/unit/tagging/test_tagging_design_classes.py and agrees with the design table of the
# labelling rules (tests/eval/README.md, tests/eval/topic/LABELLING.md): pooled -> meta-
# analysis, narrative synthesis -> systematic review, a trial's or a review's plan ->
# protocol, a randomised crossover, pilot or economic evaluation -> rct, a non-randomised
# trial with a control group -> controlled trial, an uncontrolled series -> case series,
# animals, letters, editorials -> other.
#
# | design            | the text states it as                                               |
# | ----------------- | ------------------------------------------------------------------- |
# | protocol          | the plan in a future tense ("will be randomised", "are to be        |
# |                   | allocated", "we intend to recruit"), "rationale and design"; no     |
# |                   | results reported                                                    |
# | meta_analysis     | "meta-analysis", or results pooled across studies ("pooled SMD",    |
# |                   | "random-effects model", "forest plot", "I2 = 40%")                  |
# | systematic_review | databases searched, eligibility criteria, PRISMA, a risk-of-bias    |
# |                   | tool, "scoping/umbrella review"; or a review that pooled nothing    |
# | guideline         | recommendations issued, a consensus statement, Delphi rounds        |
# | rct               | allocation by chance in any wording ("randomly split", "by coin     |
# |                   | toss", "sealed envelopes", "computer-generated sequence"), a        |
# |                   | blinded sham- or placebo-controlled trial; a crossover, pilot or    |
# |                   | economic evaluation alongside a randomised trial                    |
# | controlled_trial  | arms compared with no word of chance: "divided into two groups",    |
# |                   | "an X group and a Y group", "quasi-experimental", "alternately      |
# |                   | allocated", "by preference", "non-randomised", "double-blind" alone;|
# |                   | a treated group set against a control group ("compared with the     |
# |                   | control group, the vibration group differed")                       |
# | case_series       | one group treated and measured: "without a control group",          |
# |                   | "uncontrolled", "non-controlled", "single-arm", "one-group          |
# |                   | pre-post", "one-way repeated measures", "before-and-after", "N      |
# |                   | consecutive patients treated", "patients who had X and were         |
# |                   | followed", three or more cases described; N patients described at   |
# |                   | length who "took part" or "were followed"; one group later split by |
# |                   | a baseline measure ("split by baseline score into Group 1 and 2");  |
# |                   | measured "before treatment and 6 weeks afterwards" (the arm that is |
# |                   | a limb, as in "Disabilities of the Arm, Shoulder and Hand", is none)|
# | cohort            | people followed and compared by what they had: "retrospective       |
# |                   | cohort", charts or registries read, "prospective observational",   |
# |                   | predictors or regression; a look back at one treatment that         |
# |                   | compares nothing is a case series                                   |
# | cross_sectional   | measured once: "cross-sectional", a survey or questionnaire sent    |
# |                   | out, respondents, prevalence estimated, groups defined by a         |
# |                   | condition and measured with nothing given to anyone                 |
# | case_control      | "case-control"                                                      |
# | case_report       | one or two patients: "we report a case", "a 45-year-old woman       |
# |                   | presented"                                                          |
# | narrative_review  | the Review type with no search, "this article reviews"              |
# | other             | animal experiments whatever their allocation, letters, editorials,  |
# |                   | comments, studies of a measurement (reliability, accuracy)          |
#
# When the type and the methods disagree, the methods decide what the record is (the
# labelling rules label what a record IS), but only within the type's family:
# - Clinical Trial over methods that name no control ("a prospective clinical trial without
#   a control group", "one-way repeated measures"): case_series, unless a control or
#   comparison arm is named or the trial words are of one ("randomised", "two-arm"); the
#   same when the methods and results name no arm, group or comparator at all and measure
#   one group against its own baseline ("pain fell from baseline to week 4").
# - Journal Article alone over "split into two groups" with no word of chance anywhere:
#   controlled_trial (a trial with a control group not said to be randomised); with one: rct.
# - Case Reports over three or more patients: case_series; Review over a case "and a review
#   of the literature": case_report; any type over a plan in the future tense: protocol.
# - A consensus document built on a cross-sectional survey of practitioners: cross_sectional
#   (the survey is the data).
# - "A prospective study" or "a retrospective review" of one treated group measured against
#   its own baseline, with no groups, comparator, predictors or associations: case_series.
# - Nothing named, groups compared with an adjustment for confounding (a propensity score,
#   inverse probability of treatment weighting): cohort, even where "randomised" occurs.
# - A design the record names for itself only in its conclusion ("this analysis of a case
#   series indicates") counts; a symptom score named "survey" is an instrument, no survey.
# (This round's rows: tests/unit/tagging/test_tagging_design_classes7.py.)
# A publication type that names a design may be refined by text only to a kind of itself.
_REFINES = {
    # Review on a case report "and review of the literature": the case is what the record is
    "narrative_review": frozenset(
        {"systematic_review", "meta_analysis", "case_report", "case_series"}
    ),
    "systematic_review": frozenset({"meta_analysis"}),
    "controlled_trial": frozenset({"rct"}),
    "case_report": frozenset({"case_series"}),  # Case Reports is PubMed's type for series too
}
# Designs read from the methods when nothing names one: groups compared ("split into two
# groups", "the experimental group ... the control group") are a controlled trial,
# randomised only where the record says "random" (the labelling rules' non-randomised trial
# with a control group); patients counted and treated without groups are a case series.
_GROUPS = re.compile(
    r"\b(?:divided|split|separated|allocated|assigned|distributed)\b[^.;]{0,40}?\b(?:in)?to\s+"
    r"(?:two|three|four|2|3|4)\s+(?:[\w-]+\s+)?groups\b|"
    # the groups named by what they had: "split into a PH group and a US group", "placed in
    # an active group or a latent group"
    r"\b(?:divided|split|separated|allocated|assigned|distributed|placed|grouped)\b[^.;]{0,20}?"
    r"\b(?:in|into|to)\s+(?:an?|the)\s+(?:[\w-]+\s+){1,3}?group\b[^.;]{0,40}?\b(?:and|or)\s+"
    r"(?:an?|the)\s+(?:[\w-]+\s+){1,3}?group\b|\b(?:experimental|intervention|treatment|"
    r"study)\s+group\b[^.]{0,120}?\b(?:control|placebo|sham|comparison)\s+group\b|"
    # "group 1 (30 patients) had ..., while group 2 had ...", "group A ... group B"
    r"\bgroup\s+(?:1|a|one|i)\b[^.;]{0,160}?\bgroup\s+(?:2|b|two|ii)\b"
)
# Arms compared without an allocation verb: blinded treatment ("we treated 107 patients
# double-blind") or arms counted apart ("with X in 22 subjects and with Y in the other 21").
# A controlled trial; randomised only where the record says "random".
_CONTROLLED = re.compile(
    r"\b(?:in|to) the (?:other|remaining) \d+\b|"
    r"\b(?:double|single|triple)[\s-]*blind(?:ed|ly)?\b|"
    # a sham or placebo arm: "dry needling or sham needling", "versus placebo"
    r"\b(?:or|versus|vs\.?|against|than|to)\s+(?:an?\s+|the\s+)?(?:sham|placebo)\b|"
    # arms named as alternatives: "treated with botulinum toxin or with ultrasound", "either
    # dry needling or TENS"
    r"\b(?:treated|received|given|had|underwent)\b[^.;]{0,60}?\bor with\b|"
    r"\b(?:received|given|had|underwent|to|with)\s+either\b[^.;]{0,60}?\bor\b"
)
# Groups set against each other ("pain fell more in the dry needling group", "the groups did
# not differ", "between-group differences"), read after the cues of a cohort: a trial
_GROUPS_COMPARED = re.compile(
    r"\b(?:than|more|less|greater|better|worse|lower|higher|larger|smaller)\b[^.;]{0,40}?"
    r"\b(?:in|for) the (?:[\w-]+\s+){1,2}?groups?\b|"
    r"\bgroups (?:did not differ|differed|were (?:not )?(?:significantly )?different)\b|"
    r"\bbetween[\s-]groups?\b|"
    # a treated group set against a control group: "compared with the control group, the
    # vibration group differed", "relative to the untreated group"
    r"\b(?:compared (?:with|to)|relative to|against) (?:the )?(?:[\w-]+\s+){0,2}?(?:control|"
    r"untreated|sham|placebo|no[\s-]treatment) (?:group|arm)s?\b"
)
_NOT_RANDOM = (
    "non-random",
    "nonrandom",
    "quasi-random",
    "quasirandom",
    "not random",
    "quasi-experimental",
    "alternately allocated",
    "alternately assigned",
    "by alternation",
)
_NUMBER = (
    r"(?:\d+|(?:twenty|thirty|forty|fifty|sixty|seventy|eighty|ninety)(?:-[a-z]+)?|three|four|"
    r"five|six|seven|eight|nine|ten|eleven|twelve|[a-z]+teen)"
)
_TREATED_SERIES = re.compile(
    # (the people described at length first: "thirty patients with hemiplegia after a
    # subacute stroke and spasticity of the ankle plantar flexors took part"; or followed
    # over time: "forty patients with patellar tendinopathy were followed for 10 years")
    r"\b" + _NUMBER + r"\s+(?:consecutive\s+)?(?:patients|cases)\b[^.;]{0,120}?\b"
    r"(?:were\s+|was\s+)?(?:treated|underwent|received|managed|took part|participated|"
    r"enrolled|recruited|included|followed)\b|"
    # the verb first: "we included twelve patients with ...", "we treated 23 consecutive cases"
    r"\bwe\s+(?:[\w-]+\s+)?(?:treated|enrolled|recruited|included)\s+(?:a total of\s+)?"
    + _NUMBER
    + r"\s+(?:consecutive\s+)?(?:patients|cases|people|adults|participants|subjects)\b|"
    # treated people followed: "we prospectively followed 85 footballers treated for"
    r"\bwe\s+(?:[\w-]+\s+)?followed\s+(?:up\s+)?" + _NUMBER + r"\s+(?:[\w-]+\s+){0,2}?"
    r"(?:patients|athletes|players|footballers|runners|women|men|adults|children)\b[^.;]{0,60}?"
    r"\b(?:treated|who (?:had|received|underwent))\b|"
    # people taken as they came, then treated: "660 procedures in 609 consecutive volunteers",
    # "41 consecutive athletes had shockwave"
    r"\b(?:procedures|operations|treatments|sessions|injections|interventions)\s+(?:[\w-]+\s+){0,3}?"
    r"(?:in|on|of|for)\s+" + _NUMBER + r"\s+consecutive\b|"
    r"\b" + _NUMBER + r"\s+consecutive\s+(?:[\w-]+\s+)?(?:patients|cases|volunteers|subjects|"
    r"participants|women|men|adults|children|athletes)\b[^.;]{0,80}?\b(?:were\s+|was\s+)?"
    r"(?:treated|underwent|received|had|were followed|operated|needled|injected|managed)\b|"
    # patients who had a treatment and were followed: "333 patients who had HIFU at one
    # hospital and who were followed for six months"
    r"\b" + _NUMBER + r"\s+(?:[\w-]+\s+)?(?:patients|cases)\b[^.;]{0,120}?\bwho (?:had|were given|"
    r"received|underwent)\b[^.;]{0,120}?\b(?:were followed|followed up|follow-up)\b"
)
# people of another noun, when they are treated: "in 24 women, the trigger points were treated"
_TREATED_PEOPLE = re.compile(
    r"\b" + _NUMBER + r"\s+(?:[\w-]+\s+)?(?:women|men|adults|subjects|participants|athletes|"
    r"runners|children|workers|players)\b[^.;]{0,80}?\b(?:were\s+|was\s+)?(?:treated|underwent)\b"
)
# Weaker cues, read only when nothing names a design: a questionnaire sent out is a survey;
# patients compared by what they happened to receive, or factors that predict an outcome,
# are a cohort; one patient who presented is a case report.
_SURVEY = re.compile(
    r"\b(?:questionnaires?|surveys?)\b[^.;]{0,80}?\b(?:sent|mailed|e-?mailed|distributed|"
    r"disseminated|posted|circulated|administered to (?:[\w-]+ ){0,2}?(?:physiotherapists|"
    r"therapists|clinicians|practitioners|physicians|doctors|members|students))\b|"
    r"\b(?:invited|asked) to (?:complete|answer|fill (?:in|out)|respond to)\b|"
    # how common something is, as the aim: "we examined the prevalence of trigger points"
    r"\b(?:estimate|determine|assess|investigate|describe|examine|evaluate|establish|measure|"
    r"estimated|determined|assessed|investigated|described|examined|evaluated|established|"
    r"measured) the prevalence\b|"
    # healthy people measured once: "sixty healthy volunteers underwent ultrasonography"
    r"\b"
    + _NUMBER
    + r"\s+(?:(?:healthy|asymptomatic)\s+(?:[\w-]+\s+)?(?:volunteers|subjects|adults|"
    r"participants|individuals|people|men|women)|volunteers)\b[^.;]{0,60}?\b(?:underwent|were|had)\s+"
    r"(?:[\w-]+\s+)?(?:measured|scanned|assessed|examined|imaged|tested|ultrasonography|ultrasound|"
    r"mri|measurements?)\b"
)
# people examined once, with nothing given to anyone (read only then): "150 office workers
# were examined for trigger points", "sixty nurses were assessed with algometry" -- a
# cross-sectional study (people with a condition examined beside healthy controls are a
# case-control study: design.yaml)
_EXAMINED_ONCE = re.compile(
    r"\b"
    + _NUMBER
    + r"\s+(?:[\w-]+\s+){0,3}?(?:patients|participants|subjects|adults|workers|volunteers|"
    r"individuals|people|athletes|runners|dancers|musicians|soldiers|nurses|therapists|"
    r"physiotherapists|students|women|men|children|players|employees|controls)\b"
    r"[^.;]{0,100}?\b(?:were|was)\s+(?:[\w-]+\s+)?(?:examined|assessed|evaluated|screened|"
    r"measured|scanned|imaged|tested|palpated|interviewed)\s+(?:for|with|by|using|on|in)\b"
)
_OBSERVED = re.compile(
    r"\bcompared\s+(?:the\s+)?(?:outcomes?\s+of\s+)?" + _NUMBER + r"\s+(?:[\w-]+\s+)?"
    r"(?:patients|participants|subjects|people)\s+who\b[^.;]{0,160}?\bwith\s+" + _NUMBER + r"\b|"
    r"\b(?:predictors?|predictive factors?|prognostic factors?|risk factors? for|"
    r"(?:logistic|cox|multivariate|multivariable) (?:(?:cox |proportional |hazards? )*regression|"
    r"analys[ie]s)|hazard ratios?)\b"
)
_ONE_PATIENT = re.compile(
    r"\b(?:a|an|the|our) (?:[\w-]+ ){0,2}?(?:patient|man|woman|runner|athlete|player|boy|girl|"
    r"child|worker|dancer|cyclist|swimmer|soldier|musician|golfer) (?:who )?(?:presented|"
    r"was admitted|was referred|came to|developed|complained)\b|"
    # "A secretary aged 27 years came to the clinic": one person, whatever the noun
    r"\b(?:a|an) (?:(?!patients|participants|subjects|people)[\w-]+ ){1,3}?aged \d{1,3}"
    r"(?: years)?,? (?:came|presented|was admitted|was referred|attended|consulted|developed)\b"
)
# Words one of which every match of a cue's regex holds (its verbs): a sentence without
# any is not searched. A necessary condition, so the same sentences match; it saves most
# searches of the two costliest cues, whose words ("patients", "man") are in most records.
_MATCH_NEEDS = {
    _TREATED_SERIES: (
        "treated",
        "consecutive",
        "follow",
        "underwent",
        "received",
        "managed",
        "took part",
        "participated",
        "enrolled",
        "recruited",
        "included",
    ),
    _ONE_PATIENT: (
        "presented",
        "was admitted",
        "was referred",
        "came to",
        "developed",
        "complained",
        "aged ",
    ),
}
_TRIALS = frozenset({"rct", "controlled_trial"})
# A "retrospective study" of the outcome of one treatment ("44 fasciotomies done for
# Dupuytren's contracture", "patients who underwent ...") that compares and predicts nothing
# is an uncontrolled series; one of records or of people followed up is a cohort.
_TREATED_ALL = re.compile(
    r"\b(?:underwent|treated (?:with|by|for)|who (?:received|were given) (?:an? )?[\w-]+|"
    r"(?:done|performed|carried out) (?:for|on)|"
    r"operated on|outcomes? of \d+ (?:[\w-]+ ){0,3}?(?:procedures|operations|[\w-]+(?:ies|ions)))\b"
)
_COMPARES = re.compile(
    r"\b(?:groups?|arms?|compar\w*|versus|vs|controls?|cohorts?|predict\w*|prognos\w*|"
    r"risk factors?|regression|hazard|odds|associat\w*|correlat\w*|exposed|unexposed)\b"
)
_OBSERVATIONAL = "D064888"  # the publication type Observational Study
# what a study that follows people and compares them does, which a series of one treated
# group measured against its own baseline does not
_FOLLOWED_FACTORS = re.compile(
    r"\b(?:predict\w*|prognos\w*|risk factors?|regression|hazard|odds|associat\w*|"
    r"correlat\w*|exposed|unexposed|cohorts?|propensity|confound\w*)\b"
)
# groups compared with an adjustment for confounding ("inverse probability of treatment
# weighting", "a propensity score", "adjusted for confounders"): the groups were not formed by
# the study, so it is observational, a cohort
_CONFOUNDING = re.compile(
    r"\b(?:propensity[\s-]+scores?|inverse probability (?:of )?(?:treatment )?weight\w*|iptw|"
    r"(?:adjusted|controlled|corrected) for (?:(?:potential|possible|the|all) )?confound\w*|"
    r"(?:treated|handled) as confounders)\b"
)
# words one of which every match of `_CONFOUNDING` holds: a record with none is not searched
_CONFOUNDING_WORDS = ("confound", "propensity", "iptw", "inverse probability")
# A review that says it pooled nothing is a systematic review, whatever it is indexed as
_NO_POOLING = re.compile(
    r"\b(?:no|without)\s+(?:[\w-]+\s+)?(?:pooling|meta[\s-]*analys[ie]s)\b|\bnot\s+(?:be\s+)?"
    r"(?:statistically\s+|quantitatively\s+)?(?:pooled|combined)\b|\bnot\s+(?:possible|feasible|"
    r"appropriate)\s+to\s+(?:pool|perform\s+a\s+meta|conduct\s+a\s+meta)|\b(?:pooling|"
    r"meta[\s-]*analys[ie]s)\s+(?:was|were|could)\s+not\b|"
    # "outcomes were too heterogeneous, and too often incompletely reported, for a
    # meta-analysis", "heterogeneity precluded pooling", "not amenable to meta-analysis"
    r"\btoo\s+(?:heterogeneous|diverse|different|varied|few|dissimilar)\b[^.;]{0,80}?\bfor\s+"
    r"(?:a\s+|any\s+)?(?:meta[\s-]*analys[ie]s|(?:statistical\s+)?pooling|quantitative\s+synthesis)|"
    r"\bprecluded?\s+(?:a\s+|any\s+|the\s+)?(?:quantitative\s+|statistical\s+|formal\s+)?"
    r"(?:meta[\s-]*analys[ie]s|pooling|synthesis)|\b(?:unsuitable|not suitable|not amenable)\s+"
    r"(?:for|to)\s+(?:a\s+)?(?:meta[\s-]*analys|(?:statistical\s+)?pooling)|"
    r"\binstead of (?:a\s+)?meta[\s-]*analys|\b(?:did|does|do) not (?:allow|permit)\s+(?:for\s+)?"
    r"(?:a\s+)?(?:meta[\s-]*analys|pooling)"
)
# A review of reviews: "meta-analyses" are what it included, not what it did
_REVIEW_OF_REVIEWS = re.compile(
    r"\bumbrella review|\b(?:overview|review) of (?:[\w-]+ ){0,2}?reviews\b|\b(?:systematic )?"
    r"reviews (?:and meta[\s-]*analyses )?(?:were|was) (?:included|eligible|identified|selected)\b"
)
# Results pooled all the same: a review that left one outcome unpooled but pooled another
# stays a meta-analysis
_POOLED = re.compile(
    r"\b(?:were|was) pooled\b|\bpooled (?:effects?|estimates?|mean|standardi[sz]ed|odds|risk|"
    r"relative|smd|analys[ie]s)\b|\b(?:random|fixed)[\s-]effects?\b|\bi(?:2|²) ?="
)
# The words of a letter to the editor, a reply or a comment, in its title or first sentences
_LETTER = re.compile(
    r"\bwe (?:have )?read (?:with (?:great |much |considerable |keen )?interest|the (?:recent )?"
    r"(?:article|paper|letter))\b|"
    r"\bwe (?:would like to )?thank (?:the |dr\.? |professor )?(?:[\w-]+ )?(?:authors?|"
    r"correspondents?|colleagues)\b[^.]{0,60}?\b(?:comments?|letter|interest|remarks|"
    r"observations)\b|"
    r"^(?:re:|reply\b|in reply\b|response to\b|comment on\b|comments on\b|letter to the editor\b|"
    r"authors'? reply\b|correspondence\b)|"
    r"\b(?:in (?:reply|response) to (?:the |a )?(?:letter|comments?)|letter to the editor)\b"
)
# words one of which every match of `_LETTER` holds (a cheap test before the regex)
_LETTER_WORDS = (
    "we read",
    "we have read",
    "thank",
    "reply",
    "response to",
    "comment",
    "letter",
    "correspondence",
    "re:",
)
_OPENING_UNITS = 3  # the title and the first two sentences
_CASES = frozenset({"case_report", "case_series"})
# people as the subjects of the methods or results: "sixty patients", "participants were"
_HUMANS = re.compile(
    r"\b(?:\d+|" + _NUMBER + r")\s+(?:[\w-]+\s+){0,2}?(?:patients|participants|volunteers|women|"
    r"men|adults|children|athletes|workers)\b|\b(?:patients|participants|volunteers) (?:were|was)\b"
)
# words of a trial's design that say it had a control or arms
_CONTROL_NAMED = re.compile(
    r"(?i)control|arm|parallel|random|altern|cross|over|preference|choice|comparative|group"
)
# a treatment given to someone: the words of a trial's arms (what `_design_from_methods`
# asks of groups before it calls them a trial)
_GIVEN = re.compile(
    r"\b(?:treat\w*|therap\w*|receiv\w*|underw\w*|undergo\w*|given|administ\w*|inject\w*|"
    r"infiltrat\w*|needl\w*|interventions?|programmes?|programs?|sessions?|applied|exercis\w*|"
    r"stimulat\w*|manipulat\w*|massag\w*|dos(?:e|es|ing)|surg\w*|operat\w*|drugs?|placebo|sham)\b"
)
# the words of arms or of a comparator, which a series of one group has none of
_ARMS = re.compile(
    # (not the limb: "Disabilities of the Arm, Shoulder and Hand", "upper arm pain")
    r"\b(?:groups?|(?<!of the )(?<!upper )(?<!left )(?<!right )arms?\b(?!,? (?:shoulder|and "
    r"(?:shoulder|hand)|pain))|controls?|controlled|versus|vs|sham|placebo|random\w*|crossover|"
    r"cross-over|compar\w+ (?:with|to|against) (?!baseline|(?:the )?(?:pre|before|base))\w+)\b"
)
# a change measured within one group: "compared with baseline", "from baseline to week 6",
# "before and after treatment", "pre- and post-treatment scores"
_WITHIN = re.compile(
    r"\b(?:compared (?:with|to) (?:the )?baseline|from baseline|(?:since|over) baseline|"
    r"(?:before|pre)[\s-]*(?:and|vs\.?|versus|to)[\s-]*(?:after|post)[\s-]*(?:treatment|"
    r"intervention|therapy|the (?:treatment|intervention|programme|program|sessions?))?|"
    r"pre[\s-]?(?:treatment|intervention)\b[^.;]{0,40}?\bpost[\s-]?(?:treatment|intervention)|"
    # measured before it and at times after it: "before treatment and 6 weeks, 3 months and
    # 12 months afterwards", "before the injection and one month after"
    r"\bbefore (?:the )?(?:treatment|procedure|intervention|injections?|therapy|sessions?)\b"
    r"[^.;]{0,80}?\bafter(?:wards)?\b)"
)
# words one of which every match of `_WITHIN` holds ("baseline", or the "after" or "post" of
# the other branches): a record with none measures no change within one group
_WITHIN_WORDS = ("baseline", "after", "post")
# the words of one group with no control (a series of patients counted is not enough to
# turn a cohort into a series: a cohort is a series of patients too)
_NO_CONTROL = re.compile(
    r"uncontrolled|non[\s-]?(?:controlled|comparative)|\bno (?:control|comparison)|"
    r"without (?:an? )?(?:control|comparison)|single[\s-](?:arm|group|cohort)|"
    r"\bone[\s-](?:arm|group|way)|before[\s-](?:and[\s-])?after|pre[\s-]?(?:post|test)|"
    r"case series"
)
# one treated group split afterwards by a measure it had ("patients were also split by
# baseline VISA-P into Group 1 and Group 2", "stratified by age"): subgroups, not arms
_SUBGROUPS = re.compile(
    r"\b(?:split|divided|stratified|grouped|classified|sorted|separated)\b[^.;]{0,60}?\b(?:by|"
    r"according to|based on|on the basis of)\s+(?:their\s+|the\s+)?(?:baseline|initial|"
    r"pre-?treatment|age|sex|gender|severity)\b"
)
# groups formed by what people have, not by what they are given: "an active trigger point
# group or a latent one", "divided by the presence of neck pain", "with and without pain"
_BY_CONDITION = re.compile(
    r"\b(?:active|latent|symptomatic|asymptomatic|healthy|pain[\s-]free|painless|affected|"
    r"unaffected)\s+(?:[\w-]+\s+){0,2}?groups?\b|\b(?:by|according to|based on)\s+(?:the\s+)?"
    r"(?:presence|absence|diagnosis|severity)\b|\bwith (?:and|or) without\b|"
    r"\bgroups?\s+\((?:with|without)\b"
)
# A drug given as an arm beside needling or another treatment, in a record about trigger
# points (`_drug_arm_into_trigger_points`)
_DRUG = (
    r"(?:lidocaine|lignocaine|procaine|bupivacaine|mepivacaine|ropivacaine|botulinum(?:\s+toxin)?"
    r"(?:\s+type\s+a)?|btx-?a|bont-?a)"
)
_DRUG_WORDS = ("caine", "botulinum", "btx", "bont")
_DRUG_ARM = re.compile(
    r"\b(?:versus|vs\.?|against|or|and|than|compared (?:with|to))\s+(?:an?\s+|the\s+)?"
    r"(?:[\d.]+\s*%\s+)?" + _DRUG + r"\b(?!\s+(?:cream|gel|patch|patches|spray|plaster|ointment))|"
    r"\b" + _DRUG + r"\s+(?:group|arm)s?\b|"
    r"\b" + _DRUG + r"\s+(?:and|or|versus|vs\.?|against)\s+(?:[\w-]+\s+){0,2}?needling\b|"
    # "relief lasted longer with 1% lidocaine than with stretching"
    r"\b" + _DRUG + r"\s+than\s+(?:with\s+|after\s+)?"
)
_TRIGGER_POINTS = re.compile(r"\b(?:m?trps?|trigger[\s-]points?)\b")
# the drug given elsewhere than into a muscle, or as a sham: a block, a joint, the skin
_NOT_INTO_TRIGGER_POINTS = re.compile(
    r"\b(?:nerves?|blocks?|blockade|epidural|facet|intra-?articular|subacromial|bursa\w*|joints?|"
    r"topical|cream|patch|sham|placebo|saline|skin|subcutaneous|intravenous|spinal|caudal)\b"
)
# a control arm named: "the control group", "a sham arm", "the comparison group"
_CONTROL_GROUP = re.compile(
    r"\b(?:control|controls|comparison|comparator|sham|placebo|waiting[\s-]list|wait[\s-]list)\s+"
    r"(?:group|groups|arm|arms|condition|cohort)\b|"
    # people set beside the treated ones: "crizotinib-naive controls", "matched controls"
    r"\b(?:[\w-]+\s+)?controls\b(?!\s+(?:for|the|their|its))"
)
# ... and denied: "without a control group", "no comparison arm", "no sham-treated"
_DENIED = re.compile(
    r"\b(?:no|without|lacked|lacking|absence of)\s+(?:an?\s+|any\s+)?(?:[\w-]+\s+)?$"
)
# Designs that outrank a trial, and the words that make a mention of one another study's
_OUTRANKING = frozenset({"protocol", "meta_analysis", "systematic_review", "guideline"})
_ANOTHERS = re.compile(
    r"\b(?:previous|previously published|prior|earlier|recent|recently published|published|"
    r"existing|former|another|cochrane|(?:based on|according to|as recommended by|as suggested "
    r"by|as described in|in line with|informed by|derived from|following) (?:an?|the))\s+"
    r"(?:[\w-]+\s+){0,2}$"
)
# A bare "guideline(s)" outside the title is the record only with words that make it its own
_GUIDELINE_WORDS = ("guideline", "guidelines")
_OWN_GUIDELINE_BEFORE = re.compile(
    r"(?:\b(?:this|the present|the current|our|these|an? (?:new|updated|revised|first)|"
    r"(?:to|we) (?:develop|developed|update|updated|present|presented|issue|issued|formulate|"
    r"formulated|draft|drafted|produce|produced|propose|proposed|provide|write|wrote))\s+"
    r"(?:[\w-]+\s+){0,4})$"
)
_OWN_GUIDELINE_AFTER = re.compile(
    r"\s+(?:development|panel|group|committee|working group|task force|authors|writing)\b"
)
_REVIEWS = frozenset({"narrative_review", "systematic_review", "meta_analysis"})
# the meta-analysis cues that name only its statistics (design.yaml)
_POOLING_STATS = re.compile(
    r"(?i)(?:random|fixed)[\s-]effects?|combined|synthesi|aggregated|quantitatively|summary|"
    r"forest|i(?:2|²)"
)
# a result reported: "p < 0.05", "95% CI", "improved significantly", "did not differ"
_RESULT = re.compile(
    r"\bp\s*(?:[<=>≤≥]|value)\s*0?\.\d|\b95\s*%\s*(?:ci\b|confidence)|\b(?:was|were|is|are)?\s*"
    r"(?:statistically\s+)?significant(?:ly)?\s+(?:improved|reduced|decreased|increased|higher|"
    r"lower|better|greater|smaller|different|more|less|associated|correlated)\b|\b(?:improved|"
    r"reduced|decreased|increased|fell|rose|differed|declined|dropped) significantly\b|"
    r"\b(?:did|does) not (?:significantly )?differ\b|"
    r"\bno (?:statistically )?significant (?:difference|change|improvement|effect)s?\b"
)
_PRESENTED = ("we report", "we describe", "we present", "this report describes", "here we")
# An opening sentence that reports another study ("a previous randomised trial of 40
# patients found ...", "dry needling has been shown in a randomized trial ...")
_OTHERS_WORK = re.compile(
    r"\b(?:previous|previously|recent|recently|earlier|prior|another|published|existing|"
    r"several|many|few|landmark|pivotal|literature|evidence)\b|\b(?:ha(?:s|ve)|had) been (?:shown|"
    r"found|reported|suggested|demonstrated|proposed|described|used)\b|\b(?:showed|found|"
    r"suggested|demonstrated|concluded|reported) that\b"
)
_WE = re.compile(r"\b(?:we|our)\b")
# "... was conducted to evaluate", "... were performed to compare": done, for a purpose
_DONE_TO = re.compile(
    r"\b(?:was|were) (?:conducted|performed|carried out|undertaken|designed|done|made) to "
    r"(?:[\w-]+ )?(?:evaluate|assess|compare|determine|examine|investigate|describe|explore|"
    r"estimate|identify|test|measure|analy[sz]e|study|characteri[sz]e|establish|quantify)\b"
)
_COUNTED = re.compile(
    r"\b"
    + _NUMBER
    + r"\s+(?:[\w-]+\s+){0,3}?(?:patients|participants|subjects|adults|women|men|people|"
    r"volunteers|individuals|cases|children|athletes|runners|workers|physiotherapists|"
    r"therapists|clinicians|practitioners|respondents|students|players|eyes|shoulders|knees)\b"
)
_TEXT_SOURCES = {"title": "text_title", "keyword": "keyword"}  # else text_abstract
# "... with knee exercises", "plus exercise": a treatment added to an arm's main one
_ADDED_BEFORE = re.compile(
    r"\b(?:with|plus|combined with|together with|alongside)\s+(?:[\w-]+\s+){0,1}$"
)
# Between two treatments of one sentence: "dry needling [with] manual therapy [and] exercise".
# The second is added to the first; one joined by "and" to an added one is added too.
_WITH_GAP = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:plus|\+|(?:combined |in combination |together |along )?with|"
    r"alongside)\s+(?:[\w-]+\s+){0,2}$"
)
_AND_GAP = re.compile(r"^\s*(?:\([^)]*\)\s*)?,?\s*(?:and|,)\s+(?:[\w-]+\s+){0,2}$")
_MAIN_ROLES = frozenset({"title", "objective"})


@dataclass(slots=True)
class _Collector:
    """Tags found so far: one per (dimension, id, source), first evidence kept."""

    pmid: int
    tags: dict[tuple[str, str, str], Tag] = field(default_factory=dict)
    specific: set[tuple[str, str]] = field(default_factory=set)  # text, not generic, evidence

    def add(self, dimension: Dimension, value: str, source: str, evidence: str) -> None:
        key = (dimension, value, source)
        if key not in self.tags:
            self.tags[key] = Tag(self.pmid, dimension, value, source, evidence)

    def values(self, dimension: str) -> set[str]:
        return {v for d, v, _ in self.tags if d == dimension}

    def sources(self, dimension: str, value: str) -> set[str]:
        return {s for d, v, s in self.tags if d == dimension and v == value}

    def drop(self, dimension: str, value: str) -> None:
        for key in [k for k in self.tags if k[0] == dimension and k[1] == value]:
            del self.tags[key]


def tag_article(article: Article, vocab: Vocabulary) -> list[Tag]:
    """Every tag of ``article``: the same input always gives the same ordered list."""
    return tag_document(article, build_document(article), vocab)


def find_matches(doc: Document, vocab: Vocabulary) -> Matches:
    """Every synonym and pattern match of the document, by dimension (one regex pass), and
    every later use of an abbreviation the record defines for one ("dry needling (DN)")."""
    if vocab.text_matcher is None:
        return Matches({})
    raw = vocab.text_matcher.find(doc.lower, doc.text)
    if "(" in doc.text:
        exclusions = vocab.text_matcher.exclusions
        for dimension in _ABBREVIATED:
            found = raw.get(dimension)
            if found:
                raw[dimension] = _with_abbreviations(doc.text, found, exclusions)
    return Matches(raw)


def _with_abbreviations(
    text: str,
    found: list[Match],
    exclusions: Mapping[tuple[str, str], re.Pattern[str]] | None = None,
) -> list[Match]:
    """``found`` and the uses of the abbreviations defined right after a match: "dry needling
    (DN)" makes each later "DN" a mention of dry_needling. Real abstracts name a treatment
    once and abbreviate it after; the vocabulary cannot list every abbreviation, and a short
    one ("DN", "US") means other things elsewhere, so it counts only where it is defined.
    A use is read as its full words against the term's exclusions: "injections guided by
    US" is "guided by ultrasound", guidance and not a treatment."""
    taken = {(m.start, m.end) for m in found}
    extra: list[Match] = []
    for match in found:
        defined = _DEFINED.match(text, match.end)
        if defined is None:
            continue
        short = defined.group(1)
        full = text[match.start : match.end].lower()
        if short.lower() == full or short.islower():
            continue
        exclusion = exclusions.get((match.dimension, match.term)) if exclusions else None
        for use in re.finditer(rf"(?<![\w-]){re.escape(short)}(?![\w-])", text[defined.end() :]):
            start, end = defined.end() + use.start(), defined.end() + use.end()
            if (start, end) in taken:
                continue
            taken.add((start, end))
            if exclusion is not None and _excluded_as(exclusion, text, start, end, full):
                continue
            extra.append(Match(match.dimension, match.term, start, end))
    return sorted([*found, *extra], key=lambda m: m.start) if extra else found


_ABBREVIATION_WINDOW = 60  # characters either side of a use read against the exclusions


def _excluded_as(exclusion: re.Pattern[str], text: str, start: int, end: int, full: str) -> bool:
    """Whether the use at ``start:end``, written out as ``full``, is inside a match of
    ``exclusion`` (read in the sentence's words either side)."""
    before = text[max(0, start - _ABBREVIATION_WINDOW) : start].lower()
    after = text[end : end + _ABBREVIATION_WINDOW].lower()
    window = before + full + after
    a, b = len(before), len(before) + len(full)
    return any(x.start() < b and a < x.end() for x in exclusion.finditer(window))


def tag_document(
    article: Article, doc: Document, vocab: Vocabulary, matches: Matches | None = None
) -> list[Tag]:
    """`tag_article` on a document already laid out and matched (findings reuse both)."""
    if matches is None:
        matches = find_matches(doc, vocab)
    tables = tables_for(vocab)
    named = tables.mesh(article.mesh_headings)
    out = _Collector(article.pmid)
    animal = _tag_population(doc, matches.get("population"), out, named)
    _tag_design(article, doc, tables, matches.get("design"), out, named, animal=animal)
    _tag_mesh(vocab, named, out)
    for dimension in _TEXT_DIMENSIONS:
        _tag_text(dimension, doc, matches, tables, out)
    _apply_yields(tables, out)
    if "trigger_point_injection" in tables.vocab.order("intervention"):
        _drug_arm_into_trigger_points(article, doc, out)
    _apply_condition_yields(tables, out)
    _pain_of_a_named_joint_disease(doc, out)
    reported = out.values("adverse_event")
    if reported and "adverse_events" in vocab.order("outcome"):
        first = next(t.id for t in vocab.terms["adverse_event"] if t.id in reported)
        out.add("outcome", "adverse_events", "derived", f"adverse event: {first}")
    # The output order is `VocabTables.rank`. `places` holds the place in that order of every
    # (dimension, id, source) of the vocabulary, so sorting by place is sorting by rank; tags
    # of an id outside it ("human" of a test vocabulary) are sorted by rank itself.
    try:
        keys = sorted(out.tags, key=tables.places.__getitem__)
    except KeyError:
        keys = sorted(out.tags, key=tables.rank)
    return [out.tags[key] for key in keys]


def _tag_mesh(vocab: Vocabulary, named: list[tuple[MeshHeading, Ids]], out: _Collector) -> None:
    """MeSH descriptors, and qualifiers on intervention headings (adverse effects)."""
    adverse_effects = any(
        q.ui == ADVERSE_EFFECTS_QUALIFIER or q.name.lower() == "adverse effects"
        for h, ids in named
        if ids["intervention"]  # an intervention heading
        for q in h.qualifiers
    )
    needs = vocab.mesh_requires_qualifier.get("adverse_event", frozenset())
    outcome = vocab.matchers["outcome"]
    for heading, by_dimension in named:
        for dimension in _TEXT_DIMENSIONS:
            ids = by_dimension[dimension]
            if not ids:
                continue
            if (
                dimension == "adverse_event"
                and not adverse_effects
                and not any(q.ui in needs or q.name.lower() in needs for q in heading.qualifiers)
            ):
                continue
            for value in ids:
                out.add(dimension, value, "mesh", heading.descriptor)
            if dimension == "intervention":
                for qualifier in heading.qualifiers:
                    for value in outcome.lookup(outcome.qualifiers, qualifier.ui, qualifier.name):
                        out.add(
                            "outcome",
                            value,
                            "mesh_qualifier",
                            f"{heading.descriptor}/{qualifier.name}",
                        )


def counted_matches(dimension: str, doc: Document, matches: Matches) -> list[tuple[Match, str]]:
    """Matches of one dimension that say what the record studied, with their unit's role.

    Left out: negated, hypothetical and covered-indication adverse events; excluded,
    covered-indication and outcome conditions; sham arms, earlier treatments and model inductions
    (rules in `evidence.tagging.mentions`)."""
    cached = matches.counted.get(dimension)
    if cached is not None:
        return cached
    kept: list[tuple[Match, str]] = []
    matches.counted[dimension] = kept
    units, starts = doc.units, doc.starts
    contextual = dimension in _CONTEXTUAL
    # what the title names is studied: a conclusion's "the effect of massage is unclear" or
    # "whether it helps Achilles tendinopathy remains uncertain" is then the record's own
    # open result, not a population or treatment beyond it (`is_extension`)
    titled = frozenset(
        m.term
        for m in matches.get(dimension)
        if units[bisect_right(starts, m.start) - 1].role == "title"
    )
    for match in matches.get(dimension):
        unit = units[bisect_right(starts, match.start) - 1]  # doc.unit_at, inlined
        # the rules read the sentence; of outcomes, they can only leave out adverse_events
        if (
            contextual
            and (dimension != "outcome" or match.term == "adverse_events")
            and _left_out(
                dimension, doc.lower[unit.start : unit.end], match, unit, match.term in titled
            )
        ):
            continue
        kept.append((match, unit.role))
    return kept


def _left_out(
    dimension: str, sentence: str, match: Match, unit: Unit, titled: bool = False
) -> bool:
    """Whether a match in ``sentence`` (its unit, lower-cased) is not what was studied;
    ``titled``: the title names its term (then it is no extension of the conclusion's)."""
    a, b = match.start - unit.start, match.end - unit.start
    if dimension == "adverse_event":
        return (
            is_negated(sentence, a, b)
            or is_not_studied_condition(sentence, a, b)
            or (unit.role != "title" and is_hypothetical(sentence, a))
        )
    if dimension == "condition":
        return (
            is_not_studied_condition(sentence, a, b)
            or is_condition_outcome(sentence, a)
            # in an unstructured abstract's sentences of no set role only: an aim or a
            # conclusion that names conditions "such as" these speaks of them
            or (unit.role == "body" and is_condition_example(sentence, a))
            or (unit.role == "conclusions" and not titled and is_extension(sentence, a, b))
        )
    if dimension == "intervention":
        return is_not_studied_intervention(sentence, a, b) or (
            unit.role == "conclusions" and not titled and is_extension(sentence, a, b)
        )
    if dimension == "outcome" and match.term == "adverse_events":
        return is_hypothetical(sentence, a)  # "the prevention of complications"
    return False


def _tag_text(
    dimension: Dimension, doc: Document, matches: Matches, tables: VocabTables, out: _Collector
) -> None:
    counted = counted_matches(dimension, doc, matches)
    if not counted:
        return
    if dimension == "intervention":
        dropped = _not_studied_terms(doc, counted, out)
    elif dimension == "condition":
        dropped = _instrument_only_terms(doc, counted)
    else:
        dropped = set()
    for term in dropped:
        # the text names it only as every arm's or a comparator's: MeSH, which indexes
        # co-interventions too, does not bring it back
        if out.sources(dimension, term) == {"mesh"}:
            out.drop(dimension, term)
    scores: dict[str, float] = {}
    evidence: dict[tuple[str, str], str] = {}
    specific = out.specific
    text = doc.text
    for match, role in counted:
        weight = ROLE_WEIGHTS[role]
        term = match.term
        if weight <= 0 or term in dropped:
            continue
        scores[term] = scores.get(term, 0.0) + weight
        key = (term, _TEXT_SOURCES.get(role, "text_abstract"))
        if key not in evidence:
            evidence[key] = text[match.start : match.end]
        if (dimension, term) in specific:
            continue
        generic = tables.generic.get((dimension, term))
        if not generic:
            specific.add((dimension, term))
            continue
        phrase = _SEP.sub(" ", text[match.start : match.end].lower())
        # a generic phrase in the plural ("massages") is generic too
        if (
            phrase not in generic
            and (phrase[-1:] != "s" or phrase[:-1] not in generic)
            and not _abbreviates_generic(text, match, generic)
        ):
            specific.add((dimension, term))
    for (value, source), words in evidence.items():
        if scores[value] >= 1.0:
            out.add(dimension, value, source, words)


def _abbreviates_generic(text: str, match: Match, generic: tuple[str, ...]) -> bool:
    """Whether ``match`` is an abbreviation the record defined for a generic phrase: "trigger
    point therapy (TriT)" makes each "TriT" as generic as the words it stands for."""
    short = text[match.start : match.end]
    if " " in short or short.islower():
        return False
    defined = text.find(f"({short}")
    if defined <= 0:
        return False
    before = _SEP.sub(" ", text[max(0, defined - 40) : defined].lower()).rstrip()
    return any(before.endswith(g) or before.endswith(g + "s") for g in generic)


def _instrument_only_terms(doc: Document, counted: list[tuple[Match, str]]) -> set[str]:
    """Conditions named only inside an instrument's name ("the Shoulder Pain and Disability
    Index" in a trial of trapezius myofascial pain), when another condition is named in its
    own right: the instrument is an outcome measure. Alone, the instrument is the record's
    only word on who was studied, and the condition stands."""
    units, starts = doc.units, doc.starts
    own: set[str] = set()
    inside: set[str] = set()
    for match, role in counted:
        if ROLE_WEIGHTS[role] <= 0:
            continue
        unit = units[bisect_right(starts, match.start) - 1]
        if is_instrument(doc.lower[unit.start : unit.end], match.end - unit.start):
            inside.add(match.term)
        else:
            own.add(match.term)
    return inside - own if own else set()


def _not_studied_terms(
    doc: Document, counted: list[tuple[Match, str]], out: _Collector
) -> set[str]:
    """Interventions every arm received (co-interventions) and, in reviews and guidelines,
    interventions named only as comparators of the included trials. The first intervention
    of the title is studied unless the title itself names it as every arm's ("exercise with
    or without dry needling"). A treatment added to two arms in one sentence, or named only
    as added to another treatment in the methods and results ("dry needling with manual
    therapy and exercise, or sham dry needling"), or named only as an example of treatments
    in general ("treatments such as dry needling"), is dropped only when another studied
    treatment is left."""
    title_first: str | None = None
    title_co = False
    designs = out.values("design")
    review = designs & {"systematic_review", "meta_analysis", "guideline"}
    guideline = "guideline" in designs
    co: set[str] = set()
    comparator_only: dict[str, bool] = {}
    example_only: dict[str, bool] = {}  # every weighted mention an example of treatments
    units, starts = doc.units, doc.starts
    # (unit start, term, words) -> how many times; a treatment named twice in one sentence, each
    # time added to another ("A with exercise versus B with exercise"), is in every arm
    added: dict[tuple[int, str, str], int] = {}
    # term -> the mentions (term, start) each of its weighted mentions is added to (None:
    # one of them is not added to another treatment)
    only_added: dict[str, set[tuple[str, int]] | None] = {}
    chains: dict[tuple[str, int], set[str]] = {}  # mention -> the treatments added to it
    # (unit start, term, start, words, whether added to another treatment)
    mentions: list[tuple[int, str, int, str, bool]] = []
    # (unit start, end, the mention it is added to or None, its own) of the last mention
    previous: tuple[int, int, tuple[str, int] | None, tuple[str, int]] | None = None
    for match, role in counted:
        unit = units[bisect_right(starts, match.start) - 1]  # doc.unit_at, inlined
        sentence = doc.lower[unit.start : unit.end]
        a, b = match.start - unit.start, match.end - unit.start
        head: tuple[str, int] | None = None
        if previous is not None and previous[0] == unit.start and previous[1] <= match.start:
            gap = doc.lower[previous[1] : match.start]
            if len(gap) < 40:
                if _WITH_GAP.search(gap) is not None:
                    head = previous[2] or previous[3]
                elif previous[2] is not None and _AND_GAP.search(gap) is not None:
                    head = previous[2]
        previous = (unit.start, match.end, head, (match.term, match.start))
        if head is not None:
            chains.setdefault(head, set()).add(match.term)
        if ROLE_WEIGHTS[role] > 0:
            words = doc.lower[match.start : match.end]
            mentions.append((unit.start, match.term, match.start, words, head is not None))
        if ROLE_WEIGHTS[role] > 0:
            heads = only_added.get(match.term, set())
            only_added[match.term] = (
                None if heads is None or head is None or role in _MAIN_ROLES else heads | {head}
            )
        is_co = is_co_intervention(sentence, a, b)
        if role == "title" and title_first is None:
            title_first, title_co = match.term, is_co
        if is_co:
            co.add(match.term)
        elif ROLE_WEIGHTS[role] > 0 and _added_before(sentence[max(0, a - 25) : a]):
            key = (unit.start, match.term, sentence[a:b])
            added[key] = added.get(key, 0) + 1
        if review and ROLE_WEIGHTS[role] > 0:
            only = comparator_only.get(match.term, True) and role != "title"
            comparator_only[match.term] = only and is_comparator(sentence, a, other_only=guideline)
        if ROLE_WEIGHTS[role] > 0:
            example_only[match.term] = (
                example_only.get(match.term, True) and role != "title" and is_example(sentence, a)
            )
    co |= {term for term, only in comparator_only.items() if only}
    twice = {term for (_, term, _), n in added.items() if n > 1}
    twice |= {term for term, only in example_only.items() if only}
    # Added only to the title's treatment, the same additions wherever it is named: a part of
    # every arm, as the sham arm is that treatment's sham. Added to a comparator ("ultrasound
    # with massage"), or different additions to two arms, it is a part of one arm.
    to_title = {frozenset(terms) for (term, _), terms in chains.items() if term == title_first}
    if len(to_title) == 1:
        twice |= {
            term
            for term, heads in only_added.items()
            if heads and {h[0] for h in heads} == {title_first}
        }
    # "manual therapy or manual therapy combined with dry needling": named bare and with
    # another added to it in one sentence (the same words both times), it is in every arm
    bare = {
        (u, term, words)
        for u, term, at, words, added in mentions
        if not added and (term, at) not in chains
    }
    twice |= {
        term
        for u, term, at, words, _ in mentions
        if (term, at) in chains and (u, term, words) in bare
    }
    studied = {m.term for m, role in counted if ROLE_WEIGHTS[role] > 0}
    if twice and studied - co - twice:
        co |= twice
    if not title_co:
        co.discard(title_first or "")
    return co


def _apply_yields(tables: VocabTables, out: _Collector) -> None:
    """Drop a tag resting only on MeSH or on generic phrases when a term it yields to was
    found in the text (acupuncture's MeSH heading on a dry needling trial)."""
    text_sources = {"text_title", "text_abstract", "keyword"}
    tagged = out.values("intervention")  # (a term's tags are dropped only in its own turn)
    for term in tables.yielding:
        if term.id not in tagged or ("intervention", term.id) in out.specific:
            continue
        # both named apart in the title ("massage, acupuncture and trigger point therapy"):
        # each is a subject of its own
        titled = "text_title" in out.sources("intervention", term.id)
        if titled and any(
            "text_title" in out.sources("intervention", other) for other in term.yields_to
        ):
            continue
        if any(out.sources("intervention", other) & text_sources for other in term.yields_to):
            out.drop("intervention", term.id)


def _apply_condition_yields(tables: VocabTables, out: _Collector) -> None:
    """Drop a broad condition (a term with ``yields_to``: chronic pain) when the title or
    abstract names one of its kinds: "chronic abdominal wall pain from trigger points in the
    rectus abdominis" is myofascial pain, "fibromyalgia, a chronic widespread pain" is
    fibromyalgia. The pain is a symptom of the named syndrome, which is what was studied."""
    text_sources = {"text_title", "text_abstract", "keyword"}
    tagged = out.values("condition")
    for term in tables.broad_conditions:
        if term.id not in tagged:
            continue
        if any(out.sources("condition", kind) & text_sources for kind in term.yields_to):
            out.drop("condition", term.id)


# The pain of a joint whose disease the title or objective names, where the vocabulary has no
# id for that disease: a symptom of the named disease ("hip pain" measured in a trial of dry
# needling for hip osteoarthritis), which the labelling rules do not label
_JOINT_DISEASES = {
    "hip_pain": re.compile(
        r"\b(?:hip (?:osteoarthritis|osteoarthrosis|arthrosis|oa)|osteoarthritis of (?:the |both )?"
        r"hips?|coxarthrosis)\b"
    ),
    "shoulder_pain": re.compile(
        r"\b(?:(?:shoulder|glenohumeral) (?:osteoarthritis|osteoarthrosis|arthrosis)|"
        r"osteoarthritis of (?:the |both )?shoulders?)\b"
    ),
}
_MAIN_UNIT_ROLES = frozenset({"title", "objective"})


def _pain_of_a_named_joint_disease(doc: Document, out: _Collector) -> None:
    """Drop a joint's pain, tagged from the text, when the title or objective names a disease
    of that joint that has no id of its own (`_JOINT_DISEASES`)."""
    tagged = out.values("condition")
    for pain, disease in _JOINT_DISEASES.items():
        if pain not in tagged or "mesh" in out.sources("condition", pain):
            continue
        if any(
            disease.search(doc.lower, u.start, u.end) is not None
            for u in doc.units
            if u.role in _MAIN_UNIT_ROLES
        ):
            out.drop("condition", pain)


def _drug_arm_into_trigger_points(article: Article, doc: Document, out: _Collector) -> None:
    """A local anaesthetic or botulinum toxin given as an arm of a record about trigger
    points is an injection into them, though the record names only the drug ("four trials
    set dry needling against lidocaine", "the lidocaine group"): trigger point injection,
    per the labelling rules, when the record names trigger points where it says what it
    did. Topical forms (a lidocaine patch or cream) and sham or placebo drugs are not arms."""
    if "trigger_point_injection" in out.values("intervention"):
        return
    lower = doc.lower
    # every match of `_TRIGGER_POINTS` holds "trp" or "trigger": two scans of the record in C
    # in place of the regex's, which tries each position of each sentence
    if not _has_any(lower, _DRUG_WORDS) or ("trigger" not in lower and "trp" not in lower):
        return
    units = [u for u in doc.units if u.role in _DESIGN_ROLES or u.role == "conclusions"]
    if not any(_TRIGGER_POINTS.search(lower, u.start, u.end) for u in units):
        return
    for unit in units:
        sentence = lower[unit.start : unit.end]
        if not _has_any(sentence, _DRUG_WORDS) or _NOT_INTO_TRIGGER_POINTS.search(sentence):
            continue
        found = _DRUG_ARM.search(sentence)
        if found is not None:
            words = doc.text[unit.start + found.start() : unit.start + found.end()]
            out.add("intervention", "trigger_point_injection", "text_abstract", words)
            return


def _tag_design(
    article: Article,
    doc: Document,
    tables: VocabTables,
    found: list[Match],
    out: _Collector,
    named: list[tuple[MeshHeading, Ids]],
    *,
    animal: bool,
) -> None:
    """One design: the strongest that applies (the order of design.yaml is the precedence).

    A publication type that names a design wins, refined by text only to a kind of itself
    (Review -> systematic review; Clinical Trial -> randomised trial; any -> protocol).
    Without one, a design named in the title wins, then the strongest named in the
    objective, methods or results, then a MeSH study-design heading, then weaker cues of the
    methods (`_design_from_methods`). A meta-analysis that says it pooled nothing is a
    systematic review; a "retrospective study" that compares nothing and predicts nothing is
    a case series. Animal experiments are `other` whatever their allocation, as are
    letters and editorials."""
    order = tables.vocab.order("design")
    if animal and "other" in order:
        out.add("design", "other", "derived", "animal study")
        return
    if "other" in order:
        # a letter or a reply about a study is not that study, whatever design it names
        end = _opening_end(doc)
        opening = doc.lower[:end]
        letter = _LETTER.search(opening) if _has_any(opening, _LETTER_WORDS) else None
        if letter is not None:
            out.add("design", "other", "text_abstract", doc.text[letter.start() : letter.end()])
            return
    typed = [
        (value, p.name) for p in article.publication_types for value in tables.publication_type(p)
    ]
    # the opening sentences of an unstructured abstract that report what was done: read only
    # when a design word or the methods' cues are looked for there
    reported: frozenset[int] = frozenset()
    units, starts = doc.units, doc.starts
    openings_read = any(
        units[bisect_right(starts, m.start) - 1].role == "background" for m in found
    )
    if openings_read:
        reported = _reported_openings(article, doc)
    from_text = [
        (m.term, role, doc.text[m.start : m.end])
        for m, role in _design_mentions(doc, found, reported)
    ]
    if any(c[0] == "meta_analysis" for c in from_text) and not (
        {v for v, _ in typed} & _REVIEWS or any(c[0] == "systematic_review" for c in from_text)
    ):
        # the statistics of pooling ("a random-effects model") in a record that reviews
        # nothing are a trial's or a cohort's statistics
        from_text = [
            c for c in from_text if c[0] != "meta_analysis" or not _POOLING_STATS.match(c[2])
        ]
    if any(c[0] == "protocol" for c in from_text) and _reports_results(doc):
        # a finished study that speaks of its plan ("outcomes will be reported elsewhere"):
        # it has results, which a protocol has not
        from_text = [c for c in from_text if c[0] != "protocol"]
    best: tuple[str, str, str] | None = None
    if typed:
        value, name = min(typed, key=lambda pair: order[pair[0]])
        if any(c[0] == "case_series" for c in from_text):
            # Case Reports beside a trial type, over a series of patients: the type misleads
            value, name = next(((v, n) for v, n in typed if v == "case_report"), (value, name))
        best = (value, "publication_type", name)
        in_text = {c[0] for c in from_text}
        if (
            value == "controlled_trial"
            and "case_series" in in_text
            and not _control_named(doc, from_text)
        ):
            # Clinical Trial over a single-arm or uncontrolled study ("a prospective clinical
            # trial without a control group"): trial words that name no control do not count
            _, role, words = next(c for c in from_text if c[0] == "case_series")
            best = ("case_series", _TEXT_SOURCES.get(role, "text_abstract"), words)
        elif (
            value == "controlled_trial"
            and name != "Controlled Clinical Trial"
            and "case_series" in order
            and "rct" not in in_text
            and not _control_named(doc, from_text)
        ):
            # Clinical Trial over one group measured before and after treatment, with no
            # arm, control or comparison named anywhere: an uncontrolled series
            within = _within_group_only(doc)
            if within is not None:
                best = ("case_series", "text_abstract", within)
        allowed = _REFINES.get(value, frozenset()) | {"protocol"}
        if any(
            c[0] == "narrative_review" and c[1] == "title" and "narrative" in c[2].lower()
            for c in from_text
        ):
            # "...: a narrative review" that says it searched databases is still narrative
            allowed -= _REVIEWS
        candidates = [c for c in from_text if c[0] in allowed and order[c[0]] < order[value]]
    else:
        titled = [c for c in from_text if c[1] == "title"]
        # the title's design, or a kind of it the methods name ("a controlled study" whose
        # groups were allocated by randomisation software)
        kinds = {k for c in titled for k in _REFINES.get(c[0], ())}
        candidates = titled + [c for c in from_text if c[0] in kinds] if titled else from_text
        if not candidates:
            # a MeSH study-design heading only where the text names no design: a case
            # series indexed under Retrospective Studies is still a case series
            mesh = [(value, "mesh", h.descriptor) for h, ids in named for value in ids["design"]]
            if mesh:
                best = min(mesh, key=lambda c: order[c[0]])
    if candidates:
        value, role, words = min(candidates, key=lambda c: (order[c[0]], c[1] != "title"))
        if best is None or order[value] < order[best[0]]:
            best = (value, "text_title" if role == "title" else "text_abstract", words)
    if (
        best is not None
        and best[0] in ("controlled_trial", "cohort")
        and best[1] in ("text_title", "text_abstract")
        and "case_series" in order
    ):
        # "a quasi-experimental one-group pre-post design", "a single-arm clinical trial",
        # "a non-controlled prospective study": words of a trial or of people followed that
        # name no control, beside those of one group
        series = next(
            (
                c
                for c in from_text
                if c[0] == "case_series"
                and (best[0] == "controlled_trial" or _NO_CONTROL.search(c[2].lower()))
            ),
            None,
        )
        if series is not None and not _control_named(doc, from_text):
            best = ("case_series", _TEXT_SOURCES.get(series[1], "text_abstract"), series[2])
        elif best[0] == "controlled_trial" and not _control_named(doc, from_text):
            # "a pilot clinical trial" of one group measured before and after
            within = _within_group_only(doc)
            if within is not None:
                best = ("case_series", "text_abstract", within)
    if best is not None and best[0] == "guideline" and best[1] in ("text_title", "text_abstract"):
        # "an expert consensus document and a cross-sectional survey of physical therapists":
        # the consensus is drawn from a survey the record calls cross-sectional, which is
        # what it is (a Delphi survey, which names no such design, stays a consensus)
        survey = next(
            (c for c in from_text if c[0] == "cross_sectional" and "sectional" in c[2].lower()),
            None,
        )
        if survey is not None:
            best = ("cross_sectional", _TEXT_SOURCES.get(survey[1], "text_abstract"), survey[2])
    if best is not None and best[0] == "meta_analysis" and "systematic_review" in order:
        unpooled = _NO_POOLING.search(doc.lower) or _REVIEW_OF_REVIEWS.search(doc.lower)
        if unpooled is not None and _POOLED.search(doc.lower) is None:
            words = doc.text[unpooled.start() : unpooled.end()]
            best = ("systematic_review", "text_abstract", words)
    if (
        best is not None
        and best[0] == "cohort"
        and best[1] in ("text_title", "text_abstract")
        and "case_series" in order
        # (the cheaper search first: a comparison is named early in most records)
        and _COMPARES.search(doc.lower) is None
        and _TREATED_ALL.search(doc.lower) is not None
    ):
        best = ("case_series", best[1], best[2])
    if (
        best is not None
        and best[0] == "cohort"
        and best[1] in ("text_title", "text_abstract")
        and "case_series" in order
        and _one_treated_group(doc)
    ):
        # "in this prospective study, 18 women ... were enrolled consecutively" and injected,
        # pain "before and after the injection": one treated group against its own baseline,
        # which compares and predicts nothing, is a series, whatever it calls itself
        best = ("case_series", best[1], best[2])
    if best is None and "cohort" in order and _has_any(doc.lower, _CONFOUNDING_WORDS):
        # groups compared with an adjustment for confounding: observational, a cohort
        design_units = [u for u in doc.units if u.role in _DESIGN_ROLES]
        adjusted = next(
            (
                m
                for u in design_units
                if (m := _CONFOUNDING.search(doc.lower, u.start, u.end)) is not None
            ),
            None,
        )
        if adjusted is not None:
            best = ("cohort", "text_abstract", doc.text[adjusted.start() : adjusted.end()])
    if best is None:
        # (read once: `_reported_openings` gives the same for the same record)
        best = _design_from_methods(
            doc, order, reported if openings_read else _reported_openings(article, doc)
        )
    if best is None and "case_series" in order:
        # nothing named, but one group given a treatment and measured against its own
        # baseline ("assessed before and after three sessions of needling"): a series
        within = _within_group_only(doc)
        own = [u for u in doc.units if u.role in _DESIGN_ROLES or u.start in reported]
        if (
            within is not None
            and _gives(doc, own)
            # people, not cells or samples, were treated
            and any(_HUMANS.search(doc.lower, u.start, u.end) is not None for u in own)
        ):
            best = ("case_series", "text_abstract", within)
    if best is None and "cohort" in order:
        # PubMed's Observational Study names no design of its own; with nothing more to go
        # on, a cohort is the likeliest
        observed = next((p.name for p in article.publication_types if p.ui == _OBSERVATIONAL), None)
        if observed is not None:
            best = ("cohort", "publication_type", observed)
    if best is None:
        fallback = "other" if "other" in order else max(order, key=order.__getitem__)
        best = (fallback, "default", "no design named")
    out.add("design", best[0], best[1], best[2])


# The cues of `_design_from_methods` in the order they are tried: the design ("controlled"
# is settled per record: randomised or not), words one of which a sentence
# must hold before the regex is tried on it, and the regex.
_METHOD_CUES: tuple[tuple[str, tuple[str, ...], re.Pattern[str]], ...] = (
    ("controlled", ("group",), _GROUPS),
    (
        "controlled",
        ("other", "remaining", "blind", "sham", "placebo", "or with", "either"),
        _CONTROLLED,
    ),
    (
        "cross_sectional",
        (
            "questionnaire",
            "survey",
            "invited",
            "asked",
            "healthy",
            "asymptomatic",
            "volunteers",
            "prevalence",
        ),
        _SURVEY,
    ),
    (
        "cohort",
        ("compared", "predict", "prognos", "risk factor", "regression", "multivari"),
        _OBSERVED,
    ),
    ("controlled", ("group",), _GROUPS_COMPARED),
    (
        "case_series",
        (
            "patients",
            "cases",
            "people",
            "adults",
            "participants",
            "subjects",
            "took part",
            "participated",
            "consecutive",
            "followed",
        ),
        _TREATED_SERIES,
    ),
    ("case_series", ("treated", "underwent"), _TREATED_PEOPLE),
    (
        "cross_sectional",
        ("examined", "assessed", "evaluated", "screened", "measured", "scanned", "imaged"),
        _EXAMINED_ONCE,
    ),
    (
        "case_report",
        (
            "patient",
            "man",
            "woman",
            "aged",
            "runner",
            "athlete",
            "player",
            "boy",
            "girl",
            "child",
            "worker",
            "dancer",
            "cyclist",
            "swimmer",
            "soldier",
            "musician",
            "golfer",
        ),
        _ONE_PATIENT,
    ),
)


def _cue_automaton() -> Any:
    """Every word of `_METHOD_CUES` in one Aho-Corasick automaton (pyahocorasick), which
    finds all their occurrences in one pass over a record: testing each word in each
    sentence was most of the time of this reading. None without the library (the same units
    are then found by testing each sentence)."""
    try:
        import ahocorasick  # type: ignore[import-not-found, import-untyped, unused-ignore]
    except ImportError:  # pragma: no cover - the library is a dependency
        return None
    cues_of: dict[str, list[int]] = {}
    for index, (_, words, _) in enumerate(_METHOD_CUES):
        for word in words:
            cues_of.setdefault(word, []).append(index)
    automaton = ahocorasick.Automaton()
    for word, indexes in cues_of.items():
        automaton.add_word(word, (len(word) - 1, tuple(indexes)))
    automaton.make_automaton()
    return automaton


_CUE_AUTOMATON = _cue_automaton()


def _cue_finder() -> tuple[Any, tuple[tuple[int, ...], ...]] | None:
    """The words of `_METHOD_CUES` in the compiled scan module's `TextFinder`, and the
    indexes of the cues of each word: the same occurrences as `_CUE_AUTOMATON` at a fifth
    of its time. None when `evidence.tagging._scan` was not built."""
    module = compiled_scan()
    if module is None:
        return None
    cues_of: dict[str, list[int]] = {}
    for index, (_, words, _) in enumerate(_METHOD_CUES):
        for word in words:
            cues_of.setdefault(word, []).append(index)
    return module.TextFinder(list(cues_of)), tuple(map(tuple, cues_of.values()))


_CUE_FINDER = _cue_finder()


def _cue_units(doc: Document) -> dict[int, set[int]] | None:
    """Index of a cue of `_METHOD_CUES` -> the starts of the units that hold one of its
    words (no word holds the line break that joins two units), found by the compiled
    `_CUE_FINDER`, else by `_CUE_AUTOMATON`; None without either."""
    starts = doc.starts
    held: dict[int, set[int]] = {}
    if _CUE_FINDER is not None:
        finder, cues_of = _CUE_FINDER
        for start, word in finder.hits(doc.lower):
            unit = starts[bisect_right(starts, start) - 1]
            for index in cues_of[word]:
                held.setdefault(index, set()).add(unit)
        return held
    if _CUE_AUTOMATON is None:
        return None
    for end, (back, indexes) in _CUE_AUTOMATON.iter(doc.lower):
        start = starts[bisect_right(starts, end - back) - 1]
        for index in indexes:
            held.setdefault(index, set()).add(start)
    return held


def _reported_openings(article: Article, doc: Document) -> frozenset[int]:
    """The starts of the opening sentences of an unstructured abstract that report what the
    record did ("Sixty patients with neck pain were randomly assigned to ...", "We reviewed
    the charts of 150 patients"): a count of people or "we", and no sign of another study's
    report ("a previous trial", "has been shown"). Such an abstract has no methods section,
    and its first sentence, read as background, is often its design. In any abstract, a
    background sentence that says what was done and for what ("A retrospective review of 36
    patients was conducted to evaluate ...") is the record's own too."""
    sections = article.abstract_sections
    unstructured = len(sections) == 1 and not _section_role(
        sections[0].label, sections[0].nlm_category
    )
    starts: set[int] = set()
    for unit in doc.units:
        if unit.role != "background":
            continue
        sentence = doc.lower[unit.start : unit.end]
        if (
            (
                " to " in sentence
                and (" was " in sentence or " were " in sentence)
                and _DONE_TO.search(sentence) is not None
            )
            or (
                unstructured
                and (
                    # every match of `_WE` holds "we" or "our" (two scans in C first)
                    (("we" in sentence or "our" in sentence) and _WE.search(sentence) is not None)
                    or _COUNTED.search(sentence) is not None
                )
            )
        ) and _OTHERS_WORK.search(sentence) is None:
            starts.add(unit.start)
    return frozenset(starts)


def _design_from_methods(
    doc: Document, order: Mapping[str, int], reported: frozenset[int] = frozenset()
) -> tuple[str, str, str] | None:
    """A design the methods show without naming one (only for records that name no design):
    compared groups and arms compared without an
    allocation verb (randomised only if the record says so), a questionnaire sent out,
    patients compared by what they received or factors that predict an outcome, a counted
    series of treated patients, one patient. A case report often opens with its patient, so
    that cue is read in the background too, as is what "we" did blinded."""
    units = [u for u in doc.units if u.role in _DESIGN_ROLES or u.start in reported]
    with_background = [u for u in doc.units if u.role in _DESIGN_ROLES or u.role == "background"]
    # randomised when "random" is said and not denied (the denials looked for only then)
    random = "random" in doc.lower and not _has_any(doc.lower, _NOT_RANDOM)
    controlled = "rct" if random else "controlled_trial"
    held = _cue_units(doc)
    for index, (value, words, regex) in enumerate(_METHOD_CUES):
        value = controlled if value == "controlled" else value
        if value not in order:
            continue
        # the units that hold one of the words: found by the automaton, else (None) by
        # testing the record, then each sentence
        holding = held.get(index, set()) if held is not None else None
        if not (holding if holding is not None else _has_any(doc.lower, words)):
            continue
        needs = _MATCH_NEEDS.get(regex)
        read = with_background if regex is _ONE_PATIENT or regex is _CONTROLLED else units
        if holding is not None:
            read = [u for u in read if u.start in holding]
        for unit in read:
            sentence = doc.lower[unit.start : unit.end]
            if regex is _CONTROLLED and unit.role == "background" and "we " not in sentence:
                continue  # an unstructured abstract's opening: only what "we" did
            found = (
                (holding is not None or _has_any(sentence, words))
                and (needs is None or _has_any(sentence, needs))
                and regex.search(sentence)
            )
            if found and regex is _EXAMINED_ONCE and _gives(doc, units):
                continue  # examined before and after a treatment: not measured once
            if found and value in _TRIALS and _SUBGROUPS.search(sentence) is not None:
                continue  # one group split by a baseline measure: subgroups, not arms
            if found:
                source = "text_title" if unit.role == "title" else "text_abstract"
                if (
                    value in _TRIALS
                    and "cross_sectional" in order
                    and _BY_CONDITION.search(sentence) is not None
                    and not _gives(doc, units)
                ):
                    # groups formed by a condition and measured, with nothing given to
                    # anyone ("placed in an active or a latent trigger point group and
                    # scanned"): compared once, not tried
                    value = "cross_sectional"
                return (
                    value,
                    source,
                    doc.text[unit.start + found.start() : unit.start + found.end()],
                )
    return None


def _gives(doc: Document, units: list[Unit]) -> bool:
    """Whether the title, objective, methods or results give anyone a treatment."""
    return any(_GIVEN.search(doc.lower, u.start, u.end) is not None for u in units)


def _one_treated_group(doc: Document) -> bool:
    """Whether the title, objective, methods and results give people a treatment and measure
    one group against its own baseline, with no arms, groups, comparator, predictors or
    associations named."""
    units = [u for u in doc.units if u.role in _DESIGN_ROLES]
    return (
        _within_group_only(doc) is not None
        and _gives(doc, units)
        and any(_HUMANS.search(doc.lower, u.start, u.end) is not None for u in units)
        and not any(_FOLLOWED_FACTORS.search(doc.lower, u.start, u.end) for u in units)
    )


def _within_group_only(doc: Document) -> str | None:
    """The words of a change measured within one group ("improved from baseline", "before
    and after treatment") when the title, objective, methods and results name no arms, no
    groups compared and no comparator; else None."""
    lower = doc.lower
    if not _has_any(lower, _WITHIN_WORDS):
        return None  # no change within a group anywhere: the arms need not be looked for
    units = [u for u in doc.units if u.role in _DESIGN_ROLES]
    # the change first (only in sentences that hold one of its words), then the arms: the
    # same answer as the other order, with fewer searches
    for unit in units:
        start, end = unit.start, unit.end
        if not _holds_any(lower, _WITHIN_WORDS, start, end):
            continue
        found = _WITHIN.search(lower, start, end)
        if found is not None:
            if any(
                _ARMS.search(lower, u.start, u.end) is not None
                and _SUBGROUPS.search(lower, u.start, u.end) is None
                for u in units
            ):
                return None
            return doc.text[found.start() : found.end()]
    return None


def _control_named(doc: Document, from_text: list[tuple[str, str, str]]) -> bool:
    """Whether the record names a control: trial words that say it had one ("randomised",
    "two-arm", "crossover"), or a control, sham or comparison group or arm in the title,
    objective, methods or results that no "no" or "without" denies."""
    if any(c[0] in _TRIALS and _CONTROL_NAMED.search(c[2]) for c in from_text):
        return True
    for unit in doc.units:
        if unit.role not in _DESIGN_ROLES:
            continue
        for found in _CONTROL_GROUP.finditer(doc.lower, unit.start, unit.end):
            if (
                _DENIED.search(doc.lower, max(unit.start, found.start() - 30), found.start())
                is None
            ):
                return True
    return False


def _reports_results(doc: Document) -> bool:
    """Whether the results or conclusions give a result: a p-value, a confidence interval,
    or a significant or non-significant difference."""
    for unit in doc.units:
        if unit.role in ("results", "conclusions", "body"):
            found = _RESULT.search(doc.lower, unit.start, unit.end)
            if found is not None:
                return True
    return False


def _opening_end(doc: Document) -> int:
    """Where the title and the first sentences of the abstract end (`_OPENING_UNITS`)."""
    units = doc.units
    if not units:
        return 0
    return units[min(len(units), _OPENING_UNITS) - 1].end


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 - a generator costs more
        if word in text:
            return True
    return False


def _holds_any(text: str, words: tuple[str, ...], start: int, end: int) -> bool:
    """Whether ``text[start:end]`` holds one of ``words`` (without making the slice)."""
    for word in words:  # noqa: SIM110 - a generator costs more
        if text.find(word, start, end) >= 0:
            return True
    return False


def _added_before(before: str) -> bool:
    """Whether ``before`` ends in "with", "plus" or the like (cheap tests first)."""
    return ("with" in before or "plus" in before or "alongside" in before) and _ADDED_BEFORE.search(
        before
    ) is not None


def _own_guideline(lower: str, start: int, end: int) -> bool:
    """Whether the guideline named at ``start:end`` is the record itself: "this guideline",
    "to develop guidelines", "the guideline panel"."""
    return (
        _OWN_GUIDELINE_BEFORE.search(lower, max(0, start - 50), start) is not None
        or _OWN_GUIDELINE_AFTER.match(lower, end) is not None
    )


def _design_mentions(
    doc: Document, found: list[Match], reported: frozenset[int] = frozenset()
) -> list[tuple[Match, str]]:
    """Design words where they describe this record: the title, objective, methods and
    results, a background or conclusion that says "in this review" or "this randomised
    trial shows", and the opening sentences of an unstructured abstract that report what was
    done (`_reported_openings`); never other words of the conclusions, which call for future
    trials."""
    kept: list[tuple[Match, str]] = []
    units, starts = doc.units, doc.starts
    for match in found:
        unit = units[bisect_right(starts, match.start) - 1]  # doc.unit_at, inlined
        role = unit.role
        if role == "background" and unit.start in reported:
            role = "methods"
        if _PLURAL_STUDIES.search(doc.lower, match.start, match.end):
            continue  # "placebo-controlled trials": the studies a review pooled
        if (
            match.term == "guideline"
            and role != "title"
            and doc.lower.endswith(_GUIDELINE_WORDS, match.start, match.end)
            and not _own_guideline(doc.lower, match.start, match.end)
        ):
            continue  # "reported following the CONSORT guidelines": another's guideline
        if (
            match.term in _OUTRANKING
            and role != "title"
            and _ANOTHERS.search(doc.lower, max(0, match.start - 40), match.start) is not None
        ):
            continue  # "sample size from a previous meta-analysis": another study's design
        if (
            role in _DESIGN_ROLES
            or (
                (role == "background" or (role == "conclusions" and match.term != "protocol"))
                and _SELF.search(doc.lower, max(0, match.start - 40), match.start)
            )
            # the case a report presents, even in its last sentence ("We present a case of
            # a 10-year-old child ...")
            or (
                role == "conclusions"
                and match.term in _CASES
                and doc.lower.startswith(_PRESENTED, match.start)
            )
            # a search of the literature is what the record did, wherever an unstructured
            # abstract puts it ("A systematic literature search was carried out.")
            or (
                role == "background"
                and match.term == "systematic_review"
                and "search" in doc.lower[match.start : match.end]
            )
        ):
            kept.append((match, role))
    return kept


def _tag_population(
    doc: Document,
    found: list[Match],
    out: _Collector,
    named: list[tuple[MeshHeading, Ids]],
) -> bool:
    """`animal` when MeSH has Animals without Humans, or animal subjects are named in the
    title, objective, methods or results; else `human`. Returns whether it is animal."""
    mesh: dict[str, str] = {}
    for heading, ids in named:
        for value in ids["population"]:
            mesh.setdefault(value, heading.descriptor)
    if "human" in mesh:
        out.add("population", "human", "mesh", mesh["human"])
        return False
    if "animal" in mesh:
        out.add("population", "animal", "mesh", mesh["animal"])
        return True
    humans: bool | None = None  # people counted in the methods or results, read once
    for match in found:
        if match.term != "animal":
            continue
        role = doc.unit_at(match.start).role
        if role in _ANIMAL_ROLES and role not in _MAIN_ROLES:
            if humans is None:
                humans = any(
                    _HUMANS.search(doc.lower, u.start, u.end) is not None
                    for u in doc.units
                    if u.role in ("methods", "results", "body")
                )
            if humans:
                continue  # "the laser had been tested in rats before": the people are studied
        if role in _ANIMAL_ROLES:
            source = "text_title" if role == "title" else "text_abstract"
            out.add("population", "animal", source, doc.text[match.start : match.end])
            return True
    out.add("population", "human", "default", "no animal subjects named")
    return False
