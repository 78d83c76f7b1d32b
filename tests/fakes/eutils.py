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
redirect   HTTP 307 to ``redirect_to`` (plus the tool's path and a ``?session=`` query
           string), which asks a client to re-send the POST body there
=========  ====================================================================

Faults are planned per tool (`Fault`), or drawn at random with ``failure_rate`` from a
seeded generator (transient kinds only). `Recorder` is a second loopback server that keeps
every request it receives whole (method, path, headers, body): point ``redirect_to`` at it to
see what a client would give away by following a redirect.
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
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer

from evidence.entrez.server import (
    Corpus,
    EutilsApp,
    EutilsHandler,
    LoggedRequest,
    Reply,
    RunningServer,
    serve_eutils,
)

__all__ = ["TRANSIENT_KINDS", "FakeEutils", "Fault", "Recorder"]

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
    redirect_to: str = "http://127.0.0.1:9/"
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
        elif kind == "redirect":
            location = f"{plan.redirect_to.rstrip('/')}/{request.tool}.fcgi?session=s3cr3t-sess"
            self.send_response(307)
            self.send_header("Location", location)
            self.send_header("Content-Length", "0")
            self.end_headers()
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
        redirect_to: str = "http://127.0.0.1:9/",
    ) -> None:
        self.corpus = corpus
        self.plan = _Plan(
            list(faults or []), failure_rate, random.Random(seed), slow_seconds, redirect_to
        )
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


@dataclass(frozen=True)
class Received:
    """One request as a `Recorder` got it."""

    method: str
    path: str
    headers: str
    body: bytes

    def raw(self) -> bytes:
        """Everything the client sent, as bytes (for "does it contain ..." checks)."""
        return f"{self.method} {self.path}\n{self.headers}".encode() + self.body


class _RecordingHandler(BaseHTTPRequestHandler):
    protocol_version = "HTTP/1.1"
    server: _RecordingServer

    def _record(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        body = self.rfile.read(length) if length else b""
        with self.server.lock:
            self.server.received.append(Received(self.command, self.path, str(self.headers), body))
        self.send_response(200)
        self.send_header("Content-Type", "text/xml")
        self.send_header("Content-Length", "0")
        self.end_headers()

    do_GET = do_POST = do_PUT = do_HEAD = _record

    def log_message(self, format: str, *args: object) -> None:
        return


class _RecordingServer(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self) -> None:
        super().__init__(("127.0.0.1", 0), _RecordingHandler)
        self.received: list[Received] = []
        self.lock = threading.Lock()


class Recorder:
    """A loopback HTTP server that answers 200 to anything and keeps what it received:
    ``with Recorder() as rec: ... rec.url ... rec.received``."""

    def __init__(self) -> None:
        self._server = _RecordingServer()
        self._thread = threading.Thread(
            target=self._server.serve_forever, kwargs={"poll_interval": 0.05}, daemon=True
        )

    @property
    def url(self) -> str:
        host, port = self._server.server_address[:2]
        return f"http://{host!s}:{port}/"

    @property
    def received(self) -> list[Received]:
        with self._server.lock:
            return list(self._server.received)

    def __enter__(self) -> Recorder:
        self._thread.start()
        return self

    def __exit__(self, *exc: object) -> None:
        self._server.shutdown()
        self._server.server_close()
        self._thread.join(timeout=5)
