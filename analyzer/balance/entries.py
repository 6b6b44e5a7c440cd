"""Per-entry metrics: the entries table checked, and what each entry adds to its day.

Absorbable calcium (Weaver et al. 2017): entries are grouped into eating occasions, because
the calcium load is per eating occasion (science.md §3a, §8c; rules:
:mod:`analyzer.balance.occasions`). The occasion's calcium load L is the sum of its known
calcium. Each entry then absorbs

    absorbable_i = Ca_i x min(1, FA_milk(L) x index_i),
    FA_milk(L) = 0.889 - 0.0964 ln(clip(L, 15, 500)),

where index_i is the absorptive index of the entry's food class relative to milk
(:mod:`analyzer.balance.absorption`). So the occasion absorbs FA_milk(L) x sum(Ca_i x
index_i) and each entry's share is weighted by its index. The equation was fitted on loads of
15 to 500 mg (Heaney et al. 1990) and is not extrapolated (:mod:`analyzer.balance.weaver`);
``load_outside_range`` marks the entries of occasions outside that range.

Two bounds are kept beside it: ``absorbable_calcium_one_occasion_mg`` is what the entry would
absorb were its whole day one eating occasion (the largest load, the lowest absorption), for
diaries without eating times; ``calcium_default_index_mg`` is its calcium when its absorption
index is the default 0.5 (an assumption, tag M), so the report can say how much rests on it.

Absorbable phosphorus: P_i x the absorbed fraction of its source class (additive 1.0,
animal 0.5, plant 0.3, mixed 0.625).

References
----------
.. [1] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193), Table 1 and footnote.
.. [2] Heaney RP, Weaver CM, Fitzsimmons ML 1990, J Bone Miner Res 5(11): loads 15-500 mg.
.. [3] Renal Replacement Therapy 2017, Table 1 (10.1186/s41100-017-0095-x).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.balance.absorption import classify
from analyzer.balance.days import Days, days_of
from analyzer.balance.loads import calciuria, group_of, pral
from analyzer.balance.occasions import occasion_keys
from analyzer.balance.supplements import is_supplement, supplement_absorption
from analyzer.balance.weaver import fractional_absorption_milk, load_outside_range
from analyzer.balance.weeks import iso_week
from analyzer.errors import DiaryFormatError
from analyzer.models import Settings
from analyzer.nutrients import NUTRIENT_COLUMNS

_OPTIONAL_TEXT = ("person", "time", "meal", "food", "description", "category", "food_id")


def only_app_totals(entries: pd.DataFrame) -> bool:
    """True when there are entries and every one is an app's day or meal total (``is_total``).

    Such entries name no food, so food groups, eating occasions and absorbable calcium are
    unknown for them.
    """
    if entries.empty or "is_total" not in entries.columns:
        return False
    return bool(entries["is_total"].astype("boolean").fillna(False).all())


def prepare_entries(entries: pd.DataFrame) -> pd.DataFrame:
    """Check an entries table against the contract and fill optional columns.

    Parameters
    ----------
    entries : DataFrame
        Needs ``date`` and the nutrient columns (``calcium_mg``, ...); ``person``, ``meal``,
        ``time``, ``line``, ``food``, ``description``, ``category``, ``food_id`` and
        ``is_total`` (an app's day or meal total rather than one food) are optional.

    Returns
    -------
    DataFrame
        A copy with ``date`` as midnight datetimes, nutrients as float, ``person`` as text
        ("" when none) and the optional columns present.

    Raises
    ------
    DiaryFormatError
        A required column is missing, a date or nutrient is not readable, or a nutrient is
        negative (named with its line).
    """
    missing = [c for c in ("date", *NUTRIENT_COLUMNS) if c not in entries.columns]
    if missing:
        raise DiaryFormatError(
            "entries",
            f"missing columns {', '.join(missing)}",
            "give the columns of Diary.entries (date and per-entry nutrients, NaN = unknown)",
        )
    out = entries.copy(deep=False)  # columns are replaced, never changed in place
    n = len(out)
    if "line" not in out.columns:
        out["line"] = np.arange(1, n + 1)
    try:
        out["date"] = pd.to_datetime(out["date"]).dt.normalize()
    except (ValueError, TypeError) as error:
        raise DiaryFormatError("entries", f"column 'date' is not a date ({error})") from None
    if out["date"].isna().any():
        line = out.loc[out["date"].isna(), "line"].iloc[0]
        raise DiaryFormatError("entries", f"line {line}: missing date")
    for column in NUTRIENT_COLUMNS:
        values = pd.to_numeric(out[column], errors="coerce").astype(float)
        bad = values.isna() & out[column].notna()
        negative = values < 0
        if bad.any() or negative.any():
            where = bad | negative
            line = out.loc[where, "line"].iloc[0]
            raise DiaryFormatError(
                "entries",
                f"line {line}: {column} value {str(out.loc[where, column].iloc[0])!r} is "
                "not a non-negative number",
                "nutrients are amounts per entry; leave unknown values blank",
            )
        out[column] = values
    for column in _OPTIONAL_TEXT:
        if column not in out.columns:
            out[column] = pd.NA
        out[column] = out[column].astype("string")
    out["person"] = out["person"].fillna("")
    out["category"] = out["category"].fillna("other")
    out["is_total"] = (
        out["is_total"].astype("boolean").fillna(False).astype(bool)
        if "is_total" in out.columns
        else False
    )
    return out


def entry_metrics(
    entries: pd.DataFrame, settings: Settings, days: Days | None = None
) -> pd.DataFrame:
    """Add per-entry metrics to prepared entries.

    Added columns: ``group``; ``absorption_class``, ``calcium_absorption_index``,
    ``phosphorus_class``, ``phosphorus_absorption``; ``occasion`` (the eating occasion:
    meal, meal and time, time or ``"line N"``; see :mod:`analyzer.balance.occasions`),
    ``occasion_calcium_mg`` (the load) [mg], ``occasion_caffeine_mg`` [mg],
    ``calcium_fractional_absorption`` [fraction], ``absorbable_calcium_mg`` [mg],
    ``absorbable_phosphorus_mg`` [mg], ``caffeine_calcium_mg``, ``protein_calcium_mg``,
    ``sodium_calcium_mg``, ``diuretic_load_mg`` [mg Ca], ``pral_meq`` [mEq], ``week``
    (ISO week, ``"2026-W47"``), ``load_outside_range`` (the occasion's load is outside the
    15-500 mg of Weaver's equation), ``calcium_outside_load_range_mg``,
    ``calcium_default_index_mg`` and ``absorbable_calcium_one_occasion_mg`` [mg] (see the
    module docstring), ``occasion_supplement_calcium_mg`` (the supplement calcium of the
    entry's occasion: one dose) [mg]. Supplements get the absorption class of their form
    taken with a meal or alone, and a PRAL of 0 (:mod:`analyzer.balance.supplements`).
    ``days`` (:func:`analyzer.balance.days.days_of`) when the caller has them already.
    """
    out = entries
    person_day = (days if days is not None else days_of(out, by_person=True)).person_day
    out["group"] = group_of(out["category"])
    classes = classify(out)
    for column in classes.columns:
        out[column] = classes[column]
    out["occasion"], codes = occasion_keys(out, settings, person_day)
    supplement_absorption(out, codes)  # a supplement's form, with a meal or alone
    out["occasion_calcium_mg"] = _group_sum(out["calcium_mg"], codes)
    out["occasion_caffeine_mg"] = _group_sum(out["caffeine_mg"], codes)
    fa = fractional_absorption_milk(out["occasion_calcium_mg"].fillna(0.0))
    out["calcium_fractional_absorption"] = np.minimum(
        fa * out["calcium_absorption_index"].to_numpy(dtype=float), 1.0
    )
    # An app's day or meal total hides its foods and eating occasions: Weaver's equation
    # needs both, so absorbable calcium and the caffeine of one sitting stay unknown.
    total = out["is_total"].to_numpy(dtype=bool)
    out.loc[total, ["calcium_fractional_absorption", "occasion_caffeine_mg"]] = np.nan
    out["absorbable_calcium_mg"] = out["calcium_mg"] * out["calcium_fractional_absorption"]
    _absorption_bounds(out, total, person_day)
    out["absorbable_phosphorus_mg"] = out["phosphorus_mg"] * out["phosphorus_absorption"]
    parts = calciuria(out, settings)
    for column in parts.columns:
        out[column] = parts[column]
    out["pral_meq"] = pral(out).mask(is_supplement(out), 0.0)  # PRAL is for foods
    out["week"] = iso_week(out["date"])
    return out


def _absorption_bounds(out: pd.DataFrame, total: np.ndarray, day: np.ndarray) -> None:
    """The load-range mark, the default-index calcium and the one-occasion-a-day bound."""
    outside = load_outside_range(out["occasion_calcium_mg"]) & ~total
    out["load_outside_range"] = outside
    calcium = out["calcium_mg"]
    out["calcium_outside_load_range_mg"] = calcium.where(outside, 0.0).where(calcium.notna())
    default = (out["absorption_class"] == "default").fillna(False).to_numpy(dtype=bool)
    out["calcium_default_index_mg"] = calcium.where(default, 0.0).where(calcium.notna())
    day_load = _group_sum(calcium, day)
    index = out["calcium_absorption_index"].to_numpy(dtype=float)
    fraction = np.minimum(fractional_absorption_milk(np.nan_to_num(day_load)) * index, 1.0)
    fraction = np.where(total, np.nan, fraction)
    out["absorbable_calcium_one_occasion_mg"] = calcium * fraction


def _group_sum(values: pd.Series, codes: np.ndarray) -> np.ndarray:
    """Per-row sum of ``values`` over its group (``codes``); NaN when all are unknown."""
    known = values.notna().to_numpy()
    size = int(codes.max()) + 1 if len(codes) else 0
    sums = np.bincount(codes, weights=values.fillna(0.0).to_numpy(dtype=float), minlength=size)
    counts = np.bincount(codes, weights=known.astype(float), minlength=size)
    return np.where(counts[codes] > 0, sums[codes], np.nan)
