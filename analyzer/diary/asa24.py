"""ASA24 (NCI's Automated Self-Administered 24-hour recall) Items and Totals files.

Items (``<study>_<date>_<id>_Items.csv``): one row per food code eaten. Columns are found by
name (they changed between ASA24 versions): ``UserName`` (the participant), ``RecallNo`` (or
``RecordNo`` in the food-record version), ``IntakeStartDateTime`` (the start of the 24-hour
intake period, ``MM/DD/YYYY H:MM``: the diary day), ``Occ_Time``, ``Occ_Name`` (1 Breakfast,
2 Brunch, 3 Lunch, 4 Dinner, 5 Supper, 6 Snack, 7 Just a Drink, 8 Just a Supplement),
``FoodCode`` (FNDDS), ``Food_Description``, ``FoodAmt`` (grams), ``FoodComp`` (1 data
complete, 2 data missing) and the nutrients per item as eaten: ``KCAL``, ``PROT`` (g),
``CALC``, ``PHOS``, ``MAGN``, ``POTA``, ``SODI``, ``CAFF`` (mg).

- The nutrients are ASA24's own (from FNDDS) and are taken as given; a blank (or ``NA`` in
  files re-saved by R) stays unknown, never 0. ``FoodAmt`` 0 with nutrients 0 is a real zero.
- Both ``FoodType`` 1 (primary) and 2 (addition, e.g. milk on cereal) rows were eaten: all
  are used.
- ``meal`` is the occasion's name and ``time`` its clock time (``Occ_Time``), from which the
  eating occasions of the calcium load are formed by the usual rule
  (:mod:`analyzer.balance.occasions`): ASA24 records one name and time per occasion.
- A row with ``FoodComp`` 2, or without ``FoodAmt``, has no data and is reported
  (``missing_amount``).
- The category (for the diuretic load) comes from the FNDDS food code and description
  (:mod:`analyzer.diary.codes`); foods are not matched to SR28.
- Dates are month/day/year (ASA24 writes ``MM/DD/YYYY``) unless ``--dayfirst`` says
  otherwise. A file without ``IntakeStartDateTime`` is dated by ``RecallDate``/``IntakeDate``
  if present, else by ``ReportingDate`` (usually the day after the intake), with a note.
- The file may be comma- or tab-separated (R exports); decimal points always.

Totals (``..._Totals.csv``): one row per participant and recall day with the day's nutrients,
read like Cronometer's daily summary: ``food`` is "Daily total", ``is_total`` is true. A
recall with ``DataComp`` 2 lacks some items' data; a note names it.

References
----------
.. [1] National Cancer Institute. *ASA24 Researcher Data Dictionary*, Items and Totals files
   (copy of the ASA24-2016 dictionary: knights-lab/dietstudy_analyses,
   ``DataDictionary_ITEMS.txt``); ASA24-2020 Recall output columns
   (computational-nutrition-lab/dietary_patterns, ``ASA24_colnames``).
"""

from __future__ import annotations

import dataclasses

import pandas as pd

from analyzer.diary.codes import categories, code_text, occasion_meals
from analyzer.diary.cronometer import DAILY_TOTAL
from analyzer.diary.csvio import RawTable
from analyzer.diary.dates import parse_dates
from analyzer.diary.detect import column_index, missing_columns
from analyzer.diary.model import Problems, quoted
from analyzer.diary.staging import (
    Staged,
    add_dates,
    app_nutrients,
    base_frame,
    cells,
    numbers,
    optional_text,
)
from analyzer.errors import quote, some_of

#: ASA24 nutrient columns for ours (nutrients per item as eaten, FNDDS units).
ASA24_NUTRIENTS: dict[str, tuple[str, ...]] = {
    "energy_kcal": ("KCAL",),
    "protein_g": ("PROT",),
    "calcium_mg": ("CALC",),
    "phosphorus_mg": ("PHOS",),
    "magnesium_mg": ("MAGN",),
    "potassium_mg": ("POTA",),
    "sodium_mg": ("SODI",),
    "caffeine_mg": ("CAFF",),
}
#: Date columns in order of preference: the intake day first.
INTAKE_DATE_COLUMNS = ("IntakeStartDateTime", "RecallDate", "IntakeDate")
REPORTING_DATE = "ReportingDate"
#: ``FoodComp`` / ``DataComp`` value meaning "data missing".
DATA_MISSING = 2
#: Most recalls named in one note before "and N more".
MAX_NAMED = 5


def _dates(
    table: RawTable,
    frame: pd.DataFrame,
    problems: Problems,
    dayfirst: bool | None,
    where: tuple[str, str],
) -> list[str]:
    """Date each row by its intake day; return notes."""
    position = next(
        (p for p in (column_index(table.header, n) for n in INTAKE_DATE_COLUMNS) if p is not None),
        None,
    )
    notes = []
    if position is None:
        position = column_index(table.header, REPORTING_DATE)
        if position is None:
            raise missing_columns(*where, ["IntakeStartDateTime"], table.header)
        notes.append(
            "ASA24: no IntakeStartDateTime column, so each recall is dated by its "
            "ReportingDate, usually the day AFTER the intake"
        )
    order = False if dayfirst is None else dayfirst  # ASA24 writes MM/DD/YYYY
    add_dates(frame, problems, cells(table, position), dayfirst=order)
    return notes


def _person_and_recall(table: RawTable, frame: pd.DataFrame, path: str, fmt: str) -> None:
    person = column_index(table.header, "UserName")
    if person is None:
        raise missing_columns(path, fmt, ["UserName"], table.header)
    frame["person"] = cells(table, person)
    recall = column_index(table.header, "RecallNo", "RecordNo")
    frame["recall"] = code_text(cells(table, recall))[0] if recall is not None else ""


