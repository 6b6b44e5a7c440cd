"""What the report says about a week in words: its flags, notes and how sure its figures are.

The flags come from the balance engine (:mod:`analyzer.balance.flags`); here they are chosen
for the week and person shown, left out where the Ca:P ratio cannot be computed, and marked
where their value is an underestimate. The notes say what the diary lacks and what each
figure assumes.

References
----------
.. [1] IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride (NAP 5776),
   p. 154: no dietary Ca:P target for adults.
.. [2] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193): the load equation.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from analyzer.balance.weeks import COVERAGE_MIN_FRACTION, Window, iso_week, ratio_usable
from analyzer.models import Flag
from analyzer.nutrients import CA_P
from analyzer.reference import coefficient, load_table, tag
from analyzer.report.model import MineralCoverage, ReportFlag
from analyzer.report.plan import GOAL_NAMES, NO_CANDIDATES_NOTE, GreensPlan, format_cups

#: Shown at the end of every report.
DISCLAIMER = (
    "Not medical advice: estimates from USDA SR28 and published coefficients; "
    "ask a doctor or dietitian before changing your diet, especially with kidney disease."
)
#: The report's standing sources (flag references are added to them).
SOURCES = (
    "USDA ARS, National Nutrient Database for Standard Reference, Release 28 (2015/2016).",
    "IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D (V).",
    "IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride (V).",
    "NASEM 2019, DRIs for Sodium and Potassium (V).",
    "Weaver CM et al. 2017, Curr Osteoporos Rep, Table 1 and load equation (V).",
    "Heaney RP et al. 1988, Am J Clin Nutr 47:707 (spinach calcium ~5% absorbed) (V).",
)
#: Flag codes whose value is read from each mineral (to say when it is an underestimate).
FLAG_MINERALS = {
    "calcium_low": ("calcium",),
    "low_ca_p_with_low_calcium": CA_P,
    "low_ca_p_ratio": CA_P,
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
RATIO_TARGET_NOTE = (
    "The Ca:P mass-ratio target ({ratio:.2f}) is a setting, not a DRI: the IOM sets no dietary "
    "Ca:P target for adults (IOM 1997, p. 154; V)."
)
GREENS_NOTE = (
    "Each serving of greens is counted as its own eating occasion (Weaver's load "
    "equation per occasion). High-oxalate greens (spinach, chard, beet greens) are "
    "never chosen for calcium (about 5% absorbed; Heaney et al. 1988); when offered "
    "for potassium and magnesium, the projection counts their calcium as eaten and "
    "only its small absorbable part."
)


def _in_window(table: pd.DataFrame, window: Window, person: str | None) -> pd.Series:
    """Rows of a flag table about the window's days (or its week) and the person."""
    keep = pd.Series(True, index=table.index)
    if person is not None:
        keep &= table["person"].astype(str).isin(["", person])
    dates = pd.to_datetime(table["date"], errors="coerce")
    weeks = {window.label, *iso_week(pd.Series(window.days)).tolist()}
    on_day = dates.notna() & dates.isin(window.days)
    in_week = dates.isna() & (table["week"].isna() | table["week"].isin(weeks))
    return keep & (on_day | in_week)


def _underestimate(
    flag: Flag, week_daily: pd.DataFrame, coverage: dict[str, MineralCoverage]
) -> str | None:
    """Which of the flag's minerals lack values that day (or that week), in words."""
    minerals = FLAG_MINERALS.get(flag.code.removeprefix("weekly_"), ())
    if not minerals:
        return None
    if flag.date is None:
        lacking = [
            f"{m} unknown for {coverage[m].unknown} of {coverage[m].entries} entries"
            for m in minerals
            if m in coverage and not coverage[m].complete
        ]
        return "; ".join(lacking) + " that week" if lacking else None
    row = week_daily[week_daily["date"] == pd.Timestamp(flag.date)]
    if row.empty:
        return None
    counts = [(m, int(row[f"{m}_mg_unknown"].iloc[0])) for m in minerals]
    lacking = [f"{m} unknown for {n} entr{'y' if n == 1 else 'ies'}" for m, n in counts if n]
    return "; ".join(lacking) + " that day" if lacking else None


