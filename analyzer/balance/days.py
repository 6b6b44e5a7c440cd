"""The days of an entries table: each entry's day as an integer code, computed once.

Daily totals, the one-occasion-a-day bound and the eating occasions all group entries by
person and date. Grouping a million entries by a text column hashes a million strings each
time; here the persons and dates are coded once (:func:`days_of`) and every later step sums
with :func:`numpy.bincount` over the integer codes.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.distinct import text_codes


@dataclass(frozen=True)
class Days:
    """Each entry's day, and the days in the order of the daily table.

    Attributes
    ----------
    codes : ndarray of intp
        Per entry, its row of :attr:`index` (its date, and person when ``by_person``).
    index : Index
        The days, sorted: a MultiIndex ``(person, date)`` when ``by_person``, else the
        dates (named ``date``); the index of ``entries.groupby(keys).size()``.
    person_day : ndarray of intp
        Per entry, a code of its (person, date), whatever ``by_person`` says.
    """

    codes: np.ndarray
    index: pd.Index
    person_day: np.ndarray

    @property
    def size(self) -> int:
        """Number of days (rows of the daily table)."""
        return len(self.index)


def sorted_codes(codes: np.ndarray, uniques: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """The codes renumbered so that the distinct values are in sorted order."""
    order = np.argsort(uniques, kind="stable")
    rank = np.empty(len(order), dtype=np.intp)
    rank[order] = np.arange(len(order))
    return rank[codes], uniques[order]


def days_of(entries: pd.DataFrame, by_person: bool) -> Days:
    """Code each entry's day (see :class:`Days`).

    Parameters
    ----------
    entries : DataFrame
        Prepared entries (``person`` text without missing values, ``date`` datetimes).
    by_person : bool
        Whether the days are per person and date, or per date only.
    """
    person_codes, persons = text_codes(entries["person"])
    person_codes, persons = sorted_codes(person_codes, persons)
    date_values = entries["date"].to_numpy(dtype="datetime64[ns]")
    date_codes, dates = pd.factorize(date_values, sort=True)
    date_codes = np.asarray(date_codes, dtype=np.intp)
    combined = person_codes.astype(np.int64) * max(len(dates), 1) + date_codes
    keys, person_day = np.unique(combined, return_inverse=True)
    person_day = np.asarray(person_day, dtype=np.intp).reshape(-1)
    date_index = pd.DatetimeIndex(np.asarray(dates, dtype="datetime64[ns]"), name="date")
    if not by_person:
        return Days(date_codes, date_index, person_day)
    width = max(len(dates), 1)
    index = pd.MultiIndex.from_arrays(
        [
            pd.Index(pd.array(persons[keys // width], dtype=entries["person"].dtype)),
            date_index[keys % width],
        ],
        names=["person", "date"],
    )
    return Days(person_day, index, person_day)
