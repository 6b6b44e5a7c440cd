"""The weekly report as typed pydantic models: what every renderer reads.

:func:`analyzer.report.build_report` fills a :class:`Report`; ``--format json`` is its
:meth:`Report.to_json`, the text renderer (:mod:`analyzer.report.text`) and the chart
(:mod:`analyzer.chart`) read its fields and never recompute a rule. Unknown numbers are
``None`` (NaN on the way in becomes ``None``), never 0.
"""

from __future__ import annotations

import datetime as dt
import json
import math
from typing import Annotated, Any

import numpy as np
import pandas as pd
from pydantic import BaseModel, BeforeValidator, ConfigDict, Field

from analyzer.nutrients import DIURETIC_GROUPS
from analyzer.report.matches import MatchCheck
from analyzer.report.supplement import SupplementOption


def known_or_none(value: Any) -> Any:
    """NaN, NA and NaT become ``None``; numpy scalars become Python numbers."""
    if value is None or value is pd.NA or value is pd.NaT:
        return None
    if isinstance(value, np.generic):
        value = value.item()
    if isinstance(value, float) and not math.isfinite(value):
        return None
    return value


#: A number that may be unknown: ``None``, never NaN (JSON has no NaN).
Number = Annotated[float | None, BeforeValidator(known_or_none)]
#: A count that may be unknown (e.g. rows not used per day, when the reader cannot tell).
Count = Annotated[int | None, BeforeValidator(known_or_none)]
#: Text that may be missing.
Text = Annotated[str | None, BeforeValidator(known_or_none)]
#: Percent of target per goal key (``calcium_mg``, ``ca_p_mass_ratio``, ...). [%]
Percentages = dict[str, Number]


class _Model(BaseModel):
    model_config = ConfigDict(frozen=True, extra="forbid")


class ProfileInfo(_Model):
    """The person the targets are for."""

    sex: str
    age: float
    pregnant: bool
    lactating: bool
    description: str


class TargetsInfo(_Model):
    """The week's targets: DRI RDA/AI per mineral [mg/day], the absorbable-calcium target
    [mg/day] and the user's Ca:P mass-ratio goal (a setting, not a DRI)."""

    life_stage: str
    calcium_mg: Number
    phosphorus_mg: Number
    magnesium_mg: Number
    potassium_mg: Number
    absorbable_calcium_mg: Number
    ca_p_mass_ratio: float
    kinds: dict[str, str]
    phosphorus_ul_mg: Number
    calcium_ul_mg: Number
    absorbable_calcium_definition: str
    sources: dict[str, str]


class IncompleteDay(_Model):
    """A logged day left out of the week's averages, and why."""

    date: str
    weekday: str
    reason: str


class Completeness(_Model):
    """What the week's diary lacks, said before any verdict.

    ``statement`` is the report's first sentence(s); ``complete`` is False when the week
    cannot be judged (no alert, no plan: findings are listed as "cannot judge").
    """

    statement: str
    complete: bool
    rows: int
    rows_not_used: int
    rows_undated: int
    days_logged: int
    days_complete: int
    unused_share: float
    incomplete_days: list[IncompleteDay]
    weightless_entries: int
    thresholds: dict[str, float]


class WeekFigures(_Model):
    """The week's per-day averages over its complete days. [mg/day, g/day, mEq/day]

    ``days``: days averaged (complete); ``<mineral>_supplement_mg``: the part from supplements.
    """

    label: str
    start: str
    end: str
    days: int
    days_logged: int = 0
    complete: bool = True
    unused_share: Number = None
    calcium_mg: Number
    absorbable_calcium_mg: Number
    phosphorus_mg: Number
    magnesium_mg: Number
    potassium_mg: Number
    sodium_mg: Number
    protein_g: Number
    caffeine_mg: Number
    energy_kcal: Number
    pral_meq: Number
    diuretic_load_mg: Number
    calcium_outside_load_range_mg: Number = None
    calcium_default_index_mg: Number = None
    absorbable_calcium_one_occasion_mg: Number = None
    calcium_supplement_mg: Number = None
    phosphorus_supplement_mg: Number = None
    magnesium_supplement_mg: Number = None
    potassium_supplement_mg: Number = None
    sodium_supplement_mg: Number = None
    ca_p_mass_ratio: Number
    ca_p_molar_ratio: Number
    percent_of_target: Percentages


