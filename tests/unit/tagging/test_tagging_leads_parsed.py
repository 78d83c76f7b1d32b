"""A pattern's parse tree is kept between the readings of it (`leads._parsed`): reading a
pattern again, in any order and after the others, gives what a first reading gives."""

from __future__ import annotations

from evidence.tagging import leads
from evidence.tagging.leads import pattern_prefixes, required_texts

PATTERNS = [
    r"to (?:update|develop) the",
    r"pre[\s-]?post(?:s|es)?",
    r"pain (?:fell|rose) (?:sharply|a lot)",
    r"(?i)reduc\w*",
    r"(?<!no )improv(?:ed|ement)",
    r"bad(",  # does not parse
]


def _read(pattern: str) -> tuple[object, ...]:
    return (
        pattern_prefixes(pattern),
        pattern_prefixes(pattern, runs=False),
        required_texts(pattern),
    )


def test_a_pattern_read_again_reads_the_same() -> None:
    leads._parsed.cache_clear()
    first = {p: _read(p) for p in PATTERNS}
    assert leads._parsed.cache_info().currsize == len(PATTERNS)
    again = {p: _read(p) for p in reversed(PATTERNS)}
    assert again == first
    leads._parsed.cache_clear()
    fresh = {p: _read(p) for p in PATTERNS}
    assert fresh == first
    assert first[r"pain (?:fell|rose) (?:sharply|a lot)"][2] == (
        ("pain ",),
        ("a lot", "sharply"),
        ("fell", "rose"),
    )
    assert first["to (?:update|develop) the"][0] == ("to develop the", "to update the")
    assert first["bad("] == (None, None, ())
    assert first[r"(?i)reduc\w*"] == (None, None, ())
