"""Options shared by the commands, each defined once, and the helpers that use them.

Each ``*_options`` decorator adds its click options and hands the command one typed value
instead of loose keywords: :class:`DiaryReading` (how to read the diary),
:class:`ProfileChoice` (whose targets) and :class:`~analyzer.models.Settings` (the plan's
settings, defaults from the model). :func:`load_diary_for_cli` reads a diary and reports
every unusable row on stderr, so each command accounts for every row the same way;
:func:`analyze_for_cli` reads and analyses it and states the profile used.
"""

from __future__ import annotations

import functools
import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from dataclasses import dataclass
from typing import TYPE_CHECKING, Any

import click

from analyzer.cli.app import F
from analyzer.cli.params import MAX_CUPS_PER_DAY, MAX_RATIO_TARGET, Day, Engine, IsoWeek, Number
from analyzer.diary.model import FORMATS
from analyzer.models import Profile, Settings

if TYPE_CHECKING:
    import pandas as pd

    from analyzer.balance import Analysis
    from analyzer.diary import Diary

#: Formats of the tables (``entries``, ``daily``, ``weekly``, ``foods search``).
TABLE_FORMATS = ("table", "csv", "json")
#: Formats of the weekly report: terminal text, JSON, or one self-contained HTML page.
REPORT_FORMATS = ("text", "json", "html")
#: Formats of the cohort answer: its tables, CSV, JSON, or one self-contained HTML page.
COHORT_FORMATS = (*TABLE_FORMATS, "html")
#: Formats ``--input-format`` accepts: the diary readers' (:data:`analyzer.diary.FORMATS`).
DIARY_FORMATS = tuple(FORMATS)
#: Diaries at least this large show the progress of reading them on stderr. [bytes]
#: (about 50,000 rows of our own format)
PROGRESS_MIN_BYTES = 4_000_000


#: A click command callback (decorators below change its keyword arguments).
Command = Callable[..., Any]


week_option = click.option("--week", type=IsoWeek(), default=None, help="ISO week, e.g. 2026-W47.")
start_option = click.option(
    "--start",
    type=Day(),
    default=None,
    help="First day of the seven days to report on (instead of --week).",
)


def _apply(func: Command, options: list[Callable[[Command], Command]]) -> Command:
    for option in reversed(options):
        func = option(func)
    return func


def format_option(choices: tuple[str, ...]) -> Callable[[F], F]:
    """``--format``: one of ``choices``, the first the default."""
    return click.option(
        "--format",
        "fmt",
        type=click.Choice(choices),
        default=choices[0],
        show_default=True,
        help="Output format.",
    )


def diary_argument(required: bool = True) -> Callable[[F], F]:
    """The ``DIARY`` argument: a file path, ``-`` for standard input.

    The file is not checked by click (which would exit 2): a missing or unreadable diary is
    bad input, reported by the reader with exit code 1 like every other bad input.
    """
    return click.argument("diary", required=required, type=click.STRING)


person_option = click.option("--person", help="Whose diary, when the file holds several people.")


@dataclass(frozen=True)
class DiaryReading:
    """How to read a diary: the options of :func:`diary_options`."""

    input_format: str | None = None
    dayfirst: bool | None = None
    rematch: bool = False
    strict: bool = False
    mfp_calcium_dv: int | None = None
    aliases: tuple[str, ...] = ()
    my_foods: tuple[str, ...] = ()

    def alias_files(self) -> list[str]:
        """The aliases files to read: the default one when it exists, then ``--aliases``."""
        from analyzer.foods.user_aliases import default_aliases_path

        default = default_aliases_path()
        found = [str(default)] if default is not None and default.is_file() else []
        return [*found, *(a for a in self.aliases if a not in found)]

    def my_foods_files(self) -> list[str]:
        """The my-foods files to read: the default one when it exists, then ``--foods``."""
        from analyzer.foods.myfoods_file import default_my_foods_path

        default = default_my_foods_path()
        found = [str(default)] if default is not None and default.is_file() else []
        return [*found, *(f for f in self.my_foods if f not in found)]


