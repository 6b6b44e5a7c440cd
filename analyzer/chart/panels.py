"""Pieces every chart panel shares: the figure, axes style, head-room, legends, notes.

The week and trend charts draw their panels with these, so a legend never covers the data
(the y range leaves room for the legend's lines), a legend lists only what is drawn, and an
empty panel says why instead of reading as zero.
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Sequence
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from analyzer.chart.style import (
    COLORS,
    CONCERN_LABEL,
    CONCERN_MASS_RATIO,
    DPI,
    FIGSIZE_IN,
    LABEL_PT,
    LOAD_GROUPS,
    PANEL_TITLE_PT,
    UNKNOWN_PT,
)

#: Head-room above the tallest value, beside the legend's own room. [fraction of the max]
HEADROOM = 1.1
#: Height of one legend text line, and the gap below the legend, as a fraction of the
#: panel's height (11 pt lines in a panel about 2.6 in tall, with matplotlib's spacing).
LEGEND_LINE_FRACTION = 0.085
LEGEND_GAP_FRACTION = 0.04
#: Most of the panel's height a legend may take; beyond it the data would be squashed.
LEGEND_MAX_FRACTION = 0.6
#: Longest line of a panel's "unknown" note [characters]; a character is about 0.6 of the
#: font size wide (DejaVu Sans); 72 points make an inch.
UNKNOWN_WRAP_CHARS = 60
UNKNOWN_CHAR_WIDTH = 0.6
#: Share of a grid cell's width its axes get (the rest is labels and padding).
AXES_WIDTH_SHARE = 0.8
POINTS_PER_INCH = 72
#: Day labels' size when one says "(incomplete)", so that neighbours never touch. [pt]
NOTE_TICK_PT = 9.0
#: Said in a load panel of a diary of app totals.
LOADS_UNKNOWN = "Unknown: the diary has app totals, not foods: no food groups"


def new_figure(figsize: tuple[float, float] = FIGSIZE_IN, dpi: int = DPI) -> Figure:
    """A figure with constrained layout on the Agg canvas (no pyplot, no window)."""
    fig = Figure(figsize=figsize, dpi=dpi, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def day_labels(
    days: pd.DatetimeIndex,
    logged: pd.Series | np.ndarray,
    narrow: bool = False,
    complete: pd.Series | np.ndarray | None = None,
) -> list[str]:
    """Tick labels like ``'Mon 16 Nov'`` (``'Mon\\n16 Nov'`` when ``narrow``), with
    ``'(no log)'`` under days not logged and ``'(incomplete)'`` (``'(incompl.)'`` when
    ``narrow``) under logged days the report counts as incomplete (as its days table says)."""
    joint = "\n" if narrow else " "
    # a phone-width panel has about 65 pt a day: "(incomplete)" at 9 pt would touch its
    # neighbour's, so it is shortened there
    incomplete = "\n(incompl.)" if narrow else "\n(incomplete)"
    whole = np.ones(len(days), bool) if complete is None else np.asarray(complete, bool)
    labels = []
    for d, ok, full in zip(days, np.asarray(logged), whole, strict=True):
        note = "" if ok and full else (incomplete if ok else "\n(no log)")
        labels.append(f"{d:%a}{joint}{d.day} {d:%b}{note}")
    return labels


def style_axes(ax: Axes, title: str, ylabel: str, labels: list[str]) -> None:
    """A day panel's title (left), y label, one tick per day, and a light y grid."""
    ax.set_title(title, fontsize=PANEL_TITLE_PT, loc="left")
    ax.set_ylabel(ylabel, fontsize=LABEL_PT)
    ax.set_xticks(np.arange(len(labels)), labels)
    if any("(incompl" in label for label in labels):  # the longest note under a day
        ax.tick_params(axis="x", labelsize=NOTE_TICK_PT)
    ax.set_xlim(-0.5, len(labels) - 0.5)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)


def finite_max(*values: Any) -> float:
    """The largest finite value of ``values`` (arrays, series, lists or numbers); NaN if none."""
    flat = [float(v) for part in values for v in np.ravel(np.asarray(part, dtype=float))]
    finite = [v for v in flat if math.isfinite(v)]
    return max(finite, default=math.nan)


