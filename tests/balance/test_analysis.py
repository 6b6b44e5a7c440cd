"""The balance engine on a hand-computed fixture week (USDA SR28 values x grams).

Foods, per 100 g (SR28; energy kcal, protein g, Ca, P, Mg, K, Na, caffeine mg):

    milk     01077 Milk, whole, 3.25%            61  3.15  113  84  10  132  43   0
    coffee   14209 Coffee, brewed                 1  0.12    2   3   3   49   2  40
    beef     23570 Beef, ground 85%, pan-browned 256 27.73   22 238  25  407  89   0
    cola     14148 Cola, regular                 42  0.00    1   9   0    5   3   9
    spinach  11458 Spinach, boiled               23  2.97  136  56  87  466  70   0
    collards 11162 Collards, boiled              33  2.71  141  32  21  117  15   0
    tea      14355 Tea, black, brewed             1  0.00    0   1   3   37   3  20
    cheddar  01009 Cheese, cheddar              404 22.87  710 455  27   76 653   0

The week 2026-W47 (Mon 16 - Sun 22 November 2026), Friday not logged:

    Mon  breakfast milk 244 g, coffee 237 g; lunch beef 85 g, cola 370 g; dinner spinach 180 g
    Tue  breakfast coffee 474 g; lunch cheddar 28 g; dinner collards 190 g, beef 85 g
    Wed  breakfast tea 237 g, milk 244 g; dinner beef 170 g
    Thu  breakfast coffee 711 g; lunch cola 740 g; dinner spinach 180 g
    Sat  breakfast milk 488 g; lunch collards 190 g; dinner cheddar 56 g
    Sun  (no meal, no time) coffee 237 g, beef 85 g
"""

from __future__ import annotations

import math
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.balance.absorption import fractional_absorption_milk
from analyzer.balance.analysis import Analysis, analyze
from analyzer.diary import Diary
from analyzer.errors import DiaryFormatError
from analyzer.models import Profile, Settings
from tests.conftest import NUTRIENTS, SMALL_DAYS, make_entries

WEEK = [
    ("2026-11-16", "breakfast", "milk", 244),
    ("2026-11-16", "breakfast", "coffee", 237),
    ("2026-11-16", "lunch", "beef", 85),
    ("2026-11-16", "lunch", "cola", 370),
    ("2026-11-16", "dinner", "spinach", 180),
    ("2026-11-17", "breakfast", "coffee", 474),
    ("2026-11-17", "lunch", "cheddar", 28),
    ("2026-11-17", "dinner", "collards", 190),
    ("2026-11-17", "dinner", "beef", 85),
    ("2026-11-18", "breakfast", "tea", 237),
    ("2026-11-18", "breakfast", "milk", 244),
    ("2026-11-18", "dinner", "beef", 170),
    ("2026-11-19", "breakfast", "coffee", 711),
    ("2026-11-19", "lunch", "cola", 740),
    ("2026-11-19", "dinner", "spinach", 180),
    ("2026-11-21", "breakfast", "milk", 488),
    ("2026-11-21", "lunch", "collards", 190),
    ("2026-11-21", "dinner", "cheddar", 56),
    ("2026-11-22", None, "coffee", 237),
    ("2026-11-22", None, "beef", 85),
]


@pytest.fixture(scope="module")
def week() -> Analysis:
    return analyze(make_entries(WEEK), settings=SMALL_DAYS)


# Per-day totals: (protein g, Ca, P, Mg, K, Na, caffeine mg)
EXPECTED = {
    # Mon: protein 3.15*2.44 + 0.12*2.37 + 27.73*0.85 + 0*3.7 + 2.97*1.8 = 36.8869
    #      Ca 113*2.44 + 2*2.37 + 22*0.85 + 1*3.7 + 136*1.8 = 547.66
    #      P 84*2.44 + 3*2.37 + 238*0.85 + 9*3.7 + 56*1.8 = 548.47
    #      Mg 10*2.44 + 3*2.37 + 25*0.85 + 0*3.7 + 87*1.8 = 209.36
    #      K 132*2.44 + 49*2.37 + 407*0.85 + 5*3.7 + 466*1.8 = 1641.46
    #      Na 43*2.44 + 2*2.37 + 89*0.85 + 3*3.7 + 70*1.8 = 322.41
    #      caffeine 40*2.37 + 9*3.7 = 128.1
    "2026-11-16": (36.8869, 547.66, 548.47, 209.36, 1641.46, 322.41, 128.1),
    # Tue: protein 0.12*4.74 + 22.87*0.28 + 2.71*1.9 + 27.73*0.85 = 35.6919
    #      Ca 2*4.74 + 710*0.28 + 141*1.9 + 22*0.85 = 494.88
    #      P 3*4.74 + 455*0.28 + 32*1.9 + 238*0.85 = 404.72
    #      Mg 3*4.74 + 27*0.28 + 21*1.9 + 25*0.85 = 82.93
    #      K 49*4.74 + 76*0.28 + 117*1.9 + 407*0.85 = 821.79
    #      Na 2*4.74 + 653*0.28 + 15*1.9 + 89*0.85 = 296.47
    #      caffeine 40*4.74 = 189.6
    "2026-11-17": (35.6919, 494.88, 404.72, 82.93, 821.79, 296.47, 189.6),
    # Wed: protein 0*2.37 + 3.15*2.44 + 27.73*1.7 = 54.827
    #      Ca 0*2.37 + 113*2.44 + 22*1.7 = 313.12;  P 1*2.37 + 84*2.44 + 238*1.7 = 611.93
    #      Mg 3*2.37 + 10*2.44 + 25*1.7 = 74.01;    K 37*2.37 + 132*2.44 + 407*1.7 = 1101.67
    #      Na 3*2.37 + 43*2.44 + 89*1.7 = 263.33;   caffeine 20*2.37 = 47.4
    "2026-11-18": (54.827, 313.12, 611.93, 74.01, 1101.67, 263.33, 47.4),
    # Thu: protein 0.12*7.11 + 0*7.4 + 2.97*1.8 = 6.1992
    #      Ca 2*7.11 + 1*7.4 + 136*1.8 = 266.42;    P 3*7.11 + 9*7.4 + 56*1.8 = 188.73
    #      Mg 3*7.11 + 0*7.4 + 87*1.8 = 177.93;     K 49*7.11 + 5*7.4 + 466*1.8 = 1224.19
    #      Na 2*7.11 + 3*7.4 + 70*1.8 = 162.42;     caffeine 40*7.11 + 9*7.4 = 351.0
    "2026-11-19": (6.1992, 266.42, 188.73, 177.93, 1224.19, 162.42, 351.0),
    # Sat: protein 3.15*4.88 + 2.71*1.9 + 22.87*0.56 = 33.3282
    #      Ca 113*4.88 + 141*1.9 + 710*0.56 = 1216.94; P 84*4.88 + 32*1.9 + 455*0.56 = 725.52
    #      Mg 10*4.88 + 21*1.9 + 27*0.56 = 103.82;     K 132*4.88 + 117*1.9 + 76*0.56 = 909.02
    #      Na 43*4.88 + 15*1.9 + 653*0.56 = 604.02;    caffeine 0
    "2026-11-21": (33.3282, 1216.94, 725.52, 103.82, 909.02, 604.02, 0.0),
    # Sun: protein 0.12*2.37 + 27.73*0.85 = 23.8549
    #      Ca 2*2.37 + 22*0.85 = 23.44;  P 3*2.37 + 238*0.85 = 209.41;  Mg 3*2.37 + 25*0.85 = 28.36
    #      K 49*2.37 + 407*0.85 = 462.08;  Na 2*2.37 + 89*0.85 = 80.39;  caffeine 40*2.37 = 94.8
    "2026-11-22": (23.8549, 23.44, 209.41, 28.36, 462.08, 80.39, 94.8),
}
COLUMNS = [
    "protein_g",
    "calcium_mg",
    "phosphorus_mg",
    "magnesium_mg",
    "potassium_mg",
    "sodium_mg",
    "caffeine_mg",
]


