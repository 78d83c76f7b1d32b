r"""Tagging stage, matchers: one combined regex for the whole vocabulary.

Reads the terms (built by `evidence.tagging.vocabulary`) and text; writes nothing.
`compile_text_matcher` runs once per vocabulary load, so tagging never compiles a pattern.
Speed matters (tens of thousands of records per ingest), so all synonyms of all dimensions
are folded into one character trie, and one regex pass finds every synonym and pattern
start: ``\b(?=(?P<lit>TRIE)(?!\w)|(?P<pre>LEADS)|...)``. The lookahead finds overlapping
matches ("low back pain intensity" is a condition and an outcome). A synonym hit is
resolved to its terms by dictionary (with its shorter prefixes); a pattern hit by matching
the few patterns that can start with that character, and only where one of them does (the
regex checks). Acronyms (TENS, VAS, MPS) are matched in lower case and then checked
against the original text, where case matters. Exclusions are compiled per term and run
only near a match of that term. Work that does not depend on the text is done once
(`evidence.tagging.lookups`), and ASCII texts are scanned with the regex's ASCII twin.
Where the compiled `evidence.tagging._scan` was built, it finds the word starts where a
synonym or a pattern that the record can match may start, and the regex runs only there
(the twin, which would save little there, is then never compiled).
"""

from __future__ import annotations

import importlib
import re
from collections.abc import Callable, Iterable, Mapping, Sequence
from dataclasses import dataclass, field
from functools import partial
from itertools import chain
from typing import TYPE_CHECKING, NamedTuple

from evidence.tagging.leads import (
    lead_filter,
    literal_prefixes,
    pattern_prefixes,
    required_texts,
    start_guard,
    trie_regex,
)
from evidence.tagging.lookups import (
    LeadEntry,
    Terms,
    ascii_exact,
    ascii_twin,
    embeddable,
    lead_entries,
    synonym_hits,
    union_regex,
)

if TYPE_CHECKING:
    from types import ModuleType

    from evidence.tagging._scan import StartScan
    from evidence.tagging.vocabulary import Term

__all__ = [
    "DimensionMatcher",
    "Match",
    "RegexCompiler",
    "TextMatcher",
    "compile_matcher",
    "compile_text_matcher",
    "compiled_scan",
    "scan_path",
]

_ACRONYM = re.compile(r"\S*[A-Z]\S*[A-Z]\S*")  # two capitals and no space: QoL, TENS, SF-36
_SEP = re.compile(r"[\s-]+")
_EXCLUSION_WINDOW = 60
_COMPILED_MODULE = "evidence.tagging._scan"


class Match(NamedTuple):
    """A term of one dimension matched in a text, at ``start:end``."""

    dimension: str
    term: str
    start: int
    end: int


@dataclass(frozen=True, slots=True)
class DimensionMatcher:
    """The look-ups of one dimension: MeSH UI or lower-cased name -> ids, and so on."""

    dimension: str
    mesh: dict[str, tuple[str, ...]] = field(default_factory=dict)
    publication_types: dict[str, tuple[str, ...]] = field(default_factory=dict)
    qualifiers: dict[str, tuple[str, ...]] = field(default_factory=dict)
    # (UI, lower-cased name) as the vocabulary pairs them; see `lookup`
    pairs: frozenset[tuple[str, str]] = frozenset()

    def lookup(
        self, table: dict[str, tuple[str, ...]], ui: str | None, name: str
    ) -> tuple[str, ...]:
        """The ids a heading names: by UI when the record's name agrees with the
        vocabulary's name for that UI, else by name. A UI written from memory that is in
        fact another descriptor's then misses instead of tagging the wrong heading."""
        return self.lookup_lowered(table, ui, name.lower())

    def lookup_lowered(
        self, table: dict[str, tuple[str, ...]], ui: str | None, lowered: str
    ) -> tuple[str, ...]:
        """`lookup` of a name already lower-cased."""
        if ui and ui in table and (ui, lowered) in self.pairs:
            return table[ui]
        return table.get(lowered, ())


@dataclass(frozen=True, slots=True)
class _Pattern:
    dimension: str
    term: str
    regex: re.Pattern[str]


