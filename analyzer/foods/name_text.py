"""The words of a food name: tokens, plurals, spellings and synonyms.

Both sides of a match, the name as logged and the USDA description, are read into the same
tokens: lower case, no accents or apostrophes, singular (:func:`tokens`), with equivalent
spellings made one (:func:`canonical_spelling`: ``low fat`` is ``lowfat``). Names also get
the regional and everyday synonyms and the survey qualifiers rewritten to SR28's words
(:func:`apply_synonyms`: ``courgette`` is ``zucchini``, ``fat not added in cooking`` is
nothing). :mod:`analyzer.foods.names` reads the roles of the words.

The phrase tables are editorial choices of this project (``data/name_phrases.csv``), not
literature values.
"""

from __future__ import annotations

import re
import unicodedata
from functools import lru_cache

from analyzer.foods.words import phrase_map

#: Phrase synonyms, applied (longest first, whole words) to normalised text before matching.
#: Each maps a regional, brand or everyday phrase to the words USDA SR28 uses, ordered so
#: that the head noun comes last.
PHRASE_SYNONYMS = phrase_map("synonym")

#: Qualifiers that apps and surveys add and SR28 does not use, rewritten to SR28's words
#: or dropped (FNDDS ``fat not added in cooking`` -> nothing, ``skin not eaten`` -> ``meat
#: only``, ``from frozen`` -> ``frozen``); applied with the synonyms.
QUALIFIER_PHRASES = phrase_map("qualifier")

#: Spellings that mean the same on both sides (queries and USDA descriptions alike).
EQUIVALENT_SPELLINGS = phrase_map("spelling")

_TOKEN_RE = re.compile(r"[0-9]+(?:\.[0-9]+)?%|[a-z0-9]+")
_REWRITES = {**QUALIFIER_PHRASES, **PHRASE_SYNONYMS}


def _first_words(table: dict[str, str]) -> dict[str, int]:
    """The longest phrase (in words) of ``table`` starting with each word."""
    longest: dict[str, int] = {}
    for phrase in table:
        words = phrase.split()
        longest[words[0]] = max(longest.get(words[0], 0), len(words))
    return longest


_REWRITE_STARTS = _first_words(_REWRITES)
_SPELLING_STARTS = _first_words(EQUIVALENT_SPELLINGS)


def _rewrite(phrase: str, table: dict[str, str], starts: dict[str, int]) -> str:
    """Replace whole-word phrases of ``table`` in a token phrase, longest first, left to
    right (a dictionary walk over the words: far faster than one regex of every phrase)."""
    words = phrase.split()
    if starts.keys().isdisjoint(words):
        return " ".join(words)
    out: list[str] = []
    i = 0
    while i < len(words):
        for size in range(min(starts.get(words[i], 0), len(words) - i), 0, -1):
            key = " ".join(words[i : i + size])
            if key in table:
                out.append(table[key])
                i += size
                break
        else:
            out.append(words[i])
            i += 1
    return " ".join(" ".join(out).split())


#: ``0%`` (Greek yogurt, milk) is USDA's nonfat.
_ZERO_PERCENT_RE = re.compile(r"(?<!\S)0%(?!\S)")
_NO_SINGULAR = ("ss", "us", "is", "ous", "ics")
_IRREGULAR = {
    "leaves": "leaf",
    "loaves": "loaf",
    "halves": "half",
    "knives": "knife",
    "cookies": "cookie",
    "brownies": "brownie",
    "pies": "pie",
    "potpies": "potpie",
    "smoothies": "smoothie",
    "veggies": "veggie",
    "calories": "calorie",
    "hoagies": "hoagie",
    "pierogies": "pierogi",
    "ties": "tie",
}


@lru_cache(maxsize=65536)
def singular(word: str) -> str:
    """English plural to singular, by simple rules applied to both sides alike.

    Examples
    --------
    >>> [singular(w) for w in ["berries", "cookies", "potatoes", "peaches", "greens", "hummus"]]
    ['berry', 'cookie', 'potato', 'peach', 'green', 'hummus']
    """
    if len(word) <= 3 or word[-1].isdigit():
        return word
    if word in _IRREGULAR:
        return _IRREGULAR[word]
    if word.endswith("ies"):
        return word[:-3] + "y"
    if word.endswith("oes"):
        return word[:-2]
    if word.endswith(("ches", "shes", "xes", "sses", "zzes")):
        return word[:-2]
    if word.endswith("s") and not word.endswith(_NO_SINGULAR):
        return word[:-1]
    return word


def clean_text(text: str) -> str:
    """Lower-case, strip accents, turn ``&`` into ``and`` and drop apostrophes.

    Examples
    --------
    >>> clean_text("Kellogg's Crème & Co.")
    'kelloggs creme and co.'
    """
    decomposed = unicodedata.normalize("NFKD", text)
    ascii_text = decomposed.encode("ascii", "ignore").decode("ascii").lower()
    spaced = ascii_text.replace("&", " and ").replace("'", "").replace("`", "")
    return " ".join(spaced.split())


@lru_cache(maxsize=65536)
def _tokens(text: str) -> tuple[str, ...]:
    return tuple(singular(t) for t in _TOKEN_RE.findall(clean_text(text)))


def tokens(text: str) -> list[str]:
    """Singular lower-case word tokens of one phrase (``2%`` kept as one token).

    Examples
    --------
    >>> tokens("Milk, reduced fat, fluid, 2% milkfat")
    ['milk', 'reduced', 'fat', 'fluid', '2%', 'milkfat']
    """
    return list(_tokens(text))


@lru_cache(maxsize=65536)
def canonical_spelling(phrase: str) -> str:
    """Rewrite equivalent spellings in a token phrase (used on descriptions too).

    Examples
    --------
    >>> canonical_spelling("yogurt vanilla low fat")
    'yogurt vanilla lowfat'
    """
    return _rewrite(phrase, EQUIVALENT_SPELLINGS, _SPELLING_STARTS)


@lru_cache(maxsize=65536)
def apply_synonyms(phrase: str) -> str:
    """Rewrite synonyms in a space-joined token phrase to USDA's words.

    Examples
    --------
    >>> apply_synonyms("bok choy cooked")
    'chinese pak choi cabbage cooked'
    """
    phrase = _ZERO_PERCENT_RE.sub("nonfat", canonical_spelling(phrase))
    return _rewrite(phrase, _REWRITES, _REWRITE_STARTS)
