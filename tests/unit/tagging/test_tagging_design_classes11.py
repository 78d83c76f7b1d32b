"""Design classes found by typing records of our own in the manner of real abstracts (only
Journal Article as their type, the design told in the methods): groups formed other than by
chance (a second group "who received" something else, a group that "formed the control
group"); people with a condition examined beside healthy controls (a case-control study, as
the synthetic set labels one); an open-label pilot study of one group; "this case describes"; people
examined once; an anonymous or postal questionnaire; a review of a condition's
pathophysiology or management; a limb of the same person, or a group treated before the
treatment came in, as the control; people who did and did not have a treatment, compared as
they came; treated people "we followed"; practitioners who "completed a survey". Every
sentence is SYNTHETIC."""

from __future__ import annotations

import pytest
from tagging_builders import JOURNAL_ARTICLE, REVIEW, article

from evidence.tagging import Vocabulary, tag_article


def design(vocab: Vocabulary, title: str, methods: str) -> str:
    tags = tag_article(article(title, methods=methods, types=[JOURNAL_ARTICLE]), vocab)
    (value,) = [t.value for t in tags if t.dimension == "design"]
    return value


@pytest.mark.parametrize(
    ("title", "methods", "expected"),
    [
        (
            "Taping for knee pain in older adults",
            "Twenty-two adults were taped and compared with 22 matched adults who received "
            "advice only.",
            "controlled_trial",
        ),
        (
            "Massage for headache in nurses",
            "Nurses on the day shift had massage; those on the night shift formed the control "
            "group.",
            "controlled_trial",
        ),
        (
            "Trigger points and neck pain",
            "Sixty patients with neck pain and 60 healthy controls were examined for trigger "
            "points.",
            "case_control",
        ),
        (
            "Trigger points in people with tinnitus",
            "Forty patients with tinnitus and forty age-matched healthy controls were examined "
            "for trigger points in the neck.",
            "case_control",
        ),
        (
            "Needling after ankle surgery",
            "An open-label pilot study in which ten patients were needled once after surgery; "
            "swelling was measured before and an hour after.",
            "case_series",
        ),
        (
            "Laser for a swimmer's shoulder",
            "This case describes a swimmer whose shoulder pain was treated with laser.",
            "case_report",
        ),
        (
            "Trigger points in bus drivers",
            "We examined 90 bus drivers in a single session for trigger points of the back.",
            "cross_sectional",
        ),
        (
            "What patients think of needling",
            "An anonymous questionnaire was returned by 310 clinic attenders.",
            "cross_sectional",
        ),
        (
            "Laser for calf soreness after running",
            "Each runner had laser on one calf, and the other calf served as an untreated control.",
            "controlled_trial",
        ),
        (
            "Taping for ankle sprain in a sports clinic",
            "Players taped in 2021 were set against the historical control group of players "
            "seen in 2020.",
            "controlled_trial",
        ),
        (
            "Injections and later surgery for shoulder pain",
            "Adults receiving and not receiving injections were compared on surgery over "
            "four years.",
            "cohort",
        ),
        (
            "Shockwave for jumper's knee in basketball",
            "We followed 40 basketball players treated with shockwave and recorded their "
            "return to play.",
            "case_series",
        ),
        (
            "How chiropractors use laser",
            "Chiropractors completed a survey on the devices they had used that year.",
            "cross_sectional",
        ),
        (
            "Taping for knee pain in runners",
            "We searched the clinic database for runners whom we had treated with taping for "
            "knee pain; all were seen again after a month.",
            "case_series",
        ),
        (
            "Laser added to usual care for heel pain",
            "The records of 90 patients were assessed retrospectively: 45 had laser with their "
            "usual care and 45 usual care alone.",
            "cohort",
        ),
        (
            "Finding and treating trigger points of the calf",
            "The author reviews the literature and adds what his own practice has shown.",
            "narrative_review",
        ),
        (
            "Injections before hip surgery",
            "We recruited 18 people waiting for a hip replacement; each was given trigger point "
            "injections at the first visit and again a week later.",
            "case_series",
        ),
        (
            "Jaw muscle stiffness before and after two treatments",
            "We enrolled 16 patients with jaw pain and 16 healthy volunteers. The patients were "
            "divided into a laser group and a massage group.",
            "controlled_trial",
        ),
        (
            "Myofascial pain: an update",
            "We review its pathophysiology, diagnosis and treatment options.",
            "narrative_review",
        ),
    ],
)
def test_the_design_a_record_of_this_class_has(
    vocab: Vocabulary, title: str, methods: str, expected: str
) -> None:
    assert design(vocab, title, methods) == expected


@pytest.mark.parametrize(
    ("title", "methods", "expected"),
    [
        # healthy people as the control arm of a trial are no case-control study
        (
            "Needling in healthy people",
            "Healthy volunteers formed the control group and were randomly allocated to sham.",
            "rct",
        ),
        # examined once a week is not examined once
        (
            "Laser for heel pain",
            "Twelve patients received laser and were examined once a week for six weeks; "
            "there was no control group.",
            "case_series",
        ),
    ],
)
def test_what_these_classes_leave_alone(
    vocab: Vocabulary, title: str, methods: str, expected: str
) -> None:
    assert design(vocab, title, methods) == expected


def test_a_title_that_calls_itself_a_narrative_review_stays_one(vocab: Vocabulary) -> None:
    record = article(
        "Needling and muscle activity in back pain: a narrative review",
        methods="We searched PubMed and Scopus and drew our conclusions from 40 papers.",
        types=[JOURNAL_ARTICLE, REVIEW],
    )
    (value,) = [t.value for t in tag_article(record, vocab) if t.dimension == "design"]
    assert value == "narrative_review"


def test_a_review_titled_only_a_review_that_searched_databases_is_systematic(
    vocab: Vocabulary,
) -> None:
    record = article(
        "Needling and muscle activity in back pain: a review",
        methods="We searched PubMed and Scopus; two reviewers independently screened 40 papers.",
        types=[JOURNAL_ARTICLE, REVIEW],
    )
    (value,) = [t.value for t in tag_article(record, vocab) if t.dimension == "design"]
    assert value == "systematic_review"
