"""Household measures on the bundled tables: servings, vessels, siblings, dimensions.

Expected grams are computed by hand from SR28 WEIGHT.txt (``analyzer/data/portions.csv``)
and the stated defaults of ``data/serving_sizes.csv`` and ``data/household_measures.csv``.
"""

from __future__ import annotations

import pytest

from analyzer.foods.household import FoodFacts, dimension, load_rules
from analyzer.foods.quantities import ML_PER_US_CUP, ML_PER_US_FL_OZ, parse_amount
from analyzer.foods.table import load_foods
from analyzer.foods.units import default_converter, grams_per_unit


@pytest.mark.parametrize(
    ("food_id", "unit", "grams"),
    [
        # "serving": a USDA serving portion wins (ice cream "serving 1/2 cup" = 66 g) ...
        ("19095", "serving", 66.0),
        ("09040", "serving", 126.0),  # banana "NLEA serving"
        # ... else the FDA reference amount: nuts 30 g, yogurt 170 g, cottage cheese 110 g
        ("12061", "serving", 30.0),
        ("01116", "serving", 170.0),
        ("01012", "serving", 110.0),
        # milk 240 ml x 244 g per 236.588 ml (01079 cup) = 247.52 g
        ("01079", "serving", 240 * 244 / ML_PER_US_CUP),
        # nut butter 2 tbsp: 01698's "2 tbsp = 32 g" (16098 peanut butter)
        ("16098", "serving", 32.0),
        # beer: NIAAA 12 fl oz x 29.7 g (14003 "fl oz")
        ("14003", "serving", 12 * 29.7),
    ],
)
def test_serving_is_the_labelled_serving(food_id: str, unit: str, grams: float) -> None:
    assert grams_per_unit(food_id, unit) == pytest.approx(grams, rel=1e-6)


def test_fda_serving_size_is_a_serving() -> None:
    # 1.20 FDA Serving Size of 2% milk: 1.2 x 240 ml x 244 / 236.588 = 297.02 g
    amount = parse_amount("1.20 FDA Serving Size")
    grams = amount.quantity * grams_per_unit("01079", amount.unit)
    assert grams == pytest.approx(1.2 * 240 * 244 / ML_PER_US_CUP)


@pytest.mark.parametrize(
    ("food_id", "unit", "grams"),
    [
        ("01077", "glass", 244.0),  # 8 fl oz = 1 cup of whole milk, 244 g
        ("14096", "glass", 5 * 29.4),  # a glass of wine: 5 fl oz x 29.4 g (14096 "fl oz")
        ("14003", "bottle", 12 * 29.7),  # a bottle of beer: 12 fl oz
        ("14148", "bottle", 20 * 30.7),  # a soft-drink bottle: 20 fl oz x 30.7 g
        ("14148", "can", 370.0),  # USDA's own "can or bottle (12 fl oz)" names a can first
        ("01077", "mug", 1.5 * 244.0),  # 12 fl oz
        ("08013", "bowl", 1.5 * 28.0),  # ready-to-eat cereal: 1.5 cups x 28 g
        ("08121", "bowl", 234.0),  # hot oatmeal: 1 cup
        ("19095", "scoop", 66.0),  # 1/2 cup through "serving 1/2 cup" = 66 g
        ("12061", "handful", 28.349523125),  # nuts: 1 oz
        ("09132", "handful", 151.0 / 3 * 0.999),  # grapes: 0.333 cup x 151 g
        ("14210", "shot", 29.6),  # espresso: 1 fl oz x 29.6 g (14210 "fl oz")
    ],
)
def test_household_vessels(food_id: str, unit: str, grams: float) -> None:
    assert grams_per_unit(food_id, unit) == pytest.approx(grams, rel=1e-3)


@pytest.mark.parametrize(
    ("food_id", "unit", "grams"),
    [
        # a fried egg has only "large": medium and small come from the raw egg (01123)
        ("01128", "medium", 44.0),
        ("01128", "small egg", 38.0),
        ("01129", "jumbo", 63.0),
        # cooked carrots have "carrot" (46 g); "medium carrot" is the raw carrot's medium
        ("11125", "medium carrot", 61.0),
    ],
)
def test_sizes_borrowed_from_the_raw_sibling(food_id: str, unit: str, grams: float) -> None:
    assert grams_per_unit(food_id, unit) == pytest.approx(grams)


