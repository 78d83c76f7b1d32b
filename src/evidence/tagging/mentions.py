"""Tagging stage, mentions: which matches say what a record studied, found or reported.

Reads a lower-cased sentence and the span of a match in it; writes nothing. A word found
in the text is not always a mention of what the record is about: an adverse event can be
negated ("no pneumothorax occurred") or hypothetical ("could cause pneumothorax"), a
condition can be an exclusion criterion or an insurer's covered indication, and an
intervention can be a sham arm, a co-intervention given to every arm, an earlier failed
treatment or the way an animal model was induced. Each rule here is one such reading.
"""

from __future__ import annotations

import re

__all__ = [
    "is_co_intervention",
    "is_comparator",
    "is_condition_example",
    "is_condition_outcome",
    "is_example",
    "is_extension",
    "is_hypothetical",
    "is_instrument",
    "is_negated",
    "is_not_studied_condition",
    "is_not_studied_intervention",
]

_SCOPE_BREAK = re.compile(r"\b(?:but|however|although|though|except|apart from|whereas|while)\b")
# A cue before the match, with no scope breaker between (at most 12 words: "no serious
# adverse events, such as pneumothorax, nerve injury or infection"), or a negated verb
# right after it ("pneumothorax did not occur"). "none reported pneumothorax" is a cue too.
_PRE_NEGATION = re.compile(
    r"\b(?:no|not|without|absence of|absent|free of|free from|neither|nor|none|never|denied|"
    r"rule[sd]? out|ruling out|zero|lack of|exclusion criteria|excluded if|excluding)\b"
)
# Conditions: only the cues that remove a condition from the studied population, since
# "did not reduce pain in women with fibromyalgia" does not negate fibromyalgia.
_PRE_EXCLUSION = re.compile(
    r"\b(?:without|absence of|free of|free from|rule[sd]? out|ruling out|exclusion criteria|"
    r"excluded if|excluding|other than|no (?:history|signs?|evidence|symptoms?) of)\b"
)
_POST_NEGATION = re.compile(
    r"^[\w\s,/()-]{0,40}?\b(?:(?:was|were|is|are|has been|have been|had been) (?:not|never|"
    r"absent|ruled out|excluded)|did not (?:occur|develop|happen|appear)|(?:was|were) not "
    r"(?:observed|reported|found|seen|detected|recorded|confirmed)|(?:was|were) excluded|"
    r"occurred in (?:no|none)|in none of)\b"
)
# A condition counted as an outcome ("the incidence of postherpetic neuralgia", "how many
# develop PHN") is what the record measures, not whom it studies.
_AS_OUTCOME = re.compile(
    r"\b(?:(?:incidence|occurrence|onset|development|new cases) of|(?:risk of|how many|those who|"
    r"(?:number|proportion|percentage|rate) (?:of [\w-]+ )?who) (?:go on to |will |would )?"
    r"develop(?:s|ed|ing)?)\s+(?:[\w-]+\s+)?$"
)
_POST_EXCLUSION = re.compile(
    r"^[\w\s,/()-]{0,40}?\b(?:(?:was|were|has been|have been|had been) (?:excluded|ruled out)"
    r"|(?:was|were) not (?:confirmed|present)|"
    # "... were not eligible", "... were reasons for exclusion", "... led to exclusion"
    r"(?:was|were|are|is) (?:not eligible|ineligible)|(?:was|were|are|is) (?:(?:the|an?) )?"
    r"(?:(?:main|other|further|additional) )?(?:reasons? for exclusion|exclusion criteri(?:on|a))|"
    r"(?:led|leads|lead) to (?:[\w-]+ )?exclusion)\b"
)
# A cue that opens a list of exclusions ("Exclusion criteria were previous surgery, a
# history of whiplash, radiculopathy or fibromyalgia"): its scope runs to the end of the
# clause, past the 8 words of the other cues, and past a colon ("Exclusion criteria: ...")
_EXCLUSION_LIST = re.compile(
    r"\b(?:exclusion criteri(?:a|on)|excluded if|we excluded|excluding|reasons? for exclusion|"
    r"(?:ineligible|not eligible) if)\b"
)
_HYPOTHETICAL = re.compile(
    r"\b(?:risks? of|to (?:avoid|prevent|minimi[sz]e|reduce the risk of)|avoid(?:ing|ed|s)?|"
    r"prevent(?:ing|ion of)?|potential(?:ly)?|possible|possibility of|could cause|may cause|"
    r"might cause|would cause|could lead to|may lead to|concerns? (?:about|over|of)|"
    r"precautions?|monitored for|screened for|history of|suspected)\b"
)
# an insurer's covered indication or a list of what practitioners treat is not a condition
# that the record studies
_NOT_STUDIED = re.compile(r"\b(?:covered|reimbursed|indications?)\b[^.;]*$")
_SHAM = re.compile(
    r"\b(?:sham|placebo|detuned|inactive|switched[\s-]off|simulated|mock)"
    r"(?:[\s-]+(?!controlled|trial|versus|vs|or\b|and\b|with\b|plus\b)[\w()-]+){0,2}[\s-]+$"
)
_SHAM_AFTER = re.compile(r"^\s*(?:\([^)]*\)\s*)?as (?:a |the )?(?:placebo|sham)\b")
_PRIOR = re.compile(
    r"\b(?:resistant to|refractory to|despite|after failure of|failed|unresponsive to|"
    r"previously (?:received|treated with|had)|previous|"
    # an exclusion criterion: "a contraindication to needling or manual therapy"
    r"contra-?indications? (?:to|for|against))\b"
    # the list of earlier treatments, up to the verb of what came next ("... had laser")
    r"(?:(?!\b(?:had|have|has|received?|were|was|underwent|undergo|got|then|now)\b)[\s\w-]){0,50}$"
)
# "(massage, ultrasound, exercise) have failed": earlier treatments listed before the verb
_PRIOR_AFTER = re.compile(r"^[^.;]{0,120}?\bha(?:ve|s|d) (?:failed|not helped|not worked)\b(?! to)")
# "pneumothoraces have been reported after acupuncture": other authors' reports, not this study
_REPORTED_BEFORE = re.compile(
    r"\b(?:ha(?:s|ve) (?:previously |also |rarely |often |only )?been (?:previously |also |rarely |"
    r"often )?(?:reported|described)|(?:earlier|previous|prior|other) (?:reports|studies|"
    r"authors))\b[^.;]{0,30}?\b(?:after|following|with|in)\s+$"
)
_INDUCTION = re.compile(r"^[^.;]{0,50}?\bto (?:produce|induce|create|establish|provoke)\b")
# "exercise alone", "exercise programme (EP) alone"; not "ultrasound and exercise versus
# exercise alone", where "alone" is the other arm's
_ALONE_AFTER = re.compile(
    r"^(?:\s*\([^)]*\))?(?:[\s-]+(?!versus\b|vs\b|or\b|and\b|than\b|with\b)[\w-]+){0,2}?\s+"
    r"(?:\([^)]*\)\s+)?(?:alone|on (?:its|their) own|by itself)\b"
)
# "exercise (EX) programme with or without dry needling"; not a later phrase of the sentence
# ("TPI with those of local anesthetic with or without steroid")
_WITH_OR_WITHOUT_AFTER = re.compile(
    r"^(?:\s*\([^)]*\))?(?:[\s,]+(?!with\b)[\w-]+){0,3}?[\s,]+with or without\b"
)
_ADD_TO_BEFORE = re.compile(
    r"\b(?:adds? to|added to|in addition to|on top of|(?:as )?an? adjunct(?:ive)? (?:to|with)|"
    r"adjunct(?:ive)? to|adding\s+(?:[\w-]+\s+){1,3}to)\s+[\w\s-]{0,25}$"
)
_COMPARATOR_BEFORE = re.compile(
    r"\b(?:compared (?:with|to)|versus|vs\.?|against|comparators?|(?:than|exceed(?:s|ed)?|"
    r"surpass(?:es|ed)?) (?:that |those )?(?:seen |found |obtained |achieved |reported )?with|"
    r"(?:same|similar|comparable) (?:extent|degree|effects?|results?|improvements?) (?:as|to))"
    r"\b[^.;]{0,35}$"
)
# "set against other treatments such as exercise and laser": the others a review names
_OTHER_TREATMENTS_BEFORE = re.compile(
    r"\b(?:other|another|alternative|non-[\w-]+)\s+(?:[\w-]+\s+)?(?:treatments?|therap(?:y|ies)|"
    r"interventions?|modalities)\b[^.;]{0,90}$"
)
_BOTH_ARMS_BEFORE = re.compile(
    r"\b(?:both (?:groups|arms)|all (?:patients|participants|subjects|groups)|everyone|"
    r"(?:every|each) (?:patient|participant|subject|group))\b[\w\s]{0,30}?\b(?:the same|also|"
    r"additionally|received|were given|was given|did|had|performed|underwent|completed|followed|"
    r"(?:was|were) asked to do|"
    # "every patient was advised to follow an exercise programme"
    r"(?:was|were) (?:\w+ )?(?:advised|instructed|told|encouraged|asked|taught) to (?:follow|do|"
    r"perform|continue|carry out|keep up|undertake|practi[sc]e|start))\b[\w\s-]{0,40}$"
)
# every arm's list of extras ("both groups were given therapeutic ultrasound, hot packs and
# exercise"), up to a word that sets one arm against another
_BOTH_ARMS_LIST_BEFORE = re.compile(
    r"\b(?:both (?:groups|arms)|all (?:patients|participants|subjects|groups)|everyone|"
    r"(?:every|each) (?:patient|participant|subject|group))\b[\w\s]{0,30}?\b(?:also |"
    r"additionally )?(?:received|were given|was given|had|underwent)\b"
    r"(?:(?!\b(?:whereas|while|but|versus|vs|than|compared|or|only|except)\b)[\w\s,-]){0,70},"
    r"(?:(?!\b(?:whereas|while|but|versus|vs|than|compared|or|only|except)\b)[\w\s-]){0,40}$"
)
# the base programme a treatment is added to, named by its parts ("dry needling added to a
# standard physical therapy programme of exercise and manual therapy")
_ADDED_TO_PROGRAMME_BEFORE = re.compile(
    r"\b(?:adds? to|added to|in addition to|on top of|adjunct(?:ive)? to)\s+(?:an? |the |their |"
    r"usual |standard )*(?:[\w-]+\s+){0,4}?(?:programmes?|programs?|regimens?|protocols?|"
    r"packages?|course|care|physiotherapy|rehabilitation)\s+(?:of|consisting of|comprising|"
    r"including|that included|with)\s+[\w\s,-]{0,40}$"
)
# exercises taught or given besides the treatment the record is about, after it or as a home
# programme ("after the injection, patients were taught pelvic floor exercises"; "she was
# treated with dry needling ..., and was given a home programme of core exercises"): a part
# of that one protocol
_TAUGHT_BESIDES_BEFORE = re.compile(
    r"\b(?:after|following|at the end of)\s+(?:the |each |every |their )?(?:[\w-]+\s+){0,3}?"
    r"(?:injections?|needling|sessions?|treatments?|procedures?|release|therapy),?\s+(?:the\s+)?"
    r"(?:patients|participants|subjects|women|men|they|she|he)\s+(?:were|was)\s+(?:also\s+)?"
    r"(?:taught|shown|given|prescribed|instructed in)\s+(?:an?\s+)?(?:[\w-]+\s+){0,6}$|"
    # (a home programme only: one arm "received dry needling and was given a stretching
    # programme" is a combined treatment, both of whose parts are studied)
    r"\b(?:treated with|received|underwent)\s[^.;]{5,160}?,?\s+and\s+(?:were|was)\s+(?:also\s+)?"
    r"(?:taught|shown|given|prescribed|instructed in)\s+(?:an?\s+)?home\s+(?:[\w-]+\s+){0,5}$"
)
_TAUGHT_WORDS = ("taught", "shown", "given", "prescribed", "instructed")
# "sham ultrasound with exercise": what the sham arm also had, so every arm had it
# "exercise therapy was given to all participants": what every arm had, named first
_ALL_ARMS_AFTER = re.compile(
    r"^\s*(?:\([^)]*\)\s*)?(?:was|were) (?:also )?(?:given|provided|prescribed|delivered|offered|"
    r"applied|performed) (?:to|for|by|in) (?:all|both|(?:every|each) (?:[\w-]+ )?(?:patient|"
    r"participant|subject|group|arm|volunteer|person|individual))\b"
)
# what people were told to go on doing ("patients were told to keep up their exercise
# programmes at home", "participants continued their usual stretching"): held the same in
# every arm, not a treatment the record studies
_KEPT_UP_BEFORE = re.compile(
    r"\b(?:(?:was|were) (?:\w+ )?(?:advised|instructed|told|encouraged|asked|reminded) to "
    r"(?:keep up|continue|maintain|carry on(?: with)?|go on with)|(?:continued|kept up|"
    r"maintained|carried on with))\s+(?:(?:their|his|her|the|any|usual|regular|normal|own|"
    r"daily|current|home|existing|habitual|previous|prior)\s+){0,3}$"
)
_KEPT_UP_WORDS = ("keep up", "continu", "maintain", "carr", "go on", "kept up")
_SHAM_ARM_ADDED_BEFORE = re.compile(
    r"\b(?:sham|placebo)\s+(?:[\w-]+\s+){1,2}(?:with|plus|and|combined with|together with)\s+"
    r"(?:[\w-]+\s+)?$"
)
_ACCOMPANYING_BEFORE = re.compile(
    r"\b(?:accompanying|concomitant|co-?interventions? of)\s+[\w-]*\s*$"
)
_USUAL_CARE_PAREN = re.compile(r"\b(?:usual|standard|conventional|routine)\b[\w\s-]{0,25}\([^)]*$")


