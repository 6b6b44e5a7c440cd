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
from analyzer.foods.household import dimension
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


_STATED_VOLUME = re.compile(
    r"(?<![\d/])(\d+/\d+|\d+(?:\.\d+)?|\.\d+)\s*(fl oz|ml|cup|tbsp|tsp)(?![a-z])"
)


def stated_volume_ml(measure: str) -> float | None:
    """Volume stated inside a measure: ``"can (12 fl oz)"`` -> 354.9 ml, ``"serving 1/2
    cup"`` -> 118.3 ml (a measure led by a volume unit is a volume portion, not this)."""
    match = _STATED_VOLUME.search(measure)
    if match is None:
        return None
    number = match.group(1)
    if "/" in number:
        top, bottom = number.split("/")
        value = int(top) / int(bottom) if int(bottom) else 0.0
    else:
        value = float(number)
    return value * VOLUME_UNITS_ML[match.group(2)] if value > 0 else None


def plainest(candidates: list[Portion], unit: str) -> Portion:
    """Of portions in the same unit, the plainest: the bare unit, else one "not packed",
    else one not packed at all (``cup (not packed)`` before ``cup, packed`` of raisins),
    else the first in USDA order."""
    exact = [p for p in candidates if p.measure == unit]
    if exact:
        return exact[0]
    loose = [p for p in candidates if "not packed" in p.measure]
    if loose:
        return loose[0]
    unpacked = [p for p in candidates if "packed" not in p.measure]
    return unpacked[0] if unpacked else candidates[0]


def _alternatives(measure: str) -> list[str]:
    """A measure and what it offers after " or " (``tsp or 1 packet`` -> ``packet``)."""
    parts = [measure]
    for rest in re.split(r"\s+or\s+", measure)[1:]:
        parts.append(re.sub(r"^[\d./]+\s*", "", rest).strip())
    return [p for p in parts if p]


def match_words(portions: list[Portion], unit: str) -> Portion | None:
    """The portion a household word names: its exact measure, else one starting with the
    word, else one containing it; fewer words, then lower USDA sequence, first. Portions
    led by a mass or volume unit never match (``cup slices`` is not a slice), except for
    what they offer after " or " (``tsp or 1 packet`` is a packet)."""
    wanted = measure_words(unit)
    if not wanted:
        return None
    ranked: list[tuple[int, int, int, Portion]] = []
    for portion in portions:
        for text in _alternatives(portion.measure):
            if leading_volume(text) or leading_mass(text):
                continue
            words = measure_words(text)
            if " ".join(words) == " ".join(wanted):
                rank = 1
            elif words[: len(wanted)] == wanted:
                rank = 2
            elif set(wanted) <= set(words):
                rank = 3
            else:
                continue
            ranked.append((rank, len(words), portion.seq, portion))
    return min(ranked, key=lambda r: r[:3])[3] if ranked else None


def nearest_dimension(portions: list[Portion], inches: float, kind: str) -> Portion | None:
    """The whole-item portion whose stated dimension is nearest (``fruit (2-5/8" dia)``
    for ``medium - 2 5/8" dia``); None when no portion states one of this kind."""
    best: tuple[float, int, Portion] | None = None
    for portion in portions:
        if leading_volume(portion.measure) or leading_mass(portion.measure):
            continue
        found = dimension(portion.measure)
        if found is None or found[1] != kind:
            continue
        key = (abs(found[0] - inches), portion.seq, portion)
        if best is None or key[:2] < best[:2]:
            best = key
    return None if best is None else best[2]
