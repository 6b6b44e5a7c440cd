"""Per-person profiles for cohort diaries: read them, check them, and look up their targets.

A profiles table has one row per person: ``person, sex, age, pregnant, lactating`` (the last
two optional). :func:`load_profiles` reads it from CSV; :func:`profiles_frame` accepts that
table or a mapping ``person -> Profile``; :func:`person_targets` gives each person of a diary
the DRI targets of their profile, looking the DRI tables up once per distinct profile.

References
----------
.. [1] IOM 2011, *Dietary Reference Intakes for Calcium and Vitamin D*, Tables S-1/S-2.
.. [2] IOM 1997, *DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride*.
.. [3] NASEM 2019, *DRIs for Sodium and Potassium*, Table S-1.
"""

from __future__ import annotations

import csv
import math
from collections.abc import Iterable, Mapping
from dataclasses import dataclass
from functools import lru_cache
from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.balance.targets import MAX_AGE_Y, MIN_AGE_Y, targets_for
from analyzer.errors import DataFileError, ProfileError
from analyzer.models import Profile, Targets
from analyzer.nutrients import TARGET_MINERALS

#: Columns of a profiles table, in order; ``pregnant`` and ``lactating`` may be absent.
PROFILE_COLUMNS = ("person", "sex", "age", "pregnant", "lactating")
REQUIRED_COLUMNS = ("person", "sex", "age")
#: Spellings accepted for ``sex`` (compared case-insensitively).
SEX_WORDS = {"f": "female", "female": "female", "m": "male", "male": "male"}
#: Spellings accepted for ``pregnant`` / ``lactating``; blank means no.
YES_NO_WORDS = {"yes": True, "y": True, "true": True, "1": True,
                "no": False, "n": False, "false": False, "0": False, "": False}  # fmt: skip
#: Most problems listed in one error before "... and N more".
MAX_LISTED = 10


def _fail(path: str, problems: list[str]) -> ProfileError:
    """One error listing every bad row (up to :data:`MAX_LISTED`)."""
    shown = [f"{path} {p}" for p in problems[:MAX_LISTED]]
    if len(problems) > MAX_LISTED:
        shown.append(f"... and {len(problems) - MAX_LISTED} more")
    return ProfileError("\n".join(shown))


def _check_rows(
    frame: pd.DataFrame, path: str, lines: np.ndarray, unit: str = "line"
) -> pd.DataFrame:
    """Validate the text cells of a profiles table; return the typed table.

    ``lines`` holds each row's place for messages: the file line (``unit="line"``) or the
    row number (``unit="row"``).
    """
    person = frame["person"].astype("string").str.strip().fillna("")
    sex_text = frame["sex"].astype("string").str.strip().fillna("")
    sex = sex_text.str.lower().map(SEX_WORDS)
    age_text = frame["age"].astype("string").str.strip().fillna("")
    age = pd.to_numeric(age_text, errors="coerce").astype(float)
    flags: dict[str, tuple[pd.Series, pd.Series]] = {}
    for column in ("pregnant", "lactating"):
        text = (
            frame[column].astype("string").str.strip().fillna("")
            if column in frame.columns
            else pd.Series("", index=frame.index, dtype="string")
        )
        flags[column] = (text, text.str.lower().map(YES_NO_WORDS))
    names = person.tolist()
    first = pd.Series(lines, index=frame.index).groupby(person.to_numpy()).transform("first")
    repeated = (person.duplicated() & (person != "")).to_numpy(dtype=bool)
    # (row, message) for every problem, checked column by column, listed in line order
    found: list[tuple[int, str]] = []
    for row in np.flatnonzero((person == "").to_numpy(dtype=bool)).tolist():
        found.append((row, "person is blank; give the participant id as in the diary"))
    for row in np.flatnonzero(repeated).tolist():
        found.append(
            (row, f"person {names[row]!r} is already on {unit} {int(first.iat[row])}; "
                  "give each person one row")
        )  # fmt: skip
    usable = ~repeated & (person != "").to_numpy(dtype=bool)
    for row in np.flatnonzero(sex.isna().to_numpy(dtype=bool) & usable).tolist():
        found.append(
            (row, f"sex {sex_text.iat[row]!r} for person {names[row]!r} is not a sex the DRI "
                  "tables know; use female or male (f/m)")
        )  # fmt: skip
    age_values = age.to_numpy(dtype=float)
    with np.errstate(invalid="ignore"):
        bad_age = ~((age_values >= MIN_AGE_Y) & (age_values <= MAX_AGE_Y))  # NaN is bad too
    for row in np.flatnonzero(bad_age & usable).tolist():
        found.append(
            (row, f"age {age_text.iat[row]!r} for person {names[row]!r} is not an age the DRI "
                  f"tables cover; give the age in years, from {MIN_AGE_Y:g} to {MAX_AGE_Y:g}")
        )  # fmt: skip
    for column, (text, parsed) in flags.items():
        for row in np.flatnonzero(parsed.isna().to_numpy(dtype=bool) & usable).tolist():
            found.append(
                (row, f"{column} {text.iat[row]!r} for person {names[row]!r} is not yes or "
                      "no; use yes/no, true/false, 1/0 or leave it blank")
            )  # fmt: skip
    found.sort(key=lambda item: item[0])
    problems = [f"{unit} {int(lines[row])}: {message}" for row, message in found]
    if problems:
        raise _fail(path, problems)
    table = pd.DataFrame(
        {
            "person": person.astype("string"),
            "sex": sex.astype("string"),
            "age": age,
            "pregnant": flags["pregnant"][1].astype(bool),
            "lactating": flags["lactating"][1].astype(bool),
        }
    )
    _check_life_stages(table, path, lines, unit)
    return table.reset_index(drop=True)


