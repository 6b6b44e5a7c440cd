"""Command-line interface: parse options, call the library, format output, map errors.

Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 bad input (any
:class:`~analyzer.errors.AnalyzerError`), 2 usage. This module never computes: it calls the
library and prints what it returns.
"""

from __future__ import annotations

import sys
from collections.abc import Callable
from functools import wraps
from importlib.metadata import PackageNotFoundError, version
from typing import Any, TypeVar

import click

from analyzer.errors import AnalyzerError

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _version() -> str:
    try:
        return version("analyzer")
    except PackageNotFoundError:
        return "0+unknown"


def friendly_errors(func: F) -> F:
    """Turn the project's errors into one clear message on stderr and exit code 1."""

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except AnalyzerError as error:
            click.echo(f"Error: {error}", err=True)
            sys.exit(1)

    return wrapper  # type: ignore[return-value]


@click.group(context_settings=CONTEXT)
@click.version_option(_version(), "--version", prog_name="analyzer")
def cli() -> None:
    """Calcium-phosphorus balance from a food diary, on USDA SR28 data.

    Not medical advice: the figures are estimates from published coefficients.
    """


# --- foods: search and show (foods.py) --------------------------------------------------

#: Nutrient columns shown by ``foods show``: (column, label, unit).
FOOD_SHOW_NUTRIENTS = (
    ("energy_kcal", "energy", "kcal"),
    ("protein_g", "protein", "g"),
    ("calcium_mg", "calcium", "mg"),
    ("phosphorus_mg", "phosphorus", "mg"),
    ("magnesium_mg", "magnesium", "mg"),
    ("potassium_mg", "potassium", "mg"),
    ("sodium_mg", "sodium", "mg"),
    ("caffeine_mg", "caffeine", "mg"),
)


def _number_text(value: Any) -> str:
    """A USDA value as written (``113``, ``3.15``), or ``unknown`` when not reported."""
    return "unknown" if value is None or value != value else f"{float(value):g}"


@cli.group(context_settings=CONTEXT)
def foods() -> None:
    """Search the USDA SR28 nutrient table; show a food's nutrients and portions.

    Example: analyzer foods search "2% milk"
    """


@foods.command("search", context_settings=CONTEXT)
@click.argument("query")
@click.option(
    "--limit",
    "-n",
    default=5,
    show_default=True,
    type=click.IntRange(1, 100),
    help="Most candidates to list.",
)
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@friendly_errors
def foods_search(query: str, limit: int, fmt: str) -> None:
    """Find foods by name or NDB id, best first (id, description, category, score).

    Names are matched as people log them: exact id or description, common names
    ("coke", "bok choy"), then by the food's main noun. A name with no good candidate
    exits with status 1 and "did you mean" suggestions.

    Example: analyzer foods search "collard greens cooked" --limit 3
    """
    from analyzer.foods import default_matcher
    from analyzer.output import format_frame

    matcher = default_matcher()
    found = matcher.candidates(query, limit)
    if found.empty:
        result = matcher.match(query)
        message = f"Error: no food matches {query!r}: {result.reason}"
        if result.suggestions:
            message += "; did you mean " + "; ".join(repr(s) for s in result.suggestions) + "?"
        click.echo(message, err=True)
        sys.exit(1)
    click.echo(format_frame(found, fmt).rstrip("\n"))  # type: ignore[arg-type]


