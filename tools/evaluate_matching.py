"""Measure the name matcher and the unit converter on the labelled sets (``make evaluate``).

The sets are in ``tests/data/matching/`` (see its README): ``names_dev.csv`` /
``names_test.csv`` (food names as people and apps write them, each with the SR28 ids a
dietitian would accept, or ``none``), ``names_fresh.csv`` (a later set from other sources,
labelled before the matcher was run on it, held out like the test half) and
``units_dev.csv`` / ``units_test.csv`` (a food, an amount as written and the grams computed
by hand from USDA portions).

Each name is matched the way a diary row is matched: through the matcher's
``match_names`` (once per distinct name), which reads a name that carries its amount
(``Generic - Banana, 1 medium``, ``2 eggs scrambled``) by its food part. An outcome is

``right``
    the matcher returns one of the expected ids, or nothing for a ``none`` row;
``wrong``
    (wrong food) it returns a food for a ``none`` row, or a food from another category than
    the first expected id, or one whose calcium per gram differs from it by more than
    :data:`CALCIUM_RATIO_LIMIT` (both read below :data:`CALCIUM_FLOOR_MG` count as that
    floor, so water and coffee are not "off" by 0 versus 2 mg);
``unmatched``
    nothing is returned though a food was expected;
``near``
    another food of the same category within the calcium limit (neither right nor wrong).

"Category" is the project's food category (``foods.csv`` ``category``: dairy, red_meat,
greens, soda, coffee, tea, other). A stricter reading, by SR28 food group (25 groups), is
printed beside it as ``wrong (group)``.

Each unit case is converted the way a diary row is: the amount text read by the diary's
amount parser, grams from :func:`analyzer.diary.resolve.grams_per_row` for the given food
id; it is ``within`` when the grams are within :data:`UNITS_TOLERANCE` of the expected grams.

Only aggregate figures are printed for the ``*_test`` and ``*_fresh`` files. ``--failures``
lists the individual failures of the dev files (never of a held-out file, so that the
held-out figures stay honest). The ``full`` set is dev + test, the set the issue's targets
are measured on; ``fresh`` is printed beside it.

Usage::

    .venv/bin/python tools/evaluate_matching.py [--failures] [--data DIR]
"""

from __future__ import annotations

import argparse
import sys
from dataclasses import dataclass
from pathlib import Path

import numpy as np
import pandas as pd

REPO = Path(__file__).resolve().parents[1]
#: Folder of the labelled sets.
DATA = REPO / "tests" / "data" / "matching"
#: Styles of the names sets, in print order.
STYLES = ("own", "freetext", "mfp", "cronometer", "fndds")
#: Calcium per gram differing by more than this factor makes a returned food a wrong food.
CALCIUM_RATIO_LIMIT = 2.0
#: Calcium below this counts as this much in the ratio test. [mg per 100 g]
CALCIUM_FLOOR_MG = 1.0
#: A unit case is right within this share of the expected grams.
UNITS_TOLERANCE = 0.10
#: Targets of issue 10.
TARGET_RIGHT = 0.90
TARGET_WRONG = 0.02
TARGET_UNITS = 0.95
#: Names sets, in print order: tuned on, held out, and the later held-out set.
NAME_SETS = ("dev", "test", "fresh")
#: The sets that make up the ``full`` set of the issue's targets.
FULL_SETS = ("dev", "test")
#: Outcomes of a name, in print order.
OUTCOMES = ("right", "wrong", "unmatched", "near")


def load_names(path: Path) -> pd.DataFrame:
    """A names set: ``name, expected, style, source, note`` (all text)."""
    frame = pd.read_csv(path, dtype="string", keep_default_na=False)
    frame["set"] = path.stem.split("_")[-1]
    return frame


