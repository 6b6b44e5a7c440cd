"""What the week's diary lacks, said first; and what incomplete data does to the findings.

The report leads with it, before any verdict: how many rows could not be used, which days
are incomplete and why, and whether the week can be judged at all. The rules (what is
"incomplete", what share of food a figure needs) are the balance engine's
(:mod:`analyzer.balance.coverage`); here they are put in words and applied to the week's
findings: on an incomplete week no "below target" finding or alert is raised, each is listed
under "cannot judge" with the reason, and "over a limit" findings (which the known foods alone
already show) stay, never above ``warning``.

References
----------
.. [1] USDA/HHS, Dietary Guidelines for Americans, Appendix 2 (sedentary calorie needs).
.. [2] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221; Heaney RP, Weaver CM,
   Fitzsimmons ML 1990, J Bone Miner Res 5(11): loads of 15-500 mg.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from analyzer.balance.absorption import default_index_share
from analyzer.balance.coverage import (
    COVERAGE_MIN_FRACTION,
    INCOMPLETE_UNUSED_SHARE,
    share_text,
    unused_acceptable,
)
from analyzer.balance.flag_rules import LIMIT_RULES
from analyzer.balance.totals import NOT_ENTRY_STATUSES
from analyzer.balance.weaver import load_range_mg
from analyzer.nutrients import CA_P
from analyzer.reference import coefficient
from analyzer.report.model import AbsorptionInfo, Completeness, IncompleteDay, ReportFlag

#: Weekday names for the statement ("Thursday and Sunday are incomplete").
WEEKDAYS = ("Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday")


#: Share of the food (by energy) lacking a mineral from which the opening statement names it
#: (smaller gaps are in the notes and marked * in the tables). This tool's choice.
MENTION_UNKNOWN_SHARE = 0.05


def _lacking_minerals(coverage: dict[str, Any]) -> list[str]:
    """The minerals the diary gives for too little of the food, grouped by their share."""
    measured = {m: cov for m, cov in coverage.items() if cov.entries}  # over complete days
    absent = [m for m, cov in measured.items() if not cov.known]
    by_share: dict[tuple[str, bool], list[str]] = {}
    for mineral, cov in measured.items():
        if cov.known and (cov.unknown_share >= MENTION_UNKNOWN_SHARE or not cov.usable):
            key = (share_text(cov.unknown_share), cov.usable)
            by_share.setdefault(key, []).append(mineral)
    parts = (
        [f"{_and(absent)} {'is' if len(absent) == 1 else 'are'} not in this diary"]
        if absent
        else []
    )
    for (share, usable), minerals in by_share.items():
        verb = "is" if len(minerals) == 1 else "are"
        text = f"{_and(minerals)} {verb} unknown for {share} of the food (rows not used included)"
        if not usable:
            text += ": too much for a ratio or a verdict, so shown as 'at least'"
        parts.append(text)
    return parts


def _and(names: list[str]) -> str:
    """``a``, ``a and b``, ``a, b and c``."""
    return names[0] if len(names) == 1 else ", ".join(names[:-1]) + " and " + names[-1]


def thresholds() -> dict[str, float]:
    """This tool's coverage and completeness thresholds (``coefficients.csv``, tag C)."""
    return {
        "coverage_min_fraction": COVERAGE_MIN_FRACTION,
        "incomplete_unused_share": INCOMPLETE_UNUSED_SHARE,
        "implausible_energy_fraction": coefficient("implausible_energy_fraction"),
    }


def thresholds_note(energy_fraction: float | None) -> str:
    """The thresholds in words, said to be this tool's choices."""
    energy = (
        coefficient("implausible_energy_fraction")
        if energy_fraction is None
        else (energy_fraction)
    )
    return (
        "Completeness thresholds are this tool's choices (coefficients.csv, tag C), not "
        f"literature values: a day is incomplete when more than {INCOMPLETE_UNUSED_SHARE:.0%} "
        "of its food (by energy, else weight, each unusable row counted as an average entry) "
        f"could not be used, when its energy is under {energy:.0%} of the profile's sedentary "
        "need (Dietary Guidelines), or when the app marks it not completed; a week is "
        f"incomplete with no complete day or more than {INCOMPLETE_UNUSED_SHARE:.0%} of its "
        f"food unused; a mineral's figure is used when at least {COVERAGE_MIN_FRACTION:.0%} "
        "of the food has it."
    )


