"""The user's own aliases: a food name as they log it -> the SR28 food it means.

A wrong or missing match is corrected without editing the diary: a CSV file with the
columns ``name,food_id`` (more columns, such as ``note``, are allowed) maps a name to an
NDB id, and :class:`UserAliasMatcher` uses it before the matcher, reporting the match as
method ``alias (yours)``. A name matches an alias written the same way (case and spacing
aside) or normalised the same way (``Organic Granola`` and ``granola``).

The command line reads every ``--aliases FILE`` and, when it exists, the default file
(:func:`default_aliases_path`): ``$ANALYZER_ALIASES`` when set (empty turns it off), else
``$XDG_CONFIG_HOME/analyzer/aliases.csv``, else ``~/.config/analyzer/aliases.csv``.
"""

from __future__ import annotations

import csv
import os
from collections.abc import Iterable, Mapping, Sequence
from pathlib import Path
from typing import Protocol

import numpy as np
import pandas as pd

from analyzer.errors import AliasFileError
from analyzer.foods.names import normalize_name

#: Environment variable naming the default aliases file ("" turns it off).
ALIASES_ENV = "ANALYZER_ALIASES"
#: Columns an aliases file must have.
ALIAS_FILE_COLUMNS = ("name", "food_id")
#: The method of a match made by the user's alias.
USER_ALIAS_METHOD = "alias (yours)"
#: What to do about an unknown food id.
_ID_FIX = "use a 5-digit NDB id from `analyzer foods search NAME`"


class NamesMatcher(Protocol):
    """Anything with :meth:`analyzer.foods.matcher.FoodMatcher.match_names`."""

    def match_names(self, names: Iterable[str]) -> pd.DataFrame:
        """Match distinct names."""
        ...


def default_aliases_path() -> Path | None:
    """The default aliases file (it may not exist), or None when turned off."""
    configured = os.environ.get(ALIASES_ENV)
    if configured is not None:
        return Path(configured).expanduser() if configured.strip() else None
    base = os.environ.get("XDG_CONFIG_HOME") or str(Path.home() / ".config")
    return Path(base) / "analyzer" / "aliases.csv"


def _keys(name: str) -> list[str]:
    literal = " ".join(str(name).split()).casefold()
    return [k for k in (literal, normalize_name(name)) if k]


def load_user_aliases(
    paths: str | Path | Sequence[str | Path], foods: pd.DataFrame
) -> dict[str, str]:
    """Read aliases files into ``{key: food_id}`` (later files win over earlier ones).

    Parameters
    ----------
    paths : path or sequence of paths
        CSV files with the columns ``name,food_id``.
    foods : DataFrame
        The nutrient table (its ``id`` column): every id must be one of its foods.

    Returns
    -------
    dict
        Each alias under its literal and its normalised key.

    Raises
    ------
    AliasFileError
        A file is missing or unreadable, lacks a column, or has bad lines: every bad line
        is listed with its line number, the value and the fix.
    """
    known = set(foods["id"].astype(str))
    found: dict[str, str] = {}
    for path in [paths] if isinstance(paths, str | Path) else list(paths):
        found.update(_read_one(Path(path), known))
    return found


