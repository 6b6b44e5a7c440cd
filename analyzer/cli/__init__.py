"""Command-line interface: one module per command group, over the library.

``analyzer`` (the console script) and ``python -m analyzer`` call :func:`main`. Importing
this package registers every command on :data:`cli`; heavy modules (the chart's
matplotlib, the optimizer's scipy) load only inside the commands that need them.
"""

from __future__ import annotations

from analyzer.cli import balance, chart, cohort, entries, foods, report
from analyzer.cli.app import CONTEXT, cli, friendly_errors
from analyzer.cli.options import DIARY_FORMATS, diary_options, load_diary_for_cli


def main() -> None:
    """Entry point of the ``analyzer`` console script."""
    cli()


__all__ = [
    "CONTEXT",
    "DIARY_FORMATS",
    "balance",
    "chart",
    "cli",
    "cohort",
    "diary_options",
    "entries",
    "foods",
    "friendly_errors",
    "load_diary_for_cli",
    "main",
    "report",
]
