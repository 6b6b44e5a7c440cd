"""The weekly report: one analysed week, its targets, flags, sources and the greens to add.

:func:`build_report` turns an :class:`~analyzer.balance.analysis.Analysis` into one JSON-ready dict
(keys documented there); :func:`render_text` renders that dict for the terminal. Neither
computes nutrition itself: the numbers come from the balance engine
(:mod:`analyzer.balance.analysis`) and the greens plan (:mod:`analyzer.report.plan`).

References
----------
.. [1] IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride (NAP 5776),
   p. 154: no dietary Ca:P target for adults.
.. [2] Weaver CM et al. 2017, Curr Osteoporos Rep (PMC5442193): the load equation.
.. [3] Kemi VE et al. 2010, Br J Nutr 103:561: molar Ca:P <= 0.5 with higher PTH.
"""

from __future__ import annotations

import datetime as dt
import math
import re
from typing import Any

import pandas as pd

from analyzer.balance.analysis import only_app_totals
from analyzer.cli.output import clean_json, records
from analyzer.errors import NoDataError, some_of
from analyzer.reference import coefficient, load_table, molar_ratio_factor, tag
from analyzer.report import plan as suggest
from analyzer.report import top_sources as sources
from analyzer.report.text import render_text

__all__ = [
    "build_report",
    "chart_plan",
    "render_text",
    "select_window",
    "week_averages",
    "week_label",
]

#: Shown at the end of every report.
DISCLAIMER = (
    "Not medical advice: estimates from USDA SR28 and published coefficients; "
    "ask a doctor or dietitian before changing your diet, especially with kidney disease."
)
#: Days in a full week.
DAYS_PER_WEEK = 7
WEEK_PATTERN = re.compile(r"^(\d{4})-W(\d{1,2})$")
#: Minerals with a DRI target, in report order.
TARGET_MINERALS = ("calcium", "phosphorus", "magnesium", "potassium")
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
)
#: Diuretic-load groups, in display order (tea and other are shown when present).
LOAD_GROUPS = ("red_meat", "dairy", "soda", "coffee", "tea", "other")
#: Largest sources listed per kind.
TOP_SOURCES = 3
#: Least share of a week's entries that must have a mineral for its weekly figure to be used
#: (for the Ca:P ratio, the greens plan and percent of target). Below it the figure counts
#: too few foods to mean anything: the report shows "at least" the known part and plans
#: without it. This tool's choice (no literature value).
COVERAGE_MIN_FRACTION = 0.9
#: Below this age the DRIs are AIs for breast milk or formula: no greens plan. [years]
ADULT_FOODS_AGE_Y = 1.0
INFANT_NOTE = (
    "No greens plan under 1 year of age: infants' intakes come from breast milk or formula "
    "(the DRIs for 0-12 months are adequate intakes based on them); ask a paediatrician."
)
#: The two minerals of the ratio.
CA_P = ("calcium", "phosphorus")
#: Flag codes whose value is read from each mineral (to say when it is an underestimate).
FLAG_MINERALS = {
    "calcium_low": ("calcium",),
    "low_ca_p_with_low_calcium": ("calcium", "phosphorus"),
    "low_ca_p_ratio": ("calcium", "phosphorus"),
    "phosphorus_above_ul": ("phosphorus",),
    "magnesium_low": ("magnesium",),
    "potassium_low": ("potassium",),
}
#: Flags on the Ca:P ratio (left out where the ratio is not computed).
RATIO_FLAGS = frozenset({"low_ca_p_with_low_calcium", "low_ca_p_ratio"})
#: Flags about one eating occasion; meaningless when the diary has only app totals.
OCCASION_FLAGS = frozenset({"caffeine_sitting"})
TOTALS_ONLY_NOTE = (
    "This diary has {what} from the app, not foods: absorbable calcium (which depends on "
    "the foods and meals), the diuretic load by group, the largest sources and the "
    "caffeine-per-sitting check cannot be computed and are shown as unknown."
)

