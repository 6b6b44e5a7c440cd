"""Recipes within recipes, units of your foods, unknown values, flags and app exports.

Real data: the README's example file (``analyzer/examples/my_foods.csv``; its chili holds
1.082689 mg of calcium per gram, see ``test_my_foods.py``) and SR28 cheddar 01009 (Ca 710
mg, P 455 mg per 100 g).
"""

from __future__ import annotations

import math
from pathlib import Path

import pytest

from analyzer.balance import analyze
from analyzer.diary import read_diary
from analyzer.examples import my_foods_example_path
from tests.conftest import DATA, SMALL_DAYS

CHILI_CA_PER_G = (500 * 0.28 + 354 * 0.28 + 110 * 0.23 + 100 * 7.10) / 900
HEADER = (
    "kind,name,aliases,category,per,serving_g,serving_unit,yield_g,yield_servings,"
    "ingredient,amount,unit,compound,compound_mg,calcium_mg,caffeine_mg"
)
MORE = f"""{HEADER}
recipe,Chili bowl,,,,,,,1,,,,,,,
,,,,,,,,,Sunday chili,300,g
,,,,,,,,,cheddar cheese,30,g
recipe,Bar crumble,,,,,,,4,,,,,,,
,,,,,,,,,protein bar,1,bar
,,,,,,,,,cheddar cheese,100,g
food,Kefir smoothie,,dairy,100g,250,cup,,,,,,,,120,0
"""


def _diary(tmp_path: Path, rows: str) -> Path:
    more = tmp_path / "more.csv"
    more.write_text(MORE)
    diary = tmp_path / "diary.csv"
    diary.write_text("date,time,meal,food,amount,unit\n" + rows)
    return diary


def _read(tmp_path: Path, rows: str):  # type: ignore[no-untyped-def]
    more = tmp_path / "more.csv"
    return read_diary(_diary(tmp_path, rows), my_foods=[my_foods_example_path(), more])


def test_a_recipe_of_a_recipe_is_flattened(tmp_path: Path) -> None:
    diary = _read(tmp_path, "2026-11-16,12:00,lunch,chili bowl,1,serving\n")
    entry = diary.entries.iloc[0]
    assert entry["grams"] == 330.0  # no yield_g: the ingredients' 300 + 30 g, 1 serving
    # 300 g of chili at 1.082689 mg/g + 30 g cheddar at 7.10 mg/g = 324.81 + 213.0
    assert entry["calcium_mg"] == pytest.approx(300 * CHILI_CA_PER_G + 30 * 7.10)
    assert diary.parts["food_id"].tolist() == ["23575", "16033", "11282", "01009", "01009"]
    assert diary.parts["grams"].sum() == pytest.approx(300 / 900 * 1064 + 30)  # raw weights


def test_an_unknown_value_stays_unknown_in_its_part(tmp_path: Path) -> None:
    diary = _read(tmp_path, "2026-11-16,12:00,lunch,bar crumble,1,serving\n")
    parts = diary.parts.set_index("food_id")
    assert math.isnan(parts.loc["my:oat almond protein bar", "caffeine_mg"])  # not on the label
    assert parts.loc["01009", "caffeine_mg"] == 0.0
    # one serving is a quarter of (60 g bar + 100 g cheddar): 40 g; Ca (120 + 710) / 4
    assert diary.entries.iloc[0]["grams"] == 40.0
    assert diary.entries.iloc[0]["calcium_mg"] == pytest.approx((120 + 710) / 4)
    analysed = analyze(diary, settings=SMALL_DAYS).daily.iloc[0]
    assert analysed["caffeine_mg_unknown"] == 1  # the bar's part


def test_units_of_your_foods(tmp_path: Path) -> None:
    diary = _read(
        tmp_path,
        "2026-11-16,08:00,breakfast,my bar,2,\n"
        "2026-11-16,08:00,breakfast,kefir smoothie,1/2,cup\n"
        "2026-11-16,08:00,breakfast,kefir smoothie,250,ml\n"
        "2026-11-16,19:00,dinner,Sunday chili,1,full recipe\n"
        "2026-11-16,21:00,,calcium tablet,500,mg\n",
    )
    grams = diary.entries["grams"].tolist()
    assert grams[:3] == pytest.approx([120.0, 125.0, 250 / 236.5882365 * 250])  # cup = 250 g
    assert grams[3] == 900.0  # the whole pot
    assert diary.rejected["status"].tolist() == ["unknown_unit"]
    assert diary.rejected["reason"].tolist() == [
        "unknown unit 'mg' for 'Calcium 600'; this food has: tablet, serving"
    ]


