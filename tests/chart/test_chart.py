"""Tests of analyzer.chart on real objects: make_entries -> analyze -> build_report / build_trend.

Expected numbers are worked out by hand in comments from conftest's SR28 values per 100 g, and:

- the default profile (female, 35 y; DRI life stage 31-50 y): calcium 1,000 mg (RDA, IOM
  2011), magnesium 320 mg (RDA, IOM 1997), potassium 2,600 mg (AI, NASEM 2019); Ca:P goal 1.0;
- the diuretic-load coefficients (analyzer/data/coefficients.csv): 1 mg Ca per g protein
  (FAO/WHO 2004), 5 mg Ca per 100 mg caffeine, 40 mg Ca per 2,300 mg sodium.
"""

from __future__ import annotations

import math
import warnings
from pathlib import Path
from typing import Any

import numpy as np
import pandas as pd
import pytest
from click.testing import CliRunner
from matplotlib.colors import to_hex
from matplotlib.figure import Figure

import analyzer.chart
from analyzer.balance import Analysis, analyze
from analyzer.chart import OKABE_ITO, PANELS, save_figure, trend_chart, trend_frame, week_frame
from analyzer.chart import weekly_chart as draw_week
from analyzer.chart.trend import TREND_PANELS
from analyzer.cli import cli
from analyzer.diary import read_diary
from analyzer.errors import DataFileError, NoDataError
from analyzer.models import Settings
from analyzer.report import Report, build_report
from analyzer.report.trend import Trend, build_trend
from tests.conftest import SMALL_DAYS, make_entries

#: ISO week 2026-W47: Mon 16 to Sun 22 Nov 2026.
W47 = [f"{d:%Y-%m-%d}" for d in pd.date_range("2026-11-16", periods=7)]
TITLE = "Calcium–phosphorus balance, week 2026-W47 (Mon 16 Nov – Sun 22 Nov 2026"
PARTIAL_LABEL = "hatched: at least this much (some entries lack it)"
CAP_NOTE = "Calcium and phosphorus: not in this diary (unknown)"
RATIO_NOTE = "The Ca:P ratio cannot be computed: calcium and phosphorus are not in this diary."
SERIES = ("Ca:P per day", "projected")
W47_TICK = "2026-W47\n(7 d)"


def day_rows(day: str, milk_g: float = 200.0) -> list[tuple[str, str, str, float]]:
    """Milk and 200 g coffee at breakfast, 100 g beef at lunch, 300 g cola at dinner."""
    rest = [("breakfast", "coffee", 200.0), ("lunch", "beef", 100.0), ("dinner", "cola", 300.0)]
    return [(day, "breakfast", "milk", milk_g), *((day, m, f, g) for m, f, g in rest)]


def axes_of(fig: Figure) -> dict[str, Any]:
    return {str(ax.get_label()): ax for ax in fig.axes}


def bar_heights(ax: Any) -> list[list[float]]:
    """Heights of each bar series (container) of a panel; NaN is a bar not drawn."""
    return [[float(p.get_height()) for p in c] for c in ax.containers]


def lines_of(ax: Any) -> dict[str, Any]:
    return {str(line.get_label()): line for line in ax.get_lines()}


def texts(items: Any) -> list[str]:
    return [t.get_text() for t in items]


def legend_of(ax: Any) -> list[str]:
    return texts(ax.get_legend().get_texts())


def drawn(fig: Figure) -> list[Any]:
    """What a figure shows: its title; per panel its texts, ticks, lines and bars."""

    def fmt(values: Any) -> list[str]:
        return [f"{float(v):.9g}" for v in np.ravel(values)]

    out: list[Any] = [fig.get_suptitle()]
    for ax in fig.axes:
        out += [ax.get_label(), ax.get_title(loc="left"), ax.get_ylabel(), texts(ax.texts)]
        out += [texts(ax.get_xticklabels()), [fmt(h) for h in bar_heights(ax)]]
        out += [(line.get_label(), fmt(line.get_ydata())) for line in ax.get_lines()]
    return out


