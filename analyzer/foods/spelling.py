"""Spelling: misspelt, run-together and split words of a name, and "did you mean" lists.

Misspellings are corrected word by word against the table's vocabulary (``brocoli``),
run-together words are split (``peanutbutter``) and split ones joined (``oat meal``).
For an unmatched name, :meth:`Speller.suggest` lists the nearest descriptions: those
sharing the most words with the name, else those with a near-identical (misspelt) word.
"""

from __future__ import annotations

import numpy as np
from rapidfuzz import fuzz, process

from analyzer.foods.index import FoodIndex
from analyzer.foods.names import ParsedName, tokens

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

_NONE = np.zeros(0, dtype=np.int64)


class Speller:
    """Spelling corrections and suggestions against one :class:`FoodIndex`.

    Parameters
    ----------
    index : FoodIndex
        The indexed descriptions whose vocabulary is the dictionary.
    """

    def __init__(self, index: FoodIndex) -> None:
        self._index = index
        self._spelling: dict[str, str] = {}

    def corrected(self, parsed: ParsedName) -> ParsedName:
        def fix(words: tuple[str, ...]) -> tuple[str, ...]:
            split = [part for w in words for part in self._split_word(w)]
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
            maker=parsed.maker,
            flags=parsed.flags,
            alternatives=parsed.alternatives,
        )

    def _split_word(self, word: str) -> tuple[str, ...]:
        """An unknown run-together word as two table words (``peanutbutter``)."""
        known = self._index.known
        if word in known or len(word) < 2 * COMPOUND_MIN_PART:
            return (word,)
        for cut in range(COMPOUND_MIN_PART, len(word) - COMPOUND_MIN_PART + 1):
            left, right = word[:cut], word[cut:]
            if left in known and right in known and not {left, right} & self._index.brand_words:
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

    def suggest(self, parsed: ParsedName, name: str) -> list[str]:
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
