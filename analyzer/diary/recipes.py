"""Resolve a my-foods file: each recipe's ingredients matched and weighed like diary rows.

:func:`build_my_foods` reads the files (:mod:`analyzer.foods.myfoods_file`), then resolves
every recipe: its ingredient rows are parsed (:func:`analyzer.diary.amounts.parse_amounts`),
matched by the same matcher as diary rows with your foods in front (a recipe may use your
custom foods and other recipes), and weighed by the same unit converter
(:func:`analyzer.diary.resolve.grams_per_row`), once per distinct name and (food, unit).
Recipes are computed in dependency order; a recipe that contains itself, directly or through
another, is a *cycle* and is reported. Every problem of every file is collected and raised at
once (:class:`~analyzer.errors.MyFoodsFileError`: file, line, column, value and fix).

A recipe's *parts* are the foods it is made of, nested recipes flattened: per gram of the
recipe, each part's weight and nutrients (NaN where its food lacks the value). A recipe's
nutrients per 100 g are the sum of its parts' (an unknown part adds nothing; when every
part lacks a nutrient the recipe's is unknown). The weight of the whole recipe is its
``yield_g`` (cooked weight) when given, else the sum of its ingredients' weights.
"""

from __future__ import annotations

import math
from collections.abc import Sequence
from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.diary.amounts import parse_amounts
from analyzer.diary.resolve import NameMatcher, grams_per_row, match_foods, scale_nutrients
from analyzer.errors import MyFoodsFileError, UnknownUnitError
from analyzer.foods.myfoods import PART_COLUMNS, MyFoods, MyFoodsMatcher, describe
from analyzer.foods.myfoods_file import (
    MyFoodRow,
    Problem,
    is_my_food_id,
    read_my_foods_files,
)
from analyzer.nutrients import NUTRIENT_COLUMNS

#: What to do about an ingredient that matches no food.
UNKNOWN_INGREDIENT_FIX = (
    "name a USDA food (`analyzer foods search NAME`) or one of your foods, or give it an "
    "alias (--aliases)"
)
#: Columns of the ingredient table.
_NUMBERS = ("grams", *NUTRIENT_COLUMNS)
#: Columns kept of each recipe's ingredients (what each resolved to; for ``foods check``).
INGREDIENT_COLUMNS = (
    "line",
    "food",
    "amount",
    "amount_unit",
    "food_id",
    "description",
    "match_method",
    "match_confidence",
    "grams",
)


def _ingredients(recipes: Sequence[MyFoodRow]) -> pd.DataFrame:
    """One row per ingredient of every recipe, with its amount parsed."""
    records = [
        (r.food_id, r.path, i.line, i.text, i.amount, i.unit) for r in recipes for i in r.ingredients
    ]
    frame = pd.DataFrame(
        records, columns=["recipe_id", "path", "line", "food", "amount", "amount_unit"]
    ).astype({"line": "int64"})
    parsed = parse_amounts(frame["amount"].astype(str), frame["amount_unit"].astype(str))
    frame["quantity"] = parsed.quantity
    frame["unit"] = parsed.unit
    frame["unit_written"] = parsed.written
    frame["outer_quantity"] = parsed.outer_quantity
    frame["outer_unit"] = parsed.outer_unit
    frame["amount_status"] = parsed.status
    frame["amount_reason"] = parsed.reason
    return frame


