"""The trend over several weeks, as a typed model the trend chart draws.

:func:`build_trend` takes the latest ``weeks`` ISO weeks of one person's diary, ending with
the latest week logged. Every calendar week of that span is listed, so a week with no log is
a gap (``days == 0``), never closed up. Weekly values are per-day averages over the week's
complete days (:func:`analyzer.balance.weeks.weekly_totals`; a week with none has no values);
a week's Ca:P ratio is shown only when enough of its food has calcium and phosphorus
(:func:`analyzer.balance.weeks.ratio_usable`).
"""

from __future__ import annotations

import pandas as pd
from pydantic import BaseModel, ConfigDict

from analyzer.balance.analysis import Analysis
from analyzer.balance.entries import only_app_totals
from analyzer.balance.weaver import absorbable_calcium_target
from analyzer.balance.weeks import choose_person, for_person, ratio_usable, week_label
from analyzer.errors import NoDataError
from analyzer.nutrients import DIURETIC_GROUPS
from analyzer.report.model import Number


class TrendWeek(BaseModel):
    """One ISO week of the trend; ``days == 0`` is a week with no log (all values unknown);
    ``days_complete`` the days its values average (0: no value, the week is incomplete);
    ``judged`` whether the week can be judged as the report judges one (a complete day and
    at most a quarter of its food unused, :func:`analyzer.balance.coverage.week_complete`)."""

    model_config = ConfigDict(frozen=True)

    week: str
    start: str
    days: int
    days_complete: int = 0
    judged: bool = False
    calcium_mg: Number = None
    absorbable_calcium_mg: Number = None
    ca_p_mass_ratio: Number = None
    diuretic_load_by_group: dict[str, Number] = {}


class Trend(BaseModel):
    """The weeks a trend chart shows, with the targets it draws.

    Attributes
    ----------
    weeks : list of TrendWeek
        Every calendar week of the span, oldest first.
    calcium_target_mg, absorbable_calcium_target_mg : float or None
        The person's calcium RDA/AI and absorbable-calcium target. [mg/day]
    ca_p_mass_ratio_target : float
        The user's Ca:P mass-ratio goal (a setting, not a DRI). [mg/mg]
    foods_known : bool
        False when the diary has app totals, not foods (no absorption, no groups).
    """

    model_config = ConfigDict(frozen=True)

    person: str | None
    profile: str
    weeks: list[TrendWeek]
    calcium_target_mg: Number
    absorbable_calcium_target_mg: Number
    ca_p_mass_ratio_target: float
    foods_known: bool

    @property
    def logged_weeks(self) -> int:
        """How many of the weeks shown have at least one day logged."""
        return sum(1 for w in self.weeks if w.days > 0)

    @property
    def span(self) -> str:
        """``'week 2026-W47'`` or ``'weeks 2026-W40 to 2026-W47 (8 weeks, 6 logged)'``."""
        first, last = self.weeks[0].week, self.weeks[-1].week
        if first == last:
            return f"week {first}"
        return f"weeks {first} to {last} ({len(self.weeks)} weeks, {self.logged_weeks} logged)"


def _week_rows(weekly: pd.DataFrame, starts: pd.DatetimeIndex) -> list[TrendWeek]:
    by_start = weekly.assign(week_start=pd.to_datetime(weekly["week_start"])).set_index(
        "week_start"
    )
    usable = ratio_usable(by_start)
    rows = []
    for start in starts:
        label = week_label(start)
        if start not in by_start.index:
            rows.append(TrendWeek(week=label, start=f"{start:%Y-%m-%d}", days=0))
            continue
        row = by_start.loc[start]
        loads = {g: row.get(f"diuretic_load_{g}_mg") for g in DIURETIC_GROUPS}
        rows.append(
            TrendWeek(
                week=label,
                start=f"{start:%Y-%m-%d}",
                days=int(row.get("days_logged", row["days"])),
                days_complete=int(row["days"]),
                judged=bool(row.get("complete", True)),
                calcium_mg=row["calcium_mg"],
                absorbable_calcium_mg=row["absorbable_calcium_mg"],
                ca_p_mass_ratio=row["ca_p_mass_ratio"] if usable.loc[start] else None,
                diuretic_load_by_group=loads,
            )
        )
    return rows


def build_trend(analysis: Analysis, weeks: int = 8, *, person: str | None = None) -> Trend:
    """The last ``weeks`` calendar weeks of a person's diary, ending with the latest logged.

    Parameters
    ----------
    analysis : Analysis
        From :func:`analyzer.balance.analyze`.
    weeks : int
        How many weeks to show (1 or more); weeks before the first log are not shown.
    person : str, optional
        Whose weeks, when the diary holds several people.

    Raises
    ------
    NoDataError
        ``weeks`` is below 1, the diary has no weeks, or several people and none chosen.
    """
    if weeks < 1:
        raise NoDataError(
            f"--weeks {weeks} selects nothing", "give a number of weeks of 1 or more"
        )
    person = choose_person(analysis.daily, person)
    weekly = for_person(analysis.weekly, person)
    if weekly.empty:
        raise NoDataError(
            "the diary has no weeks to chart", "check the diary with `analyzer entries`"
        )
    first_logged = pd.Timestamp(weekly["week_start"].min())
    last = pd.Timestamp(weekly["week_start"].max())
    span_weeks = (last - first_logged).days // 7 + 1  # weeks before the first log show nothing
    first = max(first_logged, last - pd.Timedelta(weeks=min(weeks, span_weeks) - 1))
    starts = pd.date_range(first, last, freq="7D")
    profile = analysis.profile_of(person) if person is not None else analysis.profile
    targets = analysis.targets_of(person) if person is not None else analysis.targets
    calcium_target = float(targets.calcium_mg)
    description = profile.describe() + (f" (person {person})" if person else "")
    return Trend(
        person=person,
        profile=description,
        weeks=_week_rows(weekly, starts),
        calcium_target_mg=calcium_target,
        absorbable_calcium_target_mg=absorbable_calcium_target(calcium_target)[0],
        ca_p_mass_ratio_target=float(analysis.settings.ca_p_mass_ratio_target),
        foods_known=not only_app_totals(for_person(analysis.entries, person)),
    )
