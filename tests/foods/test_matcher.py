"""analyzer.foods.matcher on tiny tables: exact, alias and head-noun matching, patterns
found in out-of-sample reviews, staples eaten cooked, sides and non-foods.
"""

from __future__ import annotations

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.foods.index import VARIANT_PENALTIES, FoodIndex
from analyzer.foods.names import normalize_name, parse_name
from analyzer.foods.table import (
    FoodMatch,
    FoodMatcher,
    default_matcher,
    find_food,
)
from tests.foods.conftest import TINY, TINY_ALIASES

# --- general patterns from the out-of-sample review, on tiny tables -----------------------


def _matcher(rows: list[tuple[str, str]]) -> FoodMatcher:
    return FoodMatcher(
        pd.DataFrame(
            {
                "id": [i for i, _ in rows],
                "description": [d for _, d in rows],
                "category": ["other"] * len(rows),
            }
        )
    )


def test_negated_description_words_do_not_match() -> None:
    m = _matcher(
        [("22911", "Chili, no beans, canned entree"), ("16059", "Chili with beans, canned")]
    )
    assert m.match("Chili with Beans").food_id == "16059"


def test_compound_naming_another_food_is_not_the_food() -> None:
    # "Salad dressing" is a dressing: never a caesar salad
    m = _matcher([("43015", "Salad dressing, caesar dressing, regular")])
    assert m.match("caesar salad").food_id is None
    assert m.match("caesar dressing").food_id == "43015"


def test_other_brands_product_needs_its_own_name() -> None:
    m = _matcher(
        [
            ("08015", "Cereals ready-to-eat, POST, COCOA PEBBLES"),
            ("08060", "Cereals ready-to-eat, KELLOGG, KELLOGG'S RAISIN BRAN"),
            ("19165", "Cocoa, dry powder, unsweetened"),
            ("14192", "Beverages, Cocoa mix, powder"),
            ("01105", "Milk, chocolate beverage, hot cocoa, homemade"),
        ]
    )
    assert m.match("cocoa").food_id == "19165"  # a cocoa cereal is not cocoa
    assert m.match("Raisin Bran").food_id == "08060"  # the product's name, maker left out
    assert m.match("Kellogg's Raisin Bran").food_id == "08060"


def test_run_together_and_split_words() -> None:
    m = _matcher(
        [
            ("16098", "Peanut butter, smooth style, with salt"),
            ("08121", "Cereals, oatmeal, cooked with water"),
        ]
    )
    assert m.match("peanutbutter").food_id == "16098"
    assert m.match("oat meal").food_id == "08121"


def test_packaging_variant_costs_only_where_a_plain_form_exists() -> None:
    # all tomato juice is canned: the generic canned juice beats a brand's juice
    m = _matcher(
        [
            ("31001", "CAMPBELL'S, Tomato juice"),
            ("11886", "Tomato juice, canned, without salt added"),
        ]
    )
    assert m.match("Tomato Juice").food_id == "11886"


def test_regional_foods_need_asking_for() -> None:
    m = _matcher(
        [
            ("35166", "Fish, salmon, red, (sockeye), canned, smoked (Alaska Native)"),
            ("15260", "Fish, salmon, pink, canned, drained solids"),
        ]
    )
    assert m.match("Canned Salmon").food_id == "15260"


@pytest.mark.parametrize("name", ["Breakfast", "Snacks", "Meal 1", "Daily total", "Quick Add"])
def test_meal_and_section_names_are_flagged(name: str) -> None:
    assert "meal" in parse_name(name).flags


@pytest.mark.parametrize("name", ["fish", "Fruit", "soup", "Nuts"])
def test_lone_class_noun_is_too_general(name: str) -> None:
    assert "vague" in parse_name(name).flags
    assert default_matcher().match(name).food_id is None


def test_meal_word_in_a_food_name_is_not_flagged() -> None:
    assert parse_name("Breakfast sausage").flags == frozenset()


@pytest.mark.parametrize(
    ("name", "key"),
    [
        ("Fage Total 0% Greek Yogurt", "total nonfat greek yogurt"),
        ("Starbucks Caffe Americano", "coffee brewed"),
        ("Mozzarella, part-skim", "mozzarella part skim"),
        ("semi-skimmed milk", "lowfat milk"),
        ("Venison burger", "ground deer"),
    ],
)
def test_normalize_regional_brand_and_fat_words(name: str, key: str) -> None:
    assert normalize_name(name) == key


# --- matcher on the tiny table -------------------------------------------------------------


def test_exact_id_with_or_without_leading_zero(tiny: FoodMatcher) -> None:
    for text in ("01009", "1009", " 1009 "):
        match = tiny.match(text)
        assert (match.food_id, match.method, match.score) == ("01009", "id", 100.0)


def test_exact_description_case_insensitive(tiny: FoodMatcher) -> None:
    match = tiny.match("COLLARDS, RAW")
    assert (match.food_id, match.method) == ("11161", "exact")


