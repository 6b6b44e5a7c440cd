"""Each diary format on a fixture written from formats.md, with hand-checked totals.

Foods are matched with a tiny inline matcher over real SR28 rows (so the totals do not move
when foods.csv or the fuzzy matcher change); grams come from the real USDA portions.

SR28 values used below (per 100 g) and portions (SR28 WEIGHT.txt):
- 01077 milk, whole: Ca 113, P 84, caffeine 0; 1 cup = 244 g, 1 tbsp = 15 g
- 01009 cheddar: Ca 710, P 455; 1 oz = 28.35 g (the mass unit oz is 28.349523 g)
- 14148 cola, regular: Ca 1, P 9, caffeine 9; 1 fl oz = 30.7 g
- 18069 white bread: Ca 144, P 98; 1 slice = 29 g (first "slice" portion)
"""

from __future__ import annotations

from pathlib import Path
from unittest import mock

import numpy as np
import pandas as pd
import pytest

from analyzer.diary import ENTRY_COLUMNS, Diary, read_diary
from analyzer.errors import DiaryFormatError, DiaryRowError
from analyzer.foods import FoodMatcher

DATA = Path(__file__).parents[1] / "data" / "diaries"

FOODS = pd.DataFrame(
    {
        "id": ["01077", "01009", "14148", "18069"],
        "description": [
            "Milk, whole, 3.25% milkfat, with added vitamin D",
            "Cheese, cheddar",
            "Beverages, carbonated, cola, regular",
            "Bread, white, commercially prepared (includes soft bread crumbs)",
        ],
        "category": ["dairy", "dairy", "soda", "other"],
        "energy_kcal": [61.0, 404.0, 42.0, 266.0],
        "protein_g": [3.15, 22.87, 0.0, 8.85],
        "calcium_mg": [113.0, 710.0, 1.0, 144.0],
        "phosphorus_mg": [84.0, 455.0, 9.0, 98.0],
        "magnesium_mg": [10.0, 27.0, 0.0, 23.0],
        "potassium_mg": [132.0, 76.0, 5.0, 126.0],
        "sodium_mg": [43.0, 653.0, 3.0, 490.0],
        "caffeine_mg": [0.0, 0.0, 9.0, np.nan],
    }
)


def tiny_matcher() -> FoodMatcher:
    """The real matcher over the tiny :data:`FOODS` table (no aliases)."""
    return FoodMatcher(FOODS.assign(food_group="", common_names=""))


def read(name: str, **options: object) -> Diary:
    diary = read_diary(DATA / name, matcher=tiny_matcher(), foods=FOODS, **options)  # type: ignore[arg-type]
    # The accounting invariant, for every fixture.
    assert diary.rows_in == len(diary.entries) + len(diary.rejected)
    assert list(diary.entries.columns) == list(ENTRY_COLUMNS)
    return diary


def statuses(diary: Diary) -> dict[int, str]:
    return dict(
        zip(diary.rejected["line"].tolist(), diary.rejected["status"].tolist(), strict=True)
    )


# --- our own format -------------------------------------------------------------------------


