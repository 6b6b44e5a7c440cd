"""What the report says in sentences: its findings, sources, greens and rows not used.

Shared by the text and HTML renderers (as :mod:`analyzer.report.formatting` is for its
numbers and tables): a renderer lays these sentences out and never words a finding itself.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import pandas as pd

from analyzer.report.formatting import lowered_ratio_goal, number
from analyzer.report.model import NotUsedRow, Report, ReportFlag, SourceRow, SuggestionItem, Swap
from analyzer.report.plan import format_cups

FLAGS_TITLE = "Flags (confidence of the evidence: V verified, S secondary, M memory, C computed)"
CANNOT_JUDGE_TITLE = "Cannot judge (the data are incomplete; see what the diary lacks)"
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


def _first_clause(message: str) -> str:
    """A day flag's message up to its first sentence or clause (the finding, not the why)."""
    cut = [i for i in (message.find("; "), message.find(". ")) if i > 0]
    return message[: min(cut)] if cut else message.rstrip(".")


def _days_phrase(dated: list[str], days: int) -> str:
    """``'2 of 5 logged days (Mon, Tue)'``: the days a flag held on, of the days logged (a
    day flag may be on an incomplete day, which the week's averages leave out)."""
    if len(dated) == days and days > 1:
        return f"every logged day ({days} of {days})"
    logged = f"{days} logged day" + ("s" if days != 1 else "")
    if len(dated) == 1:
        return f"1 of {logged}"
    weekdays = ", ".join(pd.Timestamp(d).strftime("%a") for d in dated)
    return f"{len(dated)} of {logged} ({weekdays})"


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

    logged = max(report.week.days_logged, report.week.days)
    return [_finding(flags, logged) for _, flags in sorted(by_code.items(), key=order)]


def cannot_judge_lines(report: Report) -> list[str]:
    """Findings the data cannot support, one line each (grouped by finding), then how many
    more of a kind there were: ``(calcium below rda: 3 more like it)``."""
    lines = []
    seen: dict[str, int] = {}
    for flag in report.cannot_judge:
        seen[flag.base_code] = seen.get(flag.base_code, 0) + 1
        if seen[flag.base_code] == 1:
            lines.append(flag.message)
    for code, count in seen.items():
        if count > 1:
            lines.append(f"({code.replace('_', ' ')}: {count - 1} more like it)")
    return lines


def plural(unit: str, amount: float) -> str:
    """The unit for ``amount`` of it: ``slices``, but ``g`` and ``oz`` unchanged."""
    if amount == 1 or unit in MASS_VOLUME_ABBREVIATIONS or unit.endswith("s"):
        return unit
    return unit + "s"


def amount_text(row: SourceRow | Swap) -> str:
    """How much of a source was eaten in the days the week's figures average: ``5 slices in
    7 days``, or its grams (``840 g in 4 days``) when its entries use different units."""
    amount, unit, days = row.amount_per_day, row.unit, row.days
    span = f"in {days} day{'s' if days != 1 else ''}"
    if amount is not None and unit and days:
        total = amount * days
        shown = f"{total:,.0f}" if total >= 100 else f"{total:.3g}"  # never 1e+03
        return f"{shown} {plural(unit, total)} {span}"
    if row.grams_per_day is None:
        return "amount not known"  # e.g. an app's recipe with nutrients but no grams
    if days:
        return f"{number(row.grams_per_day * days, 0)} g {span}"
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
    goal = lowered_ratio_goal(report)
    target = f"target {report.targets.ca_p_mass_ratio:.2f}"
    if goal is not None:
        target = f"goal {goal:.2f}: {target} would take calcium above the RDA"
    lines = [
        f"Ca:P mass ratio {number(now.ca_p_mass_ratio, 2)} -> "
        f"{number(then.ca_p_mass_ratio, 2)} ({target})"
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


def caveat_lines(report: Report) -> list[str]:
    """The caveats the suggested greens bring: ``Caveat: ...``."""
    return [f"Caveat: {caveat}" for caveat in report.plan.caveats]


#: Said before the non-green sources.
ALTERNATIVES_TITLE = "Or instead, non-green sources (one serving, eaten alone):"


def alternative_lines(report: Report) -> list[str]:
    """Non-green calcium sources, one serving each, with their label."""
    return [
        f"{format_cups(other.amount)} {other.name}: {number(other.calcium_mg)} mg Ca "
        f"({number(other.absorbable_calcium_mg)} absorbable), "
        f"{number(other.phosphorus_mg)} mg P; {other.label}"
        for other in report.alternatives
    ]


#: Said before the supplement the plan names (never the first answer).
SUPPLEMENT_TITLE = "If food is not enough: a calcium supplement"


def supplement_lines(report: Report) -> list[str]:
    """The supplement the plan names, its caveat and its source (none when not named)."""
    option = report.supplement_option
    if option is None:
        return []
    return [
        option.text,
        f"Caveat: {option.caveat}",
        f"source: {option.source}; confidence {option.confidence}",
    ]


def not_used_heading(report: Report) -> str:
    """``Not used (2 rows)``, or that every row of the week was used."""
    count = len(report.not_used)
    if not count:
        return "Not used: none (every row of the week was used)"
    return f"Not used ({count} row{'s' if count != 1 else ''})"


def not_used_line(row: NotUsedRow) -> str:
    """``line 14: cheddar cheese: unknown unit 'furlongs' ...``."""
    return f"line {row.line}: {row.food}: {row.reason}"