@dataclass(frozen=True, slots=True)
class TextMatcher:
    """Finds every synonym and pattern of every dimension in one pass over a text."""

    regex: re.Pattern[str] | None
    # normalised synonym -> (dimension, term, original case of an acronym or None, length):
    # its own terms (length -1) and those of the shorter synonyms it starts with
    synonyms: Mapping[str, tuple[tuple[str, str, str | None, int], ...]]
    prefix_regex: re.Pattern[str] | None  # the literal starts (leads) of the patterns
    patterns: Mapping[str, tuple[_Pattern, ...]]  # lead -> patterns whose lead starts it
    patterns_any: tuple[_Pattern, ...]
    exclusions: Mapping[tuple[str, str], re.Pattern[str]]
    # lead -> its patterns as one regex, tried first: most starts match none of them
    unions: Mapping[str, re.Pattern[str]] = field(default_factory=dict)
    # `regex` after a non-word character, when every start is a word start; see `_starts`
    word_regex: re.Pattern[str] | None = None
    plain: bool = False  # without the fast paths (the reference they are tested against)
    # the literal keys that the compiled scan looks for: one begins every start of
    # `word_regex` (see `_starts`; they are read further than the regex's own guard), and
    # whether the compiled scan of them may be used when it was built
    guard_keys: tuple[str, ...] = ()
    # for each key, the requirements of the patterns that gave it (empty: it counts always),
    # and each requirement's choices of texts (see `evidence.tagging.leads.required_texts`)
    guard_needs: tuple[tuple[int, ...], ...] = ()
    requirements: tuple[tuple[tuple[str, ...], ...], ...] = ()
    compiled: bool = True
    # derived from the fields above by `_fast_tables` (`dataclasses.replace` reruns it):
    # synonym hit -> (terms, whether a lead may start there); lead -> `LeadEntry`; the
    # entry of no lead; dimension -> term -> exclusion; the ASCII twin of `word_regex`,
    # compiled on the first ASCII text rather than with the vocabulary (it costs as much as
    # the regex, and a run that tags nothing, a file already ingested, never needs it), and
    # only without the compiled scan (which runs the regex at a few starts: see `_starts`)
    _hits: Mapping[str, tuple[Terms, bool]] = field(init=False, repr=False, compare=False)
    _excluding: Mapping[str, Mapping[str, re.Pattern[str]]] = field(
        init=False, repr=False, compare=False
    )
    _leads: Mapping[str, LeadEntry] = field(init=False, repr=False, compare=False)
    _no_lead: LeadEntry = field(init=False, repr=False, compare=False)
    _ascii: list[re.Pattern[str] | None] = field(init=False, repr=False, compare=False)
    # `regex`'s match at the text's start alone (see `_starts`)
    _first: Callable[[str], re.Match[str] | None] = field(init=False, repr=False, compare=False)
    _scan: list[StartScan | None] = field(init=False, repr=False, compare=False)

    def __post_init__(self) -> None:
        for name, value in _fast_tables(self).items():
            object.__setattr__(self, name, value)

    def find(self, lower: str, text: str) -> dict[str, list[Match]]:
        """Matches by dimension in text order; exclusions and contained matches removed.

        ``lower`` is ``text`` lower-cased with the same offsets."""
        found: dict[str, list[Match]] = {}
        if self.regex is None:
            return found
        hits = self._hits
        leads = self._leads
        no_lead = self._no_lead
        new = tuple.__new__
        prefix_match = self.prefix_regex.match if self.prefix_regex is not None else None
        for m in self._starts(lower):
            pos = m.end()  # every match is empty but for `word_regex`'s non-word character
            literal, lead = m.group("lit", "pre")
            if literal is not None:
                hit = hits.get(literal)
                if hit is None:  # not a normalised synonym (or `plain`): the plain path
                    self._resolve(literal, pos, text, found)
                    may_lead = True
                else:
                    terms, may_lead = hit
                    for dimension, term, case, size in terms:
                        if case is None or text.startswith(case, pos):
                            # `tuple.__new__` skips the NamedTuple's Python-level constructor
                            found.setdefault(dimension, []).append(
                                new(Match, (dimension, term, pos, pos + size))
                            )
                # a pattern may start where a synonym does: the regex did not try them
                lead_hit = prefix_match(lower, pos) if may_lead and prefix_match else None
                lead = lead_hit.group() if lead_hit is not None else None
            if lead is None:
                union, candidates, otherwise = no_lead
            else:
                union, candidates, otherwise = leads.get(lead) or leads.get(
                    _SEP.sub(" ", lead), no_lead
                )
            if union is not None and union(lower, pos) is None:
                candidates = otherwise
            for match, dimension, term in candidates:
                hit_end = match(lower, pos)
                if hit_end is not None and hit_end.end() > pos:
                    found.setdefault(dimension, []).append(
                        new(Match, (dimension, term, pos, hit_end.end()))
                    )
        for dimension, matches in found.items():
            found[dimension] = self._clean(matches, lower)
        return found

    def _starts(self, lower: str) -> Iterable[re.Match[str]]:
        """The matches of `regex` in ``lower``, by `word_regex` where there is one: its
        match ends where `regex`'s starts, and the text's start is matched alone.

        Outside the plain path the two are one regex, ``(?:\\A\\b|\\W)(?=...)``: its
        empty match at the text's start is the ``\\b(?=...)`` one there (`_first` keeps
        that one alone), and elsewhere it matches as ``\\W(?=...)`` does."""
        assert self.regex is not None
        if self.word_regex is None:
            return self.regex.finditer(lower)
        scan = self._start_scan()
        if scan is not None:
            # The regex engine tries the guard after every non-word character, most of the
            # scan's time; the compiled scan walks the guard's keys in C and reports the few
            # word starts where one matches, a superset of where the guard passes. The
            # regex, run at those alone, gives the same matches as the scan below. (Not its
            # ASCII twin: at ~4 starts a record it saves ~0.5 CPU-us a record, and its
            # compile costs 0.13-0.2 CPU-s.)
            return scan.matches(lower, self._first, self.word_regex.match)
        twin = None
        if not self.plain and ascii_exact(lower):
            if not self._ascii:
                self._ascii.append(ascii_twin(self.word_regex))
            twin = self._ascii[0]
        after = twin or self.word_regex
        rest = after.finditer(lower)
        if self.word_regex is self.regex:
            return rest  # the text's start included
        first = self.regex.match(lower)
        return rest if first is None else chain((first,), rest)

    def prepare(self) -> None:
        """Build now what `find` would build on first use: the compiled scan, or where
        there is none the ASCII twin of `word_regex` (0.13-0.2 CPU-s). For a process that
        forks the processes that tag (the parallel ingest's forkserver): they then start
        with it. Changes no match."""
        scan = self._start_scan()
        if scan is None and self.word_regex is not None and not self.plain and not self._ascii:
            self._ascii.append(ascii_twin(self.word_regex))

    def _start_scan(self) -> StartScan | None:
        """The compiled scan of `guard_keys`, built on first use; None on the plain path,
        without `compiled`, or when `evidence.tagging._scan` was not built."""
        if not self._scan:
            built = None
            if not self.plain and self.compiled and self.guard_keys:
                module = compiled_scan()
                built = (
                    module.StartScan(self.guard_keys, self.guard_needs, self.requirements)
                    if module is not None
                    else None
                )
            self._scan.append(built)
        return self._scan[0]

    def _resolve(self, literal: str, pos: int, text: str, found: dict[str, list[Match]]) -> None:
        """The terms named by a synonym hit, and by the shorter synonyms it starts with."""
        key = literal if "-" not in literal and "  " not in literal else _SEP.sub(" ", literal)
        entries = self.synonyms.get(key)
        if entries is None:
            entries = self.synonyms.get(key[:-1]) or self.synonyms.get(key[:-2], ())
        for dimension, term, case, size in entries:
            if case is not None and not text.startswith(case, pos):
                continue
            if size < 0:  # the whole hit, plural ending included
                end = pos + len(literal)
            elif key is literal:
                end = pos + size
            else:  # separators were normalised: find the same word end in the hit
                words = key[:size].count(" ") + 1
                cuts = [s.start() for s in _SEP.finditer(literal)]
                end = pos + (cuts[words - 1] if words <= len(cuts) else len(literal))
            # `tuple.__new__` skips the NamedTuple's Python-level constructor
            found.setdefault(dimension, []).append(
                tuple.__new__(Match, (dimension, term, pos, end))
            )

    def _clean(self, matches: list[Match], lower: str) -> list[Match]:
        if len(matches) > 1:
            matches.sort(key=_text_order)
        exclusions = self._excluding.get(matches[0][0], {})  # one dimension: by term
        kept: list[Match] = []
        for match in matches:
            _, term, start, end = match
            # a match inside a longer match of the same term counts once ("low back pain"
            # in "chronic low back pain"); inside another term it is a mention of both
            # ("acupuncture" in "laser acupuncture"). Tested before the exclusion, which
            # drops the match too but costs a regex scan.
            for other in kept[-4:]:
                if other[1] == term and other[2] <= start and end <= other[3]:
                    break
            else:
                exclusion = exclusions.get(term)
                if exclusion is None or not _excluded(exclusion, lower, match):
                    kept.append(match)
        return kept


