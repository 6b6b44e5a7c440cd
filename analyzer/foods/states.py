"""The state a logged food is in: cooked or raw, fresh or processed (part of the scoring
in :mod:`analyzer.foods.score`).

Diaries mean a food as eaten when the name says nothing of how it was prepared: staples
(dried legumes, grains, pasta) and meat, poultry and fish cooked, fruits and vegetables
fresh. :func:`default_state` marks the candidates in another state; :func:`missing_states`
names the forms a name asks for that the matched food is not in (a ``sibling`` fallback).
"""

from __future__ import annotations

import numpy as np

from analyzer.foods.index import (
    BRAND_COLUMN,
    COOKING_WORDS,
    UNCOOKED_WORDS,
    VARIANT_PENALTIES,
    FoodIndex,
)
from analyzer.foods.names import ParsedName

#: How much less of the name the default-state sibling may explain for the rule to apply
#: (``Raspberries, Fresh, Red``: ``red`` is only in the frozen, sweetened form). [0-1]
DEFAULT_STATE_TOLERANCE = 0.15
#: Words of a name asking for fresh produce (not frozen, canned or dried).
FRESH_WORDS = frozenset({"fresh", "freshly"})
#: Name words that ask for a staple's raw / dry form (or a product made from it).
ASKS_UNCOOKED = UNCOOKED_WORDS | frozenset({"flour", "meal", "bran", "germ", "mix", "powder"})
#: Column of the sprouted flag in :attr:`FoodIndex.flags`.
SPROUTED_COLUMN = [name for name, _, _ in VARIANT_PENALTIES].index("sprouted")
#: Column of the dry form (a mix, powder, concentrate, dehydrated or dried food).
DRY_COLUMN = [name for name, _, _ in VARIANT_PENALTIES].index("dry")


def uncooked_rule_applies(parsed: ParsedName) -> bool:
    """True when a name says nothing of how a staple was prepared (``white beans``).

    Any preparation word (``cooked``, ``raw``, ``canned``) or a word asking for the dry
    form or a product of it (``dry``, ``uncooked``, ``flour``) turns the rule off.
    """
    return not parsed.preparation and ASKS_UNCOOKED.isdisjoint(parsed.all_words)


def default_state(
    index: FoodIndex, parsed: ParsedName, candidates: np.ndarray, query_cov: np.ndarray
) -> np.ndarray:
    """Which candidates are in a state the name did not ask for, beside a default sibling.

    When the name says nothing of how the food was prepared (:func:`uncooked_rule_applies`),
    diaries mean the food as eaten: dried legumes, grains and pasta
    (:func:`analyzer.foods.index._staples`) and meat, poultry and fish cooked; fruits and
    vegetables fresh (raw). The other state is penalised only where a sibling in the
    default state (same core noun) explains the name about as well
    (:data:`DEFAULT_STATE_TOLERANCE`), so a food that SR28 has only dry (``Sorghum grain``,
    ``Wheat, durum``) or only cooked keeps its match.

    Returns
    -------
    ndarray of bool
        Per candidate.
    """
    none = np.zeros(candidates.size, dtype=bool)
    if not uncooked_rule_applies(parsed):
        return none
    uncooked = index.uncooked_staple[candidates]
    # A brand's product (``Wheat, KAMUT khorasan, cooked``) or a sprouted seed is not the
    # generic cooked form.
    other_form = index.flags[candidates, BRAND_COLUMN] | index.flags[candidates, SPROUTED_COLUMN]
    cooked = (index.staple[candidates] & ~uncooked & ~other_form) | (
        index.meat_cooked[candidates] & ~other_form
    )
    off_cooked = uncooked | index.meat_raw[candidates]
    plain = index.produce_plain[candidates] & ~other_form
    off_plain = index.produce_processed[candidates]
    # a mix, powder or concentrate is not the food as eaten (``gravy``: not the dry mix),
    # unless prepared (``Gelatin desserts, dry mix, prepared with water``)
    made = _prepared(index)[candidates]
    dry = index.flags[candidates, DRY_COLUMN] & ~made
    ready = ~dry & ~index.flags[candidates, BRAND_COLUMN] & ~index.staple[candidates]
    codes = index.core_code[candidates]
    out = none
    # "fresh" asks for the plain form whatever else the name says
    fresh = 1.0 if FRESH_WORDS.intersection(parsed.brand) else DEFAULT_STATE_TOLERANCE
    for default, off, tolerance in (
        (cooked, off_cooked, DEFAULT_STATE_TOLERANCE),
        (plain, off_plain, fresh),
        (ready, dry & ~index.staple[candidates] & ~plain, DEFAULT_STATE_TOLERANCE),
    ):
        if not default.any() or not off.any():
            continue
        best = np.full(index.n_cores, -1.0)
        np.maximum.at(best, codes[default], query_cov[default])
        out = out | (off & (query_cov <= best[codes] + tolerance))
    return out


def _prepared(index: FoodIndex) -> np.ndarray:
    """Per food, whether its description says ``prepared`` (computed once per index)."""
    found = index.memo.get("prepared")
    if found is None:
        found = index.memo["prepared"] = index.mask(index.all_postings, "prepared")
    return found


#: Preparation words naming a form of a food: when the matched food is not in that form
#: (SR28 lacks it), the match is a ``sibling`` fallback.
STATE_WORDS = COOKING_WORDS | frozenset(
    {"frozen", "canned", "dried", "dry", "smoked", "pickled", "raw", "cooked"}
)


def missing_states(index: FoodIndex, parsed: ParsedName, pos: int) -> list[str]:
    """The forms the name asks for that the food at ``pos`` is not in (``frozen``).

    Any cooking method is satisfied by a cooked food (``grilled`` cod is SR28's ``cooked,
    dry heat``), and a word of an ``or`` group by any word of the group.
    """
    words = set(index.normalized[pos].split())

    def satisfied(w: str) -> bool:
        if w not in STATE_WORDS or w in words:
            return True
        if w in COOKING_WORDS and index.has_cooked[pos]:
            return True
        if w == "raw" and not index.has_cooked[pos] and not index.prepared[pos]:
            return True
        return w in UNCOOKED_WORDS and bool(index.uncooked_staple[pos])

    missing = []
    for w in dict.fromkeys(parsed.preparation):
        group = next((g for g in parsed.alternatives if w in g), frozenset({w}))
        if not any(satisfied(m) for m in group):
            missing.append(w)
    return missing
