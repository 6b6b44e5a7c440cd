"""Amounts and units a new user found wrong (issue 10): packages, parentheses, bare counts,
vague amounts, amount words, florets, popcorn, MyFitnessPal ``quant``.

Expected grams are computed by hand from SR28 WEIGHT.txt (``analyzer/data/portions.csv``)
and foods.csv (per 100 g):

- 19411 potato chips: ``chips`` 22 = 28 g (1.27 g each), ``bag (8 oz)`` = 227 g; no packet
- 09316 strawberries: ``medium (1-1/4" dia)`` = 12 g; no punnet
- 09200 orange: ``large (3-1/16" dia)`` 184 g, ``small (2-3/8" dia)`` 96 g, ``fruit
  (2-5/8" dia)`` 131 g
- 18047 raisin bread: ``slice, large`` 32 g, ``slice`` 26 g
- 01270 cheddar, sliced: ``slice (2/3 oz)`` 19 g, ``slice (3/4 oz)`` 21 g, ``slice (1 oz)``
  28 g; 3/4 oz = 0.75 x 28.349523 = 21.262 g
- 08120 oats, dry: ``cup`` 81 g (1/2 cup = 40.5 g)
- 01256 Greek yogurt, nonfat: ``container`` 170 g
- 09037 avocado: ``fruit, without skin and seed`` 201 g
- 12061 almonds: no handful portion; the stated handful of nuts is 1 oz = 28.349523 g
- 19034 popcorn, air-popped: ``cup`` 8 g
- 11090 broccoli, raw: no floweret; 11740 broccoli flower clusters, raw: ``floweret`` 11 g
- 01009 cheddar: Ca 710 mg/100 g; 01077 whole milk: ``cup`` 244 g per 236.588 ml
"""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analyzer.diary import read_diary
from analyzer.errors import UnknownUnitError
from analyzer.foods.quantities import GRAMS_PER_OUNCE, ML_PER_US_CUP, parse_amount
from analyzer.foods.units import grams_per_unit

PACKET_HINT = "a packet's size differs by brand and USDA lists none for this food"


def _entries(tmp_path: Path, text: str, name: str = "diary.csv") -> pd.DataFrame:
    """Every row of a diary, used or reported, by line."""
    path = tmp_path / name
    path.write_text(text, encoding="utf-8")
    diary = read_diary(path)
    assert diary.rows_in == len(diary.entries) + len(diary.rejected)
    rows = pd.concat([diary.entries, diary.rejected], ignore_index=True)
    return rows.set_index("line")


# --- finding 4: a package is never one piece --------------------------------------------


def test_a_package_usda_lists_is_used_and_one_it_lacks_is_reported() -> None:
    assert grams_per_unit("19411", "bag") == pytest.approx(227.0)  # "bag (8 oz)"
    with pytest.raises(UnknownUnitError) as error:
        grams_per_unit("19411", "packet")
    assert PACKET_HINT in str(error.value)
    assert "chip" in error.value.available  # the food's own units are still listed


def test_package_words_in_names_are_not_one_piece(tmp_path: Path) -> None:
    rows = _entries(
        tmp_path,
        "date,food,amount,unit\n"
        "2025-03-03,a packet of crisps,,\n"
        "2025-03-03,2 packets of crisps,,\n"
        "2025-03-03,a punnet of strawberries,,\n"
        "2025-03-03,potato chips,1,bag\n"
        "2025-03-03,crisps,2,\n",
    )
    assert rows.loc[2, "food_id"] == rows.loc[5, "food_id"] == "19411"
    assert rows.loc[4, "food_id"] == "09316"
    for line in (2, 3, 4):
        assert rows.loc[line, "status"] == "unknown_unit"
        assert "size differs by brand" in rows.loc[line, "reason"]
    assert PACKET_HINT in rows.loc[2, "reason"]
    assert rows.loc[5, "grams"] == pytest.approx(227.0)  # USDA "bag (8 oz)"
    assert rows.loc[6, "grams"] == pytest.approx(2 * 28 / 22)  # 2 crisps: 2 of 22 = 28 g


