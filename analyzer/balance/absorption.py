"""Absorption classes of foods: calcium absorptive index and phosphorus source class.

Each food is put in one calcium class (``absorption_index.csv``) and one phosphorus class
(``phosphorus_bioavailability.csv``) from its USDA description, its category and, when known,
its SR28 food group. Unmatched app rows are classified from the name as written. The rules
work on each distinct food once, not per diary row.

Calcium classes, first rule that applies wins:

1. ``tofu_calcium_set``: tofu prepared with a calcium salt (index 0.88; Weaver et al. 2017).
2. Oxalate-rich foods measured by Weaver et al. (2017): ``amaranth`` (Chinese spinach, 0.26),
   ``rhubarb`` (0.22); then ``high_oxalate``: spinach, Swiss chard, beet greens, purslane,
   parsley (0.12, spinach; Heaney et al. 1988). Oxalate mainly hinders the calcium of the
   same food. Mustard spinach (tendergreen) is a Brassica, not a spinach.
3. ``dairy``: category ``dairy`` or milk, cheese, yogurt, kefir, cream, whey (1.0: the
   reference food of Weaver's load equation).
4. ``fortified_juice`` / ``fortified``: juices and other foods with added calcium (1.07 and
   0.71, from Weaver's orange juice + CCM and soy milk + TCP). "Without added calcium" and
   the preservative calcium propionate are not fortification.
5. Low-oxalate Brassicas, per green where a measurement exists: ``bok_choy`` (1.15),
   ``broccoli`` (1.12), ``kale`` (1.00) from Weaver's table; ``turnip_greens`` (1.16) and
   ``mustard_greens`` (1.25) from secondary values (tag S); every other Brassica (collards,
   arugula, watercress, cabbage, cauliflower, Brussels sprouts, kohlrabi, broccoli raab,
   mustard spinach) is ``low_oxalate_brassica`` (1.00, assumed equal to kale).
6. ``sweet_potato``: sweet potatoes (0.42; Weaver's table), not their leaves.
7. ``legume``: beans, lentils, chickpeas, soy foods, peanuts (0.5).
8. ``default`` (0.5, an explicit assumption).

Phosphorus classes: ``additive`` (sodas, processed meats, processed cheese: ~100 %),
``animal`` (meat, fish, poultry, eggs, dairy: 50 %), ``plant`` (phytate P: 30 %),
``mixed`` (mixed dishes, baked goods, sweets and unknown foods: 62.5 %, IOM 1997).

References
----------
.. [1] Weaver CM et al. 2017, Curr Osteoporos Rep (PMC5442193), Table 1.
.. [2] Heaney RP et al. 1988, Am J Clin Nutr 47:707.
.. [3] Renal Replacement Therapy 2017, Table 1 (10.1186/s41100-017-0095-x).
.. [4] IOM 1997, DRIs for Ca, P, Mg, Vitamin D and Fluoride, p. 173.
"""

from __future__ import annotations

import math
import re
from collections.abc import Callable

import numpy as np
import pandas as pd

from analyzer.errors import DataFileError
from analyzer.reference import coefficient, load_table

CALCIUM_CLASSES = (
    "dairy",
    "kale",
    "bok_choy",
    "broccoli",
    "turnip_greens",
    "mustard_greens",
    "low_oxalate_brassica",
    "high_oxalate",
    "amaranth",
    "rhubarb",
    "sweet_potato",
    "tofu_calcium_set",
    "fortified_juice",
    "fortified",
    "legume",
    "default",
)
PHOSPHORUS_CLASSES = ("additive", "animal", "plant", "mixed")

