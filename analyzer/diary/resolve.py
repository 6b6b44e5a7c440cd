"""Match diary food names to USDA foods, convert amounts to grams, scale nutrients.

All three steps are vectorized and done per DISTINCT value: names are matched once per
distinct name, grams looked up once per distinct (food_id, unit), and nutrients computed for
all rows at once as ``grams / 100 * per-100-g value`` joined on ``food_id``.
"""

from __future__ import annotations

from collections.abc import Iterable
from typing import TYPE_CHECKING, Protocol

import numpy as np
import pandas as pd

from analyzer.diary.model import NUTRIENT_COLUMNS, Problems, factorize_columns, quoted
from analyzer.distinct import broadcast, text_codes
from analyzer.errors import UnknownFoodError, UnknownUnitError
from analyzer.foods import units
from analyzer.foods.household import PACKAGES
from analyzer.foods.matcher import MAX_NAME_CHARS
from analyzer.foods.name_amount import split_name

if TYPE_CHECKING:
    from analyzer.foods.myfoods import MyFoods

#: foods.csv gives every nutrient per this many grams of edible portion (USDA SR28). [g]
NUTRIENT_BASIS_G = 100.0
#: Largest weight one diary entry may have. [g] Not a nutrition number: a plausibility
#: guard. A person's whole day of food and drink rarely exceeds 5 kg, so one entry above
#: 10 kg is a typo (``1000`` cups, grams typed with a ``kg`` unit) that would swamp every
#: total; the row is reported instead of used.
MAX_ENTRY_GRAMS = 10_000.0
#: Category of a row whose food is not matched.
UNMATCHED_CATEGORY = "other"


class NameMatcher(Protocol):
    """Anything that matches food names like :class:`analyzer.foods.table.FoodMatcher`."""

    def match_names(self, names: Iterable[str]) -> pd.DataFrame:
        """Match distinct names; see :meth:`analyzer.foods.table.FoodMatcher.match_names`."""
        ...


def match_foods(food: pd.Series, matcher: NameMatcher) -> pd.DataFrame:
    """Match each row's food name, once per distinct name.

    Returns
    -------
    DataFrame
        Aligned with ``food``: ``food_id`` (missing if unmatched or blank), ``description``,
        ``category`` ("other" if unmatched), ``suggestions`` ("did you mean" descriptions
        joined by `` | ``), ``match_method`` (``none`` if unmatched), ``match_confidence``
        ("" if unmatched) and ``matched_text`` (the part of the name matched: without the
        amount written in it), as categorical columns (each distinct value once).
    """
    codes, names = text_codes(food)
    distinct = [str(n) for n in names]
    asked = [n for n in distinct if n.strip()]
    columns = [
        "food_id",
        "description",
        "category",
        "suggestions",
        "method",
        "confidence",
        "matched_text",
    ]
    if asked:
        table = matcher.match_names(asked).reindex(columns=columns)
        table = table[~table.index.duplicated()].reindex(distinct)
    else:
        table = pd.DataFrame(index=distinct, columns=columns)
    food_id = _objects(table["food_id"])
    found = np.array([v is not None for v in food_id], dtype=bool)
    description = _objects(table["description"])
    description[~found] = None
    category = _objects(table["category"])
    category[~found] = UNMATCHED_CATEGORY
    category[np.array([v is None for v in category], dtype=bool)] = UNMATCHED_CATEGORY
    suggestions = _objects(table["suggestions"])
    suggestions[np.array([v is None for v in suggestions], dtype=bool)] = ""
    method = _objects(table["method"])
    method[~found] = "none"
    method[np.array([v is None for v in method], dtype=bool)] = "none"
    confidence = _objects(table["confidence"])
    confidence[np.array([v is None for v in confidence], dtype=bool) | ~found] = ""
    matched_text = _objects(table["matched_text"])
    columns_per_name = {
        "food_id": food_id,
        "description": description,
        "category": category,
        "suggestions": suggestions,
        "match_method": method,
        "match_confidence": confidence,
        "matched_text": matched_text,
    }
    return pd.DataFrame(
        {name: broadcast(values, codes, food.index) for name, values in columns_per_name.items()},
        index=food.index,
    )


