"""The weekly report as one self-contained HTML page, to share with a dietitian or doctor.

:func:`render_html` fills ``templates/report.html.j2`` (Jinja2 with autoescaping: every
string, above all the user's food names, notes and person ids, is HTML-escaped) with the
cells and sentences of :mod:`analyzer.report.formatting`, the same the text report shows,
in the order a reader needs them. The page has its stylesheet inline, no script, and a
Content-Security-Policy that lets it fetch nothing: it opens offline, reads on a phone (wide
tables scroll in their own box; WCAG 2.1 1.4.10 allows it for data tables) and prints on
A4 or Letter (no row cut, the chart, the entries and the notes each on a new page).

The chart is drawn by :mod:`analyzer.chart` (a later stage) and handed in as
:class:`HtmlFigure` items: ``render_html(report, report_figures(report))``.
"""

from __future__ import annotations

import functools
import re
from collections.abc import Sequence
from dataclasses import dataclass, field
from importlib.metadata import PackageNotFoundError, version
from typing import TYPE_CHECKING

import pandas as pd

from analyzer.report import formatting as fmt
from analyzer.report import wording
from analyzer.report.model import EntryRow, Report

if TYPE_CHECKING:
    from jinja2 import Environment

#: The sections, in the order a reader needs them: (id, heading).
SECTIONS = (
    ("covered", "What the diary covered"),
    ("targets", "The week against targets"),
    ("chart", "The week in charts"),
    ("flags", "Flags"),
    ("load", "Diuretic load by group"),
    ("sources", "Largest sources and swaps"),
    ("greens", "Suggested greens and the projected week"),
    ("entries", "Every entry as understood"),
    ("not-used", "Rows not used"),
    ("notes", "Notes"),
)
#: Written in a table cell whose value is unknown (as in the text report's days table).
UNKNOWN_CELL = "-"
#: Said next to an entry whose match the matcher marks as low-confidence.
CHECK_MARK = "check this match"


@dataclass(frozen=True)
class HtmlFigure:
    """One chart of the page: an inline ``<svg>`` element (from
    :func:`analyzer.chart.inline_svg`, trusted markup) and its caption (plain text)."""

    svg: str
    caption: str


#: A number and its unit: kept on one line in a table cell (a no-break space between them).
_NUMBER_UNIT = re.compile(r"(\d) (mg|g|mEq)\b")


@dataclass(frozen=True)
class Row:
    """A table row: its cells (the first is the row's header) and an optional CSS class."""

    cells: list[str]
    css: str = ""


def row_of(cells: Sequence[str], css: str = "") -> Row:
    """A row whose numbers stay with their units (``1,000 mg`` wraps whole on a phone)."""
    return Row([_NUMBER_UNIT.sub("\\1\u00a0\\2", cell) for cell in cells], css)


@dataclass(frozen=True)
class Table:
    """A table of the page: id, caption, optional legend, column headers, rows, the
    indices of the numeric columns (right-aligned) and of the wide text columns, and
    optional row groups (a label and its rows, e.g. one per day) instead of ``rows``."""

    id: str
    caption: str
    header: Sequence[str]
    rows: list[Row] = field(default_factory=list)
    numeric: frozenset[int] = frozenset()
    legend: str = ""
    wide: frozenset[int] = frozenset()
    groups: list[tuple[str, list[Row]]] = field(default_factory=list)

    @property
    def bodies(self) -> list[tuple[str, list[Row]]]:
        """The row groups, or the rows as one unlabelled group."""
        return self.groups or [("", self.rows)]

    def css(self, column: int) -> str:
        """The CSS class of a body cell of ``column``."""
        if column in self.numeric:
            return "num"
        return "text wide" if column in self.wide else "text"


@dataclass(frozen=True)
class Page:
    """Everything the template shows, as plain strings (escaped by the template)."""

    title: str
    profile: str
    generator: str
    disclaimer: str
    covered: list[tuple[str, list[str]]]
    days: Table
    partial_note: str
    targets: Table
    target_remarks: list[str]
    chart_intro: str
    charts: list[HtmlFigure]
    flags_legend: str
    findings: list[wording.Finding]
    cannot_judge_title: str
    cannot_judge: list[str]
    load: Table | None
    load_title: str
    load_unknown: str
    source_lines: list[str]
    sources_unknown: str
    suggestions: list[tuple[str, str]]
    projection: list[str]
    plan_message: str
    caveats: list[str]
    alternatives_title: str
    alternatives: list[str]
    supplement_title: str
    supplement: list[str]
    entries_intro: str
    entries: Table
    not_used_heading: str
    not_used: Table | None
    notes: list[str]
    confidence: list[str]
    references: list[str]
    sections: tuple[tuple[str, str], ...] = field(default=SECTIONS)

    def heading(self, section: str) -> str:
        """``3. The week in charts``: the section's number and heading."""
        for number, (key, heading) in enumerate(self.sections, start=1):
            if key == section:
                return f"{number}. {heading}"
        raise KeyError(section)


