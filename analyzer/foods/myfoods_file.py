"""The my-foods file: your custom foods, recipes and supplements, read and checked line by line.

A CSV file with a header row (header names in any case). Each row has a ``kind``:

``food``
    A custom food: ``name``, optional ``aliases`` (``;``-separated), ``category`` (one of the
    categories of ``foods.csv``), the nutrients by the columns of ``foods.csv``
    (``energy_kcal``, ``protein_g``, ``calcium_mg``, ``phosphorus_mg``, ``magnesium_mg``,
    ``potassium_mg``, ``sodium_mg``, ``caffeine_mg``) given ``per`` ``100g`` or ``serving``,
    with ``serving_g`` and an optional ``serving_unit`` (``bar``, ``scoop``) so that "2 bars"
    works. A blank nutrient is unknown, never zero.
``recipe``
    ``name``, ``yield_g`` (the cooked weight) and/or ``yield_servings``, then one row per
    ingredient below it with ``ingredient``, ``amount`` and ``unit`` (``kind`` and ``name``
    blank). Ingredients are matched and converted like diary rows (USDA foods, your foods,
    other recipes); a recipe's nutrients come from them.
``supplement``
    ``name``, ``per`` ``unit`` (or blank) with ``serving_unit`` naming the unit (``tablet``,
    ``capsule``, ``scoop``, ``ml``), and the elemental amounts per unit (``calcium_mg`` ...)
    and/or a ``compound`` with its mass (``calcium carbonate``, ``compound_mg`` 1250;
    :mod:`analyzer.foods.supplements`). A supplement's blank nutrient is zero: a Supplement
    Facts label lists what the product holds.

Columns ``note``, ``notes``, ``comment`` and ``source`` are for you and are not read; any
other unknown column is an error (a misspelled nutrient would otherwise be lost). This module
checks each line on its own (:func:`read_my_foods_file`; several files,
:func:`analyzer.foods.myfoods.read_my_foods_files`); recipes are resolved against the
foods by :mod:`analyzer.diary.recipes`.
"""

from __future__ import annotations

import csv
import math
import os
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

from analyzer.foods.supplements import compound, compound_names
from analyzer.nutrients import CATEGORIES, NUTRIENT_COLUMNS, value_limits

#: Environment variable naming the default my-foods file ("" turns it off).
MY_FOODS_ENV = "ANALYZER_FOODS"
#: Kinds of rows.
KINDS = ("food", "recipe", "supplement")
#: What a food's nutrients are given per; a supplement's are per ``unit``.
PER_WORDS = {"100g": "100g", "100 g": "100g", "serving": "serving", "unit": "unit"}
#: Prefix of the food ids of your own foods (``my:sunday chili``).
MY_ID_PREFIX = "my:"
#: The fix for a value nothing can hold.
CHECK_NUMBER = (
    "check the number and its unit (mg, not micrograms; per 100 g or per serving as the per "
    "column says)"
)
#: Columns read from the file (besides the nutrients).
TEXT_COLUMNS = (
    "kind",
    "name",
    "aliases",
    "category",
    "per",
    "serving_unit",
    "ingredient",
    "amount",
    "unit",
    "compound",
)
NUMBER_COLUMNS = ("serving_g", "yield_g", "yield_servings", "compound_mg")
#: Columns for the user, never read.
IGNORED_COLUMNS = frozenset({"note", "notes", "comment", "comments", "source"})
KNOWN_COLUMNS = frozenset({*TEXT_COLUMNS, *NUMBER_COLUMNS, *NUTRIENT_COLUMNS, *IGNORED_COLUMNS})

#: One problem: (path, line, column, value, problem, fix).
Problem = tuple[str, int, str, str, str, str]


def default_my_foods_path() -> Path | None:
    """The default my-foods file (it may not exist), or None when turned off.

    ``$ANALYZER_FOODS`` when set (empty turns it off), else
    ``$XDG_CONFIG_HOME/analyzer/my_foods.csv``, else ``~/.config/analyzer/my_foods.csv``.
    """
    configured = os.environ.get(MY_FOODS_ENV)
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "analyzer" / "my_foods.csv"


def name_key(name: str) -> str:
    """How a name is looked up: case and spacing aside (``Sunday  Chili`` = ``sunday chili``)."""
    return " ".join(str(name).split()).casefold()