def _day(analysis: Analysis, day: str) -> pd.Series:
    daily = analysis.daily
    return daily.loc[daily["date"] == pd.Timestamp(day)].iloc[0]


@pytest.mark.parametrize("day", sorted(EXPECTED))
def test_fixture_week_minerals_per_day(week: Analysis, day: str) -> None:
    row = _day(week, day)
    for column, expected in zip(COLUMNS, EXPECTED[day], strict=True):
        assert row[column] == pytest.approx(expected, abs=0.1), column


@pytest.mark.parametrize("day", sorted(EXPECTED))
def test_pral_per_day_follows_remer_manz(week: Analysis, day: str) -> None:
    protein, ca, p, mg, k, _, _ = EXPECTED[day]
    # PRAL = 0.49 protein + 0.037 P - 0.021 K - 0.026 Mg - 0.013 Ca (Remer & Manz 1995);
    # Mon: 0.49*36.8869 + 0.037*548.47 - 0.021*1641.46 - 0.026*209.36 - 0.013*547.66
    #    = 18.0746 + 20.2934 - 34.4707 - 5.4434 - 7.1196 = -8.6656
    expected = 0.49 * protein + 0.037 * p - 0.021 * k - 0.026 * mg - 0.013 * ca
    assert _day(week, day)["pral_meq"] == pytest.approx(expected, abs=0.01)


def test_monday_pral_by_hand(week: Analysis) -> None:
    assert _day(week, "2026-11-16")["pral_meq"] == pytest.approx(-8.6656, abs=0.001)


def test_monday_diuretic_load_by_group_and_mechanism(week: Analysis) -> None:
    row = _day(week, "2026-11-16")
    # caffeine 5 mg Ca/100 mg; protein 1 mg Ca/g (FAO/WHO); sodium 40 mg Ca/2,300 mg Na.
    # dairy  milk 244 g: protein 7.686 + Na 104.92*40/2300 = 1.8247 -> 9.5107
    # coffee 237 g: protein 0.2844 + Na 4.74*40/2300 = 0.0824 + caffeine 94.8*0.05 = 4.74
    #        -> 5.1068
    # red meat beef 85 g: protein 23.5705 + Na 75.65*40/2300 = 1.3157 -> 24.8862
    # soda cola 370 g: protein 0 + Na 11.1*40/2300 = 0.1930 + caffeine 33.3*0.05 = 1.665
    #        -> 1.8580
    # spinach is "other": not part of the diuretic load.
    assert row["diuretic_load_dairy_mg"] == pytest.approx(9.5107, abs=1e-3)
    assert row["diuretic_load_coffee_mg"] == pytest.approx(5.1068, abs=1e-3)
    assert row["diuretic_load_red_meat_mg"] == pytest.approx(24.8862, abs=1e-3)
    assert row["diuretic_load_soda_mg"] == pytest.approx(1.8580, abs=1e-3)
    # total 9.5107 + 5.1068 + 24.8862 + 1.8580 = 41.3617
    assert row["diuretic_load_mg"] == pytest.approx(41.3617, abs=1e-3)
    # by mechanism: caffeine 4.74 + 1.665 = 6.405; protein 7.686 + 0.2844 + 23.5705 = 31.5409;
    # sodium 1.8247 + 0.0824 + 1.3157 + 0.1930 = 3.4158
    assert row["diuretic_load_caffeine_mg"] == pytest.approx(6.405, abs=1e-3)
    assert row["diuretic_load_protein_mg"] == pytest.approx(31.5409, abs=1e-3)
    assert row["diuretic_load_sodium_mg"] == pytest.approx(3.4158, abs=1e-3)
    # all foods, spinach included: protein 36.8869, caffeine 128.1*0.05 = 6.405,
    # sodium 322.41*40/2300 = 5.6071
    assert row["protein_calcium_mg"] == pytest.approx(36.8869, abs=1e-3)
    assert row["sodium_calcium_mg"] == pytest.approx(5.6071, abs=1e-3)


def test_tea_caffeine_counts_in_caffeine_not_in_diuretic_load(week: Analysis) -> None:
    row = _day(week, "2026-11-18")
    # Wed: tea 47.4 mg caffeine -> caffeine_calcium 2.37 mg, group tea, not diuretic.
    assert row["caffeine_tea_mg"] == pytest.approx(47.4)
    assert row["caffeine_calcium_mg"] == pytest.approx(2.37)
    assert row["diuretic_load_caffeine_mg"] == 0.0
    # diuretic load = milk (7.686 + 104.92*40/2300 = 9.5107) + beef 170 g
    # (47.141 + 151.3*40/2300 = 2.6313 -> 49.7723) = 59.2830
    assert row["diuretic_load_mg"] == pytest.approx(59.2830, abs=1e-3)


