"""``read_diary``: any supported diary file to one normalized table, every row accounted for.

Steps: read the cells (:mod:`~analyzer.diary.csvio`), detect the format from the header
(:mod:`~analyzer.diary.detect`), stage the rows with the format's reader, match foods and
compute grams and nutrients (:mod:`~analyzer.diary.resolve`), then split the rows into used
``entries`` and ``rejected`` (status code and reason). Blank lines are not rows.
"""

from __future__ import annotations

from collections.abc import Callable, Sequence
from pathlib import Path
from typing import TYPE_CHECKING

import pandas as pd

from analyzer.diary.asa24 import stage_asa24_items, stage_asa24_totals
from analyzer.diary.cronometer import stage_daily, stage_servings
from analyzer.diary.csvio import (
    MAX_PREAMBLE_LINES,
    RawTable,
    promote_header,
    read_table,
)
from analyzer.diary.detect import detect_format, formats_help, unknown_layout
from analyzer.diary.freetext import stage_freetext
from analyzer.diary.loseit import stage_loseit
from analyzer.diary.mfp import check_calcium_dv, stage_mfp
from analyzer.diary.mfp_foods import is_printable, stage_mfp_foods, stage_mfp_printable
from analyzer.diary.model import (
    FORMATS,
    NUTRIENT_COLUMNS,
    REJECTED_COLUMNS,
    Diary,
    conform_entries,
    conform_rejected,
)
from analyzer.diary.nhanes import stage_nhanes
from analyzer.diary.own import stage_own
from analyzer.diary.resolve import NameMatcher, resolve
from analyzer.diary.staging import DAYFIRST_INFERRED, JOINED_REPEATS, MONTHFIRST_ASSUMED, Staged
from analyzer.diary.textio import MIXED_ENCODING
from analyzer.diary.xport import is_xport, read_xport
from analyzer.errors import DiaryFormatError, DiaryRowError
from analyzer.progress import ProgressCallback, Steps

if TYPE_CHECKING:
    from analyzer.foods.myfoods import MyFoods


Stager = Callable[..., Staged]

#: The reader of each format.
STAGERS: dict[str, Stager] = {
    "own": stage_own,
    "cronometer_servings": stage_servings,
    "cronometer_daily": stage_daily,
    "loseit": stage_loseit,
    "mfp": stage_mfp,
    "mfp_foods": stage_mfp_foods,
    "mfp_printable": stage_mfp_printable,
    "asa24_items": stage_asa24_items,
    "asa24_totals": stage_asa24_totals,
    "nhanes": stage_nhanes,
    "freetext": stage_freetext,
}


def _default_matcher() -> NameMatcher:
    from analyzer.foods.table import default_matcher

    return default_matcher()


def _default_foods() -> pd.DataFrame:
    from analyzer.foods.table import load_foods

    return load_foods()


def _with_user_aliases(
    matcher: NameMatcher, aliases: str | Path | Sequence[str | Path], foods: pd.DataFrame
) -> NameMatcher:
    """The matcher with the user's aliases in front (checked before the diary is read)."""
    from analyzer.foods.user_aliases import UserAliasMatcher, load_user_aliases

    paths = [aliases] if isinstance(aliases, str | Path) else list(aliases)
    if not paths:
        return matcher
    return UserAliasMatcher(matcher, load_user_aliases(paths, foods), foods)


def _with_my_foods(
    matcher: NameMatcher,
    my_foods: str | Path | Sequence[str | Path] | MyFoods,
    foods: pd.DataFrame,
) -> tuple[NameMatcher, MyFoods]:
    """Your foods resolved (checked before the diary is read), and the matcher with them
    in front."""
    from analyzer.diary.recipes import build_my_foods
    from analyzer.foods.myfoods import MyFoods, MyFoodsMatcher

    book = my_foods if isinstance(my_foods, MyFoods) else build_my_foods(my_foods, matcher, foods)
    return MyFoodsMatcher(matcher, list(book.rows.values())), book


def _find_header(table: RawTable, name: str) -> tuple[RawTable, str, list[str]]:
    """Look for the column names below a title or notes; raise if there are none."""
    for row in range(min(MAX_PREAMBLE_LINES, len(table.cells))):
        fmt = detect_format([str(cell) for cell in table.cells.iloc[row].tolist()])
        if fmt is not None:
            promoted = promote_header(table, row)
            note = (
                f"the column names are on line {promoted.header_line}; the "
                f"{row + 1} non-blank line(s) above them were skipped (not diary rows)"
            )
            return promoted, fmt, [note]
    raise unknown_layout(name, table.header)


