"""Daily and ISO-weekly totals, coverage, ratios and percent of target.

Daily rows sum the entries of a date (and person) with ``min_count=1``: a sum whose entries
are all unknown is NaN, never 0, and ``<nutrient>_unknown`` counts the entries lacking it.
Weekly rows are per-day averages over the days logged in the week (a day whose value is
unknown is left out of that value's average), with ``days``; counts (``entries``,
``unmatched``, ``*_unknown``) are week sums and ``caffeine_max_occasion_mg`` the week's
maximum. Ratios are recomputed from the totals (a ratio of averages, not an average of
ratios).

Ratios: ``ca_p_mass_ratio`` = Ca/P [mg/mg]; ``ca_p_molar_ratio`` = mass ratio x 30.97/40.08;
``ca_mg_mass_ratio`` = Ca/Mg [mg/mg]; ``k_na_molar_ratio`` = K/Na x 22.99/39.10 [mol/mol].
A zero denominator gives NaN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.loads import DIURETIC_GROUPS, GROUPS, MECHANISMS
from analyzer.models import Targets
from analyzer.science import molar_ratio_factor

NUTRIENTS = (
    "energy_kcal",
    "protein_g",
    "calcium_mg",
    "phosphorus_mg",
    "magnesium_mg",
    "potassium_mg",
    "sodium_mg",
    "caffeine_mg",
)
TARGET_MINERALS = ("calcium", "phosphorus", "magnesium", "potassium")
PERCENT = 100.0

#: Per-entry metrics summed per day beside the nutrients.
METRICS = (
    "absorbable_calcium_mg",
    "absorbable_phosphorus_mg",
    "pral_meq",
    "diuretic_load_mg",
    "caffeine_calcium_mg",
    "protein_calcium_mg",
    "sodium_calcium_mg",
)


def _ratio(numerator: pd.Series, denominator: pd.Series, factor: float = 1.0) -> pd.Series:
    ratio = numerator / denominator.where(denominator > 0) * factor
    return ratio.astype(float)


def add_ratios(frame: pd.DataFrame, targets: Targets) -> pd.DataFrame:
    """Add ratio, share and percent-of-target columns computed from totals (in place).

    Parameters
    ----------
    frame : DataFrame
        Daily or weekly totals.
    targets : Targets
        For ``<mineral>_pct_target`` = 100 x total / RDA-or-AI. [%]
    """
    frame["ca_p_mass_ratio"] = _ratio(frame["calcium_mg"], frame["phosphorus_mg"])
    frame["ca_p_molar_ratio"] = _ratio(
        frame["calcium_mg"], frame["phosphorus_mg"], molar_ratio_factor("calcium", "phosphorus")
    )
    frame["ca_mg_mass_ratio"] = _ratio(frame["calcium_mg"], frame["magnesium_mg"])
    frame["k_na_molar_ratio"] = _ratio(
        frame["potassium_mg"], frame["sodium_mg"], molar_ratio_factor("potassium", "sodium")
    )
    for mineral in TARGET_MINERALS:
        target = targets.target(mineral)
        frame[f"{mineral}_pct_target"] = (
            frame[f"{mineral}_mg"] / target * PERCENT if target else np.nan
        )
    for group in GROUPS:
        frame[f"phosphorus_{group}_share"] = _ratio(
            frame[f"phosphorus_{group}_mg"], frame["phosphorus_mg"]
        )
    return frame


def _wide(entries: pd.DataFrame) -> tuple[pd.DataFrame, list[str]]:
    """Columns to sum per day, with the per-group columns masked to their group."""
    columns: dict[str, pd.Series] = {c: entries[c] for c in (*NUTRIENTS, *METRICS)}
    group = entries["group"]
    in_group = {g: (group == g).to_numpy(dtype=bool) for g in GROUPS}
    presence: list[str] = []
    for g in GROUPS:
        columns[f"phosphorus_{g}_mg"] = entries["phosphorus_mg"].where(in_group[g])
        columns[f"pral_{g}_meq"] = entries["pral_meq"].where(in_group[g])
        columns[f"caffeine_{g}_mg"] = entries["caffeine_mg"].where(in_group[g])
        columns[f"_n_{g}"] = pd.Series(in_group[g].astype(float), index=entries.index)
        presence.append(g)
    for g in DIURETIC_GROUPS:
        columns[f"diuretic_load_{g}_mg"] = entries["diuretic_load_mg"].where(in_group[g])
    diuretic = entries["group"].isin(DIURETIC_GROUPS).to_numpy(dtype=bool)
    for mechanism in MECHANISMS:
        columns[f"diuretic_load_{mechanism}_mg"] = entries[f"{mechanism}_calcium_mg"].where(
            diuretic
        )
    columns["_n_diuretic"] = pd.Series(diuretic.astype(float), index=entries.index)
    for column in (*NUTRIENTS, "pral_meq"):
        columns[f"{column}_unknown"] = entries[column].isna().astype("int64")
    return pd.DataFrame(columns, index=entries.index), presence


def daily_totals(
    entries: pd.DataFrame,
    targets: Targets,
    by_person: bool,
    rejected: pd.DataFrame | None = None,
) -> pd.DataFrame:
    """One row per date (and person): totals, coverage, loads, ratios, percent of target.

    Parameters
    ----------
    entries : DataFrame
        Entries with the per-entry metrics of :func:`analyzer.balance.entry_metrics`.
    targets : Targets
        For the percent-of-target columns.
    by_person : bool
        Add ``person`` as the first key.
    rejected : DataFrame, optional
        Unusable rows; counted per date (and person) as ``unmatched`` when they carry those
        columns, except rows the user deleted or left blank; otherwise ``unmatched`` is <NA>
        (not known per day). Rows whose date could not be read are counted on no day.

    Returns
    -------
    DataFrame
        Columns ``[person,] date, entries, unmatched``, the nutrient totals and their
        ``*_unknown`` counts, ``absorbable_calcium_mg``, ``absorbable_phosphorus_mg``,
        ``pral_meq``, ``diuretic_load_mg`` with ``diuretic_load_<group>_mg`` and
        ``diuretic_load_<mechanism>_mg``, the all-food ``caffeine_calcium_mg``,
        ``protein_calcium_mg``, ``sodium_calcium_mg``, ``phosphorus_<group>_mg`` and
        ``_share``, ``pral_<group>_meq``, ``caffeine_<group>_mg``,
        ``caffeine_max_occasion_mg``, the ratios and ``<mineral>_pct_target``.
    """
    keys = ["person", "date"] if by_person else ["date"]
    wide, groups = _wide(entries)
    wide[keys] = entries[keys]
    grouped = wide.groupby(keys, sort=True)
    sum_columns = [c for c in wide.columns if c not in keys]
    sums = grouped[sum_columns].sum(min_count=1)
    # A day without any entry of a group has 0 from it, not "unknown".
    for g in groups:
        absent = sums[f"_n_{g}"].fillna(0) == 0
        for stem in (f"phosphorus_{g}_mg", f"pral_{g}_meq", f"caffeine_{g}_mg"):
            sums.loc[absent, stem] = 0.0
        if g in DIURETIC_GROUPS:
            sums.loc[absent, f"diuretic_load_{g}_mg"] = 0.0
    no_diuretic = sums["_n_diuretic"].fillna(0) == 0
    for mechanism in MECHANISMS:
        sums.loc[no_diuretic, f"diuretic_load_{mechanism}_mg"] = 0.0
    sums = sums.drop(columns=[c for c in sums.columns if c.startswith("_n_")])
    sums.insert(0, "entries", grouped.size().astype("int64"))
    sums.insert(1, "unmatched", _unmatched(rejected, keys, sums.index))
    occasion = entries.groupby(keys, sort=True)["occasion_caffeine_mg"].max()
    sums["caffeine_max_occasion_mg"] = occasion
    for column in [c for c in sums.columns if c.endswith("_unknown")]:
        sums[column] = sums[column].fillna(0).astype("int64")
    daily = sums.reset_index()
    return add_ratios(daily, targets)


#: Rejected-row statuses that are not failed entries (rows the user deleted, blank rows).
NOT_ENTRY_STATUSES = ("deleted", "empty")


def _unmatched(rejected: pd.DataFrame | None, keys: list[str], index: pd.Index) -> pd.Series:
    """Rejected rows per key (date, or person and date); <NA> when not known per key."""
    unknown = pd.Series(pd.NA, index=index, dtype="Int64")
    if rejected is None or any(k not in rejected.columns for k in keys):
        return unknown
    frame = rejected.copy()
    if "status" in frame.columns:
        frame = frame[~frame["status"].isin(NOT_ENTRY_STATUSES)]
    frame["date"] = pd.to_datetime(frame["date"], errors="coerce").dt.normalize()
    if "person" in keys:
        frame["person"] = frame["person"].astype("string").fillna("")
    counts = frame.dropna(subset=["date"]).groupby(keys).size()
    return counts.reindex(index).fillna(0).astype("Int64")


def weekly_totals(daily: pd.DataFrame, targets: Targets, by_person: bool) -> pd.DataFrame:
    """One row per ISO week (and person): per-day averages over the days logged.

    Parameters
    ----------
    daily : DataFrame
        The result of :func:`daily_totals`.
    targets : Targets
        For the percent-of-target columns.
    by_person : bool
        Add ``person`` as the first key.

    Returns
    -------
    DataFrame
        ``[person,] week, week_start, days``, then the daily columns: counts summed,
        ``caffeine_max_occasion_mg`` the maximum, everything else the mean per logged day,
        ratios and percentages recomputed from the averages.
    """
    from analyzer.balance import iso_week

    keys = ["person", "week"] if by_person else ["week"]
    frame = daily.copy()
    frame["week"] = iso_week(frame["date"])
    grouped = frame.groupby(keys, sort=True)
    counts = [c for c in frame.columns if c in ("entries", "unmatched") or c.endswith("_unknown")]
    derived = {"ca_p_mass_ratio", "ca_p_molar_ratio", "ca_mg_mass_ratio", "k_na_molar_ratio"}
    derived |= {c for c in frame.columns if c.endswith(("_pct_target", "_share"))}
    skip = {*keys, "date", "caffeine_max_occasion_mg", *counts, *derived}
    means = [c for c in frame.columns if c not in skip]
    weekly = grouped[means].mean()
    first = grouped["date"].min()
    weekly.insert(0, "week_start", first - pd.to_timedelta(first.dt.day_of_week, unit="D"))
    weekly.insert(1, "days", grouped.size().astype("int64"))
    summed = grouped[counts].sum(min_count=1)
    for position, column in enumerate(counts, start=2):
        values = summed[column]
        weekly.insert(position, column, values.astype(frame[column].dtype))
    weekly["caffeine_max_occasion_mg"] = grouped["caffeine_max_occasion_mg"].max()
    return add_ratios(weekly.reset_index(), targets)