def test_monday_absorbable_calcium_by_hand(week: Analysis) -> None:
    # breakfast load 275.72 + 4.74 = 280.46 mg; FA_milk = 0.889 - 0.0964 ln 280.46
    #   = 0.889 - 0.0964*5.636432 = 0.345648; milk (index 1) 275.72*0.345648 = 95.3021,
    #   coffee (default 0.5) 4.74*0.172824 = 0.8192
    # lunch load 18.7 + 3.7 = 22.4; FA_milk = 0.889 - 0.0964*3.109061 = 0.589287;
    #   beef and cola default 0.5: 22.4*0.294643 = 6.6000
    # dinner spinach 244.8; FA_milk = 0.889 - 0.0964*5.500443 = 0.358757; index 0.12:
    #   244.8*0.043051 = 10.5389
    # day: 95.3021 + 0.8192 + 6.6000 + 10.5389 = 113.2602
    assert _day(week, "2026-11-16")["absorbable_calcium_mg"] == pytest.approx(113.2602, abs=0.01)


def test_monday_absorbable_phosphorus_by_hand(week: Analysis) -> None:
    # milk 204.96*0.5 (animal) + coffee 7.11*0.3 (plant) + beef 202.3*0.5 + cola 33.3*1.0
    # (additive) + spinach 100.8*0.3 = 102.48 + 2.133 + 101.15 + 33.3 + 30.24 = 269.303
    assert _day(week, "2026-11-16")["absorbable_phosphorus_mg"] == pytest.approx(269.303)


def test_ratios_and_percent_of_target(week: Analysis) -> None:
    row = _day(week, "2026-11-16")
    # Ca:P mass 547.66/548.47 = 0.998523; molar x 30.97/40.08 = 0.998523 x 0.772705 = 0.771563
    assert row["ca_p_mass_ratio"] == pytest.approx(0.99852, abs=1e-5)
    assert row["ca_p_molar_ratio"] == pytest.approx(0.771563, abs=1e-6)
    # Ca:Mg 547.66/209.36 = 2.61588
    # K:Na molar (1641.46/39.10)/(322.41/22.99) = 41.98107/14.02392 = 2.993533
    assert row["ca_mg_mass_ratio"] == pytest.approx(2.61588, abs=1e-5)
    assert row["k_na_molar_ratio"] == pytest.approx(2.993533, abs=1e-6)
    # default profile female 35 y: Ca RDA 1,000 -> 54.766 %; K AI 2,600 -> 63.133 %
    assert row["calcium_pct_target"] == pytest.approx(54.766)
    assert row["potassium_pct_target"] == pytest.approx(63.1331, abs=1e-4)


def test_phosphorus_by_group_and_share(week: Analysis) -> None:
    row = _day(week, "2026-11-16")
    # red meat 202.3 of 548.47 = 0.36885; dairy 204.96 -> 0.37369; soda 33.3 -> 0.06071
    assert row["phosphorus_red_meat_mg"] == pytest.approx(202.3)
    assert row["phosphorus_red_meat_share"] == pytest.approx(0.36885, abs=1e-5)
    assert row["phosphorus_dairy_share"] == pytest.approx(0.37369, abs=1e-5)
    assert row["phosphorus_soda_mg"] == pytest.approx(33.3)
    assert row["phosphorus_tea_mg"] == 0.0  # no tea on Monday: 0, not unknown
    shares = [row[f"phosphorus_{g}_share"] for g in ("red_meat", "dairy", "soda", "coffee")]
    shares += [row["phosphorus_tea_share"], row["phosphorus_other_share"]]
    assert sum(shares) == pytest.approx(1.0)


def test_caffeine_per_occasion(week: Analysis) -> None:
    # Thu breakfast coffee 711 g: 40*7.11 = 284.4 mg in one sitting; lunch cola 66.6 mg
    assert _day(week, "2026-11-19")["caffeine_max_occasion_mg"] == pytest.approx(284.4)
    # Sun has no meal or time: each entry is its own occasion; coffee 94.8 mg
    assert _day(week, "2026-11-22")["caffeine_max_occasion_mg"] == pytest.approx(94.8)


def test_entries_columns(week: Analysis) -> None:
    entries = week.entries
    sunday = entries[entries["date"] == pd.Timestamp("2026-11-22")]
    assert sunday["occasion"].tolist() == ["line 20", "line 21"]
    assert entries["group"].iloc[:5].tolist() == ["dairy", "coffee", "red_meat", "soda", "other"]
    assert entries["week"].unique().tolist() == ["2026-W47"]
    assert entries["diuretic_load_mg"].iloc[4] == 0.0  # spinach: not in the four groups


def test_weekly_is_per_day_average(week: Analysis) -> None:
    weekly = week.weekly
    assert len(weekly) == 1
    row = weekly.iloc[0]
    assert row["week"] == "2026-W47"
    assert row["week_start"] == pd.Timestamp("2026-11-16")
    assert row["days"] == 6  # Friday not logged
    assert row["entries"] == 20
    # Ca (547.66 + 494.88 + 313.12 + 266.42 + 1216.94 + 23.44) / 6 = 2862.46 / 6 = 477.0767
    assert row["calcium_mg"] == pytest.approx(477.0767, abs=1e-3)
    # P (548.47 + 404.72 + 611.93 + 188.73 + 725.52 + 209.41) / 6 = 2688.78 / 6 = 448.13
    assert row["phosphorus_mg"] == pytest.approx(448.13, abs=1e-3)
    # ratio of the averages: 477.0767 / 448.13 = 1.06459
    assert row["ca_p_mass_ratio"] == pytest.approx(1.06459, abs=1e-5)
    assert row["caffeine_max_occasion_mg"] == pytest.approx(284.4)


