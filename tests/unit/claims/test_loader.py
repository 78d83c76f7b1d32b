"""The claims loader: the seed file loads; every kind of malformed file is rejected with a
one-line message naming the file, the line and the claim."""

from __future__ import annotations

import re
from pathlib import Path

import pytest
from claim_builders import SEED_CLAIMS

from evidence.claims.claim import ASSERTS, KINDS
from evidence.claims.claims_file import load_claims, parse_claims
from evidence.errors import ClaimsFileError, InputError
from evidence.tagging import Vocabulary

GOOD = """\
source:
  title: Synthetic article
claims:
  - id: C01
    text: Dry needling relieves low back pain.
    kind: effectiveness
    intervention: dry_needling
    condition: low_back_pain
    outcome: pain
    asserts: benefit
"""


def test_seed_claims_load_in_article_order(vocab: Vocabulary) -> None:
    claims = load_claims(SEED_CLAIMS, vocab)
    ids = [c.id for c in claims.claims]
    assert ids == [f"C{n:02d}" for n in range(1, len(ids) + 1)]
    assert len(ids) >= 30
    assert {c.kind for c in claims.claims} == set(KINDS)
    for c in claims.claims:
        assert c.asserts in ASSERTS[c.kind]
        assert c.intervention and c.text and c.line
    assert claims.source_title == "How Does Trigger Point Therapy Work?"
    # The claims follow the article: each claim's opening words appear in the seed text.
    seed = Path(SEED_CLAIMS).resolve().parents[3] / "shared" / "seed" / "trigger-point-article.txt"
    if seed.exists():
        article = " ".join(seed.read_text(encoding="utf-8").split())
        positions = [article.find(c.text[:40]) for c in claims.claims]
        found = [p for p in positions if p >= 0]
        assert len(found) >= len(ids) // 2


def test_good_claim_reads_lists_and_line(vocab: Vocabulary) -> None:
    claims = parse_claims(GOOD, vocab, path="a.yaml")
    (c,) = claims.claims
    assert c.intervention == ("dry_needling",) and c.condition == ("low_back_pain",)
    assert c.line == 4 and c.asserts == "benefit"
    assert claims.name == "a.yaml"


def test_bare_true_is_read_as_the_string_true(vocab: Vocabulary) -> None:
    text = (
        "claims:\n  - id: D1\n    text: Dry needling uses needles.\n    kind: definition\n"
        "    intervention: dry_needling\n    asserts: true\n"
    )
    assert parse_claims(text, vocab).claims[0].asserts == "true"


def test_sentence_is_read_with_whitespace_collapsed(vocab: Vocabulary) -> None:
    text = GOOD + "    sentence: >-\n      Dry needling relieves\n      low back pain.\n"
    assert parse_claims(text, vocab).claims[0].sentence == "Dry needling relieves low back pain."
    assert parse_claims(GOOD, vocab).claims[0].sentence is None


def test_missing_asserts_takes_the_kind_default(vocab: Vocabulary) -> None:
    text = GOOD.replace("    asserts: benefit\n", "")
    assert parse_claims(text, vocab).claims[0].asserts == "benefit"


def _with(old: str, new: str) -> str:
    assert old in GOOD
    return GOOD.replace(old, new)