# Words that each cue of a rule holds, found by cheap substring tests: where none of them
# is, the rule's regex cannot match, and is not run.
_EXCLUSION_WORDS = ("without", "absence of", "free ", "rul", "exclu", "other than", "no ")
_LIST_WORDS = ("exclu", "eligible")
_AS_OUTCOME_WORDS = ("develop", "incidence", "occurrence", "onset", "new cases")
_NOT_STUDIED_WORDS = ("covered", "reimbursed", "indication")
_SHAM_WORDS = ("sham", "placebo", "detuned", "inactive", "switched", "simulated", "mock")
_FAILED_WORDS = (" failed", " not helped", " not worked")
_PRIOR_WORDS = ("resist", "refractory", "despite", "fail", "unresponsive", "previous", "contra")
_ADD_WORDS = ("add", "on top", "adjunct")
_BOTH_WORDS = ("both", "all ", "every", "each ")
_ACCOMPANYING_WORDS = ("accompan", "concomit", "co-interv", "cointerv")
_OTHER_WORDS = ("other", "alternative", "non-")


def _cue_in_scope(cues: re.Pattern[str], before: str, max_words: int) -> bool:
    """Whether the last cue of ``before`` reaches its end: few words, no breaker between."""
    last = None
    for last in cues.finditer(before):  # noqa: B007 - the last one is wanted
        pass
    if last is None:
        return False
    gap = before[last.end() :]
    return (
        len(gap.split()) <= max_words
        and not _SCOPE_BREAK.search(gap)
        and ";" not in gap
        and ":" not in gap
    )


