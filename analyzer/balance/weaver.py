"""Weaver's load equation: the fraction of an eating occasion's calcium that is absorbed.

Fractional absorption falls as the calcium eaten at once rises. Weaver et al. (2017) adjust
every food of their Table 1 "for load using the equation for milk"

    FA_milk(L) = 0.889 - 0.0964 ln(L),    L = calcium of the eating occasion [mg],

then multiply by the food's absorptive index relative to milk (``absorption_index.csv``).
The equation was fitted on loads from 15 to 500 mg (Heaney, Weaver & Fitzsimmons 1990:
64.0 % absorbed at the lowest load, 28.6 % at the highest). It is not extrapolated: a load
below 15 mg is absorbed as a 15 mg load (the equation would run towards 100 %), a load above
500 mg at the 500 mg fraction (which, if anything, overstates it); such occasions are marked
(:func:`load_outside_range`) and the report says how much calcium they carry.

The absorbable-calcium *target* (:func:`absorbable_calcium_target`) is this tool's
definition: the calcium RDA/AI eaten as dairy in three equal meals.

References
----------
.. [1] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193), Table 1 and
   its footnote.
.. [2] Heaney RP, Weaver CM, Fitzsimmons ML 1990, J Bone Miner Res 5(11), "Influence of
   calcium load on absorption fraction" (doi:10.1002/jbmr.5650051107).
"""

from __future__ import annotations

import math
from collections.abc import Callable

import numpy as np
import pandas as pd

from analyzer.errors import DataFileError
from analyzer.reference import coefficient, load_table


def load_range_mg() -> tuple[float, float]:
    """The calcium loads Weaver's equation was fitted on (Heaney et al. 1990). [mg]

    Examples
    --------
    >>> load_range_mg()
    (15.0, 500.0)
    """
    return coefficient("weaver_load_min_mg"), coefficient("weaver_load_max_mg")


def fractional_absorption_milk(load_mg: np.ndarray | pd.Series) -> np.ndarray:
    """Weaver's load equation for milk, on the load clamped to the measured range. [fraction]

    FA = 0.889 - 0.0964 ln(clip(load, 15, 500)): 62.8 % for any load up to 15 mg, 29.0 % for
    any load from 500 mg (the equation is not extrapolated, see the module docstring).

    Parameters
    ----------
    load_mg : array-like
        Calcium load of the eating occasion. [mg]

    Examples
    --------
    >>> [round(float(x), 4) for x in fractional_absorption_milk(np.array([290.0, 0.0, 714.0]))]
    [0.3424, 0.6279, 0.2899]
    """
    intercept = coefficient("weaver_intercept")
    slope = coefficient("weaver_slope")
    low, high = load_range_mg()
    load = np.clip(np.asarray(load_mg, dtype=float), low, high)
    return np.clip(intercept - slope * np.log(load), 0.0, 1.0)


def load_outside_range(load_mg: np.ndarray | pd.Series) -> np.ndarray:
    """Whether each load lies outside the 15-500 mg the equation was fitted on (NaN: False).

    Examples
    --------
    >>> load_outside_range(np.array([4.7, 290.0, 714.0, np.nan])).tolist()
    [True, False, True, False]
    """
    low, high = load_range_mg()
    load = np.asarray(load_mg, dtype=float)
    with np.errstate(invalid="ignore"):
        return (load < low) | (load > high)


#: Eating occasions per day assumed when turning the calcium target into absorbable calcium:
#: the target is imagined as three equal dairy meals (an assumption, stated in the report).
MEALS_PER_DAY = 3


def class_index(absorption_class: str) -> float:
    """The absorptive index of a calcium class relative to milk (``absorption_index.csv``)."""
    table = load_table("absorption_index.csv").set_index("absorption_class")["index"]
    if absorption_class not in table.index:
        raise DataFileError(
            "absorption_index.csv",
            f"has no absorption class {absorption_class!r}",
            f"use one of {', '.join(map(str, table.index))}",
        )
    return float(table[absorption_class])