ABSORBABLE_TARGET_DEFINITION = (
    "absorbable-calcium target = the calcium RDA/AI eaten as dairy in {meals} equal meals, "
    "absorbed by Weaver's load equation FA = 0.889 - 0.0964 ln(load) (Weaver et al. 2017, "
    "Curr Osteoporos Rep; V): {meals} x {per_meal:.0f} mg x {fa:.1%} = {target:.0f} mg/day"
)
RATIO_TARGET_NOTE = (
    "The Ca:P mass-ratio target ({ratio:.2f}) is a setting, not a DRI: the IOM sets no dietary "
    "Ca:P target for adults (IOM 1997, p. 154; V)."
)

SOURCES = (
    "USDA ARS, National Nutrient Database for Standard Reference, Release 28 (2015/2016).",
    "IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D (V).",
    "IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride (V).",
    "NASEM 2019, DRIs for Sodium and Potassium (V).",
    "Weaver CM et al. 2017, Curr Osteoporos Rep, Table 1 and load equation (V).",
    "Heaney RP et al. 1988, Am J Clin Nutr 47:707 (spinach calcium ~5% absorbed) (V).",
)


def week_label(day: pd.Timestamp | dt.date) -> str:
    """ISO week of a date as ``'YYYY-Www'``.

    Examples
    --------
    >>> week_label(dt.date(2026, 11, 16))
    '2026-W47'
    """
    year, week, _ = pd.Timestamp(day).isocalendar()
    return f"{year}-W{week:02d}"


def _monday(week: str) -> pd.Timestamp:
    found = WEEK_PATTERN.match(week.strip())
    if found is None:
        raise NoDataError(f"week {week!r} is not an ISO week", "write it like 2026-W47")
    try:
        return pd.Timestamp(dt.date.fromisocalendar(int(found[1]), int(found[2]), 1))
    except ValueError:
        raise NoDataError(
            f"week {week!r} does not exist", f"year {found[1]} has weeks W01 to W52 or W53"
        ) from None


def _available(dates: pd.Series) -> str:
    weeks = pd.Series([week_label(d) for d in dates.drop_duplicates()]).value_counts(sort=False)
    parts = [f"{w} ({n} day{'s' if n != 1 else ''})" for w, n in sorted(weeks.items())]
    return "weeks in the diary: " + ", ".join(parts)


