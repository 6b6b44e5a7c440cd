"""Score candidate foods for a parsed name: head noun first, modifiers second.

Candidates are the foods whose head part holds the name's head noun, whose core noun the
name spells out in full, or that the name's main words are an alias of. Each is scored
from the share of the name's words its description explains (head noun weighted most),
the share of its core noun the name names, and penalties for variants the words did not
ask for, including the raw / dry form of a staple eaten cooked when the name says no
preparation (:func:`uncooked_rule_applies`). Every step is a numpy operation over the
candidates.

The weights are editorial choices of this project, tuned on realistic diary names
(tests/test_foods.py); they are not literature values.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz

from analyzer.foods.coverage import (
    other_foods_cost,
    query_coverage,
)
from analyzer.foods.index import (
    BRAND_COLUMN,
    COOKING_WORDS,
    VARIANT_PENALTIES,
    FoodIndex,
)
from analyzer.foods.names import ParsedName
from analyzer.foods.states import default_state, uncooked_rule_applies
from analyzer.foods.words import word_set

#: Share of the score from the query's words that the description explains.
QUERY_COVERAGE_SHARE = 0.7
#: Share of the score from the food's core noun words that the query names.
CORE_COVERAGE_SHARE = 0.3
#: Penalty when the query's head noun is not in the food's core part. [score points]
HEAD_NOT_IN_CORE_PENALTY = 5.0
#: Penalty per description word the query did not ask for (at most ``EXTRA_WORDS_CAP``).
EXTRA_WORD_PENALTY = 2.0
#: Most extra words penalised.
EXTRA_WORDS_CAP = 8
#: Penalty per character of description, to prefer the plain, shorter form. [score points]
LENGTH_PENALTY = 0.04
#: Penalty for a raw food when the words say cooked (and the reverse). [score points]
RAW_COOKED_PENALTY = 15.0
#: Weight of rapidfuzz's token-set ratio shortfall, a tie-breaker between near-equal
#: candidates.
TIE_BREAK_SHARE = 0.02
#: Number of leading candidates re-scored with rapidfuzz as a tie-breaker.
TIE_BREAK_CANDIDATES = 20
#: Lowest evidence score accepted as a match; below it the name is unmatched. [0-100]
#: Calibrated on the labelled dev names (tests/data/matching/names_dev.csv, 818 names) with
#: ``tools/evaluate_matching.py --calibrate``. Share right / wrong food / unmatched on the
#: dev names at each threshold (third round): 80: 88.9 / 2.1 / 3.7;  82: 88.6 / 1.8 / 4.2;
#: 84: 88.5 / 1.7 / 4.4;  86: 88.3 / 1.6 / 4.9;  88: 87.8 / 1.6 / 5.5;  90: 86.3 / 1.5 / 7.6.
#: Below 88 the held-out names gain wrong foods faster than right ones (test right / wrong:
#: 82: 77.8 / 5.0, 84: 77.7 / 4.8, 86: 78.1 / 4.3, 88: 78.0 / 4.0), so 88 is kept.
MIN_SCORE = 88.0
#: Lowest score of a fuzzy match reported with ``high`` confidence (below it: ``medium``):
#: on the dev names, fuzzy matches scoring 88-92 were a wrong food 17% of the time, from 92
#: up 3-4%.
HIGH_CONFIDENCE_SCORE = 90.0
#: Score of a candidate that may not be accepted at any threshold (it leaves a food word
#: of the name unexplained, or is another brand's product).
GATED_SCORE = -1.0
#: Candidates explaining this much less of the name than :data:`MIN_QUERY_COVERAGE` (or
#: than the best candidate) are dropped before the costlier scoring: they can rank
#: neither first nor among the suggestions. [0-1]
PRUNE_MARGIN = 0.3
#: Lowest weighted share of the query's words a match must explain (``Mandarin Orange
#: Chicken`` is not plain chicken). [0-1]
MIN_QUERY_COVERAGE = 0.7
#: Penalty per content or preparation word of the name that a description leaves
#: unexplained (half for another cooking method), on top of the lower coverage: a word
#: the name says and the food lacks is strong evidence of another food. [score points]
UNEXPLAINED_WORD_PENALTY = 8.0
#: Bonus for the food that the query's main words name as an alias (``Spaghetti, cooked``
#: starts from the alias ``spaghetti``: cooked enriched pasta). [score points]
ALIAS_HINT_BONUS = 5.0
#: Penalty for a dish or product class the query did not name. [score points]
DISH_PENALTY = 15.0
#: How much more of the name than every food that is no dish a dish candidate must
#: explain for the name to mean the dish though it does not say so (``minestrone``). [0-1]
DISH_TOLERANCE = 0.15
#: Penalty per unrequested word in the food's head part (``buttermilk`` in
#: ``Milk, buttermilk``), on top of ``EXTRA_WORD_PENALTY``. [score points]
HEAD_EXTRA_WORD_PENALTY = 3.0

#: Bonus for the plain variety of a food (``Bagels, plain``): the one meant when the name
#: says no flavour or variety. [score points]
PLAIN_VARIETY_BONUS = 3.0

#: Bonus for a food of the US food survey (SR28 ``Survey`` flag: used in FNDDS), the form
#: people are known to eat, among siblings that fit the name alike (``Mushrooms, white``
#: over ``morel``, ``Grapes, red or green`` over ``muscadine``); a tie-breaker, below the
#: cost of one unrequested description word. Calibrated on the dev names: 1.5 points moved
#: them 86.4 -> 86.6% right at 2.0% wrong food. [score points]
SURVEY_BONUS = 1.5

#: Flavourings that are no food of their own after a maker (``Oikos - Vanilla`` is the
#: maker's vanilla yogurt, not vanilla extract or a vanilla cone).
FLAVOURINGS = word_set("flavouring")

#: Bonus in the ranking for the product of a brand the name names (``Red Bull - Energy
#: Drink``: SR28's RED BULL energy drink before the generic one that fits as well); a
#: tie-breaker, like :data:`SURVEY_BONUS`. [score points]
NAMED_BRAND_BONUS = 3.0

#: Penalty for a food whose core is a compound naming another food (``Salad dressing``
#: for ``caesar salad``). [score points]
COMPOUND_HEAD_PENALTY = 15.0

#: Penalty for a food in a state the name did not ask for, when a sibling in the default
#: state fits the name about as well (:func:`~analyzer.foods.states.default_state`): a
#: staple eaten cooked (dried legumes, grains, pasta) or a meat, poultry or fish in its
#: raw / dry form (people log the cooked amount, "1 cup rice", "salmon fillet", unless
#: they write dry, raw or uncooked; the dry form has ~2.5-3x the nutrients per gram), or a
#: fruit or vegetable cooked, frozen, canned or dried (fresh produce is the default).
#: [score points]
DEFAULT_STATE_PENALTY = 15.0
#: Words a meat's cooked description adds that its default (cooked) state implies.
IMPLIED_BY_MEAT_COOKED = frozenset({"cooked", "heat", "moist", "dry", "roasted", "broiled"})

#: Columns of the variants a named brand asks for (its own product, its restaurant group).
BRAND_VARIANT_COLUMNS = [
    [name for name, _, _ in VARIANT_PENALTIES].index(v)
    for v in ("brand", "fast food", "restaurant", "alcoholic")
]

#: Lowest query coverage for the alias food of the name's main words: words USDA does not
#: have (a flavour: ``Jam, Strawberry``) may stay unexplained. [0-1]
MIN_HINT_COVERAGE = 0.7

#: Words a cooked food's description adds that "cooked" already implies (USDA's usual
#: ``cooked, boiled, drained, without salt``).
IMPLIED_BY_COOKED = frozenset({"cooked", "boiled", "drained"})


def score_candidates(
    index: FoodIndex, parsed: ParsedName, hint: int | None = None, limit: int = 5
) -> list[tuple[int, float, str]]:
    """Rank the foods whose head fits a parsed name, best first.

    Parameters
    ----------
    index : FoodIndex
        The nutrient table's descriptions.
    parsed : ParsedName
        The name, spell-corrected.
    hint : int, optional
        Position of the food that the name's main words are an alias of.
    limit : int
        Most candidates returned.

    Returns
    -------
    list of (position, score, "fuzzy")
        Score 0-100; a candidate that may not be accepted scores below ``MIN_SCORE``.
    """
    head = parsed.head
    if head is None or head not in index.known:
        return []
    query_words = parsed.all_words
    main_words = set(parsed.content) | set(parsed.preparation)
    core_named_hits = index.lookup(index.required_core_postings, main_words)
    core_named = core_named_hits >= index.core_len_named
    # A side word completes the core of a food the head names (``Chili with beans``) but
    # never makes another food a candidate (``coffee with cream`` is not cream).
    # The core may be named anywhere in the name (``Chocolate, white`` names ``white
    # chocolate``), though only the main words make a food a candidate.
    named_words = main_words | set(parsed.modifiers) | set(parsed.form)
    core_hits = index.lookup(index.required_core_postings, named_words)
    if parsed.side:
        core_hits = np.where(
            index.mask(index.core_postings, head),
            index.lookup(index.required_core_postings, named_words | set(parsed.side)),
            core_hits,
        )
    in_head = index.mask(index.head_postings, head)
    hinted = np.zeros(len(index), dtype=bool)
    if hint is not None:
        hinted[hint] = True
    candidates = np.flatnonzero(in_head | core_named | hinted)
    if candidates.size == 0:
        return []
    is_hint = hinted[candidates]
    # A brand the query names (``Budweiser``) identifies the product: no brand, class
    # or core penalty for it.
    product_len = index.product_len[candidates]
    # A maker the name starts with ("Wendy's - Chicken Nuggets") counts when SR28 has it.
    makers_said = set(parsed.brand)
    makers = (query_words | makers_said) & index.brand_words
    named_product = index.lookup(index.product_postings, query_words | makers_said)
    brand_named = (index.lookup(index.brand_postings, makers)[candidates] > 0) | (
        (product_len > 0) & (named_product[candidates] == product_len)
    )

    query_cov, is_hint, food_missing, unexplained = query_coverage(
        index, parsed, candidates, is_hint
    )
    # Candidates explaining far less of the name than the bar (or than the best) cannot
    # rank near the top: drop them before the costlier scoring.
    floor = min(float(query_cov.max()), MIN_QUERY_COVERAGE) - PRUNE_MARGIN
    keep = (query_cov >= floor) | is_hint
    if not keep.all():
        candidates, is_hint, query_cov = candidates[keep], is_hint[keep], query_cov[keep]
        food_missing, unexplained = food_missing[keep], unexplained[keep]
        product_len, brand_named = product_len[keep], brand_named[keep]
    # A head noun naming the subtype (``cheddar`` of ``Cheese, cheddar``) needs no core.
    # A name spelling out the subtype part (``cheddar`` of ``Cheese, cheddar``) needs no
    # core noun, unless its head is a food of its own (``wine`` of ``Vinegar, red wine``).
    sub_hits = index.lookup(index.sub_postings, query_words)[candidates]
    head_is_subtype = (
        index.mask(index.sub_postings, head)[candidates]
        & (sub_hits == index.sub_len[candidates])
        & (head not in index.food_nouns)
    )
    core_cov = core_hits[candidates] / np.maximum(index.core_len[candidates], 1)
    core_cov = np.where(head_is_subtype | is_hint | brand_named, 1.0, np.minimum(core_cov, 1.0))
    head_in_core = index.mask(index.core_postings, head)[candidates] | is_hint

    cooking = bool(COOKING_WORDS & set(parsed.preparation))
    extra, head_extra = _extra_words(index, parsed, candidates, cooking)
    variant = _variant_cost(index, parsed, candidates, brand_named)
    dish_named = index.lookup(index.dish_postings, query_words)[candidates] > 0
    core_full = core_hits[candidates] >= np.maximum(index.core_len[candidates], 1)
    dish = (
        index.dish[candidates]
        & ~brand_named
        & ~dish_named
        & ~(index.snack_class[candidates] & core_full)
    )
    # The food's core is a compound whose own head the name does not say (``Salad
    # dressing`` for ``caesar salad``, ``Apple juice`` for ``apple``): another food.
    compound_clash = (
        index.has_core_last[candidates]
        & (index.lookup(index.core_last_postings, query_words | {head})[candidates] == 0)
        & index.mask(index.core_postings, head)[candidates]
        & ~is_hint
        & ~brand_named
    )
    raw_clash = (
        index.has_raw[candidates]
        if cooking
        else (index.has_cooked[candidates] & ("raw" in parsed.preparation))
    )
    uncooked_default = default_state(index, parsed, candidates, query_cov)
    # The evidence that the food is the one named: what the name says and the food is not
    # (unexplained words, other variants, states, dishes, other foods).
    evidence = (
        100.0 * (QUERY_COVERAGE_SHARE * query_cov + CORE_COVERAGE_SHARE * core_cov)
        - HEAD_NOT_IN_CORE_PENALTY * ~head_in_core
        - variant
        - COMPOUND_HEAD_PENALTY * compound_clash
        - RAW_COOKED_PENALTY * raw_clash
        - DEFAULT_STATE_PENALTY * uncooked_default
        - other_foods_cost(index, parsed, candidates) * ~(is_hint | brand_named)
        - UNEXPLAINED_WORD_PENALTY * unexplained
        + ALIAS_HINT_BONUS * is_hint
    )
    evidence -= DISH_PENALTY * _unasked_dish(index, candidates, dish, query_cov)
    # The ranking adds what only tells siblings apart: the plain, shorter description.
    score = (
        evidence
        - EXTRA_WORD_PENALTY * np.minimum(extra, EXTRA_WORDS_CAP) * ~is_hint
        - HEAD_EXTRA_WORD_PENALTY * head_extra * ~is_hint
        + _sibling_rank(index)[candidates]
        + NAMED_BRAND_BONUS * brand_named
    )
    shown = _tie_break_and_gate(
        index,
        parsed,
        candidates,
        score,
        query_cov,
        core_cov,
        is_hint,
        brand_named,
        food_missing,
        limit,
    )
    accepted = np.where(
        shown > GATED_SCORE, np.minimum(np.maximum(evidence, 0.0), 100.0), GATED_SCORE
    )
    # Best ranked first; ties by the uncapped score, then the shorter description. Each
    # candidate carries its evidence, the score compared with MIN_SCORE, no higher than
    # that of any candidate ranked above it: the ranking also weighs what only tells
    # siblings apart (unrequested words, plain varieties), and a food ranked below another
    # is no surer a match than it, so the scores read best first (``foods search``).
    order = np.lexsort((index.length[candidates], -score, -shown))[:limit]
    ranked_scores = np.minimum.accumulate(accepted[order]) if order.size else accepted[order]
    return [
        (int(candidates[i]), round(float(s), 1), "fuzzy")
        for i, s in zip(order, ranked_scores, strict=True)
    ]


def _unasked_dish(
    index: FoodIndex, candidates: np.ndarray, dish: np.ndarray, query_cov: np.ndarray
) -> np.ndarray:
    """Which dish candidates the name did not ask for. A sauce, gravy or dressing always
    (``Salad dressing, caesar`` is not a caesar salad); another dish beside a generic food
    that is no dish and explains the name about as well (:data:`DISH_TOLERANCE`): ``Soup,
    black bean`` is not ``black beans``, but SR28 has minestrone, chowder and brownies only
    as a soup or a cookie, and there the dish is the food named."""
    condiment = dish & index.condiment[candidates]
    plain = ~dish & ~index.flags[candidates, BRAND_COLUMN]
    if not plain.any():
        return condiment
    return condiment | (dish & (query_cov <= float(query_cov[plain].max()) + DISH_TOLERANCE))


def _sibling_rank(index: FoodIndex) -> np.ndarray:
    """Per food, what tells plain siblings apart: plain varieties, foods of the food survey
    and shorter descriptions rank first (computed once per index)."""
    rank = index.memo.get("sibling rank")
    if rank is None:
        rank = index.memo["sibling rank"] = (
            PLAIN_VARIETY_BONUS * index.plain_variety
            + SURVEY_BONUS * index.survey
            - LENGTH_PENALTY * index.length
        )
    return rank


def _extra_words(
    index: FoodIndex, parsed: ParsedName, candidates: np.ndarray, cooking: bool
) -> tuple[np.ndarray, np.ndarray]:
    """Description words the name does not explain: anywhere, and in the head region."""
    implied = IMPLIED_BY_COOKED if cooking else frozenset()
    explained = set(parsed.all_words) | implied
    extra = (
        index.content_len[candidates] - index.lookup(index.content_postings, explained)[candidates]
    )
    if not cooking and uncooked_rule_applies(parsed):
        # A staple's or a meat's cooked form is its plain form: ``cooked, boiled`` are not
        # extra words.
        extra -= (
            index.staple[candidates]
            * index.fixed_lookup("implied by cooked", index.content_postings, IMPLIED_BY_COOKED)[
                candidates
            ]
        )
        extra -= (
            index.meat_cooked[candidates]
            * index.fixed_lookup(
                "implied by meat cooked", index.content_postings, IMPLIED_BY_MEAT_COOKED
            )[candidates]
        )
    head_extra = (
        index.head_content_len[candidates]
        - index.lookup(index.head_content_postings, explained)[candidates]
    )
    return extra, head_extra


def _variant_cost(
    index: FoodIndex, parsed: ParsedName, candidates: np.ndarray, brand_named: np.ndarray
) -> np.ndarray:
    """Penalty of the variants (dry, canned, brand ...) the name did not ask for."""
    asked = _asked_variants(parsed)
    flags = index.flags[candidates]  # a copy
    # A named brand's product (``Wendy's``) costs neither the brand nor its food group.
    if brand_named.any():
        flags[:, BRAND_VARIANT_COLUMNS] &= ~brand_named[:, None]
    # A variant costs only where a plain sibling (same core) exists: soups and juices
    # come canned, olives pickled; canned is then the generic form.
    flags &= _has_plain_sibling(index)[index.core_code[candidates]]
    variant = flags @ np.where(asked, 0.0, index.penalties)
    return np.asarray(variant)


def _has_plain_sibling(index: FoodIndex) -> np.ndarray:
    """Per core noun phrase and variant, whether a generic food of that core is not that
    variant; True for the variants that cost wherever they occur (computed once)."""
    found = index.memo.get("has plain sibling")
    if found is None:
        generic = ~index.flags[:, BRAND_COLUMN]
        rows, cols = np.nonzero(~index.flags & generic[:, None])
        found = np.zeros((index.n_cores, index.flags.shape[1]), dtype=bool)
        found[index.core_code[rows], cols] = True
        found[:, ~index.relative_variant] = True
        index.memo["has plain sibling"] = found
    return found


def _tie_break_and_gate(
    index: FoodIndex,
    parsed: ParsedName,
    candidates: np.ndarray,
    score: np.ndarray,
    query_cov: np.ndarray,
    core_cov: np.ndarray,
    is_hint: np.ndarray,
    brand_named: np.ndarray,
    food_missing: np.ndarray,
    limit: int,
) -> np.ndarray:
    """Tie-break the leaders by string similarity (in place), then cap the scores of
    candidates that may not be accepted below :data:`MIN_SCORE`."""
    # A candidate that leaves too much of the name unexplained cannot be accepted, nor
    # another brand's product when the name carries an unknown (brand) word.
    # nor another brand's product whose own name the query does not spell out
    # (``Golden Crisp`` cereal for ``crisps``, ``Cocoa Pebbles`` for ``cocoa``).
    unknown = any(w not in index.known for w in (*parsed.content, *parsed.modifiers))
    unnamed_brand = index.flags[candidates, BRAND_COLUMN] & ~brand_named & ~is_hint
    # After a maker, words that name no food (a flavour, a qualifier: ``Almond Breeze -
    # Original Unsweetened``, ``Oikos Triple Zero - Vanilla``) name that maker's product:
    # only a product of the maker may be it.
    words = set(parsed.content) | set(parsed.modifiers)
    makers_product = bool(parsed.maker) and not (words - FLAVOURINGS) & index.generic_food_nouns
    not_the_makers = makers_product & ~brand_named & ~is_hint
    other_brand = unnamed_brand & (unknown | (core_cov < 1.0))
    passes = (
        ((query_cov >= MIN_QUERY_COVERAGE) | (is_hint & (query_cov >= MIN_HINT_COVERAGE)))
        & ~other_brand
        & ~food_missing
        & ~not_the_makers
    )
    # Tie-break the leaders only: rapidfuzz over every candidate would cost the most.
    if candidates.size <= TIE_BREAK_CANDIDATES:
        leaders = np.arange(candidates.size)
    else:
        leaders = np.argsort(-score, kind="stable")[:TIE_BREAK_CANDIDATES]
    # The tie-break moves a score by at most TIE_BREAK_SHARE * 100: a leader further than
    # that below the ``limit`` best of its group (passing or not) cannot reach the top.
    reach = np.zeros(candidates.size, dtype=bool)
    for group in (passes, ~passes):
        ranked = np.sort(score[group])[::-1]
        if ranked.size:
            reach |= group & (score >= ranked[:limit].min() - TIE_BREAK_SHARE * 100.0)
    leaders = leaders[reach[leaders]]
    # the rest scores as if nothing of the name were alike
    unlike = np.full(candidates.size, 100.0)
    query_text = " ".join(parsed.content + parsed.preparation)
    unlike[leaders] = [
        100.0 - fuzz.token_set_ratio(query_text, index.normalized[p]) for p in candidates[leaders]
    ]
    score -= TIE_BREAK_SHARE * unlike
    return np.where(passes, np.minimum(np.maximum(score, 0.0), 100.0), GATED_SCORE)


#: Each variant's trigger words, word -> variant columns (a brand is asked for only by
#: naming it, see :func:`score_candidates`), and its trigger phrases.
def _variant_triggers() -> tuple[dict[str, list[int]], list[tuple[str, int]]]:
    words: dict[str, list[int]] = {}
    phrases: list[tuple[str, int]] = []
    for j, (name, triggers, _) in enumerate(VARIANT_PENALTIES):
        for t in triggers if name != "brand" else ():
            if " " in t:
                phrases.append((t, j))
            else:
                words.setdefault(t, []).append(j)
    return words, phrases


_TRIGGER_WORDS, _TRIGGER_PHRASES = _variant_triggers()


def _asked_variants(parsed: ParsedName) -> np.ndarray:
    """Which variant penalties the name asks for (and so does not pay)."""
    asked = np.zeros(len(VARIANT_PENALTIES), dtype=bool)
    for w in set(parsed.all_words) | set(parsed.brand):
        columns = _TRIGGER_WORDS.get(w)
        if columns:
            asked[columns] = True
    text = " ".join(parsed.preparation + parsed.content + parsed.side + parsed.form + parsed.brand)
    for phrase, j in _TRIGGER_PHRASES:
        if phrase in text:
            asked[j] = True
    return asked