@pytest.fixture(scope="module")
def partial_report() -> Report:
    """W47 logged Mon-Sat (Sunday missing); day i drinks (200 + 100 i) g milk."""
    rows = [r for i, day in enumerate(W47[:6]) for r in day_rows(day, 200.0 + 100 * i)]
    return build_report(analyze(make_entries(rows), settings=SMALL_DAYS), "2026-W47")


@pytest.fixture(scope="module")
def partial_fig(partial_report: Report) -> Figure:
    return draw_week(partial_report)


@pytest.fixture(scope="module")
def cohort() -> Analysis:
    """P012 logs all of W47; P013 only Mon 16 Nov."""
    p012 = make_entries([r for day in W47 for r in day_rows(day)], person="P012")
    p013 = make_entries(day_rows(W47[0]), person="P013")
    return analyze(pd.concat([p012, p013], ignore_index=True), settings=SMALL_DAYS)


@pytest.fixture(scope="module")
def coverage_report() -> Report:
    """Mon: 10 x 100 g spinach, 2 lacking phosphorus; Tue: 10 x 100 g collards, 1 lacking."""
    rows = [(W47[0], "lunch", "spinach", 100.0)] * 10 + [(W47[1], "lunch", "collards", 100.0)] * 10
    entries = make_entries(rows)
    entries.loc[[0, 1, 10], "phosphorus_mg"] = np.nan
    return build_report(analyze(entries, settings=SMALL_DAYS), "2026-W47")


@pytest.fixture(scope="module")
def western_fig(western_report: Report) -> Figure:
    return draw_week(western_report)


@pytest.fixture(scope="module")
def short_trend() -> Trend:
    """W45 (Mon 2, Tue 3 Nov): 200 g milk + 100 g beef; W46: no log; W47: 400 g milk + beef."""
    w45 = ["2026-11-02", "2026-11-03"]
    rows = [(d, "lunch", "beef", 100.0) for d in w45 + W47]
    rows += [(d, "breakfast", "milk", 200.0 if d in w45 else 400.0) for d in w45 + W47]
    return build_trend(analyze(make_entries(rows), settings=SMALL_DAYS), 8)


# --- the week frame ------------------------------------------------------------------------------


def test_week_frame_days_and_percent_of_target(partial_report: Report) -> None:
    week = week_frame(partial_report)
    assert list(week.index) == list(pd.to_datetime(W47))
    assert week["logged"].tolist() == [True] * 6 + [False]
    assert week.loc["2026-11-22"].drop(["logged", "complete"]).isna().all()
    # Monday: Ca = milk 113 x 2 + coffee 2 x 2 + beef 22 + cola 1 x 3 = 226 + 4 + 22 + 3 = 255
    # P = 84 x 2 + 3 x 2 + 238 + 9 x 3 = 168 + 6 + 238 + 27 = 439; ratio 255 / 439 = 0.5809
    monday = week.loc["2026-11-16"]
    assert monday[["calcium_mg", "phosphorus_mg"]].tolist() == pytest.approx([255.0, 439.0])
    assert monday["ca_p_mass_ratio"] == pytest.approx(255 / 439)
    # Monday Mg = milk 10 x 2 + coffee 3 x 2 + beef 25 + cola 0 = 51 mg; 51 / 320 x 100 = 15.94 %
    # K = 132 x 2 + 49 x 2 + 407 + 5 x 3 = 264 + 98 + 407 + 15 = 784 mg; 784 / 2600 x 100 = 30.15 %
    # Saturday (700 g milk): Mg 70 + 6 + 25 = 101 mg -> 31.56 %; K 924 + 98 + 407 + 15 = 1444
    pct = week.loc[["2026-11-16", "2026-11-21"], ["magnesium_pct_target", "potassium_pct_target"]]
    assert pct.to_numpy() == pytest.approx(np.array([[51, 784], [101, 1444]]) / [320, 2600] * 100)


