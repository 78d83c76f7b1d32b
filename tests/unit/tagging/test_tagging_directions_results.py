"""directions: how results sections state a comparison, kinds named from the reader's misses
on Evidence Inference 2.0 train (bench/findings_on_ei.py).

Every clause here is SYNTHETIC, written for the kind it names (none is taken from a record).
A results clause with an effect either way reads ``benefit`` or ``harm``; one without a
difference ``no_benefit`` (or ``similar`` between two active arms).
"""

from __future__ import annotations

import pytest

from evidence.tagging.directions import classify_clause, has_cue, split_clauses
from evidence.tagging.findings import read_statement

NULL = ("no_benefit", "similar")
EFFECT = ("benefit", "harm")


@pytest.mark.parametrize(
    "clause",
    [
        # kind 1a: a null told only by its p-value, beside the arms' figures
        "mean grip strength was 31.2 kg with the splint and 29.8 kg without it (p = 0.41)",
        "the rate of wound infection was 4% after the new dressing and 6% after gauze, p=0.27",
        "walking distance at six weeks: 412 m versus 398 m (p > 0.05)",
        "median hospital stay, 5 vs 6 days (ns)",
        "readmissions did not reach the threshold (p-value: .62) in either comparison",
    ],
)
def test_a_non_significant_p_value_is_a_null_result(clause: str) -> None:
    assert classify_clause(clause) in NULL
    assert has_cue(clause)


@pytest.mark.parametrize(
    "clause",
    [
        # kind 1b: a comparison word and a significant p-value, without "significantly"
        "serum ferritin was higher in the iron arm than in the diet arm (p < 0.001)",
        "the intervention group needed fewer rescue doses (12 vs 27; p = 0.003)",
        "time to first stool was shorter after chewing gum, 31 h against 40 h (p<.01)",
        "children given zinc had more days free of diarrhoea than those given placebo, p = .02",
    ],
)
def test_a_comparison_with_a_significant_p_value_is_an_effect(clause: str) -> None:
    assert classify_clause(clause) in EFFECT


def test_a_significant_p_value_without_a_word_of_comparison_decides_nothing() -> None:
    # figures alone do not say which arm did better
    assert classify_clause("response: 58% and 29% (p < 0.01)") is None


@pytest.mark.parametrize(
    "clause",
    [
        # kind 2: "significantly" or "significant" with a word of change other than the
        # benefit verbs
        "there were statistically significant increases in peak flow with the inhaler",
        "significantly more women in the counselling arm kept breastfeeding at 3 months",
        "significantly fewer falls were recorded in the exercise group",
        "the infusion group stayed in intensive care for a significantly longer time",
        "a significant difference between the arms was seen in hba1c at 12 weeks",
    ],
)
def test_significant_with_a_word_of_change_is_an_effect(clause: str) -> None:
    assert classify_clause(clause) in EFFECT


@pytest.mark.parametrize(
    "clause",
    [
        # kind 3: the significance itself denied, in the ways results sentences deny it
        "we did not observe significant differences in serum folate between the groups",
        "there weren't any significant differences in sleep onset latency",
        "there was not any statistically significant change in the body mass index",
        "the analysis did not reveal a significant effect of the supplement on fatigue",
        "no meaningful between-group differences in quality of life were seen",
    ],
)
def test_a_denied_significance_is_a_null_result(clause: str) -> None:
    assert classify_clause(clause) in NULL


@pytest.mark.parametrize(
    "clause",
    [
        # kind 4: a change or a trend named as not significant
        "blood pressure showed a slight nonsignificant decrease in the diet arm",
        "a non-significant trend towards better recall was found with the app",
        "knee flexion improved more with the brace, but not significantly",
        "the drop in viral load was statistically insignificant",
        "the larger reduction in weight with the drug did not attain statistical significance",
    ],
)
def test_a_change_called_not_significant_is_a_null_result(clause: str) -> None:
    assert classify_clause(clause) in NULL


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        # what the rules above must leave alone
        ("needling reduced pain more than sham (p < 0.01)", "benefit"),
        ("there was no significant difference in pain (p = 0.03 for disability)", "no_benefit"),
        ("pain scores were higher after needling than after sham (p = 0.01)", "harm"),
        ("the groups did not differ at baseline (p > 0.05)", "no_benefit"),
    ],
)
def test_the_older_readings_hold(clause: str, direction: str) -> None:
    assert classify_clause(clause) == direction


def test_read_statement_reads_as_read_clause_does() -> None:
    clause = "more trials are needed to show whether it reduces pain"
    assert read_statement(clause).direction is None
    assert read_statement("ultrasound reduced pain (p = 0.004)").direction == "benefit"


