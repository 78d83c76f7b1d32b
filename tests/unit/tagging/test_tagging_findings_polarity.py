"""The findings reader on outcome polarity and unsigned differences (real-text failure kinds).

Every record and sentence here is SYNTHETIC, written for the failure kind it exercises:
a rise in an outcome where lower is better (pain) is harm, a rise in one where higher is
better (pressure pain threshold, range of motion) is a benefit, a patient left without pain
is a benefit, and a significant between-group difference stated without its sign is read
for the tested arm.
"""

from __future__ import annotations

import pytest
from tagging_builders import CASE_REPORTS, JOURNAL_ARTICLE, RCT, SYSTEMATIC_REVIEW, article

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.directions import classify_clause, read_clause, split_clauses
from evidence.tagging.findings import analyse_article


def effect(record: dict[str, object], vocab: Vocabulary, intervention: str) -> Finding:
    found = analyse_article(article(**record), vocab)[1]  # type: ignore[arg-type]
    return next(f for f in found if f.kind == "effect" and f.intervention == intervention)


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        pytest.param("neck pain rose in the hour after the needling", "harm", id="pain-rose"),
        pytest.param("symptoms worsened after two sessions", "harm", id="symptoms-worsened"),
        pytest.param("the pain threshold increased after needling", "benefit", id="threshold"),
        pytest.param("pain pressure threshold rose by 1.2 kg/cm2", "benefit", id="ppt-rose"),
        pytest.param("knee range of motion increased by ten degrees", "benefit", id="rom-rose"),
        pytest.param("greater cervical mobility at four weeks", "benefit", id="greater-mobility"),
        pytest.param("pain relief increased with each session", "benefit", id="relief-rose"),
        pytest.param("nrs scores dropped from 7 to 3", "benefit", id="pain-fell"),
        pytest.param("at discharge the woman was pain-free", "benefit", id="pain-free"),
        pytest.param("pain increased in the control group", None, id="control-arm"),
        pytest.param("function was worse in the sham group", None, id="control-arm-worse"),
        pytest.param(
            "the taping group had worse function than the control group", "harm", id="worse-than"
        ),
        pytest.param("laser gave poorer results than exercise", "harm", id="poorer"),
        pytest.param("no pain reduction was recorded", None, id="no-pain-reduction"),
    ],
)
def test_outcome_polarity_gives_the_direction(clause: str, direction: str | None) -> None:
    assert classify_clause(clause) == direction


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        pytest.param(
            "the needling and control arms differed significantly on every measure",
            "benefit",
            id="differed-significantly",
        ),
        pytest.param(
            "the two arms differed in grip force (p < 0.01) and in pain (p = 0.02)",
            "benefit",
            id="differed-with-p",
        ),
        pytest.param(
            "the difference between arms was not statistically significant",
            "no_benefit",
            id="not-significant",
        ),
        pytest.param("the arms did not differ significantly", "no_benefit", id="did-not-differ"),
    ],
)
def test_an_unsigned_difference_is_read_for_the_tested_arm(
    clause: str, direction: str | None
) -> None:
    assert classify_clause(clause) == direction


def test_a_rise_in_pain_after_treatment_is_harm(vocab: Vocabulary) -> None:
    finding = effect(
        {
            "title": "Immediate effects of dry needling in chronic neck pain: a crossover trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": "Forty adults with chronic neck pain had dry needling and sham needling "
            "in random order.",
            "results": "Compared with the sham session, neck pain rose in the hour after dry "
            "needling (p = 0.01).",
        },
        vocab,
        "dry_needling",
    )
    assert (finding.direction, finding.comparator) == ("harm", "sham")


def test_a_rise_in_threshold_and_motion_is_a_benefit(vocab: Vocabulary) -> None:
    sentence = "Pressure pain threshold and range of motion rose significantly by day five."
    finding = effect(
        {
            "title": "Dry needling of the infraspinatus in shoulder pain: a controlled trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": "Thirty adults with shoulder pain had one session of dry needling.",
            "results": f"Muscle thickness was unchanged. {sentence}",
            "conclusions": "Dry needling was followed by changes in shoulder sensitivity.",
        },
        vocab,
        "dry_needling",
    )
    assert (finding.direction, finding.sentence) == ("benefit", sentence)


