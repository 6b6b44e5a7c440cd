"""analyzer.foods / analyzer.matching / analyzer.foodnames: loading the table, finding foods.

Unit tests use a tiny inline table (independent of edits to foods.csv); the regression tests
at the end run on the real foods.csv and the bundled aliases.
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given, settings
from hypothesis import strategies as st

from analyzer.errors import DataFileError, UnknownFoodError
from analyzer.foodindex import VARIANT_PENALTIES, FoodIndex
from analyzer.foodnames import normalize_name, parse_name, segments, singular
from analyzer.foods import (
    ALIAS_COLUMNS,
    FOOD_COLUMNS,
    FoodMatch,
    FoodMatcher,
    bundled_path,
    default_matcher,
    find_food,
    food_by_id,
    load_aliases,
    load_foods,
)

# --- a tiny table: real SR28 ids and descriptions ------------------------------------------

TINY = pd.DataFrame(
    {
        "id": ["01009", "01077", "11161", "11162", "11163", "14148", "19165", "16056", "16157"],
        "description": [
            "Cheese, cheddar",
            "Milk, whole, 3.25% milkfat, with added vitamin D",
            "Collards, raw",
            "Collards, cooked, boiled, drained, without salt",
            "Collards, frozen, chopped, unprepared",
            "Beverages, carbonated, cola, regular",
            "Cocoa, dry powder, unsweetened",
            "Chickpeas (garbanzo beans, bengal gram), mature seeds, raw",
            "Chickpea flour (besan)",
        ],
        "category": [
            "dairy",
            "dairy",
            "greens",
            "greens",
            "greens",
            "soda",
            "other",
            "other",
            "other",
        ],
        "common_names": [
            pd.NA,
            pd.NA,
            pd.NA,
            pd.NA,
            pd.NA,
            "soda pop, Includes USDA commodity B123",
            pd.NA,
            "bengal gram",
            "besan, gram flour",
        ],
    }
)
TINY_ALIASES = pd.DataFrame(
    {
        "alias": ["coke", "whole milk", "ghost food"],
        "id": ["14148", "01077", "99999"],
        "note": ["curated", "curated", "an id that is not in the table"],
    }
)


@pytest.fixture(scope="module")
def tiny() -> FoodMatcher:
    return FoodMatcher(TINY, TINY_ALIASES)


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


# --- matcher on the tiny table -------------------------------------------------------------


def test_exact_id_with_or_without_leading_zero(tiny: FoodMatcher) -> None:
    for text in ("01009", "1009", " 1009 "):
        match = tiny.match(text)
        assert (match.food_id, match.method, match.score) == ("01009", "id", 100.0)


def test_exact_description_case_insensitive(tiny: FoodMatcher) -> None:
    match = tiny.match("COLLARDS, RAW")
    assert (match.food_id, match.method) == ("11161", "description")


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
        "suggestions",
        "reason",
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
    assert match.method in {"id", "description", "alias", "fuzzy", "none"}
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


# --- loading -------------------------------------------------------------------------------


def _write_foods(path: Path, columns: list[str]) -> Path:
    values = {
        "id": "01077",
        "description": "Milk whole",
        "food_group": "Dairy and Egg Products",
        "category": "dairy",
        "energy_kcal": "61",
        "protein_g": "3.15",
        "calcium_mg": "113",
        "phosphorus_mg": "84",
        "magnesium_mg": "10",
        "potassium_mg": "132",
        "sodium_mg": "43",
        "caffeine_mg": "",
    }
    path.write_text(
        ",".join(columns) + "\n" + ",".join(values[c] for c in columns) + "\n", encoding="utf-8"
    )
    return path


def test_load_foods_pins_dtypes_and_keeps_blank_unknown(tmp_path: Path) -> None:
    frame = load_foods(_write_foods(tmp_path / "foods.csv", FOOD_COLUMNS))
    assert frame.loc[0, "id"] == "01077"  # leading zero kept
    assert pd.api.types.is_string_dtype(frame["id"])
    assert frame.loc[0, "calcium_mg"] == 113.0
    assert frame["caffeine_mg"].isna().iloc[0]  # blank = unknown, not 0


def test_load_foods_names_missing_columns(tmp_path: Path) -> None:
    columns = [c for c in FOOD_COLUMNS if c not in ("calcium_mg", "phosphorus_mg")]
    path = _write_foods(tmp_path / "foods.csv", columns)
    with pytest.raises(DataFileError) as error:
        load_foods(path)
    assert str(error.value) == (
        f"{path.resolve()}: nutrient table lacks columns calcium_mg, phosphorus_mg; "
        f"expected columns {', '.join(FOOD_COLUMNS)}"
    )


def test_load_foods_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="nutrient table not found"):
        load_foods(tmp_path / "nope.csv")


def test_load_aliases_columns(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("alias,id\ncoke,14148\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="lacks column note"):
        load_aliases(path)


def test_bundled_paths_exist() -> None:
    assert bundled_path("foods.csv").exists()
    assert bundled_path("aliases.csv").exists()


def test_load_foods_is_cached_and_safe_to_modify() -> None:
    first = load_foods()
    first["calcium_mg"] = 0.0
    assert load_foods()["calcium_mg"].max() > 0


def test_food_by_id_unknown_raises_with_suggestions() -> None:
    with pytest.raises(UnknownFoodError) as error:
        food_by_id("whole milk")
    assert error.value.suggestions[0] == "Milk, whole, 3.25% milkfat, with added vitamin D"


# --- real data: foods.csv and aliases.csv --------------------------------------------------


@pytest.fixture(scope="module")
def foods() -> pd.DataFrame:
    table = load_foods()
    # check the input first: all of SR28, whole milk 01077 has 113 mg Ca, 84 mg P per 100 g
    assert len(table) == 8789
    milk = table.set_index("id").loc["01077"]
    assert (milk["calcium_mg"], milk["phosphorus_mg"]) == (113.0, 84.0)
    return table


def test_load_foods_columns(foods: pd.DataFrame) -> None:
    assert foods.columns[: len(FOOD_COLUMNS)].tolist() == FOOD_COLUMNS
    assert foods["id"].str.fullmatch(r"\d{5}").all()


def test_every_alias_resolves_to_an_existing_food(foods: pd.DataFrame) -> None:
    aliases = load_aliases()
    assert aliases.columns.tolist() == ALIAS_COLUMNS
    assert len(aliases) >= 300
    missing = sorted(set(aliases["id"]) - set(foods["id"]))
    assert missing == []
    assert aliases["alias"].is_unique
    assert aliases["note"].notna().all()


def test_aliases_do_not_conflict_after_normalising() -> None:
    aliases = load_aliases()
    keys = aliases.assign(key=aliases["alias"].map(normalize_name))
    ids_per_key = keys.groupby("key")["id"].nunique()
    assert ids_per_key[ids_per_key > 1].index.tolist() == []


@pytest.mark.parametrize(
    ("alias", "words"),
    [
        ("coffee", ["coffee", "brewed"]),
        ("2% milk", ["Milk", "2% milkfat", "fluid"]),
        ("cola", ["carbonated", "cola"]),
        ("bok choy", ["pak-choi"]),
        ("hard boiled egg", ["Egg", "hard-boiled"]),
        ("ground beef", ["Beef, ground"]),
        ("collard greens", ["Collards"]),
        ("tofu", ["Tofu"]),
        ("garbanzo", ["Chickpeas"]),
        ("diet coke", ["cola", "low calorie"]),
    ],
)
def test_alias_spot_checks(foods: pd.DataFrame, alias: str, words: list[str]) -> None:
    aliases = load_aliases().set_index("alias")
    description = foods.set_index("id").loc[aliases.loc[alias, "id"], "description"]
    assert all(w in description for w in words), description


def test_required_searches() -> None:
    # issue 2 acceptance
    assert find_food("collard greens cooked")["id"].iloc[0] == "11162"
    assert find_food("cheddar cheese")["id"].iloc[0] == "01009"
    assert find_food("2% milk")["id"].iloc[0] == "01079"
    assert find_food("whole milk")["id"].iloc[0] == "01077"
    assert find_food("coffee")["id"].iloc[0] == "14209"
    assert find_food("bok choy")["id"].iloc[0] == "11116"
    assert find_food("bok choy, cooked")["id"].iloc[0] == "11117"
    cola = find_food("cola", limit=10)
    assert cola["id"].iloc[0] == "14148"
    assert not cola["description"].str.contains("chocolate|cocoa", case=False).any()


def test_find_food_columns_and_methods() -> None:
    found = find_food("cheddar cheese", limit=3)
    assert found.columns.tolist() == ["id", "description", "category", "score", "method"]
    assert found["method"].tolist() == ["alias", "fuzzy", "fuzzy"]
    assert found["score"].is_monotonic_decreasing
    assert found["score"].between(0, 100).all()


# Realistic logged names (modifier order swapped, marketing words, brand prefixes, plurals,
# typos, supplements, own recipes) with the SR28 food a person means; None = must be
# unmatched. A tuple accepts any of equivalent foods.
LOGGED_NAMES: dict[str, str | tuple[str, ...] | None] = {
    "collard greens cooked": "11162",
    "Cooked Collard Greens": "11162",
    "cheddar cheese": "01009",
    "Cheese, Cheddar": "01009",
    "Publix, Sharp Cheddar, Slices": ("01270", "01009"),
    "2% milk": "01079",
    "Milk, 2%": "01079",
    "whole milk": "01077",
    "Organic Whole Milk": "01077",
    "Kirkland Signature Organic Whole Milk": "01077",
    "Horizon Organic Whole Milk": "01077",
    "Great Value 2% Reduced Fat Milk": "01079",
    "skim milk": "01085",
    "chocolate milk": ("01102", "01103", "01104"),
    "Milk, whole, 1 cup": "01077",
    "cola": "14148",
    "Coca-Cola": "14148",
    "Pepsi": "14148",
    "Cola, Diet": "14416",
    "Diet Coke": "14416",
    "Coke Zero": "14416",
    "Sprite": "14145",
    "Budweiser": "14004",
    "Beer, light": "14006",
    "coffee": "14209",
    "Coffee, brewed": "14209",
    "decaf coffee": "14201",
    "Espresso": "14210",
    "Green Tea": "14278",
    "Red Wine": "14096",
    "Orange Juice": "09206",
    "Tropicana Orange Juice": ("09206", "09209"),
    "bok choy": "11116",
    "Bok Choy, cooked": "11117",
    "pak choi": "11116",
    "ground beef": "23575",
    "Ground Beef, 85% lean, cooked": ("23570", "23568", "23569", "23571"),
    "Bacon, cooked": ("10860", "10861", "10862"),
    "hard boiled egg": "01129",
    "Eggs, Hard-Boiled": "01129",
    "Scrambled Eggs": "01132",
    "large egg": "01123",
    "Eggs": "01123",
    "white bread": "18069",
    "baked potato": "11674",
    "Potato, Baked": "11674",
    "Sweet Potato, Baked": "11508",
    "Frozen Spinach, Organic": ("11463", "11464"),
    "Spinach, cooked": "11458",
    "fresh spinach": "11457",
    "Kale": "11233",
    "Kale, cooked": "11234",
    "Turnip greens, cooked": "11569",
    "Mustard greens, boiled": "11271",
    "Swiss chard, cooked": "11148",
    "Collards, frozen, cooked": "11164",
    "Beet greens cooked": "11087",
    "Rocket": "11959",
    "brocoli": "11090",
    "Broccoli, steamed": "11091",
    "Steamed Broccoli": "11091",
    "Zucchini": "11477",
    "courgette": "11477",
    "cilantro": "11165",
    "Green Onions": "11291",
    "scallions": "11291",
    "Carrots, raw": "11124",
    "Baby carrots": "11960",
    "Lettuce, Romaine": "11251",
    "Peas, frozen": "11312",
    "Cooked Lentils": "16070",
    "Black Beans, canned": ("16018", "16316", "16015"),
    "Kidney beans, canned": ("16034", "16145", "16029"),
    "garbanzo beans": "16057",
    "chick peas, cooked": "16057",
    "tofu": "16126",
    "Almonds": "12061",
    "Peanut Butter": "16098",
    "Olive Oil, Extra Virgin": "04053",
    "Greek Yogurt, Plain, Nonfat": "01256",
    "Cottage cheese, 2%": "01015",
    "Mozzarella, part skim": "01028",
    "Ice Cream, Vanilla": "19095",
    "Butter, unsalted": "01145",
    "Bananas": "09040",
    "Banana, medium": "09040",
    "Apple, raw": "09003",
    "strawberries": "09316",
    "Avocado": "09037",
    "Blueberries, frozen": "09054",
    "Chicken Breast, grilled": "05064",
    "salmon": "15237",
    "Tuna, canned in water": "15121",
    "Shrimp, cooked": ("15151", "15271"),
    "Cheerios": "08013",
    "Honey Nut Cheerios": "08045",
    "Oatmeal, cooked with water": "08121",
    "Rolled Oats": "08120",
    "Brown Rice, cooked": "20037",
    "Spaghetti, cooked": "20121",
    "Chocolate chip cookies": ("18159", "18160"),
    "Kirkland - Whole Milk": "01077",
    "Banana - Raw": "09040",
    "Great Value - Large White Eggs": "01123",
    "Figs, dried": "09094",
    "Tomatoes, Cherry, Raw": "11529",
    "Almonds, Raw": "12061",
    "Cereal, Cheerios": "08013",
    "Bacon, Pan-Fried": "10862",
    "Chicken, Breast, Meat Only, Roasted": "05064",
    "Ground Turkey, 93% Lean, Cooked": ("05666", "05667"),
    "Yogurt, Vanilla, Low Fat": "01119",
    "Steak, Sirloin, Grilled": "13930",
    "Tilapia, Baked": "15262",
    "Pork Chops, Grilled": "10046",
    "Chicken Thigh, Boneless, Skinless, Cooked": "05098",
    "Broccoli Florets, Raw": "11090",
    "Peanuts, Salted": ("16089", "16090"),
    "Orange Juice, with calcium": ("09211", "09210"),
    "Oreo Cookies": "18166",
    "Chardonnay": "14160",
    "Jam, Strawberry": "19297",
    "Pot roast": "13810",
    "Vitamin D3 2000 IU": None,
    "Vitamin C 1000mg": None,
    "Grandma's Meatloaf": None,
    "Leftover Pizza": None,
    "Magnesium glycinate": None,
    "Magnezijum": None,
    "Vitamin D": None,
    "Aspirin": None,
    "Creatine Monohydrate": None,
    "Zinc": None,
    "Calcium citrate 500 mg": None,
    "Fish oil 1000 mg": None,
    "Multivitamin": None,
    "Caffeine pill": None,
    "Sunday stew": None,
    "Smoothie June 3": None,
    "Mom's lasagna": None,
    "Kafa": None,
    "Bread and butter": None,
    "Chicken tikka masala": None,
    "Trader Joe's Mandarin Orange Chicken": None,
    "Quest Protein Bar": None,
}


@pytest.mark.parametrize(("name", "expected"), list(LOGGED_NAMES.items()))
def test_logged_names(name: str, expected: str | tuple[str, ...] | None) -> None:
    match = default_matcher().match(name)
    accepted = expected if isinstance(expected, tuple) else (expected,)
    assert match.food_id in accepted, (match.description, match.reason)
    if expected is None:
        assert match.suggestions or match.reason
