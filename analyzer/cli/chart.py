"""``analyzer chart``: the trend over several weeks, or one week's figure."""

from __future__ import annotations

import click

from analyzer.cli.app import CONTEXT, cli, friendly_errors
from analyzer.cli.options import (
    DiaryReading,
    ProfileChoice,
    analyze_for_cli,
    diary_argument,
    diary_options,
    diary_or_example,
    example_option,
    person_option,
    profile_options,
    settings_options,
)
from analyzer.cli.params import MAX_TREND_WEEKS, IsoWeek
from analyzer.models import Settings


@cli.command("chart", context_settings=CONTEXT)
@friendly_errors
@diary_argument(required=False)
@example_option("Chart")
@click.option(
    "--weeks",
    type=click.IntRange(min=1, max=MAX_TREND_WEEKS),
    default=8,
    show_default=True,
    help=(
        "How many ISO weeks the trend shows, ending with the latest logged (none before the "
        "first logged week; weeks with no log are gaps)."
    ),
)
@click.option(
    "--week",
    type=IsoWeek(),
    default=None,
    help="Draw the one-week figure of this ISO week (with the suggested greens) instead.",
)
@click.option(
    "--out",
    "out",
    required=True,
    type=click.Path(dir_okay=False),
    help="File to write; .png, .svg or .pdf chooses the format.",
)
@person_option
@settings_options
@profile_options
@diary_options
def chart_command(
    diary: str | None,
    example: str | None,
    weeks: int,
    week: str | None,
    out: str,
    person: str | None,
    settings: Settings,
    people: ProfileChoice,
    reading: DiaryReading,
) -> None:
    """Chart the trend over the last N weeks: weekly Ca:P, absorbable calcium, diuretic load.

    With --week, draw the one-week figure instead: calcium and phosphorus per day, the Ca:P
    ratio, magnesium and potassium, the diuretic load by group and the suggested greens
    (the same figure as `report --chart` for that week).

    Example:

        analyzer chart diary.csv --weeks 8 --out trend.png

        analyzer chart --example western --week 2026-W47 --out week.svg
    """
    from analyzer.chart import chart_format, save_figure, trend_chart, weekly_chart

    path = diary_or_example(diary, example)
    chart_format(out)  # a wrong extension fails before the diary is read
    analysis = analyze_for_cli(path, reading, people, settings)
    if week is not None:
        from analyzer.report import build_report

        figure = weekly_chart(build_report(analysis, week, person=person))
    else:
        from analyzer.report.trend import build_trend

        figure = trend_chart(build_trend(analysis, weeks, person=person))
    written = save_figure(figure, out)
    click.echo(f"chart written to {written}", err=True)
