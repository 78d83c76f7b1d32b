r"""Tagging stage, regex reading: the literal text a vocabulary regex starts with.

Reads regex sources and literal phrases (from `evidence.tagging.matching`, at vocabulary
load); writes nothing. A pattern's literal leads ("reduc" of ``reduc\w*``) let the text
matcher try a pattern only where one of them starts; phrases are folded into one
alternation factored by shared prefixes (a trie), every phrase and lead make one guard
that most word starts of a text fail at once, and the patterns grouped by the first
character of their leads make a filter that reports a lead only where a pattern matches.
"""

from __future__ import annotations

import re
from collections.abc import Iterable, Iterator, Mapping
from functools import lru_cache
from itertools import islice, product
from typing import Any

# The regex parser's tree, read by `pattern_prefixes`. CPython's own module, private: on a
# Python without it, `pattern_prefixes` gives None and the guard falls back to the leads
# `literal_prefixes` reads (the same matches, found a little slower).
try:
    from re import _constants as sre  # type: ignore[attr-defined]
    from re import _parser  # type: ignore[attr-defined]
except ImportError:  # pragma: no cover - every Python this project supports has them
    sre = _parser = None

__all__ = [
    "lead_filter",
    "literal_prefixes",
    "pattern_prefixes",
    "required_texts",
    "start_guard",
    "trie_regex",
]

_LOOKBEHIND = re.compile(r"^\(\?<[=!](?:[^()\\]|\\.)*\)")  # zero width: not part of the lead
_WORD = re.compile(r"\w")
_WORD_RUN = re.compile(r"\w+")


def trie_regex(keys: Iterable[str]) -> str:
    """One regex alternation of literal phrases, factored by shared prefixes."""
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for key in keys:
        node = root
        for char in key:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict]) -> str:  # type: ignore[type-arg]
        alternatives = [
            (r"[\s-]+" if char == " " else re.escape(char)) + emit(child)
            for char, child in sorted(node.items())
            if char
        ]
        if not alternatives:
            return ""
        if "" in node:
            return "(?:" + "|".join(alternatives) + ")?"
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    return emit(root)


def _lead(alternative: str) -> str:
    """The literal text an alternative starts with ("reduc" of "reduc\\w*")."""
    run = ""
    for index, char in enumerate(alternative):
        if not (char.isalnum() or char == " "):
            if char in "?*{" and run:
                run = run[:-1]
            return run
        if alternative[index + 1 : index + 2] in ("?", "*", "{"):
            return run
        run += char
    return run


def _structure(pattern: str, start: int = 0) -> Iterator[tuple[int, str, int]]:
    """(index, character, depth after it) of each ``(``, ``)`` and ``|`` of ``pattern``
    from ``start``, skipping escapes and character classes."""
    depth, index, in_class = 0, start, False
    while index < len(pattern):
        char = pattern[index]
        if char == "\\":
            index += 2
            continue
        if in_class:
            in_class = char != "]"
        elif char == "[":
            in_class = True
        elif char in "()|":
            depth += {"(": 1, ")": -1, "|": 0}[char]
            yield index, char, depth
        index += 1


def _closing(pattern: str, start: int) -> int:
    """Index of the parenthesis that closes the group opening at ``start``."""
    for index, char, depth in _structure(pattern, start):
        if char == ")" and depth == 0:
            return index
    return -1


def _split_top(body: str) -> list[str]:
    """The top-level alternatives of a regex (``a|b(c|d)`` -> ``a``, ``b(c|d)``)."""
    parts, last = [], 0
    for index, char, depth in _structure(body):
        if char == "|" and depth == 0:
            parts.append(body[last:index])
            last = index + 1
    parts.append(body[last:])
    return parts


def literal_prefixes(pattern: str) -> tuple[str, ...] | None:
    """Literal texts one of which every match starts with, or None when unknown.

    Reads leading plain words and leading ``(?:a|b|c)`` groups; a pattern this cannot
    read is tried at every match position instead, which is slower but still correct."""
    leads: list[str] = []
    for part in _split_top(pattern):
        part = _LOOKBEHIND.sub("", part.removeprefix("^"), count=1)
        if part.startswith("(?:"):
            close = _closing(part, 0)
            if close < 0 or part[close + 1 : close + 2] in ("?", "*", "{"):
                return None
            inner = literal_prefixes(part[3:close])
            if inner is None:
                return None
            leads.extend(inner)
        elif lead := _lead(part):
            leads.append(lead)
        else:
            return None
    return tuple(leads)


