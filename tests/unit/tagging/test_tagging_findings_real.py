"""The findings reader on the ways real abstracts state results (issue: read real abstracts).

Every record here is SYNTHETIC, written for the failure kind it exercises: comparators,
reviews of several treatments, results read when the conclusion states none, and safety.
"""

from __future__ import annotations

import pytest
from tagging_builders import (
    CASE_REPORTS,
    JOURNAL_ARTICLE,
    META_ANALYSIS,
    RCT,
    SYSTEMATIC_REVIEW,
    article,
)

from evidence.models import Finding, PublicationType
from evidence.tagging import Vocabulary
from evidence.tagging.findings import analyse_article
from evidence.tagging.taggers import find_matches
from evidence.tagging.text import build_document

SURVEY = PublicationType("D016428", "Journal Article")


def findings(record_kwargs: dict[str, object], vocab: Vocabulary) -> list[Finding]:
    return analyse_article(article(**record_kwargs), vocab)[1]  # type: ignore[arg-type]


def effect(found: list[Finding], intervention: str) -> Finding:
    return next(f for f in found if f.kind == "effect" and f.intervention == intervention)


def safety(found: list[Finding]) -> list[Finding]:
    return [f for f in found if f.kind == "safety"]


@pytest.mark.parametrize(
    ("methods", "conclusions", "comparator"),
    [
        pytest.param(
            "Sixty adults with chronic neck pain were randomized to dry needling or sham needling.",
            "Dry needling reduced pain more than sham needling.",
            "sham",
            id="sham",
        ),
        pytest.param(
            "Sixty adults with chronic neck pain were randomized to deep or superficial dry "
            "needling.",
            "Deep dry needling reduced pain more than superficial dry needling.",
            "variant",
            id="deep-vs-superficial",
        ),
        pytest.param(
            "Sixty adults with chronic neck pain were randomized to dry needling plus exercise "
            "or exercise alone.",
            "Adding dry needling to exercise reduced pain more than exercise alone.",
            "no_treatment",
            id="add-on",
        ),
        pytest.param(
            "Sixty adults with chronic neck pain were randomized to dry needling or "
            "therapeutic ultrasound.",
            "Dry needling reduced pain more than therapeutic ultrasound.",
            "active",
            id="active",
        ),
    ],
)
def test_the_comparator_is_told_apart(
    vocab: Vocabulary, methods: str, conclusions: str, comparator: str
) -> None:
    found = findings(
        {
            "title": "Dry needling for chronic neck pain: a randomized trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": methods,
            "conclusions": conclusions,
        },
        vocab,
    )
    assert effect(found, "dry_needling").comparator == comparator


