"""Free-text logs: a date (and maybe a time and person) and one text column of foods.

    date,time,entry
    2025-11-03,08:15,two eggs and a slice of toast with butter
    2025-11-03,,10:30 coffee with milk

Each line is split into food phrases, and each phrase is one diary row (its ``line`` is the
line's), matched and converted to grams like a row of our own format:

1. A clock time at the start of the text (``10:30 coffee``, ``7:30 am toast``) is the time
   when the time cell is blank.
2. The text is split on ``;``, ``,`` (not inside a number), ``+``, ``&``, `` w/ ``,
   `` and ``, `` plus `` and `` with ``. ``with`` is kept when what follows is a sauce, gravy,
   dressing or broth (``spaghetti with meat sauce`` is one dish), and ``and`` inside a known
   dish name (``macaroni and cheese``, ``half and half``) is kept; see
   :data:`JOINED_NAMES` and :data:`DISH_WORDS`.
3. Each phrase's amount is read from its start (``2 eggs``, ``a slice of toast``, ``1 cup 2%
   milk``, ``two cans of coke``), from a parenthesis (``steak (8oz)``) or from its end
   (``milk 250 ml``) by :func:`analyzer.foods.name_amount.split_name`, the one reader of
   names that carry their amount (:func:`split_amount`). A phrase without an amount is
   reported (``missing_amount``), never given a guessed portion.
4. A phrase that is a supplement (``vitamin D3 2000 IU``, ``calcium citrate 500 mg``) is
   reported as ``supplement``: the tool counts food only. A phrase that names nothing
   (``??``, ``some other stuff i think``) is reported as ``no_food``.

A line with a problem of its own (blank, unreadable date, a repeated header) stays one row,
reported once. So ``rows in`` counts food phrases (and such lines); every one is used or
reported.
"""

from __future__ import annotations

import re

import numpy as np
import pandas as pd

from analyzer.diary.amounts import amount_reasons, parse_amounts
from analyzer.diary.csvio import RawTable
from analyzer.diary.detect import column_index, freetext_column, missing_columns, own_columns
from analyzer.diary.model import Problems, quoted
from analyzer.diary.staging import Staged, add_dates, base_frame, cells, optional_text
from analyzer.foods.name_amount import split_name

#: Names that contain ``and`` or ``&`` but are one food.
JOINED_NAMES: tuple[str, ...] = (
    "macaroni and cheese",
    "mac and cheese",
    "half and half",
    "peanut butter and jelly",
    "pork and beans",
    "franks and beans",
    "rice and beans",
    "fish and chips",
    "sweet and sour",
    "cookies and cream",
    "salt and vinegar",
    "bread and butter pickles",
    "chicken and rice",
)
#: Words after ``with`` that make one dish of the phrase (``pasta with meat sauce``).
DISH_WORDS: tuple[str, ...] = (
    "sauce", "gravy", "dressing", "broth", "glaze", "marinade", "filling", "stuffing",
    "topping", "syrup",
)  # fmt: skip
#: Words that say nothing about what was eaten; a phrase of only these names no food.
VAGUE_WORDS: frozenset[str] = frozenset({
    "and", "some", "other", "stuff", "thing", "things", "something", "anything", "whatever",
    "etc", "misc", "i", "think", "guess", "maybe", "probably", "more", "bit", "few", "lot",
    "lots", "of", "the", "a", "an", "just", "like", "had", "ate", "eat", "was", "it", "that",
    "this", "too", "also", "kind", "sort", "food", "foods",
})  # fmt: skip
#: Leading words dropped before the amount is read (``had two eggs``).
LEADING_WORDS: tuple[str, ...] = ("i had", "i ate", "had", "ate", "drank", "then", "also", "just")
#: A supplement, not a food: pills, vitamins, mineral salts, IU/mcg doses.
SUPPLEMENT = re.compile(
    r"(?i)\b(?:supplements?|multivitamins?|capsules?|tablets?|pills?|softgels?|gummies"
    r"|vitamin\s+(?:[a-ek]\d*|b\d+)|glycinate|citrate|carbonate|oxide|gluconate|picolinate"
    r"|chelate|fish oil|probiotics?|\d+\s*(?:iu|mcg|µg))\b"
)
_CLOCK_START = re.compile(
    r"(?i)^\s*(?P<time>\d{1,2}[:.]\d{2}(?:\s*[ap]\.?m\.?)?|\d{1,2}\s*[ap]\.?m\.?)\s+(?P<rest>.*)$"
)
_SEPARATORS = re.compile(r"\s*(?:;|\+|&|,(?!\d)|\bw/|\band\b|\bplus\b|\bwith\b)\s*", re.I)
#: Stand-ins for an ``and`` or ``with`` that does not separate foods.
_AND, _WITH = "\x00", "\x01"


