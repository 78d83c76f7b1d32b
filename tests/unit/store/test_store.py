"""The warehouse: upsert by PMID, version replacement, deletions, tags, views, round trip."""

from __future__ import annotations

import gc
import re
import weakref
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

import duckdb
import pytest

from evidence.errors import SchemaVersionError, StorageError
from evidence.models import (
    AbstractSection,
    Article,
    ArticleLink,
    Author,
    BookArticle,
    Deletion,
    Finding,
    MeshHeading,
    MeshQualifier,
    PublicationType,
    Tag,
)
from evidence.store import (
    connect,
    load_articles,
    refresh_tags,
    storage_errors,
    upsert_records,
    write_tags,
)
from evidence.store.load import build_batch, upsert_batch

# The analyst API of the evidence contract: these views and at least these columns.
CONTRACT_VIEWS = {
    "articles": [
        "pmid",
        "title",
        "abstract",
        "journal",
        "pub_year",
        "pub_date",
        "language",
        "doi",
        "pmcid",
        "has_abstract",
        "is_retracted",
    ],
    "abstract_sections": ["pmid", "ord", "label", "nlm_category", "text"],
    "authors": [
        "pmid",
        "ord",
        "last_name",
        "fore_name",
        "initials",
        "collective_name",
        "affiliation",
    ],
    "publication_types": ["pmid", "ui", "name"],
    "mesh_headings": [
        "pmid",
        "descriptor_ui",
        "descriptor",
        "qualifier_ui",
        "qualifier",
        "major_topic",
    ],
    "article_tags": ["pmid", "dimension", "value", "source", "evidence"],
    "findings": ["pmid", "intervention", "condition", "outcome", "direction", "design", "sentence"],
}


def make_article(pmid: int = 1, **changes: object) -> Article:
    base = Article(
        pmid=pmid,
        version=1,
        status="MEDLINE",
        date_revised=date(2020, 1, 1),
        title="Dry needling for chronic low back pain: a randomized trial",
        abstract_sections=(
            AbstractSection("BACKGROUND", "BACKGROUND", "Low back pain is common."),
            AbstractSection("CONCLUSIONS", "CONCLUSIONS", "Dry needling reduced pain."),
        ),
        journal="Synthetic Test Journal",
        pub_year=2020,
        pub_date=date(2020, 3, 1),
        pub_date_raw="2020 Mar",
        languages=("eng",),
        doi="10.99999/test.1",
        authors=(
            Author("Doe", "Jane", "J", affiliations=("Synthetic U", "Other U")),
            Author(collective_name="Synthetic Trial Group"),
        ),
        publication_types=(
            PublicationType("D016428", "Journal Article"),
            PublicationType("D016449", "Randomized Controlled Trial"),
        ),
        mesh_headings=(
            MeshHeading(
                "D017116",
                "Low Back Pain",
                True,
                (
                    MeshQualifier("Q000628", "therapy", True),
                    MeshQualifier("Q000009", "adverse effects", False),
                ),
            ),
            MeshHeading("D006801", "Humans", False),
        ),
        keywords=("dry needling",),
        links=(ArticleLink("CommentIn", 99, "Synth J 2020"),),
    )
    return replace(base, **changes)  # type: ignore[arg-type]


def table_rows(con: duckdb.DuckDBPyConnection, pmid: int) -> dict[str, int]:
    out = {}
    for name in (
        "pm_article",
        "pm_section",
        "pm_author",
        "pm_pubtype",
        "pm_mesh",
        "pm_link",
        "pm_tag",
        "pm_finding",
        "pm_tag_state",
    ):
        row = con.execute(f"SELECT count(*) FROM {name} WHERE pmid = ?", [pmid]).fetchone()  # noqa: S608
        assert row is not None
        out[name] = row[0]
    return out


def checksum(con: duckdb.DuckDBPyConnection) -> dict[str, object]:
    """Order-independent digest of every analyst view."""
    return {
        view: con.execute(f"SELECT count(*), sum(hash(v)) FROM {view} v").fetchone()  # noqa: S608
        for view in CONTRACT_VIEWS
    }


