"""A synthetic PubMed corpus for the fake E-utilities server (SYNTHETIC records, not PubMed).

`synthetic_corpus(n)` builds ``n`` records with PMIDs from 70000001 and Entrez dates spread
evenly over a date range, in well under a second for 12,000 records. Topics let a test make
a term match only part of the corpus.
"""

from __future__ import annotations

from collections.abc import Mapping
from datetime import date, timedelta

from evidence.entrez.server import Corpus, CorpusRecord

__all__ = ["FIRST_PMID", "make_record", "synthetic_corpus", "topic_matcher"]

FIRST_PMID = 70_000_001


def make_record(
    pmid: int, edat: date, *, mdat: date | None = None, title: str | None = None
) -> CorpusRecord:
    """One synthetic record; ``mdat`` later than ``edat`` makes it a revised record."""
    mdat = mdat or edat
    title = title or f"Synthetic test record {pmid} on trigger points (not a real article)."
    xml = (
        f'<PubmedArticle><MedlineCitation Status="MEDLINE" Owner="NLM">'
        f'<PMID Version="1">{pmid}</PMID>'
        f"<DateRevised><Year>{mdat.year}</Year><Month>{mdat.month:02d}</Month>"
        f"<Day>{mdat.day:02d}</Day></DateRevised>"
        f'<Article PubModel="Print"><Journal><JournalIssue CitedMedium="Print">'
        f"<PubDate><Year>{edat.year}</Year><Month>{edat.month:02d}</Month></PubDate>"
        f"</JournalIssue><Title>Synthetic Journal of Test Fixtures</Title></Journal>"
        f"<ArticleTitle>{title}</ArticleTitle>"
        f"<Abstract><AbstractText>SYNTHETIC abstract generated for tests; record {pmid}."
        f"</AbstractText></Abstract><Language>eng</Language>"
        f'<PublicationTypeList><PublicationType UI="D016428">Journal Article'
        f"</PublicationType></PublicationTypeList></Article></MedlineCitation>"
        f'<PubmedData><History><PubMedPubDate PubStatus="entrez"><Year>{edat.year}</Year>'
        f"<Month>{edat.month}</Month><Day>{edat.day}</Day></PubMedPubDate></History>"
        f"<PublicationStatus>ppublish</PublicationStatus><ArticleIdList>"
        f'<ArticleId IdType="pubmed">{pmid}</ArticleId></ArticleIdList></PubmedData>'
        f"</PubmedArticle>"
    ).encode()
    return CorpusRecord(pmid=pmid, xml=xml, edat=edat, mdat=mdat, crdt=edat, pdat=edat)


def synthetic_corpus(
    n: int,
    *,
    start: date = date(2000, 1, 1),
    end: date = date(2026, 6, 30),
    topics: Mapping[str, range] | None = None,
) -> Corpus:
    """``n`` records with Entrez dates spread evenly over [start, end].

    ``topics`` maps a search term to a range of record indexes it matches; any other term
    matches every record.
    """
    span = (end - start).days
    records = [
        make_record(FIRST_PMID + i, start + timedelta(days=(i * span) // max(n - 1, 1)))
        for i in range(n)
    ]
    return Corpus(records, topic_matcher(topics) if topics else None)


def topic_matcher(topics: Mapping[str, range]) -> object:
    """A matcher: a term in ``topics`` matches the records whose index is in its range."""
    sets = {term: {FIRST_PMID + i for i in idx} for term, idx in topics.items()}

    def match(term: str, record: CorpusRecord) -> bool:
        chosen = sets.get(term)
        return chosen is None or record.pmid in chosen

    return match
