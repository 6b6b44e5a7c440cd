"""Read a diary file into a table of text cells, keeping each row's physical line number.

Files as people have them (bytes decoded by :mod:`analyzer.diary.textio`): CRLF, LF or CR
line ends; ``,`` ``;`` tab or ``|``
delimiters (sniffed from the header line, or an Excel ``sep=;`` first line); quoted fields,
also spanning lines; blank lines (skipped, not rows); trailing empty columns.

Parsing uses pandas' C reader; only files with a quoted field that spans lines take the
slower :mod:`csv` path (needed to know on which line each row starts).
"""

from __future__ import annotations

import csv
import io
import re
from dataclasses import dataclass, field
from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.diary.lines import (
    DELIMITERS,
    LineCounter,
    check_header,
    count_outside_quotes,
    named_width,
    sniff_delimiter,
)
from analyzer.diary.textio import decode, may_be_other_format, read_bytes
from analyzer.diary.textio import fail as _fail
from analyzer.distinct import categorical, text_codes
from analyzer.errors import DiaryFormatError

#: Physical lines one record may span (a quoted value with line breaks, e.g. a note); more
#: means a double quote that was never closed.
MAX_RECORD_LINES = 20
#: Lines above the header (a title, an export date) that are looked through for it.
MAX_PREAMBLE_LINES = 10
#: Cells a data row may have beyond the header's columns before the rest of its line is
#: left unparsed (a runaway line must not make a table with a million columns).
MAX_EXTRA_CELLS = 64

_SEP_LINE = re.compile(r"^\s*\"?sep=(.)\"?\s*$", re.IGNORECASE)


@dataclass(frozen=True)
class RawTable:
    """A diary file as text cells.

    Attributes
    ----------
    header : list of str
        Header cells, stripped (may contain "" for trailing empty columns).
    header_line : int
        1-based physical line of the header.
    cells : DataFrame
        One row per data row, columns ``0..n-1`` aligned with ``header`` (text, stripped;
        a missing cell is "").
    lines : ndarray of int
        1-based physical line on which each data row starts.
    delimiter : str
        The field delimiter.
    decimal_comma : bool
        True when numbers may use a decimal comma (the delimiter is not a comma).
    encoding : str
        The encoding the bytes were decoded with.
    header_width : int
        Number of header cells up to the last one with a name.
    overflow : Series of object
        Per data row, the first non-empty cell beyond the header's columns ("" when the row
        fits the header). Such a row is misaligned, e.g. an unquoted comma in a food name.
    distinct : dict, optional
        Per column position, ``(codes, uniques)`` of its cells: the distinct stripped
        values and each data row's code into them (see :meth:`text`).
    """

    header: list[str]
    header_line: int
    cells: pd.DataFrame
    lines: np.ndarray
    delimiter: str
    decimal_comma: bool
    encoding: str
    header_width: int = 0
    overflow: pd.Series | None = None
    distinct: dict[int, tuple[np.ndarray, np.ndarray]] | None = field(default=None, repr=False)

    def text(self, position: int | None) -> pd.Series:
        """The cells of one column as a categorical Series (its distinct values once).

        The same values as ``cells[position]``; "" everywhere when the column is absent.
        Steps that work per distinct value take the codes from it without hashing every
        cell again (:func:`analyzer.distinct.text_codes`).
        """
        index = self.cells.index
        if position is None or position >= self.cells.shape[1]:
            return categorical(np.zeros(len(index), dtype=np.intp), np.asarray([""]), index)
        if self.distinct is not None and position in self.distinct:
            codes, uniques = self.distinct[position]
            return categorical(codes, uniques, index)
        codes, uniques = text_codes(self.cells[position])
        return categorical(codes, uniques, index)

    def blank(self) -> np.ndarray:
        """True for the data rows whose every cell is empty."""
        if not self.cells.shape[1]:
            return np.ones(len(self.cells), dtype=bool)
        if self.distinct is None or len(self.distinct) != self.cells.shape[1]:
            return (self.cells == "").all(axis=1).to_numpy(dtype=bool)
        blank = np.ones(len(self.cells), dtype=bool)
        for codes, uniques in self.distinct.values():
            empty = np.flatnonzero(uniques == "")
            if not len(empty):
                return np.zeros(len(self.cells), dtype=bool)
            blank &= codes == empty[0]
        return blank


