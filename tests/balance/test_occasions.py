"""Eating occasions: meal, split by clock-time gaps; time alone; entry alone.

Weaver's load equation, FA(L) = 0.889 - 0.0964 ln(L) (Weaver et al. 2017), applies per
eating occasion, so the grouping changes absorbable calcium.
"""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analyzer.balance.analysis import analyze
from analyzer.balance.occasions import clock_minutes, occasion_keys
from analyzer.models import OccasionRule, Settings


def entries(
    meals: list[str | None], times: list[str | None], calcium: float = 300.0
) -> pd.DataFrame:
    """Milk-like entries of one day, ``calcium`` mg each (dairy: index 1.0)."""
    n = len(meals)
    frame = pd.DataFrame(
        {
            "line": np.arange(2, n + 2),
            "person": "",
            "date": pd.Timestamp("2026-11-16"),
            "meal": pd.array(meals, dtype="string"),
            "time": pd.array(times, dtype="string"),
            "category": "dairy",
            "description": "Milk, reduced fat, fluid, 2% milkfat, with added vitamin A",
        }
    )
    for column in ("energy_kcal", "protein_g", "phosphorus_mg", "magnesium_mg"):
        frame[column] = 0.0
    for column in ("potassium_mg", "sodium_mg", "caffeine_mg"):
        frame[column] = 0.0
    frame["calcium_mg"] = calcium
    return frame


def keys(frame: pd.DataFrame, rule: OccasionRule = "auto") -> tuple[list[str], list[int]]:
    labels, codes = occasion_keys(frame.assign(person=""), Settings(occasion=rule))
    return labels.tolist(), pd.factorize(codes)[0].tolist()


def test_clock_minutes_forms() -> None:
    values = clock_minutes(pd.Series(["08:05", "8:05 PM", "12:30 am", "20.15", "7pm", "8", "x"]))
    # 8*60+5 = 485; (8+12)*60+5 = 1205; 0*60+30 = 30; 20*60+15 = 1215; 19*60 = 1140
    assert values[:5].tolist() == [485.0, 1205.0, 30.0, 1215.0, 1140.0]
    assert np.isnan(values[5:]).all()  # "8" alone is not a clock time


def test_same_meal_hours_apart_is_two_occasions() -> None:
    frame = entries(["Snacks", "snacks", "Snacks"], ["10:00", "16:00", "10:40"])
    labels, codes = keys(frame)
    # 10:00 and 10:40 are 40 min apart (one occasion); 16:00 is 5 h 20 min later
    assert codes == [0, 1, 0]
    assert labels == ["Snacks 10:00", "snacks 16:00", "Snacks 10:00"]


def test_meal_foods_stamped_minutes_apart_stay_one_occasion() -> None:
    frame = entries(["Breakfast", "Breakfast", "Breakfast"], ["8:00 AM", "08:05", None])
    labels, codes = keys(frame)
    assert codes == [0, 0, 0]  # the entry without a time joins the meal's first occasion
    assert labels == ["Breakfast", "Breakfast", "Breakfast"]


def test_gap_chains_and_meal_rule_ignores_times() -> None:
    # 08:00, 08:50, 09:40: each within 60 min of the previous one -> one occasion
    frame = entries(
        [None, None, None, "lunch", "lunch"], ["08:00", "08:50", "09:40", "12:00", "18:00"]
    )
    assert keys(frame)[1] == [0, 0, 0, 1, 2]
    assert keys(frame, "meal")[1] == [0, 1, 2, 3, 3]  # no meal: each entry alone
    assert keys(frame, "entry")[1] == [0, 1, 2, 3, 4]


def test_unreadable_time_compared_as_written() -> None:
    frame = entries([None, None, None], ["morning", "morning", "evening"])
    labels, codes = keys(frame)
    assert codes == [0, 0, 1]
    assert labels == ["morning", "morning", "evening"]


def test_absorbable_calcium_per_split_occasion_by_hand() -> None:
    # Two snacks of 300 mg Ca (dairy, index 1.0) at 10:00 and 16:00:
    # separate loads: FA(300) = 0.889 - 0.0964 ln 300 = 0.889 - 0.0964 x 5.70378 = 0.339155;
    # absorbed 2 x 300 x 0.339155 = 203.493 mg.
    # As one occasion the load would be 600, above the 500 mg Weaver's equation was fitted on
    # (Heaney et al. 1990): FA held at FA(500) = 0.889 - 0.0964 x 6.21461 = 0.289912,
    # absorbed 600 x 0.289912 = 173.947 mg (the equation itself would give 163.402).
    split = analyze(entries(["Snacks", "Snacks"], ["10:00", "16:00"]))
    assert split.daily["absorbable_calcium_mg"].iloc[0] == pytest.approx(
        2 * 300 * (0.889 - 0.0964 * math.log(300)), abs=1e-6
    )
    assert split.daily["absorbable_calcium_mg"].iloc[0] == pytest.approx(203.493, abs=1e-3)
    merged = analyze(
        entries(["Snacks", "Snacks"], ["10:00", "16:00"]), None, Settings(occasion="meal")
    )
    assert merged.daily["absorbable_calcium_mg"].iloc[0] == pytest.approx(173.947, abs=1e-3)
    wide = analyze(
        entries(["Snacks", "Snacks"], ["10:00", "16:00"]), None, Settings(occasion_gap_min=400)
    )
    assert wide.daily["absorbable_calcium_mg"].iloc[0] == pytest.approx(173.947, abs=1e-3)
