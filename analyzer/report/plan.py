"""Which greens, how much, to close a week's calcium, Ca:P, magnesium and potassium gap.

The plan is a small mixed-integer program (:func:`scipy.optimize.milp`). Its decision
variables are *days*: for each green and each portion size (half-cup steps up to the daily
cap), on how many days of the week that portion is eaten, as its own eating occasion. Each
added serving is therefore absorbed at its own calcium load through Weaver's load equation
(see :mod:`analyzer.balance.absorption`), and a green is eaten at most once a day, so the cap per
green per day holds.

Goals, in order of priority (solved lexicographically, one MILP per stage):

1. absorbable calcium up to :func:`target_absorbable_calcium_mg` and the Ca:P mass ratio up
   to the ratio target (only low-oxalate greens count toward calcium). The Ca:P ratio is not
   a DRI (IOM 1997, p. 154), so it never pushes calcium above the RDA: when the ratio target
   times the week's phosphorus is above the RDA, the ratio goal is calcium up to the RDA;
   when calcium is at the RDA the ratio goal is met, whatever the ratio, and when calcium and
   absorbable calcium both meet their targets nothing is suggested for calcium;
2. magnesium and potassium toward their targets (high-oxalate greens may help here, labelled
   "for potassium and magnesium, not calcium");
3. with the fewest half-cup servings plus plan lines (each green at one portion size), then
   the fewest eating occasions, then Weaver's rank (collards, turnip greens, mustard greens,
   bok choy, then kale and broccoli).

Each green (species: fresh and frozen collards are one) is planned at one portion size, at
most once a day, so every line reads "1 cup cooked collards, 4 days this week".

References
----------
.. [1] Weaver CM et al. 2017, Curr Osteoporos Rep 15(3):214-221 (PMC5442193), Table 1 and its load
   equation FA = 0.889 - 0.0964 ln(load). (V)
.. [2] Heaney RP et al. 1988, Am J Clin Nutr 47:707-709: spinach calcium 5.1 % absorbed
   versus 27.6 % from milk. (V)
.. [3] Weaver CM, Proulx WR, Heaney RP 1999, Am J Clin Nutr 70(suppl):543S-548S. (V)
.. [4] IOM 1997, DRIs for Calcium, Phosphorus, Magnesium, Vitamin D and Fluoride, p. 154: no
   dietary Ca:P target for adults. (V)
"""

from __future__ import annotations

import math
from dataclasses import dataclass, field, replace
from typing import TYPE_CHECKING, Any, Literal

import numpy as np
import pandas as pd

from analyzer.report.greens import (
    ROLE_CALCIUM,
    ROLE_POTASSIUM_MAGNESIUM,
    SERVING_CUPS,
)

if TYPE_CHECKING:  # scipy is imported only when a plan is solved
    from scipy.optimize import Bounds, LinearConstraint


#: Weight of one eating occasion in the last stage, as a fraction of one half-cup serving:
#: between two plans with as many servings, the one with fewer occasions wins.
_OCCASION_COST = 0.1
#: Weight of one line of the plan (a green at one portion size), as a fraction of one
#: half-cup serving: a plan with fewer lines is easier to follow.
_LINE_COST = 1.0
#: Weight per Weaver rank step and occasion: among equal plans, the better-ranked green wins.
_RANK_COST = 1e-3
#: Relative slack allowed when a stage's optimum is carried into the next stage.
_STAGE_TOLERANCE = 1e-6


Status = Literal["met", "closed", "partial", "unknown", "incomplete"]


@dataclass(frozen=True)
class WeekIntake:
    """A week's intake as per-day averages over its logged days.

    Parameters
    ----------
    days : int
        Days logged in the week; the plan spreads servings over these days.
    calcium_mg, absorbable_calcium_mg, phosphorus_mg, magnesium_mg, potassium_mg : float
        Per-day averages; NaN when unknown. [mg/day]
    """

    days: int
    calcium_mg: float
    absorbable_calcium_mg: float
    phosphorus_mg: float
    magnesium_mg: float
    potassium_mg: float

    @property
    def ca_p_mass_ratio(self) -> float:
        """Calcium over phosphorus by mass; NaN when either is unknown or P is 0. [-]"""
        if not self.phosphorus_mg > 0 or math.isnan(self.calcium_mg):
            return math.nan
        return self.calcium_mg / self.phosphorus_mg

    def plus(self, added_per_day: dict[str, float]) -> WeekIntake:
        """This week with ``added_per_day`` (mg/day per nutrient) added; unknown stays NaN."""
        return replace(
            self,
            **{name: getattr(self, name) + added_per_day.get(name, 0.0) for name in _INTAKES},
        )

    def as_dict(self) -> dict[str, float]:
        """Per-day averages and the Ca:P mass ratio as a JSON-ready dict."""
        out: dict[str, float] = {"days": self.days}
        out.update({name: getattr(self, name) for name in _INTAKES})
        out["ca_p_mass_ratio"] = self.ca_p_mass_ratio
        return out


