"""The project's errors: one base class, and each specific error also a builtin.

A notebook can catch the builtin (``KeyError``, ``ValueError``, ``OSError``); the CLI catches
:class:`AnalyzerError` and turns it into a one-line message with exit code 1. Each error keeps
its structured fields and builds its message in ``__str__``.
"""

from __future__ import annotations

from collections.abc import Sequence

#: How many items an error message lists before it says how many more there are.
LISTED_ITEMS = 8


def some_of(items: Sequence[object], limit: int = LISTED_ITEMS) -> str:
    """The first ``limit`` items, comma-separated, and how many more there are.

    Examples
    --------
    >>> some_of(["ann", "bob"])
    'ann, bob'
    >>> some_of([f"P{i}" for i in range(1, 1001)], limit=3)
    'P1, P2, P3 and 997 more'
    """
    shown = ", ".join(str(item) for item in items[:limit])
    extra = len(items) - limit
    return f"{shown} and {extra:,} more" if extra > 0 else shown


#: Most characters of a user's value a message quotes (a 50 MB cell is not echoed whole).
ECHO_CHARS = 80


def quote(value: object, limit: int = ECHO_CHARS) -> str:
    """A user's value quoted for a message (control characters escaped), cut after
    ``limit`` characters.

    Examples
    --------
    >>> quote("lots")
    "'lots'"
    >>> quote("x" * 100, limit=5)
    "'xxxxx'… (100 characters)"
    """
    text = str(value)
    if len(text) <= limit:
        return repr(text)
    return f"{text[:limit]!r}… ({len(text):,} characters)"


#: Lines named in one message about rows that failed alike, before "and N more".
LINES_LISTED = 3


def grouped_rows(problems: Sequence[tuple[int, str]]) -> list[str]:
    """``line 14, 15, 16 and 9,518 more: reason``: one message per distinct reason.

    In the order of each reason's first line, so a cohort file's messages stay readable.

    Examples
    --------
    >>> grouped_rows([(2, "a"), (3, "b"), (4, "a"), (9, "a"), (5, "a")])
    ['line 2, 4, 5 and 1 more: a', 'line 3: b']
    """
    lines: dict[str, list[int]] = {}
    for line, reason in problems:
        lines.setdefault(str(reason), []).append(int(line))
    order = sorted(lines, key=lambda reason: min(lines[reason]))
    return [f"line {some_of(sorted(lines[r]), LINES_LISTED)}: {r}" for r in order]


class AnalyzerError(Exception):
    """Base class of every error the analyzer raises on purpose."""


class DataFileError(OSError, AnalyzerError):
    """A bundled or user-supplied data table is missing, unreadable or lacks columns.

    Parameters
    ----------
    path : str
        The file concerned.
    problem : str
        What is wrong with it.
    fix : str, optional
        What the user can do about it.
    """

    def __init__(self, path: str, problem: str, fix: str = "") -> None:
        super().__init__(path, problem, fix)
        self.path = path
        self.problem = problem
        self.fix = fix

    def __str__(self) -> str:
        msg = f"{self.path}: {self.problem}"
        return f"{msg}; {self.fix}" if self.fix else msg


class OutputError(OSError, AnalyzerError):
    """The output cannot be written (a full disk, a closed device).

    Parameters
    ----------
    problem : str
        The system's reason, e.g. ``"No space left on device"``.
    """

    def __init__(self, problem: str) -> None:
        super().__init__(problem)
        self.problem = problem

    def __str__(self) -> str:
        return (
            f"cannot write the output: {self.problem}; write it to another file or device "
            "(e.g. --format csv > /another/disk/out.csv)"
        )


class UnknownFoodError(KeyError, AnalyzerError):
    """No food in the nutrient table matches a name or id.

    Parameters
    ----------
    name : str
        The name or id as the user wrote it.
    suggestions : sequence of str
        Descriptions of the closest foods, best first ("did you mean").
    """

    def __init__(self, name: str, suggestions: Sequence[str] = ()) -> None:
        super().__init__(name)
        self.name = name
        self.suggestions = list(suggestions)

    def __str__(self) -> str:
        msg = f"unknown food {quote(self.name)}"
        if self.suggestions:
            shown = "; ".join(quote(s) for s in self.suggestions[:3])
            msg += f"; did you mean {shown}?"
        return msg


class UnknownUnitError(ValueError, AnalyzerError):
    """A unit that cannot be converted to grams for this food.

    Parameters
    ----------
    unit : str
        The unit as written.
    food : str
        The food's description (or name as written).
    available : sequence of str
        The units this food does have (mass and volume units and its USDA portions).
    hint : str, optional
        Why the unit cannot be converted and what to write instead (a packet of a food
        USDA gives no packet for).
    """

    def __init__(
        self, unit: str, food: str, available: Sequence[str] = (), hint: str = ""
    ) -> None:
        super().__init__(unit, food, available)
        self.unit = unit
        self.food = food
        self.available = list(available)
        self.hint = hint

    def __str__(self) -> str:
        msg = f"unknown unit {quote(self.unit)} for {quote(self.food)}"
        if self.hint:
            msg += f": {self.hint}"
        if self.available:
            msg += f"; this food has: {', '.join(self.available)}"
        return msg


