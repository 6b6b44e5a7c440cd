"""Daily reference intakes for a profile, from the bundled DRI table (``dri.csv``).

The individual target is the RDA, or the AI where the tables give no RDA; the UL is the
ceiling. The magnesium UL applies to supplements and medications only and potassium has no
UL, so neither is ever compared with food (IOM 1997; NASEM 2019).

References
----------
.. [1] IOM 2011, *Dietary Reference Intakes for Calcium and Vitamin D*, Tables S-1/S-2.
.. [2] IOM 1997, *DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride* (NAP 5776).
.. [3] NASEM 2019, *DRIs for Sodium and Potassium*, Table S-1 (NBK545430).
.. [4] EFSA NDA 2015, Scientific opinion on the safety of caffeine, EFSA J 13(5):4102.
.. [5] Health Canada 2011/2017, caffeine advice for children and adolescents (2.5 mg/kg).
.. [6] USDA/HHS, Dietary Guidelines for Americans, Appendix 2 (estimated calorie needs) and the
   Healthy U.S.-Style pattern (vegetables per calorie level).
"""

from __future__ import annotations

import math

import pandas as pd
from pydantic import ValidationError

from analyzer.errors import ProfileError
from analyzer.models import AgeGroup, Profile, Targets
from analyzer.nutrients import TARGET_MINERALS
from analyzer.reference import load_table

#: Ages the DRI tables cover (IOM 1997, 2011; NASEM 2019: birth to the oldest adults). [years]
MIN_AGE_Y, MAX_AGE_Y = 0.0, 120.0
#: First age of each age group (the DRI life stages: infants under 1 y, adults from 19 y;
#: Health Canada's caffeine advice treats 13 y and over as adolescents). [years]
CHILD_FROM_Y, ADOLESCENT_FROM_Y, ADULT_FROM_Y = 1.0, 13.0, 19.0


def make_profile(
    sex: str = "female", age: float = 35, pregnant: bool = False, lactating: bool = False
) -> Profile:
    """Build a :class:`Profile`, turning validation problems into :class:`ProfileError`.

    Parameters
    ----------
    sex : {"female", "male"}
        Sex for the DRI tables.
    age : float
        Age. [years]
    pregnant, lactating : bool
        Life stage (females aged 14-50 only).

    Raises
    ------
    ProfileError
        The age is not a number of years from 0 to 120 (the DRI tables' range), or the
        combination has no reference intakes, e.g. ``pregnant`` with ``sex="male"``.

    Examples
    --------
    >>> make_profile("male", 40).describe()
    'male, 40 y'
    """
    if not isinstance(age, (int, float)) or not MIN_AGE_Y <= age <= MAX_AGE_Y:  # NaN fails too
        raise ProfileError(
            f"age {age!r} is not an age the DRI tables cover: give the age in years, "
            f"from {MIN_AGE_Y:g} to {MAX_AGE_Y:g}"
        )
    try:
        return Profile.model_validate(
            {"sex": sex, "age": age, "pregnant": pregnant, "lactating": lactating}
        )
    except ValidationError as error:
        problems = "; ".join(_plain(e) for e in error.errors())
        raise ProfileError(
            f"profile sex={sex!r} age={age:g} pregnant={pregnant} lactating={lactating}: "
            f"{problems}"
        ) from None


def _plain(error: object) -> str:
    detail = error if isinstance(error, dict) else {}
    message = str(detail.get("msg", error))
    location = ".".join(str(p) for p in detail.get("loc", ()))
    message = message.removeprefix("Value error, ")
    return f"{location}: {message}" if location else message


def _state(profile: Profile) -> str:
    if profile.pregnant:
        return "pregnant"
    if profile.lactating:
        return "lactating"
    return "none"


def _rows(profile: Profile) -> pd.DataFrame:
    table = load_table("dri.csv")
    upper = table["age_max_y"].fillna(math.inf)
    chosen = (
        table["sex"].isin(["both", profile.sex])
        & (table["state"] == _state(profile))
        & (table["age_min_y"] <= profile.age)
        & (profile.age < upper)
    )
    return table[chosen]


def _life_stage(profile: Profile, rows: pd.DataFrame) -> str:
    target = rows[(rows["nutrient"] == "calcium") & rows["kind"].isin(["RDA", "AI"])]
    low = float(target["age_min_y"].iloc[0])
    high = float(target["age_max_y"].iloc[0]) if target["age_max_y"].notna().iloc[0] else None
    if high is not None and high <= 1:
        span = f"{low * 12 + (1 if low > 0 else 0):g}-{high * 12:g} mo"
    elif high is None:
        span = f">{low - 1:g} y"
    else:
        span = f"{low:g}-{high - 1:g} y"
    state = {"pregnant": ", pregnancy", "lactating": ", lactation"}.get(_state(profile), "")
    return f"{profile.sex} {span}{state}"


