"""General rules of the matcher (issue 10, second round), each shown on real SR28 foods.

Each rule is a mechanism, not a word list: a class word the core repeats, a dish that is the
only form of a food, a side that is one thing, a qualifier no form of a food has, the maker
of an app name, a food of the food survey among equal siblings, the form a can implies, the
default canned form, and the ``part`` match of a coffee-shop milk drink. The ids are SR28's
(``foods.csv``).
"""

from __future__ import annotations

import pandas as pd
import pytest

from analyzer.foods.match_result import confidence_of
from analyzer.foods.names import parse_name
from analyzer.foods.table import FoodMatcher, default_matcher, load_foods


@pytest.fixture(scope="module")
def matcher() -> FoodMatcher:
    return default_matcher()


@pytest.fixture(scope="module")
def without_aliases() -> FoodMatcher:
    """The matcher on all of SR28 with no curated alias: the rules alone."""
    return FoodMatcher(load_foods(), None)


def _matcher(rows: list[tuple[str, str, str]]) -> FoodMatcher:
    return FoodMatcher(
        pd.DataFrame(
            {
                "id": [i for i, _, _ in rows],
                "description": [d for _, d, _ in rows],
                "food_group": [g for _, _, g in rows],
                "category": ["other"] * len(rows),
            }
        )
    )


@pytest.mark.parametrize(
    ("name", "food_id"),
    [
        # "Nuts, cashew nuts": the core's "nut" repeats the class, a name need not say it
        ("Cashews, Dry Roasted, Salted", "12585"),
        ("fish fingers", "15027"),  # "Fish, fish sticks": the form word names the core
    ],
)
def test_a_core_word_repeating_the_class_need_not_be_named(
    matcher: FoodMatcher, name: str, food_id: str
) -> None:
    assert matcher.match(name).food_id == food_id


def test_a_dish_is_the_food_where_sr28_has_it_only_as_that_dish() -> None:
    m = _matcher(
        [
            ("06440", "Soup, minestrone, canned, prepared with equal volume water", "Soups"),
            ("16015", "Beans, black, mature seeds, cooked, boiled, without salt", "Legumes"),
            ("06402", "Soup, black bean, canned, prepared with equal volume water", "Soups"),
            ("43015", "Salad dressing, caesar dressing, regular", "Fats and Oils"),
        ]
    )
    assert m.match("minestrone").food_id == "06440"  # only a soup: the soup
    assert m.match("black beans").food_id == "16015"  # beans beside the bean soup
    assert m.match("black bean soup").food_id == "06402"
    assert m.match("caesar salad").food_id is None  # a dressing is never what it is for


def test_a_side_weighs_as_one_thing(matcher: FoodMatcher) -> None:
    # "cream cheese" is one side, not two words the bagel leaves unexplained
    assert matcher.match("a bagel with cream cheese").food_id in {"18001", "18406"}


def test_a_word_no_form_of_the_food_has_is_a_qualifier(matcher: FoodMatcher) -> None:
    # no almond food says "whole": a qualifier for almonds; "sea" names a kind of bass
    assert matcher.match("Blue Diamond - Whole Natural Almonds, 1 oz").food_id == "12061"
    assert matcher.match("sea bass").food_id == "15092"


def test_sr28_calcium_fortified_phrases_are_one_word(matcher: FoodMatcher) -> None:
    # "with added ascorbic acid and calcium" is SR28's calcium-fortified grape juice
    assert matcher.match("Grape juice, 100%, with calcium added").food_id == "09512"


def test_a_first_part_of_brand_only_words_is_the_maker(matcher: FoodMatcher) -> None:
    parsed = parse_name(
        "Chobani, Greek Yogurt, Plain, Non-Fat",
        matcher._index.known,
        matcher._index.brand_only,
    )
    assert parsed.head == "yogurt" and "chobani" in parsed.brand
    assert matcher.match("Chobani, Greek Yogurt, Plain, Non-Fat").food_id == "01256"


@pytest.mark.parametrize(
    ("name", "head", "maker"),
    [
        ("Spinach - Cooked, Boiled, Drained", "spinach", False),  # the rest names no food
        ("Coffee - Brewed from grounds", "coffee", False),
        ("Taco Bell - Bean Burrito", "burrito", True),  # the rest names a food
        ("Kirkland - Ground Beef 85/15", "beef", True),
    ],
)
def test_an_app_names_first_part_is_the_maker_unless_it_is_the_food(
    matcher: FoodMatcher, name: str, head: str, maker: bool
) -> None:
    index = matcher._index
    parsed = parse_name(name, index.known, index.brand_only, index.generic_food_nouns)
    assert parsed.head == head
    assert (name.split(" - ")[0].split()[0].lower() in parsed.brand) is maker


def test_an_unknown_product_after_a_maker_is_not_the_makers_other_food(
    matcher: FoodMatcher,
) -> None:
    match = matcher.match("Ocean Spray - Zorbleberry Crunch")
    assert match.food_id is None
    assert "zorbleberry" in match.reason


def test_only_one_word_parts_join_an_or_list() -> None:
    parsed = parse_name("Orange juice, 100%, with calcium added, canned, bottled or in a carton")
    assert parsed.alternatives == (frozenset({"canned", "bottled", "carton"}),)


def test_lean_and_fat_eaten_is_a_cut_not_a_combination(matcher: FoodMatcher) -> None:
    assert "combination" not in parse_name("Corned beef, cooked, lean and fat eaten").flags
    assert matcher.match("Corned beef, cooked, lean and fat eaten").food_id == "13347"


def test_canned_fruit_is_solids_and_liquids_unless_drained(matcher: FoodMatcher) -> None:
    assert matcher.match("Peaches in heavy syrup, 1/2 cup").food_id == "09241"
    assert matcher.match("peaches, canned, heavy syrup, drained").food_id == "09370"


def test_a_can_of_a_food_is_the_canned_food(matcher: FoodMatcher) -> None:
    assert matcher.match("1 can coconut milk").food_id == "12118"  # canned
    assert matcher.match("coconut milk").food_id != "12118"


def test_a_food_of_the_food_survey_ranks_first_among_equal_siblings(
    without_aliases: FoodMatcher,
) -> None:
    # with no alias to say so: white mushrooms (a survey food), not morels; the whole egg,
    # not its yolk
    assert without_aliases.match("1 cup sliced mushrooms").food_id == "11260"
    assert without_aliases.match("eggs, raw").food_id == "01123"


def test_a_coffee_shop_milk_drink_is_its_milk_and_says_what_is_left_out(
    matcher: FoodMatcher,
) -> None:
    match = matcher.match("large latte")
    assert (match.food_id, match.method, match.confidence) == ("01079", "part", "low")
    assert "espresso" in match.reason and "63 mg" in match.reason
    assert confidence_of("part", 100.0) == "low"
    assert matcher.match("espresso").method == "alias"  # the shots, logged on their own


def test_a_supplements_dose_is_no_amount(matcher: FoodMatcher) -> None:
    assert matcher.match("Fish oil 1000 mg").food_id is None
