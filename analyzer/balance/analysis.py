"""The analysis: a diary's entries with their metrics, daily and weekly tables, and flags.

:func:`analyze` takes a diary (:class:`analyzer.diary.Diary`) or a bare entries DataFrame
(the ``Diary.entries`` contract) and returns an :class:`Analysis`. Everything is vectorized
with pandas group-bys; unknown nutrients stay NaN and are counted. The per-entry rules are in
:mod:`analyzer.balance.entries`, the daily totals in :mod:`analyzer.balance.totals`, every
week rule in :mod:`analyzer.balance.weeks`.

References
----------
.. [1] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193), Table 1 and footnote.
.. [2] IOM 1997, DRIs for Ca, P, Mg, Vitamin D and Fluoride, pp. 154, 173.
.. [3] NASEM 2019, DRIs for Sodium and Potassium (the potassium AI and kidney disease).
.. [4] Kalantar-Zadeh K et al. 2010, Clin J Am Soc Nephrol 5:519 (phosphorus additives).
"""

from __future__ import annotations

from collections.abc import Mapping
from dataclasses import dataclass, field
from functools import cached_property
from pathlib import Path

import pandas as pd

from analyzer.balance.chunks import CHUNK_ROWS, DailyJob, chunked_daily
from analyzer.balance.days import days_of
from analyzer.balance.entries import entry_metrics, prepare_entries
from analyzer.balance.flags import FlagSample, flag_table, flags_from_table, week_flag_table
from analyzer.balance.parts import expand_recipes
from analyzer.balance.profiles import CohortTargets, cohort_targets
from analyzer.balance.targets import describe_targets, targets_for
from analyzer.balance.totals import daily_totals
from analyzer.balance.weeks import weekly_totals
from analyzer.diary.model import Diary
from analyzer.errors import DiaryFormatError, ProfileError
from analyzer.models import Flag, Profile, Settings, Targets
from analyzer.reference import coefficient


@dataclass
class Analysis:
    """The result of :func:`analyze`.

    Attributes
    ----------
    entries : DataFrame
        The used entries plus per-entry metrics (see :func:`entry_metrics`); a recipe entry
        as the foods it is made of (``recipe`` names it; ``part == 0`` marks each diary
        entry's first row; :mod:`analyzer.balance.parts`). After a person-chunked analysis
        (:mod:`analyzer.balance.chunks`) computed on first access.
    daily : DataFrame
        One row per date (and person when ``by_person``); see :func:`daily_totals`.
    weekly : DataFrame
        One row per ISO week (and person): per-day averages over the days logged. Built on
        first access (``analyzer daily`` never prints it).
    flag_table : DataFrame
        Findings, one row per flag (the fields of :class:`Flag`): first per day (``date``
        set, :attr:`day_flag_table`), then per ISO week on the week's per-day averages
        (``week`` set, codes prefixed ``weekly_``, :attr:`week_flag_table`; see
        :mod:`analyzer.balance.flags`). Built on first access: a cohort of a million entries
        has over a million flag messages, which the tables don't need.
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
    diary_format : str or None
        The diary's format (:data:`analyzer.diary.FORMATS`); ``None`` for bare entries.
    prepared : DataFrame
        The used entries (:func:`prepare_entries`, recipes expanded), with their metrics
        unless ``entries_have_metrics`` is false (a person-chunked analysis).
    entries_have_metrics : bool
        Whether :attr:`prepared` holds the per-entry metrics already.
    logged : DataFrame or None
        The diary's entries as logged, one row per entry (a recipe entry whole), prepared
        (:func:`prepare_entries`) but without metrics; ``None`` when they are
        :attr:`entries` (no recipe entry).
    """

    prepared: pd.DataFrame
    daily: pd.DataFrame
    targets: Targets
    profile: Profile
    settings: Settings
    rejected: pd.DataFrame
    notes: list[str] = field(default_factory=list)
    by_person: bool = False
    profile_is_default: bool = False
    targets_by_person: pd.DataFrame | None = None
    profile_notes: list[str] = field(default_factory=list)
    diary_format: str | None = None
    cohort: CohortTargets | None = field(default=None, repr=False)
    logged: pd.DataFrame | None = None
    entries_have_metrics: bool = True

    @cached_property
    def entries(self) -> pd.DataFrame:
        """The entries with their metrics (see the class attributes)."""
        if self.entries_have_metrics:
            return self.prepared
        return entry_metrics(self.prepared.copy(deep=False), self.settings)

    @cached_property
    def weekly(self) -> pd.DataFrame:
        """The weekly table (see the class attributes), built once on first access."""
        return weekly_totals(self.daily, self.targets, self.by_person)

    @cached_property
    def day_flag_table(self) -> pd.DataFrame:
        """The findings per day (the rows of :attr:`flag_table` with ``date`` set)."""
        groups = self.cohort.groups(self.daily, self.by_person) if self.cohort else None
        return flag_table(self.daily, self.targets, self.settings, self.by_person, groups)

    @cached_property
    def week_flag_table(self) -> pd.DataFrame:
        """The findings per ISO week (the rows of :attr:`flag_table` with ``week`` set)."""
        groups = self.cohort.groups(self.weekly, self.by_person) if self.cohort else None
        return week_flag_table(self.weekly, self.targets, self.settings, self.by_person, groups)

    @property
    def logged_entries(self) -> pd.DataFrame:
        """One row per diary entry as logged (:attr:`logged`, else :attr:`entries`)."""
        return self.logged if self.logged is not None else self.entries

    def flag_sample(self, table: str, limit: int) -> tuple[pd.DataFrame, dict[str, int]]:
        """The first ``limit`` flags of each rule, per day (``table="daily"``) or per week,
        and how many flags each code has; the whole table's messages are never written
        (see :class:`analyzer.balance.flags.FlagSample`)."""
        sample = FlagSample(limit)
        frame = self.daily if table == "daily" else self.weekly
        groups = self.cohort.groups(frame, self.by_person) if self.cohort else None
        build = flag_table if table == "daily" else week_flag_table
        found = build(frame, self.targets, self.settings, self.by_person, groups, sample)
        return found, sample.counts

    @cached_property
    def flag_table(self) -> pd.DataFrame:
        """The findings table (see the class attributes), built once on first access."""
        return _all_flags(self.day_flag_table, self.week_flag_table)

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


