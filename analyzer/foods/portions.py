"""USDA household portions (SR28 ``WEIGHT.txt``): the table, and what each measure says.

A portion row means ``amount x measure`` weighs ``gram_weight`` grams
(``01077,1,1,cup,244``). The helpers here read a measure's words: whether it starts with a
mass or volume unit, states a volume in parentheses (``can or bottle (12 fl oz)``), or marks
the food as a drink. :mod:`analyzer.foods.units` uses them to turn amounts into grams.

References
----------
.. [1] U.S. Department of Agriculture, Agricultural Research Service. *USDA National Nutrient
   Database for Standard Reference, Release 28* (2015, rev. 2016), ``WEIGHT.txt``.
"""

from __future__ import annotations

import functools
import re
from dataclasses import dataclass
from pathlib import Path
from typing import Final

import pandas as pd

from analyzer.errors import DataFileError
from analyzer.foods.quantities import MASS_UNITS_G, VOLUME_UNITS_ML
from analyzer.reference import data_file

DENSITY_PREFERENCE: Final = ("cup", "fl oz", "tbsp", "tsp", "ml", "l", "pint", "quart", "gallon")
"""Order in which a food's volume portions are tried for its density."""


DRINK_DENSITY_G_PER_ML: Final = (0.85, 1.3)
"""Density range of a pourable drink for the ``oz`` = fluid ounce rule. [g/ml]

From the SR28 portions themselves: liquids measured in fl oz run from spirits (0.94) to
syrups and frozen juice concentrates (1.23-1.29); foods outside the range that USDA also
measures in fl oz are frozen desserts, whipped cream, airy shakes and dry mixes (0.01-0.84),
for which "4 oz" may well be a weight."""


NOT_A_COUNT: Final = ("cubic inch", "cubic cm", "fruit yield")
"""Measures that are neither mass, volume units we convert, nor whole items (never ``each``)."""


EACH_WORDS: Final = ("each", "whole", "item", "piece", "unit")
"""Units meaning one whole item of the food."""


# --- portions -------------------------------------------------------------------------------
PORTION_COLUMNS: Final = ("id", "seq", "amount", "measure", "gram_weight")


def _portions_path() -> Path:
    return Path(data_file("portions.csv"))


@functools.lru_cache(maxsize=4)
def _read_portions(path: str) -> pd.DataFrame:
    try:
        table = pd.read_csv(
            path,
            dtype={"id": str, "measure": str},
            keep_default_na=False,
            na_values={"amount": [""], "gram_weight": [""], "seq": [""]},
        )
    except FileNotFoundError:
        raise DataFileError(path, "portions table not found", "reinstall analyzer") from None
    except (OSError, ValueError, pd.errors.ParserError) as exc:
        raise DataFileError(path, f"cannot read the portions table ({exc})") from None
    missing = [c for c in PORTION_COLUMNS if c not in table.columns]
    if missing:
        raise DataFileError(
            path,
            f"missing column(s) {', '.join(missing)}",
            f"expected columns {', '.join(PORTION_COLUMNS)}",
        )
    table = table[list(PORTION_COLUMNS)].copy()
    for column in ("seq", "amount", "gram_weight"):
        table[column] = pd.to_numeric(table[column], errors="coerce")
    return table


def load_portions(path: str | Path | None = None) -> pd.DataFrame:
    """Load the household-portion table (SR28 ``WEIGHT.txt``).

    Parameters
    ----------
    path : str or pathlib.Path, optional
        A CSV with columns ``id, seq, amount, measure, gram_weight``; default the bundled
        ``analyzer/data/portions.csv``.

    Returns
    -------
    pandas.DataFrame
        ``id`` (str, 5-digit NDB number), ``seq`` (int), ``amount`` (float), ``measure``
        (str), ``gram_weight`` (float): ``amount`` x ``measure`` weighs ``gram_weight``. [g]

    Raises
    ------
    DataFileError
        The file is missing, unreadable, or lacks a column.
    """
    target = _portions_path() if path is None else Path(path)
    return _read_portions(str(target)).copy()


@dataclass(frozen=True)
class Portion:
    seq: int
    measure: str  # normalized
    grams_per_unit: float  # gram_weight / amount
    gram_weight: float  # the whole listed portion, amount x measure


def _outside_parens(text: str) -> str:
    return re.sub(r"\([^()]*\)?", " ", text).replace(",", " ")


def measure_words(text: str) -> list[str]:
    return [w for w in re.split(r"[\s,]+", _outside_parens(text)) if w]


def leading_volume(measure: str) -> str | None:
    """Volume unit a normalized measure starts with (``"cup, chopped"`` -> ``"cup"``)."""
    for unit in sorted(VOLUME_UNITS_ML, key=len, reverse=True):
        if re.match(rf"^{re.escape(unit)}(?![a-z])", measure):
            return unit
    return None


def leading_mass(measure: str) -> bool:
    return leading_mass_unit(measure) is not None


def leading_mass_unit(measure: str) -> str | None:
    """Mass unit a normalized measure starts with (``"oz boneless"`` -> ``"oz"``)."""
    for unit in sorted(MASS_UNITS_G, key=len, reverse=True):
        if re.match(rf"^{re.escape(unit)}(?![a-z])", measure):
            return unit
    return None


_FLUID_OUNCE = re.compile(r"(?<![a-z])fl oz(?![a-z])")


_ANY_OUNCE = re.compile(r"(?<![a-z])oz(?![a-z])")


_LIQUID_MEASURE = re.compile(r"(?<![a-z])(?:quart|pint|gallon)(?![a-z])")


def is_drink(measures: list[str]) -> bool:
    """True when the measures name a liquid measure and never an ounce by weight.

    Liquid measures: fluid ounces, quarts, pints, gallons (USDA uses them only for liquids:
    milk, juice, cream).
    """
    fluid = sum(len(_FLUID_OUNCE.findall(m)) for m in measures)
    if fluid != sum(len(_ANY_OUNCE.findall(m)) for m in measures):
        return False
    return fluid > 0 or any(_LIQUID_MEASURE.search(m) for m in measures)


def stated_volume_ml(measure: str) -> float | None:
    """Volume stated inside a container measure: ``"can (12 fl oz)"`` -> 354.9 ml."""
    match = re.search(r"(\d+(?:\.\d+)?|\.\d+)\s*(fl oz|ml)\b", measure)
    if match is None:
        return None
    return float(match.group(1)) * VOLUME_UNITS_ML[match.group(2)]
