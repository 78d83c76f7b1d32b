"""Plots of the editors' report, as self-contained SVG data URIs (report stage, pure).

Reads rows already taken from the warehouse (evidence map counts, publications per year);
returns ``data:image/svg+xml;base64,...`` strings that the page embeds in ``<img>``, so the
report needs no external asset. Uses matplotlib's object API (no pyplot, no global state)
and a fixed hash salt and no date, so the same rows always give the same bytes.
"""

from __future__ import annotations

import base64
import io
from collections import defaultdict
from collections.abc import Sequence
from typing import TYPE_CHECKING, Any

if TYPE_CHECKING:
    from matplotlib.figure import Figure

__all__ = ["evidence_map_svg", "publications_svg", "svg_data_uri"]

_RC: dict[Any, Any] = {"svg.fonttype": "path", "svg.hashsalt": "evidence-report", "font.size": 9}
_MAX_LINES = 7


def svg_data_uri(figure: Figure) -> str:
    """The figure as a base64 SVG data URI."""
    import matplotlib as mpl  # 0.3 s to import: only when a plot is drawn

    buffer = io.BytesIO()
    with mpl.rc_context(_RC):
        figure.savefig(buffer, format="svg", bbox_inches="tight", metadata={"Date": None})
    return "data:image/svg+xml;base64," + base64.b64encode(buffer.getvalue()).decode("ascii")


def _words(value: str) -> str:
    return value.replace("_", " ")


def evidence_map_svg(cells: Sequence[tuple[str, str, int]], *, narrow: bool = False) -> str | None:
    """Heatmap of records per (intervention, condition); ``None`` when there are none.

    ``narrow`` draws it for a phone (at most about 380 px wide at its natural size):
    conditions down the side and interventions across, so the longer list runs down.
    """
    if not cells:
        return None
    rows = sorted({i for i, _, _ in cells})
    cols = sorted({c for _, c, _ in cells})
    if narrow:
        cells = [(c, i, n) for i, c, n in cells]
        rows, cols = cols, rows
    grid = [[0] * len(cols) for _ in rows]
    for down, across, n in cells:
        grid[rows.index(down)][cols.index(across)] = n
    import matplotlib as mpl  # see svg_data_uri
    from matplotlib.figure import Figure

    with mpl.rc_context(_RC):
        size = (
            (min(2.4, 0.2 * len(cols) + 0.6), max(2.5, 0.22 * len(rows) + 1.6))
            if narrow
            else (max(4.0, 0.45 * len(cols) + 2.5), max(2.0, 0.4 * len(rows) + 1.6))
        )
        figure = Figure(figsize=size)
        ax = figure.subplots()
        image = ax.imshow(grid, cmap="Blues", aspect="auto")
        ax.set_xticks(range(len(cols)), [_words(c) for c in cols], rotation=45, ha="right")
        ax.set_yticks(range(len(rows)), [_words(r) for r in rows])
        peak = max(max(r) for r in grid) or 1
        for y, line in enumerate(grid):
            for x, n in enumerate(line):
                if n:
                    ax.text(
                        x,
                        y,
                        str(n),
                        ha="center",
                        va="center",
                        color="white" if n > peak / 2 else "black",
                    )
        if narrow:
            figure.colorbar(
                image, ax=ax, label="records", orientation="horizontal", fraction=0.04, pad=0.25
            )
            ax.set_title("Records per treatment\nand condition")
        else:
            figure.colorbar(image, ax=ax, label="records")
            ax.set_title("Records per intervention and condition")
    return svg_data_uri(figure)


def publications_svg(rows: Sequence[tuple[str, int, int]], *, narrow: bool = False) -> str | None:
    """Records per year, stacked by intervention (the most studied ones, the rest as
    'other'), from (intervention, year, n) rows; ``None`` when there are none. ``narrow``
    draws it for a phone, with the legend under the bars."""
    series: defaultdict[str, dict[int, int]] = defaultdict(dict)
    for intervention, year, n in rows:
        series[intervention][year] = series[intervention].get(year, 0) + n
    if not series:
        return None
    ranked = sorted(series, key=lambda k: (-sum(series[k].values()), k))
    top, rest = ranked[:_MAX_LINES], ranked[_MAX_LINES:]
    years = list(
        range(
            min(y for k in series for y in series[k]), max(y for k in series for y in series[k]) + 1
        )
    )
    stacks = [(_words(k), [series[k].get(y, 0) for y in years]) for k in top]
    if rest:
        stacks.append(("other", [sum(series[k].get(y, 0) for k in rest) for y in years]))
    import matplotlib as mpl  # see svg_data_uri
    from matplotlib.figure import Figure
    from matplotlib.ticker import MaxNLocator

    with mpl.rc_context(_RC):
        figure = Figure(figsize=(3.9, 4.6) if narrow else (7.0, 3.4))
        ax = figure.subplots()
        bottom = [0] * len(years)
        for name, counts in stacks:
            ax.bar(years, counts, bottom=bottom, label=name, width=0.8)
            bottom = [b + c for b, c in zip(bottom, counts, strict=True)]
        ax.set_xlabel("publication year")
        if narrow:
            ax.set_ylabel("records")
            ax.set_title("Records published per year,\nby treatment")
            ax.legend(
                loc="upper left", bbox_to_anchor=(0, -0.2), ncols=2, fontsize=7, frameon=False
            )
        else:
            ax.set_ylabel("records (a record may name several treatments)")
            ax.set_title("Records published per year, by treatment")
            ax.legend(loc="upper left", fontsize=7, frameon=False)
        ax.grid(axis="y", alpha=0.3)
        ax.xaxis.set_major_locator(MaxNLocator(integer=True))
        ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    return svg_data_uri(figure)
