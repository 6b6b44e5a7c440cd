"""Write a figure to PNG, SVG or PDF, chosen by the file's extension."""

from __future__ import annotations

from pathlib import Path

from matplotlib.figure import Figure

from analyzer.chart.style import FORMATS
from analyzer.errors import DataFileError


def chart_format(path: str | Path) -> str:
    """The chart format (``png``, ``svg`` or ``pdf``) that a file name's extension asks for.

    Raises
    ------
    DataFileError
        For any other extension; the message names the formats and a corrected file name.

    Examples
    --------
    >>> chart_format("out/week.SVG")
    'svg'
    """
    target = Path(path)
    fmt = FORMATS.get(target.suffix.lower())
    if fmt is None:
        shown = target.suffix or "(no extension)"
        raise DataFileError(
            str(target),
            f"cannot write a chart as {shown}",
            f"end the file name in {', '.join(FORMATS)} (e.g. {target.with_suffix('.png').name})",
        )
    return fmt


def save_figure(fig: Figure, path: str | Path) -> Path:
    """Save ``fig`` to ``path`` in the format its extension names (.png, .svg or .pdf).

    Parameters
    ----------
    fig : Figure
        From :func:`weekly_chart` or :func:`trend_chart`.
    path : str or Path
        Where to write; the extension (any case) picks the format.

    Returns
    -------
    Path
        The file written.

    Raises
    ------
    DataFileError
        For an extension other than .png, .svg or .pdf, or when the file cannot be written
        (e.g. its folder does not exist).
    """
    target = Path(path)
    fmt = chart_format(target)
    try:
        fig.savefig(target, format=fmt, metadata={"Creator": "analyzer"} if fmt != "svg" else None)
    except OSError as error:
        raise DataFileError(
            str(target),
            f"cannot write the chart ({error.strerror or error})",
            "check that the folder exists and is writable",
        ) from None
    return target