def test_week_frame_load_per_group_per_day(partial_report: Report) -> None:
    week = week_frame(partial_report)
    loads = week.loc["2026-11-16", ["load_red_meat", "load_dairy", "load_soda", "load_coffee"]]
    expected = [
        27.73 + 89 * 40 / 2300,  # beef: protein 27.73 g + sodium 89 mg = 29.28
        3.15 * 2 + 86 * 40 / 2300,  # 200 g milk: protein 6.30 g + sodium 86 mg = 7.80
        27 * 5 / 100 + 9 * 40 / 2300,  # 300 g cola: caffeine 27 mg + sodium 9 mg = 1.51
        0.24 + 80 * 5 / 100 + 4 * 40 / 2300,  # 200 g coffee: protein, caffeine 80 mg, Na = 4.31
    ]
    assert loads.tolist() == pytest.approx(expected)
    # Saturday, 700 g milk: protein 22.05 g + sodium 301 mg -> 22.05 + 5.23 = 27.28
    assert week.loc["2026-11-21", "load_dairy"] == pytest.approx(22.05 + 301 * 40 / 2300)
    assert np.isnan(week.loc["2026-11-22", "load_dairy"])  # not logged: unknown, not zero


def test_week_frame_hides_the_ratio_below_90_percent_coverage() -> None:
    # Mon: 10 x 100 g spinach, 2 lacking phosphorus; Tue: 10 x 100 g collards, all known.
    # The week: 18 of 20 entries have P (90 %): the week's ratio is known.
    rows = [(W47[0], "lunch", "spinach", 100.0)] * 10 + [(W47[1], "lunch", "collards", 100.0)] * 10
    entries = make_entries(rows)
    entries.loc[[0, 1], "phosphorus_mg"] = np.nan
    report = build_report(analyze(entries, settings=SMALL_DAYS), "2026-W47")
    assert report.week.ca_p_mass_ratio is not None
    week = week_frame(report)
    # Monday: 8 of 10 entries have P (80 % < 90 %): the ratio is not shown
    assert np.isnan(week.loc["2026-11-16", "ca_p_mass_ratio"])
    assert week.loc["2026-11-16", "phosphorus_mg_unknown"] == 2
    # Tuesday: 10 of 10: shown, Ca 141 x 10 = 1410 over P 32 x 10 = 320 mg
    assert week.loc["2026-11-17", "ca_p_mass_ratio"] == pytest.approx(1410 / 320)


def test_trend_frame_has_one_row_per_calendar_week(short_trend: Trend) -> None:
    weeks = trend_frame(short_trend)
    assert weeks["week"].tolist() == ["2026-W45", "2026-W46", "2026-W47"]
    assert weeks["days"].tolist() == [2, 0, 7]
    # W45: Ca 113 x 2 + 22 = 248, P 84 x 2 + 238 = 406; W47: Ca 452 + 22 = 474, P 336 + 238 = 574
    assert weeks["calcium_mg"].tolist() == pytest.approx([248.0, math.nan, 474.0], nan_ok=True)
    assert weeks.loc[2, "ca_p_mass_ratio"] == pytest.approx(474 / 574)
    # W47 dairy: 400 g milk, protein 12.6 g + sodium 172 mg x 40 / 2300 = 15.59 mg/day
    assert weeks.loc[2, "load_dairy"] == pytest.approx(12.6 + 172 * 40 / 2300)
    assert weeks.loc[1, ["ca_p_mass_ratio", "load_dairy"]].isna().all()


# --- the default week ----------------------------------------------------------------------------


def test_default_week_is_the_reports_latest_full_week() -> None:
    # all 7 days of W47, then Mon 23 Nov (2026-W48) alone
    entries = make_entries([r for d in [*W47, "2026-11-23"] for r in day_rows(d)])
    report = build_report(analyze(entries, settings=SMALL_DAYS))
    assert report.week.label == "2026-W47"  # not 2026-W48, which has one day
    fig = draw_week(report)
    assert fig.get_suptitle() == TITLE + ")\nProfile: female, 35 y"
    ticks = texts(axes_of(fig)["calcium_phosphorus"].get_xticklabels())
    assert ticks == [f"{d:%a} {d.day} Nov" for d in pd.to_datetime(W47)]
    assert week_frame(report)["logged"].all()


