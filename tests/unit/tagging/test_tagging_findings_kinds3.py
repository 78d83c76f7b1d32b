"""The findings reader on five failure kinds named from a batch of real text it had not
been tuned on (third round). Every record and sentence here is SYNTHETIC, written in the
styles of many abstracts: mild events named after a phrase ("the side effects of X were
mild"), a null result whose object is a long noun phrase ("does not make the care of ...
more effective"), two forms of one treatment (image guidance against a blind technique,
two settings of one device), "either X or Y" said of both arms, and "was similar" across
the groups.
"""

from __future__ import annotations

import pytest
from tagging_builders import (
    JOURNAL_ARTICLE,
    META_ANALYSIS,
    RCT,
    SYSTEMATIC_REVIEW,
    findings,
)

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.directions import classify_clause


def effects(found: list[Finding], intervention: str) -> list[Finding]:
    return [f for f in found if f.kind == "effect" and f.intervention == intervention]


def _first_safety_direction(vocab: Vocabulary, sentence: str) -> str | None:
    """The direction of the first safety finding of a sham-controlled neck pain trial whose
    results end with ``sentence`` (None: no safety finding)."""
    found = findings(
        vocab,
        **NECK_TRIAL,
        results=f"Pain fell more with dry needling than with sham (p = 0.01). {sentence}",
        conclusions="Dry needling reduced neck pain.",
    )
    safety = [f for f in found if f.kind == "safety"]
    return safety[0].direction if safety else None


@pytest.mark.parametrize(
    "sentence",
    [
        "The side effects of laser therapy were mild and no more frequent than with placebo.",
        "Adverse events in the needling group were minor (bruising, soreness) and resolved.",
        "Side-effects with shockwave were transient, and none led to withdrawal.",
        "Complications after the injections were of a minor kind in every case.",
    ],
)
def test_events_named_mild_after_a_phrase_are_minor_harm(vocab: Vocabulary, sentence: str) -> None:
    found = findings(
        vocab,
        title="Laser therapy for neck pain: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        results=f"Pain fell more with laser than with placebo (p = 0.01). {sentence}",
        conclusions="Laser therapy reduced neck pain.",
    )
    safety = [f for f in found if f.kind == "safety"]
    assert safety and all(f.direction == "harm" and f.seriousness == "minor" for f in safety)


@pytest.mark.parametrize(
    "clause",
    [
        "adding ultrasound does not make the treatment of acute ankle sprain in young athletes "
        "more effective",
        "the injection did not make the early management of shoulder pain after stroke any better",
        "taping does not make conservative care of patellofemoral pain more beneficial",
    ],
)
def test_a_null_result_with_a_long_object_is_no_benefit(clause: str) -> None:
    assert classify_clause(clause) == "no_benefit"


@pytest.mark.parametrize(
    "methods",
    [
        "Sixty patients were randomized to trigger point injection under ultrasound guidance "
        "or to blind injection guided by palpation.",
        "Patients received either US-guided trigger point injections or injections placed by "
        "anatomical landmarks.",
        "We randomized 48 adults to trigger point injection given blind or guided by sonography.",
    ],
)
def test_image_guidance_against_a_blind_technique_is_a_variant(
    vocab: Vocabulary, methods: str
) -> None:
    found = findings(
        vocab,
        title="Trigger point injection for myofascial pain syndrome: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods=methods,
        conclusions="Guided trigger point injection relieved pain more than the other "
        "technique in myofascial pain syndrome.",
    )
    (finding, *_) = effects(found, "trigger_point_injection")
    assert finding.comparator == "variant"


@pytest.mark.parametrize(
    "methods",
    [
        "Fifty patients received radial shockwave therapy at two different frequencies.",
        "We compared shockwave therapy given at two settings of pressure in 40 heels.",
        "Shockwave therapy was applied at three energy levels in randomly allocated groups.",
    ],
)
def test_one_device_at_two_settings_is_a_variant(vocab: Vocabulary, methods: str) -> None:
    found = findings(
        vocab,
        title="Shockwave therapy for plantar fasciitis: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods=methods,
        conclusions="The groups did not differ significantly in heel pain at 12 weeks.",
    )
    (finding, *_) = effects(found, "shockwave_therapy")
    assert finding.direction == "no_benefit"
    assert finding.comparator == "variant"


