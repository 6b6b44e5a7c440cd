"""What the report says in numbers and tables: shared by the text and HTML renderers.

Every renderer formats a number, a week's "at least" figure or a table row the same way by
calling these functions (and :mod:`analyzer.report.wording` for the sentences); the
renderers only lay the cells out (aligned text columns, or HTML tables). Pure formatting:
every rule (which week, which days are complete, which days' ratios can be shown, what is
an underestimate) was applied by the builder.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from analyzer.diary.model import FORMAT_APPS
from analyzer.nutrients import CA_P, GROUP_LABELS, TARGET_MINERALS
from analyzer.report.model import (
    EntryRow,
    MineralCoverage,
    Report,
)

#: Ratios closer than this are the same goal (floating-point noise). [mg/mg]
RATIO_TOLERANCE = 1e-9
#: Day-table columns: (key in the day records, header, decimals).
DAY_COLUMNS = (
    ("calcium_mg", "Ca mg", 0),
    ("absorbable_calcium_mg", "abs Ca", 0),
    ("phosphorus_mg", "P mg", 0),
    ("ca_p_mass_ratio", "Ca:P", 2),
    ("magnesium_mg", "Mg mg", 0),
    ("potassium_mg", "K mg", 0),
    ("sodium_mg", "Na mg", 0),
    ("caffeine_mg", "caff mg", 0),
    ("pral_meq", "PRAL", 1),
    ("diuretic_load_mg", "load mg", 0),
)
#: Day-table columns marked * when some of that day's entries lack the mineral(s).
DAY_COVERAGE = {
    "calcium_mg": ("calcium",),
    "absorbable_calcium_mg": ("calcium",),
    "phosphorus_mg": ("phosphorus",),
    "ca_p_mass_ratio": ("calcium", "phosphorus"),
    "magnesium_mg": ("magnesium",),
    "potassium_mg": ("potassium",),
}
DAYS_LEGEND = (
    "Days (per day: Ca, P, Mg, K, Na in mg; abs Ca = absorbable calcium, mg; Ca:P = mass "
    "ratio; caff = caffeine, mg; PRAL = potential renal acid load, mEq; load = diuretic "
    "load, mg Ca; - = unknown)"
)
#: Marks a value some of whose entries lack it (the total counts only the known ones).
PARTIAL_MARK = "*"
PARTIAL_NOTE = (
    f"{PARTIAL_MARK} some of that day's entries lack this value: the total counts only the "
    "known values (an underestimate; a ratio is approximate, and not shown when too few "
    "entries have both minerals)"
)
#: Headers of the week-against-targets table.
TARGET_HEADER = ("", "per day", "target", "% of target", "upper limit")
#: Headers of the diuretic-load table.
LOAD_HEADER = ("group", "load", "caffeine", "protein", "sodium", "P mg", "share of P")


#: Units written the same in the plural.
def number(value: Any, digits: int = 0, unit: str = "") -> str:
    """``1,234 mg``; ``unknown`` for ``None`` or NaN.

    Examples
    --------
    >>> number(1333.4, 0, "mg"), number(0.5432, 2), number(None, 0, "mg")
    ('1,333 mg', '0.54', 'unknown')
    """
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "unknown"
    text = f"{value:,.{digits}f}"
    return f"{text} {unit}" if unit else text


def lowered_ratio_goal(report: Report) -> float | None:
    """The plan's Ca:P goal when it aimed below the target (the target would have taken
    calcium above the RDA), else ``None``."""
    goal = report.plan.ratio_goal
    if goal is not None and goal < report.targets.ca_p_mass_ratio - RATIO_TOLERANCE:
        return float(goal)
    return None


def title(report: Report) -> str:
    """The report's title: the week (or the seven days) and the person."""
    week = report.week
    if report.is_iso_week:
        text = f"Calcium-phosphorus report, week {week.label} ({week.start} to {week.end})"
    else:
        text = f"Calcium-phosphorus report, {week.label}"
    if report.person:
        text += f", person {report.person}"
    return text


def day_rows(report: Report) -> tuple[list[str], list[list[str]], bool]:
    """The days table: header, one row of cells per logged day (with a last column
    ``incomplete`` when some day is), and whether any cell is marked :data:`PARTIAL_MARK`
    (some of that day's entries lack the value)."""
    header = ["date", *[h for _, h, _ in DAY_COLUMNS]]
    rows = []
    marked = False
    for day in report.days:
        when = pd.Timestamp(day.date).strftime("%a %Y-%m-%d")
        cells = []
        values = day.model_dump()
        for key, _, digits in DAY_COLUMNS:
            value = values.get(key)
            partial = any(day.unknown_count(m) > 0 for m in DAY_COVERAGE.get(key, ()))
            text = "-" if value is None else f"{value:,.{digits}f}"
            if key == "ca_p_mass_ratio" and not day.ca_p_ratio_usable:
                text = "-"
            elif partial and value is not None:
                text += PARTIAL_MARK
                marked = True
            cells.append(text)
        rows.append([when, *cells, "" if day.complete else "incomplete"])
    if all(day.complete for day in report.days):
        rows = [row[:-1] for row in rows]
    else:
        header.append("")
    return header, rows, marked


