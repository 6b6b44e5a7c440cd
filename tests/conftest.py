"""Tiny builders shared by the tests: real SR28 values for a handful of foods, and entries.

Unit tests build their entries here (independent of edits to ``foods.csv``); regression
tests read real fixtures from ``tests/data`` and the bundled examples.
"""

from __future__ import annotations

import importlib.util
import sys
from collections.abc import Sequence
from pathlib import Path
from types import ModuleType
from typing import Any

import pandas as pd
import pytest

from analyzer.balance import Analysis, analyze
from analyzer.diary import read_diary
from analyzer.examples import example_path
from analyzer.models import Settings
from analyzer.nutrients import NUTRIENT_COLUMNS
from analyzer.report import Report, build_report

#: The test data folder.
DATA = Path(__file__).parent / "data"
#: The repository's root.
REPO = Path(__file__).resolve().parents[1]

#: For unit tests whose hand-computed days hold a few foods (a few hundred kcal): far below
#: any energy need, such days are incomplete ("implausibly little food"), so tests of the
#: other rules switch that one check off (``implausible_energy_fraction=0``, a real setting).
SMALL_DAYS = Settings(implausible_energy_fraction=0)

NUTRIENTS = list(NUTRIENT_COLUMNS)
FOODS = {
    "milk": ("01077", "Milk, whole, 3.25% milkfat, with added vitamin D", "dairy",
             (61, 3.15, 113, 84, 10, 132, 43, 0)),
    "coffee": ("14209", "Beverages, coffee, brewed, prepared with tap water", "coffee",
               (1, 0.12, 2, 3, 3, 49, 2, 40)),
    "beef": ("23570", "Beef, ground, 85% lean meat / 15% fat, crumbles, cooked, pan-browned",
             "red_meat", (256, 27.73, 22, 238, 25, 407, 89, 0)),
    "cola": ("14148", "Beverages, carbonated, cola, regular", "soda",
             (42, 0.0, 1, 9, 0, 5, 3, 9)),
    "spinach": ("11458", "Spinach, cooked, boiled, drained, without salt", "greens",
                (23, 2.97, 136, 56, 87, 466, 70, 0)),
    "collards": ("11162", "Collards, cooked, boiled, drained, without salt", "greens",
                 (33, 2.71, 141, 32, 21, 117, 15, 0)),
    "tea": ("14355", "Beverages, tea, black, brewed, prepared with tap water", "tea",
            (1, 0.0, 0, 1, 3, 37, 3, 20)),
    "cheddar": ("01009", "Cheese, cheddar", "dairy", (404, 22.87, 710, 455, 27, 76, 653, 0)),
}  # fmt: skip


def make_entries(
    rows: Sequence[tuple[str, str | None, str, float]], person: str = ""
) -> pd.DataFrame:
    """Entries as Diary.entries holds them: nutrients = per-100-g value x grams / 100."""
    records = []
    for position, (day, meal, food, grams) in enumerate(rows):
        food_id, description, category, per100 = FOODS[food]
        record: dict[str, Any] = {
            "line": position + 2,
            "person": person,
            "date": pd.Timestamp(day),
            "time": pd.NA,
            "meal": meal,
            "food": food,
            "quantity": float(grams),
            "unit": "g",
            "food_id": food_id,
            "description": description,
            "category": category,
            "match_method": "exact",
            "match_confidence": "high",
            "grams": float(grams),
            "source": "usda",
            "approximate": False,
        }
        for column, value in zip(NUTRIENTS, per100, strict=True):
            record[column] = value * grams / 100
        records.append(record)
    return pd.DataFrame(records)


@pytest.fixture(autouse=True)
def _no_personal_aliases(monkeypatch: pytest.MonkeyPatch) -> None:
    """Tests never read the developer's own aliases or my-foods file (``~/.config/analyzer``)."""
    monkeypatch.setenv("ANALYZER_ALIASES", "")
    monkeypatch.setenv("ANALYZER_FOODS", "")


@pytest.fixture(scope="session")
def western_analysis() -> Analysis:
    """The bundled western example, analysed with the default profile."""
    return analyze(read_diary(example_path("western")))


@pytest.fixture(scope="session")
def western_report(western_analysis: Analysis) -> Report:
    """The report of the bundled western example's week."""
    return build_report(western_analysis)


def load_tool(name: str) -> ModuleType:
    """A script of ``tools/`` (not a package), loaded by its path: ``load_tool("synth")``."""
    spec = importlib.util.spec_from_file_location(name, REPO / "tools" / f"{name}.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault(name, module)
    spec.loader.exec_module(module)
    return module


@pytest.fixture(scope="session")
def study_cohort(tmp_path_factory: pytest.TempPathFactory) -> tuple[Path, Path]:
    """A study cohort of 3,000 rows from ``tools/synth.py``: 40 persons, a week, with their
    profiles (the diary and the profiles file)."""
    synth = load_tool("synth")
    tables = synth.load_tables(*synth.default_table_paths(REPO))
    diary, profiles, _ = synth.ensure_cohort(
        3_000, synth.Cohort(persons=40, days=7), tmp_path_factory.mktemp("cohort"), tables
    )
    return diary, profiles


def cheddar_week_a_fifth_unused(folder: Path) -> Path:
    """A week (Mon 16 to Sun 22 Nov 2026) of 4 x 70 g cheddar a day (SR28 01009: 404 kcal,
    Ca 710, P 455 mg/100 g; 1,131 kcal, 1,988 mg Ca, 1,274 mg P) and one row a day in a unit
    cheddar lacks, counted as an average entry: a fifth of each day's food unused, every
    mineral unknown for 20% (a complete day; too little known for a ratio or a verdict)."""
    rows = ["date,food,amount,unit"]
    for day in range(16, 23):
        rows += [f'2026-11-{day},"Cheese, cheddar",70,g'] * 4
        rows.append(f'2026-11-{day},"Cheese, cheddar",2,furlong')
    path = folder / "cheddar_week.csv"
    path.write_text("\n".join(rows) + "\n", encoding="utf-8")
    return path
