"""Precomputed structure of USDA food descriptions, for matching names against them.

Each description is split once (:mod:`analyzer.foods.description_parts`) into its parts,
word tokens, *core* part, head region, content words and variant flags, with inverted
postings (word -> foods) so that each query is answered with numpy operations.
"""

from __future__ import annotations

from collections.abc import Iterable

import numpy as np
import pandas as pd

from analyzer.foods.description_parts import (
    ALL_CAPS,
    BRAND_COLUMN,
    BRAND_WORD_MAX_PLAIN_USES,
    BRAND_WORD_MIN_LENGTH,
    CONDIMENT_HEADS,
    COOKING_WORDS,
    DISH_HEADS,
    FOOD_GROUP_VARIANTS,
    GENERIC_VARIETY_PHRASES,
    MEAT_GROUPS,
    NOT_BRAND_WORDS,
    PROCESSED_WORDS,
    PRODUCE_GROUPS,
    RELATIVE_VARIANTS,
    SNACK_CLASS_HEADS,
    UNCOOKED_WORDS,
    VARIANT_NAMES,
    VARIANT_PENALTIES,
    ParsedDescriptions,
    compound_head,
    is_content,
    postings,
    staples,
    strip_non_heads,
    variant_flags,
    without_class,
)
from analyzer.foods.names import STOP_WORDS, tokens
from analyzer.foods.words import survey_food_ids

__all__ = [
    "BRAND_COLUMN",
    "COOKING_WORDS",
    "UNCOOKED_WORDS",
    "VARIANT_PENALTIES",
    "FoodIndex",
]


