"""``analyzer report``: the weekly report, with the greens to add and an optional chart."""

from __future__ import annotations

from typing import Any

import click

from analyzer.cli.app import CONTEXT, cli, friendly_errors
from analyzer.cli.options import (
    diary_options,
    diary_or_example,
    example_option,
    load_diary_for_cli,
    profile_inputs,
    profile_options,
)


@cli.command("report", context_settings=CONTEXT)
@click.argument("diary", required=False, type=click.Path(dir_okay=True))
@example_option("Report on")
@click.option(
    "--week", metavar="YYYY-Www", help="ISO week to report on [default: latest full week]."
)
@click.option(
    "--start",
    type=click.DateTime(formats=["%Y-%m-%d"]),
    default=None,
    metavar="YYYY-MM-DD",
    help="First day of the seven days to report on (instead of --week).",
)
@click.option("--person", help="Whose week, when the diary holds several people.")
@click.option(
    "--ratio-target",
    type=click.FloatRange(min=0, min_open=True),
    default=1.0,
    show_default=True,
    help="Ca:P mass-ratio goal of the greens plan (your setting; not a DRI).",
)
@click.option(
    "--max-cups",
    type=click.FloatRange(min=0.5),
    default=2.0,
    show_default=True,
    help="Most cooked cups of each green per day in the plan.",
)
@click.option(
    "--chart",
    "chart_file",
    type=click.Path(dir_okay=False),
    default=None,
    help="Also draw the week's chart to this file; .png, .svg or .pdf chooses the format.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["text", "json"]),
    default="text",
    show_default=True,
    help="Output format.",
)
@profile_options
@diary_options
@friendly_errors
def report_command(
    diary: str | None,
    example: str | None,
    week: str | None,
    start: Any,
    person: str | None,
    sex: str | None,
    age: float | None,
    pregnant: bool,
    lactating: bool,
    profiles_path: str | None,
    ratio_target: float,
    max_cups: float,
    chart_file: str | None,
    fmt: str,
    **options: Any,
) -> None:
    """The weekly report: days, targets, flags, diuretic load and the greens to add.

    Reports one week (default: the latest week with all 7 days logged): a table of the
    days, the week against the DRI targets, the flags with their sources, the diuretic load
    by group, the largest phosphorus sources with obvious swaps, the suggested greens with
    the projected week, and the rows not used. Not medical advice.

    Example:

        analyzer report --example western --chart week.png

        analyzer report diary.csv --week 2026-W47 --sex male --age 40 --format json
    """
    import datetime as dt

    from analyzer.balance.analysis import analyze
    from analyzer.cli.output import to_json
    from analyzer.models import Settings
    from analyzer.report.build import build_report, chart_plan, render_text, week_label

    path = diary_or_example(diary, example)
    if week is not None and start is not None:
        raise click.UsageError("give --week or --start, not both")
    profile, profiles = profile_inputs(sex, age, pregnant, lactating, profiles_path)
    settings = Settings(ca_p_mass_ratio_target=ratio_target, greens_cups_max_per_day=max_cups)
    loaded = load_diary_for_cli(path, **options)
    analysis = analyze(loaded, profile=profile, settings=settings, profiles=profiles)
    for line in analysis.profile_notes:  # with --profiles: who got which profile
        click.echo(f"Note: {line}", err=True)
    report = build_report(
        analysis, week, start.date() if start is not None else None, person=person
    )
    if chart_file is not None:
        from analyzer.chart import save_figure, weekly_chart

        # The chart draws the report's seven days (an ISO week or the --start window).
        first = dt.date.fromisoformat(report["week"]["start"])
        figure = weekly_chart(
            analysis,
            week_label(first),
            chart_plan(report),
            person=report["person"],
            start=first,
        )
        written = save_figure(figure, chart_file)
        click.echo(f"chart written to {written}", err=True)
    click.echo(to_json(report) if fmt == "json" else render_text(report), nl=fmt == "json")
