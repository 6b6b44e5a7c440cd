"""The cohort figure: intake distributions against the DRIs, Ca:P, and the diuretic load.

Drawn from a :class:`~analyzer.report.cohort.CohortReport` (never recomputed). Six panels:

- calcium, phosphorus, magnesium and potassium: per group (all persons, then each DRI life
  stage) the distribution of persons' mean daily intakes: a line from the 5th to the 95th
  percentile, a box from the 25th to the 75th, a tick at the median; the group's EAR (filled
  triangle) and RDA or AI (open diamond) where the group shares one, with the share of
  persons below the EAR written beside the row;
- the molar Ca:P ratio: persons per bin, with the concern threshold (Kemi et al. 2010);
- the diuretic load by food group: mean per person and day, and its share.
"""

from __future__ import annotations

import numpy as np
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.ticker import MaxNLocator

from analyzer.chart.panels import new_figure
from analyzer.chart.style import COLORS, LABEL_PT, PANEL_TITLE_PT, TEXT_PT, TITLE_PT
from analyzer.report.cohort import CohortReport, CohortRow

#: The intake panels, in order: (nutrient column, title).
INTAKE_PANELS: tuple[tuple[str, str], ...] = (
    ("calcium_mg", "Calcium"),
    ("phosphorus_mg", "Phosphorus"),
    ("magnesium_mg", "Magnesium"),
    ("potassium_mg", "Potassium"),
)
#: Panels of the figure, in reading order.
COHORT_PANELS: tuple[str, ...] = (*(c for c, _ in INTAKE_PANELS), "ca_p", "diuretic_load")
BOX_HEIGHT = 0.5
MARKER_SIZE = 9.0
#: Room right of the largest value drawn, as a factor.
HEADROOM = 1.08
#: What the glyphs mean, under the figure.
LEGEND = (
    "Per group: line = 5th to 95th percentile of persons' mean daily intakes, box = 25th to "
    "75th, thick tick = median; ▼ = EAR, ◇ = RDA (AI for potassium).\nShares below the EAR "
    "by the EAR cut-point method (IOM 2000)."
)


def _row_label(row: CohortRow) -> str:
    """``'female 31-50 y (n=120)'`` and, below it, ``'42% < EAR'`` where counted."""
    label = f"{row.group} (n={row.distribution.n:,})"
    if row.share_below is not None and row.lower_kind == "EAR":
        label += f"\n{100 * row.share_below:.0f}% < EAR"
    elif row.median_at_or_above_target is not None:
        label += "\nmedian >= AI" if row.median_at_or_above_target else "\nmedian < AI"
    return label


def _intake_panel(ax: Axes, report: CohortReport, nutrient: str, title: str) -> None:
    rows: list[CohortRow] = [r for r in report.rows if r.nutrient == nutrient]
    color = COLORS.get(nutrient.removesuffix("_mg"), COLORS["target"])
    positions = np.arange(len(rows))[::-1]
    right = 0.0
    for y, row in zip(positions, rows, strict=True):
        d = row.distribution
        if d.n == 0 or d.p50 is None:
            ax.text(0, y, "  no data", va="center", fontsize=TEXT_PT)
            continue
        median = d.p50
        low, q1, q3, high = (median if v is None else v for v in (d.p5, d.p25, d.p75, d.p95))
        ax.plot([low, high], [y, y], color=color, linewidth=1.5)
        ax.barh(y, q3 - q1, left=q1, height=BOX_HEIGHT, color=color, alpha=0.35, edgecolor=color)
        ax.plot([median, median], [y - BOX_HEIGHT / 2, y + BOX_HEIGHT / 2], color=color, lw=2.5)
        if row.lower is not None and row.lower_kind == "EAR":
            ax.plot(row.lower, y, marker="v", color=COLORS["concern"], ms=MARKER_SIZE, ls="")
        if row.target is not None:
            ax.plot(
                row.target, y, marker="D", mfc="none", color=COLORS["target"],
                ms=MARKER_SIZE * 0.8, ls="",
            )  # fmt: skip
        right = max(right, high, *(v for v in (row.target, row.lower) if v is not None))
    ax.set_yticks(positions, [_row_label(r) for r in rows], fontsize=TEXT_PT - 1)
    ax.set_ylim(-0.6, len(rows) - 0.4)
    ax.set_title(title, fontsize=PANEL_TITLE_PT, loc="left")
    ax.set_xlabel("mean daily intake [mg/day]", fontsize=LABEL_PT)
    ax.set_xlim(0, (right or 1.0) * HEADROOM)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)