class AbsorptionInfo(_Model):
    """How sure the absorbable-calcium figure is, and what it assumes.

    ``default_index_share`` is the share of the week's calcium on the default absorption
    index (0.5, an assumption), graded ``good``/``fair``/``poor`` by this tool's thresholds;
    ``outside_load_range_share`` the share eaten in occasions outside the 15-500 mg Weaver's
    equation was measured on; ``occasions`` is ``meal`` (the diary's meals and times) or
    ``entry`` (no eating times: each entry alone, an upper bound), with
    ``one_occasion_per_day_mg`` the lower bound. [fraction, mg/day]
    """

    default_index_share: Number
    grade: str
    outside_load_range_share: Number
    load_range_mg: tuple[float, float]
    occasions: str
    one_occasion_per_day_mg: Number


class LoadCoefficients(_Model):
    """The diuretic-load coefficients actually used, with their provenance tags."""

    caffeine_calcium_mg: float
    caffeine_reference_mg: float
    caffeine_tag: str
    protein_calcium_mg_per_g: float
    protein_source: str
    protein_tag: str
    sodium_calcium_mg: float
    sodium_reference_mg: float
    sodium_tag: str


class Day(BaseModel):
    """One logged day: its row of the daily table (every column kept, as in
    :func:`analyzer.balance.totals.daily_totals`), with the fields the renderers read typed.

    ``ca_p_ratio_usable`` says whether enough of the day's entries have calcium and
    phosphorus for its Ca:P ratio to be shown (:func:`analyzer.balance.weeks.ratio_usable`).
    """

    model_config = ConfigDict(frozen=True, extra="allow")

    date: str
    entries: int
    unmatched: Count = None
    calcium_mg: Number = None
    absorbable_calcium_mg: Number = None
    phosphorus_mg: Number = None
    magnesium_mg: Number = None
    potassium_mg: Number = None
    sodium_mg: Number = None
    caffeine_mg: Number = None
    pral_meq: Number = None
    diuretic_load_mg: Number = None
    ca_p_mass_ratio: Number = None
    magnesium_pct_target: Number = None
    potassium_pct_target: Number = None
    calcium_mg_unknown: int = 0
    phosphorus_mg_unknown: int = 0
    magnesium_mg_unknown: int = 0
    potassium_mg_unknown: int = 0
    ca_p_ratio_usable: bool = True
    complete: bool = True
    incomplete_reason: Text = None

    def unknown_count(self, mineral: str) -> int:
        """Entries of the day lacking ``mineral`` (``"calcium"``, ...)."""
        return int(getattr(self, f"{mineral}_mg_unknown", 0) or 0)

    def load_by_group(self) -> dict[str, float | None]:
        """The day's diuretic load from each of the four groups. [mg Ca/day]"""
        extra = self.model_extra or {}
        return {g: known_or_none(extra.get(f"diuretic_load_{g}_mg")) for g in DIURETIC_GROUPS}


class MineralCoverage(_Model):
    """How many of the week's entries have a mineral, and whether its total is used."""

    entries: int
    unknown: int
    known: int
    complete: bool
    usable: bool
    unknown_share: float = 0.0


class ReportFlag(_Model):
    """A flag of :class:`analyzer.models.Flag` as the report shows it, with
    ``underestimate`` set when the flag's minerals lack values for some entries."""

    code: str
    level: str
    date: Text = None
    week: Text = None
    person: str = ""
    message: str
    reference: str
    confidence: str
    value: Number = None
    threshold: Number = None
    underestimate: Text = None

    @property
    def base_code(self) -> str:
        """The code without the engine's ``weekly_`` prefix of week-level flags."""
        return self.code.removeprefix("weekly_")


