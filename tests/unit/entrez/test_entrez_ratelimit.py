"""The shared rate limiter, driven by a fake clock: slots are spaced, threads share them."""

from __future__ import annotations

import itertools
import threading

import pytest

from evidence.entrez.ratelimit import RateLimiter, ncbi_rate


@pytest.mark.parametrize(("key", "rate"), [(None, 3.0), ("k", 10.0)], ids=["no-key", "key"])
def test_ncbi_rate_depends_on_api_key(key: str | None, rate: float) -> None:
    assert ncbi_rate(key) == rate


def test_sequential_acquires_are_spaced_by_the_interval() -> None:
    clock = [0.0]

    def sleep(seconds: float) -> None:
        clock[0] += seconds

    limiter = RateLimiter(3.0, headroom=0.0, clock=lambda: clock[0], sleep=sleep)
    starts = []
    for _ in range(7):
        limiter.acquire()
        starts.append(clock[0])
    gaps = [b - a for a, b in itertools.pairwise(starts)]
    assert gaps == pytest.approx([1 / 3] * 6)


def test_threads_share_one_schedule() -> None:
    """Eight threads, 40 acquires, a frozen clock: the reserved slots never collide."""
    waits: list[float] = []
    lock = threading.Lock()

    def record(seconds: float) -> None:
        with lock:
            waits.append(seconds)

    limiter = RateLimiter(10.0, headroom=0.0, clock=lambda: 100.0, sleep=record)
    threads = [
        threading.Thread(target=lambda: [limiter.acquire() for _ in range(5)]) for _ in range(8)
    ]
    for t in threads:
        t.start()
    for t in threads:
        t.join()
    # With time frozen, each reservation waits one interval longer than the one before.
    slots = sorted([0.0, *waits])
    assert len(slots) == 40
    assert [round(b - a, 9) for a, b in itertools.pairwise(slots)] == [0.1] * 39


def test_headroom_slows_the_pace_slightly() -> None:
    assert RateLimiter(10.0, headroom=0.03).interval == pytest.approx(1 / 9.7)


def test_pause_holds_back_the_next_slot() -> None:
    clock = [0.0]

    def sleep(seconds: float) -> None:
        clock[0] += seconds

    limiter = RateLimiter(10.0, headroom=0.0, clock=lambda: clock[0], sleep=sleep)
    limiter.acquire()
    limiter.pause(2.0)
    assert limiter.acquire() == pytest.approx(2.0)


@pytest.mark.parametrize("bad", [{"rate": 0.0}, {"rate": 3.0, "headroom": 1.0}], ids=str)
def test_invalid_limiter_settings_are_refused(bad: dict[str, float]) -> None:
    with pytest.raises(ValueError):
        RateLimiter(**bad)
