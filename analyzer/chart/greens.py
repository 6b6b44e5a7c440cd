"""Panel 5 of the week chart: the suggested greens and the week now and with them (text)."""

from __future__ import annotations

import textwrap

from matplotlib.axes import Axes

from analyzer.chart.frames import PlanView
from analyzer.chart.style import PANEL_TITLE_PT, TEXT_PT
from analyzer.report.formatting import PARTIAL_MARK

#: Lines of suggestions panel 5 holds, and the widths text is wrapped at. [lines], [chars]
MAX_SUGGESTION_LINES = 4
WRAP_CHARS = 76
MESSAGE_WRAP_CHARS = 62
#: Top of the text boxes, below the panel title. [axes fraction]
TEXT_TOP = 0.9
#: Said under the week's figures when one is marked with :data:`PARTIAL_MARK`.
PARTIAL_FOOTNOTE = f"  {PARTIAL_MARK} some entries lack it: counts only the known values"


def greens_lines(plan: PlanView) -> str:
    """Left half of panel 5: the suggested greens (or the plan's message), wrapped to fit.

    Suggestions are wrapped at :data:`WRAP_CHARS` characters and listed while they fit in
    :data:`MAX_SUGGESTION_LINES` lines; the rest are counted ("+ 2 more: see the report").
    """
    lines = ["Suggested greens this week:"]
    if not plan.lines:
        wrapped = textwrap.wrap(
            plan.message, WRAP_CHARS, initial_indent="  ", subsequent_indent="  "
        )
        return "\n".join(lines + wrapped)
    shown = 0
    for item in plan.lines:
        wrapped = textwrap.wrap(item, WRAP_CHARS, initial_indent="  • ", subsequent_indent="     ")
        if len(lines) - 1 + len(wrapped) > MAX_SUGGESTION_LINES:
            break
        lines += wrapped
        shown += 1
    if shown < len(plan.lines):
        lines.append(f"  + {len(plan.lines) - shown} more: see the report")
    return "\n".join(lines)


def projection_lines(plan: PlanView, target: float) -> str:
    """Right half of panel 5: the week's averages now (as the report states them: "at
    least", "about") and projected with the greens."""
    then = plan.projected
    goal_mg = plan.goals.get("absorbable_calcium_mg")
    goal = f"  (goal {goal_mg:,.0f})" if goal_mg is not None else ""
    lines = ["The week, per day: now → with the greens" if then else "The week, per day:"]
    ratio_goal = plan.goals.get("ca_p_ratio_goal")
    aim = f"goal {ratio_goal:.2f}; " if ratio_goal is not None and then else ""
    rows = (
        ("Ca:P (mass)", "ca_p_mass_ratio", "{:.2f}", f"  ({aim}target {target:g})"),
        ("Absorbable calcium", "absorbable_calcium_mg", "{:,.0f}", f" mg/day{goal}"),
        ("Calcium", "calcium_mg", "{:,.0f}", " mg/day"),
    )
    marked = False
    for name, key, fmt, unit in rows:
        now = plan.shown_now.get(key, "unknown")
        if now == "unknown" and key not in then:
            lines.append(f"  {name}: unknown")
            continue
        marked = marked or now.endswith(PARTIAL_MARK)
        shown = now + (" → " + fmt.format(then[key]) if key in then else "")
        lines.append(f"  {name}: {shown}{unit}")
    if marked:
        lines.append(PARTIAL_FOOTNOTE)
    if plan.lines and plan.message:
        lines += textwrap.wrap(plan.message, MESSAGE_WRAP_CHARS)
    return "\n".join(lines)


def draw_greens(ax: Axes, plan: PlanView, target: float) -> None:
    """Panel 5: the suggested greens (left) and the week now and projected (right)."""
    ax.set_axis_off()
    ax.set_title("5. Greens and the projected week", fontsize=PANEL_TITLE_PT, loc="left")
    box = {"boxstyle": "round,pad=0.6", "facecolor": "#F7F7F7", "edgecolor": "#BBBBBB"}
    for x, text in ((0.0, greens_lines(plan)), (0.55, projection_lines(plan, target))):
        ax.text(
            x,
            TEXT_TOP,
            text,
            va="top",
            ha="left",
            fontsize=TEXT_PT + 1,
            transform=ax.transAxes,
            linespacing=1.4,
            bbox=box,
        )
