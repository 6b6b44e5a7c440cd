"""``analyzer cohort``: how a cohort's intakes are distributed and how many fall short."""

from __future__ import annotations

import click

from analyzer.cli.app import CONTEXT, cli, friendly_errors
from analyzer.cli.options import (
    COHORT_FORMATS,
    DiaryReading,
    ProfileChoice,
    analyze_for_cli,
    diary_argument,
    diary_options,
    format_option,
    min_energy_option,
    profile_options,
)
from analyzer.models import Settings


@cli.command("cohort", context_settings=CONTEXT)
@friendly_errors
@diary_argument()
@format_option(COHORT_FORMATS)
@click.option(
    "--chart",
    "chart_path",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also draw the cohort figure to this file (.png, .svg or .pdf).",
)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the answer to this file instead of standard output (any --format).",
)
@min_energy_option
@profile_options
@diary_options
def cohort_command(
    diary: str,
    fmt: str,
    chart_path: str | None,
    out: str | None,
    min_energy: float | None,
    people: ProfileChoice,
    reading: DiaryReading,
) -> None:
    """Cohort answers: distributions of persons' mean daily intakes, shares below the EAR.

    Per nutrient (calcium, absorbable calcium, phosphorus, magnesium, potassium, sodium,
    caffeine, molar Ca:P): n, mean, SD and the 5th-95th percentiles of the persons' mean daily
    intakes, for all persons and per DRI life stage; the share below the EAR (the EAR
    cut-point method for groups), above the UL, the sodium CDRR and the caffeine limit; the
    diuretic load by food group. Give --profiles so that each person is measured against
    their own life stage. One or two recall days do not give usual intake: the notes say
    what that means for the shares.

    --format html writes one self-contained page (the tables, the chart, the notes) to share.

    Example: analyzer cohort recalls.csv --profiles profiles.csv --chart cohort.png

    Example: analyzer cohort recalls.csv --format html --out cohort.html
    """
    from analyzer.cli.output import check_writable, write_output
    from analyzer.report.cohort import build_cohort, render_cohort_text

    if chart_path is not None:
        from analyzer.chart.save import chart_format

        chart_format(chart_path)  # a wrong extension fails before the diary is read
    check_writable(out)
    settings = Settings(implausible_energy_fraction=min_energy)
    analysis = analyze_for_cli(diary, reading, people, settings, by_person=True)
    report = build_cohort(analysis)
    if fmt == "json":
        text = report.to_json()
    elif fmt == "csv":
        from analyzer.cli.output import format_frame

        for note in report.notes:
            click.echo(f"Note: {note}", err=True)
        text = format_frame(report.table(), "csv")
    elif fmt == "html":
        from analyzer.chart import cohort_figures
        from analyzer.report.cohort_html import render_cohort_html

        text = render_cohort_html(report, cohort_figures(report))
    else:
        text = render_cohort_text(report)
    write_output(text, out, "cohort answer")
    if chart_path is not None:
        from analyzer.chart.cohort import cohort_chart
        from analyzer.chart.save import save_figure

        written = save_figure(cohort_chart(report), chart_path)
        click.echo(f"chart written to {written}", err=True)