def my_food_id(name: str) -> str:
    """The food id of one of your foods: ``my:`` and its name's key."""
    return MY_ID_PREFIX + name_key(name)


def is_my_food_id(food_id: object) -> bool:
    """Whether a food id is one of your foods (not an NDB number)."""
    return isinstance(food_id, str) and food_id.startswith(MY_ID_PREFIX)


@dataclass
class Ingredient:
    """One ingredient row of a recipe, as written."""

    line: int
    text: str
    amount: str
    unit: str


@dataclass
class MyFoodRow:
    """One food, recipe or supplement as defined in a my-foods file.

    ``values`` are the nutrients as given (per 100 g or per serving for a food, per unit for
    a supplement; NaN = unknown); ``elemental`` the minerals of a supplement's compound.
    """

    kind: str
    name: str
    path: str
    line: int
    aliases: tuple[str, ...] = ()
    category: str | None = None
    per: str = ""
    serving_g: float = math.nan
    serving_unit: str = ""
    yield_g: float = math.nan
    yield_servings: float = math.nan
    values: dict[str, float] = field(default_factory=dict)
    compound: str = ""
    compound_mg: float = math.nan
    ingredients: list[Ingredient] = field(default_factory=list)

    @cached_property
    def keys(self) -> tuple[str, ...]:
        """The lookup keys of its name and aliases (:func:`name_key`), name first."""
        return tuple(name_key(n) for n in (self.name, *self.aliases))

    @cached_property
    def food_id(self) -> str:
        """``my:`` and the name's key."""
        return MY_ID_PREFIX + self.keys[0]

    @property
    def where(self) -> str:
        """``file line N``, for messages."""
        return f"{self.path} line {self.line}"


