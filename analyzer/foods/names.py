"""Food names as people write them: normalisation, word classes and the query's head noun.

People log ``Frozen Spinach, Organic``, ``Publix, Sharp Cheddar, Slices`` or ``brocoli``;
USDA SR28 writes ``Spinach, frozen, ...`` and ``Cheese, cheddar``. This module turns both
sides into comparable tokens (lower case, singular, no punctuation or marketing words,
regional synonyms mapped to USDA's word) and finds the *head noun*, the word that says
which food it is. :mod:`analyzer.foods.table` matches head nouns first and modifiers second.

The word lists are editorial choices of this project (no literature values).
"""

from __future__ import annotations

import re
from dataclasses import dataclass, field

from analyzer.foods.name_parts import (
    DATE_WORDS,
    JOIN_WORDS,
    MEAL_WORDS,
    NUTRIENT_WORDS,
    PERSONAL_WORDS,
    QUERY_NEGATION_WORDS,
    SIDE_JOIN_WORDS,
    SPECIALTY_PHRASES,
    STOP_WORDS,
    SUPPLEMENT_WORDS,
    VAGUE_WORDS,
    alternatives,
    is_app_brand,
    name_flags,
    without_asides,
    without_negated,
)
from analyzer.foods.name_text import (
    EQUIVALENT_SPELLINGS,
    PHRASE_SYNONYMS,
    QUALIFIER_PHRASES,
    apply_synonyms,
    canonical_spelling,
    clean_text,
    singular,
    tokens,
)
from analyzer.foods.words import word_set

__all__ = [
    "DATE_WORDS",
    "EQUIVALENT_SPELLINGS",
    "JOIN_WORDS",
    "MEAL_WORDS",
    "NUTRIENT_WORDS",
    "PERSONAL_WORDS",
    "PHRASE_SYNONYMS",
    "QUALIFIER_PHRASES",
    "QUERY_NEGATION_WORDS",
    "SPECIALTY_PHRASES",
    "STOP_WORDS",
    "SUPPLEMENT_WORDS",
    "VAGUE_WORDS",
    "ParsedName",
    "apply_synonyms",
    "canonical_spelling",
    "clean_text",
    "normalize_name",
    "parse_name",
    "segments",
    "singular",
    "strip_parentheses",
    "tokens",
    "word_list",
]


def word_list(text: str) -> list[str]:
    """The whitespace-separated words of a word-list literal."""
    return text.split()


#: Words that carry no nutrition: marketing, provenance, praise (removed from queries).
MARKETING_WORDS = word_set("marketing")

#: Store and packaged-food brands seen as prefixes in diaries (removed from queries).
BRAND_WORDS = word_set("brand")

#: Preparation words: they choose the variant (``cooked`` vs ``raw``) but never the food.
PREPARATION_WORDS = word_set("preparation")

#: Words of a dried food; next to a word of cooking in water they say what it was cooked
#: from (``Beans, dry, cooked``), unlike ``dry roasted``.
DRY_WORDS = frozenset({"dry", "dried"})
DRY_COOKED_WORDS = frozenset({"cooked", "boiled", "stewed", "simmered", "steamed"})

#: Form and portion words: how much or what shape, not which food (low weight, never head).
FORM_WORDS = word_set("form")

_SEPARATOR_RE = re.compile(r"[,;]")
_PARENTHESES_RE = re.compile(r"\([^)]*\)")
# Brand and marketing words are compared with singular tokens (``starbucks`` ->
# ``starbuck``).
MARKETING_WORDS = MARKETING_WORDS | {singular(w) for w in MARKETING_WORDS}
BRAND_WORDS = BRAND_WORDS | {singular(w) for w in BRAND_WORDS}


def normalize_name(text: str) -> str:
    """Canonical key of a food name for alias lookup: tokens, synonyms, no marketing words.

    Examples
    --------
    >>> normalize_name("Organic Collard Greens")
    'collard'
    >>> normalize_name("Hard-Boiled Eggs")
    'hard boiled egg'
    """
    words = [t for t in tokens(text) if t not in MARKETING_WORDS and t not in BRAND_WORDS]
    return apply_synonyms(" ".join(words))


def segments(text: str) -> list[str]:
    """Parts of a name split at commas, semicolons and spaced dashes (not in parentheses).

    Diary apps write ``Brand - Product`` (MyFitnessPal, Lose It!); USDA writes commas.

    Examples
    --------
    >>> segments("Chickpeas (garbanzo beans, bengal gram), mature seeds, raw")
    ['Chickpeas (garbanzo beans, bengal gram)', 'mature seeds', 'raw']
    >>> segments("Horizon - Organic Whole Milk")
    ['Horizon', 'Organic Whole Milk']
    """
    text = text.replace(" - ", ", ")
    if "(" not in text and "[" not in text:
        return [p.strip() for p in _SEPARATOR_RE.split(text) if p.strip()]
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for ch in text:
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        if ch in ",;" and depth == 0:
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return [p.strip() for p in parts if p.strip()]