def strip_text(column: pd.Series) -> pd.Series:
    """Trim whitespace once per DISTINCT value; object dtype, "" for missing."""
    codes, stripped = stripped_codes(column)
    if len(stripped) == 0:
        return pd.Series([], index=column.index, dtype=object)
    return pd.Series(stripped[codes], index=column.index, dtype=object)


def stripped_codes(column: pd.Series) -> tuple[np.ndarray, np.ndarray]:
    """Codes and distinct values of a text column with whitespace trimmed ("" for missing),
    the trimming done once per distinct value."""
    codes, values = text_codes(column)
    again, stripped = pd.factorize(np.array([str(v).strip() for v in values], dtype=object))
    return np.asarray(again, dtype=np.intp)[codes], np.asarray(stripped, dtype=object)


def _table(
    rows: pd.DataFrame, starts: np.ndarray, delimiter: str, encoding: str, header_width: int,
    truncated: set[int],
) -> RawTable:  # fmt: skip
    """The :class:`RawTable` of parsed rows (the header line first): cells trimmed once per
    distinct value, their codes kept for the steps after."""
    distinct: dict[int, tuple[np.ndarray, np.ndarray]] = {}
    header: list[str] = []
    columns: dict[int, np.ndarray] = {}
    for position, key in enumerate(rows.columns):
        codes, uniques = stripped_codes(rows[key])
        header.append(str(uniques[codes[0]]))
        distinct[position] = (codes[1:], uniques)
        columns[position] = uniques[codes[1:]]
    cells = pd.DataFrame(columns, index=pd.RangeIndex(len(rows) - 1))
    cells.columns = pd.RangeIndex(len(cells.columns))
    return RawTable(
        header=header,
        header_line=int(starts[0]) + 1,
        cells=cells,
        lines=np.asarray(starts[1:], dtype=np.int64) + 1,
        delimiter=delimiter,
        decimal_comma=delimiter != ",",
        encoding=encoding,
        header_width=header_width,
        overflow=_overflow(cells, header_width, {i - 1 for i in truncated if i > 0}),
        distinct=distinct,
    )


def read_table(path: str | Path) -> RawTable:
    """Read a diary file into text cells with physical line numbers.

    Parameters
    ----------
    path : str or Path
        The CSV file.

    Raises
    ------
    DiaryFormatError
        The file is missing, empty, binary, or cannot be parsed as delimited text.
    """
    name = str(path)
    data = read_bytes(path)
    clean = read_clean(data, name)
    if clean is not None:
        return clean
    text, encoding = decode(data, name)
    lines = text.split("\n")
    counter = LineCounter(text)
    keep = np.flatnonzero(~counter.blank())
    if keep.size == 0:
        raise _fail(name, "is empty", "A diary needs a header line and at least one data row")
    delimiter: str | None = None
    match = _SEP_LINE.match(lines[int(keep[0])])
    if match:
        delimiter = match.group(1)
        keep = keep[1:]
        if keep.size == 0:
            raise _fail(
                name,
                "has no header line after 'sep='",
                "Put the column names on the line after it",
            )
    if delimiter is None:
        # the first line with a delimiter: a title line above the header has none
        candidates = [lines[int(i)] for i in keep[:MAX_PREAMBLE_LINES]]
        delimited = [c for c in candidates if any(count_outside_quotes(c, d) for d in DELIMITERS)]
        delimiter = sniff_delimiter(delimited[0] if delimited else candidates[0])
    check_header(lines[int(keep[0])], delimiter, name)
    odd_quotes = '"' in text and bool((counter.count('"')[keep] % 2).any())
    truncated: set[int] = set()
    if odd_quotes:
        rows, starts = _read_slow(lines, int(keep[0]), delimiter, name)
        header_width = named_width(lines[int(keep[0])], delimiter)
    else:
        kept = lines if keep.size == len(lines) else [lines[i] for i in keep.tolist()]
        header_width = named_width(kept[0], delimiter)
        header_cells = len(next(csv.reader([kept[0]], delimiter=delimiter), [""]))
        try:
            # Most files: no row has more cells than the header line; the parser raises
            # if one has, and only then are the cells of every line counted.
            rows = _read_fast(kept, delimiter, max(header_cells, header_width), name)
        except DiaryFormatError:
            counts = counter.count(delimiter)[keep] + 1 if len(delimiter) == 1 else np.ones(1)
            limit = header_width + MAX_EXTRA_CELLS
            if counts.max() > limit:
                kept, truncated = _truncate_long(kept, counts, limit, delimiter)
            width = int(min(counts.max(), limit))
            rows = _read_fast(kept, delimiter, width, name)
        starts = keep
    if rows.empty:
        raise _fail(name, "is empty", "A diary needs a header line and at least one data row")
    return _table(rows, starts, delimiter, encoding, header_width, truncated)