class _Builder:
    """Resolves the recipes of a set of my-foods rows, collecting problems."""

    def __init__(self, rows: list[MyFoodRow], matcher: NameMatcher, foods: pd.DataFrame):
        self.rows = {row.food_id: row for row in rows}
        self.problems: list[Problem] = []
        self.batch_g: dict[str, float] = {}
        self.parts: dict[str, pd.DataFrame] = {}
        self.ingredients: dict[str, pd.DataFrame] = {}
        self.book = MyFoods(rows, batch_g=self.batch_g)
        self.per_100g = _food_nutrients([r for r in rows if r.kind == "food"])
        recipes = [r for r in rows if r.kind == "recipe"]
        self.table = _ingredients(recipes)
        if len(self.table):
            self._match(MyFoodsMatcher(matcher, rows), foods)

    def bad(self, at: pd.Series, column: str, value: str, problem: str, fix: str) -> None:
        self.problems.append((str(at["path"]), int(at["line"]), column, value, problem, fix))

    def _match(self, matcher: MyFoodsMatcher, foods: pd.DataFrame) -> None:
        table = self.table
        matched = match_foods(table["food"], matcher)
        for column in ("food_id", "description", "category", "match_method", "match_confidence"):
            table[column] = matched[column]
        table["ok"] = table["amount_status"].isna()
        for _, at in table[~table["ok"]].iterrows():
            why = str(at["amount_reason"] or "missing amount")
            self.bad(at, "amount", str(at["amount"]), f"bad amount for {at['food']!r}: {why}",
                     "give a number such as 2, 1/2 or 150, and the unit in the unit column")  # fmt: skip
        unknown = table["ok"] & table["food_id"].isna()
        for position in np.flatnonzero(unknown.to_numpy()):
            at = table.iloc[position]
            suggestions = [s for s in str(matched["suggestions"].iloc[position]).split(" | ") if s]
            more = "; did you mean " + "; ".join(repr(s) for s in suggestions[:3]) + "?"
            self.bad(at, "ingredient", str(at["food"]), "no food matches this ingredient"
                     + (more if suggestions else ""), UNKNOWN_INGREDIENT_FIX)  # fmt: skip
        table["ok"] &= ~unknown
        mine = np.array([is_my_food_id(v) for v in table["food_id"].astype(object)], dtype=bool)
        supplement = mine & np.array(
            [self.rows[v].kind == "supplement" if m else False
             for v, m in zip(table["food_id"].astype(object), mine, strict=True)], dtype=bool,
        )  # fmt: skip
        for position in np.flatnonzero(supplement & table["ok"].to_numpy()):
            at = table.iloc[position]
            self.bad(at, "ingredient", str(at["food"]), "a supplement cannot be a recipe "
                     "ingredient", "log the supplement as its own diary entry")  # fmt: skip
        table["ok"] &= ~supplement
        table["mine"] = mine
        usda = table["ok"] & ~table["mine"]
        grams, status, reason, outer = grams_per_row(table.assign(food_id=table["food_id"].where(usda)))
        table["grams"] = grams
        table["quantity"] = table["quantity"].mask(outer, table["outer_quantity"])
        for position in np.flatnonzero((usda & status.notna()).to_numpy()):
            at = table.iloc[position]
            self.bad(at, "unit", str(at["amount_unit"] or at["amount"]), str(reason.iloc[position]),
                     "use one of the units the food has")  # fmt: skip
        table["ok"] &= status.isna() | ~usda
        nutrients = scale_nutrients(table["food_id"].where(usda), table["grams"], foods)
        for column in NUTRIENT_COLUMNS:
            table[column] = nutrients[column]

    def order(self) -> list[str]:
        """Recipes in dependency order; cycles reported, recipes that need a bad one left out."""
        table = self.table
        needs: dict[str, list[tuple[str, pd.Series]]] = {}
        for _, at in table[table["ok"] & table["mine"]].iterrows():
            if self.rows[str(at["food_id"])].kind == "recipe":
                needs.setdefault(str(at["recipe_id"]), []).append((str(at["food_id"]), at))
        bad_recipes = set(table.loc[~table["ok"], "recipe_id"].astype(str))
        state: dict[str, int] = {}  # 1: on the path, 2: done
        order: list[str] = []
        path: list[str] = []

        def visit(recipe: str) -> bool:
            """Whether the recipe can be computed (no cycle, no bad ingredient below it)."""
            if state.get(recipe) == 2:
                return recipe not in bad_recipes
            state[recipe] = 1
            path.append(recipe)
            fine = recipe not in bad_recipes
            for inner, at in needs.get(recipe, []):
                if state.get(inner) == 1:
                    loop = [*path[path.index(inner) :], inner]
                    names = " -> ".join(self.rows[r].name for r in loop)
                    self.bad(at, "ingredient", str(at["food"]), f"a recipe cycle: {names}",
                             "a recipe cannot contain itself, directly or through another")  # fmt: skip
                    bad_recipes.update(loop)
                    fine = False
                elif not visit(inner):
                    fine = False
            path.pop()
            state[recipe] = 2
            if fine:
                order.append(recipe)
            else:
                bad_recipes.add(recipe)
            return fine

        for recipe in (r for r in self.rows.values() if r.kind == "recipe"):
            if recipe.food_id not in state:
                visit(recipe.food_id)
        return order

    def compute(self, recipe_id: str) -> None:
        """The recipe's parts per gram, weight and nutrients per 100 g (its inner recipes done)."""
        rows = self.table[self.table["recipe_id"] == recipe_id]
        parts: list[pd.DataFrame] = []
        weights: list[float] = []
        for _, at in rows.iterrows():
            found = self._part(at)
            if found is None:
                return
            parts.append(found[0])
            weights.append(found[1])
        row = self.rows[recipe_id]
        batch = row.yield_g if not math.isnan(row.yield_g) else float(sum(weights))
        if not batch > 0:
            self.bad(pd.Series({"path": row.path, "line": row.line}), "yield_g", "",
                     f"recipe {row.name!r} weighs nothing", "give yield_g")  # fmt: skip
            return
        frame = pd.concat(parts, ignore_index=True)
        frame[list(_NUMBERS)] = frame[list(_NUMBERS)] / batch
        self.batch_g[recipe_id] = batch
        self.ingredients[recipe_id] = rows.assign(grams=weights)[list(INGREDIENT_COLUMNS)]
        self.parts[recipe_id] = frame.rename(columns={"grams": "grams_per_g"})[list(PART_COLUMNS)]
        totals = frame[list(NUTRIENT_COLUMNS)].sum(min_count=1) * 100.0
        self.per_100g.loc[recipe_id] = totals.to_numpy(dtype=float)

    def _grams_of_mine(self, at: pd.Series) -> float:
        return float(at["quantity"]) * self.book.grams_per_unit(str(at["food_id"]), at["unit"])

    def _part(self, at: pd.Series) -> tuple[pd.DataFrame, float] | None:
        """The parts one ingredient adds to its recipe (whole-recipe amounts) and its
        weight [g]; None when it cannot be weighed (reported) or is a recipe that failed."""
        food_id = str(at["food_id"])
        if not at["mine"]:
            part = {**at.to_dict(), "ingredient": at["food"], "source": "usda"}
            return pd.DataFrame([part]), float(at["grams"])
        inner = self.rows[food_id]
        if inner.kind == "recipe" and food_id not in self.parts:
            return None  # the inner recipe's own problem is reported
        try:
            grams = self._grams_of_mine(at)
        except UnknownUnitError as error:
            self.bad(at, "unit", str(at["amount_unit"] or at["amount"]), str(error),
                     "use one of the units this food has")  # fmt: skip
            return None
        if inner.kind == "recipe":
            scaled = self.parts[food_id].rename(columns={"grams_per_g": "grams"}).copy()
            scaled[list(_NUMBERS)] = scaled[list(_NUMBERS)] * grams
            return scaled, grams
        values = self.per_100g.loc[food_id] * grams / 100.0
        return pd.DataFrame([{
            **values.to_dict(), "ingredient": at["food"], "food_id": food_id,
            "description": describe(inner), "category": inner.category or "other",
            "match_method": at["match_method"], "match_confidence": at["match_confidence"],
            "source": "yours", "grams": grams,
        }]), grams  # fmt: skip


