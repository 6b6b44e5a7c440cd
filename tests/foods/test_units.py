"""analyzer.foods.units: amount parsing, unit spelling, and grams from USDA portions."""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd
import pytest
from hypothesis import given
from hypothesis import strategies as st

from analyzer.errors import AmountError, DataFileError, UnknownUnitError
from analyzer.foods.units import (
    GRAMS_PER_OUNCE,
    GRAMS_PER_POUND,
    ML_PER_US_CUP,
    ML_PER_US_FL_OZ,
    ParsedAmount,
    UnitConverter,
    available_units,
    grams_for,
    grams_per_unit,
    load_portions,
    normalize_unit,
    parse_amount,
    parse_unit,
    to_grams,
)

# --- parse_amount ---------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [
        ("1.5", 1.5, None),
        ("1/2", 0.5, None),
        ("1 1/2", 1.5, None),
        ("1-1/2 cup", 1.5, "cup"),
        ("½", 0.5, None),
        ("¼ cup", 0.25, "cup"),
        ("¾", 0.75, None),
        ("⅓ cup", 1 / 3, "cup"),
        ("⅔", 2 / 3, None),
        ("⅛ tsp", 0.125, "tsp"),
        ("1½ cups", 1.5, "cup"),
        ("1 ½ cups", 1.5, "cup"),
        ("1.5 cups", 1.5, "cup"),
        ("150 g", 150.0, "g"),
        ("150g", 150.0, "g"),
        ("2 slices", 2.0, "slice"),
        ("2 Tbsp", 2.0, "tbsp"),
        ("1 T", 1.0, "tbsp"),
        ("3 t", 3.0, "tsp"),
        ("8 fl. oz.", 8.0, "fl oz"),
        ("1,000 g", 1000.0, "g"),
        ("0.00 g", 0.0, "g"),
        ("0", 0.0, None),
        # Cronometer "Amount" cells (../shared/reference/formats.md)
        ("158.00 g", 158.0, "g"),
        ("0.25 tsp", 0.25, "tsp"),
        ("2.00 x 2.0 tbsp", 4.0, "tbsp"),  # 2 x 2 tbsp
        ("1.00 x 0.25 cup", 0.25, "cup"),
        ("4.00 x 1000.0 IU", 4000.0, "iu"),
        ("1.00 can - each 12 fl oz", 12.0, "fl oz"),  # stated volume wins
        ("2.00 slice (from pre-sliced package) - each 3/4 oz", 1.5, "oz"),  # 2 x 3/4 oz
        ("1.00 shake (11 fl oz)", 11.0, "fl oz"),
        ('1.00 whole - 3 1/2" diameter', 1.0, 'whole (3 1/2" diameter)'),
        ('3.80 Serving (2 medium slice - 4 1/2" x 4 1/4" x 1/2")', 7.6, "medium slice"),
        ("1 Serving (2 tbsp)", 2.0, "tbsp"),
        ('1.00 medium - 2 1/2" diameter', 1.0, 'medium (2 1/2" diameter)'),
        ('1 bagel (3" dia)', 1.0, 'bagel (3" dia)'),
        ("1.00 x 8.28 fl oz (245ml)", 245.0, "ml"),  # the ml restate the amount
        ("2.00 x 8.0 fl oz (237ml)", 474.0, "ml"),
        ("2 cups (480 ml)", 480.0, "ml"),
        ("2 cup (8 fl oz)", 16.0, "fl oz"),  # MyFitnessPal: two of "cup (8 fl oz)"
        ("8 fl oz (240 g)", 240.0, "g"),  # the whole amount restated as a weight
        ("5 oz net weight", 5.0, "oz wt"),
        ("1.20 FDA Serving Size", 1.2, "serving"),
        ("1.00 full recipe", 1.0, "full recipe"),
        ("1 cup, chopped", 1.0, "cup, chopped"),
        ("2 x large egg", 2.0, "large egg"),
        ("2x50 g", 100.0, "g"),
        ("1 cup (240 ml)", 240.0, "ml"),
        ("1 xl egg", 1.0, "xl egg"),
    ],
)
def test_parse_amount(text: str, quantity: float, unit: str | None) -> None:
    parsed = parse_amount(text)
    assert parsed.quantity == pytest.approx(quantity, rel=1e-12)
    assert parsed.unit == unit
    assert parsed.text == text