def strip_parentheses(text: str) -> str:
    """Text without its parenthesised asides.

    Examples
    --------
    >>> strip_parentheses("Chickpeas (garbanzo beans, bengal gram)")
    'Chickpeas'
    """
    if "(" not in text:
        return text.strip()
    return _PARENTHESES_RE.sub(" ", text).strip()


@dataclass(frozen=True)
class ParsedName:
    """A food name as logged, split into the words that matter for matching.

    Attributes
    ----------
    text : str
        The name as written.
    head : str or None
        The head noun: the last content word of the main part (``spinach`` in
        ``Frozen Spinach, Organic``); None when the name has no content word.
    content : tuple of str
        Content words (food nouns and modifiers) of the main part, head included.
    preparation : tuple of str
        Preparation words (``cooked``, ``raw``, ``canned`` ...) anywhere in the name.
    form : tuple of str
        Form and portion words (``slice``, ``fillet``), low weight.
    modifiers : tuple of str
        Content words of later parts (``cherry`` in ``Tomatoes, Cherry, Raw``).
    side : tuple of str
        Content words after a join word (``milk`` in ``coffee with milk``), low weight.
    brand : tuple of str
        Words dropped as brands or marketing.
    maker : tuple of str
        The maker's words of an app name (``Almond Breeze`` of ``Almond Breeze - Original
        Unsweetened``), also among ``brand`` or, for a product named by its maker alone
        (``Skittles - Original``), ``content``.
    alternatives : tuple of frozenset of str
        Groups of words joined by ``or`` (``yellow or white``, ``baked, broiled, or
        roasted``): a food naming any one of a group explains the whole group.
    flags : frozenset of str
        ``supplement``, ``personal`` (own recipe, dated name), ``specialty`` (a product
        such as a protein bar or oat milk, :data:`SPECIALTY_PHRASES`), ``meal`` (a meal or
        diary-section name such as ``Snacks``), ``vague`` (a lone class noun such as
        ``fish``) when detected.
    """

    text: str
    head: str | None
    content: tuple[str, ...]
    preparation: tuple[str, ...] = ()
    form: tuple[str, ...] = ()
    modifiers: tuple[str, ...] = ()
    side: tuple[str, ...] = ()
    brand: tuple[str, ...] = ()
    maker: tuple[str, ...] = ()
    flags: frozenset[str] = field(default_factory=frozenset)
    alternatives: tuple[frozenset[str], ...] = ()

    @property
    def all_words(self) -> frozenset[str]:
        """Every word that may match a food's description."""
        return frozenset(self.content + self.modifiers + self.preparation + self.form + self.side)


def _classify(words: list[str]) -> tuple[list[str], list[str], list[str], list[str]]:
    content: list[str] = []
    prep: list[str] = []
    form: list[str] = []
    dropped: list[str] = []
    for word in words:
        if word in MARKETING_WORDS or word in BRAND_WORDS:
            dropped.append(word)
        elif word in PREPARATION_WORDS:
            prep.append(word)
        elif word in FORM_WORDS:
            form.append(word)
        elif word in STOP_WORDS or word.replace(".", "").isdigit():
            continue
        else:
            content.append(word)
    return content, prep, form, dropped


def parse_name(
    text: str,
    known: frozenset[str] | set[str] = frozenset(),
    makers: frozenset[str] | set[str] = frozenset(),
    food_nouns: frozenset[str] | set[str] = frozenset(),
) -> ParsedName:
    """Split a logged food name into head noun, modifiers, preparation and brand words.

    Parameters
    ----------
    text : str
        The name as written.
    known : set of str
        Vocabulary of the nutrient table (singular tokens). A leading part whose words are
        all unknown is taken as a brand (``Publix, Sharp Cheddar``).
    makers : set of str
        Words the table writes only in brand names (``kraft``, ``chobani``): a first part
        made of these (and unknown words) is the maker (``Kraft, Macaroni & Cheese``).
    food_nouns : set of str
        Nouns of the table's generic foods (``coffee``, ``spinach``). The part before an
        app's `` - `` is the maker unless it names a food and the rest names none
        (``Spinach - Cooked, Boiled, Drained``, ``Coffee - Brewed from grounds``).

    Examples
    --------
    >>> p = parse_name("Frozen Spinach, Organic")
    >>> p.head, p.preparation
    ('spinach', ('frozen',))
    >>> parse_name("Sweet Potato, Baked").content
    ('sweet', 'potato')
    >>> parse_name("Coffee with milk").side
    ('milk',)
    """
    written = [tokens(s) for s in without_asides(segments(text))]
    parts, groups = alternatives(
        [without_negated(apply_synonyms(" ".join(t)).split()) for t in written],
        [len(t) for t in written],
    )
    flags = name_flags(parts)
    # MyFitnessPal and Lose It! write "Brand - Food": the part before " - " is the maker.
    words = _Words()
    maker = len(parts) > 1 and (
        (is_app_brand(text) and not _names_the_food(parts, food_nouns))
        or (bool(makers) and _all_makers(parts[0], known, makers))
    )
    words.read(parts, known, maker=maker)
    if words.names_no_food():
        flags.add("vague")  # "Soylent - Original Drink" names no food
    head = words.finish()
    return ParsedName(
        text=text,
        head=head,
        content=tuple(words.main),
        preparation=tuple(words.prep),
        form=tuple(words.form),
        modifiers=tuple(words.modifiers),
        side=tuple(words.side),
        brand=tuple(words.brand),
        maker=tuple(words.maker),
        flags=frozenset(flags),
        alternatives=tuple(groups),
    )


