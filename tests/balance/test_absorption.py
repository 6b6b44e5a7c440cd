"""Absorption classes (calcium index, phosphorus source) of foods, per distinct food."""

from __future__ import annotations

import pandas as pd
import pytest

from analyzer.balance.absorption import (
    CALCIUM_CLASSES,
    PHOSPHORUS_CLASSES,
    calcium_class,
    classify,
    phosphorus_class,
)
from analyzer.reference import load_table


@pytest.mark.parametrize(
    ("description", "category", "expected"),
    [
        ("Spinach, cooked, boiled, drained, without salt", "greens", "high_oxalate"),
        ("Chard, swiss, cooked, boiled, drained, without salt", "greens", "high_oxalate"),
        ("Beet greens, cooked, boiled, drained, without salt", "greens", "high_oxalate"),
        ("Amaranth leaves, cooked, boiled, drained, without salt", "greens", "amaranth"),
        ("Purslane, cooked, boiled, drained, without salt", "greens", "high_oxalate"),
        ("Parsley, fresh", "greens", "high_oxalate"),
        ("Collards, cooked, boiled, drained, without salt", "greens", "low_oxalate_brassica"),
        ("Kale, cooked, boiled, drained, without salt", "greens", "kale"),
        ("Cabbage, chinese (pak-choi), cooked, boiled", "greens", "bok_choy"),
        ("Broccoli, cooked, boiled, drained, without salt", "other", "broccoli"),
        ("Turnip greens, cooked, boiled, drained, without salt", "greens", "turnip_greens"),
        ("Mustard greens, cooked, boiled, drained, without salt", "greens", "mustard_greens"),
        # regression: mustard spinach (tendergreen) is a Brassica, not a high-oxalate spinach
        ("Mustard spinach, (tendergreen), cooked, boiled, drained, without salt", "greens",
         "low_oxalate_brassica"),
        ("Broccoli raab, cooked", "greens", "low_oxalate_brassica"),
        ("Broccoli, chinese, cooked", "greens", "low_oxalate_brassica"),
        ("Cabbage, chinese (pe-tsai), cooked, boiled", "greens", "low_oxalate_brassica"),
        # regression: swamp cabbage is water spinach (Ipomoea), not a Brassica
        ("Swamp cabbage (skunk cabbage), cooked, boiled, drained, with salt", "other",
         "default"),
        ("Rhubarb, frozen, cooked, with sugar", "other", "rhubarb"),
        ("Sweet potato, cooked, baked in skin, flesh, without salt", "other", "sweet_potato"),
        ("Sweet potato leaves, cooked, steamed, without salt", "other", "default"),
        # regression: "without added calcium" and calcium propionate are not fortification
        ("Tortillas, ready-to-bake or -fry, flour, without added calcium", "other", "default"),
        # correction 3 (Weaver et al. 2017 Table 1: bread + calcium sulfate 43.0% at 300 mg):
        # a bagel is a yeast bread, not "fortified" by its preservative
        ("Bagels, plain, enriched, with calcium propionate (includes onion, poppy, sesame)",
         "other", "bread"),
        ("Wheat flour, white, all-purpose, enriched, calcium-fortified", "other", "fortified"),
        ("Milk, whole, 3.25% milkfat, with added vitamin D", "dairy", "dairy"),
        ("Cheese, cheddar", "dairy", "dairy"),
        ("Tofu, raw, firm, prepared with calcium sulfate", "other", "tofu_calcium_set"),
        ("Beans, white, mature seeds, cooked, boiled, without salt", "other", "legume"),
        ("Soymilk, original and vanilla, with added calcium, vitamins A and D", "other",
         "fortified"),
        ("Orange juice, chilled, includes from concentrate, with added calcium", "other",
         "fortified_juice"),
        ("Bread, white, commercially prepared", "other", "bread"),
        ("Bread, whole-wheat, commercially prepared", "other", "bread_whole_wheat"),
        ("Rolls, hamburger or hotdog, plain", "other", "bread"),
        # correction 3: cheese dishes and pizza are absorbed as dairy (Weaver's cheddar)
        ("Fast Food, Pizza Chain, 14 inch pizza, pepperoni topping", "other", "dairy"),
        ("Macaroni and cheese, box mix with cheese sauce, prepared", "other", "dairy"),
        ("Butter, salted", "other", "dairy"),
        ("Cream, sour, cultured", "other", "dairy"),
        ("baby spinach", "other", "high_oxalate"),  # unmatched free text
    ],
)  # fmt: skip
def test_calcium_class(description: str, category: str, expected: str) -> None:
    assert calcium_class(description, category) == expected


