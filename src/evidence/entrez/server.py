"""A loopback E-utilities server (acquisition stage, local network edge) over a record corpus.

Serves ``esearch.fcgi``, ``efetch.fcgi`` and ``einfo.fcgi`` for ``db=pubmed`` on 127.0.0.1
with NCBI's observable semantics (entrez-notes §4-§6): WebEnv/query_key history, retstart and
retmax, counts, the 9,999-PMID window with its warning and its ``retstart`` error, date
filters (``datetype``/``mindate``/``maxdate`` and the window clauses that `window_term`
writes) on per-record dates, PMID lists by GET or POST, unknown PMIDs left out silently, and
``<ERROR>`` bodies with HTTP 400 for an empty ID list or a page past the end of a history.

It does not evaluate PubMed query syntax: a `Corpus` decides which records a term matches
(by default all of them). The demo replay (`evidence.entrez.replay`) serves the bundled
sample through it, and the test fake (tests/fakes) adds fault injection on top. Every request
is logged (time, tool, parameters) so that tests can check the pace and what was sent.
"""

from __future__ import annotations

import calendar
import re
import secrets
import threading
import time
from collections.abc import Callable, Iterable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass, field
from datetime import date
from http.server import BaseHTTPRequestHandler, ThreadingHTTPServer
from urllib.parse import parse_qsl, urlsplit

__all__ = [
    "Corpus",
    "CorpusRecord",
    "EutilsApp",
    "EutilsHandler",
    "LoggedRequest",
    "Reply",
    "RunningServer",
    "serve_eutils",
]

WINDOW = 9999
_DATE_FIELDS = ("edat", "mdat", "crdt", "pdat")
_CLAUSE = re.compile(r"(\d{4}/\d{2}/\d{2}):(\d{4}/\d{2}/\d{2})\[(\w+)\]", re.IGNORECASE)
_WINDOWED = re.compile(r"^\((?P<base>.*)\) AND \((?P<clauses>[^()]*)\)$", re.DOTALL)
_PROLOG = b'<?xml version="1.0" encoding="UTF-8" ?>\n'
_SET_DOCTYPE = (
    b'<!DOCTYPE PubmedArticleSet PUBLIC "-//NLM//DTD PubMedArticle, 1st January'
    b' 2025//EN" "https://dtd.nlm.nih.gov/ncbi/pubmed/out/pubmed_250101.dtd">\n'
)


@dataclass(frozen=True, slots=True)
class CorpusRecord:
    """One record the server can return: its ``<PubmedArticle>`` XML and its four dates."""

    pmid: int
    xml: bytes
    edat: date
    mdat: date
    crdt: date
    pdat: date

    def date_of(self, kind: str) -> date:
        return {"edat": self.edat, "mdat": self.mdat, "crdt": self.crdt, "pdat": self.pdat}[
            "pdat" if kind == "dp" else kind
        ]


class Corpus:
    """Records by PMID, safe to change while the server runs (add, revise, remove)."""

    def __init__(
        self,
        records: Iterable[CorpusRecord] = (),
        matcher: Callable[[str, CorpusRecord], bool] | None = None,
    ) -> None:
        self._records = {r.pmid: r for r in records}
        self._lock = threading.Lock()
        self.matcher = matcher

    def __len__(self) -> int:
        return len(self._records)

    def put(self, record: CorpusRecord) -> None:
        """Add a record, or replace it (a revision)."""
        with self._lock:
            self._records = {**self._records, record.pmid: record}

    def get(self, pmid: int) -> CorpusRecord | None:
        return self._records.get(pmid)

    def matching(self, base_term: str) -> list[CorpusRecord]:
        """Records the term matches, newest Entrez date first (PubMed's default order)."""
        records = list(self._records.values())
        if self.matcher is not None:
            records = [r for r in records if self.matcher(base_term, r)]
        return sorted(records, key=lambda r: (r.edat, r.pmid), reverse=True)


@dataclass(frozen=True, slots=True)
class LoggedRequest:
    """One request as the server saw it; ``t`` is ``time.monotonic()`` on arrival."""

    t: float
    method: str
    tool: str
    params: dict[str, str]


@dataclass(frozen=True, slots=True)
class Reply:
    status: int
    body: bytes
    content_type: str = "text/xml; charset=UTF-8"


