"""NHANES individual-foods files: ``DR1IFF``/``DR2IFF`` (2003 on) and ``DRXIFF`` (1999-2002).

Read from the SAS transport files NHANES publishes (``DR1IFF_J.XPT``, see
:mod:`analyzer.diary.xport`) or the same table saved as CSV. One row per food of a 24-hour
recall; columns are found by name:

=================  ===========================  ========================================
                   2003 on (day 1 / day 2)      1999-2002
=================  ===========================  ========================================
person             ``SEQN``                     ``SEQN``
food code (FNDDS)  ``DR1IFDCD`` / ``DR2IFDCD``  ``DRDIFDCD``
grams              ``DR1IGRMS``                 ``DRXIGRMS``
nutrients          ``DR1IKCAL``, ``DR1IPROT``,  ``DRXIKCAL``, ``DRXIPROT``, ``DRXICALC``,
                   ``DR1ICALC``, ``DR1IPHOS``,  ``DRXIPHOS``, ``DRXIMAGN``, ``DRXIPOTA``,
                   ``DR1IMAGN``, ``DR1IPOTA``,  ``DRXICAFF``; sodium ``DRDISODI``
                   ``DR1ISODI``, ``DR1ICAFF``
time               ``DR1_020`` (seconds after   ``DRD020``
                   midnight)
eating occasion    ``DR1_030Z``                 ``DRD030Z`` (2001-02), ``DRD030`` (1999-2000,
                                                numbered differently)
recall status      ``DR1DRSTZ``                 ``DRDDRSTZ`` / ``DRDDRSTS``
=================  ===========================  ========================================

- Nutrients are NHANES' own, per food as eaten, taken as given; SAS missing stays unknown.
- A row without grams (human milk fed to an infant is not quantified) is reported
  (``missing_amount``); the person's recall status 4 says the day is incomplete, in a note.
- **NHANES files carry no calendar date.** Recall day 1 is dated :data:`RECALL_DAY_ONE`
  (Monday 2000-01-03) and day 2 the day after, so the date IS the recall day number
  (``date - 2000-01-03 + 1``) and one person's two recalls fall in one ISO week (2000-W01).
  The weekday of the real intake (``DR1DAY``) is not the weekday shown.
- Food descriptions are not in these files: they are in the food-code file ``DRXFCD_x``
  (``DRXFDCD`` code, ``DRXFCLD`` long description). A ``DRXFCD*.XPT`` or ``DRXFCD*.csv``
  next to the diary is used (the one with the same release letter when there are several),
  and a note names it; without one, foods are named by their code and categorized by the
  code alone.

References
----------
.. [1] CDC NCHS. NHANES 2017-2018 Dietary Interview - Individual Foods, First Day
   (DR1IFF_J): data documentation and codebook; 2003-2004 (DR1IFF_C); 1999-2000 (DRXIFF);
   2001-2002 (DRXIFF_B). DRXFCD_J: food code descriptions.
"""

from __future__ import annotations

import dataclasses
import re
from dataclasses import dataclass
from pathlib import Path

import pandas as pd

from analyzer.diary.codes import categories, code_text, occasion_meals
from analyzer.diary.csvio import RawTable, read_table
from analyzer.diary.detect import canonical, column_index, missing_columns
from analyzer.diary.model import Problems
from analyzer.diary.staging import Staged, app_nutrients, base_frame, cells, numbers
from analyzer.diary.xport import is_xport, read_xport
from analyzer.errors import some_of

#: The date given to recall day 1 (a Monday: ISO week 2000-W01 starts on it).
RECALL_DAY_ONE = pd.Timestamp("2000-01-03")
SECONDS_PER_MINUTE = 60
MINUTES_PER_HOUR = 60
SECONDS_PER_DAY = 86_400
#: Human milk (FNDDS), recorded without an amount for breast-fed infants.
HUMAN_MILK_CODE = "11000000"
#: Recall status codes (``DR1DRSTZ``): 1 reliable and met the minimum criteria, 4 reported
#: consuming breast milk; the others are not expected in the individual-foods files.
STATUS_RELIABLE, STATUS_BREAST_MILK = 1, 4
#: Most persons named in one note before "and N more".
MAX_NAMED = 5
_NUTRIENT_STEMS = {
    "energy_kcal": "KCAL",
    "protein_g": "PROT",
    "calcium_mg": "CALC",
    "phosphorus_mg": "PHOS",
    "magnesium_mg": "MAGN",
    "potassium_mg": "POTA",
    "sodium_mg": "SODI",
    "caffeine_mg": "CAFF",
}
_GRAMS = re.compile(r"^DR([12X])IGRMS$", re.IGNORECASE)