def select_window(
    dates: pd.Series, week: str | None = None, start: dt.date | str | None = None
) -> tuple[pd.DatetimeIndex, str, list[str]]:
    """The seven days a report covers.

    Parameters
    ----------
    dates : Series
        The logged dates (one per day, datetime64).
    week : str, optional
        ISO week ``'2026-W47'`` (Monday to Sunday).
    start : date or str, optional
        First day of a seven-day window (any weekday).

    Returns
    -------
    days : DatetimeIndex
        The seven dates.
    label : str
        ``'2026-W47'``, or ``'2026-11-18 to 2026-11-24'`` for a window that is not an ISO week.
    notes : list of str
        E.g. that no full week was logged and the latest week is shown instead.

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
        try:
            first = pd.Timestamp(start).normalize()
        except ValueError:
            raise NoDataError(
                f"start date {start!r} is not a date", "write it like 2026-11-16"
            ) from None
    elif week is not None:
        first = _monday(week)
    else:
        counts = logged.groupby(logged.map(week_label)).size()
        full = counts[counts >= DAYS_PER_WEEK]
        chosen = str(full.index[-1]) if len(full) else str(counts.index[-1])
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
                f"to {last} ({n} day{'s' if n != 1 else ''} logged): choose it with --week "
                f"{last}."
            )
        first = _monday(chosen)
    days = pd.date_range(first, periods=DAYS_PER_WEEK, freq="D")
    if not logged.isin(days).any():
        asked = f"week {week}" if week is not None else f"the week starting {first:%Y-%m-%d}"
        raise NoDataError(f"{asked} is not in the diary", _available(logged))
    is_iso = first.day_of_week == 0
    label = week_label(first) if is_iso else f"{days[0]:%Y-%m-%d} to {days[-1]:%Y-%m-%d}"
    return days, label, notes


def _people(frame: pd.DataFrame) -> list[str]:
    if "person" not in frame.columns:
        return []
    return sorted(p for p in frame["person"].dropna().astype(str).unique() if p != "")


def _for_person(frame: pd.DataFrame, person: str | None) -> pd.DataFrame:
    if person is None or "person" not in frame.columns:
        return frame
    return frame[frame["person"].astype(str) == person]


def _choose_person(analysis: Any, person: str | None) -> str | None:
    people = _people(analysis.daily)
    if person is None:
        if len(people) > 1:
            raise NoDataError(
                f"the diary holds {len(people):,} people ({some_of(people, 5)})",
                "report one person at a time with --person NAME",
            )
        return people[0] if people else None
    if person not in people:
        raise NoDataError(
            f"person {person!r} is not in the diary",
            f"it has: {some_of(people) or '(no person column)'}",
        )
    return person


def _mean_per_logged_day(frame: pd.DataFrame, column: str) -> float:
    if column not in frame.columns:
        return math.nan
    mean = frame[column].mean()  # a day whose value is unknown is left out (as weekly)
    return float(mean) if not pd.isna(mean) else math.nan


def week_averages(daily: pd.DataFrame) -> dict[str, Any]:
    """The week's per-day averages over its logged days, and its ratios.

    Parameters
    ----------
    daily : DataFrame
        The week's rows of the analysis' daily table.

    Returns
    -------
    dict
        ``days`` (logged), each of :data:`WEEK_COLUMNS` [mg/day, g/day, mEq/day] as the mean
        over the logged days whose value is known (the weekly table's rule, so an ISO week
        matches :attr:`Analysis.weekly`), ``ca_p_mass_ratio`` and ``ca_p_molar_ratio`` (a
        ratio of the averages), NaN when unknown.
    """
    days = int(daily["date"].nunique())
    out: dict[str, Any] = {"days": days}
    for column in WEEK_COLUMNS:
        out[column] = _mean_per_logged_day(daily, column)
    calcium, phosphorus = out["calcium_mg"], out["phosphorus_mg"]
    ratio = calcium / phosphorus if phosphorus > 0 else math.nan
    out["ca_p_mass_ratio"] = ratio
    out["ca_p_molar_ratio"] = ratio * molar_ratio_factor("calcium", "phosphorus")
    return out


def absorbable_calcium_target(calcium_target_mg: float) -> tuple[float, str]:
    """The absorbable-calcium target for a calcium RDA/AI, and its one-line definition.

    See :func:`analyzer.report.plan.target_absorbable_calcium_mg`: the RDA/AI eaten as dairy in
    three equal meals, absorbed by Weaver's load equation (dairy index 1.0).

    Returns
    -------
    target : float
        [mg/day]
    definition : str
        The definition with its numbers, for the report.
    """
    target = suggest.target_absorbable_calcium_mg(calcium_target_mg, suggest.dairy_absorbed)
    meals = suggest.MEALS_PER_DAY
    per_meal = calcium_target_mg / meals
    fa = target / calcium_target_mg if calcium_target_mg > 0 else math.nan
    text = ABSORBABLE_TARGET_DEFINITION.format(
        meals=meals, per_meal=per_meal, fa=fa, target=target
    )
    return target, text


def _percent(value: float, target: float | None) -> float:
    if target is None or not target > 0 or pd.isna(value):
        return math.nan
    return 100.0 * value / target


def _with_percent(values: dict[str, Any], targets: dict[str, float | None]) -> dict[str, Any]:
    out = dict(values)
    out["percent_of_target"] = {
        name: _percent(values.get(name, math.nan), target) for name, target in targets.items()
    }
    return out


def _flag_in_window(flag: Any, days: pd.DatetimeIndex, label: str, person: str | None) -> bool:
    if person is not None and getattr(flag, "person", "") not in ("", person):
        return False
    day = getattr(flag, "date", None)
    if day is not None:
        return pd.Timestamp(day) in days
    week = getattr(flag, "week", None)
    return week is None or week == label or week in {week_label(d) for d in days}


def _flag_dict(flag: Any) -> dict[str, Any]:
    dump = getattr(flag, "model_dump", None)
    return dict(dump(mode="json")) if callable(dump) else dict(flag)


def _not_used(analysis: Any, days: pd.DatetimeIndex) -> list[dict[str, Any]]:
    rejected = getattr(analysis, "rejected", None)
    if rejected is None or rejected.empty:
        return []
    rows = rejected.copy()
    if "date" in rows.columns:
        dates = pd.to_datetime(rows["date"], errors="coerce")
        rows = rows[dates.isna() | dates.isin(days)]
    keep = [c for c in ("line", "date", "food", "status", "reason") if c in rows.columns]
    return records(rows[keep])


def mineral_coverage(week_daily: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """How many of the week's entries have each mineral, and whether its total can be used.

    Parameters
    ----------
    week_daily : DataFrame
        The week's rows of the daily table (``entries`` and ``<mineral>_mg_unknown``).

    Returns
    -------
    dict
        Per mineral of :data:`TARGET_MINERALS`: ``entries``, ``unknown``, ``known`` (counts),
        ``complete`` (no entry lacks it) and ``usable`` (at least
        :data:`COVERAGE_MIN_FRACTION` of the entries have it, so the week's figure is used
        for the ratio, the plan and the flags; else it is shown as "at least").

    Examples
    --------
    >>> daily = pd.DataFrame({"entries": [4, 3], "phosphorus_mg_unknown": [3, 2]})
    >>> mineral_coverage(daily)["phosphorus"]
    {'entries': 7, 'unknown': 5, 'known': 2, 'complete': False, 'usable': False}
    """
    entries = int(week_daily["entries"].sum()) if "entries" in week_daily.columns else 0
    out: dict[str, dict[str, Any]] = {}
    for mineral in TARGET_MINERALS:
        column = f"{mineral}_mg_unknown"
        unknown = int(week_daily[column].sum()) if column in week_daily.columns else 0
        known = max(entries - unknown, 0)
        usable = entries == 0 or (known > 0 and known >= COVERAGE_MIN_FRACTION * entries)
        out[mineral] = {
            "entries": entries,
            "unknown": unknown,
            "known": known,
            "complete": unknown == 0,
            "usable": bool(usable),
        }
    return out


def _coverage_notes(coverage: dict[str, dict[str, Any]]) -> list[str]:
    """Say how many of the week's entries lack each mineral, and what that does."""
    notes = []
    for mineral, cov in coverage.items():
        unknown, entries = cov["unknown"], cov["entries"]
        name = mineral.capitalize()
        if not unknown:
            continue
        if unknown == entries:
            notes.append(
                f"{name} is unknown for every entry this week (the diary does not give it): "
                "no total, ratio or target check for it."
            )
        elif not cov["usable"]:
            uses = "the Ca:P ratio or the greens plan" if mineral in CA_P else "the greens plan"
            notes.append(
                f"{name} is known for only {cov['known']} of {entries} entries this week: "
                f"its total counts only those, so it is shown as 'at least' and is not used "
                f"for {uses} (this tool needs {COVERAGE_MIN_FRACTION:.0%} of entries)."
            )
        else:
            notes.append(
                f"{name} is unknown for {unknown} of {entries} entries this week: its total "
                "counts only the known values, so it is a slight underestimate (marked *)."
            )
    return notes


