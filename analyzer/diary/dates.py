"""Parse diary dates, once per DISTINCT date text, with a documented rule for ambiguity.

Accepted forms:

- ISO ``2026-11-16``, ``2026-4-8``, ``2026/11/16``, optionally with a time
  ``2026-11-16 08:30``, ``2026-11-16T08:30:00``, ``2026-11-16 8:30 PM``; ISO basic
  ``20261116``;
- slash or dash dates with the year last, ``11/16/2026`` or ``16/11/2026`` (see below);
- dotted dates ``16.11.2026``, always day.month.year (the only convention that uses dots);
- month names: ``Nov 16, 2026``, ``November 16, 2026``, ``16 Nov 2026``, ``16-Nov-2026``.

The rule for slash/dash dates: with ``dayfirst=None`` (the default) the file's own dates
decide. When some dates can only be day/month/year (``16/11/2026``) and none can only be
month/day/year, the whole file is read day-first (a spreadsheet saved in much of Europe) and
:attr:`ParsedDates.inferred_dayfirst` names the date that settled it, so the reader can say
so. Otherwise slash dates are month/day/year (the US apps' order). ``dayfirst=True`` or
``False`` forces an order. A date that is impossible in the chosen order is a row error that
suggests the other order. When the file's dates contradict each other (some only possible
day-first, others only month-first), every date that could be read both ways
(``05/11/2026``) is reported as ambiguous instead of being silently misread. A two-digit
year is ambiguous and a row error. Years outside 1900-2100 are row errors. A five-digit
number is an Excel day number that lost its date format: a row error that names the date
it stands for.
"""

from __future__ import annotations

from dataclasses import dataclass

import numpy as np
import pandas as pd

from analyzer.distinct import text_codes
from analyzer.errors import quote

#: Years accepted in a diary date.
MIN_YEAR, MAX_YEAR = 1900, 2100
#: Why a date of another year is refused.
OUT_OF_RANGE = f"is outside the years {MIN_YEAR} to {MAX_YEAR} this tool reads"
#: Hours in a 12-hour clock (for AM/PM times).
HOURS_PER_HALF_DAY = 12

_TIME = (
    r"(?:(?:\s+|T)(?P<hh>\d{1,2}):(?P<mm>\d{2})(?::(?P<ss>\d{2})(?:\.\d+)?)?"
    r"\s*(?P<ampm>[AaPp]\.?[Mm]\.?)?)?\s*(?:Z|[+-]\d{2}:?\d{2})?"
)
_ISO = r"^(?P<y>\d{4})[-/.](?P<m>\d{1,2})[-/.](?P<d>\d{1,2})" + _TIME + r"$"
_BASIC = r"^(?P<y>(?:19|20|21)\d{2})(?P<m>[01]\d)(?P<d>[0-3]\d)$"
_SERIAL = r"^\d{5}(?:\.\d+)?$"
#: Longest date text read (``Wednesday, November 16, 2026 12:30:45 PM +01:00`` is 48). [chars]
MAX_DATE_CHARS = 64
#: Day 0 of Excel's (1900) date serial numbers: serial 46342 is 2026-11-16.
EXCEL_EPOCH = pd.Timestamp("1899-12-30")
_YEAR_LAST = (
    r"^(?P<a>\d{1,2})(?P<sep>[/.\-])(?P<b>\d{1,2})(?P=sep)(?P<y>\d{2}|\d{4})" + _TIME + r"$"
)
_TEXT_FORMATS: tuple[str, ...] = (
    "%b %d, %Y",
    "%B %d, %Y",
    "%b %d %Y",
    "%B %d %Y",
    "%d %b %Y",
    "%d %B %Y",
    "%d-%b-%Y",
    "%a, %b %d, %Y",
    "%A, %B %d, %Y",
)


@dataclass(frozen=True)
class ParsedDates:
    """Dates parsed from a column of text, aligned with it.

    Attributes
    ----------
    date : Series of datetime64[ns]
        Midnight of each date; NaT where it could not be read.
    time : Series of string
        ``HH:MM`` (24 h, ``HH:MM:SS`` if seconds were given) when the cell carried a time.
    status : Series of object
        ``bad_date`` / ``missing_date`` where the date could not be used, else None.
    reason : Series of object
        Why, naming the value and the fix.
    inferred_dayfirst : str or None
        With ``dayfirst=None``: the date text that showed the file is day/month/year, when
        the file was read day-first for that reason; else None.
    assumed_monthfirst : str or None
        With ``dayfirst=None``: a date text that reads either way (``03/04/2025``) in a file
        none of whose dates settles the order, read month/day/year; else None.
    """

    date: pd.Series
    time: pd.Series
    status: pd.Series
    reason: pd.Series
    inferred_dayfirst: str | None = None
    assumed_monthfirst: str | None = None