def test_alias_beats_fuzzy_and_unknown_alias_ids_are_ignored(tiny: FoodMatcher) -> None:
    assert (tiny.match("Coke").food_id, tiny.match("Coke").method) == ("14148", "alias")
    assert tiny.match("Organic Whole Milk").method == "alias"
    assert tiny.match("ghost food").food_id is None  # its id 99999 is not in the table


def test_common_names_only_where_unambiguous(tiny: FoodMatcher) -> None:
    # "besan" names one food -> alias; "bengal gram" appears on 16056 only -> alias;
    # "Includes USDA commodity B123" is a note, not a name.
    assert (tiny.match("besan").food_id, tiny.match("besan").method) == ("16157", "alias")
    assert tiny.match("bengal gram").food_id == "16056"
    assert tiny.match("Includes USDA commodity B123").method != "alias"


def test_cola_never_finds_chocolate_or_cocoa(tiny: FoodMatcher) -> None:
    found = tiny.candidates("cola", limit=5)
    assert found["id"].tolist() == ["14148"]


def test_head_noun_rejects_other_foods(tiny: FoodMatcher) -> None:
    # "cocoa" shares letters with "cola", "collards"; no candidate has head noun "chocolate"
    match = tiny.match("chocolate")
    assert match.food_id is None
    assert match.method == "none"


def test_cooked_picks_the_boiled_variant(tiny: FoodMatcher) -> None:
    assert tiny.match("collard greens cooked").food_id == "11162"
    assert tiny.match("Cooked Collards").food_id == "11162"
    assert tiny.match("collard greens").food_id == "11161"
    assert tiny.match("Frozen collards").food_id == "11163"


def test_synonym_and_plural(tiny: FoodMatcher) -> None:
    # garbanzo -> chickpea; the whole seed, not the flour (flour is an extra core word)
    assert tiny.match("garbanzo beans").food_id == "16056"
    assert tiny.match("Chickpeas").food_id == "16056"


def test_typo_is_corrected(tiny: FoodMatcher) -> None:
    assert tiny.match("chedar cheese").food_id == "01009"  # ratio(chedar, cheddar) = 92


@pytest.mark.parametrize(
    "name", ["Vitamin D3 2000 IU", "Aspirin", "Sunday stew", "Kafa", "Zinc", ""]
)
def test_non_foods_are_unmatched_with_a_reason(tiny: FoodMatcher, name: str) -> None:
    match = tiny.match(name)
    assert match.food_id is None
    assert match.score == 0.0
    assert match.reason


def test_unmatched_has_did_you_mean_suggestions(tiny: FoodMatcher) -> None:
    match = tiny.match("cheddar soup")  # head noun "soup" is in no description
    assert match.food_id is None
    assert match.reason == "'soup' is not a food word in USDA SR28"
    assert match.suggestions == ["Cheese, cheddar"]


def test_match_is_cached_per_name(tiny: FoodMatcher) -> None:
    assert tiny.match("cheddar cheese") is tiny.match("cheddar cheese")


def test_match_names_one_row_per_distinct_name(tiny: FoodMatcher) -> None:
    result = tiny.match_names(["cola", "Kafa", "cola", "cheddar cheese", "cola"])
    assert result.index.tolist() == ["cola", "Kafa", "cheddar cheese"]
    assert result.columns.tolist() == [
        "food_id",
        "description",
        "category",
        "score",
        "method",
        "confidence",
        "suggestions",
        "reason",
        "matched_text",
    ]
    assert result.loc["cola", "food_id"] == "14148"
    assert result.loc["cola", "category"] == "soda"
    assert result["food_id"].isna()["Kafa"]
    assert result.loc["Kafa", "method"] == "none"
    assert result["score"].dtype == np.float64


def test_match_names_skips_missing_and_handles_empty(tiny: FoodMatcher) -> None:
    result = tiny.match_names(["cola", None, "cola"])  # type: ignore[list-item]
    assert result.index.tolist() == ["cola"]
    empty = tiny.match_names([])
    assert empty.empty
    assert empty.columns.tolist()[:3] == ["food_id", "description", "category"]


_TINY_SHARED = FoodMatcher(TINY, TINY_ALIASES)


@settings(max_examples=200, deadline=None)
@given(st.text(max_size=60))
def test_any_text_gives_a_result_never_an_exception(text: str) -> None:
    match = _TINY_SHARED.match(text)
    assert 0.0 <= match.score <= 100.0
    assert match.method in {"id", "exact", "alias", "fuzzy", "sibling", "none"}
    assert (match.food_id is None) == (match.method == "none")


def test_find_food_on_a_given_table() -> None:
    found = find_food("cooked collards", foods=TINY)
    assert found["id"].tolist()[0] == "11162"


def test_food_index_core_skips_class_words_and_brands() -> None:
    index = FoodIndex(
        pd.DataFrame(
            {
                "id": ["14148", "08013", "06002"],
                "description": [
                    "Beverages, carbonated, cola, regular",
                    "Cereals ready-to-eat, GENERAL MILLS, CHEERIOS",
                    "Soup, black bean, canned, condensed",
                ],
            }
        )
    )
    assert index.core_text == ["cola", "cheerio", "black bean"]
    assert index.dish.tolist() == [False, False, True]  # a soup is not beans
    names = [name for name, _, _ in VARIANT_PENALTIES]
    assert index.flags[:, names.index("brand")].tolist() == [False, True, False]
    assert index.flags[:, names.index("canned")].tolist() == [False, False, True]
    assert index.categories.tolist() == ["other", "other", "other"]  # no category column


