"""The file `evidence check --out FILE` writes: .csv, .json, .md or .html (report stage).

Reads verdicts; renders one file whose format comes from its extension
(`evidence.pipeline.check` writes it once the verdicts are published). `output_format`
rejects an unknown extension before any work is done (exit 2). The HTML page is the
report's claims table (`evidence.report.render.render_check_page`).

Claim texts, titles and record sentences are untrusted: the files must not attack whoever
opens them. Markdown is rendered by tools that pass raw HTML through, so its text has
``& < >`` as entities, and backticks, brackets, pipes and backslashes (code spans, links,
images, table cells) backslash-escaped. A CSV cell that a spreadsheet would run as a
formula (one starting with ``= + - @``, a tab or a carriage return) gets a leading ``'``,
as OWASP's CSV-injection advice has it; numeric columns are numbers and stay as they are.
A carriage return in a cell is written as a line feed. JSON is data and stays exact.
"""

from __future__ import annotations

import csv
import html
import io
import json
import re
from collections.abc import Sequence
from datetime import datetime
from pathlib import Path
from typing import Any

from evidence.claims.cards import weight_words
from evidence.claims.claim import ClaimsFile, Verdict
from evidence.claims.history import FileHistory
from evidence.claims.warehouse import CheckedFile
from evidence.errors import InputError
from evidence.report.render import render_check_page

__all__ = ["OUTPUT_FORMATS", "output_format", "render_output"]

OUTPUT_FORMATS = (".csv", ".json", ".md", ".html")
_CSV_COLUMNS = (
    "claim_id",
    "claim_text",
    "kind",
    "verdict",
    "grade",
    "rule",
    "n_articles",
    "n_supporting",
    "n_refuting",
    "summary",
    "citations",
)


def output_format(path: Path) -> str:
    """The format of an output path from its extension.

    Raises:
        InputError: the extension is not one of .csv, .json, .md, .html.
    """
    suffix = path.suffix.lower()
    if suffix not in OUTPUT_FORMATS:
        raise InputError(
            f"{path}: unknown output format {suffix or '(no extension)'!r}"
            f" (use {', '.join(OUTPUT_FORMATS)})"
        )
    return suffix


_FORMULA_START = ("=", "+", "-", "@", "\t", "\r")
_MD_SPECIAL = re.compile(r"([\\`\[\]|])")


def _pubmed(pmid: int) -> str:
    return f"https://pubmed.ncbi.nlm.nih.gov/{pmid}/"


def _csv_cell(value: object) -> object:
    r"""A text cell that a spreadsheet would read as a formula, made plain text; a carriage
    return becomes a line feed (Python 3.11's csv writer leaves a lone CR unquoted, which
    splits the row).

    >>> _csv_cell("=1+1"), _csv_cell("-1 day"), _csv_cell("\r=2"), _csv_cell(-1)
    ("'=1+1", "'-1 day", "'\n=2", -1)
    """
    if not isinstance(value, str):
        return value
    if value.startswith(_FORMULA_START):
        value = "'" + value
    return value.replace("\r\n", "\n").replace("\r", "\n")


def _csv(verdicts: Sequence[Verdict]) -> str:
    buffer = io.StringIO()
    writer = csv.writer(buffer, lineterminator="\n")
    writer.writerow(_CSV_COLUMNS)
    for v in verdicts:
        row: list[object] = [
            v.claim.id,
            v.claim.text,
            v.claim.kind,
            v.verdict,
            v.grade or "",
            v.rule,
            v.n_articles,
            v.n_supporting,
            v.n_refuting,
            v.summary,
            " ".join(str(c.pmid) for c in v.citations),
        ]
        writer.writerow([_csv_cell(cell) for cell in row])
    return buffer.getvalue()


