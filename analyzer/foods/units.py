"""Grams of a food from a quantity and a unit: mass, volume and household measures.

Amount text is parsed by :func:`parse_amount` and units are spelled canonically by
:func:`normalize_unit` (both from
:mod:`analyzer.foods.quantities`, re-exported here). Three kinds of
unit are converted to grams:

mass
    ``mg``, ``g``, ``kg``, ``oz``, ``lb`` (and ``mcg``): fixed factors (NIST Handbook 44),
    with one exception: ``oz`` on a DRINK means fluid ounces. People and apps write "12 oz"
    of cola or "8 oz" of orange juice (Lose It!'s ``Ounce``, MyFitnessPal's "oz") for a
    volume; read as a weight it would be 7-9 % light for milk and juice. A food is a drink
    for this rule when its USDA portions name a liquid measure (``fl oz``, ``can or bottle
    (12 fl oz)``, ``quart``, ``pint``) and never an ounce by weight, or when it is in SR28's
    Beverages group or its description starts with a drink word (``Milk``, ``Kefir``,
    ``juice``: :data:`DRINK_WORDS`), and its density is that of a pourable liquid
    (:data:`DRINK_DENSITY_G_PER_ML`): milk, kefir, juice, soda, coffee, beer, wine,
    spirits. A drink USDA lists by weight only (kefir) takes milk's density
    (:data:`DRINK_DENSITY_FALLBACK_G_PER_ML`). Everything else (cheese, meat, yogurt,
    condensed soup, ice cream) keeps the mass ounce. ``oz wt`` (also ``oz net weight``) is
    always a weight.
volume
    ``ml``, ``cl``, ``dl``, ``l``, ``tsp``, ``tbsp``, ``fl oz``, ``cup``, ``pint``, ``quart``,
    ``gallon`` (US customary, NIST Handbook 44). A volume is turned into grams through the food's
    own USDA portions: a portion in the same unit is used directly (1 cup of cooked collards is
    its ``cup, chopped`` portion, 190 g; of several, the bare one, else one "not packed");
    otherwise the food's density comes from its first volume portion in the order cup, fl
    oz, tbsp, tsp, ml, l, pint, quart, gallon, and failing those from a measure that states
    its volume (``can or bottle (12 fl oz)``, ``serving 1/2 cup``).
household measures
    ``slice``, ``can``, ``medium``, ``large``, ``serving``, ``glass``, ``handful`` ...: see
    :mod:`analyzer.foods.measures` (the food's USDA portions, its siblings' sizes, the FDA
    reference amount for ``serving`` and the stated vessel defaults). A unit of ``None`` (a
    bare number, e.g. ``2`` eggs) is treated as ``each``.

References
----------
.. [1] NIST Handbook 44 (2023), Appendix C (mass and volume factors; see
   :mod:`analyzer.foods.quantities`).
.. [2] U.S. Department of Agriculture, Agricultural Research Service. *USDA National Nutrient
   Database for Standard Reference, Release 28* (2015, rev. 2016), ``WEIGHT.txt``.
"""

from __future__ import annotations

import functools

import numpy as np
import pandas as pd

from analyzer.errors import AmountError, UnknownUnitError
from analyzer.foods.household import FoodFacts, package_hint
from analyzer.foods.measures import HouseholdMeasures
from analyzer.foods.portions import (
    DENSITY_PREFERENCE,
    DRINK_DENSITY_G_PER_ML,
    EACH_WORDS,
    Portion,
    is_drink,
    leading_mass,
    leading_volume,
    load_portions,
    plainest,
    stated_volume_ml,
)
from analyzer.foods.quantities import (
    GRAMS_PER_OUNCE,
    GRAMS_PER_POUND,
    MASS_UNITS_G,
    ML_PER_US_CUP,
    ML_PER_US_FL_OZ,
    ML_PER_US_GALLON,
    VOLUME_UNITS_ML,
    ParsedAmount,
    normalize_unit,
    parse_amount,
    parse_unit,
)

__all__ = [
    "DENSITY_PREFERENCE",
    "DRINK_DENSITY_G_PER_ML",
    "EACH_WORDS",
    "GRAMS_PER_OUNCE",
    "GRAMS_PER_POUND",
    "MASS_UNITS_G",
    "ML_PER_US_CUP",
    "ML_PER_US_FL_OZ",
    "ML_PER_US_GALLON",
    "VOLUME_UNITS_ML",
    "ParsedAmount",
    "UnitConverter",
    "available_units",
    "default_converter",
    "grams_for",
    "grams_per_unit",
    "load_portions",
    "normalize_unit",
    "parse_amount",
    "parse_unit",
    "sizes_listed",
    "to_grams",
]