@foods.command("show", context_settings=CONTEXT)
@click.argument("food")
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@friendly_errors
def foods_show(food: str, fmt: str) -> None:
    """Show one food's nutrients per 100 g and its household portions.

    FOOD is an NDB id, a USDA description or a common name ("whole milk"); a name that
    only resembles foods exits with status 1 and suggestions with their ids. A nutrient
    USDA did not report is shown as "unknown" (never 0).

    Example: analyzer foods show 01077
    """
    import pandas as pd

    from analyzer.foods import lookup_food
    from analyzer.output import format_frame, to_json
    from analyzer.units import load_portions

    row = lookup_food(food)
    nutrients = pd.DataFrame(
        {
            "nutrient": [label for _, label, _ in FOOD_SHOW_NUTRIENTS],
            "per_100_g": [_number_text(row[col]) for col, _, _ in FOOD_SHOW_NUTRIENTS],
            "unit": [unit for _, _, unit in FOOD_SHOW_NUTRIENTS],
        }
    )
    portions = load_portions()
    portions = portions[portions["id"] == row["id"]].sort_values("seq")
    shown = pd.DataFrame(
        {
            "amount": [_number_text(v) for v in portions["amount"]],
            "measure": portions["measure"].astype(str).tolist(),
            "grams": [_number_text(v) for v in portions["gram_weight"]],
        }
    )
    if fmt == "json":
        click.echo(
            to_json(
                {
                    "id": row["id"],
                    "description": row["description"],
                    "food_group": row["food_group"],
                    "category": row["category"],
                    "per_100_g": {
                        col: (None if pd.isna(row[col]) else float(row[col]))
                        for col, _, _ in FOOD_SHOW_NUTRIENTS
                    },
                    "portions": [
                        {"amount": a, "measure": m, "gram_weight": g}
                        for a, m, g in zip(
                            portions["amount"],
                            portions["measure"],
                            portions["gram_weight"],
                            strict=True,
                        )
                    ],
                }
            )
        )
        return
    lines = [
        f"{row['id']}  {row['description']}",
        f"food group: {row['food_group']}",
        f"category: {row['category']}",
        "",
        "Nutrients per 100 g:",
        format_frame(nutrients),
        "",
        "Household portions:",
        format_frame(shown) if len(shown) else "(none listed; use grams)",
    ]
    click.echo("\n".join(lines))


# --- entries (diary) ---------------------------------------------------------------------

#: Formats ``--input-format`` accepts (same as :data:`analyzer.diary.FORMATS`).
DIARY_FORMATS = ("own", "cronometer_servings", "cronometer_daily", "loseit", "mfp")
#: Columns of the entries view, in order.
ENTRIES_VIEW_COLUMNS = [
    "line",
    "date",
    "food",
    "status",
    "reason",
    "food_id",
    "description",
    "quantity",
    "unit",
    "grams",
    "calcium_mg",
    "phosphorus_mg",
    "magnesium_mg",
    "potassium_mg",
    "sodium_mg",
    "caffeine_mg",
]