_UTF8_BOM = b"\xef\xbb\xbf"
#: Bytes read to check the start of a file (the first 10,000 characters). [bytes]
_HEAD_BYTES = 40_000


def read_clean(data: bytes, name: str) -> RawTable | None:
    """Read a clean file straight from its bytes, or None when it needs :func:`read_table`.

    Clean: UTF-8 (with or without a byte-order mark), LF line ends, no blank line, the header
    on the first line with its delimiter, and no quoted value spanning lines. Exports of
    apps and studies are; the C parser then reads the bytes in one go, each column parsed as
    categorical (its distinct values once). The cells are the ones :func:`read_table` gives.
    """
    body = data[len(_UTF8_BOM) :] if data.startswith(_UTF8_BOM) else data
    if not body or body.startswith((_UTF8_BOM, b"PK\x03\x04", b"\xff\xfe", b"\xfe\xff")):
        return None
    if b"\r" in body or b"\x00" in body:
        return None
    if not body.isascii():
        try:
            body.decode("utf-8")
        except UnicodeDecodeError:
            return None
    head = body[:_HEAD_BYTES].decode("utf-8", "ignore")[:10000]
    if may_be_other_format(head):
        return None
    counter = LineCounter(body)
    blank = counter.blank()
    if blank[:-1].any() or (blank[-1] and counter.lengths[-1] > 0):
        return None  # blank lines are skipped (not rows): read_table numbers the rest
    first = body[: int(counter.newlines[0]) if len(counter.newlines) else len(body)]
    header_line = first.decode("utf-8")
    if _SEP_LINE.match(header_line) or not any(
        count_outside_quotes(header_line, d) for d in DELIMITERS
    ):
        return None
    delimiter = sniff_delimiter(header_line)
    check_header(header_line, delimiter, name)
    if b'"' in body and bool((counter.count('"') % 2).any()):
        return None
    width = named_width(header_line, delimiter)
    cells = len(next(csv.reader([header_line], delimiter=delimiter), [""]))
    try:
        rows = pd.read_csv(
            io.BytesIO(body),
            sep=delimiter,
            header=None,
            names=range(max(cells, width)),
            dtype="category",
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            quotechar='"',
            doublequote=True,
            encoding="utf-8",
        )
    except (ValueError, csv.Error, pd.errors.ParserError):
        return None  # e.g. a row with more cells than the header: read_table counts them
    starts = np.arange(int((~blank).sum()), dtype=np.int64)
    if len(rows) != len(starts) or len(rows) < 2:
        return None
    return _table(rows, starts, delimiter, "utf-8-sig", width, set())


def _truncate_long(
    kept: list[str], counts: np.ndarray, limit: int, delimiter: str
) -> tuple[list[str], set[int]]:
    """Cut lines with more than ``limit`` cells down to ``limit`` cells.

    Returns the new lines and the positions of lines that lost a non-empty cell.
    """
    out = list(kept)
    lost: set[int] = set()
    for position in np.flatnonzero(counts > limit).tolist():
        record = next(csv.reader([kept[position]], delimiter=delimiter), [])
        if any(cell.strip() for cell in record[limit:]):
            lost.add(position)
        buffer = io.StringIO()
        csv.writer(buffer, delimiter=delimiter, lineterminator="").writerow(record[:limit])
        out[position] = buffer.getvalue()
    return out, lost