def test_cli_chart_week_is_report_chart(tmp_path: Path, monkeypatch: pytest.MonkeyPatch) -> None:
    figures: list[Figure] = []

    def keep(fig: Figure, path: str | Path) -> Path:
        figures.append(fig)
        return save_figure(fig, path)

    monkeypatch.setattr(analyzer.chart, "save_figure", keep)
    week = ["--example", "western", "--week", "2026-W47"]
    chart = CliRunner().invoke(cli, ["chart", *week, "--out", str(tmp_path / "chart.png")])
    report = CliRunner().invoke(cli, ["report", *week, "--chart", str(tmp_path / "report.png")])
    assert (chart.exit_code, report.exit_code) == (0, 0), chart.output + report.output
    assert len(figures) == 2
    assert drawn(figures[0]) == drawn(figures[1])
    assert figures[0].get_suptitle().startswith(TITLE)
    assert (tmp_path / "chart.png").read_bytes() == (tmp_path / "report.png").read_bytes()


# --- the weekly figure ---------------------------------------------------------------------------


def test_weekly_chart_five_panels_titles_and_units(partial_fig: Figure) -> None:
    axes = axes_of(partial_fig)
    assert list(axes) == list(PANELS)
    assert tuple(partial_fig.get_size_inches() * partial_fig.dpi) == (1600, 1000)
    # the week, "N of 7 days logged" for a partial week, and the profile
    assert partial_fig.get_suptitle() == TITLE + "; 6 of 7 days logged)\nProfile: female, 35 y"
    assert [ax.get_title(loc="left") for ax in axes.values()] == [
        "1. Calcium and phosphorus per day",
        "2. Ca:P ratio (mass)",
        "3. Magnesium and potassium",
        "4. Diuretic load by group",
        "5. Greens and the projected week",
    ]
    assert [axes[name].get_ylabel() for name in PANELS[:4]] == [
        "Intake [mg/day]",
        "Ca:P [mg Ca / mg P]",
        "Percent of target [%]",
        "Calcium cost [mg Ca/day]",
    ]
    ticks = texts(axes["ratio"].get_xticklabels())
    assert (ticks[0], ticks[6]) == ("Mon 16 Nov", "Sun 22 Nov\n(no log)")


def test_weekly_chart_bars_per_panel(partial_fig: Figure) -> None:
    axes = axes_of(partial_fig)
    calcium, phosphorus = bar_heights(axes["calcium_phosphorus"])  # 7 days x 2 series
    assert len(calcium) == len(phosphorus) == 7
    # Monday 255 / 439 mg (see the week frame); Saturday, 700 g milk: Ca 791 + 29 = 820 mg
    assert (calcium[0], calcium[5], phosphorus[0]) == pytest.approx((255.0, 820.0, 439.0))
    assert np.isnan(calcium[6]) and np.isnan(phosphorus[6])  # Sunday: no bar
    magnesium, potassium = bar_heights(axes["magnesium_potassium"])
    assert (magnesium[0], potassium[0]) == pytest.approx((51 / 320 * 100, 784 / 2600 * 100))
    load = axes["diuretic_load"].containers  # 4 groups stacked, 7 days each
    assert [len(c) for c in load] == [7, 7, 7, 7]
    # Monday's coffee bar sits on red meat + dairy + soda = 29.28 + 7.80 + 1.51 = 38.58 mg
    below = 27.73 + 89 * 40 / 2300 + 6.30 + 86 * 40 / 2300 + 1.35 + 9 * 40 / 2300
    assert load[3].patches[0].get_y() == pytest.approx(below)
    # coffee: protein 0.24 g + caffeine 80 mg x 5 / 100 = 4.00 + sodium 4 mg = 4.31 mg
    assert load[3].patches[0].get_height() == pytest.approx(0.24 + 4.0 + 4 * 40 / 2300)


