"""DRI targets per profile, checked against the tables of the scientific reference (section 1)."""

from __future__ import annotations

import pytest

from analyzer.balance.targets import describe_targets, make_profile, targets_for
from analyzer.errors import ProfileError
from analyzer.models import Profile
from analyzer.reference import load_table


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
    with pytest.raises(ValueError, match="greater than or equal to 0"):
        Profile(age=-1)


@pytest.mark.parametrize("age", [-1, 120.5, float("nan"), float("inf")])
def test_make_profile_rejects_ages_outside_the_tables(age: float) -> None:
    # regression: NaN used to be reported as "should be less than or equal to 120"
    with pytest.raises(ProfileError) as info:
        make_profile("female", age)
    assert str(info.value) == (
        f"age {age!r} is not an age the DRI tables cover: give the age in years, from 0 to 120"
    )
    with pytest.raises(ValueError):
        Profile(age=age)


# science.md table 1a, every row, transcribed by hand: life stage -> a profile inside it, then
# (Ca RDA/AI, Ca EAR, P RDA/AI, P EAR, Mg RDA/AI, Mg EAR, K AI); None = no EAR (infants, AI).
# The calcium EAR in pregnancy and lactation at 14-18 y is 1,100 mg (IOM 2011, p. 362:
# "1,100 mg/day for pregnant adolescents", the same for lactation; science.md correction).
_TABLE_1A = [
    ("0-6 mo", Profile(sex="male", age=0.2), (200, None, 100, None, 30, None, 400)),
    ("7-12 mo", Profile(sex="female", age=0.75), (260, None, 275, None, 75, None, 860)),
    ("1-3 y", Profile(sex="female", age=3.9), (700, 500, 460, 380, 80, 65, 2000)),
    ("4-8 y", Profile(sex="male", age=4), (1000, 800, 500, 405, 130, 110, 2300)),
    ("9-13 y M", Profile(sex="male", age=13.5), (1300, 1100, 1250, 1055, 240, 200, 2500)),
    ("9-13 y F", Profile(sex="female", age=9), (1300, 1100, 1250, 1055, 240, 200, 2300)),
    ("14-18 y M", Profile(sex="male", age=14), (1300, 1100, 1250, 1055, 410, 340, 3000)),
    ("14-18 y F", Profile(sex="female", age=18.9), (1300, 1100, 1250, 1055, 360, 300, 2300)),
    ("19-30 y M", Profile(sex="male", age=19), (1000, 800, 700, 580, 400, 330, 3400)),
    ("19-30 y F", Profile(sex="female", age=25), (1000, 800, 700, 580, 310, 255, 2600)),
    ("31-50 y M", Profile(sex="male", age=50.9), (1000, 800, 700, 580, 420, 350, 3400)),
    ("31-50 y F", Profile(sex="female", age=40), (1000, 800, 700, 580, 320, 265, 2600)),
    ("51-70 y M", Profile(sex="male", age=51), (1000, 800, 700, 580, 420, 350, 3400)),
    ("51-70 y F", Profile(sex="female", age=70.9), (1200, 1000, 700, 580, 320, 265, 2600)),
    (">70 y M", Profile(sex="male", age=71), (1200, 1000, 700, 580, 420, 350, 3400)),
    (">70 y F", Profile(sex="female", age=95), (1200, 1000, 700, 580, 320, 265, 2600)),
    (
        "pregnancy 14-18",
        Profile(sex="female", age=16, pregnant=True),
        (1300, 1100, 1250, 1055, 400, 335, 2600),
    ),
    (
        "pregnancy 19-30",
        Profile(sex="female", age=30, pregnant=True),
        (1000, 800, 700, 580, 350, 290, 2900),
    ),
    (
        "pregnancy 31-50",
        Profile(sex="female", age=31, pregnant=True),
        (1000, 800, 700, 580, 360, 300, 2900),
    ),
    (
        "lactation 14-18",
        Profile(sex="female", age=14, lactating=True),
        (1300, 1100, 1250, 1055, 360, 300, 2500),  # EAR 1,100: correction 1 (IOM 2011 p. 362)
    ),
    (
        "lactation 19-30",
        Profile(sex="female", age=22, lactating=True),
        (1000, 800, 700, 580, 310, 255, 2800),
    ),
    (
        "lactation 31-50",
        Profile(sex="female", age=50, lactating=True),
        (1000, 800, 700, 580, 320, 265, 2800),
    ),
]