def test_own_quirks_bom_crlf_synonyms_blank_lines_trailing_columns() -> None:
    diary = read("own_quirks.csv")
    assert diary.format == "own"
    # 9 data rows: blank and whitespace-only lines (3 and 6) are not rows.
    assert diary.rows_in == 9
    assert diary.entries["line"].tolist() == [2, 4, 11]
    assert statuses(diary) == {
        5: "unknown_unit",
        7: "unknown_food",
        8: "missing_amount",
        9: "bad_amount",
        10: "bad_date",
        12: "empty",
    }
    # milk 1 cup = 244 g; bread 2 slices = 2 * 29 = 58 g; milk 0 cup = 0 g (zero is valid)
    assert diary.entries["grams"].tolist() == pytest.approx([244.0, 58.0, 0.0])
    # calcium 244 * 1.13 = 275.72; 58 * 1.44 = 83.52; 0 -> total 359.24 mg
    assert diary.entries["calcium_mg"].sum() == pytest.approx(359.24)
    # phosphorus 244 * 0.84 = 204.96; 58 * 0.98 = 56.84 -> 261.80 mg
    assert diary.entries["phosphorus_mg"].sum() == pytest.approx(261.80)
    first = diary.entries.iloc[0]
    assert (first["person"], first["time"], first["meal"]) == ("p01", "08:30", "breakfast")
    assert first["date"] == pd.Timestamp("2026-11-16")
    assert first["source"] == "usda"
    reasons = dict(zip(diary.rejected["line"], diary.rejected["reason"], strict=True))
    assert reasons[5].startswith(
        "unknown unit 'furlongs' for 'Cheese, cheddar'; this food has: g, kg, mg, oz, lb"
    )
    assert "cubic inch" in reasons[5]
    assert reasons[7] == "unknown food 'Sunday stew'"
    assert reasons[8] == "missing amount for 'Milk, whole, 3.25% milkfat, with added vitamin D'"
    assert reasons[9].startswith(
        "bad amount 'lots' for 'Milk, whole, 3.25% milkfat, with added vitamin D': not a number"
    )
    assert reasons[10] == "impossible date '2026-02-30'"
    assert reasons[12] == "empty row (every cell blank)"


def test_own_amount_carries_unit_and_cronometer_style_amounts() -> None:
    diary = read("own_amount_units.csv")
    assert diary.rejected.empty
    assert diary.entries["unit"].tolist() == ["cup", "g", "tbsp", "fl oz", "cup"]
    # 1 1/2 cups = 1.5 * 244 = 366 g; 150 g; 2.00 x 2.0 tbsp = 4 * 15 = 60 g;
    # can - each 12 fl oz = 12 * 30.7 = 368.4 g; 1/2 cup = 122 g
    assert diary.entries["grams"].tolist() == pytest.approx([366.0, 150.0, 60.0, 368.4, 122.0])
    # Ca: 366*1.13 = 413.58; 150*7.10 = 1065; 60*1.13 = 67.8; 368.4*0.01 = 3.684;
    # 122*1.13 = 137.86 -> 1687.924 mg
    assert diary.entries["calcium_mg"].sum() == pytest.approx(1687.924)
    # caffeine: cola 368.4 * 0.09 = 33.156 mg, milk 0
    assert diary.entries["caffeine_mg"].sum() == pytest.approx(33.156)
    assert diary.entries["time"].tolist()[:2] == ["08:00", "12:00"]
    assert pd.isna(diary.entries["time"].iloc[4])
    assert diary.entries["date"].iloc[4] == pd.Timestamp("2026-11-17")


def test_own_semicolon_decimal_comma_cp1252_infers_dayfirst() -> None:
    # 16/11 and 17/11 can only be day/month/year and no date can only be month/day/year,
    # so the file is read day-first, and a note says which date settled it.
    inferred = read("own_semicolon.csv")
    assert inferred.rejected.empty
    dates = inferred.entries["date"].dt.strftime("%Y-%m-%d").tolist()
    assert dates == ["2026-11-16", "2026-11-17", "2026-11-05"]
    assert (
        "dates read as day/month/year, because dates such as '16/11/2026' can only be read "
        "that way (give --dayfirst to say so, and check dates like 05/11)"
    ) in inferred.notes
    plain = read("own_semicolon.csv", dayfirst=False)
    # Forced month-first, 16/11 and 17/11 are impossible, and they show 05/11 is ambiguous.
    assert statuses(plain) == {2: "bad_date", 3: "bad_date", 4: "bad_date"}
    reasons = plain.rejected["reason"].tolist()
    assert reasons[0] == (
        "date '16/11/2026' is not a valid month/day/year date; if this file's dates are the "
        "other way round, use dayfirst (--dayfirst)"
    )
    assert reasons[2] == (
        "date '05/11/2026' is ambiguous: other dates in this file, such as '16/11/2026', are "
        "not month/day/year; use dayfirst (--dayfirst)"
    )
    diary = read("own_semicolon.csv", dayfirst=True)
    assert diary.rejected.empty
    dates = diary.entries["date"].dt.strftime("%Y-%m-%d").tolist()
    assert dates == ["2026-11-16", "2026-11-17", "2026-11-05"]
    # 0,5 cup = 0.5 * 244 = 122 g; 28,35 g; 1,5 oz = 1.5 * 28.349523 = 42.524 g
    assert diary.entries["grams"].tolist() == pytest.approx([122.0, 28.35, 42.5242845])
    # Ca 122*1.13 = 137.86; 28.35*7.10 = 201.285; 42.5242845*7.10 = 301.922 -> 641.067 mg
    assert diary.entries["calcium_mg"].sum() == pytest.approx(641.067, abs=1e-3)


