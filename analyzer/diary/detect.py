"""Recognize a diary's format from its header, and find columns by name (never by position).

Header names are compared case-insensitively after trimming and collapsing spaces. Our own
format accepts common synonyms (``day`` for ``date``, ``item`` for ``food``, ``qty`` for
``amount``, ``units`` for ``unit`` ...).
"""

from __future__ import annotations

import re

from analyzer.diary.model import FORMATS
from analyzer.errors import DiaryFormatError

#: Synonyms of our own format's columns (lower case). The first is the documented name.
OWN_COLUMNS: dict[str, tuple[str, ...]] = {
    "date": ("date", "day", "datetime", "date/time", "logged", "log date"),
    "food": ("food", "item", "food item", "food name", "name", "description", "food_name"),
    "amount": ("amount", "quantity", "qty", "serving", "servings", "portion", "amt"),
    "unit": ("unit", "units", "measure", "uom", "serving unit", "unit of measure"),
    "time": ("time", "hour"),
    "meal": ("meal", "group", "occasion"),
    "person": ("person", "participant", "participant id", "subject", "subject id", "user"),
    "note": ("note", "notes", "comment", "comments"),
}

#: Required columns of our own format.
OWN_REQUIRED: tuple[str, ...] = ("date", "food", "amount")

#: App nutrient headers (lower case, units in brackets as the apps write them) per column.
APP_NUTRIENTS: dict[str, tuple[str, ...]] = {
    "energy_kcal": ("energy (kcal)", "calories", "energy"),
    "protein_g": ("protein (g)", "protein"),
    "calcium_mg": ("calcium (mg)",),
    "phosphorus_mg": ("phosphorus (mg)",),
    "magnesium_mg": ("magnesium (mg)",),
    "potassium_mg": ("potassium (mg)", "potassium"),
    "sodium_mg": ("sodium (mg)", "sodium"),
    "caffeine_mg": ("caffeine (mg)", "caffeine"),
}

_SPACES = re.compile(r"\s+")


def canonical(name: str) -> str:
    """Header cell as compared: lower case, trimmed, inner whitespace collapsed."""
    return _SPACES.sub(" ", name.strip().strip('"').strip()).lower()


def column_index(header: list[str], *names: str) -> int | None:
    """Position of the first header cell equal (case-insensitively) to any of ``names``."""
    wanted = {canonical(n) for n in names}
    for position, cell in enumerate(header):
        if canonical(cell) in wanted:
            return position
    return None


#: Amount headers that state their unit: ``amount (g)``, ``weight [oz]``, ``qty in ml``.
_AMOUNT_WITH_UNIT = re.compile(
    r"^(?:amount|quantity|qty|weight|mass|portion|serving size)\s*"
    r"(?:\((?P<a>[^()]+)\)|\[(?P<b>[^\[\]]+)\]|in\s+(?P<c>\S.*))$"
)
#: Headers that are themselves a mass or volume unit: a column of grams, ml, ounces.
UNIT_HEADERS: dict[str, str] = {
    "g": "g",
    "gram": "g",
    "grams": "g",
    "weight": "g",
    "weight_g": "g",
    "amount_g": "g",
    "grams eaten": "g",
    "ml": "ml",
    "millilitres": "ml",
    "milliliters": "ml",
    "oz": "oz",
    "ounces": "oz",
}


def amount_unit_column(header: list[str]) -> tuple[int, str] | None:
    """A column that holds amounts in a unit its header names, and that unit.

    ``amount (g)``, ``Weight [g]``, ``quantity in ml``, ``grams``, ``ml`` ... The unit is
    returned as written (to be normalized by the amount parser); ``weight`` alone means
    grams.
    """
    for position, cell in enumerate(header):
        name = canonical(cell)
        match = _AMOUNT_WITH_UNIT.match(name)
        if match:
            unit = next(g for g in match.groups() if g is not None).strip()
            if unit:
                return position, unit
        if name in UNIT_HEADERS:
            return position, UNIT_HEADERS[name]
    return None


def own_columns(header: list[str]) -> dict[str, int]:
    """Positions of our own format's columns found in ``header`` (synonyms allowed).

    Without a plain amount column, a column whose header names a unit (see
    :func:`amount_unit_column`) is the amount.
    """
    found: dict[str, int] = {}
    for key, synonyms in OWN_COLUMNS.items():
        position = column_index(header, *synonyms)
        if position is not None and position not in found.values():
            found[key] = position
    if "amount" not in found:
        with_unit = amount_unit_column(header)
        if with_unit is not None and with_unit[0] not in found.values():
            found["amount"] = with_unit[0]
    return found


