"""The week's largest phosphorus and diuretic-load sources, with obvious swaps.

Per food (by SR28 id, else by the name as written) and per group (red meat, dairy, soda,
coffee, tea, other): phosphorus, the diuretic load and caffeine per logged day. Where a top
source has an obvious replacement (a cola -> club soda, coffee -> decaf), the saving is
computed from the USDA values of both foods at the same mass. The swap table is an
editorial choice of this project (no literature values); the savings are USDA SR28 values.

References
----------
.. [1] IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride, p. 156:
   a 12-oz cola has about 50 mg phosphorus, ~5 % of a woman's typical intake.
.. [2] USDA SR28 (2015/2016): cola 14148 (9 mg P and 9 mg caffeine per 100 g; a 12-fl-oz
   can is 370 g), club soda 14121, decaffeinated coffee 14201 and espresso 14202.
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd

from analyzer.foods.table import load_foods

#: Obvious swaps by food category: (SR28 id of the replacement, its household name). A cola
#: or other soda -> club soda (no phosphoric acid, no caffeine); coffee -> decaf coffee.
SWAPS: dict[str, tuple[str, str]] = {
    "soda": ("14121", "sparkling water (club soda)"),
    "coffee": ("14201", "decaf coffee"),
}
#: Espresso drinks swap for decaf espresso instead.
ESPRESSO_SWAP = ("14202", "decaf espresso")
#: A swap is worth naming when it saves at least this much phosphorus or caffeine. [mg/day]
SWAP_MIN_SAVING_MG = 5.0

SOURCE_COLUMNS = (
    "food",
    "food_id",
    "description",
    "category",
    "group",
    "days",
    "amount_per_day",
    "unit",
    "grams_per_day",
    "phosphorus_mg",
    "diuretic_load_mg",
    "caffeine_mg",
    "phosphorus_share",
)
SOURCE_SUMS = ("phosphorus_mg", "diuretic_load_mg", "caffeine_mg", "grams", "quantity")


#: Most names as written listed for one USDA food among the largest sources.
MAX_NAMES_SHOWN = 3


def names_label(names: pd.Series) -> str:
    """The names one USDA food was written as, in order of first use (case and spacing
    aside): ``'jacket potato, new potatoes, roast potatoes'``, ``'... and 2 more'`` past
    :data:`MAX_NAMES_SHOWN`.

    Examples
    --------
    >>> names_label(pd.Series(["jacket potato", "new potatoes", "Jacket  potato"]))
    'jacket potato, new potatoes'
    >>> names_label(pd.Series(["a", "b", "c", "d", "e"]))
    'a, b, c and 2 more'
    """
    firsts: dict[str, str] = {}
    for name in names.dropna():  # a food's few rows, once per food
        firsts.setdefault(" ".join(str(name).split()).casefold(), str(name))
    distinct = list(firsts.values())
    shown = ", ".join(distinct[:MAX_NAMES_SHOWN])
    more = len(distinct) - MAX_NAMES_SHOWN
    return f"{shown} and {more} more" if more > 0 else shown


def sources_by_food(entries: pd.DataFrame, days: int) -> pd.DataFrame:
    """Each food's phosphorus, diuretic load and caffeine in the week, per day.

    Parameters
    ----------
    entries : DataFrame
        The week's analysed entries (``food``, ``food_id``, ``description``, ``category``,
        ``group``, ``unit``, ``quantity``, ``grams``, ``phosphorus_mg``, ``caffeine_mg``,
        ``diuretic_load_mg``).
    days : int
        The days the per-day averages divide by (the week's complete days, as its figures).

    Returns
    -------
    DataFrame
        One row per food (by SR28 id when matched, else by the name as written): ``food``
        (the names it was written as, :func:`names_label`; the USDA description for a name
        written as an id),
        ``food_id``, ``description``, ``category``, ``group``,
        ``amount_per_day`` and ``unit`` (when every entry uses one unit, else NaN and None),
        ``grams_per_day``, ``phosphorus_mg``, ``diuretic_load_mg``, ``caffeine_mg`` (per
        day; NaN when all unknown), ``phosphorus_share`` (of the week's phosphorus, [-]).
    """
    if entries.empty:
        return pd.DataFrame(columns=list(SOURCE_COLUMNS))
    frame = entries.copy()
    for column in ("food", "food_id", "description", "unit"):
        if column not in frame.columns:
            frame[column] = pd.Series(pd.NA, index=frame.index, dtype="string")
    for column in SOURCE_SUMS:
        if column not in frame.columns:
            frame[column] = np.nan
    description = frame["description"].astype("string")
    names = frame["food"].astype("string").fillna(description)
    written_as_id = names.str.fullmatch(r"\d{1,5}").fillna(False) & description.notna()
    names = names.where(~written_as_id, description)
    key = frame["food_id"].astype("string").fillna("name:" + names.fillna(""))
    frame = frame.assign(_key=key, _name=names)
    grouped = frame.groupby("_key", sort=False)
    sums = grouped[list(SOURCE_SUMS)].sum(min_count=1)
    first = grouped[["food_id", "description", "category", "group"]].first()
    units = grouped["unit"].agg(lambda u: u.iloc[0] if u.nunique(dropna=False) == 1 else None)
    out = first.join(sums)
    out["food"] = grouped["_name"].agg(names_label)
    out["unit"] = units
    out["days"] = days
    per_day = out[list(SOURCE_SUMS)].div(days)
    out["amount_per_day"] = per_day["quantity"].where(out["unit"].notna())
    out["grams_per_day"] = per_day["grams"]
    for name in ("phosphorus_mg", "diuretic_load_mg", "caffeine_mg"):
        out[name] = per_day[name]
    total_p = out["phosphorus_mg"].sum(min_count=1)
    out["phosphorus_share"] = out["phosphorus_mg"] / total_p if total_p > 0 else np.nan
    return out.reset_index(drop=True)[list(SOURCE_COLUMNS)]


def sources_by_group(entries: pd.DataFrame, days: int) -> pd.DataFrame:
    """Per group (red_meat, dairy, soda, coffee, tea, other): phosphorus and diuretic load.

    Returns
    -------
    DataFrame
        Indexed by ``group``: per-day ``phosphorus_mg``, ``phosphorus_share`` [-],
        ``diuretic_load_mg`` and its parts ``caffeine_calcium_mg``, ``protein_calcium_mg``,
        ``sodium_calcium_mg`` where the entries have them, and ``caffeine_mg``. [mg/day]
    """
    parts = [
        c
        for c in (
            "phosphorus_mg",
            "diuretic_load_mg",
            "caffeine_calcium_mg",
            "protein_calcium_mg",
            "sodium_calcium_mg",
            "caffeine_mg",
        )
        if c in entries.columns
    ]
    table = entries.groupby("group", sort=True)[parts].sum(min_count=1).div(days)
    total_p = table["phosphorus_mg"].sum(min_count=1)
    table["phosphorus_share"] = table["phosphorus_mg"] / total_p if total_p > 0 else np.nan
    return table


def swaps_for(
    by_food: pd.DataFrame, nutrients_per_100g: pd.DataFrame, limit: int = 3
) -> list[dict[str, Any]]:
    """Obvious swaps for the week's sodas and coffees, largest saving first.

    Parameters
    ----------
    by_food : DataFrame
        From :func:`sources_by_food`.
    nutrients_per_100g : DataFrame
        Indexed by SR28 id, with ``phosphorus_mg`` and ``caffeine_mg`` per 100 g (for the
        replacement foods of :data:`SWAPS`).
    limit : int
        Most swaps returned.

    Returns
    -------
    list of dict
        ``food``, ``description``, ``amount_per_day``, ``unit``, ``phosphorus_mg`` and
        ``caffeine_mg`` per day now, ``swap_food_id``, ``swap`` (household name), and the
        savings ``saves_phosphorus_mg``, ``saves_caffeine_mg`` [mg/day] (same mass of the
        replacement).
    """
    out: list[dict[str, Any]] = []
    for row in by_food[by_food["category"].isin(list(SWAPS))].itertuples(index=False):
        swap_id, swap_name = SWAPS[str(row.category)]
        if "espresso" in str(row.description).lower():
            swap_id, swap_name = ESPRESSO_SWAP
        if swap_id == row.food_id or swap_id not in nutrients_per_100g.index:
            continue
        grams = float(row.grams_per_day)
        replacement = nutrients_per_100g.loc[swap_id]
        saves = {}
        for name in ("phosphorus_mg", "caffeine_mg"):
            have = float(getattr(row, name))
            instead = float(replacement[name]) * grams / 100.0
            saves[name] = max(0.0, have - instead) if not math.isnan(have + instead) else 0.0
        if max(saves.values()) < SWAP_MIN_SAVING_MG:
            continue
        out.append(
            {
                "food": row.food,
                "food_id": row.food_id,
                "description": row.description,
                "days": row.days,
                "amount_per_day": row.amount_per_day,
                "unit": row.unit,
                "grams_per_day": grams,
                "phosphorus_mg": row.phosphorus_mg,
                "caffeine_mg": row.caffeine_mg,
                "swap_food_id": swap_id,
                "swap": swap_name,
                "saves_phosphorus_mg": saves["phosphorus_mg"],
                "saves_caffeine_mg": saves["caffeine_mg"],
            }
        )
    out.sort(key=lambda s: -(s["saves_phosphorus_mg"] + s["saves_caffeine_mg"]))
    return out[:limit]


def swap_nutrients() -> pd.DataFrame:
    """Phosphorus and caffeine per 100 g of the replacement foods of :data:`SWAPS`. [mg]"""
    foods = load_foods().set_index("id")
    ids = [food_id for food_id, _ in (*SWAPS.values(), ESPRESSO_SWAP)]
    return foods.loc[foods.index.intersection(ids), ["phosphorus_mg", "caffeine_mg"]]
