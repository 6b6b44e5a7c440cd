"""The cohort answer as one self-contained HTML page (``analyzer cohort --format html``).

The same frame as the weekly report's page (:mod:`analyzer.report.html`: inline style, no
script, nothing fetched, autoescaped), with the cells of the cohort's text renderer
(:func:`analyzer.report.cohort.group_records`): who was analysed, one table per group (all
persons, then each DRI life stage), the cohort chart, the diuretic load by food group, and
the notes that must be read with the numbers.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

from analyzer.report import cohort as answers
from analyzer.report.findings import DISCLAIMER
from analyzer.report.html import HtmlFigure, Table, environment, generator, row_of

#: The sections, in reading order: (id, heading).
COHORT_SECTIONS = (
    ("who", "Who was analysed"),
    ("groups", "Intakes by group"),
    ("chart", "The cohort in a chart"),
    ("load", "Diuretic load by food group"),
    ("notes", "Notes"),
)
GROUPS_INTRO = (
    "Per nutrient: persons with a value (n), the mean, SD and percentiles (p5 to p95) of "
    "the persons' mean daily intakes; the share below the EAR (or the Ca:P concern value), "
    "the target (RDA or AI), and the share above the upper limit."
)


@dataclass(frozen=True)
class CohortPage:
    """Everything the cohort template shows, as plain strings (escaped by the template)."""

    title: str
    profile: str
    generator: str
    disclaimer: str
    cohort: str
    groups_intro: str
    groups: list[Table]
    charts: list[HtmlFigure]
    loads_text: str
    loads: Table | None
    notes: list[str]
    sections: tuple[tuple[str, str], ...] = field(default=COHORT_SECTIONS)

    def heading(self, section: str) -> str:
        """``2. Intakes by group``: the section's number and heading."""
        for number, (key, heading) in enumerate(self.sections, start=1):
            if key == section:
                return f"{number}. {heading}"
        raise KeyError(section)


def _group_table(report: answers.CohortReport, index: int, group: str) -> Table:
    records = answers.group_records(report, group)
    header = list(records[0]) if records else ["nutrient"]
    text_columns = {"nutrient", "below", "target", "above"}
    return Table(
        id=f"group-{index}",
        caption=group,
        header=header,
        rows=[row_of(list(record.values())) for record in records],
        numeric=frozenset(i for i, name in enumerate(header) if name not in text_columns),
    )


def _loads_table(report: answers.CohortReport) -> Table | None:
    if not report.loads:
        return None
    rows = [
        row_of(
            [
                load.label,
                "" if load.mean_mg_per_day is None else f"{load.mean_mg_per_day:,.0f}",
                "" if load.share is None else f"{100 * load.share:.0f}%",
            ]
        )
        for load in report.loads
    ]
    return Table(
        id="cohort-load",
        caption="Diuretic load by food group (mean per person and day, mg Ca; share)",
        header=["food group", "mg Ca/day", "share"],
        rows=rows,
        numeric=frozenset({1, 2}),
    )


def render_cohort_html(report: answers.CohortReport, charts: Sequence[HtmlFigure] = ()) -> str:
    """The cohort answer as one self-contained HTML page.

    Parameters
    ----------
    report : CohortReport
        From :func:`analyzer.report.cohort.build_cohort`.
    charts : sequence of HtmlFigure
        The cohort chart, from :func:`analyzer.chart.cohort_figures`; none leaves the chart
        section saying so.

    Returns
    -------
    str
        Everything the text answer says (the cohort line, one table per group, the loads,
        the notes), in tables with captions and headers, and the not-medical-advice note.
    """
    from markupsafe import Markup

    page = CohortPage(
        title=f"Cohort answer: {report.persons:,} persons",
        profile="Each person is measured against the DRIs of their own life stage "
        "(given with --profiles; others get the default profile).",
        generator=generator(),
        disclaimer=DISCLAIMER,
        cohort=answers.cohort_heading(report),
        groups_intro=GROUPS_INTRO,
        groups=[_group_table(report, i, g) for i, g in enumerate(report.groups, start=1)],
        charts=[HtmlFigure(Markup(c.svg), c.caption) for c in charts],  # trusted SVG
        loads_text=answers.loads_text(report),
        loads=_loads_table(report),
        notes=list(report.notes),
    )
    return environment().get_template("cohort.html.j2").render(page=page)