def _names_the_food(parts: list[list[str]], food_nouns: frozenset[str] | set[str]) -> bool:
    """True when an app name's first part is the food and the rest only qualifies it: the
    first part ends in a food noun and no later part names a food (``Spinach - Cooked``;
    not ``Taco Bell - Bean Burrito``)."""
    first = [w for w in parts[0] if w not in MARKETING_WORDS and w not in BRAND_WORDS]
    if not first or first[-1] not in food_nouns:
        return False
    return not any(w in food_nouns for part in parts[1:] for w in part)


def _all_makers(
    part: list[str], known: frozenset[str] | set[str], makers: frozenset[str] | set[str]
) -> bool:
    """True when a name part names a maker: its content words are brand-only words of the
    table, or unknown to it, and at least one is a brand word."""
    content = [w for w in part if w not in STOP_WORDS and not w.isdigit()]
    return any(w in makers for w in content) and all(
        w in makers or w not in known for w in content
    )


@dataclass
class _Words:
    """The words of a name sorted into their roles, part by part (see :func:`parse_name`)."""

    main: list[str] = field(default_factory=list)
    modifiers: list[str] = field(default_factory=list)
    side: list[str] = field(default_factory=list)
    prep: list[str] = field(default_factory=list)
    form: list[str] = field(default_factory=list)
    brand: list[str] = field(default_factory=list)
    maker: list[str] = field(default_factory=list)

    def read(self, parts: list[list[str]], known: frozenset[str] | set[str], maker: bool) -> None:
        """Sort each part's words: the first content part is the food, later ones modify it."""
        for number, part in enumerate(parts):
            cut = next(
                (i for i, w in enumerate(part) if w in SIDE_JOIN_WORDS and (i > 0 or w != "on")),
                None,
            )
            part, extra = (part[:cut], part[cut + 1 :]) if cut is not None else (part, [])
            content, p, f, dropped = _classify(part)
            self.brand += dropped
            self.prep += p
            self.form += f
            e_content, e_prep, _, e_dropped = _classify(extra)
            self.side += [w for w in e_content if w not in JOIN_WORDS]
            self.prep += e_prep
            self.brand += e_dropped
            content = [w for w in content if w not in JOIN_WORDS]
            if self.main:
                self.modifiers += content
            elif (
                content
                and known
                and all(w not in known for w in content)
                and len(parts) > 1
                and not self.maker
            ):
                self.brand += content  # a leading all-unknown part is a brand name
            elif maker and number == 0:
                self.maker = content or dropped  # a known brand word: ``Oikos - Vanilla``
                self.brand += content
            else:
                self.main = content
        if not self.main and not self.modifiers and self.maker:
            self.main = self.maker  # the brand is the product ("Skittles - Original")
            self.brand = [w for w in self.brand if w not in self.maker]

    def names_no_food(self) -> bool:
        """True when the only food word is a class noun such as ``drink``."""
        words = self.main + self.modifiers
        return len(words) == 1 and not self.side and not self.form and words[0] in VAGUE_WORDS

    def finish(self) -> str | None:
        """Tidy the food's words and return its head noun."""
        main = self.main
        if len(main) > 1 and main[-1] == "meat" and main[-2] not in VAGUE_WORDS:
            main = main[:-1]  # "crab meat" is crab
        if DRY_COOKED_WORDS.intersection(self.prep):
            # "Beans, dry, cooked": cooked from the dried pulse, not the dry form
            main, self.modifiers, self.prep = (
                [w for w in ws if w not in DRY_WORDS] for ws in (main, self.modifiers, self.prep)
            )
        main = list(reversed(list(dict.fromkeys(reversed(main)))))  # "donuts glazed donut"
        named = [w for w in main if not any(c.isdigit() for c in w)]
        head = named[-1] if named else (main[-1] if main else None)
        if head is not None and head != main[-1]:
            main = [w for w in main if w != head] + [head]  # "dark chocolate 70%": chocolate
        if head is None and (self.modifiers or self.side):
            rest = self.modifiers or self.side
            head = rest.pop()
            main = [head]
        self.main = main
        return head
