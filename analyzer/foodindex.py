"""Precomputed structure of USDA food descriptions, for matching names against them.

``Spinach, frozen, chopped or leaf, unprepared`` is split once into its parts, word tokens,
*core* part (the food's own noun, after class words such as ``Beverages`` or a brand),
head region, content words and variant flags (dry, canned, babyfood, brand ...), with
inverted postings (word -> foods) so that each query is answered with numpy operations.
"""

from __future__ import annotations

import re
from collections.abc import Iterable

import numpy as np
import pandas as pd

from analyzer.foodnames import (
    JOIN_WORDS,
    STOP_WORDS,
    canonical_spelling,
    segments,
    strip_parentheses,
    tokens,
    word_list,
)

#: Variants a person rarely means unless the words say so: (name, trigger words, penalty).
VARIANT_PENALTIES: tuple[tuple[str, frozenset[str], float], ...] = (
    ("babyfood", frozenset({"babyfood", "baby", "toddler"}), 30.0),
    ("infant", frozenset({"infant"}), 30.0),
    ("fast food", frozenset({"fast"}), 12.0),
    ("restaurant", frozenset({"restaurant"}), 12.0),
    ("brand", frozenset(), 10.0),
    ("dry", frozenset({"dry", "dried", "powder", "dehydrated", "mix", "concentrate"}), 10.0),
    ("evaporated", frozenset({"evaporated", "condensed"}), 10.0),
    ("imitation", frozenset({"imitation", "substitute", "analog", "meatless", "veggie"}), 12.0),
    ("commodity", frozenset({"commodity"}), 6.0),
    ("decaffeinated", frozenset({"decaffeinated", "decaf"}), 6.0),
    ("instant", frozenset({"instant"}), 5.0),
    ("diet", frozenset({"diet", "aspartame", "saccharin"}), 5.0),
    ("canned", frozenset({"canned"}), 6.0),
    ("frozen", frozenset({"frozen"}), 4.0),
    ("with salt", frozenset({"withsalt"}), 4.0),
    ("low sodium", frozenset({"low sodium", "reduced sodium"}), 3.0),
    ("ready to drink", frozenset({"ready to drink"}), 3.0),
    ("sweetened", frozenset({"sweetened"}), 3.0),
    ("fortified", frozenset({"fortified"}), 3.0),
)

_VARIANT_NAMES = [name for name, _, _ in VARIANT_PENALTIES]
#: SR28 food groups that are themselves a variant (a chain restaurant's steak is not the
#: steak a person cooked).
FOOD_GROUP_VARIANTS = {
    "fast food": "Fast Foods",
    "restaurant": "Restaurant Foods",
    "babyfood": "Baby Foods",
}

#: Column of the brand flag in :attr:`FoodIndex.flags`.
BRAND_COLUMN = [name for name, _, _ in VARIANT_PENALTIES].index("brand")

#: Dishes and product classes whose head word names a different food than its parts
#: (``Soup, black bean`` is not black beans): penalised unless the query names them.
DISH_HEADS = frozenset(
    {
        "soup",
        "snack",
        "candy",
        "frozen novelty",
        "sauce",
        "gravy",
        "salad dressing",
        "babyfood",
        "fast food",
        "restaurant",
        "infant formula",
        "pudding",
        "dessert",
        "cracker",
        "cookie",
        "cake",
        "pie",
        "alcoholic beverage",
    }
)
#: First parts of USDA descriptions that name a class, not the food (``Beverages, tea``).
GENERIC_HEADS = frozenset(
    {
        "beverage",
        "carbonated",
        "alcoholic beverage",
        "cereal",
        "cereal ready to eat",
        "babyfood",
        "fast food",
        "restaurant",
        "snack",
        "candy",
        "spice",
        "soup",
        "usda commodity",
        "fish",
        "nut",
        "seed",
        "game meat",
        "mollusk",
        "crustacean",
        "infant formula",
        "frozen novelty",
        "distilled",
    }
)