@dataclass(frozen=True)
class Variables:
    """The variable names of one NHANES release (see the module docstring)."""

    day: int
    food_code: str
    grams: str
    time: str
    occasion: tuple[str, ...]
    status: tuple[str, ...]
    nutrients: dict[str, tuple[str, ...]]

    @classmethod
    def of(cls, header: list[str], path: str) -> Variables:
        """The variables of the release whose grams column ``header`` has."""
        found = [m for m in (_GRAMS.match(canonical(c).upper()) for c in header) if m]
        if not found:
            raise missing_columns(path, "nhanes", ["DR1IGRMS"], header)
        letter = found[0].group(1).upper()
        if letter == "X":  # 1999-2002: mixed DRD/DRX prefixes, sodium DRDISODI
            nutrients: dict[str, tuple[str, ...]] = {
                c: (f"DRXI{s}",) for c, s in _NUTRIENT_STEMS.items()
            }
            nutrients["sodium_mg"] = ("DRDISODI", "DRXISODI")
            return cls(
                1,
                "DRDIFDCD",
                "DRXIGRMS",
                "DRD020",
                ("DRD030Z", "DRD030"),
                ("DRDDRSTZ", "DRDDRSTS"),
                nutrients,
            )
        prefix = f"DR{letter}"
        return cls(
            int(letter),
            f"{prefix}IFDCD",
            f"{prefix}IGRMS",
            f"{prefix}_020",
            (f"{prefix}_030Z",),
            (f"{prefix}DRSTZ",),
            {c: (f"{prefix}I{s}",) for c, s in _NUTRIENT_STEMS.items()},
        )