@dataclass
class EutilsApp:
    """Request parameters in, `Reply` out: the E-utilities semantics without sockets."""

    corpus: Corpus
    histories: dict[str, list[list[int]]] = field(default_factory=dict)
    _lock: threading.Lock = field(default_factory=threading.Lock)

    def handle(self, tool: str, params: dict[str, str]) -> Reply:
        if params.get("db", "pubmed") != "pubmed" and tool != "einfo":
            return _error_reply(tool, f"Invalid db name specified: {params.get('db')}", 200)
        if tool == "esearch":
            return self.esearch(params)
        if tool == "efetch":
            return self.efetch(params)
        if tool == "einfo":
            return self.einfo(params)
        return Reply(404, b"unknown tool", "text/plain")

    def esearch(self, params: dict[str, str]) -> Reply:
        term = params.get("term", "").strip()
        if not term:
            return _error_reply("esearch", "Empty term and query_key - nothing todo", 200)
        base, clauses = _split_window(term)
        hits = [r for r in self.corpus.matching(base) if _in_clauses(r, clauses)]
        datetype = params.get("datetype", "").lower()
        if datetype and params.get("mindate") and params.get("maxdate"):
            lo, hi = _bound(params["mindate"], low=True), _bound(params["maxdate"], low=False)
            hits = [r for r in hits if lo <= r.date_of(datetype) <= hi]
        retstart = _int(params.get("retstart"), 0)
        retmax = _int(params.get("retmax"), 20)
        count = len(hits)
        if retstart > WINDOW - 1 and count > WINDOW:
            return _error_reply(
                "esearch",
                "Search Backend failed: 'retstart' cannot be larger"
                f" than {WINDOW - 1}. For PubMed, ESearch can only retrieve the"
                f" first {WINDOW} records matching the query.",
                200,
            )
        end = min(retstart + retmax, WINDOW, count)
        ids = [r.pmid for r in hits[retstart:end]]
        parts = [
            f"<Count>{count}</Count><RetMax>{len(ids)}</RetMax><RetStart>{retstart}</RetStart>"
        ]
        if params.get("usehistory", "").lower() == "y":
            webenv, key = self._remember(params.get("WebEnv"), [r.pmid for r in hits])
            parts.append(f"<QueryKey>{key}</QueryKey><WebEnv>{webenv}</WebEnv>")
        parts.append("<IdList>" + "".join(f"<Id>{p}</Id>" for p in ids) + "</IdList>")
        parts.append(f"<TranslationSet/><QueryTranslation>{_escape(term)}</QueryTranslation>")
        if count == 0:
            parts.append(
                "<WarningList><OutputMessage>No items found.</OutputMessage></WarningList>"
            )
        elif count > WINDOW and retstart + retmax > WINDOW:
            parts.append(
                "<WarningList><OutputMessage>Restrictions achieved. start and count"
                f" adjusted to {retstart}, {end - retstart}</OutputMessage></WarningList>"
            )
        body = "<eSearchResult>" + "".join(parts) + "</eSearchResult>\n"
        return Reply(200, _PROLOG + body.encode())

    def efetch(self, params: dict[str, str]) -> Reply:
        if params.get("retmode", "xml").lower() != "xml":
            return _error_reply("efetch", "this server serves retmode=xml only", 400)
        if "id" in params:
            raw = [p.strip() for p in params["id"].split(",")]
            wanted = [int(p) for p in raw if p.isdigit()]
            if not wanted:
                return _error_reply(
                    "efetch", "ID list is empty! Possibly it has no correct IDs.", 400
                )
        else:
            key = params.get("query_key", "")
            with self._lock:
                keys = self.histories.get(params.get("WebEnv", ""))
            if keys is None or not key.isdigit() or not 1 <= int(key) <= len(keys):
                return _error_reply(
                    "efetch",
                    "Cannot retrieve history data. query_key:"
                    f" {key}, WebEnv: {params.get('WebEnv')}",
                    400,
                )
            full = keys[int(key) - 1]
            retstart = _int(params.get("retstart"), 0)
            retmax = min(_int(params.get("retmax"), 20), 10_000)
            if retstart >= len(full):
                return _error_reply(
                    "efetch",
                    "Cannot retrieve history data: OUT OF RANGE"
                    f" retstart: {retstart}, retmax: {retmax}, total:"
                    f" {len(full)}",
                    400,
                )
            wanted = full[retstart : retstart + retmax]
        found = [r for p in wanted if (r := self.corpus.get(p)) is not None]
        return Reply(200, render_article_set(r.xml for r in found))

    def einfo(self, params: dict[str, str]) -> Reply:
        if "db" not in params:
            body = "<eInfoResult><DbList><DbName>pubmed</DbName></DbList></eInfoResult>\n"
        else:
            body = (
                f"<eInfoResult><DbInfo><DbName>pubmed</DbName><Count>{len(self.corpus)}"
                "</Count><LastUpdate>"
                f"{date.today():%Y/%m/%d} 00:00</LastUpdate></DbInfo></eInfoResult>\n"
            )
        return Reply(200, _PROLOG + body.encode())

    def _remember(self, webenv: str | None, pmids: list[int]) -> tuple[str, int]:
        with self._lock:
            if not webenv or webenv not in self.histories:
                webenv = f"MCID_{secrets.token_hex(12)}"
                self.histories[webenv] = []
            self.histories[webenv].append(pmids)
            return webenv, len(self.histories[webenv])