def _list_in_scope(before: str) -> bool:
    """Whether a cue that opens a list of exclusions reaches the end of ``before``: up to 30
    words on, with no scope breaker or semicolon between (a colon is the list's own)."""
    last = None
    for last in _EXCLUSION_LIST.finditer(before):  # noqa: B007 - the last one is wanted
        pass
    if last is None:
        return False
    gap = before[last.end() :]
    return len(gap.split()) <= 30 and not _SCOPE_BREAK.search(gap) and ";" not in gap


def is_negated(sentence: str, start: int, end: int) -> bool:
    """Whether the words at ``start:end`` of a lower-cased sentence are negated."""
    if _cue_in_scope(_PRE_NEGATION, sentence[max(0, start - 100) : start], 12):
        return True
    return _POST_NEGATION.search(sentence[end : end + 80]) is not None


def is_hypothetical(sentence: str, start: int) -> bool:
    """Whether the words at ``start`` of a lower-cased sentence are a risk, not an event."""
    return _cue_in_scope(_HYPOTHETICAL, sentence[max(0, start - 60) : start], 6)


def is_not_studied_condition(sentence: str, start: int, end: int) -> bool:
    """An exclusion criterion ("without radiculopathy", "radiculopathy was excluded") or a
    covered indication ("covered ... for chronic low back pain")."""
    # cheap substring tests first: these run for every condition mention of every record
    before = sentence[max(0, start - 80) : start]
    if _has_any(before, _EXCLUSION_WORDS) and _cue_in_scope(_PRE_EXCLUSION, before, 8):
        return True
    wide = sentence[max(0, start - 200) : start]
    if _has_any(wide, _LIST_WORDS) and _list_in_scope(wide):
        return True
    if _has_any(before, _NOT_STUDIED_WORDS) and _NOT_STUDIED.search(before):
        return True
    return _POST_EXCLUSION.search(sentence[end : end + 80]) is not None


