"""The one-week figure: five panels a person can read at a glance."""

from __future__ import annotations

import textwrap
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure
from matplotlib.patches import Patch

from analyzer.chart.frames import PlanView, plan_view, week_frame
from analyzer.chart.style import (
    COLORS,
    CONCERN_LABEL,
    CONCERN_MASS_RATIO,
    DPI,
    FIGSIZE_IN,
    LABEL_PT,
    LOAD_GROUPS,
    PANEL_TITLE_PT,
    TEXT_PT,
    TITLE_PT,
    UNKNOWN_PT,
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
BAR_WIDTH = 0.38
#: Head-room above the tallest bar, so legends sit above the data. [fraction of the max]
HEADROOM = 1.35
#: Distance of the now-to-projected arrow from the ratio panel's right edge. [days]
ARROW_INSET = 0.12
#: Lines of suggestions panel 5 holds, and the widths text is wrapped at. [lines], [chars]
MAX_SUGGESTION_LINES = 4
WRAP_CHARS = 76
MESSAGE_WRAP_CHARS = 62
#: Top of the text boxes, below the panel title. [axes fraction]
TEXT_TOP = 0.9
#: Extra head-room in the ratio panel, whose legend has three rows. [fraction]
RATIO_HEADROOM = 1.25


def new_figure(figsize: tuple[float, float] = FIGSIZE_IN, dpi: int = DPI) -> Figure:
    """A figure with constrained layout on the Agg canvas (no pyplot, no window)."""
    fig = Figure(figsize=figsize, dpi=dpi, layout="constrained")
    FigureCanvasAgg(fig)
    return fig


def day_labels(days: pd.DatetimeIndex, logged: pd.Series | np.ndarray) -> list[str]:
    """Tick labels like ``'Mon 16 Nov'``, with ``'(no log)'`` under days not logged."""
    return [
        f"{d:%a} {d.day} {d:%b}" + ("" if ok else "\n(no log)")
        for d, ok in zip(days, np.asarray(logged), strict=True)
    ]


def _style_axes(ax: Axes, title: str, ylabel: str, labels: list[str]) -> None:
    ax.set_title(title, fontsize=PANEL_TITLE_PT, loc="left")
    ax.set_ylabel(ylabel, fontsize=LABEL_PT)
    ax.set_xticks(np.arange(len(labels)), labels)
    ax.set_xlim(-0.5, len(labels) - 0.5)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)


def _top(*values: Any) -> float:
    """Upper y limit: the largest finite value plus head-room; 1 when there is none (or 0)."""
    finite = [
        float(v) for v in np.ravel(np.concatenate([np.ravel(v) for v in values])) if np.isfinite(v)
    ]
    top = max(finite, default=1.0) * HEADROOM
    return top if top > 0 else 1.0


def say_unknown(ax: Axes, text: str) -> None:
    """Write why a panel is empty in its middle, so no one reads an empty panel as zero."""
    ax.text(
        0.5,
        0.5,
        "\n".join(textwrap.wrap(text, 60)),
        ha="center",
        va="center",
        fontsize=UNKNOWN_PT,
        transform=ax.transAxes,
        bbox={"boxstyle": "round,pad=0.5", "facecolor": "white", "edgecolor": "#999999"},
    )


def _all_unknown(*series: Any) -> bool:
    return not any(np.isfinite(np.asarray(v, dtype=float)).any() for v in series)


def _series_labels(week: pd.DataFrame, series: dict[str, str]) -> dict[str, str]:
    """Legend labels of a panel's two series (name -> column).

    When exactly one is unknown its label says so ("magnesium: not in this diary"); when
    both are, the panel's centred note says it once and the labels stay short.
    """
    missing = {name for name, column in series.items() if _all_unknown(week[column])}
    if len(missing) == len(series):
        return {name: name for name in series}
    return {name: f"{name}: not in this diary" if name in missing else name for name in series}


#: Said in a ratio panel with nothing to draw.
RATIO_UNKNOWN = (
    "Ca:P cannot be computed: the diary lacks calcium or phosphorus for too many entries"
)
#: Said in a load panel of a diary of app totals.
LOADS_UNKNOWN = "Unknown: the diary has app totals, not foods: no food groups"


