"""Household measures of a food: its USDA portions, its siblings' sizes and stated defaults.

:class:`HouseholdMeasures` is the part of :class:`analyzer.foods.units.UnitConverter` that
turns a household word into grams for one food, in this order:

1. the food's USDA portion of exactly that measure;
2. a measure led by a mass or volume unit (``cup, chopped``): the same measure with other
   punctuation, else the same unit's portion sharing the most words (``cup, whole pieces``
   is ``cup, whole``), else the bare unit;
3. ``serving``: a USDA portion named serving or NLEA serving, else the FDA reference amount
   of the food's class (:mod:`analyzer.foods.household`), else the whole first portion;
4. a written dimension (``medium - 2 5/8" dia``): the whole-item portion of the nearest
   dimension, the food's own or a sibling's;
5. a household vessel (glass, mug, bottle, can, bowl, scoop, handful, shot, pot): the food's
   own portion named first by it (``can or bottle (12 fl oz)`` is a can, not a bottle),
   else the stated default for its class (a size word such as ``large mug`` does not
   change it);
6. ``each``, ``whole``, ``item``, ``piece``, ``unit`` and a bare count: one whole item
   (:func:`default_count`); ``half`` half of one;
7. any other word matched against the words of the food's portions (``slice``, ``olive``,
   ``floweret``); a size word (``medium``, ``jumbo``) the food lacks is borrowed from a
   sibling (a medium fried egg weighs what a medium raw egg does), a plant part
   (``floweret``, ``spear``, ``stalk``, ``leaf``) from a sibling or a food of the same
   first description part (:data:`PLANT_PARTS`); a word naming the food
   itself counts whole items (``6 wings``).

Where USDA lists the same measure at several sizes, the one listed for the quantity
eaten is used (``1/5 block`` of tofu is the ``0.2 block`` portion).

References
----------
.. [1] U.S. Department of Agriculture, Agricultural Research Service. *USDA National Nutrient
   Database for Standard Reference, Release 28* (2015, rev. 2016), ``WEIGHT.txt``.
"""

from __future__ import annotations

import re

from analyzer.foods.household import VESSELS, FoodFacts, MeasureRule, dimension, load_rules
from analyzer.foods.names import singular
from analyzer.foods.portions import (
    EACH_WORDS,
    NOT_A_COUNT,
    Portion,
    leading_mass,
    leading_mass_unit,
    leading_volume,
    match_words,
    measure_words,
    nearest_dimension,
)
from analyzer.foods.quantities import MASS_UNITS_G, VOLUME_UNITS_ML, normalize_unit

#: Household words USDA writes another way for the same piece (a rasher of bacon is a
#: slice), tried when the food has no portion of that name.
UNIT_FALLBACKS = {"strip": "slice", "rasher": "slice", "floret": "floweret", "pc": "piece"}
#: Parts of a vegetable whose USDA weight a food that lacks them borrows from the same
#: vegetable in another form (a floweret of raw broccoli is the 11 g floweret of SR28's
#: ``Broccoli, flower clusters, raw``): siblings first, then foods of the same first
#: description part.
PLANT_PARTS = frozenset({"floweret", "spear", "stalk", "leaf"})
#: Size words a food may borrow from a sibling's portions (a medium fried egg).
SIZE_WORDS = frozenset({"small", "medium", "large", "extra", "jumbo", "mini", "xl"})


#: A dimension written before the measure (``12" pizza``).
_LEADING_DIMENSION = re.compile(r"^[\d\s/.-]*(?:\"|''|inch(?:es)?|in\b)\s*(?:dia\w*|long)?\s*")


def _dimension_at(text: str) -> int:
    """Where the first number of a written dimension starts."""
    match = re.search(r"\d", text)
    return match.start() if match else len(text)


def _item_words(portion: Portion) -> list[str]:
    """The words of a count portion without its size words (``slice`` of ``slice, large``)."""
    return [w for w in measure_words(portion.measure) if w not in SIZE_WORDS]