def _unused_rows(rejected: pd.DataFrame, days: pd.DatetimeIndex) -> tuple[int, int]:
    """Rows not used dated in the window, and rows whose date could not be read."""
    if rejected.empty:
        return 0, 0
    rows = rejected
    if "status" in rows.columns:
        rows = rows[~rows["status"].isin(NOT_ENTRY_STATUSES)]
    if "date" not in rows.columns:
        return 0, len(rows)
    dates = pd.to_datetime(rows["date"], errors="coerce")
    return int(dates.isin(days).sum()), int(dates.isna().sum())


def _weightless(entries: pd.DataFrame) -> int:
    """Entries that weigh nothing and lack calcium or phosphorus (pills, medications?)."""
    if entries.empty:
        return 0
    energy = entries["energy_kcal"].fillna(0.0) == 0
    grams = entries["grams"].fillna(0.0) == 0 if "grams" in entries.columns else True
    lacking = entries["calcium_mg"].isna() | entries["phosphorus_mg"].isna()
    return int((energy & grams & lacking).sum())


def completeness(
    week_daily: pd.DataFrame,
    week_entries: pd.DataFrame,
    rejected: pd.DataFrame,
    days: pd.DatetimeIndex,
    averages: dict[str, Any],
    coverage: dict[str, Any] | None = None,
) -> Completeness:
    """What the week's diary lacks, and the statement the report opens with.

    ``coverage`` (per mineral, :class:`~analyzer.report.model.MineralCoverage`) adds the
    minerals the diary gives for only part of the food (an app export without them, foods
    SR28 has no value for).
    """
    not_used, undated = _unused_rows(rejected, days)
    rows = len(week_entries) + not_used
    incomplete = (
        week_daily[~week_daily["complete"].astype(bool)] if len(week_daily) else week_daily
    )
    listed = [
        IncompleteDay(
            date=f"{pd.Timestamp(d):%Y-%m-%d}",
            weekday=WEEKDAYS[pd.Timestamp(d).day_of_week],
            reason=str(r),
        )
        for d, r in zip(incomplete["date"], incomplete["incomplete_reason"], strict=True)
    ]
    logged = int(averages["days_logged"])
    parts = [f"{not_used} of {rows} rows could not be used" if not_used else "every row was used"]
    if undated:
        parts.append(f"{undated} more rows have no readable date, so no week")
    if listed and len(listed) == logged > 1:
        parts.append(f"every logged day is incomplete ({logged} of {logged})")
    elif listed:
        names = _and([d.weekday for d in listed])
        parts.append(f"{names} {'is' if len(listed) == 1 else 'are'} incomplete")
    if logged < len(days):
        missing = len(days) - logged
        verb = "is" if missing == 1 else "are"
        parts.append(f"{missing} of the {len(days)} days {verb} not logged")
    elif not listed:
        parts.append(f"all {logged} days are logged and complete")
    parts += _lacking_minerals(coverage or {})
    statement = "This week: " + "; ".join(parts) + "."
    if not averages["complete"]:
        unused = float(averages["unused_share"])
        why = (
            f"{unused:.0%} of its food could not be used"
            if not unused_acceptable(unused)
            else "no day is complete"
        )
        statement += (
            f" The week cannot be judged ({why}): no alert and no plan; the findings are "
            "listed under 'cannot judge'."
        )
    elif listed:
        statement += (
            f" The week's figures average its {averages['days']} complete "
            f"day{'s' if averages['days'] != 1 else ''}; the incomplete ones are shown, not "
            "averaged."
        )
    return Completeness(
        statement=statement,
        complete=bool(averages["complete"]),
        rows=rows,
        rows_not_used=not_used,
        rows_undated=undated,
        days_logged=logged,
        days_complete=int(averages["days"]),
        unused_share=float(averages["unused_share"]),
        incomplete_days=listed,
        weightless_entries=_weightless(week_entries),
        thresholds=thresholds(),
    )