def is_condition_outcome(sentence: str, start: int) -> bool:
    """A condition the record counts as an outcome ("the incidence of postherpetic
    neuralgia", "how many develop PHN"), not the one its participants have. Not for adverse
    events, whose incidence is how they are reported."""
    before = sentence[max(0, start - 60) : start]
    return _has_any(before, _AS_OUTCOME_WORDS) and _AS_OUTCOME.search(before) is not None


# "the Shoulder Pain and Disability Index", "the Fibromyalgia Impact Questionnaire", "a neck
# pain intensity scale": a condition's words that name a measuring instrument
_INSTRUMENT_AFTER = re.compile(
    r"^(?:\s+and)?(?:\s+(?:disability|function(?:al)?|impact|rating|intensity|severity|specific|"
    r"outcome|status|symptoms?|quality of life))*\s+(?:index|questionnaire|scale|score|inventory|"
    r"evaluation|assessment|test|subscales?|domains?)\b"
)
_INSTRUMENT_WORDS = (
    "index",
    "questionnaire",
    "scale",
    "score",
    "inventory",
    "evaluation",
    "assess",
    "test",
    "domain",
)


def is_instrument(sentence: str, end: int) -> bool:
    """A condition's words that are part of an instrument's name ("the Shoulder Pain and
    Disability Index (SPADI)"): an outcome measure, not who was studied."""
    after = sentence[end : end + 60]
    return _has_any(after, _INSTRUMENT_WORDS) and _INSTRUMENT_AFTER.search(after) is not None


