"""Tables to JSON-ready values: NaN and NA become ``None`` (unknown), never 0.

Shared by the report (its rows of the daily table) and the command line (tables as JSON).
"""

from __future__ import annotations

import math
from typing import Any

import numpy as np
import pandas as pd


def clean_json(value: Any) -> Any:
    """Recursively turn NaN/NA into ``None`` and numpy scalars into Python ones.

    Examples
    --------
    >>> clean_json({"a": float("nan"), "b": [np.int64(2), pd.NA]})
    {'a': None, 'b': [2, None]}
    """
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
    if isinstance(value, np.integer):
        return int(value)
    if isinstance(value, np.floating):
        return float(value)
    if isinstance(value, np.bool_):
        return bool(value)
    if isinstance(value, pd.Timestamp):
        return value.isoformat()
    return str(value)


def records(frame: pd.DataFrame) -> list[dict[str, Any]]:
    """Rows of ``frame`` as JSON-ready dicts (dates as ISO text, unknowns as ``None``)."""
    out = frame.copy()
    for column in out.columns:
        if pd.api.types.is_datetime64_any_dtype(out[column]):
            out[column] = out[column].dt.strftime("%Y-%m-%d")
    return [clean_json(row) for row in out.to_dict(orient="records")]