def test_matching_is_per_distinct_name() -> None:
    matcher = tiny_matcher()
    with mock.patch.object(matcher, "match_names", wraps=matcher.match_names) as spy:
        read_diary(DATA / "own_amount_units.csv", matcher=matcher, foods=FOODS)
    # 5 rows, 3 distinct names, one call.
    assert spy.call_count == 1
    assert sorted(spy.call_args.args[0]) == sorted(
        [
            "Milk, whole, 3.25% milkfat, with added vitamin D",
            "Cheese, cheddar",
            "Beverages, carbonated, cola, regular",
        ]
    )


def test_strict_raises_with_every_unusable_row() -> None:
    with pytest.raises(DiaryRowError) as info:
        read("own_quirks.csv", strict=True)
    assert [line for line, _ in info.value.problems] == [5, 7, 8, 9, 10, 12]
    text = str(info.value)
    assert text.endswith("6 rows not usable (--strict)")
    assert f"{DATA / 'own_quirks.csv'} line 10: impossible date '2026-02-30'" in text


# --- Cronometer -----------------------------------------------------------------------------


def test_cronometer_servings_taken_as_given() -> None:
    diary = read("cronometer_servings.csv")
    assert diary.format == "cronometer_servings"
    assert diary.rejected.empty
    entries = diary.entries
    assert entries["line"].tolist() == [2, 3, 5, 6, 7, 8]  # line 4 is blank
    assert (entries["source"] == "app").all()
    # blank stays unknown, 0.00 stays zero: Ca 293 + ? + 400 + 0 + ? + 11 = 704 mg, 2 unknown
    assert entries["calcium_mg"].sum(min_count=1) == pytest.approx(704.0)
    assert entries["calcium_mg"].isna().sum() == 2
    assert entries["calcium_mg"].iloc[3] == 0.0
    # P 224 + 14.2 + 260 + 0 + ? + 20 = 518.2 mg; caffeine 0 + 190 + ? + 0 + ? + 0 = 190 mg
    assert entries["phosphorus_mg"].sum() == pytest.approx(518.2)
    assert entries["caffeine_mg"].sum() == pytest.approx(190.0)
    # Amount parsed: 2.00 x 2.0 tbsp = 4 tbsp; 2 slices each 3/4 oz = 1.5 oz; 0.00 g; 4000 IU
    assert entries["quantity"].tolist() == pytest.approx([1.0, 4.0, 1.5, 0.0, 4000.0, 1.0])
    assert entries["unit"].tolist()[:4] == ["cup", "tbsp", "oz", "g"]
    # Names are matched for the food group only: milk is dairy; names the (tiny) table lacks
    # are still used, as 'other' (the tiny table has no word "sharp", so the branded sharp
    # cheddar scores below the acceptance threshold there).
    assert entries["category"].tolist() == ["dairy", "other", "other", "other", "other", "other"]
    assert entries["time"].tolist()[0] == "08:01"
    assert entries["meal"].tolist()[0] == "Breakfast"


