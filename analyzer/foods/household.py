"""What a household word means for a food when USDA gives it no portion.

USDA SR28 lists a food's own household portions (``WEIGHT.txt``); people also write
measures USDA does not list for that food. This module holds the project's stated defaults
for them, each row with its source and confidence tag (V/S/M/C):

``data/serving_sizes.csv``
    "serving" / "FDA serving size" of a food without a USDA serving portion: the FDA
    Reference Amount Customarily Consumed of its class (21 CFR 101.12(b), Table 2), or
    the NIAAA standard drink for alcohol (12 fl oz beer, 5 fl oz wine, 1.5 fl oz spirits).
``data/household_measures.csv``
    household vessels (glass, mug, bottle, can, bowl, scoop, handful, shot, pot) and
    cook's measures (pinch, dollop, knob).

A rule applies to a food when the food is in one of its SR28 food groups (any group when
blank), its description holds one of its phrases (any when blank) and none of its excluded
phrases; the first rule that applies wins. :class:`FoodFacts` also finds a food's
*siblings* (the same food in another state: ``Egg, whole, cooked, fried`` and ``Egg,
whole, raw, fresh``), whose size portions a food that lacks them borrows (a medium fried
egg weighs what a medium raw egg does), and reads dimensions written in measures
(``medium - 2 5/8" dia``) so that a size is matched on its dimension.

References
----------
.. [1] U.S. Food and Drug Administration. 21 CFR 101.12, Reference amounts customarily
   consumed per eating occasion, Table 2 (as amended by the 2016 final rule, 81 FR 34000).
.. [2] National Institute on Alcohol Abuse and Alcoholism. What is a standard drink?
"""

from __future__ import annotations

import re
from dataclasses import dataclass
from functools import cache

import pandas as pd

from analyzer.errors import DataFileError
from analyzer.foods.names import singular, tokens
from analyzer.reference import data_file

#: Columns of the two rule tables.
RULE_COLUMNS = ("food_groups", "phrases", "not_phrases", "amount", "unit", "source", "tag")

#: Household vessels whose size comes from ``household_measures.csv`` when USDA has no
#: plain portion of that name for the food.
VESSELS = frozenset(
    {
        "glass",
        "mug",
        "bottle",
        "can",
        "bowl",
        "scoop",
        "handful",
        "shot",
        "pot",
        "pinch",
        "dollop",
        "knob",
    }
)

#: Packages whose size depends on the brand and the shop (a packet of crisps is 25 g in one
#: shop and 150 g in the next): grams only from the food's own USDA portion of that name
#: (``bag (8 oz)`` of potato chips, ``container`` of yogurt), never a guessed default and
#: never one piece of the food.
PACKAGES = frozenset(
    {
        "packet",
        "pack",
        "package",
        "punnet",
        "tub",
        "bag",
        "box",
        "carton",
        "sachet",
        "pouch",
        "envelope",
        "jar",
        "container",
        "tray",
        "multipack",
    }
)


def package_hint(unit: str) -> str:
    """Why a package word cannot be converted, and the fix ("" for other units).

    Examples
    --------
    >>> package_hint("packets").startswith("a packet's size differs by brand")
    True
    >>> package_hint("slice")
    ''
    """
    words = [singular(w) for w in unit.lower().replace(",", " ").split()]
    word = next((w for w in words if w in PACKAGES), None)
    if word is None:
        return ""
    return (
        f"a {word}'s size differs by brand and USDA lists none for this food; write the "
        f"weight on the label, e.g. '1 {word} (30 g)' or '30 g'"
    )


#: Description words of a food in a cooked or processed state: siblings are compared on
#: the parts before the first such part (``Egg, whole`` of ``Egg, whole, cooked, fried``).
STATE_PART_WORDS = frozenset(
    {
        "raw",
        "cooked",
        "boiled",
        "fried",
        "baked",
        "roasted",
        "broiled",
        "grilled",
        "steamed",
        "scrambled",
        "poached",
        "stewed",
        "braised",
        "microwaved",
        "frozen",
        "canned",
        "dried",
        "fresh",
        "hard",
        "unprepared",
        "prepared",
    }
)


@dataclass(frozen=True)
class MeasureRule:
    """One row of a rule table: the amount a measure stands for, for a class of foods.

    Attributes
    ----------
    name : str
        The food class (``serving_sizes.csv``) or the measure (``household_measures.csv``).
    groups : frozenset of str
        SR28 food groups it applies to (empty: any).
    phrases, not_phrases : tuple of str
        Description phrases (normalised tokens) of which one must / none may appear.
    amount : float
        How much. [unit]
    unit : str
        ``g``, ``ml``, ``fl oz``, ``oz``, ``cup``, ``tbsp`` or ``tsp``.
    source : str
        Where the amount comes from.
    """

    name: str
    groups: frozenset[str]
    phrases: tuple[str, ...]
    not_phrases: tuple[str, ...]
    amount: float
    unit: str
    source: str


def _phrases(cell: str) -> tuple[str, ...]:
    return tuple(" ".join(tokens(p)) for p in str(cell).split(";") if p.strip())


