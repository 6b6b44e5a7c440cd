"""Names that carry their amount: one split for the matcher and the diary."""

from __future__ import annotations

import pytest

from analyzer.foods.name_amount import NameAmount, split_name
from analyzer.foods.quantities import parse_amount


@pytest.mark.parametrize(
    ("name", "food", "amount"),
    [
        # free text: a number, a glued unit, words for numbers, a vessel "of"
        ("2 eggs scrambled", "eggs scrambled", "2"),
        ("1 cup cooked lentils", "cooked lentils", "1 cup"),
        ("40g porridge oats", "porridge oats", "40 g"),
        ("1/2 cup rolled oats, dry", "rolled oats, dry", "1/2 cup"),
        ("a handful of almonds", "almonds", "1 handful"),
        ("handful of grapes", "grapes", "1 handful"),
        ("half a banana", "banana", "0.5"),
        ("half a tin of baked beans", "baked beans", "0.5 tin"),
        ("small bowl of rice", "rice", "1 small bowl"),
        ("large mug of black coffee", "black coffee", "1 large mug"),
        ("a small pear", "pear", "1 small"),
        ("2 rashers of bacon", "bacon", "2 rasher"),
        ("a couple of eggs", "eggs", "2"),
        # app names: the amount after the food
        ("Generic - Banana, 1 medium", "Generic - Banana", "1 medium"),
        ("Milk, whole, 1 cup", "Milk, whole", "1 cup"),
        (
            "Usda - Broccoli, cooked, boiled, drained, without salt, 1 cup, chopped",
            "Usda - Broccoli, cooked, boiled, drained, without salt",
            "1 cup, chopped",
        ),
        # a preparation word after the unit describes the food too
        ("Quaker - Old Fashioned Oats, 1/2 cup dry", "Quaker - Old Fashioned Oats, dry", None),
        # in parentheses, at the end, a decimal comma (the free-text shapes)
        ("steak (8oz)", "steak", "8oz"),
        ("milk 250 ml", "milk", "250 ml"),
        ("coke 12 fl oz", "coke", "12 fl oz"),
        ("1,5 cups milk", "milk", "1.5 cup"),
        # MyFitnessPal's spellings of a serving, in the parser's
        ("Sweet Potato Soup, 2 serving(s)", "Sweet Potato Soup", "2 serving"),
        (
            "Starbucks - Caffe Latte - Grande, 16 fl. oz",
            "Starbucks - Caffe Latte - Grande",
            "16 fl oz",
        ),
        (
            "Angus Beef - Hamburger Patty 1/3 lb, 1 patty 151g.",
            "Angus Beef - Hamburger Patty 1/3 lb",
            "1 patty (151g)",
        ),
    ],
)
def test_split_name(name: str, food: str, amount: str | None) -> None:
    split = split_name(name)
    assert split.food == food
    if amount is not None:
        assert split.amount == amount
        parse_amount(split.amount)  # every amount it gives is one the parser reads


@pytest.mark.parametrize(
    "name",
    [
        "2% milk",  # a share, not an amount
        "Milk, reduced fat, fluid, 2% milkfat",
        'Fast Food, Pizza Chain, 14" pizza, cheese topping',  # a size
        "12 grain bread",
        "half and half",  # a cream
        "Beef, ground, 80% lean meat / 20% fat, raw",
        "whole milk",
        'Hand Tossed Pepperoni Pizza (14")',  # a size in parentheses
        "Chickpeas (garbanzo beans, bengal gram), mature seeds",
    ],
)
def test_names_without_an_amount_are_left_whole(name: str) -> None:
    assert split_name(name) == NameAmount(food=" ".join(name.split()))


def test_amount_words_without_a_number_are_kept_as_written() -> None:
    assert split_name("a few strawberries") == NameAmount("strawberries", None, "a few")
    assert split_name("some almonds") == NameAmount("almonds", None, "some")