def test_flags_of_the_week(week: Analysis) -> None:
    codes = {(str(f.date), f.code) for f in week.flags}
    # Wed: molar 313.12/611.93*0.77270 = 0.3954 < 0.5 with Ca 313 < 1,000 -> alert
    assert ("2026-11-18", "low_ca_p_with_low_calcium") in codes
    # Sun: molar 23.44/209.41*0.77270 = 0.0865 -> alert too
    assert ("2026-11-22", "low_ca_p_with_low_calcium") in codes
    # Thu: 284.4 mg caffeine at breakfast >= 250 -> info; 351 mg/day <= 400 -> no warning
    assert ("2026-11-19", "caffeine_sitting") in codes
    assert ("2026-11-19", "caffeine_daily_high") not in codes
    # Sat: Ca 1,216.94 >= 1,000 -> no calcium flag
    assert ("2026-11-21", "calcium_low") not in codes
    assert ("2026-11-16", "calcium_low") in codes
    flags = week.flags
    wednesday = next(f for f in flags if f.code == "low_ca_p_with_low_calcium")
    assert wednesday.level == "alert"
    assert wednesday.confidence == "V"
    # correction 6: the alert says what Calvo et al. 1988 showed (Kemi 2010's women had
    # adequate calcium, so Kemi is cited for the low ratio alone)
    assert wednesday.reference == "Calvo MS, Kumar R, Heath H 1988, J Clin Endocrinol Metab 66:823"
    assert wednesday.message == (
        "2026-11-18: molar Ca:P 0.40 is below 0.5 while calcium is below target; in young "
        "adults, 8 days of a high-phosphorus, low-calcium diet raised parathyroid hormone."
    )


def test_pregnancy_caffeine_limit_200() -> None:
    analysis = analyze(
        make_entries(WEEK), Profile(sex="female", age=28, pregnant=True), settings=SMALL_DAYS
    )
    flagged = {str(f.date) for f in analysis.flags if f.code == "caffeine_daily_high"}
    # EFSA 2015: 200 mg/day in pregnancy; Thu 351 mg is above, Tue 189.6 mg is not
    assert flagged == {"2026-11-19"}


def _app_day(**nutrients: float) -> pd.DataFrame:
    row: dict[str, Any] = {column: np.nan for column in NUTRIENTS}
    row.update(nutrients)
    row.update({"date": pd.Timestamp("2026-11-16"), "food": "Daily total"})
    return pd.DataFrame([row])


def test_low_ratio_alone_is_info_and_p_above_ul_is_alert() -> None:
    # Ca 1,100 >= 1,000; molar 1100/3000*0.77270 = 0.2833 < 0.5 -> info only (IOM 1997)
    info = analyze(_app_day(calcium_mg=1100, phosphorus_mg=3000)).flags
    # the single day is also the week's average: the same finding once per day, once per week
    assert [(f.code, f.level) for f in info if "ca_p" in f.code] == [
        ("low_ca_p_ratio", "info"),
        ("weekly_low_ca_p_ratio", "info"),
    ]
    # P 4,100 > UL 4,000 -> alert
    high = analyze(_app_day(calcium_mg=1100, phosphorus_mg=4100)).flags
    assert ("phosphorus_above_ul", "alert") in [(f.code, f.level) for f in high]


def test_magnesium_and_potassium_never_flagged_against_ul() -> None:
    flags = analyze(_app_day(magnesium_mg=900, potassium_mg=9000)).flags
    assert not [f for f in flags if f.code.startswith(("magnesium", "potassium"))]


def test_unknown_nutrients_are_counted_not_zero() -> None:
    entries = make_entries(WEEK[:3])
    entries.loc[1, "phosphorus_mg"] = np.nan  # coffee's P unknown
    entries.loc[:, "caffeine_mg"] = np.nan  # caffeine unknown for all
    row = analyze(entries).daily.iloc[0]
    # P = milk 204.96 + beef 202.3 = 407.26 (coffee skipped), 1 entry unknown
    assert row["phosphorus_mg"] == pytest.approx(407.26)
    assert row["phosphorus_mg_unknown"] == 1
    assert math.isnan(row["caffeine_mg"])
    assert row["caffeine_mg_unknown"] == 3
    assert row["pral_meq_unknown"] == 1


def test_by_person_automatic_and_explicit() -> None:
    both = pd.concat(
        [make_entries(WEEK[:5], person="p01"), make_entries(WEEK[:2], person="p02")],
        ignore_index=True,
    )
    analysis = analyze(both)
    assert analysis.by_person
    assert analysis.daily[["person", "entries"]].values.tolist() == [["p01", 5], ["p02", 2]]
    assert analysis.weekly["person"].tolist() == ["p01", "p02"]
    # p02: milk 275.72 + coffee 4.74 = 280.46 mg Ca
    assert analysis.daily["calcium_mg"].iloc[1] == pytest.approx(280.46)
    merged = analyze(both, by_person=False).daily
    assert "person" not in merged.columns
    assert merged["calcium_mg"].iloc[0] == pytest.approx(547.66 + 280.46)


def test_kerstetter_allen_protein_coefficient() -> None:
    analysis = analyze(
        make_entries(WEEK[:5]), settings=Settings(protein_coefficient="kerstetter_allen")
    )
    # 1.2 mg/g: 31.5409 * 1.2 = 37.8491
    assert analysis.daily["diuretic_load_protein_mg"].iloc[0] == pytest.approx(37.8491, abs=1e-3)


def test_notes_state_the_protein_coefficient_choice() -> None:
    fao = analyze(make_entries(WEEK[:1])).notes
    # correction 5: caffeine's 5 mg per 100 mg is a calcium-balance (absorption) effect
    # (Barger-Lux & Heaney 1995), not urinary calcium (Heaney 2002)
    assert (
        "Diuretic load = estimated calcium cost of red meat, dairy, soda and coffee: 5 mg Ca "
        "per 100 mg caffeine (a calcium-balance cost on the absorption side, not urinary "
        "calcium; Barger-Lux & Heaney 1995, C), 1 mg urinary Ca per g protein (FAO/WHO 2004, "
        "S; Kerstetter & Allen 1990: 1.2 mg/g, V), 40 mg urinary Ca per 2,300 mg sodium "
        "(Nordin et al. 1993, V)."
    ) in fao
    ka = analyze(make_entries(WEEK[:1]), settings=Settings(protein_coefficient="kerstetter_allen"))
    assert any(
        "1.2 mg urinary Ca per g protein (Kerstetter & Allen 1990, V; FAO/WHO 2004: 1 mg/g, S)"
        in n
        for n in ka.notes
    )


