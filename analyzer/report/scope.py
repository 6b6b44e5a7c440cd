"""One person's week: the window, its rows of the daily and entries tables, its targets."""

from __future__ import annotations

import datetime as dt
from dataclasses import dataclass

import pandas as pd

from analyzer.balance.analysis import Analysis
from analyzer.balance.coverage import complete_days
from analyzer.balance.entries import only_app_totals
from analyzer.balance.weeks import Window, choose_person, for_person, select_window
from analyzer.models import Profile, Settings, Targets


@dataclass(frozen=True)
class WeekScope:
    """One person's week: the window, its rows of the daily and entries tables (analysed, a
    recipe as its ingredients; and as logged, one row per diary entry), the targets."""

    window: Window
    person: str | None
    week_daily: pd.DataFrame
    week_entries: pd.DataFrame
    week_logged: pd.DataFrame
    profile: Profile
    targets: Targets
    settings: Settings
    totals_only: bool

    @property
    def logged_days(self) -> int:
        """Days of the window with at least one entry."""
        return int(self.week_daily["date"].nunique())


def week_scope(
    analysis: Analysis,
    week: str | None = None,
    start: dt.date | str | None = None,
    person: str | None = None,
) -> WeekScope:
    """Choose the person and the seven days, and take their rows (see :func:`build_report`)."""
    person = choose_person(analysis.daily, person)
    daily = for_person(analysis.daily, person).assign(date=lambda f: pd.to_datetime(f["date"]))
    window = select_window(daily["date"], week, start)
    week_daily = daily[daily["date"].isin(window.days)].sort_values("date")
    entries = for_person(analysis.entries, person)
    week_entries = entries[pd.to_datetime(entries["date"]).isin(window.days)]
    logged = for_person(analysis.logged_entries, person)
    week_logged = logged[pd.to_datetime(logged["date"]).isin(window.days)]
    return WeekScope(
        window=window,
        person=person,
        week_daily=week_daily,
        week_entries=week_entries,
        week_logged=week_logged,
        profile=analysis.profile_of(person) if person is not None else analysis.profile,
        targets=analysis.targets_of(person) if person is not None else analysis.targets,
        settings=analysis.settings,
        totals_only=only_app_totals(week_entries),
    )


def averaged_entries(scope: WeekScope) -> tuple[pd.DataFrame, int]:
    """The entries of the days the week's figures average, and how many days those are."""
    dates = complete_days(scope.week_daily)["date"]
    if dates.empty:  # no complete day: the report says so; show what was logged
        dates = scope.week_daily["date"]
    entries = scope.week_entries[pd.to_datetime(scope.week_entries["date"]).isin(dates)]
    return entries, max(int(dates.nunique()), 1)
