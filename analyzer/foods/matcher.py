"""Match logged food names to the nutrient table: id, description, alias, then head-noun fuzzy.

A plain fuzzy string score sends ``Frozen Spinach`` to ``Dessert topping, frozen`` and
``cola`` to chocolate. This matcher instead

1. takes an exact NDB id, an exact description (case-insensitive) or a curated alias;
2. otherwise finds the query's head noun (:func:`analyzer.foods.names.parse_name`) and keeps
   only foods whose own head part contains it, or whose core noun the query names in full
   (``Collards`` for ``collard greens``); a food whose head is another food is never a
   candidate, however similar the strings;
3. ranks those by the share of the query's words the description explains (head noun
   weighted most; a maker's name such as ``Kraft`` is optional), how much of the food's
   core noun the query names, and penalties for variants the words did not ask for (dry,
   canned, babyfood, fast food, regional, brand, with salt, raw when the words say
   cooked; packaging variants cost only where the same food also comes without them),
   for a dish the name does not say and for a compound naming another food
   (``Salad dressing`` for ``caesar salad``), preferring the plain, shorter description;
   a word found only after "with" in a description is a side, not the food (``Egg
   Salad`` is not ``Potato salad with egg``), and words the name negates (``chili, no
   beans``) name nothing;
   staples eaten cooked (dried legumes, grains, pasta: SR28 groups Legumes and Cereal
   Grains and Pasta, and the Vegetables group's ``immature seeds``) default to their
   cooked form: ``white beans`` is ``Beans, white, mature seeds, cooked, boiled``, not the
   raw dry beans with ~2.5-3x the nutrients per gram. A name saying ``raw``, ``dry``,
   ``dried``, ``uncooked``, ``flour`` or another preparation keeps its form; oats,
   peanuts, soy products and hummus are eaten (or weighed) as they are; vegetables keep
   raw as their default (:func:`analyzer.foods.score.uncooked_rule_applies`);
4. reports a name as unmatched (with "did you mean" suggestions) when no candidate is good
   enough, when its head noun is not a food word, when the only candidates are other
   brands' products whose name it does not spell out (``Golden Crisp`` for ``crisps``),
   or when it reads as a supplement, a drug, a personal recipe or a meal name
   (``Breakfast``). "Did you mean" suggestions share a word with the name (or a
   near-identical, misspelt one); a supplement gets none (``Creatine`` is not cream).

Misspellings are corrected word by word against the table's vocabulary, run-together
words are split (``peanutbutter``) and split ones joined (``oat meal``).

The description index is :mod:`analyzer.foods.index`, the scoring :mod:`analyzer.foods.score`;
results are cached per distinct name.
"""

from __future__ import annotations

from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from analyzer.foods.index import FoodIndex
from analyzer.foods.names import ParsedName, normalize_name, parse_name, segments, tokens
from analyzer.foods.score import MIN_SCORE, score_candidates, uncooked_rule_applies

#: rapidfuzz ratio needed to correct a misspelt word to a table word (``brocoli``).
TYPO_CUTOFF = 85.0
#: Shortest word that is spell-corrected. [characters]
TYPO_MIN_LENGTH = 5
#: Shortest part of a run-together word that is split (``icecream``). [characters]
COMPOUND_MIN_PART = 3
#: Lowest rapidfuzz WRatio of a spelling-based "did you mean" suggestion. [0-100]
SUGGESTION_MIN_SIMILARITY = 65.0
#: Number of "did you mean" suggestions.
N_SUGGESTIONS = 3