def day_ratio_usable(day: pd.Series | dict[str, Any]) -> bool:
    """Whether enough of a day's entries have calcium and phosphorus for its Ca:P ratio.

    Parameters
    ----------
    day : Series or dict
        A row of the daily table (``entries``, ``calcium_mg_unknown``,
        ``phosphorus_mg_unknown``).
    """
    entries = float(day.get("entries") or 0)
    if not entries:
        return True
    for mineral in CA_P:
        unknown = float(day.get(f"{mineral}_mg_unknown") or 0)
        known = entries - unknown
        if known <= 0 or known < COVERAGE_MIN_FRACTION * entries:
            return False
    return True


def _ratio_known_for(
    flag: dict[str, Any], week_daily: pd.DataFrame, averages: dict[str, Any]
) -> bool:
    """False for a Ca:P flag whose day (or week) has too few entries with Ca and P."""
    if _base_code(flag) not in RATIO_FLAGS:
        return True
    day = flag.get("date")
    if day is None:
        return not math.isnan(averages["ca_p_mass_ratio"])
    row = week_daily[pd.to_datetime(week_daily["date"]) == pd.Timestamp(day)]
    return row.empty or day_ratio_usable(row.iloc[0])


def _base_code(flag: dict[str, Any]) -> str:
    """A flag's code without the engine's ``weekly_`` prefix of week-level flags."""
    return str(flag.get("code", "")).removeprefix("weekly_")


