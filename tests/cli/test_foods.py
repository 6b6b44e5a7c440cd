"""CLI `analyzer foods search` and `analyzer foods show`, through click's CliRunner.

Expected nutrient values are SR28's per 100 g (foods.csv), portions are SR28 WEIGHT.txt.
"""

from __future__ import annotations

import json

import pytest
from click.testing import CliRunner

from analyzer.cli import cli


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_search_table(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "cheddar cheese", "--limit", "2"])
    assert result.exit_code == 0
    assert result.stdout == (
        "   id                    description category score method\n"
        "01009                Cheese, cheddar    dairy 100.0  alias\n"
        "01270 Cheese, cheddar, sharp, sliced    dairy 100.0  fuzzy\n"
    )


def test_search_csv(runner: CliRunner) -> None:
    result = runner.invoke(
        cli, ["foods", "search", "cheddar cheese", "-n", "2", "--format", "csv"]
    )
    assert result.exit_code == 0
    assert result.stdout == (
        "id,description,category,score,method\n"
        '01009,"Cheese, cheddar",dairy,100.0,alias\n'
        '01270,"Cheese, cheddar, sharp, sliced",dairy,100.0,fuzzy\n'
    )


def test_search_json_by_id(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "1009", "-n", "1", "--format", "json"])
    assert result.exit_code == 0
    assert json.loads(result.stdout) == [
        {
            "id": "01009",
            "description": "Cheese, cheddar",
            "category": "dairy",
            "score": 100.0,
            "method": "id",
        }
    ]


def test_search_cola_is_cola(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "cola", "-n", "3", "--format", "csv"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[1] == '14148,"Beverages, carbonated, cola, regular",soda,100.0,alias'
    assert "chocolate" not in result.stdout.lower()


def test_search_no_match_exits_1_with_suggestions(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "Egg Salad"])
    assert result.exit_code == 1
    assert result.stdout == ""
    # SR28 has no egg salad; ``egg`` after "with" is a side of the potato salad.
    assert result.stderr == (
        "Error: no food matches 'Egg Salad': no food with this name is close enough; "
        "did you mean 'Potato salad with egg'; 'TACO BELL, Taco Salad'; "
        "'Fast foods, taco salad'?\n"
    )


def test_search_supplement_has_no_food_suggestions(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "Creatine Monohydrate"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: no food matches 'Creatine Monohydrate': looks like a supplement or drug, "
        "not a food in USDA SR28\n"
    )


def test_search_unknown_word_message(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "zzzz"])
    assert result.exit_code == 1
    assert (
        result.stderr == "Error: no food matches 'zzzz': 'zzzz' is not a food word in USDA SR28\n"
    )


def test_search_bad_limit_is_usage_error(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "milk", "--limit", "0"])
    assert result.exit_code == 2


def test_show_blank_nutrient_is_unknown(runner: CliRunner) -> None:
    # SR28 11248: 106 kcal, 8.96 g protein, 25 mg Ca, 173 mg P, 37 mg Mg, 322 mg K, 11 mg Na,
    # caffeine not reported; WEIGHT.txt: 1 cup = 77 g
    result = runner.invoke(cli, ["foods", "show", "11248"])
    assert result.exit_code == 0
    assert result.stdout == (
        "11248  Lentils, sprouted, raw\n"
        "food group: Vegetables and Vegetable Products\n"
        "category: other\n"
        "\n"
        "Nutrients per 100 g:\n"
        "  nutrient per_100_g unit\n"
        "    energy       106 kcal\n"
        "   protein      8.96    g\n"
        "   calcium        25   mg\n"
        "phosphorus       173   mg\n"
        " magnesium        37   mg\n"
        " potassium       322   mg\n"
        "    sodium        11   mg\n"
        "  caffeine   unknown   mg\n"
        "\n"
        "Household portions:\n"
        "amount measure grams\n"
        "     1     cup    77\n"
    )


def test_show_whole_milk_without_leading_zero(runner: CliRunner) -> None:
    # SR28 01077 whole milk: 113 mg Ca and 84 mg P per 100 g; 1 cup = 244 g
    result = runner.invoke(cli, ["foods", "show", "1077"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "01077  Milk, whole, 3.25% milkfat, with added vitamin D"
    assert "   calcium       113   mg" in lines
    assert "phosphorus        84   mg" in lines
    assert "     1     cup   244" in lines


def test_show_json(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "show", "11248", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    assert data["per_100_g"]["calcium_mg"] == 25.0
    assert data["per_100_g"]["caffeine_mg"] is None
    assert data["portions"] == [{"amount": 1.0, "measure": "cup", "gram_weight": 77.0}]


def test_show_unknown_id(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "show", "99999"])
    assert result.exit_code == 1
    assert result.stderr == "Error: unknown food '99999'\n"


def test_show_accepts_a_common_name(runner: CliRunner) -> None:
    # "whole milk" is a curated alias of SR28 01077 (113 mg Ca, 84 mg P per 100 g)
    result = runner.invoke(cli, ["foods", "show", "whole milk"])
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0] == "01077  Milk, whole, 3.25% milkfat, with added vitamin D"
    assert "   calcium       113   mg" in lines


def test_show_accepts_an_exact_description_in_any_case(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "show", "cheese, CHEDDAR", "--format", "json"])
    assert result.exit_code == 0
    data = json.loads(result.stdout)
    # SR28 01009 cheddar: 710 mg Ca, 455 mg P per 100 g
    assert (data["id"], data["per_100_g"]["calcium_mg"]) == ("01009", 710.0)
    assert data["per_100_g"]["phosphorus_mg"] == 455.0


def test_show_inexact_name_exits_1_with_ids_to_use(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "show", "collard greens cooked"])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        "Error: unknown food 'collard greens cooked'; did you mean "
        "'11162 Collards, cooked, boiled, drained, without salt'; "
        "'11768 Collards, cooked, boiled, drained, with salt'; "
        "'11164 Collards, frozen, chopped, cooked, boiled, drained, without salt'?\n"
    )


def test_search_modifier_order_and_marketing_words(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "Frozen Spinach, Organic", "-n", "2"])
    assert result.exit_code == 0
    assert result.stdout == (
        "   id                                  description category score method\n"
        "11463 Spinach, frozen, chopped or leaf, unprepared   greens 100.0  fuzzy\n"
        "11457                                 Spinach, raw   greens  90.0  fuzzy\n"
    )


def test_search_brand_and_run_together_words(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "peanutbutter", "-n", "1", "--format", "csv"])
    assert result.exit_code == 0
    assert result.stdout == (
        "id,description,category,score,method\n"
        '16098,"Peanut butter, smooth style, with salt",other,100.0,fuzzy\n'
    )


def test_search_meal_name_is_not_a_food(runner: CliRunner) -> None:
    result = runner.invoke(cli, ["foods", "search", "Breakfast"])
    assert result.exit_code == 1
    assert result.stderr.startswith(
        "Error: no food matches 'Breakfast': a meal or diary-section name, not a food"
    )


@pytest.mark.parametrize("command", [["foods"], ["foods", "search"], ["foods", "show"]])
def test_help_has_example(runner: CliRunner, command: list[str]) -> None:
    result = runner.invoke(cli, [*command, "--help"])
    assert result.exit_code == 0
    assert "Example: analyzer foods " in result.stdout
