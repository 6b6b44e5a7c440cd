"""How much of a name each candidate food explains: weighted word coverage.

The name's words are weighted (head noun most, then content and preparation words, side
and form words least); each candidate gets the weighted share of them its description
explains. Words joined by ``or`` count as one. A word that no candidate explains and that
names no food is a qualifier SR28 does not use (``yellow`` onions) and weighs little; a
word naming another food left unexplained gates a meat dish (``Mandarin Orange Chicken``
is not plain chicken). :mod:`analyzer.foods.score` turns the coverage into a score.

The weights are editorial choices of this project, calibrated on the labelled dev names
(``tests/data/matching``); they are not literature values.
"""

from __future__ import annotations

import numpy as np

from analyzer.foods.index import COOKING_WORDS, UNCOOKED_WORDS, FoodIndex
from analyzer.foods.names import ParsedName
from analyzer.foods.words import word_set

#: Weight of the query's head noun in the coverage score (other content words weigh 1).
HEAD_WEIGHT = 3.0
#: Weight of an ordinary content word of the query.
CONTENT_WEIGHT = 1.0
#: Weight of a preparation word (cooked, raw, canned ...).
PREPARATION_WEIGHT = 1.0
#: Weight of a form the food is sold in (``frozen``, ``canned``, ``dried``): a food in
#: another form is the nearest sibling (``frozen mango`` is raw mango, method ``sibling``).
FORM_STATE_WEIGHT = 0.5
#: The forms weighed so.
FORM_STATES = frozenset({"frozen", "canned", "dried", "smoked", "pickled"})
#: Weight of a form or portion word (slice, fillet ...).
FORM_WEIGHT = 0.3
#: Weight of a side (``milk`` in ``coffee with milk``, ``cream cheese`` in ``bagel with
#: cream cheese``), shared by its words.
SIDE_WEIGHT = 0.5
#: Credit for a name word found only in a description's "with" part (``egg`` of ``Potato
#: salad with egg``, ``jelly`` of ``Doughnuts, with jelly filling``). [0-1]
WITH_PART_CREDIT = 0.5
#: Weight of a group of words joined by ``or`` (``yellow or white`` onions): any one of
#: them explains it, and a food naming none of them (``Onions, raw``) is still close.
ALTERNATIVES_WEIGHT = 0.5
#: Weight of a word that is in no description (often a brand: ``Horizon Whole Milk``).
UNKNOWN_WORD_WEIGHT = 0.5
#: Words never taken as a mere qualifier, though no candidate explains them: they say
#: the food is a dish or a serving format (``burrito bowl``, ``falafel wrap``).
NOT_QUALIFIERS = word_set("not_qualifier")
#: Heads of dishes and product classes (``pie``, ``soup``, ``cake``): the words before them
#: say which dish, never a mere qualifier.
DISH_WORDS = frozenset(w for phrase in word_set("dish_head") for w in phrase.split()[-1:])
#: Fruits, herbs and spices that name a flavour of another food (``strawberry`` jam,
#: ``peppermint`` tea, ``vanilla`` ice cream): left unexplained they are a qualifier, except
#: in a meat dish (``orange chicken``).
FLAVOUR_WORDS = word_set("flavour")
#: Largest weighted share of the name's words that may be other foods the description does
#: not explain (``apple`` of ``apple cider vinegar`` is 1 of 5; ``Mandarin Orange
#: Chicken`` is not plain chicken: 1 of 4). [0-1]
MAX_UNEXPLAINED_FOOD_SHARE = 0.2
#: Weight of a name word that no candidate explains and that names no food: a qualifier
#: SR28 does not use (``yellow`` onions, ``cow's`` milk, ``plain`` toast).
UNUSED_QUALIFIER_WEIGHT = 0.25
#: Penalty per other food a description names that the name does not (a flavour or an
#: ingredient: ``egg`` of ``Bagels, egg``), at most :data:`OTHER_FOODS_CAP`. [score points]
OTHER_FOOD_PENALTY = 6.0
OTHER_FOODS_CAP = 2

#: Cooking methods USDA names differently (``dry heat`` is how SR28 cooks fish).
COOKING_EQUIVALENTS: dict[str, tuple[str, ...]] = {
    "grilled": ("broiled", "heat"),
    "broiled": ("grilled", "heat"),
    "baked": ("roasted", "heat"),
    "roasted": ("baked", "heat", "roast"),
    "roast": ("roasted", "baked", "heat"),
    "steamed": ("boiled", "moist"),
    "sauteed": ("stir", "fried"),
    "boiled": ("steamed", "moist"),
    "stewed": ("moist",),
    "braised": ("moist",),
}