def absorbed_calcium_mg(load_mg: np.ndarray, absorption_class: str) -> np.ndarray:
    """Absorbable calcium of one eating occasion of a single food class. [mg]

    ``load x min(1, FA_milk(load) x index)``, the balance engine's rule
    (:func:`fractional_absorption_milk`, Weaver et al. 2017) with the index of
    ``absorption_class`` from ``absorption_index.csv``.

    Parameters
    ----------
    load_mg : array
        Calcium eaten in the occasion. [mg]
    absorption_class : str
        A class of :data:`analyzer.balance.absorption.CALCIUM_CLASSES`.

    Examples
    --------
    1 cup cooked collards, 267.9 mg: FA = 0.889 - 0.0964 ln 267.9 = 0.35007 -> 93.78 mg.

    >>> round(float(absorbed_calcium_mg(np.array([267.9]), "low_oxalate_brassica")[0]), 2)
    93.78
    """
    load = np.asarray(load_mg, dtype=float)
    fraction = np.minimum(fractional_absorption_milk(load) * class_index(absorption_class), 1.0)
    return load * fraction


def dairy_absorbed(load_mg: float) -> float:
    """Absorbable calcium of one dairy meal of ``load_mg`` calcium (index of ``dairy``). [mg]"""
    return float(absorbed_calcium_mg(np.array([load_mg]), "dairy")[0])


def target_absorbable_calcium_mg(
    calcium_target_mg: float,
    dairy_absorbed: Callable[[float], float],
    meals_per_day: int = MEALS_PER_DAY,
) -> float:
    """Absorbable-calcium target: what the calcium RDA/AI yields absorbed, eaten as dairy.

    The DRI for calcium is an intake; the diary's calcium is scored as absorbable calcium
    (Weaver's load equation per eating occasion). To compare like with like, the target is the
    calcium the RDA/AI would deliver if eaten as dairy (the reference food of the equation) in
    ``meals_per_day`` equal meals: ``meals x absorbed(target / meals)``. A diary that meets
    the RDA with dairy spread over three meals meets this target exactly; one that gets the
    same calcium from spinach falls far short.

    Parameters
    ----------
    calcium_target_mg : float
        Calcium RDA or AI. [mg/day]
    dairy_absorbed : callable
        ``dairy_absorbed(load_mg) -> absorbable_mg`` for one dairy meal. [mg]
    meals_per_day : int
        Equal meals the target is split into (an assumption; default 3).

    Returns
    -------
    float
        Target absorbable calcium. [mg/day]

    Examples
    --------
    With the milk equation and index 1.0, 1,000 mg in three meals of 333.3 mg:
    FA = 0.889 - 0.0964 ln(333.3) = 0.3290, so 3 x 333.3 x 0.3290 = 329.0 mg.

    >>> milk = lambda load: load * (0.889 - 0.0964 * math.log(load))
    >>> round(target_absorbable_calcium_mg(1000.0, milk), 1)
    329.0
    """
    if not calcium_target_mg > 0:
        return math.nan
    per_meal = calcium_target_mg / meals_per_day
    return float(meals_per_day * dairy_absorbed(per_meal))


ABSORBABLE_TARGET_DEFINITION = (
    "absorbable-calcium target = the calcium RDA/AI eaten as dairy in {meals} equal meals, "
    "absorbed by Weaver's load equation FA = 0.889 - 0.0964 ln(load) (Weaver et al. 2017, "
    "Curr Osteoporos Rep 15(3):214-221; V): {meals} x {per_meal:.0f} mg x {fa:.1%} = "
    "{target:.0f} mg/day"
)


def absorbable_calcium_target(calcium_target_mg: float) -> tuple[float, str]:
    """The absorbable-calcium target for a calcium RDA/AI, and its one-line definition.

    See :func:`target_absorbable_calcium_mg`: the RDA/AI eaten as dairy in
    three equal meals, absorbed by Weaver's load equation (dairy index 1.0).

    Returns
    -------
    target : float
        [mg/day]
    definition : str
        The definition with its numbers, for the report.
    """
    target = target_absorbable_calcium_mg(calcium_target_mg, dairy_absorbed)
    meals = MEALS_PER_DAY
    per_meal = calcium_target_mg / meals
    fa = target / calcium_target_mg if calcium_target_mg > 0 else math.nan
    text = ABSORBABLE_TARGET_DEFINITION.format(
        meals=meals, per_meal=per_meal, fa=fa, target=target
    )
    return target, text