def _check_life_stages(table: pd.DataFrame, path: str, lines: np.ndarray, unit: str) -> None:
    """Each distinct (sex, age, pregnant, lactating) must have DRI targets."""
    keys = list(PROFILE_COLUMNS[1:])
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(table[keys]))
    problems: dict[int, str] = {}
    for code, (sex, age, pregnant, lactating) in enumerate(uniques):
        try:
            _targets(_profile(str(sex), float(age), bool(pregnant), bool(lactating)))
        except ProfileError as error:
            problems[code] = (
                f"({_profile_text(str(sex), float(age), bool(pregnant), bool(lactating))}) "
                f"{str(error).split(': ', 1)[-1]}; correct sex, age, pregnant or lactating"
            )
    if problems:
        bad = [
            f"{unit} {line}: person {name!r} {problems[int(code)]}"
            for line, name, code in zip(lines.tolist(), table["person"], codes, strict=True)
            if int(code) in problems
        ]
        raise _fail(path, bad)


def _profile_text(sex: str, age: float, pregnant: bool, lactating: bool) -> str:
    """``"male, 60 y, pregnant"``: the profile as given, even when it is not valid."""
    states = [name for name, on in (("pregnant", pregnant), ("lactating", lactating)) if on]
    return ", ".join([sex, f"{age:g} y", *states])


def _profile(sex: str, age: float, pregnant: bool, lactating: bool) -> Profile:
    """A :class:`Profile`, its validation problems as :class:`ProfileError`."""
    from analyzer.balance.targets import make_profile

    return make_profile(sex, age, pregnant, lactating)


@lru_cache(maxsize=4096)
def _targets(profile: Profile) -> Targets:
    """DRI targets per distinct profile (profiles are frozen, hence hashable)."""
    return targets_for(profile)


