"""analyzer.foods.table: loading foods.csv and aliases.csv, lookups, the bundled data."""

from __future__ import annotations

from pathlib import Path

import pandas as pd
import pytest

from analyzer.errors import DataFileError, UnknownFoodError
from analyzer.foods.names import normalize_name
from analyzer.foods.table import (
    ALIAS_COLUMNS,
    FOOD_COLUMNS,
    bundled_path,
    find_food,
    food_by_id,
    load_aliases,
    load_foods,
    lookup_food,
)

# --- loading -------------------------------------------------------------------------------


def _write_foods(path: Path, columns: list[str]) -> Path:
    values = {
        "id": "01077",
        "description": "Milk whole",
        "food_group": "Dairy and Egg Products",
        "category": "dairy",
        "energy_kcal": "61",
        "protein_g": "3.15",
        "calcium_mg": "113",
        "phosphorus_mg": "84",
        "magnesium_mg": "10",
        "potassium_mg": "132",
        "sodium_mg": "43",
        "caffeine_mg": "",
    }
    path.write_text(
        ",".join(columns) + "\n" + ",".join(values[c] for c in columns) + "\n", encoding="utf-8"
    )
    return path


def test_load_foods_pins_dtypes_and_keeps_blank_unknown(tmp_path: Path) -> None:
    frame = load_foods(_write_foods(tmp_path / "foods.csv", FOOD_COLUMNS))
    assert frame.loc[0, "id"] == "01077"  # leading zero kept
    assert pd.api.types.is_string_dtype(frame["id"])
    assert frame.loc[0, "calcium_mg"] == 113.0
    assert frame["caffeine_mg"].isna().iloc[0]  # blank = unknown, not 0


def test_load_foods_names_missing_columns(tmp_path: Path) -> None:
    columns = [c for c in FOOD_COLUMNS if c not in ("calcium_mg", "phosphorus_mg")]
    path = _write_foods(tmp_path / "foods.csv", columns)
    with pytest.raises(DataFileError) as error:
        load_foods(path)
    assert str(error.value) == (
        f"{path.resolve()}: nutrient table lacks columns calcium_mg, phosphorus_mg; "
        f"expected columns {', '.join(FOOD_COLUMNS)}"
    )


def test_load_foods_missing_file(tmp_path: Path) -> None:
    with pytest.raises(DataFileError, match="nutrient table not found"):
        load_foods(tmp_path / "nope.csv")


def test_load_aliases_columns(tmp_path: Path) -> None:
    path = tmp_path / "aliases.csv"
    path.write_text("alias,id\ncoke,14148\n", encoding="utf-8")
    with pytest.raises(DataFileError, match="lacks column note"):
        load_aliases(path)


def test_bundled_paths_exist() -> None:
    assert bundled_path("foods.csv").exists()
    assert bundled_path("aliases.csv").exists()


def test_load_foods_is_cached_and_safe_to_modify() -> None:
    first = load_foods()
    first["calcium_mg"] = 0.0
    assert load_foods()["calcium_mg"].max() > 0


def test_food_by_id_unknown_raises_with_suggestions() -> None:
    with pytest.raises(UnknownFoodError) as error:
        food_by_id("whole milk")
    assert error.value.suggestions[0] == "Milk, whole, 3.25% milkfat, with added vitamin D"


# --- real data: foods.csv and aliases.csv --------------------------------------------------


@pytest.fixture(scope="module")
def foods() -> pd.DataFrame:
    table = load_foods()
    # check the input first: all of SR28, whole milk 01077 has 113 mg Ca, 84 mg P per 100 g
    assert len(table) == 8789
    milk = table.set_index("id").loc["01077"]
    assert (milk["calcium_mg"], milk["phosphorus_mg"]) == (113.0, 84.0)
    return table


def test_load_foods_columns(foods: pd.DataFrame) -> None:
    assert foods.columns[: len(FOOD_COLUMNS)].tolist() == FOOD_COLUMNS
    assert foods["id"].str.fullmatch(r"\d{5}").all()


def test_every_alias_resolves_to_an_existing_food(foods: pd.DataFrame) -> None:
    aliases = load_aliases()
    assert aliases.columns.tolist() == ALIAS_COLUMNS
    assert len(aliases) >= 300
    missing = sorted(set(aliases["id"]) - set(foods["id"]))
    assert missing == []
    assert aliases["alias"].is_unique
    assert aliases["note"].notna().all()


def test_aliases_do_not_conflict_after_normalising() -> None:
    aliases = load_aliases()
    keys = aliases.assign(key=aliases["alias"].map(normalize_name))
    ids_per_key = keys.groupby("key")["id"].nunique()
    assert ids_per_key[ids_per_key > 1].index.tolist() == []


@pytest.mark.parametrize(
    ("alias", "words"),
    [
        ("coffee", ["coffee", "brewed"]),
        ("2% milk", ["Milk", "2% milkfat", "fluid"]),
        ("cola", ["carbonated", "cola"]),
        ("bok choy", ["pak-choi"]),
        ("hard boiled egg", ["Egg", "hard-boiled"]),
        ("ground beef", ["Beef, ground"]),
        ("collard greens", ["Collards"]),
        ("tofu", ["Tofu"]),
        ("garbanzo", ["Chickpeas"]),
        ("diet coke", ["cola", "low calorie"]),
    ],
)
def test_alias_spot_checks(foods: pd.DataFrame, alias: str, words: list[str]) -> None:
    aliases = load_aliases().set_index("alias")
    description = foods.set_index("id").loc[aliases.loc[alias, "id"], "description"]
    assert all(w in description for w in words), description


def test_required_searches() -> None:
    # issue 2 acceptance
    assert find_food("collard greens cooked")["id"].iloc[0] == "11162"
    assert find_food("cheddar cheese")["id"].iloc[0] == "01009"
    assert find_food("2% milk")["id"].iloc[0] == "01079"
    assert find_food("whole milk")["id"].iloc[0] == "01077"
    assert find_food("coffee")["id"].iloc[0] == "14209"
    assert find_food("bok choy")["id"].iloc[0] == "11116"
    assert find_food("bok choy, cooked")["id"].iloc[0] == "11117"
    cola = find_food("cola", limit=10)
    assert cola["id"].iloc[0] == "14148"
    assert not cola["description"].str.contains("chocolate|cocoa", case=False).any()


def test_find_food_columns_and_methods() -> None:
    found = find_food("cheddar cheese", limit=3)
    assert found.columns.tolist() == ["id", "description", "category", "score", "method"]
    assert found["method"].tolist() == ["alias", "fuzzy", "fuzzy"]
    assert found["score"].is_monotonic_decreasing
    assert found["score"].between(0, 100).all()


def test_lookup_food_by_id_description_or_alias() -> None:
    assert lookup_food("1077")["id"] == "01077"
    assert lookup_food("cheese, cheddar")["id"] == "01009"
    assert lookup_food("bok choy")["id"] == "11116"


def test_lookup_food_inexact_name_suggests_ids() -> None:
    with pytest.raises(UnknownFoodError) as caught:
        lookup_food("collard greens cooked")
    assert caught.value.suggestions[0] == "11162 Collards, cooked, boiled, drained, without salt"
