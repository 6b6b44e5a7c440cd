"""The numbers a chart draws, read from the report models: pure pandas, no matplotlib.

Charts never recompute: the week chart reads a :class:`~analyzer.report.model.Report`
(its seven days, plan and targets), the trend chart a :class:`~analyzer.report.trend.Trend`.
These functions only lay the models out as tables, so what is drawn can be tested as plain
tables.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analyzer.nutrients import DIURETIC_GROUPS, TARGET_MINERALS
from analyzer.report import formatting
from analyzer.report.model import Projection, Report
from analyzer.report.trend import Trend

#: Columns of the week frame taken from each day of the report.
DAY_FIELDS = (
    "calcium_mg",
    "phosphorus_mg",
    "absorbable_calcium_mg",
    "ca_p_mass_ratio",
    "magnesium_pct_target",
    "potassium_pct_target",
    "calcium_mg_unknown",
    "phosphorus_mg_unknown",
    "magnesium_mg_unknown",
    "potassium_mg_unknown",
)


def _number(value: float | None) -> float:
    return math.nan if value is None else float(value)


def week_frame(report: Report) -> pd.DataFrame:
    """The report's seven days as a table; days not logged are NaN rows.

    Returns
    -------
    DataFrame
        Indexed by the 7 dates (the report's window), with :data:`DAY_FIELDS`, ``logged``,
        ``complete`` (a logged day the report counts as complete)
        (bool) and one ``load_<group>`` column per diuretic-load group [mg Ca/day]. A day's
        ``ca_p_mass_ratio`` is NaN where the report's days table shows none (too little of
        the day's food has calcium and phosphorus): the chart shows the days' ratios the
        table shows, and never one the report withholds.
    """
    dates = report.window_dates
    rows: list[dict[str, float | bool]] = []
    for date in dates:
        day = report.day(date)
        if day is None:
            rows.append({"logged": False, "complete": False})
            continue
        values = day.model_dump()
        row: dict[str, float | bool] = {name: _number(values.get(name)) for name in DAY_FIELDS}
        if not day.ca_p_ratio_usable:
            row["ca_p_mass_ratio"] = math.nan
        loads = day.load_by_group()
        for group in DIURETIC_GROUPS:
            row[f"load_{group}"] = math.nan if report.totals_only else _number(loads[group])
        row["logged"] = True
        row["complete"] = bool(day.complete)
        rows.append(row)
    columns = [*DAY_FIELDS, *(f"load_{g}" for g in DIURETIC_GROUPS), "logged", "complete"]
    frame = pd.DataFrame(rows, index=dates, columns=columns)
    frame["logged"] = frame["logged"].fillna(False).astype(bool)
    frame["complete"] = frame["complete"].fillna(False).astype(bool)
    frame.index.name = "date"
    return frame


@dataclass(frozen=True)
class PlanView:
    """The suggested greens and the projected week, as the charts show them.

    Attributes
    ----------
    lines : list of str
        One line per suggestion, e.g. ``'1 cup cooked collards, 4 days this week'``.
    current, projected : dict
        The week's averages now and with the greens: ``ca_p_mass_ratio`` [mg/mg],
        ``absorbable_calcium_mg`` and ``calcium_mg`` [mg/day]; unknown values are absent,
        ``projected`` is empty when nothing is suggested.
    goals : dict
        The plan's goals: ``absorbable_calcium_mg`` [mg/day], ``ca_p_mass_ratio`` (the
        target) and ``ca_p_ratio_goal`` when the plan aimed lower (the target would have
        taken calcium above the RDA).
    message : str
        Shown instead of the suggestions when there are none.
    """

    lines: list[str] = field(default_factory=list)
    current: dict[str, float] = field(default_factory=dict)
    projected: dict[str, float] = field(default_factory=dict)
    goals: dict[str, float] = field(default_factory=dict)
    message: str = ""
    shown_now: dict[str, str] = field(default_factory=dict)


PLAN_KEYS = ("ca_p_mass_ratio", "absorbable_calcium_mg", "calcium_mg")


def _known(values: Projection | None) -> dict[str, float]:
    if values is None:
        return {}
    dumped = values.model_dump()
    return {k: float(dumped[k]) for k in PLAN_KEYS if dumped.get(k) is not None}


def plan_view(report: Report) -> PlanView:
    """The report's plan as the week chart's fifth panel shows it."""
    lines = [item.text for item in report.suggestions]
    goals = {
        k: float(v)
        for k, v in (
            ("absorbable_calcium_mg", report.targets.absorbable_calcium_mg),
            ("ca_p_mass_ratio", report.targets.ca_p_mass_ratio),
        )
        if v is not None
    }
    goal = formatting.lowered_ratio_goal(report)
    if goal is not None:
        goals["ca_p_ratio_goal"] = goal  # the plan aimed lower: the RDA came first
    week, cov = report.week, report.coverage.get("calcium")
    shown_now = {
        "ca_p_mass_ratio": formatting.number(week.ca_p_mass_ratio, 2),
        "absorbable_calcium_mg": formatting.weekly_value(week.absorbable_calcium_mg, cov, ""),
        "calcium_mg": formatting.calcium_value(report, week.calcium_mg).removesuffix(" mg"),
    }
    return PlanView(
        lines=lines,
        current=_known(report.current),
        projected=_known(report.projected) if lines else {},
        goals=goals,
        message="" if lines else report.plan.message,
        shown_now=shown_now,
    )


@dataclass(frozen=True)
class WeekView:
    """Everything the week chart draws, read from a report (no rule is applied here).

    Attributes
    ----------
    table : DataFrame
        :func:`week_frame`.
    plan : PlanView
        :func:`plan_view`.
    ratio_target : float
        The Ca:P mass-ratio goal. [mg/mg]
    targets_mg : dict
        The DRI target of each mineral (NaN when unknown) [mg/day], and
        ``target_kinds`` their kind (``RDA`` or ``AI``).
    ratio_note : str or None
        Why the week's Ca:P ratio cannot be computed (the report's words), else ``None``.
    absent : dict
        Per mineral with no value this week, why (``not in this MyFitnessPal export``).
    calcium_approximate : bool
        Some calcium was converted from a % Daily Value (MyFitnessPal).
    foods_known : bool
        False for a diary of app totals (no food groups).
    """

    table: pd.DataFrame
    plan: PlanView
    ratio_target: float
    targets_mg: dict[str, float]
    target_kinds: dict[str, str]
    ratio_note: str | None
    absent: dict[str, str]
    calcium_approximate: bool
    foods_known: bool


def week_view(report: Report) -> WeekView:
    """The report's week as the week chart draws it."""
    absent = {m: formatting.absent_phrase(report, m) for m in TARGET_MINERALS}
    return WeekView(
        table=week_frame(report),
        plan=plan_view(report),
        ratio_target=report.targets.ca_p_mass_ratio,
        targets_mg={m: _number(getattr(report.targets, f"{m}_mg")) for m in TARGET_MINERALS},
        target_kinds={m: report.targets.kinds.get(m, "target") for m in TARGET_MINERALS},
        ratio_note=formatting.ratio_unknown(report),
        absent={m: why for m, why in absent.items() if why is not None},
        calcium_approximate=report.calcium_approximate,
        foods_known=not report.totals_only,
    )


def trend_frame(trend: Trend) -> pd.DataFrame:
    """The trend's weeks as a table, one row per calendar week (gaps as NaN rows).

    Returns
    -------
    DataFrame
        Columns ``week``, ``start`` (datetime), ``days`` (logged), ``days_complete``,
        ``judged`` (the week can be judged), ``calcium_mg``,
        ``absorbable_calcium_mg``, ``ca_p_mass_ratio`` and ``load_<group>`` [mg Ca/day].
    """
    rows = []
    for week in trend.weeks:
        row: dict[str, object] = {
            "week": week.week,
            "start": pd.Timestamp(week.start),
            "days": week.days,
            "days_complete": week.days_complete,
            "judged": week.judged,
            "calcium_mg": _number(week.calcium_mg),
            "absorbable_calcium_mg": _number(week.absorbable_calcium_mg),
            "ca_p_mass_ratio": _number(week.ca_p_mass_ratio),
        }
        for group in DIURETIC_GROUPS:
            value = week.diuretic_load_by_group.get(group)
            row[f"load_{group}"] = math.nan if not trend.foods_known else _number(value)
        rows.append(row)
    frame = pd.DataFrame(rows)
    if not trend.foods_known:
        frame["absorbable_calcium_mg"] = np.nan
    return frame
