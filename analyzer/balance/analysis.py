"""The balance engine: per-entry metrics, daily and ISO-weekly totals, ratios and targets.

:func:`analyze` takes a diary (anything with ``.entries``, ``.rejected`` and ``.notes``) or a
bare entries DataFrame (the ``Diary.entries`` contract) and returns an :class:`Analysis`.
Everything is vectorized with pandas group-bys; unknown nutrients stay NaN and are counted.

Absorbable calcium (Weaver et al. 2017): entries are grouped into eating occasions, because
the calcium load is per eating occasion (science.md §3a, §8c). Same person and date, and:
the same meal, split into separate occasions where the meal's clock times are more than
60 min apart (two "Snacks" at 10:00 and 16:00 are two loads; a breakfast whose foods are
stamped 08:00 and 08:05 is one, so the key is neither the meal alone nor (meal, exact time));
else, without a meal, times no more than 60 min apart; else the entry alone (details and
the other ``Settings.occasion`` rules: :mod:`analyzer.balance.occasions`). The occasion's calcium
load L is the sum of its known calcium. Each entry then absorbs

    absorbable_i = Ca_i x min(1, FA_milk(L) x index_i),
    FA_milk(L) = clip(0.889 - 0.0964 ln(max(L, L_min)), 0, 1),

where index_i is the absorptive index of the entry's food class relative to milk
(:mod:`analyzer.balance.absorption`). So the occasion absorbs FA_milk(L) x sum(Ca_i x index_i) and
each entry's share is weighted by its index. The equation exceeds 1 for loads below
L_min = exp((0.889 - 1) / 0.0964), about 0.32 mg; the load is floored there (FA = 1), and
FA is 0 above exp(0.889 / 0.0964), about 10,100 mg.

Absorbable phosphorus: P_i x the absorbed fraction of its source class (additive 1.0,
animal 0.5, plant 0.3, mixed 0.625).

References
----------
.. [1] Weaver CM et al. 2017, Curr Osteoporos Rep (PMC5442193), Table 1 and footnote.
.. [2] Renal Replacement Therapy 2017, Table 1 (10.1186/s41100-017-0095-x).
.. [3] IOM 1997, DRIs for Ca, P, Mg, Vitamin D and Fluoride, pp. 154, 173.
"""

from __future__ import annotations

import math
from collections.abc import Callable, Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd

from analyzer.balance.absorption import classify
from analyzer.balance.flags import empty_flag_table, flag_table, flags_from_table, week_flag_table
from analyzer.balance.occasions import occasion_keys
from analyzer.balance.profiles import cohort_targets
from analyzer.balance.targets import describe_targets, targets_for
from analyzer.balance.totals import NUTRIENTS, daily_totals, weekly_totals
from analyzer.errors import DiaryFormatError, ProfileError
from analyzer.models import Flag, Profile, Settings, Targets
from analyzer.reference import coefficient

_OPTIONAL_TEXT = ("person", "time", "meal", "food", "description", "category", "food_id")


