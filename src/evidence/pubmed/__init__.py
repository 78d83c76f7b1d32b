"""Ingest stage: read PubMed XML (efetch answers, baseline and update files) into records.

`iter_records` is the only entry point: a path, binary stream or bytes in, `Article`,
`BookArticle` and `Deletion` records out, one at a time in constant memory.
"""

from evidence.pubmed.reader import iter_records

__all__ = ["iter_records"]
