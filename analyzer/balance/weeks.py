"""Every week rule, in one place: label, start, window, person, weekly table, averages, coverage.

The report, the chart and the tables all choose and summarise a week through this module, so
they cannot disagree:

- a week is an ISO 8601 week, Monday to Sunday, labelled ``"2026-W47"`` (:func:`week_label`,
  :func:`iso_week`, :func:`week_start`);
- the default window is the latest week with all 7 days logged, else the latest week, with a
  note (:func:`select_window`); ``start`` gives any seven days instead;
- a diary of several people is reported one person at a time (:func:`choose_person`);
- weekly values are per-day averages over the week's *complete* days (a day whose value is
  unknown is left out of that value's average) and ratios are ratios of those averages, over
  the days on which both parts are known (:func:`weekly_totals`, :func:`week_averages`);
  incomplete days are shown but not averaged, and a week with no complete day, or whose
  unused food is more than a quarter of its food, is incomplete (:func:`week_complete`);
- a mineral's weekly figure is used for the Ca:P ratio, the flags and the plan only when at
  least :data:`COVERAGE_MIN_FRACTION` of the food of its complete days has it, by energy
  (else weight, else entries) (:func:`mineral_coverage`, :func:`ratio_usable`); below that
  it is shown as "at least" the known part. The coverage and completeness rules themselves
  are in :mod:`analyzer.balance.coverage`.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from dataclasses import dataclass, field
from typing import Any

import numpy as np
import pandas as pd

from analyzer.balance.coverage import COVERAGE_MIN_FRACTION as COVERAGE_MIN_FRACTION
from analyzer.balance.coverage import SHARE_COLUMNS, complete_days, week_complete
from analyzer.balance.coverage import mineral_coverage as mineral_coverage
from analyzer.balance.coverage import ratio_usable as ratio_usable
from analyzer.balance.totals import RATIO_PARTS, add_ratios, safe_ratio
from analyzer.diary.dates import MAX_YEAR, MIN_YEAR
from analyzer.errors import NoDataError, some_of
from analyzer.models import Targets
from analyzer.nutrients import CA_P
from analyzer.reference import molar_ratio_factor

#: Days in a full week.
DAYS_PER_WEEK = 7
#: An ISO week as the user writes it: ``2026-W47``.
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{1,2})$")
#: Daily columns whose week value is the largest of its complete days (one sitting, one dose).
_MAXIMA = ("caffeine_max_occasion_mg", "calcium_supplement_max_dose_mg")
#: Daily columns that are not averaged (text, flags, marks).
_NOT_AVERAGED = ("coverage_basis", "complete", "incomplete_reason", "app_completed")
#: The dates this tool reports on: a week or window outside them is refused with a message
#: (the years a diary date may have; pandas' nanosecond timestamps end in 1677 and 2262).
EARLIEST_DATE = pd.Timestamp(f"{MIN_YEAR}-01-01")
LATEST_DATE = pd.Timestamp(f"{MAX_YEAR}-12-31")
#: Per-day columns averaged over the week's logged days, in report order.
WEEK_COLUMNS = (
    "calcium_mg",
    "absorbable_calcium_mg",
    "phosphorus_mg",
    "magnesium_mg",
    "potassium_mg",
    "sodium_mg",
    "protein_g",
    "caffeine_mg",
    "energy_kcal",
    "pral_meq",
    "diuretic_load_mg",
    "calcium_outside_load_range_mg",
    "calcium_default_index_mg",
    "absorbable_calcium_one_occasion_mg",
    "calcium_supplement_mg",
    "phosphorus_supplement_mg",
    "magnesium_supplement_mg",
    "potassium_supplement_mg",
    "sodium_supplement_mg",
)


def week_label(day: pd.Timestamp | dt.date) -> str:
    """ISO week of a date as ``'YYYY-Www'``.

    Examples
    --------
    >>> week_label(dt.date(2026, 11, 16))
    '2026-W47'
    >>> week_label(dt.date(2027, 1, 1))
    '2026-W53'
    """
    year, week, _ = pd.Timestamp(day).isocalendar()
    return f"{year}-W{week:02d}"


def iso_week(dates: pd.Series) -> pd.Series:
    """ISO week labels of a date column, computed once per distinct date.

    Examples
    --------
    >>> iso_week(pd.Series(pd.to_datetime(["2026-11-16", "2027-01-01"]))).tolist()
    ['2026-W47', '2026-W53']
    """
    codes, uniques = pd.factorize(pd.to_datetime(dates))
    labels = np.array([week_label(day) for day in uniques] + [pd.NA], dtype=object)
    return pd.Series(labels[codes], index=dates.index, dtype="string")


def week_start(week: str) -> pd.Timestamp:
    """Monday of an ISO week written ``'2026-W47'``.

    Raises
    ------
    NoDataError
        ``week`` is not written as ``YYYY-Www`` or names no real week.

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
        year = int(found[1])
        weeks = dt.date(year, 12, 28).isocalendar()[1] if 1 <= year <= 9999 else 52
        raise NoDataError(
            f"week {week!r} does not exist", f"year {year} has weeks W01 to W{weeks}"
        ) from None
    return _in_range(monday, f"week {week!r}")