def _flag_coverage(
    flag: dict[str, Any], week_daily: pd.DataFrame, coverage: dict[str, dict[str, Any]]
) -> dict[str, Any]:
    """Add ``underestimate`` to a flag whose minerals lack values (that day, or that week)."""
    minerals = FLAG_MINERALS.get(_base_code(flag), ())
    day = flag.get("date")
    if minerals and day is None:
        lacking = [
            f"{m} unknown for {coverage[m]['unknown']} of {coverage[m]['entries']} entries"
            for m in minerals
            if m in coverage and not coverage[m]["complete"]
        ]
        return {**flag, "underestimate": "; ".join(lacking) + " that week"} if lacking else flag
    if not minerals or day is None or "date" not in week_daily.columns:
        return flag
    row = week_daily[pd.to_datetime(week_daily["date"]) == pd.Timestamp(day)]
    if row.empty:
        return flag
    lacking = []
    for mineral in minerals:
        column = f"{mineral}_mg_unknown"
        if column in row.columns and int(row[column].iloc[0]) > 0:
            count = int(row[column].iloc[0])
            lacking.append(f"{mineral} unknown for {count} entr{'y' if count == 1 else 'ies'}")
    if lacking:
        flag = {**flag, "underestimate": "; ".join(lacking) + " that day"}
    return flag


def confidence_notes(protein_coefficient: str = "fao_who") -> list[str]:
    """How sure each kind of figure is, with the provenance tags of its sources.

    Parameters
    ----------
    protein_coefficient : {"fao_who", "kerstetter_allen"}
        The protein-calciuria coefficient in use (``Settings.protein_coefficient``).
    """
    protein_name = f"protein_calcium_mg_per_g_{protein_coefficient}"
    indices = load_table("absorption_index.csv").set_index("absorption_class")
    index_tags = ", ".join(
        f"{name.replace('_', ' ')} {indices.loc[name, 'index']:g} ({indices.loc[name, 'tag']})"
        for name in ("dairy", "low_oxalate_brassica", "high_oxalate", "default")
        if name in indices.index
    )
    return [
        "Minerals: USDA SR28 values per 100 g times grams from USDA household portions (V); "
        "app exports are taken as the app computed them.",
        f"Absorbable calcium: Weaver's load equation ({tag('weaver_slope')}) per eating "
        f"occasion times an absorption index per food class: {index_tags}. The "
        "absorbable-calcium target is this tool's definition (C).",
        f"Diuretic load: caffeine {coefficient('caffeine_calcium_mg'):g} mg Ca per "
        f"{coefficient('caffeine_reference_mg'):g} mg ({tag('caffeine_calcium_mg')}), protein "
        f"{coefficient(protein_name):g} mg Ca per g ({tag(protein_name)}), sodium "
        f"{coefficient('sodium_calcium_mg'):g} mg Ca per "
        f"{coefficient('sodium_reference_mg'):,.0f} mg ({tag('sodium_calcium_mg')}): rough "
        "estimates of urinary calcium, not measured losses.",
    ]


