"""No network fails at once in one line, and nothing (client or Prefect) retries it.

Name resolution is failed by an injected resolver for ``*.invalid`` hosts: the real lookup
also fails fast here, but it asks the configured name server, which is not loopback.
"""

from __future__ import annotations

import socket
from collections.abc import Callable
from typing import Any

import pytest
from fakes.corpus import synthetic_corpus
from fakes.entrez_setup import query_set
from fakes.eutils import FakeEutils, Fault
from prefect.states import Failed

from evidence import pipeline
from evidence.config import Settings
from evidence.entrez import EntrezClient, EntrezOptions, retry_if_transient
from evidence.errors import EntrezError

OPTIONS = EntrezOptions(rate=1000.0, backoff=60.0, backoff_max=300.0, max_tries=6, workers=1)


@pytest.fixture
def no_dns(monkeypatch: pytest.MonkeyPatch) -> list[str]:
    """Every lookup of a ``.invalid`` host fails as with no network; returns the hosts asked."""
    real = socket.getaddrinfo
    asked: list[str] = []

    def getaddrinfo(host: Any, *args: Any, **kwargs: Any) -> Any:
        if isinstance(host, str) and host.endswith(".invalid"):
            asked.append(host)
            raise socket.gaierror(socket.EAI_NONAME, "Name or service not known")
        return real(host, *args, **kwargs)

    monkeypatch.setattr(socket, "getaddrinfo", getaddrinfo)
    return asked


def test_unresolvable_host_fails_at_once_in_one_line(
    make_settings: Callable[..., Settings], no_dns: list[str]
) -> None:
    waits: list[float] = []
    settings = make_settings(
        "https://eutils.nonexistent.invalid/entrez/eutils/",
        ncbi_email="someone@example.org",
        ncbi_api_key="offline-key-1234",
    )
    client = EntrezClient(settings, OPTIONS, sleep=waits.append)
    with pytest.raises(EntrezError) as info:
        pipeline.fetch(settings, query_set("x"), client=client)
    message = str(info.value)
    assert client.requests_made == 1
    assert waits == []
    assert no_dns == ["eutils.nonexistent.invalid"]
    assert not info.value.transient
    assert "\n" not in message
    assert message.endswith(
        "esearch: cannot reach eutils.nonexistent.invalid: name resolution failed (no network?)"
    )
    assert "offline-key-1234" not in message
    # Prefect's retry predicate of the fetch task does not retry it either
    assert retry_if_transient(None, None, Failed(data=info.value)) is False


def test_connection_refused_fails_at_once(make_settings: Callable[..., Settings]) -> None:
    with socket.socket() as sock:  # a loopback port that nothing listens on
        sock.bind(("127.0.0.1", 0))
        port = sock.getsockname()[1]
    waits: list[float] = []
    settings = make_settings(f"http://127.0.0.1:{port}/entrez/eutils/")
    client = EntrezClient(settings, OPTIONS, sleep=waits.append)
    with pytest.raises(EntrezError) as info:
        client.einfo(label="reachability")
    assert client.requests_made == 1
    assert waits == []
    assert not info.value.transient
    assert str(info.value) == "reachability: einfo: cannot reach 127.0.0.1: connection refused"
    assert retry_if_transient(None, None, Failed(data=info.value)) is False


@pytest.mark.parametrize("kind", ["drop", "503", "429", "short"])
def test_transient_faults_keep_their_retries(
    make_settings: Callable[..., Settings], kind: str
) -> None:
    waits: list[float] = []
    # a tiny backoff: a 429 also pauses the (real) rate limiter for the backoff
    options = EntrezOptions(rate=1000.0, backoff=0.001, backoff_max=0.01, max_tries=6)
    with FakeEutils(synthetic_corpus(10), faults=[Fault(kind, tool="einfo", times=9)]) as fake:
        client = EntrezClient(make_settings(fake.url), options, sleep=waits.append)
        with pytest.raises(EntrezError) as info:
            client.einfo()
    assert client.requests_made == 6
    assert len(waits) == 5
    assert info.value.transient
    assert retry_if_transient(None, None, Failed(data=info.value)) is True
