"""Drafting stage, rules: the cue words that decide whether a statement is a claim, and of
which kind and assertion. Pure regexes over lower-cased text; no I/O.

A sentence may make claims of several kinds ("X is a form of massage which eases the pain
of a herniated disc": a definition and an effectiveness claim). Statements are left out,
in the drafter's order, as a heading, a question, marketing, advice (an instruction, also
after an opening phrase), self-care, what the care team will do, a contraindication, an
indirect question or open matter (or a claim hedged both ways), a statement about nothing
in the vocabulary, and a statement with no cue. The lay words for vocabulary terms ("pain
where the needle went in", "chronic muscle pain", "a collapsed lung") are data, in
`data/drafting/lay-terms.yaml` (`evidence.drafting.lay_terms`); `BODY_PAIN` finds the parts
of "pain in the back, neck or legs" that its `body_parts` name. The cues name classes
of wording rather than one page's phrases: a list under "Benefits" or "How does it work?"
takes its kind from there ("- Less pain", "- More blood flow"), a clinic's own voice ("At
our clinic, ...") does not make a claim marketing unless it calls the reader to act.
"""

from __future__ import annotations

import re

__all__ = [
    "ADVICE",
    "ADVICE_START",
    "AE_CUE",
    "AE_EXAMPLES",
    "AFTER_GIVEN",
    "AGENT_DESCRIPTION",
    "ALLOWED_ACT",
    "ANSWER",
    "ASKED",
    "BARE_PRONOUN",
    "BENEFIT_CONTEXT",
    "BENEFIT_ITEM",
    "BENEFIT_OBJECT",
    "BODY_PAIN",
    "CALL_TO_ACTION",
    "CARE_PROCESS",
    "CAUSAL",
    "COMPARISON",
    "CONDITION_LIST",
    "CONTRAINDICATION",
    "COVERAGE",
    "COVERAGE_ACT",
    "DEFINITION_ACT",
    "DEFINITION_AGENT",
    "DEFINITION_CONTENT",
    "DEFINITION_CONTEXT",
    "DEFINITION_REFERENCE",
    "DEFINITION_START",
    "DEFINITION_VERB",
    "EARLIER_TREATMENTS",
    "EASED",
    "EFFECT",
    "EFFECT_STRONG",
    "EVIDENCE_AGAINST",
    "FELT",
    "FIRST_VERB",
    "FUNCTION",
    "GLOSS_OF_CONDITION",
    "GUIDANCE",
    "HARM_LIST",
    "HEALING",
    "INDICATION",
    "KIND_OF",
    "LINKED_RESPONSE",
    "MARKETING",
    "MECHANISM",
    "MECHANISM_CONTEXT",
    "NEGATED_HARM",
    "NEGATION",
    "NOT_COVERED",
    "NOT_FOR",
    "OTHER_TREATMENT",
    "PAYER",
    "PERSON_OR_TOOL_AFTER",
    "PLACE_AFTER",
    "PRIOR",
    "PRIOR_FAILURE",
    "PRONOUN",
    "PURPOSE",
    "QUESTION_START",
    "REFERENCE",
    "REFERENCE_NOUN",
    "REFERENCE_SUBJECT",
    "SAFETY",
    "SAFE_FOR",
    "SELF_CARE",
    "SENSATION",
    "SET_ASIDE",
    "SOMETIMES_FAILS",
    "SUBJECT_LEAD",
    "TARGET_ANAPHOR",
    "TARGET_GLOSS",
    "TARGET_PRONOUN",
    "TARGET_WORDS",
    "TRAINED_SAFELY",
    "TREATMENT_LIST",
    "UNDECIDED",
    "UNSAFE",
    "USED_TO",
    "WARNING_LEAD",
    "WHILE_GIVEN",
    "WHO_WHERE",
    "WITH_CARE",
]


def _rx(body: str, flags: int = 0) -> re.Pattern[str]:
    return re.compile(body, flags)


