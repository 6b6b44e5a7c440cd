"""MyFitnessPal "Nutrition Summary" export: meal totals per day, no food names.

Columns (found by name): ``Date``, ``Meal``, optional ``Time``, ``Calories``,
``Sodium (mg)``, ``Potassium``, ``Protein (g)``, ``Calcium`` ...

- Each row is one meal's total; ``food`` is the meal name, ``source`` "app".
- Energy, protein, sodium and potassium (mg) are taken as given.
- ``Calcium`` is percent of the Daily Value, not mg. The file does not say which DV the app
  used (US labels used 1,000 mg before the 2016 label rule and 1,300 mg after), so calcium
  stays unknown unless the caller names the basis (``mfp_calcium_dv`` 1000 or 1300); then
  ``calcium_mg = %DV / 100 * DV`` and the row is marked ``approximate``.
- There is no phosphorus, magnesium or caffeine (unknown): a Ca:P ratio cannot be computed.

References
----------
.. [1] U.S. Food and Drug Administration (2016). Food Labeling: Revision of the Nutrition and
   Supplement Facts Labels. Federal Register 81(103):33742-33999 (calcium DV 1,300 mg;
   previously 1,000 mg, 21 CFR 101.9(c)(8)(iv) before 2016).
"""

from __future__ import annotations

from analyzer.diary.csvio import RawTable
from analyzer.diary.detect import column_index, missing_columns
from analyzer.diary.model import quoted
from analyzer.diary.numbers import to_numbers
from analyzer.diary.staging import (
    Staged,
    add_dates,
    app_nutrients,
    base_frame,
    cells,
    optional_text,
)
from analyzer.errors import DiaryFormatError

#: Calcium Daily Values a MyFitnessPal %DV may refer to: before and after the FDA 2016 label
#: rule (see References). [mg]
CALCIUM_DV_MG: tuple[int, ...] = (1000, 1300)
#: Percent in a whole.
PERCENT = 100.0

#: MyFitnessPal's headers for our columns (case-insensitive). Calcium is handled apart (%DV).
MFP_NUTRIENTS: dict[str, tuple[str, ...]] = {
    "energy_kcal": ("Calories",),
    "protein_g": ("Protein (g)", "Protein"),
    "potassium_mg": ("Potassium", "Potassium (mg)"),
    "sodium_mg": ("Sodium (mg)", "Sodium"),
}

NO_CA_P_NOTE = (
    "MyFitnessPal has no phosphorus or magnesium: a Ca:P ratio cannot be computed from this file"
)


def check_calcium_dv(path: str, mfp_calcium_dv: int | None) -> None:
    """Reject a calcium DV basis other than 1000 or 1300 mg."""
    if mfp_calcium_dv is not None and mfp_calcium_dv not in CALCIUM_DV_MG:
        raise DiaryFormatError(
            path,
            f"mfp_calcium_dv must be 1000 or 1300 (mg), got {mfp_calcium_dv!r}",
            "Use 1000 for labels before the 2016 FDA rule, 1300 after",
        )


def stage_mfp(
    table: RawTable, *, path: str, dayfirst: bool | None, mfp_calcium_dv: int | None, **_: object
) -> Staged:
    """Stage a MyFitnessPal Nutrition Summary (see the module docstring)."""
    check_calcium_dv(path, mfp_calcium_dv)
    header = table.header
    date_at = column_index(header, "Date")
    meal_at = column_index(header, "Meal")
    calories_at = column_index(header, *MFP_NUTRIENTS["energy_kcal"])
    if date_at is None or meal_at is None or calories_at is None:
        # a Nutrition Summary always has Calories; without it, it is another file
        found = (("Date", date_at), ("Meal", meal_at), ("Calories", calories_at))
        raise missing_columns(path, "mfp", [n for n, p in found if p is None], header)
    frame, problems = base_frame(table)
    frame["person"] = ""
    time_at = column_index(header, "Time")
    add_dates(
        frame,
        problems,
        cells(table, date_at),
        dayfirst=dayfirst,
        time=cells(table, time_at) if time_at is not None else None,
    )
    meal = cells(table, meal_at)
    frame["meal"] = optional_text(meal)
    frame["food"] = meal.mask(meal.eq(""), "Meal total")
    frame["quantity"] = float("nan")
    frame["unit"] = optional_text(cells(table, None))
    app_nutrients(table, frame, problems, MFP_NUTRIENTS)
    notes = [NO_CA_P_NOTE]
    calcium_at = column_index(header, "Calcium", "Calcium (%)", "Calcium (% DV)")
    frame["approximate"] = False
    if calcium_at is None:
        notes.append("MyFitnessPal export has no Calcium column: calcium stays unknown")
    else:
        raw = cells(table, calcium_at)
        percent, bad = to_numbers(raw, decimal_comma=table.decimal_comma)
        problems.add(bad, "bad_number", "Calcium " + quoted(raw) + " is not a number")
        if mfp_calcium_dv is None:
            notes.append(
                "MyFitnessPal gives calcium as % Daily Value without saying which DV; calcium "
                "stays unknown unless the DV basis is given (--mfp-calcium-dv 1000 or 1300)"
            )
        else:
            frame["calcium_mg"] = percent / PERCENT * float(mfp_calcium_dv)
            frame["approximate"] = percent.notna()
            notes.append(
                f"MyFitnessPal calcium converted from % Daily Value with DV = "
                f"{mfp_calcium_dv} mg: approximate"
            )
    frame["source"] = "app"
    frame["is_total"] = True
    return Staged(frame, problems, "none", notes)
