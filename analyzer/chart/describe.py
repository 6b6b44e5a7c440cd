"""The charts of the HTML pages, each an inline SVG with a description that lists what it
draws, so a screen reader (or a printout without colour) loses nothing: the week's four
panels (:func:`report_figures`) and the cohort figure (:func:`cohort_figures`)."""

from __future__ import annotations

import math

import pandas as pd

from analyzer.chart.cohort import INTAKE_PANELS, LEGEND, cohort_chart
from analyzer.chart.frames import WeekView, week_view
from analyzer.chart.style import CONCERN_MASS_RATIO, CONCERN_MOLAR_RATIO, LOAD_GROUPS
from analyzer.chart.svg import inline_svg
from analyzer.chart.weekly import APPROXIMATE_LABEL, week_panels
from analyzer.report.cohort import CohortReport
from analyzer.report.formatting import number
from analyzer.report.html import HtmlFigure
from analyzer.report.model import Report

#: Each panel's accessible title and visible caption.
CAPTIONS = {
    "calcium_phosphorus": (
        "Calcium and phosphorus per day",
        "Figure 1. Calcium and phosphorus per day [mg], with their DRI targets. Hatched "
        "bars: some of that day's entries lack the value, so the day had at least this much.",
    ),
    "ratio": (
        "Ca:P ratio (mass) per day",
        "Figure 2. The Ca:P mass ratio per day, the target, the week's average and the "
        "ratio with the suggested greens; shaded: the concern zone (molar Ca:P below "
        f"{CONCERN_MOLAR_RATIO:g}, a concern only with calcium below target).",
    ),
    "magnesium_potassium": (
        "Magnesium and potassium per day, percent of target",
        "Figure 3. Magnesium and potassium per day as percent of their DRI targets.",
    ),
    "diuretic_load": (
        "Diuretic load by group per day",
        "Figure 4. The estimated calcium cost (diuretic load) per day [mg Ca], stacked by "
        "food group.",
    ),
}


def _day(date: pd.Timestamp) -> str:
    return f"{date:%a} {date.day} {date:%b}"


def _value(value: float, partial: bool, digits: int = 0, unit: str = "") -> str:
    if not math.isfinite(value):
        return "unknown"
    shown = number(value, digits, unit)
    return f"at least {shown}" if partial else shown


def _per_day(view: WeekView, series: dict[str, str], unit: str) -> str:
    """``Mon 16 Nov: calcium 588, phosphorus 1,482; ...; Sun 22 Nov: not logged``."""
    parts = []
    for date, row in view.table.iterrows():
        day = _day(pd.Timestamp(str(date)))
        if not row["logged"]:
            parts.append(f"{day}: not logged")
            continue
        values = []
        for name, column in series.items():
            partial = row.get(f"{name}_mg_unknown", 0) > 0
            values.append(f"{name} {_value(float(row[column]), bool(partial))}{unit}")
        parts.append(f"{day}: {', '.join(values)}")
    return "; ".join(parts)


def _calcium_phosphorus(view: WeekView) -> str:
    text = "Per day, mg: " + _per_day(
        view, {"calcium": "calcium_mg", "phosphorus": "phosphorus_mg"}, ""
    )
    targets = [
        f"{m} {view.target_kinds[m]} {number(view.targets_mg[m], 0)} mg/day"
        for m in ("calcium", "phosphorus")
        if m not in view.absent and math.isfinite(view.targets_mg[m])
    ]
    text += ". Target lines: " + ", ".join(targets) + "." if targets else "."
    if view.calcium_approximate:
        text += f" {APPROXIMATE_LABEL.capitalize()}."
    for mineral, why in view.absent.items():
        if mineral in ("calcium", "phosphorus"):
            text += f" {mineral.capitalize()}: {why}."
    return text


def _ratio(view: WeekView) -> str:
    ratio = view.table["ca_p_mass_ratio"]
    concern = (
        f"Concern zone below mass ratio {CONCERN_MASS_RATIO:.2f} (molar {CONCERN_MOLAR_RATIO:g})"
    )
    parts = [f"Target {view.ratio_target:.2f}", concern]
    if view.ratio_note or not ratio.notna().any():
        return ". ".join([view.ratio_note or "No day's ratio can be shown", *parts]) + "."
    days = [
        f"{_day(pd.Timestamp(str(d)))} {number(v, 2) if math.isfinite(v) else 'not shown'}"
        for d, v in ratio.items()
    ]
    plan = view.plan
    if "ca_p_mass_ratio" in plan.current:
        parts.append(f"week average {plan.current['ca_p_mass_ratio']:.2f}")
    if "ca_p_mass_ratio" in plan.projected:
        parts.append(
            f"projected with the suggested greens {plan.projected['ca_p_mass_ratio']:.2f}"
        )
    return "Ca:P mass ratio per day: " + "; ".join(days) + ". " + ". ".join(parts) + "."