def _food_nutrients(rows: Sequence[MyFoodRow]) -> pd.DataFrame:
    """Per 100 g of each custom food (values given per serving are scaled by ``serving_g``)."""
    table = pd.DataFrame(
        [[row.values[c] for c in NUTRIENT_COLUMNS] for row in rows],
        index=pd.Index([row.food_id for row in rows], dtype=object),
        columns=list(NUTRIENT_COLUMNS),
        dtype="float64",
    )
    factor = [100.0 / row.serving_g if row.per == "serving" else 1.0 for row in rows]
    return table.mul(np.asarray(factor, dtype=float), axis=0)


def build_my_foods(
    paths: str | Path | Sequence[str | Path], matcher: NameMatcher, foods: pd.DataFrame
) -> MyFoods:
    """Read and resolve my-foods files.

    Parameters
    ----------
    paths : path or sequence of paths
        The files (see :mod:`analyzer.foods.myfoods_file` for the format).
    matcher : object with ``match_names``
        The matcher of the diary's rows (with the user's aliases); your foods are put in
        front of it for the ingredients.
    foods : DataFrame
        The nutrient table.

    Returns
    -------
    MyFoods

    Raises
    ------
    MyFoodsFileError
        Any bad line of any file: every one is listed, with its file, line, column, value
        and fix (unknown kind, bad or negative number, recipe without yield or ingredients,
        ingredient matching no food or in an unknown unit, recipe cycle, duplicate name,
        unknown compound ...).
    """
    rows, problems = read_my_foods_files(paths)
    builder = _Builder(rows, matcher, foods)
    for recipe_id in builder.order():
        builder.compute(recipe_id)
    problems = sorted(
        [*problems, *builder.problems], key=lambda p: (_file_order(paths, p[0]), p[1])
    )
    if problems:
        raise MyFoodsFileError(problems)
    supplements = [r for r in rows if r.kind == "supplement"]
    per_unit = pd.DataFrame(
        [[r.values[c] for c in NUTRIENT_COLUMNS] for r in supplements],
        index=pd.Index([r.food_id for r in supplements], dtype=object),
        columns=list(NUTRIENT_COLUMNS),
        dtype="float64",
    )
    book = MyFoods(rows, builder.per_100g, per_unit, builder.parts, builder.batch_g)
    book.ingredients = builder.ingredients
    return book


def _file_order(paths: str | Path | Sequence[str | Path], path: str) -> int:
    listed = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
    return listed.index(path) if path in listed else 0
