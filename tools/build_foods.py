"""Build ``foods.csv``, ``analyzer/data/portions.csv`` and ``analyzer/data/survey_foods.csv``
from the official USDA SR28 files.

Usage::

    python tools/build_foods.py SR28_DIR [--out-dir .]

``SR28_DIR`` holds the USDA National Nutrient Database for Standard Reference, Release 28
ASCII files as USDA distributes them (``FOOD_DES.txt``, ``FD_GROUP.txt``, ``NUT_DATA.txt``,
``WEIGHT.txt``): fields separated by ``^``, text fields wrapped in ``~``, Latin-1, CRLF line
ends. The output is deterministic: rows sorted by NDB number (and portion sequence), every
value written as the literal text found in the SR28 file (no float round trip), ``\\n`` line
ends, UTF-8.

Outputs (under ``--out-dir``, default the current directory):

``foods.csv``
    ``id, description, food_group, category, energy_kcal, protein_g, calcium_mg,
    phosphorus_mg, magnesium_mg, potassium_mg, sodium_mg, caffeine_mg, common_names``; one row
    per SR28 food, nutrients per 100 g edible portion. A nutrient without a ``NUT_DATA`` row
    is left blank (unknown), never 0.
``analyzer/data/portions.csv``
    ``id, seq, amount, measure, gram_weight``: ``WEIGHT.txt`` without ``Num_Data_Pts`` and
    ``Std_Dev`` (``amount`` x ``measure`` weighs ``gram_weight`` g).
``analyzer/data/survey_foods.csv``
    ``id``: the foods whose ``FOOD_DES`` ``Survey`` field is ``Y``, those used in the USDA
    Food and Nutrient Database for Dietary Studies (FNDDS), the foods of the NHANES 24-hour
    recalls (sr28_doc.pdf, FOOD_DES field ``Survey``). The matcher prefers them among
    otherwise equal siblings (``Mushrooms, white`` over ``morel``).

References
----------
.. [1] U.S. Department of Agriculture, Agricultural Research Service. *USDA National Nutrient
   Database for Standard Reference, Release 28* (2015, rev. 2016); documentation
   ``sr28_doc.pdf``, chapter 2 (file formats). Public domain.
"""

from __future__ import annotations

import argparse
import csv
import sys
from collections.abc import Iterator, Sequence
from pathlib import Path
from typing import Final

import pandas as pd

# Make ``analyzer`` importable when run as ``python tools/build_foods.py`` from a checkout.
_REPO_ROOT = Path(__file__).resolve().parents[1]
if str(_REPO_ROOT) not in sys.path:  # pragma: no cover - depends on how the script is run
    sys.path.insert(0, str(_REPO_ROOT))

from analyzer.foods.categories import categorize_frame  # noqa: E402

SR28_ENCODING: Final = "latin-1"
"""Character set of the SR28 ASCII files (sr28_doc.pdf)."""

NUTRIENT_COLUMNS: Final[dict[str, str]] = {
    "208": "energy_kcal",
    "203": "protein_g",
    "301": "calcium_mg",
    "305": "phosphorus_mg",
    "304": "magnesium_mg",
    "306": "potassium_mg",
    "307": "sodium_mg",
    "262": "caffeine_mg",
}
"""SR28 ``Nutr_No`` -> output column (units as in ``NUTR_DEF.txt``: kcal, g, mg)."""

FOODS_COLUMNS: Final[list[str]] = [
    "id",
    "description",
    "food_group",
    "category",
    *NUTRIENT_COLUMNS.values(),
    "common_names",
]
PORTIONS_COLUMNS: Final[list[str]] = ["id", "seq", "amount", "measure", "gram_weight"]
SURVEY_COLUMNS: Final[list[str]] = ["id"]
SURVEY_FIELD: Final = 6
"""Position of ``Survey`` in a ``FOOD_DES`` record (``Y`` when FNDDS uses the food)."""
SR28_FILES: Final = ("FOOD_DES.txt", "FD_GROUP.txt", "NUT_DATA.txt", "WEIGHT.txt")


class BuildError(Exception):
    """The SR28 input folder is incomplete or malformed (a build-tool error, not a runtime one)."""


def read_sr28(path: Path, n_fields: int) -> Iterator[list[str]]:
    """Yield the records of one SR28 ASCII file.

    Parameters
    ----------
    path : pathlib.Path
        A ``^``-separated, ``~``-quoted, Latin-1 SR28 file.
    n_fields : int
        Number of fields each record must have (checked).

    Yields
    ------
    list of str
        The fields of one record, ``~`` delimiters removed, text kept literally.
    """
    with path.open(encoding=SR28_ENCODING, newline="") as handle:
        reader = csv.reader(handle, delimiter="^", quotechar="~", strict=True)
        for record in reader:
            if not record:
                continue
            if len(record) != n_fields:
                raise BuildError(
                    f"{path} line {reader.line_num}: expected {n_fields} fields, "
                    f"found {len(record)}"
                )
            yield record


def _require(sr28_dir: Path) -> None:
    missing = [name for name in SR28_FILES if not (sr28_dir / name).is_file()]
    if missing:
        raise BuildError(
            f"{sr28_dir}: missing SR28 file(s) {', '.join(missing)}; pass the folder that "
            "holds the USDA SR28 ASCII files"
        )


