"""Supplement compounds: how much elemental mineral a compound's mass holds, and its absorption.

A label may give a supplement's compound and its mass (``calcium carbonate, 1250 mg``)
instead of the elemental amount (500 mg of calcium). ``data/supplement_compounds.csv`` holds,
per compound, its formula, molar mass and the mass fraction of each mineral in it, computed
from the IUPAC standard atomic weights (tag C, the arithmetic in each row) and checked against
the fractions the IOM and the NIH Office of Dietary Supplements give (carbonate 40 %, citrate
21 %, lactate 13 %, gluconate 9 %). Each calcium compound also names its calcium absorption
class (``data/absorption_index.csv``) when taken with a meal and when taken alone: carbonate
needs a meal (Recker 1985), citrate less so.

References
----------
.. [1] IOM 2011, Dietary Reference Intakes for Calcium and Vitamin D, p. 37.
.. [2] NIH Office of Dietary Supplements, Calcium fact sheet for health professionals.
.. [3] Recker RR 1985, Calcium absorption and achlorhydria, N Engl J Med 313:70-73.
.. [4] Heaney RP et al. 2001, J Am Coll Nutr 20(3):239-246.
"""

from __future__ import annotations

from dataclasses import dataclass
from functools import cache

from analyzer.reference import load_table

#: Minerals a compound may hold, as nutrient stems (``calcium`` -> ``calcium_mg``).
COMPOUND_MINERALS = ("calcium", "phosphorus", "magnesium", "potassium")
#: The form a calcium supplement is taken to be when its label gives no compound: calcium
#: carbonate, the most common form (IOM 2011, p. 37).
DEFAULT_CALCIUM_FORM = "calcium carbonate"


@dataclass(frozen=True)
class Compound:
    """One supplement compound of ``supplement_compounds.csv``.

    Attributes
    ----------
    name, formula : str
        ``calcium carbonate``, ``CaCO3``.
    fractions : dict
        Mass fraction of each mineral in the compound, ``{"calcium": 0.40044}``. [g/g]
    absorption_with_meal, absorption_fasting : str
        Calcium absorption classes (``absorption_index.csv``) taken with a meal and alone
        ("" for compounds without calcium).
    source, tag : str
        Where the fractions come from, and how sure they are (V, S, M, C).
    """

    name: str
    formula: str
    fractions: dict[str, float]
    absorption_with_meal: str
    absorption_fasting: str
    source: str
    tag: str

    def elemental_mg(self, compound_mg: float) -> dict[str, float]:
        """The elemental minerals in ``compound_mg`` of the compound, as nutrient columns.

        Examples
        --------
        >>> {k: round(v, 1) for k, v in compound("calcium carbonate").elemental_mg(1250).items()}
        {'calcium_mg': 500.6}
        """
        return {f"{m}_mg": compound_mg * f for m, f in self.fractions.items() if f > 0}


def _key(text: str) -> str:
    return " ".join(str(text).split()).casefold()


@cache
def compounds() -> dict[str, Compound]:
    """Every compound of ``supplement_compounds.csv``, by its name and its formula (any case)."""
    table = load_table("supplement_compounds.csv")
    found: dict[str, Compound] = {}
    for row in table.to_dict("records"):
        item = Compound(
            name=str(row["compound"]),
            formula=str(row["formula"]),
            fractions={m: float(row[f"{m}_fraction"]) for m in COMPOUND_MINERALS},
            absorption_with_meal=str(row["absorption_with_meal"] or ""),
            absorption_fasting=str(row["absorption_fasting"] or ""),
            source=str(row["source"]),
            tag=str(row["tag"]),
        )
        found[_key(item.name)] = item
        found[_key(item.formula)] = item
    return found


def compound(text: str) -> Compound | None:
    """The compound a label names (``Calcium Carbonate``, ``CaCO3``), or None.

    Examples
    --------
    >>> compound("CaCO3").name, compound("calcium  citrate").formula
    ('calcium carbonate', 'Ca3(C6H5O7)2·4H2O')
    >>> compound("calcium orotate") is None
    True
    """
    return compounds().get(_key(text))


def compound_in(text: str) -> Compound | None:
    """The compound a product's name mentions (the longest name it contains), or None.

    Examples
    --------
    >>> compound_in("Calcium Citrate + D3, 2 tablets").name
    'calcium citrate'
    >>> compound_in("Vitamin D") is None
    True
    """
    key = _key(text)
    for name in sorted(compound_names(), key=len, reverse=True):
        if _key(name) in key:
            return compounds()[_key(name)]
    return None


def compound_names() -> list[str]:
    """The compounds' names, in table order (for messages)."""
    return list(dict.fromkeys(c.name for c in compounds().values()))


def calcium_absorption_classes(name: str | None) -> tuple[str, str]:
    """The calcium absorption classes (with a meal, alone) of a supplement's form.

    A supplement without a named compound is taken as :data:`DEFAULT_CALCIUM_FORM`.

    Examples
    --------
    >>> calcium_absorption_classes("calcium citrate")
    ('supplement_with_meal', 'supplement_citrate_fasting')
    >>> calcium_absorption_classes(None)
    ('supplement_with_meal', 'supplement_carbonate_fasting')
    """
    found = compound(name) if name else None
    if found is None or not found.absorption_with_meal:
        found = compounds()[DEFAULT_CALCIUM_FORM]
    return found.absorption_with_meal, found.absorption_fasting