def _weekday(date: str | pd.Timestamp) -> str:
    return pd.Timestamp(date).strftime("%a %Y-%m-%d")


def covered_lines(report: Report) -> list[tuple[str, list[str]]]:
    """What the diary covered: first what it lacks (the report's lead statement, with each
    incomplete day and why), then the days logged and not, the entries used and not."""
    logged = {d.date for d in report.days}
    window = report.window_dates
    missing = [f"{d:%a}" for d in window if f"{d:%Y-%m-%d}" not in logged]
    days = f"{len(logged)} of {len(window)} days logged ({report.week.start} to {report.week.end})"
    used, rejected = len(report.entries), len(report.not_used)
    lines: list[tuple[str, list[str]]] = [
        (days + (f"; not logged: {', '.join(missing)}." if missing else "."), []),
        (
            f"{used} entr{'y' if used == 1 else 'ies'} used; {rejected} "
            f"row{'' if rejected == 1 else 's'} of the week not used (listed under "
            f"\u201c{SECTIONS[8][1]}\u201d).",
            [],
        ),
    ]
    statement, incomplete = fmt.lead_lines(report)
    lines.insert(0, (statement, incomplete))
    return lines


def _days_table(report: Report) -> tuple[Table, str]:
    header, rows, marked = fmt.day_rows(report)
    table = Table(
        id="days-table",
        caption="Days",
        legend=_sentence(fmt.DAYS_LEGEND.removeprefix("Days ").strip("()")),
        header=header,
        rows=[row_of(cells) for cells in rows],
        numeric=frozenset(range(1, len(header))),
    )
    return table, fmt.PARTIAL_NOTE if marked else ""


def _targets_table(report: Report) -> Table:
    return Table(
        id="targets-table",
        caption=fmt.targets_heading(report),
        header=["figure", *fmt.TARGET_HEADER[1:]],
        rows=[row_of(cells) for cells in fmt.target_rows(report)],
        numeric=frozenset({1, 3}),
    )


def _load_table(report: Report) -> Table | None:
    rows = fmt.load_rows(report)
    if report.totals_only or not rows:
        return None
    return Table(
        id="load-table",
        caption=fmt.load_title(report),
        legend=fmt.load_note(report),
        header=fmt.LOAD_HEADER,
        rows=[row_of(cells) for cells in rows],
        numeric=frozenset(range(1, len(fmt.LOAD_HEADER))),
    )


def _cell(value: float | None, approximate: bool = False) -> str:
    text = fmt.number(value, 0)
    if text == "unknown":
        return UNKNOWN_CELL
    return f"about {text}" if approximate else text


def _matched(entry: EntryRow) -> str:
    if entry.description:
        return entry.description
    if entry.is_total:
        return "the app's total (no foods)"
    return "the app's own values" if entry.source == "app" else UNKNOWN_CELL


def _entryrow_of(entry: EntryRow, with_match: bool) -> Row:
    cells = [
        entry.food,
        fmt.entry_amount(entry),
        _matched(entry),
        _cell(entry.calcium_mg, entry.approximate),
        _cell(entry.phosphorus_mg),
        _cell(entry.grams),
        entry.meal or UNKNOWN_CELL,
        UNKNOWN_CELL if entry.line is None else str(entry.line),
    ]
    if with_match:
        match = fmt.entry_match(entry)
        cells.append(f"{match}; {CHECK_MARK}" if entry.low_confidence else match)
    return row_of(cells, "check" if entry.low_confidence else "")


def _entries_table(report: Report) -> Table:
    """Every used entry, grouped by day; the user's words first, then what they became."""
    with_match = any(e.match_method or e.match_confidence is not None for e in report.entries)
    header = ["you wrote", "amount", "matched food (USDA SR28)", "Ca mg", "P mg", "grams"]
    header += ["meal", "diary line"] + (["match"] if with_match else [])
    groups: dict[str, list[Row]] = {}
    for entry in report.entries:
        groups.setdefault(_weekday(entry.date), []).append(_entryrow_of(entry, with_match))
    legend = (
        "Ca and P in mg for the amount eaten; - = unknown; about = converted from % Daily "
        "Value (approximate)"
    )
    if with_match:
        legend += f"; {CHECK_MARK} = a low-confidence match, worth checking"
    return Table(
        id="entries-table",
        caption=f"The week's {len(report.entries)} entries, by day and diary line",
        legend=legend,
        header=header,
        groups=list(groups.items()),
        numeric=frozenset({3, 4, 5, 7}),
        wide=frozenset({2}),
    )