def test_parse_amount_decimal_comma_only_when_asked() -> None:
    assert parse_amount("1,5", decimal=",") == ParsedAmount(1.5, None, "1,5")
    assert parse_amount("1.250,5 g", decimal=",").quantity == 1250.5
    # A dot alone is still a decimal point (a ";" file with English numbers): 0.5, never 5.
    assert parse_amount("0.5", decimal=",").quantity == 0.5
    assert parse_amount("2.00 x 2.0 tbsp", decimal=",") == ParsedAmount(
        4.0, "tbsp", "2.00 x 2.0 tbsp"
    )
    assert parse_amount("1.000", decimal=",").quantity == 1.0  # as the nutrient reader does
    with pytest.raises(AmountError, match="read with decimal=','"):
        parse_amount("1,5")


@pytest.mark.parametrize(
    ("text", "message"),
    [
        ("", "bad amount '': missing amount; write a number such as 1, 1/2 or 150 g"),
        ("   ", "bad amount '   ': missing amount; write a number such as 1, 1/2 or 150 g"),
        ("abc", "bad amount 'abc': not a number; write e.g. 1, 1.5, 1/2, 1 1/2 or ½"),
        ("cup", "bad amount 'cup': not a number; write e.g. 1, 1.5, 1/2, 1 1/2 or ½"),
        ("-1 cup", "bad amount '-1 cup': negative amount; amounts must be zero or more"),
        ("1/0", "bad amount '1/0': division by zero in the fraction"),
        ("1.2.3 g", "bad amount '1.2.3 g': not a number"),
        ("1-2 cups", "bad amount '1-2 cups': a range; give one amount, e.g. 1.5"),
        ("1 to 2 cups", "bad amount '1 to 2 cups': a range; give one amount, e.g. 1.5"),
    ],
)
def test_parse_amount_errors(text: str, message: str) -> None:
    with pytest.raises(AmountError) as info:
        parse_amount(text)
    assert str(info.value) == message
    assert isinstance(info.value, ValueError)


@given(st.text(max_size=40))
def test_parse_amount_raises_only_amount_error(text: str) -> None:
    try:
        parsed = parse_amount(text)
    except AmountError:
        return
    assert parsed.quantity >= 0
    assert parsed.unit is None or parsed.unit == parsed.unit.lower()


@given(st.floats(min_value=0, max_value=1e6, allow_nan=False), st.sampled_from(["g", "cup"]))
def test_parse_amount_round_trips_numbers(value: float, unit: str) -> None:
    parsed = parse_amount(f"{value!r} {unit}")
    assert parsed.quantity == value and parsed.unit == unit


def test_parse_unit_for_unit_only_cells() -> None:
    assert parse_unit("container - each 6 oz") == ParsedAmount(6.0, "oz", "container - each 6 oz")
    assert parse_unit("Cups") == ParsedAmount(1.0, "cup", "Cups")
    with pytest.raises(AmountError, match="missing unit"):
        parse_unit(" ")


# --- normalize_unit -------------------------------------------------------------------------


@pytest.mark.parametrize(
    ("written", "canonical"),
    [
        ("cups", "cup"),
        ("Cup", "cup"),
        ("Tbsp", "tbsp"),
        ("tablespoons", "tbsp"),
        ("tbs", "tbsp"),
        ("T", "tbsp"),
        ("t", "tsp"),
        ("teaspoon", "tsp"),
        ("fl. oz", "fl oz"),
        ("fl oz", "fl oz"),
        ("fluid ounces", "fl oz"),
        ("grams", "g"),
        ("gram", "g"),
        ("kilograms", "kg"),
        ("ounces", "oz"),
        ("oz.", "oz"),
        ("lbs", "lb"),
        ("pounds", "lb"),
        ("mL", "ml"),
        ("litres", "l"),
        ("Slices", "slice"),
        ("Cloves", "clove"),  # not "clof": only true -f plurals lose -ves
        ("halves", "half"),
        ("olives", "olive"),
        ("patties", "patty"),
        ("leaves", "leaf"),
        ("pieces", "piece"),
        ("cookies", "cookie"),
        ("berries", "berry"),
        ("halves", "half"),
        ("potatoes", "potato"),
        ("pouches", "pouch"),
        ("glasses", "glass"),
        ("Medium", "medium"),
        ("tablespoons, chopped", "tbsp, chopped"),
        ("Serving", "serving"),
        ("FDA Serving Size", "serving"),
    ],
)
def test_normalize_unit(written: str, canonical: str) -> None:
    assert normalize_unit(written) == canonical


