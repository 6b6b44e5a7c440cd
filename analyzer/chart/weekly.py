"""The one-week figure: five panels a person can read at a glance."""

from __future__ import annotations

import textwrap
from typing import Any

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.backends.backend_agg import FigureCanvasAgg
from matplotlib.figure import Figure

from analyzer.chart.frames import (
    AnalysisLike,
    PlanView,
    load_by_group,
    plan_view,
    profile_text,
    ratio_target,
    target_mg,
    week_days,
)
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
)

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
    finite = [
        float(v) for v in np.ravel(np.concatenate([np.ravel(v) for v in values])) if np.isfinite(v)
    ]
    return max(finite, default=1.0) * HEADROOM


def draw_calcium_phosphorus(
    ax: Axes, week: pd.DataFrame, calcium_target: float, labels: list[str]
) -> None:
    """Panel 1: calcium and phosphorus bars side by side per day, with the calcium target."""
    x = np.arange(len(week))
    ax.bar(
        x - BAR_WIDTH / 2, week["calcium_mg"], BAR_WIDTH, color=COLORS["calcium"], label="calcium"
    )
    ax.bar(
        x + BAR_WIDTH / 2,
        week["phosphorus_mg"],
        BAR_WIDTH,
        color=COLORS["phosphorus"],
        label="phosphorus",
    )
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
    ax.legend(loc="upper left", ncol=3, fontsize=TEXT_PT, frameon=False)


def draw_ratio(
    ax: Axes, week: pd.DataFrame, target: float, plan: PlanView, labels: list[str]
) -> None:
    """Panel 2: the daily Ca:P mass ratio, its target, the concern zone and the projection."""
    x = np.arange(len(week))
    ratio = week["ca_p_mass_ratio"].to_numpy(dtype=float)
    projected = plan.projected.get("ca_p_mass_ratio", np.nan)
    top = _top(ratio, [target, projected, CONCERN_MASS_RATIO]) * RATIO_HEADROOM
    ax.axhspan(
        0,
        CONCERN_MASS_RATIO,
        color=COLORS["concern"],
        alpha=0.15,
        label=CONCERN_LABEL,
    )
    ax.axhline(
        target, color=COLORS["target"], linestyle="--", linewidth=1.8, label=f"target {target:g}"
    )
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


def draw_magnesium_potassium(ax: Axes, week: pd.DataFrame, labels: list[str]) -> None:
    """Panel 3: magnesium and potassium as percent of target per day, with the 100% line."""
    x = np.arange(len(week))
    ax.bar(
        x - BAR_WIDTH / 2,
        week["magnesium_pct"],
        BAR_WIDTH,
        color=COLORS["magnesium"],
        label="magnesium",
    )
    ax.bar(
        x + BAR_WIDTH / 2,
        week["potassium_pct"],
        BAR_WIDTH,
        color=COLORS["potassium"],
        label="potassium",
    )
    ax.axhline(100, color=COLORS["target"], linestyle="--", linewidth=1.8, label="100% of target")
    ax.set_ylim(0, _top(week["magnesium_pct"], week["potassium_pct"], [100.0]))
    _style_axes(ax, "3. Magnesium and potassium", "Percent of target [%]", labels)
    ax.legend(loc="upper left", ncol=3, fontsize=TEXT_PT, frameon=False)


def draw_diuretic_load(ax: Axes, loads: pd.DataFrame, labels: list[str]) -> None:
    """Panel 4: the estimated extra urinary calcium, stacked by group, per day."""
    x = np.arange(len(loads))
    bottom = np.zeros(len(loads))
    for group, label in LOAD_GROUPS.items():
        values = loads[group].to_numpy(dtype=float)
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
    ax.set_ylim(0, _top(bottom))
    _style_axes(ax, "4. Diuretic load by group", "Extra urinary Ca [mg Ca/day]", labels)
    ax.legend(loc="upper left", ncol=4, fontsize=TEXT_PT, frameon=False)


def greens_lines(plan: PlanView) -> str:
    """Left half of panel 5: the suggested greens (or the plan's message), wrapped to fit.

    Suggestions are wrapped at :data:`WRAP_CHARS` characters and listed while they fit in
    :data:`MAX_SUGGESTION_LINES` lines; the rest are counted ("+ 2 more: see the report").
    """
    lines = ["Suggested greens this week:"]
    if not plan.lines:
        return "\n".join(lines + textwrap.wrap(plan.message, WRAP_CHARS, initial_indent="  "))
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
    analysis: AnalysisLike,
    week: str | None = None,
    suggestions: Any = None,
    *,
    person: str | None = None,
    figsize: tuple[float, float] = FIGSIZE_IN,
    dpi: int = DPI,
) -> Figure:
    """One figure of a week's calcium-phosphorus balance, in five panels.

    Panels: (1) calcium and phosphorus per day against the calcium target [mg/day];
    (2) the Ca:P mass ratio with its target, the concern zone (molar < 0.5, Kemi 2010) and
    the ratio projected with the suggested greens [mg/mg]; (3) magnesium and potassium as
    percent of target [%]; (4) the diuretic load stacked by group [mg Ca/day]; (5) the
    suggested greens and the week now and projected.

    Parameters
    ----------
    analysis : Analysis
        From :func:`analyzer.balance.analyze`.
    week : str, optional
        ISO week, e.g. ``'2026-W47'``; default the latest week in the diary.
    suggestions : object, optional
        The plan from :mod:`analyzer.suggest` (see :func:`analyzer.chart.frames.plan_view`).
    person : str, optional
        Whose week, when the diary holds several people.
    figsize : (float, float)
        Size. [in] The default 16 x 10 in at 100 dpi is 1600 x 1000 px.
    dpi : int
        Resolution. [dots per inch]

    Returns
    -------
    matplotlib.figure.Figure
        Never shown; save it with :func:`analyzer.chart.save_figure`.

    Raises
    ------
    NoDataError
        When the week is not in the diary.

    References
    ----------
    Kemi VE et al. 2010, Br J Nutr 103:561 (molar Ca:P <= 0.5 with higher PTH).
    Okabe M, Ito K 2008, Color Universal Design, J*Fly (palette).
    """
    week_frame = week_days(analysis, week, person)
    week = str(week_frame.attrs["week"])
    days = pd.DatetimeIndex(week_frame.index)
    labels = day_labels(days, week_frame["logged"])
    plan = plan_view(suggestions, week_frame)
    target = ratio_target(analysis)
    calcium_target = target_mg(analysis, "calcium")

    fig = new_figure(figsize, dpi)
    axes = fig.subplot_mosaic(MOSAIC, height_ratios=ROW_HEIGHTS)
    for name, ax in axes.items():
        ax.set_label(name)
    draw_calcium_phosphorus(axes["calcium_phosphorus"], week_frame, calcium_target, labels)
    draw_ratio(axes["ratio"], week_frame, target, plan, labels)
    draw_magnesium_potassium(axes["magnesium_potassium"], week_frame, labels)
    draw_diuretic_load(axes["diuretic_load"], load_by_group(analysis, days, person), labels)
    draw_greens(axes["greens"], plan, target)
    span = f"{days[0]:%a %d %b} – {days[-1]:%a %d %b %Y}"
    fig.suptitle(
        f"Calcium–phosphorus balance, week {week} ({span})    Profile: {profile_text(analysis)}",
        fontsize=TITLE_PT,
        fontweight="bold",
    )
    return fig
