"""Low-level diary reading: encodings, delimiters, line numbers, dates, numbers, amounts."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest

from analyzer.diary.amounts import parse_amounts
from analyzer.diary.csvio import RawTable, read_table, sniff_delimiter
from analyzer.diary.dates import parse_dates
from analyzer.diary.detect import detect_format
from analyzer.diary.numbers import to_numbers


def _table(tmp_path: Path, data: bytes) -> RawTable:
    path = tmp_path / "d.csv"
    path.write_bytes(data)
    return read_table(path)


@pytest.mark.parametrize(
    ("data", "encoding"),
    [
        ("date,food\n2026-11-16,crème\n".encode(), "utf-8-sig"),
        (b"\xef\xbb\xbfdate,food\n2026-11-16,cr\xc3\xa8me\n", "utf-8-sig"),
        ("date,food\n2026-11-16,crème\n".encode("cp1252"), "cp1252"),
        ("date,food\r\n2026-11-16,crème\r\n".encode("utf-16"), "utf-16"),
    ],
)
def test_encodings(tmp_path: Path, data: bytes, encoding: str) -> None:
    table = _table(tmp_path, data)
    assert table.encoding == encoding
    assert table.header == ["date", "food"]
    assert table.cells[1].tolist() == ["crème"]


def test_line_numbers_skip_blank_lines_and_follow_multiline_quotes(tmp_path: Path) -> None:
    data = b'\n date , food ,amount,,\r\n\r\n2026-11-16,"milk,\nwhole",1,,\n\n2026-11-17,tea,2,,\n'
    table = _table(tmp_path, data)
    assert table.header_line == 2
    assert table.header == ["date", "food", "amount", "", ""]
    # record 1 starts on line 4 and spans line 5; record 2 is on line 7
    assert table.lines.tolist() == [4, 7]
    assert table.cells[1].tolist() == ["milk,\nwhole", "tea"]


def test_excel_sep_line_and_semicolons(tmp_path: Path) -> None:
    table = _table(tmp_path, b"sep=;\ndate;food;amount\n2026-11-16;milk;0,5\n")
    assert (table.delimiter, table.decimal_comma) == (";", True)
    assert table.lines.tolist() == [3]
    assert table.cells[2].tolist() == ["0,5"]


def test_rows_longer_than_header(tmp_path: Path) -> None:
    table = _table(tmp_path, b"date,food\n2026-11-16,milk,extra,,\n")
    assert table.cells.shape == (1, 5)


@pytest.mark.parametrize(
    ("header", "delimiter"),
    [("a,b;c", ","), ("a;b;c", ";"), ("a\tb\tc", "\t"), ('"a;b",c', ","), ("abc", ",")],
)
def test_sniff_delimiter(header: str, delimiter: str) -> None:
    assert sniff_delimiter(header) == delimiter


def test_dates_forms_and_rules() -> None:
    text = pd.Series(
        [
            "2026-11-16",
            "11/16/2026",
            "2026-11-16 08:30",
            "",
            "2026-02-30",
            "16.11.2026",
            "Nov 16, 2026",
            "1/2/26",
            "2011-4-18",
            "soon",
            "2026-11-16 8:30 PM",
            "2026-11-16T07:05:09",
        ]
    )
    parsed = parse_dates(text)
    expected = [
        "2026-11-16",
        "2026-11-16",
        "2026-11-16",
        None,
        None,
        "2026-11-16",
        "2026-11-16",
        None,
        "2011-04-18",
        None,
        "2026-11-16",
        "2026-11-16",
    ]
    got = [None if pd.isna(d) else d.strftime("%Y-%m-%d") for d in parsed.date]
    assert got == expected
    assert parsed.time.tolist()[2] == "08:30"
    assert parsed.time.tolist()[10] == "20:30"
    assert parsed.time.tolist()[11] == "07:05:09"
    assert parsed.status.tolist()[3] == "missing_date"
    assert parsed.reason.tolist()[7] == (
        "date '1/2/26' has a two-digit year, which is ambiguous; write the year in full "
        "(e.g. 2026)"
    )
    assert parsed.reason.tolist()[9] == (
        "cannot read date 'soon'; write it as YYYY-MM-DD (e.g. 2026-11-16)"
    )
    assert parsed.date.dtype == "datetime64[ns]"


def test_dayfirst_symmetry() -> None:
    text = pd.Series(["11/16/2026", "05/11/2026", "07/07/2026"])
    assert parse_dates(text).status.isna().all()
    flipped = parse_dates(text, dayfirst=True)
    # 11/16 cannot be day-first, so 05/11 is ambiguous; 07/07 reads the same either way.
    assert flipped.status.tolist() == ["bad_date", "bad_date", None]
    assert "drop --dayfirst" in flipped.reason.tolist()[1]


def test_numbers_blank_na_and_decimal_comma() -> None:
    values, bad = to_numbers(
        pd.Series(["", "n/a", "0.00", "1,5", "abc", "12%"]), decimal_comma=True
    )
    assert np.isnan(values[0]) and np.isnan(values[1])
    assert values.tolist()[2:4] == [0.0, 1.5]
    assert bad.tolist() == [False, False, False, False, True, False]
    assert values.tolist()[5] == 12.0
    values, _ = to_numbers(pd.Series(["1,234.5"]), decimal_comma=False)
    assert values.tolist() == [1234.5]


def test_amounts_with_unit_column() -> None:
    parsed = parse_amounts(
        pd.Series(["1", "1/2", "2 slices", "2 cups", "", "x"]),
        pd.Series(["Serving (2 tbsp)", "cup", "", "g", "cup", "cup"]),
    )
    assert parsed.quantity.tolist()[:3] == [2.0, 0.5, 2.0]
    assert parsed.unit.tolist()[:3] == ["tbsp", "cup", "slice"]
    assert parsed.status.tolist()[3:] == ["bad_amount", "missing_amount", "bad_amount"]


@pytest.mark.parametrize(
    ("header", "fmt"),
    [
        (["Day", "Group", "Food Name", "Amount", "Energy (kcal)"], "cronometer_servings"),
        (["Date", "Energy (kcal)", "Calcium (mg)", "Completed"], "cronometer_daily"),
        (["Date", "Name", "Icon", "Meal", "Quantity", "Units", "Deleted"], "loseit"),
        (["Date", "Meal", "Time", "Calories", "Calcium"], "mfp"),
        (["DAY", "Item", "Qty"], "own"),
        # a date and one text column without amounts: a free-text log ("2 eggs and toast")
        (["date", "food"], "freetext"),
        (["Date", "Time", "Entry"], "freetext"),
        (["food", "notes"], None),
        (["UserName", "RecallNo", "FoodCode", "FoodAmt", "CALC"], "asa24_items"),
        (["UserName", "RecallNo", "KCAL", "CALC"], "asa24_totals"),
        (["SEQN", "DR1ILINE", "DR1IFDCD", "DR1IGRMS"], "nhanes"),
        (["SEQN", "DRDIFDCD", "DRXIGRMS"], "nhanes"),
        (["date", "meal", "food", "quant", "calories"], "mfp_foods"),
        (["Foods", "Calories", "Carbs", "Sodium"], "mfp_printable"),
    ],
)
def test_detect_format(header: list[str], fmt: str | None) -> None:
    assert detect_format(header) == fmt


def test_the_files_own_dates_decide_the_order() -> None:
    # 16/11 can only be day/month/year, and nothing contradicts it: the file is day-first.
    european = parse_dates(pd.Series(["16/11/2026", "05/11/2026"]))
    assert european.status.isna().all()
    assert european.inferred_dayfirst == "16/11/2026"
    assert european.date.dt.strftime("%Y-%m-%d").tolist() == ["2026-11-16", "2026-11-05"]
    # Only dates that read both ways: month/day/year, the US apps' order; nothing inferred.
    us = parse_dates(pd.Series(["05/11/2026"]))
    assert us.inferred_dayfirst is None
    assert us.date.dt.strftime("%Y-%m-%d").tolist() == ["2026-05-11"]
    # Contradicting dates: month-first, and each date that cannot be read so is a row error.
    mixed = parse_dates(pd.Series(["16/11/2026", "11/17/2026"]))
    assert mixed.inferred_dayfirst is None
    assert mixed.status.tolist() == ["bad_date", None]
