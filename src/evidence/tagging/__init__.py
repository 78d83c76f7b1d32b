"""Tagging stage: tags every record by intervention, condition, outcome, design, population
and adverse event, and reads what it concludes.

Reads `Article` records and the vocabulary in ``data/vocab/``; writes nothing (the store
writes the tags and findings). Pure functions: the same record and vocabulary always give
the same tags and findings, in the same order.

    >>> vocab = load_vocabulary(Path("data/vocab"))          # doctest: +SKIP
    >>> tags = tag_article(article, vocab)                    # doctest: +SKIP
    >>> findings = extract_findings(article, tags, vocab)     # doctest: +SKIP
"""

from __future__ import annotations

from evidence.tagging.findings import analyse_article, extract_findings
from evidence.tagging.taggers import tag_article
from evidence.tagging.vocabulary import Term, Vocabulary, build_vocabulary, load_vocabulary

__all__ = [
    "TAGGER_VERSION",
    "Term",
    "Vocabulary",
    "analyse_article",
    "build_vocabulary",
    "extract_findings",
    "load_vocabulary",
    "tag_article",
]

# Bump when a rule changes what is tagged or concluded: the warehouse re-tags every record
# tagged by another version (a vocabulary change is caught by its fingerprint).
TAGGER_VERSION = "2.4.0"
