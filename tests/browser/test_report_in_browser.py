"""The editors' report in a real headless chromium: loads without console errors or network
requests, claims and evidence cards are there, a card opens on click, what changed since the
previous check is listed and links to its claims, claims that rested on a retracted record
carry a badge; screenshots are saved under tests/artifacts/ (gitignored)."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from evidence.claims.command import check_claims
from evidence.config import Settings
from evidence.models import Deletion, PublicationType
from evidence.pipeline import ingest_paths, make_tagger
from evidence.report import build_report
from evidence.store import connect, load_articles, publishing, upsert_records

pytest.importorskip("websockets.sync.client", reason="needs the websockets package")
from chromium_cdp import Browser

REPO = Path(__file__).resolve().parents[2]
CLAIMS = REPO / "data" / "claims" / "trigger-point-article.yaml"
# In the synthetic sample, trial 90000017 alone supports two claims and 90000030 one.
RETRACT, DELETE = 90000017, 90000030
ARTIFACTS = REPO / "tests" / "artifacts"
CHROMIUM = next(
    (p for p in map(shutil.which, ("chromium", "chromium-browser", "google-chrome")) if p), None
)

# CI sets EVIDENCE_REQUIRE_BROWSER (and installs chromium): there a missing browser fails
# the run instead of skipping this test.
if CHROMIUM is None and os.environ.get("EVIDENCE_REQUIRE_BROWSER"):
    raise RuntimeError("EVIDENCE_REQUIRE_BROWSER is set but no chromium is on PATH")

pytestmark = [
    pytest.mark.browser,
    pytest.mark.skipif(CHROMIUM is None, reason="no chromium on PATH (apt-get install chromium)"),
]


def _update(settings: Settings) -> None:
    """A synthetic update: trial RETRACT is retracted, record DELETE deleted by PubMed."""
    with publishing(settings.db_path):
        con = connect(settings.db_path)
        try:
            retracted = PublicationType("D016441", "Retracted Publication")
            (trial,) = load_articles(con, [RETRACT])
            newer = replace(
                trial,
                date_revised=date(2026, 6, 1),
                publication_types=(*trial.publication_types, retracted),
            )
            upsert_records(
                con,
                [newer, Deletion((DELETE,))],
                source="synthetic-update",
                tagger=make_tagger(settings),
            )
        finally:
            con.close()


@pytest.fixture(scope="module")
def settings(tmp_path_factory: pytest.TempPathFactory) -> Settings:
    """The synthetic sample with the seed claims checked, updated, and checked again."""
    files = sorted((REPO / "data" / "sample").glob("pubmed-sample-*.xml"))
    if not files:
        pytest.skip("data/sample has no pubmed-sample-*.xml files")
    folder = tmp_path_factory.mktemp("report")
    settings = Settings.from_env({}, db_path=folder / "evidence.duckdb")
    assert ingest_paths(settings, files).ok
    check_claims(settings, CLAIMS)
    _update(settings)
    check_claims(settings, CLAIMS)
    return settings


@pytest.fixture(scope="module")
def report(settings: Settings) -> Path:
    """The report of that warehouse."""
    return build_report(settings, settings.db_path.parent / "site")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Browser:
    assert CHROMIUM is not None
    with Browser(CHROMIUM, tmp_path_factory.mktemp("profile")) as b:
        yield b  # type: ignore[misc]


def test_claims_page(browser: Browser, report: Path) -> None:
    browser.open(report.as_uri())
    assert browser.errors() == []
    assert all(url.startswith(("file://", "data:")) for url in browser.requests())
    n_claims = browser.evaluate("document.querySelectorAll('tr.claim').length")
    assert n_claims >= 30
    assert browser.evaluate("document.getElementById('synthetic-banner') !== null")
    verdicts = browser.evaluate(
        "[...document.querySelectorAll('tr.claim')].map(r => r.dataset.verdict)"
    )
    assert set(verdicts) <= {"supported", "mixed", "insufficient", "contradicted", "not_assessable"}
    colours = browser.evaluate(
        "new Set([...document.querySelectorAll('tr.claim td:first-child')]"
        ".map(td => getComputedStyle(td).backgroundColor)).size"
    )
    assert colours == len(set(verdicts))  # one colour per verdict
    assert browser.evaluate("document.querySelectorAll('details.evidence').length") > 0
    # A card is hidden until its <details> is opened by a click on its summary.
    visible = "document.querySelector('details.evidence li.card').checkVisibility()"
    assert browser.evaluate(visible) is False
    opened = browser.evaluate(
        "(() => { const d = document.querySelector('details.evidence');"
        " d.querySelector('summary').click(); return d.open; })()"
    )
    assert opened is True
    assert browser.evaluate(visible) is True
    card = browser.evaluate(
        "(() => { const c = document.querySelector('details.evidence li.card');"
        " return {h: c.getBoundingClientRect().height,"
        " link: c.querySelector('a').href, design: c.querySelector('.design').textContent}; })()"
    )
    assert card["h"] > 0 and card["link"].startswith("https://pubmed.ncbi.nlm.nih.gov/")
    assert card["design"]
    browser.screenshot(ARTIFACTS / "report-claims.png")
    assert (ARTIFACTS / "report-claims.png").stat().st_size > 10_000


def test_evidence_page(browser: Browser, report: Path) -> None:
    browser.open(report.with_name("evidence.html").as_uri())
    assert browser.errors() == []
    assert all(url.startswith(("file://", "data:")) for url in browser.requests())
    loaded = browser.evaluate("[...document.images].map(i => i.complete && i.naturalWidth > 0)")
    assert loaded and all(loaded)  # the plots decode
    assert browser.evaluate("document.querySelectorAll('table.adverse tbody tr').length") > 0
    browser.screenshot(ARTIFACTS / "report-evidence.png")
    assert (ARTIFACTS / "report-evidence.png").stat().st_size > 10_000


def test_what_changed_since_the_previous_check(
    browser: Browser, report: Path, settings: Settings
) -> None:
    con = connect(settings.db_path, read_only=True)
    try:
        changes = con.execute(
            "SELECT claim_id, previous_verdict, verdict FROM claim_verdict_changes ORDER BY ord"
        ).fetchall()
        flagged = con.execute(
            "SELECT claim_id FROM claim_verdicts WHERE cites_retracted ORDER BY ord"
        ).fetchall()
    finally:
        con.close()
    assert changes and flagged
    browser.open(report.as_uri())
    assert browser.errors() == []
    section = browser.evaluate(
        "(() => { const s = document.getElementById('changes-1');"
        " return {visible: s.checkVisibility(), heading: s.querySelector('h3').textContent,"
        " top: s.getBoundingClientRect().top,"
        " claimsTop: document.querySelector('table.claims').getBoundingClientRect().top}; })()"
    )
    assert section["visible"] and section["heading"] == "What changed since the previous check"
    assert section["top"] < section["claimsTop"]  # shown above the claims table
    rows = browser.evaluate(
        "[...document.querySelectorAll('#changes-1 tr.change')].map(r =>"
        " [r.dataset.claim, r.dataset.before, r.dataset.now,"
        "  document.querySelector(r.querySelector('a').getAttribute('href')).dataset.verdict,"
        "  r.querySelector('.why').innerText])"
    )
    assert [r[:3] for r in rows] == [list(c) for c in changes]
    for _, _, now, linked_verdict, why in rows:
        assert linked_verdict == now  # the link leads to the claim's row, with that verdict
        assert why.strip()
    assert any(f"PMID {RETRACT}" in r[4] and "Retracted" in r[4] for r in rows)
    assert any(f"Deleted from PubMed: PMID {DELETE}" in r[4] for r in rows)
    # Following a change's link brings its claim into view.
    landed = browser.evaluate(
        "(() => { const a = document.querySelector('#changes-1 tr.change a'); a.click();"
        " const row = document.querySelector(a.getAttribute('href'));"
        " const r = row.getBoundingClientRect();"
        " return [location.hash === a.getAttribute('href'), row.id.endsWith('-' + a.textContent),"
        # scrolled to the top of the view, up to sub-pixel layout (-0.05 px seen)
        " r.top > -1 && r.top < innerHeight]; })()"
    )
    assert landed == [True, True, True]
    badges = browser.evaluate(
        "[...document.querySelectorAll('tr.claim[data-retracted]')].map(r => {"
        " const b = r.querySelector('.retraction-warning .badge.retracted');"
        " return [r.id.split('-').pop(), b.checkVisibility(), getComputedStyle(b).backgroundColor,"
        " getComputedStyle(r.querySelector('td:nth-child(3) .badge')).backgroundColor]; })"
    )
    assert [b[0] for b in badges] == [c for (c,) in flagged]
    for _, visible, colour, verdict_colour in badges:
        assert visible and colour != verdict_colour
    browser.evaluate("window.scrollTo(0, 0)")
    browser.screenshot(ARTIFACTS / "report-changes.png")
    assert (ARTIFACTS / "report-changes.png").stat().st_size > 10_000
