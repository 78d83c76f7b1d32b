"""HTML of the editors' report and of `evidence check --out FILE.html` (report stage, pure).

Reads `ReportData` (or one checked claims file, with what changed since its previous check)
and returns HTML strings rendered from the jinja2 templates in ``templates/``, with
autoescaping on: every text taken from a record
(titles, sentences, journals) is escaped. Pages embed their CSS and their plots (SVG data
URIs) and forbid every external fetch with a Content-Security-Policy, so they work from a
folder or a mail attachment. The caller writes the files.
"""

from __future__ import annotations

import re
from collections import Counter
from collections.abc import Sequence
from datetime import datetime
from typing import Any

import jinja2
import markupsafe
from markdown_it import MarkdownIt

from evidence.claims.cards import weight_detail, weight_words
from evidence.claims.claim import VERDICTS
from evidence.claims.history import VerdictChange
from evidence.claims.rules import label
from evidence.claims.warehouse import CheckedFile
from evidence.claims.weighing import DESIGN_NAMES
from evidence.report.data import Provenance, ReportData
from evidence.report.plots import evidence_map_svg, publications_svg

__all__ = [
    "MAX_CARDS",
    "VERDICT_HELP",
    "banner_text",
    "change_reasons",
    "data_line",
    "environment",
    "render_check_page",
    "render_report",
    "rules_html",
]

RULES_PAGE = "verdict-rules.html"

MAX_CARDS = 25

VERDICT_HELP: dict[str, tuple[str, str]] = {
    "supported": ("Supported", "The strongest studies found agree with the claim."),
    "mixed": (
        "Mixed",
        "Studies of similar strength disagree, or agree only in part"
        " (short-term only, weak studies only, only with other treatments).",
    ),
    "insufficient": (
        "Insufficient evidence",
        "Too few studies, or only weak kinds of study (single cases, animal studies, protocols).",
    ),
    "contradicted": ("Contradicted", "The strongest studies found disagree with the claim."),
    "not_assessable": (
        "Not assessable",
        "Research papers cannot check this kind of statement; the summary says what would.",
    ),
}
_STANCE = {
    "supports": "agrees with the claim",
    "refutes": "disagrees with the claim",
    "neutral": "counts neither way",
}
_KIND = {
    "effectiveness": "does it work?",
    "indication": "is it used for this?",
    "safety": "is it safe?",
    "adverse_effect": "can it cause this?",
    "coverage": "is it covered by insurance?",
    "mechanism": "how it works",
    "definition": "what it is",
}
# Inline formatting that PubMed titles carry (<i>in vivo</i>); dropped before escaping.
_INLINE_TAGS = re.compile(r"</?(?:i|b|u|em|strong|sup|sub)\s*>", re.IGNORECASE)


def _plain(value: object) -> str:
    return _INLINE_TAGS.sub("", str(value)) if value is not None else ""


def _safe_url(value: object) -> str | None:
    text = str(value or "")
    return text if text.startswith(("https://", "http://")) else None


def change_reasons(change: VerdictChange) -> list[str]:
    """Why a verdict changed, besides the cited records listed by PMID (the page lists those)."""
    reasons = []
    if change.claim_edited:
        reasons.append("The claim was edited since the previous check.")
    if change.vocabulary_changed:
        reasons.append("The vocabulary (data/vocab) changed.")
    if change.tagger_changed:
        reasons.append("The tagger that reads the records changed.")
    if change.rules_changed:
        reasons.append("The verdict rules changed (docs/verdict-rules.md).")
    if change.checked_at.year != change.previous_checked_at.year:
        reasons.append(f"Checked in {change.checked_at.year}: older records weigh a little less.")
    listed = (
        change.new_pmids or change.dropped_pmids or change.retracted_pmids or change.deleted_pmids
    )
    if not reasons and not listed:
        reasons.append(
            "The same records are cited; what they conclude, their tags or their design changed."
            if change.data_changed
            else "No recorded cause: the same data, vocabulary, tagger and rules."
        )
    return reasons


def environment() -> jinja2.Environment:
    """The template environment: package templates, autoescape always on."""
    env = jinja2.Environment(
        loader=jinja2.PackageLoader("evidence.report", "templates"),
        autoescape=True,
        undefined=jinja2.StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
    )
    env.filters["plain"] = _plain
    env.filters["safe_url"] = _safe_url
    env.filters["words"] = lambda v: label(str(v))
    env.globals.update(
        verdict_help=VERDICT_HELP,
        verdicts=VERDICTS,
        stance_text=_STANCE,
        kind_text=_KIND,
        design_name=lambda d: DESIGN_NAMES.get(d, (str(d), str(d)))[0].capitalize(),
        max_cards=MAX_CARDS,
        change_reasons=change_reasons,
        weight_words=weight_words,
        weight_detail=weight_detail,
    )
    return env


