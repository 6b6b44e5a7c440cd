"""The weekly report as plain text: the :class:`~analyzer.report.model.Report` rendered.

Sections: title, what the diary lacks (first, before any verdict), a table of the days, the
week against targets, the flags (grouped by finding, with source and confidence), what
cannot be judged and why, the diuretic load by group (with the coefficients used), the
largest sources and swaps, the suggested greens with their caveats, the non-green sources
(and, only when greens cannot close the calcium gap, a calcium supplement) and the projected
week, rows not used, notes, how sure the figures are, and a one-line
not-medical-advice note. Pure layout: the cells come from :mod:`analyzer.report.formatting`
and the sentences from :mod:`analyzer.report.wording`, shared with the HTML renderer.
"""

from __future__ import annotations

from collections.abc import Sequence

from analyzer.report import formatting as fmt
from analyzer.report import wording
from analyzer.report.model import Report


def _table(header: Sequence[str], rows: list[list[str]], left: int = 1) -> list[str]:
    widths = [max(len(r[i]) for r in [header, *rows]) for i in range(len(header))]
    lines = []
    for row in [header, *rows]:
        cells = [
            c.ljust(w) if i < left else c.rjust(w)
            for i, (c, w) in enumerate(zip(row, widths, strict=True))
        ]
        lines.append("  " + "  ".join(cells).rstrip())
    return lines


def _indented(lines: list[str], indent: str = "  ") -> list[str]:
    return [indent + line for line in lines]


def _lead_section(report: Report) -> list[str]:
    """What the diary lacks, first: the statement, then each incomplete day and why."""
    statement, days = fmt.lead_lines(report)
    return ["What the diary lacks", f"  {statement}", *_indented(days, "    ")]


def _days_section(report: Report) -> list[str]:
    header, rows, marked = fmt.day_rows(report)
    lines = [fmt.DAYS_LEGEND, *_table(header, rows)]
    if marked:
        lines.append("  " + fmt.PARTIAL_NOTE)
    return lines


def _targets_section(report: Report) -> list[str]:
    lines = [fmt.targets_heading(report), *_table(fmt.TARGET_HEADER, fmt.target_rows(report))]
    return lines + _indented(fmt.target_remarks(report))


def _flags_section(report: Report) -> list[str]:
    """Flags grouped by finding, most serious first."""
    lines = [wording.FLAGS_TITLE]
    if not report.flags:
        return [*lines, "  none for this week"]
    for finding in wording.findings(report):
        lines.append(f"  [{finding.level}] {finding.text}")
        lines += _indented(finding.details, "      ")
        lines.append(f"      source: {finding.source}; confidence {finding.confidence}")
    return lines


def _cannot_judge_section(report: Report) -> list[str]:
    """Findings the data cannot support, each with its reason (grouped by finding)."""
    if not report.cannot_judge:
        return []
    lines = [wording.CANNOT_JUDGE_TITLE]
    for line in wording.cannot_judge_lines(report):
        lines.append(f"    {line}" if line.startswith("(") else f"  - {line}")
    return lines


def _load_section(report: Report) -> list[str]:
    lines = [fmt.load_title(report)]
    if report.totals_only:
        return [*lines, "  unknown: the diary has app totals, not foods, so no food groups"]
    rows = fmt.load_rows(report)
    if not rows:
        return [*lines, "  no entries"]
    note = fmt.load_note(report)
    return lines + _table(fmt.LOAD_HEADER, rows) + ([f"  {note}"] if note else [])


def _sources_section(report: Report) -> list[str]:
    lines = ["Largest sources this week (per day)"]
    if report.totals_only:
        return [*lines, "  unknown: the diary has app totals, not foods"]
    sources = wording.source_lines(report)
    return lines + (_indented(sources) if sources else ["  none with a known value"])


def _greens_section(report: Report) -> list[str]:
    lines = ["Suggested greens (cooked; each serving eaten as its own meal)"]
    for item in report.suggestions:
        lines += [f"  {item.text}", f"      {wording.serving_text(item)}"]
    if report.suggestions:
        lines.append("  The week per day, now -> with these greens:")
        lines += _indented(wording.projection_lines(report), "      ")
    lines.append(f"  {report.plan.message}")
    lines += _indented(wording.caveat_lines(report))
    if report.alternatives:
        lines.append(f"  {wording.ALTERNATIVES_TITLE}")
        lines += _indented(wording.alternative_lines(report), "    ")
    if report.supplement_option is not None:
        lines.append(f"  {wording.SUPPLEMENT_TITLE}")
        lines += _indented(wording.supplement_lines(report), "    ")
    return lines


def _not_used_section(report: Report) -> list[str]:
    lines = [wording.not_used_line(row) for row in report.not_used]
    return [wording.not_used_heading(report), *_indented(lines)]


def _matches_section(report: Report) -> list[str]:
    """Foods matched by a best guess or a sibling: the user's words beside the USDA food."""
    rows = report.check_matches
    if not rows:
        return []
    lines = ["Check these matches (your words -> the USDA food used; correct one with --aliases)"]
    for row in rows:
        times = f"{row.entries} entr{'ies' if row.entries != 1 else 'y'}"
        lines.append(
            f"  {row.food!r} -> {row.food_id} {row.description} "
            f"({row.confidence}: {row.note}; {times})"
        )
    return lines


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
        used, the matches to check (when any), notes, how sure the figures are and a one-line
        not-medical-advice note.
    """
    heading = fmt.title(report)
    sections = [
        [heading, "=" * len(heading)],
        _lead_section(report),
        _days_section(report),
        _targets_section(report),
        _flags_section(report),
        _cannot_judge_section(report),
        _load_section(report),
        _sources_section(report),
        _greens_section(report),
        _not_used_section(report),
        _matches_section(report),
        ["Notes", *[f"  - {note}" for note in report.notes]],
        ["How sure these figures are", *[f"  - {line}" for line in report.confidence]],
        [report.disclaimer],
    ]
    return "\n\n".join("\n".join(lines) for lines in sections if lines) + "\n"
