"""One rule for exit codes across commands: 1 for bad input files, 2 for usage."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli

#: Every command that reads a diary, with the options it needs besides the diary.
DIARY_COMMANDS = {
    "entries": [],
    "daily": [],
    "weekly": [],
    "report": [],
    "chart": ["--out", "trend.png"],
}


@pytest.fixture
def runner() -> CliRunner:
    return CliRunner()


@pytest.mark.parametrize("command", sorted(DIARY_COMMANDS))
def test_a_missing_diary_exits_1_with_the_path(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    missing = tmp_path / "nope.csv"
    options = [str(tmp_path / o) if o.endswith(".png") else o for o in DIARY_COMMANDS[command]]
    result = runner.invoke(cli, [command, str(missing), *options])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: file not found. Check the path\n"
    assert result.stdout == ""


@pytest.mark.parametrize("command", sorted(DIARY_COMMANDS))
def test_an_unknown_option_is_a_usage_error(runner: CliRunner, command: str) -> None:
    result = runner.invoke(cli, [command, "diary.csv", "--no-such-option"])
    assert result.exit_code == 2
    assert "Error: No such option '--no-such-option'." in result.stderr


@pytest.mark.parametrize("command", ["report", "chart"])
def test_a_missing_profiles_file_exits_1_before_the_diary_is_read(
    runner: CliRunner, tmp_path: Path, command: str
) -> None:
    options = ["--out", str(tmp_path / "t.png")] if command == "chart" else []
    missing = tmp_path / "profiles.csv"
    result = runner.invoke(
        cli, [command, "--example", "western", "--profiles", str(missing), *options]
    )
    assert result.exit_code == 1
    assert result.stderr.startswith(f"Error: {missing}")
    assert "rows:" not in result.stderr  # the diary was not read
