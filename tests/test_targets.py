"""DRI targets per profile, checked against the tables of the scientific reference (section 1)."""

from __future__ import annotations

import pytest

from analyzer.errors import ProfileError
from analyzer.models import Profile
from analyzer.science import load_table
from analyzer.targets import describe_targets, make_profile, targets_for


def test_female_60_calcium_1200() -> None:
    # IOM 2011: women 51-70 y, calcium RDA 1,200 mg; UL 2,000 mg.
    targets = targets_for(Profile(sex="female", age=60))
    assert targets.calcium_mg == 1200
    assert targets.kinds["calcium"] == "RDA"
    assert targets.calcium_ul_mg == 2000
    assert targets.life_stage == "female 51-70 y"


def test_male_40_calcium_1000_potassium_3400() -> None:
    # IOM 2011 Ca RDA 1,000; IOM 1997 P 700, Mg 420; NASEM 2019 K AI 3,400 (not 4,700).
    targets = targets_for(Profile(sex="male", age=40))
    assert (targets.calcium_mg, targets.phosphorus_mg) == (1000, 700)
    assert (targets.magnesium_mg, targets.potassium_mg) == (420, 3400)
    assert targets.kinds["potassium"] == "AI"
    assert targets.phosphorus_ul_mg == 4000
    assert targets.sodium_mg == 1500
    assert targets.sodium_cdrr_mg == 2300
    assert targets.caffeine_max_mg == 400
    assert targets.ears == {"calcium": 800.0, "phosphorus": 580.0, "magnesium": 350.0}


def test_pregnancy_19_30_magnesium_350() -> None:
    # IOM 1997 p. 239: pregnancy 19-30 y Mg RDA 350; P UL 3,500 in pregnancy; K AI 2,900;
    # EFSA 2015 caffeine limit 200 mg/day in pregnancy.
    targets = targets_for(Profile(sex="female", age=25, pregnant=True))
    assert targets.magnesium_mg == 350
    assert targets.phosphorus_ul_mg == 3500
    assert targets.potassium_mg == 2900
    assert targets.caffeine_max_mg == 200
    assert targets.life_stage == "female 19-30 y, pregnancy"


@pytest.mark.parametrize(
    ("profile", "expected"),
    [
        # (Ca, P, Mg, K) from science.md table 1a
        (Profile(sex="male", age=75), (1200, 700, 420, 3400)),
        (Profile(sex="female", age=16), (1300, 1250, 360, 2300)),
        (Profile(sex="male", age=16), (1300, 1250, 410, 3000)),
        (Profile(sex="female", age=30.9), (1000, 700, 310, 2600)),
        (Profile(sex="female", age=31), (1000, 700, 320, 2600)),
        (Profile(sex="male", age=2), (700, 460, 80, 2000)),
        (Profile(sex="female", age=0.25), (200, 100, 30, 400)),
        (Profile(sex="female", age=17, lactating=True), (1300, 1250, 360, 2500)),
        (Profile(sex="female", age=35, lactating=True), (1000, 700, 320, 2800)),
    ],
)
def test_targets_table(profile: Profile, expected: tuple[int, int, int, int]) -> None:
    t = targets_for(profile)
    assert (t.calcium_mg, t.phosphorus_mg, t.magnesium_mg, t.potassium_mg) == expected


def test_older_adults_phosphorus_ul_3000() -> None:
    # IOM 1997: P UL falls to 3,000 mg after age 70.
    assert targets_for(Profile(sex="female", age=71)).phosphorus_ul_mg == 3000


def test_infant_has_no_phosphorus_or_magnesium_ul() -> None:
    # Table 1b: ND for P and Mg at 0-6 mo; Ca UL 1,000.
    t = targets_for(Profile(age=0.3))
    assert (t.calcium_ul_mg, t.phosphorus_ul_mg, t.magnesium_ul_mg) == (1000, None, None)
    assert t.kinds["calcium"] == "AI"
    assert t.life_stage == "female 0-6 mo"


def test_magnesium_ul_rows_say_supplements_only() -> None:
    # IOM 1997: the Mg UL applies to supplements and medications only, never to food.
    table = load_table("dri.csv")
    notes = table.loc[(table["nutrient"] == "magnesium") & (table["kind"] == "UL"), "note"]
    assert len(notes) == 12  # 8 life stages from 1 y, 2 pregnancy, 2 lactation
    assert notes.str.contains("supplements and medications only").all()
    assert targets_for(Profile()).magnesium_ul_mg == 350


def test_potassium_has_no_ul_rows() -> None:
    # NASEM 2019: K UL not determined.
    table = load_table("dri.csv")
    assert table[(table["nutrient"] == "potassium") & (table["kind"] == "UL")].empty


def test_default_profile_is_female_35() -> None:
    t = targets_for()
    assert t.life_stage == "female 31-50 y"
    assert describe_targets(t) == (
        "calcium 1,000 mg (RDA), phosphorus 700 mg (RDA), magnesium 320 mg (RDA), "
        "potassium 2,600 mg (AI)"
    )


def test_make_profile_errors_are_profile_errors() -> None:
    with pytest.raises(ProfileError) as info:
        make_profile("male", 30, pregnant=True)
    assert str(info.value) == (
        "profile sex='male' age=30 pregnant=True lactating=False: "
        "pregnant/lactating applies to sex 'female' only"
    )
    with pytest.raises(ValueError, match="age: Input should be greater than or equal to 0"):
        make_profile("female", -1)