#: Hatch of a bar whose day lacks the value for some entries (the bar is an underestimate).
PARTIAL_HATCH = "//"
PARTIAL_LABEL = "hatched: some entries lack it (underestimate)"


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


def _legend(ax: Axes, names: dict[str, str], hatched: bool, columns: int) -> None:
    handles, labels = ax.get_legend_handles_labels()
    if hatched:
        handles.append(Patch(facecolor="#999999", edgecolor="white", hatch=PARTIAL_HATCH))
        labels.append(PARTIAL_LABEL)
    ax.legend(
        handles,
        labels,
        loc="upper left",
        ncol=_legend_columns(names, columns) - (1 if hatched else 0),
        fontsize=TEXT_PT,
        frameon=False,
    )


def _legend_columns(labels: dict[str, str], default: int) -> int:
    return default - 1 if any(":" in label for label in labels.values()) else default


def _paired_bars(
    ax: Axes, week: pd.DataFrame, columns: dict[str, str]
) -> tuple[dict[str, str], bool]:
    """Two bars side by side per day, one per nutrient of ``columns`` (name -> column).

    Returns the legend labels and whether any bar is hatched (a day with unknown entries).
    """
    x = np.arange(len(week))
    names = _series_labels(week, columns)
    hatched = False
    for offset, (nutrient, column) in zip((-0.5, 0.5), columns.items(), strict=True):
        bars = ax.bar(
            x + offset * BAR_WIDTH,
            week[column],
            BAR_WIDTH,
            color=COLORS[nutrient],
            label=names[nutrient],
        )
        hatched = _hatch_partial(bars, week, nutrient, column) or hatched
    return names, hatched


def draw_calcium_phosphorus(
    ax: Axes, week: pd.DataFrame, calcium_target: float, labels: list[str]
) -> None:
    """Panel 1: calcium and phosphorus bars side by side per day, with the calcium target."""
    columns = {"calcium": "calcium_mg", "phosphorus": "phosphorus_mg"}
    names, hatched = _paired_bars(ax, week, columns)
    if np.isfinite(calcium_target):
        ax.axhline(
            calcium_target,
            color=COLORS["target"],
            linestyle="--",
            linewidth=1.8,
            label=f"calcium target {calcium_target:,.0f} mg/day",
        )
    ax.set_ylim(0, _top(week["calcium_mg"], week["phosphorus_mg"], [calcium_target]))
    _style_axes(ax, "1. Calcium and phosphorus per day", "Intake [mg/day]", labels)
    _legend(ax, names, hatched, 3)
    if _all_unknown(week["calcium_mg"], week["phosphorus_mg"]):
        say_unknown(ax, "Calcium and phosphorus: not in this diary (unknown)")


def ratio_guides(ax: Axes, target: float) -> None:
    """The Ca:P concern zone (molar < 0.5, Kemi 2010) and the ratio target line."""
    ax.axhspan(0, CONCERN_MASS_RATIO, color=COLORS["concern"], alpha=0.15, label=CONCERN_LABEL)
    ax.axhline(
        target, color=COLORS["target"], linestyle="--", linewidth=1.8, label=f"target {target:.2f}"
    )


def draw_ratio(
    ax: Axes, week: pd.DataFrame, target: float, plan: PlanView, labels: list[str]
) -> None:
    """Panel 2: the daily Ca:P mass ratio, its target, the concern zone and the projection."""
    x = np.arange(len(week))
    ratio = week["ca_p_mass_ratio"].to_numpy(dtype=float)
    projected = plan.projected.get("ca_p_mass_ratio", np.nan)
    top = _top(ratio, [target, projected, CONCERN_MASS_RATIO]) * RATIO_HEADROOM
    ratio_guides(ax, target)
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
            ax.annotate(
                "",
                xy=(len(week) - 0.5 - ARROW_INSET, projected),
                xytext=(len(week) - 0.5 - ARROW_INSET, current),
                arrowprops={"arrowstyle": "-|>", "color": COLORS["projected"], "lw": 2.5},
            )
    ax.set_ylim(0, top)
    ax.set_xlim(-0.5, len(week) - 0.5)
    _style_axes(ax, "2. Ca:P ratio (mass)", "Ca:P [mg Ca / mg P]", labels)
    ax.legend(loc="upper left", ncol=2, fontsize=TEXT_PT - 1, frameon=False)
    if _all_unknown(ratio):
        say_unknown(ax, RATIO_UNKNOWN)


