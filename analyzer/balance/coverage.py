"""Coverage and completeness: how much of a day's food its figures rest on (one home).

A day's figure is only as good as the share of the day's food behind it. That share is
measured by **energy**, else by **weight**, else by entries, never by counting entries
alone: a supplement pill or a medication with no calcium value weighs nothing and must not
make a day's Ca:P ratio unknown, while an unmatched dinner must make the day incomplete.

Weights (per day, :func:`coverage_shares`):

- the day's *basis* is energy when some entry's energy is known and above zero, else grams
  when some entry's weight is known, else the number of entries;
- an entry weighs its energy (or grams) when known; an entry whose energy (grams) is unknown,
  and every diary row of the day that could not be used (unknown food, unit or amount),
  counts as an *average entry* of that day (the day's known total over its known entries).

Shares (fractions of the day's weight): ``unused_share`` is the part in rows not used;
``<mineral>_unknown_share`` the part whose mineral is unknown (entries lacking it, plus the
rows not used).

Rules (thresholds in ``coefficients.csv``, each this tool's choice, tag C):

- a mineral's figure is *usable* (for the Ca:P ratio, the flags and the plan) when at least
  :data:`COVERAGE_MIN_FRACTION` (90 %) of the food has it; below that it is shown as
  "at least" the known part;
- a day is *incomplete* when more than :data:`INCOMPLETE_UNUSED_SHARE` (a quarter) of its
  food could not be used, when its known energy is below ``implausible_energy_fraction``
  (half) of the profile's sedentary energy need (Dietary Guidelines), or when the app itself
  marks the day as not completed (Cronometer's ``Completed`` column);
- averages, flags and the plan use complete days only (:mod:`analyzer.balance.weeks`); a
  week is incomplete when it has no complete day or more than a quarter of its food (the
  mean of its logged days' shares) could not be used.

References
----------
.. [1] USDA/HHS, Dietary Guidelines for Americans, Appendix 2, estimated calorie needs
   (sedentary), the basis of ``energy_needs.csv``.
"""

from __future__ import annotations

from typing import Any

import numpy as np
import pandas as pd

from analyzer.nutrients import CA_P, TARGET_MINERALS
from analyzer.reference import coefficient

#: Least share of a day's (or week's) food whose value is known for its figure to be used for
#: the Ca:P ratio, the flags and the plan (this tool's choice, ``coefficient_min_fraction``).
COVERAGE_MIN_FRACTION: float = coefficient("coverage_min_fraction")
#: Share of a day's (or week's) food in rows not used above which it is incomplete.
INCOMPLETE_UNUSED_SHARE: float = coefficient("incomplete_unused_share")
#: Columns added to the daily table by :func:`coverage_shares` (shares are fractions).
SHARE_COLUMNS = ("unused_share", *(f"{m}_unknown_share" for m in TARGET_MINERALS))
#: Tolerance for comparing shares with thresholds.
_EPSILON = 1e-9


def _per_day(values: np.ndarray, codes: np.ndarray, size: int) -> np.ndarray:
    return np.bincount(codes, weights=values, minlength=size)


