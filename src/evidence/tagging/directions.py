"""Findings stage, reading: the direction, hedges and qualifiers of one conclusion clause.

Reads lower-cased text (a clause or a sentence of a conclusion); writes nothing. The rules
are ordered: a negated or comparative "no benefit" is looked for before "benefit" (since
"not more effective than sham" contains "effective"), harm before benefit, and a strong
hedge ("insufficient", "low-certainty") turns any direction into ``inconclusive``.
"""

from __future__ import annotations

import re
from collections.abc import Iterator, Sequence
from typing import NamedTuple

from evidence.tagging.leads import literal_prefixes, start_guard
from evidence.tagging.lookups import ascii_exact, ascii_twin
from evidence.tagging.mentions import is_negated

__all__ = [
    "ClauseReading",
    "Comparison",
    "benefit_is_sought",
    "classify_clause",
    "clause_qualifiers",
    "has_cue",
    "has_low_certainty",
    "has_modal",
    "has_strong_hedge",
    "has_weak_hedge",
    "is_controlled",
    "is_sham_controlled",
    "read_clause",
    "read_comparison",
    "sample_size",
    "split_clauses",
    "states_equivalence",
]

_CUE_BODIES: list[str] = []


def _cue(body: str) -> re.Pattern[str]:
    """``\\b(?:body)``, a cue that starts at a word; kept for `_ANY_CUE`."""
    _CUE_BODIES.append(body)
    return re.compile(rf"\b{_guard(body)}(?:{body})")


def _guard(*bodies: str) -> str:
    """A lookahead that every match of ``bodies`` passes and most word starts fail at
    their first letters (the same matches, found faster); empty when a body's literal
    start cannot be read."""
    leads = [literal_prefixes(body) for body in bodies]
    if any(not lead for lead in leads):
        return ""
    words = start_guard(lead for body_leads in leads if body_leads for lead in body_leads)
    return "" if words is None else f"(?={words})"


