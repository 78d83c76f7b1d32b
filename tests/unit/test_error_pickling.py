"""Errors that cross a process or Dask boundary arrive as the same error, message and all."""

from __future__ import annotations

import pickle
from collections.abc import Callable
from pathlib import Path

import duckdb
import pytest
from distributed.core import clean_exception, error_message
from lxml import etree

from evidence import errors
from evidence.baseline.partition import parse_to_parquet
from evidence.errors import EntrezError, EvidenceError, XmlParseError, portable_errors
from evidence.ingest.pool import parse_piece

CLASSES = sorted(
    (c for c in vars(errors).values() if isinstance(c, type) and issubclass(c, EvidenceError)),
    key=lambda c: c.__name__,
)
BROKEN = b'<?xml version="1.0"?>\n<PubmedArticleSet>\n<PubmedArticle><x></y></PubmedArticle>\n'


def lxml_error() -> Exception:
    try:
        etree.fromstring(b"<a></b>")
    except etree.XMLSyntaxError as exc:
        return exc
    raise AssertionError("lxml parsed a broken document")


def duckdb_error() -> Exception:
    con = duckdb.connect()
    try:
        con.execute("SELEC 1")
    except duckdb.Error as exc:
        return exc
    finally:
        con.close()
    raise AssertionError("duckdb ran a broken statement")


def make(cls: type[EvidenceError], message: str) -> EvidenceError:
    if cls is EntrezError:
        return EntrezError(message, transient=True, retry_after=2.5)
    return cls(message)


def through_dask(exc: BaseException) -> BaseException | None:
    """What a Dask client gets back when a task on a worker raises ``exc``."""
    message = error_message(exc)
    return clean_exception(message["exception"].data)[1]


@pytest.mark.parametrize("cause", [lxml_error, duckdb_error], ids=["lxml", "duckdb"])
@pytest.mark.parametrize("cls", CLASSES, ids=[c.__name__ for c in CLASSES])
def test_every_error_class_crosses_a_process_or_dask_boundary(
    cls: type[EvidenceError], cause: Callable[[], Exception]
) -> None:
    @portable_errors
    def task() -> None:
        try:
            raise cause()
        except Exception as foreign:
            raise make(cls, "x.xml:3: broken") from foreign

    with pytest.raises(cls) as caught:
        task()
    sent = caught.value
    assert sent.__cause__ is None and sent.__context__ is None
    for back in (pickle.loads(pickle.dumps(sent)), through_dask(sent)):
        assert type(back) is cls and str(back) == "x.xml:3: broken"
        assert vars(back) == vars(make(cls, "x.xml:3: broken"))
        assert isinstance(back, EvidenceError) and back.exit_code == cls.exit_code


def test_the_baseline_parse_task_raises_an_error_dask_can_send_back(tmp_path: Path) -> None:
    bad = tmp_path / "pubmed26n0002.xml"
    bad.write_bytes(BROKEN)
    with pytest.raises(XmlParseError) as caught:
        parse_to_parquet(bad, tmp_path / "work", vocab_dir=None)
    back = through_dask(caught.value)
    assert type(back) is XmlParseError and str(back) == str(caught.value)
    assert str(back).startswith(f"{bad}:3: invalid XML")


def test_the_piece_parser_raises_an_error_a_process_pool_can_send_back() -> None:
    with pytest.raises(XmlParseError) as caught:
        parse_piece(BROKEN, "big.xml")
    for back in (pickle.loads(pickle.dumps(caught.value)), through_dask(caught.value)):
        assert type(back) is XmlParseError and str(back) == str(caught.value)
