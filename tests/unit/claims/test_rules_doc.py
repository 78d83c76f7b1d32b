"""docs/verdict-rules.md and the code apply the same rules: ids, verdicts, weights, events."""

from __future__ import annotations

import re
from pathlib import Path

import pytest

from evidence.claims.engine import RULES_VERSION
from evidence.claims.harms import SERIOUS_EVENTS
from evidence.claims.rules import RULES
from evidence.claims.weighing import DESIGN_WEIGHT, LEVEL_OF, LIMITING_QUALIFIERS

DOC = Path(__file__).resolve().parents[3] / "docs" / "verdict-rules.md"
HEADING = re.compile(r"^### (?P<id>[A-Z]\d) (?:\(routing\).*|— (?P<labels>.+))$", re.M)


@pytest.fixture(scope="module")
def doc() -> str:
    return DOC.read_text(encoding="utf-8")


def test_the_doc_documents_exactly_the_rules_of_the_code(doc: str) -> None:
    documented = {m["id"]: m["labels"] for m in HEADING.finditer(doc)}
    assert set(documented) == set(RULES)
    for rule_id, labels in documented.items():
        in_doc = set(re.findall(r"`(\w+)`", labels or ""))
        assert in_doc == set(RULES[rule_id].verdicts), rule_id


def test_the_doc_weight_table_is_the_code_weights(doc: str) -> None:
    rows = re.findall(
        r"^\| (\w+) \| ([\d.]+) \| (strong|moderate|weak|set aside.*?) \|$", doc, re.M
    )
    table = {design: float(weight) for design, weight, _ in rows}
    assert table == DESIGN_WEIGHT
    for design, _, level in rows:
        if design != "protocol":
            assert LEVEL_OF.get(design, "weak") == level, design


def test_the_doc_names_the_serious_events_and_limiting_qualifiers(doc: str) -> None:
    section = doc[doc.index("## Safety") : doc.index("### S1")]
    named = set(re.findall(r"`(\w+)`", section))
    assert named >= SERIOUS_EVENTS
    grade_section = doc[doc.index("## Certainty") : doc.index("## Effectiveness")]
    assert set(LIMITING_QUALIFIERS) <= set(re.findall(r"`(\w+)`", grade_section))


def test_the_readme_of_the_rules_links_the_views_doc(doc: str) -> None:
    assert "(views.md)" in doc
    assert (DOC.parent / "views.md").exists()


def test_the_doc_states_the_rules_version_of_the_code(doc: str) -> None:
    assert re.findall(r"\*\*Rules version: (\w+)\.\*\*", doc) == [RULES_VERSION]
    assert "## Verdict history" in doc and "claim_verdict_changes" in doc
