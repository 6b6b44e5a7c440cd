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
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

from analyzer.diary.textio import decode, read_bytes
from analyzer.diary.textio import fail as _fail
from analyzer.errors import DiaryFormatError

#: Delimiters tried on the header line, in order of preference on a tie.
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")

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


def strip_text(column: pd.Series) -> pd.Series:
    """Trim whitespace once per DISTINCT value; object dtype, "" for missing."""
    codes, values = pd.factorize(column.astype(object).where(column.notna(), ""))
    stripped = np.array([str(v).strip() for v in values], dtype=object)
    if len(stripped) == 0:
        return pd.Series([], index=column.index, dtype=object)
    return pd.Series(stripped[codes], index=column.index, dtype=object)


def _count_outside_quotes(line: str, char: str) -> int:
    return sum(part.count(char) for part in line.split('"')[0::2])


def sniff_delimiter(header: str) -> str:
    """The delimiter that splits the header line into the most fields (``,`` on a tie)."""
    counts = {d: _count_outside_quotes(header, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] > 0 else ","


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
    text, encoding = decode(data, name)
    lines = text.split("\n")
    counter = _LineCounter(text)
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
        delimited = [c for c in candidates if any(_count_outside_quotes(c, d) for d in DELIMITERS)]
        delimiter = sniff_delimiter(delimited[0] if delimited else candidates[0])
    check_header(lines[int(keep[0])], delimiter, name)
    odd_quotes = '"' in text and bool((counter.count('"')[keep] % 2).any())
    truncated: set[int] = set()
    if odd_quotes:
        rows, starts = _read_slow(lines, int(keep[0]), delimiter, name)
        header_width = _header_width(lines[int(keep[0])], delimiter)
    else:
        kept = lines if keep.size == len(lines) else [lines[i] for i in keep.tolist()]
        header_width = _header_width(kept[0], delimiter)
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
    rows = pd.DataFrame({key: strip_text(rows[key]) for key in rows.columns})
    header = [str(cell) for cell in rows.iloc[0].tolist()]
    cells = rows.iloc[1:].reset_index(drop=True)
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
    )


#: Most columns a diary's header may have (real exports have up to about 100). [columns]
MAX_COLUMNS = 1_000
#: Longest column name read (Cronometer's longest is about 30 characters). [characters]
MAX_HEADER_CELL_CHARS = 500
#: Longest header line read (real exports: under 2,000 characters). [characters]
MAX_HEADER_CHARS = 20_000


def check_header(line: str, delimiter: str, path: str) -> None:
    """Refuse a header that no diary has: too many columns, or a column name too long.

    Raises
    ------
    DiaryFormatError
        Naming the count or the length, and what to check.
    """
    if len(line) > MAX_HEADER_CHARS:
        raise _fail(
            path,
            f"the header line is {len(line):,} characters long (a diary's is at most "
            f"{MAX_HEADER_CHARS:,})",
            "Check that the first line is the header and that no quote is left open",
        )
    columns = _count_outside_quotes(line, delimiter) + 1 if len(delimiter) == 1 else 1
    if columns > MAX_COLUMNS:
        raise _fail(
            path,
            f"the header line has {columns:,} columns (a diary has at most {MAX_COLUMNS:,})",
            "Check that this is the diary file and that its delimiter is right",
        )
    longest = max(
        (len(cell) for cell in next(csv.reader([line], delimiter=delimiter), [])), default=0
    )
    if longest > MAX_HEADER_CELL_CHARS:
        raise _fail(
            path,
            f"a column name in the header line is {longest:,} characters long (column names "
            f"have at most {MAX_HEADER_CELL_CHARS:,})",
            "Check that the first line is the header and that no quote is left open",
        )


def _header_width(line: str, delimiter: str) -> int:
    """Number of header cells up to the last one with a name (quotes respected).

    Trailing unnamed cells (``date,food,amount,,,`` from a spreadsheet) do not count: a data
    value under no column name is a misaligned row.
    """
    cells = next(csv.reader([line], delimiter=delimiter), [""])
    named = [i for i, cell in enumerate(cells) if cell.strip()]
    return named[-1] + 1 if named else 1


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


class _LineCounter:
    """Per-line counts of ASCII characters, vectorized over the encoded text."""

    def __init__(self, text: str) -> None:
        self.codes = np.frombuffer(text.encode("utf-8", "surrogatepass"), dtype=np.uint8)
        self.newlines = np.flatnonzero(self.codes == ord("\n"))
        self.lengths = np.diff(np.concatenate([[-1], self.newlines, [len(self.codes)]])) - 1

    def _per_line(self, positions: np.ndarray) -> np.ndarray:
        line = np.searchsorted(self.newlines, positions)
        return np.bincount(line, minlength=len(self.newlines) + 1)

    def count(self, char: str) -> np.ndarray:
        """How often the ASCII character occurs on each line."""
        return self._per_line(np.flatnonzero(self.codes == ord(char)))

    def blank(self) -> np.ndarray:
        """True for lines holding only ASCII whitespace.

        Only lines that are empty or start with whitespace can be blank; just those are
        checked byte by byte.
        """
        blank = self.lengths == 0
        if len(self.codes) == 0:
            return np.asarray(blank)
        space = np.zeros(256, dtype=bool)
        space[list(b" \t\r\x0b\x0c")] = True
        starts = np.concatenate([[0], self.newlines + 1])
        first = self.codes[np.minimum(starts, len(self.codes) - 1)]
        maybe = np.flatnonzero(~blank & space[first])
        for line in maybe.tolist():
            segment = self.codes[starts[line] : starts[line] + self.lengths[line]]
            blank[line] = bool(space[segment].all())
        return np.asarray(blank)


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
