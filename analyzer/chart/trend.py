"""The trend over several weeks: weekly Ca:P, absorbable calcium and the diuretic load."""

from __future__ import annotations

import numpy as np
import pandas as pd
from matplotlib.axes import Axes
from matplotlib.figure import Figure

from analyzer.chart.frames import (
    AnalysisLike,
    profile_text,
    ratio_target,
    target_mg,
    totals_only,
    trend_weeks,
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
from analyzer.chart.weekly import (
    HEADROOM,
    new_figure,
    ratio_guides,
    say_unknown,
    stacked_load_bars,
)
from analyzer.report.build import absorbable_calcium_target

TREND_PANELS = ("ratio", "absorbable_calcium", "diuretic_load")
#: Narrowest x range, in weeks, so that one or two weeks do not give giant bars.
MIN_SLOTS = 6


def _week_labels(weekly: pd.DataFrame) -> list[str]:
    days = weekly["days"] if "days" in weekly.columns else pd.Series([np.nan] * len(weekly))
    return [
        f"{week}\n({int(n)} d)" if pd.notna(n) else str(week)
        for week, n in zip(weekly["week"], days, strict=True)
    ]


def _style(ax: Axes, title: str, ylabel: str, labels: list[str]) -> None:
    ax.set_title(title, fontsize=PANEL_TITLE_PT, loc="left")
    ax.set_ylabel(ylabel, fontsize=LABEL_PT)
    ax.set_xlabel("ISO week [days logged]", fontsize=LABEL_PT)
    ax.set_xticks(np.arange(len(labels)), labels)
    pad = max(0.5, (MIN_SLOTS - len(labels)) / 2 + 0.5)
    ax.set_xlim(-pad, len(labels) - 1 + pad)
    ax.grid(axis="y", alpha=0.3)
    ax.set_axisbelow(True)


def _top(values: np.ndarray, *extra: float) -> float:
    finite = [v for v in [*np.ravel(values), *extra] if np.isfinite(v)]
    top = max(finite, default=1.0) * HEADROOM
    return top if top > 0 else 1.0


def draw_trend_ratio(ax: Axes, weekly: pd.DataFrame, target: float, labels: list[str]) -> None:
    """Weekly Ca:P mass ratio with its target and the concern zone (Kemi 2010)."""
    ratio = weekly["ca_p_mass_ratio"].to_numpy(dtype=float)
    ratio_guides(ax, target)
    ax.plot(
        np.arange(len(ratio)),
        ratio,
        marker="o",
        markersize=8,
        linewidth=2,
        color=COLORS["ratio"],
        label="Ca:P, week average",
    )
    ax.set_ylim(0, _top(ratio, target, CONCERN_MASS_RATIO))
    _style(ax, "Ca:P ratio (mass)", "Ca:P [mg Ca / mg P]", labels)
    ax.legend(loc="upper left", ncol=3, fontsize=TEXT_PT, frameon=False)
    if not np.isfinite(ratio).any():
        say_unknown(ax, "Ca:P cannot be computed: the diary lacks calcium or phosphorus")


def draw_trend_absorbable(
    ax: Axes,
    weekly: pd.DataFrame,
    analysis: AnalysisLike,
    labels: list[str],
    foods_known: bool = True,
    person: str | None = None,
) -> None:
    """Weekly calcium and absorbable calcium against the profile's targets. [mg/day]

    The absorbable-calcium target is the report's: the calcium RDA/AI eaten as dairy in three
    meals, absorbed by Weaver's load equation
    (:func:`~analyzer.report.build.absorbable_calcium_target`).
    """
    x = np.arange(len(weekly))
    calcium = (
        weekly["calcium_mg"].to_numpy(dtype=float)
        if "calcium_mg" in weekly
        else np.full(len(x), np.nan)
    )
    absorbable = weekly["absorbable_calcium_mg"].to_numpy(dtype=float)
    if not foods_known:  # absorption depends on the foods and meals: app totals do not say
        absorbable = np.full(len(x), np.nan)
    ax.bar(x - 0.2, calcium, 0.38, color=COLORS["calcium"], label="calcium eaten")
    ax.bar(
        x + 0.2,
        absorbable,
        0.38,
        color=COLORS["absorbable_calcium"],
        label="absorbable calcium" if foods_known else "absorbable calcium: unknown (app totals)",
    )
    extra = []
    calcium_target = target_mg(analysis, "calcium", person)
    if np.isfinite(calcium_target):
        ax.axhline(
            calcium_target,
            color=COLORS["target"],
            linestyle="--",
            linewidth=1.8,
            label=f"calcium target {calcium_target:,.0f} mg/day",
        )
        extra.append(calcium_target)
    absorbable_target = absorbable_calcium_target(calcium_target)[0]
    if np.isfinite(absorbable_target):
        ax.axhline(
            absorbable_target,
            color=COLORS["absorbable_calcium"],
            linestyle="-.",
            linewidth=1.8,
            label=f"absorbable target {absorbable_target:,.0f} mg/day",
        )
        extra.append(absorbable_target)
    ax.set_ylim(0, _top(np.concatenate([calcium, absorbable]), *extra))
    _style(ax, "Calcium eaten and absorbed, per day", "Calcium [mg/day]", labels)
    ax.legend(loc="upper left", ncol=4, fontsize=TEXT_PT, frameon=False)


def draw_trend_load(
    ax: Axes, weekly: pd.DataFrame, labels: list[str], foods_known: bool = True
) -> None:
    """Weekly diuretic load per day, stacked by group; unknown for app totals. [mg Ca/day]"""
    columns = {g: np.nan_to_num(weekly[f"load_{g}"].to_numpy(dtype=float)) for g in LOAD_GROUPS}
    bottom = stacked_load_bars(ax, columns)
    ax.set_ylim(0, _top(bottom))
    _style(ax, "Diuretic load by group, per day", "Extra urinary Ca [mg Ca/day]", labels)
    ax.legend(loc="upper left", ncol=4, fontsize=TEXT_PT, frameon=False)
    if not foods_known:
        say_unknown(ax, "Unknown: the diary has app totals, not foods: no food groups")


def trend_chart(
    analysis: AnalysisLike,
    weeks: int = 8,
    *,
    person: str | None = None,
    figsize: tuple[float, float] = FIGSIZE_IN,
    dpi: int = DPI,
) -> Figure:
    """The trend over the last ``weeks`` ISO weeks, in three stacked panels.

    Weekly values are per-day averages over the days logged in each week (the tick labels
    say how many). Panels: Ca:P mass ratio with target and concern zone [mg/mg]; calcium
    eaten and absorbable against the targets [mg/day]; diuretic load by group [mg Ca/day].

    Parameters
    ----------
    analysis : Analysis
        From :func:`analyzer.balance.analysis.analyze`.
    weeks : int
        How many of the latest weeks to show (fewer if the diary has fewer).
    person : str, optional
        Whose weeks, when the diary holds several people.
    figsize : (float, float)
        Size. [in]
    dpi : int
        Resolution. [dots per inch]

    Returns
    -------
    matplotlib.figure.Figure

    Raises
    ------
    NoDataError
        When ``weeks`` < 1 or the diary has no weeks.

    References
    ----------
    Kemi VE et al. 2010, Br J Nutr 103:561 (molar Ca:P <= 0.5 with higher PTH).
    """
    weekly = trend_weeks(analysis, weeks, person)
    labels = _week_labels(weekly)
    fig = new_figure(figsize, dpi)
    axes = fig.subplots(3, 1, sharex=False)
    for name, ax in zip(TREND_PANELS, axes, strict=True):
        ax.set_label(name)
    draw_trend_ratio(axes[0], weekly, ratio_target(analysis), labels)
    dates = pd.to_datetime(analysis.entries["date"]) if "date" in analysis.entries else None
    all_days = pd.DatetimeIndex(dates.unique()) if dates is not None else pd.DatetimeIndex([])
    foods_known = not totals_only(analysis, all_days, person)
    draw_trend_absorbable(axes[1], weekly, analysis, labels, foods_known, person)
    draw_trend_load(axes[2], weekly, labels, foods_known)
    first, last = weekly["week"].iloc[0], weekly["week"].iloc[-1]
    span = f"week {first}" if first == last else f"weeks {first} to {last} ({len(weekly)} weeks)"
    fig.suptitle(
        f"Calcium–phosphorus trend, {span}    Profile: {profile_text(analysis, person)}",
        fontsize=TITLE_PT,
        fontweight="bold",
    )
    return fig
