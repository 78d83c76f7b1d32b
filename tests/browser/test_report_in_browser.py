"""The editors' report in a real headless chromium: loads without console errors or network
requests, claims and evidence cards are there, a card opens on click; screenshots are saved
under tests/artifacts/ (gitignored)."""

from __future__ import annotations

import os
import shutil
from pathlib import Path

import pytest

from evidence.claims.command import check_claims
from evidence.config import Settings
from evidence.pipeline import ingest_paths
from evidence.report import build_report

pytest.importorskip("websockets.sync.client", reason="needs the websockets package")
from chromium_cdp import Browser

REPO = Path(__file__).resolve().parents[2]
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


@pytest.fixture(scope="module")
def report(tmp_path_factory: pytest.TempPathFactory) -> Path:
    """The report of the synthetic sample with the seed claims checked."""
    files = sorted((REPO / "data" / "sample").glob("pubmed-sample-*.xml"))
    if not files:
        pytest.skip("data/sample has no pubmed-sample-*.xml files")
    folder = tmp_path_factory.mktemp("report")
    settings = Settings.from_env({}, db_path=folder / "evidence.duckdb")
    assert ingest_paths(settings, files).ok
    check_claims(settings, REPO / "data" / "claims" / "trigger-point-article.yaml")
    return build_report(settings, folder / "site")


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