def test_weekly_chart_concern_zone_and_target_lines(partial_fig: Figure) -> None:
    axes = axes_of(partial_fig)
    ratio = axes["ratio"]
    (zone,) = [p for p in ratio.patches if p.get_label() == legend_of(ratio)[0]]
    assert legend_of(ratio)[0].startswith("concern zone if calcium is also below target:")
    # molar Ca:P 0.5 as a mass ratio: 0.5 x 40.08 / 30.97 = 0.6471 (Kemi 2010)
    assert (zone.get_y(), zone.get_height()) == pytest.approx((0, 0.5 * 40.08 / 30.97), abs=1e-4)
    assert to_hex(zone.get_facecolor(), keep_alpha=False) == OKABE_ITO["vermillion"].lower()
    assert list(lines_of(ratio)["target 1.00"].get_ydata()) == [1.0, 1.0]
    # the DRI targets of calcium and phosphorus (RDA, IOM 2011 and 1997), named as such
    targets = lines_of(axes["calcium_phosphorus"])
    assert list(targets["calcium RDA 1,000 mg/day"].get_ydata()) == [1000.0, 1000.0]
    assert list(targets["phosphorus RDA 700 mg/day"].get_ydata()) == [700.0, 700.0]
    assert list(lines_of(axes["magnesium_potassium"])["100% of target"].get_ydata()) == [100, 100]


def test_projection_line_with_greens(western_report: Report, western_fig: Figure) -> None:
    assert western_report.suggestions  # the western week gets greens
    ratio = lines_of(axes_of(western_fig)["ratio"])
    projected = western_report.projected.ca_p_mass_ratio
    line = ratio[f"projected with greens {projected:.2f}"]
    assert list(line.get_ydata()) == pytest.approx([projected, projected])
    assert f"week average {western_report.current.ca_p_mass_ratio:.2f}" in ratio


def test_no_projection_line_when_the_week_meets_the_targets() -> None:
    # Each day: 333 g milk at 3 meals + 560 g spinach. Ca 113 x 9.99 + 136 x 5.6 = 1890 mg,
    # P 84 x 9.99 + 56 x 5.6 = 1153 mg: ratio 1.64 >= 1; Mg 99.9 + 487.2 = 587 mg >= 320;
    # K 1318.7 + 2609.6 = 3928 mg >= 2600; milk at 3 meals keeps each calcium load low
    rows = [(d, m, "milk", 333.0) for d in W47 for m in ("breakfast", "lunch", "dinner")]
    rows += [(d, "dinner", "spinach", 560.0) for d in W47]
    report = build_report(analyze(make_entries(rows), settings=SMALL_DAYS))
    assert report.suggestions == []
    axes = axes_of(draw_week(report))
    assert not any(name.startswith("projected") for name in lines_of(axes["ratio"]))
    assert report.plan.message in axes["greens"].texts[0].get_text()  # said instead


def test_partial_days_are_hatched(coverage_report: Report) -> None:
    ax = axes_of(draw_week(coverage_report))["calcium_phosphorus"]
    calcium, phosphorus = ax.containers
    # Mon and Tue each have entries lacking phosphorus: their P bars are underestimates
    assert [bar.get_hatch() for bar in phosphorus] == ["//", "//"] + [None] * 5
    assert [bar.get_hatch() for bar in calcium] == [None] * 7  # calcium known everywhere
    assert legend_of(ax)[-1] == PARTIAL_LABEL


@pytest.fixture(scope="module")
def unknown_minerals_fig() -> Figure:
    """The Mon-Sat week with calcium, phosphorus and magnesium unknown for every entry."""
    entries = make_entries([r for d in W47[:6] for r in day_rows(d)])
    entries[["calcium_mg", "phosphorus_mg", "magnesium_mg"]] = np.nan
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. matplotlib's "identical low and high ylims"
        return draw_week(build_report(analyze(entries, settings=SMALL_DAYS), "2026-W47"))


