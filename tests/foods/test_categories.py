"""analyzer.foods.categories: rules on named foods both ways, and on the real foods.csv."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analyzer.foods.categories import categorize, categorize_frame
from analyzer.nutrients import CATEGORIES

REPO = Path(__file__).resolve().parents[2]

DAIRY_EGG = "Dairy and Egg Products"
BEV = "Beverages"
VEG = "Vegetables and Vegetable Products"
SAUS = "Sausages and Luncheon Meats"
SWEETS = "Sweets"

# (SR28 description, SR28 food group, expected category)
NAMED = [
    # soda: cola is soda; chocolate milk is not; energy drinks are; sparkling water is not
    ("Beverages, carbonated, cola, regular", BEV, "soda"),
    (
        "Beverages, carbonated, low calorie, cola or pepper-type, with aspartame, contains "
        "caffeine",
        BEV,
        "soda",
    ),
    ("Beverages, carbonated, root beer", BEV, "soda"),
    ("Beverages, carbonated, ginger ale", BEV, "soda"),
    ("Beverages, Energy drink, RED BULL", BEV, "soda"),
    ("Beverages, carbonated, club soda", BEV, "other"),
    ("Beverages, Propel Zero, fruit-flavored, non-carbonated", BEV, "other"),
    ("Beverages, The COCA-COLA company, Minute Maid, Lemonade", BEV, "other"),
    ("Beverages, COCA-COLA, POWERADE, lemon-lime flavored, ready-to-drink", BEV, "other"),
    ("Leavening agents, baking soda", "Baked Products", "other"),
    # dairy
    (
        "Milk, chocolate, fluid, commercial, whole, with added vitamin A and vitamin D",
        DAIRY_EGG,
        "dairy",
    ),
    ("Milk, whole, 3.25% milkfat, with added vitamin D", DAIRY_EGG, "dairy"),
    ("Cheese, cheddar", DAIRY_EGG, "dairy"),
    ("Yogurt, Greek, plain, nonfat", DAIRY_EGG, "dairy"),
    ("Kefir, lowfat, plain, LIFEWAY", DAIRY_EGG, "dairy"),
    ("Whey, sweet, dried", DAIRY_EGG, "dairy"),
    # correction 7: the milk fats are one rule (MyPlate leaves them out of the Dairy Group)
    ("Cream, fluid, heavy whipping", DAIRY_EGG, "other"),
    ("Cream, fluid, half and half", DAIRY_EGG, "other"),
    ("Cream, sour, cultured", DAIRY_EGG, "other"),
    ("Cheese, cream", DAIRY_EGG, "other"),
    ("Butter, salted", DAIRY_EGG, "other"),
    # correction 7: a caffeinated citrus soft drink is soda; instant coffee with chicory is coffee
    ("Beverages, yellow green colored citrus soft drink with caffeine", "Beverages", "soda"),
    ("Beverages, coffee, instant, chicory", "Beverages", "coffee"),
    ("Ice creams, vanilla", SWEETS, "dairy"),
    ("Frozen yogurts, chocolate", SWEETS, "dairy"),
    ("Beverages, Whey protein powder isolate", BEV, "dairy"),
    ("Egg, whole, cooked, hard-boiled", DAIRY_EGG, "other"),
    ("Egg substitute, powder", DAIRY_EGG, "other"),
    ("Butter, salted", DAIRY_EGG, "other"),
    ("Cream substitute, powdered", DAIRY_EGG, "other"),
    ("Milk, human, mature, fluid", DAIRY_EGG, "other"),
    ("Candies, milk chocolate", SWEETS, "other"),
    ("Beverages, almond milk, unsweetened, shelf stable", BEV, "other"),
    ("Soymilk, original and vanilla, unfortified", "Legumes and Legume Products", "other"),
    ("McDONALD'S, Peanuts (for Sundaes)", "Fast Foods", "other"),
    # coffee and tea
    ("Beverages, coffee, brewed, prepared with tap water", BEV, "coffee"),
    ("Beverages, coffee, brewed, espresso, restaurant-prepared, decaffeinated", BEV, "coffee"),
    ("Beverages, coffee, instant, regular, powder", BEV, "coffee"),
    ("Beverages, coffee, ready to drink, iced, mocha, milk based", BEV, "coffee"),
    ("Beverages, coffee substitute, cereal grain beverage, powder", BEV, "other"),
    ("Alcoholic beverage, liqueur, coffee, 53 proof", BEV, "other"),
    ("Coffeecake, cheese", "Baked Products", "other"),
    ("Beverages, tea, black, brewed, prepared with tap water", BEV, "tea"),
    ("Beverages, tea, herb, brewed, chamomile", BEV, "tea"),
    ("Beverages, tea, instant, unsweetened, powder", BEV, "tea"),
    # red meat
    ("Beef, ground, 80% lean meat / 20% fat, raw", "Beef Products", "red_meat"),
    (
        "Pork, fresh, loin, whole, separable lean only, cooked, roasted",
        "Pork Products",
        "red_meat",
    ),
    (
        "Lamb, domestic, leg, whole (shank and sirloin), separable lean only, cooked, roasted",
        "Lamb, Veal, and Game Products",
        "red_meat",
    ),
    ("Game meat, deer, ground, raw", "Lamb, Veal, and Game Products", "red_meat"),
    ("Ham, sliced, regular (approximately 11% fat)", SAUS, "red_meat"),
    ("Pork, cured, bacon, unprepared", "Pork Products", "red_meat"),
    ("Frankfurter, meat and poultry, unheated", SAUS, "red_meat"),
    ("Pepperoni, beef and pork, sliced", SAUS, "red_meat"),
    ("Blood sausage", SAUS, "red_meat"),
    ("Babyfood, meat, beef, strained", "Baby Foods", "red_meat"),
    ("Moose, meat, raw (Alaska Native)", "American Indian/Alaska Native Foods", "red_meat"),
    ("Turkey bacon, unprepared", SAUS, "other"),
    ("Bacon, turkey, low sodium", SAUS, "other"),
    ("Turkey ham, sliced, extra lean, prepackaged or deli-sliced", SAUS, "other"),
    ("Turkey breast, low salt, prepackaged or deli, luncheon meat", SAUS, "other"),
    ("Frankfurter, chicken", SAUS, "other"),
    ("Pate, chicken liver, canned", SAUS, "other"),
    (
        "Chicken, broilers or fryers, breast, meat only, cooked, roasted",
        "Poultry Products",
        "other",
    ),
    ("Fish, salmon, Atlantic, wild, raw", "Finfish and Shellfish Products", "other"),
    ("Stew, moose (Alaska Native)", "American Indian/Alaska Native Foods", "other"),
    ("Babyfood, dinner, beef noodle, strained", "Baby Foods", "other"),
    # greens
    ("Spinach, raw", VEG, "greens"),
    ("Collards, cooked, boiled, drained, without salt", VEG, "greens"),
    ("Kale, raw", VEG, "greens"),
    ("Turnip greens, cooked, boiled, drained, without salt", VEG, "greens"),
    ("Cabbage, chinese (pak-choi), raw", VEG, "greens"),
    ("Broccoli, cooked, boiled, drained, without salt", VEG, "greens"),
    ("Broccoli raab, raw", VEG, "greens"),
    ("Chard, swiss, raw", VEG, "greens"),
    ("Watercress, raw", VEG, "greens"),
    ("Arugula, raw", VEG, "greens"),
    ("Dandelion greens, raw", VEG, "greens"),
    ("Beet greens, raw", VEG, "greens"),
    ("Mustard greens, raw", VEG, "greens"),
    ("Lettuce, cos or romaine, raw", VEG, "greens"),
    ("Alcoholic beverage, wine, table, white, Chardonnay", BEV, "other"),
    ("Beans, snap, green, raw", VEG, "other"),
    ("Peppers, sweet, green, raw", VEG, "other"),
    ("Seaweed, kelp, raw", VEG, "other"),
    ("Cabbage, chinese (pe-tsai), raw", VEG, "other"),
    ("Lettuce, iceberg (includes crisphead types), raw", VEG, "other"),
    ("Spinach souffle", VEG, "other"),
    ("Soup, cream of broccoli, canned, condensed", "Soups, Sauces, and Gravies", "other"),
    ("Babyfood, vegetables, spinach, creamed, strained", "Baby Foods", "other"),
]


@pytest.mark.parametrize(("description", "group", "expected"), NAMED)
def test_named_food(description: str, group: str, expected: str) -> None:
    assert categorize(description, group) == expected


def test_frame_matches_scalar_and_keeps_index() -> None:
    frame = pd.DataFrame(
        {"description": [d for d, _, _ in NAMED], "food_group": [g for _, g, _ in NAMED]},
        index=range(100, 100 + len(NAMED)),
    )
    result = categorize_frame(frame)
    assert result.index.equals(frame.index)
    assert result.tolist() == [c for _, _, c in NAMED]


def test_missing_text_is_other() -> None:
    frame = pd.DataFrame(
        {"description": [None, "Spinach, raw"], "food_group": ["Beverages", None]}
    )
    assert categorize_frame(frame).tolist() == ["other", "other"]


def test_empty_frame() -> None:
    frame = pd.DataFrame({"description": pd.Series([], dtype=str), "food_group": []})
    assert categorize_frame(frame).tolist() == []


# --- real table ---------------------------------------------------------------------------------
@pytest.fixture(scope="module")
def foods() -> pd.DataFrame:
    table = pd.read_csv(REPO / "foods.csv", dtype=str, keep_default_na=False)
    assert len(table) == 8789  # input check: all of SR28
    return table.set_index("id")


def test_committed_categories_follow_the_rules(foods: pd.DataFrame) -> None:
    fresh = categorize_frame(foods.reset_index())
    assert fresh.tolist() == foods["category"].tolist()
    assert set(foods["category"]) == set(CATEGORIES)


@pytest.mark.parametrize(
    ("food_id", "expected"),
    [
        ("01077", "dairy"),  # whole milk
        ("01009", "dairy"),  # cheddar
        ("01123", "other"),  # egg, whole, raw
        ("01001", "other"),  # butter, salted
        ("14148", "soda"),  # cola
        ("14400", "soda"),  # fast-food cola
        ("14147", "soda"),  # cola without caffeine
        ("14121", "other"),  # club soda
        ("14209", "coffee"),  # coffee, brewed
        ("14201", "coffee"),  # coffee, brewed, decaf
        ("14355", "tea"),  # tea, black, brewed
        ("11162", "greens"),  # collards cooked
        ("11457", "greens"),  # spinach raw
        ("11233", "greens"),  # kale raw
        ("11116", "greens"),  # pak-choi raw
        ("14160", "other"),  # Chardonnay
        ("23572", "red_meat"),  # ground beef 80/20
        ("07254", "other"),  # turkey bacon
        ("07029", "red_meat"),  # ham, sliced
    ],
)
def test_committed_named_ids(foods: pd.DataFrame, food_id: str, expected: str) -> None:
    assert foods.loc[food_id, "category"] == expected


def test_category_sizes_are_plausible(foods: pd.DataFrame) -> None:
    counts = foods["category"].value_counts()
    # every Beef/Pork/Lamb-Veal-Game food is red meat
    red_groups = {"Beef Products", "Pork Products", "Lamb, Veal, and Game Products"}
    assert (foods.loc[foods["food_group"].isin(red_groups), "category"] == "red_meat").all()
    # no fish or poultry is red meat
    white = {"Poultry Products", "Finfish and Shellfish Products"}
    assert not (foods.loc[foods["food_group"].isin(white), "category"] == "red_meat").any()
    # soda, coffee and tea come only from beverages (and native teas)
    drinks = foods[foods["category"].isin(["soda", "coffee"])]
    assert set(drinks["food_group"]) == {"Beverages"}
    assert counts["greens"] > 100 and counts["dairy"] > 250
