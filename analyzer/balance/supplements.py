"""Supplements in the balance: how their calcium is absorbed, and the food/supplement split.

An entry is a supplement when its ``supplement`` column names its form (your supplements,
``--foods``: ``calcium carbonate``, ``form not stated``); everything else is food.

Absorption (:func:`supplement_absorption`): a supplement's calcium counts in its eating
occasion's load like any food's (Weaver's load equation, per dose), with the absorptive index
its source gives for its form and for how it was taken: *with a meal* when its eating occasion
holds food, *alone* otherwise (``absorption_index.csv``: carbonate and citrate with a meal as
milk, Heaney et al. 2001; alone, Recker 1985: carbonate 0.63, citrate 0.68; citrate malate and
phosphate as Weaver's fortified foods). A supplement without a named form is taken as calcium
carbonate. Its phosphorus (calcium phosphate) is inorganic, absorbed as additive phosphate.
Its PRAL is 0: PRAL's coefficients are for foods, and a supplement's acid load depends on its
anion (carbonate, citrate, chloride), which the formula lacks.

Totals (:func:`supplement_totals`): per day, each mineral from food and from supplements
(``calcium_food_mg``, ``calcium_supplement_mg``, ...; the total ``calcium_mg`` is their sum,
and the calcium UL applies to it) and the largest supplement calcium taken at once
(``calcium_supplement_max_dose_mg``: absorption falls as the load rises, so a dose above
500 mg is flagged).

References
----------
.. [1] Recker RR 1985, N Engl J Med 313:70-73.
.. [2] Heaney RP et al. 2001, J Am Coll Nutr 20(3):239-246.
.. [3] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193).
.. [4] Heaney RP, Weaver CM, Fitzsimmons ML 1990, J Bone Miner Res 5(11).
"""

from __future__ import annotations

from collections.abc import Mapping
from typing import Any

import numpy as np
import pandas as pd

from analyzer.foods.supplements import calcium_absorption_classes
from analyzer.reference import load_table

#: Minerals split into "from food" and "from supplements".
SPLIT_MINERALS = ("calcium", "phosphorus", "magnesium", "potassium", "sodium")
#: Phosphorus class of a supplement's phosphorus (inorganic phosphate).
SUPPLEMENT_PHOSPHORUS_CLASS = "additive"
#: Per-entry column: the supplement calcium of the entry's eating occasion (one dose). [mg]
DOSE_COLUMN = "occasion_supplement_calcium_mg"
#: Daily column: the day's largest supplement dose of calcium. [mg]
MAX_DOSE_COLUMN = "calcium_supplement_max_dose_mg"


#: Per-entry column set by :func:`supplement_absorption`: the entry is a supplement.
FLAG_COLUMN = "is_supplement"


def is_supplement(entries: pd.DataFrame) -> np.ndarray:
    """Which entries are supplements (a non-empty ``supplement`` column; :data:`FLAG_COLUMN`
    when already set)."""
    if FLAG_COLUMN in entries.columns:
        return entries[FLAG_COLUMN].to_numpy(dtype=bool)
    if "supplement" not in entries.columns:
        return np.zeros(len(entries), dtype=bool)
    forms = entries["supplement"].to_numpy(dtype=object, na_value="")
    return np.asarray(forms != "", dtype=bool)


