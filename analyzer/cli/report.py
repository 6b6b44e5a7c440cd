"""``analyzer report``: the weekly report, with the greens to add and an optional chart."""

from __future__ import annotations

import datetime as dt

import click

from analyzer.cli.app import CONTEXT, cli, friendly_errors
from analyzer.cli.options import (
    REPORT_FORMATS,
    DiaryReading,
    ProfileChoice,
    analyze_for_cli,
    diary_argument,
    diary_options,
    diary_or_example,
    example_option,
    format_option,
    person_option,
    profile_options,
    settings_options,
    start_option,
    week_option,
)
from analyzer.models import Settings


@cli.command("report", context_settings=CONTEXT)
@friendly_errors
@diary_argument(required=False)
@example_option("Report on")
@week_option
@start_option
@person_option
@settings_options
@click.option(
    "--chart",
    "chart_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also draw the week's chart to this file; .png, .svg or .pdf chooses the format.",
)
@format_option(REPORT_FORMATS)
@click.option(
    "--out",
    "out",
    type=click.Path(dir_okay=False),
    default=None,
    help="Write the report to this file instead of standard output (any --format).",
)
@profile_options
@diary_options
def report_command(
    diary: str | None,
    example: str | None,
    week: str | None,
    start: dt.date | None,
    person: str | None,
    settings: Settings,
    chart_file: str | None,
    fmt: str,
    out: str | None,
    people: ProfileChoice,
    reading: DiaryReading,
) -> None:
    """The weekly report: days, targets, flags, diuretic load and the greens to add.

    Reports one week (default: the latest week with all 7 days logged): a table of the
    days, the week against the DRI targets, the flags with their sources, the diuretic load
    by group, the largest phosphorus sources with obvious swaps, the suggested greens with
    the projected week, and the rows not used. Not medical advice. --format html writes
    one self-contained page (the chart inline, every entry listed) to share or print.

    Example:

        analyzer report --example western --chart week.png

        analyzer report diary.csv --week 2026-W47 --sex male --age 40 --format json

        analyzer report diary.csv --format html --out week.html
    """
    from analyzer.cli.output import check_writable, write_output
    from analyzer.report import build_report, render_text

    path = diary_or_example(diary, example)
    if week is not None and start is not None:
        raise click.UsageError("give --week or --start, not both")
    if chart_file is not None:
        from analyzer.chart import chart_format

        chart_format(chart_file)  # a wrong extension fails before the diary is read
    check_writable(out)
    analysis = analyze_for_cli(path, reading, people, settings)
    report = build_report(analysis, week, start, person=person)
    if chart_file is not None:
        from analyzer.chart import save_figure, weekly_chart

        written = save_figure(weekly_chart(report), chart_file)
        click.echo(f"chart written to {written}", err=True)
    if fmt == "html":
        from analyzer.chart import report_figures
        from analyzer.report import render_html

        text = render_html(report, report_figures(report))
    else:
        text = report.to_json() if fmt == "json" else render_text(report)
    write_output(text, out)