def test_a_case_left_without_pain_is_a_benefit(vocab: Vocabulary) -> None:
    finding = effect(
        {
            "title": "Dry needling for chronic low back pain in a runner: a case report",
            "types": [JOURNAL_ARTICLE, CASE_REPORTS],
            "methods": "A 40-year-old runner with low back pain had four sessions of dry needling.",
            "results": "After the last session he reported no pain on the numeric rating scale.",
            "conclusions": "He went back to running in the sixth week.",
        },
        vocab,
        "dry_needling",
    )
    assert (finding.direction, finding.comparator) == ("benefit", "none")


def test_a_significant_difference_from_control_is_a_benefit(vocab: Vocabulary) -> None:
    finding = effect(
        {
            "title": "Dry needling for neck pain in nurses: a randomized trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": "Fifty nurses with neck pain were randomized to dry needling plus "
            "stretching or to stretching alone.",
            "results": "At four weeks the dry needling group and the stretching group differed "
            "in pain (p < 0.001) and in range of motion (p = 0.02).",
        },
        vocab,
        "dry_needling",
    )
    assert finding.direction == "benefit"


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        pytest.param("cupping is a promising adjunct for neck pain", "benefit", id="promising"),
        pytest.param(
            "low-quality evidence supports its use in neck pain", "benefit", id="supports"
        ),
        pytest.param("the data do not support its use", "no_benefit", id="does-not-support"),
        pytest.param(
            "laser therapy outperformed exercise at six weeks", "benefit", id="outperformed"
        ),
        pytest.param("needling may help people with chronic neck pain", "benefit", id="may-help"),
        pytest.param("knowing this helps in reading the images", None, id="helps-to-know"),
        pytest.param(
            "it gave good clinical results in most patients", "benefit", id="good-results"
        ),
        pytest.param("it is a useful treatment option in tennis elbow", "benefit", id="option"),
        pytest.param(
            "shockwave should be considered after failed splinting", "benefit", id="consider"
        ),
        pytest.param("ppt was significantly higher after needling", "benefit", id="ppt-higher"),
        pytest.param("vas scores were significantly lower at week 4", "benefit", id="vas-lower"),
        pytest.param("pain reduction was higher with needling", "benefit", id="reduction-higher"),
        pytest.param(
            "no conclusion can be drawn on its effect", "inconclusive", id="no-conclusion"
        ),
    ],
)
def test_how_authors_commend_or_doubt_a_treatment(clause: str, direction: str | None) -> None:
    assert classify_clause(clause) == direction


@pytest.mark.parametrize(
    ("conclusions", "direction", "hedged"),
    [
        pytest.param(
            "Cupping appears to ease neck pain, and more research is warranted.",
            "benefit",
            True,
            id="benefit-then-call",
        ),
        pytest.param(
            "There is some evidence of a benefit on neck pain; larger trials are needed.",
            "benefit",
            True,
            id="some-evidence",
        ),
        pytest.param(
            "Larger trials are needed to show whether cupping eases neck pain.",
            "inconclusive",
            True,
            id="call-then-benefit",
        ),
    ],
)
def test_a_call_for_research_does_not_undo_a_benefit_stated_before_it(
    vocab: Vocabulary, conclusions: str, direction: str, hedged: bool
) -> None:
    finding = effect(
        {
            "title": "Cupping for chronic neck pain: a pilot-free randomized trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": "Forty adults with chronic neck pain had cupping or no treatment.",
            "conclusions": conclusions,
        },
        vocab,
        "cupping",
    )
    assert finding.direction == direction
    assert ("low_certainty" in finding.qualifiers) == hedged


