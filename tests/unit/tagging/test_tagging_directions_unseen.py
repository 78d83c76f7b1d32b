"""directions: ways of stating a result that the reader once missed, one per kind.

Every clause here is SYNTHETIC, written for the kind it names.
"""

from __future__ import annotations

import pytest

from evidence.tagging.directions import benefit_is_sought, classify_clause, read_clause


@pytest.mark.parametrize(
    ("clause", "direction"),
    [
        # a null stated as sameness, or without a difference
        ("sham needling produced the same improvement as real needling", "no_benefit"),
        ("pain eased in both arms without group differences", "no_benefit"),
        ("there were no group differences in disability", "no_benefit"),
        # a null stated as not exceeding, or hedged with "may not be"
        ("the effect of the injection did not exceed that of saline", "no_benefit"),
        ("the laser may not be more effective than placebo", "no_benefit"),
        # outcome polarity: a higher pain score after the treatment is harm
        ("pain scores were significantly higher after needling than after sham", "harm"),
        ("pressure pain thresholds were significantly higher after needling", "benefit"),
        # a verb in the present: "lowers"
        ("the technique potentially lowers headache frequency", "benefit"),
        # an effect named by its size or worth rather than by a verb of change
        ("the laser had a large effect on knee pain (smd -1.1)", "benefit"),
        ("taping produced clinically meaningful changes in shoulder function", "benefit"),
        ("the injections normalised the pressure pain threshold", "benefit"),
        ("massage led to a marked decline in headache intensity", "benefit"),
        ("acupuncture resulted in fewer migraine days than usual care", "benefit"),
        ("ultrasound diminished heel pain more than stretching alone", "benefit"),
        ("cupping is an appropriate intervention for low back pain", "benefit"),
        ("shockwave should be part of the management of calcific tendinopathy", "benefit"),
        ("there was no large effect on adverse events", None),
        ("both arms showed significant changes in pain scores", "benefit"),
        ("the effects on pain were statistically and clinically significant", "benefit"),
        ("needling lowered pain and increased ppt", "benefit"),
        ("there were no significant changes in pain scores", "no_benefit"),
        # a null stated with neither/nor, or as not found effective
        ("the difference was neither statistically nor clinically significant", "no_benefit"),
        ("the laser was not found to be effective for knee pain", "no_benefit"),
        ("cupping cannot be recommended over sham for neck pain", "no_benefit"),
        ("neither the laser nor the placebo probe reduced knee pain", "no_benefit"),
        # the evidence cannot tell
        ("it is not clear whether cupping relieves back pain", "inconclusive"),
    ],
)
def test_a_way_of_stating_a_result(clause: str, direction: str | None) -> None:
    assert classify_clause(clause) == direction


def test_a_pilot_result_is_low_certainty() -> None:
    reading = read_clause("pain fell more with the laser in this small pilot study")
    assert (reading.direction, reading.low) == ("benefit", True)


def test_preliminary_results_state_a_benefit_rather_than_seek_it() -> None:
    clause = "these preliminary results suggest that shockwave therapy eases heel pain"
    assert read_clause(clause).direction == "benefit"
    assert not benefit_is_sought(clause)
    assert benefit_is_sought("further trials are needed to show that shockwave eases pain")


@pytest.mark.parametrize(
    "clause",
    [
        "the laser is likely to ease knee pain",
        "taping probably reduces shoulder pain",
        "these tentative results favour cupping",
        "massage seemed to relieve headache",
        "shockwave is perhaps a useful option",
    ],
)
def test_a_hedged_benefit_is_a_benefit_read_as_modal(clause: str) -> None:
    reading = read_clause(clause)
    assert (reading.direction, reading.modal) == ("benefit", True)


def test_patients_more_likely_to_improve_is_not_a_hedge() -> None:
    assert not read_clause("patients given the laser were more likely to improve").modal


def test_a_high_risk_of_bias_stated_after_the_result_is_low_certainty() -> None:
    assert read_clause("the risk of bias was high").low


def test_a_role_for_a_treatment_is_a_benefit() -> None:
    assert classify_clause("our data suggest a role for cupping in neck pain") == "benefit"