_AUX = ("not", "did", "do", "does", "was", "were", "is", "are", "had", "has", "have")
_CLAUSE_BREAK = re.compile(
    # (not before "not significant": "X rose, but not significantly" is one result)
    # (not a ";" inside brackets: "(12 vs 27; p = 0.003)", nor one before the p-value of
    # the numbers it follows: "dry needling 2.8, sham 4.9; p < 0.001")
    r";(?![^()]*\))(?!\s*p\s*[<=>\u2264])|,?\s+\b(?:but|whereas|while|although|though)\b"
    r"(?!,?\s*not (?:statistically )?significant),?|\.\s+(?=however)"
    # "however" between two clauses, not set inside one verb phrase ("did not, however,
    # differ", "was, however, not significant")
    r"|" + "".join(rf"(?<!\b{w})(?<!\b{w},)" for w in _AUX) + r",?\s+\bhowever\b,?"
    r"|,\s+(?:and\s+)?(?=(?:can|should|may|must)\b)"
    # a change within the arms, then the null between them: "both groups improved (...), with
    # no significant between-group difference" is two results; so is a result and a measure
    # that did not move: "TENS relieved pain, with no significant change in uterine tone"
    r"|,\s+(?=with\s+no\s+(?:statistically\s+)?significant\s+(?:[\w-]+\s+){0,2}"
    r"(?:differences?|changes?)\b)"
    # a verdict on each treatment in one sentence: "X appears effective, Y is not, and the
    # effect of Z remains uncertain" (the short denial is read by the findings stage as the
    # denial of the clause before it)
    r"|,\s+(?=(?:[\w-]+\s+){1,4}(?:is|are) not\s*(?:[,;.]|$))"
    r"|,\s+and\s+(?=the\s+(?:effects?|evidence|value|role|efficacy|effectiveness|benefits?|"
    r"usefulness)\s+(?:of|for)\s+(?!which\b))"
    # "both reduced pain more than sham, and did not differ from each other"
    r"|,\s+and\s+(?=(?:did|do|does|was|were|is|are) not\b)"
    # "yet" as "but", not in "not yet proven", "has yet to be shown"
    r"|(?<!\bnot)(?<!\bas)(?<!\bhas)(?<!\bhave),?\s+\byet\b(?!\s+(?:to|been|be|proven|"
    r"established|known|clear|unclear|undetermined)\b),?"
)
# each match of `_CLAUSE_BREAK` holds one of these ("though" is in "although")
_BREAK_WORDS: tuple[str, ...] = (";", "but", "may", "can", "while", "though", "however")
_BREAK_WORDS += ("whereas", "yet", "should", "must", " not", "with no", ", and the ")
# "To provide recommendations for ...": an aim, not a conclusion
_AIM = re.compile(r"^\s*(?:to|we aimed to|we sought to|the (?:aim|objective|purpose) (?:was|is))\b")
# A null comparison is `no_benefit` against sham, placebo, no treatment or in an add-on
# design, and `inconclusive` between two active treatments (the effect is attributed to
# neither); a statement that both arms worked is `benefit` for both.
_BOTH_EFFECTIVE = _cue(
    r"(?:both (?:[\w-]+ ){0,2}(?:were|are|was) (?:\w+ )?effective|both (?:groups|treatments|"
    r"interventions|techniques|arms|methods|therapies|approaches) (?:\w+ ){0,2}(?:reduced|"
    r"improved|relieved|decreased)|(?:were|are) (?:equally|similarly) effective|equally "
    r"effective)\b"
)
_SIMILAR = _cue(
    r"(?:similar (?:[\w-]+ ){0,2}(?:effects?|efficacy|results|outcomes|improvements?|benefits?"
    r"|gains?|reductions?|scores?|values|changes?|rates?|proportions?|incidences?|levels?|numbers?|"
    r"durations?|times?|frequenc(?:y|ies)|risks?|percentages?|concentrations?)|"
    r"(?:was|were|is|are|remained) (?:\w+ )?similar|"
    r"(?:reduced|improved|decreased|relieved|changed|lowered) (?:[\w-]+ ){0,3}"
    r"similarly|similarly (?:reduced|improved|decreased|relieved|lowered)|"
    r"(?:was|were|is|are) comparable|comparable (?:[\w-]+ )?(?:effects?|efficacy|"
    r"results|outcomes|improvements?)|did not differ|not differ|no (?:statistically )?"
    r"(?:significant )?(?:between[\s-]groups? )?differences?(?: between)?|non[\s-]*inferior|"
    # "at no time point did pain differ between the groups"
    r"(?:at|in|on) no (?:[\w-]+ ){0,6}?(?:did|do|does|was|were|is|are) (?:[\w-]+ ){0,8}?"
    r"(?:differ|different)|"
    r"no (?:[\w-]+ ){1,2}?differences?\b|"
    r"not inferior|equivalent|indistinguishable|statistically indistinguishable|clinically "
    r"indistinguishable|(?:were|was|are|"
    r"is|improved|changed|responded|fared) (?:much |largely |broadly )?alike|"
    r"without (?:any )?(?:"
    r"statistically )?(?:significant )?(?:between[\s-]groups? |inter-?group |group )?"
    r"differences?|no (?:statistically )?(?:significant )?(?:inter-?group |group )differences?|"
    r"(?:the same|same) (?:[\w-]+ )?(?:effects?|results|outcomes|improvements?|benefits?|"
    r"reductions?|changes?) as|"
    r"(?:effective|viable|valid|good) alternative to|as (?:effective|efficacious|good|"
    r"beneficial) as)\b"
)
# an equivalence told with "as well as": "X may work about as well as other treatments",
# "performed just as well as the injections"; a result only when the clause states no
# benefit besides it ("works as well as Y, and both beat sham" is a benefit)
_AS_WELL_AS = _cue(
    r"(?:works?|worked|working|performs?|performed|performing) (?:about |just |equally |nearly "
    r"|almost |roughly |at least )?as well as"
)
# a benefit named as the aim, not as a result: "for reducing pain", "in relieving symptoms"
_PURPOSE = re.compile(
    r"\b(?:for|in|at) (?:reducing|relieving|improving|decreasing|alleviating|lowering|easing|"
    r"treating|managing)\b"
)
# a placebo arm however named: "sham", "placebo", a device "detuned", "switched off" or
# "inactive", "simulated" or "non-penetrating" needling
_PLACEBO_BODY = (
    r"sham|placebo|detuned|(?:switched|turned)[\s-]off|inactive (?:laser|ultrasound|device|"
    r"probe|stimulat\w*|needl\w*|shock\s?waves?)|simulated (?:needling|acupuncture|treatment|"
    r"ultrasound|laser|stimulation|injection|therapy)|non-?penetrating|minimal (?:acupuncture|"
    r"needling|stimulation|dose)|sub-?therapeutic"
)
_PLACEBO = re.compile(rf"\b(?:{_PLACEBO_BODY})\b")
_PLACEBO_WORDS: tuple[str, ...] = ("sham", "placebo", "detuned", "off", "inactive")
_PLACEBO_WORDS += ("simulated", "penetrating", "minimal", "therapeutic")
_CONTROL_WORDS = (
    *_PLACEBO_WORDS,
    "treatment",
    "untreated",
    "list",
    "intervention",
    "usual",
    "alone",
    "without",
    "add",
    "only",
    "itself",
    "own",
)
_CONTROL = re.compile(
    rf"\b(?:{_PLACEBO_BODY}|no[\s-]treatment|untreated|wait(?:ing)?[\s-]*list|no "
    r"intervention|usual care|with or without|added to|adding|"
    # the co-treatment by itself: "exercise only", "stretching on its own", "than exercise
    # alone" (not "in the neck alone")
    r"(?:care|therapy|treatment|exercises?|physiotherapy|programme|program|stretching|"
    r"medication|orthoses|rehabilitation) (?:alone|only|by itself|on its own)|(?:than|"
    r"versus|vs\.?|with|to|or|and|over|compared) (?:the )?(?:[\w-]+ ){1,3}alone)\b"
)
_NO_BENEFIT = _cue(
    r"(?:no (?:statistically )?significant (?:\w+ ){0,2}(?:effects?|improvements?|benefits?|"
    r"changes?|reductions?|increases?|decreases?)"
    r"|not (?:statistically )?significantly (?:different|better|more|less|fewer|higher|lower|"
    r"greater|larger|smaller|longer|shorter|improv\w*|reduc\w*|increas\w*|decreas\w*|"
    r"changed|affect\w*|alter\w*)"
    # the significance itself denied: "did not observe significant differences", "there
    # weren't any significant differences", "did not reveal a significant effect"
    r"|(?:not|never|nor|(?:weren|wasn|didn|don|doesn|isn|aren|hasn|haven)['\u2019]t) "
    r"(?:[\w-]+ ){0,2}?(?:any |a |an )?(?:statistically )?significant (?:[\w-]+ ){0,2}?"
    r"(?:differen\w*|changes?|effects?|increases?|decreases?|improvements?|reductions?)"
    # a change called not significant: "a nonsignificant decrease", "statistically
    # insignificant", "did not attain statistical significance", "but not significantly"
    r"|non[\s-]?significant\w*|insignificant|(?:did|does|do) not (?:achieve|attain|reach) "
    r"(?:statistical |conventional )?significance|(?:but|though|although|yet),? not "
    r"(?:statistically )?significant(?:ly)?\b"
    r"|(?:(?:was|were|is|are|be) not|not be) (?:more |significantly |any more |clinically )?"
    r"(?:effective|"
    r"efficacious|superior|better|beneficial|useful|helpful|supported)"
    r"|(?:did|does|do) not make (?:[\w-]+ ){1,10}(?:any )?(?:more effective|better|more "
    r"beneficial)"
    # a change denied in the passive: "was not reduced by cooling", "were not improved"
    r"|(?:was|were|is|are) not (?:significantly |further )?(?:reduced|improved|increased|"
    r"decreased|changed|affected|altered|lowered|raised|prolonged|shortened)\b"
    r"|(?:did|does|do|could) not (?:significantly |further |clinically )?(?:improve|reduce|"
    r"decrease|provide|show|lead|result|add|enhance|alleviate|relieve|change|produce|"
    r"outperform|have|prevent|shorten|speed|accelerate|increase|restore|lengthen|confer|offer|"
    r"yield|bring|exceed|surpass|give|(?:alter|affect|influence|modify) (?!(?:these|the|our|this) "
    r"(?:results|findings|conclusions?|estimates?|analys[ie]s)))"
    # "did not reach statistical significance", "not statistically different from sham",
    # "could not demonstrate an effect", "neither was better than the other", "negligible"
    r"|(?:did|does|do) not reach (?:statistical |conventional )?significance|not (?:statistically "
    r")?different (?:from|than|to|between)|(?:could|did|does|do|can) not (?:demonstrate|show|"
    r"detect|find) (?:an?|any) (?:[\w-]+ )?(?:effects?|benefits?|differences?|improvements?|"
    r"advantages?)|neither (?:[\w-]+ ){0,3}(?:was|were|is|proved) (?:significantly )?(?:better|"
    r"superior|more effective)|(?:negligible|trivial) (?:[\w-]+ )?(?:effects?|benefits?|"
    r"differences?|improvements?)|(?:effects?|benefits?|differences?) (?:[\w-]+ ){0,4}(?:was|"
    r"were|is|are) (?:negligible|trivial)"
    # the trial's own test failed: "the primary hypothesis was not confirmed", "the
    # primary endpoint was not met", "the trial did not meet its primary outcome"
    r"|primary (?:hypothes[ie]s|outcomes?|end[\s-]?points?|aims?) (?:was|were|is|are) not "
    r"(?:confirmed|met|achieved|reached|supported)"
    r"|(?:did not|failed to) (?:meet|reach|achieve) (?:its |their |the )?primary "
    r"(?:hypothes[ie]s|outcomes?|end[\s-]?points?)"
    # "with no group effect (p = 0.58)", "no significant group-by-time interaction"
    r"|no (?:significant |statistically significant )?(?:main )?(?:group|between[\s-]groups?|"
    r"group[\s-](?:by|x|\u00d7)[\s-]time|time[\s-](?:by|x|\u00d7)[\s-]group|interaction) "
    r"(?:effects?|interactions?|differences?)\b"
    # "differences were small and not clinically relevant"
    r"|differences? (?:[\w-]+ ){0,3}(?:was|were|is|are) (?:small(?:,| and) )?not clinically "
    r"(?:relevant|important|meaningful|worthwhile)"
    # a difference whose 95% confidence interval spans nought: "-0.5 to 1.1"
    r"|differences? [^;()]{0,60}?\(?95 ?% ?(?:ci|confidence intervals?),? ?:? ?[-\u2212]"
    r"\d+(?:\.\d+)? ?(?:to|,|\u2013) ?\d"
    r"|(?:could|can|was|were|has|have) not (?:be |been )?(?:shown|demonstrated)|cannot be "
    r"(?:shown|demonstrated)"
    r"|failed to (?:\w+ )?(?:improve|reduce|show|demonstrate|provide|outperform|prevent)"
    r"|no (?:additional |added |further |extra |clinically (?:relevant|important|meaningful|"
    r"significant) |clear |meaningful |significant |beneficial |positive |therapeutic |"
    r"treatment |overall |measurable |detectable |apparent |specific )?(?:benefit|effect|"
    r"advantage|improvement|superiority|influence|impact)s?\b(?! (?:on|in) (?:adverse|safety))"
    r"|(?:was|were) not (?:statistically |clinically )?(?:or (?:statistically |clinically ))?"
    r"significant\b(?! (?:adverse|side|complications?))"
    r"|(?:no|not|nothing) more (?:[\w-]+ ){1,3}than|not (?:\w+ )?medically necessary"
    r"|neither (?:statistically |clinically )?(?:nor (?:statistically |clinically )?)?"
    r"significant|not (?:found|shown|demonstrated) to be (?:more |any more )?(?:effective|"
    r"efficacious|superior|beneficial|better)"
    # "neither X nor Y, added to exercise, gave any further benefit", "neither technique
    # offered additional improvement"
    r"|neither\b[^.;]{1,80}?\b(?:gave|provided|offered|added|brought|produced|yielded|"
    r"conferred) (?:any )?(?:further |additional |added |extra |clinical |significant )*"
    r"(?:benefits?|advantages?|improvements?|gains?)\b"
    r"|neither (?:[\w-]+ ){1,5}nor (?:[\w-]+ ){1,5}(?:reduced|improved|relieved|decreased|"
    r"changed|affected|altered|lowered|eased)"
    r"|no more than (?:the |a )?(?:sham|placebo|control|usual care|no treatment)"
    r"|not superior|no better (?:\w+ )?than|not better than|ineffective|no more effective|not more "
    r"effective|no evidence (?:of|for|that|to support)|not associated with (?:[\w-]+ )?(?:better|"
    r"improve\w*|lower|greater|reduc\w*|less|any|benefits?)|not supported|does not support|do "
    r"not support|(?:does|do|did) not justify|cannot be (?:supported|justified|advocated)|"
    # "significant differences were not found", "a lack of difference between the arms"
    r"differences? (?:[\w-]+ ){0,3}(?:were|was) not (?:found|observed|detected|seen|shown)|"
    r"(?:lack|absence) of (?:an? |any )?(?:statistically )?(?:significant )?(?:between[\s-]groups? "
    r")?(?:differences?|effects?|benefits?)|not "
    r"recommended|recommended against|recommend against|(?:should not|cannot|can not|could not) "
    r"(?:yet )?be (?:used|offered|recommended)|recommend\w* (?:\w+ ){0,2}(?:leaving|omitting|"
    r"excluding|dropping) \w+|"
    r"(?:leave|leaving|omit|omitting) (?:\w+ ){1,3}out of|without (?:\w+ ){0,2}(?:clinical |"
    r"additional |added |further |extra )?(?:advantage|benefit)s?\b)"
)
_HARM = _cue(
    r"(?:harmful|unsafe|dangerous|detrimental"
    r"|(?:increased|worsened|aggravated|exacerbated|worsening of|increase in) (?:the )?"
    r"(?:\w+ )?(?:pain|symptoms)(?! threshold| pressure threshold)"
    r"|(?:serious|severe|life[\s-]threatening) (?:adverse|complications?|harms?|injur|allergic)"
    r"|(?:caused|cause|causes|resulted in|result in|led to|lead to|complicated by) (?:an? )?"
    r"(?:[\w-]+ ){0,2}(?:pneumothorax|injur\w*|infections?|h(?:a)?ematomas?|bleeding|"
    r"complications?|adverse|harms?|damage|burns?|syncope|reactions?)"
    r"|(?:pneumothorax|infections?|h(?:a)?ematomas?|nerve injur\w*|complications?|burns?|"
    r"syncope|adverse events?) (?:after|following|secondary to|associated with|due to|caused "
    r"by|induced by|related to)"
    r"|(?:should|must) be aware|risks? of (?:serious |severe )?(?:pneumothorax|harm|"
    r"complications?|adverse|injury|infection))"
)
# an effect whose side the conclusion leaves to something else: "how needling alters the
# markers depends on the dosage", "the response varied with the dose" (no overall direction)
_DEPENDS = _cue(
    r"(?:depends?|depended|dependent|contingent) (?:up)?on (?:the )?(?:dos\w+|doses?|intensity|"
    r"number of (?:sessions|treatments|injections)|frequency|duration|parameters)\b|"
    r"(?:varied|varies|differed|differs) (?:with|by|according to) (?:the )?(?:dos\w+|doses?|"
    r"intensity|number of (?:sessions|treatments|injections))\b"
)
# A p-value as results state it: "(p = 0.41)", "P > 0.05", "p-value: .62", "(NS)" for no
# difference; "p < 0.001", "p = .02", "p = 0·03" (a raised decimal point) for a difference;
# "p = 0.05" is read both ways by authors, so it is left to the words. A p-value decides a
# clause only when no word does (`_direction`): a null when it is the only kind of p-value
# the clause gives, an effect when the clause also names a comparison ("higher ... than",
# "fewer", "shorter").
_P_NOT_SIGNIFICANT = _cue(
    r"(?:p[\s-]*(?:values?)?\s*(?:>|\u2265|&gt;|>=)\s*0?[.\u00b7](?:0[5-9]|[1-9])|p[\s-]*"
    r"(?:values?)?\s*[=:]\s*0?[.\u00b7](?:05[1-9]|0[6-9]|[1-9])|n\.s\b|ns\b)"
)
_P_SIGNIFICANT = _cue(
    r"(?:p[\s-]*(?:values?)?\s*(?:<|\u2264|&lt;|<=)\s*0?[.\u00b7]0[0-5]|p[\s-]*(?:values?)?\s*"
    r"[=:]\s*0?[.\u00b7]0[0-4])"
)
_COMPARISON = re.compile(
    r"\b(?:higher|lower|greater|larger|smaller|more|fewer|less|longer|shorter|earlier|later|"
    r"faster|slower|increas\w*|decreas\w*|elevat\w*|rais\w*|declin\w*|rose|fell|dropped|"
    r"differ\w*)\b"
)
# a comparative with the arm it is set against, one to twelve words on: "lower in the X group
# than in the Y group", "more patients ... compared with placebo" (not "less than 5 mm")
_COMPARED_THAN = _cue(
    r"(?:higher|lower|greater|larger|smaller|more|fewer|less|longer|shorter|earlier|faster|"
    r"slower|stronger|weaker) (?:\S+ ){1,12}?(?:than|compared (?:with|to)|in comparison "
    r"(?:with|to)|relative to|versus|vs\b)"
)
# a result called significant: "significantly impaired", "was statistically significant"
_SIGNIFICANTLY = _cue(
    r"(?:significantly|statistically significant|(?:was|were|is|are|being) significant)\b"
    r"(?! (?:adverse|side|complications?|harms?|pain\b))"
)
# Outcome polarity: lower pain, disability or tenderness is better, a higher pressure pain
# threshold, range of motion or strength is better. A rise in the first is harm ("pain rose
# after needling"), a rise in the second a benefit ("PPT and ROM rose"), a fall in the first
# a benefit ("VAS scores fell"); not "pain threshold" nor "pain relief", which rise well.
_LOWER_BETTER = (
    r"(?:pain|symptoms?|disability|tenderness|stiffness|soreness|vas|nrs|ndi|odi|severity|"
    r"headaches?|complaints)(?![\s-](?:pressure |tolerance )?thresholds?|[\s-](?:relief|free|"
    r"tolerance|reduction|decrease|improvement|resolution|control))"
)
_HIGHER_BETTER = (
    r"(?:pressure pain thresholds?|pain (?:pressure )?thresholds?|ppts?|range of (?:motion|"
    r"movement)|rom|mobility|strength|muscle strength|grip strength|quality of life|blood flow|"
    r"perfusion|"
    r"oxygenation|mouth opening|interincisal opening|flexibility|pain tolerance|tolerance to pain)"
)
_ROSE = (
    r"(?:rose|risen|increased|went up|grew|(?:was|were) (?:(?:significantly|markedly|"
    r"substantially|considerably|statistically significantly) )?higher)"
)
_ROSE_OR_HIGHER = r"(?:rose|risen|increased|went up|grew|higher|greater|larger)"
_WORSE = _cue(
    # "pain rose", not "pain fell and PPT increased" (the rise is a better outcome's)
    rf"(?:{_LOWER_BETTER}(?:[\s,]+(?!and\b)[\w-]+){{0,2}}\s+(?:{_ROSE}|worsened|got worse)"
    r"|(?:worse|"
    r"poorer) (?:[\w-]+ ){0,3}(?:than|outcomes?|results?|function|pain|scores?|recovery))\b"
)
_HIGHER_AFTER = re.compile(rf"\s+(?:the\s+)?{_HIGHER_BETTER}")
# a rise in the control arm is not the studied arm's harm ("pain rose in the control
# group", "symptoms worsened on the waiting list", "sham needling aggravated pain"), unless
# that arm is the comparison ("worse function than the control group")
_CONTROL_ARM = re.compile(
    r"\b(?:(?:control|sham|placebo|comparison|waiting[\s-]list|wait[\s-]?list|usual[\s-]care|"
    r"standard[\s-]care|no[\s-]treatment|no[\s-]intervention|untreated|reference) "
    r"(?:group|arm|condition|cohort)s?|(?:the )?controls\b|(?:on|in) the waiting[\s-]?list|"
    r"(?:sham|placebo)[\s-](?!controlled|group|arm)[a-z][\w-]*)"
)
_COMPARED_BEFORE = re.compile(
    # "superior to sham", "inferior to the control group": the arm as the reference too
    r"\b(?:than|versus|vs\.?|compared (?:with|to)|relative to|(?:superior|inferior) to)\s+"
    r"(?:(?:in|with|after|on|for)\s+)?(?:the\s+)?(?:[\w-]+\s+)?$"
)
# a harm that may happen, or happens seldom ("rarely lead to complications"): a statement of
# the treatment's general safety, not a worsening it caused here
_POTENTIAL = re.compile(
    r"\b(?:could|might|would|theoretically|rarely|seldom|infrequently|uncommonly|hardly ever)"
    r"\s+(?:[\w-]+\s+)?$"
)
_BENEFIT = _cue(
    r"(?:effective|effectively|efficacious|efficacy|beneficial|benefits?|improv\w+|reduc\w+|"
    r"lowered|lowers|lowering|"
    r"decreas\w+|reliev\w+|relief|alleviat\w+|superior|better|more effective|significant(?:ly)?"
    r" (?:[\w-]+ )?(?:greater|higher|lower|larger|more|fewer|less|longer|shorter|smaller|"
    r"increas\w*|elevat\w*|rais\w*|differen\w*|drop\w*|declin\w*|gains?|rise)|recommend\w*|useful|helpful|valuable|positive"
    r" (?:[\w-]+ ){0,2}(?:effects?|results?|outcomes?|impact)|favou?r\w*|success\w*|"
    # "patients preferred the injections to saline"
    r"preferr(?:ed|ing) (?:[\w-]+ ){1,6}?(?:to|over) |"
    r"increas\w* (?:the )?"
    r"(?:pressure pain thresholds?|ppts?|range of motion|rom|quality of life|function|blood "
    r"flow|mobility|perfusion)|enhanc\w*|restor\w*|lengthen\w*|prolong\w* the (?:\w+[\s-])*"
    r"(?:interval|time to)|shorten\w*|accelerat\w*|faster|cost[\s-]effective|qalys? gain\w*|"
    r"valid option|viable option|worthwhile"
    # results rated well by those treated: "find its results satisfactory", "outcomes were
    # rated good or excellent"
    r"|(?:find|finds|found|rated|rate|judged|considered) (?:its |the |their |treatment )?"
    r"(?:results?|outcomes?|effects?) (?:as )?(?:very |highly |quite )?(?:satisfactory|good|"
    r"excellent)|(?:results?|outcomes?) (?:were|was) (?:rated |judged )?(?:as )?(?:very )?"
    r"(?:satisfactory|good|excellent)\b"
    # a treatment said to treat its condition: "it both diagnoses and treats back pain",
    # "is therapeutic for"
    r"|(?:and |both |also |effectively )treats (?:the |this )?(?:[\w-]+ ){0,3}(?:pain|symptoms?|"
    r"syndromes?|disorders?|conditions?|dysfunction)\b|is therapeutic (?:for|in)\b"
    # a small effect is an effect ("small benefits", "the effects were small")
    r"|beat(?:s|ing)? (?:the )?(?:sham|placebo|no |control|usual|other)"
    r"|small (?:[\w-]+ ){0,2}(?:effects?|benefits?|improvements?|reductions?)|(?:effects?|"
    r"benefits?|improvements?) (?:[\w-]+ ){0,6}(?:were|was) (?:small|modest|moderate)"
    # how authors commend a treatment without a verb of change: "a promising option",
    # "good results", "the evidence supports it", "should be considered", "helps"
    r"|eas(?:es|ed|ing)\b|ease (?!of\b)|lessen\w*|mitigat\w*|attenuat\w*"
    r"|medically necessary|promising|outperform\w*|supports?|supported"
    r"|(?:can|may|might|could) help|help(?:s|ed) "
    r"(?:patients|people|participants|to (?:reduce|relieve|improve|alleviate|manage))"
    r"|(?:good|excellent|satisfactory|encouraging) (?:[\w-]+ ){0,2}(?:results?|outcomes?|"
    r"effects?|responses?|efficacy)|(?:treatment|therapeutic|useful|reasonable|safe|suitable|"
    r"appropriate|first-line|second-line|additional|adjunctive|good) (?:treatment )?(?:options?|"
    r"choices?|tools?|modalit(?:y|ies)|adjuncts?)|(?:should|can|may|might|could) be "
    r"(?:considered|used|applied|offered|included|incorporated|added)"
    # outcome polarity (see `_LOWER_BETTER`): a better outcome named with a rise or a fall
    rf"|{_HIGHER_BETTER}(?:[\s,]+[\w()-]+){{0,3}}\s+{_ROSE_OR_HIGHER}"
    rf"|(?:rais(?:e|es|ed|ing)|higher|greater|elevated|rises? in|gains? in) (?:[\w-]+ ){{0,2}}"
    rf"{_HIGHER_BETTER}"
    rf"|{_LOWER_BETTER}(?:[\s,]+[\w-]+){{0,3}}\s+(?:fell|fallen|dropped|declined|lessened|"
    r"diminished|subsided|resolved|disappeared|(?:was|were) (?:\w+ )?(?:lower|less|smaller))"
    rf"|(?:less|milder|lower) (?:[\w-]+ )?{_LOWER_BETTER}|resolution of (?:\w+ ){{0,2}}"
    r"(?:pain|symptoms?|complaints)|(?:pain|symptom)[\s-]free|free (?:of|from) (?:pain|"
    r"symptoms)|no (?:longer )?(?:pain|disability|symptoms)(?! (?:relief|reduction|"
    r"improvement|difference|change|threshold|scores?|intensity|outcomes?|data))"
    # an effect named by its size or worth: "a large effect on pain", "clinically meaningful
    # changes", "fewer headache days", "a marked decline in pain", "part of the management"
    r"|(?:large|moderate|medium|significant|marked|substantial|strong|clear|beneficial|"
    r"meaningful|important) (?:[\w-]+ ){0,2}effects?\b(?! (?:on|of) (?:adverse|safety))"
    r"|clinically (?:meaningful|relevant|important|significant|worthwhile) (?:[\w-]+ )?"
    r"(?:changes?|improvements?|effects?|differences?|benefits?|gains?|reductions?)"
    r"|normali[sz](?:ed|es|ing|ation)|diminish\w*"
    # "significant changes in VAS scores": a change of a symptom or a function, reported as
    # a result, is its improvement
    rf"|significant (?:[\w-]+ ){{0,2}}changes? in (?:[\w-]+ ){{0,2}}(?:{_LOWER_BETTER}|"
    rf"{_HIGHER_BETTER})"
    rf"|(?:declines?|drops?|falls?|decreases?) in (?:[\w-]+ ){{0,3}}{_LOWER_BETTER}"
    # "a significant advantage for the needling group in PPT"
    r"|(?:significant|clear|marked|notable) (?:[\w-]+ )?advantages? (?:for|of|to|in)\b"
    # "seems to offer a modest advantage over sham"
    r"|(?:an?|some|modest|small|slight|definite) (?:[\w-]+ )?advantages? over\b"
    r"|fewer (?:[\w-]+ ){0,2}(?:headaches?|days|episodes|attacks|symptoms|recurrences?|"
    r"complaints|relapses)"
    r"|(?:effective|useful|appropriate|suitable|valuable|reasonable|valid|viable|first-line) "
    r"(?:[\w-]+ )?(?:interventions?|approach(?:es)?|therap(?:y|ies)|methods?|techniques?|"
    r"strateg(?:y|ies))"
    r"|part of (?:the )?(?:[\w-]+ )?(?:management|treatment|care|rehabilitation|therapy)"
    r"|(?:a|an|important|useful|potential|promising) (?:[\w-]+ )?(?:role|place) (?:for|of|in)\b"
    # "the effects on pain were statistically and clinically significant"
    r"|(?:effects?|improvements?|changes?|differences?|reductions?) (?:[\w-]+ ){0,5}(?:was|were|"
    r"is|are) (?:both )?(?:statistically|clinically) (?:and (?:statistically|clinically) )?"
    r"(?:significant|relevant|meaningful)"
    # a between-group difference stated without its sign: in a trial, for the tested arm
    r"|differed (?:significantly|statistically)|differed (?:[\w-]+ ){0,3}(?:in|on) (?:[\w-]+ )"
    r"{0,3}\(p ?[<≤]|significantly different|(?:statistically|significant) (?:significant )?"
    r"(?:between[\s-]groups? )?differences?|differences? (?:[\w-]+ ){0,2}(?:was|"
    r"were) (?:statistically )?significant)"
)
# The authors say the evidence cannot tell: the finding is `inconclusive`.
_STRONG_HEDGE = _cue(
    r"(?:insufficient|inconclusive|unclear|investigational|experimental and (?:investigational|"
    r"unproven|not)|"
    # "we did not find significant evidence that it speeds healing" (no arm named: a study
    # that cannot tell, not a null comparison)
    r"(?:did not|could not|failed to) (?:find|identify|provide|show) (?:any )?(?:significant|"
    r"clear|convincing|conclusive|sufficient|firm|statistically significant) evidence "
    r"(?:that|of|for)\b(?![^.;]*\b(?:than|versus|vs|compared|sham|placebo|control)\b)|"
    # "its effectiveness remains uncertain", "too weak to draw conclusions", "trials are
    # lacking"
    r"(?:effectiveness|efficacy|benefits?|effects?|value|usefulness) (?:[\w-]+ ){0,3}(?:is|are|"
    r"remains?) (?:still )?(?:uncertain|unknown|questionable|doubtful)|too (?:low|weak|limited|"
    r"few|small|sparse|heterogeneous) to (?:draw|allow|permit|support|make|reach) (?:any |firm "
    r"|definite |definitive |reliable )?conclusions?|(?:trials|studies|rcts) (?:are|were|is) "
    r"(?:still )?(?:lacking|scarce|needed before)|"
    r"(?:conflicting|inconsistent|contradictory) (?:results|findings|"
    r"evidence|data|effects?)|(?:results|findings|evidence|data|effects?) (?:[\w-]+ ){0,6}(?:were|"
    r"was|are|is|remains?) (?:conflicting|inconsistent|contradictory)|cannot be "
    r"(?:drawn|made|determined|confirmed|established|separated|excluded|attributed|concluded|"
    r"claimed)|could not be (?:drawn|determined|established|concluded)|no (?:firm|definitive|"
    r"clear|definite|robust) "
    r"(?:conclusions?|evidence|recommendations?)|not possible to (?:draw|conclude|determine)|"
    r"remains? (?:unclear|unknown|uncertain|to be (?:determined|established|clarified|shown|"
    r"proven|proved|demonstrated|seen|tested|studied|investigated|evaluated|assessed))|"
    r"(?:is|was|remains?) not (?:yet )?clear|lack "
    r"of (?:\w+ ){0,2}evidence|(?:evidence|data) (?:is|are|was|were|remains?) (?:lacking|"
    r"scarce|sparse)|not enough|(?:cannot|can not|could not|do not|does not|did not) "
    r"(?:\w+ )?(?:establish|confirm|determine|prove)|(?:does|do|did) not (?:allow|permit) "
    r"(?:\w+ ){0,2}conclusions?|"
    # "no conclusions about its effectiveness can be drawn"
    r"unproven|not (?:yet )?proven|no conclusions? (?:(?:about|on|regarding) (?:[\w-]+ ){1,3})?"
    r"(?:can|could) be (?:drawn|made|reached)|"
    r"not (?:\w+ ){0,2}(?:clearly enough|clear enough)|does not (?:"
    r"show|demonstrate) clearly)"
)
# The authors qualify a result they still state ("low-certainty evidence suggests a small
# effect"): the direction stands, with the `low_certainty` qualifier. Hedging is certainty,
# not direction.
_LOW_CERTAINTY = _cue(
    r"(?:uncertain|uncertainty|limited (?:\w+ )?evidence|low[\s-]*(?:to[\s-]*(?:moderate|very"
    r"[\s-]*low)[\s-]*)?(?:certainty|quality)|moderate[\s-]*to[\s-]*low|very[\s-]*low|"
    r"(?:evidence|data) (?:is|are|was|were|remains?) (?:limited|weak)|too (?:few|small|limited)"
    r"|high risk of bias|risk of bias (?:was|is|were|being|remains?) (?:high|serious)"
    r"|trend (?:towards?|for)|imprecise|small (?:sample|number)|weak evidence"
    r"|some (?:\w+ )?evidence|(?:pilot|feasibility|preliminary) (?:study|trial|data|results|"
    r"findings|evidence)"
    r"|(?:doubtful|questionable|unclear|uncertain) (?:clinical )?"
    r"(?:relevance|importance|significance)"
    # "these results should be read with caution", "to be interpreted cautiously"
    r"|(?:read|interpreted|treated|viewed|taken|considered|regarded) (?:with "
    r"(?:some |great |due )?caution|cautiously))"
)
_WEAK_HEDGE = _cue(
    r"(?:further (?:\w+ ){0,4}(?:research|studies|trials|investigations?|evidence)|more "
    r"(?:\w+ ){0,4}(?:research|studies|trials)|(?:is|are) (?:still )?(?:needed|required|"
    r"warranted)|future (?:\w+ ){0,2}(?:research|studies|trials)|preliminary)"
)
_MODAL = _cue(
    r"(?:may|might|could|appears?|appeared to|seems?|seemed|possibly|potentially|suggests?|"
    r"suggested|"
    r"promising|trend|tended|probably|perhaps|presumably|tentative\w*|(?:is|are|was|were|be) "
    r"(?:very |most |quite )?likely)\b"
)
_SHORT_TERM = re.compile(
    r"short[\s-]*term|immediate(?:ly)? (?:after|post|effects?)|only (?:immediately|at "
    r"the end)|not (?:at|in) (?:the )?(?:long[\s-]*term|follow[\s-]*up|\d+[\s-]*"
    r"(?:months?|weeks?))|not (?:maintained|sustained)"
    # the effect went later: "the benefit disappeared at follow-up", "the gain had worn off"
    r"|(?:benefits?|effects?|advantages?|gains?|improvements?|differences?) (?:[\w-]+ ){0,3}?"
    r"(?:disappeared|faded|vanished|wore off|had worn off|waned)"
)
_COMBINED = _cue(
    r"(?:combined with|in combination|combination of|in addition to|added to|plus|"
    r"adjunct\w*|together with|multimodal)\b"
)
# an adverb set off by commas inside a negated verb: "did not, however, differ", "was
# not, in the end, superior"; read as "did not differ" (a cue of its own, so that a unit
# holding one is read: `has_cue`)
_INTERPOSED_BODY = (
    r"(?:not|did|does|do|was|were|is|are|had|has|have),\s*(?:however|though|nevertheless|"
    r"in fact|in the end|overall|after all|therefore|moreover|unexpectedly|surprisingly)\s*,"
)
_INTERPOSED = _cue(_INTERPOSED_BODY)
_INTERPOSED_CUT = re.compile(
    r"\b(not|did|does|do|was|were|is|are|had|has|have),\s*(?:however|though|nevertheless|"
    r"in fact|in the end|overall|after all|therefore|moreover|unexpectedly|surprisingly)\s*,"
)
_QUALIFIER_CUES = (
    ("short_term", _SHORT_TERM),
    ("low_certainty", _LOW_CERTAINTY),
    ("combined_treatment", _COMBINED),
    ("more_research_needed", _WEAK_HEDGE),
)
# Where the first cue of any `_cue` regex starts: none of them matches before it, so each
# is searched from there (one scan instead of eight on a clause that names no cue). Every
# cue starts with a letter a-z (a unit test checks), so a word that does not fails at once.
_ANY_CUE = re.compile(
    rf"\b(?=[a-z]){_guard(*_CUE_BODIES)}(?:" + "|".join(f"(?:{b})" for b in _CUE_BODIES) + ")"
)
# the same matches in an `ascii_exact` text, found faster (the regex itself if it has no twin)
_ANY_CUE_ASCII = ascii_twin(_ANY_CUE) or _ANY_CUE
_SHORT_TERM_ASCII = ascii_twin(_SHORT_TERM) or _SHORT_TERM
_PEOPLE_WORDS = (
    "patients",
    "participants",
    "subjects",
    "individuals",
    "adults",
    "women",
    "men",
    "volunteers",
    "people",
    "athletes",
    "children",
    "persons",
    "cases",
    "workers",
    "students",
    "eyes",
    "knees",
    "shoulders",
)
# "n" first: the regex engine then skips in C to the next "n"
_N_EQUALS = re.compile(r"n(?<=\bn)\s*=\s*(\d[\d,]*)")
_UNITS = (
    "zero one two three four five six seven eight nine ten eleven twelve thirteen fourteen "
    "fifteen sixteen seventeen eighteen nineteen"
)
_TENS = "twenty thirty forty fifty sixty seventy eighty ninety"
_NUMBER_WORDS = {w: i for i, w in enumerate(_UNITS.split())} | {
    w: 10 * (i + 2) for i, w in enumerate(_TENS.split())
}
# the count before a "patients"-like word: "60 patients", "sixty-two adult patients"
_COUNT_BEFORE = re.compile(
    r"(?:\b(\d[\d,]*)|\b("
    + "|".join(sorted(_NUMBER_WORDS, key=len, reverse=True))
    + r")(?:[\s-]("
    + "|".join(w for w in _NUMBER_WORDS if 0 < _NUMBER_WORDS[w] < 10)
    + r"))?)\s+(?:[\w-]+\s+){0,3}$"
)


