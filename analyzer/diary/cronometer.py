"""Cronometer exports: the servings export (one row per food) and the daily summary.

Servings: columns are found by name (``Day``, ``Time``, ``Group``, ``Food Name``,
``Amount``, ``Energy (kcal)``, ``Calcium (mg)`` ...), never by position, so old exports
without ``Time``/``Group``/``Category`` and exports with any selection of nutrients work.
When nutrient columns are present their values are Cronometer's own and are taken as given
(blank stays unknown, ``0.00`` is zero); food names are still matched to fill the category
(an unmatched food is ``other`` and the row is still used); rows of the ``Supplements``
category are supplements (their compound read from the name, for absorption and the
food/supplement split). With no nutrient columns, or
``rematch=True``, foods are matched and computed from USDA like our own diary.

Daily summary: one row per ``Date`` with the day's totals, taken as given; ``food`` is
"Daily total". Its ``Completed`` column (``true``/``false``: the user marked the day fully
logged) is kept as ``completed``; a day marked ``false`` is incomplete
(:mod:`analyzer.balance.coverage`).
"""

from __future__ import annotations

import re
from dataclasses import replace

import numpy as np
import pandas as pd

from analyzer.diary.amounts import parse_amounts
from analyzer.diary.csvio import RawTable
from analyzer.diary.detect import column_index, missing_columns, own_columns
from analyzer.diary.my_entries import named_supplement_forms
from analyzer.diary.own import stage_matched
from analyzer.diary.staging import (
    Staged,
    add_dates,
    app_nutrients,
    base_frame,
    cells,
    has_any,
    lacking_note,
    optional_text,
)
from analyzer.foods.quantities import is_measure_unit, normalize_unit

#: Cronometer's nutrient headers for our columns (case-insensitive).
CRONOMETER_NUTRIENTS: dict[str, tuple[str, ...]] = {
    "energy_kcal": ("Energy (kcal)",),
    "protein_g": ("Protein (g)",),
    "calcium_mg": ("Calcium (mg)",),
    "phosphorus_mg": ("Phosphorus (mg)",),
    "magnesium_mg": ("Magnesium (mg)",),
    "potassium_mg": ("Potassium (mg)",),
    "sodium_mg": ("Sodium (mg)",),
    "caffeine_mg": ("Caffeine (mg)",),
}
#: Cronometer's ``Category`` of supplements (compared case-insensitively).
SUPPLEMENTS = "supplements"
#: ``food`` of a daily-summary row.
DAILY_TOTAL = "Daily total"
#: Cells of Cronometer's ``Completed`` column (compared case-insensitively); others are <NA>.
COMPLETED_WORDS = {"true": True, "yes": True, "1": True, "false": False, "no": False, "0": False}


def _columns(table: RawTable, path: str) -> dict[str, int]:
    header = table.header
    found = {
        key: position
        for key, position in {
            "date": column_index(header, "Day", "Date"),
            "time": column_index(header, "Time"),
            "meal": column_index(header, "Group", "Meal"),
            "food": column_index(header, "Food Name", "Food"),
            "amount": column_index(header, "Amount", "Quantity"),
        }.items()
        if position is not None
    }
    missing = [key for key in ("date", "food", "amount") if key not in found]
    if missing:
        raise missing_columns(path, "cronometer_servings", missing, header)
    return found


#: A Cronometer amount of a serving label that states its size: ``2.00 shake (11 fl oz)``.
_LABELLED = re.compile(r"^\s*(\d+(?:[.,]\d+)?)\s+([^\d()][^()]*?)\s*\((\d[^()]*)\)\s*$")


_SIZE = re.compile(r"^(\d+(?:[.,]\d+)?)\s*([a-zA-Z][a-zA-Z. ]*)$")


