"""Eating occasions: which diary entries were eaten together (the calcium load's unit).

Weaver's load equation applies per eating occasion: fractional absorption falls as the
calcium eaten at once rises (Weaver et al. 2017, Table 1 footnote; science.md §3a), and the
science review asks to "group by meal if meal timing is available, because load is per
eating occasion" (science.md §8c). The rule (``Settings.occasion="auto"``), for entries of
the same person and date:

1. An entry with a meal (``breakfast``, Cronometer's ``Group``, ...) belongs to that meal
   (compared case-insensitively). When the meal's entries also carry clock times, a gap of
   more than ``occasion_gap_min`` (60) minutes between consecutive times starts a new
   occasion: "Snacks" at 10:00 and at 16:00 are two occasions, while a breakfast logged at
   08:00 and 08:05 stays one (apps stamp each food with its own time, so (meal, exact time)
   would split one meal into many small loads and overstate absorption). An entry of the
   meal without a readable time joins the meal's first occasion.
2. Else an entry with a time: consecutive meal-less entries no more than the gap apart form
   one occasion. A time that cannot be read as a clock time is compared as written.
3. Else the entry is its own occasion.

``Settings.occasion`` may instead force ``"meal"`` (meal name only, no time split),
``"time"`` (rule 2 for every entry) or ``"entry"`` (every entry alone).

References
----------
.. [1] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193), Table 1 and footnote.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.distinct import text_codes
from analyzer.models import Settings
from analyzer.reference import coefficient

#: Row of ``coefficients.csv`` holding the gap between consecutive clock times that
#: separates two eating occasions of one meal (or of meal-less entries): 60 min, a
#: convention, not a measured value (tag C). ``Settings.occasion_gap_min`` overrides it.
OCCASION_GAP_MIN = "occasion_gap_min"
MINUTES_PER_HOUR = 60.0
HALF_DAY_H = 12.0
_CLOCK = (
    r"(?i)^\s*(?P<h>\d{1,2})(?:[:.h](?P<m>\d{2}))?(?::(?P<s>\d{2}))?\s*"
    r"(?P<ampm>[ap])?\.?\s*(?:m\.?)?\s*$"
)


def clock_minutes(time: pd.Series) -> np.ndarray:
    """Minutes after midnight of clock times (``08:05``, ``8:05 AM``, ``20.15``, ``7pm``).

    Parsed once per distinct value; NaN where the text is not a clock time. [min]

    Examples
    --------
    >>> clock_minutes(pd.Series(["08:05", "8:05 PM", "12:30 am", "later", None])).tolist()
    [485.0, 1205.0, 30.0, nan, nan]
    """
    codes, uniques = pd.factorize(time)
    parts = pd.Series(pd.Index(uniques, dtype="string")).str.extract(_CLOCK)
    hours = pd.to_numeric(parts["h"], errors="coerce").astype(float)
    minutes = pd.to_numeric(parts["m"], errors="coerce").fillna(0.0).astype(float)
    ampm = parts["ampm"].astype("string").str.lower()
    has_ampm = ampm.notna().to_numpy(dtype=bool)
    pm = (ampm == "p").fillna(False).to_numpy(dtype=bool)
    h = hours.to_numpy(dtype=float)
    h = np.where(has_ampm, np.mod(h, HALF_DAY_H) + np.where(pm, HALF_DAY_H, 0.0), h)
    valid = (h < 2 * HALF_DAY_H) & (minutes.to_numpy(dtype=float) < MINUTES_PER_HOUR)
    if has_ampm.any():
        valid &= ~has_ampm | (hours.to_numpy(dtype=float) <= HALF_DAY_H)
    # no minutes and no am/pm ("8") is not read as a clock time: it may be anything
    valid &= parts["m"].notna().to_numpy(dtype=bool) | has_ampm
    values = np.where(valid, h * MINUTES_PER_HOUR + minutes.to_numpy(dtype=float), np.nan)
    return np.append(values, np.nan)[codes]  # code -1 (missing) -> NaN


def _split_by_gap(group: np.ndarray, minutes: np.ndarray, gap: float) -> np.ndarray:
    """Occasion number within each group: a new one after a gap > ``gap`` minutes.

    Rows without a time get occasion 0 of their group (its first).
    """
    n = len(group)
    order = np.lexsort((np.nan_to_num(minutes, nan=-1.0), group))
    g, m = group[order], minutes[order]
    timed = ~np.isnan(m)
    same_group = np.r_[False, g[1:] == g[:-1]]
    previous = np.r_[np.nan, m[:-1]]
    # with NaN sorted first (-1), a group's timed rows follow its untimed ones
    with np.errstate(invalid="ignore"):
        starts = timed & same_group & ~np.isnan(previous) & (m - previous > gap)
    group_start = np.r_[0, np.flatnonzero(~same_group[1:]) + 1] if n else np.array([], int)
    running = np.cumsum(starts)
    base = np.repeat(running[group_start], np.diff(np.r_[group_start, n]))
    number = np.empty(n, dtype=np.int64)
    number[order] = running - base
    return number


def _stripped_codes(text: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes of the text without surrounding blanks (-1: blank or missing), and the distinct
    values; stripped once per distinct value."""
    codes, uniques = text_codes(text, missing=None)
    cleaned = np.asarray([str(u).strip() for u in uniques], dtype=object)
    again, values = pd.factorize(cleaned)
    again = (
        np.where(np.asarray(values, dtype=object)[again] == "", -1, again) if len(again) else again
    )
    return np.append(np.asarray(again, dtype=np.intp), -1)[codes], np.asarray(values, dtype=object)