class LoadRow(_Model):
    """One group's share of the week: phosphorus, diuretic load and its parts. [mg/day]"""

    group: str
    phosphorus_mg: Number
    diuretic_load_mg: Number
    caffeine_calcium_mg: Number
    protein_calcium_mg: Number
    sodium_calcium_mg: Number
    caffeine_mg: Number
    phosphorus_share: Number


class SourceRow(_Model):
    """One food among the week's largest sources, per logged day. [mg/day, g/day]"""

    food: str
    food_id: Text
    description: Text
    category: Text
    group: Text
    days: int
    amount_per_day: Number
    unit: Text
    grams_per_day: Number
    phosphorus_mg: Number
    diuretic_load_mg: Number
    caffeine_mg: Number
    phosphorus_share: Number


class TopSources(_Model):
    """The largest phosphorus and diuretic-load sources of the week."""

    phosphorus: list[SourceRow]
    diuretic_load: list[SourceRow]


class Swap(_Model):
    """An obvious swap for a top source, with what it saves per day. [mg/day]"""

    food: str
    food_id: Text
    description: Text
    days: int
    amount_per_day: Number
    unit: Text
    grams_per_day: Number
    phosphorus_mg: Number
    caffeine_mg: Number
    swap_food_id: str
    swap: str
    saves_phosphorus_mg: Number
    saves_caffeine_mg: Number


class PlanSummary(_Model):
    """The greens plan's outcome: ``met``, ``closed``, ``partial``, ``unknown`` or
    ``incomplete`` (the week cannot be judged: no plan), with the caveats its greens bring
    (vitamin K and warfarin, oxalate and kidney stones) and the ratio goal actually used."""

    status: str
    message: str
    max_cups_per_green_per_day: float
    remaining: dict[str, Number]
    caveats: list[str] = Field(default_factory=list)
    ratio_goal: Number = None


class Alternative(_Model):
    """A non-green calcium source a dietitian would offer, one serving. [mg per serving]"""

    food_id: str
    name: str
    description: str
    amount: float
    unit: str
    grams: float
    calcium_mg: Number
    absorbable_calcium_mg: Number
    phosphorus_mg: Number
    label: str
    source: str
    confidence: str


class Adds(_Model):
    """What a green adds. [mg per serving, or mg/day averaged over the week]"""

    calcium_mg: Number
    absorbable_calcium_mg: Number
    phosphorus_mg: Number
    magnesium_mg: Number
    potassium_mg: Number


class SuggestionItem(_Model):
    """One suggested green: a portion on some days of the week."""

    food_id: str
    description: str
    name: str
    amount: float
    unit: str
    grams: float
    days: int
    purpose: str
    label: str
    text: str
    adds_per_serving: Adds
    adds_per_day: Adds
    vitamin_k_ug: Number = None
    oxalate_class: Text = None


class Projection(_Model):
    """The week's per-day averages now or with the suggested greens. [mg/day]"""

    days: int
    calcium_mg: Number
    absorbable_calcium_mg: Number
    phosphorus_mg: Number
    magnesium_mg: Number
    potassium_mg: Number
    ca_p_mass_ratio: Number
    ca_p_molar_ratio: Number
    percent_of_target: Percentages


class NotUsedRow(_Model):
    """A diary row of the week that was not used, with the reason."""

    line: Count = None
    date: Text = None
    food: Text = None
    status: Text = None
    reason: str


#: A match's confidence as the matcher gives it: a score or a word; ``None`` when unknown.
MatchConfidence = Annotated[float | str | None, BeforeValidator(known_or_none)]


