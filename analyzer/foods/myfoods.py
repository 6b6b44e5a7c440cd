"""Your own foods, recipes and supplements, resolved: nutrients, units, a recipe's ingredients.

:class:`MyFoods` holds the rows of your my-foods files (:mod:`analyzer.foods.myfoods_file`)
once their recipes are resolved (:func:`analyzer.diary.recipes.build_my_foods`): each custom
food and recipe per 100 g, each supplement per unit, and each recipe's ingredients (its
*parts*: the USDA foods and custom foods it is made of, nested recipes flattened) per gram of
the recipe. It converts amounts of your foods to grams (``2 bars``, ``1 serving``, ``250 g``)
and counts a supplement's units (``2 tablets``).

:class:`MyFoodsMatcher` puts your foods' names and aliases in front of another matcher
(method ``my food``, ``my recipe`` or ``my supplement``, confidence ``high``). A name matches
when written the same way, case and spacing aside, whole or without the amount written in it.
"""

from __future__ import annotations

import math
from collections.abc import Iterable, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import pandas as pd

from analyzer.errors import UnknownUnitError
from analyzer.foods.match_result import MATCH_COLUMNS
from analyzer.foods.myfoods_file import (
    MyFoodRow,
    Problem,
    is_my_food_id,
    name_key,
    read_my_foods_file,
)
from analyzer.foods.name_amount import split_name
from analyzer.foods.quantities import MASS_UNITS_G, VOLUME_UNITS_ML, normalize_unit
from analyzer.nutrients import NUTRIENT_COLUMNS

#: The match method of each kind of your foods.
MY_METHODS = {"food": "my food", "recipe": "my recipe", "supplement": "my supplement"}
#: How each kind is named in a description (``Sunday chili (your recipe)``).
KIND_WORDS = {"food": "your food", "recipe": "your recipe", "supplement": "your supplement"}
#: Units meaning a whole recipe (Cronometer logs ``1.00 full recipe``).
WHOLE_RECIPE_UNITS = frozenset({"full recipe", "recipe", "whole recipe", "batch"})
#: Units meaning one serving (``portion`` reads as ``serving``).
SERVING_UNITS = frozenset({"serving"})
#: Columns of a recipe's parts (per gram of the recipe).
PART_COLUMNS = (
    "ingredient",
    *MATCH_COLUMNS,
    "grams_per_g",
    *NUTRIENT_COLUMNS,
)


class NamesMatcher(Protocol):
    """Anything with :meth:`analyzer.foods.matcher.FoodMatcher.match_names`."""

    def match_names(self, names: Iterable[str]) -> pd.DataFrame:
        """Match distinct names."""
        ...


def describe(row: MyFoodRow) -> str:
    """How one of your foods is shown: ``Calcium 600 (your supplement: calcium carbonate)``."""
    form = f": {row.compound}" if row.kind == "supplement" and row.compound else ""
    return f"{row.name} ({KIND_WORDS[row.kind]}{form})"