def draw_magnesium_potassium(ax: Axes, week: pd.DataFrame, labels: list[str]) -> None:
    """Panel 3: magnesium and potassium as percent of target per day, with the 100% line."""
    names, hatched = _paired_bars(
        ax, week, {"magnesium": "magnesium_pct_target", "potassium": "potassium_pct_target"}
    )
    ax.axhline(100, color=COLORS["target"], linestyle="--", linewidth=1.8, label="100% of target")
    ax.set_ylim(0, _top(week["magnesium_pct_target"], week["potassium_pct_target"], [100.0]))
    _style_axes(ax, "3. Magnesium and potassium", "Percent of target [%]", labels)
    _legend(ax, names, hatched, 3)
    if _all_unknown(week["magnesium_pct_target"], week["potassium_pct_target"]):
        say_unknown(ax, "Magnesium and potassium: not in this diary (unknown)")


def stacked_load_bars(ax: Axes, loads: dict[str, np.ndarray]) -> np.ndarray:
    """Bars of the diuretic load stacked by group (:data:`LOAD_GROUPS` order). [mg Ca/day]

    Returns the top of each stack (unknown values count as 0 there, and draw no bar).
    """
    first = next(iter(loads.values()))
    x = np.arange(len(first))
    bottom = np.zeros(len(first))
    for group, label in LOAD_GROUPS.items():
        values = loads[group]
        ax.bar(
            x,
            values,
            0.6,
            bottom=bottom,
            color=COLORS[group],
            label=label,
            edgecolor="white",
            linewidth=0.5,
        )
        bottom = bottom + np.nan_to_num(values)
    return bottom


def draw_diuretic_load(
    ax: Axes, loads: pd.DataFrame, labels: list[str], foods_known: bool = True
) -> None:
    """Panel 4: the estimated calcium cost (diuretic load), stacked by group, per day.

    With ``foods_known`` False (app daily or meal totals) there are no food groups: the
    panel says so instead of drawing zero bars.
    """
    if not foods_known:
        loads = loads * np.nan
    bottom = stacked_load_bars(ax, {g: loads[g].to_numpy(dtype=float) for g in LOAD_GROUPS})
    ax.set_ylim(0, _top(bottom))
    _style_axes(ax, "4. Diuretic load by group", "Calcium cost [mg Ca/day]", labels)
    ax.legend(loc="upper left", ncol=4, fontsize=TEXT_PT, frameon=False)
    if not foods_known:
        say_unknown(ax, LOADS_UNKNOWN)


def greens_lines(plan: PlanView) -> str:
    """Left half of panel 5: the suggested greens (or the plan's message), wrapped to fit.

    Suggestions are wrapped at :data:`WRAP_CHARS` characters and listed while they fit in
    :data:`MAX_SUGGESTION_LINES` lines; the rest are counted ("+ 2 more: see the report").
    """
    lines = ["Suggested greens this week:"]
    if not plan.lines:
        wrapped = textwrap.wrap(
            plan.message, WRAP_CHARS, initial_indent="  ", subsequent_indent="  "
        )
        return "\n".join(lines + wrapped)
    shown = 0
    for item in plan.lines:
        wrapped = textwrap.wrap(item, WRAP_CHARS, initial_indent="  • ", subsequent_indent="     ")
        if len(lines) - 1 + len(wrapped) > MAX_SUGGESTION_LINES:
            break
        lines += wrapped
        shown += 1
    if shown < len(plan.lines):
        lines.append(f"  + {len(plan.lines) - shown} more: see the report")
    return "\n".join(lines)


