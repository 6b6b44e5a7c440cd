"""The weekly report as plain text: the :class:`~analyzer.report.model.Report` rendered.

Sections: title, what the diary lacks (first, before any verdict), a table of the days, the
week against targets, the flags (grouped by finding, with source and confidence), what
cannot be judged and why, the diuretic load by group (with the coefficients used), the
largest sources and swaps, the suggested greens with their caveats, the non-green sources
and the projected week, rows not used, notes, how sure the figures are, and a one-line
not-medical-advice note. Pure formatting: every rule (which week, which days are complete,
which days' ratios can be shown, what is an underestimate) was applied by the builder.
"""

from __future__ import annotations

import math
from typing import Any

import pandas as pd

from analyzer.nutrients import CA_P, GROUP_LABELS, TARGET_MINERALS
from analyzer.report.model import MineralCoverage, Report, SourceRow, Swap
from analyzer.report.plan import format_cups
from analyzer.report.text_flags import cannot_judge_section, flags_section

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


def _num(value: Any, digits: int = 0, unit: str = "") -> str:
    if value is None or (isinstance(value, float) and math.isnan(value)):
        return "unknown"
    text = f"{value:,.{digits}f}"
    return f"{text} {unit}" if unit else text


def _table(header: list[str], rows: list[list[str]], left: int = 1) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


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
PARTIAL_MARK = "*"


def _days_section(report: Report) -> list[str]:
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
    lines = [DAYS_LEGEND, *_table(header, rows)]
    if marked:
        lines.append(
            f"  {PARTIAL_MARK} some of that day's entries lack this value: the total counts "
            "only the known values (an underestimate; a ratio is approximate, and not shown "
            "when too few entries have both minerals)"
        )
    return lines


def _value(value: float | None, cov: MineralCoverage | None, unit: str = "mg") -> str:
    """A weekly value, as "at least" when too few entries have it, * when a few lack it."""
    text = _num(value, 0, unit)
    if cov is None or value is None or cov.complete:
        return text
    return f"at least {text}" if not cov.usable else text + PARTIAL_MARK


def _is(names: list[str]) -> str:
    return "is" if len(names) == 1 else "are"


def _shown_percent(percent: float | None, cov: MineralCoverage | None) -> str:
    shown = "-" if percent is None else f"{percent:.0f}%"
    if percent is not None and cov is not None and not cov.usable:
        shown = f"at least {shown}"
    return shown


def _target_rows(report: Report) -> list[list[str]]:
    week, targets = report.week, report.targets
    pct = week.percent_of_target
    uls = {"calcium": targets.calcium_ul_mg, "phosphorus": targets.phosphorus_ul_mg}
    rows = []
    for mineral in TARGET_MINERALS:
        key = f"{mineral}_mg"
        cov = report.coverage.get(mineral)
        shown = _value(getattr(week, key), cov)
        if mineral == "calcium" and report.calcium_approximate and shown != "unknown":
            shown = f"about {shown}"
        ul = uls.get(mineral)
        rows.append(
            [
                mineral,
                shown,
                f"{targets.kinds.get(mineral, 'target')} {_num(getattr(targets, key), 0, 'mg')}",
                _shown_percent(pct.get(key), cov),
                f"UL {_num(ul, 0, 'mg')}" if ul is not None else "",
            ]
        )
        if mineral == "calcium":
            rows.append(
                [
                    "absorbable calcium",
                    _value(week.absorbable_calcium_mg, cov),
                    f"target {_num(targets.absorbable_calcium_mg, 0, 'mg')}",
                    _shown_percent(pct.get("absorbable_calcium_mg"), cov),
                    "",
                ]
            )
    ratio, molar = week.ca_p_mass_ratio, week.ca_p_molar_ratio
    rows.append(
        [
            "Ca:P mass ratio",
            _num(ratio, 2),
            f"target {targets.ca_p_mass_ratio:.2f}",
            "-" if ratio is None else f"molar {_num(molar, 2)}",
            "",
        ]
    )
    return rows


def _ratio_reasons(coverage: dict[str, MineralCoverage]) -> list[str]:
    """Why the week's Ca:P ratio cannot be computed, from the coverage of Ca and P."""
    absent = [m for m in CA_P if m in coverage and coverage[m].known == 0]
    sparse = [m for m in CA_P if m in coverage and m not in absent and not coverage[m].usable]
    reasons = []
    if absent:
        reasons.append(f"{' and '.join(absent)} {_is(absent)} not in this diary")
    if sparse:
        reasons.append(f"{' and '.join(sparse)} {_is(sparse)} known for too few entries")
    return reasons