def _magnesium_potassium(view: WeekView) -> str:
    series = {"magnesium": "magnesium_pct_target", "potassium": "potassium_pct_target"}
    text = "Percent of target per day: " + _per_day(view, series, "%") + ". Line at 100%."
    for mineral, why in view.absent.items():
        if mineral in series:
            text += f" {mineral.capitalize()}: {why}."
    return text


def _diuretic_load(view: WeekView) -> str:
    if not view.foods_known:
        return "Unknown: the diary has app totals, not foods, so no food groups."
    parts = []
    for date, row in view.table.iterrows():
        day = _day(pd.Timestamp(str(date)))
        if not row["logged"]:
            parts.append(f"{day}: not logged")
            continue
        loads = {label: float(row[f"load_{g}"]) for g, label in LOAD_GROUPS.items()}
        shown = [f"{label} {number(v, 0)}" for label, v in loads.items() if math.isfinite(v)]
        parts.append(f"{day}: {', '.join(shown) or 'unknown'}")
    return "Calcium cost (diuretic load) per day, mg Ca, by group: " + "; ".join(parts) + "."


DESCRIBE = {
    "calcium_phosphorus": _calcium_phosphorus,
    "ratio": _ratio,
    "magnesium_potassium": _magnesium_potassium,
    "diuretic_load": _diuretic_load,
}


def report_figures(report: Report) -> list[HtmlFigure]:
    """The week's four chart panels as inline SVG for :func:`analyzer.report.render_html`.

    Each is :func:`analyzer.chart.week_panels`' figure of that panel with the panel's name
    as its title and a description listing every value it draws (:data:`CAPTIONS`).
    """
    view = week_view(report)
    figures = []
    for name, fig in week_panels(report).items():
        title, caption = CAPTIONS[name]
        svg = inline_svg(fig, f"chart-{name.replace('_', '-')}", title, DESCRIBE[name](view))
        figures.append(HtmlFigure(svg=svg, caption=caption))
    return figures


def _cohort_description(report: CohortReport) -> str:
    """Every value the cohort figure draws, in words."""
    parts = []
    for nutrient, title in INTAKE_PANELS:
        rows = [r for r in report.rows if r.nutrient == nutrient]
        groups = []
        for row in rows:
            d = row.distribution
            text = (
                f"{row.group} (n={d.n}): median {number(d.p50)}, 25th to 75th percentile "
                f"{number(d.p25)} to {number(d.p75)}, 5th to 95th {number(d.p5)} to "
                f"{number(d.p95)} {row.unit}"
            )
            if row.share_below is not None and row.lower_kind == "EAR":
                text += f", {100 * row.share_below:.0f}% below the EAR {number(row.lower)}"
            groups.append(text)
        parts.append(f"{title}: " + "; ".join(groups))
    bins = ", ".join(
        f"{b.lower:g} to {b.upper:g}: {b.persons}" if b.upper is not None
        else f"{b.lower:g} and above: {b.persons}"
        for b in report.ca_p_histogram
    )  # fmt: skip
    parts.append(f"Persons by molar Ca:P ({bins}); concern below {report.ca_p_concern:g}")
    loads = ", ".join(f"{load.label} {number(load.mean_mg_per_day)} mg" for load in report.loads)
    parts.append(f"Diuretic load by food group, mean per person and day: {loads}")
    return ". ".join(parts) + "."


def cohort_figures(report: CohortReport) -> list[HtmlFigure]:
    """The cohort figure (:func:`analyzer.chart.cohort.cohort_chart`) as inline SVG for
    :func:`analyzer.report.cohort_html.render_cohort_html`, described value by value."""
    svg = inline_svg(
        cohort_chart(report),
        "chart-cohort",
        "Cohort: distributions of mean daily intakes against the DRIs",
        _cohort_description(report),
    )
    caption = "The cohort's intakes against the DRIs, its molar Ca:P and diuretic load. " + LEGEND
    return [HtmlFigure(svg=svg, caption=caption.replace("\n", " "))]
