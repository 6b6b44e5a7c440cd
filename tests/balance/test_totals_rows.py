"""App totals (a day's or a meal's sum) hide their foods and eating occasions.

Weaver's load equation needs the calcium of each eating occasion and the food's absorption
index, so a Cronometer daily summary or a MyFitnessPal meal total gets no absorbable calcium
and no "caffeine in one sitting" figure, while its intake totals are used as given.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd

from analyzer.balance.analysis import analyze
from analyzer.diary import read_diary

DIARIES = Path(__file__).parents[1] / "data" / "diaries"


def test_cronometer_daily_summary_rows_are_totals() -> None:
    diary = read_diary(DIARIES / "cronometer_daily.csv")
    assert diary.format == "cronometer_daily"
    assert diary.entries["is_total"].all()


def test_own_diary_rows_are_single_foods() -> None:
    diary = read_diary(DIARIES / "own_everyday.csv")
    assert not diary.entries["is_total"].any()


def test_totals_have_no_absorbable_calcium_or_sitting_caffeine() -> None:
    diary = read_diary(DIARIES / "cronometer_daily.csv")
    result = analyze(diary)
    day = result.daily.set_index("date").loc[pd.Timestamp("2026-01-27")]
    # the app's own total, as given in the fixture
    assert day["calcium_mg"] == 1023.4
    assert pd.isna(day["absorbable_calcium_mg"])
    assert pd.isna(day["caffeine_max_occasion_mg"])
    assert not any(f.code.startswith("caffeine_s") for f in result.flags)


def test_single_food_entries_keep_their_absorption() -> None:
    # 1 cup of milk alone: 276 mg Ca (SR28 01077, 113 mg/100 g x 244 g), one occasion:
    # FA = 0.889 - 0.0964 x ln(275.72) = 0.889 - 0.0964 x 5.6193 = 0.34729 (dairy index 1);
    # absorbable = 275.72 x 0.34729 = 95.76 mg
    entries = pd.DataFrame(
        {
            "date": ["2026-11-16"],
            "food": ["whole milk"],
            "category": ["dairy"],
            "description": ["Milk, whole, 3.25% milkfat, with added vitamin D"],
            "energy_kcal": [148.84],
            "protein_g": [7.6860],
            "calcium_mg": [275.72],
            "phosphorus_mg": [204.96],
            "magnesium_mg": [24.4],
            "potassium_mg": [322.08],
            "sodium_mg": [104.92],
            "caffeine_mg": [0.0],
        }
    )
    result = analyze(entries)
    assert abs(float(result.daily["absorbable_calcium_mg"].iloc[0]) - 95.76) < 0.01
