"""Your own aliases (``--aliases FILE``, the default file, ``read_diary(aliases=...)``).

Real data: foods.csv and USDA portions. SR28 values used: 01040 Swiss cheese, Ca 890 mg per
100 g (30 g -> 267.0 mg).
"""

from __future__ import annotations

import json
from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.diary import read_diary
from analyzer.errors import AliasFileError

DIARY = """date,food,amount,unit
2026-11-16,halloumi cheese,30,g
2026-11-16,emmental cheese,30,g
"""
ALIASES = """name,food_id,note
Halloumi Cheese,1040,close enough to swiss for me
"""


def _files(tmp_path: Path) -> tuple[str, str]:
    diary = tmp_path / "diary.csv"
    diary.write_text(DIARY)
    aliases = tmp_path / "aliases.csv"
    aliases.write_text(ALIASES)
    return str(diary), str(aliases)


def test_an_alias_overrides_the_matcher(tmp_path: Path) -> None:
    diary, aliases = _files(tmp_path)
    result = CliRunner().invoke(cli, ["entries", diary, "--aliases", aliases, "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["status"] for r in rows] == ["ok", "ok"]
    mine, matched = rows
    assert (mine["food_id"], mine["match_method"], mine["match_confidence"]) == (
        "01040",
        "alias (yours)",
        "high",
    )
    assert mine["calcium_mg"] == pytest.approx(30 * 890 / 100)  # 267.0 mg
    assert (matched["food_id"], matched["match_method"]) == ("01040", "alias")


def test_without_the_alias_halloumi_is_unknown(tmp_path: Path) -> None:
    diary, _ = _files(tmp_path)
    result = CliRunner().invoke(cli, ["entries", diary, "--format", "json"])
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert rows[0]["status"] == "unknown_food"


def test_the_default_aliases_file_is_read(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    diary, aliases = _files(tmp_path)
    monkeypatch.setenv("ANALYZER_ALIASES", aliases)
    result = CliRunner().invoke(cli, ["entries", diary, "--format", "json"])
    assert json.loads(result.stdout)[0]["match_method"] == "alias (yours)"


def test_the_api_takes_the_same_file(tmp_path: Path) -> None:
    diary, aliases = _files(tmp_path)
    entries = read_diary(diary, aliases=aliases).entries
    assert entries["match_method"].tolist() == ["alias (yours)", "alias"]


def test_a_bad_aliases_file_lists_every_bad_line(tmp_path: Path) -> None:
    diary, _ = _files(tmp_path)
    bad = tmp_path / "bad.csv"
    bad.write_text("name,food_id\ngranola,99999\n,01077\nhalloumi,01040\nHalloumi,01009\n")
    result = CliRunner().invoke(cli, ["entries", diary, "--aliases", str(bad)])
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr.splitlines() == [
        f"Error: {bad} line 2: unknown food id for 'granola' ('99999'); use a 5-digit NDB id "
        "from `analyzer foods search NAME`",
        f"{bad} line 3: no name ('01077'); give the food name as you log it",
        f"{bad} line 5: the same name with another food id ('Halloumi'); give each name once "
        "(line 4 has it too)",
    ]


def test_a_missing_or_headerless_aliases_file(tmp_path: Path) -> None:
    diary, _ = _files(tmp_path)
    with pytest.raises(AliasFileError, match="no such file"):
        read_diary(diary, aliases=tmp_path / "nope.csv")
    headless = tmp_path / "headless.csv"
    headless.write_text("halloumi,01040\n")
    with pytest.raises(AliasFileError, match="the first line must be: name,food_id"):
        read_diary(diary, aliases=headless)
