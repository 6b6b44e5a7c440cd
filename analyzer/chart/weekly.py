"""The one-week figure: five panels a person can read at a glance.

:func:`weekly_chart` draws the whole figure (``report --chart``, ``chart --week``);
:func:`week_panels` draws its four charts one figure each, narrow enough for a phone (the
HTML report lays them out itself, and says what panel 5 says as text).
"""

from __future__ import annotations

import math
import textwrap
from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.patches import Patch

from analyzer.chart.frames import WeekView, week_view
from analyzer.chart.greens import draw_greens
from analyzer.chart.panels import (
    LOADS_UNKNOWN,
    all_unknown,
    day_labels,
    finite_max,
    fit_y,
    legend,
    new_figure,
    ratio_guides,
    say_unknown,
    stacked_load_bars,
    style_axes,
)
from analyzer.chart.style import (
    COLORS,
    CONCERN_MASS_RATIO,
    DPI,
    FIGSIZE_IN,
    LOAD_GROUPS,
    TEXT_PT,
    TITLE_PT,
)
from analyzer.report.model import Report

#: Panel names, in reading order (the figure's axes carry them as their labels).
PANELS = ("calcium_phosphorus", "ratio", "magnesium_potassium", "diuretic_load", "greens")
#: Layout: four charts in two rows, the greens text box across the bottom.
MOSAIC: list[Any] = [
    ["calcium_phosphorus", "ratio"],
    ["magnesium_potassium", "diuretic_load"],
    ["greens", "greens"],
]
#: Relative heights of the three rows (the text box needs less than a chart).
ROW_HEIGHTS = (1.0, 1.0, 0.62)
#: Size of one chart panel drawn alone (:func:`week_panels`): 5.6 in is 403 pt, so that on
#: a 390 px phone its 11 pt text is still about 10 px. [in]
PANEL_FIGSIZE_IN = (5.6, 3.9)
#: Legend columns of each chart panel in the whole figure; a panel alone has half (rounded
#: up), and one column when a label is long.
LEGEND_COLUMNS = {
    "calcium_phosphorus": 2,
    "ratio": 2,
    "magnesium_potassium": 3,
    "diuretic_load": 4,
}
BAR_WIDTH = 0.38
#: Distance of the now-to-projected arrow from the ratio panel's right edge. [days]
ARROW_INSET = 0.12
#: Said in a ratio panel with no day's ratio to draw although the week's is known.
RATIO_UNKNOWN = (
    "Ca:P per day cannot be shown: too few of each day's entries have both calcium and phosphorus"
)
#: Hatch of a bar whose day lacks the value for some entries (the bar is an underestimate).
PARTIAL_HATCH = "//"
PARTIAL_LABEL = "hatched: at least this much (some entries lack it)"
#: Calcium converted from a % Daily Value (MyFitnessPal): paler bars, and the label says so.
APPROXIMATE_ALPHA = 0.55
APPROXIMATE_LABEL = "calcium, approximate (from % Daily Value)"


def _series_labels(view: WeekView, series: dict[str, str]) -> dict[str, str]:
    """Legend labels of a panel's two series (name -> column).

    When exactly one is unknown its label says why ("phosphorus: not in this MyFitnessPal
    export"); when both are, the panel's centred note says it once and the labels stay short.
    """
    table = view.table
    missing = {name for name, column in series.items() if all_unknown(table[column])}
    if len(missing) == len(series):
        return {name: name for name in series}
    return {
        name: f"{name}: {view.absent.get(name, 'not in this diary')}" if name in missing else name
        for name in series
    }


def _both_unknown(view: WeekView, names: tuple[str, str]) -> str:
    why = view.absent.get(names[0], "not in this diary")
    return f"{names[0].capitalize()} and {names[1]}: {why} (unknown)"