def _mark_my_foods(frame: pd.DataFrame, book: MyFoods) -> None:
    """Rows of your foods: ``source`` ``yours`` where computed here, ``supplement`` forms."""
    from analyzer.diary.my_entries import supplement_forms
    from analyzer.foods.myfoods import my_food_ids

    mine = my_food_ids(frame["food_id"])
    computed = frame["source"].astype(str).eq("usda").to_numpy(dtype=bool)
    frame.loc[mine & computed, "source"] = "yours"
    forms = supplement_forms(frame["food_id"], book)
    if "supplement" in frame.columns:  # an app's own supplement rows (Cronometer) stay so
        given = frame["supplement"].astype(object).fillna("")
        forms = forms.where(forms.ne(""), given)
    frame["supplement"] = forms


def _parts(entries: pd.DataFrame, book: MyFoods | None) -> pd.DataFrame:
    from analyzer.diary.my_entries import recipe_parts

    return recipe_parts(entries, book)


#: The steps :func:`read_diary` reports to its ``progress`` callback, in order.
READ_STEPS: tuple[str, ...] = (
    "reading the file",
    "reading dates and amounts",
    "matching foods and computing nutrients",
    "collecting the rows",
)


def _reading_notes(frame: pd.DataFrame, table: RawTable) -> list[str]:
    """Notes on how the file was read: the date order settled or assumed, mixed encodings,
    overlapping joined exports."""
    notes: list[str] = []
    inferred = frame.attrs.get(DAYFIRST_INFERRED)
    if inferred is not None:
        notes.append(
            f"dates read as day/month/year, because dates such as {inferred!r} can only be "
            "read that way (give --dayfirst to say so, and check dates like 05/11)"
        )
    if table.encoding == MIXED_ENCODING:
        notes.append(
            "the file is UTF-8 except for a few lines, which were read as Windows-1252 (a "
            "spreadsheet may have saved them so): check the accented letters of those foods"
        )
    repeats = frame.attrs.get(JOINED_REPEATS)
    if repeats is not None:
        notes.append(
            f"{repeats[0]} row(s) after the repeated header, from line {repeats[1]}, repeat "
            "rows above it cell for cell: counted twice, as written; if the joined exports "
            "overlap, remove one copy"
        )
    assumed = frame.attrs.get(MONTHFIRST_ASSUMED)
    if assumed is not None:
        notes.append(
            f"dates such as {assumed!r} read either way; with no date in the file to settle "
            "it they were read month/day/year (US): if this diary writes day/month/year, "
            "give --dayfirst"
        )
    return notes


