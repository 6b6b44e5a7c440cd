"""Shared steps of the format readers: cells by column, empty rows, dates, app nutrients.

Each reader turns a :class:`~analyzer.diary.csvio.RawTable` into a :class:`Staged` frame with
the entry columns it can fill and a :class:`~analyzer.diary.model.Problems` ledger; the
common tail (matching, grams, nutrients, accounting) is in :mod:`analyzer.diary.read`.
"""

from __future__ import annotations

from collections.abc import Callable
from dataclasses import dataclass, field
from typing import Literal

import pandas as pd

from analyzer.diary.csvio import RawTable
from analyzer.diary.dates import parse_dates
from analyzer.diary.detect import canonical, column_index
from analyzer.diary.model import NUTRIENT_COLUMNS, Problems
from analyzer.diary.numbers import to_numbers
from analyzer.errors import quote
from analyzer.nutrients import MAX_PER_ENTRY

#: How the common tail treats a staged frame: ``"usda"`` match and compute (unknown foods
#: and units are row errors); ``"app"`` keep the given nutrients, match only to fill
#: food_id/category; ``"none"`` no food names at all (daily or meal totals).
ResolveMode = Literal["usda", "app", "none"]
#: Free-text last columns: extra cells after them are the text's own unquoted commas.
FREE_TEXT_COLUMNS: frozenset[str] = frozenset({"note", "notes", "comment", "comments"})
#: Header cells compared to recognize a repeated header line.
MAX_HEADER_CELLS_COMPARED = 6


#: See :attr:`Staged.after`.
AfterMatching = Callable[[pd.DataFrame, pd.DataFrame], tuple[pd.DataFrame, list[str]]]


@dataclass
class Staged:
    """Rows of one diary, normalized but not yet matched.

    Attributes
    ----------
    frame : DataFrame
        Columns ``line, person, date, time, meal, food`` and, where known, ``quantity``,
        ``unit``, the nutrient columns, ``source`` and ``approximate``.
    problems : Problems
        First problem per row.
    mode : {"usda", "app", "none"}
        See :data:`ResolveMode`.
    notes : list of str
        File-level remarks.
    after : callable, optional
        A last step of the reader, run after matching: ``after(frame, foods)`` returns the
        frame and more notes (MyFitnessPal food rows take calcium, phosphorus, magnesium,
        potassium and caffeine from USDA for the matched food and grams, next to the app's
        own energy, protein and sodium).
    """

    frame: pd.DataFrame
    problems: Problems
    mode: ResolveMode
    notes: list[str] = field(default_factory=list)
    after: AfterMatching | None = None


def cells(table: RawTable, position: int | None) -> pd.Series:
    """The text cells of one column ("" everywhere when the column is absent)."""
    if position is None or position >= table.cells.shape[1]:
        return pd.Series("", index=table.cells.index, dtype=object)
    return table.cells[position]


def optional_text(series: pd.Series) -> pd.Series:
    """Text with "" turned into <NA> (for ``time``, ``meal``, ``unit``)."""
    return series.mask(series.to_numpy(dtype=object) == "").astype("string")


def base_frame(table: RawTable) -> tuple[pd.DataFrame, Problems]:
    """A frame with ``line`` and a ledger where all-blank rows are already ``empty``."""
    frame = pd.DataFrame({"line": table.lines}, index=table.cells.index)
    problems = Problems(frame.index)
    blank = pd.Series(table.blank(), index=frame.index)
    problems.add(blank, "empty", "empty row (every cell blank)")
    named = [i for i, name in enumerate(table.header) if name][:MAX_HEADER_CELLS_COMPARED]
    if named and table.cells.shape[1] > named[-1]:
        first = table.header[named[0]]
        variants = {first, first.lower(), first.upper(), first.title()}
        again = table.cells[named[0]].isin(variants)  # cheap hash test on every row
        if again.any():
            for position in named[1:]:
                cell = table.cells[position][again].str.lower()
                again[again] = cell.eq(table.header[position].lower())
        problems.add(
            again,
            "repeated_header",
            "the header line again (were files joined together?); not a diary row",
        )
        _note_joined_repeats(table, frame, again, blank)
    last = canonical(table.header[table.header_width - 1]) if table.header_width else ""
    if table.overflow is not None and last not in FREE_TEXT_COLUMNS:
        extra = table.overflow.ne("")
        if extra.any():
            problems.add(extra, "extra_cells", _overflow_reasons(table, table.overflow[extra]))
    return frame, problems


def _note_joined_repeats(
    table: RawTable, frame: pd.DataFrame, again: pd.Series, blank: pd.Series
) -> None:
    """After a repeated header (joined exports), rows that repeat a row above it cell for
    cell are likely the same entries exported twice: their count and first line are kept
    in ``frame.attrs[JOINED_REPEATS]`` for a note (they are still used: a meal eaten twice
    is a real row)."""
    if not again.any():
        return
    rows = table.cells[~(again | blank).to_numpy()]
    repeated = rows.duplicated(keep="first") & (rows.index > again.idxmax())
    if repeated.any():
        lines = frame.loc[repeated[repeated].index, "line"]
        frame.attrs[JOINED_REPEATS] = (int(repeated.sum()), int(lines.iloc[0]))


