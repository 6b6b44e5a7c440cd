"""Validated models (pydantic v2), no I/O: the person's profile and the analysis settings."""

from __future__ import annotations

import datetime
from typing import Literal

from pydantic import BaseModel, ConfigDict, Field, model_validator

Sex = Literal["female", "male"]


class Profile(BaseModel):
    """The person whose diary is analysed; selects the Dietary Reference Intakes.

    Parameters
    ----------
    sex : {"female", "male"}
        Sex for the DRI tables.
    age : float
        Age. [years]
    pregnant, lactating : bool
        Life stage; only for females aged 14-50 (IOM 1997, 2011; NASEM 2019).

    Examples
    --------
    >>> Profile(sex="male", age=40).describe()
    'male, 40 y'
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    sex: Sex = "female"
    age: float = Field(default=35, ge=0, le=120, allow_inf_nan=False)
    pregnant: bool = False
    lactating: bool = False

    @model_validator(mode="after")
    def _life_stage(self) -> Profile:
        if self.pregnant and self.lactating:
            raise ValueError("choose pregnant or lactating, not both")
        if (self.pregnant or self.lactating) and self.sex != "female":
            raise ValueError("pregnant/lactating applies to sex 'female' only")
        if (self.pregnant or self.lactating) and not 14 <= self.age < 51:
            raise ValueError("the DRI tables give pregnancy and lactation values for ages 14-50")
        return self

    def describe(self) -> str:
        """Short human-readable description, e.g. ``'female, 35 y, pregnant'``."""
        text = f"{self.sex}, {self.age:g} y"
        if self.pregnant:
            text += ", pregnant"
        if self.lactating:
            text += ", lactating"
        return text


ProteinCoefficient = Literal["fao_who", "kerstetter_allen"]
OccasionRule = Literal["auto", "meal", "time", "entry"]
#: ``cannot_judge``: the rule fired on incomplete data (the day or week lacks too much food, or
#: the value lacks too many entries), so the finding is listed, with its reason, not raised.
FlagLevel = Literal["alert", "warning", "info", "cannot_judge"]
#: Age groups the flags speak to: DRIs for infants, children (1-12 y), adolescents (13-18 y)
#: and adults differ, and so do the sources behind some messages.
AgeGroup = Literal["infant", "child", "adolescent", "adult"]


class Settings(BaseModel):
    """Choices for an analysis; literature thresholds default to the bundled science tables.

    Parameters
    ----------
    ca_p_mass_ratio_target : float
        The user's own goal for the Ca:P mass ratio, used by the suggestions (greens) only.
        Not a DRI: the IOM (1997) sets no dietary Ca:P target for adults. [mg/mg]
    greens_cups_max_per_day : float
        Most greens the suggestions may propose in one day. [cup]
    caffeine_sitting_mg : float or None
        Caffeine in one eating occasion from which the diuresis note is raised; ``None`` uses
        ``caffeine_sitting_mg`` in ``coefficients.csv`` (Maughan & Griffin 2003). [mg]
    caffeine_daily_max_mg : float or None
        Daily caffeine above which the safety flag is raised; ``None`` uses the profile's EFSA
        2015 limit from ``dri.csv`` (400 mg, or 200 mg in pregnancy and lactation). [mg/day]
    protein_coefficient : {"fao_who", "kerstetter_allen"}
        Urinary calcium per gram of protein: FAO/WHO 2004 (1 mg/g, S) or Kerstetter & Allen
        1990 (1.2 mg/g, V).
    implausible_energy_fraction : float or None
        A day whose known energy is below this fraction of the profile's sedentary energy
        need is incomplete; ``None`` uses ``implausible_energy_fraction`` in
        ``coefficients.csv`` (0.5, this tool's choice); ``0`` never marks a day incomplete
        for its energy (e.g. a diary that logs only some foods on purpose). [fraction]
    occasion : {"auto", "meal", "time", "entry"}
        What makes an eating occasion for the calcium load: ``auto`` uses the meal when the
        entry has one (split where its clock times are more than ``occasion_gap_min``
        apart), else its time, else the entry alone; see :mod:`analyzer.balance.occasions`.
    occasion_gap_min : float or None
        Gap between consecutive clock times that starts a new eating occasion; ``None``
        uses ``occasion_gap_min`` in ``coefficients.csv`` (60 min, a convention). [min]
    """

    model_config = ConfigDict(frozen=True, extra="forbid")

    ca_p_mass_ratio_target: float = Field(default=1.0, gt=0)
    greens_cups_max_per_day: float = Field(default=2.0, ge=0)
    caffeine_sitting_mg: float | None = Field(default=None, gt=0)
    caffeine_daily_max_mg: float | None = Field(default=None, gt=0)
    protein_coefficient: ProteinCoefficient = "fao_who"
    implausible_energy_fraction: float | None = Field(default=None, ge=0, lt=1)
    occasion: OccasionRule = "auto"
    occasion_gap_min: float | None = Field(default=None, gt=0)


class Targets(BaseModel):
    """Reference intakes for one profile (DRI tables; NASEM/IOM), all per day.

    Parameters
    ----------
    life_stage : str
        The DRI life stage used, e.g. ``"female 31-50 y"``.
    calcium_mg, phosphorus_mg, magnesium_mg, potassium_mg : float
        Individual target: the RDA, or the AI where no RDA exists (see ``kinds``). [mg/day]
    sodium_mg : float or None
        Sodium AI (adults only in the reference). [mg/day]
    calcium_ul_mg, phosphorus_ul_mg : float or None
        Tolerable Upper Intake Levels (``None``: not determined). [mg/day]
    magnesium_ul_mg : float or None
        UL for magnesium from supplements and medications only; never compared with food. [mg/day]
    sodium_cdrr_mg : float or None
        Chronic Disease Risk Reduction intake for sodium (adults). [mg/day]
    caffeine_max_mg : float or None
        Daily caffeine limit for this profile: EFSA 2015 (adults; pregnancy and lactation),
        Health Canada (children and adolescents). [mg/day]
    energy_need_kcal : float or None
        Sedentary energy need (Dietary Guidelines), for the "implausibly little food"
        check; ``None`` under 1 year. [kcal/day]
    vegetables_cup_eq : float or None
        Vegetables a day in the Dietary Guidelines pattern at that energy, for scaling the
        greens portions with age. [cup-eq/day]
    age_group : {"infant", "child", "adolescent", "adult"}
        Under 1 y, 1-12 y, 13-18 y, 19 y and over.
    kinds : dict
        ``{"calcium": "RDA", "potassium": "AI", ...}`` for the targets above.
    ears : dict
        Estimated Average Requirements where they exist. [mg/day]
    sources : dict
        Source and provenance tag for each nutrient's values.
    """

    model_config = ConfigDict(frozen=True)

    life_stage: str
    calcium_mg: float
    phosphorus_mg: float
    magnesium_mg: float
    potassium_mg: float
    sodium_mg: float | None = None
    calcium_ul_mg: float | None = None
    phosphorus_ul_mg: float | None = None
    magnesium_ul_mg: float | None = None
    sodium_cdrr_mg: float | None = None
    caffeine_max_mg: float | None = None
    energy_need_kcal: float | None = None
    vegetables_cup_eq: float | None = None
    age_group: AgeGroup = "adult"
    kinds: dict[str, str] = Field(default_factory=dict)
    ears: dict[str, float] = Field(default_factory=dict)
    sources: dict[str, str] = Field(default_factory=dict)

    def target(self, nutrient: str) -> float | None:
        """The RDA/AI of ``nutrient`` (``"calcium"``, ...), or ``None``. [mg/day]"""
        value = getattr(self, f"{nutrient}_mg", None)
        return None if value is None else float(value)


class Flag(BaseModel):
    """One finding about a day, in plain words, with its reference and confidence.

    Parameters
    ----------
    code : str
        Stable identifier, e.g. ``"calcium_low"``.
    level : {"alert", "warning", "info", "cannot_judge"}
        ``alert``: a combination the literature links to harm; ``warning``: below a target or
        above a limit; ``info``: context only (e.g. a low Ca:P ratio alone, IOM 1997);
        ``cannot_judge``: the rule fired on incomplete data, so it is listed with the reason,
        not raised.
    date : date or None
        The day concerned.
    week : str or None
        The ISO week concerned (``"2026-W47"``), for weekly findings.
    person : str
        Participant id ("" when the diary has none or the analysis is not per person).
    message : str
        What was found, in plain words, with the numbers.
    reference : str
        Author, year, journal.
    confidence : str
        Provenance tag of the evidence: ``V``, ``S``, ``M`` or ``C``.
    value, threshold : float or None
        The measured value and the threshold it was compared with (units in the message).
    """

    model_config = ConfigDict(frozen=True)

    code: str
    level: FlagLevel
    date: datetime.date | None = None
    week: str | None = None
    person: str = ""
    message: str
    reference: str
    confidence: str
    value: float | None = None
    threshold: float | None = None