@pytest.mark.parametrize(
    "conclusion",
    [
        "Either dry needling or laser therapy may relieve pain from trigger points.",
        "Patients can be offered either laser therapy or dry needling, since each eased neck pain.",
        "In our hands, either laser or dry needling was an effective treatment for active "
        "trigger points.",
    ],
)
def test_either_of_two_arms_said_to_work_is_each_arm_benefit(
    vocab: Vocabulary, conclusion: str
) -> None:
    found = findings(
        vocab,
        title="Laser therapy versus dry needling for myofascial pain syndrome",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty women with myofascial pain syndrome were randomized to laser therapy "
        "or dry needling.",
        conclusions=conclusion,
    )
    for intervention in ("dry_needling", "laser_therapy"):
        (finding, *_) = effects(found, intervention)
        assert finding.direction == "benefit"
        assert finding.comparator == "none"


def test_better_than_either_is_not_each_arm() -> None:
    from evidence.tagging.findings import _EITHER_OR

    assert _EITHER_OR.search("dry needling was better than either laser or stretching") is None
    assert _EITHER_OR.search("either laser or dry needling eased pain") is not None


@pytest.mark.parametrize(
    "clause",
    [
        "the amount of improvement was similar across the three groups",
        "pain relief at six weeks was broadly similar in both arms",
        "the change in disability is similar whichever technique is used",
        "function remained similar between the groups",
    ],
)
def test_was_similar_is_a_null_comparison(clause: str) -> None:
    assert classify_clause(clause) == "no_benefit"


@pytest.mark.parametrize(
    ("results", "conclusion"),
    [
        (
            "Between-group comparison showed no significant difference in pain (p = 0.41).",
            "Pain improved in both groups after four weeks of treatment.",
        ),
        (
            "At the end of treatment the two arms did not differ in VAS or NDI.",
            "Neck pain decreased from baseline in each group.",
        ),
        (
            "Improvement was similar in the two groups at every visit (P > 0.05).",
            "Both treatment groups got better over the six weeks of the study.",
        ),
    ],
)
def test_a_change_within_each_arm_comes_with_the_between_arm_null(
    vocab: Vocabulary, results: str, conclusion: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling plus exercise versus exercise alone for neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Fifty adults with neck pain were randomized to dry needling added to "
        "exercise or to exercise alone.",
        results=results,
        conclusions=conclusion,
    )
    statements = [(f.direction, f.comparator) for f in effects(found, "dry_needling")]
    assert statements[0] == ("benefit", "none")
    assert ("no_benefit", "no_treatment") in statements


def test_a_null_result_gets_no_within_arm_benefit_beside_it(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling versus sham needling for neck pain: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        results="Pain fell from baseline in both groups (p < 0.01).",
        conclusions="Dry needling was no more effective than sham needling for neck pain.",
    )
    statements = {(f.direction, f.comparator) for f in effects(found, "dry_needling")}
    assert statements == {("no_benefit", "sham")}


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        (
            "pain and disability did not, however, differ significantly between the groups",
            "no_benefit",
        ),
        ("needling was not, in the end, superior to the sham procedure", "no_benefit"),
        (
            "the laser group did not, surprisingly, improve more than the control group",
            "no_benefit",
        ),
        ("the effect on pain was, however, small", "benefit"),
    ],
)
def test_an_adverb_set_inside_a_negated_verb_keeps_the_clause_whole(
    clause: str, direction: str
) -> None:
    assert classify_clause(clause) == direction


def test_however_between_two_clauses_still_splits_them() -> None:
    from evidence.tagging.directions import split_clauses

    text = "dry needling reduced pain, however, laser did not"
    assert [text[a:b].strip() for a, b in split_clauses(text)] == [
        "dry needling reduced pain",
        "laser did not",
    ]


def test_the_between_arm_null_keeps_its_own_certainty(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Laser therapy versus dry needling for myofascial pain syndrome",
        types=[JOURNAL_ARTICLE, RCT],
        results="In both groups pain fell from baseline (P < 0.001). Pain and disability did "
        "not, however, differ between the two groups (P > 0.05).",
        conclusions="Either laser therapy or dry needling may ease myofascial pain.",
    )
    by_comparator = {f.comparator: f for f in effects(found, "dry_needling")}
    assert "low_certainty" in by_comparator["none"].qualifiers  # "may ease"
    assert by_comparator["active"].direction == "no_benefit"
    assert "low_certainty" not in by_comparator["active"].qualifiers  # stated firmly


