"""Fast CSV text for long result tables, identical to pandas' writer.

pandas' ``DataFrame.to_csv`` writes row by row through :mod:`csv` and turns floats into text
with numpy's slowest formatter; for a cohort's daily totals (hundreds of thousands of rows
of a dozen floats) that costs several seconds. :func:`csv_text` renders each column at
once (numbers digit by digit with NumPy, :mod:`analyzer.cli.cellbytes`; text once per
distinct value) and joins the rows, giving the same bytes many times faster. Every CSV the
tool writes passes through :func:`neutralize_formulas`, so a food name such as
``=HYPERLINK(...)`` is shown as text, not run, when the file is opened in a spreadsheet
(OWASP, "CSV Injection").
"""

from __future__ import annotations

from collections.abc import Callable
from typing import Any

import numpy as np
import pandas as pd

from analyzer.cli.cellbytes import float_cells, int_cells, join_rows, text_cells, with_texts

#: Characters that make :mod:`csv` quote a cell (``QUOTE_MINIMAL``, ``,`` delimiter, ``\n``
#: line terminator).
QUOTE_TRIGGERS = (",", '"', "\n")
#: Rows rendered at a time (bounds the memory of the intermediate cell lists).
CHUNK_ROWS = 50_000


def csv_text(frame: pd.DataFrame) -> str:
    """Render ``frame`` as formula-safe CSV text, column by column.

    Gives the same text as ``neutralize_formulas(frame).to_csv(index=False,
    lineterminator="\\n")``: minimal quoting, blank for unknown, floats at full precision
    (``repr``). Each column is formatted at once (:mod:`analyzer.cli.cellbytes`: numbers
    digit by digit over the whole column, text once per distinct value) and the rows are
    joined with NumPy, which is many times faster than pandas' row-by-row writer on long
    tables (a cohort's daily totals have hundreds of thousands of rows).

    Parameters
    ----------
    frame : DataFrame
        The table; its index is not written. Dates should already be text (see
        :func:`analyzer.cli.output.format_frame`); a column of any dtype other than float,
        integer, boolean, text or categorical text makes the whole table go through
        pandas' writer.

    Returns
    -------
    str
        The header line and one line per row, each ending in a line feed.

    Examples
    --------
    >>> frame = pd.DataFrame({"food": ["=1+1", "milk, whole"], "calcium_mg": [276.0, None]})
    >>> print(csv_text(frame), end="")
    food,calcium_mg
    '=1+1,276.0
    "milk, whole",
    """
    if frame.shape[1] < 2 or len(frame) == 0 or not all(map(_fast_dtype, frame.dtypes)):
        return str(neutralize_formulas(frame).to_csv(index=False, lineterminator="\n"))
    parts = [",".join(_quoted(str(name)) for name in frame.columns) + "\n"]
    for start in range(0, len(frame), CHUNK_ROWS):
        chunk = frame.iloc[start : start + CHUNK_ROWS]
        cells = [_column_cells(chunk.iloc[:, i]) for i in range(chunk.shape[1])]
        if all(c is not None for c in cells):
            parts.append(join_rows([c for c in cells if c is not None]).decode("utf-8"))
            continue
        columns = [_python_cells(chunk.iloc[:, i]) for i in range(chunk.shape[1])]
        parts.append("\n".join(map(",".join, zip(*columns, strict=True))) + "\n")
    return "".join(parts)


def _fast_dtype(dtype: Any) -> bool:
    """Whether :func:`_column_cells` renders this dtype exactly like pandas."""
    if isinstance(dtype, np.dtype):
        return dtype.kind in "biufO"
    if isinstance(dtype, pd.CategoricalDtype):  # text categories only
        categories = dtype.categories.dtype
        return categories == np.dtype(object) or isinstance(categories, pd.StringDtype)
    return isinstance(dtype, pd.StringDtype)


def _column_cells(series: pd.Series) -> np.ndarray | None:
    """The CSV cells of one column as bytes (see :func:`_fast_dtype` for the dtypes
    handled); None when one of its values needs :func:`_python_cells`."""
    kind = series.dtype.kind if isinstance(series.dtype, np.dtype) else ""
    if kind == "b":
        return text_cells(["False", "True"], series.to_numpy(dtype=np.intp))
    if kind == "f":
        values = series.to_numpy(dtype=np.float64)
        cells, left = float_cells(values)
        rows = np.flatnonzero(left)
        return with_texts(cells, rows, [repr(v) for v in values[rows].tolist()])
    if kind in ("i", "u"):
        if kind == "u" and len(series) and int(series.max()) > np.iinfo(np.int64).max:
            return None
        return int_cells(series.to_numpy(dtype=np.int64))
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    rendered = [_text_cell(value) for value in uniques] + [""]
    return text_cells(rendered, np.asarray(codes))  # code -1 (missing) picks the ""


def _python_cells(series: pd.Series) -> list[str]:
    """The CSV cells of one column as Python strings (the exact fallback)."""
    kind = series.dtype.kind if isinstance(series.dtype, np.dtype) else ""
    if kind == "b":
        return ["True" if value else "False" for value in series.tolist()]
    if kind == "f":
        return [repr(value) if value == value else "" for value in series.tolist()]
    if kind in ("i", "u"):
        return [str(value) for value in series.tolist()]
    return _per_distinct(series, _text_cell)


def _quoted(cell: str) -> str:
    """Quote a CSV cell the way :mod:`csv` does with ``QUOTE_MINIMAL``."""
    if any(char in cell for char in QUOTE_TRIGGERS):
        return '"' + cell.replace('"', '""') + '"'
    return cell


def _text_cell(value: object) -> str:
    """A text cell: formula-safe (see :func:`neutralize_formulas`) and quoted."""
    text = str(value)
    if text.startswith(FORMULA_PREFIXES):
        text = "'" + text
    return _quoted(text)


def _per_distinct(series: pd.Series, render: Callable[[object], str]) -> list[str]:
    """Render each distinct value once; missing values are blank."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    labels = np.array([render(value) for value in uniques] + [""], dtype=object)
    return labels[codes].tolist()  # code -1 (missing) picks the trailing ""


#: Leading characters that make a spreadsheet treat a cell as a formula (OWASP CSV injection).
FORMULA_PREFIXES = ("=", "+", "-", "@", "\t", "\r")


def neutralize_formulas(frame: pd.DataFrame) -> pd.DataFrame:
    """Prefix text cells that a spreadsheet would run as a formula with a quote.

    Numbers are left alone (a negative PRAL stays a number); only text cells change.

    Examples
    --------
    >>> neutralize_formulas(pd.DataFrame({"food": ["=1+1", "milk"], "x": [-1.0, 2.0]}))
        food    x
    0  '=1+1 -1.0
    1   milk  2.0
    """
    out = frame.copy()
    for column in out.columns:
        series = out[column]
        if series.dtype == object or pd.api.types.is_string_dtype(series):
            text = series.astype("string")
            risky = text.str.startswith(FORMULA_PREFIXES).fillna(False).astype(bool)
            if risky.any():
                out[column] = series.where(~risky, "'" + text)
    return out