def diary_options(func: Command) -> Command:
    """Add the diary-reading options; the command receives ``reading: DiaryReading``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        input_format: str | None,
        dayfirst: bool | None,
        rematch: bool,
        strict: bool,
        mfp_calcium_dv: str | None,
        aliases: tuple[str, ...],
        my_foods: tuple[str, ...],
        **kwargs: Any,
    ) -> Any:
        reading = DiaryReading(
            input_format,
            dayfirst,
            rematch,
            strict,
            int(mfp_calcium_dv) if mfp_calcium_dv is not None else None,
            tuple(aliases),
            tuple(my_foods),
        )
        return func(*args, reading=reading, **kwargs)

    return _apply(
        wrapper,
        [
            click.option(
                "--input-format",
                type=click.Choice(DIARY_FORMATS),
                default=None,
                help="Read the diary as this format instead of detecting it from the header.",
            ),
            click.option(
                "--dayfirst/--monthfirst",
                default=None,
                help="Read slash dates as day/month/year (16/11/2026) or month/day/year "
                "(11/16/2026). Default: the file's own dates decide (day-first only when some "
                "date can only be read that way), else month/day/year.",
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
            click.option(
                "--aliases",
                "aliases",
                metavar="FILE",
                multiple=True,
                type=click.STRING,
                help="CSV of your own names, name,food_id (repeatable): a name listed is that "
                "USDA food. Also read: ~/.config/analyzer/aliases.csv (or $ANALYZER_ALIASES).",
            ),
            click.option(
                "--foods",
                "my_foods",
                metavar="FILE",
                multiple=True,
                type=click.STRING,
                help="CSV of your own foods, recipes and supplements (repeatable; see the "
                "README). Also read: ~/.config/analyzer/my_foods.csv (or $ANALYZER_FOODS).",
            ),
        ],
    )


@dataclass(frozen=True)
class ProfileChoice:
    """Whose targets: the profile options of :func:`profile_options`."""

    sex: str | None = None
    age: float | None = None
    pregnant: bool = False
    lactating: bool = False
    profiles_path: str | None = None

    def resolve(self) -> tuple[Profile | None, pd.DataFrame | None]:
        """The profile (``None`` = the default) and per-person profiles (``None`` = none).

        Call it before reading the diary, so a bad profile or profiles file fails first.
        """
        from analyzer.balance.targets import make_profile

        profile = None
        if self.sex is not None or self.age is not None or self.pregnant or self.lactating:
            given: dict[str, Any] = {"pregnant": self.pregnant, "lactating": self.lactating}
            given.update(
                {k: v for k, v in (("sex", self.sex), ("age", self.age)) if v is not None}
            )
            profile = make_profile(**given)
        profiles = None
        if self.profiles_path is not None:
            from analyzer.balance.profiles import load_profiles

            profiles = load_profiles(self.profiles_path)
        return profile, profiles


def _check_life_stage(people: ProfileChoice) -> None:
    """Options that contradict each other are a usage error (exit 2), found at once."""
    if not (people.pregnant or people.lactating):
        return
    if people.pregnant and people.lactating:
        raise click.UsageError("give --pregnant or --lactating, not both")
    if people.sex == "male":
        raise click.UsageError("--pregnant and --lactating apply to --sex female only")
    age = 35.0 if people.age is None else people.age
    if not 14 <= age < 51:
        raise click.UsageError(
            f"--pregnant and --lactating need --age from 14 to 50 (the DRI tables give "
            f"pregnancy and lactation values for those ages), not {age:g}"
        )


def profile_options(func: Command) -> Command:
    """Add ``--sex``, ``--age``, ``--pregnant``, ``--lactating``, ``--profiles``; the command
    receives ``people: ProfileChoice``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any,
        sex: str | None,
        age: float | None,
        pregnant: bool,
        lactating: bool,
        profiles_path: str | None,
        **kwargs: Any,
    ) -> Any:
        people = ProfileChoice(sex, age, pregnant, lactating, profiles_path)
        _check_life_stage(people)
        return func(*args, people=people, **kwargs)

    return _apply(
        wrapper,
        [
            click.option(
                "--sex",
                type=click.Choice(["female", "male"]),
                default=None,
                help="Sex for the DRI targets [default: female].",
            ),
            click.option(
                "--age", type=Number(0.0, 120.0), default=None, help="Age [years] [default: 35]."
            ),
            click.option(
                "--pregnant", is_flag=True, help="Use the pregnancy DRIs (females 14-50)."
            ),
            click.option(
                "--lactating", is_flag=True, help="Use the lactation DRIs (females 14-50)."
            ),
            click.option(
                "--profiles",
                "profiles_path",
                type=click.STRING,
                default=None,
                help="CSV of per-person profiles (person,sex,age[,pregnant,lactating]); "
                "others get --sex/--age or the default.",
            ),
        ],
    )


