"""Messages that stay readable on a cohort file: rows grouped by reason, flags capped."""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.cli.balance import FLAGS_LISTED_PER_CODE

#: "Cheese, cheddar" 30 g on one day, then 40 rows of a food with a unit it does not have.
ROWS = ["date,food,amount,unit", '2026-11-16,"Cheese, cheddar",30,g'] + [
    '2026-11-16,"Cheese, cheddar",2,furlong' for _ in range(40)
]


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


def test_rows_failing_alike_are_one_message(runner: CliRunner, tmp_path: Path) -> None:
    diary = tmp_path / "d.csv"
    diary.write_text("\n".join(ROWS) + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["daily", str(diary)])
    assert result.exit_code == 0
    lines = [line for line in result.stderr.splitlines() if " line " in line]
    # lines 3..42 (the header is line 1, the good row line 2): three named, 37 more
    assert len(lines) == 1
    assert lines[0].startswith(f"{diary} line 3, 4, 5 and 37 more: unknown unit 'furlong'")
    assert "41 rows: 1 used, 40 not used" in result.stderr


@pytest.mark.parametrize("command", ["entries", "daily", "weekly", "report"])
def test_a_diary_with_no_usable_row_exits_1(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    diary = tmp_path / "d.csv"
    diary.write_text("\n".join([ROWS[0], *ROWS[2:5]]) + "\n", encoding="utf-8")
    result = runner.invoke(cli, [command, str(diary)])
    assert result.exit_code == 1
    assert result.stderr.endswith(
        f"3 rows: 0 used, 3 not used\nError: {diary}: no row of the diary can be used; "
        "see the reasons above (or `analyzer entries DIARY`)\n"
    )
    if command == "entries":  # the rows as understood are still shown
        assert "furlong" in result.stdout


def test_a_header_only_diary_exits_1(runner: CliRunner, tmp_path: Path) -> None:
    diary = tmp_path / "d.csv"
    diary.write_text(ROWS[0] + "\n", encoding="utf-8")
    result = runner.invoke(cli, ["daily", str(diary)])
    assert result.exit_code == 1
    assert result.stderr.endswith("no row of the diary can be used; the file has no data rows\n")


def _cohort(tmp_path: Path, people: int) -> Path:
    """``people`` persons, one day each: 1 cup of whole milk (276 mg Ca), far below the RDA."""
    lines = ["person,date,food,amount,unit"] + [
        f'p{i:03d},2026-11-16,"Milk, whole, 3.25% milkfat, with added vitamin D",1,cup'
        for i in range(people)
    ]
    path = tmp_path / "cohort.csv"
    path.write_text("\n".join(lines) + "\n", encoding="utf-8")
    return path


def test_flags_are_capped_per_finding_on_stderr(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(cli, ["daily", str(_cohort(tmp_path, 25)), "--flags"])
    assert result.exit_code == 0
    calcium = [line for line in result.stderr.splitlines() if "calcium 276 mg is below" in line]
    assert len(calcium) == FLAGS_LISTED_PER_CODE
    assert (
        f"... and {25 - FLAGS_LISTED_PER_CODE} more 'calcium_low' flags "
        "(all of them: --flags --format json)"
    ) in result.stderr


def test_every_flag_is_in_the_json(runner: CliRunner, tmp_path: Path) -> None:
    result = runner.invoke(
        cli, ["daily", str(_cohort(tmp_path, 25)), "--flags", "--format", "json"]
    )
    assert result.exit_code == 0
    document = json.loads(result.stdout)
    assert len(document["daily"]) == 25
    calcium = [f for f in document["flags"] if f["code"] == "calcium_low"]
    assert len(calcium) == 25
    assert {f["person"] for f in calcium} == {f"p{i:03d}" for i in range(25)}
    assert calcium[0]["value"] == pytest.approx(244 * 1.13)  # 1 cup = 244 g x 113 mg/100 g
