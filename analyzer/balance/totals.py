"""Daily totals, coverage counts, ratios and percent of target.

Daily rows sum the entries of a date (and person) with ``min_count=1``: a sum whose entries
are all unknown is NaN, never 0, and ``<nutrient>_unknown`` counts the entries lacking it.
Ratios are computed from the totals (weekly rows: :mod:`analyzer.balance.weeks`). Each day
also gets its coverage shares and completeness (rules: :mod:`analyzer.balance.coverage`).

Ratios: ``ca_p_mass_ratio`` = Ca/P [mg/mg]; ``ca_p_molar_ratio`` = mass ratio x 30.97/40.08;
``ca_mg_mass_ratio`` = Ca/Mg [mg/mg]; ``k_na_molar_ratio`` = K/Na x 22.99/39.10 [mol/mol].
A zero denominator gives NaN.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.balance.coverage import coverage_shares, day_completeness
from analyzer.balance.days import Days, days_of
from analyzer.balance.supplements import supplement_totals
from analyzer.models import Targets
from analyzer.nutrients import (
    DIURETIC_GROUPS,
    GROUPS,
    MECHANISMS,
    NUTRIENT_COLUMNS,
    TARGET_MINERALS,
)
from analyzer.reference import molar_ratio_factor

NUTRIENTS = NUTRIENT_COLUMNS
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
    "calcium_outside_load_range_mg",
    "calcium_default_index_mg",
    "absorbable_calcium_one_occasion_mg",
)


#: Ratio columns of the daily and weekly tables: (numerator, denominator, and the two
#: elements when the ratio is molar, else None).
RATIO_PARTS: dict[str, tuple[str, str, tuple[str, str] | None]] = {
    "ca_p_mass_ratio": ("calcium_mg", "phosphorus_mg", None),
    "ca_p_molar_ratio": ("calcium_mg", "phosphorus_mg", ("calcium", "phosphorus")),
    "ca_mg_mass_ratio": ("calcium_mg", "magnesium_mg", None),
    "k_na_molar_ratio": ("potassium_mg", "sodium_mg", ("potassium", "sodium")),
}


def safe_ratio(numerator: pd.Series, denominator: pd.Series, factor: float = 1.0) -> pd.Series:
    ratio = numerator / denominator.where(denominator > 0) * factor
    return ratio.astype(float)


def add_ratios(frame: pd.DataFrame, targets: Targets) -> pd.DataFrame:
    """Add ratio, share and percent-of-target columns computed from totals (in place).

    Parameters
    ----------
    frame : DataFrame
        Daily or weekly totals.
    targets : Targets
        For ``<mineral>_pct_target`` = 100 x total / RDA-or-AI. [%] Where the frame has a
        per-row ``<mineral>_target_mg`` column (per-person profiles), that column is used
        instead.
    """
    for column, (numerator, denominator, molar) in RATIO_PARTS.items():
        factor = molar_ratio_factor(*molar) if molar else 1.0
        frame[column] = safe_ratio(frame[numerator], frame[denominator], factor)
    for mineral in TARGET_MINERALS:
        per_row = f"{mineral}_target_mg"
        if per_row in frame.columns:  # per-person targets (analyze(..., profiles=...))
            target_mg = frame[per_row].astype(float)
            frame[f"{mineral}_pct_target"] = (
                frame[f"{mineral}_mg"] / target_mg.where(target_mg > 0) * PERCENT
            )
            continue
        target = targets.target(mineral)
        frame[f"{mineral}_pct_target"] = (
            frame[f"{mineral}_mg"] / target * PERCENT if target else np.nan
        )
    for group in GROUPS:
        frame[f"phosphorus_{group}_share"] = safe_ratio(
            frame[f"phosphorus_{group}_mg"], frame["phosphorus_mg"]
        )
    return frame


class _GroupSums:
    """Sums of per-entry arrays per group code with ``min_count=1`` (NaN if all unknown)."""

    def __init__(self, codes: np.ndarray, size: int) -> None:
        self.codes = codes
        self.size = size

    def count(self, mask: np.ndarray) -> np.ndarray:
        return np.bincount(self.codes, weights=mask.astype(float), minlength=self.size)

    def totals(self, values: pd.Series | np.ndarray) -> tuple[np.ndarray, np.ndarray]:
        """The sum of the known values of each group, and how many are known."""
        array = np.asarray(values, dtype=float)
        known = ~np.isnan(array)
        total = np.bincount(self.codes, weights=np.where(known, array, 0.0), minlength=self.size)
        return total, self.count(known)

    def sum(self, values: pd.Series | np.ndarray) -> np.ndarray:
        total, known = self.totals(values)
        return np.where(known > 0, total, np.nan)

    def split(
        self, values: pd.Series | np.ndarray, labels: np.ndarray, n_labels: int
    ) -> tuple[np.ndarray, np.ndarray]:
        """Sums and known counts per group and label (arrays of shape (groups, labels))."""
        array = np.asarray(values, dtype=float)
        known = ~np.isnan(array)
        key = self.codes * n_labels + labels
        length = self.size * n_labels
        total = np.bincount(key, weights=np.where(known, array, 0.0), minlength=length)
        count = np.bincount(key, weights=known.astype(float), minlength=length)
        return total.reshape(self.size, n_labels), count.reshape(self.size, n_labels)


def _group_totals(entries: pd.DataFrame, sums: _GroupSums, out: dict[str, object]) -> None:
    """The per-group columns (phosphorus, PRAL, caffeine, diuretic load) and the diuretic
    load per mechanism, into ``out`` in table order: a day without the group has 0 from
    it, not unknown."""
    group = entries["group"].astype("string").to_numpy(dtype=object)
    labels = np.full(len(group), len(GROUPS), dtype=np.intp)  # not one of GROUPS
    for position, name in enumerate(GROUPS):
        labels[group == name] = position
    present = np.bincount(
        sums.codes * (len(GROUPS) + 1) + labels, minlength=sums.size * (len(GROUPS) + 1)
    )
    present = present.reshape(sums.size, len(GROUPS) + 1)
    stems = {"phosphorus": "phosphorus_mg", "pral": "pral_meq", "caffeine": "caffeine_mg"}
    if any(g in DIURETIC_GROUPS for g in GROUPS):
        stems["diuretic_load"] = "diuretic_load_mg"
    split = {
        stem: sums.split(entries[column], labels, len(GROUPS) + 1)
        for stem, column in stems.items()
    }
    for position, g in enumerate(GROUPS):
        absent = present[:, position] == 0
        for stem in stems:
            if stem == "diuretic_load" and g not in DIURETIC_GROUPS:
                continue
            total, known = split[stem]
            value = np.where(known[:, position] > 0, total[:, position], np.nan)
            unit = "meq" if stem == "pral" else "mg"
            out[f"{stem}_{g}_{unit}"] = np.where(absent, 0.0, value)
    diuretic = np.isin(group, DIURETIC_GROUPS)
    no_diuretic = sums.count(diuretic) == 0
    flag = diuretic.astype(np.intp)
    for mechanism in MECHANISMS:
        total, known = sums.split(entries[f"{mechanism}_calcium_mg"], flag, 2)
        load = np.where(known[:, 1] > 0, total[:, 1], np.nan)
        out[f"diuretic_load_{mechanism}_mg"] = np.where(no_diuretic, 0.0, load)


def daily_totals(
    entries: pd.DataFrame,
    targets: Targets,
    by_person: bool,
    rejected: pd.DataFrame | None = None,
    person_targets: pd.DataFrame | None = None,
    energy_fraction: float | None = None,
    days: Days | None = None,
) -> pd.DataFrame:
    """One row per date (and person): totals, coverage, loads, ratios, percent of target.

    Parameters
    ----------
    entries : DataFrame
        Entries with the per-entry metrics of :func:`analyzer.balance.analysis.entry_metrics`.
    targets : Targets
        For the percent-of-target columns.
    by_person : bool
        Add ``person`` as the first key.
    rejected : DataFrame, optional
        Unusable rows; counted per date (and person) as ``unmatched`` when they carry those
        columns, except rows the user deleted or left blank; otherwise ``unmatched`` is <NA>
        (not known per day). Rows whose date could not be read are counted on no day.
    person_targets : DataFrame, optional
        Per-person targets (:func:`analyzer.balance.profiles.person_targets`): their
        ``<mineral>_target_mg`` columns are merged onto the rows by ``person`` (rows need
        ``by_person``, or a diary of one person) and used for the percentages; their
        ``energy_need_kcal`` for the completeness check.
    energy_fraction : float, optional
        ``Settings.implausible_energy_fraction`` (see
        :func:`analyzer.balance.coverage.day_completeness`).
    days : Days, optional
        The entries' days (:func:`analyzer.balance.days.days_of` with ``by_person``),
        when the caller has them already.

    Returns
    -------
    DataFrame
        Columns ``[person,] date, entries, unmatched``, the coverage counts
        ``<nutrient>_unknown``, ``pral_meq_unknown`` and ``diuretic_load_mg_unknown``
        (entries whose load is unknown, e.g. app meal totals), the nutrient totals,
        ``absorbable_calcium_mg``, ``absorbable_phosphorus_mg``, ``pral_meq``,
        ``diuretic_load_mg``, the all-food ``caffeine_calcium_mg``, ``protein_calcium_mg``,
        ``sodium_calcium_mg``, each mineral from food and from supplements
        (``calcium_food_mg``, ``calcium_supplement_mg``, ...) and the largest supplement dose
        of calcium (``calcium_supplement_max_dose_mg``; see
        :func:`analyzer.balance.supplements.supplement_totals`), ``phosphorus_<group>_mg``,
        ``pral_<group>_meq``,
        ``caffeine_<group>_mg`` (groups red_meat, dairy, soda, coffee, tea, other),
        ``diuretic_load_<group>_mg`` (the four groups), ``diuretic_load_<mechanism>_mg``
        (caffeine, protein, sodium), ``caffeine_max_occasion_mg``,
        ``calcium_outside_load_range_mg``, ``calcium_default_index_mg``,
        ``absorbable_calcium_one_occasion_mg`` (see :mod:`analyzer.balance.entries`), the
        coverage of :func:`analyzer.balance.coverage.coverage_shares` (``coverage_basis``,
        ``unused_share``, ``<mineral>_unknown_share``), ``app_completed`` (the app's own mark,
        <NA> when it gives none), ``energy_need_kcal``, ``complete`` and
        ``incomplete_reason`` (:func:`analyzer.balance.coverage.day_completeness`), the
        ratios, ``<mineral>_pct_target`` and ``phosphorus_<group>_share``.
    """
    keys = ["person", "date"] if by_person else ["date"]
    days = days if days is not None else days_of(entries, by_person)
    codes, size = days.codes, days.size
    sums = _GroupSums(codes, size)
    sizes = np.bincount(codes, minlength=size).astype("int64")
    out: dict[str, object] = {
        "entries": _diary_entries(entries, sums, sizes),
        "unmatched": _unmatched(rejected, keys, days.index).to_numpy(),
    }
    counted = (*NUTRIENTS, "pral_meq", "diuretic_load_mg")
    totals = {c: sums.totals(entries[c]) for c in dict.fromkeys((*counted, *NUTRIENTS, *METRICS))}
    for column in counted:
        out[f"{column}_unknown"] = (sizes - totals[column][1]).astype("int64")
    for column in (*NUTRIENTS, *METRICS):
        total, known = totals[column]
        out[column] = np.where(known > 0, total, np.nan)
    _group_totals(entries, sums, out)
    out.update(supplement_totals(entries, codes, size, out))
    caffeine = entries["occasion_caffeine_mg"].to_numpy(dtype=float)
    out["caffeine_max_occasion_mg"] = (
        pd.Series(caffeine).groupby(codes).max().reindex(range(size)).to_numpy()
    )
    unused = pd.Series(out["unmatched"], dtype="Float64").to_numpy(dtype=float, na_value=np.nan)
    out.update(coverage_shares(entries, codes, size, unused))
    out["app_completed"] = _app_completed(entries, codes, size).array
    daily = pd.DataFrame(out, index=days.index).reset_index()
    daily["energy_need_kcal"] = (
        np.nan if targets.energy_need_kcal is None else targets.energy_need_kcal
    )
    if person_targets is not None:
        _merge_targets(daily, entries, person_targets, by_person)
    complete, reasons = day_completeness(daily, daily["energy_need_kcal"], energy_fraction)
    daily["complete"] = complete
    daily["incomplete_reason"] = pd.array(reasons, dtype="string")
    return add_ratios(daily, targets)


def _diary_entries(entries: pd.DataFrame, sums: _GroupSums, sizes: np.ndarray) -> np.ndarray:
    """Diary entries per day: a recipe entry analysed as its ingredients counts once
    (its rows other than the first have ``part`` > 0; :mod:`analyzer.balance.parts`)."""
    if "part" not in entries.columns:
        return sizes
    return sums.count(entries["part"].to_numpy() == 0).astype("int64")


def _app_completed(entries: pd.DataFrame, codes: np.ndarray, size: int) -> pd.Series:
    """Per day: False when the app marks any of its rows not completed; <NA> when it gives none."""
    if "completed" not in entries.columns:
        return pd.Series([pd.NA] * size, dtype="boolean")
    mark = entries["completed"].astype("boolean")
    said = mark.notna().to_numpy(dtype=bool)
    no = (mark == False).fillna(False).to_numpy(dtype=bool)  # noqa: E712 (nullable)
    said_days = np.bincount(codes, weights=said.astype(float), minlength=size) > 0
    no_days = np.bincount(codes, weights=no.astype(float), minlength=size) > 0
    values = np.where(no_days, False, True).astype(object)
    values[~said_days] = pd.NA
    return pd.Series(values, dtype="boolean")


def _merge_targets(
    daily: pd.DataFrame, entries: pd.DataFrame, person_targets: pd.DataFrame, by_person: bool
) -> None:
    """Add the per-person ``<mineral>_target_mg`` columns to daily rows (in place)."""
    table = person_targets.set_index("person")
    if by_person:
        persons = daily["person"]
    else:  # one person (checked by analyze): every row is theirs
        only = entries["person"].iloc[0] if len(entries) else ""
        persons = pd.Series(only, index=daily.index, dtype="string")
    codes = table.index.get_indexer(persons.astype("string"))
    for column in (*(f"{m}_target_mg" for m in TARGET_MINERALS), "energy_need_kcal"):
        if column not in table.columns:
            continue
        values = np.append(table[column].to_numpy(dtype=float), np.nan)
        daily[column] = values[codes]  # code -1 (not in the table) -> NaN


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
