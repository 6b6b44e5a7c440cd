"""Per-entry loads: the calciuria estimates behind the "diuretic load", and PRAL.

The "diuretic load" is the estimated calcium cost of red meat, dairy, soda and coffee, from
three mechanisms, each a coefficient in ``coefficients.csv``:

- caffeine: 5 mg Ca per 100 mg caffeine (range 2-7; derived from Barger-Lux & Heaney 1995,
  tag C). This is a calcium-*balance* effect on the input side (absorption), **not**
  urinary calcium: Heaney (2002) found no effect on 24-h urinary Ca. It is offset by about
  2 tablespoons of milk per cup of coffee;
- protein: 1 mg Ca per g protein (FAO/WHO 2004, tag S), or 1.2 mg/g (Kerstetter & Allen
  1990, tag V) with ``Settings(protein_coefficient="kerstetter_allen")``. Protein also raises
  calcium absorption (Kerstetter et al. 2003), so the net effect at adequate calcium intake
  is near zero (Hunt et al. 2009);
- sodium: 40 mg Ca per 2,300 mg Na (Nordin et al. 1993, tag V).

The three estimates are computed for every entry; ``diuretic_load_mg`` sums them only for
entries in the four groups. Tea and other caffeine sources count toward caffeine but are
attributed to their own group (``tea``, ``other``), not to the diuretic load. Meat and
dairy are not diuretics (Maughan & Griffin 2003): the name is the project's, the quantity is
a calcium cost (urinary calcium from protein and sodium, lower absorption from caffeine).
PRAL and the protein term overlap; do not add them into one "loss".

PRAL (Remer & Manz 1995) = 0.49 protein [g] + 0.037 P - 0.021 K - 0.026 Mg - 0.013 Ca [mg],
in mEq; positive is acid-forming. It predicts urinary acid and calcium, not bone loss
(Fenton et al. 2009, 2011). It has no sodium term: some later texts add -0.041 mEq per mg
sodium, but without the matching chloride (SR28 has none) that term makes salty diets look
alkalising, so it is not used (``pral_sodium`` in ``coefficients.csv`` is kept, tag S, for
the record).

References
----------
.. [1] Barger-Lux MJ, Heaney RP 1995, Osteoporos Int 5:97.
.. [2] Heaney RP 2002, Food Chem Toxicol 40:1263.
.. [3] FAO/WHO 2004, Human Vitamin and Mineral Requirements, calcium chapter.
.. [4] Kerstetter JE, Allen LH 1990, J Nutr 120:134.
.. [5] Kerstetter JE et al. 2003, Am J Clin Nutr 78:584S.
.. [6] Hunt JR et al. 2009, Am J Clin Nutr 89:1357.
.. [7] Nordin BEC et al. 1993, J Nutr 123:1615.
.. [8] Remer T, Manz F 1995, J Am Diet Assoc 95:791.
.. [9] Fenton TR et al. 2011, Nutr J 10:41.
"""

from __future__ import annotations

import numpy as np
import pandas as pd

from analyzer.models import Settings
from analyzer.nutrients import DIURETIC_GROUPS, GROUPS
from analyzer.reference import coefficient, tag

#: Who each protein-calciuria coefficient comes from (``Settings.protein_coefficient``).
PROTEIN_SOURCES = {"fao_who": "FAO/WHO 2004", "kerstetter_allen": "Kerstetter & Allen 1990"}


def group_of(category: pd.Series) -> pd.Series:
    """Attribution group of each entry: its category when it is one of :data:`GROUPS`.

    Parameters
    ----------
    category : Series of str
        Food categories (``red_meat``, ``dairy``, ``soda``, ``coffee``, ``tea``, ``greens``,
        ``other``).

    Examples
    --------
    >>> group_of(pd.Series(["coffee", "greens", None])).tolist()
    ['coffee', 'other', 'other']
    """
    codes, uniques = pd.factorize(category.astype("string"))
    named = np.array([u if u in GROUPS else "other" for u in uniques] + ["other"], dtype=object)
    group = pd.Categorical(named[codes], categories=list(GROUPS))
    return pd.Series(group, index=category.index)


def protein_calcium_coefficient(settings: Settings) -> float:
    """Urinary calcium per gram of protein for the chosen source. [mg/g]"""
    return coefficient(f"protein_calcium_mg_per_g_{settings.protein_coefficient}")


