"""Makers' product names, forms implied by the amount or the survey's wording, common
British names, and candidate scores that read best first (the real foods.csv).

Expected SR28 ids were read from foods.csv by hand; ``None`` means the name must stay
unmatched.
"""

from __future__ import annotations

import pytest

from analyzer.foods.table import default_matcher

#: App names whose maker says which product it is, or whose food part names no food.
MAKER_NAMES: dict[str, str | None] = {
    # a product's own name is no generic food: not "Rice, white, ... cooked"
    "Kellogg's - Rice Krispies, 30 g": "08065",  # Cereals ready-to-eat, KELLOGG'S RICE KRISPIES
    # after a maker, words that name no food are the maker's product, which SR28 lacks:
    # not "Cranberry juice, unsweetened"
    "Almond Breeze - Original Unsweetened, 1 cup": None,
    # a maker's product where SR28 has it: its own soymilk
    "Silk Soy Milk": "16235",  # SILK Plain, soymilk
}

#: Names whose amount or survey wording says the form.
FORM_NAMES: dict[str, str] = {
    # a teaspoon of instant coffee is the powder, a cup the drink
    "Nescafe - Gold Instant Coffee, 1 tsp": "14214",  # coffee, instant, regular, powder
    "Instant Coffee, 1 cup": "14215",  # coffee, instant, regular, prepared with water
    # FNDDS "from dried": cooked from the dried beans, not the raw dry beans
    "Beans, pinto, from dried, fat added in cooking": "16043",  # cooked, boiled
    "Lentils, from dried": "16070",  # Lentils, mature seeds, cooked, boiled
    # FNDDS "made from ground" coffee is brewed, not instant
    "Coffee, made from ground, regular": "14209",
    # a dry mix prepared is a ready food: not the dry gelatin powder
    "jello": "19173",  # Gelatin desserts, dry mix, prepared with water
    # a pie, not "Spices, pumpkin pie spice" (a spice whose name holds the dish)
    "pumpkin pie": "18326",  # Pie, pumpkin, commercially prepared
}

#: Common British (and other) names of foods SR28 has (curated aliases, data/aliases.csv).
COMMON_NAMES: dict[str, str] = {
    "roast lamb": "17231",  # Lamb, domestic, leg, whole, lean and fat, 1/8" fat, roasted
    "crusty roll": "18353",  # Rolls, hard (includes kaiser)
    "bran flakes": "08029",  # Cereals ready-to-eat, POST Bran Flakes
    "mushy peas": "16086",  # Peas, split, mature seeds, cooked, boiled
    "soya yoghurt": "16252",  # SILK Plain soy yogurt
    "quark": "01014",  # Cheese, cottage, nonfat, uncreamed, dry
    "butter beans": "16072",  # Lima beans, large, mature seeds, cooked, boiled
    "oven chips": "11403",  # Potatoes, french fried, ..., frozen, home-prepared, oven heated
    "Coco Pops": "08014",  # KELLOGG'S COCOA KRISPIES, not cola ("pop")
    "granary bread": "28397",  # Bread, multi-grain; not a supplement ("multi")
    "cheesecake": "18147",  # Cheesecake commercially prepared
}


@pytest.mark.parametrize(
    ("name", "expected"), [*MAKER_NAMES.items(), *FORM_NAMES.items(), *COMMON_NAMES.items()]
)
def test_names(name: str, expected: str | None) -> None:
    match = default_matcher().match(name)
    assert match.food_id == expected, (match.description, match.reason)


def test_accented_names_match_as_plain_letters() -> None:
    matcher = default_matcher()
    assert matcher.match("crème fraîche").food_id == matcher.match("creme fraiche").food_id
    assert matcher.match("Jalapeño peppers").food_id == "11979"  # Peppers, jalapeno, raw


def test_gravy_is_not_the_dry_mix() -> None:
    # "Gravy, brown, dry" has 132 mg calcium per 100 g, a ready gravy about 5: a mix is not
    # the food as eaten when a ready form fits the name as well.
    match = default_matcher().match("gravy")
    assert match.food_id is not None
    assert "dry" not in str(match.description).lower()


@pytest.mark.parametrize("name", ["gravy", "cheddar cheese", "chicken soup", "yogurt", "rice"])
def test_candidate_scores_read_best_first(name: str) -> None:
    scores = default_matcher().candidates(name, limit=8)["score"].tolist()
    assert scores == sorted(scores, reverse=True)