@cache
def load_rules(name: str) -> tuple[MeasureRule, ...]:
    """The rules of ``serving_sizes.csv`` or ``household_measures.csv``, in file order.

    Raises
    ------
    DataFileError
        The table is missing, unreadable or lacks a column.
    """
    path = data_file(name)
    try:
        table = pd.read_csv(path, dtype="string", keep_default_na=False)
    except (OSError, ValueError) as error:
        raise DataFileError(path, f"cannot be read ({error})", "reinstall analyzer") from None
    key = "class" if name == "serving_sizes.csv" else "measure"
    missing = [c for c in (key, *RULE_COLUMNS) if c not in table.columns]
    if missing:
        raise DataFileError(path, f"lacks columns {', '.join(missing)}", "reinstall analyzer")
    return tuple(
        MeasureRule(
            name=str(row[key]),
            groups=frozenset(g.strip() for g in str(row["food_groups"]).split(";") if g.strip()),
            phrases=_phrases(row["phrases"]),
            not_phrases=_phrases(row["not_phrases"]),
            amount=float(row["amount"]),
            unit=str(row["unit"]),
            source=str(row["source"]),
        )
        for _, row in table.iterrows()
    )


_DIMENSION_RE = re.compile(
    r"(\d+(?:\.\d+)?)(?:\s*[- ]\s*(\d+)\s*/\s*(\d+))?\s*(?:\"|''|inch(?:es)?\b|in\b)"
    r"\s*(?:x\s*[\d\s/.-]+\"\s*)*(dia|diameter|long)?",
    re.IGNORECASE,
)


def dimension(text: str) -> tuple[float, str] | None:
    """The first dimension written in a measure: inches and what they measure.

    Examples
    --------
    >>> dimension('medium - 2 5/8" dia')
    (2.625, 'dia')
    >>> dimension('large (3-1/4" dia)')
    (3.25, 'dia')
    >>> dimension('small (5-1/2" long)')
    (5.5, 'long')
    >>> dimension("cup, chopped") is None
    True
    """
    match = _DIMENSION_RE.search(text)
    if match is None:
        return None
    inches = float(match.group(1))
    if match.group(2):
        inches += int(match.group(2)) / max(int(match.group(3)), 1)
    kind = (match.group(4) or "").lower()
    return inches, "long" if kind == "long" else "dia"


class FoodFacts:
    """The food group, description words and siblings of each food.

    Parameters
    ----------
    foods : DataFrame
        ``id``, ``description`` and, where present, ``food_group``.
    """

    def __init__(self, foods: pd.DataFrame) -> None:
        ids = foods["id"].astype(str).tolist()
        descriptions = foods["description"].astype(str).tolist()
        if "food_group" in foods.columns:
            groups = foods["food_group"].astype("string").fillna("").astype(str).tolist()
        else:
            groups = [""] * len(ids)
        self._group = dict(zip(ids, groups, strict=True))
        self._description = dict(zip(ids, descriptions, strict=True))
        self._text = {i: " ".join(tokens(d)) for i, d in zip(ids, descriptions, strict=True)}
        self._head = {
            i: " ".join(tokens(d.split(",")[0])) for i, d in zip(ids, descriptions, strict=True)
        }
        self._family: dict[str, str] = {}
        members: dict[str, list[str]] = {}
        raw: set[str] = set()
        for food_id, description in zip(ids, descriptions, strict=True):
            parts = [" ".join(tokens(p)) for p in description.split(",")]
            lead: list[str] = []
            for part in parts:
                if not STATE_PART_WORDS.isdisjoint(part.split()):
                    break
                lead.append(part)
            family = " | ".join(lead or parts[:1])
            self._family[food_id] = family
            members.setdefault(family, []).append(food_id)
            if "raw" in self._text[food_id].split():
                raw.add(food_id)
        # raw forms first: their portions are the sizes as bought
        self._members = {k: sorted(v, key=lambda i: i not in raw) for k, v in members.items()}
        by_head: dict[str, list[str]] = {}
        for food_id, head in self._head.items():
            by_head.setdefault(head, []).append(food_id)
        self._by_head = {k: sorted(v, key=lambda i: i not in raw) for k, v in by_head.items()}

    def group(self, food_id: str) -> str:
        """The food's SR28 food group ("" when unknown)."""
        return self._group.get(food_id, "")

    def text(self, food_id: str) -> str:
        """The food's description as normalised tokens ("" when unknown)."""
        return self._text.get(food_id, "")

    def description(self, food_id: str) -> str:
        """The food's USDA description as written ("" when unknown)."""
        return self._description.get(food_id, "")

    def head(self, food_id: str) -> str:
        """The first part of the food's description as normalised tokens (``milk``)."""
        return self._head.get(food_id, "")

    def siblings(self, food_id: str) -> list[str]:
        """Other foods of the same family (raw forms first)."""
        family = self._family.get(food_id)
        if family is None:
            return []
        return [i for i in self._members.get(family, []) if i != food_id]

    def relatives(self, food_id: str) -> list[str]:
        """Other foods whose description starts with the same part (``Broccoli, flower
        clusters, raw`` of ``Broccoli, raw``), raw forms first."""
        head = self._head.get(food_id)
        if not head:
            return []
        return [i for i in self._by_head.get(head, []) if i != food_id]

    def rule(
        self, rules: tuple[MeasureRule, ...], food_id: str, name: str = ""
    ) -> MeasureRule | None:
        """The first rule (of measure ``name`` when given) that applies to the food."""
        group = self.group(food_id)
        text = f" {self.text(food_id)} "
        for rule in rules:
            if name and rule.name != name:
                continue
            if rule.groups and group not in rule.groups:
                continue
            if rule.phrases and not any(f" {p} " in text for p in rule.phrases):
                continue
            if any(f" {p} " in text for p in rule.not_phrases):
                continue
            return rule
        return None
