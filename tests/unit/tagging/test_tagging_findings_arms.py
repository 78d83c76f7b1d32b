"""The findings reader on arms and comparators (real-text failure kinds).

Every record and sentence here is SYNTHETIC, written for the failure kind it exercises:
a statement about every arm ("both groups improved") is each arm's own benefit with no
comparator, it is read from the results when nothing else is, a review is compared with
`mixed` unless its sentence sets two treatments against each other, and a randomized
trial that names no control arm compares with no treatment.
"""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, META_ANALYSIS, RCT, SYSTEMATIC_REVIEW, article

from evidence.models import Finding
from evidence.tagging import Vocabulary
from evidence.tagging.findings import analyse_article

HEAD_TO_HEAD = {
    "title": "Dry needling or therapeutic ultrasound for neck pain: a randomized trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Sixty office workers with neck pain were randomized to dry needling or to "
    "therapeutic ultrasound, six sessions each.",
}


def effects(record: dict[str, object], vocab: Vocabulary) -> dict[str, Finding]:
    found = analyse_article(article(**record), vocab)[1]  # type: ignore[arg-type]
    first: dict[str, Finding] = {}
    for f in found:
        if f.kind == "effect":
            first.setdefault(f.intervention, f)
    return first


@pytest.mark.parametrize(
    "conclusions",
    [
        "Both groups improved in pain and disability after six sessions.",
        "All groups showed favourable changes in pain at the end of treatment.",
        "Pain fell significantly in each of the two arms.",
    ],
)
def test_a_statement_about_every_arm_is_each_arms_benefit(
    vocab: Vocabulary, conclusions: str
) -> None:
    found = effects({**HEAD_TO_HEAD, "conclusions": conclusions}, vocab)
    for intervention in ("dry_needling", "therapeutic_ultrasound"):
        finding = found[intervention]
        assert (finding.direction, finding.comparator) == ("benefit", "none"), intervention


def test_both_named_arms_share_a_benefit_when_one_is_named_otherwise(
    vocab: Vocabulary,
) -> None:
    # "sonic therapy" is not a vocabulary name of therapeutic ultrasound: "both ... and ..."
    # in a record that studies two treatments still speaks of both
    found = effects(
        {
            **HEAD_TO_HEAD,
            "conclusions": "Both dry needling and sonic therapy were effective in relieving "
            "neck pain in the short term.",
        },
        vocab,
    )
    assert found["therapeutic_ultrasound"].direction == "benefit"
    assert found["dry_needling"].direction == "benefit"


def test_a_change_within_the_arms_is_read_when_the_results_state_nothing_else(
    vocab: Vocabulary,
) -> None:
    sentence = "Pain and disability improved significantly from baseline in both groups."
    found = effects(
        {
            **HEAD_TO_HEAD,
            "results": f"Fifty-eight participants completed the study. {sentence}",
            "conclusions": "Dry needling and therapeutic ultrasound are options physiotherapists "
            "can offer to office workers.",
        },
        vocab,
    )
    finding = found["dry_needling"]
    assert (finding.direction, finding.comparator, finding.sentence) == (
        "benefit",
        "none",
        sentence,
    )


def test_a_difference_between_the_arms_comes_before_a_change_within_them(
    vocab: Vocabulary,
) -> None:
    sentence = "The dry needling group improved more than the ultrasound group (p = 0.01)."
    found = effects(
        {
            **HEAD_TO_HEAD,
            "results": f"Pain improved from baseline in both groups. {sentence}",
            "conclusions": "Both are treatments physiotherapists can offer.",
        },
        vocab,
    )
    finding = found["dry_needling"]
    assert (finding.direction, finding.comparator, finding.sentence) == (
        "benefit",
        "active",
        sentence,
    )


@pytest.mark.parametrize(
    ("conclusions", "comparator"),
    [
        pytest.param(
            "Dry needling reduced neck pain more than sham needling or no treatment.",
            "mixed",
            id="pooled-controls",
        ),
        pytest.param(
            "Dry needling reduced neck pain more than therapeutic ultrasound did.",
            "active",
            id="head-to-head",
        ),
        pytest.param(
            "Deep dry needling reduced neck pain more than superficial dry needling.",
            "variant",
            id="variant",
        ),
    ],
)
def test_a_review_is_mixed_unless_its_sentence_compares_two_treatments(
    vocab: Vocabulary, conclusions: str, comparator: str
) -> None:
    found = effects(
        {
            "title": "Dry needling for neck pain: a systematic review and meta-analysis",
            "types": [JOURNAL_ARTICLE, SYSTEMATIC_REVIEW, META_ANALYSIS],
            "methods": "We pooled randomized trials of dry needling in neck pain against sham, "
            "no treatment or therapeutic ultrasound.",
            "conclusions": conclusions,
        },
        vocab,
    )
    assert found["dry_needling"].comparator == comparator