def labelled_amounts(amounts: pd.Series) -> pd.Series:
    """Cronometer's serving labels state ONE serving: ``2.00 shake (11 fl oz)`` is 2 x 11 fl
    oz, written ``2.00 x 11 fl oz`` for the amount parser (which reads a parenthesis after a
    household word as the whole amount, as MyFitnessPal writes ``0.5 container (85g)``).
    Worked out once per distinct cell.

    Examples
    --------
    >>> labelled_amounts(pd.Series(["2.00 shake (11 fl oz)", "0.5 cup (120 ml)",
    ...                             '1.00 medium (7" to 7-7/8" long)'])).tolist()
    ['2.00 x 11 fl oz', '0.5 cup (120 ml)', '1.00 medium (7" to 7-7/8" long)']
    """
    codes, uniques = pd.factorize(amounts.astype(str))
    out = []
    for text in uniques:
        found = _LABELLED.match(text)
        size = _SIZE.match(found.group(3).strip()) if found else None
        if (
            found is not None
            and size is not None
            and is_measure_unit(normalize_unit(size.group(2)))  # a weight or volume
            and not is_measure_unit(normalize_unit(found.group(2).strip()))
            and found.group(2).strip().lower() != "serving"  # read as one serving already
        ):
            text = f"{found.group(1)} x {found.group(3).strip()}"
        out.append(text)
    return pd.Series(np.asarray(out, dtype=object)[codes], index=amounts.index, dtype=object)


def stage_servings(
    table: RawTable, *, path: str, dayfirst: bool | None, rematch: bool, **_: object
) -> Staged:
    """Stage a Cronometer servings export (see the module docstring)."""
    columns = _columns(table, path)
    cells_ = table.cells.copy()
    cells_[columns["amount"]] = labelled_amounts(cells(table, columns["amount"]))
    table = replace(table, cells=cells_)
    given = has_any(table.header, CRONOMETER_NUTRIENTS)
    if rematch or not given:
        unit = own_columns(table.header).get("unit")
        if unit is not None and unit not in columns.values():
            columns["unit"] = unit
        staged = stage_matched(table, columns, dayfirst=dayfirst)
        why = "read with rematch" if given else "the export has no nutrient columns"
        staged.notes.append(f"Cronometer: {why}; foods matched against USDA SR28")
        return staged
    frame, problems = base_frame(table)
    frame["person"] = ""
    add_dates(
        frame,
        problems,
        cells(table, columns["date"]),
        dayfirst=dayfirst,
        time=cells(table, columns["time"]) if "time" in columns else None,
    )
    frame["meal"] = optional_text(cells(table, columns.get("meal")))
    frame["food"] = cells(table, columns["food"])
    amounts = parse_amounts(cells(table, columns["amount"]), decimal_comma=table.decimal_comma)
    frame["quantity"] = amounts.quantity
    frame["unit"] = amounts.unit
    frame["unit_written"] = amounts.written
    frame["outer_quantity"] = amounts.outer_quantity
    frame["outer_unit"] = amounts.outer_unit
    lacking = app_nutrients(table, frame, problems, CRONOMETER_NUTRIENTS)
    frame["source"] = "app"
    frame["approximate"] = False
    category = column_index(table.header, "Category")
    if category is not None:  # the app's Supplements rows: in the supplement split
        marked = cells(table, category).astype(str).str.strip().str.casefold()
        frame["supplement"] = named_supplement_forms(frame["food"], marked.eq(SUPPLEMENTS))
    notes = ["Cronometer: nutrients taken as given by the app; foods matched for category only"]
    return Staged(frame, problems, "app", notes + lacking_note("Cronometer", lacking))


def stage_daily(table: RawTable, *, path: str, dayfirst: bool | None, **_: object) -> Staged:
    """Stage a Cronometer daily-summary export (one row per day, taken as given)."""
    position = column_index(table.header, "Date", "Day")
    if position is None or not has_any(table.header, CRONOMETER_NUTRIENTS):
        missing = ["Date"] if position is None else ["nutrient columns such as Calcium (mg)"]
        raise missing_columns(path, "cronometer_daily", missing, table.header)
    frame, problems = base_frame(table)
    frame["person"] = ""
    add_dates(frame, problems, cells(table, position), dayfirst=dayfirst)
    frame["meal"] = optional_text(cells(table, None))
    frame["food"] = DAILY_TOTAL
    frame["quantity"] = float("nan")
    frame["unit"] = optional_text(cells(table, None))
    lacking = app_nutrients(table, frame, problems, CRONOMETER_NUTRIENTS)
    frame["source"] = "app"
    frame["approximate"] = False
    frame["is_total"] = True
    completed = column_index(table.header, "Completed")
    if completed is not None:
        words = cells(table, completed).astype(str).str.strip().str.lower()
        frame["completed"] = words.map(COMPLETED_WORDS).astype("boolean")
    notes = ["Cronometer daily summary: one row per day, nutrients taken as given"]
    return Staged(frame, problems, "none", notes + lacking_note("Cronometer", lacking))