def load_profiles(path: str | Path) -> pd.DataFrame:
    """Read a profiles CSV: one row per person.

    Parameters
    ----------
    path : str or Path
        CSV with a header naming ``person``, ``sex``, ``age`` and optionally ``pregnant`` and
        ``lactating`` (any case, any order). ``sex`` is female/male or f/m (any case);
        ``pregnant`` and ``lactating`` are yes/no, true/false, 1/0 or blank (= no). ``age``
        is in years. [years]

    Returns
    -------
    DataFrame
        Columns ``person`` (text, as in the diary), ``sex`` (``female``/``male``), ``age``
        [years], ``pregnant``, ``lactating`` (bool), in file order.

    Raises
    ------
    DataFileError
        The file is missing or unreadable.
    ProfileError
        A column is missing, or rows are bad: every bad row is named with its line (the
        header is line 1), the value and the fix; a profile the DRI tables do not cover
        (e.g. pregnant at 60) is named the same way.

    Examples
    --------
    >>> import tempfile, os
    >>> with tempfile.NamedTemporaryFile("w", suffix=".csv", delete=False) as f:
    ...     _ = f.write("Person,Sex,Age\\np1,F,60\\np2,m,40\\n")
    >>> load_profiles(f.name)[["person", "sex", "age"]].values.tolist()
    [['p1', 'female', 60.0], ['p2', 'male', 40.0]]
    >>> os.remove(f.name)
    """
    name = str(path)
    try:
        with open(path, newline="", encoding="utf-8-sig") as handle:
            rows = list(csv.reader(handle))
    except FileNotFoundError:
        raise DataFileError(name, "no such file", "check the path of the profiles file") from None
    except (OSError, UnicodeDecodeError) as error:
        raise DataFileError(
            name, f"cannot be read ({error})", "save the profiles as a UTF-8 CSV file"
        ) from None
    if not rows or not any(cell.strip() for cell in rows[0]):
        raise ProfileError(
            f"{name}: the file is empty; give a header line person,sex,age,pregnant,lactating "
            "and one row per person"
        )
    header = [cell.strip().lower() for cell in rows[0]]
    missing = [c for c in REQUIRED_COLUMNS if c not in header]
    if missing:
        raise ProfileError(
            f"{name} line 1: missing column{'s' if len(missing) > 1 else ''} "
            f"{', '.join(missing)} (found: {', '.join(rows[0]) or 'none'}); the header must "
            "name person, sex, age and optionally pregnant, lactating"
        )
    wanted = [c for c in PROFILE_COLUMNS if c in header]
    positions = [header.index(c) for c in wanted]
    body = [(n, r) for n, r in enumerate(rows[1:], start=2) if any(c.strip() for c in r)]
    records = [[r[i] if i < len(r) else "" for i in positions] for _, r in body]
    frame = pd.DataFrame(records, columns=wanted, dtype="string")
    lines = np.asarray([n for n, _ in body], dtype="int64")
    return _check_rows(frame, name, lines)


def profiles_frame(profiles: pd.DataFrame | Mapping[str, Profile]) -> pd.DataFrame:
    """Normalize profiles given in code into the table of :func:`load_profiles`.

    Parameters
    ----------
    profiles : DataFrame or mapping
        A DataFrame with columns ``person, sex, age`` and optionally ``pregnant``,
        ``lactating`` (values as :func:`load_profiles` accepts; column names any case), or
        a mapping ``person -> Profile``.

    Returns
    -------
    DataFrame
        ``person, sex, age, pregnant, lactating``.

    Raises
    ------
    ProfileError
        A column is missing or a row is bad (rows are numbered from 1 in the message).
    """
    if isinstance(profiles, pd.DataFrame):
        frame = profiles.rename(columns=lambda c: str(c).strip().lower())
        missing = [c for c in REQUIRED_COLUMNS if c not in frame.columns]
        if missing:
            raise ProfileError(
                f"profiles: missing column{'s' if len(missing) > 1 else ''} "
                f"{', '.join(missing)}; give person, sex, age and optionally pregnant, lactating"
            )
        text = pd.DataFrame(index=frame.index)
        for column in (c for c in PROFILE_COLUMNS if c in frame.columns):
            values = frame[column]
            if values.dtype == bool:
                values = values.map({True: "yes", False: "no"})
            text[column] = values.astype("string")
        lines = np.arange(1, len(frame) + 1, dtype="int64")
        return _check_rows(text, "profiles", lines, unit="row")
    if isinstance(profiles, Mapping):
        bad = [k for k, v in profiles.items() if not isinstance(v, Profile)]
        if bad:
            raise ProfileError(
                f"profiles: the value for person {bad[0]!r} is not a Profile; map each person "
                "to analyzer.Profile(sex=..., age=...)"
            )
        return pd.DataFrame(
            {
                "person": pd.array([str(k).strip() for k in profiles], dtype="string"),
                "sex": pd.array([p.sex for p in profiles.values()], dtype="string"),
                "age": [float(p.age) for p in profiles.values()],
                "pregnant": [p.pregnant for p in profiles.values()],
                "lactating": [p.lactating for p in profiles.values()],
            }
        )
    raise ProfileError(
        f"profiles of type {type(profiles).__name__} are not understood; give a DataFrame "
        "with columns person, sex, age (pregnant, lactating) or a dict person -> Profile"
    )