def _read_one(path: Path, known: set[str]) -> dict[str, str]:
    try:
        with open(path, encoding="utf-8-sig", newline="") as handle:
            rows = list(csv.reader(handle))
    except OSError as error:
        reason = "no such file" if isinstance(error, FileNotFoundError) else str(error)
        raise AliasFileError(str(path), [(0, str(path), reason, "give an existing CSV")]) from None
    except UnicodeDecodeError:
        raise AliasFileError(
            str(path), [(0, str(path), "not UTF-8 text", "save it as UTF-8 CSV")]
        ) from None
    header = [c.strip().lower() for c in rows[0]] if rows else []
    missing = [c for c in ALIAS_FILE_COLUMNS if c not in header]
    if missing:
        shown = ",".join(header) or "(empty)"
        fix = "the first line must be: name,food_id"
        raise AliasFileError(str(path), [(1, shown, f"lacks column {', '.join(missing)}", fix)])
    at_name, at_id = header.index("name"), header.index("food_id")
    aliases: dict[str, str] = {}
    seen: dict[str, tuple[int, str]] = {}
    problems: list[tuple[int, str, str, str]] = []
    for line, row in enumerate(rows[1:], start=2):
        if not any(cell.strip() for cell in row):
            continue
        name = row[at_name].strip() if at_name < len(row) else ""
        raw_id = row[at_id].strip() if at_id < len(row) else ""
        food_id = raw_id.zfill(5) if raw_id.isdigit() else raw_id
        if not name:
            problems.append((line, raw_id, "no name", "give the food name as you log it"))
        elif not raw_id.isdigit() or food_id not in known:
            problems.append((line, raw_id, f"unknown food id for {name!r}", _ID_FIX))
        elif name.casefold() in seen and seen[name.casefold()][1] != food_id:
            first = seen[name.casefold()][0]
            fix = f"give each name once (line {first} has it too)"
            problems.append((line, name, "the same name with another food id", fix))
        else:
            seen[name.casefold()] = (line, food_id)
            for key in _keys(name):
                aliases[key] = food_id
    if problems:
        raise AliasFileError(str(path), problems)
    return aliases


class UserAliasMatcher:
    """A matcher that takes the user's aliases first and asks ``base`` for the rest.

    Parameters
    ----------
    base : object with ``match_names``
        The matcher for every other name (:func:`analyzer.foods.table.default_matcher`).
    aliases : mapping
        ``{key: food_id}`` from :func:`load_user_aliases`.
    foods : DataFrame
        The nutrient table (``id``, ``description``, ``category``).
    """

    def __init__(
        self, base: NamesMatcher, aliases: Mapping[str, str], foods: pd.DataFrame
    ) -> None:
        self._base = base
        self._aliases = dict(aliases)
        table = foods.drop_duplicates("id").set_index(foods["id"].drop_duplicates().astype(str))
        self._description = table["description"].astype(str).to_dict()
        self._category = table["category"].astype(str).to_dict()

    def food_for(self, name: str) -> str | None:
        """The food id the user's aliases give this name, or None."""
        return next((self._aliases[k] for k in _keys(name) if k in self._aliases), None)

    def match_names(self, names: Iterable[str]) -> pd.DataFrame:
        """Match distinct names: the user's aliases first (method ``alias (yours)``), then
        ``base``; same columns as :meth:`analyzer.foods.matcher.FoodMatcher.match_names`."""
        distinct = [str(n) for n in pd.unique(pd.Series(list(names), dtype="string").dropna())]
        mine = {n: self.food_for(n) for n in distinct}
        rest = [n for n in distinct if mine[n] is None]
        table = self._base.match_names(rest)
        ours = [n for n in distinct if mine[n] is not None]
        if ours:
            ids = [str(mine[n]) for n in ours]
            own = pd.DataFrame(
                {
                    "food_id": pd.array(ids, dtype="string"),
                    "description": pd.array(
                        [self._description.get(i) for i in ids], dtype="string"
                    ),
                    "category": pd.array([self._category.get(i) for i in ids], dtype="string"),
                    "score": np.full(len(ours), 100.0),
                    "method": pd.array([USER_ALIAS_METHOD] * len(ours), dtype="string"),
                    "confidence": pd.array(["high"] * len(ours), dtype="string"),
                    "suggestions": pd.array([""] * len(ours), dtype="string"),
                    "reason": pd.array([""] * len(ours), dtype="string"),
                    "matched_text": pd.array(ours, dtype="string"),
                },
                index=pd.Index(pd.array(ours, dtype="string"), name="name"),
            )
            table = pd.concat([table, own.reindex(columns=table.columns)]) if len(rest) else own
        return table.reindex(pd.Index(pd.array(distinct, dtype="string"), name="name"))