def split_clauses(sentence: str) -> list[tuple[int, int]]:
    """Spans of the clauses of a (lower-cased) sentence, split at ';', 'but', 'whereas'...

    A cue (`has_cue`) in a clause is a cue at the same place in the sentence: the cue
    regexes read nothing before their match (no lookbehind; a match starts at a letter,
    and a break leaves a non-word character before a clause or as its first one), and a
    clause is followed by a break (';', ',', '.', or spaces and a break word), which reads
    as the clause's end to ``\\b`` and fails both negative lookaheads (" on adverse", " in
    safety", " threshold"). So a sentence without a cue has no clause with one."""
    for word in _BREAK_WORDS:
        if word in sentence:
            break
    else:  # no break can match: most sentences, and the regex tries every position
        return [(0, len(sentence))] if sentence else []
    spans: list[tuple[int, int]] = []
    start = 0
    for cut in _CLAUSE_BREAK.finditer(sentence):
        if cut.start() > start:
            spans.append((start, cut.start()))
        start = cut.end()
    if start < len(sentence):
        spans.append((start, len(sentence)))
    return spans


class ClauseReading(NamedTuple):
    """What one clause says: `classify_clause`, the hedges, modal and qualifiers."""

    direction: str | None
    strong: bool  # `has_strong_hedge`: the evidence cannot tell
    weak: bool  # `has_weak_hedge`: a call for more research
    modal: bool  # `has_modal`
    qualifiers: tuple[str, ...]  # `clause_qualifiers`
    low: bool = False  # `has_low_certainty`: a stated result, qualified