@pytest.mark.parametrize(
    "clause",
    [
        # kind 5: a comparative set against the other arm, without "significantly" or a
        # p-value
        "the rate of nocturnal hypoglycaemia was lower with the pump than with injections",
        "more mothers in the visiting arm compared with the leaflet arm were still nursing",
        "recovery of bowel sounds came earlier in the gum group relative to controls",
        "wound pain lasted longer after stapling versus suturing",
    ],
)
def test_a_comparative_against_the_other_arm_is_an_effect(clause: str) -> None:
    assert classify_clause(clause) in EFFECT


@pytest.mark.parametrize(
    "clause",
    [
        # kind 6: a result called significant with a verb or adjective the rules do not
        # know as a change
        "sedation significantly impaired word recall in the evening session",
        "insertion was significantly easier with the curved stylet",
        "the between-arm contrast for fatigue was statistically significant",
    ],
)
def test_a_result_called_significant_is_an_effect(clause: str) -> None:
    assert classify_clause(clause) in EFFECT


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        # near misses of kinds 5 and 6: a quantity, a negation, a harm of the arm
        ("fewer than ten patients dropped out", None),
        ("the scores were not significantly altered by the diet", "no_benefit"),
        ("no patient had significant adverse events", None),
    ],
)
def test_quantities_and_negations_are_not_effects(clause: str, direction: str | None) -> None:
    assert classify_clause(clause) == direction


def test_a_semicolon_inside_brackets_does_not_cut_the_clause() -> None:
    # kind 7: "(11.7 vs 14.4 days; p = 0.04)" keeps its p-value with its comparison
    sentence = "illness lasted fewer days with the probiotic (11.7 vs 14.4 days; p = 0.04)"
    assert split_clauses(sentence) == [(0, len(sentence))]
    assert classify_clause(sentence) == "benefit"


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        # "p = 0.05" is called significant by some authors and not by others: the words decide
        ("the infusion rate was 8% and 11% (p = 0.05)", None),
        ("stays were shorter after keyhole than open surgery (p = 0.05)", "benefit"),
        ("there was no significant difference in stay (p = 0.05)", "no_benefit"),
    ],
)
def test_a_p_value_of_exactly_five_percent_is_left_to_the_words(
    clause: str, direction: str | None
) -> None:
    assert classify_clause(clause) == direction


@pytest.mark.parametrize(
    "clause",
    [
        # kind 8: sameness told of a rate, a level, a time or a risk
        "the drug pair gave a similar response rate compared with the doublet alone",
        "the two regimens produced similar serum levels of vitamin d",
        "similar operating times were recorded for the two approaches",
        "similar risks of readmission were seen after either discharge plan",
    ],
)
def test_sameness_of_a_measure_is_a_null_result(clause: str) -> None:
    assert classify_clause(clause) in NULL


@pytest.mark.parametrize(
    "clause",
    [
        # kind 9: a null with a double qualifier
        "the between-arm gap in eye pressure was not statistically or clinically significant",
        "the change in weight was not clinically or statistically significant",
    ],
)
def test_not_statistically_or_clinically_significant_is_a_null(clause: str) -> None:
    assert classify_clause(clause) in NULL


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        # kind 10: a p-value with a raised decimal point, as some journals print it
        ("fewer women in the tea arm than in the water arm were anaemic (p=0\u00b7004)", "benefit"),
        ("anaemia was seen in 12% and 14% of women (p = 0\u00b741)", "no_benefit"),
    ],
)
def test_a_p_value_with_a_raised_decimal_point_is_read(clause: str, direction: str) -> None:
    assert classify_clause(clause) == direction


def test_a_comparative_reaches_its_arm_over_figures_in_brackets() -> None:
    # kind 11: "lower in X (0.10; 95% CI 0.05-0.18) than in Y"
    clause = (
        "relapse was lower in the booster arm (0.10 per year; 95% ci 0.05-0.18) than in controls"
    )
    assert classify_clause(clause) == "benefit"


@pytest.mark.parametrize(
    "clause",
    [
        # kind 12: a change denied in the passive
        "blood loss was not reduced by cooling the uterus",
        "exercise capacity was not improved in the training arm",
        "serum sodium levels were not significantly altered by the infusion",
    ],
)
def test_a_change_denied_in_the_passive_is_a_null(clause: str) -> None:
    assert classify_clause(clause) in NULL


def test_a_p_value_just_over_five_percent_is_not_significant() -> None:
    # kind 13: "p = 0.052", "p = .057": over the usual threshold, however close
    assert classify_clause("recall improved a little with the app (p = 0.052)") in NULL
    assert classify_clause("grip was 2 kg stronger after taping (p = .057)") in NULL
