"""What the report says about a week in words: its flags, notes and how sure its figures are.

The flags come from the balance engine (:mod:`analyzer.balance.flags`); here they are chosen
for the week and person shown and marked where their value is an underestimate (findings the
data cannot support are split off by :func:`analyzer.report.coverage.judge`). The notes say
what the diary lacks and what each figure assumes; the caveats what the suggested foods
bring (vitamin K and warfarin, oxalate and kidney stones).

References
----------
.. [1] IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride (NAP 5776),
   p. 154: no dietary Ca:P target for adults.
.. [2] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193): the load equation.
.. [3] Booth SL, Centurelli MA 1999, Nutr Rev 57(9):288-296: a steady vitamin K intake on
   warfarin.
.. [4] Mitchell T et al. 2019, Am J Physiol Renal Physiol 316(3):F409-F413 (PMC6459305):
   calcium-oxalate stone formers are advised to avoid oxalate-rich foods.
"""

from __future__ import annotations

import math
import re
from typing import Any

import pandas as pd

from analyzer.balance.loads import PROTEIN_SOURCES
from analyzer.balance.weeks import COVERAGE_MIN_FRACTION, Window, iso_week
from analyzer.models import Flag
from analyzer.nutrients import CA_P
from analyzer.reference import coefficient, load_table, tag
from analyzer.report.greens import ROLE_POTASSIUM_MAGNESIUM
from analyzer.report.model import LoadCoefficients, MineralCoverage, ReportFlag
from analyzer.report.plan import (
    GOAL_NAMES,
    NO_CANDIDATES_NOTE,
    GreensPlan,
    Suggestion,
    format_cups,
)

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
    "Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221, Table 1 and load equation (V).",
    "Heaney RP, Weaver CM, Fitzsimmons ML 1990, J Bone Miner Res 5(11): loads of 15-500 mg (V).",
    "Heaney RP et al. 1988, Am J Clin Nutr 47:707 (spinach calcium ~5% absorbed) (V).",
)
#: Flag codes whose value is read from each mineral (to say when it is an underestimate).
FLAG_MINERALS = {
    "calcium_low": ("calcium",),
    "low_ca_p_with_low_calcium": CA_P,
    "low_ca_p_ratio": CA_P,
    "phosphorus_above_ul": ("phosphorus",),
    "calcium_above_ul": ("calcium",),
    "magnesium_low": ("magnesium",),
    "potassium_low": ("potassium",),
}
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
    "equation per occasion), and none holds more than the 500 mg of calcium the equation "
    "was measured on. High-oxalate greens (spinach, chard, beet greens) are "
    "never chosen for calcium (about 5% absorbed; Heaney et al. 1988); when offered "
    "for potassium and magnesium, the projection counts their calcium as eaten and "
    "only its small absorbable part. The Ca:P goal never asks for calcium above the RDA: "
    "the ratio is not a DRI (IOM 1997, p. 154)."
)
WARFARIN_CAVEAT = (
    "Vitamin K: {names} {verb} rich in vitamin K ({amount:,.0f} ug in the largest suggested "
    "serving, SR28). On warfarin, keep vitamin K intake steady and talk to your doctor "
    "before adding {them} (Booth & Centurelli 1999, Nutr Rev 57:288)."
)
OXALATE_CAVEAT = (
    "Oxalate: {names} {verb} very high in oxalate (spinach about 850 mg per 100 g; "
    "Storcksdieck genannt Bonsmann et al. 2008, Eur J Clin Nutr 62:336). People who have had "
    "calcium-oxalate kidney stones are advised to avoid oxalate-rich foods (Mitchell et al. "
    "2019, Am J Physiol Renal Physiol 316:F409); eaten with a calcium-rich food, less "
    "oxalate is absorbed."
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
    totals_only: bool,
    calcium_approximate: bool = False,
) -> list[ReportFlag]:
    """The flags of the week shown (judged or ``cannot_judge``), marked where a lower bound.

    The per-occasion caffeine flag is left out for app totals (their occasions are unknown).
    With ``calcium_approximate`` (calcium converted from a % Daily Value), a flag on calcium
    says that its figure is approximate, as the tables do.
    """
    chosen = flag_table[_in_window(flag_table, window, person)]
    flags: list[ReportFlag] = []
    for record in chosen.to_dict(orient="records"):
        flag = Flag.model_validate({k: v for k, v in record.items() if pd.notna(v)})
        code = flag.code.removeprefix("weekly_")
        if totals_only and code in OCCASION_FLAGS:
            continue
        note = _underestimate(flag, week_daily, coverage) if flag.level != "cannot_judge" else None
        if calcium_approximate and "calcium" in FLAG_MINERALS.get(code, ()):
            flag = flag.model_copy(update={"message": _about(flag.message)})
        flags.append(ReportFlag(**flag.model_dump(mode="json"), underestimate=note))
    return flags


def _about(message: str) -> str:
    """``calcium 910 mg`` -> ``calcium about 910 mg`` (calcium from a % Daily Value)."""
    return re.sub(r"\bcalcium (?=\d)", "calcium about ", message, count=1) + (
        " (Calcium is approximate: converted from a % Daily Value.)"
    )


def approximate_calcium(flag_table: pd.DataFrame, entries: pd.DataFrame) -> pd.DataFrame:
    """The flag table with its calcium flags saying "about" when the diary's calcium was
    converted from a % Daily Value (as the report says them; for ``daily``/``weekly``)."""
    if not entry_calcium_approximate(entries) or flag_table.empty:
        return flag_table
    codes = flag_table["code"].astype(str).str.removeprefix("weekly_")
    calcium = codes.map(lambda c: "calcium" in FLAG_MINERALS.get(c, ())).to_numpy(dtype=bool)
    out = flag_table.copy()
    out.loc[calcium, "message"] = out.loc[calcium, "message"].map(_about)
    return out


