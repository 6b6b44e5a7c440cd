"""The weekly report built from an analysis, in small named steps.

:func:`build_report` chooses the person and the week (:mod:`analyzer.balance.weeks`), takes
the week's figures and coverage, plans the greens (:mod:`analyzer.report.plan`), chooses
the flags and sources, writes the notes, and returns a typed
:class:`~analyzer.report.model.Report`. It computes no nutrition itself: the numbers come
from the balance engine and the plan.

References
----------
.. [1] IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride (NAP 5776),
   p. 154: no dietary Ca:P target for adults.
.. [2] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193): the load equation.
"""

from __future__ import annotations

import datetime as dt
import math
from typing import Any

import pandas as pd

from analyzer.balance.analysis import Analysis
from analyzer.balance.weaver import absorbable_calcium_target
from analyzer.balance.weeks import (
    COVERAGE_MIN_FRACTION,
    DAYS_PER_WEEK,
    mineral_coverage,
    ratio_usable,
    week_averages,
)
from analyzer.jsonable import records
from analyzer.nutrients import CA_P, GROUPS, TARGET_MINERALS
from analyzer.reference import molar_ratio_factor
from analyzer.report import coverage as lead
from analyzer.report import findings, greens
from analyzer.report import top_sources as sources
from analyzer.report.entries import entry_rows
from analyzer.report.matches import check_amounts, check_matches
from analyzer.report.model import (
    Alternative,
    Completeness,
    Day,
    MineralCoverage,
    NotUsedRow,
    PlanSummary,
    ProfileInfo,
    Projection,
    Report,
    ReportFlag,
    TargetsInfo,
    TopSources,
    WeekFigures,
)
from analyzer.report.plan import (
    Goals,
    GreensPlan,
    WeekIntake,
    format_cups,
    plan_greens,
    shortfalls,
)
from analyzer.report.scope import WeekScope, averaged_entries, week_scope
from analyzer.report.supplement import SupplementOption, supplement_confidence, supplement_option

#: Largest sources listed per kind.
TOP_SOURCES = 3
#: Below this age the DRIs are AIs for breast milk or formula: no greens plan. [years]
ADULT_FOODS_AGE_Y = 1.0
INFANT_NOTE = (
    "No greens plan under 1 year of age: infants' intakes come from breast milk or formula "
    "(the DRIs for 0-12 months are adequate intakes based on them); ask a paediatrician."
)


def _targets(scope: WeekScope) -> TargetsInfo:
    targets = scope.targets
    absorbable, definition = absorbable_calcium_target(float(targets.calcium_mg))
    return TargetsInfo(
        life_stage=targets.life_stage,
        **{f"{m}_mg": targets.target(m) for m in TARGET_MINERALS},
        absorbable_calcium_mg=absorbable,
        ca_p_mass_ratio=float(scope.settings.ca_p_mass_ratio_target),
        kinds=dict(targets.kinds),
        phosphorus_ul_mg=targets.phosphorus_ul_mg,
        calcium_ul_mg=targets.calcium_ul_mg,
        absorbable_calcium_definition=definition,
        sources=dict(targets.sources),
    )


def _goal_targets(targets: TargetsInfo) -> dict[str, float | None]:
    """The target of each goal key, for percent of target."""
    keys = (*(f"{m}_mg" for m in TARGET_MINERALS), "absorbable_calcium_mg", "ca_p_mass_ratio")
    return {key: getattr(targets, key) for key in keys}


def _percent(values: dict[str, Any], targets: TargetsInfo) -> dict[str, float]:
    out = {}
    for key, target in _goal_targets(targets).items():
        value = values.get(key, math.nan)
        known = target is not None and target > 0 and not pd.isna(value)
        out[key] = 100.0 * value / target if known else math.nan
    return out


def _coverage(scope: WeekScope) -> dict[str, MineralCoverage]:
    return {
        mineral: MineralCoverage(**counts)
        for mineral, counts in mineral_coverage(scope.week_daily).items()
    }


def _averages(scope: WeekScope, coverage: dict[str, MineralCoverage]) -> dict[str, Any]:
    """The week's averages, with what cannot be known from this week set to NaN."""
    averages = week_averages(scope.week_daily)
    if scope.totals_only:
        averages["absorbable_calcium_mg"] = math.nan
        averages["diuretic_load_mg"] = math.nan
    if not lead.ratio_minerals_usable(coverage):
        averages["ca_p_mass_ratio"] = averages["ca_p_molar_ratio"] = math.nan
    return averages