def _ymd(year: pd.Series, month: pd.Series, day: pd.Series) -> pd.Series:
    """Vectorized date construction; NaT where impossible (e.g. 2026-02-30)."""
    ok = year.between(MIN_YEAR, MAX_YEAR) & month.between(1, 12) & day.between(1, 31)
    parts = pd.DataFrame(
        {
            "year": year.where(ok, 2000).astype("int64"),
            "month": month.where(ok, 1).astype("int64"),
            "day": day.where(ok, 1).astype("int64"),
        }
    )
    dates = pd.to_datetime(parts, errors="coerce")
    return dates.where(ok).astype("datetime64[ns]")


def _num(series: pd.Series) -> pd.Series:
    return pd.to_numeric(series, errors="coerce").fillna(-1).astype("int64")


def _times(parts: pd.DataFrame) -> tuple[pd.Series, pd.Series]:
    """``HH:MM[:SS]`` text from extracted groups, and a mask of impossible times."""
    has = parts["hh"].notna()
    hour = _num(parts["hh"])
    minute = _num(parts["mm"])
    second = _num(parts["ss"])
    ampm = parts["ampm"].astype("string").str.lower().str[0]
    twelve = ampm.notna()
    bad_12 = twelve & ~hour.between(1, HOURS_PER_HALF_DAY)
    hour = hour.mask(twelve & (ampm == "p") & (hour < HOURS_PER_HALF_DAY), hour + 12)
    hour = hour.mask(twelve & (ampm == "a") & (hour == HOURS_PER_HALF_DAY), 0)
    bad = has & (bad_12 | ~hour.between(0, 23) | ~minute.between(0, 59) | (second > 59))
    text = hour.astype(str).str.zfill(2) + ":" + minute.astype(str).str.zfill(2)
    text = text.where(second < 0, text + ":" + second.astype(str).str.zfill(2))
    return text.astype("string").where(has & ~bad), bad


def _fail_out_of_range(book: _Ledger, mask: pd.Series, year: pd.Series) -> None:
    """A date whose year is outside :data:`MIN_YEAR` to :data:`MAX_YEAR` says so."""
    outside = mask & year.notna() & ~year.between(MIN_YEAR, MAX_YEAR)
    book.fail(outside, "bad_date", "date " + book.quoted + " " + OUT_OF_RANGE)


class _Ledger:
    """Results per distinct date text while the rules are applied."""

    def __init__(self, values: pd.Series) -> None:
        index = values.index
        self.values = values
        self.quoted = values.map(quote).astype("string")
        self.date = pd.Series(pd.NaT, index=index, dtype="datetime64[ns]")
        self.time = pd.Series(pd.NA, index=index, dtype="string")
        self.status = pd.Series(pd.NA, index=index, dtype="string")
        self.reason = pd.Series(pd.NA, index=index, dtype="string")

    def fail(self, mask: pd.Series, code: str, why: pd.Series | str) -> None:
        mask = mask.fillna(False).astype(bool) & self.status.isna()
        self.status = self.status.mask(mask, code)
        self.reason = self.reason.mask(mask, why if isinstance(why, str) else why.astype("string"))

    def set(self, mask: pd.Series, date: pd.Series, time: pd.Series | None = None) -> None:
        mask = mask.fillna(False).astype(bool)
        self.date = self.date.mask(mask, date)
        if time is not None:
            self.time = self.time.mask(mask, time)


