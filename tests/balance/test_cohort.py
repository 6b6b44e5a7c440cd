"""Cohort answers on a synthetic cohort whose answers are known by hand.

Every entry is whole milk (SR28 01077, per 100 g: Ca 113, P 84 mg), so a person's calcium is
set by the grams: ``grams = calcium x 100 / 113``. DRIs (IOM 2011; dri.csv):

- women 31-50 y: Ca EAR 800, RDA 1,000, UL 2,500 mg/day;
- men 51-70 y: Ca EAR 800, RDA 1,000, UL 2,000 mg/day.

The cohort, mean daily calcium per person:

- ann (F 40): days of 600 and 798 mg -> mean 699 (below the EAR);
- bea (F 35): 799 (below: exactly 1 mg under the EAR);
- cat (F 45): 801 (not below);  dot (F 50): 801;
- ed (M 60): 2,100 (above the UL of 2,000);  fay (M 55): 1,000.

So: women 31-50 y, 2 of 4 below the EAR (50%); men 51-70 y, 0 of 2 below and 1 of 2 above
the UL (50%); all persons, 2 of 6 below their own EAR (1/3) and 1 of 6 above their UL.
"""

from __future__ import annotations

import math

import pandas as pd
import pytest

from analyzer.balance.analysis import analyze
from analyzer.balance.cohort import COHORT_NUTRIENTS, cohort_summary, stage_references
from analyzer.balance.targets import targets_for
from analyzer.models import Profile
from analyzer.reference import load_table
from tests.conftest import SMALL_DAYS, make_entries

MILK_CALCIUM_MG_PER_100G = 113.0
DAYS = ("2026-11-16", "2026-11-17")
#: person -> (sex, age, calcium per day [mg/day], one value per day logged)
COHORT: dict[str, tuple[str, int, tuple[float, ...]]] = {
    "ann": ("female", 40, (600.0, 798.0)),
    "bea": ("female", 35, (799.0,)),
    "cat": ("female", 45, (801.0,)),
    "dot": ("female", 50, (801.0,)),
    "ed": ("male", 60, (2100.0,)),
    "fay": ("male", 55, (1000.0,)),
}


def cohort_entries() -> pd.DataFrame:
    frames = []
    for person, (_, _, calcium) in COHORT.items():
        rows = [
            (day, "breakfast", "milk", mg * 100 / MILK_CALCIUM_MG_PER_100G)
            for day, mg in zip(DAYS, calcium, strict=False)
        ]
        frames.append(make_entries(rows, person=person))
    return pd.concat(frames, ignore_index=True)


def profiles() -> pd.DataFrame:
    return pd.DataFrame(
        [(p, sex, age) for p, (sex, age, _) in COHORT.items()], columns=["person", "sex", "age"]
    )


@pytest.fixture(scope="module")
def cohort():
    # one cup of milk a day is far below the energy needs: the check is off (SMALL_DAYS)
    return cohort_summary(
        analyze(cohort_entries(), settings=SMALL_DAYS, profiles=profiles(), by_person=True)
    )


def _row(cohort, group: str, nutrient: str = "calcium_mg") -> pd.Series:
    table = cohort.distribution
    return table[(table["group"] == group) & (table["nutrient"] == nutrient)].iloc[0]


def test_each_person_is_their_mean_over_their_days(cohort) -> None:
    persons = cohort.persons.set_index("person")
    assert persons.loc["ann", "days"] == 2
    assert persons.loc["ann", "calcium_mg"] == pytest.approx((600 + 798) / 2)  # 699
    assert persons["life_stage"].to_dict() == {
        "ann": "female 31-50 y", "bea": "female 31-50 y", "cat": "female 31-50 y",
        "dot": "female 31-50 y", "ed": "male 51-70 y", "fay": "male 51-70 y",
    }  # fmt: skip
    # milk only: molar Ca:P = 113 / 84 x 30.97 / 40.08 = 1.03947
    assert persons["ca_p_molar_ratio"].tolist() == pytest.approx([1.0394713] * 6)


def test_half_of_the_women_are_below_their_ear(cohort) -> None:
    women = _row(cohort, "female 31-50 y")
    assert (women["n"], women["n_lower"], women["lower_kind"], women["lower"]) == (
        4,
        4,
        "EAR",
        800,
    )
    assert women["share_below"] == 0.5
    # intakes 699, 799, 801, 801: mean 775; SD sqrt(((-76)^2 + 24^2 + 26^2 + 26^2) / 3)
    assert women["mean"] == pytest.approx(775.0)
    assert women["sd"] == pytest.approx(math.sqrt((76**2 + 24**2 + 26**2 * 2) / 3))
    # linear percentiles of [699, 799, 801, 801]: p25 at position 0.75 -> 699 + 0.75 x 100
    assert women["p25"] == pytest.approx(774.0)
    assert women["p50"] == pytest.approx(800.0)
    assert women["p75"] == pytest.approx(801.0)
    assert women["p5"] == pytest.approx(699 + 0.15 * 100)  # position 0.15
    assert (women["target_kind"], women["target"], women["upper"]) == ("RDA", 1000, 2500)
    assert women["share_above"] == 0.0


