"""tools/build_foods.py: SR28 ASCII files -> foods.csv and analyzer/data/portions.csv."""

from __future__ import annotations

import csv
import importlib.util
import sys
from pathlib import Path
from types import ModuleType

import pandas as pd
import pytest

REPO = Path(__file__).resolve().parents[2]
SHARED_DATA = REPO.parent / "shared" / "data"
SR28_DIR = SHARED_DATA / "sr28"
NEEDS_SR28 = pytest.mark.skipif(
    not (SR28_DIR / "NUT_DATA.txt").is_file(),
    reason=f"USDA SR28 files not found at {SR28_DIR} (../shared/data/sr28 beside the repo)",
)


def _load_tool() -> ModuleType:
    spec = importlib.util.spec_from_file_location("build_foods", REPO / "tools" / "build_foods.py")
    assert spec is not None and spec.loader is not None
    module = importlib.util.module_from_spec(spec)
    sys.modules["build_foods"] = module
    spec.loader.exec_module(module)
    return module


build = _load_tool()


# --- tiny inline SR28 fixture (independent of the real files) -------------------------------
def _write_sr28(folder: Path, nut_rows: list[str] | None = None) -> Path:
    """Write a two-food SR28 folder in the USDA layout (^, ~, Latin-1, CRLF)."""
    folder.mkdir(parents=True, exist_ok=True)
    food_des = [
        "~01077~^~0100~^~Milk, whole, 3.25% milkfat, with added vitamin D~^~MILK,WHL~^"
        "~whole milk~^^~Y~^^0^^6.38^4.27^8.79^3.87",
        "~11162~^~1100~^~Collards, cooked, boiled, drained, without salt~^~COLLARDS,CKD~^"
        "^^~Y~^^0^^6.25^2.44^8.37^2.78",
        "~14148~^~1400~^~Beverages, carbonated, cola, regular~^~COLA~^~Crème soda~^^^^0^^^^^",
    ]
    groups = [
        "~0100~^~Dairy and Egg Products~",
        "~1100~^~Vegetables and Vegetable Products~",
        "~1400~^~Beverages~",
    ]
    if nut_rows is None:
        nut_rows = [
            "~01077~^~301~^113^1^^~1~^^^^^^^^^^^11/1976^",
            "~01077~^~305~^84^1^^~1~^^^^^^^^^^^11/1976^",
            "~01077~^~203~^3.15^1^^~1~^^^^^^^^^^^11/1976^",
            "~01077~^~208~^61^0^^~4~^~NC~^^^^^^^^^^11/1976^",
            "~01077~^~999~^5^0^^~4~^~NC~^^^^^^^^^^11/1976^",
            "~11162~^~301~^141^1^^~1~^^^^^^^^^^^11/1976^",
            "~11162~^~203~^3.02^1^^~1~^^^^^^^^^^^11/1976^",
            "~11162~^~208~^33^0^^~4~^~NC~^^^^^^^^^^11/1976^",
            "~14148~^~208~^42.0^0^^~4~^~NC~^^^^^^^^^^11/1976^",
            "~14148~^~203~^0.00^0^^~4~^~NC~^^^^^^^^^^11/1976^",
        ]
    weights = [
        "~11162~^1^1^~cup, chopped~^190^^",
        "~01077~^2^1^~fl oz~^30.5^^",
        "~01077~^1^1^~cup~^244^^",
        "~14148~^10^1^~can or bottle (12 fl oz)~^370^^",
        "~14148~^2^1^~fl oz~^30.7^^",
    ]
    for name, rows in {
        "FOOD_DES.txt": food_des,
        "FD_GROUP.txt": groups,
        "NUT_DATA.txt": nut_rows,
        "WEIGHT.txt": weights,
    }.items():
        (folder / name).write_bytes("".join(r + "\r\n" for r in rows).encode("latin-1"))
    return folder


@pytest.fixture()
def tiny_sr28(tmp_path: Path) -> Path:
    return _write_sr28(tmp_path / "sr28")


def test_tiny_build_pivots_literal_text_and_keeps_blanks(tiny_sr28: Path) -> None:
    foods = build.build_foods(tiny_sr28)
    assert list(foods.columns) == build.FOODS_COLUMNS
    assert foods["id"].tolist() == ["01077", "11162", "14148"]
    milk = foods.iloc[0]
    assert (milk["calcium_mg"], milk["phosphorus_mg"], milk["protein_g"]) == ("113", "84", "3.15")
    # no NUT_DATA row for 301/305 etc. -> blank, never "0"
    cola = foods.iloc[2]
    assert cola["calcium_mg"] == "" and cola["caffeine_mg"] == ""
    assert cola["energy_kcal"] == "42.0"  # literal text, not re-formatted to 42
    assert cola["protein_g"] == "0.00"  # a reported zero stays a zero
    assert cola["common_names"] == "Crème soda"  # Latin-1 decoded
    assert foods["category"].tolist() == ["dairy", "greens", "soda"]
    assert foods["food_group"].tolist() == [
        "Dairy and Egg Products",
        "Vegetables and Vegetable Products",
        "Beverages",
    ]


def test_tiny_portions_sorted_by_id_then_numeric_seq(tiny_sr28: Path) -> None:
    portions = build.build_portions(tiny_sr28)
    assert portions.values.tolist() == [
        ["01077", "1", "1", "cup", "244"],
        ["01077", "2", "1", "fl oz", "30.5"],
        ["11162", "1", "1", "cup, chopped", "190"],
        ["14148", "2", "1", "fl oz", "30.7"],
        ["14148", "10", "1", "can or bottle (12 fl oz)", "370"],
    ]