def read_diary(
    path: str | Path,
    *,
    input_format: str | None = None,
    dayfirst: bool | None = None,
    rematch: bool = False,
    strict: bool = False,
    mfp_calcium_dv: int | None = None,
    matcher: NameMatcher | None = None,
    progress: ProgressCallback | None = None,
    foods: pd.DataFrame | None = None,
    aliases: str | Path | Sequence[str | Path] | None = None,
    my_foods: str | Path | Sequence[str | Path] | MyFoods | None = None,
) -> Diary:
    """Read a food diary: our own CSV, an app export, a research file or a free-text log.

    Parameters
    ----------
    path : str or Path
        The CSV file (or an NHANES SAS transport ``.XPT`` file).
    input_format : str, optional
        Skip detection and read the file as this format, one of :data:`FORMATS` (``own``,
        ``cronometer_servings``, ``cronometer_daily``, ``loseit``, ``mfp``, ``mfp_foods``,
        ``mfp_printable``, ``asa24_items``, ``asa24_totals``, ``nhanes``, ``freetext``).
    dayfirst : bool, optional
        Read slash dates as day/month/year (``16/11/2026``, True) or month/day/year (False).
        Default None: the file's dates decide; a file whose dates can only be day-first is
        read day-first and a note says so, otherwise month/day/year.
    rematch : bool
        Cronometer servings: ignore the app's nutrient columns and match every food against
        USDA SR28 like our own diary.
    strict : bool
        Raise :class:`~analyzer.errors.DiaryRowError` listing every unusable row instead of
        returning them in ``rejected``.
    mfp_calcium_dv : {1000, 1300}, optional
        MyFitnessPal: the calcium Daily Value (mg) its %DV refers to; without it MFP calcium
        stays unknown.
    matcher : object with ``match_names``, optional
        Food-name matcher; default :func:`analyzer.foods.table.default_matcher`.
    foods : DataFrame, optional
        Nutrient table (per 100 g); default :func:`analyzer.foods.table.load_foods`.

    aliases : path or sequence of paths, optional
        The user's aliases files (CSV ``name,food_id``): a name listed there is that food,
        whatever the matcher would say (method ``alias (yours)``; see
        :mod:`analyzer.foods.user_aliases`). Bad lines raise
        :class:`~analyzer.errors.AliasFileError`, each with its line and fix.
    my_foods : path, sequence of paths or MyFoods, optional
        Your my-foods files (custom foods, recipes, supplements; see
        :mod:`analyzer.foods.myfoods_file`), or foods already resolved
        (:func:`analyzer.diary.recipes.build_my_foods`). Their names and aliases are matched
        before your aliases and the USDA table; a recipe entry's ingredients are in
        ``Diary.parts``. Bad lines raise :class:`~analyzer.errors.MyFoodsFileError`, each
        with its file, line, column, value and fix.
    progress : callable, optional
        Called as ``progress(step, done, total)`` when each step of :data:`READ_STEPS`
        starts and at the end (see :mod:`analyzer.progress`); the command line draws it
        for long diaries.

    Returns
    -------
    Diary
        ``entries`` (used rows), ``rejected`` (the rest, with reasons), ``format``,
        ``notes``, ``rows_in`` (= ``len(entries) + len(rejected)``).

    Raises
    ------
    DiaryFormatError
        The file cannot be read as a diary at all: not found, empty, binary, or no
        recognizable columns. The message lists the formats understood.
    DiaryRowError
        ``strict=True`` and some rows are unusable.
    AliasFileError
        An aliases file is missing or has bad lines.
    MyFoodsFileError
        A my-foods file is missing or has bad lines.
    """
    name = str(path)
    if aliases is not None:
        foods = foods if foods is not None else _default_foods()
        matcher = _with_user_aliases(matcher or _default_matcher(), aliases, foods)
    book = None
    if my_foods is not None:
        foods = foods if foods is not None else _default_foods()
        matcher, book = _with_my_foods(matcher or _default_matcher(), my_foods, foods)
    if input_format is not None and input_format not in FORMATS:
        raise DiaryFormatError(name, f"unknown input format {input_format!r}", formats_help())
    check_calcium_dv(name, mfp_calcium_dv)
    steps = Steps(progress, READ_STEPS)
    steps.start(READ_STEPS[0])
    table = read_xport(path) if is_xport(path) else read_table(path)
    fmt = input_format or detect_format(table.header)
    preamble: list[str] = []
    if fmt is None and is_printable(table):
        fmt = "mfp_printable"
    if fmt is None:
        table, fmt, preamble = _find_header(table, name)
    steps.start(READ_STEPS[1])
    staged = STAGERS[fmt](
        table, path=name, dayfirst=dayfirst, rematch=rematch, mfp_calcium_dv=mfp_calcium_dv
    )
    staged.notes[:0] = preamble
    frame, problems = staged.frame, staged.problems
    staged.notes.extend(_reading_notes(frame, table))
    steps.start(READ_STEPS[2])
    if staged.mode != "none" and len(frame):
        foods = foods if foods is not None else _default_foods()
        frame = resolve(
            frame,
            problems,
            matcher if matcher is not None else _default_matcher(),
            foods,
            required=staged.mode == "usda",
            my_foods=book,
        )
        if book is not None:
            _mark_my_foods(frame, book)
        if staged.after is not None:  # the reader's own last step (MyFitnessPal food rows)
            frame, more = staged.after(frame, foods)
            staged.notes.extend(more)
    else:  # keep what the reader filled (research files give codes, categories and grams)
        missing = pd.Series(pd.NA, index=frame.index, dtype="string")
        defaults = {
            "food_id": missing,
            "description": missing,
            "category": "other",
            "grams": float("nan"),
        }
        frame = frame.assign(**{k: v for k, v in defaults.items() if k not in frame.columns})
    for column in NUTRIENT_COLUMNS:
        if column not in frame.columns:
            frame[column] = float("nan")
    steps.start(READ_STEPS[3])
    used = problems.ok
    entries = conform_entries(frame[used])
    rejected = conform_rejected(
        frame.loc[~used]
        .reindex(columns=[c for c in REJECTED_COLUMNS if c not in ("status", "reason")])
        .assign(status=problems.status[~used], reason=problems.reason[~used])
    )
    diary = Diary(
        entries=entries,
        rejected=rejected,
        format=fmt,
        path=name,
        notes=staged.notes,
        rows_in=len(frame),
        parts=_parts(entries, book),
    )
    steps.finish()
    if strict and len(rejected):
        pairs = zip(rejected["line"].tolist(), rejected["reason"].tolist(), strict=True)
        raise DiaryRowError(name, [(int(line), str(reason)) for line, reason in pairs])
    return diary