# -- what a statement is about ------------------------------------------------------------
# "it", "this therapy", "the treatment": the intervention named last
PRONOUN = _rx(
    # "This creates a deep effect", "This helps them sleep": the treatment just described
    r"^(?:this|these) (?:\w+ly )?(?:creates?|helps?|allows?|makes?|reduces?|relieves?|eases?|"
    r"improves?|increases?|causes?|triggers?|stimulates?|promotes?|releases?|boosts?|"
    r"encourages?|lets?|works?)\b|"
    r"\b(?:it|its|this|these|they|the)\s+(?:form of (?:therapy|treatment)|therapy|therapies|"
    r"treatments?|techniques?|methods?|procedures?|approach|modality)\b|^(?:it|they)\b|"
    r"\bit (?:can|may|might|could|is|also|helps?|works?|does|has|will|reduces?|relieves?|"
    r"eases?|improves?|causes?)\b|\b(?:after|during) (?:a|the|each|your) (?:session|treatment)\b"
)
# a statement naming no intervention that still speaks of the treatment in hand: "the
# injection", "these shots", "its side effects", "the relief", "complications", a named harm
REFERENCE = _rx(
    r"\b(?:it|its|they|their|them)\b|\b(?:the|this|these|that|those|each|one|such|your|an?)\s+"
    r"(?:\w+\s+)?(?:injections?|shots?|needles?|needling|procedures?|sessions?|treatments?|"
    r"therapy|therapies|techniques?|methods?|approach|modality|relief|response|twitch|"
    r"stud(?:y|ies)|trials?|waves?|pulses?|current|evidence|research|tape|cups?|device|"
    r"unit|machine|pads?|light|laser|beams?|suction|vacuum|impulses?|electrodes?|wand|effects|"
    r"applicator|probe|energy|taping|cupping)\b|"
    r"\b(?:after|following|during|per|between|over) (?:\w+\s+){0,4}?(?:sessions|treatments|"
    r"injections|shots)\b|\b(?:days|weeks|months|course|years) of (?:regular |weekly )?"
    r"(?:treatment|therapy|sessions)\b|\b(?:stud(?:y|ies)|trials|research) (?:in|of|on|into|for)\b|"
    r"\b(?:side[ -]effects?|adverse effects?|complications?|risks?)\b"
)
# what may come before the subject of a sentence: an opening phrase with its comma, an
# adverb, an article ("In myofascial pain, trigger points ...", "Sometimes a trigger point")
SUBJECT_LEAD = _rx(
    r"(?:(?:in|with|for|left alone|over time|untreated|when \w+)\b[^,]{0,40},\s*)?"
    r"(?:(?:sometimes|often|usually|also|even)\s+)?"
    r"(?:(?:a|an|the|these|those|such|most|many|some|each|active|latent)\s+)?"
    r"(?:myofascial\s+)?"
)
# a sentence that opens with an indirect question ("How dry needling works is ...",
# "Whether it helps is unclear") or says the matter is open asserts nothing checkable
UNDECIDED = _rx(
    r"^(?:(?:[^,]{0,20},\s*)?(?:how|whether|why)|which) (?!(?:it|they) (?:is|are)\b)|"
    # "no one knows yet whether it helps early on"
    r"\b(?:no one|nobody|no-one) (?:yet )?knows\b|\bremains to be seen\b|"
    # "so nobody can say how big the benefit is", "it is hard to say"; "function showed only a
    # trend toward improvement" (neither a gain nor its absence)
    # "some trials show a modest benefit, others show none": mixed
    r"\bsome (?:[\w-]+ ){0,3}?(?:show|shows|showed|find|found|report|reported|suggest|"
    r"suggested)\b[^.;]{0,80}?\bothers? (?:[\w-]+ )?(?:show|find|found|report|reported|suggest|"
    r"don't|do not|did not|didn't|none|no)\b|"
    r"\b(?:no one|nobody|no-one) can (?:yet )?(?:say|tell)\b|\b(?:hard|impossible|too early) to "
    r"(?:say|tell)\b|\bonly (?:a|some) (?:trend|hint|suggestion)s?\b|"
    # an open matter in other words ("the jury is still out", "it is early days for it",
    # "more research is needed before it can be recommended")
    r"\bjury is (?:still )?out\b|\bremains? an open question\b|\b(?:it is|it's) (?:still )?"
    r"early days\b|\btime will tell\b|\bbefore (?:[\w-]+ ){0,4}?can be (?:recommended|advised|"
    r"endorsed)\b|"
    # a claim the writer declines to make ("I'd love to tell you it cures migraines, but I
    # can't", "I wish I could say it works for everyone")
    r"\b(?:i|we)(?:'d| would) (?:love|like) to (?:say|tell|promise|claim|report|believe)\b"
    r"[^.]*\bbut\b|\b(?:i|we) wish (?:i|we) could (?:say|tell|promise|claim|report)\b|"
    # a question told as asked ("people ask me whether insurance pays", "clients wonder if
    # it helps")
    r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|want to know|wants to know)"
    r" (?:[\w']+ ){0,4}?(?:whether|if)\b|"
    # ("What the therapist looks for is a twitch": a statement put the other way round)
    r"^(?:[^,]{0,20},\s*)?what (?!(?:it|they) (?:is|are)\b)"
    # ("What I can tell you is that it helps": a statement put the other way round)
    r"(?![^.;,]{0,40}? (?:is|was) that\b)(?![^.;]{3,80}? (?:is|are|was) "
    r"(?:an?|the) (?!matter|question|subject)\w)|"
    # "If the shots don't help, ...": what happens then, not whether they help
    r"^if (?:the |these |this |it |they |that )[^,]{0,50}\b(?:don't|doesn't|do not|does not|"
    r"fail\w*|stop\w*) (?:to )?(?:help|work)\b|"
    r"\b(?:is|are|remains?) still being (?:studied|investigated|researched|tested|debated|"
    r"explored)|"
    # "Coverage varies from state to state": no direction to check
    r"^(?:[^,]{0,20},\s*)?(?:insurance )?(?:coverage|cover|costs?|prices?) (?:for [^,]{1,30} )?"
    r"(?:also )?(?:varies|vary|differs?|depends)\b|"
    # ("When performed by a trained therapist, it is safe": a condition, then the claim)
    # ("When heel pain does not get better with rest, people turn to it": a failure first)
    r"^when (?!(?:it|they) (?:is|are)\b)(?![^,]{0,80}\b(?:not|n't|fails?|failed)\b[^,]*,)"
    r"(?!(?:\w+ly )?(?:performed|done|given|used|"
    r"administered|applied|delivered|carried out|provided)\b[^,]*,)"
    # ("When a steroid is added, the skin can ...": what is done, then the claim)
    r"(?![^,]{0,40}\b(?:is|are) (?:\w+ly )?(?:performed|done|given|used|administered|applied|"
    r"delivered|provided|added|injected|included|mixed in)\b[^,]*,)"
    # ("When needling was compared with other treatments, it did not ...": a trial's arm)
    r"(?![^,]{0,60}\b(?:was|were) (?:\w+ly )?(?:compared|tested|studied|measured|combined|"
    r"added|paired|pitted|set against)\b[^,]*,)"
    r"(?![^.;]{0,60}?\b(?:gives?|performs?|does|administers?|applies|delivers?|uses?|provides?) "
    r"(?:it|them|the (?:\w+ )?(?:treatment|therapy|procedure|injections?|needles?))\b[^,]*,)"
    # ("When you press on it, it sends pain into the arm": what a trigger point does)
    r"(?![^.;]{0,80},\s*(?:it|they) (?:\w+ )?(?:sends?|refers?|spreads?|radiates?|causes?|"
    r"makes?|gives?)\b)|"
    r"\b(?:(?:some|much|a lot of|ongoing) debate|(?:is|are|remains?) (?:still )?(?:unclear|"
    r"unknown|debated|controversial|mixed)|mixed (?:results|evidence|findings)|"
    r"not (?:yet )?(?:fully |well )?(?:known|understood)|"
    # "results vary from person to person", "it is not a cure": no direction to check
    r"results? (?:may |can |will |often )?vary|"
    # ("I would not call it a cure", "nobody should see it as a miracle")
    r"(?:(?:not|n't|never|nobody|no one) (?:\w+ )?(?:call|calls|consider|considers|see|sees|"
    r"describe|describes|think of) (?:[\w-]+ ){1,3}?(?:as )?an?|(?:is|are) not an?) (?:cure|"
    r"miracle|magic|"
    r"quick fix|cure-all))\b|"
    # hedged both ways: "relief for some people, but not others"
    # "some trials show it helps, but others find no benefit": the evidence split
    r"\bsome (?:stud(?:y|ies)|trials|reviews|research(?:ers)?)\b[^.]*\b(?:but|while|whereas)\s+"
    r"(?:others|other (?:stud(?:y|ies)|trials|reviews))\b(?! (?:also|agree|confirm))|"
    # "some insurance policies cover it, but others don't": payers split
    r"\bsome (?:[\w-]+ ){0,2}?(?:policies|plans|insurers|carriers|payers|funds|companies)\b"
    r"[^.]*\b(?:but|while|whereas)\s+(?:others|other (?:plans|policies|insurers)|not all|many)"
    r"\b(?:(?!\b(?:also|too)\b)[^.])*(?:not|n't|never)\b|"
    r"\bsome (?:people|patients|users|clients)\b[^.]*\b(?:but|while|whereas)\s+(?:not\s+"
    r"(?:for\s+)?others|(?:for\s+)?others\s+(?:\w+\s+){0,3}?(?:not|don't|do not|won't|never))\b"
)
# a question told as asked ("people ask me whether ...", "clients wonder if ...")
ASKED = _rx(
    r"\b(?:ask|asks|asked|asking|wonder|wonders|wondered|wondering|want to know|wants to know)"
    r" (?:[\w']+ ){0,4}?(?:whether|if)\b"
)
# a failure now and then ("sometimes they fail to relieve it", "it does not work for
# everyone", "a few people feel no change"): no claim that it does not work
SOMETIMES_FAILS = _rx(
    r"\b(?:sometimes|occasionally|now and then|at times|in (?:a few|some|rare) cases)\b[^.;]{0,60}?"
    r"\b(?:fail\w* to (?:\w+ )?(?:help|work|relieve|ease|reduce)|(?:do|does|did)(?: not|n't) "
    r"(?:\w+ )?(?:help|work|relieve|ease))|"
    r"\b(?:(?:do|does)(?: not|n't) work|(?:is|are)(?: not|n't) (?:right|suitable)?\s?|won't work)"
    r" for everyone\b|\bnot (?:for )?everyone (?:responds|benefits|gets relief)\b"
)
# the treatment's effect on the tissue, linked with an outcome ("This twitch is linked with
# the muscle letting go and with less pain"): how it works, not what it achieves
LINKED_RESPONSE = _rx(
    r"^(?:this|the|that|such an?|a|its) (?:[\w-]+ )?(?:twitch(?: response)?|response|reaction|"
    r"contraction|release)\b[^.;]{0,30}?\b(?:is|are|was|were|seems?|appears?) (?:\w+ )?(?:to be )?"
    r"(?:linked|associated|tied|connected|related|correlated) (?:with|to)\b"
)
# what precedes what you feel while it is done ("you may feel the needle go in", "you
# will notice the needles slide through")
FELT = _rx(r"\b(?:feel|feels|felt|notice|notices|sense|senses)\s+(?:the |a |each )?$")
# a lead-in line that tells the reader when to call or seek help ("Call the clinic if:",
# "Go to the emergency department right away if you have:"): its items are warning signs
WARNING_LEAD = _rx(
    r"^(?:(?:please|then)\s+)?(?:call|phone|ring|contact|seek|get|go to|see|tell)\b[^:]{0,120}?"
    r"\b(?:if|when|should)\b[^:]*:?\s*$"
)
# who or where a treatment must not be used: the claim format has no kind for it
CONTRAINDICATION = _rx(
    r"\b(?:should not|shouldn't|must not|should never|must never|cannot|can't) be (?:\w+ )?"
    r"(?:used|applied|given|done|performed|administered|placed|injected)|"
    r"\bnot (?:be )?(?:suitable|recommended|advised|appropriate) for|\bcontraindicat\w+|"
    r"\b(?:should|must) (?:not|never) (?:use|have|receive|get|try|undergo|be treated)\b|"
    r"\b(?:should|must) avoid\b|"
    # "health professionals advise against massage if ..."
    r"\b(?:advises?|advised|warns?|warned|recommends?|recommended|cautions?) against\b"
)
# a heading or lead-in line on whom or where the treatment is not for ("Who should not have
# it?", "We will not use it:"): its items are contraindications
NOT_FOR = _rx(
    r"\b(?:should not|shouldn't|must not|not (?:be )?(?:suitable|recommended|advised|"
    r"appropriate|safe) for|(?:will|would|do|does|can) not (?:use|treat|give|offer|perform|"
    r"apply)|won't (?:use|treat|give|offer)|contraindicat\w+|precautions|not a candidate|"
    r"who (?:should|must|cannot|can't) (?:not )?(?:avoid|have|get|use|receive)|"
    # "Who may not have it?", "Therapists generally avoid ultrasound:", "Some people should
    # skip it", "tell us first if any of these apply to you:"
    r"who (?:may|might|can|could) not (?:have|get|use|receive|try)|"
    r"(?:generally |usually |always |will )?avoid(?:s|ed)? (?:using |giving |applying )?"
    r"(?:it|them|[\w-]+(?: [\w-]+)?)(?:\s+(?:on|in|over|for|near|when|if|during)|(?=\s*:))|"
    r"should (?:skip|avoid|steer clear of)|tell (?:us|your [\w ]{1,20}?) (?:first |before \w+ )?"
    r"if|let (?:us|your [\w ]{1,20}?) know (?:first )?if|if any of (?:these|the following) "
    r"apply)\b"
)
# an answer to the question before it, and the words that make a statement a question
ANSWER = _rx(
    # (after an answer's label, "A: Yes.", and after a short opening: "In my book,
    # absolutely.", "Short answer: yes")
    r"^(?:(?:a|ans|answer|reply)\s*[:.)-]\s*)?"
    r"(?:[a-z' ]{2,40}[,:]\s+(?=(?:yes|no|absolutely|definitely|certainly)\b)|"
    # ("Studies say yes.", "The short answer is no.")
    r"[a-z' ]{2,30}\b(?:say|says|said|is|was|suggests?)\s+(?=(?:yes|no)\b[.!,;]))?"
    # (and in a forum's words: "Yep, ...", "Nope, paid out of pocket")
    r"(yes|no|yep|yup|yeah|nope|nah|sometimes|often|usually|rarely|occasionally|possibly|"
    r"probably|likely|perhaps|"
    r"maybe|generally|mostly|absolutely|definitely|certainly|in many cases|in most cases)\b"
    r"[,.!:;]?\s*"
)
QUESTION_START = _rx(
    r"^(?:can|could|does|do|is|are|will|would|should|may|might|has|have)\s+",
    flags=re.IGNORECASE,
)
# a noun that names the treatment in hand ("the injection", "this procedure")
REFERENCE_NOUN = _rx(
    r"\b(?:the|this|these|that|those|each|one|such|your|an?)\s+(?:\w+\s+)?(?:injections?|"
    r"shots?|needles?|needling|procedures?|sessions?|treatments?|therapy|therapies|"
    r"techniques?|methods?|approach|modality)\b"
)
# a bare pronoun: after a sentence on something outside the vocabulary ("Anti-inflammatory
# drugs can ... They can cause bleeding") it stands for that, not for the treatment
BARE_PRONOUN = _rx(r"^(?:[^,]{0,30},\s*)?(?:it|they|these|this|its|their)\b(?!\s+\w+ment)")
# "recommended for easing pain": the effect word names a purpose
PURPOSE = _rx(
    r"\b(?:recommended (?:for|to)|(?:procedure|treatment|technique|therapy|method|device)s? "
    r"(?:used|designed|meant|intended) to)\s+$"
)
# "; this is a", ", which is a": what follows glosses the condition named before
GLOSS_OF_CONDITION = _rx(
    r"(?:;|,|\()\s*(?:(?:this|which|that|it) (?:is|are) (?:an? |the )?|an? )(?:\w+ )?$"
)
# the first verb of a sentence, roughly: an auxiliary or a common verb of description
FIRST_VERB = _rx(
    r"\b(?:is|are|was|were|can|may|might|will|would|could|does|do|did|has|have|causes?|"
    r"tends?|feels?|becomes?|sends?|shows?|forms?|spreads?|radiates?|refers?|occurs?)\b"
)
# the treatment's target again, in other words, as a sentence's subject ("Such a band can
# form ...", "Left alone, these knots can ...")
TARGET_ANAPHOR = _rx(
    r"^(?:[^,]{0,30},\s*)?(?:these|such|those|this|that|the|each|a|an)\s+(?:\w+\s+)?"
    r"(?:knots?|bands?|spots?|nodules?|lumps?|bumps?|patch(?:es)?)\b"
)
# the treatment's target again as "it", "that" or "what it sends", after the sentence that
# described it, saying what it does ("It can make turning your head painful", "When you
# press on it, it sends pain into the arm", "Sometimes what it sends is a dull ache")
TARGET_PRONOUN = _rx(
    r"^(?:(?:sometimes|often|also|and|but|so|then)\s+)?(?:(?:when|if|once)\b[^,]{0,60},\s*)?"
    r"(?:(?:it|that|this)(?:\s+(?:can|may|might|often|also|then|usually|sometimes|will|just|"
    r"even|in turn))*\s+(?:sends?|makes?|causes?|refers?|spreads?|radiates?|gives?|shows? up|"
    r"stiffens?|tightens?|limits?)|what (?:it|they) (?:sends?|sends out|causes?|feels? like|"
    r"does)\s+(?:is|isn't|is not|are|can be|may be))\b"
)
# what such a treatment works on, named in passing ("pressure on knots in the muscle")
TARGET_WORDS = _rx(r"\b(?:knots?|trigger points?|tight bands?)\b")
# what precedes a name that makes it a comparison, not the subject ("a needle of the kind
# used in acupuncture", "like those used in acupuncture")
KIND_OF = _rx(
    r"(?:(?:kind|type|sort)s? (?:of \w+ )?(?:used |found )?in|used in|like (?:those|the ones|"
    r"that|the one)s? (?:used )?(?:in|for)|similar to (?:those |that )?(?:in |of |used in )?)\s*$"
)
# what precedes a treatment's name used as a verb of what the treatment allows ("so that
# you can stretch and exercise", "which lets patients exercise for longer")
ALLOWED_ACT = _rx(
    r"\b(?:so(?: that)?|lets?|allows?|enables?|helps?|letting|allowing|enabling)\s+(?:you|"
    r"patients|people|them|they|we|one|clients|athletes|runners)\s+(?:can\s+|could\s+|to\s+|"
    r"are able to\s+|(?:\w+ly)\s+)?(?:[a-z]+\s+(?:and|or)\s+)?$"
)
# what follows a name that makes it a person or a tool ("massage therapist", "massage ball",
# "acupuncture school", "24 massage modes"), not the treatment
PERSON_OR_TOOL_AFTER = _rx(
    r"\s+(?:therapists?|practitioners?|students?|schools?|courses?|licen[cs]es?|balls?|guns?|"
    r"chairs?|tables?|beds?|oils?|lotions?|tools?|sticks?|rollers?|modes?|settings?|"
    r"programs?|programmes?|attachments?)\b"
)
# what follows a name that makes it the name of a place or a body ("chiropractic and
# integrative health clinic", "physiotherapy practice", "acupuncture society")
PLACE_AFTER = _rx(
    r"(?:\s+(?:and|&)\s+[\w-]+(?:\s+health)?)?\s+(?:clinics?|practices?|offices?|cent(?:re|er)s?|"
    r"group|department|associations?|society|college|school|board|business|studio|spa)\b"
)
# what follows a name that makes it a tool of another procedure ("ultrasound-guided")
GUIDANCE = _rx(r"[- ]?(?:guided|guidance|imaging|scans?|scanning)\b")
# an opening that sets another treatment aside ("Unlike acupuncture, dry needling ...")
SET_ASIDE = _rx(r"^(?:unlike|like|compared (?:with|to)|as with|as opposed to|besides)\b[^,]*,")
# treatments the vocabulary lacks, as a sentence's subject
OTHER_TREATMENT = _rx(
    r"\b(?:medicines?|medications?|drugs?|pills|painkillers|pain relievers?|relievers|"
    r"methods|remedies|supplements|surgery|surgeries|rest|heat|ice|cold|braces?|splints?|"
    r"orthotics|insoles|yoga|meditation|relaxation|counsel+ing|physical therapy|"
    r"physiotherapy)\b"
)
# a clause on the treatments tried before ("if other treatments have not helped, including
# massage"): the treatments it names are not what the sentence is about
EARLIER_TREATMENTS = _rx(
    r"\b(?:if|when|after|once|unless|where)\s+(?:other|previous|prior|earlier|conservative|"
    r"more conservative|standard|usual|first-line)\s+(?:treatments?|therap\w+|options|measures|"
    r"care|methods|approaches)\b"
)
# a condition named as earlier, failed treatment is not what the claim is about
PRIOR = _rx(
    r"\b(?:did not|didn't|failed to|could not|couldn't)\s+(?:\w+\s+){0,2}$|"
    r"\b(?:previous|prior|despite)\s+(?:\w+\s+){0,3}$"
)

