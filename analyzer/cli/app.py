"""The ``analyzer`` command group, its version option, and the error-to-exit-code rule.

Data goes to stdout, messages to stderr. Exit codes: 0 ok, 1 bad input (any
:class:`~analyzer.errors.AnalyzerError`), 2 usage (click's own). The command modules of this
package never compute: they call the library and print what it returns.
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
