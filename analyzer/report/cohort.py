"""The cohort answer as a typed model: what ``analyzer cohort`` prints and its chart draws.

:func:`build_cohort` turns :func:`analyzer.balance.cohort.cohort_summary` into a
:class:`CohortReport` (pydantic): one :class:`CohortRow` per group (all persons, then each DRI
life stage) and nutrient with the distribution of persons' mean daily intakes and the shares
below the EAR / above the UL, the diuretic load by food group, the molar Ca:P histogram and
the notes every reader must see (method, usual-intake caveat). Renderers (text, CSV, JSON,
the chart) read this model and never recompute.
"""

from __future__ import annotations

import json
import math

import pandas as pd
from pydantic import BaseModel, ConfigDict

from analyzer.balance.analysis import Analysis
from analyzer.balance.cohort import ALL_PERSONS, PERCENTILES, Cohort, cohort_summary
from analyzer.reference import coefficient
from analyzer.report.model import Number, Text


class Distribution(BaseModel):
    """The distribution across persons of their mean daily intakes.

    ``n`` persons with a known mean; ``mean``, ``sd`` (n - 1) and the percentiles
    ``p5`` ... ``p95`` in the nutrient's unit (None when unknown).
    """

    model_config = ConfigDict(frozen=True)

    n: int
    mean: Number
    sd: Number
    p5: Number
    p25: Number
    p50: Number
    p75: Number
    p95: Number


class CohortRow(BaseModel):
    """One group and nutrient: its distribution and how it compares with the DRIs.

    Attributes
    ----------
    group : str
        ``"all persons"`` or a DRI life stage (``"female 31-50 y"``).
    nutrient, label, unit : str
        Column name (``calcium_mg``), plain name and unit (``mg/day``, ``mol/mol``).
    lower_kind, lower : str or None, float or None
        What ``share_below`` counts against (``EAR``; ``concern`` for the Ca:P threshold)
        and its value when every person of the group shares it.
    n_lower, share_below : int, float or None
        Persons with an intake and a lower value; the fraction of them below it.
    target_kind, target : str or None, float or None
        The individual target shown for reference (``RDA``, ``AI``, ``target``).
    median_at_or_above_target : bool or None
        For AI nutrients only: the group's median is at or above the AI.
    upper_kind, upper, n_upper, share_above
        ``UL``, ``CDRR`` or ``caffeine limit``, its value, and the fraction above it.
    """

    model_config = ConfigDict(frozen=True)

    group: str
    nutrient: str
    label: str
    unit: str
    distribution: Distribution
    lower_kind: Text = None
    lower: Number = None
    n_lower: int = 0
    share_below: Number = None
    target_kind: Text = None
    target: Number = None
    median_at_or_above_target: bool | None = None
    upper_kind: Text = None
    upper: Number = None
    n_upper: int = 0
    share_above: Number = None


class GroupLoad(BaseModel):
    """One food group's part of the diuretic load, cohort-wide."""

    model_config = ConfigDict(frozen=True)

    group: str
    label: str
    mean_mg_per_day: Number
    share: Number


class HistogramBin(BaseModel):
    """Persons whose molar Ca:P is in ``[lower, upper)``; ``upper`` None = open bin."""

    model_config = ConfigDict(frozen=True)

    lower: float
    upper: Number
    persons: int


class CohortReport(BaseModel):
    """The cohort answer (see the module docstring).

    Attributes
    ----------
    persons, person_days : int
        Persons and person-days analysed.
    days_median : float or None
        Median number of days per person.
    groups : list of str
        ``"all persons"`` then the DRI life stages present, in output order.
    rows : list of CohortRow
        Every group and nutrient, in ``groups`` order.
    loads : list of GroupLoad
        The diuretic load by food group.
    ca_p_histogram : list of HistogramBin
        Persons per molar Ca:P bin.
    ca_p_concern : float
        The molar Ca:P concern threshold. [mol/mol]
    notes : list of str
        Method and caveats; always shown with the numbers.
    """

    model_config = ConfigDict(frozen=True)

    persons: int
    person_days: int
    days_median: Number
    groups: list[str]
    rows: list[CohortRow]
    loads: list[GroupLoad]
    ca_p_histogram: list[HistogramBin]
    ca_p_concern: float
    notes: list[str]

    def row(self, group: str, nutrient: str) -> CohortRow:
        """The row of ``group`` and ``nutrient`` (``KeyError`` if there is none)."""
        for item in self.rows:
            if item.group == group and item.nutrient == nutrient:
                return item
        raise KeyError(f"no cohort row for group {group!r} and nutrient {nutrient!r}")

    def table(self) -> pd.DataFrame:
        """The rows as one flat table (``--format csv``): the distribution columns inline."""
        records = []
        for item in self.rows:
            record = item.model_dump(exclude={"distribution"})
            record.update(item.distribution.model_dump())
            records.append(record)
        columns = [
            "group", "nutrient", "label", "unit", "n", "mean", "sd",
            *(f"p{p}" for p in PERCENTILES),
            "lower_kind", "lower", "n_lower", "share_below",
            "target_kind", "target", "median_at_or_above_target",
            "upper_kind", "upper", "n_upper", "share_above",
        ]  # fmt: skip
        frame = pd.DataFrame.from_records(records, columns=columns)
        for column in ("mean", "sd", *(f"p{p}" for p in PERCENTILES), "lower", "target"):
            frame[column] = frame[column].astype("float64")
        for column in ("share_below", "upper", "share_above"):
            frame[column] = frame[column].astype("float64")
        return frame

    def to_json(self) -> str:
        """The answer as pretty JSON (unknown numbers are ``null``)."""
        return json.dumps(self.model_dump(mode="json"), indent=2, ensure_ascii=False)


