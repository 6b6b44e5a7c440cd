"""Tests of analyzer.chart: the numbers drawn (pure pandas) and the figures (headless Agg).

The analysis here is a tiny inline stand-in with the balance engine's column names, so the
tests do not move when foods.csv or the engine's coefficients change. Real-data tests on the
bundled examples are in tests/test_examples.py.
"""

from __future__ import annotations

from dataclasses import dataclass, field
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from matplotlib.collections import PolyCollection
from matplotlib.figure import Figure
from matplotlib.patches import Rectangle

from analyzer.chart import (
    PANELS,
    plan_view,
    save_figure,
    trend_chart,
    trend_weeks,
    week_days,
    weekly_chart,
)
from analyzer.chart.frames import load_by_group, week_start
from analyzer.chart.style import CONCERN_MASS_RATIO, OKABE_ITO
from analyzer.errors import DataFileError, NoDataError
from analyzer.models import Profile
from analyzer.report.plan import Goals, GreensPlan, Suggestion, WeekIntake


@dataclass
class Targets:
    calcium_mg: float = 1000.0
    phosphorus_mg: float = 700.0
    magnesium_mg: float = 320.0
    potassium_mg: float = 2600.0


@dataclass
class FakeAnalysis:
    entries: pd.DataFrame
    daily: pd.DataFrame
    weekly: pd.DataFrame
    targets: Any = field(default_factory=Targets)
    profile: Any = field(default_factory=Profile)


GROUPS = ["red_meat", "dairy", "soda", "coffee", "other"]


def make_analysis() -> FakeAnalysis:
    """Week 2026-W47 logged Mon-Sat (Sunday missing) and one day of week W48.

    Entries: on day i (0 = Mon 16 Nov) group j has diuretic load 5 + i + 3 j mg, so Monday
    has red meat 5, dairy 8, soda 11, coffee 14, other 17.
    """
    days = [*pd.date_range("2026-11-16", periods=6), pd.Timestamp("2026-11-23")]
    daily = pd.DataFrame(
        {
            "date": days,
            "calcium_mg": [620.0, 710, 540, 800, 660, 900, 1000],
            "phosphorus_mg": [1400.0, 1500, 1250, 1600, 1350, 1550, 1000],
            "magnesium_mg": [250.0, 260, 230, 270, 240, 300, 320],
            "potassium_mg": [2100.0, 2300, 1900, 2500, 2000, 2700, 2600],
            "absorbable_calcium_mg": [200.0, 230, 180, 250, 210, 280, 300],
        }
    )
    daily["ca_p_mass_ratio"] = daily["calcium_mg"] / daily["phosphorus_mg"]
    entries = pd.DataFrame(
        [
            {"date": d, "group": g, "diuretic_load_mg": 5.0 + i + 3 * j}
            for i, d in enumerate(days)
            for j, g in enumerate(GROUPS)
        ]
    )
    weekly = pd.DataFrame(
        {
            "week": ["2026-W47", "2026-W48"],
            "days": [6, 1],
            "calcium_mg": [705.0, 1000.0],
            "phosphorus_mg": [1441.67, 1000.0],
            "absorbable_calcium_mg": [225.0, 300.0],
            "ca_p_mass_ratio": [705.0 / 1441.67, 1.0],
        }
    )
    return FakeAnalysis(entries, daily, weekly)


def make_plan() -> GreensPlan:
    """A plan as analyzer.report.plan returns it: collards on 4 days; ratio 0.49 -> 0.62."""
    current = WeekIntake(6, 705.0, 225.0, 1441.67, 258.3, 2250.0)
    projected = WeekIntake(6, 893.0, 320.0, 1441.67 + 30.0, 290.0, 2400.0)
    collards = Suggestion(
        "11162", "Collards, cooked, boiled, drained, without salt", "cooked collards",
        "calcium", "", 1.0, "cup", 190.0, 4, {}, {},
    )  # fmt: skip
    goals = Goals(329.1, 1.0, 320.0, 2600.0)
    return GreensPlan("partial", [collards], current, projected, goals, {})


@pytest.fixture
def analysis() -> FakeAnalysis:
    return make_analysis()


# --- the numbers drawn --------------------------------------------------------------------


