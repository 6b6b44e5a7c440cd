"""Tests of the synthetic diary generator behind ``make bench`` (tools/synth.py).

Only determinism and the promised shape are tested here; nothing depends on timing.
"""

from __future__ import annotations

import hashlib
from pathlib import Path

import pandas as pd
import pytest

from analyzer.foods.myfoods import read_my_foods_files
from tests.conftest import load_tool

REPO = Path(__file__).resolve().parents[2]


synth = load_tool("synth")


@pytest.fixture(scope="module")
def tables():  # type: ignore[no-untyped-def]
    """The real USDA descriptions and portions (repo tables, or the shared extracts)."""
    foods, portions = synth.default_table_paths(REPO)
    if not foods.is_file() or not portions.is_file():
        pytest.skip(f"no foods/portions table at {foods} / {portions}")
    return synth.load_tables(foods, portions)


@pytest.fixture(scope="module")
def diary(tables) -> pd.DataFrame:  # type: ignore[no-untyped-def]
    return synth.generate_diary(20_000, tables)


def _sha(path: Path) -> str:
    return hashlib.sha256(path.read_bytes()).hexdigest()


def test_household_units_from_first_word_of_measure() -> None:
    portions = pd.DataFrame(
        {
            "id": ["01077", "01077", "01077", "18069", "14148", "14148", "11162"],
            "measure": [
                "cup",
                "fl oz",
                "quart",
                "slice, regular",
                "can (12 fl oz)",
                "fl oz",
                "cups, chopped",
            ],
        }
    )
    # whole milk: "cup" counts, "fl oz" and "quart" are not household units of the generator;
    # bread: "slice, regular" -> slice; cola: "can (12 fl oz)" -> can; collards: "cups" is
    # not the singular "cup", so it is left out (conservative).
    assert synth.household_units(portions) == {
        "01077": ("cup",),
        "18069": ("slice",),
        "14148": ("can",),
    }


def test_name_pool_has_two_thousand_distinct_names_of_three_kinds(tables) -> None:  # type: ignore[no-untyped-def]
    pool = synth.name_pool(tables)
    assert len(pool) == synth.N_NAMES == 2_000
    assert pool["name"].is_unique
    counts = pool["kind"].value_counts()
    n_everyday = len(synth.EVERYDAY_FOODS)
    # The rest (2,000 - everyday) splits 70 % exact descriptions, 30 % lower-cased.
    n_lower = round((2_000 - n_everyday) * 0.3)
    assert counts["everyday"] == n_everyday
    assert counts["lower"] == n_lower
    assert counts["description"] == 2_000 - n_everyday - n_lower
    descriptions = dict(zip(tables.foods["id"], tables.foods["description"], strict=True))
    exact = pool[pool["kind"] == "description"]
    assert (exact["name"] == exact["food_id"].map(descriptions)).all()
    lower = pool[pool["kind"] == "lower"]
    assert (lower["name"] == lower["food_id"].map(descriptions).str.lower()).all()
    assert {"whole milk", "2% milk", "cola", "ground beef", "collard greens cooked"} <= set(
        pool["name"]
    )


def test_everyday_foods_exist_in_the_food_table(tables) -> None:  # type: ignore[no-untyped-def]
    known = set(tables.foods["id"])
    missing = [(name, fid) for name, fid in synth.EVERYDAY_FOODS if fid not in known]
    assert missing == []


def test_generate_diary_is_deterministic(tables) -> None:  # type: ignore[no-untyped-def]
    first = synth.generate_diary(3_000, tables)
    second = synth.generate_diary(3_000, tables)
    pd.testing.assert_frame_equal(first, second)
    other_seed = synth.generate_diary(3_000, tables, seed=1)
    assert not first.equals(other_seed)


