"""Food categories for the diuretic-load groups and the greens suggestions.

Every SR28 food gets exactly one category:

``red_meat``
    Everything in the SR28 groups *Beef Products*, *Pork Products* and *Lamb, Veal, and Game
    Products* (game includes bison, venison, rabbit, squirrel ...). *Sausages and Luncheon
    Meats* are red meat unless they are made only from poultry (``Turkey bacon``, ``Bologna,
    turkey``, ``Chicken spread``, chicken or goose liver pate): a product counts as red meat as
    soon as it names beef, pork, veal, lamb, mutton or "meat" (``Frankfurter, meat and
    poultry``), or names no animal at all (``Ham, chopped``, ``Blood sausage``). Outside those
    groups, plain meat of red-meat animals also counts: ``Babyfood, meat, beef``, and the game
    and marine-mammal meats of the *American Indian/Alaska Native Foods* group (caribou,
    moose, elk, deer, bison/buffalo, bear, mutton, seal, whale, walrus, sea lion, squirrel) --
    but not stews, soups or oils made from them. Mixed dishes (burgers, pizza, sandwiches,
    entrees, soups) are ``other``: their share of meat is not known.
``dairy``
    *Dairy and Egg Products* except eggs and egg products, the milk fats, and the non-dairy
    imitations in that group (cream and milk substitutes, dessert and whipped toppings,
    imitation cheese, "non-butterfat" dressings), human milk, and protein or nutritional
    supplements. The milk fats are one rule with one reason: butter and butter oil, cream
    (including half and half and whipped cream), sour cream and cream cheese are fats eaten by
    the spoonful, and USDA MyPlate leaves them out of the Dairy Group ("foods made from milk
    that have little to no calcium, such as cream cheese, cream, and butter, are not"); they
    are ``other``. Their calcium is still milk calcium for absorption
    (:mod:`analyzer.balance.absorption`). Plus ice cream, frozen yogurt and milk-based
    frozen novelties (*Sweets*), milk shakes and sundaes (*Fast Foods*, *Beverages*), and
    beverages made from milk or whey (``... prepared with whole milk``, ``milk beverage``,
    whey protein powders) unless they are coffee or tea drinks or plant "milks" (soy,
    almond, rice, coconut, oat). Milk chocolate candy, puddings and cheese-containing mixed
    dishes are *not* dairy.
``soda``
    *Beverages* that are carbonated soft drinks, sugared or diet: colas, pepper-type, lemon-
    lime, orange, grape, citrus (``yellow green colored citrus soft drink with caffeine``),
    root beer, ginger ale, cream soda, tonic water, and the caffeinated energy drinks (Red
    Bull, Monster, AMP, Rockstar, NOS ..., all sold carbonated). Plain carbonated waters (club
    soda, sparkling mineral water) are water, not soda, and alcoholic drinks are never soda.
``coffee``
    *Beverages* naming coffee: brewed, espresso, instant (also instant coffee with chicory,
    which has caffeine), decaffeinated, and ready-to-drink coffee drinks (mocha, latte,
    "coffee and cocoa"). Coffee liqueurs are alcohol; coffee substitutes (cereal-grain
    beverages) contain no coffee and are ``other``.
``tea``
    Brewed, instant and ready-to-drink tea, including herbal teas (chamomile, hibiscus), in
    the *Beverages* and *American Indian/Alaska Native Foods* groups.
``greens``
    Dark-green leafy vegetables and leafy brassicas of the *Vegetables and Vegetable Products*
    group, following the "dark-green vegetables" subgroup of the Dietary Guidelines: amaranth
    leaves, arugula, beet greens, bok choy (pak-choi), broccoli (incl. Chinese broccoli and
    broccoli raab), chard, chicory greens, chrysanthemum leaves, collards, cress and
    watercress, dandelion greens, dock, kale, lambsquarters, mustard greens, mustard spinach,
    nettles, poke shoots, romaine and green-leaf lettuce, spinach (incl. New Zealand and vine
    spinach), the leaves of taro, sweet potato, pumpkin, cowpea, jute, drumstick, winged bean
    and bitter melon, turnip greens. Not greens: green beans, peppers, peas, cabbage heads
    (incl. napa), pale lettuces, Brussels sprouts, seaweed (algae, not a leaf vegetable; not
    in the Guidelines' list), culinary herbs (eaten by the gram), and any dish or soup that
    merely contains greens. Anything outside the vegetable groups (e.g. a Chardonnay wine) is
    never greens.
``other``
    Everything else (poultry, fish, eggs, grains, fruit, legumes, alcohol, water, juices ...).

The food group (SR28 ``FD_GROUP``) is the first key, the description words the second.

References
----------
.. [1] U.S. Department of Agriculture and U.S. Department of Health and Human Services.
   *Dietary Guidelines for Americans, 2020-2025*, 9th ed., Appendix 3, "Vegetable
   subgroups: dark-green vegetables" (2020).
.. [2] U.S. Department of Agriculture, Agricultural Research Service. *USDA National Nutrient
   Database for Standard Reference, Release 28*, food groups ``FD_GROUP.txt`` (2015, rev. 2016).
"""

