"""Person-chunked analysis: per-entry metrics and daily totals, a chunk of persons at a time.

Every figure of the daily table is per person and day, so a cohort is analysed a few hundred
thousand rows at a time and the daily rows are joined: the result is the same, row for row
and bit for bit, as analysing the cohort whole (each day's sums add the same values in the
same order), while the forty-odd per-entry metric columns exist for one chunk at a time.
Chunks hold whole persons in sorted person order, so the joined rows are in the order of the
whole table. :class:`DailyJob` is the one function every chunk runs, in this process
(:func:`chunked_daily`) or on a dask cluster (:mod:`analyzer.balance.dask_engine`).
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.balance.days import days_of, sorted_codes
from analyzer.balance.entries import entry_metrics
from analyzer.balance.totals import daily_totals
from analyzer.distinct import text_codes
from analyzer.models import Settings, Targets

#: Entries analysed at once (whole persons, so a chunk may be larger by one person's rows):
#: the per-entry metrics of this many rows take about 250 MB. [rows]
CHUNK_ROWS = 500_000


@dataclass(frozen=True)
class DailyJob:
    """What turns prepared entries of some persons into their daily rows.

    Attributes
    ----------
    settings : Settings
    targets : Targets
    by_person : bool
    rejected : DataFrame
        The diary's unusable rows (counted per day as ``unmatched``).
    person_targets : DataFrame or None
        Per-person targets (:attr:`analyzer.balance.analysis.Analysis.targets_by_person`).
    """

    settings: Settings
    targets: Targets
    by_person: bool
    rejected: pd.DataFrame | None
    person_targets: pd.DataFrame | None

    def run(self, entries: pd.DataFrame) -> pd.DataFrame:
        """The daily rows of ``entries`` (prepared entries of whole persons)."""
        days = days_of(entries, self.by_person)
        metrics = entry_metrics(entries, self.settings, days)
        return daily_totals(
            metrics,
            self.targets,
            self.by_person,
            self.rejected,
            self.person_targets,
            self.settings.implausible_energy_fraction,
            days,
        )


def person_chunks(persons: pd.Series, chunk_rows: int) -> list[np.ndarray]:
    """Row positions of each chunk: whole persons in sorted order, about ``chunk_rows`` rows.

    Within a chunk the rows keep their diary order (eating occasions are labelled from the
    entries as written).
    """
    codes, uniques = text_codes(persons)
    rank, _ = sorted_codes(codes, uniques)
    counts = np.bincount(rank, minlength=len(uniques))
    starts = np.cumsum(counts) - counts
    chunk = (starts // max(chunk_rows, 1))[rank]
    order = np.argsort(chunk, kind="stable")
    bounds = np.flatnonzero(np.diff(chunk[order])) + 1
    return [part for part in np.split(order, bounds) if len(part)]


def chunked_daily(prepared: pd.DataFrame, job: DailyJob, chunk_rows: int) -> pd.DataFrame:
    """The daily table of ``prepared``, computed a chunk of persons at a time."""
    chunks = person_chunks(prepared["person"], chunk_rows)
    if len(chunks) <= 1:
        return job.run(prepared.copy(deep=False))
    return pd.concat([job.run(prepared.take(rows)) for rows in chunks], ignore_index=True)