#: Headers of the one text column of a free-text log (besides our own ``food`` synonyms).
FREETEXT_COLUMNS: tuple[str, ...] = (
    "entry",
    "entries",
    "text",
    "log",
    "what i ate",
    "foods",
    "food log",
    "meal description",
    "ate",
)
#: NHANES individual-foods grams variables: DR1IGRMS/DR2IGRMS (2003 on), DRXIGRMS (1999-2002).
_NHANES_GRAMS = re.compile(r"^dr[12x]igrms$")


def _research_format(cells: set[str]) -> str | None:
    """ASA24, NHANES and MyFitnessPal food-row files, known by their own column names."""
    if {"username", "foodcode", "foodamt"} <= cells:
        return "asa24_items"
    if "username" in cells and "kcal" in cells and "foodcode" not in cells:
        return "asa24_totals"
    if "seqn" in cells and any(_NHANES_GRAMS.match(c) for c in cells):
        return "nhanes"
    if {"date", "food", "quant"} <= cells:
        return "mfp_foods"
    if {"foods", "calories"} <= cells:
        return "mfp_printable"
    return None


def freetext_column(header: list[str]) -> int | None:
    """Position of a free-text log's text column: an entry synonym, else the food column."""
    position = column_index(header, *FREETEXT_COLUMNS)
    return position if position is not None else own_columns(header).get("food")


def detect_format(header: list[str]) -> str | None:
    """Which diary format a header belongs to, or None.

    Rules, first match wins:

    1. ``UserName``, ``FoodCode`` and ``FoodAmt`` -> ``asa24_items``; ``UserName`` and
       ``KCAL`` without ``FoodCode`` -> ``asa24_totals``; ``SEQN`` and ``DR1IGRMS`` (or
       ``DR2IGRMS``, ``DRXIGRMS``) -> ``nhanes``; ``date``, ``food`` and ``quant`` ->
       ``mfp_foods``; ``Foods`` and ``Calories`` -> ``mfp_printable``;
    2. ``Food Name`` and ``Amount`` -> ``cronometer_servings``;
    3. ``Name``, ``Quantity`` and ``Units`` -> ``loseit``;
    4. ``Meal`` and ``Calories`` and no food column -> ``mfp``;
    5. ``Date`` and a Cronometer nutrient header such as ``Calcium (mg)`` or ``Energy (kcal)``
       and no food column -> ``cronometer_daily``;
    6. a date, a food and an amount column (synonyms allowed) -> ``own``;
    7. a date and one text column (``entry``, ``text``, ``log`` or a food synonym) but no
       amount column -> ``freetext``.
    """
    cells = {canonical(c) for c in header}
    research = _research_format(cells)
    if research is not None:
        return research
    own = own_columns(header)
    if {"food name", "amount"} <= cells:
        return "cronometer_servings"
    if {"name", "quantity", "units"} <= cells:
        return "loseit"
    has_food = "food" in own
    if {"meal", "calories"} <= cells and not has_food:
        return "mfp"
    app_headers = {h for names in APP_NUTRIENTS.values() for h in names if "(" in h}
    if "date" in cells and cells & app_headers and not has_food:
        return "cronometer_daily"
    if all(key in own for key in OWN_REQUIRED):
        return "own"
    if "date" in own and "amount" not in own and freetext_column(header) is not None:
        return "freetext"
    return None


def formats_help() -> str:
    """The formats understood and the columns each expects, for error messages."""
    listed = "; ".join(f"{name} ({text})" for name, text in FORMATS.items())
    return f"Formats understood: {listed}"


def unknown_layout(path: str, header: list[str]) -> DiaryFormatError:
    """The error for a header that matches no format, listing what was expected."""
    shown = ", ".join(repr(c) for c in header[:12] if c) or "(none)"
    if len(header) > 12:
        shown += ", ..."
    return DiaryFormatError(
        path,
        f"no recognizable diary columns (header: {shown})",
        formats_help(),
    )


def missing_columns(
    path: str, fmt: str, missing: list[str], header: list[str]
) -> DiaryFormatError:
    """The error for a forced ``input_format`` whose required columns are absent."""
    shown = ", ".join(repr(c) for c in header[:12] if c) or "(none)"
    return DiaryFormatError(
        path,
        f"does not read as --input-format {fmt}: missing column(s) {', '.join(missing)} "
        f"(header: {shown})",
        formats_help(),
    )