def age_group(age: float) -> AgeGroup:
    """The age group of an age: infant, child (1-12 y), adolescent (13-18 y) or adult.

    Examples
    --------
    >>> [age_group(a) for a in (0.5, 2, 15, 35)]
    ['infant', 'child', 'adolescent', 'adult']
    """
    if age < CHILD_FROM_Y:
        return "infant"
    if age < ADOLESCENT_FROM_Y:
        return "child"
    return "adolescent" if age < ADULT_FROM_Y else "adult"


def energy_need(profile: Profile) -> tuple[float | None, float | None]:
    """Sedentary energy need and the pattern's vegetables for a profile (``energy_needs.csv``).

    Returns
    -------
    energy_kcal : float or None
        Dietary Guidelines sedentary estimate; ``None`` under 1 year (no estimate). [kcal/day]
    vegetables_cup_eq : float or None
        Vegetables a day in the Healthy U.S.-Style pattern at that energy. [cup-eq/day]

    Examples
    --------
    >>> energy_need(Profile(sex="female", age=35))
    (1800.0, 2.5)
    >>> energy_need(Profile(sex="male", age=2))
    (1000.0, 1.0)
    """
    table = load_table("energy_needs.csv")
    upper = table["age_max_y"].fillna(math.inf)
    row = table[
        (table["sex"] == profile.sex) & (table["age_min_y"] <= profile.age) & (profile.age < upper)
    ]
    if row.empty:
        return None, None
    return float(row["energy_kcal"].iloc[0]), float(row["vegetables_cup_eq"].iloc[0])


def targets_for(profile: Profile | None = None) -> Targets:
    """Reference intakes (RDA/AI, EAR, UL, CDRR, caffeine limit) for one profile.

    Parameters
    ----------
    profile : Profile, optional
        Sex, age and life stage; default ``Profile()`` (female, 35 y).

    Returns
    -------
    Targets
        All values per day. [mg/day]

    Raises
    ------
    ProfileError
        The DRI table has no target for this profile.

    Examples
    --------
    >>> t = targets_for(Profile(sex="male", age=40))
    >>> t.calcium_mg, t.potassium_mg, t.kinds["potassium"]
    (1000.0, 3400.0, 'AI')
    """
    profile = profile or Profile()
    rows = _rows(profile)
    values: dict[str, float | None] = {}
    kinds: dict[str, str] = {}
    ears: dict[str, float] = {}
    sources: dict[str, str] = {}
    records = zip(
        rows["nutrient"].astype(str),
        rows["kind"].astype(str),
        rows["value_mg"].astype(float),
        rows["source"].astype(str),
        rows["tag"].astype(str),
        strict=True,
    )
    for nutrient, kind, value, source, provenance in records:
        sources.setdefault(nutrient, f"{source} ({provenance})")
        if kind in ("RDA", "AI"):
            values[f"{nutrient}_mg"] = value
            kinds[nutrient] = kind
        elif kind == "EAR":
            ears[nutrient] = value
        elif kind == "UL":
            values[f"{nutrient}_ul_mg"] = value
        elif kind == "CDRR":
            values[f"{nutrient}_cdrr_mg"] = value
        elif kind == "MAX":
            values[f"{nutrient}_max_mg"] = value
    missing = [n for n in TARGET_MINERALS if f"{n}_mg" not in values]
    if missing:
        raise ProfileError(
            f"no reference intake for {', '.join(missing)} for profile {profile.describe()}; "
            "the DRI tables cover ages 0-120, and pregnancy or lactation at ages 14-50"
        )
    energy, vegetables = energy_need(profile)
    return Targets(
        life_stage=_life_stage(profile, rows),
        energy_need_kcal=energy,
        vegetables_cup_eq=vegetables,
        age_group=age_group(profile.age),
        kinds=kinds,
        ears=ears,
        sources=sources,
        **values,
    )


def describe_targets(targets: Targets) -> str:
    """One line naming each target and its kind, e.g. ``"calcium 1,000 mg (RDA), ..."``.

    Examples
    --------
    >>> describe_targets(targets_for(Profile(sex="male", age=40)))[:44]
    'calcium 1,000 mg (RDA), phosphorus 700 mg (R'
    """
    parts = []
    for nutrient in TARGET_MINERALS:
        value = targets.target(nutrient)
        if value is not None:
            parts.append(f"{nutrient} {value:,.0f} mg ({targets.kinds[nutrient]})")
    return ", ".join(parts)