#: Description words that say nothing about which variant it is (no extra-word penalty).
BOILERPLATE_WORDS = frozenset(
    word_list(
        """
    with without added and or vitamin a d c all commercial commercially regular fluid only
    includes salt usda commodity prepared nfs ns type of in the made from variety unprepared
    enriched item not by for to as beverage meat mature seed broiler fryer tap
    drinking separable lean uncooked nosalt withsalt gram ounce per
    """
    )
)

#: Description words of a processed, not raw, food.
PROCESSED_WORDS = frozenset(
    word_list("canned frozen dried dry dehydrated pickled prepared roasted toasted powder")
)

#: Description words of a cooked food.
COOKING_WORDS = frozenset(
    word_list(
        """
    cooked boiled steamed baked roasted fried grilled broiled braised stewed scrambled poached
    microwaved sauteed toasted mashed smoked simmered hard soft heated
    """
    )
)

#: A word in capitals: SR28 writes brand names so (``KELLOGG'S``).
ALL_CAPS = re.compile(r"\b[A-Z][A-Z'&.]{2,}\b")


def _postings(frame: pd.DataFrame, column: str) -> dict[str, np.ndarray]:
    """Map each token in the list column ``column`` to the sorted row positions holding it."""
    exploded = frame[["pos", column]].explode(column).dropna()
    exploded = exploded.drop_duplicates()
    groups = exploded.groupby(column, sort=False)["pos"]
    return {str(k): np.sort(v.to_numpy(dtype=np.int64)) for k, v in groups}


def _core_index(parts: list[str], raw_parts: list[str]) -> int:
    """Index of the first part naming the food (skipping class words and brand parts)."""
    fallback = 0
    for i, (part, raw) in enumerate(zip(parts, raw_parts, strict=True)):
        is_brand = bool(ALL_CAPS.fullmatch(raw.strip().split(" ")[0])) and raw.upper() == raw
        if part not in GENERIC_HEADS and not is_brand:
            return i
        if part not in GENERIC_HEADS:
            fallback = i  # only brand parts: the last one names the product (CHEERIOS)
    return fallback


def _variant_pattern(triggers: frozenset[str]) -> re.Pattern[str]:
    """Whole-word pattern for variant words; ``without added salt`` is not ``added salt``."""
    words = "|".join(sorted(triggers))
    # "dry heat" is a cooking method and "from concentrate" a ready juice: not dry foods
    return re.compile(rf"(?<!without )(?<!not )(?<!from )\b(?:{words})\b(?! heat)")


