"""Coded fields of research files: FNDDS food codes to categories, occasion codes to meals.

ASA24 and NHANES code every food with its USDA FNDDS food code (8 digits, whose leading digits
are the FNDDS group: 1 milk products, 2 meat, poultry and fish, ... 9 sugars and beverages)
and every eating occasion with a number. The tables are bundled data with their sources:

- ``fndds_categories.csv``: which code prefixes are ``red_meat``, ``dairy``, ``soda``,
  ``coffee``, ``tea`` or ``greens`` (everything else is ``other``), plus description
  exceptions (``Carbonated water, unsweetened`` is coded with the soft drinks but is water;
  ``Lettuce, arugula`` is a dark-green leaf coded with the other vegetables). The rule: of
  the rows whose prefix starts the code, a row whose description pattern matches beats a
  row without a pattern, and then the longest prefix wins. Codes that are not 8 digits
  (ASA24 sometimes records a 4-digit SR ingredient code such as ``2028`` Paprika) have no
  FNDDS group: only the description rows with the one-digit prefix of their own can apply,
  so they are ``other`` unless their description says otherwise.
- ``eating_occasions.csv``: occasion codes per scheme (``asa24`` ``Occ_Name``;
  ``nhanes_2003`` ``DR1_030Z``; ``nhanes_2001`` ``DRD030Z``; ``nhanes_1999`` ``DRD030``,
  whose numbering differs) and the meal word each one means.

Lookups run once per distinct code (and description), never per row.

References
----------
.. [1] USDA ARS Food Surveys Research Group. *FNDDS 2017-2018 documentation*, Appendix H,
   food-code groups (read through public transcriptions; tag S).
.. [2] CDC NCHS. NHANES dietary interview, individual foods files DR1IFF_C (2003-2004) and
   DR1IFF_J (2017-2018), DRXIFF (1999-2000), DRXIFF_B (2001-2002): codebooks.
.. [3] National Cancer Institute. ASA24 researcher data dictionary, Items file (``Occ_Name``).
"""

from __future__ import annotations

import re
from functools import cache

import numpy as np
import pandas as pd

from analyzer.reference import load_table

#: Digits of a USDA FNDDS food code.
FNDDS_CODE_DIGITS = 8
#: Category of a code no row of the table covers.
DEFAULT_CATEGORY = "other"
#: The "don't know" occasion code of the NHANES schemes (no meal, and not unknown to us).
DONT_KNOW_CODE = 99


@cache
def _category_rules() -> tuple[tuple[str, str, re.Pattern[str] | None], ...]:
    """(prefix, category, compiled pattern or None), patterned rows first, then longest."""
    table = load_table("fndds_categories.csv")
    rules = []
    for prefix, category, pattern in zip(
        table["prefix"].astype(str),
        table["category"].astype(str),
        table["description_pattern"],
        strict=True,
    ):
        compiled = None if pd.isna(pattern) else re.compile(str(pattern), re.IGNORECASE)
        rules.append((prefix, category, compiled))
    rules.sort(key=lambda rule: (rule[2] is None, -len(rule[0])))
    return tuple(rules)


def category_of(code: str, description: str = "") -> str:
    """The food category of one FNDDS food code and description (see the module docstring).

    Parameters
    ----------
    code : str
        The food code as digits (``"92410210"``); "" when unknown.
    description : str
        The FNDDS description (``"Carbonated water, unsweetened"``); "" when unknown, in
        which case only the code prefixes decide.

    Examples
    --------
    >>> category_of("92410310", "Soft drink, cola")
    'soda'
    >>> category_of("92410210", "Carbonated water, unsweetened")
    'other'
    >>> category_of("75113080", "Lettuce, arugula, raw")
    'greens'
    >>> category_of("2028", "Paprika")
    'other'
    """
    fndds = len(code) == FNDDS_CODE_DIGITS and code.isdigit()
    for prefix, category, pattern in _category_rules():
        if pattern is not None:
            if not description or pattern.search(description) is None:
                continue
            if fndds and not code.startswith(prefix):
                continue
            if not fndds and len(prefix) > 1:
                continue
            return category
        elif fndds and code.startswith(prefix):
            return category
    return DEFAULT_CATEGORY


