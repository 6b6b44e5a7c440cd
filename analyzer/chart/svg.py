"""A figure as an SVG element to put inside an HTML page, with its accessible name.

matplotlib writes the SVG (text as glyph paths, so it looks the same without the fonts);
this module removes the XML prolog, lets CSS size it (the ``viewBox`` keeps its aspect),
and adds ``role="img"``, a ``<title>`` and a ``<desc>``: what a screen reader says, and
what a browser shows on hover. Ids are made unique per figure with ``svg.hashsalt``, so
several figures can share a page.
"""

from __future__ import annotations

import io
import re
from html import escape

import matplotlib
from matplotlib.figure import Figure

#: The opening ``<svg ...>`` tag and its width and height attributes (in pt).
_SVG_OPEN = re.compile(r"<svg\b[^>]*>")
_SIZE = re.compile(r'\s(?:width|height)="[^"]*"')


def inline_svg(fig: Figure, name: str, title: str, description: str) -> str:
    """``fig`` as an inline ``<svg>`` element with ``<title>`` and ``<desc>``.

    Parameters
    ----------
    fig : Figure
        Any matplotlib figure.
    name : str
        A short id, unique in the page (letters, digits, ``-`` and ``_``); the SVG's own ids
        are salted with it.
    title, description : str
        The accessible name and description (plain text; escaped here).

    Returns
    -------
    str
        ``<svg role="img" aria-labelledby=... class="chart" viewBox=...>...</svg>``,
        deterministic for the same figure (no date, salted ids).

    Examples
    --------
    >>> from analyzer.chart.panels import new_figure
    >>> svg = inline_svg(new_figure((2, 1)), "x", "A & B", "<none>")
    >>> svg.startswith('<svg role="img"'), "<title id=\\"x-title\\">A &amp; B</title>" in svg
    (True, True)
    """
    if not re.fullmatch(r"[A-Za-z][\w-]*", name):
        raise ValueError(f"name {name!r}: use letters, digits, '-' and '_' after a letter")
    buffer = io.StringIO()
    with matplotlib.rc_context({"svg.hashsalt": name, "svg.fonttype": "path"}):
        fig.savefig(buffer, format="svg", metadata={"Date": None, "Creator": "analyzer"})
    text = buffer.getvalue()
    opening = _SVG_OPEN.search(text)
    if opening is None:  # matplotlib always writes one
        raise ValueError("matplotlib wrote no <svg> element")
    tag = _SIZE.sub("", opening.group(0))
    tag = tag.replace(
        "<svg",
        f'<svg role="img" aria-labelledby="{name}-title {name}-desc" class="chart" id="{name}"',
        1,
    )
    accessible = (
        f'<title id="{name}-title">{escape(title)}</title>'
        f'<desc id="{name}-desc">{escape(description)}</desc>'
    )
    return tag + accessible + text[opening.end() :].strip()
