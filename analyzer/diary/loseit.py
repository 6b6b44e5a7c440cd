"""Lose It! ``food-logs.csv`` (inside the export zip).

Columns (found by name): ``Date`` (MM/DD/YYYY), ``Name``, ``Icon``, ``Meal``, ``Quantity``,
``Units``, ``Calories``, ``Deleted``, ``Fat (g)``, ``Protein (g)``, ..., ``Sodium (mg)``.

- Rows marked ``Deleted`` (true/yes/1) were removed by the user: they are not used, and are
  counted with status ``deleted``.
- ``n/a`` means unknown.
- Lose It! has no calcium, phosphorus, magnesium or potassium, so every food is matched by
  ``Name`` and converted to grams from ``Quantity`` and ``Units``, exactly like our own
  diary. All nutrients, sodium included, then come from USDA SR28 for the matched food: the
  app's sodium, energy and protein figures are not used, so that each entry's nutrients come
  from one source and the Ca:P, PRAL and sodium figures describe the same food.
"""

from __future__ import annotations

from analyzer.diary.csvio import RawTable
from analyzer.diary.detect import column_index, missing_columns
from analyzer.diary.model import quoted
from analyzer.diary.own import stage_matched
from analyzer.diary.staging import Staged, base_frame, cells

#: ``Deleted`` cell values (lower case) that mark a row as deleted.
DELETED_MARKERS: frozenset[str] = frozenset({"true", "yes", "y", "1", "deleted", "x"})


def stage_loseit(table: RawTable, *, path: str, dayfirst: bool | None, **_: object) -> Staged:
    """Stage a Lose It! food log (see the module docstring)."""
    header = table.header
    found = {
        "date": column_index(header, "Date"),
        "food": column_index(header, "Name"),
        "amount": column_index(header, "Quantity"),
        "unit": column_index(header, "Units", "Unit"),
        "meal": column_index(header, "Meal"),
    }
    names = {"date": "Date", "food": "Name", "amount": "Quantity"}  # as Lose It! writes them
    missing = [names[key] for key in names if found[key] is None]
    if missing:
        raise missing_columns(path, "loseit", missing, header)
    columns = {key: position for key, position in found.items() if position is not None}
    frame, problems = base_frame(table)
    deleted_at = column_index(header, "Deleted")
    if deleted_at is not None:
        flag = cells(table, deleted_at)
        problems.add(
            flag.str.lower().isin(DELETED_MARKERS),
            "deleted",
            "deleted in Lose It! (Deleted = " + quoted(flag) + ")",
        )
    staged = stage_matched(table, columns, dayfirst=dayfirst, frame=frame, problems=problems)
    staged.notes.append(
        "Lose It!: foods matched against USDA SR28; the app's own sodium, energy and protein "
        "figures are not used"
    )
    return staged