def test_constants_nist_handbook_44() -> None:
    assert pytest.approx(28.3495, abs=1e-4) == GRAMS_PER_OUNCE
    assert GRAMS_PER_POUND == 453.59237
    assert pytest.approx(236.588, abs=1e-3) == ML_PER_US_CUP
    assert ML_PER_US_FL_OZ * 8 == ML_PER_US_CUP


# --- a tiny inline portion table (independent of edits to the bundled one) --------------------

TINY = pd.DataFrame(
    [
        # id, seq, amount, measure, gram_weight
        ("11162", 1, 1.0, "cup, chopped", 190.0),
        ("01077", 1, 1.0, "cup", 244.0),
        ("01077", 2, 1.0, "fl oz", 30.5),
        ("01077", 3, 1.0, "tbsp", 15.0),
        ("14148", 1, 1.0, "can or bottle (12 fl oz)", 370.0),
        ("14148", 2, 1.0, "drink, small (16 fl oz)", 492.0),
        ("18069", 1, 1.0, "slice", 29.0),
        ("18069", 2, 1.0, "oz", 28.35),
        ("18069", 3, 1.0, "cup, crumbs", 45.0),
        ("18069", 5, 1.0, "slice, large", 30.0),
        ("18069", 6, 1.0, "slice", 25.0),
        ("09003", 1, 1.0, "cup slices", 109.0),
        ("09003", 2, 1.0, 'large (3-1/4" dia)', 223.0),
        ("09003", 3, 1.0, 'medium (3" dia)', 182.0),
        ("09003", 4, 1.0, "NLEA serving", 242.0),
        ("11674", 1, 1.0, "NLEA serving", 148.0),
        ("11674", 2, 1.0, "potato large", 299.0),
        ("11674", 3, 1.0, "potato medium", 173.0),
        ("01123", 1, 1.0, "large", 50.0),
        ("01123", 2, 1.0, "medium", 44.0),
        ("11090", 1, 0.5, "cup, chopped or diced", 44.0),
        ("11090", 2, 1.0, "stalk", 151.0),
        ("11090", 3, 1.0, "serving", 85.0),
        ("13000", 1, 3.0, "oz", 85.0),
        ("13000", 2, 1.0, "steak", 456.0),
        ("28223", 1, 1.0, "cookies", 13.0),
    ],
    columns=["id", "seq", "amount", "measure", "gram_weight"],
)


@pytest.fixture()
def tiny() -> UnitConverter:
    return UnitConverter(TINY)


@pytest.mark.parametrize(
    ("food_id", "unit", "grams"),
    [
        ("11162", "cup", 190.0),  # same-unit portion "cup, chopped"
        ("11162", "cups", 190.0),
        ("11162", "cup, chopped", 190.0),  # exact measure text
        ("01077", "cup", 244.0),  # plain "cup"
        ("01077", "Tbsp", 15.0),
        ("01077", "ml", 244 / 236.5882365),  # density from the cup portion
        ("01077", "tsp", 244 / 48),  # 1 tsp = 1/48 cup
        ("01077", "quart", 244 * 4),
        ("14148", "can", 370.0),
        ("14148", "fl oz", 370 / 12),  # density from "can or bottle (12 fl oz)"
        ("14148", "small", 492.0),  # size word anywhere outside the parenthesis
        ("18069", "slice", 29.0),  # exact "slice", lowest seq (29 g before 25 g)
        ("18069", "slices", 29.0),
        ("18069", "large", 30.0),  # "slice, large"
        ("18069", "cup", 45.0),
        ("09003", "medium", 182.0),  # 'medium (3" dia)'
        ("09003", "whole", 182.0),  # no each-word measure -> medium
        ("09003", "serving", 242.0),  # NLEA serving
        ("11674", "medium", 173.0),  # "potato medium"
        ("11674", "each", 173.0),
        ("01123", "each", 44.0),  # medium egg
        ("01123", None, 44.0),  # a bare count is "each"
        ("01123", "large egg", 50.0),  # "large egg" -> "large"
        ("01123", "serving", 50.0),  # no serving measure -> first portion
        ("11090", "cup", 88.0),  # 0.5 cup weighs 44 g -> 88 g per cup
        ("11090", "stalk", 151.0),
        ("11090", "serving", 85.0),  # a measure named "serving"
        ("13000", "serving", 85.0),  # whole first portion "3 oz" = 85 g, not 85/3
        ("13000", "oz", 28.349523125),  # mass units are fixed, never from portions
        ("13000", "each", 456.0),  # first count portion
        ("28223", "cookie", 13.0),
        ("11090", "g", 1.0),
        ("11090", "oz", 28.349523125),
        ("11090", "lb", 453.59237),
        ("11090", "kg", 1000.0),
        ("99999", "mg", 0.001),  # mass needs no portion
    ],
)
def test_tiny_grams_per_unit(
    tiny: UnitConverter, food_id: str, unit: str | None, grams: float
) -> None:
    assert tiny.grams_per_unit(food_id, unit) == pytest.approx(grams, rel=1e-12)


