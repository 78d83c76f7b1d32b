"""Partitions → the warehouse (evidence.baseline.writer), against `evidence ingest` itself."""

from __future__ import annotations

from pathlib import Path

import duckdb
import pyarrow.parquet as pq
import pytest
from baseline_xml import article, book, deletion, write_pubmed

from evidence.baseline import load_partition, load_partitions, parse_to_parquet
from evidence.baseline.writer import out_of_order
from evidence.errors import StorageError
from evidence.ingest import ingest_file
from evidence.store import connect

PARTS = [
    *(article(p) for p in range(1, 6)),
    deletion(2),
    article(6, title="Massage for hip pain"),
    article(7),
    book(100),
    deletion(7, 8),
    article(8, title="Back again after its deletion"),
]


def state(con: duckdb.DuckDBPyConnection) -> list[object]:
    """Everything a load decides: rows of every record table, deletions, the ledger counts."""
    rows: list[object] = []
    for table in ("pm_article", "pm_section", "pm_author", "pm_pubtype", "pm_mesh"):
        cols = "* EXCLUDE (source_file)" if table == "pm_article" else "*"
        rows.append(con.execute(f"SELECT {cols} FROM {table} ORDER BY ALL").fetchall())  # noqa: S608
    rows.append(con.execute("SELECT pmid FROM pm_deleted ORDER BY pmid").fetchall())
    rows.append(
        con.execute(
            "SELECT status, records, inserted, updated, deleted, skipped, books FROM ingest_runs"
        ).fetchall()
    )
    return rows


def test_a_file_loads_exactly_as_evidence_ingest_loads_it(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    source = write_pubmed(tmp_path / "pubmed26n0001.xml", PARTS)
    info = parse_to_parquet(source, tmp_path / "work", vocab_dir=None, chunk_size=2)
    result = load_partition(con, info)
    reference = connect(":memory:")
    ingest_file(reference, source, batch_size=2)
    assert state(con) == state(reference)
    assert con.execute("SELECT pmid FROM pm_article ORDER BY pmid").fetchall() == [
        (1,), (3,), (4,), (5,), (6,), (8,),
    ]  # fmt: skip
    c = result.counts
    assert (result.status, c.inserted, c.deleted, c.books) == ("ok", 8, 2, 1)
    reference.close()


def test_a_second_load_of_the_same_file_is_skipped(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    source = write_pubmed(tmp_path / "pubmed26n0001.xml", PARTS)
    info = parse_to_parquet(source, tmp_path / "work", vocab_dir=None)
    load_partition(con, info)
    before = state(con)
    again = load_partition(con, info)
    assert again.status == "skipped" and state(con) == before


def test_a_damaged_partition_is_refused_and_changes_nothing(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    source = write_pubmed(tmp_path / "pubmed26n0001.xml", PARTS)
    info = parse_to_parquet(source, tmp_path / "work", vocab_dir=None, chunk_size=2)
    assert info.folder is not None
    damaged = info.folder / "pm_author.parquet"
    pq.write_table(pq.ParquetFile(damaged).read_row_group(0), damaged)
    before = state(con)
    with pytest.raises(StorageError, match=r"pm_author\.parquet: 1 row groups, the manifest"):
        load_partition(con, info)
    assert state(con) == before


def test_partitions_load_in_file_order_and_their_folders_are_removed(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    first = write_pubmed(tmp_path / "pubmed26n0001.xml", [article(1), article(2)])
    later = write_pubmed(
        tmp_path / "pubmed26n0002.xml",
        [article(1, title="Revised", revised="2021"), deletion(2)],
    )
    infos = [parse_to_parquet(p, tmp_path / "work", vocab_dir=None) for p in (later, first)]
    results = load_partitions(con, infos)
    assert [r.path for r in results] == [first, later]
    assert con.execute("SELECT pmid, title FROM articles").fetchall() == [(1, "Revised")]
    assert list((tmp_path / "work").iterdir()) == []


def test_a_file_before_one_already_loaded_is_named(
    tmp_path: Path, con: duckdb.DuckDBPyConnection
) -> None:
    later = write_pubmed(tmp_path / "pubmed26n0005.xml", [article(1)])
    load_partition(con, parse_to_parquet(later, tmp_path / "work", vocab_dir=None))
    earlier, after = tmp_path / "pubmed26n0003.xml", tmp_path / "pubmed26n0006.xml"
    assert out_of_order(con, [earlier, later, after]) == [
        f"{earlier}: loaded after pubmed26n0005.xml, a later file already in the warehouse"
    ]


@pytest.mark.parametrize("batch_records", [1, 10_000], ids=["chunk-by-chunk", "merged"])
def test_a_pmid_twice_in_a_file_ends_as_its_later_copy(
    tmp_path: Path, con: duckdb.DuckDBPyConnection, batch_records: int
) -> None:
    parts = [article(1), article(2), article(1, title="Revised", revised="2021"), article(3)]
    source = write_pubmed(tmp_path / "pubmed26n0001.xml", parts)
    info = parse_to_parquet(source, tmp_path / "work", vocab_dir=None, chunk_size=1)
    load_partition(con, info, batch_records=batch_records)
    reference = connect(":memory:")
    ingest_file(reference, source, batch_size=1)
    assert state(con) == state(reference)
    assert con.execute("SELECT pmid, title FROM articles ORDER BY pmid").fetchall() == [
        (1, "Revised"), (2, "Dry needling for neck pain"), (3, "Dry needling for neck pain"),
    ]  # fmt: skip
    reference.close()