class _Reader:
    """Reads one file's rows into :class:`MyFoodRow` objects, collecting problems."""

    def __init__(self, path: str, header: list[str]) -> None:
        self.path = path
        self.at = {name: i for i, name in enumerate(header) if name}
        self.problems: list[Problem] = []
        self.rows: list[MyFoodRow] = []
        self.line = 0
        #: The row ingredient rows belong to: the last food, recipe or supplement row read
        #: (None before the first; ``skip`` after a row too bad to read, already reported).
        self.current: MyFoodRow | str | None = None
        #: The current row's cells by column, stripped (blank cells left out).
        self.cells: dict[str, str] = {}

    def cell(self, column: str) -> str:
        """The current row's cell of ``column``, stripped ("" when absent)."""
        return self.cells.get(column, "")

    def bad(self, column: str, value: str, problem: str, fix: str) -> None:
        self.problems.append((self.path, self.line, column, value, problem, fix))

    def number(self, column: str, *, positive: bool = False) -> float:
        """A number cell: NaN when blank; a problem when not a number or negative."""
        text = self.cells.get(column, "")
        if not text:
            return math.nan
        try:
            value = float(text)
        except ValueError:
            value = math.nan
        if not math.isfinite(value):
            self.bad(column, text, "not a number", "write a plain number such as 120 or 1.5")
            return math.nan
        if value < 0 or (positive and value == 0):
            more = "more than 0" if positive else "0 or more"
            self.bad(column, text, "negative" if value < 0 else "zero", f"give {more}")
            return math.nan
        return value

    def read(self, line: int, row: list[str]) -> None:
        self.line = line
        width = len(row)
        self.cells = {c: row[i].strip() for c, i in self.at.items() if i < width and row[i]}
        kind = self.cell("kind").casefold()
        if not kind and self.cell("ingredient"):
            kind = "ingredient"
        if kind == "ingredient":
            self._ingredient()
        elif kind not in KINDS:
            shown = self.cell("kind")
            problem = "unknown kind" if shown else "no kind"
            self.bad("kind", shown, problem, "use food, recipe or supplement")
            self.current = "skip"
        else:
            self.current = "skip"
            self._entry(kind)

    def _ingredient(self) -> None:
        recipe = self.current
        text = self.cell("ingredient")
        if recipe == "skip":
            return  # its recipe's row is bad and reported
        if not isinstance(recipe, MyFoodRow) or recipe.kind != "recipe":
            self.bad(
                "ingredient",
                text,
                "an ingredient row outside a recipe",
                "put ingredient rows right below their recipe's row (kind recipe)",
            )
            return
        name = self.cell("name")
        if name and name_key(name) != name_key(recipe.name):
            self.bad(
                "name",
                name,
                f"an ingredient row of {recipe.name!r} names another food",
                "leave name blank on ingredient rows",
            )
            return
        if not text:
            self.bad("ingredient", text, "no ingredient", "name the ingredient")
            return
        if not self.cell("amount"):
            self.bad("amount", "", f"no amount for {text!r}", "give the amount, e.g. 2 or 150")
            return
        recipe.ingredients.append(
            Ingredient(self.line, text, self.cell("amount"), self.cell("unit"))
        )

    def _entry(self, kind: str) -> None:
        name = self.cell("name")
        if not name:
            self.bad("name", "", f"a {kind} without a name", "give the name you log it by")
            return
        entry = MyFoodRow(kind=kind, name=name, path=self.path, line=self.line)
        self.current = entry
        entry.aliases = tuple(a.strip() for a in self.cell("aliases").split(";") if a.strip())
        category = self.cell("category").casefold()
        if category and category not in CATEGORIES:
            self.bad(
                "category",
                self.cell("category"),
                "unknown category",
                f"use one of {', '.join(CATEGORIES)}",
            )
        entry.category = category if category in CATEGORIES else None
        per = self.cell("per")
        entry.per = PER_WORDS.get(per.casefold().removeprefix("per ").strip(), "?" if per else "")
        entry.serving_g = self.number("serving_g", positive=True)
        entry.serving_unit = self.cell("serving_unit")
        entry.values = {c: self.number(c) for c in NUTRIENT_COLUMNS}
        {"food": self._food, "recipe": self._recipe, "supplement": self._supplement}[kind](
            entry, per
        )
        self._plausible(entry)
        self.rows.append(entry)

    def _plausible(self, entry: MyFoodRow) -> None:
        """Values no food or supplement can have (more calcium than its own mass, 1e308
        kcal) are problems of their cell (:func:`analyzer.nutrients.value_limits`)."""
        for column, value in entry.values.items():
            over = [(lim, what) for lim, what in value_limits(column, entry.per, entry.serving_g)
                    if value > lim]  # fmt: skip
            if math.isnan(value) or not over:
                continue
            limit, what = over[0]
            problem = f"more than {what} can hold (at most {limit:,.0f} {column.rsplit('_')[-1]})"
            shown = column
            if not self.cell(column):  # from the compound's mass
                problem = f"gives {value:,.0f} mg of {column.removesuffix('_mg')}, " + problem
                shown = "compound_mg"
            self.bad(shown, self.cell(shown), problem, CHECK_NUMBER)

    def _food(self, entry: MyFoodRow, per: str) -> None:
        if entry.per not in ("100g", "serving"):
            self.bad(
                "per",
                per,
                "no per" if not per else "unknown per",
                "give per: 100g or serving (what the nutrients are given for)",
            )
        elif entry.per == "serving" and math.isnan(entry.serving_g):
            self.bad(
                "serving_g",
                "",
                f"nutrients per serving but no serving_g for {entry.name!r}",
                "give the serving's weight in grams",
            )
        if entry.serving_unit and math.isnan(entry.serving_g):
            self.bad(
                "serving_g",
                "",
                f"serving_unit {entry.serving_unit!r} without serving_g",
                "give the weight of one serving_unit in grams",
            )

    def _recipe(self, entry: MyFoodRow, per: str) -> None:
        entry.yield_g = self.number("yield_g", positive=True)
        entry.yield_servings = self.number("yield_servings", positive=True)
        no_yield = not (self.cell("yield_g") or self.cell("yield_servings"))
        if no_yield:
            self.bad(
                "yield_g",
                "",
                f"recipe {entry.name!r} has no yield",
                "give yield_g (its weight when done) and/or yield_servings",
            )
        given = [c for c, v in entry.values.items() if not math.isnan(v)]
        if given:
            self.bad(
                given[0],
                self.cell(given[0]),
                "a recipe row with a nutrient",
                "leave a recipe's nutrients blank: they come from its ingredients",
            )

    def _supplement(self, entry: MyFoodRow, per: str) -> None:
        if entry.per not in ("", "unit"):
            self.bad(
                "per",
                per,
                "a supplement's nutrients are per unit",
                "write per: unit, and the unit in serving_unit (tablet, capsule, ...)",
            )
        entry.per = "unit"
        if not entry.serving_unit:
            self.bad(
                "serving_unit",
                "",
                f"no serving_unit for {entry.name!r}",
                "name the unit the amounts are per: tablet, capsule, scoop, ml",
            )
        entry.compound = self.cell("compound")
        entry.compound_mg = self.number("compound_mg", positive=True)
        found = compound(entry.compound) if entry.compound else None
        unknown = bool(entry.compound) and found is None
        if unknown:
            self.bad(
                "compound",
                entry.compound,
                "unknown compound",
                f"use one of {', '.join(compound_names())}, or give the elemental "
                "amounts (calcium_mg, ...) instead",
            )
        elif self.cell("compound_mg") and not entry.compound:
            self.bad(
                "compound",
                "",
                "compound_mg without a compound",
                "name the compound, e.g. calcium carbonate",
            )
        elif found is not None and not math.isnan(entry.compound_mg):
            entry.compound = found.name
            for column, amount in found.elemental_mg(entry.compound_mg).items():
                if not math.isnan(entry.values.get(column, math.nan)):
                    self.bad(
                        column,
                        self.cell(column),
                        f"{column} and compound_mg both give it",
                        "give the compound's mass or the elemental amount, not both",
                    )
                entry.values[column] = amount
        elif found is not None:
            entry.compound = found.name  # the form only; the amounts are given elementally
        if not unknown and all(math.isnan(v) for v in entry.values.values()):
            self.bad(
                "calcium_mg",
                "",
                f"no amount for supplement {entry.name!r}",
                "give calcium_mg (or another mineral) per unit, or compound and compound_mg",
            )
        entry.values = {c: 0.0 if math.isnan(v) else v for c, v in entry.values.items()}