def _dimension_kind(portion: Portion) -> str:
    """What the measure's stated dimension measures (``dia``, ``long``); "" if none."""
    found = dimension(portion.measure)
    return "" if found is None else found[1]


def _is_sized(portion: Portion) -> bool:
    return not SIZE_WORDS.isdisjoint(measure_words(portion.measure))


def default_count(counts: list[Portion]) -> Portion:
    """The portion a bare count means, of a food's whole-item portions (none named each,
    whole, piece or medium): the first in USDA order, unless it is a size (``large``,
    ``slice, large``); then the same item without a size word (``slice``; for a bare size,
    any item of a stated dimension: ``fruit (2-5/8" dia)`` of an orange, not its ``large
    (3-1/16" dia)``), else the middle of three or more sizes by weight.

    Parameters
    ----------
    counts : list of Portion
        The food's whole-item portions in USDA order (none led by a mass or volume unit).

    Returns
    -------
    Portion
        The portion one item weighs. [g per item in ``grams_per_unit``]

    Examples
    --------
    >>> orange = [Portion(2, 'large (3-1/16" dia)', 184.0, 184.0),
    ...           Portion(3, 'small (2-3/8" dia)', 96.0, 96.0),
    ...           Portion(4, 'fruit (2-5/8" dia)', 131.0, 131.0)]
    >>> default_count(orange).measure
    'fruit (2-5/8" dia)'
    """
    first = counts[0]
    if not _is_sized(first):
        return first
    item = _item_words(first)
    kind = _dimension_kind(first)
    group = [
        p
        for p in counts
        if _item_words(p) == item or (not item and kind and _dimension_kind(p) == kind)
    ]
    plain = [p for p in group if not _is_sized(p)]
    if plain:
        return plain[0]
    if len(group) >= 3:
        return sorted(group, key=lambda p: p.grams_per_unit)[(len(group) - 1) // 2]
    return first


class HouseholdMeasures:
    """Household measures for the foods of a portion table (a mixin of the converter)."""

    _by_food: dict[str, list[Portion]]
    _facts: FoodFacts | None

    def _grams_per_unit(self, food_id: str, unit: str) -> float | None:
        raise NotImplementedError  # the converter's own lookup (mass, volume, household)

    def _household(self, food_id: str, unit: str) -> float | None:
        portions = self._by_food.get(food_id, [])
        exact = [p for p in portions if p.measure == unit]
        if exact:
            return exact[0].grams_per_unit
        lead = leading_volume(unit) or leading_mass_unit(unit)
        if lead is not None:
            # "cup cooked", "cup chopped": the same measure with other punctuation, else the unit
            bare = measure_words(unit)
            same = [p for p in portions if measure_words(p.measure) == bare]
            if same:
                return same[0].grams_per_unit
            # "cup, whole pieces": the cup portion sharing most words ("cup, whole")
            shared = [
                (len(set(bare[1:]) & set(measure_words(p.measure))), -p.seq, p)
                for p in portions
                if leading_volume(p.measure) == lead and len(bare) > 1
            ]
            best = max(shared, key=lambda s: s[:2]) if shared else None
            if best is not None and best[0] > 0:
                return best[2].grams_per_unit
            return self._grams_per_unit(food_id, lead)
        if unit == "serving":
            return self._serving(food_id, portions)
        found = dimension(unit)
        if found is not None:
            sized = self._by_dimension(food_id, portions, found)
            if sized is not None:
                return sized
            head = re.sub(r"\s*(?:\(|-|\bof\b|\ba\b|\s)*$", "", unit[: _dimension_at(unit)])
            if not head:  # '12" pizza': the measure follows the dimension
                head = re.sub(
                    r"^[\d\s/.-]*(?:\"|''|inch(?:es)?|in\b)\s*(?:dia\w*|long)?\s*", "", unit
                )
            if not head or head == unit:
                return None
            grams = self._grams_per_unit(food_id, head)
            return None if grams is None else grams * self._size_ratio(food_id, found)
        words = measure_words(unit)
        vessel = next((w for w in words if w in VESSELS), None)
        if vessel is not None:
            return self._vessel(food_id, portions, vessel)
        if unit in EACH_WORDS:
            return self._each(food_id, portions)
        if unit == "half":
            half = match_words(portions, "half")
            whole = self._each(food_id, portions)
            return half.grams_per_unit if half else (None if whole is None else whole / 2)
        return self._named(food_id, portions, unit, words)

    def _named(
        self, food_id: str, portions: list[Portion], unit: str, words: list[str]
    ) -> float | None:
        """A measure named by its words: on the food, then (size words) on its siblings."""
        found = match_words(portions, unit)
        if found is None and len(words) > 1 and not re.search(r"[,(]", unit):
            # "large egg" -> "large"; "medium carrot" -> "medium" (a raw carrot's), "carrot"
            found = match_words(portions, words[0])
            if found is None and words[0] in SIZE_WORDS:
                borrowed = self._from_siblings(food_id, words[0])
                if borrowed is not None:
                    return borrowed
                found = match_words(portions, words[-1])
        if found is None and re.search(r"[,(]", unit):
            head = re.split(r"\s*[,(]", unit, maxsplit=1)[0].strip()
            if head and head != unit:
                return self._grams_per_unit(food_id, head)
        if found is None and SIZE_WORDS.issuperset(words):
            return self._from_siblings(food_id, unit)
        if found is None and unit in UNIT_FALLBACKS:
            return self._grams_per_unit(food_id, UNIT_FALLBACKS[unit])
        if found is None and unit in PLANT_PARTS:
            return self._from_relatives(food_id, unit)
        if found is None and self._names_food(food_id, words):
            return self._each(food_id, portions)  # "6 wings" of "Chicken, wing"
        return None if found is None else found.grams_per_unit

    def _names_food(self, food_id: str, words: list[str]) -> bool:
        """True when the unit is the food itself, counted (``wing`` of a chicken wing)."""
        if self._facts is None or not words:
            return False
        described = {singular(w) for w in self._facts.text(food_id).split()}
        return {singular(w) for w in words} <= described

    def _from_siblings(self, food_id: str, unit: str) -> float | None:
        """A size or count portion borrowed from the same food in another state (a medium
        fried egg weighs what a medium raw egg does)."""
        if self._facts is None or unit in EACH_WORDS:
            return None
        for sibling in self._facts.siblings(food_id):
            found = match_words(self._by_food.get(sibling, []), unit)
            if found is not None:
                return found.grams_per_unit
        return None

    def _from_relatives(self, food_id: str, unit: str) -> float | None:
        """A plant part borrowed from a sibling, else from a food of the same first
        description part (see :data:`PLANT_PARTS`)."""
        if self._facts is None:
            return None
        for other in (*self._facts.siblings(food_id), *self._facts.relatives(food_id)):
            found = match_words(self._by_food.get(other, []), unit)
            if found is not None:
                return found.grams_per_unit
        return None

    def _by_dimension(
        self, food_id: str, portions: list[Portion], found: tuple[float, str]
    ) -> float | None:
        """The portion nearest a written dimension (the food's own, else a sibling's)."""
        best = nearest_dimension(portions, *found)
        if best is None and self._facts is not None:
            for sibling in self._facts.siblings(food_id):
                best = nearest_dimension(self._by_food.get(sibling, []), *found)
                if best is not None:
                    break
        return None if best is None else best.grams_per_unit

    def _size_ratio(self, food_id: str, found: tuple[float, str]) -> float:
        """How much bigger the written size is than the one the description states: by
        area for a diameter (a 12" pizza is (12/14)^2 of the 14" pizza), by length for a
        length; 1 when the description states none."""
        if self._facts is None:
            return 1.0
        stated = dimension(self._facts.description(food_id))
        if stated is None or stated[1] != found[1] or stated[0] <= 0:
            return 1.0
        ratio = found[0] / stated[0]
        return ratio**2 if found[1] == "dia" else ratio

    def _rule_grams(self, food_id: str, rule: MeasureRule) -> float | None:
        """Grams of a rule's amount of this food (a volume through the food's density)."""
        per_unit = self._grams_per_unit(food_id, "oz wt" if rule.unit == "oz" else rule.unit)
        return None if per_unit is None else rule.amount * per_unit

    def _vessel(self, food_id: str, portions: list[Portion], vessel: str) -> float | None:
        """A glass, mug, bottle, bowl, scoop, handful ...: the food's own plain USDA portion
        of that name, else the stated default (``data/household_measures.csv``)."""
        # a measure offering several vessels counts for the one it names first ("can or
        # bottle (12 fl oz)" is a can; today's single-serve bottle is bigger)
        plain = [p for p in portions if measure_words(p.measure)[:1] == [vessel]]
        own = match_words(plain, vessel)
        if own is not None:
            return own.grams_per_unit
        if self._facts is None:
            return None
        rule = self._facts.rule(load_rules("household_measures.csv"), food_id, vessel)
        return None if rule is None else self._rule_grams(food_id, rule)

    def _serving(self, food_id: str, portions: list[Portion]) -> float | None:
        """The food's labelled serving: a USDA portion named serving or NLEA serving, else
        the FDA reference amount of its class (``data/serving_sizes.csv``), else the whole
        first USDA portion."""
        for word in ("serving", "nlea serving"):
            named = match_words(portions, word)
            if named is not None and measure_words(named.measure)[0] == word.split()[0]:
                return named.grams_per_unit
        if self._facts is not None:
            rule = self._facts.rule(load_rules("serving_sizes.csv"), food_id)
            grams = None if rule is None else self._rule_grams(food_id, rule)
            if grams is not None:
                return grams
        return portions[0].gram_weight if portions else None

    def _each(self, food_id: str, portions: list[Portion]) -> float | None:
        for word in (*EACH_WORDS, "medium"):
            named = match_words(portions, word)
            if named is not None:
                return named.grams_per_unit
        counts = [
            p
            for p in portions
            if not (leading_volume(p.measure) or leading_mass(p.measure))
            and not p.measure.startswith(NOT_A_COUNT)
        ]
        if counts:
            return default_count(counts).grams_per_unit
        return self._from_siblings(food_id, "medium")

    def sizes_listed(self, food_id: str, unit: str) -> bool:
        """True when USDA lists this household measure of the food at several sizes (then
        the grams depend on the quantity: ``0.25 block`` and ``0.2 block`` of tofu)."""
        canonical = normalize_unit(unit)
        if canonical in MASS_UNITS_G or canonical in VOLUME_UNITS_ML:
            return False
        wanted = measure_words(canonical)
        same = {
            round(p.grams_per_unit, 6)
            for p in self._by_food.get(str(food_id), [])
            if measure_words(p.measure) == wanted
        }
        return len(same) > 1

    def _listed_for(self, food_id: str, unit: str, quantity: float) -> float | None:
        """A household measure USDA lists at this very quantity, when it lists the measure
        at several sizes (``0.25 block`` = 81 g and ``0.2 block`` = 91 g of tofu)."""
        if unit in MASS_UNITS_G or unit in VOLUME_UNITS_ML or not quantity > 0:
            return None
        wanted = measure_words(unit)
        same = [p for p in self._by_food.get(food_id, []) if measure_words(p.measure) == wanted]
        if len({round(p.grams_per_unit, 6) for p in same}) < 2:
            return None
        listed = [p for p in same if abs(p.gram_weight / p.grams_per_unit - quantity) < 1e-6]
        return listed[0].grams_per_unit if listed else None
