"""Findings per day and per ISO week, in plain words, each with its reference and confidence.

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
sodium_above_cdrr               warning   sodium above the CDRR of 2,300 mg (adults)
caffeine_sitting                info      >= 250 mg caffeine in one eating occasion
caffeine_single_dose            info      > 200 mg caffeine in one eating occasion (EFSA;
                                          profiles with an EFSA limit only)
caffeine_daily_high             warning   caffeine above the EFSA daily limit
==============================  ========  ==============================================

Week-level flags (:func:`week_flag_table`) apply the intake rules above to the week's
per-day averages over the logged days, with the code prefixed ``weekly_``
(``weekly_calcium_low``, ``weekly_low_ca_p_with_low_calcium``, ...). The DRIs are meant for
usual intake over time, not for any single day (IOM 2011), so the week's average is the
better guide; the per-day flags stay available. The per-occasion caffeine flags have no
week-level form.

A low Ca:P ratio alone is context, not an alarm: in adults, Ca:P from 0.08 to 2.4 did not
change calcium balance or absorption (IOM 1997, p. 154). The combination with low calcium is
the one linked to raised PTH (Kemi et al. 2010; Calvo et al. 1988).

References
----------
.. [1] IOM 2011, DRIs for Calcium and Vitamin D.
.. [2] IOM 1997, DRIs for Ca, P, Mg, Vitamin D and Fluoride, pp. 154, 189.
.. [3] Kemi VE et al. 2010, Br J Nutr 103:561; Calvo MS et al. 1988, JCEM 66:823.
.. [4] NASEM 2019, DRIs for Sodium and Potassium; Nordin BEC et al. 1993, J Nutr 123:1615.
.. [5] Maughan RJ, Griffin J 2003, J Hum Nutr Diet 16:411.
.. [6] EFSA NDA 2015, Safety of caffeine, EFSA J 13(5):4102.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.models import Flag, FlagLevel, Settings, Targets
from analyzer.reference import coefficient, tag

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
    #: Nutrient column whose unknown entries make ``value`` a lower bound (said in the text).
    partial: str = ""


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
                  + " of {threshold:,.0f} mg (" + targets.life_stage + ").", _IOM_2011, "V",
                  "calcium_mg"),
            _Rule("low_ca_p_with_low_calcium", "alert", ratio_low & calcium_low,
                  "ca_p_molar_ratio", molar_low,
                  "molar Ca:P {ratio} is below {threshold:g} while calcium is below "
                  "target; this combination raised PTH and bone-resorption markers in "
                  "short-term studies.", _KEMI_CALVO, tag("ca_p_molar_low"), "calcium_mg"),
            _Rule("low_ca_p_ratio", "info", ratio_low & ~calcium_low, "ca_p_molar_ratio",
                  molar_low,
                  "molar Ca:P {ratio} is below {threshold:g}; with calcium at target this "
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
                          + " of {threshold:,.0f} mg." + extra, reference, "V",
                          f"{mineral}_mg")
                )  # fmt: skip
        if targets.sodium_cdrr_mg is not None:
            cdrr = targets.sodium_cdrr_mg
            rules.append(
                _Rule("sodium_above_cdrr", "warning", col("sodium_mg") > cdrr, "sodium_mg",
                      cdrr,
                      "sodium {value:,.0f} mg is above the Chronic Disease Risk Reduction "
                      "intake of {threshold:,.0f} mg a day; intakes above it should be "
                      "reduced (each 2,300 mg of sodium adds about 40 mg urinary calcium).",
                      f"{_NASEM_2019}; Nordin BEC et al. 1993, J Nutr 123:1615", "V")
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
        if targets.caffeine_max_mg is not None:
            single = coefficient("caffeine_single_dose_mg")
            rules.append(
                _Rule("caffeine_single_dose", "info", col("caffeine_max_occasion_mg") > single,
                      "caffeine_max_occasion_mg", single,
                      "{value:,.0f} mg caffeine in one eating occasion is above the single "
                      "dose of {threshold:,.0f} mg that EFSA found raises no safety concern "
                      "for adults.", _EFSA_2015, tag("caffeine_single_dose_mg"))
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


#: Per-row targets: (code of each row, the :class:`Targets` of each code).
TargetGroups = tuple[np.ndarray, Sequence[Targets]]


def flag_table(
    daily: pd.DataFrame,
    targets: Targets,
    settings: Settings,
    by_person: bool,
    groups: TargetGroups | None = None,
) -> pd.DataFrame:
    """Flags for every day of ``daily`` as a table (one row per flag, :data:`FLAG_COLUMNS`).

    Parameters
    ----------
    daily : DataFrame
        Daily totals with ratios (:func:`analyzer.balance.totals.daily_totals`).
    targets : Targets
        RDA/AI, UL and caffeine limit of the profile.
    settings : Settings
        Caffeine thresholds when overridden.
    by_person : bool
        Whether ``daily`` has a ``person`` column.
    groups : (codes, targets), optional
        Per-person targets: ``codes[i]`` indexes the :class:`Targets` of row ``i`` in
        ``targets`` (one per distinct DRI life stage); ``targets`` above is then unused.
        The rules run once per distinct life stage, not per person.

    Returns
    -------
    DataFrame
        In date (and person) order, then by the order of the table above. Only the days
        that trigger a rule are visited, so long diaries stay fast.
    """
    if daily.empty:
        return empty_flag_table()
    days = pd.to_datetime(daily["date"]).dt.date.to_numpy(dtype=object)
    labels = np.asarray([str(d) for d in days], dtype=object)
    return _grouped(
        daily, targets, settings, by_person, labels, groups,
        dates=days, weeks=None, prefix="", codes=None,
    )  # fmt: skip


def _grouped(
    frame: pd.DataFrame,
    targets: Targets,
    settings: Settings,
    by_person: bool,
    labels: np.ndarray,
    groups: TargetGroups | None,
    *,
    dates: np.ndarray | None,
    weeks: np.ndarray | None,
    prefix: str,
    codes: tuple[str, ...] | None,
) -> pd.DataFrame:
    """Run the rules of each distinct target set on its rows; one table in row order."""
    if groups is None:
        row_codes = np.zeros(len(frame), dtype=np.int64)
        sets: Sequence[Targets] = [targets]
    else:
        row_codes, sets = np.asarray(groups[0], dtype=np.int64), groups[1]
    parts: list[pd.DataFrame] = []
    for code, group_targets in enumerate(sets):
        positions = np.flatnonzero(row_codes == code)
        if not len(positions):
            continue
        subset = frame if len(positions) == len(frame) else frame.iloc[positions]
        rules = _rules(subset, group_targets, settings)
        if codes is not None:
            rules = [r for r in rules if r.code in codes]
        parts += _parts(
            subset, rules, by_person, labels[positions],
            dates=None if dates is None else dates[positions],
            weeks=None if weeks is None else weeks[positions],
            prefix=prefix, positions=positions,
        )  # fmt: skip
    return _finish(parts)


#: Codes of the daily rules that also apply to a week's per-day averages.
WEEK_RULES = (
    "calcium_low",
    "low_ca_p_with_low_calcium",
    "low_ca_p_ratio",
    "phosphorus_above_ul",
    "magnesium_low",
    "potassium_low",
    "sodium_above_cdrr",
    "caffeine_daily_high",
)


def week_flag_table(
    weekly: pd.DataFrame,
    targets: Targets,
    settings: Settings,
    by_person: bool,
    groups: TargetGroups | None = None,
) -> pd.DataFrame:
    """Flags for every ISO week of ``weekly``, on its per-day averages (:data:`WEEK_RULES`).

    Parameters
    ----------
    weekly : DataFrame
        Weekly per-day averages with ratios (:func:`analyzer.balance.totals.weekly_totals`), with
        ``week`` and ``days``.
    targets, settings, by_person, groups
        As for :func:`flag_table` (``groups`` codes index the rows of ``weekly``).

    Returns
    -------
    DataFrame
        One row per flag (:data:`FLAG_COLUMNS`), ``date`` empty and ``week`` set, the code
        prefixed ``weekly_``; messages start with the week and the number of logged days,
        e.g. ``"2026-W47 (average of 6 logged days): calcium 640 mg is below ..."``.
    """
    if weekly.empty:
        return empty_flag_table()
    weeks = weekly["week"].astype(str).to_numpy(dtype=object)
    days = weekly["days"].to_numpy(dtype="int64")
    labels = np.asarray(
        [
            f"{w} (average of {d} logged day{'s' if d != 1 else ''})"
            for w, d in zip(weeks, days, strict=True)
        ],
        dtype=object,
    )
    return _grouped(
        weekly, targets, settings, by_person, labels, groups,
        dates=None, weeks=weeks, prefix="weekly_", codes=WEEK_RULES,
    )  # fmt: skip


def _below_text(value: float, threshold: float) -> str:
    """A ratio with 2 decimals, or 4 where 2 would round up to the threshold it is below.

    Examples
    --------
    >>> _below_text(0.3954, 0.5), _below_text(0.499667, 0.5)
    ('0.40', '0.4997')
    """
    text = f"{value:.2f}"
    return f"{value:.4f}" if value < threshold <= float(text) else text


def _coverage_texts(frame: pd.DataFrame, nutrient: str, rows: np.ndarray) -> list[str]:
    """ " Calcium is unknown for 2 of 9 entries, ..." per row where the value is a lower bound.

    Vectorized over ``rows`` (positions in ``frame``): the columns are read once per rule.
    """
    column = f"{nutrient}_unknown"
    if not nutrient or column not in frame.columns or "entries" not in frame.columns:
        return [""] * len(rows)
    unknown = frame[column].to_numpy(dtype=float)[rows]
    entries = frame["entries"].to_numpy(dtype=float)[rows]
    name = nutrient.removesuffix("_mg").capitalize()
    return [
        f" {name} is unknown for {int(u)} of {int(e)} entries, so the true value may be higher."
        if u > 0
        else ""
        for u, e in zip(unknown.tolist(), entries.tolist(), strict=True)
    ]


def empty_flag_table() -> pd.DataFrame:
    """A flag table with no rows (the columns of :data:`FLAG_COLUMNS`)."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in FLAG_COLUMNS})