# Drinks for the "oz" = fluid ounce rule, in the tiny table's style (SR28 WEIGHT.txt rows).
DRINKS = pd.DataFrame(
    [
        ("09206", 1, 1.0, "cup", 248.0),  # orange juice: all volumes, 1.05 g/ml
        ("09206", 2, 1.0, "fl oz", 31.0),
        ("06016", 1, 1.0, "cup (4 fl oz)", 252.0),  # condensed soup: also "(10.75 oz)"
        ("06016", 2, 1.0, "can (10.75 oz)", 305.0),
        ("19270", 1, 1.0, "cup (4 fl oz)", 132.0),  # ice cream: 0.56 g/ml, not pourable
        ("06122", 1, 1.0, "cup (8 fl oz)", 21.0),  # dry gravy mix: 0.09 g/ml
        ("14400", 1, 1.0, "serving child 12 fl oz, without ice", 258.0),  # 0.73 g/ml
        ("14050", 1, 1.0, "fl oz", 27.8),  # rum: 0.94 g/ml
        ("20045", 1, 1.0, "cup", 158.0),  # rice, cooked
        ("01175", 1, 1.0, "cup", 244.0),  # milk 1%: no "fl oz" portion but a quart
        ("01175", 2, 1.0, "quart", 976.0),
        ("01056", 1, 1.0, "tbsp", 12.0),  # sour cream: volumes only, no liquid measure
        ("01056", 2, 1.0, "cup", 230.0),
    ],
    columns=["id", "seq", "amount", "measure", "gram_weight"],
)


@pytest.mark.parametrize(
    ("food_id", "unit", "grams"),
    [
        ("09206", "oz", 31.0),  # a drink: oz = fl oz = its 31 g portion
        ("09206", "ounces", 31.0),
        ("09206", "oz wt", 28.349523125),  # explicitly by weight
        ("09206", "ounce weight", 28.349523125),
        ("14050", "oz", 27.8),
        ("06016", "oz", 28.349523125),  # mentions an ounce by weight: mass
        ("19270", "oz", 28.349523125),  # too light for a pourable drink: mass
        ("06122", "oz", 28.349523125),
        ("14400", "oz", 28.349523125),  # iced fast-food cola, 258/354.9 = 0.727 g/ml
        ("20045", "oz", 28.349523125),  # no fluid ounce portion at all
        ("01175", "oz", 244.0 / 8),  # a quart marks a liquid: oz = fl oz = 1/8 cup
        ("01056", "oz", 28.349523125),  # sour cream is spooned, not poured: by weight
        ("20045", "cup cooked", 158.0),  # volume unit + preparation word -> the cup
        ("20045", "cups, cooked", 158.0),
        ("20045", "oz cooked", 28.349523125),  # mass unit + word -> the mass unit
        ("09206", "cup fresh", 248.0),
        ("09206", "tbsp fresh", 248.0 / 16),  # density from the cup
    ],
)
def test_oz_on_drinks_and_measures_led_by_a_unit(food_id: str, unit: str, grams: float) -> None:
    converter = UnitConverter(DRINKS)
    assert converter.grams_per_unit(food_id, unit) == pytest.approx(grams, rel=1e-12)