def _first_unnegated(regex: re.Pattern[str], clause: str, pos: int) -> re.Match[str] | None:
    for m in regex.finditer(clause, pos):
        if not is_negated(clause, m.start(), m.end()):
            return m
    return None


def classify_clause(
    clause: str, *, controlled: bool = True, arms: Sequence[tuple[int, int]] | None = None
) -> str | None:
    """``benefit``, ``no_benefit``, ``harm``, ``inconclusive`` or None (nothing decisive).

    ``controlled``: the record compares against sham, placebo, no treatment or the same
    care without the intervention; False for a head-to-head trial of two treatments.
    Only a statement that the evidence cannot tell makes a clause ``inconclusive``: a
    hedge ("may", "low certainty") or a call for more research leaves its direction."""
    clause = _uninterposed(clause)
    direction = _direction(clause, 0, controlled=controlled, hedged=has_strong_hedge(clause))
    return _compared(direction, clause, arms)


def _compared(
    direction: str | None, clause: str, arms: Sequence[tuple[int, int]] | None
) -> str | None:
    """A benefit or harm read again from the comparison the clause states, if it states one
    (`read_comparison`): for the studied arm, by the outcome's polarity. ``arms`` None: the
    statistical reading alone (an effect either way is ``benefit``, a harm only when said)."""
    if arms is None or direction not in ("benefit", "harm"):
        return direction
    comparison = read_comparison(clause, arms)
    if comparison is None:
        return direction
    if comparison.verdict == 0:
        # the comparison tells nothing; a benefit the clause states in other words stands
        # ("effective and more convenient"), one read from the comparison alone does not
        start, end = comparison.cue
        before = _DEGREE_BEFORE.search(clause, max(0, start - 32), start)
        after = _DEGREE_AFTER.match(clause, end)
        start, end = before.start() if before else start, after.end() if after else end
        rest = clause[:start] + " " * (end - start) + clause[end:]
        return "benefit" if _worded(rest, 0, controlled=True) == "benefit" else None
    return "benefit" if comparison.verdict > 0 else "harm"