def legend_lines(labels: Sequence[str], columns: int) -> int:
    """Text lines of a legend's tallest column (matplotlib fills columns first, the first
    ones one entry longer)."""
    if not labels:
        return 0
    columns = max(1, min(columns, len(labels)))
    per_column, longer = divmod(len(labels), columns)
    heights, start = [], 0
    for column in range(columns):
        size = per_column + (1 if column < longer else 0)
        heights.append(sum(label.count("\n") + 1 for label in labels[start : start + size]))
        start += size
    return max(heights)


def fit_y(ax: Axes, top_value: float, lines: int) -> None:
    """Set the y range from 0 so that ``top_value`` stays below a legend of ``lines`` lines.

    With no finite value the range is 0 to 1 (an empty panel, never a warning).
    """
    if not math.isfinite(top_value) or top_value <= 0:
        ax.set_ylim(0, 1.0)
        return
    room = min(LEGEND_MAX_FRACTION, lines * LEGEND_LINE_FRACTION + LEGEND_GAP_FRACTION)
    ax.set_ylim(0, top_value * HEADROOM / (1 - room) if lines else top_value * HEADROOM)


def legend(ax: Axes, columns: int, fontsize: float, extra: Sequence[Any] = ()) -> int:
    """The panel's legend, upper left, of the labelled artists drawn (and ``extra``
    (handle, label) pairs); none when nothing is labelled. Returns its text lines."""
    handles, labels = ax.get_legend_handles_labels()
    for handle, label in extra:
        handles.append(handle)
        labels.append(label)
    if not labels:
        return 0
    columns = max(1, min(columns, len(labels)))
    ax.legend(handles, labels, loc="upper left", ncol=columns, fontsize=fontsize, frameon=False)
    return legend_lines(labels, columns)


def say_unknown(ax: Axes, text: str) -> None:
    """Write why a panel is empty in its middle, so no one reads an empty panel as zero.

    The text is wrapped to the panel's width (about :data:`UNKNOWN_CHAR_WIDTH` of its font
    size per character), at most :data:`UNKNOWN_WRAP_CHARS` characters a line.
    """
    figure, spec = ax.figure, ax.get_subplotspec()
    share = 1.0 if spec is None else len(spec.colspan) / spec.get_gridspec().ncols
    figure_in = figure.get_figwidth() if isinstance(figure, Figure) else 0.0
    width_in = figure_in * share * AXES_WIDTH_SHARE
    fits = int(width_in * POINTS_PER_INCH / (UNKNOWN_PT * UNKNOWN_CHAR_WIDTH))
    ax.text(
        0.5,
        0.5,
        "\n".join(textwrap.wrap(text, max(20, min(UNKNOWN_WRAP_CHARS, fits)))),
        ha="center",
        va="center",
        fontsize=UNKNOWN_PT,
        transform=ax.transAxes,
        bbox={"boxstyle": "round,pad=0.5", "facecolor": "white", "edgecolor": "#999999"},
    )


def all_unknown(*series: Any) -> bool:
    """Whether no value of ``series`` is known."""
    return not any(np.isfinite(np.asarray(v, dtype=float)).any() for v in series)


def ratio_guides(ax: Axes, target: float) -> None:
    """The Ca:P concern zone (molar < 0.5, Kemi 2010) and the ratio target line."""
    ax.axhspan(0, CONCERN_MASS_RATIO, color=COLORS["concern"], alpha=0.15, label=CONCERN_LABEL)
    ax.axhline(
        target, color=COLORS["target"], linestyle="--", linewidth=1.8, label=f"target {target:.2f}"
    )


def stacked_load_bars(ax: Axes, loads: dict[str, np.ndarray]) -> np.ndarray:
    """Bars of the diuretic load stacked by group (:data:`LOAD_GROUPS` order). [mg Ca/day]

    Only groups with some load are labelled for the legend. Returns the top of each stack
    (unknown values count as 0 there, and draw no bar).
    """
    first = next(iter(loads.values()))
    x = np.arange(len(first))
    bottom = np.zeros(len(first))
    for group, label in LOAD_GROUPS.items():
        values = loads[group]
        present = bool(np.nan_to_num(values).any())
        ax.bar(
            x,
            values,
            0.6,
            bottom=bottom,
            color=COLORS[group],
            label=label if present else f"_{label}",  # "_..." stays out of the legend
            edgecolor="white",
            linewidth=0.5,
        )
        bottom = bottom + np.nan_to_num(values)
    return bottom
