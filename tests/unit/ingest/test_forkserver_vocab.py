"""The workers of the parallel ingest tag with the vocabulary their forkserver loaded once,
compiled before they were forked, unless its files changed since: then a worker loads it
again, as the run's own process would."""

from __future__ import annotations

import json
import shutil
import subprocess
import sys
from pathlib import Path

import pytest

from evidence.ingest import load_tagger
from evidence.ingest import preload as preload_module
from evidence.ingest.preload import VocabSource, held_tagger, hold, vocab_digest
from evidence.tagging.matching import compiled_scan

VOCAB = Path(__file__).resolve().parents[3] / "data" / "vocab"

# Starts a warm pool per folder given, one after the other in one process (so with one
# forkserver: the first pool's), and prints for each what a worker reports once its
# tagger is loaded.
MAIN = """
import json, os, sys, time
from pathlib import Path

def probe():
    from evidence.ingest import pool, preload
    tagger = pool._own_tagger()
    matcher = tagger.vocab.text_matcher
    return {
        "key": tagger.key,
        "held": bool(preload._held) and preload._held[0].tagger is tagger,
        "twin_built": bool(matcher._ascii),
        "scan_built": bool(matcher._scan) and matcher._scan[0] is not None,
        "cpu": time.process_time(),
    }

if __name__ == "__main__":
    from evidence.ingest.pool import WorkerPool
    from evidence.ingest.preload import VocabSource
    out = []
    for arg in sys.argv[1:]:
        folder, _, edit = arg.partition("|")
        if edit:  # an edit of the vocabulary after the forkserver loaded it
            path = Path(folder) / "intervention.yaml"
            text = path.read_text(encoding="utf-8")
            path.write_text(text.replace("label: Dry needling", edit), encoding="utf-8")
        pool = WorkerPool(1, VocabSource(Path(folder)))
        pool.start(warm=True)
        report = pool._pool.submit(probe).result()
        report["pool_key"] = pool.tagger_key()
        pool.close()
        out.append(report)
    print(json.dumps(out))
"""


def _pools(tmp_path: Path, *folders: str) -> list[dict[str, object]]:
    script = tmp_path / "main.py"
    script.write_text(MAIN, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(script), *folders], check=True, capture_output=True, text=True
    ).stdout
    return json.loads(out.strip().splitlines()[-1])  # type: ignore[no-any-return]


def test_a_worker_starts_with_the_vocabulary_its_forkserver_compiled(tmp_path: Path) -> None:
    (report,) = _pools(tmp_path, str(VOCAB))
    # the vocabulary the run's own process loads, the very object the forkserver built
    assert report["key"] == report["pool_key"] == load_tagger(VOCAB).key
    assert report["held"] is True
    # built before the fork too: what the first tagged text would otherwise build (the
    # compiled scan, or without it the regex's ASCII twin)
    if compiled_scan() is not None:
        assert report["scan_built"] is True and report["twin_built"] is False
    else:
        assert report["twin_built"] is True
    # nothing compiled in the worker: loading alone costs ~0.5 CPU-s
    assert isinstance(report["cpu"], float) and report["cpu"] < 0.25


def test_a_vocabulary_edited_after_the_forkserver_loaded_it_is_loaded_again(
    tmp_path: Path,
) -> None:
    vocab = tmp_path / "data" / "vocab"
    shutil.copytree(VOCAB, vocab)
    same = tmp_path / "copy" / "vocab"  # another folder with the same files
    shutil.copytree(VOCAB, same)
    first, copy, edited = _pools(
        tmp_path, str(vocab), str(same), f"{vocab}|label: Dry needling (edited)"
    )
    assert first["held"] is True and copy["held"] is True
    assert first["key"] == copy["key"] == load_tagger(VOCAB).key
    # the forkserver still holds the first vocabulary: the worker loads the edited one
    assert edited["held"] is False
    assert edited["key"] == edited["pool_key"] == load_tagger(vocab).key
    assert edited["key"] != first["key"]


def test_a_pool_not_started_warm_leaves_the_vocabulary_to_its_workers(tmp_path: Path) -> None:
    code = f"""
import json
from pathlib import Path
from evidence.ingest.pool import WorkerPool
from evidence.ingest.preload import VocabSource

def held():
    from evidence.ingest import preload
    return bool(preload._held)

if __name__ == "__main__":
    pool = WorkerPool(1, VocabSource(Path({str(VOCAB)!r})))
    pool.start()
    print(json.dumps(pool._pool.submit(held).result()))
    pool.close()
"""
    script = tmp_path / "cold.py"
    script.write_text(code, encoding="utf-8")
    out = subprocess.run(
        [sys.executable, str(script)], check=True, capture_output=True, text=True
    ).stdout
    assert json.loads(out.strip().splitlines()[-1]) is False


@pytest.fixture
def no_held(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(preload_module, "_held", [])


def test_the_digest_follows_the_bytes_of_the_vocabulary_files(tmp_path: Path) -> None:
    vocab = tmp_path / "vocab"
    shutil.copytree(VOCAB, vocab)
    (vocab / "definitions.yaml").write_text("not read by load_vocabulary\n", encoding="utf-8")
    assert vocab_digest(vocab) == vocab_digest(VOCAB)
    design = vocab / "design.yaml"
    design.write_bytes(design.read_bytes() + b"\n")
    assert vocab_digest(vocab) not in (None, vocab_digest(VOCAB))
    design.unlink()
    assert vocab_digest(vocab) is None


@pytest.mark.usefixtures("no_held")
def test_a_source_uses_the_held_tagger_only_for_the_same_files(tmp_path: Path) -> None:
    vocab = tmp_path / "vocab"
    shutil.copytree(VOCAB, vocab)
    held = hold(vocab)
    assert held is not None
    assert held_tagger(VOCAB) is held and VocabSource(VOCAB)() is held
    path = vocab / "intervention.yaml"
    path.write_text(
        path.read_text(encoding="utf-8").replace("label: Dry needling", "label: Dry needles"),
        encoding="utf-8",
    )
    assert held_tagger(vocab) is None
    loaded = VocabSource(vocab)()
    assert loaded is not held and loaded.key == load_tagger(vocab).key != held.key


@pytest.mark.usefixtures("no_held")
def test_nothing_is_held_when_the_files_change_while_they_load(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    vocab = tmp_path / "vocab"
    shutil.copytree(VOCAB, vocab)
    import evidence.ingest.tagger as tagger_module

    def load_then_edit(folder: Path) -> object:
        tagger = load_tagger(folder)
        (folder / "design.yaml").write_text(
            (folder / "design.yaml").read_text(encoding="utf-8") + "\n", encoding="utf-8"
        )
        return tagger

    monkeypatch.setattr(tagger_module, "load_tagger", load_then_edit)
    assert hold(vocab) is None
    assert held_tagger(vocab) is None and preload_module._held == []


def test_preparing_a_matcher_changes_no_match() -> None:
    prepared, plain = load_tagger(VOCAB).vocab.text_matcher, load_tagger(VOCAB).vocab.text_matcher
    assert prepared is not None and plain is not None
    prepared.prepare()
    assert prepared._scan  # built now, not on the first text
    assert bool(prepared._ascii) is (prepared._scan[0] is None)  # the twin only without it
    texts = [
        "Dry needling of myofascial trigger points reduced neck pain versus sham.",
        "Trigger point injection with lidocaine, café-au-lait, naïve patients: no bruising.",
    ]
    for text in texts:
        assert prepared.find(text.lower(), text) == plain.find(text.lower(), text)