@dataclass
class FakeTagger:
    """Tags every article with one intervention; the key stands for a vocabulary version."""

    key: str = "v1"
    value: str = "dry_needling"

    def tag(self, article: Article) -> tuple[list[Tag], list[Finding]]:
        tag = Tag(article.pmid, "intervention", self.value, "text_title", "dry needling")
        finding = Finding(
            article.pmid,
            self.value,
            "low_back_pain",
            "pain",
            "benefit",
            "rct",
            "Dry needling reduced pain.",
            ("short_term",),
            40,
        )
        return [tag], [finding]


def test_views_have_the_contract_columns(con: duckdb.DuckDBPyConnection) -> None:
    for view, columns in CONTRACT_VIEWS.items():
        got = [d[0] for d in con.execute(f"SELECT * FROM {view} LIMIT 0").description]  # noqa: S608
        missing = [c for c in columns if c not in got]
        assert not missing, f"view {view} lacks {missing}"


def test_contract_document_lists_the_same_views(shared: Path) -> None:
    text = (shared / "evidence-contract.md").read_text(encoding="utf-8")
    for view, columns in CONTRACT_VIEWS.items():
        line = next(ln for ln in text.splitlines() if ln.startswith(f"| `{view}` |"))
        for column in columns:
            assert re.search(rf"\b{column}\b", line), f"{view}.{column} not in the contract"


def test_insert_then_views_show_the_record(con: duckdb.DuckDBPyConnection) -> None:
    counts = upsert_records(con, [make_article()])
    assert (counts.inserted, counts.updated, counts.skipped) == (1, 0, 0)
    row = con.execute(
        "SELECT title, language, has_abstract, is_retracted, abstract FROM articles"
    ).fetchone()
    assert row == (
        "Dry needling for chronic low back pain: a randomized trial",
        "eng",
        True,
        False,
        "BACKGROUND: Low back pain is common. CONCLUSIONS: Dry needling reduced pain.",
    )
    mesh = con.execute(
        "SELECT descriptor, qualifier, major_topic FROM mesh_headings ORDER BY ord, qualifier"
    ).fetchall()
    assert mesh == [
        ("Low Back Pain", "adverse effects", True),
        ("Low Back Pain", "therapy", True),
        ("Humans", None, False),
    ]
    aff = con.execute("SELECT affiliation FROM authors ORDER BY ord").fetchall()
    assert aff == [("Synthetic U; Other U",), (None,)]


def test_same_record_twice_changes_nothing(con: duckdb.DuckDBPyConnection) -> None:
    upsert_records(con, [make_article(1), make_article(2)], tagger=FakeTagger())
    before = checksum(con)
    counts = upsert_records(con, [make_article(1), make_article(2)], tagger=FakeTagger())
    assert (counts.inserted, counts.updated, counts.skipped) == (0, 0, 2)
    assert checksum(con) == before


def test_newer_version_replaces_every_child_row(con: duckdb.DuckDBPyConnection) -> None:
    upsert_records(con, [make_article()], tagger=FakeTagger())
    newer = make_article(
        version=2,
        title="Revised title",
        authors=(Author("Roe", "Rick", "R"),),
        mesh_headings=(),
        links=(),
        abstract_sections=(AbstractSection(None, None, "Short."),),
    )
    counts = upsert_records(con, [newer], tagger=FakeTagger())
    assert counts.updated == 1
    assert table_rows(con, 1) == {
        "pm_article": 1,
        "pm_section": 1,
        "pm_author": 1,
        "pm_pubtype": 2,
        "pm_mesh": 0,
        "pm_link": 0,
        "pm_tag": 1,
        "pm_finding": 1,
        "pm_tag_state": 1,
    }
    assert con.execute("SELECT title FROM articles").fetchone() == ("Revised title",)


def test_later_revision_date_replaces_same_version(con: duckdb.DuckDBPyConnection) -> None:
    upsert_records(con, [make_article()])
    counts = upsert_records(con, [make_article(date_revised=date(2021, 5, 5), title="New")])
    assert counts.updated == 1
    assert con.execute("SELECT title FROM articles").fetchone() == ("New",)