def test_week_days_has_seven_days_with_the_missing_sunday(analysis: FakeAnalysis) -> None:
    week = week_days(analysis, "2026-W47")
    assert list(week.index) == list(pd.date_range("2026-11-16", "2026-11-22"))
    assert week["logged"].tolist() == [True] * 6 + [False]
    assert week["calcium_mg"].isna().tolist() == [False] * 6 + [True]
    # Monday: magnesium 250 / 320 x 100 = 78.125 %; potassium 2100 / 2600 x 100 = 80.769 %
    assert week.loc["2026-11-16", "magnesium_pct"] == pytest.approx(78.125)
    assert week.loc["2026-11-16", "potassium_pct"] == pytest.approx(80.769, abs=1e-3)


def test_week_days_defaults_to_the_latest_week(analysis: FakeAnalysis) -> None:
    week = week_days(analysis)
    assert week.attrs["week"] == "2026-W48"
    assert week["logged"].sum() == 1


def test_week_not_in_diary_lists_the_weeks_it_has(analysis: FakeAnalysis) -> None:
    with pytest.raises(NoDataError) as info:
        week_days(analysis, "2026-W40")
    assert str(info.value) == "week 2026-W40 is not in the diary; it has: 2026-W47, 2026-W48"


@pytest.mark.parametrize(
    ("week", "message"),
    [
        ("2026-47", "week '2026-47' is not an ISO week; write it like 2026-W47"),
        ("2026-W54", "week '2026-W54' does not exist; year 2026 has weeks W01 to W52 or W53"),
    ],
)
def test_bad_week_text(week: str, message: str) -> None:
    with pytest.raises(NoDataError) as info:
        week_start(week)
    assert str(info.value) == message


def test_several_people_need_a_person(analysis: FakeAnalysis) -> None:
    two = pd.concat([analysis.daily.assign(person="a"), analysis.daily.assign(person="b")])
    analysis.daily = two
    with pytest.raises(NoDataError) as info:
        week_days(analysis, "2026-W47")
    assert str(info.value) == (
        "the diary holds 2 people (a, b); chart one person at a time: pass person=... "
        "(CLI: --person)"
    )
    assert week_days(analysis, "2026-W47", person="b")["logged"].sum() == 6
    # the title names whose week it is (before: only the profile)
    analysis.entries = pd.concat([analysis.entries.assign(person=p) for p in ("a", "b")])
    title = weekly_chart(analysis, "2026-W47", person="b").get_suptitle()
    assert title.endswith("    Profile: female, 35 y (person b)")


def test_load_by_group_sums_the_four_groups_per_day(analysis: FakeAnalysis) -> None:
    days = pd.date_range("2026-11-16", periods=7)
    loads = load_by_group(analysis, days)
    assert list(loads.columns) == ["red_meat", "dairy", "soda", "coffee"]
    # Monday (i = 0): 5 + 3 j for j = 0..3 -> 5, 8, 11, 14; "other" (17) is not drawn
    assert loads.iloc[0].tolist() == [5.0, 8.0, 11.0, 14.0]
    # Sunday was not logged: unknown, not zero
    assert loads.iloc[6].isna().all()


def test_trend_weeks_averages_the_group_loads_per_logged_day(analysis: FakeAnalysis) -> None:
    weekly = trend_weeks(analysis, 8)
    assert weekly["week"].tolist() == ["2026-W47", "2026-W48"]
    # W47 red meat: sum over i = 0..5 of (5 + i) = 30 + 15 = 45 over 6 days = 7.5 mg/day
    assert weekly.loc[0, "load_red_meat"] == pytest.approx(7.5)
    # W48 (only 23 Nov, i = 6): coffee 5 + 6 + 9 = 20 mg/day
    assert weekly.loc[1, "load_coffee"] == pytest.approx(20.0)
    assert trend_weeks(analysis, 1)["week"].tolist() == ["2026-W48"]


def test_trend_needs_at_least_one_week(analysis: FakeAnalysis) -> None:
    with pytest.raises(NoDataError) as info:
        trend_weeks(analysis, 0)
    assert str(info.value) == "--weeks 0 selects nothing; give a number of weeks of 1 or more"