_ZERO_WIDTH = (sre.AT, sre.ASSERT, sre.ASSERT_NOT)
_RUNS = re.compile("[ \x00]*\x00[ \x00]*")
_PREFIX_LIMIT = 32


@lru_cache(maxsize=512)
def _parsed(source: str) -> Any:
    """The regex parser's tree of ``source`` (as `re.MULTILINE`), or None when it does not
    parse. Kept for the last 512 sources: the vocabulary's text matcher reads each pattern
    three times (`pattern_prefixes` with and without runs, `required_texts`), and parsing
    was a third of loading the vocabulary. The trees are only read, never changed."""
    if _parser is None:
        return None
    try:
        return _parser.parse(source, re.MULTILINE)
    except (re.error, RecursionError, OverflowError):
        return None


def pattern_prefixes(source: str, *, runs: bool = True) -> tuple[str, ...] | None:
    r"""Literal texts one of which every match of ``source`` starts with, read further than
    `literal_prefixes` can: through groups of alternatives and past them ("to update",
    "to develop" of ``to (?:update|develop) ...``), from the regex parser's tree. None when
    a text would not start with a word character, the regex ignores case, or the texts
    would be too many. Zero-width items (``\b``, lookarounds) are passed over, which can
    only admit more. Read as the guard reads its keys (`trie_regex`): a space in a text
    matches a run of separators, so that a separator or a run of them in the pattern
    (``[\s-]``, ``[\s-]*``, `` ?``) is read on as a space ("pre post" and "prepost" of
    ``pre[\s-]?post``), as is a class of a few characters (``[sz]``, ``(?:2|²)``) as
    alternatives and an optional character (``s?``). With ``runs`` false, separators and
    repeats end the texts (fewer, shorter texts: a smaller guard regex to compile).

    For the start guard only: a guard of these fails most of the common words that lead
    a pattern ("to", "was", "this") where the pattern cannot match, at once."""
    parsed = _parsed(source)
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return None
    paths = _paths(list(parsed), runs)
    if paths is None:
        return None
    # a run of separators beside spaces is one run: one space, which matches one or more
    texts = tuple(sorted({_RUNS.sub(" ", text) for text, _ in paths}))
    if not texts or not all(_WORD.match(text[:1]) for text in texts):
        return None
    return texts


def _paths(items: list[tuple[Any, Any]], runs: bool = True) -> list[tuple[str, bool]] | None:
    """(literal text, whether it reaches the end of ``items``) for each way through the
    parsed ``items``, as far as each is literal; None past `_PREFIX_LIMIT` ways."""
    paths = [("", True)]
    for op, av in items:
        grown: list[tuple[str, bool]] = []
        for text, open_ in paths:
            if not open_:
                grown.append((text, False))
            elif op is sre.LITERAL:
                grown.append((text + chr(av), True))
            elif op in _ZERO_WIDTH:
                grown.append((text, True))
            elif op is sre.SUBPATTERN and not av[1] and not av[2]:
                inner = _paths(list(av[3]), runs)
                if inner is None:
                    return None
                grown += [(text + more, still) for more, still in inner]
            elif op is sre.BRANCH:
                for alternative in av[1]:
                    inner = _paths(list(alternative), runs)
                    if inner is None:
                        return None
                    grown += [(text + more, still) for more, still in inner]
            elif (chars := _class_literals(op, av)) and (runs or _RUN not in chars):
                # a class of a few characters, as the parser writes ``(?:2|²)``: a way
                # through each, as through alternatives ("i2", "i²" of ``i(?:2|²)``, not
                # "i", which every word that starts with "i" passes)
                grown += [(text + char, True) for char in chars]
            elif (
                runs
                and (steps := _short_repeat(op, av))
                and len(paths) * len(steps) <= _PREFIX_LIMIT
            ):
                # an optional character (``s?``) or a run of separators (``[\s-]*``): a way
                # through each choice ("pre post" and "prepost" of ``pre[\s-]?post``)
                grown += [(text + step, True) for step in steps]
            else:  # a class, a repeat, anything else: the literal text ends here
                grown.append((text, False))
        paths = grown
        if len(paths) > _PREFIX_LIMIT:
            return None
        if not any(still for _, still in paths):
            break
    return paths


