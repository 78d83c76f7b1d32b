"""One file → Parquet partitions (evidence.baseline.partition), on small synthetic files."""

from __future__ import annotations

import os
from pathlib import Path

import pyarrow.parquet as pq
import pytest
from baseline_xml import article, book, deletion, write_pubmed

from evidence.baseline import PartitionInfo, compile_query_set, parse_to_parquet
from evidence.baseline.partition import MANIFEST, read_manifest
from evidence.config import Settings
from evidence.entrez.queries import Query, QuerySet
from evidence.errors import XmlParseError
from evidence.ingest import make_tagger, sha256_file

REPO = Path(__file__).resolve().parents[3]
VOCAB = REPO / "data" / "vocab"
# Records 1-5, a DeleteCitation, 6-7, a book, another DeleteCitation: with chunks of 2, the
# file replays as rows [1 2] [3 4] [5], delete [2], rows [6 7], delete [7 8].
PARTS = [
    *(article(p) for p in range(1, 6)),
    deletion(2),
    article(6, title="Massage for hip pain"),
    article(7),
    book(100),
    deletion(7, 8),
]


@pytest.fixture
def source(tmp_path: Path) -> Path:
    return write_pubmed(tmp_path / "pubmed26n0001.xml", PARTS)


def pmids_by_row_group(folder: Path, table: str) -> list[list[int]]:
    file = pq.ParquetFile(folder / f"{table}.parquet")
    return [file.read_row_group(i).column("pmid").to_pylist() for i in range(file.num_row_groups)]


def test_chunks_and_deletions_are_written_in_file_order(source: Path, tmp_path: Path) -> None:
    info = parse_to_parquet(source, tmp_path / "work", vocab_dir=None, chunk_size=2)
    assert info.folder is not None
    assert info.steps == (("rows", 0), ("rows", 1), ("rows", 2), ("delete", 0), ("rows", 3),
                          ("delete", 1))  # fmt: skip
    assert pmids_by_row_group(info.folder, "pm_article") == [[1, 2], [3, 4], [5], [6, 7]]
    # every table has one row group per chunk, even when a chunk has no rows in it
    assert pmids_by_row_group(info.folder, "pm_link") == [[], [], [], []]
    assert pmids_by_row_group(info.folder, "pm_author") == [[1, 2], [3, 4], [5], [6, 7]]
    deletions = pq.read_table(info.folder / "deletions.parquet").to_pylist()
    assert deletions == [{"block": 0, "pmid": 2}, {"block": 1, "pmid": 7}, {"block": 1, "pmid": 8}]
    assert (info.records, info.kept, info.books, info.deleted) == (8, 7, 1, 3)
    assert info.status == "parsed" and info.sha256 == sha256_file(source)
    assert info.tables == ("pm_article", "pm_section", "pm_author", "pm_pubtype", "pm_mesh",
                           "pm_link")  # fmt: skip
    assert info.peak_rss_mb > 0 and info.cpu_seconds > 0
    assert info.worker.endswith(f":{os.getpid()}")


def test_tags_and_findings_are_written_with_the_tagger_key(source: Path, tmp_path: Path) -> None:
    info = parse_to_parquet(source, tmp_path / "work", vocab_dir=VOCAB)
    assert info.folder is not None
    assert info.tagger_key == make_tagger(Settings(data_dir=REPO / "data")).key
    tags = pq.read_table(info.folder / "pm_tag.parquet").to_pylist()
    interventions = {(t["pmid"], t["value"]) for t in tags if t["dimension"] == "intervention"}
    assert (1, "dry_needling") in interventions and (6, "massage") in interventions
    findings = pq.read_table(info.folder / "pm_finding.parquet").to_pylist()
    assert {(f["pmid"], f["intervention"]) for f in findings} >= {(1, "dry_needling")}
    assert info.steps == (("rows", 0), ("delete", 0), ("rows", 1), ("delete", 1))


def test_a_topic_filter_keeps_only_matching_records(source: Path, tmp_path: Path) -> None:
    topic = compile_query_set(
        QuerySet(name="massage", queries=(Query(name="q", term="massage[ti]"),))
    )
    info = parse_to_parquet(source, tmp_path / "work", vocab_dir=None, filter=topic)
    assert info.folder is not None
    assert pmids_by_row_group(info.folder, "pm_article") == [[6]]
    assert (info.records, info.kept, info.deleted) == (8, 1, 3)
    assert info.filter_key == topic.key


def test_a_file_already_ingested_is_not_parsed(source: Path, tmp_path: Path) -> None:
    info = parse_to_parquet(
        source, tmp_path / "work", vocab_dir=None, done=frozenset({sha256_file(source)})
    )
    assert info == PartitionInfo(path=source, sha256=sha256_file(source), status="skipped")
    assert not (tmp_path / "work").exists()


def test_a_complete_partition_is_reused_unless_the_filter_changed(
    source: Path, tmp_path: Path
) -> None:
    first = parse_to_parquet(source, tmp_path / "work", vocab_dir=None)
    again = parse_to_parquet(source, tmp_path / "work", vocab_dir=None)
    assert again.reused and not first.reused
    assert (again.folder, again.steps, again.kept) == (first.folder, first.steps, first.kept)
    topic = compile_query_set(QuerySet(name="t", queries=(Query(name="q", term="hip"),)))
    other = parse_to_parquet(source, tmp_path / "work", vocab_dir=None, filter=topic)
    assert not other.reused and other.kept == 1


def test_the_manifest_is_the_partition_info(source: Path, tmp_path: Path) -> None:
    info = parse_to_parquet(source, tmp_path / "work", vocab_dir=None, chunk_size=3)
    assert info.folder is not None and (info.folder / MANIFEST).is_file()
    read = read_manifest(info.folder, source)
    assert read is not None
    assert read.steps == info.steps and read.sha256 == info.sha256 and read.kept == info.kept
    (info.folder / MANIFEST).write_text("{not json", encoding="utf-8")
    assert read_manifest(info.folder, source) is None


def test_a_broken_file_raises_and_leaves_no_folder(tmp_path: Path) -> None:
    broken = tmp_path / "pubmed26n0002.xml"
    broken.write_text(
        '<?xml version="1.0"?>\n<PubmedArticleSet>\n' + article(1) + "<PubmedArticle><Medline",
        encoding="utf-8",
    )
    with pytest.raises(XmlParseError, match=r"pubmed26n0002\.xml:\d+"):
        parse_to_parquet(broken, tmp_path / "work", vocab_dir=None, chunk_size=1)
    assert list((tmp_path / "work").iterdir()) == []
