"""The claim drafter's evaluation set (`tests/eval/draft/`): every article's gold claims file
loads and quotes its article, every article's draft goes through `evidence check` into the
report, and the dev articles and the seed article hold their floors.

The held-out `test` articles get no floor: they are measured by hand (`bench/draft_eval.py`),
never tuned on, and no test reads the drafter's figures on them.
"""

from __future__ import annotations

from pathlib import Path

import pytest
import yaml

from evidence import pipeline
from evidence.claims.claims_file import load_claims
from evidence.config import Settings
from evidence.drafting import draft_claims, read_article, render_draft
from evidence.drafting.evaluation import article_sets, score_draft
from evidence.tagging import Vocabulary, load_vocabulary

REPO = Path(__file__).resolve().parents[2]
DRAFT = REPO / "tests" / "eval" / "draft"
SEED_ARTICLE = REPO.parent / "shared" / "seed" / "trigger-point-article.txt"
SEED_CLAIMS = REPO / "data" / "claims" / "trigger-point-article.yaml"
SETS = article_sets(DRAFT / "README.md")
FOLDERS = sorted(p.name for p in DRAFT.iterdir() if p.is_dir())
# (recall, precision) floors, a little under the figures of `bench/draft_eval.py` on each
# dev article (the README's table gives the figures).
FLOORS: dict[str, tuple[float, float]] = {
    "seed": (0.95, 0.93),  # 0.979 / 0.959
    "trigger-point-injections-faq": (0.95, 0.96),  # 0.967 / 0.978 (round 11)
    "dry-needling-side-effects": (0.98, 0.88),  # 1.000 / 0.906
    "therapeutic-ultrasound-verywell": (0.89, 0.89),  # 0.909 / 0.909
    "dry-needling-for-athletes": (0.95, 0.90),  # 0.972 / 0.921
    "myofascial-pain-health-library": (0.87, 0.87),  # 0.897 / 0.897 (round 12)
    "ultrasound-therapy-pt-clinic": (0.94, 0.98),  # 0.962 / 1.000
    "dry-needling-vs-acupuncture-chiro": (0.92, 0.95),  # 0.944 / 0.971
    # (1.000 before round 5: one gold definition was paired with a definition wrongly drafted
    # from another sentence, which round 5 no longer drafts)
    # (round 10: 1.000 / 0.974, the trigger point's "it" and "that" sentences drafted)
    "trigger-point-injections-pain-practice-faq": (0.98, 0.95),  # 1.000 / 0.974
    "shockwave-therapy-physio-wellness": (0.95, 0.98),  # 0.967 / 1.000 (round 10)
    "trigger-point-massage-headache-news": (0.98, 0.94),  # 1.000 / 0.964 (round 11)
    "ultrasound-dry-needling-sports-ortho": (0.93, 0.95),  # 0.956 / 0.977 (round 12)
    "dry-needling-hospital-leaflet": (0.98, 0.98),  # 1.000 / 1.000
    "trigger-point-ball-headache-blog": (0.76, 0.98),  # 0.783 / 1.000 (round 10)
    # (round 6; first look before tuning 0.552 / 0.667 and 0.875 / 0.609)
    "dry-needling-acupuncture-massage-sports-faq": (0.84, 0.87),  # 0.862 / 0.893 (round 11)
    "therapeutic-ultrasound-magazine-listicle": (0.98, 0.87),  # 1.000 / 0.889 (round 10)
}


def _article(folder: str) -> Path:
    found = sorted((DRAFT / folder).glob("article.*"))
    assert len(found) == 1, f"{folder}: expected one article.md or article.html, found {found}"
    return found[0]


def _words(text: str) -> str:
    return " ".join(text.split())


@pytest.fixture(scope="module")
def vocab() -> Vocabulary:
    return load_vocabulary(REPO / "data" / "vocab")


def test_every_folder_is_in_the_readme_table() -> None:
    assert FOLDERS, f"no articles under {DRAFT}"
    assert sorted(SETS) == FOLDERS
    assert {"dev", "test"} <= set(SETS.values())


@pytest.mark.parametrize("folder", FOLDERS)
def test_gold_loads_and_quotes_its_article(folder: str, vocab: Vocabulary) -> None:
    gold = load_claims(DRAFT / folder / "gold.yaml", vocab)
    assert gold.claims, f"{folder}: no gold claims"
    text = _words(" ".join(b.text for b in read_article(_article(folder)).blocks))
    for claim in gold.claims:
        assert claim.sentence, f"{folder}: claim {claim.id} has no sentence"
        assert _words(claim.sentence) in text, f"{folder}: {claim.id}'s sentence is not in it"
    assert (DRAFT / folder / "SOURCES.md").is_file(), f"{folder}: no SOURCES.md"


def test_every_draft_goes_through_check_into_the_report(tmp_path: Path, vocab: Vocabulary) -> None:
    """draft → claims file → `evidence check` → report, for every article of the set.

    Each draft is written and loaded as its own claims file; then the drafts' claims, their
    ids prefixed with the article's number, are checked as one file (one check and one report
    instead of one per article: the same claims reach the same judge)."""
    settings = Settings.from_env({}, db_path=tmp_path / "e.duckdb")
    files = sorted((REPO / "data" / "sample").glob("pubmed-sample-*.xml"))
    assert files, "data/sample has no pubmed-sample-*.xml files"
    assert pipeline.ingest(settings, files).ok
    together: list[dict[str, object]] = []
    for number, folder in enumerate(FOLDERS):
        article = _article(folder)
        draft = draft_claims(read_article(article), vocab)
        path = tmp_path / f"{folder}.yaml"
        path.write_text(render_draft(draft, article=article.name), encoding="utf-8")
        loaded = load_claims(path, vocab)
        assert len(loaded.claims) == len(draft.claims), folder
        assert all(c.reviewed is False for c in loaded.claims), folder
        for claim in yaml.safe_load(path.read_text(encoding="utf-8"))["claims"]:
            together.append({**claim, "id": f"A{number:02d}-{claim['id']}"})
    path = tmp_path / "all-drafts.yaml"
    path.write_text(yaml.safe_dump({"claims": together}, sort_keys=False), encoding="utf-8")
    assert len(load_claims(path, vocab).claims) == len(together)
    pipeline.check(settings, path)
    page = pipeline.report(settings, tmp_path / "report").read_text(encoding="utf-8")
    assert page.count("Draft, not reviewed") == len(together)


@pytest.mark.parametrize("folder", sorted(FLOORS))
def test_dev_article_holds_its_floor(folder: str, vocab: Vocabulary) -> None:
    if folder == "seed":
        if not SEED_ARTICLE.exists():
            pytest.skip(f"the seed article is not here ({SEED_ARTICLE})")
        article, gold_path = SEED_ARTICLE, SEED_CLAIMS
    else:
        assert SETS[folder] == "dev", f"{folder} is not a dev article: no floor on it"
        article, gold_path = _article(folder), DRAFT / folder / "gold.yaml"
    gold = load_claims(gold_path, vocab)
    score = score_draft(draft_claims(read_article(article), vocab).claims, gold.claims)
    recall, precision = FLOORS[folder]
    assert score.recall >= recall, f"{folder}: recall {score.recall:.3f} < {recall}"
    assert score.precision >= precision, f"{folder}: precision {score.precision:.3f} < {precision}"