def describe_coefficients(settings: Settings) -> str:
    """The diuretic-load coefficients in use, each with its source and provenance tag.

    Examples
    --------
    >>> describe_coefficients(Settings())[:59]
    'diuretic load = estimated calcium cost of red meat, dairy, '
    """
    caffeine = coefficient("caffeine_calcium_mg")
    per_caffeine = coefficient("caffeine_reference_mg")
    sodium = coefficient("sodium_calcium_mg")
    per_sodium = coefficient("sodium_reference_mg")
    chosen = settings.protein_coefficient
    other = "kerstetter_allen" if chosen == "fao_who" else "fao_who"
    names = PROTEIN_SOURCES
    key = "protein_calcium_mg_per_g_"
    return (
        "diuretic load = estimated calcium cost of red meat, dairy, soda and coffee: "
        f"{caffeine:g} mg Ca per {per_caffeine:g} mg caffeine (a calcium-balance cost on the "
        f"absorption side, not urinary calcium; Barger-Lux & Heaney 1995, "
        f"{tag('caffeine_calcium_mg')}), "
        f"{coefficient(key + chosen):g} mg urinary Ca per g protein ({names[chosen]}, "
        f"{tag(key + chosen)}; {names[other]}: {coefficient(key + other):g} mg/g, "
        f"{tag(key + other)}), {sodium:g} mg urinary Ca per {per_sodium:,.0f} mg sodium "
        f"(Nordin et al. 1993, {tag('sodium_calcium_mg')})"
    )


def calciuria(entries: pd.DataFrame, settings: Settings) -> pd.DataFrame:
    """Estimated calcium cost of each entry by mechanism, and its diuretic load.

    Parameters
    ----------
    entries : DataFrame
        Columns ``caffeine_mg``, ``protein_g``, ``sodium_mg`` (NaN = unknown) and ``group``.
    settings : Settings
        Chooses the protein coefficient.

    Returns
    -------
    DataFrame
        ``caffeine_calcium_mg``, ``protein_calcium_mg``, ``sodium_calcium_mg`` (every entry;
        NaN where the nutrient is unknown) and ``diuretic_load_mg`` (their sum over the known
        parts for red meat, dairy, soda and coffee; 0 for other groups; NaN when all three
        parts are unknown or the entry's group is unknown, see :func:`group_unknown`).
        [mg Ca]
    """
    caffeine_rate = coefficient("caffeine_calcium_mg") / coefficient("caffeine_reference_mg")
    sodium_rate = coefficient("sodium_calcium_mg") / coefficient("sodium_reference_mg")
    parts = pd.DataFrame(
        {
            "caffeine_calcium_mg": entries["caffeine_mg"] * caffeine_rate,
            "protein_calcium_mg": entries["protein_g"] * protein_calcium_coefficient(settings),
            "sodium_calcium_mg": entries["sodium_mg"] * sodium_rate,
        },
        index=entries.index,
    )
    total = parts.sum(axis=1, min_count=1)
    in_groups = entries["group"].isin(DIURETIC_GROUPS).to_numpy(dtype=bool)
    load = total.where(in_groups, 0.0)
    parts["diuretic_load_mg"] = load.where(~group_unknown(entries), np.nan)
    return parts


def group_unknown(entries: pd.DataFrame) -> np.ndarray:
    """Entries whose group cannot be known: app rows that match no USDA food.

    Daily or meal totals (Cronometer daily, MyFitnessPal) and unmatched app foods carry the
    app's nutrients but no food, so whether they hold red meat, dairy, soda or coffee is
    unknown; their diuretic load is unknown (NaN), not 0.

    Parameters
    ----------
    entries : DataFrame
        With ``food_id`` and ``source`` (``"usda"`` or ``"app"``); without ``source`` every
        entry counts as known.

    Returns
    -------
    ndarray of bool
    """
    if "source" not in entries.columns or "food_id" not in entries.columns:
        return np.zeros(len(entries), dtype=bool)
    app = entries["source"].astype("string").eq("app").fillna(False).to_numpy(dtype=bool)
    return app & entries["food_id"].isna().to_numpy(dtype=bool)


def pral(entries: pd.DataFrame) -> pd.Series:
    """Potential renal acid load of each entry (Remer & Manz 1995), without sodium. [mEq]

    NaN when any term is unknown (a missing potassium would bias PRAL upwards). Sodium is not
    a term (see the module docstring): a salty food's PRAL is that of the same food unsalted.

    Parameters
    ----------
    entries : DataFrame
        ``protein_g``, ``phosphorus_mg``, ``potassium_mg``, ``magnesium_mg``, ``calcium_mg``.

    Examples
    --------
    3 oz (85 g) of pan-browned 85 % lean ground beef (SR28 23570):
    0.49*23.57 + 0.037*202.3 - 0.021*345.95 - 0.026*21.25 - 0.013*18.7 = 10.97 mEq

    >>> beef = pd.DataFrame({"protein_g": [23.57], "phosphorus_mg": [202.3],
    ...     "potassium_mg": [345.95], "magnesium_mg": [21.25], "calcium_mg": [18.7]})
    >>> round(float(pral(beef).iloc[0]), 2)
    10.97
    """
    terms = [
        ("protein_g", "pral_protein"),
        ("phosphorus_mg", "pral_phosphorus"),
        ("potassium_mg", "pral_potassium"),
        ("magnesium_mg", "pral_magnesium"),
        ("calcium_mg", "pral_calcium"),
    ]
    total = pd.Series(0.0, index=entries.index)
    for column, name in terms:
        total = total + entries[column].astype(float) * coefficient(name)
    return total