def _default(name: str) -> float:
    return float(Settings.model_fields[name].default)


#: ``--min-energy``: the "implausibly little food" check (``Settings``).
min_energy_option = click.option(
    "--min-energy",
    type=click.FloatRange(min=0, max=1, max_open=True),
    default=None,
    help="A day whose energy is below this fraction of the profile's sedentary need (Dietary "
    "Guidelines) is incomplete: shown, but left out of the week's averages, flags and plan "
    "[default: 0.5, this tool's choice; 0 turns the check off].",
)


def settings_options(func: Command) -> Command:
    """Add ``--ratio-target``, ``--max-cups`` and ``--min-energy`` (defaults from
    :class:`Settings`); the command receives ``settings: Settings``."""

    @functools.wraps(func)
    def wrapper(
        *args: Any, ratio_target: float, max_cups: float, min_energy: float | None, **kwargs: Any
    ) -> Any:
        settings = Settings(
            ca_p_mass_ratio_target=ratio_target,
            greens_cups_max_per_day=max_cups,
            implausible_energy_fraction=min_energy,
        )
        return func(*args, settings=settings, **kwargs)

    return _apply(
        wrapper,
        [
            min_energy_option,
            click.option(
                "--ratio-target",
                type=Number(0.0, MAX_RATIO_TARGET, low_open=True),
                default=_default("ca_p_mass_ratio_target"),
                show_default=True,
                help="Ca:P mass-ratio goal of the greens plan (your setting; not a DRI).",
            ),
            click.option(
                "--max-cups",
                type=Number(0.5, MAX_CUPS_PER_DAY),
                default=_default("greens_cups_max_per_day"),
                show_default=True,
                help="Most cooked cups of each green per day in the plan.",
            ),
        ],
    )


@contextmanager
def diary_progress(path: str) -> Iterator[Callable[[str, int, int], None] | None]:
    """A progress callback for reading a long diary, or None for a short one.

    On a terminal the steps drive a progress bar on stderr; otherwise each step is one line
    on stderr (``diary.csv: matching foods and computing nutrients (2/4 steps done)``).
    """
    try:
        size = os.path.getsize(path)
    except OSError:
        size = 0
    if size < PROGRESS_MIN_BYTES:
        yield None
        return
    name = os.path.basename(path)
    stream = sys.stderr
    if stream.isatty():
        from analyzer.diary.read import READ_STEPS

        with click.progressbar(
            length=len(READ_STEPS), label=f"Reading {name}", file=stream, show_eta=False
        ) as bar:

            def advance(step: str, done: int, total: int) -> None:
                bar.label = f"Reading {name}: {step}"
                bar.update(done - bar.pos)

            yield advance
        return

    def announce(step: str, done: int, total: int) -> None:
        click.echo(f"{name}: {step} ({done}/{total} steps done)", err=True)

    yield announce


