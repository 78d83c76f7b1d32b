"""A synthetic update of an existing warehouse, for tests of what re-checking sees."""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace
from datetime import date

from evidence.config import Settings
from evidence.ingest import make_tagger
from evidence.models import Deletion, PublicationType
from evidence.store import connect, load_articles, publishing, upsert_records


def update_warehouse(
    settings: Settings, *, retract: Iterable[int] = (), delete: Iterable[int] = ()
) -> None:
    """A synthetic update of a warehouse: newer copies of ``retract`` marked 'Retracted
    Publication', and a DeleteCitation of ``delete``, loaded (and re-tagged) the way
    `evidence ingest` loads an update file, inside the publishing scope that checks use."""
    with publishing(settings.db_path) as work:
        con = connect(work.path)
        try:
            retracted = [
                replace(
                    a,
                    date_revised=date(2026, 6, 1),
                    publication_types=(
                        *a.publication_types,
                        PublicationType("D016441", "Retracted Publication"),
                    ),
                )
                for a in load_articles(con, list(retract))
            ]
            deletions = [Deletion(tuple(delete))] if delete else []
            upsert_records(
                con,
                [*retracted, *deletions],
                source="synthetic-update",
                tagger=make_tagger(settings),
            )
        finally:
            con.close()