MALFORMED = [
    pytest.param(
        _with("kind: effectiveness", "kind: efficacy"),
        6,
        "claim C01: unknown kind 'efficacy'",
        id="unknown-kind",
    ),
    pytest.param(
        _with("    asserts: benefit\n", "    asserts: benefit\n    source: x\n"),
        11,
        "claim C01: unknown field 'source'",
        id="unknown-field",
    ),
    pytest.param(
        _with("intervention: dry_needling", "intervention: dry_needle"),
        7,
        "claim C01: unknown intervention 'dry_needle' (did you mean 'dry_needling'?)",
        id="unknown-intervention",
    ),
    pytest.param(
        _with("condition: low_back_pain", "condition: [low_back_pain, backache]"),
        8,
        "claim C01: unknown condition 'backache'",
        id="unknown-condition",
    ),
    pytest.param(
        _with("outcome: pain", "outcome: happiness"),
        9,
        "claim C01: unknown outcome 'happiness'",
        id="unknown-outcome",
    ),
    pytest.param(
        GOOD + GOOD.split("claims:\n", 1)[1],
        11,
        "claim C01: duplicate id (first used at line 4)",
        id="duplicate-id",
    ),
    pytest.param(
        _with("    text: Dry needling relieves low back pain.\n", ""),
        4,
        "claim C01: missing text",
        id="missing-text",
    ),
    pytest.param(
        _with("text: Dry needling relieves low back pain.", "text: '  '"),
        5,
        "claim C01: missing text",
        id="blank-text",
    ),
    pytest.param(
        GOOD + "    sentence: '  '\n",
        11,
        "claim C01: sentence is blank",
        id="blank-sentence",
    ),
    pytest.param(
        _with("  - id: C01\n", "  - kind2: x\n"),
        4,
        "claim #1: unknown field 'kind2'",
        id="unknown-field-before-id",
    ),
    pytest.param(_with("  - id: C01\n", "  - \n"), 5, "claim #1: missing id", id="missing-id"),
    pytest.param(
        _with("asserts: benefit", "asserts: safe"),
        10,
        "claim C01: asserts 'safe' is not valid for kind effectiveness"
        " (use 'benefit' or 'no_benefit')",
        id="asserts-wrong-for-kind",
    ),
    pytest.param(
        _with("    asserts: benefit\n", "    asserts: benefit\n    adverse_event: asthma\n"),
        11,
        "claim C01: adverse_event is only for kind adverse_effect",
        id="event-on-effect",
    ),
    pytest.param(
        _with("kind: effectiveness", "kind: adverse_effect").replace(
            "asserts: benefit", "asserts: occurs"
        ),
        6,
        "claim C01: missing adverse_event (required for kind adverse_effect)",
        id="effect-no-event",
    ),
    pytest.param(
        _with("    intervention: dry_needling\n", ""),
        4,
        "claim C01: missing intervention",
        id="missing-intervention",
    ),
    pytest.param(
        _with("intervention: dry_needling", "intervention: {a: 1}"),
        7,
        "claim C01: intervention must be an id or a list of ids",
        id="intervention-map",
    ),
    pytest.param(
        _with("    outcome: pain\n", "    outcome: pain\n    outcome: disability\n"),
        10,
        "claim #1: duplicate field 'outcome' (first at line 9)",
        id="duplicate-field",
    ),
    pytest.param(
        _with("text: Dry needling relieves low back pain.", "text: [a, b]"),
        5,
        "claim C01: text must be a string",
        id="text-not-string",
    ),
    pytest.param("claims:\n  - id: C01\n    text: [unclosed\n", 4, "not valid YAML", id="not-yaml"),
    pytest.param(
        "title: x\nclaims: []\n", 1, "unknown field 'title' in the file", id="unknown-top-level"
    ),
    pytest.param("source:\n  title: x\n", 1, "missing 'claims:'", id="no-claims"),
    pytest.param("claims: []\n", 1, "'claims' must be a non-empty list", id="empty-claims"),
    pytest.param("", 1, "empty file", id="empty-file"),
    pytest.param(
        "claims:\n  - just text\n", 2, "claim #1: a claim must be a mapping", id="claim-not-mapping"
    ),
]


@pytest.mark.parametrize(("text", "line", "message"), MALFORMED)
def test_malformed_claims_are_rejected_with_file_line_and_claim(
    vocab: Vocabulary, text: str, line: int, message: str
) -> None:
    with pytest.raises(ClaimsFileError) as caught:
        parse_claims(text, vocab, path="data/claims/bad.yaml")
    got = str(caught.value)
    assert "\n" not in got
    assert got.startswith(f"data/claims/bad.yaml:{line}: "), got
    assert message in got, got
    assert isinstance(caught.value, InputError) and caught.value.exit_code == 2


def test_message_format_is_file_line_claim_problem(vocab: Vocabulary) -> None:
    with pytest.raises(ClaimsFileError) as caught:
        parse_claims(_with("kind: effectiveness", "kind: nope"), vocab, path="x.yaml")
    assert re.fullmatch(r"x\.yaml:\d+: claim C01: .+", str(caught.value))


def test_unreadable_file_names_the_path(vocab: Vocabulary, tmp_path: Path) -> None:
    missing = tmp_path / "nope.yaml"
    with pytest.raises(ClaimsFileError, match=r"nope\.yaml: cannot read"):
        load_claims(missing, vocab)