def test_occasion_by_time_when_no_meal() -> None:
    entries = make_entries(WEEK[:2])
    entries["meal"] = pd.NA
    entries["time"] = ["08:00", "10:00"]
    analysis = analyze(entries)
    assert analysis.entries["occasion"].tolist() == ["08:00", "10:00"]
    # milk alone: load 275.72; FA 0.889 - 0.0964 ln 275.72 = 0.347292
    assert analysis.entries["calcium_fractional_absorption"].iloc[0] == pytest.approx(
        0.347292, abs=1e-6
    )


def test_load_equation_clamped() -> None:
    # correction 2 (Heaney, Weaver & Fitzsimmons 1990: loads of 15-500 mg): the load is
    # clamped to the measured range, never extrapolated.
    # FA(15) = 0.889 - 0.0964 ln 15 = 0.62794; FA(500) = 0.889 - 0.0964 ln 500 = 0.28991
    fa = fractional_absorption_milk(np.array([0.0, 0.1, 15.0, 290.0, 500.0, 20000.0]))
    assert fa[:3] == pytest.approx([0.62794] * 3, abs=1e-5)
    assert fa[3] == pytest.approx(0.34242, abs=1e-5)
    assert fa[4:] == pytest.approx([0.28991] * 2, abs=1e-5)


def test_rejected_rows_counted_per_day() -> None:
    rejected = pd.DataFrame(
        {
            "line": [30, 31, 32],
            "date": [pd.Timestamp("2026-11-16"), pd.Timestamp("2026-11-16"), pd.NaT],
            "food": ["furlongs of cheese", "xyz", "abc"],
            "status": ["unknown_unit", "deleted", "bad_date"],
            "reason": ["...", "deleted in the app", "bad date"],
        }
    )
    diary = Diary(make_entries(WEEK[:5]), rejected, "own", "week.csv", notes=["n1"], rows_in=8)
    analysis = analyze(diary)
    assert analysis.daily["unmatched"].tolist() == [1]  # deleted rows are not failed entries
    assert analysis.notes[0] == "n1"
    assert analysis.notes[1].startswith("Targets for female, 35 y (default profile")


def test_bad_entries_raise_project_errors() -> None:
    with pytest.raises(DiaryFormatError, match="missing columns calcium_mg"):
        analyze(make_entries(WEEK[:1]).drop(columns=["calcium_mg"]))
    negative = make_entries(WEEK[:2])
    negative.loc[1, "sodium_mg"] = -4.0
    with pytest.raises(
        DiaryFormatError, match=r"line 3: sodium_mg value '-4\.0' is not a non-negative"
    ):
        analyze(negative)
    with pytest.raises(DiaryFormatError, match="is not a diary"):
        analyze([1, 2, 3])


def test_empty_entries() -> None:
    analysis = analyze(make_entries(WEEK).iloc[:0])
    assert analysis.daily.empty
    assert analysis.weekly.empty
    assert analysis.flags == []


# --- invariants -----------------------------------------------------------------------

# 0 or at least 1e-3: subnormal floats would underflow to 0 when scaled
nutrient_value = st.one_of(st.none(), st.just(0.0), st.floats(min_value=1e-3, max_value=2000))
entry = st.tuples(
    st.integers(min_value=0, max_value=9),  # day offset
    st.sampled_from(["breakfast", "lunch", None]),
    st.sampled_from(["dairy", "red_meat", "soda", "coffee", "tea", "greens", "other"]),
    st.lists(nutrient_value, min_size=8, max_size=8),
)


def _random_entries(rows: list[tuple[int, str | None, str, list[float | None]]]) -> pd.DataFrame:
    records = []
    for day, meal, category, values in rows:
        record: dict[str, object] = {
            "date": pd.Timestamp("2026-11-16") + pd.Timedelta(days=day),
            "meal": meal,
            "category": category,
            "food": category,
        }
        record.update(
            {c: (np.nan if v is None else v) for c, v in zip(NUTRIENTS, values, strict=True)}
        )
        records.append(record)
    return pd.DataFrame(records)


@settings(max_examples=40, deadline=None)
@given(st.lists(entry, min_size=1, max_size=25), st.floats(min_value=0.1, max_value=10))
def test_scaling_scales_totals_and_keeps_ratios(rows: list, k: float) -> None:
    base = _random_entries(rows)
    scaled = base.copy()
    scaled[NUTRIENTS] = scaled[NUTRIENTS] * k
    a, b = analyze(base).daily, analyze(scaled).daily
    for column in [*NUTRIENTS, "pral_meq", "diuretic_load_mg", "absorbable_phosphorus_mg"]:
        np.testing.assert_allclose(b[column], a[column] * k, rtol=1e-9, atol=1e-6)
    for column in ["ca_p_mass_ratio", "ca_p_molar_ratio", "ca_mg_mass_ratio", "k_na_molar_ratio"]:
        np.testing.assert_allclose(b[column], a[column], rtol=1e-9, atol=1e-9)


@settings(max_examples=40, deadline=None)
@given(st.lists(entry, min_size=1, max_size=25))
def test_daily_totals_are_sums_of_entries_and_never_negative(rows: list) -> None:
    analysis = analyze(_random_entries(rows))
    entries, daily = analysis.entries, analysis.daily.set_index("date")
    sums = entries.groupby("date")[NUTRIENTS].sum(min_count=1)
    for column in NUTRIENTS:
        np.testing.assert_allclose(daily[column], sums[column], rtol=1e-12)
        assert (daily[column].dropna() >= 0).all()
        assert (
            daily[f"{column}_unknown"]
            == entries.groupby("date")[column].apply(lambda s: s.isna().sum())
        ).all()
    for column in ["absorbable_calcium_mg", "absorbable_phosphorus_mg", "diuretic_load_mg"]:
        assert (daily[column].dropna() >= 0).all()
        # absorbed never exceeds intake
    assert (daily["absorbable_calcium_mg"].fillna(0) <= daily["calcium_mg"].fillna(0) + 1e-9).all()
    assert daily["entries"].sum() == len(entries)