@dataclass
class Analysis:
    """The result of :func:`analyze`.

    Attributes
    ----------
    entries : DataFrame
        The used entries plus per-entry metrics (see :func:`entry_metrics`).
    daily : DataFrame
        One row per date (and person when ``by_person``); see :func:`daily_totals`.
    weekly : DataFrame
        One row per ISO week (and person): per-day averages over the days logged.
    flag_table : DataFrame
        Findings, one row per flag (the fields of :class:`Flag`): first per day (``date``
        set), then per ISO week on the week's per-day averages (``week`` set, codes
        prefixed ``weekly_``; see :mod:`analyzer.balance.flags`). Built on first access: a cohort
        of a million entries has over a million flag messages, which the tables don't need.
    targets : Targets
        The DRI targets of ``profile``.
    profile : Profile
    settings : Settings
    rejected : DataFrame
        Unusable diary rows (``line, food, status, reason``), passed through.
    notes : list of str
        The diary's notes followed by the analysis' own caveats.
    by_person : bool
        Whether daily and weekly rows are per person.
    profile_is_default : bool
        True when no profile was given (the output must say so).
    targets_by_person : DataFrame or None
        With per-person profiles: one row per person of the diary with their profile
        (``sex``, ``age``, ``pregnant``, ``lactating``, ``in_profiles``, ``profile``,
        ``life_stage``) and targets (``<mineral>_target_mg`` and ``_target_kind``,
        ``calcium_ul_mg``, ``phosphorus_ul_mg``, ``sodium_cdrr_mg``, ``caffeine_max_mg``)
        [mg/day]; see :func:`analyzer.balance.profiles.person_targets`. ``None`` otherwise, when
        :attr:`targets` applies to everyone.
    profile_notes : list of str
        With per-person profiles: how many persons, life stages, persons given the default
        profile and profiles not in the diary (also in :attr:`notes`).
    """

    entries: pd.DataFrame
    daily: pd.DataFrame
    weekly: pd.DataFrame
    targets: Targets
    profile: Profile
    settings: Settings
    rejected: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    by_person: bool = False
    profile_is_default: bool = False
    targets_by_person: pd.DataFrame | None = None
    profile_notes: list[str] = field(default_factory=list)
    flag_builder: Callable[[], pd.DataFrame] | None = field(default=None, repr=False)

    @cached_property
    def flag_table(self) -> pd.DataFrame:
        """The findings table (see the class attributes), built once on first access."""
        return self.flag_builder() if self.flag_builder is not None else empty_flag_table()

    def profile_of(self, person: str) -> Profile:
        """The profile used for ``person``: theirs with per-person profiles, else :attr:`profile`.

        Raises
        ------
        ProfileError
            ``person`` is not in the diary (per-person profiles only).
        """
        if self.targets_by_person is None:
            return self.profile
        table = self.targets_by_person.set_index("person")
        if person not in table.index:
            raise ProfileError(
                f"person {person!r} is not in the diary; choose one of its persons, e.g. "
                f"{str(table.index[0])!r}"
                if len(table)
                else f"person {person!r} not found"
            )
        row = table.loc[person]
        return Profile(
            sex=str(row["sex"]),
            age=float(row["age"]),
            pregnant=bool(row["pregnant"]),
            lactating=bool(row["lactating"]),
        )

    def targets_of(self, person: str) -> Targets:
        """The DRI targets used for ``person`` (see :meth:`profile_of`)."""
        if self.targets_by_person is None:
            return self.targets
        return targets_for(self.profile_of(person))

    @cached_property
    def flags(self) -> list[Flag]:
        """Findings per day, then per week, as :class:`Flag` models with reference and tag."""
        return flags_from_table(self.flag_table)

    def flags_frame(self) -> pd.DataFrame:
        """The flags as a DataFrame (a copy of :attr:`flag_table`)."""
        return self.flag_table.copy()


def _unpack(diary: Any) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    if isinstance(diary, pd.DataFrame):
        return diary, pd.DataFrame(columns=["line", "food", "status", "reason"]), []
    if hasattr(diary, "entries") and isinstance(diary.entries, pd.DataFrame):
        rejected = getattr(diary, "rejected", None)
        if not isinstance(rejected, pd.DataFrame):
            rejected = pd.DataFrame(columns=["line", "food", "status", "reason"])
        return diary.entries, rejected, list(getattr(diary, "notes", []) or [])
    raise DiaryFormatError(
        type(diary).__name__,
        "is not a diary",
        "pass the result of read_diary() or a DataFrame of entries",
    )


def only_app_totals(entries: pd.DataFrame) -> bool:
    """True when there are entries and every one is an app's day or meal total (``is_total``).

    Such entries name no food, so food groups, eating occasions and absorbable calcium are
    unknown for them.
    """
    if entries.empty or "is_total" not in entries.columns:
        return False
    return bool(entries["is_total"].astype("boolean").fillna(False).all())