def test_plan_view_reads_the_suggest_plan(analysis: FakeAnalysis) -> None:
    view = plan_view(make_plan(), week_days(analysis, "2026-W47"))
    assert view.lines == ["1 cup cooked collards, 4 days this week"]
    # current from the plan: 705 / 1441.67 = 0.489; projected 893 / 1471.67 = 0.607
    assert view.current["ca_p_mass_ratio"] == pytest.approx(0.489, abs=1e-3)
    assert view.projected["ca_p_mass_ratio"] == pytest.approx(0.607, abs=1e-3)
    assert view.message == "Within the cap per green, these close only part of the gap."


def test_plan_view_without_a_plan_uses_the_week(analysis: FakeAnalysis) -> None:
    view = plan_view(None, week_days(analysis, "2026-W47"))
    # Mon-Sat: calcium (620+710+540+800+660+900)/6 = 705; P 8650/6 = 1441.67; ratio 0.4890
    assert view.current["calcium_mg"] == pytest.approx(705.0)
    assert view.current["ca_p_mass_ratio"] == pytest.approx(705.0 / (8650.0 / 6))
    assert view.projected == {}
    met = plan_view({"status": "met", "suggestions": []})
    assert met.message == "The week already meets the targets: no greens needed."


# --- the weekly figure ----------------------------------------------------------------------


def _axes(fig: Figure) -> dict[str, Any]:
    return {str(ax.get_label()): ax for ax in fig.axes}


def _bars(ax: Any) -> list[Rectangle]:
    return [p for p in ax.patches if isinstance(p, Rectangle)]


@pytest.fixture
def weekly_fig(analysis: FakeAnalysis) -> Figure:
    return weekly_chart(analysis, "2026-W47", make_plan())


def test_weekly_chart_has_the_five_panels_at_1600_px(weekly_fig: Figure) -> None:
    assert list(_axes(weekly_fig)) == list(PANELS)
    width_px, height_px = weekly_fig.get_size_inches() * weekly_fig.dpi
    assert width_px >= 1600
    assert (width_px, height_px) == (1600, 1000)
    assert weekly_fig.get_suptitle() == (
        "Calcium–phosphorus balance, week 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026; 6 of 7 "
        "days logged)    Profile: female, 35 y"
    )


def test_weekly_chart_titles_and_units(weekly_fig: Figure) -> None:
    axes = _axes(weekly_fig)
    titles = {name: ax.get_title(loc="left") for name, ax in axes.items()}
    assert titles == {
        "calcium_phosphorus": "1. Calcium and phosphorus per day",
        "ratio": "2. Ca:P ratio (mass)",
        "magnesium_potassium": "3. Magnesium and potassium",
        "diuretic_load": "4. Diuretic load by group",
        "greens": "5. Greens and the projected week",
    }
    ylabels = {name: ax.get_ylabel() for name, ax in axes.items() if name != "greens"}
    assert ylabels == {
        "calcium_phosphorus": "Intake [mg/day]",
        "ratio": "Ca:P [mg Ca / mg P]",
        "magnesium_potassium": "Percent of target [%]",
        "diuretic_load": "Extra urinary Ca [mg Ca/day]",
    }
    ticks = [t.get_text() for t in axes["calcium_phosphorus"].get_xticklabels()]
    assert ticks[0] == "Mon 16 Nov"
    assert ticks[6] == "Sun 22 Nov\n(no log)"


def test_weekly_chart_bars_per_day(weekly_fig: Figure) -> None:
    axes = _axes(weekly_fig)
    cap = _bars(axes["calcium_phosphorus"])
    assert len(cap) == 14  # 7 days x (calcium, phosphorus)
    # first bar = Monday calcium 620 mg, second series starts at Monday phosphorus 1400 mg
    assert cap[0].get_height() == 620.0
    assert cap[7].get_height() == 1400.0
    assert cap[0].get_facecolor()[:3] == pytest.approx((0.0, 114 / 255, 178 / 255))  # blue
    assert len(_bars(axes["magnesium_potassium"])) == 14
    load = _bars(axes["diuretic_load"])
    assert len(load) == 28  # 7 days x 4 groups stacked
    # Monday coffee sits on red meat + dairy + soda = 5 + 8 + 11 = 24 mg
    assert load[21].get_y() == 24.0
    assert load[21].get_height() == 14.0


