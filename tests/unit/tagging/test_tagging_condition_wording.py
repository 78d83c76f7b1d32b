"""Conditions as authors word them, and condition words that do not name the population,
on SYNTHETIC sentences written for these tests."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, RCT, article

from evidence.models import Tag
from evidence.tagging import Vocabulary, tag_article


def conditions(tags: list[Tag]) -> set[str]:
    return {t.value for t in tags if t.dimension == "condition"}


def tagged(vocab: Vocabulary, methods: str, *, background: str | None = None) -> set[str]:
    record = article(
        "A trial of cupping",
        background=background,
        methods=methods,
        types=[JOURNAL_ARTICLE, RCT],
    )
    return conditions(tag_article(record, vocab))


@pytest.mark.parametrize(
    ("methods", "expected"),
    [
        ("Fifty adults with non-specific neck pain were enrolled.", {"neck_pain"}),
        ("Adults with chronic mechanical low back pain were enrolled.", {"low_back_pain"}),
        ("We took in people with pain in the lower back for over a year.", {"low_back_pain"}),
        ("Cyclists with pain in the neck and shoulders took part.", {"neck_pain", "shoulder_pain"}),
        ("Typists with neck-shoulder pain took part.", {"neck_pain", "shoulder_pain"}),
        ("Tennis players with lateral elbow pain took part.", {"lateral_epicondylitis"}),
        ("Older adults with osteoarthritis of both knees took part.", {"knee_osteoarthritis"}),
        ("Those with a herniated lumbar disc were included.", {"herniated_disc"}),
        ("Women with temporomandibular myofascial pain took part.", None),
        ("Women with myofascial pain of the masticatory muscles took part.", None),
        ("Patients had chronic thoracic pain for over six months.", {"chronic_pain"}),
        ("Adults with diabetic peripheral neuropathic pain took part.", {"diabetic_neuropathy"}),
        ("Adults with a bulging disc at L4-5 took part.", {"herniated_disc"}),
        ("Adults with TMJ dysfunction took part.", {"temporomandibular_disorder"}),
    ],
)
def test_conditions_as_authors_word_them(
    vocab: Vocabulary, methods: str, expected: set[str] | None
) -> None:
    found = tagged(vocab, methods)
    if expected is None:  # the jaw's myofascial pain: both the syndrome and the disorder
        expected = {"myofascial_pain_syndrome", "temporomandibular_disorder"}
    assert found == expected


@pytest.mark.parametrize(
    "methods",
    [
        "Forty cashiers with upper trapezius MTrPs were enrolled.",
        "Nurses who had neck pain and active levator scapulae trigger points took part.",
        "Their calf pain arises from myofascial trigger points in the soleus.",
        "Headache that came from trigger points in the neck muscles was treated.",
        "Cupping was applied to TrPs related to shoulder pain.",
        "Cupping was applied where pain stemmed from gluteal MTrPs.",
        "People with sciatica accompanied by myofascial trigger points were enrolled.",
    ],
)
def test_pain_from_trigger_points_is_myofascial_pain(vocab: Vocabulary, methods: str) -> None:
    assert "myofascial_pain_syndrome" in tagged(vocab, methods)


@pytest.mark.parametrize(
    "methods",
    [
        "Healthy students with latent MTrPs in the upper trapezius were enrolled.",
        "Thirty people with migraine who had MTrPs in the neck muscles took part.",
        "Cupping was applied to the trigger points of the upper trapezius.",
    ],
)
def test_trigger_points_alone_are_not_the_syndrome(vocab: Vocabulary, methods: str) -> None:
    assert "myofascial_pain_syndrome" not in tagged(vocab, methods)


def test_chronic_pain_of_a_part_with_its_own_term_is_that_term(vocab: Vocabulary) -> None:
    assert tagged(vocab, "Adults with chronic pain in the neck took part.") == {"neck_pain"}


def test_myofascial_pain_of_the_neck_is_the_syndrome(vocab: Vocabulary) -> None:
    found = tagged(vocab, "Adults with myofascial pain of the neck took part.")
    assert found == {"myofascial_pain_syndrome"}


@pytest.mark.parametrize(
    "methods",
    [
        "The incidence of postherpetic neuralgia at six months was the primary outcome.",
        "Secondary outcomes were sleep and how many go on to develop postherpetic neuralgia.",
    ],
)
def test_a_condition_counted_as_an_outcome_is_not_the_population(
    vocab: Vocabulary, methods: str
) -> None:
    assert "postherpetic_neuralgia" not in tagged(vocab, methods)


def test_leg_pain_measured_as_an_outcome_is_not_a_condition(vocab: Vocabulary) -> None:
    found = tagged(vocab, "People with sciatica took part; leg pain intensity was the outcome.")
    assert found == {"radiculopathy"}


def test_the_aim_stated_in_the_background_counts_as_the_objective(vocab: Vocabulary) -> None:
    background = "Cupping is popular. We aimed to test cupping in people with plantar fasciitis."
    found = tagged(vocab, "Participants were randomly allocated.", background=background)
    assert found == {"plantar_fasciitis"}
    other = "Cupping is popular. Plantar fasciitis is common in runners."
    assert tagged(vocab, "Participants were randomly allocated.", background=other) == set()
