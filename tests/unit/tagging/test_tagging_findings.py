"""extract_findings: direction, comparison, hedging, negation, qualifiers, sample size.

Every record here is SYNTHETIC, written for the rule it exercises.
"""

from __future__ import annotations

import pytest
from tagging_builders import CASE_REPORTS, JOURNAL_ARTICLE, PROTOCOL, RCT, REVIEW, article

from evidence.models import Article, Finding
from evidence.tagging import Vocabulary, extract_findings, tag_article
from evidence.tagging.findings import analyse_article


def findings(record: Article, vocab: Vocabulary) -> list[Finding]:
    return extract_findings(record, tag_article(record, vocab), vocab)


def overall(record: Article, vocab: Vocabulary) -> dict[tuple[str, str | None], str]:
    """The first (overall) direction of each (intervention, condition)."""
    out: dict[tuple[str, str | None], str] = {}
    for finding in findings(record, vocab):
        out.setdefault((finding.intervention, finding.condition), finding.direction)
    return out


def trial(conclusions: str, *, title: str = "Dry needling for chronic neck pain") -> Article:
    return article(
        title,
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty adults with chronic neck pain were randomized to dry needling or sham.",
        results="Pain intensity was recorded at 4 weeks.",
        conclusions=conclusions,
    )


@pytest.mark.parametrize(
    ("conclusions", "expected"),
    [
        pytest.param("Dry needling reduced pain in chronic neck pain.", "benefit", id="benefit"),
        pytest.param(
            "Dry needling was not superior to sham needling.", "no_benefit", id="not-superior"
        ),
        pytest.param(
            "There was no significant difference between groups.",
            "no_benefit",
            id="no-difference-vs-sham",
        ),
        pytest.param("Dry needling did not reduce pain.", "no_benefit", id="negated-benefit"),
        pytest.param(
            "The evidence for dry needling is insufficient.", "inconclusive", id="insufficient"
        ),
        pytest.param(
            "Low-certainty evidence suggests that dry needling reduces pain.",
            "benefit",
            id="low-certainty",
        ),
        pytest.param(
            "Dry needling may reduce pain; further research is needed.",
            "benefit",
            id="modal-and-further-research",
        ),
        pytest.param(
            "Dry needling reduced pain. Further research is needed on long-term effects.",
            "benefit",
            id="clear-result-then-further-research",
        ),
        pytest.param(
            "Dry needling caused a pneumothorax and should be used with caution.",
            "harm",
            id="harm",
        ),
        pytest.param(
            "Dry needling reduced pain, with no serious adverse events.",
            "benefit",
            id="negated-harm",
        ),
    ],
)
def test_direction_of_the_conclusion(vocab: Vocabulary, conclusions: str, expected: str) -> None:
    assert overall(trial(conclusions), vocab) == {("dry_needling", "neck_pain"): expected}


@pytest.mark.parametrize(
    ("conclusions", "hedged"),
    [
        pytest.param(
            "Low-certainty evidence suggests that dry needling reduces pain.",
            True,
            id="low-certainty",
        ),
        pytest.param("Dry needling may reduce pain; further research is needed.", True, id="modal"),
        pytest.param("Dry needling appears more useful than sham needling.", True, id="appears"),
        pytest.param(
            "Dry needling reduced pain. Further research is needed on long-term effects.",
            False,
            id="call-for-research-only",
        ),
        pytest.param("Dry needling reduced pain more than sham.", False, id="plain"),
    ],
)
def test_hedging_is_certainty_not_direction(
    vocab: Vocabulary, conclusions: str, hedged: bool
) -> None:
    (finding,) = findings(trial(conclusions), vocab)
    assert finding.direction == "benefit"
    assert ("low_certainty" in finding.qualifiers) == hedged


def test_finding_rests_on_its_sentence(vocab: Vocabulary) -> None:
    sentence = "Dry needling was not superior to sham needling."
    (finding,) = findings(trial(sentence), vocab)
    assert finding.sentence == sentence
    assert finding.design == "rct"
    assert finding.sample_size == 60
    assert "vs_sham" in finding.qualifiers


def test_more_effective_than_gives_the_better_arm_only(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling versus therapeutic ultrasound for neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Adults with neck pain received dry needling or therapeutic ultrasound.",
        conclusions="Dry needling was more effective than therapeutic ultrasound for neck pain.",
    )
    assert overall(record, vocab) == {("dry_needling", "neck_pain"): "benefit"}
    assert "vs_active" in findings(record, vocab)[0].qualifiers