#: The goals in words, in plan order.
GOAL_NAMES = {
    "absorbable_calcium_mg": "absorbable calcium",
    "ca_p_mass_ratio": "the Ca:P ratio",
    "magnesium_mg": "magnesium",
    "potassium_mg": "potassium",
}
#: Said when there is nothing to plan with (no candidate greens, or no logged day).
NO_CANDIDATES_NOTE = "No greens were available to plan with."
#: The goals of the first stage; without one of them known there is no plan.
CALCIUM_GOALS = frozenset({"absorbable_calcium_mg", "ca_p_mass_ratio"})
_INTAKES = (
    "calcium_mg",
    "absorbable_calcium_mg",
    "phosphorus_mg",
    "magnesium_mg",
    "potassium_mg",
)


@dataclass(frozen=True)
class Goals:
    """What the plan aims for, per day.

    Parameters
    ----------
    absorbable_calcium_mg : float
        Absorbable-calcium target, see :func:`target_absorbable_calcium_mg`. [mg/day]
    ca_p_mass_ratio : float
        Ca:P mass-ratio target. [-]
    magnesium_mg, potassium_mg : float
        RDA or AI. [mg/day]
    calcium_mg : float, optional
        Calcium RDA or AI: the ratio goal never asks for calcium above it. NaN: no cap.
        [mg/day]
    calcium_ul_mg : float, optional
        Tolerable upper intake level of calcium; the plan never takes the week's average
        calcium (with the greens, high-oxalate ones included) above it. NaN: no ceiling.
        [mg/day]
    """

    absorbable_calcium_mg: float
    ca_p_mass_ratio: float
    magnesium_mg: float
    potassium_mg: float
    calcium_ul_mg: float = math.nan
    calcium_mg: float = math.nan

    def ratio_target(self, phosphorus_mg: float) -> float:
        """The Ca:P goal at this phosphorus, capped so that calcium need not pass the RDA.

        Examples
        --------
        >>> goals = Goals(329.0, 1.0, 320.0, 2600.0, calcium_mg=1000.0)
        >>> goals.ratio_target(1333.0), goals.ratio_target(800.0)
        (0.7502, 1.0)
        """
        if math.isnan(self.calcium_mg) or not phosphorus_mg > 0:
            return self.ca_p_mass_ratio
        return round(min(self.ca_p_mass_ratio, self.calcium_mg / phosphorus_mg), 4)


@dataclass(frozen=True)
class Suggestion:
    """One line of the plan: a portion of one green on some days of the week.

    ``adds`` holds what one portion adds on the day it is eaten [mg]; ``adds_per_day`` the
    change in the week's per-day averages [mg/day]; ``vitamin_k_ug`` the portion's vitamin K
    [ug] and ``oxalate_class`` the green's oxalate class (for the caveats).
    """

    food_id: str
    description: str
    name: str
    role: str
    label: str
    amount: float
    unit: str
    grams: float
    days: int
    adds: dict[str, float]
    adds_per_day: dict[str, float]
    vitamin_k_ug: float = math.nan
    oxalate_class: str = ""

    @property
    def text(self) -> str:
        """Household wording, e.g. ``'1 cup cooked collards, 4 days this week'``."""
        days = f"{self.days} day{'s' if self.days != 1 else ''} this week"
        text = f"{format_cups(self.amount)} {self.name}, {days}"
        if self.role == ROLE_POTASSIUM_MAGNESIUM:
            text += f" ({self.label})"
        return text

    def as_dict(self) -> dict[str, Any]:
        """JSON-ready dict: ``food_id, description, amount, unit, grams, days, ...``."""
        return {
            "food_id": self.food_id,
            "description": self.description,
            "name": self.name,
            "amount": self.amount,
            "unit": self.unit,
            "grams": self.grams,
            "days": self.days,
            "purpose": self.role,
            "label": self.label,
            "text": self.text,
            "adds_per_serving": dict(self.adds),
            "adds_per_day": dict(self.adds_per_day),
            "vitamin_k_ug": self.vitamin_k_ug,
            "oxalate_class": self.oxalate_class,
        }


