"""Docs stay in sync with the code: every command has help with an example and is in the README."""

from __future__ import annotations

from pathlib import Path

import click
import pytest
from click.testing import CliRunner

from analyzer.cli import cli

README = (Path(__file__).resolve().parents[1] / "README.md").read_text(encoding="utf-8")


def _commands(group: click.Group, prefix: tuple[str, ...] = ()) -> list[tuple[str, ...]]:
    found: list[tuple[str, ...]] = []
    for name, command in sorted(group.commands.items()):
        path = (*prefix, name)
        if isinstance(command, click.Group):
            found.extend(_commands(command, path))
        else:
            found.append(path)
    return found


COMMANDS = _commands(cli)


def test_the_cli_has_the_documented_commands() -> None:
    names = {" ".join(path) for path in COMMANDS}
    assert {"foods search", "foods show", "entries", "daily", "weekly", "report", "chart"} <= names


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
@pytest.mark.parametrize("flag", ["-h", "--help"])
def test_every_command_has_help_with_an_example(path: tuple[str, ...], flag: str) -> None:
    result = CliRunner().invoke(cli, [*path, flag])
    assert result.exit_code == 0, result.output
    assert "Example:" in result.output


@pytest.mark.parametrize("path", COMMANDS, ids=[" ".join(p) for p in COMMANDS])
def test_every_command_appears_in_the_readme(path: tuple[str, ...]) -> None:
    assert f"analyzer {' '.join(path)}" in README


def test_readme_states_it_is_not_medical_advice() -> None:
    assert "This is not medical advice." in README


def test_readme_quick_start_is_make_demo_and_make_test() -> None:
    assert "make demo" in README
    assert "make test" in README


def test_version_option() -> None:
    result = CliRunner().invoke(cli, ["--version"])
    assert result.exit_code == 0
    assert result.output.startswith("analyzer, version ")


def test_readme_python_example_runs() -> None:
    start = README.index("```python\n") + len("```python\n")
    code = README[start : README.index("```", start)]
    namespace: dict[str, object] = {}
    exec(compile(code, "README.md", "exec"), namespace)
    from analyzer import Report

    report = namespace["report"]
    assert isinstance(report, Report)
    assert report.suggestions, "the western example needs greens"
    assert report.profile.description == "female, 60 y"


def test_readme_lists_every_row_status_code() -> None:
    from analyzer.diary import STATUS_CODES

    missing = [code for code in STATUS_CODES if f"`{code}`" not in README]
    assert missing == []