class AmountError(ValueError, AnalyzerError):
    """An amount that is missing, not a number, or negative.

    Parameters
    ----------
    value : str
        The amount as written.
    problem : str
        Why it cannot be used, e.g. ``"not a number"``.
    """

    def __init__(self, value: str, problem: str) -> None:
        super().__init__(value, problem)
        self.value = value
        self.problem = problem

    def __str__(self) -> str:
        return f"bad amount {quote(self.value)}: {self.problem}"


class DiaryFormatError(ValueError, AnalyzerError):
    """A file that cannot be read as a diary at all (empty, binary, unknown columns).

    Parameters
    ----------
    path : str
        The file.
    problem : str
        What is wrong, e.g. ``"no recognizable columns"``.
    fix : str, optional
        What the user can do, e.g. the formats understood and the columns expected.
    """

    def __init__(self, path: str, problem: str, fix: str = "") -> None:
        super().__init__(path, problem, fix)
        self.path = path
        self.problem = problem
        self.fix = fix

    def __str__(self) -> str:
        msg = f"{self.path}: {self.problem}"
        return f"{msg}. {self.fix}" if self.fix else msg


class DiaryRowError(ValueError, AnalyzerError):
    """Rows of a diary that could not be used, raised in strict mode.

    Parameters
    ----------
    path : str
        The diary file.
    problems : sequence of (line, reason)
        Every unusable row, with its 1-based line number in the file.
    """

    def __init__(self, path: str, problems: Sequence[tuple[int, str]]) -> None:
        super().__init__(path, problems)
        self.path = path
        self.problems = list(problems)

    def __str__(self) -> str:
        lines = [f"{self.path} {message}" for message in grouped_rows(self.problems)]
        n = len(self.problems)
        lines.append(f"{n} row{'s' if n != 1 else ''} not usable (--strict)")
        return "\n".join(lines)


class AliasFileError(ValueError, AnalyzerError):
    """A user's aliases file that cannot be used: every bad line, with the fix.

    Parameters
    ----------
    path : str
        The aliases file.
    problems : sequence of (line, value, problem, fix)
        Each bad line (0 for the file as a whole), the value found, what is wrong with it
        and what to do.
    """

    def __init__(self, path: str, problems: Sequence[tuple[int, str, str, str]]) -> None:
        super().__init__(path, problems)
        self.path = path
        self.problems = list(problems)

    def __str__(self) -> str:
        lines = []
        for line, value, problem, fix in self.problems:
            where = f"{self.path} line {line}" if line else self.path
            lines.append(f"{where}: {problem} ({value!r}); {fix}")
        return "\n".join(lines)


class MyFoodsFileError(ValueError, AnalyzerError):
    """A my-foods file (custom foods, recipes, supplements) that cannot be used: every bad
    line, with its column, the value found, what is wrong and the fix.

    Parameters
    ----------
    problems : sequence of (path, line, column, value, problem, fix)
        Each bad line (0 for the file as a whole; column "" when no one column is at
        fault), in the order found.
    """

    def __init__(self, problems: Sequence[tuple[str, int, str, str, str, str]]) -> None:
        super().__init__(problems)
        self.problems = list(problems)

    def __str__(self) -> str:
        lines = []
        for path, line, column, value, problem, fix in self.problems:
            where = f"{path} line {line}" if line else path
            where += f", column {column}" if column else ""
            lines.append(f"{where}: {problem} ({quote(value)}); {fix}")
        return "\n".join(lines)


class ProfileError(ValueError, AnalyzerError):
    """A profile (age, sex, pregnancy) for which no reference intake exists."""


class NoDataError(ValueError, AnalyzerError):
    """The request selects no data, e.g. a week that the diary does not contain.

    Parameters
    ----------
    problem : str
        What was asked for and not found.
    fix : str, optional
        What the user can do, e.g. the weeks the diary does contain.
    """

    def __init__(self, problem: str, fix: str = "") -> None:
        super().__init__(problem, fix)
        self.problem = problem
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.problem}; {self.fix}" if self.fix else self.problem


class EngineError(RuntimeError, AnalyzerError):
    """The chosen engine cannot run: dask is not installed, or its scheduler cannot be reached.

    Parameters
    ----------
    problem : str
        What went wrong, e.g. ``"dask is not installed"``.
    fix : str
        What the user can do, e.g. the install command.
    """

    def __init__(self, problem: str, fix: str) -> None:
        super().__init__(problem, fix)
        self.problem = problem
        self.fix = fix

    def __str__(self) -> str:
        return f"{self.problem}; {self.fix}"