@dataclass
class FoodMatch:
    """The outcome of matching one logged name.

    Attributes
    ----------
    name : str
        The name as written.
    food_id : str or None
        NDB number of the matched food; None when unmatched.
    description, category : str or None
        Of the matched food.
    score : float
        Confidence 0-100 (100 for id, description and alias matches; 0 when unmatched).
    method : str
        ``id``, ``description``, ``alias``, ``fuzzy``, or ``none`` when unmatched.
    suggestions : list of str
        "Did you mean" descriptions (filled when unmatched).
    reason : str
        Why a name is unmatched (empty when matched).
    """

    name: str
    food_id: str | None
    description: str | None
    category: str | None
    score: float
    method: str
    suggestions: list[str] = field(default_factory=list)
    reason: str = ""

    @property
    def matched(self) -> bool:
        """True when a food was found."""
        return self.food_id is not None


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
        self._cache: dict[str, FoodMatch] = {}
        self._spelling: dict[str, str] = {}

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
            ``suggestions`` (joined by ``" | "``) and ``reason``.
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
                "suggestions": pd.array(
                    [" | ".join(r.suggestions) for r in results], dtype="string"
                ),
                "reason": pd.array([r.reason for r in results], dtype="string"),
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

    def _found(self, name: str, pos: int, score: float, method: str) -> FoodMatch:
        return FoodMatch(
            name=name,
            food_id=str(self._index.ids[pos]),
            description=str(self._index.descriptions[pos]),
            category=str(self._index.categories[pos]),
            score=round(float(score), 1),
            method=method,
        )

    def _exact(self, name: str, parsed: ParsedName | None = None) -> tuple[int, str] | None:
        text = name.strip()
        if text.isdigit() and len(text) <= 5 and text.zfill(5) in self._index.by_id:
            return self._index.by_id[text.zfill(5)], "id"
        parsed = parsed or parse_name(text, self._index.known)
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
                return pos, "description"
        if alias is not None:
            return self._aliases[alias], "alias"
        return None

    def _alias_keys(self, text: str, parsed: ParsedName) -> list[str]:
        keys = [normalize_name(text)]
        # Without a maker's name (``Kraft Macaroni & Cheese``, ``Silk Soy Milk``).
        keys.append(" ".join(w for w in keys[0].split() if w not in self._index.brand_only))
        parts = segments(text)
        if len(parts) > 1:
            keys.append(normalize_name(" ".join(parts[1:] + parts[:1])))
        words = [*parsed.preparation, *parsed.modifiers, *parsed.content]
        if parsed.side:
            words += ["with", *parsed.side]
        keys.append(" ".join(words))
        return [k for k in keys if k]

    def _match(self, name: str) -> FoodMatch:
        first = parse_name(name, self._index.known)
        exact = self._exact(name, first)
        if exact is not None:
            return self._found(name, exact[0], 100.0, exact[1])
        parsed = self._corrected(first)
        reason = self._refusal(parsed)
        ranked = [] if reason else self._score(parsed, N_SUGGESTIONS + 2)
        if ranked and ranked[0][1] >= MIN_SCORE:
            return self._found(name, ranked[0][0], ranked[0][1], "fuzzy")
        if not reason:
            reason = "no food with this name is close enough"
        suggestions = [self._index.descriptions[p] for p, _, _ in ranked][:N_SUGGESTIONS]
        if not suggestions and "supplement" not in parsed.flags:
            # A supplement or drug has no food to suggest (``Creatine`` is not cream).
            suggestions = self._suggest(parsed, name)
        return FoodMatch(
            name=name,
            food_id=None,
            description=None,
            category=None,
            score=0.0,
            method="none",
            suggestions=suggestions,
            reason=reason,
        )

    def _refusal(self, parsed: ParsedName) -> str:
        if "supplement" in parsed.flags:
            return "looks like a supplement or drug, not a food in USDA SR28"
        if "personal" in parsed.flags:
            return "looks like a personal recipe; log its ingredients instead"
        if "meal" in parsed.flags:
            return "a meal or diary-section name, not a food"
        if "vague" in parsed.flags:
            return "too general to pick one food; name the food (e.g. 'salmon', 'apple')"
        if parsed.head is None:
            return "no food word in the name"
        if parsed.head not in self._index.known:
            return f"{parsed.head!r} is not a food word in USDA SR28"
        return ""

    def _ranked(self, name: str, limit: int) -> list[tuple[int, float, str]]:
        exact = self._exact(name)
        rows: list[tuple[int, float, str]] = []
        if exact is not None:
            rows.append((exact[0], 100.0, exact[1]))
        parsed = self._corrected(parse_name(name, self._index.known))
        if not self._refusal(parsed):
            rows += [r for r in self._score(parsed, limit + 1) if r[1] >= MIN_SCORE]
        seen: set[int] = set()
        unique = []
        for row in rows:
            if row[0] not in seen:
                seen.add(row[0])
                unique.append(row)
        return unique[:limit]

    def _corrected(self, parsed: ParsedName) -> ParsedName:
        def fix(words: tuple[str, ...]) -> tuple[str, ...]:
            split = [part for w in words for part in self._split(w)]
            return tuple(self._spell(w) for w in self._join(split))

        content = fix(parsed.content)
        return ParsedName(
            text=parsed.text,
            head=content[-1] if content else parsed.head,
            content=content,
            preparation=parsed.preparation,
            form=parsed.form,
            modifiers=fix(parsed.modifiers),
            side=fix(parsed.side),
            brand=parsed.brand,
            flags=parsed.flags,
        )

    def _split(self, word: str) -> tuple[str, ...]:
        """An unknown run-together word as two table words (``peanutbutter``)."""
        known = self._index.known
        if word in known or len(word) < 2 * COMPOUND_MIN_PART:
            return (word,)
        for cut in range(COMPOUND_MIN_PART, len(word) - COMPOUND_MIN_PART + 1):
            left, right = word[:cut], word[cut:]
            if left in known and right in known:
                return (left, right)
        return (word,)

    def _join(self, words: list[str]) -> list[str]:
        """Two words that USDA writes as one (``oat meal`` is ``oatmeal``)."""
        postings = self._index.all_postings
        out: list[str] = []
        i = 0
        while i < len(words):
            if i + 1 < len(words):
                joined = words[i] + words[i + 1]
                hits = postings.get(joined)
                if hits is not None:
                    both = np.intersect1d(
                        postings.get(words[i], _NONE), postings.get(words[i + 1], _NONE)
                    )
                    if hits.size > both.size:
                        out.append(joined)
                        i += 2
                        continue
            out.append(words[i])
            i += 1
        return out

    def _spell(self, word: str) -> str:
        if word in self._index.known or len(word) < TYPO_MIN_LENGTH:
            return word
        fixed = self._spelling.get(word)
        if fixed is None:
            # Misspellings rarely change the first letter: compare within it (fast).
            found = process.extractOne(
                word,
                self._index.vocabulary_by_letter.get(word[0], []),
                scorer=fuzz.ratio,
                score_cutoff=TYPO_CUTOFF,
            )
            fixed = str(found[0]) if found else word
            self._spelling[word] = fixed
        return fixed

    def _suggest(self, parsed: ParsedName, name: str) -> list[str]:
        """Nearest descriptions for an unmatched name: shared words first, then spelling."""
        words = [w for w in parsed.all_words if w in self._index.known]
        if words:
            counts = self._index.lookup(self._index.all_postings, words)
            best: np.ndarray = np.flatnonzero((counts == counts.max()) & (counts > 0))
            if best.size:
                order = np.argsort(self._index.length[best], kind="stable")[:N_SUGGESTIONS]
                return [str(self._index.descriptions[best[i]]) for i in order]
        query = " ".join(tokens(name))
        if not query:
            return []
        found = process.extract(
            query,
            self._index.core_text,
            scorer=fuzz.WRatio,
            limit=N_SUGGESTIONS,
            score_cutoff=SUGGESTION_MIN_SIMILARITY,
        )
        # Only descriptions sharing a near-identical word (a misspelling, not a shared
        # prefix: ``creatine`` is not ``cream``).
        query_words = query.split()
        return [
            str(self._index.descriptions[i])
            for _, _, i in found
            if any(
                fuzz.ratio(q, w) >= TYPO_CUTOFF
                for q in query_words
                for w in self._index.core_text[i].split()
            )
        ]

    def _score(self, parsed: ParsedName, limit: int) -> list[tuple[int, float, str]]:
        hint = self._aliases.get(" ".join(parsed.content))
        return score_candidates(self._index, parsed, hint, limit)


_NONE = np.zeros(0, dtype=np.int64)


def _usable_common_name(raw: str, key: str) -> bool:
    """SR28 ComName entries that are real names, not notes (``Includes USDA Commodity``)."""
    text = raw.strip().lower()
    if not key or len(key) < 3 or any(ch.isdigit() for ch in text):
        return False
    notes = ("commodity", "recipe", "include", "vitamin", "formerly", "original", "old fashion")
    return not any(n in text for n in notes)