class EntryRow(_Model):
    """One used diary entry of the week, as the tool understood it.

    ``food``, ``quantity`` and ``unit`` are the user's words; ``description`` the USDA food
    matched (``None`` for an app's own food or total); ``grams`` [g], ``calcium_mg`` and
    ``phosphorus_mg`` [mg] the entry's amounts (``None`` = unknown). ``match_method``,
    ``match_confidence`` and ``low_confidence`` are filled when the diary's entries carry
    them (``match_method``, ``match_confidence``, ``match_low_confidence`` columns).
    """

    line: Count = None
    date: str
    meal: Text = None
    food: str
    quantity: Number = None
    unit: Text = None
    food_id: Text = None
    description: Text = None
    grams: Number = None
    calcium_mg: Number = None
    phosphorus_mg: Number = None
    source: Text = None
    approximate: bool = False
    is_total: bool = False
    match_method: Text = None
    match_confidence: MatchConfidence = None
    low_confidence: bool = False


class Report(_Model):
    """The weekly report: one week of one person, as every renderer shows it.

    Attributes
    ----------
    completeness : what the diary lacks (first: the report leads with it).
    profile, targets : the person and the week's targets.
    person : the participant id in a cohort diary, else ``None``.
    week : per-day averages and percent of target.
    days : one :class:`Day` per logged day of the window.
    coverage : per mineral, how many entries have it (:class:`MineralCoverage`).
    totals_only : the diary has app totals, not foods (no groups, no absorption).
    calcium_approximate : some calcium came from % Daily Value (MyFitnessPal).
    flags, diuretic_load, top_sources, swaps : findings and the week's sources.
    cannot_judge : findings the data cannot support (incomplete days or week, too little
        food with the mineral), each with its reason.
    absorption, load_coefficients : how sure absorbable calcium is; the load coefficients used.
    plan, suggestions, current, projected : the greens plan and the projected week.
    alternatives : non-green calcium sources, labelled (shown with calcium suggestions).
    supplement_option : a calcium supplement when greens alone cannot close the calcium gap.
    entries : every used entry of the week, as understood (:class:`EntryRow`).
    not_used, notes, confidence, sources, disclaimer : what the reader must know.
    diary_format : the diary's format (:data:`analyzer.diary.FORMATS`), when known.
    check_matches : the week's foods matched by a best guess or a sibling fallback
        (:class:`MatchCheck`), to check.
    """

    completeness: Completeness
    profile: ProfileInfo
    targets: TargetsInfo
    person: Text = None
    week: WeekFigures
    days: list[Day]
    coverage: dict[str, MineralCoverage]
    coverage_min_fraction: float
    totals_only: bool
    calcium_approximate: bool
    flags: list[ReportFlag]
    cannot_judge: list[ReportFlag]
    absorption: AbsorptionInfo
    load_coefficients: LoadCoefficients
    diuretic_load: list[LoadRow]
    top_sources: TopSources
    swaps: list[Swap]
    plan: PlanSummary
    suggestions: list[SuggestionItem]
    alternatives: list[Alternative]
    supplement_option: SupplementOption | None = None
    current: Projection
    projected: Projection
    not_used: list[NotUsedRow]
    check_matches: list[MatchCheck] = Field(default_factory=list)
    entries: list[EntryRow] = []
    diary_format: Text = None
    notes: list[str]
    confidence: list[str]
    sources: list[str]
    disclaimer: str = Field(min_length=1)

    @property
    def window_dates(self) -> pd.DatetimeIndex:
        """The seven dates of the week shown (logged or not)."""
        return pd.date_range(self.week.start, self.week.end, freq="D")

    @property
    def is_iso_week(self) -> bool:
        """Whether the window is an ISO week (else a seven-day window from ``--start``)."""
        return self.week.label != f"{self.week.start} to {self.week.end}"

    def day(self, date: dt.date | str) -> Day | None:
        """The logged day of ``date``, or ``None``."""
        wanted = pd.Timestamp(date).strftime("%Y-%m-%d")
        return next((d for d in self.days if d.date == wanted), None)

    def to_json(self) -> str:
        """The report as pretty JSON (unknown numbers are ``null``)."""
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False)
