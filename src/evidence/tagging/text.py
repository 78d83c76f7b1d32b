"""Tagging stage, text layout: an `Article`'s title, abstract and keywords as role-tagged units.

Reads an `Article` (title, abstract sections, keywords); writes nothing. Each unit is a
sentence (or the title, or a keyword) with its role in the abstract: background,
objective, methods, results, conclusions, or body for the middle of an unstructured
abstract. The role comes from the section's NlmCategory, else its Label, else (unstructured
abstracts) from the sentence's position and cue words. All units are joined into one
lower-cased string so that each dimension is matched with one regex pass.
"""

from __future__ import annotations

import re
from bisect import bisect_right
from dataclasses import dataclass
from itertools import accumulate
from typing import NamedTuple

from evidence.models import Article

__all__ = [
    "ROLE_WEIGHTS",
    "Document",
    "Unit",
    "build_document",
    "split_sentences",
]

# How much a mention counts towards a tag, by where it is. A tag needs 1.0: the title or
# objective alone is enough, one mention in the body is enough, the background never is.
ROLE_WEIGHTS = {
    "title": 2.0,
    "objective": 1.5,
    "methods": 1.0,
    "results": 1.0,
    "conclusions": 1.0,
    "body": 1.0,
    "keyword": 0.5,
    "background": 0.0,
    "other": 0.0,
}

_CATEGORY_ROLES = {
    "BACKGROUND": "background",
    "OBJECTIVE": "objective",
    "METHODS": "methods",
    "RESULTS": "results",
    "CONCLUSIONS": "conclusions",
}
# Labels in the order they are tried: "MAIN OUTCOME MEASURES" is methods, not results.
_LABEL_ROLES = (
    (re.compile(r"registration|funding|level of evidence|trial number|prospero"), "other"),
    (re.compile(r"background|introduction|context|rationale|importance"), "background"),
    (re.compile(r"objective|aim|purpose|goal|question|hypothes"), "objective"),
    (
        re.compile(
            r"method|design|setting|participant|patient|subject|intervention|measure|"
            r"procedure|material|source|selection|extraction|eligib|search|population|"
            r"case (?:presentation|description|report)|presentation"
        ),
        "methods",
    ),
    (re.compile(r"result|finding|outcome"), "results"),
    (
        re.compile(r"conclusion|interpretation|implication|discussion|significance|summary"),
        "conclusions",
    ),
)
# The cue words; each starts with a letter or a digit.
_CUE_WORDS = (
    r"(?:aims?|aimed|objectives?|purpose|goal|we (?:sought|hypothesi[sz]ed|report|describe|"
    r"present|conducted|performed|compared|investigated|evaluated|assessed|examined|treated|"
    r"randomi[sz]ed|enrolled|recruited|searched)|this (?:study|trial|review|report|paper|"
    r"article)|the present (?:study|trial|review)|(?:were|was) (?:randomly )?(?:randomi[sz]ed|"
    r"enrolled|recruited|included|assigned|allocated)|to (?:evaluate|investigate|compare|assess|"
    r"determine|examine|explore|test)|\d+[\s-]*years?[\s-]*old|a case of)\b"
)
# The lookahead holds the first letters of every alternative: most words fail it at once
# instead of trying each alternative (the same matches, found faster).
_OBJECTIVE_GUARD = r"(?=a(?:im| c)|obj|pur|goa|w(?:e |er|as)|t(?:h[ie]|o )|\d)"
_OBJECTIVE_CUE = re.compile(r"\b" + _OBJECTIVE_GUARD + _CUE_WORDS, re.IGNORECASE)
# The same cues, found faster in an ASCII text (see `_first_objective_cue`): there ignoring
# case is lower-casing (only non-ASCII letters, such as "ı" and "ſ", also match "i" and "s"
# ignoring case), and the \b before a cue, which starts with a word character, is a
# non-word character before it: a space, or another one. Each pattern starts with a literal
# or a character class, which the regex engine skips to in C, instead of trying the whole
# pattern at every position (three times faster on an abstract without a cue).
_CUE_AFTER_SPACE = re.compile(r" (?=" + _CUE_WORDS + ")")
_CUE_AFTER_MARK = re.compile(r"[\x00-\x1f!-/:-@\[-^`{-\x7f](?=" + _CUE_WORDS + ")")  # not space
# The same for any other text: `_OBJECTIVE_CUE` after a non-word character (the \b before
# a cue, which starts with a word character). Starting with a character class, the engine
# skips in C to each non-word character instead of trying the pattern at every position
# (it cannot for \b): a sixth of the time of the non-ASCII abstracts.
_CUE_AFTER_NON_WORD = re.compile(r"\W(?=" + _OBJECTIVE_GUARD + _CUE_WORDS + ")", re.IGNORECASE)
# A background sentence that states the record's own aim ("We aimed to ...", "This study
# therefore compared ...") is its objective: many structured abstracts end the background so.
_AIM_START = re.compile(
    r"\s*(?:(?:therefore|thus|hence|accordingly|here),?\s+)?(?:(?:in\s+)?(?:this|the present|the "
    r"current|our)\s+(?:[\w-]+\s+)?(?:study|trial|review|paper|work|protocol|pilot)\b|we\s+"
    r"(?:therefore\s+|thus\s+|here\s+)?(?:aim|aimed|sought|set out|plan|planned|intend|intended|"
    r"hypothesi[sz]e|hypothesi[sz]ed|investigated|evaluated|compared|assessed|examined|explored|"
    r"studied|tested)\b|(?:the|our)\s+(?:main\s+|primary\s+)?(?:aim|objective|purpose|goal)s?\b)",
    re.IGNORECASE,
)
_CONCLUSION_CUE = re.compile(
    r"^(?:in conclusion|to conclude|we conclude|conclusions?|in summary|overall|taken together|"
    r"these (?:results|findings|data)|our (?:results|findings|data)|the (?:results|findings)"
    r" (?:suggest|indicate|show))",
    re.IGNORECASE,
)
# A full stop, then space, then a capital, digit or bracket; not after an abbreviation
# (e.g., i.e., vs., et al., Fig., No.) or an initial ("J. Smith"). It starts with a character
# class, so the regex engine skips in C to the next [.!?], and it looks ahead before it looks
# behind, so a decimal point costs one test.
_AFTER_STOP = (
    r"(?=[\"')\]]*\s+[A-Z0-9(\[])"
    r"(?:(?<=[!?])|(?<!\be\.g\.)(?<!\bi\.e\.)(?<!\bvs\.)(?<!\bal\.)(?<!\b[Dd]r\.)"
    r"(?<!\b[Ff]ig\.)(?<!\b[Ff]igs\.)(?<!\bapprox\.)(?<!\b[Nn]o\.)(?<!\bref\.)(?<!\bcf\.)"
    r"(?<!\b[Ss]t\.)(?<!\b[A-Za-z]\.))[\"')\]]*\s+(?=[A-Z0-9(\[])"
)
_BOUNDARY = re.compile(r"[!?.]" + _AFTER_STOP)
# The same for a text without "!" and "?" (most): there [!?.] is the full stop alone, and a
# literal first character is found faster still than a class.
_FULL_STOP_BOUNDARY = re.compile(r"\." + _AFTER_STOP)
# The same boundaries with the stop as a group, for `re.split` (see `_sentences`).
_SPLIT = re.compile(r"([!?.])" + _AFTER_STOP)
_FULL_STOP_SPLIT = re.compile(r"(\.)" + _AFTER_STOP)