def test_the_fix_the_message_suggests_works(tmp_path: Path) -> None:
    rows = _entries(
        tmp_path,
        "date,food,amount,unit\n"
        "2025-03-03,crisps,1 packet (30 g),\n"
        "2025-03-03,crisps,1,packet (30 g)\n"
        "2025-03-03,crisps,30 g,\n",
    )
    assert rows["grams"].tolist() == pytest.approx([30.0, 30.0, 30.0])  # every row used


def test_a_packet_in_free_text_is_reported_alike(tmp_path: Path) -> None:
    rows = _entries(
        tmp_path,
        "date,time,entry\n2025-03-03,12:00,a packet of crisps\n",
        "log.csv",
    )
    assert rows.iloc[0]["status"] == "unknown_unit"
    assert PACKET_HINT in rows.iloc[0]["reason"]


# --- finding 5: the parenthesis restates the whole amount --------------------------------


@pytest.mark.parametrize(
    ("text", "quantity", "unit"),
    [
        ("0.5 cup dry (40g)", 40.0, "g"),  # USDA 1/2 cup dry oats = 40.5 g: the whole amount
        ("0.5 container (85g)", 85.0, "g"),  # USDA container 170 g: 85 g is the half
        ("0.50 x 8.28 fl oz (122ml)", 122.0, "ml"),  # 0.5 x 8.28 fl oz = 122.4 ml
        ("0.5 cup (120ml)", 120.0, "ml"),
        ("0.5 oz (14g)", 14.0, "g"),
        ("2.00 x 8.0 fl oz (237ml)", 474.0, "ml"),  # 237 ml is one of the two 8 fl oz
    ],
)
def test_a_parenthesis_restates_the_amount(text: str, quantity: float, unit: str) -> None:
    parsed = parse_amount(text)
    assert (parsed.quantity, parsed.unit) == (pytest.approx(quantity), unit)


def test_a_parenthesis_stating_one_unit_of_the_foods_own_portion(tmp_path: Path) -> None:
    rows = _entries(
        tmp_path,
        "date,food,amount,unit\n"
        "2025-03-03,01270,2 slices (3/4 oz),\n"
        "2025-03-03,01256,0.5 container (85g),\n"
        "2025-03-03,01256,2,container (6 oz)\n",
    )
    # cheddar slices weigh 19-28 g (USDA): 21 g is one slice of two -> 2 x 21.262 g
    assert rows.loc[2, "grams"] == pytest.approx(2 * 0.75 * GRAMS_PER_OUNCE)
    assert rows.loc[3, "grams"] == pytest.approx(85.0)  # half the 170 g container
    # a unit cell names one unit: 2 x 6 oz = 12 x 28.349523 = 340.19 g
    assert rows.loc[4, "grams"] == pytest.approx(12 * GRAMS_PER_OUNCE)


# --- finding 7: a bare count is the plain item, not the large one -------------------------


def test_a_bare_count_prefers_the_unsized_item() -> None:
    assert grams_per_unit("09200", None) == pytest.approx(131.0)  # fruit (2-5/8" dia)
    assert grams_per_unit("18047", None) == pytest.approx(26.0)  # slice, not slice, large


def test_an_orange_is_the_plain_fruit(tmp_path: Path) -> None:
    rows = _entries(
        tmp_path, "date,food,amount,unit\n2025-03-03,orange,1,\n2025-03-03,an orange,,\n"
    )
    assert rows["food_id"].tolist() == ["09200", "09200"]
    assert rows["grams"].tolist() == pytest.approx([131.0, 131.0])


# --- finding 8: one rule for vague amounts -------------------------------------------------


def test_a_few_is_missing_amount_in_every_reader(tmp_path: Path) -> None:
    own = _entries(tmp_path, "date,food,amount,unit\n2025-03-03,a few strawberries,,\n")
    free = _entries(tmp_path, "date,time,entry\n2025-03-03,21:00,a few strawberries\n", "log.csv")
    cell = _entries(tmp_path, "date,food,amount\n2025-03-03,strawberries,a few\n", "cell.csv")
    why = "the amount 'a few' gives no number; write the amount, e.g. 3 or 1 cup"
    for rows in (own, free, cell):
        assert rows.iloc[0]["status"] == "missing_amount"
        assert rows.iloc[0]["reason"].endswith(why)


