"""Numbers in app exports: blank and ``n/a`` are unknown (NaN), never 0; decimal commas.

Parsing is per column with pandas (C speed); a cell that is neither blank, a known
"unknown" marker, nor a number is reported so the row can be rejected with a reason.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

#: Cell texts that mean "not reported" (compared lower-case, trimmed).
UNKNOWN_MARKERS: frozenset[str] = frozenset({"", "n/a", "na", "nan", "null", "none", "-", "--"})

_THOUSANDS = r"^[+-]?\d{1,3}(?:,\d{3})+(?:\.\d+)?$"
_EURO_THOUSANDS = r"^[+-]?\d{1,3}(?:\.\d{3})+,\d+$"


def to_numbers(text: pd.Series, *, decimal_comma: bool) -> tuple[pd.Series, pd.Series]:
    """Convert a column of text to floats.

    Parameters
    ----------
    text : Series of str
        Cells as written.
    decimal_comma : bool
        Accept ``1,5`` as 1.5 (files delimited by ``;`` or tabs). ``1.5`` is always accepted;
        ``1,234.5`` (thousands commas) is accepted when ``decimal_comma`` is False, and
        ``1.234,5`` when it is True. A trailing ``%`` is ignored.

    Returns
    -------
    values : Series of float
        NaN where unknown or unreadable.
    bad : Series of bool
        True where the cell is not blank, not an unknown marker, and not a number.
    """
    cleaned = text.astype("string").fillna("").str.strip()
    unknown = cleaned.str.lower().isin(UNKNOWN_MARKERS)
    number = cleaned.str.removesuffix("%").str.strip()
    if decimal_comma:
        euro = number.str.match(_EURO_THOUSANDS)
        number = number.mask(euro, number.str.replace(".", "", regex=False))
        number = number.str.replace(",", ".", regex=False)
    else:
        grouped = number.str.match(_THOUSANDS)
        number = number.mask(grouped, number.str.replace(",", "", regex=False))
    values = pd.to_numeric(number.where(~unknown), errors="coerce").astype("float64")
    values = values.where(np.isfinite(values))
    bad = ~unknown & values.isna()
    return values.where(~unknown), bad.fillna(False).astype(bool)