# the degree words around a comparative: "significantly more", "differed significantly"
_DEGREE_BEFORE = re.compile(
    r"(?:\b(?:statistically |clinically )?(?:significantly|markedly|much|slightly|"
    r"substantially|considerably|far)\s+)+$"
)
_DEGREE_AFTER = re.compile(
    r"(?:\s+(?:statistically |clinically )?(?:significantly|markedly|substantially|"
    r"considerably))+\b"
)


def _uninterposed(clause: str) -> str:
    """``clause`` without an adverb set inside a verb: "did not, however, differ" reads as
    "did not differ"."""
    if "," in clause and _INTERPOSED.search(clause):
        return _INTERPOSED_CUT.sub(r"\1", clause)
    return clause


def read_clause(
    clause: str, *, controlled: bool = True, arms: Sequence[tuple[int, int]] | None = None
) -> ClauseReading:
    """`classify_clause`, the hedges, `has_modal` and `clause_qualifiers` of one clause,
    each regex run once and from the first cue on."""
    clause = _uninterposed(clause)
    ascii = ascii_exact(clause)  # then the ASCII twins find what the regexes find
    short_term = (_SHORT_TERM_ASCII if ascii else _SHORT_TERM).search(clause) is not None
    first = (_ANY_CUE_ASCII if ascii else _ANY_CUE).search(clause)
    if first is None:  # then every `_cue` regex fails: no direction, hedge or modal
        return ClauseReading(None, False, False, False, ("short_term",) if short_term else ())
    pos = first.start()
    strong = _STRONG_HEDGE.search(clause, pos) is not None
    low = _LOW_CERTAINTY.search(clause, pos) is not None
    weak = _WEAK_HEDGE.search(clause, pos) is not None
    present = (short_term, low or strong, _COMBINED.search(clause, pos) is not None, weak)
    return ClauseReading(
        direction=_compared(
            _direction(clause, pos, controlled=controlled, hedged=strong), clause, arms
        ),
        strong=strong,
        weak=weak,
        modal=_MODAL.search(clause, pos) is not None,
        qualifiers=tuple(n for (n, _), on in zip(_QUALIFIER_CUES, present, strict=True) if on),
        low=low,
    )


def states_equivalence(text: str) -> bool:
    """Whether a lower-cased clause says two treatments worked alike ("X works as well as
    Y", "were equally effective", "as effective as"), whatever else it states."""
    equal = _AS_WELL_AS.search(text) or _SIMILAR.search(text) or _EQUALLY.search(text)
    return equal is not None and not is_negated(text, equal.start(), equal.end())


_EQUALLY = re.compile(r"\b(?:equally|similarly|comparably) (?:effective|efficacious|beneficial)\b")


def has_cue(text: str) -> bool:
    """Whether a cue of `read_clause` starts in ``text``; in a clause without one it reads
    no direction, hedge, modal claim nor combination (only "short-term" may be named)."""
    return (_ANY_CUE_ASCII if ascii_exact(text) else _ANY_CUE).search(text) is not None


def _direction(clause: str, pos: int, *, controlled: bool, hedged: bool) -> str | None:
    """`classify_clause` given its hedges; no `_cue` regex matches before ``pos``."""
    if _AIM.search(clause):
        return None
    if hedged:
        return "inconclusive"
    direction = _worded(clause, pos, controlled=controlled)
    if direction is None and _DEPENDS.search(clause, pos):
        return "inconclusive"
    if direction not in (None, "benefit", "harm") or ("p" not in clause and "ns" not in clause):
        return direction
    # the p-values of a results clause: "42.4% and 43.7% (p = 0.12)" is no difference
    significant = _P_SIGNIFICANT.search(clause, pos) is not None
    if not significant and _P_NOT_SIGNIFICANT.search(clause, pos):
        return "no_benefit" if controlled or _CONTROL.search(clause) else "similar"
    if (
        direction is None
        and significant
        and (
            _COMPARISON.search(clause)
            or _NUMBERS_OF_ARMS.search(clause)
            or _ARMS_THEN_NUMBERS.search(clause)
        )
    ):
        return "benefit"
    return direction


def _in_control_arm(clause: str) -> bool:
    """Whether the clause tells of a control arm as its own subject, not as the reference
    after "than" or "compared with": a worsening there is that arm's, not the studied
    treatment's harm (LABELLING: harm only when the treatment did worse than its comparator)."""
    return any(
        not _COMPARED_BEFORE.search(clause, max(0, arm.start() - 40), arm.start())
        for arm in _CONTROL_ARM.finditer(clause)
    )


def _worded(clause: str, pos: int, *, controlled: bool) -> str | None:
    """`_direction` of an unhedged clause, from its words alone."""
    both = _BOTH_EFFECTIVE.search(clause, pos) is not None
    if both and any(
        not _COMPARED_BEFORE.search(clause, max(0, m.start() - 40), m.start())
        for m in _PLACEBO.finditer(clause)
    ):
        return "no_benefit"  # every arm improved, the placebo one too (not "... than sham")
    # "both groups improved, with no difference between them": a null comparison
    if both and not _SIMILAR.search(clause, pos):
        return "benefit"
    if _SIMILAR.search(clause, pos):
        # between two active treatments, "as effective as" is a finding of relative effect:
        # `similar` (no benefit over the comparator; the caller marks it similar_to_active)
        return "no_benefit" if controlled or _CONTROL.search(clause) else "similar"
    if _NO_BENEFIT.search(clause, pos):
        return "no_benefit"
    for harm in _HARM.finditer(clause, pos):
        if (
            not is_negated(clause, harm.start(), harm.end())
            and not _POTENTIAL.search(clause, max(0, harm.start() - 24), harm.start())
            and not _in_control_arm(clause)
        ):
            return "harm"
    worse = next(
        (
            m
            for m in _WORSE.finditer(clause, pos)
            if not is_negated(clause, m.start(), m.end())
            and not _HIGHER_AFTER.match(clause, m.end())  # "... increased the ppt"
        ),
        None,
    )
    if worse is not None and not _in_control_arm(clause):
        return "harm"
    equal = _AS_WELL_AS.search(clause, pos)
    if equal is not None and not is_negated(clause, equal.start(), equal.end()):
        rest = _PURPOSE.sub(_blank, clause[: equal.start()] + " " + clause[equal.end() :])
        if _first_unnegated(_BENEFIT, rest, 0) is None:
            return "no_benefit" if controlled or _CONTROL.search(clause) else "similar"
    if _first_unnegated(_BENEFIT, clause, pos):
        return "benefit"
    # a results clause that sets one arm against another with a comparative ("the
    # infection rate was lower with X than with Y") or calls its result significant ("X
    # significantly impaired recall"): an effect, unless negated
    if _first_unnegated(_COMPARED_THAN, clause, pos) or _first_unnegated(
        _SIGNIFICANTLY, clause, pos
    ):
        return "benefit"
    return None


def _blank(match: re.Match[str]) -> str:
    return " " * len(match.group())