def _hatch_partial(bars: Any, week: pd.DataFrame, mineral: str, values: str) -> bool:
    """Hatch the drawn bars of days where some entries lack ``mineral``; True if any was.

    A day whose value is unknown draws no bar, so it is never hatched (nor counted).
    """
    column = f"{mineral}_mg_unknown"
    if column not in week.columns:
        return False
    known = week[values].notna().to_numpy()
    partial = (week[column].fillna(0).to_numpy(dtype=float) > 0) & known
    for bar, is_partial in zip(bars, partial, strict=True):
        if is_partial:
            bar.set_hatch(PARTIAL_HATCH)
            bar.set_edgecolor("white")
    return bool(partial.any())


def _paired_bars(ax: Axes, view: WeekView, columns: dict[str, str]) -> list[tuple[Patch, str]]:
    """Two bars side by side per day, one per nutrient of ``columns`` (name -> column).

    Returns the extra legend entry for hatched bars (a day with unknown entries), if any.
    """
    week = view.table
    x = np.arange(len(week))
    names = _series_labels(view, columns)
    hatched = False
    for offset, (nutrient, column) in zip((-0.5, 0.5), columns.items(), strict=True):
        approximate = nutrient == "calcium" and view.calcium_approximate
        bars = ax.bar(
            x + offset * BAR_WIDTH,
            week[column],
            BAR_WIDTH,
            color=COLORS[nutrient],
            alpha=APPROXIMATE_ALPHA if approximate else 1.0,
            label=APPROXIMATE_LABEL if approximate else names[nutrient],
        )
        hatched = _hatch_partial(bars, week, nutrient, column) or hatched
    if not hatched:
        return []
    return [(Patch(facecolor="#999999", edgecolor="white", hatch=PARTIAL_HATCH), PARTIAL_LABEL)]