def _overflow_reasons(table: RawTable, overflow: pd.Series) -> pd.Series:
    """``more cells than the header's 4 columns (extra value 'x'); ...`` for misaligned rows."""
    shown = {",": "a comma", ";": "a semicolon", "\t": "a tab"}.get(
        table.delimiter, repr(table.delimiter)
    )
    value = overflow.astype(str).str.slice(0, 40)
    return (
        f"more cells than the header's {table.header_width} named columns (extra value '"
        + value
        + f'\'); put a value that contains {shown} in double quotes (e.g. "Cheese, cheddar") '
        "or give the extra column a name in the header"
    )


#: ``frame.attrs`` key: the date text that made :func:`add_dates` read the file day-first.
DAYFIRST_INFERRED = "dayfirst_inferred_from"
#: ``frame.attrs`` key: (rows, first line) of rows that repeat rows above a repeated header.
JOINED_REPEATS = "joined_repeats"
#: Frame attribute: a date that reads either way, read month-first by default.
MONTHFIRST_ASSUMED = "monthfirst_assumed_for"


def add_dates(
    frame: pd.DataFrame,
    problems: Problems,
    text: pd.Series,
    *,
    dayfirst: bool | None,
    time: pd.Series | None = None,
) -> None:
    """Parse ``text`` into ``frame['date']``; a separate time column wins over a date's time."""
    parsed = parse_dates(text, dayfirst=dayfirst)
    if parsed.inferred_dayfirst is not None:  # read_diary turns it into a note
        frame.attrs[DAYFIRST_INFERRED] = parsed.inferred_dayfirst
    if parsed.assumed_monthfirst is not None:
        frame.attrs[MONTHFIRST_ASSUMED] = parsed.assumed_monthfirst
    frame["date"] = parsed.date
    given = optional_text(time) if time is not None else None
    frame["time"] = parsed.time if given is None else given.fillna(parsed.time)
    for code in ("missing_date", "bad_date"):
        problems.add(parsed.status.eq(code), code, parsed.reason)


def app_nutrients(
    table: RawTable,
    frame: pd.DataFrame,
    problems: Problems,
    headers: dict[str, tuple[str, ...]],
) -> list[str]:
    """Take nutrient columns as given by an app; return the nutrients the file lacks.

    Blank and ``n/a`` cells stay unknown (NaN); a cell that is not a number makes the row
    unusable (status ``bad_number``).
    """
    lacking: list[str] = []
    for column in NUTRIENT_COLUMNS:
        position = column_index(table.header, *headers.get(column, ()))
        if position is None:
            frame[column] = float("nan")
            lacking.append(column)
            continue
        raw = cells(table, position)
        values, bad = numbers(raw, decimal_comma=table.decimal_comma)
        name = table.header[position]
        if bad.any():
            problems.add(bad, "bad_number", f"{name} " + _quoted(raw[bad]) + " is not a number")
        negative = values < 0
        if negative.any():
            problems.add(
                negative,
                "bad_number",
                f"{name} " + _quoted(raw[negative]) + " is negative; nutrients are amounts "
                "eaten, leave an unknown value blank",
            )
        limit = MAX_PER_ENTRY[column]
        huge = values > limit
        if huge.any():
            problems.add(
                huge,
                "bad_number",
                f"{name} " + _quoted(raw[huge]) + f" is more than one entry can hold "
                f"({limit:,.0f}); check the export",
            )
        frame[column] = values.where(~(negative | huge))
    return lacking


def numbers(values: pd.Series, *, decimal_comma: bool) -> tuple[pd.Series, pd.Series]:
    """Floats of a column: text through :func:`~analyzer.diary.numbers.to_numbers`; a column
    that is already numeric (a SAS transport file) as it is, NaN = unknown.

    Returns
    -------
    values : Series of float
    bad : Series of bool
        True where a text cell is not blank, not an unknown marker and not a number.
    """
    if pd.api.types.is_numeric_dtype(values):
        return values.astype("float64"), pd.Series(False, index=values.index)
    return to_numbers(values, decimal_comma=decimal_comma)


def has_any(header: list[str], headers: dict[str, tuple[str, ...]]) -> bool:
    """True when any of the nutrient headers is present."""
    present = {canonical(c) for c in header}
    return any(canonical(h) in present for names in headers.values() for h in names)


def _quoted(series: pd.Series) -> pd.Series:
    return series.astype("string").map(quote).astype("string")


def lacking_note(app: str, lacking: list[str]) -> list[str]:
    """A note naming nutrients an export does not contain (they stay unknown)."""
    if not lacking:
        return []
    return [f"{app} export has no {', '.join(lacking)} column(s): those stay unknown"]
