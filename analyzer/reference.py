"""The bundled science tables: DRIs, absorption indices, P bioavailability and coefficients.

Every literature number the balance engine uses lives in one of the CSV files under
``analyzer/data/``, each row with its source (author, year, journal) and provenance tag
(``V`` verified, ``S`` secondary, ``M`` from memory, ``C`` computed from V/S inputs), as
compiled in the project's scientific reference:

- ``dri.csv``: RDA/AI, EAR, UL, CDRR per life stage (IOM 1997, IOM 2011, NASEM 2019) and the
  EFSA 2015 caffeine limits;
- ``absorption_index.csv``: calcium absorptive index (relative to milk) per food class
  (Weaver et al. 2017; Heaney et al. 1988);
- ``phosphorus_bioavailability.csv``: absorbed fraction of phosphorus per source class
  (Renal Replacement Therapy 2017; IOM 1997);
- ``energy_needs.csv``: sedentary energy needs per sex and age and the vegetables of the
  Dietary Guidelines pattern at that energy (for the "implausibly little food" check and
  the greens portions by age);
- ``coefficients.csv``: molar masses, Weaver's load equation and its measured load range,
  the calciuria coefficients, PRAL (Remer & Manz 1995), flag thresholds and this tool's own
  thresholds (tag C, each with a note on why);
- ``fndds_categories.csv``: FNDDS food-code prefixes (and description exceptions) to the
  food categories, for research files (ASA24, NHANES);
- ``eating_occasions.csv``: the eating-occasion codes of ASA24 and NHANES and their meals;
- ``supplement_compounds.csv``: the elemental mass fractions of supplement compounds (calcium
  carbonate 40 %, citrate 21 %, ...; IOM 2011, NIH ODS, molar masses) and the absorption
  class of each taken with a meal and alone.

The tables are read once per process and cached; callers get copies.
"""

from __future__ import annotations

from functools import cache
from importlib.resources import files

import pandas as pd

from analyzer.errors import DataFileError

_TABLES: dict[str, dict[str, str]] = {
    "dri.csv": {
        "nutrient": "string",
        "kind": "string",
        "sex": "string",
        "state": "string",
        "age_min_y": "float64",
        "age_max_y": "float64",
        "value_mg": "float64",
        "source": "string",
        "tag": "string",
        "note": "string",
    },
    "absorption_index.csv": {
        "absorption_class": "string",
        "index": "float64",
        "source": "string",
        "tag": "string",
        "note": "string",
    },
    "phosphorus_bioavailability.csv": {
        "phosphorus_class": "string",
        "fraction": "float64",
        "source": "string",
        "tag": "string",
        "note": "string",
    },
    "energy_needs.csv": {
        "sex": "string",
        "age_min_y": "float64",
        "age_max_y": "float64",
        "energy_kcal": "float64",
        "vegetables_cup_eq": "float64",
        "source": "string",
        "tag": "string",
        "note": "string",
    },
    "coefficients.csv": {
        "name": "string",
        "value": "float64",
        "unit": "string",
        "source": "string",
        "tag": "string",
        "note": "string",
    },
    "fndds_categories.csv": {
        "prefix": "string",
        "category": "string",
        "description_pattern": "string",
        "source": "string",
        "tag": "string",
        "note": "string",
    },
    "supplement_compounds.csv": {
        "compound": "string",
        "formula": "string",
        "molar_mass_g_per_mol": "float64",
        "calcium_fraction": "float64",
        "phosphorus_fraction": "float64",
        "magnesium_fraction": "float64",
        "potassium_fraction": "float64",
        "absorption_with_meal": "string",
        "absorption_fasting": "string",
        "source": "string",
        "tag": "string",
        "note": "string",
    },
    "eating_occasions.csv": {
        "scheme": "string",
        "code": "int64",
        "label": "string",
        "meal": "string",
        "source": "string",
        "tag": "string",
    },
}


def data_file(name: str) -> str:
    """Path of a bundled data table, as text.

    Parameters
    ----------
    name : str
        File name under ``analyzer/data/``, e.g. ``"dri.csv"``.
    """
    return str(files("analyzer") / "data" / name)


@cache
def _read(name: str) -> pd.DataFrame:
    dtypes = _TABLES[name]
    path = data_file(name)
    try:
        frame = pd.read_csv(path, dtype=dtypes, keep_default_na=False, na_values=[""])
    except FileNotFoundError:
        raise DataFileError(
            path, "bundled science table is missing", "reinstall analyzer"
        ) from None
    except (ValueError, pd.errors.ParserError) as error:
        raise DataFileError(path, f"cannot be read ({error})", "reinstall analyzer") from None
    missing = [c for c in dtypes if c not in frame.columns]
    if missing:
        raise DataFileError(path, f"lacks columns {', '.join(missing)}", "reinstall analyzer")
    return frame


def load_table(name: str) -> pd.DataFrame:
    """One bundled science table with pinned dtypes (a copy; the cache stays intact).

    Parameters
    ----------
    name : {"dri.csv", "absorption_index.csv", "phosphorus_bioavailability.csv",
            "energy_needs.csv", "coefficients.csv", "fndds_categories.csv",
            "eating_occasions.csv", "supplement_compounds.csv"}
        Which table.

    Raises
    ------
    DataFileError
        The file is missing, unreadable or lacks a column.
    """
    if name not in _TABLES:
        raise DataFileError(name, "is not a science table", f"use one of {', '.join(_TABLES)}")
    return _read(name).copy()


@cache
def _coefficients() -> dict[str, tuple[float, str, str]]:
    frame = _read("coefficients.csv")
    names = frame["name"].astype(str).tolist()
    values = frame["value"].astype(float).tolist()
    sources = frame["source"].astype(str).tolist()
    tags = frame["tag"].astype(str).tolist()
    return {n: (v, s, t) for n, v, s, t in zip(names, values, sources, tags, strict=True)}


def coefficient(name: str) -> float:
    """The value of a named coefficient from ``coefficients.csv``.

    Parameters
    ----------
    name : str
        Row name, e.g. ``"weaver_slope"``.

    Returns
    -------
    float
        The value, in the unit the table states.

    Raises
    ------
    DataFileError
        No such coefficient in the table.

    Examples
    --------
    >>> coefficient("pral_protein")
    0.49
    """
    table = _coefficients()
    if name not in table:
        raise DataFileError(data_file("coefficients.csv"), f"has no coefficient {name!r}")
    return table[name][0]


def tag(name: str) -> str:
    """Provenance tag (``V``, ``S``, ``M`` or ``C``) of a named coefficient."""
    coefficient(name)
    return _coefficients()[name][2]


def molar_ratio_factor(numerator: str, denominator: str) -> float:
    """Factor turning a mass ratio into a molar ratio: M(denominator) / M(numerator).

    Parameters
    ----------
    numerator, denominator : str
        Element names as in ``coefficients.csv`` (``calcium``, ``phosphorus``, ``magnesium``,
        ``potassium``, ``sodium``).

    Examples
    --------
    >>> round(molar_ratio_factor("calcium", "phosphorus"), 4)
    0.7727
    """
    return coefficient(f"{denominator}_molar_mass") / coefficient(f"{numerator}_molar_mass")
