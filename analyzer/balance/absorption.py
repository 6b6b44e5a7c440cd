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
3. ``dairy``: category ``dairy`` or milk, cheese, yogurt, kefir, cream, butter, whey (1.0:
   the reference food of Weaver's load equation), and cheese dishes and pizza, whose calcium
   is mostly cheese (Weaver's cheddar is absorbed as milk).
4. ``fortified_juice`` / ``fortified``: juices and other foods with added calcium (1.07 and
   0.71, from Weaver's orange juice + CCM and soy milk + TCP). "Without added calcium" and
   the preservative calcium propionate are not fortification.
5. Breads from Weaver's table: ``bread_whole_wheat`` (whole-wheat bread, 1.37) and
   ``bread`` (other yeast breads, rolls, buns and bagels: 1.27, Weaver's calcium-sulfate
   bread; US commercial bread gets most of its calcium from calcium salts in the dough).
6. Low-oxalate Brassicas, per green where a measurement exists: ``bok_choy`` (1.15),
   ``broccoli`` (1.12), ``kale`` (1.00) from Weaver's table; ``turnip_greens`` (1.16) and
   ``mustard_greens`` (1.25) from secondary values (tag S); every other Brassica (collards,
   arugula, watercress, cabbage, cauliflower, Brussels sprouts, kohlrabi, broccoli raab,
   mustard spinach) is ``low_oxalate_brassica`` (1.00, assumed equal to kale).
7. ``sweet_potato``: sweet potatoes (0.42; Weaver's table), not their leaves.
8. ``legume``: beans, lentils, chickpeas, soy foods, peanuts (0.5).
9. ``default`` (0.5, an explicit assumption, tag M): the report says how much of the week's
   calcium rests on it (:func:`default_index_share`).

Phosphorus classes: ``additive`` (sodas, processed meats, processed cheese: ~100 %; bread
rolls named after what goes in them, "Rolls, hamburger or hotdog", are not),
``animal`` (meat, fish, poultry, eggs, dairy: 50 %), ``plant`` (phytate P: 30 %),
``mixed`` (mixed dishes, baked goods, sweets and unknown foods: 62.5 %, IOM 1997).

References
----------
.. [1] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193), Table 1.
.. [2] Heaney RP et al. 1988, Am J Clin Nutr 47:707.
.. [3] Renal Replacement Therapy 2017, Table 1 (10.1186/s41100-017-0095-x).
.. [4] IOM 1997, DRIs for Ca, P, Mg, Vitamin D and Fluoride, p. 173.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analyzer.balance.weaver import absorbable_calcium_target as absorbable_calcium_target
from analyzer.balance.weaver import absorbed_calcium_mg as absorbed_calcium_mg
from analyzer.balance.weaver import class_index as class_index
from analyzer.balance.weaver import fractional_absorption_milk as fractional_absorption_milk
from analyzer.balance.weaver import target_absorbable_calcium_mg as target_absorbable_calcium_mg
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
    "bread_whole_wheat",
    "bread",
    "default",
    # supplements, by form and by how taken (set by :mod:`analyzer.balance.supplements`)
    "supplement_with_meal",
    "supplement_carbonate_fasting",
    "supplement_citrate_fasting",
    "supplement_citrate_malate",
    "supplement_phosphate",
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
    r"^(milk|cheese|cheeses|yogurt|yoghurt|kefir|buttermilk|cream|sour cream|ice cream|whey|"
    r"butter(?! beans)|"
    r"cottage cheese|cream cheese|ricotta|mozzarella|cheddar|parmesan|skyr|quark)\b"
)
#: Dishes whose calcium is mostly cheese: pizza, cheeseburgers, macaroni and cheese, ...
_CHEESE_DISH = re.compile(r"\bpizzas?\b|\bcheese(burgers?|s)?\b|\bquesadillas?\b")
#: Not a cheese dish: plant "cheese", cheesecake is a dessert with cream cheese (dairy anyway).
_NOT_CHEESE_DISH = re.compile(r"\b(imitation|substitute|vegan|soy|non-?dairy)\b")
#: Yeast breads (first segment of the description): Weaver's breads.
_BREAD = re.compile(r"^(breads?|rolls?|buns?|bagels?|english muffins?|pita)\b")
_WHOLE_WHEAT = re.compile(r"\bwhole[- ]wheat\b|\bwhole[- ]grain\b|\b100% whole\b")
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

#: Bread rolls named after what goes in them ("Rolls, hamburger or hotdog") are bread.
_ROLLS = re.compile(r"^(rolls?|buns?)\b")
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
    >>> calcium_class("Fast Food, Pizza Chain, 14 inch pizza, pepperoni topping")
    'dairy'
    >>> calcium_class("Rolls, hamburger or hotdog, plain")
    'bread'
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
    if _CHEESE_DISH.search(lower) and not _NOT_CHEESE_DISH.search(lower):
        return "dairy"
    if _FORTIFIED.search(lower):
        return "fortified_juice" if _JUICE.search(lower) else "fortified"
    if _BREAD.search(first):
        return "bread_whole_wheat" if _WHOLE_WHEAT.search(lower) else "bread"
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
    >>> phosphorus_class("Rolls, hamburger or hotdog, plain")
    'plant'
    """
    lower = text.lower()
    first = _first_segment(lower)
    cured = _FRESH_HAM.sub("leg", lower)  # fresh pork leg is not cured ham
    named = _ADDITIVE.search(cured) and not _ROLLS.search(first)
    if category == "soda" or food_group in _ADDITIVE_GROUPS or named:
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


def default_index_share(calcium_mg: float, default_calcium_mg: float) -> tuple[float, str]:
    """Share of calcium resting on the default absorption index, and its grade.

    Parameters
    ----------
    calcium_mg : float
        All calcium (of a day or a week's per-day average). [mg]
    default_calcium_mg : float
        The part in foods of class ``default`` (index 0.5, tag M). [mg]

    Returns
    -------
    share : float
        NaN when there is no calcium. [fraction]
    grade : {"good", "fair", "poor", "unknown"}
        ``good`` up to ``default_index_share_fair`` (0.10), ``fair`` up to
        ``default_index_share_poor`` (0.33), ``poor`` above: this tool's thresholds (C).

    Examples
    --------
    >>> default_index_share(700.0, 350.0)
    (0.5, 'poor')
    >>> default_index_share(700.0, 35.0)
    (0.05, 'good')
    """
    if not calcium_mg > 0 or np.isnan(default_calcium_mg):
        return float("nan"), "unknown"
    share = default_calcium_mg / calcium_mg
    if share <= coefficient("default_index_share_fair"):
        return share, "good"
    return share, "fair" if share <= coefficient("default_index_share_poor") else "poor"