def _objects(series: pd.Series) -> np.ndarray:
    """Values as an object array with None for missing."""
    return np.array([None if pd.isna(v) else str(v) for v in series], dtype=object)


def unknown_food_reasons(food: pd.Series, suggestions: pd.Series) -> pd.Series:
    """``unknown food 'X'; did you mean 'A'; 'B'?`` per row, built once per distinct name."""
    codes, distinct = factorize_columns(food, suggestions)
    texts = np.array(
        [
            str(UnknownFoodError(name, [s for s in sugg.split(" | ") if s]))
            for name, sugg in distinct
        ],
        dtype=object,
    )
    return pd.Series(texts[codes] if len(texts) else [], index=food.index, dtype=object)


def _names_the_food(unit: str, food: str) -> bool:
    """True when the unit is the food itself, counted: ``eggs`` for ``egg``, ``bananas``.

    Only the food part of the name counts (``a packet of crisps`` names crisps, not a
    packet), and a package (:data:`~analyzer.foods.household.PACKAGES`) is never the food.
    """
    if not unit:
        return False
    wanted = units.normalize_unit(unit)
    if wanted in units.MASS_UNITS_G or wanted in units.VOLUME_UNITS_ML:
        return False
    if not PACKAGES.isdisjoint(wanted.split()):
        return False
    words = set(units.normalize_unit(split_name(food).food).replace(",", " ").split())
    return bool(wanted.split()) and set(wanted.split()) <= words


def _lookup(
    frame: pd.DataFrame, todo: np.ndarray, unit: pd.Series, written: pd.Series
) -> tuple[np.ndarray, np.ndarray, np.ndarray]:
    """Grams per unit, status and reason for the ``todo`` rows, once per distinct pair."""
    codes, distinct = factorize_columns(
        frame["food"][todo], frame["food_id"][todo], unit[todo], written[todo]
    )
    per_unit = np.full(len(distinct), np.nan)
    code: list[str | None] = [None] * len(distinct)
    why: list[str | None] = [None] * len(distinct)
    sized: list[int] = []
    for i, (food, food_id, name, shown) in enumerate(distinct):
        try:
            try:
                per_unit[i] = units.grams_per_unit(food_id, name or None)
                if name and units.sizes_listed(food_id, name):
                    sized.append(i)
            except UnknownUnitError:
                if not _names_the_food(name, food):
                    raise
                per_unit[i] = units.grams_per_unit(food_id, "each")  # "2 eggs" of "egg"
        except UnknownUnitError as error:
            if name:
                code[i] = "unknown_unit"
                why[i] = str(UnknownUnitError(shown or name, food, error.available, error.hint))
            else:
                code[i] = "missing_unit"
                why[i] = (
                    f"no unit for {food!r} and it has no whole-item portion; "
                    f"this food has: {', '.join(error.available)}"
                )
    rows = per_unit[codes]
    if sized:
        _listed_sizes(rows, codes, distinct, sized, frame["quantity"][todo])
    return rows, np.array(code, dtype=object)[codes], np.array(why, dtype=object)[codes]


def _listed_sizes(
    rows: np.ndarray,
    codes: np.ndarray,
    distinct: list[tuple[str, ...]],
    sized: list[int],
    quantity: pd.Series,
) -> None:
    """Grams per unit of the rows whose measure USDA lists at several sizes, once per
    distinct quantity (``1/5 block`` of tofu is the ``0.2 block`` portion), in place."""
    amounts = quantity.to_numpy(dtype="float64")
    for i in sized:
        _, food_id, name, _ = distinct[i]
        where = np.flatnonzero(codes == i)
        for value in pd.unique(amounts[where]):
            if np.isnan(value):
                continue
            grams = units.grams_per_unit(food_id, name, quantity=float(value))
            rows[where[amounts[where] == value]] = grams


