"""Diary rows of your own foods: their grams, nutrients, supplement form and recipe parts.

:func:`analyzer.diary.resolve.resolve` matches a row to one of your foods (``my:...``) like
any food; this module weighs it and computes its nutrients from :class:`MyFoods`, once per
distinct (food, unit):

- a custom food or recipe: grams from its units (``2 bars``, ``1 serving``, ``250 g``), the
  nutrients ``grams / 100 x`` its values per 100 g;
- a supplement: counted in its units (``2 tablets``; grams unknown), the nutrients
  ``count x`` its values per unit.

A recipe entry also gets its *parts* (:func:`recipe_parts`): one row per food it is made of,
scaled to the entry's grams, so that the analysis absorbs each ingredient's calcium by its own
class and counts each in its own diuretic-load group (:mod:`analyzer.balance.parts`).
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.diary.model import factorize_columns
from analyzer.errors import UnknownUnitError
from analyzer.foods.myfoods import PART_COLUMNS, MyFoods, my_food_ids
from analyzer.foods.supplements import compound, compound_in
from analyzer.nutrients import NUTRIENT_COLUMNS

#: The ``supplement`` value of a supplement whose label gives only elemental amounts.
UNSTATED_FORM = "form not stated"
#: Columns of :attr:`analyzer.diary.Diary.parts`: the entry (its row of ``Diary.entries``)
#: and its ``line``, the recipe's name, then the part's columns (its weight ``grams`` and
#: nutrients in this entry).
DIARY_PART_COLUMNS = (
    "entry",
    "line",
    "recipe",
    *(c if c != "grams_per_g" else "grams" for c in PART_COLUMNS),
)


def weigh(
    frame: pd.DataFrame, rows: np.ndarray, book: MyFoods
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Grams, status and reason of the ``rows`` of your foods, once per distinct (id, unit).

    Parameters
    ----------
    frame : DataFrame
        Staged rows with ``food_id``, ``quantity``, ``unit`` (and ``unit_written``).
    rows : ndarray of bool
        The rows to weigh (matched to one of your foods, no problem so far).
    book : MyFoods

    Returns
    -------
    grams : ndarray
        For the selected rows: quantity x grams per unit (NaN for supplements, which are
        counted, not weighed, and where the unit is unknown). [g]
    status, reason : ndarray of object
        ``unknown_unit`` and its sentence where the food has no such unit; None elsewhere.
    """
    written = frame["unit_written"] if "unit_written" in frame else frame["unit"]
    codes, distinct = factorize_columns(frame["food_id"][rows], frame["unit"][rows], written[rows])
    per_unit = np.full(len(distinct), np.nan)
    status: list[str | None] = [None] * len(distinct)
    reason: list[str | None] = [None] * len(distinct)
    for i, (food_id, unit, shown) in enumerate(distinct):
        try:
            if book.kind(food_id) == "supplement":
                book.units_per(food_id, unit or None)
            else:
                per_unit[i] = book.grams_per_unit(food_id, unit or None)
        except UnknownUnitError as error:
            status[i] = "unknown_unit" if unit else "missing_unit"
            reason[i] = str(
                UnknownUnitError(
                    shown or unit or "each (a bare count)", error.food, error.available
                )
            )
    quantity = frame["quantity"].to_numpy(dtype="float64")[rows]
    return (
        quantity * per_unit[codes],
        np.array(status, dtype=object)[codes],
        np.array(reason, dtype=object)[codes],
    )


def nutrients(frame: pd.DataFrame, rows: np.ndarray, book: MyFoods) -> pd.DataFrame:
    """Nutrients of the ``rows`` of your foods (columns of ``NUTRIENT_COLUMNS``).

    Custom foods and recipes: ``grams / 100 x`` per 100 g; supplements: ``count x`` per unit.
    """
    selected = frame[rows]
    ids = selected["food_id"].astype(str).to_numpy()
    kinds = np.array([book.kind(i) for i in ids], dtype=object)
    supplement = kinds == "supplement"
    values = np.full((len(selected), len(NUTRIENT_COLUMNS)), np.nan)
    if (~supplement).any():
        table = book.per_100g.reindex(ids[~supplement]).to_numpy(dtype=float)
        grams = selected["grams"].to_numpy(dtype=float)[~supplement]
        values[~supplement] = table * (grams / 100.0)[:, None]
    if supplement.any():
        counted = selected[supplement]
        units = np.array(
            [
                _units(book, i, u)
                for i, u in zip(ids[supplement], counted["unit"].astype(object), strict=True)
            ],
            dtype=float,
        )
        table = book.per_unit.reindex(ids[supplement]).to_numpy(dtype=float)
        count = counted["quantity"].to_numpy(dtype=float) * units
        values[supplement] = table * count[:, None]
    return pd.DataFrame(values, index=selected.index, columns=list(NUTRIENT_COLUMNS))


