"""The editors' report in a real headless chromium: loads without console errors or network
requests, claims and evidence cards are there, a claim and its cards open on click, what
changed since the previous check is listed and links to its claims, claims that rested on a
retracted record carry a badge; at a desktop (1400 px) and a phone (390 px) width nothing
scrolls the page sideways, every claim's verdict line shows, the collapsed claims keep the
page short, plots and tables fit. Screenshots are saved under tests/artifacts/ (gitignored)."""

from __future__ import annotations

import os
import shutil
from dataclasses import replace
from datetime import date
from pathlib import Path

import pytest

from evidence import pipeline
from evidence.config import Settings
from evidence.ingest import make_tagger
from evidence.models import Deletion, PublicationType
from evidence.store import connect, load_articles, publishing, upsert_records

pytest.importorskip("websockets.sync.client", reason="needs the websockets package")
from chromium_cdp import Browser

REPO = Path(__file__).resolve().parents[2]
CLAIMS = REPO / "data" / "claims" / "trigger-point-article.yaml"
DESKTOP, PHONE = (1400, 900), (390, 844)
# Collapsed claims (their verdict lines) take at most this many lines of body text each, on
# average: an id and verdict line, the claim's sentence or two, the padding.
LINES_PER_CLAIM = 8
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
    with publishing(settings.db_path) as work:
        con = connect(work.path)
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
    assert pipeline.ingest(settings, files).ok
    pipeline.check(settings, CLAIMS)
    _update(settings)
    pipeline.check(settings, CLAIMS)
    return settings


@pytest.fixture(scope="module")
def report(settings: Settings) -> Path:
    """The report of that warehouse."""
    return pipeline.report(settings, settings.db_path.parent / "site")


@pytest.fixture(scope="module")
def browser(tmp_path_factory: pytest.TempPathFactory) -> Browser:
    assert CHROMIUM is not None
    with Browser(CHROMIUM, tmp_path_factory.mktemp("profile")) as b:
        yield b  # type: ignore[misc]


def test_claims_page(browser: Browser, report: Path) -> None:
    browser.viewport(*DESKTOP)
    browser.open(report.as_uri())
    assert browser.errors() == []
    assert all(url.startswith(("file://", "data:")) for url in browser.requests())
    n_claims = browser.evaluate("document.querySelectorAll('details.claim').length")
    assert n_claims >= 30
    assert browser.evaluate("document.getElementById('synthetic-banner') !== null")
    verdicts = browser.evaluate(
        "[...document.querySelectorAll('details.claim')].map(r => r.dataset.verdict)"
    )
    assert set(verdicts) <= {"supported", "mixed", "insufficient", "contradicted", "not_assessable"}
    colours = browser.evaluate(
        "new Set([...document.querySelectorAll('details.claim .cid')]"
        ".map(td => getComputedStyle(td).backgroundColor)).size"
    )
    assert colours == len(set(verdicts))  # one colour per verdict
    assert browser.evaluate("document.querySelectorAll('details.evidence').length") > 0
    # A claim shows its verdict line only; what the evidence says and its cards are hidden
    # until the claim, then its evidence, are opened by a click.
    claim = "document.querySelector('details.claim:has(details.evidence)')"
    visible = f"{claim}.querySelector('li.card').checkVisibility()"
    summary = f"{claim}.querySelector('p.summary').checkVisibility()"
    assert browser.evaluate(visible) is False and browser.evaluate(summary) is False
    assert browser.evaluate(f"{claim}.querySelector('summary').click(), {claim}.open") is True
    assert browser.evaluate(summary) is True and browser.evaluate(visible) is False
    opened = browser.evaluate(
        f"(() => {{ const d = {claim}.querySelector('details.evidence');"
        " d.querySelector('summary').click(); return d.open; })()"
    )
    assert opened is True
    assert browser.evaluate(visible) is True
    card = browser.evaluate(
        f"(() => {{ const c = {claim}.querySelector('details.evidence li.card');"
        " return {h: c.getBoundingClientRect().height,"
        " link: c.querySelector('a').href, design: c.querySelector('.design').textContent}; })()"
    )
    assert card["h"] > 0 and card["link"].startswith("https://pubmed.ncbi.nlm.nih.gov/")
    assert card["design"]
    browser.screenshot(ARTIFACTS / "report-claims.png")
    assert (ARTIFACTS / "report-claims.png").stat().st_size > 10_000