def benefit_is_sought(clause: str) -> bool:
    """Whether a call for research in ``clause`` comes before its benefit ("trials are
    needed to confirm that it is effective"): the benefit is the call's aim. A benefit
    stated first ("it appears effective, and more research is warranted") is a result."""
    # "preliminary" qualifies a result ("preliminary findings suggest it helps"); it calls
    # for nothing
    call = next((m for m in _WEAK_HEDGE.finditer(clause) if m.group() != "preliminary"), None)
    if call is None:
        return False
    benefit = _first_unnegated(_BENEFIT, clause, 0)
    return benefit is None or call.start() < benefit.start()


def has_strong_hedge(text: str) -> bool:
    return _STRONG_HEDGE.search(text) is not None


def has_low_certainty(text: str) -> bool:
    return _LOW_CERTAINTY.search(text) is not None


def has_weak_hedge(text: str) -> bool:
    return _WEAK_HEDGE.search(text) is not None


def has_modal(text: str) -> bool:
    return _MODAL.search(text) is not None


def clause_qualifiers(text: str) -> list[str]:
    """The qualifiers (short_term, low_certainty, combined_treatment, more_research_needed)
    a text names."""
    names = [name for name, regex in _QUALIFIER_CUES if regex.search(text)]
    if "low_certainty" not in names and has_strong_hedge(text):
        names.insert(1 if "short_term" in names else 0, "low_certainty")
    return names


def is_sham_controlled(text: str) -> bool:
    """Whether a text names a sham or placebo arm."""
    # substring tests first: a regex scan of a whole abstract costs more than these
    return any(w in text for w in _PLACEBO_WORDS) and _PLACEBO.search(text) is not None


def is_controlled(text: str) -> bool:
    """Whether a text names a control that is not another active treatment: sham, placebo,
    no treatment, waiting list, usual care, or the same care alone (add-on designs)."""
    return any(w in text for w in _CONTROL_WORDS) and _CONTROL.search(text) is not None


def sample_size(text: str) -> int | None:
    """The largest number of people a lower-cased text names ("n = 60", "sixty patients")."""
    sizes = (
        [int(m.group(1).replace(",", "")) for m in _N_EQUALS.finditer(text)] if "=" in text else []
    )
    for start in _people_starts(text):
        count = _COUNT_BEFORE.search(text, max(0, start - 48), start)
        if count is None:
            continue
        if count.group(1):
            sizes.append(int(count.group(1).replace(",", "")))
        else:
            tail = _NUMBER_WORDS[count.group(3)] if count.group(3) else 0
            sizes.append(_NUMBER_WORDS[count.group(2)] + tail)
    sizes = [s for s in sizes if 0 < s < 10_000_000]
    return max(sizes) if sizes else None


def _people_starts(text: str) -> Iterator[int]:
    """Where a "patients"-like whole word starts, word by word (not in text order). A
    substring search per word costs less than one regex scan for all of them."""
    size = len(text)
    for word in _PEOPLE_WORDS:
        start = text.find(word)
        while start >= 0:
            end = start + len(word)
            if (start == 0 or not _is_word(text[start - 1])) and (
                end == size or not _is_word(text[end])
            ):
                yield start
            start = text.find(word, end)


def _is_word(char: str) -> bool:
    """Whether the regex ``\\w`` matches ``char`` (a letter, digit or underscore)."""
    return char.isalnum() or char == "_"


# --- Which arm a comparison favours, and which way is better for its outcome ------------
# Outcome polarity, by the words that name an outcome. These lists would sit naturally on
# the vocabulary's outcome ids (data/vocab/outcome.yaml: pain, disability, adverse_events
# lower-is-better; pressure_pain_threshold, range_of_motion, strength, function,
# quality_of_life higher-is-better); they are kept here until the vocabulary carries them.
# Lower is better: pain and its scales, disability, symptoms, recurrence, analgesic use,
# the time to recover. "pain threshold", "pain relief" and "pain-free" are not pain.
_POLARITY_LOWER = (
    r"(?:time to (?:recovery|return|resolution|healing)|recovery time|duration of (?:pain|"
    r"symptoms|disability|sick leave)|(?:analgesic|medication|drug|opioid|painkiller) (?:use|"
    r"consumption|intake|requirements?|tablets|pills|doses)|analgesics?|rescue (?:doses|"
    r"medication)|(?:use|consumption|intake) of (?:analgesics?|"
    r"medications?|opioids?|painkillers?)|sick leave|absenteeism|recurrences?|relapses?|"
    r"pain(?![\s-](?:pressure |tolerance )?thresholds?|[\s-](?:relief|free|tolerance|reductions?|"
    r"decreases?|improvements?|resolution|control|syndromes?|patients|populations?|clinics?)\b)|"
    r"symptoms?|disability|tenderness|stiffness|"
    r"severity|headaches?|complaints|vas|nrs|nprs|ndi|odi|womac|dash|quickdash|spadi|rmdq|prtee|"
    r"kinesiophobia|catastrophi[sz]ing|fear[\s-]avoidance|anxiety|depression|fatigue|spasm|"
    r"spasticity|swelling|o?edema|inflammation|trigger points?)"
)
# Higher is better: thresholds, motion, strength, function (on the scales where a higher
# score is better function: Constant, Lysholm, the function subscales), quality of life,
# success, healing, satisfaction, relief and improvement themselves.
_POLARITY_HIGHER = (
    r"(?:pressure pain thresholds?|pain (?:pressure )?thresholds?|ppts?|range of (?:motion|"
    r"movement)|rom|mobility|flexibility|(?:muscle |grip |handgrip )?strength|endurance|"
    r"(?:cervical |neck |lumbar |trunk |shoulder |hip |knee )?(?:rotation|flexion|extension|"
    r"abduction)|"
    r"function(?:al)?(?: (?:scores?|status|ability|capacity|outcomes?))?|quality of life|qol|"
    r"success(?:ful)?(?: rates?)?|healing(?: rates?)?|satisfaction|response rates?|responders?|"
    r"recovery(?: rates?)?|improvements?|relief|pain (?:reductions?|decreases?|improvements?)|"
    r"mouth opening|"
    r"interincisal (?:opening|distance)|blood flow|perfusion|oxygenation|pain tolerance|"
    r"walking distance|sleep quality|return to work)"
)
# an adverse event is a safety finding's, not an effect: "soreness was more frequent"
_POLARITY_ADVERSE = (
    r"(?:adverse (?:events?|effects?|reactions?)|side[\s-]effects?|complications?|"
    r"(?:post[\s-]?(?:needling|injection|treatment) )?soreness|bruis\w+|bleeding|"
    r"h(?:a)?ematomas?|harms?)"
)
# a fall named as the outcome: more of it is better, and the measure itself went down ("a
# greater reduction in pain", "the decrease in VAS")
# (a noun, not the verb: "tended to decrease" is no fall named as an outcome)
_POLARITY_FALL = (
    r"(?:(?:reductions?|lowering)|(?:(?:a|an|the|greater|larger|smaller|bigger|significant|"
    r"mean|percentage|this|that|any) (?:[\w-]+ )?)(?:decreases?|declines?|drops?|falls?)|"
    r"(?<!\bto )(?<!\bdid )(?<!\bnot )(?<!\bwill )(?:decreases?|declines?|drops?|falls?)"
    r"(?= (?:in|of)\b))(?: (?:in|of) (?:the )?"
    r"(?:[\w-]+ ){0,2}?(?:pain|symptoms?|disability|vas|nrs|ndi|odi|scores?|intensity))?"
)
_POLARITY = re.compile(
    rf"\b(?:(?P<adverse>{_POLARITY_ADVERSE})|(?P<fall>{_POLARITY_FALL})|"
    rf"(?P<higher>{_POLARITY_HIGHER})|(?P<lower>{_POLARITY_LOWER}))\b"
)
# a verb whose subject did better: "relieved pain more", "improved less"
_RELIEF_VERBS = (
    r"(?:improved|improving|recovered|benefit(?:t)?ed|responded|relieved|relieving|eased|easing|"
    r"alleviated|alleviating|lessened|helped)"
)
_FALL_VERBS = (
    r"(?:reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|declin(?:e|es|ed|ing)|fell|dropped|"
    r"lowered|lowering|diminish(?:es|ed|ing)?)"
)
_RISE_VERBS = r"(?:increas(?:e|es|ed|ing)|rose|grew|rais(?:e|es|ed|ing))"
_UP_WORDS = r"higher|greater|larger|bigger|more|longer|elevated|increased"
_DOWN_WORDS = r"lower|less|fewer|smaller|shorter|reduced|decreased"
# A comparison and which way it points. ``good``/``bad``: the arm did better or worse
# whatever the outcome ("better", "inferior", "greater improvement", "improved more");
# ``moredown``...: a verb of change and how much ("decreased more", "rose less"); a noun of
# change is the outcome's ("a greater reduction in pain": more of a wanted fall);
# ``favour``: "in favour of the X group"; ``diff``: a difference without its sign.
_ARM_COMPARISON = re.compile(
    r"\b(?:(?P<favour>in favou?r of|favou?r(?:ed|ing|s)?|"
    r"preferr(?:ed|ing)(?= (?:[\w-]+ ){1,6}?(?:to|over)\b))"
    r"|(?P<good>better|superior|more (?:cost[\s-])?(?:effective|efficacious|beneficial|useful|"
    r"successful)\w*|"
    r"outperform\w*|(?:greater|larger|more|bigger|higher) (?:[\w-]+ ){0,2}?(?:improvements?|"
    r"benefits?|effects?|gains?|relief|recovery|efficacy)|"
    rf"{_RELIEF_VERBS} (?:[\w-]+ ){{0,6}}?(?:more|better|faster|further|to a greater (?:extent|"
    r"degree)))"
    r"|(?P<bad>worse|poorer|inferior|less (?:effective|efficacious|beneficial|useful|"
    r"successful)\w*|(?:less|smaller|lower) (?:[\w-]+ ){0,2}?(?:improvements?|benefits?|gains?|"
    rf"relief|recovery|efficacy)|{_RELIEF_VERBS} (?:[\w-]+ ){{0,6}}?(?:less|to a lesser "
    r"(?:extent|degree)))"
    rf"|(?P<moredown>{_FALL_VERBS} (?:[\w-]+ ){{0,6}}?(?:more|further|to a greater (?:extent|"
    r"degree)))"
    rf"|(?P<lessdown>{_FALL_VERBS} (?:[\w-]+ ){{0,6}}?(?:less|to a lesser (?:extent|degree)))"
    rf"|(?P<moreup>{_RISE_VERBS} (?:[\w-]+ ){{0,6}}?(?:more|further|to a greater (?:extent|"
    r"degree)))"
    rf"|(?P<lessup>{_RISE_VERBS} (?:[\w-]+ ){{0,6}}?(?:less|to a lesser (?:extent|degree)))"
    rf"|(?P<up>{_UP_WORDS}|rose|risen|raised)"
    rf"|(?P<down>{_DOWN_WORDS}|lowered|fell|fallen|declined|dropped)"
    # a difference between the arms, not its size ("a mean difference of 5.9")
    r"|(?P<diff>differ(?:ed|s)?|(?:significantly|statistically) different|(?:significant|"
    r"statistically significant) (?:[\w-]+ ){0,2}?differences?|differences? between))\b"
)
# "more than 3 sessions", "less than half", "one or more": quantities, not comparisons;
# "larger trials", "more research", "higher-quality studies": calls for research
_QUANTITY_AFTER = re.compile(
    r"\s+than\s+(?:\d|one|two|three|four|five|six|ten|half|a (?:third|quarter|half)|"
    r"(?:a )?(?:few|week|month|year|day))|-|\s+(?:[\w-]+\s+){0,3}?(?:research|studies|study|"
    r"trials?|data|evidence|investigations?|samples?|sample sizes?|cohorts?|follow-?up|work)\b"
)
_OR_BEFORE = re.compile(r"\bor\s+$")
# a plain change ("reduced", "increased") compares arms only with an arm set against it
_PLAIN_CHANGE = frozenset({"increased", "reduced", "decreased", "rose", "raised", "lowered"})
_PLAIN_CHANGE |= frozenset({"fell", "declined", "dropped", "elevated"})
# the arms: a control one however named, a studied one by its role, or "the X group"
# ("control" as an arm, not "pain control"; "comparison" as an arm, not "pairwise
# comparisons")
_CONTROL_ARM_WORDS = (
    r"(?:sham|placebo|controls|(?:the |a )control|control(?= (?:groups?|arms?|participants|"
    r"patients|subjects|conditions?|cohorts?|sides?|animals|eyes|limbs|children|women|men)\b)|"
    r"usual[\s-]care|standard care|no[\s-]treatment|untreated|wait(?:ing)?[\s-]*list|"
    r"no[\s-]intervention|(?:comparison|comparator)(?= (?:groups?|arms?|conditions?)\b))"
)
_ARM_MENTION = re.compile(
    rf"\b(?:(?P<control>{_CONTROL_ARM_WORDS}(?:[\s-](?:[\w-]+ ){{0,2}}?(?:groups?|arms?|"
    r"participants|patients|subjects|condition|needling|treatment|intervention))?)|"
    r"(?P<studied>(?:experimental|intervention|treatment|treated|study|active|verum|real|"
    r"true|index) (?:groups?|arms?))|"
    r"(?:the|a|an) (?P<named>(?!(?:two|three|four|both|all|each|either|other|same|whole|"
    r"respective|different|\d)\b)(?:[\w-]+ ){1,3}?)(?:groups?|arms?)\b)"
)
_REFERENCE_BEFORE = re.compile(
    r"\b(?:than|versus|vs\.?|compared (?:with|to)|in comparison (?:with|to)|relative to|"
    r"(?:superior|inferior|preferable|equivalent|comparable|similar|equal) to|"
    r"over|against|to that of|to those of)\s+(?:(?:in|with|for|among|of|after|following|by) )?"
    r"(?:(?:the|those|that|a|an) )?(?:(?:in|with|of|receiving|given|treated with) )?"
    r"(?:(?:the|a|an) )?$"
)


