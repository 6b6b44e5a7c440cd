"""``analyzer daily`` and ``analyzer weekly``: the balance tables."""

from __future__ import annotations

import json
from typing import TYPE_CHECKING

import click

from analyzer.cli.app import CONTEXT, F, cli, emit, friendly_errors

if TYPE_CHECKING:
    import pandas as pd

from analyzer.cli.options import (
    TABLE_FORMATS,
    DiaryReading,
    ProfileChoice,
    analyze_for_cli,
    diary_argument,
    diary_options,
    format_option,
    min_energy_option,
    profile_options,
)
from analyzer.cli.params import Engine
from analyzer.models import Settings

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
#: Columns added to the default view when the diary has supplements: the part of each
#: mineral from supplements (the rest is from food), shown for the minerals supplements gave.
SUPPLEMENT_COLUMNS = (
    "calcium_supplement_mg",
    "magnesium_supplement_mg",
    "potassium_supplement_mg",
    "phosphorus_supplement_mg",
)
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
    """Options shared by ``daily`` and ``weekly``: grouping, format, columns, flags."""
    options = [
        click.option(
            "--by",
            type=click.Choice(["person"]),
            default=None,
            help="One row per person too (automatic when the diary names several people).",
        ),
        format_option(TABLE_FORMATS),
        click.option("--all", "all_columns", is_flag=True, help="Show every column."),
        click.option(
            "--flags",
            "show_flags",
            is_flag=True,
            help="List the findings on stderr (weekly: on the week's per-day averages).",
        ),
        min_energy_option,
        click.option(
            "--engine",
            type=click.Choice(["pandas", "dask"]),
            default="pandas",
            show_default=True,
            help="dask: analyse chunks of persons as dask tasks, on --scheduler or a local "
            "cluster (needs: pip install 'analyzer[dask]'); the same output.",
        ),
        click.option(
            "--scheduler",
            metavar="ADDRESS",
            default=None,
            help="With --engine dask: a running dask.distributed scheduler "
            "(tcp://host:8786); default a local cluster of this machine.",
        ),
        click.option(
            "--chunk-rows",
            type=click.IntRange(min=1),
            default=None,
            help="Entries analysed at once, whole persons (default 500,000): bounds the "
            "memory of a cohort's analysis; the same output.",
        ),
    ]
    for option in reversed(options):
        func = option(func)
    return func


#: Flags shown on stderr per finding (code) before "... and N more" (all are in the JSON).
FLAGS_LISTED_PER_CODE = 10


def flag_lines(flags: pd.DataFrame, counts: dict[str, int] | None = None) -> list[str]:
    """The flag table as lines for stderr: in order, at most :data:`FLAGS_LISTED_PER_CODE`
    per finding, then one line per finding saying how many more there are (``counts``: how
    many flags each code has when ``flags`` is a sample, :meth:`Analysis.flag_sample`)."""
    import pandas as pd

    if flags.empty:
        return []
    rank = flags.groupby("code", sort=False).cumcount().to_numpy()
    shown = flags[rank < FLAGS_LISTED_PER_CODE]
    lines = [
        f"[{row.level}] {row.message} ({row.reference}; confidence {row.confidence})"
        for row in shown.itertuples(index=False)
    ]
    found = flags["code"].value_counts(sort=False)
    if counts is not None:  # the sample's codes in the same order, with the whole counts
        found = pd.Series({code: counts[code] for code in found.index}, dtype="int64")
    for code, count in found[found > FLAGS_LISTED_PER_CODE].items():
        lines.append(
            f"... and {count - FLAGS_LISTED_PER_CODE:,} more '{code}' flags "
            "(all of them: --flags --format json)"
        )
    return lines


#: Ratio columns left blank in the default view where the report shows no Ca:P.
CA_P_COLUMNS = ("ca_p_mass_ratio", "ca_p_molar_ratio")


def _as_the_report_says(frame: pd.DataFrame, shown: pd.DataFrame, table: str) -> pd.DataFrame:
    """The default view as the report says it: a Ca:P ratio left blank where too little of
    the food has calcium and phosphorus (:func:`analyzer.balance.coverage.ratio_usable`),
    with a note; weekly: the weeks that cannot be judged named in a note."""
    from analyzer.balance.coverage import ratio_usable

    period = "day" if table == "daily" else "week"
    withheld = ~ratio_usable(frame).to_numpy(dtype=bool)
    present = [c for c in CA_P_COLUMNS if c in shown.columns]
    withheld &= shown[present].notna().any(axis=1).to_numpy() if present else False
    if withheld.any():
        shown = shown.copy()
        shown.loc[withheld, present] = float("nan")
        count = int(withheld.sum())
        whose = f"{count} {period}s'" if count != 1 else f"1 {period}'s"
        click.echo(
            f"Note: {whose} Ca:P left blank: calcium or "
            "phosphorus is unknown for more than 10% of the food, so the report shows none "
            "(the values: --all)",
            err=True,
        )
    if table == "weekly" and "complete" in frame.columns:
        unjudged = frame.loc[~frame["complete"].astype(bool), "week"].astype(str).tolist()
        if unjudged:
            click.echo(
                f"Note: {', '.join(unjudged[:10])}{' ...' if len(unjudged) > 10 else ''} "
                "cannot be judged (no complete day, or over a quarter of the food unused): "
                "averages shown, findings not (see complete with --all)",
                err=True,
            )
    return shown