def week_flags(
    flag_table: pd.DataFrame,
    window: Window,
    person: str | None,
    week_daily: pd.DataFrame,
    coverage: dict[str, MineralCoverage],
    *,
    ratio_known: bool,
    totals_only: bool,
) -> tuple[list[ReportFlag], int]:
    """The flags of the week shown, and how many Ca:P flags were left out.

    A Ca:P flag is left out where too few of that day's (or week's) entries have both
    minerals (:func:`analyzer.balance.weeks.ratio_usable`); the per-occasion caffeine flag
    is left out for app totals (their occasions are unknown).
    """
    chosen = flag_table[_in_window(flag_table, window, person)]
    usable_days = set(week_daily.loc[ratio_usable(week_daily), "date"])
    flags: list[ReportFlag] = []
    dropped = 0
    for record in chosen.to_dict(orient="records"):
        flag = Flag.model_validate({k: v for k, v in record.items() if pd.notna(v)})
        code = flag.code.removeprefix("weekly_")
        if totals_only and code in OCCASION_FLAGS:
            continue
        if code in RATIO_FLAGS:
            known = ratio_known if flag.date is None else _day_known(flag, usable_days, week_daily)
            if not known:
                dropped += 1
                continue
        note = _underestimate(flag, week_daily, coverage)
        flags.append(ReportFlag(**flag.model_dump(mode="json"), underestimate=note))
    return flags, dropped


def _day_known(flag: Flag, usable_days: set[Any], week_daily: pd.DataFrame) -> bool:
    day = pd.Timestamp(str(flag.date))
    return day in usable_days or not bool((week_daily["date"] == day).any())


def coverage_notes(coverage: dict[str, MineralCoverage]) -> list[str]:
    """Say how many of the week's entries lack each mineral, and what that does."""
    notes = []
    for mineral, cov in coverage.items():
        name = mineral.capitalize()
        if not cov.unknown:
            continue
        if cov.unknown == cov.entries:
            notes.append(
                f"{name} is unknown for every entry this week (the diary does not give it): "
                "no total, ratio or target check for it."
            )
        elif not cov.usable:
            uses = "the Ca:P ratio or the greens plan" if mineral in CA_P else "the greens plan"
            notes.append(
                f"{name} is known for only {cov.known} of {cov.entries} entries this week: "
                f"its total counts only those, so it is shown as 'at least' and is not used "
                f"for {uses} (this tool needs {COVERAGE_MIN_FRACTION:.0%} of entries)."
            )
        else:
            notes.append(
                f"{name} is unknown for {cov.unknown} of {cov.entries} entries this week: its "
                "total counts only the known values, so it is a slight underestimate (marked *)."
            )
    return notes


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


def plan_message(plan: GreensPlan, max_cups: float) -> str:
    """The plan's outcome in one sentence."""
    unknown = [GOAL_NAMES[k] for k, v in plan.remaining.items() if math.isnan(v)]
    unknown_text = f" (unknown: {', '.join(unknown)})" if unknown else ""
    if plan.status == "met":
        if unknown:
            return (
                "The week already meets every target that could be checked"
                f"{unknown_text}: no greens suggested."
            )
        return "The week already meets the targets: no greens suggested."
    if plan.status == "unknown":
        return (
            "No greens suggested: the greens plan aims first at absorbable calcium and the "
            "Ca:P ratio, and neither is known for this week (see the notes on what the "
            "diary lacks)."
        )
    if not plan.suggestions and NO_CANDIDATES_NOTE in plan.notes:
        return "No greens suggested (see the notes)."
    if plan.status == "closed":
        if unknown:
            return (
                f"Following these greens meets every target that could be checked{unknown_text}."
            )
        return "Following these greens meets every target."
    return (
        f"Greens alone cannot close the gap within {format_cups(max_cups)} per green per "
        f"day; still short after this plan: {'; '.join(_gaps(plan.remaining))}. Fewer "
        "phosphorus sources (see the swaps) or dairy, calcium-set tofu or fortified foods "
        "would close the rest."
    )


def _gaps(remaining: dict[str, float]) -> list[str]:
    gaps = []
    if remaining.get("absorbable_calcium_mg", 0) > 0:
        gaps.append(f"absorbable calcium {remaining['absorbable_calcium_mg']:.0f} mg/day")
    if remaining.get("ca_p_mass_ratio", 0) > 0:
        gaps.append(f"Ca:P mass ratio {remaining['ca_p_mass_ratio']:.2f}")
    if remaining.get("magnesium_mg", 0) > 0:
        gaps.append(f"magnesium {remaining['magnesium_mg']:.0f} mg/day")
    if remaining.get("potassium_mg", 0) > 0:
        gaps.append(f"potassium {remaining['potassium_mg']:.0f} mg/day")
    return gaps