def _targets_section(report: Report) -> list[str]:
    week, targets = report.week, report.targets
    days = week.days
    logged = week.days_logged or days
    over = f"{days} logged day{'s' if days != 1 else ''}"
    if logged != days:
        over = f"{days} complete day{'s' if days != 1 else ''} of {logged} logged"
    head = (
        f"The week against targets (per-day averages over {over}; profile: "
        f"{report.profile.description}, DRI life stage {targets.life_stage}; UL = tolerable "
        "upper intake level)"
    )
    header = ["", "per day", "target", "% of target", "upper limit"]
    lines = [head, *_table(header, _target_rows(report))]
    extra = [
        f"sodium {_num(week.sodium_mg, 0, 'mg')}",
        f"caffeine {_num(week.caffeine_mg, 0, 'mg')}",
        f"protein {_num(week.protein_g, 0, 'g')}",
        f"PRAL {_num(week.pral_meq, 1, 'mEq')}",
    ]
    lines.append("  also per day: " + ", ".join(extra))
    info = report.absorption
    if info.default_index_share is not None and not report.totals_only:
        lines.append(
            f"  absorbable calcium: {info.default_index_share:.0%} of the calcium rests on the "
            f"default absorption index 0.5 (an assumption): grade '{info.grade}'"
            + (", eating times unknown (upper bound)" if info.occasions == "entry" else "")
        )
    if report.calcium_approximate:
        lines.append(
            "  Calcium is approximate: some entries give it only as % of a Daily Value "
            "(see the notes)."
        )
    known = [f"{m} {c.known} of {c.entries}" for m, c in report.coverage.items() if not c.complete]
    if known:
        lines.append("  entries with a value: " + ", ".join(known) + " (see the notes)")
    reasons = _ratio_reasons(report.coverage) if week.ca_p_mass_ratio is None else []
    if not days:
        lines.append("  No complete day this week: nothing to average (see what the diary lacks).")
    elif reasons:
        lines.append(f"  The Ca:P ratio cannot be computed: {'; '.join(reasons)}.")
    return lines


def _load_section(report: Report) -> list[str]:
    k = report.load_coefficients
    lines = [
        "Diuretic load by group (estimated calcium cost, mg Ca/day: lower calcium balance "
        f"from caffeine, {k.caffeine_calcium_mg:g} mg/{k.caffeine_reference_mg:g} mg; urinary "
        f"calcium from protein, {k.protein_calcium_mg_per_g:g} mg/g ({k.protein_source}), and "
        f"sodium, {k.sodium_calcium_mg:g} mg/{k.sodium_reference_mg:,.0f} mg; absorption "
        "partly compensates)"
    ]
    if report.totals_only:
        return [*lines, "  unknown: the diary has app totals, not foods, so no food groups"]
    rows = []
    for row in report.diuretic_load:
        share = row.phosphorus_share
        rows.append(
            [
                GROUP_LABELS.get(row.group, row.group),
                _num(row.diuretic_load_mg, 0),
                _num(row.caffeine_calcium_mg, 1),
                _num(row.protein_calcium_mg, 1),
                _num(row.sodium_calcium_mg, 1),
                _num(row.phosphorus_mg, 0),
                "-" if share is None else f"{100 * share:.0f}%",
            ]
        )
    header = ["group", "load", "caffeine", "protein", "sodium", "P mg", "share of P"]
    return lines + (_table(header, rows) if rows else ["  no entries"])


def _amount(row: SourceRow | Swap) -> str:
    amount, unit, days = row.amount_per_day, row.unit, row.days
    if amount is not None and unit and days:
        total = amount * days
        return f"{total:.3g} {_plural(unit, total)} this week"
    if row.grams_per_day is None:
        return "amount not known"  # e.g. an app's recipe with nutrients but no grams
    return f"{_num(row.grams_per_day, 0)} g a day"


def _plural(unit: str, amount: float) -> str:
    if amount == 1 or unit in MASS_VOLUME_ABBREVIATIONS or unit.endswith("s"):
        return unit
    return unit + "s"


def _sources_section(report: Report) -> list[str]:
    lines = ["Largest sources this week (per day)"]
    if report.totals_only:
        return [*lines, "  unknown: the diary has app totals, not foods"]
    top = report.top_sources
    if not (top.phosphorus or top.diuretic_load):
        return [*lines, "  none with a known value"]
    for row in top.phosphorus:
        share = row.phosphorus_share
        share_text = "" if share is None else f", {100 * share:.0f}% of the week's P"
        lines.append(
            f"  phosphorus: {row.food} ({_amount(row)}): "
            f"{_num(row.phosphorus_mg, 0)} mg P a day{share_text}"
        )
    for row in top.diuretic_load:
        lines.append(
            f"  diuretic load: {row.food} ({_amount(row)}): "
            f"{_num(row.diuretic_load_mg, 0)} mg Ca a day"
        )
    for swap in report.swaps:
        lines.append(
            f"  swap: {swap.food} ({_amount(swap)}; {_num(swap.phosphorus_mg, 0)} mg P "
            f"and {_num(swap.caffeine_mg, 0)} mg caffeine a day) -> {swap.swap}: saves "
            f"{_num(swap.saves_phosphorus_mg, 0)} mg P and "
            f"{_num(swap.saves_caffeine_mg, 0)} mg caffeine a day"
        )
    return lines