def test_tiny_written_csv_quotes_and_line_ends(tiny_sr28: Path, tmp_path: Path) -> None:
    assert build.main([str(tiny_sr28), "--out-dir", str(tmp_path / "out")]) == 0
    raw = (tmp_path / "out" / "foods.csv").read_bytes()
    assert b"\r" not in raw
    lines = raw.decode("utf-8").splitlines()
    assert lines[0] == ",".join(build.FOODS_COLUMNS)
    assert lines[3] == (
        '14148,"Beverages, carbonated, cola, regular",Beverages,soda,42.0,0.00,,,,,,,Crème soda'
    )
    portions = (tmp_path / "out" / "analyzer" / "data" / "portions.csv").read_text("utf-8")
    assert "14148,10,1,can or bottle (12 fl oz),370" in portions.splitlines()


def test_duplicate_nutrient_rows_are_an_error(tmp_path: Path) -> None:
    rows = ["~01077~^~301~^113^1^^~1~^^^^^^^^^^^^"] * 2
    folder = _write_sr28(tmp_path / "dup", nut_rows=rows)
    with pytest.raises(build.BuildError, match="duplicate"):
        build.build_foods(folder)


def test_wrong_field_count_names_file_and_line(tmp_path: Path) -> None:
    folder = _write_sr28(tmp_path / "bad", nut_rows=["~01077~^~301~^113"])
    with pytest.raises(
        build.BuildError, match=r"NUT_DATA.txt line 1: expected 18 fields, found 3"
    ):
        build.build_foods(folder)


def test_missing_folder_exits_1_with_message(
    tmp_path: Path, capsys: pytest.CaptureFixture[str]
) -> None:
    assert build.main([str(tmp_path / "nowhere")]) == 1
    err = capsys.readouterr().err
    assert "missing SR28 file(s) FOOD_DES.txt, FD_GROUP.txt, NUT_DATA.txt, WEIGHT.txt" in err


# --- the real SR28 files ---------------------------------------------------------------------
@pytest.fixture(scope="module")
def built(tmp_path_factory: pytest.TempPathFactory) -> Path:
    out = tmp_path_factory.mktemp("build1")
    assert build.main([str(SR28_DIR), "--out-dir", str(out)]) == 0
    return out


def _read_text_table(path: Path) -> pd.DataFrame:
    return pd.read_csv(path, dtype=str, keep_default_na=False)


@NEEDS_SR28
def test_real_build_matches_reference_pivot_exactly(built: Path) -> None:
    foods = _read_text_table(built / "foods.csv")
    reference = _read_text_table(SHARED_DATA / "usda_foods.csv")
    reference = reference[reference["source"] == "sr28"].reset_index(drop=True)
    # input check: the reference holds all 8,789 SR28 foods
    assert len(reference) == 8789
    assert len(foods) == 8789
    assert foods["id"].is_unique and foods["id"].is_monotonic_increasing
    columns = ["id", "description", "food_group", *build.NUTRIENT_COLUMNS.values()]
    pd.testing.assert_frame_equal(foods[columns], reference[columns])


@NEEDS_SR28
def test_real_build_portions_match_reference(built: Path) -> None:
    portions = _read_text_table(built / "analyzer" / "data" / "portions.csv")
    reference = _read_text_table(SHARED_DATA / "usda_portions.csv")
    reference = reference[reference["source"] == "sr28"].reset_index(drop=True)
    assert len(portions) == 15438
    pd.testing.assert_frame_equal(portions, reference[build.PORTIONS_COLUMNS])


@NEEDS_SR28
def test_real_spot_values_and_blanks(built: Path) -> None:
    foods = _read_text_table(built / "foods.csv").set_index("id")
    milk = foods.loc["01077"]
    assert (milk["calcium_mg"], milk["phosphorus_mg"]) == ("113", "84")  # SR28 whole milk
    assert (milk["magnesium_mg"], milk["potassium_mg"], milk["sodium_mg"]) == ("10", "132", "43")
    assert foods.loc["11162", "calcium_mg"] == "141"  # collards, cooked
    assert foods.loc["14209", "caffeine_mg"] == "40"  # coffee, brewed
    assert (foods.loc["14148", "phosphorus_mg"], foods.loc["14148", "caffeine_mg"]) == ("9", "9")
    # blank counts from ../shared/data/README.md "Coverage / gaps"
    blanks = (foods == "").sum()
    assert blanks["energy_kcal"] == 0
    assert blanks["calcium_mg"] == 348
    assert blanks["phosphorus_mg"] == 579
    assert blanks["magnesium_mg"] == 739
    assert blanks["potassium_mg"] == 426
    assert blanks["sodium_mg"] == 83
    assert blanks["caffeine_mg"] == 3393


@NEEDS_SR28
def test_real_build_is_deterministic_and_committed_files_are_fresh(
    built: Path, tmp_path: Path
) -> None:
    assert build.main([str(SR28_DIR), "--out-dir", str(tmp_path)]) == 0
    for name in ("foods.csv", "analyzer/data/portions.csv"):
        first = (built / name).read_bytes()
        assert first == (tmp_path / name).read_bytes(), f"{name} differs between two builds"
        assert first == (REPO / name).read_bytes(), (
            f"committed {name} is stale; rebuild with "
            "python tools/build_foods.py ../shared/data/sr28 --out-dir ."
        )


def test_committed_foods_csv_shape() -> None:
    with (REPO / "foods.csv").open(encoding="utf-8", newline="") as handle:
        rows = list(csv.reader(handle))
    assert rows[0] == build.FOODS_COLUMNS
    assert len(rows) == 8789 + 1
    categories = {row[3] for row in rows[1:]}
    assert categories == {"red_meat", "dairy", "soda", "coffee", "tea", "greens", "other"}
    assert all(len(row[0]) == 5 and row[0].isdigit() for row in rows[1:])