def split_phrases(text: str) -> list[str]:
    """The food phrases of one free-text line (see the module docstring, step 2).

    Examples
    --------
    >>> split_phrases("two eggs and a slice of toast with butter")
    ['two eggs', 'a slice of toast', 'butter']
    >>> split_phrases("spaghetti with meat sauce; side salad; glass of red wine")
    ['spaghetti with meat sauce', 'side salad', 'glass of red wine']
    >>> split_phrases("steak (8oz) w/ broccoli & mashed potatoes")
    ['steak (8oz)', 'broccoli', 'mashed potatoes']
    >>> split_phrases("mac and cheese + 1,5 cups milk")
    ['mac and cheese', '1,5 cups milk']
    """
    kept = text
    for name in JOINED_NAMES:
        pattern = r"(?i)\b" + r"\s+".join(re.escape(w) for w in name.split()) + r"\b"
        kept = re.sub(pattern, lambda m: re.sub(r"(?i)\band\b", _AND, m.group(0)), kept)
    dish = "|".join(DISH_WORDS)
    kept = re.sub(rf"(?i)\bwith\b(?=[^;,+&]*\b(?:{dish})e?s?\b)", _WITH, kept)
    parts = (
        p.replace(_AND, "and").replace(_WITH, "with").strip() for p in _SEPARATORS.split(kept)
    )
    return [p for p in parts if p]


def _drop_leading(phrase: str) -> str:
    lower = phrase.lower()
    for word in LEADING_WORDS:
        if lower.startswith(word + " "):
            return phrase[len(word) + 1 :].strip()
    return phrase


def split_amount(phrase: str) -> tuple[str, str]:
    """A food phrase as (food text, amount text); amount "" when the phrase gives none,
    the words as written when they give no number (``a few``).

    Leading words such as ``had`` are dropped, then the phrase is read by
    :func:`analyzer.foods.name_amount.split_name`, the one reader of a name that carries
    its amount (the amount at the start, in parentheses or at the end).

    Examples
    --------
    >>> split_amount("a slice of toast")
    ('toast', '1 slice')
    >>> split_amount("2 cans of coke")
    ('coke', '2 can')
    >>> split_amount("1 cup 2% milk")
    ('2% milk', '1 cup')
    >>> split_amount("steak (8oz)")
    ('steak', '8oz')
    >>> split_amount("milk 250 ml")
    ('milk', '250 ml')
    >>> split_amount("two eggs")
    ('eggs', '2')
    >>> split_amount("glass of red wine")
    ('red wine', '1 glass')
    >>> split_amount("apple pie"), split_amount("2% milk")
    (('apple pie', ''), ('2% milk', ''))
    >>> split_amount("a few strawberries")  # no number: reported as the amount cell is
    ('strawberries', 'a few')
    """
    split = split_name(_drop_leading(phrase.strip()))
    return split.food, split.amount or split.written or ""


def _names_nothing(phrase: str) -> bool:
    words = re.findall(r"[a-z]+", phrase.lower())
    return not words or all(word in VAGUE_WORDS for word in words)


def _columns(table: RawTable, path: str) -> dict[str, int]:
    own = own_columns(table.header)
    text = freetext_column(table.header)
    if "date" not in own or text is None:
        missing = [n for n, p in (("date", own.get("date")), ("entry", text)) if p is None]
        raise missing_columns(path, "freetext", missing, table.header)
    found = {"date": own["date"], "text": text}
    for key in ("time", "person", "meal"):
        position = column_index(table.header, key) if key != "person" else own.get("person")
        if position is not None and position not in found.values():
            found[key] = position
    return found


