"""The cohort figure, drawn headless from the typed cohort model (never recomputed).

The cohort is the one of tests/balance/test_cohort.py: six milk drinkers in two DRI life
stages (women 31-50 y, men 51-70 y), so every intake panel has three rows (all persons and
the two stages).
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.axes import Axes
from matplotlib.figure import Figure
from matplotlib.text import Text

from analyzer.balance.analysis import analyze
from analyzer.chart.cohort import COHORT_PANELS, cohort_chart
from analyzer.chart.save import save_figure
from analyzer.report.cohort import build_cohort
from tests.balance.test_cohort import cohort_entries, profiles
from tests.conftest import SMALL_DAYS


def test_one_figure_with_the_six_panels(tmp_path: Path) -> None:
    report = build_cohort(
        analyze(cohort_entries(), settings=SMALL_DAYS, profiles=profiles(), by_person=True)
    )
    figure = cohort_chart(report)
    assert isinstance(figure, Figure)
    titles = [ax.get_title(loc="left") for ax in figure.axes]
    assert titles == [
        "Calcium",
        "Phosphorus",
        "Magnesium",
        "Potassium",
        "Ca:P (molar) of each person's mean intake\n0% of persons below 0.5",
        "Diuretic load by group",
    ]
    assert len(COHORT_PANELS) == len(figure.axes)
    calcium = figure.axes[0]
    assert [t.get_text() for t in calcium.get_yticklabels()] == [
        "all persons (n=6)\n33% < EAR",
        "female 31-50 y (n=4)\n50% < EAR",
        "male 51-70 y (n=2)\n0% < EAR",
    ]
    assert len(calcium.patches) == 3  # one 25th-75th percentile box per row
    assert sum(p.get_height() for p in figure.axes[4].patches) == 6  # persons in the histogram
    assert "one or two days are not usual intake" in figure.get_suptitle()
    # nothing drawn runs off the figure: titles, axis labels, tick labels and the bar notes
    figure.canvas.draw()
    renderer = figure.canvas.get_renderer()  # type: ignore[attr-defined]
    box = figure.bbox
    texts = [figure._suptitle, *(t for ax in figure.axes for t in _texts(ax))]
    for text in texts:
        if text is None or not text.get_text() or not text.get_visible():
            continue
        extent = text.get_window_extent(renderer)
        assert box.x0 - 1 <= extent.x0 and extent.x1 <= box.x1 + 1, text.get_text()
        assert box.y0 - 1 <= extent.y0 and extent.y1 <= box.y1 + 1, text.get_text()
    written = save_figure(figure, tmp_path / "cohort.svg")
    assert written.read_text(encoding="utf-8").lstrip().startswith("<?xml")


def _texts(ax: Axes) -> list[Text]:
    """The texts drawn on an axes (tick labels only of the ticks within its limits)."""
    (x0, x1), (y0, y1) = sorted(ax.get_xlim()), sorted(ax.get_ylim())
    xticks = [
        label
        for at, label in zip(ax.get_xticks(), ax.get_xticklabels(), strict=True)
        if x0 <= at <= x1
    ]
    yticks = [
        label
        for at, label in zip(ax.get_yticks(), ax.get_yticklabels(), strict=True)
        if y0 <= at <= y1
    ]
    return [
        ax.title,
        ax._left_title,  # type: ignore[attr-defined]
        ax.xaxis.label,
        ax.yaxis.label,
        *xticks,
        *yticks,
        *ax.texts,
    ]