def test_each_is_never_a_cubic_inch_or_a_fruit_yield() -> None:
    # SR28 cheddar 01009 lists "cubic inch" (17 g) before "slice (1 oz)" (28 g); orange
    # juice 09206 lists "fruit yield" (86 g, the juice of one fruit) and no whole item.
    converter = UnitConverter(
        pd.DataFrame(
            [
                ("01009", 1, 1.0, "cup, diced", 132.0),
                ("01009", 5, 1.0, "cubic inch", 17.0),
                ("01009", 6, 1.0, "slice (1 oz)", 28.0),
                ("09206", 1, 1.0, "cup", 248.0),
                ("09206", 3, 1.0, "fruit yield", 86.0),
            ],
            columns=["id", "seq", "amount", "measure", "gram_weight"],
        )
    )
    assert converter.grams_per_unit("01009", "each") == 28.0
    with pytest.raises(UnknownUnitError):
        converter.grams_per_unit("09206", None)


def test_is_drink() -> None:
    converter = UnitConverter(DRINKS)
    drinks = [i for i in DRINKS["id"].unique() if converter.is_drink(i)]
    assert drinks == ["09206", "14050", "01175"]


def test_bundled_oz_of_cola_and_milk_are_fluid_ounces() -> None:
    # SR28: cola 14148 "fl oz" 30.7 g; 2% milk 01079 "fl oz" 30.5 g; cheddar 01009 by weight.
    assert to_grams(12, "oz", "14148") == pytest.approx(12 * 30.7)
    assert to_grams(8, "oz", "01079") == pytest.approx(8 * 30.5)
    assert to_grams(1, "oz", "01009") == pytest.approx(28.349523125)


def test_household_word_never_matches_a_volume_portion(tiny: UnitConverter) -> None:
    # apples have "cup slices" but no slice portion: 1 slice is not 109 g
    with pytest.raises(UnknownUnitError) as info:
        tiny.grams_per_unit("09003", "slice", "Apples, raw, with skin")
    assert str(info.value) == (
        "unknown unit 'slice' for 'Apples, raw, with skin'; this food has: g, kg, mg, oz, lb, "
        'ml, l, tsp, tbsp, fl oz, cup, pint, quart, large (3-1/4" dia), medium (3" dia), '
        "nlea serving"
    )


def test_unknown_unit_without_volume_portion_lists_mass_and_measures(tiny: UnitConverter) -> None:
    with pytest.raises(UnknownUnitError) as info:
        tiny.grams_per_unit("01123", "cup")
    assert info.value.available == ["g", "kg", "mg", "oz", "lb", "large", "medium"]
    assert info.value.food == "food 01123"
    with pytest.raises(UnknownUnitError) as unknown:
        tiny.grams_per_unit("99999", "cup", "Mystery food")
    assert str(unknown.value) == (
        "unknown unit 'cup' for 'Mystery food'; this food has: g, kg, mg, oz, lb"
    )


def test_grams_for_per_row_with_errors(tiny: UnitConverter) -> None:
    frame = pd.DataFrame(
        {
            "food_id": ["01077", "01077", None, "11162", None, "01077", "01123"],
            "quantity": [1.0, 2.0, 3.0, 1.0, 1.0, np.nan, 0.0],
            "unit": ["cup", "cup", "oz", "bogus", "cup", "cup", None],
        },
        index=[10, 11, 12, 13, 14, 15, 16],
    )
    result = tiny.grams_for(frame)
    assert result.index.tolist() == [10, 11, 12, 13, 14, 15, 16]
    expected = [244.0, 488.0, 3 * 28.349523125, np.nan, np.nan, np.nan, 0.0]
    np.testing.assert_allclose(result["grams"].to_numpy(), expected, rtol=1e-12)
    errors = result["error"].tolist()
    assert errors[0] is pd.NA and errors[1] is pd.NA and errors[2] is pd.NA
    assert errors[3].startswith("unknown unit 'bogus' for 'food 11162'; this food has: g,")
    assert errors[4] == "no food to convert 'cup' to grams"
    assert errors[5] == "missing quantity"
    assert errors[6] is pd.NA


def test_bare_count_without_whole_item_portion(tiny: UnitConverter) -> None:
    with pytest.raises(UnknownUnitError) as info:
        tiny.grams_per_unit("01077", None, "Milk, whole")
    assert str(info.value) == (
        "unknown unit 'each (a bare count)' for 'Milk, whole'; this food has: g, kg, mg, oz, "
        "lb, ml, l, tsp, tbsp, fl oz, cup, pint, quart"
    )