@pytest.mark.parametrize(
    "methods",
    [
        "We compared two durations of ultrasound, 5 and 10 minutes a session, in 80 knees.",
        "Patients were randomized to ultrasound once a week or to ultrasound twice a week.",
        "Ultrasound was given for 4 versus 8 minutes in two randomly allocated groups.",
        "Each patient's knee received ultrasound on one of three schedules.",
        "Knees were randomized to one or three sessions of ultrasound.",
    ],
)
def test_one_treatment_at_two_durations_or_schedules_is_a_variant(
    vocab: Vocabulary, methods: str
) -> None:
    found = findings(
        vocab,
        title="Therapeutic ultrasound for knee osteoarthritis: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods=methods,
        conclusions="Pain and function did not differ significantly between the groups.",
    )
    (finding, *_) = effects(found, "therapeutic_ultrasound")
    assert finding.direction == "no_benefit"
    assert finding.comparator == "variant"


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        # "experimental" names an arm, not an unproven treatment
        (
            "there was no statistically significant difference between the experimental and "
            "control groups",
            "no_benefit",
        ),
        ("the experimental and sham groups improved alike", "no_benefit"),
        ("the procedure is still experimental and unproven", "inconclusive"),
        # null wordings
        ("the outcomes of both groups were statistically indistinguishable", "no_benefit"),
        ("the differences between groups did not reach statistical significance", "no_benefit"),
        ("the change in pain was not statistically different from sham", "no_benefit"),
        ("this study could not demonstrate an effect of dry needling", "no_benefit"),
        ("we did not detect any benefit of adding laser", "no_benefit"),
        ("neither treatment was better than the other", "no_benefit"),
        ("the effect size was negligible and not clinically relevant", "no_benefit"),
        # the evidence cannot tell
        ("high-quality trials are lacking, so its effectiveness is uncertain", "inconclusive"),
        ("the quality of the evidence is too low to draw conclusions", "inconclusive"),
        ("data were too sparse to allow any conclusion on efficacy", "inconclusive"),
    ],
)
def test_null_and_cannot_tell_wordings(clause: str, direction: str) -> None:
    assert classify_clause(clause) == direction


@pytest.mark.parametrize(
    "conclusion",
    [
        "The use of dry needling cannot be supported on the basis of this trial.",
        "Significant between-group differences were not found.",
        "There was a lack of difference between real and sham needling.",
        "The results obtained do not justify the use of DN for this population.",
        "Dry needling was not associated with improvements over sham.",
    ],
)
def test_more_ways_a_trial_says_no_benefit(vocab: Vocabulary, conclusion: str) -> None:
    found = findings(
        vocab,
        title="Dry needling for chronic neck pain: a randomized controlled trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty patients with chronic neck pain were randomly assigned to dry needling "
        "or sham needling.",
        conclusions=conclusion,
    )
    (finding, *_) = effects(found, "dry_needling")
    assert (finding.direction, finding.comparator) == ("no_benefit", "sham")


def test_adverse_effects_not_observed_is_no_null_result() -> None:
    assert classify_clause("adverse effects were not observed in either group") is None


NECK_TRIAL = {
    "title": "Dry needling for chronic neck pain: a randomized controlled trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Sixty patients with chronic neck pain were randomly assigned to dry needling or "
    "sham needling.",
}


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("Three participants reported transient dizziness.", "harm"),
        ("Two patients felt mild light-headedness after the first session.", "harm"),
        ("Nobody experienced adverse effects.", "no_harm"),
        ("No participant reported side effects at any visit.", "no_harm"),
    ],
)
def test_people_counted_with_a_mild_event_or_with_none(
    vocab: Vocabulary, sentence: str, direction: str
) -> None:
    assert _first_safety_direction(vocab, sentence) == direction