from __future__ import annotations

from typing import Final

import numpy as np
import pandas as pd

# SR28 food group names (FD_GROUP.txt).
BEEF: Final = "Beef Products"
PORK: Final = "Pork Products"
LAMB_VEAL_GAME: Final = "Lamb, Veal, and Game Products"
SAUSAGES: Final = "Sausages and Luncheon Meats"
DAIRY_EGG: Final = "Dairy and Egg Products"
BEVERAGES: Final = "Beverages"
VEGETABLES: Final = "Vegetables and Vegetable Products"
SWEETS: Final = "Sweets"
FAST_FOODS: Final = "Fast Foods"
RESTAURANT: Final = "Restaurant Foods"
BABY_FOODS: Final = "Baby Foods"
NATIVE: Final = "American Indian/Alaska Native Foods"

RED_MEAT_GROUPS: Final = frozenset({BEEF, PORK, LAMB_VEAL_GAME})

# --- red meat -------------------------------------------------------------------------------
_RED_SPECIES = r"\b(?:beef|pork|veal|lamb|mutton|goat|venison|bison|buffalo|(?<!luncheon )meat)\b"
_POULTRY = r"\b(?:chicken|turkey|poultry|goose|duck)\b"
_MEATLESS = r"\b(?:meatless|vegetarian|soy|tofu)\b"
_BABY_RED = r"^babyfood, meat, (?:beef|veal|pork|ham|lamb|meat sticks)\b"
_NATIVE_RED = (
    r"^(?:caribou|moose|elk|deer|buffalo|bison|bear|mutton|seal|whale|walrus|sea lion|squirrel)"
    r"\b"
)

# --- dairy ----------------------------------------------------------------------------------
#: Milk fats, eaten by the spoonful, outside MyPlate's Dairy Group: butter, cream (half and
#: half, whipped cream), sour cream, cream cheese.
_MILK_FATS = r"^butter\b|\bbutter oil\b|^cream\b|^sour cream\b|^cheese, cream\b|cream cheese base"
_NOT_DAIRY_IN_DAIRY_GROUP = (
    r"^eggs?\b|\begg (?:substitute|mix)\b|substitute|imitation"
    r"|dessert topping|whipped topping|non-butterfat|\bhuman\b|supplement|" + _MILK_FATS
)
_FROZEN_DAIRY = (
    r"^(?:ice creams?|light ice cream|fat free ice cream|frozen yogurts?"
    r"|frozen novelties, ice cream type|milk dessert)\b"
)
_SHAKE_SUNDAE = r"\b(?:shakes?|milkshakes?|sundaes?|ice cream|frozen yogurt)\b"
_NOT_SHAKE = r"\(for sundaes\)|\bpeanuts\b|\btoppings?\b|\bsyrup\b"
_MILK_DRINK = (
    r"prepared with (?:whole|fat free|nonfat|skim|reduced fat|lowfat|low fat|1%|2%)[^,]* milk"
    r"|\bmilk beverage\b|\bwhey\b|\bmilk based\b|\bdairy drink\b|\bmilkshake\b|^shake\b"
)
_PLANT_MILK = r"\b(?:soy|soymilk|almond|rice milk|coconut|oat|slimfast|muscle milk)\b"

# --- soda -----------------------------------------------------------------------------------
_SODA = (
    r"(?<!non-)\bcarbonated\b|(?<!coca-)\bcolas?\b|\bsoda\b|root beer|ginger ale"
    r"|pepper-type|tonic water|energy drink|\bsoft drink\b"
)
_NOT_SODA = (
    r"\bclub soda\b|mineral water|\bwater, bottled\b|sparkling mineral|^alcoholic"
    r"|\bwine\b|(?<!root )\bbeer\b"
)

# --- coffee and tea -------------------------------------------------------------------------
_COFFEE = r"\bcoffee\b"
_NOT_COFFEE = r"\bliqueur\b|^alcoholic|coffee substitute"
_TEA = r"\btea\b|\bnestea\b"
_ALCOHOL = r"^alcoholic"

# --- greens ---------------------------------------------------------------------------------
GREENS_HEADS: Final = frozenset(
    {
        "amaranth leaves",
        "arugula",
        "beet greens",
        "borage",
        "broccoli",
        "broccoli raab",
        "chard",
        "chicory greens",
        "chrysanthemum",
        "chrysanthemum leaves",
        "collards",
        "cress",
        "dandelion greens",
        "dock",
        "sourdock",
        "drumstick leaves",
        "jute",
        "kale",
        "lambsquarters",
        "malabar spinach",
        "mustard greens",
        "mustard spinach",
        "new zealand spinach",
        "pokeberry shoots",
        "pumpkin leaves",
        "spinach",
        "stinging nettles",
        "sweet potato leaves",
        "taro leaves",
        "turnip greens",
        "turnip greens and turnips",
        "vinespinach",
        "watercress",
        "winged bean leaves",
    }
)
"""First comma-separated part of a description (lower case) that makes a vegetable a green."""