def projection_lines(plan: PlanView, target: float) -> str:
    """Right half of panel 5: the week's averages now and projected with the greens."""
    now, then = plan.current, plan.projected
    goal_mg = plan.goals.get("absorbable_calcium_mg")
    goal = f"  (goal {goal_mg:,.0f})" if goal_mg is not None else ""
    lines = ["The week, per day: now → with the greens" if then else "The week, per day:"]
    rows = (
        ("Ca:P (mass)", "ca_p_mass_ratio", "{:.2f}", f"  (target {target:g})"),
        ("Absorbable calcium", "absorbable_calcium_mg", "{:,.0f}", f" mg/day{goal}"),
        ("Calcium", "calcium_mg", "{:,.0f}", " mg/day"),
    )
    for name, key, fmt, unit in rows:
        if key not in now and key not in then:
            lines.append(f"  {name}: unknown")
            continue
        shown = fmt.format(now[key]) if key in now else "?"
        if key in then:
            shown += " → " + fmt.format(then[key])
        lines.append(f"  {name}: {shown}{unit}")
    if plan.lines and plan.message:
        lines += textwrap.wrap(plan.message, MESSAGE_WRAP_CHARS)
    return "\n".join(lines)


def draw_greens(ax: Axes, plan: PlanView, target: float) -> None:
    """Panel 5: the suggested greens (left) and the week now and projected (right)."""
    ax.set_axis_off()
    ax.set_title("5. Greens and the projected week", fontsize=PANEL_TITLE_PT, loc="left")
    box = {"boxstyle": "round,pad=0.6", "facecolor": "#F7F7F7", "edgecolor": "#BBBBBB"}
    for x, text in ((0.0, greens_lines(plan)), (0.55, projection_lines(plan, target))):
        ax.text(
            x,
            TEXT_TOP,
            text,
            va="top",
            ha="left",
            fontsize=TEXT_PT + 1,
            transform=ax.transAxes,
            linespacing=1.4,
            bbox=box,
        )


def weekly_chart(
    report: Report,
    *,
    figsize: tuple[float, float] = FIGSIZE_IN,
    dpi: int = DPI,
) -> Figure:
    """One figure of a report's week of calcium-phosphorus balance, in five panels.

    Panels: (1) calcium and phosphorus per day against the calcium target [mg/day];
    (2) the Ca:P mass ratio with its target, the concern zone (molar < 0.5, Kemi 2010) and
    the ratio projected with the suggested greens [mg/mg]; (3) magnesium and potassium as
    percent of target [%]; (4) the diuretic load stacked by group [mg Ca/day]; (5) the
    suggested greens and the week now and projected. Everything drawn is read from the
    report, so the chart and the report never disagree.

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
    week_table = week_frame(report)
    days = pd.DatetimeIndex(week_table.index)
    labels = day_labels(days, week_table["logged"])
    plan = plan_view(report)
    target = report.targets.ca_p_mass_ratio
    calcium_target = report.targets.calcium_mg
    loads = week_table[[f"load_{g}" for g in LOAD_GROUPS]].set_axis(list(LOAD_GROUPS), axis=1)

    fig = new_figure(figsize, dpi)
    axes = fig.subplot_mosaic(MOSAIC, height_ratios=ROW_HEIGHTS)
    for name, ax in axes.items():
        ax.set_label(name)
    draw_calcium_phosphorus(
        axes["calcium_phosphorus"],
        week_table,
        np.nan if calcium_target is None else calcium_target,
        labels,
    )
    draw_ratio(axes["ratio"], week_table, target, plan, labels)
    draw_magnesium_potassium(axes["magnesium_potassium"], week_table, labels)
    draw_diuretic_load(axes["diuretic_load"], loads, labels, foods_known=not report.totals_only)
    draw_greens(axes["greens"], plan, target)
    span = f"{days[0]:%a %d %b} – {days[-1]:%a %d %b %Y}"
    logged = int(week_table["logged"].sum())
    if logged < len(days):
        span += f"; {logged} of {len(days)} days logged"
    person = f" (person {report.person})" if report.person else ""
    week = f"{'week ' if report.is_iso_week else ''}{report.week.label}"
    # Two lines (what, then whose), so that no week, span or person id runs off the figure.
    fig.suptitle(
        f"Calcium–phosphorus balance, {week} ({span})\n"
        f"Profile: {report.profile.description}{person}",
        fontsize=TITLE_PT,
        fontweight="bold",
    )
    return fig
