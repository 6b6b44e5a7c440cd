"""Shared by the food tests: a tiny table of real SR28 ids and descriptions.

Unit tests match against it, so they do not move when ``foods.csv`` is edited; the tests
on the real table are in ``test_real_names.py``.
"""

from __future__ import annotations

import pandas as pd
import pytest

from analyzer.foods.table import FoodMatcher

# --- a tiny table: real SR28 ids and descriptions ------------------------------------------

TINY = pd.DataFrame(
    {
        "id": ["01009", "01077", "11161", "11162", "11163", "14148", "19165", "16056", "16157"],
        "description": [
            "Cheese, cheddar",
            "Milk, whole, 3.25% milkfat, with added vitamin D",
            "Collards, raw",
            "Collards, cooked, boiled, drained, without salt",
            "Collards, frozen, chopped, unprepared",
            "Beverages, carbonated, cola, regular",
            "Cocoa, dry powder, unsweetened",
            "Chickpeas (garbanzo beans, bengal gram), mature seeds, raw",
            "Chickpea flour (besan)",
        ],
        "category": [
            "dairy",
            "dairy",
            "greens",
            "greens",
            "greens",
            "soda",
            "other",
            "other",
            "other",
        ],
        "common_names": [
            pd.NA,
            pd.NA,
            pd.NA,
            pd.NA,
            pd.NA,
            "soda pop, Includes USDA commodity B123",
            pd.NA,
            "bengal gram",
            "besan, gram flour",
        ],
    }
)
TINY_ALIASES = pd.DataFrame(
    {
        "alias": ["coke", "whole milk", "ghost food"],
        "id": ["14148", "01077", "99999"],
        "note": ["curated", "curated", "an id that is not in the table"],
    }
)


@pytest.fixture(scope="module")
def tiny() -> FoodMatcher:
    return FoodMatcher(TINY, TINY_ALIASES)
