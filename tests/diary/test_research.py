"""ASA24 and NHANES files: every row accounted for, the file's own sums, blanks stay unknown.

The fixtures in ``tests/data/research`` were written from the published data dictionaries
(sources in its README.md): ASA24-2020 Items/Totals column order and codes (NCI data
dictionary), NHANES DR1IFF_J variables and codes (CDC codebook), saved as a SAS transport
file. ``expected.json`` holds, per person and day, the sums of the
values the file itself gives (blank cells skipped), computed when the fixtures were written.
"""

from __future__ import annotations

import json
import shutil
from pathlib import Path

import pandas as pd
import pytest

from analyzer.diary import read_diary
from analyzer.diary.codes import category_of, code_text, occasion_meals
from analyzer.diary.xport import read_xport_frame
from analyzer.errors import DiaryFormatError

DATA = Path(__file__).parents[1] / "data" / "research"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))
SUMMED = ["calcium_mg", "phosphorus_mg", "magnesium_mg", "potassium_mg", "sodium_mg",
          "protein_g", "caffeine_mg", "energy_kcal"]  # fmt: skip


def _day_sums(entries: pd.DataFrame) -> pd.DataFrame:
    keys = ["person", "date"]
    return entries.groupby(keys)[SUMMED].sum(min_count=1)


@pytest.mark.parametrize("name", ["asa24_items.csv", "asa24_items_tab.txt"])
def test_asa24_items_rows_and_the_files_own_day_sums(name: str) -> None:
    diary = read_diary(DATA / name)
    expected = EXPECTED[name]
    # First the input: 24 data rows, one with FoodComp = 2 (no data)
    assert diary.format == "asa24_items"
    assert diary.rows_in == expected["data_rows"] == 24
    assert diary.rows_in == len(diary.entries) + len(diary.rejected)
    assert diary.rejected[["line", "person", "status"]].values.tolist() == [
        [21, "CAPH02", "missing_amount"]
    ]
    assert diary.rejected["reason"].iat[0].startswith("FoodComp = 2 (ASA24: portion or")
    sums = _day_sums(diary.entries)
    for key, day in expected["person_days"].items():
        got = sums.loc[(day["person"], pd.Timestamp(day["date"]))]
        for column, value in day["sums"].items():
            assert got[column] == pytest.approx(value, abs=1e-9), (key, column)
        rows = diary.entries[diary.entries["person"] == day["person"]]
        rows = rows[rows["date"] == pd.Timestamp(day["date"])]
        assert len(rows) == day["rows_used"]
        assert rows["grams"].sum() == pytest.approx(day["grams"])
        assert rows["category"].value_counts().to_dict() == day["categories"]


def test_asa24_blank_caffeine_stays_unknown_and_zeros_stay_zero() -> None:
    entries = read_diary(DATA / "asa24_items.csv").entries.set_index("line")
    # line 17: black tea with CAFF blank -> unknown; its other nutrients are used
    assert pd.isna(entries.loc[17, "caffeine_mg"])
    assert entries.loc[17, "sodium_mg"] == pytest.approx(7.2)
    # line 5: sugar, FoodAmt 0 and every nutrient 0 -> a real zero, used
    assert entries.loc[5, ["grams", "calcium_mg", "energy_kcal"]].tolist() == [0.0, 0.0, 0.0]


def test_asa24_occasions_times_codes_and_categories() -> None:
    entries = read_diary(DATA / "asa24_items.csv").entries.set_index("line")
    assert entries.loc[2, ["time", "meal", "food_id", "source"]].tolist() == [
        "07:30", "breakfast", "57123000", "app",
    ]  # fmt: skip
    # Occ_Name 7 "Just a Drink", 5 Supper, 2 Brunch (NCI data dictionary)
    assert entries.loc[[20, 23, 24], "meal"].tolist() == ["drink", "supper", "brunch"]
    # arugula coded 75 (other vegetables) is a green; unsweetened carbonated water is water;
    # a 4-digit SR ingredient code (Paprika, 2028) has no FNDDS group
    assert entries.loc[[8, 20, 25], "category"].tolist() == ["greens", "other", "other"]
    assert entries.loc[25, "food_id"] == "2028"