def parse_dates(text: pd.Series, *, dayfirst: bool | None = None) -> ParsedDates:
    """Parse a column of date text (see the module docstring for the rules).

    Parameters
    ----------
    text : Series of str
        Date cells as written ("" = missing).
    dayfirst : bool, optional
        Read slash/dash dates as day/month/year (True) or month/day/year (False); None
        (default) lets the file's own dates decide (see the module docstring).

    Returns
    -------
    ParsedDates
        Aligned with ``text``.
    """
    codes, uniques = text_codes(text)
    # Runs of spaces become one space first: every pattern below then runs in linear time.
    values = pd.Series([" ".join(str(u).split()) for u in uniques], dtype="string")
    book = _Ledger(values)
    book.fail(values.eq(""), "missing_date", "missing date")
    book.fail(
        values.str.len() > MAX_DATE_CHARS,
        "bad_date",
        "date " + book.quoted + " is not a date; write it like 2026-11-16",
    )

    iso = values.str.extract(_ISO)
    is_iso = iso["y"].notna()
    if is_iso.any():
        found = _ymd(_num(iso["y"]), _num(iso["m"]), _num(iso["d"]))
        clock, bad_clock = _times(iso)
        book.set(is_iso, found, clock)
        _fail_out_of_range(book, is_iso, _num(iso["y"]))
        book.fail(is_iso & found.isna(), "bad_date", "impossible date " + book.quoted)
        book.fail(is_iso & bad_clock, "bad_date", "impossible time in " + book.quoted)

    basic = values.str.extract(_BASIC)
    is_basic = basic["y"].notna() & book.status.isna()
    if is_basic.any():
        found = _ymd(_num(basic["y"]), _num(basic["m"]), _num(basic["d"]))
        book.set(is_basic, found)
        _fail_out_of_range(book, is_basic, _num(basic["y"]))
        book.fail(is_basic & found.isna(), "bad_date", "impossible date " + book.quoted)
    is_iso = is_iso | is_basic

    serial = values.str.fullmatch(_SERIAL).fillna(False).astype(bool) & book.status.isna()
    if serial.any():
        days = pd.to_numeric(values.where(serial), errors="coerce").floordiv(1)
        meant = (EXCEL_EPOCH + pd.to_timedelta(days, unit="D")).dt.strftime("%Y-%m-%d")
        book.fail(
            serial,
            "bad_date",
            "date "
            + book.quoted
            + " looks like an Excel day number ("
            + meant.fillna("?")
            + "); format the date column as a date (YYYY-MM-DD) before saving as CSV",
        )

    last = values.str.extract(_YEAR_LAST)
    is_last = last["y"].notna() & ~is_iso
    inferred: str | None = None
    assumed: str | None = None
    if is_last.any():
        inferred, assumed = _year_last(book, last, is_last, dayfirst)

    rest = book.date.isna() & book.status.isna()
    for fmt in _TEXT_FORMATS:
        if not rest.any():
            break
        found = pd.to_datetime(values.where(rest), format=fmt, errors="coerce")
        found = found.where(found.dt.year.between(MIN_YEAR, MAX_YEAR))
        book.set(rest & found.notna(), found.astype("datetime64[ns]"))
        rest = book.date.isna() & book.status.isna()
    book.fail(
        rest,
        "bad_date",
        "cannot read date " + book.quoted + "; write it as YYYY-MM-DD (e.g. 2026-11-16)",
    )
    date = book.date.where(book.status.isna())
    return ParsedDates(
        date=pd.Series(date.to_numpy()[codes], index=text.index, dtype="datetime64[ns]"),
        time=pd.Series(book.time.to_numpy()[codes], index=text.index, dtype="string"),
        status=pd.Series(_objects(book.status)[codes], index=text.index, dtype=object),
        reason=pd.Series(_objects(book.reason)[codes], index=text.index, dtype=object),
        inferred_dayfirst=inferred,
        assumed_monthfirst=assumed,
    )


def _objects(series: pd.Series) -> np.ndarray:
    """A string Series as an object array with None for missing (cheap to compare)."""
    return np.array([None if pd.isna(v) else str(v) for v in series], dtype=object)


def _year_last(
    book: _Ledger, parts: pd.DataFrame, mask: pd.Series, dayfirst: bool | None
) -> tuple[str | None, str | None]:
    """Apply the month/day order rule to dates written with the year last.

    Returns the date text that made the file day-first when ``dayfirst`` is None and the
    file's dates settled it (else None), and, when nothing settled it and some date reads
    either way, one such date (else None).
    """
    first, second, year = _num(parts["a"]), _num(parts["b"]), _num(parts["y"])
    two_digit = mask & parts["y"].str.len().eq(2)
    book.fail(
        two_digit,
        "bad_date",
        "date " + book.quoted + " has a two-digit year, which is ambiguous; write the year "
        "in full (e.g. 2026)",
    )
    mask = mask & ~two_digit
    month_first = _ymd(year, first, second)
    day_first = _ymd(year, second, first)
    dotted = mask & parts["sep"].eq(".")
    book.set(dotted, day_first, _times(parts)[0])
    book.fail(dotted & day_first.isna(), "bad_date", "impossible date " + book.quoted)
    mask = mask & ~dotted
    inferred: str | None = None
    assumed: str | None = None
    if dayfirst is None:
        only_day = mask & month_first.isna() & day_first.notna()
        only_month = mask & day_first.isna() & month_first.notna()
        dayfirst = bool(only_day.any()) and not bool(only_month.any())
        if dayfirst:
            inferred = str(book.values[only_day].iloc[0])
        either = mask & month_first.notna() & day_first.notna() & (first != second)
        if not dayfirst and not only_month.any() and either.any():
            assumed = str(book.values[either].iloc[0])
    chosen, other = (day_first, month_first) if dayfirst else (month_first, day_first)
    order = "day/month/year" if dayfirst else "month/day/year"
    fix = "read without dayfirst (drop --dayfirst)" if dayfirst else "use dayfirst (--dayfirst)"
    book.set(mask, chosen, _times(parts)[0])
    only_other = mask & chosen.isna() & other.notna()
    book.fail(
        only_other,
        "bad_date",
        "date " + book.quoted + f" is not a valid {order} date; if this file's dates are "
        f"the other way round, {fix}",
    )
    book.fail(mask & chosen.isna(), "bad_date", "impossible date " + book.quoted)
    if only_other.any():
        example = str(book.values[only_other].iloc[0])
        both = mask & chosen.notna() & other.notna() & (first != second)
        book.fail(
            both,
            "bad_date",
            "date " + book.quoted + f" is ambiguous: other dates in this file, such as "
            f"'{example}', are not {order}; {fix}",
        )
    return inferred, assumed
