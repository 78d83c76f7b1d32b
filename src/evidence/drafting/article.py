"""Drafting stage, input edge: an article file as a title, an address and text blocks.

Reads a ``.txt``, ``.md`` or saved ``.html`` article; writes nothing. The HTML page's main
text is found by Mozilla's Readability (``readability-lxml``), which drops navigation,
footers, banners and sidebars; the main text's headings, paragraphs and list items are
then read with ``lxml.html``. Plain text and Markdown are read line by line: a blank line
ends a paragraph, ``#`` lines are headings, ``-``/``*``/``•``/``1.`` lines are list items.
Everything past reading the file is pure (`parse_text`, `parse_html`).
"""

from __future__ import annotations

import re
from collections.abc import Sequence
from dataclasses import dataclass
from pathlib import Path
from typing import Literal

import lxml.html
from lxml import etree

from evidence.errors import InputError

__all__ = ["MAX_BYTES", "Article", "Block", "parse_html", "parse_text", "read_article"]

MAX_BYTES = 5 * 1024 * 1024
BlockKind = Literal["heading", "paragraph", "item", "label"]


@dataclass(frozen=True, slots=True)
class Block:
    """A heading, a paragraph, one list item or the bold label that opens an item or a
    paragraph ("**More blood flow.** Needling raises ..."), in article order."""

    kind: BlockKind
    text: str
    level: int = 0  # a heading's level (1 for "#" or <h1>, 2 for "##" or <h2>, ...)
    lead: str | None = None  # a table cell's column header ("Conditions treated")


@dataclass(frozen=True, slots=True)
class Article:
    """What the drafter reads: the title (or None), the address (or None) and the blocks."""

    title: str | None
    url: str | None
    blocks: tuple[Block, ...]


_ITEM = re.compile(r"^\s*(?:[-*+•·▪–]|\d{1,2}[.)])\s+(?=\S)")
_HEADING = re.compile(r"^\s*#{1,6}\s+")
_LINK = re.compile(r"!?\[([^\]]*)\]\([^)]*\)")
_EMPHASIS = re.compile(r"(\*\*|__|\*|`)(?=\S)(.+?)(?<=\S)\1")
_SPACE = re.compile(r"\s+")
# a bold label that opens a line, ending in a stop or colon, with the text after it
# ("**More blood flow.** Needling raises ..."; not "**Dry needling** is ...")
_LABEL = re.compile(r"^\s*(\*\*|__)(?=\S)(.+?[.:!?])\1\s*(?=\S)(.*)$")
_QUOTE = re.compile(r"^\s*(?:>\s?)+")
# a Markdown table's row ("| Dry needling | Neck pain |") and the rule under its header row
_TABLE_ROW = re.compile(r"^\s*\|.*\|\s*$")
_TABLE_RULE = re.compile(r"\s*:?-{3,}:?\s*")


def _table_row(cells: Sequence[str], header: Sequence[str]) -> list[Block]:
    """A table row as a labelled item: its first cell names what the row is about
    ("Shockwave therapy", "Plantar fasciitis"), each other cell says something of it, read
    with its column's header ("Conditions treated") as the line that introduces it."""
    if len(cells) < 2 or not cells[0]:
        return [Block("paragraph", " ".join(c for c in cells if c))] if any(cells) else []
    out = [Block("label", cells[0])]
    for i, cell in enumerate(cells[1:], start=1):
        if cell:
            lead = header[i] if i < len(header) and header[i] else None
            out.append(Block("item", cell, lead=lead))
    return out


def read_article(path: Path) -> Article:
    """Read the article at ``path`` (``.html``/``.htm`` as HTML, anything else as text).

    Raises:
        InputError: the file cannot be read, is too large, not UTF-8 text, or has no text.
    """
    try:
        size = path.stat().st_size
        if size > MAX_BYTES:
            raise InputError(
                f"{path}: too large for an article ({size} bytes, at most {MAX_BYTES})"
            )
        raw = path.read_bytes()
    except IsADirectoryError:
        raise InputError(f"{path}: is a folder, not an article file") from None
    except OSError as exc:
        raise InputError(f"{path}: cannot read: {exc.strerror or exc}") from exc
    if path.suffix.lower() in (".html", ".htm", ".xhtml"):
        article = parse_html(raw)
    else:
        try:
            text = raw.decode("utf-8-sig")
        except UnicodeDecodeError as exc:
            raise InputError(f"{path}: not UTF-8 text (byte {exc.start})") from exc
        article = parse_text(text, markdown=path.suffix.lower() in (".md", ".markdown"))
    if not any(b.text for b in article.blocks):
        raise InputError(f"{path}: no article text found")
    return article


