"""The E-utilities client (acquisition stage, network edge): esearch, efetch, einfo.

Talks HTTP to ``Settings.entrez_url`` (NCBI, the test fake or the demo replay) through
`requests`, one `requests.Session` per thread, paced by one shared `RateLimiter`. It returns
bodies only after `evidence.entrez.responses` has checked them whole, and writes nothing.

Every request is a form POST: NCBI accepts POST for all E-utilities (EDirect sends
everything that way), it avoids HTTP 414 on long ID lists (entrez-notes §5), and it keeps
``api_key`` and ``email`` out of URLs, so they never show up in urllib3's debug log or in
exception texts. Redirects are never followed: NCBI does not redirect these POSTs, and
`requests` would re-send the body, key and email included, to wherever a 307 or 308 points;
a redirect is a permanent `EntrezError` naming its target without the query string.

Retries, with exponential backoff and jitter, cover 429 (NCBI sends a JSON body and no
Retry-After), 5xx, timeouts, dropped connections, cut-off bodies and transient ``<ERROR>``
bodies; other 4xx fail at once, and so does a connection that cannot be opened at all (the
host name does not resolve, the network is unreachable, the connection is refused): that is
no network, which minutes of retrying do not mend, so it is one permanent line at once.
After ``max_tries`` the caller gets an `EntrezError` naming the query and batch, with
``transient`` set.

Bio.Entrez is not used here: it hard-codes the NCBI URL, keeps email and key in module
globals and retries neither cut-off bodies nor ``<ERROR>`` answers.
"""

from __future__ import annotations

import errno
import random
import socket
import threading
import time
from collections.abc import Callable, Mapping, Sequence
from dataclasses import dataclass
from typing import TypeVar
from urllib.parse import urljoin, urlsplit

import requests
from urllib3.exceptions import NameResolutionError

from evidence.config import Settings
from evidence.entrez.ratelimit import RateLimiter, ncbi_rate
from evidence.entrez.responses import (
    FetchedBatch,
    ResponseProblem,
    SearchResult,
    check_efetch,
    check_einfo,
    error_is_transient,
    error_message,
    parse_esearch,
)
from evidence.errors import EntrezError

__all__ = ["REDACTED", "EntrezClient", "EntrezOptions", "FetchResponse", "redact_params"]

REDACTED = "REDACTED"
_SECRET_PARAMS = ("api_key", "email")
T = TypeVar("T")
_UNREACHABLE = frozenset({errno.ENETUNREACH, errno.EHOSTUNREACH, errno.ENETDOWN})


@dataclass(frozen=True, slots=True)
class EntrezOptions:
    """How a sync talks to E-utilities. The defaults suit NCBI.

    >>> EntrezOptions(batch_size=200).batch_size
    200
    """

    batch_size: int = 500  # records per efetch: 10,000 records in 20 requests
    max_tries: int = 6
    backoff: float = 1.0  # first retry after about this many seconds, then doubling
    backoff_max: float = 30.0
    connect_timeout: float = 10.0
    read_timeout: float = 120.0
    workers: int = 3  # threads fetching batches; the limiter keeps them under the rate
    overlap_days: int = 3  # an incremental window starts this many days before the last run
    rate: float | None = None  # requests per second; None: what NCBI permits for the key

    def __post_init__(self) -> None:
        if not 1 <= self.batch_size <= 10_000:
            raise ValueError(f"batch_size must be 1..10000 (efetch limit), got {self.batch_size}")
        if self.max_tries < 1 or self.workers < 1 or self.overlap_days < 0:
            raise ValueError("max_tries and workers must be >= 1, overlap_days >= 0")


@dataclass(frozen=True, slots=True)
class FetchResponse:
    """A whole efetch body, what it holds, and its request parameters with secrets redacted."""

    body: bytes
    batch: FetchedBatch
    params: dict[str, str]


def redact_params(params: Mapping[str, str]) -> dict[str, str]:
    """The parameters with ``api_key`` and ``email`` replaced, fit to store or log.

    >>> redact_params({"db": "pubmed", "api_key": "k", "email": "a@b"})
    {'db': 'pubmed', 'api_key': 'REDACTED', 'email': 'REDACTED'}
    """
    return {k: (REDACTED if k in _SECRET_PARAMS else v) for k, v in params.items()}


class _Retry(Exception):
    """One failed try that may succeed when repeated."""

    def __init__(self, message: str, *, rate_limited: bool = False) -> None:
        super().__init__(message)
        self.rate_limited = rate_limited


