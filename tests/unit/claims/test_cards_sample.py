"""Evidence cards on the demo sample (data/sample, the seed claims checked): every cited
record quotes a sentence of its own (from its abstract or title), never a bare tag term, and
a card of an adverse-event claim that counts names its event."""

from __future__ import annotations

import re
from pathlib import Path

import duckdb
import pytest
from claim_builders import AS_OF, claim

from evidence.claims.engine import judge_claims
from evidence.claims.reference import ReferenceData
from evidence.claims.warehouse import read_evidence
from evidence.tagging.text import split_sentences

# Word stems that name each adverse event (written here, apart from the code under test).
EVENT_STEMS = {
    "bruising": ("bruis",),
    "bleeding": ("bleed",),
    "hematoma": ("hematom", "haematom"),
    "post_needling_soreness": ("sore",),
    "pneumothorax": ("pneumothora",),
    "infection": ("infect",),
    "syncope": ("syncop", "faint"),
    "nerve_injury": ("nerve",),
    "burn": ("burn",),
    "allergic_reaction": ("allerg",),
    "asthma": ("asthma",),
    "nausea": ("nause",),
    "vomiting": ("vomit",),
}
SERIOUS_STEMS = ("pneumothora", "infect", "nerve", "allerg", "asthma", "hematoma", "serious")
INTERVENTIONS = ("trigger_point_therapy", "dry_needling", "trigger_point_injection")


def _sentences(con: duckdb.DuckDBPyConnection, pmid: int) -> set[str]:
    """The record's sentences: its abstract's, split as the tagger splits them, and its title."""
    out = set()
    title = con.execute("SELECT title FROM articles WHERE pmid = ?", [pmid]).fetchone()
    if title and title[0]:
        out.add(" ".join(title[0].split()))
    for (text,) in con.execute(
        "SELECT text FROM abstract_sections WHERE pmid = ?", [pmid]
    ).fetchall():
        out |= {" ".join(text[a:b].split()) for a, b in split_sentences(text)}
    return out


def _names(sentence: str, stems: tuple[str, ...]) -> bool:
    return any(re.search(r"\b" + s, sentence, re.IGNORECASE) for s in stems)


@pytest.fixture(scope="module")
def sample(sample_db: Path) -> duckdb.DuckDBPyConnection:
    con = duckdb.connect(str(sample_db), read_only=True)
    yield con  # type: ignore[misc]
    con.close()


def test_every_cited_card_quotes_a_sentence_of_its_record(
    sample: duckdb.DuckDBPyConnection,
) -> None:
    rows = sample.execute(
        "SELECT claim_id, pmid, sentence FROM claim_evidence ORDER BY claim_id, ord"
    ).fetchall()
    assert len(rows) > 50
    bad = []
    for claim_id, pmid, sentence in rows:
        if not sentence or len(sentence.split()) < 4 or sentence not in _sentences(sample, pmid):
            bad.append((claim_id, pmid, sentence))
    assert bad == []


def test_safety_cards_against_safe_name_a_serious_event(
    sample: duckdb.DuckDBPyConnection,
) -> None:
    rows = sample.execute(
        "SELECT e.claim_id, e.pmid, e.sentence FROM claim_evidence e"
        " JOIN claim_verdicts v USING (claims_file, claim_id)"
        " WHERE v.kind = 'safety' AND e.stance = 'refutes'"
    ).fetchall()
    assert rows, "the sample has records against 'safe'"
    wrong = [
        r
        for r in rows
        if not (r[2] and _names(r[2], SERIOUS_STEMS) and r[2] in _sentences(sample, r[1]))
    ]
    assert wrong == []


def test_adverse_effect_cards_that_count_name_their_event(
    sample: duckdb.DuckDBPyConnection, reference: ReferenceData
) -> None:
    """One 'may result in EVENT' claim per event of the vocabulary, judged on the sample."""
    claims = [
        claim("adverse_effect", intervention=INTERVENTIONS, adverse_event=[event], id=f"A-{event}")
        for event in EVENT_STEMS
    ]
    evidence = read_evidence(sample, set(INTERVENTIONS))
    verdicts = judge_claims(claims, evidence, reference, as_of_year=AS_OF)
    cited = [(v.claim.adverse_event[0], c) for v in verdicts for c in v.citations]
    assert sum(1 for _, c in cited if c.stance == "supports") >= 5  # the sample reports events
    wrong = [
        (event, c.pmid, c.sentence)
        for event, c in cited
        if c.stance != "neutral" and not (c.sentence and _names(c.sentence, EVENT_STEMS[event]))
    ]
    assert wrong == []
    not_own = [
        (event, c.pmid, c.sentence)
        for event, c in cited
        if c.sentence is not None and c.sentence not in _sentences(sample, c.pmid)
    ]
    assert not_own == []