def _plain(line: str) -> str:
    line = _LINK.sub(r"\1", line)
    line = _EMPHASIS.sub(r"\2", line)
    return _SPACE.sub(" ", line).strip()


_BOLD_LINE = re.compile(r"\s*(\*\*|__)(?=\S)([^*_]+?)(?<=\S)\1\s*")


def _bold_heading(raw: str, text: str) -> bool:
    """A line that is all bold, a few words, with no sentence stop or colon: a heading."""
    return (
        _BOLD_LINE.fullmatch(raw) is not None
        and len(text.split()) <= 10
        and not re.search(r"[.!?:;]\s*$", text)
    )


def _below(blocks: Sequence[Block], bold: set[int]) -> int:
    """The level one below the last heading's that was marked as one (2 when there is none);
    ``bold`` holds the places of the headings that were bold lines."""
    last = next(
        (
            b.level
            for i in range(len(blocks) - 1, -1, -1)
            if (b := blocks[i]).kind == "heading" and b.level and i not in bold
        ),
        1,
    )
    return min(last + 1, 6)


def parse_text(text: str, *, markdown: bool = False) -> Article:
    """Blocks of a plain-text or Markdown article; its first line is the title when it
    reads as one (a Markdown heading, or a short line without a full stop)."""
    blocks: list[Block] = []
    paragraph: list[str] = []
    # the rows of the table being read (where each starts in blocks) and its header row
    table: list[tuple[int, list[str]]] = []
    header: list[str] = []
    bold: set[int] = set()  # the places of the headings that were bold lines

    def flush() -> None:
        table.clear()
        header.clear()
        if paragraph:
            text = _plain(" ".join(paragraph))
            if len(paragraph) == 1 and _bold_heading(paragraph[0], text):
                # a bold line standing alone ("**Shockwave therapy**"): a heading one level
                # below the last one marked as a heading
                bold.add(len(blocks))
                blocks.append(Block("heading", text, _below(blocks, bold)))
            else:
                blocks.append(Block("paragraph", text))
            paragraph.clear()

    for line in text.splitlines():
        if markdown:
            line = _QUOTE.sub("", line)  # (a quoted line, "> Has anyone had it?", reads as text)
        if not line.strip():
            flush()
        elif _HEADING.match(line):
            flush()
            level = len(line.strip()) - len(line.strip().lstrip("#"))
            blocks.append(Block("heading", _plain(_HEADING.sub("", line).rstrip("#")), level))
        elif markdown and _TABLE_ROW.match(line):
            if paragraph:
                flush()
            cells = [_plain(c) for c in line.strip().strip("|").split("|")]
            if all(_TABLE_RULE.fullmatch(c) for c in cells):
                # the rule under the header row: the row before it was the header, not data
                if table and not header:
                    header[:] = table[-1][1]
                    del blocks[table[-1][0] :]
                continue
            table.append((len(blocks), cells))
            blocks.extend(_table_row(cells, header))
        elif _ITEM.match(line):
            flush()
            item = _ITEM.sub("", line)
            label = _LABEL.match(item)
            if label:
                blocks.append(Block("label", _plain(label.group(2))))
                item = label.group(3)
            blocks.append(Block("item", _plain(item)))
        elif markdown and re.fullmatch(r"\s*(?:=+|-+)\s*", line) and paragraph:
            heading = " ".join(paragraph)
            paragraph.clear()
            blocks.append(Block("heading", _plain(heading), 1 if "=" in line else 2))
        else:
            label = None if paragraph else _LABEL.match(line)
            if label:
                blocks.append(Block("label", _plain(label.group(2))))
                line = label.group(3)
            paragraph.append(line.strip())
    flush()
    title = None
    if blocks:
        first = blocks[0]
        is_title = first.kind == "heading" or (
            len(first.text.split()) <= 14 and not first.text.endswith(".")
        )
        if is_title:
            title = first.text
            blocks[0] = Block("heading", first.text, first.level or 1)
    return Article(title=title, url=None, blocks=tuple(b for b in blocks if b.text))


_BLOCK_TAGS = {
    "h1": "heading",
    "h2": "heading",
    "h3": "heading",
    "h4": "heading",
    "h5": "heading",
    "h6": "heading",
    "p": "paragraph",
    "li": "item",
    "dt": "paragraph",
    "dd": "paragraph",
    "blockquote": "paragraph",
    # an FAQ's question in a disclosure widget or an accordion's button
    "summary": "paragraph",
    "button": "paragraph",
    "td": "paragraph",
}


