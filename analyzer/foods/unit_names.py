"""Unit spelling: every way people and apps write a unit, to one canonical name.

``"cups"``, ``"Tbsp"``, ``"T"``, ``"tablespoons"``, ``"fl. oz"``, ``"grams"``, ``"Slices"``:
:func:`normalize_unit` gives each its canonical form (``cup``, ``tbsp``, ``fl oz``, ``g``,
``slice``); :mod:`analyzer.foods.quantities` parses amounts with it and holds the unit
factors. The synonyms are spellings, not measurements (no literature values).
"""

from __future__ import annotations

import re
import unicodedata
from collections.abc import Mapping
from typing import Final

_SYNONYMS: Final[Mapping[str, str]] = {
    # mass
    "microgram": "mcg",
    "µg": "mcg",
    "ug": "mcg",
    "milligram": "mg",
    "gram": "g",
    "gr": "g",
    "gm": "g",
    "gms": "g",
    "grams": "g",
    "kilogram": "kg",
    "kilo": "kg",
    "kgs": "kg",
    "ounce": "oz",
    "ounces": "oz",
    "oz wt": "oz wt",
    "ounce weight": "oz wt",
    "oz weight": "oz wt",
    "wt oz": "oz wt",
    "net wt oz": "oz wt",
    "oz net weight": "oz wt",
    "oz net wt": "oz wt",
    "ounce net weight": "oz wt",
    "net weight oz": "oz wt",
    "pound": "lb",
    "lbs": "lb",
    "#": "lb",
    # volume
    "milliliter": "ml",
    "millilitre": "ml",
    "cc": "ml",
    "centiliter": "cl",
    "centilitre": "cl",
    "deciliter": "dl",
    "decilitre": "dl",
    "liter": "l",
    "litre": "l",
    "ltr": "l",
    "lt": "l",
    "teaspoon": "tsp",
    "tsps": "tsp",
    "tspn": "tsp",
    "tablespoon": "tbsp",
    "tbsps": "tbsp",
    "tbs": "tbsp",
    "tbl": "tbsp",
    "tblsp": "tbsp",
    "tblspn": "tbsp",
    "fl oz": "fl oz",
    "floz": "fl oz",
    "fluid ounce": "fl oz",
    "fluid oz": "fl oz",
    "fl ounce": "fl oz",
    "fl ozs": "fl oz",
    "c": "cup",
    "pt": "pint",
    "qt": "quart",
    "gal": "gallon",
    # household
    "ea": "each",
    "pc": "piece",
    "pcs": "piece",
    "fda serving size": "serving",
    "serving size": "serving",
    "portion": "serving",
    "tin": "can",
}

_IE_NOUNS: Final = frozenset(
    {"cookie", "brownie", "pie", "smoothie", "calorie", "veggie", "hoagie", "pierogie", "tie"}
)
"""Nouns whose plural ends in -ies but whose singular ends in -ie (not -y)."""
_F_PLURALS: Final[Mapping[str, str]] = {
    "leaves": "leaf",
    "halves": "half",
    "loaves": "loaf",
    "calves": "calf",
    "shelves": "shelf",
    "knives": "knife",
}
"""Plurals in -ves whose singular ends in -f/-fe; other -ves words (cloves, olives) drop -s."""
_NO_SINGULAR: Final = frozenset({"fl", "lbs", "gms", "kgs", "tsps", "tbsps", "tbs", "pcs", "cc"})


def _singular(word: str) -> str:
    """English singular of one lower-case word (household nouns; units are kept)."""
    if len(word) <= 3 or word in _NO_SINGULAR or not word.isalpha():
        return word
    if word.endswith("ies"):
        return word[:-1] if word[:-1] in _IE_NOUNS else word[:-3] + "y"
    if word in _F_PLURALS:
        return _F_PLURALS[word]
    if word.endswith(("ches", "shes", "xes", "sses", "oes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(("ss", "us", "is")):
        return word[:-1]
    return word


def normalize_unit(unit: str) -> str:
    """Canonical spelling of a unit or measure.

    Parameters
    ----------
    unit : str
        A unit as written: ``"cups"``, ``"Tbsp"``, ``"T"``, ``"tablespoons"``, ``"fl. oz"``,
        ``"grams"``, ``"Slices"``, ``"cup, chopped"``.

    Returns
    -------
    str
        Mass and volume units in their canonical form (``g``, ``mg``, ``kg``, ``oz``, ``lb``,
        ``ml``, ``l``, ``tsp``, ``tbsp``, ``fl oz``, ``cup``, ``pint``, ``quart``, ``gallon``);
        household words lower-case and singular (``slice``, ``medium``); other text lower-case
        with single spaces. ``"T"`` is tablespoon and ``"t"`` teaspoon (cookbook convention).

    Examples
    --------
    >>> [normalize_unit(u) for u in ["cups", "Tbsp", "tablespoons", "fl. oz", "grams", "Slices"]]
    ['cup', 'tbsp', 'tbsp', 'fl oz', 'g', 'slice']
    """
    text = unicodedata.normalize("NFKC", unit).strip()
    if text == "T":
        return "tbsp"
    if text == "t":
        return "tsp"
    text = text.lower()
    text = re.sub(r"(?<!\d)\.|\.(?!\d)", " ", text)  # "fl. oz." -> "fl  oz "
    text = re.sub(r"\s+", " ", text).strip()
    if text in _SYNONYMS:
        return _SYNONYMS[text]
    text = re.sub(r"[a-z]+", lambda m: _singular(m.group()), text)
    if text in _SYNONYMS:
        return _SYNONYMS[text]
    # leading unit followed by a description: "tablespoons, chopped" -> "tbsp, chopped"
    match = re.match(r"^([a-zµ# ]+?)(?=[,(]| \(|$)", text)
    if match:
        head = match.group(1).strip()
        canon = _SYNONYMS.get(head, head)
        if canon != head:
            text = canon + text[len(head) :]
    return text