@pytest.mark.parametrize(
    ("description", "category", "group", "matched", "expected"),
    [
        ("Beverages, carbonated, cola, regular", "soda", "", True, "additive"),
        ("Frankfurter, beef, unheated", "red_meat", "Sausages and Luncheon Meats", True,
         "additive"),
        ("Cheese, pasteurized process, American", "dairy", "", True, "additive"),
        ("Beef, ground, 85% lean meat / 15% fat, crumbles", "red_meat", "", True, "animal"),
        # regression: fresh pork leg "(ham)" is the cut, not cured ham with additives
        ("Pork, fresh, leg (ham), whole, separable lean only, cooked, roasted", "red_meat",
         "Pork Products", True, "animal"),
        ("Pork, cured, ham, whole, separable lean only, roasted", "red_meat", "Pork Products",
         True, "additive"),
        ("Chicken, broilers or fryers, breast, meat only, cooked", "other", "", True, "animal"),
        ("Milk, whole, 3.25% milkfat", "dairy", "", True, "animal"),
        ("Beans, white, mature seeds, cooked", "other", "", True, "plant"),
        ("Beverages, coffee, brewed, prepared with tap water", "coffee", "", True, "plant"),
        ("Fast foods, hamburger; single, regular patty", "other", "Fast Foods", True, "mixed"),
        ("Pizza, cheese topping, regular crust", "other", "", True, "mixed"),
        ("Daily total", "other", "", False, "mixed"),
        ("something unknown", "other", "", False, "mixed"),
    ],
)  # fmt: skip
def test_phosphorus_class(
    description: str, category: str, group: str, matched: bool, expected: str
) -> None:
    assert phosphorus_class(description, category, group, matched=matched) == expected


def test_tables_cover_every_class_with_a_source_and_tag() -> None:
    ca = load_table("absorption_index.csv")
    p = load_table("phosphorus_bioavailability.csv")
    assert sorted(ca["absorption_class"]) == sorted(CALCIUM_CLASSES)
    assert sorted(p["phosphorus_class"]) == sorted(PHOSPHORUS_CLASSES)
    for table in (ca, p):
        assert table["source"].str.len().gt(10).all()
        assert table["tag"].isin(["V", "S", "M", "C"]).all()


def test_indices_from_the_reference() -> None:
    # science.md 10.3: 1.0 low-oxalate brassicas, 0.12 high-oxalate, 0.5 legumes and unknown;
    # section 4 / 10.4: P additive 1.0, animal 0.5, plant 0.3; IOM 1997 mixed 1/1.6 = 0.625.
    ca = load_table("absorption_index.csv").set_index("absorption_class")["index"]
    assert ca["low_oxalate_brassica"] == ca["kale"] == 1.0
    assert ca["high_oxalate"] == 0.12
    # science.md 3a/7 per-green indices: bok choy 1.15, broccoli 1.12 (C from Weaver's table);
    # turnip greens 1.16, mustard greens 1.25 (S, Weaver & Plawecki 1994 via Davis);
    # Chinese spinach 0.26, rhubarb 0.22, sweet potato 0.42 (C).
    assert (ca["bok_choy"], ca["broccoli"]) == (1.15, 1.12)
    assert (ca["turnip_greens"], ca["mustard_greens"]) == (1.16, 1.25)
    assert (ca["amaranth"], ca["rhubarb"], ca["sweet_potato"]) == (0.26, 0.22, 0.42)
    assert ca["dairy"] == 1.0  # milk is the reference food of the load equation
    tags = load_table("absorption_index.csv").set_index("absorption_class")["tag"]
    assert (tags["turnip_greens"], tags["mustard_greens"], tags["default"]) == ("S", "S", "M")
    assert ca["legume"] == ca["default"] == 0.5
    assert ca["tofu_calcium_set"] == 0.88
    p = load_table("phosphorus_bioavailability.csv").set_index("phosphorus_class")["fraction"]
    assert p.to_dict() == {"additive": 1.0, "animal": 0.5, "plant": 0.3, "mixed": 0.625}
    # the animal and plant fractions are midpoints of the verified ranges 40-60 % and 20-40 %
    # (RRT 2017 Table 1), so computed (C); additive ~100 % and IOM's 0.625 are read (V)
    p_tags = load_table("phosphorus_bioavailability.csv").set_index("phosphorus_class")["tag"]
    assert p_tags.to_dict() == {"additive": "V", "animal": "C", "plant": "C", "mixed": "V"}


