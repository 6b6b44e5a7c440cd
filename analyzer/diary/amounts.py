"""Amounts and units of diary rows, parsed once per DISTINCT (amount, unit) text pair.

The one amount parser (:func:`analyzer.foods.units.parse_amount`) serves every format, so
Cronometer-style amounts (``2.00 x 2.0 tbsp``, ``1.00 can - each 12 fl oz``) work in our
own diary too. When a separate unit column is given and the amount is a bare number, the two
are read together (``1`` + ``Serving (2 tbsp)`` -> 2 tbsp).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, replace

import numpy as np
import pandas as pd

from analyzer.diary.model import factorize_columns, quoted
from analyzer.diary.numbers import UNKNOWN_MARKERS
from analyzer.errors import AmountError
from analyzer.foods import units
from analyzer.foods.name_amount import amount_words, split_name, vague_reason

#: One distinct pair's result: quantity, unit, status, reason, outer quantity, outer unit.
_Result = tuple[float, str | None, str, str, float, str | None]


@dataclass(frozen=True)
class ParsedAmounts:
    """Amounts aligned with the diary rows.

    Attributes
    ----------
    quantity : Series of float
        How many units (NaN where unusable).
    unit : Series of object
        Canonical unit or measure text; <NA> when none was written.
    written : Series of string
        The unit as the user wrote it (for messages): the unit cell, else the parsed unit.
    status, reason : Series of string
        ``missing_amount`` / ``bad_amount`` and the problem (e.g. ``"negative amount; ..."``);
        <NA> when fine. See :func:`amount_reasons` for the full sentence.
    outer_quantity, outer_unit : Series
        The reading without a trailing parenthesis (``3.80 Serving (2 medium slice)`` ->
        3.8 ``serving``), tried when the food has no portion for ``unit``; NaN / None when
        there is no such second reading.
    from_name : Series of bool
        True where the amount cell was blank and the amount was read from the food name
        (``2 eggs scrambled``, ``Generic - Banana, 1 medium``; see
        :func:`amounts_from_names`).
    """

    quantity: pd.Series
    unit: pd.Series
    written: pd.Series
    status: pd.Series
    reason: pd.Series
    outer_quantity: pd.Series
    outer_unit: pd.Series
    from_name: pd.Series | None = None


def _parse(text: str, decimal_comma: bool) -> units.ParsedAmount:
    if decimal_comma:
        return units.parse_amount(text, decimal=",")
    return units.parse_amount(text)


def _outer(text: str, parsed: units.ParsedAmount, decimal_comma: bool) -> tuple[float, str | None]:
    """The amount read WITHOUT its trailing parenthesis, when that reads differently.

    ``3.80 Serving (2 medium slice - ...)`` parses to 7.6 medium slice; its outer reading is
    3.8 serving, used when the food has no "medium slice" portion. NaN/None when the text
    has no parenthesis or the outer reading is the same.
    """
    if "(" not in text:
        return np.nan, None
    bare = re.sub(r"\s*\(.*$", "", text).strip()
    try:
        outer = _parse(bare, decimal_comma)
    except AmountError:
        return np.nan, None
    if outer.unit is None or outer.unit == parsed.unit:
        return np.nan, None
    return float(outer.quantity), outer.unit


def _one(amount: str, unit: str, decimal_comma: bool) -> _Result:
    """Quantity, unit, status ('' if fine), reason and the outer reading for one pair."""
    if amount.lower() in UNKNOWN_MARKERS:
        return np.nan, None, "missing_amount", "missing amount", np.nan, None
    try:
        parsed = _parse(amount, decimal_comma)
    except AmountError as error:
        worded = amount_words(amount)  # "half", "a handful", "half a block", "a few"
        if worded is None:
            return np.nan, None, "bad_amount", error.problem, np.nan, None
        if worded.amount is None:
            return np.nan, None, "missing_amount", vague_reason(amount), np.nan, None
        try:
            parsed = _parse(worded.amount, decimal_comma)
        except AmountError:
            return np.nan, None, "bad_amount", error.problem, np.nan, None
    if unit.lower() in UNKNOWN_MARKERS:
        outer = _outer(amount, parsed, decimal_comma)
        return float(parsed.quantity), parsed.unit, "", "", *outer
    if parsed.unit is None:
        # the unit cell names ONE unit: 2 x "container (6 oz)" is 12 oz
        text = f"{amount} {unit}"
        try:
            one = units.parse_unit(unit, decimal="," if decimal_comma else ".")
        except AmountError:
            return float(parsed.quantity), units.normalize_unit(unit), "", "", np.nan, None
        combined = units.ParsedAmount(parsed.quantity * one.quantity, one.unit, text)
        return (
            float(combined.quantity),
            combined.unit,
            "",
            "",
            *_outer(text, combined, decimal_comma),
        )
    if units.normalize_unit(unit) == parsed.unit:
        return float(parsed.quantity), parsed.unit, "", "", np.nan, None
    return (
        np.nan,
        None,
        "bad_amount",
        f"it carries its own unit but the unit column says {unit!r}; give the unit in one place",
        np.nan,
        None,
    )


def parse_amounts(
    amount: pd.Series, unit: pd.Series | None = None, *, decimal_comma: bool = False
) -> ParsedAmounts:
    """Parse amount (and optional unit) cells once per distinct pair.

    Parameters
    ----------
    amount : Series of str
        Amount cells, e.g. ``0.5``, ``1 1/2 cups``, ``2.00 x 2.0 tbsp``.
    unit : Series of str, optional
        Unit cells from a separate column ("" = none).
    decimal_comma : bool
        Accept ``1,5`` as 1.5.
    """
    if unit is None:
        unit = pd.Series("", index=amount.index, dtype=object)
    codes, distinct = factorize_columns(amount, unit)
    results = [_one(a.strip(), u.strip(), decimal_comma) for a, u in distinct]
    quantity = np.array([r[0] for r in results], dtype="float64")
    found = np.array([r[1] for r in results], dtype=object)
    written = np.array(
        [
            u.strip() if u.strip() and r[1] is not None else r[1]
            for (_, u), r in zip(distinct, results, strict=True)
        ],
        dtype=object,
    )
    status = np.array([r[2] or None for r in results], dtype=object)
    reason = np.array([r[3] or None for r in results], dtype=object)
    outer_quantity = np.array([r[4] for r in results], dtype="float64")
    outer_unit = np.array([r[5] for r in results], dtype=object)
    index = amount.index
    return ParsedAmounts(
        quantity=pd.Series(quantity[codes], index=index, dtype="float64"),
        unit=pd.Series(found[codes], index=index, dtype=object),
        written=pd.Series(written[codes], index=index, dtype=object),
        status=pd.Series(status[codes], index=index, dtype=object),
        reason=pd.Series(reason[codes], index=index, dtype=object),
        outer_quantity=pd.Series(outer_quantity[codes], index=index, dtype="float64"),
        outer_unit=pd.Series(outer_unit[codes], index=index, dtype=object),
    )


def amount_reasons(parsed: ParsedAmounts, amount: pd.Series, food: pd.Series) -> pd.Series:
    """Full reasons for the rows with an amount problem (a Series holding only those rows).

    E.g. ``bad amount '-1' for 'milk': negative amount; amounts must be zero or more``.
    """
    problem = parsed.status.notna()
    status = parsed.status[problem]
    shown = quoted(amount[problem].astype(str))
    name = quoted(food[problem].astype(str))
    bad = "bad amount " + shown + " for " + name + ": " + parsed.reason[problem].astype(str)
    why = parsed.reason[problem].astype(str)
    detail = ("; " + why).where(why.ne("missing amount") & parsed.reason[problem].notna(), "")
    missing = "missing amount for " + name + detail
    return bad.mask(status == "missing_amount", missing)


def amounts_from_names(parsed: ParsedAmounts, food: pd.Series) -> ParsedAmounts:
    """Amounts of rows with a blank amount cell, read from the food name, once per name.

    The name is split by :func:`analyzer.foods.name_amount.split_name`, the one reader of
    names that carry their amount (the matcher matches the food part of the same split):
    ``2 eggs scrambled`` is 2 (eggs), ``a handful of almonds`` 1 handful, ``Generic -
    Banana, 1 medium`` 1 medium. A name whose amount words give no number (``a few
    strawberries``) keeps its ``missing_amount`` status, with a reason that says so.

    Parameters
    ----------
    parsed : ParsedAmounts
        The amounts read from the cells (:func:`parse_amounts`).
    food : Series of str
        The food names, aligned with ``parsed``.

    Returns
    -------
    ParsedAmounts
        ``parsed`` with the blank rows filled where the name gives an amount, and
        ``from_name`` set.
    """
    # blank (or "n/a") cells only: a cell of vague words ("a few") keeps its own reason
    blank = ((parsed.status == "missing_amount") & (parsed.reason == "missing amount")).to_numpy(
        dtype=bool
    )
    from_name = np.zeros(len(food), dtype=bool)
    if not blank.any():
        return replace(parsed, from_name=pd.Series(from_name, index=food.index))
    quantity = parsed.quantity.to_numpy(dtype="float64").copy()
    unit = parsed.unit.to_numpy(dtype=object).copy()
    status = parsed.status.to_numpy(dtype=object).copy()
    reason = parsed.reason.to_numpy(dtype=object).copy()
    codes, names = pd.factorize(food[blank].astype(str))
    results = [_from_name(str(n)) for n in names]
    rows = np.flatnonzero(blank)
    for row, code in zip(rows, codes, strict=True):
        value, found, problem = results[code]
        if problem:
            reason[row] = problem
            continue
        quantity[row], unit[row], status[row], reason[row] = value, found, None, None
        from_name[row] = True
    index = food.index
    return replace(
        parsed,
        quantity=pd.Series(quantity, index=index, dtype="float64"),
        unit=pd.Series(unit, index=index, dtype=object),
        written=parsed.written.mask(
            pd.Series(from_name, index=index), pd.Series(unit, index=index)
        ),
        status=pd.Series(status, index=index, dtype=object),
        reason=pd.Series(reason, index=index, dtype=object),
        from_name=pd.Series(from_name, index=index),
    )


def _from_name(name: str) -> tuple[float, str | None, str]:
    """Quantity, unit and "" for a name carrying a readable amount, else a problem."""
    split = split_name(name)
    if split.amount is None:
        if split.written:
            return np.nan, None, vague_reason(split.written)
        return np.nan, None, "missing amount"
    try:
        amount = units.parse_amount(split.amount)
    except AmountError as error:
        return np.nan, None, error.problem
    return float(amount.quantity), amount.unit, ""
