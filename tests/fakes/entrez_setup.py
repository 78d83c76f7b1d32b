"""Shared set-up for the Entrez tests: fast client options and a query-set builder."""

from __future__ import annotations

from evidence.entrez import EntrezOptions, Query, QuerySet

# Fast but real: no waiting on backoff, a short read timeout for the "slow" fault.
FAST = EntrezOptions(
    rate=1000.0, backoff=0.001, backoff_max=0.01, read_timeout=0.5, max_tries=4, batch_size=500
)


def query_set(*terms: str, name: str = "test") -> QuerySet:
    """A query set with one query per term, named q0, q1, ..."""
    return QuerySet(
        name=name, queries=tuple(Query(name=f"q{i}", term=t) for i, t in enumerate(terms))
    )
