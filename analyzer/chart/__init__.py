"""Charts of the calcium-phosphorus balance (matplotlib's object-oriented API, Agg canvas).

Functions return a :class:`matplotlib.figure.Figure` and never open a window or call
``plt.show()``; :func:`save_figure` writes PNG, SVG or PDF by the file's extension. This
package is the only place that imports matplotlib.
"""

from analyzer.chart.describe import cohort_figures, report_figures
from analyzer.chart.frames import PlanView, WeekView, plan_view, trend_frame, week_frame, week_view
from analyzer.chart.save import chart_format, save_figure
from analyzer.chart.style import OKABE_ITO
from analyzer.chart.svg import inline_svg
from analyzer.chart.trend import trend_chart
from analyzer.chart.weekly import PANELS, week_panels, weekly_chart

__all__ = [
    "OKABE_ITO",
    "PANELS",
    "PlanView",
    "WeekView",
    "chart_format",
    "cohort_figures",
    "inline_svg",
    "plan_view",
    "report_figures",
    "save_figure",
    "trend_chart",
    "trend_frame",
    "week_frame",
    "week_panels",
    "week_view",
    "weekly_chart",
]