class Unit(NamedTuple):
    """A span of `Document.lower`: one sentence, the title, or one keyword."""

    start: int
    end: int
    role: str
    section: int  # index of the abstract section, -1 for title and keywords


@dataclass(frozen=True, slots=True)
class Document:
    """The searchable text of one record: original and lower-cased, with unit offsets."""

    text: str
    lower: str
    units: tuple[Unit, ...]
    starts: tuple[int, ...]

    def unit_at(self, position: int) -> Unit:
        """The unit that holds ``position`` of the joined text."""
        return self.units[bisect_right(self.starts, position) - 1]

    def unit_text(self, unit: Unit) -> str:
        return self.text[unit.start : unit.end]

    def units_with(self, *roles: str) -> list[Unit]:
        return [u for u in self.units if u.role in roles]

    @property
    def has_abstract(self) -> bool:
        return any(u.section >= 0 for u in self.units)


def split_sentences(text: str) -> list[tuple[int, int]]:
    """Sentence spans of ``text``; abbreviations (e.g., vs., et al.) do not end a sentence."""
    boundaries = _BOUNDARY if "!" in text or "?" in text else _FULL_STOP_BOUNDARY
    spans: list[tuple[int, int]] = []
    start = 0
    for boundary in boundaries.finditer(text):
        spans.append((start, boundary.start() + 1))
        start = boundary.end()
    if start < len(text) and text[start:].strip():
        spans.append((start, len(text)))
    return spans