# what a review left out ("we excluded studies of traditional Chinese medicine acupuncture",
# "trials using electroacupuncture were excluded"): not a subject of the review
_EXCLUDED_STUDIES_BEFORE = re.compile(
    r"\b(?:excluded|excluding|exclusion of|did not include|not included|left out)\s+(?:all\s+)?"
    r"(?:studies|trials|reports|articles|papers|publications)\s+(?:of|on|about|using|that used|"
    r"with|testing|evaluating)\s+(?:[\w-]+\s+){0,4}$"
)
_EXCLUDED_STUDIES_AFTER = re.compile(
    r"^(?:\s*\([^)]*\))?(?:\s+[\w-]+){0,3}?\s+(?:was|were)\s+(?:also\s+)?(?:excluded|not "
    r"included|left out)\b"
)
_STUDIES_OF_BEFORE = re.compile(
    r"\b(?:studies|trials|reports)\s+(?:of|on|using)\s+(?:[\w-]+\s+){0,2}$"
)
_EXCLUDED_WORDS = ("exclu", "not include", "left out")


def _excluded_from_review(sentence: str, start: int, end: int) -> bool:
    """Studies of the treatment that a review says it excluded."""
    before = sentence[max(0, start - 90) : start]
    if _has_any(before, _EXCLUDED_WORDS) and _EXCLUDED_STUDIES_BEFORE.search(before):
        return True
    head = sentence[max(0, start - 30) : start]
    after = sentence[end : end + 60]
    return bool(
        _has_any(after, _EXCLUDED_WORDS)
        and _STUDIES_OF_BEFORE.search(head)
        and _EXCLUDED_STUDIES_AFTER.search(after)
    )