_TOFU_CALCIUM = re.compile(r"\btofu\b.*\bcalcium\b|\bcalcium\b.*\btofu\b")
_MUSTARD_SPINACH = re.compile(r"\b(mustard spinach|tendergreen|komatsuna)\b")
_AMARANTH = re.compile(r"\b(amaranth leaves|chinese spinach|amaranth greens)\b")
_RHUBARB = re.compile(r"\brhubarb\b")
_HIGH_OXALATE = re.compile(
    r"\b(spinach|chard|beet greens|amaranth leaves|purslane|parsley|rhubarb)\b"
)
_DAIRY = re.compile(
    r"^(milk|cheese|cheeses|yogurt|yoghurt|kefir|buttermilk|cream|ice cream|whey|"
    r"cottage cheese|cream cheese|ricotta|mozzarella|cheddar|parmesan|skyr|quark)\b"
)
_FORTIFIED = re.compile(
    r"(?<!without )added calcium|calcium[- ]fortified|fortified with calcium|"
    r"calcium[- ]enriched|(?<!without )with calcium(?! propionate)|\+ ?calcium"
)
_JUICE = re.compile(r"\bjuice\b")
_BRASSICA = re.compile(
    r"\b(collards?|collard greens|kale|bok[- ]?choy|pak[- ]?cho[iy]|"
    r"chinese cabbage|cabbage|mustard greens|mustard spinach|tendergreen|komatsuna|"
    r"turnip greens|broccoli|broccoli raab|rapini|arugula|rocket|watercress|cress|"
    r"cauliflower|brussels sprouts|kohlrabi)\b"
)
#: Greens named like Brassicas that are not: swamp cabbage is water spinach (Ipomoea).
_NOT_BRASSICA = re.compile(r"\b(swamp|skunk) cabbage\b")
#: Brassicas with their own index, checked in this order within a Brassica's name.
_BRASSICA_SPECIES = (
    ("bok_choy", re.compile(r"\b(bok[- ]?choy|pak[- ]?cho[iy])\b")),
    ("broccoli", re.compile(r"\bbroccoli\b(?! raab)(?!, chinese)")),
    ("kale", re.compile(r"\bkale\b")),
    ("turnip_greens", re.compile(r"\bturnip greens\b")),
    ("mustard_greens", re.compile(r"\bmustard greens\b")),
)
_SWEET_POTATO = re.compile(r"\bsweet ?potato(es)?\b(?!.*\bleaves\b)")
_LEGUME = re.compile(
    r"\b(beans?|lentils?|chickpeas?|garbanzo|soybeans?|cowpeas|split peas|hummus|tofu|tempeh|"
    r"edamame|soymilk|soy milk|peanuts?|peanut butter)\b"
)

_ADDITIVE = re.compile(
    r"\b(cola|colas|pepper-type|sausages?|frankfurters?|hot ?dogs?|bologna|salami|pepperoni|"
    r"ham|bacon|luncheon|bratwurst|kielbasa|chorizo|pastrami|corned beef|jerky|nuggets|"
    r"cheese food|cheese spread|cheese product|processed? cheese|pasteurized process|"
    r"american cheese|velveeta|cheez|spam)\b"
)
#: "Pork, fresh, leg (ham)": the cut, not cured ham with phosphate additives.
_FRESH_HAM = re.compile(r"\bleg \(ham\)")
_ANIMAL = re.compile(
    r"^(beef|pork|lamb|veal|goat|bison|venison|game meat|chicken|turkey|duck|goose|quail|"
    r"ostrich|emu|poultry|fish|salmon|tuna|cod|sardines?|shrimp|crab|lobster|crustaceans|"
    r"mollusks|oysters?|clams?|mussels|eggs?|milk|cheese|yogurt|yoghurt|kefir|buttermilk|"
    r"cream|butter|whey|ice cream|steak|hamburger|ground beef|liver)\b"
)
_MIXED = re.compile(
    r"^(fast foods?|restaurant|school lunch|pizza|sandwich|burrito|lasagna|soup|babyfood|"
    r"macaroni and cheese|taco|chili con carne|daily total|breakfast|lunch|dinner|snacks?)\b"
)

_ADDITIVE_GROUPS = frozenset({"Sausages and Luncheon Meats"})
_ANIMAL_GROUPS = frozenset(
    {
        "Beef Products",
        "Pork Products",
        "Lamb, Veal, and Game Products",
        "Poultry Products",
        "Finfish and Shellfish Products",
        "Dairy and Egg Products",
    }
)
_MIXED_GROUPS = frozenset(
    {
        "Fast Foods",
        "Meals, Entrees, and Side Dishes",
        "Restaurant Foods",
        "Soups, Sauces, and Gravies",
        "Baby Foods",
        "Baked Products",
        "Sweets",
        "American Indian/Alaska Native Foods",
    }
)
_LEGUME_GROUPS = frozenset({"Legumes and Legume Products"})


