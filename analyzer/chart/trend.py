"""The trend over several weeks: weekly Ca:P, calcium eaten and absorbed, the diuretic load.

Drawn from a :class:`~analyzer.report.trend.Trend`: every calendar week of the span has a
slot, so a week with no log is a visible gap (lines break there, no bar is drawn). Up to
:data:`WEEK_TICKS_MAX` weeks are labelled one by one with their logged days; longer spans
are labelled by month.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analyzer.chart.frames import trend_frame
from analyzer.chart.panels import (
    LOADS_UNKNOWN,
    finite_max,
    fit_y,
    legend,
    new_figure,
    ratio_guides,
    say_unknown,
    stacked_load_bars,
)
from analyzer.chart.style import (
    COLORS,
    CONCERN_MASS_RATIO,
    DPI,
    FIGSIZE_IN,
    LABEL_PT,
    LOAD_GROUPS,
    PANEL_TITLE_PT,
    TEXT_PT,
    TITLE_PT,
)
from analyzer.report.trend import Trend

TREND_PANELS = ("ratio", "absorbable_calcium", "diuretic_load")
#: Narrowest x range, in weeks, so that one or two weeks do not give giant bars.
MIN_SLOTS = 6
#: Longest span labelled week by week; longer spans get one tick per month. [weeks]
WEEK_TICKS_MAX = 12
#: Opacity of the bars of a week the report would not judge, and their legend entry.
UNJUDGED_ALPHA = 0.35
UNJUDGED_LABEL = "faded: week not judged"
#: The x-axis label of a week-by-week trend.
WEEK_AXIS_LABEL = "ISO week [days logged; complete/logged when some are incomplete]"


def _week_tick(week: str, logged: int, complete: int, judged: bool) -> str:
    if logged == 0:
        return f"{week}\n(no log)"
    days = f"({logged} d)" if complete == logged else f"({complete}/{logged} d)"
    return f"{week}\n{days}" + ("" if judged else "\nnot judged")


def week_ticks(weeks: pd.DataFrame) -> tuple[list[int], list[str], str]:
    """Tick positions, labels and the x-axis label for the trend's weeks.

    Up to :data:`WEEK_TICKS_MAX` weeks: every week with its days, ``'2026-W47\\n(7 d)'``, or
    complete of logged when some are incomplete (``'(1/5 d)'``: the values average the one
    complete day), ``'not judged'`` under a week the report would not judge, ``'(no log)'``
    for a gap. Longer: the first week starting in each month, ``'Nov 2026'``.
    """
    if len(weeks) <= WEEK_TICKS_MAX:
        labels = [
            _week_tick(w, int(n), int(c), bool(j))
            for w, n, c, j in zip(
                weeks["week"], weeks["days"], weeks["days_complete"], weeks["judged"], strict=True
            )
        ]
        return list(range(len(weeks))), labels, WEEK_AXIS_LABEL
    months = weeks["start"].dt.to_period("M")
    first = ~months.duplicated()
    positions = [int(i) for i in np.flatnonzero(first.to_numpy())]
    labels = [f"{weeks['start'].iloc[i]:%b %Y}" for i in positions]
    return positions, labels, "week (one slot per ISO week; ticks at each month's first week)"


def _legend_and_fade(ax: Axes, columns: int, weeks: pd.DataFrame) -> int:
    """The panel's legend, then the bars of weeks the report would not judge faded (after
    the legend, whose entries keep the full colours; an entry says what faded means).
    Returns the legend's text lines."""
    unjudged = ~weeks["judged"].to_numpy(dtype=bool)
    bars = [
        bar
        for container in ax.containers
        for bar, fade in zip(container, unjudged, strict=True)
        if fade and np.isfinite(bar.get_height())
    ]
    entry = [(Patch(facecolor="#999999", alpha=UNJUDGED_ALPHA), UNJUDGED_LABEL)] if bars else []
    lines = legend(ax, columns, TEXT_PT, entry)
    for bar in bars:
        bar.set_alpha(UNJUDGED_ALPHA)
    return lines


def _style(ax: Axes, title: str, ylabel: str, weeks: pd.DataFrame) -> None:
    positions, labels, xlabel = week_ticks(weeks)
    ax.set_title(title, fontsize=PANEL_TITLE_PT, loc="left")
    ax.set_ylabel(ylabel, fontsize=LABEL_PT)
    ax.set_xlabel(xlabel, fontsize=LABEL_PT)
    ax.set_xticks(positions, labels)
    pad = max(0.5, (MIN_SLOTS - len(weeks)) / 2 + 0.5)
    ax.set_xlim(-pad, len(weeks) - 1 + pad)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)