def compiled_scan() -> ModuleType | None:
    """The compiled word-start scan, `evidence.tagging._scan`, or None when it was not built
    (it needs Cython and a C compiler at install; the regex then scans every word start)."""
    # import_module, not a plain import: a test can hide the module by setting
    # sys.modules[_COMPILED_MODULE] to None
    try:
        return importlib.import_module(_COMPILED_MODULE)
    except ImportError:
        return None


def scan_path() -> str:
    """Which word-start scan a text matcher uses: "compiled" or "python" (the design cues'
    words are found by the same module's `TextFinder`, or by pyahocorasick)."""
    return "compiled" if compiled_scan() is not None else "python"


def _text_order(match: Match) -> tuple[int, int, str]:
    return match[2], -match[3], match[1]


def _at_start(match: Callable[[str], re.Match[str] | None], text: str) -> re.Match[str] | None:
    """The match of ``(?:\\A\\b|\\W)(?=...)`` (``match``) at the start of ``text`` when it
    is empty (its ``\\A\\b`` branch), as ``\\b(?=...)`` matches there; not one of a
    non-word character at the start (a start after it is a start after a non-word
    character). Bound to ``match`` with `functools.partial`, which pickles."""
    found = match(text)
    return found if found is not None and found.end() == 0 else None


def _no_match(text: str) -> None:
    return None


