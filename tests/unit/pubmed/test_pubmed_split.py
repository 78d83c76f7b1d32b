"""The cutter's search for where a piece ends, against its plain definition."""

from __future__ import annotations

import random

import pytest

from evidence.pubmed.split import _END_TAGS, _cut

SETS = sorted(_END_TAGS.items())


def _cut_by_definition(buffer: bytes, ends: tuple[bytes, ...], limit: int) -> int:
    """After the last end tag (of any kind) lying wholly within ``limit`` bytes, else after
    the first one that starts beyond; 0 when the buffer is shorter than ``limit`` or has
    none of either (one across the limit is not cut after: more input may follow)."""
    if len(buffer) < limit:
        return 0
    within = [
        at + len(tag)
        for tag in ends
        for at in range(len(buffer))
        if buffer.startswith(tag, at) and at + len(tag) <= limit
    ]
    if within:
        return max(within)
    beyond = [
        at + len(tag)
        for tag in ends
        for at in range(limit, len(buffer))
        if buffer.startswith(tag, at)
    ]
    return min(beyond, default=0)


@pytest.mark.parametrize(("root", "ends"), SETS, ids=[root for root, _ in SETS])
def test_the_cut_is_after_the_last_end_tag_within_the_limit(
    root: str, ends: tuple[bytes, ...]
) -> None:
    rng = random.Random(16)
    fillers = [b"x", b"<a>", b"</b>", b" ", b"</Pubmed", b"Citation>", b"<", b">"]
    for _ in range(3000):
        parts = [
            rng.choice(ends) if rng.random() < 0.25 else rng.choice(fillers)
            for _ in range(rng.randrange(0, 12))
        ]
        buffer = b"".join(parts)
        limit = rng.randrange(0, len(buffer) + 2)
        assert _cut(buffer, ends, limit) == _cut_by_definition(buffer, ends, limit), (
            buffer,
            limit,
        )
