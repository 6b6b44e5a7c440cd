"""The week chart and the report never contradict each other, and every figure holds up.

Each test builds a real report (conftest's SR28 rows, or a real export from tests/data),
reads what the text report says, then checks that the chart draws the same thing: no ratio
when the report says it cannot be computed, "at least" and "about" where the report says
so, the why of a missing mineral, only the groups present in a legend, and no legend
covering the data or a tick label covering another.
"""

from __future__ import annotations

import itertools
from typing import Any

import numpy as np
import pytest
from matplotlib.figure import Figure
from matplotlib.lines import Line2D
from matplotlib.transforms import Bbox

from analyzer.balance import analyze
from analyzer.chart import inline_svg, trend_chart, week_panels, weekly_chart
from analyzer.chart.weekly import APPROXIMATE_LABEL, PANELS
from analyzer.diary import read_diary
from analyzer.report import Report, build_report, render_text
from analyzer.report.trend import Trend, build_trend
from tests.chart.test_chart import W47, axes_of, bar_heights, day_rows, legend_of, lines_of, texts
from tests.conftest import DATA, SMALL_DAYS, make_entries

MFP = DATA / "diaries" / "mfp_summary.csv"


def said(ax: Any) -> list[str]:
    """The panel's notes, unwrapped."""
    return [text.replace("\n", " ") for text in texts(ax.texts)]


@pytest.fixture(scope="module")
def sparse_p_report() -> Report:
    """Mon: 10 x 100 g spinach, 2 lacking phosphorus; Tue: 10 x 100 g collards, 1 lacking.

    The week: 17 of 20 entries have phosphorus (85 % < 90 %), so the report withholds the
    week's ratio; Tuesday alone (9 of 10) would pass the day rule.
    """
    rows = [(W47[0], "lunch", "spinach", 100.0)] * 10 + [(W47[1], "lunch", "collards", 100.0)] * 10
    entries = make_entries(rows)
    entries.loc[[0, 1, 10], "phosphorus_mg"] = np.nan
    return build_report(analyze(entries, settings=SMALL_DAYS), "2026-W47")


@pytest.fixture(scope="module")
def mfp_report() -> Report:
    """The MyFitnessPal summary (meal totals) with calcium from % DV at 1,000 mg."""
    return build_report(analyze(read_diary(MFP, mfp_calcium_dv=1000)))


def test_the_days_ratios_the_table_shows_and_no_week_ratio_the_report_withholds(
    sparse_p_report: Report,
) -> None:
    sentence = "The Ca:P ratio cannot be computed: phosphorus is known for too few entries."
    assert sparse_p_report.week.ca_p_mass_ratio is None
    text = render_text(sparse_p_report)
    assert f"  {sentence}\n" in text
    # Tuesday's own ratio (Ca 141 x 10 = 1,410 / P 32 x 9 = 288 mg = 4.90) passes the day
    # rule, and the days table shows it; Monday's (8 of 10 with phosphorus) does not
    assert sparse_p_report.day(W47[1]).ca_p_ratio_usable  # type: ignore[union-attr]
    assert not sparse_p_report.day(W47[0]).ca_p_ratio_usable  # type: ignore[union-attr]
    assert "4.90" in text
    whole = axes_of(weekly_chart(sparse_p_report))["ratio"]
    alone = axes_of(week_panels(sparse_p_report)["ratio"])["ratio"]
    for ax in (whole, alone):
        # the days the table shows, no week average or projection
        assert list(lines_of(ax)) == ["target 1.00", "Ca:P per day"]
        days = np.asarray(lines_of(ax)["Ca:P per day"].get_ydata(), float)
        assert np.isnan(days[0]) and days[1] == pytest.approx(1410 / 288)
        # the week's sentence in the report's words, in the legend (never over a point)
        assert said(ax) == []
        assert [t.replace("\n", " ") for t in legend_of(ax)][-1] == f"week: {sentence}"


