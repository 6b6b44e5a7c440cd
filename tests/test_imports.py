"""Commands that draw nothing must not import matplotlib (nor scipy).

Each check runs the command in a fresh interpreter, because the test process itself may
already have imported those libraries.
"""

from __future__ import annotations

import json
import subprocess
import sys
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]

# Exact USDA descriptions in grams, so the diary needs nothing but foods.csv.
DIARY = """date,food,amount,unit
2026-11-16,"Milk, whole, 3.25% milkfat, with added vitamin D",244,g
2026-11-16,"Cheese, cheddar",30,g
2026-11-17,"Collards, cooked, boiled, drained, without salt",190,g
"""

SCRIPT = """
import contextlib, io, json, sys
from analyzer.cli import cli
out, err = io.StringIO(), io.StringIO()
code = 0
with contextlib.redirect_stdout(out), contextlib.redirect_stderr(err):
    try:
        cli.main(args=sys.argv[1:], standalone_mode=False)
    except SystemExit as stop:
        code = stop.code or 0
print(json.dumps({"code": code, "stderr": err.getvalue(), "stdout": out.getvalue()[:200],
                  "modules": sorted(name for name in ("matplotlib", "scipy")
                                    if name in sys.modules)}))
"""


@pytest.fixture(scope="module")
def diary_path(tmp_path_factory: pytest.TempPathFactory) -> Path:
    path = tmp_path_factory.mktemp("imports") / "diary.csv"
    path.write_text(DIARY, encoding="utf-8")
    return path


_RESULTS: dict[tuple[str, Path], dict[str, object]] = {}


def _run(command: str, diary_path: Path) -> dict[str, object]:
    """Run one command in a fresh interpreter (once per command and diary)."""
    key = (command, diary_path)
    if key in _RESULTS:
        return _RESULTS[key]
    # the diary's three foods are far below a day's energy: a cohort must count such days
    extra = ["--min-energy", "0"] if command == "cohort" else []
    done = subprocess.run(
        [sys.executable, "-c", SCRIPT, command, str(diary_path), *extra],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=False,
    )
    assert done.returncode == 0, done.stderr
    result: dict[str, object] = json.loads(done.stdout)
    # The command must have worked, or the check below would prove nothing.
    assert result["code"] == 0, result["stderr"]
    assert result["stdout"] != ""
    _RESULTS[key] = result
    return result


@pytest.mark.parametrize("command", ["entries", "daily", "weekly", "cohort"])
def test_commands_that_draw_nothing_do_not_import_matplotlib(
    command: str, diary_path: Path
) -> None:
    result = _run(command, diary_path)
    assert "matplotlib" not in result["modules"]  # type: ignore[operator]


@pytest.mark.parametrize("command", ["entries", "daily", "weekly"])
def test_commands_that_suggest_nothing_do_not_import_scipy(command: str, diary_path: Path) -> None:
    result = _run(command, diary_path)
    assert "scipy" not in result["modules"]  # type: ignore[operator]


def test_importing_the_cli_imports_neither() -> None:
    done = subprocess.run(
        [
            sys.executable,
            "-c",
            "import json, sys, analyzer, analyzer.cli; "
            "print(json.dumps(sorted(m for m in ('matplotlib', 'scipy') if m in sys.modules)))",
        ],
        capture_output=True,
        text=True,
        cwd=REPO,
        check=True,
    )
    assert json.loads(done.stdout) == []
