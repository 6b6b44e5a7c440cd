"""A food name that carries its amount: the food part and the amount part, split once.

People and apps often write the amount inside the name: free-text logs (``2 eggs
scrambled``, ``a handful of almonds``, ``half a tin of baked beans``, ``40g porridge oats``)
and app names (MyFitnessPal ``Generic - Banana, 1 medium``, ``Quaker - Old Fashioned Oats,
1/2 cup dry``). :func:`split_name` is the ONE place that reads such a name: the matcher
matches its food part (:meth:`analyzer.foods.matcher.FoodMatcher.match`), and the diary
takes its amount part when the row's amount cell is blank
(:func:`analyzer.diary.amounts.amounts_from_names`).

The shapes read, in this order:

leading
    a quantity (a number, a fraction, ``40g``, ``1,5``, or a word: ``a``, ``one`` ...
    ``twelve``, ``half a``, ``a couple of``, ``a dozen``), then optional size words
    (``small``, ``large``) and a household unit (``cup``, ``slice``, ``tin``, ``handful``:
    the ``amount_unit`` list of ``data/name_words.csv``, and every mass and volume unit),
    then an optional ``of``; or, without a quantity, ``[size] unit of`` (``handful of
    grapes``, ``large mug of black coffee``: one of them). Words that give no number (``a
    few``, ``some``) are kept as the amount as written, with no readable amount.
trailing
    a comma part after the food that starts with a number (``..., 1 cup``, ``..., 4 oz``,
    ``..., 1 cup, chopped``); a percentage or a size in inches (``2% milkfat``,
    ``14" pizza``) is part of the food, not an amount. Preparation words after the unit
    (``1/2 cup dry``, ``1 cup prepared``) describe the food too, and are kept in both parts.
in parentheses
    ``steak (8oz)``, ``yogurt (170 g)``.
at the end
    a number and a unit ending the name (``milk 250 ml``); a number alone does not (``7 up``
    is a soda).

Amounts are written in the parser's spelling (:func:`tidy_amount`: MyFitnessPal's
``serving(s)``, ``fl. oz`` and ``1 patty 151g.``, a decimal comma). MyFitnessPal's ``Brand -
Food`` is left whole: the matcher reads the brand (:func:`analyzer.foods.names.parse_name`).

The word lists are editorial choices of this project (no literature values).
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import lru_cache

from analyzer.errors import AmountError
from analyzer.foods.names import PREPARATION_WORDS, singular, tokens
from analyzer.foods.quantities import (
    MASS_UNITS_G,
    VOLUME_UNITS_ML,
    normalize_unit,
    parse_amount,
)
from analyzer.foods.words import word_set

#: Household units written before a food (``2 slices``, ``a tin of``), singular.
AMOUNT_UNITS = word_set("amount_unit")
#: Size words written before a unit or a food (``a small pear``, ``large mug of``).
AMOUNT_SIZES = word_set("amount_size")

#: Words after the unit that describe the food too (``1/2 cup dry``, ``1 cup prepared``).
DESCRIBING_WORDS = PREPARATION_WORDS | frozenset({"dry", "dried", "uncooked", "raw"})

#: Number words and what they count, longest first where one starts another.
NUMBER_WORDS: dict[str, float | None] = {
    "a quarter of a": 0.25,
    "a quarter of an": 0.25,
    "quarter of a": 0.25,
    "quarter of an": 0.25,
    "a quarter": 0.25,
    "quarter": 0.25,
    "half a": 0.5,
    "half an": 0.5,
    "a half": 0.5,
    "half": 0.5,
    "a couple of": 2.0,
    "couple of": 2.0,
    "a couple": 2.0,
    "a dozen": 12.0,
    "dozen": 12.0,
    "a few": None,
    "few": None,
    "some": None,
    "several": None,
    "a little": None,
    "a bit of": None,
    "a": 1.0,
    "an": 1.0,
    "one": 1.0,
    "two": 2.0,
    "three": 3.0,
    "four": 4.0,
    "five": 5.0,
    "six": 6.0,
    "seven": 7.0,
    "eight": 8.0,
    "nine": 9.0,
    "ten": 10.0,
    "eleven": 11.0,
    "twelve": 12.0,
}

_NUMBER = r"(?:\d+\s+\d+/\d+|\d+/\d+|\d+,\d{1,2}(?!\d)|\d+(?:\.\d+)?|\.\d+|[½¼¾⅓⅔⅛])"
#: A leading number, maybe glued to its unit (``40g``).
_LEADING_NUMBER = re.compile(rf"^({_NUMBER})(?=[A-Za-z\s]|$)\s*")
#: A number that is a share or a size, not an amount (``2% milk``, ``14" pizza``).
_NOT_AN_AMOUNT = re.compile(rf"^{_NUMBER}\s*(?:%|\"|''|-?inch\b|-?in\b|-?grain\b|-?bean\b)")
_NUMBER_WORDS_RE = re.compile(
    r"^("
    + "|".join(re.escape(w) for w in sorted(NUMBER_WORDS, key=len, reverse=True))
    + r")\b\s*",
    re.IGNORECASE,
)
_WORD = re.compile(r"[A-Za-z]+(?:\.)?")
#: An amount in parentheses after the food (``steak (8oz)``, ``yogurt (170 g)``).
_PARENS = re.compile(r"^(?P<food>.*?\S)\s*\((?P<amount>\s*[\d½¼¾⅓⅔⅛.][^()]*)\)\s*(?P<rest>.*)$")
#: A comma between digits is a decimal comma (``1,5 cups``), never a separator.
_DECIMAL_COMMA = re.compile(r"(?<=\d),(?=\d{1,2}(?!\d))")
#: App spellings of an amount: ``serving(s)``, ``fl. oz``, grams after the unit without
#: parentheses (MyFitnessPal ``1 patty 151g.``).
_PLURAL_MARK = re.compile(r"\(s\)")
_FL_DOT = re.compile(r"(?i)\bfl\.\s*oz\b")
_TRAILING_GRAMS = re.compile(r"^(?P<head>\S+\s+\S+?)\s+(?P<grams>\d+(?:\.\d+)?\s*g)$")


@dataclass(frozen=True)
class NameAmount:
    """A logged name split into its food part and its amount part.

    Attributes
    ----------
    food : str
        The food part (the whole name when it carries no amount).
    amount : str or None
        The amount as :func:`analyzer.foods.quantities.parse_amount` reads it (``"2"``,
        ``"1 cup"``, ``"0.5 tin"``, ``"1 large mug"``); None when the name gives none, or
        gives one without a number (``a few``).
    written : str or None
        The amount words as written in the name (``"a handful of"``, ``"a few"``); None
        when the name carries no amount words.
    """

    food: str
    amount: str | None = None
    written: str | None = None


def _is_unit(word: str) -> bool:
    canonical = normalize_unit(word)
    return (
        canonical in MASS_UNITS_G
        or canonical in VOLUME_UNITS_ML
        or canonical in AMOUNT_UNITS
        or singular(word.lower().rstrip(".")) in AMOUNT_UNITS
    )


def _unit_at(text: str) -> tuple[str, str] | None:
    """A unit (one or two words) at the start of ``text``: (canonical unit, rest)."""
    for width in (2, 1):
        words = text.split(maxsplit=width)
        if len(words) < width:
            continue
        candidate = " ".join(words[:width])
        if width == 2 and normalize_unit(candidate) not in ("fl oz", "oz wt"):
            continue
        if width == 1 and not _WORD.fullmatch(candidate):
            continue
        if _is_unit(candidate):
            rest = words[width] if len(words) > width else ""
            unit = normalize_unit(candidate)
            if unit not in MASS_UNITS_G and unit not in VOLUME_UNITS_ML:
                unit = singular(candidate.lower().rstrip("."))
            return unit, rest
    return None


def _sizes_at(text: str) -> tuple[list[str], str]:
    """Size words at the start of ``text`` and the rest."""
    sizes: list[str] = []
    rest = text
    while True:
        words = rest.split(maxsplit=1)
        if not words or words[0].lower() not in AMOUNT_SIZES:
            return sizes, rest
        sizes.append(words[0].lower())
        rest = words[1] if len(words) > 1 else ""


def _of(text: str) -> tuple[bool, str]:
    words = text.split(maxsplit=1)
    if words and words[0].lower() == "of":
        return True, words[1] if len(words) > 1 else ""
    return False, text


def _number_text(value: float) -> str:
    return f"{value:g}"


def _leading(text: str) -> NameAmount | None:
    """``2 eggs scrambled``, ``a handful of almonds``, ``handful of grapes``."""
    if _NOT_AN_AMOUNT.match(text):
        return None
    number = _LEADING_NUMBER.match(text)
    quantity: str | None
    if number:
        quantity = number.group(1).replace(",", ".")  # a decimal comma: 1,5 cups
        rest = text[number.end() :]
    else:
        word = _NUMBER_WORDS_RE.match(text)
        if word:
            value = NUMBER_WORDS[word.group(1).lower()]
            quantity = None if value is None else _number_text(value)
            rest = text[word.end() :]
        else:
            if " of " not in f" {text.lower()} ":
                return None  # no quantity: only "[size] unit of food" counts as one
            quantity, rest = "", text
    sizes, after_sizes = _sizes_at(rest)
    unit = _unit_at(after_sizes)
    used = unit[1] if unit else after_sizes
    has_of, food = _of(used)
    if quantity == "":  # no quantity: only "[size] unit of food" counts as one
        if unit is None or not has_of:
            return None
        quantity = "1"
    food = food.strip(" ,")
    if not food or food.lower().startswith(("and ", "& ", "n ")):
        return None  # "half and half" is a cream, not half of something
    written = text[: len(text) - len(food)].strip(" ,") if text.endswith(food) else text
    if quantity is None:
        return NameAmount(food=food, amount=None, written=written)
    parts = [quantity, *sizes, unit[0] if unit else ""]
    return NameAmount(food=food, amount=" ".join(p for p in parts if p), written=written)


def vague_reason(written: str) -> str:
    """Why amount words without a number (``a few``, ``some``) are not an amount: the one
    message for every reader (a name, an amount cell, a free-text phrase)."""
    return f"the amount {written!r} gives no number; write the amount, e.g. 3 or 1 cup"


def amount_words(text: str) -> NameAmount | None:
    """An amount written in words, as in an amount cell: ``half``, ``a handful``, ``half a
    block``, ``two slices``, ``a few``.

    Returns
    -------
    NameAmount or None
        ``amount`` in the parser's spelling (``"0.5"``, ``"1 handful"``, ``"0.5 block"``),
        None for words that give no number (``a few``: see :func:`vague_reason`);
        ``written`` the text. None when the text does not start with a number word.

    Examples
    --------
    >>> [amount_words(t).amount for t in ("half", "a handful", "half a block", "a few")]
    ['0.5', '1 handful', '0.5 block', None]
    >>> amount_words("lots") is None
    True
    """
    stripped = " ".join(str(text).split())
    word = _NUMBER_WORDS_RE.match(stripped)
    if word is None:
        return None
    value = NUMBER_WORDS[word.group(1).lower()]
    rest = stripped[word.end() :].strip()
    if value is None:
        return NameAmount(food="", amount=None, written=stripped)
    amount = f"{_number_text(value)} {rest}".strip()
    return NameAmount(food="", amount=amount, written=stripped)


def tidy_amount(text: str) -> str:
    """An amount as apps write it, in the parser's spelling: ``2 serving(s)`` -> ``2
    serving``, ``16 fl. oz`` -> ``16 fl oz``, ``1 patty 151g.`` -> ``1 patty (151g)``
    (the grams restate the patty), ``1,5 cups`` -> ``1.5 cups``.

    Examples
    --------
    >>> tidy_amount("1 patty 151g."), tidy_amount("2 serving(s)"), tidy_amount("16 fl. oz")
    ('1 patty (151g)', '2 serving', '16 fl oz')
    """
    text = _PLURAL_MARK.sub("", text)
    text = _FL_DOT.sub("fl oz", text)
    text = _DECIMAL_COMMA.sub(".", text).strip().rstrip(".").strip()
    grams = _TRAILING_GRAMS.match(text)
    if grams and "(" not in text:
        text = f"{grams['head']} ({grams['grams'].replace(' ', '')})"
    return text


def _top_level_parts(text: str) -> list[str]:
    """Comma parts of ``text`` outside parentheses (a decimal comma, ``1,5``, is none)."""
    parts: list[str] = []
    depth = 0
    current: list[str] = []
    for i, ch in enumerate(text):
        if ch in "([":
            depth += 1
        elif ch in ")]":
            depth = max(depth - 1, 0)
        if ch == "," and depth == 0 and not _DECIMAL_COMMA.match(text, i):
            parts.append("".join(current))
            current = []
        else:
            current.append(ch)
    parts.append("".join(current))
    return parts


def _trailing(text: str) -> NameAmount | None:
    """``Generic - Banana, 1 medium``, ``..., 1 cup, chopped``, ``..., 1/2 cup dry``."""
    parts = _top_level_parts(text)
    for i in range(1, len(parts)):
        segment = parts[i].strip()
        if not _LEADING_NUMBER.match(segment) or _NOT_AN_AMOUNT.match(segment):
            continue
        written = ",".join(parts[i:]).strip()
        amount = tidy_amount(written)
        try:
            parsed = parse_amount(tidy_amount(segment))
        except AmountError:
            continue
        food = ",".join(parts[:i]).strip(" ,")
        if not food:
            return None
        unit_words = (parsed.unit or "").replace(",", " ").split()
        described = [w for w in unit_words[1:] if w in DESCRIBING_WORDS]
        if described:
            food = f"{food}, {' '.join(described)}"
        return NameAmount(food=food, amount=amount, written=written)
    return None


def _in_parentheses(text: str) -> NameAmount | None:
    """``steak (8oz)``, ``Greek yogurt (170 g) with honey``: an amount in parentheses."""
    found = _PARENS.match(text)
    if not found:
        return None
    written = found["amount"].strip()
    if _NOT_AN_AMOUNT.match(written) or not _LEADING_NUMBER.match(written):
        return None
    amount = tidy_amount(written)
    try:
        parse_amount(amount)
    except AmountError:
        return None
    food = f"{found['food']} {found['rest']}".strip(" ,")
    return NameAmount(food=food, amount=amount, written=written) if food else None


def _at_the_end(text: str) -> NameAmount | None:
    """``milk 250 ml``, ``coke 12 fl oz``: a number and a unit ending the name."""
    words = text.split()
    for k in range(len(words) - 1, 0, -1):
        candidate = " ".join(words[k:])
        number = _LEADING_NUMBER.match(candidate)
        if not number:
            continue
        unit = _unit_at(candidate[number.end() :])
        if unit is None or unit[1] or _NOT_AN_AMOUNT.match(candidate):
            return None  # a number not followed by a unit alone ends the name
        food = " ".join(words[:k]).strip(" ,")
        if not food or food[-1].isdigit():
            return None
        amount = tidy_amount(f"{number.group(1)} {unit[0]}")
        return NameAmount(food=food, amount=amount, written=candidate)
    return None


@lru_cache(maxsize=65536)
def split_name(text: str) -> NameAmount:
    """Split a logged name into its food part and the amount written inside it.

    Parameters
    ----------
    text : str
        A food name as logged.

    Returns
    -------
    NameAmount
        ``food`` is the name without its amount words; ``amount`` the amount as
        :func:`~analyzer.foods.quantities.parse_amount` reads it (None when the name gives
        no readable amount); ``written`` the amount words as written.

    Examples
    --------
    >>> split_name("2 eggs scrambled")
    NameAmount(food='eggs scrambled', amount='2', written='2')
    >>> split_name("a handful of almonds").amount
    '1 handful'
    >>> split_name("Generic - Banana, 1 medium")
    NameAmount(food='Generic - Banana', amount='1 medium', written='1 medium')
    >>> split_name("2% milk")
    NameAmount(food='2% milk', amount=None, written=None)
    >>> split_name("a few strawberries")
    NameAmount(food='strawberries', amount=None, written='a few')
    """
    stripped = " ".join(str(text).split())
    found = (
        _leading(stripped)
        or _trailing(stripped)
        or _in_parentheses(stripped)
        or _at_the_end(stripped)
    )
    return found if found is not None else NameAmount(food=stripped)


#: Amount units that say how the food was bought: a can of beans is canned beans.
CONTAINER_FORMS = {"can": "canned", "tin": "canned"}
#: Amount units that measure an instant food or a mix as it comes, before water or milk is
#: added: a teaspoon of instant coffee, a packet of instant oatmeal, an envelope of cocoa
#: mix is the dry form.
DRY_SERVING_UNITS = frozenset(
    {"tsp", "teaspoon", "tbsp", "tablespoon", "packet", "sachet", "envelope", "scoop", "pouch"}
)
#: Words of a food part naming a product made to be mixed with water or milk.
DRY_PRODUCT_WORDS = frozenset({"instant", "mix"})


def with_amount_form(food: str, amount: str | None) -> str:
    """The food part of a name with the form its amount implies, unless the name says a
    form already: a can is canned (``1 can black beans``), a spoonful or a packet of an
    instant food or a mix is its dry form (``Instant Coffee, 1 tsp``).

    Examples
    --------
    >>> with_amount_form("black beans", "1 can")
    'black beans, canned'
    >>> with_amount_form("Instant Coffee", "1 tsp")
    'Instant Coffee, dry or powder'
    >>> with_amount_form("Instant Coffee", "1 cup")
    'Instant Coffee'
    """
    words = (amount or "").lower().split()
    unit = words[1].rstrip(".") if len(words) > 1 and words[0][:1].isdigit() else ""
    food_words = tokens(food)
    if any(w in PREPARATION_WORDS - DRY_PRODUCT_WORDS for w in food_words):
        return food
    form = CONTAINER_FORMS.get(unit.rstrip("s"))
    dry_serving = unit.rstrip("s") in DRY_SERVING_UNITS
    if form is None and dry_serving and DRY_PRODUCT_WORDS.intersection(food_words):
        form = "dry or powder"
    return food if form is None else f"{food}, {form}"