def _fast_tables(matcher: TextMatcher) -> dict[str, object]:
    """The derived look-ups of a `TextMatcher` (see `evidence.tagging.lookups`)."""
    regex = matcher.regex
    first: Callable[[str], re.Match[str] | None] = _no_match
    if regex is not None:
        first = partial(_at_start, regex.match) if regex is matcher.word_regex else regex.match
    otherwise = tuple((p.regex.match, p.dimension, p.term) for p in matcher.patterns_any)
    candidates = {
        lead: tuple((p.regex.match, p.dimension, p.term) for p in group)
        for lead, group in matcher.patterns.items()
    }
    excluding: dict[str, dict[str, re.Pattern[str]]] = {}
    for (dimension, term), exclusion in matcher.exclusions.items():
        excluding.setdefault(dimension, {})[term] = exclusion
    hits: dict[str, tuple[Terms, bool]] = {}
    if not matcher.plain:
        hits = synonym_hits(matcher.synonyms, (_SEP.sub(" ", lead) for lead in matcher.patterns))
    return {
        "_excluding": excluding,
        "_hits": hits,
        "_leads": lead_entries(candidates, matcher.unions, otherwise),
        "_no_lead": (None, otherwise, otherwise),
        "_ascii": [],  # filled by `_starts`
        "_first": first,
        "_scan": [],  # filled by `_start_scan`
    }


def _excluded(exclusion: re.Pattern[str], lower: str, match: Match) -> bool:
    offset = max(0, match.start - _EXCLUSION_WINDOW)
    window = lower[offset : match.end + _EXCLUSION_WINDOW]
    a, b = match.start - offset, match.end - offset
    for x in exclusion.finditer(window):
        if x.start() >= b:  # in text order: no later exclusion overlaps the match either
            return False
        if a < x.end():
            return True
    return False


def _word_prefixes(key: str) -> list[str]:
    """The word-boundary prefixes of a phrase, longest first ("a b c" -> "a b", "a")."""
    return [key[:i] for i in range(len(key) - 1, 0, -1) if key[i] == " "]


def _index(terms: Iterable[Term], key: str, names: str) -> dict[str, tuple[str, ...]]:
    table: dict[str, list[str]] = {}
    for term in terms:
        for value in (*getattr(term, key), *(n.lower() for n in getattr(term, names))):
            ids = table.setdefault(value, [])
            if term.id not in ids:
                ids.append(term.id)
    return {k: tuple(v) for k, v in table.items()}