def supplement_absorption(entries: pd.DataFrame, codes: np.ndarray) -> None:
    """Set the absorption classes of supplement entries, and each entry's occasion dose.

    Parameters
    ----------
    entries : DataFrame
        Entries with ``supplement``, ``calcium_mg`` and the classes of
        :func:`analyzer.balance.absorption.classify` (changed in place; :data:`FLAG_COLUMN`
        and :data:`DOSE_COLUMN` added).
    codes : ndarray of int
        Eating occasion of each entry (:func:`analyzer.balance.occasions.occasion_keys`).
    """
    supplement = is_supplement(entries)
    entries[FLAG_COLUMN] = supplement
    if not supplement.any():
        entries[DOSE_COLUMN] = 0.0
        return
    size = int(codes.max()) + 1
    calcium = entries["calcium_mg"].fillna(0.0).to_numpy(dtype=float)
    doses = np.bincount(codes[supplement], weights=calcium[supplement], minlength=size)
    entries[DOSE_COLUMN] = np.where(supplement, doses[codes], 0.0)
    food = np.bincount(codes, weights=(~supplement).astype(float), minlength=size) > 0
    with_meal = food[codes]
    rows = np.flatnonzero(supplement)
    forms = entries["supplement"].to_numpy(dtype=object)[rows]
    classes = {
        key: calcium_absorption_classes(str(key[0]))[0 if key[1] else 1]
        for key in set(zip(forms, with_meal[rows], strict=True))
    }
    chosen = np.array(
        [classes[key] for key in zip(forms, with_meal[rows], strict=True)], dtype=object
    )
    index = load_table("absorption_index.csv").set_index("absorption_class")["index"]
    fraction = load_table("phosphorus_bioavailability.csv").set_index("phosphorus_class")
    entries.loc[entries.index[rows], "absorption_class"] = chosen
    entries.loc[entries.index[rows], "calcium_absorption_index"] = index.reindex(chosen).to_numpy(
        dtype=float
    )
    entries.loc[entries.index[rows], "phosphorus_class"] = SUPPLEMENT_PHOSPHORUS_CLASS
    entries.loc[entries.index[rows], "phosphorus_absorption"] = float(
        fraction.loc[SUPPLEMENT_PHOSPHORUS_CLASS, "fraction"]
    )


def supplement_totals(
    entries: pd.DataFrame, codes: np.ndarray, size: int, day: Mapping[str, Any]
) -> dict[str, np.ndarray]:
    """Per day: each mineral from food and from supplements, and the largest dose.

    Parameters
    ----------
    entries : DataFrame
        Analysed entries (nutrients, ``supplement``, :data:`DOSE_COLUMN`).
    codes : ndarray of int
        Day (row of the daily table) of each entry.
    size : int
        Days.
    day : mapping
        The day's totals already summed: ``<mineral>_mg`` (NaN when every entry lacks it)
        and ``<mineral>_mg_unknown`` (entries lacking it); the food part is the total less
        the supplements' part, so only the supplement entries are summed here.

    Returns
    -------
    dict
        ``<mineral>_food_mg`` and ``<mineral>_supplement_mg`` for :data:`SPLIT_MINERALS`
        (the sum of the known values; 0 when the day has no entry of that kind, NaN when
        its entries of that kind all lack the mineral) and :data:`MAX_DOSE_COLUMN` (0
        without supplements). [mg]
    """
    supplement = is_supplement(entries)
    rows = np.bincount(codes, minlength=size).astype(float)
    taken = codes[supplement]
    supplement_rows = np.bincount(taken, minlength=size).astype(float)
    out: dict[str, np.ndarray] = {}
    for mineral in SPLIT_MINERALS:
        column = f"{mineral}_mg"
        total = np.asarray(day[column], dtype=float)
        values = entries[column].to_numpy(dtype=float)[supplement]
        known = ~np.isnan(values)
        part = np.bincount(taken, weights=np.where(known, values, 0.0), minlength=size)
        part_known = np.bincount(taken, weights=known.astype(float), minlength=size)
        food_known = rows - np.asarray(day[f"{column}_unknown"], dtype=float) - part_known
        out[f"{mineral}_supplement_mg"] = np.where(
            supplement_rows > 0, np.where(part_known > 0, part, np.nan), 0.0
        )
        food_rows = rows - supplement_rows
        out[f"{mineral}_food_mg"] = np.where(
            food_rows > 0, np.where(food_known > 0, np.nan_to_num(total) - part, np.nan), 0.0
        )
    largest = np.zeros(size)
    if supplement.any():
        np.maximum.at(largest, taken, entries[DOSE_COLUMN].to_numpy(dtype=float)[supplement])
    out[MAX_DOSE_COLUMN] = largest
    return out
