"""Cohort answers: how intakes are distributed across persons, and how many fall short.

From an :class:`~analyzer.balance.analysis.Analysis` of a cohort diary (one row per person
and day), :func:`cohort_summary` computes, all vectorized over persons:

- each person's **mean daily intake** over their logged days (a day's total counts only its
  known entries; a day whose entries are all unknown for a nutrient is skipped for it), and
  their molar Ca:P ratio from those means;
- per nutrient (calcium, absorbable calcium, phosphorus, magnesium, potassium, sodium,
  caffeine, molar Ca:P), the **distribution across persons** of those means: n, mean, SD and
  the 5th, 25th, 50th, 75th and 95th percentiles (linear interpolation), for all persons and
  for each DRI life stage (sex and age group; pregnancy and lactation apart);
- the **share of persons below their EAR** (calcium, phosphorus, magnesium), each person
  against the EAR of their own life stage: the EAR cut-point method, which the DRI reports
  prescribe for assessing groups (the RDA is for individuals and is shown for reference);
  the **share above the UL** (calcium, phosphorus; the magnesium UL concerns supplements
  only and is never compared with food), above the sodium CDRR and above the EFSA caffeine
  limit; the share with a molar Ca:P below the tool's concern threshold (0.5);
- for potassium and sodium, which have an AI and no EAR, whether the group's median is at or
  above the AI (the only conclusion an AI allows for a group);
- the **diuretic load by group** (red meat, dairy, soda, coffee), cohort-wide: the mean per
  person and day of each group's load and its share of the four.

One or two days per person do not give usual intake: day-to-day variation widens the
distribution of means and pulls the shares in the tails (below the EAR, above the UL) toward
50%. The NCI method estimates usual-intake distributions from repeated 24-hour
recalls and is the reference for that; the notes say so every time.

References
----------
.. [1] IOM 2000. *Dietary Reference Intakes: Applications in Dietary Assessment*. National
   Academies Press (EAR cut-point method, ch. 4; AI interpretation for groups).
.. [2] Tooze JA et al. 2006. A new statistical method for estimating the usual intake of
   episodically consumed foods with application to their distribution. J Am Diet Assoc
   106:1575-1587 (the NCI method).
.. [3] NASEM 2019. *DRIs for Sodium and Potassium* (AI, CDRR).
.. [4] EFSA NDA 2015. Scientific opinion on the safety of caffeine. EFSA J 13(5):4102.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analyzer.balance.absorption import absorbable_calcium_target
from analyzer.balance.analysis import Analysis
from analyzer.balance.coverage import complete_days
from analyzer.errors import NoDataError, some_of
from analyzer.models import Targets
from analyzer.nutrients import DIURETIC_GROUPS, GROUP_LABELS
from analyzer.reference import coefficient, molar_ratio_factor

#: Name of the group of every person, listed first.
ALL_PERSONS = "all persons"
#: Percentiles of each distribution. [%]
PERCENTILES: tuple[int, ...] = (5, 25, 50, 75, 95)
#: Upper edges of the molar Ca:P histogram bins (the last bin is open). [mol/mol]
CA_P_BIN_WIDTH = 0.1
CA_P_BIN_TOP = 2.0


@dataclass(frozen=True)
class CohortNutrient:
    """One nutrient of the cohort answer and the reference values it is compared with.

    ``lower`` is what the share below is counted against (``EAR``, or ``concern`` for the
    Ca:P threshold), ``target`` the individual target shown for reference (``RDA``/``AI``),
    ``upper`` what the share above is counted against (``UL``, ``CDRR``, ``caffeine limit``:
    EFSA 2015 for adults, Health Canada for children).
    """

    column: str
    label: str
    unit: str
    lower: str | None = None
    target: str | None = None
    upper: str | None = None


#: The nutrients of the cohort answer, in output order.
COHORT_NUTRIENTS: tuple[CohortNutrient, ...] = (
    CohortNutrient("calcium_mg", "calcium", "mg/day", "EAR", "RDA", "UL"),
    CohortNutrient("absorbable_calcium_mg", "absorbable calcium", "mg/day", None, "target"),
    CohortNutrient("phosphorus_mg", "phosphorus", "mg/day", "EAR", "RDA", "UL"),
    CohortNutrient("magnesium_mg", "magnesium", "mg/day", "EAR", "RDA"),
    CohortNutrient("potassium_mg", "potassium", "mg/day", None, "AI"),
    CohortNutrient("sodium_mg", "sodium", "mg/day", None, "AI", "CDRR"),
    CohortNutrient("caffeine_mg", "caffeine", "mg/day", None, None, "caffeine limit"),
    CohortNutrient("ca_p_molar_ratio", "Ca:P (molar)", "mol/mol", "concern"),
)
_MINERALS = {"calcium_mg": "calcium", "phosphorus_mg": "phosphorus", "magnesium_mg": "magnesium"}


def stage_references(targets: Targets) -> dict[str, tuple[float, float, float]]:
    """(lower, target, upper) of every cohort nutrient for one life stage; NaN = none.

    Examples
    --------
    >>> from analyzer.balance.targets import targets_for
    >>> from analyzer.models import Profile
    >>> stage_references(targets_for(Profile(sex="female", age=40)))["calcium_mg"]
    (800.0, 1000.0, 2500.0)
    """

    def value(number: float | None) -> float:
        return np.nan if number is None else float(number)

    out: dict[str, tuple[float, float, float]] = {}
    for mineral_column, mineral in _MINERALS.items():
        upper = getattr(targets, f"{mineral}_ul_mg") if mineral != "magnesium" else None
        out[mineral_column] = (
            value(targets.ears.get(mineral)),
            value(targets.target(mineral)),
            value(upper),
        )
    absorbable = absorbable_calcium_target(targets.calcium_mg)[0]
    out["absorbable_calcium_mg"] = (np.nan, absorbable, np.nan)
    out["potassium_mg"] = (np.nan, targets.potassium_mg, np.nan)
    out["sodium_mg"] = (np.nan, value(targets.sodium_mg), value(targets.sodium_cdrr_mg))
    out["caffeine_mg"] = (np.nan, np.nan, value(targets.caffeine_max_mg))
    out["ca_p_molar_ratio"] = (coefficient("ca_p_molar_low"), np.nan, np.nan)
    return out


@dataclass
class Cohort:
    """The cohort answer as tables (see :func:`cohort_summary`).

    Attributes
    ----------
    persons : DataFrame
        One row per person: ``person``, ``life_stage``, ``days`` and the mean daily intake of
        each cohort nutrient [mg/day; Ca:P mol/mol], with ``<nutrient>_lower``,
        ``_target`` and ``_upper`` (their own life stage's reference values, NaN = none).
    distribution : DataFrame
        One row per group (``all persons`` first, then each life stage) and nutrient:
        ``group``, ``nutrient``, ``label``, ``unit``, ``n``, ``mean``, ``sd``, ``p5`` ...
        ``p95``, ``lower_kind``, ``lower`` (NaN when it differs within the group),
        ``n_lower`` (persons with an intake and a lower reference), ``share_below``,
        ``target_kind``, ``target``, ``median_at_or_above_target`` (AI nutrients only),
        ``upper_kind``,
        ``upper``, ``n_upper``, ``share_above``. Shares are fractions of ``n_lower`` /
        ``n_upper`` (NaN when none).
    loads : DataFrame
        One row per diuretic group: ``group``, ``label``, ``mean_mg_per_day`` (mean over
        persons of their daily mean load from the group) [mg Ca/day] and ``share`` of the
        four groups' total.
    ca_p_histogram : DataFrame
        ``lower``, ``upper`` (bin edges; the last upper is infinite) [mol/mol] and ``persons``.
    notes : list of str
        Method and caveats, to be shown with the numbers.
    """

    persons: pd.DataFrame
    distribution: pd.DataFrame
    loads: pd.DataFrame
    ca_p_histogram: pd.DataFrame
    notes: list[str] = field(default_factory=list)


def person_means(daily: pd.DataFrame) -> pd.DataFrame:
    """Each person's mean daily intake over their days (NaN-skipping), and ``days``.

    Parameters
    ----------
    daily : DataFrame
        Daily rows with ``person`` and the daily totals (:func:`daily_totals`).

    Returns
    -------
    DataFrame
        Indexed by person: ``days`` and the cohort nutrients (Ca:P from the means), and the
        four ``diuretic_load_<group>_mg``.
    """
    columns = [n.column for n in COHORT_NUTRIENTS if n.column in daily.columns]
    loads = [f"diuretic_load_{g}_mg" for g in DIURETIC_GROUPS]
    grouped = daily.groupby("person", sort=True)
    means = grouped[[*columns, *loads]].mean()
    means.insert(0, "days", grouped.size().astype("int64"))
    phosphorus = means["phosphorus_mg"].where(means["phosphorus_mg"] > 0)
    factor = molar_ratio_factor("calcium", "phosphorus")
    means["ca_p_molar_ratio"] = means["calcium_mg"] / phosphorus * factor
    return means


def _stages(analysis: Analysis, persons: pd.Index) -> tuple[pd.Series, dict[str, Targets]]:
    """Each person's DRI life stage, and the targets of each stage."""
    table = analysis.targets_by_person
    if table is None:
        stage = pd.Series(analysis.targets.life_stage, index=persons, dtype="string")
        return stage, {analysis.targets.life_stage: analysis.targets}
    by_person = table.set_index(table["person"].astype("string"))["life_stage"]
    stage = by_person.reindex(persons.astype("string")).astype("string")
    first = by_person.reset_index().drop_duplicates("life_stage")
    targets = {
        str(s): analysis.targets_of(str(p))
        for p, s in zip(first["person"], first["life_stage"], strict=True)
    }
    return stage, targets


def _stage_order(stages: dict[str, Targets], persons: pd.DataFrame) -> list[str]:
    """Life stages by sex, then youngest first (the DRI tables' order)."""
    age = persons.groupby("life_stage")["age"].min()
    return sorted(stages, key=lambda s: (s.split(" ")[0], float(age.get(s, 0.0)), s))


def _references(persons: pd.DataFrame, stages: dict[str, Targets]) -> pd.DataFrame:
    """Add each person's ``<nutrient>_lower``, ``_target``, ``_upper`` (per stage, vectorized)."""
    codes, names = pd.factorize(persons["life_stage"])
    for nutrient in COHORT_NUTRIENTS:
        rows = np.array(
            [stage_references(stages[str(name)])[nutrient.column] for name in names]
            + [(np.nan, np.nan, np.nan)],
            dtype=float,
        )[codes]
        for position, part in enumerate(("lower", "target", "upper")):
            persons[f"{nutrient.column}_{part}"] = rows[:, position]
    return persons


#: Column order of :attr:`Cohort.distribution`.
DISTRIBUTION_COLUMNS: tuple[str, ...] = (
    "group", "nutrient", "label", "unit", "n", "mean", "sd",
    *(f"p{p}" for p in PERCENTILES),
    "lower_kind", "lower", "n_lower", "share_below",
    "target_kind", "target", "median_at_or_above_target",
    "upper_kind", "upper", "n_upper", "share_above",
)  # fmt: skip


def _shared(table: pd.DataFrame, stem: str) -> pd.Series:
    """Per group: the one reference value all its persons share, NaN when it differs."""
    low, high, complete = table[f"{stem}_min"], table[f"{stem}_max"], table[f"{stem}_all"]
    return low.where((low == high) & complete)


def _long(persons: pd.DataFrame, stages: np.ndarray) -> pd.DataFrame:
    """Persons x nutrients in long form, twice: once in group 0 (all persons), once in their
    life stage's group (``stages`` + 1)."""
    n = len(persons)
    columns = [c.column for c in COHORT_NUTRIENTS]

    def stacked(suffix: str) -> np.ndarray:
        return np.concatenate([persons[f"{c}{suffix}"].to_numpy(dtype=float) for c in columns])

    long = pd.DataFrame(
        {
            "nutrient": np.repeat(np.arange(len(columns)), n),
            "value": stacked(""),
            "lower": stacked("_lower"),
            "target": stacked("_target"),
            "upper": stacked("_upper"),
        }
    )
    groups = np.tile(stages + 1, len(columns))
    both = pd.concat([long.assign(group=0), long.assign(group=groups)], ignore_index=True)
    value = both["value"]
    for part in ("lower", "target", "upper"):
        both[f"{part}_known"] = both[part].notna()
    both["has_lower"] = value.notna() & both["lower_known"]
    both["has_upper"] = value.notna() & both["upper_known"]
    both["below"] = (value < both["lower"]).where(both["has_lower"])
    both["above"] = (value > both["upper"]).where(both["has_upper"])
    return both[both["group"] >= 0]


def _distribution(persons: pd.DataFrame, order: list[str]) -> pd.DataFrame:
    """All persons first, then each life stage; nutrients in :data:`COHORT_NUTRIENTS` order.

    One group-by over persons x nutrients in long form (fast for 10,000s of persons).
    """
    stages = pd.Categorical(persons["life_stage"].astype(str), categories=order).codes
    both = _long(persons, np.asarray(stages, dtype=np.int64))
    grouped = both.groupby(["group", "nutrient"], sort=True)
    parts = ("lower", "target", "upper")
    table = grouped.agg(
        n=("value", "count"),
        mean=("value", "mean"),
        sd=("value", "std"),
        n_lower=("has_lower", "sum"),
        share_below=("below", "mean"),
        n_upper=("has_upper", "sum"),
        share_above=("above", "mean"),
        targets=("target_known", "sum"),
        **{f"{p}_{f}": (p, f) for p in parts for f in ("min", "max")},
        **{f"{p}_all": (f"{p}_known", "all") for p in parts},
    )
    full = pd.MultiIndex.from_product([range(len(order) + 1), range(len(COHORT_NUTRIENTS))])
    table = table.reindex(full)
    quantiles = grouped["value"].quantile(np.array(PERCENTILES) / 100).unstack().reindex(full)
    out = table[["n", "mean", "sd"]].copy()
    for p in PERCENTILES:
        out[f"p{p}"] = quantiles[p / 100]
    for part in parts:
        out[part] = _shared(table, part)
    for column in ("n_lower", "share_below", "n_upper", "share_above"):
        out[column] = table[column]
    specs = [COHORT_NUTRIENTS[i] for i in full.get_level_values(1)]
    out.insert(0, "group", [([ALL_PERSONS, *order])[g] for g in full.get_level_values(0)])
    out.insert(1, "nutrient", [s.column for s in specs])
    out.insert(2, "label", [s.label for s in specs])
    out.insert(3, "unit", [s.unit for s in specs])
    # a kind only where some person of the group has the reference value
    out["lower_kind"] = pd.Series([s.lower for s in specs], index=full).where(out["n_lower"] > 0)
    out["target_kind"] = pd.Series([s.target for s in specs], index=full).where(
        table["targets"] > 0
    )
    out["upper_kind"] = pd.Series([s.upper for s in specs], index=full).where(out["n_upper"] > 0)
    # only an AI supports a group judgment from the median (IOM 2000); never an RDA
    at_or_above = (out["p50"] >= out["target"]).astype("boolean")
    is_ai = pd.Series([s.target == "AI" for s in specs], index=full)
    out["median_at_or_above_target"] = at_or_above.mask(
        out["target"].isna() | out["p50"].isna() | ~is_ai
    )
    for column in ("n", "n_lower", "n_upper"):
        out[column] = out[column].fillna(0).astype("int64")
    return out.loc[:, list(DISTRIBUTION_COLUMNS)].reset_index(drop=True)


def _loads(means: pd.DataFrame) -> pd.DataFrame:
    """Mean daily diuretic load per group (over persons) and each group's share."""
    mean = np.array([means[f"diuretic_load_{g}_mg"].mean() for g in DIURETIC_GROUPS])
    total = np.nansum(mean)
    share = mean / total if total > 0 else np.full(len(mean), np.nan)
    return pd.DataFrame(
        {
            "group": list(DIURETIC_GROUPS),
            "label": [GROUP_LABELS[g] for g in DIURETIC_GROUPS],
            "mean_mg_per_day": mean,
            "share": share,
        }
    )


def _histogram(ratio: pd.Series) -> pd.DataFrame:
    """Persons per molar Ca:P bin of width :data:`CA_P_BIN_WIDTH`; the last bin is open."""
    edges = np.round(np.arange(0.0, CA_P_BIN_TOP + CA_P_BIN_WIDTH / 2, CA_P_BIN_WIDTH), 10)
    upper = np.append(edges[1:], np.inf)
    values = ratio.dropna().to_numpy(dtype=float)
    counts = np.bincount(np.searchsorted(edges, values, side="right") - 1, minlength=len(edges))[
        : len(edges)
    ]
    return pd.DataFrame({"lower": edges, "upper": upper, "persons": counts.astype("int64")})


def _notes(persons: pd.DataFrame, analysis: Analysis) -> list[str]:
    """Method and caveats for the numbers (see the module docstring)."""
    days = persons["days"]
    median = float(days.median()) if len(days) else 0.0
    few = "one or two days" if median <= 2 else f"{median:g} days (median)"
    notes = [
        f"{len(persons):,} persons, {int(days.sum()):,} person-days; days per person: median "
        f"{median:g}, range {int(days.min()) if len(days) else 0}-"
        f"{int(days.max()) if len(days) else 0}. Each person's intake is their mean over "
        "their days; the distributions are across persons.",
        f"Usual intake: {few} per person do not give a person's usual intake. Day-to-day "
        "variation widens the distribution of means and pulls the shares below the EAR and "
        "above the UL toward 50%: a small share is overstated, a large one understated. The "
        "NCI method (Tooze et al. 2006, J Am Diet Assoc 106:1575) estimates usual-intake "
        "distributions from repeated recalls and is the reference for that. These are "
        "shares of observed means.",
        "Share below the EAR: the EAR cut-point method (IOM 2000, DRIs: Applications in "
        "Dietary Assessment), each person against the EAR of their own DRI life stage; the "
        "DRI reports prescribe it for groups. The RDA is for individuals and is shown for "
        "reference only.",
        "Potassium and sodium have an AI, not an EAR: a share below an AI is not a prevalence "
        "of inadequacy; a group median at or above the AI means a low prevalence of "
        "inadequacy is likely (IOM 2000). Sodium above the CDRR (NASEM 2019) and caffeine "
        "above its limit for the life stage (EFSA 2015 for adults, Health Canada for "
        "children and adolescents) are counted; the magnesium UL concerns supplements only "
        "and is not compared with food.",
        "Ca:P (molar) is from each person's mean calcium and phosphorus; the share below 0.5 "
        "(Kemi et al. 2010) is context, not a DRI.",
    ]
    for column, label in (("calcium_mg", "calcium"), ("phosphorus_mg", "phosphorus")):
        unknown = f"{column}_unknown"
        if unknown in analysis.daily.columns:
            partial = int((analysis.daily[unknown] > 0).sum())
            if partial:
                notes.append(
                    f"{partial:,} person-days have entries with unknown {label}; their totals "
                    "count only the known entries."
                )
    if analysis.targets_by_person is None:
        how = "the default profile; give --profiles" if analysis.profile_is_default else "profile"
        notes.append(
            f"Every person is measured against one profile, {analysis.profile.describe()} "
            f"({how} so that each person gets their own DRI life stage)."
        )
    return notes + list(analysis.profile_notes)


def cohort_summary(analysis: Analysis) -> Cohort:
    """The cohort answer of an analysis (see the module docstring).

    Parameters
    ----------
    analysis : Analysis
        From :func:`analyzer.balance.analyze` with one row per person and day (``by_person``;
        a diary that names no person is one person). Each person is measured against the
        DRIs of their own profile (``profiles=``), else of the analysis' profile.

    Returns
    -------
    Cohort
    """
    daily = analysis.daily
    if "person" not in daily.columns:
        daily = daily.assign(person="")
    # Conclusions only as strong as the diary: a person's mean is over their complete days;
    # a person with none is left out (and counted in the notes).
    complete = complete_days(daily)
    if complete.empty:
        raise NoDataError(
            f"no day of the {daily['person'].nunique():,} person(s) is complete (too little food "
            "for their energy needs, much of it not used, or the app says so)",
            "see `analyzer daily --all`; give --min-energy 0 to count low-energy days",
        )
    left_out = daily[~daily["person"].isin(complete["person"])]
    means = person_means(complete)
    stage, stages = _stages(analysis, means.index)
    persons = means.reset_index()
    persons.insert(1, "life_stage", stage.to_numpy())
    table = analysis.targets_by_person
    if table is not None:
        ages = table.set_index(table["person"].astype("string"))["age"]
        persons["age"] = ages.reindex(persons["person"].astype("string")).to_numpy(dtype=float)
    else:
        persons["age"] = float(analysis.profile.age)
    persons = _references(persons, stages)
    order = _stage_order(stages, persons)
    return Cohort(
        persons=persons,
        distribution=_distribution(persons, order),
        loads=_loads(means),
        ca_p_histogram=_histogram(persons["ca_p_molar_ratio"]),
        notes=_notes(persons, analysis) + _left_out_notes(daily, complete, left_out),
    )


def _left_out_notes(
    daily: pd.DataFrame, complete: pd.DataFrame, left_out: pd.DataFrame
) -> list[str]:
    """Say which days and persons the distributions leave out, and why."""
    dropped = len(daily) - len(complete)
    if not dropped:
        return []
    people = sorted(left_out["person"].astype(str).unique())
    text = (
        f"{dropped:,} of {len(daily):,} person-days are incomplete (too little food for the "
        "person's energy needs, much of it not used, or the app says so: see `daily --all`) "
        "and are left out of the means"
    )
    if people:
        text += (
            f"; {len(people):,} person(s) with no complete day are left out of the "
            f"distributions ({some_of(people, 5)})"
        )
    return [text + ". Give --min-energy 0 to count low-energy days."]
