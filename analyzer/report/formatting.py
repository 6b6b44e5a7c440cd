"""What the report says, as cells and sentences: shared by the text and HTML renderers.

Every renderer formats a number, a week's "at least" figure, a flag or a source the same
way by calling these functions; the renderers only lay the cells and sentences out (aligned
text columns, or HTML tables). Pure formatting: every rule (which week, which days' ratios
can be shown, what is an underestimate) was applied by the builder.
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field
from typing import Any

import pandas as pd

from analyzer.diary.model import FORMAT_APPS
from analyzer.nutrients import CA_P, GROUP_LABELS, TARGET_MINERALS
from analyzer.report.model import (
    EntryRow,
    MineralCoverage,
    NotUsedRow,
    Report,
    ReportFlag,
    SourceRow,
    SuggestionItem,
    Swap,
)

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
LOAD_TITLE = (
    "Diuretic load by group (estimated extra urinary calcium, mg Ca/day; caffeine "
    "5 mg/100 mg, protein 1 mg/g, sodium 40 mg/2,300 mg; absorption partly compensates)"
)
FLAGS_TITLE = "Flags (confidence of the evidence: V verified, S secondary, M memory, C computed)"
#: Units written the same in the plural.
MASS_VOLUME_ABBREVIATIONS = frozenset(
    {
        "g",
        "mg",
        "kg",
        "oz",
        "lb",
        "ml",
        "l",
        "dl",
        "cl",
        "fl oz",
        "tbsp",
        "tsp",
        "large",
        "medium",
        "small",
        "each",
        "whole",
    }
)
#: Flag levels, most serious first.
LEVEL_ORDER = {"alert": 0, "warning": 1, "info": 2}
#: The projected figures, in the order shown.
PROJECTED = (
    ("absorbable_calcium_mg", "absorbable calcium"),
    ("calcium_mg", "calcium"),
    ("magnesium_mg", "magnesium"),
    ("potassium_mg", "potassium"),
)


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
    """The days table: header, one row of cells per logged day, and whether any cell is
    marked :data:`PARTIAL_MARK` (some of that day's entries lack the value)."""
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
        rows.append([when, *cells])
    return header, rows, marked


def weekly_value(value: float | None, cov: MineralCoverage | None, unit: str = "mg") -> str:
    """A weekly value, as "at least" when too few entries have it, * when a few lack it.

    Examples
    --------
    >>> few = MineralCoverage(entries=4, unknown=1, known=3, complete=False, usable=False)
    >>> weekly_value(350.0, few), weekly_value(None, few)
    ('at least 350 mg', 'unknown')
    """
    text = number(value, 0, unit)
    if cov is None or value is None or cov.complete:
        return text
    return f"at least {text}" if not cov.usable else text + PARTIAL_MARK


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


def ratio_unknown(report: Report) -> str | None:
    """``The Ca:P ratio cannot be computed: ...`` when the week's ratio is unknown."""
    if report.week.ca_p_mass_ratio is not None:
        return None
    reasons = ratio_reasons(report)
    if not reasons:
        return None
    return f"The Ca:P ratio cannot be computed: {'; '.join(reasons)}."


def targets_heading(report: Report) -> str:
    """The heading of the week-against-targets table (days, profile, life stage)."""
    days = report.week.days
    return (
        f"The week against targets (per-day averages over {days} logged "
        f"day{'s' if days != 1 else ''}; profile: {report.profile.description}, "
        f"DRI life stage {report.targets.life_stage}; UL = tolerable upper intake level)"
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
    lines = ["also per day: " + ", ".join(extra)]
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


def _first_clause(message: str) -> str:
    """A day flag's message up to its first sentence or clause (the finding, not the why)."""
    cut = [i for i in (message.find("; "), message.find(". ")) if i > 0]
    return message[: min(cut)] if cut else message.rstrip(".")


def _days_phrase(dated: list[str], days: int) -> str:
    if len(dated) == days and days > 1:
        return f"every logged day ({days} of {days})"
    if len(dated) == 1:
        return f"1 of {days} days"
    weekdays = ", ".join(pd.Timestamp(d).strftime("%a") for d in dated)
    return f"{len(dated)} of {days} days ({weekdays})"


@dataclass(frozen=True)
class Finding:
    """One finding of the week: its flags (of one code) in plain words.

    ``level`` is the most serious of its flags; ``text`` the finding; ``details`` the days
    it also held on and what is an underestimate; ``source`` and ``confidence`` the
    evidence (V verified, S secondary, M memory, C computed).
    """

    level: str
    text: str
    source: str
    confidence: str
    details: list[str] = field(default_factory=list)


def _finding(flags: list[ReportFlag], days: int) -> Finding:
    """One finding: the week's flag first, then on which days it also held."""
    week_flags = [f for f in flags if not f.date]
    day_flags = [f for f in flags if f.date]
    dated = sorted({str(f.date) for f in day_flags})
    head = week_flags[0] if week_flags else day_flags[0]
    level = min((f.level for f in flags), key=lambda lv: LEVEL_ORDER.get(lv, 3))
    details = []
    if week_flags:
        text = head.message
        if dated:
            details.append(
                f"also on {_days_phrase(dated, days)}, e.g. {_first_clause(day_flags[0].message)}"
            )
    elif len(dated) > 1:
        text = f"{_days_phrase(dated, days)}, e.g. {head.message}"
    else:
        text = f"{_days_phrase(dated, days)}: {head.message}"
    said = "unknown for" in head.message  # the engine may say it itself
    if week_flags and week_flags[0].underestimate and not said:
        details.append(f"the week's value is an underestimate ({week_flags[0].underestimate})")
    short = [f for f in day_flags if f.underestimate]
    if short and not said:
        details.append(
            f"on {len(short)} of these days the value is an underestimate "
            f"({short[0].underestimate})"
        )
    return Finding(level, text, head.reference, head.confidence, details)


def findings(report: Report) -> list[Finding]:
    """The report's flags grouped by finding, most serious first."""
    by_code: dict[str, list[ReportFlag]] = {}
    for flag in report.flags:
        by_code.setdefault(flag.base_code, []).append(flag)

    def order(item: tuple[str, list[ReportFlag]]) -> int:
        return min(LEVEL_ORDER.get(f.level, 3) for f in item[1])

    return [_finding(flags, report.week.days) for _, flags in sorted(by_code.items(), key=order)]


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


def plural(unit: str, amount: float) -> str:
    """The unit for ``amount`` of it: ``slices``, but ``g`` and ``oz`` unchanged."""
    if amount == 1 or unit in MASS_VOLUME_ABBREVIATIONS or unit.endswith("s"):
        return unit
    return unit + "s"


def amount_text(row: SourceRow | Swap) -> str:
    """How much of a source was eaten: ``5 slices this week`` or ``120 g a day``."""
    amount, unit, days = row.amount_per_day, row.unit, row.days
    if amount is not None and unit and days:
        total = amount * days
        return f"{total:.3g} {plural(unit, total)} this week"
    if row.grams_per_day is None:
        return "amount not known"  # e.g. an app's recipe with nutrients but no grams
    return f"{number(row.grams_per_day, 0)} g a day"


def source_lines(report: Report) -> list[str]:
    """The largest sources and the swaps, one sentence each (empty: nothing to list)."""
    top = report.top_sources
    lines = []
    for row in top.phosphorus:
        share = row.phosphorus_share
        share_text = "" if share is None else f", {100 * share:.0f}% of the week's P"
        lines.append(
            f"phosphorus: {row.food} ({amount_text(row)}): "
            f"{number(row.phosphorus_mg, 0)} mg P a day{share_text}"
        )
    for row in top.diuretic_load:
        lines.append(
            f"diuretic load: {row.food} ({amount_text(row)}): "
            f"{number(row.diuretic_load_mg, 0)} mg Ca a day"
        )
    for swap in report.swaps:
        lines.append(
            f"swap: {swap.food} ({amount_text(swap)}; {number(swap.phosphorus_mg, 0)} mg P "
            f"and {number(swap.caffeine_mg, 0)} mg caffeine a day) -> {swap.swap}: saves "
            f"{number(swap.saves_phosphorus_mg, 0)} mg P and "
            f"{number(swap.saves_caffeine_mg, 0)} mg caffeine a day"
        )
    return lines


def serving_text(item: SuggestionItem) -> str:
    """What one serving of a suggested green adds: ``340 g each: +714 mg Ca (...)``."""
    adds = item.adds_per_serving
    return (
        f"{item.grams:.0f} g each: +{number(adds.calcium_mg)} mg Ca "
        f"({number(adds.absorbable_calcium_mg)} absorbable), "
        f"{number(adds.phosphorus_mg)} mg P, {number(adds.magnesium_mg)} mg Mg, "
        f"{number(adds.potassium_mg)} mg K"
    )


def projection_lines(report: Report) -> list[str]:
    """The week per day now and with the greens, one figure a line."""
    now, then = report.current, report.projected
    lines = [
        f"Ca:P mass ratio {number(now.ca_p_mass_ratio, 2)} -> "
        f"{number(then.ca_p_mass_ratio, 2)} (target {report.targets.ca_p_mass_ratio:.2f})"
    ]
    for key, name in PROJECTED:
        before, after = getattr(now, key), getattr(then, key)
        if before is None and after is None:
            lines.append(f"{name} unknown")
            continue
        lines.append(
            f"{name} {number(before, 0)} -> {number(after, 0)} mg "
            f"({number(now.percent_of_target.get(key), 0)}% -> "
            f"{number(then.percent_of_target.get(key), 0)}% of target)"
        )
    return lines


def not_used_heading(report: Report) -> str:
    """``Not used (2 rows)``, or that every row of the week was used."""
    count = len(report.not_used)
    if not count:
        return "Not used: none (every row of the week was used)"
    return f"Not used ({count} row{'s' if count != 1 else ''})"


def not_used_line(row: NotUsedRow) -> str:
    """``line 14: cheddar cheese: unknown unit 'furlongs' ...``."""
    return f"line {row.line}: {row.food}: {row.reason}"


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