def build_foods(sr28_dir: Path) -> pd.DataFrame:
    """Assemble the foods table from the SR28 files.

    Parameters
    ----------
    sr28_dir : pathlib.Path
        Folder with ``FOOD_DES.txt``, ``FD_GROUP.txt`` and ``NUT_DATA.txt``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`FOODS_COLUMNS`, all text (nutrient values as their literal SR28 text,
        ``""`` where SR28 has no value), sorted by ``id``.
    """
    _require(sr28_dir)
    groups = {code: name for code, name in read_sr28(sr28_dir / "FD_GROUP.txt", 2)}
    foods = pd.DataFrame(
        [
            (rec[0], rec[2], groups[rec[1]], rec[4])
            for rec in read_sr28(sr28_dir / "FOOD_DES.txt", 14)
        ],
        columns=["id", "description", "food_group", "common_names"],
        dtype=str,
    )
    wanted = set(NUTRIENT_COLUMNS)
    values = pd.DataFrame(
        [
            (rec[0], NUTRIENT_COLUMNS[rec[1]], rec[2])
            for rec in read_sr28(sr28_dir / "NUT_DATA.txt", 18)
            if rec[1] in wanted
        ],
        columns=["id", "column", "value"],
        dtype=str,
    )
    if values.duplicated(["id", "column"]).any():
        raise BuildError(f"{sr28_dir / 'NUT_DATA.txt'}: duplicate (NDB_No, Nutr_No) rows")
    wide = values.pivot(index="id", columns="column", values="value")
    wide = wide.reindex(columns=list(NUTRIENT_COLUMNS.values()))
    table = foods.merge(wide, left_on="id", right_index=True, how="left", validate="1:1")
    table["category"] = categorize_frame(table)
    table = table[FOODS_COLUMNS].astype("string").fillna("")
    return table.sort_values("id", kind="stable").reset_index(drop=True)


def build_portions(sr28_dir: Path) -> pd.DataFrame:
    """Assemble the household-portion table from ``WEIGHT.txt``.

    Parameters
    ----------
    sr28_dir : pathlib.Path
        Folder with ``WEIGHT.txt``.

    Returns
    -------
    pandas.DataFrame
        Columns :data:`PORTIONS_COLUMNS` as literal text, sorted by ``id`` then numeric ``seq``.
    """
    _require(sr28_dir)
    rows = [rec[:5] for rec in read_sr28(sr28_dir / "WEIGHT.txt", 7)]
    table = pd.DataFrame(rows, columns=PORTIONS_COLUMNS, dtype=str)
    order = table.assign(_seq=table["seq"].astype(int)).sort_values(["id", "_seq"], kind="stable")
    return order[PORTIONS_COLUMNS].reset_index(drop=True)


def build_survey(sr28_dir: Path) -> pd.DataFrame:
    """The foods SR28 marks as used in the food survey (``FOOD_DES`` ``Survey`` = ``Y``).

    Parameters
    ----------
    sr28_dir : pathlib.Path
        Folder with ``FOOD_DES.txt``.

    Returns
    -------
    pandas.DataFrame
        Column ``id`` (NDB number as text), sorted.
    """
    _require(sr28_dir)
    ids = sorted(
        rec[0] for rec in read_sr28(sr28_dir / "FOOD_DES.txt", 14) if rec[SURVEY_FIELD] == "Y"
    )
    return pd.DataFrame({"id": ids}, dtype=str)


def write_csv(table: pd.DataFrame, path: Path) -> None:
    """Write a text table as UTF-8 CSV with ``\\n`` line ends and minimal quoting."""
    path.parent.mkdir(parents=True, exist_ok=True)
    with path.open("w", encoding="utf-8", newline="") as handle:
        writer = csv.writer(handle, lineterminator="\n", quoting=csv.QUOTE_MINIMAL)
        writer.writerow(table.columns)
        writer.writerows(table.itertuples(index=False, name=None))


def main(argv: Sequence[str] | None = None) -> int:
    """Command-line entry point; returns the exit code."""
    parser = argparse.ArgumentParser(
        description="Build foods.csv and analyzer/data/portions.csv and survey_foods.csv from "
        "USDA SR28 ASCII files.",
        epilog="Example: python tools/build_foods.py ../shared/data/sr28 --out-dir .",
    )
    parser.add_argument("sr28_dir", type=Path, help="folder holding the SR28 .txt files")
    parser.add_argument(
        "--out-dir", type=Path, default=Path("."), help="repository root to write into"
    )
    args = parser.parse_args(argv)
    try:
        foods = build_foods(args.sr28_dir)
        portions = build_portions(args.sr28_dir)
        survey = build_survey(args.sr28_dir)
    except (BuildError, OSError, KeyError) as exc:
        print(f"build_foods: {exc}", file=sys.stderr)
        return 1
    write_csv(foods, args.out_dir / "foods.csv")
    write_csv(portions, args.out_dir / "analyzer" / "data" / "portions.csv")
    write_csv(survey, args.out_dir / "analyzer" / "data" / "survey_foods.csv")
    print(
        f"wrote {len(foods)} foods to {args.out_dir / 'foods.csv'}, {len(portions)} portions "
        f"to {args.out_dir / 'analyzer' / 'data' / 'portions.csv'} and {len(survey)} survey "
        f"foods to {args.out_dir / 'analyzer' / 'data' / 'survey_foods.csv'}"
    )
    return 0


if __name__ == "__main__":
    sys.exit(main())