class Comparison(NamedTuple):
    """What a clause comparing two arms says of the studied one (`read_comparison`)."""

    verdict: int  # +1 the studied arm did better, -1 worse, 0 it cannot be told
    higher: bool | None  # the outcome was higher for the studied arm (None: not said)
    subject: str  # the arm the comparative is said of: studied, control or unnamed
    cue: tuple[int, int] = (0, 0)  # where the comparative is in the clause


def read_comparison(
    clause: str,
    arms: Sequence[tuple[int, int]] = (),
    controls: Sequence[tuple[int, int]] = (),
    outcome: tuple[int, int] | None = None,
) -> Comparison | None:
    """Which arm a lower-cased clause that compares arms favours, or None when it compares
    nothing (then the clause's other words decide).

    The comparative is said of the arm named first ("X was higher in A than in B", "A
    showed greater X than B"), not of one set after "than", "versus" or "compared with"
    ("compared with B, A had lower X"); when only the reference is named, of the other arm.
    An arm is a control one (sham, placebo, control, usual care, waiting list), else a
    studied one (``arms``: spans of the studied treatments' names, or "the X group";
    ``controls``: spans of a comparator's names the words above do not tell, such as an
    active comparator's; ``outcome``: where the outcome asked about is named, so that the
    comparative nearest it is read).
    Whether higher is better is the outcome's (`_POLARITY`); a verdict of 0 when the clause
    only says the arms differed, names no outcome of known polarity, or speaks of adverse
    events (a safety finding's, not an effect).
    None too when the comparative is not an outcome of the arms (`_off_outcome`: a dose,
    the sessions, a cost, a subgroup of patients), when the arms are compared at baseline
    or one arm at two times (`_not_between_arms`), or two doses of one treatment with no
    control arm (`_variants_compared`)."""
    cue = _comparison_cue(clause, outcome)
    if cue is None:
        return _numbers_compared(clause, arms, controls)
    if _not_between_arms(clause, cue):
        return None
    kind = cue.lastgroup or ""
    mentions = _arm_mentions(clause, arms, controls)
    if _variants_compared(clause, mentions):
        return None
    if (
        kind in ("up", "down")
        and cue.group() in _PLAIN_CHANGE
        and not any(ref for _, _, _, ref in mentions)
    ):
        # "pain was reduced in the DN group": a change within an arm, unless one is set
        # against another ("reduced ... compared with sham")
        return None
    subject = _subject(clause, cue, mentions)
    if kind == "diff":
        return None  # a difference without its side: left to the clause's other words
    side = -1 if subject == "control" else 1
    if kind in ("good", "bad", "favour"):
        verdict = -1 if kind == "bad" else 1
        return Comparison(verdict * side, None, subject, cue.span())
    up = kind in ("up", "moreup", "lessdown")
    named = _outcome_named(clause, mentions, cue)
    polarity = _POLARITY_SIGN.get(named) if named else None
    # the outcome itself: "a greater reduction in LDL" is a lower LDL
    higher = (up if side > 0 else not up) != (named == "fall")
    if polarity is None:
        # "larger numbers attended": a comparison of arms only when the clause names one
        return Comparison(0, higher, subject, cue.span()) if mentions else None
    return Comparison((1 if up == (polarity > 0) else -1) * side, higher, subject, cue.span())


def _comparison_cue(clause: str, outcome: tuple[int, int] | None = None) -> re.Match[str] | None:
    """The first judgement of ``clause`` ("better", "improved more"), else its first
    signed comparative, not negated nor a quantity ("more than 3"); else its first
    "differed". With ``outcome`` (a span naming the outcome asked about), the signed
    comparative nearest it ("success was lower and complications higher")."""
    if outcome is not None:
        cues = [m for m in _ARM_COMPARISON.finditer(clause) if _usable(clause, m)]
        signed = [m for m in cues if m.lastgroup != "diff"]
        if signed:
            return min(signed, key=lambda m: _gap(m.span(), outcome))
        return cues[0] if cues else None
    unsigned = magnitude = None
    for m in _ARM_COMPARISON.finditer(clause):
        if m.lastgroup in ("up", "down") and (
            _QUANTITY_AFTER.match(clause, m.end()) or _OR_BEFORE.search(clause, 0, m.start())
        ):
            continue
        if is_negated(clause, m.start(), m.end()) or _off_outcome(clause, m):
            continue
        if m.lastgroup == "diff":
            unsigned = unsigned or m
            continue
        if m.lastgroup in ("up", "down"):
            magnitude = magnitude or m
            continue
        return m
    return magnitude or unsigned


def _usable(clause: str, m: re.Match[str]) -> bool:
    """A comparative, not a quantity ("more than 3") nor negated."""
    if m.lastgroup in ("up", "down") and (
        _QUANTITY_AFTER.match(clause, m.end()) or _OR_BEFORE.search(clause, 0, m.start())
    ):
        return False
    return not is_negated(clause, m.start(), m.end()) and not _off_outcome(clause, m)


# --- Comparatives that compare no outcome of the arms ----------------------------------
# What a comparative describes when it is not the outcome: the treatment's dose, the
# number or length of its sessions, or its cost ("with higher laser doses", "more sessions",
# "at a better cost-effectiveness ratio", "more expensive"); the words between may not name
# an outcome ("higher pain intensity" is one), and a dose of something is one ("lower doses
# of analgesics"). Bare "duration", "frequency", "energy" or "volume" are left out: in real
# results they name outcomes as often ("a longer duration of analgesia", "tidal volume").
_CONDITION_NOUN = re.compile(
    r"\s+(?:(?:a|an|the)\s+)?(?P<between>(?:(?!(?:with|in|of|for|at|by|to|from|and|than|"
    r"after|compared|versus|vs|was|were|group|groups)\b)[\w-]+\s+){0,2}?)(?:(?:doses?|dosages?)"
    r"(?! of)|dosing|(?:treatment|stimulation|session|needling|therapy|intervention) "
    r"(?:durations?|frequenc(?:y|ies)|intensit(?:y|ies))|durations? of (?:treatment|therapy|"
    r"stimulation|sessions?|intervention|needling)|sessions?|number of (?:sessions|treatments|"
    r"needles|visits)|wavelengths?|costs?|cost[\s-](?:effectiveness|utility|benefit)|prices?|"
    r"expen(?:ses?|diture)|charges?|savings?|expensive|costly|budget)\b"
)
# a subgroup of patients before the comparative: "in people whose pain was of shorter
# duration", "patients with more severe pain"
_SUBGROUP_BEFORE = re.compile(
    r"\b(?:(?:patients|people|participants|subjects|those|individuals|cases|women|men|adults|"
    r"children|persons)\s+with(?:\s+(?:a|an|the))?\s+(?:[\w-]+\s+){0,3}?|"
    r"whose\s+(?:[\w-]+\s+){0,4}?)$"
)
# the effect said to be larger in some patients: "more pronounced in patients with",
# "greater among women", "larger in the elderly"
_SUBGROUP_AFTER = re.compile(
    r"(?:\s+(?:pronounced|marked|evident|apparent|noticeable|prominent|striking|notable))?"
    r"\s+(?:in|among|for)\s+(?:the\s+)?(?:(?:[\w-]+\s+){0,2}?(?:patients|people|participants|"
    r"subjects|those|individuals|cases|adults|persons)\s+(?:with|whose|aged|over|under)\b|"
    r"(?:older|younger|elderly|women|men|females|males|girls|boys)\b)"
)


