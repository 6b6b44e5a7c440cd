"""Tests of the progress steps reported by long jobs (analyzer/progress.py)."""

from __future__ import annotations

import pytest

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
