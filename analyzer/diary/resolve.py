"""Match diary food names to USDA foods, convert amounts to grams, scale nutrients.

All three steps are vectorized and done per DISTINCT value: names are matched once per
distinct name, grams looked up once per distinct (food_id, unit), and nutrients computed for
all rows at once as ``grams / 100 * per-100-g value`` joined on ``food_id``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import Protocol

import numpy as np
import pandas as pd

from analyzer import units
from analyzer.diary.model import NUTRIENT_COLUMNS, Problems
from analyzer.errors import UnknownFoodError, UnknownUnitError

#: foods.csv gives every nutrient per this many grams of edible portion (USDA SR28). [g]
NUTRIENT_BASIS_G = 100.0
#: Category of a row whose food is not matched.
UNMATCHED_CATEGORY = "other"


class NameMatcher(Protocol):
    """Anything that matches food names like :class:`analyzer.foods.FoodMatcher`."""

    def match_names(self, names: Iterable[str]) -> pd.DataFrame:
        """Match distinct names; see :meth:`analyzer.foods.FoodMatcher.match_names`."""
        ...


def match_foods(food: pd.Series, matcher: NameMatcher) -> pd.DataFrame:
    """Match each row's food name, once per distinct name.

    Returns
    -------
    DataFrame
        Aligned with ``food``: ``food_id`` (<NA> if unmatched or blank), ``description``,
        ``category`` ("other" if unmatched) and ``suggestions`` ("did you mean" descriptions
        joined by `` | ``).
    """
    names = food.astype("string").fillna("")
    distinct = [str(n) for n in pd.unique(names) if str(n).strip()]
    columns = ["food_id", "description", "category", "suggestions"]
    if distinct:
        table = matcher.match_names(distinct)
        table = table.reindex(columns=columns)
        aligned = table.reindex(names.to_numpy())
    else:
        aligned = pd.DataFrame(index=names.to_numpy(), columns=columns)
    aligned.index = food.index
    out = pd.DataFrame(index=food.index)
    out["food_id"] = aligned["food_id"].astype("string")
    out["description"] = aligned["description"].astype("string").where(out["food_id"].notna())
    category = aligned["category"].astype("string").where(out["food_id"].notna())
    out["category"] = category.fillna(UNMATCHED_CATEGORY)
    out["suggestions"] = aligned["suggestions"].astype("string").fillna("")
    return out


def unknown_food_reasons(food: pd.Series, suggestions: pd.Series) -> pd.Series:
    """``unknown food 'X'; did you mean 'A'; 'B'?`` per row, built once per distinct name."""
    pairs = pd.DataFrame({"food": food.astype("string"), "s": suggestions.astype("string")})
    codes, distinct = pd.factorize(pd.MultiIndex.from_frame(pairs.fillna("")))
    texts = np.array(
        [
            str(UnknownFoodError(str(name), [s for s in str(sugg).split(" | ") if s]))
            for name, sugg in distinct
        ],
        dtype=object,
    )
    return pd.Series(texts[codes], index=food.index, dtype="string")


def grams_per_row(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series]:
    """Grams for each row with a matched food, once per distinct (food_id, unit).

    Parameters
    ----------
    frame : DataFrame
        Columns ``food`` (as written), ``food_id``, ``quantity``, ``unit`` and optionally
        ``unit_written`` (the unit as written, for messages).

    Returns
    -------
    grams : Series of float
        ``quantity * grams_per_unit``; NaN where the food is unmatched, the quantity unknown,
        or the unit unknown for the food. [g]
    status : Series of string
        ``unknown_unit`` (or ``missing_unit`` for a bare count of a food with no whole-item
        portion) where the grams cannot be found; <NA> otherwise.
    reason : Series of string
        ``unknown unit 'X' for 'food'; this food has: ...``.
    """
    grams = pd.Series(np.nan, index=frame.index, dtype="float64")
    status = pd.Series(pd.NA, index=frame.index, dtype="string")
    reason = pd.Series(pd.NA, index=frame.index, dtype="string")
    todo = frame["food_id"].notna() & frame["quantity"].notna()
    if not todo.any():
        return grams, status, reason
    written = frame["unit_written"] if "unit_written" in frame else frame["unit"]
    part = pd.DataFrame(
        {
            "food": frame["food"][todo],
            "food_id": frame["food_id"][todo],
            "unit": frame["unit"][todo],
            "written": written[todo],
        }
    ).astype("string")
    codes, distinct = pd.factorize(pd.MultiIndex.from_frame(part.fillna("")))
    per_unit = np.full(len(distinct), np.nan)
    code: list[str | None] = [None] * len(distinct)
    why: list[str | None] = [None] * len(distinct)
    for i, (food, food_id, unit, shown) in enumerate(distinct):
        try:
            per_unit[i] = units.grams_per_unit(str(food_id), str(unit) or None)
        except UnknownUnitError as error:
            if unit:
                code[i] = "unknown_unit"
                why[i] = str(UnknownUnitError(str(shown or unit), str(food), error.available))
            else:
                code[i] = "missing_unit"
                why[i] = (
                    f"no unit for {str(food)!r} and it has no whole-item portion; "
                    f"this food has: {', '.join(error.available)}"
                )
    grams.loc[todo] = frame["quantity"][todo].to_numpy(dtype="float64") * per_unit[codes]
    status.loc[todo] = pd.array(np.array(code, dtype=object)[codes], dtype="string")
    reason.loc[todo] = pd.array(np.array(why, dtype=object)[codes], dtype="string")
    return grams, status, reason


def scale_nutrients(food_id: pd.Series, grams: pd.Series, foods: pd.DataFrame) -> pd.DataFrame:
    """Nutrients per entry: ``grams / 100 * per-100-g value``, joined on ``food_id``.

    Parameters
    ----------
    food_id : Series of string
        NDB numbers (<NA> where unmatched).
    grams : Series of float
        Weight eaten. [g]
    foods : DataFrame
        The nutrient table (``id`` and the nutrient columns, per 100 g).

    Returns
    -------
    DataFrame
        One column per nutrient in :data:`~analyzer.diary.model.NUTRIENT_COLUMNS`, aligned
        with ``food_id``; NaN where the food, the grams or the table value is unknown.
    """
    table = foods.set_index(foods["id"].astype(str))[list(NUTRIENT_COLUMNS)]
    table = table[~table.index.duplicated()].astype("float64")
    per_100g = table.reindex(food_id.astype(object).where(food_id.notna(), None).to_numpy())
    factor = grams.to_numpy(dtype="float64") / NUTRIENT_BASIS_G
    values = per_100g.to_numpy(dtype="float64") * factor[:, None]
    return pd.DataFrame(values, index=food_id.index, columns=list(NUTRIENT_COLUMNS))


def resolve(
    frame: pd.DataFrame,
    problems: Problems,
    matcher: NameMatcher,
    foods: pd.DataFrame,
    *,
    required: bool,
) -> pd.DataFrame:
    """Add ``food_id``, ``description``, ``category``, ``grams`` (and nutrients if required).

    Parameters
    ----------
    frame : DataFrame
        Staging rows with ``food``, ``quantity`` and ``unit``.
    problems : Problems
        The row ledger; unknown foods and units are recorded in it when ``required``.
    matcher : NameMatcher
        Food-name matcher.
    foods : DataFrame
        The nutrient table.
    required : bool
        True when the nutrients must come from USDA (our own diary, Lose It, Cronometer
        without nutrient columns or with ``rematch``): unknown foods and units make the row
        unusable and the nutrients are computed. False when the export gives the nutrients
        (matching only fills ``food_id``/``category``/``grams`` where it can).
    """
    out = frame.copy()
    matched = match_foods(out["food"], matcher)
    for column in ("food_id", "description", "category"):
        out[column] = matched[column]
    if required:
        unknown = out["food_id"].isna() & problems.ok
        if unknown.any():
            problems.add(
                unknown,
                "unknown_food",
                unknown_food_reasons(out["food"][unknown], matched["suggestions"][unknown]),
            )
    grams, status, reason = grams_per_row(out.assign(food_id=out["food_id"].where(problems.ok)))
    out["grams"] = grams
    if required:
        for code in ("unknown_unit", "missing_unit"):
            problems.add(status.eq(code), code, reason)
        nutrients = scale_nutrients(out["food_id"], out["grams"], foods)
        for column in NUTRIENT_COLUMNS:
            out[column] = nutrients[column]
    return out
