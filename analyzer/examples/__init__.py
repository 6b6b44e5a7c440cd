"""Bundled example diaries, reachable after ``pip install`` (``--example western``).

Each is one ISO week (2026-W47, Monday 16 to Sunday 22 November 2026) in the project's own
CSV format (``date,time,meal,food,amount,unit,note``), written with the everyday names and
household units people type:

- ``western``: heavy in red meat, dairy, soda and coffee; calcium below target and a low
  Ca:P ratio for the default profile;
- ``balanced``: dairy spread over the day, low-oxalate greens, legumes, fruit; meets the
  calcium, magnesium and potassium targets.

Beside them, ``my_foods.csv`` is the README's example of a my-foods file (a custom food, a
recipe and two supplements; :func:`my_foods_example_path`).
"""

from __future__ import annotations

from importlib.resources import as_file, files
from pathlib import Path

from analyzer.errors import NoDataError

#: Names of the bundled examples, with a one-line description.
EXAMPLES: dict[str, str] = {
    "western": "a week heavy in red meat, dairy, soda and coffee (calcium below target)",
    "balanced": "a balanced week with dairy, low-oxalate greens and legumes (meets targets)",
}


def example_path(name: str) -> Path:
    """Path of a bundled example diary.

    Parameters
    ----------
    name : str
        One of :data:`EXAMPLES` (case-insensitive), e.g. ``"western"``.

    Returns
    -------
    Path
        The CSV file inside the installed package.

    Raises
    ------
    NoDataError
        When ``name`` is not a bundled example (the message lists those there are).

    Examples
    --------
    >>> example_path("western").name
    'western.csv'
    """
    key = name.strip().lower()
    if key not in EXAMPLES:
        raise NoDataError(
            f"no example diary named {name!r}", f"choose one of: {', '.join(EXAMPLES)}"
        )
    resource = files(__name__).joinpath(f"{key}.csv")
    with as_file(resource) as path:
        # Wheels install as plain files, so the path outlives the context manager.
        return Path(path)


def my_foods_example_path() -> Path:
    """Path of the bundled example my-foods file (the README's example, ``--foods``).

    Examples
    --------
    >>> my_foods_example_path().name
    'my_foods.csv'
    """
    with as_file(files(__name__).joinpath("my_foods.csv")) as path:
        return Path(path)
