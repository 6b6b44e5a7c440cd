"""The ``daily`` and ``weekly`` commands through CliRunner, on tests/data/balance/week.csv.

The diary names USDA foods by NDB number with amounts in grams, so the totals are the
hand-computed ones of tests/test_balance.py (Monday for ann: milk 244 g, coffee 237 g, beef
85 g, cola 370 g, spinach 180 g: Ca 547.66, P 548.47, Mg 209.36, K 1641.46, Na 322.41 mg,
protein 36.8869 g, caffeine 128.1 mg, PRAL -8.6656 mEq, diuretic load 41.3617 mg,
absorbable Ca 113.2602 mg). ann's Tuesday: coffee 711 g: Ca 2*7.11 = 14.22, P 3*7.11 = 21.33,
caffeine 40*7.11 = 284.4 mg in one sitting. bob's Monday: milk 244 g + coffee 237 g:
Ca 275.72 + 4.74 = 280.46 mg. Line 8 ('furlongs', ann's Tuesday) is not a food: it is one of
that day's two rows, an average entry of the day, so 50 % of the day's food is unknown and
the day is incomplete (more than a quarter): shown, but not averaged into ann's week.

These days of a few foods are far below any energy need, so :func:`run` switches the
"implausibly little food" check off (``--min-energy 0``) for them.
"""

from __future__ import annotations

import csv
import io
import json
from pathlib import Path

import pytest
from click.testing import CliRunner, Result

from analyzer.cli import cli
from tests.conftest import cheddar_week_a_fifth_unused

WEEK = str(Path(__file__).parents[1] / "data" / "balance" / "week.csv")
DEFAULT_PROFILE = (
    "Profile: female, 35 y (default profile; set --sex and --age); targets (female 31-50 y): "
    "calcium 1,000 mg (RDA), phosphorus 700 mg (RDA), magnesium 320 mg (RDA), "
    "potassium 2,600 mg (AI)\n"
)
COEFFICIENTS = (
    "Note: diuretic load = estimated calcium cost of red meat, dairy, soda and coffee: 5 mg Ca "
    "per 100 mg caffeine (a calcium-balance cost on the absorption side, not urinary calcium; "
    "Barger-Lux & Heaney 1995, C), 1 mg urinary Ca per g protein (FAO/WHO 2004, S; Kerstetter "
    "& Allen 1990: 1.2 mg/g, V), 40 mg urinary Ca per 2,300 mg sodium (Nordin et al. 1993, V)\n"
)
INCOMPLETE = (
    "Note: 1 day is incomplete (see complete and incomplete_reason with --all): shown, but "
    "left out of the weekly averages and their flags\n"
)
#: ann's Tuesday: half its food unknown, no Ca:P in the report, none in the default table
WITHHELD = (
    "Note: 1 day's Ca:P left blank: calcium or phosphorus is unknown for more than 10% of "
    "the food, so the report shows none (the values: --all)\n"
)


def run(*args: str) -> Result:
    """The command, with the energy check off for the tiny days of ``WEEK`` (module docstring)."""
    small = ["--min-energy", "0"] if args and args[0] in ("daily", "weekly") else []
    return CliRunner().invoke(cli, [*args, *small])


def test_daily_table_exact() -> None:
    result = run("daily", WEEK)
    assert result.exit_code == 0, result.output
    assert result.stdout == (
        "person       date entries unmatched calcium_mg phosphorus_mg magnesium_mg "
        "potassium_mg sodium_mg protein_g caffeine_mg ca_p_mass_ratio ca_p_molar_ratio "
        "pral_meq diuretic_load_mg absorbable_calcium_mg\n"
        "   ann 2026-11-16       5         0      547.7         548.5        209.4       "
        "1641.5     322.4      36.9       128.1            1.00             0.77     -8.7"
        "             41.4                 113.3\n"
        "   ann 2026-11-17       1         1       14.2          21.3         21.3        "
        "348.4      14.2       0.9       284.4                                      -6.8"
        "             15.3                   4.5\n"
        "   bob 2026-11-16       2         0      280.5         212.1         31.5        "
        "438.2     109.7       8.0        94.8            1.32             1.02     -1.9"
        "             14.6                  96.1\n"
    )
    # the protein coefficient chosen (FAO/WHO, S) and the alternative (Kerstetter & Allen, V)
    # are stated with the other two
    assert result.stderr.endswith(
        "9 rows: 8 used, 1 not used\n" + DEFAULT_PROFILE + COEFFICIENTS + INCOMPLETE + WITHHELD
    )


