"""Turn result tables into text for the terminal, CSV (:mod:`analyzer.cli.csvtext`) or JSON."""

from __future__ import annotations

import json
import re
from pathlib import Path
from typing import Any, Literal

import click
import pandas as pd

from analyzer.cli.app import emit
from analyzer.cli.csvtext import csv_text
from analyzer.errors import DataFileError
from analyzer.jsonable import clean_json, records

TableFormat = Literal["table", "csv", "json"]


def to_json(value: Any) -> str:
    """Serialize to pretty JSON; NaN becomes ``null`` (unknown), never ``0``."""
    return json.dumps(clean_json(value), indent=2, ensure_ascii=False)


#: Decimals kept for floats in machine-readable output (CSV, JSON).
MACHINE_DIGITS = 6


#: Magnitude from which a float has no decimals left to round (a double holds 15-17
#: significant digits); rounding it would overflow to inf past about 1e302.
ROUNDED_BELOW = 1e15


def _rounded(frame: pd.DataFrame) -> pd.DataFrame:
    """Round float columns to :data:`MACHINE_DIGITS` decimals (NaN stays NaN; a value from
    :data:`ROUNDED_BELOW` up is kept as it is, never turned into inf)."""
    floats = [c for c in frame.columns if pd.api.types.is_float_dtype(frame[c])]
    if not floats:
        return frame.copy()
    out = frame.copy()
    values = out[floats]
    small = values.abs() < ROUNDED_BELOW
    out[floats] = values.where(~small, values.where(small).round(MACHINE_DIGITS))
    return out


#: Columns of amounts as the user wrote them: shown with the decimals they need (up to
#: :data:`AMOUNT_DIGITS`), so 0.25 l stays 0.25 and 2 stays 2, not 0.2 and 2.0.
AMOUNT_COLUMNS = frozenset({"quantity"})
#: Most decimals of an amount in the text table.
AMOUNT_DIGITS = 3


def amount_text(value: float) -> str:
    """An amount with the decimals it needs: ``0.25``, ``2``, ``0.333`` ("" if unknown).

    Examples
    --------
    >>> [amount_text(v) for v in (0.25, 2.0, 1 / 3, 1500.0)]
    ['0.25', '2', '0.333', '1500']
    """
    if pd.isna(value):
        return ""
    return f"{value:.{AMOUNT_DIGITS}f}".rstrip("0").rstrip(".")


def format_frame(frame: pd.DataFrame, fmt: TableFormat = "table", digits: int = 1) -> str:
    """Render a table as aligned text, CSV (formula-safe) or JSON records.

    Parameters
    ----------
    frame : DataFrame
        The table; its index is ignored (make it a column first if it matters).
    fmt : {"table", "csv", "json"}
        Output format.
    digits : int
        Decimals for floats in the text table (amounts, :data:`AMOUNT_COLUMNS`, keep the
        decimals they need). CSV and JSON round floats to
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
        return csv_text(shown)
    if frame.empty:
        return "(no rows)"
    shown = frame.copy()
    for column in shown.columns:
        if pd.api.types.is_datetime64_any_dtype(shown[column]):
            shown[column] = shown[column].dt.strftime("%Y-%m-%d")
        elif pd.api.types.is_float_dtype(shown[column]) and column in AMOUNT_COLUMNS:
            shown[column] = shown[column].map(amount_text)
        elif pd.api.types.is_float_dtype(shown[column]):
            shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:.{digits}f}")
        elif shown[column].dtype == object or pd.api.types.is_string_dtype(shown[column]):
            shown[column] = _per_distinct_text(shown[column])
    shown = shown.astype(object).where(shown.notna(), "")
    return str(shown.to_string(index=False))


#: Widest text cell of the terminal table (SR28's longest descriptions fit); longer text is
#: cut with "…" (CSV and JSON keep it whole). [characters]
TABLE_CELL_CHARS = 140
#: Terminal control characters (C0 and C1, DEL): shown escaped, never sent to the terminal.
_CONTROL = re.compile(r"[\x00-\x1f\x7f-\x9f]")


def terminal_text(text: str, width: int = TABLE_CELL_CHARS) -> str:
    r"""``text`` safe and short for a terminal: control characters escaped, cut at ``width``.

    Examples
    --------
    >>> terminal_text("milk\x1b[2J")
    'milk\\x1b[2J'
    >>> terminal_text("x" * 100, width=8)
    'xxxxxxx…'
    """
    safe = _CONTROL.sub(lambda m: m.group().encode("unicode_escape").decode("ascii"), text)
    return safe if len(safe) <= width else safe[: width - 1] + "…"


def _per_distinct_text(series: pd.Series) -> pd.Series:
    """:func:`terminal_text` of each distinct cell (missing cells stay missing)."""
    codes, uniques = pd.factorize(series, use_na_sentinel=True)
    shown = [terminal_text(str(value)) for value in uniques]
    values = pd.array([*shown, None], dtype=object)[codes]
    return pd.Series(values, index=series.index, dtype=object)


def check_writable(out: str | None) -> None:
    """Fail early (before reading a diary) when ``out``'s folder does not exist.

    Raises
    ------
    DataFileError
        Naming the file and the fix.
    """
    if out is not None and not Path(out).resolve().parent.is_dir():
        raise DataFileError(out, "its folder does not exist", "create the folder or pick another")


def write_output(text: str, out: str | None, what: str = "report") -> None:
    """Write ``text`` to stdout, or to the file ``out`` (UTF-8) and say so on stderr.

    Raises
    ------
    DataFileError
        When the file cannot be written.
    OutputError
        When standard output cannot be written.
    """
    if out is None:
        emit(text, nl=not text.endswith("\n"))
        return
    try:
        Path(out).write_text(text if text.endswith("\n") else text + "\n", encoding="utf-8")
    except OSError as error:
        raise DataFileError(
            out,
            f"cannot write the {what} ({error.strerror or error})",
            "check that the folder exists and is writable",
        ) from None
    click.echo(f"{what} written to {out}", err=True)