_CLASS_LITERALS = 4  # characters of a class read as alternatives, at most
_RUN = "\x00"  # a run of separators while `_paths` reads: one space in its texts
_SEPARATOR = re.compile(r"[\s-]")


def _chars(kind: Any, value: Any) -> tuple[str, ...] | None:
    """The characters of a literal or of a class that lists characters and ``\\s`` (a
    space stands for it), or None for any other item (a negated class, a range, ``\\d``)."""
    if kind is sre.LITERAL:
        return (chr(value),)
    if kind is not sre.IN:
        return None
    chars = []
    for k, v in value:
        if k is sre.LITERAL:
            chars.append(chr(v))
        elif k is sre.CATEGORY and v is sre.CATEGORY_SPACE:
            chars.append(" ")
        else:
            return None
    return tuple(chars)


def _class_literals(op: Any, av: Any) -> tuple[str, ...]:
    """The ways through a class (the parser makes one of ``(?:a|b)`` and of ``[ab]``): one
    of its characters when it lists a few, or `_RUN` when it holds separators only
    (``[\\s-]``). Empty for any other item."""
    if op is not sre.IN:
        return ()
    chars = _chars(op, av)
    if not chars:
        return ()
    if all(_SEPARATOR.fullmatch(char) for char in chars):
        return (_RUN,)
    if " " in chars or len(chars) > _CLASS_LITERALS:
        return ()  # \s beside other characters, or too many
    return chars


def _short_repeat(op: Any, av: Any) -> tuple[str, ...]:
    """The ways through a repeat that `_paths` reads on: ``x?`` of a character or of a
    class of a few (no text, or one of them), and any repeat of separators (``[\\s-]*``,
    `` ?``, ``\\s+``: no text when it may be empty, and `_RUN`). Empty for any other item."""
    if op not in _REPEATS or len(av[2]) != 1:
        return ()
    low, high, ((kind, value),) = av[0], av[1], list(av[2])
    chars = _chars(kind, value)
    if not chars:
        return ()
    none = ("",) if low == 0 else ()
    if all(_SEPARATOR.fullmatch(char) for char in chars):
        return (*none, _RUN)
    if high == 1 and " " not in chars and len(chars) <= _CLASS_LITERALS:
        return (*none, *chars)
    return ()


_REPEATS = (sre.MAX_REPEAT, sre.MIN_REPEAT, getattr(sre, "POSSESSIVE_REPEAT", sre.MAX_REPEAT))
_REQUIRED_MIN = 3  # shorter texts are in almost every record: not worth a test
_REQUIRED_LIMIT = 32  # texts of one choice at most
_BRANCH_CHOICES = 8  # choices of one group of alternatives at most


def required_texts(source: str) -> tuple[tuple[str, ...], ...]:
    """Choices of literal texts that every match of ``source`` holds: each match holds one
    text of each choice (``pain (?:fell|rose) (?:sharply|a lot)`` -> ("pain ",), ("fell",
    "rose"), ("sharply", "a lot")). Read from the regex parser's tree: literal runs, groups,
    alternatives each of which holds one, and repeats of at least one; anything else
    (classes, lookarounds, case folding) holds nothing this knows of. Empty when nothing is
    known, so a record that holds no text of some choice cannot match the pattern.

    For the compiled word-start scan: the starts of a pattern that cannot match a record
    (the lead "with " of a pattern about trigger points, in a record that never names
    them) need not be tried there."""
    parsed = _parsed(source)
    if parsed is None or parsed.state.flags & re.IGNORECASE:
        return ()
    return tuple(sorted(set(_required(list(parsed))), key=_strength, reverse=True))


def _strength(choice: tuple[str, ...]) -> tuple[int, int, tuple[str, ...]]:
    """How few records a choice of texts is likely met in: its shortest text the longer,
    its texts the fewer (and then by the texts, for a fixed order)."""
    return min(map(len, choice)), -len(choice), choice


