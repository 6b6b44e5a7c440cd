"""The cohort figure, drawn headless from the typed cohort model (never recomputed).

The cohort is the one of tests/balance/test_cohort.py: six milk drinkers in two DRI life
stages (women 31-50 y, men 51-70 y), so every intake panel has three rows (all persons and
the two stages).
"""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

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
        "Diuretic load by food group",
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
    written = save_figure(figure, tmp_path / "cohort.svg")
    assert written.read_text(encoding="utf-8").lstrip().startswith("<?xml")
