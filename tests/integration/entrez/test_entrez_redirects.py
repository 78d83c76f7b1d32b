"""A redirect never carries the API key or email anywhere: the client refuses to follow it."""

from __future__ import annotations

from collections.abc import Callable

import pytest
from fakes.corpus import synthetic_corpus
from fakes.entrez_setup import FAST, query_set
from fakes.eutils import FakeEutils, Fault, Recorder

from evidence import pipeline
from evidence.config import Settings
from evidence.errors import EntrezError

SECRET_KEY = "sekrit-api-key-0307"
SECRET_EMAIL = "redirect.victim@example.org"


@pytest.mark.parametrize("tool", ["esearch", "efetch"])
def test_redirect_to_another_origin_is_refused_and_sends_nothing(
    make_settings: Callable[..., Settings], tool: str
) -> None:
    with Recorder() as elsewhere:
        fake = FakeEutils(
            synthetic_corpus(100), faults=[Fault("redirect", tool=tool)], redirect_to=elsewhere.url
        )
        with fake:
            settings = make_settings(fake.url, ncbi_api_key=SECRET_KEY, ncbi_email=SECRET_EMAIL)
            with pytest.raises(EntrezError) as info:
                pipeline.fetch(settings, query_set("x"), options=FAST)
            asked = fake.tools()
        received = elsewhere.received
    assert fake.applied == [(tool, "redirect")]
    # the other origin got nothing at all, so certainly not the key or the email
    assert received == []
    leaked = [
        r for r in received if SECRET_KEY.encode() in r.raw() or b"redirect.victim" in r.raw()
    ]
    assert leaked == []
    # a clear, permanent, one-line error naming the target without its query string
    message = str(info.value)
    assert not info.value.transient
    assert "\n" not in message
    assert f"redirected to {elsewhere.url}{tool}.fcgi" in message
    assert "s3cr3t-sess" not in message and "?" not in message
    assert SECRET_KEY not in message and SECRET_EMAIL not in message
    assert asked.count(tool) == 1  # not retried
