"""Findings per day and per ISO week, in plain words, each with its reference and confidence.

==============================  ========  ==============================================
code                            level     when
==============================  ========  ==============================================
calcium_low                     warning   calcium below the RDA/AI
low_ca_p_with_low_calcium       alert     molar Ca:P < 0.5 and calcium below the RDA/AI
                                          (Calvo et al. 1988)
low_ca_p_ratio                  info      molar Ca:P < 0.5 with calcium at or above target
phosphorus_above_ul             alert     phosphorus above its UL
calcium_above_ul                warning   calcium (food and logged supplements) above its UL
magnesium_low                   warning   magnesium below the RDA/AI (the Mg UL is never
                                          applied to food)
potassium_low                   warning   potassium below the AI (no UL exists)
sodium_above_cdrr               warning   sodium above the CDRR (1,200 to 2,300 mg by age)
calcium_supplement_dose         info      > 500 mg of supplement calcium in one eating
                                          occasion (absorption falls with the load)
magnesium_supplement_above_ul   warning   magnesium from supplements above its UL (350 mg
                                          for adults; supplements and medications only)
caffeine_sitting                info      >= 250 mg caffeine in one eating occasion
caffeine_single_dose            info      > 200 mg caffeine in one eating occasion (EFSA;
                                          adults only)
caffeine_daily_high             warning   caffeine above the daily limit: EFSA (adults,
                                          pregnancy), Health Canada (children, adolescents)
caffeine_adolescent             info      13-18 y: above 2.5 mg per kg of body weight for
                                          a lighter adolescent (Health Canada)
==============================  ========  ==============================================

The rules and their wording are in :mod:`analyzer.balance.flag_rules`.

Week-level flags (:func:`week_flag_table`) apply the intake rules above to the week's
per-day averages over its complete days, with the code prefixed ``weekly_``
(``weekly_calcium_low``, ``weekly_low_ca_p_with_low_calcium``, ...). The DRIs are meant for
usual intake over time, not for any single day (IOM 2011), so the week's average is the
better guide; the per-day flags stay available. The per-occasion caffeine flags have no
week-level form.

**Incomplete data** (:mod:`analyzer.balance.coverage`): a finding that something is *below*
a target, or a low Ca:P ratio, cannot be judged on an incomplete day or week, or when too
little of the food has the mineral: it gets the level ``cannot_judge`` and its message says
why. A finding that something is *over a limit* still holds, since the known foods alone
already pass it: it is kept, said to be "at least" that, and never above ``warning``.

References
----------
.. [1] IOM 2011, DRIs for Calcium and Vitamin D.
.. [2] IOM 1997, DRIs for Ca, P, Mg, Vitamin D and Fluoride, pp. 154, 189.
.. [3] Calvo MS et al. 1988, JCEM 66:823; Kemi VE et al. 2010, Br J Nutr 103:561.
.. [4] NASEM 2019, DRIs for Sodium and Potassium; Nordin BEC et al. 1993, J Nutr 123:1615.
.. [5] Maughan RJ, Griffin J 2003, J Hum Nutr Diet 16:411.
.. [6] EFSA NDA 2015, Safety of caffeine, EFSA J 13(5):4102; Health Canada 2011/2017.
"""

from __future__ import annotations

from collections.abc import Sequence
from dataclasses import dataclass, field

import numpy as np
import pandas as pd

from analyzer.balance.coverage import share_text, share_usable, unused_acceptable
from analyzer.balance.flag_rules import Rule, rules_for
from analyzer.models import Flag, Settings, Targets
from analyzer.reference import coefficient

FLAG_COLUMNS = (
    "code",
    "level",
    "date",
    "week",
    "person",
    "message",
    "reference",
    "confidence",
    "value",
    "threshold",
)


#: Per-row targets: (code of each row, the :class:`Targets` of each code).
TargetGroups = tuple[np.ndarray, Sequence[Targets]]


@dataclass
class FlagSample:
    """Ask for a sample of a flag table: the first ``limit`` flags of each rule (in period
    order), which are all a listing of ``limit`` flags per code shows, and ``counts``, how
    many flags each code has in the whole table (filled in). A cohort has millions of flags;
    their messages are written only for the sample."""

    limit: int
    counts: dict[str, int] = field(default_factory=dict)


