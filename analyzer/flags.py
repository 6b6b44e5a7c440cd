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

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.models import Flag, FlagLevel, Settings, Targets
from analyzer.science import coefficient, tag

_IOM_2011 = "IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D"
_IOM_1997 = "IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride"
_NASEM_2019 = "NASEM 2019, DRIs for Sodium and Potassium"
_EFSA_2015 = "EFSA NDA 2015, Scientific opinion on the safety of caffeine, EFSA J 13(5):4102"
_KEMI_CALVO = (
    "Kemi VE et al. 2010, Br J Nutr 103:561; Calvo MS et al. 1988, J Clin Endocrinol Metab 66:823"
)
_MAUGHAN_2003 = "Maughan RJ, Griffin J 2003, J Hum Nutr Diet 16:411"


@dataclass(frozen=True)
class _Rule:
    code: str
    level: FlagLevel
    mask: np.ndarray
    value: str
    threshold: float
    template: str
    reference: str
    confidence: str


def _rules(daily: pd.DataFrame, targets: Targets, settings: Settings) -> list[_Rule]:
    """Each flag rule with its day mask, in the order of the table in the module docstring."""

    def col(name: str) -> np.ndarray:
        return daily[name].to_numpy(dtype=float)

    with np.errstate(invalid="ignore"):
        calcium_low = col("calcium_mg") < targets.calcium_mg
        molar_low = coefficient("ca_p_molar_low")
        ratio_low = col("ca_p_molar_ratio") < molar_low
        rules = [
            _Rule("calcium_low", "warning", calcium_low, "calcium_mg", targets.calcium_mg,
                  "calcium {value:,.0f} mg is below the " + targets.kinds["calcium"]
                  + " of {threshold:,.0f} mg (" + targets.life_stage + ").", _IOM_2011, "V"),
            _Rule("low_ca_p_with_low_calcium", "alert", ratio_low & calcium_low,
                  "ca_p_molar_ratio", molar_low,
                  "molar Ca:P {value:.2f} is below {threshold:g} while calcium is below "
                  "target; this combination raised PTH and bone-resorption markers in "
                  "short-term studies.", _KEMI_CALVO, tag("ca_p_molar_low")),
            _Rule("low_ca_p_ratio", "info", ratio_low & ~calcium_low, "ca_p_molar_ratio",
                  molar_low,
                  "molar Ca:P {value:.2f} is below {threshold:g}; with calcium at target this "
                  "is context, not a concern: in adults Ca:P from 0.08 to 2.4 did not change "
                  "calcium balance or absorption.", f"{_IOM_1997}, p. 154", "V"),
        ]  # fmt: skip
        if targets.phosphorus_ul_mg is not None:
            ul = targets.phosphorus_ul_mg
            rules.append(
                _Rule("phosphorus_above_ul", "alert", col("phosphorus_mg") > ul,
                      "phosphorus_mg", ul,
                      "phosphorus {value:,.0f} mg is above the Tolerable Upper Intake Level "
                      "of {threshold:,.0f} mg.", f"{_IOM_1997}, p. 189", "V")
            )  # fmt: skip
        for mineral, reference, extra in (
            ("magnesium", _IOM_1997, ""),
            ("potassium", _NASEM_2019, _POTASSIUM_CAVEAT),
        ):
            target = targets.target(mineral)
            if target is not None:
                rules.append(
                    _Rule(f"{mineral}_low", "warning", col(f"{mineral}_mg") < target,
                          f"{mineral}_mg", target,
                          mineral + " {value:,.0f} mg is below the " + targets.kinds[mineral]
                          + " of {threshold:,.0f} mg." + extra, reference, "V")
                )  # fmt: skip
        sitting = settings.caffeine_sitting_mg or coefficient("caffeine_sitting_mg")
        rules.append(
            _Rule("caffeine_sitting", "info", col("caffeine_max_occasion_mg") >= sitting,
                  "caffeine_max_occasion_mg", sitting,
                  "{value:,.0f} mg caffeine in one eating occasion; from about "
                  "{threshold:,.0f} mg caffeine can increase urine output short-term in people "
                  "not used to it; regular drinkers develop a strong tolerance.",
                  _MAUGHAN_2003, tag("caffeine_sitting_mg"))
        )  # fmt: skip
        daily_max = settings.caffeine_daily_max_mg or targets.caffeine_max_mg
        if daily_max is not None:
            rules.append(
                _Rule("caffeine_daily_high", "warning", col("caffeine_mg") > daily_max,
                      "caffeine_mg", daily_max,
                      "caffeine {value:,.0f} mg exceeds the {threshold:,.0f} mg a day that "
                      "EFSA found raises no safety concern for this profile.", _EFSA_2015, "V")
            )  # fmt: skip
    return rules