def load_units(path: Path) -> pd.DataFrame:
    """A units set: ``food_id, name, amount, expected_g, basis, note``."""
    frame = pd.read_csv(path, dtype={"food_id": "string"}, keep_default_na=False)
    frame["food_id"] = frame["food_id"].str.zfill(5)
    frame["set"] = path.stem.split("_")[-1]
    return frame


def _expected_ids(text: str) -> list[str]:
    return [] if text.strip().lower() == "none" else [t.strip().zfill(5) for t in text.split(";")]


def classify(found: str | None, expected: list[str], foods: pd.DataFrame, by: str) -> str:
    """``right``, ``wrong``, ``unmatched`` or ``near`` (see the module docstring).

    Parameters
    ----------
    found : str or None
        The matched NDB id.
    expected : list of str
        Acceptable ids, best first; empty for ``none``.
    foods : DataFrame
        The nutrient table indexed by id (``category``, ``food_group``, ``calcium_mg``).
    by : {"category", "food_group"}
        The column that says two foods are of the same kind.
    """
    if found is None:
        return "right" if not expected else "unmatched"
    if not expected:
        return "wrong"
    if found in expected:
        return "right"
    first = foods.loc[expected[0]]
    got = foods.loc[found]
    if str(first[by]) != str(got[by]):
        return "wrong"
    a, b = float(first["calcium_mg"]), float(got["calcium_mg"])
    if not (np.isnan(a) or np.isnan(b)):
        low, high = sorted((max(a, CALCIUM_FLOOR_MG), max(b, CALCIUM_FLOOR_MG)))
        if high / low > CALCIUM_RATIO_LIMIT:
            return "wrong"
    return "near"


def match_names(names: pd.DataFrame) -> pd.DataFrame:
    """Match every name as a diary row would be; add ``found``, ``method``, ``score``,
    ``outcome``, ``outcome_group`` and the best candidate (``best_id``, ``best_score``)."""
    from analyzer.foods.table import default_matcher, load_foods

    foods = load_foods().set_index("id")
    matcher = default_matcher()
    table = matcher.match_names(names["name"].astype(str))
    rows = table.reindex(names["name"].astype(str).to_numpy())
    out = names.copy()
    found = [None if pd.isna(v) else str(v) for v in rows["food_id"]]
    out["found"] = pd.array(found, dtype="string")
    out["description"] = rows["description"].to_numpy()
    out["method"] = rows["method"].to_numpy()
    out["score"] = rows["score"].to_numpy()
    expected = [_expected_ids(str(e)) for e in out["expected"]]
    out["outcome"] = [
        classify(f, e, foods, "category") for f, e in zip(found, expected, strict=True)
    ]
    out["outcome_group"] = [
        classify(f, e, foods, "food_group") for f, e in zip(found, expected, strict=True)
    ]
    best = [matcher.match(str(n)) for n in out["name"]]
    out["best_id"] = pd.array([b.best_id for b in best], dtype="string")
    out["best_score"] = [b.best_score for b in best]
    out["best_outcome"] = [
        classify(b.best_id, e, foods, "category") for b, e in zip(best, expected, strict=True)
    ]
    out["exact"] = [b.score >= 100.0 and b.method != "fuzzy" for b in best]
    return out


#: Thresholds tried by :func:`calibration`. [score points]
CALIBRATION_THRESHOLDS = tuple(range(40, 96, 2))


def calibration(matched: pd.DataFrame) -> pd.DataFrame:
    """Right and wrong-food shares of a set if the acceptance threshold were each of
    :data:`CALIBRATION_THRESHOLDS` (exact and alias matches are always accepted).

    The best candidate of every name is accepted when its score reaches the threshold; the
    outcome is then that candidate's (:func:`classify`), else ``unmatched`` (or ``right``
    for a ``none`` row).
    """
    rows = []
    expected_none = matched["expected"].str.lower().str.strip() == "none"
    for threshold in CALIBRATION_THRESHOLDS:
        accepted = matched["exact"] | (matched["best_score"] >= threshold)
        outcome = matched["best_outcome"].where(
            accepted, np.where(expected_none, "right", "unmatched")
        )
        share = outcome.value_counts() / max(len(matched), 1)
        rows.append(
            {
                "threshold": threshold,
                "right": float(share.get("right", 0.0)),
                "wrong": float(share.get("wrong", 0.0)),
                "unmatched": float(share.get("unmatched", 0.0)),
            }
        )
    return pd.DataFrame(rows)