def clock_text(values: pd.Series) -> pd.Series:
    """``HH:MM`` from seconds after midnight (``26100.0`` -> ``07:15``); text times kept.

    Examples
    --------
    >>> clock_text(pd.Series([26100.0, 0.0, float("nan")])).tolist()
    ['07:15', '00:00', <NA>]
    """
    seconds, bad = numbers(values, decimal_comma=False)
    valid = seconds.between(0, SECONDS_PER_DAY - 1)
    minutes = (seconds.where(valid) // SECONDS_PER_MINUTE).fillna(0).astype("int64")
    text = (
        (minutes // MINUTES_PER_HOUR).astype(str).str.zfill(2)
        + ":"
        + (minutes % MINUTES_PER_HOUR).astype(str).str.zfill(2)
    )
    out = text.astype("string").where(valid)
    if bad.any():  # already a clock time (a CSV written by haven or pyreadstat)
        out = out.mask(bad, values.astype("string"))
    return out


def _descriptions(path: str) -> tuple[dict[str, str], str | None]:
    """Long descriptions by food code from a DRXFCD file next to the diary, and its name."""
    folder = Path(path).parent
    here = Path(path).stem.upper()
    found = sorted(
        p
        for p in folder.glob("*")
        if p.is_file()
        and p.name.upper().startswith("DRXFCD")
        and p.suffix.lower() in (".xpt", ".csv")
    )
    if len(found) > 1:
        release = here.rsplit("_", 1)[-1] if "_" in here else ""
        found = [p for p in found if release and p.stem.upper().endswith(f"_{release}")]
    if len(found) != 1:
        return {}, None
    table = read_xport(found[0]) if is_xport(found[0]) else read_table(found[0])
    code_at = column_index(table.header, "DRXFDCD")
    text_at = column_index(table.header, "DRXFCLD")  # the long description, else the short
    text_at = text_at if text_at is not None else column_index(table.header, "DRXFCSD")
    if code_at is None or text_at is None:
        return {}, None
    codes, _ = code_text(cells(table, code_at))
    texts = cells(table, text_at).astype(str).str.strip()
    return dict(zip(codes.tolist(), texts.tolist(), strict=True)), found[0].name


def _names(persons: pd.Series) -> str:
    return some_of(persons.tolist(), limit=MAX_NAMED)


def _status_notes(frame: pd.DataFrame, status: pd.Series | None, day: int) -> list[str]:
    """Notes on persons whose recall was not 'reliable and met the minimum criteria'."""
    if status is None:
        return []
    per_person = pd.DataFrame({"person": frame["person"], "status": status}).drop_duplicates()
    notes = []
    milk = per_person.loc[per_person["status"].eq(STATUS_BREAST_MILK), "person"]
    if len(milk):
        notes.append(
            f"NHANES: SEQN {_names(milk)}: recall status {STATUS_BREAST_MILK} (reported "
            f"consuming breast milk): breast milk is not quantified, so recall day {day} is "
            "an underestimate (NHANES computes no day totals for it)"
        )
    other = per_person.loc[
        per_person["status"].notna()
        & ~per_person["status"].isin([STATUS_RELIABLE, STATUS_BREAST_MILK]),
        "person",
    ]
    if len(other):
        notes.append(
            f"NHANES: SEQN {_names(other)}: recall status not 1 (not reliable or not meeting "
            "the minimum criteria); their intakes are used as given"
        )
    return notes


def _foods(
    table: RawTable, frame: pd.DataFrame, problems: Problems, names: Variables, path: str
) -> list[str]:
    """Food code, description, category, grams and their problems; returns notes."""
    code_at = column_index(table.header, names.food_code)
    if code_at is None:
        raise missing_columns(path, "nhanes", [names.food_code], table.header)
    code_cells = cells(table, code_at)
    food_id, bad_code = code_text(code_cells)
    described, source = _descriptions(path)
    description = food_id.map(described).astype("string")
    frame["food_id"] = pd.Series(food_id, dtype="string").mask(food_id.eq(""))
    frame["description"] = description
    frame["food"] = description.fillna("FNDDS food code " + food_id)
    frame["category"] = categories(food_id, description.fillna(""))
    grams_cells = cells(table, column_index(table.header, names.grams))
    grams, bad_grams = numbers(grams_cells, decimal_comma=False)
    frame["grams"] = grams
    frame["quantity"] = grams
    frame["unit"] = pd.Series("g", index=frame.index, dtype="string").where(grams.notna())
    problems.add(
        bad_code,
        "bad_number",
        f"{names.food_code} '" + code_cells.astype(str) + "' is not a food code",
    )
    problems.add(
        bad_grams, "bad_amount", f"{names.grams} '" + grams_cells.astype(str) + "' is not a number"
    )
    milk = grams.isna() & food_id.eq(HUMAN_MILK_CODE)
    problems.add(
        milk,
        "missing_amount",
        f"human milk ({HUMAN_MILK_CODE}) without an amount: NHANES does not quantify breast "
        f"milk, so {names.grams} and every nutrient are missing; not counted",
    )
    problems.add(
        grams.isna(),
        "missing_amount",
        f"{names.grams} is missing: NHANES recorded no amount for this food, so it is not counted",
    )
    if source is None:
        return [
            "NHANES: no DRXFCD food-code file next to the diary: foods are named by their "
            "FNDDS code and categorized by the code alone (put DRXFCD_x.XPT beside it for "
            "descriptions)"
        ]
    unknown = int((description.isna() & food_id.ne("")).sum())
    extra = f"; {unknown} row(s) have a code it does not list" if unknown else ""
    return [f"NHANES: food descriptions from {source}{extra}"]


def stage_nhanes(table: RawTable, *, path: str, **_: object) -> Staged:
    """Stage an NHANES individual-foods file (see the module docstring)."""
    names = Variables.of(table.header, path)
    person_at = column_index(table.header, "SEQN")
    if person_at is None:
        raise missing_columns(path, "nhanes", ["SEQN"], table.header)
    table = _plain_decimals(table)
    frame, problems = base_frame(table)
    frame["person"] = code_text(cells(table, person_at))[0]
    frame["date"] = RECALL_DAY_ONE + pd.Timedelta(days=names.day - 1)
    frame["time"] = clock_text(cells(table, column_index(table.header, names.time)))
    occasion_at = next(
        (p for p in (column_index(table.header, n) for n in names.occasion) if p is not None),
        None,
    )
    notes = []
    if occasion_at is not None:
        variable = canonical(table.header[occasion_at]).upper()
        scheme = {"DRD030": "nhanes_1999", "DRD030Z": "nhanes_2001"}.get(variable, "nhanes_2003")
        meal, unknown = occasion_meals(scheme, cells(table, occasion_at))
        frame["meal"] = meal
        if len(unknown):
            notes.append(f"NHANES: {variable} code(s) {', '.join(unknown)} unknown: no meal name")
    else:
        frame["meal"] = pd.Series(pd.NA, index=frame.index, dtype="string")
    notes += _foods(table, frame, problems, names, path)
    app_nutrients(table, frame, problems, names.nutrients)
    frame["source"] = "app"
    frame["approximate"] = False
    status_at = next(
        (p for p in (column_index(table.header, n) for n in names.status) if p is not None),
        None,
    )
    status = None
    if status_at is not None:
        status = numbers(cells(table, status_at), decimal_comma=False)[0]
    day_two = RECALL_DAY_ONE + pd.Timedelta(days=1)
    notes = [
        f"NHANES recall day {names.day}: the files have no calendar date, so recall day 1 is "
        f"dated {RECALL_DAY_ONE:%Y-%m-%d} and day 2 {day_two:%Y-%m-%d} (placeholders; the "
        "real weekday is DR1DAY)",
        "NHANES: nutrients taken as given (FNDDS values); food categories from the FNDDS "
        "food codes",
        *notes,
        *_status_notes(frame, status, names.day),
    ]
    return Staged(frame, problems, "none", notes)


def _plain_decimals(table: RawTable) -> RawTable:
    """NHANES CSVs use decimal points whatever their delimiter."""
    return dataclasses.replace(table, decimal_comma=False) if table.decimal_comma else table
