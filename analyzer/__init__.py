"""analyzer: dietary calcium-phosphorus balance from a food diary (USDA SR28).

The public API. Errors and models load at once; the rest loads on first use, so that
``import analyzer`` (and every CLI command that draws nothing) stays light: matplotlib is
imported only by the chart functions, scipy only by the greens optimizer.

Examples
--------
>>> import analyzer
>>> analyzer.Profile(sex="female", age=60).describe()
'female, 60 y'
"""

from __future__ import annotations

import importlib
from typing import TYPE_CHECKING, Any

from analyzer.errors import (
    AmountError,
    AnalyzerError,
    DataFileError,
    DiaryFormatError,
    DiaryRowError,
    MyFoodsFileError,
    NoDataError,
    ProfileError,
    UnknownFoodError,
    UnknownUnitError,
)
from analyzer.models import Flag, Profile, Settings, Targets

if TYPE_CHECKING:
    from analyzer.balance.absorption import absorbed_calcium_mg, calcium_class
    from analyzer.balance.analysis import Analysis, analyze
    from analyzer.balance.profiles import load_profiles
    from analyzer.balance.targets import targets_for
    from analyzer.chart import save_figure, trend_chart, weekly_chart
    from analyzer.chart.cohort import cohort_chart
    from analyzer.diary import Diary, read_diary
    from analyzer.diary.recipes import build_my_foods
    from analyzer.examples import example_path, my_foods_example_path
    from analyzer.foods.table import FoodMatcher, find_food, load_foods
    from analyzer.foods.units import grams_per_unit, load_portions, parse_amount, to_grams
    from analyzer.report.build import build_report
    from analyzer.report.cohort import CohortReport, build_cohort
    from analyzer.report.greens import load_greens
    from analyzer.report.plan import plan_greens
    from analyzer.report.text import render_text

#: Where each lazily loaded name lives.
_LAZY = {
    "Analysis": "analyzer.balance",
    "analyze": "analyzer.balance",
    "load_profiles": "analyzer.balance",
    "targets_for": "analyzer.balance",
    "Diary": "analyzer.diary",
    "read_diary": "analyzer.diary",
    "example_path": "analyzer.examples",
    "my_foods_example_path": "analyzer.examples",
    "build_my_foods": "analyzer.diary.recipes",
    "FoodMatcher": "analyzer.foods",
    "find_food": "analyzer.foods",
    "load_foods": "analyzer.foods",
    "load_portions": "analyzer.foods",
    "parse_amount": "analyzer.foods",
    "to_grams": "analyzer.foods",
    "absorbed_calcium_mg": "analyzer.balance.absorption",
    "calcium_class": "analyzer.balance.absorption",
    "grams_per_unit": "analyzer.foods.units",
    "load_greens": "analyzer.report.greens",
    "Report": "analyzer.report",
    "build_report": "analyzer.report",
    "build_trend": "analyzer.report",
    "render_text": "analyzer.report",
    "plan_greens": "analyzer.report.plan",
    "save_figure": "analyzer.chart",
    "trend_chart": "analyzer.chart",
    "weekly_chart": "analyzer.chart",
    "CohortReport": "analyzer.report.cohort",
    "build_cohort": "analyzer.report.cohort",
    "cohort_chart": "analyzer.chart.cohort",
}


def __getattr__(name: str) -> Any:
    module = _LAZY.get(name)
    if module is None:
        raise AttributeError(f"module 'analyzer' has no attribute {name!r}")
    value = getattr(importlib.import_module(module), name)
    globals()[name] = value
    return value


__all__ = [
    "AmountError",
    "Analysis",
    "AnalyzerError",
    "CohortReport",
    "DataFileError",
    "Diary",
    "DiaryFormatError",
    "DiaryRowError",
    "Flag",
    "FoodMatcher",
    "MyFoodsFileError",
    "NoDataError",
    "Profile",
    "ProfileError",
    "Report",
    "Settings",
    "Targets",
    "UnknownFoodError",
    "UnknownUnitError",
    "absorbed_calcium_mg",
    "analyze",
    "build_cohort",
    "build_my_foods",
    "build_report",
    "build_trend",
    "calcium_class",
    "cohort_chart",
    "example_path",
    "find_food",
    "grams_per_unit",
    "load_foods",
    "load_greens",
    "load_portions",
    "load_profiles",
    "my_foods_example_path",
    "parse_amount",
    "plan_greens",
    "read_diary",
    "render_text",
    "save_figure",
    "targets_for",
    "to_grams",
    "trend_chart",
    "weekly_chart",
]
