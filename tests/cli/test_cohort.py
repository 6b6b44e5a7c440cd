"""``analyzer cohort`` through CliRunner: known answers, formats, the chart, and errors.

The cohort file names whole milk by its NDB number (01077; Ca 113 mg per 100 g, SR28) with
grams, so each person's calcium is ``grams x 1.13``:

- p1, p2 (F 40): 707 g -> 798.91 mg, below the EAR of 800 (IOM 2011, women 31-50 y);
- p3, p4 (F 40): 709 g -> 801.17 mg, above it.

Half the women are below their EAR: share_below = 0.5.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

from click.testing import CliRunner, Result

from analyzer.cli import cli

DATA = Path(__file__).parents[1] / "data" / "research"


def run(*args: str) -> Result:
    """The cohort command; its one-food test days are far below any energy need, so the
    low-energy check is off (``--min-energy 0``) where a test writes such a cohort."""
    return CliRunner().invoke(cli, list(args))


def write_cohort(folder: Path) -> tuple[str, str]:
    diary = folder / "cohort.csv"
    rows = ["date,food,amount,unit,person"]
    for person, grams in (("p1", 707), ("p2", 707), ("p3", 709), ("p4", 709)):
        rows.append(f"2026-11-16,01077,{grams},g,{person}")
    diary.write_text("\n".join(rows) + "\n", encoding="utf-8")
    profiles = folder / "profiles.csv"
    profiles.write_text(
        "person,sex,age\np1,female,40\np2,female,40\np3,female,40\np4,female,40\n",
        encoding="utf-8",
    )
    return str(diary), str(profiles)


def test_json_gives_the_known_answer(tmp_path: Path) -> None:
    diary, profiles = write_cohort(tmp_path)
    result = run("cohort", diary, "--profiles", profiles, "--format", "json", "--min-energy", "0")
    assert result.exit_code == 0, result.output
    report = json.loads(result.stdout)
    assert (report["persons"], report["person_days"], report["groups"]) == (
        4, 4, ["all persons", "female 31-50 y"],
    )  # fmt: skip
    calcium = next(
        r
        for r in report["rows"]
        if r["group"] == "female 31-50 y" and r["nutrient"] == "calcium_mg"
    )
    assert (calcium["lower_kind"], calcium["lower"], calcium["share_below"]) == ("EAR", 800.0, 0.5)
    # mean of 798.91, 798.91, 801.17, 801.17 = 800.04 mg
    assert round(calcium["distribution"]["mean"], 2) == 800.04
    assert any("NCI method" in note for note in report["notes"])


def test_csv_has_one_row_per_group_and_nutrient_and_notes_on_stderr(tmp_path: Path) -> None:
    diary, profiles = write_cohort(tmp_path)
    result = run("cohort", diary, "--profiles", profiles, "--format", "csv", "--min-energy", "0")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert len(rows) == 2 * 8
    assert rows[0]["group"] == "all persons" and rows[0]["nutrient"] == "calcium_mg"
    assert rows[0]["share_below"] == "0.5"
    assert "Note: Usual intake: one or two days per person" in result.stderr


def test_table_shows_the_caveat_with_the_numbers() -> None:
    result = run("cohort", str(DATA / "asa24_items.csv"), "--min-energy", "0")
    assert result.exit_code == 0, result.output
    out = result.stdout
    assert out.startswith("Cohort: 3 persons, 4 person-days (days per person: median 1)\n")
    assert "calcium [mg/day]" in out and "EAR 800" in out
    assert "Notes:\n- 3 persons, 4 person-days" in out
    assert "NCI method (Tooze et al. 2006" in out
    assert "measured against one profile, female, 35 y (the default profile" in out
    # the reader's accounting comes first, on stderr
    assert "24 rows: 23 used, 1 not used" in result.stderr


def test_chart_is_written(tmp_path: Path) -> None:
    out = tmp_path / "cohort.png"
    result = run(
        "cohort",
        str(DATA / "dr1iff.xpt"),
        "--chart",
        str(out),
        "--format",
        "csv",
        "--min-energy",
        "0",
    )
    assert result.exit_code == 0, result.output
    assert out.read_bytes()[:8] == b"\x89PNG\r\n\x1a\n"
    assert f"chart written to {out}" in result.stderr


def test_bad_chart_extension_fails_before_reading(tmp_path: Path) -> None:
    result = run("cohort", str(tmp_path / "missing.csv"), "--chart", str(tmp_path / "c.gif"))
    assert result.exit_code == 1
    assert "cannot write a chart as .gif" in result.output
