"""CSV cells as byte matrices: numbers formatted and rows joined with NumPy, not per cell.

A cohort's daily table has hundreds of thousands of rows of a dozen numbers; formatting each
number with ``repr`` and joining the cells in Python costs seconds. Here a column is a
``uint8`` matrix with one row per table row holding that row's cell, padded with NUL bytes
(which no cell contains). Integers and floats are written digit by digit for the whole
column at once; text is rendered once per distinct value. :func:`join_rows` puts the columns
side by side with commas and line feeds and drops the padding in one step. The bytes are
those of :func:`repr` and :class:`str` (:mod:`analyzer.cli.csvtext` checks them against
pandas' writer).
"""

from __future__ import annotations

import numpy as np

#: Decimals a float may have to be written by :func:`float_cells` (more: ``repr``).
FLOAT_DECIMALS = 6
#: Largest magnitude written digit by digit; ``repr`` of larger floats may be shorter than
#: their six decimals, or use an exponent.
FLOAT_MAX = 1e9
#: Smallest non-zero magnitude written digit by digit (``repr`` uses an exponent below it).
FLOAT_MIN = 1e-4
_SCALE = 10**FLOAT_DECIMALS
_ZERO, _MINUS, _POINT, _PAD = ord("0"), ord("-"), ord("."), 0


def _width(values: np.ndarray) -> int:
    """Decimal digits of the largest of non-negative integers (at least 1)."""
    return len(str(int(values.max()))) if len(values) else 1


def _digits(values: np.ndarray, width: int, *, leading: bool = False) -> np.ndarray:
    """Decimal digits of non-negative int64 values, right-aligned in ``width`` columns;
    leading zeros are padding unless ``leading`` (a value of 0 keeps one ``0``)."""
    matrix = np.empty((len(values), width), dtype=np.uint8)
    rest = values.copy()
    for column in range(width - 1, -1, -1):
        rest, digit = np.divmod(rest, 10)
        matrix[:, column] = digit
    matrix += _ZERO
    if not leading:
        count = np.ones(len(values), dtype=np.int64)
        for power in range(1, width):
            count += values >= 10**power
        matrix[np.arange(width)[None, :] < (width - count)[:, None]] = _PAD
    return matrix


def _signed(magnitude: np.ndarray, negative: np.ndarray) -> np.ndarray:
    """Integers with a minus sign where ``negative``, right-aligned (padding on the left)."""
    digits = _digits(magnitude, _width(magnitude))
    sign = np.full((len(magnitude), 1), _PAD, dtype=np.uint8)
    matrix = np.concatenate([sign, digits], axis=1)
    if negative.any():
        first = np.argmax(matrix != _PAD, axis=1)  # the first digit
        rows = np.flatnonzero(negative)
        matrix[rows, first[rows] - 1] = _MINUS
    return matrix


def int_cells(values: np.ndarray) -> np.ndarray | None:
    """``str`` of each integer; None when a value is the smallest int64 (no magnitude)."""
    values = np.asarray(values, dtype=np.int64)
    if len(values) and values.min() == np.iinfo(np.int64).min:
        return None
    return _signed(np.abs(values), values < 0)


def float_cells(values: np.ndarray) -> tuple[np.ndarray, np.ndarray]:
    """``repr`` of each float that has at most :data:`FLOAT_DECIMALS` decimals, blank for NaN.

    Returns the cells and the rows left for the caller to write with ``repr`` (too large,
    too small, infinite, or with more decimals), whose cells here are blank.
    """
    values = np.asarray(values, dtype=np.float64)
    magnitude = np.abs(values)
    with np.errstate(invalid="ignore", over="ignore"):
        scaled = np.rint(magnitude * _SCALE)
        written = (scaled / _SCALE == magnitude) & (magnitude < FLOAT_MAX)
        written &= (magnitude >= FLOAT_MIN) | (magnitude == 0)
    units = np.where(written, scaled, 0).astype(np.int64)
    whole, fraction = np.divmod(units, _SCALE)
    integer = _signed(whole, np.signbit(values) & written)
    places = _digits(fraction, FLOAT_DECIMALS, leading=True)
    kept = np.full(len(values), FLOAT_DECIMALS, dtype=np.int64)  # digits before trailing 0s
    for power in range(1, FLOAT_DECIMALS):
        kept -= fraction % 10**power == 0
    places[np.arange(FLOAT_DECIMALS)[None, :] >= kept[:, None]] = _PAD  # 276.0 keeps one
    point = np.full((len(values), 1), _POINT, dtype=np.uint8)
    matrix = np.concatenate([integer, point, places], axis=1)
    matrix[~written] = _PAD
    return matrix, ~written & ~np.isnan(values)


def text_cells(rendered: list[str], codes: np.ndarray) -> np.ndarray | None:
    """Cells of a column rendered once per distinct value (``codes`` index ``rendered``).

    None when a value holds a NUL character (the padding byte).
    """
    if any("\x00" in text for text in rendered):
        return None
    table = np.array([text.encode("utf-8") for text in rendered] or [b""], dtype=bytes)
    width = max(table.dtype.itemsize, 1)
    matrix = np.frombuffer(table.tobytes(), dtype=np.uint8).reshape(len(table), width)
    return matrix[codes]


def with_texts(cells: np.ndarray, rows: np.ndarray, texts: list[str]) -> np.ndarray:
    """``cells`` with the given rows replaced by texts (e.g. the floats written by ``repr``)."""
    if not len(rows):
        return cells
    encoded = [text.encode("utf-8") for text in texts]
    width = max(cells.shape[1], *(len(b) for b in encoded))
    matrix = np.zeros((cells.shape[0], width), dtype=np.uint8)
    matrix[:, : cells.shape[1]] = cells
    for row, data in zip(rows.tolist(), encoded, strict=True):
        matrix[row] = _PAD
        matrix[row, : len(data)] = np.frombuffer(data, dtype=np.uint8)
    return matrix


def join_rows(columns: list[np.ndarray]) -> bytes:
    """The rows as CSV bytes: cells joined by commas, each row ending in a line feed."""
    n = columns[0].shape[0]
    comma = np.full((n, 1), ord(","), dtype=np.uint8)
    newline = np.full((n, 1), ord("\n"), dtype=np.uint8)
    parts: list[np.ndarray] = []
    for cells in columns:
        parts += [cells, comma]
    parts[-1] = newline
    rows = np.concatenate(parts, axis=1)
    return rows[rows != _PAD].tobytes()
