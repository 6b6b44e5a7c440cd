"""``analyzer entries``: how each diary row was understood."""

from __future__ import annotations

from analyzer.cli.app import CONTEXT, cli, emit, friendly_errors
from analyzer.cli.options import (
    TABLE_FORMATS,
    DiaryReading,
    diary_argument,
    diary_options,
    format_option,
    load_diary_for_cli,
    require_usable,
)

#: Columns of the entries view, in order.
ENTRIES_VIEW_COLUMNS = [
    "line",
    "date",
    "food",
    "status",
    "reason",
    "food_id",
    "description",
    "match_method",
    "match_confidence",
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


@cli.command(context_settings=CONTEXT)
@friendly_errors
@diary_argument()
@format_option(TABLE_FORMATS)
@diary_options
def entries(diary: str, fmt: str, reading: DiaryReading) -> None:
    """Show how each diary row was understood: food matched, grams, minerals.

    One row per diary row, in input order; status is 'ok' for used rows, else a short code
    with the reason; match_method and match_confidence say how each food was found. Rows
    not used are also listed on stderr, then a summary.

    Example: analyzer entries diary.csv --format csv > checked.csv
    """
    from analyzer.cli.output import format_frame

    loaded = load_diary_for_cli(diary, reading, require_rows=False)
    view = loaded.all_rows().reindex(columns=ENTRIES_VIEW_COLUMNS)
    emit(format_frame(view, fmt))  # type: ignore[arg-type]
    require_usable(diary, loaded)