def test_weekly_chart_ratio_lines_and_concern_zone(weekly_fig: Figure) -> None:
    ratio = _axes(weekly_fig)["ratio"]
    labels = [line.get_label() for line in ratio.get_lines()]
    assert labels == [
        "target 1.00",
        "Ca:P per day",
        "week average 0.49",
        "projected with greens 0.61",
    ]
    zone = [p for p in ratio.patches if not isinstance(p, Rectangle) or p.get_height() > 0]
    zone_y = [c for c in ratio.collections if isinstance(c, PolyCollection)]
    assert zone or zone_y
    assert round(CONCERN_MASS_RATIO, 3) == 0.647  # 0.5 x 40.08 / 30.97
    projected = np.ravel(ratio.get_lines()[3].get_ydata())
    assert projected[0] == pytest.approx(893.0 / 1471.67)


def test_weekly_chart_greens_text(weekly_fig: Figure) -> None:
    texts = [t.get_text() for t in _axes(weekly_fig)["greens"].texts]
    assert texts[0] == "Suggested greens this week:\n  • 1 cup cooked collards, 4 days this week"
    assert texts[1] == (
        "The week, per day: now → with the greens\n"
        "  Ca:P (mass): 0.49 → 0.61  (target 1)\n"
        "  Absorbable calcium: 225 → 320 mg/day  (goal 329)\n"
        "  Calcium: 705 → 893 mg/day\n"
        "Within the cap per green, these close only part of the gap."
    )


def test_weekly_chart_without_suggestions(analysis: FakeAnalysis) -> None:
    fig = weekly_chart(analysis, "2026-W47")
    texts = [t.get_text() for t in _axes(fig)["greens"].texts]
    assert texts[0] == (
        "Suggested greens this week:\n  No suggestions were computed for this chart."
    )
    assert [line.get_label() for line in _axes(fig)["ratio"].get_lines()] == [
        "target 1.00",
        "Ca:P per day",
        "week average 0.49",
    ]


def test_palette_is_okabe_ito() -> None:
    assert OKABE_ITO["vermillion"] == "#D55E00"
    assert len(OKABE_ITO) == 8


# --- the trend figure -----------------------------------------------------------------------


def test_trend_chart_panels_and_bars(analysis: FakeAnalysis) -> None:
    fig = trend_chart(analysis, 8)
    axes = _axes(fig)
    assert list(axes) == ["ratio", "absorbable_calcium", "diuretic_load"]
    assert [ax.get_ylabel() for ax in fig.axes] == [
        "Ca:P [mg Ca / mg P]",
        "Calcium [mg/day]",
        "Extra urinary Ca [mg Ca/day]",
    ]
    assert len(_bars(axes["absorbable_calcium"])) == 4  # 2 weeks x (eaten, absorbable)
    assert len(_bars(axes["diuretic_load"])) == 8  # 2 weeks x 4 groups
    ticks = [t.get_text() for t in axes["ratio"].get_xticklabels()]
    assert ticks == ["2026-W47\n(6 d)", "2026-W48\n(1 d)"]
    assert fig.get_suptitle().startswith("Calcium–phosphorus trend, weeks 2026-W47 to 2026-W48")


# --- files ------------------------------------------------------------------------------------

MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".pdf": b"%PDF-", ".svg": b"<?xml"}


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".PNG"])
def test_save_figure_by_extension(weekly_fig: Figure, tmp_path: Path, suffix: str) -> None:
    path = save_figure(weekly_fig, tmp_path / f"week{suffix}")
    data = path.read_bytes()
    assert data.startswith(MAGIC[suffix.lower()])
    if suffix == ".svg":
        assert b"<svg" in data[:1000]


def test_png_is_1600_px_wide(weekly_fig: Figure, tmp_path: Path) -> None:
    data = save_figure(weekly_fig, tmp_path / "w.png").read_bytes()
    # PNG IHDR: width and height as big-endian 4-byte integers at bytes 16-24
    assert int.from_bytes(data[16:20], "big") == 1600
    assert int.from_bytes(data[20:24], "big") == 1000


