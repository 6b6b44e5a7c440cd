"""Your own foods, recipes and supplements in a diary (issue 11's acceptance), on real data.

The README's example file (``analyzer/examples/my_foods.csv``) and a day that uses each kind:
a custom food by its alias ("my bar", "2 bars"), the recipe by "1 serving" and by grams, a
calcium carbonate supplement by "2 tablets" and a USDA food. Every expected value is computed
by hand below from USDA SR28 values per 100 g (checked first) and the file's own values.

SR28 per 100 g (Ca, P, protein g, Na; mg unless said):
  23575 beef, ground 80/20, crumbles, cooked: Ca 28, P 226, protein 27.00, Na 91
  16033 kidney beans, red, cooked:            Ca 28, P 142, protein 8.67,  Na 2   (1 cup 177 g)
  11282 onions, raw:                          Ca 23, P 29,  protein 1.10,  Na 4   (1 medium 110 g)
  01009 cheddar cheese:                       Ca 710, P 455, protein 22.87, Na 653
  01077 whole milk:                           Ca 113, P 84, protein 3.15,  Na 43  (1 cup 244 g)

Sunday chili (yield 900 g, 6 servings of 150 g): 500 g beef, 2 cups (354 g) beans, 1 medium
(110 g) onion, 100 g cheddar. Its calcium: 500 x 0.28 + 354 x 0.28 + 110 x 0.23 + 100 x 7.10
= 140 + 99.12 + 25.3 + 710 = 974.42 mg in 900 g, 1.082689 mg/g.
"""

from __future__ import annotations

import math
import tempfile
from pathlib import Path

import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.balance import analyze
from analyzer.diary import read_diary
from analyzer.diary.recipes import build_my_foods
from analyzer.examples import my_foods_example_path
from analyzer.foods.table import default_matcher, load_foods
from analyzer.report import build_report, render_text
from tests.conftest import DATA, SMALL_DAYS

WEEK = DATA / "myfoods" / "week.csv"
#: Calcium carbonate's calcium fraction (IUPAC atomic weights).
CARBONATE = 0.40044  # 40.078 / 100.086, to 5 digits as in supplement_compounds.csv
#: The chili's calcium per gram (module docstring). [mg/g]
CHILI_CA_PER_G = (500 * 0.28 + 354 * 0.28 + 110 * 0.23 + 100 * 7.10) / 900


@pytest.fixture(scope="module")
def diary():  # type: ignore[no-untyped-def]
    return read_diary(WEEK, my_foods=my_foods_example_path())


def test_the_usda_values_the_arithmetic_uses() -> None:
    foods = load_foods().set_index("id")
    assert foods.loc["23575", ["calcium_mg", "protein_g", "sodium_mg"]].tolist() == [28, 27, 91]
    assert foods.loc["16033", "calcium_mg"] == 28
    assert foods.loc["11282", "calcium_mg"] == 23
    assert foods.loc["01009", ["calcium_mg", "protein_g", "sodium_mg"]].tolist() == [
        710,
        22.87,
        653,
    ]
    assert foods.loc["01077", ["calcium_mg", "protein_g", "sodium_mg"]].tolist() == [113, 3.15, 43]


def test_the_readme_example_file_loads() -> None:
    book = build_my_foods(my_foods_example_path(), default_matcher(), load_foods())
    assert sorted(row.kind for row in book.rows.values()) == [
        "food",
        "recipe",
        "supplement",
        "supplement",
    ]
    ingredients = book.ingredients["my:sunday chili"]
    assert ingredients["food_id"].tolist() == ["23575", "16033", "11282", "01009"]
    assert ingredients["grams"].tolist() == [500.0, 354.0, 110.0, 100.0]  # 2 x 177, 1 x 110
    assert book.per_100g.loc["my:sunday chili", "calcium_mg"] == pytest.approx(
        CHILI_CA_PER_G * 100
    )  # 108.27 mg per 100 g
    assert book.serving_g("my:sunday chili") == 150.0  # 900 g / 6 servings
    # 1500 mg calcium carbonate x 0.40044 = 600.66 mg of calcium per tablet
    assert book.per_unit.loc["my:calcium 600", "calcium_mg"] == pytest.approx(1500 * CARBONATE)