def format_cups(amount: float) -> str:
    """Cups in words with halves: ``0.5 -> '1/2 cup'``, ``1.5 -> '1 1/2 cups'``.

    Examples
    --------
    >>> [format_cups(a) for a in (0.5, 1.0, 1.5, 2.0)]
    ['1/2 cup', '1 cup', '1 1/2 cups', '2 cups']
    """
    whole = int(amount)
    half = amount - whole >= 0.25
    number = " ".join(p for p in (str(whole) if whole else "", "1/2" if half else "") if p)
    return f"{number} cup{'s' if amount > 1 else ''}"


@dataclass
class GreensPlan:
    """The outcome of :func:`plan_greens`.

    Attributes
    ----------
    status : {"met", "closed", "partial", "unknown", "incomplete"}
        ``met``: the week already meets every goal, nothing suggested; ``closed``: the plan
        meets every goal; ``partial``: the best plan within the caps, ``remaining`` says what
        is left; ``unknown``: neither absorbable calcium nor the Ca:P ratio is known, so
        nothing is suggested (not even for potassium or magnesium); ``incomplete``: the week
        is incomplete (:mod:`analyzer.balance.coverage`), so no plan is made.
    suggestions : list of Suggestion
        Best first (calcium greens by Weaver rank, then the others).
    current, projected : WeekIntake
        The week as logged and after following the plan.
    goals : Goals
    remaining : dict
        Shortfall after the plan per goal (0 when met; NaN when unknown). [mg/day or ratio]
    notes : list of str
    """

    status: Status
    suggestions: list[Suggestion]
    current: WeekIntake
    projected: WeekIntake
    goals: Goals
    remaining: dict[str, float]
    notes: list[str] = field(default_factory=list)


def shortfalls(week: WeekIntake, goals: Goals) -> dict[str, float]:
    """Gap to each goal, 0 when met, NaN when unknown. [mg/day, or ratio]"""
    pairs = {
        "absorbable_calcium_mg": (week.absorbable_calcium_mg, goals.absorbable_calcium_mg),
        "ca_p_mass_ratio": (week.ca_p_mass_ratio, goals.ratio_target(week.phosphorus_mg)),
        "magnesium_mg": (week.magnesium_mg, goals.magnesium_mg),
        "potassium_mg": (week.potassium_mg, goals.potassium_mg),
    }
    out = {}
    for key, (have, want) in pairs.items():
        out[key] = math.nan if math.isnan(have) or math.isnan(want) else max(0.0, want - have)
    return out


def plan_greens(week: WeekIntake, goals: Goals, candidates: pd.DataFrame) -> GreensPlan:
    """Choose servings of greens that close the week's gaps with the fewest servings.

    Parameters
    ----------
    week : WeekIntake
        The week's per-day averages and its number of logged days.
    goals : Goals
        Per-day goals.
    candidates : DataFrame
        From :func:`build_candidates` (one row per green and portion size).

    Returns
    -------
    GreensPlan

    Notes
    -----
    Variables: ``y_j`` (integer, 0..days) = days on which portion ``j`` is eaten, ``z_j``
    (0/1) = portion ``j`` is in the plan (``y_j <= days z_j``; one portion size per species),
    and one continuous relative shortfall per goal. Constraints, each divided by its goal so that
    shortfalls are fractions: absorbable calcium, ``Ca - r P >= 0`` for the ratio (linear in
    ``y``), magnesium, potassium; per species ``sum y <= days``. High-oxalate greens add no
    calcium in the calcium constraints (they do add their phosphorus), so they are never
    chosen for calcium; the projection counts them at their true values.
    """
    gaps = shortfalls(week, goals)
    notes: list[str] = []
    known = {k: v for k, v in gaps.items() if not math.isnan(v)}
    if not known.keys() & CALCIUM_GOALS:
        # Greens are suggested for calcium first: with neither absorbable calcium nor the
        # Ca:P ratio known, a plan would rest on potassium and magnesium alone, and a
        # high-oxalate green could come out on top. Say so instead of guessing.
        return GreensPlan("unknown", [], week, week, goals, gaps, [])
    for key in GOAL_NAMES:
        if key not in known:
            notes.append(f"The plan cannot aim at {GOAL_NAMES[key]}: it is unknown for this week.")
    if all(v <= 0 for v in known.values()):
        return GreensPlan("met", [], week, week, goals, gaps, notes)
    calcium_met = all(gaps.get(k, 0.0) <= 0 for k in CALCIUM_GOALS if k in known)
    if calcium_met and not candidates.empty:
        # nothing for calcium: a calcium green would be "for calcium" on a week that has it
        candidates = candidates[candidates["role"] != ROLE_CALCIUM].reset_index(drop=True)
    if candidates.empty or week.days < 1:
        notes.append(NO_CANDIDATES_NOTE)
        return GreensPlan("partial", [], week, week, goals, gaps, notes)

    chosen = _solve(week, goals, candidates, set(known))
    suggestions = _suggestions(candidates, chosen, week.days)
    added = {name: float(sum(s.adds_per_day[name] for s in suggestions)) for name in _INTAKES}
    projected = week.plus(added)
    remaining = shortfalls(projected, goals)
    done = all(v <= 1e-6 for v in remaining.values() if not math.isnan(v))
    ceiling = _calcium_ceiling(week, goals)
    if not done and ceiling is not None and _ul_binds(projected, goals, candidates):
        notes.append(
            f"The plan keeps calcium at or below its upper limit ({goals.calcium_ul_mg:,.0f} "
            "mg/day, UL) and so adds less calcium than the gap needs."
        )
    return GreensPlan(
        "closed" if done else "partial", suggestions, week, projected, goals, remaining, notes
    )


