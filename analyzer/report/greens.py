"""The greens the plan may suggest, and what each portion of them adds.

The bundled table ``data/greens.csv`` lists each green with its USDA food, its household
measure, its calcium absorption class, its Weaver rank and its vitamin K (SR28 nutrient
430). High-oxalate greens (spinach, chard, beet greens) are offered only for potassium and
magnesium: their calcium is about 5% absorbed (Heaney et al. 1988).

Portions: half-cup steps up to a cap per day that scales with age
(:func:`portion_cap_cups`: the adult cap times the profile's vegetables in the Dietary
Guidelines pattern over the 2,000-kcal pattern's 2 1/2 cups, never more), and never a
serving with more calcium than the 500 mg Weaver's load equation was measured on.

Beside the greens, the non-green sources a dietitian would offer (``data/
calcium_alternatives.csv``: milk, yogurt, calcium-fortified soy drink, calcium-set tofu),
each with its absorption from Weaver's table (:func:`calcium_alternatives`).

References
----------
.. [1] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193), Table 1. (V)
.. [2] Heaney RP et al. 1988, Am J Clin Nutr 47:707-709. (V)
.. [3] Heaney RP, Weaver CM, Fitzsimmons ML 1990, J Bone Miner Res 5(11): loads 15-500 mg.
.. [4] USDA/HHS Dietary Guidelines, Healthy U.S.-Style pattern (vegetables per calorie level).
"""

from __future__ import annotations

import functools
import math
from collections.abc import Callable
from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.balance.weaver import absorbed_calcium_mg, load_range_mg
from analyzer.errors import DataFileError
from analyzer.foods.table import load_foods
from analyzer.foods.units import grams_per_unit
from analyzer.reference import coefficient, data_file

#: Role of a green whose calcium is well absorbed (low oxalate): suggested for calcium.
ROLE_CALCIUM = "calcium"


#: Role of a high-oxalate green: offered only for potassium and magnesium.
ROLE_POTASSIUM_MAGNESIUM = "potassium_magnesium"


#: Label shown with every high-oxalate green (Heaney 1988: spinach Ca about 5 % absorbed).
POTASSIUM_MAGNESIUM_LABEL = "for potassium and magnesium, not calcium"


#: Default cap per green per day, cooked. [cup]
DEFAULT_MAX_CUPS_PER_DAY = 2.0


#: Portion step: Weaver's serving of leafy vegetables is 1/2 cup (~85 g) [1]. [cup]
SERVING_CUPS = 0.5


GREENS_COLUMNS = (
    "food_id",
    "name",
    "species",
    "role",
    "weaver_rank",
    "measure",
    "absorption_class",
    "oxalate_class",
    "index_provenance",
    "source",
)


NUTRIENTS = ("calcium_mg", "phosphorus_mg", "magnesium_mg", "potassium_mg")

#: Grams the per-100-g values of the tables refer to.
GRAMS_PER_100G = 100.0


AbsorbedFn = Callable[[np.ndarray, str], np.ndarray]


def greens_path() -> Path:
    """Path of the bundled greens table ``analyzer/data/greens.csv``."""
    return Path(data_file("greens.csv"))


def load_greens(path: str | Path | None = None) -> pd.DataFrame:
    """Read the table of candidate greens.

    Parameters
    ----------
    path : str or Path, optional
        A CSV with the columns of :data:`GREENS_COLUMNS`; default the bundled table.

    Returns
    -------
    DataFrame
        One row per green: SR28 ``food_id`` (text), household ``name``, ``species`` (a green
        is eaten at most once a day per species), ``role`` (:data:`ROLE_CALCIUM` or
        :data:`ROLE_POTASSIUM_MAGNESIUM`), ``weaver_rank`` (1 = best absorbable calcium per
        serving), ``measure`` (USDA household unit), ``absorption_class`` (a class of
        :mod:`~analyzer.balance.absorption`), ``oxalate_class``,
        ``index_provenance`` and ``source``.

    Raises
    ------
    DataFileError
        When the file is missing or lacks columns.
    """
    file = Path(path) if path is not None else greens_path()
    try:
        table = pd.read_csv(file, dtype={"food_id": str, "weaver_rank": int})
    except (OSError, ValueError) as error:
        raise DataFileError(str(file), f"cannot read the greens table ({error})") from None
    missing = [c for c in GREENS_COLUMNS if c not in table.columns]
    if missing:
        raise DataFileError(
            str(file), f"missing columns {', '.join(missing)}", f"expected {GREENS_COLUMNS}"
        )
    bad_roles = set(table["role"]) - {ROLE_CALCIUM, ROLE_POTASSIUM_MAGNESIUM}
    if bad_roles:
        raise DataFileError(
            str(file),
            f"unknown role {sorted(bad_roles)[0]!r}",
            f"use {ROLE_CALCIUM!r} or {ROLE_POTASSIUM_MAGNESIUM!r}",
        )
    return table.sort_values("weaver_rank", kind="stable").reset_index(drop=True)


