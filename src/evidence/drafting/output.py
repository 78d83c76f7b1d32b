"""Drafting stage, output: a `Draft` as a claims file (YAML) for an editor to review.

Pure: returns the text. The claims are in the contract's format, each with
``reviewed: false`` (the editor removes it, or sets it true, once the claim is checked);
the statements left out follow as YAML comments with their reason, and the words of listed
series that the vocabulary does not know are named in a comment, so that the editor sees
nothing was silently dropped and the vocabulary can grow.
"""

from __future__ import annotations

import textwrap
from typing import Any

import yaml

from evidence.drafting.drafter import Draft, DraftClaim

__all__ = ["render_draft"]

_WIDTH = 96


class _Dumper(yaml.SafeDumper):
    """Block style for the file, flow style for a list of ids: ``[dry_needling, acupuncture]``."""


def _flow_list(dumper: yaml.SafeDumper, data: list[Any]) -> yaml.Node:
    return dumper.represent_sequence("tag:yaml.org,2002:seq", data, flow_style=True)


_Dumper.add_representer(list, _flow_list)


def _ids(values: tuple[str, ...]) -> str | list[str]:
    return values[0] if len(values) == 1 else list(values)


def _claim(claim: DraftClaim) -> dict[str, Any]:
    out: dict[str, Any] = {"id": claim.id, "text": claim.text, "kind": claim.kind}
    out["intervention"] = _ids(claim.intervention)
    for name in ("condition", "outcome", "adverse_event"):
        values: tuple[str, ...] = getattr(claim, name)
        if values:
            out[name] = _ids(values)
    out["asserts"] = claim.asserts
    out["sentence"] = claim.sentence
    out["reviewed"] = False
    return out


def _comment(text: str, *, first: str = "# ", rest: str = "#   ") -> list[str]:
    return textwrap.wrap(
        text, width=_WIDTH, initial_indent=first, subsequent_indent=rest, break_long_words=False
    ) or [first.rstrip()]


def render_draft(draft: Draft, *, article: str | None = None) -> str:
    """The claims file text of ``draft``; ``article`` names the file it was drafted from."""
    lines: list[str] = []
    origin = f" from {article}" if article else ""
    lines += _comment(
        f"Drafted by `evidence draft`{origin}: {len(draft.claims)} claims,"
        f" {len(draft.left_out)} statements left out (listed at the end with the reason)."
        " Every claim is `reviewed: false` until an editor has checked it: its kind, ids and"
        " assertion; remove the line (or set it true) once it is right."
    )
    if draft.unknown_terms:
        lines += _comment(
            "Words the vocabulary does not know (a condition or intervention to add to"
            " data/vocab/, or to map by hand): " + ", ".join(f'"{w}"' for w in draft.unknown_terms)
        )
    source = {k: v for k, v in (("title", draft.title), ("url", draft.url)) if v}
    if source:
        lines.append(
            yaml.safe_dump(
                {"source": source}, sort_keys=False, allow_unicode=True, width=_WIDTH
            ).rstrip()
        )
    if draft.claims:
        lines.append("claims:")
        for claim in draft.claims:
            body = yaml.dump(
                _claim(claim),
                Dumper=_Dumper,
                sort_keys=False,
                allow_unicode=True,
                width=_WIDTH - 4,
                default_flow_style=False,
            )
            first, *rest = body.rstrip().split("\n")
            lines.append("  - " + first)
            lines.extend("    " + line for line in rest)
    else:
        lines.append("claims: []  # no checkable statement found: `evidence check` needs one")
    if draft.left_out:
        lines.append("")
        lines += _comment("Left out, in article order, with the reason:")
        for item in draft.left_out:
            lines += _comment(f'"{item.sentence}": {item.reason}.', first="# - ")
    return "\n".join(lines) + "\n"