class UnitConverter(HouseholdMeasures):
    """Grams per unit for foods, from a portion table; caches per (food id, unit).

    Parameters
    ----------
    portions : pandas.DataFrame, optional
        Columns ``id, seq, amount, measure, gram_weight``; default :func:`load_portions`.
    """

    def __init__(
        self, portions: pd.DataFrame | None = None, foods: pd.DataFrame | None = None
    ) -> None:
        table = load_portions() if portions is None else portions
        table = table.dropna(subset=["amount", "gram_weight"])
        table = table[(table["amount"] > 0) & (table["gram_weight"] >= 0)]
        table = table.sort_values(["id", "seq"], kind="stable")
        per_unit = (table["gram_weight"] / table["amount"]).to_numpy(dtype=float)
        raw = table["measure"].astype(str)
        canonical = {m: normalize_unit(m) for m in pd.unique(raw)}
        self._by_food: dict[str, list[Portion]] = {}
        for food_id, seq, measure, grams, weight in zip(
            table["id"].astype(str),
            table["seq"],
            raw,
            per_unit,
            table["gram_weight"],
            strict=True,
        ):
            portion = Portion(int(seq), canonical[measure], float(grams), float(weight))
            self._by_food.setdefault(food_id, []).append(portion)
        self._facts = FoodFacts(foods) if foods is not None else None
        self._cache: dict[tuple[str, str], float] = {}

    def portions(self, food_id: str) -> list[tuple[str, float]]:
        """The food's portions as ``(normalized measure, grams per 1 measure)``, USDA order."""
        return [(p.measure, p.grams_per_unit) for p in self._by_food.get(str(food_id), [])]

    # -- volume ---------------------------------------------------------------------------
    def _density_g_per_ml(self, food_id: str) -> float | None:
        portions = self._by_food.get(food_id, [])
        by_unit: dict[str, list[Portion]] = {}
        for portion in portions:
            unit = leading_volume(portion.measure)
            if unit is not None:
                by_unit.setdefault(unit, []).append(portion)
        for unit in DENSITY_PREFERENCE:
            if unit in by_unit:
                best = plainest(by_unit[unit], unit)
                return best.grams_per_unit / VOLUME_UNITS_ML[unit]
        for portion in portions:
            stated = stated_volume_ml(portion.measure)
            if stated and not leading_mass(portion.measure):
                return portion.grams_per_unit / stated
        return None

    def _volume_grams(self, food_id: str, unit: str) -> float | None:
        same = [p for p in self._by_food.get(food_id, []) if leading_volume(p.measure) == unit]
        if same:
            return plainest(same, unit).grams_per_unit
        density = self._density_g_per_ml(food_id)
        if density is None and self._facts is not None and self._facts_is_drink(food_id):
            density = DRINK_DENSITY_FALLBACK_G_PER_ML  # a drink USDA lists by weight only
        return None if density is None else density * VOLUME_UNITS_ML[unit]

    def is_drink(self, food_id: str) -> bool:
        """True when ``oz`` means fluid ounces for this food (see the module docstring)."""
        food_id = str(food_id)
        measures = [p.measure for p in self._by_food.get(food_id, [])]
        named = self._facts is not None and self._facts_is_drink(food_id)
        if not (is_drink(measures) or named):
            return False
        density = self._density_g_per_ml(food_id)
        if density is None:
            return named  # a drink USDA lists by weight only (kefir): fluid ounces
        low, high = DRINK_DENSITY_G_PER_ML
        return low <= density <= high

    def _facts_is_drink(self, food_id: str) -> bool:
        """A drink by its description: a beverage, or a milk, kefir, juice or shake (named
        first: ``Milk, whole``, not ``Yogurt, whole milk``)."""
        assert self._facts is not None
        if self._facts.group(food_id) == DRINK_GROUP:
            return True
        return not DRINK_WORDS.isdisjoint(self._facts.head(food_id).split())

    # -- public ---------------------------------------------------------------------------
    def _grams_per_unit(self, food_id: str, unit: str) -> float | None:
        key = (food_id, unit)
        if key in self._cache:
            return self._cache[key]
        if unit == "oz" and self.is_drink(food_id):
            value: float | None = self._volume_grams(food_id, "fl oz")
        elif unit in MASS_UNITS_G:
            value = MASS_UNITS_G[unit]
        elif unit in VOLUME_UNITS_ML:
            value = self._volume_grams(food_id, unit)
        else:
            value = self._household(food_id, unit)
        if value is not None:
            self._cache[key] = value
        return value

    def grams_per_unit(
        self,
        food_id: str,
        unit: str | None,
        description: str | None = None,
        quantity: float | None = None,
    ) -> float:
        """Grams in one ``unit`` of the food.

        Parameters
        ----------
        food_id : str
            SR28 NDB number, e.g. ``"01077"``.
        unit : str or None
            Any spelling :func:`normalize_unit` understands, or a USDA measure text;
            ``None`` means one whole item (``each``).
        description : str, optional
            The food's description, used in the error message.
        quantity : float, optional
            How many units were eaten: where USDA lists the same household measure at
            several sizes, the one listed for this quantity is used (``1/5 block`` of tofu
            is the ``0.2 block`` portion of a 455 g block, not 1/5 of the 324 g one).

        Returns
        -------
        float
            Mass of one unit. [g]

        Raises
        ------
        UnknownUnitError
            The food has no portion for this unit; the error lists the units it has.
        """
        food_id = str(food_id)
        canonical = "each" if unit is None or not str(unit).strip() else normalize_unit(unit)
        listed = None if quantity is None else self._listed_for(food_id, canonical, quantity)
        value = listed if listed is not None else self._grams_per_unit(food_id, canonical)
        if value is None:
            raise UnknownUnitError(
                "each (a bare count)" if canonical == "each" and not unit else str(unit),
                description or f"food {food_id}",
                self.available_units(food_id),
                package_hint(canonical),
            )
        return value

    def available_units(self, food_id: str) -> list[str]:
        """Units the food can be measured in: mass, volume (if it has a density), its measures.

        Parameters
        ----------
        food_id : str
            SR28 NDB number.

        Returns
        -------
        list of str
            ``g, kg, mg, oz, lb``; then ``ml, l, tsp, tbsp, fl oz, cup, pint, quart`` when the
            food has a volume portion; then its household measures (normalized USDA measure
            texts not starting with a mass or volume unit), in USDA order.
        """
        food_id = str(food_id)
        units = ["g", "kg", "mg", "oz", "lb"]
        if self._density_g_per_ml(food_id) is not None:
            units += ["ml", "l", "tsp", "tbsp", "fl oz", "cup", "pint", "quart"]
        for measure, _ in self.portions(food_id):
            if leading_volume(measure) or leading_mass(measure):
                continue  # covered by the mass and volume units above
            if measure not in units:
                units.append(measure)
        return units

    def grams_for(self, frame: pd.DataFrame) -> pd.DataFrame:
        """Grams for many entries, computed once per distinct (food id, unit).

        Parameters
        ----------
        frame : pandas.DataFrame
            Columns ``food_id`` (str or NA), ``quantity`` (float), ``unit`` (str or NA;
            NA means ``each``). Optional ``description`` for error messages.

        Returns
        -------
        pandas.DataFrame
            Same index: ``grams`` (float, NaN where it cannot be computed) [g] and ``error``
            (str message, <NA> where fine). Rows without a food id get grams only for mass
            units.
        """
        n_rows = len(frame)
        keys = pd.DataFrame({"food_id": frame["food_id"], "unit": frame["unit"]})
        codes = keys.groupby(["food_id", "unit"], dropna=False, sort=False).ngroup().to_numpy()
        n_pairs = int(codes.max()) + 1 if n_rows else 0
        first_rows = np.zeros(n_pairs, dtype=np.int64)
        first_rows[codes[::-1]] = np.arange(n_rows)[::-1]  # first row of each pair
        has_desc = "description" in frame.columns
        quantity = pd.to_numeric(frame["quantity"], errors="coerce").to_numpy(dtype=float)
        factors = np.full(n_pairs, np.nan)
        labels: dict[str, int] = {"missing quantity": 0}
        label_of_pair = np.full(n_pairs, -1, dtype=np.int64)
        for code, first in enumerate(first_rows):
            row = int(first)
            food_id = _text_or_none(frame["food_id"].iat[row])
            unit_arg = _text_or_none(frame["unit"].iat[row])
            description = _text_or_none(frame["description"].iat[row]) if has_desc else None
            message: str | None = None
            if food_id is None:
                canonical = "each" if unit_arg is None else normalize_unit(unit_arg)
                if canonical in MASS_UNITS_G:
                    factors[code] = MASS_UNITS_G[canonical]
                else:
                    message = f"no food to convert {unit_arg or 'a count'!r} to grams"
            else:
                try:
                    factors[code] = self.grams_per_unit(food_id, unit_arg, description)
                except UnknownUnitError as exc:
                    message = str(exc)
            if message is not None:
                label_of_pair[code] = labels.setdefault(message, len(labels))
        factor = factors[codes]
        row_label = label_of_pair[codes]
        row_label[np.isnan(quantity) & ~np.isnan(factor)] = 0  # "missing quantity"
        error = pd.Categorical.from_codes(row_label, categories=pd.Index(list(labels)))
        return pd.DataFrame(
            {
                "grams": pd.Series(quantity * factor, index=frame.index, dtype=float),
                "error": pd.Series(error, index=frame.index).astype("string"),
            }
        )