def _is_content(word: str) -> bool:
    """A description word that tells variants apart (not boilerplate, not a number)."""
    return word not in BOILERPLATE_WORDS and not word.rstrip("%").replace(".", "").isdigit()


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
        self.ids = table["id"].astype(str).to_numpy()
        self.descriptions = table["description"].astype(str).to_numpy()
        if "category" in table.columns:
            categories = table["category"].astype("string").fillna("other")
        else:
            categories = pd.Series(["other"] * len(table), dtype="string")
        self.categories = categories.astype(str).to_numpy()
        self.by_id = {fid: i for i, fid in enumerate(self.ids)}
        self.by_description = {d.lower().strip(): i for i, d in enumerate(self.descriptions)}
        raw_parts = [segments(d) for d in self.descriptions]
        parts = [[canonical_spelling(" ".join(tokens(p))) for p in ps] for ps in raw_parts]
        core_at = [_core_index(p, r) for p, r in zip(parts, raw_parts, strict=True)]
        all_tok: list[list[str]] = []
        head_tok: list[list[str]] = []
        core_tok: list[list[str]] = []
        sub_tok: list[list[str]] = []
        plain_tok: list[list[str]] = []
        plain_head_tok: list[list[str]] = []
        for ps, rs, ci in zip(parts, raw_parts, core_at, strict=True):
            all_tok.append([w for p in ps for w in p.split()])
            head_tok.append([w for p in ps[: ci + 3] for w in p.split()])
            plain = [canonical_spelling(" ".join(tokens(strip_parentheses(r)))) for r in rs]
            plain_tok.append([w for p in plain for w in p.split()])
            plain_head_tok.append([w for p in plain[: ci + 2] for w in p.split()])
            core_words = tokens(strip_parentheses(rs[ci])) if rs else []
            core_tok.append([w for w in core_words if w not in STOP_WORDS | JOIN_WORDS])
            sub_tok.append(ps[ci + 1].split() if len(ps) > ci + 1 else [])
        classes = [
            {w for p in ps[:ci] for w in p.split()} for ps, ci in zip(parts, core_at, strict=True)
        ]
        content = [
            sorted({w for w in words if _is_content(w)} - cls)
            for words, cls in zip(plain_tok, classes, strict=True)
        ]
        head_content = [
            sorted({w for w in words if _is_content(w)} - cls)
            for words, cls in zip(plain_head_tok, classes, strict=True)
        ]
        frame = pd.DataFrame(
            {
                "pos": np.arange(len(table)),
                "all": all_tok,
                "head": head_tok,
                "core": core_tok,
                "sub": sub_tok,
                "content": content,
                "head_content": head_content,
            }
        )
        self.all_postings = _postings(frame, "all")
        self.head_postings = _postings(frame, "head")
        self.core_postings = _postings(frame, "core")
        self.sub_postings = _postings(frame, "sub")
        self.content_postings = _postings(frame, "content")
        self.head_content_postings = _postings(frame, "head_content")
        self.core_len = np.array([len(set(c)) for c in core_tok], dtype=np.int64)
        self.sub_len = np.array([len(set(c)) for c in sub_tok], dtype=np.int64)
        self.food_nouns = frozenset(c[0] for c in core_tok if len(set(c)) == 1)
        self.content_len = np.array([len(c) for c in content], dtype=np.int64)
        self.head_content_len = np.array([len(c) for c in head_content], dtype=np.int64)
        self.length = np.array([len(d) for d in self.descriptions], dtype=np.float64)
        self.has_raw = np.array(["raw" in set(w) for w in all_tok])
        self.has_cooked = np.array([bool(COOKING_WORDS & set(w)) for w in all_tok])
        self.prepared = np.array([bool(PROCESSED_WORDS & set(w)) for w in all_tok])
        self.normalized = [" ".join(w) for w in all_tok]
        self.core_text = [" ".join(c) for c in core_tok]
        first = [p[0] if p else "" for p in parts]
        self.dish = np.array([f in DISH_HEADS for f in first])
        dish_tok = [f.split() if f in DISH_HEADS else [] for f in first]
        self.dish_postings = _postings(frame.assign(dish=dish_tok), "dish")
        lowered = [" ".join(w) for w in all_tok]
        flags = np.zeros((len(table), len(VARIANT_PENALTIES)), dtype=bool)
        lowered_series = pd.Series(lowered, dtype=object)
        for j, (name, triggers, _) in enumerate(VARIANT_PENALTIES):
            if name == "brand":
                flags[:, j] = [bool(ALL_CAPS.search(d)) for d in self.descriptions]
            else:
                pattern = _variant_pattern(triggers)
                flags[:, j] = lowered_series.str.contains(pattern, regex=True).to_numpy(bool)
        if "food_group" in table.columns:
            groups = table["food_group"].astype("string").fillna("")
            for name, group in FOOD_GROUP_VARIANTS.items():
                flags[:, _VARIANT_NAMES.index(name)] |= (groups == group).to_numpy(bool)
        self.flags = flags
        brand_tok = [
            sorted({w for m in ALL_CAPS.findall(d) for w in tokens(m)}) for d in self.descriptions
        ]
        self.brand_postings = _postings(frame.assign(brand=brand_tok), "brand")
        self.penalties = np.array([p for _, _, p in VARIANT_PENALTIES])
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
