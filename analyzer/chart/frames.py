"""The numbers a chart draws, taken from an analysis: pure pandas, no matplotlib.

Every chart reads the analysis through these functions, so what is drawn can be tested as
plain tables: the seven days of an ISO week (unlogged days present, as NaN), the diuretic
load per day and group, the weekly trend, and the greens suggested with the projected week.
"""

from __future__ import annotations

import datetime as dt
import re
from collections.abc import Mapping
from dataclasses import dataclass, field
from typing import Any, Protocol

import numpy as np
import pandas as pd

from analyzer.balance.analysis import only_app_totals
from analyzer.chart.style import DEFAULT_RATIO_TARGET, LOAD_GROUPS
from analyzer.errors import NoDataError, some_of
from analyzer.report.build import COVERAGE_MIN_FRACTION

WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{1,2})$")
DAYS_PER_WEEK = 7
#: The balance engine's daily/weekly column of the diuretic load of one group. [mg Ca/day]
ENGINE_LOAD_COLUMN = "diuretic_load_{group}_mg"


class AnalysisLike(Protocol):
    """What the charts need from :class:`~analyzer.balance.analysis.Analysis`."""

    entries: pd.DataFrame
    daily: pd.DataFrame
    weekly: pd.DataFrame
    targets: Any
    profile: Any


def get(obj: Any, name: str, default: Any = None) -> Any:
    """Read ``name`` from a mapping, a Series or an object's attribute; ``default`` if absent."""
    if obj is None:
        return default
    if isinstance(obj, (Mapping, pd.Series)):
        value = obj.get(name, default)
    else:
        value = getattr(obj, name, default)
    return default if value is None else value


def _targets(analysis: AnalysisLike, person: str | None) -> Any:
    """The person's targets when the analysis has per-person profiles, else the profile's."""
    targets_of = getattr(analysis, "targets_of", None)
    if person is not None and callable(targets_of):
        return targets_of(person)
    return analysis.targets


def _profile(analysis: AnalysisLike, person: str | None) -> Any:
    """The person's profile when the analysis has per-person profiles, else the profile."""
    profile_of = getattr(analysis, "profile_of", None)
    if person is not None and callable(profile_of):
        return profile_of(person)
    return analysis.profile


def target_mg(analysis: AnalysisLike, nutrient: str, person: str | None = None) -> float:
    """Daily target of ``nutrient`` (e.g. ``"calcium"``), NaN if unknown. [mg/day]"""
    return float(get(_targets(analysis, person), f"{nutrient}_mg", np.nan))


def ratio_target(analysis: AnalysisLike) -> float:
    """The Ca:P mass-ratio target of the analysis settings, else the default 1.0. [mg/mg]"""
    settings = getattr(analysis, "settings", None)
    for name in ("ca_p_mass_ratio_target", "ca_p_target", "ratio_target"):
        value = get(settings, name)
        if value is not None:
            return float(value)
    return DEFAULT_RATIO_TARGET


def profile_text(analysis: AnalysisLike, person: str | None = None) -> str:
    """The profile as a short phrase, e.g. ``'female, 35 y'`` (``'female, 35 y (person ann)'``)."""
    profile = _profile(analysis, person)
    describe = getattr(profile, "describe", None)
    text = str(describe()) if callable(describe) else str(profile)
    return f"{text} (person {person})" if person else text


def week_label(day: pd.Timestamp | dt.date) -> str:
    """ISO week of a date as ``'YYYY-Www'``.

    Examples
    --------
    >>> week_label(pd.Timestamp("2026-11-16"))
    '2026-W47'
    """
    year, week, _ = pd.Timestamp(day).isocalendar()
    return f"{year}-W{week:02d}"


def _select_person(frame: pd.DataFrame, person: str | None) -> pd.DataFrame:
    if "person" not in frame.columns:
        return frame
    people = [p for p in frame["person"].dropna().unique().tolist() if p != ""]
    if person is None:
        if len(people) > 1:
            raise NoDataError(
                f"the diary holds {len(people):,} people ({some_of(list(people), 5)})",
                "chart one person at a time: pass person=... (CLI: --person)",
            )
        return frame
    if person not in people:
        raise NoDataError(
            f"person {person!r} is not in the diary",
            f"the diary has: {some_of(list(people)) or '(no person column values)'}",
        )
    return frame[frame["person"] == person]