def test_grams_for_uses_description_and_empty_frame(tiny: UnitConverter) -> None:
    frame = pd.DataFrame(
        {"food_id": ["01123"], "quantity": [1.0], "unit": ["cup"], "description": ["Egg"]}
    )
    assert tiny.grams_for(frame)["error"].iloc[0].startswith("unknown unit 'cup' for 'Egg'")
    empty = tiny.grams_for(frame.iloc[:0])
    assert list(empty.columns) == ["grams", "error"] and len(empty) == 0


# --- the bundled USDA table ------------------------------------------------------------------


def test_load_portions_bundled() -> None:
    portions = load_portions()
    assert len(portions) == 15438  # input check: all SR28 WEIGHT.txt rows
    assert list(portions.columns) == ["id", "seq", "amount", "measure", "gram_weight"]
    milk = portions[portions["id"] == "01077"]
    assert milk[["measure", "gram_weight"]].values.tolist()[0] == ["cup", 244.0]


def test_load_portions_errors(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="portions table not found"):
        load_portions(tmp_path / "none.csv")
    bad = tmp_path / "bad.csv"
    bad.write_text("id,seq,amount\n01077,1,1\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="missing column"):
        load_portions(bad)


@pytest.mark.parametrize(
    ("quantity", "unit", "food_id", "grams"),
    [
        (1, "cup", "11162", 190.0),  # collards, cooked: SR28 "1 cup, chopped" = 190 g
        (1, "cup", "01077", 244.0),  # whole milk: "1 cup" = 244 g
        (250, "ml", "01077", 244 / 236.588 * 250),  # 257.83 g via the cup density
        (1, "can", "14148", 370.0),  # cola: "can or bottle (12 fl oz)" = 370 g
        (2, "slices", "18069", 2 * 29.0),  # white bread: seq 1 "slice" = 29 g
        (1, "medium", "11674", 173.0),  # baked potato: "potato medium" = 173 g
        (1, "oz", "11162", 28.3495),
        (1, "lb", "11162", 453.592),
        (2, "Tbsp", "01077", 30.0),  # milk "tbsp" = 15 g
        (1, "large", "01123", 50.0),  # egg, large
        (1, "stalk", "11090", 151.0),  # broccoli stalk
        (1, "leaf", "11457", 10.0),  # spinach leaf
    ],
)
def test_bundled_to_grams(quantity: float, unit: str, food_id: str, grams: float) -> None:
    assert to_grams(quantity, unit, food_id) == pytest.approx(grams, rel=1e-5)


def test_bundled_parse_then_convert_cronometer_cell() -> None:
    parsed = parse_amount("1.00 can - each 12 fl oz")
    # 12 fl oz of cola via its own "fl oz" portion (30.7 g): 12 x 30.7 = 368.4 g
    assert to_grams(parsed.quantity, parsed.unit, "14148") == pytest.approx(368.4)


def test_bundled_available_units_and_errors() -> None:
    assert available_units("11162") == [
        *["g", "kg", "mg", "oz", "lb"],
        *["ml", "l", "tsp", "tbsp", "fl oz", "cup", "pint", "quart"],
    ]
    with pytest.raises(UnknownUnitError, match="unknown unit 'slice' for 'food 01077'"):
        grams_per_unit("01077", "slice")
    with pytest.raises(AmountError, match="negative amount"):
        to_grams(-1, "g", "01077")


def test_bundled_grams_for() -> None:
    frame = pd.DataFrame(
        {"food_id": ["01077"] * 3, "quantity": [1.0, 0.5, 2.0], "unit": ["cup", "cup", "cups"]}
    )
    assert grams_for(frame)["grams"].tolist() == [244.0, 122.0, 488.0]


@given(
    st.floats(min_value=0, max_value=1e4, allow_nan=False),
    st.floats(min_value=0.01, max_value=100),
)
def test_to_grams_scales_linearly(amount: float, k: float) -> None:
    assert to_grams(amount * k, "cup", "01077") == pytest.approx(
        k * to_grams(amount, "cup", "01077"), rel=1e-9, abs=1e-9
    )
