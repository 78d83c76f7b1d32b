"""Ingest stage, text: read the text of PubMed elements that may hold inline markup.

Reads lxml elements; writes nothing. Titles, abstracts and keywords can contain `<i> <b> <u>
<sup> <sub>` and, since June 2018, MathML in the `mml` namespace (NLM Technical Bulletin
ma18, "display formulas"). The text of every descendant is kept and the tags are dropped,
exactly where they stood: "SnO<sub>2</sub>thin" stays "SnO2thin", as in the source. Runs of
XML whitespace (space, tab, CR, LF) collapse to one space, taking any no-break space next to
them along, and the ends are stripped. A no-break or thin space between two words is content
and is kept ("75\u00a0år").
"""

from __future__ import annotations

import re

from lxml import etree

__all__ = ["MATHML_NAMESPACE", "clean_text", "inline_text", "math_text"]

MATHML_NAMESPACE = "http://www.w3.org/1998/Math/MathML"

_MATH_TAG = f"{{{MATHML_NAMESPACE}}}math"
_XML_SPACE = " \t\n\r"
_SPACE_RUN = re.compile("[ \t\n\r\xa0]*[ \t\n\r][ \t\n\r\xa0]*")


def clean_text(text: str | None) -> str | None:
    """Collapse runs of XML whitespace to one space and strip the ends; None when empty."""
    if not text:
        return None
    # Most values hold only single spaces, which the regex would keep as they are. Tabs, line
    # breaks and no-break spaces are all "not printable", so two C-speed scans decide.
    if "  " in text or not text.isprintable():
        return _SPACE_RUN.sub(" ", text).strip(" \xa0") or None
    return text.strip(" ") or None


def inline_text(element: etree._Element) -> str | None:
    """The text of `element` and all its descendants, markup dropped, whitespace cleaned."""
    if not len(element):
        return clean_text(element.text)
    parts: list[str] = []
    _collect(element, parts)
    return clean_text("".join(parts))


def _collect(element: etree._Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text)
    for child in element:
        tag = child.tag
        # Entity references that no DTD declares arrive as nodes whose tag is not a string;
        # their name is not text, but what follows them is.
        if isinstance(tag, str):
            if tag == _MATH_TAG:
                parts.append(math_text(child))
            else:
                _collect(child, parts)
        if child.tail:
            parts.append(child.tail)


def math_text(math: etree._Element) -> str:
    """MathML tokens joined without the indentation between them ("V.O2max"), with the
    prescripts of an ``mmultiscripts`` before their base ("3He", not "He3").

    MathML ignores whitespace around token content (MathML 3, section 2.1.7), and PubMed
    indents its formulas, so each piece of text is stripped before joining.
    """
    parts: list[str] = []
    _math_pieces(math, parts)
    return "".join(parts)


def _math_pieces(element: etree._Element, parts: list[str]) -> None:
    if element.text:
        parts.append(element.text.strip(_XML_SPACE))
    children = list(element)
    if _local(element.tag) == "mmultiscripts":
        # base, postscript pairs, then <mprescripts/> and the prescript pairs (MathML 3,
        # section 3.4.7): written before the base, as a reader sees them
        cut = next((i for i, c in enumerate(children) if _local(c.tag) == "mprescripts"), None)
        if cut is not None:
            children = children[cut + 1 :] + children[:cut]
    for child in children:
        if isinstance(child.tag, str):  # not an entity node: its name is not text
            _math_pieces(child, parts)
        if child.tail:
            parts.append(child.tail.strip(_XML_SPACE))


def _local(tag: object) -> str:
    return tag.rpartition("}")[2] if isinstance(tag, str) else ""
