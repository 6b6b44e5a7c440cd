"""Amount text and unit spelling: ``"1 1/2 cups"`` -> (1.5, ``"cup"``), and unit factors.

:func:`parse_amount` reads the quantity and the unit of an amount as people and apps write
it (fractions, unicode fractions, decimal comma on request, and the Cronometer ``Amount``
forms); :func:`normalize_unit` (:mod:`analyzer.foods.unit_names`) gives every spelling of a
unit one canonical name. The mass and
volume factors are exact US customary definitions. Converting to grams for a given food is
:mod:`analyzer.foods.units`.

References
----------
.. [1] NIST Handbook 44 (2023), Appendix C, "General Tables of Units of Measurement":
   1 lb (avoirdupois) = 453.592 37 g exactly; 1 oz = 1/16 lb = 28.349 523 125 g;
   1 US gallon = 231 in^3 = 3.785 411 784 L; 1 US fluid ounce = 1/128 gal
   = 29.573 529 562 5 mL; 1 cup = 8 fl oz = 236.588 236 5 mL; 1 tbsp = 1/2 fl oz;
   1 tsp = 1/6 fl oz; 1 pint = 16 fl oz; 1 quart = 32 fl oz.
"""

from __future__ import annotations

import math
import re
import unicodedata
from collections.abc import Mapping
from dataclasses import dataclass
from typing import Final

from analyzer.errors import AmountError
from analyzer.foods.unit_names import normalize_unit

# --- constants (NIST Handbook 44, Appendix C) ----------------------------------------------
GRAMS_PER_POUND: Final = 453.59237
"""Avoirdupois pound. [g] (NIST Handbook 44, App. C; exact by definition)"""
GRAMS_PER_OUNCE: Final = GRAMS_PER_POUND / 16
"""Avoirdupois ounce = 28.349 523 125 g. [g] (NIST Handbook 44, App. C)"""
ML_PER_US_GALLON: Final = 3785.411784
"""US liquid gallon = 231 cubic inches. [ml] (NIST Handbook 44, App. C; exact)"""
ML_PER_US_FL_OZ: Final = ML_PER_US_GALLON / 128
"""US fluid ounce = 29.573 529 562 5 ml. [ml] (NIST Handbook 44, App. C)"""
ML_PER_US_CUP: Final = 8 * ML_PER_US_FL_OZ
"""US cup = 8 fl oz = 236.588 236 5 ml. [ml] (NIST Handbook 44, App. C)"""

MASS_UNITS_G: Final[Mapping[str, float]] = {
    "mcg": 1e-6,
    "mg": 1e-3,
    "g": 1.0,
    "kg": 1e3,
    "oz": GRAMS_PER_OUNCE,
    "oz wt": GRAMS_PER_OUNCE,
    "lb": GRAMS_PER_POUND,
}
"""Grams per mass unit. [g] (``oz wt`` is an ounce explicitly by weight: see
:mod:`analyzer.foods.units` for ``oz`` on drinks.)"""

VOLUME_UNITS_ML: Final[Mapping[str, float]] = {
    "ml": 1.0,
    "cl": 10.0,
    "dl": 100.0,
    "l": 1000.0,
    "tsp": ML_PER_US_FL_OZ / 6,
    "tbsp": ML_PER_US_FL_OZ / 2,
    "fl oz": ML_PER_US_FL_OZ,
    "cup": ML_PER_US_CUP,
    "pint": 16 * ML_PER_US_FL_OZ,
    "quart": 32 * ML_PER_US_FL_OZ,
    "gallon": ML_PER_US_GALLON,
}
"""Millilitres per volume unit (US customary). [ml]"""


# --- parsing --------------------------------------------------------------------------------
_UNICODE_FRACTIONS: Final[Mapping[str, float]] = {
    "½": 1 / 2,
    "⅓": 1 / 3,
    "⅔": 2 / 3,
    "¼": 1 / 4,
    "¾": 3 / 4,
    "⅕": 1 / 5,
    "⅖": 2 / 5,
    "⅗": 3 / 5,
    "⅘": 4 / 5,
    "⅙": 1 / 6,
    "⅚": 5 / 6,
    "⅛": 1 / 8,
    "⅜": 3 / 8,
    "⅝": 5 / 8,
    "⅞": 7 / 8,
}
_UNI = "".join(_UNICODE_FRACTIONS)
_QTY_RE: Final = re.compile(
    rf"""
    (?P<mixed>(?P<mw>\d+)(?:\s+|\s*-\s*)(?P<mn>\d+)\s*[/⁄]\s*(?P<md>\d+))
    | (?P<frac>(?P<fn>\d+)\s*[/⁄]\s*(?P<fd>\d+))
    | (?P<dec>(?:\d[\d.,]*|[.,]\d+)(?:[eE][+-]?\d+)?)\s*(?P<uni>[{_UNI}])?
    | (?P<unionly>[{_UNI}])
    """,
    re.VERBOSE,
)
_THOUSANDS_RE: Final = re.compile(r"^\d{1,3}(?:,\d{3})+(?:\.\d+)?$")


