"""The week's matches to check: foods matched by a best guess or a sibling fallback, the
user's words beside the USDA food (the report's "Check these matches" list; correct one with
an aliases file, ``--aliases``).
"""

from __future__ import annotations

import pandas as pd
from pydantic import BaseModel, ConfigDict


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