def draw_trend_ratio(ax: Axes, weeks: pd.DataFrame, target: float) -> None:
    """Weekly Ca:P mass ratio with its target and the concern zone (Kemi 2010)."""
    ratio = weeks["ca_p_mass_ratio"].to_numpy(dtype=float)
    ratio_guides(ax, target)
    ax.plot(
        np.arange(len(ratio)),
        ratio,
        marker="o",
        markersize=8,
        linewidth=2,
        color=COLORS["ratio"],
        label="Ca:P, week average" if np.isfinite(ratio).any() else "_no ratio",
    )
    _style(ax, "Ca:P ratio (mass)", "Ca:P [mg Ca / mg P]", weeks)
    fit_y(ax, finite_max(ratio, [target, CONCERN_MASS_RATIO]), legend(ax, 3, TEXT_PT))
    if not np.isfinite(ratio).any():
        say_unknown(
            ax,
            "Ca:P cannot be computed: the diary lacks calcium or phosphorus for too many entries",
        )


def _target_line(ax: Axes, value: float | None, color: str, style: str, label: str) -> list[float]:
    if value is None or not np.isfinite(value):
        return []
    ax.axhline(value, color=color, linestyle=style, linewidth=1.8, label=label)
    return [value]


def draw_trend_absorbable(ax: Axes, weeks: pd.DataFrame, trend: Trend) -> None:
    """Weekly calcium and absorbable calcium against the person's targets. [mg/day]

    The absorbable-calcium target is the report's: the calcium RDA/AI eaten as dairy in three
    meals, absorbed by Weaver's load equation
    (:func:`analyzer.balance.absorption.absorbable_calcium_target`).
    """
    x = np.arange(len(weeks))
    calcium = weeks["calcium_mg"].to_numpy(dtype=float)
    absorbable = weeks["absorbable_calcium_mg"].to_numpy(dtype=float)
    ax.bar(x - 0.2, calcium, 0.38, color=COLORS["calcium"], label="calcium eaten")
    ax.bar(
        x + 0.2,
        absorbable,
        0.38,
        color=COLORS["absorbable_calcium"],
        label="absorbable calcium"
        if trend.foods_known
        else "absorbable calcium: unknown (app totals)",
    )
    target, absorbable_target = trend.calcium_target_mg, trend.absorbable_calcium_target_mg
    extra = _target_line(
        ax, target, COLORS["target"], "--", f"calcium target {target or 0:,.0f} mg/day"
    )
    extra += _target_line(
        ax,
        absorbable_target,
        COLORS["absorbable_calcium"],
        "-.",
        f"absorbable target {absorbable_target or 0:,.0f} mg/day",
    )
    _style(ax, "Calcium eaten and absorbed, per day", "Calcium [mg/day]", weeks)
    fit_y(ax, finite_max(calcium, absorbable, extra), _legend_and_fade(ax, 4, weeks))


def draw_trend_load(ax: Axes, weeks: pd.DataFrame, foods_known: bool = True) -> None:
    """Weekly diuretic load per day, stacked by group; unknown for app totals. [mg Ca/day]"""
    columns = {g: weeks[f"load_{g}"].to_numpy(dtype=float) for g in LOAD_GROUPS}
    bottom = stacked_load_bars(ax, columns)
    _style(ax, "Diuretic load by group, per day", "Calcium cost [mg Ca/day]", weeks)
    fit_y(ax, finite_max(bottom), _legend_and_fade(ax, 5, weeks))
    if not foods_known:
        say_unknown(ax, LOADS_UNKNOWN)


def trend_chart(
    trend: Trend,
    *,
    figsize: tuple[float, float] = FIGSIZE_IN,
    dpi: int = DPI,
) -> Figure:
    """The trend over a span of ISO weeks, in three stacked panels.

    Weekly values are per-day averages over the complete days of each week; the bars of a
    week the report would not judge (no complete day, or over a quarter of its food unused)
    are faded. Panels: Ca:P mass
    ratio with target and concern zone [mg/mg]; calcium eaten and absorbable against the
    targets [mg/day]; diuretic load by group [mg Ca/day].

    Parameters
    ----------
    trend : Trend
        From :func:`analyzer.report.trend.build_trend`.
    figsize : (float, float)
        Size. [in]
    dpi : int
        Resolution. [dots per inch]

    Returns
    -------
    matplotlib.figure.Figure

    References
    ----------
    Kemi VE et al. 2010, Br J Nutr 103:561 (molar Ca:P <= 0.5 with higher PTH).
    """
    weeks = trend_frame(trend)
    fig = new_figure(figsize, dpi)
    axes = fig.subplots(3, 1, sharex=False)
    for name, ax in zip(TREND_PANELS, axes, strict=True):
        ax.set_label(name)
    draw_trend_ratio(axes[0], weeks, trend.ca_p_mass_ratio_target)
    draw_trend_absorbable(axes[1], weeks, trend)
    draw_trend_load(axes[2], weeks, trend.foods_known)
    fig.suptitle(
        f"Calcium–phosphorus trend, {trend.span}\nProfile: {trend.profile}",
        fontsize=TITLE_PT,
        fontweight="bold",
    )
    return fig