def flag_table(
    daily: pd.DataFrame,
    targets: Targets,
    settings: Settings,
    by_person: bool,
    groups: TargetGroups | None = None,
    sample: FlagSample | None = None,
) -> pd.DataFrame:
    """Flags for every day of ``daily`` as a table (one row per flag, :data:`FLAG_COLUMNS`).

    Parameters
    ----------
    daily : DataFrame
        Daily totals with ratios (:func:`analyzer.balance.totals.daily_totals`).
    targets : Targets
        RDA/AI, UL and caffeine limit of the profile.
    settings : Settings
        Caffeine thresholds when overridden.
    by_person : bool
        Whether ``daily`` has a ``person`` column.
    groups : (codes, targets), optional
        Per-person targets: ``codes[i]`` indexes the :class:`Targets` of row ``i`` in
        ``targets`` (one per distinct DRI life stage); ``targets`` above is then unused.
        The rules run once per distinct life stage, not per person.
    sample : FlagSample, optional
        Only the first flags of each rule (see :class:`FlagSample`).

    Returns
    -------
    DataFrame
        In date (and person) order, then by the order of the table above. Only the days
        that trigger a rule are visited, so long diaries stay fast.
    """
    if daily.empty:
        return empty_flag_table()
    days = pd.to_datetime(daily["date"]).dt.date.to_numpy(dtype=object)
    labels = np.asarray([str(d) for d in days], dtype=object)
    return _grouped(
        daily, targets, settings, by_person, labels, groups,
        dates=days, weeks=None, prefix="", codes=None, sample=sample,
    )  # fmt: skip


def _grouped(
    frame: pd.DataFrame,
    targets: Targets,
    settings: Settings,
    by_person: bool,
    labels: np.ndarray,
    groups: TargetGroups | None,
    *,
    dates: np.ndarray | None,
    weeks: np.ndarray | None,
    prefix: str,
    codes: tuple[str, ...] | None,
    sample: FlagSample | None = None,
) -> pd.DataFrame:
    """Run the rules of each distinct target set on its rows; one table in row order."""
    if groups is None:
        row_codes = np.zeros(len(frame), dtype=np.int64)
        sets: Sequence[Targets] = [targets]
    else:
        row_codes, sets = np.asarray(groups[0], dtype=np.int64), groups[1]
    parts: list[pd.DataFrame] = []
    for code, group_targets in enumerate(sets):
        positions = np.flatnonzero(row_codes == code)
        if not len(positions):
            continue
        subset = frame if len(positions) == len(frame) else frame.iloc[positions]
        rules = rules_for(subset, group_targets, settings)
        if codes is not None:
            rules = [r for r in rules if r.code in codes]
        parts += _parts(
            subset, rules, by_person, labels[positions],
            dates=None if dates is None else dates[positions],
            weeks=None if weeks is None else weeks[positions],
            prefix=prefix, positions=positions, sample=sample,
        )  # fmt: skip
    return _finish(parts)


#: Codes of the daily rules that also apply to a week's per-day averages.
WEEK_RULES = (
    "calcium_low",
    "low_ca_p_with_low_calcium",
    "low_ca_p_ratio",
    "phosphorus_above_ul",
    "magnesium_low",
    "potassium_low",
    "sodium_above_cdrr",
    "calcium_above_ul",
    "magnesium_supplement_above_ul",
    "caffeine_daily_high",
    "caffeine_adolescent",
)


def week_flag_table(
    weekly: pd.DataFrame,
    targets: Targets,
    settings: Settings,
    by_person: bool,
    groups: TargetGroups | None = None,
    sample: FlagSample | None = None,
) -> pd.DataFrame:
    """Flags for every ISO week of ``weekly``, on its per-day averages (:data:`WEEK_RULES`).

    Parameters
    ----------
    weekly : DataFrame
        Weekly per-day averages with ratios (:func:`analyzer.balance.totals.weekly_totals`), with
        ``week`` and ``days``.
    targets, settings, by_person, groups, sample
        As for :func:`flag_table` (``groups`` codes index the rows of ``weekly``).

    Returns
    -------
    DataFrame
        One row per flag (:data:`FLAG_COLUMNS`), ``date`` empty and ``week`` set, the code
        prefixed ``weekly_``; messages start with the week and the number of logged days,
        e.g. ``"2026-W47 (average of 6 logged days): calcium 640 mg is below ..."``.
    """
    if weekly.empty:
        return empty_flag_table()
    weeks = weekly["week"].astype(str).to_numpy(dtype=object)
    days = weekly["days"].to_numpy(dtype="int64")
    logged = weekly.get("days_logged", weekly["days"]).to_numpy(dtype="int64")
    labels = np.asarray(
        [
            f"{w} (average of {d} logged day{'s' if d != 1 else ''})"
            if d == n
            else f"{w} (average of {d} complete day{'s' if d != 1 else ''} of {n} logged)"
            for w, d, n in zip(weeks, days, logged, strict=True)
        ],
        dtype=object,
    )
    return _grouped(
        weekly, targets, settings, by_person, labels, groups,
        dates=None, weeks=weeks, prefix="weekly_", codes=WEEK_RULES, sample=sample,
    )  # fmt: skip