@pytest.mark.parametrize(
    ("record", "hedged"),
    [
        (
            {"conclusions": "These preliminary results indicate that needling eases neck pain."},
            True,
        ),
        ({"conclusions": "Dry needling appeared to reduce neck pain."}, True),
        (
            {
                "title": "Dry needling for neck pain: a preliminary randomized trial",
                "conclusions": "Dry needling reduced neck pain more than sham needling.",
            },
            True,
        ),
        # a change that "appeared" days later is no hedge
        (
            {
                "conclusions": "Dry needling reduced neck pain; the changes appeared two days "
                "after the session."
            },
            False,
        ),
    ],
)
def test_preliminary_results_and_appeared_to_are_hedged(
    vocab: Vocabulary, record: dict[str, str], hedged: bool
) -> None:
    found = findings(vocab, **{**NECK_TRIAL, **record})
    (finding, *_) = effects(found, "dry_needling")
    assert finding.direction == "benefit"
    assert ("low_certainty" in finding.qualifiers) is hedged


@pytest.mark.parametrize(
    "conclusion",
    [
        "Dry needling of an active trigger point lowered pain more than dry needling of a "
        "point away from it.",
        "Dry needling into the MTrP eased pain significantly compared with dry needling "
        "elsewhere in the same muscle.",
        "Dry needling aimed at the taut band of the trigger point relieved pain better than "
        "dry needling given at a distant site.",
    ],
)
def test_one_treatment_set_against_itself_past_a_second_name_is_a_variant(
    vocab: Vocabulary, conclusion: str
) -> None:
    found = findings(
        vocab,
        title="Dry needling for neck pain: at the trigger point or away from it?",
        types=[JOURNAL_ARTICLE, RCT],
        conclusions=conclusion,
    )
    (finding, *_) = effects(found, "dry_needling")
    assert (finding.direction, finding.comparator) == ("benefit", "variant")


REVIEW = {
    "title": "Dry needling for myofascial pain: a systematic review and meta-analysis",
    "types": [JOURNAL_ARTICLE, SYSTEMATIC_REVIEW, META_ANALYSIS],
    "methods": "We searched five databases for randomized trials of dry needling.",
    "conclusions": "Dry needling reduced pain compared with sham in the short term.",
}


@pytest.mark.parametrize(
    ("record", "sentence", "direction"),
    [
        (
            REVIEW,
            "Adverse events were poorly reported; where reported, they were mild and transient.",
            "harm",
        ),
        (NECK_TRIAL, "Side effects were noted in six patients, and these were mild.", "harm"),
        (
            REVIEW,
            "Only three trials reported on safety, and none described serious harms.",
            "no_harm",
        ),
        (
            NECK_TRIAL,
            "Adverse effects were similar between the groups and none were serious.",
            "no_harm",
        ),
        (NECK_TRIAL, "Complications were comparable across both arms.", "no_harm"),
    ],
)
def test_events_named_mild_by_a_pronoun_or_as_frequent_as_control(
    vocab: Vocabulary, record: dict[str, object], sentence: str, direction: str
) -> None:
    found = findings(vocab, **{**record, "results": f"Pain fell. {sentence}"})
    safety = [f for f in found if f.kind == "safety"]
    assert safety and safety[0].direction == direction
    assert safety[0].seriousness == ("minor" if direction == "harm" else "none")


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        (
            "Treatment-related adverse events were limited to transient reddening of the skin.",
            "harm",
        ),
        ("Brief soreness during the session was the only side effect.", "harm"),
        ("Apart from mild discomfort during treatment, no side effects occurred.", "harm"),
        ("The treatment was free from any undesirable effects.", "no_harm"),
        ("Unwanted effects were not reported.", "no_harm"),
    ],
)
def test_events_listed_as_the_only_ones_and_unwanted_effects(
    vocab: Vocabulary, sentence: str, direction: str
) -> None:
    assert _first_safety_direction(vocab, sentence) == direction


@pytest.mark.parametrize(
    "clause",
    [
        "the evidence for therapeutic ultrasound is conflicting",
        "results of the included trials on laser were inconsistent",
        "the findings on pain remain contradictory",
        "contradictory results were reported for shockwave therapy",
    ],
)
def test_evidence_said_to_conflict_after_its_subject_is_inconclusive(clause: str) -> None:
    assert classify_clause(clause) == "inconclusive"