class EntrezClient:
    """E-utilities over HTTP for one sync: shared pacing, retries, whole bodies only."""

    def __init__(
        self,
        settings: Settings,
        options: EntrezOptions | None = None,
        *,
        limiter: RateLimiter | None = None,
        sleep: Callable[[float], None] = time.sleep,
        rng: random.Random | None = None,
    ) -> None:
        self.options = options or EntrezOptions()
        self.base_url = settings.entrez_url.rstrip("/") + "/"
        self.limiter = limiter or RateLimiter(self.options.rate or ncbi_rate(settings.ncbi_api_key))
        self._ident = {"tool": settings.ncbi_tool}
        if settings.ncbi_email:
            self._ident["email"] = settings.ncbi_email
        if settings.ncbi_api_key:
            self._ident["api_key"] = settings.ncbi_api_key
        self._secrets = [v for k, v in self._ident.items() if k in _SECRET_PARAMS and v]
        self._sleep = sleep
        self._rng = rng or random.Random()
        self._local = threading.local()
        self._sessions: list[requests.Session] = []
        self._count_lock = threading.Lock()
        self.requests_made = 0

    # -- the three tools -------------------------------------------------------------------

    def esearch(
        self,
        term: str,
        *,
        label: str,
        retmax: int = 9999,
        retstart: int = 0,
        usehistory: bool = True,
        datetype: str | None = None,
        mindate: str | None = None,
        maxdate: str | None = None,
    ) -> SearchResult:
        """One esearch on PubMed; with ``datetype`` both ``mindate`` and ``maxdate`` apply."""
        params = {"db": "pubmed", "term": term, "retmax": str(retmax), "retstart": str(retstart)}
        if usehistory:
            params["usehistory"] = "y"
        if datetype:
            params.update(datetype=datetype, mindate=mindate or "", maxdate=maxdate or "")
        _, result = self._call("esearch", params, parse_esearch, label=label)
        return result

    def efetch_history(
        self, webenv: str, query_key: str, retstart: int, retmax: int, *, label: str
    ) -> FetchResponse:
        """One page of a search kept on the history server of this same run."""
        params = {
            "db": "pubmed",
            "WebEnv": webenv,
            "query_key": query_key,
            "retstart": str(retstart),
            "retmax": str(retmax),
        }
        return self._efetch(params, label=label)

    def efetch_ids(self, pmids: Sequence[int], *, label: str) -> FetchResponse:
        """The records of an explicit PMID list (a resumed batch or a de-duplicated one)."""
        if not pmids:
            raise ValueError("efetch_ids needs at least one PMID")
        params = {"db": "pubmed", "id": ",".join(str(p) for p in pmids)}
        return self._efetch(params, label=label)

    def einfo(self, *, label: str = "einfo") -> int:
        """The number of records in PubMed (a cheap reachability check)."""
        _, count = self._call("einfo", {"db": "pubmed"}, check_einfo, label=label)
        return count

    def close(self) -> None:
        """Close the HTTP sessions of every thread that used this client."""
        with self._count_lock:
            sessions, self._sessions = self._sessions, []
        for session in sessions:
            session.close()
        self._local = threading.local()

    # -- the retry loop --------------------------------------------------------------------

    def _efetch(self, params: dict[str, str], *, label: str) -> FetchResponse:
        params.update(retmode="xml", rettype="abstract")
        body, batch = self._call("efetch", params, check_efetch, label=label)
        return FetchResponse(body, batch, redact_params({**params, **self._ident}))

    def _call(
        self, tool: str, params: dict[str, str], check: Callable[[bytes], T], *, label: str
    ) -> tuple[bytes, T]:
        url = f"{self.base_url}{tool}.fcgi"
        data = {**params, **self._ident}
        last = ""
        for attempt in range(1, self.options.max_tries + 1):
            try:
                body = self._post(url, data)
                return body, self._accept(body, check)
            except _Retry as exc:
                last = self._scrub(str(exc))
                if attempt == self.options.max_tries:
                    break
                delay = self._backoff(attempt)
                if exc.rate_limited:
                    self.limiter.pause(delay)  # the whole process is over the limit
                self._sleep(delay)
            except EntrezError as exc:
                raise EntrezError(
                    f"{label}: {tool}: {self._scrub(str(exc))}", transient=exc.transient
                ) from None
        raise EntrezError(
            f"{label}: {tool} failed after {self.options.max_tries} tries; last: {last}",
            transient=True,
        )

    def _post(self, url: str, data: dict[str, str]) -> bytes:
        self.limiter.acquire()
        with self._count_lock:
            self.requests_made += 1
        timeout = (self.options.connect_timeout, self.options.read_timeout)
        try:
            response = self._session().post(url, data=data, timeout=timeout, allow_redirects=False)
            body = response.content
        except requests.Timeout as exc:
            raise _Retry(f"timed out ({type(exc).__name__})") from None
        except requests.ConnectionError as exc:
            if (why := _unreachable(exc)) is not None:
                host = urlsplit(url).hostname or url
                raise EntrezError(f"cannot reach {host}: {why}", transient=False) from None
            raise _Retry(f"connection broken ({type(exc).__name__})") from None
        except requests.exceptions.ChunkedEncodingError as exc:
            raise _Retry(f"connection broken ({type(exc).__name__})") from None
        except requests.RequestException as exc:
            # The exception text can hold the URL; never chain it (secrets, see module doc).
            raise EntrezError(f"request failed: {type(exc).__name__}") from None
        status = response.status_code
        if status == 429:
            raise _Retry(
                f"HTTP 429 rate limited ({error_message(body) or 'no body'})", rate_limited=True
            )
        if status >= 500:
            raise _Retry(f"HTTP {status}")
        if 300 <= status < 400:
            target = _origin_and_path(urljoin(url, response.headers.get("Location", "")))
            raise EntrezError(
                f"HTTP {status}: redirected to {target}; not followed (it would re-send the"
                " request, with the API key and email, elsewhere)",
                transient=False,
            )
        if status >= 400:
            message = error_message(body)
            if message is not None and error_is_transient(message):
                raise _Retry(f"HTTP {status}: {message}")
            raise EntrezError(f"HTTP {status}: {message or response.reason}", transient=False)
        return body

    @staticmethod
    def _accept(body: bytes, check: Callable[[bytes], T]) -> T:
        try:
            return check(body)
        except ResponseProblem as exc:
            if exc.transient:
                raise _Retry(str(exc)) from None
            raise EntrezError(str(exc), transient=False) from None

    def _backoff(self, attempt: int) -> float:
        ceiling = min(self.options.backoff_max, self.options.backoff * 2.0 ** (attempt - 1))
        return ceiling * (0.5 + self._rng.random() / 2)  # "equal jitter": half fixed, half random

    def _session(self) -> requests.Session:
        session: requests.Session | None = getattr(self._local, "session", None)
        if session is None:
            session = requests.Session()
            session.headers["User-Agent"] = f"{self._ident['tool']} (python-requests)"
            self._local.session = session
            with self._count_lock:
                self._sessions.append(session)
        return session

    def _scrub(self, text: str) -> str:
        for secret in self._secrets:
            text = text.replace(secret, REDACTED)
        return text


