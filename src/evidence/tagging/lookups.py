r"""Tagging stage, matcher look-ups: work `TextMatcher.find` would do at every start, done once.

Reads a text matcher's synonyms, leads and patterns (from `evidence.tagging.matching`, at
vocabulary load); writes nothing. Each table or test gives exactly what the plain path
computes, for less: a synonym hit's terms and ends, and whether a pattern lead can start
where it does; a lead's union and candidates in one look-up; and the ASCII twin of a regex,
which matches as the Unicode one does in an ASCII text but tests ``\w`` and ``\s`` faster.
"""

from __future__ import annotations

import re
from collections.abc import Callable, Iterable, Mapping, Sequence

__all__ = [
    "Candidate",
    "LeadEntry",
    "Terms",
    "ascii_exact",
    "ascii_twin",
    "embeddable",
    "lead_entries",
    "synonym_hits",
    "union_regex",
]

_MatchFn = Callable[[str, int], "re.Match[str] | None"]
Candidate = tuple[_MatchFn, str, str]  # a pattern's `match`, its dimension and term
# a lead's union `match` (None: none), its candidates, and the candidates if the union fails
LeadEntry = tuple[_MatchFn | None, tuple[Candidate, ...], tuple[Candidate, ...]]
Terms = tuple[tuple[str, str, "str | None", int], ...]  # dimension, term, case, end offset


_PLAIN_FLAGS = re.compile("", re.MULTILINE).flags  # a pattern without inline flags
# an inline flag group that may turn case folding on: "(?i)", "(?mi:", ... (or a literal
# that reads like one, which only costs the ASCII twin)
_CASELESS = re.compile(r"\(\?[a-zA-Z]*i")
# characters that only Unicode counts as whitespace among the ASCII ones (\s, [\s-])
_UNICODE_ONLY_SPACE = ("\x1c", "\x1d", "\x1e", "\x1f")


def synonym_hits(
    synonyms: Mapping[str, Terms], leads: Iterable[str]
) -> dict[str, tuple[Terms, bool]]:
    """Raw synonym hit -> (its terms with fixed end offsets, whether a lead may start there).

    ``synonyms`` maps a normalised synonym (one space between words, no hyphen) to its
    entries, length -1 for the whole hit; ``leads`` are the pattern leads, normalised
    alike. A raw hit that is already normalised, plural ending included, is its own key
    in `TextMatcher._resolve`, so its entries and ends do not depend on the text; only
    such hits are in the table (any other hit takes the plain path)."""
    leads = tuple(leads)
    lead_starts = {lead[:i] for lead in leads for i in range(1, len(lead) + 1)}
    hits: dict[str, tuple[Terms, bool]] = {}
    for key in synonyms:
        for literal in (key, key + "s", key + "es"):
            if literal in hits:
                continue
            entries = synonyms.get(literal)  # the same fall-backs as `_resolve`
            if entries is None:
                entries = synonyms.get(literal[:-1]) or synonyms.get(literal[:-2], ())
            terms = tuple(
                (dimension, term, case, len(literal) if size < 0 else size)
                for dimension, term, case, size in entries
            )
            # Read with each run of separators as one space, the text at the hit starts
            # with the hit, and where a lead matches it starts with that lead too: so a
            # lead can match there only if one of the two starts with the other.
            may_lead = literal in lead_starts or literal.startswith(leads)
            hits[literal] = (terms, may_lead)
    return hits


def lead_entries(
    patterns: Mapping[str, Sequence[Candidate]],
    unions: Mapping[str, re.Pattern[str]],
    otherwise: tuple[Candidate, ...],
) -> dict[str, LeadEntry]:
    """Lead -> its `LeadEntry`: the union tried first, then the lead's candidates and
    ``otherwise`` (the patterns tried at every start), or only ``otherwise`` when the
    union fails."""
    entries: dict[str, LeadEntry] = {}
    for lead, candidates in patterns.items():
        union = unions.get(lead)
        entries[lead] = (
            union.match if union is not None else None,
            (*candidates, *otherwise),
            otherwise,
        )
    return entries


def union_regex(
    regexes: Sequence[re.Pattern[str]],
    compile_regex: Callable[[str, int], re.Pattern[str]] = re.compile,
) -> re.Pattern[str] | None:
    """One regex that matches where any of ``regexes`` does, or None when there are fewer
    than two or they have groups (whose numbers would change); compiled by
    ``compile_regex``."""
    if len(regexes) < 2 or any(r.groups for r in regexes):
        return None
    try:
        return compile_regex("|".join(f"(?:{r.pattern})" for r in regexes), re.MULTILINE)
    except re.error:
        return None


def embeddable(regex: re.Pattern[str]) -> str | None:
    """The source of a pattern that means the same inside a larger regex (no groups to
    renumber, no inline flags), else None."""
    if regex.groups or regex.flags != _PLAIN_FLAGS:
        return None
    return regex.pattern


def ascii_twin(regex: re.Pattern[str]) -> re.Pattern[str] | None:
    """``regex`` with the ASCII flag, or None when it ignores case anywhere (a non-ASCII
    letter may then match an ASCII one in Unicode only) or does not allow the flag.

    Without case folding the flag changes only ``\\w``, ``\\d``, ``\\s``, ``\\b`` and their
    negations; a literal, even a non-ASCII one, matches the same character either way."""
    if regex.flags & re.IGNORECASE or _CASELESS.search(regex.pattern):
        return None
    try:
        return re.compile(regex.pattern, (regex.flags & ~re.UNICODE) | re.ASCII)
    except (re.error, ValueError):
        return None


def ascii_exact(text: str) -> bool:
    """Whether an `ascii_twin` matches in ``text`` exactly as its Unicode regex does:
    ``\\w``, ``\\d``, ``\\b`` and case agree on ASCII characters, and so does ``\\s`` but for
    U+001C to U+001F, which only Unicode counts as whitespace."""
    return text.isascii() and not any(char in text for char in _UNICODE_ONLY_SPACE)
