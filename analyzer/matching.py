"""Match logged food names to the nutrient table: id, description, alias, then head-noun fuzzy.

A plain fuzzy string score sends ``Frozen Spinach`` to ``Dessert topping, frozen`` and
``cola`` to chocolate. This matcher instead

1. takes an exact NDB id, an exact description (case-insensitive) or a curated alias;
2. otherwise finds the query's head noun (:func:`analyzer.foodnames.parse_name`) and keeps
   only foods whose own head part contains it, or whose core noun the query names in full
   (``Collards`` for ``collard greens``); a food whose head is another food is never a
   candidate, however similar the strings;
3. ranks those by the share of the query's words the description explains (head noun
   weighted most), how much of the food's core noun the query names, and penalties for
   variants the words did not ask for (dry, canned, babyfood, fast food, brand, with salt,
   raw when the words say cooked), preferring the plain, shorter description;
4. reports a name as unmatched (with "did you mean" suggestions) when no candidate is good
   enough, when its head noun is not a food word, or when it reads as a supplement, a drug
   or a personal recipe.

Every table lookup is vectorised with numpy over postings precomputed once per matcher;
results are cached per distinct name.
"""

from __future__ import annotations

import re
from collections.abc import Iterable
from dataclasses import dataclass, field

import numpy as np
import pandas as pd
from rapidfuzz import fuzz, process

from analyzer.foodnames import (
    JOIN_WORDS,
    STOP_WORDS,
    ParsedName,
    normalize_name,
    parse_name,
    segments,
    strip_parentheses,
    tokens,
    word_list,
)

#: Weight of the query's head noun in the coverage score (other content words weigh 1).
HEAD_WEIGHT = 3.0
#: Weight of an ordinary content word of the query.
CONTENT_WEIGHT = 1.0
#: Weight of a preparation word (cooked, raw, canned ...).
PREPARATION_WEIGHT = 1.0
#: Weight of a form or portion word (slice, fillet ...).
FORM_WEIGHT = 0.3
#: Weight of a side word (``milk`` in ``coffee with milk``).
SIDE_WEIGHT = 0.5
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
#: Lowest score accepted as a match; below it the name is unmatched. [0-100]
MIN_SCORE = 62.0
#: Lowest weighted share of the query's words a match must explain (``Mandarin Orange
#: Chicken`` is not plain chicken). [0-1]
MIN_QUERY_COVERAGE = 0.8
#: Weight of a word that is in no description (often a brand: ``Horizon Whole Milk``).
UNKNOWN_WORD_WEIGHT = 0.5
#: rapidfuzz ratio needed to correct a misspelt word to a table word (``brocoli``).
TYPO_CUTOFF = 85.0
#: Shortest word that is spell-corrected. [characters]
TYPO_MIN_LENGTH = 5
#: Number of "did you mean" suggestions.
N_SUGGESTIONS = 3

#: Variants a person rarely means unless the words say so: (name, trigger words, penalty).
VARIANT_PENALTIES: tuple[tuple[str, frozenset[str], float], ...] = (
    ("babyfood", frozenset({"babyfood", "baby", "toddler"}), 30.0),
    ("infant", frozenset({"infant"}), 30.0),
    ("fast food", frozenset({"fast"}), 12.0),
    ("restaurant", frozenset({"restaurant"}), 12.0),
    ("brand", frozenset(), 10.0),
    ("dry", frozenset({"dry", "powder", "dehydrated", "mix", "concentrate"}), 10.0),
    ("evaporated", frozenset({"evaporated", "condensed"}), 10.0),
    ("imitation", frozenset({"imitation", "substitute", "analog", "meatless", "veggie"}), 12.0),
    ("commodity", frozenset({"commodity"}), 6.0),
    ("decaffeinated", frozenset({"decaffeinated", "decaf"}), 6.0),
    ("instant", frozenset({"instant"}), 5.0),
    ("diet", frozenset({"diet", "aspartame", "saccharin"}), 5.0),
    ("canned", frozenset({"canned"}), 6.0),
    ("frozen", frozenset({"frozen"}), 4.0),
    ("with salt", frozenset({"with salt", "salt added", "added salt"}), 4.0),
    ("low sodium", frozenset({"low sodium", "reduced sodium"}), 3.0),
    ("ready to drink", frozenset({"ready to drink"}), 3.0),
    ("sweetened", frozenset({"sweetened"}), 3.0),
)

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
#: Bonus for the food that the query's main words name as an alias (``Spaghetti, cooked``
#: starts from the alias ``spaghetti``: cooked enriched pasta). [score points]
ALIAS_HINT_BONUS = 5.0
#: Penalty for a dish or product class the query did not name. [score points]
DISH_PENALTY = 15.0
#: Penalty per unrequested word in the food's head part (``buttermilk`` in
#: ``Milk, buttermilk``), on top of ``EXTRA_WORD_PENALTY``. [score points]
HEAD_EXTRA_WORD_PENALTY = 3.0