def _week(scope: WeekScope, averages: dict[str, Any], targets: TargetsInfo) -> WeekFigures:
    days = scope.window.days
    return WeekFigures(
        label=scope.window.label,
        start=f"{days[0]:%Y-%m-%d}",
        end=f"{days[-1]:%Y-%m-%d}",
        **averages,
        percent_of_target=_percent(averages, targets),
    )


def _days(scope: WeekScope) -> list[Day]:
    frame = scope.week_daily.drop(columns=["person"], errors="ignore")
    frame = frame.assign(ca_p_ratio_usable=ratio_usable(frame))
    rows = records(frame)
    if scope.totals_only:  # foods and occasions unknown: no absorption, no groups
        for row in rows:
            row["absorbable_calcium_mg"] = row["diuretic_load_mg"] = None
    return [Day(**row) for row in rows]


def max_cups(scope: WeekScope) -> float:
    """The greens cap per green per day for this profile (scaled with age). [cup]"""
    cap = float(scope.settings.greens_cups_max_per_day)
    return greens.portion_cap_cups(cap, scope.targets.vegetables_cup_eq)


def _candidates(
    scope: WeekScope, candidates: pd.DataFrame | None, notes: list[str]
) -> pd.DataFrame:
    """The greens the plan may use (none for infants or a cap below one serving)."""
    cap = max_cups(scope)
    if float(scope.profile.age) < ADULT_FOODS_AGE_Y:
        notes.append(INFANT_NOTE)
        return pd.DataFrame()
    if candidates is not None:
        return candidates
    if cap >= greens.SERVING_CUPS:
        if cap < float(scope.settings.greens_cups_max_per_day):
            notes.append(
                f"Greens portions scaled to age: at most {format_cups(cap)} of a green a day, "
                f"the adult cap times the {scope.targets.vegetables_cup_eq:g} "
                "cup-eq of vegetables a day of this profile's Dietary Guidelines pattern over "
                "the 2,000-kcal pattern's 2 1/2."
            )
        return greens.default_candidates(cap)
    notes.append(f"Greens capped at {cap:g} cups a day: no plan is possible.")
    return pd.DataFrame()


def _plan(
    scope: WeekScope,
    averages: dict[str, Any],
    coverage: dict[str, MineralCoverage],
    targets: TargetsInfo,
    candidates: pd.DataFrame,
) -> GreensPlan:
    """Solve the greens plan on the week's usable figures.

    The plan spreads its servings over the 7 days of the week: the logged days' average is
    taken as typical of every day (said in a note when fewer days were logged).
    """
    usable = {m: averages[f"{m}_mg"] if coverage[m].usable else math.nan for m in coverage}
    intake = WeekIntake(
        days=DAYS_PER_WEEK,
        calcium_mg=usable["calcium"],
        absorbable_calcium_mg=(
            averages["absorbable_calcium_mg"] if coverage["calcium"].usable else math.nan
        ),
        phosphorus_mg=usable["phosphorus"],
        magnesium_mg=usable["magnesium"],
        potassium_mg=usable["potassium"],
    )
    ceiling = scope.targets.calcium_ul_mg
    goals = Goals(
        absorbable_calcium_mg=float(targets.absorbable_calcium_mg or math.nan),
        ca_p_mass_ratio=targets.ca_p_mass_ratio,
        magnesium_mg=float(scope.targets.magnesium_mg),
        potassium_mg=float(scope.targets.potassium_mg),
        calcium_ul_mg=float(ceiling) if ceiling is not None else math.nan,
        calcium_mg=float(scope.targets.calcium_mg),
    )
    if not averages["complete"]:  # an incomplete week's gaps are not known: no plan
        return GreensPlan("incomplete", [], intake, intake, goals, shortfalls(intake, goals))
    return plan_greens(intake, goals, candidates)


def _alternatives(plan: GreensPlan) -> list[Alternative]:
    """Milk, yogurt, fortified soy drink and tofu beside the greens, when calcium is short."""
    short = plan.remaining.get("absorbable_calcium_mg", 0.0) > 0 or any(
        s.role == greens.ROLE_CALCIUM for s in plan.suggestions
    )
    if plan.status not in ("closed", "partial") or not short:
        return []
    return [Alternative(**row) for row in records(greens.calcium_alternatives())]