# --- Real-data regression: an everyday week read through the diary reader ----------------
# tests/data/balance/everyday_week.csv (own format: date,time,meal,food,amount,unit) names
# USDA foods by NDB number with household units; grams come from analyzer/data/portions.csv
# (cup milk 244 g, cup coffee 237 g, slice bread 29 g, 3 oz = 85.0486 g, can cola 370 g,
# 1/2 cup broccoli 78 g, cup rice 158 g, "container (6 oz)" = 6 oz = 170.0971 g, ...).
# Per 100 g (SR28; protein g, Ca, P, Mg, K, Na, caffeine mg):
#   01079 milk 2%        3.30 120  92 11 140  47  0    18069 white bread 8.85 144  98 23 126 490 0
#   14209 coffee         0.12   2   3  3  49   2 40    23570 beef 85%   27.73  22 238 25 407  89 0
#   14148 cola           0.00   1   9  0   5   3  9    05315 duck     24.50   8   -  -   -  84 -
#   11091 broccoli       2.38  40  67 21 293  41  0    20045 rice      2.69  10  43 12  35   1 0
#   01117 yogurt         5.25 183 144 17 234  70  0    16426 Ca-tofu  17.27 683 190 58 237  14 -
#   11117 bok choy       1.56  93  29 11 371  34  0    01009 cheddar  22.87 710 455 27  76 653 0
# ("-" = blank in foods.csv: unknown, never 0.)
EVERYDAY = Path(__file__).parents[1] / "data" / "balance" / "everyday_week.csv"


@pytest.fixture(scope="module")
def everyday() -> Analysis:
    from analyzer.diary import read_diary

    diary = read_diary(EVERYDAY)
    # check the input first: 35 rows used, the grams the portions give
    assert len(diary.entries) == 35 and diary.rejected.empty
    grams = diary.entries["grams"].round(4).tolist()
    assert grams[:8] == [244.0, 474.0, 58.0, 85.0486, 370.0, 85.0, 156.0, 158.0]
    return analyze(diary, settings=SMALL_DAYS)


def test_everyday_monday_minerals_and_coverage(everyday: Analysis) -> None:
    row = _day(everyday, "2026-11-16")
    # Ca 120*2.44 + 2*4.74 + 144*0.58 + 22*0.850486 + 1*3.7 + 8*0.85 + 40*1.56 + 10*1.58
    #  = 292.8 + 9.48 + 83.52 + 18.7107 + 3.7 + 6.8 + 62.4 + 15.8 = 493.2107
    assert row["calcium_mg"] == pytest.approx(493.2107, abs=1e-3)
    # P without the duck (blank): 224.48 + 14.22 + 56.84 + 202.4156 + 33.3 + 104.52 + 67.94
    #  = 703.7156, and the duck is counted as unknown for P, Mg, K and caffeine
    assert row["phosphorus_mg"] == pytest.approx(703.7156, abs=1e-3)
    assert (row["phosphorus_mg_unknown"], row["potassium_mg_unknown"]) == (1, 1)
    assert (row["caffeine_mg_unknown"], row["pral_meq_unknown"], row["calcium_mg_unknown"]) == (
        1,
        1,
        0,
    )
    # caffeine 40*4.74 + 9*3.7 = 189.6 + 33.3 = 222.9 (duck unknown)
    assert row["caffeine_mg"] == pytest.approx(222.9)
    # Ca:P 493.2107/703.7156 = 0.70087; molar x 0.772705 = 0.54156
    assert row["ca_p_molar_ratio"] == pytest.approx(0.54156, abs=1e-5)
    # PRAL over the entries with every term known (duck left out, counted above) = 6.5963
    assert row["pral_meq"] == pytest.approx(6.5963, abs=1e-3)
    assert row["phosphorus_pct_target"] == pytest.approx(100.531, abs=1e-3)  # 703.7156 / 7


def test_everyday_absorbable_calcium_uses_per_green_indices(everyday: Analysis) -> None:
    # Mon breakfast load 292.8 + 9.48 + 83.52 = 385.8; FA_milk = 0.889 - 0.0964 ln 385.8
    #   = 0.31491; milk (1.0), coffee (0.5), white bread (1.27, Weaver's calcium-sulfate
    #   bread): 0.31491*(292.8 + 0.5*9.48 + 1.27*83.52) = 127.0998
    # lunch 18.7107 + 3.7 = 22.4107; FA 0.58924; 0.5*22.4107*0.58924 = 6.6026
    # dinner 6.8 + 62.4 + 15.8 = 85.0; FA 0.46073; broccoli index 1.12 (Weaver 2017 Table 1):
    #   0.46073*(1.12*62.4 + 0.5*22.6) = 37.4056     -> day 171.108
    assert _day(everyday, "2026-11-16")["absorbable_calcium_mg"] == pytest.approx(
        171.108, abs=0.01
    )
    # Wed lunch: Ca-set tofu 860.58 (0.88) + bok choy 158.1 (1.15) + rice 15.8 (0.5) = 1034.48
    #   above the 500 mg Weaver's equation was fitted on: FA_milk(500) = 0.889 - 0.0964 ln 500
    #   = 0.28991 -> 0.28991*(757.31 + 181.815 + 7.9) = 274.554; breakfast 83.28 mg load:
    #   0.46270*0.5*83.28 = 19.267; dinner chicken 12.9 + milk 292.8 = 305.7:
    #   0.33734*(0.5*12.9 + 292.8) = 100.949 -> day 394.770
    wednesday = _day(everyday, "2026-11-18")
    assert wednesday["absorbable_calcium_mg"] == pytest.approx(394.770, abs=0.01)
    entries = everyday.entries
    assert entries.loc[entries["food_id"] == "11117", "absorption_class"].iloc[0] == "bok_choy"


def test_everyday_tuesday_totals_pral_and_diuretic_load(everyday: Analysis) -> None:
    row = _day(everyday, "2026-11-17")
    # Ca 311.2778 (yogurt 170.0971 g) + 5.9 + 1.184 + 4.74 + 201.2816 + 83.52 + 10.92 + 244.8
    #   + 161.1 + 267.9 = 1292.6234
    assert row["calcium_mg"] == pytest.approx(1292.6234, abs=1e-3)
    assert row["pral_meq"] == pytest.approx(-42.8698, abs=1e-3)  # Remer & Manz per entry
    # diuretic load: caffeine (125.504 + 94.8)*0.05 = 11.0152; protein yogurt 8.9301 +
    # cheddar 6.4835 + coffees 0.0710 + 0.2844 = 15.7691; sodium (119.068 + 185.1224 + 8.288
    # + 4.74)*40/2300 = 5.5168 -> 32.3011
    assert row["diuretic_load_caffeine_mg"] == pytest.approx(11.0152, abs=1e-3)
    assert row["diuretic_load_protein_mg"] == pytest.approx(15.7691, abs=1e-3)
    assert row["diuretic_load_mg"] == pytest.approx(32.3011, abs=1e-3)
    assert row["diuretic_load_red_meat_mg"] == 0.0  # no red meat that day: 0, not unknown