#: A description part that says the food is whole, not a part of it (``Egg, whole`` rather
#: than its yolk or white): the plain variety.
WHOLE_PART = "whole"


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
        parsed = ParsedDescriptions.of(self.descriptions)
        self._index_words(table, parsed)
        self._index_dishes_and_variants(table, parsed)
        self._index_brands(parsed)
        self._index_vocabulary(parsed)
        #: Lookups of fixed word sets, filled on first use (see :meth:`fixed_lookup`).
        self.memo: dict[str, np.ndarray] = {}

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
        #: Foods of the US food survey (FNDDS): the forms people are known to eat.
        survey = survey_food_ids()
        self.survey = np.array([fid in survey for fid in self.ids], dtype=bool)
        self.by_description = {d.lower().strip(): i for i, d in enumerate(self.descriptions)}

    def _index_words(self, table: pd.DataFrame, parsed: ParsedDescriptions) -> None:
        """Word postings of each region of the descriptions, and the staples."""
        parts, all_tok, core_tok = parsed.parts, parsed.all_tok, parsed.core_tok
        content = [
            sorted({w for w in words if is_content(w)} - known)
            for words, known in zip(parsed.plain_tok, parsed.classes, strict=True)
        ]
        head_content = [
            sorted({w for w in words if is_content(w)} - known)
            for words, known in zip(parsed.plain_head_tok, parsed.classes, strict=True)
        ]
        head_tok, sub_tok = parsed.head_tok, parsed.sub_tok
        self.all_postings = postings(all_tok)
        self.head_postings = postings(head_tok)
        self.core_postings = postings(core_tok)
        self.sub_postings = postings(sub_tok)
        self.content_postings = postings(content)
        self._content_words = [
            set(c) - set(core) for c, core in zip(content, core_tok, strict=True)
        ]
        self.head_content_postings = postings(head_content)
        # Trailing words such as ``meat`` (``Nuts, coconut meat``) need not be named.
        named_core = [strip_non_heads(c) for c in core_tok]
        # A core word repeating the class (``Nuts, cashew nuts``) need not be named either.
        required_core = [
            without_class(c, k) for c, k in zip(named_core, parsed.classes, strict=True)
        ]
        self.core_len = np.array([len(set(c)) for c in required_core], dtype=np.int64)
        #: The core words a name must say (``cashew`` of ``Nuts, cashew nuts``).
        self.required_core_postings = postings(required_core)
        #: The core length where a food has a core, else a count no name reaches.
        self.core_len_named = np.where(self.core_len > 0, self.core_len, np.iinfo(np.int64).max)
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
        self.with_only_postings = postings(with_only)
        self._content_words = [
            words - set(side) for words, side in zip(self._content_words, with_only, strict=True)
        ]
        self.staple, self.uncooked_staple = staples(table, core_tok, all_tok)
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

    def _index_dishes_and_variants(self, table: pd.DataFrame, parsed: ParsedDescriptions) -> None:
        """Dish heads, product classes and the variant flags of each food."""
        parts, all_tok = parsed.parts, parsed.all_tok
        first = [p[0] if p else "" for p in parts]
        self.dish = np.array([f in DISH_HEADS for f in first])
        self.condiment = np.array([f in CONDIMENT_HEADS for f in first])
        # A dish is named by its own head word (``dressing`` of ``Salad dressing``).
        dish_tok = [f.split()[-1:] if f in DISH_HEADS else [] for f in first]
        self.dish_postings = postings(dish_tok)
        #: Product classes whose core names the product in full (``Snacks, potato chips``):
        #: naming that core is naming the class.
        self.snack_class = np.array([f in SNACK_CLASS_HEADS for f in first])
        flags = variant_flags(all_tok)
        flags[:, BRAND_COLUMN] = [bool(ALL_CAPS.search(d)) for d in self.descriptions]
        if "food_group" in table.columns:
            groups = table["food_group"].astype("string").fillna("")
            for name, group in FOOD_GROUP_VARIANTS.items():
                flags[:, VARIANT_NAMES.index(name)] |= (groups == group).to_numpy(bool)
        # A cooked vegetable is ``boiled, drained`` as eaten; only a canned food comes
        # drained or with its liquid (``solids and liquids``, the form a can is eaten in).
        flags[:, VARIANT_NAMES.index("drained")] &= ~self.has_cooked
        self.flags = flags
        #: The plain, regular or all-kinds variety of a food (``Bagels, plain``, ``Fish,
        #: eel, mixed species``, ``Avocados, raw, all commercial varieties``).
        self.plain_variety = np.array(
            [
                not {"plain", "regular"}.isdisjoint(words)
                or any(p in text for p in GENERIC_VARIETY_PHRASES)
                or WHOLE_PART in ps
                for words, text, ps in zip(all_tok, self.normalized, parts, strict=True)
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
        self.other_food_postings = postings(other_foods)
        self.other_food_len = np.array([len(o) for o in other_foods], dtype=np.int64)

    def _index_brands(self, parsed: ParsedDescriptions) -> None:
        """Brand and product-name postings, and the compound heads."""
        makers, core_tok = parsed.makers, parsed.core_tok
        brand_tok = [
            sorted({w for m in ALL_CAPS.findall(d) for w in tokens(m)}) for d in self.descriptions
        ]
        self.brand_postings = postings(brand_tok)
        # The product's own name in capitals (``RAISIN BRAN`` of ``KELLOGG'S RAISIN BRAN``):
        # a query naming all of it names the product.
        product_tok = [
            sorted(set(b) - m - STOP_WORDS) for b, m in zip(brand_tok, makers, strict=True)
        ]
        self.product_postings = postings(product_tok)
        #: Words that name a maker in some description (``kraft``, ``silk``).
        self.maker_words = frozenset().union(*makers)
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
        core_last = [compound_head(c, k) for c, k in zip(core_tok, parsed.classes, strict=True)]
        self.core_last_postings = postings(core_last)
        self.has_core_last = np.array([bool(c) for c in core_last])

    def _index_vocabulary(self, parsed: ParsedDescriptions) -> None:
        """Penalties per variant, and every known word (by first letter, for typos)."""
        self.penalties = np.array([p for _, _, p in VARIANT_PENALTIES])
        self.relative_variant = np.array([n in RELATIVE_VARIANTS for n in VARIANT_NAMES])
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

    def fixed_lookup(
        self, key: str, postings: dict[str, np.ndarray], words: Iterable[str]
    ) -> np.ndarray:
        """:meth:`lookup` of a fixed word set, computed once and kept under ``key``."""
        found = self.memo.get(key)
        if found is None:
            found = self.memo[key] = self.lookup(postings, words)
        return found

    def lookup(self, postings: dict[str, np.ndarray], words: Iterable[str]) -> np.ndarray:
        """Per food, how many of the distinct ``words`` it holds in the given postings."""
        found = [hits for w in set(words) if (hits := postings.get(w)) is not None]
        if not found:
            return np.zeros(len(self.ids), dtype=np.int64)
        hits = found[0] if len(found) == 1 else np.concatenate(found)
        return np.bincount(hits, minlength=len(self.ids))