def _explode(lines: pd.DataFrame, ok: np.ndarray) -> pd.DataFrame:
    """One row per food phrase of the usable lines; other lines stay one row each."""
    codes, distinct = pd.factorize(lines["text"].astype(object))
    split = [split_phrases(str(t)) for t in distinct]
    phrases = pd.Series([split[c] for c in codes], index=lines.index, dtype=object)
    phrases[~ok | phrases.map(len).eq(0)] = None
    out = lines.assign(phrase=phrases).explode("phrase")
    out["phrase"] = out["phrase"].fillna(out["text"]).astype(str)
    return out.reset_index(names="source_row")


def stage_freetext(table: RawTable, *, path: str, dayfirst: bool | None, **_: object) -> Staged:
    """Stage a free-text log (see the module docstring)."""
    columns = _columns(table, path)
    frame, line_problems = base_frame(table)
    text = cells(table, columns["text"])
    clock = text.str.extract(_CLOCK_START)
    frame["text"] = clock["rest"].fillna(text)
    time = cells(table, columns.get("time"))
    frame["person"] = cells(table, columns.get("person"))
    add_dates(
        frame,
        line_problems,
        cells(table, columns["date"]),
        dayfirst=dayfirst,
        time=time.mask(time.eq("") & clock["time"].notna(), clock["time"]),
    )
    frame["meal"] = optional_text(cells(table, columns.get("meal")))
    ok = line_problems.ok.to_numpy()
    rows = _explode(frame, ok)
    problems = Problems(rows.index)
    source = rows["source_row"].to_numpy()
    carried = ~ok[source]
    status = line_problems.status.fillna("").to_numpy(dtype=object)[source]
    reason = pd.Series(line_problems.reason.fillna("").to_numpy(dtype=object)[source])
    for code in pd.unique(status[carried]):
        problems.add(carried & (status == code), str(code), reason.set_axis(rows.index))
    phrase = rows["phrase"]
    problems.add(phrase.eq(""), "missing_food", "missing food text")
    supplement = phrase.map(lambda p: SUPPLEMENT.search(p) is not None).to_numpy(dtype=bool)
    problems.add(
        supplement,
        "supplement",
        quoted(phrase) + " is a supplement, not a food: this tool counts food only",
    )
    nothing = phrase.map(_names_nothing).to_numpy(dtype=bool)
    problems.add(
        nothing,
        "no_food",
        quoted(phrase) + " names no food; write what was eaten, e.g. '1 cup rice'",
    )
    pairs = phrase.map(split_amount)
    food = pairs.map(lambda p: p[0]).astype(object)
    amount = pairs.map(lambda p: p[1]).astype(object)
    rows["food"] = food
    problems.add(
        amount.eq(""),
        "missing_amount",
        "no amount for "
        + quoted(food)
        + " in "
        + quoted(rows["text"].astype(str))
        + "; write it with "
        "its amount, e.g. '100 g " + food + "'",
    )
    amounts = parse_amounts(amount)
    reasons = amount_reasons(amounts, amount, food)
    for code in ("missing_amount", "bad_amount"):
        problems.add(amounts.status.eq(code), code, reasons)
    rows["quantity"] = amounts.quantity
    rows["unit"] = amounts.unit
    rows["unit_written"] = amounts.written
    rows["outer_quantity"] = amounts.outer_quantity
    rows["outer_unit"] = amounts.outer_unit
    rows["source"] = "usda"
    rows["approximate"] = False
    rows.attrs.update(frame.attrs)
    lines = int(ok.sum())
    notes = [
        f"free-text log: {lines} line(s) split into {int((~carried).sum())} food phrase(s), "
        "each one row (matched to USDA SR28 like our own diary)"
    ]
    return Staged(rows.drop(columns=["source_row", "text", "phrase"]), problems, "usda", notes)