def week_start(week: str) -> pd.Timestamp:
    """Monday of an ISO week written ``'2026-W47'``.

    Raises
    ------
    NoDataError
        When ``week`` is not written as ``YYYY-Www`` or names no real week.

    Examples
    --------
    >>> week_start("2026-W47")
    Timestamp('2026-11-16 00:00:00')
    """
    found = WEEK_PATTERN.match(week.strip())
    if found is None:
        raise NoDataError(f"week {week!r} is not an ISO week", "write it like 2026-W47")
    try:
        monday = dt.date.fromisocalendar(int(found[1]), int(found[2]), 1)
    except ValueError:
        raise NoDataError(
            f"week {week!r} does not exist", f"year {found[1]} has weeks W01 to W52 or W53"
        ) from None
    return pd.Timestamp(monday)


def logged_weeks(daily: pd.DataFrame) -> list[str]:
    """Distinct ISO weeks of a daily table, in order."""
    return sorted(iso_weeks(daily["date"].dropna()).unique().tolist())


def _ratio_with_coverage(frame: pd.DataFrame, min_fraction: float) -> pd.Series:
    """The day's Ca:P mass ratio, NaN where too few entries have calcium or phosphorus."""
    ratio = frame["ca_p_mass_ratio"].astype(float)
    if "entries" not in frame.columns:
        return ratio
    entries = frame["entries"].astype(float)
    ok = pd.Series(True, index=frame.index)
    for mineral in ("calcium", "phosphorus"):
        column = f"{mineral}_mg_unknown"
        if column in frame.columns:
            known = entries - frame[column].astype(float).fillna(0.0)
            ok &= (known >= min_fraction * entries) & (known > 0)
    return ratio.where(ok | entries.isna())


def totals_only(analysis: AnalysisLike, days: pd.DatetimeIndex, person: str | None) -> bool:
    """True when the days' entries are app totals (no food known): no food groups."""
    entries = _select_person(analysis.entries, person)
    if "date" not in entries.columns:
        return False
    return only_app_totals(entries[pd.to_datetime(entries["date"]).isin(days)])


def week_days(
    analysis: AnalysisLike,
    week: str | None = None,
    person: str | None = None,
    start: dt.date | str | None = None,
) -> pd.DataFrame:
    """The seven days of an ISO week from the daily table, unlogged days as NaN rows.

    Parameters
    ----------
    analysis : Analysis
        The result of :func:`analyzer.balance.analysis.analyze`.
    week : str, optional
        ISO week like ``'2026-W47'``; default the latest week in the diary.
    person : str, optional
        Whose week, when the diary holds several people.
    start : date or str, optional
        First day of a seven-day window instead of an ISO week (the report's ``--start``).

    Returns
    -------
    DataFrame
        Indexed by the 7 dates (Monday first, or ``start`` first), with the daily columns and
        ``logged`` (bool), plus ``magnesium_pct`` and ``potassium_pct``: intake as percent of
        target [%]. A day's ``ca_p_mass_ratio`` is NaN when fewer than the report's
        :data:`analyzer.report.build.COVERAGE_MIN_FRACTION` of its entries have calcium and
        phosphorus. ``attrs["week"]`` holds the ISO week or ``'2026-11-18 to 2026-11-24'``.

    Raises
    ------
    NoDataError
        When the week is not in the diary (the message lists the weeks it has).
    """
    daily = _select_person(analysis.daily, person).copy()
    daily["date"] = pd.to_datetime(daily["date"])
    weeks = logged_weeks(daily)
    if not weeks:
        raise NoDataError(
            "the diary has no days to chart", "check the diary's rows with `analyzer entries`"
        )
    if start is not None:
        first = pd.Timestamp(start).normalize()
        days = pd.date_range(first, periods=DAYS_PER_WEEK, freq="D")
        is_iso = first.day_of_week == 0
        week = week_label(first) if is_iso else f"{days[0]:%Y-%m-%d} to {days[-1]:%Y-%m-%d}"
    else:
        week = weeks[-1] if week is None else week
        days = pd.date_range(week_start(week), periods=DAYS_PER_WEEK, freq="D")
    in_week = daily[daily["date"].isin(days)]
    if in_week.empty:
        raise NoDataError(f"week {week} is not in the diary", f"it has: {', '.join(weeks)}")
    frame = in_week.drop(columns=["person"], errors="ignore").set_index("date").reindex(days)
    frame.index.name = "date"
    frame["logged"] = frame.index.isin(in_week["date"])
    for nutrient in ("magnesium", "potassium"):
        target = target_mg(analysis, nutrient, person)
        frame[f"{nutrient}_pct"] = 100.0 * frame[f"{nutrient}_mg"] / target
    if "ca_p_mass_ratio" in frame.columns:
        frame["ca_p_mass_ratio"] = _ratio_with_coverage(frame, COVERAGE_MIN_FRACTION)
    frame.attrs["week"] = week
    return frame