def test_supplement_flags(tmp_path: Path) -> None:
    diary = _read(
        tmp_path,
        "2026-11-16,08:00,breakfast,whole milk,1,cup\n"
        "2026-11-16,08:00,breakfast,magnesium capsule,2,capsules\n"
        "2026-11-16,21:00,,calcium tablet,2,tablets\n",
    )
    flags = {f.code: f for f in analyze(diary, settings=SMALL_DAYS).flags}
    dose = flags["calcium_supplement_dose"]
    # 2 x 1500 mg x 0.40044 = 1,201 mg at once
    assert dose.message == (
        "2026-11-16: 1,201 mg of supplement calcium at once: absorption falls as the calcium "
        "taken at once rises, so doses of at most 500 mg, spread over the day, are absorbed "
        "better."
    )
    assert (dose.level, dose.confidence) == ("info", "S")
    magnesium = flags["magnesium_supplement_above_ul"]
    assert magnesium.message == (
        "2026-11-16: magnesium 400 mg from supplements is above the Tolerable Upper Intake "
        "Level of 350 mg for magnesium from supplements and medications (food magnesium does "
        "not count toward it)."
    )  # 2 capsules x 200 mg; the adult UL 350 mg (IOM 1997)
    assert "weekly_magnesium_supplement_above_ul" in flags


def test_app_rows_keep_the_apps_nutrients(tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text(
        my_foods_example_path()
        .read_text()
        .replace("recipe,Sunday chili,chili,,", "recipe,Sunday chili,chili,red_meat,")
    )
    diary = read_diary(DATA / "myfoods" / "cronometer.csv", my_foods=mine)
    entries = diary.entries.set_index("food")
    assert diary.format == "cronometer_servings" and diary.parts.empty  # no split: app values
    assert entries.loc["Sunday chili", "calcium_mg"] == 950.0  # the app's, not the recipe's
    assert entries.loc["Sunday chili", "category"] == "red_meat"  # from your file
    assert entries.loc["Sunday chili", "grams"] == 900.0  # 1 full recipe
    assert entries.loc["Calcium 600", "supplement"] == "calcium carbonate"
    day = analyze(diary, settings=SMALL_DAYS).daily.iloc[0]
    assert day["calcium_supplement_mg"] == 600.0  # the app's 600 mg
    assert day["diuretic_load_red_meat_mg"] == pytest.approx(190 * 1.0 + 1100 * 40 / 2300)


def test_your_foods_come_first(tmp_path: Path) -> None:
    mine = tmp_path / "mine.csv"
    mine.write_text(f"{HEADER}\nfood,Farm milk,whole milk,dairy,100g,,,,,,,,,,125,\n")
    aliases = tmp_path / "aliases.csv"
    aliases.write_text("name,food_id\nwhole milk,01079\nfarm milk,01079\n")
    diary = tmp_path / "diary.csv"
    diary.write_text("date,food,amount,unit\n2026-11-16,whole milk,100,g\n")
    entries = read_diary(diary, my_foods=mine, aliases=aliases).entries
    # your food (125 mg Ca per 100 g) wins over your alias and over the USDA alias (01077)
    assert entries[["food_id", "match_method", "calcium_mg"]].values.tolist() == [
        ["my:farm milk", "my food", 125.0]
    ]
    without = read_diary(diary, aliases=aliases).entries
    assert without["match_method"].tolist() == ["alias (yours)"]


def test_cronometer_supplement_rows_are_supplements_without_a_my_foods_file(
    tmp_path: Path,
) -> None:
    # Cronometer's own Category "Supplements": the citrate's 630 mg (the app's value) is
    # supplement calcium in its form, the vitamin D a supplement of no stated mineral form;
    # the milk (the app's 293 mg) is food
    path = tmp_path / "cronometer.csv"
    path.write_text(
        "Day,Time,Group,Food Name,Amount,Energy (kcal),Calcium (mg),Phosphorus (mg),Category\n"
        '2026-11-09,07:30,Breakfast,"Milk, 2%",1.00 cup,122,293.00,224.00,Dairy and Egg Products\n'
        "2026-11-09,07:35,Breakfast,Vitamin D,4.00 x 1000.0 IU,0,,,Supplements\n"
        "2026-11-09,07:35,Breakfast,Calcium Citrate,2.00 tablet,0,630.00,,supplements\n",
        encoding="utf-8",
    )
    diary = read_diary(path)
    forms = diary.entries.set_index("food")["supplement"]
    assert forms.to_dict() == {
        "Milk, 2%": "",
        "Vitamin D": "form not stated",
        "Calcium Citrate": "calcium citrate",
    }
    day = analyze(diary, settings=SMALL_DAYS).daily.iloc[0]
    assert day["calcium_supplement_mg"] == 630.0
    assert day["calcium_mg"] == 293.0 + 630.0