def _plan_message(plan: suggest.GreensPlan, max_cups: float) -> str:
    unknown = [suggest.GOAL_NAMES[k] for k, v in plan.remaining.items() if math.isnan(v)]
    if plan.status == "met" and unknown:
        return (
            "The week already meets every target that could be checked "
            f"(unknown: {', '.join(unknown)}): no greens suggested."
        )
    if plan.status == "met":
        return "The week already meets the targets: no greens suggested."
    if plan.status == "unknown":
        return (
            "No greens suggested: the greens plan aims first at absorbable calcium and the "
            "Ca:P ratio, and neither is known for this week (see the notes on what the "
            "diary lacks)."
        )
    if not plan.suggestions and suggest.NO_CANDIDATES_NOTE in plan.notes:
        return "No greens suggested (see the notes)."
    if plan.status == "closed" and unknown:
        return (
            "Following these greens meets every target that could be checked "
            f"(unknown: {', '.join(unknown)})."
        )
    if plan.status == "closed":
        return "Following these greens meets every target."
    gaps = []
    remaining = plan.remaining
    if remaining.get("absorbable_calcium_mg", 0) > 0:
        gaps.append(f"absorbable calcium {remaining['absorbable_calcium_mg']:.0f} mg/day")
    if remaining.get("ca_p_mass_ratio", 0) > 0:
        gaps.append(f"Ca:P mass ratio {remaining['ca_p_mass_ratio']:.2f}")
    if remaining.get("magnesium_mg", 0) > 0:
        gaps.append(f"magnesium {remaining['magnesium_mg']:.0f} mg/day")
    if remaining.get("potassium_mg", 0) > 0:
        gaps.append(f"potassium {remaining['potassium_mg']:.0f} mg/day")
    return (
        f"Greens alone cannot close the gap within {suggest.format_cups(max_cups)} per green per "
        f"day; still short after this plan: {'; '.join(gaps)}. Fewer phosphorus sources "
        "(see the swaps) or dairy, calcium-set tofu or fortified foods would close the rest."
    )