def portion_steps(max_cups_per_day: float = DEFAULT_MAX_CUPS_PER_DAY) -> np.ndarray:
    """Portion sizes one may eat in a day: half-cup steps up to the cap. [cup]

    Examples
    --------
    >>> portion_steps(2.0).tolist()
    [0.5, 1.0, 1.5, 2.0]
    """
    if not max_cups_per_day >= SERVING_CUPS:
        raise ValueError(
            f"max cups per day {max_cups_per_day:g} is below one serving ({SERVING_CUPS:g} cup)"
        )
    count = math.floor(max_cups_per_day / SERVING_CUPS + 1e-9)
    return SERVING_CUPS * np.arange(1, count + 1, dtype=float)


def build_candidates(
    greens: pd.DataFrame,
    nutrients_per_100g: pd.DataFrame,
    grams_per_cup: pd.Series,
    absorbed: AbsorbedFn,
    max_cups_per_day: float = DEFAULT_MAX_CUPS_PER_DAY,
) -> pd.DataFrame:
    """One row per (green, portion size) with what that portion adds on the day it is eaten.

    Parameters
    ----------
    greens : DataFrame
        From :func:`load_greens`.
    nutrients_per_100g : DataFrame
        Indexed by food id, with ``description`` and :data:`NUTRIENTS` per 100 g. [mg]
    grams_per_cup : Series
        Indexed by food id: mass of one cup of the cooked green (USDA portion). [g]
    absorbed : callable
        ``absorbed(calcium_load_mg, absorption_class) -> absorbable_calcium_mg``, vectorized
        over loads: Weaver's load equation times the class index
        (:mod:`analyzer.balance.absorption`).
    max_cups_per_day : float
        Cap per green per day. [cup]

    Returns
    -------
    DataFrame
        Columns ``food_id, name, description, species, role, weaver_rank, label, amount``
        (cups), ``unit`` ("cup"), ``grams``, ``calcium_mg``, ``absorbable_calcium_mg``,
        ``phosphorus_mg``, ``magnesium_mg``, ``potassium_mg`` (per portion), ``vitamin_k_ug``
        and ``oxalate_class``. Greens whose calcium or phosphorus is unknown are left out, and
        so are portions with more calcium than Weaver's equation was measured on (500 mg).
    """
    steps = portion_steps(max_cups_per_day)
    rows = greens.merge(
        nutrients_per_100g, left_on="food_id", right_index=True, how="inner", validate="1:1"
    )
    rows = rows.assign(grams_per_cup=rows["food_id"].map(grams_per_cup).astype(float))
    rows = rows.dropna(subset=["grams_per_cup", "calcium_mg", "phosphorus_mg"])
    grid = rows.loc[rows.index.repeat(len(steps))].reset_index(drop=True)
    grid["amount"] = np.tile(steps, len(rows))
    grid["unit"] = "cup"
    grid["grams"] = grid["amount"] * grid["grams_per_cup"]
    scale = grid["grams"] / 100.0
    for nutrient in NUTRIENTS:
        grid[nutrient] = grid[nutrient].astype(float) * scale
    grid["absorbable_calcium_mg"] = 0.0
    for cls, index in grid.groupby("absorption_class").groups.items():
        loads = grid.loc[index, "calcium_mg"].to_numpy(dtype=float)
        grid.loc[index, "absorbable_calcium_mg"] = absorbed(loads, str(cls))
    grid["label"] = np.where(
        grid["role"] == ROLE_POTASSIUM_MAGNESIUM, POTASSIUM_MAGNESIUM_LABEL, "for calcium"
    )
    vitamin_k = grid.get("vitamin_k_ug_per_100g", pd.Series(np.nan, index=grid.index))
    grid["vitamin_k_ug"] = vitamin_k.astype(float) * scale
    grid["oxalate_class"] = grid.get("oxalate_class", pd.Series("", index=grid.index))
    grid = grid[grid["calcium_mg"] <= load_range_mg()[1]].reset_index(drop=True)
    columns = [
        "food_id",
        "name",
        "description",
        "species",
        "role",
        "weaver_rank",
        "label",
        "amount",
        "unit",
        "grams",
        "calcium_mg",
        "absorbable_calcium_mg",
        *NUTRIENTS[1:],
        "vitamin_k_ug",
        "oxalate_class",
    ]
    return grid[columns]


