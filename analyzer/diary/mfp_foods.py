"""MyFitnessPal food rows: python-myfitnesspal CSVs and the Printable Diary copied to CSV.

MyFitnessPal exports no food-level CSV itself; people make one in two ways.

**python-myfitnesspal scripts** write ``date, meal, food, quant, calories, carbs, fat,
protein, sodium, sugar``: ``date`` ISO, ``meal`` lower case, ``food`` the diary text
"Brand - Food, <quantity> <unit>" (``Dave's Killer Bread - Blues Bread, 2 slice``), ``quant``
the number alone (the unit is lost), nutrients as numbers. The library turns ``--`` (not
reported) into 0, so a 0 there may mean unknown; nothing in the file tells them apart.

**The Printable Diary** (Reports > Printable Diary), copied into a spreadsheet: per day a
line with the date (``November 3, 2025``), the header ``Foods, Calories, Carbs, Fat,
Protein, Cholest, Sodium, Sugars, Fiber``, a line per meal (``Breakfast``), the food rows with
units glued to the numbers (``552mg``, ``28g``, ``1,166mg``; ``--g`` = not reported) and a
``TOTAL:`` line. Date lines, header lines, meal lines and TOTAL lines are the table's
structure, not diary rows (like a header line): they set the date and meal of the food rows
below and are listed in a note; each TOTAL is checked against its food rows. Anything else
that is not a food row (an exercise table, notes) is reported as ``no_food``.

For both: the serving is read from the end of the food name (the last ``, <number> ...``:
``2 slice``, ``1 tbsp (14g)``, ``1 patty 151g.``) by
:func:`analyzer.foods.name_amount.split_name`; the name before it (``Brand - Food``: the
matcher reads the part before `` - `` as the maker) is matched to USDA SR28 like our own
diary, and calcium, phosphorus,
magnesium, potassium and caffeine come from USDA for that food and serving. Energy, protein
and sodium are taken as MyFitnessPal gives them (a blank or ``--`` stays unknown). A row whose
food or serving cannot be matched is reported with the reason, like any diary row.

References
----------
.. [1] coddingtonbear/python-myfitnesspal: ``myfitnesspal/entry.py`` (the name/quantity
   regex), ``client.py`` (lower-cased meal names; ``--`` read as 0).
.. [2] leaherb/myfitnesspal-diary-parser: ``data/demo_diary.htm`` (a saved Printable Diary).
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analyzer.diary.amounts import parse_amounts
from analyzer.diary.csvio import RawTable
from analyzer.diary.dates import parse_dates
from analyzer.diary.detect import canonical, column_index, missing_columns
from analyzer.diary.model import NUTRIENT_COLUMNS, Problems, quoted
from analyzer.diary.resolve import scale_nutrients
from analyzer.diary.staging import (
    Staged,
    add_dates,
    base_frame,
    cells,
    numbers,
    optional_text,
)
from analyzer.errors import quote
from analyzer.foods.name_amount import split_name
from analyzer.foods.quantities import leading_quantity

#: MyFitnessPal columns taken as given (lower case; the printable diary's and the scripts').
GIVEN_NUTRIENTS: dict[str, tuple[str, ...]] = {
    "energy_kcal": ("calories",),
    "protein_g": ("protein",),
    "sodium_mg": ("sodium",),
}
#: Rows scanned for a printable diary's ``Foods`` header when the file starts with a date.
PRINTABLE_SCAN_ROWS = 10
#: Relative difference allowed between a TOTAL line and the sum of its rounded food cells.
TOTAL_TOLERANCE = 0.01

_UNIT_SUFFIX = re.compile(r"(?i)^\s*(-?[\d.,]+|--)\s*(?:mg|g|kcal|cal|%)?\s*$")


def split_serving(text: str) -> tuple[str, str]:
    """A MyFitnessPal food text as (food name to match, serving text to parse).

    The split is :func:`analyzer.foods.name_amount.split_name`'s, the one reader of names
    that carry their amount (the serving is the last ``, <number> ...`` part, in the
    parser's spelling); the name keeps MyFitnessPal's ``Brand - Food``, which the matcher
    reads as a maker and a food (:func:`analyzer.foods.names.parse_name`).

    Examples
    --------
    >>> split_serving("Dave's Killer Bread - Blues Bread, 2 slice")
    ("Dave's Killer Bread - Blues Bread", '2 slice')
    >>> split_serving("Angus Beef - Hamburger Patty 1/3 lb, 1 patty 151g.")
    ('Angus Beef - Hamburger Patty 1/3 lb', '1 patty (151g)')
    >>> split_serving("Starbucks - Caffe Latte - Grande - 2% Milk, 16 fl. oz")
    ('Starbucks - Caffe Latte - Grande - 2% Milk', '16 fl oz')
    >>> split_serving("Homemade Beef Chili")
    ('Homemade Beef Chili', '')
    """
    split = split_name(text)
    return split.food, split.amount or ""


def _split_all(food: pd.Series) -> tuple[pd.Series, pd.Series]:
    """:func:`split_serving` once per distinct food text."""
    codes, distinct = pd.factorize(food.astype(object).fillna(""))
    pairs = [split_serving(str(text)) for text in distinct]
    names = np.array([p[0] for p in pairs] + [""], dtype=object)
    servings = np.array([p[1] for p in pairs] + [""], dtype=object)
    return (
        pd.Series(names[codes], index=food.index, dtype=object),
        pd.Series(servings[codes], index=food.index, dtype=object),
    )


def unit_free(raw: pd.Series) -> pd.Series:
    """Cells without the unit MyFitnessPal glues on: ``552mg`` -> ``552``, ``--g`` -> ``--``.

    Cells that are not a number with a unit are returned as written (to be reported).
    """
    text = raw.astype(str)
    return text.str.extract(_UNIT_SUFFIX, expand=False).fillna(text)


def _given(table: RawTable, frame: pd.DataFrame, problems: Problems) -> None:
    """The nutrient columns MyFitnessPal gives (units stripped), in place; absent = unknown."""
    for column, names in GIVEN_NUTRIENTS.items():
        position = column_index(table.header, *names)
        if position is None:
            frame[column] = np.nan
            continue
        raw = cells(table, position)
        values, bad = numbers(unit_free(raw), decimal_comma=False)
        frame[column] = values
        if bad.any():
            name = table.header[position]
            problems.add(
                bad, "bad_number", f"{name} " + quoted(raw.astype(str)) + " is not a number"
            )


def _quant(table: RawTable, problems: Problems) -> pd.Series | None:
    """The ``quant`` column as numbers (None when absent); a cell that is not a number is
    reported and its row keeps the name's serving."""
    position = column_index(table.header, "quant")
    if position is None:
        return None
    raw = cells(table, position)
    values, bad = numbers(raw, decimal_comma=False)
    if bad.any():
        problems.add(bad, "bad_number", "quant " + quoted(raw.astype(str)) + " is not a number")
    return values


def _stage_foods(frame: pd.DataFrame, food: pd.Series, quant: pd.Series | None = None) -> None:
    """Food name and serving of each row, for matching (in place); ``quant`` (the number
    of servings eaten, as the app's energy counts them) scales the serving."""
    name, serving = _split_all(food)
    frame["food"] = name
    frame["food_written"] = food
    amounts = parse_amounts(serving)
    factor = 1.0 if quant is None else quant_factor(serving, quant)
    frame["serving"] = serving
    frame["quantity"] = amounts.quantity * factor
    frame["unit"] = amounts.unit
    frame["unit_written"] = amounts.written
    frame["outer_quantity"] = amounts.outer_quantity * factor
    frame["outer_unit"] = amounts.outer_unit
    frame["source"] = "app"
    frame["approximate"] = False


def quant_factor(serving: pd.Series, quant: pd.Series) -> pd.Series:
    """How many of the name's serving each row ate, from ``quant``.

    ``quant`` is the number MyFitnessPal counts the row's energy and sodium by. Where it is
    the number in the name (``..., 2 cup (480ml)``, quant 2: what python-myfitnesspal
    writes), the name states the whole amount: factor 1. Where it differs, the name states
    one serving and ``quant`` counts servings: ``Cheddar Cheese, 1 oz`` with quant 3 is
    3 oz (its sodium, 3 x 175 mg, says so), ``Oats, 0.5 cup dry (40g)`` with quant 2 is
    80 g. The factor is 1 where ``quant`` is missing or negative.

    Examples
    --------
    >>> serving = pd.Series(["1 oz", "2 cup (480ml)", "0.5 cup dry (40g)", "1 oz"])
    >>> quant_factor(serving, pd.Series([3.0, 2.0, 2.0, None])).tolist()
    [3.0, 1.0, 2.0, 1.0]
    """
    codes, distinct = pd.factorize(serving.astype(object).fillna(""))
    leads = np.array([leading_quantity(str(s)) or np.nan for s in distinct] + [np.nan])
    lead = leads[codes]
    eaten = pd.to_numeric(quant, errors="coerce").to_numpy(dtype="float64")
    usable = np.isfinite(eaten) & (eaten >= 0)
    restated = np.isclose(eaten, lead, rtol=1e-6, atol=1e-9)
    factor = np.where(usable & ~restated, eaten, 1.0)
    return pd.Series(factor, index=serving.index, dtype="float64")


#: The nutrients that come from USDA for MyFitnessPal food rows (the rest are the app's).
USDA_NUTRIENTS: tuple[str, ...] = tuple(c for c in NUTRIENT_COLUMNS if c not in GIVEN_NUTRIENTS)
#: Rows named in the note on foods whose minerals stay unknown.
MAX_LISTED = 10


def _why_unknown(row: pd.Series) -> str:
    """Why one row's USDA nutrients are unknown."""
    food = quote(row["food_written"])
    if pd.isna(row["food_id"]):
        return f"line {row['line']} {food}: no USDA food matches the name"
    if pd.isna(row["quantity"]):
        return f"line {row['line']} {food}: no serving after the name"
    return f"line {row['line']} {food}: no USDA portion for its serving {quote(row['serving'])}"


def usda_minerals(frame: pd.DataFrame, foods: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """After matching: each row's USDA nutrients from its food and grams, and a note naming
    the rows whose food or serving could not be matched (those nutrients stay unknown)."""
    values = scale_nutrients(frame["food_id"], frame["grams"], foods)
    out = frame.copy()
    for column in USDA_NUTRIENTS:
        out[column] = values[column]
    unknown = out[out["grams"].isna()]
    out = out.drop(columns=["food_written", "serving"])
    if unknown.empty:
        return out, []
    shown = [_why_unknown(row) for _, row in unknown.iloc[:MAX_LISTED].iterrows()]
    more = f"; and {len(unknown) - MAX_LISTED:,} more" if len(unknown) > MAX_LISTED else ""
    return out, [
        f"MyFitnessPal: {len(unknown):,} row(s) keep the app's energy, protein and sodium but "
        f"their calcium, phosphorus, magnesium, potassium and caffeine are unknown: "
        f"{'; '.join(shown)}{more}"
    ]


NOTE_MATCHED = (
    "MyFitnessPal food rows: energy, protein and sodium as MyFitnessPal gives them; calcium, "
    "phosphorus, magnesium, potassium and caffeine from USDA SR28 for the matched food and "
    "serving (unknown where the food or its serving does not match)"
)


def stage_mfp_foods(table: RawTable, *, path: str, dayfirst: bool | None, **_: object) -> Staged:
    """Stage a python-myfitnesspal CSV (see the module docstring)."""
    header = table.header
    date_at = column_index(header, "date")
    food_at = column_index(header, "food")
    if date_at is None or food_at is None:
        missing = [n for n, p in (("date", date_at), ("food", food_at)) if p is None]
        raise missing_columns(path, "mfp_foods", missing, header)
    frame, problems = base_frame(table)
    frame["person"] = ""
    add_dates(frame, problems, cells(table, date_at), dayfirst=dayfirst)
    frame["meal"] = optional_text(cells(table, column_index(header, "meal")))
    _stage_foods(frame, cells(table, food_at), _quant(table, problems))
    _given(table, frame, problems)
    notes = [
        NOTE_MATCHED,
        "python-myfitnesspal writes 0 for nutrients MyFitnessPal did not report ('--'), so a "
        "0 in this file may be unknown",
    ]
    return Staged(frame, problems, "app", notes, after=usda_minerals)


def _full_rows(table: RawTable) -> tuple[pd.DataFrame, np.ndarray]:
    """The header line and the data rows together (a printable diary has no single header)."""
    header = pd.DataFrame([table.header + [""] * (table.cells.shape[1] - len(table.header))])
    body = table.cells.copy()
    width = max(header.shape[1], body.shape[1])
    header = header.reindex(columns=range(width), fill_value="")
    body = body.reindex(columns=range(width), fill_value="")
    rows = pd.concat([header, body], ignore_index=True).fillna("").astype(str)
    lines = np.concatenate([[table.header_line], table.lines]).astype(np.int64)
    return rows, lines


def _is_date(text: pd.Series) -> pd.Series:
    parsed = parse_dates(text, dayfirst=False)
    return parsed.date.notna() & text.ne("")


def is_printable(table: RawTable) -> bool:
    """True for a printable diary whose first line is a date (its ``Foods`` header below)."""
    rows, _ = _full_rows(table)
    head = rows.iloc[:PRINTABLE_SCAN_ROWS]
    first = head[0].str.strip().str.lower()
    has_header = bool((first.eq("foods") & head.apply(_has_calories, axis=1)).any())
    return has_header and bool(_is_date(rows[0].iloc[:1]).iloc[0])


def _has_calories(row: pd.Series) -> bool:
    return "calories" in {canonical(str(c)) for c in row.tolist()}


def _kinds(rows: pd.DataFrame) -> pd.Series:
    """``date``, ``header``, ``meal``, ``total``, ``exercise`` or ``food`` per row."""
    first = rows[0].str.strip()
    lower = first.str.lower()
    rest_blank = (rows.iloc[:, 1:] == "").all(axis=1) if rows.shape[1] > 1 else first.ne("")
    kind = pd.Series("food", index=rows.index, dtype=object)
    kind[rest_blank] = "meal"
    kind[rest_blank & _is_date(first)] = "date"
    kind[lower.eq("foods")] = "header"
    kind[lower.str.startswith("total")] = "total"
    kind[lower.str.startswith("exercises")] = "exercise"
    kind[(rows == "").all(axis=1)] = "blank"
    return kind


def _sections(kind: pd.Series, first: pd.Series) -> pd.DataFrame:
    """Per row: the date text and meal in force, and whether it is inside a food table."""
    date = first.where(kind.eq("date")).ffill()
    state = pd.Series(np.nan, index=kind.index)
    state[kind.eq("header")] = 1.0
    state[kind.isin(["total", "date", "exercise"])] = 0.0
    inside = state.ffill().fillna(0.0).eq(1.0)
    meal = first.where(kind.eq("meal") & inside)
    meal[kind.isin(["header", "date", "total"])] = ""
    meal = meal.ffill().replace("", np.nan)
    return pd.DataFrame({"date": date, "meal": meal, "inside": inside})


def stage_mfp_printable(
    table: RawTable, *, path: str, dayfirst: bool | None, **_: object
) -> Staged:
    """Stage a MyFitnessPal Printable Diary copied to CSV (see the module docstring)."""
    rows, lines = _full_rows(table)
    kind = _kinds(rows)
    first = rows[0].str.strip()
    sections = _sections(kind, first)
    if not kind.eq("header").any():
        raise missing_columns(path, "mfp_printable", ["Foods"], table.header)
    header_at = int(np.flatnonzero(kind.eq("header").to_numpy())[0])
    names = [str(c) for c in rows.iloc[header_at].tolist()]
    closes = kind.eq("total") & sections["inside"].shift(1, fill_value=False)
    structure = (
        kind.isin(["date", "header", "blank"]) | closes | (kind.eq("meal") & sections["inside"])
    )
    keep = np.flatnonzero(~structure.to_numpy())
    kept = rows.iloc[keep].reset_index(drop=True)
    layout = RawTable(
        header=names,
        header_line=int(lines[header_at]),
        cells=kept,
        lines=lines[keep],
        delimiter=table.delimiter,
        decimal_comma=False,
        encoding=table.encoding,
        header_width=len(names),
        overflow=None,
    )
    frame, problems = base_frame(layout)
    frame["person"] = ""
    here = sections.iloc[keep].reset_index(drop=True)
    add_dates(frame, problems, here["date"].fillna(""), dayfirst=dayfirst)
    frame["meal"] = here["meal"].astype("string")
    outside = ~here["inside"] | kind.iloc[keep].reset_index(drop=True).ne("food")
    problems.add(
        outside,
        "no_food",
        "not a food row of a day's table (an exercise table or notes): not used",
    )
    _stage_foods(frame, cells(layout, 0))
    _given(layout, frame, problems)
    notes = [NOTE_MATCHED, *_structure_note(kind.where(structure, "food"))]
    notes += _check_totals(rows, kind, sections, names, lines)
    return Staged(frame, problems, "app", notes, after=usda_minerals)


def _structure_note(kind: pd.Series) -> list[str]:
    counts = kind.value_counts()
    parts = [
        f"{int(counts.get(k, 0))} {label}"
        for k, label in (
            ("date", "date line(s)"),
            ("header", "column header line(s)"),
            ("meal", "meal title line(s)"),
            ("total", "TOTAL line(s)"),
        )
        if counts.get(k, 0)
    ]
    return [
        "MyFitnessPal Printable Diary: " + ", ".join(parts) + " are the table's structure, "
        "not diary rows (they set the date and meal of the food rows below them)"
    ]


def _check_totals(
    rows: pd.DataFrame,
    kind: pd.Series,
    sections: pd.DataFrame,
    names: list[str],
    lines: np.ndarray,
) -> list[str]:
    """Compare each day's TOTAL line with the sum of its food rows ('--' counted as 0)."""
    closes = kind.eq("total") & sections["inside"].shift(1, fill_value=False)
    foods = kind.eq("food") & sections["inside"]
    table_of = closes.shift(1, fill_value=False).cumsum()  # food rows up to each TOTAL
    checked, wrong = 0, []
    for column in GIVEN_NUTRIENTS.values():
        position = column_index(names, *column)
        if position is None:
            continue
        values, _ = numbers(unit_free(rows[position]), decimal_comma=False)
        sums = values.fillna(0.0).where(foods, 0.0).groupby(table_of).sum()
        array = values.to_numpy(dtype=float)
        for row in np.flatnonzero(closes.to_numpy()).tolist():
            if np.isnan(array[row]):
                continue
            checked += 1
            expected, found = float(array[row]), float(sums.get(table_of.iat[row], 0.0))
            if abs(found - expected) > max(1.0, TOTAL_TOLERANCE * abs(expected)):
                wrong.append(f"line {lines[row]} {names[position]} {expected:g} vs {found:g}")
    if wrong:
        return [
            "MyFitnessPal TOTAL lines that differ from the sum of their food rows (rows may be "
            "missing from the copy): " + "; ".join(wrong)
        ]
    if not checked:
        return []
    return [
        "MyFitnessPal TOTAL lines checked: each equals the sum of its food rows "
        f"({checked} values)"
    ]