def _html_label(element: etree._Element) -> str | None:
    """The text of a <strong> or <b> that opens a list item or paragraph, if any."""
    if (element.text or "").strip():
        return None
    first = next(iter(element), None)
    if first is None or first.tag not in ("strong", "b"):
        return None
    label = _SPACE.sub(" ", "".join(str(t) for t in first.itertext())).strip()
    return label if label[-1:] in (".", ":", "!", "?") else None


def _html_bold_only(element: etree._Element, text: str) -> bool:
    """The paragraph is one <strong> or <b> and nothing else, a few words with no stop."""
    children = list(element)
    return (
        not (element.text or "").strip()
        and len(children) == 1
        and children[0].tag in ("strong", "b")
        and not (children[0].tail or "").strip()
        and len(text.split()) <= 10
        and not re.search(r"[.!?:;]\s*$", text)
    )


def _column_header(cell: etree._Element, cells: Sequence[etree._Element]) -> str | None:
    """The header of a table cell's column: the text of the <th> at its place in the
    table's first row, when that row is a header row."""
    row = cell.getparent()
    table = next((a for a in cell.iterancestors() if a.tag == "table"), None)
    if row is None or table is None:
        return None
    first = next(iter(table.iter("tr")), None)
    if first is None or first is row:
        return None
    heads = [c for c in first if c.tag in ("td", "th")]
    at = list(cells).index(cell)
    if not heads or any(c.tag != "th" for c in heads) or at >= len(heads):
        return None
    text = _SPACE.sub(" ", "".join(str(t) for t in heads[at].itertext())).strip()
    return text or None


def parse_html(raw: bytes | str) -> Article:
    """The main text of a saved HTML page as blocks, with the page's title and address.

    Raises:
        InputError: the page cannot be parsed.
    """
    from readability import Document  # type: ignore[import-untyped]

    data = raw if isinstance(raw, str) else raw.decode("utf-8", errors="replace")
    try:
        page = lxml.html.document_fromstring(data)
        readable = Document(data)
        main_html = readable.summary(html_partial=True)
        title = _SPACE.sub(" ", readable.short_title() or "").strip() or None
    except (etree.ParserError, ValueError) as exc:
        raise InputError(f"cannot read the page as HTML: {exc}") from exc
    url = None
    for xpath in ('//link[@rel="canonical"]/@href', '//meta[@property="og:url"]/@content'):
        found = page.xpath(xpath)
        if isinstance(found, list) and found:
            url = str(found[0]).strip() or None
            break
    main = lxml.html.fragment_fromstring(main_html, create_parent="div")
    bold: set[int] = set()  # the places of the headings that were bold paragraphs
    for br in main.iter("br"):  # a line break separates words ("pain.<br>Most ...")
        br.tail = "\n" + (br.tail or "")
    blocks: list[Block] = []
    h1 = next(iter(page.iter("h1")), None)
    if h1 is not None:
        heading = _SPACE.sub(" ", "".join(str(t) for t in h1.itertext())).strip()
        if heading:
            title = heading
    if title:
        blocks.append(Block("heading", title, 1))
    for element in main.iter(*_BLOCK_TAGS):
        # a block inside another block (a <p> in an <li>) is read with its parent
        if any(parent.tag in _BLOCK_TAGS for parent in element.iterancestors()):
            continue
        text = _SPACE.sub(" ", element.text_content()).strip()
        if text and not (blocks and blocks[-1].kind == "heading" and blocks[-1].text == text):
            kind = _BLOCK_TAGS[str(element.tag)]
            if element.tag == "td":
                # a table row reads as a labelled item: its first cell names what the row is
                # about ("Shockwave therapy"), each other cell says something of it
                row = element.getparent()
                cells = [c for c in row if c.tag in ("td", "th")] if row is not None else []
                if len(cells) >= 2:
                    if element is cells[0]:
                        blocks.append(Block("label", text))
                    else:
                        blocks.append(Block("item", text, lead=_column_header(element, cells)))
                    continue
            if kind == "paragraph" and element.tag == "p" and _html_bold_only(element, text):
                # a bold paragraph standing alone ("<p><strong>Shockwave therapy</strong></p>"):
                # a heading one level below the last one marked as a heading
                bold.add(len(blocks))
                blocks.append(Block("heading", text, _below(blocks, bold)))
                continue
            label = _html_label(element) if kind in ("item", "paragraph") else None
            if label and len(label) < len(text) and text.startswith(label):
                blocks.append(Block("label", label))
                text = text[len(label) :].strip()
            level = int(str(element.tag)[1]) if kind == "heading" else 0
            blocks.append(Block(kind, text, level))  # type: ignore[arg-type]
    return Article(title=title, url=url, blocks=tuple(blocks))
