"""csv_text gives exactly the bytes of pandas' writer (after neutralize_formulas)."""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st
from hypothesis.extra.pandas import column, data_frames

from analyzer.cli import csvtext
from analyzer.cli.csvtext import csv_text, neutralize_formulas


def _pandas(frame: pd.DataFrame) -> str:
    return str(neutralize_formulas(frame).to_csv(index=False, lineterminator="\n"))


def test_daily_like_table_exact_text() -> None:
    frame = pd.DataFrame(
        {
            "person": pd.Series(["P0001", "=cmd", None], dtype="string"),
            "date": ["2026-11-16", "2026-11-16", "2026-11-17"],
            "entries": np.array([3, 1, 0], dtype="int64"),
            "calcium_mg": [51.59613208750001, np.nan, 1000.0],
            "pral_meq": [-12.5, 0.1, np.inf],
            "ok": [True, False, True],
        }
    )
    expected = (
        "person,date,entries,calcium_mg,pral_meq,ok\n"
        "P0001,2026-11-16,3,51.59613208750001,-12.5,True\n"
        "'=cmd,2026-11-16,1,,0.1,False\n"
        ",2026-11-17,0,1000.0,inf,True\n"
    )
    assert csv_text(frame) == expected == _pandas(frame)


def test_quoting_matches_csv_module() -> None:
    frame = pd.DataFrame(
        {"food": ['say "hi"', "a,b", "line\nbreak", "cr\ronly", " spaced "], "x": [1.0] * 5}
    )
    assert csv_text(frame) == _pandas(frame)
    assert csv_text(frame).splitlines()[1] == '"say ""hi""",1.0'


def test_other_dtypes_fall_back_to_pandas() -> None:
    frame = pd.DataFrame(
        {"when": pd.to_datetime(["2026-11-16", "2026-11-17"]), "n": pd.array([1, None])}
    )
    assert csv_text(frame) == _pandas(frame)
    single = pd.DataFrame({"food": ["", "milk"]})
    assert csv_text(single) == _pandas(single)
    assert csv_text(frame.iloc[:0]) == _pandas(frame.iloc[:0])


TEXT = st.text(alphabet=st.sampled_from(list("ab ,\"\n\r=+-@\t'é1.")), max_size=6)


@settings(max_examples=100, deadline=None)
@given(
    data_frames(
        [
            column("text", elements=TEXT, dtype=object),
            column("value", elements=st.floats(allow_nan=True, allow_infinity=True)),
            column("count", elements=st.integers(-(10**12), 10**12), dtype="int64"),
            column("flag", dtype=bool),
            column("maybe", elements=st.one_of(st.none(), TEXT), dtype=object),
        ]
    )
)
def test_same_bytes_as_pandas(frame: pd.DataFrame) -> None:
    frame = frame.assign(string=frame["maybe"].astype("string"))
    assert csv_text(frame) == _pandas(frame)


def test_chunks_join_seamlessly(monkeypatch: pytest.MonkeyPatch) -> None:
    monkeypatch.setattr(csvtext, "CHUNK_ROWS", 2)
    frame = pd.DataFrame({"food": list("abcde"), "grams": [1.5, 2.0, np.nan, 4.25, 5.0]})
    assert csv_text(frame) == _pandas(frame)
    assert csv_text(frame).count("\n") == 6  # header + 5 rows over 3 chunks


#: Floats as the CSV writer receives them: rounded to six decimals, of every magnitude.
ROUNDED = st.floats(allow_nan=True, allow_infinity=True).map(lambda v: round(v, 6))
SCALED = st.integers(-(10**15), 10**15).map(lambda k: k / 10**6)


@settings(max_examples=200, deadline=None)
@given(st.lists(st.one_of(ROUNDED, SCALED), min_size=1, max_size=40))
def test_rounded_floats_as_repr(values: list[float]) -> None:
    frame = pd.DataFrame({"value": values, "negated": [-v for v in values]})
    assert csv_text(frame) == _pandas(frame)


def test_numbers_at_the_edges() -> None:
    edges = [0.0, -0.0, 1e-4, -1e-4, 5e-5, 999999999.999999, 1e9, 123456.5, 0.1, 7.25e-3]
    frame = pd.DataFrame(
        {
            "value": edges,
            "count": np.array([0, -1, 9, 10, -(2**63), 2**63 - 1, 100, 7, -70, 5], dtype="int64"),
            "person": pd.Categorical(["p1", None, "=x", "a,b", "p1", "", "é", "p1", "q", "q"]),
        }
    )
    # pandas cannot neutralize a categorical column: the reference has it as objects
    assert csv_text(frame) == _pandas(frame.astype({"person": object}))


def test_huge_floats_are_kept_not_rounded_to_inf() -> None:
    # 1e307 x 10^6 overflows: such a value has no decimals to round and is written as it is
    # (with no overflow warning on stderr); 1.2345678 still rounds to 1.234568
    import warnings

    from analyzer.cli.output import format_frame

    frame = pd.DataFrame({"value": [1e307, -1.7e308, 1.2345678, np.nan]})
    with warnings.catch_warnings():
        warnings.simplefilter("error")
        text = format_frame(frame, "csv")
    assert text.splitlines() == ["value", "1e+307", "-1.7e+308", "1.234568", '""']