def test_mfp_week_says_at_least_about_and_why_no_phosphorus(mfp_report: Report) -> None:
    # Calcium: Mon 30 % + 15 % of 1,000 mg = 450 mg (dinner unknown), Tue 25 % = 250 mg.
    # Tuesday is incomplete (380 kcal, under half of the 1,800 kcal of this profile): the
    # week is Monday's 450 mg, from 2 of 3 entries: "at least", and "about" because % Daily
    # Value is approximate
    text = render_text(mfp_report)
    assert "about at least 450 mg" in text
    assert "phosphorus is not in this MyFitnessPal export" in text
    axes = axes_of(weekly_chart(mfp_report))
    projection = axes["greens"].texts[1].get_text()
    assert "  Calcium: about at least 450 mg/day" in projection.splitlines()
    ticks = [t.get_text() for t in axes["ratio"].get_xticklabels()]
    assert ticks[:3] == ["Mon 16 Nov", "Tue 17 Nov\n(incomplete)", "Wed 18 Nov\n(no log)"]
    assert "  Ca:P (mass): unknown" in projection.splitlines()
    panel = axes["calcium_phosphorus"]
    assert legend_of(panel) == [
        "calcium RDA 1,000 mg/day",  # no phosphorus RDA line: the diary has no phosphorus
        APPROXIMATE_LABEL,
        "phosphorus: not in this MyFitnessPal export",
        "hatched: at least this much (some entries lack it)",
    ]
    calcium = panel.containers[0]
    assert bar_heights(panel)[0][:2] == pytest.approx([450.0, 250.0])
    assert {bar.get_alpha() for bar in calcium} == {0.55}  # drawn paler: approximate
    assert calcium[0].get_hatch() == "//" and calcium[1].get_hatch() is None  # Mon lacks one
    assert "magnesium: not in this MyFitnessPal export" in legend_of(axes["magnesium_potassium"])
    assert said(axes["ratio"]) == [
        "The Ca:P ratio cannot be computed: phosphorus is not in this MyFitnessPal export; "
        "calcium is known for too few entries."
    ]
    assert axes["diuretic_load"].get_legend() is None  # app totals: no group is present


def test_legends_list_only_the_groups_present() -> None:
    # every day of W47: 200 g milk and 100 g beef (dairy and red meat; no soda, no coffee)
    rows = [(d, "breakfast", "milk", 200.0) for d in W47]
    rows += [(d, "lunch", "beef", 100.0) for d in W47]
    analysis = analyze(make_entries(rows), settings=SMALL_DAYS)
    week = axes_of(weekly_chart(build_report(analysis)))["diuretic_load"]
    assert legend_of(week) == ["red meat", "dairy"]
    trend = axes_of(trend_chart(build_trend(analysis, 8)))["diuretic_load"]
    assert legend_of(trend) == ["red meat", "dairy"]


def _covered(ax: Any, box: Bbox) -> list[str]:
    """The data artists of ``ax`` that reach into the legend's box (display coordinates)."""
    found = []
    for patch in ax.patches:
        extent = patch.get_window_extent()
        if extent.height > 0.5 and extent.overlaps(box):
            found.append(f"{ax.get_label()}: bar/zone {patch.get_label()}")
    for line in ax.get_lines():
        assert isinstance(line, Line2D)
        points = line.get_transform().transform(line.get_xydata())
        points = points[np.isfinite(points).all(axis=1)]
        if line.get_xdata()[0] == 0 and line.get_xdata()[-1] == 1:  # axhline: full width
            inside = (points[:, 1] >= box.y0) & (points[:, 1] <= box.y1)
        else:
            x, y = points[:, 0], points[:, 1]
            inside = (x >= box.x0) & (x <= box.x1) & (y >= box.y0) & (y <= box.y1)
        if np.any(inside):
            found.append(f"{ax.get_label()}: line {line.get_label()}")
    return found


def legends_covering_data(fig: Figure) -> list[str]:
    fig.canvas.draw()
    found = []
    for ax in fig.axes:
        if ax.get_legend() is not None:
            found += _covered(ax, ax.get_legend().get_window_extent())
    return found


def overlapping_ticks(fig: Figure) -> list[str]:
    """Pairs of neighbouring x tick labels whose boxes overlap."""
    fig.canvas.draw()
    found = []
    for ax in fig.axes:
        boxes = [t.get_window_extent() for t in ax.get_xticklabels() if t.get_text()]
        for left, right in itertools.pairwise(boxes):
            if left.x1 > right.x0:
                found.append(f"{ax.get_label()}: {left.x1:.0f} > {right.x0:.0f}")
    return found


