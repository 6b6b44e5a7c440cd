"""Tests of the greens plan (analyzer/suggest.py) on tiny inline candidate tables."""

from __future__ import annotations

import math

import numpy as np
import pandas as pd
import pytest

from analyzer.balance.absorption import target_absorbable_calcium_mg
from analyzer.report.greens import (
    POTASSIUM_MAGNESIUM_LABEL,
    ROLE_CALCIUM,
    ROLE_POTASSIUM_MAGNESIUM,
    build_candidates,
    default_candidates,
    load_greens,
    portion_steps,
)
from analyzer.report.plan import (
    Goals,
    WeekIntake,
    format_cups,
    plan_greens,
    shortfalls,
)


def milk_absorbed(loads: np.ndarray, cls: str) -> np.ndarray:
    """Weaver's load equation with index 1.0 for brassicas and 0.12 for high-oxalate greens."""
    index = {"low_oxalate_brassica": 1.0, "high_oxalate": 0.12}[cls]
    return loads * (0.889 - 0.0964 * np.log(loads)) * index


def candidate(
    food_id: str,
    role: str,
    rank: int,
    amount: float,
    ca: float,
    abs_ca: float,
    p: float,
    mg: float,
    k: float,
) -> dict[str, object]:
    return {
        "food_id": food_id,
        "name": f"green {food_id}",
        "description": f"Green {food_id}, cooked",
        "species": food_id,
        "role": role,
        "weaver_rank": rank,
        "label": POTASSIUM_MAGNESIUM_LABEL if role == ROLE_POTASSIUM_MAGNESIUM else "for calcium",
        "amount": amount,
        "unit": "cup",
        "grams": 100.0 * amount,
        "calcium_mg": ca,
        "absorbable_calcium_mg": abs_ca,
        "phosphorus_mg": p,
        "magnesium_mg": mg,
        "potassium_mg": k,
    }


# Two calcium greens and one high-oxalate green, 1-cup portions only (simple arithmetic).
CANDIDATES = pd.DataFrame(
    [
        candidate("A", ROLE_CALCIUM, 1, 1.0, ca=300, abs_ca=100, p=50, mg=20, k=200),
        candidate("B", ROLE_CALCIUM, 2, 1.0, ca=150, abs_ca=50, p=30, mg=20, k=300),
        candidate("S", ROLE_POTASSIUM_MAGNESIUM, 9, 1.0, ca=1000, abs_ca=60, p=100, mg=150, k=800),
    ]
)
GOALS = Goals(
    absorbable_calcium_mg=300.0, ca_p_mass_ratio=1.0, magnesium_mg=300.0, potassium_mg=2600.0
)


def test_met_week_gets_no_suggestions() -> None:
    week = WeekIntake(
        7,
        calcium_mg=1100,
        absorbable_calcium_mg=320,
        phosphorus_mg=1000,
        magnesium_mg=310,
        potassium_mg=2700,
    )
    plan = plan_greens(week, GOALS, CANDIDATES)
    assert plan.status == "met"
    assert plan.suggestions == []
    assert plan.projected == week
    assert plan.remaining == {
        "absorbable_calcium_mg": 0.0,
        "ca_p_mass_ratio": 0.0,
        "magnesium_mg": 0.0,
        "potassium_mg": 0.0,
    }