@functools.lru_cache(maxsize=8)
def _default_candidates(max_cups_per_day: float) -> pd.DataFrame:
    greens = load_greens()
    foods = load_foods().set_index("id")
    nutrients = foods.loc[foods.index.intersection(greens["food_id"]), ["description", *NUTRIENTS]]
    grams = pd.Series(
        {
            food_id: grams_per_unit(food_id, measure)
            for food_id, measure in zip(greens["food_id"], greens["measure"], strict=True)
        },
        dtype=float,
    )
    return build_candidates(greens, nutrients, grams, absorbed_calcium_mg, max_cups_per_day)


def default_candidates(max_cups_per_day: float = DEFAULT_MAX_CUPS_PER_DAY) -> pd.DataFrame:
    """:func:`build_candidates` for the bundled greens, USDA foods and portions (cached).

    Parameters
    ----------
    max_cups_per_day : float
        Cap per green per day. [cup]
    """
    return _default_candidates(float(max_cups_per_day)).copy()


def portion_cap_cups(max_cups_per_day: float, vegetables_cup_eq: float | None) -> float:
    """The greens cap per day for a profile: the adult cap scaled by the pattern's vegetables.

    ``cap x min(1, vegetables / 2.5)``, 2 1/2 cup-eq being the vegetables of the Dietary
    Guidelines' 2,000-kcal pattern, rounded down to half cups and never below one half cup.

    Parameters
    ----------
    max_cups_per_day : float
        ``Settings.greens_cups_max_per_day`` (meant for adults). [cup]
    vegetables_cup_eq : float or None
        Vegetables a day of the profile's pattern (``Targets.vegetables_cup_eq``). [cup-eq]

    Examples
    --------
    A 2-year-old (1,000 kcal pattern: 1 cup-eq of vegetables a day): 2 x 1 / 2.5 = 0.8 ->
    1/2 cup; an adult woman (1,800 kcal: 2 1/2 cup-eq) keeps the 2 cups.

    >>> portion_cap_cups(2.0, 1.0), portion_cap_cups(2.0, 2.5), portion_cap_cups(2.0, 3.0)
    (0.5, 2.0, 2.0)
    """
    if vegetables_cup_eq is None or not max_cups_per_day >= SERVING_CUPS:
        return max_cups_per_day
    scale = min(1.0, vegetables_cup_eq / coefficient("greens_reference_vegetables_cup"))
    steps = math.floor(max_cups_per_day * scale / SERVING_CUPS + 1e-9)
    return SERVING_CUPS * max(steps, 1)


def alternatives_path() -> Path:
    """Path of the bundled non-green calcium sources ``analyzer/data/calcium_alternatives.csv``."""
    return Path(data_file("calcium_alternatives.csv"))


@functools.lru_cache(maxsize=1)
def _alternatives() -> pd.DataFrame:
    table = pd.read_csv(alternatives_path(), dtype={"food_id": str})
    foods = load_foods().set_index("id")
    rows = []
    amounts = table["amount"].astype(float).tolist()
    for row, amount in zip(table.itertuples(index=False), amounts, strict=True):
        grams = float(grams_per_unit(str(row.food_id), str(row.measure))) * amount
        food = foods.loc[str(row.food_id)]
        calcium = float(str(food["calcium_mg"])) * grams / GRAMS_PER_100G
        rows.append(
            {
                "food_id": str(row.food_id),
                "name": str(row.name),
                "description": str(food["description"]),
                "amount": amount,
                "unit": str(row.measure),
                "grams": grams,
                "calcium_mg": calcium,
                "absorbable_calcium_mg": float(
                    absorbed_calcium_mg(np.array([calcium]), str(row.absorption_class))[0]
                ),
                "phosphorus_mg": float(str(food["phosphorus_mg"])) * grams / GRAMS_PER_100G,
                "label": f"non-green source; absorption from Weaver's table ({row.weaver_food})",
                "source": str(row.source),
                "confidence": str(row.tag),
            }
        )
    return pd.DataFrame(rows)


def calcium_alternatives() -> pd.DataFrame:
    """Milk, yogurt, fortified soy drink and calcium-set tofu: one serving of each.

    Returns
    -------
    DataFrame
        One row per source: ``food_id``, ``name``, ``description``, ``amount``, ``unit``,
        ``grams``, ``calcium_mg``, ``absorbable_calcium_mg`` (Weaver's load equation for the
        serving eaten alone, times the index of its class), ``phosphorus_mg``, ``label``,
        ``source`` and ``confidence`` (of the absorption figure). [mg per serving]
    """
    return _alternatives().copy()
