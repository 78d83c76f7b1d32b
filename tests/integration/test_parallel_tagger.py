"""With worker processes that tag, the ingest's own process loads the vocabulary only when
it tags records itself; the warehouse and the errors are those of a run without workers."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import duckdb
import pytest
from digests import view_digest

from evidence import pipeline
from evidence.config import Settings
from evidence.errors import VocabularyError

REPO = Path(__file__).resolve().parents[2]
sys.path.insert(0, str(REPO / "bench"))
from generate import write_file  # noqa: E402  (bench/ is not a package)


@pytest.fixture(scope="module")
def big(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = write_file(tmp_path_factory.mktemp("big") / "big.xml", 3000, first_pmid=1)
    assert path.stat().st_size >= 16 << 20  # parsed by worker processes
    return path


def _ingest_in_a_process(big: Path, db: Path, workers: int) -> dict[str, object]:
    code = f"""
import json, sys
from pathlib import Path
from evidence import pipeline
from evidence.config import Settings
if __name__ == "__main__":
    settings = Settings.from_env(db_path=Path({str(db)!r}))
    summary = pipeline.ingest(settings, [Path({str(big)!r})], workers={workers})
    print(json.dumps({{
        "tagging_imported": "evidence.tagging" in sys.modules,
        "tagged": sum(f.tagged for f in summary.files),
        "errors": [str(e) for e in summary.errors],
    }}))
"""
    script = db.parent / f"run{workers}.py"
    script.write_text(code, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(script)], check=True, capture_output=True, text=True, cwd=REPO
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_the_main_process_leaves_the_tagging_to_the_workers(big: Path, tmp_path: Path) -> None:
    with_workers = _ingest_in_a_process(big, tmp_path / "w2.duckdb", 2)
    alone = _ingest_in_a_process(big, tmp_path / "w0.duckdb", 0)
    assert with_workers == {"tagging_imported": False, "tagged": 3000, "errors": []}
    assert alone == {"tagging_imported": True, "tagged": 3000, "errors": []}
    assert view_digest(tmp_path / "w2.duckdb") == view_digest(tmp_path / "w0.duckdb")
    keys = []
    for name in ("w2", "w0"):
        con = duckdb.connect(str(tmp_path / f"{name}.duckdb"), read_only=True)
        keys.append(con.execute("SELECT DISTINCT tagger_key FROM pm_tag_state").fetchall())
        con.close()
    assert keys[0] == keys[1] and len(keys[0]) == 1


def test_a_bad_vocabulary_is_reported_as_without_workers(big: Path, tmp_path: Path) -> None:
    data = tmp_path / "data"
    shutil.copytree(REPO / "data" / "vocab", data / "vocab")
    (data / "vocab" / "intervention.yaml").write_text("- [not, a, vocabulary\n", encoding="utf-8")
    messages = []
    for workers in (2, 0):
        db = tmp_path / f"w{workers}.duckdb"
        settings = Settings.from_env(data_dir=data, db_path=db)
        with pytest.raises(VocabularyError) as caught:
            pipeline.ingest(settings, [big], workers=workers)
        messages.append(str(caught.value))
        assert not db.exists()
    assert messages[0] == messages[1]
