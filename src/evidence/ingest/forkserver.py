"""Imported by the parallel ingest's forkserver alone, before it forks the workers: holds
the vocabulary that the pool asked for, if any (`evidence.ingest.preload`).

A module of its own because the forkserver can only be told to import modules; it comes
after the parse stack and the tagging stage in the forkserver's list, so that those are
whole when the vocabulary loads.
"""

from __future__ import annotations

from evidence.ingest.ahead import no_collection_at_exit
from evidence.ingest.preload import hold_for_workers

hold_for_workers()
no_collection_at_exit()  # what it holds is freed with the process (workers exit with os._exit)