@pytest.mark.parametrize(
    ("methods", "comparator"),
    [
        pytest.param(
            "Forty adults with lateral epicondylitis were randomized into two groups.",
            "no_treatment",
            id="one-treatment",
        ),
        pytest.param(
            "Forty adults with lateral epicondylitis were randomized to dry needling or to "
            "therapeutic ultrasound.",
            "active",
            id="two-treatments",
        ),
    ],
)
def test_a_randomized_trial_that_names_no_control_arm(
    vocab: Vocabulary, methods: str, comparator: str
) -> None:
    found = effects(
        {
            "title": "Dry needling in lateral epicondylitis: a randomized trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": methods,
            "conclusions": "Dry needling is an effective treatment for lateral epicondylitis.",
        },
        vocab,
    )
    assert found["dry_needling"].comparator == comparator


def test_an_add_on_named_in_the_sentence_is_against_no_treatment(vocab: Vocabulary) -> None:
    found = effects(
        {
            **HEAD_TO_HEAD,
            "conclusions": "Pain improved more when dry needling was added to therapeutic "
            "ultrasound than with therapeutic ultrasound alone.",
        },
        vocab,
    )
    assert found["dry_needling"].comparator == "no_treatment"


@pytest.mark.parametrize(
    "conclusions",
    [
        "Both groups improved in pain, with no difference between them.",
        "Both groups improved in pain. The groups did not differ at any time point.",
    ],
)
def test_every_arm_improving_against_sham_is_no_benefit(
    vocab: Vocabulary, conclusions: str
) -> None:
    found = effects(
        {
            "title": "Therapeutic ultrasound for knee pain: a randomized trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": "Sixty adults with knee pain had therapeutic ultrasound or switched-off "
            "sham ultrasound.",
            "conclusions": conclusions,
        },
        vocab,
    )
    finding = found["therapeutic_ultrasound"]
    assert (finding.direction, finding.comparator) == ("no_benefit", "sham")


def test_a_review_of_several_treatments_gives_each_its_own_result(vocab: Vocabulary) -> None:
    found = effects(
        {
            "title": "Needling, injection and ultrasound for myofascial pain: a systematic review",
            "types": [JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
            "methods": "We searched for trials of dry needling, trigger point injection and "
            "therapeutic ultrasound in myofascial pain syndrome.",
            "conclusions": "Dry needling relieved pain more than sham (low-quality evidence), "
            "whereas the evidence on trigger point injection was insufficient. Therapeutic "
            "ultrasound did not differ from placebo.",
        },
        vocab,
    )
    assert {i: (f.direction, f.comparator) for i, f in found.items()} == {
        "dry_needling": ("benefit", "mixed"),
        "trigger_point_injection": ("inconclusive", "mixed"),
        "therapeutic_ultrasound": ("no_benefit", "mixed"),
    }
    assert "low_certainty" in found["dry_needling"].qualifiers


def test_an_unnamed_arm_at_the_start_is_the_titles_treatment(vocab: Vocabulary) -> None:
    found = effects(
        {
            "title": "Dry needling plus exercise for tennis elbow: a randomized trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": "Forty adults with lateral epicondylitis were randomized to dry needling "
            "plus exercise or to a control programme of therapeutic ultrasound and massage.",
            "results": "The experimental group improved significantly more in grip strength "
            "and pain than the control group (p < 0.01).",
        },
        vocab,
    )
    assert found["dry_needling"].direction == "benefit"
    assert "therapeutic_ultrasound" not in found
    assert "massage" not in found


def test_a_placebo_named_in_the_sentence_is_the_comparator_over_a_variant(
    vocab: Vocabulary,
) -> None:
    found = effects(
        {
            "title": "Pulsed or continuous ultrasound for carpal tunnel syndrome: a trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": "Sixty patients had continuous therapeutic ultrasound, pulsed "
            "therapeutic ultrasound or placebo ultrasound.",
            "conclusions": "Continuous and pulsed ultrasound gave no more relief than placebo.",
        },
        vocab,
    )
    finding = found["therapeutic_ultrasound"]
    assert (finding.direction, finding.comparator) == ("no_benefit", "sham")


@pytest.mark.parametrize(
    "conclusions",
    [
        "Dry needling and laser therapy relieved myofascial pain, but not therapeutic ultrasound.",
        "Dry needling and laser therapy relieved myofascial pain; therapeutic ultrasound did not.",
    ],
)
def test_a_treatment_denied_the_previous_result_has_no_benefit(
    vocab: Vocabulary, conclusions: str
) -> None:
    found = effects(
        {
            "title": "Physical treatments for myofascial pain: a systematic review",
            "types": [JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
            "methods": "We pooled trials of dry needling, laser therapy and therapeutic "
            "ultrasound for myofascial pain syndrome.",
            "conclusions": conclusions,
        },
        vocab,
    )
    assert {i: (f.direction, f.comparator) for i, f in found.items()} == {
        "dry_needling": ("benefit", "mixed"),  # named side by side, not against each other
        "laser_therapy": ("benefit", "mixed"),
        "therapeutic_ultrasound": ("no_benefit", "mixed"),
    }


def test_but_not_at_a_later_time_is_not_a_denial(vocab: Vocabulary) -> None:
    found = effects(
        {
            "title": "Dry needling for myofascial pain: a systematic review",
            "types": [JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
            "methods": "We pooled trials of dry needling for myofascial pain syndrome.",
            "conclusions": "Dry needling relieved myofascial pain at 4 weeks, but not at 12 weeks.",
        },
        vocab,
    )
    assert found["dry_needling"].direction == "benefit"