def _ratio_panel(ax: Axes, report: CohortReport) -> None:
    bins = report.ca_p_histogram
    lefts = np.array([b.lower for b in bins])
    width = float(lefts[1] - lefts[0]) if len(lefts) > 1 else 0.1
    counts = np.array([b.persons for b in bins])
    ax.bar(lefts, counts, width=width, align="edge", color=COLORS["ratio"], alpha=0.7)
    ax.axvline(report.ca_p_concern, color=COLORS["concern"], linestyle="--", linewidth=1.5)
    row = next((r for r in report.rows if r.nutrient == "ca_p_molar_ratio"), None)
    below = (
        f"{100 * row.share_below:.0f}% of persons below {report.ca_p_concern:g}"
        if row is not None and row.share_below is not None
        else ""
    )
    ax.set_title(
        f"Ca:P (molar) of each person's mean intake\n{below}", fontsize=PANEL_TITLE_PT, loc="left"
    )
    ax.set_xlabel(
        f"molar Ca:P (last bin: {lefts[-1]:g} and above); dashed: {report.ca_p_concern:g} "
        "(Kemi 2010)",
        fontsize=LABEL_PT,
    )
    ax.set_ylabel("persons", fontsize=LABEL_PT)
    ax.yaxis.set_major_locator(MaxNLocator(integer=True))
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)


def _load_panel(ax: Axes, report: CohortReport) -> None:
    loads = report.loads
    positions = np.arange(len(loads))[::-1]
    values = [load.mean_mg_per_day or 0.0 for load in loads]
    colors = [COLORS.get(load.group, COLORS["target"]) for load in loads]
    ax.barh(positions, values, color=colors, alpha=0.85)
    for y, load, value in zip(positions, loads, values, strict=True):
        share = "" if load.share is None else f" ({100 * load.share:.0f}%)"
        ax.text(value, y, f" {value:.0f} mg{share}", va="center", fontsize=TEXT_PT)
    ax.set_yticks(positions, [load.label for load in loads])
    ax.set_xlim(0, max(max(values, default=0.0), 1.0) * 1.6)  # room for "31 mg (59%)"
    ax.set_title("Diuretic load by group", fontsize=PANEL_TITLE_PT, loc="left")
    ax.set_xlabel("mean per person-day [mg Ca/day]", fontsize=LABEL_PT)
    ax.grid(axis="x", alpha=0.3)
    ax.set_axisbelow(True)


def cohort_chart(report: CohortReport) -> Figure:
    """One figure for a cohort (see the module docstring).

    Parameters
    ----------
    report : CohortReport
        From :func:`analyzer.report.cohort.build_cohort`.

    Returns
    -------
    Figure
        Six panels; axes titles name the nutrients.
    """
    fig = new_figure()
    axes = fig.subplots(2, 3)
    for ax, (nutrient, title) in zip(axes.flat, INTAKE_PANELS, strict=False):
        _intake_panel(ax, report, nutrient, title)
    _ratio_panel(axes[1, 1], report)
    _load_panel(axes[1, 2], report)
    median = report.days_median
    days = "" if median is None else f", median {median:g} day(s) each"
    few = "one or two days are" if median is None or median <= 2 else "a few days are"
    fig.suptitle(
        f"Cohort of {report.persons:,} persons ({report.person_days:,} person-days{days})\n"
        f"distributions of mean daily intakes ({few} not usual intake)",
        fontsize=TITLE_PT,
    )
    fig.supxlabel(LEGEND, fontsize=TEXT_PT)
    return fig