def _text_or_none(value: object) -> str | None:
    """``str(value)``, or None for a missing value (NA, NaN, None)."""
    return None if value is None or value is pd.NA or value != value else str(value)


#: Density of a drink that USDA lists by weight only (kefir): whole milk's, 244 g per
#: US cup of 236.588 ml (SR28 01077). [g/ml] (C: computed from SR28 portions)
DRINK_DENSITY_FALLBACK_G_PER_ML = 244.0 / ML_PER_US_CUP
#: SR28 food group of drinks: ``oz`` of any of them is fluid ounces.
DRINK_GROUP = "Beverages"
#: Description words of a drink outside that group (milk, kefir, juice ...).
DRINK_WORDS = frozenset(
    {"milk", "kefir", "buttermilk", "juice", "nectar", "drink", "beverage", "smoothie", "shake"}
)


@functools.lru_cache(maxsize=1)
def default_converter() -> UnitConverter:
    """The process-wide converter on the bundled portion and food tables.

    Built once per installation and data version, then loaded from the on-disk cache
    (:mod:`analyzer.foods.cache`, hash-verified like the matcher's): indexing every portion
    and food description takes most of a second, loading it a few hundredths.
    """
    from analyzer.foods.cache import cache_key, cached, source_files
    from analyzer.foods.table import bundled_path, load_foods

    def build() -> UnitConverter:
        return UnitConverter(foods=load_foods())

    try:
        key = cache_key([bundled_path("foods.csv"), *source_files()])
    except OSError:
        return build()
    return cached("units", key, build, UnitConverter)


