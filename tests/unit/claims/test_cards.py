"""Evidence cards an editor can check, on hand-built (synthetic) records: each cited record
quotes its own sentence that carries its stance (never a bare tag term), a stance that
sentence can show, the record's own design, and its weight in words."""

from __future__ import annotations

import pytest
from claim_builders import AS_OF, claim, finding, judge, record, safety_finding

from evidence.claims.cards import reads_as, record_sentences, weight_detail, weight_words
from evidence.claims.claim import Citation, Verdict
from evidence.claims.inputs import EvidenceRecord

VOMITING = claim("adverse_effect", adverse_event=["vomiting"])
PNEUMOTHORAX = claim("adverse_effect", adverse_event=["pneumothorax"])
SAFE = claim("safety")


def _card(v: Verdict, pmid: int) -> Citation:
    return next(c for c in v.citations if c.pmid == pmid)


def _is_own_sentence(c: Citation, r: EvidenceRecord) -> bool:
    return c.sentence is not None and c.sentence in record_sentences(r)


# -- the sentence: the record's own, never a bare term ------------------------------------


def test_a_tag_only_event_quotes_the_abstract_sentence_that_names_it() -> None:
    survey = record(
        1,
        design="cross_sectional",
        interventions=["dry_needling"],
        outcomes=["adverse_events"],
        events={"post_needling_soreness": "soreness"},
        abstract=[
            "We surveyed 400 physiotherapists. Post-needling soreness was reported after 12%"
            " of treatments. Fainting was rare."
        ],
    )
    v = judge(claim("adverse_effect", adverse_event=["post_needling_soreness"]), survey)
    card = _card(v, 1)
    assert card.sentence == "Post-needling soreness was reported after 12% of treatments."
    assert _is_own_sentence(card, survey)
    assert not card.sentence.startswith("Mentions")


def test_a_record_without_abstract_quotes_its_title_not_the_term() -> None:
    letter = record(
        2,
        design="other",
        interventions=["dry_needling"],
        events={"pneumothorax": "pneumothorax"},
        title="Pneumothorax after dry needling: a preventable complication.",
        abstract=[],
    )
    for c in (PNEUMOTHORAX, SAFE):
        card = _card(judge(c, letter), 2)
        assert card.sentence == "Pneumothorax after dry needling: a preventable complication."


def test_an_adverse_effect_card_quotes_the_sentence_that_names_its_event() -> None:
    # The survey's safety finding is about bleeding; vomiting is named in another sentence.
    survey = record(
        3,
        safety_finding(
            "harm", "bleeding", sentence="Bleeding occurred after 8% of treatments.", n=900
        ),
        design="cross_sectional",
        events={"vomiting": "vomited"},
        abstract=[
            "Bleeding occurred after 8% of treatments. Two patients vomited after the session."
        ],
    )
    v = judge(VOMITING, survey)
    card = _card(v, 3)
    assert card.sentence == "Two patients vomited after the session."
    assert card.stance == "supports"


def test_an_event_no_sentence_names_is_cited_neither_way_and_does_not_count() -> None:
    indexed = record(
        4,
        design="cross_sectional",
        interventions=["dry_needling"],
        events={"vomiting": "Vomiting"},  # a MeSH heading, not in the text
        abstract=["Bruising and soreness were common; no serious event occurred."],
    )
    v = judge(VOMITING, indexed)
    assert (v.verdict, v.rule) == ("insufficient", "A3")
    card = _card(v, 4)
    assert card.stance == "neutral"
    assert card.note and "no sentence" in card.note


def test_a_serious_event_no_sentence_names_does_not_refute_safety() -> None:
    trial = record(
        5,
        safety_finding("no_harm", sentence="No adverse events were reported.", n=120),
        design="rct",
        abstract=["Pain fell more after dry needling. No adverse events were reported."],
    )
    indexed = record(
        6,
        design="case_report",
        interventions=["dry_needling"],
        events={"pneumothorax": "Pneumothorax"},  # a MeSH heading, not in the text
        title="Chest pain after a session of dry needling.",
        abstract=["A 40-year-old man had chest pain after dry needling; he recovered."],
    )
    v = judge(SAFE, trial, indexed)
    assert (_card(v, 5).stance, _card(v, 5).sentence) == (
        "supports",
        "No adverse events were reported.",
    )
    card = _card(v, 6)
    assert (card.stance, card.sentence) == ("neutral", None)
    assert card.note and "pneumothorax" in card.note
    assert (v.verdict, v.rule) == ("supported", "S4")