def _below_text(value: float, threshold: float) -> str:
    """A ratio with 2 decimals, or 4 where 2 would round up to the threshold it is below.

    Examples
    --------
    >>> _below_text(0.3954, 0.5), _below_text(0.499667, 0.5)
    ('0.40', '0.4997')
    """
    text = f"{value:.2f}"
    return f"{value:.4f}" if value < threshold <= float(text) else text


def _coverage_texts(frame: pd.DataFrame, nutrient: str, rows: np.ndarray) -> list[str]:
    """ " Calcium is unknown for 2 of 9 entries, ..." per row where the value is a lower bound.

    Vectorized over ``rows`` (positions in ``frame``): the columns are read once per rule.
    """
    column = f"{nutrient}_unknown"
    if not nutrient or column not in frame.columns or "entries" not in frame.columns:
        return [""] * len(rows)
    unknown = frame[column].to_numpy(dtype=float)[rows]
    entries = frame["entries"].to_numpy(dtype=float)[rows]
    name = nutrient.removesuffix("_mg").capitalize()
    return [
        f" {name} is unknown for {int(u)} of {int(e)} entries, so the true value may be higher."
        if u > 0
        else ""
        for u, e in zip(unknown.tolist(), entries.tolist(), strict=True)
    ]


def empty_flag_table() -> pd.DataFrame:
    """A flag table with no rows (the columns of :data:`FLAG_COLUMNS`)."""
    return pd.DataFrame({c: pd.Series(dtype=object) for c in FLAG_COLUMNS})


def _parts(
    frame: pd.DataFrame,
    rules: list[Rule],
    by_person: bool,
    labels: np.ndarray,
    *,
    dates: np.ndarray | None,
    weeks: np.ndarray | None,
    prefix: str,
    positions: np.ndarray,
    sample: FlagSample | None = None,
) -> list[pd.DataFrame]:
    """One frame per rule that fires: its rows, with ``_row`` the row's place in the whole
    table (``positions``) and ``_order`` the rule's rank, for :func:`_finish`."""
    persons = (
        frame["person"].astype(str).to_numpy(dtype=object)
        if by_person
        else np.full(len(frame), "", dtype=object)
    )
    parts: list[pd.DataFrame] = []
    per_kg = coefficient("caffeine_child_mg_per_kg")
    for order, rule in enumerate(rules):
        rows = np.flatnonzero(rule.mask)
        if not len(rows):
            continue
        if sample is not None:
            code = prefix + rule.code
            sample.counts[code] = sample.counts.get(code, 0) + len(rows)
            rows = rows[: sample.limit]
        values = frame[rule.value].to_numpy(dtype=float)[rows]
        judged, reasons = _judgement(frame, rule, rows, weekly=bool(prefix))
        coverage = _coverage_texts(frame, rule.partial, rows)
        messages, levels = [], []
        for r, v, c, ok, why in zip(
            rows.tolist(), values.tolist(), coverage, judged.tolist(), reasons, strict=True
        ):
            head = f"{labels[r]}{' for ' + persons[r] if persons[r] else ''}: "
            finding = rule.template.format(
                value=v,
                threshold=rule.threshold,
                ratio=_below_text(v, rule.threshold),
                kilograms=v / per_kg,
            )
            if ok:
                messages.append(head + finding + c)
                levels.append(rule.level)
            elif rule.is_limit:  # the known foods alone pass the limit: at least this
                messages.append(
                    head + finding.rstrip(".") + f"; at least that much: {why}, and only the "
                    "foods that could be used are counted."
                )
                levels.append("warning" if rule.level == "alert" else rule.level)
            else:
                messages.append(
                    f"{head}cannot judge: {why}. The foods that could be used give: {finding}"
                )
                levels.append("cannot_judge")
        parts.append(
            pd.DataFrame(
                {
                    "_row": positions[rows],
                    "_order": order,
                    "code": prefix + rule.code,
                    "level": levels,
                    "date": dates[rows] if dates is not None else None,
                    "week": weeks[rows] if weeks is not None else None,
                    "person": persons[rows],
                    "message": messages,
                    "reference": rule.reference,
                    "confidence": rule.confidence,
                    "value": values,
                    "threshold": float(rule.threshold),
                }
            )
        )
    return parts