def test_daily_csv_has_full_precision() -> None:
    result = run("daily", WEEK, "--format", "csv")
    assert result.exit_code == 0
    lines = result.stdout.splitlines()
    assert lines[0].startswith("person,date,entries,unmatched,calcium_mg,phosphorus_mg,")
    cells = dict(zip(lines[0].split(","), lines[1].split(","), strict=True))
    assert cells["date"] == "2026-11-16"
    assert float(cells["calcium_mg"]) == pytest.approx(547.66)
    assert float(cells["diuretic_load_mg"]) == pytest.approx(41.3617, abs=1e-3)
    assert float(cells["absorbable_calcium_mg"]) == pytest.approx(113.2602, abs=1e-3)


def test_weekly_json_per_day_averages() -> None:
    result = run("weekly", WEEK, "--format", "json", "--by", "person")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [(r["person"], r["week"], r["days"], r["entries"]) for r in rows] == [
        ("ann", "2026-W47", 1, 6),
        ("bob", "2026-W47", 1, 2),
    ]
    # ann: Tuesday is incomplete (half its rows unknown), so the week is Monday's: Ca 547.66,
    # caffeine 128.1 (not (547.66 + 14.22) / 2 = 280.94 as when every day counted)
    assert rows[0]["calcium_mg"] == pytest.approx(547.66)
    assert rows[0]["caffeine_mg"] == pytest.approx(128.1)
    # the rejected row ('furlongs', line 8) carries ann's person and date
    assert (rows[0]["unmatched"], rows[1]["unmatched"]) == (1, 0)


def test_all_columns_and_profile_options() -> None:
    result = run("daily", WEEK, "--all", "--format", "csv", "--sex", "male", "--age", "40")
    assert result.exit_code == 0
    header = result.stdout.splitlines()[0].split(",")
    for column in (
        "phosphorus_mg_unknown",
        "k_na_molar_ratio",
        "calcium_pct_target",
        "diuretic_load_red_meat_mg",
        "diuretic_load_caffeine_mg",
        "phosphorus_soda_share",
        "pral_red_meat_meq",
        "caffeine_max_occasion_mg",
        "absorbable_phosphorus_mg",
    ):
        assert column in header
    assert "Profile: male, 40 y; targets (male 31-50 y): calcium 1,000 mg (RDA), " in (
        result.stderr
    )
    assert "magnesium 420 mg (RDA), potassium 3,400 mg (AI)\n" in result.stderr


def test_flags_on_stderr() -> None:
    result = run("daily", WEEK, "--flags")
    assert result.exit_code == 0
    # ann's Tuesday is incomplete: a limit passed by the known foods alone still holds
    assert (
        "[info] 2026-11-17 for ann: 284 mg caffeine in one eating occasion; from about 250 mg "
        "caffeine can increase urine output short-term in people not used to it; regular "
        "drinkers develop a strong tolerance; at least that much: the day is incomplete, 50% "
        "of its food could not be used (1 row), and only the foods that could be used are "
        "counted. (Maughan RJ, Griffin J 2003, J Hum Nutr Diet 16:411; confidence V)\n"
    ) in result.stderr
    # ... while a "below target" finding on it cannot be judged
    assert (
        "[cannot_judge] 2026-11-17 for ann: cannot judge: the day is incomplete, 50% of its "
        "food could not be used (1 row). The foods that could be used give: calcium 14 mg is "
        "below the RDA of 1,000 mg (female 31-50 y)."
    ) in result.stderr


def test_bad_by_value_is_a_usage_error() -> None:
    result = run("daily", WEEK, "--by", "meal")
    assert result.exit_code == 2
    assert "Invalid value for '--by': 'meal' is not 'person'." in result.stderr