@pytest.mark.parametrize(
    ("name", "fraction", "load_mg", "index"),
    [
        # Weaver et al. 2017 Table 1: fractional absorption at the test load, and the index
        # FA / (0.889 - 0.0964 ln load) rounded to 2 decimals as in the table
        ("kale", 0.493, 61, 1.00),  # 0.493 / (0.889 - 0.0964 * 4.1109) = 0.493 / 0.4927
        ("bok_choy", 0.538, 79, 1.15),  # 0.538 / (0.889 - 0.0964 * 4.3694) = 0.538 / 0.4678
        ("broccoli", 0.613, 35, 1.12),  # 0.613 / (0.889 - 0.0964 * 3.5553) = 0.613 / 0.5463
        ("high_oxalate", 0.051, 115, 0.12),  # spinach: 0.051 / 0.4316
        ("amaranth", 0.0836, 347, 0.26),  # 0.0836 / 0.3251
        ("rhubarb", 0.0854, 174, 0.22),  # 0.0854 / 0.3917
        ("sweet_potato", 0.222, 44, 0.42),  # 0.222 / 0.5242
        ("tofu_calcium_set", 0.31, 258, 0.88),  # 0.31 / 0.3535
        ("fortified_juice", 0.363, 300, 1.07),  # 0.363 / 0.3392
        ("fortified", 0.24, 300, 0.71),  # 0.24 / 0.3392
    ],
)
def test_indices_back_calculate_weavers_table(
    name: str, fraction: float, load_mg: float, index: float
) -> None:
    import math

    ca = load_table("absorption_index.csv").set_index("absorption_class")["index"]
    assert ca[name] == index
    assert fraction / (0.889 - 0.0964 * math.log(load_mg)) == pytest.approx(index, abs=0.006)


def test_classify_uses_description_then_food_as_written() -> None:
    entries = pd.DataFrame(
        {
            "food": ["spinach", "2% milk", "kale chips", "Daily total"],
            "description": [
                "Spinach, cooked, boiled, drained, without salt",
                "Milk, reduced fat, fluid, 2% milkfat",
                None,
                None,
            ],
            "category": ["greens", "dairy", "other", "other"],
            "food_id": ["11458", "01079", None, None],
        },
        index=[10, 11, 12, 13],
    )
    out = classify(entries)
    assert list(out.index) == [10, 11, 12, 13]
    assert out["absorption_class"].tolist() == [
        "high_oxalate",
        "dairy",
        "kale",
        "default",
    ]
    assert out["calcium_absorption_index"].tolist() == [0.12, 1.0, 1.0, 0.5]
    assert out["phosphorus_class"].tolist() == ["plant", "animal", "mixed", "mixed"]
    assert out["phosphorus_absorption"].tolist() == [0.3, 0.5, 0.625, 0.625]


def test_classify_optional_food_group_column() -> None:
    entries = pd.DataFrame(
        {
            "food": ["ham"],
            "description": ["Turkey, breast, smoked, lemon pepper flavor, 97% fat-free"],
            "category": ["other"],
            "food_id": ["07954"],
            "food_group": ["Sausages and Luncheon Meats"],
        }
    )
    assert classify(entries)["phosphorus_class"].tolist() == ["additive"]


def test_classify_empty() -> None:
    out = classify(pd.DataFrame(columns=["food", "description", "category", "food_id"]))
    assert out.empty
    assert list(out.columns) == [
        "absorption_class",
        "calcium_absorption_index",
        "phosphorus_class",
        "phosphorus_absorption",
    ]
