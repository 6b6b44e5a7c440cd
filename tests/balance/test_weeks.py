"""Tests of analyzer.balance.weeks: every week rule in one place."""

from __future__ import annotations

import datetime as dt
import math

import numpy as np
import pandas as pd
import pytest

from analyzer.balance.weeks import (
    choose_person,
    iso_week,
    ratio_usable,
    select_window,
    week_averages,
    week_label,
    week_start,
)
from analyzer.errors import NoDataError

# --- week selection ---------------------------------------------------------------------------


def _dates(*days: str) -> pd.Series:
    return pd.Series(pd.to_datetime(list(days)))


def test_default_week_is_latest_full_week() -> None:
    full = [f"2026-11-{d}" for d in range(16, 23)]  # W47 complete
    dates = _dates(*full, "2026-11-23", "2026-11-24")  # W48 partial
    window = select_window(dates)
    days, label, notes = window.days, window.label, window.notes
    assert label == "2026-W47"
    # the later, partial week is named so the user can pick it
    assert notes == [
        "Showing 2026-W47, the latest week with all 7 days logged; the diary goes on to "
        "2026-W48 (2 days logged): choose it with --week 2026-W48."
    ]
    assert days[0] == pd.Timestamp("2026-11-16") and len(days) == 7


def test_default_week_falls_back_to_latest_with_a_note() -> None:
    window = select_window(_dates("2026-11-10", "2026-11-23", "2026-11-24"))
    label, notes = window.label, window.notes
    assert label == "2026-W48"
    assert notes == [
        "No week in the diary has all 7 days logged; showing the latest, 2026-W48 (2 days "
        "logged); averages are per logged day."
    ]


def test_week_not_in_diary_names_the_weeks() -> None:
    dates = _dates("2026-11-10", "2026-11-16", "2026-11-17")
    with pytest.raises(NoDataError) as error:
        select_window(dates, week="2026-W40")
    assert str(error.value) == (
        "week 2026-W40 is not in the diary; weeks in the diary: 2026-W46 (1 day), "
        "2026-W47 (2 days)"
    )


def test_start_date_window_and_bad_inputs() -> None:
    dates = _dates("2026-11-18", "2026-11-20")
    window = select_window(dates, start=dt.date(2026, 11, 18))
    days, label = window.days, window.label
    assert label == "2026-11-18 to 2026-11-24"
    assert days[-1] == pd.Timestamp("2026-11-24")
    label = select_window(dates, start="2026-11-16").label
    assert label == "2026-W47"
    with pytest.raises(NoDataError, match=r"^week '2026-47' is not an ISO week; write it like"):
        select_window(dates, week="2026-47")
    with pytest.raises(NoDataError, match=r"^give either a week or a start date, not both$"):
        select_window(dates, week="2026-W47", start="2026-11-16")
    with pytest.raises(NoDataError, match=r"^the week starting 2026-12-01 is not in the diary"):
        select_window(dates, start="2026-12-01")


def test_week_averages_skip_unknown_days() -> None:
    daily = pd.DataFrame(
        {
            "date": pd.to_datetime(["2026-11-16", "2026-11-17"]),
            "calcium_mg": [800.0, 600.0],
            "phosphorus_mg": [1000.0, math.nan],  # unknown on day 2: mean of the known day
        }
    )
    week = week_averages(daily)
    assert week["days"] == 2
    assert week["calcium_mg"] == 700.0
    assert week["phosphorus_mg"] == 1000.0
    assert week["ca_p_mass_ratio"] == pytest.approx(0.7)
    assert math.isnan(week["magnesium_mg"])


def test_iso_week_labels_year_boundaries() -> None:
    # 2027-01-01 is a Friday of ISO week 53 of 2026; 2026-12-28 is its Monday.
    dates = pd.Series(pd.to_datetime(["2026-12-28", "2027-01-01", "2027-01-04"]))
    assert iso_week(dates).tolist() == ["2026-W53", "2026-W53", "2027-W01"]
    assert week_label(dt.date(2027, 1, 3)) == "2026-W53"
    assert week_start("2026-W53") == pd.Timestamp("2026-12-28")


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("2026-47", "week '2026-47' is not an ISO week; write it like 2026-W47"),
        ("2025-W53", "week '2025-W53' does not exist; year 2025 has weeks W01 to W52"),
        ("2026-W54", "week '2026-W54' does not exist; year 2026 has weeks W01 to W53"),
    ],
)
def test_week_start_rejects_bad_weeks(week: str, message: str) -> None:
    with pytest.raises(NoDataError) as info:
        week_start(week)
    assert str(info.value) == message


def test_choose_person_needs_a_choice_for_several_people() -> None:
    frame = pd.DataFrame({"person": ["ann", "bob", "ann"]})
    with pytest.raises(NoDataError) as info:
        choose_person(frame, None)
    assert str(info.value).startswith("the diary holds 2 people (ann, bob); choose one person")
    assert choose_person(frame, "bob") == "bob"
    assert choose_person(pd.DataFrame({"person": ["", ""]}), None) is None
    with pytest.raises(NoDataError, match=r"^person 'cy' is not in the diary; it has: ann, bob"):
        choose_person(frame, "cy")


def test_ratio_usable_needs_ninety_percent_of_entries() -> None:
    # 10 entries: 9 with calcium (90 %) is enough, 8 (80 %) is not; none logged is usable.
    daily = pd.DataFrame(
        {
            "entries": [10, 10, 10, np.nan],
            "calcium_mg_unknown": [1, 2, 0, np.nan],
            "phosphorus_mg_unknown": [0, 0, 10, np.nan],
        }
    )
    assert ratio_usable(daily).tolist() == [True, False, False, True]
