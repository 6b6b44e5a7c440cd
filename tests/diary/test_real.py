"""Real-data regression: everyday names with household units give the grams USDA implies.

Matching uses the bundled foods.csv and aliases; grams the bundled SR28 portions.
Hand arithmetic from SR28 WEIGHT.txt / FOOD_DES (per 100 g values from NUT_DATA):
- 2% milk = 01079; 1 cup = 244 g -> 0.5 cup = 122 g; Ca 122 * 120/100 = 146.4 mg
- cola = 14148; "can or bottle (12 fl oz)" = 370 g -> 1 can = 370 g; Ca 370 * 1/100 = 3.7 mg
- white bread = 18069; slice = 29 g (first slice portion) -> 2 slices = 58 g;
  Ca 58 * 144/100 = 83.52 mg
- baked potato = 11674 (flesh and skin); "potato medium" = 173 g; Ca 173 * 15/100 = 25.95 mg
- whole milk = 01077; 1 cup = 244 g and 1 cup = 236.5882 ml -> 1.03133 g/ml;
  250 ml = 257.83 g; Ca 257.83 * 113/100 = 291.35 mg
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.diary import read_diary

DATA = Path(__file__).parents[1] / "data" / "diaries"


def test_everyday_household_units() -> None:
    diary = read_diary(DATA / "own_everyday.csv")
    entries = diary.entries
    # First the input: five rows, all usable.
    assert entries["food"].tolist() == [
        "2% milk",
        "cola",
        "white bread",
        "baked potato",
        "whole milk",
    ]
    assert diary.rejected.empty
    assert entries["food_id"].tolist() == ["01079", "14148", "18069", "11674", "01077"]
    assert entries["grams"].tolist() == pytest.approx(
        [122.0, 370.0, 58.0, 173.0, 250 * 244 / 236.5882365], rel=1e-4
    )
    assert entries["calcium_mg"].tolist() == pytest.approx(
        [146.4, 3.7, 83.52, 25.95, 291.35], rel=1e-4
    )
    assert entries["category"].tolist() == ["dairy", "soda", "other", "other", "dairy"]
    assert (entries["source"] == "usda").all()


def test_cronometer_categories_from_real_matcher() -> None:
    diary = read_diary(DATA / "cronometer_servings.csv")
    by_food = dict(zip(diary.entries["food"], diary.entries["category"], strict=True))
    # The app's nutrients are kept; matching only sets the category.
    assert by_food["Milk, 2%"] == "dairy"
    assert by_food["Spinach, Frozen, Organic"] == "greens"
    assert diary.entries["calcium_mg"].sum() == pytest.approx(704.0)
