"""Demo mode serves the synthetic sample as PubMed would: revised, and without deleted ones."""

from __future__ import annotations

from pathlib import Path

from evidence.entrez.replay import load_sample_corpus

SAMPLE = Path(__file__).resolve().parents[3] / "data" / "sample"


def test_update_file_revises_and_deletes_sample_records() -> None:
    corpus = load_sample_corpus(sorted(SAMPLE.glob("pubmed-sample-*.xml")))
    assert corpus.get(90000043) is None  # deleted by pubmed-sample-0002.xml
    assert corpus.get(90000045) is not None  # added by it
    assert len(corpus) == 44
