"""What a match says: the food found, how it was found and how sure it is.

:class:`FoodMatch` is the outcome of matching one logged name
(:class:`analyzer.foods.matcher.FoodMatcher`); its ``method`` is one of
:data:`MATCH_METHODS` and its ``confidence`` (:func:`confidence_of`) is what the entries, the
API and the report's "check these matches" list show.
"""

from __future__ import annotations

from dataclasses import dataclass, field

from analyzer.foods.score import HIGH_CONFIDENCE_SCORE

#: The columns a match gives a diary entry (or a recipe's part), in their order.
MATCH_COLUMNS = (
    "food_id",
    "description",
    "category",
    "match_method",
    "match_confidence",
    "source",
)


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
        Match score 0-100 (100 for id, exact and alias matches; 0 when unmatched).
    method : str
        How the food was found (:data:`MATCH_METHODS`): ``id`` (an NDB number), ``exact``
        (the USDA description), ``alias`` (a curated alias or SR28 common name), ``fuzzy``
        (the best-scoring description), ``part`` (a curated alias naming the main part of
        a mixed drink: a latte is its milk, and ``reason`` says what is left out, its
        espresso's caffeine), ``sibling`` (the nearest form of the food when SR28 lacks the
        one named: ``reason`` says which), or ``none`` when unmatched.
        :class:`analyzer.foods.user_aliases.UserAliasMatcher` adds ``alias (yours)``.
    suggestions : list of str
        "Did you mean" descriptions (filled when unmatched).
    reason : str
        Why a name is unmatched, why a sibling was used, or what a ``part`` match leaves
        out (empty otherwise).
    matched_text : str
        The part of the name that was matched: the name without the amount written in it
        (``Generic - Banana`` of ``Generic - Banana, 1 medium``), else the name.
    best_id : str or None
        The best-scoring candidate even when it was not accepted (for calibration).
    best_score : float
        Its score (-1 when it may not be accepted at any score).
    """

    name: str
    food_id: str | None
    description: str | None
    category: str | None
    score: float
    method: str
    suggestions: list[str] = field(default_factory=list)
    reason: str = ""
    matched_text: str = ""
    best_id: str | None = None
    best_score: float = 0.0

    @property
    def matched(self) -> bool:
        """True when a food was found."""
        return self.food_id is not None

    @property
    def confidence(self) -> str:
        """``high``, ``medium`` or ``low`` ("" when unmatched); see :func:`confidence_of`."""
        return confidence_of(self.method, self.score)


#: Every ``method`` of a :class:`FoodMatch`, most certain first.
MATCH_METHODS = ("id", "exact", "alias (yours)", "alias", "fuzzy", "part", "sibling", "none")
#: Methods that identify a food exactly (a fuzzy match is the best guess).
EXACT_METHODS = frozenset({"id", "exact", "alias", "alias (yours)"})


def confidence_of(method: str, score: float) -> str:
    """How sure a match is, in words.

    ``high``: an id, an exact description, an alias (curated, SR28's or yours), or a fuzzy
    match scoring at least :data:`~analyzer.foods.score.HIGH_CONFIDENCE_SCORE`; ``medium``:
    a fuzzy match below it (accepted, but worth a look); ``low``: a sibling fallback (SR28
    lacks the form named, e.g. frozen) or a ``part`` match (a latte's milk, without its
    espresso); "" when unmatched.

    Examples
    --------
    >>> confidence_of("alias", 100.0), confidence_of("sibling", 90.0)
    ('high', 'low')
    """
    if method in EXACT_METHODS:
        return "high"
    if method == "fuzzy":
        return "high" if score >= HIGH_CONFIDENCE_SCORE else "medium"
    if method in ("sibling", "part"):
        return "low"
    return ""
