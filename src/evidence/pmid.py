"""What a PMID is, for every reader of outside data (XML, MEDLINE text, esearch answers).

A PMID is a positive integer that fits the warehouse's ``BIGINT`` columns (and the Arrow
``int64`` columns the loader builds): 1 to 2**63 - 1. PubMed's PMIDs have 8 digits today,
so the upper bound never turns a real record away; it is the storage limit, not a guess at
how far NCBI will count, and anything above it used to surface as an ``OverflowError`` deep
in the loader instead of a message naming the record. 0 and negative numbers are not PMIDs.
Pure: no I/O.
"""

from __future__ import annotations

from evidence.errors import quoted

__all__ = ["MAX_PMID", "parse_pmid", "valid_pmid"]

MAX_PMID = 2**63 - 1
_MAX_DIGITS = len(str(MAX_PMID))


def parse_pmid(text: str) -> int:
    """The PMID written in ``text`` (ASCII digits, surrounding blanks ignored).

    Raises:
        ValueError: ``text`` is empty, not a decimal number, 0, or above `MAX_PMID`; the
            message quotes the value (shortened) and says what is wrong.
    """
    value = text.strip()
    shown = quoted(value)  # escaped and cut: the value comes from the file
    if not value:
        raise ValueError("PMID is empty")
    if not (value.isascii() and value.isdigit()):
        raise ValueError(f"PMID {shown} is not a number")
    digits = value.lstrip("0")
    # Compared by length first: int() of a string of thousands of digits is refused by
    # Python (and slow), and no such number is a PMID anyway.
    if not digits:
        raise ValueError(f"PMID {shown} is not a positive number")
    if len(digits) > _MAX_DIGITS or int(digits) > MAX_PMID:
        raise ValueError(f"PMID {shown} is out of range (largest {MAX_PMID})")
    return int(digits)


def valid_pmid(value: int) -> bool:
    """Whether an integer already read is a PMID (1 to `MAX_PMID`)."""
    return 0 < value <= MAX_PMID