def test_every_kind_by_its_units(diary) -> None:  # type: ignore[no-untyped-def]
    entries = diary.entries.set_index("food")
    assert diary.rows_in == 5 and diary.rejected.empty
    assert entries["match_method"].tolist() == [
        "my food",
        "alias",
        "my recipe",
        "my recipe",
        "my supplement",
    ]
    assert entries.loc["my bar", "grams"] == 120.0  # 2 bars x 60 g
    assert entries.loc["my bar", "calcium_mg"] == pytest.approx(240.0)  # 2 x 120 mg per bar
    assert math.isnan(entries.loc["my bar", "caffeine_mg"])  # blank on the label: unknown
    assert entries.loc["chili", "grams"] == 150.0  # 1 serving = 900 g / 6
    assert entries.loc["chili", "calcium_mg"] == pytest.approx(150 * CHILI_CA_PER_G)  # 162.40
    assert entries.loc["Sunday chili", "calcium_mg"] == pytest.approx(250 * CHILI_CA_PER_G)
    tablets = entries.loc["calcium tablet"]
    assert math.isnan(tablets["grams"])  # counted, not weighed
    assert tablets["calcium_mg"] == pytest.approx(2 * 1500 * CARBONATE)  # 1,201.32 mg
    assert tablets["supplement"] == "calcium carbonate"
    assert tablets["energy_kcal"] == 0.0  # a supplement's blank is zero
    assert (entries["source"] == ["yours", "usda", "yours", "yours", "yours"]).all()


def test_a_recipe_entry_is_the_sum_of_its_parts(diary) -> None:  # type: ignore[no-untyped-def]
    parts = diary.parts
    assert parts.groupby("entry").size().to_dict() == {2: 4, 3: 4}  # 4 ingredients each
    serving = parts[parts["entry"] == 2].set_index("food_id")
    assert serving["grams"].tolist() == pytest.approx(
        [500 / 6, 354 / 6, 110 / 6, 100 / 6]
    )  # 150 g of a 900 g pot is 1/6 of each ingredient
    assert serving.loc["01009", "calcium_mg"] == pytest.approx(710 / 6)  # 118.33 mg
    totals = parts.groupby("entry")[["calcium_mg", "phosphorus_mg", "protein_g"]].sum()
    logged = diary.entries.loc[[2, 3], ["calcium_mg", "phosphorus_mg", "protein_g"]]
    pd.testing.assert_frame_equal(totals, logged, check_names=False)


def test_the_day_totals_and_the_food_supplement_split(diary) -> None:  # type: ignore[no-untyped-def]
    day = analyze(diary, settings=SMALL_DAYS).daily.iloc[0]
    food = 240 + 244 * 1.13 + 400 * CHILI_CA_PER_G  # bar, milk, 150 + 250 g of chili
    supplement = 2 * 1500 * CARBONATE  # 1,201.32 mg
    assert day["entries"] == 5  # the recipe entries count once each
    assert day["calcium_food_mg"] == pytest.approx(food)  # 948.80 mg
    assert day["calcium_supplement_mg"] == pytest.approx(supplement)
    assert day["calcium_mg"] == pytest.approx(food + supplement)  # 2,150.12 mg
    assert day["magnesium_supplement_mg"] == 0.0
    assert day["calcium_supplement_max_dose_mg"] == pytest.approx(supplement)


def test_the_recipe_ingredients_in_the_diuretic_load(diary) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze(diary, settings=SMALL_DAYS)
    day = analysis.daily.iloc[0]
    eaten = 400 / 900  # 150 g + 250 g of the 900 g pot
    # red meat: the beef's protein (1 mg Ca per g, FAO/WHO) and sodium (40 mg per 2,300 mg)
    red_meat = 500 * 0.27 * eaten * 1.0 + 500 * 0.91 * eaten * 40 / 2300  # 63.52 mg
    # dairy: the chili's cheddar and the cup of milk
    dairy = (100 * 0.2287 * eaten + 244 * 0.0315) + (100 * 6.53 * eaten + 244 * 0.43) * 40 / 2300
    assert day["diuretic_load_red_meat_mg"] == pytest.approx(red_meat)
    assert day["diuretic_load_dairy_mg"] == pytest.approx(dairy)  # 24.72 mg
    assert day["diuretic_load_mg"] == pytest.approx(red_meat + dairy)  # beans, onion: other
    groups = analysis.entries.dropna(subset=["recipe"]).groupby("food_id")["group"].first()
    assert groups.to_dict() == {
        "01009": "dairy",
        "11282": "other",
        "16033": "other",
        "23575": "red_meat",
    }


