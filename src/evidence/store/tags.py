"""Tags and findings in the warehouse (tagging stage, I/O side).

Writes ``pm_tag``, ``pm_finding`` and ``pm_tag_state``; reads articles back as `Article`
records so that a change of vocabulary or tagger version can re-tag stored records without
re-parsing any XML. The tagging itself is pure and lives in `evidence.tagging`; this module
only needs an object with a ``key`` and a ``tag`` method (`Tagger`).
"""

from __future__ import annotations

from collections import defaultdict
from collections.abc import Iterable, Sequence
from typing import TYPE_CHECKING, Any, Protocol

import pyarrow as pa

from evidence.models import (
    AbstractSection,
    Article,
    ArticleLink,
    Author,
    Finding,
    MeshHeading,
    MeshQualifier,
    PublicationType,
    Tag,
)
from evidence.store.load import tag_tables

if TYPE_CHECKING:
    import duckdb

# `evidence.store.db` (and DuckDB with it) is imported by the functions that write or read:
# the parallel ingest's workers import this module for `analyse_all` alone.

__all__ = [
    "TAG_CHUNK",
    "Tagger",
    "analyse_all",
    "load_articles",
    "refresh_tags",
    "stale_pmids",
    "tag_articles",
    "write_tags",
]

# Records a tagger with ``tag_many`` takes at once (see `analyse_all`): a step over a
# thousand records keeps its patterns in the CPU's caches (10,000 real records, warm,
# best of 3 interleaved runs on a shared machine: 145 µs a record in chunks of 1,000,
# 155-179 one by one; another day 142 vs 177, and 150 in chunks of 100), while the
# laid-out text of only a thousand records is held at a time.
TAG_CHUNK = 1000


class Tagger(Protocol):
    """Turns an article into tags and findings; ``key`` changes whenever its output may."""

    @property
    def key(self) -> str: ...

    def tag(self, article: Article) -> tuple[list[Tag], list[Finding]]: ...


def analyse_all(
    tagger: Tagger, articles: Sequence[Article]
) -> list[tuple[list[Tag], list[Finding]]]:
    """``tagger.tag`` of each article, in order; through the tagger's ``tag_many`` (the
    same output for many records at once) in chunks of `TAG_CHUNK` when it has one."""
    many = getattr(tagger, "tag_many", None)
    if many is None:
        return [tagger.tag(a) for a in articles]
    out: list[tuple[list[Tag], list[Finding]]] = []
    for start in range(0, len(articles), TAG_CHUNK):
        out.extend(many(articles[start : start + TAG_CHUNK]))
    return out


def write_tags(
    con: duckdb.DuckDBPyConnection,
    pmids: Iterable[int],
    tags: Iterable[Tag],
    findings: Iterable[Finding],
    *,
    tagger_key: str = "manual",
) -> None:
    """Replace the tags and findings of ``pmids`` with the ones given."""
    from evidence.store.db import staged

    ids = pa.table({"pmid": pa.array(sorted(set(pmids)), pa.int64())})
    tag_list = list(tags)
    finding_list = list(findings)
    with staged(con, {"_stage_ids": ids}):
        for name in ("pm_tag", "pm_finding", "pm_tag_state"):
            con.execute(f"DELETE FROM {name} WHERE pmid IN (SELECT pmid FROM _stage_ids)")  # noqa: S608
        con.execute("INSERT INTO pm_tag_state SELECT pmid, ? FROM _stage_ids", [tagger_key])
    for name, table in tag_tables(tag_list, finding_list).items():
        if table.num_rows:
            with staged(con, {f"_stage_{name}": table}):
                con.execute(f"INSERT INTO {name} SELECT * FROM _stage_{name}")  # noqa: S608


def tag_articles(
    con: duckdb.DuckDBPyConnection, articles: Sequence[Article], tagger: Tagger
) -> int:
    """Tag ``articles`` and store the result in place of their old tags; return the count."""
    tags: list[Tag] = []
    findings: list[Finding] = []
    for t, f in analyse_all(tagger, articles):
        tags.extend(t)
        findings.extend(f)
    write_tags(con, (a.pmid for a in articles), tags, findings, tagger_key=tagger.key)
    return len(articles)


