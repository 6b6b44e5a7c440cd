"""Tests of the week's largest sources and swaps (analyzer/sources.py), on inline entries."""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analyzer.report.model import SourceRow
from analyzer.report.top_sources import (
    sources_by_food,
    sources_by_group,
    swap_nutrients,
    swaps_for,
)
from analyzer.report.wording import amount_text

# Two days: a 12-fl-oz cola a day (USDA 14148, 370 g: 9 mg P and 9 mg caffeine per 100 g
# -> 33.3 mg each), ground beef on day 1 (4 oz = 113.4 g x 238 mg P/100 g = 269.9 mg P),
# and decaf coffee (nothing to swap).
ENTRIES = pd.DataFrame(
    {
        "date": pd.to_datetime(["2026-11-16", "2026-11-16", "2026-11-17", "2026-11-17"]),
        "food": ["Cola", "ground beef", "cola", "decaf"],
        "food_id": pd.array(["14148", "23570", "14148", "14201"], dtype="string"),
        "description": [
            "Beverages, carbonated, cola, regular",
            "Beef, ground, 85% lean meat / 15% fat, crumbles, cooked, pan-browned",
            "Beverages, carbonated, cola, regular",
            "Beverages, coffee, brewed, prepared with tap water, decaffeinated",
        ],
        "category": ["soda", "red_meat", "soda", "coffee"],
        "group": ["soda", "red_meat", "soda", "coffee"],
        "quantity": [1.0, 4.0, 1.0, 1.0],
        "unit": pd.array(["can", "oz", "can", "cup"], dtype="string"),
        "grams": [370.0, 113.398, 370.0, 237.0],
        "phosphorus_mg": [33.3, 269.887, 33.3, 2.37],
        "caffeine_mg": [33.3, 0.0, 33.3, 2.37],
        "diuretic_load_mg": [1.8, 30.0, 1.8, 0.2],
        "caffeine_calcium_mg": [1.665, 0.0, 1.665, 0.1185],
        "protein_calcium_mg": [0.0, 31.4, 0.0, 0.237],
        "sodium_calcium_mg": [0.1, 1.5, 0.1, 0.0],
    }
)


def test_sources_by_food_per_day_and_share() -> None:
    table = sources_by_food(ENTRIES, days=2).set_index("food_id")
    cola = table.loc["14148"]
    assert cola["food"] == "Cola"  # as first written ("cola" is the same name)
    # 2 cans over 2 days = 1 can a day; 66.6 mg P / 2 days = 33.3 mg P a day
    assert (cola["amount_per_day"], cola["unit"]) == (1.0, "can")
    assert cola["phosphorus_mg"] == pytest.approx(33.3)
    # share of the week's P: 66.6 / (66.6 + 269.887 + 2.37) = 66.6 / 338.857 = 0.19654
    assert cola["phosphorus_share"] == pytest.approx(66.6 / 338.857)
    assert table.loc["23570", "phosphorus_mg"] == pytest.approx(269.887 / 2)


def test_one_food_written_two_ways_names_both_and_its_grams() -> None:
    # day 2's cola written as "coke" in ml: one USDA food (14148) under two names and two
    # units, so its amount is its grams, 370 + 370 = 740 g in the 2 days
    entries = ENTRIES.assign(
        food=["Cola", "ground beef", "coke", "decaf"],
        unit=pd.array(["can", "oz", "ml", "cup"], dtype="string"),
        quantity=[1.0, 4.0, 355.0, 1.0],
    )
    table = sources_by_food(entries, days=2).set_index("food_id")
    cola = table.loc["14148"]
    assert cola["food"] == "Cola, coke"
    assert pd.isna(cola["unit"]) and pd.isna(cola["amount_per_day"])
    assert cola["grams_per_day"] == pytest.approx(370.0)
    row = SourceRow.model_validate({**cola.to_dict(), "food_id": "14148", "amount_per_day": None})
    assert amount_text(row) == "740 g in 2 days"
    # 1,000 ml of milk in 5 days, not "1e+03 ml"
    milk = row.model_copy(update={"amount_per_day": 200.0, "unit": "ml", "days": 5})
    assert amount_text(milk) == "1,000 ml in 5 days"


def test_sources_by_group_sums_per_day() -> None:
    groups = sources_by_group(ENTRIES, days=2)
    assert groups.loc["soda", "diuretic_load_mg"] == pytest.approx(1.8)
    assert groups.loc["red_meat", "protein_calcium_mg"] == pytest.approx(15.7)
    assert groups["phosphorus_share"].sum() == pytest.approx(1.0)


def test_swaps_for_cola_not_for_decaf() -> None:
    swaps = swaps_for(sources_by_food(ENTRIES, days=2), swap_nutrients())
    assert [s["swap"] for s in swaps] == ["sparkling water (club soda)"]
    cola = swaps[0]
    # club soda 14121 has 0 mg P and 0 mg caffeine per 100 g: the whole 33.3 mg each is saved
    assert cola["saves_phosphorus_mg"] == pytest.approx(33.3)
    assert cola["saves_caffeine_mg"] == pytest.approx(33.3)


def test_unknown_values_and_missing_columns() -> None:
    bare = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-11-16"]),
            "food": ["Daily total"],
            "category": ["other"],
            "group": ["other"],
            "phosphorus_mg": [math.nan],
            "caffeine_mg": [math.nan],
            "diuretic_load_mg": [0.0],
        }
    )
    table = sources_by_food(bare, days=1)
    assert table["food"].tolist() == ["Daily total"]
    assert math.isnan(table["phosphorus_mg"].iloc[0])
    assert swaps_for(table, swap_nutrients()) == []
    assert sources_by_food(bare.iloc[:0], days=1).empty
