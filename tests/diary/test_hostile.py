"""Hostile files: limits reported as such, parsers in linear time (issue 16)."""

from __future__ import annotations

import contextlib
import time
from collections.abc import Callable
from pathlib import Path

import pandas as pd
import pytest

from analyzer.diary import read_diary
from analyzer.diary.csvio import read_table
from analyzer.diary.dates import parse_dates
from analyzer.diary.lines import MAX_COLUMNS, MAX_HEADER_CHARS
from analyzer.errors import DiaryFormatError


def _write(tmp_path: Path, text: str) -> Path:
    path = tmp_path / "d.csv"
    path.write_text(text, encoding="utf-8")
    return path


@pytest.mark.parametrize(
    ("header", "message"),
    [
        (
            "date,food,amount,unit," + ",".join(f"c{i}" for i in range(MAX_COLUMNS)),
            f"the header line has {MAX_COLUMNS + 4:,} columns (a diary has at most 1,000). "
            "Check that this is the diary file and that its delimiter is right",
        ),
        (
            "date,food,amount,unit," + "x" * 600,
            "a column name in the header line is 600 characters long (column names have at "
            "most 500). Check that the first line is the header and that no quote is left open",
        ),
        (
            'date,food,amount,unit,"' + "x," * 200_000 + '"',
            f"the header line is 400,024 characters long (a diary's is at most "
            f"{MAX_HEADER_CHARS:,}). Check that the first line is the header and that no "
            "quote is left open",
        ),
    ],
    ids=["too many columns", "long column name", "long header line"],
)
def test_headers_no_diary_has_are_refused(tmp_path: Path, header: str, message: str) -> None:
    path = _write(tmp_path, header + "\n2026-11-16,milk,1,cup\n")
    with pytest.raises(DiaryFormatError) as info:
        read_diary(path)
    assert str(info.value) == f"{path}: {message}"


def test_a_quote_left_open_on_a_long_cell_names_its_line(tmp_path: Path) -> None:
    # 300,000 characters after an open quote: more than the csv module's field limit
    path = _write(
        tmp_path,
        'date,food,amount,unit,note\n2026-11-16,milk,1,cup,"' + "y" * 300_000
        + "\n2026-11-16,milk,1,cup,\n",
    )  # fmt: skip
    with pytest.raises(DiaryFormatError, match=r": line 2: a double quote opened on this line"):
        read_table(path)


def _ratio(run: Callable[[int], object], small: int, large: int) -> float:
    """Time of ``run(large)`` over ``run(small)`` (best of 3 each)."""

    def best(size: int) -> float:
        times = []
        for _ in range(3):
            start = time.perf_counter()
            run(size)
            times.append(time.perf_counter() - start)
        return min(times)

    return best(large) / max(best(small), 1e-4)


def test_dates_parse_in_linear_time() -> None:
    # Spaces inside a date cell used to take time growing with their square (16 s for 30 KB).
    def run(size: int) -> object:
        return parse_dates(pd.Series(["2026-11-16" + " " * size + "x", "2026-11-17"]))

    assert _ratio(run, 10_000, 100_000) < 20


CRONOMETER = "Day,Food Name,Amount,Energy (kcal),Calcium (mg),Phosphorus (mg)\n"


@pytest.mark.parametrize(
    ("cell", "reason"),
    [
        ("1e308", "Calcium (mg) '1e308' is more than one entry can hold (30,000); check the "
         "export"),
        ("-5", "Calcium (mg) '-5' is negative; nutrients are amounts eaten, leave an unknown "
         "value blank"),
        ("inf", "Calcium (mg) 'inf' is not a number"),
    ],
)  # fmt: skip
def test_implausible_app_nutrients_reject_the_row(tmp_path: Path, cell: str, reason: str) -> None:
    path = _write(
        tmp_path,
        CRONOMETER + f'2026-01-05,"Milk, 2%",1.00 cup,122,{cell},224\n'
        '2026-01-05,"Cheese, cheddar",1.00 oz,114,201,129\n',
    )
    diary = read_diary(path)
    assert diary.rows_in == 2 and len(diary.entries) == 1
    assert diary.rejected["status"].tolist() == ["bad_number"]
    assert diary.rejected["reason"].tolist() == [reason]
    # the used row's nutrients are the app's own: 201 mg Ca, 129 mg P
    assert diary.entries["calcium_mg"].tolist() == [201.0]


@pytest.mark.parametrize(
    ("amount", "message"),
    [
        ("1" + "0" * 400 + "/1", "a fraction with more than 12 digits is not an amount"),
        ("1/" + "0" * 400, "a fraction with more than 12 digits is not an amount"),
        ("1e999 x 0", "not a finite number; write e.g. 1, 1.5, 1/2, 1 1/2 or ½"),
    ],
    ids=["huge numerator", "huge denominator", "infinite times zero"],
)
def test_hostile_amounts_are_bad_amounts(tmp_path: Path, amount: str, message: str) -> None:
    path = _write(
        tmp_path,
        f'date,food,amount,unit\n2026-11-16,"Cheese, cheddar",{amount},g\n'
        '2026-11-16,"Cheese, cheddar",30,g\n',
    )
    diary = read_diary(path)
    assert diary.rejected["status"].tolist() == ["bad_amount"]
    assert message in diary.rejected["reason"].iloc[0]
    assert len(diary.rejected["reason"].iloc[0]) < 300  # the 401-digit value is not echoed


def test_a_name_longer_than_any_food_is_a_row_error(tmp_path: Path) -> None:
    path = _write(
        tmp_path,
        "date,food,amount,unit\n2026-11-16," + "z" * 200_000 + ",1,cup\n"
        '2026-11-16,"Cheese, cheddar",30,g\n',
    )
    started = time.perf_counter()
    diary = read_diary(path)
    assert time.perf_counter() - started < 10  # was 152 s for a 1 MB name
    assert diary.rejected["status"].tolist() == ["unknown_food"]
    assert diary.rejected["reason"].iloc[0] == (
        "a food name of 200,000 characters is longer than any food's name (at most 400); "
        "check that the diary's columns are read right"
    )


def test_amounts_parse_in_linear_time() -> None:
    from analyzer.errors import AmountError
    from analyzer.foods.quantities import parse_amount

    def run(size: int) -> object:
        for text in ("1" + " " * size + "/ 2 cup", "2" + " " * size + "x" + " " * size + "3 g"):
            with contextlib.suppress(AmountError):
                parse_amount(text)
        return None

    assert _ratio(run, 10_000, 100_000) < 20


def test_a_utf8_file_with_one_windows_1252_line_keeps_its_utf8(tmp_path: Path) -> None:
    path = tmp_path / "d.csv"
    path.write_bytes(
        b"date,food,amount,unit\n"
        b"2025-03-03,caf\xe9 au lait,1,cup\n"  # one cell saved in Windows-1252
        + "2025-03-03,crème fraîche,1,tbsp\n".encode()  # the rest is UTF-8
    )
    diary = read_diary(path)
    foods = diary.all_rows()["food"].tolist()
    assert foods == ["café au lait", "crème fraîche"]
    assert any("were read as Windows-1252" in note for note in diary.notes)