def _rows(path: Path) -> tuple[list[list[str]], Problem | None]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            return list(csv.reader(handle)), None
    except OSError as error:
        reason = "no such file" if isinstance(error, FileNotFoundError) else str(error)
        return [], (str(path), 0, "", str(path), reason, "give an existing CSV file")
    except UnicodeDecodeError:
        return [], (str(path), 0, "", str(path), "not UTF-8 text", "save it as UTF-8 CSV")
    except csv.Error as error:
        return [], (str(path), 0, "", str(path), f"not a CSV file ({error})", "save it as CSV")


def read_my_foods_file(path: str | Path) -> tuple[list[MyFoodRow], list[Problem]]:
    """Read one my-foods file: its foods, recipes and supplements, and its bad lines.

    Returns
    -------
    rows : list of MyFoodRow
        The rows that could be read (a bad cell leaves the rest of its row usable).
    problems : list of (path, line, column, value, problem, fix)
        Every bad cell found, in file order.
    """
    rows, failed = _rows(Path(path))
    if failed is not None:
        return [], [failed]
    header = [c.strip().casefold() for c in rows[0]] if rows else []
    shown = ",".join(header) or "(empty)"
    if "kind" not in header or "name" not in header:
        return [], [
            (
                str(path),
                1,
                "",
                shown,
                "lacks the columns kind and name",
                "the first line must name the columns, e.g. kind,name,per,calcium_mg",
            )
        ]
    reader = _Reader(str(path), header)
    for position, column in enumerate(header):
        if column and column not in KNOWN_COLUMNS:
            reader.line = 1
            reader.bad(
                column,
                rows[0][position].strip(),
                "unknown column",
                "use the columns of the README's example (kind, name, aliases, "
                "category, per, serving_g, ..., calcium_mg, ...) or note",
            )
    for line, row in enumerate(rows[1:], start=2):
        if any(cell.strip() for cell in row):
            reader.read(line, row)
    place = {column: position for position, column in enumerate(header)}
    reader.problems.sort(key=lambda p: (p[1], place.get(p[2], len(header))))
    for recipe in reader.rows:
        if recipe.kind == "recipe" and not recipe.ingredients:
            reader.problems.append(
                (
                    str(path),
                    recipe.line,
                    "ingredient",
                    recipe.name,
                    "a recipe without ingredients",
                    "list its ingredients on the rows below it (ingredient, amount, unit)",
                )
            )
    return reader.rows, reader.problems