_NO_SIDEWAYS_SCROLL = (
    "({scroll: document.scrollingElement.scrollWidth, inner: innerWidth,"
    " client: document.documentElement.clientWidth})"
)


def _fits(browser: Browser, width: int) -> None:
    """Nothing makes the page wider than the screen (a phone's innerWidth grows with
    content that overflows, so the set width is checked too)."""
    w = browser.evaluate(_NO_SIDEWAYS_SCROLL)
    assert w["scroll"] <= min(w["inner"], width), w
    assert w["client"] <= width


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1400px", "390px"])
def test_claims_read_at_desktop_and_phone_widths(
    browser: Browser, report: Path, size: tuple[int, int]
) -> None:
    width, height = size
    browser.viewport(width, height)
    browser.open(report.as_uri())
    assert browser.errors() == []
    _fits(browser, width)
    lines = browser.evaluate(
        "[...document.querySelectorAll('details.claim')].map(d => {"
        " const s = d.querySelector(':scope > summary'), r = s.getBoundingClientRect();"
        " const b = s.querySelector('.badge');"
        " return {id: d.id, open: d.open, shown: s.checkVisibility() && b.checkVisibility(),"
        " text: s.querySelector('.text').checkVisibility(),"
        " left: r.left, right: r.right, h: r.height, badge: b.getBoundingClientRect().right}; })"
    )
    line_height = browser.evaluate("parseFloat(getComputedStyle(document.body).lineHeight)")
    assert len(lines) >= 30
    for line in lines:  # every claim's verdict line (id, verdict, claim) is on screen, closed
        assert line["shown"] and line["text"] and not line["open"], line
        assert line["left"] >= 0 and line["right"] <= width and line["badge"] <= width, line
    # Collapsed, the claims take a few lines each: the page is what comes before them, a
    # bounded line per claim, and the footer.
    page = browser.evaluate(
        "({height: document.scrollingElement.scrollHeight,"
        " before: document.querySelector('div.claims').getBoundingClientRect().top + scrollY})"
    )
    assert sum(line["h"] for line in lines) <= len(lines) * LINES_PER_CLAIM * line_height
    bound = page["before"] + len(lines) * LINES_PER_CLAIM * line_height + height
    assert page["height"] <= bound, (page, bound)
    print(f"{width}px: {len(lines)} claims, page {page}, bound {bound:.0f}")
    tag = f"{width}px"
    browser.screenshot(ARTIFACTS / f"report-claims-{tag}.png")
    # An opened claim with its evidence still fits the width.
    browser.evaluate(
        "(() => { const d = document.querySelector('details.claim[data-retracted]')"
        " || document.querySelector('details.claim:has(details.evidence)');"
        " d.open = true; d.querySelector('details.evidence').open = true;"
        " d.scrollIntoView(); })()"
    )
    _fits(browser, width)
    browser.screenshot(ARTIFACTS / f"report-claim-open-{tag}.png")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1400px", "390px"])
def test_plots_and_tables_fit_at_desktop_and_phone_widths(
    browser: Browser, report: Path, size: tuple[int, int]
) -> None:
    width, height = size
    browser.viewport(width, height)
    browser.open(report.with_name("evidence.html").as_uri())
    assert browser.errors() == []
    assert all(url.startswith(("file://", "data:")) for url in browser.requests())
    _fits(browser, width)
    plots = browser.evaluate(
        "[...document.images].map(i => { const r = i.getBoundingClientRect();"
        " return {left: r.left, right: r.right, w: r.width, natural: i.naturalWidth,"
        " phone: i.currentSrc !== i.src}; })"
    )
    assert len(plots) == 2
    for plot in plots:
        assert plot["left"] >= 0 and plot["right"] <= width, plot
        # A phone gets the drawing made for its width, barely scaled down: readable.
        assert plot["phone"] == (width < 800), plot
        if plot["phone"]:
            assert plot["w"] >= 0.9 * plot["natural"], plot
    boxes = browser.evaluate(
        "[...document.querySelectorAll('table')].map(t => {"
        " const box = t.closest('.table-scroll') || t, r = box.getBoundingClientRect();"
        " return {left: r.left, right: r.right, scrolls: box !== t}; })"
    )
    assert boxes
    for box in boxes:  # a wide table scrolls inside its own box, never the page
        assert box["left"] >= 0 and box["right"] <= width, box
    adverse = browser.evaluate(
        "(() => { const b = document.querySelector('table.adverse').closest('.table-scroll');"
        " return [b.scrollWidth, b.clientWidth, getComputedStyle(b).overflowX]; })()"
    )
    assert adverse[2] == "auto" and (adverse[0] > adverse[1]) == (width < 800)
    browser.screenshot(ARTIFACTS / f"report-evidence-{width}px.png")


