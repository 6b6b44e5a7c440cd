"""Findings per day, in plain words, each with its reference and confidence tag.

==============================  ========  ==============================================
code                            level     when
==============================  ========  ==============================================
calcium_low                     warning   calcium below the RDA/AI
low_ca_p_with_low_calcium       alert     molar Ca:P < 0.5 and calcium below the RDA/AI
low_ca_p_ratio                  info      molar Ca:P < 0.5 with calcium at or above target
phosphorus_above_ul             alert     phosphorus above its UL
magnesium_low                   warning   magnesium below the RDA/AI (the Mg UL is never
                                          applied to food)
potassium_low                   warning   potassium below the AI (no UL exists)
caffeine_sitting                info      >= 250 mg caffeine in one eating occasion
caffeine_daily_high             warning   caffeine above the EFSA daily limit
==============================  ========  ==============================================

A low Ca:P ratio alone is context, not an alarm: in adults, Ca:P from 0.08 to 2.4 did not
change calcium balance or absorption (IOM 1997, p. 154). The combination with low calcium is
the one linked to raised PTH (Kemi et al. 2010; Calvo et al. 1988).

References
----------
.. [1] IOM 2011, DRIs for Calcium and Vitamin D.
.. [2] IOM 1997, DRIs for Ca, P, Mg, Vitamin D and Fluoride, pp. 154, 189.
.. [3] Kemi VE et al. 2010, Br J Nutr 103:561; Calvo MS et al. 1988, JCEM 66:823.
.. [4] NASEM 2019, DRIs for Sodium and Potassium.
.. [5] Maughan RJ, Griffin J 2003, J Hum Nutr Diet 16:411.
.. [6] EFSA NDA 2015, Safety of caffeine, EFSA J 13(5):4102.
"""

from __future__ import annotations

import datetime
from functools import partial

import pandas as pd

from analyzer.models import Flag, FlagLevel, Settings, Targets
from analyzer.science import citation, coefficient, tag

_IOM_2011 = "IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D"
_IOM_1997 = "IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride"
_NASEM_2019 = "NASEM 2019, DRIs for Sodium and Potassium"
_EFSA_2015 = "EFSA NDA 2015, Scientific opinion on the safety of caffeine, EFSA J 13(5):4102"


def _add(
    flags: list[Flag],
    day: datetime.date,
    person: str,
    code: str,
    level: FlagLevel,
    message: str,
    reference: str,
    confidence: str,
    value: float,
    threshold: float | None,
) -> None:
    flags.append(
        Flag(
            code=code,
            level=level,
            date=day,
            person=person,
            message=message,
            reference=reference,
            confidence=confidence,
            value=float(value),
            threshold=threshold,
        )
    )


def _where(person: str) -> str:
    return f" for {person}" if person else ""