def _required(items: list[tuple[Any, Any]]) -> list[tuple[str, ...]]:
    """The choices of texts that a match of the sequence ``items`` holds (see
    `required_texts`); a run of literals is one text."""
    choices: list[tuple[str, ...]] = []
    run = ""
    for op, av in items:
        if op is sre.LITERAL:
            run += chr(av)
            continue
        if len(run) >= _REQUIRED_MIN:
            choices.append((run,))
        run = ""
        if op is sre.SUBPATTERN:
            if not av[1] and not av[2]:  # no inline flags: a group, matched once
                choices += _required(list(av[3]))
        elif op is sre.ATOMIC_GROUP:
            choices += _required(list(av))
        elif op in _REPEATS and av[0] >= 1:
            choices += _required(list(av[2]))
        elif op is sre.BRANCH:
            # one choice of each alternative, joined, is a choice of the branch: each way
            # of picking them is (the likeliest to rule a record out first, a few at most)
            alternatives: list[list[tuple[str, ...]]] = []
            for alternative in av[1]:
                inner = _required(list(alternative))
                if not inner:  # an alternative that needs no text: the branch needs none
                    break
                alternatives.append(sorted(set(inner), key=_strength, reverse=True))
            else:
                for picked in islice(product(*alternatives), _BRANCH_CHOICES):
                    texts = sorted({text for choice in picked for text in choice})
                    if len(texts) <= _REQUIRED_LIMIT:
                        choices.append(tuple(texts))
    if len(run) >= _REQUIRED_MIN:
        choices.append((run,))
    return choices


def start_guard(keys: Iterable[str], depth: int | None = None) -> str | None:
    """A regex that matches where any of ``keys`` may start: the first ``depth``
    characters of each key (all of it for None) as a trie, spaces matching separator runs
    as in `trie_regex`. None when some key does not start with a word character.

    A prefix's regex matches the start of whatever its key's regex matches, so every
    start of a key passes; the whole key, the default, fails most other starts soonest
    (one pass over a trie of every synonym and lead instead of one over each)."""
    starts: set[str] = set()
    for key in keys:
        if not _WORD.match(key[:1]):
            return None
        starts.add(key[:depth])
    # "ab" already admits every "abc..."
    minimal = [s for s in starts if not any(s[:i] in starts for i in range(1, len(s)))]
    return trie_regex(sorted(minimal)) if minimal else None


def lead_filter(sources: Mapping[str, Iterable[str | None]], *, checked: bool = True) -> str | None:
    """A regex that matches where some pattern whose lead starts with the word there
    matches: ``w(?<=(?=P1|P2)w)`` for the first word ``w`` of each lead (its run of word
    characters: "to" of "to "), the words folded into one trie (the lookbehind steps back
    over ``w``, so the patterns run from the position itself, as alone).

    A pattern of lead ``L`` matches only where the text starts with ``L``'s first word,
    so the filter passes wherever one of the patterns does. Keyed by the word rather than
    the first character, a common word ("to", "with", "this") tries the few patterns of
    its own leads, not every pattern of its first letter: an eighth of the scan's time.

    ``sources`` maps each lead to the sources of its patterns, None for one that cannot
    be embedded (groups, inline flags): the word of such a lead always matches.
    None when a lead does not start with a word character, or the filter does not compile;
    ``checked=False`` leaves the compiling out (a caller that compiles the filter as part of
    a bigger regex, and drops it if that fails, saves compiling it twice)."""
    by_word: dict[str, list[str | None]] = {}
    for lead, group in sources.items():
        run = _WORD_RUN.match(lead)
        if run is None:
            return None
        first = by_word.setdefault(run.group(), [])
        for source in group:
            if source not in first:
                first.append(source)
    if not by_word:
        return None
    root: dict[str, dict] = {}  # type: ignore[type-arg]
    for word in by_word:
        node = root
        for char in word:
            node = node.setdefault(char, {})
        node[""] = {}

    def emit(node: dict[str, dict], path: str) -> str:  # type: ignore[type-arg]
        # longer words first, then the check of the word that ends here: the engine
        # backtracks into each alternative, so every word the text starts with is tried
        alternatives = [
            re.escape(char) + emit(child, path + char)
            for char, child in sorted(node.items())
            if char
        ]
        if "" in node:
            group = by_word[path]
            if None in group:  # a pattern that cannot be embedded: no check
                alternatives.append("")
            else:
                union = "|".join(f"(?:{source})" for source in group)
                alternatives.append(f"(?<=(?={union}){re.escape(path)})")
        if len(alternatives) == 1:
            return alternatives[0]
        return "(?:" + "|".join(alternatives) + ")"

    check = "(?:" + emit(root, "") + ")"
    if not checked:
        return check
    try:  # a source that compiles alone but not in a lookbehind: no filter, no error
        re.compile(check, re.MULTILINE)
    except re.error:
        return None
    return check