def test_unknown_series_are_said_not_drawn_as_zero(unknown_minerals_fig: Figure) -> None:
    axes = axes_of(unknown_minerals_fig)
    assert texts(axes["calcium_phosphorus"].texts) == [CAP_NOTE]
    assert [t.replace("\n", " ") for t in texts(axes["ratio"].texts)] == [RATIO_NOTE]
    assert all(np.isnan(h).all() for h in bar_heights(axes["calcium_phosphorus"]))
    legend = legend_of(axes["magnesium_potassium"])
    assert "magnesium: not in this diary" in legend and "potassium" in legend
    # potassium is known: Monday 784 mg (see the week frame) -> 30.15 % of 2600 mg
    assert bar_heights(axes["magnesium_potassium"])[1][0] == pytest.approx(784 / 2600 * 100)


def test_no_hatch_legend_for_a_series_not_in_the_diary(unknown_minerals_fig: Figure) -> None:
    assert PARTIAL_LABEL not in legend_of(axes_of(unknown_minerals_fig)["calcium_phosphorus"])


def test_app_totals_draw_no_load_bars() -> None:
    totals = make_entries([r for d in W47 for r in day_rows(d)]).assign(
        is_total=True, food="Daily total", food_id=pd.NA, description=pd.NA, source="app"
    )
    report = build_report(analyze(totals))
    assert report.totals_only
    ax = axes_of(draw_week(report))["diuretic_load"]
    assert all(np.isnan(h).all() for h in bar_heights(ax))
    assert texts(ax.texts) == ["Unknown: the diary has app totals, not foods: no food groups"]
    assert ax.get_ylim() == (0.0, 1.0)


def test_cohort_chart_needs_a_person_and_names_them(cohort: Analysis) -> None:
    with pytest.raises(NoDataError, match=r"holds 2 people \(P012, P013\)"):
        build_report(cohort)
    fig = draw_week(build_report(cohort, person="P012"))
    assert fig.get_suptitle() == TITLE + ")\nProfile: female, 35 y (person P012)"
    p013 = week_frame(build_report(cohort, person="P013"))  # only P013's Monday
    assert p013["logged"].tolist() == [True] + [False] * 6


@pytest.mark.parametrize(
    "case",
    [
        "partial week",
        "single day",
        "P012",  # a cohort participant's full week: "(person P012)" fits
        "P013",  # a participant's single day
    ],
)
def test_title_lies_inside_the_figure(case: str, cohort: Analysis, partial_report: Report) -> None:
    if case == "partial week":
        report = partial_report
    elif case == "single day":
        report = build_report(analyze(make_entries(day_rows(W47[2])), settings=SMALL_DAYS))
    else:
        report = build_report(cohort, person=case)
    fig = draw_week(report)
    fig.canvas.draw()
    title, frame = fig._suptitle.get_window_extent(), fig.bbox
    assert frame.x0 <= title.x0 and title.x1 <= frame.x1
    assert frame.y0 <= title.y0 and title.y1 <= frame.y1


def test_series_colours_distinct_okabe_ito(western_fig: Figure, short_trend: Trend) -> None:
    palette = {c.lower() for c in OKABE_ITO.values()}
    trend_axes = axes_of(trend_chart(short_trend))
    week_axes = axes_of(western_fig)
    panels = [week_axes[n] for n in ("calcium_phosphorus", "magnesium_potassium", "diuretic_load")]
    for ax in [*panels, trend_axes["absorbable_calcium"], trend_axes["diuretic_load"]]:
        colours = [to_hex(c.patches[0].get_facecolor(), keep_alpha=False) for c in ax.containers]
        assert len(colours) >= 2
        assert len(set(colours)) == len(colours), ax.get_label()
        assert set(colours) <= palette
    ratio = [ln for ln in week_axes["ratio"].get_lines() if ln.get_label().startswith(SERIES)]
    colours = {to_hex(line.get_color()) for line in ratio}  # Ca:P per day, projected
    assert len(ratio) == len(colours) == 2 and colours <= palette


# --- the trend figure ----------------------------------------------------------------------------