def _overflow(cells: pd.DataFrame, header_width: int, truncated: set[int]) -> pd.Series:
    """First non-empty cell beyond the header's columns per row ("" if none)."""
    overflow = pd.Series("", index=cells.index, dtype=object)
    for column in range(cells.shape[1] - 1, header_width - 1, -1):
        values = cells[column]
        overflow = overflow.mask(values.ne(""), values)
    for row in truncated:
        if overflow.iat[row] == "":
            overflow.iat[row] = "..."
    return overflow


def _read_fast(kept: list[str], delimiter: str, width: int, path: str) -> pd.DataFrame:
    """Parse non-blank lines with pandas' C reader (one record per line)."""
    try:
        frame = pd.read_csv(
            io.StringIO("\n".join(kept)),
            sep=delimiter,
            header=None,
            names=range(width),
            dtype=object,
            na_filter=False,
            skip_blank_lines=False,
            engine="c",
            quotechar='"',
            doublequote=True,
        )
    except (ValueError, csv.Error, pd.errors.ParserError) as error:
        raise _fail(path, f"cannot be parsed as delimited text ({error})") from None
    if len(frame) != len(kept):
        raise _fail(path, "cannot be parsed as delimited text (unbalanced quotes)")
    return frame


def _unclosed_quote(path: str, line: int, span: int | None) -> DiaryFormatError:
    where = "is never closed" if span is None else f"is not closed for {span} lines"
    return _fail(
        path,
        f"line {line}: a double quote opened on this line {where}, so the lines after it "
        "would become one cell",
        'Close the quote; inside a quoted value write a double quote as two ("")',
    )


def _read_slow(
    lines: list[str], start: int, delimiter: str, path: str
) -> tuple[pd.DataFrame, np.ndarray]:
    """Parse with :mod:`csv` to find the line each record starts on (multi-line fields)."""
    source = [f"{line}\n" for line in lines[start:]]
    reader = csv.reader(source, delimiter=delimiter, quotechar='"', doublequote=True)
    records: list[list[str]] = []
    starts: list[int] = []
    previous = 0
    try:
        for record in reader:
            if reader.line_num - previous > MAX_RECORD_LINES:
                raise _unclosed_quote(path, start + previous + 1, reader.line_num - previous)
            if any(cell.strip() for cell in record) or len(record) > 1:
                records.append(record)
                starts.append(start + previous)
            last = previous
            previous = reader.line_num
    except csv.Error as error:
        if "field limit" in str(error):  # a quote left open runs the cell on and on
            raise _unclosed_quote(path, start + previous + 1, None) from None
        raise _fail(path, f"cannot be parsed as delimited text ({error})") from None
    if records and previous == len(source) and previous - last > 1:
        tail = "".join(source[last:])
        try:
            list(csv.reader([tail], delimiter=delimiter, quotechar='"', strict=True))
        except csv.Error:
            raise _unclosed_quote(path, start + last + 1, None) from None
    width = max((len(r) for r in records), default=0)
    padded = [r + [""] * (width - len(r)) for r in records]
    frame = pd.DataFrame(padded, dtype=object).fillna("")
    return frame, np.asarray(starts, dtype=np.int64)


def promote_header(table: RawTable, row: int) -> RawTable:
    """The table read with data row ``row`` as its header (the rows above it dropped).

    For files with a title or notes above the column names.
    """
    header = [str(cell) for cell in table.cells.iloc[row].tolist()]
    named = [i for i, cell in enumerate(header) if cell]
    header_width = named[-1] + 1 if named else 1
    cells = table.cells.iloc[row + 1 :].reset_index(drop=True)
    return RawTable(
        header=header,
        header_line=int(table.lines[row]),
        cells=cells,
        lines=table.lines[row + 1 :],
        delimiter=table.delimiter,
        decimal_comma=table.decimal_comma,
        encoding=table.encoding,
        header_width=header_width,
        overflow=_overflow(cells, header_width, set()),
    )