def test_a_review_of_two_treatments_keeps_each_ones_result(vocab: Vocabulary) -> None:
    found = findings(
        {
            "title": "Dry needling and therapeutic ultrasound for neck pain: a systematic review",
            "types": [JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
            "methods": "We searched five databases for randomized trials in neck pain.",
            "conclusions": "Both techniques improved pain; no trial compared them directly.",
        },
        vocab,
    )
    assert effect(found, "dry_needling").direction == "benefit"
    assert effect(found, "therapeutic_ultrasound").direction == "benefit"


def test_similar_to_an_active_treatment_is_no_benefit_over_it(vocab: Vocabulary) -> None:
    found = findings(
        {
            "title": "Ultrasound versus laser for carpal tunnel syndrome: a meta-analysis",
            "types": [JOURNAL_ARTICLE, META_ANALYSIS],
            "methods": "Trials comparing therapeutic ultrasound with laser therapy were pooled.",
            "conclusions": "Therapeutic ultrasound gave similar improvements to laser therapy "
            "in carpal tunnel syndrome.",
        },
        vocab,
    )
    ultrasound = effect(found, "therapeutic_ultrasound")
    assert ultrasound.direction == "no_benefit"
    assert "similar_to_active" in ultrasound.qualifiers


def test_results_are_read_when_the_conclusion_states_no_result(vocab: Vocabulary) -> None:
    sentence = (
        "The dry needling group showed significantly greater improvement in pain than the "
        "sham group (p < 0.01)."
    )
    found = findings(
        {
            "title": "Dry needling for chronic neck pain: a randomized trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": "Sixty adults with chronic neck pain were randomized to dry needling or "
            "sham needling.",
            "results": f"Both groups improved over time. {sentence}",
            "conclusions": "Dry needling is a technique physiotherapists can use. Further "
            "studies are needed.",
        },
        vocab,
    )
    finding = effect(found, "dry_needling")
    assert (finding.direction, finding.sentence) == ("benefit", sentence)
    assert "low_certainty" not in finding.qualifiers
    assert "more_research_needed" in finding.qualifiers


def test_a_case_report_is_a_serious_safety_finding_not_an_effect(vocab: Vocabulary) -> None:
    found = findings(
        {
            "title": "Pneumothorax after dry needling of the trapezius: a case report",
            "types": [JOURNAL_ARTICLE, CASE_REPORTS],
            "abstract": "A woman with neck pain received dry needling of the upper trapezius. "
            "She developed a pneumothorax that needed a chest tube. Clinicians should be "
            "aware of this risk.",
        },
        vocab,
    )
    assert [f.kind for f in found] == ["safety"]
    (finding,) = found
    assert (finding.direction, finding.seriousness, finding.events) == (
        "harm",
        "serious",
        ("pneumothorax",),
    )
    assert finding.comparator == "none"


def test_a_case_of_an_event_without_a_vocabulary_id_is_still_harm(vocab: Vocabulary) -> None:
    found = findings(
        {
            "title": "Spinal cord injury after trigger point injection: a case report",
            "types": [JOURNAL_ARTICLE, CASE_REPORTS],
            "abstract": "A man received a trigger point injection for neck pain and woke "
            "with weakness; imaging showed a cord lesion that needed surgery.",
        },
        vocab,
    )
    (finding,) = safety(found)
    assert (finding.direction, finding.seriousness) == ("harm", "serious")


@pytest.mark.parametrize(
    ("results", "direction", "seriousness"),
    [
        pytest.param(
            "Minor, transient adverse events such as soreness occurred in 20% of treatments; "
            "no serious adverse events were reported in 7,629 treatments.",
            "harm",
            "minor",
            id="survey-minor-events",
        ),
        pytest.param("There were no reports of adverse events.", "no_harm", "none", id="none"),
        pytest.param("Both treatments were well tolerated.", "no_harm", "none", id="tolerated"),
    ],
)
def test_safety_statements_of_trials_and_surveys(
    vocab: Vocabulary, results: str, direction: str, seriousness: str
) -> None:
    found = findings(
        {
            "title": "Dry needling for chronic neck pain: a randomized trial",
            "types": [JOURNAL_ARTICLE, RCT],
            "methods": "Sixty adults with chronic neck pain were randomized to dry needling or "
            "sham needling.",
            "results": results,
            "conclusions": "Dry needling reduced pain more than sham needling.",
        },
        vocab,
    )
    (finding,) = safety(found)
    assert (finding.direction, finding.seriousness) == (direction, seriousness)
    assert finding.sentence == results.split("; ")[0] if ";" not in results else True


RECORD_WITH_DN = {
    "title": "Dry needling for chronic low back pain: a meta-analysis",
    "types": [JOURNAL_ARTICLE, META_ANALYSIS],
    "methods": "Trials of dry needling (DN) for low back pain were pooled.",
    "conclusions": "DN relieved pain more effectively than sham needling.",
}


def test_an_abbreviation_the_record_defines_is_a_mention(vocab: Vocabulary) -> None:
    found = findings(RECORD_WITH_DN, vocab)
    finding = effect(found, "dry_needling")
    assert finding.direction == "benefit"
    assert finding.sentence == "DN relieved pain more effectively than sham needling."
    doc = build_document(article(**RECORD_WITH_DN))  # type: ignore[arg-type]
    uses = [doc.text[m.start : m.end] for m in find_matches(doc, vocab).get("intervention")]
    assert uses == ["Dry needling", "dry needling", "DN"]


def test_an_abbreviation_never_defined_is_not_a_mention(vocab: Vocabulary) -> None:
    record = article(
        "Diabetic neuropathy (DN) and pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Patients with DN received dry needling. Others had US.",
    )
    matches = find_matches(build_document(record), vocab)
    terms = [m.term for m in matches.get("intervention")]
    assert terms == ["dry_needling"]  # "DN" is defined for diabetic neuropathy, "US" never


def test_a_condition_named_after_surgery_does_not_make_an_event_serious(
    vocab: Vocabulary,
) -> None:
    found = findings(
        {
            "title": "Bruising after trigger point injection in failed back surgery syndrome: "
            "a case series",
            "types": [JOURNAL_ARTICLE, CASE_REPORTS],
            "abstract": "Five patients with failed back surgery syndrome received trigger point "
            "injections. Two had a small hematoma that resolved without treatment.",
        },
        vocab,
    )
    (finding,) = safety(found)
    assert (finding.direction, finding.seriousness) == ("harm", "minor")


def test_a_review_that_cannot_tell_is_not_overruled_by_its_results(vocab: Vocabulary) -> None:
    found = findings(
        {
            "title": "Dry needling and trigger point injection for fibromyalgia: a systematic "
            "review",
            "types": [JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
            "methods": "We searched for trials of dry needling or trigger point injection in "
            "fibromyalgia.",
            "results": "Two trials reported short-term pain benefit, and three found no "
            "difference between groups.",
            "conclusions": "Current evidence is insufficient to determine whether trigger point "
            "injection benefits people with fibromyalgia.",
        },
        vocab,
    )
    assert [f for f in found if f.kind == "effect" and f.intervention == "dry_needling"] == []
    assert effect(found, "trigger_point_injection").direction == "inconclusive"


@pytest.mark.parametrize(
    "methods",
    [
        "Trials gave therapeutic ultrasound alone or as an adjunct to exercise.",
        "Adding therapeutic ultrasound to exercise gave no additional benefit.",
    ],
)
def test_a_treatment_the_studied_one_is_added_to_is_not_studied(
    vocab: Vocabulary, methods: str
) -> None:
    tags = analyse_article(
        article(
            "Therapeutic ultrasound for chronic low back pain: a systematic review",
            types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
            methods=methods,
            conclusions="Therapeutic ultrasound gave no clinically important benefit.",
        ),
        vocab,
    )[0]
    studied = {t.value for t in tags if t.dimension == "intervention"}
    assert studied == {"therapeutic_ultrasound"}
