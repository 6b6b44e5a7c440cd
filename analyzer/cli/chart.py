"""``analyzer chart``: the trend over several weeks, or one week's figure."""

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


@cli.command("chart", context_settings=CONTEXT)
@click.argument("diary", required=False, type=click.Path(exists=True, dir_okay=False))
@example_option("Chart")
@click.option(
    "--weeks",
    type=click.IntRange(min=1),
    default=8,
    show_default=True,
    help="How many of the latest ISO weeks the trend shows.",
)
@click.option(
    "--week",
    metavar="YYYY-Www",
    help="Draw the one-week figure of this ISO week (with the suggested greens) instead.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False),
    help="File to write; .png, .svg or .pdf chooses the format.",
)
@click.option("--person", help="Whose diary, when the file holds several people.")
@profile_options
@diary_options
@friendly_errors
def chart_command(
    diary: str | None,
    example: str | None,
    weeks: int,
    week: str | None,
    out: str,
    sex: str | None,
    age: float | None,
    pregnant: bool,
    lactating: bool,
    profiles_path: str | None,
    person: str | None,
    **options: Any,
) -> None:
    """Chart the trend over the last N weeks: weekly Ca:P, absorbable calcium, diuretic load.

    With --week, draw the one-week figure instead: calcium and phosphorus per day, the Ca:P
    ratio, magnesium and potassium, the diuretic load by group and the suggested greens.

    Example:

        analyzer chart diary.csv --weeks 8 --out trend.png

        analyzer chart --example western --week 2026-W47 --out week.svg
    """
    from analyzer.balance.analysis import analyze
    from analyzer.chart import chart_format, save_figure, trend_chart, weekly_chart

    path = diary_or_example(diary, example)
    chart_format(out)  # a wrong extension fails before the diary is read
    profile, profiles = profile_inputs(sex, age, pregnant, lactating, profiles_path)
    # Same reading as `report` (format, dates, MFP calcium basis), same messages on stderr.
    read = load_diary_for_cli(path, **options)
    analysis = analyze(read, profile=profile, profiles=profiles)
    for line in analysis.profile_notes:  # with --profiles: who got which profile
        click.echo(f"Note: {line}", err=True)
    if week is not None:
        from analyzer.report.build import build_report

        report = build_report(analysis, week, person=person)
        figure = weekly_chart(analysis, week, report, person=person)
    else:
        figure = trend_chart(analysis, weeks, person=person)
    written = save_figure(figure, out)
    click.echo(f"chart written to {written}", err=True)