def person_targets(
    persons: Iterable[str], profiles: pd.DataFrame, default: Profile
) -> tuple[pd.DataFrame, dict[Profile, Targets]]:
    """DRI targets for each person of a diary, from their profile or ``default``.

    The DRI tables are looked up once per distinct profile, not per person.

    Parameters
    ----------
    persons : iterable of str
        The diary's distinct persons.
    profiles : DataFrame
        From :func:`load_profiles` / :func:`profiles_frame`.
    default : Profile
        For persons not in ``profiles``.

    Returns
    -------
    targets : DataFrame
        One row per person, in the given order: ``person``, ``sex``, ``age`` [years],
        ``pregnant``, ``lactating``, ``in_profiles`` (False: default used), ``profile``
        (description), ``life_stage``, ``calcium_target_mg``, ``phosphorus_target_mg``,
        ``magnesium_target_mg``, ``potassium_target_mg`` (RDA or AI) and their kinds
        ``<mineral>_target_kind``, ``calcium_ul_mg``, ``phosphorus_ul_mg``,
        ``sodium_cdrr_mg``, ``caffeine_max_mg`` (NaN where none) [mg/day], and
        ``energy_need_kcal`` (sedentary energy need, NaN under 1 year) [kcal/day].
    by_profile : dict
        The :class:`Targets` of each distinct profile used.
    """
    people = pd.Index(pd.unique(pd.Series(list(persons), dtype="string")), dtype="string")
    known = profiles.set_index("person").reindex(people.str.strip())
    in_profiles = known["sex"].notna().to_numpy(dtype=bool)
    table = pd.DataFrame(
        {
            "person": people,
            "sex": known["sex"].fillna(default.sex).to_numpy(dtype=object),
            "age": known["age"].fillna(default.age).to_numpy(dtype=float),
            "pregnant": known["pregnant"]
            .astype("boolean")
            .fillna(default.pregnant)
            .to_numpy(dtype=bool),
            "lactating": known["lactating"]
            .astype("boolean")
            .fillna(default.lactating)
            .to_numpy(dtype=bool),
            "in_profiles": in_profiles,
        }
    )
    keys = ["sex", "age", "pregnant", "lactating"]
    codes, uniques = pd.factorize(pd.MultiIndex.from_frame(table[keys]))
    distinct = [_profile(str(s), float(a), bool(p), bool(lc)) for s, a, p, lc in uniques]
    by_profile = {p: _targets(p) for p in distinct}
    rows = [by_profile[p] for p in distinct]

    def pick(values: list[object]) -> np.ndarray:
        return np.asarray(values, dtype=object)[codes]

    table["profile"] = pd.array(pick([p.describe() for p in distinct]), dtype="string")
    table["life_stage"] = pd.array(pick([t.life_stage for t in rows]), dtype="string")
    for nutrient in TARGET_MINERALS:
        table[f"{nutrient}_target_mg"] = pick([t.target(nutrient) for t in rows]).astype(float)
        table[f"{nutrient}_target_kind"] = pd.array(
            pick([t.kinds.get(nutrient) for t in rows]), dtype="string"
        )
    for column in (
        "calcium_ul_mg",
        "phosphorus_ul_mg",
        "sodium_cdrr_mg",
        "caffeine_max_mg",
        "energy_need_kcal",
    ):
        values = [getattr(t, column) for t in rows]
        table[column] = pick([math.nan if v is None else v for v in values]).astype(float)
    return table, by_profile