def test_near_threshold_ratio_is_not_printed_as_the_threshold(everyday: Analysis) -> None:
    # regression: Thu molar Ca:P 323.64/500.49*0.772705 = 0.49967 used to read "0.50 is
    # below 0.5"; it now shows 4 decimals where 2 would round up to the threshold.
    flag = next(
        f
        for f in everyday.flags
        if f.code == "low_ca_p_with_low_calcium" and str(f.date) == "2026-11-19"
    )
    assert flag.message.startswith("2026-11-19: molar Ca:P 0.4997 is below 0.5 while")


def test_week_flags_on_the_weeks_averages(everyday: Analysis) -> None:
    weekly = [f for f in everyday.flags if f.week is not None]
    assert all(f.date is None for f in weekly)
    # 7 logged days; Ca (493.2107 + 1292.6234 + 1423.46 + 323.64 + 27.82 + 486.5632 + 5.9) / 7
    #   = 4053.2173 / 7 = 579.03 < RDA 1,000; molar Ca:P of the averages 579.03/525.78*0.7727
    #   = 0.851, not low; caffeine average 140.5 < 400
    assert [f.code for f in weekly] == [
        "weekly_calcium_low",
        "weekly_magnesium_low",
        "weekly_potassium_low",
    ]
    calcium = weekly[0]
    assert calcium.week == "2026-W47" and calcium.level == "warning"
    assert calcium.value == pytest.approx(579.031, abs=1e-3)
    assert calcium.message == (
        "2026-W47 (average of 7 logged days): calcium 579 mg is below the RDA of 1,000 mg "
        "(female 31-50 y)."
    )
    # the per-day flags are kept: Ca below the RDA on 5 of 7 days
    days = [f for f in everyday.flags if f.code == "calcium_low"]
    assert len(days) == 5


def test_efsa_single_dose_flag() -> None:
    # EFSA 2015: single doses up to 200 mg raise no concern in adults. Mon: coffee 474 g =
    # 40*4.74 = 189.6 mg (no flag); Tue: 474 g + 316 g in the same breakfast = 40*7.90
    # = 316 mg > 200 -> info (and >= 250 -> the diuresis note as well)
    rows = [
        ("2026-11-16", "breakfast", "coffee", 474),
        ("2026-11-17", "breakfast", "coffee", 474),
        ("2026-11-17", "breakfast", "coffee", 316),
    ]
    flags = analyze(make_entries(rows), settings=SMALL_DAYS).flags
    single = [(str(f.date), f.value) for f in flags if f.code == "caffeine_single_dose"]
    assert single == [("2026-11-17", pytest.approx(316.0))]  # 40*(4.74 + 3.16)
    message = next(f.message for f in flags if f.code == "caffeine_single_dose")
    assert message == (
        "2026-11-17: 316 mg caffeine in one eating occasion is above the single dose of 200 mg "
        "that EFSA found raises no safety concern for adults."
    )
    # a child gets no EFSA single-dose flag (an adult figure) but Health Canada's daily limit
    # for 10-12 y, 85 mg (correction 6): Mon 189.6 and Tue 316 mg are both above it
    child = analyze(make_entries(rows), Profile(sex="male", age=10), settings=SMALL_DAYS).flags
    assert not [f for f in child if f.code == "caffeine_single_dose"]
    high = [(str(f.date), f.threshold) for f in child if f.code == "caffeine_daily_high"]
    assert high == [("2026-11-16", 85.0), ("2026-11-17", 85.0)]


def test_iso_weeks_across_the_year_boundary() -> None:
    # Thu 2026-12-31 and Sun 2027-01-03 are in ISO week 2026-W53 (Mon 2026-12-28);
    # Mon 2027-01-04 starts 2027-W01. Ca: milk 244 g = 275.72 mg; 488 g = 551.44 mg.
    rows = [
        ("2026-12-31", "breakfast", "milk", 244),
        ("2027-01-03", "breakfast", "milk", 488),
        ("2027-01-04", "breakfast", "milk", 244),
    ]
    weekly = analyze(make_entries(rows), settings=SMALL_DAYS).weekly
    assert weekly["week"].tolist() == ["2026-W53", "2027-W01"]
    assert weekly["week_start"].dt.strftime("%Y-%m-%d").tolist() == ["2026-12-28", "2027-01-04"]
    assert weekly["days"].tolist() == [2, 1]
    # W53 average (275.72 + 551.44) / 2 = 413.58
    assert weekly["calcium_mg"].tolist() == pytest.approx([413.58, 275.72])


def test_app_export_without_phosphorus_has_unknown_ratio_not_zero_or_inf() -> None:
    # MyFitnessPal gives no phosphorus: P unknown -> P total NaN (not 0), ratios NaN, and
    # no Ca:P flag; a day with P = 0 (e.g. only water) also gives an unknown ratio, not inf.
    no_p = analyze(_app_day(calcium_mg=800, potassium_mg=2000, sodium_mg=1500))
    row = no_p.daily.iloc[0]
    assert math.isnan(row["phosphorus_mg"]) and row["phosphorus_mg_unknown"] == 1
    assert math.isnan(row["ca_p_mass_ratio"]) and math.isnan(row["ca_p_molar_ratio"])
    assert math.isnan(row["phosphorus_pct_target"]) and math.isnan(row["pral_meq"])
    assert not [f for f in no_p.flags if "ca_p" in f.code or "phosphorus" in f.code]
    zero_p = analyze(_app_day(calcium_mg=800, phosphorus_mg=0)).daily.iloc[0]
    assert zero_p["phosphorus_mg"] == 0.0 and math.isnan(zero_p["ca_p_mass_ratio"])
    # weekly: the unknown stays unknown
    assert math.isnan(no_p.weekly.iloc[0]["ca_p_molar_ratio"])


