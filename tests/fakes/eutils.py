"""A fake NCBI E-utilities server with fault injection, for tests and the benchmark.

Builds on the loopback server of `evidence.entrez.server` (real HTTP on 127.0.0.1, random
port, NCBI semantics, request log) and adds the failures NCBI produces (entrez-notes §3, §6):

=========  ====================================================================
kind       what the client sees
=========  ====================================================================
429        HTTP 429 with NCBI's JSON body and no Retry-After
500/502/503  that status with an HTML body
slow       the answer comes after ``slow_seconds`` (set it above the client timeout)
cut        a body cut off mid-record, with a matching Content-Length
short      Content-Length of the whole body, half of it sent, then the connection closes
error      HTTP 200 whose body is an ``<ERROR>`` (a back-end routing failure)
error400   HTTP 400 wrapping a relayed back-end failure (transient)
bad        HTTP 400 ``<ERROR>Invalid db name specified`` (permanent)
drop       the connection closes with no answer at all
hang       the request blocks until `FakeEutils.release` is called
=========  ====================================================================

Faults are planned per tool (`Fault`), or drawn at random with ``failure_rate`` from a
seeded generator (transient kinds only).
"""

from __future__ import annotations

import json
import random
import socket
import threading
import time
from collections.abc import Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field

from evidence.entrez.server import (
    Corpus,
    EutilsApp,
    EutilsHandler,
    LoggedRequest,
    Reply,
    RunningServer,
    serve_eutils,
)

__all__ = ["TRANSIENT_KINDS", "FakeEutils", "Fault"]

TRANSIENT_KINDS = ("429", "500", "502", "503", "cut", "short", "error", "error400", "drop")


@dataclass
class Fault:
    """Apply ``kind`` to ``times`` requests of ``tool`` after letting ``skip`` through."""

    kind: str
    tool: str = "efetch"
    times: int = 1
    skip: int = 0


@dataclass
class _Plan:
    faults: list[Fault] = field(default_factory=list)
    failure_rate: float = 0.0
    rng: random.Random = field(default_factory=lambda: random.Random(0))
    slow_seconds: float = 1.0
    lock: threading.Lock = field(default_factory=threading.Lock)
    applied: list[tuple[str, str]] = field(default_factory=list)
    gate: threading.Event = field(default_factory=threading.Event)
    hung: threading.Semaphore = field(default_factory=lambda: threading.Semaphore(0))

    def take(self, tool: str) -> str | None:
        with self.lock:
            for fault in self.faults:
                if fault.tool != tool or fault.times <= 0:
                    continue
                if fault.skip > 0:
                    fault.skip -= 1
                    return None
                fault.times -= 1
                self.applied.append((tool, fault.kind))
                return fault.kind
            if self.failure_rate and self.rng.random() < self.failure_rate:
                kind = self.rng.choice(TRANSIENT_KINDS)
                self.applied.append((tool, kind))
                return kind
        return None


class _FaultyHandler(EutilsHandler):
    def answer(self, request: LoggedRequest) -> None:
        plan: _Plan = self.server.plan  # type: ignore[attr-defined]
        kind = plan.take(request.tool)
        if kind is None:
            super().answer(request)
            return
        try:
            self._apply(kind, request, plan)
        except (BrokenPipeError, ConnectionResetError):
            self.close_connection = True

    def _apply(self, kind: str, request: LoggedRequest, plan: _Plan) -> None:
        if kind == "429":
            body = json.dumps(
                {
                    "error": "API rate limit exceeded",
                    "api-key": "127.0.0.1",
                    "count": "4",
                    "limit": "3",
                }
            ).encode()
            self.send_reply(Reply(429, body, "application/json"))
        elif kind in ("500", "502", "503"):
            self.send_reply(
                Reply(int(kind), f"<html>{kind} server error</html>".encode(), "text/html")
            )
        elif kind == "error":
            root = "eSearchResult" if request.tool == "esearch" else "eFetchResult"
            body = (
                f"<{root}><ERROR>Search Backend failed: Couldn't resolve #exLinkSrv2,"
                f" the address table is empty</ERROR></{root}>"
            ).encode()
            self.send_reply(Reply(200, body))
        elif kind == "error400":
            body = (
                b"<eFetchResult><ERROR>Failed to connect to PubOne service: 502 Bad"
                b" Gateway</ERROR></eFetchResult>"
            )
            self.send_reply(Reply(400, body))
        elif kind == "bad":
            self.send_reply(
                Reply(
                    400,
                    b"<eFetchResult><ERROR>Invalid db name specified:"
                    b" pubmedx</ERROR></eFetchResult>",
                )
            )
        elif kind == "drop":
            self.close_connection = True
            self.connection.shutdown(socket.SHUT_RDWR)
        elif kind == "hang":
            plan.hung.release()
            plan.gate.wait()
            self.close_connection = True
        else:
            reply = self.server.app.handle(request.tool, request.params)
            if kind == "slow":
                time.sleep(plan.slow_seconds)
                self.send_reply(reply)
            elif kind == "cut":
                self.send_reply(Reply(reply.status, _cut(reply.body), reply.content_type))
            elif kind == "short":
                self.send_reply(
                    Reply(reply.status, _cut(reply.body), reply.content_type),
                    declared_length=len(reply.body),
                )
                self.close_connection = True
                self.connection.shutdown(socket.SHUT_RDWR)


def _cut(body: bytes) -> bytes:
    """The body cut inside a record (after the middle <PMID> of an article set)."""
    at = body.find(b"<PMID", len(body) // 2)
    return body[: at + 3] if at > 0 else body[: max(len(body) // 2, 1)]


class FakeEutils:
    """The fake server: start it with ``with FakeEutils(corpus) as server:``."""

    def __init__(
        self,
        corpus: Corpus,
        *,
        faults: list[Fault] | None = None,
        failure_rate: float = 0.0,
        seed: int = 0,
        slow_seconds: float = 1.0,
    ) -> None:
        self.corpus = corpus
        self.plan = _Plan(list(faults or []), failure_rate, random.Random(seed), slow_seconds)
        self._running: RunningServer | None = None

    @property
    def url(self) -> str:
        return self._require().url

    @property
    def log(self) -> list[LoggedRequest]:
        return self._require().log

    @property
    def applied(self) -> list[tuple[str, str]]:
        """(tool, fault kind) of every fault served, in order."""
        with self.plan.lock:
            return list(self.plan.applied)

    def add_fault(self, fault: Fault) -> None:
        with self.plan.lock:
            self.plan.faults.append(fault)

    def wait_hung(self, timeout: float = 30.0) -> bool:
        """Block until a request is held by a ``hang`` fault."""
        return self.plan.hung.acquire(timeout=timeout)

    def release(self) -> None:
        """Let every held (``hang``) request go; they close without an answer."""
        self.plan.gate.set()

    def tools(self) -> list[str]:
        return [r.tool for r in self.log]

    def _require(self) -> RunningServer:
        if self._running is None:
            raise RuntimeError("the fake server is not running")
        return self._running

    @contextmanager
    def running(self) -> Iterator[FakeEutils]:
        app = EutilsApp(self.corpus)
        with serve_eutils(app, _FaultyHandler) as server:
            server._server.plan = self.plan  # type: ignore[attr-defined]
            self._running = server
            try:
                yield self
            finally:
                self.release()
                self._running = None

    def __enter__(self) -> FakeEutils:
        self._cm = self.running()
        return self._cm.__enter__()

    def __exit__(self, *exc: object) -> None:
        self._cm.__exit__(None, None, None)
