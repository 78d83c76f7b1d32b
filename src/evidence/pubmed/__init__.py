"""Ingest stage: read PubMed XML (efetch answers, baseline and update files) into records.

`iter_records` is the entry point: a path, binary stream or bytes in, `Article`,
`BookArticle` and `Deletion` records out, one at a time in constant memory.
`split_records` cuts a big file into self-contained pieces for parallel parsing.
`iter_medline` reads MEDLINE text exports (``PMID- ...``) into the same records.
`parser_path` says whether the compiled record builder or the pure-Python one is in use.
"""

from evidence.pubmed.medline import iter_medline, sniff_medline
from evidence.pubmed.reader import iter_records, parser_path
from evidence.pubmed.split import Piece, SplitError, split_records

__all__ = [
    "Piece",
    "SplitError",
    "iter_medline",
    "iter_records",
    "parser_path",
    "sniff_medline",
    "split_records",
]
