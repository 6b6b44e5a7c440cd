"""Our own diary format: ``date, food, amount[, unit, time, meal, person, note]``.

Header names are case-insensitive with synonyms (see
:data:`analyzer.diary.detect.OWN_COLUMNS`). Without a ``unit`` column the amount carries
the unit (``1.5 cups``, ``150 g``, ``1/2 cup``), or the amount header names it (``amount (g)``,
``weight [oz]``, ``grams``, ``ml``: a bare number below is in that unit). Foods are matched
against the USDA table and nutrients computed from grams; Cronometer exports without nutrient
columns (or read with ``rematch``) and Lose It! exports go through the same path. A blank
amount cell is read from the food name when the name carries one (``2 eggs scrambled``,
``Generic - Banana, 1 medium``).
"""

from __future__ import annotations

import pandas as pd

from analyzer.diary.amounts import amount_reasons, amounts_from_names, parse_amounts
from analyzer.diary.csvio import RawTable
from analyzer.diary.detect import (
    OWN_REQUIRED,
    amount_unit_column,
    missing_columns,
    own_columns,
)
from analyzer.diary.model import Problems
from analyzer.diary.staging import Staged, add_dates, base_frame, optional_text


def stage_matched(
    table: RawTable,
    columns: dict[str, int],
    *,
    dayfirst: bool | None,
    frame: pd.DataFrame | None = None,
    problems: Problems | None = None,
) -> Staged:
    """Stage rows whose foods will be matched: date, food, amount [and unit] by position.

    Parameters
    ----------
    table : RawTable
        The file's cells.
    columns : dict
        Positions of ``date``, ``food``, ``amount`` and optionally ``unit``, ``time``,
        ``meal``, ``person``.
    dayfirst : bool or None
        Read slash dates as day/month/year.
    frame, problems : optional
        A base frame and ledger already started by the caller (e.g. with deleted rows).
    """
    if frame is None or problems is None:
        frame, problems = base_frame(table)
    # text columns as categoricals: every step after works once per distinct value
    frame["person"] = table.text(columns.get("person"))
    add_dates(
        frame,
        problems,
        table.text(columns.get("date")),
        dayfirst=dayfirst,
        time=table.text(columns["time"]) if "time" in columns else None,
    )
    frame["meal"] = optional_text(table.text(columns.get("meal")))
    food = table.text(columns.get("food"))
    frame["food"] = food
    problems.add(food.eq(""), "missing_food", "missing food name")
    unit = table.text(columns["unit"]) if "unit" in columns else None
    amount = table.text(columns.get("amount"))
    stated = amount_unit_column(table.header)
    if unit is None and stated is not None and stated[0] == columns.get("amount"):
        # "amount (g)", "grams": the header gives the unit of every bare number below it
        unit = pd.Series(stated[1], index=amount.index, dtype=object).where(
            amount.str.fullmatch(r"[\d.,/ ½¼¾⅓⅔⅛]+"), ""
        )
    amounts = parse_amounts(amount, unit, decimal_comma=table.decimal_comma)
    amounts = amounts_from_names(amounts, food)  # "2 eggs scrambled" with a blank amount
    reasons = amount_reasons(amounts, amount, food)
    frame["quantity"] = amounts.quantity
    frame["unit"] = amounts.unit
    frame["unit_written"] = amounts.written
    frame["outer_quantity"] = amounts.outer_quantity
    frame["outer_unit"] = amounts.outer_unit
    frame["amount_from_name"] = amounts.from_name
    for code in ("missing_amount", "bad_amount"):
        problems.add(amounts.status.eq(code), code, reasons)
    frame["source"] = "usda"
    frame["approximate"] = False
    return Staged(frame=frame, problems=problems, mode="usda")


def stage_own(table: RawTable, *, path: str, dayfirst: bool | None, **_: object) -> Staged:
    """Stage our own diary format (see the module docstring)."""
    columns = own_columns(table.header)
    missing = [name for name in OWN_REQUIRED if name not in columns]
    if missing:
        raise missing_columns(path, "own", missing, table.header)
    return stage_matched(table, columns, dayfirst=dayfirst)