def test_save_figure_unknown_extension(weekly_fig: Figure, tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        save_figure(weekly_fig, tmp_path / "week.jpg")
    assert str(info.value) == (
        f"{tmp_path / 'week.jpg'}: cannot write a chart as .jpg; end the file name in "
        ".png, .svg, .pdf (e.g. week.png)"
    )


def test_save_figure_missing_folder(weekly_fig: Figure, tmp_path: Path) -> None:
    target = tmp_path / "nope" / "week.png"
    with pytest.raises(DataFileError) as info:
        save_figure(weekly_fig, target)
    assert str(info.value) == (
        f"{target}: cannot write the chart (No such file or directory); "
        "check that the folder exists and is writable"
    )


def test_engine_group_columns_are_preferred(analysis: FakeAnalysis) -> None:
    # The balance engine's daily/weekly tables carry diuretic_load_<group>_mg; when present
    # the charts draw those (here: 1, 2, 3, 4 mg per day) rather than re-summing entries.
    for i, group in enumerate(["red_meat", "dairy", "soda", "coffee"], start=1):
        analysis.daily[f"diuretic_load_{group}_mg"] = float(i)
        analysis.weekly[f"diuretic_load_{group}_mg"] = float(10 * i)
    days = pd.date_range("2026-11-16", periods=7)
    loads = load_by_group(analysis, days)
    assert loads.iloc[0].tolist() == [1.0, 2.0, 3.0, 4.0]
    assert loads.iloc[6].isna().all()
    weekly = trend_weeks(analysis, 8)
    assert weekly.loc[0, ["load_red_meat", "load_coffee"]].tolist() == [10.0, 40.0]


def test_long_plans_are_wrapped_and_capped(analysis: FakeAnalysis) -> None:
    names = ["collards", "turnip greens", "mustard greens", "bok choy", "kale", "broccoli"]
    items = [{"text": f"1 cup cooked {name}, 3 days this week"} for name in names]
    items[0] = {"text": "2 cups cooked frozen collards, 7 days this week " + "x" * 40}
    fig = weekly_chart(analysis, "2026-W47", {"suggestions": items, "status": "closed"})
    text = _axes(fig)["greens"].texts[0].get_text()
    assert text.splitlines() == [
        "Suggested greens this week:",
        "  • 2 cups cooked frozen collards, 7 days this week",
        "     xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
        "  • 1 cup cooked turnip greens, 3 days this week",
        "  • 1 cup cooked mustard greens, 3 days this week",
        "  + 3 more: see the report",
    ]


def test_plan_view_takes_the_plan_message(analysis: FakeAnalysis) -> None:
    # analyzer.report.build.chart_plan passes the report's own message when nothing is suggested
    plan = {"suggestions": [], "current": {}, "projected": {}, "message": "Nothing to add."}
    assert plan_view(plan).message == "Nothing to add."
    report = {"suggestions": [], "plan": {"status": "met", "message": "Targets met."}}
    assert plan_view(report).message == "Targets met."


# --- regressions found in QA on diaries unlike the examples -------------------------------------


def test_concern_zone_label_says_it_needs_low_calcium_too(weekly_fig: Figure) -> None:
    # A low ratio alone is context, not a concern (IOM 1997): the zone's legend must say that
    # it matters only with calcium below target (Kemi 2010). Before: "concern zone: molar < 0.5".
    ratio = _axes(weekly_fig)["ratio"]
    legend = [t.get_text() for t in ratio.get_legend().get_texts()]
    assert legend[0] == (
        "concern zone if calcium is also below target:\nmolar < 0.5 (mass < 0.65), Kemi 2010"
    )


def _unknown_minerals(analysis: FakeAnalysis) -> FakeAnalysis:
    # Like a MyFitnessPal export: no calcium, phosphorus or magnesium; meal totals from the app.
    daily = analysis.daily.assign(
        calcium_mg=np.nan,
        phosphorus_mg=np.nan,
        magnesium_mg=np.nan,
        absorbable_calcium_mg=np.nan,
        ca_p_mass_ratio=np.nan,
    )
    entries = analysis.entries.assign(
        food_id=pd.NA, source="app", is_total=True, diuretic_load_mg=0.0
    )
    return FakeAnalysis(entries, daily, analysis.weekly)


def test_unknown_minerals_are_said_not_drawn_as_zero(analysis: FakeAnalysis) -> None:
    import warnings

    with warnings.catch_warnings():
        warnings.simplefilter("error")  # before: "identical low and high ylims" UserWarning
        fig = weekly_chart(_unknown_minerals(analysis), "2026-W47")
    axes = _axes(fig)
    texts = {name: [t.get_text() for t in ax.texts] for name, ax in axes.items()}
    assert texts["calcium_phosphorus"] == ["Calcium and phosphorus: not in this diary (unknown)"]
    assert texts["ratio"] == [
        "Ca:P cannot be computed: the diary lacks calcium or\nphosphorus for too many entries"
    ]
    assert texts["diuretic_load"] == [
        "Unknown: the diary has app totals, not foods: no food groups"
    ]
    mg_k_legend = [t.get_text() for t in axes["magnesium_potassium"].get_legend().get_texts()]
    assert "magnesium: not in this diary" in mg_k_legend and "potassium" in mg_k_legend
    assert axes["diuretic_load"].get_ylim() == (0.0, 1.0)
    assert texts["greens"][1] == (
        "The week, per day:\n  Ca:P (mass): unknown\n  Absorbable calcium: unknown\n"
        "  Calcium: unknown"
    )


def test_partial_days_are_hatched_and_low_coverage_ratio_hidden(analysis: FakeAnalysis) -> None:
    # Monday: 10 entries, phosphorus unknown for 5 (50% < 90%): its P bar is hatched and its
    # ratio is not drawn. Tuesday: 1 of 10 unknown (90% known): hatched, ratio kept.
    daily = analysis.daily.assign(
        entries=10, calcium_mg_unknown=0, phosphorus_mg_unknown=[5, 1, 0, 0, 0, 0, 0]
    )
    partial = FakeAnalysis(analysis.entries, daily, analysis.weekly)
    week = week_days(partial, "2026-W47")
    assert np.isnan(week.loc["2026-11-16", "ca_p_mass_ratio"])
    assert week.loc["2026-11-17", "ca_p_mass_ratio"] == pytest.approx(710 / 1500)
    fig = weekly_chart(partial, "2026-W47")
    bars = _bars(_axes(fig)["calcium_phosphorus"])
    phosphorus_bars = bars[7:14]  # calcium bars first, then phosphorus
    assert [b.get_hatch() for b in phosphorus_bars[:3]] == ["//", "//", None]
    legend = [t.get_text() for t in _axes(fig)["calcium_phosphorus"].get_legend().get_texts()]
    assert legend[-1] == "hatched: some entries lack it (underestimate)"


def test_start_window_charts_the_reports_seven_days(analysis: FakeAnalysis) -> None:
    # The report's --start 2026-11-18 covers Wed 18 to Tue 24 Nov; before, the chart drew
    # ISO week W47 (16-22 Nov) instead.
    week = week_days(analysis, start="2026-11-18")
    assert list(week.index) == list(pd.date_range("2026-11-18", "2026-11-24"))
    assert week.attrs["week"] == "2026-11-18 to 2026-11-24"
    # logged: Wed-Sat 18-21, not Sun 22, Mon 23 (week W48), not Tue 24
    assert week["logged"].tolist() == [True, True, True, True, False, True, False]
    fig = weekly_chart(analysis, start="2026-11-18")
    assert fig.get_suptitle() == (
        "Calcium–phosphorus balance, 2026-11-18 to 2026-11-24 (Wed 18 Nov – Tue 24 Nov 2026; "
        "5 of 7 days logged)    Profile: female, 35 y"
    )


def test_trend_says_what_app_totals_cannot_show(analysis: FakeAnalysis) -> None:
    # MyFitnessPal-like: no phosphorus, app totals only. The ratio panel and the load panel
    # say why they are empty, and absorbable calcium is not drawn (it needs the foods).
    unknown = _unknown_minerals(analysis)
    unknown.weekly = analysis.weekly.assign(ca_p_mass_ratio=np.nan)
    fig = trend_chart(unknown, 4)
    axes = {str(ax.get_label()): ax for ax in fig.axes}
    assert [t.get_text() for t in axes["ratio"].texts] == [
        "Ca:P cannot be computed: the diary lacks calcium or\nphosphorus"
    ]
    assert [t.get_text() for t in axes["diuretic_load"].texts] == [
        "Unknown: the diary has app totals, not foods: no food groups"
    ]
    legend = [t.get_text() for t in axes["absorbable_calcium"].get_legend().get_texts()]
    assert "absorbable calcium: unknown (app totals)" in legend