def test_asa24_totals_read_as_day_totals() -> None:
    diary = read_diary(DATA / "asa24_totals.csv")
    assert diary.format == "asa24_totals"
    assert (diary.rows_in, len(diary.rejected)) == (4, 0)
    assert diary.entries["is_total"].all()
    assert diary.entries["time"].isna().all()
    items = _day_sums(read_diary(DATA / "asa24_items.csv").entries)
    totals = _day_sums(diary.entries)
    pd.testing.assert_frame_equal(totals, items, rtol=1e-9)
    assert any("DataComp = 2 for 'CAPH02' recall 1 (2025-11-04)" in n for n in diary.notes)


def test_pandas_reads_xport_zeros_as_tiny_numbers_and_the_reader_repairs_them() -> None:
    raw = pd.read_sas(DATA / "dr1iff.xpt", format="xport")
    tiny = (raw.abs() < 1e-70) & (raw != 0)
    assert int(tiny.to_numpy().sum()) == 50  # the fixture's 50 exact zeros (pandas #50670)
    repaired = read_xport_frame(DATA / "dr1iff.xpt")
    assert int(((repaired.abs() < 1e-70) & (repaired != 0)).to_numpy().sum()) == 0
    assert int((repaired == 0).to_numpy().sum()) == 50
    assert repaired["DR1IGRMS"].isna().sum() == 1  # SAS missing stays missing


@pytest.mark.parametrize("name", ["dr1iff.xpt", "dr1iff.csv"])
def test_nhanes_rows_and_the_files_own_person_sums(name: str) -> None:
    diary = read_diary(DATA / name)
    expected = EXPECTED["dr1iff.xpt"]
    assert diary.format == "nhanes"
    assert diary.rows_in == expected["data_rows"] == 17
    assert diary.rows_in == len(diary.entries) + len(diary.rejected)
    assert diary.rejected[["line", "person", "status"]].values.tolist() == [
        [15, "93705", "missing_amount"]
    ]
    assert diary.rejected["reason"].iat[0].startswith("human milk (11000000) without an amount")
    sums = diary.entries.groupby("person")[SUMMED].sum(min_count=1)
    for person, day in expected["person_days"].items():
        for column, value in day["sums"].items():
            assert sums.loc[person, column] == pytest.approx(value, abs=1e-9), (person, column)
        assert (diary.entries["person"] == person).sum() == day["rows_used"]
    # recall day 1 of every person is the documented placeholder date; DR1_020 is seconds
    assert set(diary.entries["date"]) == {pd.Timestamp("2000-01-03")}
    first = diary.entries.iloc[0]
    assert (first["time"], first["meal"], first["food_id"]) == ("07:15", "breakfast", "57123000")
    assert any("recall status 4" in note and "93705" in note for note in diary.notes)


def test_nhanes_spanish_occasion_codes_and_descriptions_from_drxfcd(tmp_path: Path) -> None:
    shutil.copy(DATA / "dr1iff.xpt", tmp_path / "DR1IFF_J.XPT")
    shutil.copy(DATA / "drxfcd.xpt", tmp_path / "DRXFCD_J.XPT")
    diary = read_diary(tmp_path / "DR1IFF_J.XPT")
    person = diary.entries[diary.entries["person"] == "93704"]
    # DR1_030Z 10 Desayano, 12 Comida, 13 Merienda, 14 Cena (DR1IFF_C codebook)
    assert person["meal"].tolist() == ["breakfast", "breakfast", "lunch", "lunch", "snack",
                                       "dinner"]  # fmt: skip
    assert person["food"].iloc[0] == "Tea, hot, leaf, black"
    assert any("food descriptions from DRXFCD_J.XPT" in note for note in diary.notes)
    assert person["category"].tolist() == ["tea", "other", "red_meat", "greens", "other", "soda"]


def test_nhanes_day_two_and_the_1999_names(tmp_path: Path) -> None:
    text = (DATA / "dr1iff.csv").read_text(encoding="utf-8")
    day2 = text.replace("DR1", "DR2")
    (tmp_path / "dr2iff.csv").write_text(day2, encoding="utf-8")
    assert set(read_diary(tmp_path / "dr2iff.csv").entries["date"]) == {pd.Timestamp("2000-01-04")}
    old = (
        text.replace("DR1IFDCD", "DRDIFDCD").replace("DR1ISODI", "DRDISODI")
        .replace("DR1_030Z", "DRD030").replace("DR1_020", "DRD020").replace("DR1I", "DRXI")
    )  # fmt: skip
    (tmp_path / "drxiff.csv").write_text(old, encoding="utf-8")
    entries = read_diary(tmp_path / "drxiff.csv").entries
    # sodium is DRDISODI in 1999-2002; DRD030 numbers occasions differently (3 = lunch)
    assert entries["sodium_mg"].sum() == pytest.approx(776.66 + 169.64 + 57.76)
    assert entries["meal"].iloc[:3].tolist() == ["breakfast"] * 3
    assert entries.loc[entries["line"] == 7, "meal"].item() == "lunch"  # DRD030 3 = Lunch


