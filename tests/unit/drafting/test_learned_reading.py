"""The learned second reading of the sentences the rules leave out (`evidence.drafting.learned`):
its features, its weights' JSON, and how the drafter uses it (a toy model with weights set by
hand, so that each test says what it checks), and that the package ships none."""

from __future__ import annotations

from evidence.drafting import draft_claims, parse_text
from evidence.drafting.drafter import Reading
from evidence.drafting.learned import ClaimModel, load_claim_model, sentence_features
from evidence.tagging import Vocabulary

KINDS = ("adverse_effect", "definition", "effectiveness")


def _toy(weights: dict[str, float], kind_bias: tuple[float, ...], **more: float) -> ClaimModel:
    return ClaimModel(
        bias=-2.0,
        weights=weights,
        kinds=KINDS,
        kind_bias=kind_bias,
        kind_weights={},
        threshold=more.get("threshold", 0.5),
        gate=more.get("gate", 2.0),
    )


# a clinic page whose second paragraph the rules read as no claim: what the needles are made
# of, in a voice the rules have no cue for
PAGE = """Dry needling at Harbour Physio

Dry needling eases neck pain.

Our needles are hair-thin filaments of surgical steel.
"""


def test_features_replace_the_names_the_vocabulary_finds() -> None:
    sentence = "Dry needling eased neck pain in 40% of runners."
    spans = [("intervention", 0, 12), ("condition", 19, 28)]
    features = sentence_features(sentence, spans, headings=["## For runners"], item=True)
    assert "w:<int>" in features and "w:<cond>" in features
    assert "w:needling" not in features and "w:neck" not in features
    assert "w:<num>" in features and "h:runners" in features
    assert {"is:item", "has:intervention", "has:condition"} <= set(features)


def test_weights_go_through_json_unchanged() -> None:
    model = _toy({"w:steel": 1.5}, (0.1, 0.2, 0.3), threshold=0.7, gate=0.6)
    again = ClaimModel.from_json(model.to_json())
    assert again == model
    assert again.probability(["w:steel"]) == model.probability(["w:steel", "w:steel"])
    assert again.kinds_by_score([])[0] == "effectiveness"


def test_a_sentence_the_rules_leave_out_is_read_again(vocab: Vocabulary) -> None:
    article = parse_text(PAGE)
    rules_only = draft_claims(article, vocab, model=None)
    assert not [c for c in rules_only.claims if "steel" in c.sentence]
    model = _toy({"w:steel": 5.0}, (0.0, 2.0, 0.0))
    drafted = draft_claims(article, vocab, model=model)
    added = [c for c in drafted.claims if "steel" in c.sentence]
    assert [(c.kind, c.intervention, c.asserts) for c in added] == [
        ("definition", ("dry_needling",), "true")
    ]
    # (no longer listed as left out, and the claims are numbered in article order)
    assert not [x for x in drafted.left_out if "steel" in x.sentence]
    assert [c.id for c in drafted.claims] == ["D01", "D02"]


def test_below_the_threshold_nothing_is_added(vocab: Vocabulary) -> None:
    model = _toy({"w:steel": 1.0}, (0.0, 2.0, 0.0), threshold=0.9)
    drafted = draft_claims(parse_text(PAGE), vocab, model=model)
    assert not [c for c in drafted.claims if "steel" in c.sentence]


def test_a_page_the_rules_mostly_drafted_stands(vocab: Vocabulary) -> None:
    # both sentences read as claims, the rules drafted one of the two: a share of 0.5
    strong = {"w:steel": 5.0, "w:<int>": 5.0}
    gated = _toy(strong, (0.0, 2.0, 0.0), gate=0.5)
    assert not [
        c
        for c in draft_claims(parse_text(PAGE), vocab, model=gated).claims
        if "steel" in c.sentence
    ]
    open_gate = _toy(strong, (0.0, 2.0, 0.0), gate=0.6)
    assert [
        c
        for c in draft_claims(parse_text(PAGE), vocab, model=open_gate).claims
        if "steel" in c.sentence
    ]


def test_a_harm_needs_a_named_harm_else_the_next_kind(vocab: Vocabulary) -> None:
    # adverse_effect first, but the sentence names no harm: the next kind, effectiveness
    model = _toy({"w:steel": 5.0}, (3.0, 0.0, 1.0))
    drafted = draft_claims(parse_text(PAGE), vocab, model=model)
    assert [c.kind for c in drafted.claims if "steel" in c.sentence] == ["effectiveness"]


def test_a_negated_effect_asserts_no_benefit_and_takes_the_heading_condition(
    vocab: Vocabulary,
) -> None:
    text = """Shockwave therapy for tennis elbow

## Tennis elbow

Shockwave therapy is used for tennis elbow.

In the bigger trial, patients on the sham machine fared no worse.
"""
    model = _toy({"w:sham": 5.0}, (0.0, 0.0, 2.0))
    drafted = draft_claims(parse_text(text, markdown=True), vocab, model=model)
    added = [
        (c.kind, c.intervention, c.condition, c.asserts)
        for c in drafted.claims
        if "sham" in c.sentence
    ]
    assert added == [
        ("effectiveness", ("shockwave_therapy",), ("lateral_epicondylitis",), "no_benefit")
    ]


def test_questions_and_headings_are_not_read_again(vocab: Vocabulary) -> None:
    text = """Dry needling

## Is dry needling made of steel?

Dry needling eases neck pain.
"""
    model = _toy({"w:steel": 9.0}, (0.0, 2.0, 0.0))
    drafted = draft_claims(parse_text(text, markdown=True), vocab, model=model)
    assert not [c for c in drafted.claims if "steel" in c.sentence]


def test_the_readings_are_recorded_for_training(vocab: Vocabulary) -> None:
    readings: list[Reading] = []
    draft_claims(parse_text(PAGE), vocab, model=None, readings=readings)
    by_sentence = {r.sentence: r for r in readings}
    steel = by_sentence["Our needles are hair-thin filaments of surgical steel."]
    assert steel.reason is not None and steel.interventions == ("dry_needling",)
    assert by_sentence["Dry needling eases neck pain."].reason is None


def test_the_package_ships_no_weights_so_drafts_are_the_rules_alone(vocab: Vocabulary) -> None:
    # the model did not win on the held-out articles (tests/eval/draft/README.md, round 7)
    assert load_claim_model() is None
    page = parse_text(PAGE)
    assert draft_claims(page, vocab) == draft_claims(page, vocab, model=None)
