"""Diary bytes to text: read a file (or standard input) and decode it as people save them.

UTF-16 with a BOM; UTF-8 with or without a BOM (a UTF-8 file with a few Windows-1252 lines
keeps its UTF-8); Windows-1252, then Latin-1 as a fallback. Files that are not text at all
(a workbook, a zip, a binary, JSON, a web page) are refused with the fix.
"""

from __future__ import annotations

import os
import re
import sys
from pathlib import Path

from analyzer.errors import DiaryFormatError

#: Share of control characters above which decoded text is taken to be binary.
MAX_CONTROL_SHARE = 0.05

_JSON_START = re.compile(r'^\s*(?:\{\s*"|\[\s*[\[{"\]])')
_MARKUP_START = re.compile(r"^\s*<(?:!doctype|html|\?xml)", re.IGNORECASE)
_CONTROL = re.compile(r"[\x00-\x08\x0b\x0c\x0e-\x1f\x7f]")


def may_be_other_format(head: str) -> bool:
    """Whether the start of a decoded file holds a control character or looks like JSON or
    markup: such a file goes through :func:`decode`, which says what it is."""
    return bool(_CONTROL.search(head) or _JSON_START.match(head) or _MARKUP_START.match(head))


def fail(path: str, problem: str, fix: str = "") -> DiaryFormatError:
    """The error for a diary file that cannot be read as a table."""
    return DiaryFormatError(path, problem, fix)


#: The diary path that means standard input.
STDIN = "-"


def read_bytes(path: str | Path) -> bytes:
    """Read the file (``-``: standard input), turning OS errors into :class:`DiaryFormatError`.

    A pipe or FIFO is read without waiting for a writer that never comes: it is opened
    non-blocking, so a FIFO nobody writes to reads as an empty file instead of hanging.
    """
    name = str(path)
    if name == STDIN:
        return sys.stdin.buffer.read()
    try:
        descriptor = os.open(name, os.O_RDONLY | getattr(os, "O_NONBLOCK", 0))
        try:
            if hasattr(os, "set_blocking"):
                os.set_blocking(descriptor, True)  # a writer that is there: wait for its data
            with os.fdopen(descriptor, "rb", closefd=False) as handle:
                return handle.read()
        finally:
            os.close(descriptor)
    except FileNotFoundError:
        raise fail(name, "file not found", "Check the path") from None
    except IsADirectoryError:
        raise fail(name, "is a directory, not a diary file", "Give the CSV file") from None
    except OSError as error:
        raise fail(name, f"cannot be read ({error.strerror or error})") from None


#: Name of the encoding of a UTF-8 file with some lines in Windows-1252 (a spreadsheet that
#: saved one edited cell in the old code page).
MIXED_ENCODING = "utf-8 with cp1252 lines"


def _decode_8bit(data: bytes) -> tuple[str, str]:
    """UTF-8 (BOM optional); a file of valid UTF-8 but for a few lines keeps its UTF-8 and
    reads those lines as cp1252; else cp1252, else Latin-1 (which decodes anything)."""
    try:
        return data.decode("utf-8-sig"), "utf-8-sig"
    except UnicodeDecodeError:
        pass
    lines = data.split(b"\n")
    bad = [i for i, line in enumerate(lines) if not _is_utf8(line)]
    utf8 = sum(1 for line in lines if not line.isascii() and _is_utf8(line))
    if utf8 and (utf8 >= len(bad) or len(bad) <= MAX_MIXED_LINES_SHARE * len(lines)):
        odd = set(bad)
        decoded = [
            line.decode("cp1252", errors="replace") if i in odd else line.decode("utf-8-sig")
            for i, line in enumerate(lines)
        ]
        return "\n".join(decoded), MIXED_ENCODING
    try:
        return data.decode("cp1252"), "cp1252"
    except UnicodeDecodeError:
        return data.decode("latin-1"), "latin-1"


def _is_utf8(line: bytes) -> bool:
    try:
        line.decode("utf-8-sig")
    except UnicodeDecodeError:
        return False
    return True


#: A file with UTF-8 accented lines is read line by line when its other lines are fewer than
#: those, or at most this share of the file.
MAX_MIXED_LINES_SHARE = 0.1


def decode(data: bytes, path: str) -> tuple[str, str]:
    """Decode diary bytes: UTF-16 (BOM), UTF-8 (BOM optional), then cp1252, then Latin-1.

    Returns
    -------
    text, encoding : str, str
        The text with line ends normalized to ``\\n``, and the codec used.
    """
    if data.startswith(b"PK\x03\x04"):
        if b"[Content_Types].xml" in data[:2000] or b"xl/" in data[:2000]:
            raise fail(path, "is an Excel workbook, not CSV", "Save it as CSV (UTF-8) first")
        raise fail(
            path,
            "is a zip archive, not CSV",
            "Extract the diary CSV (for Lose It!, food-logs.csv) and read that",
        )
    if data.startswith((b"\xff\xfe", b"\xfe\xff")):
        try:
            text, encoding = data.decode("utf-16"), "utf-16"
        except UnicodeDecodeError:
            raise fail(path, "has a UTF-16 mark but is not valid UTF-16") from None
    else:
        text, encoding = _decode_8bit(data)
    text = text.lstrip("\ufeff")
    if "\x00" in text or (
        text and len(_CONTROL.findall(text[:10000])) > MAX_CONTROL_SHARE * min(len(text), 10000)
    ):
        raise fail(path, "looks like a binary file, not a CSV diary", "Export the diary as CSV")
    text = text.replace("\r\n", "\n").replace("\r", "\n")
    if _JSON_START.match(text):
        raise fail(path, "is JSON, not CSV", "Export the diary as CSV (comma-separated values)")
    if _MARKUP_START.match(text):
        raise fail(
            path,
            "is a web page or XML document, not CSV",
            "Download the diary's CSV export rather than the page",
        )
    return text, encoding