def _word_credit(index: FoodIndex, w: str, candidates: np.ndarray, side: set[str]) -> np.ndarray:
    """Per candidate, how much of one name word its description explains (0, 0.5 or 1)."""
    present = index.mask(index.all_postings, w)[candidates]
    plain = w not in COOKING_WORDS and w not in UNCOOKED_WORDS and w not in ("raw", "cooked")
    if plain and (w in side or w not in index.with_only_postings):
        return present.astype(float)
    partial = np.zeros(candidates.size)
    if w not in side:  # ``egg`` of ``Potato salad with egg`` is a side, half the food
        with_only = index.mask(index.with_only_postings, w)[candidates]
        partial = np.where(present & with_only, WITH_PART_CREDIT, 0.0)
        present &= ~with_only
    if w == "cooked":  # any cooking method is cooked (``pan-broiled``)
        present |= index.has_cooked[candidates]
    elif w in COOKING_WORDS:  # an equivalent method counts, another one half
        for same in COOKING_EQUIVALENTS.get(w, ()):
            present |= index.mask(index.all_postings, same)[candidates]
        partial = np.maximum(partial, 0.5 * (index.has_cooked[candidates] & ~present))
    elif w == "raw":  # raw is the state of a food with no preparation named
        present |= ~index.has_cooked[candidates] & ~index.prepared[candidates]
    if w in UNCOOKED_WORDS:  # ``dry lentils`` are ``Lentils, raw``
        present |= index.uncooked_staple[candidates]
    return np.maximum(present.astype(float), partial)


def query_coverage(
    index: FoodIndex, parsed: ParsedName, candidates: np.ndarray, is_hint: np.ndarray
) -> tuple[np.ndarray, np.ndarray, np.ndarray, np.ndarray]:
    """Weighted share of the name's words each candidate explains, the kept alias hint,
    whether name words naming another food are left unexplained, and how many full-weight
    words (content and preparation words) are left unexplained.

    Words joined by ``or`` count as one (any of them explains the group). A word that no
    candidate explains and that names no food (a qualifier SR28 does not use: ``yellow``
    onions, ``cow's`` milk) weighs only :data:`UNUSED_QUALIFIER_WEIGHT`, so it does not
    sink the match; a food word keeps its weight (``Mandarin Orange Chicken`` is not
    plain chicken).
    """
    head = str(parsed.head)
    weights = _word_weights(index, parsed)
    side = set(parsed.side)
    named = set(parsed.content)
    combination = "combination" in parsed.flags
    # the words before a dish's head name the dish (``fish pie``, ``spring roll``)
    dish = head in DISH_WORDS or head in NOT_QUALIFIERS
    groups = [g for g in parsed.alternatives if head not in g]
    units: list[tuple[float, np.ndarray, bool]] = []  # (weight, credit, required)
    grouped = {w for g in groups for w in g}
    for g in groups:
        credit = np.max([_word_credit(index, w, candidates, side) for w in g], axis=0)
        units.append((ALTERNATIVES_WEIGHT, credit, True))
    for w, weight in weights.items():
        if w in grouped:
            continue
        credit = _word_credit(index, w, candidates, side)
        if w in named and is_hint.any():
            credit = np.maximum(credit, is_hint.astype(float))
        units.append((weight, credit, w not in parsed.form or w == head))
    matched = np.zeros(candidates.size)
    main_matched = np.zeros(candidates.size)
    required = np.zeros(candidates.size)
    food_missing = np.zeros(candidates.size)
    unexplained = np.zeros(candidates.size)
    keys: list[str | frozenset[str]] = [*groups, *(w for w in weights if w not in grouped)]
    words = set(parsed.content) | set(parsed.modifiers)
    for (full_weight, credit, needed), key in zip(units, keys, strict=True):
        food_word = _names_food(index, key)
        flavour = isinstance(key, str) and key in FLAVOUR_WORDS
        may_qualify = (
            key != head
            and key in index.known
            and not food_word
            and key not in NOT_QUALIFIERS
            and not dish
        )
        share: float | np.ndarray = full_weight
        if may_qualify and not credit.any():
            share = min(full_weight, UNUSED_QUALIFIER_WEIGHT)
        elif (
            may_qualify and not flavour and key in words and full_weight > UNUSED_QUALIFIER_WEIGHT
        ):
            share = _qualifier_share(index, candidates, head, str(key), credit, full_weight)
        full = np.greater_equal(share, CONTENT_WEIGHT)
        if key != head:
            unexplained += (1.0 - credit) * full
        if (
            key != head
            and (food_word or flavour)
            and key not in side
            and full_weight >= CONTENT_WEIGHT
        ):
            # another food left out of a meat dish, or a meat left out (``Mandarin Orange
            # Chicken``, ``chicken pasta``); a flavour of jam or tea is fine
            meaty = index.meat[candidates] | _names_meat(index, key) | combination
            food_missing += full_weight * ((credit == 0) & meaty)
        matched += share * credit
        if key not in side:
            main_matched += share * credit
        if needed:
            required += share
    query_cov = np.minimum(matched / np.maximum(required, 1e-9), 1.0)
    # The alias of the query's main words keeps its privileges only while no other
    # candidate explains more of the query's main words (``Ground Beef, 85% lean``; a
    # side, ``cream cheese`` of ``Bagel with Cream Cheese``, does not count).
    if is_hint.any():
        best_other = main_matched[~is_hint].max() if (~is_hint).any() else 0.0
        if main_matched[is_hint].max() < best_other:
            is_hint = np.zeros_like(is_hint)
    gated = food_missing / np.maximum(required, 1e-9) > MAX_UNEXPLAINED_FOOD_SHARE
    return query_cov, is_hint, gated & ~is_hint, unexplained * ~is_hint