def render_article_set(records: Iterable[bytes]) -> bytes:
    """An efetch body: the ``PubmedArticleSet`` document around record elements."""
    return (
        _PROLOG
        + _SET_DOCTYPE
        + b"<PubmedArticleSet>\n"
        + b"\n".join(records)
        + b"\n</PubmedArticleSet>\n"
    )


class EutilsHandler(BaseHTTPRequestHandler):
    """Parses GET and form-POST requests, logs them, answers from the server's app."""

    protocol_version = "HTTP/1.1"
    server: _Server

    def do_GET(self) -> None:
        self._dispatch(dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True)))

    def do_POST(self) -> None:
        length = int(self.headers.get("Content-Length") or 0)
        form = self.rfile.read(length).decode("utf-8", "replace")
        params = dict(parse_qsl(urlsplit(self.path).query, keep_blank_values=True))
        params.update(parse_qsl(form, keep_blank_values=True))
        self._dispatch(params)

    def _dispatch(self, params: dict[str, str]) -> None:
        tool = urlsplit(self.path).path.rsplit("/", 1)[-1].removesuffix(".fcgi")
        entry = LoggedRequest(time.monotonic(), self.command, tool, params)
        with self.server.log_lock:
            self.server.log.append(entry)
        self.answer(entry)

    def answer(self, request: LoggedRequest) -> None:
        """Send the app's reply; a fault-injecting subclass overrides this."""
        self.send_reply(self.server.app.handle(request.tool, request.params))

    def send_reply(self, reply: Reply, *, declared_length: int | None = None) -> None:
        self.send_response(reply.status)
        self.send_header("Content-Type", reply.content_type)
        self.send_header("Content-Length", str(declared_length or len(reply.body)))
        self.end_headers()
        self.wfile.write(reply.body)

    def log_message(self, format: str, *args: object) -> None:
        return  # the request log is self.server.log


class _Server(ThreadingHTTPServer):
    daemon_threads = True

    def __init__(self, app: EutilsApp, handler: type[EutilsHandler]) -> None:
        super().__init__(("127.0.0.1", 0), handler)
        self.app = app
        self.log: list[LoggedRequest] = []
        self.log_lock = threading.Lock()


@dataclass
class RunningServer:
    """A server running in a thread: its base URL, its app and its request log."""

    url: str
    app: EutilsApp
    _server: _Server

    @property
    def log(self) -> list[LoggedRequest]:
        with self._server.log_lock:
            return list(self._server.log)

    def clear_log(self) -> None:
        with self._server.log_lock:
            self._server.log.clear()


@contextmanager
def serve_eutils(
    app: EutilsApp, handler: type[EutilsHandler] = EutilsHandler
) -> Iterator[RunningServer]:
    """Run ``app`` on 127.0.0.1 at a free port until the block ends."""
    server = _Server(app, handler)
    thread = threading.Thread(
        target=server.serve_forever,
        kwargs={"poll_interval": 0.05},
        name="eutils-server",
        daemon=True,
    )
    thread.start()
    host, port = server.server_address[:2]
    try:
        yield RunningServer(f"http://{host!s}:{port}/entrez/eutils/", app, server)
    finally:
        server.shutdown()
        server.server_close()
        thread.join(timeout=5)


def _error_reply(tool: str, message: str, status: int) -> Reply:
    root = {"esearch": "eSearchResult", "efetch": "eFetchResult"}.get(tool, "eInfoResult")
    body = f"<{root}><ERROR>{_escape(message)}</ERROR></{root}>\n"
    return Reply(status, _PROLOG + body.encode())


def _split_window(term: str) -> tuple[str, list[tuple[str, date, date]]]:
    match = _WINDOWED.match(term)
    if match is None or not _CLAUSE.search(match["clauses"]):
        return term, []
    clauses = [
        (f.lower(), _bound(lo, low=True), _bound(hi, low=False))
        for lo, hi, f in _CLAUSE.findall(match["clauses"])
    ]
    return match["base"], clauses


def _in_clauses(record: CorpusRecord, clauses: list[tuple[str, date, date]]) -> bool:
    # The clauses are OR-ed, as `window_term` writes them.
    return not clauses or any(
        lo <= record.date_of(f) <= hi for f, lo, hi in clauses if f in _DATE_FIELDS or f == "dp"
    )


def _bound(text: str, *, low: bool) -> date:
    parts = [int(p) for p in text.strip().split("/") if p.isdigit()]
    year = min(max(parts[0], 1), 9999) if parts else (1 if low else 9999)
    month = parts[1] if len(parts) > 1 else (1 if low else 12)
    day = parts[2] if len(parts) > 2 else (1 if low else calendar.monthrange(year, month)[1])
    return date(year, month, day)


def _int(text: str | None, default: int) -> int:
    return int(text) if text and text.strip().isdigit() else default


def _escape(text: str) -> str:
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