def test_low_flags_say_when_the_total_is_a_lower_bound() -> None:
    # Mon breakfast milk 244 g + coffee 237 g, lunch beef 85 g; the coffee's calcium is blank:
    # Ca 275.72 + 18.7 = 294.42 < 1,000 with 1 of 3 entries unknown -> the flag says so
    entries = make_entries(WEEK[:3])
    entries.loc[1, "calcium_mg"] = np.nan
    flags = analyze(entries, settings=SMALL_DAYS).flags
    day = next(f for f in flags if f.code == "calcium_low")
    assert day.message == (
        "2026-11-16: calcium 294 mg is below the RDA of 1,000 mg (female 31-50 y). Calcium is "
        "unknown for 1 of 3 entries, so the true value may be higher."
    )
    week = next(f for f in flags if f.code == "weekly_calcium_low")
    assert week.message.endswith("Calcium is unknown for 1 of 3 entries, so the true value may "
                                 "be higher.")  # fmt: skip
    # magnesium is known for all three: no coverage sentence
    magnesium = next(f for f in flags if f.code == "magnesium_low")
    assert "unknown" not in magnesium.message


def test_weekly_ratio_uses_only_days_with_both_parts_known() -> None:
    # regression: Mon milk 244 g (Ca 275.72, P 204.96); Tue an app day with Ca 500 and no P.
    # Ca averages (275.72 + 500) / 2 = 387.86 over 2 days and P 204.96 over 1 day; the
    # week's Ca:P is Monday's 275.72 / 204.96 = 1.34524, not 387.86 / 204.96 = 1.89237.
    tuesday = _app_day(calcium_mg=500.0)
    tuesday["date"] = pd.Timestamp("2026-11-17")
    entries = pd.concat([make_entries(WEEK[:1]), tuesday], ignore_index=True)
    row = analyze(entries, settings=SMALL_DAYS).weekly.iloc[0]
    assert row["calcium_mg"] == pytest.approx(387.86)
    assert row["phosphorus_mg"] == pytest.approx(204.96)
    assert row["ca_p_mass_ratio"] == pytest.approx(1.34524, abs=1e-5)
    assert row["ca_p_molar_ratio"] == pytest.approx(1.34524 * 30.97 / 40.08, abs=1e-5)


def test_unmatched_app_rows_have_unknown_diuretic_load_not_zero() -> None:
    # regression: MyFitnessPal meal totals (source "app", no food) used to get a diuretic
    # load of 0 although they may hold meat, dairy, soda or coffee; now it is unknown and
    # counted. A matched app row (Cronometer, food_id set) keeps its load:
    # milk 244 g: protein 7.686 + Na 104.92*40/2300 = 1.8247 -> 9.5107
    milk = make_entries(WEEK[:1])
    milk["source"] = "app"
    total = _app_day(protein_g=40.0, sodium_mg=1200.0, calcium_mg=300.0)
    total["source"] = "app"
    total["date"] = pd.Timestamp("2026-11-17")
    analysis = analyze(pd.concat([milk, total], ignore_index=True))
    daily = analysis.daily.set_index(analysis.daily["date"].dt.strftime("%Y-%m-%d"))
    assert daily.loc["2026-11-16", "diuretic_load_mg"] == pytest.approx(9.5107, abs=1e-3)
    assert math.isnan(daily.loc["2026-11-17", "diuretic_load_mg"])
    assert daily["diuretic_load_mg_unknown"].tolist() == [0, 1]
    # the calciuria of its protein and sodium is still shown (all foods): 40 + 1200*40/2300
    assert daily.loc["2026-11-17", "protein_calcium_mg"] == pytest.approx(40.0)
    assert daily.loc["2026-11-17", "sodium_calcium_mg"] == pytest.approx(20.8696, abs=1e-4)
    assert any("1 entry has an unknown diuretic load" in note for note in analysis.notes)


@pytest.mark.parametrize(
    ("description", "calcium_mg", "absorbable_mg"),
    [
        # science.md 7, "Absorbable Ca mg" per cup: Ca x (0.889 - 0.0964 ln Ca) x index
        ("Collards, frozen, chopped, cooked, boiled, drained, without salt", 357, 115),
        ("Collards, cooked, boiled, drained, without salt", 268, 94),
        ("Turnip greens, cooked, boiled, drained, without salt", 197, 87),  # x 1.16 (S)
        ("Mustard greens, cooked, boiled, drained, without salt", 165, 82),  # x 1.25 (S)
        ("Cabbage, chinese (pak-choi), cooked, boiled, drained, without salt", 158, 73),
        ("Kale, cooked, boiled, drained, without salt", 94, 42),
        ("Broccoli, cooked, boiled, drained, without salt", 62, 34),  # x 1.12
        ("Spinach, cooked, boiled, drained, without salt", 245, 11),  # x 0.12
        ("Beet greens, cooked, boiled, drained, without salt", 164, 8),
        ("Chard, swiss, cooked, boiled, drained, without salt", 102, 5),
    ],
)
def test_greens_absorbable_calcium_per_cup_matches_the_reference(
    description: str, calcium_mg: float, absorbable_mg: float
) -> None:
    row: dict[str, Any] = {column: np.nan for column in NUTRIENTS}
    row.update(date=pd.Timestamp("2026-11-16"), description=description, food_id="x")
    row.update(category="greens", calcium_mg=float(calcium_mg))
    entries = analyze(pd.DataFrame([row])).entries
    assert entries["absorbable_calcium_mg"].iloc[0] == pytest.approx(absorbable_mg, abs=0.5)


def test_sodium_above_the_cdrr_is_a_warning_for_adults() -> None:
    # NASEM 2019: CDRR 2,300 mg/day for adults, "reduce intakes above it"; 2,300 itself is not
    # above. Correction 1: children have a CDRR too (9-13 y: 1,800 mg).
    high = analyze(_app_day(sodium_mg=3100.0)).flags
    codes = [(f.code, f.level) for f in high if "sodium" in f.code]
    assert codes == [("sodium_above_cdrr", "warning"), ("weekly_sodium_above_cdrr", "warning")]
    assert high[0].message == (
        "2026-11-16: sodium 3,100 mg is above the Chronic Disease Risk Reduction intake of "
        "2,300 mg a day; intakes above it should be reduced (each 2,300 mg of sodium adds "
        "about 40 mg urinary calcium)."
    )
    assert not [f for f in analyze(_app_day(sodium_mg=2300.0)).flags if "sodium" in f.code]
    child = analyze(_app_day(sodium_mg=3100.0), Profile(sex="male", age=10)).flags
    assert [(f.code, f.threshold) for f in child if "sodium" in f.code] == [
        ("sodium_above_cdrr", 1800.0),
        ("weekly_sodium_above_cdrr", 1800.0),
    ]