class MyFoods:
    """Your resolved foods, recipes and supplements.

    Parameters
    ----------
    rows : sequence of MyFoodRow
        As read from the files.
    per_100g : DataFrame
        Nutrients per 100 g of each custom food and recipe, indexed by food id.
    per_unit : DataFrame
        Nutrients per unit of each supplement, indexed by food id.
    parts : dict
        Per recipe id, its parts (:data:`PART_COLUMNS`, per gram of the recipe).
    batch_g : dict
        Per recipe id, the weight of the whole recipe: ``yield_g``, else the sum of its
        ingredients' weights. [g]
    """

    def __init__(
        self,
        rows: Sequence[MyFoodRow] = (),
        per_100g: pd.DataFrame | None = None,
        per_unit: pd.DataFrame | None = None,
        parts: dict[str, pd.DataFrame] | None = None,
        batch_g: dict[str, float] | None = None,
    ) -> None:
        empty = pd.DataFrame(columns=list(NUTRIENT_COLUMNS), dtype="float64")
        self.rows = {row.food_id: row for row in rows}
        self.per_100g = per_100g if per_100g is not None else empty
        self.per_unit = per_unit if per_unit is not None else empty
        self.parts = parts if parts is not None else {}
        self.batch_g = batch_g if batch_g is not None else {}
        #: Per recipe id, its ingredient rows and what each resolved to (``food``,
        #: ``amount``, ``amount_unit``, ``food_id``, ``description``, ``match_method``,
        #: ``match_confidence``, ``grams``).
        self.ingredients: dict[str, pd.DataFrame] = {}

    def __len__(self) -> int:
        return len(self.rows)

    def row(self, food_id: str) -> MyFoodRow:
        """The row of one of your foods (KeyError when unknown)."""
        return self.rows[food_id]

    def kind(self, food_id: str) -> str:
        """``food``, ``recipe`` or ``supplement``."""
        return self.rows[food_id].kind

    def serving_g(self, food_id: str) -> float:
        """Weight of one serving: ``serving_g`` of a food, the batch over ``yield_servings``
        of a recipe; NaN when not known. [g]"""
        row = self.rows[food_id]
        if row.kind == "recipe":
            return self.batch_g.get(food_id, math.nan) / row.yield_servings
        return row.serving_g

    def available_units(self, food_id: str) -> list[str]:
        """The units one of your foods can be logged in (for messages)."""
        row = self.rows[food_id]
        if row.kind == "supplement":
            return [normalize_unit(row.serving_unit), "serving"]
        units = ["g", "kg", "mg", "oz", "lb"]
        if not math.isnan(self.serving_g(food_id)):
            units.append("serving")
        if row.kind == "recipe":
            units.append("full recipe")
        elif row.serving_unit:
            units.append(normalize_unit(row.serving_unit))
            if normalize_unit(row.serving_unit) in VOLUME_UNITS_ML:
                units += [u for u in ("ml", "l", "tsp", "tbsp", "fl oz", "cup") if u not in units]
        return units

    def grams_per_unit(self, food_id: str, unit: str | None) -> float:
        """Grams in one ``unit`` of a custom food or recipe. [g]

        Mass units; ``serving`` (a food's ``serving_g``, a recipe's batch over its
        ``yield_servings``); a food's ``serving_unit`` (``bar``) and a bare count; a volume
        when the ``serving_unit`` is one (its density is ``serving_g`` over that volume); a
        recipe's ``full recipe``.

        Raises
        ------
        UnknownUnitError
            The food cannot be measured in this unit; the error lists the units it can.
        """
        row = self.rows[food_id]
        canonical = "each" if unit is None or not str(unit).strip() else normalize_unit(unit)
        value = self._grams(row, canonical)
        if value is None or math.isnan(value):
            shown = "each (a bare count)" if canonical == "each" and not unit else str(unit)
            raise UnknownUnitError(shown, row.name, self.available_units(food_id))
        return value

    def _grams(self, row: MyFoodRow, unit: str) -> float | None:
        if row.kind == "supplement":
            return None
        if unit in MASS_UNITS_G:
            return MASS_UNITS_G[unit]
        serving = self.serving_g(row.food_id)
        if unit in SERVING_UNITS:
            return serving
        if row.kind == "recipe":
            if unit in WHOLE_RECIPE_UNITS:
                return self.batch_g.get(row.food_id)
            return serving if unit == "each" else None
        own = normalize_unit(row.serving_unit) if row.serving_unit else ""
        if own and unit in (own, "each"):
            return serving
        if own in VOLUME_UNITS_ML and unit in VOLUME_UNITS_ML:
            return serving / VOLUME_UNITS_ML[own] * VOLUME_UNITS_ML[unit]
        return None

    def units_per(self, food_id: str, unit: str | None) -> float:
        """How many of a supplement's units one ``unit`` is: 1 for its ``serving_unit``
        (``tablet``), ``serving`` or a bare count.

        Raises
        ------
        UnknownUnitError
            Any other unit (a supplement is counted in its units, never weighed).
        """
        row = self.rows[food_id]
        canonical = "each" if unit is None or not str(unit).strip() else normalize_unit(unit)
        if canonical in (normalize_unit(row.serving_unit), "each", *SERVING_UNITS):
            return 1.0
        raise UnknownUnitError(str(unit), row.name, self.available_units(food_id))

    def nutrients(self, food_id: str) -> pd.Series:
        """Per 100 g (foods, recipes) or per unit (supplements), NaN = unknown."""
        if self.kind(food_id) == "supplement":
            return self.per_unit.loc[food_id]
        return self.per_100g.loc[food_id]

    def summary(self) -> list[dict[str, object]]:
        """What each of your foods resolves to, in file order (``analyzer foods check``).

        Each item: ``name``, ``kind``, ``food_id``, ``description``, ``aliases``,
        ``category``, ``where`` (file and line); a food or recipe its ``per_100_g``
        nutrients (NaN = unknown) and ``partial`` (per nutrient, how many of a recipe's
        ingredient foods lack it: the value counts only the others), ``serving_g``, and
        for a recipe ``batch_g``, ``servings`` and ``ingredients`` (each with the food it
        matched and its grams); a supplement its ``unit``, ``per_unit`` nutrients,
        ``compound`` and ``compound_mg``.
        """
        out: list[dict[str, object]] = []
        for food_id, row in self.rows.items():
            item: dict[str, object] = {
                "name": row.name,
                "kind": row.kind,
                "food_id": food_id,
                "description": describe(row),
                "aliases": list(row.aliases),
                "category": row.category or "other",
                "where": row.where,
            }
            if row.kind == "supplement":
                item["unit"] = normalize_unit(row.serving_unit)
                item["per_unit"] = self.per_unit.loc[food_id].to_dict()
                item["compound"] = row.compound or None
                item["compound_mg"] = None if math.isnan(row.compound_mg) else row.compound_mg
            else:
                item["per_100_g"] = self.per_100g.loc[food_id].to_dict()
                item["serving_g"] = self.serving_g(food_id)
            if row.kind == "recipe":
                lacking = self.parts[food_id][list(NUTRIENT_COLUMNS)].isna().sum()
                item["partial"] = {str(c): int(n) for c, n in lacking.items() if n}
                item["batch_g"] = self.batch_g[food_id]
                item["servings"] = row.yield_servings
                item["ingredients"] = self.ingredients[food_id].to_dict("records")
            out.append(item)
        return out


