"""Request pacing for NCBI E-utilities (acquisition stage, no I/O but the injected clock).

NCBI allows 3 requests per second per IP without an API key and 10 with one, counted across
all E-utilities together (entrez-notes §3). One `RateLimiter` is shared by every thread of a
sync: each caller reserves the next free slot under a lock and then sleeps until it, so
requests start at least ``1 / rate`` seconds apart however many threads there are. The clock
and the sleep are injected so that tests can drive the limiter without waiting.
"""

from __future__ import annotations

import threading
import time
from collections.abc import Callable

__all__ = ["NCBI_RATE_NO_KEY", "NCBI_RATE_WITH_KEY", "RateLimiter", "ncbi_rate"]

NCBI_RATE_NO_KEY = 3.0
NCBI_RATE_WITH_KEY = 10.0


def ncbi_rate(api_key: str | None) -> float:
    """The request rate NCBI permits: 10/s with an API key, 3/s without."""
    return NCBI_RATE_WITH_KEY if api_key else NCBI_RATE_NO_KEY


class RateLimiter:
    """At most ``rate`` request starts per second, shared safely between threads.

    ``headroom`` (default 3 %) keeps the pace slightly under the limit, because requests
    that leave the client evenly spaced can arrive at the server a little closer together.

    >>> clock = [0.0]
    >>> def advance(seconds: float) -> None:
    ...     clock[0] += seconds
    >>> limiter = RateLimiter(2.0, headroom=0.0, clock=lambda: clock[0], sleep=advance)
    >>> [limiter.acquire() for _ in range(3)], clock[0]
    ([0.0, 0.5, 0.5], 1.0)
    """

    def __init__(
        self,
        rate: float,
        *,
        headroom: float = 0.03,
        clock: Callable[[], float] = time.monotonic,
        sleep: Callable[[float], None] = time.sleep,
    ) -> None:
        if rate <= 0:
            raise ValueError(f"rate must be positive, got {rate}")
        if not 0 <= headroom < 1:
            raise ValueError(f"headroom must be in [0, 1), got {headroom}")
        self.rate = rate
        self.interval = 1.0 / (rate * (1.0 - headroom))
        self._clock = clock
        self._sleep = sleep
        self._lock = threading.Lock()
        self._next: float | None = None

    def acquire(self) -> float:
        """Wait for the next free slot; returns how long this caller waited, in seconds."""
        with self._lock:
            now = self._clock()
            slot = now if self._next is None else max(now, self._next)
            self._next = slot + self.interval
        wait = slot - now
        if wait > 0:
            self._sleep(wait)
        return wait

    def pause(self, seconds: float) -> None:
        """Hold back every thread for ``seconds`` from now (after NCBI answered 429)."""
        if seconds <= 0:
            return
        with self._lock:
            until = self._clock() + seconds
            if self._next is None or self._next < until:
                self._next = until