def _value(value: object) -> float | None:
    if value is None or value is pd.NA:
        return None
    number = float(value)  # type: ignore[arg-type]
    return None if math.isnan(number) or math.isinf(number) else number


def _flag(value: object) -> bool | None:
    """True/False, or None for a missing flag (None, NA or NaN)."""
    if value is None or value is pd.NA or (isinstance(value, float) and math.isnan(value)):
        return None
    return bool(value)


def _rows(cohort: Cohort) -> list[CohortRow]:
    rows = []
    for record in cohort.distribution.to_dict("records"):
        distribution = Distribution(
            n=int(record["n"]),
            **{k: _value(record[k]) for k in ("mean", "sd", *(f"p{p}" for p in PERCENTILES))},
        )
        rows.append(
            CohortRow(
                group=str(record["group"]),
                nutrient=str(record["nutrient"]),
                label=str(record["label"]),
                unit=str(record["unit"]),
                distribution=distribution,
                lower_kind=record["lower_kind"],
                lower=_value(record["lower"]),
                n_lower=int(record["n_lower"]),
                share_below=_value(record["share_below"]),
                target_kind=record["target_kind"],
                target=_value(record["target"]),
                median_at_or_above_target=_flag(record["median_at_or_above_target"]),
                upper_kind=record["upper_kind"],
                upper=_value(record["upper"]),
                n_upper=int(record["n_upper"]),
                share_above=_value(record["share_above"]),
            )
        )
    return rows


def build_cohort(analysis: Analysis) -> CohortReport:
    """The cohort answer of an analysis, as a :class:`CohortReport`.

    Parameters
    ----------
    analysis : Analysis
        One row per person and day (``analyze(diary, profiles=..., by_person=True)``).
    """
    cohort = cohort_summary(analysis)
    persons = cohort.persons
    groups = list(dict.fromkeys(cohort.distribution["group"].astype(str)))
    return CohortReport(
        persons=len(persons),
        person_days=int(persons["days"].sum()),
        days_median=_value(persons["days"].median()) if len(persons) else None,
        groups=groups if groups else [ALL_PERSONS],
        rows=_rows(cohort),
        loads=[
            GroupLoad(
                group=str(r["group"]),
                label=str(r["label"]),
                mean_mg_per_day=_value(r["mean_mg_per_day"]),
                share=_value(r["share"]),
            )
            for r in cohort.loads.to_dict("records")
        ],
        ca_p_histogram=[
            HistogramBin(
                lower=float(r["lower"]), upper=_value(r["upper"]), persons=int(r["persons"])
            )
            for r in cohort.ca_p_histogram.to_dict("records")
        ],
        ca_p_concern=coefficient("ca_p_molar_low"),
        notes=cohort.notes,
    )


def _number(value: float | None, unit: str) -> str:
    if value is None:
        return ""
    return f"{value:.2f}" if unit == "mol/mol" else f"{value:,.0f}"


def _percent(value: float | None) -> str:
    return "" if value is None else f"{100 * value:.0f}%"


def _reference(kind: str | None, value: float | None, unit: str) -> str:
    if kind is None:
        return ""
    return f"{kind} {_number(value, unit)}" if value is not None else f"{kind} (own)"


def cohort_heading(report: CohortReport) -> str:
    """``Cohort: 120 persons, 240 person-days (days per person: median 2)``."""
    return (
        f"Cohort: {report.persons:,} persons, {report.person_days:,} person-days "
        f"(days per person: median {_number(report.days_median, '')})"
    )


def group_records(report: CohortReport, group: str) -> list[dict[str, str]]:
    """The rows of one group's table as the renderers show them (column -> cell)."""
    records = []
    for row in (r for r in report.rows if r.group == group):
        d, unit = row.distribution, row.unit
        median_ok = {True: "median >= AI", False: "median < AI", None: ""}
        records.append(
            {
                "nutrient": f"{row.label} [{unit}]",
                "n": str(d.n),
                "mean": _number(d.mean, unit),
                "sd": _number(d.sd, unit),
                **{f"p{p}": _number(getattr(d, f"p{p}"), unit) for p in PERCENTILES},
                "below": _reference(row.lower_kind, row.lower, unit),
                "% below": _percent(row.share_below),
                "target": _reference(row.target_kind, row.target, unit)
                + (f" ({median_ok[row.median_at_or_above_target]})"
                   if row.median_at_or_above_target is not None else ""),
                "above": _reference(row.upper_kind, row.upper, unit),
                "% above": _percent(row.share_above),
            }
        )  # fmt: skip
    return records


def loads_text(report: CohortReport) -> str:
    """The diuretic load by food group in one line (mean per person and day, share)."""
    loads = ", ".join(
        f"{load.label} {_number(load.mean_mg_per_day, '')} mg ({_percent(load.share)})"
        for load in report.loads
    )
    return f"Diuretic load by food group (mean per person and day, share): {loads}"


def render_cohort_text(report: CohortReport) -> str:
    """The cohort answer for the terminal: one table per group, the loads, the notes."""
    lines = [cohort_heading(report)]
    for group in report.groups:
        table = pd.DataFrame(group_records(report, group)).to_string(index=False)
        lines += ["", group, table]
    lines += ["", loads_text(report)]
    lines += ["", "Notes:", *(f"- {note}" for note in report.notes)]
    return "\n".join(lines)
