"""Property tests: no input makes the diary reader raise anything but the project's errors,
and every data row is accounted for (rows in = used + rejected)."""

from __future__ import annotations

import csv
import io
import tempfile
from collections.abc import Iterable
from pathlib import Path

import pandas as pd
from hypothesis import HealthCheck, given, settings
from hypothesis import strategies as st

from analyzer.diary import read_diary
from analyzer.diary.model import FORMATS
from analyzer.errors import AnalyzerError

FOODS = pd.DataFrame(
    {
        "id": ["01077"],
        "description": ["milk"],
        "category": ["dairy"],
        "energy_kcal": [61.0],
        "protein_g": [3.15],
        "calcium_mg": [113.0],
        "phosphorus_mg": [84.0],
        "magnesium_mg": [10.0],
        "potassium_mg": [132.0],
        "sodium_mg": [43.0],
        "caffeine_mg": [0.0],
    }
)


class MilkMatcher:
    """Matches the name 'milk' (any case) to SR28 01077, nothing else."""

    def match_names(self, names: Iterable[str]) -> pd.DataFrame:
        names = list(names)
        rows = [
            ("01077", "milk", "dairy", 100.0, "description", "")
            if n.strip().lower() == "milk"
            else (pd.NA, pd.NA, pd.NA, 0.0, "fuzzy", "milk")
            for n in names
        ]
        columns = ["food_id", "description", "category", "score", "method", "suggestions"]
        return pd.DataFrame(rows, index=pd.Index(names), columns=columns)


HEADER_WORDS = [
    "date",
    "Day",
    "food",
    "Food Name",
    "item",
    "amount",
    "Amount",
    "qty",
    "unit",
    "Units",
    "time",
    "meal",
    "person",
    "Name",
    "Quantity",
    "Deleted",
    "Meal",
    "Calories",
    "Calcium",
    "Calcium (mg)",
    "Phosphorus (mg)",
    "Energy (kcal)",
    "Potassium",
    "Sodium (mg)",
    "entry",
    "quant",
    "Foods",
    "UserName",
    "FoodCode",
    "FoodAmt",
    "CALC",
    "SEQN",
    "DR1IGRMS",
    "DR1IFDCD",
    "DR1ICALC",
    "",
]
CELL_TEXT = st.one_of(
    st.sampled_from(
        [
            "2026-11-16",
            "11/16/2026",
            "16/11/2026",
            "milk",
            "Milk",
            "cup",
            "1",
            "0",
            "-1",
            "1/2",
            "1,5",
            "n/a",
            "true",
            "",
            " ",
            "2.00 x 2.0 tbsp",
            "=1+1",
            "2026-02-30",
            "1.00 can - each 12 fl oz",
            "furlongs",
            '"',
            "0.00",
            "12:30",
            "2 eggs and a slice of toast",
            "vitamin D3 2000 IU",
            "Milk, 1 cup (244g)",
            "552mg",
            "--",
            "NA",
            "11/03/2025 7:30",
            "57123000.0",
            "TOTAL:",
        ]
    ),
    st.text(max_size=12),
)


def _check(data: bytes, **options: object) -> None:
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "diary.csv"
        path.write_bytes(data)
        try:
            diary = read_diary(path, matcher=MilkMatcher(), foods=FOODS, **options)  # type: ignore[arg-type]
        except AnalyzerError:
            return
        assert diary.rows_in == len(diary.entries) + len(diary.rejected)
        assert diary.entries["line"].is_monotonic_increasing
        lines = sorted([*diary.entries["line"].tolist(), *diary.rejected["line"].tolist()])
        if diary.format != "freetext":  # a free-text line gives one row per food phrase
            assert len(set(lines)) == len(lines)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(st.binary(max_size=400))
def test_arbitrary_bytes(data: bytes) -> None:
    _check(data)


@settings(max_examples=150, deadline=None, suppress_health_check=[HealthCheck.too_slow])
@given(
    header=st.lists(st.sampled_from(HEADER_WORDS), min_size=1, max_size=7),
    rows=st.lists(st.lists(CELL_TEXT, max_size=8), max_size=8),
    delimiter=st.sampled_from([",", ";", "\t"]),
    line_end=st.sampled_from(["\n", "\r\n"]),
    dayfirst=st.booleans(),
    fmt=st.sampled_from([None, *FORMATS]),
)
def test_arbitrary_csv(
    header: list[str],
    rows: list[list[str]],
    delimiter: str,
    line_end: str,
    dayfirst: bool,
    fmt: str | None,
) -> None:
    buffer = io.StringIO()
    writer = csv.writer(buffer, delimiter=delimiter, lineterminator=line_end)
    writer.writerow(header)
    writer.writerows(rows)
    for encoding in ("utf-8", "utf-8-sig", "cp1252"):
        try:
            data = buffer.getvalue().encode(encoding)
        except UnicodeEncodeError:
            continue
        _check(data, dayfirst=dayfirst, input_format=fmt, mfp_calcium_dv=1300)


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_text(text: str) -> None:
    _check(("date,food,amount,unit\n" + text).encode("utf-8", "surrogatepass"))


@settings(max_examples=100, deadline=None)
@given(st.text(max_size=300))
def test_arbitrary_free_text(text: str) -> None:
    _check(("date,entry\n2026-11-16," + text).encode("utf-8", "surrogatepass"))