def _in_range(day: dt.date, what: str) -> pd.Timestamp:
    """``day`` as a timestamp, or :class:`NoDataError` outside the dates this tool handles."""
    if not EARLIEST_DATE.date() <= day <= LATEST_DATE.date():
        raise NoDataError(
            f"{what} is outside the dates this tool handles",
            f"give a date from {EARLIEST_DATE:%Y-%m-%d} to {LATEST_DATE:%Y-%m-%d}",
        )
    return pd.Timestamp(day)


def logged_weeks(dates: pd.Series) -> pd.Series:
    """Days logged per ISO week, in week order (index: the week labels)."""
    logged = pd.Series(pd.to_datetime(dates).dropna().unique())
    return logged.groupby(iso_week(logged)).size().sort_index()


def _available(dates: pd.Series) -> str:
    counts = logged_weeks(dates)
    parts = [f"{w} ({n} day{'s' if n != 1 else ''})" for w, n in counts.items()]
    return "weeks in the diary: " + ", ".join(parts)


@dataclass(frozen=True)
class Window:
    """The seven days a report or week chart covers.

    Attributes
    ----------
    days : DatetimeIndex
        The seven dates, first day first.
    label : str
        ``'2026-W47'``, or ``'2026-11-18 to 2026-11-24'`` for a window that is not an ISO week.
    notes : list of str
        E.g. that no full week was logged and the latest week is shown instead.
    """

    days: pd.DatetimeIndex
    label: str
    notes: list[str] = field(default_factory=list)

    @property
    def is_iso_week(self) -> bool:
        """Whether the window is an ISO week (Monday to Sunday)."""
        return bool(self.days[0].day_of_week == 0)


def _default_week(logged: pd.Series) -> tuple[str, list[str]]:
    """The latest week with all 7 days logged, else the latest week; with notes."""
    counts = logged_weeks(logged)
    full = counts[counts >= DAYS_PER_WEEK]
    chosen = str(full.index[-1]) if len(full) else str(counts.index[-1])
    notes = []
    if not len(full):
        notes.append(
            f"No week in the diary has all 7 days logged; showing the latest, {chosen} "
            f"({counts[chosen]} days logged); averages are per logged day."
        )
    later = counts[counts.index > chosen]
    if len(later):
        last, n = str(later.index[-1]), int(later.iloc[-1])
        notes.append(
            f"Showing {chosen}, the latest week with all 7 days logged; the diary goes on "
            f"to {last} ({n} day{'s' if n != 1 else ''} logged): choose it with --week {last}."
        )
    return chosen, notes


def first_day(start: dt.date | str) -> pd.Timestamp:
    """The first day of a seven-day window, checked.

    Raises
    ------
    NoDataError
        ``start`` is not a date, or outside the dates this tool handles.
    """
    if isinstance(start, dt.date):
        day = start.date() if isinstance(start, dt.datetime) else start
    else:
        try:
            day = dt.date.fromisoformat(str(start).strip()[:10])
        except ValueError:
            raise NoDataError(
                f"start date {str(start)[:40]!r} is not a date", "write it like 2026-11-16"
            ) from None
    return _in_range(day, f"start date {day.isoformat()}")


