"""The vocabulary every stage shares: nutrients, minerals, food categories and load groups.

Each nutrient is a column of ``foods.csv`` (per 100 g of edible portion) and of a diary's
entries (per entry), with its unit in the name; the SR28 nutrient number is its source (USDA
ARS, SR28 documentation, NUTR_DEF.txt). Everything here is defined once and imported: a
copy is a future disagreement.
"""

from __future__ import annotations

import math
from typing import Final

#: Nutrient columns, units in the names. NaN means unknown (SR28 gave no value), never 0.
NUTRIENT_COLUMNS: tuple[str, ...] = (
    "energy_kcal",  # SR28 208
    "protein_g",  # SR28 203
    "calcium_mg",  # SR28 301
    "phosphorus_mg",  # SR28 305
    "magnesium_mg",  # SR28 304
    "potassium_mg",  # SR28 306
    "sodium_mg",  # SR28 307
    "caffeine_mg",  # SR28 262
)

#: Most of each nutrient one diary entry can hold (an app's day total included): ten times
#: the highest daily intakes the DRI reports consider (e.g. calcium 1,000 mg/day, UL 2,500).
#: This tool's sanity limit, not a literature value: a cell above it (``1e308``) is a typo or
#: a broken export, reported with its line rather than summed.
MAX_PER_ENTRY: Final[dict[str, float]] = {
    "energy_kcal": 30_000.0,
    "protein_g": 3_000.0,
    "calcium_mg": 30_000.0,
    "phosphorus_mg": 40_000.0,
    "magnesium_mg": 10_000.0,
    "potassium_mg": 100_000.0,
    "sodium_mg": 100_000.0,
    "caffeine_mg": 10_000.0,
}

#: Most of each nutrient 100 g of anything can hold: its own mass (100,000 mg), 100 g of
#: protein, 900 kcal (pure fat, 9 kcal/g: Atwater factors, FAO 2003 Food energy, ch. 3);
#: energy and protein a tenth more, for a label's rounding of a small serving. A value per
#: 100 g above it is a typo, reported with its line. This tool's sanity limit.
MAX_PER_100_G: Final[dict[str, float]] = {
    "energy_kcal": 990.0,
    "protein_g": 110.0,
    "calcium_mg": 100_000.0,
    "phosphorus_mg": 100_000.0,
    "magnesium_mg": 100_000.0,
    "potassium_mg": 100_000.0,
    "sodium_mg": 100_000.0,
    "caffeine_mg": 100_000.0,
}


def value_limits(column: str, per: str, serving_g: float) -> list[tuple[float, str]]:
    """The most a nutrient value may be, given ``per`` ``100g``, ``serving`` (of
    ``serving_g`` grams; NaN when unknown) or ``unit``, each with what it is the most of.

    Examples
    --------
    >>> value_limits("protein_g", "serving", 20.0)
    [(3000.0, 'one serving or unit'), (22.0, '100 g of anything')]
    """
    limits = [(MAX_PER_ENTRY[column], "one serving or unit")] if per != "100g" else []
    per_100_g = {"100g": 1.0, "serving": 100.0 / serving_g}.get(per, math.nan)
    if not math.isnan(per_100_g):
        limits.append((MAX_PER_100_G[column] / per_100_g, "100 g of anything"))
    return limits


#: Minerals with a DRI target (RDA or AI), in report order.
TARGET_MINERALS: Final[tuple[str, ...]] = ("calcium", "phosphorus", "magnesium", "potassium")
#: The two minerals of the Ca:P ratio.
CA_P: Final[tuple[str, str]] = ("calcium", "phosphorus")

#: Food categories of ``foods.csv``, in report order (rules: :mod:`analyzer.foods.categories`).
CATEGORIES: Final[tuple[str, ...]] = (
    "red_meat",
    "dairy",
    "soda",
    "coffee",
    "tea",
    "greens",
    "other",
)
#: Groups every entry is attributed to (its category when listed here, else ``other``).
GROUPS: Final[tuple[str, ...]] = ("red_meat", "dairy", "soda", "coffee", "tea", "other")
#: The four groups whose calciuria makes up the diuretic load.
DIURETIC_GROUPS: Final[tuple[str, ...]] = ("red_meat", "dairy", "soda", "coffee")
#: Mechanisms of the diuretic load, as column stems (``caffeine_calcium_mg``, ...).
MECHANISMS: Final[tuple[str, ...]] = ("caffeine", "protein", "sodium")
#: How each group is named to a reader.
GROUP_LABELS: Final[dict[str, str]] = {
    "red_meat": "red meat",
    "dairy": "dairy",
    "soda": "soda",
    "coffee": "coffee",
    "tea": "tea",
    "other": "other (not in the load)",
}