def _combine(*keys: np.ndarray) -> np.ndarray:
    """One code per distinct combination of integer keys (in order of first appearance)."""
    combined = np.zeros(len(keys[0]), dtype=np.int64)
    for key in keys:
        codes, uniques = pd.factorize(key)
        combined, _ = pd.factorize(combined * (len(uniques) + 1) + codes)
    return np.asarray(combined, dtype=np.intp)


def occasion_keys(
    entries: pd.DataFrame, settings: Settings, day: np.ndarray | None = None
) -> tuple[pd.Series, np.ndarray]:
    """Occasion label of each entry and an integer key (same person, date and occasion).

    Parameters
    ----------
    entries : DataFrame
        Prepared entries with ``person``, ``date``, ``meal``, ``time`` and ``line``.
    settings : Settings
        ``occasion`` chooses the rule (module docstring).
    day : ndarray of int, optional
        A code of each entry's person and date (:attr:`analyzer.balance.days.Days.person_day`),
        when the caller has it already.

    Returns
    -------
    labels : Series
        The meal as written (with the occasion's first time when the meal splits that day,
        ``"snacks 16:00"``), the first time of a meal-less occasion, or ``"line N"``.
    keys : ndarray
        Integer per entry, equal for entries of one occasion.
    """
    n = len(entries)
    if day is None:
        day = _combine(*(pd.factorize(entries[c])[0] for c in ("person", "date")))
    meal_codes, meal_values = _stripped_codes(entries["meal"])
    time_codes, time_values = _stripped_codes(entries["time"])
    if settings.occasion in ("entry", "time"):
        meal_codes = np.full(n, -1, dtype=np.intp)
    if settings.occasion in ("entry", "meal"):
        time_codes = np.full(n, -1, dtype=np.intp)
    has_meal = meal_codes >= 0
    has_time = (time_codes >= 0) & ~has_meal
    alone = ~has_meal & ~has_time
    if settings.occasion != "meal":
        per_time = clock_minutes(pd.Series(time_values, dtype="string"))
        minutes = np.append(per_time, np.nan)[time_codes]
    else:
        minutes = np.full(n, np.nan)
    folded, _ = pd.factorize(np.asarray([str(u).casefold() for u in meal_values], dtype=object))
    meal_code = np.append(np.asarray(folded, dtype=np.intp), -1)[meal_codes]
    # meal-less timed entries: readable times share code -2; unreadable ones by their text
    readable = ~np.isnan(minutes)
    kind = np.where(has_meal, meal_code, np.where(readable, -2, -3 - time_codes))
    line = entries["line"].to_numpy()
    own = np.where(alone, line, -1)
    group = _combine(day, kind, own)
    gap = settings.occasion_gap_min or coefficient(OCCASION_GAP_MIN)
    if settings.occasion == "meal":
        gap = np.inf
    timed_minutes = np.where(has_meal | readable, minutes, np.nan)
    number = _split_by_gap(group, timed_minutes, gap) if n else np.zeros(0, dtype=np.int64)
    key_array = _combine(group, number)
    # labels: the meal (plus its first time when it splits), the first time, or "line N"
    # one label per occasion, from its earliest entry (as written), broadcast to its entries
    earliest = np.lexsort((np.nan_to_num(minutes, nan=np.inf), key_array))
    sorted_keys = key_array[earliest]
    heads = earliest[np.r_[True, sorted_keys[1:] != sorted_keys[:-1]]] if n else earliest
    splits = np.bincount(group, weights=(number > 0).astype(float))[group[heads]] > 0
    time_text = np.append(time_values, np.asarray([None], dtype=object))  # code -1: none
    meal_text = np.append(meal_values, np.asarray([None], dtype=object))
    labels = time_text[time_codes[heads]]  # meal-less timed occasions: their time
    meal_head = has_meal[heads]
    with_time = meal_head & splits & (time_codes[heads] >= 0)
    plain_meal = meal_head & ~with_time
    labels[plain_meal] = meal_text[meal_codes[heads[plain_meal]]]
    if with_time.any():
        rows = heads[with_time]
        labels[with_time] = [
            f"{m} {t}"
            for m, t in zip(meal_text[meal_codes[rows]], time_text[time_codes[rows]], strict=True)
        ]
    alone_head = alone[heads]
    if alone_head.any():
        labels[alone_head] = [f"line {v}" for v in line[heads[alone_head]].tolist()]
    by_key = np.empty(len(heads), dtype=object)
    by_key[key_array[heads]] = labels
    label = pd.Series(by_key[key_array], index=entries.index, dtype="string")
    return label.astype("string"), key_array
