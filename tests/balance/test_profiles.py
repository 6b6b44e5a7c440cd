"""Per-person profiles: reading them, per-person targets, percent of target and flags.

The DRI values used (IOM 2011; IOM 1997; NASEM 2019, as in dri.csv):
female 60 (51-70 y): Ca 1,200 RDA, P 700 RDA, Mg 320 RDA, K 2,600 AI;
male 40 (31-50 y): Ca 1,000 RDA, P 700 RDA, Mg 420 RDA, K 3,400 AI;
female 35 (the default, 31-50 y): Ca 1,000, P 700, Mg 320, K 2,600.
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

import analyzer.balance.profiles as profiles_module
from analyzer.balance.analysis import analyze
from analyzer.balance.profiles import load_profiles, profiles_frame
from analyzer.errors import DataFileError, ProfileError
from analyzer.models import Profile
from tests.conftest import SMALL_DAYS

DATA = Path(__file__).parents[1] / "data" / "balance"
PROFILES = DATA / "profiles.csv"  # ann F 60, bob m 40 (mixed-case headers, F/m, blank/no/0)
NUTRIENTS = ("calcium_mg", "phosphorus_mg", "magnesium_mg", "potassium_mg", "sodium_mg")


def cohort_entries() -> pd.DataFrame:
    """Three people, one entry per day, nutrients given per entry [mg]."""
    rows = [
        # person, date, Ca, P, Mg, K, Na
        ("ann", "2026-11-16", 600.0, 500.0, 160.0, 1300.0, 500.0),
        ("ann", "2026-11-17", 1200.0, 700.0, 320.0, 2600.0, 500.0),
        ("bob", "2026-11-16", 600.0, 500.0, 210.0, 1700.0, 500.0),
        ("cat", "2026-11-16", 600.0, 500.0, 160.0, 1300.0, 500.0),
    ]
    frame = pd.DataFrame(rows, columns=["person", "date", *NUTRIENTS])
    frame["date"] = pd.to_datetime(frame["date"])
    frame["protein_g"] = 10.0
    frame["caffeine_mg"] = 0.0
    frame["energy_kcal"] = 100.0
    frame["category"] = "other"
    return frame


def test_load_profiles_accepts_the_spellings() -> None:
    table = load_profiles(PROFILES)
    assert table["person"].tolist() == ["ann", "bob"]
    assert table["sex"].tolist() == ["female", "male"]  # "F", "m"
    assert table["age"].tolist() == [60.0, 40.0]
    assert table["pregnant"].tolist() == [False, False]  # blank, "no"
    assert table["lactating"].tolist() == [False, False]  # blank, "0"


def test_load_profiles_yes_values(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("person,sex,age,pregnant,lactating\np1,Female,28,yes,\np2,f,30,,TRUE\n")
    table = load_profiles(path)
    assert table["pregnant"].tolist() == [True, False]
    assert table["lactating"].tolist() == [False, True]


def test_load_profiles_lists_every_bad_row() -> None:
    with pytest.raises(ProfileError) as caught:
        load_profiles(DATA / "bad_profiles.csv")
    path = str(DATA / "bad_profiles.csv")
    assert str(caught.value) == (
        f"{path} line 2: sex 'x' for person 'ann' is not a sex the DRI tables know; use "
        "female or male (f/m)\n"
        f"{path} line 3: age 'abc' for person 'bob' is not an age the DRI tables cover; give "
        "the age in years, from 0 to 120\n"
        f"{path} line 3: pregnant 'maybe' for person 'bob' is not yes or no; use yes/no, "
        "true/false, 1/0 or leave it blank\n"
        f"{path} line 4: person 'ann' is already on line 2; give each person one row"
    )


def test_load_profiles_missing_column_and_file(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("who,sex\np1,f\n")
    with pytest.raises(ProfileError, match=r"line 1: missing columns person, age \(found: who"):
        load_profiles(path)
    with pytest.raises(DataFileError, match="no such file; check the path"):
        load_profiles(tmp_path / "absent.csv")


def test_profile_without_dri_targets_is_named(tmp_path: Path) -> None:
    path = tmp_path / "p.csv"
    path.write_text("person,sex,age,pregnant\np1,male,60,yes\n")
    with pytest.raises(ProfileError) as caught:
        load_profiles(path)
    assert str(caught.value) == (
        f"{path} line 2: person 'p1' (male, 60 y, pregnant) pregnant/lactating applies to sex "
        "'female' only; correct sex, age, pregnant or lactating"
    )


def test_profiles_frame_from_mapping_and_dataframe() -> None:
    mapping = profiles_frame({"ann": Profile(sex="female", age=60)})
    frame = profiles_frame(pd.DataFrame({"Person": ["ann"], "Sex": ["F"], "Age": [60]}))
    pd.testing.assert_frame_equal(mapping, frame)
    with pytest.raises(ProfileError, match="profiles row 1: sex 'x'"):
        profiles_frame(pd.DataFrame({"person": ["ann"], "sex": ["x"], "age": [60]}))


def test_two_person_percent_of_target_by_hand() -> None:
    analysis = analyze(cohort_entries(), profiles=PROFILES, settings=SMALL_DAYS)
    daily = analysis.daily.set_index(["person", analysis.daily["date"].dt.strftime("%Y-%m-%d")])
    ann, bob, cat = (daily.loc[(p, "2026-11-16")] for p in ("ann", "bob", "cat"))
    # ann, female 60: Ca 600 / 1,200 = 50 %; Mg 160 / 320 = 50 %; K 1,300 / 2,600 = 50 %
    assert ann["calcium_target_mg"] == 1200.0
    assert ann["calcium_pct_target"] == pytest.approx(50.0)
    assert ann["magnesium_pct_target"] == pytest.approx(50.0)
    assert ann["potassium_pct_target"] == pytest.approx(50.0)
    # bob, male 40: Ca 600 / 1,000 = 60 %; Mg 210 / 420 = 50 %; K 1,700 / 3,400 = 50 %
    assert bob["calcium_target_mg"] == 1000.0
    assert bob["calcium_pct_target"] == pytest.approx(60.0)
    assert bob["magnesium_pct_target"] == pytest.approx(50.0)
    assert bob["potassium_pct_target"] == pytest.approx(50.0)
    # cat is not in the file: default female 35, Ca 600 / 1,000 = 60 %
    assert cat["calcium_pct_target"] == pytest.approx(60.0)
    # both: P 500 / 700 = 71.43 %
    assert ann["phosphorus_pct_target"] == pytest.approx(500 / 700 * 100)
    # ann's week: Ca (600 + 1,200) / 2 = 900 mg a day; 900 / 1,200 = 75 %
    weekly = analysis.weekly.set_index("person")
    assert weekly.loc["ann", "calcium_target_mg"] == 1200.0
    assert weekly.loc["ann", "calcium_pct_target"] == pytest.approx(75.0)


def test_flags_use_each_persons_target() -> None:
    analysis = analyze(cohort_entries(), profiles=PROFILES, settings=SMALL_DAYS)
    low = analysis.flag_table[analysis.flag_table["code"] == "calcium_low"]
    assert low["person"].tolist() == ["ann", "bob", "cat"]  # ann's 1,200 mg day is at target
    assert low["threshold"].tolist() == [1200.0, 1000.0, 1000.0]
    assert low["message"].tolist() == [
        "2026-11-16 for ann: calcium 600 mg is below the RDA of 1,200 mg (female 51-70 y).",
        "2026-11-16 for bob: calcium 600 mg is below the RDA of 1,000 mg (male 31-50 y).",
        "2026-11-16 for cat: calcium 600 mg is below the RDA of 1,000 mg (female 31-50 y).",
    ]
    magnesium = analysis.flag_table[analysis.flag_table["code"] == "magnesium_low"]
    # ann 160 < 320, bob 210 < 420, cat 160 < 320; ann's second day 320 is at target
    assert magnesium["threshold"].tolist() == [320.0, 420.0, 320.0]
    weekly = analysis.flag_table[analysis.flag_table["code"] == "weekly_calcium_low"]
    # ann's week averages 900 mg < 1,200
    assert weekly["person"].tolist() == ["ann", "bob", "cat"]
    assert weekly["threshold"].tolist() == [1200.0, 1000.0, 1000.0]


def test_targets_by_person_and_notes() -> None:
    analysis = analyze(cohort_entries(), profiles=PROFILES, settings=SMALL_DAYS)
    table = analysis.targets_by_person
    assert table is not None
    assert table["person"].tolist() == ["ann", "bob", "cat"]
    assert table["in_profiles"].tolist() == [True, True, False]
    assert table["life_stage"].tolist() == ["female 51-70 y", "male 31-50 y", "female 31-50 y"]
    assert table["potassium_target_mg"].tolist() == [2600.0, 3400.0, 2600.0]
    assert analysis.targets.calcium_mg == 1000.0  # the single (default) profile's targets
    assert analysis.targets_of("ann").calcium_mg == 1200.0
    assert analysis.profile_of("bob") == Profile(sex="male", age=40)
    assert analysis.profile_notes == [
        "Targets per person from their profile: 3 persons, 3 DRI life stages: female 51-70 y, "
        "male 31-50 y, female 31-50 y (see targets_by_person).",
        "1 of 3 persons is not in the profiles and uses the default profile (female, 35 y).",
    ]
    assert analysis.notes[: len(analysis.profile_notes)] == analysis.profile_notes
    with pytest.raises(ProfileError, match="person 'zed' is not in the diary"):
        analysis.profile_of("zed")


def test_default_given_for_missing_persons() -> None:
    default = Profile(sex="male", age=40)
    analysis = analyze(cohort_entries(), default, profiles={"ann": Profile(sex="female", age=60)})
    table = analysis.targets_by_person
    assert table is not None
    # bob and cat get the given profile: male 40, Ca 1,000
    assert table["calcium_target_mg"].tolist() == [1200.0, 1000.0, 1000.0]
    assert table["magnesium_target_mg"].tolist() == [320.0, 420.0, 420.0]


def test_without_profiles_nothing_changes() -> None:
    plain = analyze(cohort_entries())
    assert plain.targets_by_person is None
    assert "calcium_target_mg" not in plain.daily.columns
    # everyone at the default 1,000 mg: ann's 600 mg is 60 %
    assert plain.daily["calcium_pct_target"].iloc[0] == pytest.approx(60.0)


def test_by_person_false_with_several_people_is_refused() -> None:
    with pytest.raises(ProfileError, match="need one row per person: the diary names 3 people"):
        analyze(cohort_entries(), profiles=PROFILES, by_person=False)


def test_one_person_diary_without_person_rows() -> None:
    entries = cohort_entries()
    entries = entries[entries["person"] == "ann"]
    analysis = analyze(entries, profiles=PROFILES, by_person=False)
    assert "person" not in analysis.daily.columns
    # ann's targets apply: 600 / 1,200 = 50 %
    assert analysis.daily["calcium_pct_target"].iloc[0] == pytest.approx(50.0)


def test_dri_lookup_once_per_distinct_profile(monkeypatch: pytest.MonkeyPatch) -> None:
    calls: list[Profile] = []
    original = profiles_module.targets_for

    def counting(profile: Profile | None = None) -> object:
        calls.append(profile or Profile())
        return original(profile)

    profiles_module._targets.cache_clear()
    monkeypatch.setattr(profiles_module, "targets_for", counting)
    persons = [f"p{i:04d}" for i in range(1000)]
    entries = pd.concat([cohort_entries().iloc[[0]]] * 1000, ignore_index=True)
    entries["person"] = persons
    table = pd.DataFrame(
        {"person": persons, "sex": ["f", "m"] * 500, "age": [60, 40] * 500}
    )  # two distinct profiles for 1,000 people
    analysis = analyze(entries, profiles=table)
    profiles_module._targets.cache_clear()
    assert len(calls) == 2
    pct = analysis.daily["calcium_pct_target"].to_numpy()
    # 600 / 1,200 = 50 % (women), 600 / 1,000 = 60 % (men)
    assert pct[:2].tolist() == pytest.approx([50.0, 60.0])
    assert len(analysis.daily) == 1000


def test_diary_without_persons_says_profiles_unused() -> None:
    entries = cohort_entries().drop(columns="person")
    analysis = analyze(entries, profiles=PROFILES)
    assert analysis.profile_notes == [
        "The diary names no person (no person column), so the profiles were not used: "
        "targets for the default profile (female, 35 y)."
    ]
    # default female 35, all entries one diary: 2026-11-16 has 3 x 600 = 1,800 mg;
    # 1,800 / 1,000 = 180 %
    assert analysis.daily["calcium_pct_target"].iloc[0] == pytest.approx(180.0)
    assert "person" not in analysis.daily.columns


def test_each_persons_energy_need_decides_an_incomplete_day() -> None:
    # A day of 1,000 kcal: ann (female 60: sedentary 1,600 kcal, Dietary Guidelines) is above
    # half of it (800), bob (male 40: 2,400 kcal) is below half of his (1,200)
    entries = cohort_entries().assign(energy_kcal=1000.0)
    analysis = analyze(entries, profiles=PROFILES)
    days = analysis.daily.set_index(["person", analysis.daily["date"].dt.strftime("%Y-%m-%d")])
    assert days.loc[("ann", "2026-11-16"), "energy_need_kcal"] == 1600.0
    assert bool(days.loc[("ann", "2026-11-16"), "complete"]) is True
    assert days.loc[("bob", "2026-11-16"), "incomplete_reason"] == (
        "only 1,000 kcal logged, under 50% of the 2,400 kcal a sedentary person of this "
        "profile needs"
    )