_GREENS_OTHER = (
    r"^cabbage, chinese \(pak-choi\)|^lettuce, (?:cos or romaine|green leaf)\b"
    r"|^cowpeas, leafy tips|^balsam-pear \(bitter gourd\), leafy tips"
)
GREENS_GROUPS: Final = frozenset({VEGETABLES, NATIVE})


def _head(descriptions: pd.Series) -> pd.Series:
    """First comma-separated part of each description, lower case, without region tags."""
    head = descriptions.str.split(",", n=1).str[0].str.strip()
    return head.str.replace(r"\s*\((?:alaska native|northern plains indians)\)$", "", regex=True)


def categorize_frame(df: pd.DataFrame) -> pd.Series:
    """Categorize many foods at once (vectorized).

    Parameters
    ----------
    df : pandas.DataFrame
        Columns ``description`` (SR28 long description) and ``food_group`` (SR28 food group
        name, e.g. ``"Beef Products"``). Missing values are treated as empty text.

    Returns
    -------
    pandas.Series
        One of :data:`CATEGORIES` per row, same index as ``df``, dtype ``str``.

    Examples
    --------
    >>> frame = pd.DataFrame(
    ...     {
    ...         "description": ["Beverages, carbonated, cola, regular", "Turkey bacon"],
    ...         "food_group": ["Beverages", "Sausages and Luncheon Meats"],
    ...     }
    ... )
    >>> categorize_frame(frame).tolist()
    ['soda', 'other']
    """
    desc = df["description"].astype("string").fillna("").str.lower().str.strip()
    group = df["food_group"].astype("string").fillna("").str.strip()

    def has(pattern: str) -> pd.Series:
        return desc.str.contains(pattern, regex=True).astype(bool)

    in_group = {name: (group == name).astype(bool) for name in group.unique()}

    def grp(*names: str) -> pd.Series:
        mask = pd.Series(False, index=df.index)
        for name in names:
            if name in in_group:
                mask = mask | in_group[name]
        return mask

    poultry_only = has(_POULTRY) & ~has(_RED_SPECIES)
    red_meat = (
        grp(*RED_MEAT_GROUPS)
        | (grp(SAUSAGES) & ~poultry_only & ~has(_MEATLESS) & ~has(r"\bpate, (?:chicken|goose)"))
        | (grp(BABY_FOODS) & has(_BABY_RED))
        | (grp(NATIVE) & has(_NATIVE_RED))
    )

    beverage = grp(BEVERAGES)
    soda = beverage & has(_SODA) & ~has(_NOT_SODA)
    coffee = beverage & has(_COFFEE) & ~has(_NOT_COFFEE)
    tea = grp(BEVERAGES, NATIVE) & has(_TEA) & ~has(_ALCOHOL)

    dairy = (
        (grp(DAIRY_EGG) & ~has(_NOT_DAIRY_IN_DAIRY_GROUP))
        | (grp(SWEETS, FAST_FOODS, RESTAURANT) & has(_FROZEN_DAIRY))
        | (grp(FAST_FOODS, RESTAURANT) & has(_SHAKE_SUNDAE) & ~has(_NOT_SHAKE))
        | (beverage & has(_MILK_DRINK) & ~has(_PLANT_MILK) & ~has(_ALCOHOL))
    )

    head = _head(desc)
    greens = grp(*GREENS_GROUPS) & (head.isin(GREENS_HEADS).astype(bool) | has(_GREENS_OTHER))

    conditions = [red_meat, soda, coffee, tea, dairy, greens]
    choices = ["red_meat", "soda", "coffee", "tea", "dairy", "greens"]
    values = np.select([c.to_numpy(dtype=bool) for c in conditions], choices, default="other")
    return pd.Series(values, index=df.index, dtype=str, name="category")


def categorize(description: str, food_group: str) -> str:
    """Category of one food.

    Parameters
    ----------
    description : str
        SR28 long description, e.g. ``"Milk, chocolate, fluid, commercial, whole"``.
    food_group : str
        SR28 food group name, e.g. ``"Dairy and Egg Products"``.

    Returns
    -------
    str
        One of :data:`CATEGORIES`; see the module docstring for the rules.

    Examples
    --------
    >>> categorize("Beverages, coffee, brewed, prepared with tap water", "Beverages")
    'coffee'
    >>> categorize("Alcoholic beverage, wine, table, white, Chardonnay", "Beverages")
    'other'
    """
    frame = pd.DataFrame({"description": [description], "food_group": [food_group]})
    return str(categorize_frame(frame).iloc[0])