@dataclass(frozen=True)
class ParsedAmount:
    """An amount read from text.

    Attributes
    ----------
    quantity : float
        How many units. [unit]
    unit : str or None
        Canonical unit (see :func:`normalize_unit`) or household measure text, lower case;
        ``None`` for a bare number.
    text : str
        The text as given.
    """

    quantity: float
    unit: str | None
    text: str


#: Largest quantity read (a million grams, cups or slices): beyond it a number is a typo or
#: a hostile cell, not an amount eaten (the 10 kg entry check comes after). [unit]
MAX_QUANTITY = 1_000_000.0
#: Most digits of a whole number in a fraction (12: a trillion). A longer one is a typo or a
#: hostile cell, refused before Python's integer division overflows (a decimal too large for
#: a float is refused as not finite). [digits]
MAX_AMOUNT_DIGITS = 12


def _number(match: re.Match[str], decimal: str, text: str) -> float:
    fraction = match.group("mixed") or match.group("frac")
    if fraction and max(map(len, re.findall(r"\d+", fraction))) > MAX_AMOUNT_DIGITS:
        raise AmountError(
            text, f"a fraction with more than {MAX_AMOUNT_DIGITS} digits is not an amount"
        )
    if match.group("mixed"):
        den = int(match.group("md"))
        if den == 0:
            raise AmountError(text, "division by zero in the fraction")
        return int(match.group("mw")) + int(match.group("mn")) / den
    if match.group("frac"):
        den = int(match.group("fd"))
        if den == 0:
            raise AmountError(text, "division by zero in the fraction")
        return int(match.group("fn")) / den
    if match.group("unionly"):
        return _UNICODE_FRACTIONS[match.group("unionly")]
    raw = match.group("dec")
    if decimal == ",":
        if "," in raw:  # "1,5", "1.000,5": dots before a decimal comma group thousands
            raw = raw.replace(".", "").replace(",", ".")
        # else "0.5": a decimal point is still a decimal point (spreadsheets mix them)
    elif "," in raw:
        if not _THOUSANDS_RE.match(raw):
            raise AmountError(
                text, "a comma is not a decimal point here; write 1.5, or read with decimal=','"
            )
        raw = raw.replace(",", "")
    try:
        value = float(raw)
    except ValueError:
        raise AmountError(text, "not a number") from None
    if match.group("uni"):
        value += _UNICODE_FRACTIONS[match.group("uni")]
    return value


def _leading_quantity(text: str, decimal: str, whole: str) -> tuple[float, str] | None:
    """Quantity at the start of ``text`` and the rest, or None if it does not start with one."""
    match = _QTY_RE.match(text)
    if match is None:
        return None
    return _number(match, decimal, whole), text[match.end() :].strip()


def leading_quantity(text: str, decimal: str = ".") -> float | None:
    """The number an amount starts with (``2`` of ``2 cup (480ml)``); None if none.

    Examples
    --------
    >>> leading_quantity("0.5 cup dry (40g)"), leading_quantity("cup")
    (0.5, None)
    """
    try:
        found = _leading_quantity(unicodedata.normalize("NFC", text).strip(), decimal, text)
    except AmountError:
        return None
    return None if found is None else found[0]


def _unit_head(text: str) -> str:
    """Unit words before any ``" - "`` descriptor or parenthesis, normalized."""
    head = re.split(r"\s+-\s+|\s*\(", text, maxsplit=1)[0].strip(" ,")
    return normalize_unit(head) if head else ""


def is_measure_unit(unit: str) -> bool:
    """Whether ``unit`` (normalized) is a mass or volume unit (``g``, ``oz``, ``cup``), not a
    piece (``slice``, ``fillet``)."""
    return unit in MASS_UNITS_G or unit in VOLUME_UNITS_ML