def convert_units(cases: pd.DataFrame) -> pd.DataFrame:
    """Grams of every case as a diary row would get them; add ``grams``, ``error``, ``within``."""
    from analyzer.diary.amounts import parse_amounts
    from analyzer.diary.resolve import grams_per_row

    amounts = parse_amounts(cases["amount"].astype(str).reset_index(drop=True))
    frame = pd.DataFrame(
        {
            "food": cases["name"].astype(str).to_numpy(),
            "food_id": cases["food_id"].astype(str).to_numpy(),
            "quantity": amounts.quantity,
            "unit": amounts.unit,
            "unit_written": amounts.written,
            "outer_quantity": amounts.outer_quantity,
            "outer_unit": amounts.outer_unit,
        }
    )
    grams, _, reason, _ = grams_per_row(frame)
    out = cases.reset_index(drop=True).copy()
    out["grams"] = grams.to_numpy()
    out["error"] = amounts.reason.fillna(reason).to_numpy()
    expected = out["expected_g"].astype(float).to_numpy()
    out["within"] = np.abs(out["grams"].to_numpy() - expected) <= UNITS_TOLERANCE * expected
    return out


@dataclass(frozen=True)
class NamesFigures:
    """Shares of outcomes of one names set (``n`` names)."""

    n: int
    right: float
    wrong: float
    unmatched: float
    near: float
    wrong_group: float

    @classmethod
    def of(cls, matched: pd.DataFrame) -> NamesFigures:
        """Figures of matched rows (from :func:`match_names`)."""
        n = len(matched)
        share = matched["outcome"].value_counts() / max(n, 1)
        group = float((matched["outcome_group"] == "wrong").mean()) if n else 0.0
        right, wrong, unmatched, near = (float(share.get(o, 0.0)) for o in OUTCOMES)
        return cls(n, right, wrong, unmatched, near, group)


def names_table(matched: pd.DataFrame) -> pd.DataFrame:
    """Per style and overall, per set and for the full set: the outcome shares."""
    rows = []
    full = matched[matched["set"].isin(FULL_SETS)]
    for set_name, part in [*matched.groupby("set", sort=False), ("full", full)]:
        for style in (*STYLES, "all"):
            chosen = part if style == "all" else part[part["style"] == style]
            figures = NamesFigures.of(chosen)
            rows.append({"set": set_name, "style": style, **figures.__dict__})
    return pd.DataFrame(rows)


def units_table(converted: pd.DataFrame) -> pd.DataFrame:
    """Per set and for the full set: cases and the share within tolerance."""
    rows = []
    for set_name, part in [*converted.groupby("set", sort=False), ("full", converted)]:
        rows.append({"set": set_name, "n": len(part), "within": float(part["within"].mean())})
    return pd.DataFrame(rows)


def evaluate(data: Path = DATA) -> tuple[pd.DataFrame, pd.DataFrame]:
    """Match and convert the dev and test sets; return the per-row results.

    Returns
    -------
    names, units : DataFrame
        Every names row with its outcome, every unit case with its grams (column ``set``
        says ``dev``, ``test`` or, for names, ``fresh`` when that file is present).
    """
    paths = [data / f"names_{s}.csv" for s in NAME_SETS]
    names = pd.concat([load_names(p) for p in paths if p.exists()], ignore_index=True)
    units = pd.concat(
        [load_units(data / f"units_{s}.csv") for s in ("dev", "test")], ignore_index=True
    )
    return match_names(names), convert_units(units)