def is_not_studied_intervention(sentence: str, start: int, end: int) -> bool:
    """A sham or placebo arm ("detuned ultrasound"), an earlier failed treatment ("resistant
    to eccentric exercise", "massage and ultrasound have failed"), a contraindication that
    excludes people ("a contraindication to manual therapy") or the induction of an animal
    model ("... to produce")."""
    # cheap substring tests first: these run for every intervention mention of every record
    before = sentence[max(0, start - 40) : start]
    prior = sentence[max(0, start - 70) : start]
    after = sentence[end : end + 60]
    wide = sentence[end : end + 140]
    return bool(
        (_has_any(before, _SHAM_WORDS) and _SHAM.search(before))
        or (_has_any(after, _SHAM_WORDS) and _SHAM_AFTER.search(after))
        or (_has_any(prior, _PRIOR_WORDS) and _PRIOR.search(prior))
        or (_has_any(wide, _FAILED_WORDS) and _PRIOR_AFTER.search(wide))
        or ("report" in before and _REPORTED_BEFORE.search(sentence[max(0, start - 70) : start]))
        or (" to " in after and _INDUCTION.search(after))
        or _excluded_from_review(sentence, start, end)
    )


def is_comparator(sentence: str, start: int, *, other_only: bool = False) -> bool:
    """Named after "compared with", "versus" or "against", or in a list of "other
    treatments" (a review's comparator arms); ``other_only``: only the latter (a
    guideline, which recommends "against" what it studies)."""
    if not other_only and _COMPARATOR_BEFORE.search(sentence[max(0, start - 50) : start]):
        return True
    before = sentence[max(0, start - 120) : start]
    return _has_any(before, _OTHER_WORDS) and _OTHER_TREATMENTS_BEFORE.search(before) is not None


# "Invasive treatments are widely used, for example dry needling": one of the treatments in
# general that a record names, not necessarily one it studies
_EXAMPLE_BEFORE = re.compile(
    r"\b(?:treatments?|therap(?:y|ies)|interventions?|modalities|options|techniques|approaches|"
    r"procedures)\b[^.;:]{0,40}?(?:\bsuch as|\bfor example|\bfor instance|\be\.g\.|\bincluding|"
    r"\blike)[,\s]+(?:[\w-]+(?:,\s*|\s+|\s+(?:or|and)\s+)){0,8}$"
)
_EXAMPLE_WORDS = ("such as", "for example", "for instance", "e.g.", "including", " like ")
# "we describe manual techniques such as ischemic compression": the record's own subject
_OWN = re.compile(r"\b(?:we|our|this (?:study|review|trial|paper|article|report))\b")