def _sentences(text: str) -> list[str]:
    """The sentences of ``text``: ``[text[a:b] for a, b in split_sentences(text)]``, cut in
    one call in C (`re.split` of the boundaries with the stop kept as a group: the pieces
    are each sentence less its stop, the stop, and the text after the last boundary)."""
    pieces = (_SPLIT if "!" in text or "?" in text else _FULL_STOP_SPLIT).split(text)
    last = pieces.pop()
    sentences = [a + b for a, b in zip(pieces[::2], pieces[1::2], strict=True)]
    if last.strip():  # the text after the last boundary, as `split_sentences` keeps it
        sentences.append(last)
    return sentences


def _section_role(label: str | None, category: str | None) -> str | None:
    role = _CATEGORY_ROLES.get(category.upper()) if category else None
    if role is not None:
        return role
    if label:
        lowered = label.lower()
        for pattern, role in _LABEL_ROLES:
            if pattern.search(lowered):
                return role
        return "body"
    return None


def _first_objective_cue(sentences: list[str]) -> int | None:
    """Index of the first sentence that `_OBJECTIVE_CUE` finds a cue in, if any."""
    # One search over the sentences joined by NUL, which no cue holds (a cue cannot run
    # across it) and which is a non-word character (a cue after it starts a word, as at the
    # start of a sentence): so the first cue found is in the first sentence that has one.
    joined = "\x00" + "\x00".join(sentences)
    if not joined.isascii():  # as `_OBJECTIVE_CUE` reads it: ignoring case, not lower-cased
        found: tuple[re.Match[str] | None, ...] = (_CUE_AFTER_NON_WORD.search(joined),)
    else:
        lower = joined.lower()
        found = (_CUE_AFTER_SPACE.search(lower), _CUE_AFTER_MARK.search(lower))
    cues = [hit.end() for hit in found if hit is not None]  # a cue starts after its break
    if not cues:
        return None
    starts = list(accumulate((len(s) + 1 for s in sentences), initial=1))
    return bisect_right(starts, min(cues)) - 1


def _unstructured_roles(sentences: list[str]) -> list[str]:
    """Roles of the sentences of an unlabelled abstract, from position and cue words."""
    n = len(sentences)
    if n <= 2:
        return ["body"] * (n - 1) + ["conclusions"]
    first_cue = _first_objective_cue(sentences)
    roles = ["background" if i < (first_cue or 1) else "body" for i in range(n)]
    if first_cue is not None:
        roles[first_cue] = "objective"
    else:
        first_cue = 1
    roles[-1] = "conclusions"
    for i in range(max(first_cue + 1, n - n // 3 - 1), n - 1):
        if _CONCLUSION_CUE.search(sentences[i]):
            roles[i:] = ["conclusions"] * (n - i)
            break
    return roles


def build_document(article: Article) -> Document:
    """Lay out the title, abstract sentences and keywords of ``article`` as units."""
    pieces: list[str] = []
    units: list[Unit] = []
    new = tuple.__new__  # a `Unit` without the Python-level __new__ of a NamedTuple
    position = 0  # each piece is followed by the "\n" that joins the pieces
    if article.title:
        pieces.append(article.title)
        position = len(article.title) + 1
        units.append(new(Unit, (0, position - 1, "title", -1)))
    sections = article.abstract_sections
    for index, section in enumerate(sections):
        role = _section_role(section.label, section.nlm_category)
        text = section.text
        sentences = _sentences(text)
        if role is None and len(sections) == 1:
            roles = _unstructured_roles(sentences)
        else:
            roles = [role or "body"] * len(sentences)
            if role == "background":
                roles = [
                    "objective" if _AIM_START.match(sentence) else "background"
                    for sentence in sentences
                ]
        for sentence, sentence_role in zip(sentences, roles, strict=True):
            end = position + len(sentence)
            units.append(new(Unit, (position, end, sentence_role, index)))
            position = end + 1
        pieces += sentences
    for keyword in article.keywords:
        pieces.append(keyword)
        end = position + len(keyword)
        units.append(new(Unit, (position, end, "keyword", -1)))
        position = end + 1
    text = "\n".join(pieces)
    lower = text.lower()
    if len(lower) != len(text):  # a few characters lower-case to two; keep offsets aligned
        lower = "".join(ch.lower()[0] for ch in text)
    return Document(text, lower, tuple(units), tuple([u.start for u in units]))
