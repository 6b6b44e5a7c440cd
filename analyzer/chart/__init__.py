"""Charts of the calcium-phosphorus balance (matplotlib's object-oriented API, Agg canvas).

Functions return a :class:`matplotlib.figure.Figure` and never open a window or call
``plt.show()``; :func:`save_figure` writes PNG, SVG or PDF by the file's extension. This
package is the only place that imports matplotlib.
"""

from analyzer.chart.frames import PlanView, plan_view, trend_frame, week_frame
from analyzer.chart.save import chart_format, save_figure
from analyzer.chart.style import OKABE_ITO
from analyzer.chart.trend import trend_chart
from analyzer.chart.weekly import PANELS, weekly_chart

__all__ = [
    "OKABE_ITO",
    "PANELS",
    "PlanView",
    "chart_format",
    "plan_view",
    "save_figure",
    "trend_chart",
    "trend_frame",
    "week_frame",
    "weekly_chart",
]