def test_cronometer_without_time_and_with_missing_nutrient_columns() -> None:
    diary = read("cronometer_notime.csv")
    assert diary.format == "cronometer_servings"
    assert diary.entries["time"].isna().all()
    # no Sodium / Caffeine columns: unknown, never 0, and said so
    assert diary.entries["sodium_mg"].isna().all()
    assert diary.entries["caffeine_mg"].isna().all()
    assert (
        "Cronometer export has no sodium_mg, caffeine_mg column(s): those stay unknown"
        in diary.notes
    )
    # Ca 187 + 53 = 240 mg; P 230 + (blank) = 230 mg
    assert diary.entries["calcium_mg"].sum() == pytest.approx(240.0)
    assert diary.entries["phosphorus_mg"].isna().sum() == 1


def test_cronometer_2011_layout() -> None:
    diary = read("cronometer_2011.csv")
    assert diary.format == "cronometer_servings"
    dates = diary.entries["date"].dt.strftime("%Y-%m-%d").tolist()
    assert dates == ["2011-04-18", "2011-04-18", "2011-04-19"]
    assert diary.entries["meal"].isna().all()
    # Ca 5.9 + 4.74 + 204.4 = 215.04 mg; caffeine 0 + 94.8 + 0 = 94.8 mg
    assert diary.entries["calcium_mg"].sum() == pytest.approx(215.04)
    assert diary.entries["caffeine_mg"].sum() == pytest.approx(94.8)
    assert diary.entries["unit"].iloc[0] == 'medium (7")'  # the size with its dimension


def test_cronometer_without_nutrients_is_matched_like_our_own() -> None:
    diary = read("cronometer_nonutrients.csv")
    assert statuses(diary) == {4: "unknown_food"}
    assert (diary.entries["source"] == "usda").all()
    # milk 1 cup 244 g Ca 275.72; bread 2 slices 58 g Ca 83.52 -> 359.24 mg
    assert diary.entries["calcium_mg"].sum() == pytest.approx(359.24)


def test_cronometer_rematch_ignores_app_nutrients() -> None:
    diary = read("cronometer_2011.csv", rematch=True)
    # Only 'Cheese, cheddar' is in the tiny table; 1 oz = 28.349523 g, Ca 710/100 g
    assert statuses(diary) == {2: "unknown_food", 3: "unknown_food"}
    assert diary.entries["calcium_mg"].tolist() == pytest.approx([28.349523 * 7.10])
    assert diary.entries["source"].tolist() == ["usda"]


def test_cronometer_daily_summary() -> None:
    diary = read("cronometer_daily.csv")
    assert diary.format == "cronometer_daily"
    assert diary.entries["food"].tolist() == ["Daily total", "Daily total"]
    dates = diary.entries["date"].dt.strftime("%Y-%m-%d").tolist()
    assert dates == ["2026-01-27", "2026-01-28"]  # M/D/YYYY
    # Ca 1023.40 + 812.60 = 1836.0 mg; Mg 350.2 + (blank) ; P 1411 + 1202 = 2613 mg
    assert diary.entries["calcium_mg"].sum() == pytest.approx(1836.0)
    assert diary.entries["phosphorus_mg"].sum() == pytest.approx(2613.0)
    assert diary.entries["magnesium_mg"].isna().tolist() == [False, True]
    assert statuses(diary) == {4: "bad_date"}
    assert diary.rejected["reason"].tolist() == ["impossible date '13/29/2026'"]


# --- Lose It! -------------------------------------------------------------------------------