def stale_pmids(con: duckdb.DuckDBPyConnection, tagger_key: str) -> list[int]:
    """PMIDs never tagged, or tagged by another tagger version or vocabulary."""
    rows = con.execute(
        "SELECT a.pmid FROM pm_article a LEFT JOIN pm_tag_state s USING (pmid)"
        " WHERE s.tagger_key IS DISTINCT FROM ? ORDER BY a.pmid",
        [tagger_key],
    ).fetchall()
    return [int(r[0]) for r in rows]


def refresh_tags(con: duckdb.DuckDBPyConnection, tagger: Tagger, *, batch_size: int = 5000) -> int:
    """Re-tag every stored record whose tags are stale; return how many were re-tagged."""
    todo = stale_pmids(con, tagger.key)
    for start in range(0, len(todo), batch_size):
        tag_articles(con, load_articles(con, todo[start : start + batch_size]), tagger)
    return len(todo)


def _rows(con: duckdb.DuckDBPyConnection, sql: str) -> list[dict[str, Any]]:
    cur = con.execute(sql)
    names = [d[0] for d in cur.description or ()]
    return [dict(zip(names, row, strict=True)) for row in cur.fetchall()]


def load_articles(con: duckdb.DuckDBPyConnection, pmids: Sequence[int]) -> list[Article]:
    """Read these PMIDs back as `Article` records (in the order given, missing ones left out)."""
    from evidence.store.db import staged

    with staged(con, {"_want": pa.table({"pmid": pa.array(list(pmids), pa.int64())})}):
        where = "WHERE pmid IN (SELECT pmid FROM _want)"
        children: dict[str, defaultdict[int, list[dict[str, Any]]]] = {}
        for name in ("pm_section", "pm_author", "pm_pubtype", "pm_mesh", "pm_link"):
            order = "ORDER BY pmid, ord"
            grouped: defaultdict[int, list[dict[str, Any]]] = defaultdict(list)
            for row in _rows(con, f"SELECT * FROM {name} {where} {order}"):  # noqa: S608
                grouped[row["pmid"]].append(row)
            children[name] = grouped
        heads = {r["pmid"]: r for r in _rows(con, f"SELECT * FROM pm_article {where}")}  # noqa: S608
    out = []
    for pmid in pmids:
        head = heads.get(pmid)
        if head is None:
            continue
        out.append(_build_article(head, {k: v.get(pmid, []) for k, v in children.items()}))
    return out


def _build_article(head: dict[str, Any], kids: dict[str, list[dict[str, Any]]]) -> Article:
    headings: list[MeshHeading] = []
    by_ord: dict[int, list[dict[str, Any]]] = defaultdict(list)
    for row in kids["pm_mesh"]:
        by_ord[row["ord"]].append(row)
    for _, rows in sorted(by_ord.items()):
        first = rows[0]
        quals = tuple(
            MeshQualifier(r["qualifier_ui"], r["qualifier"], bool(r["qualifier_major"]))
            for r in rows
            if r["qualifier"] is not None
        )
        headings.append(
            MeshHeading(
                first["descriptor_ui"], first["descriptor"], bool(first["descriptor_major"]), quals
            )
        )
    return Article(
        pmid=int(head["pmid"]),
        version=int(head["version"]),
        status=head["status"],
        date_revised=head["date_revised"],
        date_completed=head["date_completed"],
        title=head["title"],
        vernacular_title=head["vernacular_title"],
        abstract_sections=tuple(
            AbstractSection(r["label"], r["nlm_category"], r["text"]) for r in kids["pm_section"]
        ),
        journal=head["journal"],
        journal_iso=head["journal_iso"],
        issn=head["issn"],
        pub_year=head["pub_year"],
        pub_date=head["pub_date"],
        pub_date_raw=head["pub_date_raw"],
        languages=tuple(head["languages"] or ()),
        doi=head["doi"],
        pmcid=head["pmcid"],
        authors=tuple(
            Author(
                r["last_name"],
                r["fore_name"],
                r["initials"],
                r["collective_name"],
                tuple(r["affiliations"] or ()),
                r["orcid"],
            )
            for r in kids["pm_author"]
        ),
        publication_types=tuple(PublicationType(r["ui"], r["name"]) for r in kids["pm_pubtype"]),
        mesh_headings=tuple(headings),
        keywords=tuple(head["keywords"] or ()),
        links=tuple(
            ArticleLink(r["ref_type"], r["ref_pmid"], r["ref_source"]) for r in kids["pm_link"]
        ),
    )
