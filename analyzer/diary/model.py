"""The :class:`Diary` result, its column layout, and the per-row problem ledger.

Every data row of a diary file ends up in exactly one of two tables: ``entries`` (rows used)
or ``rejected`` (rows not used, each with a status code and a reason). Blank lines are not
rows: they are skipped and never counted.
"""

from __future__ import annotations

from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analyzer import nutrients
from analyzer.distinct import text_codes
from analyzer.errors import quote

#: The formats :func:`analyzer.diary.read_diary` understands, with a one-line description.
FORMATS: dict[str, str] = {
    "own": "our own CSV: date, food, amount[, unit, time, meal, person, note]",
    "cronometer_servings": "Cronometer servings export: Day, Food Name, Amount[, nutrients]",
    "cronometer_daily": "Cronometer daily summary: Date, Energy (kcal), Calcium (mg), ...",
    "loseit": "Lose It! food-logs.csv: Date, Name, Quantity, Units[, Deleted]",
    "mfp": "MyFitnessPal Nutrition Summary: Date, Meal, Calories, ..., Calcium (%DV)",
    "mfp_foods": "MyFitnessPal food rows (python-myfitnesspal): date, meal, food, quant, "
    "calories, ..., sodium",
    "mfp_printable": "MyFitnessPal Printable Diary copied to CSV: date lines, Foods, Calories, "
    "..., TOTAL:",
    "asa24_items": "ASA24 Items: UserName, RecallNo, IntakeStartDateTime, Occ_Name, FoodCode, "
    "FoodAmt, KCAL, ..., CALC, PHOS",
    "asa24_totals": "ASA24 Totals: UserName, RecallNo, IntakeStartDateTime, KCAL, ..., CALC",
    "nhanes": "NHANES individual foods DR1IFF/DR2IFF/DRXIFF (.XPT or CSV): SEQN, DR1IFDCD, "
    "DR1IGRMS, DR1ICALC, ...",
    "freetext": "free-text log: date[, time, person] and one text column of foods "
    "('2 eggs and toast')",
}

#: The app each export format comes from (our own CSV comes from no app).
FORMAT_APPS: dict[str, str] = {
    "cronometer_servings": "Cronometer",
    "cronometer_daily": "Cronometer",
    "loseit": "Lose It!",
    "mfp": "MyFitnessPal",
}

#: Row status codes in the order they are checked (``ok`` = used); documented as a table in
#: :mod:`analyzer.diary`.
STATUS_CODES: tuple[str, ...] = (
    "ok",
    "empty",
    "repeated_header",
    "extra_cells",
    "deleted",
    "missing_date",
    "bad_date",
    "bad_number",
    "missing_food",
    "supplement",
    "no_food",
    "missing_amount",
    "bad_amount",
    "unknown_food",
    "unknown_unit",
    "missing_unit",
    "implausible_amount",
)

#: Nutrient columns of an entry, each per ENTRY (not per 100 g). NaN = unknown.
NUTRIENT_COLUMNS = nutrients.NUTRIENT_COLUMNS

#: Columns of :attr:`Diary.entries`, in order.
ENTRY_COLUMNS: tuple[str, ...] = (
    "line",
    "person",
    "date",
    "time",
    "meal",
    "food",
    "quantity",
    "unit",
    "food_id",
    "description",
    "category",
    "match_method",
    "match_confidence",
    "grams",
    *NUTRIENT_COLUMNS,
    "source",
    "approximate",
    "is_total",
    "completed",
    "supplement",
)

#: Columns of :attr:`Diary.rejected`, in order (``date`` is NaT where it could not be read;
#: ``quantity``, ``unit``, ``food_id`` and ``description`` are what was understood before the
#: row failed, e.g. the food matched for an ``unknown_unit`` row).
REJECTED_COLUMNS: tuple[str, ...] = (
    "line",
    "person",
    "date",
    "food",
    "quantity",
    "unit",
    "food_id",
    "description",
    "status",
    "reason",
)


def conform_entries(frame: pd.DataFrame) -> pd.DataFrame:
    """Order the entry columns and pin their dtypes (see :class:`Diary`)."""
    if "is_total" not in frame.columns:  # only the totals formats set it
        frame = frame.assign(is_total=False)
    for name in ("match_method", "match_confidence"):  # only matched formats set them
        if name not in frame.columns:
            frame = frame.assign(**{name: ""})
    if "completed" not in frame.columns:  # only an app's own day mark sets it
        frame = frame.assign(completed=pd.Series(pd.NA, index=frame.index, dtype="boolean"))
    if "supplement" not in frame.columns:  # only your own supplements set it
        frame = frame.assign(supplement="")
    out = frame.loc[:, list(ENTRY_COLUMNS)].copy()
    out["line"] = out["line"].astype("int64")
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    for name in (
        "person",
        "food",
        "category",
        "source",
        "match_method",
        "match_confidence",
        "supplement",
    ):
        out[name] = out[name].astype("string").fillna("")
    for name in ("time", "meal", "unit", "food_id", "description"):
        out[name] = out[name].astype("string")
    for name in ("quantity", "grams", *NUTRIENT_COLUMNS):
        out[name] = pd.to_numeric(out[name], errors="coerce").astype("float64")
    out["approximate"] = out["approximate"].astype(bool)
    out["is_total"] = out["is_total"].astype(bool)
    out["completed"] = out["completed"].astype("boolean")
    return out.reset_index(drop=True)


