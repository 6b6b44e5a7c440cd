"""REPORT: the typed weekly report, its builder, the greens plan and the renderers.

:func:`build_report` turns an :class:`~analyzer.balance.Analysis` into a
:class:`~analyzer.report.model.Report` (pydantic); ``--format json`` is its dump and
:func:`render_text` its terminal form, :func:`render_html` its shareable page. The
greens plan is :mod:`analyzer.report.plan`.
"""

from analyzer.report.build import build_report
from analyzer.report.html import render_html
from analyzer.report.model import Report
from analyzer.report.text import render_text
from analyzer.report.trend import Trend, build_trend

__all__ = ["Report", "Trend", "build_report", "build_trend", "render_html", "render_text"]