def build_report(
    analysis: Any,
    week: str | None = None,
    start: dt.date | str | None = None,
    *,
    person: str | None = None,
    candidates: pd.DataFrame | None = None,
) -> dict[str, Any]:
    """The weekly report as one JSON-ready dict.

    Parameters
    ----------
    analysis : Analysis
        From :func:`analyzer.balance.analysis.analyze`.
    week : str, optional
        ISO week ``'2026-W47'``.
    start : date or str, optional
        First day of a seven-day window. Default (neither): the latest week with all 7 days
        logged, else the latest week (with a note).
    person : str, optional
        Whose week, when the diary holds several people.
    candidates : DataFrame, optional
        Greens to plan with (:func:`analyzer.report.plan.build_candidates`); default the bundled
        greens at the settings' cap per day.

    Returns
    -------
    dict
        ``profile``, ``targets`` (``calcium_mg``, ``phosphorus_mg``, ``magnesium_mg``,
        ``potassium_mg``, ``absorbable_calcium_mg``, ``ca_p_mass_ratio``, ``kinds``, ...),
        ``week`` (label, dates and per-day averages incl. ``ca_p_mass_ratio`` and
        ``percent_of_target``), ``days`` (one object per day), ``flags``, ``diuretic_load``
        (per group), ``top_sources`` (phosphorus and diuretic load by food), ``swaps``,
        ``plan`` (status, message, remaining gaps), ``suggestions`` (each with ``food_id``,
        ``description``, ``amount``, ``unit``, ``grams``, ``days``, ``text``, what it adds),
        ``current`` and ``projected`` (the week's averages before and after the greens, incl.
        ``ca_p_mass_ratio``), ``not_used`` (rows with reasons), ``notes``, ``sources`` and
        ``disclaimer``. Unknown values are ``None`` (NaN before :func:`clean_json`).

    Raises
    ------
    NoDataError
        The week or start date selects no logged day, or several people and none chosen.
    """
    person = _choose_person(analysis, person)
    daily = _for_person(analysis.daily, person).assign(date=lambda f: pd.to_datetime(f["date"]))
    days, label, notes = select_window(daily["date"], week, start)
    week_daily = daily[daily["date"].isin(days)].sort_values("date")
    entries = _for_person(analysis.entries, person)
    week_entries = entries[pd.to_datetime(entries["date"]).isin(days)]

    profile = analysis.profile_of(person) if person is not None else analysis.profile
    targets = analysis.targets_of(person) if person is not None else analysis.targets
    settings = analysis.settings
    ratio_target = float(settings.ca_p_mass_ratio_target)
    max_cups = float(settings.greens_cups_max_per_day)
    abs_target, definition = absorbable_calcium_target(float(targets.calcium_mg))
    mineral_targets = {f"{m}_mg": targets.target(m) for m in TARGET_MINERALS}
    goal_targets: dict[str, float | None] = {
        **mineral_targets,
        "absorbable_calcium_mg": abs_target,
        "ca_p_mass_ratio": ratio_target,
    }

    averages = week_averages(week_daily)
    logged_days = int(averages["days"])
    coverage = mineral_coverage(week_daily)
    totals_only = only_app_totals(week_entries)
    if totals_only:
        averages["absorbable_calcium_mg"] = math.nan
        averages["diuretic_load_mg"] = math.nan
    if not (coverage["calcium"]["usable"] and coverage["phosphorus"]["usable"]):
        averages["ca_p_mass_ratio"] = averages["ca_p_molar_ratio"] = math.nan
    usable = {m: averages[f"{m}_mg"] if coverage[m]["usable"] else math.nan for m in coverage}
    # The plan spreads its servings over the 7 days of the week: the logged days' average
    # is taken as typical of every day (said in a note when fewer days were logged).
    intake = suggest.WeekIntake(
        days=DAYS_PER_WEEK,
        calcium_mg=usable["calcium"],
        absorbable_calcium_mg=(
            averages["absorbable_calcium_mg"] if coverage["calcium"]["usable"] else math.nan
        ),
        phosphorus_mg=usable["phosphorus"],
        magnesium_mg=usable["magnesium"],
        potassium_mg=usable["potassium"],
    )
    goals = suggest.Goals(
        absorbable_calcium_mg=abs_target,
        ca_p_mass_ratio=ratio_target,
        magnesium_mg=float(targets.magnesium_mg),
        potassium_mg=float(targets.potassium_mg),
        calcium_ul_mg=(
            float(targets.calcium_ul_mg) if targets.calcium_ul_mg is not None else math.nan
        ),
    )
    if float(profile.age) < ADULT_FOODS_AGE_Y:
        candidates = pd.DataFrame()
        notes.append(INFANT_NOTE)
    elif candidates is None and max_cups >= suggest.SERVING_CUPS:
        candidates = suggest.default_candidates(max_cups)
    elif candidates is None:
        candidates = pd.DataFrame()
        notes.append(f"Greens capped at {max_cups:g} cups a day: no plan is possible.")
    plan = suggest.plan_greens(intake, goals, candidates)
    projected = plan.projected.as_dict()
    projected["ca_p_molar_ratio"] = projected["ca_p_mass_ratio"] * molar_ratio_factor(
        "calcium", "phosphorus"
    )

    flags = [_flag_dict(f) for f in analysis.flags if _flag_in_window(f, days, label, person)]
    if totals_only:
        flags = [f for f in flags if _base_code(f) not in OCCASION_FLAGS]
    flags = [_flag_coverage(f, week_daily, coverage) for f in flags]
    kept = [f for f in flags if _ratio_known_for(f, week_daily, averages)]
    if len(kept) < len(flags):
        notes.append(
            f"{len(flags) - len(kept)} Ca:P flag(s) left out: too few of that day's (or "
            f"week's) entries have both calcium and phosphorus (this tool needs "
            f"{COVERAGE_MIN_FRACTION:.0%}) for the ratio to mean anything."
        )
    flags = kept
    if totals_only:
        by_group = sources.sources_by_group(week_entries.iloc[0:0], max(logged_days, 1))
        top_p = top_load = pd.DataFrame(columns=list(sources.SOURCE_COLUMNS))
        swaps: list[dict[str, Any]] = []
    else:
        by_food = sources.sources_by_food(week_entries, logged_days)
        by_group = sources.sources_by_group(week_entries, logged_days)
        top_p = by_food.dropna(subset=["phosphorus_mg"]).nlargest(TOP_SOURCES, "phosphorus_mg")
        loaded = by_food[by_food["diuretic_load_mg"] > 0]
        top_load = loaded.nlargest(TOP_SOURCES, "diuretic_load_mg")
        if not coverage["phosphorus"]["usable"]:  # a share of an unknown total
            by_group = by_group.assign(phosphorus_share=math.nan)
            top_p = top_p.assign(phosphorus_share=math.nan)
        swaps = sources.swaps_for(by_food, sources.swap_nutrients())
        if plan.status == "met" and not any(
            str(f.get("code", "")).startswith(("caffeine", "phosphorus")) for f in flags
        ):
            swaps = []  # nothing to fix: a swap would be noise

    notes += [str(n) for n in getattr(analysis, "notes", [])]
    if totals_only:
        what = (
            "daily totals"
            if "Daily total" in set(week_entries["food"].astype(str))
            else ("meal totals")
        )
        notes.append(TOTALS_ONLY_NOTE.format(what=what))
    if logged_days < DAYS_PER_WEEK and plan.suggestions:
        notes.append(
            f"Only {logged_days} of the week's 7 days were logged: the greens plan takes "
            "their average as typical of every day of the week."
        )
    notes.append(definition[0].upper() + definition[1:] + ".")
    notes.append(RATIO_TARGET_NOTE.format(ratio=ratio_target))
    notes += plan.notes
    notes += _coverage_notes(coverage)
    if plan.suggestions:
        notes.append(
            "Each serving of greens is counted as its own eating occasion (Weaver's load "
            "equation per occasion). High-oxalate greens (spinach, chard, beet greens) are "
            "never chosen for calcium (about 5% absorbed; Heaney et al. 1988); when offered "
            "for potassium and magnesium, the projection counts their calcium as eaten and "
            "only its small absorbable part."
        )
    approximate = bool(
        "approximate" in week_entries.columns
        and week_entries["approximate"].astype("boolean").fillna(False).any()
    )
    day_records = records(week_daily.drop(columns=["person"], errors="ignore"))
    if totals_only:
        for record in day_records:
            record["absorbable_calcium_mg"] = None
            record["diuretic_load_mg"] = None
    report: dict[str, Any] = {
        "profile": {**profile.model_dump(), "description": profile.describe()},
        "targets": {
            "life_stage": targets.life_stage,
            **{k: v for k, v in goal_targets.items()},
            "kinds": dict(targets.kinds),
            "phosphorus_ul_mg": targets.phosphorus_ul_mg,
            "calcium_ul_mg": targets.calcium_ul_mg,
            "absorbable_calcium_definition": definition,
            "sources": dict(targets.sources),
        },
        "person": person,
        "week": {
            "label": label,
            "start": f"{days[0]:%Y-%m-%d}",
            "end": f"{days[-1]:%Y-%m-%d}",
            **_with_percent(averages, goal_targets),
        },
        "days": day_records,
        "coverage": coverage,
        "coverage_min_fraction": COVERAGE_MIN_FRACTION,
        "totals_only": totals_only,
        "calcium_approximate": approximate,
        "flags": flags,
        "diuretic_load": records(
            by_group.reindex([g for g in LOAD_GROUPS if g in by_group.index])
            .rename_axis("group")
            .reset_index()
        ),
        "top_sources": {
            "phosphorus": records(top_p),
            "diuretic_load": records(top_load),
        },
        "swaps": [clean_json(s) for s in swaps],
        "plan": {
            "status": plan.status,
            "message": _plan_message(plan, max_cups),
            "max_cups_per_green_per_day": max_cups,
            "remaining": dict(plan.remaining),
        },
        "suggestions": [s.as_dict() for s in plan.suggestions],
        "current": _with_percent(plan.current.as_dict(), goal_targets),
        "projected": _with_percent(projected, goal_targets),
        "not_used": _not_used(analysis, days),
        "notes": notes,
        "confidence": confidence_notes(settings.protein_coefficient),
        "sources": list(SOURCES) + sorted({f["reference"] for f in flags if f.get("reference")}),
        "disclaimer": DISCLAIMER,
    }
    return dict(clean_json(report))


def chart_plan(report: dict[str, Any]) -> dict[str, Any]:
    """What :func:`analyzer.chart.weekly_chart` needs of the plan: suggestions, projection."""
    message = "" if report["suggestions"] else report["plan"]["message"]
    return {
        "suggestions": report["suggestions"],
        "current": report["current"],
        "projected": report["projected"],
        "message": message,
    }
