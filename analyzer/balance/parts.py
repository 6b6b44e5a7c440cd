"""Recipe entries as the foods they are made of: one row per ingredient, totals unchanged.

A recipe entry ("1 serving of Sunday chili") holds beef, beans and cheese. Its calcium is
absorbed by each ingredient's own class (cheese as milk, beans as legumes), its phosphorus by
each ingredient's source class, and its diuretic load belongs to each ingredient's group (the
beef's protein to red meat, the cheese's to dairy). The simplest design that keeps every total
exact is to analyse the recipe entry as its ingredients: :func:`expand_recipes` replaces each
recipe entry by its parts (:attr:`analyzer.diary.Diary.parts`, the foods of the recipe scaled to
the entry's grams, nested recipes flattened), each keeping the entry's person, date, time,
meal and line, so they stay in the entry's eating occasion and day. The parts' nutrients add
up to the entry's (both are the recipe's per-gram values times the entry's grams), and an
ingredient lacking a value stays unknown exactly as if it had been logged on its own.

Every row gets ``entry`` (the diary entry it comes from), ``part`` (0 for an entry's first
row, so ``part == 0`` counts diary entries), ``recipe`` (the recipe's name; <NA> for other
entries) and, for parts, ``food`` = ``"<ingredient> (in <recipe>)"``, ``quantity`` = its
grams, ``unit`` = ``g``.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.foods.match_result import MATCH_COLUMNS
from analyzer.nutrients import NUTRIENT_COLUMNS

#: Columns of a part that replace the entry's.
_PART_VALUES = (
    *MATCH_COLUMNS,
    "grams",
    *NUTRIENT_COLUMNS,
)


def expand_recipes(entries: pd.DataFrame, parts: pd.DataFrame | None) -> pd.DataFrame:
    """Prepared entries with each recipe entry replaced by its parts.

    Parameters
    ----------
    entries : DataFrame
        Prepared entries (:func:`analyzer.balance.entries.prepare_entries`), indexed by the
        diary entry's row.
    parts : DataFrame or None
        :attr:`analyzer.diary.Diary.parts` (``entry``, ``recipe``, ``ingredient`` and the
        part's food, ``grams`` and nutrients in the entry).

    Returns
    -------
    DataFrame
        The entries in diary order, a recipe entry's parts in its place; with ``entry``,
        ``part`` and ``recipe`` (see the module docstring). Without parts, ``entries`` itself
        with those columns added.

    Examples
    --------
    >>> entries = pd.DataFrame({"food": ["chili", "milk"], "calcium_mg": [150.0, 276.0]})
    >>> parts = pd.DataFrame({"entry": [0, 0], "recipe": ["chili", "chili"],
    ...     "ingredient": ["beef", "cheese"], "calcium_mg": [30.0, 120.0]})
    >>> out = expand_recipes(entries, parts)
    >>> out["food"].tolist()
    ['beef (in chili)', 'cheese (in chili)', 'milk']
    >>> out["part"].tolist(), out["calcium_mg"].tolist()
    ([0, 1, 0], [30.0, 120.0, 276.0])
    """
    out = entries
    out["entry"] = out.index.to_numpy()
    out["part"] = 0
    out["recipe"] = pd.Series(pd.NA, index=out.index, dtype="string")
    known = parts if parts is not None and not parts.empty else None
    if known is None:
        return out
    known = known[known["entry"].isin(out.index)]
    if known.empty:
        return out
    positions = out.index.get_indexer(known["entry"])
    expanded = out.iloc[positions].reset_index(drop=True)
    for column in _PART_VALUES:
        if column in known.columns and column in expanded.columns:
            expanded[column] = known[column].to_numpy()
    expanded["recipe"] = pd.array(known["recipe"].astype(str).to_numpy(), dtype="string")
    food = known["ingredient"].astype(str) + " (in " + known["recipe"].astype(str) + ")"
    expanded["food"] = pd.array(food.to_numpy(), dtype="string")
    if "grams" in expanded.columns:
        expanded["quantity"] = expanded["grams"]
        expanded["unit"] = pd.array(["g"] * len(expanded), dtype="string")
    expanded["part"] = known.groupby("entry", sort=False).cumcount().to_numpy()
    whole = out[~out.index.isin(known["entry"])]
    merged = pd.concat([whole, expanded], ignore_index=True)
    order = np.lexsort((merged["part"].to_numpy(), merged["entry"].to_numpy()))
    merged = merged.iloc[order].reset_index(drop=True)
    for column in ("food_id", "description", "category", "food"):
        if column in merged.columns:
            merged[column] = merged[column].astype("string")
    if "category" in merged.columns:
        merged["category"] = merged["category"].fillna("other")
    return merged


def diary_entries(entries: pd.DataFrame) -> pd.DataFrame:
    """One row per diary entry: the rows whose ``part`` is 0 (all rows without parts)."""
    if "part" not in entries.columns:
        return entries
    return entries[entries["part"].to_numpy() == 0]