def parse_amount(text: str, decimal: str = ".") -> ParsedAmount:
    """Parse an amount such as ``"1 1/2 cups"`` or a Cronometer ``Amount`` cell.

    Parameters
    ----------
    text : str
        ``"1.5"``, ``"1/2"``, ``"1 1/2"``, ``"½"``, ``"1½ cup"``, ``"1.5 cups"``, ``"150 g"``,
        ``"150g"``, ``"2 slices"``, and the Cronometer forms ``"2.00 x 2.0 tbsp"`` (4 tbsp),
        ``"1.00 can - each 12 fl oz"`` (12 fl oz: a stated weight or volume wins),
        ``"2.00 slice (from pre-sliced package) - each 3/4 oz"`` (1.5 oz),
        ``"1.00 shake (11 fl oz)"`` (11 fl oz), ``"1.00 whole - 3 1/2\\" diameter"`` (1 whole),
        ``"3.80 Serving (2 medium slice - ...)"`` (7.6 medium slice).
    decimal : {".", ","}
        Decimal mark. With ``","``, ``"1,5"`` is 1.5 and dots are thousands separators when
        a decimal comma follows (``"1.000,5"``); a number with only a dot keeps it as the
        decimal point (``"0.5"`` is 0.5, never 5). With ``"."`` a comma is accepted only as a
        thousands separator (``"1,000 g"``).

    Returns
    -------
    ParsedAmount

    Raises
    ------
    AmountError
        Empty text, no number in front, a negative number, or an ambiguous decimal comma.

    Examples
    --------
    >>> parse_amount("1 1/2 cups")
    ParsedAmount(quantity=1.5, unit='cup', text='1 1/2 cups')
    >>> parse_amount("2.00 slice (from pre-sliced package) - each 3/4 oz").quantity
    1.5
    """
    if decimal not in {".", ","}:
        raise ValueError(f"decimal must be '.' or ',', not {decimal!r}")
    parsed = _parse_amount(text, decimal)
    if not math.isfinite(parsed.quantity):
        raise AmountError(text, "not a finite number; write e.g. 1, 1.5, 1/2, 1 1/2 or ½")
    if parsed.quantity > MAX_QUANTITY:
        raise AmountError(
            text, f"more than {MAX_QUANTITY:,.0f} of anything is not an amount eaten"
        )
    return parsed


def _parse_amount(text: str, decimal: str) -> ParsedAmount:
    """:func:`parse_amount` before the final check that the quantity is finite."""
    original = text
    text = unicodedata.normalize("NFC", str(text)).strip()
    if not text:
        raise AmountError(original, "missing amount; write a number such as 1, 1/2 or 150 g")
    if text.startswith("-") and re.match(r"^-\s*[\d.,]", text):
        raise AmountError(original, "negative amount; amounts must be zero or more")
    found = _leading_quantity(text, decimal, original)
    if found is None:
        raise AmountError(original, "not a number; write e.g. 1, 1.5, 1/2, 1 1/2 or ½")
    quantity, rest = found
    if re.match(r"^(?:-|–|to\b)\s*\d", rest):
        raise AmountError(original, "a range; give one amount, e.g. 1.5")
    # Cronometer multiplier: "2.00 x 2.0 tbsp"
    count: float | None = None
    multiplier = re.match(r"^[x×*](?:\s+|(?=\d))(.*)$", rest, flags=re.IGNORECASE)
    if multiplier:
        inner = _leading_quantity(multiplier.group(1), decimal, original)
        if inner is not None:
            count = quantity
            quantity *= inner[0]
            rest = inner[1]
        else:
            rest = multiplier.group(1).strip()
    if not rest:
        return ParsedAmount(quantity, None, original)
    # "can - each 12 fl oz": a stated weight or volume per unit wins
    each = re.search(r"\s-\s*each\s+(.*)$", rest, flags=re.IGNORECASE)
    if each:
        stated = _leading_quantity(each.group(1), decimal, original)
        if stated is not None and is_measure_unit(_unit_head(stated[1])):
            return ParsedAmount(quantity * stated[0], _unit_head(stated[1]), original)
        rest = rest[: each.start()].strip()
    # "shake (11 fl oz)", "Serving (2 tbsp)", "Serving (2 medium slice - 4 1/2" ...)"
    paren = re.match(r"^([^()]*?)\s*\((.*)\)\s*$", rest)
    if paren:
        outer = _unit_head(paren.group(1))
        stated = _leading_quantity(paren.group(2).strip(), decimal, original)
        if stated is not None and not re.match(r'^["\']|^(?:in|inch)\b', stated[1]):
            inner_unit = _unit_head(stated[1])
            lead = _leading_measure(outer)
            if outer == "serving" and inner_unit:
                # Cronometer's "3.80 Serving (2 medium slice)": one serving defined
                return ParsedAmount(quantity * stated[0], inner_unit, original)
            if lead is not None and is_measure_unit(inner_unit):
                # "8 fl oz (237 ml)", "0.5 cup dry (40g)": the amount restated;
                # "2 cup (8 fl oz)": one cup restated; "2.00 x 8.0 fl oz (237ml)": one of two
                size = None if count is None else quantity / count
                times = quantity / _restated_units(quantity, size, lead, stated)
                return ParsedAmount(times * stated[0], inner_unit, original)
            if is_measure_unit(inner_unit):
                # "0.5 container (85g)": the weight of the whole amount
                return ParsedAmount(stated[0], inner_unit, original)
    unit = _with_dimension(_unit_head(rest), rest)
    return ParsedAmount(quantity, unit or None, original)