def _units(book: MyFoods, food_id: str, unit: object) -> float:
    """A supplement's units in one ``unit`` (NaN for a unit it is not counted in)."""
    try:
        return book.units_per(food_id, unit if isinstance(unit, str) and unit else None)
    except UnknownUnitError:
        return float("nan")


def named_supplement_forms(names: pd.Series, is_supplement: pd.Series) -> pd.Series:
    """The ``supplement`` column of an app's rows it marks as supplements: the compound the
    name mentions (``Calcium Citrate`` -> ``calcium citrate``), else :data:`UNSTATED_FORM`;
    "" for every other row. Worked out once per distinct name."""
    out = pd.Series("", index=names.index, dtype=object)
    marked = is_supplement.to_numpy(dtype=bool)
    for name in pd.unique(names[marked].astype(str)):
        found = compound_in(name)
        out[marked & names.astype(str).eq(name).to_numpy()] = (
            found.name if found is not None else UNSTATED_FORM
        )
    return out


def supplement_forms(food_id: pd.Series, book: MyFoods | None) -> pd.Series:
    """The ``supplement`` column: a supplement's compound (``calcium carbonate``),
    :data:`UNSTATED_FORM` without one, "" for every food."""
    out = pd.Series("", index=food_id.index, dtype=object)
    if book is None or not len(book):
        return out
    mine = my_food_ids(food_id)
    for value in pd.unique(food_id[mine].astype(str)):
        row = book.rows.get(value)
        if row is not None and row.kind == "supplement":
            found = compound(row.compound) if row.compound else None
            out[food_id == value] = found.name if found is not None else UNSTATED_FORM
    return out


def recipe_parts(entries: pd.DataFrame, book: MyFoods | None) -> pd.DataFrame:
    """The parts of the recipe entries: per entry, one row per food the recipe is made of.

    Parameters
    ----------
    entries : DataFrame
        :attr:`Diary.entries` (``line``, ``food_id``, ``grams``, ``source``), its index the
        entry's row; rows whose nutrients are an app's own (``source == "app"``) are left
        whole.
    book : MyFoods or None

    Returns
    -------
    DataFrame
        :data:`DIARY_PART_COLUMNS`: the entry (its row of ``entries``) and its ``line``, the
        recipe's name, each part's
        ingredient (as written in its recipe), food, ``grams`` and nutrients in this entry
        (``grams`` x the part's value per gram of the recipe; NaN stays unknown).
    """
    empty = pd.DataFrame({c: pd.Series(dtype=object) for c in DIARY_PART_COLUMNS})
    if book is None or not book.parts or entries.empty:
        return empty
    mine = my_food_ids(entries["food_id"])
    computed = entries["source"].astype(str).ne("app").to_numpy(dtype=bool)
    logged = entries[mine & computed]
    frames = []
    for recipe_id, rows in logged.groupby(logged["food_id"].astype(str), sort=False):
        parts = book.parts.get(str(recipe_id))
        if parts is None:  # a custom food or supplement
            continue
        grams = rows["grams"].to_numpy(dtype=float)
        n = len(parts)
        block = parts.iloc[np.tile(np.arange(n), len(rows))].reset_index(drop=True)
        scale = np.repeat(grams, n)
        numbers = ["grams_per_g", *NUTRIENT_COLUMNS]
        block[numbers] = block[numbers].to_numpy(dtype=float) * scale[:, None]
        block.insert(0, "recipe", book.row(recipe_id).name)
        block.insert(0, "line", np.repeat(rows["line"].to_numpy(), n))
        block.insert(0, "entry", np.repeat(rows.index.to_numpy(), n))
        frames.append(block.rename(columns={"grams_per_g": "grams"}))
    if not frames:
        return empty
    out = pd.concat(frames, ignore_index=True)
    out = out.sort_values("entry", kind="stable").reset_index(drop=True)
    return out[list(DIARY_PART_COLUMNS)]
