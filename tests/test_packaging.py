"""The installed wheel carries the nutrient table and every data file the package reads."""

from __future__ import annotations

import subprocess
import sys
from importlib.metadata import PackageNotFoundError, files
from pathlib import Path

import pytest

REPO = Path(__file__).resolve().parents[1]


def _installed_files() -> set[str]:
    try:
        listed = files("analyzer")
    except PackageNotFoundError:
        pytest.skip("analyzer is not installed in this environment (run `make test`)")
    if listed is None:
        pytest.skip("the installed analyzer has no RECORD")
    return {str(p).replace("\\", "/") for p in listed}


def test_wheel_carries_foods_csv() -> None:
    assert "analyzer/data/foods.csv" in _installed_files()


def test_wheel_carries_every_data_file() -> None:
    installed = _installed_files()
    data_files = [
        p.relative_to(REPO).as_posix()
        for p in (REPO / "analyzer").rglob("*")
        if p.is_file() and p.suffix in {".csv", ".json", ".toml"}
    ]
    assert data_files, "the package has data files"
    missing = [f for f in data_files if f not in installed]
    assert missing == []


def test_python_dash_m_runs_the_cli() -> None:
    result = subprocess.run(
        [sys.executable, "-m", "analyzer", "--version"],
        capture_output=True,
        text=True,
        check=False,
        cwd=REPO,
    )
    assert result.returncode == 0
    assert result.stdout.startswith("analyzer, version ")