def prepare_entries(entries: pd.DataFrame) -> pd.DataFrame:
    """Check an entries table against the contract and fill optional columns.

    Parameters
    ----------
    entries : DataFrame
        Needs ``date`` and the nutrient columns (``calcium_mg``, ...); ``person``, ``meal``,
        ``time``, ``line``, ``food``, ``description``, ``category``, ``food_id`` and
        ``is_total`` (an app's day or meal total rather than one food) are optional.

    Returns
    -------
    DataFrame
        A copy with ``date`` as midnight datetimes, nutrients as float, ``person`` as text
        ("" when none) and the optional columns present.

    Raises
    ------
    DiaryFormatError
        A required column is missing, a date or nutrient is not readable, or a nutrient is
        negative (named with its line).
    """
    missing = [c for c in ("date", *NUTRIENTS) if c not in entries.columns]
    if missing:
        raise DiaryFormatError(
            "entries",
            f"missing columns {', '.join(missing)}",
            "give the columns of Diary.entries (date and per-entry nutrients, NaN = unknown)",
        )
    out = entries.copy(deep=False)  # columns are replaced, never changed in place
    n = len(out)
    if "line" not in out.columns:
        out["line"] = np.arange(1, n + 1)
    try:
        out["date"] = pd.to_datetime(out["date"]).dt.normalize()
    except (ValueError, TypeError) as error:
        raise DiaryFormatError("entries", f"column 'date' is not a date ({error})") from None
    if out["date"].isna().any():
        line = out.loc[out["date"].isna(), "line"].iloc[0]
        raise DiaryFormatError("entries", f"line {line}: missing date")
    for column in NUTRIENTS:
        values = pd.to_numeric(out[column], errors="coerce").astype(float)
        bad = values.isna() & out[column].notna()
        negative = values < 0
        if bad.any() or negative.any():
            where = bad | negative
            line = out.loc[where, "line"].iloc[0]
            raise DiaryFormatError(
                "entries",
                f"line {line}: {column} value {str(out.loc[where, column].iloc[0])!r} is "
                "not a non-negative number",
                "nutrients are amounts per entry; leave unknown values blank",
            )
        out[column] = values
    for column in _OPTIONAL_TEXT:
        if column not in out.columns:
            out[column] = pd.NA
        out[column] = out[column].astype("string")
    out["person"] = out["person"].fillna("")
    out["category"] = out["category"].fillna("other")
    out["is_total"] = (
        out["is_total"].astype("boolean").fillna(False).astype(bool)
        if "is_total" in out.columns
        else False
    )
    return out


def fractional_absorption_milk(load_mg: np.ndarray | pd.Series) -> np.ndarray:
    """Weaver's load equation for milk, clipped to [0, 1]. [fraction]

    FA = 0.889 - 0.0964 ln(load), with the load floored where FA would exceed 1.

    Parameters
    ----------
    load_mg : array-like
        Calcium load of the eating occasion. [mg]

    Examples
    --------
    >>> [round(float(x), 4) for x in fractional_absorption_milk(np.array([290.0, 0.0]))]
    [0.3424, 1.0]
    """
    intercept = coefficient("weaver_intercept")
    slope = coefficient("weaver_slope")
    floor = math.exp((intercept - 1.0) / slope)
    load = np.maximum(np.asarray(load_mg, dtype=float), floor)
    return np.clip(intercept - slope * np.log(load), 0.0, 1.0)