def my_food_ids(food_id: pd.Series) -> np.ndarray:
    """Which of a column of food ids are your foods (``my:...``), as a boolean array."""
    values = food_id.astype(object).where(food_id.notna(), None).to_numpy()
    return np.fromiter((is_my_food_id(v) for v in values), dtype=bool, count=len(values))


class MyFoodsMatcher:
    """A matcher that takes your foods' names and aliases first and asks ``base`` for the rest.

    Parameters
    ----------
    base : object with ``match_names``
        The matcher for every other name.
    rows : sequence of MyFoodRow
        Your foods (their names, aliases, kinds and categories are used).
    """

    def __init__(self, base: NamesMatcher, rows: Sequence[MyFoodRow]) -> None:
        self._base = base
        self._rows = {row.food_id: row for row in rows}
        self._keys = {key: row.food_id for row in rows for key in row.keys}

    def food_for(self, name: str) -> str | None:
        """The id of your food this name is (whole, or without its amount), or None."""
        found = self._keys.get(name_key(name))
        if found is None and any(ch.isdigit() for ch in name):
            food = split_name(name).food
            found = self._keys.get(name_key(food)) if food else None
        return found

    def match_names(self, names: Iterable[str]) -> pd.DataFrame:
        """Match distinct names: yours first, then ``base``; the columns of
        :meth:`analyzer.foods.matcher.FoodMatcher.match_names`."""
        distinct = [str(n) for n in pd.unique(pd.Series(list(names), dtype="string").dropna())]
        mine = {n: self.food_for(n) for n in distinct}
        rest = [n for n in distinct if mine[n] is None]
        table = self._base.match_names(rest) if rest else None
        ours = [n for n in distinct if mine[n] is not None]
        if ours:
            rows = [self._rows[str(mine[n])] for n in ours]
            whole = [name_key(n) in self._keys for n in ours]
            own = pd.DataFrame(
                {
                    "food_id": pd.array([r.food_id for r in rows], dtype="string"),
                    "description": pd.array([describe(r) for r in rows], dtype="string"),
                    "category": pd.array([r.category or "other" for r in rows], dtype="string"),
                    "score": np.full(len(ours), 100.0),
                    "method": pd.array([MY_METHODS[r.kind] for r in rows], dtype="string"),
                    "confidence": pd.array(["high"] * len(ours), dtype="string"),
                    "suggestions": pd.array([""] * len(ours), dtype="string"),
                    "reason": pd.array([""] * len(ours), dtype="string"),
                    "matched_text": pd.array(
                        [n if w else split_name(n).food for n, w in zip(ours, whole, strict=True)],
                        dtype="string",
                    ),
                },
                index=pd.Index(pd.array(ours, dtype="string"), name="name"),
            )
            table = (
                own if table is None else pd.concat([table, own.reindex(columns=table.columns)])
            )
        if table is None:
            return self._base.match_names([])
        return table.reindex(pd.Index(pd.array(distinct, dtype="string"), name="name"))


def read_my_foods_files(
    paths: str | Path | Sequence[str | Path],
) -> tuple[list[MyFoodRow], list[Problem]]:
    """Read my-foods files, checking that every name and alias is given once.

    Returns
    -------
    rows, problems
        As :func:`read_my_foods_file`, over all files; a name or alias given twice (in
        one file or across files) is a problem on the later line.
    """
    rows: list[MyFoodRow] = []
    problems: list[Problem] = []
    listed = [paths] if isinstance(paths, str | Path) else list(paths)
    order = {str(p): i for i, p in enumerate(listed)}
    for path in listed:
        found, bad = read_my_foods_file(path)
        rows += found
        problems += bad
    seen: dict[str, MyFoodRow] = {}
    kept: list[MyFoodRow] = []
    for row in rows:
        clash = None
        for name, key in zip((row.name, *row.aliases), row.keys, strict=True):
            first = seen.get(key)
            if first is not None and first is not row:
                clash = (name, first)
                break
            seen[key] = row
        if clash is None:
            kept.append(row)
            continue
        name, first = clash
        where = f"line {first.line}" if first.path == row.path else first.where
        problems.append(
            (
                row.path,
                row.line,
                "name" if name == row.name else "aliases",
                name,
                "duplicate name",
                f"give each name once ({where} has it too)",
            )
        )
    return kept, sorted(problems, key=lambda p: (order.get(p[0], 0), p[1]))