def categories(code: pd.Series, description: pd.Series) -> pd.Series:
    """:func:`category_of` for every row, computed once per distinct (code, description).

    Parameters
    ----------
    code, description : Series of str
        Aligned; missing values count as "".

    Returns
    -------
    Series of object
        The category of each row.
    """
    keys = pd.MultiIndex.from_arrays(
        [code.astype(object).fillna(""), description.astype(object).fillna("")]
    )
    codes, distinct = pd.factorize(keys)
    found = np.array([category_of(str(c), str(d)) for c, d in distinct], dtype=object)
    return pd.Series(found[codes], index=code.index, dtype=object)


#: Largest code read as a whole number (FNDDS codes have 8 digits, NHANES ids 6; beyond 15
#: digits a float no longer holds every integer).
MAX_CODE = 1e15


def code_text(values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Codes as integer text: ``57123000.0``, ``5.7123e+07`` and ``57123000`` -> ``57123000``.

    SAS transport files store every code as a float, and files written by R may print large
    integers in scientific notation (``1.1e+07``).

    Returns
    -------
    text : Series of object
        The integer as text; "" where blank.
    bad : Series of bool
        True where the cell is not blank and not a whole number (``inf`` and numbers of
        more than 15 digits included).
    """
    raw = values.astype(object).where(values.notna(), "").astype(str).str.strip()
    blank = raw.eq("") | raw.str.lower().isin(["na", "nan", "."])
    number = pd.to_numeric(raw.where(~blank), errors="coerce")
    finite = number.notna() & np.isfinite(number.fillna(0.0)) & (number.abs() < MAX_CODE)
    whole = finite & (number == np.floor(number.fillna(0.0)))
    text = number.where(whole).map(lambda v: "" if pd.isna(v) else str(int(v)))
    return text.astype(object), (~blank & ~whole)


@cache
def _occasions(scheme: str) -> dict[int, tuple[str, str]]:
    table = load_table("eating_occasions.csv")
    rows = table[table["scheme"] == scheme]
    return {
        int(code): (str(label), str(meal))
        for code, label, meal in zip(rows["code"], rows["label"], rows["meal"], strict=True)
    }


def occasion_meals(scheme: str, values: pd.Series) -> tuple[pd.Series, pd.Series]:
    """Meal words for coded eating occasions.

    Parameters
    ----------
    scheme : {"asa24", "nhanes_2003", "nhanes_2001", "nhanes_1999"}
        Which code list (the numbering differs between them).
    values : Series
        The codes as written (numbers or text; blank = unknown).

    Returns
    -------
    meal : Series of string
        The meal word (``breakfast``, ``snack``, ...); <NA> for blank, "don't know" (99)
        and codes the list does not have.
    unknown : Series of str
        Codes present in the file that the list does not know (for a note).

    Examples
    --------
    >>> meal, unknown = occasion_meals("nhanes_1999", pd.Series([5.0, 4.0, 99.0]))
    >>> meal.tolist(), unknown.tolist()
    (['dinner', 'snack', <NA>], [])
    """
    known = _occasions(scheme)
    text, _ = code_text(values)
    codes, distinct = pd.factorize(text)
    meals: list[str | None] = []
    unknown: list[str] = []
    for value in distinct:
        number = int(value) if value else None
        if number is not None and number in known:
            meals.append(known[number][1])
        else:
            meals.append(None)
            if number is not None and number != DONT_KNOW_CODE:
                unknown.append(str(number))
    found = np.array([*meals, None], dtype=object)[codes]
    return pd.Series(found, index=values.index, dtype="string"), pd.Series(unknown, dtype=object)
