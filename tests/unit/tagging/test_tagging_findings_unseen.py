"""The findings reader on failure kinds seen on real text it had not been tuned on.

Every record here is SYNTHETIC, written for one failure kind: a hedge that qualifies
another statement than the result, a caution on how to read the results, an add-on that
made no difference "whether or not" it was given, variants of one treatment, a change
within every arm, adverse events as frequent as with the control.
"""

from __future__ import annotations

import pytest
from tagging_builders import (
    CASE_REPORTS,
    JOURNAL_ARTICLE,
    META_ANALYSIS,
    RCT,
    SYSTEMATIC_REVIEW,
    findings,
)

from evidence.models import Finding
from evidence.tagging import Vocabulary


def effect(found: list[Finding], intervention: str) -> Finding:
    return next(f for f in found if f.kind == "effect" and f.intervention == intervention)


def hedged(finding: Finding) -> bool:
    return "low_certainty" in finding.qualifiers


NECK_TRIAL = {
    "title": "Dry needling for chronic neck pain: a randomized trial",
    "types": [JOURNAL_ARTICLE, RCT],
    "methods": "Forty adults with chronic neck pain were randomized to dry needling or sham "
    "needling.",
}


def test_a_modal_remark_on_another_point_does_not_hedge_a_null_result(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        **NECK_TRIAL,
        conclusions="The dry needling and sham groups did not differ on any outcome. Since "
        "dry needling needed fewer visits, it might suit busy clinics better.",
    )
    finding = effect(found, "dry_needling")
    assert finding.direction == "no_benefit"
    assert not hedged(finding)


def test_a_modal_of_the_result_itself_still_hedges_it(vocab: Vocabulary) -> None:
    found = findings(
        vocab, **NECK_TRIAL, conclusions="Dry needling may reduce neck pain more than sham."
    )
    finding = effect(found, "dry_needling")
    assert finding.direction == "benefit"
    assert hedged(finding)


def test_could_not_of_what_was_done_is_not_a_hedge(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        **NECK_TRIAL,
        conclusions="Outcome assessors could not be kept unaware of allocation. Dry needling "
        "lowered neck pain more than sham needling did.",
    )
    finding = effect(found, "dry_needling")
    assert finding.direction == "benefit"
    assert not hedged(finding)


def test_results_to_be_read_with_caution_are_hedged(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling for chronic neck pain: a systematic review",
        types=[JOURNAL_ARTICLE, SYSTEMATIC_REVIEW],
        methods="Five databases were searched for randomized trials of dry needling.",
        results="Nine trials were included; neck pain fell significantly after dry needling.",
        conclusions="Since the trials were few and unlike one another, these results should "
        "be interpreted with caution.",
    )
    finding = effect(found, "dry_needling")
    assert finding.direction == "benefit"
    assert hedged(finding)


def test_did_not_make_a_treatment_more_effective_is_no_benefit(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Therapeutic ultrasound added to exercise for knee osteoarthritis",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Fifty adults were randomized to exercise with therapeutic ultrasound or "
        "exercise alone.",
        conclusions="Therapeutic ultrasound did not make the exercise programme any more "
        "effective.",
    )
    assert effect(found, "therapeutic_ultrasound").direction == "no_benefit"


def test_an_add_on_that_changed_nothing_whether_given_or_not(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Electrical stimulation added to stretching for plantar fasciitis",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Thirty adults with plantar fasciitis had stretching, with or without "
        "electrical stimulation, allocated at random.",
        conclusions="Whether or not electrical stimulation was given, a stretching programme "
        "brought relief of heel pain within two months.",
    )
    finding = effect(found, "electrical_stimulation")
    assert finding.direction == "no_benefit"
    assert finding.comparator == "no_treatment"
    assert effect(found, "exercise_therapy").direction == "benefit"


def test_an_intervention_given_regardless_is_still_read_when_it_is_the_subject(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        **NECK_TRIAL,
        conclusions="Dry needling reduced neck pain more than sham, whether or not the "
        "patients also exercised.",
    )
    assert effect(found, "dry_needling").direction == "benefit"


def test_two_energy_levels_of_one_treatment_are_variants(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Low-energy or high-energy shockwave therapy for lateral epicondylitis",
        types=[JOURNAL_ARTICLE],
        methods="We compared patients given low-energy shockwave therapy with patients given "
        "high-energy shockwave therapy.",
        conclusions="Low-energy shockwave therapy relieved pain more than high-energy "
        "shockwave therapy.",
    )
    assert effect(found, "shockwave_therapy").comparator == "variant"