def _not_used_table(report: Report) -> Table | None:
    if not report.not_used:
        return None
    rows = [
        row_of(
            [
                row.food or UNKNOWN_CELL,
                UNKNOWN_CELL if row.line is None else str(row.line),
                row.date or UNKNOWN_CELL,
                row.status or UNKNOWN_CELL,
                row.reason,
            ]
        )
        for row in report.not_used
    ]
    return Table(
        id="not-used-table",
        caption="Diary rows of the week that were not used, with the reason",
        header=["food", "line", "date", "status", "reason"],
        rows=rows,
        numeric=frozenset({1}),
        wide=frozenset({4}),
    )


def _arrow(text: str) -> str:
    """The text report's ``->`` as an arrow."""
    return text.replace(" -> ", " \u2192 ")


def _sentence(text: str) -> str:
    """``text`` with a capital first letter and a full stop."""
    return text[:1].upper() + text[1:] + ("" if text.endswith(".") else ".")


def generator() -> str:
    """``analyzer 0.1.0``: what made the page."""
    try:
        return f"analyzer {version('analyzer')}"
    except PackageNotFoundError:
        return "analyzer"


def build_page(report: Report, charts: Sequence[HtmlFigure] = ()) -> Page:
    """The page's content: every section of the report, as cells and sentences."""
    from markupsafe import Markup

    days, partial_note = _days_table(report)
    arrow = [_arrow(line) for line in wording.projection_lines(report)]
    person = f"; person {report.person}" if report.person else ""
    return Page(
        title=fmt.title(report),
        profile=f"Profile: {report.profile.description}{person}. "
        f"Targets: DRI life stage {report.targets.life_stage}.",
        generator=generator(),
        disclaimer=report.disclaimer,
        covered=covered_lines(report),
        days=days,
        partial_note=partial_note,
        targets=_targets_table(report),
        target_remarks=fmt.target_remarks(report),
        chart_intro="Every figure drawn is in the tables above; each chart's description "
        "lists its values for screen readers."
        if charts
        else "The chart was not drawn for this file.",
        charts=[HtmlFigure(Markup(c.svg), c.caption) for c in charts],  # trusted SVG
        flags_legend=_sentence(wording.FLAGS_TITLE.removeprefix("Flags (").rstrip(")")),
        findings=wording.findings(report),
        cannot_judge_title=wording.CANNOT_JUDGE_TITLE,
        cannot_judge=wording.cannot_judge_lines(report),
        load=_load_table(report),
        load_title=fmt.load_title(report),
        load_unknown="Unknown: the diary has app totals, not foods, so no food groups."
        if report.totals_only
        else "No entries.",
        source_lines=[]
        if report.totals_only
        else [_arrow(s) for s in wording.source_lines(report)],
        sources_unknown="Unknown: the diary has app totals, not foods."
        if report.totals_only
        else "None with a known value.",
        suggestions=[(item.text, wording.serving_text(item)) for item in report.suggestions],
        projection=arrow,
        plan_message=report.plan.message,
        caveats=wording.caveat_lines(report),
        alternatives_title=wording.ALTERNATIVES_TITLE if report.alternatives else "",
        alternatives=wording.alternative_lines(report),
        supplement_title=wording.SUPPLEMENT_TITLE if report.supplement_option else "",
        supplement=wording.supplement_lines(report),
        entries_intro="What the tool understood from each used row of the diary this week: "
        "your words, the food they were matched to, and the amounts.",
        entries=_entries_table(report),
        not_used_heading=wording.not_used_heading(report),
        not_used=_not_used_table(report),
        notes=list(report.notes),
        confidence=list(report.confidence),
        references=list(report.sources),
    )


@functools.cache
def environment() -> Environment:
    """The template environment (Jinja2 is imported only when a page is rendered)."""
    from jinja2 import Environment, PackageLoader, StrictUndefined

    return Environment(
        loader=PackageLoader("analyzer.report", "templates"),
        autoescape=True,
        undefined=StrictUndefined,
        trim_blocks=True,
        lstrip_blocks=True,
        keep_trailing_newline=True,
    )


def render_html(report: Report, charts: Sequence[HtmlFigure] = ()) -> str:
    """The report as one self-contained HTML page.

    Parameters
    ----------
    report : Report
        From :func:`analyzer.report.build_report`.
    charts : sequence of HtmlFigure
        The week's charts, from :func:`analyzer.chart.report_figures`; none leaves the
        chart section saying so.

    Returns
    -------
    str
        The page: sections in the order a reader needs them (what the diary covered, the
        week against targets, the charts, the flags, the diuretic load, the largest sources
        and swaps, the greens and the projected week, every entry as understood, the rows
        not used, the notes and the disclaimer); every user-supplied string escaped.
    """
    page = build_page(report, charts)
    return environment().get_template("report.html.j2").render(page=page)
