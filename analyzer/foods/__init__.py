"""MATCH: the nutrient table, the user's own foods, the matcher, units and portions.

A diary row's food name becomes an SR28 food (:mod:`analyzer.foods.matcher`), and its
amount becomes grams through the food's USDA household portions
(:mod:`analyzer.foods.units`). ``categories`` is used when ``foods.csv`` is built.
"""

from analyzer.foods.matcher import FoodMatch, FoodMatcher
from analyzer.foods.table import default_matcher, find_food, load_foods, lookup_food
from analyzer.foods.units import load_portions, parse_amount, to_grams

__all__ = [
    "FoodMatch",
    "FoodMatcher",
    "default_matcher",
    "find_food",
    "load_foods",
    "load_portions",
    "lookup_food",
    "parse_amount",
    "to_grams",
]
