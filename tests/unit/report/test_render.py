"""Rendering the editors' pages (pure): escaping of record text, the synthetic banner, the
data line, self-contained plots, and nothing fetched at view time."""

from __future__ import annotations

import base64
import re
from dataclasses import replace
from datetime import UTC, datetime

import pytest

from evidence.claims.claim import Citation, Claim, Verdict
from evidence.claims.history import FileHistory, VerdictChange
from evidence.claims.warehouse import CheckedFile
from evidence.report.data import AdverseRow, Provenance, ReportData
from evidence.report.plots import evidence_map_svg, publications_svg
from evidence.report.render import (
    MAX_CARDS,
    banner_text,
    change_reasons,
    data_line,
    render_check_page,
    render_report,
)

NOW = datetime(2026, 11, 25, 9, 30, tzinfo=UTC)
HOSTILE = '<script>alert("title")</script><i>in vivo</i> & "quotes"'
HOSTILE_SENTENCE = "<img src=x onerror=alert(1)> needling helped"


def _verdict(n_citations: int = 1, *, title: str = HOSTILE) -> Verdict:
    claim = Claim(
        id="C01",
        text="Dry needling <b>cures</b> everything.",
        kind="effectiveness",
        asserts="benefit",
        intervention=("dry_needling",),
    )
    cites = tuple(
        Citation(
            pmid=90000000 + n,
            year=2020,
            design="rct",
            stance="supports",
            weight=5.0,
            sentence=HOSTILE_SENTENCE,
            title=title,
        )
        for n in range(1, n_citations + 1)
    )
    return Verdict(
        claim=claim,
        verdict="supported",
        grade="moderate",
        rule="E7",
        summary="Supported <u>(moderate certainty)</u>.",
        n_articles=n_citations,
        n_supporting=n_citations,
        n_refuting=0,
        citations=cites,
    )


def _provenance(**kw: object) -> Provenance:
    base = {
        "n_records": 3,
        "n_retracted": 0,
        "first_year": 2010,
        "last_year": 2024,
        "synced": (),
        "ingested_files": 1,
        "last_ingest": datetime(2026, 11, 1, 8, 0),
        "n_synthetic": 0,
    }
    base.update(kw)
    return Provenance(**base)  # type: ignore[arg-type]


PREVIOUS = datetime(2026, 11, 18, 9, 0)


def _change(**kw: object) -> VerdictChange:
    base: dict[str, object] = {
        "claims_file": "hostile.yaml",
        "claim_id": "C01",
        "ord": 1,
        "previous_verdict": "mixed",
        "verdict": "supported",
        "previous_grade": "low",
        "grade": "moderate",
        "previous_rule": "E5",
        "rule": "E7",
        "new_pmids": (90000005,),
        "dropped_pmids": (90000003, 90000004),
        "retracted_pmids": (90000003,),
        "deleted_pmids": (90000004,),
        "data_changed": True,
        "vocabulary_changed": False,
        "tagger_changed": False,
        "rules_changed": False,
        "claim_edited": False,
        "why": "not shown: the page lists the reasons itself",
        "previous_checked_at": PREVIOUS,
        "checked_at": datetime(2026, 11, 25, 9, 0),
    }
    base.update(kw)
    return VerdictChange(**base)  # type: ignore[arg-type]


HISTORY = FileHistory(7, 6, PREVIOUS, (_change(),), {"C01": (90000003,)})


def _data(
    verdicts: tuple[Verdict, ...] = (), history: FileHistory = HISTORY, **kw: object
) -> ReportData:
    checked = CheckedFile(
        "hostile.yaml",
        "<script>x</script> Article",
        "javascript:alert(1)",
        datetime(2026, 11, 25, 9, 0),
        verdicts,
        history,
    )
    return ReportData(
        files=(checked,) if verdicts else (),
        evidence_map=(("dry_needling", "low_back_pain", 3), ("massage", "neck_pain", 1)),
        publications=(("dry_needling", 2019, 2), ("dry_needling", 2021, 1)),
        adverse_events=(
            AdverseRow("pneumothorax", "dry_needling", True, 2, 1, 0, 1, 0, 0, 2014, 2017),
        ),
        provenance=_provenance(**kw),
        generated_at=NOW,
    )


RULES_MD = """# How `evidence check` decides a verdict

See [views.md](views.md) and [GRADE](https://www.gradeworkinggroup.org/) and [below](#x).

<script>alert(1)</script> <b>bold</b>

| verdict | meaning |
| --- | --- |
| `supported` | agrees |
"""


@pytest.fixture(scope="module")
def pages() -> dict[str, str]:
    return render_report(_data((_verdict(),)), RULES_MD)