@pytest.mark.parametrize("size", [DESKTOP, PHONE], ids=["1400px", "390px"])
def test_the_footer_link_opens_the_verdict_rules(
    browser: Browser, report: Path, size: tuple[int, int]
) -> None:
    browser.viewport(*size)
    browser.open(report.as_uri())
    browser.events.clear()
    browser.evaluate("document.getElementById('rules-link').click()")
    browser.wait_for("Page.loadEventFired")
    page = browser.evaluate(
        "({url: location.href, h1: document.querySelector('article.rules h1').textContent,"
        " rules: document.querySelectorAll('article.rules h2').length})"
    )
    assert page["url"] == report.with_name("verdict-rules.html").as_uri()
    assert page["h1"] == "How evidence check decides a verdict" and page["rules"] > 3
    assert browser.errors() == []
    assert all(url.startswith(("file://", "data:")) for url in browser.requests())
    _fits(browser, size[0])
    browser.screenshot(ARTIFACTS / f"report-rules-{size[0]}px.png")


def test_every_cited_card_shows_a_sentence_and_its_weight_in_words(
    browser: Browser, report: Path
) -> None:
    """Opened, every evidence card shows the record's sentence (not a bare term), and its
    weight in words, with the number in small print."""
    for width, height in (DESKTOP, PHONE):
        browser.viewport(width, height)
        browser.open(report.as_uri())
        cards = browser.evaluate(
            "(() => { document.querySelectorAll('details').forEach(d => d.open = true);"
            " return [...document.querySelectorAll('li.card')].map(c => {"
            " const q = c.querySelector('blockquote.sentence');"
            " const w = c.querySelector('.weight');"
            " return {pmid: c.dataset.pmid,"
            " sentence: q && q.checkVisibility() ? q.textContent.trim() : '',"
            " weight: w && w.checkVisibility() ? w.textContent.trim() : '',"
            " number: (c.querySelector('.weight-number') || {}).textContent || ''}; }); })()"
        )
        assert len(cards) > 50
        unquoted = [c["pmid"] for c in cards if len(c["sentence"].split()) < 4]
        assert unquoted == []
        assert not [c for c in cards if c["sentence"].startswith("Mentions ")]
        unexplained = [
            c["pmid"]
            for c in cards
            if not c["weight"].startswith(("strong: ", "moderate: ", "weak: "))
            or "weight " not in c["number"]
        ]
        assert unexplained == []
    browser.screenshot(ARTIFACTS / "report-cards-phone.png")


def test_evidence_page(browser: Browser, report: Path) -> None:
    browser.viewport(*DESKTOP)
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
    browser.viewport(*DESKTOP)
    browser.open(report.as_uri())
    assert browser.errors() == []
    section = browser.evaluate(
        "(() => { const s = document.getElementById('changes-1');"
        " return {visible: s.checkVisibility(), heading: s.querySelector('h3').textContent,"
        " top: s.getBoundingClientRect().top,"
        " claimsTop: document.querySelector('div.claims').getBoundingClientRect().top}; })()"
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
        "[...document.querySelectorAll('details.claim[data-retracted]')].map(r => {"
        " const b = r.querySelector('.retraction-warning .badge.retracted');"
        " return [r.id.split('-').pop(), b.checkVisibility(), getComputedStyle(b).backgroundColor,"
        " getComputedStyle(r.querySelector('.verdict .badge')).backgroundColor]; })"
    )
    assert [b[0] for b in badges] == [c for (c,) in flagged]
    for _, visible, colour, verdict_colour in badges:
        assert visible and colour != verdict_colour
    browser.evaluate("window.scrollTo(0, 0)")
    browser.screenshot(ARTIFACTS / "report-changes.png")
    assert (ARTIFACTS / "report-changes.png").stat().st_size > 10_000