@pytest.mark.parametrize(("stage", "profile", "row"), _TABLE_1A, ids=[r[0] for r in _TABLE_1A])
def test_every_row_of_table_1a(stage: str, profile: Profile, row: tuple[int | None, ...]) -> None:
    t = targets_for(profile)
    ca, ca_ear, p, p_ear, mg, mg_ear, k = row
    assert (t.calcium_mg, t.phosphorus_mg, t.magnesium_mg, t.potassium_mg) == (ca, p, mg, k)
    assert (t.ears.get("calcium"), t.ears.get("phosphorus"), t.ears.get("magnesium")) == (
        ca_ear,
        p_ear,
        mg_ear,
    )
    infant = profile.age < 1
    kind = "AI" if infant else "RDA"
    kinds = {n: t.kinds[n] for n in ("calcium", "phosphorus", "magnesium", "potassium")}
    assert kinds == {"calcium": kind, "phosphorus": kind, "magnesium": kind, "potassium": "AI"}


# science.md table 1b, every row: (Ca UL, P UL, Mg UL [supplements only]); None = ND.
# K has no UL at any age (NASEM 2019).
_TABLE_1B = [
    ("0-6 mo", Profile(age=0.4), (1000, None, None)),
    ("7-12 mo", Profile(age=0.5), (1500, None, None)),
    ("1-3 y", Profile(age=1), (2500, 3000, 65)),
    ("4-8 y", Profile(age=8.9), (2500, 3000, 110)),
    ("9-13 y", Profile(age=9), (3000, 4000, 350)),
    ("14-18 y", Profile(sex="male", age=18), (3000, 4000, 350)),
    ("19-30 y", Profile(age=19), (2500, 4000, 350)),
    ("31-50 y", Profile(sex="male", age=45), (2500, 4000, 350)),
    ("51-70 y", Profile(age=51), (2000, 4000, 350)),
    (">70 y", Profile(sex="male", age=70), (2000, 4000, 350)),  # 70.0 y is still 51-70
    (">70 y", Profile(sex="male", age=71), (2000, 3000, 350)),
    ("pregnancy 14-18", Profile(age=15, pregnant=True), (3000, 3500, 350)),
    ("pregnancy 19-50", Profile(age=19, pregnant=True), (2500, 3500, 350)),
    ("pregnancy 19-50", Profile(age=50, pregnant=True), (2500, 3500, 350)),
    ("lactation 14-18", Profile(age=18, lactating=True), (3000, 4000, 350)),
    ("lactation 19-50", Profile(age=40, lactating=True), (2500, 4000, 350)),
]


@pytest.mark.parametrize(("stage", "profile", "row"), _TABLE_1B, ids=[r[0] for r in _TABLE_1B])
def test_every_row_of_table_1b(stage: str, profile: Profile, row: tuple[int | None, ...]) -> None:
    t = targets_for(profile)
    assert (t.calcium_ul_mg, t.phosphorus_ul_mg, t.magnesium_ul_mg) == row
    assert not hasattr(t, "potassium_ul_mg")


def test_every_dri_row_has_a_verified_source() -> None:
    # Each DRI cites IOM 1997 / IOM 2011 / NASEM 2019 and is tag V (science.md 1); caffeine
    # limits cite EFSA 2015 (adults, V) or Health Canada (children: S as quoted, C for the
    # 1-3 y upper bound, V for the adolescents' 400 mg read on Health Canada's own page).
    table = load_table("dri.csv")
    dri = table[table["nutrient"] != "caffeine"]
    assert set(dri["tag"]) == {"V"}
    authors = {"calcium": "IOM 2011", "phosphorus": "IOM 1997", "magnesium": "IOM 1997"}
    authors |= {"potassium": "NASEM 2019", "sodium": "NASEM 2019"}
    for nutrient, author in authors.items():
        sources = table.loc[table["nutrient"] == nutrient, "source"]
        assert sources.str.startswith(author).all(), nutrient
    caffeine = table[table["nutrient"] == "caffeine"]
    efsa = caffeine["source"].str.startswith("EFSA NDA 2015")
    assert (caffeine.loc[efsa, "tag"] == "V").all()
    assert caffeine.loc[~efsa, "source"].str.startswith("Health Canada").all()
    assert set(caffeine.loc[~efsa, "tag"]) == {"S", "C", "V"}