def entry_calcium_approximate(entries: pd.DataFrame) -> bool:
    """Whether some of the entries' calcium is approximate (from a % Daily Value)."""
    if "approximate" not in entries.columns:
        return False
    return bool(entries["approximate"].astype("boolean").fillna(False).any())


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
                f"{name} is known for only {1 - cov.unknown_share:.0%} of the week's food "
                f"({cov.known} of {cov.entries} entries): its total counts only those, so it is "
                f"shown as 'at least' and is not used for {uses} (this tool needs "
                f"{COVERAGE_MIN_FRACTION:.0%} of the food, by energy)."
            )
        else:
            notes.append(
                f"{name} is unknown for {cov.unknown} of {cov.entries} entries this week: its "
                "total counts only the known values, so it is a slight underestimate (marked *)."
            )
    return notes


def load_coefficients(protein_coefficient: str = "fao_who") -> LoadCoefficients:
    """The diuretic-load coefficients in use, with their tags (the report prints these).

    Parameters
    ----------
    protein_coefficient : {"fao_who", "kerstetter_allen"}
        ``Settings.protein_coefficient``: 1.0 mg/g (FAO/WHO 2004, S) or 1.2 mg/g (Kerstetter
        & Allen 1990, V).
    """
    protein = f"protein_calcium_mg_per_g_{protein_coefficient}"
    return LoadCoefficients(
        caffeine_calcium_mg=coefficient("caffeine_calcium_mg"),
        caffeine_reference_mg=coefficient("caffeine_reference_mg"),
        caffeine_tag=tag("caffeine_calcium_mg"),
        protein_calcium_mg_per_g=coefficient(protein),
        protein_source=PROTEIN_SOURCES[protein_coefficient],
        protein_tag=tag(protein),
        sodium_calcium_mg=coefficient("sodium_calcium_mg"),
        sodium_reference_mg=coefficient("sodium_reference_mg"),
        sodium_tag=tag("sodium_calcium_mg"),
    )


def confidence_notes(protein_coefficient: str = "fao_who") -> list[str]:
    """How sure each kind of figure is, with the provenance tags of its sources.

    Parameters
    ----------
    protein_coefficient : {"fao_who", "kerstetter_allen"}
        The protein-calciuria coefficient in use (``Settings.protein_coefficient``).
    """
    loads = load_coefficients(protein_coefficient)
    indices = load_table("absorption_index.csv").set_index("absorption_class")
    index_tags = ", ".join(
        f"{name.replace('_', ' ')} {indices.loc[name, 'index']:g} ({indices.loc[name, 'tag']})"
        for name in ("dairy", "bread", "low_oxalate_brassica", "high_oxalate", "default")
        if name in indices.index
    )
    return [
        "Minerals: USDA SR28 values per 100 g times grams from USDA household portions (V); "
        "app exports are taken as the app computed them.",
        f"Absorbable calcium: Weaver's load equation ({tag('weaver_slope')}) per eating "
        f"occasion, on loads of {coefficient('weaver_load_min_mg'):g}-"
        f"{coefficient('weaver_load_max_mg'):g} mg ({tag('weaver_load_max_mg')}), times an "
        f"absorption index per food class: {index_tags}. The absorbable-calcium target is "
        "this tool's definition (C).",
        f"Diuretic load: caffeine {loads.caffeine_calcium_mg:g} mg Ca per "
        f"{loads.caffeine_reference_mg:g} mg ({loads.caffeine_tag}; a calcium-balance cost "
        "on the absorption side, not urinary calcium), protein "
        f"{loads.protein_calcium_mg_per_g:g} mg urinary Ca per g ({loads.protein_source}, "
        f"{loads.protein_tag}), sodium {loads.sodium_calcium_mg:g} mg urinary Ca per "
        f"{loads.sodium_reference_mg:,.0f} mg ({loads.sodium_tag}): rough estimates, not "
        "measured losses.",
    ]


def caveats(suggestions: list[Suggestion]) -> list[str]:
    """The warfarin and kidney-stone caveats the suggested greens bring, if any."""
    out = []
    threshold = coefficient("vitamin_k_high_ug")
    rich = [s for s in suggestions if s.vitamin_k_ug > threshold]
    if rich:
        names = _names(s.name for s in rich)
        out.append(
            WARFARIN_CAVEAT.format(
                names=names,
                verb="is" if len(rich) == 1 else "are",
                them="it" if len(rich) == 1 else "them",
                amount=max(s.vitamin_k_ug for s in rich),
            )
        )
    oxalate = [s for s in suggestions if s.role == ROLE_POTASSIUM_MAGNESIUM]
    if oxalate:
        out.append(
            OXALATE_CAVEAT.format(
                names=_names(s.name for s in oxalate), verb="is" if len(oxalate) == 1 else "are"
            )
        )
    return out


def _names(names: Any) -> str:
    listed = list(dict.fromkeys(names))
    return listed[0] if len(listed) == 1 else ", ".join(listed[:-1]) + " and " + listed[-1]


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
    if plan.status == "incomplete":
        return (
            "No plan: the week is incomplete, so its gaps are not known (see what the diary "
            "lacks at the top); log the missing foods, or choose a complete week."
        )
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
        gaps.append(f"Ca:P mass ratio {remaining['ca_p_mass_ratio']:.2f} (calcium up to the RDA)")
    if remaining.get("magnesium_mg", 0) > 0:
        gaps.append(f"magnesium {remaining['magnesium_mg']:.0f} mg/day")
    if remaining.get("potassium_mg", 0) > 0:
        gaps.append(f"potassium {remaining['potassium_mg']:.0f} mg/day")
    return gaps