def render(names: pd.DataFrame, units: pd.DataFrame) -> str:
    """The figures as text tables."""
    table = names_table(names)
    lines = ["Names (share of names; wrong = wrong food; near = same category, within 2x Ca)"]
    header = f"{'set':<5} {'style':<11} {'n':>5} {'right':>7} {'wrong':>7} {'unmatched':>9}"
    header += f" {'near':>6} {'wrong (group)':>13}"
    lines.append(header)
    for row in table.itertuples(index=False):
        lines.append(
            f"{row.set:<5} {row.style:<11} {row.n:>5} {row.right:>7.1%} {row.wrong:>7.1%} "
            f"{row.unmatched:>9.1%} {row.near:>6.1%} {row.wrong_group:>13.1%}"
        )
    lines += ["", "Units (share of cases within 10% of the expected grams)"]
    for row in units_table(units).itertuples(index=False):
        lines.append(f"{row.set:<5} {row.n:>5} {row.within:>7.1%}")
    full = NamesFigures.of(names[names["set"].isin(FULL_SETS)])
    units_full = float(units["within"].mean())
    lines += [
        "",
        f"targets (full set): right {full.right:.1%} >= {TARGET_RIGHT:.0%}: "
        f"{'yes' if full.right >= TARGET_RIGHT else 'NO'}; wrong food {full.wrong:.1%} <= "
        f"{TARGET_WRONG:.0%}: {'yes' if full.wrong <= TARGET_WRONG else 'NO'}; units "
        f"{units_full:.1%} >= {TARGET_UNITS:.0%}: {'yes' if units_full >= TARGET_UNITS else 'NO'}",
    ]
    return "\n".join(lines)


def failures(names: pd.DataFrame, units: pd.DataFrame) -> str:
    """The dev set's failures, one per line (never a held-out set's)."""
    dev = names[(names["set"] == "dev") & (names["outcome"] != "right")]
    lines = ["Dev names not right:"]
    for row in dev.sort_values(["outcome", "style"]).itertuples(index=False):
        lines.append(
            f"{row.outcome:<9} {row.style:<10} {row.name!r} -> {row.found} "
            f"{row.description!r} ({row.method} {row.score}); expected {row.expected}"
        )
    bad = units[(units["set"] == "dev") & ~units["within"]]
    lines += ["", "Dev units not within 10%:"]
    for row in bad.itertuples(index=False):
        lines.append(
            f"{row.food_id} {row.name!r} {row.amount!r}: {row.grams:.1f} g, expected "
            f"{row.expected_g} ({row.error})"
        )
    return "\n".join(lines)


def render_calibration(matched: pd.DataFrame) -> str:
    """The dev set's right / wrong-food shares per acceptance threshold."""
    table = calibration(matched[matched["set"] == "dev"])
    lines = ["Calibration on the dev names (share right / wrong food if the threshold were t)"]
    lines += [
        f"t={row.threshold:>3} right {row.right:6.1%} wrong {row.wrong:6.1%} "
        f"unmatched {row.unmatched:6.1%}"
        for row in table.itertuples(index=False)
    ]
    return "\n".join(lines)


def main(argv: list[str] | None = None) -> int:
    """Print the figures (with ``--failures`` the dev failures, with ``--calibrate`` the
    dev set's figures per acceptance threshold)."""
    parser = argparse.ArgumentParser(description=__doc__.split("\n\n")[0])
    parser.add_argument("--data", type=Path, default=DATA, help="folder of the labelled sets")
    parser.add_argument(
        "--failures", action="store_true", help="also list the dev files' failures"
    )
    parser.add_argument(
        "--calibrate", action="store_true", help="also print the dev threshold table"
    )
    args = parser.parse_args(argv)
    names, units = evaluate(args.data)
    print(render(names, units))
    if args.calibrate:
        print()
        print(render_calibration(names))
    if args.failures:
        print()
        print(failures(names, units))
    return 0


if __name__ == "__main__":
    sys.exit(main())
