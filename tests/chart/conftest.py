"""Fixtures shared by the chart tests."""

from __future__ import annotations

import pandas as pd
import pytest

from analyzer.balance import analyze
from analyzer.report.trend import Trend, build_trend
from tests.conftest import SMALL_DAYS, make_entries


@pytest.fixture(scope="module")
def year_trend() -> Trend:
    """One day (Monday, 250 g milk) in each of the 52 weeks from Mon 5 Jan to Mon 28 Dec 2026
    (2026-W02 to 2026-W53), except weeks 10, 20 and 30 of the span (16 Mar, 25 May, 3 Aug)."""
    mondays = pd.date_range("2026-01-05", periods=52, freq="7D")  # to Mon 28 Dec
    kept = [d for i, d in enumerate(mondays) if i not in (10, 20, 30)]
    rows = [(f"{d:%Y-%m-%d}", "lunch", "milk", 250.0) for d in kept]
    return build_trend(analyze(make_entries(rows), settings=SMALL_DAYS), 52)