def _balance_command(
    diary: str,
    table: str,
    *,
    by: str | None,
    fmt: str,
    all_columns: bool,
    show_flags: bool,
    min_energy: float | None,
    people: ProfileChoice,
    reading: DiaryReading,
    engine: Engine,
) -> None:
    """Shared body of ``daily`` and ``weekly``: read, analyse, state the profile, print."""
    import pandas as pd

    from analyzer.balance.loads import describe_coefficients
    from analyzer.balance.targets import describe_targets
    from analyzer.cli.output import format_frame, to_json
    from analyzer.jsonable import records
    from analyzer.report.findings import approximate_calcium

    settings = Settings(implausible_energy_fraction=min_energy)
    by_person = True if by == "person" else None
    analysis = analyze_for_cli(
        diary, reading, people, settings, by_person=by_person, engine=engine
    )
    if analysis.targets_by_person is None:
        default = " (default profile; set --sex and --age)" if analysis.profile_is_default else ""
        click.echo(
            f"Profile: {analysis.profile.describe()}{default}; targets "
            f"({analysis.targets.life_stage}): {describe_targets(analysis.targets)}",
            err=True,
        )
    click.echo(f"Note: {describe_coefficients(analysis.settings)}", err=True)
    frame = analysis.daily if table == "daily" else analysis.weekly
    incomplete = int((~analysis.daily["complete"].astype(bool)).sum()) if len(frame) else 0
    if incomplete:
        click.echo(
            f"Note: {incomplete} day{'s are' if incomplete != 1 else ' is'} incomplete (see "
            "complete and incomplete_reason with --all): "
            + ("shown, but " if table == "daily" else "")
            + "left out of the weekly averages and their flags",
            err=True,
        )
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
    flags = None
    lines: list[str] = []
    if show_flags and fmt == "json":  # every flag goes into the document
        # daily: the per-day findings; weekly: those on the week's per-day averages
        flags = analysis.day_flag_table if table == "daily" else analysis.week_flag_table
        flags = approximate_calcium(flags, analysis.prepared)
        lines = flag_lines(flags)
    elif show_flags:  # stderr lists a few per finding: messages written for those only
        sample, counts = analysis.flag_sample(table, FLAGS_LISTED_PER_CODE)
        lines = flag_lines(approximate_calcium(sample, analysis.prepared), counts)
    for line in lines:
        click.echo(line, err=True)
    columns = list(frame.columns) if all_columns else DAILY_COLUMNS
    if table == "weekly" and not all_columns:
        columns = WEEKLY_COLUMNS
    if analysis.by_person and "person" not in columns:
        columns = ["person", *columns]
    if analysis.targets_by_person is not None and not all_columns:
        columns = [*columns, *PROFILE_COLUMNS]
    if not all_columns:
        taken = [c for c in SUPPLEMENT_COLUMNS if c in frame and frame[c].fillna(0).gt(0).any()]
        columns = [*columns, *taken]
    shown = frame.loc[:, columns]
    if not all_columns:
        shown = _as_the_report_says(frame, shown, table)
    if fmt == "table":
        shown = shown.copy()
        for column in (c for c in RATIO_COLUMNS if c in shown.columns):
            shown[column] = shown[column].map(lambda v: "" if pd.isna(v) else f"{v:.2f}")
    if fmt == "json" and flags is not None:  # the rows and every flag, in one document
        rows = json.loads(format_frame(shown, "json"))
        emit(to_json({table: rows, "flags": records(flags)}))
        return
    emit(format_frame(shown, fmt))  # type: ignore[arg-type]


@cli.command(context_settings=CONTEXT)
@friendly_errors
@diary_argument()
@balance_options
@profile_options
@diary_options
def daily(
    diary: str,
    by: str | None,
    fmt: str,
    all_columns: bool,
    show_flags: bool,
    min_energy: float | None,
    engine: str,
    scheduler: str | None,
    chunk_rows: int | None,
    people: ProfileChoice,
    reading: DiaryReading,
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
        by=by,
        fmt=fmt,
        all_columns=all_columns,
        show_flags=show_flags,
        min_energy=min_energy,
        people=people,
        reading=reading,
        engine=Engine(engine, scheduler, chunk_rows),
    )


@cli.command(context_settings=CONTEXT)
@friendly_errors
@diary_argument()
@balance_options
@profile_options
@diary_options
def weekly(
    diary: str,
    by: str | None,
    fmt: str,
    all_columns: bool,
    show_flags: bool,
    min_energy: float | None,
    engine: str,
    scheduler: str | None,
    chunk_rows: int | None,
    people: ProfileChoice,
    reading: DiaryReading,
) -> None:
    """Weekly averages per ISO week (2026-W47): the daily columns averaged over complete days.

    One row per ISO week (and person); `days` is the number of complete days averaged
    (`days_logged` and `days_incomplete` with --all: a day is incomplete when too much of its
    food could not be used, its energy is implausibly low, or the app says so), counts are
    summed and ratios are recomputed from the averages (over the days on which both parts
    are known). With --flags, the findings on the week's averages: the DRIs describe usual
    intake, so the week says more than any single day (see `daily --flags` for those).

    Example: analyzer weekly diary.csv --by person --profiles profiles.csv --format json
    """
    _balance_command(
        diary,
        "weekly",
        by=by,
        fmt=fmt,
        all_columns=all_columns,
        show_flags=show_flags,
        min_energy=min_energy,
        people=people,
        reading=reading,
        engine=Engine(engine, scheduler, chunk_rows),
    )