def _off_outcome(clause: str, m: re.Match[str]) -> bool:
    """Whether the comparative at ``m`` describes something other than an outcome of the
    arms: a dose, a duration, a cost (`_CONDITION_NOUN`), or a subgroup of patients."""
    noun = _CONDITION_NOUN.match(clause, m.end())
    if noun is not None and not _POLARITY.search(noun.group("between")):
        return True
    if m.lastgroup == "good" and "cost" in m.group():
        return True  # "more cost-effective": a cost, not an outcome
    if _SUBGROUP_BEFORE.search(clause, max(0, m.start() - 48), m.start()):
        return True
    return _SUBGROUP_AFTER.match(clause, m.end()) is not None


# a comparison of the patients' state at baseline ("at baseline, pain was higher in the
# DN group", "scored higher at baseline"), not a change from it; or with another time, not
# another arm ("pain was lower at 12 weeks than at 4 weeks", "than before treatment")
_AT_BASELINE = r"(?:at (?:study )?(?:baseline|entry|inclusion|enrol?ment)|before randomi[sz]ation)"
_BASELINE_BEFORE = re.compile(rf"\b(?:{_AT_BASELINE}|baseline (?:differences?|characteristics))\b")
_BASELINE_AFTER = re.compile(rf"\s+(?:[\w-]+\s+){{0,3}}?{_AT_BASELINE}\b")
_THAN_TIME = re.compile(
    r"\bthan\s+(?:it (?:was|did)\s+|they (?:were|did)\s+)?"
    r"(?:before|previously|earlier|pre-?(?:treatment|intervention|operative)|(?:at|after|in|"
    r"during|by|on) (?:the )?(?:(?:\d+|one|two|three|four|five|six|eight|ten|twelve)[\s-]?"
    r"(?:weeks?|months?|days?|years?|sessions?|hours?)|(?:first|second|third|initial|last|"
    r"final|previous|earlier|start|beginning|outset|end)\b|pre-?(?:treatment|intervention)))"
)


def _not_between_arms(clause: str, cue: re.Match[str]) -> bool:
    """Whether the comparison at ``cue`` is with the baseline state or another time, not
    between the arms."""
    if _BASELINE_BEFORE.search(clause, 0, cue.start()) or _BASELINE_AFTER.match(clause, cue.end()):
        return True
    return _THAN_TIME.search(clause, cue.start()) is not None


# a dose or variant of a treatment: "high-dose", "low intensity", "a short course"
_VARIANT = re.compile(
    r"\b(?:(?:high|low|higher|lower|single|double|standard|reduced|full|half|medium|moderate|"
    r"short|long)[\s-](?:doses?|dosages?|intensity|frequency|volume|energy|power|duration|"
    r"course))\b"
)


def _variants_compared(clause: str, mentions: list[tuple[int, int, str, bool]]) -> bool:
    """Whether the clause compares two doses or variants of one treatment and no control
    arm ("pain was lower after high-dose than after low-dose laser")."""
    if any(kind == "control" for _, _, kind, _ in mentions):
        return False
    return len(_VARIANT.findall(clause)) >= 2


def _gap(a: tuple[int, int], b: tuple[int, int]) -> int:
    """How many characters lie between two spans (0 when they touch or overlap)."""
    return max(0, b[0] - a[1], a[0] - b[1])


def _arm_mentions(
    clause: str, arms: Sequence[tuple[int, int]], controls: Sequence[tuple[int, int]] = ()
) -> list[tuple[int, int, str, bool]]:
    """(start, end, studied|control, is a reference) of each arm the clause names."""
    found: list[tuple[int, int, str]] = []
    for m in _ARM_MENTION.finditer(clause):
        if m.lastgroup == "named" and any(m.start() <= a < m.end() for a, _ in (*arms, *controls)):
            continue  # "the landmark group": the arm the caller names
        if m.lastgroup == "named":
            words = m.group("named")
            kind = "control" if _CONTROL_IN_NAME.search(words) else "studied"
        else:
            kind = m.lastgroup or "studied"
        if kind == "control" and _ADDED_TO.search(clause, max(0, m.start() - 24), m.start()):
            continue  # "added to usual care", "DN plus usual care": what every arm had
        found.append((m.start(), m.end(), kind))
    for start, end in controls:
        if not any(s <= start < e or start <= s < end for s, e, _ in found):
            found.append((start, end, "control"))
    for start, end in arms:
        if any(s <= start < e or start <= s < end for s, e, _ in found):
            continue
        # "sham dry needling": the name of the studied treatment in a control arm
        kind = (
            "control"
            if _CONTROL_JUST_BEFORE.search(clause, max(0, start - 16), start)
            else ("studied")
        )
        found.append((start, end, kind))
    found.sort()
    return [
        (s, e, k, _REFERENCE_BEFORE.search(clause, max(0, s - 48), s) is not None)
        for s, e, k in found
    ]


_CONTROL_IN_NAME = re.compile(rf"\b{_CONTROL_ARM_WORDS}\b")
# what a treatment was given on top of: the base every arm had, not an arm
_ADDED_TO = re.compile(
    r"\b(?:added to|in addition to|on top of|alongside|combined with|plus|along with)\s+"
    r"(?:the\s+)?$"
)
_CONTROL_JUST_BEFORE = re.compile(r"\b(?:sham|placebo|simulated|fake|minimal)\s+$")


def _subject(clause: str, cue: re.Match[str], mentions: list[tuple[int, int, str, bool]]) -> str:
    """The arm the comparative is said of."""
    if cue.lastgroup == "favour":
        after = [k for s, _, k, _ in mentions if s >= cue.end()]
        if after:
            return after[0]
    subjects = [k for _, _, k, ref in mentions if not ref]
    if subjects:
        return subjects[0]
    references = [k for _, _, k, ref in mentions if ref]
    if references:
        return "studied" if references[0] == "control" else "control"
    return "unnamed"


_POLARITY_SIGN = {"fall": 1, "higher": 1, "lower": -1}


# the arms' values told as numbers with no comparative word: "VAS scores were 2.1 (SD 1.0) in
# the dry needling group and 4.3 (SD 1.5) in the sham group"
_NUMBER_IN_ARM = (
    r"(?P<{v}>-?\d+(?:\.\d+)?)\s*(?:%\s*|\u00b0\s*)?(?:(?!(?:in|for|with|among|after|and)\b)"
    r"[a-z/\u00b2\d.]{{1,8}}\s+){{0,2}}(?:\([^()]{{0,30}}\)\s*)?"
    r"(?:in|for|with|among|after) (?:the )?(?P<{a}>[^,;()]{{1,40}}?)"
)
_NUMBERS_OF_ARMS = re.compile(
    _NUMBER_IN_ARM.format(v="first", a="first_arm")
    + r"(?:,\s*|\s+)(?:and|versus|vs\.?|compared (?:with|to)|but)\s+"
    + _NUMBER_IN_ARM.format(v="second", a="second_arm")
    + r"(?=\s*[,;.()]|\s*$)"
)
# each arm named before its value, as in a table: "VAS at 4 weeks: dry needling 2.8 (SD
# 1.4), sham 4.9 (SD 1.6)", "success: shockwave 72% vs placebo 40%"
_ARM_BEFORE_NUMBER = (
    r"(?<![\w-])(?P<{a}>[a-z][a-z -]{{0,40}}?)\s+(?P<{v}>-?\d+(?:\.\d+)?)\s*(?:%\s*)?"
    r"(?:\([^()]{{0,30}}\)\s*)?"
)
_ARMS_THEN_NUMBERS = re.compile(
    _ARM_BEFORE_NUMBER.format(v="first", a="first_arm")
    + r"(?:,\s*|\s+)(?:(?:and|versus|vs\.?|compared (?:with|to))\s+)?"
    + _ARM_BEFORE_NUMBER.format(v="second", a="second_arm")
    + r"(?=\s*[,;.]|\s*$)"
)


def _numbers_compared(
    clause: str, arms: Sequence[tuple[int, int]], controls: Sequence[tuple[int, int]]
) -> Comparison | None:
    """`read_comparison` of a clause that gives each arm's value as a number, a studied arm
    against a control one, with a significant p-value: the studied arm did better when its
    value is on the better side of the outcome named before the numbers."""
    if not _P_SIGNIFICANT.search(clause):
        return None
    found = _NUMBERS_OF_ARMS.search(clause) or _ARMS_THEN_NUMBERS.search(clause)
    if found is None:
        return None
    mentions = _arm_mentions(clause, arms, controls)

    def kind_at(group: str) -> str | None:
        start, end = found.span(group)
        kinds = {k for s, e, k, _ in mentions if s < end and start < e}
        return kinds.pop() if len(kinds) == 1 else None

    sides = (kind_at("first_arm"), kind_at("second_arm"))
    if sorted(k or "" for k in sides) != ["control", "studied"]:
        return None
    first, second = float(found.group("first")), float(found.group("second"))
    if first == second:
        return None
    studied, control = (first, second) if sides[0] == "studied" else (second, first)
    named = None
    for m in _POLARITY.finditer(clause, 0, found.start()):
        named = m.lastgroup  # the outcome named last before the numbers
    polarity = _POLARITY_SIGN.get(named) if named in ("higher", "lower") else None
    higher = studied > control
    if polarity is None:
        return Comparison(0, higher, "studied", found.span())
    return Comparison(1 if higher == (polarity > 0) else -1, higher, "studied", found.span())


def _outcome_named(
    clause: str, mentions: list[tuple[int, int, str, bool]], cue: re.Match[str]
) -> str | None:
    """The kind of the outcome named nearest the comparative: ``higher`` (higher is
    better), ``lower``, ``fall`` (a fall of a lower-is-better one), ``adverse`` or None."""
    best: tuple[int, str] | None = None
    for m in _POLARITY.finditer(clause):
        if any(s <= m.start() < e for s, e, _, _ in mentions):
            continue
        if m.lastgroup == "fall" and m.end() <= cue.start():
            # "the decrease in the IBS and QoL scores was greater": the fall is what is
            # measured, whatever it is a fall of
            return "fall"
        distance = cue.start() - m.end() if m.end() <= cue.start() else m.start() - cue.end()
        if best is None or distance < best[0]:
            best = (distance, m.lastgroup or "")
    return best[1] if best is not None else None