def conform_rejected(frame: pd.DataFrame) -> pd.DataFrame:
    """Order the rejected-row columns and pin their dtypes."""
    out = frame.loc[:, list(REJECTED_COLUMNS)].copy()
    out["line"] = out["line"].astype("int64")
    out["date"] = pd.to_datetime(out["date"]).astype("datetime64[ns]")
    for name in ("person", "food", "status", "reason"):
        out[name] = out[name].astype("string").fillna("")
    for name in ("unit", "food_id", "description"):
        out[name] = out[name].astype("string")
    out["quantity"] = pd.to_numeric(out["quantity"], errors="coerce").astype("float64")
    return out.reset_index(drop=True)


@dataclass
class Diary:
    """A diary read from a file: used rows, rejected rows, and what the reader noticed.

    Attributes
    ----------
    entries : DataFrame
        The USED rows, one per input data row, in input order. Columns: ``line`` (1-based
        physical line in the file; the header is line 1 unless blank lines precede it),
        ``person`` ("" if none), ``date`` (datetime64[ns], midnight), ``time``, ``meal``,
        ``food`` (as written), ``quantity``, ``unit``, ``food_id`` (NDB number or <NA>),
        ``description``, ``category``, ``match_method`` (how the food was found: ``id``,
        ``exact``, ``alias``, ``alias (yours)``, ``fuzzy``, ``sibling``; ``none`` when
        unmatched, "" for app totals) and ``match_confidence`` (``high``, ``medium``,
        ``low``: :func:`analyzer.foods.matcher.confidence_of`), ``grams`` [g], the
        nutrients per ENTRY
        ``energy_kcal`` [kcal], ``protein_g`` [g], ``calcium_mg``, ``phosphorus_mg``,
        ``magnesium_mg``, ``potassium_mg``, ``sodium_mg``, ``caffeine_mg`` [mg] (NaN =
        unknown, never 0), ``source`` ("usda": matched and computed; "app": taken as given
        from the export), ``approximate`` (e.g. MyFitnessPal calcium from % Daily Value) and
        ``is_total`` (the row is a day's or a meal's total from an app, not one food: its
        foods and eating occasions are unknown), ``completed`` (the app's own mark that
        the day was fully logged: Cronometer's daily summary ``Completed``; <NA> when the
        export gives none) and ``supplement`` (for one of your supplements its compound,
        ``calcium carbonate``, or ``form not stated``; "" for every food). Rows of your own
        foods (``--foods``) have ``food_id`` ``my:<name>``, ``match_method`` ``my food``,
        ``my recipe`` or ``my supplement`` and ``source`` ``yours``.
    rejected : DataFrame
        Rows NOT used: ``line``, ``person``, ``date`` (NaT if unreadable), ``food``, what was
        understood before the row failed (``quantity``, ``unit``, ``food_id``,
        ``description``; missing where not reached), ``status`` (a short code, listed in
        :mod:`analyzer.diary`) and ``reason`` (a sentence naming the value and the fix).
    format : str
        One of :data:`FORMATS`.
    path : str
        The file read.
    notes : list of str
        File-level remarks, e.g. that a Ca:P ratio cannot be computed from this export.
    rows_in : int
        Data rows in the file (blank lines are not rows). Always
        ``rows_in == len(entries) + len(rejected)``.
    parts : DataFrame
        The foods your recipe entries are made of: per recipe entry (``entry``, its row of
        ``entries``, and its ``line``), one row per ingredient food (nested recipes
        flattened) with its ``grams`` and nutrients in that entry; the analysis counts each
        in its own absorption class and diuretic-load group
        (:mod:`analyzer.diary.my_entries`). Empty without recipes.
    """

    entries: pd.DataFrame
    rejected: pd.DataFrame
    format: str
    path: str
    notes: list[str] = field(default_factory=list)
    rows_in: int = 0
    parts: pd.DataFrame = field(default_factory=pd.DataFrame)

    def all_rows(self) -> pd.DataFrame:
        """Used and rejected rows together, in input order, with ``status`` and ``reason``.

        Used rows have status ``"ok"`` and an empty reason; rejected rows keep their code and
        reason, and their other columns are empty.
        """
        used = self.entries.assign(status="ok", reason="")
        rejected = self.rejected.copy()
        parts = [frame for frame in (used, rejected) if not frame.empty]
        if not parts:
            columns = [*ENTRY_COLUMNS, "status", "reason"]
            return used.reindex(columns=columns)
        merged = pd.concat(parts, ignore_index=True) if len(parts) > 1 else parts[0].copy()
        merged = merged.sort_values("line", kind="stable").reset_index(drop=True)
        columns = [*ENTRY_COLUMNS, "status", "reason"]
        merged = merged.reindex(columns=columns)
        merged["status"] = merged["status"].astype("string")
        merged["reason"] = merged["reason"].astype("string").fillna("")
        merged["food"] = merged["food"].astype("string").fillna("")
        return merged

    @property
    def rows_used(self) -> int:
        """Number of rows used (``len(entries)``)."""
        return len(self.entries)

    @property
    def rows_not_used(self) -> int:
        """Number of rows reported as not used (``len(rejected)``)."""
        return len(self.rejected)

    def summary(self) -> str:
        """One line such as ``'62 rows: 60 used, 2 not used'``."""
        noun = "row" if self.rows_in == 1 else "rows"
        return f"{self.rows_in} {noun}: {self.rows_used} used, {self.rows_not_used} not used"