def select_window(
    dates: pd.Series, week: str | None = None, start: dt.date | str | None = None
) -> Window:
    """The seven days to report on.

    Parameters
    ----------
    dates : Series
        The logged dates (datetime64; repeats are fine).
    week : str, optional
        ISO week ``'2026-W47'`` (Monday to Sunday).
    start : date or str, optional
        First day of a seven-day window (any weekday).

    Returns
    -------
    Window
        Default (neither given): the latest week with all 7 days logged, else the latest
        week (with a note).

    Raises
    ------
    NoDataError
        Nothing logged, both ``week`` and ``start`` given, a bad week or date, or a window
        with no logged day (the message lists the weeks the diary has).
    """
    logged = pd.Series(pd.to_datetime(dates).dropna().unique()).sort_values()
    if logged.empty:
        raise NoDataError(
            "the diary has no usable days", "check its rows with `analyzer entries DIARY`"
        )
    if week is not None and start is not None:
        raise NoDataError("give either a week or a start date, not both")
    notes: list[str] = []
    if start is not None:
        first = first_day(start)
    elif week is not None:
        first = week_start(week)
    else:
        chosen, notes = _default_week(logged)
        first = week_start(chosen)
    days = pd.date_range(first, periods=DAYS_PER_WEEK, freq="D")
    if not logged.isin(days).any():
        asked = f"week {week}" if week is not None else f"the week starting {first:%Y-%m-%d}"
        raise NoDataError(f"{asked} is not in the diary", _available(logged))
    is_iso = first.day_of_week == 0
    label = week_label(first) if is_iso else f"{days[0]:%Y-%m-%d} to {days[-1]:%Y-%m-%d}"
    return Window(days, label, notes)


def persons(frame: pd.DataFrame) -> list[str]:
    """The named persons of a table with a ``person`` column, sorted ("" is no person)."""
    if "person" not in frame.columns:
        return []
    return sorted(p for p in frame["person"].dropna().astype(str).unique() if p != "")


def choose_person(frame: pd.DataFrame, person: str | None) -> str | None:
    """Whose week to show: ``person``, or the diary's only person (``None`` when unnamed).

    Raises
    ------
    NoDataError
        The diary holds several people and none was chosen, or ``person`` is not in it.
    """
    people = persons(frame)
    if person is None:
        if len(people) > 1:
            raise NoDataError(
                f"the diary holds {len(people):,} people ({some_of(people, 5)})",
                "choose one person at a time with --person NAME (API: person=...)",
            )
        return people[0] if people else None
    if person not in people:
        raise NoDataError(
            f"person {person!r} is not in the diary",
            f"it has: {some_of(people) or '(no person column)'}",
        )
    return person


def for_person(frame: pd.DataFrame, person: str | None) -> pd.DataFrame:
    """The rows of ``person`` (all rows when ``person`` is None or there is no person column)."""
    if person is None or "person" not in frame.columns:
        return frame
    return frame[frame["person"].astype(str) == person]


