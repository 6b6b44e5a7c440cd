"""The matcher's word lists and phrase maps, read from ``analyzer/data``.

``name_words.csv`` (``list,word``) holds the word classes (marketing words, brands,
preparation and form words, supplement and meal words, dish heads, ...);
``name_phrases.csv`` (``list,phrase,replacement``) the regional and everyday synonyms
(``courgette -> zucchini``) and equivalent spellings (``low fat -> lowfat``);
``variant_penalties.csv`` the USDA variants a person rarely means unless the words say so;
``survey_foods.csv`` the SR28 foods used in the US food survey (FNDDS), the foods people
are known to eat, built from SR28 by ``tools/build_foods.py``.
They are editorial choices of this project, made by reading SR28 descriptions and real
diaries (no literature values); each list is documented where it is used.
"""

from __future__ import annotations

from functools import cache

import pandas as pd

from analyzer.errors import DataFileError
from analyzer.reference import data_file


@cache
def _table(name: str, columns: tuple[str, ...]) -> pd.DataFrame:
    path = data_file(name)
    try:
        table = pd.read_csv(path, dtype="string", keep_default_na=False)
    except (OSError, ValueError) as error:
        raise DataFileError(path, f"cannot be read ({error})", "reinstall analyzer") from None
    missing = [c for c in columns if c not in table.columns]
    if missing:
        raise DataFileError(path, f"lacks columns {', '.join(missing)}", "reinstall analyzer")
    return table


def word_set(name: str) -> frozenset[str]:
    """The words of list ``name`` in ``name_words.csv``.

    Raises
    ------
    DataFileError
        The list is not in the file.
    """
    table = _table("name_words.csv", ("list", "word"))
    words = table.loc[table["list"] == name, "word"]
    if words.empty:
        raise DataFileError(data_file("name_words.csv"), f"has no list {name!r}")
    return frozenset(str(w) for w in words)


def phrase_map(name: str) -> dict[str, str]:
    """``phrase -> replacement`` of list ``name`` in ``name_phrases.csv``, in file order."""
    table = _table("name_phrases.csv", ("list", "phrase", "replacement"))
    rows = table[table["list"] == name]
    if rows.empty:
        raise DataFileError(data_file("name_phrases.csv"), f"has no list {name!r}")
    return dict(zip(rows["phrase"].astype(str), rows["replacement"].astype(str), strict=True))


def survey_food_ids() -> frozenset[str]:
    """NDB numbers of the SR28 foods used in the US food survey (``survey_foods.csv``: SR28
    ``FOOD_DES`` field ``Survey`` = ``Y``, the foods of FNDDS and the NHANES recalls).

    References
    ----------
    .. [1] U.S. Department of Agriculture, Agricultural Research Service. *USDA National
       Nutrient Database for Standard Reference, Release 28* (2015, rev. 2016),
       documentation ``sr28_doc.pdf``, FOOD_DES field ``Survey``.
    """
    table = _table("survey_foods.csv", ("id",))
    return frozenset(str(i).zfill(5) for i in table["id"])


def variant_penalties() -> tuple[tuple[str, frozenset[str], float], ...]:
    """``(variant, trigger words, penalty)`` in file order (``variant_penalties.csv``)."""
    table = _table("variant_penalties.csv", ("variant", "triggers", "penalty"))
    return tuple(
        (
            str(row.variant),
            frozenset(w for w in str(row.triggers).split(";") if w),
            float(str(row.penalty)),
        )
        for row in table.itertuples(index=False)
    )