def test_record_text_is_escaped(pages: dict[str, str]) -> None:
    html = pages["index.html"]
    assert "<script" not in html and "<img" not in html and "<b>cures" not in html
    assert (
        "&lt;script&gt;alert(&#34;title&#34;)&lt;/script&gt;in vivo &amp; &#34;quotes&#34;" in html
    )
    assert "&lt;img src=x onerror=alert(1)&gt;" in html
    assert "Dry needling &lt;b&gt;cures&lt;/b&gt;" in html
    assert 'href="javascript:' not in html and "&lt;script&gt;x&lt;/script&gt; Article" in html


def test_inline_title_markup_is_dropped_before_escaping(pages: dict[str, str]) -> None:
    assert "in vivo" in pages["index.html"] and "&lt;i&gt;" not in pages["index.html"]


def test_evidence_cards_link_to_pubmed_and_are_expandable(pages: dict[str, str]) -> None:
    html = pages["index.html"]
    assert '<details class="evidence">' in html
    assert 'href="https://pubmed.ncbi.nlm.nih.gov/90000001/"' in html
    assert 'class="badge v-supported"' in html and "Randomised trial" in html


def test_long_evidence_lists_are_cut_with_a_note() -> None:
    html = render_report(_data((_verdict(MAX_CARDS + 3),)))["index.html"]
    assert html.count('class="card ') == MAX_CARDS
    assert "and 3 more records" in html


@pytest.mark.parametrize("name", ["index.html", "evidence.html", "verdict-rules.html"])
def test_nothing_is_fetched_at_view_time(pages: dict[str, str], name: str) -> None:
    html = pages[name]
    assert "Content-Security-Policy" in html and "default-src 'none'" in html
    assert "<script" not in html and '<link rel="stylesheet"' not in html
    for src in re.findall(r'\ssrc(?:set)?="([^"]*)"', html):
        assert src.startswith("data:"), src
    for href in re.findall(r'\shref="([^"]*)"', html):
        assert href.startswith(
            (
                "data:",
                "https://pubmed.ncbi.nlm.nih.gov/",
                "index.html",
                "evidence.html",
                "verdict-rules.html",
                "#claim-",
            )
        ) or (name == "verdict-rules.html" and href.startswith(("https://", "#"))), href
    assert "@import" not in html and "url(" not in html


@pytest.mark.parametrize(
    ("n_synthetic", "n_records", "expected"),
    [
        (0, 10, None),
        (10, 10, "SYNTHETIC SAMPLE DATA"),
        (3, 10, "3 of 10 records are SYNTHETIC"),
    ],
)
def test_banner(n_synthetic: int, n_records: int, expected: str | None) -> None:
    text = banner_text(n_synthetic, n_records)
    assert (text is None) if expected is None else (expected in (text or ""))
    html = render_report(_data((_verdict(),), n_synthetic=n_synthetic, n_records=n_records))[
        "evidence.html"
    ]
    assert ('id="synthetic-banner"' in html) == (expected is not None)


def test_data_line_from_files_or_from_syncs() -> None:
    assert "Ingested from files (1 files, last on 2026-11-01 08:00 UTC)" in data_line(_provenance())
    synced = _provenance(synced=(("trigger_point", datetime(2026, 11, 20, 6, 0), 812),))
    line = data_line(synced)
    assert "query set trigger_point on 2026-11-20 06:00 UTC (812 records)" in line
    assert "published 2010–2024" in line


def test_empty_warehouse_says_what_to_do() -> None:
    html = render_report(_data(()))["index.html"]
    assert "No claims have been checked" in html and "evidence check" in html


def test_check_page_is_standalone() -> None:
    checked = CheckedFile("x.yaml", None, None, None, (_verdict(),))
    html = render_check_page(
        checked, generated_at=NOW, line="Data: 1 record.", synthetic=[90000001], n_records=1
    )
    assert 'id="claim-1-C01"' in html and "SYNTHETIC" in html and "<nav>" not in html


def test_claims_are_collapsed_to_their_verdict_line(pages: dict[str, str]) -> None:
    html = pages["index.html"]
    (claim,) = re.findall(
        r'<details class="claim v-supported" id="claim-1-C01".*?\n    </details>', html, re.S
    )
    assert '<details class="claim v-supported" id="claim-1-C01" data-verdict="supported"' in claim
    line, body = claim.split("</summary>", 1)
    assert "C01" in line and "badge v-supported" in line and "certainty: moderate" in line
    assert "Dry needling &lt;b&gt;cures&lt;/b&gt;" in line  # the claim itself
    assert "What the evidence says" in body and "Supported &lt;u&gt;" in body
    assert '<details class="evidence">' in body and 'details class="claim" open' not in html


