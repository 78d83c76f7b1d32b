"""Demo mode (acquisition stage): the bundled synthetic sample served as if it were PubMed.

Without ``NCBI_EMAIL`` (and with the default NCBI URL), `acquisition` starts the loopback
server of `evidence.entrez.server` over the records in ``data/sample/*.xml`` and points the
ordinary client at it, so the demo runs the same search, fetch, raw-store and ingest code as
a live pull. The sample records are SYNTHETIC (PMIDs 90000001 and up), so the demo writes to
its own warehouse (``data/demo.duckdb`` unless a database is given) and its own raw folder
(``data/raw/demo/``), never mixing with live data. Reads the sample files; writes nothing.

The replay does not evaluate PubMed query syntax: every query matches every sample record,
then the date filters apply as on NCBI. Files are read in name order and a later file's
version of a record replaces an earlier one, so an update file revises the base sample.
"""

from __future__ import annotations

import gzip
import logging
from collections.abc import Iterator, Sequence
from contextlib import contextmanager
from dataclasses import dataclass, replace
from datetime import date
from pathlib import Path

from lxml import etree

from evidence.config import DEFAULT_ENTREZ_URL, Settings
from evidence.entrez.server import Corpus, CorpusRecord, EutilsApp, serve_eutils
from evidence.errors import InputError

__all__ = ["DEMO_NOTE", "Acquisition", "acquisition", "is_live", "load_sample_corpus"]

log = logging.getLogger(__name__)

DEMO_NOTE = (
    "DEMO MODE: NCBI_EMAIL is not set, so this run uses the bundled SYNTHETIC sample records"
    " (data/sample, PMIDs 90000001+), served by a local replay of the E-utilities; they are"
    " not real PubMed articles. To pull live PubMed, set NCBI_EMAIL=you@example.org (and"
    " optionally NCBI_API_KEY for 10 requests/s) and run again."
)
_MONTHS = {
    m: i
    for i, m in enumerate(
        ("jan", "feb", "mar", "apr", "may", "jun", "jul", "aug", "sep", "oct", "nov", "dec"), 1
    )
}


@dataclass(frozen=True, slots=True)
class Acquisition:
    """Where a sync reads from and writes to: live NCBI, a given URL, or the demo replay."""

    settings: Settings
    raw_root: Path
    mode: str  # live, custom (EVIDENCE_ENTREZ_URL without NCBI_EMAIL), demo
    note: str

    @property
    def demo(self) -> bool:
        return self.mode == "demo"


def is_live(settings: Settings) -> bool:
    """True when a sync should talk to ``settings.entrez_url`` rather than the demo replay."""
    return settings.ncbi_email is not None or settings.entrez_url != DEFAULT_ENTREZ_URL


@contextmanager
def acquisition(settings: Settings) -> Iterator[Acquisition]:
    """The live source, or the demo replay running for the duration of the block.

    Raises:
        InputError: demo mode, but there are no sample files.
    """
    if settings.ncbi_email is not None:
        yield Acquisition(
            settings, settings.raw_dir, "live", f"live E-utilities at {settings.entrez_url}"
        )
        return
    if settings.entrez_url != DEFAULT_ENTREZ_URL:
        yield Acquisition(
            settings,
            settings.raw_dir,
            "custom",
            f"E-utilities at {settings.entrez_url} (no NCBI_EMAIL sent)",
        )
        return
    files = sorted(settings.sample_dir.glob("*.xml")) + sorted(settings.sample_dir.glob("*.xml.gz"))
    if not files:
        raise InputError(
            f"{settings.sample_dir}: no sample files (*.xml) for demo mode;"
            " set NCBI_EMAIL to pull live PubMed"
        )
    corpus = load_sample_corpus(files)
    db_path = settings.db_path
    if db_path == Settings().db_path:
        db_path = settings.data_dir / "demo.duckdb"
    with serve_eutils(EutilsApp(corpus)) as server:
        demo = replace(settings, entrez_url=server.url, db_path=db_path)
        yield Acquisition(demo, settings.raw_dir / "demo", "demo", DEMO_NOTE)


def load_sample_corpus(paths: Sequence[Path]) -> Corpus:
    """The records of PubMed XML files, later files revising (or deleting) earlier ones.

    Raises:
        InputError: a file is not well-formed XML or a record has no PMID.
    """
    records: dict[int, CorpusRecord] = {}
    for path in paths:
        for record in _read_records(path):
            records[record.pmid] = record
        # PubMed no longer serves a record that an update file deletes.
        for pmid in _deleted_pmids(path):
            records.pop(pmid, None)
    return Corpus(records.values())


def _deleted_pmids(path: Path) -> list[int]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as fh:
            return [
                int(text)
                for _, element in etree.iterparse(
                    fh,
                    events=("end",),
                    tag="DeleteCitation",
                    resolve_entities=False,
                    no_network=True,
                    load_dtd=False,
                )
                for text in (p.text for p in element.iter("PMID"))
                if text and text.strip().isdigit()
            ]
    except (etree.XMLSyntaxError, OSError) as exc:
        raise InputError(f"{path}: cannot read sample ({exc})") from exc


def _read_records(path: Path) -> Iterator[CorpusRecord]:
    opener = gzip.open if path.suffix == ".gz" else open
    try:
        with opener(path, "rb") as fh:
            for _, element in etree.iterparse(
                fh,
                events=("end",),
                tag="PubmedArticle",
                resolve_entities=False,
                no_network=True,
                load_dtd=False,
            ):
                yield _record(path, element)
                element.clear(keep_tail=False)
    except (etree.XMLSyntaxError, OSError) as exc:
        raise InputError(f"{path}: cannot read sample ({exc})") from exc


def _record(path: Path, element: etree._Element) -> CorpusRecord:
    pmid_text = element.findtext("MedlineCitation/PMID")
    if pmid_text is None or not pmid_text.strip().isdigit():
        raise InputError(f"{path}:{element.sourceline}: PubmedArticle without PMID")
    history = {
        d.get("PubStatus"): _date(d) for d in element.iterfind("PubmedData/History/PubMedPubDate")
    }
    revised = _date(element.find("MedlineCitation/DateRevised"))
    pub = _date(element.find("MedlineCitation/Article/Journal/JournalIssue/PubDate"))
    edat = history.get("entrez") or history.get("pubmed") or revised or pub or date(2000, 1, 1)
    xml = etree.tostring(element, encoding="UTF-8", xml_declaration=False, with_tail=False)
    return CorpusRecord(
        pmid=int(pmid_text),
        xml=xml,
        edat=edat,
        crdt=history.get("pubmed") or edat,
        mdat=max(d for d in (revised, edat) if d is not None),
        pdat=pub or edat,
    )


def _date(element: etree._Element | None) -> date | None:
    if element is None:
        return None
    year = (element.findtext("Year") or "").strip()
    if not year.isdigit():
        return None
    month_text = (element.findtext("Month") or "1").strip()
    month = int(month_text) if month_text.isdigit() else _MONTHS.get(month_text[:3].lower(), 1)
    day_text = (element.findtext("Day") or "1").strip()
    try:
        return date(int(year), month, int(day_text) if day_text.isdigit() else 1)
    except ValueError:
        return date(int(year), 1, 1)