class Problems:
    """Per-row ledger of the FIRST problem found for each row (status code and reason).

    Stored as NumPy arrays so that a million-row diary with few problems stays cheap.

    Parameters
    ----------
    index : Index
        The rows of the staging frame.
    """

    def __init__(self, index: pd.Index) -> None:
        self.index = index
        self._ok = np.ones(len(index), dtype=bool)
        self._status = np.full(len(index), None, dtype=object)
        self._reason = np.full(len(index), None, dtype=object)

    def add(self, mask: pd.Series | np.ndarray, status: str, reason: pd.Series | str) -> None:
        """Record ``status``/``reason`` for rows in ``mask`` that have no problem yet.

        ``reason`` is one text for all, or a Series aligned with the rows (only the
        selected rows are read, so it may be a subset holding just those rows).
        """
        if isinstance(mask, pd.Series):
            flags = mask.fillna(False).to_numpy(dtype=bool)
        else:
            flags = np.asarray(mask, dtype=bool)
        selected = flags & self._ok
        if not selected.any():
            return
        self._ok &= ~selected
        self._status[selected] = status
        if isinstance(reason, str):
            self._reason[selected] = reason
        else:
            labels = self.index[selected]
            self._reason[selected] = reason.reindex(labels).astype(object).to_numpy()

    @property
    def ok(self) -> pd.Series:
        """Boolean mask of rows with no problem so far."""
        return pd.Series(self._ok.copy(), index=self.index)

    @property
    def status(self) -> pd.Series:
        """Status code per row (<NA> for rows without a problem)."""
        return pd.Series(self._status, index=self.index, dtype="string")

    @property
    def reason(self) -> pd.Series:
        """Reason per row (<NA> for rows without a problem)."""
        return pd.Series(self._reason, index=self.index, dtype="string")


def factorize_columns(*columns: pd.Series) -> tuple[np.ndarray, list[tuple[str, ...]]]:
    """Codes of the distinct combinations of text columns, and those combinations.

    Faster than factorizing a MultiIndex: each column is factorized on its own (hashing),
    then the integer codes are combined (re-factorized at each step so they stay small).
    Missing values count as "".
    """
    n = len(columns[0])
    combined = np.zeros(n, dtype=np.int64)
    per_column: list[tuple[np.ndarray, np.ndarray]] = []
    for column in columns:
        codes, values = text_codes(column)
        per_column.append((codes, values))
        combined, _ = pd.factorize(combined * (len(values) + 1) + codes)
    if n == 0:
        return combined, []
    count = int(combined.max()) + 1
    first = np.full(count, -1, dtype=np.int64)
    first[combined[::-1]] = np.arange(n)[::-1]
    keys = [values[codes[first]] for codes, values in per_column]
    return combined, [tuple(str(k[i]) for k in keys) for i in range(count)]


def quoted(values: pd.Series) -> pd.Series:
    """Each value quoted for a row's reason (:func:`analyzer.errors.quote`: at most 80
    characters echoed), computed once per distinct value."""
    codes, uniques = text_codes(values)
    texts = np.array([quote(value) for value in uniques] + [quote("")], dtype=object)
    return pd.Series(texts[codes], index=values.index, dtype=object)