def iso_weeks(dates: pd.Series) -> pd.Series:
    """ISO week labels (``'2026-W47'``) of a date column, vectorised."""
    iso = pd.to_datetime(dates).dt.isocalendar()
    return (
        iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2)
    ).astype("string")


def _engine_loads(frame: pd.DataFrame) -> pd.DataFrame | None:
    """The engine's per-group load columns renamed to the group names, if all are there."""
    columns = [ENGINE_LOAD_COLUMN.format(group=g) for g in LOAD_GROUPS]
    if not set(columns) <= set(frame.columns):
        return None
    return frame[columns].set_axis(list(LOAD_GROUPS), axis=1).astype(float)


def load_by_group(
    analysis: AnalysisLike, days: pd.DatetimeIndex, person: str | None = None
) -> pd.DataFrame:
    """Diuretic load per day from each of the four groups. [mg Ca/day]

    Taken from the daily table's ``diuretic_load_<group>_mg`` columns when the engine
    provides them, else summed from the entries' ``group`` and ``diuretic_load_mg``.

    Parameters
    ----------
    analysis : Analysis
        From :func:`analyzer.balance.analysis.analyze`.
    days : DatetimeIndex
        The days wanted; days not logged are NaN, logged days without a group's foods 0.
    person : str, optional
        Whose days, when the diary holds several people.

    Returns
    -------
    DataFrame
        Index ``days``, one column per group in :data:`LOAD_GROUPS` order.
    """
    daily = _select_person(analysis.daily, person)
    from_engine = _engine_loads(daily)
    if from_engine is not None:
        return from_engine.set_axis(pd.to_datetime(daily["date"]), axis=0).reindex(days)
    entries = _select_person(analysis.entries, person)
    dates = pd.to_datetime(entries["date"])
    chosen = entries[dates.isin(days)].assign(date=dates)
    table = chosen.pivot_table(
        index="date", columns="group", values="diuretic_load_mg", aggfunc="sum", observed=True
    )
    table = table.reindex(index=days, columns=list(LOAD_GROUPS)).astype(float)
    logged = days.isin(dates)
    table.loc[logged] = table.loc[logged].fillna(0.0)
    return table


def trend_weeks(analysis: AnalysisLike, weeks: int, person: str | None = None) -> pd.DataFrame:
    """The last ``weeks`` ISO weeks of the weekly table with the load per group.

    Weekly values are per-day averages over the days logged in each week, so the group
    loads (``load_<group>`` columns) are the week's sum divided by its logged days; taken
    from the engine's ``diuretic_load_<group>_mg`` columns when present. [mg Ca/day]

    Raises
    ------
    NoDataError
        When ``weeks`` is below 1 or the diary has no weeks.
    """
    if weeks < 1:
        raise NoDataError(
            f"--weeks {weeks} selects nothing", "give a number of weeks of 1 or more"
        )
    weekly = _select_person(analysis.weekly, person).copy()
    if weekly.empty:
        raise NoDataError(
            "the diary has no weeks to chart", "check the diary with `analyzer entries`"
        )
    weekly = weekly.sort_values("week").tail(weeks).reset_index(drop=True)
    loads = _engine_loads(weekly)
    if loads is None:
        entries = _select_person(analysis.entries, person)
        labels = iso_weeks(entries["date"])
        days_logged = pd.to_datetime(entries["date"]).groupby(labels).nunique()
        sums = (
            entries.assign(week=labels)
            .pivot_table(index="week", columns="group", values="diuretic_load_mg", aggfunc="sum")
            .reindex(columns=list(LOAD_GROUPS))
            .fillna(0.0)
        )
        per_day = sums.div(days_logged.reindex(sums.index), axis=0)
        loads = per_day.reindex(weekly["week"].astype(str)).reset_index(drop=True)
    return pd.concat([weekly, loads.add_prefix("load_")], axis=1)