def grams_per_row(frame: pd.DataFrame) -> tuple[pd.Series, pd.Series, pd.Series, pd.Series]:
    """Grams for each row with a matched food, once per distinct (food_id, unit).

    Parameters
    ----------
    frame : DataFrame
        Columns ``food`` (as written), ``food_id``, ``quantity``, ``unit`` and optionally
        ``unit_written`` (the unit as written, for messages) and ``outer_quantity`` /
        ``outer_unit`` (a second reading of the amount, tried when the food has no portion
        for ``unit``: ``3.80 Serving (2 medium slice)`` -> 3.8 serving).

    Returns
    -------
    grams : Series of float
        ``quantity * grams_per_unit``; NaN where the food is unmatched, the quantity unknown,
        or the unit unknown for the food. [g]
    status : Series of object
        ``unknown_unit`` (or ``missing_unit`` for a bare count of a food with no whole-item
        portion) where the grams cannot be found; None otherwise.
    reason : Series of object
        ``unknown unit 'X' for 'food'; this food has: ...``.
    outer : Series of bool
        True where the outer reading gave the grams (quantity and unit are then
        ``outer_quantity`` and ``outer_unit``).
    """
    n = len(frame)
    grams = np.full(n, np.nan)
    status = np.full(n, None, dtype=object)
    reason = np.full(n, None, dtype=object)
    outer = np.zeros(n, dtype=bool)
    todo = (frame["food_id"].notna() & frame["quantity"].notna()).to_numpy(dtype=bool)
    if todo.any():
        written = frame["unit_written"] if "unit_written" in frame else frame["unit"]
        per_unit, status[todo], reason[todo] = _lookup(frame, todo, frame["unit"], written)
        grams[todo] = frame["quantity"].to_numpy(dtype="float64")[todo] * per_unit
    if "outer_unit" in frame:
        failed = np.array([code is not None for code in status], dtype=bool)
        retry = todo & failed & frame["outer_unit"].notna().to_numpy(dtype=bool)
        _per_unit_parentheses(frame, todo & ~failed, grams, outer)
        if retry.any():
            unit = frame["outer_unit"]
            per_unit, code, _ = _lookup(frame, retry, unit, unit)
            fits = np.array([c is None for c in code], dtype=bool)
            found = np.flatnonzero(retry)[fits]
            quantity = frame["outer_quantity"].to_numpy(dtype="float64")
            grams[found] = quantity[found] * per_unit[fits]
            status[found] = None
            reason[found] = None
            outer[found] = True
    index = frame.index
    return (
        pd.Series(grams, index=index),
        pd.Series(status, index=index, dtype=object),
        pd.Series(reason, index=index, dtype=object),
        pd.Series(outer, index=index),
    )


def _per_unit_parentheses(
    frame: pd.DataFrame, done: np.ndarray, grams: np.ndarray, outer: np.ndarray
) -> None:
    """Rows whose parenthesis states ONE household unit, not the whole amount, in place.

    A weight or volume in parentheses after a household unit restates the whole amount
    (``0.5 container (85g)`` is 85 g), unless the food's own USDA portion of that unit
    shows it states one unit: ``2 slices (3/4 oz)`` of cheese whose USDA slices weigh 19
    to 28 g is two slices of 3/4 oz (42.5 g), not 21 g. Such rows count the stated amount
    once per unit and show the outer reading (``outer`` set: 2 slice).
    """
    outer_unit = frame["outer_unit"]
    checked = done & outer_unit.notna().to_numpy(dtype=bool)
    if not checked.any():
        return
    canonical = outer_unit[checked].astype(str).map(units.normalize_unit)
    household = ~canonical.isin(["serving", *units.MASS_UNITS_G, *units.VOLUME_UNITS_ML])
    rows = np.flatnonzero(checked)[household.to_numpy(dtype=bool)]
    said = frame["unit"].to_numpy(dtype=object)[rows]
    measured = np.array(
        [u in units.MASS_UNITS_G or u in units.VOLUME_UNITS_ML for u in said], dtype=bool
    )
    rows = rows[measured]
    if not rows.size:
        return
    ask = np.zeros(len(frame), dtype=bool)
    ask[rows] = True
    per_unit, code, _ = _lookup(frame, ask, outer_unit, outer_unit)
    quantity = frame["outer_quantity"].to_numpy(dtype="float64")[rows]
    fits = np.array([c is None for c in code], dtype=bool) & (quantity > 0)
    whole = grams[rows]
    by_portion = quantity * per_unit
    with np.errstate(divide="ignore", invalid="ignore"):
        nearer = np.abs(np.log(by_portion / (whole * quantity))) < np.abs(
            np.log(by_portion / whole)
        )
    per_unit_said = fits & nearer & (whole > 0)
    grams[rows[per_unit_said]] = (whole * quantity)[per_unit_said]
    outer[rows[per_unit_said]] = True