def test_two_forms_that_both_lowered_pain_is_a_change_within_the_arms(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Focused or radial shockwave therapy for plantar fasciitis",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults with plantar fasciitis were randomized to focused or radial "
        "shockwave therapy.",
        conclusions="Focused and radial shockwave therapy were both followed by less heel "
        "pain, to a similar degree.",
    )
    finding = effect(found, "shockwave_therapy")
    assert finding.direction == "benefit"
    assert finding.comparator == "none"


def test_one_treatment_at_two_sites_compared_is_a_variant(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling of two muscles for neck pain: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults with neck pain were randomized to dry needling of the upper "
        "trapezius or dry needling of the levator scapulae.",
        conclusions="Dry needling of the trapezius and dry needling of the levator scapulae "
        "had similar effects on neck pain.",
    )
    finding = effect(found, "dry_needling")
    assert finding.direction == "no_benefit"
    assert finding.comparator == "variant"


def test_adverse_events_as_frequent_as_with_control_is_no_harm(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling for plantar heel pain: a meta-analysis",
        types=[JOURNAL_ARTICLE, META_ANALYSIS],
        methods="Randomized trials of dry needling for plantar heel pain were pooled.",
        results="Dry needling lowered pain more than control (p<0.001). Adverse events were "
        "about as frequent with dry needling as with control (RR 1.2; p=0.5).",
        conclusions="Dry needling relieves plantar heel pain.",
    )
    safety = [f for f in found if f.kind == "safety"]
    assert [(f.intervention, f.direction, f.events) for f in safety] == [
        ("dry_needling", "no_harm", ())
    ]


def test_a_safety_finding_is_about_the_condition_the_title_names(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling for plantar fasciitis: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults with myofascial pain syndrome of the calf and plantar "
        "fasciitis were randomized to dry needling or sham needling.",
        results="No adverse events were reported in either group.",
        conclusions="Dry needling relieved heel pain more than sham needling.",
    )
    safety = [f for f in found if f.kind == "safety"]
    assert [(f.condition, f.direction) for f in safety] == [("plantar_fasciitis", "no_harm")]


def test_a_studys_hedged_conclusion_qualifies_the_results_read_for_another_arm_name(
    vocab: Vocabulary,
) -> None:
    # the conclusion names the treatment one way ("acupuncture"), the results the other
    # ("electrical stimulation" of the same needles): both findings carry the hedge
    found = findings(
        vocab,
        title="Electroacupuncture for chronic low back pain: a before-and-after study",
        methods="Thirty patients with chronic low back pain had acupuncture with electrical "
        "stimulation of the needles for six weeks.",
        results="With electrical stimulation, pain scores fell significantly from baseline "
        "(p<0.01).",
        conclusions="These results suggest that acupuncture relieved low back pain.",
    )
    for intervention in ("acupuncture", "electrical_stimulation"):
        finding = effect(found, intervention)
        assert finding.direction == "benefit"
        assert hedged(finding), intervention


def test_a_review_against_other_therapies_is_an_active_comparison(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling versus other therapies for chronic neck pain: a meta-analysis",
        types=[JOURNAL_ARTICLE, META_ANALYSIS],
        methods="Randomized trials setting dry needling against other therapies were pooled.",
        conclusions="Dry needling relieved chronic neck pain more in the short term.",
    )
    assert effect(found, "dry_needling").comparator == "active"


def test_a_review_pooling_sham_trials_stays_mixed(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling for chronic neck pain: a meta-analysis",
        types=[JOURNAL_ARTICLE, META_ANALYSIS],
        methods="Trials of dry needling against sham needling or against other treatments "
        "were pooled.",
        conclusions="Dry needling relieved chronic neck pain in the short term.",
    )
    assert effect(found, "dry_needling").comparator == "mixed"


def test_a_review_that_finds_two_treatments_alike_compares_them_head_to_head(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Laser therapy or therapeutic ultrasound for carpal tunnel syndrome: a meta-analysis",
        types=[JOURNAL_ARTICLE, META_ANALYSIS],
        methods="Trials of laser therapy and of therapeutic ultrasound were pooled.",
        conclusions="Pooled results showed no significant difference between laser therapy "
        "and therapeutic ultrasound in carpal tunnel syndrome.",
    )
    for intervention in ("laser_therapy", "therapeutic_ultrasound"):
        finding = effect(found, intervention)
        assert (finding.direction, finding.comparator) == ("no_benefit", "active")


