"""Regression tests for problems found by feeding the reader messy, realistic diaries.

Foods are matched with an exact-description matcher over real SR28 rows (values per 100 g
copied from foods.csv) so the expected numbers do not move with the fuzzy matcher; grams
come from the real USDA portions (analyzer/data/portions.csv):

- 09206 orange juice, raw: Ca 11, P 17; portions cup 248 g, fl oz 31 g (a drink)
- 01009 cheddar: Ca 710, P 455; portions in oz by weight (never a drink)
- 19270 ice cream, chocolate: Ca 109; portions "cup (4 fl oz)" 132 g (density 0.56 g/ml:
  not a pourable drink, so "oz" stays a weight)
- 14003 beer, regular: Ca 4, P 14; portions fl oz 29.7 g, can 356 g
- 21224 pizza, cheese, frozen, cooked: Ca 179, P 179; first "serving ..." portion 81 g
- 20045 rice, white, long-grain, cooked: Ca 10, P 43; cup 158 g
- 09040 bananas, raw: Ca 5, P 22; medium 118 g (the whole-item portion)
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner

import analyzer.diary
import analyzer.errors
from analyzer.cli import cli
from analyzer.diary import STATUS_CODES, Diary, read_diary

DATA = Path(__file__).parents[1] / "data" / "diaries"

FOODS = pd.DataFrame(
    {
        "id": ["09206", "01009", "19270", "14003", "21224", "20045", "09040"],
        "description": [
            "Orange juice, raw",
            "Cheese, cheddar",
            "Ice creams, chocolate",
            "Alcoholic beverage, beer, regular, all",
            "Pizza, cheese topping, regular crust, frozen, cooked",
            "Rice, white, long-grain, regular, enriched, cooked",
            "Bananas, raw",
        ],
        "category": ["other", "dairy", "dairy", "other", "other", "other", "other"],
        "energy_kcal": [45.0, 404.0, 216.0, 43.0, 268.0, 130.0, 89.0],
        "protein_g": [0.7, 22.87, 3.8, 0.46, 10.36, 2.69, 1.09],
        "calcium_mg": [11.0, 710.0, 109.0, 4.0, 179.0, 10.0, 5.0],
        "phosphorus_mg": [17.0, 455.0, 107.0, 14.0, 179.0, 43.0, 22.0],
        "magnesium_mg": [11.0, 27.0, 29.0, 6.0, 23.0, 12.0, 27.0],
        "potassium_mg": [200.0, 76.0, 249.0, 27.0, 152.0, 35.0, 358.0],
        "sodium_mg": [1.0, 653.0, 76.0, 4.0, 447.0, 1.0, 1.0],
        "caffeine_mg": [0.0, 0.0, 3.0, 0.0, 0.0, 0.0, 0.0],
    }
)


class ExactMatcher:
    """Exact, case-insensitive description match over :data:`FOODS`."""

    def match_names(self, names: Iterable[str]) -> pd.DataFrame:
        names = list(names)
        by_name = {d.lower(): i for i, d in enumerate(FOODS["description"])}
        rows = []
        for name in names:
            i = by_name.get(name.lower())
            if i is None:
                rows.append((pd.NA, pd.NA, pd.NA, 0.0, "fuzzy", ""))
            else:
                row = FOODS.iloc[i]
                rows.append((row["id"], row["description"], row["category"], 100.0, "id", ""))
        columns = ["food_id", "description", "category", "score", "method", "suggestions"]
        return pd.DataFrame(rows, index=pd.Index(names), columns=columns)


def read(path: Path | str, **options: object) -> Diary:
    diary = read_diary(path, matcher=ExactMatcher(), foods=FOODS, **options)  # type: ignore[arg-type]
    assert diary.rows_in == len(diary.entries) + len(diary.rejected)
    assert set(diary.rejected["status"]) <= set(STATUS_CODES)
    return diary


def test_loseit_ounce_on_a_drink_is_a_fluid_ounce() -> None:
    diary = read(DATA / "loseit_ounces.csv")
    grams = dict(zip(diary.entries["line"], diary.entries["grams"], strict=True))
    assert grams[2] == pytest.approx(8 * 31.0)  # 8 "Ounce" of orange juice = 8 fl oz = 248 g
    assert grams[3] == pytest.approx(8 * 31.0)  # 8 "Fluid Ounce": the same
    assert grams[4] == pytest.approx(2 * 28.349523125)  # cheese: ounces by weight
    assert grams[5] == pytest.approx(4 * 28.349523125)  # ice cream (0.56 g/ml): by weight
    assert grams[6] == pytest.approx(12 * 29.7)  # 12 oz of beer = 12 fl oz = 356.4 g
    calcium = dict(zip(diary.entries["line"], diary.entries["calcium_mg"], strict=True))
    assert calcium[2] == pytest.approx(248 * 11 / 100)  # 27.28 mg
    rejected = diary.rejected.set_index("line")
    assert rejected.loc[8, "status"] == "deleted"  # Deleted = TRUE
    # A beer "Bottle": USDA has no bottle portion; the stated default is a 12 fl oz bottle
    # (NIAAA standard drink, data/household_measures.csv): 12 x 29.7 g = 356.4 g.
    assert grams[7] == pytest.approx(12 * 29.7)


def test_cronometer_serving_with_unknown_inner_measure_uses_the_servings() -> None:
    diary = read(DATA / "cronometer_serving_fallback.csv")
    entries = diary.entries.set_index("line")
    # "3.80 Serving (2 medium slice ...)": the pizza has no "medium slice" portion, so the
    # outer reading is used: 3.8 servings x 81 g (first USDA serving portion) = 307.8 g.
    assert (entries.loc[2, "quantity"], entries.loc[2, "unit"]) == (3.8, "serving")
    assert entries.loc[2, "grams"] == pytest.approx(307.8)
    assert entries.loc[2, "calcium_mg"] == pytest.approx(307.8 * 179 / 100)  # 550.96 mg
    # "1.00 cup cooked": the volume unit with a preparation word is a cup, 158 g of rice.
    assert entries.loc[3, "grams"] == pytest.approx(158.0)
    # No outer reading to fall back on: still an unknown unit.
    assert diary.rejected["status"].tolist() == ["unknown_unit"]


def test_unquoted_comma_is_reported_not_misread() -> None:
    diary = read(DATA / "own_misaligned.csv")
    assert diary.rejected["line"].tolist() == [2]
    assert diary.rejected["status"].tolist() == ["extra_cells"]
    assert diary.rejected["reason"].tolist() == [
        "more cells than the header's 4 named columns (extra value 'oz'); put a value that "
        'contains a comma in double quotes (e.g. "Cheese, cheddar") or give the extra column '
        "a name in the header"
    ]
    # Trailing empty cells, beyond the header or under unnamed header cells, are fine.
    assert diary.entries["line"].tolist() == [3, 4, 5]
    assert diary.entries["grams"].tolist() == pytest.approx([28.349523125, 372.0, 372.0])


def test_runaway_line_is_one_rejected_row(tmp_path: Path) -> None:
    path = tmp_path / "huge.csv"
    path.write_text("date,food,amount\n" + "2026-11-16,Cheese cheddar,1," * 100_000 + "\n")
    diary = read(path)
    assert diary.rows_in == 1
    assert diary.rejected["status"].tolist() == ["extra_cells"]
    assert "extra value '2026-11-16'" in diary.rejected["reason"].iloc[0]


def test_person_kept_on_rejected_rows(tmp_path: Path) -> None:
    path = tmp_path / "cohort.csv"
    path.write_text(
        "person,date,food,amount,unit\n"
        "P01,2026-11-16,Cheese cheddar,1,oz\n"
        'P02,2026-11-16,"Cheese, cheddar",-1,oz\n'
    )
    rejected = read(path).rejected
    assert rejected[["line", "person", "status"]].values.tolist() == [
        [2, "P01", "unknown_food"],
        [3, "P02", "bad_amount"],
    ]


def test_status_codes_are_documented() -> None:
    doc = analyzer.diary.__doc__ or ""
    documented = re.findall(r"^``([a-z_]+)``\s", doc, flags=re.MULTILINE)
    assert documented == list(STATUS_CODES)


def test_entries_view_shows_the_fallback_and_the_reason() -> None:
    result = CliRunner().invoke(
        cli, ["entries", str(DATA / "own_misaligned.csv"), "--format", "csv"]
    )
    assert result.exit_code == 0
    assert result.stderr.splitlines()[-1] == "4 rows: 3 used, 1 not used"
    lines = result.stdout.splitlines()
    assert lines[1].startswith("2,2026-11-16,Cheese,extra_cells,")
    assert np.isclose(float(lines[3].split(",")[-7]), 372.0)  # 12 oz of juice = 12 fl oz


@pytest.mark.parametrize(
    ("header", "cell", "quantity", "unit"),
    [
        ("Grams", "30", 30.0, "g"),
        ("amount (g)", "30", 30.0, "g"),
        ("Weight (g)", "30", 30.0, "g"),
        ("Weight", "30", 30.0, "g"),  # a weight column without a unit is in grams
        ("Weight [oz]", "1", 1.0, "oz"),
        ("qty in oz", "1 1/2", 1.5, "oz"),
        ("Weight [oz]", "2 oz", 2.0, "oz"),  # the same unit written again is fine
    ],
)
def test_amount_header_that_names_the_unit(
    tmp_path: Path, header: str, cell: str, quantity: float, unit: str
) -> None:
    path = tmp_path / "weighed.csv"
    path.write_text(f'Date,Food,{header}\n2026-11-16,"Cheese, cheddar",{cell}\n')
    diary = read(path)
    assert diary.format == "own"
    row = diary.entries.iloc[0]
    assert (row["quantity"], row["unit"]) == (quantity, unit)
    # cheddar: 710 mg Ca per 100 g
    grams = quantity * (1.0 if unit == "g" else 28.349523125)
    assert row["calcium_mg"] == pytest.approx(grams * 710 / 100)


def test_implausible_amount_is_reported(tmp_path: Path) -> None:
    path = tmp_path / "typo.csv"
    path.write_text(
        "date,food,amount,unit\n"
        '2026-11-16,"Orange juice, raw",1000,cup\n'  # 1000 x 248 g = 248,000 g
        '2026-11-16,"Orange juice, raw",40,cup\n'  # 40 x 248 g = 9,920 g: kept
    )
    diary = read(path)
    assert diary.entries["grams"].tolist() == pytest.approx([9920.0])
    assert diary.rejected[["line", "status"]].values.tolist() == [[2, "implausible_amount"]]
    assert diary.rejected["reason"].iloc[0] == (
        "1,000 cup of 'Orange juice, raw' is 248,000 g; more than 10 kg in one entry is taken "
        "as a typo: check the amount and the unit"
    )


def test_title_lines_above_the_header_are_skipped(tmp_path: Path) -> None:
    path = tmp_path / "titled.csv"
    path.write_text(
        "My food diary\nExported 2026-11-20,,\n\nDate,Food,Amount,Unit\n"
        '2026-11-16,"Cheese, cheddar",30,g\n'
    )
    diary = read(path)
    assert diary.notes[0] == (
        "the column names are on line 4; the 2 non-blank line(s) above them were skipped "
        "(not diary rows)"
    )
    assert diary.rows_in == 1
    assert diary.entries["line"].tolist() == [5]
    assert diary.entries["calcium_mg"].tolist() == pytest.approx([30 * 710 / 100])  # 213 mg


def test_no_header_anywhere_is_one_clear_error(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text("food\nmilk\nbread\n")
    with pytest.raises(analyzer.errors.DiaryFormatError) as info:
        read(path)
    assert str(info.value).startswith(
        f"{path}: no recognizable diary columns (header: 'food'). Formats understood: own"
    )


@pytest.mark.parametrize(
    ("text", "message"),
    [
        (
            'date,food,amount\n2026-11-16,"Cheese, cheddar,1 oz\n2026-11-16,milk,1 cup\n',
            "line 2: a double quote opened on this line is never closed, so the lines after it "
            "would become one cell. Close the quote; inside a quoted value write a double quote "
            'as two ("")',
        ),
        (
            'date,food,amount\n2026-11-16,"Cheese, cheddar,1 oz\n'
            + "2026-11-16,milk,1 cup\n" * 30
            + '2026-11-16,milk",1 cup\n',
            "line 2: a double quote opened on this line is not closed for 32 lines, so the lines "
            "after it would become one cell. Close the quote; inside a quoted value write a "
            'double quote as two ("")',
        ),
    ],
)
def test_unclosed_quote_is_a_file_error_not_lost_rows(
    tmp_path: Path, text: str, message: str
) -> None:
    path = tmp_path / "quotes.csv"
    path.write_text(text)
    with pytest.raises(analyzer.errors.DiaryFormatError) as info:
        read(path)
    assert str(info.value) == f"{path}: {message}"


def test_quotes_inside_values_and_multiline_notes_still_read(tmp_path: Path) -> None:
    path = tmp_path / "notes.csv"
    path.write_text(
        "date,food,amount,note\n"
        '2026-11-16,"Cheese, cheddar",1 oz,"bought at the\nfarmers market"\n'
        '2026-11-16,"Cheese, cheddar",1 oz,5" wedge\n'
    )
    diary = read(path)
    assert diary.entries["line"].tolist() == [2, 4]
    assert diary.entries["grams"].tolist() == pytest.approx([28.349523125] * 2)


def test_basic_iso_dates_and_excel_day_numbers() -> None:
    from analyzer.diary.dates import parse_dates

    parsed = parse_dates(pd.Series(["20261116", "20260230", "46342", "46342.5"]))
    assert parsed.date.iloc[0] == pd.Timestamp("2026-11-16")
    assert parsed.status.tolist() == [None, "bad_date", "bad_date", "bad_date"]
    assert parsed.reason.iloc[1] == "impossible date '20260230'"
    # Excel's day 0 is 1899-12-30: 46342 days later is 2026-11-16.
    assert parsed.reason.iloc[2] == (
        "date '46342' looks like an Excel day number (2026-11-16); format the date column "
        "as a date (YYYY-MM-DD) before saving as CSV"
    )


def test_repeated_header_line_from_joined_exports(tmp_path: Path) -> None:
    path = tmp_path / "joined.csv"
    header = "Day,Group,Food Name,Amount,Energy (kcal),Calcium (mg),Phosphorus (mg)\n"
    path.write_text(
        header
        + '2024-03-01,Breakfast,"Milk, 2%",1.00 cup,122,293,224\n'
        + header
        + "2024-03-02,Lunch,Kafa,1.00 full recipe,5,,\n"
    )
    diary = read(path)
    assert diary.rejected[["line", "status"]].values.tolist() == [[3, "repeated_header"]]
    assert diary.rejected["reason"].iloc[0] == (
        "the header line again (were files joined together?); not a diary row"
    )
    # App nutrients taken as given; blank stays unknown.
    assert diary.entries["calcium_mg"].tolist()[0] == 293.0
    assert np.isnan(diary.entries["calcium_mg"].tolist()[1])
    assert not any("repeat rows above it" in note for note in diary.notes)  # no overlap


def test_joined_exports_that_overlap_are_noted(tmp_path: Path) -> None:
    # the second export repeats the first's milk row (line 4 = line 2): both are used (a
    # glass drunk twice is a real row), with a note
    path = tmp_path / "joined.csv"
    header = "date,food,amount,unit\n"
    path.write_text(
        header + "2026-11-16,milk,1,cup\n" + header + "2026-11-16,milk,1,cup\n"
        "2026-11-17,milk,1,cup\n"
    )
    diary = read_diary(path)  # the USDA table: whole milk, 1 cup
    assert len(diary.entries) == 3
    assert (
        "1 row(s) after the repeated header, from line 4, repeat rows above it cell for cell: "
        "counted twice, as written; if the joined exports overlap, remove one copy"
    ) in diary.notes


def test_semicolon_file_with_decimal_points(tmp_path: Path) -> None:
    path = tmp_path / "semi.csv"
    path.write_text(
        'date;food;amount;unit\n2026-11-16;"Orange juice, raw";0.5;cup\n'
        '2026-11-16;"Orange juice, raw";1,5;cup\n'
    )
    diary = read(path)
    # 0.5 cup = 124 g (not 5 cups); 1,5 cup = 1.5 x 248 = 372 g
    assert diary.entries["quantity"].tolist() == [0.5, 1.5]
    assert diary.entries["grams"].tolist() == pytest.approx([124.0, 372.0])


def test_title_line_without_delimiter_above_a_semicolon_header(tmp_path: Path) -> None:
    path = tmp_path / "titled.csv"
    path.write_text(
        'Food diary - John\n\ndate;food;amount;unit\n2026-11-16;"Orange juice, raw";0,5;cup\n'
    )
    diary = read(path)
    assert diary.notes[0].startswith("the column names are on line 3; the 1 non-blank line(s)")
    assert diary.entries["grams"].tolist() == pytest.approx([124.0])  # 0.5 x 248 g


@pytest.mark.parametrize(
    ("data", "message"),
    [
        (
            b'[{"date": "2026-11-16", "food": "milk", "amount": 1}]',
            "is JSON, not CSV. Export the diary as CSV (comma-separated values)",
        ),
        (
            b'{"entries": []}',
            "is JSON, not CSV. Export the diary as CSV (comma-separated values)",
        ),
        (
            b"<!DOCTYPE html><html><body>date,food</body></html>",
            "is a web page or XML document, not CSV. Download the diary's CSV export rather "
            "than the page",
        ),
    ],
)
def test_json_and_html_files_get_one_clear_error(
    tmp_path: Path, data: bytes, message: str
) -> None:
    path = tmp_path / "diary.csv"
    path.write_bytes(data)
    with pytest.raises(analyzer.errors.DiaryFormatError) as info:
        read(path)
    assert str(info.value) == f"{path}: {message}"


def test_counting_the_food_itself(tmp_path: Path) -> None:
    path = tmp_path / "counted.csv"
    path.write_text(
        "date,food,amount\n"
        '2026-11-16,"Bananas, raw",2 bananas\n'  # 2 x 118 g (medium) = 236 g
        '2026-11-16,"Bananas, raw",1 banana\n'
        '2026-11-16,"Bananas, raw",2 apples\n'  # another food's name: not a count
    )
    diary = read(path)
    assert diary.entries["grams"].tolist() == pytest.approx([236.0, 118.0])
    assert diary.entries["calcium_mg"].tolist() == pytest.approx([236 * 5 / 100, 118 * 5 / 100])
    assert diary.rejected[["line", "status"]].values.tolist() == [[4, "unknown_unit"]]


def test_unquoted_commas_in_a_last_note_column_are_part_of_the_note(tmp_path: Path) -> None:
    path = tmp_path / "mfp.csv"
    path.write_text(
        "Date,Meal,Calories,Sodium (mg),Potassium,Protein (g),Calcium,Note\n"
        "2026-01-05,Breakfast,450,500,400,20,25,ate late, felt fine\n"
    )
    diary = read(path, mfp_calcium_dv=1000)
    assert diary.rejected.empty
    # 25 %DV x 1000 mg = 250 mg, approximate; sodium and potassium as given
    row = diary.entries.iloc[0]
    assert (row["calcium_mg"], row["sodium_mg"], row["potassium_mg"]) == (250.0, 500.0, 400.0)
    assert bool(row["approximate"])


def test_cronometer_saved_by_european_excel() -> None:
    # cp1252, ";" delimiter, CRLF, dotted day-first dates, decimal commas, "1.234,5"
    diary = read(DATA / "cronometer_excel_eu.csv")
    assert diary.format == "cronometer_servings"
    entries = diary.entries
    assert entries["date"].dt.strftime("%Y-%m-%d").tolist() == [
        "2024-03-01",
        "2024-03-01",
        "2024-03-02",
        "2024-03-02",
    ]
    assert entries["food"].iloc[3] == "Café au lait"  # cp1252 byte 0xE9
    assert entries["energy_kcal"].tolist() == [122.0, 5.5, 1234.5, 50.0]
    assert entries["calcium_mg"].tolist()[0] == 293.0  # as given by the app
    assert np.isnan(entries["calcium_mg"].tolist()[1])  # blank stays unknown
    assert entries["caffeine_mg"].tolist() == [0.0, 95.0, 0.0, 60.0]
    # "2,00 slice (...) - each 3/4 oz" read with the decimal comma: 1.5 oz
    assert (entries["quantity"].iloc[2], entries["unit"].iloc[2]) == (1.5, "oz")


def test_real_dates_outside_the_years_read_say_so(tmp_path: Path) -> None:
    # 9999-12-31 and 1899-01-01 are real dates, outside 1900-2100; 2026-02-30 is impossible
    path = tmp_path / "years.csv"
    path.write_text(
        "date,food,amount,unit\n9999-12-31,milk,1,cup\n1899-01-01,milk,1,cup\n"
        "2026-02-30,milk,1,cup\n2026-11-16,milk,1,cup\n"
    )
    diary = read_diary(path)
    assert diary.rejected["reason"].tolist() == [
        "date '9999-12-31' is outside the years 1900 to 2100 this tool reads",
        "date '1899-01-01' is outside the years 1900 to 2100 this tool reads",
        "impossible date '2026-02-30'",
    ]