def _unpack(diary: Diary | pd.DataFrame) -> tuple[pd.DataFrame, pd.DataFrame, list[str]]:
    if isinstance(diary, pd.DataFrame):
        return diary, pd.DataFrame(columns=["line", "food", "status", "reason"]), []
    if isinstance(diary, Diary):
        return diary.entries, diary.rejected, list(diary.notes) + _recipe_notes(diary)
    raise DiaryFormatError(
        type(diary).__name__,
        "is not a diary",
        "pass the result of read_diary() or a DataFrame of entries",
    )


def _recipe_notes(diary: Diary) -> list[str]:
    """Say that recipe entries are analysed as their ingredients."""
    if diary.parts.empty:
        return []
    recipes = int(diary.parts["entry"].nunique())
    return [
        f"{recipes} recipe entr{'y is' if recipes == 1 else 'ies are'} analysed as the foods "
        "each recipe is made of: each ingredient's calcium absorbed by its own class and its "
        "diuretic load in its own group (red meat, dairy, ...)."
    ]


def _caveats(
    entries: pd.DataFrame,
    daily: pd.DataFrame,
    profile: Profile,
    default: bool,
    targets: Targets,
    settings: Settings,
) -> list[str]:
    """The analysis' own notes: the profile used and the caveats the sources require
    (``entries`` prepared, with or without their metrics; ``daily`` their daily rows)."""
    from analyzer.balance.loads import describe_coefficients

    coefficients = describe_coefficients(settings)

    stated = "default profile; set sex and age for yours" if default else "profile"
    notes = [
        f"Targets for {profile.describe()} ({stated}), DRI life stage "
        f"{targets.life_stage}: {describe_targets(targets)}.",
        *_occasion_notes(entries, settings),
        "The potassium AI does not apply to people with impaired potassium excretion (kidney "
        "disease, potassium-sparing drugs) (NASEM 2019). The DRIs are for healthy people "
        "(IOM 1997): with kidney disease, phosphorus and potassium targets are set by the care "
        "team, and additive phosphorus matters most (Kalantar-Zadeh et al. 2010).",
        coefficients[0].upper() + coefficients[1:] + ".",
        "The diuretic load is an estimated calcium cost (urinary calcium from protein and "
        "sodium, lower absorption from caffeine), not water loss; absorption "
        "partly compensates: protein also raises calcium absorption (Kerstetter et al. 2003; "
        "Hunt et al. 2009) and caffeine's effect is offset by about 2 tablespoons of milk "
        "per cup of coffee (Heaney 2002).",
    ]
    unknown_group = int(daily["diuretic_load_mg_unknown"].sum())  # every entry has its day
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