def test_results_that_state_both_arms_changed_without_a_difference_are_no_benefit(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        **NECK_TRIAL,
        results="Pain and disability improved in both groups (p<0.001), without group differences.",
        conclusions="Dry needling is widely used by physiotherapists.",
    )
    assert effect(found, "dry_needling").direction == "no_benefit"


def test_mild_events_without_a_vocabulary_id_counted_in_the_results_are_minor_harm(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Shockwave therapy for plantar fasciitis: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Eighty adults were randomized to shockwave therapy or placebo shockwave.",
        results="Heel pain fell more with shockwave therapy (p<0.01). Transient redness and "
        "swelling appeared in 12% of the treated patients.",
        conclusions="Shockwave therapy relieved heel pain.",
    )
    safety = [f for f in found if f.kind == "safety"]
    assert [(f.direction, f.seriousness) for f in safety] == [("harm", "minor")]


def test_a_conclusion_that_the_treatment_appears_to_be_safe_is_no_harm(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab, **NECK_TRIAL, conclusions="Dry needling eased neck pain and proved to be safe."
    )
    safety = [f for f in found if f.kind == "safety"]
    assert [(f.direction, f.seriousness, f.events) for f in safety] == [("no_harm", "none", ())]


@pytest.mark.parametrize(
    ("methods", "conclusions", "comparator"),
    [
        pytest.param(
            "Sixty adults were randomized to therapeutic ultrasound or to the same device "
            "switched off.",
            "Therapeutic ultrasound reduced knee pain more than the control.",
            "sham",
            id="switched-off",
        ),
        pytest.param(
            "Sixty adults were randomized to therapeutic ultrasound or an inactive ultrasound "
            "head.",
            "Therapeutic ultrasound reduced knee pain more than the control.",
            "sham",
            id="inactive-device",
        ),
        pytest.param(
            "Sixty adults were randomized to therapeutic ultrasound or to ultrasound at a "
            "subtherapeutic intensity.",
            "Therapeutic ultrasound reduced knee pain more than the control.",
            "sham",
            id="subtherapeutic",
        ),
        pytest.param(
            "Sixty adults were randomized to therapeutic ultrasound with exercise or to "
            "exercise only.",
            "Therapeutic ultrasound with exercise reduced knee pain more than exercise only.",
            "no_treatment",
            id="co-treatment-only",
        ),
    ],
)
def test_how_a_trial_names_its_control(
    vocab: Vocabulary, methods: str, conclusions: str, comparator: str
) -> None:
    found = findings(
        vocab,
        title="Therapeutic ultrasound for knee osteoarthritis: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods=methods,
        conclusions=conclusions,
    )
    assert effect(found, "therapeutic_ultrasound").comparator == comparator


def test_two_arms_better_than_sham_and_alike_each_get_a_benefit(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling, laser therapy or sham for neck pain: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Ninety adults with neck pain were randomized to dry needling, laser therapy "
        "or sham.",
        conclusions="Dry needling and laser therapy both reduced neck pain more than sham, and "
        "did not differ from each other.",
    )
    assert effect(found, "dry_needling").direction == "benefit"
    assert effect(found, "laser_therapy").direction == "benefit"


def test_x_but_not_y_gives_each_its_own_result(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Laser or ultrasound for knee osteoarthritis: a randomized trial",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty adults with knee osteoarthritis were randomized to laser therapy, "
        "therapeutic ultrasound or sham.",
        conclusions="Laser therapy, but not therapeutic ultrasound, reduced knee pain compared "
        "with sham.",
    )
    assert effect(found, "laser_therapy").direction == "benefit"
    assert effect(found, "therapeutic_ultrasound").direction == "no_benefit"


def test_two_forms_that_both_brought_changes_are_a_change_within_the_arms(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Superficial versus deep dry needling for neck pain",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Forty adults with neck pain were randomized to superficial or deep dry needling.",
        conclusions="Superficial and deep dry needling both brought significant changes in "
        "pain scores.",
    )
    finding = effect(found, "dry_needling")
    assert (finding.direction, finding.comparator) == ("benefit", "none")


def test_two_outcomes_that_both_improved_more_than_sham_stay_a_comparison(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        **NECK_TRIAL,
        conclusions="Pain and disability both improved more with dry needling than with sham.",
    )
    finding = effect(found, "dry_needling")
    assert (finding.direction, finding.comparator) == ("benefit", "sham")