@pytest.mark.parametrize(
    "older",
    [{"version": 1, "date_revised": date(2019, 1, 1)}, {"version": 1, "date_revised": None}],
    ids=["earlier-revision", "no-revision-date"],
)
def test_older_copy_is_skipped(con: duckdb.DuckDBPyConnection, older: dict[str, object]) -> None:
    upsert_records(con, [make_article(version=2, title="Current")])
    counts = upsert_records(con, [make_article(title="Stale", **older)])
    assert (counts.updated, counts.skipped) == (0, 1)
    assert con.execute("SELECT title FROM articles").fetchone() == ("Current",)


def test_later_copy_in_the_same_batch_wins(con: duckdb.DuckDBPyConnection) -> None:
    counts = upsert_records(con, [make_article(title="First"), make_article(title="Second")])
    assert counts.inserted == 1
    assert con.execute("SELECT title FROM articles").fetchall() == [("Second",)]


def test_deletion_removes_the_record_and_everything_hanging_off_it(
    con: duckdb.DuckDBPyConnection,
) -> None:
    upsert_records(con, [make_article(1), make_article(2)], tagger=FakeTagger())
    counts = upsert_records(con, [Deletion((1, 777))], source="update.xml")
    assert counts.deleted == 1
    assert set(table_rows(con, 1).values()) == {0}
    assert table_rows(con, 2)["pm_article"] == 1
    deleted = con.execute("SELECT pmid, source_file FROM pm_deleted ORDER BY pmid").fetchall()
    assert deleted == [(1, "update.xml"), (777, "update.xml")]


def test_deleted_pmid_that_comes_back_is_no_longer_deleted(
    con: duckdb.DuckDBPyConnection,
) -> None:
    upsert_records(con, [make_article(1), Deletion((1,)), make_article(1, title="Back")])
    assert con.execute("SELECT title FROM articles").fetchall() == [("Back",)]
    assert con.execute("SELECT count(*) FROM pm_deleted").fetchone() == (0,)


def test_book_records_are_counted_not_stored(con: duckdb.DuckDBPyConnection) -> None:
    counts = upsert_records(con, [BookArticle(20437616), make_article()])
    assert (counts.books, counts.inserted) == (1, 1)
    assert con.execute("SELECT count(*) FROM articles").fetchone() == (1,)


def test_retraction_link_marks_the_article_retracted(con: duckdb.DuckDBPyConnection) -> None:
    upsert_records(con, [make_article(links=(ArticleLink("RetractionIn", 5, "J 2021"),))])
    assert con.execute("SELECT is_retracted FROM articles").fetchone() == (True,)


def test_articles_read_back_equal_what_was_stored(con: duckdb.DuckDBPyConnection) -> None:
    originals = [make_article(1), make_article(2, mesh_headings=(), authors=(), languages=())]
    upsert_records(con, originals)
    assert load_articles(con, [2, 1, 3]) == [originals[1], originals[0]]


def test_changed_tagger_key_retags_stored_records(con: duckdb.DuckDBPyConnection) -> None:
    upsert_records(con, [make_article(1), make_article(2)], tagger=FakeTagger())
    assert refresh_tags(con, FakeTagger()) == 0
    assert refresh_tags(con, FakeTagger(key="v2", value="acupuncture")) == 2
    values = con.execute("SELECT DISTINCT value FROM article_tags").fetchall()
    assert values == [("acupuncture",)]


def test_write_tags_replaces_only_the_named_records(con: duckdb.DuckDBPyConnection) -> None:
    upsert_records(con, [make_article(1), make_article(2)], tagger=FakeTagger())
    write_tags(con, [1], [Tag(1, "condition", "neck_pain", "mesh", "Neck Pain")], [])
    rows = con.execute("SELECT pmid, value FROM article_tags ORDER BY pmid").fetchall()
    assert rows == [(1, "neck_pain"), (2, "dry_needling")]
    assert con.execute("SELECT pmid FROM findings").fetchall() == [(2,)]


def test_evidence_map_counts_by_design_and_direction(con: duckdb.DuckDBPyConnection) -> None:
    upsert_records(con, [make_article(1), make_article(2)])
    tags = [
        Tag(p, d, v, "test", "x")
        for p in (1, 2)
        for d, v in (
            ("intervention", "dry_needling"),
            ("condition", "low_back_pain"),
            ("design", "rct"),
        )
    ]
    findings = [
        Finding(1, "dry_needling", "low_back_pain", "pain", "benefit", "rct", "s"),
        Finding(2, "dry_needling", "low_back_pain", "pain", "no_benefit", "rct", "s"),
    ]
    write_tags(con, [1, 2], tags, findings)
    row = con.execute(
        "SELECT n_records, n_rct, n_benefit, n_no_benefit FROM evidence_map"
        " WHERE intervention = 'dry_needling' AND condition = 'low_back_pain'"
    ).fetchone()
    assert row == (2, 2, 1, 1)