def _several_recalls_note(frame: pd.DataFrame, used: pd.Series) -> list[str]:
    """A note when one person has several recalls dated the same day (added together)."""
    rows = frame.loc[used & frame["recall"].ne(""), ["person", "date", "recall"]]
    counts = rows.drop_duplicates().groupby(["person", "date"])["recall"].nunique()
    several = counts[counts > 1]
    if several.empty:
        return []
    shown = [f"{quote(p)} on {d:%Y-%m-%d}" for p, d in several.index]
    return [
        "ASA24: several recalls dated the same day are added into one day: "
        + some_of(shown, limit=MAX_NAMED)
    ]


def stage_asa24_items(table: RawTable, *, path: str, dayfirst: bool | None, **_: object) -> Staged:
    """Stage an ASA24 Items file (see the module docstring)."""
    table = dataclasses.replace(table, decimal_comma=False)
    header = table.header
    found = {
        name: column_index(header, name)
        for name in ("FoodCode", "FoodAmt", "Food_Description", "Occ_Name", "Occ_Time")
    }
    missing = [name for name in ("FoodCode", "FoodAmt") if found[name] is None]
    if missing:
        raise missing_columns(path, "asa24_items", missing, header)
    frame, problems = base_frame(table)
    _person_and_recall(table, frame, path, "asa24_items")
    notes = _dates(table, frame, problems, dayfirst, (path, "asa24_items"))
    clock = parse_dates(cells(table, found["Occ_Time"]), dayfirst=dayfirst is True)
    frame["time"] = clock.time.where(cells(table, found["Occ_Time"]).ne(""))
    meal, unknown = occasion_meals("asa24", cells(table, found["Occ_Name"]))
    frame["meal"] = meal
    if len(unknown):
        notes.append(f"ASA24: Occ_Name code(s) {', '.join(unknown)} unknown: no meal name")
    code_cells = cells(table, found["FoodCode"])
    food_id, bad_code = code_text(code_cells)
    described = optional_text(cells(table, found["Food_Description"]))
    frame["food_id"] = pd.Series(food_id, dtype="string").mask(food_id.eq(""))
    frame["description"] = described
    frame["food"] = described.fillna("FNDDS food code " + food_id)
    frame["category"] = categories(food_id, described.fillna(""))
    grams, bad_grams = numbers(cells(table, found["FoodAmt"]), decimal_comma=False)
    frame["grams"] = grams
    frame["quantity"] = grams
    frame["unit"] = pd.Series("g", index=frame.index, dtype="string").where(grams.notna())
    complete_at = column_index(header, "FoodComp")
    if complete_at is not None:
        complete = numbers(cells(table, complete_at), decimal_comma=False)[0]
        problems.add(
            complete.eq(DATA_MISSING),
            "missing_amount",
            "FoodComp = 2 (ASA24: portion or nutrient data missing): FoodAmt and the "
            "nutrients are blank, so the item is not counted",
        )
    raw = cells(table, found["FoodAmt"])
    problems.add(
        bad_grams, "bad_amount", "FoodAmt " + quoted(raw.astype(str)) + " is not a number"
    )
    problems.add(
        grams.isna(),
        "missing_amount",
        "FoodAmt is blank: ASA24 gives no grams for this item, so it is not counted",
    )
    problems.add(
        bad_code,
        "bad_number",
        "FoodCode " + quoted(code_cells.astype(str)) + " is not a food code",
    )
    app_nutrients(table, frame, problems, ASA24_NUTRIENTS)
    frame["source"] = "app"
    frame["approximate"] = False
    notes.append(
        "ASA24 Items: nutrients taken as given (FNDDS values from ASA24); food categories "
        "from the FNDDS food codes"
    )
    notes += _several_recalls_note(frame, problems.ok)
    return Staged(frame.drop(columns="recall"), problems, "none", notes)


def stage_asa24_totals(
    table: RawTable, *, path: str, dayfirst: bool | None, **_: object
) -> Staged:
    """Stage an ASA24 Totals file: one row per recall day, taken as given."""
    table = dataclasses.replace(table, decimal_comma=False)
    frame, problems = base_frame(table)
    _person_and_recall(table, frame, path, "asa24_totals")
    notes = _dates(table, frame, problems, dayfirst, (path, "asa24_totals"))
    frame["time"] = optional_text(cells(table, None))  # a day total has no time
    frame["meal"] = optional_text(cells(table, None))
    frame["food"] = DAILY_TOTAL
    frame["quantity"] = float("nan")
    frame["unit"] = optional_text(cells(table, None))
    app_nutrients(table, frame, problems, ASA24_NUTRIENTS)
    frame["source"] = "app"
    frame["approximate"] = False
    frame["is_total"] = True
    notes.append("ASA24 Totals: one row per recall day, nutrients taken as given")
    complete_at = column_index(table.header, "DataComp")
    if complete_at is not None:
        incomplete = numbers(cells(table, complete_at), decimal_comma=False)[0].eq(DATA_MISSING)
        rows = frame.loc[incomplete & problems.ok]
        if len(rows):
            shown = [
                f"{quote(person)} recall {recall or '?'} ({date:%Y-%m-%d})"
                for person, recall, date in zip(
                    rows["person"], rows["recall"], rows["date"], strict=True
                )
            ]
            notes.append(
                f"ASA24: DataComp = 2 for {some_of(shown, limit=MAX_NAMED)}: some of the "
                "recall's foods have no data, so its totals leave them out (underestimates)"
            )
    notes += _several_recalls_note(frame, problems.ok)
    return Staged(frame.drop(columns="recall"), problems, "none", notes)