def _unreachable(exc: BaseException) -> str | None:
    """Why no connection could be opened at all (no network, no such host, nothing
    listening), or None when the failure may pass (a connection dropped or reset mid-way).

    Looks through the chain requests -> urllib3 -> socket for the error that stopped the
    connect: name resolution (``socket.gaierror``), a refused connection, or an unreachable
    network or host.
    """
    seen: set[int] = set()
    stack: list[BaseException] = [exc]
    while stack:
        error = stack.pop()
        if id(error) in seen:
            continue
        seen.add(id(error))
        if isinstance(error, NameResolutionError | socket.gaierror):
            return "name resolution failed (no network?)"
        if isinstance(error, ConnectionRefusedError):
            return "connection refused"
        if isinstance(error, OSError) and error.errno in _UNREACHABLE:
            return "network unreachable (no network?)"
        stack.extend(a for a in error.args if isinstance(a, BaseException))
        stack.extend(
            e
            for e in (getattr(error, "reason", None), error.__cause__, error.__context__)
            if isinstance(e, BaseException)
        )
    return None


def _origin_and_path(url: str) -> str:
    """``url`` without user info, query string or fragment, fit for a message.

    >>> _origin_and_path("http://u:p@host:8080/a/b.fcgi?key=1#x")
    'http://host:8080/a/b.fcgi'
    """
    parts = urlsplit(url)
    host = parts.hostname or ""
    if ":" in host:
        host = f"[{host}]"
    try:
        port = f":{parts.port}" if parts.port is not None else ""
    except ValueError:
        port = ""
    return f"{parts.scheme}://{host}{port}{parts.path}" if parts.scheme else parts.path
