"""The analysts' notebook runs top to bottom on the synthetic sample (nbclient, ipykernel),
read-only, and shows the views, the evidence map, adverse events and a traced claim."""

from __future__ import annotations

import hashlib
import shutil
from pathlib import Path

import pytest

from evidence import pipeline
from evidence.config import Settings

nbformat = pytest.importorskip("nbformat")
nbclient = pytest.importorskip("nbclient")
pytest.importorskip("ipykernel", reason="the notebook runs on the ipykernel python3 kernel")

REPO = Path(__file__).resolve().parents[2]
NOTEBOOK = REPO / "notebooks" / "01-explore-evidence.ipynb"


@pytest.fixture(scope="module")
def sample_db(tmp_path_factory: pytest.TempPathFactory) -> Path:
    files = sorted((REPO / "data" / "sample").glob("pubmed-sample-*.xml"))
    if not files:
        pytest.skip("data/sample has no pubmed-sample-*.xml files")
    settings = Settings.from_env({}, db_path=tmp_path_factory.mktemp("nb") / "e.duckdb")
    assert pipeline.ingest(settings, files).ok
    pipeline.check(settings, REPO / "data" / "claims" / "trigger-point-article.yaml")
    return settings.db_path


def _text(cell: dict[str, object]) -> str:
    out = []
    for output in cell.get("outputs", []):  # type: ignore[union-attr]
        if "text" in output:
            out.append(output["text"])
        for kind in ("text/plain", "text/html"):
            out.append(output.get("data", {}).get(kind, ""))
    return "\n".join(out)


def test_notebook_executes_on_the_sample(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    monkeypatch.setenv("EVIDENCE_DB", str(sample_db))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    assert all(not c.get("outputs") for c in notebook.cells if c.cell_type == "code"), (
        "the notebook is committed without outputs"
    )
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    code = [c for c in notebook.cells if c.cell_type == "code"]
    errors = [o for c in code for o in c.outputs if o.output_type == "error"]
    assert errors == []
    everything = "\n".join(_text(c) for c in code)
    assert "SYNTHETIC" in everything
    for view in ("claim_verdicts", "adverse_event_summary", "publications_by_year", "findings"):
        assert view in everything
    assert "pneumothorax" in everything  # the adverse-event table
    assert "C10: Trigger point therapy has been proven" in everything  # the traced claim
    assert "90000045" in everything  # one of its records
    images = [o for c in code for o in c.outputs if "image/png" in o.get("data", {})]
    assert len(images) >= 2  # the evidence map and publications over time


def test_notebook_falls_back_to_the_demo_warehouse(
    sample_db: Path, monkeypatch: pytest.MonkeyPatch, tmp_path: Path
) -> None:
    """After `scripts/run` in demo mode only data/demo.duckdb exists: the notebook reads it,
    read-only, and says that it is synthetic demo data."""
    default = Settings.from_env({}).db_path
    if default.exists():
        pytest.skip(f"{default} exists here, so the notebook has no reason to fall back")
    data = tmp_path / "data"
    data.mkdir()
    demo = data / "demo.duckdb"
    shutil.copy(sample_db, demo)
    before = hashlib.sha256(demo.read_bytes()).hexdigest()
    monkeypatch.delenv("EVIDENCE_DB", raising=False)
    monkeypatch.setenv("EVIDENCE_DATA_DIR", str(data))
    notebook = nbformat.read(NOTEBOOK, as_version=4)
    client = nbclient.NotebookClient(
        notebook,
        timeout=120,
        kernel_name="python3",
        resources={"metadata": {"path": str(tmp_path)}},
    )
    client.execute()
    code = [c for c in notebook.cells if c.cell_type == "code"]
    assert [o for c in code for o in c.outputs if o.output_type == "error"] == []
    first = _text(code[0])
    assert f"{default} does not exist; reading the demo warehouse {demo}" in first
    assert "SYNTHETIC demo data" in first
    assert f"warehouse: {demo}" in first
    assert hashlib.sha256(demo.read_bytes()).hexdigest() == before
    assert not default.exists()
