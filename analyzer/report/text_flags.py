"""The flags of the text report: grouped by finding, and what cannot be judged.

Pure formatting of :attr:`Report.flags` and :attr:`Report.cannot_judge` (see
:mod:`analyzer.report.text`).
"""

from __future__ import annotations

import pandas as pd

from analyzer.report.model import Report, ReportFlag

_LEVEL_ORDER = {"alert": 0, "warning": 1, "info": 2}


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


def _flag_lines(flags: list[ReportFlag], days: int) -> list[str]:
    """One finding: the week's flag first, then on which days it also held."""
    week_flags = [f for f in flags if not f.date]
    day_flags = [f for f in flags if f.date]
    dated = sorted({str(f.date) for f in day_flags})
    head = week_flags[0] if week_flags else day_flags[0]
    level = min((f.level for f in flags), key=lambda lv: _LEVEL_ORDER.get(lv, 3))
    if week_flags:
        lines = [f"  [{level}] {head.message}"]
        if dated:
            lines.append(
                f"      also on {_days_phrase(dated, days)}, e.g. "
                f"{_first_clause(day_flags[0].message)}"
            )
    elif len(dated) > 1:
        lines = [f"  [{level}] {_days_phrase(dated, days)}, e.g. {head.message}"]
    else:
        lines = [f"  [{level}] {_days_phrase(dated, days)}: {head.message}"]
    said = "unknown for" in head.message  # the engine may say it itself
    if week_flags and week_flags[0].underestimate and not said:
        lines.append(f"      the week's value is an underestimate ({week_flags[0].underestimate})")
    short = [f for f in day_flags if f.underestimate]
    if short and not said:
        lines.append(
            f"      on {len(short)} of these days the value is an underestimate "
            f"({short[0].underestimate})"
        )
    lines.append(f"      source: {head.reference}; confidence {head.confidence}")
    return lines


def flags_section(report: Report) -> list[str]:
    """Flags grouped by finding, most serious first."""
    lines = ["Flags (confidence of the evidence: V verified, S secondary, M memory, C computed)"]
    if not report.flags:
        return [*lines, "  none for this week"]
    by_code: dict[str, list[ReportFlag]] = {}
    for flag in report.flags:
        by_code.setdefault(flag.base_code, []).append(flag)

    def order(item: tuple[str, list[ReportFlag]]) -> int:
        return min(_LEVEL_ORDER.get(f.level, 3) for f in item[1])

    for _, flags in sorted(by_code.items(), key=order):
        lines += _flag_lines(flags, report.week.days)
    return lines


def cannot_judge_section(report: Report) -> list[str]:
    """Findings the data cannot support, each with its reason (grouped by finding)."""
    if not report.cannot_judge:
        return []
    lines = ["Cannot judge (the data are incomplete; see what the diary lacks)"]
    seen: dict[str, int] = {}
    for flag in report.cannot_judge:
        seen[flag.base_code] = seen.get(flag.base_code, 0) + 1
        if seen[flag.base_code] == 1:
            lines.append(f"  - {flag.message}")
    for code, count in seen.items():
        if count > 1:
            lines.append(f"    ({code.replace('_', ' ')}: {count - 1} more like it)")
    return lines