def banner_text(n_synthetic: int, n_records: int) -> str | None:
    """The warning shown on every page when the records are (partly) synthetic."""
    if n_synthetic == 0:
        return None
    if n_synthetic >= n_records:
        return (
            "SYNTHETIC SAMPLE DATA: every record behind this report is invented for"
            " testing. Do not use these verdicts for editorial decisions."
        )
    return (
        f"Warning: {n_synthetic} of {n_records} records are SYNTHETIC sample data, invented"
        " for testing; verdicts that cite them are not real evidence."
    )


def data_line(p: Provenance) -> str:
    """One sentence on what data the page is built from and how it got there."""
    years = (
        f", published {p.first_year}–{p.last_year}"
        if p.first_year is not None and p.last_year is not None
        else ""
    )
    retracted = f" ({p.n_retracted} retracted, left out)" if p.n_retracted else ""
    head = f"Data: {p.n_records} PubMed records{years}{retracted}."
    if p.synced:
        sets = "; ".join(
            f"query set {q} on {at:%Y-%m-%d %H:%M} UTC ({n} records)" for q, at, n in p.synced
        )
        return f"{head} Last synced from PubMed: {sets}."
    ingest = (
        f" ({p.ingested_files} files, last on {p.last_ingest:%Y-%m-%d %H:%M} UTC)"
        if p.last_ingest is not None
        else ""
    )
    return f"{head} Ingested from files{ingest}; not synced from PubMed by this warehouse."


def _meta(generated_at: datetime, line: str, banner: str | None) -> dict[str, Any]:
    return {
        "generated": f"{generated_at:%Y-%m-%d %H:%M} UTC",
        "data_line": line,
        "banner": banner,
        "rules_href": None,
    }


def _counts(checked: CheckedFile) -> list[tuple[str, int]]:
    counts = Counter(v.verdict for v in checked.verdicts)
    return [(v, counts[v]) for v in VERDICTS if counts[v]]


def rules_html(markdown: str) -> str:
    """docs/verdict-rules.md as HTML for the report folder: raw HTML in it is escaped, and a
    link that would not work beside the report (to another file of the project) keeps its
    text and loses its link; wide tables scroll in their own box."""
    md = MarkdownIt("commonmark", {"html": False}).enable("table")
    tokens = md.parse(markdown)
    for token in tokens:
        kept: list[bool] = []  # per open link: does it stay a link?
        for child in token.children or ():
            if child.type == "link_open":
                kept.append(str(child.attrGet("href") or "").startswith(("https://", "#")))
            elif child.type != "link_close":
                continue
            if not (kept[-1] if child.type == "link_open" else kept.pop()):
                child.tag, child.attrs = "span", {}
    html = str(md.renderer.render(tokens, md.options, {}))
    return html.replace("<table>", '<div class="table-scroll"><table>').replace(
        "</table>", "</table></div>"
    )


def render_report(data: ReportData, rules_markdown: str | None = None) -> dict[str, str]:
    """The report's pages by file name: ``index.html`` (claims) and ``evidence.html``, and
    ``verdict-rules.html`` (the rules the footer links to) when ``rules_markdown`` (the text
    of docs/verdict-rules.md) is given."""
    env = environment()
    p = data.provenance
    meta = _meta(data.generated_at, data_line(p), banner_text(p.n_synthetic, p.n_records))
    if rules_markdown is not None:
        meta["rules_href"] = RULES_PAGE
    files = [{"checked": f, "counts": _counts(f)} for f in data.files]
    pages = {
        "index.html": env.get_template("index.html.j2").render(
            title="Claims checked against PubMed", page="index", meta=meta, files=files
        ),
        "evidence.html": env.get_template("evidence.html.j2").render(
            title="The evidence in the warehouse",
            page="evidence",
            meta=meta,
            map_svg=evidence_map_svg(data.evidence_map),
            map_svg_narrow=evidence_map_svg(data.evidence_map, narrow=True),
            publications_svg=publications_svg(data.publications),
            publications_svg_narrow=publications_svg(data.publications, narrow=True),
            map_rows=data.evidence_map,
            adverse=data.adverse_events,
            provenance=p,
        ),
    }
    if rules_markdown is not None:
        pages[RULES_PAGE] = env.get_template("rules.html.j2").render(
            title="How verdicts are decided",
            page="rules",
            meta=meta,
            # Safe: rules_html escapes any raw HTML of the Markdown.
            rules=markupsafe.Markup(rules_html(rules_markdown)),
        )
    return pages


def render_check_page(
    checked: CheckedFile,
    *,
    generated_at: datetime,
    line: str,
    synthetic: Sequence[int] = (),
    n_records: int = 0,
) -> str:
    """One standalone page with the verdicts of one claims file (``--out FILE.html``);
    ``synthetic`` lists the synthetic PMIDs among the ``n_records`` read."""
    env = environment()
    meta = _meta(generated_at, line, banner_text(len(synthetic), n_records))
    return env.get_template("check.html.j2").render(
        title=f"Claims checked: {checked.name}",
        page="check",
        meta=meta,
        files=[{"checked": checked, "counts": _counts(checked)}],
    )