@pytest.mark.parametrize(
    ("code", "description", "category"),
    [
        ("11112110", "Milk, reduced fat (2%)", "dairy"),
        ("11320000", "Soy milk", "other"),
        ("11440060", "Tzatziki dip", "other"),
        ("14104100", "", "dairy"),
        ("21500310", "", "red_meat"),
        ("25220410", "Frankfurter or hot dog, beef", "red_meat"),
        ("25230310", "Turkey bacon, cooked", "other"),
        ("72201100", "Broccoli, raw", "greens"),
        ("72202010", "Broccoli casserole with noodles", "other"),
        ("72307000", "Spinach soup", "other"),
        ("92111010", "Coffee, brewed, decaffeinated", "coffee"),
        ("92306100", "Corn beverage", "other"),
        ("92306000", "Tea, hot, herbal", "tea"),
        ("92410110", "Carbonated water, sweetened", "soda"),
        ("92410210", "Carbonated water, unsweetened", "other"),
        ("92410210", "", "soda"),  # without the description only the prefix decides
        ("95310600", "Energy drink (Red Bull)", "soda"),
        ("95230000", "Nutritional powder mix, whey based, NFS", "dairy"),
        ("2028", "Paprika", "other"),
    ],
)
def test_fndds_categories(code: str, description: str, category: str) -> None:
    assert category_of(code, description) == category


def test_codes_as_text_and_occasion_schemes() -> None:
    cells = ["57123000.0", "1.1e+07", "", "abc", "2028", "inf", "-inf", "1e300"]
    text, bad = code_text(pd.Series(cells))
    assert text.tolist() == ["57123000", "11000000", "", "", "2028", "", "", ""]
    assert bad.tolist() == [False, False, False, True, False, True, True, True]
    # the same code means different occasions in 1999-2000 and from 2003 on
    meal_1999, _ = occasion_meals("nhanes_1999", pd.Series([3.0]))
    meal_2003, _ = occasion_meals("nhanes_2003", pd.Series([3.0]))
    assert (meal_1999.item(), meal_2003.item()) == ("lunch", "dinner")
    _, unknown = occasion_meals("asa24", pd.Series(["1", "42", ""]))
    assert unknown.tolist() == ["42"]


def test_a_broken_transport_file_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "DR1IFF_J.XPT"
    path.write_bytes((DATA / "dr1iff.xpt").read_bytes()[:100])
    with pytest.raises(DiaryFormatError) as info:
        read_diary(path)
    assert str(info.value).startswith(f"{path}: is a SAS transport (XPT) file that cannot be read")


def test_a_missing_grams_column_names_it(tmp_path: Path) -> None:
    path = tmp_path / "asa.csv"
    path.write_text("UserName,FoodCode,IntakeStartDateTime\nU1,11111000,11/03/2025 0:00\n")
    with pytest.raises(
        DiaryFormatError,
        match=r"does not read as --input-format asa24_items: missing column\(s\) ",
    ):
        read_diary(path, input_format="asa24_items")


@pytest.mark.parametrize("name", ["asa24_items.csv", "asa24_totals.csv", "dr1iff.xpt"])
def test_the_analysis_daily_totals_are_the_files_own_sums(name: str) -> None:
    from analyzer.balance import analyze

    daily = analyze(read_diary(DATA / name), by_person=True).daily
    expected = EXPECTED[name]["person_days"]
    assert len(daily) == len(expected)
    for day in expected.values():
        row = daily[daily["person"] == day["person"]]
        if "date" in day:
            row = row[row["date"] == pd.Timestamp(day["date"])]
        for column, value in day["sums"].items():
            assert row[column].item() == pytest.approx(value, abs=1e-9), (name, column)
