"""The examples of issue 10, on the real tables: each name reaches the right food and grams.

SR28 values (per 100 g) and portions used: 01040 Swiss cheese (Ca 890); 05013 chicken meat,
roasted; 19095 vanilla ice cream, "serving 1/2 cup" = 66 g; 21299 pizza-chain 14" cheese
pizza, "slice" = 107 g.
"""

from __future__ import annotations

import pytest

from analyzer.foods.table import default_matcher, load_foods
from analyzer.foods.units import grams_per_unit


def test_emmental_is_swiss_cheese() -> None:
    match = default_matcher().match("emmental cheese")
    assert (match.food_id, match.description) == ("01040", "Cheese, swiss")


def test_halloumi_is_not_another_cheese() -> None:
    # SR28 has no halloumi: unmatched, with the reason, never blue cheese or feta
    match = default_matcher().match("halloumi cheese")
    assert match.food_id is None
    assert "halloumi" in match.reason


def test_roast_chicken_is_cooked_chicken() -> None:
    match = default_matcher().match("roast chicken")
    assert match.food_id is not None
    foods = load_foods().set_index("id")
    description = str(foods.loc[match.food_id, "description"])
    assert description.startswith("Chicken")
    assert "roasted" in description and "raw" not in description


def test_half_a_cup_of_ice_cream_is_the_usda_serving() -> None:
    match = default_matcher().match("ice cream")
    assert match.food_id == "19095"
    # USDA "1 serving 1/2 cup" = 66 g: 1/2 cup is 66 g
    assert 0.5 * grams_per_unit("19095", "cup") == pytest.approx(66.0)


def test_a_slice_of_cheese_pizza() -> None:
    match = default_matcher().match("cheese pizza")
    assert match.food_id == "21299"
    assert grams_per_unit(match.food_id, "slice") == pytest.approx(107.0)


@pytest.mark.parametrize(
    ("name", "food_id"),
    [
        ("courgette", "11477"),
        ("aubergine", "11209"),
        ("Cheese, Emmental", "01040"),
        ("<Brand> Greek yogurt, plain", "01256"),
        ("Onions, yellow or white, raw", "11282"),
        ("Tomato Raw, Includes Cherry, Grape, Roma", "11529"),
        ("Chicken, breast, skin removed before cooking, roasted", "05064"),
        ("Collards, cooked, from fresh, fat not added in cooking", "11162"),
        ("Generic - Banana, 1 medium", "09040"),
        ("2 eggs scrambled", "01132"),
    ],
)
def test_app_and_survey_names(name: str, food_id: str) -> None:
    assert default_matcher().match(name.replace("<Brand>", "Chobani")).food_id == food_id


def test_a_form_sr28_lacks_falls_back_to_the_nearest_sibling() -> None:
    match = default_matcher().match("frozen mango")
    assert (match.food_id, match.method, match.confidence) == ("09176", "sibling", "low")
    assert "frozen" in match.reason