def _occasion_notes(entries: pd.DataFrame, settings: Settings) -> list[str]:
    """How a diary's meals were split into eating occasions (a convention, said so).

    A diary without eating times gets its note from the report, with the week's numbers
    (:func:`analyzer.report.coverage.absorption_notes`).
    """
    from analyzer.balance.occasions import OCCASION_GAP_MIN

    foods = entries[~entries["is_total"].astype(bool)]
    timed = foods["time"].notna() | foods["meal"].notna()
    if foods.empty or settings.occasion == "entry" or not bool(timed.any()):
        return []
    gap = settings.occasion_gap_min or coefficient(OCCASION_GAP_MIN)
    return [
        f"Eating occasions: a diary meal, split where its entries are more than {gap:g} "
        "minutes apart; the window is a convention of this tool, not a measured value."
    ]


def _all_flags(day_flags: pd.DataFrame, week_flags: pd.DataFrame) -> pd.DataFrame:
    """Day flags, then week flags (each already in period and rule order)."""
    if week_flags.empty:
        return day_flags
    if day_flags.empty:
        return week_flags.reset_index(drop=True)
    return pd.concat([day_flags, week_flags], ignore_index=True)


def analyze(
    diary: Diary | pd.DataFrame,
    profile: Profile | None = None,
    settings: Settings | None = None,
    *,
    profiles: pd.DataFrame | Mapping[str, Profile] | str | Path | None = None,
    by_person: bool | None = None,
    chunk_rows: int | None = None,
    engine: str = "pandas",
    scheduler: str | None = None,
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
    chunk_rows : int, optional
        With ``by_person``, a diary of more entries is analysed a chunk of whole persons of
        about this many entries at a time (default
        :data:`analyzer.balance.chunks.CHUNK_ROWS`): the same daily table, with the memory
        of one chunk's per-entry metrics (:attr:`Analysis.entries` is then computed on
        first access).
    engine : {"pandas", "dask"}
        ``"dask"``: the chunks are dask tasks on a ``dask.distributed`` cluster
        (:mod:`analyzer.balance.dask_engine`; the optional extra ``analyzer[dask]``), with
        the same result.
    scheduler : str, optional
        With ``engine="dask"``: the address of a running scheduler; default a local cluster.

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
    parts = diary.parts if isinstance(diary, Diary) else None
    logged = prepared.copy(deep=False) if parts is not None and not parts.empty else None
    prepared = expand_recipes(prepared, parts)
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
    person_table = cohort.table if cohort is not None else None
    job = DailyJob(settings, targets, by_person, rejected, person_table)
    rows = (chunk_rows or CHUNK_ROWS) if by_person else len(prepared) + 1  # days span persons
    chunked = engine == "dask" or len(prepared) > rows
    if engine == "dask":
        from analyzer.balance.dask_engine import dask_daily

        daily = dask_daily(prepared, job, rows, scheduler)
    elif chunked:  # the metrics a chunk of persons at a time; entries on first access
        daily = chunked_daily(prepared, job, rows)
    else:
        days = days_of(prepared, by_person)
        prepared = entry_metrics(prepared, settings, days)
        daily = daily_totals(
            prepared,
            targets,
            by_person,
            rejected,
            person_table,
            settings.implausible_energy_fraction,
            days,
        )
    caveats = _caveats(prepared, daily, profile, profile_is_default, targets, settings)
    if cohort is not None:  # the single-profile line is replaced by the per-person ones
        caveats = cohort.notes() + caveats[1:]
    notes = notes + caveats
    return Analysis(
        prepared=prepared,
        entries_have_metrics=not chunked,
        daily=daily,
        targets=targets,
        profile=profile,
        settings=settings,
        rejected=rejected,
        notes=notes,
        by_person=by_person,
        profile_is_default=profile_is_default,
        targets_by_person=person_table,
        profile_notes=cohort.notes() if cohort is not None else [],
        diary_format=diary.format if isinstance(diary, Diary) else None,
        cohort=cohort,
        logged=logged,
    )
