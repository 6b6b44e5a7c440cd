"""Fuzz: hostile files, cells and command lines never make a traceback, a hang or a wrong
number passed as used (issue 16).

Every case checks that only the project's errors are raised, that rows in = rows used + rows
reported, that every used nutrient is unknown or a finite non-negative number, that
machine-readable output is strict JSON (no NaN or Infinity), and that the case finishes
within :data:`CASE_SECONDS`. ``make test`` runs a bounded number of cases (about a minute in
all); ``make fuzz`` runs many more (``FUZZ_EXAMPLES``, default 100,000).
"""

from __future__ import annotations

import json
import math
import os
import time
from pathlib import Path

import numpy as np
import pytest
from click.testing import CliRunner
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.cli import cli
from analyzer.diary import read_diary
from analyzer.errors import AnalyzerError
from analyzer.foods.quantities import parse_amount
from analyzer.nutrients import NUTRIENT_COLUMNS

#: Cases per property in ``make test``; ``make fuzz`` sets FUZZ_EXAMPLES much higher.
EXAMPLES = int(os.environ.get("FUZZ_EXAMPLES", "60"))
#: Longest time one case may take. [s]
CASE_SECONDS = 20.0
FUZZ = settings(
    max_examples=EXAMPLES,
    deadline=None,
    derandomize=EXAMPLES <= 200,  # the bounded run is deterministic
    suppress_health_check=[HealthCheck.too_slow, HealthCheck.function_scoped_fixture],
)

#: Headers of every format the readers know, and words that look like them.
HEADERS = [
    "date,food,amount,unit",
    "date,time,meal,food,amount,unit,person,note",
    "Day,Time,Group,Food Name,Amount,Energy (kcal),Caffeine (mg),Calcium (mg),"
    "Magnesium (mg),Phosphorus (mg),Potassium (mg),Sodium (mg),Protein (g),Category",
    "Date,Energy (kcal),Calcium (mg),Phosphorus (mg),Completed",
    "Date,Name,Icon,Meal,Quantity,Units,Calories,Deleted,Sodium (mg)",
    "Date,Meal,Calories,Sodium (mg),Potassium,Calcium,Protein (g)",
    "date,meal,food,quant,calories,carbohydrates,fat,protein,sodium,sugar",
    "UserName,RecallNo,IntakeStartDateTime,Occ_No,Occ_Name,FoodCode,FoodAmt,KCAL,PROT,CALC,"
    "PHOS,MAGN,POTA,SODI,CAFF,Food_Description",
    "date,time,log",
]
#: Cells that broke the tool before, and their kin.
HOSTILE_CELLS = [
    "",
    " ",
    "1" + "0" * 400 + "/1",
    "1/" + "0" * 400,
    "1e308",
    "-1e308",
    "1e999 x 0",
    "nan",
    "inf",
    "-5",
    "0",
    "1" + " " * 3000 + "x",
    "2026-11-16" + " " * 3000,
    "9999-99-99",
    "0001-01-01",
    '=HYPERLINK("x")',
    "milk\x1b[2J",
    "\x00\x01\x02",
    "z" * 5000,
    "½ cup",
    "1.00 x 8.28 fl oz (245ml)",
    "2 eggs scrambled",
    "Milk, whole, 3.25% milkfat, with added vitamin D",
    "Cheese, cheddar",
    "cola",
    "cup",
    "slice",
    "g",
    "2026-11-16",
    "11/16/2026",
    "16/11/2026",
    "08:30",
    "Breakfast",
    "1",
    "2.5",
    "1,5",
    '"',
    "a,b",
    "line\nbreak",
]
cell = st.one_of(st.sampled_from(HOSTILE_CELLS), st.text(max_size=40))


def _csv_cell(value: str) -> str:
    if any(ch in value for ch in ',"\n\r'):
        return '"' + value.replace('"', '""') + '"'
    return value


@st.composite
def diaries(draw: st.DrawFn) -> str:
    """A diary file: a known header (or a mangled one) and rows of hostile cells."""
    header = draw(st.sampled_from(HEADERS))
    if draw(st.booleans()):
        header = header.replace(",", draw(st.sampled_from([";", "\t", ","])))
    width = header.count(",") + header.count(";") + header.count("\t") + 1
    rows = draw(st.lists(st.lists(cell, min_size=1, max_size=width + 2), min_size=0, max_size=8))
    lines = [header, *(",".join(_csv_cell(v) for v in row) for row in rows)]
    return "\n".join(lines) + draw(st.sampled_from(["\n", "", "\r\n"]))


def _check_diary(path: Path) -> None:
    started = time.perf_counter()
    try:
        diary = read_diary(path)
    except AnalyzerError:
        return
    finally:
        assert time.perf_counter() - started < CASE_SECONDS
    assert diary.rows_in == len(diary.entries) + len(diary.rejected)
    for column in NUTRIENT_COLUMNS:
        values = diary.entries[column].to_numpy(dtype=float)
        known = values[~np.isnan(values)]
        assert np.isfinite(known).all(), column
        assert (known >= 0).all(), column


@FUZZ
@given(text=diaries())
def test_hostile_diaries(tmp_path: Path, text: str) -> None:
    path = tmp_path / "diary.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    _check_diary(path)


@FUZZ
@given(data=st.binary(max_size=2_000))
def test_arbitrary_bytes(tmp_path: Path, data: bytes) -> None:
    path = tmp_path / "diary.csv"
    path.write_bytes(data)
    _check_diary(path)


@FUZZ
@given(text=cell)
def test_amount_cells(text: str) -> None:
    started = time.perf_counter()
    try:
        parsed = parse_amount(text)
    except AnalyzerError:
        return
    finally:
        assert time.perf_counter() - started < CASE_SECONDS
    assert math.isfinite(parsed.quantity) and parsed.quantity >= 0


def _strict_json(text: str) -> object:
    def refuse(constant: str) -> object:
        raise AssertionError(f"not JSON: {constant}")

    return json.loads(text, parse_constant=refuse)


@FUZZ
@given(text=diaries(), command=st.sampled_from(["entries", "daily", "weekly", "report"]))
def test_the_cli_on_hostile_diaries(tmp_path: Path, text: str, command: str) -> None:
    path = tmp_path / "diary.csv"
    path.write_text(text, encoding="utf-8", errors="surrogatepass")
    started = time.perf_counter()
    result = CliRunner().invoke(cli, [command, str(path), "--format", "json"])
    assert time.perf_counter() - started < CASE_SECONDS
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
    assert result.exit_code in (0, 1), result.output
    assert "Traceback" not in result.output
    if result.exit_code == 0:
        _strict_json(result.stdout)


@pytest.mark.parametrize(
    "args",
    [
        ["report", "--example", "western", "--week", "9999-W99"],
        ["report", "--example", "western", "--ratio-target", "-inf"],
        ["chart", "--example", "western", "--weeks", "99999999999999999999", "--out", "x.png"],
        ["daily", "--profiles", "/dev/null", "--example", "western"],
        ["foods", "search", "x" * 100_000],
        ["foods", "show", "\x00"],
    ],
    ids=str,
)
def test_hostile_command_lines(args: list[str]) -> None:
    result = CliRunner().invoke(cli, args)
    assert result.exit_code in (1, 2), result.output
    assert result.exception is None or isinstance(result.exception, SystemExit), repr(
        result.exception
    )