def test_trend_chart_three_panels_with_units(short_trend: Trend) -> None:
    fig = trend_chart(short_trend)
    assert list(axes_of(fig)) == list(TREND_PANELS)
    units = ["Ca:P [mg Ca / mg P]", "Calcium [mg/day]", "Calcium cost [mg Ca/day]"]
    assert [ax.get_ylabel() for ax in fig.axes] == units
    assert fig.get_suptitle() == (
        "Calcium–phosphorus trend, weeks 2026-W45 to 2026-W47 (3 weeks, 2 logged)\n"
        "Profile: female, 35 y"
    )
    ax = axes_of(fig)["ratio"]  # one tick per week, with its days logged
    assert texts(ax.get_xticklabels()) == ["2026-W45\n(2 d)", "2026-W46\n(no log)", W47_TICK]
    assert ax.get_xlabel() == "ISO week [days logged; complete/logged when some are incomplete]"


def test_trend_gap_week_has_a_slot_but_no_bar(short_trend: Trend) -> None:
    axes = axes_of(trend_chart(short_trend))
    eaten, absorbable = bar_heights(axes["absorbable_calcium"])
    assert eaten[0] == pytest.approx(248.0) and eaten[2] == pytest.approx(474.0)
    assert np.isnan(eaten[1]) and np.isnan(absorbable[1])  # W46: a gap, not a zero
    loads = bar_heights(axes["diuretic_load"])
    assert [len(group) for group in loads] == [3, 3, 3, 3]
    assert all(np.isnan(group[1]) for group in loads)
    ratio = np.asarray(lines_of(axes["ratio"])["Ca:P, week average"].get_ydata(), float)
    assert ratio[[0, 2]] == pytest.approx([248 / 406, 474 / 574])
    assert np.isnan(ratio[1])  # the line breaks at the gap


def test_trend_marks_incomplete_days_and_weeks_it_cannot_judge() -> None:
    # half the energy need is the completeness floor: 100 g milk (61 kcal) is an incomplete
    # day, 3,000 g (1,830 kcal) a complete one
    w45 = ["2026-11-02", "2026-11-03"]
    rows = [(d, "breakfast", "milk", 100.0) for d in w45]
    rows += [(d, "breakfast", "milk", 3000.0 if i else 100.0) for i, d in enumerate(W47)]
    analysis = analyze(make_entries(rows), settings=Settings(implausible_energy_fraction=0.5))
    trend = build_trend(analysis, 8)
    assert [(w.days, w.days_complete, w.judged) for w in trend.weeks] == [
        (2, 0, False),
        (0, 0, False),
        (7, 6, True),
    ]
    ax = axes_of(trend_chart(trend))["ratio"]
    assert texts(ax.get_xticklabels()) == [
        "2026-W45\n(0/2 d)\nnot judged",  # no complete day: no value, no verdict
        "2026-W46\n(no log)",
        "2026-W47\n(6/7 d)",  # the values average the 6 complete days
    ]
    # W47: 6 days of 3,000 g milk, Ca 113 x 30 = 3,390 mg/day (Monday's 100 g not averaged)
    panel = axes_of(trend_chart(trend))["absorbable_calcium"]
    eaten = bar_heights(panel)[0]
    assert eaten[2] == pytest.approx(3390.0) and np.isnan(eaten[0])
    assert "faded: week not judged" not in legend_of(panel)  # W45 has no bar to fade


def test_trend_fades_the_bars_of_a_week_it_cannot_judge(tmp_path: Path) -> None:
    # Mon: 3,000 g 2% milk (SR28 01079), complete; Tue and Wed: the same and an unknown
    # food, half of each day unused (incomplete). The week's unused share (0 + 0.5 + 0.5) / 3
    # = 0.33 is over a quarter: not judged, though Monday gives values (Ca 120 x 30 = 3,600)
    diary = tmp_path / "diary.csv"
    rows = ["2026-11-16,01079,3000,g"]
    rows += [f"2026-11-{d},{food},{grams},g" for d in (17, 18) for food, grams in
             (("01079", 3000), ("qqzzx", 100))]  # fmt: skip
    diary.write_text("date,food,amount,unit\n" + "\n".join(rows) + "\n", encoding="utf-8")
    trend = build_trend(analyze(read_diary(diary)), 8)
    week = trend.weeks[0]
    assert (week.days, week.days_complete, week.judged) == (3, 1, False)
    axes = axes_of(trend_chart(trend))
    assert texts(axes["ratio"].get_xticklabels()) == ["2026-W47\n(1/3 d)\nnot judged"]
    for name in ("absorbable_calcium", "diuretic_load"):
        panel = axes[name]
        drawn = [bar for bar in panel.patches if np.isfinite(bar.get_height())]
        assert drawn and all(bar.get_alpha() == pytest.approx(0.35) for bar in drawn)
        assert "faded: week not judged" in legend_of(panel)
    assert bar_heights(axes["absorbable_calcium"])[0][0] == pytest.approx(3600.0)


