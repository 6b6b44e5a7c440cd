"""``analyzer entries``: the view of how every diary row was understood (CliRunner, exact text).

Real data: foods.csv, aliases and USDA portions. Grams hand-computed from SR28 WEIGHT.txt:
- whole milk (01077) 1 cup = 244 g -> Ca 244 * 113/100 = 275.72 mg, P 244 * 84/100 = 204.96 mg
"""

from __future__ import annotations

import json
from pathlib import Path

from click.testing import CliRunner

from analyzer.cli import DIARY_FORMATS, cli
from analyzer.diary import FORMATS

DATA = Path(__file__).parents[1] / "data" / "diaries"

MIXED = """date,food,amount,unit
2026-11-16,whole milk,1,cup
2026-11-16,"=HYPERLINK(""http://evil"")",1,cup
2026-13-01,whole milk,1,cup
2026-11-16,whole milk,-2,cup

,,,
2026-11-16,whole milk,,cup
"""


def _mixed(tmp_path: Path) -> str:
    path = tmp_path / "mixed.csv"
    path.write_text(MIXED)
    return str(path)


def test_stderr_lists_unusable_rows_then_summary(tmp_path: Path) -> None:
    path = _mixed(tmp_path)
    result = CliRunner().invoke(cli, ["entries", path, "--format", "json"])
    assert result.exit_code == 0
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"{path} line 3: unknown food '=HYPERLINK(\"http://evil\")'")
    assert lines[1:] == [
        f"{path} line 4: impossible date '2026-13-01'",
        f"{path} line 5: bad amount '-2' for 'whole milk': negative amount; amounts must be "
        "zero or more",
        f"{path} line 7: empty row (every cell blank)",
        f"{path} line 8: missing amount for 'whole milk'",
        "6 rows: 1 used, 5 not used",
    ]
    rows = json.loads(result.stdout)
    assert [r["line"] for r in rows] == [2, 3, 4, 5, 7, 8]  # line 6 is blank: not a row
    assert [r["status"] for r in rows] == [
        "ok",
        "unknown_food",
        "bad_date",
        "bad_amount",
        "empty",
        "missing_amount",
    ]
    first = rows[0]
    assert (first["food_id"], first["grams"], first["date"]) == ("01077", 244.0, "2026-11-16")
    assert abs(first["calcium_mg"] - 275.72) < 1e-9
    assert abs(first["phosphorus_mg"] - 204.96) < 1e-9
    assert rows[1]["grams"] is None  # unknown, never 0


def test_csv_output_neutralizes_formulas(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["entries", _mixed(tmp_path), "--format", "csv"])
    assert result.exit_code == 0
    out = result.stdout.splitlines()
    assert out[0] == (
        "line,date,food,status,reason,food_id,description,match_method,match_confidence,"
        "quantity,unit,grams,calcium_mg,phosphorus_mg,magnesium_mg,potassium_mg,sodium_mg,"
        "caffeine_mg"
    )
    assert out[2].startswith('3,2026-11-16,"\'=HYPERLINK(""http://evil"")",unknown_food,')
    # A rejected row still shows what was understood (food matched, amount), never grams.
    assert out[3] == (
        "4,,whole milk,bad_date,impossible date '2026-13-01',01077,"
        '"Milk, whole, 3.25% milkfat, with added vitamin D",,,1.0,cup,,,,,,,'
    )


def test_strict_fails_with_every_row(tmp_path: Path) -> None:
    path = _mixed(tmp_path)
    result = CliRunner().invoke(cli, ["entries", path, "--strict"])
    assert result.exit_code == 1
    assert result.stdout == ""
    lines = result.stderr.splitlines()
    assert lines[0].startswith(f"Error: {path} line 3: unknown food")
    assert lines[1:] == [
        f"{path} line 4: impossible date '2026-13-01'",
        f"{path} line 5: bad amount '-2' for 'whole milk': negative amount; amounts must be "
        "zero or more",
        f"{path} line 7: empty row (every cell blank)",
        f"{path} line 8: missing amount for 'whole milk'",
        "5 rows not usable (--strict)",
    ]


def test_everyday_table(tmp_path: Path) -> None:
    result = CliRunner().invoke(cli, ["entries", str(DATA / "own_everyday.csv")])
    assert result.exit_code == 0
    assert result.stderr == "5 rows: 5 used, 0 not used\n"
    lines = result.stdout.splitlines()
    assert len(lines) == 6
    # grams: 0.5 cup * 244 = 122; can 370; 2 slices * 29 = 58; medium potato 173; 250 ml milk
    # = 250 * 244 g / 236.588 ml = 257.8 g
    grams = [line.split()[-7] for line in lines[1:]]
    assert grams == ["122.0", "370.0", "58.0", "173.0", "257.8"]


def test_mfp_notes_on_stderr() -> None:
    path = str(DATA / "mfp_summary.csv")
    result = CliRunner().invoke(cli, ["entries", path, "--mfp-calcium-dv", "1300"])
    assert result.exit_code == 0
    assert result.stderr == (
        "Note: MyFitnessPal has no phosphorus or magnesium: a Ca:P ratio cannot be computed "
        "from this file\n"
        "Note: MyFitnessPal calcium converted from % Daily Value with DV = 1300 mg: "
        "approximate\n"
        "4 rows: 4 used, 0 not used\n"
    )


def test_dayfirst_option() -> None:
    path = str(DATA / "own_semicolon.csv")
    result = CliRunner().invoke(cli, ["entries", path, "--dayfirst", "--format", "json"])
    assert result.exit_code == 0
    assert result.stderr == "3 rows: 3 used, 0 not used\n"
    dates = [row["date"] for row in json.loads(result.stdout)]
    assert dates == ["2026-11-16", "2026-11-17", "2026-11-05"]


def test_unreadable_file_is_one_message(tmp_path: Path) -> None:
    missing = tmp_path / "nope.csv"
    result = CliRunner().invoke(cli, ["entries", str(missing)])
    assert result.exit_code == 1
    assert result.stderr == f"Error: {missing}: file not found. Check the path\n"
    binary = tmp_path / "photo.csv"
    binary.write_bytes(b"\x89PNG\r\n\x1a\n\x00\x00")
    result = CliRunner().invoke(cli, ["entries", str(binary)])
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {binary}: looks like a binary file, not a CSV diary. Export the diary as CSV\n"
    )


def test_help_has_example_and_options() -> None:
    result = CliRunner().invoke(cli, ["entries", "--help"])
    assert result.exit_code == 0
    for text in (
        "Example: analyzer entries",
        "--input-format",
        "--dayfirst",
        "--rematch",
        "--strict",
        "--mfp-calcium-dv",
    ):
        assert text in result.output


def test_cli_formats_match_library() -> None:
    assert set(DIARY_FORMATS) == set(FORMATS)