def _json(claims: ClaimsFile, verdicts: Sequence[Verdict], checked_at: datetime) -> str:
    doc: dict[str, Any] = {
        "claims_file": claims.name,
        "source": {"title": claims.source_title, "url": claims.source_url},
        "checked_at": checked_at.isoformat(),
        "verdicts": [
            {
                "claim_id": v.claim.id,
                "claim_text": v.claim.text,
                "kind": v.claim.kind,
                "asserts": v.claim.asserts,
                "verdict": v.verdict,
                "grade": v.grade,
                "rule": v.rule,
                "n_articles": v.n_articles,
                "n_supporting": v.n_supporting,
                "n_refuting": v.n_refuting,
                "summary": v.summary,
                "citations": [
                    {
                        "pmid": c.pmid,
                        "year": c.year,
                        "design": c.design,
                        "stance": c.stance,
                        "weight": c.weight,
                        "sample_size": c.sample_size,
                        "weight_words": weight_words(
                            c.design, c.sample_size, c.year, checked_at.year
                        ),
                        "sentence": c.sentence,
                        "note": c.note,
                        "title": c.title,
                        "url": _pubmed(c.pmid),
                    }
                    for c in v.citations
                ],
            }
            for v in verdicts
        ],
    }
    return json.dumps(doc, indent=2, ensure_ascii=False) + "\n"


def _md_cell(text: str) -> str:
    r"""Untrusted text as inert Markdown on one line, fit for a table cell.

    >>> print(_md_cell("a | <img onerror=x> [l](javascript:y)"))
    a \| &lt;img onerror=x&gt; \[l\](javascript:y)
    """
    return html.escape(_MD_SPECIAL.sub(r"\\\1", " ".join(text.split())), quote=False)


def _md_code(text: str) -> str:
    """``text`` as one Markdown code span, whatever backticks it holds."""
    text = " ".join(text.split())
    fence = "`" * (max((len(run) for run in re.findall(r"`+", text)), default=0) + 1)
    pad = " " if text.startswith("`") or text.endswith("`") else ""
    return f"{fence}{pad}{text}{pad}{fence}"


def _markdown(claims: ClaimsFile, verdicts: Sequence[Verdict], checked_at: datetime) -> str:
    title = claims.source_title or claims.name
    lines = [
        f"# Claims checked: {_md_cell(title)}",
        "",
        f"Claims file {_md_code(claims.name)}, checked {checked_at:%Y-%m-%d %H:%M} UTC."
        " Rules: docs/verdict-rules.md.",
        "",
        "| Claim | Text | Verdict | Certainty | Summary |",
        "| --- | --- | --- | --- | --- |",
    ]
    for v in verdicts:
        lines.append(
            f"| {_md_cell(v.claim.id)} | {_md_cell(v.claim.text)} | {v.verdict} |"
            f" {v.grade or 'not graded'} | {_md_cell(v.summary)} |"
        )
    for v in verdicts:
        if not v.citations:
            continue
        lines += ["", f"## {_md_cell(v.claim.id)}: evidence", ""]
        for c in v.citations:
            sentence = f": {_md_cell(c.sentence)}" if c.sentence else ""
            note = f" ({_md_cell(c.note)})" if c.note else ""
            words = weight_words(c.design, c.sample_size, c.year, checked_at.year)
            lines.append(
                f"- [PMID {c.pmid}]({_pubmed(c.pmid)}) ({c.year or 'n.d.'},"
                f" {c.design}, {c.stance}; {words}; weight {c.weight:.2f}){sentence}{note}"
            )
    return "\n".join(lines) + "\n"


def render_output(
    fmt: str,
    claims: ClaimsFile,
    verdicts: Sequence[Verdict],
    *,
    checked_at: datetime,
    data_line: str,
    synthetic: Sequence[int] = (),
    n_records: int = 0,
    history: FileHistory | None = None,
) -> str:
    """The text of the output file in format ``fmt`` (one of `OUTPUT_FORMATS`); the HTML
    page also shows ``history`` (what changed since the previous check, retractions)."""
    if fmt == ".csv":
        return _csv(verdicts)
    if fmt == ".json":
        return _json(claims, verdicts, checked_at)
    if fmt == ".md":
        return _markdown(claims, verdicts, checked_at)
    checked = CheckedFile(
        claims.name,
        claims.source_title,
        claims.source_url,
        checked_at,
        tuple(verdicts),
        history or FileHistory(),
    )
    return render_check_page(
        checked, generated_at=checked_at, line=data_line, synthetic=synthetic, n_records=n_records
    )