def test_loseit_deleted_na_and_matching() -> None:
    diary = read("loseit_food-logs.csv")
    assert diary.format == "loseit"
    assert statuses(diary) == {4: "deleted", 5: "missing_amount", 6: "unknown_food"}
    assert diary.rejected["reason"].tolist()[0] == "deleted in Lose It! (Deleted = 'true')"
    # milk 1 Cup = 244 g; cola 1 "Can or bottle (12 fl oz)" = 12 fl oz * 30.7 = 368.4 g
    assert diary.entries["grams"].tolist() == pytest.approx([244.0, 368.4])
    # Ca 275.72 + 3.684 = 279.404 mg; sodium from USDA: 244*0.43 + 368.4*0.03 = 115.972 mg
    assert diary.entries["calcium_mg"].sum() == pytest.approx(279.404)
    assert diary.entries["sodium_mg"].sum() == pytest.approx(115.972)
    assert diary.entries["meal"].tolist() == ["Breakfast", "Lunch"]


# --- MyFitnessPal ---------------------------------------------------------------------------


def test_mfp_without_dv_leaves_calcium_unknown() -> None:
    diary = read("mfp_summary.csv")
    assert diary.format == "mfp"
    assert diary.rows_in == 4
    assert diary.entries["food"].tolist() == ["Breakfast", "Lunch", "Dinner", "Breakfast"]
    assert diary.entries["calcium_mg"].isna().all()
    assert diary.entries["phosphorus_mg"].isna().all()
    assert diary.entries["magnesium_mg"].isna().all()
    # K 520 + 700 + (blank) + 450 = 1670 mg; Na 310 + 980 + 1200 + 250 = 2740 mg
    assert diary.entries["potassium_mg"].sum() == pytest.approx(1670.0)
    assert diary.entries["sodium_mg"].sum() == pytest.approx(2740.0)
    assert not diary.entries["approximate"].any()
    assert diary.notes[0] == (
        "MyFitnessPal has no phosphorus or magnesium: a Ca:P ratio cannot be computed from "
        "this file"
    )


def test_mfp_calcium_from_percent_dv_is_approximate() -> None:
    diary = read("mfp_summary.csv", mfp_calcium_dv=1300)
    # 30 % * 1300 = 390; 15 % -> 195; blank -> unknown; 25 % -> 325: total 910 mg
    assert diary.entries["calcium_mg"].sum() == pytest.approx(910.0)
    assert diary.entries["approximate"].tolist() == [True, True, False, True]
    older = read("mfp_summary.csv", mfp_calcium_dv=1000)
    # 30 + 15 + 25 = 70 % of 1000 mg = 700 mg
    assert older.entries["calcium_mg"].sum() == pytest.approx(700.0)


def test_mfp_with_time_column() -> None:
    diary = read("mfp_summary_time.csv")
    assert diary.entries["time"].tolist() == ["7:45 AM", "3:30 PM"]
    assert diary.entries["energy_kcal"].sum() == pytest.approx(450.0)  # 300 + 150


def test_mfp_calcium_dv_must_be_1000_or_1300() -> None:
    with pytest.raises(DiaryFormatError, match="mfp_calcium_dv must be 1000 or 1300"):
        read_diary(DATA / "mfp_summary.csv", mfp_calcium_dv=1200)


# --- detection and whole-file errors --------------------------------------------------------


@pytest.mark.parametrize(
    ("name", "fmt"),
    [
        ("own_everyday.csv", "own"),
        ("cronometer_servings.csv", "cronometer_servings"),
        ("cronometer_daily.csv", "cronometer_daily"),
        ("loseit_food-logs.csv", "loseit"),
        ("mfp_summary.csv", "mfp"),
    ],
)
def test_format_detected_from_header(name: str, fmt: str) -> None:
    assert read(name).format == fmt