#: Longest reason echoed for a row; a longer one is cut. [characters]
REASON_CHARS = 300


def row_messages(path: str, rejected: pd.DataFrame) -> list[str]:
    """The rows not used, one message per distinct reason naming its lines
    (:func:`analyzer.errors.grouped_rows`), each prefixed with the diary's path."""
    from analyzer.errors import grouped_rows

    pairs = zip(rejected["line"].tolist(), rejected["reason"].astype(str).tolist(), strict=True)
    cut = [
        (line, r if len(r) <= REASON_CHARS else r[: REASON_CHARS - 1] + "…") for line, r in pairs
    ]
    return [f"{path} {message}" for message in grouped_rows(cut)]


def load_diary_for_cli(path: str, reading: DiaryReading, *, require_rows: bool = True) -> Diary:
    """Read a diary; report unusable rows on stderr (grouped by reason).

    Prints the rows not used (:func:`row_messages`), the reader's notes, and a summary
    ``62 rows: 60 used, 2 not used``; returns the :class:`analyzer.diary.Diary`.

    Raises
    ------
    NoDataError
        With ``require_rows``: no row of the diary can be used (exit 1, after the reasons).
    """
    from analyzer.diary import read_diary

    with diary_progress(path) as progress:
        diary = read_diary(
            path,
            input_format=reading.input_format,
            dayfirst=reading.dayfirst,
            rematch=reading.rematch,
            strict=reading.strict,
            mfp_calcium_dv=reading.mfp_calcium_dv,
            progress=progress,
            aliases=reading.alias_files() or None,
            my_foods=reading.my_foods_files() or None,
        )
    for message in row_messages(path, diary.rejected):
        click.echo(message, err=True)
    for note in diary.notes:
        click.echo(f"Note: {note}", err=True)
    click.echo(diary.summary(), err=True)
    if require_rows:
        require_usable(path, diary)
    return diary


def require_usable(path: str, diary: Diary) -> None:
    """Raise :class:`NoDataError` when no row of ``diary`` can be used."""
    from analyzer.errors import NoDataError

    if diary.rows_used == 0:
        raise NoDataError(
            f"{path}: no row of the diary can be used",
            "see the reasons above (or `analyzer entries DIARY`)"
            if diary.rows_in
            else "the file has no data rows",
        )


def analyze_for_cli(
    path: str,
    reading: DiaryReading,
    people: ProfileChoice,
    settings: Settings | None = None,
    by_person: bool | None = None,
    engine: Engine | None = None,
) -> Analysis:
    """Read and analyse a diary; with per-person profiles, say who got which profile."""
    from analyzer.balance import analyze

    engine = engine or Engine()
    profile, profiles = people.resolve()
    diary = load_diary_for_cli(path, reading)
    analysis = analyze(
        diary,
        profile=profile,
        settings=settings,
        profiles=profiles,
        by_person=by_person,
        chunk_rows=engine.chunk_rows,
        engine=engine.name,
        scheduler=engine.scheduler,
    )
    for line in analysis.profile_notes:
        click.echo(f"Note: {line}", err=True)
    return analysis


def example_option(verb: str) -> Callable[[F], F]:
    """The ``--example NAME`` option: use a bundled example diary instead of a file."""
    return click.option(
        "--example",
        metavar="NAME",
        help=f"{verb} a bundled example diary instead of a file: western or balanced.",
    )


def diary_or_example(diary: str | None, example: str | None) -> str:
    """The diary file to read: ``DIARY``, or the bundled example named by ``--example``.

    Raises
    ------
    click.UsageError
        Neither or both given (exit code 2).
    """
    if (diary is None) == (example is None):
        raise click.UsageError("give a DIARY file or --example NAME (not both)")
    if example is None:
        return str(diary)
    from analyzer.examples import example_path

    return str(example_path(example))