@pytest.mark.parametrize("command", ["daily", "weekly"])
def test_help_has_example(command: str) -> None:
    result = run(command, "-h")
    assert result.exit_code == 0
    assert f"Example: analyzer {command} diary.csv" in result.stdout
    assert "--by [person]" in result.stdout


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--sex", "male", "--pregnant"), "--pregnant and --lactating apply to --sex female only"),
        (("--pregnant", "--lactating"), "give --pregnant or --lactating, not both"),
        (
            ("--age", "12", "--pregnant"),
            "--pregnant and --lactating need --age from 14 to 50 (the DRI tables give "
            "pregnancy and lactation values for those ages), not 12",
        ),
    ],
)
def test_contradicting_profile_options_are_usage_errors(
    args: tuple[str, ...], message: str
) -> None:
    # options that contradict each other: a usage error (exit 2) found before the diary
    result = run("daily", WEEK, *args)
    assert result.exit_code == 2
    assert result.stdout == ""
    assert result.stderr.endswith(f"Error: {message}\n")
    assert "rows:" not in result.stderr


@pytest.mark.parametrize(
    ("args", "message"),
    [
        (("--age", "abc"), "Error: Invalid value for '--age': 'abc' is not a number\n"),
        # checked when the options are parsed (was exit 1 after reading the diary)
        (
            ("--age", "-5"),
            "Error: Invalid value for '--age': -5 is not a number >= 0 and <= 120\n",
        ),
        (
            ("--age", "nan"),
            "Error: Invalid value for '--age': nan is not a number >= 0 and <= 120\n",
        ),
        (("--sex", "other"), "Error: Invalid value for '--sex': 'other' is not one of "),
    ],
)
def test_unreadable_profile_options_are_usage_errors(args: tuple[str, ...], message: str) -> None:
    result = run("weekly", WEEK, *args)
    assert result.exit_code == 2
    assert result.stderr.startswith("Usage: cli weekly [OPTIONS] DIARY\n")
    assert message in result.stderr
    assert "Traceback" not in result.output


def test_weekly_flags_are_on_the_weeks_averages() -> None:
    # ann, 2026-W47, 1 complete day of 2 logged: Ca 547.66 < 1,000;
    # molar Ca:P 547.66 / 548.47 x 0.772705 = 0.7716, not low
    result = run("weekly", WEEK, "--flags", "--by", "person")
    assert result.exit_code == 0
    assert (
        "[warning] 2026-W47 (average of 1 complete day of 2 logged) for ann: calcium 548 mg is "
        "below the RDA of 1,000 mg (female 31-50 y). (IOM 2011, Dietary Reference Intakes for "
        "Calcium and Vitamin D; confidence V)\n"
    ) in result.stderr
    assert "2026-11-17 for ann" not in result.stderr  # the per-day flags go with `daily`


def test_daily_flags_include_efsa_single_dose() -> None:
    # ann's Tuesday: 284.4 mg caffeine in one sitting > 200 mg (EFSA 2015 single dose)
    result = run("daily", WEEK, "--flags")
    assert (
        "[info] 2026-11-17 for ann: 284 mg caffeine in one eating occasion is above the single "
        "dose of 200 mg that EFSA found raises no safety concern for adults; at least that "
        "much: the day is incomplete, 50% of its food could not be used (1 row), and only the "
        "foods that could be used are counted. (EFSA NDA 2015, Scientific opinion on the "
        "safety of caffeine, EFSA J 13(5):4102; confidence V)\n"
    ) in result.stderr
    assert "weekly_" not in result.stderr and "2026-W47" not in result.stderr


def test_mfp_meal_totals_have_unknown_load_and_ratio() -> None:
    # MyFitnessPal meal totals: no phosphorus (ratio unknown, never 0 or inf) and no food,
    # so the group and the diuretic load are unknown, not 0.
    mfp = str(Path(__file__).parents[1] / "data" / "diaries" / "mfp_summary.csv")
    result = run("daily", mfp, "--format", "json")
    assert result.exit_code == 0
    rows = json.loads(result.stdout)
    assert [r["date"][:10] for r in rows] == ["2026-11-16", "2026-11-17"]
    for row in rows:
        assert row["phosphorus_mg"] is None
        assert row["ca_p_mass_ratio"] is None and row["ca_p_molar_ratio"] is None
        assert row["diuretic_load_mg"] is None
    assert (
        "Note: 4 entries with unknown diuretic load (not counted in its totals; see "
        "diuretic_load_mg_unknown with --all)\n"
    ) in result.stderr


def test_all_columns_carry_units_or_are_counts_ratios_or_shares() -> None:
    result = run("daily", WEEK, "--all", "--format", "csv")
    header = result.stdout.splitlines()[0].split(",")
    units = ("_mg", "_g", "_kcal", "_meq", "_ratio", "_pct_target", "_share", "_unknown")
    # and the day's completeness: its basis of coverage, the app's own mark, the verdict
    keys = {"person", "date", "entries", "unmatched", "coverage_basis", "app_completed"}
    keys |= {"complete", "incomplete_reason"}
    assert [c for c in header if c not in keys and not c.endswith(units)] == []


