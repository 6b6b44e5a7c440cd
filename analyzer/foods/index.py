"""Precomputed structure of USDA food descriptions, for matching names against them.

``Spinach, frozen, chopped or leaf, unprepared`` is split once into its parts, word tokens,
*core* part (the food's own noun, after class words such as ``Beverages`` or a brand),
head region, content words and variant flags (dry, canned, babyfood, brand ...), with
inverted postings (word -> foods) so that each query is answered with numpy operations.
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

_VARIANT_NAMES = [name for name, _, _ in VARIANT_PENALTIES]
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
#: Dish heads that only classify a product whose own name follows (``Snacks, potato
#: chips`` is potato chips, while ``Soup, black bean`` is not black beans).
SNACK_CLASS_HEADS = frozenset({"snack", "candy"})

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

#: Description phrases (normalised tokens) of the variety that stands for all kinds.
GENERIC_VARIETY_PHRASES = ("mixed specy", "all type", "all variety", "all commercial variety")

#: A word in capitals: SR28 writes brand names so (``KELLOGG'S``).
ALL_CAPS = re.compile(r"\b[A-Z][A-Z'&.]{2,}\b")


def _postings(words_per_food: list[list[str]]) -> dict[str, np.ndarray]:
    """Map each token to the sorted positions of the foods whose list holds it."""
    found: dict[str, list[int]] = {}
    for pos, words in enumerate(words_per_food):
        for word in set(words):
            found.setdefault(word, []).append(pos)
    return {w: np.array(p, dtype=np.int64) for w, p in found.items()}


@lru_cache(maxsize=65536)
def _affirmed(phrase: str) -> str:
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


def _strip_non_heads(core: list[str]) -> list[str]:
    """A core without trailing words that name no food (``meat`` of ``coconut meat``)."""
    words = list(core)
    while len(words) > 1 and words[-1] in NOT_COMPOUND_HEADS:
        words.pop()
    return words


def _compound_head(core: list[str]) -> list[str]:
    """The head word of a multi-word core (``dressing`` of ``salad dressing``), if any."""
    words = _strip_non_heads(core)
    return words[-1:] if len(set(words)) > 1 else []


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


def _variant_flags(words_per_food: list[list[str]]) -> np.ndarray:
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


def _is_content(word: str) -> bool:
    """A description word that tells variants apart (not boilerplate, not a number)."""
    return word not in BOILERPLATE_WORDS and not word.rstrip("%").replace(".", "").isdigit()


def _staples(
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
class _Parsed:
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
    def of(cls, descriptions: Iterable[str]) -> _Parsed:
        """Parse each description once."""
        raw_parts = [segments(d) for d in descriptions]
        parts = [
            [_affirmed(canonical_spelling(" ".join(tokens(p)))) for p in ps] for ps in raw_parts
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
                _affirmed(canonical_spelling(" ".join(tokens(strip_parentheses(r))))) for r in rs
            ]
            plain_tok.append([w for p in plain for w in p.split()])
            plain_head_tok.append([w for p in plain[: ci + 2] for w in p.split()])
            core_words = tokens(strip_parentheses(rs[ci])) if rs else []
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


class FoodIndex:
    """Descriptions of a nutrient table, precomputed for matching.

    Parameters
    ----------
    table : DataFrame
        At least ``id`` and ``description``; ``category`` where present.

    Attributes
    ----------
    ids, descriptions, categories : ndarray of str
        Per food, in table order (positions are the food's index everywhere).
    flags : ndarray of bool, shape (foods, len(VARIANT_PENALTIES))
        Which variant each food is (dry, canned, brand ...).
    known : frozenset of str
        Every word of every description (singular, lower case).
    """

    def __init__(self, table: pd.DataFrame) -> None:
        table = table.reset_index(drop=True)
        self._index_names(table)
        parsed = _Parsed.of(self.descriptions)
        self._index_words(table, parsed)
        self._index_dishes_and_variants(table, parsed)
        self._index_brands(parsed)
        self._index_vocabulary(parsed)

    def _index_names(self, table: pd.DataFrame) -> None:
        """Ids, descriptions and categories, and the exact lookups."""
        self.ids = table["id"].astype(str).to_numpy()
        self.descriptions = table["description"].astype(str).to_numpy()
        if "category" in table.columns:
            categories = table["category"].astype("string").fillna("other")
        else:
            categories = pd.Series(["other"] * len(table), dtype="string")
        self.categories = categories.astype(str).to_numpy()
        self.by_id = {fid: i for i, fid in enumerate(self.ids)}
        self.by_description = {d.lower().strip(): i for i, d in enumerate(self.descriptions)}

    def _index_words(self, table: pd.DataFrame, parsed: _Parsed) -> None:
        """Word postings of each region of the descriptions, and the staples."""
        parts, all_tok, core_tok = parsed.parts, parsed.all_tok, parsed.core_tok
        content = [
            sorted({w for w in words if _is_content(w)} - known)
            for words, known in zip(parsed.plain_tok, parsed.classes, strict=True)
        ]
        head_content = [
            sorted({w for w in words if _is_content(w)} - known)
            for words, known in zip(parsed.plain_head_tok, parsed.classes, strict=True)
        ]
        head_tok, sub_tok = parsed.head_tok, parsed.sub_tok
        self.all_postings = _postings(all_tok)
        self.head_postings = _postings(head_tok)
        self.core_postings = _postings(core_tok)
        self.sub_postings = _postings(sub_tok)
        self.content_postings = _postings(content)
        self._content_words = [
            set(c) - set(core) for c, core in zip(content, core_tok, strict=True)
        ]
        self.head_content_postings = _postings(head_content)
        # Trailing words such as ``meat`` (``Nuts, coconut meat``) need not be named.
        named_core = [_strip_non_heads(c) for c in core_tok]
        self.core_len = np.array([len(set(c)) for c in named_core], dtype=np.int64)
        self.sub_len = np.array([len(set(c)) for c in sub_tok], dtype=np.int64)
        self.food_nouns = frozenset(c[0] for c in named_core if len(set(c)) == 1)
        self._single_cores = [c[0] if len(set(c)) == 1 else "" for c in named_core]
        self.content_len = np.array([len(c) for c in content], dtype=np.int64)
        self.head_content_len = np.array([len(c) for c in head_content], dtype=np.int64)
        self.length = np.array([len(d) for d in self.descriptions], dtype=np.float64)
        self.has_raw = np.array(["raw" in set(w) for w in all_tok])
        self.has_cooked = np.array([bool(COOKING_WORDS & set(w)) for w in all_tok])
        self.prepared = np.array([bool(PROCESSED_WORDS & set(w)) for w in all_tok])
        self.normalized = [" ".join(w) for w in all_tok]
        # Words only in a "with" part (``egg`` of ``Potato salad with egg``): a side
        # ingredient, not the food.
        with_only = []
        for ps in parts:
            before: set[str] = set()
            after: set[str] = set()
            for p in ps:
                ws = p.split()
                cut = ws.index("with") if "with" in ws else len(ws)
                before.update(ws[:cut])
                after.update(ws[cut + 1 :])
            with_only.append(sorted(after - before))
        self.with_only_postings = _postings(with_only)
        self._content_words = [
            words - set(side) for words, side in zip(self._content_words, with_only, strict=True)
        ]
        self.staple, self.uncooked_staple = _staples(table, core_tok, all_tok)
        self._index_states(table)
        self.core_text = [" ".join(c) for c in core_tok]
        #: Integer code of each food's core noun phrase (foods sharing it are siblings).
        self.core_code = pd.factorize(pd.Series(self.core_text, dtype=object))[0]
        self.n_cores = int(self.core_code.max()) + 1 if len(self.core_code) else 0

    def _index_states(self, table: pd.DataFrame) -> None:
        """Meats (eaten cooked) and fruits and vegetables (eaten raw), for the defaults."""
        if "food_group" in table.columns:
            groups = table["food_group"].astype("string").fillna("")
            meat = groups.isin(MEAT_GROUPS).to_numpy(bool)
            produce = groups.isin(PRODUCE_GROUPS).to_numpy(bool) & ~self.staple
        else:
            meat = produce = np.zeros(len(self.ids), dtype=bool)
        #: Meat, poultry and fish; as eaten (cooked), and in their raw form.
        self.meat = meat
        self.meat_cooked = meat & self.has_cooked
        self.meat_raw = meat & self.has_raw & ~self.has_cooked
        #: Fruits and vegetables as they come (raw), and cooked or processed.
        self.produce_plain = produce & ~self.has_cooked & ~self.prepared
        self.produce_processed = produce & ~self.produce_plain

    def _index_dishes_and_variants(self, table: pd.DataFrame, parsed: _Parsed) -> None:
        """Dish heads, product classes and the variant flags of each food."""
        parts, all_tok = parsed.parts, parsed.all_tok
        first = [p[0] if p else "" for p in parts]
        self.dish = np.array([f in DISH_HEADS for f in first])
        # A dish is named by its own head word (``dressing`` of ``Salad dressing``).
        dish_tok = [f.split()[-1:] if f in DISH_HEADS else [] for f in first]
        self.dish_postings = _postings(dish_tok)
        #: Product classes whose core names the product in full (``Snacks, potato chips``):
        #: naming that core is naming the class.
        self.snack_class = np.array([f in SNACK_CLASS_HEADS for f in first])
        flags = _variant_flags(all_tok)
        flags[:, BRAND_COLUMN] = [bool(ALL_CAPS.search(d)) for d in self.descriptions]
        if "food_group" in table.columns:
            groups = table["food_group"].astype("string").fillna("")
            for name, group in FOOD_GROUP_VARIANTS.items():
                flags[:, _VARIANT_NAMES.index(name)] |= (groups == group).to_numpy(bool)
        self.flags = flags
        #: The plain, regular or all-kinds variety of a food (``Bagels, plain``, ``Fish,
        #: eel, mixed species``, ``Avocados, raw, all commercial varieties``).
        self.plain_variety = np.array(
            [
                not {"plain", "regular"}.isdisjoint(words)
                or any(p in text for p in GENERIC_VARIETY_PHRASES)
                for words, text in zip(all_tok, self.normalized, strict=True)
            ],
            dtype=bool,
        )
        #: Food nouns of generic (not brand) foods: ``milk``, ``orange``, ``fat``; a name word
        #: that is one of these names a food, never a mere qualifier.
        self.generic_food_nouns = frozenset(
            w
            for w, brand in zip(self._single_cores, flags[:, BRAND_COLUMN], strict=True)
            if w and not brand
        )
        #: Food nouns of meat, poultry and fish (``chicken``, ``beef``, ``salmon``).
        self.meat_nouns = frozenset(
            w
            for w, brand, meat in zip(
                self._single_cores, flags[:, BRAND_COLUMN], self.meat, strict=True
            )
            if w and not brand and meat
        )
        del self._single_cores
        #: Other foods each description names besides its own core (a flavour or an
        #: ingredient: ``egg`` of ``Bagels, egg``).
        other_foods = [sorted(w & self.generic_food_nouns) for w in self._content_words]
        del self._content_words
        self.other_food_postings = _postings(other_foods)
        self.other_food_len = np.array([len(o) for o in other_foods], dtype=np.int64)

    def _index_brands(self, parsed: _Parsed) -> None:
        """Brand and product-name postings, and the compound heads."""
        makers, core_tok = parsed.makers, parsed.core_tok
        brand_tok = [
            sorted({w for m in ALL_CAPS.findall(d) for w in tokens(m)}) for d in self.descriptions
        ]
        self.brand_postings = _postings(brand_tok)
        # The product's own name in capitals (``RAISIN BRAN`` of ``KELLOGG'S RAISIN BRAN``):
        # a query naming all of it names the product.
        product_tok = [
            sorted(set(b) - m - STOP_WORDS) for b, m in zip(brand_tok, makers, strict=True)
        ]
        self.product_postings = _postings(product_tok)
        self.product_len = np.array([len(p) for p in product_tok], dtype=np.int64)
        #: Words USDA (almost) only writes inside a brand name (``KRAFT``, ``CLIF``): a
        #: query holding one names that brand.
        self.brand_words = frozenset(
            w
            for w, hits in self.brand_postings.items()
            if len(self.all_postings.get(w, ())) - len(hits) <= BRAND_WORD_MAX_PLAIN_USES
        )
        #: Words USDA only ever writes inside a brand name and that are not ordinary words:
        #: in a query they name a maker, which the description need not contain.
        self.brand_only = frozenset(
            w
            for w, hits in self.brand_postings.items()
            if len(hits) == len(self.all_postings.get(w, ()))
            and len(w) > BRAND_WORD_MIN_LENGTH
            and w not in NOT_BRAND_WORDS
        )
        #: Last word of each food's core noun phrase (``dressing`` of ``Salad dressing``),
        #: "" when the core is one word or empty: the compound's own head.
        core_last = [_compound_head(c) for c in core_tok]
        self.core_last_postings = _postings(core_last)
        self.has_core_last = np.array([bool(c) for c in core_last])

    def _index_vocabulary(self, parsed: _Parsed) -> None:
        """Penalties per variant, and every known word (by first letter, for typos)."""
        self.penalties = np.array([p for _, _, p in VARIANT_PENALTIES])
        self.relative_variant = np.array([n in RELATIVE_VARIANTS for n in _VARIANT_NAMES])
        self.vocabulary = sorted(self.all_postings)
        self.known = frozenset(self.vocabulary)
        self.vocabulary_by_letter: dict[str, list[str]] = {}
        for word in self.vocabulary:
            self.vocabulary_by_letter.setdefault(word[0], []).append(word)

    def __len__(self) -> int:
        return len(self.ids)

    def mask(self, postings: dict[str, np.ndarray], word: str) -> np.ndarray:
        """Boolean mask over all foods: which hold ``word`` in the given postings."""
        mask = np.zeros(len(self.ids), dtype=bool)
        hits = postings.get(word)
        if hits is not None:
            mask[hits] = True
        return mask

    def lookup(self, postings: dict[str, np.ndarray], words: Iterable[str]) -> np.ndarray:
        """Per food, how many of the distinct ``words`` it holds in the given postings."""
        counts = np.zeros(len(self.ids), dtype=np.int64)
        for w in set(words):
            hits = postings.get(w)
            if hits is not None:
                counts[hits] += 1
        return counts