def test_input_format_override_and_its_errors(tmp_path: Path) -> None:
    # Lose It!'s own column names: our food and amount are its Name and Quantity
    loseit = r"does not read as --input-format loseit: missing column\(s\) Name, Quantity"
    with pytest.raises(DiaryFormatError, match=loseit):
        read_diary(DATA / "own_everyday.csv", input_format="loseit")
    # date and meal are there, but a MyFitnessPal Nutrition Summary always has Calories
    path = tmp_path / "own_with_meal.csv"
    path.write_text("date,meal,food,amount,unit\n2026-11-16,breakfast,milk,1,cup\n")
    mfp = r"does not read as --input-format mfp: missing column\(s\) Calories"
    with pytest.raises(DiaryFormatError, match=mfp):
        read_diary(path, input_format="mfp")
    with pytest.raises(DiaryFormatError, match="unknown input format 'excel'"):
        read_diary(DATA / "own_everyday.csv", input_format="excel")


def test_unrecognized_header_lists_formats(tmp_path: Path) -> None:
    path = tmp_path / "weird.csv"
    path.write_text("colour,size\nred,3\n")
    with pytest.raises(DiaryFormatError) as info:
        read_diary(path)
    message = str(info.value)
    assert message.startswith(
        f"{path}: no recognizable diary columns (header: 'colour', 'size'). Formats understood: "
        "own (our own CSV: date, food, amount[, unit, time, meal, person, note]); "
    )
    for fmt in ("cronometer_servings", "cronometer_daily", "loseit", "mfp"):
        assert fmt in message


@pytest.mark.parametrize(
    ("content", "problem"),
    [
        (b"", "is empty"),
        (b"\n\n  \n", "is empty"),
        (b"\x89PNG\r\n\x1a\n\x00\x00\x00\rIHDR", "looks like a binary file"),
        (b"PK\x03\x04[Content_Types].xml", "is an Excel workbook, not CSV"),
        (b"PK\x03\x04food-logs.csv", "is a zip archive, not CSV"),
    ],
)
def test_unreadable_files(tmp_path: Path, content: bytes, problem: str) -> None:
    path = tmp_path / "diary.csv"
    path.write_bytes(content)
    with pytest.raises(DiaryFormatError, match=problem):
        read_diary(path)


def test_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DiaryFormatError) as info:
        read_diary(tmp_path / "nope.csv")
    assert str(info.value) == f"{tmp_path / 'nope.csv'}: file not found. Check the path"


def test_header_only_is_an_empty_diary(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_text("date,food,amount\n")
    diary = read_diary(path, matcher=tiny_matcher(), foods=FOODS)
    assert (diary.rows_in, len(diary.entries), len(diary.rejected)) == (0, 0, 0)
    assert diary.summary() == "0 rows: 0 used, 0 not used"


def test_all_rows_in_input_order(tmp_path: Path) -> None:
    diary = read("own_quirks.csv")
    rows = diary.all_rows()
    assert rows["line"].tolist() == [2, 4, 5, 7, 8, 9, 10, 11, 12]
    assert rows["status"].tolist() == [
        "ok",
        "ok",
        "unknown_unit",
        "unknown_food",
        "missing_amount",
        "bad_amount",
        "bad_date",
        "ok",
        "empty",
    ]
    assert diary.summary() == "9 rows: 3 used, 6 not used"


def test_cronometer_serving_labels_state_one_serving(tmp_path: Path) -> None:
    # Cronometer writes "<count> <serving label>", the label stating one serving: 2 shakes
    # of 11 fl oz are 22 fl oz (MyFitnessPal's "0.5 container (85g)" is the whole amount)
    path = tmp_path / "cronometer.csv"
    path.write_text(
        "Day,Group,Food Name,Amount,Energy (kcal),Calcium (mg)\n"
        '2026-11-09,Breakfast,"Milk, 2%",2.00 shake (11 fl oz),244,586\n'
        '2026-11-09,Breakfast,"Milk, 2%",1.00 shake (11 fl oz),122,293\n'
    )
    entries = read_diary(path).entries
    assert entries[["quantity", "unit"]].values.tolist() == [[22.0, "fl oz"], [11.0, "fl oz"]]
