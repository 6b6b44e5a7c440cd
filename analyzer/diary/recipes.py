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
from analyzer.errors import MyFoodsFileError, UnknownUnitError, some_of
from analyzer.foods import units
from analyzer.foods.match_result import MATCH_COLUMNS
from analyzer.foods.myfoods import (
    PART_COLUMNS,
    MyFoods,
    MyFoodsMatcher,
    describe,
    read_my_foods_files,
)
from analyzer.foods.myfoods_file import MyFoodRow, Problem, is_my_food_id
from analyzer.nutrients import NUTRIENT_COLUMNS

#: What to do about an ingredient that matches no food.
UNKNOWN_INGREDIENT_FIX = (
    "name a USDA food (`analyzer foods search NAME`) or one of your foods, or give it an "
    "alias (--aliases)"
)
#: Columns of the ingredient table: numbers (whole-recipe amounts) and texts of a part.
_NUMBERS = ("grams", *NUTRIENT_COLUMNS)
_TEXTS = ("ingredient", *MATCH_COLUMNS)
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
        (r.food_id, r.path, i.line, i.text, i.amount, i.unit)
        for r in recipes
        for i in r.ingredients
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
        self.book = MyFoods(rows, batch_g=self.batch_g)
        self.per_100g = _food_nutrients([r for r in rows if r.kind == "food"])
        recipes = [r for r in rows if r.kind == "recipe"]
        self.table = _ingredients(recipes)
        self.recipe_100g: dict[str, np.ndarray] = {}
        self.groups: dict[str, pd.DataFrame] = {}
        #: Per recipe: its ingredients' texts (:data:`_TEXTS`) and numbers (grams, nutrients).
        self.arrays: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        #: Per computed recipe: its parts' texts and numbers per gram of the recipe, and its
        #: ingredients' weights. [g]
        self.flat: dict[str, tuple[np.ndarray, np.ndarray]] = {}
        self.weights: dict[str, np.ndarray] = {}
        if len(self.table):
            self._match(MyFoodsMatcher(matcher, rows), foods)
            # a recipe's ingredient rows follow one another: slice at each new recipe
            table = self.table.assign(ingredient=self.table["food"], source="usda")
            texts = table[list(_TEXTS)].astype(object).to_numpy()
            numbers = table[list(_NUMBERS)].to_numpy(dtype=float)
            ids = table["recipe_id"].to_numpy(dtype=object)
            starts = np.flatnonzero(np.r_[True, ids[1:] != ids[:-1]])
            for start, end in zip(starts, [*starts[1:], len(ids)], strict=True):
                key = str(ids[start])
                self.groups[key] = table.iloc[start:end]
                self.arrays[key] = (texts[start:end], numbers[start:end])

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
            self.bad(
                at,
                "amount",
                str(at["amount"]),
                f"bad amount for {at['food']!r}: {why}",
                "give a number such as 2, 1/2 or 150, and the unit in the unit column",
            )
        unknown = table["ok"] & table["food_id"].isna()
        for position in np.flatnonzero(unknown.to_numpy()):
            at = table.iloc[position]
            suggestions = [s for s in str(matched["suggestions"].iloc[position]).split(" | ") if s]
            more = "; did you mean " + "; ".join(repr(s) for s in suggestions[:3]) + "?"
            self.bad(
                at,
                "ingredient",
                str(at["food"]),
                "no food matches this ingredient" + (more if suggestions else ""),
                UNKNOWN_INGREDIENT_FIX,
            )
        table["ok"] &= ~unknown
        mine = np.array([is_my_food_id(v) for v in table["food_id"].astype(object)], dtype=bool)
        supplement = mine & np.array(
            [
                self.rows[v].kind == "supplement" if m else False
                for v, m in zip(table["food_id"].astype(object), mine, strict=True)
            ],
            dtype=bool,
        )
        for position in np.flatnonzero(supplement & table["ok"].to_numpy()):
            at = table.iloc[position]
            self.bad(
                at,
                "ingredient",
                str(at["food"]),
                "a supplement cannot be a recipe ingredient",
                "log the supplement as its own diary entry",
            )
        table["ok"] &= ~supplement
        table["mine"] = mine
        usda = table["ok"] & ~table["mine"]
        grams, status, _, outer = grams_per_row(table.assign(food_id=table["food_id"].where(usda)))
        table["grams"] = grams
        table["quantity"] = table["quantity"].mask(outer, table["outer_quantity"])
        for position in np.flatnonzero((usda & status.notna()).to_numpy()):
            at = table.iloc[position]
            self._unit_problem(at, units.available_units(str(at["food_id"])))
        table["ok"] &= status.isna() | ~usda
        nutrients = scale_nutrients(table["food_id"].where(usda), table["grams"], foods)
        for column in NUTRIENT_COLUMNS:
            table[column] = nutrients[column]

    def tables(self) -> tuple[dict[str, pd.DataFrame], dict[str, pd.DataFrame]]:
        """Every computed recipe's parts (:data:`PART_COLUMNS`, per gram) and ingredients
        (:data:`INGREDIENT_COLUMNS`), built in one go and sliced per recipe."""
        done = list(self.flat)
        if not done:
            return {}, {}
        texts = np.vstack([self.flat[r][0] for r in done])
        numbers = np.vstack([self.flat[r][1] for r in done])
        frame = pd.DataFrame(texts, columns=list(_TEXTS))
        frame["grams_per_g"] = numbers[:, 0]
        frame[list(NUTRIENT_COLUMNS)] = numbers[:, 1:]
        frame = frame[list(PART_COLUMNS)]
        bounds = np.cumsum([0, *(len(self.flat[r][0]) for r in done)])
        parts = {r: frame.iloc[bounds[i] : bounds[i + 1]] for i, r in enumerate(done)}
        table = pd.concat([self.groups[r] for r in done])
        table["grams"] = np.concatenate([self.weights[r] for r in done])
        table = table[list(INGREDIENT_COLUMNS)]
        sizes = np.cumsum([0, *(len(self.groups[r]) for r in done)])
        ingredients = {r: table.iloc[sizes[i] : sizes[i + 1]] for i, r in enumerate(done)}
        return parts, ingredients

    def _unit_problem(self, at: pd.Series, available: Sequence[str]) -> None:
        written = str(at["amount_unit"]).strip()
        problem = f"unknown unit for {at['food']!r}" if written else f"no unit for {at['food']!r}"
        self.bad(
            at,
            "unit",
            written,
            problem,
            f"use one of the units it has: {some_of(list(available), 12)}",
        )

    def order(self) -> list[str]:
        """Recipes in dependency order; cycles reported, recipes that need a bad one left out."""
        table = self.table
        if table.empty:
            return []
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
                    self.bad(
                        at,
                        "ingredient",
                        str(at["food"]),
                        f"a recipe cycle: {names}",
                        "a recipe cannot contain itself, directly or through another",
                    )
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
        """The recipe's parts per gram, weight and nutrients per 100 g (its inner recipes done).

        Built with NumPy: each ingredient is one row of text (:data:`_TEXTS`) and numbers
        (grams and nutrients, whole-recipe amounts); an inner recipe's rows are its parts
        scaled to the ingredient's grams, in the ingredient's place.
        """
        rows = self.groups[recipe_id]
        texts, numbers = self.arrays[recipe_id]
        numbers = numbers.copy()
        units, quantities = rows["unit"].to_numpy(dtype=object), rows["quantity"].to_numpy()
        ids = texts[:, _TEXTS.index("food_id")]
        blocks: list[tuple[np.ndarray, np.ndarray]] = []
        for i, food_id in enumerate(ids):
            if not is_my_food_id(food_id):
                blocks.append((texts[i : i + 1], numbers[i : i + 1]))
                continue
            inner = self.rows[str(food_id)]
            if inner.kind == "recipe" and inner.food_id not in self.flat:
                return  # the inner recipe's own problem is reported
            try:
                unit = units[i] if isinstance(units[i], str) and units[i] else None
                per_unit = self.book.grams_per_unit(inner.food_id, unit)
            except UnknownUnitError as error:
                self._unit_problem(rows.iloc[i], error.available)
                return
            grams = float(quantities[i]) * per_unit
            numbers[i, 0] = grams
            if inner.kind == "recipe":
                inner_texts, inner_numbers = self.flat[inner.food_id]
                blocks.append((inner_texts, inner_numbers * grams))
            else:
                own = texts[i : i + 1].copy()
                own[0, _TEXTS.index("description")] = describe(inner)
                own[0, _TEXTS.index("category")] = inner.category or "other"
                own[0, _TEXTS.index("source")] = "yours"
                values = self.per_100g.loc[inner.food_id].to_numpy(dtype=float) * grams / 100.0
                blocks.append((own, np.concatenate([[grams], values])[None, :]))
        row = self.rows[recipe_id]
        batch = row.yield_g if not math.isnan(row.yield_g) else float(numbers[:, 0].sum())
        if not batch > 0:
            self.bad(
                pd.Series({"path": row.path, "line": row.line}),
                "yield_g",
                "",
                f"recipe {row.name!r} weighs nothing",
                "give yield_g",
            )
            return
        part_texts = np.vstack([b[0] for b in blocks])
        per_g = np.vstack([b[1] for b in blocks]) / batch
        self.flat[recipe_id] = (part_texts, per_g)
        self.batch_g[recipe_id] = batch
        self.weights[recipe_id] = numbers[:, 0]
        known = ~np.isnan(per_g[:, 1:])
        totals = np.where(known, per_g[:, 1:], 0.0).sum(axis=0) * 100.0
        self.recipe_100g[recipe_id] = np.where(known.any(axis=0), totals, np.nan)


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
    recipes = pd.DataFrame.from_dict(
        builder.recipe_100g, orient="index", columns=list(NUTRIENT_COLUMNS), dtype="float64"
    )
    per_100g = pd.concat([builder.per_100g, recipes]) if len(recipes) else builder.per_100g
    parts, ingredients = builder.tables()
    book = MyFoods(rows, per_100g, per_unit, parts, builder.batch_g)
    book.ingredients = ingredients
    return book


def _file_order(paths: str | Path | Sequence[str | Path], path: str) -> int:
    listed = [str(paths)] if isinstance(paths, str | Path) else [str(p) for p in paths]
    return listed.index(path) if path in listed else 0