def weightless_notes(lead: Completeness) -> list[str]:
    """Say that entries with no energy and no weight do not count against coverage."""
    n = lead.weightless_entries
    if not n:
        return []
    if n == 1:
        return [
            "1 entry has no energy and no weight and lacks calcium or phosphorus (a "
            "supplement or medication?): weighing nothing, it does not count against the "
            "week's coverage."
        ]
    return [
        f"{n} entries have no energy and no weight and lack calcium or phosphorus "
        "(supplements or medications?): weighing nothing, they do not count against the "
        "week's coverage."
    ]


def judge(
    flags: list[ReportFlag], lead: Completeness
) -> tuple[list[ReportFlag], list[ReportFlag]]:
    """Split the week's flags into the judged ones and those that cannot be judged.

    The engine already marked findings on incomplete days (and ISO weeks) ``cannot_judge``;
    on an incomplete week the report does the same for every remaining "below" finding and
    alert, and keeps "over a limit" findings at most at ``warning``.
    """
    judged: list[ReportFlag] = []
    cannot: list[ReportFlag] = []
    for flag in flags:
        if flag.level == "cannot_judge":
            cannot.append(flag)
        elif lead.complete:
            judged.append(flag)
        elif flag.base_code in LIMIT_RULES:
            level = "warning" if flag.level == "alert" else flag.level
            judged.append(flag.model_copy(update={"level": level}))
        else:
            message = (
                f"cannot judge: the week is incomplete, {lead.unused_share:.0%} of its food "
                f"could not be used and {lead.days_complete} of {lead.days_logged} logged days "
                f"are complete. {flag.message}"
            )
            cannot.append(flag.model_copy(update={"level": "cannot_judge", "message": message}))
    return judged, cannot


def absorption_info(averages: dict[str, Any], week_entries: pd.DataFrame) -> AbsorptionInfo:
    """How much of the week's absorbable calcium rests on assumptions (see the model)."""
    calcium = averages["calcium_mg"]
    share, grade = default_index_share(calcium, averages["calcium_default_index_mg"])
    outside = averages["calcium_outside_load_range_mg"]
    foods = (
        week_entries[~week_entries["is_total"].astype(bool)] if len(week_entries) else week_entries
    )
    timed = bool((foods["time"].notna() | foods["meal"].notna()).any()) if len(foods) else True
    return AbsorptionInfo(
        default_index_share=share,
        grade=grade,
        outside_load_range_share=outside / calcium if calcium > 0 else math.nan,
        load_range_mg=load_range_mg(),
        occasions="meal" if timed else "entry",
        one_occasion_per_day_mg=averages["absorbable_calcium_one_occasion_mg"],
    )


def absorption_notes(info: AbsorptionInfo, absorbable_mg: float) -> list[str]:
    """The absorbable-calcium caveats in words: default index, load range, eating times."""
    notes = []
    if info.default_index_share is not None and info.default_index_share > 0:
        notes.append(
            f"Absorbable calcium: {info.default_index_share:.0%} of the week's calcium is in "
            "foods without an absorption measurement, absorbed at the default index 0.5 (an "
            f"assumption, M); the figure's grade is '{info.grade}' (good up to "
            f"{coefficient('default_index_share_fair'):.0%} on the default, fair up to "
            f"{coefficient('default_index_share_poor'):.0%}: this tool's thresholds)."
        )
    low, high = info.load_range_mg
    if info.outside_load_range_share:
        notes.append(
            f"{info.outside_load_range_share:.0%} of the week's calcium was eaten in occasions "
            f"outside the {low:g}-{high:g} mg loads Weaver's equation was measured on (Heaney, "
            f"Weaver & Fitzsimmons 1990): it is absorbed as at {low:g} or {high:g} mg, not "
            "extrapolated (above 500 mg this likely overstates it)."
        )
    if info.occasions == "entry" and info.one_occasion_per_day_mg is not None:
        notes.append(
            "No eating times or meals: each entry is taken as its own eating occasion, which "
            "gives each the smallest load and so the highest absorption. Absorbable calcium "
            f"is {absorbable_mg:,.0f} mg/day that way and would be "
            f"{info.one_occasion_per_day_mg:,.0f} mg/day had each day been one occasion; the "
            "truth lies between."
        )
    return notes


def ratio_minerals_usable(coverage: dict[str, Any]) -> bool:
    """Whether both minerals of the Ca:P ratio have enough coverage this week."""
    return all(coverage[m].usable for m in CA_P)