def _columns(name: str, narrow: bool, long_labels: bool = False) -> int:
    """Legend columns: :data:`LEGEND_COLUMNS`, halved for a panel alone; one column when
    a label is long (a why, an approximation or the hatch)."""
    if long_labels:
        return 1
    columns = LEGEND_COLUMNS[name]
    return -(-columns // 2) if narrow else columns


def draw_calcium_phosphorus(ax: Axes, view: WeekView, labels: list[str], narrow: bool) -> None:
    """Panel 1: calcium and phosphorus per day, with their DRI targets (RDA or AI)."""
    week, targets, kinds = view.table, view.targets_mg, view.target_kinds
    extra = _paired_bars(ax, view, {"calcium": "calcium_mg", "phosphorus": "phosphorus_mg"})
    drawn = []
    for mineral, style in (("calcium", "--"), ("phosphorus", ":")):
        target = targets[mineral]
        if not math.isfinite(target) or all_unknown(week[f"{mineral}_mg"]):
            continue  # no target line for a mineral the diary does not have
        ax.axhline(
            target,
            color=COLORS["target"],
            linestyle=style,
            linewidth=1.8 if mineral == "calcium" else 2.2,
            label=f"{mineral} {kinds[mineral]} {target:,.0f} mg/day",
        )
        drawn.append(target)
    style_axes(ax, "1. Calcium and phosphorus per day", "Intake [mg/day]", labels)
    long = bool(extra) or view.calcium_approximate or bool(view.absent)
    lines = legend(ax, _columns("calcium_phosphorus", narrow, long), TEXT_PT, extra)
    fit_y(ax, finite_max(week["calcium_mg"], week["phosphorus_mg"], drawn), lines)
    if all_unknown(week["calcium_mg"], week["phosphorus_mg"]):
        say_unknown(ax, _both_unknown(view, ("calcium", "phosphorus")))


def draw_ratio(ax: Axes, view: WeekView, labels: list[str], narrow: bool) -> None:
    """Panel 2: the daily Ca:P mass ratio, its target, the concern zone and the projection.

    Nothing but the guides is drawn when the report says the week's ratio cannot be
    computed; the panel says why, in the report's words.
    """
    week, plan, target = view.table, view.plan, view.ratio_target
    ratio = week["ca_p_mass_ratio"].to_numpy(dtype=float)
    x = np.arange(len(week))
    ratio_guides(ax, target)
    if not all_unknown(ratio):
        ax.plot(
            x,
            ratio,
            marker="o",
            markersize=8,
            linewidth=2,
            color=COLORS["ratio"],
            label="Ca:P per day",
        )
    current = plan.current.get("ca_p_mass_ratio", np.nan)
    projected = plan.projected.get("ca_p_mass_ratio", np.nan)
    if np.isfinite(current):
        ax.axhline(
            current,
            color=COLORS["ratio"],
            linestyle=":",
            linewidth=1.5,
            label=f"week average {current:.2f}",
        )
    if np.isfinite(projected):
        ax.axhline(
            projected,
            color=COLORS["projected"],
            linestyle="-.",
            linewidth=2.2,
            label=f"projected with greens {projected:.2f}",
        )
        if np.isfinite(current):
            # An arrow from the week's average to the projection, at the right edge, so the
            # change reads even when the projection lies on the target line.
            edge = len(week) - 0.5 - ARROW_INSET
            ax.annotate(
                "",
                xy=(edge, projected),
                xytext=(edge, current),
                arrowprops={"arrowstyle": "-|>", "color": COLORS["projected"], "lw": 2.5},
            )
    style_axes(ax, "2. Ca:P ratio (mass)", "Ca:P [mg Ca / mg P]", labels)
    extra = []
    if view.ratio_note and not all_unknown(ratio):  # days known, the week not: say so
        wrapped = textwrap.fill(f"week: {view.ratio_note}", 40 if narrow else 30)
        extra = [(Line2D([], [], linestyle="none"), wrapped)]
    lines = legend(ax, _columns("ratio", narrow), TEXT_PT - 1, extra)
    fit_y(ax, finite_max(ratio, [target, projected, current, CONCERN_MASS_RATIO]), lines)
    if all_unknown(ratio):
        say_unknown(ax, view.ratio_note or RATIO_UNKNOWN)


def draw_magnesium_potassium(ax: Axes, view: WeekView, labels: list[str], narrow: bool) -> None:
    """Panel 3: magnesium and potassium as percent of target per day, with the 100% line."""
    week = view.table
    columns = {"magnesium": "magnesium_pct_target", "potassium": "potassium_pct_target"}
    extra = _paired_bars(ax, view, columns)
    ax.axhline(100, color=COLORS["target"], linestyle="--", linewidth=1.8, label="100% of target")
    style_axes(ax, "3. Magnesium and potassium", "Percent of target [%]", labels)
    long = bool(extra) or any(m in view.absent for m in columns)
    lines = legend(ax, _columns("magnesium_potassium", narrow, long), TEXT_PT, extra)
    fit_y(ax, finite_max(week[list(columns.values())], [100.0]), lines)
    if all_unknown(week["magnesium_pct_target"], week["potassium_pct_target"]):
        say_unknown(ax, _both_unknown(view, ("magnesium", "potassium")))


def draw_diuretic_load(ax: Axes, view: WeekView, labels: list[str], narrow: bool) -> None:
    """Panel 4: the estimated calcium cost (diuretic load), stacked by group, per day.

    For a diary of app daily or meal totals there are no food groups: the panel says so
    instead of drawing zero bars. The legend lists only the groups with some load.
    """
    loads = {g: view.table[f"load_{g}"].to_numpy(dtype=float) for g in LOAD_GROUPS}
    if not view.foods_known:
        loads = {g: v * np.nan for g, v in loads.items()}
    bottom = stacked_load_bars(ax, loads)
    style_axes(ax, "4. Diuretic load by group", "Calcium cost [mg Ca/day]", labels)
    lines = legend(ax, _columns("diuretic_load", narrow), TEXT_PT)
    fit_y(ax, finite_max(bottom), lines)
    if not view.foods_known:
        say_unknown(ax, LOADS_UNKNOWN)


#: The four chart panels and their drawing functions.
DRAW: dict[str, Callable[[Axes, WeekView, list[str], bool], None]] = {
    "calcium_phosphorus": draw_calcium_phosphorus,
    "ratio": draw_ratio,
    "magnesium_potassium": draw_magnesium_potassium,
    "diuretic_load": draw_diuretic_load,
}


def week_title(report: Report, logged: int) -> str:
    """The figure's two-line title: the week and its span (days logged), then whose."""
    days = report.window_dates
    span = f"{days[0]:%a %d %b} – {days[-1]:%a %d %b %Y}"
    if logged < len(days):
        span += f"; {logged} of {len(days)} days logged"
    person = f" (person {report.person})" if report.person else ""
    week = f"{'week ' if report.is_iso_week else ''}{report.week.label}"
    # Two lines (what, then whose), so that no week, span or person id runs off the figure.
    return (
        f"Calcium–phosphorus balance, {week} ({span})\n"
        f"Profile: {report.profile.description}{person}"
    )


def weekly_chart(
    report: Report,
    *,
    figsize: tuple[float, float] = FIGSIZE_IN,
    dpi: int = DPI,
) -> Figure:
    """One figure of a report's week of calcium-phosphorus balance, in five panels.

    Panels: (1) calcium and phosphorus per day against their DRI targets [mg/day];
    (2) the Ca:P mass ratio with its target, the concern zone (molar < 0.5, Kemi 2010) and
    the ratio projected with the suggested greens [mg/mg]; (3) magnesium and potassium as
    percent of target [%]; (4) the diuretic load stacked by group [mg Ca/day]; (5) the
    suggested greens and the week now and projected. Everything drawn is read from the
    report, so the chart and the report never disagree: no ratio when the report says it
    cannot be computed, "at least" and "about" where the report says so, hatched bars for
    days some of whose entries lack the value.

    Parameters
    ----------
    report : Report
        From :func:`analyzer.report.build_report` (its week, person and plan).
    figsize : (float, float)
        Size. [in] The default 16 x 10 in at 100 dpi is 1600 x 1000 px.
    dpi : int
        Resolution. [dots per inch]

    Returns
    -------
    matplotlib.figure.Figure
        Never shown; save it with :func:`analyzer.chart.save_figure`.

    References
    ----------
    Kemi VE et al. 2010, Br J Nutr 103:561 (molar Ca:P <= 0.5 with higher PTH).
    Okabe M, Ito K 2008, Color Universal Design, J*Fly (palette).
    """
    view = week_view(report)
    days = pd.DatetimeIndex(view.table.index)
    labels = day_labels(days, view.table["logged"], complete=view.table["complete"])
    fig = new_figure(figsize, dpi)
    axes = fig.subplot_mosaic(MOSAIC, height_ratios=ROW_HEIGHTS)
    for name, ax in axes.items():
        ax.set_label(name)
    for name, draw in DRAW.items():
        draw(axes[name], view, labels, False)
    draw_greens(axes["greens"], view.plan, view.ratio_target)
    fig.suptitle(
        week_title(report, int(view.table["logged"].sum())), fontsize=TITLE_PT, fontweight="bold"
    )
    return fig


def week_panels(
    report: Report,
    *,
    figsize: tuple[float, float] = PANEL_FIGSIZE_IN,
    dpi: int = DPI,
) -> dict[str, Figure]:
    """Panels 1 to 4 of :func:`weekly_chart`, one narrow figure each (day labels on two
    lines, legends in fewer columns), drawn by the same functions from the same report.

    Returns
    -------
    dict of str to Figure
        By panel name (:data:`PANELS` but ``greens``), in reading order.
    """
    view = week_view(report)
    days = pd.DatetimeIndex(view.table.index)
    labels = day_labels(days, view.table["logged"], narrow=True, complete=view.table["complete"])
    figures = {}
    for name, draw in DRAW.items():
        fig = new_figure(figsize, dpi)
        ax = fig.add_subplot()
        ax.set_label(name)
        draw(ax, view, labels, True)
        figures[name] = fig
    return figures