def _judgement(
    frame: pd.DataFrame, rule: Rule, rows: np.ndarray, *, weekly: bool
) -> tuple[np.ndarray, list[str]]:
    """Whether each fired row can be judged, and why not (see the module docstring)."""
    judged = np.ones(len(rows), dtype=bool)
    reasons = [""] * len(rows)
    if "complete" in frame.columns:
        complete = frame["complete"].to_numpy(dtype=bool)[rows]
        why = _incomplete_texts(frame, rows, weekly)
        for i in np.flatnonzero(~complete).tolist():
            judged[i], reasons[i] = False, why[i]
    if rule.is_limit:
        return judged, reasons
    for mineral in rule.minerals:
        column = f"{mineral}_unknown_share"
        if column not in frame.columns:
            continue
        share = frame[column].to_numpy(dtype=float)[rows]
        lacking = ~share_usable(np.nan_to_num(share))
        for i in np.flatnonzero(lacking & judged).tolist():
            judged[i] = False
            reasons[i] = f"{mineral} is unknown for {share_text(share[i])} of the food"
    if not rule.minerals:
        return judged, reasons
    central, shares = _at_the_rate_of_the_rest(frame, rule, rows)
    for i in np.flatnonzero(judged & (central >= rule.threshold)).tolist():
        judged[i] = False
        unknown = " and ".join(
            f"{m} is unknown for {share_text(s[i])}" for m, s in shares.items() if s[i] > 0
        )
        reasons[i] = (
            f"{unknown} of the food, and that food, counted at the rate of the rest, would "
            "reach the threshold"
        )
    return judged, reasons


def _at_the_rate_of_the_rest(
    frame: pd.DataFrame, rule: Rule, rows: np.ndarray
) -> tuple[np.ndarray, dict[str, np.ndarray]]:
    """A "below" rule's value with the food lacking its minerals counted at the rate of the
    rest (a mineral's total over ``1 - unknown share``; a Ca:P ratio scaled by both), and
    each mineral's unknown share. A finding holds only when this value is below too.

    Examples
    --------
    1,092 mg calcium with 9.7% of the food's calcium unknown: 1,092 / 0.903 = 1,209 mg, not
    below an RDA of 1,200 mg, so "below the RDA" cannot be judged.
    """
    values = frame[rule.value].to_numpy(dtype=float)[rows]
    shares = {
        m: np.clip(np.nan_to_num(frame[f"{m}_unknown_share"].to_numpy(dtype=float)[rows]), 0, 0.99)
        for m in rule.minerals
        if f"{m}_unknown_share" in frame.columns
    }
    none = np.zeros(len(rows))
    if rule.value.startswith("ca_p_"):  # calcium over phosphorus
        scale = (1 - shares.get("phosphorus", none)) / (1 - shares.get("calcium", none))
    else:
        scale = 1 / (1 - sum(shares.values(), none)) if len(shares) == 1 else np.ones(len(rows))
    return values * scale, shares


def _incomplete_texts(frame: pd.DataFrame, rows: np.ndarray, weekly: bool) -> list[str]:
    """Why each row (a day, or a week) is incomplete, in words."""
    if not weekly:
        reason = frame.get("incomplete_reason", pd.Series("", index=frame.index))
        text = reason.astype("string").fillna("").to_numpy(dtype=object)[rows]
        return [f"the day is incomplete, {r}" for r in text]
    days = frame["days"].to_numpy(dtype=float)[rows]
    logged = frame.get("days_logged", frame["days"]).to_numpy(dtype=float)[rows]
    unused = frame.get("unused_share", pd.Series(0.0, index=frame.index))
    share = unused.to_numpy(dtype=float)[rows]
    texts = []
    for d, n, s in zip(days.tolist(), logged.tolist(), np.nan_to_num(share).tolist(), strict=True):
        parts = [f"{int(n - d)} of {int(n)} logged days are incomplete"] if n > d else []
        if not unused_acceptable(s):
            parts.append(f"{s:.0%} of its food could not be used")
        texts.append("the week is incomplete, " + " and ".join(parts or ["no complete day"]))
    return texts


def _finish(parts: list[pd.DataFrame]) -> pd.DataFrame:
    """The flag rows in period order, then rule order."""
    if not parts:
        return empty_flag_table()
    table = pd.concat(parts, ignore_index=True).sort_values(["_row", "_order"], kind="stable")
    return table.loc[:, list(FLAG_COLUMNS)].reset_index(drop=True)


def flags_from_table(table: pd.DataFrame) -> list[Flag]:
    """:class:`Flag` models from a :func:`flag_table` (fields already valid by construction)."""
    records = table.loc[:, list(FLAG_COLUMNS)].to_dict(orient="records")
    return [Flag.model_construct(**{str(k): v for k, v in r.items()}) for r in records]