def test_better_than_a_treatment_without_a_vocabulary_id_is_an_active_comparison(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Therapeutic ultrasound or shortwave diathermy for knee osteoarthritis",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty adults with knee osteoarthritis were randomized to therapeutic "
        "ultrasound or shortwave diathermy.",
        conclusions="Therapeutic ultrasound and shortwave diathermy were both safe, and "
        "therapeutic ultrasound relieved knee pain more effectively than diathermy.",
    )
    finding = effect(found, "therapeutic_ultrasound")
    assert (finding.direction, finding.comparator) == ("benefit", "active")


def test_one_treatment_named_twice_on_one_side_is_not_a_variant(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Therapeutic ultrasound or shortwave diathermy for knee osteoarthritis",
        types=[JOURNAL_ARTICLE, RCT],
        methods="Sixty adults with knee osteoarthritis were randomized to therapeutic "
        "ultrasound or shortwave diathermy.",
        conclusions="Therapeutic ultrasound was well tolerated, and therapeutic ultrasound "
        "relieved knee pain better than diathermy.",
    )
    assert effect(found, "therapeutic_ultrasound").comparator == "active"


def test_both_groups_improved_with_no_difference_in_the_results_is_no_benefit(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        **NECK_TRIAL,
        results="The groups did not differ significantly at any time point (p>0.05).",
        conclusions="Both groups improved over the six weeks.",
    )
    finding = effect(found, "dry_needling")
    assert (finding.direction, finding.comparator) == ("no_benefit", "sham")


def test_pain_fell_and_the_threshold_rose_is_a_benefit_not_harm(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        **NECK_TRIAL,
        conclusions="One session of dry needling decreased pain intensity and increased the "
        "pressure pain threshold compared with sham.",
    )
    assert effect(found, "dry_needling").direction == "benefit"


def test_a_result_qualified_in_another_clause_of_its_sentence_is_hedged(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Dry needling for low back pain: a meta-analysis",
        types=[JOURNAL_ARTICLE, META_ANALYSIS],
        methods="We pooled randomized trials of dry needling in chronic low back pain.",
        results="Pooled analysis favoured dry needling for pain (MD -1.5; 95% CI -2.3 to -0.7; "
        "low-certainty evidence).",
        conclusions="More trials of high quality are needed.",
    )
    finding = effect(found, "dry_needling")
    assert finding.direction == "benefit"
    assert hedged(finding)


def test_did_no_more_than_raise_a_threshold_is_that_benefit(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        **NECK_TRIAL,
        conclusions="Against sham, dry needling did no more than raise the pressure pain "
        "threshold.",
    )
    assert effect(found, "dry_needling").direction == "benefit"


def test_did_no_more_than_sham_is_still_no_benefit(vocab: Vocabulary) -> None:
    found = findings(
        vocab, **NECK_TRIAL, conclusions="Dry needling did no more than sham for neck pain."
    )
    assert effect(found, "dry_needling").direction == "no_benefit"


def test_a_safety_finding_of_several_conditions_none_in_the_title_has_no_condition(
    vocab: Vocabulary,
) -> None:
    found = findings(
        vocab,
        title="Complications of dry needling: a case report",
        types=[JOURNAL_ARTICLE, CASE_REPORTS],
        abstract="A woman treated for neck pain and shoulder pain developed a pneumothorax "
        "after dry needling of the upper trapezius and needed a chest drain.",
    )
    safety = [f for f in found if f.kind == "safety"]
    assert [(f.condition, f.direction, f.seriousness) for f in safety] == [
        (None, "harm", "serious")
    ]


def test_alone_that_does_not_name_a_co_treatment_is_no_add_on(vocab: Vocabulary) -> None:
    found = findings(
        vocab,
        title="Dry needling for shoulder pain: a crossover study in volunteers",
        methods="Twenty volunteers with a painful shoulder had dry needling of the infraspinatus "
        "on one side; the other side was not needled.",
        conclusions="In the painful shoulder alone, the pressure pain threshold rose "
        "significantly after dry needling.",
    )
    assert effect(found, "dry_needling").comparator == "none"


@pytest.mark.parametrize(
    ("sentence", "direction"),
    [
        ("Side effects were minimal and transient.", "harm"),
        ("Only minimal side effects were seen.", "harm"),
        ("No serious or minor adverse events were recorded in either group.", "no_harm"),
    ],
)
def test_a_trials_safety_statement(vocab: Vocabulary, sentence: str, direction: str) -> None:
    found = findings(
        vocab,
        **NECK_TRIAL,
        results=f"Pain fell more with dry needling (p<0.01). {sentence}",
        conclusions="Dry needling reduced neck pain.",
    )
    safety = [f for f in found if f.kind == "safety"]
    assert [(f.direction, f.sentence) for f in safety] == [(direction, sentence)]