def _word_weights(index: FoodIndex, parsed: ParsedName) -> dict[str, float]:
    """The weight of each word of the name (see the module constants)."""
    head = str(parsed.head)
    weights: dict[str, float] = {}
    for w in parsed.side:  # a side is one thing, however many words name it
        weights[w] = SIDE_WEIGHT / len(set(parsed.side))
    for w in parsed.form:
        weights[w] = FORM_WEIGHT
    for w in parsed.preparation:
        weights[w] = FORM_STATE_WEIGHT if w in FORM_STATES else PREPARATION_WEIGHT
    for w in (*parsed.modifiers, *parsed.content):
        weights[w] = CONTENT_WEIGHT if w in index.known else UNKNOWN_WORD_WEIGHT
    # A maker's name (``Kraft``, ``Quaker``) is not required: it only picks the brand's
    # product where USDA has it (see ``brand_named``).
    for w in parsed.content + parsed.modifiers:
        if w != head and w in index.brand_only:
            weights.pop(w, None)
    weights[head] = HEAD_WEIGHT
    return weights


def _qualifier_share(
    index: FoodIndex,
    candidates: np.ndarray,
    head: str,
    key: str,
    credit: np.ndarray,
    weight: float,
) -> float | np.ndarray:
    """The weight of a name word per candidate: a qualifier's for the candidates whose food
    comes in no form that has the word, unless a food's core joins the word to the head
    (``whole`` almonds, ``block`` cream cheese; not ``sea`` bass)."""
    joined = index.core_postings.get(key)
    if joined is not None:
        with_head = index.core_postings.get(head, np.zeros(0, dtype=np.int64))
        compounds = np.intersect1d(joined, with_head, assume_unique=True)
        compounds = compounds[index.core_len[compounds] > 1]
        if np.isin(compounds, candidates).any():
            return weight
    codes = index.core_code[candidates]
    said = np.zeros(index.n_cores, dtype=bool)
    said[codes[credit > 0]] = True
    return np.where(said[codes], weight, min(weight, UNUSED_QUALIFIER_WEIGHT))


def other_foods_cost(index: FoodIndex, parsed: ParsedName, candidates: np.ndarray) -> np.ndarray:
    """Penalty for the other foods a description names and the name does not: a flavour or
    an ingredient (``Bagels, egg``, ``Spaghetti, spinach``, ``coffee, instant, chicory``)."""
    named = index.lookup(index.other_food_postings, parsed.all_words)[candidates]
    unasked = np.minimum(index.other_food_len[candidates] - named, OTHER_FOODS_CAP)
    return OTHER_FOOD_PENALTY * unasked


def _names_meat(index: FoodIndex, word: object) -> bool:
    """True when a name word (or any word of an ``or`` group) names a meat, poultry or fish."""
    words = word if isinstance(word, frozenset) else {word}
    return any(w in index.meat_nouns for w in words)


def _names_food(index: FoodIndex, word: object) -> bool:
    """True when a name word (or any word of an ``or`` group) names a food of its own, not
    a flavour (``strawberry`` jam, ``peppermint`` tea: :data:`FLAVOUR_WORDS`)."""
    words = word if isinstance(word, frozenset) else {word}
    return any(w in index.generic_food_nouns and w not in FLAVOUR_WORDS for w in words)