def _basis_weights(
    values: np.ndarray, codes: np.ndarray, size: int
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Per entry weight on one basis (unknown -> the day's mean), the day's mean, usable days."""
    known = ~np.isnan(values)
    totals = _per_day(np.where(known, values, 0.0), codes, size)
    counts = _per_day(known.astype(float), codes, size)
    with np.errstate(invalid="ignore", divide="ignore"):
        mean = np.where(counts > 0, totals / counts, 0.0)
    weights = np.where(known, values, mean[codes])
    return weights, mean, totals > 0


def coverage_shares(
    entries: pd.DataFrame, codes: np.ndarray, size: int, unused: np.ndarray
) -> dict[str, np.ndarray]:
    """Per day: the basis and the shares of its food that are unused or lack each mineral.

    Parameters
    ----------
    entries : DataFrame
        The used entries: ``energy_kcal``, optional ``grams``, ``<mineral>_mg``.
    codes : ndarray of int
        Day (row of the daily table) of each entry.
    size : int
        Days in the daily table.
    unused : ndarray of float
        Rows not used per day (NaN: not known per day, taken as 0).

    Returns
    -------
    dict
        ``coverage_basis`` ("energy", "grams" or "entries") and the fractions of
        :data:`SHARE_COLUMNS`, one value per day.

    Examples
    --------
    Two foods of 1,200 and 700 kcal, a vitamin pill (0 kcal, no calcium) and one unmatched
    row: the pill weighs nothing; the unmatched row counts as an average entry,
    (1,200 + 700 + 0) / 3 = 633.3 kcal, so 633.3 / (1,900 + 633.3) = 25 % of the day is
    unknown, for every mineral (the pill adds nothing to that).

    >>> entries = pd.DataFrame({"energy_kcal": [1200.0, 700.0, 0.0],
    ...     "calcium_mg": [400.0, 300.0, np.nan], "phosphorus_mg": [500.0, 400.0, np.nan],
    ...     "magnesium_mg": [90.0, 60.0, np.nan], "potassium_mg": [900.0, 800.0, np.nan]})
    >>> shares = coverage_shares(entries, np.zeros(3, dtype=int), 1, np.array([1.0]))
    >>> [round(float(shares[k][0]), 4) for k in ("unused_share", "calcium_unknown_share")]
    [0.25, 0.25]
    """
    n = len(entries)
    energy = entries["energy_kcal"].to_numpy(dtype=float) if n else np.zeros(0)
    grams = (
        entries["grams"].to_numpy(dtype=float)
        if "grams" in entries.columns
        else np.full(n, np.nan)
    )
    by_energy, energy_mean, energy_ok = _basis_weights(energy, codes, size)
    by_grams, grams_mean, grams_ok = _basis_weights(grams, codes, size)
    basis = np.where(energy_ok, 0, np.where(grams_ok, 1, 2))  # energy, grams, entries
    day_basis = basis[codes] if n else np.zeros(0, dtype=np.intp)
    weights = np.where(day_basis == 0, by_energy, np.where(day_basis == 1, by_grams, 1.0))
    mean = np.where(energy_ok, energy_mean, np.where(grams_ok, grams_mean, 1.0))
    unused_weight = np.nan_to_num(np.asarray(unused, dtype=float)) * mean
    total = _per_day(weights, codes, size) + unused_weight
    names = np.asarray(["energy", "grams", "entries"], dtype=object)
    out: dict[str, np.ndarray] = {"coverage_basis": names[basis]}
    with np.errstate(invalid="ignore", divide="ignore"):
        out["unused_share"] = np.where(total > 0, unused_weight / total, 0.0)
        for mineral in TARGET_MINERALS:
            lacking = entries[f"{mineral}_mg"].isna().to_numpy(dtype=bool) if n else np.zeros(0)
            unknown = _per_day(np.where(lacking, weights, 0.0), codes, size) + unused_weight
            out[f"{mineral}_unknown_share"] = np.where(total > 0, unknown / total, 0.0)
    return out


def share_usable(share: Any) -> Any:
    """The coverage rule: at most 1 - :data:`COVERAGE_MIN_FRACTION` of the food lacks the value.

    Examples
    --------
    >>> share_usable(np.array([0.0, 0.1, 0.2])).tolist()
    [True, True, False]
    """
    return np.asarray(share, dtype=float) <= 1.0 - COVERAGE_MIN_FRACTION + _EPSILON


def share_text(share: float) -> str:
    """A share of the food as a percent, with a decimal where a whole percent would hide
    which side of the coverage rule (:func:`share_usable`) it is on.

    Examples
    --------
    >>> share_text(0.23), share_text(0.097), share_text(0.102)
    ('23%', '9.7%', '10.2%')
    """
    limit = 1.0 - COVERAGE_MIN_FRACTION
    return f"{share:.1%}" if abs(share - limit) < 0.005 + _EPSILON else f"{share:.0%}"


def unused_acceptable(share: Any) -> Any:
    """Whether a day's (or week's) share of food not used keeps it complete (<= a quarter)."""
    return np.nan_to_num(np.asarray(share, dtype=float)) <= INCOMPLETE_UNUSED_SHARE + _EPSILON


def energy_floor(need_kcal: Any, fraction: float | None = None) -> np.ndarray:
    """Known energy below which a day is implausibly little food. [kcal/day]

    Parameters
    ----------
    need_kcal : array-like
        Sedentary energy need per day (NaN: none known, no check). [kcal/day]
    fraction : float, optional
        ``Settings.implausible_energy_fraction``; default ``implausible_energy_fraction``
        of ``coefficients.csv`` (0.5).
    """
    share = coefficient("implausible_energy_fraction") if fraction is None else fraction
    return np.asarray(need_kcal, dtype=float) * share


def _per_value(values: np.ndarray, pattern: str) -> np.ndarray:
    """Numbers as text, formatted once per distinct value (NaN as ``""``)."""
    codes, uniques = pd.factorize(np.asarray(values, dtype=float))
    words = np.asarray([pattern.format(v) for v in uniques] + [""], dtype=object)
    return words[codes]


def day_completeness(
    daily: pd.DataFrame, need_kcal: Any, fraction: float | None = None
) -> tuple[np.ndarray, np.ndarray]:
    """Which days are complete, and why the others are not.

    Parameters
    ----------
    daily : DataFrame
        Daily rows with ``unused_share``, ``energy_kcal``, ``entries``, ``unmatched`` and,
        when the app says, ``app_completed`` (False: the app marks the day not completed).
    need_kcal : float or array
        The profile's sedentary energy need for each row (NaN: no check). [kcal/day]
    fraction : float, optional
        See :func:`energy_floor`.

    Returns
    -------
    complete : ndarray of bool
    reasons : ndarray of str
        ``""`` for complete days, else the reasons joined by ``"; "``, e.g. ``"38% of its
        food could not be used (3 rows)"``.
    """
    size = len(daily)
    unused = daily["unused_share"].to_numpy(dtype=float) if size else np.zeros(0)
    energy = daily["energy_kcal"].to_numpy(dtype=float) if size else np.zeros(0)
    need = np.broadcast_to(np.asarray(need_kcal, dtype=float), (size,))
    floor = energy_floor(need, fraction)
    rows = pd.to_numeric(daily.get("unmatched", pd.Series(0, index=daily.index)), errors="coerce")
    rows = rows.fillna(0).to_numpy(dtype=float)
    app = (
        daily["app_completed"].astype("boolean").fillna(True).to_numpy(dtype=bool)
        if "app_completed" in daily.columns
        else np.ones(size, dtype=bool)
    )
    too_unused = ~unused_acceptable(unused)
    with np.errstate(invalid="ignore"):
        too_little = (energy < floor) & (floor > 0)
    complete = ~too_unused & ~too_little & app
    return complete, _reasons(too_unused, too_little, app, unused, rows, energy, floor, need)


def _reasons(
    too_unused: np.ndarray,
    too_little: np.ndarray,
    app: np.ndarray,
    unused: np.ndarray,
    rows: np.ndarray,
    energy: np.ndarray,
    floor: np.ndarray,
    need: np.ndarray,
) -> np.ndarray:
    """Why each day is incomplete ("" for complete days), written for those days only."""
    text = np.full(len(unused), "", dtype=object)
    at = np.flatnonzero(too_unused)
    plural = np.where(rows[at] == 1, "", "s")
    unused_text = (
        _per_value(np.round(unused[at] * 100), "{:.0f}") + "% of its food could not be used ("
        + _per_value(rows[at], "{:.0f}") + " row" + plural + ")"
    )  # fmt: skip
    little = np.flatnonzero(too_little)
    share = np.divide(floor[little], need[little], where=need[little] > 0,
                      out=np.zeros(len(little)))  # fmt: skip
    energy_text = (
        "only " + _per_value(np.round(energy[little]), "{:,.0f}") + " kcal logged, under "
        + _per_value(np.round(share * 100), "{:.0f}")
        + "% of the " + _per_value(need[little], "{:,.0f}")
        + " kcal a sedentary person of this profile needs"
    )  # fmt: skip
    marked = np.flatnonzero(~app)
    app_text = np.full(len(marked), "the app marks the day as not completed", dtype=object)
    for where, part in ((at, unused_text), (little, energy_text), (marked, app_text)):
        current = text[where]
        text[where] = np.where(current != "", current + "; " + part, part)
    return text


def week_complete(days_complete: Any, unused_share: Any) -> np.ndarray:
    """A week (or window) can be judged: it has a complete day and at most a quarter unused.

    Parameters
    ----------
    days_complete : array-like of int
        Complete days of each week.
    unused_share : array-like of float
        Mean share of the food of each week's logged days in rows not used.

    Examples
    --------
    >>> week_complete([5, 0, 7], [0.1, 0.0, 0.34]).tolist()
    [True, False, False]
    """
    days = np.asarray(days_complete, dtype=float)
    return (days >= 1) & unused_acceptable(unused_share)


def complete_days(week_daily: pd.DataFrame) -> pd.DataFrame:
    """The rows of complete days (all rows when the table has no ``complete`` column)."""
    if "complete" not in week_daily.columns:
        return week_daily
    return week_daily[week_daily["complete"].astype(bool)]


def _shares(frame: pd.DataFrame, mineral: str) -> pd.Series:
    """Per row: the share of the food lacking ``mineral`` (from counts when no share column)."""
    column = f"{mineral}_unknown_share"
    if column in frame.columns:
        return frame[column].astype(float).fillna(0.0)
    if "entries" not in frame.columns:
        return pd.Series(0.0, index=frame.index)
    entries = frame["entries"].astype(float)
    unknown = frame.get(f"{mineral}_mg_unknown", pd.Series(0.0, index=frame.index))
    share = unknown.astype(float).fillna(0.0) / entries.where(entries > 0)
    return share.fillna(0.0)


def mineral_coverage(week_daily: pd.DataFrame) -> dict[str, dict[str, Any]]:
    """How much of the week's food has each mineral, and whether its total can be used.

    Counted over the complete days (those the week's figures average).

    Parameters
    ----------
    week_daily : DataFrame
        The week's rows of the daily table (``entries``, ``<mineral>_mg_unknown`` and, from
        :func:`analyzer.balance.totals.daily_totals`, ``<mineral>_unknown_share``).

    Returns
    -------
    dict
        Per mineral of :data:`~analyzer.nutrients.TARGET_MINERALS`: ``entries``,
        ``unknown``, ``known`` (counts), ``unknown_share`` (mean over the days of the share of
        their food, by energy, else weight, else entries, lacking it), ``complete`` (no entry
        lacks it) and ``usable`` (at least :data:`COVERAGE_MIN_FRACTION` of the food has it,
        so the week's figure is used for the ratio, the plan and the flags; else it is shown
        as "at least").

    Examples
    --------
    Without share columns the shares come from the counts (3/4 and 2/3 of the entries):

    >>> daily = pd.DataFrame({"entries": [4, 3], "phosphorus_mg_unknown": [3, 2]})
    >>> coverage = mineral_coverage(daily)["phosphorus"]
    >>> coverage["known"], round(coverage["unknown_share"], 4), coverage["usable"]
    (2, 0.7083, False)
    """
    used = complete_days(week_daily)
    entries = int(used["entries"].sum()) if "entries" in used.columns else 0
    out: dict[str, dict[str, Any]] = {}
    for mineral in TARGET_MINERALS:
        column = f"{mineral}_mg_unknown"
        unknown = int(used[column].sum()) if column in used.columns else 0
        share = float(_shares(used, mineral).mean()) if len(used) else 0.0
        out[mineral] = {
            "entries": entries,
            "unknown": unknown,
            "known": max(entries - unknown, 0),
            "unknown_share": share,
            "complete": unknown == 0,
            "usable": bool(share_usable(share)) and (entries == 0 or entries > unknown),
        }
    return out


def ratio_usable(daily: pd.DataFrame) -> pd.Series:
    """Per daily row: whether enough of its food has calcium and phosphorus for Ca:P.

    Parameters
    ----------
    daily : DataFrame
        Rows of the daily table (``<mineral>_unknown_share``, else ``entries`` and
        ``<mineral>_mg_unknown``); a row without either (a day not logged) is usable.

    Examples
    --------
    >>> day = pd.DataFrame({"calcium_unknown_share": [0.05, 0.2],
    ...                     "phosphorus_unknown_share": [0.0, 0.0]})
    >>> ratio_usable(day).tolist()
    [True, False]
    """
    ok = pd.Series(True, index=daily.index)
    for mineral in CA_P:
        ok &= pd.Series(share_usable(_shares(daily, mineral)), index=daily.index)
    return ok