# --- finding 17: amount words in the cell, florets, popcorn ------------------------------


def test_amount_words_in_the_amount_cell(tmp_path: Path) -> None:
    rows = _entries(
        tmp_path,
        "date,food,amount,unit\n"
        "2025-03-03,09037,half,\n"
        "2025-03-03,12061,a handful,\n"
        "2025-03-03,09037,1,half\n",
    )
    assert rows.loc[2, "grams"] == pytest.approx(201.0 / 2)  # half of the 201 g fruit
    assert rows.loc[3, "grams"] == pytest.approx(GRAMS_PER_OUNCE)  # a handful of nuts: 1 oz
    assert rows.loc[4, "grams"] == pytest.approx(201.0 / 2)


def test_florets_and_a_handful_of_popcorn() -> None:
    assert grams_per_unit("11090", "florets") == pytest.approx(11.0)  # 11740's floweret
    assert grams_per_unit("11090", "floweret") == pytest.approx(11.0)
    assert grams_per_unit("19034", "handful") == pytest.approx(8.0)  # 1 cup air-popped
    assert grams_per_unit("12061", "handful") == pytest.approx(GRAMS_PER_OUNCE)  # nuts: 1 oz


# --- finding 18: MyFitnessPal quant ---------------------------------------------------------


def test_mfp_quant_counts_servings_of_the_name(tmp_path: Path) -> None:
    rows = _entries(
        tmp_path,
        "date,meal,food,quant,calories,carbohydrates,fat,protein,sodium,sugar\n"
        '2025-05-05,dinner,"Generic - Cheddar Cheese, 1 oz",1,113,0,9,7,175,0\n'
        '2025-05-05,dinner,"Generic - Cheddar Cheese, 1 oz",3,339,1,28,21,525,0\n'
        '2025-05-05,breakfast,"Generic - Whole Milk, 1 cup (240ml)",2,298,24,16,16,210,24\n'
        '2025-05-05,breakfast,"Generic - Whole Milk, 2 cup (480ml)",2,298,24,16,16,210,24\n'
        '2025-05-05,breakfast,"Quaker - Oats, 0.5 cup dry (40g)",2,300,54,6,10,0,2\n',
        "mfp.csv",
    )
    assert rows.loc[2, "grams"] == pytest.approx(GRAMS_PER_OUNCE)
    # 3 x 1 oz = 85.05 g; Ca 85.05 x 710 / 100 = 603.8 mg (the app's sodium: 3 x 175)
    assert rows.loc[3, "grams"] == pytest.approx(3 * GRAMS_PER_OUNCE)
    assert rows.loc[3, "calcium_mg"] == pytest.approx(3 * GRAMS_PER_OUNCE * 710 / 100)
    assert rows.loc[3, "sodium_mg"] == 525.0
    # 2 x 240 ml of whole milk at 244 g per 236.588 ml = 495.04 g, as is "2 cup (480ml)"
    assert rows.loc[4, "grams"] == pytest.approx(480 * 244 / ML_PER_US_CUP)
    assert rows.loc[5, "grams"] == pytest.approx(480 * 244 / ML_PER_US_CUP)
    assert rows.loc[6, "grams"] == pytest.approx(80.0)  # 2 servings of 40 g


def test_cooks_measures_have_stated_defaults_not_one_piece() -> None:
    # butter 01001 has no tsp portion: its density from "cup" = 227 g; a cup is 48 tsp,
    # so 2 tsp = 227 x 2 / 48 = 9.458 g
    assert grams_per_unit("01001", "knob") == pytest.approx(227 * 2 / 48)
    assert grams_per_unit("01049", "dollop") == pytest.approx(15.0)  # half and half: tbsp 15 g
    assert grams_per_unit("02047", "pinch") == pytest.approx(6.0 / 16)  # salt: tsp 6 g / 16