def test_a_supplement_alone_and_with_a_meal(diary, tmp_path: Path) -> None:  # type: ignore[no-untyped-def]
    alone = analyze(diary, settings=SMALL_DAYS).entries
    tablet = alone[alone["food"] == "calcium tablet"].iloc[0]
    # alone at 21:00: carbonate fasting, index 0.63 (Recker 1985), load 1,201 mg -> 500 mg
    fraction = (0.889 - 0.0964 * math.log(500)) * 0.63  # 0.18265
    assert tablet["absorption_class"] == "supplement_carbonate_fasting"
    assert tablet["absorbable_calcium_mg"] == pytest.approx(2 * 1500 * CARBONATE * fraction)
    assert tablet["pral_meq"] == 0.0
    with_dinner = tmp_path / "dinner.csv"
    with_dinner.write_text(WEEK.read_text().replace("21:00,,calcium", "19:00,dinner,calcium"))
    entries = analyze(
        read_diary(with_dinner, my_foods=my_foods_example_path()), settings=SMALL_DAYS
    ).entries
    tablet = entries[entries["food"] == "calcium tablet"].iloc[0]
    assert tablet["absorption_class"] == "supplement_with_meal"
    assert tablet["calcium_absorption_index"] == 1.0


def test_the_split_in_the_week_and_the_report(diary) -> None:  # type: ignore[no-untyped-def]
    analysis = analyze(diary, settings=SMALL_DAYS)
    week = analysis.weekly.iloc[0]  # one logged day: the week's per-day average is the day's
    assert week["calcium_supplement_mg"] == pytest.approx(2 * 1500 * CARBONATE)
    assert week["calcium_food_mg"] == pytest.approx(240 + 244 * 1.13 + 400 * CHILI_CA_PER_G)
    report = build_report(analysis)
    assert report.week.calcium_supplement_mg == pytest.approx(1201.32)
    text = render_text(report)
    # 948.80 mg from food + 1,201.32 mg from supplements = 2,150.12 mg
    assert "from supplements, per day: calcium 1,201 of 2,150 mg" in text
    assert any(
        line.startswith("Supplement calcium is absorbed per dose") for line in report.confidence
    )
    listed = [(e.food, e.description) for e in report.entries]
    assert ("chili", "Sunday chili (your recipe)") in listed  # the entry as logged
    assert len(report.entries) == 5 and report.completeness.rows == 5


@settings(max_examples=15, deadline=None)
@given(
    grams=st.floats(min_value=1, max_value=2000, allow_nan=False),
    tablets=st.integers(min_value=0, max_value=4),
    bars=st.integers(min_value=0, max_value=5),
)
def test_totals_add_up_whatever_the_amounts(grams: float, tablets: int, bars: int) -> None:
    """Parts add up to their entry; food + supplements = the day's total, for any amounts."""
    with tempfile.TemporaryDirectory() as folder:
        path = Path(folder) / "diary.csv"
        path.write_text(
            "date,time,meal,food,amount,unit\n"
            f"2026-11-16,12:00,lunch,Sunday chili,{grams!r},g\n"
            f"2026-11-16,12:00,lunch,my bar,{bars},bar\n"
            f"2026-11-16,12:00,lunch,calcium tablet,{tablets},tablet\n"
        )
        diary = read_diary(path, my_foods=my_foods_example_path())
    chili = diary.entries.iloc[0]
    assert diary.parts["calcium_mg"].sum() == pytest.approx(chili["calcium_mg"])
    assert chili["calcium_mg"] == pytest.approx(grams * CHILI_CA_PER_G)
    day = analyze(diary, settings=SMALL_DAYS).daily.iloc[0]
    assert day["calcium_food_mg"] + day["calcium_supplement_mg"] == pytest.approx(
        day["calcium_mg"]
    )
    assert day["calcium_supplement_mg"] == pytest.approx(tablets * 1500 * CARBONATE)
    assert day["calcium_food_mg"] == pytest.approx(grams * CHILI_CA_PER_G + bars * 120)