def test_calcium_gap_closed_with_fewest_servings_of_best_green() -> None:
    # gap 300 - 270 = 30 mg/day absorbable = 210 mg/week. Green A: 100 per cup -> 3 days
    # (300 >= 210; 2 days = 200 < 210). Green B would need 5 days. Ratio 1100/1000 = 1.1 ok.
    week = WeekIntake(
        7,
        calcium_mg=1100,
        absorbable_calcium_mg=270,
        phosphorus_mg=1000,
        magnesium_mg=310,
        potassium_mg=2700,
    )
    plan = plan_greens(week, GOALS, CANDIDATES)
    assert plan.status == "closed"
    assert [(s.food_id, s.amount, s.days) for s in plan.suggestions] == [("A", 1.0, 3)]
    only = plan.suggestions[0]
    assert only.text == "1 cup green A, 3 days this week"
    # per-day additions: 3 x 100 / 7 = 42.857 absorbable, 3 x 300 / 7 = 128.571 Ca
    assert only.adds_per_day["absorbable_calcium_mg"] == pytest.approx(300 / 7)
    assert plan.projected.calcium_mg == pytest.approx(1100 + 900 / 7)
    assert plan.projected.absorbable_calcium_mg == pytest.approx(270 + 300 / 7)
    assert plan.projected.phosphorus_mg == pytest.approx(1000 + 150 / 7)


def test_high_oxalate_green_never_used_for_calcium() -> None:
    # Spinach-like S has 1000 mg Ca per cup; counted at face value it would close the ratio
    # gap alone. It must not be chosen when only calcium and the ratio are short.
    week = WeekIntake(
        7,
        calcium_mg=700,
        absorbable_calcium_mg=250,
        phosphorus_mg=1000,
        magnesium_mg=310,
        potassium_mg=2700,
    )
    plan = plan_greens(week, GOALS, CANDIDATES)
    assert all(s.role == ROLE_CALCIUM for s in plan.suggestions)
    assert "S" not in {s.food_id for s in plan.suggestions}
    # ratio needs Ca - P >= 0: 700 - 1000 = -300/day = -2100/week. A adds 300 - 50 = 250 per
    # day eaten, so 7 days give 1750 < 2100: A on all 7 days and B for the rest:
    # 2100 - 1750 = 350, B adds 150 - 30 = 120 -> 3 days (360).
    assert [(s.food_id, s.days) for s in plan.suggestions] == [("A", 7), ("B", 3)]
    assert plan.status == "closed"
    assert plan.projected.ca_p_mass_ratio >= 1.0


def test_high_oxalate_green_offered_for_potassium_and_labelled() -> None:
    # K gap 2600 - 1950 = 650 mg/day = 4550/week; Mg gap 300 - 250 = 50/day = 350/week.
    # S: 800 K and 150 Mg per cup -> 6 days (4800 K, 900 Mg); 5 S + 1 A = 4200 and
    # 5 S + 1 B = 4300 fall short, so six occasions of S is the only 6-serving plan.
    week = WeekIntake(
        7,
        calcium_mg=1500,
        absorbable_calcium_mg=400,
        phosphorus_mg=1000,
        magnesium_mg=250,
        potassium_mg=1950,
    )
    plan = plan_greens(week, GOALS, CANDIDATES)
    assert [(s.food_id, s.days) for s in plan.suggestions] == [("S", 6)]
    assert plan.suggestions[0].text == (
        "1 cup green S, 6 days this week (for potassium and magnesium, not calcium)"
    )
    assert plan.status == "closed"


def test_infeasible_gives_best_plan_within_caps_and_remaining_gap() -> None:
    # abs Ca gap 300 - 100 = 200/day; all greens every day add A 100 + B 50 = 150/day
    # (S does not count for calcium; with it the projection adds its true 60).
    week = WeekIntake(
        7,
        calcium_mg=2000,
        absorbable_calcium_mg=100,
        phosphorus_mg=1000,
        magnesium_mg=310,
        potassium_mg=2700,
    )
    plan = plan_greens(week, GOALS, CANDIDATES)
    assert plan.status == "partial"
    assert [(s.food_id, s.days) for s in plan.suggestions] == [("A", 7), ("B", 7)]
    # projected absorbable = 100 + 150 = 250 -> 50 mg/day remain
    assert plan.remaining["absorbable_calcium_mg"] == pytest.approx(50.0)


