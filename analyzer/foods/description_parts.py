"""The parts of USDA food descriptions: core noun, variants, staples and word postings.

``Spinach, frozen, chopped or leaf, unprepared`` is split once into its parts, word tokens,
*core* part (the food's own noun, after class words such as ``Beverages`` or a brand),
head region, content words and variant flags (dry, canned, babyfood, brand ...);
:class:`analyzer.foods.index.FoodIndex` builds its postings from them.

The word lists are editorial choices of this project (``data/name_words.csv``,
``data/variant_penalties.csv``), not literature values.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass
from functools import lru_cache

import numpy as np
import pandas as pd

from analyzer.foods.names import (
    JOIN_WORDS,
    STOP_WORDS,
    canonical_spelling,
    segments,
    strip_parentheses,
    tokens,
    word_list,
)
from analyzer.foods.words import variant_penalties, word_set

#: Variants a person rarely means unless the words say so: (name, trigger words, penalty).
VARIANT_PENALTIES = variant_penalties()

VARIANT_NAMES = [name for name, _, _ in VARIANT_PENALTIES]
#: Variants that cost only where the same food also comes without them (packaging and
#: preparation, not a different product such as a brand or a fast-food dish).
RELATIVE_VARIANTS = word_set("relative_variant")
#: SR28 food groups that are themselves a variant (a chain restaurant's steak is not the
#: steak a person cooked).
FOOD_GROUP_VARIANTS = {
    "fast food": "Fast Foods",
    "restaurant": "Restaurant Foods",
    "babyfood": "Baby Foods",
    "regional": "American Indian/Alaska Native Foods",
}

#: Column of the brand flag in :attr:`FoodIndex.flags`.
BRAND_COLUMN = [name for name, _, _ in VARIANT_PENALTIES].index("brand")

#: Dishes and product classes whose head word names a different food than its parts
#: (``Soup, black bean`` is not black beans): penalised unless the query names them.
DISH_HEADS = word_set("dish_head")
#: The last words of the dish heads (``pie``, ``soup``, ``dressing``).
DISH_HEAD_WORDS = frozenset(phrase.split()[-1] for phrase in DISH_HEADS)
#: Dish heads that only classify a product whose own name follows (``Snacks, potato
#: chips`` is potato chips, while ``Soup, black bean`` is not black beans).
SNACK_CLASS_HEADS = frozenset({"snack", "candy"})
#: Dish heads of what is made for another food (``Sauce, fish``, ``Salad dressing,
#: caesar``): never the food the rest names. A soup, a cookie or a frozen novelty is the
#: food its name says (``Soup, minestrone`` is minestrone).
CONDIMENT_HEADS = frozenset({"sauce", "gravy", "salad dressing"})

#: Words USDA writes only inside brand names that are also ordinary words in a logged
#: name (``mac and cheese``, ``bbq chicken``): never taken as a maker's name.
NOT_BRAND_WORDS = word_set("not_brand")

#: First parts of USDA descriptions that name a class, not the food (``Beverages, tea``).
GENERIC_HEADS = word_set("generic_head")

#: Words before a variant word that make it not the variant (``not fortified``,
#: ``from concentrate``).
VARIANT_NEGATORS = frozenset({"not", "from", "without"})

#: Last words of a core that do not name another food (``Nuts, coconut meat`` is coconut).
NOT_COMPOUND_HEADS = word_set("not_compound_head")

#: Words negating the next one in a description (``Chili, no beans``, ``non-soy``).
NEGATION_WORDS = frozenset({"no", "non", "without"})

#: Description words that say nothing about which variant it is (no extra-word penalty).
BOILERPLATE_WORDS = word_set("boilerplate")

#: Description words of a processed, not raw, food.
PROCESSED_WORDS = word_set("processed")

#: Description words of a cooked food.
COOKING_WORDS = word_set("cooking")

#: SR28 food groups of staples eaten cooked (grains and pasta, dried legumes). Their
#: raw / dry / uncooked form is the default only when a name asks for it.
GRAIN_GROUP = "Cereal Grains and Pasta"
LEGUME_GROUP = "Legumes and Legume Products"
VEGETABLE_GROUP = "Vegetables and Vegetable Products"
#: SR28 food groups of meat, poultry and fish: logged as eaten, cooked, unless "raw" is
#: said (diaries, like 24-hour recalls, record food as eaten).
MEAT_GROUPS = frozenset(
    {
        "Beef Products",
        "Pork Products",
        "Lamb, Veal, and Game Products",
        "Poultry Products",
        "Finfish and Shellfish Products",
        "Sausages and Luncheon Meats",
    }
)
#: SR28 food groups of fruits and vegetables: raw (fresh) unless a preparation is said.
PRODUCE_GROUPS = frozenset({"Fruits and Fruit Juices", VEGETABLE_GROUP})
#: Description words of a legume eaten cooked in the Vegetables group (lima beans,
#: cowpeas, broadbeans: ``Lima beans, immature seeds, raw``).
STAPLE_VEGETABLE_PHRASE = "immature seed"
#: Words that make a Legumes-group food a pulse (the dried seed, cooked before eating):
#: ``Beans, white, mature seeds, raw``, ``Lentils, raw``. Other legume products (peanuts,
#: tofu, soymilk, hummus, peanut butter, tempeh) are eaten as they are.
PULSE_WORDS = frozenset({"seed", "lentil", "soybean"})
#: First core words of Cereal Grains foods eaten or weighed as they are: oats (rolled and
#: steel-cut oats are weighed dry; ``oatmeal`` is the cooked dish, an alias).
NOT_COOKED_STAPLES = frozenset({"oat"})
#: Description words of a staple in the form it is eaten (cooked, canned, sprouted ...).
EATEN_FORM_WORDS = word_set("eaten_form")

#: Words of a staple's uncooked state (description or name).
UNCOOKED_WORDS = frozenset(word_list("raw dry dried uncooked unprepared dehydrated"))

#: Longest brand-only word still read as a food word (``b``, ``amp``). [characters]
BRAND_WORD_MIN_LENGTH = 3

#: Most descriptions that may use a brand word outside the brand (``Clif Z bar``)
#: for a query word to still name that brand.
BRAND_WORD_MAX_PLAIN_USES = 2

#: Description phrases (normalised tokens) of the variety that stands for all kinds (beef
#: of ``all grades``, not ``choice`` or ``select``).
GENERIC_VARIETY_PHRASES = (
    "mixed specy",
    "all type",
    "all variety",
    "all commercial variety",
    "all grade",
)

#: A word in capitals: SR28 writes brand names so (``KELLOGG'S``).
ALL_CAPS = re.compile(r"\b[A-Z][A-Z'&.]{2,}\b")


def postings(words_per_food: list[list[str]]) -> dict[str, np.ndarray]:
    """Map each token to the sorted positions of the foods whose list holds it."""
    found: dict[str, list[int]] = {}
    for pos, words in enumerate(words_per_food):
        for word in set(words):
            found.setdefault(word, []).append(pos)
    return {w: np.array(p, dtype=np.int64) for w, p in found.items()}


@lru_cache(maxsize=65536)
def affirmed(phrase: str) -> str:
    """A token phrase without negated words: ``chili no bean`` is not beans."""
    words = phrase.split()
    kept: list[str] = []
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in NEGATION_WORDS:
            skip = True
        else:
            kept.append(word)
    return " ".join(kept)


def strip_non_heads(core: list[str]) -> list[str]:
    """A core without trailing words that name no food (``meat`` of ``coconut meat``)."""
    words = list(core)
    while len(words) > 1 and words[-1] in NOT_COMPOUND_HEADS:
        words.pop()
    return words


def compound_head(core: list[str], classes: set[str] | frozenset[str] = frozenset()) -> list[str]:
    """The head word of a multi-word core (``dressing`` of ``salad dressing``), if any; a
    core word repeating the food's class (``nut`` of ``Nuts, cashew nuts``) is none, unless
    what it follows is a dish (``Spices, pumpkin pie spice`` is a spice, not a pie)."""
    stripped = strip_non_heads(core)
    words = without_class(stripped, classes)
    if words != stripped and words[-1:] and words[-1] in DISH_HEAD_WORDS:
        words = stripped
    return words[-1:] if len(set(words)) > 1 else []


def without_class(core: list[str], classes: set[str] | frozenset[str]) -> list[str]:
    """A core without the words that repeat its class part (``Nuts, cashew nuts``: the
    ``nut`` of ``cashew nuts`` says again what ``Nuts`` said), unless nothing is left."""
    kept = [w for w in core if w not in classes]
    return kept if kept else core


def _is_brand_part(raw: str) -> bool:
    """A description part written in capitals: a maker or product name (``KELLOGG``)."""
    return bool(ALL_CAPS.fullmatch(raw.strip().split(" ")[0])) and raw.upper() == raw


def _core_index(parts: list[str], raw_parts: list[str]) -> int:
    """Index of the first part naming the food (skipping class words and brand parts)."""
    fallback = 0
    for i, (part, raw) in enumerate(zip(parts, raw_parts, strict=True)):
        is_brand = _is_brand_part(raw)
        if part not in GENERIC_HEADS and not is_brand:
            return i
        if part not in GENERIC_HEADS:
            fallback = i  # only brand parts: the last one names the product (CHEERIOS)
    return fallback


def variant_flags(words_per_food: list[list[str]]) -> np.ndarray:
    """Which foods are which variant: hold a trigger word or phrase, not negated.

    ``dry heat`` is a cooking method and ``from concentrate`` a ready juice, ``not
    fortified`` is plain: none of them is the variant.

    Returns
    -------
    ndarray of bool, shape (foods, len(VARIANT_PENALTIES))
        The ``brand`` column is left False (see :class:`FoodIndex`).
    """
    single = frozenset(t for _, ts, _ in VARIANT_PENALTIES for t in ts if " " not in t)
    affirmed: list[set[str]] = []
    texts: list[str] = []
    for words in words_per_food:
        last = len(words) - 1
        affirmed.append(
            {
                w
                for k, w in enumerate(words)
                if w in single
                and (k == 0 or words[k - 1] not in VARIANT_NEGATORS)
                and (k == last or words[k + 1] != "heat")
            }
        )
        texts.append(f" {' '.join(words)} ")
    flags = np.zeros((len(words_per_food), len(VARIANT_PENALTIES)), dtype=bool)
    for j, (name, triggers, _) in enumerate(VARIANT_PENALTIES):
        if name == "brand":
            continue
        words_j = frozenset(t for t in triggers if " " not in t)
        phrases = [f" {t} " for t in triggers if " " in t]
        flags[:, j] = [
            not found.isdisjoint(words_j) or any(p in text for p in phrases)
            for found, text in zip(affirmed, texts, strict=True)
        ]
    return flags


def is_content(word: str) -> bool:
    """A description word that tells variants apart (not boilerplate, not a number)."""
    return word not in BOILERPLATE_WORDS and not word.rstrip("%").replace(".", "").isdigit()


def staples(
    table: pd.DataFrame, core_tok: list[list[str]], all_tok: list[list[str]]
) -> tuple[np.ndarray, np.ndarray]:
    """Which foods are staples eaten cooked, and which of those are in raw / dry form.

    A staple is a Cereal Grains and Pasta food (except :data:`NOT_COOKED_STAPLES`), a
    Legumes food that is a pulse (:data:`PULSE_WORDS`), or a Vegetables-group legume whose
    description says ``immature seeds`` (lima beans, cowpeas). Its uncooked form is one
    whose description names no :data:`EATEN_FORM_WORDS` (``Beans, white, mature seeds,
    raw``, ``Millet, raw``, ``Buckwheat``, ``Rice flour, brown``).

    Returns
    -------
    staple, uncooked : ndarray of bool
        Per food.
    """
    n = len(core_tok)
    if "food_group" not in table.columns:
        return np.zeros(n, dtype=bool), np.zeros(n, dtype=bool)
    groups = table["food_group"].astype("string").fillna("")
    texts = [" ".join(w) for w in all_tok]
    grain = (groups == GRAIN_GROUP).to_numpy(bool) & np.array(
        [not (c and c[0] in NOT_COOKED_STAPLES) for c in core_tok], dtype=bool
    )
    pulse = (groups == LEGUME_GROUP).to_numpy(bool) & np.array(
        [not PULSE_WORDS.isdisjoint(w) for w in all_tok], dtype=bool
    )
    vegetable = (groups == VEGETABLE_GROUP).to_numpy(bool) & np.array(
        [STAPLE_VEGETABLE_PHRASE in t for t in texts], dtype=bool
    )
    staple = grain | pulse | vegetable
    eaten = np.array([not EATEN_FORM_WORDS.isdisjoint(w) for w in all_tok], dtype=bool)
    return staple, staple & ~eaten


@dataclass(frozen=True)
class ParsedDescriptions:
    """The descriptions split into parts and word lists (see :class:`FoodIndex`)."""

    parts: list[list[str]]
    all_tok: list[list[str]]
    head_tok: list[list[str]]
    core_tok: list[list[str]]
    sub_tok: list[list[str]]
    plain_tok: list[list[str]]
    plain_head_tok: list[list[str]]
    makers: list[set[str]]
    classes: list[set[str]]

    @classmethod
    def of(cls, descriptions: Iterable[str]) -> ParsedDescriptions:
        """Parse each description once."""
        raw_parts = [segments(d) for d in descriptions]
        parts = [
            [affirmed(canonical_spelling(" ".join(tokens(p)))) for p in ps] for ps in raw_parts
        ]
        core_at = [_core_index(p, r) for p, r in zip(parts, raw_parts, strict=True)]
        all_tok: list[list[str]] = []
        head_tok: list[list[str]] = []
        core_tok: list[list[str]] = []
        sub_tok: list[list[str]] = []
        plain_tok: list[list[str]] = []
        plain_head_tok: list[list[str]] = []
        makers: list[set[str]] = []
        for ps, rs, ci in zip(parts, raw_parts, core_at, strict=True):
            # Brand parts before the core name the maker (``KELLOGG``), not the product.
            maker = {w for r in rs[:ci] if _is_brand_part(r) for w in tokens(r)}
            makers.append(maker)
            all_tok.append([w for p in ps for w in p.split()])
            head_tok.append([w for p in ps[: ci + 3] for w in p.split()])
            plain = [
                affirmed(canonical_spelling(" ".join(tokens(strip_parentheses(r))))) for r in rs
            ]
            plain_tok.append([w for p in plain for w in p.split()])
            plain_head_tok.append([w for p in plain[: ci + 2] for w in p.split()])
            core_words = tokens(strip_parentheses(rs[ci])) if rs else []
            if "or" in core_words[1:]:  # "hazelnuts or filberts": the first name is the core
                core_words = core_words[: core_words.index("or")]
            core_tok.append(
                [w for w in core_words if w not in STOP_WORDS | JOIN_WORDS and w not in maker]
            )
            sub_tok.append(ps[ci + 1].split() if len(ps) > ci + 1 else [])
        classes = [
            {w for p in ps[:ci] for w in p.split()} for ps, ci in zip(parts, core_at, strict=True)
        ]
        return cls(
            parts, all_tok, head_tok, core_tok, sub_tok, plain_tok, plain_head_tok, makers, classes
        )