# "we also consider other needle procedures, such as acupuncture and electromyography": the
# examples are set apart from the record's subject even in a sentence about what it does
_OTHER_EXAMPLE_BEFORE = re.compile(
    r"\b(?:other|another|related|similar|alternative)\s+(?:[\w-]+\s+){0,2}?(?:treatments?|"
    r"therap(?:y|ies)|interventions?|modalities|techniques|approaches|procedures)\b[^.;:]{0,40}?"
    r"(?:\bsuch as|\bfor example|\bfor instance|\be\.g\.|\bincluding|\blike)[,\s]+"
    r"(?:[\w-]+(?:,\s*|\s+|\s+(?:or|and)\s+)){0,8}$"
)


# "chronic pain conditions such as fibromyalgia and migraine": conditions given as examples
# of a class, in a sentence about conditions in general
_CONDITION_EXAMPLE_BEFORE = re.compile(
    r"\b(?:conditions?|disorders?|diseases?|syndromes?|diagnoses|states|complaints|problems|"
    r"entities|pathologies)\b[^.;:]{0,40}?(?:\bsuch as|\bfor example|\bfor instance|\be\.g\.|"
    r"\bincluding|\blike)[,\s]+(?:[\w-]+(?:,\s*|\s+|\s+(?:or|and)\s+)){0,8}$"
)
# words of a sentence about the record's own participants: there the examples are who took part
_PARTICIPANTS = re.compile(
    r"\b(?:patients|participants|subjects|volunteers|adults|women|men|people|individuals|"
    r"included|enrolled|recruited|randomi[sz]ed|allocated|assigned|treated|eligible)\b"
)


def is_condition_example(sentence: str, start: int) -> bool:
    """A condition named as an example of conditions in general ("chronic pain conditions
    such as fibromyalgia often coexist with trigger points"), in a sentence that says nothing
    of the record's own study or participants."""
    before = sentence[max(0, start - 140) : start]
    if not _has_any(before, _EXAMPLE_WORDS) or _CONDITION_EXAMPLE_BEFORE.search(before) is None:
        return False
    return _OWN.search(sentence) is None and _PARTICIPANTS.search(sentence) is None


# A conclusion that looks past the record's own population: "future trials should test it in
# fibromyalgia", "it may also prove useful in tension-type headache", "the results could be
# extended to neck pain"
_EXTENSION_BEFORE = re.compile(
    r"\b(?:future|further|larger|additional) (?:[\w-]+ )?(?:trials?|studies|research|"
    r"investigations?|work)\b|\bremains? to be (?:seen|studied|tested|shown|established)\b|"
    r"\bshould (?:now |also )?be (?:tested|studied|investigated|explored|evaluated|assessed|"
    r"tried)\b|"
    r"\b(?:may|might|could|can) also\b|\b(?:could|might|may) be (?:tried|tested|explored)\b|"
    # a use the method may one day have: "the procedure could make it possible to detect ...
    # in patients with low back pain"
    r"\b(?:could|might|may) (?:one day |in future |in the future )?(?:make it possible|"
    r"allow|enable|permit)\b|"
    r"\b(?:extend(?:ed)?|generali[sz]ed?|transferred) to\b|\b(?:other|different) (?:populations|"
    r"conditions|disorders|diagnoses)\b"
)
_EXTENSION_WORDS = (
    "future",
    "further",
    "larger",
    "additional",
    "remain",
    "should",
    "also",
    "be tried",
    "be tested",
    "be explored",
    "extend",
    "generali",
    "transferred",
    "other ",
    "different ",
    "make it possible",
    "allow",
    "enable",
    "permit",
)


