"""The labelled sets measured by ``tools/evaluate_matching.py`` (``make evaluate``).

The full set (dev + test) is matched and converted as diary rows are; the issue's targets
are >= 90% of names right, <= 2% wrong food, and >= 95% of amounts within 10% of the grams
computed by hand. Only aggregate figures of the test half are used here.
"""

from __future__ import annotations

import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]


def _load() -> ModuleType:
    spec = importlib.util.spec_from_file_location(
        "evaluate_matching", REPO / "tools" / "evaluate_matching.py"
    )
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules.setdefault("evaluate_matching", module)
    spec.loader.exec_module(module)
    return module


evaluation = _load()


@pytest.fixture(scope="module")
def results() -> tuple[pd.DataFrame, pd.DataFrame]:
    return evaluation.evaluate()  # type: ignore[no-any-return]


def test_the_sets_are_as_described(results: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    names, units = results
    sizes = names["set"].value_counts()
    assert (sizes["dev"], sizes["test"]) == (818, 819)  # the full set: 1,637 names
    assert sizes["fresh"] >= 150
    assert set(names["style"]) == set(evaluation.STYLES)
    fresh = names[names["set"] == "fresh"]
    assert set(fresh["style"]) == set(evaluation.STYLES)
    assert (fresh["source"].str.strip() != "").all()
    assert len(units) == 240
    assert names["outcome"].isin(evaluation.OUTCOMES).all()


def test_the_full_set_is_dev_and_test(results: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    table = evaluation.names_table(results[0])
    full = table[(table["set"] == "full") & (table["style"] == "all")]
    assert full["n"].tolist() == [1637]


def test_units_target_on_the_full_set(results: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    _, units = results
    assert units["within"].mean() >= evaluation.TARGET_UNITS


@pytest.mark.xfail(
    strict=True,
    reason="issue 10's name targets are not met: 82.9% right, 2.8% wrong food on the full "
    "set (dev 87.8% / 1.6%, held-out test 78.0% / 4.0%, fresh 79.7% / 2.9%; README, 'How "
    "well names are matched')",
)
def test_name_targets_on_the_full_set(results: tuple[pd.DataFrame, pd.DataFrame]) -> None:
    names = results[0]
    figures = evaluation.NamesFigures.of(names[names["set"].isin(evaluation.FULL_SETS)])
    assert figures.right >= evaluation.TARGET_RIGHT
    assert figures.wrong <= evaluation.TARGET_WRONG


def test_names_do_not_fall_below_the_measured_figures(
    results: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    # the figures measured when the matcher was last calibrated (README): a change that
    # loses right names or adds wrong foods fails here. Full set 1,357 of 1,637 right
    # (82.9%), 46 wrong foods (2.8%); dev 718 / 13 of 818; held-out test 639 / 33 of 819;
    # held-out fresh set 137 / 5 of 172.
    names = results[0]
    figures = evaluation.NamesFigures.of(names[names["set"].isin(evaluation.FULL_SETS)])
    assert figures.right >= 1357 / 1637
    assert figures.wrong <= 46 / 1637
    dev = evaluation.NamesFigures.of(names[names["set"] == "dev"])
    test = evaluation.NamesFigures.of(names[names["set"] == "test"])
    fresh = evaluation.NamesFigures.of(names[names["set"] == "fresh"])
    assert dev.right >= 718 / 818 and dev.wrong <= 13 / 818
    assert test.right >= 639 / 819 and test.wrong <= 33 / 819
    assert fresh.right >= 137 / 172 and fresh.wrong <= 5 / 172


def test_classify_by_category_and_calcium() -> None:
    foods = pd.DataFrame(
        {
            "category": ["dairy", "dairy", "dairy", "other"],
            "food_group": ["Dairy", "Dairy", "Dairy", "Sweets"],
            "calcium_mg": [890.0, 493.0, 100.0, 5.0],
        },
        index=pd.Index(["01040", "01019", "01012", "19120"], name="id"),
    )
    swiss = ["01040"]
    assert evaluation.classify("01040", swiss, foods, "category") == "right"
    assert evaluation.classify(None, swiss, foods, "category") == "unmatched"
    assert evaluation.classify(None, [], foods, "category") == "right"  # a "none" row
    assert evaluation.classify("01040", [], foods, "category") == "wrong"
    assert evaluation.classify("19120", swiss, foods, "category") == "wrong"  # other category
    assert evaluation.classify("01019", swiss, foods, "category") == "near"  # 890 / 493 < 2
    assert evaluation.classify("01012", swiss, foods, "category") == "wrong"  # 890 / 100 > 2


def test_calibration_table_is_monotone_in_unmatched(
    results: tuple[pd.DataFrame, pd.DataFrame],
) -> None:
    table = evaluation.calibration(results[0][results[0]["set"] == "dev"])
    assert table["unmatched"].is_monotonic_increasing
    shares = table[["right", "wrong", "unmatched"]].sum(axis=1)
    assert (shares <= 1.0 + 1e-9).all()
