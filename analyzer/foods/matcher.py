"""Match logged food names to the nutrient table: id, description, alias, then by score.

A plain fuzzy string score sends ``Frozen Spinach`` to ``Dessert topping, frozen`` and
``cola`` to chocolate. This matcher instead

1. matches the food part of the name: the amount written in it is set aside
   (:func:`analyzer.foods.name_amount.split_name`: ``Generic - Banana, 1 medium``);
2. takes an exact NDB id, an exact description (case-insensitive) or a curated alias
   (methods ``id``, ``exact``, ``alias``);
3. otherwise finds the name's head noun (:func:`analyzer.foods.names.parse_name`) and keeps
   only foods whose own head part contains it, or whose core noun the name names in full
   (``Collards`` for ``collard greens``); a food whose head is another food is never a
   candidate, however similar the strings;
4. scores those (:mod:`analyzer.foods.score`) by how much of the name each explains
   (:mod:`analyzer.foods.coverage`) less what the name says and the food is not (other
   variants, forms, dishes, other foods), ranks them preferring the plain, shorter
   description, and accepts the best when its score reaches
   :data:`~analyzer.foods.score.MIN_SCORE` (method ``fuzzy``; ``sibling`` when SR28 lacks
   the form named, ``frozen mango`` -> raw mango, with the reason). Diaries log food as
   eaten: meat, poultry and fish cooked, grains and dried legumes cooked, fruit and
   vegetables fresh, unless the name says otherwise;
5. reports a name as unmatched (with "did you mean" suggestions) when no candidate is good
   enough, when its head noun is not a food word or a word before it is unknown to SR28
   (``halloumi cheese``), when the only candidates are other brands' products whose name it
   does not spell out (``Golden Crisp`` for ``crisps``), or when it reads as a supplement, a
   drug, a specialty product, a personal recipe or a meal name (``Breakfast``).

Misspellings are corrected word by word against the table's vocabulary, run-together
words are split (``peanutbutter``) and split ones joined (``oat meal``)
(:mod:`analyzer.foods.spelling`). Every match carries its ``method`` and a ``confidence``
(:func:`analyzer.foods.match_result.confidence_of`); results are cached per distinct name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import replace

import numpy as np
import pandas as pd

from analyzer.foods.index import FoodIndex
from analyzer.foods.match_result import EXACT_METHODS as EXACT_METHODS
from analyzer.foods.match_result import MATCH_METHODS as MATCH_METHODS
from analyzer.foods.match_result import FoodMatch
from analyzer.foods.match_result import confidence_of as confidence_of
from analyzer.foods.name_amount import split_name, with_amount_form
from analyzer.foods.names import (
    PREPARATION_WORDS,
    ParsedName,
    normalize_name,
    parse_name,
    segments,
)
from analyzer.foods.score import MIN_SCORE, score_candidates
from analyzer.foods.spelling import N_SUGGESTIONS, Speller
from analyzer.foods.states import missing_states, uncooked_rule_applies

#: Foods a table must hold for a word missing from it to mean the table lacks that kind of
#: food (``halloumi`` cheese); a small custom table says nothing by lacking a word.
COMPLETE_TABLE_FOODS = 1000


#: Longest food name matched: SR28's longest description has 134 characters, and app names
#: with a brand, a serving and notes stay well under this. [characters]
MAX_NAME_CHARS = 400


class FoodMatcher:
    """Finds foods by name in a nutrient table, with aliases.

    Parameters
    ----------
    foods : DataFrame
        Nutrient table with at least ``id``, ``description`` and ``category``
        (:func:`analyzer.foods.table.load_foods`); ``common_names`` (SR28 ComName) is used for
        lower-priority aliases where present.
    aliases : DataFrame, optional
        Columns ``alias, id`` (:func:`.table.load_aliases`). Aliases naming an id that
        is not in ``foods`` are ignored.

    Examples
    --------
    >>> foods = pd.DataFrame({"id": ["11161", "11162", "19165"],
    ...     "description": ["Collards, raw",
    ...                     "Collards, cooked, boiled, drained, without salt",
    ...                     "Cocoa, dry powder, unsweetened"],
    ...     "category": ["greens", "greens", "other"]})
    >>> m = FoodMatcher(foods)
    >>> m.match("cooked collard greens").food_id
    '11162'
    >>> m.match("cola").food_id is None
    True
    """

    def __init__(self, foods: pd.DataFrame, aliases: pd.DataFrame | None = None) -> None:
        self._index = FoodIndex(foods)
        self._aliases = self._build_aliases(foods.reset_index(drop=True), aliases)
        #: Aliases naming the main part of a mixed drink (a latte's milk): what they leave out.
        self._leaves_out = _leaves_out(aliases)
        self._cache: dict[str, FoodMatch] = {}
        self._speller = Speller(self._index)

    # ---- construction -------------------------------------------------------------------

    def _build_aliases(self, table: pd.DataFrame, aliases: pd.DataFrame | None) -> dict[str, int]:
        out: dict[str, int] = {}
        if "common_names" in table.columns:
            out.update(self._common_name_aliases(table))
        if aliases is not None and len(aliases):
            for alias, fid in zip(
                aliases["alias"].astype(str), aliases["id"].astype(str), strict=True
            ):
                pos = self._index.by_id.get(fid)
                key = normalize_name(alias)
                if pos is not None and key:
                    out[key] = pos  # curated aliases win over SR28 common names
        return out

    def _common_name_aliases(self, table: pd.DataFrame) -> dict[str, int]:
        """SR28 ComName entries as aliases, only where one name means one food."""
        names = table["common_names"].astype("string").fillna("")
        owners: dict[str, set[int]] = {}
        for pos, text in enumerate(names):
            for name in str(text).split(","):
                key = normalize_name(name)
                if not _usable_common_name(name, key):
                    continue
                owners.setdefault(key, set()).add(pos)
        return {k: next(iter(v)) for k, v in owners.items() if len(v) == 1}

    # ---- matching ------------------------------------------------------------------------

    def match(self, name: str) -> FoodMatch:
        """Match one name (cached per distinct name).

        Parameters
        ----------
        name : str
            A food name as logged, or an NDB id.

        Returns
        -------
        FoodMatch
            The best food, or an unmatched result with suggestions and a reason.
        """
        key = str(name)
        hit = self._cache.get(key)
        if hit is None:
            hit = self._match(key)
            self._cache[key] = hit
        return hit

    def match_names(self, names: Iterable[str]) -> pd.DataFrame:
        """Match many names, one lookup per distinct name.

        Parameters
        ----------
        names : iterable of str
            Names as logged; repeats are matched once.

        Returns
        -------
        DataFrame
            Indexed by the distinct name (``name``), columns ``food_id`` (<NA> when
            unmatched), ``description``, ``category``, ``score``, ``method``,
            ``confidence`` (:func:`confidence_of`), ``suggestions`` (joined by ``" | "``),
            ``reason`` and ``matched_text`` (the name without its amount).
        """
        distinct = pd.unique(pd.Series(list(names), dtype="string").dropna())
        results = [self.match(str(n)) for n in distinct]
        frame = pd.DataFrame(
            {
                "food_id": pd.array([r.food_id for r in results], dtype="string"),
                "description": pd.array([r.description for r in results], dtype="string"),
                "category": pd.array([r.category for r in results], dtype="string"),
                "score": np.array([r.score for r in results], dtype=np.float64),
                "method": pd.array([r.method for r in results], dtype="string"),
                "confidence": pd.array([r.confidence for r in results], dtype="string"),
                "suggestions": pd.array(
                    [" | ".join(r.suggestions) for r in results], dtype="string"
                ),
                "reason": pd.array([r.reason for r in results], dtype="string"),
                "matched_text": pd.array([r.matched_text for r in results], dtype="string"),
            },
            index=pd.Index(pd.array([str(n) for n in distinct], dtype="string"), name="name"),
        )
        return frame

    def candidates(self, name: str, limit: int = 5) -> pd.DataFrame:
        """Candidate foods for a name, best first.

        Returns
        -------
        DataFrame
            Columns ``id, description, category, score, method``; empty when no food's head
            noun fits the name (see :meth:`match` for the reason and suggestions).
        """
        rows = self._ranked(str(name), limit)
        return pd.DataFrame(
            {
                "id": pd.array([self._index.ids[p] for p, _, _ in rows], dtype="string"),
                "description": pd.array(
                    [self._index.descriptions[p] for p, _, _ in rows], dtype="string"
                ),
                "category": pd.array(
                    [self._index.categories[p] for p, _, _ in rows], dtype="string"
                ),
                "score": np.array([s for _, s, _ in rows], dtype=np.float64),
                "method": pd.array([m for _, _, m in rows], dtype="string"),
            }
        )

    def _found(
        self, name: str, pos: int, score: float, method: str, reason: str = ""
    ) -> FoodMatch:
        if method == "part" and not reason:
            reason = self._left_out(name)
        return FoodMatch(
            name=name,
            food_id=str(self._index.ids[pos]),
            description=str(self._index.descriptions[pos]),
            category=str(self._index.categories[pos]),
            score=round(float(score), 1),
            method=method,
            reason=reason,
            matched_text=name,
            best_id=str(self._index.ids[pos]),
            best_score=round(float(score), 1),
        )

    def _exact(self, name: str, parsed: ParsedName | None = None) -> tuple[int, str] | None:
        text = name.strip()
        if text.isdigit() and len(text) <= 5 and text.zfill(5) in self._index.by_id:
            return self._index.by_id[text.zfill(5)], "id"
        parsed = parsed or parse_name(
            text, self._index.known, self._index.brand_only, self._index.generic_food_nouns
        )
        alias = next((k for k in self._alias_keys(text, parsed) if k in self._aliases), None)
        pos = self._index.by_description.get(text.lower())
        if pos is not None:
            # ``Buckwheat`` is SR28's dry grain; a curated alias names the eaten, cooked form.
            cooked_alias = (
                alias is not None
                and self._index.uncooked_staple[pos]
                and uncooked_rule_applies(parsed)
            )
            if not cooked_alias:
                return pos, "exact"
        if alias is not None:
            return self._aliases[alias], "part" if alias in self._leaves_out else "alias"
        return None

    def _alias_keys(self, text: str, parsed: ParsedName) -> list[str]:
        keys = [normalize_name(text)]
        # Without a maker's name (``Kraft Macaroni & Cheese``, ``Silk Soy Milk``); never
        # without a product's own name (``Rice Krispies`` is no rice, ``Coco Pops`` no pop).
        index = self._index
        brand_only = [w for w in keys[0].split() if w in index.brand_only]
        if any(w not in index.maker_words for w in brand_only):
            brand_only = []
        if brand_only and not self._names_product(keys[0].split(), brand_only):
            keys.append(" ".join(w for w in keys[0].split() if w not in brand_only))
        parts = segments(text)
        if len(parts) > 1:
            keys.append(normalize_name(" ".join(parts[1:] + parts[:1])))
        words = [*parsed.preparation, *parsed.modifiers, *parsed.content]
        if parsed.side:
            words += ["with", *parsed.side]
        if parsed.content or parsed.modifiers:  # never a lone "raw"
            keys.append(" ".join(words))
        return [k for k in keys if k]

    def _names_product(self, words: list[str], brand_words: list[str]) -> bool:
        """True when the words spell out a product's own name of two or more words that
        holds one of ``brand_words`` (``Rice Krispies``): those words are no maker's."""
        index = self._index
        named = index.lookup(index.product_postings, set(words))
        spelled = (named == index.product_len) & (index.product_len >= 2)
        return any(
            bool((spelled & index.mask(index.product_postings, w)).any()) for w in brand_words
        )

    def _match(self, name: str) -> FoodMatch:
        """The whole name exactly (``7 up``); else its food part, without the amount
        written in it (:func:`~analyzer.foods.name_amount.split_name`)."""
        if len(name) > MAX_NAME_CHARS:  # no food is named so; never parse it word by word
            return FoodMatch(
                name=name,
                food_id=None,
                description=None,
                category=None,
                score=0.0,
                method="none",
                suggestions=[],
                reason=f"a name of {len(name):,} characters is longer than any food's name "
                f"(at most {MAX_NAME_CHARS}); check the diary's columns",
                matched_text=name[:MAX_NAME_CHARS],
                best_id=None,
                best_score=0.0,
            )
        pos = self._index.by_description.get(name.strip().lower())
        if pos is not None and not self._index.uncooked_staple[pos]:
            return self._found(name, pos, 100.0, "exact")  # a USDA description as written
        split = split_name(name)
        food = split.food
        if food and food != " ".join(name.split()) and not self._supplement(name):
            literal = self._literal(name)  # a name that merely starts with a number
            if literal is not None:
                return self._found(name, literal[0], 100.0, literal[1])
            return replace(self._match_text(with_amount_form(food, split.amount)), name=name)
        return self._match_text(name)

    def _left_out(self, name: str) -> str:
        """Why a ``part`` match is partial: what its alias leaves out."""
        for text in (name, split_name(name).food):
            parsed = parse_name(text, self._index.known)
            for key in [normalize_name(text), *self._alias_keys(text, parsed)]:
                if key in self._leaves_out:
                    return f"only its main part is counted; left out: {self._leaves_out[key]}"
        return "only its main part is counted"

    def _supplement(self, name: str) -> bool:
        """True when the whole name reads as a supplement (``Fish oil 1000 mg``): its dose
        is no amount of food."""
        return "supplement" in parse_name(name, self._index.known).flags

    def _literal(self, name: str) -> tuple[int, str] | None:
        """The whole name as written is an id, a description or an alias (``7 up``)."""
        text = name.strip()
        if text.isdigit() and len(text) <= 5 and text.zfill(5) in self._index.by_id:
            return self._index.by_id[text.zfill(5)], "id"
        pos = self._index.by_description.get(text.lower())
        if pos is not None:
            return pos, "exact"
        key = normalize_name(text)
        pos = self._aliases.get(key)
        if pos is None:
            return None
        return pos, "part" if key in self._leaves_out else "alias"

    def _match_text(self, name: str, exact_done: bool = False) -> FoodMatch:
        first = parse_name(
            name, self._index.known, self._index.brand_only, self._index.generic_food_nouns
        )
        refused = {"supplement", "specialty"} & first.flags
        exact = None if exact_done or refused else self._exact(name, first)
        if exact is not None:
            return self._found(name, exact[0], 100.0, exact[1])
        parsed = self._speller.corrected(first)
        reason = self._refusal(parsed)
        ranked = [] if reason else self._score(parsed, N_SUGGESTIONS + 2)
        if ranked and ranked[0][1] >= MIN_SCORE:
            pos, score = ranked[0][0], ranked[0][1]
            missing = missing_states(self._index, parsed, pos)
            if missing:
                why = (
                    f"SR28 has no {' '.join(missing)} form of this food; the nearest form is used"
                )
                return self._found(name, pos, score, "sibling", why)
            return self._found(name, pos, score, "fuzzy")
        if not reason:
            reason = "no food with this name is close enough"
        suggestions = [self._index.descriptions[p] for p, _, _ in ranked][:N_SUGGESTIONS]
        if not suggestions and "supplement" not in parsed.flags:
            # A supplement or drug has no food to suggest (``Creatine`` is not cream).
            suggestions = self._speller.suggest(parsed, name)
        best = ranked[0] if ranked else None
        return FoodMatch(
            name=name,
            food_id=None,
            description=None,
            category=None,
            score=0.0,
            method="none",
            suggestions=suggestions,
            reason=reason,
            matched_text=name,
            best_id=None if best is None else str(self._index.ids[best[0]]),
            best_score=0.0 if best is None else best[1],
        )

    def _refusal(self, parsed: ParsedName) -> str:
        if "supplement" in parsed.flags:
            return "looks like a supplement or drug, not a food in USDA SR28"
        if "personal" in parsed.flags:
            return "looks like a personal recipe; log its ingredients instead"
        if "specialty" in parsed.flags:
            return (
                "a specialty product (protein, low-carb, plant-based ...) whose make-up USDA "
                "SR28 does not have; give it an alias if a USDA food is close enough"
            )
        if "meal" in parsed.flags:
            return "a meal or diary-section name, not a food"
        if "vague" in parsed.flags:
            return "too general to pick one food; name the food (e.g. 'salmon', 'apple')"
        if parsed.head is None:
            return "no food word in the name"
        if parsed.head not in self._index.known:
            return f"{parsed.head!r} is not a food word in USDA SR28"
        kind = parsed.content[-2] if len(parsed.content) > 1 else ""
        complete = len(self._index) >= COMPLETE_TABLE_FOODS
        unknown = kind not in self._index.known and not any(c.isdigit() for c in kind)
        if complete and kind and unknown:
            # "halloumi cheese", "shepherd's pie": a kind of the food that SR28 lacks
            return (
                f"{kind!r} is not a word of USDA SR28: a kind of {parsed.head} it does "
                "not have (give the food an alias if it is one USDA has)"
            )
        return ""

    def _ranked(self, name: str, limit: int) -> list[tuple[int, float, str]]:
        exact = self._exact(name)
        rows: list[tuple[int, float, str]] = []
        if exact is not None:
            rows.append((exact[0], 100.0, exact[1]))
        parsed = self._speller.corrected(
            parse_name(
                name, self._index.known, self._index.brand_only, self._index.generic_food_nouns
            )
        )
        if not self._refusal(parsed):
            rows += [r for r in self._score(parsed, limit + 1) if r[1] >= MIN_SCORE]
        seen: set[int] = set()
        unique = []
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                unique.append(row)
        return unique[:limit]

    def _score(self, parsed: ParsedName, limit: int) -> list[tuple[int, float, str]]:
        # the food the name's main words are an alias of (``toasted bread``, ``bread``)
        keys = (" ".join(parsed.preparation + parsed.content), " ".join(parsed.content))
        hint = next((self._aliases[k] for k in keys if k in self._aliases), None)
        return score_candidates(self._index, parsed, hint, limit)


def _leaves_out(aliases: pd.DataFrame | None) -> dict[str, str]:
    """Alias key -> what the aliased food leaves out, for aliases that name only the main
    part of a mixed drink (``aliases.csv`` column ``leaves_out``: a latte's espresso)."""
    if aliases is None or "leaves_out" not in aliases.columns:
        return {}
    texts = aliases["leaves_out"].astype("string").fillna("").str.strip()
    return {
        normalize_name(str(a)): str(t)
        for a, t in zip(aliases["alias"].astype(str), texts, strict=True)
        if t
    }


def _usable_common_name(raw: str, key: str) -> bool:
    """SR28 ComName entries that are real names, not notes (``Includes USDA Commodity``)."""
    text = raw.strip().lower()
    if not key or len(key) < 3 or any(ch.isdigit() for ch in text):
        return False
    notes = ("commodity", "recipe", "include", "vitamin", "formerly", "original", "old fashion")
    if set(key.split()) <= PREPARATION_WORDS:  # "raw" of "Cilantro, raw" names no food
        return False
    return not any(n in text for n in notes)