def compile_matcher(dimension: str, terms: Sequence[Term]) -> DimensionMatcher:
    """The MeSH, publication type and qualifier look-ups of one dimension."""
    return DimensionMatcher(
        dimension=dimension,
        mesh=_index(terms, "mesh", "mesh_names"),
        publication_types=_index(terms, "publication_types", "publication_type_names"),
        qualifiers=_index(terms, "qualifiers", "qualifier_names"),
        pairs=frozenset((ui, name.lower()) for t in terms for ui, name in t.ui_names),
    )


# How a caller has the matcher's regexes compiled: `re.compile`, or one that keeps what it
# compiled for the next process (`evidence.ingest.regexes.RegexCache`); it must give the very
# pattern `re.compile` gives, and raise `re.error` where it does.
RegexCompiler = Callable[[str, int], "re.Pattern[str]"]


def compile_text_matcher(
    terms: Mapping[str, Sequence[Term]],
    *,
    plain: bool = False,
    compile_regex: RegexCompiler = re.compile,
) -> TextMatcher:
    """Compile the text matcher of a whole vocabulary (every dimension); ``plain``
    leaves out the fast paths (the reference they are tested against). ``compile_regex``
    compiles its regexes: the 108 KB one (~0.2 CPU-s with `re.compile`), the terms' own
    and their unions.

    Raises `re.error` when patterns that compile alone do not combine."""
    synonyms: dict[str, list[tuple[str, str, str | None]]] = {}
    patterns: list[tuple[tuple[str, ...] | None, _Pattern]] = []
    exclusions: dict[tuple[str, str], re.Pattern[str]] = {}
    for dimension, dimension_terms in terms.items():
        for term in dimension_terms:
            for synonym in term.synonyms:
                case = synonym if _ACRONYM.fullmatch(synonym) else None
                key = _SEP.sub(" ", synonym.strip().lower())
                entry = (dimension, term.id, case)
                if entry not in synonyms.setdefault(key, []):
                    synonyms[key].append(entry)
            for source in term.patterns:
                compiled = compile_regex(source, re.MULTILINE)
                patterns.append((literal_prefixes(source), _Pattern(dimension, term.id, compiled)))
            if term.exclude:
                exclusions[(dimension, term.id)] = compile_regex(
                    "|".join(f"(?:{p})" for p in term.exclude), re.MULTILINE
                )
    prefixes = sorted({lead for leads, _ in patterns if leads for lead in leads})
    # one pass finds both kinds of start: where a pattern's literal lead matches, a
    # synonym may start too (first branch); elsewhere only a synonym can (second branch)
    prefix_trie = trie_regex(prefixes) if prefixes else "(?!)"
    literal = trie_regex(sorted(synonyms)) if synonyms else "(?!)"
    # a word start where no synonym and no lead starts fails at once, in one trie; outside
    # the plain path each pattern's leads are read further for it (`pattern_prefixes`):
    # the guard need only pass where a synonym or a pattern may match, and a pattern's
    # match starts with one of those texts as it does with one of its leads
    starts_of = [
        (p, leads if plain else pattern_prefixes(p.regex.pattern) or leads)
        for leads, p in patterns
        if leads
    ]
    guard_leads = sorted({lead for _, leads in starts_of for lead in leads})
    guard_keys = tuple(sorted({*synonyms, *guard_leads}))
    # the regex's own guard is read less far (not past separators and repeats): it is
    # compiled with every vocabulary, twice on the plain path (~0.08 CPU-s less), and where
    # the compiled scan runs, which reads `guard_keys` in full, the regex runs only at the
    # starts it reports
    regex_keys = guard_keys
    if not plain:
        shorter = {
            lead
            for leads, p in patterns
            if leads
            for lead in (pattern_prefixes(p.regex.pattern, runs=False) or leads)
        }
        regex_keys = tuple(sorted({*synonyms, *shorter}))
    words = start_guard(regex_keys) if regex_keys else None
    guard = f"(?={words})" if words is not None else ""
    needs, requirements = _guard_needs(guard_keys, synonyms, starts_of) if words else ((), ())
    by_lead: dict[str, list[_Pattern]] = {}
    for leads, pattern in patterns:
        for lead in sorted(set(leads or ())):
            by_lead.setdefault(lead, []).append(pattern)
    starting = {
        lead: tuple(p for shorter in by_lead if lead.startswith(shorter) for p in by_lead[shorter])
        for lead in by_lead
    }
    # a pattern start is reported only where one of the patterns of its first word
    # matches: a superset of where one of its own candidates does (see `lead_filter`),
    # so the starts left out are those where `find` would find no pattern; the filter is
    # compiled as part of the regex below (not alone first: 0.1 CPU-s of a vocabulary's
    # 0.6), which is compiled again without it should it not compile there
    check = (
        None
        if plain
        else lead_filter(
            {lead: [embeddable(p.regex) for p in group] for lead, group in by_lead.items()},
            checked=False,
        )
    )
    unreadable = [f"(?:{p.regex.pattern})" for leads, p in patterns if leads is None]

    def body_with(check: str | None) -> str:
        pre = f"(?P<pre>{prefix_trie})" if check is None else f"(?=(?P<pre>{prefix_trie})){check}"
        alternatives = [f"{guard}(?:(?P<lit>{literal}(?:e?s)?)(?!\\w)|{pre})", *unreadable]
        return "|".join(alternatives) + ")"

    body = body_with(check)
    # every start is a word start (the guard says so): the engine can skip from one
    # non-word character to the next instead of trying every position (`word_regex`).
    # Outside the plain path one regex serves both the text's start (``\A\b``, tried
    # first: `regex` there) and the starts after a non-word character, so that the 108 KB
    # body is compiled once (0.19 CPU-s of a vocabulary's 0.7; see `_starts`)
    by_word = words is not None and not unreadable
    head = r"(?:\A\b|\W)(?=" if by_word and not plain else r"\b(?="
    try:
        regex = compile_regex(head + body, re.MULTILINE)
    except re.error:
        if check is None:
            raise
        body = body_with(None)  # the filter does not compile: no filter, as `lead_filter`
        regex = compile_regex(head + body, re.MULTILINE)
    word_regex = None
    if by_word:
        word_regex = re.compile(r"\W(?=" + body, re.MULTILINE) if plain else regex
    with_prefixes = {
        key: tuple((*entry, -1) for entry in own)
        + tuple(
            (*entry, len(shorter))
            for shorter in _word_prefixes(key)
            for entry in synonyms.get(shorter, ())
        )
        for key, own in synonyms.items()
    }
    return TextMatcher(
        regex=regex,
        word_regex=word_regex,
        prefix_regex=compile_regex(prefix_trie, 0) if prefixes else None,
        synonyms=with_prefixes,
        patterns=starting,
        unions={
            lead: u
            for lead, group in starting.items()
            if (u := union_regex([p.regex for p in group], compile_regex)) is not None
        },
        patterns_any=tuple(p for leads, p in patterns if leads is None),
        exclusions=exclusions,
        plain=plain,
        guard_keys=guard_keys if words is not None else (),
        guard_needs=needs,
        requirements=requirements,
    )