_POTASSIUM_CAVEAT = (
    " The potassium AI does not apply to people with impaired potassium excretion (kidney "
    "disease, potassium-sparing drugs)."
)


FLAG_COLUMNS = (
    "code",
    "level",
    "date",
    "week",
    "person",
    "message",
    "reference",
    "confidence",
    "value",
    "threshold",
)


def flag_table(
    daily: pd.DataFrame, targets: Targets, settings: Settings, by_person: bool
) -> pd.DataFrame:
    """Flags for every day of ``daily`` as a table (one row per flag, :data:`FLAG_COLUMNS`).

    Parameters
    ----------
    daily : DataFrame
        Daily totals with ratios (:func:`analyzer.totals.daily_totals`).
    targets : Targets
        RDA/AI, UL and caffeine limit of the profile.
    settings : Settings
        Caffeine thresholds when overridden.
    by_person : bool
        Whether ``daily`` has a ``person`` column.

    Returns
    -------
    DataFrame
        In date (and person) order, then by the order of the table above. Only the days
        that trigger a rule are visited, so long diaries stay fast.
    """
    if daily.empty:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in FLAG_COLUMNS})
    days = pd.to_datetime(daily["date"]).dt.date.to_numpy(dtype=object)
    persons = (
        daily["person"].astype(str).to_numpy(dtype=object)
        if by_person
        else np.full(len(daily), "", dtype=object)
    )
    parts: list[pd.DataFrame] = []
    for order, rule in enumerate(_rules(daily, targets, settings)):
        rows = np.flatnonzero(rule.mask)
        if not len(rows):
            continue
        values = daily[rule.value].to_numpy(dtype=float)[rows]
        messages = [
            f"{days[r]}{' for ' + persons[r] if persons[r] else ''}: "
            + rule.template.format(value=v, threshold=rule.threshold)
            for r, v in zip(rows.tolist(), values.tolist(), strict=True)
        ]
        parts.append(
            pd.DataFrame(
                {
                    "_row": rows,
                    "_order": order,
                    "code": rule.code,
                    "level": rule.level,
                    "date": days[rows],
                    "week": None,
                    "person": persons[rows],
                    "message": messages,
                    "reference": rule.reference,
                    "confidence": rule.confidence,
                    "value": values,
                    "threshold": float(rule.threshold),
                }
            )
        )
    if not parts:
        return pd.DataFrame({c: pd.Series(dtype=object) for c in FLAG_COLUMNS})
    table = pd.concat(parts, ignore_index=True).sort_values(["_row", "_order"], kind="stable")
    return table.loc[:, list(FLAG_COLUMNS)].reset_index(drop=True)


def flags_from_table(table: pd.DataFrame) -> list[Flag]:
    """:class:`Flag` models from a :func:`flag_table` (fields already valid by construction)."""
    records = table.loc[:, list(FLAG_COLUMNS)].to_dict(orient="records")
    return [Flag.model_construct(**{str(k): v for k, v in r.items()}) for r in records]


def daily_flags(
    daily: pd.DataFrame, targets: Targets, settings: Settings, by_person: bool
) -> list[Flag]:
    """Flags for every day of ``daily`` as :class:`Flag` models (see :func:`flag_table`)."""
    return flags_from_table(flag_table(daily, targets, settings, by_person))