def test_a_survey_of_use_quotes_its_sentence_on_the_treatment_and_condition() -> None:
    survey = record(
        6,
        design="cross_sectional",
        interventions=["dry_needling"],
        conditions=["neck_pain"],
        abstract=[
            "We surveyed 300 physiotherapists in Spain. Dry needling was used by 71% of"
            " respondents for neck pain and by 40% for low back pain."
        ],
    )
    v = judge(claim("indication", condition=["neck_pain"]), survey)
    card = _card(v, 6)
    assert card.sentence is not None and card.sentence.startswith("Dry needling was used")
    assert card.stance == "supports"


# -- the stance agrees with its sentence --------------------------------------------------


def test_a_qualified_result_quotes_the_authors_qualification() -> None:
    cohort = record(
        7,
        finding(
            "inconclusive",
            condition="low_back_pain",
            outcome="pain",
            qualifiers=["low_certainty"],
            sentence="Patients reported clinically relevant improvements in pain.",
            n=148,
        ),
        design="cohort",
        abstract=[
            "Mean pain fell from 6.2 to 3.9.",
            "Patients reported clinically relevant improvements in pain. Without a control"
            " group, these changes cannot be attributed to the treatment itself.",
        ],
    )
    v = judge(claim(condition=["low_back_pain"], outcome=["pain"]), cohort)
    card = _card(v, 7)
    assert card.stance == "neutral"
    assert card.sentence == (
        "Without a control group, these changes cannot be attributed to the treatment itself."
    )
    assert reads_as(card.sentence) == "qualified"
    assert card.note and "clinically relevant improvements" in card.note


def test_findings_that_point_both_ways_say_so() -> None:
    trial = record(
        8,
        finding("benefit", outcome="pain", sentence="Pain was reduced at 4 weeks."),
        finding("no_benefit", outcome="pain", sentence="Pain did not differ at 12 weeks."),
        design="rct",
    )
    card = _card(judge(claim(outcome=["pain"]), trial), 8)
    assert card.stance == "neutral"
    assert card.note and "both ways" in card.note


@pytest.mark.parametrize(
    ("sentence", "reading"),
    [
        ("Mean pain fell from 7.1 to 5.4.", "improvement"),
        ("Dry needling was not superior to sham dry needling.", "no_difference"),
        ("A single case cannot establish effectiveness.", "qualified"),
        ("Participants were 18 to 65 years old.", None),
    ],
)
def test_reads_as(sentence: str, reading: str | None) -> None:
    assert reads_as(sentence) == reading


# -- the design: the record's own ---------------------------------------------------------


def test_the_card_shows_the_records_design_not_a_findings() -> None:
    series = record(
        9,
        finding("benefit", outcome="pain", design="case_report", n=12),
        design="case_series",
        title="Manual trigger point therapy: a case series of 12 patients.",
    )
    card = _card(judge(claim(outcome=["pain"]), series), 9)
    assert card.design == "case_series"


# -- the weight in words ------------------------------------------------------------------


@pytest.mark.parametrize(
    ("args", "words"),
    [
        (("rct", 120, 2021), "strong: randomised trial of 120 people, 2021"),
        (("case_series", 12, 2019), "weak: case series of 12 people (small), 2019"),
        (("cohort", 148, 2005), "moderate: cohort study of 148 people, 2005 (older: counts less)"),
        (
            ("meta_analysis", 1402, 2024),
            "strong: meta-analysis of studies with 1,402 people (large), 2024",
        ),
        (("case_report", None, None), "weak: case report, year unknown"),
    ],
)
def test_weight_in_words(args: tuple[str, int | None, int | None], words: str) -> None:
    assert weight_words(*args, AS_OF) == words


def test_the_card_keeps_the_weight_and_what_it_counted() -> None:
    trial = record(10, finding("benefit", outcome="pain", n=120), design="rct", year=2021)
    card = _card(judge(claim(outcome=["pain"]), trial), 10)
    assert card.sample_size == 120
    detail = weight_detail(card.design, card.sample_size, card.year, card.weight, AS_OF)
    assert detail.startswith(f"weight {card.weight:.2f} = design 5 × size ")