def test_siblings_are_the_same_food_in_another_state() -> None:
    facts = FoodFacts(load_foods())
    assert facts.siblings("01128")[0] == "01123"  # fried egg -> raw egg first
    assert "01125" not in facts.siblings("01128")  # not the yolk


@pytest.mark.parametrize(
    ("food_id", "amount", "grams"),
    [
        ('1.00 medium - 2 5/8" dia', "09200", 131.0),  # orange "fruit (2-5/8" dia)"
        ('1.00 whole - 3 1/2" diameter', "09003", 223.0),  # nearest: large (3-1/4" dia)
        ('1.00 small - 2 3/4" dia', "09003", 149.0),
        # a 12" pizza slice: 14" pizza slice 107 g x (12/14)^2 = 78.61 g
        ('1 slice - 12" diameter', "21299", 107.0 * (12 / 14) ** 2),
        ('1 pizza (12" diameter)', "21299", 853.0 * (12 / 14) ** 2),
    ],
)
def test_sizes_matched_on_the_dimension(food_id: str, amount: str, grams: float) -> None:
    parsed = parse_amount(food_id)
    assert parsed.quantity * grams_per_unit(amount, parsed.unit) == pytest.approx(grams)


def test_dimension_reads_inches() -> None:
    assert dimension('medium - 2 5/8" dia') == (2.625, "dia")
    assert dimension('small (5-1/2" long)') == (5.5, "long")
    assert dimension("12 inch pizza") == (12.0, "dia")
    assert dimension("cup, chopped") is None


def test_count_units() -> None:
    assert grams_per_unit("09037", "half") == pytest.approx(201.0 / 2)  # half an avocado
    assert grams_per_unit("05100", "wing") == pytest.approx(107.0)  # a wing of "piece" 107 g
    assert grams_per_unit("10862", "strip") == pytest.approx(11.5)  # a strip is a slice
    assert grams_per_unit("09195", "olive") == pytest.approx(2.7)
    assert grams_per_unit("11135", "floret") == pytest.approx(13.0)  # cauliflower floweret


def test_the_portion_listed_for_the_quantity() -> None:
    # tofu: "0.25 block" = 81 g (324 g a block) and "0.2 block" = 91 g (455 g a block)
    converter = default_converter()
    assert converter.grams_per_unit("16126", "block", quantity=0.2) * 0.2 == pytest.approx(91)
    assert converter.grams_per_unit("16126", "block", quantity=0.25) * 0.25 == pytest.approx(81)


def test_cup_qualifiers_choose_the_density() -> None:
    # walnuts: "cup pieces or chips" 120 g, "cup, ground" 80 g, "cup, chopped" 117 g
    assert grams_per_unit("12155", "cup, whole pieces") == pytest.approx(120.0)
    assert grams_per_unit("12155", "cup, ground") == pytest.approx(80.0)
    # raisins: "cup (not packed)" 145 g before "cup, packed" 165 g
    assert grams_per_unit("09298", "cup") == pytest.approx(145.0)


def test_oz_on_any_drink_is_a_fluid_ounce() -> None:
    assert grams_per_unit("14003", "oz") == pytest.approx(29.7)  # beer
    # kefir has no USDA portion: whole milk's density, 244 g / 236.588 ml
    assert grams_per_unit("01289", "oz") == pytest.approx(244 / ML_PER_US_CUP * ML_PER_US_FL_OZ)
    assert grams_per_unit("01116", "oz") == pytest.approx(28.349523125)  # yogurt: by weight
    assert grams_per_unit("01289", "oz wt") == pytest.approx(28.349523125)


def test_every_rule_has_a_source_and_a_known_unit() -> None:
    for table in ("serving_sizes.csv", "household_measures.csv"):
        for rule in load_rules(table):
            assert rule.source.strip()
            assert rule.amount > 0
            assert rule.unit in {"g", "ml", "fl oz", "oz", "cup", "tbsp", "tsp"}