def scale_nutrients(food_id: pd.Series, grams: pd.Series, foods: pd.DataFrame) -> pd.DataFrame:
    """Nutrients per entry: ``grams / 100 * per-100-g value``, joined on ``food_id``.

    Parameters
    ----------
    food_id : Series of string
        NDB numbers (<NA> where unmatched).
    grams : Series of float
        Weight eaten. [g]
    foods : DataFrame
        The nutrient table (``id`` and the nutrient columns, per 100 g).

    Returns
    -------
    DataFrame
        One column per nutrient in :data:`~analyzer.diary.model.NUTRIENT_COLUMNS`, aligned
        with ``food_id``; NaN where the food, the grams or the table value is unknown.
    """
    table = foods.set_index(foods["id"].astype(str))[list(NUTRIENT_COLUMNS)]
    table = table[~table.index.duplicated()].astype("float64")
    codes, ids = text_codes(food_id, missing=None)  # looked up once per distinct food
    per_food = table.reindex(ids).to_numpy(dtype="float64")
    per_100g = np.vstack([per_food, np.full((1, len(NUTRIENT_COLUMNS)), np.nan)])[codes]
    factor = grams.to_numpy(dtype="float64") / NUTRIENT_BASIS_G
    values = per_100g * factor[:, None]
    return pd.DataFrame(values, index=food_id.index, columns=list(NUTRIENT_COLUMNS))


