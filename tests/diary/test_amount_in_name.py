"""A blank amount cell is read from the food name, with the same split the matcher uses.

Real data: foods.csv and USDA portions (SR28 WEIGHT.txt):
- 01132 scrambled egg: a bare count is one whole item, its only count portion "large" =
  61 g -> 2 eggs = 122 g
- 12061 almonds: a handful is the stated 1 oz = 28.349523 g
- 09040 banana: "medium" = 118 g; half a banana = 0.5 x 118 = 59 g
- 20045 white rice, cooked: "cup" = 158 g; a (small) bowl is the stated 1 cup
"""

from __future__ import annotations

from pathlib import Path

import pytest

from analyzer.diary import read_diary

DIARY = """date,food,amount,unit
2026-11-16,2 eggs scrambled,,
2026-11-16,a handful of almonds,,
2026-11-16,"Generic - Banana, 1 medium",,
2026-11-16,half a banana,,
2026-11-16,small bowl of rice,,
2026-11-16,a few strawberries,,
2026-11-16,7 up,,
2026-11-16,whole milk,,
2026-11-16,"Generic - Banana, 1 medium",2,medium
"""


@pytest.fixture(scope="module")
def diary(tmp_path_factory: pytest.TempPathFactory):  # type: ignore[no-untyped-def]
    path = Path(tmp_path_factory.mktemp("names")) / "diary.csv"
    path.write_text(DIARY)
    return read_diary(path)


def test_amounts_read_from_names(diary) -> None:  # type: ignore[no-untyped-def]
    grams = dict(zip(diary.entries["line"], diary.entries["grams"], strict=True))
    assert grams[2] == pytest.approx(2 * 61.0)  # 2 scrambled eggs
    assert grams[3] == pytest.approx(28.349523125)  # a handful of almonds: 1 oz
    assert grams[4] == pytest.approx(118.0)  # 1 medium banana
    assert grams[5] == pytest.approx(59.0)  # half a banana
    assert grams[6] == pytest.approx(158.0)  # a (small) bowl of rice: 1 cup
    assert grams[10] == pytest.approx(2 * 118.0)  # the amount cell wins over the name


def test_names_without_a_readable_amount_are_reported(diary) -> None:  # type: ignore[no-untyped-def]
    assert diary.rows_in == len(diary.entries) + len(diary.rejected)
    rejected = diary.rejected.set_index("line")
    assert rejected["status"].to_dict() == {
        7: "missing_amount",
        8: "missing_amount",
        9: "missing_amount",
    }
    assert rejected.loc[7, "reason"] == (
        "missing amount for 'a few strawberries'; the amount 'a few' gives no number; "
        "write the amount, e.g. 3 or 1 cup"
    )
    # "7 up" is a soda, not 7 of something: the name carries no amount
    assert rejected.loc[8, "reason"] == "missing amount for '7 up'"
    assert rejected.loc[9, "reason"] == "missing amount for 'whole milk'"


def test_every_entry_says_how_its_food_was_found(diary) -> None:  # type: ignore[no-untyped-def]
    entries = diary.entries.set_index("line")
    assert entries.loc[3, "match_method"] == "alias"  # almonds
    assert set(entries["match_confidence"]) <= {"high", "medium", "low"}
