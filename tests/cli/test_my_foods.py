"""``--foods FILE``, the default my-foods file and ``analyzer foods check``: every bad line of
a my-foods file gets one message (file, line, column, value, fix) and exit code 1.

Real data: foods.csv and the USDA portions (whole milk 01077, 1 cup = 244 g, Ca 113 mg/100 g).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.diary import read_diary
from analyzer.errors import MyFoodsFileError
from analyzer.examples import my_foods_example_path

HEADER = (
    "kind,name,aliases,category,per,serving_g,serving_unit,yield_g,yield_servings,"
    "ingredient,amount,unit,compound,compound_mg,calcium_mg,protein_g"
)
DIARY = "date,food,amount,unit\n2026-11-16,whole milk,1,cup\n"


def _check(tmp_path: Path, *rows: str) -> tuple[int, list[str], str]:
    """Run ``foods check`` on a file of ``rows``; exit code, stderr lines and the path."""
    path = tmp_path / "mine.csv"
    path.write_text("\n".join([HEADER, *rows]) + "\n")
    result = CliRunner().invoke(cli, ["foods", "check", str(path)])
    assert result.stdout == "" or result.exit_code == 0
    return result.exit_code, result.stderr.splitlines(), str(path)


def test_an_unknown_kind(tmp_path: Path) -> None:
    code, lines, path = _check(tmp_path, "snack,Trail mix,,,100g,,,,,,,,,,80,")
    assert code == 1
    assert lines == [
        f"Error: {path} line 2, column kind: unknown kind ('snack'); use food, recipe or "
        "supplement"
    ]


def test_a_negative_and_a_non_numeric_nutrient(tmp_path: Path) -> None:
    code, lines, path = _check(tmp_path, "food,Granola,,,100g,,,,,,,,,,-5,lots")
    assert code == 1
    assert lines == [
        f"Error: {path} line 2, column calcium_mg: negative ('-5'); give 0 or more",
        f"{path} line 2, column protein_g: not a number ('lots'); write a plain number such as "
        "120 or 1.5",
    ]


def test_a_recipe_without_yield(tmp_path: Path) -> None:
    code, lines, path = _check(
        tmp_path, "recipe,Soup,,,,,,,,,,,,,,", ",,,,,,,,,carrots raw,2,medium"
    )
    assert code == 1
    assert lines == [
        f"Error: {path} line 2, column yield_g: recipe 'Soup' has no yield (''); give yield_g "
        "(its weight when done) and/or yield_servings"
    ]


def test_ingredients_that_cannot_be_matched_or_weighed(tmp_path: Path) -> None:
    code, lines, path = _check(
        tmp_path,
        "recipe,Stew,,,,,,800,4,,,,,,,",
        ",,,,,,,,,unobtainium,100,g",
        ",,,,,,,,,whole milk,2,furlongs",
    )
    assert code == 1
    assert lines == [
        f"Error: {path} line 3, column ingredient: no food matches this ingredient "
        "('unobtainium'); name a USDA food (`analyzer foods search NAME`) or one of your "
        "foods, or give it an alias (--aliases)",
        f"{path} line 4, column unit: unknown unit for 'whole milk' ('furlongs'); use one of "
        "the units it has: g, kg, mg, oz, lb, ml, l, tsp, tbsp, fl oz, cup, pint and 1 more",
    ]


def test_a_recipe_cycle(tmp_path: Path) -> None:
    code, lines, path = _check(
        tmp_path,
        "recipe,Bowl A,,,,,,300,,,,,,,,",
        ",,,,,,,,,Bowl B,1,serving",
        "recipe,Bowl B,,,,,,300,2,,,,,,,",
        ",,,,,,,,,Bowl A,100,g",
        "recipe,Self,,,,,,100,,,,,,,,",
        ",,,,,,,,,self,50,g",
    )
    assert code == 1
    assert lines == [
        f"Error: {path} line 5, column ingredient: a recipe cycle: Bowl A -> Bowl B -> Bowl A "
        "('Bowl A'); a recipe cannot contain itself, directly or through another",
        f"{path} line 7, column ingredient: a recipe cycle: Self -> Self ('self'); a recipe "
        "cannot contain itself, directly or through another",
    ]


def test_duplicate_names_and_aliases(tmp_path: Path) -> None:
    code, lines, path = _check(
        tmp_path,
        "food,Granola,my granola,,100g,,,,,,,,,,50,",
        "food,granola,,,100g,,,,,,,,,,100,",
        "food,Muesli,My Granola,,100g,,,,,,,,,,60,",
    )
    assert code == 1
    assert lines == [
        f"Error: {path} line 3, column name: duplicate name ('granola'); give each name once "
        "(line 2 has it too)",
        f"{path} line 4, column aliases: duplicate name ('My Granola'); give each name once "
        "(line 2 has it too)",
    ]


def test_supplement_problems(tmp_path: Path) -> None:
    code, lines, path = _check(
        tmp_path,
        "supplement,Calcium X,,,unit,,tablet,,,,,,calcium orotate,500,,",
        "supplement,Calcium Y,,,serving,,,,,,,,,,,",
    )
    assert code == 1
    assert lines == [
        f"Error: {path} line 2, column compound: unknown compound ('calcium orotate'); use one "
        "of calcium carbonate, calcium citrate, calcium citrate malate, calcium phosphate, "
        "calcium lactate, calcium gluconate, magnesium oxide, magnesium citrate, magnesium "
        "glycinate, potassium chloride, potassium citrate, or give the elemental amounts "
        "(calcium_mg, ...) instead",
        f"{path} line 3, column per: a supplement's nutrients are per unit ('serving'); write "
        "per: unit, and the unit in serving_unit (tablet, capsule, ...)",
        f"{path} line 3, column serving_unit: no serving_unit for 'Calcium Y' (''); name the "
        "unit the amounts are per: tablet, capsule, scoop, ml",
        f"{path} line 3, column calcium_mg: no amount for supplement 'Calcium Y' (''); give "
        "calcium_mg (or another mineral) per unit, or compound and compound_mg",
    ]


def test_values_nothing_can_hold(tmp_path: Path) -> None:
    # 100 g of anything holds at most 100,000 mg of a mineral and (with a tenth for a
    # label's rounding) 110 g of protein; a serving of 20 g with 25 g protein is 125 g per
    # 100 g; a tablet of 5,000,000 mg calcium carbonate gives 5,000,000 x 0.40044 =
    # 2,002,200 mg calcium (fraction 40.078 / 100.086 = 0.40044), over the 30,000 mg one serving
    # or unit may hold
    code, lines, path = _check(
        tmp_path,
        "food,Weird,,,100g,,,,,,,,,,9999999,",
        "food,Shake,,,serving,20,scoop,,,,,,,,100,25",
        "supplement,Calcium big,,,unit,,tablet,,,,,,calcium carbonate,5000000,,",
        "food,Fine,,,serving,30,scoop,,,,,,,,500,27",
    )
    fix = (
        "check the number and its unit (mg, not micrograms; per 100 g or per serving as the "
        "per column says)"
    )
    assert code == 1
    assert lines == [
        f"Error: {path} line 2, column calcium_mg: more than 100 g of anything can hold (at "
        f"most 100,000 mg) ('9999999'); {fix}",
        f"{path} line 3, column protein_g: more than 100 g of anything can hold (at most 22 g) "
        f"('25'); {fix}",
        f"{path} line 4, column compound_mg: gives 2,002,200 mg of calcium, more than one "
        f"serving or unit can hold (at most 30,000 mg) ('5000000'); {fix}",
    ]


def test_a_diary_command_stops_on_a_bad_file(tmp_path: Path) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text(DIARY)
    bad = tmp_path / "mine.csv"
    bad.write_text(HEADER + "\nsnack,Trail mix,,,100g,,,,,,,,,,80,\n")
    result = CliRunner().invoke(cli, ["entries", str(diary), "--foods", str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: {bad} line 2, column kind: unknown kind ('snack'); use food, recipe or supplement"
    ]


def test_a_missing_or_headerless_file(tmp_path: Path) -> None:
    with pytest.raises(MyFoodsFileError, match="no such file"):
        read_diary(DIARY_PATH(tmp_path), my_foods=tmp_path / "nope.csv")
    headless = tmp_path / "headless.csv"
    headless.write_text("food,Granola\n")
    with pytest.raises(MyFoodsFileError, match="lacks the columns kind and name"):
        read_diary(DIARY_PATH(tmp_path), my_foods=headless)


def DIARY_PATH(tmp_path: Path) -> Path:
    path = tmp_path / "diary.csv"
    path.write_text(DIARY)
    return path


def test_foods_check_shows_what_each_name_resolves_to() -> None:
    result = CliRunner().invoke(cli, ["foods", "check", str(my_foods_example_path())])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].endswith("my_foods.csv: 1 food, 1 recipe, 2 supplements; every line is fine")
    assert "  whole recipe 900 g, 6 servings of 150 g" in lines
    assert (
        "  - onion, 1 medium = 110.0 g: 11282 Onions, raw (alias, high)" in lines
    )  # 1 medium onion is USDA's 110 g portion
    # 1500 mg x 0.40044 = 600.66 mg of calcium per tablet
    assert any(
        line.startswith("  per tablet: energy 0 kcal") and "calcium 600.7 mg" in line
        for line in lines
    )


def test_foods_check_as_json() -> None:
    result = CliRunner().invoke(
        cli, ["foods", "check", str(my_foods_example_path()), "--format", "json"]
    )
    assert result.exit_code == 0
    items = {item["name"]: item for item in json.loads(result.stdout)}
    assert items["Sunday chili"]["batch_g"] == 900.0
    assert [i["food_id"] for i in items["Sunday chili"]["ingredients"]] == [
        "23575",
        "16033",
        "11282",
        "01009",
    ]
    assert items["Oat almond protein bar"]["per_100_g"]["calcium_mg"] == 200.0  # 120 / 60 g
    assert items["Oat almond protein bar"]["per_100_g"]["caffeine_mg"] is None  # unknown
    assert items["Magnesium 200"]["per_unit"]["magnesium_mg"] == 200.0


def test_the_default_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    diary = tmp_path / "diary.csv"
    diary.write_text("date,food,amount,unit\n2026-11-16,my bar,1,bar\n")
    monkeypatch.setenv("ANALYZER_FOODS", str(my_foods_example_path()))
    result = CliRunner().invoke(cli, ["entries", str(diary), "--format", "json"])
    assert result.exit_code == 0
    row = json.loads(result.stdout)[0]
    assert (row["match_method"], row["grams"], row["calcium_mg"]) == ("my food", 60.0, 120.0)