def _projection(values: dict[str, Any], targets: TargetsInfo) -> Projection:
    ratio = values["ca_p_mass_ratio"]
    molar = values.get("ca_p_molar_ratio", ratio * molar_ratio_factor(*CA_P))
    return Projection(
        **{**values, "ca_p_molar_ratio": molar}, percent_of_target=_percent(values, targets)
    )


def _sources(
    scope: WeekScope,
    coverage: dict[str, MineralCoverage],
    plan: GreensPlan,
    flags: list[ReportFlag],
) -> tuple[pd.DataFrame, TopSources, list[dict[str, Any]]]:
    """Diuretic load by group, the largest sources, and the swaps worth naming.

    Per day over the days the week's figures average (its complete days; all logged days
    when none is complete), so that these tables add up to the week's figures.
    """
    entries, days = averaged_entries(scope)
    if scope.totals_only:
        empty = sources.sources_by_group(entries.iloc[0:0], days)
        return empty, TopSources(phosphorus=[], diuretic_load=[]), []
    by_food = sources.sources_by_food(entries, days)
    by_group = sources.sources_by_group(entries, days)
    top_p = by_food.dropna(subset=["phosphorus_mg"]).nlargest(TOP_SOURCES, "phosphorus_mg")
    loaded = by_food[by_food["diuretic_load_mg"] > 0]
    top_load = loaded.nlargest(TOP_SOURCES, "diuretic_load_mg")
    if not coverage["phosphorus"].usable:  # a share of an unknown total
        by_group = by_group.assign(phosphorus_share=math.nan)
        top_p = top_p.assign(phosphorus_share=math.nan)
    swaps = sources.swaps_for(by_food, sources.swap_nutrients())
    something_to_fix = any(f.code.startswith(("caffeine", "phosphorus")) for f in flags)
    if plan.status == "met" and not something_to_fix:
        swaps = []  # nothing to fix: a swap would be noise
    top = TopSources(phosphorus=records(top_p), diuretic_load=records(top_load))
    return by_group, top, swaps


def _load_rows(by_group: pd.DataFrame) -> list[dict[str, Any]]:
    present = [g for g in GROUPS if g in by_group.index]
    return records(by_group.reindex(present).rename_axis("group").reset_index())


def _not_used(rejected: pd.DataFrame, days: pd.DatetimeIndex) -> list[NotUsedRow]:
    """The week's rows that were not used (and rows whose date could not be read)."""
    if rejected.empty:
        return []
    rows = rejected
    if "date" in rows.columns:
        dates = pd.to_datetime(rows["date"], errors="coerce")
        rows = rows[dates.isna() | dates.isin(days)]
    keep = [c for c in ("line", "date", "food", "status", "reason") if c in rows.columns]
    return [NotUsedRow(**row) for row in records(rows[keep])]


def _supplement_notes(scope: WeekScope, option: SupplementOption | None) -> list[str]:
    """How sure supplement absorption is, when the week has supplements or the plan names one."""
    taken = "supplement" in scope.week_entries.columns and bool(
        scope.week_entries["supplement"].astype("string").fillna("").ne("").any()
    )
    return [supplement_confidence()] if taken or option is not None else []


def _totals_note(scope: WeekScope) -> str:
    foods = set(scope.week_entries["food"].astype(str))
    return findings.TOTALS_ONLY_NOTE.format(
        what="daily totals" if "Daily total" in foods else "meal totals"
    )


def _notes(
    scope: WeekScope,
    analysis_notes: list[str],
    targets: TargetsInfo,
    plan: GreensPlan,
    coverage: dict[str, MineralCoverage],
    completeness: Completeness,
) -> list[str]:
    """The notes after the window's and the plan's own: what the reader must know."""
    notes = list(analysis_notes)
    if scope.totals_only:
        notes.append(_totals_note(scope))
    if scope.logged_days < DAYS_PER_WEEK and plan.suggestions:
        notes.append(
            f"Only {scope.logged_days} of the week's 7 days were logged: the greens plan takes "
            "their average as typical of every day of the week."
        )
    definition = targets.absorbable_calcium_definition
    notes.append(definition[0].upper() + definition[1:] + ".")
    notes.append(findings.RATIO_TARGET_NOTE.format(ratio=targets.ca_p_mass_ratio))
    notes += plan.notes
    notes += findings.coverage_notes(coverage)
    notes.append(lead.thresholds_note(scope.settings.implausible_energy_fraction))
    notes += lead.weightless_notes(completeness)
    if plan.suggestions:
        notes.append(findings.GREENS_NOTE)
    return notes