def test_diary_shape(diary: pd.DataFrame, tables) -> None:  # type: ignore[no-untyped-def]
    assert list(diary.columns) == ["date", "food", "amount", "unit", "person", "meal"]
    assert len(diary) == 20_000
    # Every name appears at least once when rows >= 2,000.
    assert diary["food"].nunique() == 2_000
    # 20,000 rows over 1,000 people: each person is drawn ~20 times, so all appear.
    persons = diary["person"].astype(str)
    assert persons.nunique() == 1_000
    assert persons.min() == "P0001" and persons.max() == "P1000"
    dates = pd.to_datetime(diary["date"].astype(str), format="%Y-%m-%d")
    # 2025-11-24 (a Monday) + 363 days = 2026-11-22 (a Sunday): 52 ISO weeks.
    assert dates.min() == pd.Timestamp("2025-11-24")
    assert dates.max() == pd.Timestamp("2026-11-22")
    assert set(diary["meal"].astype(str)) == {"breakfast", "lunch", "dinner", "snack"}
    # Sorted by person, then date.
    keys = pd.DataFrame({"person": persons, "date": dates})
    assert keys.equals(keys.sort_values(["person", "date"], kind="stable"))


def test_amounts_are_positive_and_mostly_grams(diary: pd.DataFrame) -> None:
    amounts = pd.to_numeric(diary["amount"].astype(str))
    assert (amounts > 0).all()
    shares = diary["unit"].astype(str).value_counts(normalize=True)
    assert set(shares.index) <= {"g", "oz", "cup", "slice", "can", "tbsp"}
    # 15 % of rows are drawn as non-gram rows, so grams are about 85 %.
    assert 0.8 < shares["g"] < 0.9
    # Household quantities are 0.5 .. 3 portions; ounces 1 .. 8.
    household = diary["unit"].astype(str).isin(["cup", "slice", "can", "tbsp"])
    assert amounts[household].between(0.5, 3).all()
    assert amounts[diary["unit"].astype(str) == "oz"].between(1, 8).all()


def test_household_units_only_where_the_food_has_the_portion(diary: pd.DataFrame, tables) -> None:  # type: ignore[no-untyped-def]
    pool = synth.name_pool(tables).set_index("name")
    allowed = synth.household_units(tables.portions)
    rows = diary[diary["unit"].astype(str).isin(["cup", "slice", "can", "tbsp"])]
    assert len(rows) > 0
    pairs = set(zip(rows["food"].astype(str), rows["unit"].astype(str), strict=True))
    bad = [
        (name, unit)
        for name, unit in pairs
        if unit not in allowed.get(pool.loc[name, "food_id"], ())
    ]
    assert bad == []


def test_ensure_diary_writes_same_bytes_and_caches(tmp_path: Path, tables) -> None:  # type: ignore[no-untyped-def]
    first, generated = synth.ensure_diary(2_500, tmp_path / "a", tables)
    assert generated
    again, generated_again = synth.ensure_diary(2_500, tmp_path / "a", tables)
    assert again == first and not generated_again
    second, _ = synth.ensure_diary(2_500, tmp_path / "b", tables)
    assert _sha(first) == _sha(second)
    # The CSV reads back as 2,500 rows in the own diary format.
    back = pd.read_csv(first)
    assert list(back.columns) == ["date", "food", "amount", "unit", "person", "meal"]
    assert len(back) == 2_500
    # A stale cache key (older generator version) forces regeneration.
    first.with_suffix(".json").write_text('{"generator_version": 0}', encoding="utf-8")
    _, regenerated = synth.ensure_diary(2_500, tmp_path / "a", tables)
    assert regenerated
    assert _sha(first) == _sha(second)


def test_generate_diary_rejects_no_rows(tables) -> None:  # type: ignore[no-untyped-def]
    with pytest.raises(ValueError, match="n_rows must be at least 1, got 0"):
        synth.generate_diary(0, tables)


def test_the_my_foods_bench_file_is_a_valid_file(tmp_path: Path) -> None:
    # the 5,000-row file bench_my_foods times must pass the file's own checks
    bench = load_tool("bench_my_foods")
    path = tmp_path / "my_foods.csv"
    bench.write_my_foods(path)
    rows, problems = read_my_foods_files(path)
    assert problems == [] and len(rows) > 4_000