def test_trend_over_a_year_has_monthly_ticks(year_trend: Trend) -> None:
    fig = trend_chart(year_trend)
    ax = axes_of(fig)["ratio"]
    # the first Monday of each month, counted in weeks from Mon 5 Jan 2026: 2 Feb = +4,
    # 2 Mar = +8, 6 Apr = +13, 4 May = +17, 1 Jun = +21, 6 Jul = +26, 3 Aug = +30 (a gap),
    # 7 Sep = +35, 5 Oct = +39, 2 Nov = +43, 7 Dec = +48
    assert list(ax.get_xticks()) == [0, 4, 8, 13, 17, 21, 26, 30, 35, 39, 43, 48]
    months = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"]
    assert texts(ax.get_xticklabels()) == [f"{m} 2026" for m in months]
    eaten = bar_heights(axes_of(fig)["absorbable_calcium"])[0]
    assert len(eaten) == 52
    assert [i for i, h in enumerate(eaten) if np.isnan(h)] == [10, 20, 30]
    assert eaten[0] == pytest.approx(113 * 2.5)  # 250 g milk: 282.5 mg
    assert fig.get_suptitle().startswith(
        "Calcium–phosphorus trend, weeks 2026-W02 to 2026-W53 (52 weeks, 49 logged)"
    )


# --- files ---------------------------------------------------------------------------------------

MAGIC = {".png": b"\x89PNG\r\n\x1a\n", ".pdf": b"%PDF-", ".svg": b"<?xml"}


@pytest.mark.parametrize("suffix", [".png", ".svg", ".pdf", ".PNG"])
def test_save_figure_format_by_extension(partial_fig: Figure, tmp_path: Path, suffix: str) -> None:
    data = save_figure(partial_fig, tmp_path / f"week{suffix}").read_bytes()
    assert data.startswith(MAGIC[suffix.lower()])
    assert suffix != ".svg" or b"<svg" in data[:2000]


def png_size(path: Path) -> tuple[bytes, int, int]:
    data = path.read_bytes()  # 8-byte signature, then IHDR: width, height big-endian at 16-24
    return data[12:16], int.from_bytes(data[16:20], "big"), int.from_bytes(data[20:24], "big")


def test_png_pixel_size(partial_report: Report, partial_fig: Figure, tmp_path: Path) -> None:
    assert png_size(save_figure(partial_fig, tmp_path / "big.png")) == (b"IHDR", 1600, 1000)
    small = draw_week(partial_report, figsize=(10.0, 6.25), dpi=80)
    with warnings.catch_warnings():
        warnings.simplefilter("error")  # e.g. "constrained_layout not applied"
        written = save_figure(small, tmp_path / "small.png")
    assert png_size(written) == (b"IHDR", 800, 500)  # 10 in x 80 dpi, 6.25 in x 80 dpi


def test_save_figure_errors(partial_fig: Figure, tmp_path: Path) -> None:
    with pytest.raises(DataFileError) as info:
        save_figure(partial_fig, tmp_path / "week.jpg")
    assert str(info.value) == (
        f"{tmp_path / 'week.jpg'}: cannot write a chart as .jpg; end the file name in "
        ".png, .svg, .pdf (e.g. week.png)"
    )
    assert not (tmp_path / "week.jpg").exists()
    with pytest.raises(DataFileError, match="check that the folder exists"):
        save_figure(partial_fig, tmp_path / "nope" / "week.png")
