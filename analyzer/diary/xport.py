"""SAS transport (``.XPT``) files, the form in which NHANES publishes its dietary data.

:func:`read_xport` reads one with ``pandas.read_sas(format="xport")`` into the
:class:`~analyzer.diary.csvio.RawTable` every reader takes: the variable names are the header
and the values stay numbers (every SAS numeric variable is a float; SAS missing ``.`` is NaN).
``line`` is the record number plus one, as if the header were line 1, so that the lines of an
XPT file and of the same table saved as CSV agree.

pandas reads some exact zeros of these files as ``5.397605346934028e-79`` (pandas issue
50670, open); every value whose magnitude is below :data:`TINY_ZERO` is turned back into
0.0, never into missing. No nutrient or code is that small.

References
----------
.. [1] SAS Institute. *The Record Layout of a SAS Version 5 or 6 Data Set in SAS Transport
   (XPORT) Format*, TS-140.
.. [2] pandas-dev/pandas issue 50670, "read_sas with format xport reads 0 as 5.397605e-79".
"""

from __future__ import annotations

from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.diary.csvio import RawTable
from analyzer.errors import DiaryFormatError

#: The first bytes of every SAS transport file (its library header record).
XPORT_MAGIC = b"HEADER RECORD*******LIBRARY HEADER RECORD!!!!!!!"
#: Values below this magnitude are pandas' misread zeros (see the module docstring).
TINY_ZERO = 1e-70
#: Text encoding of character variables (CDC files are ASCII; Latin-1 never fails).
XPORT_ENCODING = "latin-1"


def is_xport(path: str | Path) -> bool:
    """True when a regular file starts with the SAS transport header.

    False for anything unreadable and for what is not a regular file (standard input, a
    pipe: opening a pipe with no writer would block), which the CSV reader then handles.
    """
    try:
        if not Path(path).is_file():
            return False
        with open(path, "rb") as handle:
            return handle.read(len(XPORT_MAGIC)) == XPORT_MAGIC
    except OSError:
        return False


def fix_tiny_zeros(frame: pd.DataFrame) -> int:
    """Set numeric values below :data:`TINY_ZERO` in magnitude to 0.0, in place.

    Returns
    -------
    int
        How many values were changed.

    Examples
    --------
    >>> frame = pd.DataFrame({"x": [5.397605346934028e-79, 2.5, float("nan")]})
    >>> fix_tiny_zeros(frame), frame["x"].tolist()
    (1, [0.0, 2.5, nan])
    """
    changed = 0
    for column in frame.columns:
        if not pd.api.types.is_float_dtype(frame[column]):
            continue
        values = frame[column].to_numpy(dtype=float, copy=True)
        with np.errstate(invalid="ignore"):
            tiny = (np.abs(values) < TINY_ZERO) & (values != 0.0)
        if tiny.any():
            values[tiny] = 0.0
            frame[column] = values
            changed += int(tiny.sum())
    return changed


def read_xport_frame(path: str | Path) -> pd.DataFrame:
    """The first data set of a SAS transport file, misread zeros repaired.

    Raises
    ------
    DiaryFormatError
        The file is missing or is not a readable transport file.
    """
    name = str(path)
    try:
        frame = pd.read_sas(path, format="xport", encoding=XPORT_ENCODING)
    except FileNotFoundError:
        raise DiaryFormatError(name, "file not found", "Check the path") from None
    except (ValueError, OSError, UnicodeDecodeError, EOFError) as error:
        raise DiaryFormatError(
            name,
            f"is a SAS transport (XPT) file that cannot be read ({error})",
            "Download the .XPT file again from the NHANES website",
        ) from None
    if not isinstance(frame, pd.DataFrame):  # an iterator only with chunksize
        raise DiaryFormatError(name, "cannot be read as one SAS transport data set")
    fix_tiny_zeros(frame)
    return frame


def read_xport(path: str | Path) -> RawTable:
    """Read a SAS transport file as a :class:`RawTable` (numbers stay numbers).

    Raises
    ------
    DiaryFormatError
        The file cannot be read, or has no records.
    """
    frame = read_xport_frame(path)
    if frame.empty:
        raise DiaryFormatError(str(path), "is empty", "The transport file has no records")
    header = [str(name) for name in frame.columns]
    cells = frame.copy()
    cells.columns = pd.RangeIndex(len(header))
    return RawTable(
        header=header,
        header_line=1,
        cells=cells,
        lines=np.arange(2, len(frame) + 2, dtype=np.int64),
        delimiter="",
        decimal_comma=False,
        encoding=XPORT_ENCODING,
        header_width=len(header),
        overflow=None,
    )
