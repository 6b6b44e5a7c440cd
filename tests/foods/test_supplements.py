"""The supplement compounds table: every fraction recomputed from its formula.

Standard atomic weights (IUPAC, abridged): Ca 40.078, Mg 24.305, K 39.098, P 30.974,
C 12.011, H 1.008, N 14.007, O 15.999, Cl 35.45. The IOM (2011, p. 37) and the NIH Office of
Dietary Supplements give carbonate 40 %, citrate 21 %, lactate 13 %, gluconate 9 %.
"""

from __future__ import annotations

import re

import pytest

from analyzer.foods.supplements import (
    calcium_absorption_classes,
    compound,
    compound_names,
    compounds,
)
from analyzer.reference import load_table

WEIGHTS = {
    "Ca": 40.078,
    "Mg": 24.305,
    "K": 39.098,
    "P": 30.974,
    "C": 12.011,
    "H": 1.008,
    "N": 14.007,
    "O": 15.999,
    "Cl": 35.45,
}
ELEMENTS = {"calcium": "Ca", "phosphorus": "P", "magnesium": "Mg", "potassium": "K"}


def _atoms(formula: str) -> dict[str, int]:
    """Atoms of a formula such as ``Ca3(C6H5O7)2·4H2O``."""

    def group(text: str, at: int) -> tuple[dict[str, int], int]:
        found: dict[str, int] = {}
        while at < len(text) and text[at] != ")":
            if text[at] == "(":
                inner, at = group(text, at + 1)
                count = re.match(r"\d*", text[at + 1 :]).group(0)  # type: ignore[union-attr]
                at += 1 + len(count)
                for element, n in inner.items():
                    found[element] = found.get(element, 0) + n * int(count or 1)
                continue
            element, count = re.match(r"([A-Z][a-z]?)(\d*)", text[at:]).groups()  # type: ignore[union-attr]
            at += len(element) + len(count)
            found[element] = found.get(element, 0) + int(count or 1)
        return found, at

    total: dict[str, int] = {}
    for part in formula.split("·"):
        times, rest = re.match(r"(\d*)(.*)", part).groups()  # type: ignore[union-attr]
        atoms, _ = group(rest, 0)
        for element, n in atoms.items():
            total[element] = total.get(element, 0) + n * int(times or 1)
    return total


@pytest.mark.parametrize("name", compound_names())
def test_each_fraction_follows_from_its_formula(name: str) -> None:
    item = compound(name)
    assert item is not None
    atoms = _atoms(item.formula)
    mass = sum(WEIGHTS[e] * n for e, n in atoms.items())
    table = load_table("supplement_compounds.csv").set_index("compound")
    assert table.loc[name, "molar_mass_g_per_mol"] == pytest.approx(mass, abs=1e-3)
    for mineral, element in ELEMENTS.items():
        expected = WEIGHTS[element] * atoms.get(element, 0) / mass
        assert item.fractions[mineral] == pytest.approx(expected, abs=5e-6)
    assert item.tag in ("V", "S", "M", "C") and item.source


def test_the_fractions_the_iom_and_ods_give() -> None:
    given = {
        "calcium carbonate": 0.40,
        "calcium citrate": 0.21,
        "calcium lactate": 0.13,
        "calcium gluconate": 0.09,
    }
    for name, fraction in given.items():
        assert compound(name).fractions["calcium"] == pytest.approx(fraction, abs=0.005)  # type: ignore[union-attr]


def test_the_label_arithmetic() -> None:
    # 1250 mg calcium carbonate x 0.40044 = 500.55 mg of calcium
    assert compound("calcium carbonate").elemental_mg(1250) == {  # type: ignore[union-attr]
        "calcium_mg": pytest.approx(500.55)
    }
    # tricalcium phosphate holds phosphorus too: 1000 mg -> 387.63 mg Ca, 199.72 mg P
    assert compound("Ca3(PO4)2").elemental_mg(1000) == {  # type: ignore[union-attr]
        "calcium_mg": pytest.approx(387.63),
        "phosphorus_mg": pytest.approx(199.72),
    }


def test_absorption_classes_exist_for_every_calcium_compound() -> None:
    index = set(load_table("absorption_index.csv")["absorption_class"])
    for item in {c.name: c for c in compounds().values()}.values():
        if item.fractions["calcium"] > 0:
            assert {item.absorption_with_meal, item.absorption_fasting} <= index
    assert calcium_absorption_classes("calcium carbonate") == (
        "supplement_with_meal",
        "supplement_carbonate_fasting",
    )