def test_plots_have_a_phone_drawing() -> None:
    html = render_report(_data((_verdict(),)))["evidence.html"]
    sources = re.findall(
        r'<source media="\(max-width: 40rem\)" srcset="(data:image/svg\+xml;base64,[^"]+)">'
        r'<img src="(data:[^"]+)"',
        html,
    )
    assert len(sources) == 2 and all(narrow != wide for narrow, wide in sources)
    cells = (("dry_needling", "low_back_pain", 3), ("massage", "neck_pain", 1))
    narrow = _svg(evidence_map_svg(cells, narrow=True))
    width = float(re.search(rb'<svg[^>]* width="([\d.]+)pt"', narrow)[1])  # type: ignore[index]
    assert width * 96 / 72 <= 370  # its natural size fits a 390 px phone


def test_wide_tables_scroll_in_their_own_box(pages: dict[str, str]) -> None:
    html = pages["evidence.html"]
    assert re.search(r'<div class="table-scroll"[^>]*>\s*<table class="adverse">', html)
    assert "overflow-x: auto" in html


@pytest.mark.parametrize("name", ["index.html", "evidence.html", "verdict-rules.html"])
def test_the_footer_links_to_the_verdict_rules_beside_the_page(
    pages: dict[str, str], name: str
) -> None:
    footer = pages[name][pages[name].index("<footer>") :]
    assert '<a href="verdict-rules.html" id="rules-link">the verdict rules</a>' in footer


def test_the_rules_page_is_the_rules_document_made_safe(pages: dict[str, str]) -> None:
    html = pages["verdict-rules.html"]
    assert "<h1>How <code>evidence check</code> decides a verdict</h1>" in html
    assert "<script" not in html and "&lt;script&gt;alert(1)&lt;/script&gt;" in html
    assert "<b>" not in html and "&lt;b&gt;bold" in html
    assert "<span>views.md</span>" in html and 'href="views.md"' not in html  # not beside it
    assert '<a href="https://www.gradeworkinggroup.org/">GRADE</a>' in html
    assert '<a href="#x">below</a>' in html
    assert '<div class="table-scroll"><table>' in html and "<code>supported</code>" in html
    assert "Content-Security-Policy" in html and 'class="here">Verdict rules' in html


def test_without_the_rules_document_the_footer_names_it() -> None:
    pages = render_report(_data((_verdict(),)))
    assert "verdict-rules.html" not in pages and "rules-link" not in pages["index.html"]
    assert "docs/verdict-rules.md in the project" in pages["index.html"]
    checked = CheckedFile("x.yaml", None, None, None, (_verdict(),))
    page = render_check_page(checked, generated_at=NOW, line="Data: 1 record.")
    assert "rules-link" not in page and "docs/verdict-rules.md in the project" in page


def _svg(uri: str | None) -> bytes:
    assert uri is not None and uri.startswith("data:image/svg+xml;base64,")
    return base64.b64decode(uri.split(",", 1)[1])


def test_plots_are_deterministic_inline_svg() -> None:
    cells = (("dry_needling", "low_back_pain", 3), ("massage", "neck_pain", 1))
    first, again = _svg(evidence_map_svg(cells)), _svg(evidence_map_svg(cells))
    assert first == again and b"<svg" in first and b"http://www.w3.org/1999/xlink" in first
    for ref in re.findall(rb'href="([^"]*)"', first):  # only fragments and embedded images
        assert ref.startswith((b"#", b"data:image/png;base64,")), ref
    assert _svg(publications_svg((("dry_needling", 2019, 2), ("massage", 2021, 1))))


def test_plots_without_rows_are_left_out() -> None:
    assert evidence_map_svg(()) is None and publications_svg(()) is None
    html = render_report(ReportData((), (), (), (), _provenance(), NOW))["evidence.html"]
    assert "No record is tagged with both" in html and "No record reports an adverse event" in html


def test_what_changed_since_the_previous_check(pages: dict[str, str]) -> None:
    html = pages["index.html"]
    section = html[html.index('id="changes-1"') : html.index('<div class="claims"')]
    assert "What changed since the previous check" in section
    assert "Since the check of 2026-11-18 09:00 UTC, 1 verdict or certainty changed" in section
    (row,) = re.findall(r'<tr class="change".*?</tr>', section, re.S)
    assert 'data-claim="C01" data-before="mixed" data-now="supported"' in row
    assert 'href="#claim-1-C01"' in row and 'id="claim-1-C01"' in html
    assert row.index("badge v-mixed") < row.index("badge v-supported")
    assert "certainty: low" in row and "certainty: moderate" in row
    for css, pmids in (
        ("why-new", [90000005]),
        ("why-dropped", [90000003, 90000004]),
        ("why-retracted", [90000003]),
        ("why-deleted", [90000004]),
    ):
        (item,) = re.findall(rf'<li class="{css}">(.*?)</li>', row, re.S)
        assert re.findall(r"pubmed\.ncbi\.nlm\.nih\.gov/(\d+)/", item) == [str(p) for p in pmids]
    assert "not shown" not in row  # the SQL sentence is for analysts; the page lists reasons


