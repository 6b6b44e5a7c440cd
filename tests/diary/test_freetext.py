"""Free-text logs: lines split into food phrases, each used or reported, nothing guessed.

Hand arithmetic from SR28 (per 100 g) and its portions (WEIGHT):
- "1 cup cooked spinach" -> 11458, 1 cup = 180 g; Ca 180 x 136/100 = 244.8 mg
- "2 cans of coke" -> cola 14148, "can or bottle (12 fl oz)" = 370 g -> 740 g;
  Ca 740 x 1/100 = 7.4 mg
- "4 oz grilled salmon" -> 4 x 28.349523 = 113.398 g (oz is a weight on a solid food)
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest

from analyzer.diary import read_diary
from analyzer.diary.freetext import split_amount, split_phrases

DATA = Path(__file__).parents[1] / "data" / "research"
EXPECTED = json.loads((DATA / "expected.json").read_text(encoding="utf-8"))["freetext_log.csv"]


def test_every_line_split_as_the_fixture_intends() -> None:
    for row in EXPECTED["rows"]:
        if row["expected_segments"]:
            text = row["entry"].split(" ", 1)[1] if row["line"] == 3 else row["entry"]
            assert split_phrases(text) == row["expected_segments"], row["line"]


def test_rows_in_are_phrases_and_each_is_used_or_reported() -> None:
    diary = read_diary(DATA / "freetext_log.csv")
    assert diary.format == "freetext"
    # 12 lines -> phrases per line 2..13: 3 + 2 + 3 + 1 + 3 + 1 + 3 + 2 + 2 + 1 + 1 + 3 = 25
    # (line 7 "and some other stuff i think" is one phrase: the leading "and" separates
    # nothing)
    assert diary.rows_in == 25 == len(diary.entries) + len(diary.rejected)
    statuses = diary.all_rows().groupby("line")["status"].agg(list).to_dict()
    assert statuses[5] == ["supplement"]
    assert statuses[10] == ["supplement", "supplement"]
    assert statuses[7] == ["no_food"]
    assert statuses[11] == ["no_food"]
    # a food without an amount is reported, never given a portion
    assert set(statuses[3]) == {"missing_amount"}
    assert diary.rejected.set_index(["line", "food"]).loc[(2, "butter"), "reason"] == (
        "no amount for 'butter' in 'two eggs and a slice of toast with butter'; write it with "
        "its amount, e.g. '100 g butter'"
    )


def test_amounts_read_from_the_text() -> None:
    entries = read_diary(DATA / "freetext_log.csv").entries
    rows = entries.set_index("food")
    assert rows.loc["cooked spinach", "calcium_mg"] == pytest.approx(244.8)
    assert rows.loc["coke", ["quantity", "unit", "grams"]].tolist() == [2.0, "can", 740.0]
    assert rows.loc["coke", "calcium_mg"] == pytest.approx(7.4)
    assert rows.loc["grilled salmon", "grams"] == pytest.approx(113.398093)
    # the time at the start of the text is the time when the cell is blank
    assert rows.loc["eggs", "time"] == "08:15"
    # "bowl of cheerios" (a cereal bowl, 1 1/2 cups) and "1 cup 2% milk"
    assert entries.loc[entries["line"] == 8, "time"].tolist() == ["7:30 AM", "7:30 AM"]


def test_time_inside_the_text(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text("date,time,entry\n2026-11-16,,10:30 1 cup 2% milk\n", encoding="utf-8")
    entries = read_diary(path).entries
    assert entries[["time", "food", "quantity", "unit"]].values.tolist() == [
        ["10:30", "2% milk", 1.0, "cup"]
    ]


@pytest.mark.parametrize(
    ("phrase", "food", "amount"),
    [
        ("a slice of toast", "toast", "1 slice"),
        ("two eggs", "eggs", "2"),
        ("half a cup of rice", "rice", "0.5 cup"),
        ("glass of red wine", "red wine", "1 glass"),
        ("steak (8oz)", "steak", "8oz"),
        ("milk 250 ml", "milk", "250 ml"),
        ("1,5 cups milk", "milk", "1.5 cup"),
        ("2% milk", "2% milk", ""),
        ("apple pie", "apple pie", ""),
        ("had an apple", "apple", "1"),
    ],
)
def test_split_amount(phrase: str, food: str, amount: str) -> None:
    assert split_amount(phrase) == (food, amount)


@pytest.mark.parametrize(
    ("line", "phrases"),
    [
        ("mac and cheese and a coke", ["mac and cheese", "a coke"]),
        ("pasta with tomato sauce, salad", ["pasta with tomato sauce", "salad"]),
        ("coffee w/ milk + sugar", ["coffee", "milk", "sugar"]),
        ("", []),
    ],
)
def test_split_phrases(line: str, phrases: list[str]) -> None:
    assert split_phrases(line) == phrases


def test_a_line_with_its_own_problem_stays_one_row(tmp_path: Path) -> None:
    path = tmp_path / "log.csv"
    path.write_text(
        "date,entry\n2026-02-30,milk and bread and cheese\n2026-11-16,1 cup milk\n,,\n",
        encoding="utf-8",
    )
    diary = read_diary(path)
    assert diary.rejected[["line", "status"]].values.tolist() == [[2, "bad_date"], [4, "empty"]]
    assert diary.entries[["line", "food", "quantity"]].values.tolist() == [[3, "milk", 1.0]]
    assert diary.rows_in == 3