def _solve(week: WeekIntake, goals: Goals, cand: pd.DataFrame, known: set[str]) -> np.ndarray:
    """Lexicographic MILP; returns the integer number of days for each candidate row."""
    from scipy.optimize import Bounds, LinearConstraint

    n = len(cand)
    days = week.days
    goal_rows = _goal_rows(week, goals, cand, known)
    m = len(goal_rows)
    # variable vector: y (n, days per portion), z (n, portion used: 0/1), one slack per goal
    width = 2 * n + m
    a_goal = np.zeros((m, width))
    lower = np.empty(m)
    for i, (_, coef, rhs, _stage) in enumerate(goal_rows):
        a_goal[i, :n] = coef
        a_goal[i, 2 * n + i] = 1.0
        lower[i] = rhs
    constraints = [LinearConstraint(a_goal, lower, np.inf)]
    ceiling = _calcium_ceiling(week, goals)
    if ceiling is not None:
        # sum_j Ca_j y_j / days <= UL - Ca now (every green's true calcium counts here)
        below_ul = np.zeros(width)
        below_ul[:n] = cand["calcium_mg"].to_numpy(float) / days
        constraints.append(LinearConstraint(below_ul, -np.inf, ceiling))
    species = cand["species"].astype(str).to_numpy()
    for name in pd.unique(species):
        once_a_day = np.zeros(width)
        once_a_day[:n] = species == name
        constraints.append(LinearConstraint(once_a_day, -np.inf, days))
        one_portion = np.zeros(width)
        one_portion[n : 2 * n] = species == name
        constraints.append(LinearConstraint(one_portion, -np.inf, 1.0))
    link = np.hstack([np.eye(n), -days * np.eye(n), np.zeros((n, m))])
    constraints.append(LinearConstraint(link, -np.inf, 0.0))
    integrality = np.concatenate([np.ones(2 * n), np.zeros(m)])
    upper = np.concatenate([np.full(n, days), np.ones(n), np.full(m, np.inf)])
    bounds = Bounds(np.zeros(width), upper)
    stage_of = np.array([stage for *_, stage in goal_rows])

    for stage in (1, 2):
        cost = np.zeros(width)
        cost[2 * n :][stage_of == stage] = 1.0
        if not cost.any():
            continue
        best = _milp(cost, constraints, integrality, bounds)
        cap = float(cost @ best) * (1 + _STAGE_TOLERANCE) + _STAGE_TOLERANCE
        constraints.append(LinearConstraint(cost, -np.inf, cap))
    servings = cand["amount"].to_numpy(float) / SERVING_CUPS
    rank = cand["weaver_rank"].to_numpy(float)
    per_day = servings + _OCCASION_COST + _RANK_COST * rank
    cost = np.concatenate([per_day, np.full(n, _LINE_COST), np.zeros(m)])
    best = _milp(cost, constraints, integrality, bounds)
    return np.rint(best[:n]).astype(int)


