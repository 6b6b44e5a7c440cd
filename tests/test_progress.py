"""Tests of the progress steps reported by long jobs (analyzer/progress.py)."""

from __future__ import annotations

from pathlib import Path

import pytest
from click.testing import CliRunner

from analyzer.cli import cli
from analyzer.cli import options as cli_options
from analyzer.diary import read_diary
from analyzer.diary.read import READ_STEPS
from analyzer.progress import DONE, Steps


def test_steps_report_completed_count_and_total() -> None:
    seen: list[tuple[str, int, int]] = []
    steps = Steps(lambda *args: seen.append(args), ("read", "match", "nutrients"))
    assert steps.total == 3
    steps.start("read")
    steps.start("match")
    steps.start("nutrients")
    steps.finish()
    assert seen == [("read", 0, 3), ("match", 1, 3), ("nutrients", 2, 3), (DONE, 3, 3)]


def test_no_callback_is_a_no_op() -> None:
    steps = Steps(None, ("read",))
    steps.start("read")
    steps.finish()
    assert steps.total == 1


def test_unknown_step_is_a_programming_error() -> None:
    steps = Steps(None, ("read", "match"))
    with pytest.raises(ValueError, match="unknown step 'parse'; the steps are read, match"):
        steps.start("parse")


DIARY = """date,food,amount,unit
2026-11-16,"Cheese, cheddar",30,g
"""


def test_long_import_reports_each_step_on_stderr(
    tmp_path: Path, monkeypatch: pytest.MonkeyPatch
) -> None:
    path = tmp_path / "diary.csv"
    path.write_text(DIARY, encoding="utf-8")
    monkeypatch.setattr(cli_options, "PROGRESS_MIN_BYTES", 0)  # every file counts as long
    result = CliRunner().invoke(cli, ["entries", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    steps = [line for line in result.stderr.splitlines() if "steps done" in line]
    assert steps == [
        "diary.csv: reading the file (0/4 steps done)",
        "diary.csv: reading dates and amounts (1/4 steps done)",
        "diary.csv: matching foods and computing nutrients (2/4 steps done)",
        "diary.csv: collecting the rows (3/4 steps done)",
        "diary.csv: done (4/4 steps done)",
    ]


def test_short_import_prints_no_progress(tmp_path: Path) -> None:
    path = tmp_path / "diary.csv"
    path.write_text(DIARY, encoding="utf-8")
    result = CliRunner().invoke(cli, ["entries", str(path), "--format", "csv"])
    assert result.exit_code == 0, result.output
    assert "steps done" not in result.stderr


def test_read_diary_reports_steps_in_order(tmp_path: Path) -> None:
    path = tmp_path / "diary.csv"
    path.write_text(DIARY, encoding="utf-8")
    seen: list[tuple[str, int, int]] = []
    read_diary(path, progress=lambda *args: seen.append(args))
    assert [step for step, _, _ in seen] == [*READ_STEPS, DONE]
    assert [done for _, done, _ in seen] == [0, 1, 2, 3, 4]
