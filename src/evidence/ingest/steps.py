"""What the parse step hands the writer: a file as ordered steps (ingest engine, shared types).

A `Segment` is one step of a file, in file order: a batch of articles (Arrow tables built by
a worker, with tags when it tagged them; or the parsed records themselves, for a writer in
the same process to upsert and then tag what changed), a DeleteCitation block, or records
that are only counted (book records). A `Parsed` file is those steps with the file's sha256.
Plain data, so that segments travel back from worker processes.
"""

from __future__ import annotations

from collections.abc import Callable, Iterable, Sequence
from dataclasses import dataclass

from evidence.models import Article
from evidence.store.load import Batch

__all__ = ["Parsed", "Segment", "Tally"]


@dataclass(frozen=True, slots=True)
class Segment:
    """One step of a file, in order: a batch of articles, a deletion, or records counted.

    ``batch`` is built (and tagged, when ``batch.tagger_key`` is set) by the parse step;
    ``articles`` are parsed records left for the writer to build and to tag after the upsert
    (only the records that changed). ``records`` and ``books`` count what the step read.
    """

    batch: Batch | None = None
    deletion: tuple[int, ...] = ()
    books: int = 0
    records: int = 0
    articles: Sequence[Article] = ()


@dataclass(slots=True)
class Tally:
    """Records a parse step has read so far, steps or not (for the ledger row of a file
    that fails halfway: it counts the whole records before the fault)."""

    records: int = 0


@dataclass(slots=True)
class Parsed:
    """A file as the writer takes it: its sha256 and its steps in file order.

    ``steps`` may be produced while the writer reads them (a stream, pieces parsed a few
    ahead) or read back from where a worker spilled them (Parquet partitions). ``skipped``:
    the parse step found the file already ingested and produced nothing. ``retry``: the
    steps to load instead when these raise `SplitError` (the file could not be cut into
    pieces). ``finished`` runs once the file is committed or skipped. ``tally``: records
    read so far, when the parse step counts them as it reads. ``retag``: the batches were
    built without tags for a writer that tags (a forced re-ingest, whose records most likely
    load unchanged): if any record changes, the writer loads ``retry`` instead.
    """

    sha256: str
    steps: Iterable[Segment] = ()
    skipped: bool = False
    retry: Callable[[], Parsed] | None = None
    finished: Callable[[], None] | None = None
    tally: Tally | None = None
    retag: bool = False