def build_report(
    analysis: Analysis,
    week: str | None = None,
    start: dt.date | str | None = None,
    *,
    person: str | None = None,
    candidates: pd.DataFrame | None = None,
) -> Report:
    """The weekly report of one person's week.

    Parameters
    ----------
    analysis : Analysis
        From :func:`analyzer.balance.analyze`.
    week : str, optional
        ISO week ``'2026-W47'``.
    start : date or str, optional
        First day of a seven-day window. Default (neither): the latest week with all 7 days
        logged, else the latest week (with a note); see
        :func:`analyzer.balance.weeks.select_window`.
    person : str, optional
        Whose week, when the diary holds several people.
    candidates : DataFrame, optional
        Greens to plan with (:func:`analyzer.report.greens.build_candidates`); default the
        bundled greens at the settings' cap per day.

    Returns
    -------
    Report
        The typed report (:mod:`analyzer.report.model`); ``report.to_json()`` is the
        ``--format json`` output. Unknown values are ``None``.

    Raises
    ------
    NoDataError
        The week or start date selects no logged day, or several people and none chosen.
    """
    scope = week_scope(analysis, week, start, person)
    notes = list(scope.window.notes)
    targets = _targets(scope)
    coverage = _coverage(scope)
    averages = _averages(scope, coverage)
    completeness = lead.completeness(
        scope.week_daily,
        scope.week_logged,
        analysis.rejected,
        scope.window.days,
        averages,
        coverage,
    )
    plan = _plan(scope, averages, coverage, targets, _candidates(scope, candidates, notes))
    flags, cannot_judge = lead.judge(
        findings.week_flags(
            analysis.flag_table,
            scope.window,
            scope.person,
            scope.week_daily,
            coverage,
            totals_only=scope.totals_only,
            calcium_approximate=findings.entry_calcium_approximate(scope.week_entries),
        ),
        completeness,
    )
    absorption = lead.absorption_info(averages, scope.week_entries)
    caveats = (
        []
        if scope.totals_only
        else lead.absorption_notes(absorption, averages["absorbable_calcium_mg"])
    )
    by_group, top, swaps = _sources(scope, coverage, plan, flags)
    cap = max_cups(scope)
    option = supplement_option(plan, float(scope.profile.age), scope.targets.calcium_ul_mg)
    return Report(
        completeness=completeness,
        profile=ProfileInfo(**scope.profile.model_dump(), description=scope.profile.describe()),
        targets=targets,
        person=scope.person,
        week=_week(scope, averages, targets),
        days=_days(scope),
        coverage=coverage,
        coverage_min_fraction=COVERAGE_MIN_FRACTION,
        totals_only=scope.totals_only,
        calcium_approximate=findings.entry_calcium_approximate(scope.week_entries),
        flags=flags,
        cannot_judge=cannot_judge,
        absorption=absorption,
        load_coefficients=findings.load_coefficients(scope.settings.protein_coefficient),
        diuretic_load=_load_rows(by_group),
        top_sources=top,
        swaps=swaps,
        plan=PlanSummary(
            status=plan.status,
            message=findings.plan_message(plan, cap),
            max_cups_per_green_per_day=cap,
            remaining=dict(plan.remaining),
            caveats=findings.caveats(plan.suggestions),
            # the goal the plan met: at the week's phosphorus WITH the greens' own
            ratio_goal=plan.goals.ratio_target(plan.projected.phosphorus_mg),
        ),
        suggestions=[s.as_dict() for s in plan.suggestions],
        alternatives=_alternatives(plan),
        supplement_option=option,
        current=_projection(plan.current.as_dict(), targets),
        projected=_projection(plan.projected.as_dict(), targets),
        not_used=_not_used(analysis.rejected, scope.window.days),
        check_matches=[
            *check_matches(scope.week_entries),
            *check_amounts(scope.week_entries),
        ],
        entries=entry_rows(scope.week_logged),
        diary_format=analysis.diary_format,
        notes=[
            *notes,
            *_notes(scope, [*analysis.notes, *caveats], targets, plan, coverage, completeness),
        ],
        confidence=[
            *findings.confidence_notes(scope.settings.protein_coefficient),
            *_supplement_notes(scope, option),
        ],
        sources=[*findings.SOURCES, *sorted({f.reference for f in flags if f.reference})],
        disclaimer=findings.DISCLAIMER,
    )