def _goal_rows(
    week: WeekIntake, goals: Goals, cand: pd.DataFrame, known: set[str]
) -> list[tuple[str, np.ndarray, float, int]]:
    """One row per known goal: (goal, coefficients on the days of each candidate [per day,
    relative to the target], right-hand side [relative], stage)."""
    days = week.days
    is_ca = (cand["role"] == ROLE_CALCIUM).to_numpy()
    ca = np.where(is_ca, cand["calcium_mg"].to_numpy(float), 0.0)
    abs_ca = np.where(is_ca, cand["absorbable_calcium_mg"].to_numpy(float), 0.0)
    p = cand["phosphorus_mg"].to_numpy(float)
    mg = np.nan_to_num(cand["magnesium_mg"].to_numpy(float))
    k = np.nan_to_num(cand["potassium_mg"].to_numpy(float))

    # rows: (coefficients on y [per day, relative], right-hand side [relative], stage)
    goal_rows: list[tuple[str, np.ndarray, float, int]] = []
    if "absorbable_calcium_mg" in known:
        target = goals.absorbable_calcium_mg
        rhs = (target - week.absorbable_calcium_mg) / target
        goal_rows.append(("absorbable_calcium_mg", abs_ca / (days * target), rhs, 1))
    if "ca_p_mass_ratio" in known:
        r_p = goals.ca_p_mass_ratio * week.phosphorus_mg
        if r_p >= goals.calcium_mg:  # the ratio would pass the RDA: calcium up to the RDA
            rhs = (goals.calcium_mg - week.calcium_mg) / goals.calcium_mg
            goal_rows.append(("ca_p_mass_ratio", ca / (days * goals.calcium_mg), rhs, 1))
        else:
            rhs = (r_p - week.calcium_mg) / r_p
            coef = (ca - goals.ca_p_mass_ratio * p) / (days * r_p)
            goal_rows.append(("ca_p_mass_ratio", coef, rhs, 1))
    for key, amounts, target in (
        ("magnesium_mg", mg, goals.magnesium_mg),
        ("potassium_mg", k, goals.potassium_mg),
    ):
        if key in known:
            rhs = (target - getattr(week, key)) / target
            goal_rows.append((key, amounts / (days * target), rhs, 2))
    return goal_rows


def _ul_binds(projected: WeekIntake, goals: Goals, cand: pd.DataFrame) -> bool:
    """Whether one more of the smallest calcium portion would pass the calcium UL."""
    smallest = float(cand["calcium_mg"].min()) / max(projected.days, 1)
    return projected.calcium_mg + smallest > goals.calcium_ul_mg


def _calcium_ceiling(week: WeekIntake, goals: Goals) -> float | None:
    """Calcium the greens may add per day before the week reaches the UL. [mg/day]"""
    if math.isnan(goals.calcium_ul_mg) or math.isnan(week.calcium_mg):
        return None
    return max(goals.calcium_ul_mg - week.calcium_mg, 0.0)


def _milp(
    cost: np.ndarray,
    constraints: list[LinearConstraint],
    integrality: np.ndarray,
    bounds: Bounds,
) -> np.ndarray:
    from scipy.optimize import milp

    result = milp(cost, constraints=constraints, integrality=integrality, bounds=bounds)
    if result.x is None:  # cannot happen: y = 0 with slacks is always feasible
        raise RuntimeError(f"greens plan: solver failed ({result.message})")
    return np.asarray(result.x, dtype=float)


def _suggestions(cand: pd.DataFrame, days_chosen: np.ndarray, week_days: int) -> list[Suggestion]:
    picked = cand.assign(days=days_chosen).query("days > 0")
    picked = picked.sort_values(["role", "weaver_rank", "amount"], kind="stable")
    out = []
    for row in picked.itertuples(index=False):
        adds = {name: float(getattr(row, name)) for name in _INTAKES}
        per_day = {name: value * row.days / week_days for name, value in adds.items()}
        out.append(
            Suggestion(
                food_id=str(row.food_id),
                description=str(row.description),
                name=str(row.name),
                role=str(row.role),
                label=str(row.label),
                amount=float(row.amount),
                unit=str(row.unit),
                grams=float(row.grams),
                days=int(row.days),
                adds=adds,
                adds_per_day=per_day,
                vitamin_k_ug=float(getattr(row, "vitamin_k_ug", math.nan)),
                oxalate_class=str(getattr(row, "oxalate_class", "")),
            )
        )
    return out