def _guard_needs(
    keys: tuple[str, ...],
    synonyms: Mapping[str, object],
    starts_of: Sequence[tuple[_Pattern, Sequence[str]]],
) -> tuple[tuple[tuple[int, ...], ...], tuple[tuple[tuple[str, ...], ...], ...]]:
    """`TextMatcher.guard_needs` and `TextMatcher.requirements`: the requirements of the
    patterns that gave each key (none for a synonym's key, or one of a pattern that needs
    no text: it counts always), and those requirements (`required_texts`)."""
    requirements: dict[tuple[tuple[str, ...], ...], int] = {}
    needs: dict[str, set[int] | None] = dict.fromkeys(synonyms)
    for pattern, leads in starts_of:
        # a choice that a text of the key itself meets is met wherever the key matches:
        # looking for its texts would rule nothing out
        required = tuple(
            choice
            for choice in required_texts(pattern.regex.pattern)
            if not any(text in lead for text in choice for lead in leads)
        )
        index = requirements.setdefault(required, len(requirements)) if required else None
        for lead in leads:
            known = needs.setdefault(lead, set())
            if known is None:
                continue
            if index is None:
                needs[lead] = None
            else:
                known.add(index)
    return tuple(tuple(sorted(needs[key] or ())) for key in keys), tuple(requirements)