def test_unknown_phosphorus_skips_the_ratio_and_says_so() -> None:
    week = WeekIntake(
        7,
        calcium_mg=1100,
        absorbable_calcium_mg=320,
        phosphorus_mg=math.nan,
        magnesium_mg=310,
        potassium_mg=2700,
    )
    plan = plan_greens(week, GOALS, CANDIDATES)
    assert plan.status == "met"
    assert math.isnan(plan.remaining["ca_p_mass_ratio"])
    assert plan.notes == ["The plan cannot aim at the Ca:P ratio: it is unknown for this week."]


def test_no_plan_when_neither_calcium_goal_is_known() -> None:
    # A MyFitnessPal-like week: calcium and phosphorus unknown, potassium 1,950 mg short of
    # 2,600. Before the fix the plan offered S (a high-oxalate green) for potassium alone and
    # reported every checkable target met; now it suggests nothing and says why.
    week = WeekIntake(
        7,
        calcium_mg=math.nan,
        absorbable_calcium_mg=math.nan,
        phosphorus_mg=math.nan,
        magnesium_mg=math.nan,
        potassium_mg=1950,
    )
    plan = plan_greens(week, GOALS, CANDIDATES)
    assert plan.status == "unknown"
    assert plan.suggestions == []
    assert plan.projected == week
    # the potassium gap is still reported: 2600 - 1950 = 650 mg/day
    assert plan.remaining["potassium_mg"] == pytest.approx(650.0)


def test_target_absorbable_calcium_hand_computed() -> None:
    # 1,200 mg in 3 meals of 400 mg: FA = 0.889 - 0.0964 ln 400 = 0.889 - 0.57758 = 0.31142;
    # 3 x 400 x 0.31142 = 373.70 mg
    def milk(load: float) -> float:
        return load * (0.889 - 0.0964 * math.log(load))

    assert target_absorbable_calcium_mg(1200.0, milk) == pytest.approx(373.70, abs=0.01)
    assert math.isnan(target_absorbable_calcium_mg(math.nan, milk))


def test_build_candidates_uses_usda_values_and_load_equation() -> None:
    greens = load_greens()
    nutrients = pd.DataFrame(
        {
            # USDA SR28 per 100 g: collards 11162 and spinach 11458, boiled
            "description": ["Collards, cooked", "Spinach, cooked"],
            "calcium_mg": [141.0, 136.0],
            "phosphorus_mg": [32.0, 56.0],
            "magnesium_mg": [21.0, 87.0],
            "potassium_mg": [117.0, 466.0],
        },
        index=pd.Index(["11162", "11458"]),
    )
    grams = pd.Series({"11162": 190.0, "11458": 180.0})  # SR28 1 cup
    cand = build_candidates(greens, nutrients, grams, milk_absorbed, max_cups_per_day=1.0)
    assert cand[["food_id", "amount"]].values.tolist() == [
        ["11162", 0.5],
        ["11162", 1.0],
        ["11458", 0.5],
        ["11458", 1.0],
    ]
    cup = cand.iloc[1]
    # 1 cup collards = 190 g: Ca 141 x 1.9 = 267.9 mg; FA = 0.889 - 0.0964 ln 267.9
    # = 0.889 - 0.53893 = 0.35007; absorbable 267.9 x 0.35007 = 93.78 mg
    assert cup["calcium_mg"] == pytest.approx(267.9)
    assert cup["absorbable_calcium_mg"] == pytest.approx(93.78, abs=0.01)
    spinach = cand.iloc[3]
    # 1 cup spinach = 180 g: Ca 244.8; FA = (0.889 - 0.0964 ln 244.8) x 0.12 = 0.35874 x 0.12
    # = 0.043049; absorbable 10.54 mg (Weaver/Heaney: ~5 % absorbed)
    assert spinach["absorbable_calcium_mg"] == pytest.approx(10.54, abs=0.01)
    assert spinach["label"] == POTASSIUM_MAGNESIUM_LABEL