@pytest.mark.parametrize(
    ("conclusions", "expected"),
    [
        pytest.param(
            "Both treatments were effective in reducing neck pain.", "benefit", id="both-effective"
        ),
        pytest.param(
            # as good as the other active treatment: no benefit over it (similar_to_active)
            "Dry needling and therapeutic ultrasound produced similar improvements.",
            "no_benefit",
            id="similar-head-to-head",
        ),
    ],
)
def test_head_to_head_trials(vocab: Vocabulary, conclusions: str, expected: str) -> None:
    """Both arms effective is a benefit of each; similar effects are no benefit over the other
    arm, marked similar_to_active (the synthetic sets' rules count that as inconclusive)."""
    record = article(
        "Dry needling versus therapeutic ultrasound for neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Adults with neck pain received dry needling or therapeutic ultrasound.",
        conclusions=conclusions,
    )
    assert overall(record, vocab) == {
        ("dry_needling", "neck_pain"): expected,
        ("therapeutic_ultrasound", "neck_pain"): expected,
    }


def test_short_term_benefit_is_a_qualified_benefit(vocab: Vocabulary) -> None:
    record = trial("Dry needling reduced pain only in the short term, not at 6 months.")
    (finding, *_) = findings(record, vocab)
    assert finding.direction == "benefit"
    assert "short_term" in finding.qualifiers


def test_combined_treatment_qualifier(vocab: Vocabulary) -> None:
    record = trial("Dry needling combined with stretching exercises reduced neck pain.")
    first = findings(record, vocab)[0]
    assert first.intervention == "dry_needling"
    assert "combined_treatment" in first.qualifiers


def test_each_outcome_gets_its_own_direction(vocab: Vocabulary) -> None:
    record = trial(
        "Dry needling reduced pain intensity but did not improve the Neck Disability Index."
    )
    by_outcome = {f.outcome: f.direction for f in findings(record, vocab)}
    assert by_outcome == {"pain": "benefit", "disability": "no_benefit"}


def test_clause_speaks_to_its_own_condition(vocab: Vocabulary) -> None:
    record = article(
        "Acupuncture for acute herpes zoster",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Adults with acute herpes zoster were followed for postherpetic neuralgia.",
        conclusions=(
            "Acupuncture relieved acute herpes zoster pain but did not prevent postherpetic "
            "neuralgia."
        ),
    )
    assert overall(record, vocab) == {
        ("acupuncture", "herpes_zoster"): "benefit",
        ("acupuncture", "postherpetic_neuralgia"): "no_benefit",
    }


def test_unstructured_abstract_is_read_from_its_closing_sentence(vocab: Vocabulary) -> None:
    record = article(
        "Dry needling for chronic neck pain",
        abstract=(
            "Neck pain is common. We randomized 40 adults with chronic neck pain to dry needling "
            "or sham needling. Pain fell in both groups. Dry needling was not superior to sham."
        ),
    )
    assert overall(record, vocab) == {("dry_needling", "neck_pain"): "no_benefit"}


@pytest.mark.parametrize(
    "record",
    [
        pytest.param(
            article(
                "Dry needling for neck pain: protocol for a randomised trial",
                types=[JOURNAL_ARTICLE, PROTOCOL],
                methods="Participants will be randomised to dry needling or sham.",
                conclusions="Dry needling is expected to reduce pain.",
            ),
            id="protocol",
        ),
        pytest.param(article("Dry needling for neck pain"), id="no-abstract"),
        pytest.param(
            article(
                "Dry needling revisited",
                types=[JOURNAL_ARTICLE, REVIEW],
                conclusions="Dry needling reduces neck pain.",
            ),
            id="narrative-review",
        ),
    ],
)
def test_records_without_a_finding(vocab: Vocabulary, record: Article) -> None:
    assert findings(record, vocab) == []


def test_a_safety_statement_is_a_safety_finding_not_an_effect(vocab: Vocabulary) -> None:
    record = article(
        "Safety of dry needling: a cohort",
        methods="Adults with neck pain received dry needling.",
        conclusions="Dry needling appears safe.",
    )
    (finding,) = findings(record, vocab)
    assert (finding.kind, finding.direction, finding.seriousness) == ("safety", "no_harm", "none")
    assert finding.sentence == "Dry needling appears safe."
    assert finding.events == ()


def test_case_report_of_an_adverse_event_is_harm(vocab: Vocabulary) -> None:
    record = article(
        "Pneumothorax after dry needling for shoulder pain: a case report",
        types=[JOURNAL_ARTICLE, CASE_REPORTS],
        abstract=(
            "A 40-year-old woman with shoulder pain received dry needling of the trapezius. "
            "She developed a pneumothorax within hours. "
            "Clinicians should be aware of this complication."
        ),
    )
    assert overall(record, vocab) == {("dry_needling", "shoulder_pain"): "harm"}


def test_analyse_article_equals_tag_then_extract(vocab: Vocabulary) -> None:
    record = trial("Dry needling reduced pain in chronic neck pain.")
    tags = tag_article(record, vocab)
    assert analyse_article(record, vocab) == (tags, extract_findings(record, tags, vocab))
