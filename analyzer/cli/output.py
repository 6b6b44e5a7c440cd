"""Turn result tables into text for the terminal, CSV or JSON.

Every CSV the tool writes passes through :func:`neutralize_formulas`, so a food name such as
``=HYPERLINK(...)`` is shown as text, not run, when the file is opened in a spreadsheet
(OWASP, "CSV Injection").
"""

from __future__ import annotations

import json
import math
from typing import Any, Literal

import numpy as np
import pandas as pd

TableFormat = Literal["table", "csv", "json"]

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


def _json_default(value: Any) -> Any:
    if isinstance(value, (np.integer,)):
        return int(value)
    if isinstance(value, (np.floating,)):
        return None if math.isnan(value) else float(value)
    if isinstance(value, (pd.Timestamp,)):
        return value.isoformat()
    if value is pd.NA or value is pd.NaT:
        return None
    return str(value)


def clean_json(value: Any) -> Any:
    """Recursively turn NaN/NA into ``None`` and numpy scalars into Python ones."""
    if isinstance(value, dict):
        return {str(k): clean_json(v) for k, v in value.items()}
    if isinstance(value, (list, tuple)):
        return [clean_json(v) for v in value]
    if isinstance(value, float) and math.isnan(value):
        return None
    if value is None or isinstance(value, (str, bool, int, float)):
        return value
    try:
        if pd.isna(value):
            return None
    except (TypeError, ValueError):
        pass
    return _json_default(value)


def to_json(value: Any) -> str:
    """Serialize to pretty JSON; NaN becomes ``null`` (unknown), never ``0``."""
    return json.dumps(clean_json(value), indent=2, ensure_ascii=False)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of ``frame`` as JSON-ready dicts (dates as ISO text, unknowns as ``None``)."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return [clean_json(row) for row in out.to_dict(orient="records")]


#: Decimals kept for floats in machine-readable output (CSV, JSON).
MACHINE_DIGITS = 6


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """Round float columns to :data:`MACHINE_DIGITS` decimals (NaN stays NaN)."""
    floats = [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c])]
    if not floats:
        return frame.copy()
    out = frame.copy()
    out[floats] = out[floats].round(MACHINE_DIGITS)
    return out


def format_frame(frame: pd.DataFrame, fmt: TableFormat = "table", digits: int = 1) -> str:
    """Render a table as aligned text, CSV (formula-safe) or JSON records.

    Parameters
    ----------
    frame : DataFrame
        The table; its index is ignored (make it a column first if it matters).
    fmt : {"table", "csv", "json"}
        Output format.
    digits : int
        Decimals for floats in the text table. CSV and JSON round floats to
        :data:`MACHINE_DIGITS` decimals, which removes binary noise such as
        ``275.71999999999997`` and keeps far more precision than the data have.
    """
    if fmt == "json":
        return to_json(records(_rounded(frame)))
    if fmt == "csv":
        shown = _rounded(frame)
        for column in shown.columns:
            if pd.api.types.is_datetime64_any_dtype(shown[column]):
                shown[column] = shown[column].dt.strftime("%Y-%m-%d")
        from analyzer.cli.csvtext import csv_text

        return csv_text(shown)
    if frame.empty:
        return "(no rows)"
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:.{digits}f}")
    shown = shown.astype(object).where(shown.notna(), "")
    return str(shown.to_string(index=False))