# "its value in radiculopathy remains to be studied": the open question named after it
_EXTENSION_AFTER = re.compile(
    r"^[^.;:]{0,40}?\b(?:remains? (?:to be (?:seen|studied|tested|shown|established)|unknown|"
    r"unclear|untested|uncertain|open)|(?:is|are) "
    r"(?:still )?(?:unknown|unclear|untested|not known)|(?:may|might|could) (?:further|also) "
    r"(?:help|improve|add|benefit)|needs? (?:further |more )?(?:study|"
    r"research|investigation)|warrants? (?:further |more )?(?:study|research|investigation))\b"
)


def is_extension(sentence: str, start: int, end: int) -> bool:
    """A condition a conclusion names beyond its own population: the subject of future
    research ("larger trials should test it in fibromyalgia", "its value in radiculopathy
    remains to be studied") or an extension ("it may also help in tension-type headache")."""
    before = sentence[max(0, start - 140) : start]
    if _has_any(before, _EXTENSION_WORDS) and _cue_in_scope(_EXTENSION_BEFORE, before, 16):
        return True
    after = sentence[end : end + 100]
    return _has_any(after, _OPEN_WORDS) and _EXTENSION_AFTER.search(after) is not None


_OPEN_WORDS = (
    "remain",
    "unknown",
    "unclear",
    "untested",
    "not known",
    "need",
    "warrant",
    "further",
    "also",
)


def is_example(sentence: str, start: int) -> bool:
    """Named as an example of treatments in general ("treatments such as dry needling"), in
    a sentence that does not say what the record itself does, or as an example of "other"
    treatments, wherever it is."""
    before = sentence[max(0, start - 140) : start]
    if not _has_any(before, _EXAMPLE_WORDS) or _EXAMPLE_BEFORE.search(before) is None:
        return False
    return _OWN.search(sentence) is None or _OTHER_EXAMPLE_BEFORE.search(before) is not None


def is_co_intervention(sentence: str, start: int, end: int) -> bool:
    """A treatment every arm received: "exercise alone", "exercise with or without dry
    needling", "added to manual therapy", "usual physiotherapy (exercise, massage)",
    "exercise was given to all participants", "told to keep up their exercises"."""
    before = sentence[max(0, start - 60) : start]
    wide = sentence[max(0, start - 100) : start]
    after = sentence[end : end + 80]
    near = sentence[max(0, start - 60) : start]
    return bool(
        (("alone" in after or " own" in after or "itself" in after) and _ALONE_AFTER.search(after))
        or ("without" in after and _WITH_OR_WITHOUT_AFTER.search(after))
        or (_has_any(before, _ADD_WORDS) and _ADD_TO_BEFORE.search(before))
        or ("(" in before and _USUAL_CARE_PAREN.search(wide))
        or (_has_any(wide, _BOTH_WORDS) and _BOTH_ARMS_BEFORE.search(wide))
        or (_has_any(after, _BOTH_WORDS) and _ALL_ARMS_AFTER.search(after))
        or (_has_any(before, _SHAM_WORDS) and _SHAM_ARM_ADDED_BEFORE.search(before))
        or (_has_any(before, _ACCOMPANYING_WORDS) and _ACCOMPANYING_BEFORE.search(before))
        or (_has_any(before, _KEPT_UP_WORDS) and _KEPT_UP_BEFORE.search(before))
        or (_has_any(wide, _BOTH_WORDS) and "," in wide and _BOTH_ARMS_LIST_BEFORE.search(wide))
        or (_has_any(wide, _ADD_WORDS) and _ADDED_TO_PROGRAMME_BEFORE.search(wide))
        or (
            _has_any(near, _TAUGHT_WORDS)
            and _TAUGHT_BESIDES_BEFORE.search(sentence[max(0, start - 260) : start])
        )
    )


def _has_any(text: str, words: tuple[str, ...]) -> bool:
    for word in words:  # noqa: SIM110 - runs for every mention; a generator costs more
        if word in text:
            return True
    return False