#: The projected figures, in the order shown.
PROJECTED = (
    ("absorbable_calcium_mg", "absorbable calcium"),
    ("calcium_mg", "calcium"),
    ("magnesium_mg", "magnesium"),
    ("potassium_mg", "potassium"),
)


def _projection_lines(report: Report) -> list[str]:
    now, then = report.current, report.projected
    goal = report.plan.ratio_goal
    target = f"target {report.targets.ca_p_mass_ratio:.2f}"
    if goal is not None and goal < report.targets.ca_p_mass_ratio - 1e-9:
        target = f"goal {goal:.2f}: {target} would take calcium above the RDA"
    lines = [
        "  The week per day, now -> with these greens:",
        f"      Ca:P mass ratio {_num(now.ca_p_mass_ratio, 2)} -> "
        f"{_num(then.ca_p_mass_ratio, 2)} ({target})",
    ]
    for key, name in PROJECTED:
        before, after = getattr(now, key), getattr(then, key)
        if before is None and after is None:
            lines.append(f"      {name} unknown")
            continue
        lines.append(
            f"      {name} {_num(before, 0)} -> {_num(after, 0)} mg "
            f"({_num(now.percent_of_target.get(key), 0)}% -> "
            f"{_num(then.percent_of_target.get(key), 0)}% of target)"
        )
    return lines


def _greens_section(report: Report) -> list[str]:
    lines = ["Suggested greens (cooked; each serving eaten as its own meal)"]
    for item in report.suggestions:
        adds = item.adds_per_serving
        lines.append(f"  {item.text}")
        lines.append(
            f"      {item.grams:.0f} g each: +{_num(adds.calcium_mg)} mg Ca "
            f"({_num(adds.absorbable_calcium_mg)} absorbable), "
            f"{_num(adds.phosphorus_mg)} mg P, {_num(adds.magnesium_mg)} mg Mg, "
            f"{_num(adds.potassium_mg)} mg K"
        )
    if report.suggestions:
        lines += _projection_lines(report)
    lines.append(f"  {report.plan.message}")
    lines += [f"  Caveat: {caveat}" for caveat in report.plan.caveats]
    if report.alternatives:
        lines.append("  Or instead, non-green sources (one serving, eaten alone):")
        for other in report.alternatives:
            lines.append(
                f"    {format_cups(other.amount)} {other.name}: {_num(other.calcium_mg)} mg Ca "
                f"({_num(other.absorbable_calcium_mg)} absorbable), "
                f"{_num(other.phosphorus_mg)} mg P; {other.label}"
            )
    return lines


def _not_used_section(report: Report) -> list[str]:
    rows = report.not_used
    if not rows:
        return ["Not used: none (every row of the week was used)"]
    lines = [f"Not used ({len(rows)} row{'s' if len(rows) != 1 else ''})"]
    for row in rows:
        lines.append(f"  line {row.line}: {row.food}: {row.reason}")
    return lines


def _lead_section(report: Report) -> list[str]:
    """What the diary lacks, first: the statement, then each incomplete day and why."""
    lead = report.completeness
    lines = ["What the diary lacks", f"  {lead.statement}"]
    for day in lead.incomplete_days:
        when = pd.Timestamp(day.date).strftime("%a %Y-%m-%d")
        lines.append(f"    {when}: {day.reason}")
    return lines


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


def render_text(report: Report) -> str:
    """The report as plain text for the terminal.

    Parameters
    ----------
    report : Report
        From :func:`analyzer.report.build_report`.

    Returns
    -------
    str
        Sections: title, what the diary lacks, days, the week against targets, flags, what
        cannot be judged, diuretic load by group, the largest sources and swaps, the suggested
        greens with their caveats, the non-green sources and the projected week, rows not
        used, notes, how sure the figures are and a one-line not-medical-advice note.
    """
    heading = title(report)
    sections = [
        [heading, "=" * len(heading)],
        _lead_section(report),
        _days_section(report),
        _targets_section(report),
        flags_section(report),
        cannot_judge_section(report),
        _load_section(report),
        _sources_section(report),
        _greens_section(report),
        _not_used_section(report),
        ["Notes", *[f"  - {note}" for note in report.notes]],
        ["How sure these figures are", *[f"  - {line}" for line in report.confidence]],
        [report.disclaimer],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"
