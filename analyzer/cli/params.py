"""Option value types checked when the options are parsed (a bad value exits 2 at once)."""

from __future__ import annotations

import datetime as dt
import math
from dataclasses import dataclass
from typing import Any

import click


class Number(click.ParamType):
    """A finite number within bounds, checked when the options are parsed (exit 2 if not).

    click's ``FloatRange`` lets ``nan`` through (every comparison with it is false) and
    ``inf`` or ``1e308`` overflow the plan; this type refuses them with the range.
    """

    name = "number"

    def __init__(self, low: float, high: float, low_open: bool = False) -> None:
        self.low, self.high, self.low_open = low, high, low_open

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> float:
        try:
            number = float(value)
        except (TypeError, ValueError):
            self.fail(f"{str(value)[:40]!r} is not a number", param, ctx)
        above = number > self.low if self.low_open else number >= self.low
        if not (math.isfinite(number) and above and number <= self.high):
            sign = ">" if self.low_open else ">="
            self.fail(
                f"{str(value)[:40]} is not a number {sign} {self.low:g} and <= {self.high:g}",
                param,
                ctx,
            )
        return number


class IsoWeek(click.ParamType):
    """An ISO week ``YYYY-Www`` that exists and lies in the dates this tool handles."""

    name = "YYYY-Www"

    def convert(self, value: Any, param: click.Parameter | None, ctx: click.Context | None) -> str:
        from analyzer.balance.weeks import week_start
        from analyzer.errors import NoDataError

        try:
            week_start(str(value))
        except NoDataError as error:
            self.fail(str(error), param, ctx)
        return str(value).strip()


class Day(click.ParamType):
    """A date ``YYYY-MM-DD`` in the dates this tool handles."""

    name = "YYYY-MM-DD"

    def convert(
        self, value: Any, param: click.Parameter | None, ctx: click.Context | None
    ) -> dt.date:
        from analyzer.balance.weeks import first_day
        from analyzer.errors import NoDataError

        if isinstance(value, dt.date):
            return value
        try:
            return first_day(str(value)).date()
        except NoDataError as error:
            self.fail(str(error), param, ctx)


#: Most Ca:P mass ratio a user may aim for: above any ratio the literature names (EFSA's
#: whole-body molar 1.4-1.9, i.e. mass 1.8-2.5; infant formula mass 1.1-2.0). [mg/mg]
MAX_RATIO_TARGET = 4.0


#: Most cooked cups of one green a day the plan may propose (16 half-cup servings). [cup]
MAX_CUPS_PER_DAY = 8.0


#: Most weeks a trend chart shows (ten years; a longer span would not be readable). [weeks]
MAX_TREND_WEEKS = 520


@dataclass(frozen=True)
class Engine:
    """How the analysis runs (``--engine``, ``--scheduler``, ``--chunk-rows``): never what
    it computes."""

    name: str = "pandas"
    scheduler: str | None = None
    chunk_rows: int | None = None