def _first_segment(text: str) -> str:
    return text.split(",", 1)[0].strip()


def _brassica_species(text: str) -> str:
    """The per-green class of a Brassica, or ``low_oxalate_brassica`` for the others."""
    for name, pattern in _BRASSICA_SPECIES:
        if pattern.search(text):
            return name
    return "low_oxalate_brassica"


def calcium_class(text: str, category: str = "other", food_group: str = "") -> str:
    """Calcium absorption class of one food.

    Parameters
    ----------
    text : str
        USDA description, or the name as written for an unmatched food (any case).
    category : str
        The food's category (``dairy``, ``greens``, ...).
    food_group : str
        SR28 food group when known, else ``""``.

    Returns
    -------
    str
        One of :data:`CALCIUM_CLASSES`.

    Examples
    --------
    >>> calcium_class("Spinach, cooked, boiled, drained, without salt", "greens")
    'high_oxalate'
    >>> calcium_class("Collards, cooked, boiled, drained, without salt", "greens")
    'low_oxalate_brassica'
    >>> calcium_class("Soymilk, original and vanilla, with added calcium, vitamins A and D")
    'fortified'
    """
    lower = text.lower()
    first = _first_segment(lower)
    if _TOFU_CALCIUM.search(lower):
        return "tofu_calcium_set"
    if _AMARANTH.search(first):
        return "amaranth"
    if _RHUBARB.search(first):
        return "rhubarb"
    if _HIGH_OXALATE.search(first) and not _MUSTARD_SPINACH.search(first):
        return "high_oxalate"
    if category == "dairy" or _DAIRY.search(first):
        return "dairy"
    if _FORTIFIED.search(lower):
        return "fortified_juice" if _JUICE.search(lower) else "fortified"
    if _BRASSICA.search(first) and not _NOT_BRASSICA.search(first):
        return _brassica_species(lower if first in ("cabbage", "broccoli") else first)
    if _SWEET_POTATO.search(first):
        return "sweet_potato"
    if food_group in _LEGUME_GROUPS or _LEGUME.search(first):
        return "legume"
    return "default"


def phosphorus_class(
    text: str, category: str = "other", food_group: str = "", matched: bool = True
) -> str:
    """Phosphorus source class of one food.

    Parameters
    ----------
    text : str
        USDA description, or the name as written for an unmatched food.
    category : str
        The food's category; ``soda`` counts as additive-rich (phosphoric acid in colas),
        ``red_meat`` and ``dairy`` as animal.
    food_group : str
        SR28 food group when known, else ``""``.
    matched : bool
        Whether the food is a known USDA food. An unknown food that no rule recognises is
        ``mixed`` (the IOM mixed-diet figure) rather than ``plant``.

    Returns
    -------
    str
        One of :data:`PHOSPHORUS_CLASSES`.

    Examples
    --------
    >>> phosphorus_class("Beverages, carbonated, cola, regular", "soda")
    'additive'
    >>> phosphorus_class("Beef, ground, 85% lean meat / 15% fat, patty", "red_meat")
    'animal'
    >>> phosphorus_class("Beans, white, mature seeds, cooked, boiled, without salt")
    'plant'
    >>> phosphorus_class("Daily total", matched=False)
    'mixed'
    """
    lower = text.lower()
    first = _first_segment(lower)
    cured = _FRESH_HAM.sub("leg", lower)  # fresh pork leg is not cured ham
    if category == "soda" or food_group in _ADDITIVE_GROUPS or _ADDITIVE.search(cured):
        return "additive"
    if food_group in _MIXED_GROUPS or _MIXED.search(first):
        return "mixed"
    if category in ("red_meat", "dairy") or food_group in _ANIMAL_GROUPS or _ANIMAL.search(first):
        return "animal"
    return "plant" if matched else "mixed"


def _text_column(frame: pd.DataFrame, name: str) -> pd.Series:
    if name in frame.columns:
        return frame[name].astype("string").fillna("")
    return pd.Series("", index=frame.index, dtype="string")