# "who have not found relief from", "whose pain did not improve with": earlier treatments
PRIOR_FAILURE = _rx(
    # "pain that has not improved with pills": a relative clause on the condition
    r"\b(?:that|which) (?:has|have|had)(?: not|n't)\s+(?:\w+\s+){0,3}$|"
    # "when stretching, medication and physical therapy have not brought enough relief"
    r"\b(?:when|if|after|once|where|who|whose)\b[^.;]{0,70}?\b(?:have|has|had|did|do|does)"
    r"(?: not|n't)\s+(?:\w+\s+){0,3}$|"
    r"(?:\b(?:who|whose)\b|\b(?:when|if|after|where|once) (?:other|previous|prior|earlier|"
    r"conservative|more conservative|standard|usual|first-line)\b)[^,.;]{0,25}\b(?:not|never|"
    r"n't|failed to|no longer)\s+(?:\w+\s+){0,2}$"
)
# a harm said not to happen: the negation governs the words just before the harm ("does
# not cause bruising", "no risk of bleeding"), not a word further back ("needles that are
# not sterile carry a risk of infection")
NEGATED_HARM = _rx(
    r"\b(?:no|not|never|without|doesn't|does not|won't|cannot|can't|rarely if ever)\b"
    r"(?:\s+[\w'-]+){0,3}\s*$"
)

# -- reasons to leave a statement out -----------------------------------------------------
MARKETING = _rx(
    r"\b(?:call us|contact us|book (?:an?|your)|schedule (?:an?|your)|make an appointment|"
    r"our (?:clinic|team|practice|therapists|office|staff|experts)|we (?:offer|provide|"
    r"specialize|specialise|are proud|can help|accept|take|bill|work with (?:most|all|many))|"
    r"free (?:consultation|assessment)|sign up|"
    r"subscribe|visit us|special offer|discount|call today|(?:today|now)!)"
)
# a call to the reader to act, which no claim in the sentence redeems ("Call us today")
CALL_TO_ACTION = _rx(
    r"\b(?:call us|contact us|book (?:an?|your)|schedule (?:an?|your)|make an appointment|"
    r"free (?:consultation|assessment)|sign up|subscribe|visit us|special offer|discount|"
    r"call today|(?:today|now)!)"
)
ADVICE_START = _rx(
    # ("If you have chronic pain, ultrasound can help": a condition, then the claim)
    r"^(?:if you\b(?![^.]*,\s*(?!you\b|please\b|call\b|talk\b|ask\b|tell\b|let\b|see\b)"
    r"(?:[\w-]+\s+){1,4}(?:can|may|might|could|is|are|will|helps?|works?|often|usually)\b)|"
    r"you should|please\b|make sure|be sure|ask\b|talk to|consult|contact|call\b|"
    r"avoid|don't|do not|always|never|remember|try\b|it is important that (?:you|patients)|"
    r"it's important that (?:you|patients)|"
    # an instruction: a sentence that opens with a verb telling the reader what to do
    r"(?:bring|put|take|tell|let|keep(?! in mind)|wear|drink|rest|apply|stop|check|follow|wait|"
    r"feel free|stay|report|seek|ice|expect|plan|schedule|remove|discontinue)\b|"
    r"(?:to (?:ease|lower|reduce|avoid|prevent|help|relieve|speed|limit|manage)\b[^,]*,))"
)
ADVICE = _rx(
    r"\b(?:should(?:n't| not)?|avoid|it is important (?:to|that)(?! realize| note| know| "
    r"understand)|it's important to(?! realize| note| know| understand)|seek (?:the )?"
    r"(?:services|advice|help)|consult|talk to your|contact your (?:doctor|physician)|"
    r"make sure|be sure to|wait (?:to|until))\b"
)
# self-care after a session as the subject ("Gentle stretching and light activity can ...",
# "Ice, heat or pain relievers may help")
SELF_CARE = _rx(
    r"^(?:gentle |light |mild |a )?(?:stretching|ice|icing|heat|cold packs?|warm baths?|rest|"
    r"resting|water|hydration|drinking|pain relievers?|painkillers?|over-the-counter|"
    r"non-prescription|medicines?|medications?|ibuprofen|acetaminophen|paracetamol|tylenol|"
    r"advil|activity|walking|movement)\b"
)
# what the care team will do with you ("Your doctor will work with you on a plan")
CARE_PROCESS = _rx(
    r"^(?:your|the) (?:doctor|provider|physician|therapist|clinician|practitioner|care team)s?"
    r" (?:will|can|may|might|would|should) (?:\w+ )?(?:work|help|talk|discuss|decide|"
    r"recommend|tell|ask|explain|plan|check|examine|assess)\b"
)
# how the treatment feels while it is given ("you might notice some discomfort as the wand
# passes over", "a bit sore when you land on a knot", "uncomfortable at the higher power
# settings"): a sensation word with a word for the moment of giving it; the golds leave
# these out (not a harm, not a benefit), unlike soreness after it
SENSATION = _rx(
    r"\b(?:uncomfortable|discomfort|sting|stings|stinging|hurts?|hurting|ache|aching|achy|"
    r"cramp|cramps|cramping|twinges?|pricks?|prickling|pinch|pinches|pinching|tingl\w*|"
    r"heaviness|"
    # (not a sore or painful place: "holds a wand over the painful spot")
    r"(?:sore|painful)(?! (?:[\w-]+ )?(?:spots?|areas?|points?|muscles?|joints?|tendons?|"
    r"parts?|places?|tissues?|knots?|regions?|sites?)\b))\b"
)
WHILE_GIVEN = _rx(
    r"\bwhile (?:it|the|your|you|they|we|a|an|this)\b|"
    r"\bduring (?:the |a |each |your )?(?:first |early |opening )?(?:\w+ )?(?:treatment|"
    r"session|procedure|minutes?|pass|application)\b|"
    r"\bas (?:the|a|each|your|it) (?:[\w-]+ ){0,2}?(?:needles?|wand|probe|head|applicator|"
    r"cups?|device|ball|pulses?|waves?|current)? ?(?:goes|go|passes|pass|moves|move|glides|"
    r"glide|enters|enter|comes|come|lifts?|(?:is|are) (?:lifted|moved|pulled)|rolls?|"
    r"slides?|works?)\b|"
    r"\bwhen (?:the|a|your|it|you|they) (?:[\w-]+ ){0,2}?(?:reaches|reach|finds|find|lands?|"
    r"hits?|goes in|enters|rolls? onto|presses|touches|works? on)\b|"
    r"\bat (?:the )?(?:higher|stronger|high|strong|highest|strongest|more intense) "
    r"(?:power |energy |intensity |suction )?(?:settings?|levels?|intensit(?:y|ies)|doses?)\b|"
    r"\bthe treatment itself\b"
)
# ... but not soreness that comes after it or lasts ("sore for a day or two after")
AFTER_GIVEN = _rx(
    r"\b(?:after|afterwards?|afterward|later|the next day|the day after|following|"
    r"for (?:a|one|two|three|\d+) (?:\w+ )?(?:days?|hours?))\b"
)
WHO_WHERE = _rx(
    r"\b(?:(?:employed|performed|administered|conducted|done|delivered|provided|given|"
    r"practi[cs]ed|used) by|physical therapists? use|physiotherapists? use|chiropractors?|"
    r"osteopaths?|in (?:their own |an? |the )?(?:offices?|office setting|clinics?|"
    r"facilit(?:y|ies))|at (?:a|the) (?:healthcare |health care )?(?:facility|clinic|office))\b"
)
COMPARISON = _rx(
    r"\b(?:in conjunction with|combined with|in combination with|together with other|"
    r"most effective when|(?:more|less) effective than|better than|worse than|"
    # "is not a substitute for exercise", "a replacement for surgery"
    r"(?:substitute|replacement|stand-in) for|"
    r"compared (?:with|to)|as well as (?:surgery|medication|drugs))\b"
    # against nothing, a sham or a placebo: that is whether it works at all
    r"(?! (?:no |a |an |the )?(?:treatment|sham|placebo|fake|usual care|control|nothing|"
    r"waiting|dummy|pretend|mock|simulated|inactive|imitation|routine care|standard care|"
    r"usual treatment|standard treatment|routine treatment|[\w-]+ (?:care|treatment) alone))"
)