@dataclass(frozen=True)
class CohortTargets:
    """Per-person targets of a diary and their distinct DRI life stages.

    Attributes
    ----------
    table : DataFrame
        One row per person of the diary (:func:`person_targets`).
    stages : list of Targets
        The targets of each distinct DRI life stage used (a few, however many persons).
    stage_codes : ndarray
        For each row of ``table``, its index in ``stages``.
    default : Profile
        The profile of persons not in the profiles table.
    unused : int
        Persons in the profiles table who are not in the diary.
    """

    table: pd.DataFrame
    stages: list[Targets]
    stage_codes: np.ndarray
    default: Profile
    unused: int

    def groups(self, frame: pd.DataFrame, by_person: bool) -> tuple[np.ndarray, list[Targets]]:
        """(code per row of ``frame``, :attr:`stages`) for :func:`.flags.flag_table`.

        ``frame`` rows are daily or weekly rows; without ``by_person`` the diary has one
        person and every row is theirs.
        """
        if by_person:
            persons = frame["person"].astype("string")
            rows = pd.Index(self.table["person"]).get_indexer(persons)
        else:
            rows = np.zeros(len(frame), dtype=np.int64)
        return self.stage_codes[rows], self.stages

    def notes(self) -> list[str]:
        """What the output must say: profiles used, and the persons given the default."""
        people = len(self.table)
        missing = int((~self.table["in_profiles"]).sum())
        if people == 1 and self.table["person"].iat[0] == "":
            return [
                "The diary names no person (no person column), so the profiles were not "
                f"used: targets for the default profile ({self.default.describe()})."
            ]
        names = list(dict.fromkeys(t.life_stage for t in self.stages))
        stages = len(names)
        named = f": {', '.join(names)}" if 0 < stages <= 4 else ""
        notes = [
            f"Targets per person from their profile: {people:,} "
            f"person{'s' if people != 1 else ''}, {stages} DRI life stage"
            f"{'s' if stages != 1 else ''}{named} (see targets_by_person)."
        ]
        if missing:
            notes.append(
                f"{missing:,} of {people:,} person{'s' if people != 1 else ''} "
                f"{'is' if missing == 1 else 'are'} not in the profiles and "
                f"use{'s' if missing == 1 else ''} the default "
                f"profile ({self.default.describe()})."
            )
        if self.unused:
            notes.append(
                f"{self.unused:,} person{'s' if self.unused != 1 else ''} in the profiles "
                f"{'is' if self.unused == 1 else 'are'} not in the diary."
            )
        return notes


def _nan(value: float | None) -> str:
    """A target as text the way the persons table writes it (``nan`` for none)."""
    return str(float("nan") if value is None else float(value))


def cohort_targets(
    persons: pd.Series,
    profiles: pd.DataFrame | Mapping[str, Profile] | str | Path,
    default: Profile,
) -> CohortTargets:
    """Targets for every person of a diary from a profiles table, file or mapping.

    Parameters
    ----------
    persons : Series
        The diary's ``person`` column (any length; handled per distinct person).
    profiles : DataFrame, mapping or path
        As :func:`profiles_frame` accepts, or the path of a CSV for :func:`load_profiles`.
    default : Profile
        For persons not in ``profiles``.

    Raises
    ------
    ProfileError, DataFileError
        As :func:`load_profiles` / :func:`profiles_frame`.
    """
    if isinstance(profiles, (str, Path)):
        frame = load_profiles(profiles)
    else:
        frame = profiles_frame(profiles)
    distinct = pd.unique(persons.astype("string"))
    table, by_profile = person_targets(distinct, frame, default)
    # one set of targets per distinct DRI life stage and age-specific limits (caffeine and
    # energy need change within a life stage), however many persons
    keys = table["life_stage"].astype(str) + "|" + table["caffeine_max_mg"].astype(str)
    keys = keys + "|" + table["energy_need_kcal"].astype(str)
    stage_codes, stage_names = pd.factorize(keys)
    stages = {
        f"{t.life_stage}|{_nan(t.caffeine_max_mg)}|{_nan(t.energy_need_kcal)}": t
        for t in by_profile.values()
    }
    in_diary = set(table["person"].str.strip().tolist())
    unused = int((~frame["person"].isin(in_diary)).sum())
    return CohortTargets(
        table=table,
        stages=[stages[str(name)] for name in stage_names],
        stage_codes=np.asarray(stage_codes, dtype=np.int64),
        default=default,
        unused=unused,
    )