def test_a_claim_that_rested_on_a_retracted_record_carries_a_badge(pages: dict[str, str]) -> None:
    html = pages["index.html"]
    (row,) = re.findall(r'<details class="claim [^"]*" id="claim-1-C01".*?</summary>', html, re.S)
    assert 'data-retracted="90000003"' in row  # on the verdict line, shown while collapsed
    assert 'class="badge retracted"' in row and "Retracted evidence" in row
    assert "1 claim rests on a retracted record" in html


@pytest.mark.parametrize(
    ("history", "expected", "absent"),
    [
        (FileHistory(), "first recorded check of this claims file", '<tr class="change"'),
        (FileHistory(run_id=1), "first recorded check of this claims file", "data-retracted"),
        (
            FileHistory(2, 1, PREVIOUS),
            "No verdict or certainty changed since the check of 2026-11-18 09:00 UTC",
            "rests on a retracted record",
        ),
    ],
    ids=["no-history", "first-run", "nothing-changed"],
)
def test_changes_section_without_changes(history: FileHistory, expected: str, absent: str) -> None:
    html = render_report(_data((_verdict(),), history))["index.html"]
    assert 'id="changes-1"' in html and expected in html and absent not in html


def test_the_check_page_shows_the_changes_too() -> None:
    checked = CheckedFile("x.yaml", None, None, None, (_verdict(),), HISTORY)
    html = render_check_page(checked, generated_at=NOW, line="Data: 1 record.")
    assert '<tr class="change" data-claim="C01"' in html and 'data-retracted="90000003"' in html


def test_hostile_claim_ids_are_escaped_in_the_changes() -> None:
    history = FileHistory(2, 1, PREVIOUS, (_change(claim_id='<b onclick="x">C01'),))
    html = render_report(_data((_verdict(),), history))["index.html"]
    assert "<b onclick" not in html and "&lt;b onclick=&#34;x&#34;&gt;C01" in html


@pytest.mark.parametrize(
    ("change", "expected"),
    [
        ({}, []),
        ({"new_pmids": (), "dropped_pmids": (), "retracted_pmids": (), "deleted_pmids": ()},
         ["The same records are cited; what they conclude, their tags or their design changed."]),
        ({"new_pmids": (), "dropped_pmids": (), "retracted_pmids": (), "deleted_pmids": (),
          "data_changed": False},
         ["No recorded cause: the same data, vocabulary, tagger and rules."]),
        ({"claim_edited": True}, ["The claim was edited since the previous check."]),
        ({"vocabulary_changed": True}, ["The vocabulary (data/vocab) changed."]),
        ({"tagger_changed": True}, ["The tagger that reads the records changed."]),
        ({"rules_changed": True}, ["The verdict rules changed (docs/verdict-rules.md)."]),
        ({"checked_at": datetime(2027, 1, 3)},
         ["Checked in 2027: older records weigh a little less."]),
    ],
    ids=["records-only", "same-records", "no-cause", "edited", "vocabulary", "tagger", "rules",
         "new-year"],
)  # fmt: skip
def test_change_reasons(change: dict[str, object], expected: list[str]) -> None:
    assert change_reasons(_change(**change)) == expected


def _card_page(citation: Citation) -> str:
    verdict = replace(_verdict(0), citations=(citation,), n_articles=1)
    checked = CheckedFile("synthetic.yaml", None, None, NOW, (verdict,), FileHistory())
    return render_check_page(checked, generated_at=NOW, line="", synthetic=(), n_records=1)


def test_a_card_says_its_weight_in_words_and_keeps_the_number() -> None:
    page = _card_page(
        Citation(90000001, 2021, "rct", "supports", 4.723, "Pain fell more.", "T", 120, None)
    )
    assert "strong: randomised trial of 120 people, 2021" in page
    assert 'title="weight 4.72 = design 5 × size 1.02 × recency 1"' in page
    assert "(weight 4.72)" in page
    assert '<blockquote class="sentence">Pain fell more.</blockquote>' in page


def test_a_card_shows_its_note_and_says_when_no_sentence_could_be_quoted() -> None:
    note = "Counts neither way: the authors qualify their result."
    page = _card_page(Citation(90000001, 2019, "case_series", "neutral", 0.7, None, "T", 12, note))
    assert f'<p class="note">{note}</p>' in page
    assert "No sentence of this record could be quoted." in page
    assert "Case series" in page and "weak: case series of 12 people (small), 2019" in page
    assert "counts neither way" in page
