"""The nutrients the analyzer tracks, in one place.

Each is a column of ``foods.csv`` (per 100 g of edible portion) and of a diary's entries
(per entry), with its unit in the name; the SR28 nutrient number is its source (USDA ARS,
SR28 documentation, NUTR_DEF.txt).
"""

from __future__ import annotations

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