def weekly_totals(daily: pd.DataFrame, targets: Targets, by_person: bool) -> pd.DataFrame:
    """One row per ISO week (and person): per-day averages over the week's complete days.

    Parameters
    ----------
    daily : DataFrame
        The result of :func:`analyzer.balance.totals.daily_totals`.
    targets : Targets
        For the percent-of-target columns.
    by_person : bool
        Add ``person`` as the first key.

    Returns
    -------
    DataFrame
        ``[person,] week, week_start, days`` (complete days, the days averaged),
        ``days_logged``, ``days_incomplete``, then the daily columns: counts summed over the
        logged days, ``caffeine_max_occasion_mg`` and ``calcium_supplement_max_dose_mg`` the
        maximum of the complete days, everything
        else the mean per complete day, ratios and percentages recomputed from the averages;
        a ratio uses only the days on which both its parts are known (averaging Ca over 7 days
        and P over the 5 days that have it would mix different days). ``unused_share`` is the
        mean over all logged days; ``complete`` says whether the week can be judged
        (:func:`week_complete`).
    """
    keys = ["person", "week"] if by_person else ["week"]
    frame = daily.copy()
    frame["week"] = iso_week(frame["date"])
    complete_mask = (
        frame["complete"].astype(bool)
        if "complete" in frame.columns
        else pd.Series(True, index=frame.index)
    )
    grouped = frame.groupby(keys, sort=True)
    used = frame[complete_mask].groupby(keys, sort=True)
    counts = [c for c in frame.columns if c in ("entries", "unmatched") or c.endswith("_unknown")]
    shares = {c for c in frame.columns if c.endswith(("_pct_target", "_share"))}
    derived = (set(RATIO_PARTS) | shares) - set(SHARE_COLUMNS)
    per_person = [c for c in frame.columns if c.endswith("_target_mg") or c == "energy_need_kcal"]
    skip = {*keys, "date", *_MAXIMA, *counts, *derived, *per_person}
    skip |= set(_NOT_AVERAGED)
    means = [c for c in frame.columns if c not in skip]
    index = grouped.size().index
    weekly = used[means].mean().reindex(index)
    if "unused_share" in frame.columns:  # the share of food not used, over every logged day
        weekly["unused_share"] = grouped["unused_share"].mean()
    first = grouped["date"].min()
    weekly.insert(0, "week_start", first - pd.to_timedelta(first.dt.day_of_week, unit="D"))
    logged = grouped.size().astype("int64")
    days = used.size().reindex(index).fillna(0).astype("int64")
    weekly.insert(1, "days", days)
    weekly.insert(2, "days_logged", logged)
    weekly.insert(3, "days_incomplete", (logged - days).astype("int64"))
    summed = grouped[counts].sum(min_count=1)
    for position, column in enumerate(counts, start=4):
        weekly.insert(position, column, summed[column].astype(frame[column].dtype))
    for column in (c for c in _MAXIMA if c in frame.columns):  # the most at once
        weekly[column] = used[column].max().reindex(index)
    for column in per_person:  # a person's target is the same every day
        weekly[column] = grouped[column].first()
    weekly["complete"] = week_complete(days.to_numpy(), weekly.get("unused_share", 0.0))
    weekly = add_ratios(weekly.reset_index(), targets)
    paired_rows = frame[complete_mask]
    for column, (numerator, denominator, molar) in RATIO_PARTS.items():
        both = paired_rows[numerator].notna() & paired_rows[denominator].notna()
        paired = paired_rows[[numerator, denominator]].where(both)
        sums = paired.groupby([paired_rows[k] for k in keys], sort=True).sum(min_count=1)
        sums = sums.reindex(index)
        factor = molar_ratio_factor(*molar) if molar else 1.0
        # same keys, same sort as ``grouped``: the rows line up with ``weekly``
        weekly[column] = safe_ratio(sums[numerator], sums[denominator], factor).to_numpy()
    return weekly


def _mean_per_day(frame: pd.DataFrame, column: str) -> float:
    if column not in frame.columns:
        return math.nan
    mean = frame[column].mean()  # a day whose value is unknown is left out (as weekly)
    return float(mean) if not pd.isna(mean) else math.nan


def week_averages(week_daily: pd.DataFrame) -> dict[str, Any]:
    """The week's per-day averages over its complete days, and its Ca:P ratio.

    Parameters
    ----------
    week_daily : DataFrame
        The week's rows of the analysis' daily table.

    Returns
    -------
    dict
        ``days`` (complete days, the days averaged), ``days_logged``, ``unused_share`` (mean
        over the logged days), ``complete`` (:func:`week_complete`), each of
        :data:`WEEK_COLUMNS` [mg/day, g/day, mEq/day] as the mean over the complete days whose
        value is known (the rule of :func:`weekly_totals`, so an ISO week matches
        :attr:`Analysis.weekly`), ``ca_p_mass_ratio`` and ``ca_p_molar_ratio`` (a ratio of
        the averages), NaN when unknown.
    """
    used = complete_days(week_daily)
    days = int(used["date"].nunique())
    unused = _mean_per_day(week_daily, "unused_share")
    out: dict[str, Any] = {
        "days": days,
        "days_logged": int(week_daily["date"].nunique()),
        "unused_share": 0.0 if math.isnan(unused) else unused,
    }
    out["complete"] = bool(week_complete([days], [out["unused_share"]])[0])
    for column in WEEK_COLUMNS:
        out[column] = _mean_per_day(used, column)
    calcium, phosphorus = out["calcium_mg"], out["phosphorus_mg"]
    ratio = calcium / phosphorus if phosphorus > 0 else math.nan
    out["ca_p_mass_ratio"] = ratio
    out["ca_p_molar_ratio"] = ratio * molar_ratio_factor(*CA_P)
    return out