# --- per-person profiles (--profiles) ----------------------------------------------------------

PROFILES = str(
    Path(__file__).parents[1] / "data" / "balance" / "profiles.csv"
)  # ann F 60, bob m 40
BAD_PROFILES = str(Path(__file__).parents[1] / "data" / "balance" / "bad_profiles.csv")


def test_daily_with_profiles_exact() -> None:
    result = run("daily", WEEK, "--by", "person", "--profiles", PROFILES)
    assert result.exit_code == 0, result.output
    # ann (female 60, Ca RDA 1,200): 547.66 / 1,200 = 45.6 %; 14.22 / 1,200 = 1.2 %
    # bob (male 40, Ca RDA 1,000): 280.46 / 1,000 = 28.0 %
    assert result.stdout == (
        "person       date entries unmatched calcium_mg phosphorus_mg magnesium_mg "
        "potassium_mg sodium_mg protein_g caffeine_mg ca_p_mass_ratio ca_p_molar_ratio "
        "pral_meq diuretic_load_mg absorbable_calcium_mg calcium_target_mg calcium_pct_target\n"
        "   ann 2026-11-16       5         0      547.7         548.5        209.4       "
        "1641.5     322.4      36.9       128.1            1.00             0.77     -8.7"
        "             41.4                 113.3            1200.0               45.6\n"
        "   ann 2026-11-17       1         1       14.2          21.3         21.3        "
        "348.4      14.2       0.9       284.4                                      -6.8"
        "             15.3                   4.5            1200.0                1.2\n"
        "   bob 2026-11-16       2         0      280.5         212.1         31.5        "
        "438.2     109.7       8.0        94.8            1.32             1.02     -1.9"
        "             14.6                  96.1            1000.0               28.0\n"
    )
    assert result.stderr.endswith(
        "9 rows: 8 used, 1 not used\n"
        "Note: Targets per person from their profile: 2 persons, 2 DRI life stages: female "
        "51-70 y, male 31-50 y (see targets_by_person).\n" + COEFFICIENTS + INCOMPLETE + WITHHELD
    )


def test_weekly_with_profiles_csv_and_flags() -> None:
    result = run("weekly", WEEK, "--profiles", PROFILES, "--format", "csv", "--flags")
    assert result.exit_code == 0, result.output
    rows = list(csv.DictReader(io.StringIO(result.stdout)))
    assert [(r["person"], r["week"], r["days"]) for r in rows] == [
        ("ann", "2026-W47", "1"),
        ("bob", "2026-W47", "1"),
    ]
    # ann's week (Monday, her one complete day): 547.66 mg a day; / 1,200 = 45.6383 %
    assert float(rows[0]["calcium_target_mg"]) == 1200.0
    assert float(rows[0]["calcium_pct_target"]) == pytest.approx(547.66 / 1200 * 100, abs=1e-5)
    # bob: 280.46 / 1,000 = 28.046 %
    assert float(rows[1]["calcium_target_mg"]) == 1000.0
    assert float(rows[1]["calcium_pct_target"]) == pytest.approx(28.046, abs=1e-5)
    assert (
        "[warning] 2026-W47 (average of 1 logged day) for bob: calcium 280 mg is below the RDA "
        "of 1,000 mg (male 31-50 y). (IOM 2011, Dietary Reference Intakes for Calcium and "
        "Vitamin D; confidence V)\n"
    ) in result.stderr
    assert (
        "[warning] 2026-W47 (average of 1 complete day of 2 logged) for ann: calcium 548 mg is "
        "below the RDA of 1,200 mg (female 51-70 y)."
    ) in result.stderr


def test_profiles_note_persons_not_in_file(tmp_path: Path) -> None:
    path = tmp_path / "profiles.csv"
    path.write_text("person,sex,age\nann,female,60\nzed,male,40\n")
    result = run("daily", WEEK, "--profiles", str(path))
    assert result.exit_code == 0, result.output
    assert (
        "Note: Targets per person from their profile: 2 persons, 2 DRI life stages: female "
        "51-70 y, female 31-50 y (see targets_by_person).\n"
        "Note: 1 of 2 persons is not in the profiles and uses the default profile (female, "
        "35 y).\n"
        "Note: 1 person in the profiles is not in the diary.\n"
    ) in result.stderr