def daily_flags(
    daily: pd.DataFrame, targets: Targets, settings: Settings, by_person: bool
) -> list[Flag]:
    """Flags for every day of ``daily`` (rows of :func:`analyzer.totals.daily_totals`).

    Parameters
    ----------
    daily : DataFrame
        Daily totals with ratios.
    targets : Targets
        RDA/AI, UL and caffeine limit of the profile.
    settings : Settings
        Caffeine thresholds when overridden.
    by_person : bool
        Whether ``daily`` has a ``person`` column.

    Returns
    -------
    list of Flag
        In date (and person) order, then by the order of the table above.
    """
    sitting = settings.caffeine_sitting_mg or coefficient("caffeine_sitting_mg")
    daily_max = settings.caffeine_daily_max_mg or targets.caffeine_max_mg
    molar_low = coefficient("ca_p_molar_low")
    flags: list[Flag] = []
    columns = [
        "date",
        "calcium_mg",
        "phosphorus_mg",
        "magnesium_mg",
        "potassium_mg",
        "caffeine_mg",
        "ca_p_molar_ratio",
        "caffeine_max_occasion_mg",
    ]
    frame = daily[columns].copy()
    frame["person"] = daily["person"] if by_person else ""
    for row in frame.itertuples(index=False):
        day = pd.Timestamp(row.date).date()
        who = _where(str(row.person))

        add = partial(_add, flags, day, str(row.person))

        calcium, ratio = row.calcium_mg, row.ca_p_molar_ratio
        calcium_low = pd.notna(calcium) and calcium < targets.calcium_mg
        if calcium_low:
            add(
                "calcium_low",
                "warning",
                f"{day}{who}: calcium {calcium:,.0f} mg is below the "
                f"{targets.kinds['calcium']} of {targets.calcium_mg:,.0f} mg "
                f"({targets.life_stage}).",
                _IOM_2011,
                "V",
                calcium,
                targets.calcium_mg,
            )
        if pd.notna(ratio) and ratio < molar_low:
            if calcium_low:
                add(
                    "low_ca_p_with_low_calcium",
                    "alert",
                    f"{day}{who}: molar Ca:P {ratio:.2f} is below {molar_low:g} while calcium "
                    "is below target; this combination raised PTH and bone-resorption "
                    "markers in short-term studies.",
                    citation("ca_p_molar_low"),
                    tag("ca_p_molar_low"),
                    ratio,
                    molar_low,
                )
            else:
                add(
                    "low_ca_p_ratio",
                    "info",
                    f"{day}{who}: molar Ca:P {ratio:.2f} is below {molar_low:g}; with calcium "
                    "at target this is context, not a concern: in adults Ca:P from 0.08 to "
                    "2.4 did not change calcium balance or absorption.",
                    f"{_IOM_1997}, p. 154",
                    "V",
                    ratio,
                    molar_low,
                )
        p_ul = targets.phosphorus_ul_mg
        if p_ul is not None and pd.notna(row.phosphorus_mg) and row.phosphorus_mg > p_ul:
            add(
                "phosphorus_above_ul",
                "alert",
                f"{day}{who}: phosphorus {row.phosphorus_mg:,.0f} mg is above the Tolerable "
                f"Upper Intake Level of {p_ul:,.0f} mg.",
                f"{_IOM_1997}, p. 189",
                "V",
                row.phosphorus_mg,
                p_ul,
            )
        for mineral, reference in (("magnesium", _IOM_1997), ("potassium", _NASEM_2019)):
            value, target = getattr(row, f"{mineral}_mg"), targets.target(mineral)
            if target is not None and pd.notna(value) and value < target:
                extra = (
                    " The potassium AI does not apply to people with impaired potassium "
                    "excretion (kidney disease, potassium-sparing drugs)."
                    if mineral == "potassium"
                    else ""
                )
                add(
                    f"{mineral}_low",
                    "warning",
                    f"{day}{who}: {mineral} {value:,.0f} mg is below the "
                    f"{targets.kinds[mineral]} of {target:,.0f} mg.{extra}",
                    reference,
                    "V",
                    value,
                    target,
                )
        top = row.caffeine_max_occasion_mg
        if pd.notna(top) and top >= sitting:
            add(
                "caffeine_sitting",
                "info",
                f"{day}{who}: {top:,.0f} mg caffeine in one eating occasion; from about "
                f"{sitting:,.0f} mg caffeine can increase urine output short-term in people "
                "not used to it; regular drinkers develop a strong tolerance.",
                citation("caffeine_sitting_mg"),
                tag("caffeine_sitting_mg"),
                top,
                sitting,
            )
        if daily_max is not None and pd.notna(row.caffeine_mg) and row.caffeine_mg > daily_max:
            add(
                "caffeine_daily_high",
                "warning",
                f"{day}{who}: caffeine {row.caffeine_mg:,.0f} mg exceeds the "
                f"{daily_max:,.0f} mg a day that EFSA found raises no safety concern for "
                "this profile.",
                _EFSA_2015,
                "V",
                row.caffeine_mg,
                daily_max,
            )
    return flags