def classify(entries: pd.DataFrame) -> pd.DataFrame:
    """Absorption classes and factors for every entry, computed once per distinct food.

    Parameters
    ----------
    entries : DataFrame
        Diary entries with ``description`` (USDA), ``food`` (as written), ``category``,
        ``food_id`` and, optionally, ``food_group``.

    Returns
    -------
    DataFrame
        Same index, columns ``absorption_class``, ``calcium_absorption_index`` (relative to
        milk), ``phosphorus_class`` and ``phosphorus_absorption`` (fraction absorbed).
    """
    description = _text_column(entries, "description")
    food = _text_column(entries, "food")
    category = _text_column(entries, "category")
    group = _text_column(entries, "food_group")
    if "food_id" in entries.columns:
        matched = entries["food_id"].notna().to_numpy(dtype=bool)
    else:
        matched = (description != "").to_numpy(dtype=bool)
    # Combine per-column codes into one integer key: classify each distinct food once.
    combined = np.zeros(len(entries), dtype=np.int64)
    for column in (description, food, category, group):
        column_codes, column_uniques = pd.factorize(column)
        combined = combined * (len(column_uniques) + 1) + column_codes
    combined = combined * 2 + matched.astype(np.int64)
    _, first_rows, codes = np.unique(combined, return_index=True, return_inverse=True)
    ca_classes: list[str] = []
    p_classes: list[str] = []
    for row in first_rows:
        d, f, c, g = (str(column.iat[row]) for column in (description, food, category, group))
        text = d if d else f
        ca_classes.append(calcium_class(text, c, g))
        p_classes.append(phosphorus_class(text, c, g, matched=bool(matched[row])))
    ca_index = load_table("absorption_index.csv").set_index("absorption_class")["index"]
    p_fraction = load_table("phosphorus_bioavailability.csv").set_index("phosphorus_class")[
        "fraction"
    ]
    ca_unique = np.asarray(ca_classes, dtype=object)
    p_unique = np.asarray(p_classes, dtype=object)
    ca_factor = ca_index.reindex(ca_unique).to_numpy(dtype=float)
    p_factor = p_fraction.reindex(p_unique).to_numpy(dtype=float)
    return pd.DataFrame(
        {
            "absorption_class": pd.array(ca_unique[codes], dtype="string"),
            "calcium_absorption_index": ca_factor[codes],
            "phosphorus_class": pd.array(p_unique[codes], dtype="string"),
            "phosphorus_absorption": p_factor[codes],
        },
        index=entries.index,
    )


def fractional_absorption_milk(load_mg: np.ndarray | pd.Series) -> np.ndarray:
    """Weaver's load equation for milk, clipped to [0, 1]. [fraction]

    FA = 0.889 - 0.0964 ln(load), with the load floored where FA would exceed 1.

    Parameters
    ----------
    load_mg : array-like
        Calcium load of the eating occasion. [mg]

    Examples
    --------
    >>> [round(float(x), 4) for x in fractional_absorption_milk(np.array([290.0, 0.0]))]
    [0.3424, 1.0]
    """
    intercept = coefficient("weaver_intercept")
    slope = coefficient("weaver_slope")
    floor = math.exp((intercept - 1.0) / slope)
    load = np.maximum(np.asarray(load_mg, dtype=float), floor)
    return np.clip(intercept - slope * np.log(load), 0.0, 1.0)


#: Eating occasions per day assumed when turning the calcium target into absorbable calcium:
#: the target is imagined as three equal dairy meals (an assumption, stated in the report).
MEALS_PER_DAY = 3


def absorbed_calcium_mg(load_mg: np.ndarray, absorption_class: str) -> np.ndarray:
    """Absorbable calcium of one eating occasion of a single food class. [mg]

    ``load x min(1, FA_milk(load) x index)``, the balance engine's rule
    (:func:`fractional_absorption_milk`, Weaver et al. 2017) with the index of
    ``absorption_class`` from ``absorption_index.csv``.

    Parameters
    ----------
    load_mg : array
        Calcium eaten in the occasion. [mg]
    absorption_class : str
        One of :data:`CALCIUM_CLASSES` (``dairy``, ``low_oxalate_brassica``, ...).

    Examples
    --------
    1 cup cooked collards, 267.9 mg: FA = 0.889 - 0.0964 ln 267.9 = 0.35007 -> 93.78 mg.

    >>> round(float(absorbed_calcium_mg(np.array([267.9]), "low_oxalate_brassica")[0]), 2)
    93.78
    """
    load = np.asarray(load_mg, dtype=float)
    fraction = np.minimum(fractional_absorption_milk(load) * class_index(absorption_class), 1.0)
    return load * fraction


