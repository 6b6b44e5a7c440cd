"""Options shared by the commands that read a diary: format, dates, matching, profile.

:func:`load_diary_for_cli` reads a diary and reports every unusable row on stderr, so each
command accounts for every row the same way; :func:`profile_inputs` turns the profile
options into the library's :class:`~analyzer.models.Profile` and per-person profiles.
"""

from __future__ import annotations

import os
import sys
from collections.abc import Callable, Iterator
from contextlib import contextmanager
from typing import Any

import click

from analyzer.cli.app import F

#: Formats ``--input-format`` accepts (same as :data:`analyzer.diary.FORMATS`).
DIARY_FORMATS = ("own", "cronometer_servings", "cronometer_daily", "loseit", "mfp")


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
    ]
    for option in reversed(options):
        func = option(func)
    return func


#: Diaries at least this large show the progress of reading them on stderr. [bytes]
#: (about 50,000 rows of our own format)
PROGRESS_MIN_BYTES = 4_000_000


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


def load_diary_for_cli(
    path: str,
    *,
    input_format: str | None = None,
    dayfirst: bool | None = None,
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

    with diary_progress(path) as progress:
        diary = read_diary(
            path,
            input_format=input_format,
            dayfirst=dayfirst,
            rematch=rematch,
            strict=strict,
            mfp_calcium_dv=int(mfp_calcium_dv) if mfp_calcium_dv is not None else None,
            progress=progress,
        )
    rejected = diary.rejected
    for line, reason in zip(rejected["line"].tolist(), rejected["reason"].tolist(), strict=True):
        click.echo(f"{path} line {line}: {reason}", err=True)
    for note in diary.notes:
        click.echo(f"Note: {note}", err=True)
    click.echo(diary.summary(), err=True)
    return diary


def profile_options(func: F) -> F:
    """Add the profile options: ``--sex``, ``--age``, ``--pregnant``, ``--lactating``,
    ``--profiles``."""
    options = [
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
    ]
    for option in reversed(options):
        func = option(func)
    return func


def profile_inputs(
    sex: str | None,
    age: float | None,
    pregnant: bool,
    lactating: bool,
    profiles_path: str | None,
) -> tuple[Any, Any]:
    """The profile (``None`` = the default) and per-person profiles (``None`` = none).

    The profiles file is read here, before the diary, so a bad file fails first.
    """
    from analyzer.balance.targets import make_profile

    profile = None
    if sex is not None or age is not None or pregnant or lactating:
        given: dict[str, Any] = {"pregnant": pregnant, "lactating": lactating}
        given.update({k: v for k, v in (("sex", sex), ("age", age)) if v is not None})
        profile = make_profile(**given)
    profiles = None
    if profiles_path is not None:
        from analyzer.balance.profiles import load_profiles

        profiles = load_profiles(profiles_path)
    return profile, profiles


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