def entry_metrics(entries: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Add per-entry metrics to prepared entries.

    Added columns: ``group``; ``absorption_class``, ``calcium_absorption_index``,
    ``phosphorus_class``, ``phosphorus_absorption``; ``occasion`` (the eating occasion:
    meal, meal and time, time or ``"line N"``; see :mod:`analyzer.balance.occasions`),
    ``occasion_calcium_mg`` (the load) [mg], ``occasion_caffeine_mg`` [mg],
    ``calcium_fractional_absorption`` [fraction], ``absorbable_calcium_mg`` [mg],
    ``absorbable_phosphorus_mg`` [mg], ``caffeine_calcium_mg``, ``protein_calcium_mg``,
    ``sodium_calcium_mg``, ``diuretic_load_mg`` [mg Ca], ``pral_meq`` [mEq] and ``week``
    (ISO week, ``"2026-W47"``).
    """
    from analyzer.balance.loads import calciuria, group_of, pral

    out = entries
    out["group"] = group_of(out["category"])
    classes = classify(out)
    for column in classes.columns:
        out[column] = classes[column]
    out["occasion"], codes = occasion_keys(out, settings)
    out["occasion_calcium_mg"] = _group_sum(out["calcium_mg"], codes)
    out["occasion_caffeine_mg"] = _group_sum(out["caffeine_mg"], codes)
    fa = fractional_absorption_milk(out["occasion_calcium_mg"].fillna(0.0))
    out["calcium_fractional_absorption"] = np.minimum(
        fa * out["calcium_absorption_index"].to_numpy(dtype=float), 1.0
    )
    # An app's day or meal total hides its foods and eating occasions: Weaver's equation
    # needs both, so absorbable calcium and the caffeine of one sitting stay unknown.
    total = out["is_total"].to_numpy(dtype=bool)
    out.loc[total, ["calcium_fractional_absorption", "occasion_caffeine_mg"]] = np.nan
    out["absorbable_calcium_mg"] = out["calcium_mg"] * out["calcium_fractional_absorption"]
    out["absorbable_phosphorus_mg"] = out["phosphorus_mg"] * out["phosphorus_absorption"]
    parts = calciuria(out, settings)
    for column in parts.columns:
        out[column] = parts[column]
    out["pral_meq"] = pral(out, with_sodium=settings.pral_with_sodium)
    out["week"] = iso_week(out["date"])
    return out


def _group_sum(values: pd.Series, codes: np.ndarray) -> np.ndarray:
    """Per-row sum of ``values`` over its group (``codes``); NaN when all are unknown."""
    known = values.notna().to_numpy()
    size = int(codes.max()) + 1 if len(codes) else 0
    sums = np.bincount(codes, weights=values.fillna(0.0).to_numpy(dtype=float), minlength=size)
    counts = np.bincount(codes, weights=known.astype(float), minlength=size)
    return np.where(counts[codes] > 0, sums[codes], np.nan)


def iso_week(dates: pd.Series) -> pd.Series:
    """ISO 8601 week labels such as ``"2026-W47"``.

    Examples
    --------
    >>> iso_week(pd.Series(pd.to_datetime(["2026-11-16", "2027-01-01"]))).tolist()
    ['2026-W47', '2026-W53']
    """
    codes, uniques = pd.factorize(dates)
    iso = pd.DatetimeIndex(uniques).isocalendar()
    labels = (
        iso["year"].astype("string") + "-W" + iso["week"].astype("string").str.zfill(2)
    ).to_numpy()
    return pd.Series(labels[codes], index=dates.index, dtype="string")


def _caveats(
    entries: pd.DataFrame, profile: Profile, default: bool, targets: Targets, settings: Settings
) -> list[str]:
    """The analysis' own notes: the profile used and the caveats the sources require."""
    from analyzer.balance.loads import describe_coefficients

    coefficients = describe_coefficients(settings)

    stated = "default profile; set sex and age for yours" if default else "profile"
    notes = [
        f"Targets for {profile.describe()} ({stated}), DRI life stage "
        f"{targets.life_stage}: {describe_targets(targets)}.",
        "Potassium and phosphorus targets do not apply to people with kidney disease or on "
        "potassium-sparing drugs (NASEM 2019).",
        coefficients[0].upper() + coefficients[1:] + ".",
        "The diuretic load is an estimated calcium cost (urinary calcium from protein and "
        "sodium, lower absorption from caffeine), not water loss; absorption "
        "partly compensates: protein also raises calcium absorption (Kerstetter et al. 2003; "
        "Hunt et al. 2009) and caffeine's effect is offset by about 2 tablespoons of milk "
        "per cup of coffee (Heaney 2002).",
    ]
    unknown_group = int(entries["diuretic_load_mg"].isna().sum())
    if unknown_group:
        notes.append(
            f"{unknown_group} entr{'y has' if unknown_group == 1 else 'ies have'} an unknown "
            "diuretic load (app totals or foods not matched to USDA, so their group is "
            "unknown, or no protein, sodium or caffeine known); day totals count only the "
            "known entries (see diuretic_load_mg_unknown)."
        )
    if bool(entries["is_total"].any()):
        notes.append(
            "Some entries are an app's daily or meal totals: their foods and eating occasions "
            "are unknown, so their absorbable calcium and the caffeine of one sitting are "
            "unknown too."
        )
    return notes


def _all_flags(day_flags: pd.DataFrame, week_flags: pd.DataFrame) -> pd.DataFrame:
    """Day flags, then week flags (each already in period and rule order)."""
    if week_flags.empty:
        return day_flags
    if day_flags.empty:
        return week_flags.reset_index(drop=True)
    return pd.concat([day_flags, week_flags], ignore_index=True)


def analyze(
    diary: Any,
    profile: Profile | None = None,
    settings: Settings | None = None,
    *,
    profiles: pd.DataFrame | Mapping[str, Profile] | str | Path | None = None,
    by_person: bool | None = None,
) -> Analysis:
    """Analyse a diary: per-entry metrics, daily and weekly totals, targets and flags.

    Parameters
    ----------
    diary : Diary or DataFrame
        A diary from :func:`analyzer.diary.read_diary` (anything with ``.entries``,
        ``.rejected`` and ``.notes``) or a bare entries DataFrame with the columns of
        ``Diary.entries`` (at least ``date`` and the nutrient columns).
    profile : Profile, optional
        Selects the DRI targets; default ``Profile()`` (female, 35 y), stated in the notes.
    settings : Settings, optional
        Analysis choices; default ``Settings()``.
    profiles : DataFrame, mapping or path, optional
        Per-person profiles for a cohort diary: a mapping ``person -> Profile``, a
        DataFrame with columns ``person, sex, age[, pregnant, lactating]``, or the path of
        such a CSV (:func:`analyzer.balance.profiles.load_profiles`). Each person's targets come
        from their profile (the DRI tables looked up once per distinct profile); persons
        not in it get ``profile`` (or the default), and a note says how many. The daily and
        weekly rows then carry ``calcium_target_mg``, ``phosphorus_target_mg``,
        ``magnesium_target_mg`` and ``potassium_target_mg`` [mg/day], used for
        ``<mineral>_pct_target`` and the flags; :attr:`Analysis.targets_by_person` lists
        each person's profile and targets.
    by_person : bool, optional
        One row per person and day. Default: True when the entries name more than one
        person (totals of different people are never added together silently), or when
        ``profiles`` are given and the entries name a person.

    Returns
    -------
    Analysis

    Raises
    ------
    DiaryFormatError
        The entries lack a required column or hold unreadable values.
    ProfileError
        No DRI targets exist for the profile; a profiles table or file is bad (each bad
        row named); or ``by_person=False`` with profiles for a diary of several people.
    DataFileError
        The profiles file cannot be read.
    """
    entries, rejected, notes = _unpack(diary)
    profile_is_default = profile is None
    profile = profile or Profile()
    settings = settings or Settings()
    targets = targets_for(profile)
    prepared = prepare_entries(entries)
    several = prepared["person"].nunique() > 1
    if by_person is None:
        named = bool((prepared["person"] != "").any())
        by_person = several or (profiles is not None and named)
    cohort = None
    if profiles is not None:
        if several and not by_person:
            raise ProfileError(
                "per-person profiles need one row per person: the diary names "
                f"{prepared['person'].nunique():,} people; drop by_person=False"
            )
        cohort = cohort_targets(prepared["person"], profiles, profile)
    prepared = entry_metrics(prepared, settings)
    person_table = cohort.table if cohort is not None else None
    daily = daily_totals(prepared, targets, by_person, rejected, person_table)
    weekly = weekly_totals(daily, targets, by_person)
    day_groups = cohort.groups(daily, by_person) if cohort is not None else None
    week_groups = cohort.groups(weekly, by_person) if cohort is not None else None

    def build_flags() -> pd.DataFrame:
        return _all_flags(
            flag_table(daily, targets, settings, by_person, day_groups),
            week_flag_table(weekly, targets, settings, by_person, week_groups),
        )

    caveats = _caveats(prepared, profile, profile_is_default, targets, settings)
    if cohort is not None:  # the single-profile line is replaced by the per-person ones
        caveats = cohort.notes() + caveats[1:]
    notes = notes + caveats
    return Analysis(
        entries=prepared,
        daily=daily,
        weekly=weekly,
        targets=targets,
        profile=profile,
        settings=settings,
        rejected=rejected,
        notes=notes,
        by_person=by_person,
        profile_is_default=profile_is_default,
        targets_by_person=person_table,
        profile_notes=cohort.notes() if cohort is not None else [],
        flag_builder=build_flags,
    )
