"""MyFitnessPal food rows: python-myfitnesspal CSVs and the Printable Diary copied to CSV.

Energy, protein and sodium are the app's (the file's own sums must come out); calcium and the
other minerals come from USDA SR28 for the matched food and serving. Hand arithmetic from
SR28 (per 100 g) and its portions:
- "Coca-Cola - Coke Classic, 1 can (12 oz)" -> 12 oz of cola 14148, a drink, so fluid ounces;
  SR28 WEIGHT 14148 "1 fl oz" = 30.7 g -> 12 x 30.7 = 368.4 g; Ca 368.4 x 1/100 = 3.684 mg
- "Spinach - Cooked, Boiled, Drained, 1 cup" -> 11458, WEIGHT "1 cup" = 180 g;
  Ca 180 x 136/100 = 244.8 mg
"""

from __future__ import annotations

import json
from pathlib import Path

import pandas as pd
import pytest

from analyzer.diary import read_diary
from analyzer.diary.mfp_foods import split_serving

DATA = Path(__file__).parents[1] / "data" / "research"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
GIVEN = ["sodium_mg", "protein_g", "energy_kcal"]


@pytest.mark.parametrize(
    ("name", "fmt"),
    [("mfp_food_level.csv", "mfp_foods"), ("mfp_printable.csv", "mfp_printable")],
)
def test_every_food_row_used_with_the_apps_own_day_sums(name: str, fmt: str) -> None:
    diary = read_diary(DATA / name)
    expected = EXPECTED[name]
    assert diary.format == fmt
    assert diary.rows_in == expected["data_rows"] == len(diary.entries) + len(diary.rejected)
    assert len(diary.rejected) == 0
    sums = diary.entries.groupby("date")[GIVEN].sum(min_count=1)
    for day, values in expected["person_days"].items():
        for column in GIVEN:
            assert sums.loc[pd.Timestamp(day), column] == values["sums"][column], (day, column)


def test_minerals_from_usda_for_matched_foods_and_unknown_otherwise() -> None:
    diary = read_diary(DATA / "mfp_food_level.csv")
    entries = diary.entries.set_index("line")
    assert entries.loc[6, ["food_id", "unit", "category"]].tolist() == ["14148", "oz", "soda"]
    assert entries.loc[6, "grams"] == pytest.approx(368.4)
    assert entries.loc[6, "calcium_mg"] == pytest.approx(3.684)
    assert entries.loc[8, "calcium_mg"] == pytest.approx(244.8)
    # sodium as MyFitnessPal gives it (0), not SR28's 70 mg per 100 g of boiled spinach
    assert entries.loc[8, "sodium_mg"] == 0.0
    # "Homemade Beef Chili" has no serving: the app's sodium is kept, calcium is unknown
    assert entries.loc[12, "sodium_mg"] == 920.0
    assert pd.isna(entries.loc[12, "calcium_mg"])
    # brand-named foods USDA does not have (Dave's Killer Bread, Earth Balance, a sweet potato
    # soup) stay unmatched rather than take another food's minerals
    note = next(n for n in diary.notes if n.startswith("MyFitnessPal: 5 row(s)"))
    assert "line 12 'Homemade Beef Chili': no serving after the name" in note
    # "Angus Beef - Hamburger Patty 1/3 lb, 1 patty 151g.": the maker before " - ", a beef
    # patty (23573, 80% lean, cooked: Ca 24 mg per 100 g) of 151 g: 151 x 24/100 = 36.24 mg
    assert entries.loc[13, ["food_id", "grams"]].tolist() == ["23573", 151.0]
    assert entries.loc[13, "calcium_mg"] == pytest.approx(36.24)
    # "Water, 0 cup": a real zero
    assert entries.loc[14, ["calcium_mg", "sodium_mg"]].tolist() == [0.0, 0.0]


def test_printable_structure_lines_are_not_rows_and_totals_are_checked() -> None:
    diary = read_diary(DATA / "mfp_printable.csv")
    entries = diary.entries
    assert entries["line"].tolist() == [4, 5, 7, 8, 10, 11, 17, 18, 20, 22, 23]
    assert entries["meal"].tolist()[:3] == ["Breakfast", "Breakfast", "Lunch"]
    assert entries["date"].dt.strftime("%Y-%m-%d").tolist()[-1] == "2025-11-04"
    # "--mg" sodium of the chili is unknown, never 0
    assert pd.isna(entries.set_index("line").loc[20, "sodium_mg"])
    assert entries.set_index("line").loc[10, "sodium_mg"] == 3436.0  # "3,436mg"
    assert (
        "MyFitnessPal Printable Diary: 2 date line(s), 2 column header line(s), 6 meal title "
        "line(s), 2 TOTAL line(s) are the table's structure"
    ) in " ".join(diary.notes)
    assert "MyFitnessPal TOTAL lines checked: each equals the sum of its food rows (6 values)" in (
        diary.notes
    )


def test_printable_rows_outside_a_food_table_are_reported(tmp_path: Path) -> None:
    text = (DATA / "mfp_printable.csv").read_text(encoding="utf-8")
    extra = "Exercises,Calories,Minutes,,,,,,\nWalking,200,45,,,,,,\nTOTALS:,200,45,,,,,,\n"
    path = tmp_path / "printable.csv"
    path.write_text(text + extra, encoding="utf-8")
    diary = read_diary(path)
    assert diary.rejected[["line", "status"]].values.tolist() == [
        [25, "no_food"], [26, "no_food"], [27, "no_food"],
    ]  # fmt: skip
    assert diary.rows_in == 14


def test_a_total_that_differs_from_its_rows_is_named(tmp_path: Path) -> None:
    text = (DATA / "mfp_printable.csv").read_text(encoding="utf-8")
    path = tmp_path / "printable.csv"
    path.write_text(text.replace('TOTAL:,"2,218"', 'TOTAL:,"2,500"'), encoding="utf-8")
    notes = read_diary(path).notes
    assert any("line 12 Calories 2500 vs 2218" in note for note in notes)


@pytest.mark.parametrize(
    ("text", "name", "serving"),
    [
        ("Earth Balance - Natural Buttery Spread - Original, 1 tbsp (14g)",
         "Earth Balance - Natural Buttery Spread - Original", "1 tbsp (14g)"),
        ("Sweet Potato Soup, 2 serving(s)", "Sweet Potato Soup", "2 serving"),
        ("Onions, raw, 0.5 cup, chopped", "Onions, raw", "0.5 cup, chopped"),
        ("Water, 0 cup", "Water", "0 cup"),
    ],
)  # fmt: skip
def test_split_serving(text: str, name: str, serving: str) -> None:
    assert split_serving(text) == (name, serving)