@pytest.mark.parametrize("case", ["western", "partial week", "sparse phosphorus", "mfp"])
def test_no_legend_covers_the_data_and_no_tick_covers_another(
    case: str, western_report: Report, sparse_p_report: Report, mfp_report: Report
) -> None:
    if case == "partial week":
        rows = [r for i, day in enumerate(W47[:6]) for r in day_rows(day, 200.0 + 100 * i)]
        report = build_report(analyze(make_entries(rows), settings=SMALL_DAYS), "2026-W47")
    else:
        report = {"western": western_report, "sparse phosphorus": sparse_p_report}.get(
            case, mfp_report
        )
    for fig in [weekly_chart(report), *week_panels(report).values()]:
        assert legends_covering_data(fig) == []
        assert overlapping_ticks(fig) == []


def test_the_checks_bite() -> None:
    """Negative control: a legend over a tall bar, and crowded ticks, are both found."""
    report = build_report(
        analyze(make_entries([r for d in W47 for r in day_rows(d)]), settings=SMALL_DAYS)
    )
    fig = weekly_chart(report)
    ax = axes_of(fig)["calcium_phosphorus"]
    ax.set_ylim(0, 500)  # the bars now reach the legend
    assert any("bar" in found for found in legends_covering_data(fig))
    fig.set_size_inches(9, 6)  # seven day labels in a 4-inch panel
    assert overlapping_ticks(fig) != []


def test_year_trend_ticks_are_apart_and_the_title_fits(year_trend: Trend) -> None:
    fig = trend_chart(year_trend)
    assert overlapping_ticks(fig) == []
    assert legends_covering_data(fig) == []
    title, frame = fig._suptitle.get_window_extent(), fig.bbox  # type: ignore[union-attr]
    assert frame.x0 <= title.x0 and title.x1 <= frame.x1 and title.y1 <= frame.y1


def test_panels_alone_draw_what_the_whole_figure_draws(western_report: Report) -> None:
    whole = axes_of(weekly_chart(western_report))
    panels = week_panels(western_report)
    assert list(panels) == list(PANELS[:4])
    for name, fig in panels.items():
        alone, same = axes_of(fig)[name], whole[name]
        assert alone.get_title(loc="left") == same.get_title(loc="left")
        assert alone.get_ylabel() == same.get_ylabel()
        np.testing.assert_array_equal(bar_heights(alone), bar_heights(same))
        assert {k: list(v.get_ydata()) for k, v in lines_of(alone).items()} == {
            k: list(v.get_ydata()) for k, v in lines_of(same).items()
        }
        assert sorted(legend_of(alone)) == sorted(legend_of(same))
        # the same day labels, on two lines
        ticks = [t.replace("\n", " ", 1) for t in texts(alone.get_xticklabels())]
        assert ticks == texts(same.get_xticklabels())


def test_inline_svg_is_labelled_escaped_and_repeatable(western_report: Report) -> None:
    fig = week_panels(western_report)["ratio"]
    svg = inline_svg(fig, "ratio", "Ca:P <per day>", 'P012 "x" & y')
    assert svg.startswith('<svg role="img" aria-labelledby="ratio-title ratio-desc"')
    assert '<title id="ratio-title">Ca:P &lt;per day&gt;</title>' in svg
    assert '<desc id="ratio-desc">P012 &quot;x&quot; &amp; y</desc>' in svg
    opening = svg[: svg.index(">")]
    assert "viewBox=" in opening and " width=" not in opening and " height=" not in opening
    assert "<?xml" not in svg and "<!DOCTYPE" not in svg
    assert svg == inline_svg(fig, "ratio", "Ca:P <per day>", 'P012 "x" & y')  # no date, no uuid
    with pytest.raises(ValueError, match="use letters, digits"):
        inline_svg(fig, "1 bad", "t", "d")


def test_the_plans_lowered_ratio_goal_is_said_in_both(western_report: Report) -> None:
    goal = western_report.plan.ratio_goal
    assert goal is not None and goal < western_report.targets.ca_p_mass_ratio  # the RDA first
    said = f"(goal {goal:.2f}: target 1.00 would take calcium above the RDA)"
    assert said in render_text(western_report)
    projection = axes_of(weekly_chart(western_report))["greens"].texts[1].get_text()
    assert f"(goal {goal:.2f}; target 1)" in projection.splitlines()[1]