def _parts(
    frame: pd.DataFrame,
    rules: list[_Rule],
    by_person: bool,
    labels: np.ndarray,
    *,
    dates: np.ndarray | None,
    weeks: np.ndarray | None,
    prefix: str,
    positions: np.ndarray,
) -> list[pd.DataFrame]:
    """One frame per rule that fires: its rows, with ``_row`` the row's place in the whole
    table (``positions``) and ``_order`` the rule's rank, for :func:`_finish`."""
    persons = (
        frame["person"].astype(str).to_numpy(dtype=object)
        if by_person
        else np.full(len(frame), "", dtype=object)
    )
    parts: list[pd.DataFrame] = []
    for order, rule in enumerate(rules):
        rows = np.flatnonzero(rule.mask)
        if not len(rows):
            continue
        values = frame[rule.value].to_numpy(dtype=float)[rows]
        coverage = _coverage_texts(frame, rule.partial, rows)
        messages = [
            f"{labels[r]}{' for ' + persons[r] if persons[r] else ''}: "
            + rule.template.format(
                value=v, threshold=rule.threshold, ratio=_below_text(v, rule.threshold)
            )
            + c
            for r, v, c in zip(rows.tolist(), values.tolist(), coverage, strict=True)
        ]
        parts.append(
            pd.DataFrame(
                {
                    "_row": positions[rows],
                    "_order": order,
                    "code": prefix + rule.code,
                    "level": rule.level,
                    "date": dates[rows] if dates is not None else None,
                    "week": weeks[rows] if weeks is not None else None,
                    "person": persons[rows],
                    "message": messages,
                    "reference": rule.reference,
                    "confidence": rule.confidence,
                    "value": values,
                    "threshold": float(rule.threshold),
                }
            )
        )
    return parts


def _finish(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The flag rows in period order, then rule order."""
    if not parts:
        return empty_flag_table()
    table = pd.concat(parts, ignore_index=True).sort_values(["_row", "_order"], kind="stable")
    return table.loc[:, list(FLAG_COLUMNS)].reset_index(drop=True)


def flags_from_table(table: pd.DataFrame) -> list[Flag]:
    """:class:`Flag` models from a :func:`flag_table` (fields already valid by construction)."""
    records = table.loc[:, list(FLAG_COLUMNS)].to_dict(orient="records")
    return [Flag.model_construct(**{str(k): v for k, v in r.items()}) for r in records]