def resolve(
    frame: pd.DataFrame,
    problems: Problems,
    matcher: NameMatcher,
    foods: pd.DataFrame,
    *,
    required: bool,
    my_foods: MyFoods | None = None,
) -> pd.DataFrame:
    """Add ``food_id``, ``description``, ``category``, ``grams`` (and nutrients if required).

    Parameters
    ----------
    frame : DataFrame
        Staging rows with ``food``, ``quantity`` and ``unit``.
    problems : Problems
        The row ledger; unknown foods and units are recorded in it when ``required``.
    matcher : NameMatcher
        Food-name matcher.
    foods : DataFrame
        The nutrient table.
    required : bool
        True when the nutrients must come from USDA (our own diary, Lose It, Cronometer
        without nutrient columns or with ``rematch``): unknown foods and units make the row
        unusable and the nutrients are computed. False when the export gives the nutrients
        (matching only fills ``food_id``/``category``/``grams`` where it can).
    my_foods : MyFoods, optional
        Your foods: rows matched to one of them (``my:...``) are weighed and computed from
        it (:mod:`analyzer.diary.my_entries`), never from the USDA tables.
    """
    out = frame.copy()
    length = out["food"].astype("string").str.len().fillna(0)
    too_long = (length > MAX_NAME_CHARS).to_numpy(dtype=bool)
    if too_long.any():  # no food is named so: a row error, and never parsed word by word
        problems.add(
            too_long,
            "unknown_food",
            "a food name of "
            + length[too_long].map("{:,}".format).astype(str)
            + f" characters is longer than any food's name (at most {MAX_NAME_CHARS}); check "
            "that the diary's columns are read right",
        )
    names = out["food"].astype(object).mask(too_long, "") if too_long.any() else out["food"]
    matched = match_foods(names, matcher)
    for column in ("food_id", "description", "category", "match_method", "match_confidence"):
        out[column] = matched[column]
    if "amount_from_name" in out:
        _whole_name_has_no_amount(out, matched, problems)
    if required:
        unknown = out["food_id"].isna().to_numpy(dtype=bool) & problems.ok.to_numpy()
        if unknown.any():
            problems.add(
                unknown,
                "unknown_food",
                unknown_food_reasons(out["food"][unknown], matched["suggestions"][unknown]),
            )
    ok = problems.ok
    mine = _mine(out["food_id"], my_foods)
    grams, status, reason, outer = grams_per_row(
        out.assign(food_id=out["food_id"].where(ok & ~mine))
    )
    if my_foods is not None and mine.any():
        from analyzer.diary import my_entries

        todo = ok.to_numpy(dtype=bool) & mine & out["quantity"].notna().to_numpy(dtype=bool)
        grams[todo], status[todo], reason[todo] = my_entries.weigh(out, todo, my_foods)
    out["grams"] = grams
    if outer.any():
        out["quantity"] = out["quantity"].mask(outer, out["outer_quantity"])
        out["unit"] = out["unit"].astype(object).mask(outer, out["outer_unit"])
    if required:
        for code in ("unknown_unit", "missing_unit"):
            problems.add(status.to_numpy(dtype=object) == code, code, reason)
        heavy = out["grams"].gt(MAX_ENTRY_GRAMS) & problems.ok
        if heavy.any():
            problems.add(heavy, "implausible_amount", _heavy_reasons(out[heavy]))
        nutrients = scale_nutrients(out["food_id"], out["grams"], foods)
        if my_foods is not None and mine.any():
            from analyzer.diary import my_entries

            nutrients[mine] = my_entries.nutrients(out, mine, my_foods)
        for column in NUTRIENT_COLUMNS:
            out[column] = nutrients[column]
    return out


def _mine(food_id: pd.Series, my_foods: MyFoods | None) -> np.ndarray:
    """Rows matched to one of your foods (none without ``my_foods``)."""
    if my_foods is None or not len(my_foods):
        return np.zeros(len(food_id), dtype=bool)
    from analyzer.foods.myfoods import my_food_ids

    return my_food_ids(food_id)


def _whole_name_has_no_amount(
    out: pd.DataFrame, matched: pd.DataFrame, problems: Problems
) -> None:
    """Rows whose amount was read from the name while the whole name is a food (``7 up``):
    the name carried no amount after all, so the row misses one."""
    from_name = out["amount_from_name"].fillna(False).to_numpy(dtype=bool)
    rows = np.flatnonzero(from_name)
    text = matched["matched_text"].to_numpy(dtype=object)[rows]
    whole = np.zeros(len(out), dtype=bool)
    whole[rows] = text == out["food"].to_numpy(dtype=object)[rows]
    bad = from_name & whole & out["food_id"].notna().to_numpy(dtype=bool)
    if bad.any():
        problems.add(bad, "missing_amount", "missing amount for " + quoted(out["food"]))


def _heavy_reasons(rows: pd.DataFrame) -> pd.Series:
    """``2000 cup of 'milk' is 488,000 g; ...`` for entries above :data:`MAX_ENTRY_GRAMS`."""
    quantity = rows["quantity"].map(lambda q: f"{q:,.12g}")
    unit = rows["unit"].astype(object).where(rows["unit"].notna(), "")
    amount = (quantity + " " + unit.astype(str)).str.strip()
    grams = rows["grams"].map(lambda g: f"{g:,.0f}")
    return (
        amount
        + " of '"
        + rows["food"].astype(str)
        + "' is "
        + grams
        + f" g; more than {MAX_ENTRY_GRAMS / 1000:g} kg in one entry is taken as a typo: "
        "check the amount and the unit"
    )