def test_without_salt_is_not_flagged_with_salt() -> None:
    index = FoodIndex(
        pd.DataFrame(
            {
                "id": ["20121", "20321"],
                "description": [
                    "Pasta, cooked, enriched, without added salt",
                    "Pasta, cooked, enriched, with added salt",
                ],
            }
        )
    )
    column = [name for name, _, _ in VARIANT_PENALTIES].index("with salt")
    assert index.flags[:, column].tolist() == [False, True]


def test_food_match_model() -> None:
    match = FoodMatch("x", None, None, None, 0.0, "none", ["a"], "why")
    assert not match.matched


# --- staples eaten cooked: dried legumes, grains and pasta ---------------------------------

STAPLE_TABLE = pd.DataFrame(
    {
        "id": ["16049", "16050", "16051", "11124", "11125", "16087", "16088", "20647", "20031"],
        "description": [
            "Beans, white, mature seeds, raw",
            "Beans, white, mature seeds, cooked, boiled, without salt",
            "Beans, white, mature seeds, canned",
            "Carrots, raw",
            "Carrots, cooked, boiled, drained, without salt",
            "Peanuts, all types, raw",
            "Peanuts, all types, cooked, boiled, with salt",
            "Millet flour",
            "Millet, raw",
        ],
        "food_group": [
            "Legumes and Legume Products",
            "Legumes and Legume Products",
            "Legumes and Legume Products",
            "Vegetables and Vegetable Products",
            "Vegetables and Vegetable Products",
            "Legumes and Legume Products",
            "Legumes and Legume Products",
            "Cereal Grains and Pasta",
            "Cereal Grains and Pasta",
        ],
        "category": ["other"] * 9,
    }
)


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("white beans", "16050"),  # no preparation word: the cooked form
        ("Beans, white", "16050"),
        ("raw white beans", "16049"),
        ("dry white beans", "16049"),
        ("dried white beans", "16049"),
        ("uncooked white beans", "16049"),
        ("canned white beans", "16051"),
        ("carrots", "11124"),  # vegetables keep raw as their default
        ("peanuts", "16087"),  # peanuts are eaten as they are, not boiled
        ("millet flour", "20647"),  # a product of the dry form
        ("millet", "20031"),  # SR28 (here) has millet only raw: it stays matched
    ],
)
def test_staples_default_to_cooked_unless_the_name_says_otherwise(
    name: str, expected: str
) -> None:
    assert FoodMatcher(STAPLE_TABLE).match(name).food_id == expected


def test_staple_flags_in_the_index() -> None:
    index = FoodIndex(STAPLE_TABLE)
    # white beans raw / cooked / canned, carrots raw / cooked, peanuts, millet flour, millet
    assert index.staple.tolist() == [True, True, True, False, False, False, False, True, True]
    assert index.uncooked_staple.tolist() == [
        True, False, False, False, False, False, False, True, True
    ]  # fmt: skip


# --- words after "with", and suggestions for non-foods ------------------------------------


def test_with_part_of_a_description_is_a_side_not_the_food() -> None:
    m = _matcher([("22971", "Potato salad with egg"), ("01123", "Egg, whole, raw, fresh")])
    egg_salad = m.match("Egg Salad")
    assert egg_salad.food_id is None
    assert egg_salad.suggestions[0] == "Potato salad with egg"
    assert m.match("potato salad with egg").food_id == "22971"


def test_egg_salad_on_the_real_table_is_unmatched_with_suggestions() -> None:
    match = default_matcher().match("Egg Salad")
    assert match.food_id is None
    assert "Potato salad with egg" in match.suggestions


@pytest.mark.parametrize("name", ["Creatine", "Zinc", "Aspirin", "Vitamin D3"])
def test_supplements_get_no_food_suggestions(name: str) -> None:
    match = default_matcher().match(name)
    assert (match.food_id, match.suggestions) == (None, [])


def test_spelling_suggestions_need_a_near_identical_word() -> None:
    m = _matcher([("01053", "Cream, fluid, heavy whipping"), ("11090", "Broccoli, raw")])
    assert m.match("Polenta").suggestions == []
    assert m.match("brocolli").food_id == "11090"


@pytest.mark.parametrize(
    ("name", "expected"),
    [
        ("Chili, no beans", "22911"),
        ("apples without skin", "09004"),
    ],
)
def test_negated_query_words_name_nothing(name: str, expected: str) -> None:
    m = _matcher(
        [
            ("16059", "Chili with beans, canned"),
            ("22911", "Chili, no beans, canned entree"),
            ("09003", "Apples, raw, with skin"),
            ("09004", "Apples, raw, without skin"),
        ]
    )
    assert m.match(name).food_id == expected