def diary_options(func: F) -> F:
    """Add the options every diary-reading command shares (format, dates, matching, strict)."""
    options = [
        click.option(
            "--input-format",
            type=click.Choice(DIARY_FORMATS),
            default=None,
            help="Read the diary as this format instead of detecting it from the header.",
        ),
        click.option(
            "--dayfirst",
            is_flag=True,
            help="Read slash dates as day/month/year (16/11/2026); default month/day/year.",
        ),
        click.option(
            "--rematch",
            is_flag=True,
            help="Cronometer: ignore the app's nutrients and match every food against USDA.",
        ),
        click.option(
            "--strict", is_flag=True, help="Fail (exit 1) if any diary row cannot be used."
        ),
        click.option(
            "--mfp-calcium-dv",
            type=click.Choice(["1000", "1300"]),
            default=None,
            help="MyFitnessPal: calcium Daily Value [mg] its % refers to (approximate).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def load_diary_for_cli(
    path: str,
    *,
    input_format: str | None = None,
    dayfirst: bool = False,
    rematch: bool = False,
    strict: bool = False,
    mfp_calcium_dv: str | int | None = None,
    **_: Any,
) -> Any:
    """Read a diary with the :func:`diary_options`; report unusable rows on stderr.

    Prints ``DIARY line N: reason`` for each row not used, the reader's notes, and a summary
    ``62 rows: 60 used, 2 not used``; returns the :class:`analyzer.diary.Diary`.
    """
    from analyzer.diary import read_diary

    diary = read_diary(
        path,
        input_format=input_format,
        dayfirst=dayfirst,
        rematch=rematch,
        strict=strict,
        mfp_calcium_dv=int(mfp_calcium_dv) if mfp_calcium_dv is not None else None,
    )
    rejected = diary.rejected
    for line, reason in zip(rejected["line"].tolist(), rejected["reason"].tolist(), strict=True):
        click.echo(f"{path} line {line}: {reason}", err=True)
    for note in diary.notes:
        click.echo(f"Note: {note}", err=True)
    click.echo(diary.summary(), err=True)
    return diary


@cli.command(context_settings=CONTEXT)
@click.argument("diary", type=click.Path(dir_okay=True))
@click.option(
    "--format",
    "fmt",
    type=click.Choice(["table", "csv", "json"]),
    default="table",
    show_default=True,
    help="Output format.",
)
@diary_options
@friendly_errors
def entries(diary: str, fmt: str, **options: Any) -> None:
    """Show how each diary row was understood: food matched, grams, minerals.

    One row per diary row, in input order; status is 'ok' for used rows, else a short code
    with the reason. Rows not used are also listed on stderr, then a summary.

    Example: analyzer entries diary.csv --format csv > checked.csv
    """
    from analyzer.output import format_frame

    loaded = load_diary_for_cli(diary, **options)
    view = loaded.all_rows().reindex(columns=ENTRIES_VIEW_COLUMNS)
    click.echo(format_frame(view, fmt))  # type: ignore[arg-type]


# --- daily / weekly (balance) -----------------------------------------------------------

#: Columns the ``daily`` command shows unless ``--all`` is given.
DAILY_COLUMNS = [
    "date",
    "entries",
    "unmatched",
    "calcium_mg",
    "phosphorus_mg",
    "magnesium_mg",
    "potassium_mg",
    "sodium_mg",
    "protein_g",
    "caffeine_mg",
    "ca_p_mass_ratio",
    "ca_p_molar_ratio",
    "pral_meq",
    "diuretic_load_mg",
    "absorbable_calcium_mg",
]
#: Columns the ``weekly`` command shows unless ``--all`` is given (per-day averages).
WEEKLY_COLUMNS = ["week", "days", *DAILY_COLUMNS[1:]]
#: Columns added to the default view with ``--profiles``: each person's own target.
PROFILE_COLUMNS = ["calcium_target_mg", "calcium_pct_target"]
#: Nutrients whose unknown entries are noted on stderr, with their plain names.
UNKNOWN_NOTES = {
    "calcium_mg": "calcium",
    "phosphorus_mg": "phosphorus",
    "magnesium_mg": "magnesium",
    "potassium_mg": "potassium",
}
#: Columns shown with two decimals in the text table.
RATIO_COLUMNS = ("ca_p_mass_ratio", "ca_p_molar_ratio", "ca_mg_mass_ratio", "k_na_molar_ratio")


def balance_options(func: F) -> F:
    """Options shared by ``daily`` and ``weekly``: grouping, format, profile, flags."""
    options = [
        click.option(
            "--by",
            type=click.Choice(["person"]),
            default=None,
            help="One row per person too (automatic when the diary names several people).",
        ),
        click.option(
            "--format",
            "fmt",
            type=click.Choice(["table", "csv", "json"]),
            default="table",
            show_default=True,
            help="Output format.",
        ),
        click.option("--all", "all_columns", is_flag=True, help="Show every column."),
        click.option(
            "--sex",
            type=click.Choice(["female", "male"]),
            default=None,
            help="Sex for the DRI targets [default: female].",
        ),
        click.option("--age", type=float, default=None, help="Age [years] [default: 35]."),
        click.option("--pregnant", is_flag=True, help="Use the pregnancy DRIs (females 14-50)."),
        click.option("--lactating", is_flag=True, help="Use the lactation DRIs (females 14-50)."),
        click.option(
            "--profiles",
            "profiles_path",
            type=click.Path(dir_okay=False),
            default=None,
            help="CSV of per-person profiles (person,sex,age[,pregnant,lactating]); others "
            "get --sex/--age or the default.",
        ),
        click.option(
            "--flags",
            "show_flags",
            is_flag=True,
            help="List the findings on stderr (weekly: on the week's per-day averages).",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


def _balance_command(
    diary: str,
    table: str,
    by: str | None,
    fmt: str,
    all_columns: bool,
    sex: str | None,
    age: float | None,
    pregnant: bool,
    lactating: bool,
    show_flags: bool,
    options: dict[str, Any],
    profiles_path: str | None = None,
) -> None:
    """Shared body of ``daily`` and ``weekly``: read, analyse, state the profile, print."""
    import pandas as pd

    from analyzer.balance import analyze
    from analyzer.loads import describe_coefficients
    from analyzer.output import format_frame
    from analyzer.targets import describe_targets, make_profile

    profile = None
    if sex is not None or age is not None or pregnant or lactating:
        given: dict[str, Any] = {"pregnant": pregnant, "lactating": lactating}
        given.update({k: v for k, v in (("sex", sex), ("age", age)) if v is not None})
        profile = make_profile(**given)
    profiles = None
    if profiles_path is not None:
        from analyzer.profiles import load_profiles

        profiles = load_profiles(profiles_path)  # checked before the diary is read
    loaded = load_diary_for_cli(diary, **options)
    analysis = analyze(
        loaded, profile=profile, profiles=profiles, by_person=True if by == "person" else None
    )
    if profiles is not None:
        for line in analysis.profile_notes:
            click.echo(f"Note: {line}", err=True)
    else:
        default = " (default profile; set --sex and --age)" if analysis.profile_is_default else ""
        click.echo(
            f"Profile: {analysis.profile.describe()}{default}; targets "
            f"({analysis.targets.life_stage}): {describe_targets(analysis.targets)}",
            err=True,
        )
    click.echo(f"Note: {describe_coefficients(analysis.settings)}", err=True)
    frame = analysis.daily if table == "daily" else analysis.weekly
    for nutrient in (*UNKNOWN_NOTES, "diuretic_load_mg"):
        column = f"{nutrient}_unknown"
        unknown = int(frame[column].sum()) if len(frame) and column in frame else 0
        if unknown:
            name = UNKNOWN_NOTES.get(nutrient, "diuretic load")
            click.echo(
                f"Note: {unknown} entr{'y' if unknown == 1 else 'ies'} with unknown "
                f"{name} (not counted in its totals; see {column} with --all)",
                err=True,
            )
    if show_flags:
        # daily: the per-day findings; weekly: those on the week's per-day averages
        period = "date" if table == "daily" else "week"
        for flag in (f for f in analysis.flags if getattr(f, period) is not None):
            click.echo(
                f"[{flag.level}] {flag.message} ({flag.reference}; confidence {flag.confidence})",
                err=True,
            )
    columns = list(frame.columns) if all_columns else DAILY_COLUMNS
    if table == "weekly" and not all_columns:
        columns = WEEKLY_COLUMNS
    if analysis.by_person and "person" not in columns:
        columns = ["person", *columns]
    if profiles is not None and not all_columns:
        columns = [*columns, *PROFILE_COLUMNS]
    shown = frame.loc[:, columns]
    if fmt == "table":
        shown = shown.copy()
        for column in (c for c in RATIO_COLUMNS if c in shown.columns):
            shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:.2f}")
    click.echo(format_frame(shown, fmt))  # type: ignore[arg-type]


@cli.command(context_settings=CONTEXT)
@click.argument("diary", type=click.Path(dir_okay=True))
@balance_options
@diary_options
@friendly_errors
def daily(
    diary: str,
    by: str | None,
    fmt: str,
    all_columns: bool,
    sex: str | None,
    age: float | None,
    pregnant: bool,
    lactating: bool,
    show_flags: bool,
    profiles_path: str | None,
    **options: Any,
) -> None:
    """Daily totals: minerals, Ca:P ratios, PRAL, diuretic load, absorbable calcium.

    One row per day (and person). Totals skip unknown values, which are counted (see the
    *_unknown columns with --all); a total whose entries are all unknown is blank. The DRI
    profile used for the targets is stated on stderr. For a cohort, --profiles gives each
    person their own targets (columns calcium_target_mg and calcium_pct_target; all four
    minerals with --all).

    Example: analyzer daily diary.csv --sex male --age 40 --format csv > daily.csv
    """
    _balance_command(
        diary,
        "daily",
        by,
        fmt,
        all_columns,
        sex,
        age,
        pregnant,
        lactating,
        show_flags,
        options,
        profiles_path,
    )


@cli.command(context_settings=CONTEXT)
@click.argument("diary", type=click.Path(dir_okay=True))
@balance_options
@diary_options
@friendly_errors
def weekly(
    diary: str,
    by: str | None,
    fmt: str,
    all_columns: bool,
    sex: str | None,
    age: float | None,
    pregnant: bool,
    lactating: bool,
    show_flags: bool,
    profiles_path: str | None,
    **options: Any,
) -> None:
    """Weekly averages per ISO week (2026-W47): the daily columns averaged over logged days.

    One row per ISO week (and person); `days` is the number of days logged, counts are
    summed and ratios are recomputed from the averages (over the days on which both parts
    are known). With --flags, the findings on the week's averages: the DRIs describe usual
    intake, so the week says more than any single day (see `daily --flags` for those).

    Example: analyzer weekly diary.csv --by person --profiles profiles.csv --format json
    """
    _balance_command(
        diary,
        "weekly",
        by,
        fmt,
        all_columns,
        sex,
        age,
        pregnant,
        lactating,
        show_flags,
        options,
        profiles_path,
    )


# --- report (report.py, suggest.py) ------------------------------------------------------


@cli.command("report", context_settings=CONTEXT)
@click.argument("diary", required=False, type=click.Path(dir_okay=True))
@click.option(
    "--example",
    metavar="NAME",
    help="Report on a bundled example diary instead of a file: western or balanced.",
)
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
    "--sex",
    type=click.Choice(["female", "male"]),
    default=None,
    help="Sex for the DRI targets [default: female].",
)
@click.option("--age", type=float, default=None, help="Age [years] [default: 35].")
@click.option("--pregnant", is_flag=True, help="Use the pregnancy DRIs (females 14-50).")
@click.option("--lactating", is_flag=True, help="Use the lactation DRIs (females 14-50).")
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

    from analyzer.balance import analyze
    from analyzer.examples import example_path
    from analyzer.models import Settings
    from analyzer.output import to_json
    from analyzer.report import build_report, chart_plan, render_text, week_label
    from analyzer.targets import make_profile

    if (diary is None) == (example is None):
        raise click.UsageError("give a DIARY file or --example NAME (not both)")
    if week is not None and start is not None:
        raise click.UsageError("give --week or --start, not both")
    profile = None
    if sex is not None or age is not None or pregnant or lactating:
        given: dict[str, Any] = {"pregnant": pregnant, "lactating": lactating}
        given.update({k: v for k, v in (("sex", sex), ("age", age)) if v is not None})
        profile = make_profile(**given)
    settings = Settings(ca_p_mass_ratio_target=ratio_target, greens_cups_max_per_day=max_cups)
    path = str(example_path(example)) if example is not None else str(diary)
    loaded = load_diary_for_cli(path, **options)
    analysis = analyze(loaded, profile=profile, settings=settings)
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


# --- chart (chart.py) ---------------------------------------------------------------------


@cli.command("chart", context_settings=CONTEXT)
@click.argument("diary", required=False, type=click.Path(exists=True, dir_okay=False))
@click.option(
    "--example",
    metavar="NAME",
    help="Chart a bundled example diary instead of a file: western or balanced.",
)
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
@click.option(
    "--sex",
    type=click.Choice(["female", "male"]),
    default=None,
    help="Sex for the DRI targets [default: female].",
)
@click.option("--age", type=float, default=None, help="Age [years] [default: 35].")
@click.option("--pregnant", is_flag=True, help="Use the pregnancy DRIs (females 14-50).")
@click.option("--lactating", is_flag=True, help="Use the lactation DRIs (females 14-50).")
@click.option("--person", help="Whose diary, when the file holds several people.")
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
    from analyzer.balance import analyze
    from analyzer.chart import chart_format, save_figure, trend_chart, weekly_chart
    from analyzer.examples import example_path
    from analyzer.targets import make_profile

    if (diary is None) == (example is None):
        raise click.UsageError("give a DIARY file or --example NAME (not both)")
    chart_format(out)  # a wrong extension fails before the diary is read
    path = str(example_path(example)) if example is not None else str(diary)
    profile = None
    if sex is not None or age is not None or pregnant or lactating:
        given: dict[str, Any] = {"pregnant": pregnant, "lactating": lactating}
        given.update({k: v for k, v in (("sex", sex), ("age", age)) if v is not None})
        profile = make_profile(**given)
    # Same reading as `report` (format, dates, MFP calcium basis), same messages on stderr.
    read = load_diary_for_cli(path, **options)
    analysis = analyze(read, profile=profile)
    if week is not None:
        from analyzer.report import build_report

        report = build_report(analysis, week, person=person)
        figure = weekly_chart(analysis, week, report, person=person)
    else:
        figure = trend_chart(analysis, weeks, person=person)
    written = save_figure(figure, out)
    click.echo(f"chart written to {written}", err=True)


def main() -> None:
    """Entry point of the ``analyzer`` console script."""
    cli()