def grams_per_unit(
    food_id: str,
    unit: str | None,
    description: str | None = None,
    quantity: float | None = None,
) -> float:
    """Grams in one ``unit`` of a food (bundled USDA portions); see :class:`UnitConverter`.

    Examples
    --------
    >>> grams_per_unit("01077", "cup")
    244.0
    """
    return default_converter().grams_per_unit(food_id, unit, description, quantity)


def to_grams(amount: float, unit: str | None, food_id: str) -> float:
    """Mass of ``amount`` ``unit`` of a food. [g]

    Parameters
    ----------
    amount : float
        How many units (>= 0).
    unit : str or None
        Unit or USDA measure; ``None`` means whole items (``each``).
    food_id : str
        SR28 NDB number.

    Returns
    -------
    float
        ``amount * grams_per_unit(food_id, unit)``. [g]

    Raises
    ------
    AmountError
        ``amount`` is negative or not a number.
    UnknownUnitError
        The food has no portion for ``unit``.

    Examples
    --------
    >>> to_grams(2, "cups", "11162")  # 2 x 190 g, collards cooked
    380.0
    """
    if amount is None or (isinstance(amount, float) and np.isnan(amount)):
        raise AmountError(str(amount), "missing amount")
    if amount < 0:
        raise AmountError(str(amount), "negative amount; amounts must be zero or more")
    return float(amount) * grams_per_unit(food_id, unit)


def sizes_listed(food_id: str, unit: str) -> bool:
    """Whether USDA lists a measure of a food at several sizes; see
    :meth:`UnitConverter.sizes_listed`."""
    return default_converter().sizes_listed(food_id, unit)


def available_units(food_id: str) -> list[str]:
    """Units a food can be measured in (bundled portions); see `UnitConverter.available_units`."""
    return default_converter().available_units(food_id)


def grams_for(frame: pd.DataFrame) -> pd.DataFrame:
    """Grams for many entries (bundled portions); see :meth:`UnitConverter.grams_for`."""
    return default_converter().grams_for(frame)