@pytest.mark.parametrize(
    ("conclusions", "direction"),
    [
        pytest.param(
            "Dry needling relieved neck pain more than sham needling. Firm conclusions "
            "cannot be drawn from trials this small.",
            "benefit",
            id="stated-then-doubted",
        ),
        pytest.param(
            "The evidence remains unclear. Some trials report that dry needling relieved neck "
            "pain more than sham needling.",
            "inconclusive",
            id="doubted-then-stated",
        ),
    ],
)
def test_a_benefit_doubted_only_afterwards_is_a_hedged_benefit(
    vocab: Vocabulary, conclusions: str, direction: str
) -> None:
    finding = effect(
        {
            "title": "Dry needling for neck pain: a systematic review",
            "types": [JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
            "methods": "We pooled trials of dry needling against sham needling in neck pain.",
            "conclusions": conclusions,
        },
        vocab,
        "dry_needling",
    )
    assert finding.direction == direction
    assert "low_certainty" in finding.qualifiers


@pytest.mark.parametrize(
    ("sentence", "clauses"),
    [
        ("the benefit is not yet proven", 1),
        ("whether it helps has yet to be shown", 1),
        ("pain eased, yet disability did not change", 2),
    ],
)
def test_yet_breaks_a_clause_only_where_it_means_but(sentence: str, clauses: int) -> None:
    assert len(split_clauses(sentence)) == clauses


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        pytest.param("real needling did not significantly alter ppt", "no_benefit", id="alter"),
        pytest.param("laser did not affect grip strength", "no_benefit", id="affect"),
        pytest.param("its efficacy could not be demonstrated", "no_benefit", id="not-shown"),
        pytest.param("no beneficial effect on pain was found", "no_benefit", id="no-beneficial"),
        pytest.param("taping had no impact on function", "no_benefit", id="no-impact"),
        pytest.param("no significant between-group differences", "no_benefit", id="between-group"),
        pytest.param("shockwave was not inferior to surgery", "no_benefit", id="not-inferior"),
        pytest.param("there was no effect on adverse events", None, id="safety-not-effect"),
    ],
)
def test_how_authors_state_a_null_result(clause: str, direction: str | None) -> None:
    assert classify_clause(clause) == direction


@pytest.mark.parametrize(
    ("clause", "controlled", "direction"),
    [
        # one arm against another: a relative finding, no benefit over the active comparator
        ("laser was as effective as shockwave for heel pain", False, "similar"),
        # both arms named as effective: each arm's own benefit
        ("laser and shockwave were equally effective for heel pain", False, "benefit"),
    ],
)
def test_as_effective_as_is_relative_and_equally_effective_is_both(
    clause: str, controlled: bool, direction: str
) -> None:
    assert classify_clause(clause, controlled=controlled) == direction


@pytest.mark.parametrize(
    ("clause", "direction", "low"),
    [
        pytest.param(
            "our data do not allow firm conclusions on taping", "inconclusive", True, id="allow"
        ),
        pytest.param(
            "the effects of taping on knee pain were small and of doubtful clinical relevance",
            "benefit",
            True,
            id="small-doubtful",
        ),
        pytest.param(
            "real and sham taping lowered knee pain similarly", "no_benefit", False, id="similarly"
        ),
        pytest.param(
            "the difference in knee pain was not statistically significant",
            "no_benefit",
            False,
            id="not-significant",
        ),
        pytest.param(
            "the number of extra sessions did not alter these results", None, False, id="analysis"
        ),
    ],
)
def test_small_doubtful_similar_and_non_significant_results(
    clause: str, direction: str | None, low: bool
) -> None:
    reading = read_clause(clause)
    assert reading.direction == direction
    assert (reading.low or reading.strong) == low


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        ("pulsed laser gave no more relief than placebo laser", "no_benefit"),
        ("taping raised the pressure pain threshold at the elbow", "benefit"),
    ],
)
def test_no_more_relief_than_placebo_and_a_raised_threshold(clause: str, direction: str) -> None:
    assert classify_clause(clause) == direction


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        ("cupping is considered investigational for every indication", "inconclusive"),
        ("shockwave therapy is considered experimental and investigational", "inconclusive"),
        ("laser therapy is not medically necessary for neck pain", "no_benefit"),
        ("taping is medically necessary when these criteria are met", "benefit"),
    ],
)
def test_how_a_coverage_policy_words_its_verdict(clause: str, direction: str) -> None:
    assert classify_clause(clause) == direction