# -- kinds --------------------------------------------------------------------------------
AE_CUE = _rx(
    r"\b(?:result(?:s|ed)? in|cause[sd]?|causing|side[ -]effects?|adverse|risks?|lead to|"
    r"leads to|complications?|reactions?|may include|experience[sd]?|develop|"
    r"trigger(?![ -]points?)|feels?|"
    r"notices?|reports?|reported|occurs?|happens?|potential for|(?:more|less) likely|chance of|"
    r"odds of|"
    # "a deep ache afterwards is common", "bruising is normal": a harm said to be usual
    # (not "is a common add-on for", "is more frequent when")
    r"(?:is|are|was|were) (?:usually |very |quite |fairly |pretty |really |also |perfectly )?"
    r"(?:common|usual|normal|frequent|expected|typical|to be expected)"
    r"(?=\s*(?:[,.;:)]|and\b|but\b|after|afterwards|$)))\b"
)
COVERAGE = _rx(
    r"\b(?:covered|cover(?:s|age)?|insurance|insurers?|reimburs\w*|medicare|medicaid|"
    r"health plans?|out[- ]of[- ]pocket)\b"
)
# what a payer does about the treatment: a coverage claim needs it as well as a payer
# ("Medicare rules have changed" says nothing of what is covered)
COVERAGE_ACT = _rx(
    r"\b(?:covered|cover(?:s|ing|age)?|reimburs\w*|pa(?:y|ys|id|ying) (?:\w+ ){0,3}?for|"
    r"out[- ]of[- ]pocket|(?:in|out of)[- ]network|benefits? (?:for|include)|"
    r"medically (?:necessary|needed)|experimental|investigational|"
    r"bill(?:s|ed|ing)? (?:\w+ )?(?:to )?(?:insurance|insurers?|medicare|your (?:plan|insurer))|"
    r"cash[- ](?:based|pay|only)|self[- ]pay|"
    # ("insurance picked up the tab", "available on the NHS", "out of my own pocket")
    r"pick(?:s|ed|ing)? up the (?:tab|bill|cost)|available (?:on|through|under|from) (?:the )?"
    r"(?:nhs|medicare|medicaid|health service)|out of (?:my|your|their|our|his|her) own pockets?)\b"
)
NOT_COVERED = _rx(
    # (a contraction too: "most plans don't cover it", "insurers won't reimburse it")
    r"(?:\b(?:not|isn't|aren't|rarely|seldom|never|no|few)|n't)\s+(?:\w+\s+){0,3}?(?:covered|"
    r"covers?|reimburs\w*|insurance|medically necessary|available on)\b|"
    r"\bout of (?:my|your|their|our|his|her) own pockets?\b|"
    # "considered experimental by insurers", "usually an out-of-pocket expense"
    r"\b(?:experimental|investigational|unproven|cash[- ](?:based|pay|only)|self[- ]pay|"
    r"not (?:\w+ )?billed)\b|\bout[- ]of[- ]pocket (?:expense|cost|"
    r"payment)|\bpay (?:for it |for them )?(?:yourself|themselves|out of pocket)\b|"
    r"\bexclude[sd]? from (?:coverage|cover)\b|"
    r"(?:\b(?:not|never|rarely|seldom)|n't)\s+(?:\w+\s+){0,2}?pay(?:s|ing)? for\b"
)
# "applied with care to avoid burns": the harm is a risk of the treatment, not one it eases
WITH_CARE = _rx(r"\b(?:care|carefully|caution|cautiously|properly)\b[\w ]{0,15}$")
# "to ease the soreness", "help the bruise fade": a harm something else eases
EASED = _rx(
    r"\b(?:eas(?:e|es|ed|ing)|reliev(?:e|es|ed|ing)|lessen(?:ed)?|reduc(?:e|es|ed|ing)|"
    r"soothed|helped|prevented|treated|managed|(?:use|uses|used) (?:[\w-]+ ){0,2}?for|"
    r"lower(?=s? (?:the|your|"
    r"its|their|any|this|that|such)\b)|prevent|avoid|"
    r"treat|help|soothe|manage)\s+(?:\w+\s+){0,2}$"
)
# who pays: coverage words need a payer ("we cover why ..." is not about insurance)
PAYER = _rx(
    r"\b(?:insurance|insurers?|insured|reimburs\w*|medicare|medicaid|health plans?|"
    r"(?:your|the|my|their|most|many|some|such|these|those|other|private|insurance) plans?|"
    r"copay\w*|nhs|"
    # the other payers: carriers, workers' compensation, accident and veterans' cover,
    # tax-free health accounts, extras cover ("most carriers", "workers' comp pays for it")
    r"(?:insurance |health )?carriers?|workers'? comp(?:ensation)?|tricare|auto (?:insurance|"
    r"policies)|(?:health savings|flexible spending) accounts?|hsa|fsa|extras cover|"
    r"private health (?:cover|insurance|funds?)|health funds?|payers?|"
    # (the one who pays is the patient: "out of my own pocket")
    r"out of (?:my|your|their|our|his|her) own pockets?|"
    # a payer's policy words speak for the payer ("ESWT is not medically necessary for X",
    # "a covered benefit", "needs prior authorization")
    r"medically (?:necessary|needed)|covered (?:benefits?|services?)|benefit plans?|"
    r"(?:prior|pre-?)[- ]?(?:authori[sz]ation|approval))\b"
)
# "a safe way of treating A and B", "a safe option for A": safe for the conditions listed
SAFE_FOR = _rx(
    r"\bsafe(?:,)?\s+(?:and \w+\s+)?(?:way|option|choice|method|means|treatment|"
    r"alternative|approach)\s+(?:of treating|to treat|for treating|for)\b"
)
SAFETY = _rx(
    r"\b(?:safe|safely|safety|low[- ]risk|risk[- ]free|harmless|well tolerated|"
    r"tolerat\w+ (?:\w+ ){0,3}?well|"
    r"(?:low|small|minimal|little) risk of (?:\w+\s+)?(?:complications?|side effects|harm)|"
    # "it carries very little risk", "with next to no risk"
    r"(?:carry|carries|carried|has|have|had|with|poses?) (?:very |extremely )?(?:little|minimal|"
    r"next to no|almost no|hardly any) risk\b(?! of (?:\w+ )?(?:relief|benefit))|"
    r"(?:risk|chance) of (?:\w+\s+)?(?:complications?|side effects|harm) is (?:very )?"
    r"(?:low|small|minimal)|(?:complications?|side effects|adverse (?:effects|events|reactions)|"
    r"(?:the )?risks?|"
    r"(?:serious|major|severe) (?:problems|issues|harms?|reactions))\s+"
    # (in any tense: "side effects were minor", "the harms have been mild")
    r"(?:\w+\s+){0,4}?(?:are|is|were|was|have been|has been|tend to be|tended to be)\s+"
    r"(?:usually\s+|generally\s+|often\s+|typically\s+|"
    r"mostly\s+|all\s+)?(?:very\s+|extremely\s+|fairly\s+|quite\s+)?"
    r"(?:unlikely|rare|uncommon|minimal|minor|mild|temporary|short-lived))\b|"
    r"\b(?:these|such|those|the|its|their) (?:side[ -])?(?:effects|reactions) (?:are|is|were|was) "
    r"(?:usually |generally |often |typically |mostly )?(?:very |fairly |quite )?(?:mild|minor|"
    r"temporary|short-lived|rare)\b|"
    r"\b(?:few|no|minimal|very few|little|low|small|zero|hardly any|barely any|virtually no|"
    r"almost no) (?:serious |major |significant |real |"
    r"known )?(?:side[ -]effects|risks|complications|adverse (?:effects|events)|dangers|harms)\b|"
    # the idioms ("nothing to worry about", "rarely causes any problems", "side effects are
    # few and far between", "about as safe as it gets")
    r"\bnothing (?:much )?to worry about\b|\bno (?:cause|reason) for (?:concern|alarm|worry)\b|"
    r"\b(?:rarely|seldom|almost never|hardly ever) (?:causes?|leads? to|results? in) (?:any )?"
    r"(?:\w+ )?(?:problems|side[ -]effects|complications|harm|issues|trouble)\b|"
    r"\bfew and far between\b|\bas safe as (?:it gets|they come|can be)\b|"
    # "most people have no problems afterwards": what most who have it go through
    r"\b(?:most|many|the majority of) (?:people|patients|clients|users) (?:\w+ )?(?:have|"
    r"get|experience|report|notice) (?:no|few) (?:\w+ )?(?:problems|issues|complications|"
    r"side[ -]effects|ill effects)\b(?! (?:with|walking|moving|doing|when|sleeping|getting))|"
    # a serious harm given a very low rate ("A serious problem: fewer than 1 out of every
    # 10,000 treatments", "serious complications, about 1 in 20,000")
    r"\b(?:serious|major|severe|grave) (?:problems?|complications?|harms?|side[ -]effects?|"
    r"injur(?:y|ies)|reactions?|adverse (?:effects?|events?))\b[^.;]{0,12}?[:,(-]\s*"
    r"(?:fewer than |less than |under |about |around |roughly |only )?(?:1|one) (?:out )?(?:of|in) "
    r"(?:every )?(?:[\d,]{5,}|\d+ (?:thousand|million))|"
    # "None of the studies reported side effects"
    r"\b(?:none of the|no) (?:studies|trials|participants|patients|athletes|people) "
    r"(?:\w+ )?(?:reported|had|found|showed|noted) (?:any )?(?:side[ -]effects|adverse|"
    r"complications|harms?)\b"
)
# "our staff are trained to use the device safely": the staff's training, not the treatment
TRAINED_SAFELY = _rx(r"\b(?:trained|certified|qualified|taught) (?:\w+ ){0,5}?safely\b")
UNSAFE = _rx(
    r"\b(?:unsafe|not (?:\w+ )?safe|isn't (?:\w+ )?safe|dangerous|harmful|not without risk)\b"
)
# the size of a gain ("a meaningful improvement", "a marked difference")
_SIZE = (
    r"(?:(?:meaningful|real|big|clear|marked|noticeable|significant|great|huge|dramatic|"
    r"substantial|definite|lasting) )?"
)
# "lower" as a verb ("can lower pain", "lowers pain"), not "lower back pain"
_LOWER_VERB = (
    r"(?:(?:(?<=can )|(?<=may )|(?<=to )|(?<=will )|(?<=could )|(?<=help )|(?<=helps ))lower|"
    r"lower(?:s|ed|ing))(?! the (?:chance|risk|odds|likelihood))"
)
# what a patient says a treatment did to their complaint, in the first or third person
# ("fixed my plantar fasciitis", "took away her knee pain", "my sciatica was gone", "no more
# headaches", "changed everything", "I'm back to running")
_TESTIMONY = (
    r"(?:fixed|fixes|cured|cures|sorted(?: out)?|got rid of|gets rid of|took away|takes away|"
    r"cleared up|knocked out|eliminated|banished|erased|resolved) (?:my|her|his|their|our|your)"
    r" |(?:my|her|his|their|our) (?:[\w'-]+ ){1,3}?(?:was|is|were|are|has been|had been|have "
    r"been|felt|feels) (?:now |finally |completely |totally |almost |nearly |all but |pretty "
    r"much |basically |just |so much |much |a lot |far )?(?:gone|fixed|cured|healed|history|"
    r"resolved|better|a thing of the past)|"
    r"\bno more (?:[\w'-]+ ){0,2}?(?:pain|aches?|headaches|migraines|symptoms|flare-ups|"
    r"stiffness|spasms)|changed everything|worked like a charm|"
    r"(?:i'm|i am|i was|she's|he's|she was|he was|they're|they were|we're) (?:finally |now )?"
    r"back (?:to|on) (?:running|work|training|the (?:court|field|pitch|course|golf course)|"
    r"my|her|his|their|playing|lifting|walking|cycling|golf|tennis)|"
    # "gave me my weekends back", "I finally have my evenings back"
    r"(?:gave|give|gives|got|get|gets|have|has|had) (?:(?:me|him|her|them|us) )?(?:my|his|her|"
    r"their|our) (?:life|lives|weekends?|evenings?|sleep|game|freedom|mobility|independence|"
    r"energy|routine|hobbies) back|"
    # what beat a dummy treatment works ("beat a sham treatment", "did better than a placebo
    # laser", "outperformed sham needling")
    r"(?:beat|beats|outperform(?:s|ed)?|(?:did|does|do|worked|works|work|fared|performed) "
    r"(?:\w+ )?better than|(?:was|were|is|are) (?:\w+ )?(?:better|superior) (?:than|to)|"
    r"more effective than) (?:a |an |the )?(?:[\w-]+ )?(?:sham|placebo|fake|dummy|pretend|mock|"
    r"simulated|inactive|imitation|no treatment)"
)
# "gave small but real gains in flexibility", "produced improvements in pain"
_GAINS = (
    r"(?:gave|gives|give|brought|brings|produced|produces|led to|leads to|showed|shows|yielded|"
    r"yields) (?:[\w-]+ ){0,4}?(?:gains?|improvements?|benefits?) (?:in|for|to)"
)
# a complaint coming back, in any verb of recurring ("come back", "recur", "flare up", "crop
# up", "strike"), said of it less often
_RECUR = (
    r"(?:(?:come|comes|came|coming|return|returns|returned|recur|recurs|recurred|occur|occurs|"
    r"occurred|happen|happens|happened|strike|strikes|struck|flare|flares|flared|crop|crops|"
    r"cropped|show|shows|showed|turn|turns|turned)(?: up| back)?) less (?:often|frequently)"
)
EFFECT = _rx(
    r"\b(?:help(?:s|ed|ing)?|effective(?:ly|ness)?|efficac\w*|relie(?:f|ve[sd]?|ving)|"
    r"efficient|successful (?:treatment|therapy|option|way)|"
    r"ease[sd]?|easing|reduc(?:e[sd]?|ing|tion)|improv\w+|alleviat\w+|useful|"
    r"benefi(?:t|ts|cial|ted)|proven|works? (?:together )?to treat|works? (?:well )?for|"
    r"encouraging results|decreas\w+|lessen\w*|cure[sd]?|heal(?:s|ing)?|soothe[sd]?|"
    r"no better than|does not work|doesn't work|ineffective|"
    r"(?:can|may|could|will|does|do) (?:also |often |help )?(?:to )?treat|treats|"
    r"(?:can|may|could) (?:also |often )?be (?:effectively |successfully )?treated with|"
    r"benefit from|(?:notice|feel|report|have)s? (?:\w+ )?(?:less|reduced|lower|fewer)\b"
    r"(?! to do\b)|"
    r"(?:had|felt|noticed|reported) (?:\w+ )?(?:less|reduced|lower|fewer|milder)\b|"
    r"pain[- ]free|positive (?:effects?|results?|outcomes?)|"
    r"\b" + _LOWER_VERB + r" (?:\w+ )?pain|"
    r"feels? better|(?:feel|see|notice|experience)s? (?:an? |the |real )?"
    # ("notice a meaningful improvement", "see a marked difference")
    r"" + _SIZE + r"(?:difference|"
    r"improvement|results?)|see (?:lasting |real |good )?results|"
    # "shows real promise for", "cut the number of headaches", "made headaches shorter",
    # "keeps headaches away", "headaches come less often", "muscles became less tender"
    r"(?:shows?|showed|holds?|held) (?:\w+ )?promise|"
    r"(?:cut|cuts|cutting|halved|halves) (?:down )?(?:the )?(?:number|frequency|"
    r"severity|length|duration|intensity|pain|headaches|symptoms)|"
    r"(?:make|makes|made|making) (?:[\w-]+ ){1,4}?(?:shorter|milder|less (?:intense|severe|"
    r"frequent|painful|often|tender)|" + _RECUR + r")|"
    r"(?:keep|keeps|keeping|kept) (?:[\w-]+ ){1,2}?(?:away|at bay)|"
    # "gives back lost movement", "brings back full range"
    r"(?:gives?|giving|gave|brings?|bringing|brought) back (?:\w+ )?(?:movement|motion|"
    r"mobility|function|range|strength|flexibility)|"
    r"" + _RECUR + r"|"
    r"(?:become|became|becomes|get|gets|got|feel|felt|feels|were|was) less (?:tender|sore|"
    r"stiff|tight|painful)|"
    # what a complaint does to one's life, less ("headaches got in the way of their lives
    # less", "the pain interfered less with work")
    r"(?:get|gets|got|getting|gotten) in the way(?: of [\w' ]{1,30}?)? less|"
    r"interfer(?:e|es|ed|ing) less|"
    # the everyday idioms of praise ("did wonders for my back pain", "a game changer for
    # tennis elbow", "runners swear by it for", "made a huge difference to my neck pain",
    # "took the edge off", "gave me my life back", "life-changing for my migraines")
    r"(?:did|does|do|doing|worked|works|work|working) (?:absolute )?(?:wonders|miracles|magic)|"
    r"game[- ]?changer|swears? by|sworn by|"
    r"(?:made|makes|make|making) (?:a|all the|such a|the) (?:\w+ )?difference|"
    r"life[- ]changing|changed my life|(?:gave|gives|give|giving) (?:me|them|him|her|people|"
    r"patients|you) (?:my|their|his|her|your) (?:life|lives) back|"
    r"(?:took|takes|take|taking) the edge off|life[- ]?saver|" + _GAINS + r"|" + _TESTIMONY + r")\b"
)
# a list item that names a gain ("- Less pain", "- Better range of motion", "- Relief from
# headaches"), under a heading or lead-in line on what the treatment brings
BENEFIT_ITEM = _rx(
    r"^(?:(?:much|far|significantly|noticeably)\s+)?(?:less|reduced|lower|fewer|decreased|"
    r"diminished|better|improved|increased|greater|enhanced|restored|faster|quicker|rapid|"
    r"lasting|long-lasting|long-term|(?:reduction|decrease|improvement|increase|relief)\s+"
    r"(?:in|of|from)|(?:pain|symptom) relief|relief)\b"
)
# what such a gain must be of: pain, symptoms, moving, healing, or a vocabulary term
BENEFIT_OBJECT = _rx(
    r"\b(?:pain|painful|aches?|symptoms?|stiffness|spasms?|tension|tightness|soreness|"
    r"mobility|motion|movement|function|flexibility|healing|recovery|inflammation|swelling|"
    r"repair)\b"
)
# treatments named as a list of options: each is a claim of its own ("It can be treated
# with exercise, massage and injections", "Treatments include ...")
TREATMENT_LIST = _rx(
    r"\b(?:(?:be|is|are|being|was|were) (?:\w+ )?treated with|treatments? (?:include|such as|"
    r"like)|options? (?:include|such as|like)|(?:are|were) (?:the|its) (?:usual|main|standard|"
    r"common|most common|first-line) treatments?)\b"
)
# a heading or lead-in line on how the treatment works ("How does it work?", "Several
# mechanisms are behind it:"): its items say how
MECHANISM_CONTEXT = _rx(
    r"\bhow (?:does )?(?:it|they|\w+(?: \w+)?) works?\b|\bmechanisms?\b|\bworks? by\b|"
    r"\bthe science (?:behind|of)\b|\bwhat (?:it|they) (?:does|do) (?:in|to) the (?:body|"
    r"tissue|muscle)"
)
# a heading or lead-in line on what the treatment brings ("Benefits of X", "Patients often
# notice:", "What results can I expect?")
BENEFIT_CONTEXT = _rx(
    r"\b(?:benefits?|advantages?|helps?|results?|notices?|reports?|expect|improve\w*|"
    r"outcomes?|gains?|why (?:\w+ )?(?:choose|try|consider|use)|pros|relief)\b"
)
# "is used to ease X": the use, an indication, not a result
USED_TO = _rx(
    r"\b(?:is|are) (?:\w+ )?used (?:to|for)\b|"
    # "is FDA-cleared for the relief of X": a use it is approved for
    r"\b(?:fda[- ])?(?:approved|cleared|licensed|indicated) (?:by the fda )?(?:for|to)\b"
)
# an effectiveness claim without a condition needs a cue that says it works
EFFECT_STRONG = _rx(
    r"\b(?:effective(?:ness)?|efficac\w*|relie(?:f|ve[sd]?|ving)|proven|ineffective|"
    r"efficient|successful (?:treatment|therapy|option|way)|"
    # "treats these trigger points safely and effectively"
    r"(?:treats?|treated|treating|manages?|managed|managing) (?:[\w-]+ ){0,4}?(?:safely and )?"
    r"effectively|"
    r"no better than|does not work|doesn't work|cure[sd]?|"
    r"(?:eas(?:e|es|ed|ing)|reduc(?:e|es|ed|ing)|decreas(?:e|es|ed|ing)|lessen(?:s|ed)?|"
    r"improv(?:e|es|ed)|"
    + _LOWER_VERB
    + r")\s+(?:[\w-]+,?\s+){0,3}?(?:pain|symptoms|spasms?|stiffness|mobility|"
    r"range of motion|discomfort|soreness|aches?|tension)|"
    # an option said to work ("a workable option for the loss of function", "a proven way
    # to ease pain")
    r"(?:workable|reliable|proven|dependable) (?:option|choice|treatment|way|solution|"
    r"remedy)s? (?:for|to)|"
    r"(?:backed|supported) by (?:good |solid |strong |some )?(?:research|evidence|science|"
    r"studies|trials)|"
    r"positive (?:effects?|results?|outcomes?)|(?:studies|research|trials|evidence|science) "
    r"(?:\w+ ){0,2}?(?:backs?|supports?|confirms?|shows?) (?:its |the |their )?"
    r"(?:benefits?|effects?|effectiveness|use)|"
    r"feels? better|(?:feel|see|notice|experience)s? (?:an? |the |real )?"
    r"" + _SIZE + r"(?:difference|improvement|"
    r"change|results?)|success (?:rates?|stories)|"
    # "leave with less pain than they came in with"
    r"with (?:\w+ )?(?:less|lower|reduced|fewer|milder) (?:pain|symptoms|stiffness|soreness|"
    r"aches?|discomfort|tension|headaches|spasms)|"
    r"(?:had|has|have|felt|feel|feels|reported|report|reports|noticed|notice) "
    r"(?!not |never |no )(?:\w+ )?"
    r"(?:less|lower|reduced|fewer|milder|better|improved) (?:\w+ )?(?:pain|symptoms|stiffness|"
    r"soreness|aches?|discomfort|headaches|migraines|spasms|function|mobility|movement|sleep|"
    r"range of motion)|"
    # "results for X are promising", "the findings look encouraging"
    r"" + _TESTIMONY + r"|" + _GAINS + r"|"
    r"(?:results?|evidence|findings|data|outcomes|research|stud(?:y|ies)|trials?|reviews?)\b"
    r"[^.;]{0,50}?\b(?:are|is|look|looks|seem|seems|have been|has been|appear|appears|were|"
    r"was|remains?) (?:\w+ )?(?:promising|encouraging|positive|favou?rable|convincing|impressive|"
    # the words that rate evidence as good ("the research is pretty solid", "the evidence
    # for it is fairly strong", "the data look decent")
    r"solid|strong|robust|compelling|good|decent|sound|reassuring)|"
    r"(?:starts?|begins?) to work|takes? effect|benefit from|"
    # "helps them sleep better and move more easily"
    r"(?<!injection )(?<!it )(?:move|walk|function)s? (?:around )?(?:better|more (?:easily|"
    r"freely|comfortably)|again)|"
    # an item whose subject is its label's condition ("often resolves after a course")
    r"^(?:\w+ly |often |usually )?(?:resolves|clears up|settles|improves|heals|gets better)|"
    r"(?:gives?|giving|gave|brings?|bringing|brought) back (?:\w+ )?(?:movement|motion|"
    r"mobility|function|range|strength|flexibility)|"
    # how long it lasts; what gets better after it
    r"(?<!side )(?<!side-)(?<!adverse )(?:effects?|relief|benefits?)\b[^.;]{0,80}?\blasts?|"
    r"(?:pain|symptoms|function|mobility|stiffness|range of motion|movement|flexibility|"
    r"posture|sleep)\b[^.;]{0,60}?\b(?:may |can |will |"
    r"should |often |usually )?(?:improves?|eases?|lessens?|decreases?|gets? better)|"
    # pain that drops, fades or goes away; headaches that come less often
    # (not a harm that passes: "this pain should go away by itself", "that kind of pain
    # usually fades after a few days")
    r"(?<!this )(?<!that )(?<!the )(?<!such )(?<!any )(?<!kind of )(?<!sort of )"
    r"(?:pain|aches?|headaches|migraines|symptoms|spasms|stiffness|function|mobility|"
    r"movement|flexibility|range of motion|sleep|posture)\b"
    r"(?:(?!\bnot\b|n't\b|\bnever\b|\bno longer\b)[^.;,:]){0,30}?\b"
    r"(?:(?:may|can|will|should|often|usually|typically|soon|quickly|gradually|then) )?"
    r"(?:drops?|dropped|falls?|fell|fades?|faded|subsides?|subsided|settles?(?: down)?|"
    r"settled|disappears?|disappeared|vanish(?:es|ed)?|(?:goes|go|went|gone|melts?|melted) "
    r"away|eases? off|eased|clears? up|cleared up|resolves?|resolved|declines?|declined|"
    r"diminish(?:es|ed)?|lessened|decreased|improved|got better|"
    r"(?:become|becomes|became|get|gets|got) (?:less (?:frequent|severe|intense|painful|"
    r"often)|milder|rarer))(?! (?:by itself|by themselves|on (?:its|their) own)))\b|"
    # pain said to be less severe ("the headaches were 30 percent less intense", "attacks
    # were noticeably milder")
    r"\b(?:pain|aches?|headaches|migraines|attacks|symptoms|spasms|cramps|flare-ups)\b"
    r"[^.;]{0,40}?\b(?:were|was|are|is|became|become|got|get|feel|felt|feels) (?:[\w-]+ ){0,3}?"
    r"(?:less (?:intense|severe|frequent|painful|brutal|bad|debilitating|disabling|often)|"
    r"milder|rarer)\b|"
    # pain said to be down or gone ("my heel pain was way down", "the pain was almost
    # gone", "my symptoms are much better"), not a harm that passed ("that pain was gone")
    r"(?<!this )(?<!that )(?<!such )(?<!any )(?<!kind of )(?<!sort of )"
    r"\b(?:pain|aches?|headaches|migraines|symptoms|stiffness)\b (?:was|were|is|are|had|has|"
    r"felt|feels?) (?:been )?(?:way |much |far |a lot |almost |nearly |completely |all but |"
    r"mostly |largely |totally |noticeably |significantly )?(?:down|gone|lower|better|reduced|"
    r"improved)\b(?! (?:by itself|by themselves|on (?:its|their) own))"
)
# a pretend treatment a real one is measured against ("a dummy massage", "the sham device")
_SHAM = r"(?:sham|placebo|dummy|fake|pretend|mock|simulated|inactive|switched-off|imitation)"
# what studies found against the treatment: "studies are less encouraging", "the two groups
# recovered no differently", "the studies do not back its use", "cast doubt on"
EVIDENCE_AGAINST = _rx(
    r"\b(?:(?:less|not|hardly|far from) (?:\w+ )?(?:encouraging|convincing|impressive|"
    r"promising|persuasive)|unconvincing|disappointing|no differently|no different(?:ly)? from|"
    # "little benefit over a sham", "no real difference from placebo", "little to no effect"
    r"(?:little|(?:little (?:or|to) )?no|minimal|hardly any|only (?:a )?(?:small|slight|modest))"
    r" (?:(?:real|clear|significant|meaningful|extra|added|additional|lasting|measurable|"
    r"noticeable) )?(?:benefits?|effects?|difference|improvement|gains?|advantage)(?! (?:in|of) "
    r"(?:side|adverse|risk))|"
    r"(?:no|little|weak|limited|insufficient|scant) (?:(?:strong|good|clear|real|solid|"
    r"convincing|high-quality|reliable|firm) )?evidence|cast(?:s|ing)? doubt|"
    # the words that rate evidence as poor, whoever's it is ("the research behind it is
    # weak", "the data on X remain thin", "studies of X have been sparse")
    r"(?:evidence|research|data|science|proof|stud(?:y|ies)|trials|reviews|literature)\b"
    r"[^.;]{0,60}?"
    r"\b(?:is|are|remains?|was|were|has been|have been) (?:\w+ )?(?:limited|weak|weaker|lacking|"
    r"scarce|poor|insufficient|thin|sparse|patchy|flawed|inconclusive|low[- ]quality)|"
    r"(?:not|don't|doesn't|do not|does not|did not|didn't|fail(?:s|ed)? to)\s+(?:\w+\s+)?"
    r"(?:back|support|show (?:a |any )?benefit|improve|help)|"
    r"no (?:better|more effective) than|(?:the )?same as (?:a )?(?:sham|placebo|fake)|"
    # the everyday idioms ("did nothing for my neck pain", "didn't do a thing for it", "a
    # waste of money", "has not lived up to the hype")
    r"(?:did|does|do) (?:absolutely )?nothing (?:for|to help)|"
    r"(?:did|does|do) (?:very |rather |pretty |fairly )?little (?:for|to help|to ease|to "
    r"relieve)|(?:modest|small|slight|minimal|marginal) at best|"
    # a guideline against the treatment itself ("recommends against it"; not "advises against
    # it during pregnancy", which is whom it does not suit)
    r"(?:recommends?|recommended|recommending|advises?|advised) against (?:it|its use|using it|"
    r"(?:the |this )?(?:treatment|therapy|procedure|device))\b(?! (?:if|for|in|during|when|while|"
    r"near|over|on|unless)\b)|"
    # a negated comparison ("it did not relieve pain any better", "no proof that it works
    # better than splints"): nothing found in its favour
    r"(?:did|does|do|has|have)(?: not|n't) (?:[\w-]+ ){0,4}?any better|"
    # "has no real science behind it", "there is no proof it works"
    r"(?:no|zero) (?:real |hard |solid |good |actual )?(?:science|proof|research|data) "
    r"(?:behind|for|to back|backing|supporting|that)|(?:did|does|do)(?: not|n't) do "
    r"(?:a (?:single )?thing|anything|much) (?:for|to help)|waste of (?:money|time)|"
    r"(?:not|n't|never) (?:\w+ )?lived? up to (?:the|its) (?:hype|promise|claims)|"
    # "studies have not shown that it works better than a placebo", "it has never been
    # proven to help"
    r"(?:not|n't|never|failed to)\s+(?:yet\s+)?(?:been\s+)?(?:shown|proven|proved|demonstrated|"
    r"established|found)\s+(?:that\s+)?(?:[\w-]+\s+){0,3}?(?:to\s+)?(?:works?|helps?|is\s+"
    r"effective|be\s+effective|improves?|eases?|relieves?|reduces?|is\s+better|does\s+better)\b|"
    # the groups did not differ; no better off than the sham group; it did not make the
    # usual care work any better; a dummy treatment does much the same
    r"(?:did|do|does)(?: not|n't) differ|no better off|"
    r"(?:did|do|does)(?: not|n't) make (?:[\w-]+ ){0,8}?(?:any |much )?(?:better|more "
    r"effective|shorter|less (?:intense|severe|frequent|painful))|"
    r"(?:did|do|does)(?: not|n't) (?:change|alter|shorten|lessen|reduce|affect) (?:how|the "
    r"(?:number|frequency|severity|intensity|length|duration))|"
    r"(?:little|no|nothing) (?:more|better) than (?:a |an |the )?" + _SHAM + r"|"
    r"" + _SHAM + r" (?:[\w-]+ ){0,3}?(?:may |might |can |could |did |does |do )?(?:do|does|did|"
    r"work|works|worked|help|helps|helped) (?:much |about |just |almost )?(?:the same|as well|"
    r"equally well))\b"
)
# moving and everyday function as what a treatment improves ("improve mobility", "your
# ability to do everyday activities may improve")
FUNCTION = _rx(
    r"\b(?:improv\w+|better|restor\w+|increas\w+) (?:\w+ )?(?:mobility|function|flexibility|"
    r"movement)\b|\bability to (?:\w+ ){0,3}(?:activities|move|work|walk)\b"
)
# a gain told as the result of how the treatment works, in a trailing clause ("The heat
# loosens tight tissue and improves the circulation, which helps it heal": a mechanism; the
# golds keep such sentences as mechanisms only)
RESULT_CLAUSE = _rx(
    r",\s*which (?:in turn |then )?(?:can |may |will |should |could )?(?:also )?"
    r"(?:helps?|lets?|allows?|leads? to|speeds? up|promotes?)\b"
)
# how a treatment is given (a needle put, passed or guided into the body, a medicine
# injected) with what the act is for in the same breath: "a treatment in which a therapist
# passes a needle through the skin to stimulate the nerves", "guides the needle into the
# knot until the muscle twitches"; the aim is part of the definition, not a mechanism or an
# effect of its own (up to the next comma: "..., easing pain" after it is a result)
GIVEN_AIM = _rx(
    r"\b(?:put|puts|putting|insert(?:s|ed|ing)?|pass(?:es|ed|ing)?|guid(?:e|es|ed|ing)|"
    r"slid(?:e|es|ing)|push(?:es|ed|ing)?|inject(?:s|ed|ing)?|plac(?:e|es|ed|ing))\b"
    r"[^.;]{0,80}?\b(?:into|through)\b[^.;]{0,80}?(?P<aim>\b(?:to|until|so that)\b[^,;.]*)"
)
# healing or recovery as what a treatment improves ("speed healing", "heal faster")
HEALING = _rx(
    r"\b(?:speed(?:s|ing)? (?:up )?(?:the )?(?:healing|recovery)|heal(?:s|ing)? (?:\w+ )?"
    r"faster|faster (?:healing|recovery)|(?:help|helps|improve|improves) (?:\w+ )?"
    r"(?:healing|heal|recovery))\b"
)
NEGATION = _rx(
    r"\b(?:not|no|never|neither|nor|cannot|can't|doesn't|don't|didn't|isn't|aren't|won't|"
    r"fails? to|failed to|ineffective|no better than|unlikely to)\b"
)
# a treatment named as what is usually advised or chosen first for a condition ("Calf
# stretches are the usual advice for heel pain", "Massage is often the first choice for neck
# pain"): a use in other words (round 12)
USUAL_CHOICE = _rx(
    r"\b(?:the|an?) (?:usual|standard|accepted|common|customary|recommended|first) advice\b|"
    r"\b(?:the|a|an|our|their) (?:usual |obvious |preferred |natural )?first choice\b"
)
# a condition named only to compare with ("..., much as a tendon does in tendinopathy", "in
# the same way as low back pain does"): not what the sentences after it are about (round 12)
ASIDE_COMPARISON = _rx(r"\b(?:(?:much|just) as|in (?:much )?the same way (?:as|that))\b[^,;:.]*$")
INDICATION = _rx(
    r"\b(?:used (?:to treat|for|in the treatment of|to manage|to relieve|in)|(?:is|are) used|"
    # "may decide to apply ultrasound to the injured area": used on the injury just named
    r"(?:apply|applies|applied|applying|use|uses|used|using) (?:[\w-]+ ){0,3}?(?:to|on|over) "
    r"(?:the|your|an|a) (?:injured|affected|painful|sore|problem|damaged|inflamed) (?:area|part|"
    r"spot|tissue|region|joint|muscle|tendon)s?|"
    # "one of the most common reasons runners come to us for needling"
    r"reasons? (?:why )?(?:[\w-]+ ){0,4}?(?:come|comes|came|see us|book|seek|look|ask) "
    r"(?:to (?:us|a [\w ]{1,20}?) )?for|"
    r"(?:can|may) (?:also |often |sometimes |even )?be used|recommended|indicated|"
    r"treat(?:s|ed|ing)?|treatment (?:of|for)|"
    r"conditions (?:treated|like|such as|include)|first[- ]line|commonly used|"
    r"(?:is|are) (?:often |commonly |usually )?(?:used|applied|prescribed) for|"
    # "it is often tried for X", "is offered to people with X"
    r"(?:is|are|be|being) (?:\w+ )?(?:tried|offered|given|suggested|prescribed|advised) "
    r"(?:for|to (?:people|patients|those|anyone) (?:with|who have))|"
    r"(?:is|are) (?:\w+ )?used (?:to|for)|"
    r"(?:may|might|can|could|will|would) suit|"
    # "more and more people turn to dry needling"
    r"(?:turn|turns|turned|turning) to (?!(?:the|this|that|page|section)\b)|"
    # "your doctor might suggest it if:", "we may recommend it for"
    r"(?:may|might|can|could|will|would|often|usually) (?:suggest|recommend|advise|offer)|"
    # "the FDA approved it for X", "cleared for use in X"
    r"(?:approved|cleared) (?:\w+ ){0,4}?(?:for|to treat)|"
    # "we consider injections for X", "X may be considered for"
    r"consider(?:s|ed)? (?:\w+ ){0,2}?for|"
    # "People use TENS for many kinds of pain"
    r"(?:use|uses|using) (?:[\w-]+ ){1,6}?for|"
    # the other verbs of use, in the active voice ("some clinics also offer it for X",
    # "physiotherapists prescribe TENS for X", "doctors occasionally recommend it for X")
    r"(?:offer(?:s|ed|ing)?|prescrib(?:e|es|ed|ing)|tr(?:y|ies|ied|ying)|recommend(?:s|ing)?|"
    r"suggest(?:s|ed|ing)?|advis(?:e|es|ing)|provid(?:e|es|ing)|appl(?:y|ies|ying)) "
    r"(?:[\w-]+ ){1,5}?for\b(?! (?:a|an|the|your|their|\d+|\w+ (?:minutes|seconds|hours|days|"
    r"weeks))\b)|"
    # "exercise is seen as a key part of any plan"
    r"(?:seen|regarded|considered|viewed) as (?:an? |the )?(?:key|central|core|main|essential|"
    r"important|vital) (?:part|component|element)|mainstay|cornerstone|"
    r"(?:an? )?option for|candidates? (?:for [\w ]{1,30} )?(?:include|are|is)\b|"
    r"(?:ideal|suitable|well suited|appropriate|a good (?:option|choice))"
    r" for|(?:popular|common|standard|usual|accepted|established|frequent|"
    r"mainstream) (?:(?!after|before|during|following|with|in|for|to)\w+ )?(?:treatments?|therapy|"
    r"therapies|choices?|options?|approach(?:es)?)|"
    # what guidelines and medical bodies advise ("guidelines suggest heat, massage or ...")
    r"(?:guidelines?|experts|physicians|doctors|clinicians|college|society|association|nice)"
    r" (?:\w+ )?(?:recommend|suggest|endorse|advise|support|favou?r)s?|"
    # "it is popular for runner's knee", "widely used for"
    r"(?:popular|widely used|often used) (?:choice |option )?(?:for|with|among people with)|"
    # "our go-to treatment for X", "the first port of call for X", "a staple of care for X"
    r"go-to (?:treatment|option|choice|therapy|approach)|first port of call|"
    r"staple (?:of|in) (?:\w+ ){0,2}?(?:care|treatment|management)|"
    # "a cheap thing to try for X", "worth a try for X", "one option to try"
    r"(?:thing|option|choice|treatment|remedy|something|way)s? (?:\w+ )?to try\b|"
    r"worth (?:a |trying|giving (?:it )?a )?(?:try|shot|go)?\s?for)\b"
)
# load shared out, as how a treatment works ("keeps any one muscle from being overworked",
# "takes the strain off the neck") (round 12)
LOAD_SHARED = _rx(
    r"\b(?:keeps?|keeping|stops?|stopping|prevents?|preventing) (?:[\w-]+ ){1,4}?from "
    r"(?:being |getting )?(?:over(?:worked|loaded|used|stretched|strained)|tiring|straining|"
    r"tired)\b|\b(?:takes?|taking|took) (?:(?:some|much|most|a lot) of )?(?:the |some |extra )?"
    r"(?:load|strain|stress|pressure|weight) off\b"
)
MECHANISM = _rx(
    r"\b(?:works? by|so as to|in order to (?:increase|improve|release|stimulate|restore)|"
    # gas bubbles in the tissue that swell and shrink ("cavitation"); a tissue made stronger
    # ("the exercise is what makes the tendon stronger")
    r"cavitation|bubbles? (?:[\w-]+ ){0,4}?(?:swell|grow|expand|shrink|collapse|oscillate|"
    r"form|burst)|(?:makes?|making|made) (?:the |your |a )?(?:tendons?|muscles?|tissues?|"
    r"bones?|ligaments?) (?:\w+ )?stronger|"
    r"increases? (?:the )?(?:blood|circulation)|blood (?:flow|circulation)|"
    # loosening knots, calming nerves, more circulation ("loosen muscle knots", "calm
    # irritated nerves", "improved circulation")
    r"vibrat\w+|"
    r"(?:loosen|soften|deactivat|inactivat)\w* (?:the |those |these |tight |tense |muscle |"
    r"scar |scarred |stiff |connective |soft )*"
    r"(?:knots?|bands?|trigger points?|tissues?|muscles?|fibres|fibers)|"
    # less blood to the spot, or cells and blood drawn to it ("squeezes its own blood
    # vessels", "draws stem cells to the area")
    r"(?:less|reduced|poor|restricted|too little) (?:blood|oxygen|circulation)|"
    r"(?:squeez|compress|pinch|constrict|narrow)\w* (?:[\w-]+ ){0,2}?blood vessels|"
    r"(?:draws?|drawing|attracts?|attracting|recruits?|recruiting|brings?|bringing) "
    r"(?:in )?(?:[\w-]+ ){0,2}?(?:cells|nutrients|oxygen|fibroblasts) (?:to|into)|"
    r"calm(?:s|ing)? (?:down )?(?:the )?(?:\w+ )?nerves?|"
    r"(?:improv|boost|increas|promot|stimulat|enhanc|rais)\w* (?:the )?(?:local )?(?:blood )?"
    r"(?:circulation|blood flow)|(?:more|extra|better|increased|improved) (?:blood|oxygen|"
    r"circulation)|"
    # the body's own painkillers; how pain is handled ("release its own opioids", "change
    # how they handle pain", "how pain is processed")
    r"releas\w* (?:\w+ ){0,3}?(?:endorphins|opioids|painkillers|chemicals|hormones|"
    r"serotonin)|how (?:\w+ ){0,3}?(?:handle|handles|process|processes|perceive|perceives|"
    r"feel|feels|sense|senses) pain|how pain (?:is|gets) (?:processed|perceived|felt|handled|"
    r"sensed)|"
    r"releases? (?:endorphins|negative energy|the knots?|muscle|pressure)|release negative|"
    # "quiets the painful spot", "prompts the tendons to regenerate"
    r"(?:quiet|calm|numb|settl|desensiti[sz])\w* (?:down )?(?:the |that |a )?(?:painful |sore |"
    r"tender |irritated )?(?:spot|area|point|trigger point|knot)s?|"
    r"(?:prompt|stimulat|encourag|trigger|signal|help|get)\w* (?:the )?(?:[\w,]+ ){0,6}?(?:to )?"
    r"(?:regenerate|repair|renew|rebuild|regrow|mend)|"
    r"restor\w+|breakdown|break(?:s|ing)? (?:down|up)|"
    # muscles that relax, knots that soften, a loop broken ("the knot softens", "lets the
    # muscles lengthen and relax", "breaks the pain-spasm cycle", "resets the muscle")
    r"(?:knots?|muscles?|trigger points?|bands?|fibres|fibers)\b(?: \w+){0,2}? (?:softens?|"
    r"relax(?:es)?|loosens?|lets? go(?! of)|lengthens?|unwinds?)\b|"
    r"(?:lets?|helps?|allows?|makes?|gets?) (?:the )?(?:[\w-]+ ){0,3}?muscles? (?:of (?:the )?"
    r"[\w ]{1,20}?)?(?:to )?(?:lengthen|relax|loosen|soften|let go)|"
    r"break\w* (?:the|that|this|a) (?:[\w-]+ )?(?:cycle|loop|circle)|"
    r"resets? (?:the )?(?:\w+ )?(?:muscles?|nerves?|tissue|nervous system|trigger points?)|"
    # what it does to the nerves and the brain, or what it clears ("tricks the brain into
    # ignoring pain", "switches off overactive trigger points", "flushes toxins out")
    r"tricks? (?:the |your )?(?:brain|nervous system|nerves|body)|"
    r"(?:switch|turn|shut)(?:es|s|ed|ing)? (?:off|down) (?:the |your )?(?:\w+ )?(?:trigger points?|"
    r"pain signals?|nerves?|muscles?|knots?)|"
    r"(?:flush|clear|draw|pull)\w* (?:\w+ )?toxins|toxins? (?:out|away)|"
    # the tissue mending itself ("cells repair themselves faster", "the tendon rebuilds
    # itself", "produce more energy")
    r"(?:repair|heal|rebuild|renew|regenerat|mend|remodel)\w* (?:\w+ )?(?:themselves|itself)|"
    r"(?:produc|mak|generat|creat)\w* more (?:cellular )?energy|"
    # heat it puts into the tissue ("delivers heat to soft tissues deep under the skin")
    r"(?:deliver|send|produc|creat|generat|transfer|bring)\w* (?:gentle |deep |mild )?"
    r"(?:heat|warmth)|"
    # the cells' own machinery, blood vessels and fluid ("the mitochondria make more ATP",
    # "widens small blood vessels", "draws fluid away from swollen areas")
    r"mitochondria\w*|atp|collagen|cell(?:ular)? (?:energy|metabolism|repair|activity|growth)|"
    r"(?:widen|dilat|open|expand)\w* (?:up )?(?:the )?(?:small |tiny |local )?blood vessels|"
    r"(?:draw|drain|clear|move|flush|pull)\w* (?:\w+ )?(?:fluid|swelling|waste|lymph)|"
    r"(?:fluid|swelling|lymph) (?:to )?(?:drain|move|clear)\w*|"
    # "lifts the skin slightly, easing pressure on the tissue below"
    r"lift\w* the skin|eas\w+ (?:the )?pressure on|"
    # a hedge on how it works, not on what it does ("is believed to make it heal faster")
    r"(?:is|are) (?:thought|believed|said) to(?! (?:help |make |let )?(?:[\w']+ ){0,3}?"
    r"(?:heal|ease|relieve|reduce|improve|speed|recover))|"
    r"predicated on|contributes? to|stimulat\w+ (?:the )?(?:nerves?|muscles?|healing|"
    r"tissue)|(?:is|are) targeted|warm(?:s|ing)? (?:up )?(?:the )?(?:[\w']+\s+){0,2}?"
    r"(?:tissues?|them|muscles?|areas?|parts?)|relax(?:es|ing)? (?:the )?muscles?|mechanism|"
    # the body's own responses: twitch, relaxing, inflammation, healing response, blood
    r"twitch(?:es|ing)?|(?:help|helps|make|makes|let|lets) (?:the )?muscles? (?:to )?(?:\w+ly )?"
    r"(?:relax|twitch|contract|loosen)|(?:bring(?:s|ing)? down|calm(?:s|ing)?|lower(?:s|ing)?|"
    r"reduc(?:e|es|ing)) (?:the )?(?:local )?inflammation|(?:causes?|sets? off|triggers?|"
    r"starts?|sparks?) (?:the |a )?(?:body's )?(?:own )?(?:\w+ )?(?:healing|immune|"
    r"inflammatory|repair) (?:response|process)|brings? (?:more |fresh )?blood|"
    r"(?:boost|improve|increase|promote|stimulate)s? (?:the )?(?:blood )?(?:circulation|"
    r"blood flow)|linked to (?:too much|too little|an? excess|a lack|a build-?up|excess\w*|"
    r"low|high)|(?:build-?up|excess|lack|shortage) of (?!evidence|research|studies)|"
    r"(?:block|dull|numb|interrupt|calm|reset|desensiti[sz])\w* (?:the )?(?:\w+ )?(?:nerve|pain) "
    r"(?:endings|signals|fibres|fibers))\b"
)
# "trigger points feed tension headaches", "trigger points affect how intense migraines
# become": what the treatment works on drives a condition
CAUSAL = _rx(
    r"\b(?:affects?|affected|fed by|feeds?|fuel(?:s|led)?|drives?|driven by|underl(?:y|ie|ies)|"
    r"play (?:a|an) (?:\w+ )?role|contribut\w+ to|linked to|set(?:s)? off|"
    r"trigger(?:s|ed)?(?![ -]points?)|"
    r"caused by|causes?|worsen\w*|aggravat\w+)\b"
)
# "In the procedure, a needle is placed ...", "For an injection, your provider uses ...":
# what is done, said of the treatment in hand
DEFINITION_REFERENCE = _rx(
    r"^(?:in|during|for|with) (?:the|this|that|such an?|an?|each) (?:\w+ )?(?:procedures?|"
    r"treatments?|techniques?|therapy|methods?|sessions?|injections?|shots?),\s+"
    r"(?=.*\b(?:needles?|insert\w*|inject\w*|plac\w+|pass\w*|uses?|appl\w+|deliver\w*|"
    r"guides?|guided|pushe[sd]|put|puts)\b)"
)
# "X is a ...", "X entails ...", "In X, a therapist ...": what the intervention is
DEFINITION_VERB = _rx(
    r"^\s*(?:(?:is|are|was|were)(?: not)?|may (?:also )?be|can (?:also )?be)\s+(?!(?:"
    r"thought|believed|said|used|safe|effective|covered|known|proven|useful|helpful|beneficial|"
    r"meant|designed|intended|supposed|fda|approved|cleared|licensed|regulated|ideal|"
    r"uncomfortable|painful|unpleasant|sore|tender|the answer|worth|right for|seen|regarded|"
    # ("is a cheap thing to try for X", "is one option for X": a use, not what it is)
    r"(?:an?|one) (?:[\w,-]+ ){0,3}?(?:thing|option|choice|alternative|way) (?:to try|for|"
    r"worth)|"
    r"considered|viewed|recogni[sz]ed|"
    r"sometimes|often|usually|generally|typically|commonly|particularly|also|predicated|"
    r"recommended|conducted|administered|employed|performed|done|targeted|indicated|"
    # ("are given for X", "is offered to", "is tried for": a use)
    # (but "is given with a handheld device", "is given in a pulsed setting": how it is done)
    r"given(?= (?:for|to)\b)|offered|tried|prescribed|"
    r"able|not|no|one of|among|most|more|less|very|highly|so|cheap|inexpensive|expensive|"
    # ("is nothing to worry about", "is about as safe as it gets", "is available on the NHS")
    r"nothing|about as|as|available|funded|free|an? (?:\w+ )?waste of|"
    # ("is our go-to treatment for X", "is a staple of care for X": a use)
    r"(?:our|the|an?|their|my|your) (?:\w+ )?go-to|(?:a|the) staple|(?:the )?first port of call|"
    r"affordable|costly|easy|quick|painless|gentle|non-?invasive|comfortable|soothing|relaxing|"
    r"simple|mild|sold|marketed|advertised|promoted|what (?:makes|helps|gets|lets|allows|keeps|"
    r"drives)|"
    # ("It is common to feel relief": an impersonal opening, not what it is)
    r"common|uncommon|rare|normal|usual|possible|likely|unlikely|important|"
    # ("is low risk", "is well tolerated": safety, not what it is)
    r"low|low-risk|risk-free|harmless|well|popular|"
    r"the (?:usual|main|standard|common|most common|"
    r"best|preferred|first)|"
    r"an? (?:(?:very|highly|extremely|really|generally) )?(?:effective|safe|good|"
    r"great|excellent|popular|common|standard|usual|accepted|established|frequent|"
    r"mainstream|genuine|real|legitimate|proven|valid|promising|credible|worthwhile|useful|"
    r"efficient|successful|valuable|helpful|covered|reimbursable|billable|workable|reliable|"
    r"dependable))\b)"
    r"(?:an?\b|the\b|\w+(?<!ly)(?<!ed)\b)|"
    r"^\s*(?:is|are) (?:minimally |non-?)invasive\b|"
    r"^\s*(?:is|are) not the same as\b|"
    r"^\s*(?:entails?|involves?|includes?|consists? of|uses|utili[sz]es|refers? to|means|"
    r"(?:may |can |usually |often )?contains?|(?:also )?goes by|stands for|"
    r"(?:is |are )?also (?:called|known as)|"
    # what it rests on ("rests on meridian theory", "is guided by anatomy")
    r"(?:is|are) (?:based on|grounded in|rooted in|guided by|derived from)|rests? on|"
    r"draws? on|originat\w+|"
    # what it is aimed at ("focuses on tight knots", "targets tight spots", "applies firm
    # pressure")
    # (not "targets these knots to help reduce pain": what it does for a condition)
    r"focus(?:es)? on|concentrates? on|applies|aims at|"
    # "works with sound waves", "presses on these knots", "relies on light"
    r"works? with (?!(?:other|your|the body|people|patients)\b)|relies on|employs|"
    r"(?:presses|pushes|squeezes|kneads) (?:on|into|against|down on)|"
    r"targets(?![^.;]*\b(?:help|reduc|eas|reliev|improv|treat)\w*)|"
    r"does not use|doesn't use|does not involve|doesn't involve|"
    # what it does not do to the body ("does not heat or cut the tissue", "does not inject
    # anything", "does not break the skin")
    r"(?:does not|doesn't|do not|don't) (?:heat|cut|burn|inject|pierce|puncture|break|penetrate|"
    r"require (?:needles|surgery|drugs|medication)|need (?:needles|surgery|drugs|medication))\b|"
    # what it sends into or onto the body ("shines red light onto the skin", "sends mild
    # pulses through pads on the skin", "draws the skin up into a cup")
    # (not with what it is for: "sends sound waves into the muscle to raise blood flow" says
    # how it works)
    r"(?:\w+ly )?(?:sends?|shines?|delivers?|emits?|directs?|passes|transmits?|beams?|applies|"
    r"draws?|pulls?|lifts?|creates?|produces?|stretches|"
    # what it puts in or on ("puts a little anaesthetic into that spot", "sets cups on the
    # skin", "places a needle into each tight spot")
    r"puts|places|sets(?! off| up| in)|lays|inserts|injects|sticks|attaches|fixes|fits) "
    r"(?!(?:[\w-]+ ){0,3}?(?:cells|blood|nutrients|oxygen|fluid|heat|warmth)\b)"
    r"(?=[^.;]{0,80}?\b(?:into|through|onto|on|over|across|under|beneath|below|to) "
    r"(?:the|your|a|an|their|that|this|each|those|these) (?:[\w-]+ ){0,2}?(?:skin|body|"
    r"tissues?|muscles?|tendons?|area|spot|joint|nerves?|cups?|knots?|points?)\b)"
    r"(?![^.;]*\b(?:to|and|which|helping|so (?:as|that)) (?:\w+ )?"
    r"(?:raise|increase|boost|improve|ease|relieve|reduce|help|heal|speed|stimulate|promote|"
    r"break|release|calm|block|trigger|loosen|relax|lower|encourage|repair)\w*\b)|"
    # where its name comes from ("It gets its name from ...", "hence the name")
    # a likeness ("works a bit like a deep heat pack", "is much like a massage"; after "think
    # of": "as a reverse massage")
    r"(?:works?|acts?|feels?) (?:a (?:bit|little) |much |something |rather )?like an?\b|"
    r"as an? (?=[\w-]+ (?:massage|treatment|therapy|version|form|kind)\b)|"
    r"gets? its name|takes? its name|(?:is|are) (?:so )?(?:called|named) "
    r"(?:[\"'\u201c\u2018]?[\w-]+[\"'\u201d\u2019]? )?because)\b"
)
# a sentence whose subject stands for the treatment in hand ("It is not the same as ...",
# "The procedure also goes by other names")
REFERENCE_SUBJECT = _rx(
    r"^(?:it|they|(?:the|this|that|such an?) (?:\w+ )?(?:procedure|treatment|technique|"
    r"therapy|method|injection|shot)s?)\b"
)
# what the treatment's waves or needles are ("The sound waves used are pitched too high to
# hear", "The needles are very thin")
AGENT_DESCRIPTION = _rx(
    r"^(?:the|these|its|their) (?:[\w-]+ )?(?:waves|needles?|pulses|beams?)\b[^.;]{0,40}?\b"
    r"(?:is|are) (?!used|thought|believed|said|safe|not|no|able|usually|often|more|less)"
)
# what is done: needles put in, medicine injected ("needles are put through the skin")
DEFINITION_ACT = _rx(
    r"\bneedles?\b[^.;:]{0,60}?\b(?:is|are) (?:\w+ )?(?:put|inserted|placed|passed|pushed|"
    r"guided|introduced|slid|advanced|stuck)\b|"
    r"\bneedles? (?:[\w-]+ ){0,2}?(?:go|goes|reach|reaches|enter|enters|slides?|penetrates?) "
    r"(?:[\w-]+ ){0,2}?(?:into|through|other|deep)\b|"
    r"\b(?:inserts?|places?|passes?|puts?|guides?|pushes?|"
    r"slides?|sticks?|advances?|introduces?|taps?|(?<=, )(?:inserting|placing|passing|putting|"
    r"pushing|sliding|sticking|advancing)) "
    r"(?:a |the |one or more )?(?:[\w-]+,? ){0,3}?needles?\b(?! (?:fear|phobia))"
)
# what is done, told of the one who does it or the device ("A doctor injects a little
# anaesthetic into the knot", "a handheld applicator delivers the pulses") or of what is put
# on or in ("A gel is spread on the skin", "the waves are directed at the tendon")
DEFINITION_AGENT = _rx(
    r"^(?:(?:during|in|at) (?:the|a|each|your) (?:\w+ )?(?:session|treatment|procedure|visit),"
    r"\s+)?(?:(?:then|next|first|finally|afterwards),?\s+)?(?:a|an|the|your)\s+"
    r"(?:[\w-]+\s+){0,2}?(?:doctor|physician|provider|therapist|"
    r"physiotherapist|practitioner|clinician|chiropractor|nurse|specialist|wand|probe|"
    r"applicator|device|machine|hand-?piece|transducer|gun)s?\s+(?:\w+ly\s+|then\s+|also\s+)?"
    r"(?:injects?|delivers?|applies|sends?|transmits?|directs?|presses|inserts?|places?|"
    r"glides?|moves?|passes|emits?|holds?|runs?|rolls?|sweeps?|rubs?|attaches|sticks?|"
    r"positions?|lays?|sets?|shines?|presses?|aims?|points?)\b|"
    # ("The practitioner may turn the needles by hand")
    r"^(?:a|an|the|your)\s+(?:[\w-]+\s+){0,2}?(?:doctor|physician|provider|therapist|"
    r"physiotherapist|practitioner|acupuncturist|clinician|chiropractor|nurse|specialist)s?\s+"
    r"(?:(?:may|can|will|then|also|usually|often|sometimes|\w+ly)\s+)*(?:turn|twist|rotate|"
    r"twirl|flick|stimulate|manipulate|move|leave|heat|warm|connect|insert|place|tap)s?\s+"
    r"(?:the |each |a |one or more |several )?(?:[\w-]+ )?needles?\b|"
    r"^(?:an?|the|each) (?:injection|shot) of [^.;]{3,60}? into\b|"
    r"\b(?:gel|needles?|medicine|medication|an(?:a)?esthetic|steroid|solution|sound waves|"
    r"shock ?waves|waves|pulses|energy|(?:sound )?head|probe|wand|applicator|transducer|"
    r"hand-?piece|cups?|tape|strips?|electrodes|pads)\s+(?:is|are)\s+(?:\w+ly\s+|then\s+|"
    r"first\s+)?"
    r"(?:spread|applied|injected|placed|inserted|delivered|sent|directed|transmitted|rubbed|"
    r"passed|moved|glided|slid|held|attached|stuck|set|laid|run|rolled)\b"
)
# the tradition a treatment comes from ("comes from Western medicine", "grew out of
# traditional Chinese medicine", "has its roots in"): what it is (not when it was first
# made, "was created in the 1980s": its history)
DEFINITION_ORIGIN = _rx(
    r"^\s*(?:\w+ly )?(?:comes? from|came from|grew out of|grows out of|has (?:its )?roots in|"
    r"(?:is|are|was|were) rooted in|(?:is|are) based on)\b"
)
# what is put in: "Most often the medicine is a local anesthetic", "The solution contains ..."
DEFINITION_CONTENT = _rx(
    r"^(?:[^,]{0,25},\s*)?(?:most often |usually |typically |commonly |often )?(?:the|this|"
    r"each|an?) (?:[\w-]+ )?(?:medicines?|medications?|drugs?|solutions?|mixtures?|fluids?|"
    r"substances?) (?:used |injected |given )?(?:is|are|contains?|includes?|consists? of|"
    r"(?:is|are) made (?:of|from|up of))\s+(?:usually |often |typically |most often |"
    r"generally )?(?:an?|the|\w+caine|saline|steroids?|cortico\w+)\b"
)
# a heading or lead-in line on what the treatment is made of or puts in ("What is
# injected?", "The mixture contains:"): its items say what the treatment is
DEFINITION_CONTEXT = _rx(
    r"\bwhat (?:is|gets|goes) (?:injected|used|put in)|\bwhat(?:'s| is) in (?:it|them|the)\b|"
    r"\b(?:contains?|ingredients|made (?:of|from)|medicines? (?:used|we use|injected)|"
    r"types of (?:medicines?|injections?|needles?|devices?|shots?))\b"
)
# the treatment's target glossed where it is named ("trigger points, which are ...",
# "myofascial trigger points, the bundles of ...")
TARGET_GLOSS = _rx(r"^,\s+(?:which|that) (?:are|is)\b|^,\s+(?:the|small|tight|tiny|hard)\b")
# the opening of a list of harms ("side effects such as", "risks include", "complications
# like"): plain pain in it is a harm of the treatment
HARM_LIST = _rx(
    r"\b(?:side[ -]effects?|adverse (?:effects?|events|reactions)|complications?|risks?)\b,?"
    r"(?: \w+){0,3}? (?:such as|like|including|include|includes|are|is|can be|may be)\b"
)
# a harm named in an instruction ("Call ... if you have side effects such as X")
AE_EXAMPLES = _rx(
    r"\b(?:side[ -]effects?|complications?|reactions?)\s+(?:such as|like|including)\b"
)
# the text before the name: "In dry needling, ...", "Manual techniques include dry needling"
DEFINITION_START = _rx(
    r"^\s*in\s+$|^(?:[\w-]+\s+){1,4}(?:include|includes|are called|is called|known as)\s+$|"
    # "Think of cupping as a reverse massage", "Picture dry needling as ..."
    r"^(?:(?:you can|you could|just|simply)\s+)?(?:think of|picture|imagine|see)\s+$"
)
# "conditions like A, B and C": the list after the cue, for words the vocabulary lacks
CONDITION_LIST = _rx(
    r"\b(?:conditions?|ailments|disorders|problems|pains|injuries)\s+(?:\w+\s+){0,2}?"
    r"(?:like|such as|including|include)\s+|\bsuch as\s+|\bincluding\s+|\bassociated with\s+|"
    r"\bhelp (?:with )?(?!after|before|when|if|in|at|for|to|you|your|them|it|people|patients)"
    r"(?=\w)|\btreat (?=\w)"
)


# "pain in the back, neck, arms or legs": the parts of the series, each a pain condition
# where the vocabulary has one (the back read as the low back, as "back pain" commonly is)
BODY_PAIN = _rx(
    r"\b(?:(?:pain|aches?|soreness) (?:in|around)|(?:muscle groups|those) (?:of|in)) (?:the|your|"
    r"their|his|"
    r"her|one's) ((?:lower |upper )?[a-z]+"
    r"(?:(?:,| and| or|, and|, or) (?:the |your )?(?:lower |upper )?[a-z]+){0,6})"
)