def _measure(unit: str) -> float:
    """Grams or millilitres in one ``unit`` (a gram and a millilitre taken as alike)."""
    return MASS_UNITS_G.get(unit) or VOLUME_UNITS_ML.get(unit) or 1.0


def _leading_measure(outer: str) -> str | None:
    """The mass or volume unit an outer unit is or starts with (``cup`` of ``cup dry``)."""
    if is_measure_unit(outer):
        return outer
    for width in (2, 1):
        head = " ".join(re.split(r"[\s,]+", outer)[:width])
        if head != outer and is_measure_unit(head):
            return head
    return None


def _restated_units(
    quantity: float, size: float | None, outer: str, stated: tuple[float, str]
) -> float:
    """How many ``outer`` units a parenthesis restates: the whole amount (``quantity``),
    one unit, or one of a counted size (``size``, the 8.0 of ``2.00 x 8.0 fl oz``), whichever
    is nearest (as a ratio, taking 1 g per ml across mass and volume) to the stated amount.
    A parenthesis restates the whole amount unless it is nearer one of its parts."""
    said = stated[0] * _measure(_unit_head(stated[1])) / _measure(outer)
    options = [quantity] + [k for k in (1.0, size) if k is not None and k > 0]
    if quantity <= 0 or said <= 0:
        return quantity if quantity > 0 else 1.0
    return min(options, key=lambda k: abs(math.log(said / k)))


_DIMENSION_TEXT = re.compile(
    r"\d+(?:\.\d+)?(?:\s*[- ]\s*\d+\s*/\s*\d+)?\s*(?:\"|''|inch(?:es)?\b)\s*(?:dia\w*|long)?",
    re.IGNORECASE,
)


def _with_dimension(unit: str, rest: str) -> str:
    """The unit with the dimension written after it, as a note: ``medium (2 5/8" dia)``
    for ``medium - 2 5/8" dia``, so that a size is matched on its dimension."""
    if not unit:
        return unit
    tail = re.split(r"\s+-\s+|\s*\(", rest, maxsplit=1)
    found = _DIMENSION_TEXT.search(tail[1]) if len(tail) > 1 else None
    return f"{unit} ({found.group(0).strip()})" if found else unit


def parse_unit(text: str, decimal: str = ".") -> ParsedAmount:
    """Parse a unit cell that may state a size, e.g. a separate "Units" column.

    Parameters
    ----------
    text : str
        ``"cups"``, ``"container - each 6 oz"``, ``"Serving (2 tbsp)"``, ``"2 slices"``.
    decimal : {".", ","}
        Decimal mark, as in :func:`parse_amount`.

    Returns
    -------
    ParsedAmount
        Multiplier and unit for ONE of the written unit: ``"container - each 6 oz"`` gives
        ``quantity=6.0, unit="oz"``; a plain ``"cups"`` gives ``quantity=1.0, unit="cup"``.

    Raises
    ------
    AmountError
        The text is empty.

    Examples
    --------
    >>> parse_unit("container - each 6 oz")
    ParsedAmount(quantity=6.0, unit='oz', text='container - each 6 oz')
    """
    stripped = str(text).strip()
    if not stripped:
        raise AmountError(str(text), "missing unit")
    if _QTY_RE.match(stripped) is None:
        stripped = "1 " + stripped
    parsed = parse_amount(stripped, decimal=decimal)
    return ParsedAmount(parsed.quantity, parsed.unit, str(text))
