"""The parts of a food name: asides, ``or`` lists, negations, and what the name is.

:func:`analyzer.foods.names.parse_name` reads a name part by part. Before it sorts the words,
this module drops the asides that list what a food includes or say nothing of it (FNDDS
``NS as to form``, Cronometer ``Includes Cherry, Grape, Roma``), merges ``or`` lists into
one part whose words count as a group (``Pinto, calico, or red Mexican beans``), drops
negated words (``chili, no beans``), and flags names that are no plain food: supplements,
personal recipes, specialty products, combinations of foods, meal names and lone class
nouns.

The word lists are editorial choices of this project (``data/name_words.csv``,
``data/name_phrases.csv``), not literature values.
"""

from __future__ import annotations

import re

from analyzer.foods.words import phrase_map, word_set

#: Phrases of a specialty product whose make-up SR28 does not have (``protein bar``,
#: ``keto``, ``plant based``, ``oat milk``): such a name is unmatched, not sent to the
#: ordinary food it resembles.
SPECIALTY_PHRASES = tuple(phrase_map("specialty"))
_SPECIALTY_RE = re.compile(
    r"(?<![\w%])(" + "|".join(re.escape(p) for p in SPECIALTY_PHRASES) + r")(?![\w%])"
)

#: Weekday and month names: a name containing one is a personal recipe (``Sunday stew``).
DATE_WORDS = word_set("date")

#: Words marking the user's own recipe.
PERSONAL_WORDS = word_set("personal")

#: Words marking a dietary supplement or drug (never a USDA food).
SUPPLEMENT_WORDS = word_set("supplement")

#: Nutrient names: a name made only of these (and numbers) is a supplement (``Zinc``).
NUTRIENT_WORDS = word_set("nutrient")

#: Meal and diary-section names: a name made only of these (and numbers) is not a food
#: (``Breakfast``, ``Snacks``, ``Meal 1``).
MEAL_WORDS = word_set("meal")

#: Class nouns too general to pick a food by themselves (``fish``, ``fruit``, ``soup``):
#: a name that is only one of these is unmatched, with suggestions.
VAGUE_WORDS = word_set("vague")

#: Words that join a dish to its side (``coffee with milk``): the head is before them.
JOIN_WORDS = frozenset({"with", "w", "and", "in", "on", "plus"})

#: Glue words that never count as content.
STOP_WORDS = frozenset({"of", "the", "a", "an", "for", "to", "from", "or", "by", "type"})


#: Words negating the next one (``chili, no beans``, ``apples without skin``): both are
#: dropped, as in USDA descriptions (:func:`analyzer.foods.index._affirmed`).
QUERY_NEGATION_WORDS = frozenset({"no", "non", "without", "not"})

#: Words that join a food to what it is served with, on or in (``eggs on toast``, ``tuna
#: in water``): the food is before them, the rest is a side.
SIDE_JOIN_WORDS = frozenset({"with", "w", "on", "in"})

#: A parenthesised aside that lists what a food includes or says nothing of the food
#: (``(includes foods for USDA's Food Distribution Program)``, ``(0% moisture)``).
_ASIDE_RE = re.compile(r"\(\s*(?:includes?|incl\b|formerly|ns\b|nfs\b|\d)[^)]*\)?", re.I)
#: Parts that say nothing of the food: FNDDS ``NS as to form``, ``NFS``.
_NOTHING_PART_RE = re.compile(r"^\s*(?:ns as to|nfs\b|not specified)", re.I)
#: An app name "Brand - Food": a first part ended by a spaced dash.
_APP_BRAND_RE = re.compile(r"^[^,(]*?\s[-–]\s")


def is_app_brand(text: str) -> bool:
    """True when a name starts with a maker and a spaced dash (``Chobani - Greek Yogurt``)."""
    return bool(_APP_BRAND_RE.match(text))


#: A part listing what the food includes (``Tomato Raw, Includes Cherry, Grape, Roma``):
#: it and the parts after it are dropped.
_INCLUDES_PART_RE = re.compile(r"^\s*(?:includes?|incl)\b", re.I)


