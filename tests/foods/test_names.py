"""analyzer.foods.names: names as people write them, normalised and parsed."""

from __future__ import annotations

import pytest

from analyzer.foods.names import normalize_name, parse_name, segments, singular

# --- foodnames: normalisation --------------------------------------------------------------


@pytest.mark.parametrize(
    ("word", "expected"),
    [
        ("berries", "berry"),
        ("potatoes", "potato"),
        ("peaches", "peach"),
        ("greens", "green"),
        ("collards", "collard"),
        ("hummus", "hummus"),
        ("swiss", "swiss"),
        ("leaves", "leaf"),
        ("2%", "2%"),
    ],
)
def test_singular(word: str, expected: str) -> None:
    assert singular(word) == expected


def test_segments_keep_parentheses_whole() -> None:
    assert segments("Cabbage, chinese (pak-choi), raw") == [
        "Cabbage",
        "chinese (pak-choi)",
        "raw",
    ]


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Organic Collard Greens", "collard"),
        ("Hard-Boiled Eggs", "hard boiled egg"),
        ("Bok Choy", "chinese pak choi cabbage"),
        ("Garbanzo Beans", "chickpea"),
        ("Coca-Cola", "cola"),
        ("Publix Whole Milk", "whole milk"),
    ],
)
def test_normalize_name(name: str, key: str) -> None:
    assert normalize_name(name) == key


def test_parse_name_head_noun_and_modifiers() -> None:
    parsed = parse_name("Frozen Spinach, Organic")
    assert parsed.head == "spinach"
    assert parsed.preparation == ("frozen",)
    assert parsed.brand == ("organic",)
    swapped = parse_name("Sweet Potato, Baked")
    assert (swapped.head, swapped.content, swapped.preparation) == (
        "potato",
        ("sweet", "potato"),
        ("baked",),
    )


def test_parse_name_leading_unknown_part_is_a_brand() -> None:
    parsed = parse_name("Acme, Sharp Cheddar, Slices", known={"sharp", "cheddar", "cheese"})
    assert parsed.brand == ("acme",)
    assert parsed.head == "cheddar"
    assert parsed.form == ("slice",)


@pytest.mark.parametrize(
    ("name", "flag"),
    [
        ("Vitamin D3 2000 IU", "supplement"),
        ("Magnesium glycinate", "supplement"),
        ("Zinc", "supplement"),
        ("Creatine Monohydrate", "supplement"),
        ("Sunday stew", "personal"),
        ("Smoothie June 3", "personal"),
        ("Mom's lasagna", "personal"),
    ],
)
def test_parse_name_flags_non_foods(name: str, flag: str) -> None:
    assert flag in parse_name(name).flags


def test_vitamin_d_milk_is_food_not_supplement() -> None:
    assert parse_name("vitamin D milk").flags == frozenset()
