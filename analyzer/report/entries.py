"""Every used diary entry of the week as the tool understood it (the report's entries list).

One row per diary entry as logged: a recipe entry is one row (its ingredients are analysed
apart, :mod:`analyzer.balance.parts`, but listed as the entry the user wrote).
"""

from __future__ import annotations

import pandas as pd

from analyzer.jsonable import records
from analyzer.report.model import EntryRow

#: Columns of an entry row, taken from the entries table when it has them; the
#: ``match_*`` columns come from the matcher (``match_low_confidence`` as ``low_confidence``).
ENTRY_COLUMNS = {name: name for name in EntryRow.model_fields} | {
    "match_low_confidence": "low_confidence"
}


def entry_rows(week_logged: pd.DataFrame) -> list[EntryRow]:
    """The week's used entries, by date and diary line, as the report lists them.

    Parameters
    ----------
    week_logged : DataFrame
        The week's entries as logged (one row per diary entry).
    """
    entries = week_logged.sort_values(["date", "line"], kind="stable")
    present = {c: name for c, name in ENTRY_COLUMNS.items() if c in entries.columns}
    frame = entries[list(present)].rename(columns=present)
    if "match_confidence" in frame.columns and "low_confidence" not in frame.columns:
        frame["low_confidence"] = frame["match_confidence"].eq("low")
    for name in ("match_method", "match_confidence"):  # "" = not matched (an app's total)
        if name in frame.columns:
            frame[name] = frame[name].mask(frame[name].astype("string").eq("").fillna(False))
    for flag in ("approximate", "is_total", "low_confidence"):
        if flag in frame.columns:
            frame[flag] = frame[flag].astype("boolean").fillna(False).astype(bool)
    frame["food"] = frame["food"].astype("string").fillna("")
    return [EntryRow(**row) for row in records(frame)]