def class_index(absorption_class: str) -> float:
    """The absorptive index of a calcium class relative to milk (``absorption_index.csv``)."""
    table = load_table("absorption_index.csv").set_index("absorption_class")["index"]
    if absorption_class not in table.index:
        raise DataFileError(
            "absorption_index.csv",
            f"has no absorption class {absorption_class!r}",
            f"use one of {', '.join(map(str, table.index))}",
        )
    return float(table[absorption_class])


def dairy_absorbed(load_mg: float) -> float:
    """Absorbable calcium of one dairy meal of ``load_mg`` calcium (index of ``dairy``). [mg]"""
    return float(absorbed_calcium_mg(np.array([load_mg]), "dairy")[0])


def target_absorbable_calcium_mg(
    calcium_target_mg: float,
    dairy_absorbed: Callable[[float], float],
    meals_per_day: int = MEALS_PER_DAY,
) -> float:
    """Absorbable-calcium target: what the calcium RDA/AI yields absorbed, eaten as dairy.

    The DRI for calcium is an intake; the diary's calcium is scored as absorbable calcium
    (Weaver's load equation per eating occasion). To compare like with like, the target is the
    calcium the RDA/AI would deliver if eaten as dairy (the reference food of the equation) in
    ``meals_per_day`` equal meals: ``meals x absorbed(target / meals)``. A diary that meets
    the RDA with dairy spread over three meals meets this target exactly; one that gets the
    same calcium from spinach falls far short.

    Parameters
    ----------
    calcium_target_mg : float
        Calcium RDA or AI. [mg/day]
    dairy_absorbed : callable
        ``dairy_absorbed(load_mg) -> absorbable_mg`` for one dairy meal. [mg]
    meals_per_day : int
        Equal meals the target is split into (an assumption; default 3).

    Returns
    -------
    float
        Target absorbable calcium. [mg/day]

    Examples
    --------
    With the milk equation and index 1.0, 1,000 mg in three meals of 333.3 mg:
    FA = 0.889 - 0.0964 ln(333.3) = 0.3290, so 3 x 333.3 x 0.3290 = 329.0 mg.

    >>> milk = lambda load: load * (0.889 - 0.0964 * math.log(load))
    >>> round(target_absorbable_calcium_mg(1000.0, milk), 1)
    329.0
    """
    if not calcium_target_mg > 0:
        return math.nan
    per_meal = calcium_target_mg / meals_per_day
    return float(meals_per_day * dairy_absorbed(per_meal))


ABSORBABLE_TARGET_DEFINITION = (
    "absorbable-calcium target = the calcium RDA/AI eaten as dairy in {meals} equal meals, "
    "absorbed by Weaver's load equation FA = 0.889 - 0.0964 ln(load) (Weaver et al. 2017, "
    "Curr Osteoporos Rep; V): {meals} x {per_meal:.0f} mg x {fa:.1%} = {target:.0f} mg/day"
)


def absorbable_calcium_target(calcium_target_mg: float) -> tuple[float, str]:
    """The absorbable-calcium target for a calcium RDA/AI, and its one-line definition.

    See :func:`target_absorbable_calcium_mg`: the RDA/AI eaten as dairy in
    three equal meals, absorbed by Weaver's load equation (dairy index 1.0).

    Returns
    -------
    target : float
        [mg/day]
    definition : str
        The definition with its numbers, for the report.
    """
    target = target_absorbable_calcium_mg(calcium_target_mg, dairy_absorbed)
    meals = MEALS_PER_DAY
    per_meal = calcium_target_mg / meals
    fa = target / calcium_target_mg if calcium_target_mg > 0 else math.nan
    text = ABSORBABLE_TARGET_DEFINITION.format(
        meals=meals, per_meal=per_meal, fa=fa, target=target
    )
    return target, text
