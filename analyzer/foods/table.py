"""The nutrient table (USDA SR28, per 100 g) and finding foods in it by name.

:func:`load_foods` reads ``foods.csv`` with pinned dtypes (NDB ids as text, blank nutrient =
unknown = NaN). :func:`find_food` and :class:`FoodMatcher` find the food a person means by an
id, a description, a curated alias (``analyzer/data/aliases.csv``) or a head-noun-first fuzzy
match (:mod:`analyzer.foods.matcher`).

References
----------
U.S. Department of Agriculture, Agricultural Research Service (2016). USDA National Nutrient
Database for Standard Reference, Release 28 (rev.). Public domain.
"""

from __future__ import annotations

import importlib.resources
from functools import lru_cache
from pathlib import Path

import pandas as pd

from analyzer import nutrients
from analyzer.errors import DataFileError, UnknownFoodError
from analyzer.foods.matcher import EXACT_METHODS, FoodMatch, FoodMatcher

__all__ = [
    "ALIAS_COLUMNS",
    "FOOD_COLUMNS",
    "NUTRIENT_COLUMNS",
    "FoodMatch",
    "FoodMatcher",
    "bundled_path",
    "default_matcher",
    "find_food",
    "food_by_id",
    "load_aliases",
    "load_foods",
    "lookup_food",
]

#: Nutrient columns of foods.csv, each per 100 g of edible portion. [unit in the name]
NUTRIENT_COLUMNS = list(nutrients.NUTRIENT_COLUMNS)
#: Columns foods.csv must start with (more may follow, e.g. ``common_names``).
FOOD_COLUMNS = ["id", "description", "food_group", "category", *NUTRIENT_COLUMNS]
#: Columns of aliases.csv.
ALIAS_COLUMNS = ["alias", "id", "note", "leaves_out"]
#: Columns an alias table must have (``leaves_out`` is blank for most aliases).
_REQUIRED_ALIAS_COLUMNS = ALIAS_COLUMNS[:3]

_TEXT_COLUMNS = ["id", "description", "food_group", "category", "common_names"]
_REBUILD = "rebuild it with `python tools/build_foods.py <SR28 folder>` or reinstall analyzer"


def bundled_path(name: str) -> Path:
    """Path of a data file shipped with the package.

    Looks in the installed package's ``analyzer/data/`` first, then (for ``foods.csv`` in a
    source checkout) at the repository root.

    Parameters
    ----------
    name : str
        File name, e.g. ``"foods.csv"`` or ``"aliases.csv"``.

    Returns
    -------
    Path
        The file's path (it may not exist; loaders report that).
    """
    packaged = Path(str(importlib.resources.files("analyzer") / "data" / name))
    if packaged.exists():
        return packaged
    root = Path(__file__).resolve().parents[2] / name
    return root if root.exists() else packaged


def _read_csv(path: Path, dtypes: dict[str, str], required: list[str], what: str) -> pd.DataFrame:
    if not path.exists():
        raise DataFileError(str(path), f"{what} not found", _REBUILD)
    try:
        header = pd.read_csv(path, nrows=0).columns
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), f"cannot read {what}: {error}", _REBUILD) from None
    missing = [c for c in required if c not in header]
    if missing:
        raise DataFileError(
            str(path),
            f"{what} lacks column{'s' if len(missing) > 1 else ''} {', '.join(missing)}",
            f"expected columns {', '.join(required)}",
        )
    pinned = {c: t for c, t in dtypes.items() if c in header}
    try:
        return pd.read_csv(
            path, dtype=pinned, keep_default_na=False, na_values=[""], index_col=False
        )
    except (OSError, ValueError, UnicodeDecodeError) as error:
        raise DataFileError(str(path), f"cannot read {what}: {error}", _REBUILD) from None


@lru_cache(maxsize=4)
def _load_foods_cached(path: Path) -> pd.DataFrame:
    dtypes = {c: "string" for c in _TEXT_COLUMNS} | {c: "float64" for c in NUTRIENT_COLUMNS}
    frame = _read_csv(path, dtypes, FOOD_COLUMNS, "nutrient table")
    frame["id"] = frame["id"].str.strip().str.zfill(5)
    return frame


def load_foods(path: str | Path | None = None) -> pd.DataFrame:
    """Load the nutrient table (all USDA SR28 foods, nutrients per 100 g).

    Parameters
    ----------
    path : str or Path, optional
        A foods.csv; default the bundled one (:func:`bundled_path`). Cached per path.

    Returns
    -------
    DataFrame
        ``id`` (5-digit NDB number as text), ``description``, ``food_group``, ``category``,
        ``energy_kcal`` [kcal], ``protein_g`` [g], ``calcium_mg``, ``phosphorus_mg``,
        ``magnesium_mg``, ``potassium_mg``, ``sodium_mg``, ``caffeine_mg`` [mg], all per
        100 g (NaN = not reported), then any extra columns such as ``common_names``.

    Raises
    ------
    DataFileError
        The file is missing, unreadable or lacks required columns (named in the message).
    """
    resolved = Path(path) if path is not None else bundled_path("foods.csv")
    return _load_foods_cached(resolved.resolve()).copy(deep=False)


