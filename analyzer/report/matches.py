"""The week's matches to check: foods matched by a best guess or a sibling fallback, the
user's words beside the USDA food (the report's "Check these matches" list; correct one with
an aliases file, ``--aliases``), and pieces far heavier than the food's usual portion
(``1 fillet`` of salmon is, by USDA's portions, half a side of fish: 356 g).
"""

from __future__ import annotations

import numpy as np
import pandas as pd
from pydantic import BaseModel, ConfigDict

from analyzer.foods.portions import load_portions
from analyzer.foods.quantities import is_measure_unit


class MatchCheck(BaseModel):
    """A food of the week matched with less than high confidence: the user's words beside
    the USDA food, so that a wrong match is seen where the report is read."""

    food: str
    food_id: str
    description: str
    method: str
    confidence: str
    entries: int
    note: str

    model_config = ConfigDict(frozen=True, extra="forbid")


#: Most foods listed under "check these matches".
MAX_MATCH_CHECKS = 8
#: Confidence words listed under "check these matches", least sure first.
CHECKED_CONFIDENCE = ("low", "medium")
#: What each checked kind of match means, for the reader.
MATCH_NOTES = {
    "sibling": "USDA has no such form of this food; the nearest form is used",
    "fuzzy": "the closest USDA food by name",
}
#: A piece (an amount in a count unit) weighing more than this many times the food's first
#: USDA portion is listed to check: USDA's piece may not be the one eaten. This tool's choice.
AMOUNT_CHECK_FACTOR = 3.0
#: ``method`` of a listed amount.
AMOUNT_METHOD = "amount"


def check_matches(entries: pd.DataFrame) -> list[MatchCheck]:
    """The week's foods matched with low or medium confidence, least sure and most logged
    first (at most :data:`MAX_MATCH_CHECKS`); app totals and app nutrients are left out."""
    needed = {"match_method", "match_confidence", "food", "food_id", "description"}
    if entries.empty or not needed <= set(entries.columns):
        return []
    rows = entries[entries["match_confidence"].isin(CHECKED_CONFIDENCE)]
    if "source" in rows.columns:
        rows = rows[rows["source"] == "usda"]
    if rows.empty:
        return []
    keys = ["food", "food_id", "description", "match_method", "match_confidence"]
    counted = rows.groupby(keys, sort=False, dropna=False).size().reset_index(name="entries")
    counted["rank"] = counted["match_confidence"].map(CHECKED_CONFIDENCE.index)
    counted = counted.sort_values(["rank", "entries", "food"], ascending=[True, False, True])
    return [
        MatchCheck(
            food=str(row.food),
            food_id=str(row.food_id),
            description=str(row.description),
            method=str(row.match_method),
            confidence=str(row.match_confidence),
            entries=int(row.entries),
            note=MATCH_NOTES.get(str(row.match_method), ""),
        )
        for row in counted.head(MAX_MATCH_CHECKS).itertuples(index=False)
    ]


def _usual_portion(portions: pd.DataFrame, unit: str) -> pd.Series | None:
    """The food's heaviest USDA portion as listed (``3 oz``, 85 g; ``1 cup``, 237 g) other
    than ``unit`` itself: the most a piece could plausibly be without being checked."""
    named = portions["measure"].str.casefold().str.contains(unit.casefold(), regex=False)
    other = portions[~named]
    return None if other.empty else other.loc[other["gram_weight"].idxmax()]


def check_amounts(entries: pd.DataFrame) -> list[MatchCheck]:
    """The week's pieces weighing over :data:`AMOUNT_CHECK_FACTOR` times their food's
    heaviest other USDA portion as listed, heaviest first (at most :data:`MAX_MATCH_CHECKS`):
    ``salmon fillet, 1 fillet`` is 356 g by SR28's ``0.5 fillet = 178 g``, over 3 times its
    ``3 oz`` (85 g); a ``can`` of cola (370 g) is not over 3 times its ``cup``.

    Amounts in grams, millilitres or cups are the user's own and never listed; nor are app
    rows (their grams are the app's). Worked out once per food and unit.
    """
    needed = {"food", "food_id", "description", "quantity", "unit", "grams", "source"}
    if entries.empty or not needed <= set(entries.columns):
        return []
    units = entries["unit"].astype("string").fillna("")
    pieces = units.ne("") & ~units.map(is_measure_unit).astype(bool)
    rows = entries[pieces & entries["source"].eq("usda") & entries["quantity"].gt(0)]
    if rows.empty:
        return []
    rows = rows.assign(piece_g=np.round(rows["grams"] / rows["quantity"], 1))
    keys = ["food", "food_id", "description", "unit", "piece_g"]
    counted = rows.groupby(keys, sort=False).size().reset_index(name="entries")
    by_food = dict(tuple(load_portions().groupby("id", sort=False)))
    checks = []
    for row in counted.sort_values(["piece_g", "food"], ascending=[False, True]).itertuples():
        portions = by_food.get(str(row.food_id))
        usual = _usual_portion(portions, str(row.unit)) if portions is not None else None
        if usual is None:
            continue
        if row.piece_g <= AMOUNT_CHECK_FACTOR * float(usual["gram_weight"]):
            continue
        checks.append(
            MatchCheck(
                food=str(row.food),
                food_id=str(row.food_id),
                description=str(row.description),
                method=AMOUNT_METHOD,
                confidence="low",
                entries=int(row.entries),
                note=(
                    f"1 {row.unit} is {row.piece_g:,.0f} g by USDA's portions, over "
                    f"{AMOUNT_CHECK_FACTOR:g} times its {usual['amount']:g} "
                    f"{usual['measure']} ({float(usual['gram_weight']):,.0f} g): if yours was "
                    "smaller, write its grams"
                ),
            )
        )
    return checks[:MAX_MATCH_CHECKS]