_BRAND_COLUMN = [name for name, _, _ in VARIANT_PENALTIES].index("brand")

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
    enriched item not fortified by for to as beverage meat mature seed broiler fryer tap
    drinking separable lean
    """
    )
)

COOKING_WORDS = frozenset(
    word_list(
        """
    cooked boiled steamed baked roasted fried grilled broiled braised stewed scrambled poached
    microwaved sauteed toasted mashed smoked simmered hard soft heated
    """
    )
)

#: Words a cooked food's description adds that "cooked" already implies (USDA's usual
#: ``cooked, boiled, drained, without salt``).
IMPLIED_BY_COOKED = frozenset({"cooked", "boiled", "drained"})

_ALL_CAPS = re.compile(r"\b[A-Z][A-Z'&.]{2,}\b")


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


def _postings(frame: pd.DataFrame, column: str) -> dict[str, np.ndarray]:
    """Map each token in the list column ``column`` to the sorted row positions holding it."""
    exploded = frame[["pos", column]].explode(column).dropna()
    exploded = exploded.drop_duplicates()
    groups = exploded.groupby(column, sort=False)["pos"]
    return {str(k): np.sort(v.to_numpy(dtype=np.int64)) for k, v in groups}


def _core_index(parts: list[str], raw_parts: list[str]) -> int:
    """Index of the first part naming the food (skipping class words and brand parts)."""
    for i, (part, raw) in enumerate(zip(parts, raw_parts, strict=True)):
        is_brand = bool(_ALL_CAPS.fullmatch(raw.strip().split(" ")[0])) and raw.upper() == raw
        if part not in GENERIC_HEADS and not is_brand:
            return i
    return 0


class FoodMatcher:
    """Finds foods by name in a nutrient table, with aliases.

    Parameters
    ----------
    foods : DataFrame
        Nutrient table with at least ``id``, ``description`` and ``category``
        (:func:`analyzer.foods.load_foods`); ``common_names`` (SR28 ComName) is used for
        lower-priority aliases where present.
    aliases : DataFrame, optional
        Columns ``alias, id`` (:func:`analyzer.foods.load_aliases`). Aliases naming an id that
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
        table = foods.reset_index(drop=True)
        self._ids = table["id"].astype(str).to_numpy()
        self._descriptions = table["description"].astype(str).to_numpy()
        if "category" in table.columns:
            categories = table["category"].astype("string").fillna("other")
        else:
            categories = pd.Series(["other"] * len(table), dtype="string")
        self._categories = categories.astype(str).to_numpy()
        self._by_id = {fid: i for i, fid in enumerate(self._ids)}
        self._by_description = {d.lower().strip(): i for i, d in enumerate(self._descriptions)}
        self._build_index(table)
        self._aliases = self._build_aliases(table, aliases)
        self._cache: dict[str, FoodMatch] = {}
        self._spelling: dict[str, str] = {}

    # ---- construction -------------------------------------------------------------------

    def _build_index(self, table: pd.DataFrame) -> None:
        raw_parts = [segments(d) for d in self._descriptions]
        parts = [[" ".join(tokens(p)) for p in ps] for ps in raw_parts]
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
            plain = [" ".join(tokens(strip_parentheses(r))) for r in rs]
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
        self._all_postings = _postings(frame, "all")
        self._head_postings = _postings(frame, "head")
        self._core_postings = _postings(frame, "core")
        self._sub_postings = _postings(frame, "sub")
        self._content_postings = _postings(frame, "content")
        self._head_content_postings = _postings(frame, "head_content")
        self._core_len = np.array([len(set(c)) for c in core_tok], dtype=np.int64)
        self._food_nouns = frozenset(c[0] for c in core_tok if len(set(c)) == 1)
        self._content_len = np.array([len(c) for c in content], dtype=np.int64)
        self._head_content_len = np.array([len(c) for c in head_content], dtype=np.int64)
        self._length = np.array([len(d) for d in self._descriptions], dtype=np.float64)
        self._has_raw = np.array(["raw" in set(w) for w in all_tok])
        self._has_cooked = np.array([bool(COOKING_WORDS & set(w)) for w in all_tok])
        self._normalized = [" ".join(w) for w in all_tok]
        self._core_text = [" ".join(c) for c in core_tok]
        first = [p[0] if p else "" for p in parts]
        self._dish = np.array([f in DISH_HEADS for f in first])
        dish_tok = [f.split() if f in DISH_HEADS else [] for f in first]
        self._dish_postings = _postings(frame.assign(dish=dish_tok), "dish")
        lowered = [" ".join(w) for w in all_tok]
        flags = np.zeros((len(table), len(VARIANT_PENALTIES)), dtype=bool)
        for j, (name, triggers, _) in enumerate(VARIANT_PENALTIES):
            if name == "brand":
                flags[:, j] = [bool(_ALL_CAPS.search(d)) for d in self._descriptions]
            else:
                pattern = _variant_pattern(triggers)
                flags[:, j] = [bool(pattern.search(d)) for d in lowered]
        self._flags = flags
        brand_tok = [
            sorted({w for m in _ALL_CAPS.findall(d) for w in tokens(m)})
            for d in self._descriptions
        ]
        self._brand_postings = _postings(frame.assign(brand=brand_tok), "brand")
        self._penalties = np.array([p for _, _, p in VARIANT_PENALTIES])
        self._vocabulary = sorted(self._all_postings)
        self._known = frozenset(self._vocabulary)
        self._vocabulary_by_letter: dict[str, list[str]] = {}
        for word in self._vocabulary:
            self._vocabulary_by_letter.setdefault(word[0], []).append(word)

    def _build_aliases(self, table: pd.DataFrame, aliases: pd.DataFrame | None) -> dict[str, int]:
        out: dict[str, int] = {}
        if "common_names" in table.columns:
            out.update(self._common_name_aliases(table))
        if aliases is not None and len(aliases):
            for alias, fid in zip(
                aliases["alias"].astype(str), aliases["id"].astype(str), strict=True
            ):
                pos = self._by_id.get(fid)
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
                "id": pd.array([self._ids[p] for p, _, _ in rows], dtype="string"),
                "description": pd.array(
                    [self._descriptions[p] for p, _, _ in rows], dtype="string"
                ),
                "category": pd.array([self._categories[p] for p, _, _ in rows], dtype="string"),
                "score": np.array([s for _, s, _ in rows], dtype=np.float64),
                "method": pd.array([m for _, _, m in rows], dtype="string"),
            }
        )

    def _found(self, name: str, pos: int, score: float, method: str) -> FoodMatch:
        return FoodMatch(
            name=name,
            food_id=str(self._ids[pos]),
            description=str(self._descriptions[pos]),
            category=str(self._categories[pos]),
            score=round(float(score), 1),
            method=method,
        )

    def _exact(self, name: str, parsed: ParsedName | None = None) -> tuple[int, str] | None:
        text = name.strip()
        if text.isdigit() and len(text) <= 5 and text.zfill(5) in self._by_id:
            return self._by_id[text.zfill(5)], "id"
        pos = self._by_description.get(text.lower())
        if pos is not None:
            return pos, "description"
        for key in self._alias_keys(text, parsed or parse_name(text, self._known)):
            if key in self._aliases:
                return self._aliases[key], "alias"
        return None

    def _alias_keys(self, text: str, parsed: ParsedName) -> list[str]:
        keys = [normalize_name(text)]
        parts = segments(text)
        if len(parts) > 1:
            keys.append(normalize_name(" ".join(parts[1:] + parts[:1])))
        words = list(parsed.preparation) + list(parsed.content)
        if parsed.side:
            words += ["with", *parsed.side]
        keys.append(" ".join(words))
        return [k for k in keys if k]

    def _match(self, name: str) -> FoodMatch:
        first = parse_name(name, self._known)
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
        suggestions = [self._descriptions[p] for p, _, _ in ranked][:N_SUGGESTIONS]
        if not suggestions:
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
        if parsed.head is None:
            return "no food word in the name"
        if parsed.head not in self._known:
            return f"{parsed.head!r} is not a food word in USDA SR28"
        return ""

    def _ranked(self, name: str, limit: int) -> list[tuple[int, float, str]]:
        exact = self._exact(name)
        rows: list[tuple[int, float, str]] = []
        if exact is not None:
            rows.append((exact[0], 100.0, exact[1]))
        parsed = self._corrected(parse_name(name, self._known))
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
            return tuple(self._spell(w) for w in words)

        content = fix(parsed.content)
        return ParsedName(
            text=parsed.text,
            head=content[-1] if content else parsed.head,
            content=content,
            preparation=parsed.preparation,
            form=parsed.form,
            side=fix(parsed.side),
            brand=parsed.brand,
            flags=parsed.flags,
        )

    def _spell(self, word: str) -> str:
        if word in self._known or len(word) < TYPO_MIN_LENGTH:
            return word
        fixed = self._spelling.get(word)
        if fixed is None:
            # Misspellings rarely change the first letter: compare within it (fast).
            found = process.extractOne(
                word,
                self._vocabulary_by_letter.get(word[0], []),
                scorer=fuzz.ratio,
                score_cutoff=TYPO_CUTOFF,
            )
            fixed = str(found[0]) if found else word
            self._spelling[word] = fixed
        return fixed

    def _mask(self, postings: dict[str, np.ndarray], word: str) -> np.ndarray:
        """Boolean mask over all foods: which hold ``word`` in the given postings."""
        mask = np.zeros(len(self._ids), dtype=bool)
        hits = postings.get(word)
        if hits is not None:
            mask[hits] = True
        return mask

    def _lookup(self, postings: dict[str, np.ndarray], words: Iterable[str]) -> np.ndarray:
        n = len(self._ids)
        counts = np.zeros(n, dtype=np.int64)
        for w in set(words):
            hits = postings.get(w)
            if hits is not None:
                counts[hits] += 1
        return counts

    def _score(self, parsed: ParsedName, limit: int) -> list[tuple[int, float, str]]:
        head = parsed.head
        if head is None or head not in self._known:
            return []
        query_words = parsed.all_words
        main_words = set(parsed.content) | set(parsed.preparation)
        core_hits = self._lookup(self._core_postings, main_words)
        core_named = (core_hits == self._core_len) & (self._core_len > 0)
        in_head = self._mask(self._head_postings, head)
        hinted = np.zeros(len(self._ids), dtype=bool)
        hint = self._aliases.get(" ".join(parsed.content))
        if hint is not None:
            hinted[hint] = True
        candidates = np.flatnonzero(in_head | core_named | hinted)
        if candidates.size == 0:
            return []
        is_hint = hinted[candidates]
        # A brand the query names (``Budweiser``) identifies the product: no brand, class
        # or core penalty for it.
        brand_named = self._lookup(self._brand_postings, query_words)[candidates] > 0

        weights: dict[str, float] = {}
        for w in parsed.side:
            weights[w] = SIDE_WEIGHT
        for w in parsed.form:
            weights[w] = FORM_WEIGHT
        for w in parsed.preparation:
            weights[w] = PREPARATION_WEIGHT
        for w in parsed.content:
            weights[w] = CONTENT_WEIGHT if w in self._known else UNKNOWN_WORD_WEIGHT
        weights[head] = HEAD_WEIGHT
        matched = np.zeros(candidates.size)
        named = set(parsed.content)
        for w, weight in weights.items():
            present = self._mask(self._all_postings, w)[candidates]
            matched += weight * (present | (is_hint & (w in named)))
        query_cov = matched / sum(weights.values())
        # A head noun naming the subtype (``cheddar`` of ``Cheese, cheddar``) needs no core.
        head_is_subtype = self._mask(self._sub_postings, head)[candidates] & (
            head not in self._food_nouns
        )
        core_cov = core_hits[candidates] / np.maximum(self._core_len[candidates], 1)
        core_cov = np.where(
            head_is_subtype | is_hint | brand_named, 1.0, np.minimum(core_cov, 1.0)
        )
        head_in_core = self._mask(self._core_postings, head)[candidates] | is_hint

        cooking = bool(COOKING_WORDS & set(parsed.preparation))
        implied = IMPLIED_BY_COOKED if cooking else frozenset()
        explained = set(query_words) | implied
        extra = (
            self._content_len[candidates]
            - self._lookup(self._content_postings, explained)[candidates]
        )
        head_extra = (
            self._head_content_len[candidates]
            - self._lookup(self._head_content_postings, explained)[candidates]
        )
        asked = self._asked_variants(parsed)
        flags = self._flags[candidates].copy()
        flags[:, _BRAND_COLUMN] &= ~brand_named
        variant = flags @ np.where(asked, 0.0, self._penalties)
        dish_named = self._lookup(self._dish_postings, query_words)[candidates] > 0
        dish = self._dish[candidates] & ~brand_named & ~dish_named
        raw_clash = (
            self._has_raw[candidates]
            if cooking
            else (self._has_cooked[candidates] & ("raw" in parsed.preparation))
        )
        score = (
            100.0 * (QUERY_COVERAGE_SHARE * query_cov + CORE_COVERAGE_SHARE * core_cov)
            - HEAD_NOT_IN_CORE_PENALTY * ~head_in_core
            - EXTRA_WORD_PENALTY * np.minimum(extra, EXTRA_WORDS_CAP)
            - HEAD_EXTRA_WORD_PENALTY * head_extra
            - LENGTH_PENALTY * self._length[candidates]
            - variant
            - DISH_PENALTY * dish
            - RAW_COOKED_PENALTY * raw_clash
            + ALIAS_HINT_BONUS * is_hint
        )
        # Tie-break the leaders only: rapidfuzz over every candidate would cost the most.
        leaders = np.argsort(-score, kind="stable")[:TIE_BREAK_CANDIDATES]
        query_text = " ".join(parsed.content + parsed.preparation)
        ties = process.cdist(
            [query_text],
            [self._normalized[p] for p in candidates[leaders]],
            scorer=fuzz.token_set_ratio,
        )[0]
        score[leaders] -= TIE_BREAK_SHARE * (100.0 - ties)
        rest = np.ones(candidates.size, dtype=bool)
        rest[leaders] = False
        score[rest] -= TIE_BREAK_SHARE * 100.0
        order = np.lexsort((self._length[candidates], -score))[:limit]
        # A candidate that leaves too much of the name unexplained cannot be accepted.
        shown = np.where(
            query_cov >= MIN_QUERY_COVERAGE,
            np.clip(score, 0.0, 100.0),
            np.clip(score, 0.0, MIN_SCORE - 1.0),
        )
        return [(int(candidates[i]), round(float(shown[i]), 1), "fuzzy") for i in order]

    def _asked_variants(self, parsed: ParsedName) -> np.ndarray:
        words = set(parsed.all_words) | set(parsed.brand)
        text = " ".join(
            parsed.preparation + parsed.content + parsed.side + parsed.form + parsed.brand
        )
        asked = np.zeros(len(VARIANT_PENALTIES), dtype=bool)
        for j, (name, triggers, _) in enumerate(VARIANT_PENALTIES):
            if name != "brand":  # a brand is asked for only by naming it (see _score)
                asked[j] = any((t in words) or (" " in t and t in text) for t in triggers)
        return asked

    def _suggest(self, parsed: ParsedName, name: str) -> list[str]:
        """Nearest descriptions for an unmatched name: shared words first, then spelling."""
        words = [w for w in parsed.all_words if w in self._known]
        if words:
            counts = self._lookup(self._all_postings, words)
            best: np.ndarray = np.flatnonzero((counts == counts.max()) & (counts > 0))
            if best.size:
                order = np.argsort(self._length[best], kind="stable")[:N_SUGGESTIONS]
                return [str(self._descriptions[best[i]]) for i in order]
        query = " ".join(tokens(name))
        if not query:
            return []
        found = process.extract(
            query, self._core_text, scorer=fuzz.WRatio, limit=N_SUGGESTIONS, score_cutoff=60
        )
        return [str(self._descriptions[i]) for _, _, i in found]


def _variant_pattern(triggers: frozenset[str]) -> re.Pattern[str]:
    """Whole-word pattern for variant words; ``without added salt`` is not ``added salt``."""
    words = "|".join(sorted(triggers))
    return re.compile(rf"(?<!without )(?<!not )\b({words})\b")


def _is_content(word: str) -> bool:
    """A description word that tells variants apart (not boilerplate, not a number)."""
    return word not in BOILERPLATE_WORDS and not word.rstrip("%").replace(".", "").isdigit()


def _usable_common_name(raw: str, key: str) -> bool:
    """SR28 ComName entries that are real names, not notes (``Includes USDA Commodity``)."""
    text = raw.strip().lower()
    if not key or len(key) < 3 or any(ch.isdigit() for ch in text):
        return False
    notes = ("commodity", "recipe", "include", "vitamin", "formerly", "original", "old fashion")
    return not any(n in text for n in notes)