def test_greens_table_ranks_low_oxalate_first() -> None:
    greens = load_greens()
    calcium = greens.loc[greens["role"] == ROLE_CALCIUM, "species"].drop_duplicates().tolist()
    assert calcium == [
        "collards",
        "turnip_greens",
        "mustard_greens",
        "bok_choy",
        "kale",
        "broccoli",
    ]
    others = set(greens.loc[greens["role"] == ROLE_POTASSIUM_MAGNESIUM, "food_id"])
    assert others == {"11458", "11148", "11087"}  # spinach, chard, beet greens


def test_portions_and_cup_wording() -> None:
    assert portion_steps(1.5).tolist() == [0.5, 1.0, 1.5]
    assert format_cups(0.5) == "1/2 cup"
    with pytest.raises(ValueError, match="below one serving"):
        portion_steps(0.25)


def test_shortfalls_zero_when_met_nan_when_unknown() -> None:
    week = WeekIntake(7, 900, 250, 1000, math.nan, 3000)
    gaps = shortfalls(week, GOALS)
    # 300 - 250 = 50; ratio 0.9 -> 0.1 short; Mg unknown; K met
    assert gaps["absorbable_calcium_mg"] == 50.0
    assert gaps["ca_p_mass_ratio"] == pytest.approx(0.1)
    assert math.isnan(gaps["magnesium_mg"])
    assert gaps["potassium_mg"] == 0.0


def test_real_greens_one_portion_size_per_green_and_caps() -> None:
    # A week far below every goal, planned with the bundled greens (USDA SR28 portions).
    candidates = default_candidates(2.0)
    week = WeekIntake(
        5,
        calcium_mg=400,
        absorbable_calcium_mg=100,
        phosphorus_mg=1200,
        magnesium_mg=150,
        potassium_mg=1500,
    )
    plan = plan_greens(week, GOALS, candidates)
    names = [s.name for s in plan.suggestions]
    species = candidates.drop_duplicates("name").set_index("name")["species"]
    assert len({species[n] for n in names}) == len(names)  # one line per green
    assert all(s.amount <= 2.0 and 1 <= s.days <= 5 for s in plan.suggestions)
    assert plan.suggestions[0].name == "cooked frozen collards"  # Weaver's best first
    assert plan.projected.ca_p_mass_ratio > week.ca_p_mass_ratio


def test_plan_never_takes_calcium_above_the_ul() -> None:
    # Calcium 1,900 mg/day (much of it poorly absorbed) against a UL of 2,000 (age > 50):
    # the greens may add at most 100 mg/day = 700 mg/week. Absorbable gap 300 - 250 = 50/day
    # = 350/week would need 4 days of A (400 abs, 1,200 Ca). Within 700 mg Ca: 2 days of A
    # (600 Ca, 200 abs) is the fewest servings; S (1,000 Ca) cannot fit at all.
    # Before the fix the plan took calcium to 1,900 + 1,200 / 7 = 2,071 mg/day > UL.
    goals = Goals(300.0, 1.0, 300.0, 2600.0, calcium_ul_mg=2000.0)
    week = WeekIntake(
        7,
        calcium_mg=1900,
        absorbable_calcium_mg=250,
        phosphorus_mg=1000,
        magnesium_mg=310,
        potassium_mg=2700,
    )
    plan = plan_greens(week, goals, CANDIDATES)
    assert [(s.food_id, s.days) for s in plan.suggestions] == [("A", 2)]
    # projected calcium 1,900 + 600 / 7 = 1,985.7 <= 2,000
    assert plan.projected.calcium_mg == pytest.approx(1900 + 600 / 7)
    assert plan.status == "partial"
    # remaining absorbable gap: 50 - 200 / 7 = 21.43 mg/day
    assert plan.remaining["absorbable_calcium_mg"] == pytest.approx(50 - 200 / 7)
    assert plan.notes == [
        "The plan keeps calcium at or below its upper limit (2,000 mg/day, UL) and so adds "
        "less calcium than the gap needs."
    ]
