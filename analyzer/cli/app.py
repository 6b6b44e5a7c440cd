"""The ``analyzer`` command group, its version option, and the error-to-exit-code rule.

Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 bad input (any
:class:`~analyzer.errors.AnalyzerError`), 2 usage (click's own). The command modules of this
package never compute: they call the library and print what it returns.
"""

from __future__ import annotations

import contextlib
import logging
import os
import sys
from collections.abc import Callable
from functools import wraps
from importlib.metadata import PackageNotFoundError, version
from typing import Any, NoReturn, TypeVar

import click

from analyzer.errors import AnalyzerError, OutputError

F = TypeVar("F", bound=Callable[..., Any])
CONTEXT = {"help_option_names": ["-h", "--help"], "max_content_width": 100}


def _version() -> str:
    try:
        return version("analyzer")
    except PackageNotFoundError:
        return "0+unknown"


#: Peak memory per diary row of a run (``make bench``: about 1.1 GB at a million rows). [B]
PEAK_BYTES_PER_ROW = 1_100


def out_of_memory_message(memory_bytes: int | None = None) -> str:
    """What to say when the machine runs out of memory: how many rows it can take at once
    (from its physical memory and :data:`PEAK_BYTES_PER_ROW`), and what to do.

    Examples
    --------
    >>> out_of_memory_message(8 * 2**30)[56:111]
    '(8.0 GB of memory, enough for about 7.8 million rows at'
    """
    if memory_bytes is None:
        memory_bytes = _physical_memory()
    size = ""
    if memory_bytes:
        rows = memory_bytes / PEAK_BYTES_PER_ROW / 1e6
        size = (
            f" ({memory_bytes / 2**30:.1f} GB of memory, enough for about {rows:.1f} million "
            "rows at once)"
        )
    return (
        f"out of memory: this diary is too large for this machine{size}. Every result is per "
        "person, so split the file by person and run each part, or use a larger machine "
        "(daily and weekly also run on a dask cluster: --engine dask --scheduler ADDRESS)"
    )


def _physical_memory() -> int | None:
    try:
        return int(os.sysconf("SC_PAGE_SIZE") * os.sysconf("SC_PHYS_PAGES"))
    except (AttributeError, ValueError, OSError):
        return None  # not a POSIX system


def _quiet_stdout() -> None:
    """Point stdout at /dev/null, so that the exit's final flush cannot fail again."""
    try:
        devnull = os.open(os.devnull, os.O_WRONLY)
        os.dup2(devnull, sys.stdout.fileno())
    except (OSError, ValueError, AttributeError):
        pass


def _fail(message: str) -> NoReturn:
    with contextlib.suppress(OSError):
        click.echo(f"Error: {message}", err=True)
    sys.exit(1)


def friendly_errors(func: F) -> F:
    """Turn the project's errors into one clear message on stderr and exit code 1.

    Also: output that cannot be written (a full disk: :class:`OutputError`), a reader that
    closed the pipe (``| head``: exit 1, no message) and running out of memory.
    """

    @wraps(func)
    def wrapper(*args: Any, **kwargs: Any) -> Any:
        try:
            return func(*args, **kwargs)
        except BrokenPipeError:
            _quiet_stdout()
            sys.exit(1)
        except OutputError as error:
            _quiet_stdout()
            _fail(str(error))
        except AnalyzerError as error:
            _fail(str(error))
        except MemoryError:
            _fail(out_of_memory_message())

    return wrapper  # type: ignore[return-value]


def emit(text: str, nl: bool = True) -> None:
    """Write data to stdout; a failed write raises :class:`OutputError` (exit 1)."""
    try:
        click.echo(text, nl=nl)
        sys.stdout.flush()
    except BrokenPipeError:
        raise
    except OSError as error:
        raise OutputError(error.strerror or str(error)) from None


class _NoteHandler(logging.Handler):
    """Show the library's warnings (e.g. a cache it would not trust) as notes on stderr."""

    def emit(self, record: logging.LogRecord) -> None:
        with contextlib.suppress(OSError):
            click.echo(f"Note: {record.getMessage()}", err=True)


def _show_library_notes() -> None:
    logger = logging.getLogger("analyzer")
    if not any(isinstance(h, _NoteHandler) for h in logger.handlers):
        logger.addHandler(_NoteHandler(logging.WARNING))
        logger.propagate = False


@click.group(context_settings=CONTEXT)
@click.version_option(_version(), "--version", prog_name="analyzer")
def cli() -> None:
    """Calcium-phosphorus balance from a food diary, on USDA SR28 data.

    Not medical advice: the figures are estimates from published coefficients.
    """
    _show_library_notes()