def without_asides(parts: list[str]) -> list[str]:
    """Name parts without asides that list varieties or say nothing of the food."""
    kept: list[str] = []
    for part in parts:
        if _INCLUDES_PART_RE.match(part):
            break
        if _NOTHING_PART_RE.match(part):
            continue
        cleaned = _ASIDE_RE.sub(" ", part).strip()
        if cleaned:
            kept.append(cleaned)
    return kept


def alternatives(
    parts: list[list[str]], sizes: list[int] | None = None
) -> tuple[list[list[str]], list[frozenset[str]]]:
    """Merge ``or`` lists into one part and collect each list's words as a group.

    ``Pinto, calico, or red Mexican beans`` is one part (``pinto calico red mexican bean``)
    with the group {pinto, calico, red}; in ``Onion, White, Yellow or Red`` the group is
    {white, yellow, red} and ``onion`` stays the food. Only parts written as one word join
    the list before an ``or`` (``sizes``: the words each part was written with): in
    ``Orange juice, with calcium added, canned, bottled or in a carton`` the list is
    {canned, bottled, carton}.
    """
    merged: list[list[str]] = []
    merged_sizes: list[int] = []
    groups: list[frozenset[str]] = []
    sizes = sizes if sizes is not None else [len(p) for p in parts]
    for part, size in zip(parts, sizes, strict=True):
        if "or" not in part:
            merged.append(part)
            merged_sizes.append(size)
            continue
        leading = part[0] == "or"
        taken: list[str] = []
        first_allowed = 0 if leading else 1
        while len(merged) > first_allowed and len(merged[-1]) == 1 and merged_sizes[-1] == 1:
            merged_sizes.pop()
            taken = merged.pop() + taken
        members = set(taken)
        glue = STOP_WORDS | JOIN_WORDS
        for k, word in enumerate(part):
            if word != "or":
                continue
            before = [w for w in part[:k] if w not in glue]
            after = [w for w in part[k + 1 :] if w not in glue]  # "or in a carton": carton
            members.update(before[-1:] + after[:1])
        words = taken + [w for w in part if w != "or"]
        merged.append(words)
        merged_sizes.append(len(words))
        if len(members) > 1:
            groups.append(frozenset(members))
    return merged, groups


def without_negated(words: list[str]) -> list[str]:
    """Words of a part without negated ones (``no bean`` names no beans)."""
    kept: list[str] = []
    skip = False
    for word in words:
        if skip:
            skip = False
        elif word in QUERY_NEGATION_WORDS:
            skip = True
        else:
            kept.append(word)
    return kept


def name_flags(parts: list[list[str]]) -> set[str]:
    """What a name is when it is no plain food, from its parts' words.

    ``supplement`` (a supplement or drug word, or only nutrient names: ``Zinc``),
    ``personal`` (a date or an own-recipe word), ``specialty`` (:data:`SPECIALTY_PHRASES`),
    ``combination`` (foods joined by ``and``: a food must explain each), ``meal`` (only meal
    or diary-section words) and ``vague`` (a lone class noun such as ``fish``).
    """
    flags: set[str] = set()
    all_words = [w for part in parts for w in part]
    if any(w in SUPPLEMENT_WORDS for w in all_words):
        flags.add("supplement")
    meaningful = [w for w in all_words if not w.replace(".", "").isdigit()]
    if (
        meaningful
        and all(w in NUTRIENT_WORDS for w in meaningful)
        and any(len(w) > 3 for w in meaningful)  # "Vitamin C", "Zinc"; not a lone "c"
    ):
        flags.add("supplement")
    if any(w in DATE_WORDS or w in PERSONAL_WORDS for w in all_words):
        flags.add("personal")
    if _SPECIALTY_RE.search(" ".join(all_words)):
        flags.add("specialty")
    if any("and" in part[1:] or (part and part[0] == "and") for part in parts):
        flags.add("combination")  # "Beef, rice, and vegetables": every food is named
    if meaningful and all(w in MEAL_WORDS or w in STOP_WORDS for w in meaningful):
        flags.add("meal")
    if len(meaningful) == 1 and meaningful[0] in VAGUE_WORDS:
        flags.add("vague")
    return flags