@lru_cache(maxsize=4)
def _load_aliases_cached(path: Path) -> pd.DataFrame:
    frame = _read_csv(
        path, dict.fromkeys(ALIAS_COLUMNS, "string"), _REQUIRED_ALIAS_COLUMNS, "alias table"
    )
    frame["id"] = frame["id"].str.strip().str.zfill(5)
    if "leaves_out" not in frame.columns:
        frame["leaves_out"] = pd.array([pd.NA] * len(frame), dtype="string")
    return frame[ALIAS_COLUMNS]


def load_aliases(path: str | Path | None = None) -> pd.DataFrame:
    """Load the alias table: common names people log, each with its SR28 food.

    Parameters
    ----------
    path : str or Path, optional
        An aliases.csv; default the bundled ``analyzer/data/aliases.csv``.

    Returns
    -------
    DataFrame
        ``alias`` (as people write it), ``id`` (NDB number as text), ``note`` (why),
        ``leaves_out`` (for an alias naming only the main part of a mixed drink, what it
        leaves out: a latte is its milk, without the espresso's caffeine; else blank).

    Raises
    ------
    DataFileError
        The file is missing, unreadable or lacks required columns.
    """
    resolved = Path(path) if path is not None else bundled_path("aliases.csv")
    return _load_aliases_cached(resolved.resolve()).copy(deep=False)


@lru_cache(maxsize=1)
def default_matcher() -> FoodMatcher:
    """The process-wide matcher on the bundled foods and aliases.

    Built once per installation and data version, then loaded from the on-disk cache
    (:mod:`analyzer.foods.cache`) by every later process: building it takes about a second.
    """
    from analyzer.foods.cache import cache_key, cached, source_files

    def build() -> FoodMatcher:
        return FoodMatcher(load_foods(), load_aliases())

    try:
        key = cache_key([bundled_path("foods.csv"), bundled_path("aliases.csv"), *source_files()])
    except OSError:
        return build()
    return cached("matcher", key, build, FoodMatcher)


def find_food(name: str, limit: int = 5, foods: pd.DataFrame | None = None) -> pd.DataFrame:
    """Foods matching a name, best first.

    Parameters
    ----------
    name : str
        A food name as logged (``"2% milk"``, ``"Frozen Spinach, Organic"``) or an NDB id.
    limit : int
        Most candidates returned.
    foods : DataFrame, optional
        A nutrient table to search instead of the bundled one (no curated aliases then).

    Returns
    -------
    DataFrame
        Columns ``id, description, category, score`` (0-100) and ``method``
        (``id|description|alias|fuzzy``); empty when nothing fits. Use
        :meth:`FoodMatcher.match` for the reason and "did you mean" suggestions.

    Examples
    --------
    >>> find_food("cheddar cheese", limit=1)[["id", "description"]].to_dict("records")
    [{'id': '01009', 'description': 'Cheese, cheddar'}]
    """
    matcher = default_matcher() if foods is None else FoodMatcher(foods)
    return matcher.candidates(name, limit)


def food_by_id(food_id: str, foods: pd.DataFrame | None = None) -> pd.Series:
    """The nutrient-table row of one food.

    Parameters
    ----------
    food_id : str
        NDB number; leading zeros may be left out (``"1077"`` is ``"01077"``).
    foods : DataFrame, optional
        Table to look in; default the bundled one.

    Raises
    ------
    UnknownFoodError
        No food has this id; the message suggests foods by name when the text is a name.
    """
    table = load_foods() if foods is None else foods
    key = str(food_id).strip()
    key = key.zfill(5) if key.isdigit() else key
    rows = table[table["id"] == key]
    if rows.empty:
        found = find_food(key, limit=3) if foods is None else pd.DataFrame({"description": []})
        raise UnknownFoodError(key, [str(d) for d in found["description"]])
    return rows.iloc[0]


def lookup_food(text: str) -> pd.Series:
    """The nutrient-table row of a food given by NDB id, exact description or common name.

    Parameters
    ----------
    text : str
        An NDB id (``"1077"``, ``"01077"``), a USDA description (any case) or a curated
        alias / SR28 common name (``"whole milk"``, ``"bok choy"``).

    Returns
    -------
    Series
        The food's row of :func:`load_foods`.

    Raises
    ------
    UnknownFoodError
        Nothing identifies the food exactly; the message suggests candidates as
        ``"<id> <description>"`` so that the id can be used.

    Examples
    --------
    >>> lookup_food("whole milk")["id"]
    '01077'
    """
    key = str(text).strip()
    if key.isdigit():
        return food_by_id(key)
    matcher = default_matcher()
    match = matcher.match(key)
    if match.food_id is not None and match.method in EXACT_METHODS:
        return food_by_id(match.food_id)
    found = matcher.candidates(key, 3)
    suggestions = [f"{i} {d}" for i, d in zip(found["id"], found["description"], strict=True)]
    raise UnknownFoodError(key, suggestions or match.suggestions)
