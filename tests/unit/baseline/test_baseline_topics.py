"""The local matcher of query sets (evidence.baseline.topics), on hand-built records."""

from __future__ import annotations

from pathlib import Path

import pytest

from evidence.baseline import compile_query_set, load_topic_filter
from evidence.baseline.topics import parse_term
from evidence.entrez.queries import Query, QuerySet
from evidence.errors import QuerySetError
from evidence.models import AbstractSection, Article, MeshHeading, MeshQualifier, PublicationType

REPO = Path(__file__).resolve().parents[3]

# A synthetic record: dry needling of trigger points for neck pain, an RCT.
NEEDLING = Article(
    pmid=1,
    title="Dry needling of myofascial trigger points in neck pain: a randomised trial",
    abstract_sections=(
        AbstractSection("RESULTS", "RESULTS", "Pain-pressure thresholds rose after needling."),
    ),
    mesh_headings=(
        MeshHeading("D000069600", "Dry Needling", False, (MeshQualifier("Q1", "methods", True),)),
        MeshHeading("D019547", "Neck Pain", False),
    ),
    publication_types=(PublicationType("D016449", "Randomized Controlled Trial"),),
    keywords=("intramuscular stimulation",),
)
# A synthetic record on something else, indexed with a narrower heading of Neck Pain's tree.
OTHER = Article(
    pmid=2,
    title="Cost of knee surgery",
    mesh_headings=(MeshHeading("D000001", "Whiplash Injuries", True),),
    publication_types=(PublicationType(None, "Review"),),
)


def matches(term: str, article: Article) -> bool:
    qs = QuerySet(name="t", queries=(Query(name="q", term=term),))
    return compile_query_set(qs).matches(article)


@pytest.mark.parametrize(
    ("term", "needling", "other"),
    [
        ('"Dry Needling"[Mesh]', True, False),
        ('"dry needling"[MH]', True, False),
        ('"Neck Pain"[majr]', False, False),
        ('"Dry Needling"[majr]', True, False),  # major through its qualifier
        ('"Whiplash Injuries"[majr]', False, True),
        ('"Neck Pain"[Mesh]', True, False),  # not exploded: Whiplash Injuries is not found
        ('"methods"[sh]', True, False),
        ('"Randomized Controlled Trial"[pt]', True, False),
        ('"trigger point*"[tiab]', True, False),
        ('"trigger point*"[ti]', True, False),
        ('"trigger point*"[ab]', False, False),
        ("pressure threshold*[tiab]", True, False),  # an unquoted phrase with a tag
        ('"pressure thresholds rose"[tiab]', True, False),  # hyphen splits words
        ('"points in neck"[tiab]', True, False),
        ('"neck points"[tiab]', False, False),  # word order counts
        ("randomi*[tiab]", True, False),
        ("random[tiab]", False, False),  # no truncation without *
        ('"intramuscular stimulation"[tiab]', False, False),  # keywords are not tiab
        ('"intramuscular stimulation"[ot]', True, False),
        ('"intramuscular stimulation"', True, False),  # untagged: all fields
        ("whiplash", False, True),  # untagged terms also search MeSH
        ("needling[tiab] AND knee[tiab]", False, False),
        ("needling[tiab] OR knee[tiab]", True, True),
        ("needling[tiab] NOT neck[tiab]", False, False),
        ("knee[tiab] OR needling[tiab] NOT neck[tiab]", False, True),  # left to right
        ("knee[tiab] OR (needling[tiab] NOT neck[tiab])", False, True),
        ("needling[tiab] (neck[tiab] OR knee[tiab])", True, False),  # side by side = AND
        ('("Dry Needling"[Mesh] OR cost[ti]) AND "Review"[pt]', False, True),
    ],
    ids=lambda v: v if isinstance(v, str) else None,
)
def test_term_matches_like_pubmed_within_the_documented_limits(
    term: str, needling: bool, other: bool
) -> None:
    assert (matches(term, NEEDLING), matches(term, OTHER)) == (needling, other)


def test_left_to_right_differs_from_and_before_or() -> None:
    # PubMed reads "a OR b AND c" as "(a OR b) AND c"; with precedence it would match OTHER.
    assert not matches("cost[ti] OR needling[tiab] AND neck[tiab]", OTHER)
    assert matches("needling[tiab] AND neck[tiab] OR cost[ti]", OTHER)


@pytest.mark.parametrize(
    ("term", "message"),
    [
        ('"Dry Needling"[Mesh] AND 2020:2024[dp]', r"field tag \[dp\] at character 26"),
        ('"dry needling', r"unterminated quote at character 1"),
        ("(a OR b", r"'\(' at character 1 is never closed"),
        ("a OR b)", r"unexpected '\)' at character 7"),
        ("a OR", r"the term ends where a search term was expected"),
        ("a AND OR b", r"expected a search term at character 7, got OR"),
        ('"--"[tiab]', r"search term at character 1 has no words"),
    ],
    ids=["date-tag", "quote", "open-paren", "close-paren", "dangling-op", "two-ops", "no-words"],
)
def test_malformed_or_unsupported_terms_name_the_place(term: str, message: str) -> None:
    with pytest.raises(QuerySetError, match=rf"^x\.yaml: query 'q': {message}"):
        parse_term(term, where="x.yaml: query 'q'")


def test_a_record_is_kept_when_any_query_of_the_set_matches() -> None:
    qs = QuerySet(
        name="t",
        queries=(Query(name="hips", term="hip[ti]"), Query(name="needles", term="needling")),
    )
    topic = compile_query_set(qs)
    assert topic.matching(NEEDLING) == ["needles"]
    assert topic.matching(OTHER) == []
    assert topic.matches(NEEDLING) and not topic.matches(OTHER)


def test_the_key_changes_with_a_term() -> None:
    one = QuerySet(name="t", queries=(Query(name="q", term="knee"),))
    two = QuerySet(name="t", queries=(Query(name="q", term="knees"),))
    assert compile_query_set(one).key != compile_query_set(two).key
    assert compile_query_set(one).key == compile_query_set(one).key


def test_the_repository_query_set_compiles_and_finds_a_trigger_point_trial() -> None:
    topic = load_topic_filter(REPO / "data" / "queries", "trigger_point")
    assert topic.name == "trigger_point"
    assert {"trigger_points", "dry_needling", "effectiveness"} <= set(topic.matching(NEEDLING))
    assert not topic.matches(OTHER)


def test_an_unsupported_tag_in_a_query_set_file_names_the_file_and_query(tmp_path: Path) -> None:
    path = tmp_path / "dated.yaml"
    path.write_text("queries:\n  - name: recent\n    term: needling AND 2020[dp]\n", "utf-8")
    with pytest.raises(QuerySetError, match=rf"^{path}: query 'recent': field tag \[dp\]"):
        load_topic_filter(tmp_path, str(path))


def test_an_unknown_query_set_name_is_an_error(tmp_path: Path) -> None:
    with pytest.raises(QuerySetError, match="no such query set"):
        load_topic_filter(tmp_path, "nope")