def test_one_man_of_two_is_above_the_ul_and_none_below_the_ear(cohort) -> None:
    men = _row(cohort, "male 51-70 y")
    assert (men["n"], men["share_below"], men["upper"], men["share_above"]) == (2, 0.0, 2000, 0.5)


def test_all_persons_are_each_measured_against_their_own_references(cohort) -> None:
    everyone = _row(cohort, "all persons")
    assert everyone["n"] == 6
    assert everyone["share_below"] == pytest.approx(2 / 6)
    assert everyone["share_above"] == pytest.approx(1 / 6)
    assert everyone["lower"] == 800  # every person's EAR is 800
    assert pd.isna(everyone["upper"])  # 2,500 for the women, 2,000 for the men
    groups = list(dict.fromkeys(cohort.distribution["group"]))
    assert groups == ["all persons", "female 31-50 y", "male 51-70 y"]


def test_potassium_has_an_ai_so_only_the_median_is_judged(cohort) -> None:
    women = _row(cohort, "female 31-50 y", "potassium_mg")
    # milk has 132 mg K per 100 g: far below the 2,600 mg AI
    assert pd.isna(women["lower_kind"]) and pd.isna(women["share_below"])
    assert (women["n_lower"], women["target_kind"], women["target"]) == (0, "AI", 2600)
    assert pd.notna(women["median_at_or_above_target"])
    assert not women["median_at_or_above_target"]
    calcium = _row(cohort, "female 31-50 y")
    assert pd.isna(calcium["median_at_or_above_target"])  # never judged against an RDA


def test_ca_p_concern_share_and_histogram(cohort) -> None:
    ratio = _row(cohort, "all persons", "ca_p_molar_ratio")
    assert (ratio["lower_kind"], ratio["lower"], ratio["share_below"]) == ("concern", 0.5, 0.0)
    histogram = cohort.ca_p_histogram
    assert histogram["persons"].sum() == 6
    assert histogram.loc[histogram["lower"] == 1.0, "persons"].item() == 6  # 1.039 in [1.0, 1.1)


def test_diuretic_load_is_all_dairy(cohort) -> None:
    loads = cohort.loads.set_index("group")
    assert loads.loc["dairy", "share"] == 1.0
    assert loads.loc[["red_meat", "soda", "coffee"], "mean_mg_per_day"].tolist() == [0, 0, 0]


def test_notes_state_the_method_and_the_usual_intake_caveat(cohort) -> None:
    text = " ".join(cohort.notes)
    assert "6 persons, 7 person-days; days per person: median 1, range 1-2" in text
    assert "EAR cut-point method (IOM 2000, DRIs: Applications in Dietary Assessment)" in text
    assert "NCI method (Tooze et al. 2006" in text
    assert "one or two days per person do not give a person's usual intake" in text


def test_ear_of_every_life_stage_is_the_dri_tables(cohort) -> None:
    """Each life stage's EARs as the cohort uses them are the rows of dri.csv (IOM 2011 for
    calcium, IOM 1997 for phosphorus and magnesium; table 1a of science.md, checked row by
    row in tests/balance/test_targets.py)."""
    table = load_table("dri.csv")
    ears = table[table["kind"] == "EAR"]
    for row in ears.itertuples():
        sex = "female" if row.sex in ("female", "both") else "male"
        profile = Profile(
            sex=sex,
            age=float(row.age_min_y),
            pregnant=row.state == "pregnant",
            lactating=row.state == "lactating",
        )
        lower = stage_references(targets_for(profile))[f"{row.nutrient}_mg"][0]
        assert lower == row.value_mg, (row.nutrient, row.sex, row.state, row.age_min_y)
    # Ca, P, Mg for 20 life stages: 1-3 and 4-8 y, 6 ages x 2 sexes from 9 y, 3 pregnancy and
    # 3 lactation stages (none for infants, who have AIs)
    assert len(ears) == 3 * 20


def test_every_cohort_nutrient_has_a_row_per_group(cohort) -> None:
    table = cohort.distribution
    assert len(table) == 3 * len(COHORT_NUTRIENTS)
    assert table.groupby("group")["nutrient"].apply(list).map(len).tolist() == [8, 8, 8]


def test_persons_without_a_complete_day_are_left_out_and_named() -> None:
    # 250 g of cheddar is 4.04 x 250 = 1,010 kcal, over half the 1,800 kcal sedentary need of
    # a woman of 35 (complete); 100 g of whole milk is 61 kcal (incomplete: too little food).
    entries = pd.concat(
        [
            make_entries([("2026-11-16", "lunch", "cheddar", 250)], person="A"),
            make_entries([("2026-11-16", "lunch", "cheddar", 250)], person="B"),
            make_entries([("2026-11-16", "lunch", "milk", 100)], person="C"),
        ],
        ignore_index=True,
    )
    cohort = cohort_summary(analyze(entries, by_person=True))
    assert sorted(cohort.persons["person"]) == ["A", "B"]
    # both remaining persons ate 710 x 2.5 = 1,775 mg calcium
    assert cohort.persons["calcium_mg"].tolist() == pytest.approx([1775.0, 1775.0])
    assert any(
        "1 person(s) with no complete day are left out of the distributions (C)" in note
        for note in cohort.notes
    )