def test_schema_version_mismatch_is_refused(tmp_path: Path) -> None:
    db = tmp_path / "w.duckdb"
    connect(db).close()
    raw = duckdb.connect(str(db))
    raw.execute("UPDATE schema_info SET value = '999' WHERE key = 'schema_version'")
    raw.close()
    with pytest.raises(SchemaVersionError, match="schema version 999"):
        connect(db)


def test_read_only_open_of_a_missing_warehouse_names_it(tmp_path: Path) -> None:
    with pytest.raises(StorageError, match=r"nothere\.duckdb: no such warehouse"):
        connect(tmp_path / "nothere.duckdb", read_only=True)


def test_loaded_batches_are_released_before_the_file_commits(
    con: duckdb.DuckDBPyConnection,
) -> None:
    # A file is one transaction: if DuckDB kept each batch's Arrow tables until the commit,
    # a big file would grow the process by its whole size (the peak RSS target).
    batch = build_batch([make_article(pmid) for pmid in (1, 2, 3)])
    watched = [weakref.ref(table) for table in batch.tables.values()]
    con.execute("BEGIN TRANSACTION")
    upsert_batch(con, batch, source="test.xml")
    del batch
    gc.collect()
    alive = [ref() is not None for ref in watched]
    con.execute("COMMIT")
    assert not any(alive)
    assert table_rows(con, 2)["pm_author"] == 2


def test_writer_memory_limit_is_applied(tmp_path: Path) -> None:
    writer = connect(tmp_path / "w.duckdb", memory_limit="64MB")
    try:
        row = writer.execute("SELECT current_setting('memory_limit')").fetchone()
    finally:
        writer.close()
    assert row == ("61.0 MiB",)  # 64,000,000 bytes


@pytest.mark.parametrize("threads", [1, 2], ids=["one", "two"])
def test_writer_thread_cap_is_applied(tmp_path: Path, threads: int) -> None:
    writer = connect(tmp_path / "w.duckdb", threads=threads)
    try:
        row = writer.execute("SELECT current_setting('threads')").fetchone()
    finally:
        writer.close()
    assert row == (threads,)


def _fill(con: duckdb.DuckDBPyConnection) -> None:
    """Rows past a 20 MB memory limit, in one transaction: DuckDB must spill them."""
    con.execute("CREATE TABLE IF NOT EXISTS filler (a VARCHAR)")
    con.execute("BEGIN TRANSACTION")
    for _ in range(20):
        con.execute("INSERT INTO filler SELECT repeat('x', 200) || range FROM range(100000)")


def test_spilling_onto_a_full_disk_names_the_spill_folder(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb", memory_limit="20MB", threads=1)
    # DuckDB caps its spill folder at 90 % of the disk space free when it starts; a nearly
    # full disk is a small cap, which it reports as "Out of Memory Error".
    con.execute("SET max_temp_directory_size = '1MB'")
    with pytest.raises(StorageError) as info, storage_errors("a.xml"):
        _fill(con)
    con.close()
    spill = tmp_path / "w.duckdb.tmp"
    message = str(info.value)
    assert message.startswith(f"a.xml: out of disk space to spill into {spill} ("), message
    assert re.search(r"\([\d.]+ [KMGT]?i?B free", message), message
    assert "Out of Memory" not in message


def test_a_real_memory_limit_is_still_out_of_memory(tmp_path: Path) -> None:
    con = connect(tmp_path / "w.duckdb", memory_limit="8MB", threads=1)
    with pytest.raises(StorageError) as info, storage_errors("a.xml"):
        con.execute("SELECT string_agg(repeat('x', 1000) || range, ',') FROM range(200000)")
    con.close()
    assert str(info.value).startswith("a.xml: Out of Memory Error: failed to allocate")
    assert "spill" not in str(info.value)
