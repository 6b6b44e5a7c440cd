"""Lines of a delimited text file: the delimiter, the header's checks, per-line counts.

The building blocks :mod:`analyzer.diary.csvio` reads a diary with: which delimiter the header
line uses, whether the header is one a diary can have, and per-line counts of a character
(quotes, delimiters, blank lines) computed with NumPy over the file's bytes.
"""

from __future__ import annotations

import csv

import numpy as np

from analyzer.errors import DiaryFormatError

#: Delimiters tried on the header line, in order of preference on a tie.
DELIMITERS: tuple[str, ...] = (",", ";", "\t", "|")


def count_outside_quotes(line: str, char: str) -> int:
    """How often ``char`` occurs in ``line`` outside double quotes."""
    return sum(part.count(char) for part in line.split('"')[0::2])


def sniff_delimiter(header: str) -> str:
    """The delimiter that splits the header line into the most fields (``,`` on a tie)."""
    counts = {d: count_outside_quotes(header, d) for d in DELIMITERS}
    best = max(DELIMITERS, key=lambda d: (counts[d], -DELIMITERS.index(d)))
    return best if counts[best] > 0 else ","


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
        raise DiaryFormatError(
            path,
            f"the header line is {len(line):,} characters long (a diary's is at most "
            f"{MAX_HEADER_CHARS:,})",
            "Check that the first line is the header and that no quote is left open",
        )
    columns = count_outside_quotes(line, delimiter) + 1 if len(delimiter) == 1 else 1
    if columns > MAX_COLUMNS:
        raise DiaryFormatError(
            path,
            f"the header line has {columns:,} columns (a diary has at most {MAX_COLUMNS:,})",
            "Check that this is the diary file and that its delimiter is right",
        )
    longest = max(
        (len(cell) for cell in next(csv.reader([line], delimiter=delimiter), [])), default=0
    )
    if longest > MAX_HEADER_CELL_CHARS:
        raise DiaryFormatError(
            path,
            f"a column name in the header line is {longest:,} characters long (column names "
            f"have at most {MAX_HEADER_CELL_CHARS:,})",
            "Check that the first line is the header and that no quote is left open",
        )


def named_width(line: str, delimiter: str) -> int:
    """Number of header cells up to the last one with a name (quotes respected).

    Trailing unnamed cells (``date,food,amount,,,`` from a spreadsheet) do not count: a data
    value under no column name is a misaligned row.
    """
    cells = next(csv.reader([line], delimiter=delimiter), [""])
    named = [i for i, cell in enumerate(cells) if cell.strip()]
    return named[-1] + 1 if named else 1


class LineCounter:
    """Per-line counts of ASCII characters, vectorized over the encoded text."""

    def __init__(self, text: str | bytes) -> None:
        data = text if isinstance(text, bytes) else text.encode("utf-8", "surrogatepass")
        self.codes = np.frombuffer(data, dtype=np.uint8)
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