def weekly_value(value: float | None, cov: MineralCoverage | None, unit: str = "mg") -> str:
    """A weekly value, as "at least" when too little of the food has it (rows not used
    included, as the percent of target says), * when a few entries lack it.

    Examples
    --------
    >>> few = MineralCoverage(entries=4, unknown=1, known=3, complete=False, usable=False)
    >>> weekly_value(350.0, few), weekly_value(None, few)
    ('at least 350 mg', 'unknown')
    """
    text = number(value, 0, unit)
    if cov is None or value is None:
        return text
    if not cov.usable:  # too little of the food has it, rows not used included
        return f"at least {text}"
    return text if cov.complete else text + PARTIAL_MARK


def calcium_value(report: Report, value: float | None) -> str:
    """The week's calcium as the report states it: "at least", and "about" when some of
    it was converted from a % Daily Value (MyFitnessPal)."""
    shown = weekly_value(value, report.coverage.get("calcium"))
    if report.calcium_approximate and shown != "unknown":
        shown = f"about {shown}"
    return shown


def _is(names: list[str]) -> str:
    return "is" if len(names) == 1 else "are"


def shown_percent(percent: float | None, cov: MineralCoverage | None) -> str:
    """Percent of target, ``at least`` when too few entries have the mineral."""
    shown = "-" if percent is None else f"{percent:.0f}%"
    if percent is not None and cov is not None and not cov.usable:
        shown = f"at least {shown}"
    return shown


def target_rows(report: Report) -> list[list[str]]:
    """The week against targets: one row of :data:`TARGET_HEADER` cells per figure."""
    week, targets = report.week, report.targets
    pct = week.percent_of_target
    uls = {"calcium": targets.calcium_ul_mg, "phosphorus": targets.phosphorus_ul_mg}
    rows = []
    for mineral in TARGET_MINERALS:
        key = f"{mineral}_mg"
        cov = report.coverage.get(mineral)
        shown = weekly_value(getattr(week, key), cov)
        if mineral == "calcium":
            shown = calcium_value(report, getattr(week, key))
        ul = uls.get(mineral)
        rows.append(
            [
                mineral,
                shown,
                f"{targets.kinds.get(mineral, 'target')} {number(getattr(targets, key), 0, 'mg')}",
                shown_percent(pct.get(key), cov),
                f"UL {number(ul, 0, 'mg')}" if ul is not None else "",
            ]
        )
        if mineral == "calcium":
            rows.append(
                [
                    "absorbable calcium",
                    weekly_value(week.absorbable_calcium_mg, cov),
                    f"target {number(targets.absorbable_calcium_mg, 0, 'mg')}",
                    shown_percent(pct.get("absorbable_calcium_mg"), cov),
                    "",
                ]
            )
    ratio, molar = week.ca_p_mass_ratio, week.ca_p_molar_ratio
    rows.append(
        [
            "Ca:P mass ratio",
            number(ratio, 2),
            f"target {targets.ca_p_mass_ratio:.2f}",
            "-" if ratio is None else f"molar {number(molar, 2)}",
            "",
        ]
    )
    return rows


def absent_phrase(report: Report, mineral: str) -> str | None:
    """Why ``mineral`` has no value this week: ``not in this MyFitnessPal export`` for an
    app's export, ``not in this diary`` otherwise; ``None`` when some entry has it."""
    cov = report.coverage.get(mineral)
    if cov is None or cov.known > 0:
        return None
    app = FORMAT_APPS.get(report.diary_format or "")
    return f"not in this {app} export" if app else "not in this diary"


def ratio_reasons(report: Report) -> list[str]:
    """Why the week's Ca:P ratio cannot be computed, from the coverage of Ca and P."""
    coverage = report.coverage
    absent = [m for m in CA_P if m in coverage and coverage[m].known == 0]
    sparse = [m for m in CA_P if m in coverage and m not in absent and not coverage[m].usable]
    reasons = []
    if absent:
        why = absent_phrase(report, absent[0])
        reasons.append(f"{' and '.join(absent)} {_is(absent)} {why}")
    if sparse:
        reasons.append(f"{' and '.join(sparse)} {_is(sparse)} known for too few entries")
    return reasons


#: Said when the week has no complete day (the builder averaged nothing).
NO_COMPLETE_DAY = "No complete day this week: nothing to average (see what the diary lacks)."


def ratio_unknown(report: Report) -> str | None:
    """``The Ca:P ratio cannot be computed: ...`` when the week's ratio is unknown (or
    :data:`NO_COMPLETE_DAY` when the week has no complete day)."""
    if report.week.ca_p_mass_ratio is not None:
        return None
    if not report.week.days:
        return NO_COMPLETE_DAY
    reasons = ratio_reasons(report)
    if not reasons:
        return None
    return f"The Ca:P ratio cannot be computed: {'; '.join(reasons)}."