@dataclass(frozen=True)
class PlanView:
    """The suggested greens and the projected week, as the charts show them.

    Attributes
    ----------
    lines : list of str
        One line per suggestion, e.g. ``'1 cup cooked collards, 4 days this week'``.
    current : dict
        The week's averages now: ``ca_p_mass_ratio`` [mg/mg], ``absorbable_calcium_mg``
        [mg/day], ``calcium_mg`` [mg/day].
    projected : dict
        The same after following the suggestions (empty when nothing is suggested).
    goals : dict
        The plan's goals, e.g. ``absorbable_calcium_mg`` [mg/day], ``ca_p_mass_ratio``.
    message : str
        A note shown with (or instead of) the suggestions.
    """

    lines: list[str] = field(default_factory=list)
    current: dict[str, float] = field(default_factory=dict)
    projected: dict[str, float] = field(default_factory=dict)
    goals: dict[str, float] = field(default_factory=dict)
    message: str = ""


PLAN_KEYS = ("ca_p_mass_ratio", "absorbable_calcium_mg", "calcium_mg")
#: What to say for each status of :class:`analyzer.report.plan.GreensPlan`.
STATUS_MESSAGES = {
    "met": "The week already meets the targets: no greens needed.",
    "closed": "",
    "partial": "Within the cap per green, these close only part of the gap.",
    "unknown": "Intake unknown for this week: no plan.",
}


def _numbers(obj: Any) -> dict[str, float]:
    if isinstance(obj, pd.DataFrame):
        obj = obj.iloc[0] if len(obj) else None
    out = {}
    for key in PLAN_KEYS:
        value = get(obj, key)
        if isinstance(value, (int, float, np.number)) and np.isfinite(float(value)):
            out[key] = float(value)
    return out


def _suggestion_line(item: Any) -> str:
    text = get(item, "text")
    if text:
        return str(text)
    amount = get(item, "amount")
    unit = get(item, "unit", "")
    what = get(item, "name") or get(item, "description") or get(item, "food_id", "?")
    line = f"{amount:g} {unit} {what}" if isinstance(amount, (int, float)) else f"{what}"
    days = get(item, "days")
    if days is not None:
        line += f", {int(days)} day{'s' if int(days) != 1 else ''}"
    return " ".join(line.split())


def week_averages(week_days_frame: pd.DataFrame) -> dict[str, float]:
    """Per-day averages over the logged days of a week: Ca, absorbable Ca, Ca:P. [mg/day]"""
    logged = week_days_frame[week_days_frame["logged"]]
    calcium = float(logged["calcium_mg"].mean())
    phosphorus = float(logged["phosphorus_mg"].mean())
    out = {
        "calcium_mg": calcium,
        "absorbable_calcium_mg": float(logged["absorbable_calcium_mg"].mean()),
        "ca_p_mass_ratio": calcium / phosphorus if phosphorus > 0 else np.nan,
    }
    return {k: v for k, v in out.items() if np.isfinite(v)}


def plan_view(suggestions: Any, week_days_frame: pd.DataFrame | None = None) -> PlanView:
    """Normalise suggestions for drawing.

    Parameters
    ----------
    suggestions : GreensPlan, mapping or None
        An :class:`analyzer.report.plan.GreensPlan` (``status``, ``suggestions``, ``current``,
        ``projected``, ``goals``), or the report's dict (:func:`~analyzer.report.build_report`:
        ``suggestions``, ``current``, ``projected``, ``plan`` with ``status`` and ``message``,
        ``targets``), or any mapping with those keys and an optional ``message``; each
        suggestion has ``text`` or ``amount``, ``unit``, ``name`` or
        ``description`` and ``days``.
    week_days_frame : DataFrame, optional
        The week's days (from :func:`week_days`), for the current averages when the
        suggestions do not carry them.

    Returns
    -------
    PlanView
    """
    current = week_averages(week_days_frame) if week_days_frame is not None else {}
    if suggestions is None:
        return PlanView(current=current, message="No suggestions were computed for this chart.")
    items = get(suggestions, "suggestions", [])
    if isinstance(items, pd.DataFrame):
        items = items.to_dict(orient="records")
    lines = [_suggestion_line(item) for item in items]
    # analyzer.report.plan.GreensPlan carries status and goals; the report's dict has them in
    # "plan" and "targets".
    report_plan = get(suggestions, "plan")
    status = get(suggestions, "status") or get(report_plan, "status")
    status = str(status or ("closed" if lines else "met"))
    message = str(get(suggestions, "message", "") or get(report_plan, "message", ""))
    message = message or STATUS_MESSAGES.get(status, "")
    projected = _numbers(get(suggestions, "projected")) if lines else {}
    goals = _numbers(get(suggestions, "goals")) or _numbers(get(suggestions, "targets"))
    current = _numbers(get(suggestions, "current")) or current
    return PlanView(lines, current, projected, goals, message)
