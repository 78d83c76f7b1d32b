"""The effect reader on our own result sentences: no difference, up, down, whose side."""

from __future__ import annotations

import pytest

from evidence.tagging.effects import (
    EffectModel,
    EffectText,
    effect_features,
    load_effect_model,
    read_effect,
    read_effect_by_rules,
)

DN = "dry needling"
SHAM = "sham needling"


@pytest.mark.parametrize(
    ("sentence", "effect"),
    [
        pytest.param(
            "Pain fell in both groups, with no significant difference between dry needling "
            "and sham needling (p = 0.41).",
            "no_difference",
            id="no-difference-words",
        ),
        pytest.param(
            "Mean NPRS was 3.1 with dry needling and 3.4 with sham needling (p = 0.32).",
            "no_difference",
            id="non-significant-p",
        ),
        pytest.param(
            "Pain intensity was significantly lower after dry needling than after sham "
            "needling (p < 0.001).",
            "decreased",
            id="lower-intervention-first",
        ),
        pytest.param(
            "The sham needling group reported higher pain than the dry needling group (p = 0.003).",
            "decreased",
            id="higher-comparator-first",
        ),
        pytest.param(
            "Dry needling produced a greater reduction in pain than sham needling (p = 0.01).",
            "decreased",
            id="greater-reduction",
        ),
        pytest.param(
            "Pressure pain thresholds increased more with dry needling than with sham "
            "needling (p < 0.05).",
            "increased",
            id="increased",
        ),
        pytest.param(
            "One or more mild events occurred, and pain was lower with dry needling than "
            "with sham needling (p = 0.02).",
            "decreased",
            id="one-or-more-is-a-quantity",
        ),
    ],
)
def test_rules_read_direction_and_side(sentence: str, effect: str) -> None:
    assert read_effect_by_rules(EffectText.of(sentence, DN, SHAM, "pain")) == effect


def test_prompt_words_and_acronyms_are_marked_as_roles() -> None:
    text = EffectText.of(
        "AF patients needed tube feeding more often than CF patients (p < 0.001).",
        "accelerated fractionation",
        "conventional fractionation",
        "tube feeding",
    )
    assert text.tokens[0] == "<int>"
    assert "<cmp>" in text.tokens
    assert "<out>" in text.tokens
    assert "<p_sig>" in text.tokens


def test_p_values_become_significance_tokens() -> None:
    tokens = EffectText.of("a (p<0.05) b (p = 0.2) c (P\u00a0=\u00a00.0110) d (ns)").tokens
    assert [t for t in tokens if t.startswith("<p")] == ["<p_sig>", "<p_ns>", "<p_sig>", "<p_ns>"]


def test_no_comparison_is_no_answer() -> None:
    assert read_effect_by_rules(EffectText.of("Participants were recruited in 2019.")) is None


def test_features_carry_the_rules_reading() -> None:
    text = EffectText.of("Pain was lower with dry needling than sham needling (p<0.01).", DN, SHAM)
    feats = effect_features(text)
    assert "rule=decreased" in feats
    assert "cue=down:int" in feats


def test_model_weights_round_trip_and_score() -> None:
    model = EffectModel(
        classes=("increased", "decreased", "no_difference"),
        bias=(0.0, 0.0, 0.1),
        weights={"lower": (-1.0, 2.0, 0.0)},
        abstain=0.0,
    )
    again = EffectModel.from_json(model.to_json())
    assert again == model
    assert again.read(EffectText.of("pain was lower")) == "decreased"
    assert again.read(EffectText.of("nothing to see")) == "no_difference"  # the bias decides


def test_abstention_below_the_threshold() -> None:
    model = EffectModel(("increased", "decreased", "no_difference"), (0.0, 0.0, 0.0), {}, 0.5)
    assert model.read(EffectText.of("anything")) is None


def test_the_shipped_model_loads_and_reads() -> None:
    model = load_effect_model()
    assert model is not None, "src/evidence/tagging/effect_model.json is missing"
    assert len(model.weights) > 1000
    sentence = "There was no significant difference in pain between the groups (p = 0.6)."
    assert read_effect(sentence, DN, SHAM, "pain") == "no_difference"
    assert read_effect(sentence, DN, SHAM, "pain", use_model=False) == "no_difference"