def targets_heading(report: Report) -> str:
    """The heading of the week-against-targets table (days, profile, life stage)."""
    week = report.week
    days, logged = week.days, week.days_logged or week.days
    over = f"{days} logged day{'s' if days != 1 else ''}"
    if logged != days:
        over = f"{days} complete day{'s' if days != 1 else ''} of {logged} logged"
    return (
        f"The week against targets (per-day averages over {over}; profile: "
        f"{report.profile.description}, DRI life stage {report.targets.life_stage}; UL = "
        "tolerable upper intake level)"
    )


def target_remarks(report: Report) -> list[str]:
    """The sentences under the targets table: other figures, approximations, coverage."""
    week = report.week
    extra = [
        f"sodium {number(week.sodium_mg, 0, 'mg')}",
        f"caffeine {number(week.caffeine_mg, 0, 'mg')}",
        f"protein {number(week.protein_g, 0, 'g')}",
        f"PRAL {number(week.pral_meq, 1, 'mEq')}",
    ]
    lines = ["also per day: " + ", ".join(extra), *supplement_split(report)]
    info = report.absorption
    if info.default_index_share is not None and not report.totals_only:
        lines.append(
            f"absorbable calcium: {info.default_index_share:.0%} of the calcium rests on the "
            f"default absorption index 0.5 (an assumption): grade '{info.grade}'"
            + (", eating times unknown (upper bound)" if info.occasions == "entry" else "")
        )
    if report.calcium_approximate:
        lines.append(
            "Calcium is approximate: some entries give it only as % of a Daily Value "
            "(see the notes)."
        )
    known = [f"{m} {c.known} of {c.entries}" for m, c in report.coverage.items() if not c.complete]
    if known:
        lines.append("entries with a value: " + ", ".join(known) + " (see the notes)")
    unknown = ratio_unknown(report)
    if unknown:
        lines.append(unknown)
    return lines


def supplement_split(report: Report) -> list[str]:
    """``from supplements: calcium 1,201 of 2,184 mg, ...`` when the week has supplements."""
    week = report.week
    parts = []
    for mineral in ("calcium", "magnesium", "potassium", "phosphorus", "sodium"):
        taken = getattr(week, f"{mineral}_supplement_mg")
        total = getattr(week, f"{mineral}_mg")
        if taken:
            parts.append(f"{mineral} {number(taken, 0)} of {number(total, 0, 'mg')}")
    if not parts:
        return []
    return [
        "from supplements, per day: " + ", ".join(parts) + " (the rest from food; the upper "
        "limits apply to the total)"
    ]


def load_title(report: Report) -> str:
    """The diuretic-load heading, with the coefficients used."""
    k = report.load_coefficients
    return (
        "Diuretic load by group (estimated calcium cost, mg Ca/day: lower calcium balance "
        f"from caffeine, {k.caffeine_calcium_mg:g} mg/{k.caffeine_reference_mg:g} mg; urinary "
        f"calcium from protein, {k.protein_calcium_mg_per_g:g} mg/g ({k.protein_source}), and "
        f"sodium, {k.sodium_calcium_mg:g} mg/{k.sodium_reference_mg:,.0f} mg; absorption "
        "partly compensates)"
    )


def lead_lines(report: Report) -> tuple[str, list[str]]:
    """What the diary lacks: the report's first statement, and each incomplete day with
    why (``Mon 2026-11-16: ...``)."""
    lead = report.completeness
    days = [
        f"{pd.Timestamp(day.date).strftime('%a %Y-%m-%d')}: {day.reason}"
        for day in lead.incomplete_days
    ]
    return lead.statement, days


def load_rows(report: Report) -> list[list[str]]:
    """The diuretic load by group: one row of :data:`LOAD_HEADER` cells per group."""
    rows = []
    for row in report.diuretic_load:
        share = row.phosphorus_share
        rows.append(
            [
                GROUP_LABELS.get(row.group, row.group),
                number(row.diuretic_load_mg, 0),
                number(row.caffeine_calcium_mg, 1),
                number(row.protein_calcium_mg, 1),
                number(row.sodium_calcium_mg, 1),
                number(row.phosphorus_mg, 0),
                "-" if share is None else f"{100 * share:.0f}%",
            ]
        )
    return rows


#: What a "-" share of phosphorus in the load table means.
SHARE_UNKNOWN_NOTE = (
    "share of P: - when phosphorus is known for too little of the week's food for a share"
)


def load_note(report: Report) -> str:
    """The load table's note on a share of phosphorus it cannot give ("" when it gives all)."""
    unknown = any(row.phosphorus_share is None for row in report.diuretic_load)
    return SHARE_UNKNOWN_NOTE if unknown else ""


def entry_amount(entry: EntryRow) -> str:
    """The amount as the diary gave it (``2 cup``), or ``-`` when it gave none."""
    if entry.quantity is None:
        return "-"
    return f"{entry.quantity:g} {entry.unit or ''}".rstrip()


def entry_match(entry: EntryRow) -> str:
    """How the food was matched: the method and confidence when the diary has them."""
    parts = [entry.match_method or ""]
    confidence = entry.match_confidence
    if isinstance(confidence, float):
        parts.append(f"{confidence:.2f}")
    elif confidence:
        parts.append(str(confidence))
    return " ".join(p for p in parts if p) or "-"