def test_bad_profiles_file_exact() -> None:
    result = run("daily", WEEK, "--profiles", BAD_PROFILES)
    assert result.exit_code == 1
    assert result.stdout == ""
    assert result.stderr == (
        f"Error: {BAD_PROFILES} line 2: sex 'x' for person 'ann' is not a sex the DRI tables "
        "know; use female or male (f/m)\n"
        f"{BAD_PROFILES} line 3: age 'abc' for person 'bob' is not an age the DRI tables "
        "cover; give the age in years, from 0 to 120\n"
        f"{BAD_PROFILES} line 3: pregnant 'maybe' for person 'bob' is not yes or no; use "
        "yes/no, true/false, 1/0 or leave it blank\n"
        f"{BAD_PROFILES} line 4: person 'ann' is already on line 2; give each person one row\n"
    )


def test_profiles_file_missing_or_without_columns(tmp_path: Path) -> None:
    missing = str(tmp_path / "absent.csv")
    result = run("weekly", WEEK, "--profiles", missing)
    assert result.exit_code == 1
    assert (
        result.stderr == f"Error: {missing}: no such file; check the path of the profiles file\n"
    )
    header = tmp_path / "header.csv"
    header.write_text("id,Sex\np1,f\n")
    result = run("daily", WEEK, "--profiles", str(header))
    assert result.exit_code == 1
    assert result.stderr == (
        f"Error: {header} line 1: missing columns person, age (found: id, Sex); the header "
        "must name person, sex, age and optionally pregnant, lactating\n"
    )
    empty = tmp_path / "empty.csv"
    empty.write_text("")
    result = run("daily", WEEK, "--profiles", str(empty))
    assert result.stderr == (
        f"Error: {empty}: the file is empty; give a header line "
        "person,sex,age,pregnant,lactating and one row per person\n"
    )


def test_flags_on_approximate_calcium_say_about_as_the_report_does() -> None:
    # MyFitnessPal calcium as % of a Daily Value, converted with DV = 1,300 mg: weekly's
    # flags say "about", as the report's (tests/report/test_build.py)
    path = Path(__file__).parents[1] / "data" / "diaries" / "mfp_summary.csv"
    result = CliRunner().invoke(
        cli, ["weekly", str(path), "--mfp-calcium-dv", "1300", "--flags", "--min-energy", "0"]
    )
    assert result.exit_code == 0, result.stderr
    calcium = [line for line in result.stderr.splitlines() if "below the RDA" in line]
    assert calcium and all("calcium about " in line for line in calcium)
    assert all("(Calcium is approximate: converted from a % Daily Value.)" in line
               for line in calcium)  # fmt: skip


def test_the_default_tables_withhold_the_ca_p_the_report_withholds(tmp_path: Path) -> None:
    # Each day: 4 x 70 g cheddar (SR28 01009: Ca 710, P 455 mg/100 g; 1,988 / 1,274 mg) and
    # a row in a unit cheddar lacks, counted as an average entry: 20% of the food unknown,
    # over the 10% a ratio allows. Ca:P 1,988 / 1,274 = 1.56 stays in --all only.
    path = cheddar_week_a_fifth_unused(tmp_path)
    daily = run("daily", str(path), "--format", "csv")
    assert daily.exit_code == 0, daily.stderr
    table = list(csv.DictReader(io.StringIO(daily.stdout)))
    assert [r["ca_p_mass_ratio"] for r in table] == [""] * 7
    assert (
        "Note: 7 days' Ca:P left blank: calcium or phosphorus is unknown for more than "
        "10% of the food, so the report shows none (the values: --all)" in daily.stderr
    )
    every = run("daily", str(path), "--format", "csv", "--all")
    values = [float(r["ca_p_mass_ratio"]) for r in csv.DictReader(io.StringIO(every.stdout))]
    assert values == pytest.approx([1988 / 1274] * 7)
    weekly = run("weekly", str(path), "--format", "csv")
    (week,) = list(csv.DictReader(io.StringIO(weekly.stdout)))
    assert week["ca_p_mass_ratio"] == ""
    assert "Note: 1 week' Ca:P left blank" not in weekly.stderr  # one week: singular
    assert "Note: 1 week's Ca:P left blank" in weekly.stderr
